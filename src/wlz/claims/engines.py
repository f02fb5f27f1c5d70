"""Connecting the pipeline to an engine: DuckDB (embedded, out of core) or Spark (local mode).

DuckDB gets a database file and a spill directory in a scratch folder plus a memory limit, so a dataset
larger than memory is processed by spilling to disk instead of failing. Spark runs in local mode; on a
cluster the same expressions run unchanged against a session the caller provides.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path

from wlz.common.settings import SparkSettings


class Engine(StrEnum):
    """The engines the analysis runs on (``wlz analyse --engine``)."""

    DUCKDB = "duckdb"
    SPARK = "spark"


ENGINES = tuple(e.value for e in Engine)


@contextmanager
def connect(engine: str, *, geheugen: str = "3GB", werkmap: Path | None = None):
    """Yield an Ibis backend; scratch files are removed afterwards."""
    if engine not in ENGINES:
        raise ValueError(f"onbekende engine '{engine}' (kies uit: {', '.join(ENGINES)})")
    import ibis  # imported here: the command line reads Engine from this module and should start fast

    scratch = Path(tempfile.mkdtemp(prefix="wlz_analyse_", dir=werkmap))
    try:
        if engine == "duckdb":
            con = ibis.duckdb.connect(
                database=str(scratch / "werk.duckdb"),
                memory_limit=geheugen,
                temp_directory=str(scratch / "spill"),
                preserve_insertion_order=False,
            )
            try:
                yield con
            finally:
                con.disconnect()
        else:
            session = spark_session(scratch)
            try:
                yield ibis.pyspark.connect(session)
            finally:
                # the session's local and warehouse folders are in ``scratch``, removed below: stop it, so a next
                # analysis in the same process gets a new session instead of one pointing at deleted folders
                session.stop()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def spark_session(scratch: Path | None = None):
    """A local Spark session tuned for one machine (few shuffle partitions, no UI, UTC dates)."""
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    settings = SparkSettings()
    builder = (
        SparkSession.builder.master(settings.master)
        .appName("wlz-analyse")
        .config("spark.sql.shuffle.partitions", str(settings.partitions))
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.driver.memory", settings.memory)
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
    )
    if scratch is not None:
        builder = builder.config("spark.local.dir", str(scratch)).config(
            "spark.sql.warehouse.dir", str(scratch / "warehouse")
        )
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session
