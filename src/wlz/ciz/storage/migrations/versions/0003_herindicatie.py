"""Herindicatie and ambtshalve herziening: ``aanvragen.soort`` (eerste / herindicatie / ambtshalve_herziening),
``vorige_id`` (the decided request it follows) and ``reden_herziening``. Changes the CIZ's tables only.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("aanvragen", schema=None) as batch_op:
        batch_op.add_column(sa.Column("soort", sa.String(length=30), server_default="eerste", nullable=False))
        batch_op.add_column(sa.Column("vorige_id", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("reden_herziening", sa.Text(), server_default="", nullable=False))
        batch_op.create_foreign_key(batch_op.f("fk_aanvragen_vorige_id_aanvragen"), "aanvragen", ["vorige_id"], ["id"])


def downgrade() -> None:
    with op.batch_alter_table("aanvragen", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_aanvragen_vorige_id_aanvragen"), type_="foreignkey")
        batch_op.drop_column("reden_herziening")
        batch_op.drop_column("vorige_id")
        batch_op.drop_column("soort")
