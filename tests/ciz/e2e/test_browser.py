"""End to end in a real browser (Debian chromium via Playwright): two real servers (uvicorn, real HTTP on
loopback), the CIZ and the zorgkantoor, each on its own database. A request from the public form to a decision,
the letter, the IO31 posted to the zorgkantoor's API and the client appearing in the zorgkantoor's pages."""

from __future__ import annotations

import re
import threading
import time

import pytest
from tests.zorgkantoor.e2e.browser import CHROMIUM, CHROMIUM_ARGS, chromium_ontbreekt
from tests.zorgkantoor.e2e.server import vrije_poort

from ..conftest import WACHTWOORD, formulier

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(chromium_ontbreekt() is not None, reason=chromium_ontbreekt() or ""),
]


def _serve(app) -> tuple[str, object]:
    import uvicorn

    port = vrije_poort()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", server


@pytest.fixture
def servers(tmp_path):
    import httpx

    from wlz.ciz.app import create_app
    from wlz.ciz.config import Settings
    from wlz.ciz.domain.gebruiker import SYSTEEM
    from wlz.ciz.services import auth
    from wlz.ciz.storage import migrate
    from wlz.platform.database import make_engine
    from wlz.zorgkantoor.services import auth as zk_auth
    from wlz.zorgkantoor.services.actor import SYSTEEM as ZK_SYSTEEM

    from ..conftest import zorgkantoor

    zk, zk_token, _ = zorgkantoor(tmp_path)
    with zk.app.state.uow(write=True) as uow:
        zk_auth.maak_gebruiker(
            uow, ZK_SYSTEEM, gebruikersnaam="beoordelaar", naam="Beoordelaar", rol="beoordelaar", wachtwoord=WACHTWOORD
        )
        uow.commit()
    zk_url, zk_server = _serve(zk.app)
    url = f"sqlite:///{tmp_path / 'ciz.sqlite'}"
    engine = make_engine(url)
    migrate.upgrade(engine)
    app = create_app(
        Settings(database_url=url, secret_key="ciz-e2e", zorgkantoor_url=zk_url, zorgkantoor_token=zk_token),
        engine=engine,
    )
    assert isinstance(app.state.bezorger.client, httpx.Client)  # the running system's way: HTTP
    with app.state.uow(write=True) as uow:
        auth.maak_gebruiker(uow, SYSTEEM, gebruikersnaam="indicatiesteller", naam="Indicatiesteller",
                            rol="indicatiesteller", wachtwoord=WACHTWOORD)  # fmt: skip
        auth.maak_gebruiker(uow, SYSTEEM, gebruikersnaam="beheerder", naam="Beheerder",
                            rol="beheerder", wachtwoord=WACHTWOORD)  # fmt: skip
        uow.commit()
    ciz_url, ciz_server = _serve(app)
    yield ciz_url, zk_url
    for s in (ciz_server, zk_server):
        s.should_exit = True


