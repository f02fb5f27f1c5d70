"""Every route x every role: the app's own route list is walked, so a new route is covered automatically.

For each route the test reads the roles it declares (``Roles``) and checks:
- anonymous: API 401, pages a redirect to /inloggen (public routes excepted);
- a role not declared: 403 (or 401/404), never 2xx;
- a declared role, on objects within its reach: not refused (no 401/403/404);
- a provider or client on another client's objects: 404 — nobody learns whether that client exists.
And nowhere may a BSN appear in a URL, a redirect, or an error body.
"""

from __future__ import annotations

import re

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from wlz.platform.gates import Public, Roles, all_routes, declared_gate
from wlz.zorgkantoor.services import auth
from wlz.zorgkantoor.services.actor import SYSTEEM

from .helpers import AGB_EIGEN, bouw_wereld, csrf_van, web_client

pytestmark = pytest.mark.postgres

ROLLEN = ("beoordelaar", "beheerder", "aanbieder", "client")


@pytest.fixture
def wereld(engine):
    w = bouw_wereld(engine)
    # a system's account as the target of the account routes (tokens, role, deactivation), so deactivating it
    # ends no session the walk still uses
    with w.app.state.uow(write=True) as uow:
        g = auth.maak_gebruiker(
            uow, SYSTEEM, gebruikersnaam="koppeling", naam="Koppeling", rol="aanbieder", agb_code=AGB_EIGEN
        )
        uow.commit()
        w.gebruikers["systeem"] = g.id
    # one declaration file of the own provider (one unreadable line), for the routes that read a batch
    from wlz.zorgkantoor.services import declaraties

    data = b"regelnummer,client_id,prestatiecode,begindatum,einddatum,aantal,bedrag,zzp_code\n1,x,Z,,,,,\n"
    with w.app.state.uow(write=True) as uow:
        r = declaraties.importeer(uow, declaraties.SYSTEEM_INKOOP, agb_code=AGB_EIGEN, bestandsnaam="d.csv", data=data)
    w.batch_a = r.batch_id
    return w


def _routes(app) -> list[tuple[str, str, APIRoute]]:
    out = []
    for pad, r in all_routes(app):
        for m in sorted(r.methods - {"HEAD"}):
            out.append((m, pad, r))
    assert len(out) > 40, "route discovery found too few routes"
    return out


def _pad(path: str, w, eigen: bool) -> str:
    waarden = {
        "client_id": w.client_a if eigen else w.client_b,
        "aanvraag_id": w.aanvraag_a if eigen else w.aanvraag_b,
        "toewijzing_id": w.toewijzing_a if eigen else w.toewijzing_b,
        "gebruiker_id": w.gebruikers["systeem"],
        "token_id": w.extra_token_id,
        "bericht_id": w.bericht_a if eigen else w.bericht_b,
        "batch_id": w.batch_a,
        "rapport_id": "bestaatniet",  # the public kwaliteitsrapport download (inkoop tests cover it)
    }
    onbekend = set(re.findall(r"{(\w+)}", path)) - waarden.keys()
    assert not onbekend, f"test does not know how to fill {onbekend} in {path}: add it to _pad"
    return re.sub(r"{(\w+)}", lambda m: waarden[m.group(1)], path)


def _vraag(c: TestClient, methode: str, url: str, *, api: bool, token: str | None = None, csrf: str | None = None):
    if api:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return c.request(methode, url, headers=headers, json={} if methode == "POST" else None)
    if methode == "POST":
        return c.post(url, data={"csrf": csrf or ""})
    return c.get(url)


def test_every_route_declares_who_may_call_it(wereld):
    zonder = [f"{m} {p}" for m, p, r in _routes(wereld.app) if declared_gate(r) is None]
    assert zonder == [], f"routes without Roles/Public declaration: {zonder}"


