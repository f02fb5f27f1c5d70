"""User-supplied parameter values: validated, sourced, flagged voorbeeld where examples, never leaking a year."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from wlz.rules import InputError, bereken

VOORBEELD = Path(__file__).resolve().parents[2] / "src" / "wlz" / "rules" / "voorbeeld_parameters.yaml"


def _vv5(jaar, parameters=None):
    situatie = {"periode": jaar, "client": {"zorgprofiel": "VV5", "leveringsvorm": "mpt", "mpt_kosten": 30000}}
    if parameters is not None:
        situatie["parameters"] = parameters
    return bereken(situatie).as_dict()


def test_opgegeven_waarde_wordt_gebruikt_met_bron_en_lekt_niet_naar_volgend_jaar():
    r = _vv5(2025, {"pgb.profielbedrag.VV5": {2025: 51000}})["resultaten"]
    assert r["pgb_budget"]["waarde"] == 51000
    assert r["pgb_budget"]["parameters"][0]["bron"] == "opgegeven door de gebruiker"
    assert r["doelmatigheid_ruimte"]["waarde"] == 21000
    assert r["pgb_budget"]["voorbeeld"] is False
    volgend = _vv5(2026, {"pgb.profielbedrag.VV5": {2025: 51000}})["resultaten"]
    assert volgend["pgb_budget"]["waarde"] is None


@pytest.mark.parametrize(
    "parameters, veld",
    [
        ({"pgb.bestaat_niet.VV5": {2025: 1}}, "parameters.pgb.bestaat_niet.VV5"),
        ({"pgb.profielbedrag.VV5": {2025: -1}}, "parameters.pgb.profielbedrag.VV5"),
        ({"pgb.profielbedrag.VV5": {"vorig jaar": 1}}, "parameters.pgb.profielbedrag.VV5"),
        ({"pgb.klassebedrag": {2025: 1}}, "parameters.pgb.klassebedrag"),
    ],
)
def test_foute_parameterwaarden_noemen_het_veld(parameters, veld):
    with pytest.raises(InputError) as info:
        _vv5(2025, parameters)
    assert info.value.veld == veld


def test_voorbeeldbestand_markeert_elk_afgeleid_resultaat(tmp_path):
    situatie = tmp_path / "s.yaml"
    situatie.write_text("periode: 2026\nclient: {zorgprofiel: VV5, leveringsvorm: mpt, mpt_kosten: 30000}\n")
    env = {**os.environ, "WLZ_PARAMETERS": str(VOORBEELD)}
    uit = subprocess.run(
        [sys.executable, "-m", "wlz.cli", "bereken", str(situatie), "--json"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    r = json.loads(uit.stdout)
    assert r["voorbeeld"] is True
    res = r["resultaten"]
    for naam in ("pgb_budget", "mpt_budget", "doelmatigheid_grens", "doelmatig"):
        assert res[naam]["voorbeeld"] is True, naam
    assert res["doelmatigheid_kosten"]["voorbeeld"] is False  # the client's own costs are no example
    assert "voorbeeldwaarde" in res["pgb_budget"]["uitleg"]
