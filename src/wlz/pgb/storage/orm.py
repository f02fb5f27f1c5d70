"""The pgb database's tables (SQLAlchemy Core). The platform's account, token and access-log tables are defined
on the same metadata by the platform's functions (docs/architecture.md, Migrations); the scope of a pgb account
is its budgethouder or zorgverlener."""

from __future__ import annotations

import sqlalchemy as sa

from wlz.platform import access_log, auth
from wlz.platform.database import new_metadata
from wlz.platform.types import UTCDateTime

metadata = new_metadata()
ID = sa.String(32)

auth_tables = auth.define_tables(
    metadata,
    sa.Column("budgethouder_id", ID, nullable=True),
    sa.Column("zorgverlener_id", ID, nullable=True),
)
toegangslog = access_log.define_table(metadata)

beschikkingen = sa.Table(
    "pgb_beschikkingen",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("budgethouder_id", ID, nullable=False, index=True),
    sa.Column("zorgprofiel", sa.String(10), nullable=False),
    sa.Column("cod163", sa.String(3), nullable=False),
    sa.Column("van", sa.Date, nullable=False),
    sa.Column("tot", sa.Date, nullable=False),
    sa.Column("regeling", sa.String(10), nullable=False),
    sa.Column("zorgkantoor", sa.String(100), nullable=False),
    sa.Column("gewaarborgde_hulp_vereist", sa.Boolean, nullable=False),
    sa.Column("gewaarborgde_hulp", sa.String(200), nullable=True),
    sa.Column("minderjarig", sa.Boolean, nullable=False),
    sa.Column("budget_bron", sa.String(300), nullable=False),
    # the ledger (cents): beschikbaar + gereserveerd + betaald + teruggegeven = budget
    sa.Column("budget", sa.BigInteger, nullable=False),
    sa.Column("beschikbaar", sa.BigInteger, nullable=False),
    sa.Column("gereserveerd", sa.BigInteger, nullable=False),
    sa.Column("betaald", sa.BigInteger, nullable=False),
    sa.Column("teruggegeven", sa.BigInteger, nullable=False),
    sa.Column("vastgesteld", sa.BigInteger, nullable=True),
    sa.Column("vastgesteld_op", sa.Date, nullable=True),
    sa.CheckConstraint(
        "beschikbaar >= 0 AND gereserveerd >= 0 AND betaald >= 0 AND teruggegeven >= 0 "
        "AND beschikbaar + gereserveerd + betaald + teruggegeven = budget",
        name="grootboek_in_balans",
    ),
)

budgetplannen = sa.Table(
    "pgb_budgetplannen",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("beschikking_id", ID, sa.ForeignKey("pgb_beschikkingen.id"), nullable=False, index=True),
    sa.Column("regels", sa.JSON, nullable=False),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("reden", sa.Text, nullable=True),
    sa.Column("ingediend_op", UTCDateTime, nullable=False),
)

overeenkomsten = sa.Table(
    "pgb_zorgovereenkomsten",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("beschikking_id", ID, sa.ForeignKey("pgb_beschikkingen.id"), nullable=False, index=True),
    sa.Column("zorgverlener_id", ID, nullable=False, index=True),
    sa.Column("soort", sa.String(10), nullable=False),
    sa.Column("functie", sa.String(40), nullable=False),
    sa.Column("zorgbeschrijving", sa.Text, nullable=False),
    sa.Column("uren_per_week", sa.Float, nullable=False),
    sa.Column("uurtarief", sa.BigInteger, nullable=False),
    sa.Column("van", sa.Date, nullable=False),
    sa.Column("tot", sa.Date, nullable=False),
    sa.Column("derdenbeding", sa.Boolean, nullable=False),
    sa.Column("ondertekend_op", sa.Date, nullable=True),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("reden", sa.Text, nullable=True),
    sa.Column("waarschuwing", sa.Text, nullable=True),
    # what is still reserved for this agreement (cents)
    sa.Column("gereserveerd", sa.BigInteger, nullable=False),
    sa.CheckConstraint("gereserveerd >= 0", name="reservering_niet_negatief"),
)

declaraties = sa.Table(
    "pgb_declaraties",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("overeenkomst_id", ID, sa.ForeignKey("pgb_zorgovereenkomsten.id"), nullable=False, index=True),
    sa.Column("van", sa.Date, nullable=False),
    sa.Column("tot", sa.Date, nullable=False),
    sa.Column("uren", sa.Float, nullable=False),
    sa.Column("bedrag", sa.BigInteger, nullable=False),
    sa.Column("ingediend_op", sa.Date, nullable=False),
    sa.Column("betaald", sa.Boolean, nullable=False),
    sa.Column("reden", sa.Text, nullable=True),
    sa.Column("regel", sa.String(100), nullable=True),
)

#: payments go to a zorgverlener only: the table has no column that could name the budgethouder as payee
betalingen = sa.Table(
    "pgb_betalingen",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("declaratie_id", ID, sa.ForeignKey("pgb_declaraties.id"), nullable=False, unique=True),
    sa.Column("beschikking_id", ID, sa.ForeignKey("pgb_beschikkingen.id"), nullable=False, index=True),
    sa.Column("zorgverlener_id", ID, nullable=False, index=True),
    sa.Column("bedrag", sa.BigInteger, nullable=False),
    sa.Column("uiterlijk", sa.Date, nullable=False),
    sa.CheckConstraint("bedrag > 0", name="bedrag_positief"),
)

#: the journal: every move of the ledger, so the check command can recompute the balances
boekingen = sa.Table(
    "pgb_boekingen",
    metadata,
    sa.Column("id", sa.Integer, sa.Identity(), primary_key=True),
    sa.Column("beschikking_id", ID, sa.ForeignKey("pgb_beschikkingen.id"), nullable=False, index=True),
    sa.Column("soort", sa.String(20), nullable=False),
    sa.Column("bedrag", sa.BigInteger, nullable=False),
    sa.Column("verwijzing", ID, nullable=True),
    sa.Column("tijdstip", UTCDateTime, nullable=False),
)

vorderingen = sa.Table(
    "pgb_vorderingen",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("beschikking_id", ID, sa.ForeignKey("pgb_beschikkingen.id"), nullable=False, index=True),
    sa.Column("debiteur_type", sa.String(20), nullable=False),
    sa.Column("debiteur_id", ID, nullable=False),
    sa.Column("oorzaak", sa.Text, nullable=False),
    sa.Column("bedrag", sa.BigInteger, nullable=False),
    sa.Column("datum", sa.Date, nullable=False),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("regeling", sa.String(10), nullable=False),
    sa.Column("zorgkantoor", sa.String(100), nullable=False),
    sa.CheckConstraint("bedrag > 0", name="vordering_positief"),
)
