"""Load benchmark of the zorgkantoor service (a script, not a test): concurrent reads and request submissions.

For SQLite and (when WLZ_TEST_DATABASE_URL is set, see scripts/postgres.sh) PostgreSQL:
1. a fresh database filled like ``wlz demo`` (plus the fixed scenario clients of the browser tests, and one API
   token per role);
2. the real server: ``uvicorn wlz.zorgkantoor.app:create_app`` on 127.0.0.1 (loopback only) with as many worker
   processes as ``wlz serve`` starts (PostgreSQL: one per core; SQLite: 1), each with its rules helper process;
3. a warm-up (every kind of read, and one submission per worker so each has loaded the rules) that is not
   counted; then for a bounded time, concurrent API reads with an assessor's token — a client file
   (GET /api/clients/{id}, which also writes its NEN 7513 access-log line), the client list and the work list —
   while at the same time a bounded number of extra-care requests is submitted at a fixed pace
   (POST /api/clients/{id}/aanvragen: validation, the rules evaluate every scheme, one transaction);
4. prints requests per second (reads over the reading window only) and p50/p99 latency per kind, the load
   average of the machine before and after, the CPU seconds the server (with its rules helpers), PostgreSQL
   (every backend on the machine) and the load generator used in the window, and checks in the database that
   every request the server acknowledged (201, warm-up included) is there: zero lost writes.

The load generator runs on the same machine (loopback), so it takes CPU from the server: the figures are a
lower bound for a server with the machine to itself. ``--tempo 0`` submits as fast as the writers can.
Two ways to read: closed loop (default; every reader reads again as soon as it has its answer: the highest rate
the server reaches, with the latency of a saturated server), or open loop with ``--leestempo 300`` (300 reads/s
planned over the readers; a read's latency counts from its planned time): the goal's question, whether the
server answers 300 reads/s within 100 ms at p99.

Goal: with PostgreSQL at least 300 reads/s at p99 under 100 ms, and zero lost writes.

    .venv/bin/python benchmarks/service_load.py                     # SQLite, and PostgreSQL if configured
    eval "$(bash scripts/postgres.sh start)"; .venv/bin/python benchmarks/service_load.py --db postgres
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx
import sqlalchemy as sa

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.zorgkantoor.e2e.server import INTAKE_PERIODE, Server, maak_database  # noqa: E402


def _run(coro):
    """uvloop when installed (it is a dependency of the server too): a lighter load generator."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run(coro)
    return uvloop.run(coro)


def _cpu_per_process(pids: set[int] | None = None, naam: str | None = None) -> dict[int, float]:
    """CPU seconds (user + system) per process: ``pids`` and all their descendants, or every process whose name
    starts with ``naam`` (every PostgreSQL on the machine, also other work's: only when the server is unknown)."""
    stats = {}
    for p in os.listdir("/proc"):
        if p.isdigit():
            try:
                with open(f"/proc/{p}/stat") as f:
                    st = f.read()
            except OSError:
                continue
            rest = st[st.rindex(")") + 2 :].split()
            stats[int(p)] = (st[st.index("(") + 1 : st.rindex(")")], int(rest[1]), int(rest[11]) + int(rest[12]))
    if naam is not None:
        gekozen = {p for p, (n, _, _) in stats.items() if n.startswith(naam)}
    else:
        gekozen = set(pids or ())
        groei = True
        while groei:
            nieuw = {p for p, (_, ouder, _) in stats.items() if ouder in gekozen} - gekozen
            gekozen |= nieuw
            groei = bool(nieuw)
    tck = os.sysconf("SC_CLK_TCK")
    return {p: stats[p][2] / tck for p in gekozen if p in stats}


def _cpu_s(pids: set[int] | None = None, naam: str | None = None) -> float:
    """CPU seconds of ``pids`` and their descendants together (see :func:`_cpu_per_process`)."""
    return sum(_cpu_per_process(pids, naam).values())


