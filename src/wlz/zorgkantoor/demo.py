"""``wlz demo``: a fresh database with synthetic clients in all situations (a few hundred by default, tens of
thousands for a zorgkantoor's scale), and one demo user per role. Everything is synthetic: names from short
lists, BSNs in the 999xxxxxx test block passing the elfproef, addresses in made-up streets. Amounts and
eligibility come from the rules engine, never from here.

Scale: the first ``SJABLONEN`` clients are made one by one through the service's use cases (each its own
situation, its own rules evaluations, every step as a user would take it). Every later client is a copy of one of
them under a new identity (BSN, name, address, besluitnummer, ids; birth date and partner stay, since the rules'
situation contains them): its indicatie, leveringsvorm choice, assignments, requests and decision lines are
inserted set-based, a batch of clients per transaction (``_kopieer``), reusing the stored rules evaluations of the
copied situation instead of evaluating the same situation again.

iWlz: a client's indicatie arrives as an IO31 through the service's own import (stored with its IO32), and each
assignment to a provider is sent as its AW33 (``berichten.export_aw33``), so a client made one by one has its
messages; a copy gets them too, as stored rows whose XML is its source's with the copy's identity and new
identifications put in (``demo_berichten``), inserted with the copy's other rows.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field, replace
from types import SimpleNamespace
from typing import Any

import sqlalchemy as sa
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from wlz import bsn as bsnmod
from wlz import iwlz, reference
from wlz.common.months import first_of_month
from wlz.iwlz import casefile, voorbeelden
from wlz.iwlz import codes as icodes
from wlz.platform.auth import ID
from wlz.platform.types import UTCDateTime
from wlz.reference import leveringsvorm as leveringsvormen

from . import demo_berichten, inkoop_demo
from .adapters import rules_engine
from .domain.aanvraag import BESLISTERMIJN
from .domain.fouten import DomainError
from .domain.model import nieuw_id
from .services import aanvragen, auth, berichten, dossier, invoer
from .services.actor import SYSTEEM, Actor
from .storage import migrate, orm
from .storage.uow import UnitOfWorkFactory

#: Demo accounts (also listed in the README). Passwords are for the local demo only.
DEMO_GEBRUIKERS = [
    ("beoordelaar", "Bea Beoordelaar", "beoordelaar", "demo-beoordelaar", None),
    ("beheerder", "Bram Beheerder", "beheerder", "demo-beheerder", None),
    ("aanbieder", "Zorggroep De Linde (AGB 12345678)", "aanbieder", "demo-aanbieder", "12345678"),
    ("client", "Cliënt (eigen dossier)", "client", "demo-client", None),
]
AANBIEDERS = ["12345678", "23456789", "34567890"]

VOORNAMEN = [
    "Anna",
    "Bram",
    "Cor",
    "Dewi",
    "Els",
    "Fatima",
    "Gerrit",
    "Hanna",
    "Ivo",
    "Joke",
    "Karim",
    "Lotte",
    "Mohamed",
    "Noor",
    "Oscar",
    "Petra",
    "Rik",
    "Sanne",
    "Tim",
    "Yara",
]
ACHTERNAMEN = [
    "de Vries",
    "Jansen",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "Mulder",
    "de Boer",
    "Bos",
    "Yilmaz",
    "Peters",
    "Hendriks",
    "van Dijk",
    "Kok",
    "Dekker",
    "Brouwer",
    "el Amrani",
    "Vos",
    "Willems",
    "Pinas",
]
STRATEN = ["Lindelaan", "Kastanjestraat", "Berkenhof", "Eikenweg", "Wilgenpad", "Esdoornplein"]
PLAATSEN = ["Voorbeeldstad", "Testdorp", "Proefwijk"]
GRONDSLAG = {
    "vv": ["01", "02"],
    "vg": ["05"],
    "lvg": ["05"],
    "sglvg": ["05", "03"],
    "lg": ["04"],
    "zgaud": ["06"],
    "zgvis": ["06"],
    "ggz": ["03"],
}


#: Clients made one by one through the use cases; every later client is a copy of one of these (module docstring)
SJABLONEN = 120
#: clients copied per transaction
_PARTIJ = 2000
#: BSNs the copies never get (999 9xxxxx): kept free for clients added by hand and the tests' fixed clients
_BSN_VRIJ = "9999"


#: Years in which the rules know the pgb/mpt amounts (so the demo's decisions show real figures, not
#: "onbekend"): 2017 for VG3-VG8 (seed 000, tabel 1), 2015 for every profile. Requests are submitted recently
#: (so deadlines and overdue work are real) but ask for care in these years; the summary says so.
_JAAR_2017 = {"VG3", "VG4", "VG5", "VG6", "VG7", "VG8"}


#: Profiles for the fully granted demo decisions: every scheme (ekt, meerzorg, pab, overbruggingszorg) can apply.
_ALLES_MOGELIJK = ("LG5", "LG6", "LG7", "VV8")


def huidig_jaar(vandaag: dt.date) -> int | None:
    """This year, when the rules can compute pgb amounts for it and the year before (e.g. from the values
    ``$WLZ_PARAMETERS`` supplies — asked from the rules, never read here); otherwise None."""
    jaar = vandaag.year
    return jaar if rules_engine.pgb_bekend("VG5", jaar) and rules_engine.pgb_bekend("VG5", jaar - 1) else None


def demojaar(profielcode: str, huidig: int | None = None) -> int:
    """The year of a client's care: the current year where the rules know the amounts, else 2017/2015."""
    if huidig and rules_engine.pgb_bekend(profielcode, huidig) and rules_engine.pgb_bekend(profielcode, huidig - 1):
        return huidig
    return 2017 if profielcode in _JAAR_2017 else 2015


