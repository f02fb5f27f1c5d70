"""The client level on a hand-made claims folder: package and payer before/after, Zvw eigen risico, Wlz eigen
bijdrage, winners and losers per client, and the providers that need a Zvw contract — numbers by hand."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from scenario_helpers import write_claims

from wlz.scenario import read_scenario, run_scenario, write_outputs


@pytest.fixture(scope="module")
def claims(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_claims(tmp_path_factory.mktemp("claims"))


def _run(claims: Path, tmp_path: Path, yaml: str):
    s = tmp_path / "s.yaml"
    s.write_text(yaml, encoding="utf-8")
    return run_scenario(read_scenario(s), claims)


def test_combinatie_per_client_by_hand(claims: Path, tmp_path: Path) -> None:
    u = _run(claims, tmp_path, "opties:\n  - knip: {variant: combinatie, grens: {vv: 6, vg: 6}}\n")
    c = u.clienten.set_index("client_id")
    a, b = c.loc["A"], c.loc["B"]
    # A (profile 5 < 6) moves zzp_incl → zzp_excl; B (zzp_excl below the cut) stays
    assert (a.pakket_voor, a.pakket_na, b.pakket_voor, b.pakket_na) == ("zzp_incl", "zzp_excl", "zzp_excl", "zzp_excl")
    # A keeps his 31 days at B's per-day cost: zzp 80 + behandeling 10 = 90 € Wlz, farmacie 100/31 € Zvw
    assert a.wlz_voor == pytest.approx(3100) and a.wlz_na == pytest.approx(31 * 90)
    assert a.zvw_voor == pytest.approx(31) and a.zvw_na == pytest.approx(100)
    # eigen risico: Zvw care under it 31 € before, 100 € after (below the 385 € cap): A pays 69 € more
    assert a.eigen_risico_voor == pytest.approx(31) and a.eigen_risico_na == pytest.approx(100)
    assert a.eigen_bijdrage_verschil == 0  # verblijf before and after: the same rules inputs
    assert a.verschil_client == pytest.approx(69) and a.uitkomst == "verliest"
    # B: nothing changes; his eigen risico is 100 paid + 100 net = 200
    assert b.eigen_risico_voor == pytest.approx(200) and b.eigen_risico_verschil == 0 and b.uitkomst == "gelijk"
    assert a.zvw_contract_nodig and "farmacie" in a.betaler_naar_zvw and not b.zvw_contract_nodig
    # the sums over clients are the group figures of kosten.csv
    k = u.kosten[u.kosten.optie != "pgb"]
    assert u.clienten.wlz_na.sum() == pytest.approx(k.wlz_na.sum())
    assert u.clienten.zvw_na.sum() == pytest.approx(k.zvw_na.sum())
    # providers: only A's provider needs a Zvw contract
    assert (
        list(u.aanbieders.agb_code) == ["01000001"]
        and list(u.aanbieders.stap) == [1]
        and list(u.aanbieders.clienten) == [1]
    )
    paden = {p.name for p in write_outputs(u, tmp_path / "uit")}
    assert {"clienten.csv", "aanbieders.csv", "rapport.html"} <= paden
    html = (tmp_path / "uit" / "rapport.html").read_text(encoding="utf-8")
    assert "Per cliënt: wie wint" in html and "data:image/png" in html


def test_setting_client_wins_on_eigen_risico(claims: Path, tmp_path: Path) -> None:
    u = _run(claims, tmp_path, "opties:\n  - knip: {variant: setting}\n")
    b = u.clienten.set_index("client_id").loc["B"]
    # B moves zzp_excl → zzp_incl: farmacie at A's 1 € per day = 31 € Zvw instead of 100 €
    assert (b.pakket_voor, b.pakket_na) == ("zzp_excl", "zzp_incl")
    assert b.zvw_na == pytest.approx(31)
    # Zvw care under the eigen risico 200 → 200 - 69 = 131: B pays 69 € less
    assert b.eigen_risico_na == pytest.approx(131) and b.verschil_client == pytest.approx(-69)
    assert b.uitkomst == "wint"
    assert "huisarts" in b.betaler_naar_wlz


def test_home_clients_to_vpt_incl_change_eigen_bijdrage_by_the_rules(claims: Path, tmp_path: Path) -> None:
    u = _run(
        claims,
        tmp_path,
        "opties:\n  - knip: {variant: zorgzwaarte, grens: {vv: 5, vg: 6}, thuis_naar_vpt_incl_pct: 100}\n",
    )
    c = u.clienten.set_index("client_id").loc["C"]
    assert (c.pakket_voor, c.pakket_na) == ("mpt", "vpt_incl")
    # the same month through the rules' typed API (one situation each): the vectorised run must agree
    from wlz.rules.api import bereken

    def per_api(lv: str) -> float:
        b = bereken(
            {
                "periode": {"van": "2019-01-01", "tot": "2019-12-31"},
                "client": {
                    "zorgprofiel": "VV5",
                    "leveringsvorm": lv,
                    "inkomen_peiljaar": 20000,
                    "pensioengerechtigd": True,
                    "zorg_begin": "2019-01-01",
                    "zorg_einde": "2019-01-31",
                    "verblijf_begin": "2019-01-01",
                },
            }
        )
        return next(float(r.waarde) for j in b.jaren for r in j.resultaten if r.naam == "eigen_bijdrage_jaar")

    # one month of care (January) at € 20,000: lage bijdrage mpt € 23.40, vpt € 166.67 (rules 2019)
    assert c.eigen_bijdrage_voor == pytest.approx(per_api("mpt")) == pytest.approx(23.40)
    assert c.eigen_bijdrage_na == pytest.approx(per_api("vpt")) == pytest.approx(166.67)
    assert c.eigen_bijdrage_verschil == pytest.approx(143.27)
    assert c.uitkomst == "verliest"


def test_today_changes_nobody(claims: Path, tmp_path: Path) -> None:
    u = _run(claims, tmp_path, "opties:\n  - knip: {variant: geen}\n")
    assert (u.clienten.uitkomst == "gelijk").all()
    assert (u.clienten.pakket_voor == u.clienten.pakket_na).all()
    assert u.aanbieders.empty


SPARK_SCENARIO = """opties:
  - knip: {variant: zorgzwaarte, grens: {vv: 5, vg: 6}, thuis_naar_vpt_incl_pct: 100}
  - taakstelling: {bedrag: 1000.01, sleutel: per_dag}
  - extra_kosten_thuis: {gebruik_pct: 100, percentage: 40}
  - maatwerkindicatie: {variant: iedereen_thuis, behoefte_pct_van_profiel: [80, 120], behoefte_spreiding_pct: 20}
