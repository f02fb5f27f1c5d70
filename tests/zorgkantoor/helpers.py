"""Test data for the service tests: a small world with two providers, two clients and demo users."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from fastapi.testclient import TestClient

from wlz import bsn
from wlz.zorgkantoor.app import create_app
from wlz.zorgkantoor.config import Settings
from wlz.zorgkantoor.domain.aanvraag import Aanvraag
from wlz.zorgkantoor.domain.bericht import IwlzBericht
from wlz.zorgkantoor.domain.model import LeveringsvormKeuze
from wlz.zorgkantoor.services import auth, dossier, invoer
from wlz.zorgkantoor.services.actor import SYSTEEM

WACHTWOORD = "test-wachtwoord-123"
AGB_EIGEN = "11111111"
AGB_ANDER = "22222222"


@dataclass
class Wereld:
    app: object
    client_a: str  # assigned to AGB_EIGEN; has the client account
    client_b: str  # assigned to AGB_ANDER only
    bsn_a: str
    bsn_b: str
    aanvraag_a: str
    aanvraag_b: str
    toewijzing_a: str
    toewijzing_b: str
    gebruikers: dict[str, str]  # rol -> gebruiker_id
    tokens: dict[str, str]  # rol -> API token
    extra_token_id: str = ""  # a spare token (revocable in tests)
    bericht_a: str = ""  # a stored iWlz message about client_a (AW33 to AGB_EIGEN)
    bericht_b: str = ""  # ... about client_b (AW33 to AGB_ANDER)


def evaluatie_voorbeeld() -> dict:
    """A stored evaluation as the rules adapter writes it (test data; the product never invents one)."""
    return {
        "regelingen": {
            "ekt": {"in_aanmerking": True, "bedrag_per_jaar": 1000.0, "uitleg": ["testuitleg"], "bronnen": []},
            "meerzorg": {"in_aanmerking": False, "bedrag_per_jaar": None, "uitleg": [], "bronnen": []},
        }
    }


def voeg_keuze_toe(
    uowf, client_id: str, leveringsvorm: str, ingangsdatum: dt.date, *, geaccepteerd: bool, toets: dict | None = None
) -> None:
    """Store a leveringsvorm choice for a client directly (as if recorded earlier), in its own transaction."""
    with uowf(write=True) as uow:
        uow.keuzes.add(
            LeveringsvormKeuze(
                client_id=client_id,
                leveringsvorm=leveringsvorm,
                ingangsdatum=ingangsdatum,
                geaccepteerd=geaccepteerd,
                toets=toets,
                vastgelegd_door="test",
            )
        )
        uow.commit()


def bouw_wereld(engine) -> Wereld:
    app = create_app(Settings(database_url=str(engine.url), secret_key="test-geheim"), engine=engine)
    uowf = app.state.uow
    rng = random.Random(42)
    ids, bsns, tw = [], [], []
    for i, agb in enumerate((AGB_EIGEN, AGB_ANDER)):
        nummer = bsn.synthetisch(rng)
        with uowf(write=True) as uow:
            c = dossier.registreer_client(
                uow,
                SYSTEEM,
                invoer.ClientInvoer(
                    bsn=nummer, voornamen="Test", achternaam=f"Persoon{i}", geboortedatum=dt.date(1980, 1, 1)
                ),
            )
        with uowf(write=True) as uow:
            dossier.registreer_indicatie(
                uow,
                SYSTEEM,
                c.id,
                invoer.IndicatieInvoer(
                    besluitnummer=f"T-{i}",
                    zorgprofiel="VG5",
                    grondslagen=["05"],
                    ingangsdatum=dt.date(2024, 1, 1),
                    einddatum=dt.date(2030, 12, 31),
                ),
            )
        voeg_keuze_toe(uowf, c.id, "verblijf", dt.date(2024, 1, 1), geaccepteerd=True)
        with uowf(write=True) as uow:
            t = dossier.maak_toewijzing(
                uow,
                SYSTEEM,
                c.id,
                invoer.ToewijzingInvoer(
                    agb_code=agb, leveringsvorm="verblijf", van=dt.date(2024, 1, 1), zorgprofiel="VG5"
                ),
            )
        ids.append(c.id)
        bsns.append(nummer)
        tw.append(t.id)
    aanvragen = []
    with uowf(write=True) as uow:
        for cid in ids:
            a = Aanvraag(
                client_id=cid,
                situatie={"client": {}},
                intake={"periode_van": "2024-01-01", "periode_tot": "2024-12-31", "zorgbehoefte_uren_per_week": 30},
                ingediend_door="test",
            )
            a.evaluatie = evaluatie_voorbeeld()
            uow.aanvragen.add(a)
            aanvragen.append(a.id)
        uow.commit()
    berichten = []
    with uowf(write=True) as uow:
        # an AW33 to each client's provider: the zorgkantoor reads both, a provider only the one sent to it
        for cid, agb in zip(ids, (AGB_EIGEN, AGB_ANDER), strict=True):
            b = IwlzBericht(
                soort="AW33",
                richting="uit",
                identificatie="TEST",
                dagtekening=dt.date(2024, 1, 1),
                afzender="5509",
                ontvanger=agb,
                inhoud=b"<test/>",
                vastgelegd_door="test",
                client_id=cid,
            )
            uow.berichten.add(b)
            berichten.append(b.id)
        uow.commit()
    gebruikers, tokens = {}, {}
    with uowf(write=True) as uow:
        for rol in ("beoordelaar", "beheerder", "aanbieder", "client"):
            g = auth.maak_gebruiker(
                uow,
                SYSTEEM,
                gebruikersnaam=rol,
                naam=rol.title(),
                rol=rol,
                wachtwoord=WACHTWOORD,
                agb_code=AGB_EIGEN if rol == "aanbieder" else None,
                client_id=ids[0] if rol == "client" else None,
            )
            uow.flush()
            gebruikers[rol] = g.id
            _, tokens[rol] = auth.maak_token(uow, SYSTEEM, g.id, f"token {rol}")
        extra, _ = auth.maak_token(uow, SYSTEEM, gebruikers["aanbieder"], "reserve")
        uow.commit()
    return Wereld(
        app,
        ids[0],
        ids[1],
        bsns[0],
        bsns[1],
        aanvragen[0],
        aanvragen[1],
        tw[0],
        tw[1],
        gebruikers,
        tokens,
        extra.id,
        berichten[0],
        berichten[1],
    )


def web_client(w: Wereld, rol: str | None) -> TestClient:
    """A browser session, logged in as ``rol`` (None: anonymous)."""
    c = TestClient(w.app, follow_redirects=False)
    if rol:
        r = c.get("/inloggen")
        csrf = _csrf(r.text)
        r = c.post("/inloggen", data={"gebruikersnaam": rol, "wachtwoord": WACHTWOORD, "csrf": csrf})
        assert r.status_code == 303, r.text
    return c


def _csrf(html: str) -> str:
    import re

    m = re.search(r'name="csrf" value="([^"]+)"', html)
    assert m, "no csrf token on page"
    return m.group(1)


def csrf_van(c: TestClient) -> str:
    return _csrf(c.get("/inloggen").text)
