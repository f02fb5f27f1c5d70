"""Benchmark of the pgb payment run as a SEPA credit transfer file (a script, not a test): K budgethouders with one
agreement and 12 paid monthly declarations each are bulk-inserted (not measured), every zorgverlener has an account
(synthetic IBAN, mod-97), then ONE ``services.maak_betaalbestand`` takes all 12*K payments into one pain.001.001.03
file, built with sepaxml and validated against its XSD. Prints the time, payments per second, the file size, and
the load average (other work was running on the same 2-core machine: the figures are a lower bound).

    .venv/bin/python benchmarks/pgb_betaalbestand_benchmark.py --budgethouders 1000
    eval "$(WLZ_PG_PORT=54347 WLZ_PG_DIR=/tmp/wlz-pg-54347 bash scripts/postgres.sh start)"
    .venv/bin/python benchmarks/pgb_betaalbestand_benchmark.py --db postgres --budgethouders 1000
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import time

import sqlalchemy as sa
from pgb_benchmark import _engine as _ledger_engine  # a script beside this one (benchmarks/ is on sys.path)
from pgb_benchmark import _url

from wlz.pgb import services
from wlz.pgb.domain.betaalbestand import Betaler, maak_iban
from wlz.pgb.storage import orm
from wlz.pgb.storage.uow import unit_of_work_factory, upgrade

ZK = services.Actor("bench", "bench", services.BEOORDELAAR, "cli")


def _engine(db: str) -> tuple[sa.Engine, str | None]:
    url, schema = _url(db)  # the ledger benchmark's database (PostgreSQL: a fresh schema)
    return _ledger_engine(url, schema), schema


def _vul(engine: sa.Engine, k: int) -> None:
    """Rows as the use cases leave them after 12 paid months (the ledger balanced), written in bulk."""
    maand = 100_000  # EUR 1.000 a month
    with engine.begin() as c:
        for start in range(0, k, 5_000):
            stuk = range(start, min(k, start + 5_000))
            c.execute(
                sa.insert(orm.beschikkingen),
                [
                    dict(
                        id=f"b{i}",
                        budgethouder_id=f"bh{i}",
                        zorgprofiel="VG5",
                        cod163="808",
                        van=dt.date(2015, 1, 1),
                        tot=dt.date(2015, 12, 31),
                        regeling="wlz",
                        zorgkantoor="bench",
                        gewaarborgde_hulp_vereist=False,
                        gewaarborgde_hulp=None,
                        minderjarig=False,
                        budget_bron="bench",
                        budget=12 * maand,
                        beschikbaar=0,
                        gereserveerd=0,
                        betaald=12 * maand,
                        teruggegeven=0,
                    )
                    for i in stuk
                ],
            )
            c.execute(
                sa.insert(orm.overeenkomsten),
                [
                    dict(
                        id=f"o{i}",
                        beschikking_id=f"b{i}",
                        zorgverlener_id=f"zv{i}",
                        soort="formeel",
                        functie="begeleiding",
                        zorgbeschrijving="bench",
                        uren_per_week=5,
                        uurtarief=5_000,
                        van=dt.date(2015, 1, 1),
                        tot=dt.date(2015, 12, 31),
                        derdenbeding=True,
                        status="goedgekeurd",
                        gereserveerd=0,
                    )
                    for i in stuk
                ],
            )
            decl, bet = [], []
            for i in stuk:
                for m in range(1, 13):
                    did = f"d{i}m{m}"
                    van = dt.date(2015, m, 1)
                    decl.append(
                        dict(
                            id=did,
                            overeenkomst_id=f"o{i}",
                            van=van,
                            tot=van,
                            uren=20,
                            minuten=1200,
                            bedrag=maand,
                            ingediend_op=van,
                            betaald=True,
                        )
                    )
                    bet.append(
                        dict(
                            id=f"p{i}m{m}",
                            declaratie_id=did,
                            beschikking_id=f"b{i}",
                            zorgverlener_id=f"zv{i}",
                            bedrag=maand,
                            uiterlijk=van + dt.timedelta(days=30),
                        )
                    )
            c.execute(sa.insert(orm.declaraties), decl)
            c.execute(sa.insert(orm.betalingen), bet)
            c.execute(
                sa.insert(orm.rekeningen),
                [
                    dict(
                        houder_type="zorgverlener",
                        houder_id=f"zv{i}",
                        iban=maak_iban("NL", f"WLZB{i:010d}"),
                        naam=f"Zorgverlener {i}",
                    )
                    for i in stuk
                ],
            )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    ap.add_argument("--budgethouders", type=int, default=1000)
    a = ap.parse_args()
    engine, schema = _engine(a.db)
    upgrade(engine)
    uows = unit_of_work_factory(engine)
    t0 = time.perf_counter()
    _vul(engine, a.budgethouders)
    print(
        f"{a.db}: {a.budgethouders} budgethouders, {12 * a.budgethouders} payments inserted in "
        f"{time.perf_counter() - t0:.1f} s (not measured)"
    )
    load0 = os.getloadavg()[0]
    t0 = time.perf_counter()
    f = services.maak_betaalbestand(
        uows,
        ZK,
        Betaler(maak_iban("NL", "WLZB9999999999"), "SVB (voorbeeld)"),
        dt.date(2016, 1, 15),
        dt.date(2016, 12, 31),
    )
    s = time.perf_counter() - t0
    print(
        f"{a.db}: payment file of {f.aantal} payments (EUR {f.totaal_cent / 100:,.2f}), {len(f.xml) / 1e6:.1f} MB, "
        f"built and XSD-validated in {s:.1f} s ({f.aantal / s:,.0f} payments/s); left out {len(f.weggelaten)}; "
        f"load average {load0:.1f} at the start, {os.getloadavg()[0]:.1f} at the end"
    )
    engine.dispose()
    if schema:
        admin = sa.create_engine(os.environ["WLZ_TEST_DATABASE_URL"])
        with admin.begin() as c:
            c.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()


if __name__ == "__main__":
    main()
