"""The app factory every organisation's service starts from: ``create_base_app`` builds a FastAPI app with the
OpenAPI set up under ``/api``, the database (engine, units of work), the NUL check, the error answers, the login
sessions and the shared static files; the context then registers its routers and pages on it
(``wlz.zorgkantoor.app.create_app``).

Free of global state, so tests, the load benchmark and ``wlz serve`` each make their own app.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import ValidationError
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Engine
from sqlalchemy.orm.exc import StaleDataError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Receive, Scope, Send

from . import sessions
from .config import AppSettings
from .database import make_engine
from .pages import STATIC

log = logging.getLogger("wlz.platform")

API_PREFIX = "/api"


def is_api(request: Request) -> bool:
    return request.url.path.startswith(API_PREFIX)


class RefuseNul:
    """Pure ASGI check: a NUL character in the query string is refused with 422 before any route runs.

    PostgreSQL text cannot hold NUL, so such a parameter would otherwise end as a database error (found by the
    API fuzz run). Bodies are checked by a context's input models.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            query = scope.get("query_string", b"")
            if b"\x00" in query or b"%00" in query.lower():
                melding = "een parameter bevat een ongeldig teken (NUL)"
                antwoord: Response
                if scope.get("path", "").startswith(API_PREFIX):
                    antwoord = JSONResponse(
                        {"detail": [{"loc": ["query"], "msg": melding, "type": "waarde"}]}, status_code=422
                    )
                else:
                    antwoord = PlainTextResponse(f"Ongeldige invoer: {melding}.", status_code=422)
                await antwoord(scope, receive, send)
                return
        await self.app(scope, receive, send)


class BodyTooLarge(StarletteHTTPException):
    """Raised while a body without a declared length arrives and passes the limit: an HTTP error (413), so the
    error answers render it wherever it surfaces."""


