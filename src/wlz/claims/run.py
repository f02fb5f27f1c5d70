"""Running the analysis end to end: check input, build the pipeline, execute it step by step, write.

The steps are timed (and their peak memory read from /proc where available) so the command can show
progress and the benchmark can print the figures per step.
"""

from __future__ import annotations

import csv
import datetime as dt
import time
from contextlib import ExitStack, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import ibis
import pandas as pd
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from wlz.claims import clienttabel as ct
from wlz.claims import output, parse, pipeline
from wlz.claims.codes import Koppellijst, read_koppellijst
from wlz.claims.engines import connect
from wlz.claims.inputs import find_sources

STAPPEN = (
    "invoer controleren",
    "engine starten",
    "koppellijst lezen",
    "regelnummers controleren",
    "correcties tellen",
    "quarantaine schrijven",
    "clientmaanden bepalen",
    "tabellen berekenen",
    "grafieken tekenen",
    "rapport schrijven",
)
#: the extra step of a run with ``clienttabel=True``
STAP_CLIENTTABEL = "clienttabel schrijven"


@dataclass
class Step:
    """One timed step of a run: its (Dutch) name as the progress bar shows it, seconds, rows, peak memory."""

    name: str
    seconds: float
    rows: int | None
    peak_mb: float | None


@dataclass
class Result:
    """What a run produced: output folder, timings per step and the formatted tables."""

    output: Path
    steps: list[Step] = field(default_factory=list)
    tables: dict[str, list[dict]] = field(default_factory=dict)
    #: the client-month table's folder when it was asked for (``clienttabel=True``)
    clienttabel: Path | None = None


def _reset_peak() -> None:
    with suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def _peak_mb() -> float | None:
    try:
        for regel in Path("/proc/self/status").read_text().splitlines():
            if regel.startswith("VmHWM:"):
                return int(regel.split()[1]) / 1024
    except OSError:
        return None
    return None


class _Meter:
    """Times the steps and drives the progress bar."""

    def __init__(self, resultaat: Result, toon: bool, stappen: int = len(STAPPEN)):
        self.resultaat = resultaat
        self.stappen = stappen
        self.progress = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            TextColumn("{task.completed}/{task.total} stappen"),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            disable=not toon,
            transient=False,
        )
        self.taak = None

    def __enter__(self):
        self.progress.__enter__()
        self.taak = self.progress.add_task("declaratie-analyse", total=self.stappen)
        return self

    def __exit__(self, *exc):
        self.progress.__exit__(*exc)

    def stap(self, naam: str):
        meter = self

        class _Ctx:
            rows: int | None = None

            def __enter__(self):
                meter.progress.update(meter.taak, description=naam)
                _reset_peak()
                self.t0 = time.perf_counter()
                return self

            def __exit__(self, *exc):
                if exc[0] is None:
                    meter.resultaat.steps.append(Step(naam, time.perf_counter() - self.t0, self.rows, _peak_mb()))
                    meter.progress.advance(meter.taak)

        return _Ctx()


def _count_per_step(expr) -> tuple[dict[int, int], dt.date | None]:
    """Rows per correction step, and the latest begindatum of the kept rows (same pass over the table)."""
    df = expr.group_by("stap").aggregate(n=expr.count(), laatste=expr.begindatum.max()).to_pandas()
    tellingen = {int(r.stap): int(r.n) for r in df.itertuples()}
    ok = df[df.stap == parse.STAP_OK]
    laatste = ok.laatste.iloc[0] if len(ok) and pd.notna(ok.laatste.iloc[0]) else None
    return tellingen, (pd.Timestamp(laatste).date() if laatste is not None else None)


def materialise(con, naam: str, expr):
    """Compute ``expr`` once into a scratch table that later steps read.

    DuckDB: a temporary table. It lives in the buffer pool under the memory limit and is spilled to the
    scratch folder when it does not fit, so out-of-core still works, but it skips the compression and
    checkpoint of a table in the database file (measured: a third of the time of the biggest step).
    Spark has no temporary tables in Ibis: a table in the session's scratch warehouse.
    """
    return con.create_table(naam, expr, temp=con.name == "duckdb" or None)


def _duplicates(con, naam: str, raw):
    """The table's duplicate regelnummers, materialised once; ``None`` when there are none (the usual case)."""
    d = materialise(con, f"dubbel_{naam}", parse.dubbele_regelnummers(raw, naam))
    return d if int(d.count().to_pandas()) else None


