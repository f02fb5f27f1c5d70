"""``POST /api/io31/batch``: many IO31 messages of the CIZ in one request, the bulk import of ``wlz io31 importeer``
over the API (``services.io31_bulk``). Kept apart from ``iwlz.py``: the body is a zip of messages, the answer
one line per message."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from ..services import io31_bulk
from ..services.actor import Actor
from ..services.autorisatie import rollen_voor
from .deps import ApiRoles
from .schemas import FoutUit

router = APIRouter(tags=["iWlz-berichten"])

ZIP = "application/zip"


class BatchBerichtUit(BaseModel):
    """What became of one message of the batch."""

    #: its place in the batch (the zip's files in name order, from 1)
    nummer: int
    #: the file's name in the zip (a run of 8 or 9 digits, which could be a BSN, shown as asterisks)
    bestand: str
    #: geaccepteerd, geweigerd (stored with its IO32 and reasons) or geen_bericht (not an IO31: not stored)
    uitkomst: str
    #: the header's Identificatie (iWlz TR056: a second message with it is refused)
    identificatie: str | None = None
    #: the stored IO31 (GET /api/berichten/{id})
    bericht_id: str | None = None
    #: its IO32 (GET /api/berichten/{bericht_id}/retour, or GET /api/berichten/{retour_id})
    retour_id: str | None = None
    #: indicatiebesluiten registered from it
    indicaties: int = 0
    #: why it was refused: the iWlz rule (code, element, Dutch text) or why it is no IO31
    redenen: list[str] = []


class BatchUit(BaseModel):
    bestanden: int
    geimporteerd: int
    indicaties: int
    #: of the imported: through the single import one by one (a known client, besluitnummer or identification)
    los_verwerkt: int
    geweigerd: int
    geen_bericht: int
    berichten: list[BatchBerichtUit]


_ZIP_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {ZIP: {"schema": {"type": "string", "format": "binary"}}},
        "description": "Een zip-bestand; elk bestand erin is één IO31-bericht (iWlz 2.2, XML). Het verzoek en de "
        "uitgepakte berichten samen zijn elk hoogstens WLZ_MAX_UPLOAD_MB (standaard 5 MB).",
    }
}

_ANTWOORDEN: dict[int | str, dict[str, Any]] = {
    413: {"model": FoutUit, "description": "bestand te groot: het verzoek of de uitgepakte berichten"},
    422: {"model": FoutUit, "description": "Geen zip-bestand, of een zip zonder bestanden (veld: bestand)"},
}


@router.post("/io31/batch", response_model=BatchUit, openapi_extra=_ZIP_BODY, responses=_ANTWOORDEN)
async def io31_batch(request: Request, actor: Actor = Depends(ApiRoles(*rollen_voor("bericht.importeren")))) -> Any:
    """IO31-berichten van het CIZ in één verzoek (een zip), met dezelfde controles als één bericht (XSD, de
    iWlz-regels, de eigen controles van het zorgkantoor, TR056). Elk bericht krijgt zijn IO32; een geweigerd bericht
    wordt met zijn redenen en IO32 bewaard; elk bericht wordt helemaal of niet vastgelegd."""
    data = await request.body()
    limiet = request.app.state.settings.max_upload_bytes
    try:
        invoer = io31_bulk.read_zip(data, limiet)
    except io31_bulk.BatchTooLarge as exc:
        return JSONResponse({"detail": exc.bericht}, status_code=413)
    del data
    return await run_in_threadpool(io31_bulk.importeer_batch, request.app.state.uow, actor, invoer)
