"""Every public year: amounts of 2017-2024 and 2026 give hand-worked results, series end.

Each expected figure is worked out by hand in the comment from the article text cited in the parameter files
(Blz versions in MinBZK/regelrecht-corpus, https://wetten.overheid.nl/BWBR0035948/<date>), never from the rules.
"""

from __future__ import annotations

import math

import pytest
from openfisca_core.simulation_builder import SimulationBuilder

from wlz.rules.system import systeem


def _simulatie(periode: str, client: dict, partner: dict | None = None, huishouden_invoer: dict | None = None):
    """One household: the client (and a partner), inputs given per period as in the OpenFisca YAML tests."""
    personen = {"client": client}
    huishouden = {"clienten": ["client"], **(huishouden_invoer or {})}
    if partner is not None:
        personen["partner"] = partner
        huishouden["partners"] = ["partner"]
    builder = SimulationBuilder()
    builder.set_default_period(periode)
    return builder.build_from_dict(systeem(), {"personen": personen, "huishoudens": {"huishouden": huishouden}})


def _client(jaar: int, **invoer):
    """Client inputs: ETERNITY facts as given, yearly amounts for the year."""
    eeuwig = {"zorgprofiel", "leveringsvorm", "zorg_begin", "zorg_einde", "geboortedatum", "verblijf_begin"}
    return {naam: ({"ETERNITY": w} if naam in eeuwig else {str(jaar): w}) for naam, w in invoer.items()}


def _maand(sim, variabele: str, maand: str) -> float:
    return float(sim.calculate(variabele, maand)[0])


# ------------------------------------------------------------------------------------------- hand-worked cases


def test_2017_verblijf_eerste_zes_maanden_laag_daarna_hoog():
    # Blz 2017-01-01: vermogen = grondslag 50.000 - vrijstelling 10.090 (art. 3.3.1.2 lid 1 b, client < AOW-leeftijd)
    #   = 39.910; bijtelling 8% (art. 3.3.2.3 lid 1 c, 3.3.2.4 lid 1) = 3.192,80.
    # Lage bijdrage (art. 3.3.2.2 lid 1 a: de eerste ZES maanden van verblijf): 12,5% x (40.000 + 3.192,80) / 12
    #   = 449,925 per maand, tussen 160,60 en 842,80 (lid 3).
    # Hoge bijdrage daarna (art. 3.3.2.1, 3.3.2.3): (40.000 - belasting 8.000 - aftrek Rlz 10.000 + 3.192,80) / 12
    #   = 2.099,40 per maand, onder het maximum van 2.312,60 (art. 3.3.2.1 lid 2).
    sim = _simulatie(
        "2017",
        _client(
            2017,
            zorgprofiel="VV5",
            leveringsvorm="verblijf",
            zorg_begin="2017-01-01",
            inkomen_peiljaar=40000,
            belasting_peiljaar=8000,
            grondslag_sparen_beleggen_peiljaar=50000,
        ),
        huishouden_invoer={"aftrek_hoge_bijdrage_opgegeven": {"2017": 10000}},
    )
    assert _maand(sim, "eigen_bijdrage", "2017-03") == pytest.approx(449.925, abs=0.01)
    assert _maand(sim, "eigen_bijdrage", "2017-06") == pytest.approx(449.925, abs=0.01)
    assert _maand(sim, "eigen_bijdrage", "2017-07") == pytest.approx(2099.40, abs=0.01)


def test_2019_pgb_inkomenskorting_en_korting():
    # Blz 2019-01-01, art. 3.3.2.4 lid 1: 30.000 - 6.103 (pgb) = 23.897 bijdrageplichtig inkomen;
    # art. 3.3.2.2 lid 2 c en 3: 10% x 23.897 / 12 = 199,142 (tussen 164,20 en 861,80);
    # lid 4 a: min korting 140,80 -> 58,34 per maand.
    sim = _simulatie("2019", _client(2019, zorgprofiel="VV5", leveringsvorm="pgb", inkomen_peiljaar=30000))
    assert _maand(sim, "eigen_bijdrage", "2019-05") == pytest.approx(58.342, abs=0.01)


