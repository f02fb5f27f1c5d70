"""Login throttling in every context that has a login (issue 9, item 2): the zorgkantoor, the CIZ and the pgb
administration all go through ``wlz.platform.login``. Per context, on its own database and app: 30 wrong
passwords, then the right one is refused while locked (429); an unknown name gets the same answer as a wrong
password; every failed and refused attempt is an access-log line without the password or a BSN; after the
window (set to a second here, not minutes) the right password works again. SQLite, and PostgreSQL with
``WLZ_TEST_DATABASE_URL``."""

from __future__ import annotations

import dataclasses
import os
import re
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

import pytest
import sqlalchemy as sa
from fastapi import FastAPI
from fastapi.testclient import TestClient

from wlz.bsn import synthetisch
from wlz.platform.database import make_engine

WACHTWOORD = "het-goede-wachtwoord-1"
FOUT = "fout-wachtwoord-x1"


def _zorgkantoor(url: str) -> FastAPI:
    from wlz.zorgkantoor.app import create_app
    from wlz.zorgkantoor.config import Settings
    from wlz.zorgkantoor.services import auth
    from wlz.zorgkantoor.services.actor import SYSTEEM
    from wlz.zorgkantoor.storage import migrate

    engine = make_engine(url)
    migrate.upgrade(engine)
    app = create_app(Settings(database_url=url, secret_key="k"), engine=engine)
    with app.state.uow(write=True) as uow:
        auth.maak_gebruiker(uow, SYSTEEM, gebruikersnaam="anna", naam="Anna", rol="beoordelaar", wachtwoord=WACHTWOORD)
        uow.commit()
    return app


def _ciz(url: str) -> FastAPI:
    from wlz.ciz.app import create_app
    from wlz.ciz.config import Settings
    from wlz.ciz.domain.gebruiker import SYSTEEM
    from wlz.ciz.services import auth
    from wlz.ciz.storage import migrate

    engine = make_engine(url)
    migrate.upgrade(engine)
    app = create_app(Settings(database_url=url, secret_key="k"), engine=engine)
    with app.state.uow(write=True) as uow:
        auth.maak_gebruiker(
            uow, SYSTEEM, gebruikersnaam="anna", naam="Anna", rol="indicatiesteller", wachtwoord=WACHTWOORD
        )
        uow.commit()
    return app


def _pgb(url: str) -> FastAPI:
    from wlz.pgb import services
    from wlz.pgb.app import create_app
    from wlz.pgb.config import PgbSettings
    from wlz.pgb.storage.uow import upgrade

    engine = make_engine(url)
    upgrade(engine)
    app = create_app(PgbSettings(database_url=url, secret_key="k"), engine=engine)
    services.maak_gebruiker(app.state.uow, "anna", "Anna", services.BEOORDELAAR, WACHTWOORD)
    return app


@dataclass
class Context:
    app: FastAPI
    client: TestClient

    def login(self, naam: str, wachtwoord: str):
        pagina = self.client.get("/inloggen").text
        csrf = re.search(r'name="csrf" value="([^"]+)"', pagina).group(1)
        return self.client.post(
            "/inloggen",
            data={"gebruikersnaam": naam, "wachtwoord": wachtwoord, "csrf": csrf},
            follow_redirects=False,
        )

    def log(self) -> list[dict]:
        with self.app.state.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(sa.text("SELECT * FROM toegangslog ORDER BY id"))]

    def short_window(self) -> None:
        """The window (and so the longest lock) set to one second, as ``WLZ_LOGIN_WINDOW_MINUTES`` may."""
        s = self.app.state.settings
        self.app.state.settings = dataclasses.replace(s, login_window_minutes=1 / 60, login_lock_seconds=1)


BOUWERS: dict[str, Callable[[str], FastAPI]] = {"zorgkantoor": _zorgkantoor, "ciz": _ciz, "pgb": _pgb}


