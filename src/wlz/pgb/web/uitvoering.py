"""The pgb's pages for the end of a pgb (Rlz art. 5.20) and its letter, and the payment run's SEPA file: thin, as
the other pages (parse the form, call one use case, render)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from wlz.common.errors import InputError
from wlz.platform.pages import back, euro, render

from .. import services
from ..domain import einde, loonheffing
from ..services import BEOORDELAAR, BUDGETHOUDER, Actor
from . import Pagina, _datum, _getal, _keuze, brief, templates

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
    return brief.bijlage(
        brief.pdf(_einde(request, beschikking_id, actor), "brief_einde.html"), f"pgb-einde-{beschikking_id}.pdf"
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
    return brief.bijlage(b.xml, f"pgb-betaalbestand-{b.id}.xml", "application/xml")


@router.post("/rekeningen")
async def rekening(request: Request, actor: Actor = Depends(Pagina(BEOORDELAAR))) -> Response:
    """A zorgverlener's account (payee) or the budgethouder's own (never payee)."""
    f = await request.form()
    services.registreer_rekening(
        request.app.state.uow,
        actor,
        str(f.get("houder_type", "")),
        str(f.get("houder_id", "")).strip()[:32],
        str(f.get("iban", "")),
        str(f.get("naam", "")),
    )
    return back(request, "/", melding="Rekening opgeslagen.")


@router.get("/afdracht")
def afdracht_pagina(request: Request, actor: Actor = Depends(Pagina(BUDGETHOUDER, BEOORDELAAR))) -> Response:
    return render(templates, request, "afdracht.html")


@router.post("/afdracht")
async def afdracht(request: Request, actor: Actor = Depends(Pagina(BUDGETHOUDER, BEOORDELAAR))) -> Response:
    """Loonheffing and premiums of one payment (Blz art. 3.6.6 lid 1 onder c) with the user's percentages."""
    f = await request.form()

    def bp(veld: str) -> int:
        return round(_getal(f.get(veld) or "0", veld) * 100)

    p = loonheffing.Percentages(
        bp("loonheffing"), bp("premies_werknemer"), bp("premies_werkgever"), bp("zvw_bijdrage"), str(f.get("bron", ""))
    )
    soort = _keuze(loonheffing.Overeenkomstsoort, f.get("soort"), "soort", "kies arbeidsovereenkomst of opdracht")
    a = loonheffing.afdracht(round(_getal(f.get("bruto"), "bruto") * 100), soort, p)
    return render(templates, request, "afdracht.html", a=a)
