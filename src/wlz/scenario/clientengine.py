"""The client level on an engine: the per-client arithmetic written once, run on DuckDB or on Spark.

Every per-client step is a pure function of a pandas batch of whole clients' segments (in
:data:`wlz.scenario.clienten.SEGMENT_ORDE`) and small parameters (:class:`Parameters`: the states of the
scenario, the per-day costs, the options): :func:`client_batch` (package and payer per state, Wlz/Zvw €, the
rules' eigen bijdrage, eigen risico, what each per-group option adds, :data:`wlz.scenario.clientopties.CLIENTFUNCTIES`)
and :func:`groep_opties` (each segment's group before a taakstelling). DuckDB calls them on the whole table; Spark
calls them per partition (``groupBy(bucket).applyInPandas`` with an explicit Arrow schema, a bucket being a hash of
the client id so no client is split, the parameters a broadcast). What needs the whole table is SQL that both
engines run as the same text over the batches' output: the taakstelling's cents per segment (largest remainder
per group by a window over the ordered remainders, exact in BIGINT: :data:`CENTEN_SQL`), the providers, the cut
per provider, the zorgval, the counts per step and the winners/losers histogram. On Spark the client rows are
written by Spark as Parquet (ordered by step and client) and streamed into ``clienten.csv``; only the small
aggregates are collected.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from wlz.scenario.clienten import (
    DETAIL_KOLOMMEN,
    EIGEN_RISICO,
    EIGEN_RISICO_BRON,
    KOP_AANBIEDERS,
    KOP_CLIENTEN,
    SEGMENT_OPLOPEND,
    SEGMENT_ORDE,
    Segmenten,
    Stand,
    Tarieven,
    invoer_kolom,
    normalise_segments,
    opties_in,
    read_incomes,
    read_segments,
    segment_parts,
    segment_sql,
    stand,
    stap_rijen,
    vormen,
)
from wlz.scenario.clientopties import (
    CLIENTFUNCTIES,
    CLIENTINVOER,
    KOP_EKT_ZORGVAL,
    KOP_KORTINGEN_AANBIEDERS,
    MELDINGEN,
    kortingen_tabel,
    taakstelling_groepen,
    taakstelling_meldingen,
)
from wlz.scenario.model import Eenheidskosten, Toestand
from wlz.scenario.schema import ExtraKostenThuis, Maatwerkindicatie, Stap, Taakstelling, ToeslagenInBudget

#: options that change no package but an amount: the state after them is the state before
PER_GROEP = (Taakstelling, ExtraKostenThuis, ToeslagenInBudget, Maatwerkindicatie)
#: Arrow/Spark types of the client rows (clienten.csv's columns)
TYPEN_CLIENTEN: dict[str, str] = {
    k: "bigint"
    if k in ("stap", "zorgprofiel")
    else "boolean"
    if k == "zvw_contract_nodig"
    else "string"
    if k
    in (
        "optie",
        "client_id",
        "sector",
        "pakket_voor",
        "pakket_na",
        "betaler_naar_zvw",
        "betaler_naar_wlz",
        "agb_code",
        "uitkomst",
        "toelichting",
    )
    else "double"
    for k in KOP_CLIENTEN
}
TYPEN_DETAIL: dict[str, str] = {
    "stap": "bigint",
    "client_id": "string",
    "sector": "string",
    "zorgprofiel": "bigint",
    "optie": "string",
    "agb_code": "string",
    "maanden": "double",
    "dagen": "double",
    **DETAIL_KOLOMMEN,
}
TYPEN_TELLERS: dict[str, str] = {"stap": "bigint", "naam": "string", "waarde": "double"}
TYPEN_UITSLAGEN: dict[str, str] = {"stap": "bigint", "teken": "bigint", "voordeel": "double"}
#: winners and losers per step in this many bins each (as the report's histogram)
BAKKEN = 30

#: the taakstelling's cut of each group (table ``c``: sector, zorgprofiel, optie, centen) over its segments in
#: table ``k`` (the segments with ``{optie}``, the option before the step, and ``gewicht``, the whole days):
#: the same cut per day, whole cents, largest remainder with ties to the first segment in SEGMENT_ORDE — exact
#: BIGINT arithmetic (the division is of an exact multiple), one window over the ordered remainders; result: the
#: segments of ``k`` with column ``{uit}``
CENTEN_SQL = """
SELECT k.*, COALESCE(x.centen, 0) AS {uit} FROM k LEFT JOIN (
  SELECT client_id, sector, zorgprofiel, herkomst, deel + CASE WHEN rang <= overschot THEN 1 ELSE 0 END AS centen
  FROM (
    SELECT client_id, sector, zorgprofiel, herkomst, deel,
      groep - SUM(deel) OVER (PARTITION BY sector, zorgprofiel, optie) AS overschot,
      ROW_NUMBER() OVER (PARTITION BY sector, zorgprofiel, optie
                         ORDER BY rest DESC, client_id, maanden DESC, herkomst) AS rang
    FROM (
      SELECT *, CAST((product - product % noemer) / noemer AS BIGINT) AS deel, product % noemer AS rest
      FROM (
        SELECT *, groep * CASE WHEN som = 0 THEN 1 ELSE gewicht END AS product,
          CASE WHEN som = 0 THEN n ELSE som END AS noemer
        FROM (
          SELECT s.client_id, s.sector, s.zorgprofiel, s.herkomst, s.maanden, s.gewicht, s.{optie} AS optie,
            c.centen AS groep,
            SUM(s.gewicht) OVER (PARTITION BY s.sector, s.zorgprofiel, s.{optie}) AS som,
            COUNT(*) OVER (PARTITION BY s.sector, s.zorgprofiel, s.{optie}) AS n
          FROM k s JOIN c ON s.sector = c.sector AND s.zorgprofiel = c.zorgprofiel AND s.{optie} = c.optie
        ) a
      ) b
    ) d
  ) e
) x ON k.client_id = x.client_id AND k.sector = x.sector AND k.zorgprofiel = x.zorgprofiel
   AND k.herkomst = x.herkomst
