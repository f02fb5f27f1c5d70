"""End to end in a real browser (Debian chromium via Playwright) against a real server on a demo database.

What a user relies on: an assessor can take a request for extra care from intake to decision in the pages; a
provider cannot open another provider's client; the public Wlz-wijzer shows the amounts the rules compute.
Run with WLZ_SCREENSHOTS=docs/screenshots to refresh the screenshots in the docs.
"""

from __future__ import annotations

import re

import pytest

from .browser import chromium_ontbreekt, foto
from .server import INTAKE_PERIODE, WACHTWOORDEN

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(chromium_ontbreekt() is not None, reason=chromium_ontbreekt() or ""),
]


def inloggen(page, rol: str, map_=None) -> None:
    page.goto("/inloggen")
    page.get_by_label("Gebruikersnaam").fill(rol)
    page.get_by_label("Wachtwoord").fill(WACHTWOORDEN[rol])
    foto(page, map_, "inloggen")
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()
    assert "/inloggen" not in page.url, page.inner_text("main")


def status(page) -> str:
    return page.locator("dl.kaart dt:text-is('Status') + dd").inner_text()


def test_beoordelaar_handelt_aanvraag_af_van_intake_tot_besluit(pagina, demo_server, schermafdrukken):
    page = pagina
    _, sc = demo_server
    inloggen(page, "beoordelaar", schermafdrukken)
    assert page.url.endswith("/werkvoorraad")
    foto(page, schermafdrukken, "werkvoorraad")

    # find the client by name and open the file
    page.get_by_role("link", name="Cliënten").click()
    page.get_by_label("Zoek op naam").fill(sc.thuis_naam)
    page.get_by_role("button", name="Zoeken").first.click()
    page.get_by_role("link", name=re.compile(sc.thuis_naam)).click()
    assert page.url.endswith(f"/clienten/{sc.thuis_client_id}")
    assert sc.thuis_naam in page.locator("h1").inner_text()
    assert "Modulair pakket thuis" in page.inner_text("main")
    foto(page, schermafdrukken, "dossier")

    # one intake for all extra care
    page.get_by_role("link", name="Extra zorg aanvragen").click()
    assert page.locator("h1").inner_text().startswith("Extra zorg aanvragen")
    van, tot = INTAKE_PERIODE
    page.locator("input[name=periode_van]").fill(van.isoformat())
    page.locator("input[name=periode_tot]").fill(tot.isoformat())
    page.locator("input[name=zorgbehoefte_uren_per_week]").fill("40")
    page.locator("input[name=profiel_uren_per_week]").fill("25")
    page.locator("input[name='criteria.meerzorg_gevraagd']").fill("5000")
    page.locator("input[name=bijdrageplichtig_inkomen]").fill("24000")
    page.locator("textarea[name=toelichting]").fill(
        "Mijn man kan de avonden niet meer opvangen; ik wil thuis blijven wonen."
    )
    foto(page, schermafdrukken, "intake")
    page.get_by_role("button", name="Aanvraag indienen").click()
    page.wait_for_url(re.compile(r"/aanvragen/\w+$"))
    assert "Aanvraag ingediend" in page.locator("p.melding").inner_text()
    assert status(page) == "Ingediend"
    tabel = page.locator("table.regelingen")
    for regeling in ("Extra kosten thuis", "Meerzorg", "Persoonlijk assistentiebudget", "Overbruggingszorg"):
        assert tabel.get_by_role("cell", name=regeling, exact=True).count() == 1, regeling
    # 40 hours needed against 25 in the profile is more than 25% above it: meerzorg (Rlz art. 2.2), the amount
    # asked; before 1 July 2018 extra kosten thuis needed one of the groups of Rlz art. 5.3 lid 3, VG is not one
    meerzorg = tabel.locator("tr", has_text="Meerzorg").locator("td")
    assert meerzorg.nth(1).inner_text().strip() == "ja"
    assert meerzorg.nth(2).inner_text().strip() == "€ 5.000,00"
    assert tabel.locator("tr", has_text="Extra kosten thuis").locator("td").nth(1).inner_text().strip() == "nee"
    aanvraag_url = page.url

    # ingediend -> in behandeling -> advies gevraagd -> in behandeling -> besloten
    page.get_by_role("button", name="In behandeling nemen").click()
    page.wait_for_load_state()
    assert status(page) == "In behandeling"

    page.locator("summary", has_text="Advies vragen").click()
    page.locator("textarea[name=vraag]").fill("Is de gevraagde extra zorg passend bij de zorgvraag?")
    page.get_by_role("button", name="Advies vragen").click()
    page.wait_for_load_state()
    assert status(page) == "Advies gevraagd"

    page.locator("textarea[name=antwoord]").fill("De CCE adviseert meerzorg toe te kennen.")
    page.get_by_role("button", name="Advies vastleggen").click()
    page.wait_for_load_state()
    assert status(page) == "In behandeling"
    assert "De CCE adviseert" in page.inner_text("main")
    foto(page, schermafdrukken, "aanvraag-behandelen")

    besluit = page.locator("form.besluit")
    besluit.locator("input[name='meerzorg.besluit'][value=toekennen]").check()
    besluit.locator("textarea[name=motivatie]").fill("De zorgbehoefte ligt ruim boven het profiel; meerzorg past.")
    besluit.get_by_role("button", name="Besluit nemen").click()
    page.wait_for_load_state()
    assert page.url == aanvraag_url
    assert "Besluit genomen" in page.locator("p.melding").inner_text()
    assert status(page).startswith("Besloten")
    rij = page.locator("h2:has-text('Besluit') + table tr", has_text="Meerzorg").locator("td")
    assert rij.nth(1).inner_text().strip() == "toegekend"
    assert rij.nth(2).inner_text().strip() == "01-01-2017 – 31-12-2017"
    assert "€ 5.000,00" in rij.nth(3).inner_text()
    assert "ruim boven het profiel" in page.inner_text("main")
    foto(page, schermafdrukken, "aanvraag-besloten")

    # the decision letter: the client's own budget and the meerzorg per year, and how to object
    page.get_by_role("link", name="Besluitbrief bekijken").click()
    page.wait_for_load_state()
    brief = page.inner_text("body")
    # only meerzorg was asked for (an amount), and it is granted: the outcome counts only what was asked
    assert "Wij geven u wat u heeft gevraagd" in brief
    assert "Uw zorg zelf" in brief and "Extra zorg uit dit besluit" in brief
    tabel = page.locator("table.budget", has=page.locator("caption", has_text="2017"))
    assert "€ 62.400,00" in tabel.inner_text()  # VG5 mpt 2017 (seed 000 tabel 1)
    assert "€ 5.000,00" in tabel.locator("tr", has_text="Meerzorg").inner_text()
    assert "bezwaar" in brief and "binnen 6 weken" in brief and "Awb" not in brief.split("bezwaar")[0]
    foto(page, schermafdrukken, "besluitbrief")
    page.goto(aanvraag_url)

    # the decision shows up in the monitoring
    page.get_by_role("link", name="Dashboard").click()
    assert page.locator("h1").inner_text().startswith("Dashboard")
    foto(page, schermafdrukken, "dashboard")


