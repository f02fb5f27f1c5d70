"""Route-level declaration of who may call a route, and the gates that check it for pages and the API.

Every route carries exactly one gate as a dependency: a :class:`Roles` (the roles allowed: :class:`WebGate`
for pages, :class:`ApiGate` for the API) or a :class:`Public` (no login). A context's authorization test
walks all routes of its app (:func:`all_routes`, :func:`declared_gate`) and fails on a route that declares
neither, so a new route cannot slip through unchecked. The route gate is the first line; a context's service
layer checks the same permissions again, plus the scope of the actor.
"""

from __future__ import annotations

from typing import Any, Generic, Protocol, TypeVar

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.routing import APIRoute
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool
from starlette.routing import BaseRoute

from . import sessions
from .auth import TokenCache, token_hash


class HasRole(Protocol):
    @property
    def rol(self) -> str: ...
    @property
    def session_version(self) -> int: ...


A = TypeVar("A", bound=HasRole)


class Roles:
    """Base of the route gates: the roles allowed."""

    def __init__(self, *roles: str) -> None:
        self.roles = frozenset(roles)


class Public:
    """Marks a route meant for everyone (login page, public pages, health)."""

    def __call__(self) -> None:
        return None


# --- pages ---------------------------------------------------------------------------------------------------
class WebGate(Roles, Generic[A]):
    """A page for these roles: the logged-in actor (``load_actor``), else a redirect to ``LOGIN_URL``; a POST
    must carry the session's CSRF token. The actor is also kept on ``request.state.actor`` for the page shell."""

    LOGIN_URL = "/inloggen"

    def load_actor(self, request: Request, account_id: str) -> A | None:
        """The active account ``account_id`` as an actor, or None (the context's lookup)."""
        raise NotImplementedError

    def current_actor(self, request: Request) -> A | None:
        """The session's actor. A session past its idle or absolute lifetime, of an account that is gone or
        inactive, or whose account's session version moved on (logout, password or role change, deactivation:
        ``wlz.platform.sessions``) is cleared: no actor."""
        found = sessions.current(request)
        if found is None:
            return None
        account_id, version = found
        actor = self.load_actor(request, account_id)
        if actor is None or actor.session_version != version:
            sessions.end(request)
            return None
        sessions.touch(request)
        return actor

    async def __call__(self, request: Request) -> A:
        actor = self.current_actor(request)
        if actor is None:
            raise HTTPException(303, "Log eerst in.", headers={"Location": self.LOGIN_URL})
        if actor.rol not in self.roles:
            raise HTTPException(403, "U heeft geen toegang tot deze pagina.")
        await sessions.check_csrf(request)
        request.state.actor = actor
        return actor


class WebPublicGate(Public, Generic[A]):
    """A public page: a POST still carries the CSRF token; the actor (if logged in) is kept for the shell."""

    def __init__(self, gate: WebGate[A]) -> None:
        self._gate = gate

    async def __call__(self, request: Request) -> None:  # type: ignore[override]
        await sessions.check_csrf(request)
        request.state.actor = self._gate.current_actor(request)


# --- API -----------------------------------------------------------------------------------------------------
bearer = HTTPBearer(auto_error=False, description="API-token (wlz_...), aan te maken door een beheerder")


class ApiGate(Roles, Generic[A]):
    """An API route for these roles: the actor behind the bearer token. Async: a cached actor costs no database
    work and no thread hand-over; only a lookup (``lookup``, a context's one query) runs in the threadpool."""

    def token_cache(self, request: Request) -> TokenCache[A]:
        """The server process's cache of token actors (the context keeps it on ``app.state``)."""
        raise NotImplementedError

    def lookup(self, request: Request, token: str) -> A | None:
        """The actor behind an unrevoked token of an active account, or None."""
        raise NotImplementedError

    async def actor(self, request: Request, cred: HTTPAuthorizationCredentials | None) -> A:
        if cred is None or cred.scheme.lower() != "bearer":
            raise HTTPException(401, "Geen API-token meegestuurd.", headers={"WWW-Authenticate": "Bearer"})
        cache = self.token_cache(request)
        key = token_hash(cred.credentials)
        actor = cache.get(key)
        if actor is None:
            actor = await run_in_threadpool(self.lookup, request, cred.credentials)
            if actor is None:
                raise HTTPException(401, "Ongeldig of ingetrokken API-token.", headers={"WWW-Authenticate": "Bearer"})
            cache.put(key, actor)
        return actor

    async def __call__(self, request: Request, cred: HTTPAuthorizationCredentials | None = Depends(bearer)) -> A:
        actor = await self.actor(request, cred)
        if actor.rol not in self.roles:
            raise HTTPException(403, "Uw rol heeft geen toegang tot deze functie.")
        return actor


# --- checking the declarations -------------------------------------------------------------------------------
def declared_gate(route: APIRoute) -> Roles | Public | None:
    """The gate a route declares, found among its (nested) dependencies."""
    stack = [route.dependant]
    while stack:
        dep = stack.pop()
        if isinstance(dep.call, Roles | Public):
            return dep.call
        stack.extend(dep.dependencies)
    return None


def all_routes(app: FastAPI) -> list[tuple[str, APIRoute]]:
    """Every endpoint route of the app with its full path, also inside included routers (FastAPI may keep
    included routers as one nested entry in ``app.routes``)."""
    out: list[tuple[str, APIRoute]] = []

    def walk(routes: list[BaseRoute], prefix: str) -> None:
        for r in routes:
            if isinstance(r, APIRoute):
                out.append((prefix + r.path, r))
            elif hasattr(r, "original_router"):
                inner: Any = r
                walk(inner.original_router.routes, prefix + getattr(inner.include_context, "prefix", ""))

    walk(app.routes, "")
    return out
