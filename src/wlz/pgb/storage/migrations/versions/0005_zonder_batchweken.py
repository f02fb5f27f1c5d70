"""pgb: drop ``pgb_batchweken``, the calendar of the earlier batch path's rounds; the one-pass batch path neither
writes nor reads it.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06 05:20:00

Owner: wlz.pgb (storage/orm.py). The downgrade recreates the empty table as migration 0002 made it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_table("pgb_batchweken")


def downgrade() -> None:
    op.create_table(
        "pgb_batchweken",
        sa.Column("batch_id", sa.String(length=32), nullable=False),
        sa.Column("maandag", sa.Integer(), autoincrement=False, nullable=False),
        sa.ForeignKeyConstraint(["batch_id"], ["pgb_batches.id"], name=op.f("fk_pgb_batchweken_batch_id_pgb_batches")),
        sa.PrimaryKeyConstraint("batch_id", "maandag", name=op.f("pk_pgb_batchweken")),
    )
