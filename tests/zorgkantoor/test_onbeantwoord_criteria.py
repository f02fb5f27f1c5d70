"""Issue 9 item 8, every yes/no question of the intake: left unanswered (left out or null through the API,
"niet opgegeven" on the web form) it reads "niet opgegeven" in the stored explanation, and where it decides the
scheme the outcome is "kan niet worden beoordeeld" (``in_aanmerking`` null), never a refusal; the letter says so.
Answered "nee", the same question gives the refusal."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from wlz.rules.variables.meerzorg import ZORGBEHOEFTEN

from .flow import api_headers, besluit, dossier_met_aanvraag
from .helpers import bouw_wereld, csrf_van, web_client
from .test_onbeantwoord import _tekst

pytestmark = pytest.mark.postgres

_PAB = {"medische_noodzaak_permanent_toezicht": True, "geen_cognitieve_beperking": True, "budget_zelf_beheren": True}
_ZORGBEHOEFTEN = tuple(ZORGBEHOEFTEN)  # the five special forms of care of Rlz art. 2.2 lid 1 onder c
#: question -> (the dossier, the scheme it decides, the intake apart from it)
GEVALLEN: dict[str, tuple[dict, str, dict]] = {
    # ekt in 2015: 25 years old, no child, grondslag 04 (somatic): only work or study from home can qualify
    "werk_of_studie_vanuit_huis": ({"zorgprofiel": "LG7"}, "ekt", {"ekt_gevraagd": 3000}),
    # meerzorg ground b: VV4 is not on the list of lid 1 onder a; 40 hours against 20 meets the 25% threshold
    "meerzorg_zzp_31_december_2014": (
        {"zorgprofiel": "VV4", "leveringsvorm": "mpt", "mpt_kosten": 1000, "pgb_deel": 0},
        "meerzorg",
        {"meerzorg_gevraagd": 4000, "profiel_uren_per_week": 20},
    ),
    # meerzorg ground c: more care asked, the threshold not met (no profile hours)
    **{z: ({"zorgprofiel": "LG7"}, "meerzorg", {"meerzorg_gevraagd": 4000}) for z in _ZORGBEHOEFTEN},
    "medische_noodzaak_permanent_toezicht": ({"zorgprofiel": "LG7"}, "pab", dict(_PAB)),
    "budget_zelf_beheren": ({"zorgprofiel": "LG7"}, "pab", dict(_PAB)),
}


@pytest.fixture
def wereld(engine):
    w = bouw_wereld(engine)
    return w, TestClient(w.app), w.tokens["beoordelaar"]


def _dossier(wereld, seed: int, opzet: dict):
    w, api, tok = wereld
    d = dossier_met_aanvraag(api, tok, seed=seed, **opzet)
    besluit(api, tok, d.aanvraag["id"], {n: None for n in d.aanvraag["evaluatie"]["regelingen"]})
    return d


def _intake(criteria: dict, extra: dict) -> dict:
    uren = {k: extra[k] for k in ("profiel_uren_per_week",) if k in extra}
    return {
        "periode_van": "2015-01-01",
        "periode_tot": "2015-12-31",
        "zorgbehoefte_uren_per_week": 40,
        **uren,
        "criteria": criteria,
    }


def _regeling(api, tok, aanvraag_id: str, regeling: str) -> dict:
    a = api.get(f"/api/aanvragen/{aanvraag_id}", headers=api_headers(tok)).json()
    return a["evaluatie"]["regelingen"][regeling]


def _criteria(extra: dict) -> dict:
    return {k: v for k, v in extra.items() if k != "profiel_uren_per_week"}


@pytest.mark.parametrize("vraag", sorted(GEVALLEN))
def test_api_unanswered_is_niet_opgegeven_null_or_left_out(wereld, vraag):
    w, api, tok = wereld
    opzet, regeling, extra = GEVALLEN[vraag]
    d = _dossier(wereld, 300 + sorted(GEVALLEN).index(vraag), opzet)
    basis = {k: v for k, v in _criteria(extra).items() if k != vraag}
    # answered "nee", with the scheme's other questions answered too (else they would keep it open)
    alles_nee = {**{v: False for v, (_, r, _) in GEVALLEN.items() if r == regeling}, **basis, vraag: False}
    uitkomsten = {}
    for naam, criteria in (("null", {**basis, vraag: None}), ("weg", basis), ("nee", alles_nee)):
        r = api.post(f"/api/clients/{d.client_id}/aanvragen", headers=api_headers(tok), json=_intake(criteria, extra))
        assert r.status_code == 201, r.text
        uitkomsten[naam] = _regeling(api, tok, r.json()["id"], regeling)
    for naam in ("null", "weg"):
        u = uitkomsten[naam]
        uitleg = " ".join(u["uitleg"])
        assert u["in_aanmerking"] is None, (naam, uitleg)
        assert "niet opgegeven" in uitleg and "kan niet worden beoordeeld" in uitleg, uitleg
        assert "U komt niet in aanmerking" not in uitleg and "komt (nog) niet in aanmerking" not in uitleg
    nee = uitkomsten["nee"]
    assert nee["in_aanmerking"] is False
    assert "kan niet worden beoordeeld" not in " ".join(nee["uitleg"])


@pytest.mark.parametrize("vraag", sorted(GEVALLEN))
def test_web_form_niet_opgegeven_and_the_letter(wereld, vraag):
    w, api, tok = wereld
    opzet, regeling, extra = GEVALLEN[vraag]
    d = _dossier(wereld, 400 + sorted(GEVALLEN).index(vraag), opzet)
    c = web_client(w, "beoordelaar")
    velden = {"csrf": csrf_van(c), "periode_van": "2015-01-01", "periode_tot": "2015-12-31"}
    velden["zorgbehoefte_uren_per_week"] = "40"
    if "profiel_uren_per_week" in extra:
        velden["profiel_uren_per_week"] = str(extra["profiel_uren_per_week"])
    for k, v in _criteria(extra).items():
        velden[f"criteria.{k}"] = "ja" if v is True else str(v)
    velden[f"criteria.{vraag}"] = ""  # the radio button "niet opgegeven"
    r = c.post(f"/clienten/{d.client_id}/aanvraag", data=velden)
    assert r.status_code == 303, r.text
    aanvraag_id = r.headers["location"].rstrip("/").split("/")[-1]
    u = _regeling(api, tok, aanvraag_id, regeling)
    uitleg = " ".join(u["uitleg"])
    assert u["in_aanmerking"] is None and "niet opgegeven" in uitleg and "kan niet worden beoordeeld" in uitleg
    pagina = _tekst(c.get(f"/aanvragen/{aanvraag_id}").text)
    assert "niet te beoordelen" in pagina
    # the letter: no "niet in aanmerking", but that it could not be judged without the answer
    besluit(api, tok, aanvraag_id, {n: None for n in _evaluated(api, tok, aanvraag_id)})
    brief = _tekst(api.get(f"/api/aanvragen/{aanvraag_id}/brief", headers=api_headers(tok)).text)
    naam = {"ekt": "Extra kosten thuis", "meerzorg": "Meerzorg", "pab": "Persoonlijk assistentiebudget"}[regeling]
    deel = brief.split("Waarom wij zo hebben besloten")[1].split(f"{naam}: afgewezen")[1]
    deel = re.split(r"[A-Z][a-z ]+: afgewezen|Bent u het niet eens", deel)[0]  # this scheme's part only
    assert "Wij konden niet beoordelen of u hiervoor in aanmerking komt" in deel
    assert "niet opgegeven" in deel and "Volgens de regels van de Wlz komt u hier niet voor in aanmerking" not in deel


def _evaluated(api, tok, aanvraag_id: str) -> list[str]:
    a = api.get(f"/api/aanvragen/{aanvraag_id}", headers=api_headers(tok)).json()
    return list(a["evaluatie"]["regelingen"])


def test_a_scheme_not_judged_cannot_be_granted(wereld):
    w, api, tok = wereld
    d = _dossier(wereld, 499, {"zorgprofiel": "LG7"})
    r = api.post(
        f"/api/clients/{d.client_id}/aanvragen",
        headers=api_headers(tok),
        json=_intake({"meerzorg_gevraagd": 4000}, {}),
    )
    assert r.status_code == 201, r.text
    h = api_headers(tok)
    assert api.post(f"/api/aanvragen/{r.json()['id']}/behandelen", headers=h).status_code == 200
    regels = [{"regeling": n, "toegekend": False} for n in _evaluated(api, tok, r.json()["id"]) if n != "meerzorg"]
    regels.append({"regeling": "meerzorg", "toegekend": True, "van": "2015-01-01", "tot": "2015-12-31"})
    r = api.post(
        f"/api/aanvragen/{r.json()['id']}/besluit", headers=h, json={"motivatie": "Toegekend.", "regels": regels}
    )
    assert r.status_code == 422, r.text
    assert "kan niet worden beoordeeld" in r.text and "niet zijn opgegeven" in r.text


def test_gewaarborgde_hulp_unanswered_on_the_choice_and_the_wijzer(wereld):
    w, api, tok = wereld
    d = _dossier(wereld, 498, {"zorgprofiel": "LG7"})
    h = api_headers(tok)
    # a pgb for VV5 needs gewaarborgde hulp (Rlz art. 5.6): left out it is not answered, refused naming the field
    r = api.post(
        f"/api/clients/{d.client_id}/indicaties",
        headers=h,
        json={"besluitnummer": "777498", "zorgprofiel": "VV5", "grondslagen": ["01"], "ingangsdatum": "2016-01-01"},
    )
    assert r.status_code == 201, r.text
    keuze = {"leveringsvorm": "pgb", "ingangsdatum": "2016-01-01", "pgb_deel": 1000}
    r = api.post(f"/api/clients/{d.client_id}/leveringsvorm", headers=h, json={**keuze, "gewaarborgde_hulp": None})
    assert r.status_code == 422, r.text
    assert "gewaarborgde_hulp" in r.text and "niet opgegeven" in r.text
    r = api.post(f"/api/clients/{d.client_id}/leveringsvorm", headers=h, json={**keuze, "gewaarborgde_hulp": False})
    assert r.status_code == 422 and "niet opgegeven" not in r.text, r.text
    # the public wijzer asks it three ways; left at "niet opgegeven" the pgb cannot be judged, not "niet mogelijk"
    pagina = TestClient(w.app).get("/wijzer", params={"zorgprofiel": "VV5", "jaar": "2016"}).text
    assert '<option value="">niet opgegeven</option>' in pagina
    tekst = _tekst(pagina)
    assert "Niet te beoordelen." in tekst and "niet opgegeven" in tekst
    nee = _tekst(
        TestClient(w.app).get("/wijzer", params={"zorgprofiel": "VV5", "jaar": "2016", "gewaarborgde_hulp": "nee"}).text
    )
    assert "Niet mogelijk." in nee


def test_gewaarborgde_hulp_unanswered_on_the_choice_form(wereld):
    """The client page's choice form asks gewaarborgde hulp ja / nee / niet opgegeven; left at "niet opgegeven" a
    pgb for VV5 is refused saying it was not answered, answered "nee" it is refused without that."""
    w, api, tok = wereld
    d = _dossier(wereld, 497, {"zorgprofiel": "LG7"})
    r = api.post(
        f"/api/clients/{d.client_id}/indicaties",
        headers=api_headers(tok),
        json={"besluitnummer": "777497", "zorgprofiel": "VV5", "grondslagen": ["01"], "ingangsdatum": "2016-01-01"},
    )
    assert r.status_code == 201, r.text
    c = web_client(w, "beoordelaar")
    pagina = c.get(f"/clienten/{d.client_id}").text
    assert re.search(r'name="gewaarborgde_hulp" value="" checked> niet opgegeven', pagina)
    meldingen = {}
    for antwoord in ("", "nee"):
        r = c.post(
            f"/clienten/{d.client_id}/leveringsvorm",
            data={
                "csrf": csrf_van(c),
                "leveringsvorm": "pgb",
                "ingangsdatum": "2016-01-01",
                "pgb_deel": "1000",
                "gewaarborgde_hulp": antwoord,
            },
        )
        assert r.status_code == 303, r.text
        meldingen[antwoord] = _tekst(c.get(r.headers["location"]).text)
    assert "niet opgegeven" in meldingen[""] and "gewaarborgde hulp" in meldingen[""]
    assert "zonder dat antwoord kan niet worden beoordeeld" not in meldingen["nee"]
    assert "gewaarborgde hulp" in meldingen["nee"]
