"""The API gate of the CIZ: the actor behind a bearer token of the CIZ's own accounts."""

from __future__ import annotations

from fastapi import Request

from wlz.platform.auth import TokenCache
from wlz.platform.gates import ApiGate

from ..domain.gebruiker import Actor
from ..services import auth


class Api(ApiGate[Actor]):
    def token_cache(self, request: Request) -> TokenCache[Actor]:
        cache: TokenCache[Actor] = request.app.state.tokens
        return cache

    def lookup(self, request: Request, token: str) -> Actor | None:
        with request.app.state.uow(single_read=True) as uow:
            return auth.actor_voor_token(uow, token)
