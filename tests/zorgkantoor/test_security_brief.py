"""The objection deadline follows the Algemene termijnenwet. Failed before the fix (a letter
of Saturday 5 December 2026 gave Saturday 16 January 2027)."""

from __future__ import annotations

import datetime as dt

import pytest

from wlz.common.termijnen import feestdagen
from wlz.zorgkantoor.domain.bezwaar import BEZWAAR_BRONNEN, bezwaar_tot


@pytest.mark.parametrize(
    ("verzonden", "uiterlijk"),
    [
        (dt.date(2026, 12, 5), dt.date(2027, 1, 18)),  # ends Saturday 16 January -> Monday 18 January
        (dt.date(2026, 12, 7), dt.date(2027, 1, 18)),  # ends on a Monday: unchanged
        (dt.date(2027, 2, 12), dt.date(2027, 3, 30)),  # ends Friday 26 March 2027, Goede Vrijdag; Easter Monday too
        (dt.date(2026, 11, 14), dt.date(2026, 12, 28)),  # ends Saturday 26 December -> Monday 28 December
        (dt.date(2027, 3, 25), dt.date(2027, 5, 7)),  # ends Thursday 6 May 2027 = Hemelvaartsdag -> Friday 7 May
    ],
)
def test_the_objection_term_ends_on_a_working_day(verzonden, uiterlijk):
    assert bezwaar_tot(verzonden) == uiterlijk


def test_dutch_public_holidays_include_the_easter_based_ones():
    d = feestdagen(2026)  # Easter 2026: 5 April
    assert {dt.date(2026, 4, 3), dt.date(2026, 4, 6), dt.date(2026, 5, 14), dt.date(2026, 5, 25)} <= d
    assert dt.date(2025, 4, 26) in feestdagen(2025)  # Koningsdag on Saturday 26 April (the 27th is a Sunday)
    assert dt.date(2025, 4, 27) not in feestdagen(2025)


def test_the_letter_cites_the_termijnenwet_and_awb_6_9():
    titels = " ".join(b["titel"] for b in BEZWAAR_BRONNEN)
    assert "Algemene termijnenwet, artikel 1" in titels and "artikel 6:9" in titels


def test_the_letter_and_outcome_count_only_what_was_asked(engine):
    from fastapi.testclient import TestClient

    from .flow import api_headers, besluit, dossier_met_aanvraag
    from .helpers import bouw_wereld

    w = bouw_wereld(engine)
    api = TestClient(w.app)
    tok = w.tokens["beoordelaar"]
    d = dossier_met_aanvraag(api, tok, seed=1)
    besluit(api, tok, d.aanvraag["id"], {"ekt": None, "meerzorg": None, "pab": None, "overbruggingszorg": None})
    r = api.post(
        f"/api/clients/{d.client_id}/aanvragen",
        headers=api_headers(tok),
        json={
            "periode_van": "2015-01-01",
            "periode_tot": "2015-12-31",
            "zorgbehoefte_uren_per_week": 40,
            "profiel_uren_per_week": 20,
            "criteria": {
                "gewaarborgde_hulp": True,
                "ekt_gevraagd": 5000,
                "geboortedatum_jongste_kind": "2012-01-01",
                "meerzorg_zzp_31_december_2014": True,
                "meerzorg_gevraagd": 4000,
            },
        },
    )
    assert r.status_code == 201, r.text
    nieuw = r.json()["id"]
    b = besluit(
        api,
        tok,
        nieuw,
        {"ekt": ("2015-01-01", "2015-12-31"), "meerzorg": ("2015-01-01", "2015-12-31"), "pab": None,
         "overbruggingszorg": None},
    )  # fmt: skip
    assert b["uitkomst"] == "toegekend"  # both things asked for were granted
    t = api.get(f"/api/aanvragen/{nieuw}/brief", headers=api_headers(tok)).text
    assert "Wij geven u wat u heeft gevraagd" in t
    assert "Persoonlijk assistentiebudget" not in t and "Overbruggingszorg" not in t