class LimitBody:
    """Pure ASGI check: a request body larger than ``WLZ_MAX_UPLOAD_MB`` is refused with 413 before it is read.

    One limit for every body (an iWlz message to the API, a file uploaded through a page, a form): a declared
    ``Content-Length`` over the limit is refused before a byte is read; a body without one (chunked) is counted
    while it arrives and refused as soon as it passes the limit, so the server never holds more than the limit
    (OWASP ASVS 12.1.1, 13.1.3). The answer is Dutch: "bestand te groot (max N MB)".
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    def message(self) -> str:
        return f"bestand te groot (max {self.max_bytes // (1024 * 1024)} MB)"

    async def refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        antwoord: Response
        if scope.get("path", "").startswith(API_PREFIX):
            antwoord = JSONResponse({"detail": self.message()}, status_code=413)
        else:
            antwoord = PlainTextResponse(f"Het {self.message()}.", status_code=413)
        await antwoord(scope, receive, send)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = self.max_bytes + 1
                if declared > self.max_bytes:
                    await self.refuse(scope, receive, send)
                    return
        received = 0
        started = False

        async def counted() -> Any:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge(413, self.message())
            return message

        async def tracked(message: Any) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted, tracked)
        except BodyTooLarge:
            if not started:
                await self.refuse(scope, receive, send)


#: the garbage collector's thresholds of a serving process (see :func:`_settle_heap`); Python's are 700, 10, 10
GC_THRESHOLDS = (20_000, 20, 20)
_heap_settled = [False]


def _settle_heap() -> None:
    """Before a server process serves: collect once, then freeze what is alive (the imported modules, the app,
    its compiled statements) so later collections no longer walk it, and collect the young generation less often.

    A read allocates a few thousand short-lived objects, nearly all freed by their reference counts; with the
    default threshold the collector still ran several times per request and walked everything alive in the
    older generations now and then (about 5 % of the server's CPU per read). Once per process: tests start many
    apps in one process."""
    if _heap_settled[0]:
        return
    _heap_settled[0] = True
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    _settle_heap()
    yield


@dataclass(frozen=True)
class ErrorAnswer:
    """How an error reads: status, Dutch message, and the field it is about (API answers name it in ``loc``)."""

    status: int
    message: str
    field: str | None = None


@dataclass(frozen=True)
class ErrorPresentation:
    """What a context supplies to show errors: its error page, and its Dutch translation of validation errors
    (for the API's ``detail`` list and for one line on a page)."""

    page: Callable[[Request, int, str], Response]
    api_details: Callable[[Sequence[Any]], list[dict[str, Any]]]
    page_line: Callable[[Sequence[Any]], str]


def create_base_app(
    settings: AppSettings,
    *,
    title: str,
    description: str,
    version: str = "0.1.0",
    engine: Engine | None = None,
) -> FastAPI:
    """The app with its database engine (``app.state.engine``), settings, the NUL check, sessions and static
    files; a context adds its units of work, routers and error presentation (:func:`install_errors`)."""
    engine = engine or make_engine(settings.database_url)
    app = FastAPI(
        title=title,
        description=description,
        version=version,
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=f"{API_PREFIX}/docs",
        redoc_url=None,
        lifespan=_lifespan,
    )
    app.state.settings = settings
    app.state.engine = engine
    app.add_middleware(RefuseNul)
    app.add_middleware(LimitBody, max_bytes=settings.max_upload_bytes)
    sessions.install(app, settings, API_PREFIX)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def install_errors(
    app: FastAPI,
    presentation: ErrorPresentation,
    domain_errors: Mapping[type[Exception], Callable[[Any], ErrorAnswer]],
) -> None:
    """The error answers: JSON under ``/api`` (``detail``: a text, or a list naming each field), the context's
    error page elsewhere. ``domain_errors``: the context's own exceptions and how each reads."""

    def answer(request: Request, e: ErrorAnswer) -> Response:
        if is_api(request):
            detail: list[dict[str, Any]] | str = (
                [{"loc": ["body", *e.field.split(".")], "msg": e.message, "type": "domein"}] if e.field else e.message
            )
            return JSONResponse({"detail": detail}, status_code=e.status)
        return presentation.page(request, e.status, e.message)

    for exc_class, reads_as in domain_errors.items():

        def handler(request: Request, exc: Exception, reads_as: Callable[[Any], ErrorAnswer] = reads_as) -> Response:
            return answer(request, reads_as(exc))

        app.add_exception_handler(exc_class, handler)

    _install_database_errors(app, answer)
    _install_validation_errors(app, presentation, answer)


def _install_database_errors(app: FastAPI, answer: Callable[[Request, ErrorAnswer], Response]) -> None:
    @app.exception_handler(StaleDataError)
    async def _concurrent(request: Request, exc: StaleDataError) -> Response:
        melding = "Iemand anders wijzigde dit tegelijk met u. Laad opnieuw en probeer het nog eens."
        return answer(request, ErrorAnswer(409, melding))

    @app.exception_handler(sa_exc.IntegrityError)
    async def _integrity(request: Request, exc: sa_exc.IntegrityError) -> Response:
        log.warning("integrity error on %s", request.url.path)  # no parameters: they may hold a BSN
        return answer(request, ErrorAnswer(409, "Dit botst met gegevens die al zijn vastgelegd."))

    @app.exception_handler(sa_exc.OperationalError)
    async def _busy(request: Request, exc: sa_exc.OperationalError) -> Response:
        log.warning("database busy on %s", request.url.path)
        return answer(request, ErrorAnswer(503, "De database is even bezet. Probeer het opnieuw."))


def _install_validation_errors(
    app: FastAPI, presentation: ErrorPresentation, answer: Callable[[Request, ErrorAnswer], Response]
) -> None:
    def invalid(request: Request, errors: Sequence[Any]) -> Response:
        if is_api(request):
            return JSONResponse({"detail": presentation.api_details(errors)}, status_code=422)
        return answer(request, ErrorAnswer(422, "Ongeldige invoer: " + presentation.page_line(errors)))

    @app.exception_handler(RequestValidationError)
    async def _request_invalid(request: Request, exc: RequestValidationError) -> Response:
        return invalid(request, exc.errors())

    @app.exception_handler(ValidationError)
    async def _built_invalid(request: Request, exc: ValidationError) -> Response:
        # Input that passed the request model but not a model the use case builds from it (a repeat request
        # merged with the previous intake): bad input, so 422 naming the field, never a server error.
        return invalid(request, exc.errors())

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        if is_api(request):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        if exc.status_code in (303, 302) and exc.headers:
            return RedirectResponse(exc.headers["Location"], status_code=exc.status_code)
        return answer(request, ErrorAnswer(exc.status_code, str(exc.detail)))
