"""leveringsvorm_keuzes.gewaarborgde_hulp_naam: the name of the gewaarborgde hulp of a pgb choice (owner
``wlz.zorgkantoor``: the zorgkantoor's PgbBeschikking export carries it, Wlz art. 3.3.3 lid 4, Rlz art.
5.6 and 5.11). Existing choices keep no name (it was not asked before): their export sends none, and the pgb
administration refuses such a record for a profile that needs gewaarborgde hulp until the name is supplied.

Revision ID: 0014
Revises: 0010
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("leveringsvorm_keuzes", schema=None) as b:
        b.add_column(sa.Column("gewaarborgde_hulp_naam", sa.String(length=200), nullable=True))


def downgrade() -> None:
    # plain ALTER TABLE ... DROP COLUMN (SQLite >= 3.35, PostgreSQL): a batch copy would drop a referenced table
    op.execute("ALTER TABLE leveringsvorm_keuzes DROP COLUMN gewaarborgde_hulp_naam")
