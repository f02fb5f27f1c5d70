"""The database layer every context shares: the engine (the one place that knows how SQLite and PostgreSQL
differ), the write turns of a server process, the session factories a unit of work draws from, and the
metadata conventions of the tables.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import orjson
import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session, sessionmaker

#: the execution option that marks a connection of a writing unit of work (SQLite: BEGIN IMMEDIATE)
WRITE_OPTION = "wlz_schrijven"

#: constraint names as the migrations write them (so autogenerate and the migrations agree)
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_metadata() -> sa.MetaData:
    """The metadata of one database: a context's tables and the platform tables it uses (``wlz.platform.auth``,
    ``wlz.platform.access_log``) are defined on the same object, so foreign keys between them resolve."""
    return sa.MetaData(naming_convention=NAMING_CONVENTION)


def json_loads(text: str | bytes) -> Any:
    """JSON columns as read from the database: orjson (a fifth of the CPU of ``json.loads`` on the service's hot
    reads), and ``json.loads`` for what orjson refuses but the standard library wrote (integers beyond 64 bits,
    ``NaN``), so every stored value still reads back."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for ``url``. SQLite gets WAL, a busy timeout and enforced foreign keys, so concurrent
    requests wait for each other instead of failing, and a file that does not exist yet gets its folder."""
    # Never echo bound parameters in errors or logs: they can hold a BSN.
    kwargs.setdefault("hide_parameters", True)
    kwargs.setdefault("json_deserializer", json_loads)
    u = sa.make_url(url)
    if u.get_backend_name() == "sqlite":
        return _sqlite_engine(url, u, kwargs)
    # No pool_pre_ping: it costs a round trip on every checkout, and an API request checks out twice (token,
    # then the use case). A connection the server dropped fails its request once (503 'database bezet'), and
    # SQLAlchemy then discards the pool's connections; pool_recycle retires idle ones before a firewall or
    # server timeout would.
    kwargs.setdefault("pool_recycle", 1800)
    kwargs.setdefault("pool_size", 10)
    kwargs.setdefault("max_overflow", 20)
    return sa.create_engine(url, **kwargs)


def _sqlite_engine(url: str, u: sa.URL, kwargs: dict[str, Any]) -> Engine:
    if u.database and u.database != ":memory:":
        Path(u.database).parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(url, connect_args={"timeout": 30, "check_same_thread": False}, **kwargs)

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn: Any, _record: Any) -> None:
        # pysqlite's own transaction handling is turned off so BEGIN below is the only one
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        # A unit of work that will write takes the write lock at its start (BEGIN IMMEDIATE): a deferred
        # transaction that reads and then writes fails at once with 'database is locked' when another
        # writer got in between, whatever the busy timeout. Readers stay deferred, so WAL lets them run
        # side by side.
        immediate = conn.get_execution_options().get(WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


class WriteTurns:
    """Writers of one server process taking turns before they reach the database: ``take()`` before a
    writing transaction, ``give_back()`` after it. This base takes no turn (PostgreSQL locks rows, not the
    database)."""

    def take(self) -> None:
        return None

    def give_back(self) -> None:
        return None


class SqliteWriteTurns(WriteTurns):
    """SQLite has one write lock per database, and a waiting writer sleeps in SQLite's busy handler (1, 2, 5,
    10 ... 100 ms at a time): with hundreds of access-log lines a second, threads of one server process
    collided there and a file read now and then slept 100+ ms. Writing units of work of this process take
    turns on this lock first (waiting for the one ahead, no sleeps); other processes still meet SQLite's lock.
    Re-entrant, so a nested writing unit of work in one thread behaves as before (SQLite's own wait)."""

    def __init__(self, timeout: float = 30) -> None:
        self._lock = threading.RLock()
        self._timeout = timeout

    def take(self) -> None:
        if not self._lock.acquire(timeout=self._timeout):
            raise sa_exc.OperationalError("schrijfbeurt", None, TimeoutError("database is locked"))

    def give_back(self) -> None:
        self._lock.release()


def write_turns(engine: Engine) -> WriteTurns:
    return SqliteWriteTurns() if engine.dialect.name == "sqlite" else WriteTurns()


class SessionFactories:
    """The three kinds of session a unit of work draws from, on one engine, and the write turns."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.read: sessionmaker[Session] = sessionmaker(bind=engine, expire_on_commit=False)
        self.write: sessionmaker[Session] = sessionmaker(
            bind=engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False
        )
        # One read statement needs no transaction of its own: on PostgreSQL, autocommit saves the BEGIN and the
        # ROLLBACK round trips (the API token lookup of every request). SQLite keeps its own BEGIN handling.
        self.single_read: sessionmaker[Session] = (
            self.read
            if engine.dialect.name == "sqlite"
            else sessionmaker(bind=engine.execution_options(isolation_level="AUTOCOMMIT"), expire_on_commit=False)
        )
        # A read whose only write is its access-log line, handed to the group commit (``wlz.platform.uow``): its
        # reads need no transaction of their own either; no autoflush, so nothing else can be written on the way.
        self.logged_read: sessionmaker[Session] = sessionmaker(
            bind=engine if engine.dialect.name == "sqlite" else engine.execution_options(isolation_level="AUTOCOMMIT"),
            expire_on_commit=False,
            autoflush=False,
        )
        self.turns = write_turns(engine)
