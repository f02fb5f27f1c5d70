"""Dutch formatting of amounts, numbers, percentages and dates, in one place, with Babel (locale ``nl_NL``).

Pages, letters, the CLI and reports all show figures the same way: ``€ 1.234,56``, ``25,0%``, ``1 juli 2018``.
Unknown values are ``None``; each caller says what an unknown value reads as (``onbekend`` in a computed
result, a dash in a table).
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from babel import numbers
from babel.dates import format_date

LOCALE = "nl_NL"
ONBEKEND = "onbekend"


def _is_unknown(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def format_euro(value: Any, *, cents: str = "always", unknown: str = ONBEKEND) -> str:
    """``€ 1.234,56``. ``cents="auto"`` drops ``,00`` from whole amounts (``€ 1.234``), as explanations do."""
    if _is_unknown(value):
        return unknown
    amount = float(value)
    whole = cents == "auto" and abs(round(amount, 2) - round(amount)) < 0.005
    pattern = "¤ #,##0" if whole else "¤ #,##0.00"
    return numbers.format_currency(amount, "EUR", format=pattern, locale=LOCALE, currency_digits=False)


def format_number(value: Any, *, decimals: int | None = 0, unknown: str = "—") -> str:
    """``1.234.567`` (``decimals=None`` keeps the value's own decimals: ``1.234,5``)."""
    if _is_unknown(value):
        return unknown
    if decimals is None:
        return numbers.format_decimal(value, locale=LOCALE)
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return numbers.format_decimal(value, format=pattern, locale=LOCALE)


def format_percent(fraction: Any, *, decimals: int = 1, unknown: str = "—") -> str:
    """A fraction as a Dutch percentage: ``0.25`` → ``25,0%``."""
    if _is_unknown(fraction):
        return unknown
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "") + "%"
    return numbers.format_percent(fraction, format=pattern, locale=LOCALE)


def _as_date(value: dt.date | str) -> dt.date:
    if isinstance(value, str):
        return dt.date.fromisoformat(value[:10])
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def format_date_long(value: dt.date | str | None, *, unknown: str = "—") -> str:
    """``1 juli 2018``: dates in sentences, letters and explanations."""
    if value is None:
        return unknown
    return format_date(_as_date(value), "d MMMM y", locale=LOCALE)


def format_date_short(value: dt.date | dt.datetime | str | None, *, unknown: str = "—") -> str:
    """``01-07-2018`` for tables; a moment (datetime) in local time with its minute: ``01-07-2018 14:05``."""
    if value is None:
        return unknown
    if isinstance(value, dt.datetime):
        return value.astimezone().strftime("%d-%m-%Y %H:%M")
    return format_date(_as_date(value), "dd-MM-y", locale=LOCALE)
