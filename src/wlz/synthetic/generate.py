"""``wlz genereer``: the whole synthetic dataset, written table by table in chunks of whole clients.

Pipeline: targets (``targets``) -> exact monthly counts -> client histories (``population``) -> claim rows per
chunk (``declaratieregels``) -> Parquet (or CSV). Memory stays bounded by one chunk of rows (about a million segments)
plus the segment arrays of all clients (peak about 1.5 GB at schaal 1.0, measured); every random draw comes
from a generator seeded by (seed, purpose, chunk), so a seed gives the same files on every machine and run.

Besides the calibrated clients the dataset holds noise the analysis must leave out - ggz clients, persons
with only ELV/GZSP lines, toeslag-only months, lines with the special COD163 code 999 - and, on request
(``fouten``), malformed rows for quarantine. ``herkomst.json`` records seed, scale, row counts and how many
rows of each kind were planted, so a test can check the analysis's ``correcties.csv`` against it.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from wlz.synthetic import bsn as bsnmod
from wlz.synthetic import declaratieregels, inkomen, koppellijst, targets
from wlz.synthetic.population import Calendar, Segments, simulate

TABLES = ("wlz_zin", "pgb", "zvw", "prestatiecodes")


class OutputFormat(StrEnum):
    """The file formats the dataset is written in (``wlz genereer --formaat``)."""

    PARQUET = "parquet"
    CSV = "csv"


SCHEMAS = {
    "wlz_zin": declaratieregels.WLZ_SCHEMA,
    "pgb": declaratieregels.PGB_SCHEMA,
    "zvw": declaratieregels.ZVW_SCHEMA,
    "prestatiecodes": koppellijst.SCHEMA,
}
SEGMENTS_PER_CHUNK = 1_000_000

ProgressCallback = Callable[[str, int, int], None]


def parse_years(tekst: str) -> list[int]:
    """'2018-2021' or '2019' -> list of years; only years with seed-004 targets are allowed."""
    tekst = tekst.strip()
    try:
        if "-" in tekst:
            a, b = (int(x) for x in tekst.split("-", 1))
        else:
            a = b = int(tekst)
    except ValueError as exc:
        raise ValueError(f"--jaren: '{tekst}' is geen jaar of bereik zoals 2018-2021") from exc
    jaren = list(range(a, b + 1))
    if not jaren or any(j not in targets.JAREN for j in jaren):
        raise ValueError(f"--jaren: alleen {targets.JAREN[0]}-{targets.JAREN[-1]} heeft doelen uit seed 004")
    return jaren


@dataclass
class _TableWriter:
    """One output table: Parquet or CSV writer, running regelnummer, and the planted-row counters."""

    pad: Path
    schema: pa.Schema
    formaat: str
    rows: int = 0
    writer: pq.ParquetWriter | pacsv.CSVWriter | None = None
    planted: dict[str, int] = field(default_factory=dict)

    def write(self, t: pa.Table) -> None:
        if "regelnummer" in t.column_names:
            t = t.set_column(0, "regelnummer", pa.array(np.arange(self.rows + 1, self.rows + 1 + t.num_rows)))
        self.rows += t.num_rows
        if self.formaat == "csv":
            t = t.cast(pa.schema([(f.name, pa.string()) for f in t.schema]))
            if self.writer is None:
                self.writer = pacsv.CSVWriter(str(self.pad), t.schema)
        elif self.writer is None:
            self.writer = pq.ParquetWriter(str(self.pad), self.schema, compression="zstd", compression_level=1)
        self.writer.write_table(t)

    def close(self) -> None:
        if self.writer is None:  # empty table: still write the header/schema
            self.write(self.schema.empty_table())
        assert self.writer is not None
        self.writer.close()

    def count(self, soort: str, n: int) -> None:
        self.planted[soort] = self.planted.get(soort, 0) + int(n)


def _count_corrections(naam: str, t: pa.Table, s: _TableWriter, uitgesloten: pa.Array) -> None:
    """Count rows per correction step, in the analysis's order (bedrag<=0, client 0, uitgesloten)."""
    if naam == "zvw":
        s.count("client_id_0", pc.sum(pc.equal(t["client_id"], "0")).as_py() or 0)
        return
    le0 = pc.less_equal(t["bedrag"], pa.scalar(0, declaratieregels.BEDRAG))
    nul = pc.and_(pc.invert(le0), pc.equal(t["client_id"], "0"))
    s.count("bedrag_le_0", pc.sum(le0).as_py() or 0)
    s.count("client_id_0", pc.sum(nul).as_py() or 0)
    if naam == "wlz_zin":
        uit = pc.and_(pc.invert(pc.or_(le0, nul)), pc.is_in(t["prestatiecode"], uitgesloten))
        s.count("uitgesloten", pc.sum(uit).as_py() or 0)