def _machine_s() -> tuple[float, float, float]:
    """The whole machine's CPU seconds since boot (``/proc/stat``): busy (user, nice, system, irq), idle (incl.
    waiting for IO) and stolen by the hypervisor. Printed with the window's figures: a window with idle CPU while
    the readers wait was not limited by the server's CPU, one with other busy time shared the cores."""
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:9]]
    tck = os.sysconf("SC_CLK_TCK")
    return (v[0] + v[1] + v[2] + v[5] + v[6]) / tck, (v[3] + v[4]) / tck, v[7] / tck


def database_pids(url: str) -> set[int]:
    """The database server's own processes to count CPU of: PostgreSQL's postmaster (its backends, WAL writer and
    checkpointer are its children), found as the parent of one of its backends; on a machine shared with other
    PostgreSQL servers only this one's work is counted. SQLite: none (it runs inside the server process)."""
    if not url.startswith("postgresql"):
        return set()
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:  # read while the backend lives
            backend = conn.execute(sa.text("SELECT pg_backend_pid()")).scalar_one()
            try:
                with open(f"/proc/{backend}/stat") as f:
                    st = f.read()
            except OSError:  # the server runs elsewhere (another machine, a container): its CPU is not counted
                return set()
    finally:
        engine.dispose()
    return {int(st[st.rindex(")") + 2 :].split()[1])}


def _load(la: tuple[float, float, float]) -> str:
    return "/".join(f"{x:.2f}" for x in la)


def _boven(waarden: list[float], grens: float = 100) -> str:
    """Share of answers slower than ``grens`` ms (where the tail starts, beside p99)."""
    return f"{100 * sum(w > grens for w in waarden) / len(waarden):.1f}%" if waarden else "-"


def _pct(waarden: list[float], p: float) -> float:
    if not waarden:
        return float("nan")
    s = sorted(waarden)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


class _Verbinding:
    """A minimal HTTP/1.1 keep-alive GET client on one loopback connection, for the readers.

    httpx costs about 1.6 ms CPU per request, as much as a third of what the server spends; the load generator
    shares the machine with the server, so a heavy client lowers the figures it measures. This one only writes a
    request line with headers and reads the status line, headers and a Content-Length body.
    """

    def __init__(self, url: str, token: str):
        u = httpx.URL(url)
        self.host, self.port = u.host, u.port
        self.kop = f"Host: {self.host}:{self.port}\r\nAuthorization: Bearer {token}\r\n\r\n".encode()
        self.r: asyncio.StreamReader | None = None
        self.w: asyncio.StreamWriter | None = None

    async def get(self, pad: str) -> tuple[int, bytes]:
        if self.w is None:
            self.r, self.w = await asyncio.open_connection(self.host, self.port)
        self.w.write(f"GET {pad} HTTP/1.1\r\n".encode() + self.kop)
        kop = await self.r.readuntil(b"\r\n\r\n")
        regels = kop.split(b"\r\n")
        status = int(regels[0].split()[1])
        lengte = None
        for regel in regels[1:]:
            naam, _, waarde = regel.partition(b":")
            if naam.strip().lower() == b"content-length":
                lengte = int(waarde)
            elif naam.strip().lower() == b"transfer-encoding":
                raise RuntimeError("chunked answer: not expected from the API")
        if lengte is None:
            raise RuntimeError("answer without Content-Length")
        return status, await self.r.readexactly(lengte)

    async def sluit(self) -> None:
        if self.w is not None:
            self.w.close()
            await self.w.wait_closed()