"""


@pytest.mark.spark
def test_client_level_on_spark_equals_duckdb(claims: Path, tmp_path: Path) -> None:
    """Analysis and the whole client level on Spark: the same tables as on DuckDB."""
    pytest.importorskip("pyspark")
    from wlz.scenario.basis import read_basis
    from wlz.scenario.clienten import read_segments

    s = tmp_path / "s.yaml"
    s.write_text(SPARK_SCENARIO, encoding="utf-8")
    uit = {}
    for engine in ("duckdb", "spark"):
        basis = read_basis(claims, 2019, werkmap=tmp_path / engine, engine=engine)
        assert basis.engine == engine
        uit[engine] = run_scenario(read_scenario(s), basis)
    d, sp = uit["duckdb"], uit["spark"]
    assert d.clienten.stap.nunique() == 4 and (d.clienten.uitkomst != "gelijk").any()
    from wlz.scenario.clientengine import read_clienten

    # on Spark the client rows stay out of the driver: Spark wrote them as Parquet
    assert sp.clienten is None and sp.clienten_map is not None
    pd.testing.assert_frame_equal(d.clienten, read_clienten(sp.clienten_map))
    for tabel in ("aanbieders", "kortingen_aanbieders"):
        pd.testing.assert_frame_equal(getattr(d, tabel), getattr(sp, tabel))
    # the aggregation alone, both engines over the same Parquet parts; on the caller's own (active) session,
    # which the scenario uses and leaves running (a cluster's session is not ours to stop)
    from wlz.claims.engines import spark_session

    map_ = tmp_path / "duckdb" / "client_maanden"
    eigen = spark_session(tmp_path / "eigen")
    try:
        pd.testing.assert_frame_equal(read_segments(map_, 2019), read_segments(map_, 2019, engine="spark"))
        assert eigen.range(3).count() == 3  # still usable
    finally:
        eigen.stop()


def test_bad_income_table_names_the_field(claims: Path, tmp_path: Path) -> None:
    from wlz.common.errors import InputError
    from wlz.scenario.clienten import read_incomes

    pad = tmp_path / "inkomen.csv"
    pad.write_text("client_id,jaar,inkomen_peiljaar\nA,2019,twaalf\n", encoding="utf-8")
    with pytest.raises(InputError) as fout:
        read_incomes(pad, 2019)
    assert fout.value.veld == "basis.inkomen.inkomen_peiljaar" and "regel 2" in str(fout.value)
    pad.write_text("client_id,jaar\nA,2019\n", encoding="utf-8")
    with pytest.raises(InputError) as fout:
        read_incomes(pad, 2019)
    assert "inkomen_peiljaar" in str(fout.value)
