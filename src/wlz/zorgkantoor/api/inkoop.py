"""The zorginkoop's API: thin routes over ``services.inkoop``; each declares its roles.

Ids of inkoop objects travel in the body or the query (``/inkoop/contract?id=...``), a client's id in the path as
elsewhere in the API. Amounts are answered in cents (``*_cent``), percentages as numbers.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from pydantic import BeforeValidator
from starlette.concurrency import run_in_threadpool

from wlz.platform.gates import Public

from ..services import inkoop
from ..services import inkoop_invoer as iv
from ..services.actor import Actor
from .deps import ApiRoles

if TYPE_CHECKING:
    from ..storage.uow import UnitOfWork

PDF = "application/pdf"

router = APIRouter(tags=["zorginkoop"])

Antwoord = dict[str, Any]


def _iso_datum(v: object) -> object:
    """Only a date as 2024-01-31 (pydantic would read a number as seconds since 1970)."""
    if v is not None and not (isinstance(v, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", v)):
        raise ValueError("gebruik een datum als 2024-01-31")
    return v


IsoDatum = Annotated[dt.date | None, BeforeValidator(_iso_datum)]


def _alleen(*namen: str) -> Any:
    """A dependency refusing query parameters the route does not know (422 naming the first), so a misspelt
    filter is not silently ignored."""

    def check(request: Request) -> None:
        onbekend = sorted(set(request.query_params) - set(namen))
        if onbekend:
            raise RequestValidationError(
                [
                    {
                        "type": "extra_forbidden",
                        "loc": ("query", onbekend[0]),
                        "msg": "onbekende parameter",
                        "input": None,
                    }
                ]
            )

    return Depends(check)


def _rol(*acties: str) -> ApiRoles:
    rollen: set[str] = set()
    for a in acties:
        rollen |= inkoop.rollen_voor(a)
    return ApiRoles(*sorted(rollen))


def _uow(request: Request) -> UnitOfWork:
    uow: UnitOfWork = request.app.state.uow(write=True)  # every read writes its access-log line
    return uow


def _json(x: Any) -> Any:
    return jsonable_encoder(x)


# --- inkoopkaders ------------------------------------------------------------------------------------------------
@router.get("/inkoop/kaders", response_model=list[Antwoord], dependencies=[_alleen()])
def kaders(request: Request, actor: Actor = Depends(_rol("inkoop.lezen"))) -> Any:
    with _uow(request) as uow:
        return _json(inkoop.kaders(uow, actor))


@router.post("/inkoop/kaders", response_model=Antwoord)
def kader_opslaan(request: Request, data: iv.KaderInvoer, actor: Actor = Depends(_rol("inkoop.beheren"))) -> Any:
    """Leg het inkoopkader van een jaar en regio vast (regio: COD001-code) of werk het bij."""
    with _uow(request) as uow:
        return _json(inkoop.kader_opslaan(uow, actor, data))


@router.post("/inkoop/kaders/publiceren", response_model=Antwoord)
def kader_publiceren(
    request: Request, data: iv.PublicerenInvoer, actor: Actor = Depends(_rol("inkoop.beheren"))
) -> Any:
    with _uow(request) as uow:
        return _json(inkoop.kader_publiceren(uow, actor, data))


@router.get("/inkoop/publiek/kaders", response_model=list[Antwoord], dependencies=[Depends(Public()), _alleen()])
def publieke_kaders(request: Request) -> Any:
    """De gepubliceerde inkoopkaders (zonder inloggen)."""
    with _uow(request) as uow:
        return _json(inkoop.publieke_kaders(uow))


@router.get(
    "/inkoop/publiek/vergelijking",
    response_model=list[Antwoord],
    dependencies=[Depends(Public()), _alleen("regio", "leveringsvorm", "peildatum")],
)
def vergelijking(
    request: Request,
    regio: str = Query("", max_length=4, description="COD001-code van de zorgkantoorregio"),
    leveringsvorm: str = Query("", max_length=10),
    peildatum: IsoDatum = None,
) -> Any:
    """Gecontracteerde zorgaanbieders per regio en leveringsvorm (zonder inloggen)."""
    with _uow(request) as uow:
        return _json(
            inkoop.vergelijking(uow, regio=regio or None, leveringsvorm=leveringsvorm or None, peildatum=peildatum)
        )


# --- providers, tariffs, experiments -------------------------------------------------------------------------------
@router.get("/inkoop/aanbieders", response_model=list[Antwoord], dependencies=[_alleen()])
def aanbieders(request: Request, actor: Actor = Depends(_rol("inkoop.lezen"))) -> Any:
    with _uow(request) as uow:
        return _json(inkoop.aanbieders(uow, actor))


@router.post("/inkoop/aanbieders", response_model=Antwoord)
def aanbieder_opslaan(
    request: Request, data: iv.AanbiederInvoer, actor: Actor = Depends(_rol("inkoop.beheren"))
) -> Any:
    with _uow(request) as uow:
        return _json(inkoop.aanbieder_opslaan(uow, actor, data))


@router.post("/inkoop/locaties", status_code=204)
def locatie_toevoegen(request: Request, data: iv.LocatieInvoer, actor: Actor = Depends(_rol("inkoop.beheren"))) -> None:
    with _uow(request) as uow:
        inkoop.locatie_toevoegen(uow, actor, data)


@router.post("/inkoop/kwaliteitsrapporten", status_code=204)
def kwaliteitsrapport_opslaan(
    request: Request, data: iv.KwaliteitsrapportInvoer, actor: Actor = Depends(_rol("inkoop.beheren"))
) -> None:
    with _uow(request) as uow:
        inkoop.kwaliteitsrapport_opslaan(uow, actor, data)


@router.post(
    "/inkoop/kwaliteitsrapporten/bestand",
    status_code=201,
    response_model=Antwoord,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {PDF: {"schema": {"type": "string", "format": "binary"}}},
            "description": "Het kwaliteitsrapport als PDF (ten hoogste WLZ_MAX_UPLOAD_MB)",
        }
    },
)
async def kwaliteitsrapport_uploaden(
    request: Request,
    agb_code: str = Query(pattern=r"^\d{8}$"),
    jaar: int = Query(ge=2015, le=2100),
    bestandsnaam: str = Query("kwaliteitsrapport.pdf", max_length=200),
    actor: Actor = Depends(_rol("inkoop.beheren")),
) -> Any:
    """Upload het kwaliteitsrapport van een jaar als PDF; het staat daarna openbaar op de vergelijking."""
    inhoud = await request.body()
    d = iv.KwaliteitsrapportBestandInvoer(agb_code=agb_code, jaar=jaar)

    def run() -> str:
        with _uow(request) as uow:
            return inkoop.kwaliteitsrapport_uploaden(
                uow,
                actor,
                d,
                bestandsnaam=bestandsnaam,
                content_type=request.headers.get("content-type", ""),
                inhoud=inhoud,
                max_bytes=request.app.state.settings.max_upload_bytes,
            )

    rapport_id = await run_in_threadpool(run)
    return {"id": rapport_id, "url": inkoop.RAPPORT_DOWNLOAD.format(rapport_id=rapport_id)}


@router.get("/inkoop/tarieven", response_model=list[Antwoord], dependencies=[_alleen()])
def tarieven(request: Request, actor: Actor = Depends(_rol("inkoop.lezen"))) -> Any:
    with _uow(request) as uow:
        return _json(inkoop.tarieven(uow, actor))


@router.post("/inkoop/tarieven", response_model=Antwoord)
def tarieven_opslaan(
    request: Request, data: iv.TarieventabelInvoer, actor: Actor = Depends(_rol("inkoop.beheren"))
) -> Any:
    """Een tabel met maximumtarieven, elk met bron (alle regels of geen)."""
    with _uow(request) as uow:
        return {"opgeslagen": inkoop.tarieven_opslaan(uow, actor, data)}


@router.get("/inkoop/experimenten", response_model=list[Antwoord], dependencies=[_alleen()])
def experimenten(request: Request, actor: Actor = Depends(_rol("inkoop.lezen"))) -> Any:
    with _uow(request) as uow:
        return _json(inkoop.experimenten(uow, actor))


@router.post("/inkoop/experimenten", response_model=Antwoord)
def experiment_opslaan(
    request: Request, data: iv.ExperimentInvoer, actor: Actor = Depends(_rol("inkoop.beheren"))
) -> Any:
    with _uow(request) as uow:
        return _json(inkoop.experiment_opslaan(uow, actor, data))


# --- contracts -----------------------------------------------------------------------------------------------------
@router.get("/inkoop/contracten", response_model=list[Antwoord], dependencies=[_alleen("regio", "status")])
def contracten(
    request: Request,
    regio: str = Query("", max_length=4),
    status: str = Query("", max_length=12),
    actor: Actor = Depends(_rol("inkoop.lezen", "contract.eigen")),
) -> Any:
    """Contracten met hun prestaties; een zorgaanbieder ziet alleen de eigen contracten."""
    with _uow(request) as uow:
        return _json(inkoop.contracten(uow, actor, regio=regio or None, status=status or None))


@router.get("/inkoop/contract", response_model=Antwoord, dependencies=[_alleen("id")])
def contract(
    request: Request,
    id: str = Query(..., min_length=1, max_length=32),
    actor: Actor = Depends(_rol("inkoop.lezen", "contract.eigen")),
) -> Any:
    with _uow(request) as uow:
        return _json(inkoop.contract(uow, actor, id))


@router.post("/inkoop/contracten", status_code=201, response_model=Antwoord)
def contract_opslaan(request: Request, data: iv.ContractInvoer, actor: Actor = Depends(_rol("inkoop.beheren"))) -> Any:
    with _uow(request) as uow:
        return _json(inkoop.contract_opslaan(uow, actor, data))


@router.post("/inkoop/contracten/status", response_model=Antwoord)
def contract_status(
    request: Request, data: iv.ContractStatusInvoer, actor: Actor = Depends(_rol("inkoop.beheren"))
) -> Any:
    with _uow(request) as uow:
        return _json(inkoop.contract_status(uow, actor, data))


# --- capacity ------------------------------------------------------------------------------------------------------
@router.post("/inkoop/capaciteit", status_code=204)
def capaciteit_opslaan(
    request: Request, data: iv.CapaciteitInvoer, actor: Actor = Depends(_rol("inkoop.beheren"))
) -> None:
    with _uow(request) as uow:
        inkoop.capaciteit_opslaan(uow, actor, data)


@router.post("/inkoop/capaciteitsnormen", status_code=204)
def norm_opslaan(request: Request, data: iv.NormInvoer, actor: Actor = Depends(_rol("inkoop.beheren"))) -> None:
    with _uow(request) as uow:
        inkoop.norm_opslaan(uow, actor, data)


@router.get("/inkoop/capaciteit", response_model=Antwoord, dependencies=[_alleen("jaar")])
def capaciteitsregister(
    request: Request,
    jaar: int | None = Query(None, ge=2015, le=2100, description="Leeg: dit jaar"),
    actor: Actor = Depends(_rol("inkoop.lezen")),
) -> Any:
    """Behandelaren in fte per aanbieder en regio tegenover de cliënten per profiel; tekorten."""
    with _uow(request) as uow:
        reg = inkoop.capaciteitsregister(uow, actor, jaar or dt.date.today().year)
    return _json(
        {
            "jaar": reg.jaar,
            "peildatum": reg.peildatum,
            "normen": reg.normen,
            "regels": [{**vars(r), "tekort": r.tekort} for r in reg.regels],
        }
    )


# --- a client's choice, vouchers, cliëntondersteuning ------------------------------------------------------------
@router.get("/clients/{client_id}/inkoop", response_model=Antwoord, dependencies=[_alleen()])
def keuzedossier(request: Request, client_id: str, actor: Actor = Depends(_rol("keuze.lezen"))) -> Any:
    with _uow(request) as uow:
        return _json(inkoop.keuzedossier(uow, actor, client_id))


@router.post("/clients/{client_id}/keuzes", status_code=201, response_model=Antwoord)
def keuze_vastleggen(
    request: Request, client_id: str, data: iv.KeuzeInvoer, actor: Actor = Depends(_rol("keuze.vastleggen"))
) -> Any:
    """De voorkeursaanbieder per module wordt de zorgtoewijzing (AW33); geweigerd zonder dekkend contract."""
    with _uow(request) as uow:
        return _json(inkoop.keuze_vastleggen(uow, actor, client_id, data))


@router.post("/clients/{client_id}/vouchers", status_code=201, response_model=Antwoord)
def voucher_uitgeven(
    request: Request, client_id: str, data: iv.VoucherInvoer, actor: Actor = Depends(_rol("voucher.uitgeven"))
) -> Any:
    with _uow(request) as uow:
        return _json(inkoop.voucher_uitgeven(uow, actor, client_id, data))


@router.post("/clients/{client_id}/vouchers/inwisselen", response_model=Antwoord)
def voucher_inwisselen(
    request: Request, client_id: str, data: iv.InwisselInvoer, actor: Actor = Depends(_rol("voucher.inwisselen"))
) -> Any:
    with _uow(request) as uow:
        return _json(inkoop.voucher_inwisselen(uow, actor, client_id, data))


@router.post("/clients/{client_id}/ondersteuning", status_code=201, response_model=Antwoord)
def ondersteuning_vastleggen(
    request: Request,
    client_id: str,
    data: iv.OndersteuningInvoer,
    actor: Actor = Depends(_rol("ondersteuning.vastleggen")),
) -> Any:
    with _uow(request) as uow:
        return _json(inkoop.ondersteuning_vastleggen(uow, actor, client_id, data))
