"""Maatwerkindicatie: clients in scope per variant, winners and losers, euros against the rules' profile amount."""

from __future__ import annotations

import pytest

from wlz.scenario import parse_scenario, run_scenario


def _run(parameters: dict[str, object]):  # type: ignore[no-untyped-def]
    return run_scenario(parse_scenario({"opties": [{"maatwerkindicatie": parameters}]}), "seed004")


def test_past_niet_three_percent_by_hand() -> None:
    u = _run({"behoefte_pct_van_profiel": [80, 100, 130], "herindicatie_pct": 20})
    m = u.maatwerk.set_index(["sector", "zorgprofiel", "optie"])
    r = m.loc[("vg", 3, "mpt")]
    # seed 003: circa 3 % of all clients; vg 3 mpt 5289 (seed 004 table 5) → 158.67
    assert r.clienten_maatwerk == pytest.approx(5289 * 0.03)
    assert r.meer == pytest.approx(5289 * 0.03 / 3) and r.minder == pytest.approx(5289 * 0.03 / 3)
    # VG3 profile amount (pgb 2015 in the rules) € 27,642; mean need 103.33 %
    assert r.profielbedrag == 27642
    assert r.verschil_totaal == pytest.approx(5289 * 0.03 * (0.1 / 3) * 27642)
    assert r.extra_herindicaties == pytest.approx(5289 * 0.03 * 0.2)
    # access stays: every client of the basis is still there
    assert m.clienten.sum() == 103490 + 163142


def test_variants_choose_the_group() -> None:
    thuis = _run({"variant": "iedereen_thuis"}).maatwerk
    assert set(thuis[thuis.clienten_maatwerk > 0].optie) == {"mpt", "pgb", "vpt_excl", "vpt_incl"}
    beperkt = _run({"variant": "beperkte_groep", "aandeel_beperkte_groep_pct": 10}).maatwerk
    assert beperkt.clienten_maatwerk.sum() == pytest.approx(thuis.clienten_maatwerk.sum() * 0.1)


def test_todays_values_change_nothing() -> None:
    u = _run({"variant": "iedereen_thuis"})
    assert (u.maatwerk.meer == 0).all() and (u.maatwerk.minder == 0).all()
    assert u.samenvatting.iloc[0].wlz_verschil == 0
