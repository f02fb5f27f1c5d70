"""The maatwerkindicatie pilot's records (``maatwerkindicaties``). Changes the CIZ's tables only.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import wlz.platform.types

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "maatwerkindicaties",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("aanvraag_id", sa.String(length=32), nullable=False),
        sa.Column("pilotgroep", sa.String(length=100), nullable=False),
        sa.Column("jaar", sa.Integer(), nullable=False),
        sa.Column("behoeften_json", sa.JSON(), nullable=False),
        sa.Column("context", sa.Text(), nullable=False),
        sa.Column("voorkeuren", sa.Text(), nullable=False),
        sa.Column("bedrag", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("profielbedrag", sa.Numeric(precision=12, scale=2), nullable=True),
        sa.Column("vastgelegd_door", sa.String(length=32), nullable=False),
        sa.Column("vastgelegd_op", wlz.platform.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["aanvraag_id"], ["aanvragen.id"], name=op.f("fk_maatwerkindicaties_aanvraag_id_aanvragen")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_maatwerkindicaties")),
    )
    with op.batch_alter_table("maatwerkindicaties", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_maatwerkindicaties_aanvraag_id"), ["aanvraag_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("maatwerkindicaties", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_maatwerkindicaties_aanvraag_id"))
    op.drop_table("maatwerkindicaties")
