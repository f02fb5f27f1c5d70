"""Bulk IO31 import at a zorgkantoor's scale (issue 9): generate N synthetic IO31 messages (default 30,000) and
time ``wlz io31 importeer`` (``services.io31_bulk.importeer_map``) into a fresh database, on SQLite and (with
``--pg-url``) PostgreSQL. Prints the figures; asserts nothing about time.

The messages: 200 distinct chains from ``wlz.iwlz.voorbeelden.keten`` (built and checked by ``wlz.iwlz``'s
builder, XSD + XSLT), each copied with its own synthetic BSN (elfproef, ``wlz.bsn.synthetisch``), besluitnummer
and message identification — building each of 30,000 with the builder would take ten minutes and measure the
builder, not the import. Every copy is checked again by the import itself (the benchmark prints how many were
refused: 0 expected).

    .venv/bin/python benchmarks/io31_bulk.py [--aantal 30000] [--processen 0] [--pg-url postgresql+psycopg://...]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--aantal", type=int, default=30_000)
    ap.add_argument("--processen", type=int, default=0, help="processes for the checks (0: one per core)")
    ap.add_argument("--pg-url", default=os.environ.get("WLZ_TEST_DATABASE_URL", ""))
    ap.add_argument("--alleen", choices=("sqlite", "postgresql"), default=None)
    args = ap.parse_args()
    print(f"{os.cpu_count()} kernen; uptime-load {os.getloadavg()}; other work may run on this machine")
    bron = Path(tempfile.mkdtemp(prefix="io31-bron-"))
    try:
        print(f"{args.aantal} IO31-berichten gemaakt in {genereer(bron, args.aantal):.1f} s")
        if args.alleen in (None, "sqlite"):
            db = Path(tempfile.mkdtemp(prefix="io31-db-")) / "wlz.sqlite"
            meet("SQLite", make_engine(f"sqlite:///{db}"), bron, args.processen)
            shutil.rmtree(db.parent, ignore_errors=True)
        if args.alleen in (None, "postgresql"):
            if not args.pg_url.startswith("postgresql"):
                print("PostgreSQL: overgeslagen (geef --pg-url of WLZ_TEST_DATABASE_URL)")
            else:
                meet("PostgreSQL", _schone_pg(args.pg_url), bron, args.processen)
    finally:
        shutil.rmtree(bron, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
