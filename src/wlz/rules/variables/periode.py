"""Time: days of care per month and the client's age.

Amounts in the Wlz are annual, and a part of a year gets its share by days (Rlz art. 5.14 lid 3). We
compute every rule per calendar month, at the parameters in force that month, and add the months up
weighted by days. That makes a change during the year exact (the EKT widening of 1 July 2018 falls
between 30 June and 1 July) while the 300,000-client benchmark stays twelve vector passes.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from openfisca_core.periods import DateUnit
from openfisca_core.populations import ADD

from wlz.rules.bronnen import RLZ_5_14, WLZ_3_3_2, WLZ_3_3_3
from wlz.rules.entities import Persoon
from wlz.rules.enums import Leveringsvorm
from wlz.rules.model import WlzVariable, ja_nee

MONTH = DateUnit.MONTH
YEAR = DateUnit.YEAR


@lru_cache(maxsize=256)
def maanden(periode) -> tuple:
    """The month periods of a period (``period.get_subperiods(MONTH)``), built once per period.

    Every yearly rule sums its months; OpenFisca builds the twelve month periods anew on each call, which was
    a noticeable part of one explained situation. Periods are immutable, so sharing them is safe.
    """
    return tuple(periode.get_subperiods(MONTH))


def _dag(periode_instant) -> np.datetime64:
    return np.datetime64(str(periode_instant), "D")


class zorgdagen(WlzVariable):
    value_type = int
    entity = Persoon
    definition_period = MONTH
    label = "Dagen zorg in deze maand"
    bronnen = (RLZ_5_14,)

    def formula(persoon, period, parameters):
        begin = np.asarray(persoon("zorg_begin", "eternity"), dtype="datetime64[D]")
        einde = np.asarray(persoon("zorg_einde", "eternity"), dtype="datetime64[D]")
        eerste = _dag(period.start)
        laatste = _dag(period.stop)
        van = np.maximum(begin, eerste)
        tot = np.minimum(einde, laatste)
        return np.maximum((tot - van).astype(int) + 1, 0)


class dagen_in_jaar(WlzVariable):
    value_type = int
    entity = Persoon
    definition_period = YEAR
    label = "Dagen in het kalenderjaar"

    def formula(persoon, period, parameters):
        dagen = (_dag(period.stop) - _dag(period.start)).astype(int) + 1
        return np.full(persoon.count, dagen)


class zorgdagen_jaar(WlzVariable):
    value_type = int
    entity = Persoon
    definition_period = YEAR
    label = "Dagen zorg in het jaar"
    bronnen = (RLZ_5_14,)

    def formula(persoon, period, parameters):
        return persoon("zorgdagen", period, options=[ADD])

    @staticmethod
    def uitleg(ctx):
        return (
            f"De berekening loopt over {ctx.waarde} dagen van {ctx['dagen_in_jaar']}; een deel van een jaar "
            "telt naar rato van het aantal dagen (Rlz art. 5.14 lid 3)."
        )


class geboortejaar(WlzVariable):
    value_type = int
    entity = Persoon
    definition_period = YEAR
    label = "Geboortejaar"

    def formula(persoon, period, parameters):
        geboren = np.asarray(persoon("geboortedatum", "eternity"), dtype="datetime64[D]")
        return geboren.astype("datetime64[Y]").astype(int) + 1970


class geboortedag(WlzVariable):
    value_type = int
    entity = Persoon
    definition_period = YEAR
    label = "Verjaardag als maand x 100 + dag (voor de leeftijd per maand)"

    def formula(persoon, period, parameters):
        geboren = np.asarray(persoon("geboortedatum", "eternity"), dtype="datetime64[D]")
        maand_start = geboren.astype("datetime64[M]")
        return (maand_start.astype(int) % 12 + 1) * 100 + (geboren - maand_start).astype(int) + 1


class leeftijd(WlzVariable):
    value_type = int
    entity = Persoon
    definition_period = MONTH
    label = "Leeftijd op de eerste dag van de maand"

    def formula(persoon, period, parameters):
        # the date parts are computed once per year (datetime conversions are the slow part for 300,000 clients)
        jaar = persoon("geboortejaar", period.this_year)
        nog_niet_jarig = persoon("geboortedag", period.this_year) > period.start.month * 100 + period.start.day
        return period.start.year - jaar - nog_niet_jarig


def datum_leeftijd(geboren, jaren: int) -> np.ndarray:
    """The day on which someone born on ``geboren`` (datetime64[D] array) reaches ``jaren`` years of age.

    The same day and month, ``jaren`` later; for 29 February in a year without one, 1 March (the day after
    28 February: only then has a full year passed since the last birthday).
    """
    geboren = np.asarray(geboren, dtype="datetime64[D]")
    maand = geboren.astype("datetime64[M]")
    dag = (geboren - maand.astype("datetime64[D]")).astype(int)
    return (maand + 12 * jaren).astype("datetime64[D]") + dag


def zorgvenster(persoon) -> tuple[np.ndarray, np.ndarray]:
    """The first and last day of care (datetime64[D]), read once per formula that counts days."""
    return (
        np.asarray(persoon("zorg_begin", "eternity"), dtype="datetime64[D]"),
        np.asarray(persoon("zorg_einde", "eternity"), dtype="datetime64[D]"),
    )


def zorgdagen_tussen(venster, period, van, tot) -> np.ndarray:
    """Days of care (``venster``: :func:`zorgvenster`) in the month ``period`` from ``van`` up to but not including
    ``tot`` (datetime64[D] arrays).

    Conditions the law states to the day (an age "nog niet bereikt", a child "jonger dan 18") hold on part of a
    month: this counts the days they hold, so amounts are prorated by day (Rlz art. 5.14 lid 3) and not by the
    age on the first of the month.
    """
    begin = np.maximum(venster[0], _dag(period.start))
    einde = np.minimum(venster[1], _dag(period.stop))
    laatste = np.minimum(einde, np.asarray(tot, dtype="datetime64[D]") - np.timedelta64(1, "D"))
    eerste = np.maximum(begin, np.asarray(van, dtype="datetime64[D]"))
    return np.maximum((laatste - eerste).astype(int) + 1, 0)


#: open ends for :func:`zorgdagen_tussen`
ALTIJD_AL = np.datetime64("1000-01-01", "D")
NOOIT = np.datetime64("9999-12-31", "D")


def zorgdagen_vanaf_leeftijd(persoon, period, jaren: int) -> np.ndarray:
    """Days of care in the month on which the person has reached ``jaren`` years (from the birthday on)."""
    bereikt = datum_leeftijd(persoon("geboortedatum", "eternity"), jaren)
    return zorgdagen_tussen(zorgvenster(persoon), period, bereikt, NOOIT)


class woont_thuis(WlzVariable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Woont thuis (vpt, mpt, pgb of mpt met pgb)"
    bronnen = (WLZ_3_3_2, WLZ_3_3_3)

    def formula(persoon, period, parameters):
        lv = persoon("leveringsvorm", "eternity")
        return lv != Leveringsvorm.verblijf

    @staticmethod
    def uitleg(ctx):
        return f"Woont thuis: {ja_nee(ctx.waarde)}."
