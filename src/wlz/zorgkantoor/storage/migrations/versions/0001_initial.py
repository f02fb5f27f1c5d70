"""Initial schema of the case-handling service, with the append-only access log.

Owners (see docs/architecture.md, Migrations): ``gebruikers``, ``api_tokens`` and ``toegangslog`` belong to
``wlz.platform`` (``auth``, ``access_log``; ``gebruikers.agb_code`` and ``gebruikers.client_id`` are the
zorgkantoor's scope columns); every other table to ``wlz.zorgkantoor``.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
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
    op.create_table(
        "clients",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("bsn", sa.String(length=9), nullable=False),
        sa.Column("voornamen", sa.String(length=200), nullable=False),
        sa.Column("achternaam", sa.String(length=200), nullable=False),
        sa.Column("geboortedatum", sa.Date(), nullable=False),
        sa.Column("straat", sa.String(length=200), nullable=False),
        sa.Column("huisnummer", sa.String(length=20), nullable=False),
        sa.Column("postcode", sa.String(length=10), nullable=False),
        sa.Column("woonplaats", sa.String(length=200), nullable=False),
        sa.Column("partner", sa.Boolean(), nullable=False),
        sa.Column("aangemaakt_op", wlz.platform.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clients")),
        sa.UniqueConstraint("bsn", name=op.f("uq_clients_bsn")),
    )
    with op.batch_alter_table("clients", schema=None) as batch_op:
        batch_op.create_index("ix_clients_achternaam", ["achternaam"], unique=False)

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
        "aanvragen",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("client_id", sa.String(length=32), nullable=False),
        sa.Column("vorige_id", sa.String(length=32), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("intake", sa.JSON(), nullable=False),
        sa.Column("situatie", sa.JSON(), nullable=False),
        sa.Column("gewijzigde_velden", sa.JSON(), nullable=False),
        sa.Column("evaluatie", sa.JSON(), nullable=True),
        sa.Column("evaluatie_fout", sa.Text(), nullable=True),
        sa.Column("ingediend_door", sa.String(length=32), nullable=False),
        sa.Column("ingediend_op", wlz.platform.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("termijn", sa.Date(), nullable=False),
        sa.Column("verlengd_tot", sa.Date(), nullable=True),
        sa.Column("verlenging_reden", sa.Text(), nullable=True),
        sa.Column("behandelaar_id", sa.String(length=32), nullable=True),
        sa.Column("advies_aan", sa.String(length=200), nullable=True),
        sa.Column("advies_vraag", sa.Text(), nullable=True),
        sa.Column("advies_antwoord", sa.Text(), nullable=True),
        sa.Column("besloten_op", wlz.platform.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("besloten_door", sa.String(length=32), nullable=True),
        sa.Column("uitkomst", sa.String(length=20), nullable=True),
        sa.Column("motivatie", sa.Text(), nullable=True),
        sa.Column("versie", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["client_id"], ["clients.id"], name=op.f("fk_aanvragen_client_id_clients")),
        sa.ForeignKeyConstraint(["vorige_id"], ["aanvragen.id"], name=op.f("fk_aanvragen_vorige_id_aanvragen")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aanvragen")),
    )
    with op.batch_alter_table("aanvragen", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_aanvragen_client_id"), ["client_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_aanvragen_status"), ["status"], unique=False)

    op.create_table(
        "gebruikers",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("gebruikersnaam", sa.String(length=100), nullable=False),
        sa.Column("naam", sa.String(length=200), nullable=False),
        sa.Column("rol", sa.String(length=20), nullable=False),
        sa.Column("wachtwoord_hash", sa.String(length=200), nullable=True),
        sa.Column("agb_code", sa.String(length=8), nullable=True),
        sa.Column("client_id", sa.String(length=32), nullable=True),
        sa.Column("actief", sa.Boolean(), nullable=False),
        sa.Column("aangemaakt_op", wlz.platform.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["client_id"], ["clients.id"], name=op.f("fk_gebruikers_client_id_clients")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gebruikers")),
        sa.UniqueConstraint("gebruikersnaam", name=op.f("uq_gebruikers_gebruikersnaam")),
    )
    op.create_table(
        "indicatiebesluiten",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("client_id", sa.String(length=32), nullable=False),
        sa.Column("besluitnummer", sa.String(length=40), nullable=False),
        sa.Column("zorgprofiel", sa.String(length=20), nullable=False),
        sa.Column("cod163", sa.String(length=3), nullable=False),
        sa.Column("grondslagen", sa.JSON(), nullable=False),
        sa.Column("ingangsdatum", sa.Date(), nullable=False),
        sa.Column("einddatum", sa.Date(), nullable=True),
        sa.Column("bron", sa.String(length=20), nullable=False),
        sa.Column("aangemaakt_op", wlz.platform.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["client_id"], ["clients.id"], name=op.f("fk_indicatiebesluiten_client_id_clients")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicatiebesluiten")),
        sa.UniqueConstraint("besluitnummer", name=op.f("uq_indicatiebesluiten_besluitnummer")),
    )
    with op.batch_alter_table("indicatiebesluiten", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_indicatiebesluiten_client_id"), ["client_id"], unique=False)

    op.create_table(
        "leveringsvorm_keuzes",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("client_id", sa.String(length=32), nullable=False),
        sa.Column("leveringsvorm", sa.String(length=10), nullable=False),
        sa.Column("ingangsdatum", sa.Date(), nullable=False),
        sa.Column("geaccepteerd", sa.Boolean(), nullable=False),
        sa.Column("toets", sa.JSON(), nullable=True),
        sa.Column("vastgelegd_door", sa.String(length=32), nullable=False),
        sa.Column("vastgelegd_op", wlz.platform.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["client_id"], ["clients.id"], name=op.f("fk_leveringsvorm_keuzes_client_id_clients")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_leveringsvorm_keuzes")),
    )
    with op.batch_alter_table("leveringsvorm_keuzes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_leveringsvorm_keuzes_client_id"), ["client_id"], unique=False)

    op.create_table(
        "api_tokens",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("gebruiker_id", sa.String(length=32), nullable=False),
        sa.Column("naam", sa.String(length=200), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("aangemaakt_op", wlz.platform.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("ingetrokken_op", wlz.platform.types.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["gebruiker_id"], ["gebruikers.id"], name=op.f("fk_api_tokens_gebruiker_id_gebruikers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_tokens")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_api_tokens_token_hash")),
    )
    op.create_table(
        "besluitregels",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("aanvraag_id", sa.String(length=32), nullable=False),
        sa.Column("regeling", sa.String(length=20), nullable=False),
        sa.Column("toegekend", sa.Boolean(), nullable=False),
        sa.Column("van", sa.Date(), nullable=True),
        sa.Column("tot", sa.Date(), nullable=True),
        sa.Column("bedragen", sa.JSON(), nullable=False),
        sa.Column("toelichting", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["aanvraag_id"], ["aanvragen.id"], name=op.f("fk_besluitregels_aanvraag_id_aanvragen")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_besluitregels")),
    )
    with op.batch_alter_table("besluitregels", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_besluitregels_aanvraag_id"), ["aanvraag_id"], unique=False)

    op.create_table(
        "zorgtoewijzingen",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("client_id", sa.String(length=32), nullable=False),
        sa.Column("indicatie_id", sa.String(length=32), nullable=False),
        sa.Column("agb_code", sa.String(length=8), nullable=False),
        sa.Column("leveringsvorm", sa.String(length=10), nullable=False),
        sa.Column("zorgprofiel", sa.String(length=20), nullable=True),
        sa.Column("functie", sa.String(length=2), nullable=True),
        sa.Column("klasse", sa.String(length=4), nullable=True),
        sa.Column("van", sa.Date(), nullable=False),
        sa.Column("tot", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("aanvang_zorg", sa.Date(), nullable=True),
        sa.Column("einde_zorg", sa.Date(), nullable=True),
        sa.Column("einde_reden", sa.String(length=200), nullable=True),
        sa.Column("aangemaakt_op", wlz.platform.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["client_id"], ["clients.id"], name=op.f("fk_zorgtoewijzingen_client_id_clients")),
        sa.ForeignKeyConstraint(
            ["indicatie_id"],
            ["indicatiebesluiten.id"],
            name=op.f("fk_zorgtoewijzingen_indicatie_id_indicatiebesluiten"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_zorgtoewijzingen")),
    )
    with op.batch_alter_table("zorgtoewijzingen", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_zorgtoewijzingen_agb_code"), ["agb_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_zorgtoewijzingen_client_id"), ["client_id"], unique=False)

    # NEN 7513: the access log can only be added to. The ORM refuses updates/deletes too; these triggers make
    # the database itself refuse them, whoever connects.
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION toegangslog_alleen_toevoegen() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN RAISE EXCEPTION 'toegangslog is append-only (NEN 7513)'; END $$"
        )
        op.execute(
            "CREATE TRIGGER toegangslog_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON toegangslog "
            "FOR EACH STATEMENT EXECUTE FUNCTION toegangslog_alleen_toevoegen()"
        )
    else:
        for what in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER toegangslog_geen_{what.lower()} BEFORE {what} ON toegangslog "
                "BEGIN SELECT RAISE(ABORT, 'toegangslog is append-only (NEN 7513)'); END"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER toegangslog_append_only ON toegangslog")
        op.execute("DROP FUNCTION toegangslog_alleen_toevoegen()")
    else:
        op.execute("DROP TRIGGER toegangslog_geen_update")
        op.execute("DROP TRIGGER toegangslog_geen_delete")
    with op.batch_alter_table("zorgtoewijzingen", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_zorgtoewijzingen_client_id"))
        batch_op.drop_index(batch_op.f("ix_zorgtoewijzingen_agb_code"))

    op.drop_table("zorgtoewijzingen")
    with op.batch_alter_table("besluitregels", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_besluitregels_aanvraag_id"))

    op.drop_table("besluitregels")
    op.drop_table("api_tokens")
    with op.batch_alter_table("leveringsvorm_keuzes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_leveringsvorm_keuzes_client_id"))

    op.drop_table("leveringsvorm_keuzes")
    with op.batch_alter_table("indicatiebesluiten", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_indicatiebesluiten_client_id"))

    op.drop_table("indicatiebesluiten")
    op.drop_table("gebruikers")
    with op.batch_alter_table("aanvragen", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_aanvragen_status"))
        batch_op.drop_index(batch_op.f("ix_aanvragen_client_id"))

    op.drop_table("aanvragen")
    with op.batch_alter_table("toegangslog", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_toegangslog_tijdstip"))
        batch_op.drop_index(batch_op.f("ix_toegangslog_client_id"))

    op.drop_table("toegangslog")
    with op.batch_alter_table("clients", schema=None) as batch_op:
        batch_op.drop_index("ix_clients_achternaam")

    op.drop_table("clients")
