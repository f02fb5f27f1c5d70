"""The CIZ's first tables in its own database: the platform's accounts (``gebruikers``), API tokens
(``api_tokens``) and access log (``toegangslog``), written out as ``wlz.platform.auth`` and
``wlz.platform.access_log`` defined them at the time, and the CIZ's ``aanvragen`` and ``berichten``
(``wlz.ciz.storage.orm``).

Revision ID: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import wlz.platform.types

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    # the platform's tables as wlz.platform defined them when this migration was written (frozen, like every
    # migration: a later change to them needs a migration of its own)
    op.create_table(
        "gebruikers",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("gebruikersnaam", sa.String(length=100), nullable=False),
        sa.Column("naam", sa.String(length=200), nullable=False),
        sa.Column("rol", sa.String(length=20), nullable=False),
        sa.Column("wachtwoord_hash", sa.String(length=200), nullable=True),
        sa.Column("actief", sa.Boolean(), nullable=False),
        sa.Column("aangemaakt_op", wlz.platform.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("session_version", sa.Integer(), server_default="0", nullable=False),
        sa.Column("service_account", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gebruikers")),
        sa.UniqueConstraint("gebruikersnaam", name=op.f("uq_gebruikers_gebruikersnaam")),
    )
    op.create_table(
        "toegangslog",
        sa.Column("id", sa.Integer(), sa.Identity(always=False), nullable=False),
        sa.Column("tijdstip", wlz.platform.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("gebruiker_id", sa.String(length=32), nullable=True),
        sa.Column("gebruikersnaam", sa.String(length=100), nullable=False),
        sa.Column("rol", sa.String(length=20), nullable=False),
        sa.Column("client_id", sa.String(length=32), nullable=True),
        sa.Column("actie", sa.String(length=20), nullable=False),
        sa.Column("onderwerp", sa.String(length=200), nullable=False),
        sa.Column("doel", sa.String(length=200), nullable=False),
        sa.Column("kanaal", sa.String(length=10), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_toegangslog")),
    )
    with op.batch_alter_table("toegangslog", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_toegangslog_client_id"), ["client_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_toegangslog_tijdstip"), ["tijdstip"], unique=False)

    op.create_table(
        "api_tokens",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("gebruiker_id", sa.String(length=32), nullable=False),
        sa.Column("naam", sa.String(length=200), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("aangemaakt_op", wlz.platform.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("ingetrokken_op", wlz.platform.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("aangemaakt_door", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(
            ["gebruiker_id"], ["gebruikers.id"], name=op.f("fk_api_tokens_gebruiker_id_gebruikers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_tokens")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_api_tokens_token_hash")),
    )
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
    op.drop_table("api_tokens")
    op.drop_table("toegangslog")
    op.drop_table("gebruikers")
