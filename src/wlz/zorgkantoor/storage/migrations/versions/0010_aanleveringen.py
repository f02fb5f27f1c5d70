"""The keys of the deliveries of accepted AW35/AW39 messages (owner ``wlz.zorgkantoor``): iWlz TR074 makes the
key of a delivery with StatusAanlevering 1 unique not only within its message but among all messages already
received. New table ``aanleveringen`` (type, sender, key; the message that delivered it). Messages accepted before
this migration have no keys here: their duplicates are not recognised.

The revision id 0010 was handed out before 0011 was committed; 0010 chains after 0011, the head when it was
written, so the history stays one line.

Revision ID: 0010
Revises: 0011
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0011"
branch_labels = None
depends_on = None

ID = sa.String(32)


def upgrade() -> None:
    op.create_table(
        "aanleveringen",
        sa.Column("soort", sa.String(length=5), nullable=False),
        sa.Column("afzender", sa.String(length=20), nullable=False),
        sa.Column("sleutel", sa.String(length=200), nullable=False),
        sa.Column("bericht_id", ID, nullable=False),
        sa.ForeignKeyConstraint(["bericht_id"], ["berichten.id"]),
        sa.PrimaryKeyConstraint("soort", "afzender", "sleutel"),
    )
    op.create_index("ix_aanleveringen_bericht_id", "aanleveringen", ["bericht_id"])


def downgrade() -> None:
    op.drop_index("ix_aanleveringen_bericht_id", table_name="aanleveringen")
    op.drop_table("aanleveringen")
