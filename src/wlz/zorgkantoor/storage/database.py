"""Engine creation: one place that knows the differences between SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Engine


def make_engine(url: str, **kwargs) -> Engine:
    """An engine for ``url``. SQLite gets WAL, a busy timeout and enforced foreign keys, so concurrent
    requests wait for each other instead of failing, and a file that does not exist yet gets its folder."""
    # Never echo bound parameters in errors or logs: they can hold a BSN.
    kwargs.setdefault("hide_parameters", True)
    u = sa.make_url(url)
    if u.get_backend_name() == "sqlite":
        if u.database and u.database != ":memory:":
            Path(u.database).parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(url, connect_args={"timeout": 30, "check_same_thread": False}, **kwargs)

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record):
            # pysqlite's own transaction handling is turned off so BEGIN below is the only one
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        @event.listens_for(engine, "begin")
        def _begin(conn):
            # A unit of work that will write takes the write lock at its start (BEGIN IMMEDIATE): a deferred
            # transaction that reads and then writes fails at once with 'database is locked' when another
            # writer got in between, whatever the busy timeout. Readers stay deferred, so WAL lets them run
            # side by side.
            immediate = conn.get_execution_options().get("wlz_schrijven", False)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

        return engine
    # No pool_pre_ping: it costs a round trip on every checkout, and an API request checks out twice (token,
    # then the use case). A connection the server dropped fails its request once (503 'database bezet'), and
    # SQLAlchemy then discards the pool's connections; pool_recycle retires idle ones before a firewall or
    # server timeout would.
    kwargs.setdefault("pool_recycle", 1800)
    kwargs.setdefault("pool_size", 10)
    kwargs.setdefault("max_overflow", 20)
    return sa.create_engine(url, **kwargs)
