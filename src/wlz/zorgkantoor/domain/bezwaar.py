"""Objection to a decision (bezwaar), as every decision letter states it.

Six weeks (Awb art. 6:7), starting the day after the letter was sent (Awb art. 6:8), to the body that decided
(Awb art. 6:4 lid 1), with name, address, date, the decision and the reasons (Awb art. 6:5).

A term set by law that ends on a Saturday, Sunday or generally recognised public holiday runs to the next day
that is none of these (Algemene termijnenwet art. 1 lid 1). The holidays are those of Atw art. 3 lid 1
(Nieuwjaarsdag, tweede Paas- en Pinksterdag, beide Kerstdagen, Hemelvaartsdag, Koningsdag, 5 mei) and Goede
Vrijdag (art. 3 lid 2), computed in ``wlz.common.termijnen`` (shared with the CIZ's decision term). Days the
Crown equates with a holiday by a decision in the Staatscourant (art. 3 lid 3) are not known in advance and not
included.
An objection sent by post before the end of the term is on time when it arrives within a week after it
(Awb art. 6:9 lid 2).
"""

from __future__ import annotations

import datetime as dt

from wlz.common.termijnen import werkdag_of_later

BEZWAAR_WEKEN = 6
BEZWAAR_BRONNEN = [
    {"titel": "Algemene wet bestuursrecht, artikel 6:7 (termijn zes weken)", "url": "https://wetten.overheid.nl/BWBR0005537/#Hoofdstuk6_Afdeling6.2_Artikel6:7"},
    {"titel": "Algemene wet bestuursrecht, artikel 6:8 (begin van de termijn)", "url": "https://wetten.overheid.nl/BWBR0005537/#Hoofdstuk6_Afdeling6.2_Artikel6:8"},
    {"titel": "Algemene wet bestuursrecht, artikel 6:9 (op tijd ingediend, ook per post)", "url": "https://wetten.overheid.nl/BWBR0005537/#Hoofdstuk6_Afdeling6.2_Artikel6:9"},
    {"titel": "Algemene termijnenwet, artikel 1 (termijn eindigt niet op een zaterdag, zondag of feestdag)", "url": "https://wetten.overheid.nl/BWBR0002448/#Artikel1"},
    {"titel": "Algemene termijnenwet, artikel 3 (algemeen erkende feestdagen)", "url": "https://wetten.overheid.nl/BWBR0002448/#Artikel3"},
    {"titel": "Algemene wet bestuursrecht, artikel 6:5 (wat in het bezwaarschrift staat)", "url": "https://wetten.overheid.nl/BWBR0005537/#Hoofdstuk6_Afdeling6.2_Artikel6:5"},
]  # fmt: skip


def bezwaar_tot(verzonden: dt.date) -> dt.date:
    """The last day an objection must arrive, for a letter sent on ``verzonden``: six weeks from the next day
    (Awb art. 6:7, 6:8), moved past a weekend or holiday (Atw art. 1)."""
    return werkdag_of_later(verzonden + dt.timedelta(weeks=BEZWAAR_WEKEN))