#: PostgreSQL instead of SQLite when a test server is given (``scripts/test.sh``'s second run): a schema per test
PG_URL = next(
    (u for u in (os.environ.get("WLZ_TEST_DATABASE_URL", ""), os.environ.get("WLZ_DATABASE_URL", "")) if u),
    "",
)
DATABASES = ["postgresql"] if PG_URL.startswith("postgresql") else ["sqlite"]
pytestmark = pytest.mark.postgres


@pytest.fixture(params=[(c, d) for c in sorted(BOUWERS) for d in DATABASES], ids=lambda p: f"{p[0]}-{p[1]}")
def context(request, tmp_path):
    bouwer, database = request.param
    if database == "sqlite":
        app = BOUWERS[bouwer](f"sqlite:///{tmp_path / 'db.sqlite'}")
        yield Context(app, TestClient(app))
        return
    schema = "login_" + uuid.uuid4().hex[:10]
    admin = sa.create_engine(PG_URL)
    with admin.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    app = BOUWERS[bouwer](f"{PG_URL}{'&' if '?' in PG_URL else '?'}options=-csearch_path%3D{schema}")
    try:
        yield Context(app, TestClient(app))
    finally:
        app.state.engine.dispose()
        with admin.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()


def test_thirty_wrong_passwords_lock_the_right_one_out_until_the_window_passed(context):
    antwoorden = [context.login("anna", f"{FOUT}-{i}") for i in range(30)]
    assert {r.status_code for r in antwoorden[:5]} == {401}
    assert {r.status_code for r in antwoorden[5:]} == {429}
    assert "Te veel mislukte pogingen" in antwoorden[-1].text
    goed = context.login("anna", WACHTWOORD)
    assert goed.status_code == 429 and "Te veel mislukte pogingen" in goed.text
    context.short_window()
    time.sleep(1.2)
    goed = context.login("anna", WACHTWOORD)
    assert goed.status_code == 303, goed.text
    acties = [r["actie"] for r in context.log() if r["onderwerp"].startswith("inlogpoging")]
    assert acties == ["inloggen-mislukt"] * 5 + ["inloggen-geblokkeerd"] * 26 + ["inloggen"]


def test_an_unknown_name_gets_the_answer_of_a_wrong_password(context):
    fout = context.login("anna", FOUT)
    onbekend = context.login("niemand-hier", FOUT)
    assert fout.status_code == onbekend.status_code == 401

    def melding(r) -> str:
        return re.search(r'class="[^"]*fout[^"]*"[^>]*>(.*?)<', r.text, re.S).group(1).strip()

    assert melding(fout) == melding(onbekend) == "Onbekende gebruikersnaam of onjuist wachtwoord."
    for _ in range(4):  # an unknown name is locked like a known one: a guesser cannot tell them apart
        context.login("anna", FOUT)
        context.login("niemand-hier", FOUT)
    fout, onbekend = context.login("anna", FOUT), context.login("niemand-hier", FOUT)
    assert fout.status_code == onbekend.status_code == 429 and melding(fout) == melding(onbekend)


def test_every_failed_and_refused_attempt_is_logged_without_password_or_bsn(context):
    bsn = synthetisch(__import__("random").Random(7))
    for naam in ["anna"] * 7 + [bsn, f"{bsn[:4]} {bsn[4:]}"]:
        context.login(naam, FOUT + bsn)
    regels = [r for r in context.log() if r["onderwerp"].startswith("inlogpoging")]
    assert [r["actie"] for r in regels].count("inloggen-mislukt") == 5 + 2
    assert [r["actie"] for r in regels].count("inloggen-geblokkeerd") == 2  # the address is not locked: 7 < 20
    for r in regels:
        tekst = " ".join(str(v) for v in r.values())
        assert FOUT not in tekst and bsn not in tekst and bsn[4:] not in tekst
        assert r["onderwerp"] == "inlogpoging vanaf testclient" and r["gebruiker_id"] is None
    assert context.login("anna", WACHTWOORD).status_code == 429


def test_the_address_is_locked_over_many_names(context):
    context.app.state.settings = dataclasses.replace(context.app.state.settings, login_max_failures_per_address=3)
    for i in range(3):
        assert context.login(f"naam-{i}", FOUT).status_code == 401
    assert context.login("anna", WACHTWOORD).status_code == 429
