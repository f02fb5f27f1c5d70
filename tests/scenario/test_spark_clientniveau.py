"""The whole client level on Spark (segments, every option's per-client arithmetic per partition, the cents of the
taakstelling, the aggregations) against DuckDB on the same client table: every client-level table equal."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
from scenario_helpers import write_claims

from wlz.scenario import read_scenario, run_scenario

pytestmark = pytest.mark.spark

#: every option with a client-level part, each changing something, in one scenario (one Spark session)
ALLE_OPTIES = """opties:
  - extra_kosten_thuis: {{gebruik_pct: 100, percentage: 40, voorafgaand_pakket: {pakket}}}
  - toeslagen_in_budget: {{aandeel_met_toeslag_pct: 100, toeslag_beademing: 20000}}
  - maatwerkindicatie: {{variant: iedereen_thuis, behoefte_pct_van_profiel: [80, 120], behoefte_spreiding_pct: 20}}
  - knip: {{variant: zorgzwaarte, grens: {{vv: 5, vg: 6}}, thuis_naar_vpt_incl_pct: 100}}
  - taakstelling: {{bedrag: 1000.01, sleutel: per_dag}}
  - behandeling_naar_zvw
  - alles_integraal
  - vpt_incl_afgeschaft
"""


@pytest.fixture(scope="module")
def claims(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_claims(tmp_path_factory.mktemp("claims"))


def test_every_client_level_table_on_spark_equals_duckdb(claims: Path, tmp_path: Path) -> None:
    pytest.importorskip("pyspark")
    from wlz.scenario.basis import read_basis
    from wlz.scenario.clientengine import read_clienten

    pakket = tmp_path / "pakket.csv"
    pakket.write_text("client_id,voorafgaand_pakket\nC,900000\nA,10\n", encoding="utf-8")
    s = tmp_path / "s.yaml"
    s.write_text(ALLE_OPTIES.format(pakket=pakket), encoding="utf-8")
    uit = {}
    for engine in ("duckdb", "spark"):
        basis = read_basis(claims, 2019, werkmap=tmp_path / engine, engine=engine)
        uit[engine] = run_scenario(read_scenario(s), basis)
    d, sp = uit["duckdb"], uit["spark"]
    assert sp.clienten is None and sp.clienten_map is not None  # Spark wrote the rows; the driver holds none
    dc, sc = d.clienten, read_clienten(sp.clienten_map)
    assert dc is not None and dc.stap.nunique() == 8
    # every option changed something at the client level, so the comparison is not of empty columns
    for stap in range(1, 9):
        c = dc[dc.stap == stap]
        veranderd = (c.pakket_voor != c.pakket_na) | (c.wlz_voor != c.wlz_na) | (c.budget_verschil != 0)
        assert veranderd.any(), f"stap {stap} verandert niets"
    pd.testing.assert_frame_equal(dc, sc)
    for tabel in ("aanbieders", "kortingen_aanbieders", "ekt_zorgval", "clientstappen", "histogram"):
        links, rechts = getattr(d, tabel), getattr(sp, tabel)
        assert links is not None and not links.empty, tabel
        pd.testing.assert_frame_equal(links, rechts, check_dtype=False, obj=tabel)
    # the cut adds up to the amount to the cent on both engines (largest remainder by a window on Spark)
    for u in (d, sp):
        assert u.kortingen_aanbieders is not None
        assert sum(u.kortingen_aanbieders.korting) == Decimal("1000.01")
    assert [m for m in d.meldingen if "engine" not in m] == [m for m in sp.meldingen if "engine" not in m]
    # clienten.csv is the same file whichever engine wrote the rows
    from wlz.scenario import write_outputs

    write_outputs(d, tmp_path / "uit_d", rapport=False)
    write_outputs(sp, tmp_path / "uit_s", rapport=False)
    assert (tmp_path / "uit_d" / "clienten.csv").read_bytes() == (tmp_path / "uit_s" / "clienten.csv").read_bytes()
