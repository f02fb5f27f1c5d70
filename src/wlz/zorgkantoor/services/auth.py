"""Accounts, passwords and API tokens: the zorgkantoor's use cases on the platform's authentication
(``wlz.platform.auth``: argon2 password hashes, tokens stored only as their SHA-256)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wlz.platform import auth as platform_auth
from wlz.platform.auth import ApiToken, token_hash

from ..domain.fouten import DomeinFout, NietGevonden
from ..domain.model import Gebruiker, nu
from .actor import Actor
from .autorisatie import vereis

if TYPE_CHECKING:
    from ..storage.uow import UnitOfWork

__all__ = [
    "MIN_WACHTWOORD",
    "actor_voor_gebruiker",
    "actor_voor_token",
    "controleer",
    "hash_wachtwoord",
    "maak_gebruiker",
    "maak_token",
    "token_hash",
    "trek_token_in",
]

MIN_WACHTWOORD = 10


def hash_wachtwoord(wachtwoord: str) -> str:
    if len(wachtwoord) < MIN_WACHTWOORD:
        raise DomeinFout(f"Een wachtwoord heeft minstens {MIN_WACHTWOORD} tekens.", "wachtwoord")
    return platform_auth.hash_password(wachtwoord)


def controleer(uow: UnitOfWork, gebruikersnaam: str, wachtwoord: str) -> Gebruiker | None:
    """The user for these credentials, or None. Same answer (and about the same time) for every failure."""
    g = uow.gebruikers.met_naam(gebruikersnaam)
    if not platform_auth.password_matches(g.wachtwoord_hash if g else None, wachtwoord):
        return None
    if g is None or not g.actief:
        return None
    return g


def maak_gebruiker(
    uow: UnitOfWork,
    actor: Actor,
    *,
    gebruikersnaam: str,
    naam: str,
    rol: str,
    wachtwoord: str | None = None,
    agb_code: str | None = None,
    client_id: str | None = None,
) -> Gebruiker:
    vereis(actor, "gebruikers.beheren")
    if uow.gebruikers.met_naam(gebruikersnaam) is not None:
        raise DomeinFout("Deze gebruikersnaam bestaat al.", "gebruikersnaam")
    if client_id is not None and uow.clients.get(client_id) is None:
        raise DomeinFout("Onbekende cliënt.", "client_id")
    g = Gebruiker(
        gebruikersnaam=gebruikersnaam,
        naam=naam,
        rol=rol,
        wachtwoord_hash=hash_wachtwoord(wachtwoord) if wachtwoord else None,
        agb_code=agb_code,
        client_id=client_id,
    )
    uow.gebruikers.add(g)
    return g


def maak_token(uow: UnitOfWork, actor: Actor, gebruiker_id: str, naam: str) -> tuple[ApiToken, str]:
    """A new API token for a (system) account. The token itself is returned once and never stored."""
    vereis(actor, "gebruikers.beheren")
    if uow.gebruikers.get(gebruiker_id) is None:
        raise NietGevonden("gebruiker")
    if not naam.strip():
        raise DomeinFout("Geef het token een naam.", "naam")
    token = platform_auth.new_token()
    t = ApiToken(gebruiker_id=gebruiker_id, naam=naam.strip(), token_hash=token_hash(token))
    uow.tokens.add(t)
    return t, token


def trek_token_in(uow: UnitOfWork, actor: Actor, token_id: str) -> None:
    vereis(actor, "gebruikers.beheren")
    t = uow.tokens.get(token_id)
    if t is None:
        raise NietGevonden("token")
    t.ingetrokken_op = nu()


def actor_voor_token(uow: UnitOfWork, token: str) -> Actor | None:
    """The actor behind an unrevoked token of an active account (one query; see ``Tokens``)."""
    g = uow.tokens.gebruiker_van_actief_token(token_hash(token))
    return Actor.van(g, "api") if g is not None else None


def actor_voor_gebruiker(uow: UnitOfWork, gebruiker_id: str, kanaal: str = "web") -> Actor | None:
    g = uow.gebruikers.get(gebruiker_id)
    if g is None or not g.actief:
        return None
    return Actor.van(g, kanaal)
