"""The NZa declaration analysis (seed 004, Bijlage 3 "Data-analyse"), made exact by issue 3.

A folder of claims tables (``wlz_zin``, ``pgb``, ``zvw``, ``prestatiecodes``) goes in; the NZa's tables
(clients per leveringsvorm and zorgprofiel, spending per day), the accounting of every dropped row, charts
and a Dutch report come out. The method is written once as Ibis expressions (:mod:`wlz.claims.pipeline`)
so the same definition runs on DuckDB (default, out of core) and on Spark.
"""

from __future__ import annotations

from wlz.claims.inputs import InvoerFout
from wlz.claims.run import Resultaat, analyse

__all__ = ["InvoerFout", "Resultaat", "analyse"]
