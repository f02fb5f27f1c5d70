"""Issue 10, section 1: answers that were wrong (not unknown) before, each pinned by a test that failed then.

The CLI is driven in-process (typer's runner on ``wlz.cli.app``), so what a user sees in the terminal, its exit
code and the JSON are checked as the command produces them, without a new interpreter per case.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wlz.rules import InvoerFout, bereken

VOORBEELD = Path(__file__).parents[2] / "src" / "wlz" / "rules" / "voorbeeld_parameters.yaml"
#: issue 10, 1.1: VG7 has no public pgb amount for 2019, so the limit of the doelmatigheidstoets is unknown
VG7_MPT_2019 = {"periode": 2019, "client": {"zorgprofiel": "VG7", "leveringsvorm": "mpt", "mpt_kosten": 50000}}


def _cli(*args: str) -> tuple[int, str]:
    from wlz.cli import app

    uit = CliRunner().invoke(app, list(args))
    return uit.exit_code, uit.output


def _schrijf(tmp_path: Path, naam: str, tekst: str) -> Path:
    pad = tmp_path / naam
    pad.write_text(tekst, "utf-8")
    return pad


# 1.1 an unknown limit gives an unknown outcome, never a refusal


def test_onbekende_grens_geeft_geen_oordeel_in_de_regels_en_de_json():
    uitkomst = bereken(VG7_MPT_2019)
    doelmatig = uitkomst.resultaat("doelmatig")
    assert uitkomst.resultaat("doelmatigheid_grens").waarde is None
    assert doelmatig.waarde is None  # was False: "nee", a refusal
    assert "kan niet worden beoordeeld" in doelmatig.uitleg
    assert "onbekend hoger" not in doelmatig.uitleg and "niet worden verleend" not in doelmatig.uitleg
    assert uitkomst.as_dict()["resultaten"]["doelmatig"]["waarde"] is None


def test_onbekende_grens_in_de_cli(tmp_path: Path):
    pad = _schrijf(tmp_path, "s.yaml", json.dumps(VG7_MPT_2019))
    code, tekst = _cli("bereken", str(pad))
    assert code == 0
    regel = next(r for r in tekst.splitlines() if r.startswith("Voldoet aan de doelmatigheidstoets"))
    assert regel.endswith("kan niet worden beoordeeld")
    code, tekst = _cli("bereken", str(pad), "--json")
    assert json.loads(tekst)["resultaten"]["doelmatig"]["waarde"] is None


def test_bekende_grens_blijft_een_oordeel():
    binnen = bereken({"periode": 2017, "client": {"zorgprofiel": "VG5", "leveringsvorm": "mpt", "mpt_kosten": 1000}})
    assert binnen.resultaat("doelmatig").waarde is True
    buiten = bereken({"periode": 2017, "client": {"zorgprofiel": "VG5", "leveringsvorm": "mpt", "mpt_kosten": 900000}})
    assert buiten.resultaat("doelmatig").waarde is False


# 1.2 a period is checked on its end too


def test_periode_tot_na_de_parameters_wordt_geweigerd():
    with pytest.raises(InvoerFout) as fout:
        bereken(
            {
                "periode": {"van": "2026-12-31", "tot": "2027-12-31"},
                "client": {"zorgprofiel": "VV5", "inkomen_peiljaar": 30000},
            }
        )
    assert fout.value.veld == "periode.tot" and fout.value.regel


# 1.3 one loader for --parameters and $WLZ_PARAMETERS


def test_parameters_optie_houdt_bron_en_voorbeeld(tmp_path: Path):
    pad = _schrijf(
        tmp_path, "s.yaml", "periode: 2025\nclient: {zorgprofiel: VV5, leveringsvorm: pgb, gewaarborgde_hulp: true}\n"
    )
    code, tekst = _cli("bereken", str(pad), "--json", "--parameters", str(VOORBEELD))
    assert code == 0, tekst
    uit = json.loads(tekst)
    pgb = uit["resultaten"]["pgb_budget"]
    assert pgb["waarde"] == 47686.0 and pgb["voorbeeld"] is True and uit["voorbeeld"] is True
    bron = next(p for p in pgb["parameters"] if p["naam"] == "pgb.profielbedrag.VV5")
    assert bron["voorbeeld"] is True and bron["bron"].startswith("VOORBEELD")
    assert "opgegeven door de gebruiker" not in tekst


# 1.4 a Dutch error naming the field and its rule, exit 2, never a traceback


@pytest.mark.parametrize(
    ("bestand", "inhoud", "woorden"),
    [
        ("ontbreekt.yaml", None, "bestaat niet"),
        ("kapot.yaml", "waarden: [\n", "geen geldige YAML"),
        ("lijst.yaml", "- a\n- b\n", "is een lijst"),
    ],
)
def test_parameters_optie_fout_bestand(tmp_path: Path, bestand, inhoud, woorden):
    situatie = _schrijf(tmp_path, "s.yaml", json.dumps(VG7_MPT_2019))
    pad = tmp_path / bestand
    if inhoud is not None:
        pad.write_text(inhoud, "utf-8")
    code, tekst = _cli("bereken", str(situatie), "--json", "--parameters", str(pad))
    assert code == 2 and "Traceback" not in tekst
    fout = json.loads(tekst)["fout"]
    assert fout["veld"].startswith("--parameters") and woorden in fout["melding"] and fout["regel"]


@pytest.mark.parametrize(
    ("yaml_tekst", "veld", "woorden"),
    [
        ("periode: {van: 2017-13-01}\nclient: {zorgprofiel: VV5}\n", "periode.van", "geen geldige datum"),
        (
            "periode: 2019\nclient: {zorgprofiel: VG7, leveringsvorm: mpt, mpt_kosten: .inf}\n",
            "client.mpt_kosten",
            "geen eindig getal",
        ),
        (
            "periode: 2019\nclient: {zorgprofiel: VG7, leveringsvorm: mpt, mpt_kosten: .nan}\n",
            "client.mpt_kosten",
            "geen getal",
        ),
        (
            "periode: 2019\nclient: {zorgprofiel: VG7, geboortedatum: 2020-01-01}\n",
            "client.geboortedatum",
            "na het einde van de periode",
        ),
        (
            "periode: 2019\nclient: {zorgprofiel: VV5}\npartner: {geboortedatum: 2021-03-01}\n",
            "partner.geboortedatum",
            "na het einde van de periode",
        ),
        ("periode: 2019\nclient: {zorgprofiel: VV5, inkomen_peiljaar: -5}\n", "client.inkomen_peiljaar", "negatief"),
        ("periode: 2031\nclient: {zorgprofiel: VV5}\n", "periode", "geen parameter dekt"),
        ("periode: 2019\nclient: {zorgprofiel: VV5, schoenmaat: 43}\n", "client.schoenmaat", "onbekend invoerveld"),
        (
            "periode: 2019\nclient: {zorgprofiel: VV5, leveringsvorm: thuis}\n",
            "client.leveringsvorm",
            "geen geldige waarde",
        ),
        ("periode: 2019\nclient: {zorgprofiel: VV5}\nextra: 1\n", "extra", "onbekend veld"),
        ("periode: 2019\nclient: {zorgprofiel: VV5}\nhervorming: geen\n", "hervorming", "onbekende hervorming"),
        ("- 1\n", "situatie", "verwacht een object"),
        (
            "periode: 2019\nclient: {zorgprofiel: VV5}\nparameters: {pgb.profielbedrag.VV5: {2019: .inf}}\n",
            "parameters.pgb.profielbedrag.VV5",
            "eindig getal",
        ),
    ],
)
def test_fout_in_de_situatie_noemt_veld_en_regel(tmp_path: Path, yaml_tekst, veld, woorden):
    pad = _schrijf(tmp_path, "s.yaml", yaml_tekst)
    code, tekst = _cli("bereken", str(pad), "--json")
    assert code == 2 and "Traceback" not in tekst, tekst
    fout = json.loads(tekst)["fout"]
    assert fout["veld"] == veld and woorden in fout["melding"]
    assert fout["regel"], fout  # every error names its rule
    code, tekst = _cli("bereken", str(pad))
    assert code == 2 and "Fout in de invoer" in tekst and "Traceback" not in tekst