def test_2019_verblijf_vier_eerste_maanden():
    # Blz 2019-01-01, art. 3.3.2.2 lid 1 a: "de eerste vier maanden" (2017/2018: zes). Verblijf vanaf 1 januari, inkomen
    # 24.000: lage bijdrage 10% x 24.000 / 12 = 200 in januari-april; in mei de hoge: (24.000 - 0 - aftrek 6.000) / 12
    # = 1.500 (onder 2.364,80).
    sim = _simulatie(
        "2019",
        _client(2019, zorgprofiel="VV5", leveringsvorm="verblijf", zorg_begin="2019-01-01", inkomen_peiljaar=24000),
        huishouden_invoer={"aftrek_hoge_bijdrage_opgegeven": {"2019": 6000}},
    )
    assert _maand(sim, "eigen_bijdrage", "2019-04") == pytest.approx(200.0, abs=0.01)
    assert _maand(sim, "eigen_bijdrage", "2019-05") == pytest.approx(1500.0, abs=0.01)


def test_2018_oudere_met_vermogensaftrek():
    # Blz 2018-01-01, art. 3.3.2.4a (client met AOW-leeftijd, vpt): inkomen 19.000, vermogen 60.000 (geen vrijstelling:
    # art. 3.3.1.2 lid 1 b geldt voor de verzekerde die de AOW-leeftijd nog NIET heeft bereikt).
    # Toets lid 1 a: 19.000 - 4% x 60.000 = 16.600 < 20.075, dus aftrek 12% x 60.000 = 7.200, ten hoogste 2.700.
    # Lid 2: + 8% x 60.000 = 4.800 -> 19.000 - 2.700 + 4.800 = 21.100. Art. 3.3.2.2: 10% x 21.100 / 12 = 175,83.
    sim = _simulatie(
        "2018",
        _client(
            2018,
            zorgprofiel="VV5",
            leveringsvorm="vpt",
            inkomen_peiljaar=19000,
            grondslag_sparen_beleggen_peiljaar=60000,
            pensioengerechtigd=True,
        ),
    )
    assert _maand(sim, "eigen_bijdrage", "2018-05") == pytest.approx(175.833, abs=0.01)


def test_2022_hoge_bijdrage_begrensd():
    # Blz 2022-01-01, art. 3.3.2.1 lid 2: ten hoogste 2.506 per maand. Inkomen 60.000, belasting 15.000, aftrek 8.000:
    # (60.000 - 15.000 - 8.000) / 12 = 3.083,33 > 2.506 -> 2.506. Verblijf sinds 2020: de eerste maanden zijn voorbij.
    sim = _simulatie(
        "2022",
        _client(
            2022,
            zorgprofiel="VV7",
            leveringsvorm="verblijf",
            zorg_begin="2020-01-01",
            inkomen_peiljaar=60000,
            belasting_peiljaar=15000,
        ),
        huishouden_invoer={"aftrek_hoge_bijdrage_opgegeven": {"2022": 8000}},
    )
    assert _maand(sim, "eigen_bijdrage", "2022-03") == pytest.approx(2506.0, abs=0.01)


def test_2024_mpt_minimum_min_korting():
    # Blz 2024-01-01, art. 3.3.2.4 lid 1: 25.000 - 7.287,20 (mpt) = 17.712,80; art. 3.3.2.2 lid 3: 10% x 17.712,80 / 12
    # = 147,61 < minimum 200,40 -> 200,40; lid 4: min 171,80 -> 28,60 per maand.
    sim = _simulatie("2024", _client(2024, zorgprofiel="VG5", leveringsvorm="mpt", inkomen_peiljaar=25000))
    assert _maand(sim, "eigen_bijdrage", "2024-08") == pytest.approx(28.60, abs=0.01)


def test_2020_bedragen_uit_de_indexeringsregeling():
    # Stcrt. 2019, 54031 (bevestigd als oude bedragen in Stcrt. 2020, 50558): maximum lage bijdrage 881,60.
    # vpt, inkomen 120.000: 10% x 120.000 / 12 = 1.000 > 881,60 -> 881,60 (percentage uit de tekst van 2019).
    sim = _simulatie("2020", _client(2020, zorgprofiel="VV6", leveringsvorm="vpt", inkomen_peiljaar=120000))
    assert _maand(sim, "eigen_bijdrage", "2020-02") == pytest.approx(881.60, abs=0.01)


# ------------------------------------------------------------------------------------------- PAB maxima


