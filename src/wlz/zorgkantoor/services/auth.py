"""Accounts, passwords (argon2) and API tokens (stored only as SHA-256 hashes)."""

from __future__ import annotations

import hashlib
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from ..domain.fouten import DomeinFout, NietGevonden
from ..domain.model import ApiToken, Gebruiker, nu
from .actor import Actor
from .autorisatie import vereis

_ph = PasswordHasher()
#: verified against when the user does not exist, so a login takes as long either way
_DUMMY = _ph.hash("niet-bestaand-account")
MIN_WACHTWOORD = 10


def hash_wachtwoord(wachtwoord: str) -> str:
    if len(wachtwoord) < MIN_WACHTWOORD:
        raise DomeinFout(f"Een wachtwoord heeft minstens {MIN_WACHTWOORD} tekens.", "wachtwoord")
    return _ph.hash(wachtwoord)


def controleer(uow, gebruikersnaam: str, wachtwoord: str) -> Gebruiker | None:
    """The user for these credentials, or None. Same answer (and about the same time) for every failure."""
    g = uow.gebruikers.met_naam(gebruikersnaam)
    try:
        _ph.verify(g.wachtwoord_hash if g and g.wachtwoord_hash else _DUMMY, wachtwoord)
    except (VerificationError, InvalidHashError):
        return None
    if g is None or not g.actief or not g.wachtwoord_hash:
        return None
    return g


def maak_gebruiker(uow, actor: Actor, *, gebruikersnaam, naam, rol, wachtwoord=None, agb_code=None, client_id=None):
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


def token_hash(token: str) -> str:
    """How a token is stored and looked up: its SHA-256 (the token itself is never stored)."""
    return hashlib.sha256(token.encode()).hexdigest()


def maak_token(uow, actor: Actor, gebruiker_id: str, naam: str) -> tuple[ApiToken, str]:
    """A new API token for a (system) account. The token itself is returned once and never stored."""
    vereis(actor, "gebruikers.beheren")
    if uow.gebruikers.get(gebruiker_id) is None:
        raise NietGevonden("gebruiker")
    if not naam.strip():
        raise DomeinFout("Geef het token een naam.", "naam")
    token = "wlz_" + secrets.token_urlsafe(32)
    t = ApiToken(gebruiker_id=gebruiker_id, naam=naam.strip(), token_hash=token_hash(token))
    uow.tokens.add(t)
    return t, token


def trek_token_in(uow, actor: Actor, token_id: str) -> None:
    vereis(actor, "gebruikers.beheren")
    from ..domain.model import ApiToken as _T

    t = uow.session.get(_T, token_id)
    if t is None:
        raise NietGevonden("token")
    t.ingetrokken_op = nu()


def actor_voor_token(uow, token: str) -> Actor | None:
    """The actor behind an unrevoked token of an active account (one query; see ``Tokens``)."""
    g = uow.tokens.gebruiker_van_actief_token(token_hash(token))
    return Actor.van(g, "api") if g is not None else None


def actor_voor_gebruiker(uow, gebruiker_id: str, kanaal: str = "web") -> Actor | None:
    g = uow.gebruikers.get(gebruiker_id)
    if g is None or not g.actief:
        return None
    return Actor.van(g, kanaal)
