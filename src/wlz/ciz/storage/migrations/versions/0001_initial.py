"""The CIZ's first tables in its own database: the platform's accounts (``gebruikers``), API tokens
(``api_tokens``) and access log (``toegangslog``), defined by ``wlz.platform.auth`` and
``wlz.platform.access_log``, and the CIZ's ``aanvragen`` and ``berichten`` (``wlz.ciz.storage.orm``).

Revision ID: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import wlz.platform.types
from wlz.platform import access_log, auth
from wlz.platform.database import new_metadata

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _platform_tables() -> sa.MetaData:
    """The platform's account, token and access-log tables as ``wlz.platform`` defines them (its columns are the
    platform's to change; the CIZ's history creates them in the CIZ's own database)."""
    md = new_metadata()
    auth.define_tables(md)
    access_log.define_table(md)
    return md


def upgrade() -> None:
    _platform_tables().create_all(op.get_bind())
    op.create_table(
        "aanvragen",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("ontvangstnummer", sa.String(length=20), nullable=False),
        sa.Column("bsn", sa.String(length=9), nullable=False),
        sa.Column("achternaam", sa.String(length=200), nullable=False),
        sa.Column("voornamen", sa.String(length=200), nullable=False),
        sa.Column("geboortedatum", sa.Date(), nullable=False),
        sa.Column("geslacht", sa.String(length=1), nullable=False),
        sa.Column("straat", sa.String(length=200), nullable=False),
        sa.Column("huisnummer", sa.Integer(), nullable=False),
        sa.Column("postcode", sa.String(length=6), nullable=False),
        sa.Column("woonplaats", sa.String(length=200), nullable=False),
        sa.Column("ontvangen", sa.Date(), nullable=False),
        sa.Column("aanvrager", sa.String(length=20), nullable=False),
        sa.Column("zorgkantoor", sa.String(length=4), nullable=False),
        sa.Column("ontvangt_al_zorg", sa.Boolean(), nullable=False),
        sa.Column("verblijft_in_instelling", sa.Boolean(), nullable=False),
        sa.Column("zorg_sinds", sa.Date(), nullable=True),
        sa.Column("toelichting", sa.Text(), nullable=False),
        sa.Column("bestaande_informatie", sa.Text(), nullable=False),
        sa.Column("eenheid", sa.String(length=40), nullable=False),
        sa.Column("uiterlijk", sa.Date(), nullable=False),
        sa.Column("termijn_grond", sa.String(length=80), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("beoordeling_json", sa.Text(), nullable=True),
        sa.Column("beoordeeld_door", sa.String(length=32), nullable=True),
        sa.Column("uitkomst", sa.String(length=20), nullable=True),
        sa.Column("besluitdatum", sa.Date(), nullable=True),
        sa.Column("zorgprofiel", sa.String(length=20), nullable=True),
        sa.Column("ingangsdatum", sa.Date(), nullable=True),
        sa.Column("einddatum", sa.Date(), nullable=True),
        sa.Column("voorwaarden", sa.Text(), nullable=False),
        sa.Column("afwijzingsgrond", sa.String(length=40), nullable=True),
        sa.Column("besluit_toelichting", sa.Text(), nullable=False),
        sa.Column("past_in_geen_profiel", sa.Boolean(), nullable=False),
        sa.Column("besloten_door", sa.String(length=32), nullable=True),
        sa.Column("besluitnummer", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aanvragen")),
        sa.UniqueConstraint("besluitnummer", name=op.f("uq_aanvragen_besluitnummer")),
        sa.UniqueConstraint("ontvangstnummer", name=op.f("uq_aanvragen_ontvangstnummer")),
    )
    with op.batch_alter_table("aanvragen", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_aanvragen_besluitdatum"), ["besluitdatum"], unique=False)
        batch_op.create_index(batch_op.f("ix_aanvragen_bsn"), ["bsn"], unique=False)
        batch_op.create_index(batch_op.f("ix_aanvragen_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_aanvragen_uiterlijk"), ["uiterlijk"], unique=False)

    op.create_table(
        "berichten",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("aanvraag_id", sa.String(length=32), nullable=False),
        sa.Column("soort", sa.String(length=10), nullable=False),
        sa.Column("identificatie", sa.String(length=12), nullable=False),
        sa.Column("dagtekening", sa.Date(), nullable=False),
        sa.Column("inhoud", sa.LargeBinary(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("melding", sa.Text(), nullable=False),
        sa.Column("retour", sa.LargeBinary(), nullable=True),
        sa.Column("aangemaakt_op", wlz.platform.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["aanvraag_id"], ["aanvragen.id"], name=op.f("fk_berichten_aanvraag_id_aanvragen")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_berichten")),
    )
    with op.batch_alter_table("berichten", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_berichten_aanvraag_id"), ["aanvraag_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("berichten", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_berichten_aanvraag_id"))

    op.drop_table("berichten")
    with op.batch_alter_table("aanvragen", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_aanvragen_uiterlijk"))
        batch_op.drop_index(batch_op.f("ix_aanvragen_status"))
        batch_op.drop_index(batch_op.f("ix_aanvragen_bsn"))
        batch_op.drop_index(batch_op.f("ix_aanvragen_besluitdatum"))

    op.drop_table("aanvragen")
    _platform_tables().drop_all(op.get_bind())
