"""iWlz messages kept as exchanged; the rules' explanation of each decided amount.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import wlz.platform.types

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("besluitregels", schema=None) as batch_op:
        batch_op.add_column(sa.Column("berekening", sa.JSON(), nullable=True))
    op.create_table(
        "berichten",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("soort", sa.String(length=5), nullable=False),
        sa.Column("richting", sa.String(length=3), nullable=False),
        sa.Column("identificatie", sa.String(length=40), nullable=False),
        sa.Column("dagtekening", sa.Date(), nullable=False),
        sa.Column("afzender", sa.String(length=20), nullable=False),
        sa.Column("ontvanger", sa.String(length=20), nullable=True),
        sa.Column("inhoud", sa.LargeBinary(), nullable=False),
        sa.Column("vastgelegd_door", sa.String(length=32), nullable=False),
        sa.Column("client_id", sa.String(length=32), nullable=True),
        sa.Column("toewijzing_id", sa.String(length=32), nullable=True),
        sa.Column("aangemaakt_op", wlz.platform.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["client_id"], ["clients.id"], name=op.f("fk_berichten_client_id_clients")),
        sa.ForeignKeyConstraint(
            ["toewijzing_id"], ["zorgtoewijzingen.id"], name=op.f("fk_berichten_toewijzing_id_zorgtoewijzingen")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_berichten")),
    )
    with op.batch_alter_table("berichten", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_berichten_client_id"), ["client_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_berichten_toewijzing_id"), ["toewijzing_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("berichten", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_berichten_toewijzing_id"))
        batch_op.drop_index(batch_op.f("ix_berichten_client_id"))
    op.drop_table("berichten")
    with op.batch_alter_table("besluitregels", schema=None) as batch_op:
        batch_op.drop_column("berekening")