def test_request_to_decision_to_the_zorgkantoor_in_a_browser(servers):
    from playwright.sync_api import sync_playwright

    ciz, zk = servers
    data = formulier(seed=77)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_context(locale="nl-NL").new_page()
        page.set_default_timeout(15_000)
        # the public form, no login
        page.goto(f"{ciz}/aanvragen/nieuw")
        for veld in ("bsn", "voornamen", "achternaam", "straat", "huisnummer", "postcode", "woonplaats"):
            page.fill(f"input[name={veld}]", data[veld])
        page.fill("input[name=geboortedatum]", data["geboortedatum"])
        page.select_option("select[name=aanvrager]", "vertegenwoordiger")
        page.click("text=Aanvraag versturen")
        nummer = page.inner_text("#ontvangstnummer")
        assert re.fullmatch(r"CIZ-\d{4}-[A-Z2-9]{8}", nummer)
        assert data["bsn"] not in page.url and data["bsn"] not in page.content()
        # the indicatiesteller: work list, assessment, decision support, decision
        page.goto(f"{ciz}/inloggen")
        page.fill("input[name=gebruikersnaam]", "indicatiesteller")
        page.fill("input[name=wachtwoord]", WACHTWOORD)
        page.click("button:has-text('Inloggen')")
        page.click(f"text={nummer}")
        page.check("input[name=grondslagen][value='02']")
        page.check("input[name=zorg_24_uur_nabijheid]")
        page.select_option("select[name=behoefte_begeleiding]", "3")
        page.select_option("select[name=behoefte_verzorging]", "3")
        page.check("input[name=kenmerken][value=dementie]")
        page.click("text=Beoordeling vastleggen")
        assert page.inner_text("#advies li >> nth=0").startswith("VV5")
        page.click("text=Besluit nemen")
        assert "toegekend: VV5" in page.inner_text("#besluit")
        assert "geaccepteerd" in page.inner_text(".bericht")
        with page.expect_navigation():  # the letter page, not the one still on screen
            page.click("text=Besluitbrief")
        assert "bezwaar" in page.content() and "Beschermd wonen met intensieve dementiezorg" in page.content()
        # the zorgkantoor's own pages show the client the IO31 brought
        page.goto(f"{zk}/inloggen")
        page.fill("input[name=gebruikersnaam]", "beoordelaar")
        page.fill("input[name=wachtwoord]", WACHTWOORD)
        page.click("button:has-text('Inloggen')")
        page.goto(f"{zk}/clienten?q={data['achternaam']}")
        assert data["achternaam"] in page.content()
        browser.close()


def _inloggen(page, url: str, naam: str, wachtwoord: str) -> None:
    page.goto(f"{url}/inloggen")
    page.fill("input[name=gebruikersnaam]", naam)
    page.fill("input[name=wachtwoord]", wachtwoord)
    with page.expect_navigation():
        page.click("button:has-text('Inloggen')")


def test_the_beheerder_makes_and_deactivates_an_account_in_a_browser(servers):
    """The beheerder creates an indicatiesteller in a team; she logs in elsewhere; deactivating her account ends
    that session at once: her next page is the login page."""
    from playwright.sync_api import sync_playwright

    ciz, _ = servers
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        beheer = browser.new_context(locale="nl-NL").new_page()
        beheer.set_default_timeout(15_000)
        _inloggen(beheer, ciz, "beheerder", WACHTWOORD)
        assert beheer.url.endswith("/beheer/gebruikers")
        beheer.fill("input[name=gebruikersnaam]", "ineke")
        beheer.fill("input[name=naam]", "Ineke de Vries")
        beheer.select_option("form[action='/beheer/gebruikers'] select[name=rol]", "indicatiesteller")
        beheer.select_option("form[action='/beheer/gebruikers'] select[name=eenheid]", "Oost")
        beheer.fill("form[action='/beheer/gebruikers'] input[name=team]", "team 2")
        beheer.fill("form[action='/beheer/gebruikers'] input[name=wachtwoord]", "ineke-wachtwoord-1")
        with beheer.expect_navigation():
            beheer.click("text=Aanmaken")
        rij = beheer.locator("tr[data-naam=ineke]")
        assert "Oost / team 2" in rij.inner_text() and "indicatiesteller" in rij.inner_text()
        ineke = browser.new_context(locale="nl-NL").new_page()
        ineke.set_default_timeout(15_000)
        _inloggen(ineke, ciz, "ineke", "ineke-wachtwoord-1")
        assert ineke.url.endswith("/werkvoorraad")
        with beheer.expect_navigation():
            rij.locator("button:has-text('Deactiveren')").click()
        assert "nee" in beheer.locator("tr[data-naam=ineke]").inner_text()
        ineke.goto(f"{ciz}/werkvoorraad")
        assert ineke.url.endswith("/inloggen")
        _inloggen(ineke, ciz, "ineke", "ineke-wachtwoord-1")
        assert "Onbekende gebruikersnaam of onjuist wachtwoord" in ineke.content()
        browser.close()