def _actor(g, rol: str) -> Actor:
    return Actor(
        gebruiker_id=g.id,
        gebruikersnaam=g.gebruikersnaam,
        naam=g.naam,
        rol=rol,
        agb_code=g.agb_code,
        client_id=g.client_id,
        kanaal="cli",
    )


@dataclass
class _Vulling:
    """What the steps of one demo fill share: the database, the one random source (same seed, same data), today,
    whether the rules run and the year they know amounts for, the assessor who acts, and the counts for the
    summary."""

    uowf: UnitOfWorkFactory
    rng: random.Random
    vandaag: dt.date
    rekenregels: bool
    huidig: int | None
    bo: Actor
    telling: dict[str, Any] = field(
        default_factory=lambda: {
            "thuis": 0,
            "verblijf": 0,
            "zonder keuze": 0,
            "aanvragen": 0,
            "besloten": 0,
            "toegekend": 0,
            "io31": 0,
            "aw33": 0,
            "aw35": 0,
            "ca317": 0,
        }
    )
    client_ids: list[str] = field(default_factory=list)
    bsns: set[str] = field(default_factory=set)
    #: per client made through the use cases, what it added to the counts (a copy adds the same)
    bijdrage: list[dict[str, int]] = field(default_factory=list)


def vul(engine: Any, *, reset: bool, aantal: int = 300, seed: int = 2024) -> str:
    """Fill the database with ``aantal`` synthetic clients, their care and requests, the iWlz traffic and one
    demo user per role; return the Dutch summary the command prints. The same seed gives the same data."""
    uowf = _prepare_database(engine, reset=reset)
    if uowf is None:
        return "De database is niet leeg. Gebruik 'wlz demo --reset' om opnieuw te beginnen."
    rng = random.Random(seed)
    vandaag = dt.date.today()
    rekenregels = rules_engine.beschikbaar()
    profielen = _demo_profielen()
    huidig = huidig_jaar(vandaag) if rekenregels else None
    beoordelaar, systeem = _create_system_users(uowf)
    koppeling = _actor(systeem, "aanbieder")
    v = _Vulling(uowf, rng, vandaag, rekenregels, huidig, _actor(beoordelaar, "beoordelaar"))
    sjablonen = min(aantal, SJABLONEN)
    with _voortgang() as voortgang:
        taak = voortgang.add_task("cliënten één voor één (via de use cases)", total=sjablonen)
        for n in range(sjablonen):
            voor = dict(v.telling)
            _add_client(v, n, profielen)
            v.bijdrage.append({k: w - voor.get(k, 0) for k, w in v.telling.items() if isinstance(w, int)})
            voortgang.advance(taak)
        if rekenregels:  # before the copies: their BSNs avoid those of the IO31s' clients
            taak = voortgang.add_task("iWlz-berichten", total=None)
            _iwlz(uowf, v.bo, koppeling, random.Random(f"{seed}-iwlz"), huidig or 2015, v.telling)
            voortgang.update(taak, total=1, completed=1)
        if aantal > sjablonen:
            _kopieer(engine, v, aantal, voortgang)
    token = _create_demo_users(v, systeem.id)
    return _summary(aantal, v.telling, rekenregels, huidig, token) + inkoop_demo.vul(uowf, AANBIEDERS)


def _voortgang() -> Progress:
    """A progress bar on stderr (the summary goes to stdout), shown only on a terminal."""
    console = Console(stderr=True)
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        disable=not console.is_terminal,
    )


def _prepare_database(engine: Any, *, reset: bool) -> UnitOfWorkFactory | None:
    """Migrate (after wiping everything with ``reset``); ``None`` when the database already holds data."""
    if reset:
        migrate.downgrade_base(engine)
    migrate.upgrade(engine)
    uowf = UnitOfWorkFactory(engine)
    with uowf() as uow:
        if uow.clients.aantal() or uow.gebruikers.met_naam("beoordelaar"):
            return None
    return uowf


def _demo_profielen() -> list[Any]:
    """The zorgprofielen a demo client may get: Wlz profiles open to new clients (no transitional-law profiles,
    no VV9)."""
    return [
        z
        for z in reference.zorgprofielen().values()
        if not z.buiten_wlz and not z.alleen_overgangsrecht and not z.code.startswith("VV9")
    ]


def _create_system_users(uowf: UnitOfWorkFactory) -> tuple[Any, Any]:
    """The assessor who acts in the fill, and the provider's system account the iWlz traffic comes from."""
    with uowf(write=True) as uow:
        beoordelaar = auth.maak_gebruiker(
            uow,
            SYSTEEM,
            gebruikersnaam="beoordelaar",
            naam="Bea Beoordelaar",
            rol="beoordelaar",
            wachtwoord="demo-beoordelaar",
        )
        systeem = auth.maak_gebruiker(
            uow,
            SYSTEEM,
            gebruikersnaam="systeem-aanbieder",
            naam="Koppeling Zorggroep De Linde",
            rol="aanbieder",
            agb_code=AANBIEDERS[0],
        )
        uow.commit()
    return beoordelaar, systeem


