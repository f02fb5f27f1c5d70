"""The sector-level basis seed004-sector: seed 004 tables 1 (ghz) and 2 (vv), 2018-2021, without profiles."""

from __future__ import annotations

from decimal import Decimal

import pytest

from wlz.common.errors import InputError
from wlz.scenario import parse_scenario, run_scenario


def _run(jaar: int, *opties: object):  # type: ignore[no-untyped-def]
    return run_scenario(parse_scenario({"jaar": jaar, "opties": list(opties)}), "seed004-sector")


@pytest.mark.parametrize(
    ("jaar", "ghz_excl", "vv_excl", "ghz_vpt", "vv_vpt"),
    [
        (2018, 21446, 38694, 1491, 1166),
        (2021, 20846, 31453, 1490, 995),
    ],
)
def test_setting_in_the_trend_years(jaar: int, ghz_excl: int, vv_excl: int, ghz_vpt: int, vv_vpt: int) -> None:
    v = _run(jaar, {"knip": {"variant": "setting"}}).verschuivingen.set_index(["sector", "van"]).clienten_gewogen
    assert v[("ghz", "zzp_excl")] == ghz_excl and v[("vv", "zzp_excl")] == vv_excl
    assert v[("ghz", "vpt_incl")] == ghz_vpt and v[("vv", "vpt_incl")] == vv_vpt


def test_taakstelling_per_day_split_over_the_whole_ghz_and_vv() -> None:
    # 2019, pgb excluded: ghz 19468 + 2438 + 1449 + 21233 + 53028 = 97616; vv 21375 + 8045 + 1182 + 36887 + 91333
    # = 158822; ghz share of 170,000,000.00 = 97616 / 256438
    k = _run(2019, {"taakstelling": {"sleutel": "per_dag", "jaren": [2025]}}).kortingen
    per_sector = k.groupby("sector").korting.sum()
    ghz = Decimal(170_000_000) * 97616 / 256438
    assert abs(per_sector["ghz"] - ghz) <= Decimal("0.03")
    assert per_sector["ghz"] + per_sector["vv"] == Decimal("170000000.00")
    assert per_sector["ggz"] == 0


def test_profile_cuts_are_refused_on_a_basis_without_profiles() -> None:
    with pytest.raises(InputError) as e:
        _run(2020, {"knip": {"variant": "combinatie"}})
    assert e.value.veld == "opties[0].knip.variant"
    with pytest.raises(InputError) as e:
        _run(2020, "alles_integraal", {"behandeling_naar_zvw": {"alleen_onder": {"vv": 5}}})
    assert e.value.veld == "opties[1].behandeling_naar_zvw.alleen_onder"
    with pytest.raises(InputError) as e:
        _run(2022, "alles_integraal")
    assert e.value.veld == "jaar"


def test_vg_settings_apply_to_the_ghz() -> None:
    v = _run(2020, {"knip": {"variant": "setting", "sectoren": ["vg"]}}).verschuivingen
    assert set(v.sector) == {"ghz"}
    assert v.clienten_gewogen.sum() == 21005 + 1465
