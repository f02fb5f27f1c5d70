"""The pgb service's application: the platform's app (``create_base_app``) on the pgb's own database, its pages
and /api, its domain errors (InputError -> 422 naming the field; GeenToegang -> 404, so a file of someone else
is not even confirmed to exist)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import Response
from sqlalchemy.engine import Engine

from wlz.common.errors import InputError
from wlz.platform.app import ErrorAnswer, ErrorPresentation, create_base_app, install_errors
from wlz.platform.auth import TokenCache

from .config import PgbSettings
from .domain.betaalbestand import Betaler, check_iban
from .services import GeenToegang
from .storage.uow import unit_of_work_factory, upgrade

TITLE = "wlz pgb"
DESCRIPTION = "Persoonsgebonden budget (Wlz art. 3.3.3): budgetplan, zorgovereenkomsten, trekkingsrecht, vorderingen."

DOMAIN_ERRORS: dict[type[Exception], Callable[[Any], ErrorAnswer]] = {
    GeenToegang: lambda exc: ErrorAnswer(404, "Niet gevonden."),
    InputError: lambda exc: ErrorAnswer(422, exc.melding + (f" ({exc.regel})" if exc.regel else ""), exc.veld),
}


def create_app(settings: PgbSettings | None = None, *, engine: Engine | None = None) -> FastAPI:
    settings = settings or PgbSettings.from_env()
    app = create_base_app(settings, title=TITLE, description=DESCRIPTION, engine=engine)
    if settings.migrate_on_start:
        upgrade(app.state.engine)
    app.state.uow = unit_of_work_factory(app.state.engine)
    app.state.tokens = TokenCache()
    app.state.overgang_derdenbeding = settings.overgang_derdenbeding
    #: the account the SVB pays from (the payment file's debtor) and the one vorderingen are paid to: the
    #: installation's settings; None where not set (nothing invented)
    app.state.betaler = (
        Betaler(check_iban(settings.betaal_iban, "WLZ_PGB_BETAAL_IBAN"), settings.betaal_naam, settings.betaal_bic)
        if settings.betaal_iban and settings.betaal_naam
        else None
    )
    app.state.vordering_rekening = (
        (check_iban(settings.vordering_iban, "WLZ_PGB_VORDERING_IBAN"), settings.vordering_naam)
        if settings.vordering_iban and settings.vordering_naam
        else None
    )
    #: the day a declaration is received (Rlz art. 5.23: six weeks, thirty days); a test may set its own clock
    app.state.vandaag = dt.date.today
    from .api import router as api_router
    from .web import foutpagina
    from .web import router as web_router
    from .web.uitvoering import router as uitvoering_router

    app.include_router(api_router, prefix="/api")
    app.include_router(web_router)
    app.include_router(uitvoering_router)

    def page_line(errors: Sequence[Any]) -> str:
        return " ".join(f"{'.'.join(str(x) for x in e['loc'][1:])}: {e['msg']}" for e in errors)

    def api_details(errors: Sequence[Any]) -> list[dict[str, Any]]:
        return [{"loc": list(e["loc"]), "msg": e["msg"], "type": e["type"]} for e in errors]

    def page(request: Request, status: int, message: str) -> Response:
        return foutpagina(request, status, message)

    install_errors(app, ErrorPresentation(page=page, api_details=api_details, page_line=page_line), DOMAIN_ERRORS)
    return app
