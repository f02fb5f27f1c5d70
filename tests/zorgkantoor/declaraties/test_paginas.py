"""The Dutch pages: a provider uploads its file and reads every refused line with its reason (a BSN only masked),
a bad file is answered with a Dutch error naming the field, the ledger and the report render their figures."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from tests.zorgkantoor.helpers import WACHTWOORD, csrf_van

from wlz.zorgkantoor.app import create_app
from wlz.zorgkantoor.config import Settings
from wlz.zorgkantoor.services import auth
from wlz.zorgkantoor.services.actor import SYSTEEM

from .wereld import AGB_A, bouw, csv_bestand


@pytest.fixture
def opzet(engine):
    app = create_app(Settings(database_url=str(engine.url), secret_key="test-geheim"), engine=engine)
    w = bouw(app.state.uow)
    with app.state.uow(write=True) as uow:
        for naam, rol in (("aanbieder", "aanbieder"), ("inkoper", "zorginkoper")):
            auth.maak_gebruiker(
                uow,
                SYSTEEM,
                gebruikersnaam=naam,
                naam=naam.title(),
                rol=rol,
                wachtwoord=WACHTWOORD,
                agb_code=AGB_A if rol == "aanbieder" else None,
            )
        uow.commit()
    return app, w


def _login(app, naam: str) -> TestClient:
    c = TestClient(app, follow_redirects=False)
    r = c.post("/inloggen", data={"gebruikersnaam": naam, "wachtwoord": WACHTWOORD, "csrf": csrf_van(c)})
    assert r.status_code == 303
    return c


def test_provider_uploads_and_reads_reasons(opzet):
    app, w = opzet
    c = _login(app, "aanbieder")
    kop = "regelnummer,client_id,prestatiecode,begindatum,einddatum,aantal,bedrag,zzp_code,bsn"
    data = csv_bestand(
        f"1,{w.clients[0]},ZI756,2024-01-01,2024-01-31,31,100.00,,",
        "2,,ZI756,2024-01-01,2024-01-31,31,100.00,,999999990",
        f"3,{w.clients[0]},ZI756,2024-02-01,2024-02-29,29,veel,,",
        kop=kop,
    )
    r = c.post("/declaraties", data={"csrf": csrf_van(c)}, files={"bestand": ("januari.csv", data, "text/csv")})
    assert r.status_code == 303
    pagina = c.get(r.headers["location"]).text
    assert "3 regels ingelezen: 1 geaccepteerd, 2 geweigerd." in pagina
    assert "D03: Cliënt onbekend bij het zorgkantoor" in pagina
    assert "D01: Regel onleesbaar: bedrag is geen bedrag" in pagina
    assert "999999990" not in pagina and "*****9990" in pagina
    assert "januari.csv" in c.get("/declaraties").text


def test_bad_file_is_answered_in_dutch_naming_the_field(opzet):
    app, _ = opzet
    c = _login(app, "inkoper")
    r = c.post(
        "/declaraties",
        data={"csrf": csrf_van(c), "agb_code": AGB_A},
        files={"bestand": ("x.csv", b"regelnummer,client_id\n1,a\n", "text/csv")},
    )
    assert r.status_code == 422
    assert "Bestand niet ingelezen (prestatiecode): kolom(men) ontbreken in het bestand" in r.text
    r = c.post(
        "/declaraties",
        data={"csrf": csrf_van(c), "agb_code": "12"},
        files={"bestand": ("x.csv", csv_bestand("1,a,b,2024-01-01,2024-01-31,1,1.00,"), "text/csv")},
    )
    assert r.status_code == 422 and "(agb_code): Een AGB-code heeft 8 cijfers." in r.text


def test_ledger_and_report_pages(opzet):
    app, w = opzet
    c = _login(app, "inkoper")
    regel = csv_bestand(f"1,{w.clients[0]},ZI756,2024-01-01,2024-01-31,31,1234.50,")
    c.post(
        "/declaraties",
        data={"csrf": csrf_van(c), "agb_code": AGB_A},
        files={"bestand": ("d.csv", regel, "text/csv")},
    )
    boek = c.get("/grootboek?jaar=2024").text
    assert "2024-01" in boek and re.search(r"€\s?1\.234,50", boek)
    rapport = c.get("/inkooprapport?jaar=2024").text
    assert "Zuid-Limburg" in rapport and "Zorgplichtcontrole" in rapport and "100.0%" in rapport
