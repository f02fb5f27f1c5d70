"""The CIZ's API: the work list and a request's decision for the CIZ's own systems, the dashboard figures.
Every route declares its roles (``Api``); the services check them again and write the access log."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Depends, Request

from ..domain.gebruiker import Actor, Rol
from ..services import aanvragen
from .deps import Api

router = APIRouter()


@router.get("/werkvoorraad")
def werkvoorraad(
    request: Request, actor: Actor = Depends(Api(Rol.INDICATIESTELLER, Rol.SYSTEEM))
) -> list[dict[str, Any]]:
    """Open requests, the nearest deadline first (no BSN)."""
    with request.app.state.uow(write=True) as uow:
        lijst = aanvragen.werkvoorraad(uow, actor)
    return [
        {
            "id": a.id,
            "ontvangstnummer": a.ontvangstnummer,
            "ontvangen": a.ontvangen.isoformat(),
            "uiterlijk": a.uiterlijk.isoformat(),
            "termijn": a.termijn_grond,
            "status": a.status,
        }
        for a in lijst
    ]


@router.get("/aanvragen/{aanvraag_id}")
def aanvraag(
    request: Request, aanvraag_id: str, actor: Actor = Depends(Api(Rol.INDICATIESTELLER, Rol.KWALITEITSTOETSER))
) -> dict[str, Any]:
    with request.app.state.uow(write=True) as uow:
        a = aanvragen.lees(uow, actor, aanvraag_id)
    return {
        "id": a.id,
        "ontvangstnummer": a.ontvangstnummer,
        "status": a.status,
        "uiterlijk": a.uiterlijk.isoformat(),
        "uitkomst": a.uitkomst,
        "zorgprofiel": a.zorgprofiel,
        "ingangsdatum": a.ingangsdatum.isoformat() if a.ingangsdatum else None,
        "einddatum": a.einddatum.isoformat() if a.einddatum else None,
        "op_tijd": a.op_tijd,
        "past_in_geen_profiel": a.past_in_geen_profiel,
        "besluitnummer": a.besluitnummer,
        "vervangt_besluitnummer": a.vervangt_besluitnummer,
        "ingetrokken_per": a.ingetrokken_per.isoformat() if a.ingetrokken_per else None,
    }


@router.get("/dashboard")
def dashboard(
    request: Request,
    jaar: int,
    week: int,
    actor: Actor = Depends(Api(Rol.INDICATIESTELLER, Rol.KWALITEITSTOETSER)),
) -> dict[str, Any]:
    if not (2015 <= jaar <= dt.date.today().year + 1 and 1 <= week <= 53):
        from wlz.common.errors import InputError

        raise InputError(
            "week" if jaar >= 2015 else "jaar", "Kies een jaar vanaf 2015 en een week van 1 tot en met 53."
        )
    with request.app.state.uow(write=True) as uow:
        d = aanvragen.dashboard(uow, actor, jaar, week)
    return {
        "jaar": d.jaar,
        "tot_week": d.tot_week,
        "besluiten": d.besluiten,
        "op_tijd": d.op_tijd,
        "aandeel_op_tijd": d.aandeel_op_tijd,
        "norm": 0.95,
        "afgewezen": d.afgewezen,
        "geen_profiel": d.geen_profiel,
        "afwijzing_per_sector": {k: {"afgewezen": v[0], "besluiten": v[1]} for k, v in d.afwijzing_per_sector.items()},
        "weken": [
            {"week": w.week, "besluiten": w.besluiten, "op_tijd": w.op_tijd, "cumulatief": w.aandeel_cumulatief}
            for w in d.weken
        ],
        "doorlooptijden": d.doorlooptijden,
    }


@router.get("/maatwerk")
def maatwerk_export(
    request: Request, actor: Actor = Depends(Api(Rol.INDICATIESTELLER, Rol.KWALITEITSTOETSER, Rol.SYSTEEM))
) -> list[dict[str, Any]]:
    """The maatwerkindicatie pilot's records (tag ``pilot``) for the scenario tooling; no person data."""
    from ..services import maatwerk

    with request.app.state.uow(write=True) as uow:
        return maatwerk.export(uow, actor)
