"""The whole way through the API on the real rules (also on PostgreSQL): a new client with a synthetic BSN, a
CIZ indicatiebesluit, the choice for mpt with pgb passing the doelmatigheidstoets, one intake for all extra
care evaluated by the rules, handling, the decision and its letter."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from .flow import api_headers, dossier_met_aanvraag
from .helpers import bouw_wereld

pytestmark = pytest.mark.postgres


def test_client_to_letter_through_the_api(engine):
    w = bouw_wereld(engine)
    api = TestClient(w.app)
    tok = w.tokens["beoordelaar"]
    # VG5 in 2017: pgb/mpt amount € 62.400 (seed 000, tabel 1); mpt € 30.000 + pgb € 20.000 fits under it
    d = dossier_met_aanvraag(
        api, tok, seed=11, zorgprofiel="VG5", grondslagen=("05",), jaar=2017, leveringsvorm="mpt_pgb",
        mpt_kosten=30000, pgb_deel=20000,
    )  # fmt: skip
    assert d.keuze["geaccepteerd"] is True
    toets = d.keuze["toets"]["resultaten"]
    assert toets["doelmatig"]["waarde"] is True and toets["doelmatigheid_ruimte"]["waarde"] == 12400.0
    assert toets["doelmatig"]["bronnen"]  # the explanation is stored with the choice

    a = d.aanvraag
    assert a["status"] == "ingediend"
    reg = a["evaluatie"]["regelingen"]
    assert reg["ekt"]["in_aanmerking"] is True and reg["ekt"]["bedragen"] == {"2017": 5000.0}
    assert reg["meerzorg"]["in_aanmerking"] is True and reg["meerzorg"]["bedragen"] == {"2017": 4000.0}
    assert reg["pab"]["in_aanmerking"] is False  # VG5 is no pab profile (Rlz art. 5.15a)
    assert reg["overbruggingszorg"]["voorbeeld"] is True  # its term is an example value in the rules

    # the rules are the law here: an ineligible scheme cannot be granted
    api.post(f"/api/aanvragen/{a['id']}/behandelen", headers=api_headers(tok))
    r = api.post(
        f"/api/aanvragen/{a['id']}/besluit",
        headers=api_headers(tok),
        json={"motivatie": "x", "regels": [{"regeling": "pab", "toegekend": True, "van": "2017-01-01",
                                             "tot": "2017-12-31"}]},
    )  # fmt: skip
    assert r.status_code == 422
    r = api.post(
        f"/api/aanvragen/{a['id']}/besluit",
        headers=api_headers(tok),
        json={
            "motivatie": "Extra kosten thuis en meerzorg passen bij de zorgvraag; overbruggingszorg is niet nodig.",
            "regels": [
                {"regeling": "ekt", "toegekend": True, "van": "2017-01-01", "tot": "2017-12-31"},
                {"regeling": "meerzorg", "toegekend": True, "van": "2017-04-01", "tot": "2017-12-31"},
                {"regeling": "pab", "toegekend": False},
                {"regeling": "overbruggingszorg", "toegekend": False, "toelichting": "Geen opname meer gepland."},
            ],
        },
    )
    assert r.status_code == 200, r.text
    b = r.json()
    assert b["status"] == "besloten" and b["uitkomst"] == "deels_toegekend"
    bedragen = {x["regeling"]: x["bedragen"] for x in b["besluitregels"]}
    assert bedragen["ekt"] == {"2017": 5000.0}
    assert 2990 < bedragen["meerzorg"]["2017"] < 3020  # 9 of 12 months of € 4.000, pro rata the days

    brief = api.get(f"/api/aanvragen/{a['id']}/brief", headers=api_headers(tok))
    assert brief.status_code == 200 and "€ 5.000,00" in brief.text and "U verdeelt zelf" in brief.text
    pdf = api.get(f"/api/aanvragen/{a['id']}/brief.pdf", headers=api_headers(tok))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    # the decision is in the access log of the client's file
    log = api.get("/api/toegangslog", params={"client_id": d.client_id}, headers=api_headers(w.tokens["beheerder"]))
    assert {"besluit genomen", "besluitbrief"} <= {r["onderwerp"] for r in log.json()}
