"""API routes. Each declares its roles (``ApiRoles``) and calls one use case in one unit of work."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BeforeValidator

from wlz.platform.access_log import Toegangsregel
from wlz.platform.gates import Public
from wlz.platform.hot_reads import Param

from ..domain.aanvraag import STATUSSEN, Aanvraag
from ..domain.model import Client, Indicatiebesluit, LeveringsvormKeuze, Zorgtoewijzing
from ..services import aanvragen, dashboard, dossier, invoer, toegang
from ..services.actor import Actor
from ..services.autorisatie import rollen_voor
from ..storage import read_models
from . import schemas as s
from .antwoord import JsonAntwoord, row_dict, rows
from .deps import ApiRoles

if TYPE_CHECKING:
    from ..storage.uow import UnitOfWork

router = APIRouter(responses=s.FOUTEN)
T = TypeVar("T")


def _iso_datum(v: object) -> object:
    """Only a date as 2024-01-31: pydantic would otherwise read a number (van=20240101) as seconds since 1970."""
    if v is not None and not (isinstance(v, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", v)):
        raise ValueError("gebruik een datum als 2024-01-31")
    return v


IsoDatum = Annotated[dt.date | None, BeforeValidator(_iso_datum)]


def _rol(actie: str) -> ApiRoles:
    return ApiRoles(*rollen_voor(actie))


def _uow(request: Request, write: bool = True) -> UnitOfWork:
    """Almost every call writes: a read of a client's file writes its access-log line in the same transaction."""
    uow: UnitOfWork = request.app.state.uow(write=write)
    return uow


def _read_and_log(app: Any, read: Callable[[UnitOfWork], T]) -> T:
    """Run ``read(uow)``, a read whose only write is its access-log line: the answer leaves only once the line is
    committed, and a read that fails writes no line.

    The unit of work is a logged read (``wlz.platform.uow``): the reads run without a transaction of their own,
    and the commit hands the line to the process's group commit (``wlz.platform.access_log.GroupCommit``), which
    writes the lines of every read waiting with one INSERT and wakes them. On PostgreSQL a file read was BEGIN,
    the SELECT, the INSERT and COMMIT, four round trips; now it is the SELECT and its share of one INSERT. On
    SQLite the reads no longer take the one write lock each: the group commit takes it once per turn, after the
    process's own writers' turns (``WriteTurns``)."""
    with app.state.uow(logged_read=True) as uow:
        return read(uow)


#: the deepest offset a list is paged to (a bigger one is refused with 422; beyond it, narrow the search): far
#: beyond any work list, and far inside the 64-bit integers both databases take
MAX_OFFSET = 1_000_000
#: the largest id a keyset parameter takes: the access log's id is an INTEGER column (32 bits on PostgreSQL;
#: a larger value was a database error, found by the API fuzz run)
MAX_ID = 2**31 - 1
#: keyset paging of the client list and the work list: ``na`` is the id of the last row of the previous page
#: (ids are opaque letters and digits); a deep page then costs what the first does, unlike ``offset``
NA_PATROON = "^[A-Za-z0-9_-]{1,32}$"
NA_UITLEG = "Volgende pagina: de id van de laatste {wat} van de vorige pagina (sneller dan offset)"


@router.get("/health", dependencies=[Depends(Public())], tags=["systeem"])
def health() -> dict[str, Any]:
    return {"status": "ok"}


# --- clients ----------------------------------------------------------------------------------------------
@router.post("/clients", status_code=201, response_model=s.ClientUit, tags=["cliënten"])
def client_registreren(
    request: Request, data: invoer.ClientInvoer, actor: Actor = Depends(_rol("client.registreren"))
) -> Client:
    with _uow(request) as uow:
        return dossier.registreer_client(uow, actor, data)


#: the client list's query parameters (the route's ``Query`` and the fast path's check: ``api.hot``)
CLIENT_LIST_PARAMS = {
    "q": Param("", max_length=100, description="Deel van de naam (een BSN zoekt u met POST /clients/zoeken)"),
    "limit": Param(50, ge=1, le=500),
    "offset": Param(0, ge=0, le=MAX_OFFSET),
    "na": Param(None, max_length=32, pattern=NA_PATROON, description=NA_UITLEG.format(wat="cliënt")),
}
_CL = CLIENT_LIST_PARAMS


