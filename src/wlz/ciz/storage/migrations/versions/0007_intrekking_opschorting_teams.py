"""Withdrawal, suspension of the term, teams, the earlier decision a case replaces. Changes the CIZ's tables only.

- ``aanvragen``: ``vervangt_besluitnummer`` (the earlier indicatiebesluit a herindicatie or herziening replaces),
  ``team`` (the decider's team at the time), the withdrawal (``ingetrokken_per``, ``intrekkingsgrond``,
  ``intrekking_toelichting``, ``ingetrokken_door``, ``intrekkingsdatum``); ``termijn_grond`` widened to 200.
- ``opschortingen``: suspensions of a request's term (Awb art. 4:15).
- ``teamleden``: an account's unit and team.
- data: every kept deadline that ends on a Saturday, Sunday or public holiday moves to the next working day
  (Algemene termijnenwet art. 1; no suspension existed before this migration, so that is the whole change).

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from wlz.common.termijnen import werkdag_of_later

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("aanvragen", schema=None) as batch_op:
        batch_op.alter_column("termijn_grond", existing_type=sa.String(length=80), type_=sa.String(length=200))
        batch_op.add_column(sa.Column("vervangt_besluitnummer", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("team", sa.String(length=90), server_default="", nullable=False))
        batch_op.add_column(sa.Column("ingetrokken_per", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("intrekkingsgrond", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("intrekking_toelichting", sa.Text(), server_default="", nullable=False))
        batch_op.add_column(sa.Column("ingetrokken_door", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("intrekkingsdatum", sa.Date(), nullable=True))
    op.create_table(
        "opschortingen",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("aanvraag_id", sa.String(length=32), nullable=False),
        sa.Column("soort", sa.String(length=30), nullable=False),
        sa.Column("begin", sa.Date(), nullable=False),
        sa.Column("einde", sa.Date(), nullable=True),
        sa.Column("aanvullen_voor", sa.Date(), nullable=True),
        sa.Column("reden", sa.Text(), nullable=False),
        sa.Column("vastgelegd_door", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["aanvraag_id"], ["aanvragen.id"], name=op.f("fk_opschortingen_aanvraag_id_aanvragen")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_opschortingen")),
    )
    with op.batch_alter_table("opschortingen", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_opschortingen_aanvraag_id"), ["aanvraag_id"], unique=False)
    op.create_table(
        "teamleden",
        sa.Column("gebruiker_id", sa.String(length=32), nullable=False),
        sa.Column("eenheid", sa.String(length=40), nullable=False),
        sa.Column("team", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["gebruiker_id"], ["gebruikers.id"], name=op.f("fk_teamleden_gebruiker_id_gebruikers")),
        sa.PrimaryKeyConstraint("gebruiker_id", name=op.f("pk_teamleden")),
    )
    aanvragen = sa.table(
        "aanvragen", sa.column("id", sa.String), sa.column("uiterlijk", sa.Date), sa.column("termijn_grond", sa.String)
    )
    conn = op.get_bind()
    for rij in conn.execute(sa.select(aanvragen.c.id, aanvragen.c.uiterlijk, aanvragen.c.termijn_grond)).all():
        nieuw = werkdag_of_later(rij.uiterlijk)
        if nieuw != rij.uiterlijk:
            grond = rij.termijn_grond if "voorbeeld" in rij.termijn_grond else f"{rij.termijn_grond}; Atw art. 1"
            conn.execute(
                sa.update(aanvragen).where(aanvragen.c.id == rij.id).values(uiterlijk=nieuw, termijn_grond=grond)
            )


def downgrade() -> None:
    # the deadlines moved by the Atw stay moved (the day before is not known again for certain)
    op.drop_table("teamleden")
    with op.batch_alter_table("opschortingen", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_opschortingen_aanvraag_id"))
    op.drop_table("opschortingen")
    with op.batch_alter_table("aanvragen", schema=None) as batch_op:
        batch_op.drop_column("intrekkingsdatum")
        batch_op.drop_column("ingetrokken_door")
        batch_op.drop_column("intrekking_toelichting")
        batch_op.drop_column("intrekkingsgrond")
        batch_op.drop_column("ingetrokken_per")
        batch_op.drop_column("team")
        batch_op.drop_column("vervangt_besluitnummer")
        batch_op.alter_column("termijn_grond", existing_type=sa.String(length=200), type_=sa.String(length=80))
