"""The batch path gives the same ledger as the one-by-one use case: the same random declarations (good ones,
refused ones, bad input, the weekly limit, the last euros of a reservation) go through ``dien_declaratie_in`` one
by one in database A and through ``batch.verwerk_declaraties`` in database B; every balance, reservation,
declaration, payment and journal line is equal, and so is each line's outcome. Runs on SQLite, and on
PostgreSQL when ``WLZ_TEST_DATABASE_URL`` points at one."""

from __future__ import annotations

import contextlib
import datetime as dt
import random
import shutil
import uuid

import pytest
import sqlalchemy as sa

from wlz.common.errors import InputError
from wlz.pgb import batch, services
from wlz.pgb.domain import model
from wlz.pgb.storage import orm
from wlz.pgb.storage.uow import unit_of_work_factory, upgrade
from wlz.platform.database import make_engine

from .conftest import BEOORDELAAR, PG_URL

pytestmark = pytest.mark.postgres


@pytest.fixture
def twee(request, tmp_path):
    """Two empty migrated databases (SQLite files, or two schemas on the PostgreSQL test server)."""
    engines, schemas = [], []
    admin = sa.create_engine(PG_URL) if PG_URL else None
    for naam in ("een", "batch"):
        if admin is None:
            path = tmp_path / f"{naam}.sqlite"
            shutil.copy(request.getfixturevalue("_sqlite_template"), path)
            engines.append(make_engine(f"sqlite:///{path}"))
            continue
        schema = "pgbb_" + uuid.uuid4().hex[:12]
        with admin.begin() as conn:
            conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
        schemas.append(schema)
        e = make_engine(PG_URL, connect_args={"options": f"-csearch_path={schema}"}, pool_size=2)
        upgrade(e)
        engines.append(e)
    yield [unit_of_work_factory(e) for e in engines]
    for e in engines:
        e.dispose()
    if admin is not None:
        with admin.begin() as conn:
            for schema in schemas:
                conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()


def _zet_op(uows, rnd: random.Random, n: int) -> list[tuple[str, str]]:
    """``n`` budgethouders (VG5 2015), each with 1-3 agreements (some not approved, some sharing a zorgverlener);
    returns (agreement id, zorgverlener id)."""
    ovk = []
    for i in range(n):
        bid, bh = f"b{i}", f"bh{i}"
        services.registreer_beschikking(
            uows,
            BEOORDELAAR,
            services.PgbBeschikking(
                beschikking_id=bid,
                client_id=bh,
                zorgprofiel="VG5",
                van=dt.date(2015, 1, 1),
                tot=dt.date(2015, 12, 31),
                gewaarborgde_hulp="synthetisch",
            ),
        )
        ik = services.Actor("u", "b", services.BUDGETHOUDER, budgethouder_id=bh)
        for j in range(rnd.randint(1, 3)):
            zv = f"zv{rnd.randint(1, 2)}"
            van = dt.date(2015, rnd.randint(1, 3), 1)
            tot = dt.date(2015, rnd.choice((6, 9, 12)), 28)
            o = model.Zorgovereenkomst(
                id=f"o{i}_{j}",
                beschikking_id=bid,
                zorgverlener_id=zv,
                functie="begeleiding",
                zorgbeschrijving="begeleiding",
                uren_per_week=rnd.choice((4, 8, 20)),
                uurtarief_cent=rnd.choice((2_500, 4_000, 5_000)),
                van=van,
                tot=tot,
                derdenbeding=True,
            )
            services.dien_overeenkomst_in(uows, ik, o)
            if rnd.random() < 0.85:
                # refused when the agreements before it reserved the budget: it stays ingediend
                with contextlib.suppress(InputError):
                    services.beoordeel_overeenkomst(uows, BEOORDELAAR, o.id, True, "akkoord")
            ovk.append((o.id, zv))
    return ovk


def _regels(rnd: random.Random, ovk: list[tuple[str, str]], aantal: int) -> list[batch.BatchRegel]:
    out = []
    for _ in range(aantal):
        oid = rnd.choice(ovk)[0] if rnd.random() > 0.02 else "bestaat-niet"
        soort = rnd.random()
        if soort < 0.5:  # a month
            m = rnd.randint(1, 12)
            van = dt.date(2015, m, 1)
            tot = (dt.date(2015, m + 1, 1) if m < 12 else dt.date(2016, 1, 1)) - dt.timedelta(days=1)
        else:  # some days, often across a week's end
            van = dt.date(2015, 1, 1) + dt.timedelta(days=rnd.randint(0, 370))
            tot = van + dt.timedelta(days=rnd.randint(-1, 16))
        uren = rnd.choice((2, 8, 16, 25, 39.5, 40, 60, 120, 0, 7.25))
        tarief = rnd.choice((2_500, 4_000, 5_000))
        bedrag = round(uren * tarief * rnd.choice((1, 1, 1, 0.5, 1.1))) if rnd.random() > 0.02 else -100
        ingediend = tot + dt.timedelta(days=rnd.choice((1, 5, 20, 41, 42, 43, 90)))
        out.append(batch.BatchRegel(oid, van, tot, uren, bedrag, ingediend))
    return out


