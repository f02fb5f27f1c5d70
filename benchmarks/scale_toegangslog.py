"""Fill the zorgkantoor's access log (``toegangslog``) with millions of synthetic lines, fast (a script, not a test).

A zorgkantoor's NEN 7513 log holds every read and change of every client's file for years: millions of lines. To
measure the service at that size (``benchmarks/scale_load.py``) this writes ``--regels`` lines into an existing,
migrated zorgkantoor database (e.g. after ``wlz demo --clients 30000``):

- PostgreSQL: the lines in a compact form (four integers each) with ``COPY ... FROM STDIN`` into a temporary
  table, then one ``INSERT ... SELECT`` that joins them to the kinds, accounts and clients, all in one
  transaction; the log's secondary indexes are dropped first and built again after the load
  (``maintenance_work_mem`` raised for the build), as a bulk load does; the table is ANALYZEd at the end;
- SQLite: ``executemany`` of a prepared INSERT in blocks of 100,000 (no COPY there).

The lines are synthetic but shaped like the service's own (``wlz.platform.access_log.line``): the database's own
accounts (every account, the demo's assessor most) and clients (a client's file read, searched, changed), the
actions and purposes the service writes, times spread over the year before now and rising with the id. No BSN is
written (the log never holds one). The same ``--seed`` gives the same lines.

    .venv/bin/python benchmarks/scale_toegangslog.py --url "$WLZ_DATABASE_URL" --regels 10000000
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import time
from pathlib import Path

import sqlalchemy as sa
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from wlz.zorgkantoor.storage import orm  # noqa: E402

#: (actie, onderwerp, doel, share): what the service writes, roughly as often as a zorgkantoor's day has it
_SOORTEN = [
    ("lezen", "dossier", "beoordeling en toewijzing van Wlz-zorg", 55),
    ("zoeken", "cliëntenlijst (50)", "beoordeling en toewijzing van Wlz-zorg", 12),
    ("lezen", "aanvraag extra zorg", "beoordeling en toewijzing van Wlz-zorg", 10),
    ("wijzigen", "aanvraag in behandeling", "beoordeling en toewijzing van Wlz-zorg", 5),
    ("aanmaken", "aanvraag extra zorg", "beoordeling en toewijzing van Wlz-zorg", 4),
    ("lezen", "dossier", "levering van toegewezen zorg", 8),
    ("aanmaken", "AW33 zorgtoewijzing", "beoordeling en toewijzing van Wlz-zorg", 3),
    ("wijzigen", "besluit genomen", "beoordeling en toewijzing van Wlz-zorg", 3),
]
#: lines without a client (a search, a list): their client_id is empty
_ZONDER_CLIENT = {"cliëntenlijst (50)"}
_KOLOMMEN = ("tijdstip", "gebruiker_id", "gebruikersnaam", "rol", "client_id", "actie", "onderwerp", "doel", "kanaal")
_BLOK = 100_000


def _lijnen(n: int, begin: int, clients: list[str], accounts: list[tuple], rng: random.Random, start: dt.datetime,
            stap: float) -> list[tuple]:  # fmt: skip
    """Lines ``begin`` .. ``begin + n - 1`` as tuples of ``_KOLOMMEN``; times rise with the line number."""
    soorten = rng.choices(_SOORTEN, weights=[s[3] for s in _SOORTEN], k=n)
    wie = rng.choices(accounts, weights=[a[3] for a in accounts], k=n)
    welke = rng.choices(clients, k=n)
    uit = []
    for i in range(n):
        actie, onderwerp, doel, _ = soorten[i]
        gid, naam, rol, _ = wie[i]
        tijd = start + dt.timedelta(seconds=(begin + i) * stap)
        cid = None if onderwerp in _ZONDER_CLIENT else welke[i]
        uit.append((tijd, gid, naam, rol, cid, actie, onderwerp, doel, "api" if i % 3 else "web"))
    return uit


def _vul_postgres(
    conn: sa.Connection,
    regels: int,
    clients: list[str],
    accounts: list[tuple],
    rng: random.Random,
    start: dt.datetime,
    stap: float,
    voortgang: Progress,
    taak: TaskID,
    tijden: dict[str, float],
) -> None:
    """COPY the lines in a compact form (line number, kind, account, client: four integers) into a temporary
    table, then one ``INSERT ... SELECT`` joins them to the kinds, accounts and clients and computes the time:
    Python only draws numbers (about a microsecond a line), the database writes the rows. The log's secondary
    indexes are dropped before and built after (faster than keeping them up to date line by line)."""
    tabel = orm.toegangslog
    t0 = time.perf_counter()
    conn.exec_driver_sql(
        "CREATE TEMP TABLE log_soorten (nr int, actie text, onderwerp text, doel text, met_client bool)"
    )
    conn.exec_driver_sql("CREATE TEMP TABLE log_accounts (nr int, id text, naam text, rol text)")
    conn.exec_driver_sql("CREATE TEMP TABLE log_clients (nr int, id text)")
    conn.exec_driver_sql("CREATE TEMP TABLE log_regels (n bigint, soort smallint, account smallint, client int)")
    cur = conn.connection.driver_connection.cursor()
    cur.executemany(
        "INSERT INTO log_soorten VALUES (%s, %s, %s, %s, %s)",
        [(i, a, o, d, o not in _ZONDER_CLIENT) for i, (a, o, d, _) in enumerate(_SOORTEN)],
    )
    cur.executemany("INSERT INTO log_accounts VALUES (%s, %s, %s, %s)", [(i, *a[:3]) for i, a in enumerate(accounts)])
    with cur.copy("COPY log_clients (nr, id) FROM STDIN") as copy:
        copy.write("".join(f"{i}\t{c}\n" for i, c in enumerate(clients)).encode())
    soort_nrs, soort_w = range(len(_SOORTEN)), [s[3] for s in _SOORTEN]
    account_nrs, account_w = range(len(accounts)), [a[3] for a in accounts]
    with cur.copy("COPY log_regels (n, soort, account, client) FROM STDIN") as copy:
        for begin in range(0, regels, _BLOK):
            n = min(_BLOK, regels - begin)
            soorten = rng.choices(soort_nrs, weights=soort_w, k=n)
            wie = rng.choices(account_nrs, weights=account_w, k=n)
            welke = [rng.randrange(len(clients)) for _ in range(n)]
            copy.write("".join(f"{begin + i}\t{soorten[i]}\t{wie[i]}\t{welke[i]}\n" for i in range(n)).encode())
            voortgang.advance(taak, n)
    tijden["COPY van de compacte regels"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    indexen = list(tabel.indexes)
    for i in indexen:
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {i.name}")
    schrijven = voortgang.add_task("in het toegangslog (INSERT ... SELECT)", total=None)
    conn.execute(
        sa.text(
            f"INSERT INTO toegangslog ({', '.join(_KOLOMMEN)}) "
            "SELECT CAST(:start AS timestamptz) + r.n * CAST(:stap AS double precision) * interval '1 second', "
            "a.id, a.naam, a.rol, CASE WHEN s.met_client THEN c.id END, s.actie, s.onderwerp, s.doel, "
            "CASE WHEN r.n % 3 = 0 THEN 'web' ELSE 'api' END "
            "FROM log_regels r JOIN log_soorten s ON s.nr = r.soort JOIN log_accounts a ON a.nr = r.account "
            "JOIN log_clients c ON c.nr = r.client"
        ),
        {"start": start, "stap": stap},
    )
    voortgang.update(schrijven, total=1, completed=1)
    tijden["INSERT ... SELECT in toegangslog"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    indexeren = voortgang.add_task("indexen opnieuw", total=len(indexen))
    conn.exec_driver_sql("SET LOCAL maintenance_work_mem = '256MB'")
    for i in indexen:
        i.create(conn)
        voortgang.advance(indexeren)
    tijden[f"{len(indexen)} indexen opnieuw gebouwd"] = time.perf_counter() - t0
    for t in ("log_regels", "log_clients", "log_accounts", "log_soorten"):
        conn.exec_driver_sql(f"DROP TABLE {t}")


def _accounts(conn: sa.Connection) -> list[tuple]:
    """(id, name, role, weight) of every account: the assessors and administrators log most."""
    g = orm.gebruikers.c
    gewicht = {"beoordelaar": 60, "beheerder": 5, "aanbieder": 20, "client": 1}
    return [
        (r.id, r.gebruikersnaam, r.rol, gewicht.get(r.rol, 1))
        for r in conn.execute(sa.select(g.id, g.gebruikersnaam, g.rol).order_by(g.gebruikersnaam))
    ]


def _voortgang() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    )


def vul(url: str, regels: int, seed: int = 9) -> float:
    """Write ``regels`` synthetic lines; return the seconds it took."""
    engine = sa.create_engine(url)
    rng = random.Random(seed)
    t0 = time.perf_counter()
    with engine.connect() as conn:
        clients = list(conn.execute(sa.select(orm.clients.c.id).order_by(orm.clients.c.id)).scalars())
        accounts = _accounts(conn)
    if not clients or not accounts:
        raise SystemExit("De database heeft geen cliënten of gebruikers: vul hem eerst (wlz demo).")
    eind = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
    start = eind - dt.timedelta(days=365)
    stap = 365 * 86400 / regels
    tabel = orm.toegangslog
    tijden: dict[str, float] = {}  # PostgreSQL: seconds per step, printed after the progress bars
    with _voortgang() as voortgang, engine.begin() as conn:
        taak = voortgang.add_task("toegangslog", total=regels)
        if engine.dialect.name == "postgresql":
            _vul_postgres(conn, regels, clients, accounts, rng, start, stap, voortgang, taak, tijden)
        else:
            insert = sa.insert(tabel)
            for begin in range(0, regels, _BLOK):
                blok = _lijnen(min(_BLOK, regels - begin), begin, clients, accounts, rng, start, stap)
                conn.execute(insert, [dict(zip(_KOLOMMEN, r, strict=True)) for r in blok])
                voortgang.advance(taak, len(blok))
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("ANALYZE toegangslog" if engine.dialect.name == "postgresql" else "ANALYZE")
    engine.dispose()
    for stap_naam, seconden in tijden.items():
        print(f"   {stap_naam}: {seconden:.1f} s", flush=True)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--url", default=os.environ.get("WLZ_DATABASE_URL", ""), help="the zorgkantoor's database")
    ap.add_argument("--regels", type=int, default=10_000_000, help="lines to write")
    ap.add_argument("--seed", type=int, default=9)
    args = ap.parse_args()
    if not args.url:
        raise SystemExit("Geef --url of WLZ_DATABASE_URL.")
    load_voor = os.getloadavg()
    duur = vul(args.url, args.regels, args.seed)
    print(
        f"{args.regels:,} regels in {duur:.1f} s ({args.regels / duur:,.0f} per s); load average (1/5/15 min) "
        f"voor {'/'.join(f'{x:.2f}' for x in load_voor)}, na {'/'.join(f'{x:.2f}' for x in os.getloadavg())} "
        f"({os.cpu_count()} kernen, gedeeld met ander werk)"
    )


if __name__ == "__main__":
    main()
