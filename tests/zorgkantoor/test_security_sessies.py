"""Sessions end on the server, logins are throttled, administrative actions are audited and
a person's API token is made by that person only. Each test failed on the code before the fix."""

from __future__ import annotations

import dataclasses
import time

import pytest
from fastapi.testclient import TestClient

from wlz.platform import sessions
from wlz.platform.access_log import Toegangsregel
from wlz.zorgkantoor.domain.fouten import AccessDenied
from wlz.zorgkantoor.services import auth

from .flow import api_headers
from .helpers import WACHTWOORD, bouw_wereld, csrf_van, web_client

pytestmark = pytest.mark.postgres


def _copy(c: TestClient, w) -> TestClient:
    """A second browser holding a copy of ``c``'s session cookie (as an attacker who copied it)."""
    kopie = TestClient(w.app, follow_redirects=False)
    kopie.cookies.set(sessions.COOKIE, c.cookies.get(sessions.COOKIE))
    return kopie


def test_logout_ends_a_copied_session(engine):
    w = bouw_wereld(engine)
    beheer = web_client(w, "beheerder")
    kopie = _copy(beheer, w)
    assert kopie.get("/beheer/gebruikers").status_code == 200
    assert beheer.post("/uitloggen", data={"csrf": csrf_van(beheer)}).status_code == 303
    r = kopie.get("/beheer/gebruikers")
    assert r.status_code == 303 and r.headers["location"] == "/inloggen"


@pytest.mark.parametrize("wijziging", ["wachtwoord", "uitschakelen", "rol"])
def test_password_change_deactivation_and_role_change_end_every_session(engine, wijziging):
    w = bouw_wereld(engine)
    beoordelaar = web_client(w, "beoordelaar")
    tweede = web_client(w, "beoordelaar")  # a second device
    assert tweede.get("/werkvoorraad").status_code == 200
    if wijziging == "wachtwoord":
        r = beoordelaar.post(
            "/account/wachtwoord",
            data={"csrf": csrf_van(beoordelaar), "huidig": WACHTWOORD, "nieuw": "een-nieuw-wachtwoord"},
        )
        assert r.status_code == 303, r.text
    else:
        beheer = web_client(w, "beheerder")
        doel = w.gebruikers["beoordelaar"]
        pad = f"/beheer/gebruikers/{doel}/" + ("uitschakelen" if wijziging == "uitschakelen" else "rol")
        r = beheer.post(pad, data={"csrf": csrf_van(beheer), "rol": "beheerder"})
        assert r.status_code == 303, r.text
    r = tweede.get("/werkvoorraad")
    assert r.status_code == 303 and r.headers["location"] == "/inloggen"


def test_idle_timeout_and_absolute_lifetime(engine):
    w = bouw_wereld(engine)
    w.app.state.settings = dataclasses.replace(w.app.state.settings, session_idle_minutes=30, session_max_hours=8)
    c = web_client(w, "beoordelaar")
    assert c.get("/werkvoorraad").status_code == 200
    echt = time.time
    try:
        time.time = lambda: echt() + 31 * 60  # 31 minutes without a request
        assert c.get("/werkvoorraad").status_code == 303
    finally:
        time.time = echt
    c = web_client(w, "beoordelaar")
    try:
        for minuten in range(20, 8 * 60 + 20, 20):  # active every 20 minutes, past the 8 hours
            time.time = lambda m=minuten: echt() + m * 60
            r = c.get("/werkvoorraad")
            if r.status_code == 303:
                break
        assert minuten > 8 * 60 - 20 and r.status_code == 303
    finally:
        time.time = echt


def _log(w, actie: str) -> list[Toegangsregel]:
    with w.app.state.uow() as uow:
        return [r for r in uow.toegangslog.search(limit=1000) if r.actie == actie]


def _login(c: TestClient, naam: str, wachtwoord: str):
    return c.post("/inloggen", data={"gebruikersnaam": naam, "wachtwoord": wachtwoord, "csrf": csrf_van(c)})


