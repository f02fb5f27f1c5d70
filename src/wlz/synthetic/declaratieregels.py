"""Claim rows from segments: Wlz zorg-in-natura lines, pgb grants and Zvw claims, all vectorised.

One call handles one chunk of whole clients (all their segments), so per-client-year logic (the Zvw eigen
risico) stays inside a chunk. Nothing here builds a Python object per row: every column is a numpy array
turned into Arrow at the end.

What each segment (client, month, leveringsvorm, days d0..d1) produces:

* zzp/vpt: one basisprestatie, a dagprestatie with ``aantal`` = days and ``bedrag`` = days x day tariff; beside
  an *exclusief* basis, sometimes a modular behandeling line (seed 004 § 2.4: "een leveringsvorm exclusief
  behandeling houdt in dat de specifieke behandeling wel vanuit de Wlz wordt bekostigd, maar via modulaire
  prestaties"); sometimes a toeslag;
* mpt: one to four module lines spanning the segment, sometimes a behandeling line;
* pgb: part of a grant row (consecutive pgb months of a calendar year are one grant, also beside an mpt for
  some clients: "pgb beside mpt gives mpt");
* Zvw: per counted month, per sector, a claim with the chance of ``aannames.yaml``; zzp incl. rarely has
  huisarts, farmacie, hulpmiddelen or mondzorg, which the Wlz pays there (seed 004 Bijlage 2).

Amounts are synthetic assumptions (``aannames.yaml``, README "Where amounts come from"), except the Zvw
eigen risico (Zvw art. 19). Rows the corrections remove (credit and zero lines, client_id ``0``, ELV/GZSP) are
*added* beside the clean rows, so they never change a counted month.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from wlz.synthetic.koppellijst import TOESLAGEN, UITGESLOTEN, basiscode
from wlz.synthetic.koppellijst import table as koppellijst
from wlz.synthetic.population import Calendar, Segments
from wlz.synthetic.targets import BASIS, LEVERINGSVORMEN, Groep

LV = {lv: i for i, lv in enumerate(LEVERINGSVORMEN)}
ZVW_SECTOREN = ("HAZ", "FRM", "PMZ", "MND", "MSZ", "GGZ", "HLP")
BEDRAG = pa.decimal128(12, 2)

WLZ_SCHEMA = pa.schema(
    [
        ("regelnummer", pa.int64()),
        ("client_id", pa.string()),
        ("prestatiecode", pa.string()),
        ("begindatum", pa.date32()),
        ("einddatum", pa.date32()),
        ("aantal", pa.int32()),
        ("bedrag", BEDRAG),
        ("zzp_code", pa.string()),
    ]
)
PGB_SCHEMA = pa.schema(
    [
        ("regelnummer", pa.int64()),
        ("client_id", pa.string()),
        ("begindatum", pa.date32()),
        ("einddatum", pa.date32()),
        ("zzp_code", pa.string()),
        ("bedrag", BEDRAG),
    ]
)
ZVW_SCHEMA = pa.schema(
    [
        ("regelnummer", pa.int64()),
        ("client_id", pa.string()),
        ("sector", pa.string()),
        ("begindatum", pa.date32()),
        ("bedrag_basis", BEDRAG),
        ("bedrag_aanvullend", BEDRAG),
        ("eigen_risico", BEDRAG),
        ("eigen_bijdrage", BEDRAG),
    ]
)

CLIENT_NUL = -1  # pid that becomes client_id '0'
SPECIAAL = "999"  # COD163 special code (no sector), used by the noise persons


def decimal_from_cents(cents: np.ndarray) -> pa.Array:
    """Exact decimal(12,2) euros from integer cents (two's-complement 128-bit, little endian)."""
    cents = np.ascontiguousarray(cents, dtype=np.int64)
    words = np.empty((cents.size, 2), np.int64)
    words[:, 0] = cents
    words[:, 1] = np.where(cents < 0, -1, 0)
    return pa.Array.from_buffers(BEDRAG, cents.size, [None, pa.py_buffer(words)])


def _hash_u(x: np.ndarray, salt: int) -> np.ndarray:
    """Deterministic uniform [0, 1) per integer (splitmix64), e.g. a client's provider price level."""
    with np.errstate(over="ignore"):
        z = x.astype(np.uint64) + np.uint64((salt * 0x9E3779B97F4A7C15) % (1 << 64))
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    return (z >> np.uint64(11)).astype(np.float64) / float(1 << 53)


@dataclass
class Context:
    """Everything the row builders share: groups, calendar, assumptions, client ids, code tables."""

    groepen: tuple[Groep, ...]
    kal: Calendar
    a: dict
    bsn: pa.StringArray
    seed: int

    def __post_init__(self) -> None:
        kl = koppellijst()
        self.codes = kl.column("prestatiecode").combine_chunks()
        self.code_idx = {c: i for i, c in enumerate(self.codes.to_pylist())}
        G = len(self.groepen)
        self.basis_idx = np.full((G, 6), -1, np.int32)
        for gi, g in enumerate(self.groepen):
            for lv in BASIS:
                self.basis_idx[gi, LV[lv]] = self.code_idx[basiscode(lv, g.cod163)]
        # zzp_code dictionary: group codes, then the special code, then null
        self.zzp = pa.array([g.cod163 for g in self.groepen] + [SPECIAAL, None], pa.string())
        self.zzp_speciaal, self.zzp_null = G, G + 1
        self.client = pa.concat_arrays([self.bsn, pa.array(["0"], pa.string())])
        t = self.a["tarieven"]
        self.tarief = np.zeros((G, 6))
        for gi, g in enumerate(self.groepen):
            table = t["zzp_incl_per_dag"]["vv" if g.hoofdsector == "vv" else "ghz"]
            base = table.get(g.nummer, table[max(table)])
            for lv in BASIS:
                self.tarief[gi, LV[lv]] = base * t["factor"][lv]
        self.pgb_dag = np.array([t["pgb_per_dag"]["vv" if g.hoofdsector == "vv" else "ghz"] for g in self.groepen])
        self.is_vv = np.array([g.hoofdsector == "vv" for g in self.groepen])

    def index(self, jaar: np.ndarray) -> np.ndarray:
        """Price level relative to 2019."""
        return (1.0 + self.a["tarieven"]["indexatie_per_jaar"]) ** (jaar.astype(np.float64) - 2019)

    def client_ids(self, pid: np.ndarray) -> pa.Array:
        idx = np.where(pid < 0, len(self.client) - 1, pid)
        return pc.take(self.client, pa.array(idx, pa.int64()))


class _Parts:
    """Accumulates row parts (dicts of equal-length numpy arrays) and concatenates them once."""

    def __init__(self) -> None:
        self.parts: list[dict[str, np.ndarray]] = []

    def add(self, **cols: np.ndarray | np.integer) -> None:
        """One part: arrays of one length, or a single value for every row of it (the first is an array)."""
        first = next(iter(cols.values()))
        n = len(first) if isinstance(first, np.ndarray) else 1
        if n:
            self.parts.append({k: np.broadcast_to(v, (n,)) for k, v in cols.items()})

    def cat(self, names: tuple[str, ...]) -> dict[str, np.ndarray]:
        if not self.parts:
            return {k: np.empty(0, np.int64) for k in names}
        return {k: np.concatenate([d[k] for d in self.parts]) for k in names}


_WLZ_COLS = ("pid", "code", "b", "e", "aantal", "cents", "zzp")


def _wlz_table(ctx: Context, c: dict[str, np.ndarray]) -> pa.Table:
    return pa.table(
        {
            "regelnummer": pa.array(np.zeros(c["pid"].size, np.int64)),
            "client_id": ctx.client_ids(c["pid"]),
            "prestatiecode": pc.take(ctx.codes, pa.array(c["code"].astype(np.int32))),
            "begindatum": pa.array(c["b"].astype(np.int32), pa.date32()),
            "einddatum": pa.array(c["e"].astype(np.int32), pa.date32()),
            "aantal": pa.array(c["aantal"].astype(np.int32)),
            "bedrag": decimal_from_cents(c["cents"]),
            "zzp_code": pc.take(ctx.zzp, pa.array(c["zzp"].astype(np.int32))),
        },
        schema=WLZ_SCHEMA,
    )


def wlz_zin(seg: Segments, ctx: Context, rng: np.random.Generator) -> pa.Table:
    """Wlz zorg-in-natura lines of a chunk of segments (plus the rows the corrections remove)."""
    a, t = ctx.a, ctx.a["tarieven"]
    kal = ctx.kal
    start = kal.start[seg.t].astype(np.int64)
    b = start + seg.d0 - 1
    e = start + seg.d1 - 1
    dagen = (seg.d1 - seg.d0 + 1).astype(np.int64)
    index = ctx.index(kal.jaar[seg.t])
    spread = t["spreiding_aanbieder"]
    niveau = 1.0 + spread * (2.0 * _hash_u(seg.pid, ctx.seed * 7 + 1) - 1.0)
    gi = seg.groep.astype(np.int64)
    lv = seg.lv.astype(np.int64)
    d = _Parts()

    # basisprestaties (dagprestaties)
    isb = np.isin(lv, [LV[x] for x in BASIS])
    ib = np.flatnonzero(isb)
    basis_cents = np.rint(dagen[ib] * ctx.tarief[gi[ib], lv[ib]] * index[ib] * niveau[ib] * 100).astype(np.int64)
    basis = dict(
        pid=seg.pid[ib],
        code=ctx.basis_idx[gi[ib], lv[ib]],
        b=b[ib],
        e=e[ib],
        aantal=dagen[ib],
        cents=basis_cents,
        zzp=gi[ib],
    )
    d.add(**basis)

    # mpt modules: each with its own chance, at least one per mpt segment
    im = np.flatnonzero(lv == LV["mpt"])
    mods = list(t["mpt_modules"].items())
    sels = [rng.random(im.size) < m["kans"] for _, m in mods]
    sels[0] |= ~np.logical_or.reduce(sels)  # at least one module per mpt segment
    for (code, m), sel in zip(mods, sels, strict=True):
        k = im[sel]
        uren = np.maximum(1, np.rint(m["uren_per_dag"] * dagen[k] * rng.lognormal(0.0, 0.3, k.size))).astype(np.int64)
        d.add(
            pid=seg.pid[k],
            code=np.int64(ctx.code_idx[code]),
            b=b[k],
            e=e[k],
            aantal=uren,
            cents=np.rint(uren * m["tarief"] * index[k] * niveau[k] * 100).astype(np.int64),
            zzp=gi[k],
        )

    # modular behandeling beside exclusief basis and in mpt
    bcodes = list(t["behandeling_modules"])
    btar = np.array([t["behandeling_modules"][c]["tarief"] for c in bcodes], float)
    bidx = np.array([ctx.code_idx[c] for c in bcodes], np.int64)
    lo, hi = t["behandeling_uren"]
    for lvn, kans in t["behandeling_kans"].items():
        k = np.flatnonzero((lv == LV[lvn]) & (rng.random(lv.size) < kans))
        j = rng.integers(0, len(bcodes), k.size)
        uren = rng.integers(lo, hi + 1, k.size)
        dag = b[k] + np.floor(rng.random(k.size) * dagen[k]).astype(np.int64)
        d.add(
            pid=seg.pid[k],
            code=bidx[j],
            b=dag,
            e=dag,
            aantal=uren,
            cents=np.rint(uren * btar[j] * index[k] * 100).astype(np.int64),
            zzp=gi[k],
        )

    # toeslagen beside basis prestaties
    k = ib[rng.random(ib.size) < t["toeslag_kans"]]
    tl, th = t["toeslag_per_dag"]
    tcodes = np.array([ctx.code_idx[c] for c in TOESLAGEN], np.int64)
    d.add(
        pid=seg.pid[k],
        code=tcodes[rng.integers(0, tcodes.size, k.size)],
        b=b[k],
        e=e[k],
        aantal=dagen[k],
        cents=np.rint(dagen[k] * rng.uniform(tl, th, k.size) * index[k] * 100).astype(np.int64),
        zzp=gi[k],
    )

    # duplicates (kept by the method), credit and zero lines (removed by correction 1)
    cor = a["correcties"]
    for frac, teken in ((cor["dubbele_declaraties"], 1), (cor["creditregels"], -1), (cor["nulbedrag"], 0)):
        k = rng.random(ib.size) < frac
        d.add(**{key: v[k] for key, v in basis.items() if key != "cents"}, cents=basis["cents"][k] * teken)

    # ELV/GZSP lines beside counted months (removed by correction 3), mostly vv
    k = np.flatnonzero(seg.geteld & (rng.random(lv.size) < cor["elv_gzsp_maanden"] * np.where(ctx.is_vv[gi], 1.5, 0.5)))
    ucodes = np.array([ctx.code_idx[c] for c in UITGESLOTEN], np.int64)
    n_dag = 1 + np.floor(rng.random(k.size) * dagen[k]).astype(np.int64)
    d.add(
        pid=seg.pid[k],
        code=ucodes[rng.integers(0, ucodes.size, k.size)],
        b=b[k],
        e=b[k] + n_dag - 1,
        aantal=n_dag,
        cents=np.rint(n_dag * 240.0 * index[k] * 100).astype(np.int64),
        zzp=np.int64(ctx.zzp_null),
    )

    c = d.cat(_WLZ_COLS)
    # client_id '0' (removed by correction 2): copies of clean positive lines
    k = (rng.random(c["pid"].size) < cor["client_id_nul"]) & (c["cents"] > 0)
    extra = {key: v[k] for key, v in c.items()}
    extra["pid"] = np.full(int(k.sum()), CLIENT_NUL, np.int64)
    c = {key: np.concatenate([v, extra[key]]) for key, v in c.items()}
    return _wlz_table(ctx, c)


def pgb(seg: Segments, ctx: Context, rng: np.random.Generator) -> pa.Table:
    """pgb grant rows: consecutive pgb months of a calendar year form one grant (also beside some mpt)."""
    kal = ctx.kal
    naast = (seg.lv == LV["mpt"]) & (_hash_u(seg.pid, ctx.seed * 7 + 2) < 0.10)
    k = np.flatnonzero((seg.lv == LV["pgb"]) | naast)
    if k.size == 0:
        return PGB_SCHEMA.empty_table()
    pid, t, d0, d1 = seg.pid[k], seg.t[k].astype(np.int64), seg.d0[k], seg.d1[k]
    jaar = kal.jaar[t]
    L = kal.lengte[t]
    nieuw = np.ones(k.size, bool)
    if k.size:
        nieuw[1:] = (
            (pid[1:] != pid[:-1])
            | (t[1:] != t[:-1] + 1)
            | (jaar[1:] != jaar[:-1])
            | (d1[:-1] != L[:-1])
            | (d0[1:] != 1)
        )
    first = np.flatnonzero(nieuw)
    last = np.append(first[1:] - 1, k.size - 1).astype(np.int64)
    b = kal.start[t[first]].astype(np.int64) + d0[first] - 1
    e = kal.start[t[last]].astype(np.int64) + d1[last] - 1
    gi = seg.groep[k][first].astype(np.int64)
    niveau = 0.9 + 0.2 * _hash_u(pid[first], ctx.seed * 7 + 3)
    cents = np.rint((e - b + 1) * ctx.pgb_dag[gi] * ctx.index(jaar[first]) * niveau * 100).astype(np.int64)
    p = pid[first]
    cor = ctx.a["correcties"]
    z = rng.random(p.size) < cor["pgb_nulbedrag"]
    n0 = rng.random(p.size) < cor["client_id_nul"]
    P = np.concatenate([p, p[z], np.full(int(n0.sum()), CLIENT_NUL)])
    sel = np.concatenate([np.arange(p.size), np.flatnonzero(z), np.flatnonzero(n0)])
    C = np.concatenate([cents, np.zeros(int(z.sum()), np.int64), cents[n0]])
    return pa.table(
        {
            "regelnummer": pa.array(np.zeros(P.size, np.int64)),
            "client_id": ctx.client_ids(P),
            "begindatum": pa.array(b[sel].astype(np.int32), pa.date32()),
            "einddatum": pa.array(e[sel].astype(np.int32), pa.date32()),
            "zzp_code": pc.take(ctx.zzp, pa.array(gi[sel].astype(np.int32))),
            "bedrag": decimal_from_cents(C),
        },
        schema=PGB_SCHEMA,
    )


def zvw(seg: Segments, ctx: Context, rng: np.random.Generator) -> pa.Table:
    """Zvw claims of the same clients, per counted month and sector, with the yearly eigen risico."""
    z = ctx.a["zvw"]
    kal = ctx.kal
    k = np.flatnonzero(seg.geteld)
    lv = seg.lv[k].astype(np.int64)
    kans = np.array([[z["kans"][lvn][s] for s in ZVW_SECTOREN] for lvn in LEVERINGSVORMEN])
    draw = rng.random((k.size, len(ZVW_SECTOREN))) < kans[lv]
    r, s = np.nonzero(draw)  # row-major: sorted by segment (pid, t), then sector
    ks = k[r]
    dagen = (seg.d1[ks] - seg.d0[ks] + 1).astype(np.int64)
    dag = (
        kal.start[seg.t[ks]].astype(np.int64) + seg.d0[ks] - 1 + np.floor(rng.random(ks.size) * dagen).astype(np.int64)
    )
    gem = np.array([z["gemiddeld_bedrag"][x] for x in ZVW_SECTOREN], float)
    sigma = 0.8
    jaar = kal.jaar[seg.t[ks]]
    basis = np.rint(gem[s] * rng.lognormal(-(sigma**2) / 2, sigma, ks.size) * 100).astype(np.int64)
    basis = np.maximum(basis, 100)
    aanv = np.zeros(ks.size, np.int64)
    for sec, pk in z["aanvullend_kans"].items():
        m = (s == ZVW_SECTOREN.index(sec)) & (rng.random(ks.size) < pk)
        aanv[m] = np.rint(basis[m] * rng.uniform(0.2, 0.6, int(m.sum()))).astype(np.int64)
    bijdr = np.zeros(ks.size, np.int64)
    for sec, pk in z["eigen_bijdrage_kans"].items():
        m = (s == ZVW_SECTOREN.index(sec)) & (rng.random(ks.size) < pk)
        bijdr[m] = np.minimum(basis[m], np.rint(rng.uniform(5, 60, int(m.sum())) * 100).astype(np.int64))
    # verplicht eigen risico: consumed in date order per client and year by the sectors it applies to
    er_jaar = ctx.a["eigen_risico"]["bedrag"]
    er_sec = np.isin(s, [ZVW_SECTOREN.index(x) for x in z["eigen_risico_sectoren"]])
    pid = seg.pid[ks]
    order = np.lexsort((s, dag, jaar, pid))
    amt = np.where(er_sec, basis, 0)[order]
    key_new = np.ones(order.size, bool)
    if order.size:
        key_new[1:] = (pid[order][1:] != pid[order][:-1]) | (jaar[order][1:] != jaar[order][:-1])
    cs = np.cumsum(amt)
    grp_start = np.maximum.accumulate(np.where(key_new, np.arange(order.size), 0))
    before = cs - amt - (cs[grp_start] - amt[grp_start])
    cap = np.array([er_jaar.get(int(y), 385) for y in jaar[order]], np.int64) * 100 if order.size else np.empty(0)
    er = np.zeros(order.size, np.int64)
    er[order] = np.where(amt > 0, np.clip(cap - before, 0, amt), 0)
    cor = ctx.a["correcties"]
    n0 = np.flatnonzero(rng.random(ks.size) < cor["client_id_nul"])
    sel = np.concatenate([np.arange(ks.size), n0])
    P = np.concatenate([pid, np.full(n0.size, CLIENT_NUL)])
    sectoren = pa.array(list(ZVW_SECTOREN), pa.string())
    return pa.table(
        {
            "regelnummer": pa.array(np.zeros(sel.size, np.int64)),
            "client_id": ctx.client_ids(P),
            "sector": pc.take(sectoren, pa.array(s[sel].astype(np.int32))),
            "begindatum": pa.array(dag[sel].astype(np.int32), pa.date32()),
            "bedrag_basis": decimal_from_cents(basis[sel]),
            "bedrag_aanvullend": decimal_from_cents(aanv[sel]),
            "eigen_risico": decimal_from_cents(er[sel]),
            "eigen_bijdrage": decimal_from_cents(bijdr[sel]),
        },
        schema=ZVW_SCHEMA,
    )
