"""The unit-of-work base: one transaction per use case, so a request is saved completely or not at all.

A context subclasses :class:`UnitOfWork` to open its repositories on the session (``open_repositories``) and
makes its units of work with :class:`UnitOfWorkFactory`; the sessions and the write turns come from the
database layer (``wlz.platform.database``).
"""

from __future__ import annotations

from typing import Any, Generic, Self, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from .access_log import GroupCommit
from .database import SessionFactories, WriteTurns


class UnitOfWork:
    """``with uow:`` opens a transaction; ``uow.commit()`` keeps the work; leaving without commit rolls back.

    A logged read (``log_writer`` given: the factory's ``logged_read``) writes nothing but access-log lines: the
    context's access log collects them in ``deferred_log`` (``AccessLog(..., deferred=uow.deferred_log)``) and
    ``commit`` hands them to the group commit and returns once they are committed (see
    ``wlz.platform.access_log.GroupCommit``)."""

    def __init__(
        self, factory: sessionmaker[Session], turns: WriteTurns | None = None, log_writer: GroupCommit | None = None
    ) -> None:
        self._factory = factory
        self._turns = turns
        self._session: Session | None = None
        self._log_writer = log_writer
        #: the access-log lines of a logged read, written at its commit (None: lines go into the transaction)
        self.deferred_log: list[dict[str, Any]] | None = [] if log_writer is not None else None

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("the unit of work is not open (use it in a with block)")
        return self._session

    def open_repositories(self, session: Session) -> None:
        """Make the context's repositories on ``session`` (a subclass sets them as attributes)."""

    def __enter__(self) -> Self:
        if self._turns is not None:
            self._turns.take()
        try:
            self._session = self._factory()
            self.open_repositories(self._session)
        except BaseException:
            if self._turns is not None:
                self._turns.give_back()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        # close() rolls back whatever was not committed, but (unlike rollback()) leaves loaded objects readable,
        # so a use case can return them to the page or API after the transaction ends
        try:
            self.session.close()
        finally:
            if self._turns is not None:
                self._turns.give_back()

    def flush(self) -> None:
        self._refuse_changes()
        self.session.flush()

    def _refuse_changes(self) -> None:
        """A logged read runs without a transaction (autocommit): a change it tried to make is refused before any
        of it is written."""
        s = self.session
        if self._log_writer is not None and (s.new or s.dirty or s.deleted):
            raise RuntimeError("a logged read unit of work writes nothing but access-log lines")

    def commit(self) -> None:
        if self._log_writer is None:
            self.session.commit()
            return
        self._refuse_changes()
        s = self.session
        s.commit()
        lines, self.deferred_log = self.deferred_log or [], []
        self._log_writer.write(lines)

    def rollback(self) -> None:
        self.session.rollback()


U = TypeVar("U", bound=UnitOfWork)


class UnitOfWorkFactory(Generic[U]):
    """Makes units of work of one class on one engine; the app and the commands each hold one."""

    def __init__(self, engine: Engine, unit_of_work: type[U], access_log: sa.Table | None = None) -> None:
        self.engine = engine
        self._class = unit_of_work
        self._sessions = SessionFactories(engine)
        #: the group commit of this database's access log (``access_log``: its table), for logged reads
        self.log_writer = GroupCommit(engine, access_log, self._sessions.turns) if access_log is not None else None

    def __call__(self, *, write: bool = False, single_read: bool = False, logged_read: bool = False) -> U:
        """``write``: the work writes (SQLite takes the write lock at its start, after this process's write
        turn); ``single_read``: the work is a single SELECT (no consistency across statements, no writes);
        ``logged_read``: the work reads (no consistency across statements) and writes only its access-log lines,
        which its commit writes through the group commit (the factory needs the ``access_log`` table)."""
        s = self._sessions
        if logged_read:
            if self.log_writer is None:
                raise ValueError("logged_read needs the access log's table (UnitOfWorkFactory(access_log=...))")
            return self._class(s.logged_read, None, self.log_writer)
        if single_read:
            return self._class(s.single_read)
        if write:
            return self._class(s.write, s.turns)
        return self._class(s.read)
