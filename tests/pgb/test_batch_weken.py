"""The weekly limit across New Year and the batch's set-based decisions.

- Rlz art. 5.18 onder d counts forty hours per calendar week per zorgverlener for the budgethouder: the week of
  28 December 2015 - 3 January 2016 holds the hours declared under the 2015 beschikking and under the 2016 one,
  on the normal path and on the batch path (within one batch and on top of an earlier payment).
- Monthly declarations that cannot depend on their order are decided set-based, the others one line after the
  other; both give what ``dien_declaratie_in`` gives one by one (outcomes, ledger, journal).

Runs on SQLite, and on PostgreSQL when ``WLZ_TEST_DATABASE_URL`` points at one."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from wlz.common.errors import InputError
from wlz.pgb import batch, services
from wlz.pgb.domain import model

from .conftest import BEOORDELAAR, beschikking
from .test_batch import _een_voor_een, _stand, twee  # noqa: F401  (twee: the fixture of two databases)

pytestmark = pytest.mark.postgres

ZV = services.Actor("u-zv", "zv", services.ZORGVERLENER, zorgverlener_id="zv1")


def _overeenkomst(uows, oid: str, bid: str, bh: str, van: dt.date, tot: dt.date, uren: float = 40) -> None:
    o = model.Zorgovereenkomst(
        id=oid,
        beschikking_id=bid,
        zorgverlener_id="zv1",
        functie="begeleiding",
        zorgbeschrijving="begeleiding",
        uren_per_week=uren,
        uurtarief_cent=2_500,
        van=van,
        tot=tot,
        derdenbeding=True,
    )
    services.dien_overeenkomst_in(uows, services.Actor("u", "b", services.BUDGETHOUDER, budgethouder_id=bh), o)
    services.beoordeel_overeenkomst(uows, BEOORDELAAR, oid, True, "akkoord")


def _twee_jaren(uows) -> None:
    """Budgethouder bh1: a beschikking for 2015 (the rules' amount) and one for 2016 (the user's amount: the rules
    know none), each with an approved agreement with the same zorgverlener for December / January."""
    beschikking(uows, "b15", "bh1", 2015)
    beschikking(uows, "b16", "bh1", 2016, bedrag=20_000)  # voorbeeld: a user-supplied budget for 2016
    _overeenkomst(uows, "o15", "b15", "bh1", dt.date(2015, 12, 1), dt.date(2015, 12, 31))
    _overeenkomst(uows, "o16", "b16", "bh1", dt.date(2016, 1, 1), dt.date(2016, 1, 31))


# Monday 28 December 2015 - Sunday 3 January 2016: 30 h in 2015 (4 days), 12 h in 2016 (3 days) = 42 h
DEC = batch.BatchRegel("o15", dt.date(2015, 12, 28), dt.date(2015, 12, 31), 30, 75_000, dt.date(2016, 1, 4))
JAN = batch.BatchRegel("o16", dt.date(2016, 1, 1), dt.date(2016, 1, 3), 12, 30_000, dt.date(2016, 1, 4))
JAN_10 = batch.BatchRegel("o16", dt.date(2016, 1, 1), dt.date(2016, 1, 3), 10, 25_000, dt.date(2016, 1, 4))


def _los(uows, r: batch.BatchRegel) -> model.Oordeel:
    return services.dien_declaratie_in(uows, ZV, r.overeenkomst_id, r.van, r.tot, r.uren, r.bedrag_cent, r.ingediend_op)


def test_a_week_across_new_year_counts_both_years_on_the_normal_path(uows):
    _twee_jaren(uows)
    assert _los(uows, DEC).betalen
    with pytest.raises(InputError) as e:
        _los(uows, JAN)  # 30 + 12 = 42 h in the week of 28-12-2015, under two beschikkingen
    assert e.value.veld == "uren" and "28-12-2015" in e.value.melding
    assert _los(uows, JAN_10).betalen  # 30 + 10 = 40 h: allowed


def test_a_week_across_new_year_counts_both_years_on_the_batch_path(uows):
    _twee_jaren(uows)
    res = batch.verwerk_declaraties(uows, BEOORDELAAR, [DEC, JAN, JAN_10])
    assert (res.betaald, res.fout) == (2, 1)
    fout = batch.uitkomsten(uows, BEOORDELAAR, res.batch_id)
    assert [(r["regel"], r["veld"]) for r in fout] == [(2, "uren")]
    assert "28-12-2015" in fout[0]["reden"]
    # on top of a payment made earlier under the other beschikking
    res = batch.verwerk_declaraties(uows, BEOORDELAAR, [JAN])
    assert (res.betaald, res.fout) == (0, 1)
    assert services.controleer_grootboek(uows) == []


def _maanden(uows, n: int) -> list[tuple[str, str]]:
    """``n`` budgethouders with one approved agreement for 2015 (10 h/week x EUR 25, about EUR 13,000 reserved)."""
    ovk = []
    for i in range(n):
        beschikking(uows, f"m{i}", f"mbh{i}")
        _overeenkomst(uows, f"mo{i}", f"m{i}", f"mbh{i}", dt.date(2015, 1, 1), dt.date(2015, 12, 31), uren=10)
        ovk.append((f"mo{i}", "zv1"))
    return ovk


def test_monthly_declarations_set_based_and_in_sequence_equal_one_by_one(twee):  # noqa: F811
    """Most budgethouders declare 40 h a month (set-based); some declare more than their reservation holds or
    declare a week twice (in sequence): every outcome, balance, reservation, declaration, payment and journal line
    equals the one-by-one result."""
    een, bulk = twee
    ovk = []
    for uows in (een, bulk):
        ovk = _maanden(uows, 12)
    rnd = random.Random(13)
    regels = []
    for m in range(1, 13):
        van = dt.date(2015, m, 1)
        tot = (dt.date(2015, m + 1, 1) if m < 12 else dt.date(2016, 1, 1)) - dt.timedelta(days=1)
        for i, (oid, _) in enumerate(ovk):
            uren = 40 if i < 9 else rnd.choice((40, 60, 120))  # 9-11: over the reservation in the end
            regels.append(batch.BatchRegel(oid, van, tot, uren, uren * 2_500, tot + dt.timedelta(days=3)))
    # budgethouder 8 also declares a week of June (38 h + 9 1/3 h of the month): the weekly limit, in sequence
    regels.append(batch.BatchRegel("mo8", dt.date(2015, 6, 8), dt.date(2015, 6, 14), 38, 95_000, dt.date(2015, 7, 1)))
    rnd.shuffle(regels)
    verwacht = _een_voor_een(een, regels, dict(ovk))
    res = batch.verwerk_declaraties(bulk, BEOORDELAAR, regels)
    gekregen = [
        (
            r["uitkomst"],
            r["veld"] if r["uitkomst"] == batch.FOUT else r["reden"] if r["uitkomst"] == batch.GEWEIGERD else None,
        )
        for r in batch.uitkomsten(bulk, BEOORDELAAR, res.batch_id, alleen_niet_betaald=False)
    ]
    assert gekregen == verwacht
    assert any(v == "het resterende budget is niet toereikend" for _, v in verwacht)
    assert (batch.FOUT, "uren") in verwacht
    # both ways were taken: the first eight budgethouders set-based (12 lines each), the others in sequence
    assert 0 < res.sequentieel <= len(regels) - 8 * 12
    assert _stand(een) == _stand(bulk)
    assert services.controleer_grootboek(bulk) == []


def test_batch_through_an_account_that_may_not_turn_off_triggers(twee):  # noqa: F811
    """PostgreSQL: an ordinary account (no superuser, no right to set session_replication_role) runs the batch
    with the per-row foreign-key triggers, with the same outcome as one by one."""
    from .conftest import PG_URL

    if not PG_URL:
        pytest.skip("PostgreSQL only")
    import uuid

    import sqlalchemy as sa

    from wlz.pgb.storage.uow import unit_of_work_factory
    from wlz.platform.database import make_engine

    een, bulk = twee
    ovk = []
    for uows in (een, bulk):
        ovk = _maanden(uows, 3)
    with bulk.engine.connect() as c:
        schema = c.execute(sa.text("SELECT current_schema()")).scalar_one()
    rol = "pgb_gewoon_" + uuid.uuid4().hex[:8]
    admin = sa.create_engine(PG_URL)
    with admin.begin() as c:
        c.exec_driver_sql(f"CREATE ROLE {rol} LOGIN NOSUPERUSER")
        c.exec_driver_sql(f"GRANT USAGE ON SCHEMA {schema} TO {rol}")
        c.exec_driver_sql(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {rol}")
        c.exec_driver_sql(f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {schema} TO {rol}")
    gewoon = make_engine(
        sa.make_url(PG_URL).set(username=rol).render_as_string(hide_password=False),
        connect_args={"options": f"-csearch_path={schema}"},
        pool_size=1,
    )
    try:
        with gewoon.connect() as c:
            assert not batch._mag_zonder_triggers(sa.orm.Session(bind=c))
        regels = [
            batch.BatchRegel(
                oid, dt.date(2015, m, 1), dt.date(2015, m, 28), 40, 100_000, dt.date(2015, m, 28) + dt.timedelta(days=3)
            )
            for m in range(1, 13)
            for oid, _ in ovk
        ] + [batch.BatchRegel("bestaat-niet", dt.date(2015, 1, 1), dt.date(2015, 1, 7), 1, 1, dt.date(2015, 1, 8))]
        verwacht = _een_voor_een(een, regels, dict(ovk))
        res = batch.verwerk_declaraties(unit_of_work_factory(gewoon), BEOORDELAAR, regels)
        assert [
            r["uitkomst"] for r in batch.uitkomsten(bulk, BEOORDELAAR, res.batch_id, alleen_niet_betaald=False)
        ] == [u for u, _ in verwacht]
        assert _stand(een) == _stand(bulk)
        assert services.controleer_grootboek(bulk) == []
    finally:
        gewoon.dispose()
        with admin.begin() as c:
            c.exec_driver_sql(f"DROP OWNED BY {rol}")
            c.exec_driver_sql(f"DROP ROLE {rol}")
        admin.dispose()
