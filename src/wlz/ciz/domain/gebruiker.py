"""The CIZ's own accounts and roles: a separate organisation with its own users (not the zorgkantoor's).

Roles: ``indicatiesteller`` (work list, assessment, decision), ``kwaliteitstoetser`` (reads decisions and the
dashboard for the quality sample), ``beheerder`` (the accounts: create, deactivate, change role, team),
``systeem`` (an API account of a partner system). Indicatiestellers belong to a team, an organisational unit
below the unit (seed 003 r.68-74: feedback to "de vier units, de onderscheiden teams en … de individuele
medewerkers"). The aanvrager has no
account: the public form needs no login.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass

from wlz.common.errors import InputError


class Rol:
    INDICATIESTELLER = "indicatiesteller"
    KWALITEITSTOETSER = "kwaliteitstoetser"
    BEHEERDER = "beheerder"
    SYSTEEM = "systeem"


ROLLEN = (Rol.INDICATIESTELLER, Rol.KWALITEITSTOETSER, Rol.BEHEERDER, Rol.SYSTEEM)
#: the CIZ's four units (seed 003 r.68-74 names four; their names here are voorbeeld)
EENHEDEN = ("Noord", "Oost", "Zuid", "West")
#: the roles a person logs in with (the beheerder's page offers these; ``systeem`` is an API account)
PERSOONSROLLEN = (Rol.INDICATIESTELLER, Rol.KWALITEITSTOETSER, Rol.BEHEERDER)

#: what each role may do (the service layer checks it again after the route gate)
RECHTEN: dict[str, frozenset[str]] = {
    "aanvraag.lezen": frozenset({Rol.INDICATIESTELLER, Rol.KWALITEITSTOETSER}),
    "aanvraag.beoordelen": frozenset({Rol.INDICATIESTELLER}),
    "aanvraag.beslissen": frozenset({Rol.INDICATIESTELLER}),
    "dashboard.lezen": frozenset({Rol.INDICATIESTELLER, Rol.KWALITEITSTOETSER}),
    "werkvoorraad.lezen": frozenset({Rol.INDICATIESTELLER, Rol.SYSTEEM}),
    "kwaliteit.toetsen": frozenset({Rol.KWALITEITSTOETSER}),
    "maatwerk.vastleggen": frozenset({Rol.INDICATIESTELLER}),
    "maatwerk.lezen": frozenset({Rol.INDICATIESTELLER, Rol.KWALITEITSTOETSER, Rol.SYSTEEM}),
    "aanvraag.herzien": frozenset({Rol.KWALITEITSTOETSER, Rol.INDICATIESTELLER}),
    "aanvraag.intrekken": frozenset({Rol.INDICATIESTELLER}),
    "aanvraag.opschorten": frozenset({Rol.INDICATIESTELLER}),
    "gebruikers.beheren": frozenset({Rol.BEHEERDER}),
}


class Gebruiker:
    """An account of the CIZ (table ``gebruikers`` of the CIZ's own database)."""

    def __init__(self, *, gebruikersnaam: str, naam: str, rol: str, wachtwoord_hash: str | None) -> None:
        self.id = secrets.token_hex(8)
        self.gebruikersnaam = gebruikersnaam.strip().lower()
        self.naam = naam
        self.rol = rol
        self.wachtwoord_hash = wachtwoord_hash
        self.actief = True
        self.aangemaakt_op = dt.datetime.now(dt.UTC)
        #: raised to end every session of the account (``wlz.platform.sessions``)
        self.session_version = 0


class Teamlid:
    """An account's place in the organisation (table ``teamleden``): the unit and the team within it."""

    def __init__(self, *, gebruiker_id: str, eenheid: str, team: str) -> None:
        eenheid, team = eenheid.strip(), team.strip()
        if not eenheid:
            raise InputError("eenheid", "Kies de unit van het team.")
        if not team:
            raise InputError("team", "Geef de naam van het team.")
        self.gebruiker_id = gebruiker_id
        self.eenheid = eenheid[:40]
        self.team = team[:40]

    @property
    def label(self) -> str:
        """``Oost / team 2``: a team is named within its unit."""
        return f"{self.eenheid} / {self.team}"


@dataclass(frozen=True)
class Actor:
    """Who acts, as the services and the access log see it."""

    gebruiker_id: str
    gebruikersnaam: str
    rol: str
    kanaal: str = "web"
    #: the account's session version (``wlz.platform.sessions``: a raise ends its sessions)
    session_version: int = 0


#: the public form (no login) and the command line act as these
AANVRAGER = Actor("", "aanvrager (openbaar formulier)", "aanvrager", "web")
SYSTEEM = Actor("", "systeem", "systeem", "cli")