def client_list(app: Any, actor: Actor, q: str, limit: int, offset: int, na: str | None) -> list[dict[str, Any]]:
    """The client list's answer (the route's and the fast path's): plain rows of the read model, serialised
    without a second validation (see api.antwoord)."""
    columns = read_models.CLIENT_LIST
    return _read_and_log(
        app, lambda uow: rows(dossier.zoek(uow, actor, q, limit=limit, offset=offset, columns=columns, na=na), columns)
    )


@router.get("/clients", response_model=list[s.ClientKort], tags=["cliënten"])
def clients_zoeken(
    request: Request,
    q: str = _CL["q"].query(),
    limit: int = _CL["limit"].query(),
    offset: int = _CL["offset"].query(),
    na: str | None = _CL["na"].query(),
    actor: Actor = Depends(_rol("client.zoeken")),
) -> JsonAntwoord:
    return JsonAntwoord(client_list(request.app, actor, q, limit, offset, na))


_DOSSIER = dossier.DossierColumns(**read_models.CLIENT_FILE)


@router.post("/clients/zoeken", response_model=s.ClientKort, tags=["cliënten"])
def client_op_bsn(
    request: Request, data: invoer.BsnZoekInvoer, actor: Actor = Depends(_rol("client.zoeken"))
) -> Client:
    """Zoek een cliënt op BSN. Het BSN staat in de body, nooit in de URL."""
    with _uow(request) as uow:
        return dossier.zoek_op_bsn(uow, actor, data)


def client_file(app: Any, actor: Actor, client_id: str) -> dict[str, Any]:
    """A client's file as the API answers it (the route's and the fast path's), from plain rows of the read
    model (see api.antwoord and storage.read_models): the hottest read."""

    def read(uow: UnitOfWork) -> dict[str, Any]:
        d = dossier.dossier(uow, actor, client_id, columns=_DOSSIER)
        k = _DOSSIER
        return {
            "client": row_dict(d.client, k.client),
            "indicaties": rows(d.indicaties, k.indicaties),
            "leveringsvormen": rows(d.keuzes, k.keuzes),
            "toewijzingen": rows(d.toewijzingen, k.toewijzingen),
            "aanvragen": rows(d.aanvragen, k.aanvragen) if d.aanvragen_zichtbaar else None,
        }

    return _read_and_log(app, read)


@router.get("/clients/{client_id}", response_model=s.DossierUit, tags=["cliënten"])
def client_dossier(request: Request, client_id: str, actor: Actor = Depends(_rol("client.lezen"))) -> JsonAntwoord:
    return JsonAntwoord(client_file(request.app, actor, client_id))


@router.post("/clients/{client_id}/indicaties", status_code=201, response_model=s.IndicatieUit, tags=["cliënten"])
def indicatie_registreren(
    request: Request,
    client_id: str,
    data: invoer.IndicatieInvoer,
    actor: Actor = Depends(_rol("indicatie.registreren")),
) -> Indicatiebesluit:
    with _uow(request) as uow:
        return dossier.registreer_indicatie(uow, actor, client_id, data)


@router.post("/clients/{client_id}/leveringsvorm", status_code=201, response_model=s.KeuzeUit, tags=["cliënten"])
def leveringsvorm_kiezen(
    request: Request, client_id: str, data: invoer.KeuzeInvoer, actor: Actor = Depends(_rol("leveringsvorm.kiezen"))
) -> LeveringsvormKeuze:
    """Leg de keuze vast. Voor zorg thuis draait eerst de doelmatigheidstoets van de rekenregels."""
    with _uow(request) as uow:
        return dossier.kies_leveringsvorm(uow, actor, client_id, data)


@router.post(
    "/clients/{client_id}/toewijzingen", status_code=201, response_model=s.ToewijzingUit, tags=["zorgtoewijzing"]
)
def toewijzing_maken(
    request: Request, client_id: str, data: invoer.ToewijzingInvoer, actor: Actor = Depends(_rol("toewijzing.maken"))
) -> Zorgtoewijzing:
    with _uow(request) as uow:
        return dossier.maak_toewijzing(uow, actor, client_id, data)


