"""The zorgkantoor's page gates: the platform's login session and CSRF check (``wlz.platform.gates``,
``wlz.platform.sessions``) with the zorgkantoor's accounts."""

from __future__ import annotations

from fastapi import Request

from wlz.platform.gates import WebGate, WebPublicGate
from wlz.platform.sessions import csrf_token

from ..services import auth
from ..services.actor import Actor

__all__ = ["WebPublic", "WebRoles", "csrf_token", "web_actor"]


class WebRoles(WebGate[Actor]):
    def load_actor(self, request: Request, account_id: str) -> Actor | None:
        with request.app.state.uow() as uow:
            return auth.actor_voor_gebruiker(uow, account_id, "web")


def web_actor(request: Request) -> Actor | None:
    """The logged-in actor of this request's session, or None."""
    return WebRoles().current_actor(request)


class WebPublic(WebPublicGate[Actor]):
    def __init__(self) -> None:
        super().__init__(WebRoles())
