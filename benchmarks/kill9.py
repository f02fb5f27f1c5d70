"""kill -9 under write load (a script, not a test): is every acknowledged write stored, and nothing half-written?

Issue 9's evidence. For SQLite (default) and/or PostgreSQL (``--db postgres`` or ``--db beide``; needs
``WLZ_TEST_DATABASE_URL`` from ``scripts/postgres.sh``):

1. a fresh demo database (``wlz demo``'s filling plus the browser tests' scenario clients and an API token per
   role), then ``wlz serve`` in a process group of its own: the server (PostgreSQL: a uvicorn supervisor and one
   worker per core; SQLite: one process) with its rules helper process(es);
2. writers on the API with API tokens, each a chain of transactions, concurrently:
   - an assessor submits a request for extra care (the rules evaluate it in the helper), takes it into
     treatment and decides it (every scheme evaluated: a grant whose amounts the rules compute per year, so the
     decision is the request's status plus its ``besluitregels``);
   - an assessor makes a zorgtoewijzing and its AW33 (``POST /api/toewijzingen/{id}/aw33``), then the provider
     reports the start of care (the toewijzing's status plus its CA317 for the CAK) and its end (plus CA319);
3. at a random moment (``--min``..``--max`` seconds after the server came up) the whole server process tree
   gets SIGKILL (``os.killpg``), the database is checked with the server down, the server is started again
   (``wlz serve`` migrates first) and the writers carry on; ``--kills`` times;
4. the check compares every acknowledged write (a 2xx answer received) with what is stored — lost: an
   acknowledged object, status, decision line or message missing — and looks for half-written objects among
   everything the run wrote, acknowledged or not (a request killed mid-flight must be all there or not at all):
   a decided request without its besluitregels (or with another count than sent), a submitted request without
   its evaluation, a request with besluitregels but not decided, an AW33 without its toewijzing, a started care
   without its CA317 or an ended care without its CA319 (both carry the toewijzing's GeleverdeZorgID), a
   toewijzing ended without a start.
Prints per database the writes acknowledged per kind, the requests cut off by a kill (no answer), the kills, and
the lost and half-written counts; exit status 1 when any is not 0. On SQLite it also checks the check: a copy of
the database with one besluitregel and one CA317 deleted must show one lost and one half-written object.

    .venv/bin/python benchmarks/kill9.py                           # SQLite, 5 kills
    eval "$(WLZ_PG_PORT=54333 WLZ_PG_DIR=/tmp/wlz-pg-54333 bash scripts/postgres.sh start)"
    .venv/bin/python benchmarks/kill9.py --db postgres
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import os
import random
import re
import signal
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import sqlalchemy as sa

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.fuzz_api import VOORBEELD_PARAMETERS, _database, _load, start_server  # noqa: E402
from tests.zorgkantoor.e2e.server import INDICATIE_VAN, INTAKE_PERIODE, ZORG_VAN, maak_database  # noqa: E402

from wlz.zorgkantoor.demo import AANBIEDERS  # noqa: E402


class ServerDown(Exception):
    """No answer: the server was killed while the request was in flight (its outcome is unknown)."""


@dataclass
class Acked:
    """Every write the server acknowledged (2xx received), by kind."""

    aanvragen: set[str] = field(default_factory=set)  # 201 on submission
    behandeld: set[str] = field(default_factory=set)  # 200 on behandelen
    besloten: dict[str, int] = field(default_factory=dict)  # 200 on besluit: aanvraag id -> regels sent
    toewijzingen: set[str] = field(default_factory=set)  # 201
    aw33: dict[str, str] = field(default_factory=dict)  # AW33 Identificatie -> toewijzing id
    aanvang: dict[str, str] = field(default_factory=dict)  # toewijzing id -> date reported
    einde: dict[str, str] = field(default_factory=dict)
    afgebroken: collections.Counter[str] = field(default_factory=collections.Counter)  # no answer, by kind
    overig: collections.Counter[str] = field(default_factory=collections.Counter)  # other answers, by kind+status
    voorbeeld: dict[str, str] = field(default_factory=dict)  # the first answer of each other kind+status
    lock: threading.Lock = field(default_factory=threading.Lock)

    def telling(self) -> dict[str, int]:
        return {
            "aanvraag ingediend": len(self.aanvragen),
            "in behandeling": len(self.behandeld),
            "besloten": len(self.besloten),
            "toewijzing": len(self.toewijzingen),
            "AW33": len(self.aw33),
            "aanvang zorg": len(self.aanvang),
            "einde zorg": len(self.einde),
        }


class Writers:
    """Writer threads; each waits while the server is down and starts a fresh chain after a lost answer."""

    def __init__(self, tokens: dict[str, str], client_id: str, iwlz_client_id: str, acked: Acked, n: int) -> None:
        self.tokens = tokens
        self.client_id = client_id
        self.iwlz_client_id = iwlz_client_id
        self.acked = acked
        self.up = threading.Event()
        self.stop = threading.Event()
        self.url = ""
        self.threads = [
            threading.Thread(target=self._loop, args=(i,), daemon=True, name=f"schrijver-{i}") for i in range(n)
        ]

    def start(self) -> None:
        for t in self.threads:
            t.start()

    def join(self) -> None:
        self.stop.set()
        self.up.set()
        for t in self.threads:
            t.join(120)

    def _post(self, http: httpx.Client, rol: str, soort: str, pad: str, body: dict | None = None) -> httpx.Response:
        try:
            r = http.post(self.url + pad, json=body, headers={"Authorization": f"Bearer {self.tokens[rol]}"})
        except httpx.TransportError:
            with self.acked.lock:
                self.acked.afgebroken[soort] += 1
            raise ServerDown from None
        if r.status_code >= 300:
            with self.acked.lock:
                self.acked.overig[f"{soort} {r.status_code}"] += 1
                self.acked.voorbeeld.setdefault(f"{soort} {r.status_code}", r.text[:300])
        return r

    def _loop(self, i: int) -> None:
        rng = random.Random(i)
        n = 0
        with httpx.Client(timeout=60) as http:
            while not self.stop.is_set():
                self.up.wait()
                if self.stop.is_set():
                    return
                n += 1
                try:
                    if i % 2 == 0:
                        self._aanvraag(http, rng, i * 100_000 + n)
                    else:
                        self._toewijzing(http, rng)
                except ServerDown:
                    # outcome unknown; wait until the main thread has restarted the server
                    while self.up.is_set() and not self.stop.is_set():
                        time.sleep(0.05)

    def _aanvraag(self, http: httpx.Client, rng: random.Random, n: int) -> None:
        van, tot = INTAKE_PERIODE
        body = {
            "periode_van": van.isoformat(),
            "periode_tot": tot.isoformat(),
            "zorgbehoefte_uren_per_week": 30 + n % 20,
            "profiel_uren_per_week": 20,
            "criteria": {"meerzorg_gevraagd": 1000.0 + n % 5000},
            "toelichting": f"kill9 {n}",
        }
        r = self._post(http, "beoordelaar", "aanvraag", f"/api/clients/{self.client_id}/aanvragen", body)
        if r.status_code != 201:
            return
        a = r.json()
        with self.acked.lock:
            self.acked.aanvragen.add(a["id"])
        r = self._post(http, "beoordelaar", "behandelen", f"/api/aanvragen/{a['id']}/behandelen")
        if r.status_code != 200:
            return
        with self.acked.lock:
            self.acked.behandeld.add(a["id"])
        regels = []
        for naam, uitkomst in ((a.get("evaluatie") or {}).get("regelingen") or {}).items():
            toekennen = bool(uitkomst.get("in_aanmerking")) and rng.random() < 0.7
            regels.append(
                {
                    "regeling": naam,
                    "toegekend": toekennen,
                    "van": van.isoformat() if toekennen else None,
                    "tot": tot.isoformat() if toekennen else None,
                    "toelichting": "kill9",
                }
            )
        if not regels:
            return
        besluit = {"motivatie": f"kill9 besluit {n}", "regels": regels}
        r = self._post(http, "beoordelaar", "besluit", f"/api/aanvragen/{a['id']}/besluit", besluit)
        if r.status_code == 200:
            with self.acked.lock:
                self.acked.besloten[a["id"]] = len(regels)

    def _toewijzing(self, http: httpx.Client, rng: random.Random) -> None:
        body = {"agb_code": AANBIEDERS[0], "leveringsvorm": "mpt", "van": ZORG_VAN.isoformat(), "zorgprofiel": "VG5"}
        r = self._post(http, "beoordelaar", "toewijzing", f"/api/clients/{self.iwlz_client_id}/toewijzingen", body)
        if r.status_code != 201:
            return
        tw = r.json()["id"]
        with self.acked.lock:
            self.acked.toewijzingen.add(tw)
        r = self._post(http, "beoordelaar", "AW33", f"/api/toewijzingen/{tw}/aw33")
        if r.status_code != 201:
            return
        with self.acked.lock:
            # the answer is the AW33 itself (XML): it is known by its header's Identificatie
            ident = re.search(rb"<(?:\w+:)?Identificatie>([^<]+)<", r.content)
            self.acked.aw33[ident.group(1).decode() if ident else "?"] = tw
        begin = ZORG_VAN + dt.timedelta(days=rng.randrange(0, 60))
        r = self._post(http, "aanbieder", "aanvang", f"/api/toewijzingen/{tw}/aanvang", {"datum": begin.isoformat()})
        if r.status_code != 200:
            return
        with self.acked.lock:
            self.acked.aanvang[tw] = begin.isoformat()
        einde = begin + dt.timedelta(days=rng.randrange(1, 200))
        melding = {"datum": einde.isoformat(), "reden": "kill9: einde zorg"}
        r = self._post(http, "aanbieder", "einde", f"/api/toewijzingen/{tw}/einde", melding)
        if r.status_code == 200:
            with self.acked.lock:
                self.acked.einde[tw] = einde.isoformat()


def _iwlz_client(url: str) -> str:
    """A client whose indicatiebesluit has an iWlz besluitnummer (a number; the scenario clients' are text, which
    an AW33 cannot carry): the assignments' chain runs on it."""
    from wlz import bsn as bsnmod
    from wlz.platform.database import make_engine
    from wlz.zorgkantoor.services import dossier, invoer
    from wlz.zorgkantoor.services.actor import SYSTEEM
    from wlz.zorgkantoor.storage.uow import UnitOfWorkFactory

    engine = make_engine(url)
    try:
        uowf = UnitOfWorkFactory(engine)
        # synthetic BSN from the far end of the 999 block, past the two the scenario takes
        nummer = [b for b in (f"999{n:06d}" for n in range(999999, 0, -1)) if bsnmod.elfproef(b)][2]
        with uowf(write=True) as uow:
            c = dossier.registreer_client(
                uow,
                SYSTEEM,
                invoer.ClientInvoer(
                    bsn=nummer,
                    voornamen="Kees",
                    achternaam="Killnegen",
                    geboortedatum=dt.date(1950, 3, 3),
                    straat="Lindelaan",
                    huisnummer="9",
                    postcode="1234ZZ",
                    woonplaats="Voorbeeldstad",
                ),
            )
        with uowf(write=True) as uow:
            dossier.registreer_indicatie(
                uow,
                SYSTEEM,
                c.id,
                invoer.IndicatieInvoer(
                    besluitnummer="900000009", zorgprofiel="VG5", grondslagen=["05"], ingangsdatum=INDICATIE_VAN
                ),
            )
        return c.id
    finally:
        engine.dispose()


