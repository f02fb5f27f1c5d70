"""The intake page stores a request through the API's path (``aanvragen.dien_in_en_bewaar``): the rules
evaluate once, off the event loop and outside the write transaction, and the stored request is the one the API
stores for the same input. Bad input: the form again, each field named by the form's own Dutch label, nothing
saved."""

from __future__ import annotations

import asyncio
import re
import sqlite3

import pytest
from fastapi.testclient import TestClient

from wlz.zorgkantoor.adapters import rules_engine

from .conftest import OP_POSTGRES
from .flow import MEERZORG_INTAKE, api_headers, dossier_met_aanvraag
from .helpers import bouw_wereld, csrf_van, web_client

pytestmark = pytest.mark.postgres  # runs on SQLite and, in the PostgreSQL run, there

INTAKE = MEERZORG_INTAKE

#: the same intake as the browser sends it (a ticked box is 'on')
FORMULIER = {
    "periode_van": "2015-01-01",
    "periode_tot": "2015-12-31",
    "zorgbehoefte_uren_per_week": "40",
    "profiel_uren_per_week": "20",
    "criteria.meerzorg_gevraagd": "4000",
    "criteria.meerzorg_zzp_31_december_2014": "on",
    "toelichting": "Mijn verhaal, één keer verteld.",
}


def _opzet(engine, seed: int):
    w = bouw_wereld(engine)
    api = TestClient(w.app)
    d = dossier_met_aanvraag(api, w.tokens["beoordelaar"], seed=seed)
    return w, api, d


def _aantal(w, client_id: str) -> int:
    with w.app.state.uow() as uow:
        return len(uow.aanvragen.van_client(client_id))


def test_intake_page_stores_the_same_request_as_the_api_evaluated_off_the_loop_and_outside_the_write(
    engine, monkeypatch
):
    w, api, d = _opzet(engine, seed=81)
    tok = w.tokens["beoordelaar"]
    echte = rules_engine.evaluate_regelingen_separately
    gezien: list[dict] = []

    def evalueer(sit):
        try:
            asyncio.get_running_loop()
            op_de_loop = True
        except RuntimeError:  # a threadpool thread has no running event loop
            op_de_loop = False
        slot_vrij = None
        if not OP_POSTGRES:  # SQLite: nobody holds the one write lock while the rules evaluate
            andere = sqlite3.connect(engine.url.database, timeout=0, isolation_level=None)
            try:
                andere.execute("BEGIN IMMEDIATE")  # fails at once ('database is locked') when a writer holds it
                andere.execute("ROLLBACK")
                slot_vrij = True
            except sqlite3.OperationalError:
                slot_vrij = False
            finally:
                andere.close()
        gezien.append({"op_de_loop": op_de_loop, "slot_vrij": slot_vrij})
        return echte(sit)

    monkeypatch.setattr(rules_engine, "evaluate_regelingen_separately", evalueer)
    via_api = api.post(f"/api/clients/{d.client_id}/aanvragen", headers=api_headers(tok), json=INTAKE)
    assert via_api.status_code == 201, via_api.text

    c = web_client(w, "beoordelaar")
    r = c.post(f"/clienten/{d.client_id}/aanvraag", data={**FORMULIER, "csrf": csrf_van(c)})
    assert r.status_code == 303, r.text
    assert r.headers["location"].startswith("/aanvragen/")
    # the page: evaluated once, in a threadpool thread, with SQLite's write lock free (the API's path)
    assert len(gezien) == 2 and gezien[1]["op_de_loop"] is False
    assert gezien[1]["slot_vrij"] in (True, None)
    via_pagina = api.get(f"/api/aanvragen/{r.headers['location'].rsplit('/', 1)[1]}", headers=api_headers(tok))
    a, p = via_api.json(), via_pagina.json()
    assert p["intake"] == a["intake"] and p["situatie"] == a["situatie"]
    assert p["evaluatie"] == a["evaluatie"] and p["evaluatie"]["regelingen"]
    assert p["vorige_id"] is None and p["status"] == "ingediend"
    # and the redirect lands on the request's page with the message
    assert "Aanvraag ingediend" in c.get(r.headers["location"]).text


@pytest.mark.parametrize(
    ("wijziging", "verwacht"),
    [
        ({"zorgbehoefte_uren_per_week": "veel"}, "Benodigde zorg (uren per week) — Vul een getal in."),
        ({"zorgbehoefte_uren_per_week": "200"}, "Benodigde zorg (uren per week) — Moet 168 of minder zijn."),
        ({"mpt_kosten": "-5"}, "Kosten mpt per jaar (€) — Moet 0 of meer zijn."),
        ({"periode_van": ""}, "Vanaf — Dit veld is verplicht."),
        # a message naming fields names them by their labels too
        ({"periode_tot": "2014-12-31"}, "'Tot en met' ligt voor 'Vanaf'."),
    ],
)
def test_bad_value_in_the_intake_page_names_the_label_and_saves_nothing(engine, wijziging, verwacht):
    w, _, d = _opzet(engine, seed=82)
    voor = _aantal(w, d.client_id)
    c = web_client(w, "beoordelaar")
    r = c.post(f"/clienten/{d.client_id}/aanvraag", data={**FORMULIER, **wijziging, "csrf": csrf_van(c)})
    assert r.status_code == 422, r.text
    assert verwacht in r.text.replace("&#39;", "'"), r.text
    veld = next(iter(wijziging))
    assert f"{veld} —" not in r.text and "periode_tot ligt" not in r.text  # no technical name shown
    assert _aantal(w, d.client_id) == voor


@pytest.mark.parametrize(
    ("waarde", "veld", "reden"),
    [
        # refused by the input model: the criteria as a whole, the criterion named inside the message
        ("200000000", "Bijzondere omstandigheden", "'{label}': een getal tussen 0 en 100.000.000"),
        # refused by the rules (in the rules helper's evaluation, before anything is written)
        ("-4000", "{label}", "Mag niet negatief zijn"),
    ],
)
def test_bad_criterion_names_the_rules_label_and_saves_nothing(engine, waarde, veld, reden):
    w, _, d = _opzet(engine, seed=83)
    label = {c["naam"]: c["label"] for c in rules_engine.criteria_velden()}["meerzorg_gevraagd"]
    voor = _aantal(w, d.client_id)
    c = web_client(w, "beoordelaar")
    r = c.post(
        f"/clienten/{d.client_id}/aanvraag",
        data={**FORMULIER, "criteria.meerzorg_gevraagd": waarde, "csrf": csrf_van(c)},
    )
    assert r.status_code == 422, r.text
    melding = re.search(r'role="alert">(.*?)</p>', r.text, re.S).group(1).replace("&#39;", "'")  # above the form
    assert f"{veld.format(label=label)} — {reden.format(label=label)}" in melding, melding
    assert "meerzorg_gevraagd" not in melding
    assert _aantal(w, d.client_id) == voor


def test_api_422_keeps_the_technical_field_path(engine):
    """Systems read ``veld``: it stays the technical path, only the pages show labels."""
    w, api, d = _opzet(engine, seed=84)
    r = api.post(
        f"/api/clients/{d.client_id}/aanvragen",
        headers=api_headers(w.tokens["beoordelaar"]),
        json={**INTAKE, "zorgbehoefte_uren_per_week": "veel"},
    )
    assert r.status_code == 422
    assert [e["veld"] for e in r.json()["detail"]] == ["zorgbehoefte_uren_per_week"]
