"""Issue 9 items 12 and 13: what a user reads — on today's pages and letters, one test per point. Each of these
failed on the code before (the letter showed raw parameter names and values, a provider's page as "Bron", the
intake the rules' bookkeeping, the pgb row a toets that does not apply)."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from wlz import iwlz
from wlz.iwlz import voorbeelden
from wlz.zorgkantoor.adapters import letters

from .flow import api_headers, besluit, dossier_met_aanvraag
from .helpers import bouw_wereld, web_client

pytestmark = pytest.mark.postgres

ALLES = {
    "ekt": ("2015-01-01", "2015-12-31"),
    "meerzorg": ("2015-01-01", "2015-12-31"),
    "pab": ("2015-01-01", "2015-12-31"),
    "overbruggingszorg": ("2015-01-01", "2015-06-30"),
}


def _tekst(html: str) -> str:
    """The text a reader sees (tags, and with them attribute values and link targets, left out)."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def zaak(engine):
    """A client (LG7, pgb) with a request granted in full, its letter, intake page and file page."""
    w = bouw_wereld(engine)
    api = TestClient(w.app)
    tok = w.tokens["beoordelaar"]
    d = dossier_met_aanvraag(api, tok, seed=1)
    besluit(api, tok, d.aanvraag["id"], ALLES)
    brief = api.get(f"/api/aanvragen/{d.aanvraag['id']}/brief", headers=api_headers(tok)).text
    c = web_client(w, "beoordelaar")
    return {
        "w": w,
        "brief": brief,
        "intake": c.get(f"/clienten/{d.client_id}/aanvraag").text,
        "dossier": c.get(f"/clienten/{d.client_id}").text,
    }


def test_logout_says_uitloggen_without_a_list_of_roles(zaak):
    for rol in ("client", "beoordelaar", "aanbieder"):
        pagina = web_client(zaak["w"], rol).get("/account").text
        assert re.search(r">\s*Uitloggen\s*</button>", pagina), rol
        assert "Uitloggen (" not in pagina, rol


def test_pages_and_letters_say_client_with_a_trema(zaak):
    for naam in ("intake", "dossier", "brief"):
        tekst = _tekst(zaak[naam])
        assert not re.search(r"\b[Cc]lient(en)?\b", tekst), (naam, re.findall(r".{40}\b[Cc]lient\b.{20}", tekst))
    assert "de cliënt" in _tekst(zaak["intake"])  # the rules' label, in the users' spelling


def test_the_intake_shows_no_rules_bookkeeping(zaak):
    tekst = _tekst(zaak["intake"])
    assert "door de gebruiker opgegeven" not in tekst and "COD983" not in tekst and "code 1" not in tekst
    assert "Uurtarief voor de extra zorg" in tekst and "Gevraagde extra overbruggingszorg per jaar" in tekst


def test_the_letter_shows_values_in_dutch_and_no_internal_names(zaak):
    tekst = _tekst(zaak["brief"])
    assert not re.search(r"\d\.0\b", tekst)  # no Python float such as 42957.0
    assert not re.search(r"\w+\.(txt|ya?ml|md)\b", tekst) and "seed" not in tekst.lower()
    assert "pgb.klassen" not in tekst and "Klasse persoonlijke verzorging bij zorgprofiel LG7" in tekst
    assert "21.667" in tekst  # a value in Dutch notation
    assert "Rlz art. 5.13" in tekst  # the source by its name, not its URL as text
    # the same for a value from the shipped example parameters and a source in a seed document
    assert letters._getal(42957.0) == "42.957" and letters._getal(0.25) == "0,25"
    bron = letters.parameter_bron("seed:002_fe0332b06c2ae3d3.txt, maatregel 1 r.38-41")
    assert bron["titel"].startswith("Kamerbrief maatregelen zorg thuis per 1 juli 2018") and ".txt" not in bron["titel"]


def test_a_providers_page_is_not_cited_as_a_legal_source(zaak):
    html = zaak["brief"]
    assert "zorggroep-onl" not in html and "ikwoonleefzorg" not in html
    tekst = _tekst(html)
    assert "geen regelgeving gevonden; voorbeeldwaarde van het zorgkantoor" in tekst  # the overbrugging term
    assert "Staatscourant" in tekst or "Rlz art." in tekst


def test_a_pgb_row_shows_no_doelmatigheidstoets_that_does_not_apply(zaak):
    rij = re.search(r"Persoonsgebonden budget.*?</tr>", zaak["dossier"], re.S)
    assert rij, "no pgb row on the file page"
    tekst = _tekst(rij.group(0))
    assert "niet van toepassing" in tekst
    assert "€ 0,00" not in tekst and "doelmatig (" not in tekst


def test_io31_errors_are_dutch_and_name_the_element(zaak):
    """Item 12: no raw libxml2 English; an entity bomb is 'DOCTYPE niet toegestaan'."""
    w = zaak["w"]
    api = TestClient(w.app)
    h = {"Authorization": f"Bearer {w.tokens['beoordelaar']}", "Content-Type": "application/xml"}
    xml = iwlz.build_io31(voorbeelden.keten(5).io31)
    kapot = re.sub(
        rb"(<io31:Bsn>\d+</io31:Bsn>)(\s*)(<io31:GeheimeClient>[^<]*</io31:GeheimeClient>)", rb"\3\2\1", xml, count=1
    )
    assert kapot != xml
    r = api.post("/api/berichten/io31", content=kapot, headers=h)
    assert r.status_code == 422
    assert "not expected" not in r.text and "Expected is" not in r.text and "GeheimeClient" in r.text
    bom = b'<?xml version="1.0"?><!DOCTYPE b [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><b>&b;</b>'
    r = api.post("/api/berichten/io31", content=bom, headers=h)
    assert r.status_code == 422 and "DOCTYPE niet toegestaan" in r.text and "amplification" not in r.text
