"""Dutch pages of the declarations, the ledger and the zorginkoop reports. The same use cases
as the API (``services.declaraties``, ``services.inkoop_rapport``): a provider uploads and reads only its own
declarations and ledger; the zorginkoper and the beoordelaar see all, and read the reports."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Depends, Query, Request

from wlz import bsn as bsnmod
from wlz.platform.streaming import csv_download

from ..domain.declaratie import REDENEN
from ..domain.fouten import DomainError
from ..services import declaraties, inkoop_rapport
from ..services.actor import Actor
from ..services.declaraties import RECHTEN, rollen_voor
from ..threadpool import writing
from .deps import WebRoles
from .pages import render, terug

router = APIRouter(include_in_schema=False)


def _rol(actie: str) -> WebRoles:
    return WebRoles(*rollen_voor(actie))


def _maskeer(waarde: str | None) -> str:
    if not waarde:
        return "—"
    return bsnmod.maskeer(waarde) if len(waarde) >= 4 else "****"


def _ctx(**ctx: Any) -> dict[str, Any]:
    return {"DECLARATIE_RECHTEN": RECHTEN, "REDENEN": REDENEN, "maskeer_bsn": _maskeer, **ctx}


async def _lijst(request: Request, actor: Actor, code: int = 200, **ctx: Any):
    rows = await writing(request, lambda uow, a: declaraties.batches(uow, a), actor)
    return render(request, "declaraties/lijst.html", code=code, **_ctx(batches=rows, **ctx))


@router.get("/declaraties")
async def declaraties_pagina(request: Request, actor: Actor = Depends(_rol("declaratie.lezen"))):
    return await _lijst(request, actor)


@router.post("/declaraties")
async def declaraties_uploaden(request: Request, actor: Actor = Depends(_rol("declaratie.importeren"))):
    form = await request.form()
    bestand = form.get("bestand")
    agb = form.get("agb_code")
    agb_code = agb.strip() if isinstance(agb, str) and agb.strip() else None
    if bestand is None or isinstance(bestand, str):
        return await _lijst(request, actor, code=422, fout="Kies een declaratiebestand (bestand).")
    data = await bestand.read()
    naam = (bestand.filename or "declaraties.csv")[:200]
    try:
        r = await writing(
            request,
            lambda uow, a: declaraties.importeer(uow, a, agb_code=agb_code, bestandsnaam=naam, data=data),
            actor,
        )
    except DomainError as exc:
        return await _lijst(request, actor, code=422, fout=f"Bestand niet ingelezen ({exc.veld}): {exc.bericht}")
    melding = (
        f"{r.aantal_regels} regels ingelezen: {r.aantal_geaccepteerd} geaccepteerd, {r.aantal_geweigerd} geweigerd."
    )
    return terug(request, f"/declaraties/{r.batch_id}", melding=melding)


@router.get("/declaraties/export")
async def declaraties_export(
    request: Request,
    agb_code: str | None = Query(None, pattern=r"^\d{8}$"),
    actor: Actor = Depends(_rol("declaratie.exporteren")),
):
    return csv_download(
        request.app.state.uow(), lambda uow: declaraties.exporteer(uow, actor, agb_code=agb_code), "wlz_zin.csv"
    )


@router.get("/declaraties/{batch_id}")
async def declaratiebestand(
    request: Request,
    batch_id: str,
    offset: int = Query(0, ge=0, le=10_000_000),
    actor: Actor = Depends(_rol("declaratie.lezen")),
):
    i = await writing(request, lambda uow, a: declaraties.batch(uow, a, batch_id, limit=200, offset=offset), actor)
    return render(request, "declaraties/bestand.html", **_ctx(inzage=i, offset=offset))


@router.get("/grootboek")
async def grootboek_pagina(
    request: Request,
    jaar: int | None = Query(None, ge=2000, le=2100),
    actor: Actor = Depends(_rol("grootboek.lezen")),
):
    jaar = jaar or dt.date.today().year
    regels = await writing(request, lambda uow, a: declaraties.grootboek(uow, a, jaar), actor)
    totaal = sum(r.bedrag_cent for r in regels)
    return render(request, "declaraties/grootboek.html", **_ctx(jaar=jaar, regels=regels, totaal=totaal))


@router.get("/inkooprapport")
async def inkooprapport_pagina(
    request: Request,
    jaar: int | None = Query(None, ge=2000, le=2100),
    actor: Actor = Depends(_rol("inkooprapport.lezen")),
):
    jaar = jaar or dt.date.today().year
    r = await writing(request, lambda uow, a: inkoop_rapport.rapport(uow, a, jaar), actor)
    return render(request, "declaraties/rapport.html", **_ctx(jaar=jaar, rapport=r))
