"""The Dutch pages. Each route declares its roles (``WebRoles``) and calls the same use cases as the API."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from wlz import bsn as bsnmod
from wlz import reference
from wlz.platform import login, sessions
from wlz.platform import pages as shell

from ..adapters import rules_engine
from ..domain import codes
from ..domain.aanvraag import STATUSSEN, UITKOMSTEN
from ..domain.fouten import DomainError, NotFound, translate_errors
from ..domain.model import ROLLEN
from ..services import aanvragen, auth, dashboard, dossier, invoer, toegang
from ..services import wijzer as wijzer_vm
from ..services.actor import Actor
from ..services.autorisatie import RECHTEN, client_zichtbaar, rollen_voor
from ..threadpool import reading, writing
from . import labels as veldlabels
from .deps import WebPublic, WebRoles

if TYPE_CHECKING:
    from ..storage.uow import UnitOfWork

router = APIRouter(include_in_schema=False)
templates = shell.page_templates(Path(__file__).parent / "templates")
templates.env.globals.update(
    STATUSSEN=STATUSSEN,
    UITKOMSTEN=UITKOMSTEN,
    REGELINGEN=codes.REGELINGEN,
    LEVERINGSVORMEN=codes.LEVERINGSVORMEN,
    GRONDSLAGEN=codes.GRONDSLAGEN,
    FUNCTIES=codes.FUNCTIES,
    KLASSEN=codes.KLASSEN,
    ROLLEN=ROLLEN,
    RECHTEN=RECHTEN,
    maskeer=bsnmod.maskeer,
    toets_samenvatting=rules_engine.toets_samenvatting,
    OORDEEL_TEKST=wijzer_vm.OORDEEL_TEKST,
    REGELING_UITLEG=wijzer_vm.REGELING_UITLEG,
    AANNAMES_TEKST=wijzer_vm.AANNAMES_TEKST,
    INTAKE_LABELS=veldlabels.INTAKE,
    CLIENT_LABELS=veldlabels.CLIENT,
)


def _bedrag(v: Any) -> str:
    """An amount the rules computed; ``None`` means the rules know no amount for that period: 'onbekend'."""
    return rules_engine.ONBEKEND if v is None else shell.euro(v)


def _zinnen(v: Any) -> list[str]:
    """The rules give an explanation as one text or a list of sentences; pages show a list."""
    if not v:
        return []
    return [v] if isinstance(v, str) else [str(z) for z in v]


templates.env.filters.update(bedrag=_bedrag, zinnen=_zinnen)


def _rol(actie: str) -> WebRoles:
    return WebRoles(*rollen_voor(actie))


def render(request: Request, template: str, code: int = 200, **ctx: Any) -> HTMLResponse:
    """``fouten``: field path -> message, shown beside the field; ``labels``: the form's labels (``web.labels``),
    which name the fields in the summary above the form (``foutlijst``)."""
    ctx.setdefault("fouten", {})
    ctx.setdefault("foutlijst", veldlabels.foutlijst(ctx["fouten"], ctx.get("labels") or {}))
    return shell.render(templates, request, template, code, **ctx)


def foutpagina(request: Request, status: int, bericht: str) -> HTMLResponse:
    return render(request, "fout.html", code=status, status_code=status, bericht=bericht)


def terug(request: Request, url: str, melding: str | None = None, fout: str | None = None) -> RedirectResponse:
    return shell.back(request, url, melding, fout)


def _field_errors(exc: ValidationError, labels: dict[str, str] | None = None) -> dict[str, str]:
    """Field (readable path, 'formulier' for the form as a whole) -> Dutch message shown beside it
    (``domain.fouten.translate_errors``: the same translation as the API's). With the form's ``labels``, a field
    named inside a message ('periode_tot ligt voor periode_van') is named by its label."""
    out: dict[str, str] = {}
    for v in translate_errors(exc.errors()):
        veld = v.veld or "formulier"
        melding = veldlabels.readable(v.melding, labels) if labels else v.melding
        out[veld] = f"{out[veld]} {melding}" if veld in out else melding
    return out


def _error_line(exc: ValidationError, labels: dict[str, str] = veldlabels.FORMULIEREN) -> str:
    """All errors of a form in one Dutch line, each naming its field by the form's label (for the message
    above the page)."""
    return " ".join(veldlabels.regel(v, labels) for v in translate_errors(exc.errors()))


def _formdict(form: FormData, model: type[BaseModel]) -> dict[str, Any]:
    """Form fields as a dict for ``model``: empty fields left out, lists kept, checkboxes as booleans."""
    out: dict[str, Any] = {}
    for naam, veld in model.model_fields.items():
        if "list" in str(veld.annotation):
            waarden = [v for v in form.getlist(naam) if v]
            if waarden:
                out[naam] = waarden
        elif veld.annotation in (bool, bool | None):
            if form.get(naam, "") != "":  # a three-way question left at "niet opgegeven" ("") is no answer
                out[naam] = form.get(naam) in ("on", "true", "1", "ja")
            elif veld.annotation is bool:
                out[naam] = False
        else:
            v = form.get(naam)
            if isinstance(v, str) and v.strip() != "":
                out[naam] = v.strip()
    return out


def _refusal(exc: DomainError, labels: dict[str, str] = veldlabels.FORMULIEREN) -> str:
    """A refusal of the domain, naming its field by the form's label."""
    tekst = veldlabels.readable(exc.bericht, labels)
    return tekst + (f" (veld: {veldlabels.veldnaam(exc.veld, labels)})" if exc.veld else "")


