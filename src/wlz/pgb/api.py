"""The pgb /api: thin JSON routes over the use cases, each with its gate (roles) — an API token of a pgb
account (``Authorization: Bearer wlz_...``). Amounts in the JSON are euros; the ledger keeps cents."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Depends, Request, Response
from pydantic import BaseModel, Field

from wlz.platform.auth import TokenCache
from wlz.platform.gates import ApiGate

from . import services
from .domain import einde, loonheffing, model
from .domain.zorgruimte import Bemiddeling
from .services import BEHEERDER, BEOORDELAAR, BUDGETHOUDER, ZORGVERLENER, Actor, PgbBeschikking

router = APIRouter(tags=["pgb"])


class Api(ApiGate[Actor]):
    def token_cache(self, request: Request) -> TokenCache[Actor]:
        cache: TokenCache[Actor] = request.app.state.tokens
        return cache

    def lookup(self, request: Request, token: str) -> Actor | None:
        return services.actor_voor_token(request.app.state.uow, token)


ALLE = Api(BUDGETHOUDER, ZORGVERLENER, BEOORDELAAR)
BH_ZK = Api(BUDGETHOUDER, BEOORDELAAR)
BH_ZV = Api(BUDGETHOUDER, ZORGVERLENER)
ZK = Api(BEOORDELAAR)
BEHEER = Api(BEHEERDER)


def _cent(euro: float) -> int:
    return round(euro * 100)


class Planregel(BaseModel):
    functie: str
    uren: float
    uurtarief: float
    zorgverlener: str
    soort: model.SoortZorgverlener


class Bemiddelingskosten(BaseModel):
    """Rlz art. 5.22 lid 5 and art. 5.18 lid 1 onder f."""

    bedrag: float  # euro per year
    awbz_pgb_2011: bool = False
    keurmerk: bool = False


class Budgetplan(BaseModel):
    regels: list[Planregel]
    weigergronden: list[str] = []
    bemiddelingskosten: Bemiddelingskosten | None = None


class Beoordeling(BaseModel):
    goedkeuren: bool
    reden: str = Field(min_length=1, max_length=2000)


class Overeenkomst(BaseModel):
    zorgverlener_id: str = Field(min_length=1, max_length=32)
    soort: model.SoortZorgverlener = model.SoortZorgverlener.formeel
    functie: str
    zorgbeschrijving: str = Field(max_length=5000)
    uren_per_week: float
    uurtarief: float
    van: dt.date
    tot: dt.date
    derdenbeding: bool
    ondertekend_op: dt.date | None = None


class Declaratie(BaseModel):
    van: dt.date
    tot: dt.date
    uren: float
    bedrag: float
    ingediend_op: dt.date | None = None


class Vordering(BaseModel):
    veroorzaker: model.Debiteur
    debiteur_id: str = Field(min_length=1, max_length=32)
    oorzaak: str = Field(min_length=1, max_length=2000)
    bedrag: float
    datum: dt.date
    te_goeder_trouw: bool = False
    overeenkomst_id: str | None = None


def _uows(request: Request) -> services.Uows:
    uows: services.Uows = request.app.state.uow
    return uows


@router.get("/beschikkingen")
def beschikkingen(request: Request, actor: Actor = Depends(ALLE)) -> list[dict[str, Any]]:
    return services.beschikkingen_van(_uows(request), actor)


@router.post("/beschikkingen", status_code=201)
def beschikking_registreren(request: Request, record: PgbBeschikking, actor: Actor = Depends(ZK)) -> dict[str, str]:
    return {"id": services.registreer_beschikking(_uows(request), actor, record)}


@router.get("/beschikkingen/{beschikking_id}")
def dossier(request: Request, beschikking_id: str, actor: Actor = Depends(ALLE)) -> dict[str, Any]:
    d = services.dossier(_uows(request), actor, beschikking_id)
    g = d["grootboek"]
    b = d["beschikking"]
    return {
        "beschikking": {
            "id": b.id,
            "zorgprofiel": b.zorgprofiel,
            "van": b.van,
            "tot": b.tot,
            "budget": b.budget_cent / 100,
            "budget_bron": b.budget_bron,
        },
        "grootboek": {
            k: getattr(g, k) / 100 for k in ("budget", "beschikbaar", "gereserveerd", "betaald", "teruggegeven")
        },
        "budgetplannen": d["budgetplannen"],
        "zorgovereenkomsten": d["zorgovereenkomsten"],
        "declaraties": d["declaraties"],
    }


@router.post("/beschikkingen/{beschikking_id}/budgetplan", status_code=201)
def budgetplan(
    request: Request, beschikking_id: str, plan: Budgetplan, actor: Actor = Depends(BH_ZK)
) -> dict[str, str]:
    regels = [model.Planregel(r.functie, r.uren, _cent(r.uurtarief), r.zorgverlener, r.soort) for r in plan.regels]
    m = plan.bemiddelingskosten
    bemiddeling = None if m is None else Bemiddeling(_cent(m.bedrag), m.awbz_pgb_2011, m.keurmerk)
    return {
        "id": services.dien_budgetplan_in(
            _uows(request), actor, beschikking_id, regels, plan.weigergronden, bemiddeling
        )
    }


@router.post("/budgetplannen/{plan_id}/beoordeling")
def budgetplan_beoordelen(request: Request, plan_id: str, b: Beoordeling, actor: Actor = Depends(ZK)) -> dict[str, str]:
    services.beoordeel_budgetplan(_uows(request), actor, plan_id, b.goedkeuren, b.reden)
    return {"status": "goedgekeurd" if b.goedkeuren else "afgewezen"}


@router.post("/beschikkingen/{beschikking_id}/zorgovereenkomsten", status_code=201)
def overeenkomst(
    request: Request, beschikking_id: str, o: Overeenkomst, actor: Actor = Depends(BH_ZK)
) -> dict[str, Any]:
    z = model.Zorgovereenkomst(
        id="",
        beschikking_id=beschikking_id,
        zorgverlener_id=o.zorgverlener_id,
        functie=o.functie,
        zorgbeschrijving=o.zorgbeschrijving,
        uren_per_week=o.uren_per_week,
        uurtarief_cent=_cent(o.uurtarief),
        van=o.van,
        tot=o.tot,
        derdenbeding=o.derdenbeding,
        soort=o.soort,
        ondertekend_op=o.ondertekend_op,
    )
    oid, waarschuwingen = services.dien_overeenkomst_in(
        _uows(request), actor, z, request.app.state.overgang_derdenbeding
    )
    return {"id": oid, "waarschuwingen": waarschuwingen}


@router.post("/zorgovereenkomsten/{overeenkomst_id}/beoordeling")
def overeenkomst_beoordelen(
    request: Request, overeenkomst_id: str, b: Beoordeling, actor: Actor = Depends(ZK)
) -> dict[str, str]:
    services.beoordeel_overeenkomst(_uows(request), actor, overeenkomst_id, b.goedkeuren, b.reden)
    return {"status": "goedgekeurd" if b.goedkeuren else "afgewezen"}


@router.post("/zorgovereenkomsten/{overeenkomst_id}/declaraties", status_code=201)
def declaratie(request: Request, overeenkomst_id: str, d: Declaratie, actor: Actor = Depends(BH_ZV)) -> dict[str, Any]:
    o = services.dien_declaratie_in(
        _uows(request), actor, overeenkomst_id, d.van, d.tot, d.uren, _cent(d.bedrag), d.ingediend_op
    )
    return {
        "betaald": o.betalen,
        "bedrag": o.bedrag_cent / 100,
        "uiterlijk": o.uiterlijk,
        "reden": o.reden,
        "regel": o.regel,
    }


@router.post("/beschikkingen/{beschikking_id}/vaststelling")
def vaststelling(request: Request, beschikking_id: str, actor: Actor = Depends(ZK)) -> dict[str, Any]:
    v = services.stel_vast(_uows(request), actor, beschikking_id)
    return {
        "betaald": v.betaald_cent / 100,
        "teruggegeven": v.teruggegeven_cent / 100,
        "vastgesteld": None if v.vastgesteld_cent is None else v.vastgesteld_cent / 100,
        "uiterlijk": v.uiterlijk,
    }


@router.post("/beschikkingen/{beschikking_id}/vorderingen", status_code=201)
def vordering(request: Request, beschikking_id: str, v: Vordering, actor: Actor = Depends(ZK)) -> dict[str, Any]:
    r = services.registreer_vordering(
        _uows(request),
        actor,
        beschikking_id,
        v.veroorzaker,
        v.debiteur_id,
        v.oorzaak,
        _cent(v.bedrag),
        v.datum,
        v.te_goeder_trouw,
        v.overeenkomst_id,
    )
    return {"id": r.id, "debiteur_type": r.debiteur_type.value, "status": r.status.value}


class VorderingStatus(BaseModel):
    status: model.VorderingStatus
    per: dt.date | None = None  # the day the status holds from (default: today)


@router.post("/vorderingen/{vordering_id}/status")
def vordering_status(
    request: Request, vordering_id: str, v: VorderingStatus, actor: Actor = Depends(ZK)
) -> dict[str, str]:
    services.wijzig_vordering(_uows(request), actor, vordering_id, v.status, v.per)
    return {"status": v.status.value}


@router.get("/vorderingen/rapport")
def rapport(request: Request, peildatum: dt.date, actor: Actor = Depends(ZK)) -> list[dict[str, Any]]:
    return [
        {
            "zorgkantoor": r.zorgkantoor,
            "regeling": r.regeling,
            "aantal": r.aantal,
            "bedrag": r.bedrag_cent / 100,
            "bedrag_jaar_eerder": r.vorig_jaar_bedrag_cent / 100,
            "volledig": r.volledig,
        }
        for r in services.vorderingen_rapport(_uows(request), actor, peildatum)
    ]


@router.get("/export/pgb/{jaar}")
def export(request: Request, jaar: int, actor: Actor = Depends(ZK)) -> list[dict[str, Any]]:
    return services.export_pgb_tabel(_uows(request), actor, jaar)


class Einde(BaseModel):
    reden: einde.EindeReden
    #: for ``overlijden`` the day of death (the pgb ends the day after); otherwise the first day without pgb
    datum: dt.date


@router.post("/beschikkingen/{beschikking_id}/einde")
def beeindigen(request: Request, beschikking_id: str, e: Einde, actor: Actor = Depends(ZK)) -> dict[str, Any]:
    """Een pgb beëindigen (Rlz art. 5.20): de beschikking loopt tot de dag voor het einde."""
    u = services.beeindig_pgb(_uows(request), actor, beschikking_id, e.reden, e.datum)
    return {
        "per": u.per,
        "budget": u.budget_cent / 100,
        "budget_bron": u.budget_bron,
        "verlaagd": u.verlaagd_cent / 100,
        "niet_verlaagd": u.niet_verlaagd_cent / 100,
        "zorgovereenkomsten": u.overeenkomsten,
        "betaald_na_einde": [{"declaratie_id": i, "bedrag": c / 100} for i, c in u.betaald_na_einde],
    }


class Rekening(BaseModel):
    houder_type: str = Field(pattern="^(budgethouder|zorgverlener)$")
    houder_id: str = Field(min_length=1, max_length=32)
    iban: str = Field(min_length=15, max_length=42)
    naam: str = Field(min_length=1, max_length=70)


@router.post("/rekeningen", status_code=201)
def rekening(request: Request, r: Rekening, actor: Actor = Depends(ZK)) -> dict[str, str]:
    """De rekening van een zorgverlener (begunstigde) of van de budgethouder zelf (nooit begunstigde)."""
    services.registreer_rekening(_uows(request), actor, r.houder_type, r.houder_id, r.iban, r.naam)
    return {"status": "opgeslagen"}


class Betaalrun(BaseModel):
    uitvoerdatum: dt.date
    tot_en_met: dt.date  # payments due by this day


@router.post("/betaalbestanden", status_code=201)
def betaalbestand(request: Request, b: Betaalrun, actor: Actor = Depends(ZK)) -> Response:
    """Het SEPA-betaalbestand (pain.001.001.03) van een betaalrun; weggelaten betalingen in de kop X-Weggelaten."""
    f = services.maak_betaalbestand(_uows(request), actor, request.app.state.betaler, b.uitvoerdatum, b.tot_en_met)
    return Response(
        f.xml,
        status_code=201,
        media_type="application/xml",
        headers={
            "Content-Disposition": f'attachment; filename="pgb-betaalbestand-{f.id}.xml"',
            "X-Aantal": str(f.aantal),
            "X-Weggelaten": str(len(f.weggelaten)),
        },
    )


class AfdrachtVraag(BaseModel):
    bruto: float
    soort: loonheffing.Overeenkomstsoort
    #: percentages of the gross wage; without ``bron`` the answer is marked voorbeeld (none is shipped)
    loonheffing_procent: float = Field(ge=0, le=100)
    premies_werknemer_procent: float = Field(default=0, ge=0, le=100)
    premies_werkgever_procent: float = Field(default=0, ge=0, le=100)
    zvw_bijdrage_procent: float = Field(default=0, ge=0, le=100)
    bron: str = Field(default="", max_length=300)


@router.post("/afdracht")
def afdracht(v: AfdrachtVraag, actor: Actor = Depends(BH_ZK)) -> dict[str, Any]:
    """Loonheffing en premies die de SVB inhoudt en afdraagt (Blz art. 3.6.6 lid 1 onder c); een berekening,
    geen dossier (geen regel in het toegangslog: er wordt niets van een persoon gelezen of geschreven)."""
    p = loonheffing.Percentages(
        round(v.loonheffing_procent * 100),
        round(v.premies_werknemer_procent * 100),
        round(v.premies_werkgever_procent * 100),
        round(v.zvw_bijdrage_procent * 100),
        v.bron,
    )
    a = loonheffing.afdracht(_cent(v.bruto), v.soort, p)
    return {
        "bruto": a.bruto_cent / 100,
        "netto": a.netto_cent / 100,
        "loonheffing": a.loonheffing_cent / 100,
        "premies_werknemer": a.premies_werknemer_cent / 100,
        "premies_werkgever": a.premies_werkgever_cent / 100,
        "zvw_bijdrage": a.zvw_bijdrage_cent / 100,
        "afdracht": a.afdracht_cent / 100,
        "ten_laste_van_budget": a.budget_cent / 100,
        "voorbeeld": a.voorbeeld,
        "bron": a.bron,
    }


class Correctie(BaseModel):
    reden: str = Field(min_length=1, max_length=2000)


@router.post("/declaraties/{declaratie_id}/correctie")
def correctie(request: Request, declaratie_id: str, c: Correctie, actor: Actor = Depends(ZK)) -> dict[str, str]:
    """Een betaling terugdraaien (terug in de reservering van de zorgovereenkomst), met reden."""
    services.corrigeer_betaling(_uows(request), actor, declaratie_id, c.reden)
    return {"status": "gecorrigeerd"}


class NieuweGebruiker(BaseModel):
    gebruikersnaam: str = Field(min_length=1, max_length=100)
    naam: str = Field(min_length=1, max_length=200)
    rol: str
    wachtwoord: str | None = Field(default=None, min_length=12, max_length=200)
    budgethouder_id: str | None = Field(default=None, max_length=32)
    zorgverlener_id: str | None = Field(default=None, max_length=32)


class Rol(BaseModel):
    rol: str
    budgethouder_id: str | None = Field(default=None, max_length=32)
    zorgverlener_id: str | None = Field(default=None, max_length=32)


@router.get("/gebruikers")
def gebruikers(request: Request, actor: Actor = Depends(BEHEER)) -> list[dict[str, Any]]:
    return services.gebruikers(_uows(request), actor)


@router.post("/gebruikers", status_code=201)
def gebruiker_maken(request: Request, g: NieuweGebruiker, actor: Actor = Depends(BEHEER)) -> dict[str, str]:
    gid = services.beheer_maak_gebruiker(
        _uows(request), actor, g.gebruikersnaam, g.naam, g.rol, g.wachtwoord, g.budgethouder_id, g.zorgverlener_id
    )
    return {"id": gid}


@router.post("/gebruikers/{gebruiker_id}/rol")
def gebruiker_rol(request: Request, gebruiker_id: str, r: Rol, actor: Actor = Depends(BEHEER)) -> dict[str, str]:
    """Rol wijzigen; alle sessies van het account eindigen."""
    services.wijzig_rol(_uows(request), actor, gebruiker_id, r.rol, r.budgethouder_id, r.zorgverlener_id)
    request.app.state.tokens.clear()
    return {"rol": r.rol}


@router.post("/gebruikers/{gebruiker_id}/deactiveren")
def gebruiker_deactiveren(request: Request, gebruiker_id: str, actor: Actor = Depends(BEHEER)) -> dict[str, str]:
    """Account blokkeren; alle sessies en API-tokens van het account werken niet meer."""
    services.deactiveer(_uows(request), actor, gebruiker_id)
    request.app.state.tokens.clear()
    return {"status": "gedeactiveerd"}


class BatchDeclaratie(BaseModel):
    overeenkomst_id: str = Field(min_length=1, max_length=64)
    van: dt.date
    tot: dt.date
    uren: float
    bedrag: float
    ingediend_op: dt.date


class Batch(BaseModel):
    regels: list[BatchDeclaratie] = Field(min_length=1, max_length=2_000_000)


@router.post("/declaraties/batch")
def declaraties_batch(request: Request, b: Batch, actor: Actor = Depends(ZK)) -> dict[str, Any]:
    """Een batch declaraties in één transactie (dezelfde controles en hetzelfde grootboek als één voor één);
    het antwoord noemt elke niet-betaalde regel met veld of reden."""
    from . import batch

    regels = [
        batch.BatchRegel(r.overeenkomst_id, r.van, r.tot, r.uren, _cent(r.bedrag), r.ingediend_op) for r in b.regels
    ]
    res = batch.verwerk_declaraties(_uows(request), actor, regels)
    return {
        "batch_id": res.batch_id,
        "aantal": res.aantal,
        "betaald": res.betaald,
        "geweigerd": res.geweigerd,
        "fout": res.fout,
        "niet_betaald": batch.uitkomsten(_uows(request), actor, res.batch_id),
    }
