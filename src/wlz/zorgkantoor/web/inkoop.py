"""The zorginkoop's Dutch pages: thin routes over ``services.inkoop``; each declares its roles.

- ``/inkoop/...``: the zorginkoper's pages (inkoopkaders, providers, tariff table, experiments, contracts,
  capacity); the zorgkantoor's staff read them, a provider sees its own contracts;
- ``/zorginkoop``: the public page (no login) with the published inkoopkaders and the comparison of contracted
  providers per region and leveringsvorm, beside the Wlz-wijzer;
- ``/clienten/{client_id}/zorgkeuze``: a client's choice of provider per module (becoming zorgtoewijzingen with
  their AW33), vouchers and cliëntondersteuning.

Ids of inkoop objects travel in the query or the form, not in the path.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from wlz import reference

from ..domain import codes
from ..domain import inkoop as regels
from ..domain.fouten import DomainError, NotFound, translate_errors
from ..services import inkoop
from ..services import inkoop_invoer as iv
from ..services.actor import Actor
from ..services.autorisatie import client_zichtbaar
from .deps import WebPublic, WebRoles
from .pages import render, templates, terug

router = APIRouter(include_in_schema=False)


def _cent(v: Any) -> str:
    from wlz.platform.pages import euro

    return "onbekend" if v is None else euro(int(v) / 100)


templates.env.filters.update(cent=_cent)
templates.env.globals.update(
    INKOOP_REGIOS=regels.REGIOS,
    INKOOP_VORMEN=regels.VORMEN,
    INKOOP_ZORGSOORTEN=regels.ZORGSOORTEN_MEERJARIG,
    INKOOP_STATUSSEN=regels.CONTRACT_STATUSSEN,
    INKOOP_VERBETERPLAN=regels.VERBETERPLAN,
    INKOOP_LEVERINGSVORMEN=regels.CONTRACT_LEVERINGSVORMEN,
    INKOOP_DISCIPLINES=regels.DISCIPLINES,
    INKOOP_VOUCHERSTATUS=regels.VOUCHER_STATUSSEN,
    INKOOP_RECHTEN=inkoop.INKOOP_RECHTEN,
)


def _rol(*acties: str) -> WebRoles:
    rollen: set[str] = set()
    for a in acties:
        rollen |= inkoop.rollen_voor(a)
    return WebRoles(*sorted(rollen))


def _fout_validatie(exc: ValidationError) -> str:
    return " ".join(f.tekst for f in translate_errors(exc.errors()))


def _fout_domein(exc: DomainError) -> str:
    return exc.bericht + (f" (veld: {exc.veld})" if exc.veld else "")


#: form fields holding a number: a Dutch decimal comma is read as a point
_GETALLEN = {"tarief_percentage", "aandeel_percentage", "maximumtarief", "basisbudget", "fte", "fte_per_client"}


def _form(form: FormData, model: type[BaseModel], lijsten: tuple[str, ...] = ()) -> dict[str, Any]:
    """Form fields as a dict for ``model``: empty fields left out, checkboxes as booleans, ``lijsten`` as lists."""
    out: dict[str, Any] = {}
    for naam, veld in model.model_fields.items():
        if naam in lijsten:
            waarden = [str(v).strip() for v in form.getlist(naam) if str(v).strip()]
            if waarden:
                out[naam] = waarden
        elif veld.annotation in (bool, "bool"):
            out[naam] = form.get(naam) in ("on", "true", "1", "ja")
        else:
            v = form.get(naam)
            if isinstance(v, str) and v.strip() != "":
                out[naam] = v.strip().replace(",", ".") if naam in _GETALLEN else v.strip()
    return out


async def _actie(
    request: Request,
    url: str,
    model: type[BaseModel],
    doe: Callable[[Any, Any], object],
    gelukt: str,
    *,
    data: dict[str, Any] | None = None,
) -> Response:
    """Validate the form, run one use case in a writing unit of work, go back to ``url`` with a message; a
    refusal names the field and writes nothing."""
    if data is None:
        data = _form(await request.form(), model)

    def run() -> None:
        d = model.model_validate(data)
        with request.app.state.uow(write=True) as uow:
            doe(uow, d)

    try:
        await run_in_threadpool(run)
    except ValidationError as exc:
        return terug(request, url, fout=_fout_validatie(exc))
    except DomainError as exc:
        return terug(request, url, fout=_fout_domein(exc))
    return terug(request, url, melding=gelukt)


def _lees(request: Request, functie: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    with request.app.state.uow(write=True) as uow:  # a read writes its access-log line
        return functie(uow, *args, **kwargs)


# --- overview, kaders ------------------------------------------------------------------------------------------
@router.get("/inkoop")
def overzicht(request: Request, actor: Actor = Depends(_rol("inkoop.lezen", "contract.eigen"))) -> Response:
    if actor.rol == "aanbieder":
        return terug(request, "/inkoop/contracten")
    kaders = _lees(request, inkoop.kaders, actor)
    return render(request, "inkoop/overzicht.html", kaders=kaders, beheer=actor.rol in inkoop.INKOPERS)


@router.post("/inkoop/kaders")
async def kader_opslaan(request: Request, actor: Actor = Depends(_rol("inkoop.beheren"))) -> Response:
    return await _actie(
        request, "/inkoop", iv.KaderInvoer, lambda u, d: inkoop.kader_opslaan(u, actor, d), "Inkoopkader opgeslagen."
    )


@router.post("/inkoop/kaders/publiceren")
async def kader_publiceren(request: Request, actor: Actor = Depends(_rol("inkoop.beheren"))) -> Response:
    return await _actie(
        request,
        "/inkoop",
        iv.PublicerenInvoer,
        lambda u, d: inkoop.kader_publiceren(u, actor, d),
        "Inkoopkader gepubliceerd: het staat nu op de openbare pagina Zorginkoop.",
    )


# --- providers ---------------------------------------------------------------------------------------------------
@router.get("/inkoop/aanbieders")
def aanbieders(request: Request, actor: Actor = Depends(_rol("inkoop.lezen"))) -> Response:
    lijst = _lees(request, inkoop.aanbieders, actor)
    return render(request, "inkoop/aanbieders.html", aanbieders=lijst, beheer=actor.rol in inkoop.INKOPERS)


@router.post("/inkoop/aanbieders")
async def aanbieder_opslaan(request: Request, actor: Actor = Depends(_rol("inkoop.beheren"))) -> Response:
    return await _actie(
        request,
        "/inkoop/aanbieders",
        iv.AanbiederInvoer,
        lambda u, d: inkoop.aanbieder_opslaan(u, actor, d),
        "Zorgaanbieder opgeslagen.",
    )


@router.post("/inkoop/locaties")
async def locatie_toevoegen(request: Request, actor: Actor = Depends(_rol("inkoop.beheren"))) -> Response:
    return await _actie(
        request,
        "/inkoop/aanbieders",
        iv.LocatieInvoer,
        lambda u, d: inkoop.locatie_toevoegen(u, actor, d),
        "Locatie toegevoegd.",
    )


@router.post("/inkoop/kwaliteitsrapporten/bestand")
async def kwaliteitsrapport_bestand(request: Request, actor: Actor = Depends(_rol("inkoop.beheren"))) -> Response:
    """An uploaded kwaliteitsrapport (PDF); the request body was already limited by ``LimitBody``."""
    form = await request.form()
    bestand = form.get("bestand")
    if bestand is None or isinstance(bestand, str):
        return terug(request, "/inkoop/aanbieders", fout="Kies een PDF-bestand. (veld: bestand)")
    inhoud = await bestand.read()
    naam = bestand.filename or "kwaliteitsrapport.pdf"
    soort = bestand.content_type or ""
    grens = request.app.state.settings.max_upload_bytes
    return await _actie(
        request,
        "/inkoop/aanbieders",
        iv.KwaliteitsrapportBestandInvoer,
        lambda u, d: inkoop.kwaliteitsrapport_uploaden(
            u, actor, d, bestandsnaam=naam, content_type=soort, inhoud=inhoud, max_bytes=grens
        ),
        "Kwaliteitsrapport (PDF) opgeslagen; het staat op de openbare vergelijking.",
        data=_form(form, iv.KwaliteitsrapportBestandInvoer),
    )


@router.post("/inkoop/kwaliteitsrapporten")
async def kwaliteitsrapport(request: Request, actor: Actor = Depends(_rol("inkoop.beheren"))) -> Response:
    return await _actie(
        request,
        "/inkoop/aanbieders",
        iv.KwaliteitsrapportInvoer,
        lambda u, d: inkoop.kwaliteitsrapport_opslaan(u, actor, d),
        "Kwaliteitsrapport opgeslagen.",
    )


# --- tariff table, experiments ---------------------------------------------------------------------------------------
@router.get("/inkoop/tarieven")
def tarieven(request: Request, actor: Actor = Depends(_rol("inkoop.lezen"))) -> Response:
    lijst = _lees(request, inkoop.tarieven, actor)
    return render(request, "inkoop/tarieven.html", tarieven=lijst, beheer=actor.rol in inkoop.INKOPERS)


@router.post("/inkoop/tarieven")
async def tarief_opslaan(request: Request, actor: Actor = Depends(_rol("inkoop.beheren"))) -> Response:
    form = await request.form()
    rij = _form(form, iv.TariefInvoer)

    def doe(u: Any, d: BaseModel) -> object:
        assert isinstance(d, iv.TarieventabelInvoer)
        return inkoop.tarieven_opslaan(u, actor, d)

    return await _actie(
        request, "/inkoop/tarieven", iv.TarieventabelInvoer, doe, "Maximumtarief opgeslagen.", data={"tarieven": [rij]}
    )


@router.post("/inkoop/tarieven/csv")
async def tarieven_csv(request: Request, actor: Actor = Depends(_rol("inkoop.beheren"))) -> Response:
    form = await request.form()
    bestand = form.get("bestand")
    tekst = ""
    if bestand is not None and not isinstance(bestand, str):
        ruw = await bestand.read(2_000_001)
        if len(ruw) > 2_000_000:
            return terug(request, "/inkoop/tarieven", fout="Het bestand is te groot (hoogstens 2 MB). (veld: bestand)")
        try:
            tekst = ruw.decode("utf-8-sig")
        except UnicodeDecodeError:
            return terug(request, "/inkoop/tarieven", fout="Het bestand is geen UTF-8-tekst (CSV). (veld: bestand)")
    elif isinstance(bestand, str):
        tekst = bestand
    try:
        tabel = inkoop.tarieven_uit_csv(tekst)
    except DomainError as exc:
        return terug(request, "/inkoop/tarieven", fout=_fout_domein(exc))

    def doe(u: Any, d: BaseModel) -> object:
        assert isinstance(d, iv.TarieventabelInvoer)
        return inkoop.tarieven_opslaan(u, actor, d)

    return await _actie(
        request,
        "/inkoop/tarieven",
        iv.TarieventabelInvoer,
        doe,
        f"Tarieventabel ingelezen ({len(tabel.tarieven)} regels).",
        data=tabel.model_dump(),
    )


@router.get("/inkoop/experimenten")
def experimenten(request: Request, actor: Actor = Depends(_rol("inkoop.lezen"))) -> Response:
    lijst = _lees(request, inkoop.experimenten, actor)
    return render(request, "inkoop/experimenten.html", experimenten=lijst, beheer=actor.rol in inkoop.INKOPERS)


@router.post("/inkoop/experimenten")
async def experiment_opslaan(request: Request, actor: Actor = Depends(_rol("inkoop.beheren"))) -> Response:
    form = await request.form()
    data = _form(form, iv.ExperimentInvoer)
    data["prestatiecodes"] = [
        c.strip() for c in str(form.get("prestatiecodes", "")).replace(",", " ").split() if c.strip()
    ]
    return await _actie(
        request,
        "/inkoop/experimenten",
        iv.ExperimentInvoer,
        lambda u, d: inkoop.experiment_opslaan(u, actor, d),
        "Experiment opgeslagen.",
        data=data,
    )


# --- contracts -----------------------------------------------------------------------------------------------------
@router.get("/inkoop/contracten")
def contracten(
    request: Request,
    regio: str = Query("", max_length=4),
    actor: Actor = Depends(_rol("inkoop.lezen", "contract.eigen")),
) -> Response:
    lijst = _lees(request, inkoop.contracten, actor, regio=regio or None)
    return render(request, "inkoop/contracten.html", contracten=lijst, regio=regio, beheer=actor.rol in inkoop.INKOPERS)


def _contract_formulier(request: Request, code: int = 200, **ctx: Any) -> Response:
    with request.app.state.uow() as uow:
        from ..storage.inkoop_repository import Inkoop

        r = Inkoop(uow.session)
        ctx.setdefault("aanbieders", r.aanbieders())
        ctx.setdefault("experimenten", r.experimenten())
    ctx.setdefault("waarden", {})
    ctx.setdefault("prestaties", [{} for _ in range(4)])
    return render(request, "inkoop/contract_nieuw.html", code=code, **ctx)


@router.get("/inkoop/contracten/nieuw")
def contract_nieuw(request: Request, actor: Actor = Depends(_rol("inkoop.beheren"))) -> Response:
    return _contract_formulier(request)


@router.post("/inkoop/contracten")
async def contract_opslaan(request: Request, actor: Actor = Depends(_rol("inkoop.beheren"))) -> Response:
    form = await request.form()
    data = _form(form, iv.ContractInvoer)
    prestaties: list[dict[str, str]] = []
    for code, lv, pct in zip(
        form.getlist("prestatiecode"), form.getlist("leveringsvorm"), form.getlist("tarief_percentage"), strict=False
    ):
        code, pct = str(code).strip(), str(pct).strip().replace(",", ".")
        if code or pct:
            prestaties.append({"prestatiecode": code, "leveringsvorm": str(lv), "tarief_percentage": pct})
    data["prestaties"] = prestaties
    geindiceerd = [
        {
            "zorgprofiel": str(zp).strip(),
            "aantal": str(n).strip(),
            **({"prestatiecode": str(pc).strip()} if str(pc).strip() else {}),
        }
        for zp, n, pc in zip(
            form.getlist("geindiceerd_zorgprofiel"),
            form.getlist("geindiceerd_aantal"),
            form.getlist("geindiceerd_prestatiecode"),
            strict=False,
        )
        if str(zp).strip() or str(n).strip()
    ]
    if geindiceerd:
        data["geindiceerd"] = geindiceerd

    def run() -> inkoop.Contract:
        d = iv.ContractInvoer.model_validate(data)
        with request.app.state.uow(write=True) as uow:
            return inkoop.contract_opslaan(uow, actor, d)

    try:
        c = await run_in_threadpool(run)
    except (ValidationError, DomainError) as exc:
        fout = _fout_validatie(exc) if isinstance(exc, ValidationError) else _fout_domein(exc)
        rijen = prestaties + [{} for _ in range(max(0, 4 - len(prestaties)))]
        return await run_in_threadpool(
            _contract_formulier, request, 422, foutmelding=fout, waarden=dict(form), prestaties=rijen
        )
    return terug(request, f"/inkoop/contract?id={c.gegevens['id']}", melding="Contract opgeslagen.")


@router.get("/inkoop/contract")
def contract(
    request: Request,
    id: str = Query(..., min_length=1, max_length=32),
    actor: Actor = Depends(_rol("inkoop.lezen", "contract.eigen")),
) -> Response:
    c = _lees(request, inkoop.contract, actor, id)
    return render(request, "inkoop/contract.html", c=c, beheer=actor.rol in inkoop.INKOPERS)


@router.post("/inkoop/contracten/status")
async def contract_status(request: Request, actor: Actor = Depends(_rol("inkoop.beheren"))) -> Response:
    form = await request.form()
    data = _form(form, iv.ContractStatusInvoer)
    url = f"/inkoop/contract?id={data.get('contract_id', '')}" if data.get("contract_id") else "/inkoop/contracten"
    return await _actie(
        request,
        url,
        iv.ContractStatusInvoer,
        lambda u, d: inkoop.contract_status(u, actor, d),
        "Status van het contract gewijzigd.",
        data=data,
    )


# --- capacity ------------------------------------------------------------------------------------------------------
@router.get("/inkoop/capaciteit")
def capaciteit(
    request: Request,
    jaar: int = Query(default_factory=lambda: dt.date.today().year, ge=2015, le=2100),
    actor: Actor = Depends(_rol("inkoop.lezen")),
) -> Response:
    reg = _lees(request, inkoop.capaciteitsregister, actor, jaar)
    profielen = [z for z in reference.zorgprofielen().values() if not z.buiten_wlz]
    return render(request, "inkoop/capaciteit.html", reg=reg, profielen=profielen, beheer=actor.rol in inkoop.INKOPERS)


@router.post("/inkoop/capaciteit")
async def capaciteit_opslaan(request: Request, actor: Actor = Depends(_rol("inkoop.beheren"))) -> Response:
    return await _actie(
        request,
        "/inkoop/capaciteit",
        iv.CapaciteitInvoer,
        lambda u, d: inkoop.capaciteit_opslaan(u, actor, d),
        "Behandelcapaciteit opgeslagen.",
    )


@router.post("/inkoop/capaciteitsnormen")
async def norm_opslaan(request: Request, actor: Actor = Depends(_rol("inkoop.beheren"))) -> Response:
    return await _actie(
        request,
        "/inkoop/capaciteit",
        iv.NormInvoer,
        lambda u, d: inkoop.norm_opslaan(u, actor, d),
        "Norm opgeslagen.",
    )


# --- public --------------------------------------------------------------------------------------------------------
@router.get("/zorginkoop", dependencies=[Depends(WebPublic())])
def publiek(request: Request, regio: str = "", leveringsvorm: str = "", peildatum: str = "") -> Response:
    """Public: the published inkoopkaders and the contracted providers per region and leveringsvorm."""
    fout = None
    dag = None
    if peildatum:
        try:
            dag = dt.date.fromisoformat(peildatum)
        except ValueError:
            fout = "Geef de peildatum als 2024-01-31. (veld: peildatum)"
    regels_: list[inkoop.Vergelijkingsregel] = []
    kaders = _lees(request, inkoop.publieke_kaders)
    if fout is None:
        try:
            regels_ = _lees(
                request, inkoop.vergelijking, regio=regio or None, leveringsvorm=leveringsvorm or None, peildatum=dag
            )
        except DomainError as exc:
            fout = _fout_domein(exc)
    return render(
        request,
        "inkoop/publiek.html",
        code=422 if fout else 200,
        kaders=kaders,
        regels=regels_,
        invoer={"regio": regio, "leveringsvorm": leveringsvorm, "peildatum": peildatum},
        foutmelding=fout,
    )


@router.get("/zorginkoop/kwaliteitsrapporten/{rapport_id}", dependencies=[Depends(WebPublic())])
def kwaliteitsrapport_downloaden(request: Request, rapport_id: str) -> Response:
    """Public: an uploaded kwaliteitsrapport, as the PDF it was checked to be (an attachment, never rendered as
    the site's own page)."""
    b = _lees(request, inkoop.kwaliteitsrapport_bestand, rapport_id)
    return Response(
        content=b["inhoud"],
        media_type=inkoop.PDF_TYPE,
        headers={
            "Content-Disposition": f'attachment; filename="{b["bestandsnaam"]}"',
            "X-Content-Type-Options": "nosniff",
        },
    )


# --- a client's choice ---------------------------------------------------------------------------------------------
def _bereik(request: Request, actor: Actor, client_id: str) -> None:
    with request.app.state.uow() as uow:
        client_zichtbaar(uow, actor, client_id)


@router.get("/clienten/{client_id}/zorgkeuze")
def zorgkeuze(request: Request, client_id: str, actor: Actor = Depends(_rol("keuze.lezen"))) -> Response:
    k = _lees(request, inkoop.keuzedossier, actor, client_id)
    with request.app.state.uow() as uow:
        c = uow.clients.get(client_id)
        ind = uow.indicaties.geldige(client_id, dt.date.today())
    if c is None:
        raise NotFound("client")
    return render(
        request,
        "inkoop/zorgkeuze.html",
        client=c,
        client_id=client_id,
        k=k,
        indicatie=ind,
        FUNCTIES=codes.FUNCTIES,
        KLASSEN=codes.KLASSEN,
        rol=actor.rol,
    )


@router.post("/clienten/{client_id}/zorgkeuze/keuze")
async def keuze(request: Request, client_id: str, actor: Actor = Depends(_rol("keuze.vastleggen"))) -> Response:
    await run_in_threadpool(_bereik, request, actor, client_id)
    form = await request.form()
    data = _form(form, iv.KeuzeInvoer)
    modules = []
    for code, lv, agb, functie, klasse in zip(
        form.getlist("prestatiecode"),
        form.getlist("leveringsvorm"),
        form.getlist("agb_code"),
        form.getlist("functie"),
        form.getlist("klasse"),
        strict=False,
    ):
        m = {"prestatiecode": str(code).strip(), "leveringsvorm": str(lv), "agb_code": str(agb).strip()}
        if not m["prestatiecode"] and not m["agb_code"]:
            continue
        if str(functie).strip():
            m["functie"] = str(functie).strip()
        if str(klasse).strip():
            m["klasse"] = str(klasse).strip()
        modules.append(m)
    data["modules"] = modules
    pgb_functies = [str(f).strip() for f in form.getlist("pgb_functies") if str(f).strip()]
    if pgb_functies:  # an mpt+pgb choice: the part bought with a pgb
        pgb: dict[str, Any] = {"functies": pgb_functies}
        bedrag, bron = str(form.get("pgb_bedrag") or "").strip(), str(form.get("pgb_bron") or "").strip()
        if bedrag:
            pgb["bedrag"] = bedrag.replace(".", "").replace(",", ".") if "," in bedrag else bedrag
        if bron:
            pgb["bron"] = bron
        data["pgb"] = pgb
    return await _actie(
        request,
        f"/clienten/{client_id}/zorgkeuze",
        iv.KeuzeInvoer,
        lambda u, d: inkoop.keuze_vastleggen(u, actor, client_id, d),
        "Keuze vastgelegd: de zorgtoewijzing en het AW33-bericht zijn gemaakt.",
        data=data,
    )


@router.post("/clienten/{client_id}/zorgkeuze/voucher")
async def voucher(request: Request, client_id: str, actor: Actor = Depends(_rol("voucher.uitgeven"))) -> Response:
    await run_in_threadpool(_bereik, request, actor, client_id)
    return await _actie(
        request,
        f"/clienten/{client_id}/zorgkeuze",
        iv.VoucherInvoer,
        lambda u, d: inkoop.voucher_uitgeven(u, actor, client_id, d),
        "Voucher uitgegeven.",
    )


@router.post("/clienten/{client_id}/zorgkeuze/inwisselen")
async def inwisselen(request: Request, client_id: str, actor: Actor = Depends(_rol("voucher.inwisselen"))) -> Response:
    await run_in_threadpool(_bereik, request, actor, client_id)
    return await _actie(
        request,
        f"/clienten/{client_id}/zorgkeuze",
        iv.InwisselInvoer,
        lambda u, d: inkoop.voucher_inwisselen(u, actor, client_id, d),
        "Voucher ingewisseld: de zorgtoewijzing en het AW33-bericht zijn gemaakt.",
    )


@router.post("/clienten/{client_id}/zorgkeuze/ondersteuning")
async def ondersteuning(
    request: Request, client_id: str, actor: Actor = Depends(_rol("ondersteuning.vastleggen"))
) -> Response:
    await run_in_threadpool(_bereik, request, actor, client_id)
    return await _actie(
        request,
        f"/clienten/{client_id}/zorgkeuze",
        iv.OndersteuningInvoer,
        lambda u, d: inkoop.ondersteuning_vastleggen(u, actor, client_id, d),
        "Cliëntondersteuning vastgelegd.",
    )
