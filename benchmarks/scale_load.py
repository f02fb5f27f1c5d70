"""The zorgkantoor service at a zorgkantoor's scale (a script, not a test): 30,000 clients, 10 million access-log
lines, on PostgreSQL.

1. Builds the database in a schema of its own on ``$WLZ_TEST_DATABASE_URL`` (``scripts/postgres.sh``): ``wlz demo``'s
   fill for ``--clients`` clients (timed: the demo's own figure) plus the browser tests' fixed clients and one API
   token per role, then ``--regels`` access-log lines (``benchmarks/scale_toegangslog.py``, timed). With
   ``--schema NAME --bewaar`` the schema is kept, and a later run with the same ``--schema`` reuses it (the
   build takes minutes) with fresh tokens.
2. Starts the real server (``benchmarks/service_load.py``'s ``Server``: uvicorn, workers as ``wlz serve``).
3. Lists at that size, one request at a time (``--herhalingen`` each, no other load from this script): the work
   list (first page, one status, a deep page by keyset ``na`` and the same depth by ``offset``), the client list
   (first page, a name search, a deep page by keyset and by offset), the access log (newest page, one account's
   lines, one client's lines, a deep page by ``voor_id``). Prints p50/p99 per kind; goal: work list and client
   search < 50 ms p99.
4. The load of ``benchmarks/service_load.py`` (closed loop by default: readers of client files, the client list
   and the work list, plus submissions at a steady pace): reads/s, read p99, submission p99, lost writes.
   Goal: >= 1,000 reads/s at read p99 < 50 ms, submission p99 < 300 ms, 0 lost writes.

The machine's load average is printed with every figure, and the CPU the server, its PostgreSQL and the load
generator used per read: on a shared machine the figures are low; run it again on a quiet one with the same
command. A reused schema (``--schema NAME``) is first brought to the newest migration. ``--aanvragen 0`` measures
reads alone (their CPU per read without the submissions' rules evaluations).

    eval "$(WLZ_PG_PORT=54341 WLZ_PG_DIR=/tmp/wlz-pg-54341 bash scripts/postgres.sh start)"
    .venv/bin/python benchmarks/scale_load.py --schema schaal30k --bewaar   # builds once (minutes), then reuses
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
import tempfile
import time
from pathlib import Path

import httpx
import sqlalchemy as sa

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import scale_toegangslog  # noqa: E402
import service_load  # noqa: E402
from tests.zorgkantoor.e2e.server import WACHTWOORDEN, Scenario, maak_database  # noqa: E402

from wlz.platform.database import make_engine  # noqa: E402
from wlz.zorgkantoor.services import auth  # noqa: E402
from wlz.zorgkantoor.services.actor import SYSTEEM  # noqa: E402
from wlz.zorgkantoor.storage import migrate  # noqa: E402
from wlz.zorgkantoor.storage.uow import UnitOfWorkFactory  # noqa: E402


def _load() -> str:
    return "/".join(f"{x:.2f}" for x in os.getloadavg())


def _schema_url(basis: str, schema: str) -> str:
    sep = "&" if "?" in basis else "?"
    return f"{basis}{sep}options=-csearch_path%3D{schema}"


def _bestaand_scenario(url: str) -> Scenario | None:
    """A schema built before: brought to the newest migration (the code may have moved on since it was built),
    its fixed clients, and fresh API tokens (a token is shown only when made)."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            if not sa.inspect(conn).has_table("clients"):
                return None
        migrate.upgrade(engine)
        with engine.connect() as conn:
            ids = dict(
                conn.execute(
                    sa.text(
                        "SELECT achternaam, id FROM clients WHERE achternaam IN ('Thuiszorg-E2E', 'Anderaanbieder-E2E')"
                    )
                ).all()
            )
        if len(ids) < 2:
            return None
        uowf = UnitOfWorkFactory(engine)
        tokens = {}
        with uowf(write=True) as uow:
            for rol in WACHTWOORDEN:
                g = uow.gebruikers.met_naam(rol)
                _, tokens[rol] = auth.maak_token(uow, SYSTEEM, g.id, f"schaal {rol} {time.time():.0f}")
            uow.commit()
        return Scenario(ids["Thuiszorg-E2E"], "Thuiszorg-E2E", ids["Anderaanbieder-E2E"], tokens)
    finally:
        engine.dispose()


