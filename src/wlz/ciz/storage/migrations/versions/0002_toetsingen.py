"""The quality review's sample (``toetsingen``): one row per sampled decision, its unit, period, the seed it was
drawn with, and the judgement. Changes the CIZ's tables only.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "toetsingen",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("aanvraag_id", sa.String(length=32), nullable=False),
        sa.Column("eenheid", sa.String(length=40), nullable=False),
        sa.Column("periode_van", sa.Date(), nullable=False),
        sa.Column("periode_tot", sa.Date(), nullable=False),
        sa.Column("seed", sa.BigInteger(), nullable=False),
        sa.Column("juist", sa.Boolean(), nullable=True),
        sa.Column("reden", sa.Text(), nullable=False),
        sa.Column("getoetst_door", sa.String(length=32), nullable=True),
        sa.Column("getoetst_op", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["aanvraag_id"], ["aanvragen.id"], name=op.f("fk_toetsingen_aanvraag_id_aanvragen")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_toetsingen")),
        sa.UniqueConstraint("aanvraag_id", "periode_van", "periode_tot", name=op.f("uq_toetsingen_aanvraag_periode")),
    )
    with op.batch_alter_table("toetsingen", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_toetsingen_aanvraag_id"), ["aanvraag_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("toetsingen", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_toetsingen_aanvraag_id"))
    op.drop_table("toetsingen")
