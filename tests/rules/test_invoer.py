"""Bad input gets a clear error naming the field and the rule; good input is explained with sources."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from wlz.rules import InputError, bereken

VG5_PGB = {"periode": 2017, "client": {"zorgprofiel": "VG5", "leveringsvorm": "pgb", "gewaarborgde_hulp": True}}


def _fout(situatie: dict) -> InputError:
    with pytest.raises(InputError) as info:
        bereken(situatie)
    return info.value


def test_onbekend_zorgprofiel_noemt_veld_en_regel():
    fout = _fout({"periode": 2019, "client": {"zorgprofiel": "VG9"}})
    assert fout.veld == "client.zorgprofiel"
    assert "VG9" in fout.melding
    assert "COD163" in fout.regel


def test_datum_voor_de_wlz_wordt_geweigerd():
    fout = _fout({"periode": 2014, "client": {"zorgprofiel": "VG5"}})
    assert fout.veld == "periode"
    assert "2015" in fout.melding


def test_datum_na_alle_parameters_wordt_geweigerd():
    fout = _fout({"periode": 2031, "client": {"zorgprofiel": "VG5"}})
    assert fout.veld == "periode"
    assert "geen parameter dekt" in fout.melding


def test_jaar_zonder_pgb_bedragen_geeft_een_waarschuwing_en_toch_de_regelingen():
    uitkomst = bereken({"periode": 2018, "client": {"zorgprofiel": "VG3", "leveringsvorm": "pgb"}})
    jaar = uitkomst.jaren[0]
    assert uitkomst.resultaten["pgb_budget"].waarde is None
    assert any("Persoonsgebonden budget" in w for w in jaar.waarschuwingen)
    assert "geen pgb-bedrag bekend" in uitkomst.resultaten["pgb_budget"].uitleg


def test_negatief_bedrag_wordt_geweigerd():
    fout = _fout({"periode": 2017, "client": {"zorgprofiel": "VG7", "leveringsvorm": "mpt", "mpt_kosten": -5}})
    assert fout.veld == "client.mpt_kosten"
    assert "negatief" in fout.melding


def test_pgb_voor_profiel_zonder_pgb_noemt_rlz_5_5():
    fout = _fout({"periode": 2017, "client": {"zorgprofiel": "LVG4", "leveringsvorm": "pgb"}})
    assert (fout.veld, fout.regel) == ("client.leveringsvorm", "Rlz art. 5.5")


def test_pgb_zonder_gewaarborgde_hulp_noemt_rlz_5_6():
    fout = _fout({"periode": 2017, "client": {"zorgprofiel": "VG5", "leveringsvorm": "pgb"}})
    assert (fout.veld, fout.regel) == ("client.leveringsvorm", "Rlz art. 5.6")


@pytest.mark.parametrize(
    "situatie, veld",
    [
        ({"periode": 2017, "client": {"zorgprofiel": "VG5", "schoenmaat": 42}}, "client.schoenmaat"),
        ({"periode": 2017, "client": {"zorgprofiel": "VG5", "leveringsvorm": "thuis"}}, "client.leveringsvorm"),
        ({"periode": 2017, "client": {"zorgprofiel": "VG5", "geboortedatum": "31-02-1990"}}, "client.geboortedatum"),
        ({"periode": {"van": "2017-05-01", "tot": "2017-01-01"}, "client": {"zorgprofiel": "VG5"}}, "periode.tot"),
        ({"periode": 2017}, "client"),
        ({"periode": 2017, "client": {"zorgprofiel": "VG5"}, "klant": {}}, "klant"),
    ],
)
def test_fouten_noemen_het_veld(situatie, veld):
    assert _fout(situatie).veld == veld


def test_profiel_dat_nog_niet_bestaat():
    fout = _fout({"periode": 2019, "client": {"zorgprofiel": "GGZ-W1"}})
    assert fout.veld == "client.zorgprofiel" and "2021" in fout.melding


def test_uitkomst_heeft_uitleg_en_bronnen_voor_elk_resultaat():
    uitkomst = bereken(VG5_PGB)
    resultaten = uitkomst.resultaten
    assert resultaten["pgb_budget"].waarde == 62400
    for r in resultaten.values():
        assert r.uitleg, r.naam
    pgb = resultaten["pgb_budget"]
    assert pgb.parameters[0].bron.startswith("Kamerbrief maatwerk in de Wlz (Kamerstuk 34 104, nr. 167), tabel 1")
    assert any("BWBR0036014" in b.url for b in pgb.bronnen)


def test_cod163_code_werkt_als_zorgprofiel():
    assert bereken({**VG5_PGB, "client": {**VG5_PGB["client"], "zorgprofiel": "808"}}).zorgprofiel == "VG5"


def test_doelmatigheidstoets_mpt_pgb_binnen_en_buiten_de_grens():
    basis = {
        "zorgprofiel": "VG7",
        "leveringsvorm": "mpt_pgb",
        "gewaarborgde_hulp": True,
        "mpt_kosten": 52000,
        "mpt_kosten_buiten_toets": 6000,
    }
    binnen = bereken({"periode": 2017, "client": {**basis, "pgb_deel": 31900}}).as_dict()["resultaten"]
    assert binnen["doelmatig"]["waarde"] is True
    assert binnen["doelmatigheid_ruimte"]["waarde"] == 0  # 52.000 - 6.000 + 31.900 = 77.900 = grens
    buiten = bereken({"periode": 2017, "client": {**basis, "pgb_deel": 31901}}).as_dict()["resultaten"]
    assert buiten["doelmatig"]["waarde"] is False
    assert "hoger dan de grens" in buiten["doelmatig"]["uitleg"]


def test_cli_bereken_json_en_fout(tmp_path: Path):
    situatie = tmp_path / "s.yaml"
    situatie.write_text("periode: 2017\nclient: {zorgprofiel: VG8, leveringsvorm: pgb, gewaarborgde_hulp: ja}\n")
    uit = subprocess.run(
        [sys.executable, "-m", "wlz.cli", "bereken", str(situatie), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(uit.stdout)["resultaten"]["pgb_budget"]["waarde"] == 68700
    situatie.write_text("periode: 2017\nclient: {zorgprofiel: VG8, leveringsvorm: pgb}\n")
    fout = subprocess.run([sys.executable, "-m", "wlz.cli", "bereken", str(situatie)], capture_output=True, text=True)
    assert fout.returncode == 2
    assert "client.leveringsvorm" in fout.stderr and "Rlz art. 5.6" in fout.stderr


def test_doelmatigheidstoets_deel_van_het_jaar_vergelijkt_gelijke_dagen():
    # VG7 2017 (grens 77.900 per jaar), zorg vanaf 1 juli: 184 dagen. Kosten per jaar 46.000 + 31.900 = 77.900:
    # naar rato 77.900 x 184 / 365 aan beide kanten, dus precies doelmatig.
    client = {
        "zorgprofiel": "VG7",
        "leveringsvorm": "mpt_pgb",
        "gewaarborgde_hulp": True,
        "mpt_kosten": 52000,
        "mpt_kosten_buiten_toets": 6000,
        "pgb_deel": 31900,
    }
    r = bereken({"periode": {"van": "2017-07-01", "tot": "2017-12-31"}, "client": client}).as_dict()["resultaten"]
    assert abs(r["doelmatigheid_grens"]["waarde"] - 77900 * 184 / 365) < 0.02
    assert abs(r["doelmatigheid_kosten"]["waarde"] - 77900 * 184 / 365) < 0.02
    assert r["doelmatig"]["waarde"] is True
    assert "naar rato" in r["doelmatigheid_kosten"]["uitleg"]