@router.get("/toewijzingen/{toewijzing_id}", response_model=s.ToewijzingUit, tags=["zorgtoewijzing"])
def toewijzing_lezen(
    request: Request, toewijzing_id: str, actor: Actor = Depends(_rol("client.lezen"))
) -> Zorgtoewijzing:
    with _uow(request) as uow:
        return dossier.toewijzing(uow, actor, toewijzing_id)


@router.post("/toewijzingen/{toewijzing_id}/aanvang", response_model=s.ToewijzingUit, tags=["zorgtoewijzing"])
def aanvang_melden(
    request: Request, toewijzing_id: str, data: invoer.MeldingInvoer, actor: Actor = Depends(_rol("toewijzing.melden"))
) -> Zorgtoewijzing:
    """Aanvang van de zorg (iWlz AW35), gemeld door de zorgaanbieder."""
    with _uow(request) as uow:
        return dossier.meld_aanvang(uow, actor, toewijzing_id, data)


@router.post("/toewijzingen/{toewijzing_id}/einde", response_model=s.ToewijzingUit, tags=["zorgtoewijzing"])
def einde_melden(
    request: Request, toewijzing_id: str, data: invoer.MeldingInvoer, actor: Actor = Depends(_rol("toewijzing.melden"))
) -> Zorgtoewijzing:
    """Einde van de zorg (iWlz AW39), gemeld door de zorgaanbieder."""
    with _uow(request) as uow:
        return dossier.meld_einde(uow, actor, toewijzing_id, data)


# --- requests for extra care ------------------------------------------------------------------------------
@router.post("/clients/{client_id}/aanvragen", status_code=201, response_model=s.AanvraagUit, tags=["aanvragen"])
def aanvraag_indienen(
    request: Request, client_id: str, data: invoer.IntakeInvoer, actor: Actor = Depends(_rol("aanvraag.indienen"))
) -> Aanvraag:
    """Eén intake voor alle extra zorg: elke regeling wordt door de rekenregels beoordeeld."""
    # the rules evaluate outside the write transaction (see aanvragen.dien_in_en_bewaar)
    return aanvragen.dien_in_en_bewaar(request.app.state.uow, actor, client_id, data)


@router.post(
    "/clients/{client_id}/aanvragen/herhaling", status_code=201, response_model=s.AanvraagUit, tags=["aanvragen"]
)
def aanvraag_herhalen(
    request: Request, client_id: str, data: invoer.HerhaalInvoer, actor: Actor = Depends(_rol("aanvraag.indienen"))
) -> Aanvraag:
    """Herhaalaanvraag: alleen wat veranderde sinds de vorige aanvraag."""
    return aanvragen.dien_in_en_bewaar(request.app.state.uow, actor, client_id, data, herhaling=True)


#: the work list's query parameters (the route's ``Query`` and the fast path's check: ``api.hot``)
WORK_LIST_PARAMS = {
    "status": Param(None, pattern="^(" + "|".join(STATUSSEN) + ")$"),
    "limit": Param(100, ge=1, le=1000),
    "offset": Param(0, ge=0, le=MAX_OFFSET),
    "na": Param(None, max_length=32, pattern=NA_PATROON, description=NA_UITLEG.format(wat="aanvraag")),
}
_WL = WORK_LIST_PARAMS


def work_list(
    app: Any, actor: Actor, status: str | None, limit: int, offset: int, na: str | None
) -> list[dict[str, Any]]:
    """The work list's answer (the route's and the fast path's): one SELECT, no access-log line (no client's
    file is opened), so no transaction of its own."""
    columns = read_models.WORK_LIST
    with app.state.uow(single_read=True) as uow:
        lijst = aanvragen.werkvoorraad(uow, actor, status, limit=limit, offset=offset, columns=columns, na=na)
    return rows(lijst, columns)


@router.get("/aanvragen", response_model=list[s.AanvraagKort], tags=["aanvragen"])
def werkvoorraad(
    request: Request,
    status: str | None = _WL["status"].query(),
    limit: int = _WL["limit"].query(),
    offset: int = _WL["offset"].query(),
    na: str | None = _WL["na"].query(),
    actor: Actor = Depends(_rol("werkvoorraad")),
) -> JsonAntwoord:
    return JsonAntwoord(work_list(request.app, actor, status, limit, offset, na))


