"""Issue 13, second part: the budgetplan and agreements against the indication (functies of the zorgprofiel from
the rules, hours), bemiddelingskosten (Rlz art. 5.22 lid 5), and the end of a pgb (Rlz art. 5.20) with its
consequences, on a real database (SQLite; PostgreSQL with WLZ_TEST_DATABASE_URL)."""

import datetime as dt

import pytest
import sqlalchemy as sa

from wlz.common.errors import InputError
from wlz.pgb import services
from wlz.pgb.domain import einde, model, zorgruimte
from wlz.pgb.domain.zorgruimte import Bemiddeling
from wlz.pgb.storage import orm

from .conftest import BEOORDELAAR, BH1, ZV1, beschikking
from .test_app import wereld  # noqa: F401  (the fixture)

pytestmark = pytest.mark.postgres

F = model.SoortZorgverlener.formeel


def _tel(engine, table):
    with engine.connect() as c:
        return c.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()


def test_plan_care_outside_the_profile_is_refused_naming_the_line(uows, engine):
    beschikking(uows, profiel="VG6")  # VG6 holds no verpleging (Rlz bijlage C: class -1)
    with pytest.raises(InputError) as e:
        services.dien_budgetplan_in(
            uows,
            BH1,
            "b1",
            [model.Planregel("begeleiding", 100, 5_000, "zv1", F), model.Planregel("verpleging", 50, 5_000, "zv2", F)],
        )
    assert e.value.veld == "regels[1].functie" and "VG6" in e.value.melding and "bijlage C" in (e.value.regel or "")
    assert _tel(engine, orm.budgetplannen) == 0
    # the same plan without verpleging passes; huishoudelijke hulp has no class in the rules: only the budget bounds
    services.dien_budgetplan_in(
        uows,
        BH1,
        "b1",
        [
            model.Planregel("begeleiding", 100, 5_000, "zv1", F),
            model.Planregel("huishoudelijke_hulp", 50, 2_000, "x", F),
        ],
    )
    ovk = model.Zorgovereenkomst(
        "", "b1", "zv2", "verpleging", "wondzorg", 4, 5_000, dt.date(2015, 1, 1), dt.date(2015, 12, 31), True
    )
    with pytest.raises(InputError) as e:
        services.dien_overeenkomst_in(uows, BH1, ovk)
    assert e.value.veld == "functie"
    assert _tel(engine, orm.overeenkomsten) == 0


def test_plan_hours_per_zorgverlener_within_forty_a_week(uows):
    beschikking(uows)  # VG5 2015, 365 days = 52.14 weeks: at most 2085.7 hours for one zorgverlener
    regels = [
        model.Planregel("begeleiding", 1500, 1_000, "zv1", F),
        model.Planregel("verpleging", 600, 1_000, "zv1", F),
    ]
    with pytest.raises(InputError) as e:
        services.dien_budgetplan_in(uows, BH1, "b1", regels)
    assert e.value.veld == "regels[1].uren" and "40 uur per week" in e.value.melding
    regels[1] = model.Planregel("verpleging", 585, 1_000, "zv1", F)  # 2085 hours: within
    services.dien_budgetplan_in(uows, BH1, "b1", regels)