def _rows(c, sql: str, **params) -> list:
    return list(c.execute(sa.text(sql), params))


def check(url: str, acked: Acked, voor: dict[str, set[str]]) -> tuple[list[str], list[str]]:
    """(lost, half-written): acknowledged writes not stored, and objects of this run stored in part."""
    engine = sa.create_engine(url)
    verloren: list[str] = []
    half: list[str] = []
    try:
        with engine.connect() as c:
            aanvragen = {r.id: r for r in _rows(c, "SELECT id, status, evaluatie FROM aanvragen")}
            regels = collections.Counter(r.aanvraag_id for r in _rows(c, "SELECT aanvraag_id FROM besluitregels"))
            tws = {
                r.id: r
                for r in _rows(
                    c, "SELECT id, status, aanvang_zorg, einde_zorg, geleverde_zorg_id, client_id FROM zorgtoewijzingen"
                )
            }
            berichten = {
                r.id: r
                for r in _rows(c, "SELECT id, soort, identificatie, toewijzing_id, client_id, inhoud FROM berichten")
            }
    finally:
        engine.dispose()
    with acked.lock:
        a = Acked(
            aanvragen=set(acked.aanvragen),
            behandeld=set(acked.behandeld),
            besloten=dict(acked.besloten),
            toewijzingen=set(acked.toewijzingen),
            aw33=dict(acked.aw33),
            aanvang=dict(acked.aanvang),
            einde=dict(acked.einde),
        )
    # lost: acknowledged, not (or not so) stored
    for i in a.aanvragen - aanvragen.keys():
        verloren.append(f"aanvraag {i} (201) ontbreekt")
    for i in a.behandeld:
        if i in aanvragen and aanvragen[i].status == "ingediend":
            verloren.append(f"aanvraag {i}: behandelen (200) niet opgeslagen")
    for i, n in a.besloten.items():
        if i in aanvragen and (aanvragen[i].status != "besloten" or regels[i] != n):
            verloren.append(f"aanvraag {i}: besluit (200, {n} regels) opgeslagen als {aanvragen[i].status}/{regels[i]}")
    for i in a.toewijzingen - tws.keys():
        verloren.append(f"toewijzing {i} (201) ontbreekt")
    aw33 = {(r.identificatie, r.toewijzing_id) for r in berichten.values() if r.soort == "AW33"}
    for b, tw in a.aw33.items():
        if (b, tw) not in aw33:
            verloren.append(f"AW33 {b} (201) van toewijzing {tw} ontbreekt")
    for tw, datum in a.aanvang.items():
        if tw in tws and str(tws[tw].aanvang_zorg) != datum:
            verloren.append(f"toewijzing {tw}: aanvang {datum} (200) opgeslagen als {tws[tw].aanvang_zorg}")
    for tw, datum in a.einde.items():
        if tw in tws and (str(tws[tw].einde_zorg) != datum or tws[tw].status != "beeindigd"):
            verloren.append(f"toewijzing {tw}: einde {datum} (200) opgeslagen als {tws[tw].einde_zorg}")
    # half-written: everything this run wrote (not there before it), acknowledged or cut off by a kill
    for i, r in aanvragen.items():
        if i in voor["aanvragen"]:
            continue
        if r.evaluatie is None:
            half.append(f"aanvraag {i} zonder evaluatie")
        if r.status == "besloten" and regels[i] == 0:
            half.append(f"aanvraag {i} besloten zonder besluitregels")
        if r.status != "besloten" and regels[i]:
            half.append(f"aanvraag {i} ({r.status}) met {regels[i]} besluitregels")
    cak = collections.defaultdict(set)
    for b in berichten.values():
        if b.soort in ("CA317", "CA319") and b.id not in voor["berichten"]:
            cak[b.soort].add(bytes(b.inhoud))
    for b, r in berichten.items():
        if b not in voor["berichten"] and r.soort == "AW33" and (r.toewijzing_id is None or r.toewijzing_id not in tws):
            half.append(f"AW33 {b} zonder toewijzing")
    for i, r in tws.items():
        if i in voor["toewijzingen"]:
            continue
        zid = (r.geleverde_zorg_id or "").encode()
        if r.aanvang_zorg is not None and not (zid and any(zid in x for x in cak["CA317"])):
            half.append(f"toewijzing {i}: aanvang zorg zonder CA317")
        if r.einde_zorg is not None and not (zid and any(zid in x for x in cak["CA319"])):
            half.append(f"toewijzing {i}: einde zorg zonder CA319")
        if r.einde_zorg is not None and r.aanvang_zorg is None:
            half.append(f"toewijzing {i}: einde zonder aanvang")
    return verloren, half


