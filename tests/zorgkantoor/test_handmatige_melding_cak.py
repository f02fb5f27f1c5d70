"""A provider without an iWlz connection reports the start and end of care with the client page's buttons (or the
API's POST /toewijzingen/{id}/aanvang|einde). The CAK must hear of it as after an AW35/AW39: the manual start
writes a CA317, the manual end a CA319 naming the same GeleverdeZorgID, each valid against the iWlz 2.2 XSDs in
../shared/iwlz/xsd (lxml and xmlschema, as tests/iwlz does); a refused report writes nothing."""

from __future__ import annotations

import datetime as dt

import pytest
import xmlschema
from fastapi.testclient import TestClient

from wlz import iwlz

from .helpers import AGB_EIGEN, bouw_wereld, csrf_van, web_client
from .test_iwlz_mutaties import Keten
from .test_iwlz_service import _h

pytestmark = pytest.mark.postgres
C = iwlz.MutatieCode


@pytest.fixture
def w(engine):
    return bouw_wereld(engine)


def _cak_berichten(w, api, client_id: str, soort: str) -> list[bytes]:
    """The stored messages of ``soort`` for the client, as the zorgkantoor downloads them."""
    lijst = api.get(f"/api/clients/{client_id}/berichten", headers=_h(w, "beoordelaar")).json()
    return [
        api.get(f"/api/berichten/{b['id']}", headers=_h(w, "beoordelaar")).content
        for b in lijst
        if b["soort"] == soort and b["ontvanger"] == "CAK"
    ]


def _schema_geldig(xml: bytes, soort: str) -> None:
    assert iwlz.validate(xml).naam == soort  # lxml against ../shared/iwlz/xsd
    xmlschema.XMLSchema10(str(iwlz.xsd_folder() / f"{soort}.xsd")).validate(xml.decode())  # a second validator


def test_manual_start_and_end_on_the_client_page_report_to_the_cak(w):
    api = TestClient(w.app)
    k = Keten(w, api, seed=41)
    client_id = k.tw["client_id"]
    pagina = web_client(w, "aanbieder")
    r = pagina.post(
        f"/toewijzingen/{k.tw['id']}/aanvang", data={"datum": k.start.isoformat(), "csrf": csrf_van(pagina)}
    )
    assert r.status_code == 303 and "Aanvang van de zorg gemeld" in pagina.get(r.headers["location"]).text
    assert k.toewijzing()["status"] == "in_zorg"

    (xml317,) = _cak_berichten(w, api, client_id, "CA317")
    _schema_geldig(xml317, "CA317")
    ca317 = iwlz.read_ca317(xml317)
    (levering,) = ca317.clienten[0].zorgleveringen
    assert ca317.clienten[0].bsn == k.client.bsn and ca317.afzender == "5509"
    assert (levering.startdatum, levering.zzp_code, levering.instelling) == (k.start, "808", AGB_EIGEN)
    assert levering.leveringsvorm == iwlz.Leveringsvorm.VERBLIJF
    geleverd = k.mutaties().json()["geleverde_zorg_id"]
    assert levering.geleverde_zorg_id == geleverd  # kept on the toewijzing for the CA319

    einde = k.start + dt.timedelta(days=30)
    r = pagina.post(
        f"/toewijzingen/{k.tw['id']}/einde",
        data={"datum": einde.isoformat(), "reden": "verhuisd", "csrf": csrf_van(pagina)},
    )
    assert r.status_code == 303
    assert k.toewijzing()["status"] == "beeindigd"
    (xml319,) = _cak_berichten(w, api, client_id, "CA319")
    _schema_geldig(xml319, "CA319")
    ca319 = iwlz.read_ca319(xml319)
    (m,) = ca319.clienten[0].mutaties
    assert ca319.clienten[0].bsn == k.client.bsn
    assert (m.mutatie_zorg_id, m.mutatiecode, m.mutatiedatum) == (geleverd, C.BEEINDIGD_TOEWIJZING_SLUITEN, einde)
    assert len(_cak_berichten(w, api, client_id, "CA317")) == 1  # the end sends no second start


def test_manual_end_after_an_aw35_names_the_delivery_the_aw35_reported(w):
    """Start by message, end by hand (through the API): the CA319 names the AW35's CA317 delivery."""
    api = TestClient(w.app)
    k = Keten(w, api, seed=42)
    r = k.aw35()
    assert r.status_code == 201, r.text
    geleverd = iwlz.read_ca317(_cak_berichten(w, api, k.tw["client_id"], "CA317")[0]).clienten[0]
    einde = k.start + dt.timedelta(days=10)
    r = api.post(
        f"/api/toewijzingen/{k.tw['id']}/einde",
        json={"datum": einde.isoformat(), "reden": "overleden"},
        headers={"Authorization": f"Bearer {w.tokens['aanbieder']}"},
    )
    assert r.status_code == 200, r.text
    (xml319,) = _cak_berichten(w, api, k.tw["client_id"], "CA319")
    _schema_geldig(xml319, "CA319")
    m = iwlz.read_ca319(xml319).clienten[0].mutaties[0]
    assert m.mutatie_zorg_id == geleverd.zorgleveringen[0].geleverde_zorg_id and m.mutatiedatum == einde


def test_refused_manual_reports_send_nothing_to_the_cak(w):
    api = TestClient(w.app)
    k = Keten(w, api, seed=43)
    token = {"Authorization": f"Bearer {w.tokens['aanbieder']}"}
    voor = k.aantal_berichten()
    # a start before the toewijzing's period: refused naming the field, no CA317
    r = api.post(
        f"/api/toewijzingen/{k.tw['id']}/aanvang",
        json={"datum": (k.zzp.ingangsdatum - dt.timedelta(days=1)).isoformat()},
        headers=token,
    )
    assert r.status_code == 422 and "datum" in r.text
    # an end of care that never started: refused, no CA319
    r = api.post(
        f"/api/toewijzingen/{k.tw['id']}/einde", json={"datum": k.start.isoformat(), "reden": "x"}, headers=token
    )
    assert r.status_code == 409
    assert k.aantal_berichten() == voor and k.toewijzing()["status"] == "toegewezen"
    assert k.mutaties().json()["geleverde_zorg_id"] is None
