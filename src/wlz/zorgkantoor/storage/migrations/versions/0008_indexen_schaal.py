"""Indexes for a zorgkantoor's scale (issue 9): tens of thousands of clients, millions of access-log lines.

- ``clients (achternaam, voornamen, id)``: the client list's order, so a page (and the keyset paging after a
  given client) is read from the index; it replaces ``ix_clients_achternaam`` (its prefix).
- ``aanvragen (termijn, id)`` and ``aanvragen (status, termijn, id)``: the work list by deadline, all or of one
  status; the second replaces ``ix_aanvragen_status`` (its prefix).
- ``toegangslog (gebruikersnaam, id)``: one account's log lines newest first (the platform's
  ``access_log.define_paging_indexes``), without scanning everyone else's newer lines.

Owner: ``wlz.zorgkantoor`` (``storage.orm``) for ``clients`` and ``aanvragen``; the access log's table is the
platform's, its index is this context's choice for its own database (the CIZ and pgb histories do not get it).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""

from __future__ import annotations

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


def downgrade() -> None:
    op.drop_index("ix_toegangslog_gebruikersnaam_id", table_name="toegangslog")
    op.drop_index("ix_aanvragen_status_termijn", table_name="aanvragen")
    op.drop_index("ix_aanvragen_termijn", table_name="aanvragen")
    op.create_index("ix_aanvragen_status", "aanvragen", ["status"])
    op.drop_index("ix_clients_naam", table_name="clients")
    op.create_index("ix_clients_achternaam", "clients", ["achternaam"])
