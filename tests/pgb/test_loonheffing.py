"""Blz art. 3.6.6 lid 1 onder c: the SVB withholds and pays loonheffing and premiums for an employee; checked by
hand-computed examples with user-supplied percentages (marked voorbeeld: no public percentage is shipped), and
through the API."""

import pytest

from wlz.common.errors import InputError
from wlz.pgb.domain.loonheffing import Overeenkomstsoort, Percentages, afdracht

from .test_app import wereld  # noqa: F401  (the fixture)

VOORBEELD = Percentages(loonheffing_bp=1_000, premies_werknemer_bp=0, premies_werkgever_bp=1_500, zvw_bijdrage_bp=650)


def test_employee_by_hand():
    # EUR 1.000,00 gross: 10 % loonheffing = 100,00 -> net 900,00; employer 15 % = 150,00; Zvw 6,5 % = 65,00;
    # to the Belastingdienst 100 + 150 + 65 = 315,00; the budget pays 1.000 + 150 + 65 = 1.215,00
    a = afdracht(100_000, Overeenkomstsoort.arbeidsovereenkomst, VOORBEELD)
    assert (a.netto_cent, a.loonheffing_cent, a.premies_werkgever_cent, a.zvw_bijdrage_cent) == (
        90_000,
        10_000,
        15_000,
        6_500,
    )
    assert a.afdracht_cent == 31_500 and a.budget_cent == 121_500
    assert a.voorbeeld and "voorbeeld" in a.bron and "3.6.6" in a.bron


def test_rounding_half_up_to_the_cent_by_hand():
    # EUR 333,33 gross at 10,25 %: 34,166... -> 34,17; net 333,33 - 34,17 = 299,16
    p = Percentages(1_025, 0, 0, 0, bron="opgegeven met bron: test")
    a = afdracht(33_333, Overeenkomstsoort.arbeidsovereenkomst, p)
    assert (a.loonheffing_cent, a.netto_cent, a.voorbeeld) == (3_417, 29_916, False)


def test_self_employed_nothing_withheld():
    a = afdracht(100_000, Overeenkomstsoort.opdracht, VOORBEELD)
    assert a.netto_cent == 100_000 and a.afdracht_cent == 0 and a.budget_cent == 100_000


def test_bad_input_names_the_field():
    with pytest.raises(InputError) as e:
        afdracht(100_000, Overeenkomstsoort.arbeidsovereenkomst, Percentages(10_001, 0, 0, 0))
    assert e.value.veld == "loonheffing"
    with pytest.raises(InputError) as e:
        afdracht(-1, Overeenkomstsoort.arbeidsovereenkomst, VOORBEELD)
    assert e.value.veld == "bruto"


def test_api_answers_the_split_and_marks_voorbeeld(wereld):  # noqa: F811
    from fastapi.testclient import TestClient

    app, tokens, _ = wereld
    with TestClient(app) as c:
        r = c.post(
            "/api/afdracht",
            json={
                "bruto": 1000,
                "soort": "arbeidsovereenkomst",
                "loonheffing_procent": 10,
                "premies_werkgever_procent": 15,
                "zvw_bijdrage_procent": 6.5,
            },
            headers={"Authorization": f"Bearer {tokens['budgethouder']}"},
        )
        assert r.status_code == 200, r.text
        assert r.json()["netto"] == 900 and r.json()["ten_laste_van_budget"] == 1215 and r.json()["voorbeeld"]
        r = c.post(
            "/api/afdracht",
            json={"bruto": 1000, "soort": "opdracht", "loonheffing_procent": 10},
            headers={"Authorization": f"Bearer {tokens['zorgverlener']}"},
        )
        assert r.status_code == 403


def test_page_computes_in_dutch_and_marks_voorbeeld(wereld):  # noqa: F811
    from fastapi.testclient import TestClient

    from .test_app import _login

    app, _, _ = wereld
    with TestClient(app) as c:
        csrf = _login(c, "budgethouder")
        assert "Loonheffing en premies" in c.get("/afdracht").text
        r = c.post(
            "/afdracht",
            data={
                "csrf": csrf,
                "bruto": "1000,00",
                "soort": "arbeidsovereenkomst",
                "loonheffing": "10",
                "premies_werkgever": "15",
                "zvw_bijdrage": "6,5",
            },
        )
        assert r.status_code == 200
        assert "€ 900,00" in r.text and "€ 1.215,00" in r.text and "Voorbeeld" in r.text
        r = c.post("/afdracht", data={"csrf": csrf, "bruto": "-5", "soort": "arbeidsovereenkomst"})
        assert r.status_code == 422 and "brutoloon" in r.text
