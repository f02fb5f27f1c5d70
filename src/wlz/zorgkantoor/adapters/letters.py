"""Rendering of decision letters: a letter's content (``services.brieven.Brief``) as HTML and as PDF.

The letters use case decides what a letter says and returns it as data; this adapter wraps the libraries that
turn it into a document (Jinja2 for the template ``web/templates/brief.html``, WeasyPrint for the PDF), with
Dutch figures and dates from ``wlz.common.formatting``. The API and the web pages both call it (``html``,
``pdf``), so a letter looks the same wherever it is asked for.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from wlz.common.formatting import format_date_long, format_euro
from wlz.reference.leveringsvorm import leveringsvormen

from ..domain import codes
from ..domain.aanvraag import UITKOMSTEN
from ..domain.bezwaar import BEZWAAR_BRONNEN, BEZWAAR_WEKEN
from .rules_engine import ONBEKEND

TEMPLATES = Path(__file__).resolve().parent.parent / "web" / "templates"

#: One plain sentence per leveringsvorm, as the letter says it (written in ``wlz.reference``'s leveringsvormen).
LEVERINGSVORM_UITLEG: dict[str, str] = {lv.code: lv.uitleg for lv in leveringsvormen().values()}


def _euro(value: Any) -> str:
    """An amount in a letter always with cents (``€ 5.000,00``, a negative one ``€ -12,50``), rounded to cents as
    Python rounds the float; an amount the rules did not know reads "onbekend"."""
    if value is None:
        return ONBEKEND
    cents = f"{float(value):.2f}"
    if cents.startswith("-"):
        return "€ -" + format_euro(Decimal(cents[1:]))[2:]
    return format_euro(Decimal(cents))


_env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html"]))
_env.filters.update(euro=_euro, datum_lang=format_date_long)


def html(brief: Any, *, voor_pdf: bool = False) -> str:
    """The letter as an HTML page (``brief`` is a ``services.brieven.Brief``)."""
    return _env.get_template("brief.html").render(
        b=brief,
        a=brief.aanvraag,
        c=brief.client,
        UITKOMSTEN=UITKOMSTEN,
        LEVERINGSVORMEN=codes.LEVERINGSVORMEN,
        LEVERINGSVORM_UITLEG=LEVERINGSVORM_UITLEG,
        BEZWAAR_BRONNEN=BEZWAAR_BRONNEN,
        BEZWAAR_WEKEN=BEZWAAR_WEKEN,
        ONBEKEND=ONBEKEND,
        voor_pdf=voor_pdf,
    )


def pdf(brief: Any) -> bytes:
    """The same letter as PDF (WeasyPrint; fonts from fonts-dejavu-core, see scripts/setup.sh)."""
    from weasyprint import HTML

    data: bytes = HTML(string=html(brief, voor_pdf=True), base_url=str(TEMPLATES)).write_pdf()
    return data