def _een_voor_een(uows, regels: list[batch.BatchRegel], zv_van: dict[str, str]) -> list[tuple[str, str | None]]:
    uitkomst: list[tuple[str, str | None]] = []
    for r in regels:
        actor = services.Actor("z", "z", services.ZORGVERLENER, zorgverlener_id=zv_van.get(r.overeenkomst_id, "zv1"))
        try:
            o = services.dien_declaratie_in(
                uows, actor, r.overeenkomst_id, r.van, r.tot, r.uren, r.bedrag_cent, r.ingediend_op
            )
            uitkomst.append((batch.BETAALD, None) if o.betalen else (batch.GEWEIGERD, o.reden))
        except InputError as e:
            uitkomst.append((batch.FOUT, e.veld))
        except services.GeenToegang:
            uitkomst.append((batch.FOUT, "overeenkomst_id"))
    return uitkomst


def _stand(uows) -> dict[str, object]:
    b, o, d, p, j = orm.beschikkingen.c, orm.overeenkomsten.c, orm.declaraties.c, orm.betalingen.c, orm.boekingen.c
    with uows() as uow:
        s = uow.session
        return {
            "grootboek": sorted(
                s.execute(sa.select(b.id, b.beschikbaar, b.gereserveerd, b.betaald, b.teruggegeven)).all()
            ),
            "reserveringen": sorted(s.execute(sa.select(o.id, o.gereserveerd)).all()),
            "declaraties": sorted(
                (str(r[0]), str(r[1]), str(r[2]), *r[3:])
                for r in s.execute(
                    sa.select(d.overeenkomst_id, d.van, d.tot, d.uren, d.minuten, d.bedrag, d.betaald, d.reden, d.regel)
                ).all()
            ),
            "betalingen": sorted(
                (r[0], r[1], r[2], str(r[3]))
                for r in s.execute(sa.select(p.beschikking_id, p.zorgverlener_id, p.bedrag, p.uiterlijk)).all()
            ),
            "journaal": sorted(s.execute(sa.select(j.beschikking_id, j.soort, j.bedrag)).all()),
        }


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_batch_and_one_by_one_give_the_same_ledger(twee, seed):
    een, bulk = twee
    ovk = []
    for uows in (een, bulk):
        ovk = _zet_op(uows, random.Random(seed), 12)
    regels = _regels(random.Random(seed * 100), ovk, 400)
    verwacht = _een_voor_een(een, regels, dict(ovk))
    res = batch.verwerk_declaraties(bulk, BEOORDELAAR, regels)

    assert res.aantal == len(regels)
    gekregen = [
        (
            r["uitkomst"],
            r["veld"] if r["uitkomst"] == batch.FOUT else r["reden"] if r["uitkomst"] == batch.GEWEIGERD else None,
        )
        for r in batch.uitkomsten(bulk, BEOORDELAAR, res.batch_id, alleen_niet_betaald=False)
    ]
    assert gekregen == verwacht
    # the input covers every kind of outcome, so the comparison means something
    soorten = {u for u, _ in verwacht}
    assert soorten == {batch.BETAALD, batch.GEWEIGERD, batch.FOUT}
    assert {v for u, v in verwacht if u == batch.FOUT} >= {"uren", "bedrag", "overeenkomst_id"}
    assert any(v == "het resterende budget is niet toereikend" for _, v in verwacht)
    assert _stand(een) == _stand(bulk)
    assert services.controleer_grootboek(bulk) == []
    # a second batch on top of the first (weeks and reservations carry over) stays equal too
    meer = _regels(random.Random(seed * 7), ovk, 150)
    assert [u for u, _ in _een_voor_een(een, meer, dict(ovk))] == [
        r["uitkomst"]
        for r in batch.uitkomsten(
            bulk, BEOORDELAAR, batch.verwerk_declaraties(bulk, BEOORDELAAR, meer).batch_id, alleen_niet_betaald=False
        )
    ]
    assert _stand(een) == _stand(bulk)


def test_batch_gate_empty_batch_and_access_log(uows):
    from .conftest import BH1, beschikking

    with pytest.raises(services.GeenToegang):
        batch.verwerk_declaraties(uows, BH1, [])
    with pytest.raises(InputError) as e:
        batch.verwerk_declaraties(uows, BEOORDELAAR, [])
    assert e.value.veld == "regels"
    beschikking(uows)
    res = batch.verwerk_declaraties(
        uows,
        BEOORDELAAR,
        [batch.BatchRegel("geen", dt.date(2015, 1, 5), dt.date(2015, 1, 11), 5, 100, dt.date(2015, 1, 12))],
    )
    assert (res.aantal, res.fout, res.betaald) == (1, 1, 0)
    assert batch.uitkomsten(uows, BEOORDELAAR, res.batch_id)[0]["reden"] == "onbekende zorgovereenkomst"


