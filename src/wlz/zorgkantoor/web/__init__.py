"""Server-rendered Dutch pages (Jinja2) with login sessions and CSRF protection."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware

STATIC = Path(__file__).parent / "static"


def install(app: FastAPI, settings) -> None:
    from .pages import router

    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.secret_key,
        session_cookie="wlz_sessie",
        max_age=8 * 3600,
        same_site="lax",
        https_only=settings.secure_cookies,
    )
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(router)
    from .berichten import router as berichten_router

    app.include_router(berichten_router)
    from .brieven import router as brieven_router

    app.include_router(brieven_router)
