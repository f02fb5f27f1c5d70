"""The CIZ's accounts: login (argon2 via the platform), accounts and API tokens (only the SHA-256 stored)."""

from __future__ import annotations

from wlz.common.errors import InputError
from wlz.platform import auth as platform_auth
from wlz.platform.auth import new_id, now, token_hash

from ..domain.gebruiker import ROLLEN, Actor, Gebruiker
from ..storage.uow import UnitOfWork
from .toegang import log


def maak_gebruiker(
    uow: UnitOfWork, door: Actor, *, gebruikersnaam: str, naam: str, rol: str, wachtwoord: str | None
) -> Gebruiker:
    """An account (the command line or a test; no page for it yet)."""
    if rol not in ROLLEN:
        raise InputError("rol", f"Onbekende rol {rol!r}.")
    if uow.gebruikers.met_naam(gebruikersnaam) is not None:
        raise InputError("gebruikersnaam", "Deze gebruikersnaam bestaat al.")
    g = Gebruiker(
        gebruikersnaam=gebruikersnaam,
        naam=naam,
        rol=rol,
        wachtwoord_hash=platform_auth.hash_password(wachtwoord) if wachtwoord else None,
    )
    uow.gebruikers.add(g)
    uow.flush()
    log(uow, door, "aanmaken", f"gebruiker {g.gebruikersnaam} ({rol})", "beheer")
    return g


def maak_token(uow: UnitOfWork, door: Actor, gebruiker_id: str, naam: str) -> str:
    token = platform_auth.new_token()
    uow.tokens.add(id=new_id(), gebruiker_id=gebruiker_id, naam=naam, token_hash=token_hash(token), aangemaakt_op=now())
    log(uow, door, "token maken", f"API-token '{naam[:80]}'", "beheer")
    return token


def inloggen(uow: UnitOfWork, gebruikersnaam: str, wachtwoord: str) -> Gebruiker | None:
    g = uow.gebruikers.met_naam(gebruikersnaam)
    ok = platform_auth.password_matches(g.wachtwoord_hash if g else None, wachtwoord)
    if g is None or not ok or not g.actief:
        return None
    log(uow, Actor(g.id, g.gebruikersnaam, g.rol), "inloggen", "sessie", "beheer")
    uow.commit()
    return g


def actor_voor_gebruiker(uow: UnitOfWork, gebruiker_id: str) -> Actor | None:
    g = uow.gebruikers.get(gebruiker_id)
    if g is None or not g.actief:
        return None
    return Actor(g.id, g.gebruikersnaam, g.rol, "web", int(getattr(g, "session_version", 0) or 0))


def actor_voor_token(uow: UnitOfWork, token: str) -> Actor | None:
    found = uow.tokens.actief_account(token_hash(token))
    return None if found is None else Actor(found[0], found[1], found[2], "api")
