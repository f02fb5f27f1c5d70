"""The decision on a request: toegekend (a zorgprofiel, a start date, a validity per Rlz art. 3.2, voorwaarden)
or afgewezen (with the reason), checked against the law before it is kept.

- Blz art. 3.2.3: what an indicatiebesluit states (research results, conditions, profile, voorwaarden en
  beperkingen, start date, validity).
- Blz art. 3.2.5: valid indefinitely unless the profile is in a category of the Rlz; Rlz art. 3.2: at most three
  years for the LVG/SGLVG and GGZ-B profiles, at most six months for VV9B (the maxima are in wlz.reference,
  ``max_geldigheid_maanden``) — so an end date only for those, never beyond the maximum.
- Blz art. 3.2.4 lid 2: only then may the start date lie before the receipt (:mod:`.termijn`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from dateutil.relativedelta import relativedelta

from wlz import reference
from wlz.common.errors import InputError

from .beslisondersteuning import indiceerbaar
from .termijn import controleer_ingangsdatum

URL_BLZ_325 = "https://wetten.overheid.nl/BWBR0035948#Artikel3.2.5"
URL_RLZ_32 = "https://wetten.overheid.nl/BWBR0036014#Artikel3.2"


class Uitkomst(StrEnum):
    TOEGEKEND = "toegekend"
    AFGEWEZEN = "afgewezen"


class Afwijzingsgrond(StrEnum):
    """Why a request is refused (the letter says it in full)."""

    GEEN_TOEGANG = "geen_toegang"  # Wlz art. 3.2.1: the access criterion is not met
    NIET_VERZEKERD = "niet_verzekerd"  # Rlz art. 3.1 lid 2: the CIZ checks the insurance first
    GEEN_MEDEWERKING = "geen_medewerking"  # Wlz art. 3.2.3 lid 3: no information or examination

    @property
    def tekst(self) -> str:
        return AFWIJZINGSGRONDEN[self]


AFWIJZINGSGRONDEN = {
    Afwijzingsgrond.GEEN_TOEGANG: "U heeft geen blijvende behoefte aan permanent toezicht of aan 24 uur per dag zorg "
    "in de nabijheid (Wlz artikel 3.2.1).",
    Afwijzingsgrond.NIET_VERZEKERD: "U bent niet verzekerd voor de Wet langdurige zorg (Rlz artikel 3.1).",
    Afwijzingsgrond.GEEN_MEDEWERKING: "Wij konden uw aanvraag niet beoordelen: de gevraagde gegevens of het onderzoek "
    "ontbraken (Wlz artikel 3.2.3 lid 3).",
}


@dataclass(frozen=True)
class Besluit:
    uitkomst: Uitkomst
    besluitdatum: dt.date
    zorgprofiel: str | None = None
    ingangsdatum: dt.date | None = None
    einddatum: dt.date | None = None
    voorwaarden: str = ""
    afwijzingsgrond: Afwijzingsgrond | None = None
    toelichting: str = ""

    @property
    def toegekend(self) -> bool:
        return self.uitkomst is Uitkomst.TOEGEKEND


def maximale_einddatum(zorgprofiel: str, ingangsdatum: dt.date) -> dt.date | None:
    """The last day a decision for this profile may be valid (Rlz art. 3.2); None: indefinite (Blz art. 3.2.5)."""
    maanden = reference.zorgprofielen()[zorgprofiel].max_geldigheid_maanden
    if maanden is None:
        return None
    return ingangsdatum + relativedelta(months=maanden) - dt.timedelta(days=1)


def neem_besluit(
    *,
    uitkomst: str,
    besluitdatum: dt.date,
    vroegste_ingang: dt.date,
    zorgprofiel: str | None = None,
    ingangsdatum: dt.date | None = None,
    einddatum: dt.date | None = None,
    voorwaarden: str = "",
    afwijzingsgrond: str | None = None,
    toelichting: str = "",
) -> Besluit:
    """A decision checked against the law; bad input raises :class:`InputError` naming the field, in Dutch."""
    try:
        u = Uitkomst(uitkomst)
    except ValueError:
        raise InputError("uitkomst", "Kies toegekend of afgewezen.") from None
    if u is Uitkomst.AFGEWEZEN:
        try:
            grond = Afwijzingsgrond(afwijzingsgrond or "")
        except ValueError:
            raise InputError("afwijzingsgrond", "Geef de reden van de afwijzing.") from None
        return Besluit(u, besluitdatum, afwijzingsgrond=grond, toelichting=toelichting)
    if not zorgprofiel:
        raise InputError("zorgprofiel", "Een toekenning vermeldt het zorgprofiel.", "Blz art. 3.2.3 onder c")
    if not indiceerbaar(zorgprofiel):
        raise InputError("zorgprofiel", f"{zorgprofiel} is geen zorgprofiel dat het CIZ indiceert.")
    if ingangsdatum is None:
        raise InputError("ingangsdatum", "Een toekenning vermeldt de ingangsdatum.", "Blz art. 3.2.3 onder f")
    controleer_ingangsdatum(ingangsdatum, vroegste_ingang)
    maximum = maximale_einddatum(zorgprofiel, ingangsdatum)
    if maximum is None and einddatum is not None:
        raise InputError(
            "einddatum",
            f"Een indicatiebesluit voor {zorgprofiel} geldt voor onbepaalde tijd: laat de einddatum leeg.",
            "Blz art. 3.2.5",
        )
    if maximum is not None:
        maanden = reference.zorgprofielen()[zorgprofiel].max_geldigheid_maanden
        if einddatum is None:
            einddatum = maximum
        elif einddatum > maximum:
            raise InputError(
                "einddatum",
                f"De geldigheid van {zorgprofiel} is ten hoogste {maanden} maanden: uiterlijk {maximum:%d-%m-%Y}.",
                "Rlz art. 3.2",
            )
        elif einddatum < ingangsdatum:
            raise InputError("einddatum", "De einddatum ligt vóór de ingangsdatum.")
    return Besluit(u, besluitdatum, zorgprofiel, ingangsdatum, einddatum, voorwaarden.strip(), toelichting=toelichting)
