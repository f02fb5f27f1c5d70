"""The CIZ's accounts: login (argon2 via the platform), accounts and API tokens (only the SHA-256 stored), the
beheerder's account management (create, deactivate, change role, place in a team) and the revocation of sessions.

Sessions are revoked through the platform's session version (``gebruikers.session_version``,
``wlz.platform.sessions``): deactivating an account, changing its role, changing its password and logging out
raise it, and the page gate ends every session whose version is behind (also a copied cookie)."""

from __future__ import annotations

from wlz.common.errors import InputError
from wlz.platform import auth as platform_auth
from wlz.platform import login
from wlz.platform.auth import new_id, now, token_hash
from wlz.platform.login import Locked
from wlz.platform.throttle import LoginPolicy

from ..domain.gebruiker import PERSOONSROLLEN, ROLLEN, Actor, Gebruiker, Rol, Teamlid
from ..storage.uow import UnitOfWork
from .toegang import NietGevonden, log, vereis

#: the same minimum as the zorgkantoor's accounts (``wlz.zorgkantoor.services.auth``)
MIN_WACHTWOORD = 12
BEHEER = "beheer"


def _hash(wachtwoord: str, veld: str = "wachtwoord") -> str:
    if len(wachtwoord) < MIN_WACHTWOORD:
        raise InputError(veld, f"Een wachtwoord heeft minstens {MIN_WACHTWOORD} tekens.")
    return platform_auth.hash_password(wachtwoord)


def _end_sessions(g: Gebruiker) -> None:
    g.session_version = int(g.session_version or 0) + 1


def maak_gebruiker(
    uow: UnitOfWork, door: Actor, *, gebruikersnaam: str, naam: str, rol: str, wachtwoord: str | None
) -> Gebruiker:
    """An account (the command line, the demo, a test; the beheerder's page goes through :func:`nieuw_account`)."""
    if rol not in ROLLEN:
        raise InputError("rol", f"Onbekende rol {rol!r}.")
    if not gebruikersnaam.strip() or len(gebruikersnaam.strip()) > 100:
        raise InputError("gebruikersnaam", "Geef een gebruikersnaam van 1 tot 100 tekens.")
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


def _controleer(uow: UnitOfWork, gebruikersnaam: str, wachtwoord: str) -> Gebruiker | None:
    """The active account for these credentials, or None (about the same time for every failure)."""
    g = uow.gebruikers.met_naam(gebruikersnaam)
    ok = platform_auth.password_matches(g.wachtwoord_hash if g else None, wachtwoord)
    if g is None or not ok or not g.actief:
        return None
    return g


def inloggen(
    uow: UnitOfWork, gebruikersnaam: str, wachtwoord: str, adres: str, beleid: LoginPolicy
) -> Gebruiker | Locked | None:
    """A login attempt from ``adres`` through the platform's throttled login (``wlz.platform.login``, the same as
    the zorgkantoor's and the pgb administration's): the account, None (the same for an unknown name and a wrong
    password), or ``Locked`` while this name or address is locked. Every attempt is an access-log line."""
    g = login.attempt(
        uow.toegangslog, gebruikersnaam, adres, beleid, lambda: _controleer(uow, gebruikersnaam, wachtwoord)
    )
    uow.commit()
    return g


def actor_voor_gebruiker(uow: UnitOfWork, gebruiker_id: str) -> Actor | None:
    g = uow.gebruikers.get(gebruiker_id)
    if g is None or not g.actief:
        return None
    return Actor(g.id, g.gebruikersnaam, g.rol, "web", int(g.session_version or 0))


def nieuw_account(
    uow: UnitOfWork,
    actor: Actor,
    *,
    gebruikersnaam: str,
    naam: str,
    rol: str,
    wachtwoord: str,
    eenheid: str = "",
    team: str = "",
) -> Gebruiker:
    """The beheerder creates a person's account (a role a person logs in with; an indicatiesteller in a team)."""
    vereis(actor, "gebruikers.beheren")
    if rol not in PERSOONSROLLEN:
        raise InputError("rol", "Kies indicatiesteller, kwaliteitstoetser of beheerder.")
    if not naam.strip():
        raise InputError("naam", "Vul de naam in.")
    hash_ = _hash(wachtwoord)
    g = maak_gebruiker(uow, actor, gebruikersnaam=gebruikersnaam, naam=naam.strip()[:200], rol=rol, wachtwoord=None)
    g.wachtwoord_hash = hash_
    if eenheid.strip() or team.strip() or rol == Rol.INDICATIESTELLER:
        uow.teamleden.zet(g.id, eenheid, team)
    uow.commit()
    return g


