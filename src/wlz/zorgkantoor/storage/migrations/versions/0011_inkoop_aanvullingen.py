"""Zorginkoop, the later additions (owner ``wlz.zorgkantoor``):

- ``declaratie_invoer`` gets ``leveringsvorm`` and ``prestatie_leveringsvorm`` (the work table's D11 check: the
  toewijzing's leveringsvorm against the contract prestatie's);
- ``inkoop_vouchers.geldig_tot``: the last day a voucher is valid (existing vouchers: their ``einddatum``);
- ``inkoop_contracten.basisbudget_bron`` and ``basisbudget_handmatig``: how a meerjarig contract's basisbudget came
  about (existing basisbudgets were typed in: ``handmatig``);
- new ``inkoop_kwaliteitsrapport_bestanden``: an uploaded kwaliteitsrapport (PDF) kept in the database;
- new ``inkoop_pgb_delen``: the pgb part of an mpt+pgb choice.

Revision ID: 0011
Revises: 0009
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0009"
branch_labels = None
depends_on = None

ID = sa.String(32)


def upgrade() -> None:
    with op.batch_alter_table("declaratie_invoer", schema=None) as b:
        b.add_column(sa.Column("leveringsvorm", sa.String(10), nullable=True))
        b.add_column(sa.Column("prestatie_leveringsvorm", sa.String(10), nullable=True))
    with op.batch_alter_table("inkoop_vouchers", schema=None) as b:
        b.add_column(sa.Column("geldig_tot", sa.Date(), nullable=True))
    op.execute("UPDATE inkoop_vouchers SET geldig_tot = einddatum")
    with op.batch_alter_table("inkoop_contracten", schema=None) as b:
        b.add_column(sa.Column("basisbudget_bron", sa.Text(), nullable=True))
        b.add_column(sa.Column("basisbudget_handmatig", sa.Boolean(), nullable=True))
    op.execute(
        "UPDATE inkoop_contracten SET basisbudget_handmatig = "
        + ("TRUE" if op.get_bind().dialect.name == "postgresql" else "1")
        + " WHERE basisbudget_cent IS NOT NULL"
    )
    op.create_table(
        "inkoop_kwaliteitsrapport_bestanden",
        sa.Column("rapport_id", ID, sa.ForeignKey("inkoop_kwaliteitsrapporten.id"), primary_key=True),
        sa.Column("bestandsnaam", sa.String(200), nullable=False),
        sa.Column("content_type", sa.String(60), nullable=False),
        sa.Column("grootte", sa.Integer(), nullable=False),
        sa.Column("inhoud", sa.LargeBinary(), nullable=False),
        sa.Column("geupload_op", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "inkoop_pgb_delen",
        sa.Column("id", ID, primary_key=True),
        sa.Column("client_id", ID, sa.ForeignKey("clients.id"), nullable=False),
        sa.Column("leveringsvorm_keuze_id", ID, sa.ForeignKey("leveringsvorm_keuzes.id"), nullable=False),
        sa.Column("van", sa.Date(), nullable=False),
        sa.Column("tot", sa.Date(), nullable=False),
        sa.Column("functies", sa.JSON(), nullable=False),
        sa.Column("bedrag_cent", sa.BigInteger(), nullable=True),
        sa.Column("bedrag_bron", sa.String(500), nullable=True),
        sa.Column("vastgelegd_door", ID, nullable=False),
        sa.Column("vastgelegd_op", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("leveringsvorm_keuze_id"),
    )
    op.create_index("ix_inkoop_pgb_delen_client_id", "inkoop_pgb_delen", ["client_id"])


def downgrade() -> None:
    op.drop_index("ix_inkoop_pgb_delen_client_id", table_name="inkoop_pgb_delen")
    op.drop_table("inkoop_pgb_delen")
    op.drop_table("inkoop_kwaliteitsrapport_bestanden")
    with op.batch_alter_table("inkoop_contracten", schema=None) as b:
        b.drop_column("basisbudget_handmatig")
        b.drop_column("basisbudget_bron")
    with op.batch_alter_table("inkoop_vouchers", schema=None) as b:
        b.drop_column("geldig_tot")
    with op.batch_alter_table("declaratie_invoer", schema=None) as b:
        b.drop_column("prestatie_leveringsvorm")
        b.drop_column("leveringsvorm")
