"""The migrations runner: applies a context's Alembic history (shipped inside its package) to a database.

One history per database, with each table owned by one package (see ``docs/architecture.md``, Migrations);
the platform's tables (accounts, API tokens, access log) are created by the history of the context that uses
them. ``Migrations("wlz.zorgkantoor.storage:migrations")`` is the zorgkantoor's.
"""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy.engine import Engine


class Migrations:
    """One Alembic history, found as a package resource (``package:folder``)."""

    def __init__(self, script_location: str) -> None:
        self.script_location = script_location

    def config(self, url: str | None = None) -> Config:
        cfg = Config()
        cfg.set_main_option("script_location", self.script_location)
        if url:
            cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
        return cfg

    def upgrade(self, engine: Engine, revision: str = "head") -> None:
        """Bring the database behind ``engine`` to ``revision`` (default: the newest)."""
        cfg = self.config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)

    def downgrade_base(self, engine: Engine) -> None:
        """Remove every table of the history (a demo reset only).

        On SQLite a downgrade that alters a table in batch mode copies and drops it, which the foreign keys of
        rows still held elsewhere refuse; the checks are switched off for this connection while the whole
        history is removed (SQLite ignores the pragma inside a transaction, so it is set before one begins).
        """
        cfg = self.config()
        with engine.connect() as conn:
            raw = conn.connection.dbapi_connection if conn.dialect.name == "sqlite" else None
            if raw is not None:
                raw.execute("PRAGMA foreign_keys=OFF")  # before the engine's BEGIN: no transaction yet
            try:
                cfg.attributes["connection"] = conn
                command.downgrade(cfg, "base")
                conn.commit()
            finally:
                if raw is not None:
                    conn.rollback()
                    raw.execute("PRAGMA foreign_keys=ON")


def current(engine: Engine) -> str | None:
    """The revision the database behind ``engine`` is at (None: never migrated)."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()
