"""Entities of the zorgkantoor's case file.

Plain classes: the storage layer maps them onto tables (imperative mapping), so the rules of the case process
here can be tested without a database and stay readable for someone who knows the Wlz but not SQLAlchemy.
Identifiers are opaque random strings, because a client must never be addressed by BSN.
API tokens and the access log's lines are the platform's (``wlz.platform.auth``, ``wlz.platform.access_log``).
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from wlz import bsn as bsnmod
from wlz import reference

from . import codes
from .fouten import DomainError


def nieuw_id() -> str:
    """A random, opaque identifier (URL-safe), used in URLs instead of anything that identifies a person."""
    return secrets.token_hex(8)


def nu() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Client:
    """A Wlz client (verzekerde). Only synthetic people are ever stored."""

    def __init__(
        self,
        *,
        bsn: str,
        voornamen: str,
        achternaam: str,
        geboortedatum: dt.date,
        straat: str = "",
        huisnummer: str = "",
        postcode: str = "",
        woonplaats: str = "",
        partner: bool = False,
        id: str | None = None,
    ):
        self.id = id or nieuw_id()
        self.bsn = bsnmod.normaliseer(bsn)
        if not voornamen.strip():
            raise DomainError("Vul de voornamen in.", "voornamen")
        if not achternaam.strip():
            raise DomainError("Vul de achternaam in.", "achternaam")
        if geboortedatum > dt.date.today():
            raise DomainError("De geboortedatum ligt in de toekomst.", "geboortedatum")
        self.voornamen = voornamen.strip()
        self.achternaam = achternaam.strip()
        self.geboortedatum = geboortedatum
        self.straat = straat
        self.huisnummer = huisnummer
        self.postcode = postcode.replace(" ", "").upper()
        self.woonplaats = woonplaats
        self.partner = partner
        self.aangemaakt_op = nu()

    @property
    def naam(self) -> str:
        return f"{self.voornamen} {self.achternaam}"

    def __repr__(self) -> str:  # never the BSN
        return f"<Client {self.id}>"


class Indicatiebesluit:
    """The CIZ decision that gives access to the Wlz with a zorgprofiel (Wlz art. 3.2.3)."""

    #: set on import only (not stored): the besluitnummers of the decisions this one replaced and the ids of the
    #: AW33 messages that replacement wrote (the API's answer to the IO31 names them)
    vervangt: tuple[str, ...] = ()
    aw33_ids: tuple[str, ...] = ()

    def __init__(
        self,
        *,
        client_id: str,
        besluitnummer: str,
        zorgprofiel: str,
        grondslagen: list[str],
        ingangsdatum: dt.date,
        einddatum: dt.date | None,
        bron: str = "handmatig",
        id: str | None = None,
    ):
        try:
            profiel = reference.lookup(zorgprofiel)
        except KeyError:
            raise DomainError("Onbekend zorgprofiel (COD163).", "zorgprofiel") from None
        if profiel.buiten_wlz:
            raise DomainError(f"{profiel.code} is geen Wlz-zorgprofiel.", "zorgprofiel")
        if not besluitnummer.strip():
            raise DomainError("Vul het besluitnummer in.", "besluitnummer")
        onbekend = [g for g in grondslagen if g not in codes.GRONDSLAGEN]
        if not grondslagen or onbekend:
            raise DomainError("Kies een of meer grondslagen (COD736).", "grondslagen")
        if einddatum is not None and einddatum < ingangsdatum:
            raise DomainError("De einddatum ligt voor de ingangsdatum.", "einddatum")
        self.id = id or nieuw_id()
        self.client_id = client_id
        self.besluitnummer = besluitnummer.strip()
        self.zorgprofiel = profiel.code
        self.cod163 = profiel.cod163
        self.grondslagen = sorted(set(grondslagen))
        self.ingangsdatum = ingangsdatum
        self.einddatum = einddatum
        self.bron = bron
        self.aangemaakt_op = nu()
        #: the day a withdrawal by the CIZ takes effect (Wlz art. 3.2.4); the decision's einddatum is the day before
        self.ingetrokken_per: dt.date | None = None
        #: the besluitnummer of the decision that replaced this one
        self.vervangen_door: str | None = None

    def geldig_op(self, dag: dt.date) -> bool:
        return self.ingangsdatum <= dag and (self.einddatum is None or dag <= self.einddatum)

    def beeindigen(self, laatste_dag: dt.date) -> None:
        """End this decision on ``laatste_dag`` because a newer one of the CIZ takes over the day after (Wlz
        art. 3.2.3 and 3.2.4: the CIZ decides, and a new decision on the same right replaces the old one; iWlz
        TR079: successive decisions for one client carry ascending besluitnummers). A client never has two
        valid decisions on one day. Only shortening: a decision is never lengthened, nor ended before it began.
        """
        if laatste_dag < self.ingangsdatum:
            raise DomainError("Een indicatiebesluit kan niet eindigen voor het ingaat.", "einddatum")
        if self.einddatum is not None and laatste_dag > self.einddatum:
            raise DomainError("Een indicatiebesluit wordt alleen ingekort, niet verlengd.", "einddatum")
        self.einddatum = laatste_dag

    def vervangen(self, laatste_dag: dt.date, door: str) -> None:
        """End this decision on ``laatste_dag`` because decision ``door`` begins the day after (see
        :meth:`beeindigen`); the client's file names the decision that replaced it."""
        self.beeindigen(laatste_dag)
        self.vervangen_door = door

    def intrekken(self, laatste_dag: dt.date) -> None:
        """The CIZ withdrew this decision (Wlz art. 3.2.4): its right ends on ``laatste_dag``, the Einddatum of
        the IO31 that repeats this besluitnummer (IO31.xsd: "tot en met welke datum het indicatiebesluit
        rechtsgeldig is"). Only shortening, never before the ingangsdatum (iWlz CS003); a withdrawal repeated
        with an earlier day moves it earlier."""
        if laatste_dag < self.ingangsdatum:
            raise DomainError("De einddatum van de intrekking ligt voor de ingangsdatum van het besluit.", "einddatum")
        if self.einddatum is not None and laatste_dag >= self.einddatum:
            raise DomainError(
                "Een intrekking maakt het indicatiebesluit alleen korter: de einddatum ligt niet voor de "
                "geregistreerde einddatum.",
                "einddatum",
            )
        self.einddatum = laatste_dag
        self.ingetrokken_per = laatste_dag + dt.timedelta(days=1)

    @property
    def profiel(self) -> reference.Zorgprofiel:
        return reference.lookup(self.zorgprofiel)


