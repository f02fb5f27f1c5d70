"""The access log (NEN 7513): who read or changed which client's data, what, when, for which purpose, through
which channel. Append-only: the mapping refuses updates and deletes of a line, the repository offers only
``write``/``add`` and ``search``.

The table (``toegangslog``) is the platform's; a context defines it on its metadata (:func:`define_table`)
and writes its lines in the same transaction as the access they record (no access without its line). A read
that changes nothing may instead hand its lines to the process's :class:`GroupCommit` (a unit of work opened
with ``logged_read``): its answer leaves only after its lines are committed, so still no access without its line.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any, Protocol

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Mapper, Session, registry

from .auth import ID, now
from .database import WRITE_OPTION, WriteTurns
from .throttle import Failures
from .types import UTCDateTime


class Toegangsregel:
    """One line of the access log: who, which client, what, when, and for which purpose."""

    id: int

    def __init__(
        self,
        *,
        gebruiker_id: str | None,
        gebruikersnaam: str,
        rol: str,
        actie: str,
        onderwerp: str,
        doel: str,
        client_id: str | None = None,
        kanaal: str = "web",
        tijdstip: dt.datetime | None = None,
    ) -> None:
        self.tijdstip = tijdstip or now()
        self.gebruiker_id = gebruiker_id
        self.gebruikersnaam = gebruikersnaam
        self.rol = rol
        self.client_id = client_id
        self.actie = actie
        self.onderwerp = onderwerp
        self.doel = doel
        self.kanaal = kanaal


class Actor(Protocol):
    """Who acts, as the log records it (a context's actor class has at least these)."""

    @property
    def gebruiker_id(self) -> str: ...
    @property
    def gebruikersnaam(self) -> str: ...
    @property
    def rol(self) -> str: ...
    @property
    def kanaal(self) -> str: ...


def define_table(metadata: sa.MetaData) -> sa.Table:
    return sa.Table(
        "toegangslog",
        metadata,
        sa.Column("id", sa.Integer, sa.Identity(), primary_key=True),
        sa.Column("tijdstip", UTCDateTime, nullable=False, index=True),
        sa.Column("gebruiker_id", ID, nullable=True),
        sa.Column("gebruikersnaam", sa.String(100), nullable=False),
        sa.Column("rol", sa.String(20), nullable=False),
        sa.Column("client_id", ID, nullable=True, index=True),
        sa.Column("actie", sa.String(20), nullable=False),
        sa.Column("onderwerp", sa.String(200), nullable=False),
        sa.Column("doel", sa.String(200), nullable=False),
        sa.Column("kanaal", sa.String(10), nullable=False),
    )


def define_paging_indexes(table: sa.Table) -> None:
    """Indexes a log of millions of lines needs for its reads (a context adds them in a migration of its own):
    one account's lines newest first (``search(gebruikersnaam=...)`` and its keyset paging by ``id``) read from
    the index instead of scanning every newer line of everyone else. A client's lines have ``client_id``'s
    index (a few hundred lines per client; sorting them by id is cheap), a period ``tijdstip``'s."""
    sa.Index(f"ix_{table.name}_gebruikersnaam_id", table.c.gebruikersnaam, table.c.id)


def _refuse(mapper: Mapper[Any], connection: sa.Connection, target: object) -> None:
    raise PermissionError("het toegangslog is alleen aan te vullen (NEN 7513): wijzigen of wissen kan niet")


def map_table(mapper_registry: registry, table: sa.Table) -> None:
    """Map :class:`Toegangsregel` onto ``table``; updates and deletes through the ORM are refused."""
    mapper_registry.map_imperatively(Toegangsregel, table)
    event.listen(Toegangsregel, "before_update", _refuse)
    event.listen(Toegangsregel, "before_delete", _refuse)


def line(actor: Actor, action: str, subject: str, purpose: str, client_id: str | None = None) -> dict[str, Any]:
    """One line's columns (all but ``id``) for :meth:`AccessLog.write`."""
    return {
        "tijdstip": now(),
        "gebruiker_id": actor.gebruiker_id,
        "gebruikersnaam": actor.gebruikersnaam,
        "rol": actor.rol,
        "client_id": client_id,
        "actie": action,
        "onderwerp": subject,
        "doel": purpose,
        "kanaal": actor.kanaal,
    }


@lru_cache(maxsize=8)
def _insert(table: sa.Table) -> sa.Insert:
    return sa.insert(table)


class _Waiting:
    """The lines of one unit of work in :class:`GroupCommit`'s queue, and how their write ended."""

    __slots__ = ("lines", "done", "error")

    def __init__(self, lines: Sequence[Mapping[str, Any]]) -> None:
        self.lines = lines
        self.done = threading.Event()
        self.error: BaseException | None = None


class GroupCommit:
    """Access-log lines of many reads written by one background thread, in one statement per turn (group commit).

    Every read of a client's file writes one line. Written in the read's own transaction that was a BEGIN, an
    INSERT and a COMMIT per read: three of its four database round trips. Here a read hands over its lines
    (:meth:`write`) and waits until they are committed; the writer takes every line waiting, writes them with one
    INSERT (PostgreSQL: in autocommit, one round trip; SQLite: in a write transaction, after the process's write
    turn) and wakes their readers. So an answer still
    leaves only when its line is in the log (NEN 7513: no access without its line, no line lost); a write that
    fails fails every read waiting for it (503: database bezet), and nothing of those reads is answered.

    The thread starts at the first write and stops after ``idle_seconds`` without lines (tests make many apps).
    """

    def __init__(
        self,
        engine: Engine,
        table: sa.Table,
        turns: WriteTurns | None = None,
        max_lines: int = 1000,
        idle_seconds: float = 5.0,
    ) -> None:
        self.table = table
        sqlite = engine.dialect.name == "sqlite"
        # SQLite: BEGIN IMMEDIATE (see wlz.platform.database); PostgreSQL: one INSERT needs no transaction
        self._engine = (
            engine.execution_options(**{WRITE_OPTION: True})
            if sqlite
            else engine.execution_options(isolation_level="AUTOCOMMIT")
        )
        self._turns = turns or WriteTurns()
        #: PostgreSQL writes a turn with COPY (``_copy``); the columns in the order of the statement, each with the
        #: conversion its type applies to a bound value (``UTCDateTime``: UTC, a naive timestamp refused)
        columns = [c for c in table.columns if c.key != "id"]
        self._columns = tuple((c.key, c.type.bind_processor(engine.dialect)) for c in columns)
        self._copy_sql = (
            None
            if sqlite or engine.dialect.driver != "psycopg"
            else f"COPY {table.name} ({', '.join(c.key for c in columns)}) FROM STDIN"
        )
        self._max_lines = max_lines  # within SQLAlchemy's insertmanyvalues page: one statement per turn
        self._idle = idle_seconds
        self._queue: list[_Waiting] = []
        self._wake = threading.Condition()
        self._thread: threading.Thread | None = None

    def write(self, lines: Sequence[Mapping[str, Any]]) -> None:
        """Write ``lines`` (see :func:`line`) and return when they are committed; raises when they are not."""
        if not lines:
            return
        waiting = _Waiting(lines)
        with self._wake:
            self._queue.append(waiting)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="toegangslog-schrijver", daemon=True)
                self._thread.start()
            else:
                self._wake.notify()
        waiting.done.wait()
        if waiting.error is not None:
            # a fresh exception per reader (they raise it in their own threads); no parameters: no data in it
            raise sa_exc.OperationalError("INSERT INTO toegangslog", None, waiting.error) from waiting.error

    def _take(self) -> list[_Waiting]:
        """The next turn's waiting units (at most ``max_lines`` lines, at least one unit); [] when idle too long
        (the thread then ends: a later write starts a new one)."""
        with self._wake:
            if not self._queue and not self._wake.wait_for(lambda: bool(self._queue), self._idle):
                self._thread = None
                return []
            turn: list[_Waiting] = []
            n = 0
            while self._queue and (not turn or n + len(self._queue[0].lines) <= self._max_lines):
                waiting = self._queue.pop(0)
                turn.append(waiting)
                n += len(waiting.lines)
            return turn

    def _run(self) -> None:
        conn: sa.Connection | None = None  # kept from turn to turn (a checkout per turn cost as much as the INSERT)
        try:
            while turn := self._take():
                error: BaseException | None = None
                try:
                    conn = conn or self._engine.connect()
                    self._insert(conn, [dict(line) for w in turn for line in w.lines])
                except BaseException as exc:  # every reader waiting for this turn hears of it
                    error = exc
                    if conn is not None:  # a fresh connection for the next turn
                        conn.invalidate()
                        conn.close()
                        conn = None
                for w in turn:
                    w.error = error
                    w.done.set()
        finally:
            if conn is not None:
                conn.close()

    def _insert(self, conn: sa.Connection, rows: list[dict[str, Any]]) -> None:
        self._turns.take()
        try:
            try:
                if self._copy_sql is not None:
                    self._copy(conn, rows)
                else:
                    conn.execute(_insert(self.table), rows)
                conn.commit()
            except BaseException:
                conn.rollback()
                raise
        finally:
            self._turns.give_back()

    def _copy(self, conn: sa.Connection, rows: list[dict[str, Any]]) -> None:
        """PostgreSQL: the turn's lines by COPY, one statement in autocommit (all lines or none). Its rows are
        formatted by psycopg's C code, where the INSERT's parameters went through SQLAlchemy row by row: the
        writer thread's CPU per line fell to about a third (``benchmarks/scale_load.py``)."""
        assert self._copy_sql is not None
        columns = self._columns
        cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        try:
            with cursor.copy(self._copy_sql) as copy:
                for row in rows:
                    copy.write_row([row[k] if convert is None else convert(row[k]) for k, convert in columns])
        finally:
            cursor.close()