# --- public ------------------------------------------------------------------------------------------------
@router.get("/", dependencies=[Depends(WebPublic())])
def start(request: Request) -> Response:
    actor: Actor | None = request.state.actor
    if actor is None:
        return RedirectResponse("/wijzer", status_code=303)
    if actor.rol == "client":
        return RedirectResponse(f"/clienten/{actor.client_id}", status_code=303)
    if actor.rol == "aanbieder":
        return RedirectResponse("/clienten", status_code=303)
    if actor.rol == "zorginkoper":
        return RedirectResponse("/inkoop", status_code=303)
    return RedirectResponse("/werkvoorraad", status_code=303)


@router.get("/inloggen", dependencies=[Depends(WebPublic())])
def inloggen_pagina(request: Request) -> Response:
    return render(request, "inloggen.html")


@router.post("/inloggen", dependencies=[Depends(WebPublic())])
async def inloggen(request: Request) -> Response:
    form = await request.form()
    adres = login.client_address(request)
    beleid = request.app.state.settings.login_policy()
    # the password hash takes tens of ms of CPU: not on the event loop; the attempt is logged (throttling)
    g = await writing(
        request,
        auth.inloggen,
        str(form.get("gebruikersnaam", "")),
        str(form.get("wachtwoord", "")),
        adres,
        beleid,
    )
    if isinstance(g, login.Locked):
        return render(request, "inloggen.html", code=429, fout=g.message())
    if g is None:
        return render(request, "inloggen.html", code=401, fout=login.FAILED_MESSAGE)
    sessions.start(request, g.id, g.session_version)  # a fresh session (and CSRF token): no session fixation
    return RedirectResponse("/", status_code=303)


@router.post("/uitloggen")
async def uitloggen(request: Request, actor: Actor = Depends(WebRoles(*ROLLEN))) -> Response:
    await writing(request, auth.uitloggen, actor)  # every session of this account ends, also copied cookies
    sessions.end(request)
    return RedirectResponse("/inloggen", status_code=303)


@router.get("/account")
def account_pagina(request: Request, actor: Actor = Depends(WebRoles(*ROLLEN))) -> Response:
    with request.app.state.uow() as uow:
        tokens = list(uow.tokens.van_gebruiker(actor.gebruiker_id))
    nieuw_token = request.session.pop("nieuw_token", None)
    return render(request, "account.html", tokens=tokens, nieuw_token=nieuw_token, fouten={})


@router.post("/account/wachtwoord")
async def wachtwoord_wijzigen(request: Request, actor: Actor = Depends(WebRoles(*ROLLEN))) -> Response:
    form = await request.form()
    try:
        await writing(request, auth.wijzig_wachtwoord, actor, str(form.get("huidig", "")), str(form.get("nieuw", "")))
    except DomainError as exc:
        with request.app.state.uow() as uow:
            tokens = list(uow.tokens.van_gebruiker(actor.gebruiker_id))
        return render(
            request, "account.html", code=422, tokens=tokens, nieuw_token=None, fouten={exc.veld: exc.bericht}
        )
    sessions.end(request)  # every session ended with the change: log in with the new password
    return RedirectResponse("/inloggen", status_code=303)


