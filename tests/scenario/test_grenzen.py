"""The knip for every cut: where seed 004 §4.3's "more to modular than to integral" holds (seed004 basis)."""

from __future__ import annotations

import pandas as pd

from wlz.scenario import parse_scenario, run_scenario


def _grenzen(knip: dict[str, object]) -> pd.DataFrame:
    g = run_scenario(parse_scenario({"opties": [{"knip": knip}]}), "seed004").grenzen
    return g.set_index(["sector", "grens"])


def test_combinatie_holds_from_vg5_and_vv6() -> None:
    g = _grenzen({"variant": "combinatie"})
    # vg cut 4: 4557 + 1307 = 5864 to modular against 3558 + 1210 + 3802 + 144 + 286 = 9000 to integral
    assert g.loc[("vg", 4)].naar_modulair == 5864 and g.loc[("vg", 4)].naar_integraal == 9000
    # vg cut 5: 4557 + 4410 + 1307 = 10274 against 5442
    assert g.loc[("vg", 5)].naar_modulair == 10274 and g.loc[("vg", 5)].naar_integraal == 5442
    # vv cut 5: 4158 + 1169 = 5327 against 14704; cut 6: 56359 + 1169 = 57528 against 7241
    assert g.loc[("vv", 5)].naar_modulair == 5327 and g.loc[("vv", 6)].naar_modulair == 57528
    houdt = g[g.meer_naar_modulair].reset_index().groupby("sector").grens.min().to_dict()
    assert houdt == {"vg": 5, "vv": 6}
    assert (g.reset_index().groupby("sector").grens.count() == 10).all()


def test_the_sweep_does_not_change_the_run() -> None:
    u = run_scenario(
        parse_scenario({"opties": [{"knip": {"variant": "combinatie", "grens": {"vg": 5, "vv": 6}}}]}), "seed004"
    )
    assert u.samenvatting.iloc[0].naar_modulair == 67802


def test_no_sweep_for_setting() -> None:
    assert run_scenario(parse_scenario({"opties": [{"knip": {"variant": "setting"}}]}), "seed004").grenzen.empty
