"""Alembic environment of the CIZ's own database; version table ``alembic_version_ciz`` (see ``migrate.py``)."""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from wlz.ciz.storage.orm import metadata
from wlz.platform.database import make_engine

config = context.config
VERSION_TABLE = "alembic_version_ciz"


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection, target_metadata=metadata, render_as_batch=True, version_table=VERSION_TABLE
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    engine = make_engine(config.get_main_option("sqlalchemy.url") or "")
    with engine.connect() as conn:
        _run(conn)
    engine.dispose()
