"""An indicatiebesluit keeps how it ended early: ``ingetrokken_per`` (the CIZ withdrew it, Wlz art. 3.2.4: the
day the withdrawal takes effect, the day after its new Einddatum) and ``vervangen_door`` (the besluitnummer of
the decision that replaced it). Both are shown on the client page and in the client's file
(``GET /api/clients/{id}``). Decisions replaced before this migration get ``vervangen_door`` from the rule the
client page used until now: a later decision of the same client beginning the day after this one ends.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("indicatiebesluiten", schema=None) as batch_op:
        batch_op.add_column(sa.Column("ingetrokken_per", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("vervangen_door", sa.String(length=40), nullable=True))
    t = sa.table(
        "indicatiebesluiten",
        sa.column("id", sa.String),
        sa.column("client_id", sa.String),
        sa.column("besluitnummer", sa.String),
        sa.column("ingangsdatum", sa.Date),
        sa.column("einddatum", sa.Date),
        sa.column("vervangen_door", sa.String),
    )
    bind = op.get_bind()
    rows = bind.execute(sa.select(t.c.id, t.c.client_id, t.c.besluitnummer, t.c.ingangsdatum, t.c.einddatum)).all()
    start: dict[tuple[str, dt.date], str] = {(r.client_id, r.ingangsdatum): r.besluitnummer for r in rows}
    for r in rows:
        if r.einddatum is None:
            continue
        opvolger = start.get((r.client_id, r.einddatum + dt.timedelta(days=1)))
        if opvolger is not None and opvolger != r.besluitnummer:
            bind.execute(sa.update(t).where(t.c.id == r.id).values(vervangen_door=opvolger))


def downgrade() -> None:
    with op.batch_alter_table("indicatiebesluiten", schema=None) as batch_op:
        batch_op.drop_column("vervangen_door")
        batch_op.drop_column("ingetrokken_per")
