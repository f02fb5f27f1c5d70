"""The Wlz financing rules as an OpenFisca system, with a plain-Dutch explanation of every result.

Use :func:`bereken` for one situation (CLI, service, Wlz-wijzer) and :func:`systeem` for vectorised
population runs (benchmarks, simulations).
"""

from wlz.rules.api import bereken
from wlz.rules.situatie import InvoerFout
from wlz.rules.system import systeem

__all__ = ["bereken", "InvoerFout", "systeem"]
