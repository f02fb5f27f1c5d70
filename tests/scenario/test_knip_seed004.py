"""The knip variants on the seed004 basis, checked against moves computed by hand from seed 004 tables 5 and 6.

Table 5 (vg, profiles 3-8) and table 6 (vv, profiles 4-8), 2019, weighted clients:
  vg zzp_incl 4557 4410 6557 12433 13249 5188 | zzp_excl 7054 3558 1210 3802 144 286 | vpt_incl 639 144 48 375 74 27
     vpt_excl 1021 278 72 548 44 16 | mpt 5289 4054 2820 4157 880 1765
  vv zzp_incl 4158 52201 20665 10674 2075 | zzp_excl 19688 7463 6969 158 114 | vpt_incl 198 693 191 75 12
     vpt_excl 2660 3485 1515 86 46 | mpt 7422 11019 2589 128 162
"""

from __future__ import annotations

import pandas as pd
import pytest

from wlz.scenario import parse_scenario, run_scenario


def _run(*opties: object) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    u = run_scenario(parse_scenario({"jaar": 2019, "opties": list(opties)}), "seed004")
    return u.verschuivingen, u.kosten, u.samenvatting


def _som(v: pd.DataFrame, sector: str, van: str, naar: str, profielen: tuple[int, ...] | None = None) -> float:
    s = v[(v.sector == sector) & (v.van == van) & (v.naar == naar)]
    if profielen is not None:
        s = s[s.zorgprofiel.isin(profielen)]
    return float(s.clienten_gewogen.sum())


def test_combinatie_vg5_vv6_more_to_modular_as_the_seed_says() -> None:
    v, _, s = _run({"knip": {"variant": "combinatie", "grens": {"vg": 5, "vv": 6}}})
    # vg: zzp_incl of profiles 3 and 4 (4557 + 4410) and every vpt_incl (1307) become modular
    assert _som(v, "vg", "zzp_incl", "zzp_excl") == 4557 + 4410 == 8967
    assert _som(v, "vg", "vpt_incl", "vpt_excl") == 639 + 144 + 48 + 375 + 74 + 27 == 1307
    # vg: zzp_excl of profiles 5-8 (1210 + 3802 + 144 + 286) become integral
    assert _som(v, "vg", "zzp_excl", "zzp_incl") == 5442
    # vv: zzp_incl 4 and 5 (4158 + 52201), vpt_incl all (1169) → modular; zzp_excl 6-8 (6969 + 158 + 114) → integral
    assert _som(v, "vv", "zzp_incl", "zzp_excl") == 56359
    assert _som(v, "vv", "vpt_incl", "vpt_excl") == 1169
    assert _som(v, "vv", "zzp_excl", "zzp_incl") == 7241
    rij = s.iloc[0]
    assert rij.naar_modulair == 8967 + 1307 + 56359 + 1169 == 67802
    assert rij.naar_integraal == 5442 + 7241 == 12683
    assert bool(rij.meer_naar_modulair) is True
    assert "klopt voor" in rij.referentie


def test_combinatie_vg4_vv5_more_to_integral_than_to_modular() -> None:
    v, _, s = _run({"knip": {"variant": "combinatie", "grens": {"vg": 4, "vv": 5}}})
    # vg: modular 4557 (zzp_incl 3) + 1307 (vpt_incl) = 5864; integral 3558 + 1210 + 3802 + 144 + 286 = 9000
    # vv: modular 4158 (zzp_incl 4) + 1169 = 5327; integral 7463 + 6969 + 158 + 114 = 14704
    assert _som(v, "vg", "zzp_incl", "zzp_excl") == 4557
    assert _som(v, "vg", "zzp_excl", "zzp_incl") == 9000
    assert _som(v, "vv", "zzp_excl", "zzp_incl") == 14704
    rij = s.iloc[0]
    assert rij.naar_modulair == 5864 + 5327 == 11191
    assert rij.naar_integraal == 9000 + 14704 == 23704
    assert bool(rij.meer_naar_modulair) is False
    assert "klopt niet" in rij.referentie


def test_setting_moves_every_zzp_excl_to_integral_and_every_vpt_incl_to_modular() -> None:
    v, k, s = _run({"knip": {"variant": "setting"}})
    assert _som(v, "vg", "zzp_excl", "zzp_incl") == 16054
    assert _som(v, "vv", "zzp_excl", "zzp_incl") == 19688 + 7463 + 6969 + 158 + 114 == 34392
    assert _som(v, "vg", "vpt_incl", "vpt_excl") == 1307
    assert _som(v, "vv", "vpt_incl", "vpt_excl") == 1169
    assert bool(s.iloc[0].meer_naar_modulair) is False
    na = k.groupby(["sector", "optie"]).clienten_na.sum()
    assert na[("vg", "zzp_excl")] == 0 and na[("vv", "vpt_incl")] == 0


