"""The CIZ's pages: the public request form (no login), login, the work list, a request with its assessment,
decision support and decision, suspension of its term, withdrawal, the letters (HTML and PDF), the dashboard
with the "stand van zaken", the quality review and the beheerder's account management. Thin: parse the form,
call one use case, render."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from wlz import reference
from wlz.common.errors import InputError
from wlz.platform import login, sessions
from wlz.platform.pages import back, page_templates, render
from wlz.reference.grondslag import labels as grondslag_labels

from ..domain.aanvraag import GESLACHTEN, Aanvrager
from ..domain.beoordeling import MAX_NIVEAU, NIVEAUS, Beoordeling, Domein, Functie, Kenmerk
from ..domain.besluit import AFWIJZINGSGRONDEN
from ..domain.bijlage import MAX_BYTES
from ..domain.gebruiker import AANVRAGER, EENHEDEN, PERSOONSROLLEN, Actor, Gebruiker, Rol
from ..domain.intrekking import INTREKKINGSGRONDEN
from ..domain.termijn import OPSCHORTINGSGRONDEN
from ..services import aanvragen, auth, kwaliteit
from . import brief
from .deps import Pagina

router = APIRouter()
templates = page_templates(Path(__file__).parent / "templates")
publiek = Pagina()
IS = Rol.INDICATIESTELLER
KT = Rol.KWALITEITSTOETSER
BEH = Rol.BEHEERDER
#: where each role lands after login
STARTPAGINA = {IS: "/werkvoorraad", KT: "/dashboard", BEH: "/beheer/gebruikers"}


def _publiek() -> Any:
    from wlz.platform.gates import WebPublicGate

    return Depends(WebPublicGate(publiek))


def foutpagina(request: Request, status: int, bericht: str) -> HTMLResponse:
    return render(templates, request, "fout.html", code=status, status_code=status, bericht=bericht)


def _datum(v: Any, veld: str, verplicht: bool = True) -> dt.date | None:
    if not v:
        if verplicht:
            raise InputError(veld, "Vul een datum in.")
        return None
    try:
        return dt.date.fromisoformat(str(v))
    except ValueError:
        raise InputError(veld, "Geen geldige datum (jjjj-mm-dd).") from None


def _profielcode(v: str) -> str | None:
    """``lg5`` -> ``LG5``, ``zgvis1`` -> ``ZGvis1`` (wlz.reference's lookup); unknown text is left for the
    domain to refuse, naming the field."""
    v = v.strip()
    if not v:
        return None
    try:
        return reference.lookup(v).code
    except KeyError:
        return v


def _int(v: Any, veld: str) -> int:
    try:
        return int(str(v))
    except ValueError:
        raise InputError(veld, "Vul een getal in.") from None


@router.get("/", dependencies=[_publiek()])
def start(request: Request) -> Response:
    return render(templates, request, "start.html")


@router.get("/aanvragen/nieuw", dependencies=[_publiek()])
def aanvraagformulier(request: Request) -> Response:
    return render(templates, request, "aanvraag_nieuw.html", geslachten=GESLACHTEN, aanvragers=list(Aanvrager))


@router.post("/aanvragen/nieuw", dependencies=[_publiek()])
async def aanvraag_indienen(request: Request) -> Response:
    f = await request.form()
    gegevens = {
        "bsn": str(f.get("bsn", "")),
        "achternaam": str(f.get("achternaam", "")),
        "voornamen": str(f.get("voornamen", "")),
        "geboortedatum": _datum(f.get("geboortedatum"), "geboortedatum"),
        "geslacht": str(f.get("geslacht", "0")),
        "straat": str(f.get("straat", "")),
        "huisnummer": _int(f.get("huisnummer", ""), "huisnummer"),
        "postcode": str(f.get("postcode", "")),
        "woonplaats": str(f.get("woonplaats", "")),
        "aanvrager": str(f.get("aanvrager", "")),
        "zorgkantoor": str(f.get("zorgkantoor", "")),
        "ontvangt_al_zorg": f.get("ontvangt_al_zorg") == "ja",
        "verblijft_in_instelling": f.get("verblijft_in_instelling") == "ja",
        "zorg_sinds": _datum(f.get("zorg_sinds"), "zorg_sinds", verplicht=False),
        "toelichting": str(f.get("toelichting", ""))[:4000],
        "bestaande_informatie": str(f.get("bestaande_informatie", ""))[:4000],
        "gevraagd_profiel": _profielcode(str(f.get("gevraagd_profiel", ""))),
        # the public may ask for a first indication or a herindicatie, never start an ambtshalve herziening
        "soort": "-" if f.get("soort") == "ambtshalve_herziening" else str(f.get("soort") or "eerste"),
        # a herindicatie names the earlier decision by its besluitnummer (checked against the same person)
        "vorig_besluitnummer": str(f.get("vorig_besluitnummer", ""))[:20],
    }
    bijlagen = []
    for upload in f.getlist("bijlage"):
        if isinstance(upload, str) or not upload.filename:
            continue
        inhoud = await upload.read(MAX_BYTES + 1)
        bijlagen.append((upload.filename, upload.content_type or "", inhoud))
    with request.app.state.uow(write=True) as uow:
        a = aanvragen.dien_in(uow, AANVRAGER, gegevens, bijlagen=bijlagen)
    # the receipt page shows the number and the deadline; no BSN, no id of the file in the URL
    return render(templates, request, "ontvangen.html", code=201, aanvraag=a)


@router.get("/inloggen", dependencies=[_publiek()])
def inlogpagina(request: Request) -> Response:
    return render(templates, request, "inloggen.html")


def _inloggen(request: Request, gebruikersnaam: str, wachtwoord: str) -> Gebruiker | login.Locked | None:
    """The throttled login (the password hash costs tens of ms of CPU: run off the event loop)."""
    with request.app.state.uow(write=True) as uow:
        g: Gebruiker | login.Locked | None = auth.inloggen(
            uow, gebruikersnaam, wachtwoord, login.client_address(request), request.app.state.settings.login_policy()
        )
    return g


@router.post("/inloggen", dependencies=[_publiek()])
async def inloggen(request: Request) -> Response:
    f = await request.form()
    g = await run_in_threadpool(
        _inloggen,
        request,
        str(f.get("gebruikersnaam", "")),
        str(f.get("wachtwoord", "")),
    )
    if isinstance(g, login.Locked):
        return render(templates, request, "inloggen.html", code=429, fout=g.message())
    if g is None:
        return render(templates, request, "inloggen.html", code=401, fout=login.FAILED_MESSAGE)
    sessions.start(request, g.id, int(g.session_version or 0))
    return back(request, STARTPAGINA.get(g.rol, "/"))


@router.post("/uitloggen")
def uitloggen(request: Request, actor: Actor = Depends(Pagina(IS, KT, BEH))) -> Response:
    """Ends every session of the account (the session version is raised), then this one."""
    with request.app.state.uow(write=True) as uow:
        auth.uitloggen(uow, actor)
    sessions.end(request)
    return back(request, "/", melding="U bent uitgelogd.")


@router.get("/wachtwoord")
def wachtwoordpagina(request: Request, actor: Actor = Depends(Pagina(IS, KT, BEH))) -> Response:
    return render(templates, request, "wachtwoord.html", min_lengte=auth.MIN_WACHTWOORD)


@router.post("/wachtwoord")
async def wachtwoord_wijzigen(request: Request, actor: Actor = Depends(Pagina(IS, KT, BEH))) -> Response:
    """A new password ends every session of the account, this one too: log in again."""
    f = await request.form()
    if str(f.get("nieuw", "")) != str(f.get("herhaal", "")):
        raise InputError("herhaal", "De twee nieuwe wachtwoorden zijn niet gelijk.")
    with request.app.state.uow(write=True) as uow:
        auth.wijzig_wachtwoord(uow, actor, str(f.get("huidig", "")), str(f.get("nieuw", "")))
    sessions.end(request)
    return back(request, "/inloggen", melding="Uw wachtwoord is gewijzigd. Log opnieuw in.")


@router.get("/beheer/gebruikers")
def gebruikers(request: Request, actor: Actor = Depends(Pagina(BEH))) -> Response:
    with request.app.state.uow(write=True) as uow:
        lijst = auth.accounts(uow, actor)
    return render(
        templates,
        request,
        "gebruikers.html",
        lijst=lijst,
        rollen=PERSOONSROLLEN,
        eenheden=EENHEDEN,
        min_lengte=auth.MIN_WACHTWOORD,
    )


@router.post("/beheer/gebruikers")
async def gebruiker_aanmaken(request: Request, actor: Actor = Depends(Pagina(BEH))) -> Response:
    f = await request.form()
    with request.app.state.uow(write=True) as uow:
        g = auth.nieuw_account(
            uow,
            actor,
            gebruikersnaam=str(f.get("gebruikersnaam", ""))[:100],
            naam=str(f.get("naam", ""))[:200],
            rol=str(f.get("rol", "")),
            wachtwoord=str(f.get("wachtwoord", ""))[:200],
            eenheid=str(f.get("eenheid", ""))[:40],
            team=str(f.get("team", ""))[:40],
        )
    return back(request, "/beheer/gebruikers", melding=f"Gebruiker {g.gebruikersnaam} aangemaakt.")


@router.post("/beheer/gebruikers/{gebruiker_id}/rol")
async def rol_wijzigen(request: Request, gebruiker_id: str, actor: Actor = Depends(Pagina(BEH))) -> Response:
    f = await request.form()
    with request.app.state.uow(write=True) as uow:
        g = auth.wijzig_rol(uow, actor, gebruiker_id, str(f.get("rol", "")))
    request.app.state.tokens.clear()
    return back(request, "/beheer/gebruikers", melding=f"Rol van {g.gebruikersnaam} gewijzigd; sessies beëindigd.")


@router.post("/beheer/gebruikers/{gebruiker_id}/deactiveren")
def gebruiker_deactiveren(request: Request, gebruiker_id: str, actor: Actor = Depends(Pagina(BEH))) -> Response:
    with request.app.state.uow(write=True) as uow:
        g = auth.deactiveer(uow, actor, gebruiker_id)
    request.app.state.tokens.clear()
    return back(request, "/beheer/gebruikers", melding=f"{g.gebruikersnaam} gedeactiveerd; sessies beëindigd.")


@router.post("/beheer/gebruikers/{gebruiker_id}/team")
async def team_wijzigen(request: Request, gebruiker_id: str, actor: Actor = Depends(Pagina(BEH))) -> Response:
    f = await request.form()
    with request.app.state.uow(write=True) as uow:
        t = auth.zet_in_team(uow, actor, gebruiker_id, str(f.get("eenheid", ""))[:40], str(f.get("team", ""))[:40])
    return back(request, "/beheer/gebruikers", melding=f"Team: {t.label}.")


@router.get("/werkvoorraad")
def werkvoorraad(request: Request, actor: Actor = Depends(Pagina(IS))) -> Response:
    with request.app.state.uow(write=True) as uow:
        lijst = aanvragen.werkvoorraad(uow, actor)
    return render(templates, request, "werkvoorraad.html", aanvragen=lijst, vandaag=dt.date.today())


@router.get("/aanvragen/{aanvraag_id}")
def aanvraag(request: Request, aanvraag_id: str, actor: Actor = Depends(Pagina(IS, KT))) -> Response:
    with request.app.state.uow(write=True) as uow:
        a = aanvragen.lees(uow, actor, aanvraag_id)
        berichten = aanvragen.berichten(uow, actor, aanvraag_id)
        pilot = list(uow.maatwerk.van_aanvraag(aanvraag_id))
        bijlagen = list(uow.bijlagen.van_aanvraag(aanvraag_id))
        opschortingen = aanvragen.opschortingen(uow, actor, aanvraag_id)
    return render(
        templates,
        request,
        "aanvraag.html",
        a=a,
        advies=aanvragen.advies(a),
        berichten=berichten,
        functies=list(Functie),
        domeinen=list(Domein),
        kenmerken=list(Kenmerk),
        niveaus=NIVEAUS,
        max_niveau=MAX_NIVEAU,
        grondslagen=grondslag_labels(),
        afwijzingsgronden=AFWIJZINGSGRONDEN,
        mag_beslissen=actor.rol == IS,
        pilot=pilot,
        bijlagen=bijlagen,
        opschortingen=opschortingen,
        opschortingsgronden=OPSCHORTINGSGRONDEN,
        intrekkingsgronden=INTREKKINGSGRONDEN,
    )


@router.post("/aanvragen/{aanvraag_id}/beoordeling")
async def beoordelen(request: Request, aanvraag_id: str, actor: Actor = Depends(Pagina(IS))) -> Response:
    f = await request.form()
    b = Beoordeling(
        grondslagen=tuple(str(g) for g in f.getlist("grondslagen")),
        blijvend=f.get("blijvend") == "ja",
        permanent_toezicht=f.get("permanent_toezicht") == "ja",
        zorg_24_uur_nabijheid=f.get("zorg_24_uur_nabijheid") == "ja",
        beperkingen={d.value: _int(f.get(f"beperking_{d.value}", 0) or 0, f"beperkingen.{d.value}") for d in Domein},
        behoefte={x.value: _int(f.get(f"behoefte_{x.value}", 0) or 0, f"behoefte.{x.value}") for x in Functie},
        kenmerken=frozenset(str(k) for k in f.getlist("kenmerken")),
        onderzoek=str(f.get("onderzoek", ""))[:4000],
    )
    with request.app.state.uow(write=True) as uow:
        aanvragen.beoordeel(uow, actor, aanvraag_id, b)
    return back(request, f"/aanvragen/{aanvraag_id}", melding="Beoordeling vastgelegd.")


@router.post("/aanvragen/{aanvraag_id}/besluit")
async def beslissen(request: Request, aanvraag_id: str, actor: Actor = Depends(Pagina(IS))) -> Response:
    f = await request.form()
    invoer = {
        "uitkomst": str(f.get("uitkomst", "")),
        "zorgprofiel": str(f.get("zorgprofiel", "")) or None,
        "ingangsdatum": _datum(f.get("ingangsdatum"), "ingangsdatum", verplicht=False),
        "einddatum": _datum(f.get("einddatum"), "einddatum", verplicht=False),
        "voorwaarden": str(f.get("voorwaarden", ""))[:2000],
        "afwijzingsgrond": str(f.get("afwijzingsgrond", "")) or None,
        "toelichting": str(f.get("toelichting", ""))[:4000],
    }
    with request.app.state.uow(write=True) as uow:
        uit = aanvragen.beslis(uow, actor, aanvraag_id, invoer, request.app.state.bezorger)
    melding = "Besluit genomen."
    if uit.bericht is not None:
        melding += f" IO31 {uit.bericht.identificatie}: {uit.bericht.status.replace('_', ' ')}."
    return back(request, f"/aanvragen/{aanvraag_id}", melding=melding)


@router.post("/aanvragen/{aanvraag_id}/opschorting")
async def opschorten(request: Request, aanvraag_id: str, actor: Actor = Depends(Pagina(IS))) -> Response:
    """Suspend the term (Awb art. 4:15): lid 1 with the day of the invitation and the term for completing;
    lid 2 with the first and last suspended day."""
    f = await request.form()
    with request.app.state.uow(write=True) as uow:
        a = aanvragen.schort_op(
            uow,
            actor,
            aanvraag_id,
            soort=str(f.get("soort", "")),
            reden=str(f.get("reden", ""))[:2000],
            uitgenodigd=_datum(f.get("uitgenodigd"), "uitgenodigd", verplicht=False),
            aanvullen_voor=_datum(f.get("aanvullen_voor"), "aanvullen_voor", verplicht=False),
            begin=_datum(f.get("begin"), "begin", verplicht=False),
            einde=_datum(f.get("einde"), "einde", verplicht=False),
        )
    melding = f"Termijn opgeschort; uiterlijk besluit {a.uiterlijk:%d-%m-%Y}."
    return back(request, f"/aanvragen/{aanvraag_id}", melding=melding)


@router.post("/aanvragen/{aanvraag_id}/opschortingen/{opschorting_id}/aangevuld")
async def aanvulling_ontvangen(
    request: Request, aanvraag_id: str, opschorting_id: str, actor: Actor = Depends(Pagina(IS))
) -> Response:
    f = await request.form()
    op = _datum(f.get("op"), "op")
    assert op is not None
    with request.app.state.uow(write=True) as uow:
        a = aanvragen.aangevuld(uow, actor, aanvraag_id, opschorting_id, op)
    melding = f"Aanvulling ontvangen; uiterlijk besluit {a.uiterlijk:%d-%m-%Y}."
    return back(request, f"/aanvragen/{aanvraag_id}", melding=melding)


@router.get("/aanvragen/{aanvraag_id}/opschortingen/{opschorting_id}/brief")
def opschortingsbrief(
    request: Request, aanvraag_id: str, opschorting_id: str, actor: Actor = Depends(Pagina(IS, KT))
) -> Response:
    with request.app.state.uow(write=True) as uow:
        a, o = aanvragen.opschorting(uow, actor, aanvraag_id, opschorting_id)
    return HTMLResponse(brief.opschorting_html(a, o))


@router.get("/aanvragen/{aanvraag_id}/opschortingen/{opschorting_id}/brief.pdf")
def opschortingsbrief_pdf(
    request: Request, aanvraag_id: str, opschorting_id: str, actor: Actor = Depends(Pagina(IS, KT))
) -> Response:
    with request.app.state.uow(write=True) as uow:
        a, o = aanvragen.opschorting(uow, actor, aanvraag_id, opschorting_id)
    return Response(
        brief.opschorting_pdf(a, o),
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="opschorting-{a.ontvangstnummer}.pdf"'},
    )


@router.post("/aanvragen/{aanvraag_id}/intrekking")
async def intrekken(request: Request, aanvraag_id: str, actor: Actor = Depends(Pagina(IS))) -> Response:
    """Withdraw a granted decision (Wlz art. 3.2.4); the IO31 that ends it goes to the zorgkantoor."""
    f = await request.form()
    per = _datum(f.get("per"), "per")
    assert per is not None
    with request.app.state.uow(write=True) as uow:
        uit = aanvragen.trek_in(
            uow,
            actor,
            aanvraag_id,
            grond=str(f.get("grond", "")),
            per=per,
            toelichting=str(f.get("toelichting", ""))[:4000],
            bezorger=request.app.state.bezorger,
        )
    melding = "Besluit ingetrokken."
    if uit.bericht is not None:
        melding += f" IO31 {uit.bericht.identificatie}: {uit.bericht.status.replace('_', ' ')}."
    return back(request, f"/aanvragen/{aanvraag_id}", melding=melding)


@router.get("/aanvragen/{aanvraag_id}/intrekking/brief")
def intrekkingsbrief(request: Request, aanvraag_id: str, actor: Actor = Depends(Pagina(IS, KT))) -> Response:
    with request.app.state.uow(write=True) as uow:
        a = aanvragen.lees(uow, actor, aanvraag_id)
    if not a.ingetrokken:
        return foutpagina(request, 404, "Dit besluit is niet ingetrokken.")
    return HTMLResponse(brief.intrekking_html(a))


@router.get("/aanvragen/{aanvraag_id}/intrekking/brief.pdf")
def intrekkingsbrief_pdf(request: Request, aanvraag_id: str, actor: Actor = Depends(Pagina(IS, KT))) -> Response:
    with request.app.state.uow(write=True) as uow:
        a = aanvragen.lees(uow, actor, aanvraag_id)
    if not a.ingetrokken:
        return foutpagina(request, 404, "Dit besluit is niet ingetrokken.")
    return Response(
        brief.intrekking_pdf(a),
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="intrekking-{a.ontvangstnummer}.pdf"'},
    )


@router.get("/aanvragen/{aanvraag_id}/bijlagen/{bijlage_id}")
def bijlage_downloaden(
    request: Request, aanvraag_id: str, bijlage_id: str, actor: Actor = Depends(Pagina(IS, KT))
) -> Response:
    with request.app.state.uow(write=True) as uow:
        b = aanvragen.bijlage(uow, actor, aanvraag_id, bijlage_id)
    return Response(
        b.inhoud, media_type=b.soort, headers={"Content-Disposition": f'attachment; filename="{b.bestandsnaam}"'}
    )


@router.post("/aanvragen/{aanvraag_id}/berichten/{bericht_id}/verstuur")
def opnieuw_versturen(
    request: Request, aanvraag_id: str, bericht_id: str, actor: Actor = Depends(Pagina(IS))
) -> Response:
    """Send an IO31 again (the zorgkantoor was unreachable)."""
    bezorger = request.app.state.bezorger
    if bezorger is None:
        raise InputError(
            "zorgkantoor", "Er is geen verbinding met een zorgkantoor ingesteld (WLZ_CIZ_ZORGKANTOOR_URL)."
        )
    with request.app.state.uow(write=True) as uow:
        b = aanvragen.verstuur(uow, actor, bericht_id, bezorger, aanvraag_id=aanvraag_id)
    return back(request, f"/aanvragen/{aanvraag_id}", melding=f"IO31 {b.identificatie}: {b.status.replace('_', ' ')}.")


@router.post("/aanvragen/{aanvraag_id}/herziening")
async def herzien(request: Request, aanvraag_id: str, actor: Actor = Depends(Pagina(IS, KT))) -> Response:
    f = await request.form()
    with request.app.state.uow(write=True) as uow:
        nieuw = aanvragen.herzie(uow, actor, aanvraag_id, str(f.get("reden", ""))[:2000])
    return back(
        request, f"/aanvragen/{nieuw.id}", melding="Ambtshalve herziening gestart; zij staat op de werkvoorraad."
    )


@router.post("/aanvragen/{aanvraag_id}/maatwerk")
async def maatwerk_vastleggen(request: Request, aanvraag_id: str, actor: Actor = Depends(Pagina(IS))) -> Response:
    from decimal import Decimal, InvalidOperation

    from ..domain.maatwerk import Behoefte
    from ..services import maatwerk

    f = await request.form()
    behoeften = []
    for x in Functie:
        uren, tarief = f.get(f"uren_{x.value}"), f.get(f"tarief_{x.value}")
        if not uren:
            continue
        try:
            behoeften.append(
                Behoefte(x.value, Decimal(str(uren).replace(",", ".")), Decimal(str(tarief or "0").replace(",", ".")))
            )
        except InvalidOperation:
            raise InputError(f"behoeften.{x.value}", "Geef uren en tarief als getal.") from None
    with request.app.state.uow(write=True) as uow:
        maatwerk.leg_vast(
            uow,
            actor,
            aanvraag_id,
            pilotgroep=str(f.get("pilotgroep", "")),
            jaar=_int(f.get("jaar", ""), "jaar"),
            behoeften=behoeften,
            context=str(f.get("context", ""))[:2000],
            voorkeuren=str(f.get("voorkeuren", ""))[:2000],
        )
    return back(request, f"/aanvragen/{aanvraag_id}", melding="Maatwerkindicatie (pilot) vastgelegd.")


@router.get("/aanvragen/{aanvraag_id}/brief")
def besluitbrief(request: Request, aanvraag_id: str, actor: Actor = Depends(Pagina(IS, KT))) -> Response:
    with request.app.state.uow(write=True) as uow:
        a = aanvragen.lees(uow, actor, aanvraag_id)
    return HTMLResponse(brief.html(a))


@router.get("/aanvragen/{aanvraag_id}/brief.pdf")
def besluitbrief_pdf(request: Request, aanvraag_id: str, actor: Actor = Depends(Pagina(IS, KT))) -> Response:
    with request.app.state.uow(write=True) as uow:
        a = aanvragen.lees(uow, actor, aanvraag_id)
    return Response(
        brief.pdf(a),
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="besluit-{a.ontvangstnummer}.pdf"'},
    )


@router.get("/dashboard")
def dashboard(
    request: Request, jaar: int | None = None, week: int | None = None, actor: Actor = Depends(Pagina(IS, KT))
) -> Response:
    vandaag = dt.date.today()
    jaar = jaar or vandaag.year
    week = week or (vandaag.isocalendar()[1] if jaar == vandaag.year else 52)
    if not 1 <= week <= 53:
        raise InputError("week", "Kies een week van 1 tot en met 53.")
    with request.app.state.uow(write=True) as uow:
        d = aanvragen.dashboard(uow, actor, jaar, week)
        juist = kwaliteit.juistheid_jaar(uow, actor, jaar)
    return render(templates, request, "dashboard.html", d=d, juist=juist)


@router.get("/dashboard/stand-van-zaken.csv")
def stand_van_zaken(request: Request, jaar: int, week: int, actor: Actor = Depends(Pagina(IS, KT))) -> Response:
    """The figures of the twice-yearly "stand van zaken" (seed 003 p1 r.11-14) as CSV (semicolon, Dutch)."""
    import csv
    import io

    from wlz.platform.pages import procent

    if not 1 <= week <= 53:
        raise InputError("week", "Kies een week van 1 tot en met 53.")
    with request.app.state.uow(write=True) as uow:
        d = aanvragen.dashboard(uow, actor, jaar, week)
        juist = kwaliteit.juistheid_jaar(uow, actor, jaar)
    uit = io.StringIO()
    w = csv.writer(uit, delimiter=";")
    w.writerow(["onderdeel", "waarde"])
    w.writerow(["periode", f"{jaar}, 1 januari tot en met week {week}"])
    w.writerow(["besluiten", d.besluiten])
    w.writerow(["op tijd", procent(d.aandeel_op_tijd)])
    w.writerow(["norm op tijd", "95%"])
    w.writerow(["afgewezen", procent(d.aandeel_afgewezen)])
    w.writerow(["past in geen profiel", procent(d.aandeel_geen_profiel)])
    for j in juist:
        w.writerow([f"juist in de steekproef ({j.eenheid})", procent(j.aandeel)])
    for k, n in d.doorlooptijden.items():
        w.writerow([f"doorlooptijd {k}", n])
    w.writerow([])
    w.writerow(["week", "besluiten", "op tijd", "cumulatief op tijd"])
    for x in d.weken:
        w.writerow([x.week, x.besluiten, x.op_tijd, procent(x.aandeel_cumulatief)])
    return Response(
        uit.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="stand-van-zaken-{jaar}-week{week}.csv"'},
    )


def _stand(request: Request, actor: Actor, jaar: int, week: int) -> tuple[Any, Any]:
    if not 1 <= week <= 53:
        raise InputError("week", "Kies een week van 1 tot en met 53.")
    with request.app.state.uow(write=True) as uow:
        d = aanvragen.dashboard(uow, actor, jaar, week)
        juist = kwaliteit.juistheid_jaar(uow, actor, jaar)
    return d, juist


@router.get("/dashboard/stand-van-zaken")
def stand_van_zaken_rapport(request: Request, jaar: int, week: int, actor: Actor = Depends(Pagina(IS, KT))) -> Response:
    """The "stand van zaken" as a formatted Dutch report (the same figures as the CSV)."""
    d, juist = _stand(request, actor, jaar, week)
    return HTMLResponse(brief.stand_van_zaken_html(d, juist, dt.date.today()))


@router.get("/dashboard/stand-van-zaken.pdf")
def stand_van_zaken_pdf(request: Request, jaar: int, week: int, actor: Actor = Depends(Pagina(IS, KT))) -> Response:
    d, juist = _stand(request, actor, jaar, week)
    return Response(
        brief.stand_van_zaken_pdf(d, juist, dt.date.today()),
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="stand-van-zaken-{jaar}-week{week}.pdf"'},
    )


def _periode(van: Any, tot: Any) -> tuple[dt.date, dt.date]:
    vandaag = dt.date.today()
    v = _datum(van, "van", verplicht=False) or dt.date(vandaag.year, 1, 1)
    t = _datum(tot, "tot", verplicht=False) or vandaag + dt.timedelta(days=1)
    if t <= v:
        raise InputError("tot", "De periode eindigt na het begin.")
    return v, t


@router.get("/kwaliteit")
def kwaliteitstoets(
    request: Request, van: str | None = None, tot: str | None = None, actor: Actor = Depends(Pagina(KT))
) -> Response:
    v, t = _periode(van, tot)
    with request.app.state.uow(write=True) as uow:
        o = kwaliteit.overzicht(uow, actor, v, t)
    return render(
        templates,
        request,
        "kwaliteit.html",
        lijst=o.lijst,
        juist=o.per_eenheid,
        per_team=o.per_team,
        per_steller=o.per_steller,
        van=v,
        tot=t,
    )


@router.post("/kwaliteit/steekproef")
async def steekproef(request: Request, actor: Actor = Depends(Pagina(KT))) -> Response:
    f = await request.form()
    v, t = _periode(f.get("van"), f.get("tot"))
    with request.app.state.uow(write=True) as uow:
        lijst = kwaliteit.trek_steekproef(uow, actor, v, t)
    return back(request, f"/kwaliteit?van={v}&tot={t}", melding=f"Steekproef: {len(lijst)} besluiten.")


@router.post("/kwaliteit/{toetsing_id}")
async def toetsen(request: Request, toetsing_id: str, actor: Actor = Depends(Pagina(KT))) -> Response:
    f = await request.form()
    oordeel = str(f.get("oordeel", ""))
    if oordeel not in ("juist", "onjuist"):
        raise InputError("oordeel", "Kies juist of onjuist.")
    with request.app.state.uow(write=True) as uow:
        t = kwaliteit.oordeel(uow, actor, toetsing_id, oordeel == "juist", str(f.get("reden", ""))[:2000])
    return back(request, f"/kwaliteit?van={t.periode_van}&tot={t.periode_tot}", melding="Oordeel vastgelegd.")
