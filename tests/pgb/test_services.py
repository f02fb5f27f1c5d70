"""The pgb use cases on a real database: a year of one budgethouder, authorization per role, the access log,
bad input refused with nothing half-written, the ledger check and the export for wlz analyse."""

import datetime as dt

import pytest
import sqlalchemy as sa

from wlz.claims.inputs import COLUMNS
from wlz.common.errors import InputError
from wlz.pgb import services
from wlz.pgb.domain import model
from wlz.pgb.storage import orm

from .conftest import BEOORDELAAR, BH1, BH2, ZV1, ZV2, beschikking

pytestmark = pytest.mark.postgres


def ovk(bid="b1", zv="zv1", uren=20.0, tarief=5_000, derdenbeding=True, **kw):
    return model.Zorgovereenkomst(
        id=kw.pop("id", ""),
        beschikking_id=bid,
        zorgverlener_id=zv,
        functie="begeleiding",
        zorgbeschrijving="begeleiding bij dagstructuur, drie dagdelen per week",
        uren_per_week=uren,
        uurtarief_cent=tarief,
        van=kw.pop("van", dt.date(2015, 1, 1)),
        tot=kw.pop("tot", dt.date(2015, 12, 31)),
        derdenbeding=derdenbeding,
        **kw,
    )


def _tel(engine, table):
    with engine.connect() as c:
        return c.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()


def test_a_year_plan_agreement_declarations_refusal_vaststelling_and_vordering(uows, engine):
    beschikking(uows)  # VG5 2015: the rules' amount (EUR 42.701)
    plan = services.dien_budgetplan_in(
        uows, BH1, "b1", [model.Planregel("begeleiding", 800, 5_000, "Zorg BV", model.SoortZorgverlener.formeel)]
    )
    services.beoordeel_budgetplan(uows, BEOORDELAAR, plan, True, "past binnen budget en tarieven")
    oid, _ = services.dien_overeenkomst_in(uows, BH1, ovk(uren=15))
    services.beoordeel_overeenkomst(uows, BEOORDELAAR, oid, True, "volgens model SVB")
    d = services.dossier(uows, BH1, "b1")
    g = d["grootboek"]
    assert g.budget == 4_270_100 and g.gereserveerd == round(15 * 365 / 7 * 5_000) == 3_910_714 and g.in_balans
    for maand in range(1, 13):
        van = dt.date(2015, maand, 1)
        tot = (dt.date(2015, maand + 1, 1) if maand < 12 else dt.date(2016, 1, 1)) - dt.timedelta(days=1)
        o = services.dien_declaratie_in(uows, ZV1, oid, van, tot, 80, 400_000, tot + dt.timedelta(days=5))
        assert o.betalen == (maand <= 9), maand  # the 10th: EUR 3.107,14 left of the reservation
    d = services.dossier(uows, BH1, "b1")
    assert d["grootboek"].betaald == 400_000 * sum(1 for x in d["declaraties"] if x["betaald"])
    assert any(not x["betaald"] and "budget" in x["reden"] for x in d["declaraties"])  # over-budget refused
    assert d["per_maand"][0] == (1, 400_000) and d["per_maand"][11] == (12, 0)
    v = services.stel_vast(uows, BEOORDELAAR, "b1")
    g = services.dossier(uows, BEOORDELAAR, "b1")["grootboek"]
    assert g.beschikbaar == g.gereserveerd == 0 and g.betaald + g.teruggegeven == g.budget
    assert v.vastgesteld_cent == g.betaald + 64_052  # Rlz 5.21 lid 3: paid + 1,5 % of the budget (2015)
    vd = services.registreer_vordering(
        uows,
        BEOORDELAAR,
        "b1",
        model.Debiteur.zorgverlener,
        "zv1",
        "uren niet geleverd",
        80_000,
        dt.date(2016, 2, 1),
        te_goeder_trouw=True,
        overeenkomst_id=oid,
    )
    assert vd.debiteur_type is model.Debiteur.zorgverlener and vd.debiteur_id == "zv1"
    r = services.vorderingen_rapport(uows, BEOORDELAAR, dt.date(2016, 3, 1))
    assert [(x.zorgkantoor, x.regeling, x.aantal, x.bedrag_cent) for x in r] == [
        ("Zorgkantoor Voorbeeld", "wlz", 1, 80_000)
    ]
    services.wijzig_vordering(uows, BEOORDELAAR, vd.id, model.VorderingStatus.betalingsregeling)
    services.wijzig_vordering(uows, BEOORDELAAR, vd.id, model.VorderingStatus.betaald)
    with pytest.raises(InputError) as e:  # a paid vordering stays paid
        services.wijzig_vordering(uows, BEOORDELAAR, vd.id, model.VorderingStatus.open)
    assert e.value.veld == "status"
    # paid today: no longer outstanding today; on 1 March 2016 it still was (the status history, issue 13 e)
    assert services.vorderingen_rapport(uows, BEOORDELAAR, dt.date.today())[0].aantal == 0
    assert services.vorderingen_rapport(uows, BEOORDELAAR, dt.date(2016, 3, 1))[0].aantal == 1
    assert services.controleer_grootboek(uows) == []
    with engine.connect() as c:
        # payments only to the zorgverlener, never to the budgethouder
        assert {r[0] for r in c.execute(sa.select(orm.betalingen.c.zorgverlener_id))} == {"zv1"}
        assert c.execute(sa.select(sa.func.count()).select_from(orm.toegangslog)).scalar_one() > 10


