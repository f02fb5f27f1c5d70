"""Web sessions: who is logged in, the role gate for pages, and CSRF protection for every form post."""

from __future__ import annotations

import hmac
import secrets

from fastapi import HTTPException, Request

from ..rechten import Publiek, Rollen
from ..services import auth
from ..services.actor import Actor


def csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if not token:
        token = request.session["csrf"] = secrets.token_urlsafe(32)
    return token


async def controleer_csrf(request: Request) -> None:
    """Every POST from a page carries the session's CSRF token in the form field ``csrf``."""
    if request.method != "POST":
        return
    form = await request.form()
    verwacht = request.session.get("csrf")
    gekregen = form.get("csrf")
    if not verwacht or not isinstance(gekregen, str) or not hmac.compare_digest(verwacht, gekregen):
        raise HTTPException(403, "Het formulier is verlopen of ongeldig (CSRF). Laad de pagina opnieuw.")


def web_actor(request: Request) -> Actor | None:
    uid = request.session.get("uid")
    if not uid:
        return None
    with request.app.state.uow() as uow:
        actor = auth.actor_voor_gebruiker(uow, uid, "web")
    if actor is None:
        request.session.clear()
    return actor


class WebRollen(Rollen):
    async def __call__(self, request: Request) -> Actor:
        actor = web_actor(request)
        if actor is None:
            raise HTTPException(303, "Log eerst in.", headers={"Location": "/inloggen"})
        if actor.rol not in self.rollen:
            raise HTTPException(403, "U heeft geen toegang tot deze pagina.")
        await controleer_csrf(request)
        request.state.actor = actor
        return actor


class WebPubliek(Publiek):
    async def __call__(self, request: Request) -> None:  # type: ignore[override]
        await controleer_csrf(request)
        request.state.actor = web_actor(request) if request.session.get("uid") else None
