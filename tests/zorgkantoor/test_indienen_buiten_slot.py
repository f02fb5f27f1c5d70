"""A submission evaluates the rules outside its write transaction (``aanvragen.dien_in_en_bewaar``), optionally
in a helper process (``adapters.rules_process``), and still stores exactly what one transaction would store."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys
import time

import pytest
from fastapi.testclient import TestClient

from wlz.zorgkantoor.adapters import rules_engine, rules_process
from wlz.zorgkantoor.services import aanvragen, auth, invoer

from .conftest import OP_POSTGRES
from .flow import MEERZORG_INTAKE, api_headers, dossier_met_aanvraag
from .helpers import bouw_wereld

pytestmark = pytest.mark.postgres  # runs on SQLite and, in the PostgreSQL run, there

INTAKE = {**MEERZORG_INTAKE, "toelichting": "opnieuw"}


def _opzet(engine):
    w = bouw_wereld(engine)
    api = TestClient(w.app)
    d = dossier_met_aanvraag(api, w.tokens["beoordelaar"], seed=71)
    with w.app.state.uow() as uow:
        actor = auth.actor_voor_token(uow, w.tokens["beoordelaar"])
    return w, api, d, actor


def test_submission_stores_the_same_as_one_transaction_and_reuses_the_evaluation(engine, monkeypatch):
    w, api, d, actor = _opzet(engine)
    echte = rules_engine.evaluate_regelingen_separately
    keren = []
    monkeypatch.setattr(rules_engine, "evaluate_regelingen_separately", lambda sit: keren.append(1) or echte(sit))
    r = api.post(f"/api/clients/{d.client_id}/aanvragen", headers=api_headers(w.tokens["beoordelaar"]), json=INTAKE)
    assert r.status_code == 201, r.text
    assert len(keren) == 1  # evaluated once, before the write transaction; reused there (same situation)
    with w.app.state.uow(write=True) as uow:  # what the one-transaction use case stores for the same input
        enkel = aanvragen.dien_in(uow, actor, d.client_id, invoer.IntakeInvoer.model_validate(INTAKE))
    assert r.json()["evaluatie"] == enkel.evaluatie and r.json()["situatie"] == enkel.situatie

    # a repeat request the same way: from the last request, only the change sent
    r = api.post(
        f"/api/clients/{d.client_id}/aanvragen/herhaling",
        headers=api_headers(w.tokens["beoordelaar"]),
        json={"zorgbehoefte_uren_per_week": 45},
    )
    assert r.status_code == 201, r.text
    assert r.json()["vorige_id"] == enkel.id and r.json()["gewijzigde_velden"] == ["client.zorgbehoefte_uren_per_week"]
    assert len(keren) == 3


def test_file_changed_after_the_evaluation_is_evaluated_again(engine):
    w, api, d, actor = _opzet(engine)
    data = invoer.IntakeInvoer.model_validate(INTAKE)
    with w.app.state.uow() as uow:
        sit = aanvragen._situatie_voor(uow, actor, d.client_id, data, herhaling=False)
    verouderd = aanvragen.Vooraf({**sit, "client": {**sit["client"], "zorgprofiel": "VV4"}}, {"oud": True}, None)
    with w.app.state.uow(write=True) as uow:
        a = aanvragen.dien_in(uow, actor, d.client_id, data, vooraf=verouderd)
    assert a.evaluatie and "oud" not in a.evaluatie and a.evaluatie["regelingen"]
    with w.app.state.uow(write=True) as uow:
        b = aanvragen.dien_in(uow, actor, d.client_id, data, vooraf=aanvragen.Vooraf(sit, {"zelfde": True}, None))
    assert b.evaluatie == {"zelfde": True}  # same situation: the evaluation made beforehand is the one stored


def test_bad_input_found_by_the_rules_saves_nothing(engine):
    w, api, d, _ = _opzet(engine)
    with w.app.state.uow() as uow:
        voor = len(uow.aanvragen.van_client(d.client_id))
    r = api.post(
        f"/api/clients/{d.client_id}/aanvragen",
        headers=api_headers(w.tokens["beoordelaar"]),
        json={**INTAKE, "criteria": {"meerzorg_gevraagd": -4000}},
    )
    assert r.status_code == 422
    assert "meerzorg_gevraagd" in str(r.json()["detail"])
    with w.app.state.uow() as uow:
        assert len(uow.aanvragen.van_client(d.client_id)) == voor


@pytest.mark.skipif(OP_POSTGRES, reason="SQLite's single write lock")
def test_sqlite_write_lock_is_free_while_the_rules_evaluate(engine, monkeypatch):
    w, api, d, _ = _opzet(engine)
    echte = rules_engine.evaluate_regelingen_separately
    vrij = []

    def evalueer(sit):
        andere = sqlite3.connect(engine.url.database, timeout=0, isolation_level=None)
        andere.execute("BEGIN IMMEDIATE")  # fails at once ('database is locked') when a writer holds the lock
        andere.execute("ROLLBACK")
        andere.close()
        vrij.append(True)
        return echte(sit)

    monkeypatch.setattr(rules_engine, "evaluate_regelingen_separately", evalueer)
    r = api.post(f"/api/clients/{d.client_id}/aanvragen", headers=api_headers(w.tokens["beoordelaar"]), json=INTAKE)
    assert r.status_code == 201, r.text
    assert vrij == [True]


def test_helper_process_gives_the_same_evaluation_and_errors():
    sit = rules_engine.situatie_voor_intake(
        zorgprofiel="VG5",
        geboortedatum=dt.date(1975, 5, 17),
        partner=False,
        grondslagen=["05"],
        leveringsvorm="mpt",
        intake={**INTAKE, "periode_van": "2017-01-01", "periode_tot": "2017-12-31"},
    )
    proces = rules_process.HelperProcess(rules_engine.beschikbaar)
    try:
        assert proces.run(rules_engine.evaluate_regelingen, sit) == rules_engine.evaluate_regelingen(sit)
        fout = {**sit, "client": {**sit["client"], "zorgbehoefte_uren_per_week": -5}}
        with pytest.raises(rules_engine.InputError) as exc:
            proces.run(rules_engine.evaluate_regelingen, fout)
        assert exc.value.veld == "client.zorgbehoefte_uren_per_week"
    finally:
        proces.stop()


def test_helper_process_ends_when_its_server_process_is_killed(tmp_path):
    """A server process that dies without shutting down (killed) leaves no helper behind."""
    script = (
        "import os, sys\n"
        "from wlz.zorgkantoor.adapters import rules_engine, rules_process\n"
        "p = rules_process.HelperProcess(rules_engine.beschikbaar)\n"
        "p._pool.submit(rules_engine.beschikbaar).result()\n"
        "print(*p._pool._processes, flush=True)\n"
        "os._exit(0)\n"  # as if killed: no shutdown of the pool
    )
    uit = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True)
    helpers = [int(p) for p in uit.stdout.split()]
    assert helpers
    eind = time.monotonic() + 20
    while time.monotonic() < eind and any(_leeft(p) for p in helpers):
        time.sleep(0.2)
    assert not any(_leeft(p) for p in helpers)


def _leeft(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(")")[-1].split()[0] != "Z"  # a zombie has ended
    except OSError:
        return False
