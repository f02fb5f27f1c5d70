"""The CIZ's own accounts and roles: a separate organisation with its own users (not the zorgkantoor's).

Roles: ``indicatiesteller`` (work list, assessment, decision), ``kwaliteitstoetser`` (reads decisions and the
dashboard for the quality sample), ``systeem`` (an API account of a partner system). The aanvrager has no
account: the public form needs no login.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass


class Rol:
    INDICATIESTELLER = "indicatiesteller"
    KWALITEITSTOETSER = "kwaliteitstoetser"
    SYSTEEM = "systeem"


ROLLEN = (Rol.INDICATIESTELLER, Rol.KWALITEITSTOETSER, Rol.SYSTEEM)

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
