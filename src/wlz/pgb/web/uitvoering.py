"""The pgb's pages for the end of a pgb (Rlz art. 5.20) and its letter, and the payment run's SEPA file: thin, as
the other pages (parse the form, call one use case, render)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from wlz.common.errors import InputError
from wlz.platform.pages import back, euro

from .. import services
from ..domain import einde
from ..services import BEOORDELAAR, BUDGETHOUDER, Actor
from . import Pagina, _datum, _keuze, brief

router = APIRouter()


@router.post("/dossiers/{beschikking_id}/einde")
async def beeindigen(request: Request, beschikking_id: str, actor: Actor = Depends(Pagina(BEOORDELAAR))) -> Response:
    f = await request.form()
    reden = _keuze(einde.EindeReden, f.get("reden"), "reden", "kies een reden uit Rlz art. 5.20")
    u = services.beeindig_pgb(request.app.state.uow, actor, beschikking_id, reden, _datum(f.get("datum"), "datum"))
    return back(
        request,
        f"/dossiers/{beschikking_id}",
        melding=f"Pgb beëindigd per {u.per:%d-%m-%Y}; budget voor de verkorte periode {euro(u.budget_cent / 100)}.",
    )


def _einde(request: Request, beschikking_id: str, actor: Actor) -> dict[str, Any]:
    d = services.dossier(request.app.state.uow, actor, beschikking_id)
    if d["einde"] is None:
        raise InputError("beschikking_id", "dit pgb is niet beëindigd")
    return d


@router.get("/dossiers/{beschikking_id}/einde-brief")
def eindebrief(
    request: Request, beschikking_id: str, actor: Actor = Depends(Pagina(BUDGETHOUDER, BEOORDELAAR))
) -> Response:
    return HTMLResponse(brief.html(_einde(request, beschikking_id, actor), "brief_einde.html"))


@router.get("/dossiers/{beschikking_id}/einde-brief.pdf")
def eindebrief_pdf(
    request: Request, beschikking_id: str, actor: Actor = Depends(Pagina(BUDGETHOUDER, BEOORDELAAR))
) -> Response:
    return Response(
        brief.pdf(_einde(request, beschikking_id, actor), "brief_einde.html"),
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="pgb-einde-{beschikking_id}.pdf"'},
    )


@router.post("/betaalbestanden")
async def betaalbestand(request: Request, actor: Actor = Depends(Pagina(BEOORDELAAR))) -> Response:
    """The payment run's SEPA file as a download (the form on the list of files)."""
    f = await request.form()
    b = services.maak_betaalbestand(
        request.app.state.uow,
        actor,
        request.app.state.betaler,
        _datum(f.get("uitvoerdatum"), "uitvoerdatum"),
        _datum(f.get("tot_en_met"), "tot_en_met"),
    )
    return Response(
        b.xml,
        media_type="application/xml",
        headers={"Content-Disposition": f'attachment; filename="pgb-betaalbestand-{b.id}.xml"'},
    )
