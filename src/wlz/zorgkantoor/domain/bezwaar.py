"""Objection to a decision (bezwaar), as every decision letter states it.

Six weeks (Awb art. 6:7), starting the day after the letter was sent (Awb art. 6:8), to the body that decided
(Awb art. 6:4 lid 1), with name, address, date, the decision and the reasons (Awb art. 6:5).

A term set by law that ends on a Saturday, Sunday or generally recognised public holiday runs to the next day
that is none of these (Algemene termijnenwet art. 1 lid 1). The holidays are those of Atw art. 3 lid 1
(Nieuwjaarsdag, tweede Paas- en Pinksterdag, beide Kerstdagen, Hemelvaartsdag, Koningsdag, 5 mei) and Goede
Vrijdag (art. 3 lid 2), computed here, the Easter-based ones from the date of Easter. Days the Crown equates
with a holiday by a decision in the Staatscourant (art. 3 lid 3) are not known in advance and not included.
An objection sent by post before the end of the term is on time when it arrives within a week after it
(Awb art. 6:9 lid 2).
"""

from __future__ import annotations

import datetime as dt

from dateutil.easter import easter

BEZWAAR_WEKEN = 6
BEZWAAR_BRONNEN = [
    {"titel": "Algemene wet bestuursrecht, artikel 6:7 (termijn zes weken)", "url": "https://wetten.overheid.nl/BWBR0005537/#Hoofdstuk6_Afdeling6.2_Artikel6:7"},
    {"titel": "Algemene wet bestuursrecht, artikel 6:8 (begin van de termijn)", "url": "https://wetten.overheid.nl/BWBR0005537/#Hoofdstuk6_Afdeling6.2_Artikel6:8"},
    {"titel": "Algemene wet bestuursrecht, artikel 6:9 (op tijd ingediend, ook per post)", "url": "https://wetten.overheid.nl/BWBR0005537/#Hoofdstuk6_Afdeling6.2_Artikel6:9"},
    {"titel": "Algemene termijnenwet, artikel 1 (termijn eindigt niet op een zaterdag, zondag of feestdag)", "url": "https://wetten.overheid.nl/BWBR0002448/#Artikel1"},
    {"titel": "Algemene termijnenwet, artikel 3 (algemeen erkende feestdagen)", "url": "https://wetten.overheid.nl/BWBR0002448/#Artikel3"},
    {"titel": "Algemene wet bestuursrecht, artikel 6:5 (wat in het bezwaarschrift staat)", "url": "https://wetten.overheid.nl/BWBR0005537/#Hoofdstuk6_Afdeling6.2_Artikel6:5"},
]  # fmt: skip


def koningsdag(jaar: int) -> dt.date:
    """27 April, or 26 April when the 27th is a Sunday (the King's birthday is then celebrated the day before)."""
    dag = dt.date(jaar, 4, 27)
    return dag - dt.timedelta(days=1) if dag.weekday() == 6 else dag


def feestdagen(jaar: int) -> set[dt.date]:
    """The generally recognised public holidays of Atw art. 3 lid 1 and 2 in ``jaar``."""
    pasen = easter(jaar)
    return {
        dt.date(jaar, 1, 1),  # Nieuwjaarsdag
        pasen - dt.timedelta(days=2),  # Goede Vrijdag (lid 2)
        pasen + dt.timedelta(days=1),  # tweede Paasdag
        koningsdag(jaar),
        dt.date(jaar, 5, 5),
        pasen + dt.timedelta(days=39),  # Hemelvaartsdag
        pasen + dt.timedelta(days=50),  # tweede Pinksterdag
        dt.date(jaar, 12, 25),
        dt.date(jaar, 12, 26),
    }


def werkdag_of_later(dag: dt.date) -> dt.date:
    """``dag``, or the first day after it that is no Saturday, Sunday or public holiday (Atw art. 1 lid 1)."""
    while dag.weekday() >= 5 or dag in feestdagen(dag.year):
        dag += dt.timedelta(days=1)
    return dag


def bezwaar_tot(verzonden: dt.date) -> dt.date:
    """The last day an objection must arrive, for a letter sent on ``verzonden``: six weeks from the next day
    (Awb art. 6:7, 6:8), moved past a weekend or holiday (Atw art. 1)."""
    return werkdag_of_later(verzonden + dt.timedelta(weeks=BEZWAAR_WEKEN))
