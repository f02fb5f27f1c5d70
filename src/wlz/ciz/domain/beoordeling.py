"""The assessment (beoordeling) an indicatiesteller records, and the Wlz access criterion it is tested against.

Wlz art. 3.2.1 lid 1 (https://wetten.overheid.nl/BWBR0035917#Artikel3.2.1): a right to Wlz care needs a
somatic or psychogeriatric condition or a mental, physical or sensory handicap (a grondslag) and a *blijvende*
need of (a) permanent supervision to prevent escalation or serious harm, or (b) 24 hours a day care nearby.
Lid 3: an adult with a light mental handicap and behaviour problems also when the need is temporary (the LVG
profiles). Wlz art. 3.2.2: continued stay for a psychic disorder after the Zvw maximum (the GGZ-B profiles).

Levels of need per function (0-4) and limitation scores per domain (0-4) are what the indicatiesteller records;
they are inputs, not figures of this program.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from wlz.common.errors import InputError

URL_WLZ_321 = "https://wetten.overheid.nl/BWBR0035917#Artikel3.2.1"
URL_WLZ_322 = "https://wetten.overheid.nl/BWBR0035917#Artikel3.2.2"

#: COD736 grondslagen (wlz.reference.grondslag; iWlz ``LDT_Grondslag``)
GRONDSLAGEN = ("01", "02", "03", "04", "05", "06", "07")
#: the iWlz message carries at most two grondslagen (``CDT_Grondslagen``)
MAX_GRONDSLAGEN = 2


class Functie(StrEnum):
    """The functions of Wlz care a need is recorded for (the words of the zorgprofiel names)."""

    BEGELEIDING = "begeleiding"
    VERZORGING = "verzorging"
    VERPLEGING = "verpleging"
    GEDRAGSREGULERING = "gedragsregulering"
    BEHANDELING = "behandeling"


#: level words on the pages and in the reasons (the words of the profile names: enige, -, intensieve, zeer)
NIVEAUS = ("geen", "enige", "gewone", "intensieve", "zeer intensieve")
MAX_NIVEAU = len(NIVEAUS) - 1


class Domein(StrEnum):
    """Domains of limitations an assessment scores (Wlz art. 3.2.1 lid 2 onder e names the regie domains)."""

    SOCIALE_REDZAAMHEID = "sociale_redzaamheid"
    PROBLEEMGEDRAG = "probleemgedrag"
    PSYCHISCH_FUNCTIONEREN = "psychisch_functioneren"
    GEHEUGEN_ORIENTATIE = "geheugen_orientatie"
    BEWEGEN_VERPLAATSEN = "bewegen_verplaatsen"
    ZELFZORG = "zelfzorg"
    VERPLEEGKUNDIGE_ZORG = "verpleegkundige_zorg"


class Kenmerk(StrEnum):
    """Facts of the client a zorgprofiel asks for (its name says so), recorded in the assessment."""

    DEMENTIE = "dementie"  # VV5: intensieve dementiezorg
    SPECIFIEKE_AANDOENING = "specifieke_aandoening"  # VV7/VV8, e.g. Huntington, ALS, MS (seed 004 fn. 7)
    HERSTELGERICHT = "herstelgericht"  # VV9B
    PALLIATIEF_TERMINAAL = "palliatief_terminaal"  # VV10
    GEDRAGSPROBLEMATIEK = "gedragsproblematiek"  # VG7 (seed 000 p2 r.69-72), LVG, GGZ-B7/W5
    LICHT_VERSTANDELIJK = "licht_verstandelijk"  # LVG (Wlz art. 3.2.1 lid 3)
    KLEINE_GROEP = "kleine_groep"  # LVG3
    BESLOTEN = "besloten"  # LVG5 (and VG7: "(besloten)")
    SGLVG = "sglvg"  # SGLVG1: behandeling in een SGLVG-behandelcentrum
    BEVEILIGD = "beveiligd"  # GGZ-B7, GGZ-W5
    VISUEEL = "visueel"  # ZGvis
    AUDITIEF = "auditief"  # ZGaud
    VOORTGEZET_VERBLIJF = "voortgezet_verblijf"  # GGZ-B (Wlz art. 3.2.2)


@dataclass(frozen=True)
class Beoordeling:
    """What the indicatiesteller recorded: grondslagen, whether the need is blijvend, the supervision need of
    Wlz art. 3.2.1 lid 1 (a: permanent toezicht, b: 24 uur per dag zorg in de nabijheid), limitations per
    domain, the need per function and the kenmerken profiles ask for."""

    grondslagen: tuple[str, ...]
    blijvend: bool = True
    permanent_toezicht: bool = False
    zorg_24_uur_nabijheid: bool = False
    beperkingen: dict[str, int] = field(default_factory=dict)
    behoefte: dict[str, int] = field(default_factory=dict)
    kenmerken: frozenset[str] = frozenset()
    onderzoek: str = ""

    def niveau(self, functie: Functie) -> int:
        return self.behoefte.get(functie.value, 0)

    def heeft(self, kenmerk: Kenmerk) -> bool:
        return kenmerk.value in self.kenmerken

    def controleer(self) -> None:
        """Refuse input that cannot be an assessment, naming the field."""
        if not self.grondslagen:
            raise InputError("grondslagen", "Kies ten minste één grondslag.", "Wlz art. 3.2.1 lid 1")
        if len(self.grondslagen) > MAX_GRONDSLAGEN:
            raise InputError("grondslagen", "Ten hoogste twee grondslagen (iWlz CDT_Grondslagen).")
        for g in self.grondslagen:
            if g not in GRONDSLAGEN:
                raise InputError("grondslagen", f"Onbekende grondslag {g!r} (COD736).")
        for naam, waarde in self.behoefte.items():
            if naam not in {f.value for f in Functie}:
                raise InputError(f"behoefte.{naam}", "Onbekende functie.")
            if not 0 <= waarde <= MAX_NIVEAU:
                raise InputError(f"behoefte.{naam}", f"Kies een niveau van 0 tot en met {MAX_NIVEAU}.")
        for naam, waarde in self.beperkingen.items():
            if naam not in {d.value for d in Domein}:
                raise InputError(f"beperkingen.{naam}", "Onbekend domein.")
            if not 0 <= waarde <= MAX_NIVEAU:
                raise InputError(f"beperkingen.{naam}", f"Kies een score van 0 tot en met {MAX_NIVEAU}.")
        for k in self.kenmerken:
            if k not in {m.value for m in Kenmerk}:
                raise InputError("kenmerken", f"Onbekend kenmerk {k!r}.")


@dataclass(frozen=True)
class Toegang:
    """Whether the assessment meets a route into the Wlz, the article, and why (Dutch)."""

    toegang: bool
    artikel: str
    reden: str


def toegangscriterium(b: Beoordeling) -> Toegang:
    """The Wlz access criterion applied to an assessment (Wlz art. 3.2.1 lid 1 and 3, art. 3.2.2)."""
    toezicht = b.permanent_toezicht or b.zorg_24_uur_nabijheid
    soort = "permanent toezicht" if b.permanent_toezicht else "24 uur per dag zorg in de nabijheid"
    if b.heeft(Kenmerk.VOORTGEZET_VERBLIJF) and "03" in b.grondslagen:
        return Toegang(True, "Wlz art. 3.2.2", "Voortgezet verblijf na de maximumduur van de Zvw-ggz.")
    if toezicht and b.blijvend and any(g != "07" for g in b.grondslagen):
        return Toegang(True, "Wlz art. 3.2.1 lid 1", f"Blijvende behoefte aan {soort}.")
    if toezicht and b.heeft(Kenmerk.LICHT_VERSTANDELIJK) and b.heeft(Kenmerk.GEDRAGSPROBLEMATIEK):
        return Toegang(
            True, "Wlz art. 3.2.1 lid 3", f"Licht verstandelijke handicap met gedragsproblemen; behoefte aan {soort}."
        )
    if not toezicht:
        reden = "Geen behoefte aan permanent toezicht of aan 24 uur per dag zorg in de nabijheid."
    elif not b.blijvend:
        reden = "De behoefte aan toezicht of zorg in de nabijheid is niet blijvend."
    else:
        reden = "Geen grondslag die toegang geeft (psychosociale problemen alleen geven geen toegang)."
    return Toegang(False, "Wlz art. 3.2.1 lid 1", reden)
