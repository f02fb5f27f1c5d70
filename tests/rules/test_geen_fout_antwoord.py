"""Answers that were wrong (not unknown) before, each pinned by a test that failed then.

The CLI is driven in-process (typer's runner on ``wlz.cli.app``), so what a user sees in the terminal, its exit
code and the JSON are checked as the command produces them, without a new interpreter per case.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wlz.rules import InputError, bereken

VOORBEELD = Path(__file__).parents[2] / "src" / "wlz" / "rules" / "voorbeeld_parameters.yaml"
#: VG7 has no public pgb amount for 2019, so the limit of the doelmatigheidstoets is unknown
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
    with pytest.raises(InputError) as fout:
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


# 1.5 ages to the day, pro rata by day

PAB = {
    "leveringsvorm": "pgb",
    "medische_noodzaak_permanent_toezicht": True,
    "geen_cognitieve_beperking": True,
    "budget_zelf_beheren": True,
}


def test_pab_vanaf_de_18e_verjaardag_tot_op_de_dag():
    # 18 on 15 June 2019: 239.110 x 200 / 365 (15 June - 31 December) = 131.019,18; was 120.537,64 (from 1 July)
    uitkomst = bereken({"periode": 2019, "client": {"zorgprofiel": "LG7", "geboortedatum": "2001-06-15", **PAB}})
    assert uitkomst.resultaat("pab_maximum").waarde == pytest.approx(131019.18, abs=0.005)
    assert uitkomst.resultaat("pab_in_aanmerking").waarde is True


def test_ekt_tot_de_23e_verjaardag_tot_op_de_dag():
    # Rlz art. 5.3 lid 3 onder a: "de leeftijd van 23 jaar nog niet bereikt"; 23 on 12 May 2017: 1 January -
    # 11 May is 131 days: 25% x 62.400 x 131 / 365 = 5.598,90; was 6.453,70 (all of May)
    uitkomst = bereken(
        {
            "periode": 2017,
            "client": {
                "zorgprofiel": "VG5",
                "leveringsvorm": "pgb",
                "gewaarborgde_hulp": True,
                "geboortedatum": "1994-05-12",
                "ekt_gevraagd": 99999,
            },
        }
    )
    assert uitkomst.resultaat("ekt_max_verhoging").waarde == pytest.approx(5598.90, abs=0.005)
    assert uitkomst.resultaat("ekt_verhoging").waarde == pytest.approx(5598.90, abs=0.005)


def test_ekt_ouder_van_een_kind_geboren_midden_in_de_maand():
    # Rlz art. 5.3 lid 3 onder b: from the child's birth (10 March 2017) to 30 June 2017 (the widening of 1 July
    # 2018 is later): 10 March - 31 December = 297 days: 25% x 62.400 x 297 / 365 = 12.693,70
    uitkomst = bereken(
        {
            "periode": 2017,
            "client": {
                "zorgprofiel": "VG5",
                "leveringsvorm": "pgb",
                "gewaarborgde_hulp": True,
                "geboortedatum": "1980-01-01",
                "geboortedatum_jongste_kind": "2017-03-10",
                "ekt_gevraagd": 99999,
            },
        }
    )
    assert uitkomst.resultaat("ekt_max_verhoging").waarde == pytest.approx(15600 * 297 / 365, abs=0.01)


def test_eigen_bijdrage_vanaf_de_18e_verjaardag_tot_op_de_dag():
    # Blz art. 3.3.1.1 lid 1 (18 jaar of ouder), art. 3.3.2.9 lid 2 (part of a month: 12 x days / 365): 18 on
    # 15 June 2019, June pays 16 days: 250 x 12 x 16 / 365 = 131,51; before, June paid nothing
    uitkomst = bereken(
        {
            "periode": 2019,
            "client": {
                "zorgprofiel": "VV5",
                "leveringsvorm": "vpt",
                "geboortedatum": "2001-06-15",
                "inkomen_peiljaar": 30000,
            },
        }
    )
    per_maand = uitkomst.jaren[0].resultaat("eigen_bijdrage").per_maand
    assert per_maand["2019-05"] == 0.0 and per_maand["2019-06"] == pytest.approx(131.51, abs=0.005)
    assert per_maand["2019-07"] == 250.0


# 1.6 Rlz art. 5.5 lid 2 and art. 5.7


def test_rlz_5_5_lid_2_zzp_3_lvg_met_pgb_onder_de_awbz():
    with pytest.raises(InputError) as fout:
        bereken({"periode": 2019, "client": {"zorgprofiel": "LVG4", "leveringsvorm": "pgb"}})
    assert fout.value.regel == "Rlz art. 5.5"
    uitkomst = bereken(
        {"periode": 2019, "client": {"zorgprofiel": "LVG4", "leveringsvorm": "pgb", "zzp_3_lvg_met_pgb_awbz": True}}
    )
    toegestaan = uitkomst.resultaat("pgb_toegestaan")
    assert toegestaan.waarde is True and "lid 2" in toegestaan.uitleg


@pytest.mark.parametrize(
    ("einde", "verblijf", "sluit_aan"),
    [("2018-12-24", False, True), ("2018-12-23", False, False), ("2018-06-01", True, True)],
)
def test_rlz_5_7_voortzetting_van_een_pgb(einde, verblijf, sluit_aan):
    # lid 1 onder a: at most seven calendar days between (25-31 December: 7); onder b: a stay in between; lid 2:
    # art. 5.6 (gewaarborgde hulp for VV7) does not apply then
    client = {
        "zorgprofiel": "VV7",
        "leveringsvorm": "pgb",
        "einde_vorige_pgb_periode": einde,
        "verblijf_na_vorige_pgb_periode": verblijf,
    }
    if not sluit_aan:
        with pytest.raises(InputError) as fout:
            bereken({"periode": 2019, "client": client})
        assert fout.value.regel == "Rlz art. 5.6"
        return
    uitkomst = bereken({"periode": 2019, "client": client})
    assert uitkomst.resultaat("pgb_voortzetting").waarde is True
    assert uitkomst.resultaat("pgb_toegestaan").waarde is True
    assert ("onder b" if verblijf else "onder a") in uitkomst.resultaat("pgb_voortzetting").uitleg


# the other engineer's notes on compensatie vervallen ouderentoeslag (Blz art. 3.3.1.2a, 3.3.2.4a)

PAAR = {"partner": {"pensioengerechtigd": True, "inkomen_peiljaar": 12000, "grondslag_sparen_beleggen_peiljaar": 30000}}


def _inkomen_laag(jaar: int, **client) -> tuple[float, str]:
    uitkomst = bereken(
        {
            "periode": jaar,
            "client": {"zorgprofiel": "VV5", "leveringsvorm": "pgb", "gewaarborgde_hulp": True, **client},
            **PAAR,
        }
    )
    r = uitkomst.resultaat("bijdrageplichtig_inkomen_laag")
    return r.waarde, r.uitleg


def test_compensatie_2019_over_het_eigen_vermogen():
    # Blz 2019 art. 3.3.1.2a lid 1-3: (bijtelling 4% + 4%) of each spouse's OWN vermogen, at most 1.700. Client
    # (AOW, no exemption) 10.000: 800; partner 30.000 less the exemption: 19.829 -> 1.586,32; together 2.386,32.
    # Before: 4% of own vermogen plus the household's bijtelling for each (400 + 1.193,16 = 1.593,16 for the client)
    waarde, uitleg = _inkomen_laag(
        2019, pensioengerechtigd=True, inkomen_peiljaar=15000, grondslag_sparen_beleggen_peiljaar=10000
    )
    assert "min € 2.386,32 compensatie" in uitleg
    assert waarde == pytest.approx(27000 - 2386.32 + 1193.16 - 6103, abs=0.01)


def test_2018_aftrek_van_art_3_3_2_4a_voor_ouderen():
    # Blz 2018: art. 3.3.2.4a lid 3 names € 6.030 where art. 3.3.2.4 lid 1 names € 6.085
    _waarde, uitleg = _inkomen_laag(2018, pensioengerechtigd=True, inkomen_peiljaar=15000)
    assert "min € 6.030" in uitleg and "art. 3.3.2.4a" in uitleg
    jong = bereken(
        {
            "periode": 2018,
            "client": {
                "zorgprofiel": "VV5",
                "leveringsvorm": "pgb",
                "gewaarborgde_hulp": True,
                "inkomen_peiljaar": 40000,
            },
        }
    )
    assert "min € 6.085" in jong.resultaat("bijdrageplichtig_inkomen_laag").uitleg


def test_onbekende_grens_raakt_een_pgb_niet():
    """The doelmatigheidstoets applies only to a modular package at home: for a pgb of a year whose limit is
    unknown (LG7 in 2017) it is 'niet van toepassing', not 'kan niet worden beoordeeld', so a zorgkantoor can
    still record the pgb choice."""
    uitkomst = bereken(
        {"periode": 2017, "client": {"zorgprofiel": "LG7", "leveringsvorm": "pgb", "gewaarborgde_hulp": True}}
    )
    doelmatig = uitkomst.resultaat("doelmatig")
    assert doelmatig is not None and doelmatig.waarde is True
    assert "niet van toepassing" in doelmatig.uitleg
