"""Zorginkoop use cases: inkoopkaders, providers, the tariff table, open-house experiments,
contracts, capacity, the public comparison, a client's choice of provider becoming a zorgtoewijzing (AW33),
vouchers and cliëntondersteuning.

Each use case checks the role (``INKOOP_RECHTEN``; a client-scoped one also the reach, ``client_zichtbaar``),
checks every rule of ``domain.inkoop`` before it writes, writes its access-log line in the same transaction and
commits once: a refused contract, choice or voucher leaves nothing behind.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from wlz import reference
from wlz.common.errors import InputError

from ..adapters import rules_engine
from ..config import zorgkantoor_code
from ..domain import inkoop as regels
from ..domain.codes import FUNCTIES
from ..domain.fouten import AccessDenied, DomainError, NotFound
from ..domain.model import Zorgtoewijzing, nieuw_id, nu
from ..storage import inkoop_orm as t
from ..storage.inkoop_repository import Inkoop, Row, decimal
from . import berichten
from . import inkoop_invoer as iv
from .actor import Actor
from .autorisatie import client_zichtbaar
from .toegang import log

if TYPE_CHECKING:
    from ..storage.uow import UnitOfWork

ZORGKANTOOR = frozenset({"beoordelaar", "beheerder"})
INKOPERS = frozenset({"zorginkoper", "beheerder"})

#: action -> roles (the zorginkoop's part of the permission table; ``autorisatie.RECHTEN`` holds the case file's)
INKOOP_RECHTEN: dict[str, frozenset[str]] = {
    # inkoopkaders, providers, tariffs, experiments, contracts, capacity: kept by the zorginkoper (the
    # administrator too), read by the zorgkantoor's staff
    "inkoop.lezen": INKOPERS | ZORGKANTOOR,
    "inkoop.beheren": INKOPERS,
    # a provider reads its own contracts only
    "contract.eigen": frozenset({"aanbieder"}),
    # a client's choice, voucher and support: the assessor, and the client for their own file
    "keuze.lezen": ZORGKANTOOR | {"client"},
    "keuze.vastleggen": frozenset({"beoordelaar", "client"}),
    "voucher.uitgeven": frozenset({"beoordelaar"}),
    "voucher.inwisselen": frozenset({"beoordelaar", "client"}),
    "ondersteuning.vastleggen": frozenset({"beoordelaar"}),
}

#: NEN 7513 purpose of a zorginkoop access (the case file's purposes are ``autorisatie.DOEL``)
DOEL_INKOOP = "zorginkoop: contractering en vergelijking van zorgaanbieders"
DOEL_KEUZE = "keuze van zorgaanbieder en zorgtoewijzing"

#: the public pages have no account: their reads are logged as this actor
PUBLIEK = Actor(gebruiker_id="publiek", gebruikersnaam="publiek", naam="Publiek (zonder inloggen)", rol="publiek")


def rollen_voor(actie: str) -> frozenset[str]:
    return INKOOP_RECHTEN[actie]


def vereis(actor: Actor, actie: str) -> None:
    if actor.rol not in INKOOP_RECHTEN[actie]:
        raise AccessDenied(f"Uw rol mag dit niet ({actie}).")


def _repo(uow: UnitOfWork) -> Inkoop:
    return Inkoop(uow.session)


def _cent(euro: Decimal | None) -> int | None:
    return None if euro is None else int((euro * 100).to_integral_value())


# --- inkoopkaders ------------------------------------------------------------------------------------------------
def kader_opslaan(uow: UnitOfWork, actor: Actor, d: iv.KaderInvoer) -> Row:
    """Write (or rewrite) the inkoopkader of one year and region. A published kader stays published; the page
    shows the text as it is now."""
    vereis(actor, "inkoop.beheren")
    regels.regio(d.regio)
    r = _repo(uow)
    waarden = {
        "kwaliteitseisen": d.kwaliteitseisen,
        "looptijd": d.looptijd,
        "continuiteit": d.continuiteit,
        "ontwikkelafspraken": d.ontwikkelafspraken,
        "toelichting": d.toelichting,
        "gewijzigd_op": nu(),
    }
    bestaand = r.kader(d.jaar, d.regio)
    if bestaand is None:
        r.insert(
            t.inkoop_kaders, {"id": nieuw_id(), "jaar": d.jaar, "regio": d.regio, "gepubliceerd_op": None, **waarden}
        )
    else:
        r.update(t.inkoop_kaders, bestaand["id"], waarden)
    log(uow, actor, "wijzigen", f"inkoopkader {d.jaar} {d.regio}", doel=DOEL_INKOOP)
    uow.commit()
    uit = r.kader(d.jaar, d.regio)
    assert uit is not None
    return uit


def kader_publiceren(uow: UnitOfWork, actor: Actor, d: iv.PublicerenInvoer) -> Row:
    vereis(actor, "inkoop.beheren")
    r = _repo(uow)
    k = r.kader(d.jaar, regels.regio(d.regio))
    if k is None:
        raise DomainError("Voor dit jaar en deze regio is nog geen inkoopkader vastgelegd.", "jaar")
    r.update(t.inkoop_kaders, k["id"], {"gepubliceerd_op": nu()})
    log(uow, actor, "wijzigen", f"inkoopkader {d.jaar} {d.regio} gepubliceerd", doel=DOEL_INKOOP)
    uow.commit()
    uit = r.kader(d.jaar, d.regio)
    assert uit is not None
    return uit


def kaders(uow: UnitOfWork, actor: Actor) -> list[Row]:
    vereis(actor, "inkoop.lezen")
    rows = _repo(uow).kaders()
    log(uow, actor, "lezen", "inkoopkaders", doel=DOEL_INKOOP)
    uow.commit()
    return rows


def publieke_kaders(uow: UnitOfWork) -> list[Row]:
    """The published inkoopkaders (no login)."""
    rows = _repo(uow).kaders(gepubliceerd=True)
    log(uow, PUBLIEK, "lezen", "gepubliceerde inkoopkaders", doel=DOEL_INKOOP)
    uow.commit()
    return rows


# --- providers -----------------------------------------------------------------------------------------------------
@dataclass
class Aanbieder:
    gegevens: Row
    locaties: list[Row] = field(default_factory=list)
    rapporten: list[Row] = field(default_factory=list)


def aanbieder_opslaan(uow: UnitOfWork, actor: Actor, d: iv.AanbiederInvoer) -> Row:
    vereis(actor, "inkoop.beheren")
    r = _repo(uow)
    bestaand = r.aanbieder_met_agb(d.agb_code)
    if bestaand is None:
        r.insert(
            t.inkoop_aanbieders,
            {"id": nieuw_id(), "agb_code": d.agb_code, "naam": d.naam, "website": d.website, "aangemaakt_op": nu()},
        )
    else:
        r.update(t.inkoop_aanbieders, bestaand["id"], {"naam": d.naam, "website": d.website})
    log(uow, actor, "wijzigen", f"zorgaanbieder {d.agb_code}", doel=DOEL_INKOOP)
    uow.commit()
    uit = r.aanbieder_met_agb(d.agb_code)
    assert uit is not None
    return uit


def _aanbieder(r: Inkoop, agb_code: str) -> Row:
    a = r.aanbieder_met_agb(agb_code)
    if a is None:
        raise DomainError("Onbekende zorgaanbieder: leg de aanbieder eerst vast (AGB-code).", "agb_code")
    return a


def locatie_toevoegen(uow: UnitOfWork, actor: Actor, d: iv.LocatieInvoer) -> None:
    vereis(actor, "inkoop.beheren")
    r = _repo(uow)
    a = _aanbieder(r, d.agb_code)
    r.insert(
        t.inkoop_locaties,
        {
            "id": nieuw_id(),
            "aanbieder_id": a["id"],
            "naam": d.naam,
            "adres": d.adres,
            "plaats": d.plaats,
            "regio": regels.regio(d.regio),
        },
    )
    log(uow, actor, "aanmaken", f"locatie van zorgaanbieder {d.agb_code}", doel=DOEL_INKOOP)
    uow.commit()


def _rapport_opslaan(r: Inkoop, agb_code: str, jaar: int, url: str | None) -> str:
    """Write the kwaliteitsrapport row of a provider and year (a link, or with ``url`` None the download address
    of an uploaded file) and drop an earlier uploaded file: one report per year, the latest given. Its id."""
    a = _aanbieder(r, agb_code)
    bestaand = r.kwaliteitsrapport(a["id"], jaar)
    rapport_id = nieuw_id() if bestaand is None else str(bestaand["id"])
    adres = url or RAPPORT_DOWNLOAD.format(rapport_id=rapport_id)
    if bestaand is None:
        r.insert(t.inkoop_kwaliteitsrapporten, {"id": rapport_id, "aanbieder_id": a["id"], "jaar": jaar, "url": adres})
    else:
        r.update(t.inkoop_kwaliteitsrapporten, rapport_id, {"url": adres})
        r.delete_rapport_bestand(rapport_id)
    return rapport_id


#: the public address of an uploaded kwaliteitsrapport (``web.inkoop``), stored as the report's ``url``
RAPPORT_DOWNLOAD = "/zorginkoop/kwaliteitsrapporten/{rapport_id}"
#: what an uploaded kwaliteitsrapport must be: a PDF by its declared type and by its first bytes
PDF_TYPE = "application/pdf"
PDF_BEGIN = b"%PDF-"


def kwaliteitsrapport_opslaan(uow: UnitOfWork, actor: Actor, d: iv.KwaliteitsrapportInvoer) -> None:
    """The provider's kwaliteitsrapport of one year, as a link (seed 003 p7 r.343-366)."""
    vereis(actor, "inkoop.beheren")
    _rapport_opslaan(_repo(uow), d.agb_code, d.jaar, d.url)
    log(uow, actor, "wijzigen", f"kwaliteitsrapport {d.jaar} van zorgaanbieder {d.agb_code}", doel=DOEL_INKOOP)
    uow.commit()


