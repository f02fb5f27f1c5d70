"""Server-rendered Dutch pages (Jinja2) on the platform's page shell, login sessions and CSRF protection."""

from __future__ import annotations

from fastapi import FastAPI


def install(app: FastAPI) -> None:
    from .berichten import router as berichten_router
    from .brieven import router as brieven_router
    from .inkoop import router as inkoop_router
    from .pages import router

    app.include_router(router)
    app.include_router(berichten_router)
    app.include_router(brieven_router)
    app.include_router(inkoop_router)
