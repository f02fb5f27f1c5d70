"""iWlz retours: each received message keeps its result (geaccepteerd/geweigerd) and findings, and a retour
(IO32, AW36, AW310 sent; AW34, CA318, CA320 received) names the message it answers. Changes the zorgkantoor's
``berichten`` table only.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("berichten", schema=None) as batch_op:
        batch_op.add_column(sa.Column("resultaat", sa.String(length=12), nullable=True))
        batch_op.add_column(sa.Column("bevindingen", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("retour_van", sa.String(length=32), nullable=True))
        batch_op.create_index(batch_op.f("ix_berichten_retour_van"), ["retour_van"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_berichten_retour_van_berichten"), "berichten", ["retour_van"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("berichten", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_berichten_retour_van_berichten"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_berichten_retour_van"))
        batch_op.drop_column("retour_van")
        batch_op.drop_column("bevindingen")
        batch_op.drop_column("resultaat")
