"""Accounts, passwords and API tokens: the zorgkantoor's use cases on the platform's authentication
(``wlz.platform.auth``: argon2 password hashes, tokens stored only as their SHA-256)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wlz.platform import auth as platform_auth
from wlz.platform import login, throttle
from wlz.platform.auth import ApiToken, token_hash

from ..domain.fouten import AccessDenied, DomainError, NotFound
from ..domain.model import ROLLEN, Gebruiker, nu
from .actor import SYSTEEM, Actor
from .autorisatie import vereis
from .toegang import log

if TYPE_CHECKING:
    from ..storage.uow import UnitOfWork

__all__ = [
    "MIN_WACHTWOORD",
    "actor_voor_gebruiker",
    "actor_voor_token",
    "controleer",
    "deactiveer",
    "hash_wachtwoord",
    "inloggen",
    "maak_gebruiker",
    "maak_token",
    "token_hash",
    "trek_token_in",
    "uitloggen",
    "wijzig_rol",
    "wijzig_wachtwoord",
]

MIN_WACHTWOORD = 10


def hash_wachtwoord(wachtwoord: str) -> str:
    if len(wachtwoord) < MIN_WACHTWOORD:
        raise DomainError(f"Een wachtwoord heeft minstens {MIN_WACHTWOORD} tekens.", "wachtwoord")
    return platform_auth.hash_password(wachtwoord)


def controleer(uow: UnitOfWork, gebruikersnaam: str, wachtwoord: str) -> Gebruiker | None:
    """The user for these credentials, or None. Same answer (and about the same time) for every failure."""
    g = uow.gebruikers.met_naam(gebruikersnaam)
    if not platform_auth.password_matches(g.wachtwoord_hash if g else None, wachtwoord):
        return None
    if g is None or not g.actief:
        return None
    return g


def inloggen(
    uow: UnitOfWork, gebruikersnaam: str, wachtwoord: str, adres: str, beleid: throttle.LoginPolicy
) -> Gebruiker | login.Locked | None:
    """A login attempt from client address ``adres`` through the platform's throttled login
    (``wlz.platform.login``): the account, None (the same for an unknown name and a wrong password), or
    ``Locked`` when this name or address failed too often (the password is then not even checked). Every attempt
    is a line in the access log (no password, no BSN)."""
    g = login.attempt(
        uow.toegangslog, gebruikersnaam, adres, beleid, lambda: controleer(uow, gebruikersnaam, wachtwoord)
    )
    uow.commit()
    return g


def _end_sessions(g: Gebruiker) -> None:
    g.session_version = (g.session_version or 0) + 1


def uitloggen(uow: UnitOfWork, actor: Actor) -> None:
    """Logging out ends every session of the account (also a copied cookie), not only this browser's."""
    g = uow.gebruikers.get(actor.gebruiker_id)
    if g is not None:
        _end_sessions(g)
        log(uow, actor, "uitloggen", f"gebruiker {g.gebruikersnaam}", doel=throttle.LOGIN_PURPOSE)
    uow.commit()


def wijzig_wachtwoord(uow: UnitOfWork, actor: Actor, huidig: str, nieuw: str) -> None:
    """A person changes their own password (the current one is asked again); every session of theirs ends."""
    g = uow.gebruikers.get(actor.gebruiker_id)
    if g is None or g.service_account:
        raise AccessDenied("Dit account heeft geen wachtwoord.")
    if not platform_auth.password_matches(g.wachtwoord_hash, huidig):
        raise DomainError("Het huidige wachtwoord klopt niet.", "huidig")
    g.wachtwoord_hash = hash_wachtwoord(nieuw)
    _end_sessions(g)
    log(uow, actor, "wachtwoord", f"gebruiker {g.gebruikersnaam}", doel=throttle.LOGIN_PURPOSE)
    uow.commit()


def _beheerd(uow: UnitOfWork, actor: Actor, gebruiker_id: str) -> Gebruiker:
    vereis(actor, "gebruikers.beheren")
    g = uow.gebruikers.get(gebruiker_id)
    if g is None:
        raise NotFound("gebruiker")
    return g


def deactiveer(uow: UnitOfWork, actor: Actor, gebruiker_id: str) -> None:
    """A beheerder deactivates an account: its sessions end at once, its tokens stop working."""
    g = _beheerd(uow, actor, gebruiker_id)
    if g.id == actor.gebruiker_id:
        raise DomainError("U kunt uw eigen account niet uitschakelen.", "gebruiker")
    g.actief = False
    _end_sessions(g)
    log(uow, actor, "deactiveren", f"gebruiker {g.gebruikersnaam} ({g.rol})")
    uow.commit()