@router.post("/account/tokens")
async def eigen_token_maken(request: Request, actor: Actor = Depends(WebRoles(*ROLLEN))) -> Response:
    def doe(uow: UnitOfWork, d: invoer.TokenInvoer) -> None:
        _, token = auth.maak_token(uow, actor, actor.gebruiker_id, d.naam)
        uow.commit()
        request.session["nieuw_token"] = token  # shown once on the next page, then gone

    return await _form_action(request, "/account", invoer.TokenInvoer, doe, "API-token aangemaakt.")


@router.post("/account/tokens/{token_id}/intrekken")
async def eigen_token_intrekken(request: Request, token_id: str, actor: Actor = Depends(WebRoles(*ROLLEN))) -> Response:
    def doe(uow: UnitOfWork, _: object) -> None:
        auth.trek_token_in(uow, actor, token_id)
        uow.commit()
        request.app.state.api_actors.clear()

    return await _form_action(request, "/account", None, doe, "API-token ingetrokken.")


@router.get("/wijzer", dependencies=[Depends(WebPublic())])
def wijzer(
    request: Request,
    zorgprofiel: str = "",
    geboortedatum: str = "",
    partner: str = "",
    inkomen: str = "",
    vermogen: str = "",
    uren: str = "",
    jaar: str = "",
    gewaarborgde_hulp: str = "",
    dagbesteding: str = "",
) -> Response:
    """Public Wlz-wijzer: for one profile and situation, what each leveringsvorm gives, side by side.

    The year can be chosen (Wlz since 2015): the rules know amounts only for the years their sources give, so a
    user can see a year with known amounts next to the current one."""
    profielen = [z for z in reference.zorgprofielen().values() if not z.buiten_wlz and not z.alleen_overgangsrecht]
    jaren = list(range(dt.date.today().year, 2014, -1))
    ctx: dict[str, Any] = {
        "profielen": profielen,
        "jaren": jaren,
        "invoer": dict(request.query_params),
        "uitkomsten": None,
    }
    if jaar and (not jaar.isdigit() or int(jaar) not in jaren):
        return render(request, "wijzer.html", code=422, fout="Kies een jaar uit de lijst.", **ctx)
    if zorgprofiel:
        try:
            profiel = reference.lookup(zorgprofiel)
        except KeyError:
            return render(request, "wijzer.html", code=422, fout="Kies een zorgprofiel uit de lijst.", **ctx)
        client: dict[str, Any] = {}
        # a question left at "niet opgegeven" goes to the rules as unanswered (null), never as "nee"
        client["gewaarborgde_hulp"] = {"ja": True, "nee": False}.get(gewaarborgde_hulp)
        if dagbesteding == "ja":
            client["dagbesteding"] = True
        try:
            if geboortedatum:
                client["geboortedatum"] = dt.date.fromisoformat(geboortedatum).isoformat()
            if uren:
                client["zorgbehoefte_uren_per_week"] = float(uren.replace(",", "."))
            if inkomen:
                client["inkomen_peiljaar"] = float(inkomen.replace(",", "."))
            if vermogen:
                client["grondslag_sparen_beleggen_peiljaar"] = float(vermogen.replace(",", "."))
        except ValueError:
            return render(
                request,
                "wijzer.html",
                code=422,
                fout="Controleer de geboortedatum en de bedragen (alleen cijfers).",
                **ctx,
            )
        gekozen_jaar = int(jaar or jaren[0])
        try:
            vergelijking = wijzer_vm.vergelijk(
                zorgprofiel=profiel.code, jaar=gekozen_jaar, client=client, partner=partner == "ja"
            )
        except rules_engine.RulesUnavailable as exc:
            return render(request, "wijzer.html", code=503, fout=str(exc), **ctx)
        ctx.update(uitkomsten=vergelijking, profiel=profiel, jaar=gekozen_jaar)
    return render(request, "wijzer.html", **ctx)


