"""The pgb database's tables (SQLAlchemy Core). The platform's account, token and access-log tables are defined
on the same metadata by the platform's functions (docs/architecture.md, Migrations); the scope of a pgb account
is its budgethouder or zorgverlener.

The pgb's own tables: ``pgb_beschikkingen`` (with the ledger columns), ``pgb_budgetplannen``,
``pgb_zorgovereenkomsten``, ``pgb_declaraties``, ``pgb_betalingen``, ``pgb_boekingen`` (journal),
``pgb_vorderingen`` (migration 0001); ``pgb_vordering_statussen``, ``pgb_batches``, ``pgb_batchregels`` (staging),
``pgb_batchweken`` (dropped again by 0005) and the column ``pgb_declaraties.minuten`` (migration 0002); the end of a pgb
(``pgb_beschikkingen.beeindigd_per``, ``einde_reden``, ``oorspronkelijk_tot``, ``oorspronkelijk_budget``;
``pgb_zorgovereenkomsten.beeindigd_per``), ``pgb_budgetplannen.bemiddelingskosten``, the accounts for the payment
file ``pgb_rekeningen``, the payment files ``pgb_betaalbestanden`` and ``pgb_betaalbestand_regels`` (migration
0004)."""

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
    # the end of the pgb before its period's end (Rlz art. 5.20): the first day without pgb, the ground, and the
    # period and budget before it was shortened (``tot`` and ``budget`` then hold the shortened ones)
    sa.Column("beeindigd_per", sa.Date, nullable=True),
    sa.Column("einde_reden", sa.String(40), nullable=True),
    sa.Column("oorspronkelijk_tot", sa.Date, nullable=True),
    sa.Column("oorspronkelijk_budget", sa.BigInteger, nullable=True),
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
    # bemiddelingskosten a year (cents; Rlz art. 5.22 lid 5), counted in the plan's total
    sa.Column("bemiddelingskosten", sa.BigInteger, nullable=True),
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
    # set when the pgb ended early (Rlz art. 5.20): the agreement ends with it
    sa.Column("beeindigd_per", sa.Date, nullable=True),
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
    # the hours in whole minutes: the unit of the weekly limit (Rlz art. 5.18 onder d), exact in Python and SQL
    sa.Column("minuten", sa.Integer, nullable=False),
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

#: every status a vordering has had, with who set it and from which day it holds: the report at a past peildatum
#: uses the status of that day (migration 0002 starts the history of older vorderingen)
vordering_statussen = sa.Table(
    "pgb_vordering_statussen",
    metadata,
    sa.Column("id", sa.Integer, sa.Identity(), primary_key=True),
    sa.Column("vordering_id", ID, sa.ForeignKey("pgb_vorderingen.id"), nullable=False, index=True),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("geldig_vanaf", sa.Date, nullable=False),
    sa.Column("tijdstip", UTCDateTime, nullable=False),
    sa.Column("gebruiker_id", ID, nullable=True),
    sa.Column("gebruikersnaam", sa.String(100), nullable=False),
)

#: a batch of declarations (``wlz.pgb.batch``): who sent it, when, and its counts
batches = sa.Table(
    "pgb_batches",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("tijdstip", UTCDateTime, nullable=False),
    sa.Column("gebruiker_id", ID, nullable=True),
    sa.Column("aantal", sa.Integer, nullable=False),
    sa.Column("betaald", sa.Integer, nullable=False),
    sa.Column("geweigerd", sa.Integer, nullable=False),
    sa.Column("fout", sa.Integer, nullable=False),
)

#: a batch's lines refused for their input (fout: nothing recorded but the reason here); every other line is its
#: declaration (``wlz.pgb.batch``). Batches before the single-pass batch path kept every line here with its outcome
batchregels = sa.Table(
    "pgb_batchregels",
    metadata,
    sa.Column("batch_id", ID, sa.ForeignKey("pgb_batches.id"), primary_key=True),
    sa.Column("regel", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("overeenkomst_id", sa.String(64), nullable=False),
    sa.Column("van", sa.Date, nullable=False),
    sa.Column("tot", sa.Date, nullable=False),
    sa.Column("uren", sa.Float, nullable=False),
    sa.Column("minuten", sa.Integer, nullable=False),
    sa.Column("bedrag", sa.BigInteger, nullable=False),
    sa.Column("ingediend_op", sa.Date, nullable=False),
    sa.Column("declaratie_id", ID, nullable=False),
    sa.Column("beschikking_id", ID, nullable=True),
    sa.Column("zorgverlener_id", ID, nullable=True),
    sa.Column("rang", sa.Integer, nullable=True),
    sa.Column("uitkomst", sa.String(10), nullable=True),
    sa.Column("veld", sa.String(40), nullable=True),
    sa.Column("reden", sa.Text, nullable=True),
    sa.Column("bron", sa.String(100), nullable=True),
    sa.Index("ix_pgb_batchregels_rang", "batch_id", "rang"),
)

#: bank accounts the payment file needs: a zorgverlener's (payee) and a budgethouder's own (known so that the
#: payment file can refuse it as payee: the trekkingsrecht never pays the budgethouder, seed 003 p. 9)
rekeningen = sa.Table(
    "pgb_rekeningen",
    metadata,
    sa.Column("houder_type", sa.String(20), primary_key=True),  # zorgverlener | budgethouder
    sa.Column("houder_id", ID, primary_key=True),
    sa.Column("iban", sa.String(34), nullable=False, index=True),
    sa.Column("naam", sa.String(70), nullable=False),
)

#: a SEPA credit transfer file (pain.001.001.03) of a payment run, kept as sent
betaalbestanden = sa.Table(
    "pgb_betaalbestanden",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("tijdstip", UTCDateTime, nullable=False),
    sa.Column("gebruiker_id", ID, nullable=True),
    sa.Column("uitvoerdatum", sa.Date, nullable=False),
    sa.Column("aantal", sa.Integer, nullable=False),
    sa.Column("totaal", sa.BigInteger, nullable=False),
    sa.Column("xml", sa.Text, nullable=False),
)

#: which payment went into which file: a payment goes into one file only (no foreign key to ``pgb_betalingen``: a
#: correction deletes a payment row, the file keeps what was sent)
betaalbestand_regels = sa.Table(
    "pgb_betaalbestand_regels",
    metadata,
    sa.Column("betaling_id", ID, primary_key=True),
    sa.Column("betaalbestand_id", ID, sa.ForeignKey("pgb_betaalbestanden.id"), nullable=False, index=True),
    sa.Column("bedrag", sa.BigInteger, nullable=False),
    sa.Column("iban", sa.String(34), nullable=False),
)
