"""The structural options: which clients move between bekostigingsopties, and which payer changes.

Each option is a rule ``(sector, profile, option) → [(destination, share)]`` plus payer changes per
behandelvorm. The knip (seed 004 §4.1-4.5) has three variants; behandeling naar de Zvw (§1.1), alles
integraal (Bijlage 1) and vpt inclusief afgeschaft (§5) are its extremes and use the same machinery.
pgb never moves (seed 004 voetnoot 1: the pgb is outside the advice).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from wlz.reference.bekostiging import bekostiging
from wlz.scenario.model import Blok, Toestand
from wlz.scenario.schema import (
    BEHANDELVORMEN,
    AllesIntegraal,
    BehandelingNaarZvw,
    Knip,
    VptInclAfgeschaft,
    instelling,
)

Regel = Callable[[str, int, str], list[tuple[str, float]]]
BETAALBARE_OPTIES = ("mpt", "vpt_excl", "vpt_incl", "zzp_excl", "zzp_incl")
#: our option codes → the option codes of the who-pays table in wlz.reference
REFERENTIE_OPTIE = {
    "zzp_incl": "zzp_inclusief_behandeling",
    "zzp_excl": "zzp_exclusief_behandeling",
    "vpt_incl": "vpt_inclusief_behandeling",
    "vpt_excl": "vpt_exclusief_behandeling",
    "mpt": "mpt",
    "pgb": "pgb",
}


def standaard_betaler(optie: str, vorm: str) -> Literal["wlz", "zvw"]:
    """Who pays a behandelvorm under an option today, from the who-pays table of wlz.reference (seed 004 §2.3-2.4,
    Bijlage 2): every Wlz category (integraal, per module, pgb) is the Wlz."""
    return "zvw" if bekostiging().cel(REFERENTIE_OPTIE[optie], vorm).wie == "zvw" else "wlz"


def betalers_tabel(toestand: Toestand, sector: str) -> dict[str, dict[str, str]]:
    """Per option and behandelvorm the payer after the options so far (reference default unless changed),
    for any profile of ``sector`` where a change was made (else profile 1 as representative)."""
    profielen = sorted({p for (s, p, _, _) in toestand.betalers if s == sector}) or [1]
    p = profielen[0]
    return {
        o: {v: toestand.betalers.get((sector, p, o, v), standaard_betaler(o, v)) for v in BEHANDELVORMEN}
        for o in BETAALBARE_OPTIES
    }


#: soorten zorg of the claims that a grootschalige inkoop of farmacie and hulpmiddelen touches (seed 004 §4.3)
INKOOP_SOORTEN = ("FRM", "HLP")


@dataclass(frozen=True)
class Verschuiving:
    sector: str
    zorgprofiel: int
    van: str
    naar: str
    clienten_gewogen: float


def knip_regel(variant: str, grens: int, thuis_pct: float) -> Callable[[str, int], list[tuple[str, float]]]:
    """The moves of one knip variant for one sector with cut ``grens`` (seed 004 §4.1, r.894-960)."""

    def regel(optie: str, p: int) -> list[tuple[str, float]]:
        boven = p >= grens
        if variant == "zorgzwaarte":
            if not boven and optie == "zzp_incl":
                return [("zzp_excl", 1.0)]
            if not boven and optie == "vpt_incl":
                return [("vpt_excl", 1.0)]
            if boven and optie == "zzp_excl":
                return [("zzp_incl", 1.0)]
            if boven and optie in ("vpt_excl", "mpt") and thuis_pct > 0:
                return [("vpt_incl", thuis_pct / 100)]
            return []
        if variant == "setting":
            if optie == "zzp_excl":
                return [("zzp_incl", 1.0)]
            if optie == "vpt_incl":
                return [("vpt_excl", 1.0)]
            return []
        if variant == "combinatie":
            if optie == "vpt_incl" or (optie == "zzp_incl" and not boven):
                return [(optie.replace("_incl", "_excl"), 1.0)]
            if optie == "zzp_excl" and boven:
                return [("zzp_incl", 1.0)]
            return []
        return []

    return regel


def pas_toe(toestand: Toestand, regel: Regel) -> list[Verschuiving]:
    """Move blocks by ``regel`` (in place) and return the moves, summed per sector, profile, from and to."""
    nieuw: list[Blok] = []
    som: dict[tuple[str, int, str, str], float] = {}
    for b in toestand.blokken:
        if b.optie == "pgb":
            nieuw.append(b)
            continue
        rest = b.clienten
        for naar, aandeel in regel(b.sector, b.zorgprofiel, b.optie):
            n = b.clienten * aandeel
            if n <= 0 or naar == b.optie:
                continue
            rest -= n
            nieuw.append(Blok(b.sector, b.zorgprofiel, b.herkomst, naar, n, b.extra))
            k = (b.sector, b.zorgprofiel, b.optie, naar)
            som[k] = som.get(k, 0.0) + n
        if rest > 1e-12:
            nieuw.append(Blok(b.sector, b.zorgprofiel, b.herkomst, b.optie, rest, b.extra))
    toestand.blokken = _samenvoegen(nieuw)
    return [Verschuiving(s, p, van, naar, n) for (s, p, van, naar), n in sorted(som.items())]


def _samenvoegen(blokken: list[Blok]) -> list[Blok]:
    out: dict[tuple[str, int, str, str], Blok] = {}
    for b in blokken:
        k = (b.sector, b.zorgprofiel, b.herkomst, b.optie)
        if k in out:
            samen = out[k].clienten + b.clienten
            if samen > 0:  # the extra per client of the merged block: the clients' weighted mean
                out[k].extra = (out[k].clienten * out[k].extra + b.clienten * b.extra) / samen
            out[k].clienten = samen
        else:
            out[k] = Blok(*k, b.clienten, b.extra)
    return list(out.values())


def draag_mee(toestand: Toestand, bedragen: dict[tuple[str, int, str], float]) -> float:
    """Carry a per-group option's Wlz € change per (sector, profile, option) into the state (in place): spread over
    the group's blocks per weighted client, so later options start from it and a client moved later keeps it.
    Returns the euros carried (groups without clients in the state carry nothing)."""
    n = toestand.clienten()
    gedragen = 0.0
    for b in toestand.blokken:
        k = (b.sector, b.zorgprofiel, b.optie)
        bedrag = bedragen.get(k)
        if bedrag and n.get(k, 0.0) > 0:
            b.extra += bedrag / n[k]
            gedragen += bedrag * b.clienten / n[k]
    return gedragen


def _zet_betaler(
    toestand: Toestand,
    sectoren: tuple[str, ...],
    profielen: Callable[[str, int], bool],
    opties: tuple[str, ...],
    vormen: dict[str, Literal["wlz", "zvw"]],
) -> None:
    """Set payers for every (sector, profile) of the state whose sector the option covers."""
    for sector, p in sorted({(b.sector, b.zorgprofiel) for b in toestand.blokken}):
        if instelling(sector) not in sectoren or not profielen(sector, p):
            continue
        for optie in opties:
            for vorm, wie in vormen.items():
                toestand.betalers[(sector, p, optie, vorm)] = wie


def knip(toestand: Toestand, optie: Knip) -> list[Verschuiving]:
    regels = {
        s: knip_regel(optie.variant_voor(s), getattr(optie.grens, instelling(s)), optie.thuis_naar_vpt_incl_pct)
        for s in {b.sector for b in toestand.blokken}
    }
    moves = pas_toe(toestand, lambda s, p, o: regels[s](o, p))
    for vorm, wie in optie.betaler.items():
        per_optie = wie if isinstance(wie, dict) else dict.fromkeys(BETAALBARE_OPTIES, wie)
        for o, w in per_optie.items():
            _zet_betaler(toestand, optie.sectoren, lambda s, p: True, (o,), {vorm: w})
    for sector in optie.sectoren:
        if optie.opslag_niet_clientgebonden_pct:
            toestand.opslag_modulair[sector] = optie.opslag_niet_clientgebonden_pct / 100
        if optie.inkoopvoordeel_pct:
            for soort in INKOOP_SOORTEN:
                toestand.besparing[(sector, soort)] = optie.inkoopvoordeel_pct / 100
    return moves


def behandeling_naar_zvw(toestand: Toestand, optie: BehandelingNaarZvw) -> list[Verschuiving]:
    """Integral behandeling becomes modular and every Wlz behandelvorm goes to the Zvw (seed 004 §1.1)."""

    def geraakt(s: str, p: int) -> bool:
        grenzen: dict[str, int] = {str(k): v for k, v in optie.alleen_onder.items()}
        return instelling(s) in optie.sectoren and p < grenzen.get(instelling(s), 11)

    def regel(s: str, p: int, o: str) -> list[tuple[str, float]]:
        if geraakt(s, p) and o in ("zzp_incl", "vpt_incl"):
            return [(o.replace("_incl", "_excl"), 1.0)]
        return []

    moves = pas_toe(toestand, regel)
    # every behandelvorm the Wlz pays today under an option goes to the Zvw
    for o in BETAALBARE_OPTIES:
        naar_zvw = {v: "zvw" for v in BEHANDELVORMEN if standaard_betaler(o, v) == "wlz"}
        _zet_betaler(toestand, optie.sectoren, geraakt, (o,), naar_zvw)  # type: ignore[arg-type]
    return moves


def alles_integraal(toestand: Toestand, optie: AllesIntegraal) -> list[Verschuiving]:
    """Every zzp/vpt client integral, vpt inclusief with the algemene behandeling in the Wlz (seed 004 Bijlage 1)."""

    def regel(s: str, p: int, o: str) -> list[tuple[str, float]]:
        if instelling(s) in optie.sectoren and o in ("zzp_excl", "vpt_excl"):
            return [(o.replace("_excl", "_incl"), 1.0)]
        return []

    moves = pas_toe(toestand, regel)
    # the integral package holds all behandeling: what the Zvw pays today under vpt_incl moves to the Wlz
    naar_wlz = {v: "wlz" for v in BEHANDELVORMEN if standaard_betaler("vpt_incl", v) == "zvw"}
    _zet_betaler(toestand, optie.sectoren, lambda s, p: True, ("vpt_incl",), naar_wlz)  # type: ignore[arg-type]
    return moves


def vpt_incl_afgeschaft(toestand: Toestand, optie: VptInclAfgeschaft) -> list[Verschuiving]:
    def regel(s: str, p: int, o: str) -> list[tuple[str, float]]:
        return [("vpt_excl", 1.0)] if instelling(s) in optie.sectoren and o == "vpt_incl" else []

    return pas_toe(toestand, regel)


def naar_modulair(moves: list[Verschuiving]) -> float:
    """Clients whose behandeling is now declared per module (integral → modular)."""
    return sum(m.clienten_gewogen for m in moves if m.van.endswith("_incl") and not m.naar.endswith("_incl"))


def naar_integraal(moves: list[Verschuiving]) -> float:
    return sum(m.clienten_gewogen for m in moves if m.naar.endswith("_incl") and not m.van.endswith("_incl"))
