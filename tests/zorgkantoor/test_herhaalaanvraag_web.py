"""A repeat request in the intake page starts from the last one: the form is filled with the last intake, and
what the client changes — also a box unticked — is what changes; the new request links to the last one and
lists the changed fields."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from .flow import api_headers, dossier_met_aanvraag
from .helpers import bouw_wereld, csrf_van, web_client

pytestmark = pytest.mark.postgres


def _formulier(html: str) -> dict[str, list[str]]:
    """What the browser would send for the intake form as rendered (text/date/number values, hidden fields,
    ticked boxes as 'on', the chosen answer of a yes/no condition)."""
    velden: dict[str, list[str]] = {}
    for tag in re.findall(r"<input[^>]*>", html):
        naam = re.search(r'name="([^"]+)"', tag)
        if not naam or naam.group(1) == "csrf":
            continue
        soort = (re.search(r'type="([^"]+)"', tag) or [None, "text"])[1]
        waarde = (re.search(r'value="([^"]*)"', tag) or [None, ""])[1]
        if soort == "checkbox":
            if " checked" in tag:
                velden.setdefault(naam.group(1), []).append("on")
        elif soort == "radio":  # a yes/no condition: ja / nee / niet opgegeven (value "", sends nothing)
            if " checked" in tag and waarde != "":
                velden.setdefault(naam.group(1), []).append(waarde)
        elif waarde != "":
            velden.setdefault(naam.group(1), []).append(waarde)
    toelichting = re.search(r'<textarea name="toelichting"[^>]*>(.*?)</textarea>', html, re.S)
    if toelichting:
        velden["toelichting"] = [toelichting.group(1)]
    return velden


def test_repeat_request_in_the_page_prefills_and_an_unticked_box_counts_as_changed(engine):
    w = bouw_wereld(engine)
    api = TestClient(w.app)
    tok = w.tokens["beoordelaar"]
    d = dossier_met_aanvraag(api, tok, seed=31)
    assert d.aanvraag["intake"]["criteria"]["budget_zelf_beheren"] is True
    c = web_client(w, "beoordelaar")
    pagina = c.get(f"/clienten/{d.client_id}/aanvraag")
    assert pagina.status_code == 200
    assert "ingevuld met uw vorige aanvraag" in pagina.text
    form = _formulier(pagina.text)
    assert form["zorgbehoefte_uren_per_week"] == ["40.0"] and form["herhaling"] == ["ja"]
    assert form["criteria.budget_zelf_beheren"] == ["ja"]  # the answer of the last request
    # the client changes two things: fewer hours, and no longer manages the budget (answered "nee")
    form["zorgbehoefte_uren_per_week"] = ["36"]
    form["criteria.budget_zelf_beheren"] = ["nee"]
    r = c.post(f"/clienten/{d.client_id}/aanvraag", data={**form, "csrf": csrf_van(c)})
    assert r.status_code == 303, r.text
    nieuw_id = r.headers["location"].rsplit("/", 1)[1]
    nieuw = api.get(f"/api/aanvragen/{nieuw_id}", headers=api_headers(tok)).json()
    assert nieuw["vorige_id"] == d.aanvraag["id"]
    assert nieuw["intake"]["criteria"]["budget_zelf_beheren"] is False
    assert nieuw["intake"]["zorgbehoefte_uren_per_week"] == 36
    assert nieuw["intake"]["criteria"]["gewaarborgde_hulp"] is True  # unchanged, carried over
    assert any("zorgbehoefte_uren_per_week" in v for v in nieuw["gewijzigde_velden"])
    assert any("budget_zelf_beheren" in v for v in nieuw["gewijzigde_velden"])
    assert not any("gewaarborgde_hulp" in v for v in nieuw["gewijzigde_velden"])
    # the request page says it is a repeat request and what changed
    tekst = c.get(f"/aanvragen/{nieuw_id}").text
    assert "Herhaalaanvraag" in tekst and "budget_zelf_beheren" in tekst


def test_refused_repeat_request_keeps_its_link_to_the_last_request(engine):
    """A repeat request refused for a bad value comes back as a repeat request: corrected and sent again, it is
    stored as a repeat of the last request (not as a new, unlinked one) with only the changes listed."""
    w = bouw_wereld(engine)
    api = TestClient(w.app)
    tok = w.tokens["beoordelaar"]
    d = dossier_met_aanvraag(api, tok, seed=32)
    c = web_client(w, "beoordelaar")
    form = _formulier(c.get(f"/clienten/{d.client_id}/aanvraag").text)
    assert form["herhaling"] == ["ja"]
    form["zorgbehoefte_uren_per_week"] = ["veel"]
    r = c.post(f"/clienten/{d.client_id}/aanvraag", data={**form, "csrf": csrf_van(c)})
    assert r.status_code == 422
    assert "Benodigde zorg (uren per week) — Vul een getal in." in r.text  # Dutch, naming the field by its label
    opnieuw = _formulier(r.text)
    assert opnieuw["herhaling"] == ["ja"]  # the link to the last request survived the round trip
    assert opnieuw["criteria.budget_zelf_beheren"] == ["ja"]  # and what was filled in
    opnieuw["zorgbehoefte_uren_per_week"] = ["36"]
    r = c.post(f"/clienten/{d.client_id}/aanvraag", data={**opnieuw, "csrf": csrf_van(c)})
    assert r.status_code == 303, r.text
    nieuw = api.get(f"/api/aanvragen/{r.headers['location'].rsplit('/', 1)[1]}", headers=api_headers(tok)).json()
    assert nieuw["vorige_id"] == d.aanvraag["id"]
    assert any("zorgbehoefte_uren_per_week" in v for v in nieuw["gewijzigde_velden"])
    assert not any("budget_zelf_beheren" in v for v in nieuw["gewijzigde_velden"])
