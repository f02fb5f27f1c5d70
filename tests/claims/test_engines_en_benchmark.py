"""One pipeline, two engines, and the benchmark's comparison versions computing the same numbers."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from wlz.claims import analyse

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def klein(tmp_path_factory) -> Path:
    """A small generated national-style dataset, with planted corrections and malformed rows."""
    generate = pytest.importorskip("wlz.synthetic.generate").generate
    map_ = tmp_path_factory.mktemp("klein")
    generate(map_, jaren=[2019, 2020], schaal=0.002, seed=7, fouten=2)
    return map_


@pytest.fixture(scope="module")
def pijplijn(klein, tmp_path_factory) -> Path:
    uit = tmp_path_factory.mktemp("duckdb")
    analyse(klein, uit, voortgang=False, grafieken=False)
    return uit


@pytest.mark.spark
def test_duckdb_and_spark_give_identical_tables(klein, pijplijn, tmp_path):
    pytest.importorskip("pyspark")
    analyse(klein, tmp_path, engine="spark", voortgang=False, grafieken=False)
    for naam in (
        "clienten_per_leveringsvorm",
        "clienten_per_zorgprofiel",
        "uitgaven_per_dag",
        "correcties",
        "quarantaine",
    ):
        assert (tmp_path / f"{naam}.csv").read_bytes() == (pijplijn / f"{naam}.csv").read_bytes(), naam


def _benchmark():
    spec = importlib.util.spec_from_file_location("claims_benchmark", REPO / "benchmarks" / "claims_benchmark.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _vergelijk(pijplijn: Path, versie: dict) -> None:
    lv = pd.read_csv(pijplijn / "clienten_per_leveringsvorm.csv")
    b = versie["lv"].merge(lv, on=["jaar", "sector", "leveringsvorm"], suffixes=("_b", ""), how="outer")
    assert len(b) == len(lv) > 10
    for k in ("clienten_gewogen", "clienten_uniek", "uitgaven_wlz", "uitgaven_zvw"):
        assert b[k + "_b"].astype(float).to_numpy() == pytest.approx(b[k].to_numpy(), rel=1e-9), k
    zp = pd.read_csv(pijplijn / "clienten_per_zorgprofiel.csv")
    b = versie["zp"].merge(zp, on=["jaar", "sector", "zorgprofiel", "leveringsvorm"], suffixes=("_b", ""), how="outer")
    assert len(b) == len(zp)
    for k in ("clienten_gewogen", "clienten_uniek"):
        assert b[k + "_b"].astype(float).to_numpy() == pytest.approx(b[k].to_numpy(), rel=1e-9), k
    uit = pd.read_csv(pijplijn / "uitgaven_per_dag.csv", dtype={"zorgprofiel": str})
    lang = versie["uit"].melt(
        id_vars=["jaar", "sector", "leveringsvorm", "zorgprofiel", "dagen"],
        var_name="soort_zorg",
        value_name="uitgaven",
    )
    lang["zorgprofiel"] = lang["zorgprofiel"].astype(str).str.replace(r"\.0$", "", regex=True)
    b = lang.merge(uit, on=["jaar", "sector", "leveringsvorm", "zorgprofiel", "soort_zorg"], suffixes=("_b", ""))
    assert len(b) == len(uit[uit.soort_zorg != "totaal"]) > 10
    assert b["uitgaven_b"].astype(float).to_numpy() == pytest.approx(b["uitgaven"].to_numpy(), rel=1e-9, abs=1e-6)
    assert b["dagen_b"].astype(float).to_numpy() == pytest.approx(b["dagen"].to_numpy())


def test_hand_written_sql_of_the_benchmark_gives_the_pipeline_numbers(klein, pijplijn):
    con = duckdb.connect()
    _vergelijk(pijplijn, _benchmark().hand_sql(klein, con))


def test_pandas_version_of_the_benchmark_gives_the_pipeline_numbers(klein, pijplijn):
    _vergelijk(pijplijn, _benchmark().plain_pandas(klein))
