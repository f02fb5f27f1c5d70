"""API routes for decision letters (HTML and PDF)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from ..adapters.letters import html, pdf
from ..services import brieven
from ..services.actor import Actor
from ..services.autorisatie import rollen_voor
from .deps import ApiRoles

router = APIRouter(tags=["besluitbrieven"])


def _rol() -> ApiRoles:
    return ApiRoles(*rollen_voor("brief.lezen"))


@router.get(
    "/aanvragen/{aanvraag_id}/brief",
    response_model=None,
    # errors stay JSON (documented app-wide); only the letter itself is HTML
    responses={200: {"content": {"text/html": {"schema": {"type": "string"}}}, "description": "De besluitbrief"}},
)
def brief_html(request: Request, aanvraag_id: str, actor: Actor = Depends(_rol())) -> HTMLResponse:
    """De besluitbrief in gewone taal (alleen na een besluit; een cliënt alleen de eigen brieven)."""
    with request.app.state.uow(write=True) as uow:
        return HTMLResponse(html(brieven.maak(uow, actor, aanvraag_id)))


@router.get(
    "/aanvragen/{aanvraag_id}/brief.pdf",
    response_model=None,
    responses={
        200: {
            "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}},
            "description": "De besluitbrief als pdf",
        }
    },
)
def brief_pdf(request: Request, aanvraag_id: str, actor: Actor = Depends(_rol())) -> Response:
    with request.app.state.uow(write=True) as uow:
        b = brieven.maak(uow, actor, aanvraag_id)
    return Response(
        pdf(b),
        media_type="application/pdf",
        headers={"Content-Disposition": f'inline; filename="besluit-{aanvraag_id}.pdf"'},
    )
