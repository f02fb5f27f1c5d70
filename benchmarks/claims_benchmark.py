"""Benchmark of ``wlz analyse`` on the national-scale synthetic dataset.

Not a test: it prints figures. It generates ``--schaal 1.0`` for 2018-2021 with ``wlz.synthetic`` (or reuses
``--data``), runs the analysis (Ibis pipeline on DuckDB) and prints rows, time and peak memory per step, then
runs the same method twice more for comparison:

* ``hand_sql``: one hand-written DuckDB SQL query of the same plan (client-months, Zvw months, client
  counts and sums per classification as materialised CTEs, the three tables as one UNION), the practical
  limit of the engine;
* ``pandas``: a plain pandas implementation, what analysts use today.

Both comparison versions skip the quarantine/correcties bookkeeping and assume typed Parquet (the pipeline
does the full work), so the ratios are conservative for the pipeline. ``tests/claims/test_benchmark_gelijk.py``
checks on a small dataset that both give the pipeline's numbers, so the comparison is like with like.

    .venv/bin/python benchmarks/claims_benchmark.py [--schaal 1.0] [--data MAP] [--zonder-pandas]
"""

from __future__ import annotations

import argparse
import gc
import resource
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

ZVW = ("HAZ", "FRM", "PMZ", "MND", "MSZ", "GGZ", "HLP")
BASIS_CAT = ("zzp_incl", "zzp_excl", "vpt_incl", "vpt_excl")


# --------------------------------------------------------------------------------------------------------------
# memory measurement: peak RSS of this process (DuckDB and pandas run in it) sampled by a thread
# --------------------------------------------------------------------------------------------------------------


class Piek:
    """Peak resident memory (MB) during a block, sampled every 20 ms from /proc/self/statm."""

    def __enter__(self):
        self.piek = self._rss()
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._loop, daemon=True)
        self._t.start()
        self.t0 = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.seconden = time.perf_counter() - self.t0
        self._stop.set()
        self._t.join()

    @staticmethod
    def _rss() -> float:
        try:
            with open("/proc/self/statm") as fh:
                return int(fh.read().split()[1]) * resource.getpagesize() / 2**20
        except OSError:
            return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    def _loop(self):
        while not self._stop.wait(0.02):
            self.piek = max(self.piek, self._rss())


# --------------------------------------------------------------------------------------------------------------
# reference data shared by the two comparison versions (from wlz.reference, like the pipeline)
# --------------------------------------------------------------------------------------------------------------


def reference_table() -> pd.DataFrame:
    from wlz.claims.codes import cod163_table

    return cod163_table()


def _pad(map_: Path, naam: str) -> str:
    for kandidaat in (map_ / f"{naam}.parquet", map_ / naam):
        if kandidaat.exists():
            return str(kandidaat if kandidaat.is_file() else kandidaat / "**" / "*.parquet")
    raise FileNotFoundError(f"{naam}.parquet in {map_}")


# --------------------------------------------------------------------------------------------------------------
# the hand-written DuckDB SQL version
# --------------------------------------------------------------------------------------------------------------