def test_bemiddelingskosten_cap_and_conditions(uows, engine):
    # the cap by hand: VG5 2015 EUR 42.701 > EUR 25.000 -> EUR 500; a half-year budget of EUR 12.000 is 24.000
    # on a yearly basis... scaled by days: 12.000 * 365 / 181 = 24.198 <= 25.000 -> EUR 250
    assert zorgruimte.bemiddeling_maximum_cent(4_270_100, dt.date(2015, 1, 1), dt.date(2015, 12, 31)) == 50_000
    assert zorgruimte.bemiddeling_maximum_cent(1_200_000, dt.date(2015, 1, 1), dt.date(2015, 6, 30)) == 25_000
    assert zorgruimte.bemiddeling_maximum_cent(2_500_000, dt.date(2015, 1, 1), dt.date(2015, 12, 31)) == 25_000
    beschikking(uows)
    regel = [model.Planregel("begeleiding", 100, 5_000, "zv1", F)]
    for b, deel in (
        (Bemiddeling(50_001, True, True), "maximum van € 500"),
        (Bemiddeling(10_000, False, True), "31 december 2011"),
        (Bemiddeling(10_000, True, False), "keurmerk"),
    ):
        with pytest.raises(InputError) as e:
            services.dien_budgetplan_in(uows, BH1, "b1", regel, bemiddeling=b)
        assert e.value.veld == "bemiddelingskosten" and deel in e.value.melding
    assert _tel(engine, orm.budgetplannen) == 0
    pid = services.dien_budgetplan_in(uows, BH1, "b1", regel, bemiddeling=Bemiddeling(50_000, True, True))
    with engine.connect() as c:
        assert c.execute(sa.select(orm.budgetplannen.c.bemiddelingskosten)).scalar_one() == 50_000
    assert pid


def _maand(m):
    van = dt.date(2015, m, 1)
    tot = (dt.date(2015, m + 1, 1) if m < 12 else dt.date(2016, 1, 1)) - dt.timedelta(days=1)
    return van, tot


def test_end_of_a_pgb_shortens_period_budget_agreements_and_vaststelling(uows, engine):
    beschikking(uows)  # VG5 2015: EUR 42.701 from the rules
    ovk = model.Zorgovereenkomst(
        "o1", "b1", "zv1", "begeleiding", "begeleiding", 10, 5_000, dt.date(2015, 1, 1), dt.date(2015, 12, 31), True
    )
    services.dien_overeenkomst_in(uows, BH1, ovk)
    services.beoordeel_overeenkomst(uows, BEOORDELAAR, "o1", True, "akkoord")
    later = model.Zorgovereenkomst(
        "o2", "b1", "zv2", "begeleiding", "begeleiding", 5, 5_000, dt.date(2015, 9, 1), dt.date(2015, 12, 31), True
    )
    services.dien_overeenkomst_in(uows, BH1, later)
    services.beoordeel_overeenkomst(uows, BEOORDELAAR, "o2", True, "akkoord")
    for m in range(1, 8):  # January to July paid, 40 h x EUR 50 = EUR 2.000 a month
        van, tot = _maand(m)
        assert services.dien_declaratie_in(uows, ZV1, "o1", van, tot, 40, 200_000, tot).betalen
    # the budgethouder died on 30 June 2015: the pgb ends on 1 July (Rlz art. 5.20 lid 1 a)
    with pytest.raises(InputError) as e:
        services.beeindig_pgb(uows, BEOORDELAAR, "b1", einde.EindeReden.overlijden, dt.date(2016, 1, 5))
    assert e.value.veld == "per"
    with pytest.raises(services.GeenToegang):
        services.beeindig_pgb(uows, BH1, "b1", einde.EindeReden.afstand, dt.date(2015, 7, 1))
    u = services.beeindig_pgb(uows, BEOORDELAAR, "b1", einde.EindeReden.overlijden, dt.date(2015, 6, 30))
    assert u.per == dt.date(2015, 7, 1)
    # the rules' budget for 1 January - 30 June (pro rata by days of care, Rlz art. 5.14 lid 3)
    from wlz.pgb.adapters import rules

    half, _ = rules.budget("VG5", dt.date(2015, 1, 1), dt.date(2015, 6, 30))
    assert half is not None and u.budget_cent == half < 4_270_100
    d = services.dossier(uows, BEOORDELAAR, "b1")
    b, g = d["beschikking"], d["grootboek"]
    assert b.tot == dt.date(2015, 6, 30) and d["einde"]["oorspronkelijk_tot"] == dt.date(2015, 12, 31)
    assert d["einde"]["oorspronkelijk_budget"] == 4_270_100
    # o1 ends with the pgb; its reservation is what 10 h/week x 181 days x EUR 50 needs less the paid 7 x 2.000
    o = {x["id"]: x for x in d["zorgovereenkomsten"]}
    assert o["o1"]["tot"] == dt.date(2015, 6, 30) and o["o1"]["beeindigd_per"] == dt.date(2015, 7, 1)
    assert o["o1"]["gereserveerd"] == max(0, round(10 * 181 / 7 * 5_000) - 7 * 200_000) == 0
    assert o["o2"]["status"] == "beeindigd" and o["o2"]["gereserveerd"] == 0
    # July was paid before the end was known: listed, not reversed here
    assert [c for _, c in u.betaald_na_einde] == [200_000]
    assert g.in_balans and g.budget == half and u.niet_verlaagd_cent == 0
    assert services.controleer_grootboek(uows) == []
    # care after the end: the unchanged declaration check refuses it by the beschikking's dates
    with pytest.raises(InputError) as e:
        services.dien_declaratie_in(uows, ZV1, "o1", *_maand(8), 10, 50_000, dt.date(2015, 9, 1))
    assert e.value.veld == "van"
    with pytest.raises(InputError):  # ending twice
        services.beeindig_pgb(uows, BEOORDELAAR, "b1", einde.EindeReden.afstand, dt.date(2015, 5, 1))
    # vaststelling over the shortened period: paid + 1,5 % of the shortened budget (min/max pro rata 181/365)
    v = services.stel_vast(uows, BEOORDELAAR, "b1", vandaag=dt.date(2015, 8, 1))
    vrij = round(min(max(half * 0.015, 25_000 * 181 / 365), 125_000 * 181 / 365))
    assert v.vastgesteld_cent == min(half, 7 * 200_000 + vrij)
    assert services.controleer_grootboek(uows) == []


