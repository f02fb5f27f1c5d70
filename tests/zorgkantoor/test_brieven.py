"""Decision letters: content for a granted, a partly granted and a refused decision (real rules), the PDF is a
real PDF with the amounts, "onbekend" where the rules know no amount, and a client sees only their own letters."""

from __future__ import annotations

import io
import re

import pytest
from fastapi.testclient import TestClient
from pypdf import PdfReader

from .flow import api_headers, besluit, dossier_met_aanvraag
from .helpers import bouw_wereld, web_client

pytestmark = pytest.mark.postgres

ALLES_2015 = {
    "ekt": ("2015-01-01", "2015-12-31"),
    "meerzorg": ("2015-01-01", "2015-12-31"),
    "pab": ("2015-01-01", "2015-12-31"),
    "overbruggingszorg": ("2015-01-01", "2015-06-30"),
}


@pytest.fixture
def w(engine):
    return bouw_wereld(engine)


def _tekst(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_granted_decision_letter_explains_amounts_split_and_objection(w):
    api = TestClient(w.app)
    tok = w.tokens["beoordelaar"]
    d = dossier_met_aanvraag(api, tok, seed=1)
    b = besluit(api, tok, d.aanvraag["id"], ALLES_2015)
    assert b["uitkomst"] == "toegekend"
    r = api.get(f"/api/aanvragen/{d.aanvraag['id']}/brief", headers=api_headers(tok))
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    t = _tekst(r.text)
    assert "Wij geven u wat u heeft gevraagd" in t
    # what, how long, how much: ekt € 5.000 (2015), meerzorg € 4.000, pab maximum, overbrugging (voorbeeld term)
    assert "Extra kosten thuis" in t and "€ 5.000,00" in t and "€ 4.000,00" in t
    assert "1 januari 2015 tot en met 31 december 2015" in t and "(12 maanden)" in t and "(6 maanden)" in t
    # one table: pgb column (client has a pgb) — every amount lands in "Als pgb"
    assert "Als pgb" in t and "Als zorg in natura" in t
    # the client's own care first, per year: the pgb budget the rules computed for the profile
    assert "Uw zorg zelf" in t and "Uw pgb voor uw zorgprofiel" in t and "Extra zorg uit dit besluit" in t
    # explanation with legal basis and dated parameters
    assert "Rlz art. 5.3" in t and "Geldt vanaf" in t and "1 januari 2015" in t
    # the overbruggingszorg term is an example value in the rules: marked
    assert "voorbeeld" in t
    # how to object
    assert "bezwaar" in t and "6 weken" in t and "artikel 6:7" in t and "zorgkantoor" in t
    assert "onbekend" not in t


def test_partly_granted_letter_with_unknown_amount_and_reasons(w):
    api = TestClient(w.app)
    tok = w.tokens["beoordelaar"]
    # LG7 in 2017: the rules know no pgb amount for LG7 that year, so ekt and pab are "onbekend"
    d = dossier_met_aanvraag(api, tok, seed=2, jaar=2017)
    b = besluit(
        api,
        tok,
        d.aanvraag["id"],
        {"ekt": ("2017-01-01", "2017-12-31"), "meerzorg": ("2017-01-01", "2017-12-31"), "pab": None,
         "overbruggingszorg": None},
    )  # fmt: skip
    assert b["uitkomst"] == "deels_toegekend"
    ekt = next(r for r in b["besluitregels"] if r["regeling"] == "ekt")
    assert ekt["bedragen"] == {"2017": None}
    t = _tekst(api.get(f"/api/aanvragen/{d.aanvraag['id']}/brief", headers=api_headers(tok)).text)
    assert "Wij geven u een deel van wat u heeft gevraagd" in t
    assert "Extra kosten thuis: ja" in t and "Persoonlijk assistentiebudget: nee" in t
    assert "onbekend" in t and "geen bedrag verzonnen" in t
    assert "€ 4.000,00" in t  # meerzorg is known
    assert "Persoonlijk assistentiebudget: afgewezen" in t


def test_refused_letter_says_why_and_how_to_object_and_pdf_is_real(w):
    api = TestClient(w.app)
    tok = w.tokens["beoordelaar"]
    # VG5 2017: pab is not possible for VG5 (Rlz art. 5.15a), the others are refused by the assessor
    d = dossier_met_aanvraag(api, tok, seed=3, zorgprofiel="VG5", grondslagen=("05",), jaar=2017)
    besluit(api, tok, d.aanvraag["id"], {"ekt": None, "meerzorg": None, "pab": None, "overbruggingszorg": None})
    t = _tekst(api.get(f"/api/aanvragen/{d.aanvraag['id']}/brief", headers=api_headers(tok)).text)
    assert "Wij geven u niet wat u heeft gevraagd" in t and "Er is geen extra geld toegekend" in t
    assert "Volgens de regels van de Wlz komt u hier niet voor in aanmerking" in t and "Rlz art. 5.15a" in t
    assert "bezwaar" in t
    r = api.get(f"/api/aanvragen/{d.aanvraag['id']}/brief.pdf", headers=api_headers(tok))
    assert r.status_code == 200 and r.content.startswith(b"%PDF")
    pdf = PdfReader(io.BytesIO(r.content))
    assert len(pdf.pages) >= 2
    tekst = " ".join(p.extract_text() for p in pdf.pages)
    assert "bezwaar" in tekst and "6 weken" in tekst


def test_pdf_of_granted_letter_contains_the_amounts(w):
    api = TestClient(w.app)
    tok = w.tokens["beoordelaar"]
    d = dossier_met_aanvraag(api, tok, seed=4)
    besluit(api, tok, d.aanvraag["id"], ALLES_2015)
    c = web_client(w, "beoordelaar")
    r = c.get(f"/aanvragen/{d.aanvraag['id']}/brief.pdf")
    assert r.status_code == 200 and r.headers["content-type"] == "application/pdf"
    tekst = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(r.content)).pages)
    assert "5.000,00" in tekst and "4.000,00" in tekst and "voorbeeld" in tekst


def test_letter_only_after_decision_and_client_sees_only_own(w):
    api = TestClient(w.app)
    # the world's request of client_a is not decided: no letter yet (409), for the client too
    r = api.get(f"/api/aanvragen/{w.aanvraag_a}/brief", headers=api_headers(w.tokens["client"]))
    assert r.status_code == 409
    # another client's decided letter: 404 for this client, 403 for a provider
    d = dossier_met_aanvraag(api, w.tokens["beoordelaar"], seed=5)
    besluit(api, w.tokens["beoordelaar"], d.aanvraag["id"], ALLES_2015)
    assert (
        api.get(f"/api/aanvragen/{d.aanvraag['id']}/brief", headers=api_headers(w.tokens["client"])).status_code == 404
    )
    assert (
        api.get(f"/api/aanvragen/{d.aanvraag['id']}/brief", headers=api_headers(w.tokens["aanbieder"])).status_code
        == 403
    )
    c = web_client(w, "client")
    assert c.get(f"/aanvragen/{d.aanvraag['id']}/brief").status_code == 404
