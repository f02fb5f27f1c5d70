"""Pages for decision letters: the same letter as the API, for the zorgkantoor and for the client's own file."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from ..adapters.letters import html, pdf
from ..services import brieven
from ..services.actor import Actor
from ..services.autorisatie import rollen_voor
from .deps import WebRoles

router = APIRouter(include_in_schema=False)


def _rol() -> WebRoles:
    return WebRoles(*rollen_voor("brief.lezen"))


@router.get("/aanvragen/{aanvraag_id}/brief")
def brief_html(request: Request, aanvraag_id: str, actor: Actor = Depends(_rol())):
    with request.app.state.uow(write=True) as uow:
        return HTMLResponse(html(brieven.maak(uow, actor, aanvraag_id)))


@router.get("/aanvragen/{aanvraag_id}/brief.pdf")
def brief_pdf(request: Request, aanvraag_id: str, actor: Actor = Depends(_rol())):
    with request.app.state.uow(write=True) as uow:
        b = brieven.maak(uow, actor, aanvraag_id)
    return Response(
        pdf(b),
        media_type="application/pdf",
        headers={"Content-Disposition": f'inline; filename="besluit-{aanvraag_id}.pdf"'},
    )
