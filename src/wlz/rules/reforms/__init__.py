"""Reforms of the Wlz rules (OpenFisca ``Reform`` classes), by the name a situation uses (``hervorming: ...``).

``HERVORMINGEN`` maps a name to its Reform class. The reformed system itself is built by
:func:`wlz.rules.system.hervormd`: this package knows the reforms, the system knows how to apply them (so the
import runs one way, system → reforms).
"""

from __future__ import annotations

from wlz.rules.reforms.toeslagen_in_budget import ToeslagenInBudget

HERVORMINGEN = {
    "toeslagen_in_budget": ToeslagenInBudget,
}