"""


def centen_sql(stap: int) -> str:
    """:data:`CENTEN_SQL` for the taakstelling of step ``stap``."""
    return CENTEN_SQL.format(optie=invoer_kolom("optie", stap), uit=invoer_kolom("centen", stap))


#: the groups (sector, zorgprofiel, option before the step) that have segments
GROEPEN_SQL = "SELECT DISTINCT sector, zorgprofiel, {optie} AS optie FROM k"
AANBIEDERS_SQL = """
SELECT stap, agb_code, sector, COUNT(DISTINCT client_id) AS clienten, SUM(maanden) AS maanden,
  BIT_OR(naar_zvw_bits) AS bits
FROM detail WHERE naar_zvw_bits <> 0 AND agb_code IS NOT NULL GROUP BY stap, agb_code, sector
"""
KORTINGEN_SQL = """
SELECT stap, COALESCE(agb_code, 'onbekend') AS agb_code, sector, COUNT(DISTINCT client_id) AS clienten,
  SUM(dagen) AS dagen, SUM(centen) AS centen
FROM detail WHERE centen > 0 GROUP BY stap, COALESCE(agb_code, 'onbekend'), sector
"""
ZORGVAL_SQL = """
SELECT stap, sector, zorgprofiel, optie, SUM(zv_clienten) AS clienten, SUM(zv_in_aanmerking) AS in_aanmerking,
  SUM(zv_zorgval_vandaag) AS zorgval_vandaag, SUM(zv_zorgval) AS zorgval, SUM(zv_tekort_vandaag) AS tekort_vandaag,
  SUM(zv_tekort) AS tekort