def zelfcontrole(url: str, d: str, acked: Acked, voor: dict[str, set[str]]) -> tuple[int, int]:
    """Does the check see damage? On a copy of the SQLite file: one besluitregel of an acknowledged decision and
    one CA317 deleted; the check must then report a lost decision (its count of lines) and a half-written start
    of care (no CA317)."""
    import shutil

    kopie = Path(d) / "zelfcontrole.sqlite"
    shutil.copy(url.removeprefix("sqlite:///"), kopie)
    engine = sa.create_engine(f"sqlite:///{kopie}")
    try:
        with engine.begin() as c:
            besloten = next(iter(acked.besloten), None)
            if besloten is not None:
                c.execute(
                    sa.text(
                        "DELETE FROM besluitregels WHERE id = "
                        "(SELECT id FROM besluitregels WHERE aanvraag_id=:a LIMIT 1)"
                    ),
                    {"a": besloten},
                )
            c.execute(
                sa.text(
                    "DELETE FROM berichten WHERE id = "
                    "(SELECT id FROM berichten WHERE soort='CA317' ORDER BY aangemaakt_op DESC LIMIT 1)"
                )
            )
    finally:
        engine.dispose()
    verloren, half = check(f"sqlite:///{kopie}", acked, voor)
    return len(verloren), len(half)