def kwaliteitsrapport_uploaden(
    uow: UnitOfWork,
    actor: Actor,
    d: iv.KwaliteitsrapportBestandInvoer,
    *,
    bestandsnaam: str,
    content_type: str,
    inhoud: bytes,
    max_bytes: int,
) -> str:
    """The provider's kwaliteitsrapport of one year as an uploaded PDF, kept in the database and downloadable on
    the public comparison. ``max_bytes`` is the service's one body limit (``WLZ_MAX_UPLOAD_MB``): the request was
    already cut off there; checked again here so a file is never stored past it. The type is checked twice: the
    declared content type and the file's own first bytes (``%PDF-``). Returns the report's id."""
    vereis(actor, "inkoop.beheren")
    if len(inhoud) > max_bytes:
        raise DomainError(f"Bestand te groot (max {max_bytes // (1024 * 1024)} MB).", "bestand")
    if not inhoud:
        raise DomainError("Het bestand is leeg.", "bestand")
    if content_type.split(";")[0].strip().lower() != PDF_TYPE or not inhoud.startswith(PDF_BEGIN):
        raise DomainError("Een kwaliteitsrapport wordt als PDF-bestand geüpload (application/pdf).", "bestand")
    r = _repo(uow)
    rapport_id = _rapport_opslaan(r, d.agb_code, d.jaar, None)
    naam = "".join(c for c in bestandsnaam if c.isalnum() or c in "._- ")[:200].strip() or "kwaliteitsrapport.pdf"
    r.insert(
        t.inkoop_kwaliteitsrapport_bestanden,
        {
            "rapport_id": rapport_id,
            "bestandsnaam": naam,
            "content_type": PDF_TYPE,
            "grootte": len(inhoud),
            "inhoud": inhoud,
            "geupload_op": nu(),
        },
    )
    log(uow, actor, "aanmaken", f"kwaliteitsrapport {d.jaar} van zorgaanbieder {d.agb_code} (PDF)", doel=DOEL_INKOOP)
    uow.commit()
    return rapport_id


def kwaliteitsrapport_bestand(uow: UnitOfWork, rapport_id: str) -> Row:
    """An uploaded kwaliteitsrapport for the public (no login): ``bestandsnaam``, ``content_type``, ``inhoud``."""
    b = _repo(uow).rapport_bestand(rapport_id)
    if b is None:
        raise NotFound("kwaliteitsrapport")
    log(uow, PUBLIEK, "lezen", "kwaliteitsrapport (PDF)", doel=DOEL_INKOOP)
    uow.commit()
    return b


def _met_details(r: Inkoop, rows: Sequence[Row]) -> list[Aanbieder]:
    ids = [a["id"] for a in rows]
    uit = {a["id"]: Aanbieder(a) for a in rows}
    for loc in r.locaties(ids):
        uit[loc["aanbieder_id"]].locaties.append(loc)
    for rap in r.kwaliteitsrapporten(ids):
        uit[rap["aanbieder_id"]].rapporten.append(rap)
    return list(uit.values())


def aanbieders(uow: UnitOfWork, actor: Actor) -> list[Aanbieder]:
    vereis(actor, "inkoop.lezen")
    r = _repo(uow)
    uit = _met_details(r, r.aanbieders())
    log(uow, actor, "lezen", "zorgaanbieders", doel=DOEL_INKOOP)
    uow.commit()
    return uit


