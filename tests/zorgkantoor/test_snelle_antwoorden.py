"""The hot API reads (a client's file, the client list, the work list) build their answers from plain rows and
serialise them with orjson (``wlz.zorgkantoor.api.antwoord``), past FastAPI's response-model validation. Their
answers must stay exactly what the response models give for the same data: same fields, same values, same
JSON (dates, UTC timestamps with Z, numbers in the stored toets, nulls), for every role."""

from __future__ import annotations

import datetime as dt

import pytest
from fastapi.testclient import TestClient
from pydantic import TypeAdapter

from wlz.zorgkantoor.api import schemas as s
from wlz.zorgkantoor.services import aanvragen, auth, dossier

from .flow import api_headers
from .helpers import bouw_wereld, voeg_keuze_toe

pytestmark = pytest.mark.postgres  # runs on SQLite and, in the PostgreSQL run, there


def _verwacht_dossier(uowf, actor, client_id: str) -> bytes:
    """The answer as the response model gives it, from the domain objects (the pages' path)."""
    with uowf(write=True) as uow:
        d = dossier.dossier(uow, actor, client_id)
        return (
            s.DossierUit(
                client=s.ClientUit.model_validate(d.client),
                indicaties=[s.IndicatieUit.model_validate(i) for i in d.indicaties],
                leveringsvormen=[s.KeuzeUit.model_validate(k) for k in d.keuzes],
                toewijzingen=[s.ToewijzingUit.model_validate(t) for t in d.toewijzingen],
                aanvragen=[s.AanvraagKort.model_validate(a) for a in d.aanvragen] if d.aanvragen_zichtbaar else None,
            )
            .model_dump_json()
            .encode()
        )


def _actor(uowf, w, rol: str):
    with uowf() as uow:
        return auth.actor_voor_token(uow, w.tokens[rol])


def test_file_list_and_work_list_answers_equal_the_response_models(engine):
    w = bouw_wereld(engine)
    uowf = w.app.state.uow
    # a stored toets with nested values, floats and a null, and a timestamp with and without microseconds
    voeg_keuze_toe(
        uowf,
        w.client_a,
        "mpt",
        dt.date(2024, 7, 1),
        geaccepteerd=False,
        toets={"kosten": 1234.5, "grens": 100.0, "klein": 0.1, "leeg": None, "uitleg": ["één", "twee"]},
    )
    api = TestClient(w.app)
    for rol in ("beoordelaar", "beheerder", "aanbieder", "client"):
        actor = _actor(uowf, w, rol)
        r = api.get(f"/api/clients/{w.client_a}", headers=api_headers(w.tokens[rol]))
        assert r.status_code == 200, (rol, r.text)
        assert r.headers["content-type"] == "application/json"
        assert r.content == _verwacht_dossier(uowf, actor, w.client_a), rol
        if rol == "aanbieder":  # only its own assignments
            assert all(t["agb_code"] == actor.agb_code for t in r.json()["toewijzingen"])
        else:
            assert r.json()["leveringsvormen"][0]["toets"]["kosten"] == 1234.5

    for rol in ("beoordelaar", "aanbieder"):
        actor = _actor(uowf, w, rol)
        r = api.get("/api/clients?limit=50", headers=api_headers(w.tokens[rol]))
        assert r.status_code == 200
        with uowf(write=True) as uow:
            verwacht = [s.ClientKort.model_validate(c).model_dump(mode="json") for c in dossier.zoek(uow, actor)]
        assert r.json() == verwacht and verwacht, rol
        assert "bsn" not in r.text

    actor = _actor(uowf, w, "beoordelaar")
    r = api.get("/api/aanvragen?limit=50", headers=api_headers(w.tokens["beoordelaar"]))
    with uowf() as uow:
        lijst = [s.AanvraagKort.model_validate(a) for a in aanvragen.werkvoorraad(uow, actor)]
    assert len(lijst) == 2
    assert r.content == TypeAdapter(list[s.AanvraagKort]).dump_json(lijst)


def test_hot_reads_keep_their_refusals(engine):
    w = bouw_wereld(engine)
    api = TestClient(w.app)
    # a provider does not see another provider's client; a client only their own file; unknown is 404 too
    assert api.get(f"/api/clients/{w.client_b}", headers=api_headers(w.tokens["aanbieder"])).status_code == 404
    assert api.get(f"/api/clients/{w.client_b}", headers=api_headers(w.tokens["client"])).status_code == 404
    assert api.get("/api/clients/onbekend", headers=api_headers(w.tokens["beoordelaar"])).status_code == 404
    assert api.get("/api/aanvragen", headers=api_headers(w.tokens["aanbieder"])).status_code == 403
    assert api.get("/api/clients", headers=api_headers(w.tokens["client"])).status_code == 403
    assert api.get(f"/api/clients/{w.client_a}").status_code == 401
    # a refused read writes no 'lezen' line
    with w.app.state.uow() as uow:
        assert [r.actie for r in uow.toegangslog.zoek(client_id=w.client_b) if r.actie == "lezen"] == []


def test_a_driver_error_on_the_direct_path_is_answered_through_sqlalchemy(engine, monkeypatch):
    """PostgreSQL runs the hot reads' statements on the driver's cursor (``repository._plain``); when the driver
    refuses one, the statement runs again through SQLAlchemy and the answer is the same (on SQLite the direct
    path is never taken)."""
    from wlz.zorgkantoor.storage import repository

    w = bouw_wereld(engine)
    api = TestClient(w.app)
    h = api_headers(w.tokens["beoordelaar"])
    paths = (f"/api/clients/{w.client_a}", "/api/clients?limit=5", "/api/aanvragen?limit=5")
    before = [api.get(p, headers=h).content for p in paths]
    plans: list[object] = []
    echt = repository._driver_plan

    def kapot(stmt, dialect):
        plan = echt(stmt, dialect)
        if plan is None:
            return None
        plans.append(plan)
        return repository._DriverPlan("SELECT * FROM bestaat_niet", plan.defaults, plan.binds, plan.results)

    monkeypatch.setattr(repository, "_driver_plan", kapot)
    assert [api.get(p, headers=h).content for p in paths] == before
    assert len(plans) == (3 if engine.dialect.name == "postgresql" else 0)
