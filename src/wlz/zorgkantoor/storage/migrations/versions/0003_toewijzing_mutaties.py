"""A zorgtoewijzing keeps the CA317's GeleverdeZorgID (a later CA319 names it) and the history of the
mutations the provider reported in AW39 messages.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("zorgtoewijzingen", schema=None) as batch_op:
        batch_op.add_column(sa.Column("geleverde_zorg_id", sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column("mutaties", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("zorgtoewijzingen", schema=None) as batch_op:
        batch_op.drop_column("mutaties")
        batch_op.drop_column("geleverde_zorg_id")