def test_wlz_pgb_declaraties_reads_a_csv_and_refuses_a_bad_file_whole(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from wlz.cli import app

    db = tmp_path / "pgb.sqlite"
    monkeypatch.setenv("WLZ_PGB_DATABASE_URL", f"sqlite:///{db}")
    engine = make_engine(f"sqlite:///{db}")
    upgrade(engine)
    uows = unit_of_work_factory(engine)
    ovk = _zet_op(uows, random.Random(5), 2)
    goedgekeurd = next(o for o, _ in ovk)
    kop = "overeenkomst_id,van,tot,uren,bedrag,ingediend_op\n"
    slecht = tmp_path / "slecht.csv"
    slecht.write_text(kop + f"{goedgekeurd},2015-06-01,2015-06-07,4,100,2015-06-08\n{goedgekeurd},2015-13-01,x,4,1,x\n")
    r = CliRunner().invoke(app, ["pgb", "declaraties", str(slecht)])
    assert r.exit_code == 2 and "regel 3: van" in r.output
    with uows() as uow:  # nothing half-written
        assert uow.session.execute(sa.select(sa.func.count()).select_from(orm.declaraties)).scalar_one() == 0
    goed = tmp_path / "goed.csv"
    goed.write_text(
        kop
        + f'{goedgekeurd},2015-06-01,2015-06-07,4,"100,00",2015-06-08\n'
        + "bestaat-niet,2015-06-01,2015-06-07,4,1,2015-06-08\n"
    )
    uit = tmp_path / "uitkomst.csv"
    r = CliRunner().invoke(app, ["pgb", "declaraties", str(goed), "--uitkomst", str(uit)])
    assert r.exit_code == 0, r.output
    assert "2 declaraties" in r.output and "1 met een fout in de invoer" in r.output
    assert "3,bestaat-niet,fout,overeenkomst_id,onbekende zorgovereenkomst" in uit.read_text()
    engine.dispose()


def test_a_batch_and_the_normal_path_racing_for_the_last_euros(uows, engine):
    """The batch locks every budget it touches (PostgreSQL: FOR UPDATE, as the normal path; SQLite: the write
    lock): a batch and one-by-one declarations for the same last euros at the same moment pay exactly one of each
    pair, and the ledger stays balanced."""
    import threading

    from .conftest import beschikking

    n = 20
    for i in range(n):
        beschikking(uows, f"r{i}", f"rbh{i}")
        o = model.Zorgovereenkomst(
            id=f"ro{i}",
            beschikking_id=f"r{i}",
            zorgverlener_id="zv1",
            functie="begeleiding",
            zorgbeschrijving="begeleiding",
            uren_per_week=10,
            uurtarief_cent=5_000,
            van=dt.date(2015, 1, 5),
            tot=dt.date(2015, 1, 11),
            derdenbeding=True,
        )  # one week: EUR 500 reserved, room for one of the two declarations below
        services.dien_overeenkomst_in(
            uows, services.Actor("u", "b", services.BUDGETHOUDER, budgethouder_id=f"rbh{i}"), o
        )
        services.beoordeel_overeenkomst(uows, BEOORDELAAR, o.id, True, "akkoord")
    start = threading.Barrier(2)
    uitkomst: dict[str, object] = {}

    def als_batch() -> None:
        regels = [
            batch.BatchRegel(f"ro{i}", dt.date(2015, 1, 5), dt.date(2015, 1, 11), 10, 50_000, dt.date(2015, 1, 12))
            for i in range(n)
        ]
        start.wait()
        uitkomst["batch"] = batch.verwerk_declaraties(uows, BEOORDELAAR, regels)

    def een_voor_een() -> None:
        zv = services.Actor("z", "z", services.ZORGVERLENER, zorgverlener_id="zv1")
        start.wait()
        uitkomst["los"] = [
            services.dien_declaratie_in(
                uows, zv, f"ro{i}", dt.date(2015, 1, 5), dt.date(2015, 1, 11), 10, 50_000, dt.date(2015, 1, 12)
            ).betalen
            for i in reversed(range(n))
        ]

    threads = [threading.Thread(target=als_batch), threading.Thread(target=een_voor_een)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    res = uitkomst["batch"]
    assert res.betaald + sum(uitkomst["los"]) == n  # exactly one of each pair
    with uows() as uow:
        per = dict(
            uow.session.execute(
                sa.select(orm.betalingen.c.beschikking_id, sa.func.sum(orm.betalingen.c.bedrag)).group_by(
                    orm.betalingen.c.beschikking_id
                )
            ).all()
        )
    assert per == {f"r{i}": 50_000 for i in range(n)}
    assert services.controleer_grootboek(uows) == []
