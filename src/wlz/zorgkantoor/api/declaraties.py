"""API routes of the declarations, the ledger and the zorginkoop reports. Thin: parse, call
one use case in ``services.declaraties`` / ``services.inkoop_rapport``, answer. A provider's token reaches only its
own declarations and ledger; the reports are the zorgkantoor's."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel

from wlz import bsn as bsnmod
from wlz.platform.streaming import csv_download

from ..domain.fouten import DomainError
from ..services import declaraties, inkoop_rapport
from ..services.actor import Actor
from ..services.declaraties import rollen_voor
from ..threadpool import writing
from .deps import ApiRoles

router = APIRouter(tags=["declaraties en zorginkoop"])

_BESTAND = {
    "requestBody": {
        "required": True,
        "content": {
            "text/csv": {"schema": {"type": "string", "format": "binary"}},
            "application/octet-stream": {"schema": {"type": "string", "format": "binary"}},
        },
        "description": "Het declaratiebestand: CSV of Parquet met de kolommen van wlz_zin (zie docs/zorginkoop.md)",
    }
}


#: a date in a query: only ``JJJJ-MM-DD`` (not a number of seconds, which pydantic would also take)
_DATUM = r"^\d{4}-\d{2}-\d{2}$"


def _datum(tekst: str | None, veld: str) -> dt.date | None:
    if tekst is None:
        return None
    try:
        return dt.date.fromisoformat(tekst)
    except ValueError:
        raise DomainError("Geen bestaande datum (JJJJ-MM-DD).", veld) from None


def _rol(actie: str) -> ApiRoles:
    return ApiRoles(*rollen_voor(actie))


class ImportUit(BaseModel):
    batch_id: str
    agb_code: str
    bestandsnaam: str
    aantal_regels: int
    aantal_geaccepteerd: int
    aantal_geweigerd: int
    bedrag_geaccepteerd_cent: int
    per_reden: dict[str, int]


class BatchUit(BaseModel):
    id: str
    agb_code: str
    bestandsnaam: str
    formaat: str
    ingelezen_op: dt.datetime
    aantal_regels: int
    aantal_geaccepteerd: int
    aantal_geweigerd: int
    bedrag_geaccepteerd_cent: int


class RegelUit(BaseModel):
    id: int
    volgnummer: int
    regelnummer: int
    client_id: str
    prestatiecode: str
    begindatum: dt.date
    einddatum: dt.date
    aantal: int
    bedrag_cent: int
    tarief_cent: int
    regio: str
    voucher_id: str | None


class WeigeringUit(BaseModel):
    volgnummer: int
    reden_code: str
    reden: str
    regelnummer: int | None
    client_id: str | None
    #: masked (``*****1234``): a BSN is never shown whole
    bsn: str | None
    prestatiecode: str | None
    begindatum: dt.date | None
    einddatum: dt.date | None
    aantal: int | None
    bedrag_cent: int | None


class BatchInzageUit(BaseModel):
    batch: BatchUit
    per_reden: dict[str, int]
    geaccepteerd: list[RegelUit]
    geweigerd: list[WeigeringUit]


class GrootboekUit(BaseModel):
    agb_code: str
    naam: str
    maand: str
    clienten_gekozen: int
    clienten_gedeclareerd: int
    regels: int
    bedrag_cent: int


def _batch(b: Any) -> BatchUit:
    return BatchUit.model_validate(b, from_attributes=True)


def _weigering(w: Any) -> WeigeringUit:
    masker = bsnmod.maskeer(w.bsn) if w.bsn and len(w.bsn) >= 4 else ("****" if w.bsn else None)
    return WeigeringUit(
        volgnummer=w.volgnummer,
        reden_code=w.reden_code,
        reden=w.reden,
        regelnummer=w.regelnummer,
        client_id=w.client_id,
        bsn=masker,
        prestatiecode=w.prestatiecode,
        begindatum=w.begindatum,
        einddatum=w.einddatum,
        aantal=w.aantal,
        bedrag_cent=w.bedrag_cent,
    )


@router.post("/declaraties", status_code=201, response_model=ImportUit, openapi_extra=_BESTAND)
async def declaraties_importeren(
    request: Request,
    agb_code: str | None = Query(None, description="Zorgaanbieder (de zorginkoper; een zorgaanbieder altijd zichzelf)"),
    bestandsnaam: str = Query("declaraties.csv", max_length=200),
    actor: Actor = Depends(_rol("declaratie.importeren")),
) -> ImportUit:
    """Lees een declaratiebestand in; elke regel wordt geaccepteerd of geweigerd met een reden."""
    data = await request.body()
    r = await writing(
        request,
        lambda uow, a: declaraties.importeer(uow, a, agb_code=agb_code, bestandsnaam=bestandsnaam, data=data),
        actor,
    )
    return ImportUit.model_validate(r, from_attributes=True)


@router.get("/declaraties", response_model=list[BatchUit])
async def declaratiebestanden(
    request: Request,
    agb_code: str | None = Query(None, pattern=r"^\d{8}$"),
    actor: Actor = Depends(_rol("declaratie.lezen")),
) -> list[BatchUit]:
    """De ingelezen declaratiebestanden, nieuwste eerst (een zorgaanbieder alleen de eigen)."""
    rows = await writing(request, lambda uow, a: declaraties.batches(uow, a, agb_code), actor)
    return [_batch(b) for b in rows]


@router.get(
    "/declaraties/export",
    response_model=None,
    responses={200: {"content": {"text/csv": {"schema": {"type": "string"}}}, "description": "wlz_zin.csv"}},
)
async def declaraties_exporteren(
    request: Request,
    agb_code: str | None = Query(None, pattern=r"^\d{8}$"),
    van: str | None = Query(None, pattern=_DATUM, description="JJJJ-MM-DD"),
    tot: str | None = Query(None, pattern=_DATUM, description="JJJJ-MM-DD"),
    actor: Actor = Depends(_rol("declaratie.exporteren")),
) -> StreamingResponse:
    """De geaccepteerde regels als wlz_zin.csv, de invoer van ``wlz analyse``."""
    begin, eind = _datum(van, "van"), _datum(tot, "tot")
    return csv_download(
        request.app.state.uow(),
        lambda uow: declaraties.exporteer(uow, actor, agb_code=agb_code, van=begin, tot=eind),
        "wlz_zin.csv",
    )


@router.get("/declaraties/{batch_id}", response_model=BatchInzageUit)
async def declaratiebestand(
    request: Request,
    batch_id: str,
    limit: int = Query(200, ge=1, le=1000),
    offset: int = Query(0, ge=0, le=10_000_000),
    actor: Actor = Depends(_rol("declaratie.lezen")),
) -> BatchInzageUit:
    """Eén ingelezen bestand: geaccepteerde en geweigerde regels (een pagina), aantallen per reden."""
    i = await writing(request, lambda uow, a: declaraties.batch(uow, a, batch_id, limit=limit, offset=offset), actor)
    return BatchInzageUit(
        batch=_batch(i.batch),
        per_reden=i.per_reden,
        geaccepteerd=[RegelUit.model_validate(r, from_attributes=True) for r in i.geaccepteerd],
        geweigerd=[_weigering(w) for w in i.geweigerd],
    )


@router.get("/grootboek", response_model=list[GrootboekUit])
async def grootboek(
    request: Request,
    jaar: int = Query(..., ge=2000, le=2100),
    agb_code: str | None = Query(None, pattern=r"^\d{8}$"),
    actor: Actor = Depends(_rol("grootboek.lezen")),
) -> list[GrootboekUit]:
    """Persoonsvolgende bekostiging: per zorgaanbieder en maand de cliënten die kozen en het geld dat volgde."""
    regels = await writing(request, lambda uow, a: declaraties.grootboek(uow, a, jaar, agb_code), actor)
    return [GrootboekUit.model_validate(r, from_attributes=True) for r in regels]


@router.get("/inkooprapport", response_model=dict[str, Any])
async def inkooprapport(
    request: Request,
    jaar: int = Query(..., ge=2000, le=2100),
    actor: Actor = Depends(_rol("inkooprapport.lezen")),
) -> dict[str, Any]:
    """Per regio en jaar: cliënten per aanbieder, aandeel, geld dat de keuze volgde, contracten per vorm,
    wachtenden met overbruggingszorg, en de zorgplichtcontrole."""
    r = await writing(request, lambda uow, a: inkoop_rapport.rapport(uow, a, jaar), actor)
    return inkoop_rapport.as_dict(r)