def _account(uow: UnitOfWork, gebruiker_id: str) -> Gebruiker:
    g = uow.gebruikers.get(gebruiker_id)
    if g is None:
        raise NietGevonden("gebruiker")
    return g


def wijzig_rol(uow: UnitOfWork, actor: Actor, gebruiker_id: str, rol: str) -> Gebruiker:
    """A new role ends every session of the account (its rights changed)."""
    vereis(actor, "gebruikers.beheren")
    g = _account(uow, gebruiker_id)
    if rol not in PERSOONSROLLEN or g.rol == Rol.SYSTEEM:
        raise InputError("rol", "Kies indicatiesteller, kwaliteitstoetser of beheerder (niet voor een systeemaccount).")
    if g.id == actor.gebruiker_id:
        raise InputError("rol", "U kunt uw eigen rol niet wijzigen.")
    oud, g.rol = g.rol, rol
    _end_sessions(g)
    log(uow, actor, "wijzigen", f"rol van gebruiker {g.gebruikersnaam}: {oud} -> {rol}", BEHEER)
    uow.commit()
    return g


def deactiveer(uow: UnitOfWork, actor: Actor, gebruiker_id: str) -> Gebruiker:
    """An inactive account logs in no more; its sessions end at once (its API tokens stop too: the token lookup
    asks for an active account)."""
    vereis(actor, "gebruikers.beheren")
    g = _account(uow, gebruiker_id)
    if g.id == actor.gebruiker_id:
        raise InputError("actief", "U kunt uw eigen account niet deactiveren.")
    g.actief = False
    _end_sessions(g)
    log(uow, actor, "wijzigen", f"gebruiker {g.gebruikersnaam} gedeactiveerd", BEHEER)
    uow.commit()
    return g


def zet_in_team(uow: UnitOfWork, actor: Actor, gebruiker_id: str, eenheid: str, team: str) -> Teamlid:
    vereis(actor, "gebruikers.beheren")
    g = _account(uow, gebruiker_id)
    t = uow.teamleden.zet(g.id, eenheid, team)
    log(uow, actor, "wijzigen", f"gebruiker {g.gebruikersnaam} in team {t.label}", BEHEER)
    uow.commit()
    return t


def accounts(uow: UnitOfWork, actor: Actor) -> list[tuple[Gebruiker, Teamlid | None]]:
    vereis(actor, "gebruikers.beheren")
    teams = uow.teamleden.alle()
    lijst = [(g, teams.get(g.id)) for g in uow.gebruikers.alle()]
    log(uow, actor, "lezen", f"gebruikers ({len(lijst)})", BEHEER)
    uow.commit()
    return lijst


def wijzig_wachtwoord(uow: UnitOfWork, actor: Actor, huidig: str, nieuw: str) -> None:
    """A person changes their own password (the current one asked again); every session of theirs ends."""
    g = uow.gebruikers.get(actor.gebruiker_id)
    if g is None or g.rol == Rol.SYSTEEM or g.wachtwoord_hash is None:
        raise InputError("huidig", "Dit account heeft geen wachtwoord.")
    if not platform_auth.password_matches(g.wachtwoord_hash, huidig):
        raise InputError("huidig", "Het huidige wachtwoord klopt niet.")
    g.wachtwoord_hash = _hash(nieuw, "nieuw")
    _end_sessions(g)
    log(uow, actor, "wijzigen", "eigen wachtwoord", BEHEER)
    uow.commit()


def uitloggen(uow: UnitOfWork, actor: Actor) -> None:
    """Logging out ends every session of the account (also a copied cookie), not only this browser's."""
    g = uow.gebruikers.get(actor.gebruiker_id)
    if g is not None:
        _end_sessions(g)
        log(uow, actor, "uitloggen", "sessie", BEHEER)
    uow.commit()


def actor_voor_token(uow: UnitOfWork, token: str) -> Actor | None:
    found = uow.tokens.actief_account(token_hash(token))
    return None if found is None else Actor(found[0], found[1], found[2], "api")
