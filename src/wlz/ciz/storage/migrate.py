"""The CIZ's Alembic history, applied by the platform's runner (``wlz.platform.migrations``). It is a history
of its own (own database, version table ``alembic_version_ciz``), never a branch of the zorgkantoor's."""

from __future__ import annotations

from sqlalchemy.engine import Engine

from wlz.platform.migrations import Migrations

SCRIPT_LOCATION = "wlz.ciz.storage:migrations"
MIGRATIONS = Migrations(SCRIPT_LOCATION)


def upgrade(engine: Engine, revision: str = "head") -> None:
    MIGRATIONS.upgrade(engine, revision)


def downgrade_base(engine: Engine) -> None:
    MIGRATIONS.downgrade_base(engine)