# --- clients -----------------------------------------------------------------------------------------------
@router.get("/clienten")
def clienten(request: Request, q: str = "", actor: Actor = Depends(_rol("client.zoeken"))) -> Response:
    with request.app.state.uow(write=True) as uow:
        lijst = dossier.zoek(uow, actor, q[:100], limit=100)
    return render(request, "clienten.html", clienten=lijst, q=q)


@router.post("/clienten/zoeken")
async def client_op_bsn(request: Request, actor: Actor = Depends(_rol("client.zoeken"))) -> Response:
    """BSN search is a POST: the number travels in the body, never in a URL."""
    form = await request.form()
    try:
        data = invoer.BsnZoekInvoer(bsn=str(form.get("bsn", "")))
    except ValidationError as exc:
        return render(request, "clienten.html", code=422, clienten=[], q="", fouten=_field_errors(exc))
    c = await writing(request, dossier.zoek_op_bsn, actor, data)
    return RedirectResponse(f"/clienten/{c.id}", status_code=303)


@router.get("/clienten/nieuw")
def client_nieuw_pagina(request: Request, actor: Actor = Depends(_rol("client.registreren"))) -> Response:
    return render(request, "client_nieuw.html", waarden={})


@router.post("/clienten/nieuw")
async def client_nieuw(request: Request, actor: Actor = Depends(_rol("client.registreren"))) -> Response:
    form = await request.form()
    waarden = _formdict(form, invoer.ClientInvoer)
    try:
        data = invoer.ClientInvoer.model_validate(waarden)
        c = await writing(request, dossier.registreer_client, actor, data)
    except ValidationError as exc:
        waarden.pop("bsn", None)
        fouten = _field_errors(exc, veldlabels.CLIENT)
        return render(request, "client_nieuw.html", code=422, waarden=waarden, fouten=fouten, labels=veldlabels.CLIENT)
    except DomainError as exc:
        waarden.pop("bsn", None)
        fouten = {exc.veld or "": exc.bericht}
        return render(request, "client_nieuw.html", code=422, waarden=waarden, fouten=fouten, labels=veldlabels.CLIENT)
    return terug(request, f"/clienten/{c.id}", melding="Cliënt geregistreerd.")


@router.get("/clienten/{client_id}")
def client_dossier(request: Request, client_id: str, actor: Actor = Depends(_rol("client.lezen"))) -> Response:
    with request.app.state.uow(write=True) as uow:
        d = dossier.dossier(uow, actor, client_id)
    profielen = [z for z in reference.zorgprofielen().values() if not z.buiten_wlz]
    return render(request, "dossier.html", d=d, profielen=profielen, regels_beschikbaar=rules_engine.beschikbaar())


def _check_reach(
    request: Request,
    actor: Actor,
    *,
    client_id: str | None = None,
    aanvraag_id: str | None = None,
    toewijzing_id: str | None = None,
) -> None:
    """Refuse (404) an object out of the actor's reach before looking at the form, so an invalid form about
    another client's file answers exactly like one about a file that does not exist."""
    with request.app.state.uow() as uow:
        if aanvraag_id is not None:
            a = uow.aanvragen.get(aanvraag_id)
            if a is None:
                raise NotFound("aanvraag")
            client_id = a.client_id
        if toewijzing_id is not None:
            t = uow.toewijzingen.get(toewijzing_id)
            if t is None or (actor.rol == "aanbieder" and t.agb_code != actor.agb_code):
                raise NotFound("toewijzing")
            client_id = t.client_id
        if client_id is not None:
            client_zichtbaar(uow, actor, client_id)


async def _form_action(
    request: Request, url: str, model: type[BaseModel] | None, doe: Callable[[Any, Any], object], gelukt: str
) -> RedirectResponse:
    """Run a form action and go back to ``url`` with a message; errors name the field."""
    form = await request.form()

    def run() -> None:
        data = model.model_validate(_formdict(form, model)) if model else None
        with request.app.state.uow(write=True) as uow:
            doe(uow, data)

    try:
        await run_in_threadpool(run)  # database work off the event loop, as for a sync endpoint
    except ValidationError as exc:
        return terug(request, url, fout=_error_line(exc))
    except DomainError as exc:
        return terug(request, url, fout=_refusal(exc))
    return terug(request, url, melding=gelukt)


