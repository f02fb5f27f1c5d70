"""Every zorginkoop route (API and pages) x every role, the zorginkoper included: the app's own route list is
walked (routes of ``api.inkoop`` and ``web.inkoop``), so a new route is covered automatically.

- anonymous: API 401, pages a redirect to /inloggen (the public routes excepted, which answer 200);
- a role not declared: 401/403/404, never 2xx;
- a declared role: not refused (no 401/403/404) and no server error;
- a provider or client on another client's file: 404; a provider on another provider's contract: 404.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from fastapi.testclient import TestClient

from wlz.platform.gates import Public, Roles, all_routes, declared_gate
from wlz.zorgkantoor.services import auth, inkoop
from wlz.zorgkantoor.services.actor import SYSTEEM

from ..helpers import AGB_ANDER, AGB_EIGEN, WACHTWOORD, bouw_wereld, csrf_van, web_client
from .wereld import INKOPER, ROTTERDAM, contract

pytestmark = pytest.mark.postgres

ROLLEN = ("beoordelaar", "beheerder", "aanbieder", "client", "zorginkoper")
MODULES = ("wlz.zorgkantoor.api.inkoop", "wlz.zorgkantoor.web.inkoop")


@pytest.fixture
def wereld(engine):
    w = bouw_wereld(engine)
    uowf = w.app.state.uow
    with uowf(write=True) as uow:
        g = auth.maak_gebruiker(
            uow, SYSTEEM, gebruikersnaam="zorginkoper", naam="Zorginkoper", rol="zorginkoper", wachtwoord=WACHTWOORD
        )
        uow.flush()
        _, w.tokens["zorginkoper"] = auth.maak_token(uow, SYSTEEM, g.id, "token zorginkoper")
        uow.commit()
    from wlz.zorgkantoor.services import inkoop_invoer as iv

    ids = {}
    for agb in (AGB_EIGEN, AGB_ANDER):
        with uowf(write=True) as uow:
            inkoop.aanbieder_opslaan(uow, INKOPER, iv.AanbiederInvoer(agb_code=agb, naam=f"Aanbieder {agb}"))
        with uowf(write=True) as uow:
            ids[agb] = inkoop.contract_opslaan(uow, INKOPER, contract(agb_code=agb)).gegevens["id"]
    w.contract_eigen, w.contract_ander = ids[AGB_EIGEN], ids[AGB_ANDER]
    with uowf(write=True) as uow:  # an uploaded kwaliteitsrapport for the public download route
        w.rapport_id = inkoop.kwaliteitsrapport_uploaden(
            uow,
            INKOPER,
            iv.KwaliteitsrapportBestandInvoer(agb_code=AGB_EIGEN, jaar=2024),
            bestandsnaam="rapport.pdf",
            content_type="application/pdf",
            inhoud=b"%PDF-1.4\n%test\n",
            max_bytes=1024 * 1024,
        )
    return w


def _routes(app):
    out = []
    for pad, r in all_routes(app):
        if r.endpoint.__module__ in MODULES:
            for m in sorted(r.methods - {"HEAD"}):
                out.append((m, pad, r))
    return out


def _url(pad: str, w, *, eigen: bool = True) -> str:
    url = pad.replace("{client_id}", w.client_a if eigen else w.client_b).replace("{rapport_id}", w.rapport_id)
    assert "{" not in url, f"test does not know how to fill {url}"
    if pad.endswith("/inkoop/contract"):
        url += f"?id={w.contract_eigen}"
    return url


def _vraag(c: TestClient, methode: str, url: str, *, api: bool, token: str | None = None, csrf: str | None = None):
    if api:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return c.request(methode, url, headers=headers, json={} if methode == "POST" else None)
    if methode == "POST":
        return c.post(url, data={"csrf": csrf or ""})
    return c.get(url)


def test_every_inkoop_route_declares_who_may_call_it(wereld):
    routes = _routes(wereld.app)
    assert len(routes) >= 45, "route discovery found too few zorginkoop routes"
    assert [f"{m} {p}" for m, p, r in routes if declared_gate(r) is None] == []


def test_every_inkoop_route_for_every_role(wereld):
    w = wereld
    anoniem = TestClient(w.app, follow_redirects=False)
    sessies = {rol: web_client(w, rol) for rol in ROLLEN}
    csrf = {rol: csrf_van(sessies[rol]) for rol in ROLLEN}
    api_client = TestClient(w.app, follow_redirects=False)
    gecontroleerd = 0
    for methode, pad, route in _routes(w.app):
        gate = declared_gate(route)
        api = pad.startswith("/api")
        url = _url(pad, w)
        r = _vraag(anoniem, methode, url, api=api)
        if isinstance(gate, Public):
            assert r.status_code == 200, (methode, pad, r.status_code)
            continue
        assert isinstance(gate, Roles)
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
            if rol in gate.roles and rol in ("aanbieder", "client") and "{client_id}" in pad:
                ander = _url(pad, w, eigen=False)
                if api:
                    r = _vraag(api_client, methode, ander, api=True, token=w.tokens[rol])
                    if r.status_code == 422:  # the body was refused before the file was looked at
                        niets = pad.replace("{client_id}", "bestaatniet")
                        r2 = _vraag(api_client, methode, niets, api=True, token=w.tokens[rol])
                        assert (r2.status_code, r2.text) == (422, r.text), (methode, pad, rol)
                        continue
                else:
                    r = _vraag(sessies[rol], methode, ander, api=False, csrf=csrf[rol])
                assert r.status_code == 404, (methode, pad, rol, "ander", r.status_code)
    assert gecontroleerd >= 150


def test_provider_sees_only_its_own_contracts(wereld):
    w = wereld
    api = TestClient(w.app)
    h = {"Authorization": f"Bearer {w.tokens['aanbieder']}"}
    lijst = api.get("/api/inkoop/contracten", headers=h).json()
    assert [c["gegevens"]["agb_code"] for c in lijst] == [AGB_EIGEN]
    assert api.get(f"/api/inkoop/contract?id={w.contract_eigen}", headers=h).status_code == 200
    assert api.get(f"/api/inkoop/contract?id={w.contract_ander}", headers=h).status_code == 404
    pagina = web_client(w, "aanbieder")
    assert pagina.get(f"/inkoop/contract?id={w.contract_ander}").status_code == 404
    tekst = pagina.get("/inkoop/contracten").text
    assert f"Aanbieder {AGB_EIGEN}" in tekst and f"Aanbieder {AGB_ANDER}" not in tekst


def test_zorginkoper_lands_on_the_inkoop_pages_and_sees_no_client_files(wereld):
    w = wereld
    c = web_client(w, "zorginkoper")
    r = c.get("/")
    assert r.status_code == 303 and r.headers["location"] == "/inkoop"
    assert c.get("/inkoop").status_code == 200
    assert c.get(f"/clienten/{w.client_a}").status_code == 403
    assert c.get(f"/clienten/{w.client_a}/zorgkeuze").status_code == 403
    api = TestClient(w.app)
    h = {"Authorization": f"Bearer {w.tokens['zorginkoper']}"}
    assert api.get(f"/api/clients/{w.client_a}/inkoop", headers=h).status_code == 403
    r = api.post(
        "/api/inkoop/kaders",
        headers=h,
        json={
            "jaar": dt.date.today().year,
            "regio": ROTTERDAM,
            "kwaliteitseisen": "x",
            "looptijd": "y",
            "continuiteit": "z",
        },
    )
    assert r.status_code == 200 and r.json()["regio"] == ROTTERDAM


def test_bad_input_answers_in_dutch_naming_the_field(wereld):
    w = wereld
    api = TestClient(w.app)
    h = {"Authorization": f"Bearer {w.tokens['zorginkoper']}"}
    body = contract(agb_code=AGB_EIGEN).model_dump(mode="json")
    body["einddatum"] = "2023-01-01"
    r = api.post("/api/inkoop/contracten", headers=h, json=body)
    assert r.status_code == 422
    fout = r.json()["detail"][0]
    assert fout["loc"][-1] == "einddatum" and "ligt voor de ingangsdatum" in fout["msg"]
    body = contract(agb_code=AGB_EIGEN).model_dump(mode="json")
    body["prestaties"][0]["tarief_percentage"] = "110"
    r = api.post("/api/inkoop/contracten", headers=h, json=body)
    fout = r.json()["detail"][0]
    assert r.status_code == 422 and fout["loc"][-3:] == ["prestaties", "0", "tarief_percentage"]
    assert "goedgekeurd verbeterplan" in fout["msg"]
    r = api.post("/api/inkoop/contracten", headers=h, json={**body, "vorm": "xx"})
    assert r.status_code == 422 and "vorm" in r.text
    assert not re.search(r"Input should|Field required", r.text)


def test_beheerder_creates_a_zorginkoper_account(wereld):
    w = wereld
    c = web_client(w, "beheerder")
    r = c.post(
        "/beheer/gebruikers",
        data={
            "gebruikersnaam": "inkoper2",
            "naam": "Tweede Inkoper",
            "rol": "zorginkoper",
            "wachtwoord": "inkoper2-wachtwoord",
            "csrf": csrf_van(c),
        },
    )
    assert r.status_code == 303
    nieuw = TestClient(w.app, follow_redirects=False)
    r = nieuw.get("/inloggen")
    csrf = re.search(r'name="csrf" value="([^"]+)"', r.text).group(1)
    r = nieuw.post("/inloggen", data={"gebruikersnaam": "inkoper2", "wachtwoord": "inkoper2-wachtwoord", "csrf": csrf})
    assert r.status_code == 303
    assert nieuw.get("/").headers["location"] == "/inkoop"
    assert "Zorginkoop" in nieuw.get("/inkoop").text
