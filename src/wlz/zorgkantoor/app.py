"""The application factory: ``create_app(settings)`` builds the FastAPI app (pages + /api) on one database.

Kept free of global state so tests, the load benchmark and ``wlz serve`` each make their own app; later
additions (decision letters, iWlz message routes) register routers here.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from sqlalchemy import exc as sa_exc
from sqlalchemy.orm.exc import StaleDataError
from starlette.exceptions import HTTPException as StarletteHTTPException

from .config import Settings
from .domain.fouten import DomeinFout, GeenToegang, NietGevonden, api_fouten, vertaal_fouten
from .storage import migrate
from .storage.database import make_engine
from .storage.uow import UnitOfWorkFactory

log = logging.getLogger("wlz.zorgkantoor")


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api")


def _ongeldige_invoer(errors) -> str:
    """One Dutch line for a page: every field with what is wrong with it."""
    return "Ongeldige invoer: " + " ".join(v.tekst for v in vertaal_fouten(errors))


class GeenNulTekens:
    """Pure ASGI check: a NUL character in the query string is refused with 422 before any route runs.

    PostgreSQL text cannot hold NUL, so such a parameter would otherwise end as a database error (found by the
    API fuzz run). Bodies are checked by the input models (``services.invoer.Invoer``).
    """

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http":
            query = scope.get("query_string", b"")
            if b"\x00" in query or b"%00" in query.lower():
                melding = "een parameter bevat een ongeldig teken (NUL)"
                if scope.get("path", "").startswith("/api"):
                    antwoord = JSONResponse({"detail": [{"loc": ["query"], "msg": melding, "type": "waarde"}]},
                                            status_code=422)
                else:
                    from fastapi.responses import PlainTextResponse

                    antwoord = PlainTextResponse(f"Ongeldige invoer: {melding}.", status_code=422)
                await antwoord(scope, receive, send)
                return
        await self.app(scope, receive, send)


def create_app(settings: Settings | None = None, *, engine=None) -> FastAPI:
    settings = settings or Settings.from_env()
    engine = engine or make_engine(settings.database_url)
    if settings.migrate_on_start:
        migrate.upgrade(engine)
    if settings.rekenproces:
        from .adapters import regels

        regels.gebruik_rekenproces()

    app = FastAPI(
        title="wlz zorgkantoor",
        description="Zorgkantoorservice voor de Wet langdurige zorg: cliënten, indicaties, zorgtoewijzing, "
        "één intake voor alle extra zorg en besluiten. API-toegang met een API-token (Bearer).",
        version="0.1.0",
        openapi_url="/api/openapi.json",
        docs_url="/api/docs",
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.uow = UnitOfWorkFactory(engine)
    from .api.deps import ActorCache

    app.state.api_actoren = ActorCache()  # API token -> actor, a few seconds (emptied when a token is revoked)

    app.add_middleware(GeenNulTekens)

    from .api.routes import router as api_router
    from .api.schemas import FOUTEN
    from .web import install as install_web

    # every API router documents the same error answers in the OpenAPI (checked by tests/zorgkantoor/test_fuzz_api.py)
    app.include_router(api_router, prefix="/api", responses=FOUTEN)
    from .api.iwlz import router as iwlz_router

    app.include_router(iwlz_router, prefix="/api", responses=FOUTEN)
    from .api.brieven import router as brieven_router

    app.include_router(brieven_router, prefix="/api", responses=FOUTEN)
    install_web(app, settings)

    def _fout(request: Request, status: int, bericht: str, veld: str | None = None):
        if _is_api(request):
            detail: list[dict] | str = (
                [{"loc": ["body", *veld.split(".")], "msg": bericht, "type": "domein"}] if veld else bericht
            )
            return JSONResponse({"detail": detail}, status_code=status)
        from .web.pages import foutpagina

        return foutpagina(request, status, bericht)

    @app.exception_handler(NietGevonden)
    async def _niet_gevonden(request: Request, exc: NietGevonden):
        return _fout(request, 404, "Niet gevonden.")

    @app.exception_handler(GeenToegang)
    async def _geen_toegang(request: Request, exc: GeenToegang):
        return _fout(request, 403, "U heeft geen toegang tot deze functie.")

    @app.exception_handler(DomeinFout)
    async def _domein(request: Request, exc: DomeinFout):
        status = 409 if exc.veld == "status" else 422
        return _fout(request, status, exc.bericht, exc.veld)

    @app.exception_handler(StaleDataError)
    async def _tegelijk(request: Request, exc: StaleDataError):
        return _fout(request, 409, "Iemand anders wijzigde dit tegelijk met u. Laad opnieuw en probeer het nog eens.")

    @app.exception_handler(sa_exc.IntegrityError)
    async def _integriteit(request: Request, exc: sa_exc.IntegrityError):
        log.warning("integrity error on %s", request.url.path)  # no parameters: they may hold a BSN
        return _fout(request, 409, "Dit botst met gegevens die al zijn vastgelegd.")

    @app.exception_handler(sa_exc.OperationalError)
    async def _bezet(request: Request, exc: sa_exc.OperationalError):
        log.warning("database busy on %s", request.url.path)
        return _fout(request, 503, "De database is even bezet. Probeer het opnieuw.")

    @app.exception_handler(RequestValidationError)
    async def _ongeldig(request: Request, exc: RequestValidationError):
        if _is_api(request):
            return JSONResponse({"detail": api_fouten(exc.errors())}, status_code=422)
        return _fout(request, 422, _ongeldige_invoer(exc.errors()))

    @app.exception_handler(ValidationError)
    async def _ongeldig_samengesteld(request: Request, exc: ValidationError):
        # Input that passed the request model but not a model the use case builds from it (a repeat request
        # merged with the previous intake): bad input, so 422 naming the field, never a server error.
        if _is_api(request):
            return JSONResponse({"detail": api_fouten(exc.errors())}, status_code=422)
        return _fout(request, 422, _ongeldige_invoer(exc.errors()))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        if _is_api(request):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        if exc.status_code in (303, 302) and exc.headers:
            from fastapi.responses import RedirectResponse

            return RedirectResponse(exc.headers["Location"], status_code=exc.status_code)
        return _fout(request, exc.status_code, str(exc.detail))

    return app
