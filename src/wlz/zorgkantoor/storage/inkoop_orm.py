"""Tables of the zorginkoop: providers, inkoopkaders, tariff table, contracts, open-house experiments,
capacity, a client's choice of provider, vouchers.

They are defined on the zorgkantoor's metadata (``orm.metadata``), so they live in the same database and the same
Alembic history (migration ``0006``) as the case file. The use cases read and write them with Core statements
(``storage.inkoop_repository``); no domain class is mapped onto them.

The columns of ``inkoop_aanbieders``, ``inkoop_contracten``, ``inkoop_contract_prestaties`` and ``inkoop_vouchers``
are a contract with part B of the issue (declarations, the ledger, reports): columns may be added, never renamed
or dropped.
"""

from __future__ import annotations

import sqlalchemy as sa

from wlz.platform.auth import ID
from wlz.platform.types import UTCDateTime

from .orm import metadata

#: the contract forms (seed 001 p5 r.356-364 meerjarig; p9-10 r.858-876 Zeeuws model / open huis)
VORMEN = ("regulier", "meerjarig", "open_huis")
#: a contract's life: concept (being negotiated), actief (counts for choices and declarations), beeindigd
CONTRACT_STATUSSEN = ("concept", "actief", "beeindigd")
VOUCHER_STATUSSEN = ("uitgegeven", "ingewisseld", "vervallen")


def _in(kolom: str, waarden: tuple[str, ...]) -> str:
    return f"{kolom} IN ({', '.join(repr(w) for w in waarden)})"


inkoop_aanbieders = sa.Table(
    "inkoop_aanbieders",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("agb_code", sa.String(8), nullable=False, unique=True),
    sa.Column("naam", sa.String(200), nullable=False),
    sa.Column("website", sa.String(500), nullable=True),
    sa.Column("aangemaakt_op", UTCDateTime, nullable=False),
)

inkoop_locaties = sa.Table(
    "inkoop_locaties",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("aanbieder_id", ID, sa.ForeignKey("inkoop_aanbieders.id"), nullable=False, index=True),
    sa.Column("naam", sa.String(200), nullable=False),
    sa.Column("adres", sa.String(200), nullable=False),
    sa.Column("plaats", sa.String(200), nullable=False),
    sa.Column("regio", sa.String(40), nullable=False),
)

inkoop_kwaliteitsrapporten = sa.Table(
    "inkoop_kwaliteitsrapporten",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("aanbieder_id", ID, sa.ForeignKey("inkoop_aanbieders.id"), nullable=False, index=True),
    sa.Column("jaar", sa.Integer, nullable=False),
    sa.Column("url", sa.String(500), nullable=False),
    sa.UniqueConstraint("aanbieder_id", "jaar", name="uq_inkoop_kwaliteitsrapporten_aanbieder_jaar"),
)

#: an uploaded kwaliteitsrapport (PDF) kept in the database (migration 0011); its report's ``url`` is then the
#: public download address ``/zorginkoop/kwaliteitsrapporten/{rapport_id}``, so the comparison links it like a link
inkoop_kwaliteitsrapport_bestanden = sa.Table(
    "inkoop_kwaliteitsrapport_bestanden",
    metadata,
    sa.Column("rapport_id", ID, sa.ForeignKey("inkoop_kwaliteitsrapporten.id"), primary_key=True),
    sa.Column("bestandsnaam", sa.String(200), nullable=False),
    sa.Column("content_type", sa.String(60), nullable=False),
    sa.Column("grootte", sa.Integer, nullable=False),
    sa.Column("inhoud", sa.LargeBinary, nullable=False),
    sa.Column("geupload_op", UTCDateTime, nullable=False),
)

inkoop_kaders = sa.Table(
    "inkoop_kaders",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("jaar", sa.Integer, nullable=False),
    sa.Column("regio", sa.String(40), nullable=False),
    sa.Column("kwaliteitseisen", sa.Text, nullable=False),
    sa.Column("looptijd", sa.Text, nullable=False),
    sa.Column("continuiteit", sa.Text, nullable=False),
    sa.Column("ontwikkelafspraken", sa.Text, nullable=False),
    sa.Column("toelichting", sa.Text, nullable=False),
    sa.Column("gepubliceerd_op", UTCDateTime, nullable=True),
    sa.Column("gewijzigd_op", UTCDateTime, nullable=False),
    sa.UniqueConstraint("jaar", "regio", name="uq_inkoop_kaders_jaar_regio"),
)

#: the maximum tariffs the installation supplies (uploaded or entered, each with its bron; shipped examples are
#: marked voorbeeld). No tariff is ever made up by the code.
inkoop_tarieven = sa.Table(
    "inkoop_tarieven",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("jaar", sa.Integer, nullable=False),
    sa.Column("prestatiecode", sa.String(20), nullable=False),
    sa.Column("eenheid", sa.String(20), nullable=False),
    sa.Column("maximumtarief_cent", sa.BigInteger, nullable=False),
    sa.Column("bron", sa.String(500), nullable=False),
    sa.Column("voorbeeld", sa.Boolean, nullable=False),
    sa.UniqueConstraint("jaar", "prestatiecode", name="uq_inkoop_tarieven_jaar_prestatiecode"),
)

