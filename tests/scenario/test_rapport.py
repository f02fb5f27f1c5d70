"""rapport.html is Dutch, self-contained and shows what the tables hold."""

from __future__ import annotations

import re
from pathlib import Path

from wlz.scenario import parse_scenario, read_analysis, run_scenario
from wlz.scenario.report import render


def test_report_on_an_analysis_basis(analyse_map: Path) -> None:
    s = parse_scenario(
        {
            "naam": "proef",
            "opties": [{"knip": {"variant": "setting"}}, "alles_integraal", {"taakstelling": {"sleutel": "per_dag"}}],
        }
    )
    html = render(run_scenario(s, read_analysis(analyse_map)))
    assert '<html lang="nl">' in html and "Scenario: proef" in html
    assert "in de volgorde van het scenariobestand" in html
    assert "1. knip, 2. alles_integraal, 3. taakstelling" in html
    # four charts (bars vg, bars vv, moves, waterfall), embedded; nothing loaded from elsewhere
    assert len(re.findall(r'src="data:image/png;base64,', html)) == 4
    assert not re.search(r'(src|href)="(https?:)?//', html)
    assert "837" in html and "Taakstelling" in html
    assert "Wat dit rapport niet berekent" in html


def test_report_on_seed004_says_there_are_no_costs() -> None:
    html = render(run_scenario(parse_scenario({"opties": [{"knip": {"variant": "setting"}}]}), "seed004"))
    assert "Geen kosten in de basis" in html
    assert "vg 18.791 cliënten" in html  # pgb block of table 5, Dutch thousands separator
    assert len(re.findall(r"base64,", html)) == 3
