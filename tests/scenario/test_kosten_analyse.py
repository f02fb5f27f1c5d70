"""Costs on an analysis-folder basis, checked by hand against the small folder of scenario_helpers.

vv profile 5: zzp_incl 2 clients, 730 days at €300 Wlz; zzp_excl 1 client, 365 days at €200 zzp + €20 behandeling
(Wlz) + €10 huisarts + €5 farmacie (Zvw). vg profile 7: zzp_excl 1 client, 365 days at €250 + €30 behandeling;
zzp_incl 1 client, 365 days at €320.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from wlz.scenario import parse_scenario, read_analysis, run_scenario


def _run(basis: Path, *opties: object):  # type: ignore[no-untyped-def]
    return run_scenario(parse_scenario({"jaar": 2019, "opties": list(opties)}), read_analysis(basis))


def test_knip_moved_clients_take_the_per_day_cost_of_the_destination(analyse_map: Path) -> None:
    u = _run(analyse_map, {"knip": {"variant": "combinatie", "grens": {"vg": 6, "vv": 6}, "transitiekosten": 10000}})
    k = u.kosten.set_index(["sector", "zorgprofiel", "optie"])
    # vv 5 zzp_incl → zzp_excl: 2 clients keep their 730 days, at €220 Wlz and €15 Zvw per day
    excl = k.loc[("vv", 5, "zzp_excl")]
    assert excl.clienten_na == 3 and excl.dagen_na == 1095
    assert excl.wlz_na == pytest.approx(73000 + 7300 + 730 * 220)
    assert excl.zvw_na == pytest.approx(3650 + 1825 + 730 * 15)
    assert k.loc[("vv", 5, "zzp_incl")].wlz_na == 0
    # vg 7 zzp_excl → zzp_incl: 365 days at €320 instead of €280
    assert k.loc[("vg", 7, "zzp_incl")].wlz_na == pytest.approx(2 * 365 * 320)
    s = u.samenvatting.iloc[0]
    # Wlz: vv −219000 + 160600 = −58400, vg +116800 − 102200 = +14600; Zvw +10950
    assert s.wlz_verschil == pytest.approx(-58400 + 14600)
    assert s.zvw_verschil == pytest.approx(10950)
    assert s.bruto == pytest.approx(-58400 + 14600 + 10950)
    assert s.netto == pytest.approx(-58400 + 14600 + 10950 + 10000)
    assert "uitgaven_per_dag.csv" in excl.herkomst and "seed 004 §4.3" in excl.herkomst


def test_pgb_is_reported_apart_without_euros(analyse_map: Path) -> None:
    k = _run(analyse_map, {"knip": {"variant": "setting"}}).kosten
    pgb = k[k.optie == "pgb"].iloc[0]
    assert pgb.clienten_voor == pgb.clienten_na == 3
    assert pgb.wlz_na is None or pgb.wlz_na != pgb.wlz_na
    assert "pgb" in pgb.herkomst


def test_behandeling_naar_zvw_moves_the_modular_behandeling_to_the_zvw(analyse_map: Path) -> None:
    u = _run(analyse_map, "behandeling_naar_zvw")
    s = u.samenvatting.iloc[0]
    # vv5: 2 zzp_incl clients → excl at €200 Wlz, and the €20 behandeling of all 3 becomes Zvw;
    # vg7: 1 zzp_incl client → excl, €30 behandeling of both to the Zvw
    wlz_voor = 219000 + 80300 + 15000 + 102200 + 116800
    wlz_na = 1095 * 200 + 15000 + 730 * 250
    assert s.wlz_verschil == pytest.approx(wlz_na - wlz_voor)
    zvw_voor = 5475
    zvw_na = 1095 * 35 + 730 * 30
    assert s.zvw_verschil == pytest.approx(zvw_na - zvw_voor)


def test_alles_integraal_shows_the_nza_estimate_beside_the_model(analyse_map: Path) -> None:
    s = _run(analyse_map, "alles_integraal").samenvatting.iloc[0]
    # vv5 zzp_excl (365 days) → €300 per day Wlz, no Zvw; vg7 zzp_excl → €320
    assert s.wlz_verschil == pytest.approx(365 * 300 - 80300 + 365 * 320 - 102200)
    assert s.zvw_verschil == pytest.approx(-5475)
    assert "837" in s.referentie and "417,8" in s.referentie and "Bijlage 1" in s.referentie


def test_surcharge_for_non_client_time_and_purchasing_saving(analyse_map: Path) -> None:
    basis = {"variant": "combinatie", "grens": {"vg": 6, "vv": 6}}
    gewoon = _run(analyse_map, {"knip": basis}).samenvatting.iloc[0]
    extra = _run(
        analyse_map, {"knip": {**basis, "opslag_niet_clientgebonden_pct": 10, "inkoopvoordeel_pct": 20}}
    ).samenvatting.iloc[0]
    # vv5: the 2 clients moved to zzp_excl get €20/day behandeling on 730 days, 10 % more: +1460 Wlz;
    # farmacie (€5/day) of the 3 zzp_excl clients on 1095 days, 20 % less: −1095 Zvw
    assert extra.wlz_verschil - gewoon.wlz_verschil == pytest.approx(730 * 20 * 0.10)
    assert extra.zvw_verschil - gewoon.zvw_verschil == pytest.approx(-1095 * 5 * 0.20)


def test_payers_default_from_the_reference_table_and_follow_the_options() -> None:
    from wlz.scenario import parse_scenario, run_scenario

    vandaag = run_scenario(parse_scenario({"opties": [{"knip": {"variant": "geen"}}]}), "seed004").betalers
    # wlz.reference: zzp exclusief → specifieke behandeling per module (Wlz), huisarts Zvw; zzp inclusief all Wlz
    assert vandaag["vg"]["zzp_excl"]["specifieke_behandeling"] == "wlz"
    assert vandaag["vg"]["zzp_excl"]["huisarts"] == "zvw"
    assert set(vandaag["vv"]["zzp_incl"].values()) == {"wlz"}
    naar_zvw = run_scenario(parse_scenario({"opties": ["behandeling_naar_zvw"]}), "seed004").betalers
    assert set(naar_zvw["vv"]["zzp_excl"].values()) == {"zvw"}
    integraal = run_scenario(parse_scenario({"opties": ["alles_integraal"]}), "seed004").betalers
    assert set(integraal["vg"]["vpt_incl"].values()) == {"wlz"}
    knip = run_scenario(
        parse_scenario({"opties": [{"knip": {"betaler": {"farmacie": "wlz"}, "sectoren": ["vv"]}}]}), "seed004"
    ).betalers
    assert knip["vv"]["mpt"]["farmacie"] == "wlz" and knip["vg"]["mpt"]["farmacie"] == "zvw"


def test_payer_per_behandelvorm_and_leveringsvorm(analyse_map: Path) -> None:
    from wlz.scenario import parse_scenario, run_scenario

    s = parse_scenario({"opties": [{"knip": {"variant": "geen", "betaler": {"huisarts": {"zzp_excl": "wlz"}}}}]})
    u = run_scenario(s, read_analysis(analyse_map))
    assert u.betalers["vv"]["zzp_excl"]["huisarts"] == "wlz" and u.betalers["vv"]["mpt"]["huisarts"] == "zvw"
    # vv5 zzp_excl: €10/day huisarts on 365 days now Wlz
    assert u.samenvatting.iloc[0].wlz_verschil == pytest.approx(3650)
    assert u.samenvatting.iloc[0].zvw_verschil == pytest.approx(-3650)
