"""Login sessions of the pages and their CSRF protection.

Today a session is Starlette's signed cookie (``wlz_sessie``, 8 hours) holding the account id (``uid``) and
the CSRF token. Every read and write of the session goes through this module (:func:`start`, :func:`end`,
:func:`account_id`), so a server-side session table (revocable sessions, idle and absolute lifetimes) can
replace the cookie's contents here without touching a context.
"""

from __future__ import annotations

import hmac
import secrets

from fastapi import FastAPI, HTTPException, Request
from starlette.middleware.sessions import SessionMiddleware

from .config import AppSettings

COOKIE = "wlz_sessie"
MAX_AGE_SECONDS = 8 * 3600
_ACCOUNT = "uid"
_CSRF = "csrf"


def install(app: FastAPI, settings: AppSettings) -> None:
    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.secret_key,
        session_cookie=COOKIE,
        max_age=MAX_AGE_SECONDS,
        same_site="lax",
        https_only=settings.secure_cookies,
    )


def account_id(request: Request) -> str | None:
    value = request.session.get(_ACCOUNT)
    return str(value) if value else None


def start(request: Request, account: str) -> None:
    """Log ``account`` in: a fresh session (and CSRF token) at login, so no session fixation."""
    request.session.clear()
    request.session[_ACCOUNT] = account


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
