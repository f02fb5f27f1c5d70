"""Maatwerkindicatie from hours: (hours − gebruikelijke zorg − mantelzorg − partner, not below 0) × rate per client,
against the profile amount — each case computed by hand — and options that combine carry their amounts on."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scenario_helpers import write_claims

from wlz.common.errors import InputError
from wlz.scenario import parse_scenario, run_scenario
from wlz.scenario.basis import Basis, read_basis
from wlz.scenario.clienten import Segmenten
from wlz.scenario.maatwerk import segment_batch
from wlz.scenario.maatwerk_behoefte import BRON_PUNTEN, BRON_UREN, MaatwerkParameters, behoefte_batch, behoefte_uren
from wlz.scenario.schema import FUNCTIES

#: voorbeeld: the hours per age band are an input (no public source with hours was found)
GZ = [
    {"tot_leeftijd": 3, "uren_per_week": {"verzorging": 14, "begeleiding": 7}},
    {"tot_leeftijd": 5, "uren_per_week": {"verzorging": 7, "begeleiding": 2}},
    {"tot_leeftijd": 12, "uren_per_week": {"verzorging": 2}},
]


def _par(**kw: object) -> MaatwerkParameters:
    tarief = np.zeros(len(FUNCTIES))
    tarief[FUNCTIES.index("verzorging")] = 60.0
    tarief[FUNCTIES.index("begeleiding")] = 50.0
    standaard: dict[str, object] = {
        "rekenjaar": 2015,
        "profielbedrag": {"VG3": 27642.0},
        "punten": np.array([1.0]),
        "cv": 0.0,
        "tarief": tarief,
        "tarief_bron": ("opgegeven",) * len(FUNCTIES),
        "partner_uren": 6.0,
        "gz_grenzen": np.array([3.0, 5.0, 12.0]),
        "gz_uren": np.array(
            [[7, 14, 0, 0, 0], [2, 7, 0, 0, 0], [0, 2, 0, 0, 0]], dtype=float
        ),  # FUNCTIES order: begeleiding, verzorging, ...
    }
    standaard.update(kw)
    return MaatwerkParameters(**standaard)  # type: ignore[arg-type]


def _uren(rijen: list[dict[str, float]]) -> pd.DataFrame:
    df = pd.DataFrame([{f"uren_{f}": r.get(f, 0.0) for f in FUNCTIES} for r in rijen])
    for k in ("partner", "mantelzorg_uren_per_week", "leeftijd"):
        df[k] = [r.get(k, 0.0 if k != "leeftijd" else np.nan) for r in rijen]
    return df


def test_child_with_gebruikelijke_zorg_by_hand() -> None:
    # age 4: band up to 5 takes 7 h verzorging and 2 h begeleiding off: 10 − 7 = 3 h × € 60, 4 − 2 = 2 h × € 50
    uit = behoefte_uren(_uren([{"verzorging": 10, "begeleiding": 4, "leeftijd": 4}]), _par()).iloc[0]
    assert uit.gebruikelijke_zorg_uren == 9 and uit.uren_netto == 5
    assert uit.bedrag_jaar == pytest.approx((3 * 60 + 2 * 50) * 365 / 7)  # € 14,600.00 in 2015
    # the same hours for an adult (or a child of 12 or more): no gebruikelijke zorg of parents
    volwassen = behoefte_uren(_uren([{"verzorging": 10, "begeleiding": 4, "leeftijd": 12}]), _par()).iloc[0]
    assert volwassen.gebruikelijke_zorg_uren == 0 and volwassen.bedrag_jaar == pytest.approx(800 * 365 / 7)
    # a baby: more gebruikelijke zorg than hours of need per function gives 0, never less
    baby = behoefte_uren(_uren([{"verzorging": 10, "begeleiding": 4, "leeftijd": 1}]), _par()).iloc[0]
    assert baby.uren_netto == 0 and baby.bedrag_jaar == 0


def test_partner_and_mantelzorg_by_hand() -> None:
    # 10 h verzorging (€ 60) + 10 h begeleiding (€ 50); 4 h mantelzorg + a partner taking 6 h: 20 − 10 = 10 h left,
    # taken off both functions in proportion: half of (600 + 500) per week
    uit = behoefte_uren(
        _uren([{"verzorging": 10, "begeleiding": 10, "partner": 1, "mantelzorg_uren_per_week": 4}]), _par()
    ).iloc[0]
    assert uit.context_uren == 10 and uit.uren_netto == 10
    assert uit.bedrag_jaar == pytest.approx(550 * 365 / 7)  # € 28,678.57
    assert uit.tarief == pytest.approx(55)
    # more mantelzorg than need: floored at 0
    nul = behoefte_uren(_uren([{"verzorging": 3, "mantelzorg_uren_per_week": 5}]), _par()).iloc[0]
    assert nul.bedrag_jaar == 0 and nul.uren_netto == 0


def _batch(n: int, **kolommen: object) -> pd.DataFrame:
    batch = pd.DataFrame({"zorgprofiel": ["VG3"] * n, "maanden": 12.0, **{f"u_{d}": 0.0 for d in ("punt", "z1", "z2")}})
    for d in ("uren", "partner", "mantelzorg", "leeftijd"):
        batch[f"u_{d}"] = 0.0
    for k, v in kolommen.items():
        batch[k] = v
    return batch


def test_need_above_and_below_the_profile_amount() -> None:
    # VG3's profile amount € 27,642 (given here); two packages drawn by u_uren: 20 h and 5 h verzorging at € 60
    par = _par(pakketten={"VG3": np.array([[0, 20, 0, 0, 0], [0, 5, 0, 0, 0]], dtype=float)})
    uit = behoefte_batch(_batch(2, u_uren=[0.2, 0.7]), par)
    boven, onder = uit.iloc[0], uit.iloc[1]
    assert boven.bedrag == pytest.approx(20 * 60 * 365 / 7) and boven.bedrag > boven.profielbedrag == 27642
    assert onder.bedrag == pytest.approx(5 * 60 * 365 / 7) and onder.bedrag < onder.profielbedrag
    assert boven.verhouding == pytest.approx(62571.43 / 27642, rel=1e-6) and (uit.bron == BRON_UREN).all()
    # a profile without hours keeps the chosen points (here 100 %: the profile amount)
    ander = behoefte_batch(_batch(1, zorgprofiel=["VV5"]), _par(profielbedrag={"VV5": 40000.0})).iloc[0]
    assert ander.bron == BRON_PUNTEN and ander.bedrag == 40000


def test_per_client_context_columns_replace_the_distribution() -> None:
    par = _par(
        pakketten={"VG3": np.array([[0, 10, 0, 0, 0]], dtype=float)},
        mantelzorg=np.array([4.0]),
        partner_aandeel=1.0,
    )
    # from the distribution: 4 h mantelzorg and a partner (6 h): 0 h left; client 2's own columns: none, age 4
    uit = behoefte_batch(
        _batch(2, partner=[np.nan, 0.0], mantelzorg_uren_per_week=[np.nan, 0.0], leeftijd=[np.nan, 4.0]), par
    )
    assert uit.iloc[0].bedrag == 0
    assert uit.iloc[1].bedrag == pytest.approx((10 - 7) * 60 * 365 / 7)  # the child's gebruikelijke zorg only


def _groep(uren: dict[str, object], **kw: object) -> pd.DataFrame:
    optie = {"variant": "past_niet", "uren": uren, **kw}
    u = run_scenario(parse_scenario({"opties": [{"maatwerkindicatie": optie}]}), "seed004")
    return u.maatwerk.set_index(["sector", "zorgprofiel", "optie"])


def test_group_level_from_hours_and_the_rlz_rate() -> None:
    # no rate given: Rlz art. 5.22 (2015) € 63 per hour: 10 h × 63 × 365 / 7 = € 32,850 against VG3's € 27,642
    r = _groep({"per_profiel": {"VG3": [{"verzorging": 10}]}}).loc[("vg", 3, "mpt")]
    scope = 5289 * 0.03
    assert r.meer == pytest.approx(scope) and r.minder == 0
    assert r.verschil_totaal == pytest.approx(scope * (10 * 63 * 365 / 7 - 27642))
    assert "Rlz art. 5.22" in r.opmerking and "https://wetten.overheid.nl/BWBR0036014/2015-07-27#Artikel5.22" in (
        r.opmerking
    )
    # half with a partner who takes 4 of the 10 hours: 6 h × 63 × 365 / 7 = € 19,710 < € 27,642
    r = _groep(
        {"per_profiel": {"VG3": [{"verzorging": 10}]}, "partner_aandeel_pct": 50, "partner_uren_per_week": 4}
    ).loc[("vg", 3, "mpt")]
    assert r.meer == pytest.approx(scope / 2) and r.minder == pytest.approx(scope / 2)
    gemiddeld = (32850 + 6 * 63 * 365 / 7) / 2
    assert r.verschil_totaal == pytest.approx(scope * (gemiddeld - 27642))
    # a profile without hours keeps the chosen points: here today's 100 %
    assert _groep({"per_profiel": {"VG3": [{"verzorging": 10}]}}).loc[("vg", 4, "mpt")].verschil_totaal == 0


@pytest.mark.parametrize(
    ("uren", "extra", "veld"),
    [
        ({"per_profiel": {"VG3": [{"verzorging": -1}]}}, {}, "opties[0].maatwerkindicatie.uren.per_profiel"),
        ({"tarief_per_uur": {"verzorging": -5}}, {}, "opties[0].maatwerkindicatie.uren.tarief_per_uur.verzorging"),
        ({"partner_aandeel_pct": 101}, {}, "opties[0].maatwerkindicatie.uren.partner_aandeel_pct"),
        ({"mantelzorg_uren_per_week": [-2]}, {}, "opties[0].maatwerkindicatie.uren.mantelzorg_uren_per_week"),
        ({"per_profiel": {"XX9": [{"verzorging": 1}]}}, {}, "opties[0].maatwerkindicatie.uren.per_profiel"),
        ({}, {"herindicatie_pct": 150}, "opties[0].maatwerkindicatie.herindicatie_pct"),
    ],
)
def test_bad_input_names_the_field(uren: dict[str, object], extra: dict[str, object], veld: str) -> None:
    with pytest.raises(InputError) as e:
        parse_scenario({"opties": [{"maatwerkindicatie": {"uren": uren, **extra}}]})
    assert str(e.value.veld).startswith(veld)


def test_no_rate_in_the_rules_for_the_year_names_the_field() -> None:
    # Rlz art. 5.22: the rules have no maximum for 2019, so the rate must be given
    with pytest.raises(InputError) as e:
        _groep({"per_profiel": {"VG3": [{"verzorging": 10}]}}, rekenjaar=2019)
    assert e.value.veld == "opties[0].maatwerkindicatie.uren.tarief_per_uur.verzorging"


def test_cli_negative_hours_exit_2_in_dutch(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from wlz.cli import app

    s = tmp_path / "s.yaml"
    s.write_text("opties:\n  - maatwerkindicatie: {uren: {per_profiel: {VG3: [{verzorging: -3}]}}}\n", "utf-8")
    r = CliRunner().invoke(app, ["scenario", str(s), "--out", str(tmp_path / "uit")])
    assert r.exit_code == 2 and "uren.per_profiel" in r.output and "buiten het toegestane bereik" in r.output
    assert not (tmp_path / "uit").exists()


# ------------------------------------------------------------------------------------------- client level


@pytest.fixture(scope="module")
def basis(tmp_path_factory: pytest.TempPathFactory) -> Basis:
    m = tmp_path_factory.mktemp("claims_maatwerk")
    return read_basis(write_claims(m), 2019, werkmap=m / "analyse")


def _run(basis: Basis, *opties: object):  # type: ignore[no-untyped-def]
    return run_scenario(parse_scenario({"jaar": 2019, "opties": list(opties)}), basis)


def _rij(u, client: str, stap: int = 1) -> pd.Series:  # type: ignore[no-untyped-def]
    c = u.clienten
    return c[(c.client_id == client) & (c.stap == stap)].iloc[0]


def test_client_with_partner_and_mantelzorg_from_a_context_file(basis: Basis, tmp_path: Path) -> None:
    # C (VV5, mpt, one month in 2019): 10 h verzorging at € 60, his own context: a partner (3 h) and 2 h
    # mantelzorg → 5 h × 60 × 365 / 7 per year, for one month; against VV5's profile amount for one month
    context = tmp_path / "context.csv"
    context.write_text("client_id,partner,mantelzorg_uren_per_week,leeftijd\nC,ja,2,40\n", "utf-8")
    optie = {
        "variant": "iedereen_thuis",
        "uren": {
            "per_profiel": {"VV5": [{"verzorging": 10}]},
            "tarief_per_uur": {"verzorging": 60},
            "partner_uren_per_week": 3,
            "mantelzorg_uren_per_week": [8],  # the distribution: replaced by C's own 2 h
            "clientcontext": str(context),
        },
    }
    u = _run(basis, {"maatwerkindicatie": optie})
    profiel = u.maatwerk.set_index(["sector", "zorgprofiel", "optie"]).profielbedrag[("vv", 5, "mpt")]
    c = _rij(u, "C")
    assert c.budget_verschil == pytest.approx((5 * 60 * 365 / 7 - profiel) / 12)
    # his care in kind (mpt) changes in proportion: his own Wlz € × (need / profile amount − 1), never below 0
    assert c.wlz_na - c.wlz_voor == pytest.approx(c.wlz_voor * (5 * 60 * 365 / 7 / profiel - 1))
    assert c.wlz_na >= 0
    assert "10 uur/week" in c.toelichting and "mantelzorg/partner 5" in c.toelichting
    assert "uren voorbeeld, context eigen gegevens, tarief opgegeven" in c.toelichting
    assert any("uit uren voor 1 cliënten" in m for m in u.meldingen)
    assert _rij(u, "A").uitkomst == "gelijk"  # in an instelling: not in the variant iedereen_thuis


def test_segment_batch_joins_the_context_file(basis: Basis, tmp_path: Path) -> None:
    context = tmp_path / "context.csv"
    context.write_text("client_id,leeftijd\nC,4\n", "utf-8")
    o = parse_scenario({"opties": [{"maatwerkindicatie": {"uren": {"clientcontext": str(context)}}}]}).stappen[0]
    tabel = pd.DataFrame(
        {
            "client_id": ["B", "C"],
            "sector": "vv",
            "zorgprofiel": 5,
            "herkomst": "mpt",
            "dagen": 30.0,
            "maanden": 1.0,
            "eigen_risico": 0.0,
            "agb_code": None,
        }
    )
    batch = segment_batch(o.optie, Segmenten(tabel, 2019), np.array(["VV5", "VV5"]), 1)  # type: ignore[arg-type]
    assert np.isnan(batch.leeftijd[0]) and batch.leeftijd[1] == 4


def test_bad_context_file_names_the_column_not_the_client(tmp_path: Path) -> None:
    context = tmp_path / "context.csv"
    context.write_text("client_id,mantelzorg_uren_per_week\n123456782,-4\n", "utf-8")
    with pytest.raises(InputError) as e:
        parse_scenario({"opties": [{"maatwerkindicatie": {"uren": {"clientcontext": str(context)}}}]}, tmp_path)
    assert e.value.veld == "opties[0].maatwerkindicatie.uren.clientcontext.mantelzorg_uren_per_week"
    assert "regel 2" in str(e.value) and "123456782" not in str(e.value)


def test_synthetic_need_spread_has_the_chosen_mean_and_spread() -> None:
    n = 20000
    rng = np.random.default_rng(1)
    batch = _batch(n, u_punt=rng.random(n), u_z1=rng.random(n), u_z2=rng.random(n))
    x = behoefte_batch(batch, _par(cv=0.3)).verhouding
    assert x.mean() == pytest.approx(1.0, abs=0.01) and x.std() / x.mean() == pytest.approx(0.3, abs=0.02)


# ------------------------------------------------------------------------------ options that combine (issue 11)


def test_a_later_step_starts_from_the_earlier_steps_amounts(basis: Basis) -> None:
    """Two steps by hand: a cut of € 100.01 per day over the vv groups, then the knip moving A (zzp_incl, VV5)
    to zzp_excl. A keeps his cut: his Wlz € after both = after the knip alone − his cut."""
    alleen = _run(basis, {"knip": {"variant": "combinatie"}})
    samen = _run(basis, {"taakstelling": {"bedrag": 100.01, "sleutel": "per_dag"}}, {"knip": {"variant": "combinatie"}})
    a1, a2 = _rij(samen, "A", 1), _rij(samen, "A", 2)
    snede = a1.wlz_voor - a1.wlz_na
    assert snede > 0
    assert a2.wlz_voor == pytest.approx(a1.wlz_na)  # step 2 starts from step 1's amounts
    assert a2.wlz_na == pytest.approx(_rij(alleen, "A").wlz_na - snede)
    # group level: kosten.csv after both = after the knip alone − the whole cut (every cut client is still there)
    assert samen.kosten.wlz_na.sum() == pytest.approx(alleen.kosten.wlz_na.sum() - 100.01, abs=1e-6)
    assert samen.kosten.wlz_voor.sum() == pytest.approx(alleen.kosten.wlz_voor.sum())
    assert any("meegenomen in de volgende stappen" in m for m in samen.meldingen)


def test_ekt_after_maatwerk_uses_the_amount_after_maatwerk(basis: Basis) -> None:
    """C (mpt) gets 120 % of his profile amount, then extra kosten thuis at 50 % (today 25 %) of his budget, which
    for an mpt client is his own Wlz € — after the maatwerk step: 25 % × (Wlz € + maatwerk)."""
    maatwerk = {"maatwerkindicatie": {"variant": "iedereen_thuis", "behoefte_pct_van_profiel": [120]}}
    ekt = {"extra_kosten_thuis": {"percentage": 50, "gebruik_pct": 100}}
    u = _run(basis, maatwerk, ekt)
    c1, c2 = _rij(u, "C", 1), _rij(u, "C", 2)
    assert c2.wlz_voor == pytest.approx(c1.wlz_na) and c1.wlz_na > c1.wlz_voor
    assert c2.wlz_na - c2.wlz_voor == pytest.approx(0.25 * c1.wlz_na)
    # group level: the ekt's mpt budget is the Wlz € per client after the maatwerk step (C alone in vv 5 mpt)
    e = u.ekt.set_index(["sector", "zorgprofiel", "optie"]).loc[("vv", 5, "mpt")]
    m = u.maatwerk.set_index(["sector", "zorgprofiel", "optie"]).loc[("vv", 5, "mpt")]
    alleen = _run(basis, ekt).ekt.set_index(["sector", "zorgprofiel", "optie"]).loc[("vv", 5, "mpt")]
    assert e.verschil == pytest.approx(alleen.verschil + 0.25 * m.verschil_totaal)


def test_hours_and_age_from_the_ciz_pilot_records(tmp_path: Path) -> None:
    """Two VG3 pilot records with hours and the age the CIZ exports: a child of 4 (10 h verzorging, of which 7 h
    gebruikelijke zorg of parents in this voorbeeld table) and an adult (10 h verzorging + 3 h begeleiding); rate
    Rlz art. 5.22 2015 € 63: 3 × 63 × 365 / 7 = € 9,855 and 13 × 63 × 365 / 7 = € 42,705 against € 27,642."""
    import json

    def record(i: int, behoeften: dict[str, int], leeftijd: int) -> dict[str, object]:
        return {
            "pilot": "maatwerkindicatie",
            "id": f"r{i}",
            "pilotgroep": "voorbeeld",
            "jaar": 2015,
            "zorgprofiel": "VG3",
            "leeftijd": leeftijd,
            "behoeften": [
                {"functie": f, "uren_per_week": str(u), "tarief_per_uur": "50"} for f, u in behoeften.items()
            ],
            "bedrag": "0",
            "profielbedrag": "27642.00",
        }

    export = tmp_path / "export.json"
    export.write_text(
        json.dumps([record(1, {"verzorging": 10}, 4), record(2, {"verzorging": 10, "begeleiding": 3}, 40)]), "utf-8"
    )
    optie = {"pilot_export": str(export), "uren": {"gebruikelijke_zorg": GZ}}
    u = run_scenario(parse_scenario({"opties": [{"maatwerkindicatie": optie}]}), "seed004")
    r = u.maatwerk.set_index(["sector", "zorgprofiel", "optie"]).loc[("vg", 3, "mpt")]
    scope = 5289 * 0.03
    assert r.meer == pytest.approx(scope / 2) and r.minder == pytest.approx(scope / 2)
    assert r.verschil_totaal == pytest.approx(scope * ((9855 + 42705) / 2 - 27642))
    assert "uren uit de CIZ-pilot maatwerkindicatie, 2 records" in r.opmerking and "voorbeeld" in r.opmerking
    # a record with an age outside 0-120 is refused naming the field
    bad = json.loads(export.read_text("utf-8"))
    bad[1]["leeftijd"] = 130
    export.write_text(json.dumps(bad), "utf-8")
    with pytest.raises(InputError) as e:
        parse_scenario({"opties": [{"maatwerkindicatie": optie}]})
    assert e.value.veld == "opties[0].maatwerkindicatie.pilot_export[1].leeftijd"


def test_report_and_json_name_the_inputs_and_sources(tmp_path: Path) -> None:
    from wlz.scenario import read_scenario, write_outputs

    voorbeeld = Path(__file__).parents[2] / "examples" / "scenario" / "maatwerk_uren.yaml"
    u = run_scenario(read_scenario(voorbeeld), "seed004")
    write_outputs(u, tmp_path)
    rapport = (tmp_path / "rapport.html").read_text("utf-8")
    assert "Winnaars (meer dan het profielbedrag) en verliezers (minder) per zorgprofiel" in rapport
    assert "Rlz art. 5.22" in rapport and "extra herindicaties" in rapport.lower() and "20%" in rapport
    import json

    optie = json.loads((tmp_path / "scenario.json").read_text("utf-8"))["scenario"]["opties"][0]
    assert optie["tarief_per_uur_gebruikt"]["verzorging"]["waarde"] == 63
    assert "Artikel5.22" in optie["tarief_per_uur_gebruikt"]["verzorging"]["bron"]
    assert "gebruikelijke zorg" in optie["uren_bronnen"]["gebruikelijke_zorg"]
    # VV5 at € 63: (12, 18, 24 h less the context) − every package is computed; some win, some lose per profile
    m = u.maatwerk.set_index(["sector", "zorgprofiel", "optie"]).loc[("vv", 5, "mpt")]
    assert m.meer > 0 and m.minder > 0


@pytest.mark.spark
def test_hours_and_carried_amounts_on_spark_equal_duckdb(tmp_path: Path) -> None:
    """The need in hours per client (with a context file the engine joins) and a later step starting from its
    amounts: the same client rows when the per-client step runs per partition on Spark."""
    pytest.importorskip("pyspark")
    from wlz.scenario import read_scenario
    from wlz.scenario.clientengine import read_clienten

    claims = write_claims(tmp_path / "claims")
    context = tmp_path / "context.csv"
    context.write_text("client_id,partner,mantelzorg_uren_per_week,leeftijd\nC,1,2,4\n", "utf-8")
    s = tmp_path / "s.yaml"
    s.write_text(
        "opties:\n"
        "  - maatwerkindicatie:\n"
        "      variant: iedereen_thuis\n"
        "      uren: {per_profiel: {VV5: [{verzorging: 10, begeleiding: 4}, {verzorging: 20}]},\n"
        f"             tarief_per_uur: {{verzorging: 60}}, partner_uren_per_week: 1, clientcontext: {context},\n"
        "             gebruikelijke_zorg: [{tot_leeftijd: 5, uren_per_week: {verzorging: 2}}]}\n"
        "  - extra_kosten_thuis: {gebruik_pct: 100, percentage: 40}\n",
        "utf-8",
    )
    uit = {}
    for engine in ("duckdb", "spark"):
        basis = read_basis(claims, 2019, werkmap=tmp_path / engine, engine=engine)
        uit[engine] = run_scenario(read_scenario(s), basis)
    d, sp = uit["duckdb"], uit["spark"]
    dc = d.clienten
    sc = read_clienten(sp.clienten_map) if sp.clienten is None else sp.clienten
    assert dc is not None
    c1 = dc[(dc.client_id == "C") & (dc.stap == 1)].iloc[0]
    c2 = dc[(dc.client_id == "C") & (dc.stap == 2)].iloc[0]
    assert c1.budget_verschil != 0 and c2.wlz_voor == pytest.approx(c1.wlz_na)
    pd.testing.assert_frame_equal(dc, sc)


def test_context_columns_in_the_basis_are_used_per_client(tmp_path: Path) -> None:
    """The basis' table per client (inkomen.csv) with partner and mantelzorg columns: C's own values for the basis
    year (2019; his 2018 row is not used), without a context file in the scenario."""
    claims = write_claims(tmp_path / "claims")
    (claims / "inkomen.csv").write_text(
        "client_id,jaar,inkomen_peiljaar,partner,mantelzorg_uren_per_week\n"
        "A,2019,20000,,\nB,2019,20000,,\nC,2019,20000,nee,4\nC,2018,20000,ja,9\n",
        "utf-8",
    )
    basis = read_basis(claims, 2019, werkmap=tmp_path / "analyse")
    optie = {
        "variant": "iedereen_thuis",
        "uren": {"per_profiel": {"VV5": [{"verzorging": 10}]}, "tarief_per_uur": {"verzorging": 60}},
    }
    u = _run(basis, {"maatwerkindicatie": optie})
    profiel = u.maatwerk.set_index(["sector", "zorgprofiel", "optie"]).profielbedrag[("vv", 5, "mpt")]
    c = _rij(u, "C")
    assert c.budget_verschil == pytest.approx(((10 - 4) * 60 * 365 / 7 - profiel) / 12)
    assert "context eigen gegevens" in c.toelichting
    assert any(
        "partner, mantelzorg_uren_per_week per cliënt uit de basis (inkomen.csv, 2019)" in m for m in u.meldingen
    )
    assert u.scenario.stappen[0].optie.uren.clientcontext.endswith("inkomen.csv")  # type: ignore[union-attr]
    # a bad value in the basis' table names the field and the line
    (claims / "inkomen.csv").write_text("client_id,jaar,inkomen_peiljaar,mantelzorg_uren_per_week\nC,2019,1,-2\n")
    with pytest.raises(InputError) as e:
        _run(read_basis(claims, 2019, werkmap=tmp_path / "analyse2"), {"maatwerkindicatie": optie})
    assert e.value.veld == "opties[0].maatwerkindicatie.uren.clientcontext.mantelzorg_uren_per_week"
