"""Pages for iWlz messages: upload an IO31 (zorgkantoor) or an AW35/AW39 (provider), download stored messages,
their retours (IO32, AW36, AW310) and a zorgtoewijzing as AW33; hand in a partner's retour (AW34, CA318, CA320).
The same use cases as the API (``services/berichten.py``). A message the iWlz rules refuse is shown with each
rule (code, element, Dutch text) and a link to its retour."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from wlz import iwlz

from ..domain.bericht import RESULTATEN, SOORTEN, BerichtGeweigerd
from ..domain.fouten import DomainError
from ..services import berichten
from ..services.actor import Actor
from ..services.autorisatie import RECHTEN, rollen_voor
from ..services.toegang import log
from ..threadpool import writing
from .deps import WebRoles
from .pages import render, terug

router = APIRouter(include_in_schema=False)

#: who sees the messages page: the zorgkantoor (IO31, overview) and providers (their AW33/AW35/AW39)
_PAGINA = WebRoles(*(RECHTEN["bericht.lezen"] | RECHTEN["toewijzing.melden"]))


def _rol(actie: str) -> WebRoles:
    return WebRoles(*rollen_voor(actie))


def _pagina(request: Request, actor: Actor, code: int = 200, **ctx):
    lijst = []
    if actor.rol in RECHTEN["bericht.lezen"]:
        with request.app.state.uow() as uow:
            lijst = berichten.find(uow, actor, limit=100)
    return render(request, "berichten.html", code=code, berichten=lijst, SOORTEN=SOORTEN, RESULTATEN=RESULTATEN, **ctx)


def _refused(request: Request, actor: Actor, exc: BerichtGeweigerd):
    """The page after a refusal by the iWlz rules: every rule broken, and the retour to download."""
    b = exc.iwlz_bericht
    return _pagina(
        request,
        actor,
        code=422,
        fout=f"Bericht geweigerd: het {b.soort}-bericht voldoet niet aan de iWlz-regels hieronder.",
        geweigerd=b,
        retour=exc.retour,
    )


@router.get("/berichten")
def berichten_pagina(request: Request, actor: Actor = Depends(_PAGINA)):
    return _pagina(request, actor)


async def _upload(request: Request) -> bytes:
    form = await request.form()
    bestand = form.get("bestand")
    if bestand is None or isinstance(bestand, str):
        return b""
    return await bestand.read()  # whole: the request's size is limited before it is read (WLZ_MAX_UPLOAD_MB)


@router.post("/berichten/io31")
async def io31_uploaden(request: Request, actor: Actor = Depends(_rol("bericht.importeren"))):
    data = await _upload(request)
    try:
        soort = iwlz.berichtsoort_of(iwlz.parse_xml(data, "IO31")).naam if data.strip() else "leeg"
    except iwlz.BerichtOngeldig as exc:
        return _pagina(request, actor, code=422, fout=f"Bericht geweigerd: {exc}")
    if soort in ("CA318", "CA320"):
        return await _retour_uploaden(request, actor, data)
    try:
        _, inds = await writing(request, berichten.import_io31, actor, data)
    except BerichtGeweigerd as exc:
        return _refused(request, actor, exc)
    except DomainError as exc:
        return _pagina(request, actor, code=422, fout=f"Bericht geweigerd: {exc.bericht}")
    return terug(request, "/berichten", melding=f"IO31 ingelezen: {len(inds)} indicatiebesluit(en) vastgelegd.")


@router.post("/berichten/melding")
async def melding_uploaden(request: Request, actor: Actor = Depends(_rol("toewijzing.melden"))):
    """AW35 (start of care) or AW39 (end of care); the type is read from the message itself."""
    data = await _upload(request)
    try:
        soort = iwlz.berichtsoort_of(iwlz.parse_xml(data)).naam if data.strip() else "leeg"
    except iwlz.BerichtOngeldig as exc:
        return _pagina(request, actor, code=422, fout=f"Bericht geweigerd: {exc}")
    try:
        if soort == "AW35":
            _, cak = await writing(request, berichten.import_aw35, actor, data)
            melding = "Aanvang zorg verwerkt" + ("; de melding aan het CAK (CA317) is gemaakt." if cak else ".")
        elif soort == "AW39":
            _, cak = await writing(request, berichten.import_aw39, actor, data)
            melding = "Mutatie verwerkt" + ("; de melding einde zorg aan het CAK (CA319) is gemaakt." if cak else ".")
        elif soort == "AW34":
            return await _retour_uploaden(request, actor, data)
        else:
            raise DomainError("Stuur hier een AW35- of AW39-bericht (of een AW34-retour).", "bericht")
    except BerichtGeweigerd as exc:
        return _refused(request, actor, exc)
    except DomainError as exc:
        return _pagina(request, actor, code=422, fout=f"Bericht geweigerd: {exc.bericht}")
    return terug(request, "/berichten", melding=melding)


async def _retour_uploaden(request: Request, actor: Actor, data: bytes):
    """A partner's retour (AW34 from a provider, CA318/CA320 from the CAK) on one of our messages."""
    try:
        r = await writing(request, berichten.import_retour, actor, data)
    except DomainError as exc:
        return _pagina(request, actor, code=422, fout=f"Retourbericht geweigerd: {exc.bericht}")
    return terug(request, "/berichten", melding=f"{r.soort} verwerkt: {RESULTATEN[r.resultaat].lower()}.")