def hand_sql(map_: Path, con: duckdb.DuckDBPyConnection) -> dict[str, pd.DataFrame]:
    """The method as one hand-written DuckDB SQL query; returns the same three tables as the pipeline (wide).

    The same plan as the pipeline, written by hand: client-months aggregated once, Zvw per client-month
    once, then client counts per client-year (without Zvw) and sums per classification (with Zvw) as two
    CTEs that DuckDB materialises, and the three output tables as one UNION ALL BY NAME, split afterwards.
    """
    ref = reference_table()
    con.register("ref", ref)
    soorten = sorted(
        s
        for s in con.sql(
            f"SELECT DISTINCT soort_zorg FROM read_parquet('{_pad(map_, 'prestatiecodes')}') WHERE rol <> 'uitgesloten'"
        ).fetchnumpy()["soort_zorg"]
        if s
    )
    bekend = ", ".join(f"'{c}'" for c in ref["code"])
    wlz_sommen = ",\n".join(
        f"  SUM(bedrag) FILTER (WHERE soort_zorg = '{s}')::DECIMAL(18, 6) AS w{i}" for i, s in enumerate(soorten)
    )
    zvw_sommen = ",\n".join(f"  SUM(s) FILTER (WHERE sector = '{s}' AND s > 0)::DECIMAL(18, 6) AS z_{s}" for s in ZVW)
    basis = ", ".join(f"'{c}'" for c in BASIS_CAT)
    g_w = ", ".join(
        f"SUM(CASE WHEN a.lv <> 'pgb' THEN COALESCE(a.w{i}, 0) ELSE 0 END) AS w{i}" for i in range(len(soorten))
    )
    g_z = ", ".join(f"SUM(CASE WHEN a.lv <> 'pgb' THEN COALESCE(z.z_{s}, 0) ELSE 0 END) AS z_{s}" for s in ZVW)
    wlz_tot = " + ".join(f"w{i}" for i in range(len(soorten)))
    zvw_tot = " + ".join(f"z_{s}" for s in ZVW)
    sommen = ", ".join([f'SUM(w{i}) AS "{s}"' for i, s in enumerate(soorten)] + [f"SUM(z_{s}) AS {s}" for s in ZVW])
    df = con.sql(f"""
WITH kl AS (
  SELECT prestatiecode, rol, soort_zorg,
         CASE WHEN rol = 'basis' THEN leveringsvorm || '_' || behandeling
              WHEN rol IN ('module', 'behandeling_module') THEN 'mpt' END AS cat,
         CASE WHEN rol = 'basis' AND zzp_code IN ({bekend}) THEN zzp_code END AS pc_code
  FROM read_parquet('{_pad(map_, "prestatiecodes")}')
),
w AS (
  SELECT w.client_id, w.regelnummer, w.begindatum, w.einddatum, w.aantal,
         CAST(w.bedrag AS DECIMAL(18, 6)) AS bedrag, kl.rol, kl.cat, kl.soort_zorg,
         CASE WHEN kl.rol = 'basis' THEN COALESCE(kl.pc_code, CASE WHEN w.zzp_code IN ({bekend}) THEN w.zzp_code END)
              ELSE CASE WHEN w.zzp_code IN ({bekend}) THEN w.zzp_code END END AS code
  FROM read_parquet('{_pad(map_, "wlz_zin")}') w JOIN kl USING (prestatiecode)
  WHERE w.bedrag > 0 AND w.client_id <> '0' AND kl.rol <> 'uitgesloten' AND w.einddatum >= w.begindatum
),
p AS (
  SELECT client_id, regelnummer, begindatum, einddatum,
         CASE WHEN zzp_code IN ({bekend}) THEN zzp_code END AS code
  FROM read_parquet('{_pad(map_, "pgb")}')
  WHERE bedrag > 0 AND client_id <> '0' AND einddatum >= begindatum
),
elem AS (
  SELECT client_id, date_trunc('month', begindatum)::DATE AS maand, rol, cat, code, aantal, bedrag, soort_zorg,
         ((day(begindatum) * 4194304 + (einddatum - date_trunc('month', begindatum)::DATE)) * 2 + 1)
           * 34359738368 + regelnummer AS k,
         begindatum AS b, least(einddatum, last_day(begindatum)) AS e
  FROM w
  UNION ALL
  SELECT client_id, m AS maand, 'pgb', 'pgb', code, NULL, NULL, NULL,
         ((day(greatest(begindatum, m)) * 4194304 + (einddatum - m)) * 2 + 0) * 34359738368 + regelnummer,
         NULL, NULL
  FROM p, unnest(generate_series(date_trunc('month', begindatum)::TIMESTAMP,
                                 date_trunc('month', einddatum)::TIMESTAMP, INTERVAL 1 MONTH)::DATE[]) t(m)
),
agg AS MATERIALIZED (
  SELECT client_id, maand,
    CASE WHEN bool_or(rol = 'basis') THEN arg_max(cat, k) FILTER (WHERE rol IN ('basis', 'module', 'pgb'))
         WHEN bool_or(rol IN ('module', 'behandeling_module')) THEN 'mpt'
         WHEN bool_or(rol = 'pgb') THEN 'pgb' END AS lv,
    CASE WHEN bool_or(rol = 'basis')
         THEN arg_max(code, k) FILTER (WHERE rol IN ('basis', 'module', 'pgb') AND code IS NOT NULL)
         ELSE arg_max(code, k) FILTER (WHERE rol IN ('basis', 'module', 'behandeling_module', 'pgb')
                                       AND code IS NOT NULL) END AS zcode,
    SUM(aantal) FILTER (WHERE rol = 'basis') AS dagen_basis,
    date_diff('day', MIN(b) FILTER (WHERE rol IN ('module', 'behandeling_module')),
                     MAX(e) FILTER (WHERE rol IN ('module', 'behandeling_module'))) + 1 AS dagen_mpt,
{wlz_sommen}
  FROM elem GROUP BY ALL
),
zs AS (
  SELECT client_id, date_trunc('month', begindatum)::DATE AS maand, sector,
         SUM(CAST(bedrag_basis AS DECIMAL(18, 6)) + CAST(bedrag_aanvullend AS DECIMAL(18, 6))
             - CAST(eigen_risico AS DECIMAL(18, 6)) - CAST(eigen_bijdrage AS DECIMAL(18, 6))) AS s
  FROM read_parquet('{_pad(map_, "zvw")}')
  WHERE client_id <> '0' AND sector IN ({", ".join(f"'{s}'" for s in ZVW)})
  GROUP BY ALL
),
zm AS (
  SELECT client_id, maand,
{zvw_sommen}
  FROM zs GROUP BY ALL
),
cj AS MATERIALIZED (
  SELECT a.client_id, year(a.maand) AS jaar, a.lv, r.hoofdsector, r.subsector, r.nummer, COUNT(*) AS maanden
  FROM agg a JOIN ref r ON a.zcode = r.code
  WHERE a.lv IS NOT NULL AND r.hoofdsector IN ('ghz', 'vv')
  GROUP BY ALL
),
g AS MATERIALIZED (
  SELECT year(a.maand) AS jaar, a.lv, r.hoofdsector, r.subsector, r.nummer,
    SUM(CASE WHEN a.lv IN ({basis}) THEN COALESCE(a.dagen_basis, 0)
             WHEN a.lv = 'mpt' THEN a.dagen_mpt ELSE 0 END) AS dagen,
    {g_w}, {g_z}
  FROM agg a JOIN ref r ON a.zcode = r.code
  LEFT JOIN zm z ON a.client_id = z.client_id AND a.maand = z.maand
  WHERE a.lv IS NOT NULL AND r.hoofdsector IN ('ghz', 'vv')
  GROUP BY ALL
),
lv AS (
  SELECT c.*, s.uitgaven_wlz, s.uitgaven_zvw FROM (
    SELECT jaar, hoofdsector AS sector, lv AS leveringsvorm, SUM(maanden) / 12 AS clienten_gewogen,
           COUNT(DISTINCT client_id) AS clienten_uniek
    FROM cj GROUP BY ALL) c
  JOIN (SELECT jaar, hoofdsector AS sector, lv AS leveringsvorm, SUM({wlz_tot}) AS uitgaven_wlz,
               SUM({zvw_tot}) AS uitgaven_zvw FROM g GROUP BY ALL) s
  USING (jaar, sector, leveringsvorm)
),
zp AS (
  WITH u AS (SELECT jaar, hoofdsector AS sector, nummer, lv, client_id, maanden FROM cj
             UNION ALL SELECT jaar, 'vg', nummer, lv, client_id, maanden FROM cj WHERE subsector = 'vg')
  SELECT jaar, sector, nummer AS zorgprofiel, COALESCE(lv, 'alle') AS leveringsvorm,
         SUM(maanden) / 12 AS clienten_gewogen, COUNT(DISTINCT client_id) AS clienten_uniek
  FROM u GROUP BY GROUPING SETS ((jaar, sector, nummer, lv), (jaar, sector, nummer))
),
uit AS (
  SELECT jaar, CASE WHEN hoofdsector = 'vv' THEN 'vv' ELSE 'vg' END AS sector, lv AS leveringsvorm,
         COALESCE(CAST(nummer AS VARCHAR), 'alle') AS zorgprofiel, SUM(dagen) AS dagen, {sommen}
  FROM g WHERE lv <> 'pgb' AND (hoofdsector = 'vv' OR subsector = 'vg')
  GROUP BY GROUPING SETS ((jaar, 2, lv, nummer), (jaar, 2, lv))
)
SELECT 'lv' AS tabel, * FROM lv
UNION ALL BY NAME SELECT 'zp' AS tabel, * REPLACE (CAST(zorgprofiel AS VARCHAR) AS zorgprofiel) FROM zp
UNION ALL BY NAME SELECT 'uit' AS tabel, * FROM uit
""").df()
    kolommen = {
        "lv": ["jaar", "sector", "leveringsvorm", "clienten_gewogen", "clienten_uniek", "uitgaven_wlz", "uitgaven_zvw"],
        "zp": ["jaar", "sector", "zorgprofiel", "leveringsvorm", "clienten_gewogen", "clienten_uniek"],
        "uit": ["jaar", "sector", "leveringsvorm", "zorgprofiel", "dagen", *soorten, *ZVW],
    }
    uitvoer = {t: df.loc[df.tabel == t, k].reset_index(drop=True) for t, k in kolommen.items()}
    uitvoer["zp"]["zorgprofiel"] = uitvoer["zp"]["zorgprofiel"].astype("int64")
    uitvoer["soorten"] = soorten
    return uitvoer


