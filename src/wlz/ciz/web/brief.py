"""The indicatiebesluit letter (Dutch, HTML and PDF via weasyprint): what Blz art. 3.2.3 asks a decision to
state, and how to object (bezwaar, Awb art. 6:7: six weeks — https://wetten.overheid.nl/BWBR0005537#Artikel6:7)."""

from __future__ import annotations

from pathlib import Path

import jinja2

from wlz import reference
from wlz.platform.pages import FILTERS
from wlz.reference.grondslag import labels as grondslag_labels

from ..domain.aanvraag import Aanvraag
from ..domain.besluit import AFWIJZINGSGRONDEN, Afwijzingsgrond

_env: jinja2.Environment | None = None


def _template() -> jinja2.Template:
    global _env
    if _env is None:
        _env = jinja2.Environment(loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"), autoescape=True)
        _env.filters.update(FILTERS)
    return _env.get_template("brief.html")


def html(a: Aanvraag) -> str:
    profiel = reference.zorgprofielen()[a.zorgprofiel] if a.zorgprofiel else None
    grond = AFWIJZINGSGRONDEN[Afwijzingsgrond(a.afwijzingsgrond)] if a.afwijzingsgrond else None
    b = a.beoordeling
    labels = grondslag_labels()
    return str(
        _template().render(
            a=a,
            profiel=profiel,
            grond=grond,
            grondslagen=[labels.get(g, g) for g in (b.grondslagen if b else ())],
            onderzoek=b.onderzoek if b else "",
        )
    )


def pdf(a: Aanvraag) -> bytes:
    from weasyprint import HTML

    return bytes(HTML(string=html(a)).write_pdf())
