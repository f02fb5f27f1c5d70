"""Benchmark of the declaration check (a script, not a test): one provider's file of N lines (default 1,000,000)
checked against zorgtoewijzingen, contracts, tariffs, vouchers and earlier declarations, set-based in the database
(``wlz.zorgkantoor.storage.declaratie_checks``), on SQLite and/or PostgreSQL. Goal (issue 12): < 30 s for
1,000,000 lines.

The database holds a synthetic purchasing world: ``--clients`` clients (default 50,000) over 50 providers, each
with a zorgtoewijzing for the year, an active contract per provider with 10 prestaties (test tariffs, not figures
of the Wlz), a voucher for 1 in 50 clients of the measured provider. The file (CSV, written first) has 48 lines per
client of the measured provider (4 prestaties x 12 months) and, mixed in, lines made to fail: unknown client (1%),
a client of another provider (1%), over the tariff (1%), a prestatie without contract (0.5%), a double line (0.5%),
an unreadable amount (0.1%).

Printed per database: parse (pyarrow, file -> columns), load (bulk insert / COPY into the work table), check
(the UPDATE/INSERT … SELECT statements, including moving every line to accepted or refused), commit, and the total
of the use case ``services.declaraties.importeer`` as the command line and the API call it; then the counts per
reason. ``--tweede`` imports the same file again (every line then meets 1,000,000 accepted ones: all D08 or
earlier reasons).

Other work runs on this 2-core machine at the same time (eight engineers): the load average is printed with the
figures, which are therefore an upper bound of what the check costs on a quiet machine.

    .venv/bin/python benchmarks/inkoop_declaraties.py --db sqlite
    eval "$(WLZ_PG_PORT=54336 WLZ_PG_DIR=/tmp/wlz-pg-54336 bash scripts/postgres.sh start)"
    .venv/bin/python benchmarks/inkoop_declaraties.py --db postgres --url "$WLZ_TEST_DATABASE_URL"
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import tempfile
import time
import uuid
from pathlib import Path

import sqlalchemy as sa

from wlz import bsn
from wlz.platform.database import make_engine
from wlz.zorgkantoor.domain.model import nu
from wlz.zorgkantoor.services import declaraties, declaraties_bestand
from wlz.zorgkantoor.storage import declaratie_checks, migrate, orm
from wlz.zorgkantoor.storage import inkoop_orm as ink
from wlz.zorgkantoor.storage.uow import UnitOfWorkFactory

JAAR = 2024
AGB = "10000000"
PRESTATIES = [f"ZI7{n:02d}" for n in range(50, 60)]
TARIEF = 25_000  # test tariff per day in cents (not a Wlz figure)


def _ids(n: int, prefix: str) -> list[str]:
    return [f"{prefix}{i:011d}" for i in range(n)]


def build_world(engine: sa.Engine, n_clients: int, rng: random.Random) -> tuple[list[str], list[str]]:
    """Clients, indications, toewijzingen, providers, contracts, vouchers: bulk inserts (not the use cases)."""
    migrate.upgrade(engine)
    bsns = bsn.synthetische_reeks(n_clients, seed=1)
    clients = _ids(n_clients, "c")
    providers = [AGB] + [f"{20000000 + i}" for i in range(49)]
    eigen = clients[: n_clients * 9 // 20]  # 45% at the measured provider (48 lines each: 1,080,000 >= N)
    eigen_set = set(eigen)
    now = nu()
    with engine.begin() as conn:
        conn.execute(
            orm.clients.insert(),
            [
                {
                    "id": c,
                    "bsn": b,
                    "voornamen": "Test",
                    "achternaam": f"Bench{i}",
                    "geboortedatum": dt.date(1940, 1, 1),
                    "straat": "",
                    "huisnummer": "",
                    "postcode": "",
                    "woonplaats": "",
                    "partner": False,
                    "aangemaakt_op": now,
                }
                for i, (c, b) in enumerate(zip(clients, bsns, strict=True))
            ],
        )
        conn.execute(
            orm.indicatiebesluiten.insert(),
            [
                {
                    "id": "i" + c[1:],
                    "client_id": c,
                    "besluitnummer": f"B{i}",
                    "zorgprofiel": "VV6",
                    "cod163": "755",
                    "grondslagen": ["01"],
                    "ingangsdatum": dt.date(JAAR - 1, 1, 1),
                    "einddatum": None,
                    "bron": "handmatig",
                    "aangemaakt_op": now,
                }
                for i, c in enumerate(clients)
            ],
        )
        conn.execute(
            orm.zorgtoewijzingen.insert(),
            [
                {
                    "id": "t" + c[1:],
                    "client_id": c,
                    "indicatie_id": "i" + c[1:],
                    "agb_code": AGB if c in eigen_set else providers[1 + i % 49],
                    "leveringsvorm": "verblijf",
                    "zorgprofiel": "VV6",
                    "van": dt.date(JAAR, 1, 1),
                    "tot": dt.date(JAAR, 12, 31),
                    "status": "in_zorg",
                    "aangemaakt_op": now,
                }
                for i, c in enumerate(clients)
            ],
        )
        conn.execute(
            ink.inkoop_aanbieders.insert(),
            [{"id": f"a{p}", "agb_code": p, "naam": f"Aanbieder {p}", "aangemaakt_op": now} for p in providers],
        )
        for p in providers:
            conn.execute(
                ink.inkoop_contracten.insert().values(
                    id=f"k{p}",
                    agb_code=p,
                    regio="5531",
                    vorm="regulier",
                    ingangsdatum=dt.date(JAAR, 1, 1),
                    einddatum=dt.date(JAAR, 12, 31),
                    status="actief",
                    verbeterplan="geen",
                    kwaliteitseisen="bench",
                    continuiteitsclausule="bench",
                    clientenraad_geraadpleegd=True,
                    aangemaakt_door="bench",
                    aangemaakt_op=now,
                )
            )
            conn.execute(
                ink.inkoop_contract_prestaties.insert(),
                [
                    {
                        "id": f"p{p}{code}",
                        "contract_id": f"k{p}",
                        "prestatiecode": code,
                        "leveringsvorm": "verblijf",
                        "tarief_percentage": 100,
                        "maximumtarief_cent": TARIEF,
                        "tarief_cent": TARIEF,
                    }
                    for code in PRESTATIES
                ],
            )
        conn.execute(
            ink.inkoop_vouchers.insert(),
            [
                {
                    "id": "v" + c[1:],
                    "client_id": c,
                    "zorgprofiel": "VV6",
                    "waarde_cent": 48 * 31 * TARIEF // 2,  # half of what the client's lines add up to
                    "ingangsdatum": dt.date(JAAR, 1, 1),
                    "einddatum": dt.date(JAAR, 12, 31),
                    "agb_code": AGB,
                    "ingewisseld_op": now,
                    "status": "ingewisseld",
                    "bron": "bench",
                    "uitgegeven_door": "bench",
                    "uitgegeven_op": now,
                }
                for c in eigen[::50]
            ],
        )
    anderen = [c for c in clients if c not in eigen_set]
    return eigen, anderen


def write_file(path: Path, n: int, eigen: list[str], anderen: list[str], rng: random.Random) -> None:
    """N lines: 4 prestaties x 12 months per own client, with failing lines mixed in (see the docstring)."""
    with path.open("w", encoding="utf-8") as f:
        f.write("regelnummer,client_id,prestatiecode,begindatum,einddatum,aantal,bedrag,zzp_code\n")
        i = 0
        vorige = ""
        while i < n:
            for c in eigen:
                for m in range(1, 13):
                    begin = dt.date(JAAR, m, 1)
                    eind = (dt.date(JAAR + (m == 12), m % 12 + 1, 1)) - dt.timedelta(days=1)
                    dagen = eind.day
                    for code in PRESTATIES[(m % 3) : (m % 3) + 4]:
                        if i >= n:
                            return
                        i += 1
                        x = rng.random()
                        client, pc, bedrag = c, code, f"{dagen * TARIEF / 100:.2f}"
                        if x < 0.01:
                            client = "onbekend" + str(i)
                        elif x < 0.02:
                            client = rng.choice(anderen)
                        elif x < 0.03:
                            bedrag = f"{dagen * TARIEF / 100 + 1:.2f}"
                        elif x < 0.035:
                            pc = "X-000"
                        elif x < 0.036:
                            bedrag = "twaalf"
                        regel = f"{client},{pc},{begin},{eind},{dagen},{bedrag},755\n"
                        if x > 0.995 and vorige:
                            regel = vorige  # the line before, again
                        f.write(f"{i},{regel}")
                        vorige = regel


def run(engine: sa.Engine, path: Path, label: str) -> None:
    uowf = UnitOfWorkFactory(engine)
    data = path.read_bytes()
    t0 = time.perf_counter()
    regels = declaraties_bestand.read(path.name, data)
    t1 = time.perf_counter()
    batch_id = uuid.uuid4().hex[:16]
    with uowf(write=True) as uow:
        conn = uow.session.connection()
        conn.execute(
            sa.text(
                "INSERT INTO declaratie_batches (id, agb_code, bestandsnaam, formaat, ingelezen_door, ingelezen_op,"
                " aantal_regels, aantal_geaccepteerd, aantal_geweigerd, bedrag_geaccepteerd_cent)"
                " VALUES (:id, :agb, 'bench.csv', 'csv', 'bench', :op, :n, 0, 0, 0)"
            ),
            {"id": batch_id, "agb": AGB, "op": dt.datetime.now(dt.UTC).replace(tzinfo=None), "n": regels.aantal},
        )
        t2 = time.perf_counter()
        declaratie_checks.load(conn, batch_id, regels.tabel)
        t3 = time.perf_counter()
        telling = declaratie_checks.check(conn, batch_id, AGB)
        t4 = time.perf_counter()
        uow.commit()
    t5 = time.perf_counter()
    print(
        f"{label}: {regels.aantal:,} regels | parse {t1 - t0:.2f} s | load {t3 - t2:.2f} s | "
        f"check {t4 - t3:.2f} s | commit {t5 - t4:.2f} s | load+check+commit {t5 - t2:.2f} s | "
        f"totaal {t5 - t0:.2f} s"
    )
    print(
        f"  geaccepteerd {telling.get('', 0):,}; geweigerd per reden: "
        + str({k: v for k, v in sorted(telling.items()) if k.startswith("D")})
    )


def run_use_case(engine: sa.Engine, path: Path, label: str) -> None:
    uowf = UnitOfWorkFactory(engine)
    t0 = time.perf_counter()
    with uowf(write=True) as uow:
        r = declaraties.importeer(
            uow, declaraties.SYSTEEM_INKOOP, agb_code=AGB, bestandsnaam=path.name, data=path.read_bytes()
        )
    t1 = time.perf_counter()
    print(f"{label} (use case importeer, alles): {r.aantal_regels:,} regels in {t1 - t0:.2f} s; {r.per_reden}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    ap.add_argument("--url", default=os.environ.get("WLZ_TEST_DATABASE_URL", ""))
    ap.add_argument("--regels", type=int, default=1_000_000)
    ap.add_argument("--clients", type=int, default=50_000)
    ap.add_argument("--tweede", action="store_true", help="importeer hetzelfde bestand nog eens (alles dubbel)")
    args = ap.parse_args()
    rng = random.Random(12)
    with tempfile.TemporaryDirectory() as tmp:
        schema = None
        if args.db == "sqlite":
            engine = make_engine(f"sqlite:///{tmp}/bench.sqlite")
        else:
            schema = "bench_" + uuid.uuid4().hex[:8]
            admin = sa.create_engine(args.url)
            with admin.begin() as conn:
                conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
            engine = make_engine(args.url, connect_args={"options": f"-csearch_path={schema}"})
        try:
            t0 = time.perf_counter()
            eigen, anderen = build_world(engine, args.clients, rng)
            pad = Path(tmp) / "declaraties.csv"
            write_file(pad, args.regels, eigen, anderen, rng)
            print(
                f"{args.db}: wereld {args.clients:,} cliënten, 50 aanbieders, "
                f"bestand {pad.stat().st_size / 1e6:.0f} MB "
                f"in {time.perf_counter() - t0:.1f} s; load average {os.getloadavg()[0]:.2f} "
                "(andere engineers werkten tegelijk op deze 2 cores)"
            )
            run(engine, pad, f"{args.db} eerste import")
            if args.tweede:
                run_use_case(engine, pad, f"{args.db} tweede import van hetzelfde bestand")
            print(f"load average na afloop {os.getloadavg()[0]:.2f}")
        finally:
            engine.dispose()
            if schema:
                with admin.begin() as conn:
                    conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
                admin.dispose()


if __name__ == "__main__":
    main()
