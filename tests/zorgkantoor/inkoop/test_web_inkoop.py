"""The zorginkoop's pages through the app (test client): the tariff table uploaded as CSV (all rows or none, the
error naming line and column), an open-house experiment entered with a Dutch decimal comma, the public page's
bad peildatum."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from wlz.zorgkantoor.services import auth
from wlz.zorgkantoor.services.actor import SYSTEEM
from wlz.zorgkantoor.storage.inkoop_orm import inkoop_experimenten, inkoop_tarieven

from ..helpers import WACHTWOORD, bouw_wereld, csrf_van, web_client

pytestmark = pytest.mark.postgres


@pytest.fixture
def wereld(engine):
    w = bouw_wereld(engine)
    with w.app.state.uow(write=True) as uow:
        auth.maak_gebruiker(
            uow, SYSTEEM, gebruikersnaam="zorginkoper", naam="Inkoper", rol="zorginkoper", wachtwoord=WACHTWOORD
        )
        uow.commit()
    return w


def _tel(w, table) -> int:
    with w.app.state.uow() as uow:
        return uow.session.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()


def _melding(c, url: str) -> str:
    tekst = c.get(url).text
    m = re.search(r'<p class="(?:melding|fout)"[^>]*>([^<]*)</p>', tekst)
    return m.group(1) if m else ""


def test_tariff_table_csv_upload(wereld):
    c = web_client(wereld, "zorginkoper")
    csrf = csrf_van(c)
    goed = (
        "jaar;prestatiecode;eenheid;maximumtarief;bron;voorbeeld\n"
        "2025;ZI754;dag;201,50;testtabel;ja\n"
        "2025;M-BG;uur;60,00;testtabel;ja\n"
    )
    r = c.post("/inkoop/tarieven/csv", data={"csrf": csrf}, files={"bestand": ("t.csv", goed.encode(), "text/csv")})
    assert r.status_code == 303
    assert _melding(c, "/inkoop/tarieven") == "Tarieventabel ingelezen (2 regels)."
    pagina = c.get("/inkoop/tarieven").text
    assert "€ 201,50" in pagina.replace("\xa0", " ") and "(voorbeeld)" in pagina
    fout = "jaar;prestatiecode;eenheid;maximumtarief;bron\n2026;ZI754;dag;12,00;x1x\n2026;M-BG;uur;abc;x2x\n"
    r = c.post("/inkoop/tarieven/csv", data={"csrf": csrf}, files={"bestand": ("t.csv", fout.encode(), "text/csv")})
    assert r.status_code == 303
    melding = _melding(c, "/inkoop/tarieven")
    assert "Regel 3" in melding and "maximumtarief" in melding
    assert _tel(wereld, inkoop_tarieven) == 2  # the first good row of the bad file was not written either


def test_experiment_with_dutch_decimal_comma(wereld):
    c = web_client(wereld, "zorginkoper")
    data = {
        "csrf": csrf_van(c),
        "naam": "Open huis",
        "regio": "5531",
        "ingangsdatum": "2025-01-01",
        "einddatum": "2025-12-31",
        "prestatiecodes": "M-BG M-PV",
        "aandeel_percentage": "12,5",
        "tarief_percentage": "95,25",
        "eisen": "Kwaliteitskader",
    }
    r = c.post("/inkoop/experimenten", data=data)
    assert r.status_code == 303
    assert _melding(c, "/inkoop/experimenten") == "Experiment opgeslagen."
    # a period ending before it starts: refused naming the field, nothing written
    r = c.post("/inkoop/experimenten", data={**data, "einddatum": "2024-12-31"})
    melding = _melding(c, "/inkoop/experimenten")
    assert "einddatum" in melding and "voor de ingangsdatum" in melding
    assert _tel(wereld, inkoop_experimenten) == 1


def test_public_page_refuses_a_bad_date_in_dutch(wereld):
    c = web_client(wereld, None)
    r = c.get("/zorginkoop?peildatum=31-12-2024")
    assert r.status_code == 422 and "peildatum" in r.text and "2024-01-31" in r.text
    r = c.get("/zorginkoop?regio=9999")
    assert r.status_code == 422 and "COD001" in r.text
    assert c.get("/zorginkoop").status_code == 200


def test_kwaliteitsrapport_uploaded_as_pdf_and_downloadable_publicly(wereld):
    """A PDF uploaded on the providers page is kept in the database and linked on the public comparison; a file
    that is not a PDF (by type or by content) or is over the body limit is refused in Dutch, naming the field,
    nothing stored."""
    import datetime as dt

    from fastapi.testclient import TestClient

    from wlz.zorgkantoor.services import inkoop
    from wlz.zorgkantoor.storage.inkoop_orm import inkoop_kwaliteitsrapport_bestanden, inkoop_kwaliteitsrapporten

    from .wereld import INKOPER, contract

    with wereld.app.state.uow(write=True) as uow:
        from wlz.zorgkantoor.services import inkoop_invoer as iv

        inkoop.aanbieder_opslaan(uow, INKOPER, iv.AanbiederInvoer(agb_code="33333333", naam="Zorggroep Maas"))
    with wereld.app.state.uow(write=True) as uow:
        inkoop.contract_opslaan(
            uow, INKOPER, contract(ingangsdatum=dt.date(2024, 1, 1), einddatum=dt.date(2100, 12, 31))
        )
    c = web_client(wereld, "zorginkoper")
    csrf = csrf_van(c)
    pdf = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n"
    velden = {"csrf": csrf, "agb_code": "33333333", "jaar": "2024"}
    # not a PDF: a text file, and a file called .pdf whose bytes are no PDF
    for naam, inhoud, soort in (("r.txt", b"tekst", "text/plain"), ("r.pdf", b"<html>", "application/pdf")):
        r = c.post("/inkoop/kwaliteitsrapporten/bestand", data=velden, files={"bestand": (naam, inhoud, soort)})
        assert r.status_code == 303
        melding = _melding(c, "/inkoop/aanbieders")
        assert "PDF-bestand" in melding and "(veld: bestand)" in melding
    assert _tel(wereld, inkoop_kwaliteitsrapport_bestanden) == 0 and _tel(wereld, inkoop_kwaliteitsrapporten) == 0
    r = c.post(
        "/inkoop/kwaliteitsrapporten/bestand",
        data=velden,
        files={"bestand": ("rapport 2024.pdf", pdf, "application/pdf")},
    )
    assert r.status_code == 303 and "PDF" in _melding(c, "/inkoop/aanbieders")
    # the public comparison links it; anyone downloads it, as a PDF attachment
    publiek = TestClient(wereld.app)
    pagina = publiek.get("/zorginkoop").text
    link = re.search(r'href="(/zorginkoop/kwaliteitsrapporten/[^"]+)"', pagina)
    assert link is not None
    d = publiek.get(link.group(1))
    assert d.status_code == 200 and d.content == pdf and d.headers["content-type"] == "application/pdf"
    assert d.headers["content-disposition"] == 'attachment; filename="rapport 2024.pdf"'
    assert publiek.get("/zorginkoop/kwaliteitsrapporten/bestaatniet").status_code == 404
    # over the one body limit: refused before it is read, "bestand te groot"
    groot = pdf + b"0" * (wereld.app.state.settings.max_upload_bytes + 1)
    r = c.post(
        "/inkoop/kwaliteitsrapporten/bestand", data=velden, files={"bestand": ("g.pdf", groot, "application/pdf")}
    )
    assert r.status_code == 413 and "bestand te groot" in r.text
    # the API: the raw PDF as body
    token = _token(wereld)
    api = TestClient(wereld.app)
    h = {"Authorization": f"Bearer {token}", "Content-Type": "application/pdf"}
    r = api.post("/api/inkoop/kwaliteitsrapporten/bestand?agb_code=33333333&jaar=2025", content=pdf, headers=h)
    assert r.status_code == 201 and r.json()["url"].startswith("/zorginkoop/kwaliteitsrapporten/")
    r = api.post(
        "/api/inkoop/kwaliteitsrapporten/bestand?agb_code=33333333&jaar=2025",
        content=b"GIF89a",
        headers={**h, "Content-Type": "image/gif"},
    )
    assert r.status_code == 422 and "bestand" in r.text and "PDF" in r.text, r.text
    # a link for the same year replaces the file
    r = c.post("/inkoop/kwaliteitsrapporten", data={**velden, "url": "https://example.org/rapport-2024"})
    assert _tel(wereld, inkoop_kwaliteitsrapport_bestanden) == 1  # only 2025's file is left


def _token(w) -> str:
    with w.app.state.uow(write=True) as uow:
        g = auth.maak_gebruiker(
            uow, SYSTEEM, gebruikersnaam="inkoper-api", naam="Inkoper API", rol="zorginkoper", wachtwoord=WACHTWOORD
        )
        uow.flush()
        _, token = auth.maak_token(uow, SYSTEEM, g.id, "token inkoper")
        uow.commit()
    return token