class LeveringsvormKeuze:
    """The client's choice of leveringsvorm, with the outcome of the doelmatigheidstoets when care is at home.

    The rules engine decides whether care at home is doelmatig (Wlz art. 3.3.3 lid 4); its explanation is
    stored here verbatim so the decision can be shown and explained later, even after the rules change.
    """

    def __init__(
        self,
        *,
        client_id: str,
        leveringsvorm: str,
        ingangsdatum: dt.date,
        geaccepteerd: bool,
        toets: dict[str, Any] | None,
        vastgelegd_door: str,
        id: str | None = None,
        gewaarborgde_hulp_naam: str | None = None,
    ):
        if leveringsvorm not in codes.LEVERINGSVORMEN:
            raise DomainError("Onbekende leveringsvorm.", "leveringsvorm")
        if leveringsvorm in codes.THUIS and toets is None:
            raise DomainError("Zorg thuis vraagt eerst een doelmatigheidstoets.", "leveringsvorm")
        self.id = id or nieuw_id()
        self.client_id = client_id
        self.leveringsvorm = leveringsvorm
        self.ingangsdatum = ingangsdatum
        self.geaccepteerd = geaccepteerd
        self.toets = toets
        self.vastgelegd_door = vastgelegd_door
        self.vastgelegd_op = nu()
        #: the third party's name where the profile's pgb needs gewaarborgde hulp (Rlz art. 5.6, 5.11)
        self.gewaarborgde_hulp_naam = gewaarborgde_hulp_naam


TOEWIJZING_STATUSSEN = ("toegewezen", "in_zorg", "beeindigd")