# --- tariff table ------------------------------------------------------------------------------------------------
def tarieven_opslaan(uow: UnitOfWork, actor: Actor, d: iv.TarieventabelInvoer) -> int:
    """Write a table of maximum tariffs, each with its bron (all rows or none). A tariff already there for that
    year and prestatie is replaced; contracts written before keep the maximum they were written with."""
    vereis(actor, "inkoop.beheren")
    r = _repo(uow)
    gezien: set[tuple[int, str]] = set()
    for i, rij in enumerate(d.tarieven):
        if (rij.jaar, rij.prestatiecode) in gezien:
            raise DomainError(
                "Deze prestatie staat twee keer in de tabel voor hetzelfde jaar.", f"tarieven.{i}.prestatiecode"
            )
        gezien.add((rij.jaar, rij.prestatiecode))
    for rij in d.tarieven:
        waarden = {
            "eenheid": rij.eenheid,
            "maximumtarief_cent": _cent(rij.maximumtarief),
            "bron": rij.bron,
            "voorbeeld": rij.voorbeeld,
        }
        bestaand = r.tarief(rij.jaar, rij.prestatiecode)
        if bestaand is None:
            r.insert(
                t.inkoop_tarieven, {"id": nieuw_id(), "jaar": rij.jaar, "prestatiecode": rij.prestatiecode, **waarden}
            )
        else:
            r.update(t.inkoop_tarieven, bestaand["id"], waarden)
    log(uow, actor, "wijzigen", f"tarieventabel ({len(d.tarieven)} regels)", doel=DOEL_INKOOP)
    uow.commit()
    return len(d.tarieven)


def tarieven(uow: UnitOfWork, actor: Actor) -> list[Row]:
    vereis(actor, "inkoop.lezen")
    rows = _repo(uow).tarieven()
    log(uow, actor, "lezen", "tarieventabel", doel=DOEL_INKOOP)
    uow.commit()
    return rows


TARIEF_KOLOMMEN = ("jaar", "prestatiecode", "eenheid", "maximumtarief", "bron", "voorbeeld")


def tarieven_uit_csv(tekst: str) -> iv.TarieventabelInvoer:
    """A tariff table as CSV (``;`` or ``,``; header ``jaar;prestatiecode;eenheid;maximumtarief;bron;voorbeeld``;
    amounts in euro as 123,45 or 123.45). A bad row is refused naming its line and column."""
    import csv
    import io

    from pydantic import ValidationError

    regels_ = [r for r in tekst.splitlines() if r.strip()]
    if not regels_:
        raise DomainError("Het bestand is leeg.", "bestand")
    scheiding = ";" if regels_[0].count(";") >= regels_[0].count(",") else ","
    lezer = csv.DictReader(io.StringIO("\n".join(regels_)), delimiter=scheiding)
    kop = [k.strip().lower() for k in (lezer.fieldnames or [])]
    ontbreekt = [k for k in TARIEF_KOLOMMEN[:5] if k not in kop]
    if ontbreekt:
        raise DomainError(f"Kolom ontbreekt in de kopregel: {', '.join(ontbreekt)}.", "bestand")
    rijen: list[iv.TariefInvoer] = []
    for nr, ruw in enumerate(lezer, start=2):
        rij = {(k or "").strip().lower(): (v or "").strip() for k, v in ruw.items()}
        data: dict[str, Any] = {k: rij.get(k, "") for k in TARIEF_KOLOMMEN[:5]}
        data["maximumtarief"] = (
            data["maximumtarief"].replace(".", "").replace(",", ".")
            if "," in data["maximumtarief"]
            else data["maximumtarief"]
        )
        data["voorbeeld"] = rij.get("voorbeeld", "").lower() in ("ja", "true", "1", "voorbeeld")
        if not data["eenheid"]:
            data.pop("eenheid")
        try:
            rijen.append(iv.TariefInvoer.model_validate(data))
        except ValidationError as exc:
            veld = ".".join(str(x) for x in exc.errors()[0]["loc"]) or "regel"
            raise DomainError(f"Regel {nr}: {veld} is ongeldig.", veld) from None
    if not rijen:
        raise DomainError("Het bestand heeft geen tariefregels onder de kopregel.", "bestand")
    return iv.TarieventabelInvoer(tarieven=rijen)


# --- open-house experiments --------------------------------------------------------------------------------------
def experiment_opslaan(uow: UnitOfWork, actor: Actor, d: iv.ExperimentInvoer) -> Row:
    vereis(actor, "inkoop.beheren")
    codes = sorted({c.strip() for c in d.prestatiecodes if c.strip()})
    regels.check_experiment(d.regio, d.ingangsdatum, d.einddatum, codes, d.aandeel_percentage)
    r = _repo(uow)
    rij = {
        "id": nieuw_id(),
        "naam": d.naam,
        "regio": d.regio,
        "ingangsdatum": d.ingangsdatum,
        "einddatum": d.einddatum,
        "prestatiecodes": codes,
        "aandeel_percentage": d.aandeel_percentage,
        "tarief_percentage": regels.percentage(d.tarief_percentage, "tarief_percentage"),
        "eisen": d.eisen,
        "aangemaakt_op": nu(),
    }
    r.insert(t.inkoop_experimenten, rij)
    log(uow, actor, "aanmaken", f"open-huisexperiment {d.regio}", doel=DOEL_INKOOP)
    uow.commit()
    return rij


def experimenten(uow: UnitOfWork, actor: Actor) -> list[Row]:
    """The experiments, each with ``gebruik``: per prestatie the clients choosing it through the open house against
    all the region's clients choosing it in the period, beside the share (``aandeel_percentage``)."""
    vereis(actor, "inkoop.lezen")
    r = _repo(uow)
    rows = []
    for e in r.experimenten():
        gebruik, _ = _gebruik(r, e)
        rows.append(
            {
                **e,
                "gebruik": [
                    {
                        "prestatiecode": g.prestatiecode,
                        "open_huis": g.open_huis,
                        "totaal": g.totaal,
                        "procent": g.procent,
                    }
                    for g in gebruik.values()
                ],
            }
        )
    log(uow, actor, "lezen", "open-huisexperimenten", doel=DOEL_INKOOP)
    uow.commit()
    return rows


def _experiment(row: Row) -> regels.Experiment:
    return regels.Experiment(
        id=row["id"],
        regio=row["regio"],
        ingangsdatum=row["ingangsdatum"],
        einddatum=row["einddatum"],
        prestatiecodes=tuple(row["prestatiecodes"] or ()),
        tarief_percentage=decimal(row["tarief_percentage"]).quantize(Decimal("0.01")),
    )


# --- contracts ---------------------------------------------------------------------------------------------------
@dataclass
class Contract:
    gegevens: Row
    prestaties: list[Row] = field(default_factory=list)


