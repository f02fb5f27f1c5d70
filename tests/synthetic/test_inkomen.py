"""The synthetic income table and the optional provider column: deterministic, marked synthetic, and the
claims tables unchanged by either."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq

from wlz.synthetic.generate import generate


def test_income_table_and_agb_leave_the_claims_tables_unchanged(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    generate(a, jaren=[2019], schaal=0.001, seed=3)
    generate(b, jaren=[2019], schaal=0.001, seed=3, agb=True)
    for naam in ("pgb", "zvw", "prestatiecodes", "inkomen"):
        assert (a / f"{naam}.parquet").read_bytes() == (b / f"{naam}.parquet").read_bytes(), naam
    wa, wb = pq.read_table(a / "wlz_zin.parquet"), pq.read_table(b / "wlz_zin.parquet")
    assert "agb_code" not in wa.column_names
    assert wb.drop(["agb_code"]).equals(wa)
    codes = wb.column("agb_code").to_pylist()
    assert all(len(c) == 8 and c.startswith("99") for c in codes)
    # one provider per client
    per_client = {}
    for c, code in zip(wb.column("client_id").to_pylist(), codes, strict=True):
        assert per_client.setdefault(c, code) == code

    ink = pq.read_table(a / "inkomen.parquet").to_pandas()
    assert set(ink.columns) == {"client_id", "jaar", "inkomen_peiljaar", "bron"}
    assert ink.bron.str.startswith("synthetische aanname").all()
    assert ink.client_id.is_unique and (ink.inkomen_peiljaar > 0).all()
    # every client of the claims has an income (the noise persons outside the tables need none)
    clienten = set(wa.column("client_id").to_pylist()) - {"0"}
    assert len(clienten - set(ink.client_id)) < 0.2 * len(clienten)
    assert 15_000 < ink.inkomen_peiljaar.median() < 30_000
