"""A claims folder as basis is analysed first (wlz analyse), then the scenario runs on the analysis' tables."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from typer.testing import CliRunner

from wlz.cli import app


def test_claims_folder_is_analysed_first(tmp_path: Path) -> None:
    runner = CliRunner()
    claims = tmp_path / "claims"
    r = runner.invoke(app, ["genereer", "--out", str(claims), "--jaren", "2019", "--schaal", "0.001"])
    assert r.exit_code == 0, r.output
    scenario = tmp_path / "s.yaml"
    scenario.write_text("opties:\n  - knip: {variant: setting}\n", encoding="utf-8")
    out = tmp_path / "uit"
    r = runner.invoke(app, ["scenario", str(scenario), "--basis", str(claims), "--out", str(out), "--geen-rapport"])
    assert r.exit_code == 0, r.output
    assert (out / "analyse" / "uitgaven_per_dag.csv").exists()
    kosten = pd.read_csv(out / "kosten.csv")
    zorg = kosten[kosten.optie != "pgb"]
    assert zorg.wlz_voor.sum() > 0 and zorg.dagen_voor.sum() > 0
    assert kosten.herkomst.str.contains("uitgaven_per_dag.csv").any()
    assert not pd.read_csv(out / "verschuivingen.csv").empty


def test_seed004_has_no_other_year(tmp_path: Path) -> None:
    scenario = tmp_path / "s.yaml"
    scenario.write_text("opties: [vpt_incl_afgeschaft]\n", encoding="utf-8")
    r = CliRunner().invoke(app, ["scenario", str(scenario), "--jaar", "2020", "--out", str(tmp_path / "o")])
    assert r.exit_code == 2 and "jaar" in r.output and "2019" in r.output
