"""Bad input stops before any work with a message naming what is missing; the report and the command."""

from __future__ import annotations

import re

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from claims_helpers import Uitkomst, analyseer, invoer, p, read_rows, w, z
from typer.testing import CliRunner

from wlz.claims import InputError, analyse
from wlz.cli import app

RIJEN = dict(
    wlz=[
        w("A", "Z754I", "2019-01-01", "2019-01-31", 31, "3100"),
        w("B", "V808E", "2019-02-01", "2019-02-28", 28, "2800"),
        w("B", "B001", "2019-02-03", "2019-02-20", 1, "400", zzp="808"),
        w("C", "M001", "2019-03-01", "2019-03-10", 1, "150.25", zzp="806"),
    ],
    pgb=[p("D", "2018-11-15", "2019-02-10", "753")],
    zvw=[z("A", "HAZ", "2019-01-10", basis="25.50"), z("B", "FRM", "2019-02-02", basis="12")],
)


def test_missing_folder_file_and_column_are_named_before_any_work(tmp_path):
    uit = tmp_path / "uit"
    with pytest.raises(InputError, match="bestaat niet"):
        analyse(tmp_path / "nergens", uit, voortgang=False)
    invoer(tmp_path / "in", **RIJEN)
    (tmp_path / "in" / "pgb.csv").unlink()
    with pytest.raises(InputError, match="tabel 'pgb' ontbreekt"):
        analyse(tmp_path / "in", uit, voortgang=False)
    invoer(tmp_path / "in", **RIJEN)
    tekst = (tmp_path / "in" / "zvw.csv").read_text().replace("eigen_bijdrage", "eigen_bijdrag")
    (tmp_path / "in" / "zvw.csv").write_text(tekst)
    with pytest.raises(InputError, match=r"tabel 'zvw' .*kolom\(men\) ontbreken: eigen_bijdrage"):
        analyse(tmp_path / "in", uit, voortgang=False)
    assert not uit.exists()  # nothing was started


def test_missing_parquet_column_is_named(tmp_path):
    invoer(tmp_path, **RIJEN)
    (tmp_path / "wlz_zin.csv").unlink()
    pq.write_table(pa.table({"regelnummer": [1], "client_id": ["A"]}), tmp_path / "wlz_zin.parquet")
    with pytest.raises(InputError, match="prestatiecode, begindatum, einddatum, aantal, bedrag, zzp_code"):
        analyse(tmp_path, tmp_path / "uit", voortgang=False)


def test_cli_reports_bad_input_with_nonzero_exit(tmp_path):
    r = CliRunner().invoke(app, ["analyse", str(tmp_path / "nergens"), "--out", str(tmp_path / "uit")])
    assert r.exit_code != 0
    assert "bestaat niet" in r.output
    r = CliRunner().invoke(app, ["analyse", str(tmp_path), "--out", str(tmp_path / "uit"), "--engine", "oracle"])
    assert r.exit_code != 0 and "oracle" in r.output


def test_parquet_input_gives_the_same_tables_as_csv(tmp_path):
    u_csv = analyseer(tmp_path / "csv", **RIJEN)
    map_ = tmp_path / "pq"
    invoer(map_ / "in", **RIJEN)
    typen = {"regelnummer": pa.int64(), "aantal": pa.int32(), "begindatum": pa.date32(), "einddatum": pa.date32()}
    for naam in ("wlz_zin", "pgb", "zvw", "prestatiecodes"):
        rijen = read_rows(map_ / "in" / f"{naam}.csv")
        kolommen = {}
        for k in rijen[0] if rijen else []:
            waarden = [r[k] or None for r in rijen]
            if k in typen:
                kolommen[k] = pa.array(waarden, pa.string()).cast(typen[k])
            elif k.startswith(("bedrag", "eigen_")):
                kolommen[k] = pa.array(waarden, pa.string()).cast(pa.decimal128(12, 2))
            else:
                kolommen[k] = pa.array(waarden, pa.string())
        pq.write_table(pa.table(kolommen), map_ / "in" / f"{naam}.parquet")
        (map_ / "in" / f"{naam}.csv").unlink()
    analyse(map_ / "in", map_ / "uit", voortgang=False, grafieken=False)
    u_pq = Uitkomst(map_ / "uit")
    assert (u_pq.lv, u_pq.zp, u_pq.uit, u_pq.corr) == (u_csv.lv, u_csv.zp, u_csv.uit, u_csv.corr)


def test_command_writes_tables_charts_and_a_self_contained_report(tmp_path):
    invoer(tmp_path / "in", **RIJEN)
    r = CliRunner().invoke(app, ["analyse", str(tmp_path / "in"), "--out", str(tmp_path / "uit"), "--jaar", "2019"])
    assert r.exit_code == 0, r.output
    uit = tmp_path / "uit"
    for naam in (
        "clienten_per_leveringsvorm",
        "clienten_per_zorgprofiel",
        "uitgaven_per_dag",
        "correcties",
        "quarantaine",
    ):
        assert (uit / f"{naam}.csv").is_file()
    for n in range(1, 15):
        assert (uit / f"figuur_{n:02d}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    html = (uit / "rapport.html").read_text("utf-8")
    assert html.count('src="data:image/png;base64,') == 14
    assert not re.search(r'(src|href)="(https?:)?//', html)  # nothing loaded from elsewhere
    for tekst in ("Hoe is er gerekend?", "Gewogen cliënten", "Figuur 14.", "Tabel 1", "laatst gedeclareerde"):
        assert tekst in html
    assert '<html lang="nl">' in html
