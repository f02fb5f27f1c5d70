"""Rendering of decision letters: the letter's content (``services.brieven.Brief``) as HTML and as PDF.

The service layer decides what a letter says; this module only turns it into a page (Jinja template
``brief.html``) or a PDF of that page, with Dutch figures and dates from ``wlz.common.formatting``. The API and
the web pages both call it, so a letter looks the same wherever it is asked for.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from wlz.common.formatting import format_date_long, format_euro

from ..adapters.rules_engine import ONBEKEND
from ..domain import codes
from ..domain.aanvraag import UITKOMSTEN
from ..services.brieven import BEZWAAR_BRONNEN, BEZWAAR_WEKEN, LEVERINGSVORM_UITLEG, Brief

TEMPLATES = Path(__file__).resolve().parent / "templates"


def _euro(value: Any) -> str:
    """An amount in a letter always with cents (€ 5.000,00); an amount the rules did not know reads "onbekend"."""
    return format_euro(value, cents="always", unknown=ONBEKEND)


_env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html"]))
_env.filters.update(euro=_euro, datum_lang=format_date_long)


def html(brief: Brief, *, voor_pdf: bool = False) -> str:
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


def pdf(brief: Brief) -> bytes:
    """The same letter as PDF (WeasyPrint; fonts from fonts-dejavu-core, see scripts/setup.sh)."""
    from weasyprint import HTML

    data: bytes = HTML(string=html(brief, voor_pdf=True), base_url=str(TEMPLATES)).write_pdf()
    return data
