"""Who is acting: the logged-in person or the system behind an API token."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


class Account(Protocol):
    """An account as read from storage: a ``Gebruiker`` or the token lookup's row."""

    @property
    def id(self) -> str: ...
    @property
    def gebruikersnaam(self) -> str: ...
    @property
    def naam(self) -> str: ...
    @property
    def rol(self) -> str: ...
    @property
    def agb_code(self) -> str | None: ...
    @property
    def client_id(self) -> str | None: ...


@dataclass(frozen=True)
class Actor:
    gebruiker_id: str
    gebruikersnaam: str
    naam: str
    rol: str
    agb_code: str | None = None
    client_id: str | None = None
    kanaal: str = "web"  # web | api | cli
    #: the account's session version when read (a page session of an older version has ended)
    session_version: int = 0

    @classmethod
    def van(cls, gebruiker: Account, kanaal: str) -> Actor:
        return cls(
            gebruiker_id=gebruiker.id,
            gebruikersnaam=gebruiker.gebruikersnaam,
            naam=gebruiker.naam,
            rol=gebruiker.rol,
            agb_code=gebruiker.agb_code,
            client_id=gebruiker.client_id,
            kanaal=kanaal,
            session_version=getattr(gebruiker, "session_version", 0),
        )


#: The demo command and migrations act as this system actor (logged as such).
SYSTEEM = Actor(gebruiker_id="systeem", gebruikersnaam="systeem", naam="Systeem", rol="beheerder", kanaal="cli")