def _quarantaine_expr(naam: str, t):
    q = t.filter(t.stap == parse.STAP_QUARANTAINE)
    return q.select(tabel=ibis.literal(naam), regelnummer=q.regel_tekst, reden=q.reden)


def analyse(
    invoer: str | Path,
    uitvoer: str | Path,
    *,
    jaar: int = 2019,
    engine: str = "duckdb",
    geheugen: str = "3GB",
    voortgang: bool = True,
    grafieken: bool = True,
    werkmap: Path | None = None,
    clienttabel: bool = False,
    clienttabel_jaren: tuple[int, ...] | None = None,
) -> Result:
    """Run the NZa declaration analysis on the folder ``invoer`` and write the outputs to ``uitvoer``.

    ``clienttabel``: also write the client-month table ``uitvoer/client_maanden/`` (:mod:`wlz.claims.clienttabel`);
    off by default, so the default run neither slows down nor changes its outputs. ``clienttabel_jaren``: only
    these years in it (a scenario needs one year; the table of four national years is four times larger).
    Raises :class:`wlz.claims.InputError` before any work if a table or column is missing.
    """
    invoer, uitvoer = Path(invoer), Path(uitvoer)
    res = Result(output=uitvoer)
    with _Meter(res, voortgang, len(STAPPEN) + (1 if clienttabel else 0)) as m:
        with m.stap("invoer controleren"):
            sources = find_sources(invoer)
        uitvoer.mkdir(parents=True, exist_ok=True)
        with ExitStack() as stack:
            with m.stap("engine starten"):
                con = stack.enter_context(connect(engine, geheugen=geheugen, werkmap=werkmap))
            _run(con, sources, uitvoer, jaar, res, m, grafieken, clienttabel, clienttabel_jaren)
    return res


