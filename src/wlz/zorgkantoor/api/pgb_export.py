"""``GET /api/pgb-beschikkingen?jaar=``: the zorgkantoor's pgb decisions of a year as ``PgbBeschikking`` records
(docs/pgb.md), for ``wlz pgb importeer`` or the pgb administration's ``POST /api/beschikkingen``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request

from ..services import pgb_export
from ..services.actor import Actor
from .deps import ApiRoles

router = APIRouter(tags=["pgb"])


@router.get("/pgb-beschikkingen", response_model=list[dict[str, Any]])
def pgb_beschikkingen(
    request: Request,
    jaar: int = Query(..., ge=2000, le=2100, description="Kalenderjaar"),
    actor: Actor = Depends(ApiRoles("beoordelaar", "beheerder")),
) -> Any:
    """De pgb-beschikkingen van een jaar in het afgesproken formaat (zonder BSN)."""
    with request.app.state.uow(write=True) as uow:  # every read writes its access-log line
        return pgb_export.pgb_beschikkingen(uow, actor, jaar)
