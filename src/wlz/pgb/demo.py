"""Demo data of the pgb service: synthetic budgethouders (ids only, no BSN is stored here) with a beschikking
of 2015 (the year the rules and Rlz art. 5.22 both have amounts), a budgetplan, agreements, monthly payments, a
declaration refused for lack of budget, a vaststelling and a vordering on a zorgverlener; one demo account per
role. Everything through the use cases, so the demo obeys the same checks as a user."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.engine import Engine

from . import services
from .domain import model
from .domain.betaalbestand import maak_iban
from .services import BEHEERDER, BEOORDELAAR, BUDGETHOUDER, ZORGVERLENER, Actor, PgbBeschikking
from .storage.uow import MIGRATIONS, unit_of_work_factory, upgrade

#: (gebruikersnaam, rol, wachtwoord, budgethouder_id, zorgverlener_id)
DEMO_GEBRUIKERS = (
    ("beoordelaar", BEOORDELAAR, "demo-beoordelaar", None, None),
    ("budgethouder", BUDGETHOUDER, "demo-budgethouder", "bh-001", None),
    ("zorgverlener", ZORGVERLENER, "demo-zorgverlener", None, "zv-001"),
    ("beheerder", BEHEERDER, "demo-beheerder", None, None),
)

#: synthetic budgethouders: (id, zorgprofiel, gewaarborgde hulp, minderjarig)
BUDGETHOUDERS = (
    ("bh-001", "VG5", "ouder (synthetisch)", False),
    ("bh-002", "LG6", "partner (synthetisch)", False),
    ("bh-003", "VV6", "dochter (synthetisch)", False),
    ("bh-004", "VG4", "ouder (synthetisch)", True),
)


def _maand(m: int) -> tuple[dt.date, dt.date]:
    van = dt.date(2015, m, 1)
    tot = (dt.date(2015, m + 1, 1) if m < 12 else dt.date(2016, 1, 1)) - dt.timedelta(days=1)
    return van, tot


def vul(engine: Engine, *, reset: bool = False) -> str:
    if reset:
        MIGRATIONS.downgrade_base(engine)
    upgrade(engine)
    uows = unit_of_work_factory(engine)
    for naam, rol, wachtwoord, bh, zv in DEMO_GEBRUIKERS:
        services.maak_gebruiker(uows, naam, f"Demo {rol}", rol, wachtwoord, bh, zv)
    zk = Actor("demo", "demo", BEOORDELAAR, "cli")
    betaald = geweigerd = 0
    for i, (bh, profiel, hulp, minder) in enumerate(BUDGETHOUDERS):
        bid = f"pgb-2015-{bh}"
        services.registreer_beschikking(
            uows,
            zk,
            PgbBeschikking(
                beschikking_id=bid,
                client_id=bh,
                zorgprofiel=profiel,
                van=dt.date(2015, 1, 1),
                tot=dt.date(2015, 12, 31),
                zorgkantoor="Zorgkantoor Voorbeeld",
                gewaarborgde_hulp=hulp,
                minderjarig=minder,
            ),
        )
        ik = Actor(f"demo-{bh}", bh, BUDGETHOUDER, "cli", budgethouder_id=bh)
        plan = services.dien_budgetplan_in(
            uows,
            ik,
            bid,
            [
                model.Planregel("begeleiding", 400, 5_500, "zv-001", model.SoortZorgverlener.formeel),
                model.Planregel(
                    "persoonlijke_verzorging", 300, 2_000, f"mantelzorger-{i}", model.SoortZorgverlener.informeel
                ),
            ],
        )
        services.beoordeel_budgetplan(uows, zk, plan, True, "binnen het budget en de maximumtarieven van 2015")
        oid, _ = services.dien_overeenkomst_in(
            uows,
            ik,
            model.Zorgovereenkomst(
                id=f"ovk-{bh}-1",
                beschikking_id=bid,
                zorgverlener_id="zv-001",
                functie="begeleiding",
                zorgbeschrijving="Begeleiding bij dagstructuur en sociale contacten, drie dagdelen per week.",
                uren_per_week=12 + 4 * i,
                uurtarief_cent=5_500,
                van=dt.date(2015, 1, 1),
                tot=dt.date(2015, 12, 31),
                derdenbeding=True,
            ),
        )
        services.beoordeel_overeenkomst(uows, zk, oid, True, "volgens het model van de SVB, met derdenbeding")
        zorgverlener = Actor("demo-zv", "zv-001", ZORGVERLENER, "cli", zorgverlener_id="zv-001")
        for m in range(1, 13):
            van, tot = _maand(m)
            uren = (12 + 4 * i) * 4 + (20 if i == 3 and m > 9 else 0)
            o = services.dien_declaratie_in(
                uows, zorgverlener, oid, van, tot, uren, uren * 5_500, tot + dt.timedelta(days=7)
            )
            betaald += o.betalen
            geweigerd += not o.betalen
        if i < 2:
            services.stel_vast(uows, zk, bid)
        if i == 0:
            services.registreer_vordering(
                uows,
                zk,
                bid,
                model.Debiteur.zorgverlener,
                "zv-001",
                "gedeclareerde uren niet geleverd (synthetisch)",
                44_000,
                dt.date(2016, 2, 1),
                te_goeder_trouw=True,
                overeenkomst_id=oid,
            )
    # accounts for the payment file (synthetic IBANs of the made-up bank code WLZB, check digits computed): the
    # zorgverlener's (payee) and each budgethouder's own (known only to be refused as payee)
    services.registreer_rekening(
        uows, zk, ZORGVERLENER, "zv-001", maak_iban("NL", "WLZB0000000001"), "Zorg Voorbeeld BV"
    )
    for i, (bh, *_) in enumerate(BUDGETHOUDERS):
        services.registreer_rekening(
            uows, zk, BUDGETHOUDER, bh, maak_iban("NL", f"WLZB00000001{i:02d}"), f"Budgethouder {bh}"
        )
    fouten = services.controleer_grootboek(uows)
    gebruikers = "\n".join(f"  {n:<13} wachtwoord: {w:<18} ({r})" for n, r, w, _, _ in DEMO_GEBRUIKERS)
    return (
        f"{len(BUDGETHOUDERS)} budgethouders met beschikking 2015, budgetplan en zorgovereenkomst; "
        f"{betaald} declaraties betaald, {geweigerd} geweigerd; 2 vastgesteld; 1 vordering; rekeningen voor het "
        f"betaalbestand vastgelegd.\n"
        f"Grootboek: {'in balans' if not fouten else '; '.join(fouten)}\nDemogebruikers:\n{gebruikers}"
    )
