"""API tokens: a revoked token is refused. The server keeps a token's actor a few seconds per process
(``api.deps.ActorCache``); revoking through the service empties that at once, and a revocation the process did
not see (another server process, or straight in the database) takes effect within the cache's seconds."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from wlz.zorgkantoor.api.deps import ACTOR_CACHE_SECONDS, ActorCache
from wlz.zorgkantoor.domain.model import nu
from wlz.zorgkantoor.services import auth
from wlz.zorgkantoor.services.actor import Actor

from .flow import api_headers
from .helpers import bouw_wereld, csrf_van, web_client

pytestmark = pytest.mark.postgres  # runs on SQLite and, in the PostgreSQL run, there


def _token(w, uowf, rol: str = "aanbieder") -> tuple[str, str]:
    """A fresh token for ``rol``'s account: (id, token)."""
    with uowf(write=True) as uow:
        g = uow.gebruikers.met_naam(rol)
        t, token = auth.maak_token(uow, auth.actor_voor_gebruiker(uow, g.id, "cli"), g.id, "x")
        uow.commit()
        return t.id, token


def test_token_revoked_through_the_service_is_refused_at_once(engine):
    w = bouw_wereld(engine)
    token_id, token = _token(w, w.app.state.uow)
    api = TestClient(w.app)
    pad = f"/api/clients/{w.client_a}"
    assert api.get(pad, headers=api_headers(token)).status_code == 200  # now in the cache
    beheer = web_client(w, "beheerder")
    r = beheer.post(f"/beheer/tokens/{token_id}/intrekken", data={"csrf": csrf_van(beheer)})
    assert r.status_code == 303, r.text
    r = api.get(pad, headers=api_headers(token))
    assert r.status_code == 401
    assert "ingetrokken" in r.json()["detail"]


def test_revocation_elsewhere_takes_effect_within_the_cache_seconds(engine):
    w = bouw_wereld(engine)
    uowf = w.app.state.uow
    klok = [1000.0]
    w.app.state.api_actors = ActorCache(clock=lambda: klok[0])
    token_id, token = _token(w, uowf)
    api = TestClient(w.app)
    pad = f"/api/clients/{w.client_a}"
    assert api.get(pad, headers=api_headers(token)).status_code == 200
    # revoked by another server process: this one does not hear of it
    with uowf(write=True) as uow:
        t = next(t for t in uow.tokens.van_gebruiker(w.gebruikers["aanbieder"]) if t.id == token_id)
        t.ingetrokken_op = nu()
        uow.commit()
    klok[0] += ACTOR_CACHE_SECONDS / 2
    assert api.get(pad, headers=api_headers(token)).status_code == 200  # still within the cache's seconds
    klok[0] += ACTOR_CACHE_SECONDS
    assert api.get(pad, headers=api_headers(token)).status_code == 401


def test_cache_keeps_only_valid_tokens_and_stays_bounded(engine):
    w = bouw_wereld(engine)
    api = TestClient(w.app)
    cache: ActorCache = w.app.state.api_actors
    assert api.get("/api/aanvragen", headers=api_headers("wlz_onzin")).status_code == 401
    assert cache.get(auth.token_hash("wlz_onzin")) is None
    klein = ActorCache(maximum=2)
    actor = Actor("g", "g", "G", "beoordelaar")
    for i in range(5):
        klein.put(str(i), actor)
    assert len(klein._actors) <= 2 and klein.get("4") is actor
