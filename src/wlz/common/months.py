"""Month arithmetic with dateutil, used wherever a period is counted or moved in whole months
(decision terms, letters, indication validity, demo dates)."""

from __future__ import annotations

import calendar
import datetime as dt

from dateutil.relativedelta import relativedelta


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months; the 31st becomes the last day of a shorter month (31 Jan + 1 = 28/29 Feb)."""
    return day + relativedelta(months=months)


def first_of_month(day: dt.date, months: int = 0) -> dt.date:
    """The first day of the month ``months`` after ``day``'s month."""
    return day.replace(day=1) + relativedelta(months=months)


def days_in_month(day: dt.date) -> int:
    return calendar.monthrange(day.year, day.month)[1]


def months_spanned(start: dt.date, end: dt.date) -> int:
    """Whole or started months a period ``start``..``end`` (both inclusive) spans: 1 Jan - 31 Dec is 12,
    1 Jan - 1 Feb is 2."""
    delta = relativedelta(end + dt.timedelta(days=1), start)
    return delta.years * 12 + delta.months + (1 if delta.days > 0 else 0)
