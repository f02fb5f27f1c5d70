"""Every route of the declarations, the ledger and the reports × every role, through the real app (API tokens and
logged-in page sessions): who may, who may not (403), anonymous (API 401, pages to the login), and a provider never
reaching another provider's batch (404) or rows of another provider in its ledger."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from tests.zorgkantoor.helpers import WACHTWOORD, csrf_van

from wlz.zorgkantoor.app import create_app
from wlz.zorgkantoor.config import Settings
from wlz.zorgkantoor.domain.model import ROLLEN
from wlz.zorgkantoor.services import auth, declaraties
from wlz.zorgkantoor.services.actor import SYSTEEM

from .wereld import AANBIEDER_A, AANBIEDER_B, AGB_A, AGB_B, bouw, csv_bestand

#: route -> roles that may call it (the permission table of ``services.declaraties``, written out here so a
#: change of the table is a deliberate change of this test too)
MAG = {
    "importeren": {"zorginkoper", "aanbieder"},
    "lijst": {"zorginkoper", "beoordelaar", "aanbieder"},
    "bestand": {"zorginkoper", "beoordelaar", "aanbieder"},
    "export": {"zorginkoper", "beoordelaar"},
    "grootboek": {"zorginkoper", "beoordelaar", "aanbieder"},
    "rapport": {"zorginkoper", "beoordelaar"},
}


@pytest.fixture
def opzet(engine):
    app = create_app(Settings(database_url=str(engine.url), secret_key="test-geheim"), engine=engine)
    uowf = app.state.uow
    w = bouw(uowf)
    tokens, agb = {}, {"aanbieder": AGB_A, "aanbieder2": AGB_B}
    with uowf(write=True) as uow:
        for naam, rol in [(r, r) for r in ROLLEN] + [("aanbieder2", "aanbieder")]:
            g = auth.maak_gebruiker(
                uow,
                SYSTEEM,
                gebruikersnaam=naam,
                naam=naam.title(),
                rol=rol,
                wachtwoord=WACHTWOORD,
                agb_code=agb.get(naam),
                client_id=w.clients[0] if rol == "client" else None,
            )
            uow.flush()
            _, tokens[naam] = auth.maak_token(uow, SYSTEEM, g.id, f"token {naam}")
        uow.commit()
    # one batch of each provider
    batches = {}
    for actor, client in ((AANBIEDER_A, w.clients[0]), (AANBIEDER_B, w.clients[2])):
        with uowf(write=True) as uow:
            r = declaraties.importeer(
                uow,
                actor,
                agb_code=None,
                bestandsnaam="d.csv",
                data=csv_bestand(f"1,{client},ZI756,2024-01-01,2024-01-31,31,100.00,"),
            )
        batches[actor.agb_code] = r.batch_id
    return app, w, tokens, batches


def _verzoeken(batch_id: str, client_id: str, api: bool):
    p = "/api" if api else ""
    bestand = csv_bestand(f"9,{client_id},ZI756,2024-02-01,2024-02-29,29,50.00,")
    return {
        "importeren": ("POST", f"{p}/declaraties", bestand),
        "lijst": ("GET", f"{p}/declaraties", None),
        "bestand": ("GET", f"{p}/declaraties/{batch_id}", None),
        "export": ("GET", f"{p}/declaraties/export", None),
        "grootboek": ("GET", f"{p}/grootboek?jaar=2024", None),
        "rapport": ("GET", f"{p}/inkooprapport?jaar=2024", None),
    }


def _web(app, naam: str) -> TestClient:
    c = TestClient(app, follow_redirects=False)
    r = c.post("/inloggen", data={"gebruikersnaam": naam, "wachtwoord": WACHTWOORD, "csrf": csrf_van(c)})
    assert r.status_code == 303, r.text
    return c


def _vraag(c: TestClient, methode: str, url: str, body, *, api: bool, token: str | None = None, csrf: str = ""):
    if api:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        if methode == "POST":
            url += ("&" if "?" in url else "?") + f"agb_code={AGB_A}"
            return c.post(url, content=body, headers={**headers, "Content-Type": "text/csv"})
        return c.get(url, headers=headers)
    if methode == "POST":
        return c.post(url, data={"csrf": csrf, "agb_code": AGB_A}, files={"bestand": ("d.csv", body, "text/csv")})
    return c.get(url)


def test_api_every_route_every_role(opzet):
    app, w, tokens, batches = opzet
    c = TestClient(app, follow_redirects=False)
    for route, (methode, url, body) in _verzoeken(batches[AGB_A], w.clients[0], api=True).items():
        assert _vraag(c, methode, url, body, api=True).status_code == 401, route
        for rol in ROLLEN:
            r = _vraag(c, methode, url, body, api=True, token=tokens[rol])
            if rol in MAG[route]:
                assert r.status_code in (200, 201), (route, rol, r.status_code, r.text[:300])
            else:
                assert r.status_code == 403, (route, rol, r.status_code)


def test_pages_every_route_every_role(opzet):
    app, w, tokens, batches = opzet
    anoniem = TestClient(app, follow_redirects=False)
    for route, (methode, url, body) in _verzoeken(batches[AGB_A], w.clients[0], api=False).items():
        r = _vraag(anoniem, methode, url, body, api=False, csrf="x")
        # a page sends the visitor to the login; a form post without a session fails its CSRF check first
        naar_login = r.status_code == 303 and r.headers["location"] == "/inloggen"
        assert naar_login or (methode == "POST" and r.status_code == 403), (route, r.status_code)
    for rol in ROLLEN:
        c = _web(app, rol)
        csrf = csrf_van(c)
        for route, (methode, url, body) in _verzoeken(batches[AGB_A], w.clients[0], api=False).items():
            r = _vraag(c, methode, url, body, api=False, csrf=csrf)
            if rol in MAG[route]:
                assert r.status_code in (200, 303), (route, rol, r.status_code, r.text[:300])
            else:
                assert r.status_code == 403, (route, rol, r.status_code)


def test_a_provider_sees_only_its_own(opzet):
    app, w, tokens, batches = opzet
    c = TestClient(app, follow_redirects=False)
    kop = {"Authorization": f"Bearer {tokens['aanbieder']}"}
    # another provider's batch: not found (nothing to learn), on the API and on the page
    assert c.get(f"/api/declaraties/{batches[AGB_B]}", headers=kop).status_code == 404
    assert _web(app, "aanbieder").get(f"/declaraties/{batches[AGB_B]}").status_code == 404
    # the list and the ledger hold only its own code, whatever it asks for
    lijst = c.get(f"/api/declaraties?agb_code={AGB_B}", headers=kop).json()
    assert lijst and {b["agb_code"] for b in lijst} == {AGB_A}
    boek = c.get(f"/api/grootboek?jaar=2024&agb_code={AGB_B}", headers=kop).json()
    assert boek and {r["agb_code"] for r in boek} == {AGB_A}
    # an import for another provider is filed under its own code
    r = c.post(
        f"/api/declaraties?agb_code={AGB_B}",
        content=csv_bestand(f"3,{w.clients[2]},ZI756,2024-03-01,2024-03-31,31,10.00,"),
        headers={**kop, "Content-Type": "text/csv"},
    )
    assert r.status_code == 201 and r.json()["agb_code"] == AGB_A and r.json()["per_reden"] == {"D04": 1}
    # the zorginkoper sees both providers
    alle = c.get("/api/declaraties", headers={"Authorization": f"Bearer {tokens['zorginkoper']}"}).json()
    assert {b["agb_code"] for b in alle} == {AGB_A, AGB_B}