def test_login_is_throttled_per_account_and_every_attempt_is_logged(engine):
    w = bouw_wereld(engine)
    c = TestClient(w.app, follow_redirects=False)
    antwoorden = {_login(c, "beoordelaar", f"fout-wachtwoord-{i}").text for i in range(5)}
    onbekend = _login(c, "bestaat-niet", "fout-wachtwoord-x")
    assert onbekend.status_code == 401 and "Onbekende gebruikersnaam of onjuist wachtwoord" in onbekend.text
    assert len(antwoorden) == 1  # the same answer every time
    r = _login(c, "beoordelaar", WACHTWOORD)  # the right password, but locked now
    assert r.status_code == 429 and "Te veel mislukte pogingen" in r.text
    mislukt = _log(w, "inloggen-mislukt")
    assert len(mislukt) == 6 and {r.gebruikersnaam for r in mislukt} == {"beoordelaar", "bestaat-niet"}
    assert len(_log(w, "inloggen-geblokkeerd")) == 1
    for regel in mislukt:
        assert "wachtwoord" not in regel.onderwerp and regel.onderwerp.startswith("inlogpoging vanaf ")


def test_login_is_throttled_per_client_address(engine):
    w = bouw_wereld(engine)
    w.app.state.settings = dataclasses.replace(w.app.state.settings, login_max_failures_per_address=3)
    c = TestClient(w.app, follow_redirects=False)
    for i in range(3):
        assert _login(c, f"naam-{i}", "fout-wachtwoord").status_code == 401
    assert _login(c, "beheerder", WACHTWOORD).status_code == 429


def test_a_bsn_typed_as_user_name_is_not_logged(engine):
    w = bouw_wereld(engine)
    c = TestClient(w.app, follow_redirects=False)
    _login(c, w.bsn_a, "fout-wachtwoord")
    regels = _log(w, "inloggen-mislukt")
    assert regels and all(w.bsn_a not in (r.gebruikersnaam + r.onderwerp) for r in regels)


def test_administrative_actions_are_in_the_access_log(engine):
    w = bouw_wereld(engine)
    beheer = web_client(w, "beheerder")
    r = beheer.post(
        "/beheer/gebruikers",
        data={"csrf": csrf_van(beheer), "gebruikersnaam": "koppeling-x", "naam": "Koppeling X", "rol": "beoordelaar"},
    )
    assert r.status_code == 303, r.text
    with w.app.state.uow() as uow:
        systeem = uow.gebruikers.met_naam("koppeling-x")
        assert systeem.service_account
    r = beheer.post(f"/beheer/gebruikers/{systeem.id}/tokens", data={"csrf": csrf_van(beheer), "naam": "k"})
    assert r.status_code == 303, r.text
    with w.app.state.uow() as uow:
        (token,) = uow.tokens.van_gebruiker(systeem.id)
        assert token.aangemaakt_door == w.gebruikers["beheerder"]
    beheer.post(f"/beheer/tokens/{token.id}/intrekken", data={"csrf": csrf_van(beheer)})
    for actie, woord in (
        ("aanmaken", "koppeling-x"),
        ("token maken", "koppeling-x"),
        ("token intrekken", "koppeling-x"),
    ):
        (regel,) = [r for r in _log(w, actie) if woord in r.onderwerp]
        assert regel.gebruikersnaam == "beheerder" and regel.gebruiker_id == w.gebruikers["beheerder"]


def test_a_beheerder_cannot_mint_a_token_for_a_persons_account(engine):
    w = bouw_wereld(engine)
    beheer = web_client(w, "beheerder")
    r = beheer.post(
        f"/beheer/gebruikers/{w.gebruikers['beoordelaar']}/tokens", data={"csrf": csrf_van(beheer), "naam": "x"}
    )
    assert r.status_code == 303 and "fout" in r.headers["location"] or r.status_code == 403
    with w.app.state.uow() as uow:
        assert len(uow.tokens.van_gebruiker(w.gebruikers["beoordelaar"])) == 1  # only the one the test set up
        beheerder = auth.actor_voor_gebruiker(uow, w.gebruikers["beheerder"])
        with pytest.raises(AccessDenied):
            auth.maak_token(uow, beheerder, w.gebruikers["beoordelaar"], "als een ander")
    # the person makes their own, and it works
    zelf = web_client(w, "beoordelaar")
    assert zelf.post("/account/tokens", data={"csrf": csrf_van(zelf), "naam": "eigen"}).status_code == 303
    token = zelf.get("/account").text.split("<code>")[1].split("</code>")[0]
    assert TestClient(w.app).get("/api/aanvragen", headers=api_headers(token)).status_code == 200
