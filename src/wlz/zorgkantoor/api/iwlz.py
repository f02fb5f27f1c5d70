"""API routes for iWlz messages (XML in, XML out). Kept apart from ``routes.py``: the bodies are XML, not JSON."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from pydantic import BaseModel

from ..services import berichten
from ..services.actor import Actor
from ..services.autorisatie import rollen_voor
from ..threadpool import schrijvend
from .deps import ApiRollen

router = APIRouter(tags=["iWlz-berichten"])

XML = "application/xml"
_XML_BODY = {
    "requestBody": {
        "required": True,
        "content": {XML: {"schema": {"type": "string", "format": "binary"}}},
        "description": "Het iWlz 2.2-bericht als XML",
    }
}


def _rol(actie: str) -> ApiRollen:
    return ApiRollen(*rollen_voor(actie))


class BerichtUit(BaseModel):
    id: str
    soort: str
    richting: str
    identificatie: str
    dagtekening: str
    afzender: str
    ontvanger: str | None

    @classmethod
    def van(cls, b) -> BerichtUit:
        return cls(
            id=b.id,
            soort=b.soort,
            richting=b.richting,
            identificatie=b.identificatie,
            dagtekening=b.dagtekening.isoformat(),
            afzender=b.afzender,
            ontvanger=b.ontvanger,
        )


class IO31Uit(BaseModel):
    bericht: BerichtUit
    indicaties: list[dict]


class AW35Uit(BaseModel):
    bericht: BerichtUit
    ca317: BerichtUit | None


class AW39Uit(BaseModel):
    bericht: BerichtUit
    ca319: BerichtUit | None


class MutatieUit(BaseModel):
    code: str
    omschrijving: str
    datum: str
    bericht: str
    bestemming: str | None = None


class MutatiesUit(BaseModel):
    toewijzing_id: str
    status: str
    geleverde_zorg_id: str | None
    mutaties: list[MutatieUit]


def _xml(b) -> Response:
    return Response(
        b.inhoud, media_type=XML, headers={"Content-Disposition": f'attachment; filename="{b.bestandsnaam}"'}
    )


@router.post("/berichten/io31", status_code=201, response_model=IO31Uit, openapi_extra=_XML_BODY)
async def io31_importeren(request: Request, actor: Actor = Depends(_rol("bericht.importeren"))):
    """Indicatiebesluit van het CIZ (IO31). Een bericht dat niet aan het XSD voldoet wordt geweigerd (422)."""
    data = await request.body()
    b, inds = await schrijvend(request, berichten.import_io31, actor, data)
    return IO31Uit(
        bericht=BerichtUit.van(b),
        indicaties=[
            {"id": i.id, "client_id": i.client_id, "besluitnummer": i.besluitnummer, "zorgprofiel": i.zorgprofiel}
            for i in inds
        ],
    )


@router.post("/berichten/aw35", status_code=201, response_model=AW35Uit, openapi_extra=_XML_BODY)
async def aw35_melden(request: Request, actor: Actor = Depends(_rol("toewijzing.melden"))):
    """Aanvang zorg (AW35) van de zorgaanbieder; de melding aan het CAK (CA317) wordt gemaakt en bewaard."""
    data = await request.body()
    b, cak = await schrijvend(request, berichten.import_aw35, actor, data)
    return AW35Uit(bericht=BerichtUit.van(b), ca317=BerichtUit.van(cak) if cak else None)


@router.post("/berichten/aw39", status_code=201, response_model=AW39Uit, openapi_extra=_XML_BODY)
async def aw39_melden(request: Request, actor: Actor = Depends(_rol("toewijzing.melden"))):
    """Mutatie of einde zorg (AW39, mutatiecode 12, 17, 18, 19, 20 of 21) van de zorgaanbieder. Bij einde zorg
    (19, 20) van zorg die aan het CAK is gemeld wordt de melding aan het CAK (CA319) gemaakt en bewaard."""
    data = await request.body()
    b, cak = await schrijvend(request, berichten.import_aw39, actor, data)
    return AW39Uit(bericht=BerichtUit.van(b), ca319=BerichtUit.van(cak) if cak else None)


@router.get("/toewijzingen/{toewijzing_id}/mutaties", response_model=MutatiesUit)
def toewijzing_mutaties(request: Request, toewijzing_id: str, actor: Actor = Depends(_rol("client.lezen"))):
    """Wat de zorgaanbieder over deze toewijzing meldde (wachtstatus, overplaatsing, einde zorg), oudste eerst."""
    with request.app.state.uow(schrijven=True) as uow:
        tw = berichten.mutaties(uow, actor, toewijzing_id)
        return MutatiesUit(
            toewijzing_id=tw.id,
            status=tw.status,
            geleverde_zorg_id=tw.geleverde_zorg_id,
            mutaties=[MutatieUit(**m) for m in tw.mutaties or []],
        )


@router.get(
    "/toewijzingen/{toewijzing_id}/aw33",
    response_class=Response,
    responses={200: {"content": {XML: {}}, "description": "Het AW33-bericht (schema-geldig)"}},
)
def aw33_downloaden(request: Request, toewijzing_id: str, actor: Actor = Depends(_rol("bericht.maken"))):
    """Zorgtoewijzing als iWlz AW33 (wordt ook bewaard als verzonden bericht)."""
    with request.app.state.uow(schrijven=True) as uow:
        return _xml(berichten.export_aw33(uow, actor, toewijzing_id))


@router.get("/clients/{client_id}/berichten", response_model=list[BerichtUit])
def berichten_van_client(request: Request, client_id: str, actor: Actor = Depends(_rol("bericht.lezen"))):
    with request.app.state.uow(schrijven=True) as uow:
        return [BerichtUit.van(b) for b in berichten.find(uow, actor, client_id=client_id)]


@router.get(
    "/berichten/{bericht_id}",
    response_class=Response,
    responses={200: {"content": {XML: {}}, "description": "Het bewaarde bericht"}},
)
def bericht_downloaden(request: Request, bericht_id: str, actor: Actor = Depends(_rol("bericht.lezen"))):
    with request.app.state.uow(schrijven=True) as uow:
        return _xml(berichten.read(uow, actor, bericht_id))
