"""Withdrawing (intrekken) an indicatiebesluit, Wlz art. 3.2.4 (https://wetten.overheid.nl/BWBR0035917#Artikel3.2.4):
the CIZ may withdraw a decision when (a) the insured or others gave wrong or incomplete information and the right
information would have led to another decision, or (b) the insured no longer needs the indicated care.

The withdrawal takes effect on ``per`` (the first day without the right); the decision then ran to the day before.
The zorgkantoor learns it from an IO31 with the decision's own Besluitnummer and that day as ``Einddatum`` of the
Indicatie and of its zorgzwaartepakket: the IO31's Einddatum is "tot en met welke datum het indicatiebesluit
rechtsgeldig is" (``shared/iwlz/xsd/IO31.xsd``), and iWlz 2.2 has no other element for a withdrawal. Its rules
bound that: the Einddatum is not before the Ingangsdatum (CS003) and the largest Einddatum of a zorgeenheid equals
the Indicatie's (TR014, ``shared/iwlz/xslt-validatie/wlz/2_2/common/basis.xsl``). So a withdrawal from the start
date itself (as if the decision was never valid) cannot be sent in iWlz 2.2 and is refused here.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from wlz.common.errors import InputError

URL_WLZ_324 = "https://wetten.overheid.nl/BWBR0035917#Artikel3.2.4"


class Intrekkingsgrond(StrEnum):
    ONJUISTE_GEGEVENS = "onjuiste_gegevens"  # Wlz art. 3.2.4 a
    NIET_MEER_AANGEWEZEN = "niet_meer_aangewezen"  # Wlz art. 3.2.4 b

    @property
    def tekst(self) -> str:
        return INTREKKINGSGRONDEN[self]


INTREKKINGSGRONDEN = {
    Intrekkingsgrond.ONJUISTE_GEGEVENS: "Er zijn onjuiste of onvolledige gegevens verstrekt; met de juiste gegevens "
    "was een ander besluit genomen (Wlz artikel 3.2.4, onderdeel a).",
    Intrekkingsgrond.NIET_MEER_AANGEWEZEN: "U bent niet langer aangewezen op de zorg uit het indicatiebesluit "
    "(Wlz artikel 3.2.4, onderdeel b).",
}


def controleer_intrekking(
    *,
    grond: str,
    per: dt.date,
    ingangsdatum: dt.date,
    einddatum: dt.date | None,
    toelichting: str,
) -> Intrekkingsgrond:
    """The checks of a withdrawal; the ground as an enum. Dutch errors naming the field."""
    try:
        g = Intrekkingsgrond(grond)
    except ValueError:
        raise InputError("grond", "Kies de grond van de intrekking (Wlz artikel 3.2.4 a of b).") from None
    if not toelichting.strip():
        raise InputError("toelichting", "Geef de reden van de intrekking; de brief noemt haar.")
    if per <= ingangsdatum:
        raise InputError(
            "per",
            f"De intrekking gaat in na de ingangsdatum ({ingangsdatum:%d-%m-%Y}): het IO31 meldt de dag ervoor als "
            "einddatum, en die ligt niet vóór de ingangsdatum.",
            "iWlz 2.2 IO31 CS003",
        )
    if einddatum is not None and per > einddatum:
        raise InputError("per", f"Het besluit eindigt al op {einddatum:%d-%m-%Y}; er valt niets in te trekken.")
    return g
