"""Unit of work: one transaction per use case, so a request is saved completely or not at all."""

from __future__ import annotations

import threading

from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from . import repository
from .orm import start_mappers


class UnitOfWork:
    """``with uow:`` opens a transaction; ``uow.commit()`` keeps the work; leaving without commit rolls back.

    ``schrijven=True`` tells SQLite to take the write lock at the start (see ``database.make_engine``).
    """

    def __init__(self, factory: sessionmaker, slot: threading.RLock | None = None):
        self._factory = factory
        self._slot = slot
        self.session: Session | None = None

    def __enter__(self) -> UnitOfWork:
        if self._slot is not None and not self._slot.acquire(timeout=30):
            raise sa_exc.OperationalError("schrijfslot", None, TimeoutError("database is locked"))
        self.session = s = self._factory()
        self.clients = repository.Clients(s)
        self.dossiers = repository.Dossiers(s)
        self.indicaties = repository.Indicaties(s)
        self.keuzes = repository.Keuzes(s)
        self.toewijzingen = repository.Toewijzingen(s)
        self.aanvragen = repository.Aanvragen(s)
        self.gebruikers = repository.Gebruikers(s)
        self.tokens = repository.Tokens(s)
        self.toegangslog = repository.Toegangslog(s)
        self.berichten = repository.Berichten(s)
        return self

    def __exit__(self, *exc) -> None:
        # close() rolls back whatever was not committed, but (unlike rollback()) leaves loaded objects readable,
        # so a use case can return them to the page or API after the transaction ends
        assert self.session is not None
        try:
            self.session.close()
        finally:
            if self._slot is not None:
                self._slot.release()

    def flush(self) -> None:
        assert self.session is not None
        self.session.flush()

    def commit(self) -> None:
        assert self.session is not None
        self.session.commit()

    def rollback(self) -> None:
        assert self.session is not None
        self.session.rollback()


class UnitOfWorkFactory:
    """Makes units of work on one engine; the app and the commands each hold one."""

    def __init__(self, engine: Engine):
        start_mappers()
        self.engine = engine
        self._lezen = sessionmaker(bind=engine, expire_on_commit=False)
        # SQLite has one write lock per database, and a waiting writer sleeps in SQLite's busy handler (1, 2, 5,
        # 10 ... 100 ms at a time): with hundreds of access-log lines a second, threads of one server process
        # collided there and a file read now and then slept 100+ ms. Writing units of work of this process take
        # turns on this lock first (waiting for the one ahead, no sleeps); other processes still meet SQLite's
        # lock. Re-entrant, so a nested writing unit of work in one thread behaves as before (SQLite's own wait).
        self._schrijfslot = threading.RLock() if engine.dialect.name == "sqlite" else None
        self._schrijven = sessionmaker(bind=engine.execution_options(wlz_schrijven=True), expire_on_commit=False)
        # One read statement needs no transaction of its own: on PostgreSQL, autocommit saves the BEGIN and the
        # ROLLBACK round trips (the API token lookup of every request). SQLite keeps its own BEGIN handling.
        self._een_lezing = (
            self._lezen
            if engine.dialect.name == "sqlite"
            else sessionmaker(bind=engine.execution_options(isolation_level="AUTOCOMMIT"), expire_on_commit=False)
        )

    def __call__(self, *, schrijven: bool = False, een_lezing: bool = False) -> UnitOfWork:
        """``een_lezing``: the work is a single SELECT (no consistency across statements needed, no writes)."""
        if een_lezing:
            return UnitOfWork(self._een_lezing)
        if schrijven:
            return UnitOfWork(self._schrijven, self._schrijfslot)
        return UnitOfWork(self._lezen)
