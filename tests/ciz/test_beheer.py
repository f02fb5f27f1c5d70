"""The beheerder's account page (create, change role, place in a team, deactivate) and the revocation of CIZ
sessions through the platform's session version: deactivation, role change, password change and logout end
every session of the account, also a copied cookie."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from .conftest import WACHTWOORD, _csrf, login

NIEUW = "nieuw-wachtwoord-123"


def _inloggen(w, naam: str, wachtwoord: str) -> tuple[TestClient, int]:
    c = TestClient(w.ciz.app)
    r = c.post(
        "/inloggen",
        data={"csrf": _csrf(c, "/inloggen"), "gebruikersnaam": naam, "wachtwoord": wachtwoord},
        follow_redirects=False,
    )
    return c, r.status_code


def _binnen(c: TestClient, pad: str) -> bool:
    return c.get(pad, follow_redirects=False).status_code == 200


def _kopie(c: TestClient, w) -> TestClient:
    """Another browser with the same session cookie."""
    k = TestClient(w.ciz.app)
    k.cookies.update(c.cookies)
    return k


def _gebruiker_id(beheer: TestClient, naam: str) -> str:
    pagina = beheer.get("/beheer/gebruikers").text
    rij = re.search(rf'data-naam="{naam}">.*?</tr>', pagina, re.S).group(0)
    return re.search(r"/beheer/gebruikers/([0-9a-f]+)/rol", rij).group(1)


def _maak(beheer: TestClient, gebruikersnaam: str, rol: str = "indicatiesteller", **kw):
    data = {
        "csrf": _csrf(beheer, "/beheer/gebruikers"),
        "gebruikersnaam": gebruikersnaam,
        "naam": gebruikersnaam.title(),
        "rol": rol,
        "wachtwoord": WACHTWOORD,
        "eenheid": "Oost",
        "team": "team 2",
        **kw,
    }
    return beheer.post("/beheer/gebruikers", data=data, follow_redirects=False)


def test_the_beheerder_creates_an_account_in_a_team(wereld):
    w = wereld
    beheer = login(w, "beheerder")
    assert _maak(beheer, "ans").status_code == 303
    pagina = beheer.get("/beheer/gebruikers").text
    assert re.search(r'data-naam="ans">.*?Oost / team 2', pagina, re.S)
    ans, status = _inloggen(w, "ans", WACHTWOORD)
    assert status == 303 and _binnen(ans, "/werkvoorraad")
    # bad input: Dutch, naming the field; nothing written
    for kw, woord in [
        ({"wachtwoord": "kort"}, "minstens 12 tekens"),
        ({"rol": "systeem"}, "Kies indicatiesteller"),
        ({"team": ""}, "naam van het team"),
        ({"naam": " "}, "Vul de naam in"),
    ]:
        r = _maak(beheer, "piet", **kw)
        assert r.status_code == 422 and woord in r.text, kw
    assert _maak(beheer, "ans").status_code == 422  # the name exists
    assert 'data-naam="piet"' not in beheer.get("/beheer/gebruikers").text
    # an indicatiesteller has no access to the page
    assert ans.get("/beheer/gebruikers", follow_redirects=False).status_code == 403


def test_a_role_change_ends_the_sessions_of_the_account(wereld):
    w = wereld
    beheer = login(w, "beheerder")
    _maak(beheer, "bert")
    bert, _ = _inloggen(w, "bert", WACHTWOORD)
    kopie = _kopie(bert, w)
    assert _binnen(bert, "/werkvoorraad") and _binnen(kopie, "/werkvoorraad")
    gid = _gebruiker_id(beheer, "bert")
    r = beheer.post(
        f"/beheer/gebruikers/{gid}/rol",
        data={"csrf": _csrf(beheer, "/beheer/gebruikers"), "rol": "kwaliteitstoetser"},
        follow_redirects=False,
    )
    assert r.status_code == 303
    # both browsers are sent to the login page, also for a page the new role could see
    for c in (bert, kopie):
        r = c.get("/dashboard", follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/inloggen"
    bert, _ = _inloggen(w, "bert", WACHTWOORD)
    assert _binnen(bert, "/kwaliteit") and not _binnen(bert, "/werkvoorraad")
    # the beheerder cannot change their own role
    eigen = _gebruiker_id_eigen(beheer, w)
    r = beheer.post(f"/beheer/gebruikers/{eigen}/rol", data={"csrf": _csrf(beheer, "/beheer/gebruikers"), "rol": "x"})
    assert r.status_code == 422


def _gebruiker_id_eigen(beheer: TestClient, w) -> str:
    with w.ciz.app.state.uow() as uow:
        return uow.gebruikers.met_naam("beheerder").id


def test_deactivation_ends_sessions_login_and_api_tokens(wereld):
    w = wereld
    beheer = login(w, "beheerder")
    steller = login(w, "indicatiesteller")
    assert _binnen(steller, "/werkvoorraad")
    api = {"Authorization": f"Bearer {w.tokens['indicatiesteller']}"}
    assert w.ciz.get("/api/werkvoorraad", headers=api).status_code == 200
    gid = _gebruiker_id(beheer, "indicatiesteller")
    r = beheer.post(
        f"/beheer/gebruikers/{gid}/deactiveren",
        data={"csrf": _csrf(beheer, "/beheer/gebruikers")},
        follow_redirects=False,
    )
    assert r.status_code == 303
    assert steller.get("/werkvoorraad", follow_redirects=False).status_code == 303
    assert _inloggen(w, "indicatiesteller", WACHTWOORD)[1] == 401
    assert w.ciz.get("/api/werkvoorraad", headers=api).status_code == 401
    assert re.search(r'data-naam="indicatiesteller">.*?<td>nee</td>', beheer.get("/beheer/gebruikers").text, re.S)
    eigen = _gebruiker_id_eigen(beheer, w)
    r = beheer.post(f"/beheer/gebruikers/{eigen}/deactiveren", data={"csrf": _csrf(beheer, "/beheer/gebruikers")})
    assert r.status_code == 422


def test_a_password_change_and_logout_end_every_session(wereld):
    w = wereld
    eerste = login(w, "kwaliteitstoetser")
    tweede = login(w, "kwaliteitstoetser")
    assert _binnen(eerste, "/kwaliteit") and _binnen(tweede, "/kwaliteit")

    def wijzig(c, huidig, nieuw, herhaal=None):
        data = {"csrf": _csrf(c, "/wachtwoord"), "huidig": huidig, "nieuw": nieuw, "herhaal": herhaal or nieuw}
        return c.post("/wachtwoord", data=data, follow_redirects=False)

    assert wijzig(eerste, "fout-wachtwoord-00", NIEUW).status_code == 422
    assert wijzig(eerste, WACHTWOORD, "kort").status_code == 422
    assert wijzig(eerste, WACHTWOORD, NIEUW, "anders-wachtwoord-1").status_code == 422
    assert _binnen(tweede, "/kwaliteit")  # nothing changed yet
    assert wijzig(eerste, WACHTWOORD, NIEUW).status_code == 303
    assert not _binnen(eerste, "/kwaliteit") and not _binnen(tweede, "/kwaliteit")
    assert _inloggen(w, "kwaliteitstoetser", WACHTWOORD)[1] == 401
    c, status = _inloggen(w, "kwaliteitstoetser", NIEUW)
    assert status == 303 and _binnen(c, "/kwaliteit")
    # logging out in one browser ends the copied session as well
    kopie = _kopie(c, w)
    assert _binnen(kopie, "/kwaliteit")
    assert c.post("/uitloggen", data={"csrf": _csrf(c, "/kwaliteit")}, follow_redirects=False).status_code == 303
    assert not _binnen(kopie, "/kwaliteit")