def test_aanbieder_ziet_client_van_andere_aanbieder_niet(pagina, demo_server, schermafdrukken):
    page = pagina
    _, sc = demo_server
    inloggen(page, "aanbieder")
    # its own client: the file opens, BSN masked
    r = page.goto(f"/clienten/{sc.thuis_client_id}")
    assert r.status == 200 and sc.thuis_naam in page.locator("h1").inner_text()
    # another provider's client: refused, nothing of the file shown
    r = page.goto(f"/clienten/{sc.ander_client_id}")
    assert r.status in (403, 404)
    assert page.locator("h1").inner_text() in ("Niet gevonden", "Geen toegang")
    assert "Anderaanbieder" not in page.content()
    foto(page, schermafdrukken, "geen-toegang")
    # and it is not in the provider's client list either
    page.goto("/clienten?q=Anderaanbieder")
    assert "Geen cliënten gevonden" in page.inner_text("main")


def _euro(bedrag: float) -> str:
    return "€ " + f"{bedrag:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")


def _rij(page, leveringsvorm: str):
    """One leveringsvorm's row of the wijzer's comparison table (a card on a phone)."""
    return page.locator(f"table.vergelijking tr[data-leveringsvorm='{leveringsvorm}']")


def _cel(page, leveringsvorm: str, kolom: str) -> str:
    return _rij(page, leveringsvorm).locator(f"td.{kolom}").inner_text()


def _oordeel(page, leveringsvorm: str, regeling: str) -> str:
    return _rij(page, leveringsvorm).locator(f"td[data-regeling='{regeling}'] .oordeel").inner_text()