def test_every_route_for_every_role(wereld):
    w = wereld
    anoniem = TestClient(w.app, follow_redirects=False)
    sessies = {rol: web_client(w, rol) for rol in ROLLEN}
    csrf = {rol: csrf_van(sessies[rol]) for rol in ROLLEN}
    api_client = TestClient(w.app, follow_redirects=False)
    gecontroleerd = 0
    for methode, pad, route in _routes(w.app):
        gate = declared_gate(route)
        api = pad.startswith("/api")
        if isinstance(gate, Public):
            continue
        assert isinstance(gate, Roles)
        url = _pad(pad, w, eigen=True)
        r = _vraag(anoniem, methode, url, api=api)
        if api:
            assert r.status_code == 401, (methode, pad, r.status_code)
        else:
            assert r.status_code == 303 and r.headers["location"] == "/inloggen", (methode, pad, r.status_code)
        for rol in ROLLEN:
            if api:
                r = _vraag(api_client, methode, url, api=True, token=w.tokens[rol])
            else:
                r = _vraag(sessies[rol], methode, url, api=False, csrf=csrf[rol])
            if rol in gate.roles:
                assert r.status_code not in (401, 403, 404), (methode, pad, rol, r.status_code, r.text[:300])
                assert r.status_code < 500, (methode, pad, rol, r.status_code, r.text[:300])
            else:
                assert r.status_code in (401, 403, 404), (methode, pad, rol, r.status_code)
            gecontroleerd += 1
            if pad == "/uitloggen" and rol in gate.roles:  # logged out: log in again for the next routes
                sessies[rol] = web_client(w, rol)
                csrf[rol] = csrf_van(sessies[rol])
            # out of reach: another provider's / another person's client
            if (
                rol in gate.roles
                and rol in ("aanbieder", "client")
                and re.search(r"{(client|aanvraag|toewijzing|bericht)_id}", pad)
            ):
                ander = _pad(pad, w, eigen=False)
                if api:
                    r = _vraag(api_client, methode, ander, api=True, token=w.tokens[rol])
                else:
                    r = _vraag(sessies[rol], methode, ander, api=False, csrf=csrf[rol])
                if r.status_code == 422:
                    # the body was refused before the file was looked at: the same answer as for an id that
                    # does not exist, so it reveals nothing
                    niets = re.sub(r"{(\w+)}", "bestaatniet", pad)
                    r2 = (
                        _vraag(api_client, methode, niets, api=True, token=w.tokens[rol])
                        if api
                        else _vraag(sessies[rol], methode, niets, api=False, csrf=csrf[rol])
                    )
                    assert (r2.status_code, r2.text) == (422, r.text), (methode, pad, rol)
                else:
                    assert r.status_code == 404, (methode, pad, rol, "ander", r.status_code)
    assert gecontroleerd > 100


def test_web_post_without_csrf_token_is_refused(wereld):
    c = web_client(wereld, "beoordelaar")
    r = c.post(f"/aanvragen/{wereld.aanvraag_a}/behandelen", data={})
    assert r.status_code == 403
    r = c.post(f"/aanvragen/{wereld.aanvraag_a}/behandelen", data={"csrf": "vervalst"})
    assert r.status_code == 403
    with wereld.app.state.uow() as uow:
        assert uow.aanvragen.get(wereld.aanvraag_a).status == "ingediend"


def test_bsn_never_in_url_redirect_or_error(wereld, caplog):
    w = wereld
    caplog.set_level("DEBUG")
    urls = [_pad(p, w, eigen=True) for _, p, _ in _routes(w.app)]
    assert not any(w.bsn_a in u or w.bsn_b in u for u in urls)
    c = web_client(w, "beoordelaar")
    csrf = csrf_van(c)
    r = c.post("/clienten/zoeken", data={"bsn": w.bsn_a, "csrf": csrf})
    assert r.status_code == 303 and w.bsn_a not in r.headers["location"]
    # a wrong BSN: the error names the field but never echoes the number
    fout = w.bsn_a[:-1] + str((int(w.bsn_a[-1]) + 1) % 10)
    r = c.post("/clienten/zoeken", data={"bsn": fout, "csrf": csrf})
    assert r.status_code == 422 and fout not in r.text
    api = TestClient(w.app)
    h = {"Authorization": f"Bearer {w.tokens['beoordelaar']}"}
    r = api.post(
        "/api/clients",
        headers=h,
        json={"bsn": fout, "voornamen": "X", "achternaam": "Y", "geboortedatum": "1990-01-01"},
    )
    assert r.status_code == 422 and fout not in r.text and "bsn" in r.text
    # a duplicate BSN
    r = api.post(
        "/api/clients",
        headers=h,
        json={"bsn": w.bsn_a, "voornamen": "X", "achternaam": "Y", "geboortedatum": "1990-01-01"},
    )
    assert r.status_code == 422 and w.bsn_a not in r.text
    # a provider searching another provider's client by BSN: 404, no BSN in the answer
    r = api.post(
        "/api/clients/zoeken", headers={"Authorization": f"Bearer {w.tokens['aanbieder']}"}, json={"bsn": w.bsn_b}
    )
    assert r.status_code == 404 and w.bsn_b not in r.text
    assert not any(
        w.bsn_a in rec.getMessage() or w.bsn_b in rec.getMessage() or fout in rec.getMessage() for rec in caplog.records
    )