def contract_opslaan(uow: UnitOfWork, actor: Actor, d: iv.ContractInvoer) -> Contract:
    """Write a contract with its prestaties. The tariff of each prestatie is its percentage of the maximum tariff
    of the contract's first year in the installation's tariff table (rounded to the cent); without a maximum
    there the tariff stays unknown (never invented). An open-house contract needs the provider's acceptance of
    the experiment's price and requirements and is then active at once: every provider that accepts is
    admitted, with no guaranteed volume."""
    vereis(actor, "inkoop.beheren")
    r = _repo(uow)
    experiment = None
    if d.experiment_id:
        e = r.get(t.inkoop_experimenten, d.experiment_id)
        if e is None:
            raise DomainError("Onbekend experiment.", "experiment_id")
        experiment = _experiment(e)
    voorstel = regels.Contractvoorstel(
        agb_code=d.agb_code,
        regio=d.regio,
        vorm=d.vorm,
        ingangsdatum=d.ingangsdatum,
        einddatum=d.einddatum,
        prestaties=tuple(
            regels.PrestatieRegel(
                p.prestatiecode,
                p.leveringsvorm,
                regels.percentage(p.tarief_percentage, f"prestaties.{i}.tarief_percentage"),
            )
            for i, p in enumerate(d.prestaties)
        ),
        verbeterplan=d.verbeterplan,
        zorgsoort=d.zorgsoort,
        basisbudget_cent=_cent(d.basisbudget),
        experiment_id=d.experiment_id,
    )
    basisbudget_bron: str | None = None
    if d.geindiceerd:
        if d.vorm != "meerjarig":
            raise DomainError(
                "Geïndiceerde zorg als basis van een basisbudget hoort bij een meerjarig contract.", "geindiceerd"
            )
        try:
            berekend, basisbudget_bron = basisbudget_uit_indicaties(r, d.geindiceerd, d.ingangsdatum, d.einddatum)
        except DomainError as exc:
            if d.basisbudget is None:
                raise
            berekend, basisbudget_bron = None, f"niet te berekenen: {exc.bericht}"
        if d.basisbudget is None:
            voorstel = replace(voorstel, basisbudget_cent=berekend)
        else:  # the zorginkoper's own amount wins, marked as such, beside what the indicated care gives
            uitkomst = "" if berekend is None else f"berekend was {berekend / 100:.2f} euro: "
            basisbudget_bron = f"handmatig ingevoerd door de zorginkoper; {uitkomst}{basisbudget_bron}"
    elif d.basisbudget is not None:
        basisbudget_bron = "handmatig ingevoerd door de zorginkoper (niet berekend uit de geïndiceerde zorg)"
    regels.check_contract(voorstel, experiment)
    _aanbieder(r, d.agb_code)
    status = d.status
    if d.vorm == "open_huis":
        if not d.accepteert_prijs_en_eisen:
            raise DomainError(
                "In een open huis wordt een aanbieder toegelaten als hij de prijs en de eisen van het experiment "
                "accepteert: vink dat aan.",
                "accepteert_prijs_en_eisen",
            )
        status = "actief"
    contract_id = nieuw_id()
    r.insert(
        t.inkoop_contracten,
        {
            "id": contract_id,
            "agb_code": d.agb_code,
            "regio": d.regio,
            "vorm": d.vorm,
            "ingangsdatum": d.ingangsdatum,
            "einddatum": d.einddatum,
            "status": status,
            "experiment_id": d.experiment_id,
            "zorgsoort": d.zorgsoort,
            "basisbudget_cent": voorstel.basisbudget_cent,
            "basisbudget_bron": basisbudget_bron if voorstel.basisbudget_cent is not None else None,
            "basisbudget_handmatig": None if voorstel.basisbudget_cent is None else d.basisbudget is not None,
            "verbeterplan": d.verbeterplan,
            "verbeterplan_toelichting": d.verbeterplan_toelichting,
            "kwaliteitseisen": d.kwaliteitseisen,
            "continuiteitsclausule": d.continuiteitsclausule,
            "clientenraad_geraadpleegd": d.clientenraad_geraadpleegd,
            "aangemaakt_door": actor.gebruiker_id,
            "aangemaakt_op": nu(),
        },
    )
    for p in voorstel.prestaties:
        maximum = r.tarief(d.ingangsdatum.year, p.prestatiecode)
        max_cent = None if maximum is None else int(maximum["maximumtarief_cent"])
        bron = None
        if maximum is not None:
            bron = f"tarieventabel {maximum['jaar']}: {maximum['bron']}" + (
                " (voorbeeld)" if maximum["voorbeeld"] else ""
            )
        r.insert(
            t.inkoop_contract_prestaties,
            {
                "id": nieuw_id(),
                "contract_id": contract_id,
                "prestatiecode": p.prestatiecode,
                "leveringsvorm": p.leveringsvorm,
                "tarief_percentage": p.tarief_percentage,
                "maximumtarief_cent": max_cent,
                "tarief_cent": regels.contracttarief(max_cent, p.tarief_percentage),
                "tarief_bron": bron[:500] if bron else None,
            },
        )
    log(uow, actor, "aanmaken", f"contract {d.vorm} met zorgaanbieder {d.agb_code}", doel=DOEL_INKOOP)
    uow.commit()
    return _contract(r, contract_id)


def basisbudget_uit_indicaties(
    r: Inkoop, geindiceerd: Sequence[iv.GeindiceerdInvoer], van: dt.date, tot: dt.date
) -> tuple[int, str]:
    """The basisbudget of a meerjarig contract tied to the indicated care (seed 001 p10-11 r.930-968): per
    zorgprofiel the number of indicated clients times the rules' cost of care with stay (``verblijf_budget``) for
    each calendar year of the contract's period (the rules compute per year), summed. The day tariff is the tariff
    table's maximum of the given prestatie for that year, or the rules' own. Its source names every amount used."""
    totaal = 0
    bronnen: list[str] = []
    for i, g in enumerate(geindiceerd):
        try:
            profiel = reference.lookup(g.zorgprofiel).code
        except KeyError:
            raise DomainError("Onbekend zorgprofiel.", f"geindiceerd.{i}.zorgprofiel") from None
        for jaar in range(van.year, tot.year + 1):
            begin, einde = max(van, dt.date(jaar, 1, 1)), min(tot, dt.date(jaar, 12, 31))
            dagtarief = r.tarief(jaar, g.prestatiecode) if g.prestatiecode else None
            if g.prestatiecode and dagtarief is None:
                raise DomainError(
                    f"Geen maximumtarief in de tarieventabel voor {g.prestatiecode} in {jaar}: voer het eerst in "
                    "(met bron), of vul het basisbudget zelf in.",
                    f"geindiceerd.{i}.prestatiecode",
                )
            cent, bron = voucher_waarde(
                profiel, begin, einde, "verblijf", dagtarief, regels_tarief=True, veld=f"geindiceerd.{i}.zorgprofiel"
            )
            totaal += cent * g.aantal
            bronnen.append(f"{g.aantal} x {profiel} {jaar}: {cent / 100:.2f} euro ({bron})")
    return totaal, ("basisbudget uit de geïndiceerde zorg: " + "; ".join(bronnen))[:4000]