def test_roles_see_only_their_own_file(uows):
    beschikking(uows)
    beschikking(uows, "b2", "bh2")
    oid, _ = services.dien_overeenkomst_in(uows, BH1, ovk())
    services.beoordeel_overeenkomst(uows, BEOORDELAAR, oid, True, "akkoord")
    with pytest.raises(services.GeenToegang):
        services.dossier(uows, BH2, "b1")
    with pytest.raises(services.GeenToegang):
        services.dossier(uows, ZV2, "b1")
    assert services.dossier(uows, ZV1, "b1")["budgetplannen"] == []  # a zorgverlener sees no plan
    with pytest.raises(services.GeenToegang):
        services.dien_overeenkomst_in(uows, BH2, ovk())
    with pytest.raises(services.GeenToegang):
        services.dien_declaratie_in(
            uows, ZV2, oid, dt.date(2015, 2, 1), dt.date(2015, 2, 28), 10, 50_000, dt.date(2015, 3, 1)
        )
    with pytest.raises(services.GeenToegang):
        services.dien_declaratie_in(
            uows, BH2, oid, dt.date(2015, 2, 1), dt.date(2015, 2, 28), 10, 50_000, dt.date(2015, 3, 1)
        )
    for f in (
        lambda a: services.beoordeel_overeenkomst(uows, a, oid, True, "x"),
        lambda a: services.stel_vast(uows, a, "b1"),
    ):
        for a in (BH1, ZV1):
            with pytest.raises(services.GeenToegang):
                f(a)
    with pytest.raises(services.GeenToegang):
        services.export_pgb_tabel(uows, BH1, 2015)