def _noise_groups(schaal: float, jaren: list[int]) -> tuple[tuple[targets.Groep, ...], np.ndarray]:
    r = targets.assumptions()["ruis_ggz"]
    totaal = targets.assumptions()["ruis_personen"]["ggz"]
    groepen = tuple(targets._groep(str(c)) for c in r["codes"])
    w = np.zeros((len(jaren), len(groepen), 6))
    for gi, share in enumerate(r["codes"].values()):
        for li, lv in enumerate(targets.LEVERINGSVORMEN):
            w[:, gi, li] = totaal * share * r["leveringsvorm"][lv]
    return groepen, w


def _noise_wlz(
    ctx: declaratieregels.Context, pid0: int, schaal: float, rng: np.random.Generator
) -> tuple[pa.Table, int, int]:
    """Persons outside the tables: only ELV/GZSP lines, toeslag-only months, COD163 999. Returns table, persons,
    unclassified client-months."""
    r = ctx.a["ruis_personen"]
    kal = ctx.kal
    T = kal.start.size
    d = declaratieregels._Parts()
    pid = pid0
    n_elv = int(round(r["alleen_elv_gzsp"] * schaal))
    n_lines = rng.integers(1, 4, n_elv)
    p = np.repeat(np.arange(pid, pid + n_elv), n_lines)
    pid += n_elv
    t = rng.integers(0, T, p.size)
    dagen = rng.integers(1, 15, p.size)
    b = kal.start[t].astype(np.int64) + rng.integers(0, 14, p.size)
    ucodes = np.array([ctx.code_idx[c] for c in koppellijst.UITGESLOTEN], np.int64)
    d.add(
        pid=p,
        code=ucodes[rng.integers(0, ucodes.size, p.size)],
        b=b,
        e=b + dagen - 1,
        aantal=dagen,
        cents=dagen * 24000,
        zzp=np.int64(ctx.zzp_null),
    )
    n_toe = int(round(r["alleen_toeslag"] * schaal))
    p = np.arange(pid, pid + n_toe)
    pid += n_toe
    t = rng.integers(0, T, n_toe)
    vv = [gi for gi, g in enumerate(ctx.groepen) if g.hoofdsector == "vv"]
    L = kal.lengte[t].astype(np.int64)
    d.add(
        pid=p,
        code=np.int64(ctx.code_idx["T-01"]),
        b=kal.start[t].astype(np.int64),
        e=kal.start[t].astype(np.int64) + L - 1,
        aantal=L,
        cents=L * 1500,
        zzp=np.array(vv)[rng.integers(0, len(vv), n_toe)],
    )
    n_sp = int(round(r["speciale_code"] * schaal))
    maanden = rng.integers(1, 7, n_sp)
    p = np.repeat(np.arange(pid, pid + n_sp), maanden)
    eerste = rng.integers(0, max(1, T - 6), n_sp)
    t = np.repeat(eerste, maanden) + (np.arange(p.size) - np.repeat(np.cumsum(maanden) - maanden, maanden))
    pid += n_sp
    L = kal.lengte[t].astype(np.int64)
    b = kal.start[t].astype(np.int64)
    d.add(
        pid=p,
        code=np.int64(ctx.code_idx["M-PV"]),
        b=b,
        e=b + L - 1,
        aantal=np.maximum(1, L // 3),
        cents=L * 2000,
        zzp=np.int64(ctx.zzp_speciaal),
    )
    return declaratieregels._wlz_table(ctx, d.cat(declaratieregels._WLZ_COLS)), pid - pid0, n_toe


def _malformed(naam: str, schoon: pa.Table, n: int, formaat: str, rng: np.random.Generator) -> pa.Table | None:
    """Malformed copies of clean rows, for the quarantine: each kind ``n`` times (per table where it applies)."""
    # copy only rows no correction would remove, so each planted row is counted as quarantined and nothing else
    ok = pc.not_equal(schoon["client_id"], "0")
    if "bedrag" in schoon.column_names:
        ok = pc.and_(ok, pc.greater(schoon["bedrag"], pa.scalar(0, declaratieregels.BEDRAG)))
    if "prestatiecode" in schoon.column_names:
        ok = pc.and_(ok, pc.invert(pc.is_in(schoon["prestatiecode"], pa.array(list(koppellijst.UITGESLOTEN)))))
    schoon = schoon.filter(ok)
    if n <= 0 or schoon.num_rows == 0:
        return None
    kies = lambda: schoon.take(pa.array(rng.integers(0, schoon.num_rows, n)))  # noqa: E731
    parts: list[pa.Table] = []
    if naam in ("wlz_zin", "pgb"):
        t = kies()
        b, e = t["begindatum"], t["einddatum"]
        later = pc.cast(pc.add(pc.cast(e, pa.int32()), pa.scalar(5, pa.int32())), pa.int32()).cast(pa.date32())
        t = t.set_column(t.schema.get_field_index("begindatum"), "begindatum", later)
        t = t.set_column(t.schema.get_field_index("einddatum"), "einddatum", b)
        parts.append(t)
    if naam == "wlz_zin":
        t = kies()
        parts.append(
            t.set_column(
                t.schema.get_field_index("prestatiecode"), "prestatiecode", pa.array(["X-ONBEKEND"] * n, pa.string())
            )
        )
    if formaat == "csv":
        str_schema = pa.schema([(f.name, pa.string()) for f in schoon.schema])
        parts = [x.cast(str_schema) for x in parts]
        geld = "bedrag" if "bedrag" in schoon.column_names else "bedrag_basis"
        t = kies().cast(str_schema)
        parts.append(
            t.set_column(
                t.schema.get_field_index("begindatum"), "begindatum", pa.array(["2019-02-30"] * n, pa.string())
            )
        )
        t = kies().cast(str_schema)
        parts.append(t.set_column(t.schema.get_field_index(geld), geld, pa.array(["twaalf"] * n, pa.string())))
    return pa.concat_tables(parts) if parts else None


def generate(
    out: Path,
    jaren: list[int] | None = None,
    schaal: float = 1.0,
    seed: int = 0,
    fouten: int = 0,
    formaat: str = "parquet",
    voortgang: ProgressCallback | None = None,
    agb: bool = False,
) -> dict:
    """Write the dataset to ``out``; returns the provenance summary also written as ``herkomst.json``.

    Beside the claims tables a synthetic income table ``inkomen.<ext>`` is written (:mod:`wlz.synthetic.inkomen`;
    the claims tables do not change). ``agb``: add the optional provider column ``agb_code`` to ``wlz_zin``.
    """
    if schaal <= 0:
        raise ValueError("--schaal moet groter dan 0 zijn")
    if formaat not in tuple(OutputFormat):
        raise ValueError(f"--formaat: '{formaat}' is niet parquet of csv")
    jaren = jaren or list(targets.JAREN)
    melden = voortgang or (lambda *_: None)
    t0 = time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    a = targets.assumptions()

    kub = targets.cube()
    yi = [targets.JAREN.index(j) for j in jaren]
    rg, rw = _noise_groups(schaal, jaren)
    groepen = kub.groepen + rg
    w = np.concatenate([kub.w[yi], rw], axis=1)
    n = targets.monthly_counts(targets.maanden_per_jaar(w, groepen, schaal))
    kal = Calendar.for_years(jaren)
    melden("clienten", 0, 1)
    seg, pid_groep = simulate(n, groepen, kal, a["dynamiek"], np.random.default_rng([seed, 1]))
    n_sim = int(pid_groep.size)
    n_ruis_max = sum(int(round(v * schaal)) for k, v in a["ruis_personen"].items() if k != "ggz") + 1
    ctx = declaratieregels.Context(groepen, kal, a, bsnmod.generate(n_sim + n_ruis_max, seed), seed)
    melden("clienten", 1, 1)

    ext = "csv" if formaat == "csv" else "parquet"
    schemas = dict(SCHEMAS)
    if agb:
        schemas["wlz_zin"] = schemas["wlz_zin"].append(pa.field(inkomen.AGB_KOLOM, pa.string()))
    n_aanbieders = int(a["aanbieders"]["aantal"])
    writers = {naam: _TableWriter(out / f"{naam}.{ext}", schemas[naam], formaat) for naam in TABLES}
    uitgesloten = pa.array(list(koppellijst.UITGESLOTEN), pa.string())

    # chunks of whole clients (segments are sorted by pid)
    cuts = [0]
    while cuts[-1] < len(seg):
        pos = cuts[-1] + SEGMENTS_PER_CHUNK
        if pos >= len(seg):
            cuts.append(len(seg))
        else:
            cuts.append(int(np.searchsorted(seg.pid, seg.pid[pos], side="left")))
    chunks = len(cuts) - 1
    voorbeeld: dict[str, pa.Table] = {}
    for ci in range(chunks):
        melden("regels", ci, chunks)
        part: Segments = seg.take(np.arange(cuts[ci], cuts[ci + 1]))
        for j, (naam, maak) in enumerate(
            (("wlz_zin", declaratieregels.wlz_zin), ("pgb", declaratieregels.pgb), ("zvw", declaratieregels.zvw))
        ):
            t = maak(part, ctx, np.random.default_rng([seed, 2 + j, ci]))
            if agb and naam == "wlz_zin":
                t = inkomen.met_agb(t, n_aanbieders)
            _count_corrections(naam, t, writers[naam], uitgesloten)
            writers[naam].write(t)
            if ci == 0:
                voorbeeld[naam] = t.slice(0, min(t.num_rows, 10_000))
    melden("regels", chunks, chunks)

    ruis, n_ruis, onbepaald = _noise_wlz(ctx, n_sim, schaal, np.random.default_rng([seed, 9]))
    if agb:
        ruis = inkomen.met_agb(ruis, n_aanbieders)
    _count_corrections("wlz_zin", ruis, writers["wlz_zin"], uitgesloten)
    writers["wlz_zin"].write(ruis)
    frng = np.random.default_rng([seed, 10])
    for naam in ("wlz_zin", "pgb", "zvw"):
        if naam in voorbeeld:
            f = _malformed(naam, voorbeeld[naam], fouten, formaat, frng)
            if f is not None:
                writers[naam].count("quarantaine", f.num_rows)
                writers[naam].write(f)
    writers["prestatiecodes"].write(koppellijst.table())
    for s in writers.values():
        s.close()
    ink_tabel = inkomen.inkomen_tabel(ctx.bsn, n_sim, jaren, a)
    ink = _TableWriter(out / f"inkomen.{ext}", ink_tabel.schema, formaat)
    ink.write(ink_tabel)
    ink.close()

    herkomst = {
        "bron_doelen": "shared/bronnen/seeds/004_6e3b81d00e92fbfb.txt, Bijlage 3, tabellen 1-6",
        "seed": seed,
        "schaal": schaal,
        "jaren": jaren,
        "formaat": formaat,
        "rijen": {naam: s.rows for naam, s in writers.items()},
        "geplante_rijen": {naam: s.planted for naam, s in writers.items() if s.planted},
        "clienten_gesimuleerd": n_sim,
        "ruis_personen": n_ruis,
        "ongeclassificeerde_maanden": onbepaald,
        "client_maanden_geteld": int(seg.geteld.sum()),
        "seconden": round(time.perf_counter() - t0, 2),
    }
    (out / "herkomst.json").write_text(json.dumps(herkomst, indent=2, ensure_ascii=False) + "\n", "utf-8")
    return herkomst