def _contract(r: Inkoop, contract_id: str) -> Contract:
    rows = [c for c in [r.get(t.inkoop_contracten, contract_id)] if c is not None]
    if not rows:
        raise NotFound("contract")
    return Contract(rows[0], r.prestaties([contract_id]))


def contract_status(uow: UnitOfWork, actor: Actor, d: iv.ContractStatusInvoer) -> Contract:
    """concept -> actief -> beeindigd; an ended contract stays ended (its clients keep their toewijzing; the
    continuity clause says what happens to their care)."""
    vereis(actor, "inkoop.beheren")
    r = _repo(uow)
    c = r.get(t.inkoop_contracten, d.contract_id)
    if c is None:
        raise NotFound("contract")
    toegestaan = {"concept": {"actief", "beeindigd"}, "actief": {"beeindigd"}, "beeindigd": set()}
    if d.status not in toegestaan[c["status"]]:
        raise DomainError(
            f"Een contract met status {regels.CONTRACT_STATUSSEN[c['status']].lower()} kan niet naar "
            f"{regels.CONTRACT_STATUSSEN[d.status].lower()}.",
            "status",
        )
    r.update(t.inkoop_contracten, d.contract_id, {"status": d.status})
    log(uow, actor, "wijzigen", f"contract met zorgaanbieder {c['agb_code']}: {d.status}", doel=DOEL_INKOOP)
    uow.commit()
    return _contract(r, d.contract_id)


def contracten(uow: UnitOfWork, actor: Actor, *, regio: str | None = None, status: str | None = None) -> list[Contract]:
    """Contracts with their prestaties; a provider sees its own only."""
    if actor.rol == "aanbieder":
        vereis(actor, "contract.eigen")
        agb_code = actor.agb_code or "-"
    else:
        vereis(actor, "inkoop.lezen")
        agb_code = None
    r = _repo(uow)
    rows = r.contracten(agb_code=agb_code, regio=regio, status=status)
    per = {c["id"]: Contract(c) for c in rows}
    if per:
        for p in r.prestaties(list(per)):
            per[p["contract_id"]].prestaties.append(p)
    log(uow, actor, "lezen", "contracten", doel=DOEL_INKOOP)
    uow.commit()
    return list(per.values())


def contract(uow: UnitOfWork, actor: Actor, contract_id: str) -> Contract:
    if actor.rol == "aanbieder":
        vereis(actor, "contract.eigen")
    else:
        vereis(actor, "inkoop.lezen")
    r = _repo(uow)
    c = _contract(r, contract_id)
    if actor.rol == "aanbieder" and c.gegevens["agb_code"] != actor.agb_code:
        raise NotFound("contract")
    log(uow, actor, "lezen", f"contract met zorgaanbieder {c.gegevens['agb_code']}", doel=DOEL_INKOOP)
    uow.commit()
    return c


# --- public comparison ---------------------------------------------------------------------------------------------
@dataclass
class Vergelijkingsregel:
    """One contracted provider in a region for a leveringsvorm, as the public comparison shows it."""

    regio: str
    leveringsvorm: str
    agb_code: str
    naam: str
    website: str | None
    vorm: str
    ingangsdatum: dt.date
    einddatum: dt.date
    kwaliteitseisen: str
    continuiteitsclausule: str
    clientenraad_geraadpleegd: bool
    prestaties: list[str]
    kwaliteitsrapport: Row | None
    locaties: list[Row]


def vergelijking(
    uow: UnitOfWork, *, regio: str | None = None, leveringsvorm: str | None = None, peildatum: dt.date | None = None
) -> list[Vergelijkingsregel]:
    """Contracted providers (active contracts on the peildatum) per region and leveringsvorm, with what the
    public needs to compare them (seed 001 p9 r.781-797): requirements, term, kwaliteitsrapport, locations."""
    if regio:
        regels.regio(regio)
    if leveringsvorm and leveringsvorm not in regels.CONTRACT_LEVERINGSVORMEN:
        raise DomainError("Kies verblijf, vpt of mpt.", "leveringsvorm")
    dag = peildatum or dt.date.today()
    r = _repo(uow)
    rows = r.contracten(regio=regio or None, status="actief", op=dag)
    prestaties: dict[str, list[Row]] = {}
    if rows:
        for p in r.prestaties([c["id"] for c in rows]):
            prestaties.setdefault(p["contract_id"], []).append(p)
    aanbieders = {a.gegevens["agb_code"]: a for a in _met_details(r, r.aanbieders())}
    uit: list[Vergelijkingsregel] = []
    for c in rows:
        per_lv: dict[str, list[str]] = {}
        for p in prestaties.get(c["id"], []):
            per_lv.setdefault(p["leveringsvorm"], []).append(p["prestatiecode"])
        a = aanbieders.get(c["agb_code"])
        for lv, codes in sorted(per_lv.items()):
            if leveringsvorm and lv != leveringsvorm:
                continue
            uit.append(
                Vergelijkingsregel(
                    regio=c["regio"],
                    leveringsvorm=lv,
                    agb_code=c["agb_code"],
                    naam=a.gegevens["naam"] if a else c["agb_code"],
                    website=a.gegevens["website"] if a else None,
                    vorm=c["vorm"],
                    ingangsdatum=c["ingangsdatum"],
                    einddatum=c["einddatum"],
                    kwaliteitseisen=c["kwaliteitseisen"],
                    continuiteitsclausule=c["continuiteitsclausule"],
                    clientenraad_geraadpleegd=bool(c["clientenraad_geraadpleegd"]),
                    prestaties=sorted(codes),
                    kwaliteitsrapport=(a.rapporten[0] if a and a.rapporten else None),
                    locaties=[loc for loc in (a.locaties if a else []) if loc["regio"] == c["regio"]],
                )
            )
    uit.sort(key=lambda v: (v.regio, v.leveringsvorm, v.naam))
    log(uow, PUBLIEK, "lezen", "vergelijking gecontracteerde zorgaanbieders", doel=DOEL_INKOOP)
    uow.commit()
    return uit


# --- capacity ------------------------------------------------------------------------------------------------------
def capaciteit_opslaan(uow: UnitOfWork, actor: Actor, d: iv.CapaciteitInvoer) -> None:
    vereis(actor, "inkoop.beheren")
    regels.regio(d.regio)
    r = _repo(uow)
    bestaand = r.capaciteit_regel(d.agb_code, d.regio, d.jaar, d.discipline)
    if bestaand is None:
        r.insert(
            t.inkoop_capaciteit,
            {
                "id": nieuw_id(),
                "agb_code": d.agb_code,
                "regio": d.regio,
                "jaar": d.jaar,
                "discipline": d.discipline,
                "fte": d.fte,
            },
        )
    else:
        r.update(t.inkoop_capaciteit, bestaand["id"], {"fte": d.fte})
    log(uow, actor, "wijzigen", f"behandelcapaciteit {d.agb_code} {d.regio} {d.jaar}", doel=DOEL_INKOOP)
    uow.commit()