def _ids_voor(url: str) -> dict[str, set[str]]:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as c:
            tabellen = {"aanvragen": "aanvragen", "toewijzingen": "zorgtoewijzingen", "berichten": "berichten"}
            return {k: {r[0] for r in c.execute(sa.text(f"SELECT id FROM {t}"))} for k, t in tabellen.items()}
    finally:
        engine.dispose()


def _kill(proc) -> float:
    """SIGKILL to the whole process group (server, its workers, its rules helpers); seconds until it is gone."""
    t = time.monotonic()
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    # the helpers end themselves when their server process is gone; the group kill already took them
    return time.monotonic() - t


def run(db: str, args) -> dict:
    print(f"\n== {db}: load avg {_load()}", flush=True)
    with tempfile.TemporaryDirectory() as d:
        url, opruimen = _database(db, d)
        try:
            scenario = maak_database(url, clients=args.clients)
            iwlz_client = _iwlz_client(url)
            voor = _ids_voor(url)
            env = {
                "WLZ_DATABASE_URL": url,
                "WLZ_DATA_DIR": d,
                "WLZ_SECRET_KEY": "kill9",
                "WLZ_PARAMETERS": str(VOORBEELD_PARAMETERS),
            }
            log = Path(tempfile.gettempdir()) / f"wlz-kill9-{db}.log"
            acked = Acked()
            writers = Writers(scenario.tokens, scenario.thuis_client_id, iwlz_client, acked, args.schrijvers)
            writers.start()
            rng = random.Random(args.seed)
            kills = 0
            tussentijds = []
            for ronde in range(args.kills + 1):
                proc, writers.url = start_server(env, log)
                writers.up.set()
                wacht = rng.uniform(args.min, args.max)
                time.sleep(wacht)
                if ronde == args.kills:
                    writers.join()  # last round: the writers stop, then one more kill -9 of an idle server
                writers.up.clear()
                _kill(proc)
                kills += 1
                verloren, half = check(url, acked, voor)
                tussentijds.append((len(verloren), len(half)))
                print(
                    f"  kill -9 {kills} na {wacht:.1f} s: {sum(acked.telling().values())} bevestigde schrijfacties tot "
                    f"nu, {sum(acked.afgebroken.values())} zonder antwoord; verloren {len(verloren)}, half "
                    f"{len(half)}; load {_load()}",
                    flush=True,
                )
            # a last start: the server comes up on the database as the kills left it, and reads what was written
            proc, writers.url = start_server(env, log)
            try:
                h = {"Authorization": f"Bearer {scenario.tokens['beoordelaar']}"}
                dossier = httpx.get(f"{writers.url}/api/clients/{scenario.thuis_client_id}", headers=h, timeout=60)
                leesbaar = dossier.status_code == 200
            finally:
                _kill(proc)
            verloren, half = check(url, acked, voor)
            zelf = zelfcontrole(url, d, acked, voor) if db == "sqlite" else None
        finally:
            opruimen()  # type: ignore[operator]
    print("  bevestigd: " + ", ".join(f"{k} {v}" for k, v in acked.telling().items()))
    print(f"  zonder antwoord (afgebroken door kill -9): {dict(acked.afgebroken)}")
    if acked.overig:
        print(f"  andere antwoorden: {dict(acked.overig)}")
        for k, v in acked.voorbeeld.items():
            print(f"    {k}: {v}")
    print(f"  dossier leesbaar na herstart: {'ja' if leesbaar else 'NEE'}")
    if zelf is not None:
        print(
            f"  zelfcontrole (kopie met een besluitregel en een CA317 weggehaald): verloren {zelf[0]}, half {zelf[1]}"
        )
    print(f"  verloren: {len(verloren)}, half geschreven: {len(half)} (na elke kill: {tussentijds})")
    for x in (verloren + half)[:20]:
        print(f"    {x}")
    return {"verloren": len(verloren), "half": len(half), "kills": kills, "leesbaar": leesbaar}


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--db", choices=["sqlite", "postgres", "beide"], default="sqlite")
    p.add_argument("--kills", type=int, default=5, help="kill -9 of the server tree under load, this many times")
    p.add_argument("--min", type=float, default=3.0, help="earliest kill, seconds after the server came up")
    p.add_argument("--max", type=float, default=10.0, help="latest kill")
    p.add_argument("--schrijvers", type=int, default=6, help="writer threads (half requests, half assignments)")
    p.add_argument("--clients", type=int, default=50, help="demo clients in the database")
    p.add_argument("--seed", type=int, default=9)
    args = p.parse_args()
    print(f"machine: {os.cpu_count()} cores, shared with other work (load avg printed per step)")
    dbs = ["sqlite", "postgres"] if args.db == "beide" else [args.db]
    uit = {db: run(db, args) for db in dbs}
    print()
    for db, r in uit.items():
        print(f"{db}: {r['kills']} keer kill -9, verloren {r['verloren']}, half geschreven {r['half']}")
    return 0 if all(r["verloren"] == 0 and r["half"] == 0 and r["leesbaar"] for r in uit.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
