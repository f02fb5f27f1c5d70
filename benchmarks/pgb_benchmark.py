"""Benchmark of the pgb ledger (a script, not a test). Two parts, on SQLite and/or PostgreSQL:

1. races (goal: 0 lost or double payments over 1,000 such races): N beschikkingen, each with one approved
   agreement whose reservation holds room for exactly one of two declarations; two worker PROCESSES submit one
   declaration each for the same reservation at the same moment (a shared barrier per race). Counts the races
   with exactly one payment, and checks in the database: payments per beschikking = one declaration, ledger
   check clean (``wlz pgb controleer``'s function).
2. a year (goal: 100,000 budgethouders x 12 monthly declarations < 60 s on PostgreSQL): K budgethouders
   with a beschikking and an approved agreement, then 12 monthly declarations each through the use case, split
   over W worker processes; prints declarations per second. Only K is measured; a figure for 100,000 is printed
   as a linear extrapolation and says so.

3. the batch path (``--batch K``; the same goal): K budgethouders bulk-inserted (not measured) with one approved
   agreement each, then ONE batch of 12 monthly declarations each through ``wlz.pgb.batch.verwerk_declaraties``;
   prints declarations per second and the ledger check.

Other work was running on the same 2-core machine; the figures are a lower bound; the load average is printed.

    .venv/bin/python benchmarks/pgb_benchmark.py --races 1000 --budgethouders 500
    eval "$(WLZ_PG_PORT=54339 WLZ_PG_DIR=/tmp/wlz-pg-pgb bash scripts/postgres.sh start)"
    .venv/bin/python benchmarks/pgb_benchmark.py --db postgres --races 1000 --budgethouders 2000
    .venv/bin/python benchmarks/pgb_benchmark.py --db postgres --batch 100000
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing as mp
import os
import tempfile
import time
import uuid
from pathlib import Path

import sqlalchemy as sa

from wlz.pgb import services
from wlz.pgb.domain import model
from wlz.pgb.storage import orm
from wlz.pgb.storage.uow import unit_of_work_factory, upgrade
from wlz.platform.database import make_engine

ZK = services.Actor("bench", "bench", services.BEOORDELAAR, "cli")
ZV = services.Actor("bench-zv", "zv", services.ZORGVERLENER, "cli", zorgverlener_id="zv1")


def _url(db: str) -> tuple[str, str | None]:
    """The database URL (PostgreSQL: a fresh schema, returned to drop it afterwards)."""
    if db == "sqlite":
        return f"sqlite:///{tempfile.mkdtemp(prefix='pgb-bench-')}/pgb.sqlite", None
    base = os.environ["WLZ_TEST_DATABASE_URL"]
    schema = "bench_" + uuid.uuid4().hex[:10]
    admin = sa.create_engine(base)
    with admin.begin() as c:
        c.exec_driver_sql(f"CREATE SCHEMA {schema}")
    admin.dispose()
    return base, schema


def _engine(url: str, schema: str | None) -> sa.Engine:
    if schema:
        return make_engine(url, connect_args={"options": f"-csearch_path={schema}"}, pool_size=2)
    return make_engine(url)


def _zet_op(uows: services.Uows, n: int, weken: int, prefix: str) -> list[str]:
    """``n`` beschikkingen (VG5 2015, the rules' amount) with one approved agreement of ``weken`` weeks x 10 h x
    EUR 50; returns the agreement ids."""
    ids = []
    for i in range(n):
        bid, bh = f"{prefix}{i}", f"{prefix}bh{i}"
        services.registreer_beschikking(
            uows,
            ZK,
            services.PgbBeschikking(
                beschikking_id=bid,
                client_id=bh,
                zorgprofiel="VG5",
                van=dt.date(2015, 1, 1),
                tot=dt.date(2015, 12, 31),
                gewaarborgde_hulp="synthetisch",
            ),
        )
        ik = services.Actor("b", "b", services.BUDGETHOUDER, "cli", budgethouder_id=bh)
        o = model.Zorgovereenkomst(
            id=f"{prefix}o{i}",
            beschikking_id=bid,
            zorgverlener_id="zv1",
            functie="begeleiding",
            zorgbeschrijving="begeleiding",
            uren_per_week=10,
            uurtarief_cent=5_000,
            van=dt.date(2015, 1, 1),
            tot=min(dt.date(2015, 12, 31), dt.date(2015, 1, 1) + dt.timedelta(weeks=weken, days=-1)),
            derdenbeding=True,
        )
        services.dien_overeenkomst_in(uows, ik, o)
        services.beoordeel_overeenkomst(uows, ZK, o.id, True, "akkoord")
        ids.append(o.id)
    return ids


def races(url: str, schema: str | None, n: int) -> None:
    engine = _engine(url, schema)
    upgrade(engine)
    uows = unit_of_work_factory(engine)
    ids = _zet_op(uows, n, 1, "r")  # 1 week x 10 h x EUR 50 = EUR 500 reserved
    engine.dispose()
    # each racer declares the same week, 10 h x EUR 50 = EUR 500: exactly one fits in the reservation
    ctx = mp.get_context("fork")
    barrier = ctx.Barrier(2)
    out: mp.Queue = ctx.Queue()
    t0 = time.perf_counter()
    ps = [ctx.Process(target=_racer2, args=(url, schema, ids, w, barrier, out)) for w in (0, 1)]
    for p in ps:
        p.start()
    totaal = out.get() + out.get()
    for p in ps:
        p.join()
    duur = time.perf_counter() - t0
    engine = _engine(url, schema)
    with engine.connect() as c:
        per = c.execute(
            sa.select(orm.betalingen.c.beschikking_id, sa.func.count(), sa.func.sum(orm.betalingen.c.bedrag)).group_by(
                orm.betalingen.c.beschikking_id
            )
        ).all()
    fouten = services.controleer_grootboek(unit_of_work_factory(engine))
    engine.dispose()
    dubbel = sum(1 for _, k, _ in per if k != 1)
    verloren = n - len(per)
    print(
        f"races: {n} races in {duur:.1f} s; payments {totaal} (expected {n}); races with exactly one payment: "
        f"{len(per) - dubbel}; double: {dubbel}; lost (no payment): {verloren}; ledger check: "
        f"{'clean' if not fouten else f'{len(fouten)} deviations'}"
    )


def _racer2(
    url: str, schema: str | None, ids: list[str], week: int, barrier: mp.synchronize.Barrier, out: mp.Queue
) -> None:
    """Both racers declare for the same week-long agreement, on the same days: 10 h x EUR 50 each."""
    engine = _engine(url, schema)
    uows = unit_of_work_factory(engine)
    betaald = 0
    for oid in ids:
        barrier.wait()
        r = services.dien_declaratie_in(
            uows, ZV, oid, dt.date(2015, 1, 1), dt.date(2015, 1, 7), 10, 50_000, dt.date(2015, 1, 10)
        )
        betaald += r.betalen
    out.put(betaald)
    engine.dispose()


def _jaar_worker(url: str, schema: str | None, ids: list[str], out: mp.Queue) -> None:
    engine = _engine(url, schema)
    uows = unit_of_work_factory(engine)
    betaald = 0
    for m in range(1, 13):
        van = dt.date(2015, m, 1)
        tot = (dt.date(2015, m + 1, 1) if m < 12 else dt.date(2016, 1, 1)) - dt.timedelta(days=1)
        for oid in ids:
            r = services.dien_declaratie_in(uows, ZV, oid, van, tot, 40, 200_000, tot + dt.timedelta(days=3))
            betaald += r.betalen
    out.put(betaald)
    engine.dispose()


def jaar(url: str, schema: str | None, k: int, workers: int) -> None:
    engine = _engine(url, schema)
    upgrade(engine)
    uows = unit_of_work_factory(engine)
    t0 = time.perf_counter()
    ids = _zet_op(uows, k, 53, "j")
    opzet = time.perf_counter() - t0
    engine.dispose()
    ctx = mp.get_context("fork")
    out: mp.Queue = ctx.Queue()
    delen = [ids[w::workers] for w in range(workers)]
    t0 = time.perf_counter()
    ps = [ctx.Process(target=_jaar_worker, args=(url, schema, d, out)) for d in delen]
    for p in ps:
        p.start()
    betaald = sum(out.get() for _ in ps)
    for p in ps:
        p.join()
    duur = time.perf_counter() - t0
    engine = _engine(url, schema)
    fouten = services.controleer_grootboek(unit_of_work_factory(engine))
    engine.dispose()
    n = 12 * k
    print(
        f"year: {k} budgethouders set up in {opzet:.1f} s; {n} declarations ({betaald} paid) in {duur:.1f} s with "
        f"{workers} workers = {n / duur:.0f}/s; ledger check {'clean' if not fouten else 'NOT clean'}; "
        f"linear extrapolation (not measured) to 100,000 x 12: {100_000 * 12 / (n / duur):.0f} s"
    )


def _zet_op_snel(engine: sa.Engine, uows: services.Uows, n: int) -> list[str]:
    """``n`` budgethouders for the batch run, written with bulk INSERTs (not measured): what
    ``registreer_beschikking`` + ``dien_overeenkomst_in`` + ``beoordeel_overeenkomst`` write for one is written
    for the first through the use cases, then copied for the others (same budget, same reservation, same journal
    lines), so the ledger check holds before the batch starts."""
    _zet_op(uows, 1, 53, "x")
    with engine.connect() as c:
        bes = dict(c.execute(sa.select(orm.beschikkingen).where(orm.beschikkingen.c.id == "x0")).mappings().one())
        ovk = dict(c.execute(sa.select(orm.overeenkomsten).where(orm.overeenkomsten.c.id == "xo0")).mappings().one())
        jn = [
            dict(r)
            for r in c.execute(sa.select(orm.boekingen).where(orm.boekingen.c.beschikking_id == "x0")).mappings()
        ]
    with engine.begin() as c:
        for start in range(1, n, 20_000):
            stuk = range(start, min(n, start + 20_000))
            c.execute(
                sa.insert(orm.beschikkingen), [{**bes, "id": f"x{i}", "budgethouder_id": f"xbh{i}"} for i in stuk]
            )
            c.execute(sa.insert(orm.overeenkomsten), [{**ovk, "id": f"xo{i}", "beschikking_id": f"x{i}"} for i in stuk])
            c.execute(
                sa.insert(orm.boekingen),
                [
                    {
                        **{k: v for k, v in j.items() if k != "id"},
                        "beschikking_id": f"x{i}",
                        "verwijzing": f"xo{i}" if j["verwijzing"] else None,
                    }
                    for i in stuk
                    for j in jn
                ],
            )
    return ["xo0"] + [f"xo{i}" for i in range(1, n)]


def batch_jaar(url: str, schema: str | None, k: int) -> None:
    """Goal: 100,000 budgethouders x 12 monthly declarations < 60 s on PostgreSQL, through ``batch``."""
    from wlz.pgb import batch

    engine = _engine(url, schema)
    upgrade(engine)
    uows = unit_of_work_factory(engine)
    t0 = time.perf_counter()
    ids = _zet_op_snel(engine, uows, k)
    opzet = time.perf_counter() - t0
    regels = []
    for m in range(1, 13):
        van = dt.date(2015, m, 1)
        tot = (dt.date(2015, m + 1, 1) if m < 12 else dt.date(2016, 1, 1)) - dt.timedelta(days=1)
        regels += [batch.BatchRegel(oid, van, tot, 40, 200_000, tot + dt.timedelta(days=3)) for oid in ids]
    last = os.getloadavg()[0]
    cpu0 = _cpu(engine)
    t0 = time.perf_counter()
    res = batch.verwerk_declaraties(uows, ZK, regels)
    duur = time.perf_counter() - t0
    cpu = {k: v - cpu0.get(k, 0.0) for k, v in _cpu(engine).items()}
    t0 = time.perf_counter()
    fouten = services.controleer_grootboek(uows)
    check = time.perf_counter() - t0
    engine.dispose()
    print(
        f"batch: {k} budgethouders set up in {opzet:.1f} s (bulk insert, not measured); {len(regels)} declarations "
        f"in one batch: {duur:.1f} s = {len(regels) / duur:.0f}/s ({res.betaald} paid, {res.geweigerd} refused, "
        f"{res.fout} bad input, {res.sequentieel} decided in sequence); "
        f"ledger check {'clean' if not fouten else 'NOT clean'} ({check:.1f} s); load average {last:.1f} at the "
        f"start, {os.getloadavg()[0]:.1f} at the end; CPU time used meanwhile: this process {cpu['client']:.1f} s"
        + (f", the database server's processes {cpu['server']:.1f} s" if "server" in cpu else "")
    )


def _cpu(engine: sa.Engine) -> dict[str, float]:
    """CPU seconds (user + system) of this process and, for a PostgreSQL server on this machine, of all the server's
    processes (read from /proc): under other work the wall time grows, the CPU time much less."""
    t = os.times()
    uit = {"client": t.user + t.system}
    if engine.dialect.name != "postgresql":
        return uit
    with engine.connect() as c:
        eigen = c.execute(sa.text("SELECT pg_backend_pid()")).scalar_one()
        pids = [p for (p,) in c.execute(sa.text("SELECT pid FROM pg_stat_activity WHERE pid IS NOT NULL"))]
    if not Path(f"/proc/{eigen}/stat").exists():
        return uit  # the server runs elsewhere: no server figure
    tik = os.sysconf("SC_CLK_TCK")
    server = 0.0
    for pid in pids:
        try:
            velden = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # ended meanwhile (an autovacuum worker): the figure is approximate
        server += (int(velden[11]) + int(velden[12])) / tik
    uit["server"] = server
    return uit


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", choices=["sqlite", "postgres", "both"], default="sqlite")
    ap.add_argument("--races", type=int, default=None, help="default 1000 (0 with --batch)")
    ap.add_argument("--budgethouders", type=int, default=None, help="default 500 (0 with --batch)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--batch", type=int, default=0, help="budgethouders for the batch path (goal: 100000)")
    a = ap.parse_args()
    # --batch alone runs only the batch path: the goal's figure is one command
    a.races = a.races if a.races is not None else (0 if a.batch else 1000)
    a.budgethouders = a.budgethouders if a.budgethouders is not None else (0 if a.batch else 500)
    for db in ("sqlite", "postgres") if a.db == "both" else (a.db,):
        print(f"== {db} (other work was running on this 2-core machine; load: {os.getloadavg()[0]:.2f})")
        for stap in ("races", "jaar", "batch"):
            url, schema = _url(db)
            try:
                if stap == "races" and a.races:
                    races(url, schema, a.races)
                if stap == "jaar" and a.budgethouders:
                    jaar(url, schema, a.budgethouders, a.workers)
                if stap == "batch" and a.batch:
                    batch_jaar(url, schema, a.batch)
            finally:
                if schema:
                    admin = sa.create_engine(url)
                    with admin.begin() as c:
                        c.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
                    admin.dispose()


if __name__ == "__main__":
    main()
