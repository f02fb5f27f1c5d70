"""Access bounds: a request's period is bounded (Dutch 422), an evaluation has a time budget, and a
provider's access ends with the assignment plus the configured period. Each test failed on the code before."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from fastapi.testclient import TestClient

from wlz.zorgkantoor.adapters import rules_process
from wlz.zorgkantoor.domain.model import nu

from .flow import api_headers
from .helpers import bouw_wereld

pytestmark = pytest.mark.postgres


def _intake(van: str, tot: str) -> dict:
    return {"periode_van": van, "periode_tot": tot, "zorgbehoefte_uren_per_week": 30}


@pytest.mark.parametrize(
    ("van", "tot", "woord"),
    [("2025-07-06", "2947-05-05", "ten hoogste 5 jaar"), ("2025-01-01", "2030-01-01", "ten hoogste 5 jaar"),
     ("2014-06-01", "2014-12-31", "2015")],
)  # fmt: skip
def test_a_period_beyond_the_bound_is_refused_in_dutch(engine, van, tot, woord):
    w = bouw_wereld(engine)
    api = TestClient(w.app)
    r = api.post(
        f"/api/clients/{w.client_a}/aanvragen", json=_intake(van, tot), headers=api_headers(w.tokens["beoordelaar"])
    )
    assert r.status_code == 422, r.text
    assert woord in str(r.json()["detail"])


def test_a_period_past_the_indication_is_refused(engine):
    w = bouw_wereld(engine)
    with w.app.state.uow(write=True) as uow:
        for ind in uow.indicaties.van_client(w.client_a):
            ind.einddatum = dt.date(2025, 6, 30)
        uow.commit()
    api = TestClient(w.app)
    r = api.post(
        f"/api/clients/{w.client_a}/aanvragen",
        json=_intake("2025-01-01", "2025-12-31"),
        headers=api_headers(w.tokens["beoordelaar"]),
    )
    assert r.status_code == 422, r.text
    assert "einde van het indicatiebesluit" in str(r.json()["detail"])


def _slaap(seconden: float) -> str:
    time.sleep(seconden)
    return "klaar"


def test_an_evaluation_past_its_time_budget_is_stopped_and_the_next_one_runs():
    helper = rules_process.HelperProcess()
    try:
        begin = time.perf_counter()
        with pytest.raises(rules_process.TimeBudgetExceeded):
            helper.run(_slaap, 30, budget=1.0)
        assert time.perf_counter() - begin < 25  # stopped, not waited out (the call sleeps 30 s)
        assert helper.run(_slaap, 0, budget=30) == "klaar"  # a fresh helper takes the next one at once
    finally:
        helper.stop()


def test_provider_access_ends_with_the_assignment_plus_the_access_period(engine):
    w = bouw_wereld(engine)
    api = TestClient(w.app)
    h = api_headers(w.tokens["aanbieder"])
    pad = f"/api/clients/{w.client_a}"
    assert api.get(pad, headers=h).status_code == 200
    with w.app.state.uow(write=True) as uow:
        t = uow.toewijzingen.get(w.toewijzing_a)
        t.tot = nu().date() - dt.timedelta(days=10)  # ended 10 days ago: within the 28 days
        uow.commit()
    w.app.state.api_actors.clear()
    assert api.get(pad, headers=h).status_code == 200
    with w.app.state.uow(write=True) as uow:
        t = uow.toewijzingen.get(w.toewijzing_a)
        t.tot = nu().date() - dt.timedelta(days=29)  # ended 29 days ago: access over
        uow.commit()
    assert api.get(pad, headers=h).status_code == 404
    assert all(c["id"] != w.client_a for c in api.get("/api/clients", headers=h).json())
