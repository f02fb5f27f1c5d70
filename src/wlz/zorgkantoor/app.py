"""The zorgkantoor's application factory: ``create_app(settings)`` builds the FastAPI app (pages + /api) on one
database, starting from the platform's app (``wlz.platform.app.create_base_app``: OpenAPI, NUL check, error
answers, sessions, static files) and registering the zorgkantoor's routers, pages and domain errors.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import Response
from sqlalchemy.engine import Engine

from wlz.platform.app import ErrorAnswer, ErrorPresentation, create_base_app, install_errors

from .adapters.rules_process import TimeBudgetExceeded, set_helper_priority, set_time_budget
from .config import Settings
from .domain.fouten import AccessDenied, DomainError, NotFound, api_errors, translate_errors
from .storage import migrate, repository
from .storage.uow import UnitOfWorkFactory

__all__ = ["create_app"]

TITLE = "wlz zorgkantoor"
DESCRIPTION = (
    "Zorgkantoorservice voor de Wet langdurige zorg: cliënten, indicaties, zorgtoewijzing, "
    "één intake voor alle extra zorg en besluiten. API-toegang met een API-token (Bearer)."
)

#: how the domain's refusals read at the edge (pages and API alike)
DOMAIN_ERRORS: dict[type[Exception], Callable[[Any], ErrorAnswer]] = {
    NotFound: lambda exc: ErrorAnswer(404, "Niet gevonden."),
    AccessDenied: lambda exc: ErrorAnswer(403, "U heeft geen toegang tot deze functie."),
    DomainError: lambda exc: ErrorAnswer(409 if exc.veld == "status" else 422, exc.bericht, exc.veld),
    TimeBudgetExceeded: lambda exc: ErrorAnswer(503, f"{exc} Maak de periode korter of probeer het later opnieuw."),
}


def create_app(settings: Settings | None = None, *, engine: Engine | None = None) -> FastAPI:
    settings = settings or Settings.from_env()
    app = create_base_app(settings, title=TITLE, description=DESCRIPTION, engine=engine)
    _prepare(app, settings)
    _include_api(app)
    _include_pages(app)
    if settings.hot_reads:
        from .api import hot

        hot.install(app)
    return app


def _prepare(app: FastAPI, settings: Settings) -> None:
    """The database at its newest version (a server), the units of work, the rules' helper process."""
    engine: Engine = app.state.engine
    if settings.migrate_on_start:
        migrate.upgrade(engine)
    set_time_budget(settings.rules_time_budget_seconds)
    set_helper_priority(settings.helper_nice)
    repository.PROVIDER_ACCESS_DAYS[0] = settings.provider_access_days
    if settings.helper_process:
        from .adapters import rules_engine

        rules_engine.use_helper_process()
        from .adapters import letters

        threading.Thread(target=letters.warm_up, name="weasyprint-import", daemon=True).start()
        if settings.server_nice:
            # after the helper has started (it keeps the priority it started with): the submissions' evaluations
            # come before this process's reads when the CPU is busy (see adapters.rules_process)
            os.nice(settings.server_nice)
    app.state.uow = UnitOfWorkFactory(engine)
    from .api.deps import ActorCache

    app.state.api_actors = ActorCache()  # API token -> actor, a few seconds (emptied when a token is revoked)


def _include_api(app: FastAPI) -> None:
    from .api.brieven import router as brieven_router
    from .api.declaraties import router as declaraties_router
    from .api.inkoop import router as inkoop_router
    from .api.io31_batch import router as io31_batch_router
    from .api.iwlz import router as iwlz_router
    from .api.pgb_export import router as pgb_export_router
    from .api.routes import router as api_router
    from .api.schemas import FOUTEN

    # every API router documents the same error answers in the OpenAPI (checked by tests/zorgkantoor/test_fuzz_api.py)
    for router in (
        api_router,
        iwlz_router,
        io31_batch_router,
        brieven_router,
        inkoop_router,
        pgb_export_router,
        declaraties_router,
    ):
        app.include_router(router, prefix="/api", responses=FOUTEN)


def _page_line(errors: Sequence[Any]) -> str:
    """One Dutch line for a page: every field with what is wrong with it."""
    return " ".join(v.tekst for v in translate_errors(errors))


def _error_page(request: Request, status: int, message: str) -> Response:
    from .web.pages import foutpagina

    return foutpagina(request, status, message)


def _include_pages(app: FastAPI) -> None:
    from .web import install as install_web
    from .web.declaraties import router as declaraties_pages

    install_web(app)
    app.include_router(declaraties_pages)
    presentation = ErrorPresentation(page=_error_page, api_details=api_errors, page_line=_page_line)
    install_errors(app, presentation, DOMAIN_ERRORS)
