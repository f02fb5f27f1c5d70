"""The zorgkantoor's letter on the budgetplan and the zorgovereenkomsten of one pgb (Dutch, HTML and PDF via
weasyprint): each decision with its reason, the budget and how to object (bezwaar within six weeks, Awb art. 6:7,
https://wetten.overheid.nl/BWBR0005537#Artikel6:7)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import jinja2

from wlz.platform.pages import FILTERS

_env = jinja2.Environment(loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"), autoescape=True)
_env.filters.update(FILTERS)


def html(dossier: dict[str, Any]) -> str:
    return str(_env.get_template("brief.html").render(d=dossier, vandaag=dt.date.today()))


def pdf(dossier: dict[str, Any]) -> bytes:
    from weasyprint import HTML

    data: bytes = HTML(string=html(dossier)).write_pdf()
    return data
