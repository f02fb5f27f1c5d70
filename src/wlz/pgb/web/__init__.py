"""The pgb's Dutch pages on the platform's page shell: login, the list of files, a budgethouder's file (ledger,
budgetplan, agreements, declarations) with the forms of each role, and the decision letter (HTML and PDF).
Thin: parse the form, call one use case, render."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from wlz import reference
from wlz.common.errors import InputError
from wlz.platform import login, sessions
from wlz.platform.gates import WebGate, WebPublicGate
from wlz.platform.pages import back, euro, page_templates, render

from .. import services
from ..domain import bronnen, model
from ..domain.zorgruimte import Bemiddeling
from ..services import BEHEERDER, BEOORDELAAR, BUDGETHOUDER, ZORGVERLENER, Actor
from . import brief

router = APIRouter()
E = TypeVar("E", bound=StrEnum)
templates = page_templates(Path(__file__).parent / "templates")


class Pagina(WebGate[Actor]):
    def load_actor(self, request: Request, account_id: str) -> Actor | None:
        return services.actor_voor_gebruiker(request.app.state.uow, account_id)


PUBLIEK = Depends(WebPublicGate(Pagina()))
ALLE = Pagina(BUDGETHOUDER, ZORGVERLENER, BEOORDELAAR, BEHEERDER)
DOSSIER = Pagina(BUDGETHOUDER, ZORGVERLENER, BEOORDELAAR)


def foutpagina(request: Request, status: int, bericht: str) -> HTMLResponse:
    return render(templates, request, "fout.html", code=status, status_code=status, bericht=bericht)


def _datum(v: Any, veld: str) -> dt.date:
    try:
        return dt.date.fromisoformat(str(v))
    except ValueError:
        raise InputError(veld, "geen geldige datum (jjjj-mm-dd)") from None


def _keuze(soort: type[E], v: Any, veld: str, melding: str) -> E:
    """A form's choice as its enum; a value outside it is refused naming the field."""
    try:
        return soort(str(v or ""))
    except ValueError:
        raise InputError(veld, melding) from None


def _getal(v: Any, veld: str) -> float:
    try:
        return float(str(v).replace(",", "."))
    except ValueError:
        raise InputError(veld, "vul een getal in") from None


@router.get("/inloggen", dependencies=[PUBLIEK])
def inlogpagina(request: Request) -> Response:
    return render(templates, request, "inloggen.html")


@router.post("/inloggen", dependencies=[PUBLIEK])
async def inloggen(request: Request) -> Response:
    f = await request.form()
    # the password hash costs tens of ms of CPU: off the event loop
    a = await run_in_threadpool(
        services.inloggen,
        request.app.state.uow,
        str(f.get("gebruikersnaam", "")),
        str(f.get("wachtwoord", "")),
        login.client_address(request),
        request.app.state.settings.login_policy(),
    )
    if isinstance(a, login.Locked):
        return render(templates, request, "inloggen.html", code=429, fout=a.message())
    if a is None:
        return render(templates, request, "inloggen.html", code=401, fout=login.FAILED_MESSAGE)
    sessions.start(request, a.gebruiker_id, a.session_version)
    return back(request, "/")


@router.post("/uitloggen")
def uitloggen(request: Request, actor: Actor = Depends(ALLE)) -> Response:
    services.uitloggen(request.app.state.uow, actor)
    sessions.end(request)
    return back(request, "/inloggen", melding="U bent uitgelogd.")


@router.get("/")
def dossiers(request: Request, actor: Actor = Depends(ALLE)) -> Response:
    return render(
        templates, request, "dossiers.html", dossiers=services.beschikkingen_van(request.app.state.uow, actor)
    )


@router.get("/dossiers/{beschikking_id}")
def dossier(request: Request, beschikking_id: str, actor: Actor = Depends(DOSSIER)) -> Response:
    d = services.dossier(request.app.state.uow, actor, beschikking_id)
    profiel = reference.zorgprofielen().get(d["beschikking"].zorgprofiel)
    return render(
        templates,
        request,
        "dossier.html",
        d=d,
        profiel=profiel,
        functies=model.FUNCTIES,
        max_uren=bronnen.MAX_UREN_PER_WEEK,
    )


