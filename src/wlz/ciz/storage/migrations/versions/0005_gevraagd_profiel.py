"""``aanvragen.gevraagd_profiel``: the zorgprofiel an aanvrager asked for, if any (refusals per profile). Changes
the CIZ's tables only.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("aanvragen", schema=None) as batch_op:
        batch_op.add_column(sa.Column("gevraagd_profiel", sa.String(length=20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("aanvragen", schema=None) as batch_op:
        batch_op.drop_column("gevraagd_profiel")
