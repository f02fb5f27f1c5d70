"""The Wlz financing rules as an OpenFisca system, with a plain-Dutch explanation of every result.

Use :func:`bereken` for one situation (CLI, zorgkantoor, letters, Wlz-wijzer, scenarios): it returns a typed
:class:`Berekening` (see :mod:`wlz.rules.api`). Use :func:`systeem` for vectorised population runs (benchmarks,
simulations).
"""

from wlz.common.errors import InvoerFout
from wlz.rules.api import (
    Berekening,
    Bron,
    Eenheid,
    Jaar,
    Parameterwaarde,
    Resultaat,
    Situatie,
    Waarde,
    bereken,
)
from wlz.rules.system import systeem

__all__ = [
    "Berekening",
    "Bron",
    "Eenheid",
    "InvoerFout",
    "Jaar",
    "Parameterwaarde",
    "Resultaat",
    "Situatie",
    "Waarde",
    "bereken",
    "systeem",
]
