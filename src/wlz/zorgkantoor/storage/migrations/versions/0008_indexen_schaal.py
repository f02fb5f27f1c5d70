"""Indexes for a zorgkantoor's scale: tens of thousands of clients, millions of access-log lines.

- ``clients (achternaam, voornamen, id)``: the client list's order, so a page (and the keyset paging after a
  given client) is read from the index; it replaces ``ix_clients_achternaam`` (its prefix).
- ``aanvragen (termijn, id)`` and ``aanvragen (status, termijn, id)``: the work list by deadline, all or of one
  status; the second replaces ``ix_aanvragen_status`` (its prefix).
- ``toegangslog (gebruikersnaam, id)``: one account's log lines newest first (the platform's
  ``access_log.define_paging_indexes``), without scanning everyone else's newer lines.
- PostgreSQL only, where the ``pg_trgm`` extension is installed or may be created: trigram GIN indexes on
  ``lower(achternaam)`` and ``lower(voornamen)``, so the client search by part of a name (``LIKE '%jans%'``)
  finds its matches from the index instead of reading the whole list in name order until 50 match (27 ms for
  a fragment matching 1 in 20 of 30,000 clients on a loaded machine; a rare fragment reads all of them). Without
  the extension the search works as before, only slower. Not in ``storage.orm``: an expression index on an
  extension's operator class exists on one database only (``tests/zorgkantoor/test_storage.py`` ignores them).

Owner: ``wlz.zorgkantoor`` (``storage.orm``) for ``clients`` and ``aanvragen``; the access log's table is the
platform's, its index is this context's choice for its own database (the CIZ and pgb histories do not get it).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_clients_achternaam", table_name="clients")
    op.create_index("ix_clients_naam", "clients", ["achternaam", "voornamen", "id"])
    op.drop_index("ix_aanvragen_status", table_name="aanvragen")
    op.create_index("ix_aanvragen_termijn", "aanvragen", ["termijn", "id"])
    op.create_index("ix_aanvragen_status_termijn", "aanvragen", ["status", "termijn", "id"])
    op.create_index("ix_toegangslog_gebruikersnaam_id", "toegangslog", ["gebruikersnaam", "id"])
    schema = _trigram_schema(op.get_bind())
    if schema is not None:
        for kolom in _TRIGRAM_KOLOMMEN:
            op.execute(
                f"CREATE INDEX ix_clients_{kolom}_trgm ON clients USING gin (lower({kolom}) {schema}.gin_trgm_ops)"
            )


#: the client search's columns (``repository._name_like``: ``lower(achternaam)``, ``lower(voornamen)``)
_TRIGRAM_KOLOMMEN = ("achternaam", "voornamen")


def _trigram_schema(bind: sa.Connection) -> str | None:
    """The schema of ``pg_trgm`` in this PostgreSQL database, created in ``public`` when missing and allowed
    (it is a trusted extension: a database owner may create it); None on SQLite or when it cannot be had."""
    if bind.dialect.name != "postgresql":
        return None
    vraag = "SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'pg_trgm'"
    schema = bind.exec_driver_sql(vraag).scalar()
    if schema is None:
        beschikbaar = bind.exec_driver_sql("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'").first()
        if beschikbaar is None:
            return None
        try:
            with bind.begin_nested():
                bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public")
        except sa.exc.DBAPIError:  # not allowed, or created at the same moment by another migration
            pass
        schema = bind.exec_driver_sql(vraag).scalar()
    return None if schema is None else str(schema)


def downgrade() -> None:
    for kolom in _TRIGRAM_KOLOMMEN:
        op.execute(f"DROP INDEX IF EXISTS ix_clients_{kolom}_trgm")
    op.drop_index("ix_toegangslog_gebruikersnaam_id", table_name="toegangslog")
    op.drop_index("ix_aanvragen_status_termijn", table_name="aanvragen")
    op.drop_index("ix_aanvragen_termijn", table_name="aanvragen")
    op.create_index("ix_aanvragen_status", "aanvragen", ["status"])
    op.drop_index("ix_clients_naam", table_name="clients")
    op.create_index("ix_clients_achternaam", "clients", ["achternaam"])