async def _aanvraag_action(
    request: Request,
    actor: Actor,
    aanvraag_id: str,
    model: type[BaseModel] | None,
    doe: Callable[[Any, Any], object],
    gelukt: str,
) -> RedirectResponse:
    """A form action on one request: reach checked first, then back to the request's page with a message."""
    await run_in_threadpool(_check_reach, request, actor, aanvraag_id=aanvraag_id)
    return await _form_action(request, f"/aanvragen/{aanvraag_id}", model, doe, gelukt)


@router.post("/clienten/{client_id}/indicaties")
async def indicatie_toevoegen(
    request: Request, client_id: str, actor: Actor = Depends(_rol("indicatie.registreren"))
) -> Response:
    await run_in_threadpool(_check_reach, request, actor, client_id=client_id)
    return await _form_action(
        request,
        f"/clienten/{client_id}",
        invoer.IndicatieInvoer,
        lambda uow, d: dossier.registreer_indicatie(uow, actor, client_id, d),
        "Indicatiebesluit vastgelegd.",
    )


@router.post("/clienten/{client_id}/leveringsvorm")
async def leveringsvorm_kiezen(
    request: Request, client_id: str, actor: Actor = Depends(_rol("leveringsvorm.kiezen"))
) -> Response:
    await run_in_threadpool(_check_reach, request, actor, client_id=client_id)
    try:
        return await _form_action(
            request,
            f"/clienten/{client_id}",
            invoer.KeuzeInvoer,
            lambda uow, d: dossier.kies_leveringsvorm(uow, actor, client_id, d),
            "Keuze voor de leveringsvorm vastgelegd.",
        )
    except rules_engine.RulesUnavailable as exc:
        return terug(request, f"/clienten/{client_id}", fout=str(exc))


@router.post("/clienten/{client_id}/toewijzingen")
async def toewijzing_maken(
    request: Request, client_id: str, actor: Actor = Depends(_rol("toewijzing.maken"))
) -> Response:
    await run_in_threadpool(_check_reach, request, actor, client_id=client_id)
    return await _form_action(
        request,
        f"/clienten/{client_id}",
        invoer.ToewijzingInvoer,
        lambda uow, d: dossier.maak_toewijzing(uow, actor, client_id, d),
        "Zorg toegewezen.",
    )


@router.post("/toewijzingen/{toewijzing_id}/aanvang")
async def aanvang_melden(
    request: Request, toewijzing_id: str, actor: Actor = Depends(_rol("toewijzing.melden"))
) -> Response:
    client_id = (await reading(request, dossier.toewijzing, actor, toewijzing_id)).client_id
    return await _form_action(
        request,
        f"/clienten/{client_id}",
        invoer.MeldingInvoer,
        lambda uow, d: dossier.meld_aanvang(uow, actor, toewijzing_id, d),
        "Aanvang van de zorg gemeld.",
    )


@router.post("/toewijzingen/{toewijzing_id}/einde")
async def einde_melden(
    request: Request, toewijzing_id: str, actor: Actor = Depends(_rol("toewijzing.melden"))
) -> Response:
    client_id = (await reading(request, dossier.toewijzing, actor, toewijzing_id)).client_id
    return await _form_action(
        request,
        f"/clienten/{client_id}",
        invoer.MeldingInvoer,
        lambda uow, d: dossier.meld_einde(uow, actor, toewijzing_id, d),
        "Einde van de zorg gemeld.",
    )


# --- one intake for all extra care --------------------------------------------------------------------------
@router.get("/clienten/{client_id}/aanvraag")
def intake_pagina(request: Request, client_id: str, actor: Actor = Depends(_rol("aanvraag.indienen"))) -> Response:
    with request.app.state.uow(write=True) as uow:
        d = dossier.dossier(uow, actor, client_id, log_onderwerp="intake extra zorg")
        vorige = aanvragen.vorige_intake(uow, actor, client_id)
    return render(
        request, "intake.html", d=d, waarden=vorige or {}, vorige=vorige, criteria=rules_engine.criteria_velden()
    )


