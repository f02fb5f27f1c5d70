"""Every route of the CIZ app × every role: who gets in, who is sent to log in, who is refused; every route
declares its gate. The zorgkantoor and the CIZ keep separate databases and accounts: a zorgkantoor token opens
nothing at the CIZ, a CIZ token nothing at the zorgkantoor, and the CIZ's assessment tables are not in the
zorgkantoor's database."""

from __future__ import annotations

import sqlalchemy as sa
from fastapi.testclient import TestClient

from wlz.platform.gates import Public, Roles, all_routes, declared_gate

from .conftest import dien_in, login

#: path -> roles allowed (pages and API); Public routes are open to all
VERWACHT = {
    "/werkvoorraad": {"indicatiesteller"},
    "/aanvragen/{aanvraag_id}": {"indicatiesteller", "kwaliteitstoetser"},
    "/aanvragen/{aanvraag_id}/beoordeling": {"indicatiesteller"},
    "/aanvragen/{aanvraag_id}/besluit": {"indicatiesteller"},
    "/aanvragen/{aanvraag_id}/herziening": {"indicatiesteller", "kwaliteitstoetser"},
    "/aanvragen/{aanvraag_id}/maatwerk": {"indicatiesteller"},
    "/aanvragen/{aanvraag_id}/berichten/{bericht_id}/verstuur": {"indicatiesteller"},
    "/api/maatwerk": {"indicatiesteller", "kwaliteitstoetser", "systeem"},
    "/aanvragen/{aanvraag_id}/brief": {"indicatiesteller", "kwaliteitstoetser"},
    "/aanvragen/{aanvraag_id}/bijlagen/{bijlage_id}": {"indicatiesteller", "kwaliteitstoetser"},
    "/aanvragen/{aanvraag_id}/brief.pdf": {"indicatiesteller", "kwaliteitstoetser"},
    "/dashboard": {"indicatiesteller", "kwaliteitstoetser"},
    "/dashboard/stand-van-zaken.csv": {"indicatiesteller", "kwaliteitstoetser"},
    "/dashboard/stand-van-zaken": {"indicatiesteller", "kwaliteitstoetser"},
    "/dashboard/stand-van-zaken.pdf": {"indicatiesteller", "kwaliteitstoetser"},
    "/aanvragen/{aanvraag_id}/opschorting": {"indicatiesteller"},
    "/aanvragen/{aanvraag_id}/opschortingen/{opschorting_id}/aangevuld": {"indicatiesteller"},
    "/aanvragen/{aanvraag_id}/intrekking": {"indicatiesteller"},
    "/aanvragen/{aanvraag_id}/opschortingen/{opschorting_id}/brief": {"indicatiesteller", "kwaliteitstoetser"},
    "/aanvragen/{aanvraag_id}/opschortingen/{opschorting_id}/brief.pdf": {"indicatiesteller", "kwaliteitstoetser"},
    "/aanvragen/{aanvraag_id}/intrekking/brief": {"indicatiesteller", "kwaliteitstoetser"},
    "/aanvragen/{aanvraag_id}/intrekking/brief.pdf": {"indicatiesteller", "kwaliteitstoetser"},
    "/uitloggen": {"indicatiesteller", "kwaliteitstoetser", "beheerder"},
    "/wachtwoord": {"indicatiesteller", "kwaliteitstoetser", "beheerder"},
    "/beheer/gebruikers": {"beheerder"},
    "/beheer/gebruikers/{gebruiker_id}/rol": {"beheerder"},
    "/beheer/gebruikers/{gebruiker_id}/deactiveren": {"beheerder"},
    "/beheer/gebruikers/{gebruiker_id}/team": {"beheerder"},
    "/kwaliteit": {"kwaliteitstoetser"},
    "/kwaliteit/steekproef": {"kwaliteitstoetser"},
    "/kwaliteit/{toetsing_id}": {"kwaliteitstoetser"},
    "/api/werkvoorraad": {"indicatiesteller", "systeem"},
    "/api/aanvragen/{aanvraag_id}": {"indicatiesteller", "kwaliteitstoetser"},
    "/api/dashboard": {"indicatiesteller", "kwaliteitstoetser"},
}
PUBLIEK = {"/", "/aanvragen/nieuw", "/inloggen"}
ROLLEN = ("indicatiesteller", "kwaliteitstoetser", "beheerder", "systeem")
#: routes answering GET and POST (the page and its form): both are walked
GET_EN_POST = {"/wachtwoord", "/beheer/gebruikers"}


