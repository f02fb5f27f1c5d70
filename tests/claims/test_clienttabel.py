"""The optional client-month table (``analyse(..., clienttabel=True)``): by hand, against the output tables,
and the same on DuckDB and Spark."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pyarrow.dataset as ds
import pytest
from claims_helpers import invoer, w, z

from wlz.claims import analyse
from wlz.claims.inputs import COLUMNS


def _lees(map_: Path) -> pd.DataFrame:
    df = ds.dataset(map_).to_table().to_pandas()
    return df.sort_values(["client_id", "jaar", "maand"]).reset_index(drop=True)


def _met_agb(map_: Path, agb: dict[int, str]) -> None:
    """Add the optional agb_code column to wlz_zin.csv (regelnummer → code)."""
    pad = map_ / "wlz_zin.csv"
    with pad.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    with pad.open("w", newline="", encoding="utf-8") as fh:
        wr = csv.DictWriter(fh, [*COLUMNS["wlz_zin"], "agb_code"])
        wr.writeheader()
        for r in rows:
            wr.writerow({**r, "agb_code": agb.get(int(r["regelnummer"]), "")})


@pytest.fixture(scope="module")
def hand(tmp_path_factory) -> tuple[Path, Path]:
    map_ = tmp_path_factory.mktemp("hand")
    invoer(
        map_ / "in",
        wlz=[
            w("A", "Z754I", "2019-01-01", "2019-01-31", aantal=31, bedrag="3100"),  # 1: January, zzp incl 5VV
            w("A", "Z754I", "2019-02-01", "2019-02-14", aantal=14, bedrag="1400"),  # 2
            w("A", "Z754E", "2019-02-15", "2019-02-28", aantal=14, bedrag="1120"),  # 3: last declared in February
            w("A", "B001", "2019-02-20", "2019-02-20", aantal=1, bedrag="80"),  # 4: behandeling per module
            w("B", "M001", "2019-03-05", "2019-03-05", aantal=2, bedrag="90", zzp="754"),  # 5: mpt 5VV
            w("C", "ELV1", "2019-01-01", "2019-01-31", aantal=31, bedrag="500"),  # 6: excluded: no month
        ],
        zvw=[
            z("A", "FRM", "2019-01-10", basis="50", er="20"),
            z("A", "HAZ", "2019-01-12", basis="30"),
            z("B", "FRM", "2019-03-07", basis="40", er="40"),  # net 0: not positive, but the eigen risico is kept
        ],
    )
    _met_agb(map_ / "in", {1: "01000001", 2: "01000001", 3: "01000002", 4: "01000003", 5: "02000001"})
    uit = map_ / "uit"
    analyse(map_ / "in", uit, voortgang=False, grafieken=False, clienttabel=True)
    return map_, uit


def test_client_months_by_hand(hand) -> None:
    _, uit = hand
    df = _lees(uit / "client_maanden")
    assert list(zip(df.client_id, df.maand, df.leveringsvorm, df.dagen, strict=True)) == [
        ("A", 1, "zzp_incl", 31),
        ("A", 2, "zzp_excl", 28),  # "laatst gedeclareerd": the excl line from the 15th
        ("B", 3, "mpt", 1),
    ]
    a1, a2, b3 = df.iloc[0], df.iloc[1], df.iloc[2]
    assert (a1.hoofdsector, bool(a1.vg), int(a1.zorgprofiel)) == ("vv", False, 5)
    assert a1.wlz_zzp == Decimal("3100") and a2.wlz_zzp == Decimal("2520")
    assert a2.wlz_behandeling == Decimal("80")
    assert a1.zvw_FRM == Decimal("30") and a1.zvw_HAZ == Decimal("30") and a1.eigen_risico == Decimal("20")
    assert b3.zvw_FRM == Decimal("0") and b3.eigen_risico == Decimal("40")
    assert b3.wlz_mpt == Decimal("90")
    # the provider of the last declared basis line (a later behandeling module does not count), else module line
    assert list(df.agb_code) == ["01000001", "01000002", "02000001"]


def test_default_run_writes_no_client_table_and_same_tables(hand, tmp_path) -> None:
    map_, uit = hand
    analyse(map_ / "in", tmp_path, voortgang=False, grafieken=False)
    assert not (tmp_path / "client_maanden").exists()
    for naam in ("clienten_per_leveringsvorm", "clienten_per_zorgprofiel", "uitgaven_per_dag", "correcties"):
        assert (tmp_path / f"{naam}.csv").read_bytes() == (uit / f"{naam}.csv").read_bytes(), naam


@pytest.fixture(scope="module")
def klein(tmp_path_factory) -> tuple[Path, Path]:
    generate = pytest.importorskip("wlz.synthetic.generate").generate
    map_ = tmp_path_factory.mktemp("klein_ct")
    generate(map_, jaren=[2019, 2020], schaal=0.002, seed=7, fouten=2)
    uit = tmp_path_factory.mktemp("klein_ct_uit")
    analyse(map_, uit, voortgang=False, grafieken=False, clienttabel=True)
    return map_, uit


def test_client_table_adds_up_to_the_analysis_tables(klein) -> None:
    _, uit = klein
    df = _lees(uit / "client_maanden")
    uitg = pd.read_csv(uit / "uitgaven_per_dag.csv", dtype={"zorgprofiel": str})
    df["sector"] = df.vg.map({True: "vg", False: "vv"})
    df = df[(df.hoofdsector == "vv") | df.vg]
    zorg = df[df.leveringsvorm != "pgb"]
    for (jaar, sector, lv), g in zorg.groupby(["jaar", "sector", "leveringsvorm"]):
        rijen = uitg[
            (uitg.jaar == jaar) & (uitg.sector == sector) & (uitg.leveringsvorm == lv) & (uitg.zorgprofiel == "alle")
        ]
        zzp = rijen[rijen.soort_zorg == "zzp"]
        if len(zzp):
            assert float(g["wlz_zzp"].map(float).sum()) == pytest.approx(float(zzp.uitgaven.iloc[0]), abs=0.01)
            assert int(g.dagen.sum()) == int(zzp.dagen.iloc[0])
        frm = rijen[rijen.soort_zorg == "FRM"]
        if len(frm):
            assert float(g["zvw_FRM"].map(float).sum()) == pytest.approx(float(frm.uitgaven.iloc[0]), abs=0.01)
    cl = pd.read_csv(uit / "clienten_per_zorgprofiel.csv", dtype={"zorgprofiel": str})
    cl = cl[(cl.zorgprofiel != "alle") & (cl.leveringsvorm != "alle") & cl.sector.isin(["vg", "vv"])]
    n = df.groupby(["jaar", "sector", "zorgprofiel", "leveringsvorm"]).size() / 12
    for r in cl.itertuples():
        assert n.get((r.jaar, r.sector, int(r.zorgprofiel), r.leveringsvorm), 0) == pytest.approx(r.clienten_gewogen)


@pytest.mark.spark
def test_duckdb_and_spark_write_the_same_client_table(klein, tmp_path) -> None:
    pytest.importorskip("pyspark")
    map_, uit = klein
    analyse(map_, tmp_path, engine="spark", voortgang=False, grafieken=False, clienttabel=True)
    a, b = _lees(uit / "client_maanden"), _lees(tmp_path / "client_maanden")
    assert list(a.columns) == list(b.columns)
    pd.testing.assert_frame_equal(a, b, check_dtype=False)


def test_client_table_of_chosen_years(klein, tmp_path) -> None:
    map_, uit = klein
    analyse(map_, tmp_path, voortgang=False, grafieken=False, clienttabel=True, clienttabel_jaren=(2020,))
    alle, een = _lees(uit / "client_maanden"), _lees(tmp_path / "client_maanden")
    assert set(een.jaar) == {2020}
    pd.testing.assert_frame_equal(een, alle[alle.jaar == 2020].reset_index(drop=True))
