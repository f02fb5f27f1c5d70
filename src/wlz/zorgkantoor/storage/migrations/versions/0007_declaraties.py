"""Declarations, zorginkoop part B: import batches, the work table of the set-based check, accepted
lines (``declaratie_regels``, read by the ledger and the reports) and refused lines with their reason
(``declaratie_weigeringen``).

Owner: ``wlz.zorgkantoor`` (``storage.declaratie_orm``). A frozen snapshot: the tables are written out as they were
defined when this was written.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import wlz.platform.types

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_LINE_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "declaratie_batches",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("agb_code", sa.String(length=8), nullable=False),
        sa.Column("bestandsnaam", sa.String(length=200), nullable=False),
        sa.Column("formaat", sa.String(length=8), nullable=False),
        sa.Column("ingelezen_door", sa.String(length=32), nullable=False),
        sa.Column("ingelezen_op", wlz.platform.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("aantal_regels", sa.Integer(), nullable=False),
        sa.Column("aantal_geaccepteerd", sa.Integer(), nullable=False),
        sa.Column("aantal_geweigerd", sa.Integer(), nullable=False),
        sa.Column("bedrag_geaccepteerd_cent", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_declaratie_batches")),
    )
    op.create_index(op.f("ix_declaratie_batches_agb_code"), "declaratie_batches", ["agb_code"], unique=False)
    op.create_table(
        "declaratie_invoer",
        sa.Column("batch_id", sa.String(length=32), nullable=False),
        sa.Column("volgnummer", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("regelnummer", sa.BigInteger(), nullable=True),
        sa.Column("client_id", sa.String(length=40), nullable=True),
        sa.Column("bsn", sa.String(length=20), nullable=True),
        sa.Column("agb_code", sa.String(length=20), nullable=True),
        sa.Column("prestatiecode", sa.String(length=20), nullable=True),
        sa.Column("begindatum", sa.Date(), nullable=True),
        sa.Column("einddatum", sa.Date(), nullable=True),
        sa.Column("aantal", sa.BigInteger(), nullable=True),
        sa.Column("bedrag_cent", sa.BigInteger(), nullable=True),
        sa.Column("zzp_code", sa.String(length=20), nullable=True),
        sa.Column("maand", sa.String(length=7), nullable=True),
        sa.Column("ruw", sa.Text(), nullable=True),
        sa.Column("client_ref", sa.String(length=32), nullable=True),
        sa.Column("toewijzing_id", sa.String(length=32), nullable=True),
        sa.Column("prestatie_id", sa.String(length=32), nullable=True),
        sa.Column("tarief_cent", sa.BigInteger(), nullable=True),
        sa.Column("regio", sa.String(length=40), nullable=True),
        sa.Column("voucher_id", sa.String(length=32), nullable=True),
        sa.Column("reden", sa.String(length=4), nullable=True),
        sa.Column("melding", sa.String(length=300), nullable=True),
        sa.PrimaryKeyConstraint("batch_id", "volgnummer", name=op.f("pk_declaratie_invoer")),
    )
    if op.get_bind().dialect.name == "postgresql":
        # a work table: its rows never outlive the transaction that wrote them, so no WAL
        op.execute("ALTER TABLE declaratie_invoer SET UNLOGGED")
    op.create_index(
        "ix_declaratie_invoer_dubbel",
        "declaratie_invoer",
        ["batch_id", "client_ref", "prestatiecode", "maand"],
        unique=False,
    )
    op.create_table(
        "declaratie_weigeringen",
        sa.Column("id", _LINE_ID, autoincrement=True, nullable=False),
        sa.Column("batch_id", sa.String(length=32), nullable=False),
        sa.Column("volgnummer", sa.Integer(), nullable=False),
        sa.Column("agb_code", sa.String(length=8), nullable=False),
        sa.Column("reden_code", sa.String(length=4), nullable=False),
        sa.Column("reden", sa.String(length=300), nullable=False),
        sa.Column("regelnummer", sa.BigInteger(), nullable=True),
        sa.Column("client_id", sa.String(length=40), nullable=True),
        sa.Column("bsn", sa.String(length=20), nullable=True),
        sa.Column("prestatiecode", sa.String(length=20), nullable=True),
        sa.Column("begindatum", sa.Date(), nullable=True),
        sa.Column("einddatum", sa.Date(), nullable=True),
        sa.Column("aantal", sa.BigInteger(), nullable=True),
        sa.Column("bedrag_cent", sa.BigInteger(), nullable=True),
        sa.Column("zzp_code", sa.String(length=20), nullable=True),
        sa.Column("ruw", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["batch_id"], ["declaratie_batches.id"], name=op.f("fk_declaratie_weigeringen_batch_id_declaratie_batches")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_declaratie_weigeringen")),
    )
    op.create_index(op.f("ix_declaratie_weigeringen_agb_code"), "declaratie_weigeringen", ["agb_code"], unique=False)
    op.create_index(op.f("ix_declaratie_weigeringen_batch_id"), "declaratie_weigeringen", ["batch_id"], unique=False)
    op.create_table(
        "declaratie_regels",
        sa.Column("id", _LINE_ID, autoincrement=True, nullable=False),
        sa.Column("batch_id", sa.String(length=32), nullable=False),
        sa.Column("volgnummer", sa.Integer(), nullable=False),
        sa.Column("regelnummer", sa.BigInteger(), nullable=False),
        sa.Column("agb_code", sa.String(length=8), nullable=False),
        sa.Column("client_id", sa.String(length=32), nullable=False),
        sa.Column("prestatiecode", sa.String(length=20), nullable=False),
        sa.Column("begindatum", sa.Date(), nullable=False),
        sa.Column("einddatum", sa.Date(), nullable=False),
        sa.Column("aantal", sa.BigInteger(), nullable=False),
        sa.Column("bedrag_cent", sa.BigInteger(), nullable=False),
        sa.Column("zzp_code", sa.String(length=20), nullable=True),
        sa.Column("maand", sa.String(length=7), nullable=False),
        sa.Column("regio", sa.String(length=40), nullable=False),
        sa.Column("toewijzing_id", sa.String(length=32), nullable=False),
        sa.Column("prestatie_id", sa.String(length=32), nullable=False),
        sa.Column("tarief_cent", sa.BigInteger(), nullable=False),
        sa.Column("voucher_id", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_declaratie_regels")),
    )
    op.create_index(op.f("ix_declaratie_regels_batch_id"), "declaratie_regels", ["batch_id"], unique=False)
    op.create_index(
        "ix_declaratie_regels_dubbel",
        "declaratie_regels",
        ["client_id", "agb_code", "prestatiecode", "maand"],
        unique=False,
    )
    op.create_index("ix_declaratie_regels_grootboek", "declaratie_regels", ["agb_code", "maand"], unique=False)
    op.create_index(op.f("ix_declaratie_regels_voucher_id"), "declaratie_regels", ["voucher_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_declaratie_regels_voucher_id"), table_name="declaratie_regels")
    op.drop_index("ix_declaratie_regels_grootboek", table_name="declaratie_regels")
    op.drop_index("ix_declaratie_regels_dubbel", table_name="declaratie_regels")
    op.drop_index(op.f("ix_declaratie_regels_batch_id"), table_name="declaratie_regels")
    op.drop_table("declaratie_regels")
    op.drop_index(op.f("ix_declaratie_weigeringen_batch_id"), table_name="declaratie_weigeringen")
    op.drop_index(op.f("ix_declaratie_weigeringen_agb_code"), table_name="declaratie_weigeringen")
    op.drop_table("declaratie_weigeringen")
    op.drop_index("ix_declaratie_invoer_dubbel", table_name="declaratie_invoer")
    op.drop_table("declaratie_invoer")
    op.drop_index(op.f("ix_declaratie_batches_agb_code"), table_name="declaratie_batches")
    op.drop_table("declaratie_batches")