def wijzig_rol(uow: UnitOfWork, actor: Actor, gebruiker_id: str, rol: str) -> None:
    """A beheerder changes an account's role (within the zorgkantoor's own roles: a provider or client account
    keeps its scope); its sessions end at once."""
    g = _beheerd(uow, actor, gebruiker_id)
    if rol not in ROLLEN:
        raise DomainError("Onbekende rol.", "rol")
    if {rol, g.rol} - {"beoordelaar", "beheerder"}:
        raise DomainError("Alleen tussen beoordelaar en beheerder; maak voor een andere rol een nieuw account.", "rol")
    oud = g.rol
    g.rol = rol
    _end_sessions(g)
    log(uow, actor, "rol wijzigen", f"gebruiker {g.gebruikersnaam}: {oud} naar {rol}")
    uow.commit()


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
        raise DomainError("Deze gebruikersnaam bestaat al.", "gebruikersnaam")
    if client_id is not None and uow.clients.get(client_id) is None:
        raise DomainError("Onbekende cliënt.", "client_id")
    g = Gebruiker(
        gebruikersnaam=gebruikersnaam,
        naam=naam,
        rol=rol,
        wachtwoord_hash=hash_wachtwoord(wachtwoord) if wachtwoord else None,
        agb_code=agb_code,
        client_id=client_id,
    )
    uow.gebruikers.add(g)
    soort = "systeemaccount" if g.service_account else "persoon"
    log(uow, actor, "aanmaken", f"gebruiker {g.gebruikersnaam} ({rol}, {soort})")
    return g


def maak_token(uow: UnitOfWork, actor: Actor, gebruiker_id: str, naam: str) -> tuple[ApiToken, str]:
    """A new API token. The token itself is returned once and never stored; its maker is recorded.

    A beheerder makes tokens for a system's account (``service_account``); a person's token is made by that
    person only, so nobody can act as someone else through the API. The installation's command line
    (``SYSTEEM``: the demo, the set-up of a server) may make any."""
    g = uow.gebruikers.get(gebruiker_id)
    if g is None:
        raise NotFound("gebruiker")
    if actor.gebruiker_id != SYSTEEM.gebruiker_id:
        if g.service_account:
            vereis(actor, "gebruikers.beheren")
        elif g.id != actor.gebruiker_id:
            raise AccessDenied("Een API-token voor een persoonlijk account maakt alleen die persoon zelf.")
    if not naam.strip():
        raise DomainError("Geef het token een naam.", "naam")
    token = platform_auth.new_token()
    t = ApiToken(
        gebruiker_id=gebruiker_id, naam=naam.strip(), token_hash=token_hash(token), aangemaakt_door=actor.gebruiker_id
    )
    uow.tokens.add(t)
    log(uow, actor, "token maken", f"API-token '{t.naam[:80]}' van gebruiker {g.gebruikersnaam}")
    return t, token


def trek_token_in(uow: UnitOfWork, actor: Actor, token_id: str) -> None:
    """A beheerder revokes any token; a person their own."""
    t = uow.tokens.get(token_id)
    if t is None:
        raise NotFound("token")
    if t.gebruiker_id != actor.gebruiker_id and actor.rol != "beheerder":
        raise DomainError("Dit API-token is niet van u; alleen een beheerder trekt het in.", "token")
    t.ingetrokken_op = nu()
    g = uow.gebruikers.get(t.gebruiker_id)
    log(uow, actor, "token intrekken", f"API-token '{t.naam[:80]}' van gebruiker {g.gebruikersnaam if g else '?'}")


def actor_voor_token(uow: UnitOfWork, token: str) -> Actor | None:
    """The actor behind an unrevoked token of an active account (one query; see ``Tokens``)."""
    g = uow.tokens.gebruiker_van_actief_token(token_hash(token))
    return Actor.van(g, "api") if g is not None else None


def actor_voor_gebruiker(uow: UnitOfWork, gebruiker_id: str, kanaal: str = "web") -> Actor | None:
    g = uow.gebruikers.get(gebruiker_id)
    if g is None or not g.actief:
        return None
    return Actor.van(g, kanaal)