def norm_opslaan(uow: UnitOfWork, actor: Actor, d: iv.NormInvoer) -> None:
    """The fte of a discipline one client of a zorgprofiel needs: no public figure exists (seed 004 gives none),
    so the installation enters it with its bron."""
    vereis(actor, "inkoop.beheren")
    try:
        zorgprofiel = reference.lookup(d.zorgprofiel).code
    except KeyError:
        raise DomainError("Onbekend zorgprofiel.", "zorgprofiel") from None
    r = _repo(uow)
    waarden = {"fte_per_client": d.fte_per_client, "bron": d.bron, "voorbeeld": d.voorbeeld}
    bestaand = r.norm(d.discipline, zorgprofiel)
    if bestaand is None:
        r.insert(
            t.inkoop_capaciteitsnormen,
            {"id": nieuw_id(), "discipline": d.discipline, "zorgprofiel": zorgprofiel, **waarden},
        )
    else:
        r.update(t.inkoop_capaciteitsnormen, bestaand["id"], waarden)
    log(uow, actor, "wijzigen", f"capaciteitsnorm {d.discipline} {zorgprofiel}", doel=DOEL_INKOOP)
    uow.commit()


@dataclass
class Capaciteitsregister:
    jaar: int
    peildatum: dt.date
    regels: list[regels.Tekort]
    normen: list[Row]


def capaciteitsregister(uow: UnitOfWork, actor: Actor, jaar: int) -> Capaciteitsregister:
    """Behandelaren in fte per provider and region against the clients per profile needing them (seed 004 §4.4),
    shortfalls shown. Clients are those with a zorgtoewijzing running on 1 July of the year."""
    vereis(actor, "inkoop.lezen")
    if not 2015 <= jaar <= 2100:
        raise DomainError("Kies een jaar vanaf 2015.", "jaar")
    r = _repo(uow)
    peildatum = dt.date(jaar, 7, 1)
    fte = {(c["agb_code"], c["regio"], c["discipline"]): decimal(c["fte"]) for c in r.capaciteit(jaar)}
    normen = r.normen()
    norm = {(n["discipline"], n["zorgprofiel"]): decimal(n["fte_per_client"]) for n in normen}
    clienten = r.clienten_per_profiel(peildatum, zorgkantoor_code())
    uit = regels.capaciteit(fte, clienten, norm)
    log(uow, actor, "lezen", f"capaciteitsregister {jaar}", doel=DOEL_INKOOP)
    uow.commit()
    return Capaciteitsregister(jaar, peildatum, uit, normen)


# --- a client's choice, vouchers, cliëntondersteuning ------------------------------------------------------------
@dataclass
class Keuzedossier:
    keuzes: list[Row]
    vouchers: list[Row]
    ondersteuning: list[Row]
    pgb_delen: list[Row] = field(default_factory=list)


def keuzedossier(uow: UnitOfWork, actor: Actor, client_id: str) -> Keuzedossier:
    vereis(actor, "keuze.lezen")
    client_zichtbaar(uow, actor, client_id)
    r = _repo(uow)
    vandaag = dt.date.today()
    vouchers = [
        {**v, "status": regels.voucher_status(v["status"], v["geldig_tot"], vandaag)} for v in r.vouchers(client_id)
    ]
    uit = Keuzedossier(r.keuzes(client_id), vouchers, r.ondersteuning(client_id), r.pgb_delen(client_id))
    log(uow, actor, "lezen", "keuze van zorgaanbieder, vouchers", client_id=client_id, doel=DOEL_KEUZE)
    uow.commit()
    return uit


@dataclass
class KeuzeUitkomst:
    toewijzing_ids: list[str]
    bericht_ids: list[str]


def keuze_vastleggen(
    uow: UnitOfWork, actor: Actor, client_id: str, d: iv.KeuzeInvoer, *, voucher_id: str | None = None
) -> KeuzeUitkomst:
    """The client's preferred provider per module becomes a zorgtoewijzing with its AW33 (XSD + XSLT checked by
    ``wlz.iwlz``), one per module: several providers for the mpt modules, beside a pgb for the rest. Refused,
    with the reason and nothing written, when a provider has no active contract covering that prestatie and
    leveringsvorm in the region for the whole period, or the indicatiebesluit does not cover the period."""
    vereis(actor, "keuze.vastleggen")
    client_zichtbaar(uow, actor, client_id)
    uitkomst = _keuze(uow, actor, client_id, d, voucher_id=voucher_id)
    log(
        uow,
        actor,
        "aanmaken",
        f"keuze van zorgaanbieder ({len(d.modules)} modules), AW33",
        client_id=client_id,
        doel=DOEL_KEUZE,
    )
    uow.commit()
    return uitkomst


