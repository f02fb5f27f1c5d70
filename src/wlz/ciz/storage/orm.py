"""The CIZ's tables and their imperative mapping (the domain does not import SQLAlchemy).

Its own database (``WLZ_CIZ_DATABASE_URL``, default ``<WLZ_DATA_DIR>/ciz.sqlite``): the platform's account,
token and access-log tables (``wlz.platform.auth``, ``wlz.platform.access_log``) defined again on the CIZ's
metadata, and the CIZ's ``aanvragen``, ``berichten``, ``toetsingen``, ``maatwerkindicaties``, ``bijlagen``,
``opschortingen`` (Awb art. 4:15) and ``teamleden`` (an account's unit and team). The migrations create exactly
these.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import registry

from wlz.platform import access_log, auth
from wlz.platform.auth import ID
from wlz.platform.database import new_metadata
from wlz.platform.types import UTCDateTime

from ..domain.aanvraag import Aanvraag
from ..domain.bericht import IwlzBericht
from ..domain.bijlage import Bijlage
from ..domain.gebruiker import Gebruiker, Teamlid
from ..domain.kwaliteit import Toetsing
from ..domain.maatwerk import Maatwerkindicatie
from ..domain.termijn import Opschorting

metadata = new_metadata()
mapper_registry = registry(metadata=metadata)
auth_tables = auth.define_tables(metadata)
toegangslog = access_log.define_table(metadata)

aanvragen = sa.Table(
    "aanvragen",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("ontvangstnummer", sa.String(20), nullable=False, unique=True),
    sa.Column("bsn", sa.String(9), nullable=False, index=True),
    sa.Column("achternaam", sa.String(200), nullable=False),
    sa.Column("voornamen", sa.String(200), nullable=False),
    sa.Column("geboortedatum", sa.Date, nullable=False),
    sa.Column("geslacht", sa.String(1), nullable=False),
    sa.Column("straat", sa.String(200), nullable=False),
    sa.Column("huisnummer", sa.Integer, nullable=False),
    sa.Column("postcode", sa.String(6), nullable=False),
    sa.Column("woonplaats", sa.String(200), nullable=False),
    sa.Column("ontvangen", sa.Date, nullable=False),
    sa.Column("aanvrager", sa.String(20), nullable=False),
    sa.Column("zorgkantoor", sa.String(4), nullable=False),
    sa.Column("ontvangt_al_zorg", sa.Boolean, nullable=False),
    sa.Column("verblijft_in_instelling", sa.Boolean, nullable=False),
    sa.Column("zorg_sinds", sa.Date, nullable=True),
    sa.Column("toelichting", sa.Text, nullable=False),
    sa.Column("bestaande_informatie", sa.Text, nullable=False),
    sa.Column("eenheid", sa.String(40), nullable=False),
    sa.Column("uiterlijk", sa.Date, nullable=False, index=True),
    sa.Column("termijn_grond", sa.String(200), nullable=False),
    sa.Column("status", sa.String(20), nullable=False, index=True),
    sa.Column("beoordeling_json", sa.Text, nullable=True),
    sa.Column("beoordeeld_door", ID, nullable=True),
    sa.Column("uitkomst", sa.String(20), nullable=True),
    sa.Column("besluitdatum", sa.Date, nullable=True, index=True),
    sa.Column("zorgprofiel", sa.String(20), nullable=True),
    sa.Column("ingangsdatum", sa.Date, nullable=True),
    sa.Column("einddatum", sa.Date, nullable=True),
    sa.Column("voorwaarden", sa.Text, nullable=False),
    sa.Column("afwijzingsgrond", sa.String(40), nullable=True),
    sa.Column("besluit_toelichting", sa.Text, nullable=False),
    sa.Column("past_in_geen_profiel", sa.Boolean, nullable=False),
    sa.Column("besloten_door", ID, nullable=True),
    sa.Column("besluitnummer", sa.Integer, nullable=True, unique=True),
    sa.Column("soort", sa.String(30), nullable=False, server_default="eerste"),
    sa.Column("vorige_id", ID, sa.ForeignKey("aanvragen.id"), nullable=True),
    sa.Column("reden_herziening", sa.Text, nullable=False, server_default=""),
    sa.Column("gevraagd_profiel", sa.String(20), nullable=True),
    sa.Column("vervangt_besluitnummer", sa.Integer, nullable=True),
    sa.Column("team", sa.String(90), nullable=False, server_default=""),
    sa.Column("ingetrokken_per", sa.Date, nullable=True),
    sa.Column("intrekkingsgrond", sa.String(40), nullable=True),
    sa.Column("intrekking_toelichting", sa.Text, nullable=False, server_default=""),
    sa.Column("ingetrokken_door", ID, nullable=True),
    sa.Column("intrekkingsdatum", sa.Date, nullable=True),
)

opschortingen = sa.Table(
    "opschortingen",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("aanvraag_id", ID, sa.ForeignKey("aanvragen.id"), nullable=False, index=True),
    sa.Column("soort", sa.String(30), nullable=False),
    sa.Column("begin", sa.Date, nullable=False),
    sa.Column("einde", sa.Date, nullable=True),
    sa.Column("aanvullen_voor", sa.Date, nullable=True),
    sa.Column("reden", sa.Text, nullable=False),
    sa.Column("vastgelegd_door", sa.String(32), nullable=False),
)

teamleden = sa.Table(
    "teamleden",
    metadata,
    sa.Column("gebruiker_id", ID, sa.ForeignKey("gebruikers.id"), primary_key=True),
    sa.Column("eenheid", sa.String(40), nullable=False),
    sa.Column("team", sa.String(40), nullable=False),
)

berichten = sa.Table(
    "berichten",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("aanvraag_id", ID, sa.ForeignKey("aanvragen.id"), nullable=False, index=True),
    sa.Column("soort", sa.String(10), nullable=False),
    sa.Column("identificatie", sa.String(12), nullable=False),
    sa.Column("dagtekening", sa.Date, nullable=False),
    sa.Column("inhoud", sa.LargeBinary, nullable=False),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("melding", sa.Text, nullable=False),
    sa.Column("retour", sa.LargeBinary, nullable=True),
    sa.Column("aangemaakt_op", UTCDateTime, nullable=False),
)

toetsingen = sa.Table(
    "toetsingen",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("aanvraag_id", ID, sa.ForeignKey("aanvragen.id"), nullable=False, index=True),
    sa.Column("eenheid", sa.String(40), nullable=False),
    sa.Column("periode_van", sa.Date, nullable=False),
    sa.Column("periode_tot", sa.Date, nullable=False),
    sa.Column("seed", sa.BigInteger, nullable=False),
    sa.Column("juist", sa.Boolean, nullable=True),
    sa.Column("reden", sa.Text, nullable=False),
    sa.Column("getoetst_door", ID, nullable=True),
    sa.Column("getoetst_op", sa.Date, nullable=True),
    sa.UniqueConstraint("aanvraag_id", "periode_van", "periode_tot", name="uq_toetsingen_aanvraag_periode"),
)

maatwerkindicaties = sa.Table(
    "maatwerkindicaties",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("aanvraag_id", ID, sa.ForeignKey("aanvragen.id"), nullable=False, index=True),
    sa.Column("pilotgroep", sa.String(100), nullable=False),
    sa.Column("jaar", sa.Integer, nullable=False),
    sa.Column("behoeften_json", sa.JSON, nullable=False),
    sa.Column("context", sa.Text, nullable=False),
    sa.Column("voorkeuren", sa.Text, nullable=False),
    sa.Column("bedrag", sa.Numeric(12, 2), nullable=False),
    sa.Column("profielbedrag", sa.Numeric(12, 2), nullable=True),
    sa.Column("vastgelegd_door", ID, nullable=False),
    sa.Column("vastgelegd_op", UTCDateTime, nullable=False),
)

bijlagen = sa.Table(
    "bijlagen",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("aanvraag_id", ID, sa.ForeignKey("aanvragen.id"), nullable=False, index=True),
    sa.Column("bestandsnaam", sa.String(100), nullable=False),
    sa.Column("soort", sa.String(40), nullable=False),
    sa.Column("inhoud", sa.LargeBinary, nullable=False),
    sa.Column("aangemaakt_op", UTCDateTime, nullable=False),
)

_started = False


def start_mappers() -> None:
    """Map the domain classes onto the tables, once per process."""
    global _started
    if _started:
        return
    _started = True
    m = mapper_registry.map_imperatively
    # the platform's ApiToken and Toegangsregel classes are mapped by the zorgkantoor's registry when both apps
    # run in one process (the tests); the CIZ writes and reads tokens and log lines as plain rows instead
    m(Gebruiker, auth_tables.gebruikers)
    m(Aanvraag, aanvragen)
    m(IwlzBericht, berichten)
    m(Toetsing, toetsingen)
    m(Maatwerkindicatie, maatwerkindicaties)
    m(Bijlage, bijlagen)
    m(Opschorting, opschortingen)
    m(Teamlid, teamleden)