class Zorgtoewijzing:
    """The zorgkantoor assigns a client's care to a provider (AGB code) for a period (iWlz AW33)."""

    def __init__(
        self,
        *,
        client_id: str,
        indicatie_id: str,
        agb_code: str,
        leveringsvorm: str,
        van: dt.date,
        tot: dt.date | None,
        zorgprofiel: str | None = None,
        functie: str | None = None,
        klasse: str | None = None,
        id: str | None = None,
    ):
        if len(agb_code) != 8 or not agb_code.isdigit():
            raise DomainError("Een AGB-code heeft 8 cijfers.", "agb_code")
        if leveringsvorm not in codes.LEVERINGSVORMEN:
            raise DomainError("Onbekende leveringsvorm.", "leveringsvorm")
        if (zorgprofiel is None) == (functie is None):
            raise DomainError("Wijs een zorgprofiel toe, of een functie met klasse (niet allebei).", "functie")
        if functie is not None:
            if functie not in codes.FUNCTIES:
                raise DomainError("Onbekende functie (COD732).", "functie")
            if klasse not in codes.KLASSEN:
                raise DomainError("Onbekende klasse (COD756).", "klasse")
        if zorgprofiel is not None:
            try:
                zorgprofiel = reference.lookup(zorgprofiel).code
            except KeyError:
                raise DomainError("Onbekend zorgprofiel (COD163).", "zorgprofiel") from None
        if tot is not None and tot < van:
            raise DomainError("De einddatum ligt voor de begindatum.", "tot")
        self.id = id or nieuw_id()
        self.client_id = client_id
        self.indicatie_id = indicatie_id
        self.agb_code = agb_code
        self.leveringsvorm = leveringsvorm
        self.zorgprofiel = zorgprofiel
        self.functie = functie
        self.klasse = klasse if functie is not None else None
        self.van = van
        self.tot = tot
        self.status = "toegewezen"
        self.aanvang_zorg: dt.date | None = None
        self.einde_zorg: dt.date | None = None
        self.einde_reden: str | None = None
        #: the CA317's GeleverdeZorgID once the start of care went to the CAK (a CA319 names it)
        self.geleverde_zorg_id: str | None = None
        #: what the provider reported in AW35/AW39 messages, oldest first (see :meth:`mutatie_vastleggen`)
        self.mutaties: list[dict[str, Any]] | None = []
        self.aangemaakt_op = nu()

    def mutatie_vastleggen(
        self, *, code: str, omschrijving: str, datum: dt.date, bericht: str, bestemming: str | None = None
    ) -> None:
        """Keep a reported mutation (iWlz AW39 ``Mutatiecode``, or a waiting status) on the history.

        A new list is assigned (not appended in place) so the change of the JSON column is seen."""
        regel = {"code": code, "omschrijving": omschrijving, "datum": datum.isoformat(), "bericht": bericht}
        if bestemming:
            regel["bestemming"] = bestemming
        self.mutaties = [*(self.mutaties or []), regel]

    def zorg_gestart(self, datum: dt.date) -> None:
        """The provider reports the start of care (iWlz AW35)."""
        if self.status != "toegewezen":
            raise DomainError("De zorg is al gestart of beëindigd.", "status")
        if datum < self.van or (self.tot is not None and datum > self.tot):
            raise DomainError("De aanvangsdatum valt buiten de toewijzingsperiode.", "datum")
        self.status = "in_zorg"
        self.aanvang_zorg = datum

    def zorg_beeindigd(self, datum: dt.date, reden: str) -> None:
        """The provider reports the end of care (iWlz AW39)."""
        if self.status != "in_zorg":
            raise DomainError("Alleen lopende zorg kan worden beëindigd.", "status")
        if self.aanvang_zorg is not None and datum < self.aanvang_zorg:
            raise DomainError("De einddatum ligt voor de aanvang van de zorg.", "datum")
        self.status = "beeindigd"
        self.einde_zorg = datum
        self.einde_reden = reden

    def zorg_onderbroken(self, datum: dt.date, reden: str) -> None:
        """Care ended but the toewijzing stays open (AW39 code 20): a new start may be reported later."""
        self.zorg_beeindigd(datum, reden)
        self.status = "toegewezen"

    def overgedragen(self, datum: dt.date, reden: str) -> None:
        """The toewijzing went to another provider before care started here (AW39 code 21)."""
        if self.status != "toegewezen":
            raise DomainError("Alleen een toewijzing waarop nog geen zorg loopt kan worden overgedragen.", "status")
        if datum < self.van:
            raise DomainError("De overdrachtsdatum ligt voor het begin van de toewijzing.", "datum")
        self.status = "beeindigd"
        self.einde_zorg = datum
        self.einde_reden = reden

    def actief_op(self, dag: dt.date) -> bool:
        return self.status != "beeindigd" and self.van <= dag and (self.tot is None or dag <= self.tot)

    def intrekken(self, laatste_dag: dt.date, *, code: str, omschrijving: str, bericht: str) -> None:
        """Withdraw the assignment after ``laatste_dag`` (iWlz AW33 ``Einddatum`` with ``RedenIntrekking``,
        COD172; e.g. 3 herindicatie: its indicatiebesluit was replaced). Care that runs goes on being the
        provider's to end (AW39, mutation 19, on or before that day); an assignment withdrawn before it began
        is over. Kept on the history as ``intrekking <code>`` (see :attr:`ingetrokken`)."""
        if laatste_dag < self.van:
            self.status = "beeindigd"
            self.einde_zorg = self.van
            self.einde_reden = f"Ingetrokken voor de ingang: {omschrijving.lower()}"
        else:
            if self.tot is None or laatste_dag < self.tot:
                self.tot = laatste_dag
            self.einde_reden = f"Ingetrokken per {laatste_dag.isoformat()}: {omschrijving.lower()}"
        self.mutatie_vastleggen(
            code=f"intrekking {code}", omschrijving=omschrijving, datum=laatste_dag, bericht=bericht
        )

    def verplaatsen(self, indicatie_id: str, zorgprofiel: str | None, *, omschrijving: str, bericht: str) -> None:
        """Move an assignment that had not begun when the decision changed to the new indicatiebesluit (and,
        for a zorgprofiel, its new profile): the same provider and leveringsvorm, a new AW33."""
        vorige = self.zorgprofiel
        self.indicatie_id = indicatie_id
        if self.zorgprofiel is not None and zorgprofiel is not None:
            self.zorgprofiel = reference.lookup(zorgprofiel).code
        tekst = omschrijving if vorige == self.zorgprofiel else f"{omschrijving} ({vorige} wordt {self.zorgprofiel})"
        self.mutatie_vastleggen(code="verplaatst", omschrijving=tekst, datum=self.van, bericht=bericht)

    @property
    def ingetrokken(self) -> dict[str, Any] | None:
        """The withdrawal (history line ``intrekking <COD172>``) when the zorgkantoor withdrew this assignment."""
        return next((m for m in self.mutaties or [] if str(m.get("code", "")).startswith("intrekking")), None)


