"""The page shell every organisation's pages share: the Jinja2 environment (the context's templates first,
then the platform's ``shell.html`` and ``fout.html``), the Dutch filters for figures and dates
(``wlz.common.formatting``), and rendering with the session's messages and CSRF token.

A context's ``base.html`` extends ``shell.html`` and fills its blocks ``titel``, ``merk`` (the name in the
header) and ``navigatie``; its pages extend ``base.html`` and fill ``titel`` and ``inhoud``. The shell's CSS is
``/static/wlz.css`` (this package's ``static`` folder, mounted by ``wlz.platform.app``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates

from wlz.common.formatting import format_date_short, format_euro, format_percent

from .sessions import csrf_token

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"

_DASH = "—"


def euro(v: Any) -> str:
    """``€ 1.234,56`` (a negative amount ``€ -12,50``); an empty value a dash. Rounded to cents as Python
    rounds the float (the value's binary form), before Babel writes it, so a page shows what it always did."""
    if v is None:
        return _DASH
    cents = f"{float(v):.2f}"
    if cents.startswith("-"):
        return "€ -" + format_euro(Decimal(cents[1:]))[2:]
    return format_euro(Decimal(cents))


def datum(v: Any) -> str:
    """``01-07-2018``; a moment in local time with its minute; an empty value a dash."""
    return format_date_short(v, unknown=_DASH)


def procent(v: float | None) -> str:
    """``25,0%``; an empty value a dash."""
    if v is None:
        return _DASH
    return format_percent(Decimal(f"{v * 100:.1f}") / 100)


FILTERS: dict[str, Callable[..., Any]] = {"euro": euro, "datum": datum, "procent": procent}


def page_templates(directory: Path) -> Jinja2Templates:
    """The templates of a context's pages (``directory``) on the platform's shell, with the Dutch filters."""
    loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(directory), jinja2.FileSystemLoader(TEMPLATES)])
    templates = Jinja2Templates(env=jinja2.Environment(loader=loader, autoescape=True))
    templates.env.filters.update(FILTERS)
    return templates


def render(templates: Jinja2Templates, request: Request, template: str, code: int = 200, **ctx: Any) -> HTMLResponse:
    """A page with what the shell shows: the actor (``request.state.actor``), the CSRF token, and the message
    or error the previous request left in the session (:func:`back`)."""
    melding = request.session.pop("melding", None)
    fout = request.session.pop("fout", None)
    return templates.TemplateResponse(
        request,
        template,
        {
            "actor": getattr(request.state, "actor", None),
            "csrf": csrf_token(request),
            "melding": melding,
            "foutmelding": fout,
            "vandaag": dt.date.today(),
            **ctx,
        },
        status_code=code,
    )


def back(request: Request, url: str, melding: str | None = None, fout: str | None = None) -> RedirectResponse:
    """Redirect (303) to ``url``, leaving a message or an error for the next page."""
    if melding:
        request.session["melding"] = melding
    if fout:
        request.session["fout"] = fout
    return RedirectResponse(url, status_code=303)