def test_every_route_declares_the_expected_gate(wereld):
    gevonden = {}
    for pad, route in all_routes(wereld.ciz.app):
        if pad.startswith(("/api/openapi", "/api/docs", "/static")):
            continue
        gate = declared_gate(route)
        assert gate is not None, pad
        gevonden[pad] = gate
    for pad, gate in gevonden.items():
        if pad in PUBLIEK:
            assert isinstance(gate, Public), pad
        else:
            assert isinstance(gate, Roles) and set(gate.roles) == VERWACHT[pad], pad
    assert set(gevonden) == PUBLIEK | set(VERWACHT)


def test_every_route_by_every_role(wereld):
    w = wereld
    nummer = dien_in(w.ciz, seed=21)
    aid = next(
        a["id"]
        for a in w.ciz.get("/api/werkvoorraad", headers={"Authorization": f"Bearer {w.tokens['systeem']}"}).json()
        if a["ontvangstnummer"] == nummer
    )
    pages = {rol: login(w, rol) for rol in ("indicatiesteller", "kwaliteitstoetser", "beheerder")}
    anoniem = TestClient(w.ciz.app)
    for pad, rollen in VERWACHT.items():
        url = (
            pad.replace("{aanvraag_id}", aid)
            .replace("{toetsing_id}", "onbekend")
            .replace("{bijlage_id}", "onbekend")
            .replace("{bericht_id}", "onbekend")
            .replace("{opschorting_id}", "onbekend")
            .replace("{gebruiker_id}", "onbekend")
        )
        if "stand-van-zaken" in pad:
            url += "?jaar=2018&week=9"
        methode = (
            "post"
            if pad.endswith(
                (
                    "/beoordeling",
                    "/besluit",
                    "/uitloggen",
                    "/steekproef",
                    "/{toetsing_id}",
                    "/herziening",
                    "/maatwerk",
                    "/verstuur",
                    "/opschorting",
                    "/aangevuld",
                    "/intrekking",
                    "/rol",
                    "/deactiveren",
                    "/team",
                )
            )
            else "get"
        )
        if pad in GET_EN_POST:
            for rol, c in pages.items():
                if rol not in rollen:
                    assert c.post(url, data={}, follow_redirects=False).status_code == 403, (pad, rol)
        if pad.startswith("/api/"):
            params = {"jaar": 2018, "week": 9} if pad == "/api/dashboard" else None
            assert anoniem.get(url, params=params).status_code == 401, pad
            for rol in ROLLEN:
                r = anoniem.get(url, params=params, headers={"Authorization": f"Bearer {w.tokens[rol]}"})
                assert (r.status_code == 200) == (rol in rollen), (pad, rol, r.status_code)
                assert r.status_code in (200, 403), (pad, rol)
            r = anoniem.get(url, params=params, headers={"Authorization": f"Bearer {w.zk_token}"})
            assert r.status_code == 401, pad  # the zorgkantoor's token is not a CIZ account
            continue
        r = getattr(anoniem, methode)(url, follow_redirects=False)
        assert r.status_code in (303, 403), (pad, r.status_code)
        if methode == "get":
            for rol, c in pages.items():
                r = c.get(url, follow_redirects=False)
                # a missing attachment, a letter of a withdrawal that did not happen: 404 for those allowed in
                binnen = r.status_code in (
                    (200, 404)
                    if "{bijlage_id}" in pad or "/intrekking/" in pad or "{opschorting_id}" in pad
                    else (200,)
                )
                assert binnen == (rol in rollen), (pad, rol, r.status_code)
        else:
            for rol, c in pages.items():
                if rol not in rollen:
                    assert c.post(url, data={}, follow_redirects=False).status_code == 403, (pad, rol)


def test_the_organisations_do_not_share_data_or_accounts(wereld, tmp_path):
    w = wereld
    # a CIZ token opens nothing at the zorgkantoor
    for rol in ROLLEN:
        r = w.zk.get("/api/clients", headers={"Authorization": f"Bearer {w.tokens[rol]}"})
        assert r.status_code == 401
    # the assessment lives only in the CIZ's database; the zorgkantoor's has no such table or column
    zk = sa.inspect(sa.create_engine(w.zk_url))
    assert "beoordeling_json" not in {c["name"] for t in zk.get_table_names() for c in zk.get_columns(t)}
    ciz = sa.inspect(sa.create_engine(w.ciz_url))
    assert "alembic_version_ciz" in ciz.get_table_names() and "zorgtoewijzingen" not in ciz.get_table_names()
    assert w.ciz_url != w.zk_url
