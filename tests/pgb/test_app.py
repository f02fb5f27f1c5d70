"""The pgb app: every route × every role (the app's own route list is walked, so a new route is covered), the
API flow with Dutch 422s naming the field, the pages with login and CSRF, and the decision letter (HTML, PDF)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from wlz.pgb import services
from wlz.pgb.app import create_app
from wlz.pgb.config import PgbSettings
from wlz.pgb.domain import model
from wlz.platform.gates import Public, Roles, all_routes, declared_gate

from .conftest import BEOORDELAAR, beschikking

pytestmark = pytest.mark.postgres

ROLLEN = (services.BUDGETHOUDER, services.ZORGVERLENER, services.BEOORDELAAR, services.BEHEERDER)
WACHTWOORD = "een-lang-testwachtwoord"


@pytest.fixture
def wereld(engine, uows):
    beschikking(uows, "b1", "bh1")
    beschikking(uows, "b2", "bh2")
    ids = {}
    for rol, bh, zv in (
        ("budgethouder", "bh1", None),
        ("zorgverlener", None, "zv1"),
        ("beoordelaar", None, None),
        ("beheerder", None, None),
    ):
        gid = services.maak_gebruiker(uows, rol, f"Test {rol}", rol, WACHTWOORD, bh, zv)
        ids[rol] = services.maak_token(uows, gid, "test")
    reserve = services.maak_gebruiker(uows, "reserve", "Reserve", "beoordelaar", WACHTWOORD)
    bh1 = services.Actor("x", "x", services.BUDGETHOUDER, budgethouder_id="bh1")
    bh2 = services.Actor("y", "y", services.BUDGETHOUDER, budgethouder_id="bh2")
    o = dict(
        functie="begeleiding",
        zorgbeschrijving="begeleiding",
        uren_per_week=10,
        uurtarief_cent=5_000,
        van=dt.date(2015, 1, 1),
        tot=dt.date(2015, 12, 31),
        derdenbeding=True,
    )
    services.dien_overeenkomst_in(
        uows, bh1, model.Zorgovereenkomst(id="o1", beschikking_id="b1", zorgverlener_id="zv1", **o)
    )
    services.dien_overeenkomst_in(
        uows, bh2, model.Zorgovereenkomst(id="o2", beschikking_id="b2", zorgverlener_id="zv2", **o)
    )
    services.beoordeel_overeenkomst(uows, BEOORDELAAR, "o2", True, "akkoord")
    zv2 = services.Actor("z", "z", services.ZORGVERLENER, zorgverlener_id="zv2")
    services.dien_declaratie_in(
        uows, zv2, "o2", dt.date(2015, 1, 5), dt.date(2015, 1, 11), 10, 50_000, dt.date(2015, 1, 12)
    )
    with uows() as uow:
        from wlz.pgb.storage import orm

        declaratie = uow.session.execute(sa.select(orm.declaraties.c.id)).scalar_one()
    plan = services.dien_budgetplan_in(
        uows, bh1, "b1", [model.Planregel("begeleiding", 10, 5_000, "zv1", model.SoortZorgverlener.formeel)]
    )
    app = create_app(PgbSettings(database_url="sqlite://", secret_key="k"), engine=engine)
    v = services.registreer_vordering(
        uows, BEOORDELAAR, "b1", model.Debiteur.zorgverlener, "zv1", "test", 100, dt.date(2016, 2, 1), True, "o1"
    )
    return app, ids, {"plan": plan, "vordering": v.id, "declaratie": declaratie, "gebruiker": reserve}


def _routes(app):
    out = []
    for pad, r in all_routes(app):
        for m in sorted(r.methods - {"HEAD"}):
            out.append((m, pad, r))
    return out


def _pad(path, plan, eigen):
    waarden = {
        "beschikking_id": "b1" if eigen else "b2",
        "overeenkomst_id": "o1" if eigen else "o2",
        "plan_id": plan["plan"],
        "vordering_id": plan["vordering"] if eigen else "onbekend",
        "jaar": "2015",
        "declaratie_id": plan["declaratie"],
        "gebruiker_id": plan["gebruiker"] if eigen else "onbekend",
    }
    onbekend = set(re.findall(r"{(\w+)}", path)) - waarden.keys()
    assert not onbekend, f"fill {onbekend} in {path}"
    return re.sub(r"{(\w+)}", lambda m: waarden[m.group(1)], path)


def _login(c, rol):
    c.get("/inloggen")
    csrf = c.cookies  # the session cookie is set; the CSRF token is on the page
    pagina = c.get("/inloggen").text
    token = re.search(r'name="csrf" value="([^"]+)"', pagina).group(1)
    r = c.post(
        "/inloggen", data={"gebruikersnaam": rol, "wachtwoord": WACHTWOORD, "csrf": token}, follow_redirects=False
    )
    assert r.status_code == 303, r.text
    del csrf
    return re.search(r'name="csrf" value="([^"]+)"', c.get("/").text).group(1)


def _client(app, rol):
    c = TestClient(app)
    return c, _login(c, rol)


def test_every_route_and_role(wereld):
    app, tokens, plan = wereld
    routes = _routes(app)
    ingelogd: dict[str, tuple[TestClient, str]] = {}
    assert len(routes) > 15
    for methode, pad, route in routes:
        gate = declared_gate(route)
        assert gate is not None, f"{methode} {pad} declares no gate"
        if isinstance(gate, Public) or pad.startswith(("/static", "/api/openapi", "/api/docs")):
            continue
        assert isinstance(gate, Roles)
        api = pad.startswith("/api")
        with TestClient(app) as anoniem:
            r = anoniem.request(
                methode, _pad(pad, plan, True), json={} if methode == "POST" and api else None, follow_redirects=False
            )
            assert r.status_code in ((401,) if api else (303, 403)), (methode, pad, r.status_code)
        for rol in ROLLEN:
            c, csrf = ingelogd[rol] if rol in ingelogd else ingelogd.setdefault(rol, _client(app, rol))
            if pad == "/uitloggen":  # ends every session of the account: log in again afterwards
                c, csrf = _client(app, rol)
                ingelogd.pop(rol)
            if True:
                kwargs = {}
                if api:
                    kwargs["headers"] = {"Authorization": f"Bearer {tokens[rol]}"}
                    if methode == "POST":
                        kwargs["json"] = {}
                elif methode == "POST":
                    kwargs["data"] = {"csrf": csrf}
                eigen = c.request(methode, _pad(pad, plan, True), follow_redirects=False, **kwargs)
                if rol in gate.roles:
                    assert eigen.status_code not in (401, 403, 404), (
                        methode,
                        pad,
                        rol,
                        eigen.status_code,
                        eigen.text[:200],
                    )
                    if rol != services.BEOORDELAAR and "{" in pad and "plan_id" not in pad and "jaar" not in pad:
                        ander = c.request(methode, _pad(pad, plan, False), follow_redirects=False, **kwargs)
                        assert ander.status_code in (404, 422), (methode, pad, rol, ander.status_code)
                else:
                    assert eigen.status_code in (401, 403, 404), (methode, pad, rol, eigen.status_code)


def test_api_flow_and_dutch_errors_naming_the_field(wereld):
    app, tokens, _ = wereld
    zk = {"Authorization": f"Bearer {tokens['beoordelaar']}"}
    zv = {"Authorization": f"Bearer {tokens['zorgverlener']}"}
    with TestClient(app) as c:
        r = c.post(
            "/api/beschikkingen",
            headers=zk,
            json={
                "beschikking_id": "b9",
                "client_id": "bh9",
                "zorgprofiel": "VG5",
                "van": "2024-01-01",
                "tot": "2024-12-31",
                "gewaarborgde_hulp": "ouder",
            },
        )
        assert r.status_code == 422 and r.json()["detail"][0]["loc"][-1] == "bedrag"
        r = c.post("/api/zorgovereenkomsten/o1/beoordeling", headers=zk, json={"goedkeuren": True, "reden": "akkoord"})
        assert r.status_code == 200
        r = c.post(
            "/api/zorgovereenkomsten/o1/declaraties",
            headers=zv,
            json={"van": "2015-02-02", "tot": "2015-02-08", "uren": 45, "bedrag": 100},
        )
        assert (
            r.status_code == 422
            and r.json()["detail"][0]["loc"][-1] == "uren"
            and "40 uur" in r.json()["detail"][0]["msg"]
        )
        r = c.post(
            "/api/zorgovereenkomsten/o1/declaraties",
            headers=zv,
            json={"van": "2015-02-02", "tot": "2015-02-08", "uren": 10, "bedrag": 500, "ingediend_op": "2015-02-10"},
        )
        assert r.json() == {
            "betaald": True,
            "bedrag": 500.0,
            "uiterlijk": "2015-03-12",
            "reden": "",
            "regel": "Rlz art. 5.23, lid 3",
        }
        assert c.get("/api/beschikkingen/b1", headers=zv).json()["grootboek"]["betaald"] == 500.0
        r = c.post(
            "/api/declaraties/batch",
            headers=zk,
            json={
                "regels": [
                    {
                        "overeenkomst_id": "o1",
                        "van": "2015-02-09",
                        "tot": "2015-02-15",
                        "uren": 10,
                        "bedrag": 500,
                        "ingediend_op": "2015-02-16",
                    },
                    {
                        "overeenkomst_id": "o1",
                        "van": "2015-02-09",
                        "tot": "2015-02-15",
                        "uren": 31,
                        "bedrag": 5,
                        "ingediend_op": "2015-02-16",
                    },
                ]
            },
        )
        assert r.status_code == 200, r.text
        uit = r.json()
        assert (uit["aantal"], uit["betaald"], uit["fout"]) == (2, 1, 1)
        assert uit["niet_betaald"][0]["veld"] == "uren" and "40 uur" in uit["niet_betaald"][0]["reden"]
        assert c.get("/api/beschikkingen/b1", headers=zv).json()["grootboek"]["betaald"] == 1000.0
        exp = c.get("/api/export/pgb/2015", headers=zk).json()
        assert [(x["client_id"], x["zzp_code"]) for x in exp] == [("bh1", "808"), ("bh2", "808")]


def test_pages_and_letter(wereld):
    app, _, _ = wereld
    with TestClient(app) as c:
        csrf = _login(c, "beoordelaar")
        r = c.post(
            "/zorgovereenkomsten/o1/beoordeling",
            data={"csrf": csrf, "besluit": "goedkeuren", "reden": "volgens model", "beschikking_id": "b1"},
            follow_redirects=False,
        )
        assert r.status_code == 303
        pagina = c.get("/dossiers/b1").text
        assert "Gereserveerd voor zorgovereenkomsten" in pagina and "goedgekeurd" in pagina
        brief = c.get("/dossiers/b1/brief").text
        assert "bezwaar" in brief and "volgens model" in brief and "nooit geld op uw eigen rekening" in brief
        pdf = c.get("/dossiers/b1/brief.pdf")
        assert pdf.headers["content-type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    with TestClient(app) as c:
        csrf = _login(c, "budgethouder")
        r = c.post(
            "/dossiers/b1/zorgovereenkomsten",
            data={
                "csrf": csrf,
                "zorgverlener_id": "zv3",
                "functie": "begeleiding",
                "zorgbeschrijving": "x",
                "uren_per_week": "8",
                "uurtarief": "50",
                "van": "2015-01-01",
                "tot": "2015-06-30",
            },
        )
        assert r.status_code == 422 and "derdenbeding" in r.text


def test_payment_correction_by_page_and_api(wereld):
    """Issue 13 (d): the beoordelaar reverses a payment with a reason; the amount goes back into the reservation."""
    app, tokens, ids = wereld
    zk = {"Authorization": f"Bearer {tokens['beoordelaar']}"}
    with TestClient(app) as c:
        voor = c.get("/api/beschikkingen/b2", headers=zk).json()["grootboek"]
        assert voor["betaald"] == 500.0
        r = c.post(f"/api/declaraties/{ids['declaratie']}/correctie", headers=zk, json={"reden": ""})
        assert r.status_code == 422 and "reden" in r.text
        r = c.post(f"/api/declaraties/{ids['declaratie']}/correctie", headers=zk, json={"reden": "dubbel betaald"})
        assert r.status_code == 200
        na = c.get("/api/beschikkingen/b2", headers=zk).json()
        assert na["grootboek"]["betaald"] == 0.0
        assert na["grootboek"]["gereserveerd"] == voor["gereserveerd"] + 500.0
        assert na["declaraties"][0]["reden"] == "gecorrigeerd: dubbel betaald"
        # a second correction is refused, naming the field (the page says the same)
        csrf = _login(c, "beoordelaar")
        r = c.post(
            f"/declaraties/{ids['declaratie']}/correctie",
            data={"csrf": csrf, "reden": "nogmaals", "beschikking_id": "b2"},
        )
        assert r.status_code == 422 and "niet betaald" in r.text
    assert services.controleer_grootboek(app.state.uow) == []


def test_account_management_ends_sessions_and_is_logged(wereld):
    """Issue 13 (d): a beheerder creates an account, changes its role and deactivates it; each change ends that
    account's sessions (the session version) and its API tokens; every action has an access-log line."""
    app, tokens, _ = wereld
    beheer = {"Authorization": f"Bearer {tokens['beheerder']}"}
    with TestClient(app) as c:
        r = c.post(
            "/api/gebruikers",
            headers=beheer,
            json={"gebruikersnaam": "nieuw", "naam": "Nieuw", "rol": "budgethouder", "wachtwoord": WACHTWOORD},
        )
        assert r.status_code == 422 and "budgethouder_id" in r.text
        r = c.post(
            "/api/gebruikers",
            headers=beheer,
            json={
                "gebruikersnaam": "nieuw",
                "naam": "Nieuw",
                "rol": "budgethouder",
                "wachtwoord": WACHTWOORD,
                "budgethouder_id": "bh1",
            },
        )
        assert r.status_code == 201
        gid = r.json()["id"]
        assert c.get("/api/gebruikers", headers={"Authorization": f"Bearer {tokens['beoordelaar']}"}).status_code == 403
        lijst = c.get("/api/gebruikers", headers=beheer).json()
        assert {"nieuw", "beheerder"} <= {g["gebruikersnaam"] for g in lijst}
        assert all("wachtwoord_hash" not in g for g in lijst)
    # the new account logs in and sees its file; a role change ends that session
    with TestClient(app) as nieuw:
        nieuw.get("/inloggen")
        token = re.search(r'name="csrf" value="([^"]+)"', nieuw.get("/inloggen").text).group(1)
        nieuw.post("/inloggen", data={"gebruikersnaam": "nieuw", "wachtwoord": WACHTWOORD, "csrf": token})
        assert nieuw.get("/dossiers/b1").status_code == 200
        with TestClient(app) as c:
            csrf = _login(c, "beheerder")
            r = c.post(f"/gebruikers/{gid}/rol", data={"csrf": csrf, "rol": "zorgverlener", "zorgverlener_id": "zv1"})
            assert r.status_code == 200 and "Rol gewijzigd" in r.text
        r = nieuw.get("/dossiers/b1", follow_redirects=False)
        assert r.status_code in (303, 401)  # the session ended: back to the login page
        nieuw.get("/inloggen")
        token = re.search(r'name="csrf" value="([^"]+)"', nieuw.get("/inloggen").text).group(1)
        nieuw.post("/inloggen", data={"gebruikersnaam": "nieuw", "wachtwoord": WACHTWOORD, "csrf": token})
        assert "(zorgverlener)" in nieuw.get("/").text
        with TestClient(app) as c:
            r = c.post(f"/api/gebruikers/{gid}/deactiveren", headers=beheer)
            assert r.status_code == 200
            # own account: refused, naming the field
            eigen = services.actor_voor_token(app.state.uow, tokens["beheerder"])
            r = c.post(f"/api/gebruikers/{eigen.gebruiker_id}/deactiveren", headers=beheer)
            assert r.status_code == 422 and "gebruiker_id" in r.text
        assert nieuw.get("/", follow_redirects=False).status_code in (303, 401)
        assert (
            services.inloggen(app.state.uow, "nieuw", WACHTWOORD, "testclient", app.state.settings.login_policy())
            is None
        )
    from wlz.pgb.storage import orm

    with app.state.uow() as uow:
        regels = [
            r[0]
            for r in uow.session.execute(
                sa.select(orm.toegangslog.c.onderwerp).where(orm.toegangslog.c.gebruikersnaam == "beheerder")
            )
        ]
    assert any(x.startswith(f"gebruiker {gid} (budgethouder)") for x in regels)
    assert f"gebruiker {gid}: rol zorgverlener" in regels and f"gebruiker {gid}: gedeactiveerd" in regels