# --------------------------------------------------------------------------------------------------------------
# the plain pandas version
# --------------------------------------------------------------------------------------------------------------


def _maandnummer(d: pd.Series) -> np.ndarray:
    return (d.dt.year * 12 + d.dt.month - 1).to_numpy()


def _read_pandas(map_: Path, naam: str) -> pd.DataFrame:
    """A table as an analyst loads it for pandas: dates as datetime64 and amounts as float64.

    ``pd.read_parquet`` alone gives Python ``date`` and ``Decimal`` objects (about 100 bytes per value):
    at national scale that alone passed 23 GB. Floats sum the cents exactly enough (relative 1e-12 here).
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    t = pq.read_table(_pad(map_, naam).replace("/**/*.parquet", ""))
    velden = [pa.field(f.name, pa.float64()) if pa.types.is_decimal(f.type) else f for f in t.schema]
    return t.cast(pa.schema(velden)).to_pandas(date_as_object=False)


def plain_pandas(map_: Path) -> dict[str, pd.DataFrame]:
    """The method in plain pandas (sort by the ordering, take the last row per client-month)."""
    ref = reference_table().set_index("code")
    bekend = set(ref.index)
    kl = pd.read_parquet(_pad(map_, "prestatiecodes").replace("/**/*.parquet", ""))
    soorten = sorted(s for s in kl.loc[kl.rol != "uitgesloten", "soort_zorg"].dropna().unique() if s)
    kl["cat"] = np.where(
        kl.rol == "basis",
        kl.leveringsvorm.fillna("") + "_" + kl.behandeling.fillna(""),
        np.where(kl.rol.isin(["module", "behandeling_module"]), "mpt", None),
    )
    kl["pc_code"] = kl.zzp_code.where((kl.rol == "basis") & kl.zzp_code.isin(bekend))
    w = _read_pandas(map_, "wlz_zin")
    w = w.merge(kl[["prestatiecode", "rol", "cat", "pc_code", "soort_zorg"]], on="prestatiecode", how="inner")
    w = w[(w.bedrag > 0) & (w.client_id != "0") & (w.rol != "uitgesloten") & (w.einddatum >= w.begindatum)]
    w["begindatum"] = pd.to_datetime(w.begindatum)
    w["einddatum"] = pd.to_datetime(w.einddatum)
    regel_code = w.zzp_code.where(w.zzp_code.isin(bekend))
    w["code"] = np.where(w.rol == "basis", w.pc_code.fillna(regel_code), regel_code)
    w["maand"] = _maandnummer(w.begindatum)
    w["eb"] = w.begindatum
    w["src"] = 1
    maand_einde = w.begindatum + pd.offsets.MonthEnd(0)
    w["e_mpt"] = w.einddatum.where(w.einddatum < maand_einde, maand_einde)

    p = _read_pandas(map_, "pgb")
    p = p[(p.bedrag > 0) & (p.client_id != "0") & (p.einddatum >= p.begindatum)].copy()
    p["begindatum"] = pd.to_datetime(p.begindatum)
    p["einddatum"] = pd.to_datetime(p.einddatum)
    b, e = _maandnummer(p.begindatum), _maandnummer(p.einddatum)
    n = e - b + 1
    herhaal = np.repeat(np.arange(len(p)), n)
    pm = p.iloc[herhaal].reset_index(drop=True)
    pm["maand"] = np.repeat(b, n) + (np.arange(n.sum()) - np.repeat(np.cumsum(n) - n, n))
    eerste = pd.to_datetime(pd.DataFrame({"year": pm.maand // 12, "month": pm.maand % 12 + 1, "day": 1}))
    pm["eb"] = pm.begindatum.where(pm.begindatum > eerste, eerste)
    pm["rol"], pm["cat"], pm["src"] = "pgb", "pgb", 0
    pm["code"] = pm.zzp_code.where(pm.zzp_code.isin(bekend))

    kol = ["client_id", "maand", "eb", "einddatum", "src", "regelnummer", "rol", "cat", "code"]
    el = pd.concat([w[kol], pm[kol]], ignore_index=True)
    del pm, p  # intermediate frames are dropped as soon as they are used: at national scale memory is the limit
    el = el.sort_values(["client_id", "maand", "eb", "einddatum", "src", "regelnummer"])
    sleutel = ["client_id", "maand"]
    heeft = (
        el.assign(hb=el.rol == "basis", hm=el.rol.isin(["module", "behandeling_module"]), hp=el.rol == "pgb")
        .groupby(sleutel)[["hb", "hm", "hp"]]
        .any()
    )
    zbm = el[el.rol.isin(["basis", "module", "pgb"])]
    cat_laatst = zbm.groupby(sleutel).cat.last()
    code_zbm = zbm[zbm.code.notna()].groupby(sleutel).code.last()
    k = el[el.rol.isin(["basis", "module", "behandeling_module", "pgb"]) & el.code.notna()]
    code_alle = k.groupby(sleutel).code.last()
    del el, zbm, k
    cm = heeft.join(cat_laatst).join(code_zbm.rename("code_zbm")).join(code_alle.rename("code_alle"))
    cm["lv"] = np.where(cm.hb, cm.cat, np.where(cm.hm, "mpt", np.where(cm.hp, "pgb", None)))
    cm["zcode"] = np.where(cm.hb, cm.code_zbm, cm.code_alle)
    cm = cm[cm.lv.notna()]
    cm = cm.join(ref, on="zcode", how="inner")
    cm = cm[cm.hoofdsector.isin(["ghz", "vv"])]

    basis = w[w.rol == "basis"].groupby(sleutel).aantal.sum().rename("dagen_basis")
    mpt = (
        w[w.rol.isin(["module", "behandeling_module"])]
        .groupby(sleutel)
        .agg(b=("begindatum", "min"), e=("e_mpt", "max"))
    )
    dagen_mpt = ((mpt.e - mpt.b).dt.days + 1).rename("dagen_mpt")
    wlz = w.pivot_table(index=sleutel, columns="soort_zorg", values="bedrag", aggfunc="sum")
    del w, mpt
    z = _read_pandas(map_, "zvw")
    z = z[(z.client_id != "0") & z.sector.isin(ZVW)].copy()
    z["maand"] = _maandnummer(pd.to_datetime(z.begindatum))
    z["s"] = z.bedrag_basis + z.bedrag_aanvullend - z.eigen_risico - z.eigen_bijdrage
    zs = z.groupby(["client_id", "maand", "sector"]).s.sum()
    zs = zs[zs > 0].unstack("sector")
    del z
    cm = cm.join(basis).join(dagen_mpt).join(wlz).join(zs)
    for s in list(soorten) + list(ZVW):
        if s not in cm:
            cm[s] = 0.0
        cm[s] = cm[s].astype(float).fillna(0.0).where(cm.lv != "pgb", 0.0)
    cm["dagen"] = np.where(
        cm.lv.isin(BASIS_CAT), cm.dagen_basis.fillna(0), np.where(cm.lv == "mpt", cm.dagen_mpt, 0)
    ).astype("int64")
    cm = cm.reset_index()[["client_id", "maand", "lv", "hoofdsector", "subsector", "nummer", "dagen", *soorten, *ZVW]]
    cm["jaar"] = cm.maand // 12
    cm["wlz"] = cm[list(soorten)].sum(axis=1)
    cm["zvw"] = cm[list(ZVW)].sum(axis=1)

    lv = (
        cm.groupby(["jaar", "hoofdsector", "lv"])
        .agg(
            maanden=("client_id", "size"),
            clienten_uniek=("client_id", "nunique"),
            uitgaven_wlz=("wlz", "sum"),
            uitgaven_zvw=("zvw", "sum"),
        )
        .reset_index()
    )
    lv = lv.rename(columns={"hoofdsector": "sector", "lv": "leveringsvorm"})
    lv["clienten_gewogen"] = lv.pop("maanden") / 12
    cl = cm[["jaar", "hoofdsector", "subsector", "nummer", "lv", "client_id"]]
    u = pd.concat([cl.assign(sector=cl.hoofdsector), cl[cl.subsector == "vg"].assign(sector="vg")])
    del cl
    per = u.groupby(["jaar", "sector", "nummer", "lv"]).client_id.agg(["size", "nunique"]).reset_index()
    alle = u.groupby(["jaar", "sector", "nummer"]).client_id.agg(["size", "nunique"]).reset_index()
    zp = pd.concat([per, alle.assign(lv="alle")]).rename(
        columns={"nummer": "zorgprofiel", "lv": "leveringsvorm", "nunique": "clienten_uniek"}
    )
    zp["clienten_gewogen"] = zp.pop("size") / 12
    d = cm.loc[
        (cm.lv != "pgb") & ((cm.hoofdsector == "vv") | (cm.subsector == "vg")),
        ["jaar", "hoofdsector", "lv", "nummer", "dagen", *soorten, *ZVW],
    ]
    d["sector"] = np.where(d.hoofdsector == "vv", "vv", "vg")
    waarden = ["dagen", *soorten, *ZVW]
    per = d.groupby(["jaar", "sector", "lv", "nummer"])[waarden].sum().reset_index()
    per["zorgprofiel"] = per.pop("nummer").astype(int).astype(str)
    alle = d.groupby(["jaar", "sector", "lv"])[waarden].sum().reset_index().assign(zorgprofiel="alle")
    uit = pd.concat([per, alle]).rename(columns={"lv": "leveringsvorm"})
    return {"lv": lv, "zp": zp, "uit": uit, "soorten": soorten}


# --------------------------------------------------------------------------------------------------------------
# the benchmark
# --------------------------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--schaal", type=float, default=1.0)
    ap.add_argument("--data", type=Path, help="existing generated folder (skips generation)")
    ap.add_argument("--zonder-pandas", action="store_true", help="skip the (slow) pandas comparison")
    ap.add_argument(
        "--pandas-schaal",
        type=float,
        default=None,
        help="scale of the pandas comparison (default: the same data as the pipeline)",
    )
    ap.add_argument("--geheugen", default="3GB", help="DuckDB memory_limit of the pipeline and the SQL")
    args = ap.parse_args(argv)
    if args.pandas_schaal is None:
        args.pandas_schaal = args.schaal
    werk = Path(tempfile.mkdtemp(prefix="wlz_bench_"))
    print("machine: 2 cores, 24 GiB, shared with other work at the time of measuring", flush=True)
    try:
        data = args.data
        if data is None:
            from wlz.synthetic.generate import generate

            data = werk / "data"
            with Piek() as m:
                herkomst = generate(data, jaren=[2018, 2019, 2020, 2021], schaal=args.schaal, seed=0)
            print(
                f"genereer  schaal {args.schaal}: {herkomst.get('rijen')}  {m.seconden:.1f} s, piek {m.piek:.0f} MB",
                flush=True,
            )
        gc.collect()

        from wlz.claims import analyse

        with Piek() as totaal:
            res = analyse(
                data,
                werk / "uit",
                engine="duckdb",
                geheugen=args.geheugen,
                voortgang=False,
                grafieken=True,
                werkmap=werk,
            )
        print(f"\n{'stap':28s} {'rijen':>12s} {'tijd (s)':>9s} {'piek (MB)':>10s}")
        for s in res.steps:
            piek = f"{s.peak_mb:10.0f}" if s.peak_mb is not None else "         -"
            rows = f"{s.rows:12d}" if s.rows is not None else "           -"
            print(f"{s.name:28s} {rows} {s.seconds:9.2f} {piek}")
        analyse_s = sum(s.seconds for s in res.steps if s.name not in ("grafieken tekenen", "rapport schrijven"))
        print(f"{'analyse (zonder grafieken)':28s} {'':12s} {analyse_s:9.2f}")
        print(f"{'totaal incl. rapport':28s} {'':12s} {totaal.seconden:9.2f} {totaal.piek:10.0f}")
        gc.collect()

        with Piek() as sql_m:
            con = duckdb.connect(
                str(werk / "sql.duckdb"),
                config={
                    "memory_limit": args.geheugen,
                    "temp_directory": str(werk / "sql_spill"),
                    "preserve_insertion_order": False,
                },
            )
            hand_sql(data, con)
            con.close()
        print(
            f"\nhand-written DuckDB SQL: {sql_m.seconden:.2f} s, piek {sql_m.piek:.0f} MB; "
            f"pipeline/SQL = {analyse_s / sql_m.seconden:.2f}x"
        )
        if not args.zonder_pandas:
            # by default on the same national-scale data as the pipeline (about 11 GB peak for plain pandas,
            # measured); --pandas-schaal compares on a smaller generated dataset, against the pipeline on it
            if args.pandas_schaal == args.schaal:
                klein, pl_s = data, analyse_s
            else:
                from wlz.synthetic.generate import generate as _generate

                klein = werk / "pandas_data"
                _generate(klein, jaren=[2018, 2019, 2020, 2021], schaal=args.pandas_schaal, seed=0)
                gc.collect()
                with Piek() as pl_m:
                    analyse(
                        klein,
                        werk / "uit_klein",
                        voortgang=False,
                        grafieken=False,
                        werkmap=werk,
                        geheugen=args.geheugen,
                    )
                pl_s = pl_m.seconden
            gc.collect()
            with Piek() as pd_m:
                plain_pandas(klein)
            print(
                f"plain pandas (schaal {args.pandas_schaal}): {pd_m.seconden:.2f} s, piek {pd_m.piek:.0f} MB; "
                f"pipeline/pandas = {pl_s / pd_m.seconden:.2f}x"
            )
        doel = analyse_s < 60 and totaal.piek < 4096 and analyse_s <= 1.3 * sql_m.seconden
        print(f"\ndoelen (< 60 s, < 4 GB, <= 1.3x SQL): {'gehaald' if doel else 'NIET gehaald'}")
    finally:
        shutil.rmtree(werk, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
