"""The coverage table in docs/bronnen-parameters.md is generated from the parameter files and must be up to date."""

from __future__ import annotations

from pathlib import Path

from wlz.rules import dekking

PAGINA = Path(__file__).resolve().parents[2] / "docs" / "bronnen-parameters.md"


def test_dekkingstabel_is_actueel():
    # regenerate from the YAML and compare; on failure run: python scripts/parameter_coverage.py
    assert dekking.sectie(PAGINA.read_text("utf-8")) == dekking.markdown(), (
        "docs/bronnen-parameters.md: dekkingstabel verouderd; draai python scripts/parameter_coverage.py"
    )


def test_dekking_volgt_de_parameters():
    rijen = {r.naam: r.status for r in dekking.rijen()}
    jaar = {j: i for i, j in enumerate(dekking.JAREN)}
    hoog = rijen["eigen_bijdrage.hoog.maximum_per_maand"]
    assert hoog[jaar[2017]] == "bekend" and hoog[jaar[2023]] == "onbekend" and hoog[jaar[2016]] == "onbekend"
    assert rijen["eigen_bijdrage.laag.inkomenskorting_thuis_3_3_2_4a"][jaar[2026]] == "n.v.t."
    assert rijen["overbruggingszorg.termijn_maanden"][jaar[2020]] == "voorbeeld"
    assert rijen["pgb.profielbedrag.*"][jaar[2025]] == "voorbeeld"
    assert rijen["pab.maximum.alleenstaand"][jaar[2022]] == "bekend"