@router.get("/clienten/{client_id}/berichten")
def client_berichten(request: Request, client_id: str, actor: Actor = Depends(_rol("bericht.lezen"))):
    """The iWlz messages of one client (a provider: only those exchanged with its own AGB code)."""
    with request.app.state.uow(write=True) as uow:
        lijst = berichten.find(uow, actor, client_id=client_id)
        c = uow.clients.get(client_id)
        log(uow, actor, "lezen", "iWlz-berichten van cliënt", client_id=client_id)
        uow.commit()
    return render(request, "client_berichten.html", client=c, berichten=lijst, SOORTEN=SOORTEN, RESULTATEN=RESULTATEN)


def _xml(b) -> Response:
    return Response(
        b.inhoud,
        media_type="application/xml",
        headers={"Content-Disposition": f'attachment; filename="{b.bestandsnaam}"'},
    )


@router.get("/berichten/{bericht_id}/retour")
def retour_downloaden(request: Request, bericht_id: str, actor: Actor = Depends(_rol("bericht.lezen"))):
    """The retour a message was answered with (logged in the access log like every download)."""
    with request.app.state.uow(write=True) as uow:
        return _xml(berichten.retour_of(uow, actor, bericht_id))


@router.get("/berichten/{bericht_id}")
def bericht_downloaden(request: Request, bericht_id: str, actor: Actor = Depends(_rol("bericht.lezen"))):
    with request.app.state.uow(write=True) as uow:
        return _xml(berichten.read(uow, actor, bericht_id))


@router.get("/toewijzingen/{toewijzing_id}/aw33")
def aw33_downloaden(request: Request, toewijzing_id: str, actor: Actor = Depends(_rol("bericht.maken"))):
    """The AW33 last made, as stored (a GET makes nothing)."""
    return _aw33(request, toewijzing_id, actor, berichten.stored_aw33)


@router.post("/toewijzingen/{toewijzing_id}/aw33")
def aw33_maken(request: Request, toewijzing_id: str, actor: Actor = Depends(_rol("bericht.maken"))):
    """Make (and keep) a new AW33 and download it."""
    return _aw33(request, toewijzing_id, actor, berichten.export_aw33)


def _aw33(request: Request, toewijzing_id: str, actor: Actor, use_case: Callable[..., Any]) -> Response:
    try:
        with request.app.state.uow(write=True) as uow:
            b = use_case(uow, actor, toewijzing_id)
    except DomainError as exc:
        with request.app.state.uow() as uow:
            tw = uow.toewijzingen.get(toewijzing_id)
        return terug(request, f"/clienten/{tw.client_id}" if tw else "/", fout=f"AW33 niet gemaakt: {exc.bericht}")
    return _xml(b)
