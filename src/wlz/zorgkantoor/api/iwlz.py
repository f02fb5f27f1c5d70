"""API routes for iWlz messages (XML in, XML out). Kept apart from ``routes.py``: the bodies are XML, not JSON."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel

from ..domain.bericht import BerichtGeweigerd, bevinding_tekst
from ..services import berichten
from ..services.actor import Actor
from ..services.autorisatie import rollen_voor
from ..threadpool import writing
from .deps import ApiRoles

router = APIRouter(tags=["iWlz-berichten"])

XML = "application/xml"
_XML_BODY = {
    "requestBody": {
        "required": True,
        "content": {XML: {"schema": {"type": "string", "format": "binary"}}},
        "description": "Het iWlz 2.2-bericht als XML",
    }
}


def _rol(actie: str) -> ApiRoles:
    return ApiRoles(*rollen_voor(actie))


class BevindingUit(BaseModel):
    """A broken iWlz rule: its code (CD/CS/TR, or XSD), the element, the rule in Dutch, the retourcode."""

    code: str
    pad: str
    tekst: str
    retourcode: str


class BerichtUit(BaseModel):
    id: str
    soort: str
    richting: str
    identificatie: str
    dagtekening: str
    afzender: str
    ontvanger: str | None
    #: geaccepteerd / geweigerd (a received message, or ours once its retour came back); None: no retour yet
    resultaat: str | None = None
    bevindingen: list[BevindingUit] = []
    #: on a retour: the message it answers
    retour_van: str | None = None
    #: on a message just received: the retour it was answered with (download: /api/berichten/{id}/retour)
    retour_id: str | None = None

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
            resultaat=b.resultaat,
            bevindingen=[BevindingUit(**x) for x in b.bevindingen or []],
            retour_van=b.retour_van,
            retour_id=b.retour_id,
        )


def _geweigerd(exc: BerichtGeweigerd) -> JSONResponse:
    """422 for a message refused by the iWlz rules: each rule as a ``detail`` line (code, element, Dutch text),
    and the stored message and its retour (download the retour at ``/api/berichten/{id}/retour``)."""
    b = exc.iwlz_bericht
    detail = [
        {"loc": ["body", "bericht"], "msg": bevinding_tekst(x), "type": f"iwlz.{x['code']}"}
        for x in b.bevindingen or []
    ]
    inhoud: dict[str, Any] = {
        "detail": detail,
        "bericht": BerichtUit.van(b).model_dump(),
        "retour": BerichtUit.van(exc.retour).model_dump() if exc.retour else None,
    }
    return JSONResponse(inhoud, status_code=422)


async def _ontvangen(request: Request, use_case: Callable[..., Any], actor: Actor) -> Any:
    """Run an import use case on the request body; a refused message answers with :func:`_geweigerd`."""
    data = await request.body()
    aanroep: Awaitable[Any] = writing(request, use_case, actor, data)
    try:
        return await aanroep
    except BerichtGeweigerd as exc:
        return _geweigerd(exc)


class IO31Uit(BaseModel):
    bericht: BerichtUit
    indicaties: list[dict]
    #: the IO32 the IO31 was answered with
    retour: BerichtUit | None = None


class AW35Uit(BaseModel):
    bericht: BerichtUit
    ca317: BerichtUit | None
    #: the AW36 the AW35 was answered with
    retour: BerichtUit | None = None


class AW39Uit(BaseModel):
    bericht: BerichtUit
    ca319: BerichtUit | None
    #: the AW310 the AW39 was answered with
    retour: BerichtUit | None = None


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


_GEWEIGERD: dict[int | str, dict[str, Any]] = {
    422: {
        "description": "Geweigerd. Een bericht dat het XSD of een iWlz-regel (CD, CS, TR) breekt, of dat het "
        "zorgkantoor weigert op grond van eerdere berichten en het dossier (geen passende toewijzing TR019, een "
        "mutatie die niet past TR069/TR078, StatusAanlevering 3, een aanvraag aangepaste toewijzing, een andere "
        "afzender: retourcode 0001), wordt bewaard met "
        "zijn retourbericht; ``detail`` noemt per regel de code, het element en de regeltekst, ``retour`` het "
        "retourbericht (downloaden: /api/berichten/{id}/retour). Invoer die geen bericht van deze soort is wordt "
        "niet bewaard."
    }
}


def _retour(b) -> BerichtUit | None:
    return None if b.retour is None else BerichtUit.van(b.retour)


@router.post("/berichten/io31", status_code=201, response_model=IO31Uit, openapi_extra=_XML_BODY, responses=_GEWEIGERD)
async def io31_importeren(request: Request, actor: Actor = Depends(_rol("bericht.importeren"))):
    """Indicatiebesluit van het CIZ (IO31), getoetst aan het XSD en de iWlz-regels en beantwoord met een IO32.
    Een bericht dat een regel breekt wordt geweigerd (422) en met zijn IO32 bewaard."""
    uit = await _ontvangen(request, berichten.import_io31, actor)
    if isinstance(uit, JSONResponse):
        return uit
    b, inds = uit
    return IO31Uit(
        bericht=BerichtUit.van(b),
        indicaties=[
            {
                "id": i.id,
                "client_id": i.client_id,
                "besluitnummer": i.besluitnummer,
                "zorgprofiel": i.zorgprofiel,
                "ingangsdatum": i.ingangsdatum.isoformat(),
                # the earlier decisions this one ended (Wlz art. 3.2.4, iWlz TR079) and the AW33s that wrote
                "vervangt": list(i.vervangt),
                "aw33": list(i.aw33_ids),
            }
            for i in inds
        ],
        retour=_retour(b),
    )


@router.post("/berichten/aw35", status_code=201, response_model=AW35Uit, openapi_extra=_XML_BODY, responses=_GEWEIGERD)
async def aw35_melden(request: Request, actor: Actor = Depends(_rol("toewijzing.melden"))):
    """Aanvang zorg (AW35) van de zorgaanbieder, beantwoord met een AW36; de melding aan het CAK (CA317) wordt
    gemaakt en bewaard. Een bericht dat een iWlz-regel breekt wordt geweigerd (422) en met zijn AW36 bewaard."""
    uit = await _ontvangen(request, berichten.import_aw35, actor)
    if isinstance(uit, JSONResponse):
        return uit
    b, cak = uit
    return AW35Uit(bericht=BerichtUit.van(b), ca317=BerichtUit.van(cak) if cak else None, retour=_retour(b))


@router.post("/berichten/aw39", status_code=201, response_model=AW39Uit, openapi_extra=_XML_BODY, responses=_GEWEIGERD)
async def aw39_melden(request: Request, actor: Actor = Depends(_rol("toewijzing.melden"))):
    """Mutatie of einde zorg (AW39, mutatiecode 12, 17, 18, 19, 20 of 21) van de zorgaanbieder, beantwoord met een
    AW310. Bij einde zorg (19, 20) van zorg die aan het CAK is gemeld wordt de melding aan het CAK (CA319) gemaakt
    en bewaard. Een bericht dat een iWlz-regel breekt wordt geweigerd (422) en met zijn AW310 bewaard."""
    uit = await _ontvangen(request, berichten.import_aw39, actor)
    if isinstance(uit, JSONResponse):
        return uit
    b, cak = uit
    return AW39Uit(bericht=BerichtUit.van(b), ca319=BerichtUit.van(cak) if cak else None, retour=_retour(b))


@router.post("/berichten/retour", status_code=201, response_model=BerichtUit, openapi_extra=_XML_BODY)
async def retour_ontvangen(request: Request, actor: Actor = Depends(_rol("bericht.lezen"))):
    """Een retourbericht op een bericht van het zorgkantoor: AW34 (van de zorgaanbieder, op een AW33), CA318 of
    CA320 (van het CAK, op een CA317 of CA319). Het resultaat komt bij het bericht waar het op antwoordt."""
    data = await request.body()
    return BerichtUit.van(await writing(request, berichten.import_retour, actor, data))


@router.get("/toewijzingen/{toewijzing_id}/mutaties", response_model=MutatiesUit)
def toewijzing_mutaties(request: Request, toewijzing_id: str, actor: Actor = Depends(_rol("client.lezen"))):
    """Wat de zorgaanbieder over deze toewijzing meldde (wachtstatus, overplaatsing, einde zorg), oudste eerst."""
    with request.app.state.uow(write=True) as uow:
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
    """De laatst gemaakte AW33 van deze zorgtoewijzing, zoals bewaard (maakt niets nieuws; maken is POST)."""
    with request.app.state.uow(write=True) as uow:
        return _xml(berichten.stored_aw33(uow, actor, toewijzing_id))


@router.post(
    "/toewijzingen/{toewijzing_id}/aw33",
    response_class=Response,
    status_code=201,
    responses={201: {"content": {XML: {}}, "description": "Het nieuwe AW33-bericht (schema-geldig), bewaard"}},
)
def aw33_maken(request: Request, toewijzing_id: str, actor: Actor = Depends(_rol("bericht.maken"))):
    """Zorgtoewijzing als iWlz AW33: maakt het bericht en bewaart het als verzonden bericht."""
    with request.app.state.uow(write=True) as uow:
        antwoord = _xml(berichten.export_aw33(uow, actor, toewijzing_id))
    antwoord.status_code = 201
    return antwoord


@router.get("/clients/{client_id}/berichten", response_model=list[BerichtUit])
def berichten_van_client(request: Request, client_id: str, actor: Actor = Depends(_rol("bericht.lezen"))):
    with request.app.state.uow(write=True) as uow:
        return [BerichtUit.van(b) for b in berichten.find(uow, actor, client_id=client_id)]


@router.get(
    "/berichten/{bericht_id}/retour",
    response_class=Response,
    responses={200: {"content": {XML: {}}, "description": "Het retourbericht op dit bericht (IO32, AW36, ...)"}},
)
def retour_downloaden(request: Request, bericht_id: str, actor: Actor = Depends(_rol("bericht.lezen"))):
    """Het retourbericht waarmee dit bericht is beantwoord (of dat een partner erop terugstuurde)."""
    with request.app.state.uow(write=True) as uow:
        return _xml(berichten.retour_of(uow, actor, bericht_id))


@router.get(
    "/berichten/{bericht_id}",
    response_class=Response,
    responses={200: {"content": {XML: {}}, "description": "Het bewaarde bericht"}},
)
def bericht_downloaden(request: Request, bericht_id: str, actor: Actor = Depends(_rol("bericht.lezen"))):
    with request.app.state.uow(write=True) as uow:
        return _xml(berichten.read(uow, actor, bericht_id))
