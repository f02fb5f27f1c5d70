"""Dutch public holidays and the Algemene termijnenwet: pure date arithmetic every context shares.

Algemene termijnenwet (Atw), https://wetten.overheid.nl/BWBR0002448: a term set by law that ends on a
Saturday, Sunday or generally recognised public holiday runs to the next day that is none of these (art. 1
lid 1; not for terms counted back from a moment, lid 2); a term of at least three days is extended, where
needed, so that it holds at least two days that are none of these (art. 2). The holidays (art. 3): those of
lid 1 (Nieuwjaarsdag, tweede Paas- en Pinksterdag, beide Kerstdagen, Hemelvaartsdag, Koningsdag, 5 mei) and
Goede Vrijdag (lid 2), the Easter-based ones computed from the date of Easter (``dateutil.easter``, the Western
church's). Days the Crown equates with a holiday by a decision in the Staatscourant (art. 3 lid 3) are not known
in advance and not included. The Atw does not apply to terms in hours or of more than 90 days, twelve weeks or
three months, or in years (art. 4 a); it applies to terms set in an algemene maatregel van bestuur as well
(art. 5). The Atw text is not in ``shared/bronnen``: the articles are cited, not copied.

Used by the zorgkantoor (the objection term of a letter, ``wlz.zorgkantoor.domain.bezwaar``) and the CIZ (the
decision term, ``wlz.ciz.domain.termijn``). No other ``wlz`` package is imported here.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from dateutil.easter import easter

URL_ATW_1 = "https://wetten.overheid.nl/BWBR0002448#Artikel1"
URL_ATW_2 = "https://wetten.overheid.nl/BWBR0002448#Artikel2"
URL_ATW_3 = "https://wetten.overheid.nl/BWBR0002448#Artikel3"
URL_ATW_5 = "https://wetten.overheid.nl/BWBR0002448#Artikel5"


def koningsdag(jaar: int) -> dt.date:
    """27 April, or 26 April when the 27th is a Sunday (the King's birthday is then celebrated the day before)."""
    dag = dt.date(jaar, 4, 27)
    return dag - dt.timedelta(days=1) if dag.weekday() == 6 else dag


@lru_cache(maxsize=256)
def _feestdagen(jaar: int) -> frozenset[dt.date]:
    pasen = easter(jaar)
    return frozenset(
        {
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
    )


def feestdagen(jaar: int) -> set[dt.date]:
    """The generally recognised public holidays of Atw art. 3 lid 1 and 2 in ``jaar``."""
    return set(_feestdagen(jaar))


def is_werkdag(dag: dt.date) -> bool:
    """No Saturday, Sunday or public holiday of Atw art. 3."""
    return dag.weekday() < 5 and dag not in _feestdagen(dag.year)


def werkdag_of_later(dag: dt.date) -> dt.date:
    """``dag``, or the first day after it that is no Saturday, Sunday or public holiday (Atw art. 1 lid 1)."""
    while not is_werkdag(dag):
        dag += dt.timedelta(days=1)
    return dag


def werkdagen(van: dt.date, tot_en_met: dt.date) -> int:
    """The days from ``van`` up to and including ``tot_en_met`` that are no Saturday, Sunday or holiday."""
    return sum(is_werkdag(van + dt.timedelta(days=i)) for i in range((tot_en_met - van).days + 1))


def termijn_einde(eerste_dag: dt.date, laatste_dag: dt.date) -> dt.date:
    """The last day of a term running from ``eerste_dag`` to ``laatste_dag`` (both included) under the Atw: a
    term of at least three days holds at least two working days (art. 2), and it does not end on a Saturday,
    Sunday or holiday (art. 1 lid 1)."""
    if (laatste_dag - eerste_dag).days + 1 >= 3:
        while werkdagen(eerste_dag, laatste_dag) < 2:
            laatste_dag += dt.timedelta(days=1)
    return werkdag_of_later(laatste_dag)
