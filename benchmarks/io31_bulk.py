"""Bulk IO31 import at a zorgkantoor's scale (issue 9): generate N synthetic IO31 messages (default 30,000) and
time ``wlz io31 importeer`` (``services.io31_bulk.importeer_map``) into a fresh database, on SQLite and (with
``--pg-url``) PostgreSQL. Prints the figures; asserts nothing about time.

The messages: 200 distinct chains from ``wlz.iwlz.voorbeelden.keten`` (built and checked by ``wlz.iwlz``'s
builder, XSD + XSLT), each copied with its own synthetic BSN (elfproef, ``wlz.bsn.synthetisch``), besluitnummer
and message identification — building each of 30,000 with the builder would take ten minutes and measure the
builder, not the import. Every copy is checked again by the import itself (the benchmark prints how many were
refused: 0 expected).

    .venv/bin/python benchmarks/io31_bulk.py [--aantal 30000] [--processen 0] [--pg-url postgresql+psycopg://...]

``--api``: the same messages through the batch API instead (``POST /api/io31/batch``) of the real server
(``uvicorn wlz.zorgkantoor.app:create_app`` on loopback, ``--workers`` processes; 0: as ``wlz serve`` chooses,
SQLite 1, PostgreSQL one per core), as zips each holding as many messages as fit in the body limit
(``WLZ_MAX_UPLOAD_MB``, 5 MB, which also bounds the unpacked messages), ``--gelijktijdig`` batches in flight at
once, with a beoordelaar's API token. Prints the wall time, messages/s, each batch's time (p50, max), the load
average, and checks in the database that every message was answered and stored.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import sqlalchemy as sa

from wlz import bsn, iwlz
from wlz.iwlz import voorbeelden
from wlz.platform.database import make_engine
from wlz.zorgkantoor.services import io31_bulk
from wlz.zorgkantoor.services.actor import SYSTEEM
from wlz.zorgkantoor.storage import migrate
from wlz.zorgkantoor.storage.uow import UnitOfWorkFactory

_ZZP = ("754", "755", "808", "810", "820")  # VV5, VV6, VG5, VG6, LG1
_BSN = re.compile(rb"<io31:Bsn>\d{9}</io31:Bsn>")
_BESLUIT = re.compile(rb"<io31:Besluitnummer>\d+</io31:Besluitnummer>")
_IDENT = re.compile(rb"<iwlz:Identificatie>[^<]*</iwlz:Identificatie>")


def genereer(map_: Path, aantal: int, seed: int = 2026) -> float:
    """Write ``aantal`` IO31 files into ``map_``; returns the seconds it took."""
    begin = time.perf_counter()
    rng = random.Random(seed)
    basis = [
        iwlz.build_io31(voorbeelden.keten(f"bulk-{i}", zzp_code=_ZZP[i % len(_ZZP)], start=dt.date(2025, 3, 3)).io31)
        for i in range(200)
    ]
    gezien: set[str] = set()
    for n in range(aantal):
        nummer = bsn.synthetisch(rng)
        while nummer in gezien:
            nummer = bsn.synthetisch(rng)
        gezien.add(nummer)
        x = _BSN.sub(f"<io31:Bsn>{nummer}</io31:Bsn>".encode(), basis[n % len(basis)], count=1)
        x = _BESLUIT.sub(f"<io31:Besluitnummer>{100_000_000 + n}</io31:Besluitnummer>".encode(), x, count=1)
        x = _IDENT.sub(f"<iwlz:Identificatie>BK{n:010d}</iwlz:Identificatie>".encode(), x, count=1)
        (map_ / f"io31-{n:06d}.xml").write_bytes(x)
    return time.perf_counter() - begin


def _schone_pg(url: str) -> sa.Engine:
    """A fresh schema on the given server (dropped and made again)."""
    schema = "io31_bulk_bench"
    admin = sa.create_engine(url)
    with admin.begin() as conn:
        conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    admin.dispose()
    return make_engine(url, connect_args={"options": f"-csearch_path={schema}"})


def meet(naam: str, engine: sa.Engine, bron: Path, processen: int) -> None:
    migrate.upgrade(engine)
    map_ = Path(tempfile.mkdtemp(prefix=f"io31-{naam}-"))
    try:
        for p in bron.iterdir():
            os.link(p, map_ / p.name)
        load_voor = os.getloadavg()
        t0 = os.times()
        begin = time.perf_counter()
        s = io31_bulk.importeer_map(UnitOfWorkFactory(engine), SYSTEEM, map_, workers=processen)
        duur = time.perf_counter() - begin
        t1 = os.times()
        # CPU of this process and of the worker processes (reaped when the pool closed): what the import costs
        # apart from waiting for a core on a shared machine (the database server's own CPU not included)
        cpu = (t1.user - t0.user) + (t1.system - t0.system) + (t1.children_user - t0.children_user)
        cpu += t1.children_system - t0.children_system
        with engine.connect() as conn:
            clients = conn.execute(sa.text("SELECT count(*) FROM clients")).scalar_one()
            inds = conn.execute(sa.text("SELECT count(*) FROM indicatiebesluiten")).scalar_one()
            ber = conn.execute(sa.text("SELECT count(*) FROM berichten")).scalar_one()
        print(
            f"{naam}: {s.bestanden} IO31 in {duur:.1f} s ({s.bestanden / duur:.0f} berichten/s); "
            f"ingelezen {s.geimporteerd}, geweigerd {s.geweigerd}, geen bericht {s.geen_bericht}, "
            f"een voor een {s.los_verwerkt}; in de database: {clients} cliënten, {inds} indicatiebesluiten, "
            f"{ber} berichten (IO31 + IO32); load average voor/na: {load_voor[0]:.2f} / {os.getloadavg()[0]:.2f}"
        )
        print(
            f"  CPU van import en controleprocessen samen: {cpu:.1f} s "
            f"({cpu / max(s.bestanden, 1) * 1000:.2f} ms per bericht)"
        )
    finally:
        shutil.rmtree(map_, ignore_errors=True)


def _api_url(naam: str, pg_url: str) -> tuple[str, Callable[[], None]]:
    """A fresh database for the server: a SQLite file, or a schema of its own on the PostgreSQL server (the URL
    carries its search_path, since the server is another process)."""
    if naam == "SQLite":
        d = Path(tempfile.mkdtemp(prefix="io31-api-db-"))
        return f"sqlite:///{d / 'wlz.sqlite'}", lambda: shutil.rmtree(d, ignore_errors=True)
    schema = "io31_api_bench"
    admin = sa.create_engine(pg_url)
    with admin.begin() as conn:
        conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")

    def opruimen() -> None:
        with admin.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        admin.dispose()

    return f"{pg_url}{'&' if '?' in pg_url else '?'}options=-csearch_path%3D{schema}", opruimen


def _batches(bron: Path, limiet: int) -> list[bytes]:
    """Zips of the messages in name order, each with as many as keep the zip and its unpacked total within the
    limit (the server refuses either over it with 413)."""
    uit: list[bytes] = []
    deel: list[Path] = []
    totaal = 0
    for p in sorted(bron.iterdir()):
        grootte = p.stat().st_size
        if deel and totaal + grootte > limiet * 0.98:
            uit.append(_zip(deel))
            deel, totaal = [], 0
        deel.append(p)
        totaal += grootte
    if deel:
        uit.append(_zip(deel))
    return uit


def _zip(paden: list[Path]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for p in paden:
            z.write(p, p.name)
    return buf.getvalue()


def meet_api(naam: str, pg_url: str, bron: Path, workers: int, gelijktijdig: int) -> None:
    """The messages through ``POST /api/io31/batch`` of a real server (see the module's docstring)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from service_load import _cpu_s, database_pids
    from tests.zorgkantoor.e2e.server import Server

    from wlz.zorgkantoor.services import auth

    url, opruimen = _api_url(naam, pg_url)
    engine = make_engine(url)
    migrate.upgrade(engine)
    with UnitOfWorkFactory(engine)(write=True) as uow:
        g = auth.maak_gebruiker(uow, SYSTEEM, gebruikersnaam="ciz-koppeling", naam="CIZ", rol="beoordelaar")
        uow.flush()
        _, token = auth.maak_token(uow, SYSTEEM, g.id, "IO31-batches")
        uow.commit()
    batches = _batches(bron, 5 * 1024 * 1024)
    workers = workers or (1 if naam == "SQLite" else (os.cpu_count() or 1))
    data_dir = tempfile.mkdtemp(prefix="io31-api-data-")
    env = {"WLZ_DATABASE_URL": url, "WLZ_DATA_DIR": data_dir, "WLZ_SECRET_KEY": "bench", "WLZ_REKENPROCES": "0"}
    server = Server(env, workers=workers)
    tijden: list[float] = []
    antwoorden: list[dict[str, Any]] = []
    fouten: list[str] = []
    try:

        def post(body: bytes) -> None:
            begin = time.perf_counter()
            r = httpx.post(
                server.url + "/api/io31/batch",
                content=body,
                headers={"Authorization": f"Bearer {token}", "Content-Type": "application/zip"},
                timeout=600,
            )
            tijden.append(time.perf_counter() - begin)
            if r.status_code != 200:
                fouten.append(f"{r.status_code} {r.text[:200]}")
            else:
                antwoorden.append(r.json())

        db_pids = database_pids(url)
        load_voor = os.getloadavg()
        cpu_voor = (_cpu_s({server.proc.pid}), _cpu_s(db_pids) if db_pids else 0.0)
        begin = time.perf_counter()
        with ThreadPoolExecutor(max_workers=gelijktijdig) as pool:
            list(pool.map(post, batches))
        duur = time.perf_counter() - begin
        # CPU seconds the server processes and the database server used (what the batches cost apart from
        # waiting for a core on a shared machine)
        cpu = (_cpu_s({server.proc.pid}) - cpu_voor[0], (_cpu_s(db_pids) if db_pids else 0.0) - cpu_voor[1])
    finally:
        server.stop()
        shutil.rmtree(data_dir, ignore_errors=True)
    with engine.connect() as conn:
        clients = conn.execute(sa.text("SELECT count(*) FROM clients")).scalar_one()
        ber = conn.execute(sa.text("SELECT count(*) FROM berichten")).scalar_one()
    engine.dispose()
    opruimen()
    n = sum(a["bestanden"] for a in antwoorden)
    som = {k: sum(a[k] for a in antwoorden) for k in ("geimporteerd", "geweigerd", "geen_bericht", "los_verwerkt")}
    beantwoord = sum(len(a["berichten"]) for a in antwoorden)
    tijden.sort()
    print(
        f"{naam} via de API: {n} IO31 in {len(batches)} batches "
        f"(zip ~{statistics.mean(map(len, batches)) / 1e6:.2f} MB, "
        f"~{n / max(len(batches), 1):.0f} berichten per batch, {gelijktijdig} tegelijk, {workers} serverproces(sen)) "
        f"in {duur:.1f} s ({n / duur:.0f} berichten/s); per batch p50 {tijden[len(tijden) // 2]:.1f} s, "
        f"max {tijden[-1]:.1f} s; ingelezen {som['geimporteerd']}, geweigerd {som['geweigerd']}, geen bericht "
        f"{som['geen_bericht']}, een voor een {som['los_verwerkt']}; beantwoord {beantwoord}; fouten {len(fouten)} "
        f"{fouten[:2]}; in de database: {clients} cliënten, {ber} berichten (IO31 + IO32); "
        f"load average voor/na: {load_voor[0]:.2f} / {os.getloadavg()[0]:.2f}"
    )
    print(
        f"  CPU van de server: {cpu[0]:.1f} s ({cpu[0] / max(n, 1) * 1000:.2f} ms per bericht); "
        f"van PostgreSQL: {cpu[1]:.1f} s" + ("" if db_pids else " (SQLite: in de server)")
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--aantal", type=int, default=30_000)
    ap.add_argument("--processen", type=int, default=0, help="processes for the checks (0: one per core)")
    ap.add_argument("--pg-url", default=os.environ.get("WLZ_TEST_DATABASE_URL", ""))
    ap.add_argument("--alleen", choices=("sqlite", "postgresql"), default=None)
    ap.add_argument("--api", action="store_true", help="through POST /api/io31/batch of a real server")
    ap.add_argument("--workers", type=int, default=0, help="--api: server processes (0: as 'wlz serve')")
    ap.add_argument("--gelijktijdig", type=int, default=2, help="--api: batches in flight at once")
    args = ap.parse_args()
    print(f"{os.cpu_count()} kernen; uptime-load {os.getloadavg()}; other work may run on this machine")
    bron = Path(tempfile.mkdtemp(prefix="io31-bron-"))
    try:
        print(f"{args.aantal} IO31-berichten gemaakt in {genereer(bron, args.aantal):.1f} s")
        if args.alleen in (None, "sqlite"):
            db = Path(tempfile.mkdtemp(prefix="io31-db-")) / "wlz.sqlite"
            if args.api:
                meet_api("SQLite", "", bron, args.workers, args.gelijktijdig)
            else:
                meet("SQLite", make_engine(f"sqlite:///{db}"), bron, args.processen)
            shutil.rmtree(db.parent, ignore_errors=True)
        if args.alleen in (None, "postgresql"):
            if not args.pg_url.startswith("postgresql"):
                print("PostgreSQL: overgeslagen (geef --pg-url of WLZ_TEST_DATABASE_URL)")
            elif args.api:
                meet_api("PostgreSQL", args.pg_url, bron, args.workers, args.gelijktijdig)
            else:
                meet("PostgreSQL", _schone_pg(args.pg_url), bron, args.processen)
    finally:
        shutil.rmtree(bron, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
