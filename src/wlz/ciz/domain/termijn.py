"""The term within which the CIZ decides on a request (Blz art. 3.2.4) and how far a decision may go back.

Blz art. 3.2.4 lid 1: "zo snel mogelijk, doch binnen zes weken na ontvangst van de aanvraag"; lid 2: within two
weeks when the insured, because of special circumstances, already receives care. Two texts of lid 2 are in
``shared/bronnen/wetgeving``:

- the consolidated text of ``besluit-langdurige-zorg-BWBR0035948.md`` (version date not in the file; the first
  text): the insured "reeds zorg ontvangt"; the decision works back to the day the care began;
- the text valid on 2025-01-01 (``regelrecht/besluit_langdurige_zorg-2025-01-01.yaml``, unchanged on
  2026-04-01): the insured "reeds in een instelling verblijft"; the decision works back to the day the stay
  began "met een maximale periode van twee weken".

The date the text changed lies between those versions and is not in the sources; a request received from
2025-01-01 gets the 2025 text, an earlier one the first text (:data:`TEKST_2025_VANAF`).

Weekends and holidays do not stop or extend the clock: the Blz says nothing of them. Whether the Algemene
termijnenwet or a suspension under the Awb (art. 4:15) applies is not decided here: neither text is in the
sources (docs/ciz.md, "Not built").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from wlz.common.errors import InputError

URL_BLZ_324 = "https://wetten.overheid.nl/BWBR0035948/2025-01-01#Artikel3.2.4"
#: the first date a text of Blz art. 3.2.4 lid 2 with "in een instelling verblijft" is known from (see above)
TEKST_2025_VANAF = dt.date(2025, 1, 1)
#: Blz art. 3.2.4 lid 1
ZES_WEKEN = dt.timedelta(weeks=6)
#: Blz art. 3.2.4 lid 2
TWEE_WEKEN = dt.timedelta(weeks=2)


@dataclass(frozen=True)
class Termijn:
    """The last day of the term, and which part of the article set it (shown on the work list and kept)."""

    uiterlijk: dt.date
    weken: int
    grond: str

    def op_tijd(self, besluitdatum: dt.date) -> bool:
        return besluitdatum <= self.uiterlijk


def lid2_van_toepassing(ontvangen: dt.date, ontvangt_al_zorg: bool, verblijft_in_instelling: bool) -> bool:
    """Whether Blz art. 3.2.4 lid 2 (two weeks) applies to a request received on ``ontvangen``."""
    if ontvangen >= TEKST_2025_VANAF:
        return verblijft_in_instelling
    return ontvangt_al_zorg or verblijft_in_instelling


def beslistermijn(
    ontvangen: dt.date, *, ontvangt_al_zorg: bool = False, verblijft_in_instelling: bool = False
) -> Termijn:
    """The last day the CIZ decides on time: ``ontvangen`` plus six weeks, or two weeks under lid 2.

    "Binnen zes weken na ontvangst": received on Monday 5 March 2018, the term ends on Monday 16 April 2018.
    """
    if lid2_van_toepassing(ontvangen, ontvangt_al_zorg, verblijft_in_instelling):
        return Termijn(ontvangen + TWEE_WEKEN, 2, "Blz art. 3.2.4 lid 2 (reeds zorg of verblijf)")
    return Termijn(ontvangen + ZES_WEKEN, 6, "Blz art. 3.2.4 lid 1")


def vroegste_ingangsdatum(
    ontvangen: dt.date,
    *,
    ontvangt_al_zorg: bool = False,
    verblijft_in_instelling: bool = False,
    zorg_sinds: dt.date | None = None,
) -> dt.date:
    """The earliest start date of the right to care a decision on this request may set.

    Only lid 2 lets a decision work back (to the day the care or stay began; from the 2025 text at most two
    weeks); otherwise the right starts no earlier than the day the request was received.
    """
    if not lid2_van_toepassing(ontvangen, ontvangt_al_zorg, verblijft_in_instelling) or zorg_sinds is None:
        return ontvangen
    if ontvangen >= TEKST_2025_VANAF:
        return max(zorg_sinds, ontvangen - TWEE_WEKEN)
    return min(zorg_sinds, ontvangen)


def controleer_ingangsdatum(ingangsdatum: dt.date, vroegste: dt.date) -> None:
    if ingangsdatum < vroegste:
        raise InputError(
            "ingangsdatum",
            f"De ingangsdatum ligt vóór {vroegste:%d-%m-%Y}: een indicatiebesluit werkt alleen terug in de gevallen "
            "van Blz art. 3.2.4 lid 2.",
            "Blz art. 3.2.4",
        )
