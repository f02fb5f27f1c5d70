"""Issue 9 item 8: a condition the applicant did not answer reads "niet opgegeven" in the explanation and the
letter, never "nee"; the intake page asks each yes/no condition as ja / nee / niet opgegeven (an unticked box no
longer means "nee"); schemes not asked for are not in the letter. Through the web form and through the API."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from .flow import api_headers, besluit, dossier_met_aanvraag
from .helpers import bouw_wereld, csrf_van, web_client

pytestmark = pytest.mark.postgres

CRITERIUM_C = "geen cognitieve beperkingen (lid 1 onder c)"
CRITERIUM_D = "kan zelf, zonder vertegenwoordiger, het budget beheren (lid 1 onder d)"


def _tekst(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _opzet(engine, seed):
    w = bouw_wereld(engine)
    api = TestClient(w.app)
    tok = w.tokens["beoordelaar"]
    d = dossier_met_aanvraag(api, tok, seed=seed)  # LG7 with a pgb: the pab can apply
    besluit(api, tok, d.aanvraag["id"], {"ekt": None, "meerzorg": None, "pab": None, "overbruggingszorg": None})
    return w, api, tok, d


def _brief(api, tok, aanvraag_id):
    besluit(api, tok, aanvraag_id, {"ekt": None, "meerzorg": None, "pab": None, "overbruggingszorg": None})
    r = api.get(f"/api/aanvragen/{aanvraag_id}/brief", headers=api_headers(tok))
    assert r.status_code == 200
    return _tekst(r.text)


def _pab_uitleg(api, tok, aanvraag_id) -> str:
    a = api.get(f"/api/aanvragen/{aanvraag_id}", headers=api_headers(tok)).json()
    return " ".join(a["evaluatie"]["regelingen"]["pab"]["uitleg"])


def test_the_intake_page_asks_yes_no_conditions_three_ways(engine):
    w, api, tok, d = _opzet(engine, seed=91)
    pagina = web_client(w, "beoordelaar").get(f"/clienten/{d.client_id}/aanvraag").text
    blok = re.search(r'name="criteria\.geen_cognitieve_beperking".*?</fieldset>', pagina, re.S)
    assert blok and "niet opgegeven" in blok.group(0)
    assert 'type="checkbox" name="criteria.' not in pagina  # no box whose blank means "nee"
    # the form is filled with the previous request (answered "ja"); a condition never answered is "niet opgegeven"
    assert re.search(r'name="criteria\.budget_zelf_beheren" value="ja" checked', pagina)
    assert re.search(r'name="criteria\.werk_of_studie_vanuit_huis" value="" checked', pagina)


def test_an_unanswered_condition_reads_niet_opgegeven_through_the_web_form(engine):
    w, api, tok, d = _opzet(engine, seed=92)
    c = web_client(w, "beoordelaar")
    r = c.post(
        f"/clienten/{d.client_id}/aanvraag",
        data={
            "csrf": csrf_van(c),
            "periode_van": "2015-01-01",
            "periode_tot": "2015-12-31",
            "zorgbehoefte_uren_per_week": "40",
            "criteria.medische_noodzaak_permanent_toezicht": "ja",  # asks for the pab
            "criteria.geen_cognitieve_beperking": "",  # niet opgegeven
            "criteria.budget_zelf_beheren": "nee",
        },
    )
    assert r.status_code == 303, r.text
    aanvraag_id = r.headers["location"].rstrip("/").split("/")[-1]
    uitleg = _pab_uitleg(api, tok, aanvraag_id)
    assert f"{CRITERIUM_C}: niet opgegeven" in uitleg and f"{CRITERIUM_D}: nee" in uitleg
    brief = _brief(api, tok, aanvraag_id)
    assert f"{CRITERIUM_C}: niet opgegeven" in brief and f"{CRITERIUM_C}: nee" not in brief
    # only the pab was asked for: the other schemes are not in the letter
    for regeling in ("Extra kosten thuis", "Meerzorg", "Overbruggingszorg"):
        assert regeling not in brief, regeling


def test_an_unanswered_condition_reads_niet_opgegeven_through_the_api(engine):
    w, api, tok, d = _opzet(engine, seed=93)
    r = api.post(
        f"/api/clients/{d.client_id}/aanvragen",
        headers=api_headers(tok),
        json={
            "periode_van": "2015-01-01",
            "periode_tot": "2015-12-31",
            "zorgbehoefte_uren_per_week": 40,
            "criteria": {"medische_noodzaak_permanent_toezicht": True, "geen_cognitieve_beperking": None},
        },
    )
    assert r.status_code == 201, r.text
    uitleg = _pab_uitleg(api, tok, r.json()["id"])
    assert f"{CRITERIUM_C}: niet opgegeven" in uitleg and f"{CRITERIUM_D}: niet opgegeven" in uitleg
    assert "kan niet worden beoordeeld zonder antwoord op" in uitleg  # not judged, never a refusal
    assert ": nee" not in uitleg.split("Voorwaarden persoonlijk assistentiebudget:")[1]
    # answered "nee" stays "nee"
    r = api.post(
        f"/api/clients/{d.client_id}/aanvragen",
        headers=api_headers(tok),
        json={
            "periode_van": "2015-01-01",
            "periode_tot": "2015-12-31",
            "zorgbehoefte_uren_per_week": 40,
            "criteria": {
                "medische_noodzaak_permanent_toezicht": True,
                "geen_cognitieve_beperking": False,
                "budget_zelf_beheren": True,
            },
        },
    )
    assert r.status_code == 201, r.text
    uitleg = _pab_uitleg(api, tok, r.json()["id"])
    assert f"{CRITERIUM_C}: nee" in uitleg and "niet opgegeven" not in uitleg
    assert "U voldoet niet aan alle voorwaarden" in uitleg
