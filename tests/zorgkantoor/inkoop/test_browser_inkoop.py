"""The zorginkoop in a real browser (Debian chromium via Playwright) against a real server (uvicorn subprocess) on
a fresh SQLite database with the zorginkoop test world.

What a user relies on: the zorginkoper writes and publishes an inkoopkader and a contract (a tariff above 100%
without an approved verbeterplan is refused in Dutch, naming the field); the public sees the published kader and
the contracted provider per region and leveringsvorm without logging in; an assessor records a client's choice
of provider and it becomes a zorgtoewijzing with an XSD- and XSLT-valid AW33 (a choice without covering contract
is refused with the reason).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from wlz.iwlz.validation import check
from wlz.platform.database import make_engine
from wlz.zorgkantoor.services import auth
from wlz.zorgkantoor.services.actor import SYSTEEM
from wlz.zorgkantoor.storage import migrate
from wlz.zorgkantoor.storage.uow import UnitOfWorkFactory

from .wereld import AGB_A, bouw

CHROMIUM = "/usr/bin/chromium"
WACHTWOORD = "inkoop-test-wachtwoord"


def _ontbreekt() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"Debian chromium not installed at {CHROMIUM}"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the Python package playwright is not installed"
    return None


pytestmark = [pytest.mark.browser, pytest.mark.skipif(_ontbreekt() is not None, reason=_ontbreekt() or "")]


def _poort() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    data = tmp_path_factory.mktemp("inkoop-e2e")
    url = f"sqlite:///{data / 'wlz.sqlite'}"
    engine = make_engine(url)
    migrate.upgrade(engine)
    uowf = UnitOfWorkFactory(engine)
    w = bouw(uowf)
    with uowf(write=True) as uow:
        for rol in ("zorginkoper", "beoordelaar"):
            auth.maak_gebruiker(uow, SYSTEEM, gebruikersnaam=rol, naam=rol.title(), rol=rol, wachtwoord=WACHTWOORD)
        uow.commit()
    engine.dispose()
    poort = _poort()
    log = open(data / "server.log", "wb")  # noqa: SIM115 - closed below
    proc = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "wlz.zorgkantoor.app:create_app", "--factory", "--host", "127.0.0.1",
         "--port", str(poort), "--no-access-log", "--log-level", "warning"],
        env={**os.environ, "WLZ_DATABASE_URL": url, "WLZ_DATA_DIR": str(data), "WLZ_SECRET_KEY": "inkoop-e2e"},
        stdout=log,
        stderr=subprocess.STDOUT,
    )  # fmt: skip
    basis = f"http://127.0.0.1:{poort}"
    try:
        eind = time.monotonic() + 60
        while True:
            assert proc.poll() is None, (data / "server.log").read_text()
            try:
                if httpx.get(basis + "/api/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < eind, "server did not start"
            time.sleep(0.2)
        yield basis, url, w
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


@pytest.fixture
def page(chromium, server):
    basis, _, _ = server
    context = chromium.new_context(base_url=basis, locale="nl-NL", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    p = context.new_page()
    yield p
    context.close()


def inloggen(page, rol: str) -> None:
    page.goto("/inloggen")
    page.get_by_label("Gebruikersnaam").fill(rol)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()
    assert "/inloggen" not in page.url, page.inner_text("main")


def _contract_invullen(page, percentage: str) -> None:
    f = page.locator("#contractformulier")
    f.locator("select[name=agb_code]").select_option(AGB_A)
    f.locator("select[name=regio]").select_option("5521")
    f.locator("select[name=vorm]").select_option("regulier")
    f.locator("input[name=ingangsdatum]").fill("2024-01-01")
    f.locator("input[name=einddatum]").fill("2099-12-31")
    f.locator("input[name=prestatiecode]").nth(0).fill("ZI754")
    f.locator("select[name=leveringsvorm]").nth(0).select_option("verblijf")
    f.locator("input[name=tarief_percentage]").nth(0).fill(percentage)
    f.locator("input[name=prestatiecode]").nth(1).fill("M-BG")
    f.locator("select[name=leveringsvorm]").nth(1).select_option("mpt")
    f.locator("input[name=tarief_percentage]").nth(1).fill("100")
    f.get_by_label("Kwaliteitseisen").fill("Werkt volgens het kwaliteitskader verpleeghuiszorg.")
    f.get_by_label("Continuïteitsclausule").fill("Cliënten houden hun zorg tot een nieuwe aanbieder het overneemt.")
    f.get_by_label("Cliëntenraad geraadpleegd").check()
    f.locator("select[name=status]").select_option("actief")


def test_zorginkoper_contract_flow(page):
    inloggen(page, "zorginkoper")
    assert page.url.endswith("/inkoop")
    # an inkoopkader for the region, published
    f = page.locator("form[action='/inkoop/kaders']")
    f.get_by_label("Jaar").fill("2025")
    f.locator("select[name=regio]").select_option("5521")
    f.get_by_label("Eisen aan de kwaliteit van de zorg").fill(
        "Kwaliteitskader verpleeghuiszorg, kwaliteitsrapport per jaar."
    )
    f.get_by_label("Looptijd van de afspraken").fill("Drie jaar, met jaarlijkse ontwikkelafspraken.")
    f.get_by_label("Continuïteit van zorg als afspraken eindigen").fill("Warme overdracht naar een andere aanbieder.")
    f.get_by_role("button", name="Opslaan").click()
    page.wait_for_load_state()
    assert "Inkoopkader opgeslagen." in page.inner_text("main")
    page.get_by_role("button", name="Publiceren").click()
    page.wait_for_load_state()
    assert "gepubliceerd" in page.inner_text("main")

    # a contract with a tariff above 100% without an approved verbeterplan: refused, naming the field
    page.get_by_role("link", name="Contracten").first.click()
    page.get_by_role("link", name="Nieuw contract").click()
    _contract_invullen(page, "110")
    page.get_by_role("button", name="Contract opslaan").click()
    page.wait_for_load_state()
    fout = page.locator("p.fout").inner_text()
    assert "goedgekeurd verbeterplan" in fout and "tarief_percentage" in fout
    assert "/inkoop/contracten" in page.url  # still the form, with what was typed
    assert page.locator("input[name=prestatiecode]").nth(0).input_value() == "ZI754"

    # corrected: 97,5% of the supplied maximum (200,00, voorbeeld) is 195,00
    page.locator("input[name=tarief_percentage]").nth(0).fill("97,5")
    page.get_by_label("Kwaliteitseisen").fill("Werkt volgens het kwaliteitskader verpleeghuiszorg.")
    page.get_by_label("Continuïteitsclausule").fill("Cliënten houden hun zorg tot een nieuwe aanbieder het overneemt.")
    page.get_by_role("button", name="Contract opslaan").click()
    page.wait_for_load_state()
    assert "Contract opgeslagen." in page.inner_text("main")
    assert page.locator("#contract-status").inner_text() == "Actief"
    tarieven = page.locator("td.contracttarief").all_inner_texts()
    assert "€ 195,00" in [t.replace("\xa0", " ") for t in tarieven]
    assert "voorbeeld" in page.inner_text("main")


def test_public_comparison_without_login(page, server):
    _, url, _ = server
    # a published kader and an active contract (written through the use cases, as the flow above does)
    import datetime as dt

    from wlz.zorgkantoor.services import inkoop
    from wlz.zorgkantoor.services import inkoop_invoer as iv

    from .wereld import INKOPER, contract

    engine = make_engine(url)
    uowf = UnitOfWorkFactory(engine)
    with uowf(write=True) as uow:
        inkoop.kader_opslaan(
            uow,
            INKOPER,
            iv.KaderInvoer(
                jaar=2026,
                regio="5531",
                kwaliteitseisen="Eisen Zuid-Limburg",
                looptijd="Twee jaar",
                continuiteit="Overdracht",
            ),
        )
    with uowf(write=True) as uow:
        inkoop.kader_publiceren(uow, INKOPER, iv.PublicerenInvoer(jaar=2026, regio="5531"))
    with uowf(write=True) as uow:
        inkoop.contract_opslaan(
            uow, INKOPER, contract(regio="5531", einddatum=dt.date(2099, 12, 31), kwaliteitseisen="Eis ZL-contract")
        )
    engine.dispose()

    page.goto("/wijzer")
    page.get_by_role("link", name="Zorginkoop").click()
    page.wait_for_load_state()
    assert page.url.endswith("/zorginkoop")
    tekst = page.inner_text("main")
    assert "Eisen Zuid-Limburg" in tekst and "Twee jaar" in tekst
    page.locator("select[name=regio]").select_option("5531")
    page.locator("select[name=leveringsvorm]").select_option("mpt")
    page.get_by_role("button", name="Vergelijken").click()
    page.wait_for_load_state()
    rijen = page.locator("#vergelijking tbody tr").all_inner_texts()
    assert len(rijen) == 1 and "Zorggroep Maas" in rijen[0] and "Mpt" in rijen[0] and "Eis ZL-contract" in rijen[0]
    assert "Zuid-Limburg" in rijen[0]


def test_client_choice_becomes_a_valid_aw33(page, server):
    _, url, w = server
    import datetime as dt

    from wlz.zorgkantoor.services import inkoop

    from .wereld import INKOPER, contract

    engine = make_engine(url)
    uowf = UnitOfWorkFactory(engine)
    with uowf(write=True) as uow:
        inkoop.contract_opslaan(uow, INKOPER, contract(einddatum=dt.date(2026, 12, 31)))
    inloggen(page, "beoordelaar")
    page.goto(f"/clienten/{w.client_id}")
    page.get_by_role("link", name="Keuze van zorgaanbieder, vouchers en cliëntondersteuning").click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/clienten/{w.client_id}/zorgkeuze")
    f = page.locator("#keuzeformulier")

    def invullen(regio: str) -> None:
        f.locator("select[name=regio]").select_option(regio)
        f.locator("input[name=van]").fill("2025-01-01")
        f.locator("input[name=tot]").fill("2025-12-31")
        f.locator("input[name=prestatiecode]").nth(0).fill("M-BG")
        f.locator("select[name=leveringsvorm]").nth(0).select_option("mpt")
        f.locator("input[name=agb_code]").nth(0).fill(AGB_A)
        f.locator("select[name=functie]").nth(0).select_option("81")
        f.locator("select[name=klasse]").nth(0).select_option("K3")

    # no contract in Zeeland: refused with the reason, nothing recorded
    invullen("5525")
    f.get_by_role("button", name="Keuze vastleggen").click()
    page.wait_for_load_state()
    fout = page.locator("p.fout").inner_text()
    assert "geen actief contract" in fout and "Zeeland" in fout
    assert "Nog geen keuze vastgelegd." in page.inner_text("#keuzes")

    invullen("5521")
    f.get_by_role("button", name="Keuze vastleggen").click()
    page.wait_for_load_state()
    assert "AW33-bericht zijn gemaakt" in page.inner_text("main")
    rij = page.locator("#keuzes tbody tr").first.inner_text()
    assert "M-BG" in rij and AGB_A in rij and "Rotterdam" in rij

    with uowf() as uow:
        aw33 = [b for b in uow.berichten.van_client(w.client_id) if b.soort == "AW33"]
        toewijzingen = uow.toewijzingen.van_client(w.client_id)
    engine.dispose()
    assert len(aw33) == 1 and aw33[0].ontvanger == AGB_A
    rapport = check(aw33[0].inhoud, "AW33")
    assert rapport.valid, rapport.findings
    assert [(t.agb_code, t.functie, t.klasse, t.van) for t in toewijzingen] == [
        (AGB_A, "81", "K3", dt.date(2025, 1, 1))
    ]


def test_kwaliteitsrapport_pdf_uploaded_and_downloaded_from_the_public_comparison(page, server, tmp_path):
    """The zorginkoper uploads a provider's kwaliteitsrapport as a PDF (a text file is refused in Dutch, naming the
    field); the public comparison links it and the link gives the PDF."""
    basis, url, _ = server
    import datetime as dt

    from wlz.zorgkantoor.services import inkoop

    from .wereld import INKOPER, contract

    engine = make_engine(url)
    with UnitOfWorkFactory(engine)(write=True) as uow:
        inkoop.contract_opslaan(uow, INKOPER, contract(regio="5521", einddatum=dt.date(2099, 12, 31)))
    engine.dispose()
    pdf = tmp_path / "kwaliteitsrapport 2024.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n")
    tekst = tmp_path / "rapport.txt"
    tekst.write_text("geen pdf")
    inloggen(page, "zorginkoper")
    page.goto("/inkoop/aanbieders")

    def uploaden(bestand: Path) -> None:
        f = page.locator("#rapportbestand")
        f.get_by_label("AGB-code van de aanbieder").fill(AGB_A)
        f.get_by_label("Verslagjaar").fill("2024")
        f.get_by_label("PDF-bestand").set_input_files(str(bestand))
        f.get_by_role("button", name="Uploaden").click()
        page.wait_for_load_state()

    uploaden(tekst)
    fout = page.inner_text("main")
    assert "als PDF-bestand" in fout and "(veld: bestand)" in fout
    uploaden(pdf)
    assert "Kwaliteitsrapport (PDF) opgeslagen" in page.inner_text("main")
    # the public, without logging in
    publiek = page.context.browser.new_context(base_url=basis, locale="nl-NL")
    p = publiek.new_page()
    p.goto("/zorginkoop?regio=5521&leveringsvorm=verblijf")
    link = p.locator("#vergelijking a[href^='/zorginkoop/kwaliteitsrapporten/']").first
    assert link.inner_text() == "2024"
    r = httpx.get(basis + link.get_attribute("href"))
    assert r.status_code == 200 and r.headers["content-type"] == "application/pdf"
    assert r.content == pdf.read_bytes()
    publiek.close()


def test_a_choice_under_another_leveringsvorm_is_refused_on_the_page(page, server):
    """Provider A contracted ZI754 as verblijf only: an assessor choosing it as vpt gets the Dutch reason naming the
    module's leveringsvorm, and nothing is recorded."""
    _, url, w = server
    import datetime as dt

    from wlz.zorgkantoor.services import inkoop

    from .wereld import INKOPER, contract

    engine = make_engine(url)
    uowf = UnitOfWorkFactory(engine)
    with uowf(write=True) as uow:
        inkoop.contract_opslaan(uow, INKOPER, contract(einddatum=dt.date(2026, 12, 31)))
    with uowf() as uow:
        voor = len(uow.toewijzingen.van_client(w.client_id))
    inloggen(page, "beoordelaar")
    page.goto(f"/clienten/{w.client_id}/zorgkeuze")
    f = page.locator("#keuzeformulier")
    f.locator("select[name=regio]").select_option("5521")
    f.locator("input[name=van]").fill("2026-01-01")
    f.locator("input[name=tot]").fill("2026-06-30")
    f.locator("input[name=prestatiecode]").nth(0).fill("ZI754")
    f.locator("select[name=leveringsvorm]").nth(0).select_option("vpt")
    f.locator("input[name=agb_code]").nth(0).fill(AGB_A)
    f.get_by_role("button", name="Keuze vastleggen").click()
    page.wait_for_load_state()
    fout = page.locator("p.fout").inner_text()
    assert "gecontracteerd als verblijf, niet als vpt" in fout and "modules.0.leveringsvorm" in fout
    with uowf() as uow:
        assert len(uow.toewijzingen.van_client(w.client_id)) == voor
    engine.dispose()
