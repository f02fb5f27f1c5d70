"""Reforms of the Wlz rules (OpenFisca ``Reform`` classes), by the name a situation uses (``hervorming: ...``).

``HERVORMINGEN`` maps a name to its Reform class; :func:`hervormd` gives the reformed system for a name, built
once per process (building copies the whole system).
"""

from __future__ import annotations

from functools import cache

from wlz.rules.reforms.toeslagen_in_budget import ToeslagenInBudget

HERVORMINGEN = {
    "toeslagen_in_budget": ToeslagenInBudget,
}


@cache
def hervormd(naam: str):
    """The system with reform ``naam`` applied to the shared base system (KeyError for an unknown name)."""
    from wlz.rules.system import systeem

    return HERVORMINGEN[naam](systeem())
