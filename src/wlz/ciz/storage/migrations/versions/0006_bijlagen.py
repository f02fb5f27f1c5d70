"""Attachments to a request (``bijlagen``): information already held, reused at the intake. Changes the CIZ's
tables only.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import wlz.platform.types

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "bijlagen",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("aanvraag_id", sa.String(length=32), nullable=False),
        sa.Column("bestandsnaam", sa.String(length=100), nullable=False),
        sa.Column("soort", sa.String(length=40), nullable=False),
        sa.Column("inhoud", sa.LargeBinary(), nullable=False),
        sa.Column("aangemaakt_op", wlz.platform.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["aanvraag_id"], ["aanvragen.id"], name=op.f("fk_bijlagen_aanvraag_id_aanvragen")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bijlagen")),
    )
    with op.batch_alter_table("bijlagen", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_bijlagen_aanvraag_id"), ["aanvraag_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("bijlagen", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_bijlagen_aanvraag_id"))
    op.drop_table("bijlagen")