@router.post("/clienten/{client_id}/aanvraag")
async def intake_indienen(
    request: Request, client_id: str, actor: Actor = Depends(_rol("aanvraag.indienen"))
) -> Response:
    """Only reading the form runs on the event loop; the database work and the rules evaluation run in the
    threadpool, as FastAPI runs a sync endpoint (an evaluation is 50-130 ms: on the loop it would stall every
    other request of this server process)."""
    await run_in_threadpool(_check_reach, request, actor, client_id=client_id)
    form = await request.form()
    return await run_in_threadpool(_intake_verwerken, request, actor, client_id, form)


def _intake_verwerken(request: Request, actor: Actor, client_id: str, form: FormData) -> Response:
    """Store the intake through ``aanvragen.dien_in_en_bewaar``, the API's path: the rules evaluate outside the
    write transaction and the write re-checks the file. Bad input: the form again with Dutch errors naming
    each field by its label, nothing saved."""
    waarden = _formdict(form, invoer.IntakeInvoer)
    criteria: dict[str, Any] = {
        k.removeprefix("criteria."): v for k, v in form.items() if k.startswith("criteria.") and v != ""
    }
    for k, v in list(criteria.items()):
        criteria[k] = True if v in ("on", "ja") else False if v == "nee" else v if "-" in str(v) else _number(v)
    waarden["criteria"] = criteria
    with request.app.state.uow(write=True) as uow:
        d = dossier.dossier(uow, actor, client_id, log_onderwerp="intake extra zorg")
    herhaling = form.get("herhaling") == "ja"
    criteria_velden = rules_engine.criteria_velden()
    labels = veldlabels.voor_intake(criteria_velden)

    def opnieuw(fouten: dict[str, str]) -> HTMLResponse:
        # a refused repeat request keeps its link to the last request (the hidden 'herhaling' field), so the
        # corrected form is again a repeat request and not a new one
        return render(
            request,
            "intake.html",
            code=422,
            d=d,
            waarden=waarden,
            vorige=None,
            herhaling=herhaling,
            fouten=fouten,
            labels=labels,
            criteria=criteria_velden,
        )

    try:
        data = invoer.IntakeInvoer.model_validate(waarden)
        if herhaling and d.aanvragen:  # a repeat of the last request (no earlier request: a full one)
            wijz = invoer.HerhaalInvoer.model_validate(data.model_dump())
            a = aanvragen.dien_in_en_bewaar(request.app.state.uow, actor, client_id, wijz, herhaling=True)
        else:
            a = aanvragen.dien_in_en_bewaar(request.app.state.uow, actor, client_id, data)
    except ValidationError as exc:
        return opnieuw(_field_errors(exc, labels))
    except DomainError as exc:
        veld = exc.veld or "formulier"
        return opnieuw({veld: veldlabels.melding(veld, exc.bericht, labels)})
    return terug(request, f"/aanvragen/{a.id}", melding="Aanvraag ingediend. Alle regelingen zijn beoordeeld.")


def _number(v: str) -> float | str:
    try:
        return float(v.replace(",", "."))
    except ValueError:
        return v


# --- request handling ---------------------------------------------------------------------------------------
@router.get("/werkvoorraad")
def werkvoorraad(request: Request, status: str = "", actor: Actor = Depends(_rol("werkvoorraad"))) -> Response:
    status = status if status in STATUSSEN else ""
    with request.app.state.uow() as uow:
        lijst = aanvragen.werkvoorraad(uow, actor, status or None, limit=500)
        namen = {c.id: c.naam for c in (uow.clients.get(a.client_id) for a in lijst) if c}
    return render(request, "werkvoorraad.html", aanvragen=lijst, namen=namen, status=status)


@router.get("/aanvragen/{aanvraag_id}")
def aanvraag_pagina(request: Request, aanvraag_id: str, actor: Actor = Depends(_rol("aanvraag.lezen"))) -> Response:
    with request.app.state.uow(write=True) as uow:
        a = aanvragen.read(uow, actor, aanvraag_id)
        c = uow.clients.get(a.client_id)
    return render(request, "aanvraag.html", a=a, client=c, uitkomsten=a.uitkomsten())


_BEH = "aanvraag.behandelen"


