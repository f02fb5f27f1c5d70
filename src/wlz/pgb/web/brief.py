"""The zorgkantoor's letters of one pgb (Dutch, HTML and PDF via weasyprint): on the budgetplan and the
zorgovereenkomsten, on the vaststelling, and on a vordering; each with its reason and source and how to object
(bezwaar within six weeks, Awb art. 6:7, https://wetten.overheid.nl/BWBR0005537#Artikel6:7)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import jinja2
from fastapi.responses import Response

from wlz.platform.pages import FILTERS

_env = jinja2.Environment(loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"), autoescape=True)
_env.filters.update(FILTERS)


def html(dossier: dict[str, Any], sjabloon: str = "brief.html", **extra: Any) -> str:
    """``brief.html``: plan and agreements; ``brief_vaststelling.html``: the vaststelling (Rlz art. 5.21);
    ``brief_vordering.html``: a vordering to its debtor (``extra``: ``v``, the vordering's row)."""
    return str(_env.get_template(sjabloon).render(d=dossier, vandaag=dt.date.today(), **extra))


def pdf(dossier: dict[str, Any], sjabloon: str = "brief.html", **extra: Any) -> bytes:
    from weasyprint import HTML

    data: bytes = HTML(string=html(dossier, sjabloon, **extra)).write_pdf()
    return data


def bijlage(data: bytes, bestandsnaam: str, media_type: str = "application/pdf", status_code: int = 200) -> Response:
    """A letter's PDF or a file to download, as an attachment with its file name."""
    return Response(
        data,
        status_code=status_code,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{bestandsnaam}"'},
    )
