"""Every shipped example scenario reads and runs, on seed004 and on an analysis folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from wlz.scenario import read_analysis, read_scenario, run_scenario

VOORBEELDEN = sorted((Path(__file__).parents[2] / "examples" / "scenario").glob("*.yaml"))


def test_there_is_an_example_per_option() -> None:
    opties = {s.naam for p in VOORBEELDEN for s in read_scenario(p).stappen}
    assert opties == {
        "knip",
        "taakstelling",
        "behandeling_naar_zvw",
        "alles_integraal",
        "vpt_incl_afgeschaft",
        "extra_kosten_thuis",
        "toeslagen_in_budget",
        "maatwerkindicatie",
    }


@pytest.mark.parametrize("pad", VOORBEELDEN, ids=[p.stem for p in VOORBEELDEN])
def test_example_runs(pad: Path, analyse_map: Path) -> None:
    s = read_scenario(pad)
    for basis in ("seed004", read_analysis(analyse_map)):
        u = run_scenario(s, basis)
        assert len(u.samenvatting) == len(s.stappen)
