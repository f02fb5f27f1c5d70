"""pgb: the end of a pgb (Rlz art. 5.20), bemiddelingskosten in a budgetplan, bank accounts and payment files

Revision ID: 0004
Revises: 0002
Create Date: 2026-12-06 03:10:00

Owner of every table changed here: wlz.pgb (storage/orm.py). New nullable columns on ``pgb_beschikkingen``
(``beeindigd_per``, ``einde_reden``, ``oorspronkelijk_tot``, ``oorspronkelijk_budget``), ``pgb_zorgovereenkomsten``
(``beeindigd_per``) and ``pgb_budgetplannen`` (``bemiddelingskosten``); new tables ``pgb_rekeningen``,
``pgb_betaalbestanden`` and ``pgb_betaalbestand_regels``. Existing rows need no values.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import wlz.platform.types

revision = "0004"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("pgb_beschikkingen", schema=None) as batch_op:
        batch_op.add_column(sa.Column("beeindigd_per", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("einde_reden", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("oorspronkelijk_tot", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("oorspronkelijk_budget", sa.BigInteger(), nullable=True))
    with op.batch_alter_table("pgb_zorgovereenkomsten", schema=None) as batch_op:
        batch_op.add_column(sa.Column("beeindigd_per", sa.Date(), nullable=True))
    with op.batch_alter_table("pgb_budgetplannen", schema=None) as batch_op:
        batch_op.add_column(sa.Column("bemiddelingskosten", sa.BigInteger(), nullable=True))
    op.create_table(
        "pgb_rekeningen",
        sa.Column("houder_type", sa.String(length=20), nullable=False),
        sa.Column("houder_id", sa.String(length=32), nullable=False),
        sa.Column("iban", sa.String(length=34), nullable=False),
        sa.Column("naam", sa.String(length=70), nullable=False),
        sa.PrimaryKeyConstraint("houder_type", "houder_id", name=op.f("pk_pgb_rekeningen")),
    )
    with op.batch_alter_table("pgb_rekeningen", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pgb_rekeningen_iban"), ["iban"], unique=False)
    op.create_table(
        "pgb_betaalbestanden",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("tijdstip", wlz.platform.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("gebruiker_id", sa.String(length=32), nullable=True),
        sa.Column("uitvoerdatum", sa.Date(), nullable=False),
        sa.Column("aantal", sa.Integer(), nullable=False),
        sa.Column("totaal", sa.BigInteger(), nullable=False),
        sa.Column("xml", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pgb_betaalbestanden")),
    )
    op.create_table(
        "pgb_betaalbestand_regels",
        sa.Column("betaling_id", sa.String(length=32), nullable=False),
        sa.Column("betaalbestand_id", sa.String(length=32), nullable=False),
        sa.Column("bedrag", sa.BigInteger(), nullable=False),
        sa.Column("iban", sa.String(length=34), nullable=False),
        sa.ForeignKeyConstraint(
            ["betaalbestand_id"],
            ["pgb_betaalbestanden.id"],
            name=op.f("fk_pgb_betaalbestand_regels_betaalbestand_id_pgb_betaalbestanden"),
        ),
        sa.PrimaryKeyConstraint("betaling_id", name=op.f("pk_pgb_betaalbestand_regels")),
    )
    with op.batch_alter_table("pgb_betaalbestand_regels", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_pgb_betaalbestand_regels_betaalbestand_id"), ["betaalbestand_id"], unique=False
        )


def downgrade() -> None:
    op.drop_table("pgb_betaalbestand_regels")
    op.drop_table("pgb_betaalbestanden")
    op.drop_table("pgb_rekeningen")
    # plain ALTER TABLE ... DROP COLUMN (SQLite >= 3.35 and PostgreSQL): a batch copy of pgb_beschikkingen would
    # drop a table other tables refer to
    for tabel, kolom in (
        ("pgb_budgetplannen", "bemiddelingskosten"),
        ("pgb_zorgovereenkomsten", "beeindigd_per"),
        ("pgb_beschikkingen", "oorspronkelijk_budget"),
        ("pgb_beschikkingen", "oorspronkelijk_tot"),
        ("pgb_beschikkingen", "einde_reden"),
        ("pgb_beschikkingen", "beeindigd_per"),
    ):
        op.execute(f"ALTER TABLE {tabel} DROP COLUMN {kolom}")