@router.post("/aanvragen/{aanvraag_id}/behandelen")
async def behandelen(request: Request, aanvraag_id: str, actor: Actor = Depends(_rol(_BEH))) -> Response:
    return await _aanvraag_action(
        request,
        actor,
        aanvraag_id,
        None,
        lambda uow, _: aanvragen.neem_in_behandeling(uow, actor, aanvraag_id),
        "In behandeling genomen.",
    )


@router.post("/aanvragen/{aanvraag_id}/advies-vragen")
async def advies_vragen(request: Request, aanvraag_id: str, actor: Actor = Depends(_rol(_BEH))) -> Response:
    return await _aanvraag_action(
        request,
        actor,
        aanvraag_id,
        invoer.AdviesVraagInvoer,
        lambda uow, d: aanvragen.vraag_advies(uow, actor, aanvraag_id, d),
        "Advies gevraagd.",
    )


@router.post("/aanvragen/{aanvraag_id}/advies-ontvangen")
async def advies_ontvangen(request: Request, aanvraag_id: str, actor: Actor = Depends(_rol(_BEH))) -> Response:
    return await _aanvraag_action(
        request,
        actor,
        aanvraag_id,
        invoer.AdviesInvoer,
        lambda uow, d: aanvragen.advies_ontvangen(uow, actor, aanvraag_id, d),
        "Advies vastgelegd.",
    )


@router.post("/aanvragen/{aanvraag_id}/verlengen")
async def verlengen(request: Request, aanvraag_id: str, actor: Actor = Depends(_rol(_BEH))) -> Response:
    return await _aanvraag_action(
        request,
        actor,
        aanvraag_id,
        invoer.VerlengInvoer,
        lambda uow, d: aanvragen.verleng(uow, actor, aanvraag_id, d),
        "Termijn verlengd.",
    )


@router.post("/aanvragen/{aanvraag_id}/herberekenen")
async def herberekenen(request: Request, aanvraag_id: str, actor: Actor = Depends(_rol(_BEH))) -> Response:
    return await _aanvraag_action(
        request,
        actor,
        aanvraag_id,
        None,
        lambda uow, _: aanvragen.herbeoordeel(uow, actor, aanvraag_id),
        "Opnieuw berekend.",
    )


@router.post("/aanvragen/{aanvraag_id}/besluit")
async def besluiten(request: Request, aanvraag_id: str, actor: Actor = Depends(_rol(_BEH))) -> Response:
    await run_in_threadpool(_check_reach, request, actor, aanvraag_id=aanvraag_id)
    form = await request.form()
    regels_in = []
    for r in codes.REGELINGEN:
        if f"{r}.besluit" not in form:
            continue
        regels_in.append(
            {
                "regeling": r,
                "toegekend": form.get(f"{r}.besluit") == "toekennen",
                **{k: form.get(f"{r}.{k}") for k in ("van", "tot", "toelichting") if form.get(f"{r}.{k}")},
            }
        )
    url = f"/aanvragen/{aanvraag_id}"

    def besluit() -> None:
        data = invoer.BesluitInvoer.model_validate({"motivatie": form.get("motivatie", ""), "regels": regels_in})
        with request.app.state.uow(write=True) as uow:
            aanvragen.besluit(uow, actor, aanvraag_id, data)

    try:
        await run_in_threadpool(besluit)
    except ValidationError as exc:
        return terug(request, url, fout=_error_line(exc))
    except DomainError as exc:
        return terug(request, url, fout=_refusal(exc))
    except rules_engine.RulesUnavailable as exc:
        return terug(request, url, fout=str(exc))
    return terug(request, url, melding="Besluit genomen.")


# --- monitoring and administration ---------------------------------------------------------------------------
@router.get("/dashboard")
def dashboard_pagina(request: Request, actor: Actor = Depends(_rol("dashboard"))) -> Response:
    with request.app.state.uow() as uow:
        cijfers = dashboard.cijfers(uow, actor)
    return render(
        request, "dashboard.html", c=cijfers, bron_002=dashboard.SEED_002_BRON, bron_003=dashboard.SEED_003_BRON
    )