#: an open-house experiment (Zeeuws model): region, period, the part of the care (prestatiecodes), its share and
#: the price set by the zorgkantoor (seed 001 p4-5 r.324-342, p9-10 r.858-912)
inkoop_experimenten = sa.Table(
    "inkoop_experimenten",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("naam", sa.String(200), nullable=False),
    sa.Column("regio", sa.String(40), nullable=False),
    sa.Column("ingangsdatum", sa.Date, nullable=False),
    sa.Column("einddatum", sa.Date, nullable=False),
    sa.Column("prestatiecodes", sa.JSON(none_as_null=True), nullable=False),
    sa.Column("aandeel_percentage", sa.Numeric(5, 2), nullable=False),
    sa.Column("tarief_percentage", sa.Numeric(6, 2), nullable=False),
    sa.Column("eisen", sa.Text, nullable=False),
    sa.Column("aangemaakt_op", UTCDateTime, nullable=False),
)

inkoop_contracten = sa.Table(
    "inkoop_contracten",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("agb_code", sa.String(8), nullable=False, index=True),
    sa.Column("regio", sa.String(40), nullable=False),
    sa.Column("vorm", sa.String(12), nullable=False),
    sa.Column("ingangsdatum", sa.Date, nullable=False),
    sa.Column("einddatum", sa.Date, nullable=False),
    sa.Column("status", sa.String(12), nullable=False),
    sa.Column("experiment_id", ID, sa.ForeignKey("inkoop_experimenten.id"), nullable=True, index=True),
    sa.Column("zorgsoort", sa.String(30), nullable=True),
    sa.Column("basisbudget_cent", sa.BigInteger, nullable=True),
    # how the basisbudget came about (migration 0011): derived from the indicated clients' zorgprofielen times the
    # rules' amounts (the sources named), or typed in by the zorginkoper (``basisbudget_handmatig``)
    sa.Column("basisbudget_bron", sa.Text, nullable=True),
    sa.Column("basisbudget_handmatig", sa.Boolean, nullable=True),
    sa.Column("verbeterplan", sa.String(12), nullable=False),
    sa.Column("verbeterplan_toelichting", sa.Text, nullable=True),
    sa.Column("kwaliteitseisen", sa.Text, nullable=False),
    sa.Column("continuiteitsclausule", sa.Text, nullable=False),
    sa.Column("clientenraad_geraadpleegd", sa.Boolean, nullable=False),
    sa.Column("aangemaakt_door", ID, nullable=False),
    sa.Column("aangemaakt_op", UTCDateTime, nullable=False),
    sa.CheckConstraint(_in("vorm", VORMEN), name="vorm"),
    sa.CheckConstraint(_in("status", CONTRACT_STATUSSEN), name="status"),
)

inkoop_contract_prestaties = sa.Table(
    "inkoop_contract_prestaties",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("contract_id", ID, sa.ForeignKey("inkoop_contracten.id"), nullable=False, index=True),
    sa.Column("prestatiecode", sa.String(20), nullable=False),
    sa.Column("leveringsvorm", sa.String(10), nullable=False),
    sa.Column("tarief_percentage", sa.Numeric(6, 2), nullable=False),
    sa.Column("maximumtarief_cent", sa.BigInteger, nullable=True),
    sa.Column("tarief_cent", sa.BigInteger, nullable=True),
    sa.Column("tarief_bron", sa.String(500), nullable=True),
)

inkoop_vouchers = sa.Table(
    "inkoop_vouchers",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("client_id", ID, sa.ForeignKey("clients.id"), nullable=False, index=True),
    sa.Column("zorgprofiel", sa.String(20), nullable=False),
    sa.Column("waarde_cent", sa.BigInteger, nullable=False),
    sa.Column("ingangsdatum", sa.Date, nullable=True),
    sa.Column("einddatum", sa.Date, nullable=True),
    sa.Column("agb_code", sa.String(8), nullable=True),
    sa.Column("ingewisseld_op", UTCDateTime, nullable=True),
    sa.Column("status", sa.String(12), nullable=False),
    sa.Column("indicatie_id", ID, sa.ForeignKey("indicatiebesluiten.id"), nullable=True),
    sa.Column("bron", sa.String(500), nullable=False),
    sa.Column("contract_id", ID, sa.ForeignKey("inkoop_contracten.id"), nullable=True),
    sa.Column("toewijzing_id", ID, sa.ForeignKey("zorgtoewijzingen.id"), nullable=True),
    sa.Column("akkoord_client", sa.Text, nullable=True),
    sa.Column("uitgegeven_door", ID, nullable=False),
    sa.Column("uitgegeven_op", UTCDateTime, nullable=False),
    # the last day the voucher is valid (migration 0011): redeemable up to it, declarable for days up to it
    sa.Column("geldig_tot", sa.Date, nullable=True),
    sa.CheckConstraint(_in("status", VOUCHER_STATUSSEN), name="status"),
)