@pytest.mark.parametrize(("jaar", "maximum"), [(2021, 315984), (2022, 324073), (2023, 343485), (2024, 365365)])
def test_pab_maximum_per_jaar(jaar, maximum):
    # Rlz art. 5.15a lid 1 as the Staatscourant regelingen set it (see pab/maximum.yaml): a whole year of care
    # gives the full annual maximum (art. 5.14 lid 3: pro rata by days, here all days).
    client = _client(jaar, zorgprofiel="LG7", leveringsvorm="pgb", geboortedatum="1980-05-01")
    for naam in ("medische_noodzaak_permanent_toezicht", "geen_cognitieve_beperking", "budget_zelf_beheren"):
        client[naam] = {"ETERNITY": True}
    sim = _simulatie(str(jaar), client)
    assert float(sim.calculate("pab_maximum", str(jaar))[0]) == pytest.approx(maximum, abs=0.5)


def test_pab_2023_bewaart_het_eerder_vastgestelde_bedrag():
    waarden = systeem().parameters.pab.maximum.alleenstaand.values_list
    v2023 = next(v for v in waarden if v.instant_str == "2023-01-01")
    assert v2023.value == 343485
    assert v2023.metadata["eerder_vastgesteld"]["value"] == 338818


# ----------------------------------------------------------------------------- series end: a period's end checked too


def test_periode_over_de_jaargrens_rekent_2027_niet_met_bedragen_van_2026():
    # periode {van: 2026-12-31, tot: 2027-12-31}: December 2026 is known (text of 2026), every 2027 month unknown.
    sim = _simulatie(
        "2026",
        {
            "zorgprofiel": {"ETERNITY": "VV5"},
            "leveringsvorm": {"ETERNITY": "vpt"},
            "zorg_begin": {"ETERNITY": "2026-12-31"},
            "zorg_einde": {"ETERNITY": "2027-12-31"},
            "inkomen_peiljaar": {"2026": 30000, "2027": 30000},
        },
    )
    assert not math.isnan(_maand(sim, "eigen_bijdrage", "2026-12"))
    for maand in range(1, 13):
        assert math.isnan(_maand(sim, "eigen_bijdrage", f"2027-{maand:02d}")), maand


def test_bereken_situatie_over_de_jaargrens_wordt_op_het_einde_geweigerd():
    # a period is checked on its start and its end; one running into 2027 is refused like
    # `periode: 2027`, naming periode.tot and the rule (it computed 2027 from the 2026 values before the series
    # ended, and an unknown 2027 after)
    from wlz.rules import InputError, bereken

    with pytest.raises(InputError) as fout:
        bereken(
            {
                "periode": {"van": "2026-12-31", "tot": "2027-12-31"},
                "client": {"zorgprofiel": "VV5", "leveringsvorm": "vpt", "inkomen_peiljaar": 30000},
            }
        )
    assert fout.value.veld == "periode.tot" and "2026" in fout.value.melding and fout.value.regel


def _reeksen(node):
    if hasattr(node, "values_list"):
        yield node
        return
    for kind in node.children.values():
        yield from _reeksen(kind)


def test_geen_bedrag_van_de_eigen_bijdrage_loopt_door_na_2026():
    # Blz amounts are indexed every year (art. 3.3.1.7); no text for 2027 was read, so every eigen bijdrage series
    # must end (null) by 1 January 2027 instead of running on.
    doorlopend = []
    for reeks in _reeksen(systeem().parameters.eigen_bijdrage):
        nieuwste = reeks.values_list[0]
        if nieuwste.value is not None:
            doorlopend.append(f"{reeks.name}@{nieuwste.instant_str}")
    assert not doorlopend, f"reeksen zonder einde: {doorlopend}"


def _geldend(reeks, dag: str):
    """The value in force on a day (values_list is newest first); None when null or not yet in force."""
    return next((v.value for v in reeks.values_list if v.instant_str <= dag), None)


def test_jaren_zonder_tekst_blijven_onbekend():
    # no Blz text was found for 2016 and 2023, none read for 2027: the amounts there are null, not carried over
    laag = systeem().parameters.eigen_bijdrage.laag
    for dag in ("2016-07-01", "2023-07-01", "2027-07-01"):
        for naam in ("percentage", "minimum_per_maand", "maximum_per_maand", "korting_per_maand"):
            assert _geldend(laag.children[naam], dag) is None, (naam, dag)