def _add_client(v: _Vulling, n: int, profielen: list[Any]) -> None:
    """Client number ``n``: registered, with an indicatie, a leveringsvorm, care assigned at a provider and, for
    some at home, a request for extra care."""
    rng = v.rng
    c = _register_client(v)
    v.client_ids.append(c.id)
    profiel = rng.choice(profielen)
    # every 25th client: a profile for which every scheme can apply, with a pgb, fully granted below
    alles = v.huidig is not None and n % 25 == 7
    if alles:
        profiel = reference.lookup(_ALLES_MOGELIJK[(n // 25) % len(_ALLES_MOGELIJK)])
    jaar = demojaar(profiel.code, v.huidig)
    if jaar == v.huidig:  # care since last year, so requests and decisions can run over two years
        ingang = dt.date(jaar - 1, 1, 1) + dt.timedelta(days=rng.randint(0, 240))
    else:
        ingang = dt.date(jaar, 1, 1) + dt.timedelta(days=rng.randint(0, 80))
    _register_indicatie(v, c, n, profiel, ingang)
    huidige_zorg = jaar == v.huidig
    lv = _choose_leveringsvorm(v, c.id, profiel, ingang, alles=alles, huidige_zorg=huidige_zorg)
    agb = AANBIEDERS[0] if n % 3 == 0 else rng.choice(AANBIEDERS)
    if lv and lv != "pgb":
        _assign_care(v, c.id, agb, lv, ingang, profiel.code)
    # requests for extra care for clients at home, in every state
    if lv and lv != "verblijf" and (alles or rng.random() < 0.3):
        v.telling["aanvragen"] += 1
        _aanvraag(
            v, c.id, jaar=jaar, pgb=lv in leveringsvormen.met_pgb(),
            meerjarig=huidige_zorg and ingang < dt.date(jaar - 1, 7, 1) and rng.random() < 0.4,
            alles=alles,
        )  # fmt: skip


def _register_client(v: _Vulling) -> Any:
    """A new client with a synthetic BSN (unique in this fill), name, birth date and address."""
    rng = v.rng
    while (nummer := bsnmod.synthetisch(rng)) in v.bsns:
        pass
    v.bsns.add(nummer)
    geboren = dt.date(rng.randint(1930, 2015), rng.randint(1, 12), rng.randint(1, 28))
    with v.uowf(write=True) as uow:
        return dossier.registreer_client(
            uow,
            SYSTEEM,
            invoer.ClientInvoer(
                bsn=nummer,
                voornamen=rng.choice(VOORNAMEN),
                achternaam=rng.choice(ACHTERNAMEN),
                geboortedatum=geboren,
                straat=rng.choice(STRATEN),
                huisnummer=str(rng.randint(1, 200)),
                postcode=f"{rng.randint(1000, 9999)}ZZ",
                woonplaats=rng.choice(PLAATSEN),
                partner=rng.random() < 0.35,
            ),
        )


def _register_indicatie(v: _Vulling, c: Any, n: int, profiel: Any, ingang: dt.date) -> None:
    """The client's indicatie as the CIZ sends it: an IO31 (built from the client's record, checked against the
    XSD and XSLT rules) imported through the service's own use case, which stores it with its IO32. A profile an
    IO31 cannot carry (no zzp) is registered by hand instead, as a zorgkantoor would."""
    besluitnummer = str(900000 + n)  # numeric, as iWlz carries it
    grondslagen = GRONDSLAG.get(profiel.sector, ["01"])
    if v.rekenregels:  # the demo without rules makes no messages at all
        try:
            io31 = iwlz.IO31Bericht(
                ontvanger=berichten.zorgkantoor_code(),
                identificatie=f"IO{n:010d}",
                dagtekening=ingang,
                clienten=(
                    iwlz.IO31Client(
                        demo_berichten.iwlz_client(c),
                        casefile.indicatiebesluit(
                            besluitnummer=besluitnummer,
                            zorgprofiel=profiel.code,
                            grondslagen=grondslagen,
                            ingangsdatum=ingang,
                        ),  # no Einddatum: the import gives the validity of the rules (Rlz art. 3.2), as by hand
                    ),
                ),
            )
            with v.uowf(write=True) as uow:
                berichten.import_io31(uow, v.bo, iwlz.build_io31(io31))
            v.telling["io31"] += 1
            return
        except (ValueError, DomainError, iwlz.BerichtOngeldig):
            pass  # e.g. a profile without zzp: by hand below
    with v.uowf(write=True) as uow:
        dossier.registreer_indicatie(
            uow,
            SYSTEEM,
            c.id,
            invoer.IndicatieInvoer(
                besluitnummer=besluitnummer,
                zorgprofiel=profiel.code,
                grondslagen=grondslagen,
                ingangsdatum=ingang,
            ),
        )


#: the demo's share of each leveringsvorm (per 100 clients): about 4 in 10 at home
_AANDEEL = {"verblijf": 60, "vpt": 8, "mpt": 14, "pgb": 12, "mpt_pgb": 6}


def _choose_leveringsvorm(
    v: _Vulling, client_id: str, profiel: Any, ingang: dt.date, *, alles: bool, huidige_zorg: bool
) -> invoer.Leveringsvorm | None:
    """The client's leveringsvorm, recorded from ``ingang``; ``None`` when none could be recorded (the home forms
    need the rules' doelmatigheidstoets)."""
    rng = v.rng
    # about 4 in 10 at home
    vormen: list[invoer.Leveringsvorm] = list(leveringsvormen.codes())
    lv = rng.choices(vormen, weights=[_AANDEEL[c] for c in vormen])[0]
    if lv in leveringsvormen.met_pgb() and profiel.pgb == "nee":
        lv = "mpt"
    if alles:
        lv = "pgb"
    if lv != "verblijf" and not v.rekenregels:
        v.telling["zonder keuze"] += 1
        return None
    try:
        with v.uowf(write=True) as uow:
            k = dossier.kies_leveringsvorm(
                uow,
                v.bo,
                client_id,
                invoer.KeuzeInvoer(
                    leveringsvorm=lv,
                    ingangsdatum=ingang,
                    mpt_kosten=rng.choice([0, 15000, 30000] if not huidige_zorg else [6000, 9000])
                    if lv in leveringsvormen.met_mpt()
                    else 0,
                    pgb_deel=rng.choice([10000, 25000] if not huidige_zorg else [3000, 5000]) if lv == "mpt_pgb" else 0,
                    gewaarborgde_hulp=profiel.pgb == "gewaarborgde_hulp",
                    gewaarborgde_hulp_naam="Gewaarborgde hulp (synthetisch)"
                    if profiel.pgb == "gewaarborgde_hulp" and lv in leveringsvormen.met_pgb()
                    else None,
                ),
            )
        v.telling["thuis" if lv != "verblijf" and k.geaccepteerd else "verblijf"] += 1
    except (DomainError, rules_engine.RulesUnavailable):
        v.telling["zonder keuze"] += 1
        return None
    return lv


def _assign_care(
    v: _Vulling, client_id: str, agb: str, lv: invoer.Leveringsvorm, van: dt.date, zorgprofiel: str
) -> None:
    """A zorgtoewijzing at provider ``agb``; most care has started, some has ended since."""
    with v.uowf(write=True) as uow:
        tw = dossier.maak_toewijzing(
            uow,
            SYSTEEM,
            client_id,
            invoer.ToewijzingInvoer(agb_code=agb, leveringsvorm=lv, van=van, zorgprofiel=zorgprofiel),
        )
        if v.rng.random() < 0.8:
            tw.zorg_gestart(van)
            if v.rng.random() < 0.1:
                tw.zorg_beeindigd(van + dt.timedelta(days=200), "verhuizing")
            uow.commit()
    if v.rekenregels:  # the assignment to the provider as its AW33, through the service's own use case
        try:
            with v.uowf(write=True) as uow:
                berichten.export_aw33(uow, v.bo, tw.id)
            v.telling["aw33"] += 1
        except DomainError as exc:
            v.telling.setdefault("iwlz_fouten", []).append(f"AW33 {zorgprofiel}: {exc}")


def _create_demo_users(v: _Vulling, systeem_id: str) -> str:
    """The other demo accounts of ``DEMO_GEBRUIKERS`` (the client account opens a decided client's file) and the
    API token of the provider's system account; returns the token."""
    with v.uowf(write=True) as uow:
        for naam, volledig, rol, wachtwoord, agb in DEMO_GEBRUIKERS[1:]:
            auth.maak_gebruiker(
                uow,
                SYSTEEM,
                gebruikersnaam=naam,
                naam=volledig,
                rol=rol,
                wachtwoord=wachtwoord,
                agb_code=agb,
                client_id=(v.telling.get("toegekend_clients") or v.telling.get("besloten_clients") or v.client_ids)[0]
                if rol == "client"
                else None,
            )
        _, token = auth.maak_token(uow, SYSTEEM, systeem_id, "demo-koppeling")
        uow.commit()
    return token


def _summary(aantal: int, telling: dict[str, Any], rekenregels: bool, huidig: int | None, token: str) -> str:
    """What the command prints: the counts, which years the care is in and why, the demo accounts and token."""
    regels_tekst = (
        ""
        if rekenregels
        else (
            "\nLet op: de rekenregels (wlz.rules) zijn niet beschikbaar; zorg thuis, beoordelingen en besluiten zijn "
            "daarom niet aangemaakt."
        )
    )
    if huidig:
        jaren_tekst = (
            f"De zorg loopt in {huidig - 1} en {huidig}; de aanvragen vragen zorg in {huidig} (soms vanaf juli "
            f"{huidig - 1}, met een besluit over meerdere jaren). De rekenregels kennen de pgb-bedragen voor deze "
            "jaren uit het parameterbestand van deze installatie; waar dat voorbeeldwaarden zijn, staat bij elk bedrag "
            "'voorbeeldbedrag'. Bedragen die de regels niet kennen (zoals het pab) staan als 'onbekend'."
        )
    else:
        jaren_tekst = (
            "De aanvragen zijn recent ingediend (termijnen en te late aanvragen kloppen met vandaag), maar vragen zorg "
            "in 2015 of 2017 (VG3-VG8): alleen voor die jaren kennen de rekenregels de budgetten. Voor andere jaren "
            "toont de service 'onbekend' in plaats van een bedrag. Met $WLZ_PARAMETERS (zie scripts/run.sh) gebruikt "
            "de demo het huidige jaar."
        )
    gebruikers = "\n".join(f"  {n:<12} wachtwoord: {w:<18} ({r})" for n, _, r, w, _ in DEMO_GEBRUIKERS)
    return (
        f"Demodatabase gevuld: {aantal} cliënten ({telling['verblijf']} met verblijf, {telling['thuis']} thuis, "
        f"{telling['zonder keuze']} zonder vastgelegde keuze), {telling['aanvragen']} aanvragen extra zorg "
        f"({telling['besloten']} besloten, waarvan {telling['toegekend']} volledig toegekend; elk met een "
        f"besluitbrief).{regels_tekst}\n"
        f"{jaren_tekst}\n"
        f"iWlz-berichten: {telling['io31']} indicaties ingelezen als IO31, {telling['aw33']} zorgtoewijzingen als "
        f"AW33 gemaakt, {telling['aw35']} AW35-meldingen (aanvang zorg) verwerkt met {telling['ca317']} CA317 "
        "voor het CAK.\n"
        + "".join(f"  Niet gelukt: {fout}\n" for fout in telling.get("iwlz_fouten", []))
        + f"Demogebruikers (inloggen op /inloggen):\n{gebruikers}\n"
        f"  API-token van systeemaccount 'systeem-aanbieder' (AGB {AANBIEDERS[0]}): {token}"
    )


def _aanvraag(
    v: _Vulling, client_id: str, *, jaar: int, pgb: bool, meerjarig: bool = False, alles: bool = False
) -> None:
    """A request for extra care in a random state. ``meerjarig``: from July of the year before (ekt may then
    be granted over both years, up to the rules' maximum term); ``alles``: an intake for which every scheme
    applies, decided by granting all of them."""
    rng = v.rng
    dagen_geleden = rng.randint(0, 120)
    ingediend = dt.datetime.combine(v.vandaag - dt.timedelta(days=dagen_geleden), dt.time(10), tzinfo=dt.UTC)
    van = dt.date(jaar - 1, 7, 1) if meerjarig else dt.date(jaar, 4, 1) if jaar < 2018 else dt.date(jaar, 1, 1)
    tot = dt.date(jaar, 12, 31)
    intake = _intake(rng, jaar, van, tot, pgb=pgb, alles=alles)
    try:
        with v.uowf(write=True) as uow:
            a = aanvragen.dien_in(uow, v.bo, client_id, intake)
            a.ingediend_op = ingediend
            a.termijn = ingediend.date() + BESLISTERMIJN
            uow.commit()
    except DomainError:
        v.telling["aanvragen"] -= 1
        return
    stap = (
        "besloten" if alles else rng.choice(["ingediend", "in_behandeling", "advies_gevraagd", "besloten", "besloten"])
    )
    if stap == "ingediend":
        return
    with v.uowf(write=True) as uow:
        aanvragen.neem_in_behandeling(uow, v.bo, a.id)
    if stap == "advies_gevraagd":
        with v.uowf(write=True) as uow:
            aanvragen.vraag_advies(
                uow,
                v.bo,
                a.id,
                invoer.AdviesVraagInvoer(aan="CCE", vraag="Is de gevraagde extra zorg passend bij de zorgvraag?"),
            )
        return
    if stap == "besloten" and a.evaluatie:
        _decide(v, client_id, a, ingediend, jaar=jaar, van=van, tot=tot, meerjarig=meerjarig, alles=alles)


def _intake(
    rng: random.Random, jaar: int, van: dt.date, tot: dt.date, *, pgb: bool, alles: bool
) -> invoer.IntakeInvoer:
    """The intake of a request: the schemes asked for (``criteria``), care need and the household's means."""
    criteria: dict[str, Any] = {"ekt_gevraagd": float(rng.choice([2000, 5000, 9000]))}
    if rng.random() < 0.5:
        criteria["geboortedatum_jongste_kind"] = dt.date(jaar - rng.randint(1, 15), 6, 1).isoformat()
    if alles or rng.random() < 0.4:
        criteria.update(meerzorg_gevraagd=float(rng.choice([3000, 6000])), meerzorg_zzp_31_december_2014=True)
    if alles or rng.random() < 0.3:
        sinds = dt.date(jaar - 1, 11, 1) if alles else dt.date(van.year, 2, 1)
        criteria.update(wacht_op_opname_sinds=sinds.isoformat(), overbruggingszorg_gevraagd=2000.0)
    if pgb:
        criteria["gewaarborgde_hulp"] = True
        if alles or rng.random() < 0.4:
            criteria.update(medische_noodzaak_permanent_toezicht=True, geen_cognitieve_beperking=True,
                            budget_zelf_beheren=True)  # fmt: skip
    return invoer.IntakeInvoer(
        periode_van=van,
        periode_tot=tot,
        criteria=criteria,
        zorgbehoefte_uren_per_week=60 if alles else rng.choice([20, 30, 40, 60]),
        profiel_uren_per_week=20 if alles else rng.choice([15, 20, 25]),
        dagbesteding=rng.random() < 0.5,
        bijdrageplichtig_inkomen=rng.choice([15000, 25000, 40000]),
        vermogen=rng.choice([0, 20000, 80000]),
        toelichting="Synthetische demo-aanvraag: de mantelzorger kan de avonden niet meer opvangen.",
    )


def _decide(
    v: _Vulling,
    client_id: str,
    a: Any,
    ingediend: dt.datetime,
    *,
    jaar: int,
    van: dt.date,
    tot: dt.date,
    meerjarig: bool,
    alles: bool,
) -> None:
    """Decide an evaluated request: each scheme the rules allow granted (most of them), over the whole request
    where the rules allow it, else their maximum term; the decision date spread around the legal term."""
    rng = v.rng
    regels_in = []
    for naam, u in a.uitkomsten().items():
        ja = bool(u.in_aanmerking) and (alles or rng.random() < 0.85)
        # the whole request where the rules allow it (ekt: several years), else at most their maximum term
        maanden = u.max_looptijd_maanden or 12
        if jaar < 2018:
            maanden = min(9, maanden)
        begin = van if maanden >= 12 or not meerjarig else dt.date(jaar, 1, 1)
        if naam != "ekt" and meerjarig:
            begin = dt.date(jaar, 1, 1)  # schemes without a multi-year term: the current year
        eind = first_of_month(begin, maanden) - dt.timedelta(days=1)
        regels_in.append(
            invoer.BesluitregelInvoer(
                regeling=naam,
                toegekend=ja,
                van=begin if ja else None,
                tot=min(eind, tot) if ja else None,
            )
        )
    try:
        with v.uowf(write=True) as uow:
            aanvragen.besluit(
                uow,
                v.bo,
                a.id,
                invoer.BesluitInvoer(
                    motivatie="Besloten op grond van de beoordeling door de rekenregels (demo).", regels=regels_in
                ),
            )
            b = uow.aanvragen.get(a.id)
            assert b is not None  # decided just now in this unit of work
            # a realistic spread of decision dates: most within the term, some after it
            b.besloten_op = ingediend + dt.timedelta(days=rng.choice([10, 20, 35, 50, 60, 70]))
            if b.besloten_op.date() > v.vandaag:
                b.besloten_op = dt.datetime.combine(v.vandaag, dt.time(9), tzinfo=dt.UTC)
            uitkomst = b.uitkomst
            uow.commit()
        v.telling["besloten"] += 1
        v.telling.setdefault("besloten_clients", []).append(client_id)
        if uitkomst == "toegekend":
            v.telling["toegekend"] += 1
            v.telling.setdefault("toegekend_clients", []).append(client_id)
    except (DomainError, rules_engine.RulesUnavailable):
        return


#: Profiles of the clients whose indicatie arrives as an iWlz IO31 (care with verblijf).
_IWLZ_PROFIELEN = ("VV5", "VV6", "VG6", "LG4", "GGZ-B5", "VV7")


def _iwlz(uowf, bo: Actor, koppeling: Actor, rng: random.Random, jaar: int, telling: dict) -> None:
    """iWlz traffic through the service's own use cases: indicaties imported as IO31 (synthetic chains from
    ``wlz.iwlz.voorbeelden``), care assigned and exported as AW33, and the provider's AW35 (start of care)
    imported, which writes the CA317 for the CAK."""
    agb = koppeling.agb_code
    assert agb is not None
    for i, code in enumerate(_IWLZ_PROFIELEN):
        profiel = reference.lookup(code)
        start = dt.date(jaar, 1, 1) + dt.timedelta(days=rng.randint(20, 200))
        k = voorbeelden.keten(
            f"demo-{i}-{rng.random()}",
            zzp_code=profiel.cod163,
            leveringsvorm=icodes.Leveringsvorm.VERBLIJF,
            zorgkantoor=berichten.zorgkantoor_code(),
            start=start,
        )
        try:
            with uowf(write=True) as uow:
                _, indicaties = berichten.import_io31(uow, bo, iwlz.build_io31(k.io31))
            telling["io31"] += 1
            ind = indicaties[0]
            van = max(start, ind.ingangsdatum)
            with uowf(write=True) as uow:
                dossier.kies_leveringsvorm(
                    uow, bo, ind.client_id, invoer.KeuzeInvoer(leveringsvorm="verblijf", ingangsdatum=van)
                )
            if i >= 4:  # indicatie in, no care assigned yet: open work for the zorgkantoor
                continue
            with uowf(write=True) as uow:
                tw = dossier.maak_toewijzing(
                    uow,
                    bo,
                    ind.client_id,
                    invoer.ToewijzingInvoer(agb_code=agb, leveringsvorm="verblijf", van=van, zorgprofiel=code),
                )
            with uowf(write=True) as uow:
                berichten.export_aw33(uow, bo, tw.id)
            telling["aw33"] += 1
            if i >= 3:  # assigned, start of care not yet reported
                continue
            item = k.aw35.clienten[0]
            zzp = replace(
                item.geleverde_zzps[0],
                besluitnummer=int(ind.besluitnummer),
                toewijzing_ingangsdatum=van,
                begindatum=van + dt.timedelta(days=3),
                instelling=agb,
            )
            aw35 = replace(
                k.aw35,
                afzender=agb,
                dagtekening=van + dt.timedelta(days=3),
                clienten=(replace(item, geleverde_zzps=(zzp,), geleverde_functies=()),),
            )
            with uowf(write=True) as uow:
                _, ca317 = berichten.import_aw35(uow, koppeling, iwlz.build_aw35(aw35))
            telling["aw35"] += 1
            telling["ca317"] += ca317 is not None
        except (DomainError, iwlz.BerichtOngeldig, rules_engine.RulesUnavailable) as exc:
            telling.setdefault("iwlz_fouten", []).append(f"{code}: {exc}")


#: per copied table: the columns a copy gets new values for (beside ``id``), and their types
_NIEUW: dict[str, dict[str, Any]] = {
    "indicatiebesluiten": {"client_id": ID, "besluitnummer": sa.String(40)},
    "leveringsvorm_keuzes": {"client_id": ID},
    "zorgtoewijzingen": {"client_id": ID, "indicatie_id": ID},
    "aanvragen": {
        "client_id": ID,
        "vorige_id": ID,
        "ingediend_op": UTCDateTime,
        "termijn": sa.Date,
        "besloten_op": UTCDateTime,
    },
    "besluitregels": {"aanvraag_id": ID},
}


def _kopie_tabellen() -> dict[str, tuple[sa.Table, sa.Insert]]:
    """Per copied table a temporary table (``bron``: the copied row's id, ``id``: the copy's, and the new values)
    and the one ``INSERT ... SELECT`` that copies every row it names: the JSON columns (the rules' evaluations,
    the doelmatigheidstoets) are copied by the database, never decoded and encoded again here."""
    meta = sa.MetaData()
    uit: dict[str, tuple[sa.Table, sa.Insert]] = {}
    for naam, nieuw in _NIEUW.items():
        doel = orm.metadata.tables[naam]
        kopie = sa.Table(
            f"kopie_{naam}",
            meta,
            sa.Column("id", ID, primary_key=True),
            sa.Column("bron", ID, nullable=False),
            *(sa.Column(k, type_() if isinstance(type_, type) else type_) for k, type_ in nieuw.items()),
            prefixes=["TEMPORARY"],
        )
        kolommen = [c.key for c in doel.columns]
        keuze = sa.select(*(kopie.c[k] if k in kopie.c and k != "bron" else doel.c[k] for k in kolommen))
        uit[naam] = (
            kopie,
            sa.insert(doel).from_select(kolommen, keuze.join_from(doel, kopie, doel.c.id == kopie.c.bron)),
        )
    return uit


def _bsn_voor_kopie(v: _Vulling) -> str:
    rng = v.rng
    while True:
        nummer = f"999{rng.randrange(10**6):06d}"
        if nummer not in v.bsns and not nummer.startswith(_BSN_VRIJ) and bsnmod.elfproef(nummer):
            v.bsns.add(nummer)
            return nummer


def _kopieer(engine: Any, v: _Vulling, aantal: int, voortgang: Progress) -> None:
    """Clients ``len(v.client_ids)`` .. ``aantal - 1``: copies of the clients made so far (client ``n`` copies
    client ``n % SJABLONEN``), ``_PARTIJ`` clients per transaction, each table in one statement per batch. A copy
    has a new identity; its requests are moved by a random 0-30 days into the past (deadlines spread, never a
    decision in the future)."""
    sjablonen = list(v.client_ids)
    t = orm.metadata.tables
    with engine.connect() as conn:
        v.bsns.update(conn.execute(sa.select(t["clients"].c.bsn)).scalars())
        clients = {r.id: r for r in conn.execute(sa.select(t["clients"]).where(t["clients"].c.id.in_(sjablonen)))}
        rijen: dict[str, list[Any]] = {naam: [] for naam in _NIEUW}
        for naam in ("indicatiebesluiten", "leveringsvorm_keuzes", "zorgtoewijzingen", "aanvragen"):
            rijen[naam] = list(conn.execute(sa.select(t[naam]).where(t[naam].c.client_id.in_(sjablonen))))
        aanvraag_ids = [r.id for r in rijen["aanvragen"]]
        rijen["besluitregels"] = list(
            conn.execute(sa.select(t["besluitregels"].c.id, t["besluitregels"].c.aanvraag_id).where(
                t["besluitregels"].c.aanvraag_id.in_(aanvraag_ids)))
        )  # fmt: skip
        b = orm.berichten.c
        bron_berichten = list(
            conn.execute(
                sa.select(orm.berichten)
                .where(b.client_id.in_(sjablonen), b.soort.in_(demo_berichten.SOORTEN))
                .order_by(b.retour_van.is_not(None), b.aangemaakt_op, b.id)  # a received message before its retour
            )
        )
    # each source message split once into constant text and identity slots (demo_berichten)
    sjabloon = {r.id: demo_berichten.Sjabloon(r.inhoud) for r in bron_berichten}
    berichten_van: dict[str, list[Any]] = {c: [] for c in sjablonen}
    for r in bron_berichten:
        berichten_van[r.client_id].append(r)
    identiteit = {c: demo_berichten.identiteit(clients[c]) for c in sjablonen}
    achternamen = {vorm: [a for a in ACHTERNAMEN if demo_berichten.zelfde_vorm(a) == vorm] for vorm in (True, False)}
    per_client: dict[str, dict[str, list[Any]]] = {c: {naam: [] for naam in _NIEUW} for c in sjablonen}
    client_van_aanvraag = {r.id: r.client_id for r in rijen["aanvragen"]}
    for naam, lijst in rijen.items():
        for r in lijst:
            eigenaar = client_van_aanvraag[r.aanvraag_id] if naam == "besluitregels" else r.client_id
            per_client[eigenaar][naam].append(r)
    tabellen = _kopie_tabellen()
    taak = voortgang.add_task("cliënten gekopieerd (per partij)", total=aantal - len(sjablonen))
    rng = v.rng
    nu = dt.datetime.now(dt.UTC)
    for begin in range(len(sjablonen), aantal, _PARTIJ):
        eind = min(aantal, begin + _PARTIJ)
        nieuwe_clients: list[dict[str, Any]] = []
        kopie: dict[str, list[dict[str, Any]]] = {naam: [] for naam in _NIEUW}
        kopie_berichten: list[dict[str, Any]] = []
        for n in range(begin, eind):
            bron_id = sjablonen[n % len(sjablonen)]
            bron = clients[bron_id]
            client_id = nieuw_id()
            nieuwe_client = {
                **bron._mapping,
                "id": client_id,
                "bsn": _bsn_voor_kopie(v),
                "voornamen": rng.choice(VOORNAMEN),
                # a surname of the source's form (with or without voorvoegsel): its messages keep their elements
                "achternaam": rng.choice(achternamen[demo_berichten.zelfde_vorm(bron.achternaam)]),
                "straat": rng.choice(STRATEN),
                "huisnummer": str(rng.randint(1, 200)),
                "postcode": f"{rng.randint(1000, 9999)}ZZ",
                "woonplaats": rng.choice(PLAATSEN),
                "aangemaakt_op": nu,
            }
            nieuwe_clients.append(nieuwe_client)
            delen = per_client[bron_id]
            ids = {r.id: nieuw_id() for naam in _NIEUW for r in delen[naam]}
            for r in delen["indicatiebesluiten"]:
                kopie["indicatiebesluiten"].append(
                    {"bron": r.id, "id": ids[r.id], "client_id": client_id, "besluitnummer": str(900000 + n)}
                )
            if berichten_van[bron_id]:
                waarden = demo_berichten.vervanging(
                    identiteit[bron_id], demo_berichten.identiteit(SimpleNamespace(**nieuwe_client))
                )
                waarden |= {("Besluitnummer", r.besluitnummer): str(900000 + n) for r in delen["indicatiebesluiten"]}
                kopie_berichten += demo_berichten.kopie_rijen(
                    berichten_van[bron_id],
                    sjabloon,
                    waarden,
                    client_id=client_id,
                    ids=ids,
                    nieuw_id=nieuw_id,
                    identificatie=f"K{n:08d}",  # 9 of the 12 characters: unique per copy
                    nu=nu,
                )
            for r in delen["leveringsvorm_keuzes"]:
                kopie["leveringsvorm_keuzes"].append({"bron": r.id, "id": ids[r.id], "client_id": client_id})
            for r in delen["zorgtoewijzingen"]:
                kopie["zorgtoewijzingen"].append(
                    {"bron": r.id, "id": ids[r.id], "client_id": client_id, "indicatie_id": ids[r.indicatie_id]}
                )
            eerder = dt.timedelta(days=rng.randint(0, 30))
            for r in delen["aanvragen"]:
                kopie["aanvragen"].append(
                    {
                        "bron": r.id,
                        "id": ids[r.id],
                        "client_id": client_id,
                        "vorige_id": ids.get(r.vorige_id) if r.vorige_id else None,
                        "ingediend_op": r.ingediend_op - eerder,
                        "termijn": r.termijn - eerder,
                        "besloten_op": r.besloten_op - eerder if r.besloten_op else None,
                    }
                )
            for r in delen["besluitregels"]:
                kopie["besluitregels"].append({"bron": r.id, "id": ids[r.id], "aanvraag_id": ids[r.aanvraag_id]})
            for k, w in v.bijdrage[n % len(sjablonen)].items():
                v.telling[k] += w
        with engine.begin() as conn:
            conn.execute(sa.insert(orm.clients), nieuwe_clients)
            for naam, (tabel, insert) in tabellen.items():
                if not kopie[naam]:
                    continue
                tabel.create(conn, checkfirst=True)
                conn.execute(sa.insert(tabel), kopie[naam])
                conn.execute(insert)
                tabel.drop(conn)
            if kopie_berichten:  # after the copies' assignments, which their AW33s name
                conn.execute(sa.insert(orm.berichten), kopie_berichten)
        voortgang.advance(taak, eind - begin)