def _keuze(
    uow: UnitOfWork, actor: Actor, client_id: str, d: iv.KeuzeInvoer, *, voucher_id: str | None
) -> KeuzeUitkomst:
    regels.regio(d.regio)
    regels.periode(d.van, d.tot, "tot")
    ind = uow.indicaties.geldige(client_id, d.van)
    if ind is None:
        raise DomainError("Er is op de begindatum geen geldig indicatiebesluit.", "van")
    if ind.einddatum is not None and d.tot > ind.einddatum:
        raise DomainError("De keuze loopt langer dan het indicatiebesluit.", "tot")
    r = _repo(uow)
    gevonden: list[tuple[iv.ModuleKeuze, Row]] = []
    for i, m in enumerate(d.modules):
        dekkend = r.dekkende_contracten(m.agb_code, d.regio, m.prestatiecode, d.van, d.tot)
        c = next((x for x in dekkend if x["leveringsvorm"] == m.leveringsvorm), None)
        if c is None:
            naam = regels.REGIOS[d.regio]
            if dekkend:  # contracted, but for another leveringsvorm: the toewijzing would not fit the contract
                raise DomainError(
                    regels.andere_leveringsvorm(
                        m.agb_code, m.prestatiecode, m.leveringsvorm, dekkend[0]["leveringsvorm"]
                    ),
                    f"modules.{i}.leveringsvorm",
                )
            raise DomainError(
                f"Zorgaanbieder {m.agb_code} heeft geen actief contract voor prestatie {m.prestatiecode} "
                f"({m.leveringsvorm}) in regio {naam} dat de hele periode "
                f"{d.van:%d-%m-%Y} tot en met {d.tot:%d-%m-%Y} dekt.",
                f"modules.{i}.agb_code",
            )
        if m.leveringsvorm == "mpt" and not (m.functie and m.klasse):
            raise DomainError("Een mpt-module wordt toegewezen als functie met klasse.", f"modules.{i}.functie")
        if c["vorm"] == "open_huis" and c["experiment_id"]:
            _binnen_aandeel(r, c["experiment_id"], client_id, m.prestatiecode, f"modules.{i}.agb_code")
        gevonden.append((m, c))
    lv_keuze = None
    if d.pgb is not None:
        lv_keuze = uow.keuzes.huidige(client_id)
        functies = [f.strip() for f in d.pgb.functies]
        regels.check_pgb_deel(
            [m.leveringsvorm for m in d.modules],
            lv_keuze.leveringsvorm if lv_keuze else None,
            functies,
            FUNCTIES,
            _cent(d.pgb.bedrag),
            d.pgb.bron,
        )
        for i, m in enumerate(d.modules):
            if m.functie in functies:
                raise DomainError("Deze functie gaat al naar het pgb-deel.", f"modules.{i}.functie")
    moment = dt.datetime.now()
    uitkomst = KeuzeUitkomst([], [])
    for i, (m, c) in enumerate(gevonden):
        try:
            tw = Zorgtoewijzing(
                client_id=client_id,
                indicatie_id=ind.id,
                agb_code=m.agb_code,
                leveringsvorm=m.leveringsvorm,
                van=d.van,
                tot=d.tot,
                zorgprofiel=None if m.leveringsvorm == "mpt" else ind.zorgprofiel,
                functie=m.functie if m.leveringsvorm == "mpt" else None,
                klasse=m.klasse if m.leveringsvorm == "mpt" else None,
            )
        except DomainError as exc:
            raise DomainError(exc.bericht, f"modules.{i}.{exc.veld}") from None
        uow.toewijzingen.add(tw)
        uow.flush()
        bericht = berichten._maak_aw33(uow, actor, tw, moment)
        r.insert(
            t.inkoop_keuzes,
            {
                "id": nieuw_id(),
                "client_id": client_id,
                "prestatiecode": m.prestatiecode,
                "leveringsvorm": m.leveringsvorm,
                "agb_code": m.agb_code,
                "contract_id": c["id"],
                "van": d.van,
                "tot": d.tot,
                "toewijzing_id": tw.id,
                "voucher_id": voucher_id,
                "vastgelegd_door": actor.gebruiker_id,
                "vastgelegd_op": nu(),
            },
        )
        uitkomst.toewijzing_ids.append(tw.id)
        uitkomst.bericht_ids.append(bericht.id)
    if d.pgb is not None and lv_keuze is not None:
        _pgb_deel_opslaan(r, actor, client_id, lv_keuze.id, d)
    return uitkomst


def _pgb_deel_opslaan(r: Inkoop, actor: Actor, client_id: str, lv_keuze_id: str, d: iv.KeuzeInvoer) -> None:
    """The pgb part, tied to the accepted mpt+pgb leveringsvorm choice (one part per choice: a later choice of
    providers under the same leveringsvorm choice replaces it)."""
    assert d.pgb is not None
    waarden = {
        "client_id": client_id,
        "van": d.van,
        "tot": d.tot,
        "functies": [f.strip() for f in d.pgb.functies],
        "bedrag_cent": _cent(d.pgb.bedrag),
        "bedrag_bron": (d.pgb.bron or "").strip()[:500] or None,
        "vastgelegd_door": actor.gebruiker_id,
        "vastgelegd_op": nu(),
    }
    bestaand = r.pgb_deel(lv_keuze_id)
    if bestaand is None:
        r.insert(t.inkoop_pgb_delen, {"id": nieuw_id(), "leveringsvorm_keuze_id": lv_keuze_id, **waarden})
    else:
        r.update(t.inkoop_pgb_delen, bestaand["id"], waarden)


def _gebruik(r: Inkoop, e: Row) -> tuple[dict[str, regels.AandeelGebruik], list[tuple[str, str, str | None]]]:
    exp = _experiment(e)
    keuzes = r.gekozen_in_regio(exp.regio, exp.prestatiecodes, exp.ingangsdatum, exp.einddatum)
    return regels.aandeel_gebruik(keuzes, exp, decimal(e["aandeel_percentage"])), keuzes


def _binnen_aandeel(r: Inkoop, experiment_id: str, client_id: str, prestatiecode: str, veld: str) -> None:
    """Refuse a choice through an open-house contract that would take the experiment beyond its share."""
    e = r.get(t.inkoop_experimenten, experiment_id)
    if e is None:
        return
    gebruik, keuzes = _gebruik(r, e)
    if prestatiecode not in gebruik:
        return
    al_geteld = any(k[0] == prestatiecode and k[1] == client_id for k in keuzes)
    al_open = any(k[0] == prestatiecode and k[1] == client_id and k[2] == experiment_id for k in keuzes)
    regels.check_aandeel(gebruik[prestatiecode], client_id, al_open, al_geteld, veld)


def _in_een_jaar(van: dt.date, tot: dt.date) -> None:
    if not 2015 <= van.year <= 2100:
        raise DomainError("Een voucher begint in een jaar van de Wlz (vanaf 2015).", "van")
    regels.periode(van, tot, "tot")
    if van.year != tot.year:
        raise DomainError("Een voucher geldt voor een periode binnen één kalenderjaar.", "tot")


def voucher_waarde(
    zorgprofiel: str,
    van: dt.date,
    tot: dt.date,
    basis: str,
    dagtarief: Row | None,
    *,
    regels_tarief: bool = False,
    veld: str = "basis",
) -> tuple[int, str]:
    """The value of the indication for the period, from the rules (``wlz.rules.api`` through the adapter) and its
    source text. ``verblijf``: the rules' cost of care with stay, the day tariff (the tariff table's maximum, with
    its bron; with ``regels_tarief`` and no such row: the rules' own day tariff of the profile) times the days of
    care; ``pgb``: the rules' pgb budget of the profile. Unknown: refused, naming ``veld``."""
    client: dict[str, Any] = {"zorgprofiel": zorgprofiel, "leveringsvorm": "verblijf" if basis == "verblijf" else "pgb"}
    if basis == "pgb":
        client["gewaarborgde_hulp"] = True
    if basis == "verblijf" and not (regels_tarief and dagtarief is None):
        if dagtarief is None:
            raise DomainError(
                "Geen maximumtarief in de tarieventabel voor deze prestatie en dit jaar: voer het eerst in (met bron).",
                "prestatiecode",
            )
        if dagtarief["eenheid"] != "dag":
            raise DomainError("Het tarief van deze prestatie is geen dagtarief.", "prestatiecode")
        client["zzp_dagtarief"] = dagtarief["maximumtarief_cent"] / 100
    situatie = {"periode": {"van": van.isoformat(), "tot": tot.isoformat()}, "client": client}
    try:
        b = rules_engine.bereken(situatie)
    except InputError as exc:
        raise DomainError(f"De rekenregels weigeren deze situatie: {exc}", veld) from None
    naam = "verblijf_budget" if basis == "verblijf" else "pgb_budget"
    res = b.resultaat(naam)
    if res is None or res.onbekend or not isinstance(res.waarde, (int, float)) or res.waarde != res.waarde:
        raise DomainError(
            f"De rekenregels kennen voor zorgprofiel {zorgprofiel} in {van.year} geen bedrag ({naam}); "
            "zonder bekend bedrag wordt niets berekend.",
            veld,
        )
    cent = int((Decimal(str(res.waarde)) * 100).quantize(Decimal("1")))
    bronnen = "; ".join(f"{s.titel} {s.url}" for s in res.bronnen)
    params = "; ".join(f"{p.naam}: {p.bron}" for p in res.parameters if p.bron)
    bron = f"wlz.rules {naam} {van.year} ({bronnen})"
    if params:
        bron += f"; {params}"
    if dagtarief is not None and basis == "verblijf":
        bron += f"; dagtarief {dagtarief['prestatiecode']} uit tarieventabel: {dagtarief['bron']}"
        if dagtarief["voorbeeld"]:
            bron += " (voorbeeld)"
    if res.voorbeeld:
        bron += " (voorbeeld)"
    return cent, bron[:500]


