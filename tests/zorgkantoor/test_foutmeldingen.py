"""Validation errors are Dutch and name the field — in the API's 422 answers (systems log them, zorgkantoor staff
read them) and in the pages — and never echo a BSN. One translation (``domain.fouten.translate_errors``) serves
both."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from wlz import bsn as bsnmod

from .helpers import bouw_wereld, csrf_van, web_client

pytestmark = pytest.mark.postgres

#: pydantic's English texts; none may reach a user
ENGELS = re.compile(r"Input should|Field required|Value error|String should|Extra inputs|valid (number|date|string)")


@pytest.fixture
def w(engine):
    return bouw_wereld(engine)


def _auth(w, rol="beoordelaar") -> dict[str, str]:
    return {"Authorization": f"Bearer {w.tokens[rol]}"}


def _fout(r, veld: str) -> dict:
    """The 422's entry for ``veld``; the body as a whole is free of English."""
    assert r.status_code == 422, r.text
    assert not ENGELS.search(r.text), r.text
    per_veld = {e["veld"]: e for e in r.json()["detail"]}
    assert veld in per_veld, r.text
    e = per_veld[veld]
    assert e["msg"].startswith(f"{veld}: ") if veld else True, e  # the message itself names the field
    return e


INTAKE = {"periode_van": "2017-01-01", "periode_tot": "2017-12-31", "zorgbehoefte_uren_per_week": 30}


@pytest.mark.parametrize(
    ("wijziging", "veld", "tekst", "soort"),
    [
        ({"periode_tot": None}, "periode_tot", "dit veld is verplicht", "missing"),
        ({"zorgbehoefte_uren_per_week": "veel"}, "zorgbehoefte_uren_per_week", "vul een getal in", "float_parsing"),
        ({"zorgbehoefte_uren_per_week": 200}, "zorgbehoefte_uren_per_week", "moet 168 of minder zijn", None),
        ({"mpt_kosten": -5}, "mpt_kosten", "moet 0 of meer zijn", "greater_than_equal"),
        ({"periode_van": "2017-02-30"}, "periode_van", "vul een datum in (jjjj-mm-dd", None),
        ({"behandeling": "misschien"}, "behandeling", "vul ja of nee (true/false) in", "bool_parsing"),
        ({"toelichting": "x" * 5001}, "toelichting", "gebruik hoogstens 5.000 tekens", "string_too_long"),
        ({"onbekend": 1}, "onbekend", "onbekend veld", "extra_forbidden"),
        ({"criteria": {"x": [1]}}, "criteria.x", "vul een van deze in: ja of nee (true/false), een getal", None),
        ({"criteria": {"x": 1e12}}, "criteria", "criteria: x: een getal tussen 0 en 100.000.000.", "value_error"),
    ],
)
def test_api_422_for_a_bad_intake_is_dutch_and_names_the_field(w, wijziging, veld, tekst, soort):
    api = TestClient(w.app)
    body = {k: v for k, v in {**INTAKE, **wijziging}.items() if v is not None}
    r = api.post(f"/api/clients/{w.client_a}/aanvragen", json=body, headers=_auth(w))
    e = _fout(r, veld)
    assert tekst in e["msg"], e
    assert soort is None or e["type"] == soort
    assert e["loc"][0] == "body"


def test_api_422_for_a_bad_enum_a_list_position_a_query_value_and_broken_json(w):
    api = TestClient(w.app)
    r = api.post(
        f"/api/clients/{w.client_a}/leveringsvorm",
        json={"leveringsvorm": "thuis", "ingangsdatum": "2017-01-01"},
        headers=_auth(w),
    )
    e = _fout(r, "leveringsvorm")
    assert e["msg"] == "leveringsvorm: kies uit 'verblijf', 'vpt', 'mpt', 'pgb' of 'mpt_pgb'."
    # a field inside a list: counted from 1, as people (and the iWlz refusals) count
    r = api.post(
        f"/api/aanvragen/{w.aanvraag_a}/besluit",
        json={"motivatie": "m", "regels": [{"regeling": "ekt", "toegekend": True, "van": "morgen"}]},
        headers=_auth(w),
    )
    assert "vul een datum in" in _fout(r, "regels[1].van")["msg"]
    r = api.get("/api/aanvragen?limit=veel&status=klaar", headers=_auth(w))
    assert _fout(r, "limit")["msg"] == "limit: vul een geheel getal in."
    assert _fout(r, "status")["msg"].startswith("status: kies uit ingediend, ")
    r = api.post(
        f"/api/clients/{w.client_a}/aanvragen",
        content=b'{"periode_van": ',
        headers={**_auth(w), "Content-Type": "application/json"},
    )
    assert _fout(r, "")["msg"].startswith("De inhoud is geen geldige JSON")


