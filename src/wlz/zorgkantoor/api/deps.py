"""API authentication (bearer API tokens) and the role gate for API routes."""

from __future__ import annotations

import time

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool

from ..rechten import Rollen
from ..services import auth
from ..services.actor import Actor

_bearer = HTTPBearer(auto_error=False, description="API-token (wlz_...), aan te maken door een beheerder")

#: seconds an API token's actor is kept in a server process (see ``ActorCache``)
ACTOR_CACHE_SECONDEN = 2.0


class ActorCache:
    """API token (its SHA-256) -> actor, kept a few seconds in this server process.

    Every API request asks who is behind its token; a system reads hundreds of times a second with the same
    token, and the lookup (a pooled connection and a query) was a fifth of the server's CPU per file read.
    Revoking a token through the service empties this process's cache at once (``wis``, after the commit);
    another server process stops accepting the token within ``ttl`` seconds, the longest a revoked token or a
    deactivated account still works. Only valid tokens are kept: an unknown token is looked up every time.
    """

    def __init__(self, ttl: float = ACTOR_CACHE_SECONDEN, klok=time.monotonic, maximum: int = 10_000):
        self.ttl = ttl
        self._klok = klok
        self._maximum = maximum
        self._actoren: dict[str, tuple[Actor, float]] = {}

    def get(self, token_hash: str) -> Actor | None:
        gevonden = self._actoren.get(token_hash)
        if gevonden is None or gevonden[1] <= self._klok():
            return None
        return gevonden[0]

    def zet(self, token_hash: str, actor: Actor) -> None:
        if len(self._actoren) >= self._maximum:  # bounded: many distinct tokens only cost lookups
            self._actoren.clear()
        self._actoren[token_hash] = (actor, self._klok() + self.ttl)

    def wis(self) -> None:
        self._actoren.clear()


def uow_factory(request: Request):
    return request.app.state.uow


def _zoek_actor(uowf, token: str) -> Actor | None:
    with uowf(een_lezing=True) as uow:  # one SELECT (see ``Tokens.gebruiker_van_actief_token``)
        return auth.actor_voor_token(uow, token)


async def api_actor(request: Request, cred: HTTPAuthorizationCredentials | None = Depends(_bearer)) -> Actor:
    """The actor behind the bearer token. Async: a cached actor costs no database work and no thread hand-over;
    only a lookup runs in the thread pool."""
    if cred is None or cred.scheme.lower() != "bearer":
        raise HTTPException(401, "Geen API-token meegestuurd.", headers={"WWW-Authenticate": "Bearer"})
    cache: ActorCache = request.app.state.api_actoren
    sleutel = auth.token_hash(cred.credentials)
    actor = cache.get(sleutel)
    if actor is None:
        actor = await run_in_threadpool(_zoek_actor, request.app.state.uow, cred.credentials)
        if actor is None:
            raise HTTPException(401, "Ongeldig of ingetrokken API-token.", headers={"WWW-Authenticate": "Bearer"})
        cache.zet(sleutel, actor)
    return actor


class ApiRollen(Rollen):
    async def __call__(self, actor: Actor = Depends(api_actor)) -> Actor:  # async: no thread hand-over
        if actor.rol not in self.rollen:
            raise HTTPException(403, "Uw rol heeft geen toegang tot deze functie.")
        return actor
