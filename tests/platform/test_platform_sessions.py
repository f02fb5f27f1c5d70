"""The login session: a new session at login, the cookie's attributes, the idle and absolute lifetime, and the
account's session version that revokes every session of the account (``wlz.platform.sessions``)."""

from __future__ import annotations

import time

from fastapi.testclient import TestClient
from test_platform_app import ACCOUNTS, Actor, _app

from wlz.platform import sessions


def _login(c: TestClient) -> None:
    csrf = c.get("/inloggen").text
    assert c.post("/inloggen", data={"csrf": csrf}).text == "ingelogd"


def test_login_makes_a_new_http_only_same_site_cookie():
    c = TestClient(_app(), follow_redirects=False)
    c.get("/inloggen")
    voor = c.cookies.get(sessions.COOKIE)
    _login(c)
    r = c.get("/csrf")
    assert r.status_code == 200
    assert c.cookies.get(sessions.COOKIE) != voor
    cookie = next(h for h in r.headers.get_list("set-cookie") if h.startswith(sessions.COOKIE))
    assert "httponly" in cookie.lower() and "samesite=lax" in cookie.lower()


def test_a_raised_session_version_ends_the_session():
    c = TestClient(_app(), follow_redirects=False)
    _login(c)
    assert c.get("/csrf").status_code == 200
    ACCOUNTS["u1"] = Actor("u1", "medewerker", session_version=1)  # e.g. logged out elsewhere
    try:
        assert c.get("/csrf").status_code == 303
    finally:
        ACCOUNTS["u1"] = Actor("u1", "medewerker")


def test_the_idle_timeout_counts_from_the_last_request():
    c = TestClient(_app(), follow_redirects=False)
    _login(c)
    echt = time.time
    try:
        time.time = lambda: echt() + 29 * 60
        assert c.get("/csrf").status_code == 200  # 29 minutes: still in, and the clock restarts
        time.time = lambda: echt() + 58 * 60
        assert c.get("/csrf").status_code == 200
        time.time = lambda: echt() + 89 * 60
        assert c.get("/csrf").status_code == 303  # 31 minutes since the last request
    finally:
        time.time = echt
