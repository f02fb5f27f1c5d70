"""A full year of one budgethouder in a browser: budgetplan -> agreement -> approvals -> twelve monthly
declarations, the last refused for lack of budget -> vaststelling -> a vordering on the zorgverlener. A real
server (uvicorn subprocess, fresh SQLite pgb database) and Chromium."""

from __future__ import annotations

import datetime as dt
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from wlz.pgb import services
from wlz.pgb.storage.uow import unit_of_work_factory, upgrade
from wlz.platform.database import make_engine

pytestmark = pytest.mark.browser

ZK = services.Actor("e2e", "e2e", services.BEOORDELAAR, "cli")
WW = "e2e-wachtwoord-lang"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


def chromium_ontbreekt() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"Debian chromium not installed at {CHROMIUM}"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the Python package playwright is not installed"
    return None


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    reden = chromium_ontbreekt()
    if reden:
        pytest.skip(reden)
    data = tmp_path_factory.mktemp("pgb-e2e")
    url = f"sqlite:///{data / 'pgb.sqlite'}"
    engine = make_engine(url)
    upgrade(engine)
    uows = unit_of_work_factory(engine)
    services.registreer_beschikking(
        uows,
        ZK,
        services.PgbBeschikking(
            beschikking_id="e2e-2015",
            client_id="bh-e2e",
            zorgprofiel="VG5",
            van=dt.date(2015, 1, 1),
            tot=dt.date(2015, 12, 31),
            zorgkantoor="Zorgkantoor Voorbeeld",
            gewaarborgde_hulp="ouder (synthetisch)",
        ),
    )
    services.maak_gebruiker(uows, "zk", "Beoordelaar", services.BEOORDELAAR, WW)
    services.maak_gebruiker(uows, "bh", "Budgethouder", services.BUDGETHOUDER, WW, budgethouder_id="bh-e2e")
    services.maak_gebruiker(uows, "zv", "Zorgverlener", services.ZORGVERLENER, WW, zorgverlener_id="zv-e2e")
    engine.dispose()
    poort = vrije_poort()
    klok = data / "vandaag"
    klok.write_text("2015-01-01")
    env = {
        **os.environ,
        "WLZ_PGB_DATABASE_URL": url,
        "WLZ_DATA_DIR": str(data),
        "WLZ_SECRET_KEY": "e2e",
        "PGB_E2E_KLOK": str(klok),
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "tests.pgb.e2e.klok_app:create_app", "--factory", "--host", "127.0.0.1",
         "--port", str(poort), "--no-access-log", "--log-level", "warning"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
    )  # fmt: skip
    basis = f"http://127.0.0.1:{poort}"
    eind = time.monotonic() + 60
    while time.monotonic() < eind:
        try:
            if httpx.get(basis + "/inloggen", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.2)
    yield basis, klok
    proc.terminate()
    proc.wait(10)


@pytest.fixture(scope="module")
def browser(server):  # noqa: ARG001 - started after the server
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


def _submit(page, knop: str) -> None:
    """Click a form's button and wait for the page the server answers with (a POST, then its redirect), so the
    next read sees that page and not one still loading."""
    with page.expect_navigation():
        page.click(knop)


def _als(browser, server, naam):
    ctx = browser.new_context(base_url=server, locale="nl-NL")
    ctx.set_default_timeout(15_000)
    page = ctx.new_page()
    page.goto("/inloggen")
    page.fill("input[name=gebruikersnaam]", naam)
    page.fill("input[name=wachtwoord]", WW)
    _submit(page, "button:has-text('Inloggen')")
    page.goto("/dossiers/e2e-2015")
    return ctx, page


def test_a_year_in_the_browser(browser, server):
    server, klok = server
    ctx, bh = _als(browser, server, "bh")
    bh.select_option("select[name=functie_0]", "begeleiding")
    bh.fill("input[name=uren_0]", "520")
    bh.fill("input[name=uurtarief_0]", "50")
    bh.fill("input[name=zorgverlener_0]", "zv-e2e")
    _submit(bh, "button:has-text('Budgetplan indienen')")
    assert "Budgetplan ingediend" in bh.content()
    bh.fill("input[name=zorgverlener_id]", "zv-e2e")
    bh.select_option("select[name=functie]", "begeleiding")
    bh.fill("textarea[name=zorgbeschrijving]", "Begeleiding bij dagstructuur, drie dagdelen per week.")
    bh.fill("input[name=uren_per_week]", "10")
    bh.fill("input[name=uurtarief]", "50")
    bh.fill("input[name=van]", "2015-01-01")
    bh.fill("input[name=tot]", "2015-12-31")
    _submit(bh, "button:has-text('Indienen')")
    assert "derdenbeding" in bh.content()  # refused without derdenbeding (422 naming the field)
    bh.go_back()
    bh.check("input[name=derdenbeding]")
    _submit(bh, "button:has-text('Indienen')")
    assert "Zorgovereenkomst ingediend" in bh.content()
    ctx.close()

    ctx, zk = _als(browser, server, "zk")
    zk.fill("form[action^='/budgetplannen'] input[name=reden]", "binnen budget en maximumtarief 2015")
    _submit(zk, "button:has-text('Budgetplan beoordelen')")
    zk.fill("form[action^='/zorgovereenkomsten'] input[name=reden]", "volgens het model van de SVB")
    _submit(zk, "button:has-text('Opslaan')")
    assert "Nog gereserveerd: € 26.071,43" in zk.content()
    ctx.close()

    ctx, zv = _als(browser, server, "zv")
    for m in range(1, 13):
        van = dt.date(2015, m, 1)
        tot = (dt.date(2015, m + 1, 1) if m < 12 else dt.date(2016, 1, 1)) - dt.timedelta(days=1)
        klok.write_text((tot + dt.timedelta(days=5)).isoformat())  # received five days after the month
        zv.fill("input[name=van]", van.isoformat())
        zv.fill("input[name=tot]", tot.isoformat())
        zv.fill("input[name=uren]", "45")
        zv.fill("input[name=bedrag]", "2250")
        _submit(zv, "button:has-text('Declareren')")
        tekst = zv.content()
        if m < 12:
            assert "Declaratie betaald aan de zorgverlener" in tekst, m
    assert "Declaratie niet betaald: het resterende budget is niet toereikend" in tekst
    ctx.close()

    ctx, zk = _als(browser, server, "zk")
    _submit(zk, "button:has-text('Budget vaststellen')")
    # Rlz art. 5.21: paid 11 x 2.250 = 24.750 + 1,5 % of 42.701 (640,52) = 25.390,52; returned 42.701 - 24.750
    assert "Vastgesteld op € 25.390,52; teruggegeven € 17.951,00" in zk.content()
    zk.select_option("select[name=veroorzaker]", "zorgverlener")
    zk.fill("input[name=debiteur_id]", "zv-e2e")
    zk.select_option("select[name=overeenkomst_id]", index=1)
    zk.fill("input[name=oorzaak]", "uren gedeclareerd maar niet geleverd (synthetisch)")
    zk.fill("input[name=bedrag]", "450")
    zk.fill("form[action$='/vorderingen'] input[name=datum]", "2016-02-01")
    zk.check("input[name=te_goeder_trouw]")
    _submit(zk, "button:has-text('Vordering registreren')")
    assert "Vordering geregistreerd op de zorgverlener" in zk.content()
    zk.goto("/vorderingen?peildatum=2016-03-01")
    assert "€ 450,00" in zk.content()
    ctx.close()