async def _lezer(
    verbinding: _Verbinding,
    start: float,
    eind: float,
    client_ids: list[str],
    stats: dict,
    rng: random.Random,
    tempo: float = 0,
    rooster: itertools.count | None = None,
):
    """Closed loop (``tempo`` 0): the next read as soon as the answer is in. Open loop (``tempo`` reads/s over
    all readers): read n is due at start + n / tempo; a reader that is free takes the next due read from the
    shared ``rooster`` (so a connection held by a busy server process takes fewer, as behind a load balancer),
    and a read's latency counts from the time it was due, so a slow answer also counts against the reads it
    delayed (no 'coordinated omission')."""
    while time.monotonic() < eind:
        soort = rng.choices(["dossier", "clientenlijst", "werkvoorraad"], weights=[6, 2, 2])[0]
        pad = {
            "dossier": lambda: f"/api/clients/{rng.choice(client_ids)}",
            "clientenlijst": lambda: "/api/clients?limit=50",
            "werkvoorraad": lambda: "/api/aanvragen?limit=50",
        }[soort]()
        if tempo:
            gepland = start + next(rooster) / tempo
            if gepland >= eind:
                break
            await asyncio.sleep(max(0.0, gepland - time.monotonic()))
            t = time.perf_counter() - (time.monotonic() - gepland)
        else:
            t = time.perf_counter()
        status, _ = await verbinding.get(pad)
        dt_ms = (time.perf_counter() - t) * 1000
        stats.setdefault(soort, {"ms": [], "fout": 0})
        stats[soort]["ms"].append(dt_ms)
        if status != 200:
            stats[soort]["fout"] += 1


def _aanvraag(n: int) -> dict:
    van, tot = INTAKE_PERIODE
    return {
        "periode_van": van.isoformat(),
        "periode_tot": tot.isoformat(),
        "zorgbehoefte_uren_per_week": 30 + n % 20,
        "profiel_uren_per_week": 20,
        "criteria": {"meerzorg_gevraagd": 1000.0 + n},
        "toelichting": f"loadtest {n}",
    }


async def _schrijver(
    client: httpx.AsyncClient, wachtrij: asyncio.Queue, client_id: str, stats: dict, ok: list, start: float, tempo
):
    while True:
        try:
            n = wachtrij.get_nowait()
        except asyncio.QueueEmpty:
            return
        if tempo:  # submission n is due at start + n / tempo (a steady stream, not a burst)
            await asyncio.sleep(max(0.0, start + n / tempo - time.monotonic()))
        body = _aanvraag(n)
        t = time.perf_counter()
        r = await client.post(f"/api/clients/{client_id}/aanvragen", json=body)
        dt_ms = (time.perf_counter() - t) * 1000
        s = stats.setdefault("aanvraag indienen", {"ms": [], "fout": 0})
        s["ms"].append(dt_ms)
        if r.status_code == 201:
            ok.append(r.json()["id"])
        else:
            s["fout"] += 1


async def _belasting(
    url: str, token: str, client_ids: list[str], schrijf_client: str, args, server_pid: int, db_pids: set[int]
) -> tuple[dict, list, float, list[float]]:
    stats: dict = {}
    ok: list[str] = []
    limits = httpx.Limits(max_connections=args.lezers + args.schrijvers + 4)
    headers = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(base_url=url, headers=headers, limits=limits, timeout=60) as client:
        # warm-up, not counted: every kind of read on every worker's connections, and (when the run submits)
        # one submission per worker so each has loaded the rules; those must not be lost either
        warm = [f"/api/clients/{client_ids[i % len(client_ids)]}" for i in range(40)]
        warm += ["/api/clients?limit=50", "/api/aanvragen?limit=50"] * 10
        antwoorden = await asyncio.gather(*(client.get(u) for u in warm))
        # the warm-up's reads that write an access-log line (a file, the client list; the work list writes none)
        gelogd_warm = sum(
            r.status_code == 200 and not u.startswith("/api/aanvragen") for u, r in zip(warm, antwoorden, strict=True)
        )
        if args.aanvragen:
            posts = [client.post(f"/api/clients/{schrijf_client}/aanvragen", json=_aanvraag(-1 - i)) for i in range(4)]
            ok += [r.json()["id"] for r in await asyncio.gather(*posts) if r.status_code == 201]
        # the readers' own connections, opened and used once before the clock starts
        verbindingen = [_Verbinding(url, token) for _ in range(args.lezers)]
        await asyncio.gather(*(v.get("/api/aanvragen?limit=1") for v in verbindingen))
        wachtrij: asyncio.Queue = asyncio.Queue()
        for n in range(args.aanvragen):
            wachtrij.put_nowait(n)
        per_proces_voor = _cpu_per_process({server_pid})
        cpu_voor = (_cpu_s({server_pid}), _cpu_s(db_pids), time.process_time(), *_machine_s())
        start = time.monotonic()
        eind = start + args.duur
        rng = random.Random(7)
        rooster = itertools.count()
        lezers = [
            _lezer(v, start, eind, client_ids, stats, random.Random(rng.random()), args.leestempo, rooster)
            for v in verbindingen
        ]
        await asyncio.gather(
            *lezers,
            *(
                _schrijver(client, wachtrij, schrijf_client, stats, ok, start, args.tempo)
                for _ in range(args.schrijvers)
            ),
        )
        duur = time.monotonic() - start
        cpu = [
            na - voor
            for na, voor in zip(
                (_cpu_s({server_pid}), _cpu_s(db_pids), time.process_time(), *_machine_s()), cpu_voor, strict=True
            )
        ]
        # per server process (workers and their rules helpers): a worker with more of the readers' connections
        # than the others is the bottleneck while the others idle (keep-alive connections stay where they landed)
        per_proces = _cpu_per_process({server_pid})
        cpu.append(sorted((v - per_proces_voor.get(p, 0.0) for p, v in per_proces.items()), reverse=True))
        for v in verbindingen:
            await v.sluit()
    return stats, ok, duur, cpu, gelogd_warm


