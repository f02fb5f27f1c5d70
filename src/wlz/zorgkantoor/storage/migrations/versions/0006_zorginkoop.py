"""Zorginkoop, part A: providers with locations and kwaliteitsrapporten, inkoopkaders per year and
region, the installation's maximum-tariff table, open-house experiments, contracts with their prestaties, vouchers,
a client's choice of provider per module, cliëntondersteuning, behandelcapaciteit and its norms.

Owner: ``wlz.zorgkantoor`` (``storage.inkoop_orm``). A frozen snapshot: the tables are written out as they were
defined when this was written. ``inkoop_aanbieders``, ``inkoop_contracten``, ``inkoop_contract_prestaties`` and
``inkoop_vouchers`` are also read by part B (declarations, ledger): never rename or drop their columns.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import wlz.platform.types

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "inkoop_aanbieders",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("agb_code", sa.String(length=8), nullable=False),
        sa.Column("naam", sa.String(length=200), nullable=False),
        sa.Column("website", sa.String(length=500), nullable=True),
        sa.Column("aangemaakt_op", wlz.platform.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inkoop_aanbieders")),
        sa.UniqueConstraint("agb_code", name=op.f("uq_inkoop_aanbieders_agb_code")),
    )
    op.create_table(
        "inkoop_capaciteit",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("agb_code", sa.String(length=8), nullable=False),
        sa.Column("regio", sa.String(length=40), nullable=False),
        sa.Column("jaar", sa.Integer(), nullable=False),
        sa.Column("discipline", sa.String(length=40), nullable=False),
        sa.Column("fte", sa.Numeric(precision=8, scale=2), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inkoop_capaciteit")),
        sa.UniqueConstraint("agb_code", "regio", "jaar", "discipline", name="uq_inkoop_capaciteit_sleutel"),
    )
    with op.batch_alter_table("inkoop_capaciteit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_inkoop_capaciteit_agb_code"), ["agb_code"], unique=False)

    op.create_table(
        "inkoop_capaciteitsnormen",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("discipline", sa.String(length=40), nullable=False),
        sa.Column("zorgprofiel", sa.String(length=20), nullable=False),
        sa.Column("fte_per_client", sa.Numeric(precision=8, scale=4), nullable=False),
        sa.Column("bron", sa.String(length=500), nullable=False),
        sa.Column("voorbeeld", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inkoop_capaciteitsnormen")),
        sa.UniqueConstraint("discipline", "zorgprofiel", name="uq_inkoop_capaciteitsnormen_sleutel"),
    )
    op.create_table(
        "inkoop_experimenten",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("naam", sa.String(length=200), nullable=False),
        sa.Column("regio", sa.String(length=40), nullable=False),
        sa.Column("ingangsdatum", sa.Date(), nullable=False),
        sa.Column("einddatum", sa.Date(), nullable=False),
        sa.Column("prestatiecodes", sa.JSON(none_as_null=True), nullable=False),
        sa.Column("aandeel_percentage", sa.Numeric(precision=5, scale=2), nullable=False),
        sa.Column("tarief_percentage", sa.Numeric(precision=6, scale=2), nullable=False),
        sa.Column("eisen", sa.Text(), nullable=False),
        sa.Column("aangemaakt_op", wlz.platform.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inkoop_experimenten")),
    )
    op.create_table(
        "inkoop_kaders",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("jaar", sa.Integer(), nullable=False),
        sa.Column("regio", sa.String(length=40), nullable=False),
        sa.Column("kwaliteitseisen", sa.Text(), nullable=False),
        sa.Column("looptijd", sa.Text(), nullable=False),
        sa.Column("continuiteit", sa.Text(), nullable=False),
        sa.Column("ontwikkelafspraken", sa.Text(), nullable=False),
        sa.Column("toelichting", sa.Text(), nullable=False),
        sa.Column("gepubliceerd_op", wlz.platform.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("gewijzigd_op", wlz.platform.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inkoop_kaders")),
        sa.UniqueConstraint("jaar", "regio", name="uq_inkoop_kaders_jaar_regio"),
    )
    op.create_table(
        "inkoop_tarieven",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("jaar", sa.Integer(), nullable=False),
        sa.Column("prestatiecode", sa.String(length=20), nullable=False),
        sa.Column("eenheid", sa.String(length=20), nullable=False),
        sa.Column("maximumtarief_cent", sa.BigInteger(), nullable=False),
        sa.Column("bron", sa.String(length=500), nullable=False),
        sa.Column("voorbeeld", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inkoop_tarieven")),
        sa.UniqueConstraint("jaar", "prestatiecode", name="uq_inkoop_tarieven_jaar_prestatiecode"),
    )
    op.create_table(
        "inkoop_contracten",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("agb_code", sa.String(length=8), nullable=False),
        sa.Column("regio", sa.String(length=40), nullable=False),
        sa.Column("vorm", sa.String(length=12), nullable=False),
        sa.Column("ingangsdatum", sa.Date(), nullable=False),
        sa.Column("einddatum", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("experiment_id", sa.String(length=32), nullable=True),
        sa.Column("zorgsoort", sa.String(length=30), nullable=True),
        sa.Column("basisbudget_cent", sa.BigInteger(), nullable=True),
        sa.Column("verbeterplan", sa.String(length=12), nullable=False),
        sa.Column("verbeterplan_toelichting", sa.Text(), nullable=True),
        sa.Column("kwaliteitseisen", sa.Text(), nullable=False),
        sa.Column("continuiteitsclausule", sa.Text(), nullable=False),
        sa.Column("clientenraad_geraadpleegd", sa.Boolean(), nullable=False),
        sa.Column("aangemaakt_door", sa.String(length=32), nullable=False),
        sa.Column("aangemaakt_op", wlz.platform.types.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint("status IN ('concept', 'actief', 'beeindigd')", name=op.f("ck_inkoop_contracten_status")),
        sa.CheckConstraint("vorm IN ('regulier', 'meerjarig', 'open_huis')", name=op.f("ck_inkoop_contracten_vorm")),
        sa.ForeignKeyConstraint(
            ["experiment_id"],
            ["inkoop_experimenten.id"],
            name=op.f("fk_inkoop_contracten_experiment_id_inkoop_experimenten"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inkoop_contracten")),
    )
    with op.batch_alter_table("inkoop_contracten", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_inkoop_contracten_agb_code"), ["agb_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_inkoop_contracten_experiment_id"), ["experiment_id"], unique=False)

    op.create_table(
        "inkoop_kwaliteitsrapporten",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("aanbieder_id", sa.String(length=32), nullable=False),
        sa.Column("jaar", sa.Integer(), nullable=False),
        sa.Column("url", sa.String(length=500), nullable=False),
        sa.ForeignKeyConstraint(
            ["aanbieder_id"],
            ["inkoop_aanbieders.id"],
            name=op.f("fk_inkoop_kwaliteitsrapporten_aanbieder_id_inkoop_aanbieders"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inkoop_kwaliteitsrapporten")),
        sa.UniqueConstraint("aanbieder_id", "jaar", name="uq_inkoop_kwaliteitsrapporten_aanbieder_jaar"),
    )
    with op.batch_alter_table("inkoop_kwaliteitsrapporten", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_inkoop_kwaliteitsrapporten_aanbieder_id"), ["aanbieder_id"], unique=False)

    op.create_table(
        "inkoop_locaties",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("aanbieder_id", sa.String(length=32), nullable=False),
        sa.Column("naam", sa.String(length=200), nullable=False),
        sa.Column("adres", sa.String(length=200), nullable=False),
        sa.Column("plaats", sa.String(length=200), nullable=False),
        sa.Column("regio", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["aanbieder_id"], ["inkoop_aanbieders.id"], name=op.f("fk_inkoop_locaties_aanbieder_id_inkoop_aanbieders")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inkoop_locaties")),
    )
    with op.batch_alter_table("inkoop_locaties", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_inkoop_locaties_aanbieder_id"), ["aanbieder_id"], unique=False)

    op.create_table(
        "inkoop_ondersteuning",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("client_id", sa.String(length=32), nullable=False),
        sa.Column("clientondersteuner", sa.String(length=200), nullable=False),
        sa.Column("datum", sa.Date(), nullable=False),
        sa.Column("toelichting", sa.Text(), nullable=False),
        sa.Column("vastgelegd_door", sa.String(length=32), nullable=False),
        sa.Column("vastgelegd_op", wlz.platform.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["client_id"], ["clients.id"], name=op.f("fk_inkoop_ondersteuning_client_id_clients")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inkoop_ondersteuning")),
    )
    with op.batch_alter_table("inkoop_ondersteuning", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_inkoop_ondersteuning_client_id"), ["client_id"], unique=False)

    op.create_table(
        "inkoop_contract_prestaties",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("contract_id", sa.String(length=32), nullable=False),
        sa.Column("prestatiecode", sa.String(length=20), nullable=False),
        sa.Column("leveringsvorm", sa.String(length=10), nullable=False),
        sa.Column("tarief_percentage", sa.Numeric(precision=6, scale=2), nullable=False),
        sa.Column("maximumtarief_cent", sa.BigInteger(), nullable=True),
        sa.Column("tarief_cent", sa.BigInteger(), nullable=True),
        sa.Column("tarief_bron", sa.String(length=500), nullable=True),
        sa.ForeignKeyConstraint(
            ["contract_id"],
            ["inkoop_contracten.id"],
            name=op.f("fk_inkoop_contract_prestaties_contract_id_inkoop_contracten"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inkoop_contract_prestaties")),
    )
    with op.batch_alter_table("inkoop_contract_prestaties", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_inkoop_contract_prestaties_contract_id"), ["contract_id"], unique=False)

    op.create_table(
        "inkoop_vouchers",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("client_id", sa.String(length=32), nullable=False),
        sa.Column("zorgprofiel", sa.String(length=20), nullable=False),
        sa.Column("waarde_cent", sa.BigInteger(), nullable=False),
        sa.Column("ingangsdatum", sa.Date(), nullable=True),
        sa.Column("einddatum", sa.Date(), nullable=True),
        sa.Column("agb_code", sa.String(length=8), nullable=True),
        sa.Column("ingewisseld_op", wlz.platform.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("indicatie_id", sa.String(length=32), nullable=True),
        sa.Column("bron", sa.String(length=500), nullable=False),
        sa.Column("contract_id", sa.String(length=32), nullable=True),
        sa.Column("toewijzing_id", sa.String(length=32), nullable=True),
        sa.Column("akkoord_client", sa.Text(), nullable=True),
        sa.Column("uitgegeven_door", sa.String(length=32), nullable=False),
        sa.Column("uitgegeven_op", wlz.platform.types.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "status IN ('uitgegeven', 'ingewisseld', 'vervallen')", name=op.f("ck_inkoop_vouchers_status")
        ),
        sa.ForeignKeyConstraint(["client_id"], ["clients.id"], name=op.f("fk_inkoop_vouchers_client_id_clients")),
        sa.ForeignKeyConstraint(
            ["contract_id"], ["inkoop_contracten.id"], name=op.f("fk_inkoop_vouchers_contract_id_inkoop_contracten")
        ),
        sa.ForeignKeyConstraint(
            ["indicatie_id"], ["indicatiebesluiten.id"], name=op.f("fk_inkoop_vouchers_indicatie_id_indicatiebesluiten")
        ),
        sa.ForeignKeyConstraint(
            ["toewijzing_id"], ["zorgtoewijzingen.id"], name=op.f("fk_inkoop_vouchers_toewijzing_id_zorgtoewijzingen")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inkoop_vouchers")),
    )
    with op.batch_alter_table("inkoop_vouchers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_inkoop_vouchers_client_id"), ["client_id"], unique=False)

    op.create_table(
        "inkoop_keuzes",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("client_id", sa.String(length=32), nullable=False),
        sa.Column("prestatiecode", sa.String(length=20), nullable=False),
        sa.Column("leveringsvorm", sa.String(length=10), nullable=False),
        sa.Column("agb_code", sa.String(length=8), nullable=False),
        sa.Column("contract_id", sa.String(length=32), nullable=False),
        sa.Column("van", sa.Date(), nullable=False),
        sa.Column("tot", sa.Date(), nullable=True),
        sa.Column("toewijzing_id", sa.String(length=32), nullable=True),
        sa.Column("voucher_id", sa.String(length=32), nullable=True),
        sa.Column("vastgelegd_door", sa.String(length=32), nullable=False),
        sa.Column("vastgelegd_op", wlz.platform.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["client_id"], ["clients.id"], name=op.f("fk_inkoop_keuzes_client_id_clients")),
        sa.ForeignKeyConstraint(
            ["contract_id"], ["inkoop_contracten.id"], name=op.f("fk_inkoop_keuzes_contract_id_inkoop_contracten")
        ),
        sa.ForeignKeyConstraint(
            ["toewijzing_id"], ["zorgtoewijzingen.id"], name=op.f("fk_inkoop_keuzes_toewijzing_id_zorgtoewijzingen")
        ),
        sa.ForeignKeyConstraint(
            ["voucher_id"], ["inkoop_vouchers.id"], name=op.f("fk_inkoop_keuzes_voucher_id_inkoop_vouchers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inkoop_keuzes")),
    )
    with op.batch_alter_table("inkoop_keuzes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_inkoop_keuzes_client_id"), ["client_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("inkoop_keuzes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inkoop_keuzes_client_id"))

    op.drop_table("inkoop_keuzes")
    with op.batch_alter_table("inkoop_vouchers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inkoop_vouchers_client_id"))

    op.drop_table("inkoop_vouchers")
    with op.batch_alter_table("inkoop_contract_prestaties", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inkoop_contract_prestaties_contract_id"))

    op.drop_table("inkoop_contract_prestaties")
    with op.batch_alter_table("inkoop_ondersteuning", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inkoop_ondersteuning_client_id"))

    op.drop_table("inkoop_ondersteuning")
    with op.batch_alter_table("inkoop_locaties", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inkoop_locaties_aanbieder_id"))

    op.drop_table("inkoop_locaties")
    with op.batch_alter_table("inkoop_kwaliteitsrapporten", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inkoop_kwaliteitsrapporten_aanbieder_id"))

    op.drop_table("inkoop_kwaliteitsrapporten")
    with op.batch_alter_table("inkoop_contracten", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inkoop_contracten_experiment_id"))
        batch_op.drop_index(batch_op.f("ix_inkoop_contracten_agb_code"))

    op.drop_table("inkoop_contracten")
    op.drop_table("inkoop_tarieven")
    op.drop_table("inkoop_kaders")
    op.drop_table("inkoop_experimenten")
    op.drop_table("inkoop_capaciteitsnormen")
    with op.batch_alter_table("inkoop_capaciteit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inkoop_capaciteit_agb_code"))

    op.drop_table("inkoop_capaciteit")
    op.drop_table("inkoop_aanbieders")