@router.get("/aanvragen/{aanvraag_id}", response_model=s.AanvraagUit, tags=["aanvragen"])
def aanvraag_lezen(request: Request, aanvraag_id: str, actor: Actor = Depends(_rol("aanvraag.lezen"))) -> Aanvraag:
    with _uow(request) as uow:
        return aanvragen.read(uow, actor, aanvraag_id)


_BEH = "aanvraag.behandelen"


@router.post("/aanvragen/{aanvraag_id}/behandelen", response_model=s.AanvraagUit, tags=["aanvragen"])
def aanvraag_behandelen(request: Request, aanvraag_id: str, actor: Actor = Depends(_rol(_BEH))) -> Aanvraag:
    with _uow(request) as uow:
        return aanvragen.neem_in_behandeling(uow, actor, aanvraag_id)


@router.post("/aanvragen/{aanvraag_id}/advies-vragen", response_model=s.AanvraagUit, tags=["aanvragen"])
def advies_vragen(
    request: Request, aanvraag_id: str, data: invoer.AdviesVraagInvoer, actor: Actor = Depends(_rol(_BEH))
) -> Aanvraag:
    with _uow(request) as uow:
        return aanvragen.vraag_advies(uow, actor, aanvraag_id, data)


@router.post("/aanvragen/{aanvraag_id}/advies-ontvangen", response_model=s.AanvraagUit, tags=["aanvragen"])
def advies_ontvangen(
    request: Request, aanvraag_id: str, data: invoer.AdviesInvoer, actor: Actor = Depends(_rol(_BEH))
) -> Aanvraag:
    with _uow(request) as uow:
        return aanvragen.advies_ontvangen(uow, actor, aanvraag_id, data)


@router.post("/aanvragen/{aanvraag_id}/verlengen", response_model=s.AanvraagUit, tags=["aanvragen"])
def termijn_verlengen(
    request: Request, aanvraag_id: str, data: invoer.VerlengInvoer, actor: Actor = Depends(_rol(_BEH))
) -> Aanvraag:
    with _uow(request) as uow:
        return aanvragen.verleng(uow, actor, aanvraag_id, data)


@router.post("/aanvragen/{aanvraag_id}/herberekenen", response_model=s.AanvraagUit, tags=["aanvragen"])
def herberekenen(request: Request, aanvraag_id: str, actor: Actor = Depends(_rol(_BEH))) -> Aanvraag:
    with _uow(request) as uow:
        return aanvragen.herbeoordeel(uow, actor, aanvraag_id)


@router.post("/aanvragen/{aanvraag_id}/besluit", response_model=s.AanvraagUit, tags=["aanvragen"])
def besluiten(
    request: Request, aanvraag_id: str, data: invoer.BesluitInvoer, actor: Actor = Depends(_rol(_BEH))
) -> Aanvraag:
    with _uow(request) as uow:
        return aanvragen.besluit(uow, actor, aanvraag_id, data)


# --- monitoring and access log ----------------------------------------------------------------------------
@router.get("/dashboard", response_model=s.DashboardUit, tags=["monitoring"])
def dashboard_cijfers(request: Request, actor: Actor = Depends(_rol("dashboard"))) -> s.DashboardUit:
    with _uow(request, write=False) as uow:
        return s.DashboardUit(**vars(dashboard.cijfers(uow, actor)))


@router.get("/toegangslog", response_model=list[s.ToegangsregelUit], tags=["beheer"])
def toegangslog_zoeken(
    request: Request,
    client_id: str | None = Query(None, max_length=32),
    gebruikersnaam: str | None = Query(None, max_length=100),
    van: IsoDatum = None,
    tot: IsoDatum = None,
    limit: int = Query(200, ge=1, le=5000),
    voor_id: int | None = Query(
        None, ge=1, le=MAX_ID, description="Volgende pagina: de regels ouder dan deze (de laatste id van de vorige)"
    ),
    actor: Actor = Depends(_rol("toegangslog.zoeken")),
) -> Sequence[Toegangsregel]:
    with request.app.state.uow(logged_read=True) as uow:  # a search, logged too (see _read_and_log)
        return toegang.zoek(
            uow,
            actor,
            client_id=client_id,
            gebruikersnaam=gebruikersnaam,
            van=van,
            tot=tot,
            limit=limit,
            before_id=voor_id,
        )
