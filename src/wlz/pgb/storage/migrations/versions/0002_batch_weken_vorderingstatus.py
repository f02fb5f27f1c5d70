"""pgb: declarations in minutes (weekly limit per calendar week), batch staging tables, vordering status history

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-05 23:58:00

Owner of every table changed here: wlz.pgb (storage/orm.py). ``pgb_declaraties.minuten`` is filled from ``uren``
for existing rows; the status history of an existing vordering starts with 'open' on its date and, when its status
is another one now, that status from the day of this migration (the moment it changed was not kept before).
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from alembic import op

import wlz.platform.types

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("pgb_declaraties", schema=None) as batch_op:
        batch_op.add_column(sa.Column("minuten", sa.Integer(), nullable=True))
    op.execute("UPDATE pgb_declaraties SET minuten = CAST(ROUND(uren * 60) AS INTEGER)")
    with op.batch_alter_table("pgb_declaraties", schema=None) as batch_op:
        batch_op.alter_column("minuten", existing_type=sa.Integer(), nullable=False)

    op.create_table(
        "pgb_vordering_statussen",
        sa.Column("id", sa.Integer(), sa.Identity(always=False), nullable=False),
        sa.Column("vordering_id", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("geldig_vanaf", sa.Date(), nullable=False),
        sa.Column("tijdstip", wlz.platform.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("gebruiker_id", sa.String(length=32), nullable=True),
        sa.Column("gebruikersnaam", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["vordering_id"],
            ["pgb_vorderingen.id"],
            name=op.f("fk_pgb_vordering_statussen_vordering_id_pgb_vorderingen"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pgb_vordering_statussen")),
    )
    with op.batch_alter_table("pgb_vordering_statussen", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pgb_vordering_statussen_vordering_id"), ["vordering_id"], unique=False)
    nu = dt.datetime.now(dt.UTC)
    v = sa.table("pgb_vorderingen", sa.column("id"), sa.column("datum"), sa.column("status"))
    h = sa.table(
        "pgb_vordering_statussen",
        sa.column("vordering_id"),
        sa.column("status"),
        sa.column("geldig_vanaf"),
        sa.column("tijdstip", wlz.platform.types.UTCDateTime(timezone=True)),
        sa.column("gebruikersnaam"),
    )
    rows = op.get_bind().execute(sa.select(v.c.id, v.c.datum, v.c.status)).all()
    for vid, datum, status in rows:
        op.execute(
            h.insert().values(
                vordering_id=vid, status="open", geldig_vanaf=datum, tijdstip=nu, gebruikersnaam="migratie"
            )
        )
        if status != "open":
            op.execute(
                h.insert().values(
                    vordering_id=vid, status=status, geldig_vanaf=nu.date(), tijdstip=nu, gebruikersnaam="migratie"
                )
            )

    op.create_table(
        "pgb_batches",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("tijdstip", wlz.platform.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("gebruiker_id", sa.String(length=32), nullable=True),
        sa.Column("aantal", sa.Integer(), nullable=False),
        sa.Column("betaald", sa.Integer(), nullable=False),
        sa.Column("geweigerd", sa.Integer(), nullable=False),
        sa.Column("fout", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pgb_batches")),
    )
    op.create_table(
        "pgb_batchregels",
        sa.Column("batch_id", sa.String(length=32), nullable=False),
        sa.Column("regel", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("overeenkomst_id", sa.String(length=64), nullable=False),
        sa.Column("van", sa.Date(), nullable=False),
        sa.Column("tot", sa.Date(), nullable=False),
        sa.Column("uren", sa.Float(), nullable=False),
        sa.Column("minuten", sa.Integer(), nullable=False),
        sa.Column("bedrag", sa.BigInteger(), nullable=False),
        sa.Column("ingediend_op", sa.Date(), nullable=False),
        sa.Column("declaratie_id", sa.String(length=32), nullable=False),
        sa.Column("beschikking_id", sa.String(length=32), nullable=True),
        sa.Column("zorgverlener_id", sa.String(length=32), nullable=True),
        sa.Column("rang", sa.Integer(), nullable=True),
        sa.Column("uitkomst", sa.String(length=10), nullable=True),
        sa.Column("veld", sa.String(length=40), nullable=True),
        sa.Column("reden", sa.Text(), nullable=True),
        sa.Column("bron", sa.String(length=100), nullable=True),
        sa.ForeignKeyConstraint(["batch_id"], ["pgb_batches.id"], name=op.f("fk_pgb_batchregels_batch_id_pgb_batches")),
        sa.PrimaryKeyConstraint("batch_id", "regel", name=op.f("pk_pgb_batchregels")),
    )
    op.create_index("ix_pgb_batchregels_rang", "pgb_batchregels", ["batch_id", "rang"], unique=False)
    op.create_table(
        "pgb_batchweken",
        sa.Column("batch_id", sa.String(length=32), nullable=False),
        sa.Column("maandag", sa.Integer(), autoincrement=False, nullable=False),
        sa.ForeignKeyConstraint(["batch_id"], ["pgb_batches.id"], name=op.f("fk_pgb_batchweken_batch_id_pgb_batches")),
        sa.PrimaryKeyConstraint("batch_id", "maandag", name=op.f("pk_pgb_batchweken")),
    )


def downgrade() -> None:
    op.drop_table("pgb_batchweken")
    op.drop_index("ix_pgb_batchregels_rang", table_name="pgb_batchregels")
    op.drop_table("pgb_batchregels")
    op.drop_table("pgb_batches")
    with op.batch_alter_table("pgb_vordering_statussen", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pgb_vordering_statussen_vordering_id"))
    op.drop_table("pgb_vordering_statussen")
    with op.batch_alter_table("pgb_declaraties", schema=None) as batch_op:
        batch_op.drop_column("minuten")
