"""On an analysis of `wlz genereer --schaal 1.0` data the knip moves the same clients as on the seed tables.

Needs a national-scale analysis folder (minutes to make), so it runs only when WLZ_SCENARIO_LANDELIJK names one:
    wlz genereer --out G --jaren 2019 --schaal 1.0 && wlz analyse G --out A
    WLZ_SCENARIO_LANDELIJK=A pytest tests/scenario/test_landelijk.py
The synthetic data is calibrated to seed 004 within 0.11 % for cells of at least 1,000 clients
(src/wlz/synthetic/README.md); the moves must agree within that.
"""

from __future__ import annotations

import os

import pytest

from wlz.scenario import parse_scenario, read_analysis, run_scenario

MAP = os.environ.get("WLZ_SCENARIO_LANDELIJK")
pytestmark = pytest.mark.skipif(not MAP, reason="zet WLZ_SCENARIO_LANDELIJK op een landelijke analysemap")

VARIANTEN = [
    {"variant": "combinatie", "grens": {"vg": 5, "vv": 6}},
    {"variant": "combinatie", "grens": {"vg": 4, "vv": 5}},
    {"variant": "setting"},
    {"variant": "zorgzwaarte", "grens": {"vg": 6, "vv": 6}, "thuis_naar_vpt_incl_pct": 100},
]


@pytest.mark.parametrize("knip", VARIANTEN, ids=lambda v: str(v["variant"]) + str(v.get("grens", "")))
def test_same_moves_as_on_the_seed_tables(knip: dict[str, object]) -> None:
    s = parse_scenario({"opties": [{"knip": knip}]})
    seed = run_scenario(s, "seed004").verschuivingen
    landelijk = run_scenario(s, read_analysis(str(MAP))).verschuivingen
    m = seed.merge(landelijk, on=["sector", "zorgprofiel", "van", "naar"], how="left", suffixes=("_s", "_a"))
    assert m.clienten_gewogen_a.notna().all()
    groot = m[m.clienten_gewogen_s >= 1000]
    rel = (groot.clienten_gewogen_a - groot.clienten_gewogen_s).abs() / groot.clienten_gewogen_s
    assert (rel <= 0.0011).all()