def test_a_bad_bsn_is_named_but_never_shown(w):
    api = TestClient(w.app)
    geldig = bsnmod.synthetisch(__import__("random").Random(7))
    ongeldig = geldig[:-1] + str((int(geldig[-1]) + 1) % 10)  # one digit off: fails the elfproef
    client = {"voornamen": "Jan", "achternaam": "Test", "geboortedatum": "1940-01-01"}
    for bsn_waarde in (ongeldig, int(ongeldig)):
        r = api.post("/api/clients", json={**client, "bsn": bsn_waarde}, headers=_auth(w))
        e = _fout(r, "bsn")
        assert e["msg"].startswith("bsn: het BSN is ongeldig"), e
        assert ongeldig not in r.text
    r = api.post("/api/clients/zoeken", json={"bsn": ongeldig}, headers=_auth(w))
    assert _fout(r, "bsn")["msg"].startswith("bsn: het BSN is ongeldig") and ongeldig not in r.text
    # a number as a key the user chose (here a criterion) is not shown either
    r = api.post(f"/api/clients/{w.client_a}/aanvragen", json={**INTAKE, "criteria": {geldig: [1]}}, headers=_auth(w))
    assert r.status_code == 422 and geldig not in r.text and not ENGELS.search(r.text)
    # the page: the same Dutch text beside the field, the number neither there nor in the form
    c = web_client(w, "beoordelaar")
    r = c.post("/clienten/nieuw", data={**client, "bsn": ongeldig, "csrf": csrf_van(c)})
    assert r.status_code == 422 and "Het BSN is ongeldig" in r.text and ongeldig not in r.text


def test_form_page_shows_dutch_errors_naming_the_field(w):
    c = web_client(w, "beoordelaar")
    r = c.post(
        "/clienten/nieuw",
        data={"bsn": "", "voornamen": "Jan", "geboortedatum": "1-1-1940", "csrf": csrf_van(c)},
    )
    assert r.status_code == 422 and not ENGELS.search(r.text), r.text
    beside = re.search(r'id="fout-geboortedatum">([^<]*)<', r.text)
    assert beside and beside.group(1).startswith("Vul een datum in (jjjj-mm-dd"), r.text
    assert re.search(r'id="fout-achternaam">Dit veld is verplicht\.<', r.text)
    # the summary above the form names each field by the form's own label, not its technical name
    assert "Geboortedatum — Vul een datum in" in r.text and "geboortedatum —" not in r.text
    assert "Achternaam — Dit veld is verplicht." in r.text
    # the intake page, refused and shown again
    r = c.post(
        f"/clienten/{w.client_a}/aanvraag",
        data={"periode_van": "2017-01-01", "periode_tot": "2017-12-31", "zorgbehoefte_uren_per_week": "veel",
              "csrf": csrf_van(c)},
    )  # fmt: skip
    assert r.status_code == 422 and not ENGELS.search(r.text)
    assert "Benodigde zorg (uren per week) — Vul een getal in." in r.text
    assert "zorgbehoefte_uren_per_week —" not in r.text


def test_form_action_message_is_dutch_and_names_the_field(w):
    """A form that goes back to the file page (here: a zorgtoewijzing) shows its error as the page's message,
    naming the field by the label the form shows it with."""
    c = web_client(w, "beoordelaar")
    r = c.post(
        f"/clienten/{w.client_a}/toewijzingen",
        data={"agb_code": "123", "leveringsvorm": "verblijf", "van": "2017-01-01", "zorgprofiel": "VG5",
              "csrf": csrf_van(c)},
    )  # fmt: skip
    assert r.status_code == 303
    pagina = c.get(r.headers["location"]).text
    assert "AGB-code zorgaanbieder: een AGB-code heeft 8 cijfers." in pagina and not ENGELS.search(pagina)
    assert "agb_code:" not in pagina


def test_the_labels_of_the_other_forms_are_the_ones_the_pages_show():
    """The label an error names a field by is the text beside that field in the form's template (the client
    file, the request and the user pages): one mapping, checked against what the user sees."""
    from wlz.zorgkantoor.web import labels

    sjablonen = Path(labels.__file__).parent / "templates"
    tekst = "".join(
        (sjablonen / f).read_text(encoding="utf-8") for f in ("dossier.html", "aanvraag.html", "gebruikers.html")
    )
    ontbreekt = [
        t
        for t in labels.FORMULIEREN.values()
        if f"<label>{t}" not in tekst and f"> {t}" not in tekst and f"<legend>{t}" not in tekst
    ]
    assert not ontbreekt