@router.post("/dossiers/{beschikking_id}/zorgovereenkomsten")
async def overeenkomst(request: Request, beschikking_id: str, actor: Actor = Depends(Pagina(BUDGETHOUDER))) -> Response:
    f = await request.form()
    o = model.Zorgovereenkomst(
        id="",
        beschikking_id=beschikking_id,
        zorgverlener_id=str(f.get("zorgverlener_id", ""))[:32],
        functie=str(f.get("functie", "")),
        zorgbeschrijving=str(f.get("zorgbeschrijving", "")),
        uren_per_week=_getal(f.get("uren_per_week"), "uren_per_week"),
        uurtarief_cent=round(_getal(f.get("uurtarief"), "uurtarief") * 100),
        van=_datum(f.get("van"), "van"),
        tot=_datum(f.get("tot"), "tot"),
        derdenbeding=f.get("derdenbeding") == "ja",
        soort=model.SoortZorgverlener(str(f.get("soort", "formeel")))
        if f.get("soort") in ("formeel", "informeel")
        else model.SoortZorgverlener.formeel,
    )
    if not o.zorgverlener_id:
        raise InputError("zorgverlener_id", "vul de zorgverlener in")
    _, w = services.dien_overeenkomst_in(request.app.state.uow, actor, o, request.app.state.overgang_derdenbeding)
    return back(request, f"/dossiers/{beschikking_id}", melding="Zorgovereenkomst ingediend. " + " ".join(w))


@router.post("/zorgovereenkomsten/{overeenkomst_id}/beoordeling")
async def beoordeling(request: Request, overeenkomst_id: str, actor: Actor = Depends(Pagina(BEOORDELAAR))) -> Response:
    f = await request.form()
    services.beoordeel_overeenkomst(
        request.app.state.uow, actor, overeenkomst_id, f.get("besluit") == "goedkeuren", str(f.get("reden", ""))
    )
    return back(request, f"/dossiers/{str(f.get('beschikking_id', ''))[:32]}", melding="Beoordeling opgeslagen.")


@router.post("/zorgovereenkomsten/{overeenkomst_id}/declaraties")
async def declaratie(
    request: Request, overeenkomst_id: str, actor: Actor = Depends(Pagina(BUDGETHOUDER, ZORGVERLENER))
) -> Response:
    f = await request.form()
    o = services.dien_declaratie_in(
        request.app.state.uow,
        actor,
        overeenkomst_id,
        _datum(f.get("van"), "van"),
        _datum(f.get("tot"), "tot"),
        _getal(f.get("uren"), "uren"),
        round(_getal(f.get("bedrag"), "bedrag") * 100),
        request.app.state.vandaag(),
    )
    terug = f"/dossiers/{str(f.get('beschikking_id', ''))[:32]}"
    if o.betalen:
        return back(
            request, terug, melding=f"Declaratie betaald aan de zorgverlener, uiterlijk {o.uiterlijk:%d-%m-%Y}."
        )
    return back(request, terug, fout=f"Declaratie niet betaald: {o.reden} ({o.regel}).")


@router.post("/dossiers/{beschikking_id}/budgetplan")
async def budgetplan(request: Request, beschikking_id: str, actor: Actor = Depends(Pagina(BUDGETHOUDER))) -> Response:
    """Up to three lines per form (functie, uren, uurtarief, zorgverlener, soort); empty lines are skipped."""
    f = await request.form()
    regels = []
    for i in range(3):
        if not str(f.get(f"functie_{i}", "")).strip():
            continue
        soort = str(f.get(f"soort_{i}", "formeel"))
        regels.append(
            model.Planregel(
                str(f.get(f"functie_{i}")),
                _getal(f.get(f"uren_{i}"), f"regels[{i}].uren"),
                round(_getal(f.get(f"uurtarief_{i}"), f"regels[{i}].uurtarief") * 100),
                str(f.get(f"zorgverlener_{i}", ""))[:100],
                model.SoortZorgverlener.informeel if soort == "informeel" else model.SoortZorgverlener.formeel,
            )
        )
    bemiddeling = (
        Bemiddeling(
            round(_getal(f.get("bemiddelingskosten"), "bemiddelingskosten") * 100),
            f.get("awbz_pgb_2011") == "ja",
            f.get("keurmerk") == "ja",
        )
        if str(f.get("bemiddelingskosten", "")).strip()
        else None
    )
    services.dien_budgetplan_in(request.app.state.uow, actor, beschikking_id, regels, bemiddeling=bemiddeling)
    return back(request, f"/dossiers/{beschikking_id}", melding="Budgetplan ingediend.")


@router.post("/budgetplannen/{plan_id}/beoordeling")
async def budgetplan_beoordeling(
    request: Request, plan_id: str, actor: Actor = Depends(Pagina(BEOORDELAAR))
) -> Response:
    f = await request.form()
    services.beoordeel_budgetplan(
        request.app.state.uow, actor, plan_id, f.get("besluit") == "goedkeuren", str(f.get("reden", ""))
    )
    return back(request, f"/dossiers/{str(f.get('beschikking_id', ''))[:32]}", melding="Beoordeling opgeslagen.")


