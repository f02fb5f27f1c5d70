"""The unit-of-work base: one transaction per use case, so a request is saved completely or not at all.

A context subclasses :class:`UnitOfWork` to open its repositories on the session (``open_repositories``) and
makes its units of work with :class:`UnitOfWorkFactory`; the sessions and the write turns come from the
database layer (``wlz.platform.database``).
"""

from __future__ import annotations

from typing import Generic, Self, TypeVar

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from .database import SessionFactories, WriteTurns


class UnitOfWork:
    """``with uow:`` opens a transaction; ``uow.commit()`` keeps the work; leaving without commit rolls back."""

    def __init__(self, factory: sessionmaker[Session], turns: WriteTurns | None = None) -> None:
        self._factory = factory
        self._turns = turns
        self._session: Session | None = None

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
        self.session.flush()

    def commit(self) -> None:
        self.session.commit()

    def rollback(self) -> None:
        self.session.rollback()


U = TypeVar("U", bound=UnitOfWork)


class UnitOfWorkFactory(Generic[U]):
    """Makes units of work of one class on one engine; the app and the commands each hold one."""

    def __init__(self, engine: Engine, unit_of_work: type[U]) -> None:
        self.engine = engine
        self._class = unit_of_work
        self._sessions = SessionFactories(engine)

    def __call__(self, *, write: bool = False, single_read: bool = False) -> U:
        """``write``: the work writes (SQLite takes the write lock at its start, after this process's write
        turn); ``single_read``: the work is a single SELECT (no consistency across statements, no writes)."""
        s = self._sessions
        if single_read:
            return self._class(s.single_read)
        if write:
            return self._class(s.write, s.turns)
        return self._class(s.read)