def voucher_uitgeven(uow: UnitOfWork, actor: Actor, client_id: str, d: iv.VoucherInvoer) -> Row:
    """A voucher worth the indication (seed 001 p4 r.314-324): the zorgprofiel's budget for the period."""
    vereis(actor, "voucher.uitgeven")
    client_zichtbaar(uow, actor, client_id)
    _in_een_jaar(d.van, d.tot)
    ind = uow.indicaties.geldige(client_id, d.van)
    if ind is None:
        raise DomainError("Er is op de begindatum geen geldig indicatiebesluit.", "van")
    if ind.einddatum is not None and d.tot > ind.einddatum:
        raise DomainError("De voucher loopt langer dan het indicatiebesluit.", "tot")
    r = _repo(uow)
    dagtarief = None
    if d.basis == "verblijf":
        if not d.prestatiecode:
            raise DomainError("Kies de prestatie waarvan het dagtarief de waarde bepaalt.", "prestatiecode")
        dagtarief = r.tarief(d.van.year, d.prestatiecode)
    cent, bron = voucher_waarde(ind.zorgprofiel, d.van, d.tot, d.basis, dagtarief)
    rij = {
        "id": nieuw_id(),
        "client_id": client_id,
        "zorgprofiel": ind.zorgprofiel,
        "waarde_cent": cent,
        "ingangsdatum": d.van,
        "einddatum": d.tot,
        "agb_code": None,
        "ingewisseld_op": None,
        "status": "uitgegeven",
        "indicatie_id": ind.id,
        "bron": bron,
        "contract_id": None,
        "toewijzing_id": None,
        "akkoord_client": None,
        "uitgegeven_door": actor.gebruiker_id,
        "uitgegeven_op": nu(),
        "geldig_tot": regels.voucher_geldig_tot(d.tot),
    }
    r.insert(t.inkoop_vouchers, rij)
    log(uow, actor, "aanmaken", "voucher", client_id=client_id, doel=DOEL_KEUZE)
    uow.commit()
    return rij


def voucher_inwisselen(
    uow: UnitOfWork, actor: Actor, client_id: str, d: iv.InwisselInvoer, *, op: dt.date | None = None
) -> Row:
    """Redeem the voucher once at the chosen provider, with the client's own agreement with that provider
    stored: it becomes a zorgtoewijzing (verblijf, the indicated profile, the voucher's period) with its AW33.
    The provider may then declare up to the voucher's value (checked by the declarations, part B). A voucher past
    its ``geldig_tot`` on the day of redemption (``op``, today) has lapsed and is refused."""
    vereis(actor, "voucher.inwisselen")
    client_zichtbaar(uow, actor, client_id)
    r = _repo(uow)
    v = r.get(t.inkoop_vouchers, d.voucher_id)
    if v is None or v["client_id"] != client_id:
        raise NotFound("voucher")
    regels.voucher_inwisselen(v["status"], d.akkoord_client, v["geldig_tot"], op or dt.date.today())
    _aanbieder(r, d.agb_code)
    ind = (
        uow.indicaties.get(v["indicatie_id"])
        if v["indicatie_id"]
        else uow.indicaties.geldige(client_id, v["ingangsdatum"])
    )
    if ind is None:
        raise DomainError("Het indicatiebesluit van de voucher is niet gevonden.", "voucher")
    contract_rij = r.contract_van_aanbieder(d.agb_code, v["ingangsdatum"])
    tw = Zorgtoewijzing(
        client_id=client_id,
        indicatie_id=ind.id,
        agb_code=d.agb_code,
        leveringsvorm="verblijf",
        van=v["ingangsdatum"],
        tot=v["einddatum"],
        zorgprofiel=ind.zorgprofiel,
    )
    uow.toewijzingen.add(tw)
    uow.flush()
    berichten._maak_aw33(uow, actor, tw, dt.datetime.now())
    gewijzigd = r.voucher_inwisselen(
        d.voucher_id,
        {
            "status": "ingewisseld",
            "agb_code": d.agb_code,
            "ingewisseld_op": nu(),
            "akkoord_client": d.akkoord_client,
            "toewijzing_id": tw.id,
            "contract_id": contract_rij["id"] if contract_rij else None,
        },
    )
    if gewijzigd != 1:  # redeemed by someone else in the meantime: nothing of this one is kept
        uow.rollback()
        raise DomainError("Deze voucher is al ingewisseld; een voucher wordt maar één keer ingewisseld.", "voucher")
    log(
        uow,
        actor,
        "wijzigen",
        f"voucher ingewisseld bij zorgaanbieder {d.agb_code}",
        client_id=client_id,
        doel=DOEL_KEUZE,
    )
    uow.commit()
    uit = r.get(t.inkoop_vouchers, d.voucher_id)
    assert uit is not None
    return uit


def ondersteuning_vastleggen(uow: UnitOfWork, actor: Actor, client_id: str, d: iv.OndersteuningInvoer) -> Row:
    """A client who cannot state a preference is helped by a cliëntondersteuner: who, and when (seed 001 p8
    r.745-750)."""
    vereis(actor, "ondersteuning.vastleggen")
    client_zichtbaar(uow, actor, client_id)
    if d.datum > dt.date.today():
        raise DomainError("De datum van de ondersteuning ligt in de toekomst.", "datum")
    rij = {
        "id": nieuw_id(),
        "client_id": client_id,
        "clientondersteuner": d.clientondersteuner,
        "datum": d.datum,
        "toelichting": d.toelichting,
        "vastgelegd_door": actor.gebruiker_id,
        "vastgelegd_op": nu(),
    }
    _repo(uow).insert(t.inkoop_ondersteuning, rij)
    log(uow, actor, "aanmaken", "cliëntondersteuning bij keuze", client_id=client_id, doel=DOEL_KEUZE)
    uow.commit()
    return rij