@router.post("/dossiers/{beschikking_id}/vaststelling")
def vaststelling(request: Request, beschikking_id: str, actor: Actor = Depends(Pagina(BEOORDELAAR))) -> Response:
    v = services.stel_vast(request.app.state.uow, actor, beschikking_id, vandaag=request.app.state.vandaag())
    vast = (
        "onbekend (verantwoordingsvrij bedrag van dit jaar onbekend)"
        if v.vastgesteld_cent is None
        else euro(v.vastgesteld_cent / 100)
    )
    return back(
        request,
        f"/dossiers/{beschikking_id}",
        melding=f"Vastgesteld op {vast}; teruggegeven {euro(v.teruggegeven_cent / 100)}.",
    )


@router.post("/dossiers/{beschikking_id}/vorderingen")
async def vordering(request: Request, beschikking_id: str, actor: Actor = Depends(Pagina(BEOORDELAAR))) -> Response:
    f = await request.form()
    veroorzaker = _keuze(
        model.Debiteur, f.get("veroorzaker"), "veroorzaker", "kies budgethouder, zorgverlener of vertegenwoordiger"
    )
    v = services.registreer_vordering(
        request.app.state.uow,
        actor,
        beschikking_id,
        veroorzaker,
        str(f.get("debiteur_id", ""))[:32] or "onbekend",
        str(f.get("oorzaak", "")),
        round(_getal(f.get("bedrag"), "bedrag") * 100),
        _datum(f.get("datum"), "datum"),
        te_goeder_trouw=f.get("te_goeder_trouw") == "ja",
        overeenkomst_id=str(f.get("overeenkomst_id", "")) or None,
    )
    return back(
        request, f"/dossiers/{beschikking_id}", melding=f"Vordering geregistreerd op de {v.debiteur_type.value}."
    )


@router.post("/vorderingen/{vordering_id}/status")
async def vordering_status(
    request: Request, vordering_id: str, actor: Actor = Depends(Pagina(BEOORDELAAR))
) -> Response:
    f = await request.form()
    status = _keuze(
        model.VorderingStatus, f.get("status"), "status", "kies open, betalingsregeling, afgeboekt of betaald"
    )
    per = _datum(f.get("per"), "per") if f.get("per") else request.app.state.vandaag()
    bid = services.wijzig_vordering(request.app.state.uow, actor, vordering_id, status, per)
    return back(request, f"/dossiers/{bid}", melding=f"Vordering: {status.value}.")


@router.get("/vorderingen")
def vorderingen(
    request: Request, peildatum: str | None = None, actor: Actor = Depends(Pagina(BEOORDELAAR))
) -> Response:
    peil = _datum(peildatum, "peildatum") if peildatum else dt.date.today()
    regels = services.vorderingen_rapport(request.app.state.uow, actor, peil)
    return render(templates, request, "vorderingen.html", regels=regels, peildatum=peil)


@router.get("/dossiers/{beschikking_id}/brief")
def besluitbrief(
    request: Request, beschikking_id: str, actor: Actor = Depends(Pagina(BUDGETHOUDER, BEOORDELAAR))
) -> Response:
    d = services.dossier(request.app.state.uow, actor, beschikking_id)
    return HTMLResponse(brief.html(d))


@router.get("/dossiers/{beschikking_id}/brief.pdf")
def besluitbrief_pdf(
    request: Request, beschikking_id: str, actor: Actor = Depends(Pagina(BUDGETHOUDER, BEOORDELAAR))
) -> Response:
    d = services.dossier(request.app.state.uow, actor, beschikking_id)
    return brief.bijlage(brief.pdf(d), f"pgb-besluit-{beschikking_id}.pdf")


@router.post("/declaraties/{declaratie_id}/correctie")
async def correctie(request: Request, declaratie_id: str, actor: Actor = Depends(Pagina(BEOORDELAAR))) -> Response:
    """A payment reversed with its reason (``services.corrigeer_betaling``)."""
    f = await request.form()
    services.corrigeer_betaling(request.app.state.uow, actor, declaratie_id, str(f.get("reden", ""))[:2000])
    return back(
        request,
        f"/dossiers/{str(f.get('beschikking_id', ''))[:32]}",
        melding="Betaling gecorrigeerd: het bedrag staat weer in de reservering van de zorgovereenkomst.",
    )


@router.get("/gebruikers")
def gebruikers(request: Request, actor: Actor = Depends(Pagina(BEHEERDER))) -> Response:
    return render(
        templates,
        request,
        "gebruikers.html",
        gebruikers=services.gebruikers(request.app.state.uow, actor),
        rollen=services.ROLLEN,
    )


