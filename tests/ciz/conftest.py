"""Both organisations in-process: the CIZ on its own database, the zorgkantoor on its own, the IO31 going over
the zorgkantoor's HTTP API (a TestClient of its app) with the token of the CIZ's system account there."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

import pytest
from fastapi.testclient import TestClient

from wlz.bsn import synthetisch
from wlz.ciz.app import create_app
from wlz.ciz.config import Settings
from wlz.ciz.domain.gebruiker import SYSTEEM
from wlz.ciz.services import auth
from wlz.ciz.storage import migrate
from wlz.platform.database import make_engine

WACHTWOORD = "geheim-wachtwoord-1"


@dataclass
class Wereld:
    ciz: TestClient
    zk: TestClient
    zk_token: str
    tokens: dict[str, str]
    ciz_url: str
    zk_url: str


def zorgkantoor(tmp_path):
    from wlz.zorgkantoor.app import create_app as zk_create_app
    from wlz.zorgkantoor.config import Settings as ZkSettings
    from wlz.zorgkantoor.services import auth as zk_auth
    from wlz.zorgkantoor.services.actor import SYSTEEM as ZK_SYSTEEM
    from wlz.zorgkantoor.storage import migrate as zk_migrate

    url = f"sqlite:///{tmp_path / 'zk.sqlite'}"
    engine = make_engine(url)
    zk_migrate.upgrade(engine)
    app = zk_create_app(ZkSettings(database_url=url, secret_key="zk-geheim"), engine=engine)
    with app.state.uow(write=True) as uow:
        g = zk_auth.maak_gebruiker(uow, ZK_SYSTEEM, gebruikersnaam="ciz-koppeling", naam="CIZ", rol="beoordelaar")
        uow.flush()
        _, token = zk_auth.maak_token(uow, ZK_SYSTEEM, g.id, "IO31 van het CIZ")
        uow.commit()
    return TestClient(app), token, url


@pytest.fixture
def wereld(tmp_path) -> Wereld:
    zk, zk_token, zk_url = zorgkantoor(tmp_path)
    url = f"sqlite:///{tmp_path / 'ciz.sqlite'}"
    engine = make_engine(url)
    migrate.upgrade(engine)
    app = create_app(
        Settings(database_url=url, secret_key="ciz-geheim", zorgkantoor_token=zk_token), engine=engine, zorgkantoor=zk
    )
    tokens = {}
    with app.state.uow(write=True) as uow:
        for rol in ("indicatiesteller", "kwaliteitstoetser", "beheerder", "systeem"):
            g = auth.maak_gebruiker(
                uow,
                SYSTEEM,
                gebruikersnaam=rol,
                naam=rol.title(),
                rol=rol,
                wachtwoord=None if rol == "systeem" else WACHTWOORD,
            )
            tokens[rol] = auth.maak_token(uow, SYSTEEM, g.id, f"token {rol}")
        uow.commit()
    return Wereld(TestClient(app), zk, zk_token, tokens, url, zk_url)


def login(w: Wereld, rol: str) -> TestClient:
    c = TestClient(w.ciz.app)
    csrf = _csrf(c, "/inloggen")
    r = c.post(
        "/inloggen", data={"csrf": csrf, "gebruikersnaam": rol, "wachtwoord": WACHTWOORD}, follow_redirects=False
    )
    assert r.status_code == 303, r.text
    return c


def _csrf(c: TestClient, pad: str) -> str:
    import re

    m = re.search(r'name="csrf" value="([^"]+)"', c.get(pad).text)
    assert m, pad
    return m.group(1)


def formulier(seed: int = 1, **kw) -> dict[str, str]:
    rng = random.Random(seed)
    data = {
        "bsn": synthetisch(rng),
        "voornamen": "Anna",
        "achternaam": f"Testpersoon{seed}",
        "geboortedatum": "1938-04-12",
        "geslacht": "2",
        "straat": "Kerkweg",
        "huisnummer": "3",
        "postcode": "3811 AA",
        "woonplaats": "Amersfoort",
        "aanvrager": "vertegenwoordiger",
        "zorgkantoor": "5509",
        "toelichting": "Dementie, valt vaak.",
    }
    data.update(kw)
    return data


def dien_in(c: TestClient, **kw) -> str:
    """Submit the public form; the receipt number."""
    import re

    data = formulier(**kw)
    data["csrf"] = _csrf(c, "/aanvragen/nieuw")
    r = c.post("/aanvragen/nieuw", data=data)
    assert r.status_code == 201, r.text
    m = re.search(r'id="ontvangstnummer">([^<]+)<', r.text)
    assert m
    return m.group(1)


def aanvraag_id(w: Wereld, nummer: str) -> str:
    r = w.ciz.get("/api/werkvoorraad", headers={"Authorization": f"Bearer {w.tokens['indicatiesteller']}"})
    return next(a["id"] for a in r.json() if a["ontvangstnummer"] == nummer)


def vrije_poort() -> int:
    """A port nothing listens on (an unreachable zorgkantoor)."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


D = dt.date
