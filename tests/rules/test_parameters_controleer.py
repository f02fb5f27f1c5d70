"""``wlz parameters controleer FILE``: an installation's own parameter table checked before use.

Every value needs a source; dates, units and names are checked; the report says in Dutch what the table fills
and what stays onbekend. The complete example of the format (examples/parameters/installatie.yaml) passes, and
the same file gives the same values with the same source through --parameters.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wlz.rules import bereken
from wlz.rules.check_parameters import check_file

VOORBEELD = Path(__file__).parents[2] / "examples" / "parameters" / "installatie.yaml"


def _cli(*args: str) -> tuple[int, str]:
    from wlz.cli import app

    uit = CliRunner().invoke(app, list(args))
    return uit.exit_code, uit.output


def test_het_voorbeeld_van_het_formaat_is_goed():
    rapport = check_file(VOORBEELD)
    assert rapport.fouten == ()
    aangevuld = {(v.parameter, v.vanaf.year) for v in rapport.vullingen if v.was is None}
    assert ("pgb.profielbedrag.VV5", 2026) in aangevuld and ("pgb.profielbedrag.VG5", 2025) in aangevuld
    pab = next(v for v in rapport.vullingen if v.parameter == "pab.maximum.alleenstaand")
    assert pab.was == 365365 and "stcrt-2023-18273" in pab.was_bron and pab.bron.startswith("Stcrt. 2023, 18273")
    assert any(n.startswith("pgb.profielbedrag.*") for n in rapport.onbekend[2026])
    tekst = rapport.tekst()
    assert "Geen fouten" in tekst and "Vult 3 waarde(n) aan" in tekst and "Blijft onbekend in 2026" in tekst


def test_cli_rapport_en_json():
    code, tekst = _cli("parameters", "controleer", str(VOORBEELD))
    assert code == 0 and "Geen fouten" in tekst
    code, tekst = _cli("parameters", "controleer", str(VOORBEELD), "--json")
    assert code == 0 and json.loads(tekst)["fouten"] == []


def test_dezelfde_bron_via_parameters_optie(tmp_path: Path):
    # the per-series source of VG5 reaches the result's parameter list
    uitkomst = bereken(
        {"periode": 2026, "client": {"zorgprofiel": "VG5", "leveringsvorm": "pgb", "gewaarborgde_hulp": True}},
        parameterbestand=__import__("wlz.rules.overlay", fromlist=["load_file"]).load_file(VOORBEELD),
    )
    pgb = uitkomst.resultaat("pgb_budget")
    bron = next(p for p in pgb.parameters if p.naam == "pgb.profielbedrag.VG5")
    assert pgb.waarde == 42957 and pgb.voorbeeld and bron.bron.endswith("voor VG5 (Stcrt. 2018, 56981; Rlz bijlage C)")


@pytest.mark.parametrize(
    ("yaml_tekst", "veld", "woorden"),
    [
        ("waarden:\n  pgb.profielbedrag.VG5: {2026: 1000}\n", "waarden.pgb.profielbedrag.VG5.2026", "geen bron"),
        (
            "bron: x\nwaarden:\n  pgb.profielbedrag.VG5: {2026-13-01: 1000}\n",
            "waarden.pgb.profielbedrag.VG5",
            "geen jaar of datum",
        ),
        (
            "bron: x\nwaarden:\n  pgb.profielbedrag.VG5: {2014: 1000}\n",
            "waarden.pgb.profielbedrag.VG5.2014-01-01",
            "voor de Wlz",
        ),
        (
            "bron: x\nwaarden:\n  pgb.profielbedrag.VG5: {eenheid: fractie, 2026: 0.5}\n",
            "waarden.pgb.profielbedrag.VG5.eenheid",
            "in euro, niet in fractie",
        ),
        ("bron: x\nwaarden:\n  ekt.maximale_verhoging: {2026: 25}\n", "waarden.ekt.maximale_verhoging", "fractie"),
        (
            "bron: x\nwaarden:\n  pgb.profielbedrag.VG9: {2026: 1000}\n",
            "waarden.pgb.profielbedrag.VG9",
            "geen zorgprofiel",
        ),
        (
            "bron: x\nwaarden:\n  pgb.profielbedrg.VG5: {2026: 1000}\n",
            "waarden.pgb.profielbedrg.VG5",
            "onbekende parameter",
        ),
        ("bron: x\nwaarden:\n  pgb.profielbedrag.VG5: {2026: -1}\n", "waarden.pgb.profielbedrag.VG5", "0 of meer"),
    ],
)
def test_fouten_noemen_veld_en_regel(tmp_path: Path, yaml_tekst, veld, woorden):
    pad = tmp_path / "tabel.yaml"
    pad.write_text(yaml_tekst, "utf-8")
    rapport = check_file(pad)
    assert any(f.veld == veld and woorden in f.melding and f.regel for f in rapport.fouten), rapport.fouten
    code, tekst = _cli("parameters", "controleer", str(pad))
    assert code == 1 and "fout(en)" in tekst and "Traceback" not in tekst


def test_alle_fouten_in_een_keer(tmp_path: Path):
    pad = tmp_path / "tabel.yaml"
    pad.write_text("waarden:\n  pgb.profielbedrag.VG5: {2026: 1}\n  pgb.profielbedrag.VG6: {2026: 2}\n", "utf-8")
    assert len(check_file(pad).fouten) == 2


@pytest.mark.parametrize(
    ("inhoud", "woorden"), [(None, "bestaat niet"), ("- a\n", "is een lijst"), ("a: [\n", "geen geldige YAML")]
)
def test_onleesbaar_bestand_exit_2(tmp_path: Path, inhoud, woorden):
    pad = tmp_path / "tabel.yaml"
    if inhoud is not None:
        pad.write_text(inhoud, "utf-8")
    code, tekst = _cli("parameters", "controleer", str(pad), "--json")
    assert code == 2 and woorden in json.loads(tekst)["fout"]["melding"]
