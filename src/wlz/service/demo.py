"""``wlz demo``: a fresh database with a few hundred synthetic clients in all situations, and one demo user
per role. Everything is synthetic: names from short lists, BSNs in the 99999xxxx test block passing the
elfproef, addresses in made-up streets. Amounts and eligibility come from the rules engine, never from here.
"""

from __future__ import annotations

import datetime as dt
import random

from wlz import bsn as bsnmod
from wlz import reference

from .adapters import regels
from .domain.aanvraag import BESLISTERMIJN
from .domain.fouten import DomeinFout
from .services import aanvragen, auth, dossier, invoer
from .services.actor import SYSTEEM, Actor
from .storage import migrate
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


#: Years in which the rules know the pgb/mpt amounts (so the demo's decisions show real figures, not
#: "onbekend"): 2017 for VG3-VG8 (seed 000, tabel 1), 2015 for every profile. Requests are submitted recently
#: (so deadlines and overdue work are real) but ask for care in these years; the summary says so.
_JAAR_2017 = {"VG3", "VG4", "VG5", "VG6", "VG7", "VG8"}


def demojaar(profielcode: str) -> int:
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


def vul(engine, *, reset: bool, aantal: int = 300, seed: int = 2024) -> str:
    if reset:
        migrate.downgrade_base(engine)
    migrate.upgrade(engine)
    uowf = UnitOfWorkFactory(engine)
    with uowf() as uow:
        if uow.clients.aantal() or uow.gebruikers.met_naam("beoordelaar"):
            return "De database is niet leeg. Gebruik 'wlz demo --reset' om opnieuw te beginnen."
    rng = random.Random(seed)
    vandaag = dt.date.today()
    rekenregels = regels.beschikbaar()
    profielen = [
        z
        for z in reference.zorgprofielen().values()
        if not z.buiten_wlz and not z.alleen_overgangsrecht and not z.code.startswith("VV9")
    ]

    with uowf(schrijven=True) as uow:
        beoordelaar = auth.maak_gebruiker(
            uow,
            SYSTEEM,
            gebruikersnaam="beoordelaar",
            naam="Bea Beoordelaar",
            rol="beoordelaar",
            wachtwoord="demo-beoordelaar",
        )
        uow.commit()
    bo = _actor(beoordelaar, "beoordelaar")

    bsns: set[str] = set()
    client_ids: list[str] = []
    telling = {"thuis": 0, "verblijf": 0, "zonder keuze": 0, "aanvragen": 0, "besloten": 0}
    for n in range(aantal):
        while (nummer := bsnmod.synthetisch(rng)) in bsns:
            pass
        bsns.add(nummer)
        geboren = dt.date(rng.randint(1930, 2015), rng.randint(1, 12), rng.randint(1, 28))
        with uowf(schrijven=True) as uow:
            c = dossier.registreer_client(
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
        client_ids.append(c.id)
        profiel = rng.choice(profielen)
        jaar = demojaar(profiel.code)
        ingang = dt.date(jaar, 1, 1) + dt.timedelta(days=rng.randint(0, 80))
        with uowf(schrijven=True) as uow:
            dossier.registreer_indicatie(
                uow,
                SYSTEEM,
                c.id,
                invoer.IndicatieInvoer(
                    besluitnummer=str(900000 + n),  # numeric, as iWlz (AW33) carries it
                    zorgprofiel=profiel.code,
                    grondslagen=GRONDSLAG.get(profiel.sector, ["01"]),
                    ingangsdatum=ingang,
                ),
            )
        # leveringsvorm: about 4 in 10 at home (the home forms need the rules' doelmatigheidstoets)
        lv = rng.choices(["verblijf", "vpt", "mpt", "pgb", "mpt_pgb"], weights=[60, 8, 14, 12, 6])[0]
        if lv in ("pgb", "mpt_pgb") and profiel.pgb == "nee":
            lv = "mpt"
        keuze_datum = ingang
        if lv != "verblijf" and not rekenregels:
            telling["zonder keuze"] += 1
            lv = None
        if lv:
            try:
                with uowf(schrijven=True) as uow:
                    k = dossier.kies_leveringsvorm(
                        uow,
                        bo,
                        c.id,
                        invoer.KeuzeInvoer(
                            leveringsvorm=lv,
                            ingangsdatum=keuze_datum,
                            mpt_kosten=rng.choice([0, 15000, 30000]) if lv in ("mpt", "mpt_pgb") else 0,
                            pgb_deel=rng.choice([10000, 25000]) if lv == "mpt_pgb" else 0,
                            gewaarborgde_hulp=profiel.pgb == "gewaarborgde_hulp",
                        ),
                    )
                telling["thuis" if lv != "verblijf" and k.geaccepteerd else "verblijf"] += 1
            except (DomeinFout, regels.RegelsNietBeschikbaar):
                telling["zonder keuze"] += 1
                lv = None
        agb = AANBIEDERS[0] if n % 3 == 0 else rng.choice(AANBIEDERS)
        if lv and lv != "pgb":
            with uowf(schrijven=True) as uow:
                tw = dossier.maak_toewijzing(
                    uow,
                    SYSTEEM,
                    c.id,
                    invoer.ToewijzingInvoer(agb_code=agb, leveringsvorm=lv, van=keuze_datum, zorgprofiel=profiel.code),
                )
                if rng.random() < 0.8:
                    tw.zorg_gestart(keuze_datum)
                    if rng.random() < 0.1:
                        tw.zorg_beeindigd(keuze_datum + dt.timedelta(days=200), "verhuizing")
                    uow.commit()
        # requests for extra care for clients at home, in every state
        if lv and lv != "verblijf" and rng.random() < 0.3:
            telling["aanvragen"] += 1
            _aanvraag(uowf, bo, c.id, rng, vandaag, telling, jaar=jaar, pgb=lv in ("pgb", "mpt_pgb"))

    with uowf(schrijven=True) as uow:
        for naam, volledig, rol, wachtwoord, agb in DEMO_GEBRUIKERS[1:]:
            auth.maak_gebruiker(
                uow,
                SYSTEEM,
                gebruikersnaam=naam,
                naam=volledig,
                rol=rol,
                wachtwoord=wachtwoord,
                agb_code=agb,
                client_id=(telling.get("besloten_clients") or client_ids)[0] if rol == "client" else None,
            )
        systeem = auth.maak_gebruiker(
            uow,
            SYSTEEM,
            gebruikersnaam="systeem-aanbieder",
            naam="Koppeling Zorggroep De Linde",
            rol="aanbieder",
            agb_code=AANBIEDERS[0],
        )
        _, token = auth.maak_token(uow, SYSTEEM, systeem.id, "demo-koppeling")
        uow.commit()

    regels_tekst = (
        ""
        if rekenregels
        else (
            "\nLet op: de rekenregels (wlz.rules) zijn niet beschikbaar; zorg thuis, beoordelingen en besluiten zijn "
            "daarom niet aangemaakt."
        )
    )
    gebruikers = "\n".join(f"  {n:<12} wachtwoord: {w:<18} ({r})" for n, _, r, w, _ in DEMO_GEBRUIKERS)
    return (
        f"Demodatabase gevuld: {aantal} cliënten ({telling['verblijf']} met verblijf, {telling['thuis']} thuis, "
        f"{telling['zonder keuze']} zonder vastgelegde keuze), {telling['aanvragen']} aanvragen extra zorg "
        f"({telling['besloten']} besloten, elk met een besluitbrief).{regels_tekst}\n"
        "De aanvragen zijn recent ingediend (termijnen en te late aanvragen kloppen met vandaag), maar vragen zorg in "
        "2015 of 2017 (VG3-VG8): alleen voor die jaren kennen de rekenregels de budgetten. Voor andere jaren toont "
        "de service 'onbekend' in plaats van een bedrag.\n"
        f"Demogebruikers (inloggen op /inloggen):\n{gebruikers}\n"
        f"  API-token van systeemaccount 'systeem-aanbieder' (AGB {AANBIEDERS[0]}): {token}"
    )


def _aanvraag(
    uowf, bo: Actor, client_id: str, rng: random.Random, vandaag: dt.date, telling: dict, *, jaar: int, pgb: bool
) -> None:
    dagen_geleden = rng.randint(0, 120)
    ingediend = dt.datetime.combine(vandaag - dt.timedelta(days=dagen_geleden), dt.time(10), tzinfo=dt.UTC)
    van = dt.date(jaar, 4, 1)
    criteria: dict = {"ekt_gevraagd": float(rng.choice([2000, 5000, 9000]))}
    if rng.random() < 0.5:
        criteria["geboortedatum_jongste_kind"] = dt.date(jaar - rng.randint(1, 15), 6, 1).isoformat()
    if rng.random() < 0.4:
        criteria.update(meerzorg_gevraagd=float(rng.choice([3000, 6000])), meerzorg_zzp_31_december_2014=True)
    if rng.random() < 0.3:
        criteria.update(wacht_op_opname_sinds=dt.date(jaar, 2, 1).isoformat(), overbruggingszorg_gevraagd=2000.0)
    if pgb:
        criteria["gewaarborgde_hulp"] = True
        if rng.random() < 0.4:
            criteria.update(medische_noodzaak_permanent_toezicht=True, geen_cognitieve_beperking=True,
                            budget_zelf_beheren=True)  # fmt: skip
    intake = invoer.IntakeInvoer(
        periode_van=van,
        periode_tot=dt.date(van.year, 12, 31),
        criteria=criteria,
        zorgbehoefte_uren_per_week=rng.choice([20, 30, 40, 60]),
        profiel_uren_per_week=rng.choice([15, 20, 25]),
        dagbesteding=rng.random() < 0.5,
        bijdrageplichtig_inkomen=rng.choice([15000, 25000, 40000]),
        vermogen=rng.choice([0, 20000, 80000]),
        toelichting="Synthetische demo-aanvraag: de mantelzorger kan de avonden niet meer opvangen.",
    )
    try:
        with uowf(schrijven=True) as uow:
            a = aanvragen.dien_in(uow, bo, client_id, intake)
            a.ingediend_op = ingediend
            a.termijn = ingediend.date() + BESLISTERMIJN
            uow.commit()
    except DomeinFout:
        telling["aanvragen"] -= 1
        return
    stap = rng.choice(["ingediend", "in_behandeling", "advies_gevraagd", "besloten", "besloten"])
    if stap == "ingediend":
        return
    with uowf(schrijven=True) as uow:
        aanvragen.neem_in_behandeling(uow, bo, a.id)
    if stap == "advies_gevraagd":
        with uowf(schrijven=True) as uow:
            aanvragen.vraag_advies(
                uow,
                bo,
                a.id,
                invoer.AdviesVraagInvoer(aan="CCE", vraag="Is de gevraagde extra zorg passend bij de zorgvraag?"),
            )
        return
    if stap == "besloten" and a.evaluatie:
        regels_in = []
        for naam, u in a.uitkomsten().items():
            ja = bool(u.in_aanmerking) and rng.random() < 0.85
            maanden = min(9, u.max_looptijd_maanden or 12)  # e.g. overbruggingszorg: a (voorbeeld) term of 6
            eind = dt.date(van.year + (van.month + maanden - 1) // 12, (van.month + maanden - 1) % 12 + 1, 1)
            regels_in.append(
                invoer.BesluitregelInvoer(
                    regeling=naam,
                    toegekend=ja,
                    van=van if ja else None,
                    tot=eind - dt.timedelta(days=1) if ja else None,
                )
            )
        try:
            with uowf(schrijven=True) as uow:
                aanvragen.besluit(
                    uow,
                    bo,
                    a.id,
                    invoer.BesluitInvoer(
                        motivatie="Besloten op grond van de beoordeling door de rekenregels (demo).", regels=regels_in
                    ),
                )
                b = uow.aanvragen.get(a.id)
                # a realistic spread of decision dates: most within the term, some after it
                b.besloten_op = ingediend + dt.timedelta(days=rng.choice([10, 20, 35, 50, 60, 70]))
                if b.besloten_op.date() > vandaag:
                    b.besloten_op = dt.datetime.combine(vandaag, dt.time(9), tzinfo=dt.UTC)
                uow.commit()
            telling["besloten"] += 1
            telling.setdefault("besloten_clients", []).append(client_id)
        except (DomeinFout, regels.RegelsNietBeschikbaar):
            return