def _optioneel(v: Any) -> str | None:
    tekst = str(v or "").strip()
    return tekst[:32] or None


@router.post("/gebruikers")
async def gebruiker_maken(request: Request, actor: Actor = Depends(Pagina(BEHEERDER))) -> Response:
    f = await request.form()
    services.beheer_maak_gebruiker(
        request.app.state.uow,
        actor,
        str(f.get("gebruikersnaam", "")).strip(),
        str(f.get("naam", "")).strip(),
        str(f.get("rol", "")),
        str(f.get("wachtwoord", "")) or None,
        _optioneel(f.get("budgethouder_id")),
        _optioneel(f.get("zorgverlener_id")),
    )
    return back(request, "/gebruikers", melding="Gebruiker aangemaakt.")


@router.post("/gebruikers/{gebruiker_id}/rol")
async def gebruiker_rol(request: Request, gebruiker_id: str, actor: Actor = Depends(Pagina(BEHEERDER))) -> Response:
    f = await request.form()
    services.wijzig_rol(
        request.app.state.uow,
        actor,
        gebruiker_id,
        str(f.get("rol", "")),
        _optioneel(f.get("budgethouder_id")),
        _optioneel(f.get("zorgverlener_id")),
    )
    request.app.state.tokens.clear()
    return back(request, "/gebruikers", melding="Rol gewijzigd; de gebruiker moet opnieuw inloggen.")


@router.post("/gebruikers/{gebruiker_id}/deactiveren")
def gebruiker_deactiveren(request: Request, gebruiker_id: str, actor: Actor = Depends(Pagina(BEHEERDER))) -> Response:
    services.deactiveer(request.app.state.uow, actor, gebruiker_id)
    request.app.state.tokens.clear()
    return back(request, "/gebruikers", melding="Gebruiker gedeactiveerd; zijn sessies zijn beëindigd.")


def _vaststelling(request: Request, beschikking_id: str, actor: Actor) -> tuple[dict[str, Any], dict[str, Any]]:
    d = services.dossier(request.app.state.uow, actor, beschikking_id)
    if d["vastgesteld_op"] is None:
        raise InputError("beschikking_id", "dit budget is nog niet vastgesteld")
    waarde = bronnen.VERANTWOORDINGSVRIJ.get(d["beschikking"].jaar)
    procent = f"{waarde.fractie_bp / 100:.1f}".replace(".", ",") if waarde else ""
    bron = f"{waarde.bron.titel}: {procent} % van het budget" if waarde else "opgegeven door het zorgkantoor"
    return d, {"vrij_bron": bron}


@router.get("/dossiers/{beschikking_id}/vaststelling-brief")
def vaststellingsbrief(
    request: Request, beschikking_id: str, actor: Actor = Depends(Pagina(BUDGETHOUDER, BEOORDELAAR))
) -> Response:
    d, extra = _vaststelling(request, beschikking_id, actor)
    return HTMLResponse(brief.html(d, "brief_vaststelling.html", **extra))


@router.get("/dossiers/{beschikking_id}/vaststelling-brief.pdf")
def vaststellingsbrief_pdf(
    request: Request, beschikking_id: str, actor: Actor = Depends(Pagina(BUDGETHOUDER, BEOORDELAAR))
) -> Response:
    d, extra = _vaststelling(request, beschikking_id, actor)
    return brief.bijlage(brief.pdf(d, "brief_vaststelling.html", **extra), f"pgb-vaststelling-{beschikking_id}.pdf")


@router.get("/vorderingen/{vordering_id}/brief")
def vorderingsbrief(
    request: Request, vordering_id: str, actor: Actor = Depends(Pagina(BUDGETHOUDER, ZORGVERLENER, BEOORDELAAR))
) -> Response:
    d, v = services.vordering_brief(request.app.state.uow, actor, vordering_id)
    return HTMLResponse(brief.html(d, "brief_vordering.html", v=v, rekening=request.app.state.vordering_rekening))


@router.get("/vorderingen/{vordering_id}/brief.pdf")
def vorderingsbrief_pdf(
    request: Request, vordering_id: str, actor: Actor = Depends(Pagina(BUDGETHOUDER, ZORGVERLENER, BEOORDELAAR))
) -> Response:
    d, v = services.vordering_brief(request.app.state.uow, actor, vordering_id)
    return brief.bijlage(
        brief.pdf(d, "brief_vordering.html", v=v, rekening=request.app.state.vordering_rekening),
        f"pgb-vordering-{vordering_id}.pdf",
    )
