"""Revocable sessions and accountable tokens: ``gebruikers.session_version`` (raised by logout, password or role
change and deactivation; every session of the account ends, see ``wlz.platform.sessions``),
``gebruikers.service_account`` (a system's account, set for the existing accounts without a password) and
``api_tokens.aangemaakt_door`` (who made the token; empty for tokens made before). Changes the platform's tables
``gebruikers`` and ``api_tokens`` only (owner: ``wlz.platform.auth``).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("gebruikers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("session_version", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("service_account", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.execute(sa.text("UPDATE gebruikers SET service_account = :ja WHERE wachtwoord_hash IS NULL").bindparams(ja=True))
    with op.batch_alter_table("api_tokens", schema=None) as batch_op:
        batch_op.add_column(sa.Column("aangemaakt_door", sa.String(length=32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("api_tokens", schema=None) as batch_op:
        batch_op.drop_column("aangemaakt_door")
    with op.batch_alter_table("gebruikers", schema=None) as batch_op:
        batch_op.drop_column("service_account")
        batch_op.drop_column("session_version")