#: a client's preferred provider per module (prestatie); becomes a zorgtoewijzing (AW33)
inkoop_keuzes = sa.Table(
    "inkoop_keuzes",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("client_id", ID, sa.ForeignKey("clients.id"), nullable=False, index=True),
    sa.Column("prestatiecode", sa.String(20), nullable=False),
    sa.Column("leveringsvorm", sa.String(10), nullable=False),
    sa.Column("agb_code", sa.String(8), nullable=False),
    sa.Column("contract_id", ID, sa.ForeignKey("inkoop_contracten.id"), nullable=False),
    sa.Column("van", sa.Date, nullable=False),
    sa.Column("tot", sa.Date, nullable=True),
    sa.Column("toewijzing_id", ID, sa.ForeignKey("zorgtoewijzingen.id"), nullable=True),
    sa.Column("voucher_id", ID, sa.ForeignKey("inkoop_vouchers.id"), nullable=True),
    sa.Column("vastgelegd_door", ID, nullable=False),
    sa.Column("vastgelegd_op", UTCDateTime, nullable=False),
)

#: the pgb part of an mpt+pgb choice (migration 0011): the functions the client buys with a pgb beside the mpt
#: modules at providers, and the amount if the user supplied one; written with the accepted ``mpt_pgb``
#: leveringsvorm choice (``leveringsvorm_keuzes``) the pgb export reads
inkoop_pgb_delen = sa.Table(
    "inkoop_pgb_delen",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("client_id", ID, sa.ForeignKey("clients.id"), nullable=False, index=True),
    sa.Column("leveringsvorm_keuze_id", ID, sa.ForeignKey("leveringsvorm_keuzes.id"), nullable=False, unique=True),
    sa.Column("van", sa.Date, nullable=False),
    sa.Column("tot", sa.Date, nullable=False),
    sa.Column("functies", sa.JSON(none_as_null=True), nullable=False),
    sa.Column("bedrag_cent", sa.BigInteger, nullable=True),
    sa.Column("bedrag_bron", sa.String(500), nullable=True),
    sa.Column("vastgelegd_door", ID, nullable=False),
    sa.Column("vastgelegd_op", UTCDateTime, nullable=False),
)

#: clients who cannot state a preference themselves, helped by a cliëntondersteuner (seed 001 p8 r.745-750)
inkoop_ondersteuning = sa.Table(
    "inkoop_ondersteuning",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("client_id", ID, sa.ForeignKey("clients.id"), nullable=False, index=True),
    sa.Column("clientondersteuner", sa.String(200), nullable=False),
    sa.Column("datum", sa.Date, nullable=False),
    sa.Column("toelichting", sa.Text, nullable=False),
    sa.Column("vastgelegd_door", ID, nullable=False),
    sa.Column("vastgelegd_op", UTCDateTime, nullable=False),
)

#: behandelcapaciteit per provider, region and year in fte (seed 004 §4.4 p22 r.1207-1213)
inkoop_capaciteit = sa.Table(
    "inkoop_capaciteit",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("agb_code", sa.String(8), nullable=False, index=True),
    sa.Column("regio", sa.String(40), nullable=False),
    sa.Column("jaar", sa.Integer, nullable=False),
    sa.Column("discipline", sa.String(40), nullable=False),
    sa.Column("fte", sa.Numeric(8, 2), nullable=False),
    sa.UniqueConstraint("agb_code", "regio", "jaar", "discipline", name="uq_inkoop_capaciteit_sleutel"),
)

#: fte of a discipline one client of a zorgprofiel needs: no public figure exists, so the installation supplies
#: it with its bron (shipped examples voorbeeld)
inkoop_capaciteitsnormen = sa.Table(
    "inkoop_capaciteitsnormen",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("discipline", sa.String(40), nullable=False),
    sa.Column("zorgprofiel", sa.String(20), nullable=False),
    sa.Column("fte_per_client", sa.Numeric(8, 4), nullable=False),
    sa.Column("bron", sa.String(500), nullable=False),
    sa.Column("voorbeeld", sa.Boolean, nullable=False),
    sa.UniqueConstraint("discipline", "zorgprofiel", name="uq_inkoop_capaciteitsnormen_sleutel"),
)

INKOOP_TABLES = (
    inkoop_aanbieders,
    inkoop_locaties,
    inkoop_kwaliteitsrapporten,
    inkoop_kwaliteitsrapport_bestanden,
    inkoop_kaders,
    inkoop_tarieven,
    inkoop_experimenten,
    inkoop_contracten,
    inkoop_contract_prestaties,
    inkoop_vouchers,
    inkoop_keuzes,
    inkoop_pgb_delen,
    inkoop_ondersteuning,
    inkoop_capaciteit,
    inkoop_capaciteitsnormen,
)
