"""Tables, and their imperative mapping onto the domain classes (the domain does not import SQLAlchemy).

The zorgkantoor's own tables are defined here; the platform's (accounts ``gebruikers`` with the zorgkantoor's
scope columns, ``api_tokens``, the access log ``toegangslog``) are defined by ``wlz.platform.auth`` and
``wlz.platform.access_log`` on the same metadata. The migrations in ``migrations/versions`` create exactly
these tables; ``tests/zorgkantoor/test_storage.py`` checks that the two never drift apart.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import RelationshipProperty, registry, relationship

from wlz.platform import access_log, auth
from wlz.platform.auth import ID
from wlz.platform.database import new_metadata
from wlz.platform.types import UTCDateTime

from ..domain import model
from ..domain.aanvraag import Aanvraag, Besluitregel
from ..domain.bericht import IwlzBericht

metadata = new_metadata()
mapper_registry = registry(metadata=metadata)

clients = sa.Table(
    "clients",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("bsn", sa.String(9), nullable=False, unique=True),
    sa.Column("voornamen", sa.String(200), nullable=False),
    sa.Column("achternaam", sa.String(200), nullable=False),
    sa.Column("geboortedatum", sa.Date, nullable=False),
    sa.Column("straat", sa.String(200), nullable=False, default=""),
    sa.Column("huisnummer", sa.String(20), nullable=False, default=""),
    sa.Column("postcode", sa.String(10), nullable=False, default=""),
    sa.Column("woonplaats", sa.String(200), nullable=False, default=""),
    sa.Column("partner", sa.Boolean, nullable=False, default=False),
    sa.Column("aangemaakt_op", UTCDateTime, nullable=False),
)
# the client list's order (and its keyset paging), read from the index at any depth (migration 0008)
sa.Index("ix_clients_naam", clients.c.achternaam, clients.c.voornamen, clients.c.id)

indicatiebesluiten = sa.Table(
    "indicatiebesluiten",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("client_id", ID, sa.ForeignKey("clients.id"), nullable=False, index=True),
    sa.Column("besluitnummer", sa.String(40), nullable=False, unique=True),
    sa.Column("zorgprofiel", sa.String(20), nullable=False),
    sa.Column("cod163", sa.String(3), nullable=False),
    sa.Column("grondslagen", sa.JSON(none_as_null=True), nullable=False),
    sa.Column("ingangsdatum", sa.Date, nullable=False),
    sa.Column("einddatum", sa.Date, nullable=True),
    sa.Column("bron", sa.String(20), nullable=False),
    sa.Column("aangemaakt_op", UTCDateTime, nullable=False),
    # how the decision ended early: withdrawn by the CIZ, or replaced by a newer decision (migration 0009)
    sa.Column("ingetrokken_per", sa.Date, nullable=True),
    sa.Column("vervangen_door", sa.String(40), nullable=True),
)

leveringsvorm_keuzes = sa.Table(
    "leveringsvorm_keuzes",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("client_id", ID, sa.ForeignKey("clients.id"), nullable=False, index=True),
    sa.Column("leveringsvorm", sa.String(10), nullable=False),
    sa.Column("ingangsdatum", sa.Date, nullable=False),
    sa.Column("geaccepteerd", sa.Boolean, nullable=False),
    sa.Column("toets", sa.JSON(none_as_null=True), nullable=True),
    sa.Column("vastgelegd_door", ID, nullable=False),
    sa.Column("vastgelegd_op", UTCDateTime, nullable=False),
    # the name of the gewaarborgde hulp where the profile's pgb needs one (Wlz art. 3.3.3 lid 4; Rlz art. 5.6,
    # 5.11): sent to the pgb administration (migration 0014)
    sa.Column("gewaarborgde_hulp_naam", sa.String(200), nullable=True),
)

zorgtoewijzingen = sa.Table(
    "zorgtoewijzingen",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("client_id", ID, sa.ForeignKey("clients.id"), nullable=False, index=True),
    sa.Column("indicatie_id", ID, sa.ForeignKey("indicatiebesluiten.id"), nullable=False),
    sa.Column("agb_code", sa.String(8), nullable=False, index=True),
    sa.Column("leveringsvorm", sa.String(10), nullable=False),
    sa.Column("zorgprofiel", sa.String(20), nullable=True),
    sa.Column("functie", sa.String(2), nullable=True),
    sa.Column("klasse", sa.String(4), nullable=True),
    sa.Column("van", sa.Date, nullable=False),
    sa.Column("tot", sa.Date, nullable=True),
    sa.Column("status", sa.String(12), nullable=False),
    sa.Column("aanvang_zorg", sa.Date, nullable=True),
    sa.Column("einde_zorg", sa.Date, nullable=True),
    sa.Column("einde_reden", sa.String(200), nullable=True),
    sa.Column("aangemaakt_op", UTCDateTime, nullable=False),
    # the CA317's GeleverdeZorgID (CA319 refers to it) and the AW39 mutations reported (migration 0003)
    sa.Column("geleverde_zorg_id", sa.String(36), nullable=True),
    sa.Column("mutaties", sa.JSON(none_as_null=True), nullable=True),
)

aanvragen = sa.Table(
    "aanvragen",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("client_id", ID, sa.ForeignKey("clients.id"), nullable=False, index=True),
    sa.Column("vorige_id", ID, sa.ForeignKey("aanvragen.id"), nullable=True),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("intake", sa.JSON(none_as_null=True), nullable=False),
    sa.Column("situatie", sa.JSON(none_as_null=True), nullable=False),
    sa.Column("gewijzigde_velden", sa.JSON(none_as_null=True), nullable=False),
    sa.Column("evaluatie", sa.JSON(none_as_null=True), nullable=True),
    sa.Column("evaluatie_fout", sa.Text, nullable=True),
    sa.Column("ingediend_door", ID, nullable=False),
    sa.Column("ingediend_op", UTCDateTime, nullable=False),
    sa.Column("termijn", sa.Date, nullable=False),
    sa.Column("verlengd_tot", sa.Date, nullable=True),
    sa.Column("verlenging_reden", sa.Text, nullable=True),
    sa.Column("behandelaar_id", ID, nullable=True),
    sa.Column("advies_aan", sa.String(200), nullable=True),
    sa.Column("advies_vraag", sa.Text, nullable=True),
    sa.Column("advies_antwoord", sa.Text, nullable=True),
    sa.Column("besloten_op", UTCDateTime, nullable=True),
    sa.Column("besloten_door", ID, nullable=True),
    sa.Column("uitkomst", sa.String(20), nullable=True),
    sa.Column("motivatie", sa.Text, nullable=True),
    sa.Column("versie", sa.Integer, nullable=False),
)

# the work list by deadline, all or of one status (and its keyset paging), read from the index (migration 0008)
sa.Index("ix_aanvragen_termijn", aanvragen.c.termijn, aanvragen.c.id)
sa.Index("ix_aanvragen_status_termijn", aanvragen.c.status, aanvragen.c.termijn, aanvragen.c.id)

besluitregels = sa.Table(
    "besluitregels",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("aanvraag_id", ID, sa.ForeignKey("aanvragen.id"), nullable=False, index=True),
    sa.Column("regeling", sa.String(20), nullable=False),
    sa.Column("toegekend", sa.Boolean, nullable=False),
    sa.Column("van", sa.Date, nullable=True),
    sa.Column("tot", sa.Date, nullable=True),
    sa.Column("bedragen", sa.JSON(none_as_null=True), nullable=False),
    sa.Column("toelichting", sa.Text, nullable=False),
    sa.Column("berekening", sa.JSON(none_as_null=True), nullable=True),
)

berichten = sa.Table(
    "berichten",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("soort", sa.String(5), nullable=False),
    sa.Column("richting", sa.String(3), nullable=False),
    sa.Column("identificatie", sa.String(40), nullable=False),
    sa.Column("dagtekening", sa.Date, nullable=False),
    sa.Column("afzender", sa.String(20), nullable=False),
    sa.Column("ontvanger", sa.String(20), nullable=True),
    sa.Column("inhoud", sa.LargeBinary, nullable=False),
    sa.Column("vastgelegd_door", ID, nullable=False),
    sa.Column("client_id", ID, sa.ForeignKey("clients.id"), nullable=True, index=True),
    sa.Column("toewijzing_id", ID, sa.ForeignKey("zorgtoewijzingen.id"), nullable=True, index=True),
    sa.Column("aangemaakt_op", UTCDateTime, nullable=False),
    # iWlz retours (migration 0004): a received message's result and findings; a retour names what it answers
    sa.Column("resultaat", sa.String(12), nullable=True),
    sa.Column("bevindingen", sa.JSON(none_as_null=True), nullable=True),
    sa.Column("retour_van", ID, sa.ForeignKey("berichten.id"), nullable=True, index=True),
)

#: the keys of the first deliveries (lines with StatusAanlevering 1) of accepted AW35/AW39 messages, per sender:
#: iWlz TR074 makes such a key unique among all messages already received (migration 0010)
aanleveringen = sa.Table(
    "aanleveringen",
    metadata,
    sa.Column("soort", sa.String(5), primary_key=True),
    sa.Column("afzender", sa.String(20), primary_key=True),
    sa.Column("sleutel", sa.String(200), primary_key=True),
    sa.Column("bericht_id", ID, sa.ForeignKey("berichten.id"), nullable=False, index=True),
)

#: accounts (the platform's table) with the zorgkantoor's scope: a provider's AGB code, a client's own file
_auth = auth.define_tables(
    metadata,
    sa.Column("agb_code", sa.String(8), nullable=True),
    sa.Column("client_id", ID, sa.ForeignKey("clients.id"), nullable=True),
)
gebruikers = _auth.gebruikers
api_tokens = _auth.api_tokens
AUTH_TABLES = _auth

toegangslog = access_log.define_table(metadata)
access_log.define_paging_indexes(toegangslog)  # a zorgkantoor's log runs to millions of lines (migration 0008)


_started = False


def start_mappers() -> None:
    """Map the domain classes onto the tables, once per process."""
    global _started
    if _started:
        return
    _started = True
    m = mapper_registry.map_imperatively

    # The many-to-one relationships are there so the unit of work inserts parents before children;
    # the domain works with the ids.
    def parent(cls: type) -> RelationshipProperty[Any]:
        return relationship(cls, lazy="raise", viewonly=False)

    m(model.Client, clients)
    m(model.Indicatiebesluit, indicatiebesluiten, properties={"_client": parent(model.Client)})
    m(model.LeveringsvormKeuze, leveringsvorm_keuzes, properties={"_client": parent(model.Client)})
    m(
        model.Zorgtoewijzing,
        zorgtoewijzingen,
        properties={"_client": parent(model.Client), "_indicatie": parent(model.Indicatiebesluit)},
    )
    m(Besluitregel, besluitregels)
    m(
        Aanvraag,
        aanvragen,
        properties={
            "besluitregels": relationship(Besluitregel, cascade="all, delete-orphan", lazy="selectin"),
            "_client": parent(model.Client),
            "_vorige": relationship(Aanvraag, remote_side=[aanvragen.c.id], lazy="raise"),
        },
        version_id_col=aanvragen.c.versie,
    )
    m(model.Gebruiker, gebruikers, properties={"_client": parent(model.Client)})
    auth.map_tokens(mapper_registry, AUTH_TABLES, model.Gebruiker)
    access_log.map_table(mapper_registry, toegangslog)
    m(
        IwlzBericht,
        berichten,
        properties={"_client": parent(model.Client), "_toewijzing": parent(model.Zorgtoewijzing)},
    )


# The zorginkoop's tables are defined on this metadata in their own module; importing it here keeps
# the metadata complete for the migrations and their check (tests/zorgkantoor/test_storage.py).
from . import declaratie_orm as _declaratie_orm  # noqa: E402,F401  (the declarations, part B, migration 0007)
from . import inkoop_orm as _inkoop_orm  # noqa: E402,F401
