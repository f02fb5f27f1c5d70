"""The zorgkantoor's Alembic history (``wlz db upgrade``; also run by demo/serve), applied by the platform's
migrations runner (``wlz.platform.migrations``)."""

from __future__ import annotations

from alembic.config import Config
from sqlalchemy.engine import Engine

from wlz.platform.migrations import Migrations, current

SCRIPT_LOCATION = "wlz.zorgkantoor.storage:migrations"
MIGRATIONS = Migrations(SCRIPT_LOCATION)

__all__ = ["MIGRATIONS", "SCRIPT_LOCATION", "alembic_config", "current", "downgrade_base", "upgrade"]


def alembic_config(url: str | None = None) -> Config:
    return MIGRATIONS.config(url)


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database behind ``engine`` to ``revision`` (default: the newest)."""
    MIGRATIONS.upgrade(engine, revision)


def downgrade_base(engine: Engine) -> None:
    """Remove every table of the service (``wlz demo --reset`` only)."""
    MIGRATIONS.downgrade_base(engine)
