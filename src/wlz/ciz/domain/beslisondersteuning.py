"""Decision support: the zorgprofielen that fit a recorded assessment, ranked, each with its reasons.

The CIZ must indicate "het best passende profiel … uit alle zorgprofielen met alle grondslagen" (seed 000 p6
r.323-327), so every profile whose sector a grondslag of the client opens is compared, not only the next one up:
profiles are not a ladder (a client with VV5 may go straight to VV7, seed 004 fn. 7 p11 r.437-438). VG7 only with
gedragsproblematiek (seed 000 p2 r.69-72). About 3% of clients fit no profile, mostly ZEVMB (seed 003 p2
r.84-87): "past in geen profiel" is an outcome of its own, routed to maatwerk or meerzorg.

How a profile is read: :data:`PROFIELEN` gives per indiceerbaar profile the level of each function its name
(Rlz Bijlage A, the names in wlz.reference) says — "enige" 1, no word 2, "intensieve"/"uitgebreide" 3,
"zeer intensieve"/"volledige" 4 — and the kenmerken the name asks for (dementiezorg, specifieke aandoeningen,
beveiligd, ...). These levels are this program's reading of the names, shown with every advice, not a figure of
the CIZ; the indicatiesteller decides.

The fit of a profile: its sector must be opened by a grondslag, the client must have every kenmerk it asks for,
and no function may fall short by more than one level; the distance is the sum over functions of the shortfall
times two (too little care weighs more) plus the surplus, plus one for each kenmerk of the client the profile
does not serve. Lowest distance first.
"""

from __future__ import annotations

from dataclasses import dataclass

from wlz import reference

from .beoordeling import NIVEAUS, Beoordeling, Functie, Kenmerk, Toegang, toegangscriterium

B, V, P, G, T = (
    Functie.BEGELEIDING,
    Functie.VERZORGING,
    Functie.VERPLEGING,
    Functie.GEDRAGSREGULERING,
    Functie.BEHANDELING,
)
K = Kenmerk

#: sector (wlz.reference) -> the grondslagen (COD736) that open it
SECTOR_GRONDSLAGEN: dict[str, frozenset[str]] = {
    "vv": frozenset({"01", "02"}),
    "vg": frozenset({"05"}),
    "lvg": frozenset({"05"}),
    "sglvg": frozenset({"05"}),
    "lg": frozenset({"04"}),
    "zgvis": frozenset({"06"}),
    "zgaud": frozenset({"06"}),
    "ggz-b": frozenset({"03"}),
    "ggz-w": frozenset({"03"}),
}


@dataclass(frozen=True)
class Profiel:
    """An indiceerbaar profile as decision support reads its name: levels per function and kenmerken asked."""

    code: str
    niveaus: dict[Functie, int]
    vereist: frozenset[Kenmerk] = frozenset()


def _p(code: str, niveaus: dict[Functie, int], *vereist: Kenmerk) -> Profiel:
    return Profiel(code, niveaus, frozenset(vereist))


#: every profile the CIZ indicates today (not: transitional-law zzp's, VV9A outside the Wlz, VV9 under its older
#: COD163 code 758 — VV9B, 191, is the same profile)
PROFIELEN: tuple[Profiel, ...] = (
    _p("VV4", {B: 3, V: 3}),
    _p("VV5", {B: 3, V: 3}, K.DEMENTIE),
    _p("VV6", {B: 2, V: 3, P: 3}),
    _p("VV7", {B: 4, V: 3, P: 2}, K.SPECIFIEKE_AANDOENING),
    _p("VV8", {B: 2, V: 4, P: 4}, K.SPECIFIEKE_AANDOENING),
    _p("VV9B", {V: 2, P: 2, T: 3}, K.HERSTELGERICHT),
    _p("VV10", {B: 2, V: 3, P: 3}, K.PALLIATIEF_TERMINAAL),
    _p("VG3", {B: 2, V: 2}),
    _p("VG4", {B: 2, V: 3}),
    _p("VG5", {B: 3, V: 3}),
    _p("VG6", {B: 3, V: 2, G: 3}),
    _p("VG7", {B: 4, V: 2, G: 4}, K.GEDRAGSPROBLEMATIEK),
    _p("VG8", {B: 2, V: 4, P: 4}),
    _p("LVG1", {B: 1, T: 1}, K.LICHT_VERSTANDELIJK),
    _p("LVG2", {B: 2, T: 2}, K.LICHT_VERSTANDELIJK),
    _p("LVG3", {B: 3, T: 3}, K.LICHT_VERSTANDELIJK, K.KLEINE_GROEP),
    _p("LVG4", {B: 4, T: 4}, K.LICHT_VERSTANDELIJK),
    _p("LVG5", {B: 4, T: 4}, K.LICHT_VERSTANDELIJK, K.BESLOTEN),
    _p("SGLVG1", {B: 4, T: 4, G: 4}, K.LICHT_VERSTANDELIJK, K.SGLVG),
    _p("LG1", {B: 1, V: 1}),
    _p("LG2", {B: 2, V: 1}),
    _p("LG3", {B: 1, V: 2}),
    _p("LG4", {B: 2, V: 2}),
    _p("LG5", {B: 2, V: 3}),
    _p("LG6", {B: 3, V: 3}),
    _p("LG7", {B: 4, V: 4}),
    _p("ZGvis1", {B: 1, V: 1}, K.VISUEEL),
    _p("ZGvis2", {B: 2, V: 1}, K.VISUEEL),
    _p("ZGvis3", {B: 3, V: 2}, K.VISUEEL),
    _p("ZGvis4", {B: 3, V: 3}, K.VISUEEL),
    _p("ZGvis5", {B: 4, V: 4}, K.VISUEEL),
    _p("ZGaud1", {B: 2, V: 1}, K.AUDITIEF),
    _p("ZGaud2", {B: 3, V: 2}, K.AUDITIEF),
    _p("ZGaud3", {B: 3, V: 3}, K.AUDITIEF),
    _p("ZGaud4", {B: 3, V: 1}, K.AUDITIEF),
    _p("GGZ-B3", {B: 3}, K.VOORTGEZET_VERBLIJF),
    _p("GGZ-B4", {B: 3, V: 2}, K.VOORTGEZET_VERBLIJF),
    _p("GGZ-B5", {B: 3, G: 3}, K.VOORTGEZET_VERBLIJF),
    _p("GGZ-B6", {B: 3, V: 3, P: 3}, K.VOORTGEZET_VERBLIJF),
    _p("GGZ-B7", {B: 4, G: 4}, K.VOORTGEZET_VERBLIJF, K.GEDRAGSPROBLEMATIEK, K.BEVEILIGD),
    _p("GGZ-W1", {B: 3}),
    _p("GGZ-W2", {B: 3, V: 2}),
    _p("GGZ-W3", {B: 3, G: 3}),
    _p("GGZ-W4", {B: 3, V: 3, P: 3}),
    _p("GGZ-W5", {B: 4, G: 4}, K.GEDRAGSPROBLEMATIEK, K.BEVEILIGD),
)

