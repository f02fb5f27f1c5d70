"""Helpers shared by the extra-care schemes (ekt, meerzorg, pab, overbruggingszorg); no variables live here.

The schemes compute an annual rate per month (``..._jaarbedrag`` MONTH variables, at the parameters and the
eligibility of that month) and prorate it by days of care with :func:`wlz.rules.variables.budget.naar_rato`,
so a change on a date (EKT for everyone from 1 July 2018) or a birthday mid-year is exact to the day.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from openfisca_core.periods import DateUnit

from wlz.reference import leveringsvorm as leveringsvormen
from wlz.rules.enums import THUIS as THUIS
from wlz.rules.enums import Leveringsvorm
from wlz.rules.variables.periode import maanden

MONTH = DateUnit.MONTH
YEAR = DateUnit.YEAR
ETERNITY = DateUnit.ETERNITY

#: leveringsvormen with which a client lives at home and holds an mpt or a pgb (Rlz art. 5.3 lid 1 and 2);
#: ``THUIS``: every leveringsvorm at home; ``PGB``: those with a pgb. All from ``wlz.reference.leveringsvorm``.
MPT_OF_PGB = tuple(m for m in Leveringsvorm if m.name in leveringsvormen.met_mpt() | leveringsvormen.met_pgb())
PGB = tuple(m for m in Leveringsvorm if m.name in leveringsvormen.met_pgb())


def leveringsvorm_in(persoon, vormen) -> np.ndarray:
    """True where the client's leveringsvorm is one of ``vormen``."""
    lv = persoon("leveringsvorm", "eternity")
    uit = np.zeros(persoon.count, dtype=bool)
    for vorm in vormen:
        uit = uit | (lv == vorm)
    return uit


def ergens_in_jaar(persoon, period, maandvariabele: str, dagen_van: str = "zorgdagen") -> np.ndarray:
    """True where a MONTH boolean holds in at least one month of the year with days (of ``dagen_van``: the days of
    care, or the days of care on which a condition stated to the day holds)."""
    uit = np.zeros(persoon.count, dtype=bool)
    for maand in maanden(period):
        uit = uit | (np.asarray(persoon(maandvariabele, maand)) & (persoon(dagen_van, maand) > 0))
    return uit


def maanden_param(persoon, period, parameters, node: str, naam: str) -> np.ndarray:
    """A whole-months parameter (a decision's longest term) for everyone; 0 where no value is known."""
    from wlz.rules.tabellen import waarde

    maanden = waarde(getattr(parameters(period.start), node), naam)
    return np.full(persoon.count, 0 if np.isnan(maanden) else int(maanden))


def param(ctx: Any, pad: str) -> Any:
    """A parameter value at the explanation's date, recorded as used when the Context supports that."""
    if hasattr(ctx, "param"):
        return ctx.param(pad)
    from wlz.rules.tabellen import bron

    peildatum = getattr(ctx, "peildatum", None) or f"{str(ctx.periode)[:4]}-01-01"
    return bron(ctx.parameters, pad, peildatum).waarde


def peildatum(ctx: Any) -> str:
    """The first day of the explained period as YYYY-MM-DD."""
    p = getattr(ctx, "peildatum", None)
    if p:
        return str(p)[:10]
    tekst = str(ctx.periode)
    if len(tekst) == 4:
        return f"{tekst}-01-01"
    if len(tekst) == 7:
        return f"{tekst}-01"
    return tekst[:10]


def naam(waarde: Any) -> str:
    """An enum value as the explanation gets it (name string, Enum member, or 1-element array) -> name."""
    if hasattr(waarde, "name"):
        return str(waarde.name)
    if isinstance(waarde, np.ndarray):
        waarde = waarde.ravel()[0] if waarde.size else ""
        if hasattr(waarde, "name"):
            return str(waarde.name)
    return str(waarde)


def getal(waarde: Any, standaard: float = 0.0) -> float:
    """A float from a value the explanation gets (None or missing -> standaard)."""
    if waarde is None:
        return standaard
    if isinstance(waarde, np.ndarray):
        waarde = waarde.ravel()[0] if waarde.size else standaard
    return float(waarde)
