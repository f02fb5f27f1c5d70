"""The CIZ's application factory: the platform's app (``create_base_app``) on the CIZ's own database, its
pages and /api, its domain errors (InputError -> 422 naming the field)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import Response
from sqlalchemy.engine import Engine

from wlz.common.errors import InputError
from wlz.platform.app import ErrorAnswer, ErrorPresentation, create_base_app, install_errors
from wlz.platform.auth import TokenCache

from .config import Settings
from .koppeling.bezorging import Bezorger, HttpClient
from .services.toegang import GeenToegang, NietGevonden
from .storage import migrate
from .storage.uow import UnitOfWorkFactory

TITLE = "wlz CIZ"
DESCRIPTION = "Indicatiestelling Wet langdurige zorg: aanvragen, beoordeling, besluit, IO31 aan het zorgkantoor."

DOMAIN_ERRORS: dict[type[Exception], Callable[[Any], ErrorAnswer]] = {
    NietGevonden: lambda exc: ErrorAnswer(404, "Niet gevonden."),
    GeenToegang: lambda exc: ErrorAnswer(403, "U heeft geen toegang tot deze functie."),
    InputError: lambda exc: ErrorAnswer(
        409 if exc.veld == "status" else 422, exc.melding + (f" ({exc.regel})" if exc.regel else ""), exc.veld
    ),
}


def create_app(
    settings: Settings | None = None, *, engine: Engine | None = None, zorgkantoor: HttpClient | None = None
) -> FastAPI:
    """``zorgkantoor``: the HTTP client the IO31 goes through (tests: the zorgkantoor's app in-process);
    otherwise an ``httpx.Client`` on ``WLZ_CIZ_ZORGKANTOOR_URL`` when it is set."""
    settings = settings or Settings.from_env()
    app = create_base_app(settings, title=TITLE, description=DESCRIPTION, engine=engine)
    if settings.migrate_on_start:
        migrate.upgrade(app.state.engine)
    app.state.uow = UnitOfWorkFactory(app.state.engine)
    app.state.tokens = TokenCache()
    app.state.bezorger = None
    if zorgkantoor is None and settings.zorgkantoor_url:
        import httpx

        zorgkantoor = httpx.Client(base_url=settings.zorgkantoor_url, timeout=30)
    if zorgkantoor is not None and settings.zorgkantoor_token:
        app.state.bezorger = Bezorger(zorgkantoor, settings.zorgkantoor_token)
    from .api.routes import router as api_router
    from .web.pages import foutpagina
    from .web.pages import router as web_router

    app.include_router(api_router, prefix="/api")
    app.include_router(web_router)

    def page_line(errors: Sequence[Any]) -> str:
        return " ".join(f"{'.'.join(str(x) for x in e['loc'][1:])}: {e['msg']}" for e in errors)

    def api_details(errors: Sequence[Any]) -> list[dict[str, Any]]:
        return [{"loc": list(e["loc"]), "msg": e["msg"], "type": e["type"]} for e in errors]

    def page(request: Request, status: int, message: str) -> Response:
        return foutpagina(request, status, message)

    install_errors(app, ErrorPresentation(page=page, api_details=api_details, page_line=page_line), DOMAIN_ERRORS)
    return app