FROM detail WHERE zv_thuis GROUP BY stap, sector, zorgprofiel, optie
"""
TELLERS_SQL = "SELECT stap, naam, SUM(waarde) AS waarde FROM tellers GROUP BY stap, naam"
#: the counts per step every batch adds to its tellers (``_`` first: not an option's own counts)
STAPTELLERS = ("clienten", "gewisseld", "wint", "verliest", "gelijk", "wlz_voor", "wlz_na", "contract", "met_agb")
#: per step the winners (teken 1) and losers (-1) in BAKKEN equal bins between their smallest and largest
#: advantage (the last bin closed, as a histogram), over each batch's ``uitslagen`` (stap, teken, voordeel)
HISTOGRAM_SQL = f"""
SELECT stap, teken, laag, hoog, bak, COUNT(*) AS clienten FROM (
  SELECT v.stap, v.teken, g.laag, g.hoog,
    CASE WHEN g.hoog > g.laag
         THEN LEAST(CAST(FLOOR((v.voordeel - g.laag) / (g.hoog - g.laag) * {BAKKEN}) AS BIGINT), {BAKKEN - 1})
         ELSE 0 END AS bak
  FROM uitslagen v
  JOIN (SELECT stap, teken, MIN(voordeel) AS laag, MAX(voordeel) AS hoog FROM uitslagen GROUP BY stap, teken) g
    ON v.stap = g.stap AND v.teken = g.teken
) h GROUP BY stap, teken, laag, hoog, bak
"""


@dataclass(frozen=True)
class Parameters:
    """What every batch needs besides its segments: small, picklable (a Spark broadcast)."""

    jaar: int
    #: (step number, option name, option) per step, from 1
    stappen: tuple[tuple[int, str, Any], ...]
    #: the state before each step and, last, the final state: step i goes from toestanden[i-1] to toestanden[i]
    toestanden: tuple[Toestand, ...]
    tarieven: Tarieven
    #: the steps that are a taakstelling (their cents are a column of the batch)
    taakstellingen: tuple[int, ...] = ()


@dataclass
class Batchuitkomst:
    """The output of one batch: one row per client per step, the segments the aggregations need, the counts."""

    clienten: pd.DataFrame
    detail: pd.DataFrame
    tellers: pd.DataFrame
    #: per step the advantage of each winner (teken 1) and loser (-1), for the histogram
    uitslagen: pd.DataFrame
    #: notes per step computed from this batch alone (only used when the whole table was one batch)
    meldingen: dict[int, list[str]] = field(default_factory=dict)


def _sorteer(tabel: pd.DataFrame) -> pd.DataFrame:
    return tabel.sort_values(list(SEGMENT_ORDE), ascending=list(SEGMENT_OPLOPEND), kind="mergesort").reset_index(
        drop=True
    )


def groep_opties(tabel: pd.DataFrame, p: Parameters) -> pd.DataFrame:
    """The batch with, per taakstelling step i, each segment's option before it (``optie__i``) and its whole days
    (``gewicht``): the input of :data:`CENTEN_SQL`."""
    seg = Segmenten(tabel, p.jaar)
    nieuw: dict[str, Any] = {invoer_kolom("optie", i): opties_in(seg, p.toestanden[i - 1])[0] for i in p.taakstellingen}
    nieuw["gewicht"] = np.rint(seg.dagen).astype(np.int64)
    return tabel.assign(**nieuw)  # copy-on-write: the segment columns are not copied


def met_opgebouwd(st: Stand, opgebouwd: np.ndarray) -> Stand:
    """A state with the Wlz € earlier per-group steps added per segment (the same state when there are none)."""
    if not opgebouwd.any():
        return st
    return replace(st, wlz=st.wlz + opgebouwd)


def client_batch(tabel: pd.DataFrame, p: Parameters) -> Batchuitkomst:
    """Every step for the clients of one batch (see the module): pure, the same rows whatever the batch."""
    seg = Segmenten(tabel, p.jaar)
    standen: dict[int, Stand] = {}

    def stand_van(j: int) -> Stand:
        if j not in standen:
            standen[j] = stand(seg, p.toestanden[j], p.tarieven)
        return standen[j]

    clienten: list[pd.DataFrame] = []
    detail: list[pd.DataFrame] = []
    tellers: list[dict[str, Any]] = []
    uitslagen: list[pd.DataFrame] = []
    meldingen: dict[int, list[str]] = {}
    # Wlz € per segment that earlier per-group steps added: a later step starts from it, and a client moved later
    # keeps it (options combine in the order written; the group level does the same, opties.draag_mee)
    opgebouwd = np.zeros(seg.n)
    for i, naam, o in p.stappen:
        per_groep = isinstance(o, PER_GROEP)
        b = met_opgebouwd(stand_van(i - 1), opgebouwd)
        a = b if per_groep else met_opgebouwd(stand_van(i), opgebouwd)
        if per_groep:
            standen.setdefault(i, stand_van(i - 1))
        functie = CLIENTFUNCTIES.get(type(o))
        extra = functie(o, seg, b, i) if functie is not None else None
        if extra is not None:
            opgebouwd = opgebouwd + extra.wlz
        t = {} if extra is None else dict(extra.tellers)
        if extra is not None and extra.meldingen:
            meldingen[i] = list(extra.meldingen)
        c, d = stap_rijen(seg, i, naam, p.toestanden[i - 1], p.toestanden[i], b, a, extra, t)
        uitkomst = c["uitkomst"].to_numpy(object)
        wint, verliest = uitkomst == "wint", uitkomst == "verliest"
        t.update(
            {
                "_clienten": float(len(c)),
                "_gewisseld": float((c["pakket_voor"].to_numpy(object) != c["pakket_na"].to_numpy(object)).sum()),
                "_wint": float(wint.sum()),
                "_verliest": float(verliest.sum()),
                "_gelijk": float(len(c) - wint.sum() - verliest.sum()),
                "_wlz_voor": float(c["wlz_voor"].sum()),
                "_wlz_na": float(c["wlz_na"].sum()),
                "_contract": float(c["zvw_contract_nodig"].sum()),
                "_met_agb": float(pd.notna(c["agb_code"]).sum()),
            }
        )
        anders = wint | verliest
        uitslagen.append(
            pd.DataFrame(
                {
                    "stap": np.full(int(anders.sum()), i, dtype=np.int64),
                    "teken": np.where(wint[anders], 1, -1).astype(np.int64),
                    "voordeel": c["voordeel_client"].to_numpy(float)[anders],
                }
            )
        )
        clienten.append(c)
        detail.append(d)
        tellers.extend({"stap": i, "naam": k, "waarde": float(v)} for k, v in t.items())
    return Batchuitkomst(
        pd.concat(clienten, ignore_index=True) if clienten else pd.DataFrame(columns=KOP_CLIENTEN),
        pd.concat(detail, ignore_index=True) if detail else pd.DataFrame(columns=list(TYPEN_DETAIL)),
        pd.DataFrame(tellers, columns=list(TYPEN_TELLERS)),
        pd.concat(uitslagen, ignore_index=True) if uitslagen else pd.DataFrame(columns=list(TYPEN_UITSLAGEN)),
        meldingen,
    )


# ---------------------------------------------------------------------------------------------------- engines


class DuckDBEngine:
    """The whole table in the driver as one pandas batch; the SQL on DuckDB over the pandas frames."""

    naam = "duckdb"

    def __init__(self) -> None:
        import duckdb

        self.con = duckdb.connect(config={"preserve_insertion_order": False})
        self.con.execute("SET enable_progress_bar = false")

    def segments(self, map_: Path, jaar: int) -> pd.DataFrame:
        return read_segments(map_, jaar)

    def join(self, tabel: pd.DataFrame, kolommen: dict[str, pd.Series]) -> pd.DataFrame:
        for naam, waarden in kolommen.items():
            uniek = waarden[~waarden.index.duplicated()]
            tabel[naam] = tabel["client_id"].map(uniek).to_numpy(float)
        return tabel

    def groepen(self, tabel: pd.DataFrame, p: Parameters) -> pd.DataFrame:
        return groep_opties(tabel, p)

    def sql(self, tekst: str, orden: bool = False, **tabellen: Any) -> pd.DataFrame:
        for naam, t in tabellen.items():
            self.con.register(naam, t)
        try:
            if orden:
                tekst += " ORDER BY client_id, maanden DESC, herkomst, sector, zorgprofiel"
            df: pd.DataFrame = self.con.sql(tekst).to_arrow_table().to_pandas()
        finally:
            for naam in tabellen:
                self.con.unregister(naam)
        return df

    def batches(self, tabel: pd.DataFrame, p: Parameters) -> Batchuitkomst:
        return client_batch(tabel, p)

    def collect(self, t: Any) -> pd.DataFrame:
        df: pd.DataFrame = t
        return df

    def clienten(self, t: Any) -> tuple[pd.DataFrame | None, Path | None]:
        return t, None

    def close(self) -> None:
        self.con.close()


def _schema(typen: dict[str, str]) -> str:
    return ", ".join(f"{k} {v}" for k, v in typen.items())


def _unie_kolommen() -> dict[str, str]:
    return {
        "soort": "string",
        **TYPEN_CLIENTEN,
        **{f"d_{k}": v for k, v in TYPEN_DETAIL.items()},
        **{f"t_{k}": v for k, v in TYPEN_TELLERS.items()},
        **{f"u_{k}": v for k, v in TYPEN_UITSLAGEN.items()},
    }


def _als_unie(b: Batchuitkomst) -> pd.DataFrame:
    """The four outputs of a batch as one frame of one schema (``soort`` c/d/t/u), for ``applyInPandas``."""
    kolommen = _unie_kolommen()
    delen = []
    delen_in = (("c", b.clienten, ""), ("d", b.detail, "d_"), ("t", b.tellers, "t_"), ("u", b.uitslagen, "u_"))
    for soort, df, prefix in delen_in:
        if df.empty:
            continue
        n = len(df)
        eigen = {f"{prefix}{k}": df[k].to_numpy() for k in df.columns}
        delen.append(
            pd.DataFrame(
                {
                    k: eigen[k] if k in eigen else np.full(n, soort if k == "soort" else None, dtype=object)
                    for k in kolommen
                }
            )
        )
    if not delen:
        return pd.DataFrame({k: pd.Series(dtype=object) for k in kolommen})
    return pd.concat(delen, ignore_index=True)


def _objecten(df: pd.DataFrame) -> pd.DataFrame:
    """Text columns as NumPy object arrays: pandas 3 infers Arrow-backed strings, which PySpark's Arrow writer of
    ``applyInPandas`` output does not take (a ChunkedArray where it expects an Array)."""
    for k in df.columns:
        if df[k].dtype != object and pd.api.types.is_string_dtype(df[k].dtype):
            df[k] = df[k].astype(object)
    return df


def _spark_groepen(p_bc: Any, pdf: pd.DataFrame) -> pd.DataFrame:
    return _objecten(groep_opties(_sorteer(pdf.drop(columns="_emmer")), p_bc.value))


def _spark_batch(p_bc: Any, pdf: pd.DataFrame) -> pd.DataFrame:
    return _objecten(_als_unie(client_batch(_sorteer(pdf.drop(columns="_emmer")), p_bc.value)))


class SparkEngine:
    """Spark DataFrames throughout: the batch functions per bucket of clients (``applyInPandas``), the SQL as Spark
    SQL, the client rows written by Spark as Parquet; on the caller's active session if there is one (left
    running), else a local session started here and stopped by :meth:`close`."""

    naam = "spark"

    def __init__(self) -> None:
        from pyspark.sql import SparkSession

        from wlz.claims.engines import spark_session

        actief = SparkSession.getActiveSession()
        self.scratch = Path(tempfile.mkdtemp(prefix="wlz_scenario_spark_"))
        self.eigen = actief is None
        self.session = spark_session(self.scratch) if actief is None else actief
        self.emmers = max(8, int(self.session.conf.get("spark.sql.shuffle.partitions") or 8))
        self._bc: Any = None

    def segments(self, map_: Path, jaar: int) -> Any:
        delen, bedragen, heeft_agb = segment_parts(map_)
        self.session.read.parquet(*delen).createOrReplaceTempView("client_maanden")
        return self.session.sql(segment_sql("client_maanden", bedragen, heeft_agb, jaar, geordend=False))

    def join(self, tabel: Any, kolommen: dict[str, pd.Series]) -> Any:
        for naam, waarden in kolommen.items():
            uniek = waarden[~waarden.index.duplicated()]
            rechts = self.session.createDataFrame(
                pd.DataFrame({"client_id": uniek.index.astype(str), naam: uniek.to_numpy(float)}),
                schema=f"client_id string, {naam} double",
            )
            tabel = tabel.join(rechts, on="client_id", how="left")
        return tabel

    def _broadcast(self, p: Parameters) -> Any:
        self._bc = self.session.sparkContext.broadcast(p)
        return self._bc

    def _emmer(self, tabel: Any) -> Any:
        from pyspark.sql import functions as F

        return tabel.withColumn("_emmer", F.expr(f"pmod(hash(client_id), {self.emmers})")).groupBy("_emmer")

    def groepen(self, tabel: Any, p: Parameters) -> Any:
        from functools import partial

        velden = [f"{f.name} {f.dataType.simpleString()}" for f in tabel.schema.fields]
        velden += [f"{invoer_kolom('optie', i)} string" for i in p.taakstellingen] + ["gewicht bigint"]
        return self._emmer(tabel).applyInPandas(partial(_spark_groepen, self._broadcast(p)), ", ".join(velden))

    def sql(self, tekst: str, orden: bool = False, **tabellen: Any) -> Any:
        for naam, t in tabellen.items():
            (t if not isinstance(t, pd.DataFrame) else self.session.createDataFrame(t)).createOrReplaceTempView(naam)
        return self.session.sql(tekst)

    def batches(self, tabel: Any, p: Parameters) -> Batchuitkomst:
        """:func:`client_batch` per bucket; the four outputs as Spark DataFrames (``Batchuitkomst`` holding them)."""
        from functools import partial

        from pyspark import StorageLevel

        unie = self._emmer(tabel).applyInPandas(partial(_spark_batch, self._broadcast(p)), _schema(_unie_kolommen()))
        unie = unie.persist(StorageLevel.MEMORY_AND_DISK)
        clienten = unie.where("soort = 'c'").select(*KOP_CLIENTEN)
        detail = unie.where("soort = 'd'").select(*[unie[f"d_{k}"].alias(k) for k in TYPEN_DETAIL])
        tellers = unie.where("soort = 't'").select(*[unie[f"t_{k}"].alias(k) for k in TYPEN_TELLERS])
        uitslagen = unie.where("soort = 'u'").select(*[unie[f"u_{k}"].alias(k) for k in TYPEN_UITSLAGEN])
        return Batchuitkomst(clienten, detail, tellers, uitslagen)

    def collect(self, t: Any) -> pd.DataFrame:
        df: pd.DataFrame = t.toPandas()
        return df

    def clienten(self, t: Any) -> tuple[pd.DataFrame | None, Path | None]:
        """The client rows written by Spark as Parquet, in step and client order (part files in that order)."""
        map_ = Path(tempfile.mkdtemp(prefix="wlz_scenario_clienten_"))
        t.orderBy("stap", "client_id").write.mode("overwrite").parquet(str(map_ / "clienten"))
        return None, map_ / "clienten"

    def close(self) -> None:
        if self.eigen:
            self.session.stop()
        shutil.rmtree(self.scratch, ignore_errors=True)


# ---------------------------------------------------------------------------------------------------- the run


@dataclass
class Clientresultaat:
    """The client level's tables: the client rows (a DataFrame on DuckDB, a Parquet folder written by Spark), and
    the small aggregates every engine returns as DataFrames."""

    clienten: pd.DataFrame | None
    clienten_map: Path | None
    aanbieders: pd.DataFrame
    stappen: pd.DataFrame
    histogram: pd.DataFrame
    meldingen: list[str]
    kortingen_aanbieders: pd.DataFrame | None = None
    ekt_zorgval: pd.DataFrame | None = None


def new_engine(naam: str) -> DuckDBEngine | SparkEngine:
    return SparkEngine() if naam == "spark" else DuckDBEngine()


def run_client_level(
    clienttabel: Path,
    inkomen: Path | None,
    jaar: int,
    stappen: tuple[Stap, ...],
    toestanden: list[Toestand],
    stap_kortingen: dict[int, list[dict[str, Any]]],
    eenheid: Eenheidskosten,
    engine: str = "duckdb",
) -> Clientresultaat:
    """Per client and step before and after, on ``engine`` (see the module). Per-client input files are read and
    checked first, so a bad file stops the run before anything is computed or written."""
    invoer: dict[str, pd.Series] = {}
    for i, stap in enumerate(stappen, start=1):
        lezer = CLIENTINVOER.get(type(stap.optie))
        if lezer is not None:
            for naam, waarden in lezer(stap.optie, f"opties[{i - 1}].{stap.naam}").items():
                invoer[invoer_kolom(naam, i)] = waarden
    inkomens = read_incomes(inkomen, jaar)
    if inkomens is not None:
        invoer["inkomen_peiljaar"] = inkomens
    taak = {
        i: taakstelling_groepen(s.optie, stap_kortingen[i])
        for i, s in enumerate(stappen, start=1)
        if isinstance(s.optie, Taakstelling) and i in stap_kortingen
    }
    p = Parameters(
        jaar=jaar,
        stappen=tuple((i, s.naam, s.optie) for i, s in enumerate(stappen, start=1)),
        toestanden=tuple(toestanden),
        tarieven=Tarieven.van(eenheid),
        taakstellingen=tuple(i for i, (_, g) in taak.items() if g),
    )
    motor = new_engine(engine)
    try:
        seg = motor.join(motor.segments(clienttabel, jaar), invoer)
        zonder_clienten: dict[int, dict[tuple[str, int, str], int]] = {}
        if p.taakstellingen:
            k = motor.groepen(seg, p)
            for i in p.taakstellingen:
                optie = invoer_kolom("optie", i)
                groepen = taak[i][1]
                c = pd.DataFrame(
                    [(s, pr, o, cent) for (s, pr, o), cent in groepen.items()],
                    columns=["sector", "zorgprofiel", "optie", "centen"],
                ).astype({"zorgprofiel": "int64", "centen": "int64"})
                aanwezig = motor.collect(motor.sql(GROEPEN_SQL.format(optie=optie), k=k))
                bekend = {(str(r.sector), int(r.zorgprofiel), str(r.optie)) for r in aanwezig.itertuples()}
                zonder_clienten[i] = {g: cent for g, cent in groepen.items() if g not in bekend}
                k = motor.sql(centen_sql(i), orden=True, k=k, c=c)
            seg = k
        uit = motor.batches(seg, p)
        clienten, detail = uit.clienten, uit.detail
        histogram = motor.collect(motor.sql(HISTOGRAM_SQL, uitslagen=uit.uitslagen))
        histogram = histogram.sort_values(["stap", "teken", "bak"]).reset_index(drop=True)
        som = motor.collect(motor.sql(TELLERS_SQL, tellers=uit.tellers))
        aanbieders = _aanbieders(motor.collect(motor.sql(AANBIEDERS_SQL, detail=detail)))
        kortingen = None
        if p.taakstellingen or stap_kortingen:
            per_aanbieder = motor.collect(motor.sql(KORTINGEN_SQL, detail=detail))
            delen = [
                kortingen_tabel(
                    i, taak[i][0], per_aanbieder[per_aanbieder.stap == i].drop(columns="stap"), zonder_clienten[i]
                )
                for i in p.taakstellingen
            ]
            kortingen = pd.concat(delen, ignore_index=True) if delen else pd.DataFrame(columns=KOP_KORTINGEN_AANBIEDERS)
        zorgval = None
        if any(isinstance(s.optie, ExtraKostenThuis) for s in stappen):
            z = motor.collect(motor.sql(ZORGVAL_SQL, detail=detail))
            zorgval = z.sort_values(["stap", "sector", "zorgprofiel", "optie"]).reset_index(drop=True)[KOP_EKT_ZORGVAL]
        clienten_df, clienten_map = motor.clienten(clienten)
    finally:
        motor.close()
    tel: dict[int, dict[str, float]] = {}
    for r in som.itertuples():
        tel.setdefault(int(r.stap), {})[str(r.naam)] = float(r.waarde)
    stappen_df = pd.DataFrame(
        [
            {"stap": i, "optie": naam, **{k: tel.get(i, {}).get(f"_{k}", 0.0) for k in STAPTELLERS}}
            for i, naam, _ in p.stappen
        ]
    )
    for k in STAPTELLERS:
        if not k.startswith("wlz_"):
            stappen_df[k] = stappen_df[k].astype(np.int64)
    meldingen = _meldingen(p, stappen_df, tel, uit.meldingen, {i: taak[i][0] for i in taak})
    return Clientresultaat(
        clienten=clienten_df,
        clienten_map=clienten_map,
        aanbieders=aanbieders,
        stappen=stappen_df,
        histogram=histogram,
        meldingen=meldingen,
        kortingen_aanbieders=kortingen,
        ekt_zorgval=zorgval,
    )


def _aanbieders(g: pd.DataFrame) -> pd.DataFrame:
    """aanbieders.csv from the engine's sums per (step, agb_code, sector)."""
    if g.empty:
        return pd.DataFrame(columns=KOP_AANBIEDERS)
    g = g.assign(
        clienten=g["clienten"].astype(np.int64),
        clienten_gewogen=g["maanden"].astype(float) / 12,
        behandelvormen=[vormen(int(b)) for b in g["bits"]],
        stap=g["stap"].astype(np.int64),
    )
    g = g.sort_values(["stap", "clienten", "agb_code", "sector"], ascending=[True, False, True, True], kind="mergesort")
    uit: pd.DataFrame = g[KOP_AANBIEDERS].reset_index(drop=True)
    return uit