def _laatste_logregel(engine: sa.Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(sa.text("SELECT coalesce(max(id), 0) FROM toegangslog")).scalar_one())


def _leesregels_na(engine: sa.Engine, na_id: int, gebruikersnaam: str) -> int:
    """The access-log lines of file reads and client lists by this account after line ``na_id``."""
    with engine.connect() as conn:
        return int(
            conn.execute(
                sa.text(
                    "SELECT count(*) FROM toegangslog WHERE id > :na AND gebruikersnaam = :g AND "
                    "((actie = 'lezen' AND onderwerp = 'dossier') OR (actie = 'zoeken' AND onderwerp LIKE :lijst))"
                ),
                {"na": na_id, "g": gebruikersnaam, "lijst": "cliëntenlijst%"},
            ).scalar_one()
        )


def _meet(naam: str, url: str, env: dict[str, str], args, scenario=None, voor_de_belasting=None) -> dict:
    """Fill the database (unless ``scenario`` says it is filled already: ``benchmarks/scale_load.py``), start the
    server, run ``voor_de_belasting(server_url, scenario)`` first when given, then the load."""
    if scenario is None:
        print(f"\n== {naam}: demo database vullen ({args.clients} cliënten) ...", flush=True)
        t = time.perf_counter()
        scenario = maak_database(url, clients=args.clients)
        print(f"   gevuld in {time.perf_counter() - t:.1f} s", flush=True)
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        client_ids = [r[0] for r in conn.execute(sa.text("SELECT id FROM clients"))]
        voor = conn.execute(
            sa.text("SELECT count(*) FROM aanvragen WHERE client_id = :c"), {"c": scenario.thuis_client_id}
        ).scalar_one()
    workers = args.workers or (1 if naam == "sqlite" else os.cpu_count() or 1)  # as ``wlz serve --workers 0``
    server = Server(env, workers=workers, log=Path(tempfile.gettempdir()) / f"wlz-load-{naam}.log")
    try:
        if voor_de_belasting is not None:
            voor_de_belasting(server.url, scenario)
        load_voor = os.getloadavg()
        log_voor = _laatste_logregel(engine)
        stats, ok, duur, cpu, gelogd_warm = _run(
            _belasting(
                server.url,
                scenario.tokens["beoordelaar"],
                client_ids,
                scenario.thuis_client_id,
                args,
                server.proc.pid,
                database_pids(url),
            )
        )
    finally:
        load_na = os.getloadavg()
        server.stop()
    with engine.connect() as conn:
        na = conn.execute(
            sa.text("SELECT count(*) FROM aanvragen WHERE client_id = :c"), {"c": scenario.thuis_client_id}
        ).scalar_one()
        gevonden = {
            r[0]
            for r in conn.execute(
                sa.text("SELECT id FROM aanvragen WHERE client_id = :c"), {"c": scenario.thuis_client_id}
            )
        }
    # every file read and client list answered 200 wrote its access-log line (NEN 7513): none lost, none twice
    logregels = _leesregels_na(engine, log_voor, "beoordelaar")
    engine.dispose()
    gelogd = gelogd_warm + sum(len(v["ms"]) - v["fout"] for k, v in stats.items() if k in ("dossier", "clientenlijst"))
    verloren = [i for i in ok if i not in gevonden]
    lezen = [ms for k, v in stats.items() if k != "aanvraag indienen" for ms in v["ms"]]
    fouten = sum(v["fout"] for k, v in stats.items() if k != "aanvraag indienen")
    tempo = f"{args.tempo:g}/s" if args.tempo else "zo snel als kan"
    leestempo = f"{args.leestempo:g}/s gepland" if args.leestempo else "zo snel als kan"
    print(
        f"   {workers} workers, {args.lezers} lezers ({leestempo}) {args.duur:g} s + {args.schrijvers} schrijvers "
        f"({args.aanvragen} aanvragen, {tempo}), klaar na {duur:.1f} s"
    )
    print(f"   load average (1/5/15 min) voor {_load(load_voor)}, na {_load(load_na)}")
    n_lezen = sum(len(v["ms"]) for k, v in stats.items() if k != "aanvraag indienen")
    print(
        f"   CPU in het venster: server {cpu[0]:.1f} s (incl. rekenhulp), database {cpu[1]:.1f} s (alleen deze "
        f"server), lastgenerator "
        f"{cpu[2]:.1f} s, van {2 * duur:.0f} s op {os.cpu_count()} kernen; per lezing (incl. aanvragen) server "
        f"{1000 * cpu[0] / max(1, n_lezen):.2f} ms, database {1000 * cpu[1] / max(1, n_lezen):.2f} ms, "
        f"lastgenerator {1000 * cpu[2] / max(1, n_lezen):.2f} ms"
    )
    overig = cpu[3] - cpu[0] - cpu[1] - cpu[2]
    print(
        f"   machine in het venster: bezig {cpu[3]:.1f} s (ander werk dan deze meting {max(0.0, overig):.1f} s), "
        f"onbenut {cpu[4]:.1f} s, door de hypervisor genomen {cpu[5]:.1f} s; per serverproces (werkers, "
        f"rekenhulpen): {', '.join(f'{v:.1f}' for v in cpu[6] if v >= 0.05)} s"
    )
    print(f"   {'soort':<20}{'aantal':>8}{'fout':>6}{'per s':>9}{'p50 ms':>9}{'p99 ms':>9}{'>100 ms':>9}")
    for soort, v in sorted(stats.items()):
        # reads ran for the reading window (args.duur); submissions may finish later
        venster = args.duur if soort != "aanvraag indienen" else duur
        print(
            f"   {soort:<20}{len(v['ms']):>8}{v['fout']:>6}{len(v['ms']) / venster:>9.1f}"
            f"{_pct(v['ms'], 50):>9.1f}{_pct(v['ms'], 99):>9.1f}{_boven(v['ms']):>9}"
        )
    print(
        f"   {'alle lezingen':<20}{len(lezen):>8}{fouten:>6}{len(lezen) / args.duur:>9.1f}"
        f"{_pct(lezen, 50):>9.1f}{_pct(lezen, 99):>9.1f}{_boven(lezen):>9}"
    )
    print(
        f"   toegangslog: {gelogd} beantwoorde lezingen met een logregel (dossier, cliëntenlijst, incl. opwarmen), "
        f"{logregels} regels erbij -> {'OK' if logregels == gelogd else 'FOUT'}"
    )
    print(
        f"   aanvragen: {len(ok)} bevestigd (201), {na - voor} nieuw in de database, "
        f"{len(verloren)} verloren  -> {'OK' if not verloren and na - voor == len(ok) else 'FOUT'}"
    )
    return {
        "reads_per_s": len(lezen) / args.duur,
        "leesfouten": fouten,
        "p50": _pct(lezen, 50),
        "p99": _pct(lezen, 99),
        "verloren": len(verloren),
        "logregels_verschil": logregels - gelogd,
        "mean_write_ms": statistics.mean(stats["aanvraag indienen"]["ms"]) if "aanvraag indienen" in stats else None,
        "write_p99": _pct(stats["aanvraag indienen"]["ms"], 99) if "aanvraag indienen" in stats else None,
        "per_soort_p99": {k: _pct(v["ms"], 99) for k, v in stats.items()},
        "cpu": cpu,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", choices=["sqlite", "postgres", "beide"], default="beide")
    ap.add_argument(
        "--workers",
        type=int,
        default=0,
        help="uvicorn worker processes; 0: as 'wlz serve' chooses (PostgreSQL: one per core, SQLite: 1, since "
        "SQLite has one write lock and every file read writes its access-log line)",
    )
    ap.add_argument("--clients", type=int, default=100, help="synthetic clients in the demo database")
    ap.add_argument("--duur", type=float, default=15, help="seconds of concurrent reads")
    ap.add_argument("--lezers", type=int, default=16, help="concurrent readers")
    ap.add_argument("--schrijvers", type=int, default=4, help="concurrent request submitters")
    ap.add_argument(
        "--leestempo",
        type=float,
        default=0,
        help="reads per second over all readers (open loop, latency from the planned time); 0: each reader "
        "reads again as soon as it has its answer (closed loop, the highest rate the server reaches)",
    )
    ap.add_argument("--aanvragen", type=int, default=30, help="requests for extra care to submit (bounded)")
    ap.add_argument(
        "--tempo", type=float, default=2, help="submissions per second (a steady stream); 0: as fast as possible"
    )
    args = ap.parse_args()

    print(f"machine: {os.cpu_count()} cores (shared with other work while measuring)")
    resultaten = {}
    if args.db in ("sqlite", "beide"):
        with tempfile.TemporaryDirectory() as d:
            url = f"sqlite:///{d}/wlz.sqlite"
            env = {"WLZ_DATABASE_URL": url, "WLZ_DATA_DIR": d, "WLZ_SECRET_KEY": "load"}
            resultaten["sqlite"] = _meet("sqlite", url, env, args)
    if args.db in ("postgres", "beide"):
        basis = os.environ.get("WLZ_TEST_DATABASE_URL", "")
        if not basis.startswith("postgresql"):
            print('\n== postgres: overgeslagen (start er een met: eval "$(bash scripts/postgres.sh start)")')
        else:
            schema = "load_" + uuid.uuid4().hex[:8]
            admin = sa.create_engine(basis)
            with admin.begin() as conn:
                conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
            sep = "&" if "?" in basis else "?"
            url = f"{basis}{sep}options=-csearch_path%3D{schema}"
            try:
                with tempfile.TemporaryDirectory() as d:
                    env = {"WLZ_DATABASE_URL": url, "WLZ_DATA_DIR": d, "WLZ_SECRET_KEY": "load"}
                    resultaten["postgres"] = _meet("postgres", url, env, args)
            finally:
                with admin.begin() as conn:
                    conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
                admin.dispose()
    if "postgres" in resultaten:
        r = resultaten["postgres"]
        doel = r["reads_per_s"] >= 300 and r["p99"] < 100 and r["verloren"] == 0 and r["leesfouten"] == 0
        print(
            f"\ndoel PostgreSQL (>= 300 lezingen/s, p99 < 100 ms, 0 verloren): "
            f"{r['reads_per_s']:.0f}/s, p99 {r['p99']:.1f} ms, {r['verloren']} verloren -> "
            f"{'gehaald' if doel else 'NIET gehaald'}"
        )


if __name__ == "__main__":
    main()
