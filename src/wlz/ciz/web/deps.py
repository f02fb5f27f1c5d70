"""The page gate of the CIZ: the logged-in account of the CIZ's own database."""

from __future__ import annotations

from fastapi import Request

from wlz.platform.gates import WebGate

from ..domain.gebruiker import Actor
from ..services import auth


class Pagina(WebGate[Actor]):
    def load_actor(self, request: Request, account_id: str) -> Actor | None:
        with request.app.state.uow(single_read=True) as uow:
            return auth.actor_voor_gebruiker(uow, account_id)