def test_wlz_wijzer_toont_de_bedragen_van_de_rekenregels(pagina, schermafdrukken):
    """VG5 in 2017: seed 000 tabel 1 gives € 62.400 for mpt and pgb; the page must show what the rules compute."""
    from wlz import rules

    page = pagina
    page.goto("/wijzer")  # public: no login
    assert page.locator("h1").inner_text().startswith("Wlz-wijzer")
    page.locator("select[name=zorgprofiel]").select_option("VG5")
    page.locator("select[name=jaar]").select_option("2017")
    page.get_by_role("button", name="Bekijk wat elke leveringsvorm geeft").click()
    page.wait_for_load_state()
    assert "jaar=2017" in page.url and "VG5" in page.locator("h2").first.inner_text()
    foto(page, schermafdrukken, "wlz-wijzer")

    verwacht = rules.bereken({"periode": "2017", "client": {"zorgprofiel": "VG5", "leveringsvorm": "mpt"}}).as_dict()
    budget = {n: r for n, r in verwacht["resultaten"].items() if n in ("pgb_budget", "mpt_budget")}
    assert budget["pgb_budget"]["waarde"] == 62400.0  # seed 000, tabel 1 (Kamerstuk 34 104, nr. 167)
    # every leveringsvorm side by side in one table, each with the four schemes (or why it is not possible)
    assert page.locator("table.vergelijking tbody tr").count() == 5
    koppen = page.locator("table.vergelijking thead th").all_inner_texts()
    assert "Extra kosten thuis" in koppen and "Meerzorg" in koppen
    assert _rij(page, "mpt").locator("td.regeling").count() == 4
    # the mpt row shows the mpt budget, not marked voorbeeld (published amount)
    mpt = _cel(page, "mpt", "budget")
    assert _euro(budget["mpt_budget"]["waarde"]) in mpt and "voorbeeldbedrag" not in mpt
    # the budget explanation gives both results of the rules with label and amount (the mpt's room is the pgb)
    page.locator("details[data-onderwerp=budget] summary").click()
    uitleg = page.locator("details[data-onderwerp=budget]").inner_text()
    assert f"{budget['mpt_budget']['label']}: {_euro(budget['mpt_budget']['waarde'])}" in uitleg
    # a pgb for VG5 needs gewaarborgde hulp: said in the pgb row, naming the rule
    pgb = _rij(page, "pgb").inner_text()
    assert "gewaarborgde hulp" in pgb and "Rlz art. 5.6" in pgb
    # with gewaarborgde hulp the pgb row shows the pgb budget of the rules
    page.goto("/wijzer?zorgprofiel=VG5&jaar=2017&gewaarborgde_hulp=ja")
    assert _euro(budget["pgb_budget"]["waarde"]) in _cel(page, "pgb", "budget")


def test_wlz_wijzer_huidig_jaar_met_voorbeeldbedragen(pagina, schermafdrukken):
    """The server runs with the shipped example parameters: the current year shows the rules' amounts, marked
    'voorbeeldbedrag', with what each leveringsvorm covers and the new questions."""
    import datetime as dt

    page = pagina
    page.goto("/wijzer")
    jaar = str(dt.date.today().year)
    assert page.locator("select[name=jaar]").input_value() == jaar  # default: the current year
    page.locator("select[name=zorgprofiel]").select_option("VG5")
    page.locator("select[name=gewaarborgde_hulp]").select_option("ja")
    page.locator("input[name=inkomen]").fill("25000")
    page.get_by_role("button", name="Bekijk wat elke leveringsvorm geeft").click()
    page.wait_for_load_state()
    tekst = _cel(page, "pgb", "budget")
    if jaar in ("2025", "2026"):  # the years the shipped example file covers
        assert "voorbeeldbedrag" in tekst and "€ 42.957,00" in tekst
    # what each leveringsvorm covers: one table, the pgb among its columns
    dekking = page.locator("details[data-onderwerp=dekking]")
    assert dekking.locator("summary", has_text="Wat valt eronder").count() == 1
    assert "Persoonsgebonden budget (pgb)" in dekking.locator("thead").text_content()
    foto(page, schermafdrukken, "wlz-wijzer-voorbeeld")


