"""Alembic environment for the service's database. Run through ``wlz db upgrade`` (see ``migrate.py``)."""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from wlz.platform.database import make_engine
from wlz.zorgkantoor.storage.orm import metadata

config = context.config


def _run(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
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