def _meldingen(
    p: Parameters,
    stappen: pd.DataFrame,
    tel: dict[int, dict[str, float]],
    batchmeldingen: dict[int, list[str]],
    taakjaren: dict[int, int],
) -> list[str]:
    from wlz.common.formatting import format_number

    meldingen: list[str] = []
    if EIGEN_RISICO.get(p.jaar) is None:
        meldingen.append(f"eigen risico {p.jaar} niet in de parameters ({EIGEN_RISICO_BRON}): niet berekend")
    rijen = {int(r.stap): r for r in stappen.itertuples()}
    for i, naam, o in p.stappen:
        t = tel.get(i, {})
        if isinstance(o, Taakstelling):
            meldingen.extend(taakstelling_meldingen(o, i, t, taakjaren.get(i, 0)))
        elif i in batchmeldingen:
            meldingen.extend(batchmeldingen[i])
        elif type(o) in MELDINGEN:
            meldingen.extend(MELDINGEN[type(o)](o, i, t))
        if t.get("anders_zonder_inkomen"):
            meldingen.append(
                f"stap {i}: {int(t['anders_zonder_inkomen'])} cliënten veranderen van leveringsvorm, maar de basis "
                "heeft geen inkomens: verschil in eigen bijdrage niet berekend"
            )
        r = rijen.get(i)
        if r is not None:
            meldingen.append(
                f"cliëntniveau stap {i} ({naam}): {format_number(int(r.clienten))} cliënten, "
                f"{format_number(int(r.gewisseld))} van bekostigingsoptie gewisseld, "
                f"{format_number(int(r.wint))} winnen en {format_number(int(r.verliest))} verliezen "
                "(eigen bijdrage, eigen risico, budget)"
            )
    return meldingen


def read_clienten(map_: Path) -> pd.DataFrame:
    """The client rows a Spark run wrote, as the DataFrame the DuckDB path returns (for small tables and tests)."""
    import pyarrow.parquet as pq

    from wlz.scenario.clienten import read_clienten_batch

    delen = sorted(Path(map_).glob("*.parquet"))
    if not delen:
        return pd.DataFrame(columns=KOP_CLIENTEN)
    import pyarrow as pa

    return read_clienten_batch(pa.concat_tables([pq.read_table(d) for d in delen]))


__all__ = ["Clientresultaat", "client_batch", "groep_opties", "normalise_segments", "run_client_level"]
