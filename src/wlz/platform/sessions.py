"""Login sessions of the pages and their CSRF protection, revocable on the server.

A session is Starlette's signed cookie (``wlz_sessie``) holding the account id (``uid``), the account's
session version at login (``v``), the login time (``t0``), the time of the last request (``t``) and the CSRF
token. The server keeps, per account, a session version (``gebruikers.session_version``): logging out,
changing the password, deactivating the account or changing its role raises it, and every request compares
(:class:`wlz.platform.gates.WebGate`), so every session of that account, also a copied cookie, ends at once.
A session also ends after ``session_idle_minutes`` without a request and ``session_max_hours`` after login
(``AppSettings``; OWASP ASVS 3.3.1, 3.3.2, 3.3.3). The times are in the signed cookie, so they cannot be
moved by the browser; the version on the server makes the cookie worthless once revoked.

Every read and write of the session goes through this module (:func:`start`, :func:`end`, :func:`current`).
"""

from __future__ import annotations

import hmac
import secrets
import time
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from starlette.middleware.sessions import SessionMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

from .config import AppSettings

COOKIE = "wlz_sessie"
_ACCOUNT = "uid"
_VERSION = "v"
_STARTED = "t0"
_SEEN = "t"
_CSRF = "csrf"
#: the last-request time is written back at most this often (seconds): the idle timeout's resolution
_TOUCH_SECONDS = 15


class PageSessions:
    """Starlette's ``SessionMiddleware`` for the pages only. The API authenticates by bearer token and never reads
    the session: a request under ``skip_prefix`` (``/api``) passes by, so the cookie is neither parsed, verified
    nor written back (several per cent of the server's CPU of an API read, with a browser's cookie or without)."""

    def __init__(self, app: ASGIApp, /, skip_prefix: str, **options: Any) -> None:
        self.app = app
        self.skip_prefix = skip_prefix
        self.sessions = SessionMiddleware(app, **options)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] == "http" and (path == self.skip_prefix or path.startswith(self.skip_prefix + "/")):
            await self.app(scope, receive, send)
        else:
            await self.sessions(scope, receive, send)


def install(app: FastAPI, settings: AppSettings, api_prefix: str = "/api") -> None:
    app.add_middleware(
        PageSessions,
        skip_prefix=api_prefix,
        secret_key=settings.secret_key,
        session_cookie=COOKIE,
        max_age=settings.session_max_hours * 3600,
        same_site="lax",
        https_only=settings.secure_cookies,
    )


def _settings(request: Request) -> AppSettings:
    settings: AppSettings = request.app.state.settings
    return settings


def current(request: Request, clock: float | None = None) -> tuple[str, int] | None:
    """The session's account id and session version, or None: no login, or the session is past its idle
    timeout or absolute lifetime (then it is cleared)."""
    value = request.session.get(_ACCOUNT)
    if not value:
        return None
    now = time.time() if clock is None else clock
    settings = _settings(request)
    started = request.session.get(_STARTED)
    seen = request.session.get(_SEEN)
    if (
        not isinstance(started, int | float)
        or not isinstance(seen, int | float)
        or now - started > settings.session_max_hours * 3600
        or now - seen > settings.session_idle_minutes * 60
    ):
        end(request)
        return None
    version = request.session.get(_VERSION)
    return str(value), int(version) if isinstance(version, int) else -1


def touch(request: Request, clock: float | None = None) -> None:
    """Note this request's time (the idle timeout counts from the last request)."""
    now = time.time() if clock is None else clock
    seen = request.session.get(_SEEN)
    if not isinstance(seen, int | float) or now - seen >= _TOUCH_SECONDS:
        request.session[_SEEN] = int(now)


def account_id(request: Request) -> str | None:
    found = current(request)
    return found[0] if found else None


def start(request: Request, account: str, version: int = 0) -> None:
    """Log ``account`` in: a fresh session (and CSRF token) at login, so no session fixation; ``version``: the
    account's session version now (a later raise ends this session)."""
    request.session.clear()
    now = int(time.time())
    request.session.update({_ACCOUNT: account, _VERSION: version, _STARTED: now, _SEEN: now})


def end(request: Request) -> None:
    request.session.clear()


def csrf_token(request: Request) -> str:
    token = request.session.get(_CSRF)
    if not token:
        token = request.session[_CSRF] = secrets.token_urlsafe(32)
    return str(token)


async def check_csrf(request: Request) -> None:
    """Every POST from a page carries the session's CSRF token in the form field ``csrf``."""
    if request.method != "POST":
        return
    form = await request.form()
    expected = request.session.get(_CSRF)
    received = form.get(_CSRF)
    if not expected or not isinstance(received, str) or not hmac.compare_digest(expected, received):
        raise HTTPException(403, "Het formulier is verlopen of ongeldig (CSRF). Laad de pagina opnieuw.")