def bouw(url: str, clients: int, regels: int) -> Scenario:
    print(f"== database bouwen: {clients:,} cliënten (wlz demo) + {regels:,} toegangslogregels", flush=True)
    print(f"   load average voor: {_load()}", flush=True)
    t = time.perf_counter()
    scenario = maak_database(url, clients=clients)
    print(f"   demo gevuld in {time.perf_counter() - t:.1f} s (load average na: {_load()})", flush=True)
    duur = scale_toegangslog.vul(url, regels)
    print(f"   toegangslog gevuld in {duur:.1f} s (load average na: {_load()})", flush=True)
    return scenario


def _pagina_ids(url: str) -> dict[str, str]:
    """Ids to page from deep in each list (the row at about 90 % of the list), and a client and an account with
    many log lines."""
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        n_aanvragen = conn.execute(sa.text("SELECT count(*) FROM aanvragen")).scalar_one()
        n_clients = conn.execute(sa.text("SELECT count(*) FROM clients")).scalar_one()
        uit = {
            "aanvraag_diep": conn.execute(
                sa.text("SELECT id FROM aanvragen ORDER BY termijn, id OFFSET :o LIMIT 1"), {"o": n_aanvragen * 9 // 10}
            ).scalar_one(),
            "aanvragen_diepte": str(n_aanvragen * 9 // 10),
            "client_diep": conn.execute(
                sa.text("SELECT id FROM clients ORDER BY achternaam, voornamen, id OFFSET :o LIMIT 1"),
                {"o": n_clients * 9 // 10},
            ).scalar_one(),
            "clients_diepte": str(n_clients * 9 // 10),
            "log_client": conn.execute(sa.text("SELECT id FROM clients ORDER BY id LIMIT 1")).scalar_one(),
            "log_diep": str(conn.execute(sa.text("SELECT max(id) FROM toegangslog")).scalar_one() // 10),
        }
    engine.dispose()
    return uit


def lijsten(server_url: str, scenario: Scenario, url: str, herhalingen: int) -> dict[str, float]:
    """p50/p99 of each list read, one request at a time; returns p99 per kind."""
    ids = _pagina_ids(url)
    soorten = {
        "werkvoorraad, eerste pagina": ("beoordelaar", "/api/aanvragen?limit=50"),
        "werkvoorraad, status ingediend": ("beoordelaar", "/api/aanvragen?limit=50&status=ingediend"),
        "werkvoorraad, diep (na)": ("beoordelaar", f"/api/aanvragen?limit=50&na={ids['aanvraag_diep']}"),
        "werkvoorraad, diep (offset)": ("beoordelaar", f"/api/aanvragen?limit=50&offset={ids['aanvragen_diepte']}"),
        "cliëntenlijst, eerste pagina": ("beoordelaar", "/api/clients?limit=50"),
        "cliëntenlijst, zoeken op naam": ("beoordelaar", None),  # a name fragment per request
        "cliëntenlijst, diep (na)": ("beoordelaar", f"/api/clients?limit=50&na={ids['client_diep']}"),
        "cliëntenlijst, diep (offset)": ("beoordelaar", f"/api/clients?limit=50&offset={ids['clients_diepte']}"),
        "cliëntenlijst, aanbieder": ("aanbieder", "/api/clients?limit=50"),
        "toegangslog, nieuwste": ("beheerder", "/api/toegangslog?limit=200"),
        "toegangslog, één gebruiker": ("beheerder", "/api/toegangslog?limit=200&gebruikersnaam=beheerder"),
        "toegangslog, één cliënt": ("beheerder", f"/api/toegangslog?limit=200&client_id={ids['log_client']}"),
        "toegangslog, diep (voor_id)": ("beheerder", f"/api/toegangslog?limit=200&voor_id={ids['log_diep']}"),
    }
    namen = ["jans", "vries", "bak", "smit", "meij", "kok", "el am", "pinas", "dijk", "vos"]
    rng = random.Random(3)
    print(f"\n== lijsten bij deze omvang, één verzoek tegelijk ({herhalingen}x per soort); load {_load()}")
    print(f"   {'soort':<34}{'aantal':>7}{'fout':>6}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}")
    p99: dict[str, float] = {}
    with httpx.Client(base_url=server_url, timeout=60) as client:
        for soort, (rol, pad) in soorten.items():
            h = {"Authorization": f"Bearer {scenario.tokens[rol]}"}
            ms, fout = [], 0
            for i in range(herhalingen + 5):
                p = pad or f"/api/clients?limit=50&q={rng.choice(namen)}"
                t = time.perf_counter()
                r = client.get(p, headers=h)
                if i >= 5:  # the first five warm up
                    ms.append((time.perf_counter() - t) * 1000)
                    fout += r.status_code != 200
            p50, p99[soort] = service_load._pct(ms, 50), service_load._pct(ms, 99)
            print(f"   {soort:<34}{len(ms):>7}{fout:>6}{p50:>9.1f}{p99[soort]:>9.1f}{max(ms):>9.1f}", flush=True)
    print(f"   load average na: {_load()}")
    return p99


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=30_000)
    ap.add_argument("--regels", type=int, default=10_000_000, help="access-log lines")
    ap.add_argument("--schema", default="", help="schema name (default: a fresh one, dropped at the end)")
    ap.add_argument("--bewaar", action="store_true", help="keep the schema (reuse it with the same --schema)")
    ap.add_argument("--herhalingen", type=int, default=200, help="requests per list kind in step 3")
    ap.add_argument("--alleen-lijsten", action="store_true", help="skip the load (step 4)")
    # the load (benchmarks/service_load.py's options)
    ap.add_argument("--workers", type=int, default=0)
    ap.add_argument("--duur", type=float, default=15)
    ap.add_argument("--lezers", type=int, default=16)
    ap.add_argument("--schrijvers", type=int, default=4)
    ap.add_argument("--leestempo", type=float, default=0)
    ap.add_argument("--aanvragen", type=int, default=30)
    ap.add_argument("--tempo", type=float, default=2)
    args = ap.parse_args()

    basis = os.environ.get("WLZ_TEST_DATABASE_URL", "")
    if not basis.startswith("postgresql"):
        raise SystemExit('Start eerst PostgreSQL: eval "$(bash scripts/postgres.sh start)"')
    schema = args.schema or "schaal_" + os.urandom(4).hex()
    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,40}", schema):
        raise SystemExit("--schema: alleen kleine letters, cijfers en _")
    print(f"machine: {os.cpu_count()} kernen, gedeeld met ander werk; load average {_load()}")
    admin = sa.create_engine(basis)
    with admin.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA IF NOT EXISTS {schema}")
    url = _schema_url(basis, schema)
    try:
        scenario = _bestaand_scenario(url)
        if scenario is None:
            scenario = bouw(url, args.clients, args.regels)
        else:
            print(f"== schema {schema} hergebruikt (al gebouwd)")
        with tempfile.TemporaryDirectory() as d:
            env = {"WLZ_DATABASE_URL": url, "WLZ_DATA_DIR": d, "WLZ_SECRET_KEY": "schaal"}
            if args.alleen_lijsten:
                server = service_load.Server(env, workers=args.workers or os.cpu_count() or 1)
                try:
                    lijsten(server.url, scenario, url, args.herhalingen)
                finally:
                    server.stop()
                return
            r = service_load._meet(
                "postgres",
                url,
                env,
                args,
                scenario=scenario,
                voor_de_belasting=lambda server_url, sc: lijsten(server_url, sc, url, args.herhalingen),
            )
        doel = (
            r["reads_per_s"] >= 1000
            and r["p99"] < 50
            and (r["write_p99"] or 0) < 300
            and r["verloren"] == 0
            and r["logregels_verschil"] == 0
            and r["leesfouten"] == 0
        )
        print(
            f"\ndoel (>= 1.000 lezingen/s, lees-p99 < 50 ms, indienen p99 < 300 ms, 0 verloren): "
            f"{r['reads_per_s']:.0f}/s, p99 {r['p99']:.1f} ms, indienen p99 {r['write_p99'] or 0:.1f} ms, "
            f"{r['verloren']} verloren, toegangslog {r['logregels_verschil']:+d} regels -> "
            f"{'gehaald' if doel else 'NIET gehaald'} (load average nu {_load()})"
        )
    finally:
        if not args.bewaar:
            with admin.begin() as conn:
                conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()


if __name__ == "__main__":
    main()
