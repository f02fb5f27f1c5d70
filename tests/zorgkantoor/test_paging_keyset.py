"""Keyset paging of the work list and the client list (``na``: the id of the last row of the previous page):
following the pages gives every row exactly once, in the list's order (deadline then id; name then id), also
with equal deadlines and equal names; a filter (status, name) holds on every page; an unknown ``na`` is refused
with a Dutch 422 naming the field, a malformed one by the parameter's bounds."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from fastapi.testclient import TestClient

from wlz import bsn
from wlz.zorgkantoor.domain.aanvraag import Aanvraag
from wlz.zorgkantoor.services import dossier, invoer
from wlz.zorgkantoor.services.actor import SYSTEEM

from .flow import api_headers
from .helpers import bouw_wereld

pytestmark = pytest.mark.postgres


def _wereld_met_rijen(engine):
    """The test world plus 9 clients (three share a name) and 11 requests (deadlines shared in pairs, two statuses)."""
    w = bouw_wereld(engine)
    uowf = w.app.state.uow
    rng = random.Random(5)
    gezien = {w.bsn_a, w.bsn_b}
    clients = [w.client_a, w.client_b]
    for i in range(9):
        while (nummer := bsn.synthetisch(rng)) in gezien:
            pass
        gezien.add(nummer)
        with uowf(write=True) as uow:
            c = dossier.registreer_client(
                uow,
                SYSTEEM,
                invoer.ClientInvoer(
                    bsn=nummer,
                    voornamen="Anna" if i < 3 else f"Voornaam{i}",
                    achternaam="Jansen" if i < 3 else f"Achternaam{i % 4}",
                    geboortedatum=dt.date(1950, 1, 1 + i),
                ),
            )
        clients.append(c.id)
    with uowf(write=True) as uow:
        for i in range(11):
            a = Aanvraag(
                client_id=clients[i % len(clients)],
                situatie={"client": {}},
                intake={"periode_van": "2024-01-01", "periode_tot": "2024-12-31"},
                ingediend_door="test",
                ingediend_op=dt.datetime(2026, 10, 1 + i // 2, 10, tzinfo=dt.UTC),
            )
            if i % 3 == 0:
                a.status = "in_behandeling"
            uow.aanvragen.add(a)
        uow.commit()
    return w


def _alle_paginas(api, pad, h, params, limit=2):
    rijen, na = [], None
    for _ in range(100):
        r = api.get(pad, params=params | {"limit": limit} | ({"na": na} if na else {}), headers=h)
        assert r.status_code == 200, r.text
        pagina = r.json()
        rijen += pagina
        if len(pagina) < limit:
            return rijen
        na = pagina[-1]["id"]
    raise AssertionError("paging did not end")


def test_werkvoorraad_per_pagina_geeft_elke_aanvraag_eenmaal_op_termijn(engine):
    w = _wereld_met_rijen(engine)
    api, h = TestClient(w.app), api_headers(w.tokens["beoordelaar"])
    alles = api.get("/api/aanvragen", params={"limit": 1000}, headers=h).json()
    assert len(alles) == 13
    assert [(a["termijn"], a["id"]) for a in alles] == sorted((a["termijn"], a["id"]) for a in alles)
    assert _alle_paginas(api, "/api/aanvragen", h, {}) == alles
    assert _alle_paginas(api, "/api/aanvragen", h, {}, limit=3) == alles
    in_behandeling = _alle_paginas(api, "/api/aanvragen", h, {"status": "in_behandeling"})
    assert in_behandeling == [a for a in alles if a["status"] == "in_behandeling"]
    assert len(in_behandeling) == 4


def test_clientenlijst_per_pagina_geeft_elke_client_eenmaal_op_naam(engine):
    w = _wereld_met_rijen(engine)
    api, h = TestClient(w.app), api_headers(w.tokens["beoordelaar"])
    alles = api.get("/api/clients", params={"limit": 500}, headers=h).json()
    assert len(alles) == 11
    sleutel = [(c["achternaam"], c["voornamen"], c["id"]) for c in alles]
    assert sleutel == sorted(sleutel)
    assert _alle_paginas(api, "/api/clients", h, {}) == alles
    jansen = _alle_paginas(api, "/api/clients", h, {"q": "jans"})
    assert [c["achternaam"] for c in jansen] == ["Jansen"] * 3
    assert jansen == [c for c in alles if c["achternaam"] == "Jansen"]


def test_onbekende_of_misvormde_na_geeft_422_met_veld(engine):
    w = _wereld_met_rijen(engine)
    api, h = TestClient(w.app), api_headers(w.tokens["beoordelaar"])
    for pad in ("/api/aanvragen", "/api/clients"):
        r = api.get(pad, params={"na": "0123456789abcdef"}, headers=h)
        assert r.status_code == 422, r.text
        assert "na" in r.text and "vorige pagina" in r.text
        r = api.get(pad, params={"na": "x' OR 1=1 --"}, headers=h)
        assert r.status_code == 422
        assert r.json()["detail"][0]["loc"][-1] == "na"
    # the last row's id is known: its next page is empty, not an error
    alles = api.get("/api/aanvragen", params={"limit": 1000}, headers=h).json()
    r = api.get("/api/aanvragen", params={"na": alles[-1]["id"]}, headers=h)
    assert r.status_code == 200 and r.json() == []
