"""A real ``wlz`` server for tests and benchmarks: a demo database, a scenario on top, uvicorn in a subprocess.

Used by the browser tests (tests/zorgkantoor/e2e), the API fuzz run and benchmarks/service_load.py, so all of them
exercise the app the way ``wlz serve`` runs it (a separate process, real HTTP on loopback), not a test client.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import psutil

from wlz import bsn as bsnmod
from wlz.platform.database import make_engine
from wlz.zorgkantoor.demo import AANBIEDERS, vul
from wlz.zorgkantoor.services import auth, dossier, invoer
from wlz.zorgkantoor.services.actor import SYSTEEM
from wlz.zorgkantoor.storage.uow import UnitOfWorkFactory

#: The demo's own accounts (wlz.zorgkantoor.demo.DEMO_GEBRUIKERS); the tests log in as these.
WACHTWOORDEN = {
    "beoordelaar": "demo-beoordelaar",
    "beheerder": "demo-beheerder",
    "aanbieder": "demo-aanbieder",
    "client": "demo-client",
}
#: the demo provider account belongs to AANBIEDERS[0]; this one is another provider's
ANDERE_AGB = AANBIEDERS[1]


@dataclass
class Scenario:
    """Known objects on top of the random demo data, so tests do not depend on what the seed produced."""

    thuis_client_id: str  # VG5 with an accepted mpt: can ask for extra care; assigned to the demo provider
    thuis_naam: str
    ander_client_id: str  # assigned only to another provider (ANDERE_AGB)
    tokens: dict[str, str] = field(default_factory=dict)  # rol -> API token


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


#: Fixed dates in a year the rules know the VG5 budget for (2017: seed 000 tabel 1), so the doelmatigheidstoets
#: can accept care at home and the amounts are computed; the rules refuse periods after their last parameter,
#: and the scenario must not depend on today's date.
INDICATIE_VAN = dt.date(2016, 1, 1)
ZORG_VAN = dt.date(2017, 1, 1)
INTAKE_PERIODE = (dt.date(2017, 1, 1), dt.date(2017, 12, 31))


def _client(uowf, nummer: str, achternaam: str, agb: str, leveringsvorm: str) -> str:
    with uowf(write=True) as uow:
        c = dossier.registreer_client(
            uow,
            SYSTEEM,
            invoer.ClientInvoer(
                bsn=nummer,
                voornamen="Eva",
                achternaam=achternaam,
                geboortedatum=dt.date(1975, 5, 17),
                straat="Lindelaan",
                huisnummer="12",
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
                besluitnummer=f"CIZ-E2E-{achternaam}",
                zorgprofiel="VG5",
                grondslagen=["05"],
                ingangsdatum=INDICATIE_VAN,
            ),
        )
    beoordelaar = _actor(uowf, "beoordelaar")
    with uowf(write=True) as uow:
        dossier.kies_leveringsvorm(
            uow,
            beoordelaar,
            c.id,
            invoer.KeuzeInvoer(leveringsvorm=leveringsvorm, ingangsdatum=ZORG_VAN),
        )
    with uowf(write=True) as uow:
        dossier.maak_toewijzing(
            uow,
            SYSTEEM,
            c.id,
            invoer.ToewijzingInvoer(agb_code=agb, leveringsvorm=leveringsvorm, van=ZORG_VAN, zorgprofiel="VG5"),
        )
    return c.id


def _actor(uowf, gebruikersnaam: str):
    with uowf() as uow:
        g = uow.gebruikers.met_naam(gebruikersnaam)
        return auth.actor_voor_gebruiker(uow, g.id, "cli")


def maak_database(url: str, *, clients: int = 25, seed: int = 2024) -> Scenario:
    """Fill a fresh database like ``wlz demo`` does, then add the scenario clients and one API token per role."""
    engine = make_engine(url)
    try:
        vul(engine, reset=False, aantal=clients, seed=seed)
        uowf = UnitOfWorkFactory(engine)
        # BSNs from the far end of the synthetic block, away from the demo's random draws
        bsns = [b for b in (f"999{n:06d}" for n in range(999999, 0, -1)) if bsnmod.elfproef(b)][:2]
        thuis = _client(uowf, bsns[0], "Thuiszorg-E2E", AANBIEDERS[0], "mpt")
        ander = _client(uowf, bsns[1], "Anderaanbieder-E2E", ANDERE_AGB, "verblijf")
        tokens = {}
        with uowf(write=True) as uow:
            for rol in WACHTWOORDEN:
                g = uow.gebruikers.met_naam(rol)
                _, tokens[rol] = auth.maak_token(uow, SYSTEEM, g.id, f"test {rol}")
            uow.commit()
        return Scenario(thuis, "Thuiszorg-E2E", ander, tokens)
    finally:
        engine.dispose()


def luisterend(port: int) -> int:
    """How many sockets listen on ``port`` (``wlz.platform.serve``: one per worker)."""
    return sum(1 for c in psutil.net_connections("tcp") if c.laddr.port == port and c.status == "LISTEN")


class Server:
    """The zorgkantoor's app served as ``wlz serve`` serves it (``wlz.platform.serve``: uvicorn, each worker on a
    socket of its own) in a subprocess, on loopback."""

    def __init__(self, env: dict[str, str], *, workers: int = 1, port: int | None = None, log: Path | None = None):
        self.port = port or vrije_poort()
        self.workers = workers
        self.url = f"http://127.0.0.1:{self.port}"
        self._log = open(log, "wb") if log else subprocess.DEVNULL  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "wlz.platform.serve",
                "wlz.zorgkantoor.app:create_app",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--workers",
                str(workers),
            ],
            env={**os.environ, **env},
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        self._wacht()

    def _wacht(self, timeout: float = 60) -> None:
        """Until the server answers and every worker listens on its socket (a measurement that starts while a
        worker is still starting would put every connection in the others)."""
        eind = time.monotonic() + timeout
        while time.monotonic() < eind:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server stopped with exit code {self.proc.returncode}")
            try:
                if (
                    httpx.get(self.url + "/api/health", timeout=1).status_code == 200
                    and luisterend(self.port) >= self.workers
                ):
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError("server did not answer /api/health in time")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self._log is not subprocess.DEVNULL:
            self._log.close()
