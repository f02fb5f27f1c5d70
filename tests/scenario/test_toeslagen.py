"""Toeslagen in het budget over the pgb/mpt population, with the rules' reform (rekenjaar 2015)."""

from __future__ import annotations

from pathlib import Path

import pytest

from wlz.common.errors import InputError
from wlz.scenario import parse_scenario, read_analysis, run_scenario


def _run(parameters: dict[str, object], basis: object = "seed004"):  # type: ignore[no-untyped-def]
    s = parse_scenario({"opties": [{"toeslagen_in_budget": parameters}]})
    return run_scenario(s, basis)  # type: ignore[arg-type]


def test_gain_and_doelmatigheid_by_hand() -> None:
    u = _run(
        {
            "aandeel_met_toeslag_pct": 10,
            "toeslag_zorginhoudelijk_overig": 5000,
            "mpt_kosten_pct_van_budget": [90, 100, 105, 110, 120],
        }
    )
    t = u.toeslagen.set_index(["sector", "zorgprofiel", "optie"])
    vg3 = t.loc[("vg", 3, "mpt")]
    # VG3 pgb 2015 in the rules: € 27,642; with the toeslag € 32,642 (118 % of the old budget)
    assert vg3.budget_voor == 27642 and vg3.budget_na_met_toeslag == 32642
    # 5289 clients (seed 004 table 5), 10 % with a toeslag: 528.9 × € 5,000
    assert vg3.winst_totaal == pytest.approx(528.9 * 5000)
    # before: cost points 90 and 100 pass (2 of 5); after, for the 10 % with a toeslag also 105 and 110 (4 of 5)
    assert vg3.doelmatig_voor == pytest.approx(5289 * 0.4)
    assert vg3.doelmatig_na == pytest.approx(5289 * (0.9 * 0.4 + 0.1 * 0.8))
    # VG7: € 53,031 → € 58,031 (109.4 %): 105 passes, 110 does not
    vg7 = t.loc[("vg", 7, "mpt")]
    assert vg7.doelmatig_na == pytest.approx(880 * (0.9 * 0.4 + 0.1 * 0.6))
    # the test applies to mpt only
    assert t.loc[("vg", 3, "pgb")].doelmatig_voor != t.loc[("vg", 3, "pgb")].doelmatig_voor  # NaN
    assert "aanbeveling 6" in u.samenvatting.iloc[0].referentie


@pytest.mark.parametrize("vandaag", [{"aandeel_met_toeslag_pct": 0, "toeslag_beademing": 9000}, {}])
def test_todays_values_change_nothing(vandaag: dict[str, object]) -> None:
    u = _run({**vandaag, "mpt_kosten_pct_van_budget": [95, 105]})
    assert (u.toeslagen.winst_totaal == 0).all()
    mpt = u.toeslagen[u.toeslagen.optie == "mpt"]
    assert (mpt.doelmatig_erbij == 0).all()
    assert u.samenvatting.iloc[0].wlz_verschil == 0


def test_profiles_without_pgb_or_amounts_are_named(analyse_map: Path) -> None:
    u = _run({"aandeel_met_toeslag_pct": 50, "toeslag_beademing": 1000, "rekenjaar": 2019}, read_analysis(analyse_map))
    assert u.toeslagen.opmerking.str.contains("geen pgb-bedrag").all()
    assert u.toeslagen.winst_totaal.isna().all()
    with pytest.raises(InputError):
        run_scenario(parse_scenario({"jaar": 2020, "opties": ["toeslagen_in_budget"]}), "seed004-sector")