#: kenmerken that only place a client (in a sector or in the Wlz route) and cost no distance when unserved
_PLAATSEND = frozenset({K.GEDRAGSPROBLEMATIEK})
#: the shortfall (levels) a function may have before a profile no longer fits
MAX_TEKORT = 1


@dataclass(frozen=True)
class Advies:
    """One profile in the advice: whether it fits, its distance (lower is better) and the reasons."""

    code: str
    label: str
    past: bool
    afstand: int
    redenen: tuple[str, ...]


@dataclass(frozen=True)
class Uitkomst:
    """The decision support for one assessment: access, the fitting profiles best first, and the others."""

    toegang: Toegang
    passend: tuple[Advies, ...]
    niet_passend: tuple[Advies, ...]

    @property
    def past_in_geen_profiel(self) -> bool:
        """Access to the Wlz, but no profile fits: route to maatwerk or meerzorg (seed 003 p2 r.84-87)."""
        return self.toegang.toegang and not self.passend

    @property
    def beste(self) -> Advies | None:
        return self.passend[0] if self.passend else None


def _vergelijk(p: Profiel, b: Beoordeling) -> Advies:
    zp = reference.zorgprofielen()[p.code]
    redenen: list[str] = []
    past = True
    open_ = SECTOR_GRONDSLAGEN[zp.sector] & set(b.grondslagen)
    if not open_:
        past = False
        redenen.append(f"Geen grondslag die sector {zp.sector.upper()} opent.")
    ontbreekt = [k for k in sorted(p.vereist) if not b.heeft(k)]
    if ontbreekt:
        past = False
        redenen.append("Vraagt " + ", ".join(k.value.replace("_", " ") for k in ontbreekt) + ".")
    if p.code == "VV5" and "02" not in b.grondslagen:
        past = False
        redenen.append("Dementiezorg vraagt een psychogeriatrische grondslag.")
    afstand = 0
    for f in Functie:
        nodig, biedt = b.niveau(f), p.niveaus.get(f, 0)
        if nodig > biedt:
            afstand += 2 * (nodig - biedt)
            if nodig - biedt > MAX_TEKORT:
                past = False
            redenen.append(f"{f.value}: nodig {NIVEAUS[nodig]}, profiel biedt {NIVEAUS[biedt]} (te weinig).")
        elif biedt > nodig:
            afstand += biedt - nodig
            redenen.append(f"{f.value}: nodig {NIVEAUS[nodig]}, profiel biedt {NIVEAUS[biedt]}.")
        elif nodig:
            redenen.append(f"{f.value}: {NIVEAUS[nodig]}, zoals nodig.")
    extra = [k for k in sorted(b.kenmerken) if k not in p.vereist and K(k) not in _PLAATSEND]
    for k in extra:
        afstand += 1
        redenen.append(f"Kenmerk {k.replace('_', ' ')} wordt in dit profiel niet als zodanig geboden.")
    return Advies(p.code, zp.label, past, afstand, tuple(redenen))


def adviseer(b: Beoordeling) -> Uitkomst:
    """Rank every indiceerbaar profile for the assessment ``b`` (which :meth:`Beoordeling.controleer` accepted)."""
    toegang = toegangscriterium(b)
    adviezen = [_vergelijk(p, b) for p in PROFIELEN]
    if not toegang.toegang:
        adviezen = [
            Advies(a.code, a.label, False, a.afstand, (f"Geen toegang tot de Wlz: {toegang.reden}", *a.redenen))
            for a in adviezen
        ]
    volgorde = sorted(adviezen, key=lambda a: (a.afstand, PROFIEL_VOLGORDE[a.code]))
    return Uitkomst(
        toegang,
        tuple(a for a in volgorde if a.past),
        tuple(a for a in volgorde if not a.past),
    )


PROFIEL_VOLGORDE = {p.code: i for i, p in enumerate(PROFIELEN)}


def indiceerbaar(code: str) -> bool:
    return code in PROFIEL_VOLGORDE