@pytest.mark.parametrize(
    "maak, veld",
    [
        (
            lambda u, oid: services.dien_declaratie_in(
                u, ZV1, oid, dt.date(2015, 3, 1), dt.date(2015, 3, 31), 10, -100, dt.date(2015, 4, 1)
            ),
            "bedrag",
        ),
        (
            lambda u, oid: services.dien_declaratie_in(
                u, ZV1, oid, dt.date(2015, 3, 2), dt.date(2015, 3, 8), 45, 100, dt.date(2015, 4, 1)
            ),
            "uren",
        ),
        (
            lambda u, oid: services.dien_declaratie_in(
                u, ZV1, oid, dt.date(2016, 1, 1), dt.date(2016, 1, 7), 4, 100, dt.date(2016, 1, 9)
            ),
            "van",
        ),
        (lambda u, oid: services.dien_overeenkomst_in(u, BH1, ovk(derdenbeding=False)), "derdenbeding"),
        (lambda u, oid: services.dien_overeenkomst_in(u, BH1, ovk(uren=41)), "uren_per_week"),
        (lambda u, oid: services.dien_overeenkomst_in(u, BH1, ovk(tarief=6_301)), "uurtarief"),
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(uows, engine, maak, veld):
    beschikking(uows)
    oid, _ = services.dien_overeenkomst_in(uows, BH1, ovk())
    services.beoordeel_overeenkomst(uows, BEOORDELAAR, oid, True, "akkoord")
    voor = {t.name: _tel(engine, t) for t in orm.metadata.sorted_tables}
    with pytest.raises(InputError) as e:
        maak(uows, oid)
    assert e.value.veld == veld
    assert {t.name: _tel(engine, t) for t in orm.metadata.sorted_tables} == voor


def test_unknown_year_needs_the_users_amount_and_the_export_has_the_pgb_table_columns(uows):
    with pytest.raises(InputError) as e:
        beschikking(uows, "b24", jaar=2024)
    assert (
        e.value.veld == "bedrag"
        and "onbekend" not in e.value.melding.lower()
        or "geef het bedrag op" in e.value.melding
    )
    beschikking(uows, "b24", jaar=2024, bedrag=51_234.5)
    beschikking(uows, "b15", "bh2", jaar=2015)
    rows = services.export_pgb_tabel(uows, BEOORDELAAR, 2024)
    assert rows == [
        {
            "regelnummer": 1,
            "client_id": "bh1",
            "begindatum": dt.date(2024, 1, 1),
            "einddatum": dt.date(2024, 12, 31),
            "zzp_code": "808",
            "bedrag": 51_234.5,
        }
    ]
    assert set(rows[0]) == set(COLUMNS["pgb"])
    d = services.dossier(uows, BH1, "b24")
    assert "opgegeven door de gebruiker" in d["beschikking"].budget_bron
    with pytest.raises(InputError) as e:  # Rlz art. 5.21: only after the period
        services.stel_vast(uows, BEOORDELAAR, "b24", vandaag=dt.date(2024, 12, 31))
    assert e.value.regel == "Rlz art. 5.21, lid 1"
    v = services.stel_vast(uows, BEOORDELAAR, "b24", vandaag=dt.date(2025, 1, 2))
    assert v.vastgesteld_cent == 0 and v.teruggegeven_cent == 5_123_450  # nothing paid: nil (lid 4), all returned


def test_the_report_at_a_past_peildatum_uses_the_status_of_that_day(uows):
    """Issue 13 (e): each status change is kept with who and from which day; the trend uses the status then."""
    beschikking(uows)
    v = services.registreer_vordering(
        uows, BEOORDELAAR, "b1", model.Debiteur.budgethouder, "bh1", "te veel betaald", 50_000, dt.date(2015, 3, 1)
    )
    services.wijzig_vordering(uows, BEOORDELAAR, v.id, model.VorderingStatus.betalingsregeling, dt.date(2016, 1, 10))
    services.wijzig_vordering(uows, BEOORDELAAR, v.id, model.VorderingStatus.betaald, dt.date(2016, 6, 1))
    with pytest.raises(InputError) as e:  # closed stays closed
        services.wijzig_vordering(uows, BEOORDELAAR, v.id, model.VorderingStatus.open, dt.date(2016, 7, 1))
    assert e.value.veld == "status"
    rapport = {r.zorgkantoor: r for r in services.vorderingen_rapport(uows, BEOORDELAAR, dt.date(2016, 3, 1))}
    r = rapport["Zorgkantoor Voorbeeld"]
    # on 1 March 2016 it was in a betalingsregeling (outstanding); a year before, on 1 March 2015, open
    assert (r.aantal, r.bedrag_cent, r.vorig_jaar_bedrag_cent) == (1, 50_000, 50_000)
    later = services.vorderingen_rapport(uows, BEOORDELAAR, dt.date(2016, 7, 1))[0]
    assert (later.aantal, later.bedrag_cent, later.vorig_jaar_bedrag_cent) == (0, 0, 50_000)
    eerder = services.vorderingen_rapport(uows, BEOORDELAAR, dt.date(2015, 2, 1))[0]
    assert (eerder.aantal, eerder.vorig_jaar_bedrag_cent) == (0, 0)  # it did not exist yet
    with uows() as uow:
        h = orm.vordering_statussen.c
        rows = uow.session.execute(
            sa.select(h.status, h.geldig_vanaf, h.gebruikersnaam).where(h.vordering_id == v.id).order_by(h.id)
        ).all()
    assert [(x[0], x[1]) for x in rows] == [
        ("open", dt.date(2015, 3, 1)),
        ("betalingsregeling", dt.date(2016, 1, 10)),
        ("betaald", dt.date(2016, 6, 1)),
    ]
    assert {x[2] for x in rows} == {"beoordelaar1"}
    # a change dated in the future, or before the last one, is refused, nothing written
    w = services.registreer_vordering(
        uows, BEOORDELAAR, "b1", model.Debiteur.budgethouder, "bh1", "nog een", 1_000, dt.date(2015, 5, 1)
    )
    with pytest.raises(InputError) as e:
        services.wijzig_vordering(uows, BEOORDELAAR, w.id, model.VorderingStatus.afgeboekt, dt.date(2015, 4, 1))
    assert e.value.veld == "per"
    with pytest.raises(InputError) as e:
        services.wijzig_vordering(
            uows, BEOORDELAAR, w.id, model.VorderingStatus.afgeboekt, dt.date.today() + dt.timedelta(days=1)
        )
    assert e.value.veld == "per" and "toekomst" in e.value.melding
    assert services.vorderingen_rapport(uows, BEOORDELAAR, dt.date.today())[0].aantal == 1  # w still open
