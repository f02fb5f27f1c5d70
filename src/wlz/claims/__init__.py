"""The NZa declaration analysis (seed 004, Bijlage 3 "Data-analyse"), with every choice the
seed leaves open made explicit (ordering, corrections, quarantine).

A folder of claims tables (``wlz_zin``, ``pgb``, ``zvw``, ``prestatiecodes``) goes in; the NZa's tables
(clients per leveringsvorm and zorgprofiel, spending per day), the accounting of every dropped row, charts
and a Dutch report come out. The method is written once as Ibis expressions (:mod:`wlz.claims.pipeline`)
so the same definition runs on DuckDB (default, out of core) and on Spark.
"""

from __future__ import annotations

from wlz.claims.inputs import InputError
from wlz.claims.run import Result, analyse

__all__ = ["InputError", "Result", "analyse"]
