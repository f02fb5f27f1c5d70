"""Extra kosten thuis: eligible clients and euros beside today's regime, and seed 002's figure beside the model's."""

from __future__ import annotations

from pathlib import Path

import pytest

from wlz.scenario import parse_scenario, read_analysis, run_scenario


def _run(parameters: dict[str, object], basis: object = "seed004"):  # type: ignore[no-untyped-def]
    return run_scenario(parse_scenario({"opties": [{"extra_kosten_thuis": parameters}]}), basis)  # type: ignore[arg-type]


def test_lower_percentage_by_hand_on_seed004() -> None:
    # vg 3 mpt: 5289 clients (seed 004 table 5); 10 % use it; budget € 40,000 (voorbeeld)
    u = _run({"percentage": 10, "gebruik_pct": 10, "budget_per_client": {"mpt": 40000}})
    r = u.ekt.set_index(["sector", "zorgprofiel", "optie"]).loc[("vg", 3, "mpt")]
    assert r.in_aanmerking == r.in_aanmerking_vandaag == 5289
    assert r.gebruikers == pytest.approx(528.9)
    assert r.extra_vandaag == pytest.approx(528.9 * 40000 * 0.25)
    assert r.extra == pytest.approx(528.9 * 40000 * 0.10)
    assert r.verschil == pytest.approx(-3_173_400)
    # pgb has no budget given: no euros, and the summary says so
    assert u.ekt[u.ekt.optie == "pgb"].verschil.isna().all()
    assert "niet meegeteld" in u.samenvatting.iloc[0].opmerking


def test_rlz_groups_shrink_the_eligible_group() -> None:
    u = _run({"doelgroep": "rlz_groepen", "aandeel_rlz_groepen_pct": 20, "gebruik_pct": 50})
    e = u.ekt
    # seed 004 tables 5-6: pgb + mpt of vg 3-8 and vv 4-8
    thuis = (
        5289
        + 4054
        + 2820
        + 4157
        + 880
        + 1765
        + 4254
        + 4773
        + 3121
        + 4650
        + 607
        + 1386
        + 7422
        + 11019
        + 2589
        + 128
        + 162
        + 1811
        + 4758
        + 1550
        + 255
        + 322
    )
    assert e.clienten_thuis.sum() == thuis == 67772
    assert e.in_aanmerking.sum() == pytest.approx(thuis * 0.2)
    assert e.gebruikers.sum() == pytest.approx(thuis * 0.2 * 0.5)
    ref = u.samenvatting.iloc[0].referentie
    assert "6.336" in ref and "8%" in ref and "seed:002" in ref


@pytest.mark.parametrize("gebruik", [0, 8, 100])
def test_todays_values_change_nothing(gebruik: float, analyse_map: Path) -> None:
    for basis in ("seed004", read_analysis(analyse_map)):
        u = _run({"gebruik_pct": gebruik, "budget_per_client": {"pgb": 30000}}, basis)
        assert (u.ekt.in_aanmerking == u.ekt.in_aanmerking_vandaag).all()
        assert (u.ekt.verschil.fillna(0) == 0).all()
        assert (u.samenvatting.wlz_verschil.fillna(0) == 0).all()


def test_mpt_budget_from_an_analysis_basis(analyse_map: Path) -> None:
    # vv 5 mpt: 1 client, € 15,000 Wlz in the basis; 25 % → 0 %: 100 % users lose € 3,750 of room
    u = _run({"percentage": 0, "gebruik_pct": 100}, read_analysis(analyse_map))
    r = u.ekt.set_index(["sector", "zorgprofiel", "optie"]).loc[("vv", 5, "mpt")]
    assert r.budget_per_client == pytest.approx(15000)
    assert r.verschil == pytest.approx(-3750)
    assert "basis" in r.herkomst_budget