def _run(
    con,
    sources,
    uitvoer: Path,
    jaar: int,
    res: Result,
    m: _Meter,
    grafieken: bool,
    clienttabel: bool = False,
    clienttabel_jaren: tuple[int, ...] | None = None,
) -> None:
    with m.stap("koppellijst lezen") as s:
        kl = read_koppellijst(sources["prestatiecodes"])
        kl_mem = ibis.memtable(kl.tabel)
        s.rows = len(kl.tabel)
    n_soorten = len(kl.soorten)
    ruw = {naam: parse.read_raw(con, sources[naam]) for naam in ("wlz_zin", "pgb", "zvw")}

    with m.stap("regelnummers controleren") as s:
        dubbel = {naam: _duplicates(con, naam, t) for naam, t in ruw.items()}
        s.rows = len([d for d in dubbel.values() if d is not None])
    wlz = parse.prepare_wlz(ruw["wlz_zin"], kl_mem, dubbel["wlz_zin"])
    pgb = parse.prepare_pgb(ruw["pgb"], dubbel["pgb"])
    zvw = parse.prepare_zvw(ruw["zvw"], dubbel["zvw"])

    with m.stap("correcties tellen") as s:
        tellingen: dict[str, dict[int, int]] = {}
        laatste: dict[str, dt.date | None] = {}
        for naam, t in (("wlz_zin", wlz), ("pgb", pgb), ("zvw", zvw)):
            tellingen[naam], laatste[naam] = _count_per_step(t)
        s.rows = sum(sum(v.values()) for v in tellingen.values())

    with m.stap("quarantaine schrijven") as s:
        s.rows = _write_quarantaine(
            uitvoer / "quarantaine.csv", kl.quarantaine, [("wlz_zin", wlz), ("pgb", pgb), ("zvw", zvw)]
        )

    with m.stap("clientmaanden bepalen") as s:
        eind = pipeline.periode_eind(laatste["wlz_zin"], laatste["zvw"], laatste["pgb"])
        grenzen = pipeline.pgb_grenzen(pgb, eind).to_pyarrow().to_pylist()[0]
        van, tot = grenzen["van"], grenzen["tot"]
        pgb_na_periode = int(grenzen["na_periode"] or 0)
        kal = pipeline.calendar(int(van), int(tot)) if van is not None and tot is not None else None
        if kal is None:
            kal = pipeline.calendar(1, 0)  # no pgb rows: an empty calendar
        kal_mem = ibis.memtable(kal, schema={"k_idx": "int64", "k_start": "int64"})
        elementen = pipeline.wlz_elementen(wlz).union(pipeline.pgb_elementen(pgb, kal_mem))
        # the two big aggregations are materialised before they are joined: measured faster on DuckDB
        # than one fused plan (and than one aggregation over Wlz and Zvw rows together)
        cm = materialise(con, "clientmaanden", pipeline.client_maanden(elementen, n_soorten))
        zm = materialise(con, "zvw_maanden", pipeline.zvw_maanden(zvw, met_eigen_risico=clienttabel))
        ref_mem = pipeline.reference_table()
        bewaar = [kl_mem, kal_mem, ref_mem]  # keep the in-memory tables registered until the end
        # two results serve every output table: client counts per client, year and classification (no Zvw
        # needed), and sums per classification (a few hundred rows). Nothing per client-month is written
        # after the two aggregations, which was the costliest part of the run.
        cj = materialise(con, "clientjaren", pipeline.client_jaren(cm, ref_mem))
        klassen = pipeline.classify(cm, zm, ref_mem, n_soorten)
        g = materialise(con, "groepen", pipeline.groepen(klassen, n_soorten))
        s.rows = int(g.maanden.sum().to_pandas())

    if clienttabel:
        with m.stap(STAP_CLIENTTABEL) as s:
            agb = parse.read_optional(con, sources["wlz_zin"], ct.AGB_KOLOM)
            cm_ct, zm_ct = cm, zm
            if clienttabel_jaren is not None:  # only the chosen years: both sides of the Zvw join get smaller
                jaren = list(clienttabel_jaren)
                cm_ct, zm_ct = cm.filter((cm.idx // 12).isin(jaren)), zm.filter((zm.z_idx // 12).isin(jaren))
            expr = ct.client_maanden(
                pipeline.classify(cm_ct, zm_ct, ref_mem, n_soorten, met_maand=True),
                kl.soorten,
                None if agb is None else ct.aanbieder_maanden(wlz, agb, clienttabel_jaren),
            )
            res.clienttabel = ct.write(con, expr, uitvoer)
            s.rows = None

    with m.stap("tabellen berekenen") as s:
        per_lv = pipeline.per_leveringsvorm(cj, g, n_soorten).to_pandas()
        zp_lv, zp_alle = pipeline.per_zorgprofiel(cj)
        zp_lv, zp_alle = zp_lv.to_pandas(), zp_alle.to_pandas()
        uit = pipeline.uitgaven(g, n_soorten).to_pandas()
        boek = pipeline.boekhouding(g).to_pandas()
        tabellen = {
            "clienten_per_leveringsvorm": output.table_leveringsvorm(per_lv),
            "clienten_per_zorgprofiel": output.table_zorgprofiel(zp_lv, zp_alle),
            "uitgaven_per_dag": output.table_uitgaven(uit, kl.soorten),
            "correcties": correcties(tellingen, pgb_na_periode, kl, boek),
        }
        headers = {
            "clienten_per_leveringsvorm": output.HEADER_LEVERINGSVORM,
            "clienten_per_zorgprofiel": output.HEADER_ZORGPROFIEL,
            "uitgaven_per_dag": output.HEADER_UITGAVEN,
            "correcties": output.HEADER_CORRECTIES,
        }
        for naam, rows in tabellen.items():
            output.write_csv(uitvoer / f"{naam}.csv", headers[naam], rows)
        res.tables = tabellen
        res.tables["soorten_wlz"] = [{"soort_zorg": s} for s in kl.soorten]
        s.rows = sum(len(v) for v in tabellen.values())

    with m.stap("grafieken tekenen") as s:
        figures = []
        if grafieken:
            from wlz.claims import charts

            figures = charts.draw_all(res.tables, kl.soorten, jaar, uitvoer)
        s.rows = len(figures)

    with m.stap("rapport schrijven") as s:
        if grafieken:
            from wlz.claims import report

            report.write_report(uitvoer / "rapport.html", res.tables, figures, jaar)
        s.rows = 1 if grafieken else 0
    del bewaar


def _write_quarantaine(pad: Path, koppellijst_q: list[dict], tabellen) -> int:
    n = 0
    with pad.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(output.HEADER_QUARANTAINE)
        for r in koppellijst_q:
            w.writerow([r["tabel"], r["regelnummer"], r["reden"]])
            n += 1
        for naam, t in tabellen:
            # fetched per table (ibis 12's streaming fetch does not work with duckdb 2.0); quarantined
            # rows are a small share, and only three narrow text columns are fetched
            tb = _quarantaine_expr(naam, t).to_pyarrow()
            for r in tb.to_pylist():
                w.writerow([r["tabel"], r["regelnummer"] or "", r["reden"]])
                n += 1
    return n


def correcties(
    tellingen: dict[str, dict[int, int]], pgb_na_periode: int, kl: Koppellijst, boek: pd.DataFrame
) -> list[dict[str, Any]]:
    """Rows of correcties.csv: every input row and client-month ends in exactly one line per table.

    ``tellingen``: rows per correction step (``parse.STAP_*``) of each claims table; ``pgb_na_periode``: kept
    pgb rows that begin after the analysed years."""
    rows: list[dict] = []

    def rij(stap: str, tabel: str, n: int) -> None:
        rows.append({"stap": stap, "tabel": tabel, "rijen": int(n)})

    for tabel in ("wlz_zin", "pgb", "zvw"):
        rij("0_ingelezen", tabel, sum(tellingen[tabel].values()))
    rij("0_ingelezen", "prestatiecodes", kl.gelezen)
    rij("1_bedrag_niet_positief", "wlz_zin", tellingen["wlz_zin"].get(parse.STAP_BEDRAG, 0))
    rij("1_bedrag_niet_positief", "pgb", tellingen["pgb"].get(parse.STAP_BEDRAG, 0))
    for tabel in ("wlz_zin", "pgb", "zvw"):
        rij("2_client_id_0", tabel, tellingen[tabel].get(parse.STAP_BSN, 0))
    rij("3_rol_uitgesloten", "wlz_zin", tellingen["wlz_zin"].get(parse.STAP_UITGESLOTEN, 0))
    for tabel in ("wlz_zin", "pgb", "zvw"):
        rij("4_quarantaine", tabel, tellingen[tabel].get(parse.STAP_QUARANTAINE, 0))
    rij("4_quarantaine", "prestatiecodes", len(kl.quarantaine))

    namen = {-1: "ongeclassificeerd", -2: "onbekend", 2: "ggz", 3: "overig", 5: "pgb", 9: "in_tabel"}
    g = {namen[int(r.groep)]: r for r in boek.itertuples()}

    def veld(groep: str, naam: str) -> int:
        r = g.get(groep)
        v = getattr(r, naam) if r is not None else 0
        return 0 if v is None or str(v) in ("nan", "<NA>") else int(v)

    rij("5_maand_ongeclassificeerd", "clientmaanden", veld("ongeclassificeerd", "maanden"))
    rij("5_maand_ongeclassificeerd", "wlz_zin", veld("ongeclassificeerd", "regels"))
    rij("5_maand_ongeclassificeerd", "zvw", veld("ongeclassificeerd", "nz"))
    for sector in ("ggz", "overig", "onbekend"):
        rij(f"6_sector_{sector}", "clientmaanden", veld(sector, "maanden"))
        rij(f"6_sector_{sector}", "wlz_zin", veld(sector, "regels"))
        rij(f"6_sector_{sector}", "zvw", veld(sector, "nz"))
    rij("7_pgb_maand_zonder_uitgaven", "wlz_zin", veld("pgb", "regels"))
    rij("7_pgb_begint_na_analyseperiode", "pgb", pgb_na_periode)
    rij("7_pgb_maand_zonder_uitgaven", "zvw", veld("pgb", "nz"))
    zvw_behouden = tellingen["zvw"].get(parse.STAP_OK, 0)
    zvw_in_maand = sum(veld(k, "nz") for k in g)
    rij("8_zvw_zonder_wlz_clientmaand", "zvw", zvw_behouden - zvw_in_maand)
    rij("9_zvw_maandsom_niet_positief", "zvw", veld("in_tabel", "nz") - veld("in_tabel", "nz_pos"))
    rij("in_resultaat", "clientmaanden", veld("in_tabel", "maanden") + veld("pgb", "maanden"))
    rij("in_resultaat", "wlz_zin", veld("in_tabel", "regels"))
    rij("in_resultaat", "pgb", tellingen["pgb"].get(parse.STAP_OK, 0) - pgb_na_periode)
    rij("in_resultaat", "zvw", veld("in_tabel", "nz_pos"))
    rij("in_resultaat", "prestatiecodes", len(kl.tabel))
    return rows
