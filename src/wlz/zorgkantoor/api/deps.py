"""API authentication (bearer API tokens, ``wlz.platform.gates.ApiGate``) with the zorgkantoor's accounts."""

from __future__ import annotations

import time
from collections.abc import Callable

from fastapi import Request

from wlz.platform.auth import TOKEN_CACHE_SECONDS, TokenCache
from wlz.platform.gates import ApiGate

from ..services import auth
from ..services.actor import Actor

#: seconds an API token's actor is kept in a server process (see ``wlz.platform.auth.TokenCache``)
ACTOR_CACHE_SECONDS = TOKEN_CACHE_SECONDS


class ActorCache(TokenCache[Actor]):
    """API token (its SHA-256) -> actor, a few seconds (``app.state.api_actors``; emptied when a token is
    revoked). ``clock``: the clock (tests move it)."""

    def __init__(
        self, ttl: float = ACTOR_CACHE_SECONDS, clock: Callable[[], float] = time.monotonic, maximum: int = 10_000
    ) -> None:
        super().__init__(ttl, clock, maximum)


class ApiRoles(ApiGate[Actor]):
    def token_cache(self, request: Request) -> TokenCache[Actor]:
        cache: TokenCache[Actor] = request.app.state.api_actors
        return cache

    def lookup(self, request: Request, token: str) -> Actor | None:
        with request.app.state.uow(single_read=True) as uow:  # one SELECT (see ``Tokens.gebruiker_van_actief_token``)
            return auth.actor_voor_token(uow, token)
