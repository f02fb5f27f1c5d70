"""Today's values change nothing; bad scenario files are refused with the field named (CLI exit 2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wlz.cli import app
from wlz.common.errors import InputError
from wlz.scenario import parse_scenario, read_analysis, read_scenario, run_scenario

VANDAAG = [
    {"knip": {"variant": "geen"}},
    {"knip": {"variant": "setting", "sectoren": []}},
    {"taakstelling": {"bedrag": 0, "sleutel": "per_dag"}},
    {"behandeling_naar_zvw": {"sectoren": []}},
    {"alles_integraal": {"sectoren": []}},
    {"vpt_incl_afgeschaft": {"sectoren": []}},
]


@pytest.mark.parametrize("optie", VANDAAG, ids=[next(iter(o)) + str(i) for i, o in enumerate(VANDAAG)])
@pytest.mark.parametrize("soort", ["seed004", "analyse"])
def test_todays_values_change_nothing(optie: dict[str, object], soort: str, analyse_map: Path) -> None:
    basis = "seed004" if soort == "seed004" else read_analysis(analyse_map)
    u = run_scenario(parse_scenario({"opties": [optie]}), basis)
    assert u.verschuivingen.empty
    k = u.kosten
    assert (k.clienten_voor == k.clienten_na).all()
    if soort == "analyse":
        assert (k.wlz_voor.fillna(0) == k.wlz_na.fillna(0)).all()
        assert (k.zvw_voor.fillna(0) == k.zvw_na.fillna(0)).all()
    s = u.samenvatting.iloc[0]
    assert s.naar_modulair == 0 and s.naar_integraal == 0
    assert (s.wlz_verschil or 0) == 0 and (s.zvw_verschil or 0) == 0
    if not u.kortingen.empty:
        assert (u.kortingen.korting == 0).all()


@pytest.mark.parametrize(
    ("yaml", "veld"),
    [
        ("opties:\n  - verhuizen: {}\n", "opties[0]"),
        ("opties:\n  - knip: {grens: {vg: 0}}\n", "opties[0].knip.grens.vg"),
        ("opties:\n  - knip: {grens: {vv: 11}}\n", "opties[0].knip.grens.vv"),
        ("opties:\n  - knip: {transitiekosten: -5}\n", "opties[0].knip.transitiekosten"),
        ("opties:\n  - knip: {thuis_naar_vpt_incl_pct: 101}\n", "opties[0].knip.thuis_naar_vpt_incl_pct"),
        ("opties:\n  - knip: {variant: diagonaal}\n", "opties[0].knip.variant"),
        ("opties:\n  - knip: {kleur: rood}\n", "opties[0].knip.kleur"),
        ("opties:\n  - knip: {betaler: {tandarts: zvw}}\n", "opties[0].knip.betaler"),
        ("opties:\n  - knip: {betaler: {farmacie: cak}}\n", "opties[0].knip.betaler.farmacie"),
        ("opties:\n  - knip: {}\n  - taakstelling: {bedrag: -170000000}\n", "opties[1].taakstelling.bedrag"),
        (
            "opties:\n  - behandeling_naar_zvw: {alleen_onder: {vg: 12}}\n",
            "opties[0].behandeling_naar_zvw.alleen_onder.vg",
        ),
        ("jaar: negentien\nopties: [knip]\n", "jaar"),
        (
            "opties:\n  - maatwerkindicatie: {aandeel_past_niet_pct: 150}\n",
            "opties[0].maatwerkindicatie.aandeel_past_niet_pct",
        ),
        (
            "opties:\n  - toeslagen_in_budget: {toeslag_beademing: -1}\n",
            "opties[0].toeslagen_in_budget.toeslag_beademing",
        ),
        ("opties:\n  - extra_kosten_thuis: {percentage: 125}\n", "opties[0].extra_kosten_thuis.percentage"),
        ("opties:\n  - extra_kosten_thuis: {zaad: -1}\n", "opties[0].extra_kosten_thuis.zaad"),
        (
            "opties:\n  - maatwerkindicatie: {behoefte_spreiding_pct: 600}\n",
            "opties[0].maatwerkindicatie.behoefte_spreiding_pct",
        ),
        ("opties: []\n", "opties"),
        ("jaar: 2019\n", "opties"),
        ("opties: [knip]\nbasis: seed004\n", "basis"),
        ("opties: [knip\n", "scenario"),
    ],
)
def test_bad_files_name_the_field(tmp_path: Path, yaml: str, veld: str) -> None:
    pad = tmp_path / "s.yaml"
    pad.write_text(yaml, encoding="utf-8")
    with pytest.raises(InputError) as e:
        read_scenario(pad)
    assert e.value.veld == veld
    r = CliRunner().invoke(app, ["scenario", str(pad), "--basis", "seed004", "--out", str(tmp_path / "o")])
    assert r.exit_code == 2
    assert veld in r.output and "Fout in de invoer" in r.output


def test_cli_writes_tables_json_and_report(tmp_path: Path) -> None:
    pad = tmp_path / "s.yaml"
    pad.write_text(
        "jaar: 2019\nopties:\n  - knip: {variant: combinatie, grens: {vg: 6, vv: 6}}\n"
        "  - taakstelling: {sleutel: per_dag}\n",
        encoding="utf-8",
    )
    out = tmp_path / "o"
    r = CliRunner().invoke(app, ["scenario", str(pad), "--basis", "seed004", "--out", str(out)])
    assert r.exit_code == 0, r.output
    for naam in (
        "verschuivingen.csv",
        "kosten.csv",
        "kortingen.csv",
        "samenvatting.csv",
        "scenario.json",
        "rapport.html",
    ):
        assert (out / naam).exists(), naam
    assert (
        (out / "verschuivingen.csv")
        .read_text()
        .splitlines()[0]
        .startswith("jaar,sector,zorgprofiel,van,naar,clienten_gewogen")
    )
    meta = json.loads((out / "scenario.json").read_text())
    opties = meta["scenario"]["opties"]
    assert [o["optie"] for o in opties] == ["knip", "taakstelling"]
    assert opties[1]["parameters"]["bedrag"] == 170000000.0 and "§1.1" in opties[1]["bronnen"]["bedrag"]
    assert opties[0]["bronnen"]["grens"].startswith("keuze")
    # the json is enough to repeat the run
    again = parse_scenario(
        {"jaar": meta["scenario"]["jaar"], "opties": [{o["optie"]: o["parameters"]} for o in opties]}
    )
    assert again.stappen == read_scenario(pad).stappen


def test_cli_vergelijk(tmp_path: Path) -> None:
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    a.write_text("opties:\n  - knip: {variant: setting}\n", encoding="utf-8")
    b.write_text("opties:\n  - knip: {variant: combinatie, grens: {vg: 5, vv: 6}}\n", encoding="utf-8")
    r = CliRunner().invoke(app, ["scenario", "vergelijk", str(a), str(b), "--out", str(tmp_path / "v")])
    assert r.exit_code == 0, r.output
    rows = (tmp_path / "v" / "vergelijking.csv").read_text().splitlines()
    # setting: 2476 to modular (1307 + 1169); combinatie vg5/vv6: 67802
    assert "cliënten naar modulair,2476.0,67802.0,65326.0" in rows


def test_payer_for_an_unknown_leveringsvorm_is_refused() -> None:
    with pytest.raises(InputError) as e:
        parse_scenario({"opties": [{"knip": {"betaler": {"huisarts": {"pgb": "wlz"}}}}]})
    assert e.value.veld is not None and e.value.veld.startswith("opties[0].knip.betaler.huisarts")