ROLLEN: dict[str, str] = {
    "beoordelaar": "Beoordelaar zorgkantoor",
    "beheerder": "Beheerder zorgkantoor",
    "aanbieder": "Zorgaanbieder",
    "client": "Cliënt of vertegenwoordiger",
    "zorginkoper": "Zorginkoper zorgkantoor",
}


class Gebruiker:
    """A person or a system that logs in. A provider account carries its AGB code; a client account its file."""

    def __init__(
        self,
        *,
        gebruikersnaam: str,
        naam: str,
        rol: str,
        wachtwoord_hash: str | None,
        agb_code: str | None = None,
        client_id: str | None = None,
        id: str | None = None,
    ):
        if rol not in ROLLEN:
            raise DomainError("Onbekende rol.", "rol")
        if rol == "aanbieder" and not (agb_code and len(agb_code) == 8 and agb_code.isdigit()):
            raise DomainError("Een zorgaanbieder heeft een AGB-code van 8 cijfers.", "agb_code")
        if rol == "client" and not client_id:
            raise DomainError("Een cliëntaccount hoort bij een cliënt.", "client_id")
        self.id = id or nieuw_id()
        self.gebruikersnaam = gebruikersnaam.strip().lower()
        self.naam = naam
        self.rol = rol
        self.wachtwoord_hash = wachtwoord_hash
        self.agb_code = agb_code if rol == "aanbieder" else None
        self.client_id = client_id if rol == "client" else None
        self.actief = True
        self.aangemaakt_op = nu()
        #: raised to end every session of the account (logout, password/role change, deactivation)
        self.session_version = 0
        #: a system's account: no password, no pages, API tokens made by a beheerder
        self.service_account = wachtwoord_hash is None