def test_wlz_wijzer_vergelijkingstabel_bedragen_en_oordelen(pagina):
    """One situation (VG5, 2025, gewaarborgde hulp, income € 25.000): the table shows the rules' budget and eigen
    bijdrage per leveringsvorm and a verdict per scheme; only the amounts from the example file are marked."""
    from pathlib import Path

    import yaml

    from wlz import rules

    page = pagina
    page.goto("/wijzer?zorgprofiel=VG5&jaar=2025&gewaarborgde_hulp=ja&inkomen=25000")
    voorbeeld = yaml.safe_load(
        (Path(__file__).resolve().parents[3] / "src/wlz/rules/voorbeeld_parameters.yaml").read_text("utf-8")
    )
    pgb_2025 = float(voorbeeld["waarden"]["pgb.profielbedrag.VG5"][2025])
    for lv in ("mpt", "pgb", "mpt_pgb"):
        cel = _cel(page, lv, "budget")
        assert _euro(pgb_2025) in cel and "voorbeeldbedrag" in cel, (lv, cel)
    # the eigen bijdrage comes from the Blz amounts of 2025 (published law, not the example file): same figure as
    # the rules compute without the example file, and not marked
    eb = rules.bereken(
        {"periode": "2025", "client": {"zorgprofiel": "VG5", "leveringsvorm": "mpt", "inkomen_peiljaar": 25000}}
    ).as_dict()["resultaten"]["eigen_bijdrage_jaar"]
    assert eb["waarde"] is not None and not eb["voorbeeld"]
    for lv in ("mpt", "pgb"):
        cel = _cel(page, lv, "eigen-bijdrage")
        assert _euro(eb["waarde"]) in cel and "voorbeeldbedrag" not in cel, (lv, cel)
    # verdicts: extra kosten thuis only with care at home through mpt or pgb (seed 002, maatregel 1)
    assert _oordeel(page, "verblijf", "ekt") == "geldt niet"
    assert _oordeel(page, "vpt", "ekt") == "geldt niet"
    assert _oordeel(page, "mpt", "ekt") == "kan gelden"
    assert _oordeel(page, "pgb", "ekt") == "kan gelden"
    # the ekt maximum (25% of the example budget) is itself an example amount
    assert "voorbeeldbedrag" in _rij(page, "mpt").locator("td[data-regeling=ekt]").inner_text()
    # the pab is not for VG5 (Rlz art. 5.15a lid 1), whatever else holds
    assert {_oordeel(page, lv, "pab") for lv in ("verblijf", "vpt", "mpt", "pgb", "mpt_pgb")} == {"geldt niet"}
    # meerzorg: VG5 is on the list of Rlz art. 2.2 lid 1 onder a; no amount, so no voorbeeld marking
    meerzorg = _rij(page, "mpt").locator("td[data-regeling=meerzorg]").inner_text()
    assert "kan gelden" in meerzorg and "voorbeeldbedrag" not in meerzorg
    # overbruggingszorg: waiting at home for admission, not in an instelling
    assert _oordeel(page, "verblijf", "overbruggingszorg") == "geldt niet"
    assert _oordeel(page, "mpt", "overbruggingszorg") == "kan gelden"
    # the long explanations are folded away and written once per distinct text, not once per leveringsvorm:
    # the pab's conditions read the same for the three forms without a pgb and for the two with one
    assert page.locator("details.uitleg[open]").count() == 0
    pab = page.locator("details[data-onderwerp=pab]")
    pab.locator("summary").click()
    assert pab.inner_text().count("Voorwaarden persoonlijk assistentiebudget") == 2
    assert pab.locator("h3", has_text="Verblijf in een instelling, Volledig pakket thuis (vpt), Modulair").count() == 1


def test_wlz_wijzer_op_een_telefoon_zonder_horizontaal_scrollen(chromium, demo_server, schermafdrukken):
    """At phone width the page body does not scroll sideways; each leveringsvorm is a readable card."""
    base, _ = demo_server
    context = chromium.new_context(base_url=base, locale="nl-NL", viewport={"width": 360, "height": 800},
                                   is_mobile=True, has_touch=True, device_scale_factor=1)  # fmt: skip
    try:
        page = context.new_page()
        page.goto("/wijzer?zorgprofiel=VG5&jaar=2025&gewaarborgde_hulp=ja&inkomen=25000")
        breedte = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert breedte[0] <= breedte[1], breedte
        assert page.evaluate("document.body.scrollWidth") <= breedte[1]
        kaart = _rij(page, "mpt").bounding_box()
        assert kaart is not None and kaart["x"] >= 0 and kaart["x"] + kaart["width"] <= breedte[1]
        # the card still names what each value is (the column header is repeated as a label)
        label = page.evaluate(
            "getComputedStyle(document.querySelector(\"tr[data-leveringsvorm=mpt] td.budget\"), '::before').content"
        )
        assert "Budget per jaar" in label
        foto(page, schermafdrukken, "wlz-wijzer-telefoon")
    finally:
        context.close()


def test_wlz_wijzer_zegt_welke_bedragen_onbekend_zijn(pagina):
    """A year without a published budget: no invented figure, but a notice that the amount is not known."""
    page = pagina
    page.goto("/wijzer?zorgprofiel=VG5&jaar=2016")
    rij = _rij(page, "mpt").inner_text()
    assert "onbekend" in _cel(page, "mpt", "budget")
    assert "Niet bekend in 2016" in page.locator(".onbekend-lijst").inner_text()
    assert "€ 62.400" not in rij and "€ 62.400" not in page.inner_text("main")
    r = page.goto("/wijzer?zorgprofiel=VG5&jaar=1999")
    assert r.status == 422 and "Kies een jaar" in page.inner_text("main")