@router.get("/beheer/toegangslog")
def toegangslog(
    request: Request,
    client_id: str = "",
    gebruikersnaam: str = "",
    van: str = "",
    tot: str = "",
    voor_id: int | None = Query(None, ge=1, le=2**31 - 1),  # the access log's INTEGER id
    actor: Actor = Depends(_rol("toegangslog.zoeken")),
) -> Response:
    try:
        van_d = dt.date.fromisoformat(van) if van else None
        tot_d = dt.date.fromisoformat(tot) if tot else None
    except ValueError:
        return render(
            request,
            "toegangslog.html",
            code=422,
            regels=[],
            zoek=dict(request.query_params),
            fouten={"van": "Gebruik een datum als 2024-01-31."},
        )
    with request.app.state.uow(write=True) as uow:
        regels_ = toegang.zoek(
            uow,
            actor,
            client_id=client_id[:32] or None,
            gebruikersnaam=gebruikersnaam[:100] or None,
            van=van_d,
            tot=tot_d,
            limit=500,
            before_id=voor_id,
        )
    return render(request, "toegangslog.html", regels=regels_, zoek=dict(request.query_params))


@router.get("/beheer/gebruikers")
def gebruikers(request: Request, actor: Actor = Depends(_rol("gebruikers.beheren"))) -> Response:
    with request.app.state.uow() as uow:
        lijst = list(uow.gebruikers.alle())
        tokens = {g.id: list(uow.tokens.van_gebruiker(g.id)) for g in lijst}
    nieuw_token = request.session.pop("nieuw_token", None)
    return render(request, "gebruikers.html", gebruikers=lijst, tokens=tokens, nieuw_token=nieuw_token)


@router.post("/beheer/gebruikers")
async def gebruiker_maken(request: Request, actor: Actor = Depends(_rol("gebruikers.beheren"))) -> Response:
    def doe(uow: UnitOfWork, d: invoer.GebruikerInvoer) -> None:
        auth.maak_gebruiker(uow, actor, **d.model_dump())
        uow.commit()

    return await _form_action(request, "/beheer/gebruikers", invoer.GebruikerInvoer, doe, "Gebruiker aangemaakt.")


@router.post("/beheer/gebruikers/{gebruiker_id}/tokens")
async def token_maken(
    request: Request, gebruiker_id: str, actor: Actor = Depends(_rol("gebruikers.beheren"))
) -> Response:
    def doe(uow: UnitOfWork, d: invoer.TokenInvoer) -> None:
        _, token = auth.maak_token(uow, actor, gebruiker_id, d.naam)
        uow.commit()
        request.session["nieuw_token"] = token  # shown once on the next page, then gone

    return await _form_action(request, "/beheer/gebruikers", invoer.TokenInvoer, doe, "API-token aangemaakt.")


@router.post("/beheer/tokens/{token_id}/intrekken")
async def token_intrekken(
    request: Request, token_id: str, actor: Actor = Depends(_rol("gebruikers.beheren"))
) -> Response:
    def doe(uow: UnitOfWork, _: object) -> None:
        auth.trek_token_in(uow, actor, token_id)
        uow.commit()
        request.app.state.api_actors.clear()  # refused at once here; other server processes: api.deps.ActorCache

    return await _form_action(request, "/beheer/gebruikers", None, doe, "API-token ingetrokken.")


@router.post("/beheer/gebruikers/{gebruiker_id}/uitschakelen")
async def gebruiker_uitschakelen(
    request: Request, gebruiker_id: str, actor: Actor = Depends(_rol("gebruikers.beheren"))
) -> Response:
    def doe(uow: UnitOfWork, _: object) -> None:
        auth.deactiveer(uow, actor, gebruiker_id)
        request.app.state.api_actors.clear()

    return await _form_action(request, "/beheer/gebruikers", None, doe, "Gebruiker uitgeschakeld.")


@router.post("/beheer/gebruikers/{gebruiker_id}/rol")
async def gebruiker_rol(
    request: Request, gebruiker_id: str, actor: Actor = Depends(_rol("gebruikers.beheren"))
) -> Response:
    def doe(uow: UnitOfWork, d: invoer.RolInvoer) -> None:
        auth.wijzig_rol(uow, actor, gebruiker_id, d.rol)
        request.app.state.api_actors.clear()

    return await _form_action(request, "/beheer/gebruikers", invoer.RolInvoer, doe, "Rol gewijzigd.")
