"""The client level: every client of a claims basis before and after each option, and who wins or loses.

Read from the analysis' own client-month table (``client_maanden/``, :mod:`wlz.claims.clienttabel`), so the
method (last declared, corrections, Zvw join) is not repeated here. One aggregation to segments (client × sector
vg/vv × profile × leveringsvorm of the basis year) runs on DuckDB or Spark (one SQL text, exact sums); after it
everything is vectorised numpy over the segments. Per step of the scenario (from the state before it to the
state after it) and per client:

* the care package (bekostigingsoptie) before and after: the state's share of each group (sector, profile,
  starting option) in each option is applied to the group's clients; a share below 1
  (``thuis_naar_vpt_incl_pct``) picks the clients by a hash of their id, so a run repeats exactly;
* Wlz € and Zvw €: a client who stays keeps his own amounts, a client who moved keeps his own days and gets the
  per-day cost of comparable clients in the destination (the costing rule of :mod:`wlz.scenario.model`, seed 004
  §4.3); each soort zorg goes to the payer of the state; the sums over clients equal ``kosten.csv``;
* the payer changes of each behandelvorm, and whether the client's provider now needs a Zvw contract;
* the Wlz eigen bijdrage before and after from the rules (:mod:`wlz.rules.populatie`, one vectorised run of
  ``eigen_bijdrage_jaar``) for the clients whose leveringsvorm in the rules' sense changes; for every other client
  the rules get identical inputs before and after, so the change is exactly 0;
* the Zvw verplicht eigen risico before and after: ``min(cap, Zvw care under the eigen risico)``;
* what a per-group option adds (:mod:`wlz.scenario.clientopties`: a cut, extra kosten thuis, a toeslag in the
  budget, a need-based amount) as an :class:`Extra`.

Winners and losers are counted per client from his advantage (budget change minus what he pays more), not from
averages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from wlz.common.errors import InputError
from wlz.scenario.model import INTEGRAAL, MODULAIR, WLZ_BEHANDELING, ZVW_SOORTEN, Eenheidskosten, Toestand, betaler
from wlz.scenario.opties import standaard_betaler
from wlz.scenario.schema import BEHANDELVORMEN, OPTIES

#: Zvw verplicht eigen risico per calendar year (euros). Zorgverzekeringswet art. 19
#: (https://wetten.overheid.nl/BWBR0018450/2019-01-01#Hoofdstuk3_Paragraaf3.3_Artikel19); € 385 in 2016-2021 (the
#: 2019 amount: Consumentenbond, "Prinsjesdag: wat verandert er op het gebied van de zorg in 2019",
#: https://www.consumentenbond.nl/zorgverzekering/prinsjesdag-wat-verandert-er-op-het-gebied-van-de-zorg-in-2019:
#: "Het eigen risico zal in 2019 voor het vierde opeenvolgende jaar €385 bedragen").
EIGEN_RISICO: dict[int, float] = {2016: 385.0, 2017: 385.0, 2018: 385.0, 2019: 385.0, 2020: 385.0, 2021: 385.0}
EIGEN_RISICO_BRON = (
    "Zvw art. 19 (https://wetten.overheid.nl/BWBR0018450/2019-01-01#Hoofdstuk3_Paragraaf3.3_Artikel19); € 385 in "
    "2019 (https://www.consumentenbond.nl/zorgverzekering/prinsjesdag-wat-verandert-er-op-het-gebied-van-de-zorg-in-2019)"
)
#: Zvw sectors of the claims charged against the eigen risico: huisartsenzorg is outside it (e.g.
#: https://izzdoorvgz.nl/zorgverzekering/eigen-risico/uitzonderingen); mondzorg for adults is mostly outside the
#: basic package: keuze, as in the synthetic generator's assumption
ER_SECTOREN = ("FRM", "PMZ", "MSZ", "GGZ", "HLP")
#: the rules' leveringsvorm of an option (wlz.rules.enums.Leveringsvorm)
REGELS_LEVERINGSVORM = {
    "zzp_incl": "verblijf",
    "zzp_excl": "verblijf",
    "vpt_incl": "vpt",
    "vpt_excl": "vpt",
    "mpt": "mpt",
    "pgb": "pgb",
}
BRON_EIGEN_BIJDRAGE = "wlz.rules (eigen_bijdrage_jaar, Blz art. 3.3.2.1-3.3.2.9), vectorised (wlz.rules.populatie)"
#: pensioengerechtigd is not in claims: keuze, vv clients (ouderenzorg) yes, ghz (vg) no
PENSIOEN_KEUZE = "keuze: pensioengerechtigd = sector vv (niet in de declaraties)"

KOP_CLIENTEN = [
    "stap",
    "optie",
    "client_id",
    "sector",
    "zorgprofiel",
    "pakket_voor",
    "pakket_na",
    "maanden",
    "dagen",
    "wlz_voor",
    "wlz_na",
    "zvw_voor",
    "zvw_na",
    "betaler_naar_zvw",
    "betaler_naar_wlz",
    "zvw_contract_nodig",
    "agb_code",
    "inkomen_peiljaar",
    "eigen_bijdrage_voor",
    "eigen_bijdrage_na",
    "eigen_bijdrage_verschil",
    "eigen_risico_voor",
    "eigen_risico_na",
    "eigen_risico_verschil",
    "verschil_client",
    "budget_verschil",
    "voordeel_client",
    "uitkomst",
    "toelichting",
]
#: bekostigingsopties as small integers (vectorised comparisons without strings)
OPTIE_CODE = {o: i for i, o in enumerate(OPTIES)}
KOP_AANBIEDERS = ["stap", "agb_code", "sector", "clienten", "clienten_gewogen", "behandelvormen"]
#: a client wins or loses when his advantage changes by more than half a cent
DREMPEL = 0.005
#: the segment columns every engine returns (besides the wlz_*/zvw_* amounts)
_VAST = ("client_id", "sector", "zorgprofiel", "herkomst", "dagen", "maanden", "eigen_risico", "agb_code")


def _tekst(x: np.ndarray) -> pd.Series:
    """An object column as it is: pandas would otherwise convert every text column of ~340,000 rows to Arrow
    strings (seconds over a run); the CSV writer converts once at the end."""
    return pd.Series(x, dtype=object, copy=False)


@dataclass
class ClientUitkomst:
    clienten: pd.DataFrame
    aanbieders: pd.DataFrame
    meldingen: list[str]


#: the order of the segment table: client, then the segment with the most months first (it names the package);
#: every batch of the client level is in this order (:mod:`wlz.scenario.clientengine`)
SEGMENT_ORDE = ("client_id", "maanden", "herkomst", "sector", "zorgprofiel")
SEGMENT_OPLOPEND = (True, False, True, True, True)


def segment_sql(bron: str, bedragen: list[str], heeft_agb: bool, jaar: int, geordend: bool = True) -> str:
    """The aggregation of the client-month table to segments, as one SQL text DuckDB and Spark SQL both run.

    Sums of the DECIMAL amounts are exact on both engines and cast to DOUBLE only after summing, so both give
    the same numbers to the last bit. ``geordend=False`` leaves out the ORDER BY (Spark: each batch is sorted
    where it is computed)."""
    sommen = ", ".join(f"CAST(SUM({n}) AS DOUBLE) AS {n}" for n in bedragen)
    agb = ", MAX(agb_code) AS agb_code" if heeft_agb else ", CAST(NULL AS STRING) AS agb_code"
    return (
        "SELECT client_id, CASE WHEN vg THEN 'vg' ELSE 'vv' END AS sector, "
        "CAST(zorgprofiel AS BIGINT) AS zorgprofiel, leveringsvorm AS herkomst, "
        f"CAST(SUM(dagen) AS DOUBLE) AS dagen, CAST(COUNT(*) AS DOUBLE) AS maanden, {sommen}{agb} "
        f"FROM {bron} WHERE jaar = {int(jaar)} AND (hoofdsector = 'vv' OR vg) "
        "GROUP BY client_id, CASE WHEN vg THEN 'vg' ELSE 'vv' END, CAST(zorgprofiel AS BIGINT), leveringsvorm"
        # one order whatever the engine: client, then the segment with the most months first (it names the package)
        + (" ORDER BY client_id, maanden DESC, herkomst, sector, zorgprofiel" if geordend else "")
    )


def segment_parts(map_: Path) -> tuple[list[str], list[str], bool]:
    """The Parquet parts of a client-month table, its amount columns and whether it has ``agb_code``."""
    import pyarrow.parquet as pq

    delen = sorted(str(p) for p in Path(map_).rglob("*.parquet") if not p.name.startswith((".", "_")))
    if not delen:
        raise FileNotFoundError(f"geen Parquet-bestanden in {map_}")
    namen = pq.read_schema(delen[0]).names
    bedragen = [n for n in namen if n.startswith(("wlz_", "zvw_"))] + ["eigen_risico"]
    return delen, bedragen, "agb_code" in namen


def read_segments(map_: Path, jaar: int, geheugen: str = "2GB", engine: str = "duckdb") -> pd.DataFrame:
    """Per client, sector (vg/vv), profile and leveringsvorm of ``jaar``: months, days, amounts, eigen risico, agb.

    One aggregation over the Parquet parts (whichever engine wrote them), run on ``engine``: DuckDB (streams,
    stays under ``geheugen``) or Spark (local mode here; the same SQL text on a cluster's session), collected as
    one pandas table. The client level on Spark keeps the segments a Spark DataFrame instead
    (:mod:`wlz.scenario.clientengine`)."""
    delen, bedragen, heeft_agb = segment_parts(map_)
    if engine == "spark":
        df = _segments_spark(delen, segment_sql("client_maanden", bedragen, heeft_agb, jaar))
    else:
        import duckdb

        con = duckdb.connect(config={"memory_limit": geheugen, "preserve_insertion_order": False})
        try:
            con.execute("SET enable_progress_bar = false")  # a library prints nothing on stdout
            sql = segment_sql("read_parquet($delen)", bedragen, heeft_agb, jaar).replace("AS STRING", "AS VARCHAR")
            # through Arrow: about 0.4 s of CPU less than DuckDB's own DataFrame conversion at national scale
            rel = con.sql(sql, params={"delen": delen})
            df = rel.to_arrow_table().to_pandas()
        finally:
            con.close()
    return normalise_segments(df)


def normalise_segments(df: pd.DataFrame) -> pd.DataFrame:
    """The same dtypes whatever the engine: plain Python strings, floats, an int64 profile, None for no agb."""
    for k in ("client_id", "sector", "herkomst"):
        df[k] = df[k].astype(object)
    df["agb_code"] = df["agb_code"].astype(object).where(df["agb_code"].notna(), None)
    for k in df.columns:
        if k not in ("client_id", "sector", "herkomst", "agb_code", "zorgprofiel") and df[k].dtype != object:
            df[k] = df[k].astype(float)
    df["zorgprofiel"] = df["zorgprofiel"].astype("int64")
    return df.reset_index(drop=True)


def _segments_spark(delen: list[str], sql: str) -> pd.DataFrame:
    """Run the segment SQL on Spark over the Parquet parts: on the caller's active session (a cluster) if there
    is one, else on a local session started and stopped here."""
    import shutil
    import tempfile

    from pyspark.sql import SparkSession

    from wlz.claims.engines import spark_session

    actief = SparkSession.getActiveSession()
    if actief is not None:
        actief.read.parquet(*delen).createOrReplaceTempView("client_maanden")
        return actief.sql(sql).toPandas()
    scratch = Path(tempfile.mkdtemp(prefix="wlz_scenario_spark_"))
    session = spark_session(scratch)
    try:
        session.read.parquet(*delen).createOrReplaceTempView("client_maanden")
        return session.sql(sql).toPandas()
    finally:
        session.stop()
        shutil.rmtree(scratch, ignore_errors=True)


def read_incomes(pad: Path | None, jaar: int) -> pd.Series | None:
    """``client_id → inkomen_peiljaar`` of ``jaar`` from an income table (Parquet or CSV), or None."""
    if pad is None:
        return None
    if pad.suffix == ".csv":
        df = pd.read_csv(pad, dtype={"client_id": str})
    else:  # only the needed columns and year (the synthetic table has four years and a text column)
        import pyarrow.parquet as pq

        namen = pq.read_schema(pad).names
        kolommen = [k for k in ("client_id", "jaar", "inkomen_peiljaar") if k in namen]
        filters = [("jaar", "==", jaar)] if "jaar" in namen else None
        df = pq.read_table(pad, columns=kolommen, filters=filters).to_pandas()
    ontbrekend = [k for k in ("client_id", "jaar", "inkomen_peiljaar") if k not in df.columns]
    if ontbrekend:
        raise InputError("basis.inkomen", f"{pad.name} mist de kolommen {', '.join(ontbrekend)}")
    getal = pd.to_numeric(df["inkomen_peiljaar"], errors="coerce")
    if getal.isna().any():
        regel = int(getal.isna().to_numpy().argmax()) + 2
        raise InputError("basis.inkomen.inkomen_peiljaar", f"{pad.name} regel {regel}: geen getal")
    df = df.assign(inkomen_peiljaar=getal)
    df = df[df["jaar"] == jaar]
    return pd.Series(df["inkomen_peiljaar"].astype(float).to_numpy(), index=df["client_id"].astype(str).to_numpy())


def _hash64(ids: np.ndarray) -> np.ndarray:
    h: np.ndarray = pd.util.hash_array(np.asarray(ids, dtype=object))
    return h


def _uniform(h: np.ndarray) -> np.ndarray:
    u: np.ndarray = (h >> np.uint64(11)).astype(np.float64) / float(1 << 53)
    return u


def _mix(h: np.ndarray, doel: str) -> np.ndarray:
    """splitmix64's finaliser on the id hash xor a stable hash of ``doel``: an independent 64-bit draw per id."""
    import hashlib

    z = h ^ np.uint64(int.from_bytes(hashlib.blake2b(doel.encode(), digest_size=8).digest(), "little"))
    with np.errstate(over="ignore"):
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    uit: np.ndarray = z ^ (z >> np.uint64(31))
    return uit


def hash01(ids: np.ndarray, doel: str = "") -> np.ndarray:
    """A deterministic uniform [0, 1) per client id (stable across runs and machines: pandas' SipHash of the id
    with its fixed key); ``doel`` (an option's purpose and seed, e.g. ``"ekt-gebruik-0"``) gives an independent
    draw for another choice."""
    h = _hash64(ids)
    return _uniform(h if not doel else _mix(h, doel))


class Segmenten:
    """The segments of whole clients — the basis year's table or one batch of it — with the index arrays every
    step reuses (client, group, main segment).

    ``tabel`` is in :data:`SEGMENT_ORDE` and holds every segment of each of its clients (a client is never split
    over two batches), so everything computed from it per client is the same whatever the batch. Besides the
    segment columns it may carry per-client inputs joined by the engine: ``inkomen_peiljaar`` and, per step,
    :func:`invoer_kolom` columns."""

    def __init__(self, tabel: pd.DataFrame, jaar: int) -> None:
        self.tabel = tabel
        self.jaar = jaar
        self.n = len(tabel)
        ids = tabel["client_id"].to_numpy(object)
        nieuw = np.ones(self.n, dtype=bool)
        nieuw[1:] = ids[1:] != ids[:-1]  # the table is sorted by client: a new client starts where the id changes
        self.client = np.cumsum(nieuw) - 1
        self.hoofd = np.flatnonzero(nieuw)  # first segment of each client: the one with the most months
        self.ids = ids[self.hoofd]
        self.n_clienten = len(self.hoofd)
        self.sector = tabel["sector"].to_numpy(object)
        self.zorgprofiel = tabel["zorgprofiel"].to_numpy(np.int64)
        self.herkomst = tabel["herkomst"].to_numpy(object)
        self.dagen = tabel["dagen"].to_numpy(float)
        self.maanden = tabel["maanden"].to_numpy(float)
        self.agb = tabel["agb_code"].to_numpy(object)
        self.eigen_risico = tabel["eigen_risico"].to_numpy(float)
        self.bedragen = {
            c.split("_", 1)[1]: tabel[c].to_numpy(float) for c in tabel.columns if c.startswith(("wlz_", "zvw_"))
        }
        self.wlz_soorten = [c.split("_", 1)[1] for c in tabel.columns if c.startswith("wlz_")]
        self._h = _hash64(self.ids)
        self.u = _uniform(self._h)[self.client]  # the knip's draw: a hash of the client id
        groepen = tabel.groupby(["sector", "zorgprofiel", "herkomst"], sort=True).indices
        self.groepen: dict[tuple[str, int, str], np.ndarray] = {
            (str(k[0]), int(k[1]), str(k[2])): v for k, v in groepen.items()
        }
        #: per segment the number of its group (sector, profile, starting option) in ``groepen``
        self.groep = np.zeros(self.n, dtype=np.int64)
        for i, pos in enumerate(self.groepen.values()):
            self.groep[pos] = i
        self.herkomst_code = np.zeros(self.n, dtype=np.int64)
        for (_, _, herkomst), pos in self.groepen.items():
            self.herkomst_code[pos] = OPTIE_CODE[herkomst]

    def per_client(self, waarden: np.ndarray) -> np.ndarray:
        """Sum of a per-segment array per client."""
        uit: np.ndarray = np.bincount(self.client, weights=waarden, minlength=self.n_clienten)
        return uit

    def koppel(self, waarden: pd.Series) -> np.ndarray:
        """A value per client from a Series indexed by client id (NaN where missing). For a small table read in
        every batch; a per-client input of the whole basis is joined by the engine instead (:meth:`kolom`)."""
        rechts = pd.DataFrame({"client_id": waarden.index.to_numpy(object), "w": waarden.to_numpy(float)})
        links = pd.DataFrame({"client_id": self.ids})
        uit: np.ndarray = links.merge(rechts, how="left", on="client_id")["w"].to_numpy(float)
        return uit

    def kolom(self, naam: str) -> np.ndarray | None:
        """A per-client input column joined by the engine (per segment, NaN where the client has none), or None."""
        if naam not in self.tabel.columns:
            return None
        uit: np.ndarray = self.tabel[naam].to_numpy(float)
        return uit

    def trek(self, doel: str) -> np.ndarray:
        """An independent deterministic draw per client (``doel`` includes the option's seed), per segment."""
        u: np.ndarray = _uniform(_mix(self._h, doel))[self.client]
        return u


def invoer_kolom(naam: str, stap: int) -> str:
    """The column under which the engine joins a step's per-client input ``naam`` to the segments."""
    return f"{naam}__{stap}"


@dataclass
class Stand:
    """Per segment, in one state of the scenario: the option, Wlz €, Zvw €, and the Zvw care under the eigen
    risico (the Zvw-paid amounts in the eigen-risico sectors and moved behandeling)."""

    optie: np.ndarray
    wlz: np.ndarray
    zvw: np.ndarray
    er: np.ndarray
    #: the option as its number in OPTIES
    code: np.ndarray


@dataclass(frozen=True)
class Tarieven:
    """What the client level needs of :class:`Eenheidskosten`: per-day costs and which groups have them — small
    and without the basis' tables, so it travels to every batch (a Spark broadcast)."""

    per_dag: dict[tuple[str, int, str], dict[str, float]]
    met_dagen: frozenset[tuple[str, int, str]]

    @classmethod
    def van(cls, eenheid: Eenheidskosten) -> Tarieven:
        return cls({k: dict(v) for k, v in eenheid.per_dag.items()}, frozenset(eenheid.dagen_per_client))

    def heeft(self, k: tuple[str, int, str]) -> bool:
        return k in self.per_dag and k in self.met_dagen


def _bestemmingen(toestand: Toestand) -> dict[tuple[str, int, str], list[tuple[str, float]]]:
    """Per (sector, profile, starting option) the shares of its clients per option in this state."""
    tot: dict[tuple[str, int, str], dict[str, float]] = {}
    for b in toestand.blokken:
        tot.setdefault((b.sector, b.zorgprofiel, b.herkomst), {}).setdefault(b.optie, 0.0)
        tot[(b.sector, b.zorgprofiel, b.herkomst)][b.optie] += b.clienten
    out = {}
    for k, per in tot.items():
        n = sum(per.values())
        out[k] = [(o, v / n) for o, v in sorted(per.items()) if n > 0]
    return out


def opties_in(seg: Segmenten, toestand: Toestand) -> tuple[np.ndarray, np.ndarray]:
    """Per segment the option in a state (and its code): the state's share of each group (sector, profile,
    starting option) in each option, the clients picked by a hash of their id (repeatable)."""
    optie = seg.herkomst.copy()
    code = seg.herkomst_code.copy()
    u = seg.u
    for k, delen in _bestemmingen(toestand).items():
        pos = seg.groepen.get(k)
        if pos is None or (len(delen) == 1 and delen[0][0] == k[2]):
            continue
        grens = 0.0
        for j, (o, deel) in enumerate(delen):
            boven = grens + deel if j < len(delen) - 1 else 2.0
            hier = pos[(u[pos] >= grens) & (u[pos] < boven)]
            optie[hier] = o
            code[hier] = OPTIE_CODE[o]
            grens += deel
    return optie, code


def stand(seg: Segmenten, toestand: Toestand, eenheid: Tarieven) -> Stand:
    """Every segment in a state: a client who stays keeps his own amounts, a client who moved keeps his own days
    at the per-day cost of comparable clients in the destination (seed 004 §4.3); each soort zorg goes to the
    payer of the state. A share below 1 picks the clients by a hash of their id (repeatable)."""
    n = seg.n
    optie, code = opties_in(seg, toestand)
    wlz, zvw, er = np.zeros(n), np.zeros(n), np.zeros(n)
    for (sector, p, herkomst), groep in seg.groepen.items():
        codes = np.unique(code[groep])
        for c in codes:
            o = OPTIES[int(c)]
            pos = groep[code[groep] == c] if len(codes) > 1 else groep
            if o == "pgb":  # pgb never moves; its amounts stay as they are
                for soort, kol in seg.bedragen.items():
                    if soort in ZVW_SOORTEN:
                        zvw[pos] += kol[pos]
                        if soort in ER_SECTOREN:
                            er[pos] += kol[pos]
                    else:
                        wlz[pos] += kol[pos]
                continue
            k_na, k_her = (sector, p, o), (sector, p, herkomst)
            if herkomst != o:
                tarief = eenheid.per_dag[k_na] if eenheid.heeft(k_na) else eenheid.per_dag.get(k_her, {})
                bedragen = {soort: seg.dagen[pos] * per_dag for soort, per_dag in tarief.items()}
            else:
                bedragen = {soort: kol[pos] for soort, kol in seg.bedragen.items()}
            opslag = toestand.opslag_modulair.get(sector, 0.0) if herkomst in INTEGRAAL and o in MODULAIR else 0.0
            for soort, bedrag in bedragen.items():
                b = bedrag * (1 - toestand.besparing.get((sector, soort), 0.0))
                if soort in WLZ_BEHANDELING:
                    b = b * (1 + opslag)
                if betaler(soort, sector, p, o, toestand.betalers) == "wlz":
                    wlz[pos] += b
                else:
                    zvw[pos] += b
                    if soort in ER_SECTOREN or soort in WLZ_BEHANDELING:
                        er[pos] += b
    return Stand(optie, wlz, zvw, er, code)


def _betaler_na(toestand: Toestand, sector: str, p: int, optie: str, vorm: str) -> str:
    return toestand.betalers.get((sector, p, optie, vorm), standaard_betaler(optie, vorm))


def vormen(bits: int) -> str:
    """The behandelvormen of a bit set (bit i = ``BEHANDELVORMEN[i]``), alphabetically."""
    return ", ".join(sorted(v for i, v in enumerate(BEHANDELVORMEN) if bits >> i & 1))


def betaler_wissels(
    seg: Segmenten, b: Stand, a: Stand, tb: Toestand, ta: Toestand
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per segment the behandelvormen whose payer goes Wlz → Zvw and Zvw → Wlz between two states (as text, and
    Wlz → Zvw also as a bit set an engine can OR together): computed once per (group, option before, option
    after) — a few hundred combinations — and spread by index."""
    k = len(OPTIES)
    sleutel = (seg.groep * k + b.code) * k + a.code
    uniek, terug = np.unique(sleutel, return_inverse=True)
    groepen = list(seg.groepen)
    z_lijst = np.full(len(uniek), "", dtype=object)
    w_lijst = np.full(len(uniek), "", dtype=object)
    z_bits = np.zeros(len(uniek), dtype=np.int64)
    for i, s in enumerate(uniek.tolist()):
        g, rest = divmod(s, k * k)
        ob, oa = OPTIES[rest // k], OPTIES[rest % k]
        sector, p, _ = groepen[g]
        z, w = [], []
        for j, vorm in enumerate(BEHANDELVORMEN):
            voor, na = _betaler_na(tb, sector, p, ob, vorm), _betaler_na(ta, sector, p, oa, vorm)
            if voor == "wlz" and na == "zvw":
                z.append(vorm)
                z_bits[i] |= 1 << j
            elif voor == "zvw" and na == "wlz":
                w.append(vorm)
        z_lijst[i], w_lijst[i] = ", ".join(z), ", ".join(w)
    naar_zvw: np.ndarray = z_lijst[terug]
    naar_wlz: np.ndarray = w_lijst[terug]
    bits: np.ndarray = z_bits[terug]
    return naar_zvw, naar_wlz, bits


@dataclass
class Extra:
    """What a per-group option (taakstelling, ekt, toeslagen, maatwerk) adds per client on top of the state.

    **The contract of a per-option client function** (``CLIENTFUNCTIES`` in :mod:`wlz.scenario.clientopties`):
    ``f(optie, seg: Segmenten, st: Stand, stap: int) -> Extra``, a pure function of one batch of whole clients
    (``seg``, in :data:`SEGMENT_ORDE`) and the state before the step (``st``). The engine calls it on the whole
    table (DuckDB) or once per partition (Spark ``applyInPandas``, in a worker process), so it must not read
    files per call beyond a cached read of a small parameter file, print, or depend on another batch: what it
    needs per client that comes from a file is joined to the segments by the engine (``CLIENTINVOER`` in
    :mod:`wlz.scenario.clientopties`) and read with ``seg.kolom(invoer_kolom(naam, stap))``. Anything global —
    a count for the run's notes, a sum per provider or group — is returned as ``tellers`` (summed over all
    batches by the engine) or per-segment ``detail`` columns of :data:`DETAIL_KOLOMMEN` (aggregated by the
    engine in SQL); the notes are written from the summed ``tellers`` by the option's ``MELDINGEN`` function."""

    #: per segment: change of Wlz € (a cut, extra kosten thuis used, a need-based amount)
    wlz: np.ndarray
    #: per client: change of the client's budget or amount (+ = more for the client)
    budget: np.ndarray
    #: per client: a short Dutch note ("" for most)
    toelichting: np.ndarray
    #: additive counts of this batch (the engine sums them over batches), for the run's notes
    tellers: dict[str, float] = field(default_factory=dict)
    #: per segment, for the engine's aggregations: columns of DETAIL_KOLOMMEN (a cut in cents, the zorgval)
    detail: dict[str, np.ndarray] = field(default_factory=dict)
    #: notes computed from this batch alone; used only when the engine ran the whole table as one batch (DuckDB).
    #: A function that can count over batches returns ``tellers`` and a ``MELDINGEN`` function instead.
    meldingen: list[str] = field(default_factory=list)


#: the per-segment columns a step hands to the engine's aggregations (providers, cuts per provider, zorgval),
#: besides stap, client_id, sector, zorgprofiel, optie (in the state before the step), agb_code, maanden, dagen
DETAIL_KOLOMMEN: dict[str, str] = {
    "naar_zvw_bits": "bigint",
    "centen": "bigint",
    "zv_thuis": "boolean",
    "zv_clienten": "double",
    "zv_in_aanmerking": "double",
    "zv_zorgval_vandaag": "double",
    "zv_zorgval": "double",
    "zv_tekort_vandaag": "double",
    "zv_tekort": "double",
}


def stap_rijen(
    seg: Segmenten,
    stap: int,
    naam: str,
    tb: Toestand,
    ta: Toestand,
    b: Stand,
    a: Stand,
    extra: Extra | None,
    tellers: dict[str, float],
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One row per client for one step (before = the state before the step, after = after it), and the segments
    the engine's aggregations need (a payer change with a provider, a cut, a zorgval group); counts go to
    ``tellers``."""
    h = seg.hoofd
    jaar = seg.jaar
    naar_zvw, naar_wlz, bits = betaler_wissels(seg, b, a, tb, ta)
    contract = seg.per_client((naar_zvw != "").astype(float)) > 0
    wlz_na_seg = a.wlz if extra is None else a.wlz + extra.wlz
    c = pd.DataFrame(
        {
            "stap": np.full(seg.n_clienten, stap, dtype=np.int64),
            "optie": _tekst(np.full(seg.n_clienten, naam, dtype=object)),
            "client_id": _tekst(seg.ids),
            "sector": _tekst(seg.sector[h]),
            "zorgprofiel": seg.zorgprofiel[h],
            "pakket_voor": _tekst(b.optie[h]),
            "pakket_na": _tekst(a.optie[h]),
            "maanden": seg.per_client(seg.maanden),
            "dagen": seg.per_client(seg.dagen),
            "wlz_voor": seg.per_client(b.wlz),
            "wlz_na": seg.per_client(wlz_na_seg),
            "zvw_voor": seg.per_client(b.zvw),
            "zvw_na": seg.per_client(a.zvw),
            "betaler_naar_zvw": _tekst(naar_zvw[h]),
            "betaler_naar_wlz": _tekst(naar_wlz[h]),
            "zvw_contract_nodig": contract,
            "agb_code": _tekst(seg.agb[h]),
        }
    )
    # Zvw eigen risico: min(cap, Zvw care under it), the care = the state's Zvw-paid amounts there + what he paid
    cap = EIGEN_RISICO.get(jaar)
    betaald = seg.per_client(seg.eigen_risico)
    if cap is None:
        c["eigen_risico_voor"] = np.nan
        c["eigen_risico_na"] = np.nan
    else:
        c["eigen_risico_voor"] = np.minimum(cap, np.maximum(seg.per_client(b.er) + betaald, 0.0))
        c["eigen_risico_na"] = np.minimum(cap, np.maximum(seg.per_client(a.er) + betaald, 0.0))
    c["eigen_risico_verschil"] = c["eigen_risico_na"] - c["eigen_risico_voor"]
    # Wlz eigen bijdrage: the rules, only for clients whose leveringsvorm in the rules' sense changes
    inkomen = seg.kolom("inkomen_peiljaar")
    c["inkomen_peiljaar"] = inkomen[h] if inkomen is not None else np.nan
    c["eigen_bijdrage_voor"] = np.nan
    c["eigen_bijdrage_na"] = np.nan
    c["eigen_bijdrage_verschil"] = 0.0
    lv_voor = c["pakket_voor"].map(REGELS_LEVERINGSVORM)
    lv_na = c["pakket_na"].map(REGELS_LEVERINGSVORM)
    anders = (lv_voor != lv_na).to_numpy()
    if anders.any():
        if inkomen is None:
            c.loc[anders, "eigen_bijdrage_verschil"] = np.nan
            tellers["anders_zonder_inkomen"] = tellers.get("anders_zonder_inkomen", 0.0) + float(anders.sum())
        else:
            sub = c[anders]
            voor = eigen_bijdrage(sub, lv_voor[anders], jaar)
            na = eigen_bijdrage(sub, lv_na[anders], jaar)
            c.loc[anders, "eigen_bijdrage_voor"] = voor
            c.loc[anders, "eigen_bijdrage_na"] = na
            c.loc[anders, "eigen_bijdrage_verschil"] = na - voor
    c["verschil_client"] = c["eigen_bijdrage_verschil"].fillna(0.0) + c["eigen_risico_verschil"].fillna(0.0)
    c["budget_verschil"] = 0.0 if extra is None else extra.budget
    c["voordeel_client"] = c["budget_verschil"] - c["verschil_client"]
    c["uitkomst"] = _tekst(
        np.select(
            [c["voordeel_client"] > DREMPEL, c["voordeel_client"] < -DREMPEL], ["wint", "verliest"], "gelijk"
        ).astype(object)
    )
    c["toelichting"] = _tekst(np.full(seg.n_clienten, "", dtype=object) if extra is None else extra.toelichting)
    return c[KOP_CLIENTEN], detail_rijen(seg, stap, b, bits, extra)


def detail_rijen(seg: Segmenten, stap: int, b: Stand, bits: np.ndarray, extra: Extra | None) -> pd.DataFrame:
    """The segments of one step that an aggregation needs: a behandelvorm to the Zvw at a known provider, a cut,
    or a client at home for the zorgval; with :data:`DETAIL_KOLOMMEN`."""
    detail = {} if extra is None else extra.detail
    nodig = (bits != 0) & pd.notna(seg.agb)
    for k in ("centen", "zv_thuis"):
        if k in detail:
            nodig |= detail[k].astype(bool)
    pos = np.flatnonzero(nodig)
    d = pd.DataFrame(
        {
            "stap": np.full(len(pos), stap, dtype=np.int64),
            "client_id": _tekst(seg.tabel["client_id"].to_numpy(object)[pos]),
            "sector": _tekst(seg.sector[pos]),
            "zorgprofiel": seg.zorgprofiel[pos],
            "optie": _tekst(b.optie[pos]),
            "agb_code": _tekst(seg.agb[pos]),
            "maanden": seg.maanden[pos],
            "dagen": seg.dagen[pos],
        }
    )
    for k, soort in DETAIL_KOLOMMEN.items():
        if k == "naar_zvw_bits":
            d[k] = bits[pos]
        elif k in detail:
            d[k] = detail[k][pos]
        else:
            d[k] = np.zeros(len(pos), dtype={"bigint": np.int64, "boolean": bool, "double": float}[soort])
    return d


def eigen_bijdrage(c: pd.DataFrame, leveringsvorm: pd.Series, jaar: int) -> np.ndarray:
    """``eigen_bijdrage_jaar`` of the rules for these clients in this leveringsvorm (one vectorised run)."""
    from wlz.rules.populatie import simulatie
    from wlz.rules.system import systeem
    from wlz.scenario.toeslagen import profielcode

    system = systeem()
    codes = [profielcode(s, int(p)) or "" for s, p in zip(c["sector"], c["zorgprofiel"], strict=True)]
    n = len(c)
    begin = np.datetime64(f"{jaar}-01-01")
    maanden = np.clip(c["maanden"].to_numpy().round().astype(int), 1, 12)
    einde = (np.datetime64(f"{jaar}-01", "M") + maanden).astype("datetime64[D]") - np.timedelta64(1, "D")
    personen = {
        "zorgprofiel": np.array(codes),
        "leveringsvorm": leveringsvorm.to_numpy().astype(str),
        "inkomen_peiljaar": c["inkomen_peiljaar"].fillna(0.0).to_numpy(float),
        "pensioengerechtigd": (c["sector"] == "vv").to_numpy(),
        "zorg_begin": np.full(n, begin),
        "zorg_einde": einde,
        "verblijf_begin": np.full(n, begin),
    }
    geldig = np.array([x != "" for x in codes])
    uit = np.full(n, np.nan)
    if geldig.any():
        sim = simulatie(system, {k: v[geldig] for k, v in personen.items() if k in system.variables}, jaar=jaar)
        uit[geldig] = np.asarray(sim.calculate("eigen_bijdrage_jaar", str(jaar)), dtype=float)
    return uit


def _centen(df: pd.DataFrame) -> pd.DataFrame:
    """Euros to the cent for the file (the DataFrame keeps full precision)."""
    uit = df.copy()
    for k in uit.columns:
        if k.startswith(("wlz_", "zvw_", "eigen_", "verschil", "budget_", "voordeel_")):
            uit[k] = uit[k].round(2)
    return uit


def write_csv(df: pd.DataFrame | Path, pad: Path) -> None:
    """``clienten.csv`` through Arrow's CSV writer: a national table of ~340,000 rows in well under a second
    (pandas' writer formats every float in Python and took seconds). A Parquet folder (the client rows an engine
    wrote, :mod:`wlz.scenario.clientengine`) is streamed batch by batch in file order, so the driver never holds
    the whole table; the file is the same as from the DataFrame."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    opties = pacsv.WriteOptions(quoting_style="needed")
    if isinstance(df, pd.DataFrame):
        pacsv.write_csv(pa.Table.from_pandas(_centen(df), preserve_index=False), pad, write_options=opties)
        return
    import pyarrow.parquet as pq

    delen = sorted(p for p in Path(df).glob("*.parquet"))
    schema = pq.read_schema(delen[0])
    with pacsv.CSVWriter(pad, schema, write_options=opties) as schrijver:
        for deel in delen:
            for batch in pq.ParquetFile(deel).iter_batches(batch_size=65536):
                tabel = pa.Table.from_pandas(_centen(read_clienten_batch(batch)), schema=schema, preserve_index=False)
                schrijver.write_table(tabel)


def read_clienten_batch(batch: object) -> pd.DataFrame:
    """A batch of client rows from Parquet as the DataFrame the DuckDB path gives (object strings, NaN)."""
    import pyarrow as pa

    assert isinstance(batch, pa.RecordBatch | pa.Table)
    df = batch.to_pandas()
    for k in df.columns:
        if df[k].dtype != object and pa.types.is_string(batch.schema.field(k).type):
            df[k] = df[k].astype(object)
    return df