class AccessLog:
    """Append-only: ``write``/``add`` and ``search``, nothing else.

    ``deferred``: a list the lines are collected in instead of being inserted in the session's transaction (a
    ``logged_read`` unit of work hands them to :class:`GroupCommit` at its commit)."""

    def __init__(self, session: Session, table: sa.Table, deferred: list[dict[str, Any]] | None = None) -> None:
        self.s = session
        self.table = table
        self.deferred = deferred

    def add(self, regel: Toegangsregel) -> None:
        self.write({c.key: getattr(regel, c.key) for c in self.table.columns if c.key != "id"})

    def write(self, columns: Mapping[str, Any]) -> None:
        """Insert the line at once, in the session's transaction, as a plain INSERT: no ORM object or
        bookkeeping, no RETURNING of the generated id, one statement compiled once (every file read writes one
        line, so this is on the hottest path). ``columns``: every column but ``id`` (see :func:`line`). Deferred
        (see the class): kept for the unit of work's commit."""
        if self.deferred is not None:
            self.deferred.append(dict(columns))
            return
        self.s.connection().execute(_insert(self.table), dict(columns))

    def search(
        self,
        *,
        client_id: str | None = None,
        gebruikersnaam: str | None = None,
        van: dt.datetime | None = None,
        tot: dt.datetime | None = None,
        limit: int = 200,
        before_id: int | None = None,
    ) -> Sequence[Toegangsregel]:
        """Newest first; ``van`` inclusive, ``tot`` exclusive. Keyset paging: ``before_id`` gives the lines
        older than that line (the next page starts before the last id of this one), so every line can be read
        and a deep page costs what the first does."""
        q = sa.select(Toegangsregel)
        if before_id is not None:
            q = q.where(self.table.c.id < before_id)
        if client_id:
            q = q.where(self.table.c.client_id == client_id)
        if gebruikersnaam:
            q = q.where(self.table.c.gebruikersnaam == gebruikersnaam.strip().lower())
        if van:
            q = q.where(self.table.c.tijdstip >= van)
        if tot:
            q = q.where(self.table.c.tijdstip < tot)
        return self.s.scalars(q.order_by(self.table.c.id.desc()).limit(limit)).all()

    def failures(
        self,
        action: str,
        since: dt.datetime,
        *,
        gebruikersnaam: str | None = None,
        onderwerp: str | None = None,
        after_action: str | None = None,
    ) -> Failures:
        """How many lines of ``action`` since ``since`` (for one account name or one subject), and the newest's
        time; with ``after_action``, only those after the newest line of that action for the same name (the
        failed logins since the last successful one). Read by the login throttling (``wlz.platform.throttle``)."""
        t = self.table.c
        where = [t.tijdstip >= since]
        if gebruikersnaam is not None:
            where.append(t.gebruikersnaam == gebruikersnaam)
        if onderwerp is not None:
            where.append(t.onderwerp == onderwerp)
        if after_action is not None:
            last_ok = self.s.execute(
                sa.select(sa.func.max(t.id)).where(*where, t.actie == after_action)
            ).scalar_one_or_none()
            if last_ok is not None:
                where.append(t.id > last_ok)
        count, last = self.s.execute(
            sa.select(sa.func.count(), sa.func.max(t.tijdstip)).where(*where, t.actie == action)
        ).one()
        if isinstance(last, dt.datetime) and last.tzinfo is None:
            last = last.replace(tzinfo=dt.UTC)
        return Failures(int(count), last)

    #: the name the zorgkantoor's services and tests use
    zoek = search
