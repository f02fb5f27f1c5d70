"""API authentication (bearer API tokens) and the role gate for API routes."""

from __future__ import annotations

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from ..rechten import Rollen
from ..services import auth
from ..services.actor import Actor

_bearer = HTTPBearer(auto_error=False, description="API-token (wlz_...), aan te maken door een beheerder")


def uow_factory(request: Request):
    return request.app.state.uow


def api_actor(request: Request, cred: HTTPAuthorizationCredentials | None = Depends(_bearer)) -> Actor:
    if cred is None or cred.scheme.lower() != "bearer":
        raise HTTPException(401, "Geen API-token meegestuurd.", headers={"WWW-Authenticate": "Bearer"})
    with request.app.state.uow(een_lezing=True) as uow:  # one SELECT (see ``Tokens.gebruiker_van_actief_token``)
        actor = auth.actor_voor_token(uow, cred.credentials)
    if actor is None:
        raise HTTPException(401, "Ongeldig of ingetrokken API-token.", headers={"WWW-Authenticate": "Bearer"})
    return actor


class ApiRollen(Rollen):
    def __call__(self, actor: Actor = Depends(api_actor)) -> Actor:
        if actor.rol not in self.rollen:
            raise HTTPException(403, "Uw rol heeft geen toegang tot deze functie.")
        return actor
