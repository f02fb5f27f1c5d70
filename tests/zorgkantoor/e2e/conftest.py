"""Fixtures for the browser tests: a real server (uvicorn subprocess) on a fresh demo database and Chromium.

The database is SQLite in a tmp dir on purpose, also in the PostgreSQL run of the suite: these tests check what a
user sees in a browser; the database variants are covered by the other service tests and the load benchmark.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .server import Scenario, Server, maak_database


@pytest.fixture(scope="session")
def demo_server(tmp_path_factory):
    """(base URL, scenario) of a server running on its own fresh demo database."""
    data = tmp_path_factory.mktemp("e2e")
    url = f"sqlite:///{data / 'wlz.sqlite'}"
    scenario: Scenario = maak_database(url, clients=25)
    # the server uses the shipped example parameters (2025-2026 pgb amounts, marked voorbeeld), as scripts/run.sh
    voorbeeld = Path(__file__).resolve().parents[3] / "src" / "wlz" / "rules" / "voorbeeld_parameters.yaml"
    server = Server(
        {
            "WLZ_DATABASE_URL": url,
            "WLZ_DATA_DIR": str(data),
            "WLZ_SECRET_KEY": "e2e-geheim",
            "WLZ_PARAMETERS": str(voorbeeld),
        },  # fmt: skip
        log=data / "server.log",
    )
    yield server.url, scenario
    server.stop()


@pytest.fixture
def pagina(chromium, demo_server):
    """A fresh browser context (no cookies) per test, in Dutch, at a desktop size."""
    base, _ = demo_server
    context = chromium.new_context(base_url=base, locale="nl-NL", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def schermafdrukken() -> Path | None:
    """Where to save screenshots of the main pages: set WLZ_SCREENSHOTS (e.g. docs/screenshots) to refresh the
    ones in the docs; unset (the normal test run) saves none."""
    doel = os.environ.get("WLZ_SCREENSHOTS")
    if not doel:
        return None
    p = Path(doel)
    p.mkdir(parents=True, exist_ok=True)
    return p