def test_letters_for_the_vaststelling_and_a_vordering(wereld):
    """Issue 13 (c): Dutch letters, HTML and PDF, for the vaststelling (after it) and for a vordering (to its
    debtor: the beoordelaar, the budgethouder of the file, the zorgverlener only for a vordering on itself)."""
    app, _, ids = wereld
    with TestClient(app) as c:
        csrf = _login(c, "beoordelaar")
        r = c.get("/dossiers/b2/vaststelling-brief")
        assert r.status_code == 422 and "nog niet vastgesteld" in r.text
        services.stel_vast(app.state.uow, BEOORDELAAR, "b2", vandaag=dt.date(2016, 1, 5))
        brief = c.get("/dossiers/b2/vaststelling-brief").text
        # paid EUR 500; 2015: verantwoordingsvrij 1,5 % of the budget within EUR 250-1.250 (Rlz art. 5.17)
        assert "Vaststelling van uw persoonsgebonden budget 2015" in brief
        assert "€ 500,00" in brief and "Rlz art. 5.17, lid 3" in brief and "bezwaar" in brief
        assert "5.21" in brief
        pdf = c.get("/dossiers/b2/vaststelling-brief.pdf")
        assert pdf.headers["content-type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
        vb = c.get(f"/vorderingen/{ids['vordering']}/brief").text
        assert "Terugvordering persoonsgebonden budget" in vb and "€ 1,00" in vb and "derdenbeding" in vb
        assert c.get(f"/vorderingen/{ids['vordering']}/brief.pdf").content.startswith(b"%PDF")
        del csrf
    with TestClient(app) as c:
        _login(c, "zorgverlener")  # zv1: the debtor of this vordering
        assert c.get(f"/vorderingen/{ids['vordering']}/brief").status_code == 200
        assert c.get("/dossiers/b2/vaststelling-brief").status_code == 403
    with TestClient(app) as c:
        _login(c, "budgethouder")  # bh1: the vordering is on its file; b2 is not its file
        assert c.get(f"/vorderingen/{ids['vordering']}/brief").status_code == 200
        assert c.get("/dossiers/b2/vaststelling-brief").status_code == 404
