"""The pgb unit of work on the platform's base, and the migrations of the pgb database."""

from __future__ import annotations

from sqlalchemy.engine import Engine

from wlz.platform.migrations import Migrations
from wlz.platform.uow import UnitOfWork, UnitOfWorkFactory

MIGRATIONS = Migrations("wlz.pgb.storage:migrations")


class PgbUnitOfWork(UnitOfWork):
    """One transaction per use case; the repositories are plain Core statements on ``self.session``."""


def unit_of_work_factory(engine: Engine) -> UnitOfWorkFactory[PgbUnitOfWork]:
    return UnitOfWorkFactory(engine, PgbUnitOfWork)


def upgrade(engine: Engine) -> None:
    MIGRATIONS.upgrade(engine)