def test_end_with_a_user_supplied_budget_goes_pro_rata(uows):
    beschikking(uows, jaar=2020, bedrag=36_600.0)  # 2020: the rules know no amount; 366 days
    u = services.beeindig_pgb(uows, BEOORDELAAR, "b1", einde.EindeReden.afstand, dt.date(2020, 4, 1))
    assert u.budget_cent == round(3_660_000 * 91 / 366) and "5.14" in u.budget_bron


def test_api_and_pages_plan_refusals_and_the_end_with_its_letter(wereld):  # noqa: F811
    from fastapi.testclient import TestClient

    from .test_app import _login

    app, tokens, _ = wereld
    bh = {"Authorization": f"Bearer {tokens['budgethouder']}"}
    zk = {"Authorization": f"Bearer {tokens['beoordelaar']}"}
    regel = {"functie": "begeleiding", "uren": 100, "uurtarief": 50, "zorgverlener": "zv1", "soort": "formeel"}
    with TestClient(app) as c:
        r = c.post(
            "/api/beschikkingen/b1/budgetplan",
            json={"regels": [regel], "bemiddelingskosten": {"bedrag": 600, "awbz_pgb_2011": True, "keurmerk": True}},
            headers=bh,
        )
        assert r.status_code == 422 and r.json()["detail"][0]["loc"][-1] == "bemiddelingskosten" and "5.22" in r.text
        r = c.post("/api/beschikkingen/b1/einde", json={"reden": "afstand", "datum": "2015-10-01"}, headers=bh)
        assert r.status_code == 403
        r = c.post("/api/beschikkingen/b1/einde", json={"reden": "weg", "datum": "2015-10-01"}, headers=zk)
        assert r.status_code == 422
        csrf = _login(c, "beoordelaar")
        r = c.post("/dossiers/b1/einde", data={"csrf": csrf, "reden": "afstand", "datum": "2015-10-01"})
        assert r.status_code == 200 and "beëindigd per 01-10-2015" in r.text
        brief = c.get("/dossiers/b1/einde-brief").text
        assert "Beëindiging van uw persoonsgebonden budget" in brief and "artikel 5.20" in brief
        assert "30-09-2015" in brief and "bezwaar" in brief
        assert c.get("/dossiers/b1/einde-brief.pdf").content.startswith(b"%PDF")
        r = c.post("/api/beschikkingen/b1/einde", json={"reden": "afstand", "datum": "2015-09-01"}, headers=zk)
        assert r.status_code == 422 and r.json()["detail"][0]["loc"][-1] == "per"