def test_zorgzwaarte_home_clients_stay_by_default() -> None:
    v, _, _ = _run({"knip": {"variant": "zorgzwaarte", "grens": {"vg": 6, "vv": 6}}})
    # below 6: zzp_incl → excl (vg 4557 + 4410 + 6557 = 15524; vv 4158 + 52201 = 56359),
    #          vpt_incl → excl (vg 639 + 144 + 48 = 831; vv 198 + 693 = 891)
    assert _som(v, "vg", "zzp_incl", "zzp_excl") == 15524
    assert _som(v, "vg", "vpt_incl", "vpt_excl") == 831
    assert _som(v, "vv", "zzp_incl", "zzp_excl") == 56359
    assert _som(v, "vv", "vpt_incl", "vpt_excl") == 891
    # at or above 6: zzp_excl → incl (vg 3802 + 144 + 286 = 4232; vv 6969 + 158 + 114 = 7241); vpt_incl 6-8 stays
    assert _som(v, "vg", "zzp_excl", "zzp_incl") == 4232
    assert _som(v, "vv", "zzp_excl", "zzp_incl") == 7241
    assert _som(v, "vg", "vpt_incl", "vpt_excl", (6, 7, 8)) == 0
    assert v[v.naar == "vpt_incl"].empty  # nobody at home is forced to move


@pytest.mark.parametrize("pct", [100, 50])
def test_zorgzwaarte_home_clients_above_the_cut_move_to_vpt_incl_by_option(pct: float) -> None:
    v, _, _ = _run({"knip": {"variant": "zorgzwaarte", "grens": {"vg": 6, "vv": 6}, "thuis_naar_vpt_incl_pct": pct}})
    f = pct / 100
    assert _som(v, "vg", "vpt_excl", "vpt_incl") == pytest.approx((548 + 44 + 16) * f)
    assert _som(v, "vg", "mpt", "vpt_incl") == pytest.approx((4157 + 880 + 1765) * f)
    assert _som(v, "vv", "vpt_excl", "vpt_incl") == pytest.approx((1515 + 86 + 46) * f)
    assert _som(v, "vv", "mpt", "vpt_incl") == pytest.approx((2589 + 128 + 162) * f)
    assert _som(v, "vg", "mpt", "vpt_incl", (3, 4, 5)) == 0


def test_sectors_may_differ_and_pgb_never_moves() -> None:
    v, k, _ = _run({"knip": {"variant": {"vg": "setting", "vv": "geen"}}})
    assert set(v.sector) == {"vg"}
    assert v[(v.van == "pgb") | (v.naar == "pgb")].empty
    pgb = k[k.optie == "pgb"]
    assert (pgb.clienten_voor == pgb.clienten_na).all()
    assert pgb[pgb.sector == "vg"].clienten_na.sum() == 4254 + 4773 + 3121 + 4650 + 607 + 1386
    # no client is lost or created: tables 5 and 6 sum to 103,490 (vg) and 163,142 (vv)
    assert k.groupby("sector").clienten_na.sum().to_dict() == {"vg": 103490, "vv": 163142}


def test_extremes_on_seed004() -> None:
    v, _, s = _run("vpt_incl_afgeschaft")
    assert _som(v, "vg", "vpt_incl", "vpt_excl") == 1307 and _som(v, "vv", "vpt_incl", "vpt_excl") == 1169
    v, _, s = _run("alles_integraal")
    # all zzp_excl and vpt_excl (vg 16054 + 1979; vv 34392 + 7792)
    assert s.iloc[0].naar_integraal == 16054 + 1979 + 34392 + 7792
    assert "837" in s.iloc[0].referentie and "417,8" in s.iloc[0].referentie
    v, _, s = _run({"behandeling_naar_zvw": {"alleen_onder": {"vg": 5}}})
    # vg only profiles 3-4: zzp_incl 4557 + 4410, vpt_incl 639 + 144; vv every profile: 89773 + 1169
    assert _som(v, "vg", "zzp_incl", "zzp_excl") == 8967 and _som(v, "vg", "vpt_incl", "vpt_excl") == 783
    assert _som(v, "vv", "zzp_incl", "zzp_excl") == 89773 and _som(v, "vv", "vpt_incl", "vpt_excl") == 1169


def test_options_apply_in_the_order_written() -> None:
    # setting then vpt_incl_afgeschaft: the second has nobody left in vpt_incl
    v, _, _ = _run({"knip": {"variant": "setting"}}, "vpt_incl_afgeschaft")
    assert v[v.stap == 2].empty
    # alles_integraal then knip setting: the knip moves vpt_incl (1307 + 1979 in vg) back to modular
    v, _, _ = _run("alles_integraal", {"knip": {"variant": "setting"}})
    assert _som(v[v.stap == 2], "vg", "vpt_incl", "vpt_excl") == 1307 + 1979


def test_euros_say_no_costs_in_the_seed004_basis() -> None:
    _, k, s = _run({"knip": {"variant": "setting"}})
    assert (k.herkomst == "geen kosten in de basis").all()
    assert k.wlz_na.isna().all() and k.zvw_voor.isna().all()
    assert s.iloc[0].opmerking == "geen kosten in de basis"
