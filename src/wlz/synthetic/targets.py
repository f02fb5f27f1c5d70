"""Calibration targets: seed 004's published client tables turned into one target per generator cell.

The generator works on cells (jaar, COD163 code, leveringsvorm) of weighted clients. Seed 004 publishes only
margins and slices of that cube (tables 1-6), so this module rebuilds a full cube that reproduces every
published number:

* 2019, vg profiles 3-8 and vv profiles 4-8: the cells of tables 5 and 6, copied;
* 2019, the rest (vg 1-2, the other ghz subsectors, vv 1-3, 9, 10): iterative proportional fitting of a prior
  (``aannames.yaml``) to the published row totals (tables 3 and 4) and to what tables 1 and 2 leave over per
  leveringsvorm, so the totals add up exactly;
* 2018, 2020, 2021: the 2019 cube scaled per (hoofdsector, leveringsvorm) to the totals of tables 1 and 2.

Why a full cube and not sampling: weighted clients are months / 12, so giving each cell an exact number of
client-months makes the analysis reproduce the tables by construction, at any scale, without sampling noise.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np
import yaml

from wlz import reference

LEVERINGSVORMEN = ("mpt", "pgb", "vpt_excl", "vpt_incl", "zzp_excl", "zzp_incl")
BASIS = ("vpt_excl", "vpt_incl", "zzp_excl", "zzp_incl")
JAREN = (2018, 2019, 2020, 2021)
GHZ_SUBSECTOREN = ("vg", "lvg", "sglvg", "lg", "zgaud", "zgvis")


@dataclass(frozen=True)
class Groep:
    """One COD163 code: the unit the generator gives clients (a client keeps his profile)."""

    cod163: str
    sector: str  # subsector as in wlz.reference: vg, lvg, ..., vv, ggz-b
    hoofdsector: str  # ghz, vv, ggz
    nummer: int
    pgb_mogelijk: bool


@cache
def seed_tables() -> dict:
    """The seed-004 tables exactly as published (``doelen/seed004.yaml``), each with its ``bron``."""
    text = resources.files(__package__).joinpath("doelen/seed004.yaml").read_text("utf-8")
    return yaml.safe_load(text)["tabellen"]


@cache
def assumptions() -> dict:
    """The synthetic assumptions (``aannames.yaml``)."""
    return yaml.safe_load(resources.files(__package__).joinpath("aannames.yaml").read_text("utf-8"))


def _groep(cod163: str) -> Groep:
    z = reference.by_cod163()[cod163]
    return Groep(cod163, z.sector, z.hoofdsector, z.nummer, z.pgb != "nee")


def _code(sector: str, nummer: int) -> str:
    """COD163 code of a Wlz profile by subsector and number (9VV: the 9VV B code; 9VV A is Zvw care)."""
    hits = [
        z.cod163
        for z in reference.zorgprofielen().values()
        if z.sector == sector and z.nummer == nummer and not z.buiten_wlz
    ]
    if not hits:
        raise KeyError(f"geen zorgprofiel {sector} {nummer}")
    return sorted(hits)[0]


def _ipf(prior: np.ndarray, row: np.ndarray, column: np.ndarray, rondes: int = 2000) -> np.ndarray:
    """Scale ``prior`` until its row sums are ``rij`` and column sums ``kolom`` (zeros stay zero)."""
    x = prior.astype(float).copy()
    # the published margins differ by rounding (vv: tables 5/6 rows exceed table 3 by 15 clients); the row
    # totals (small profiles, tables 3/4) win, the difference goes to the large cells of tables 1/2
    column = column * (row.sum() / column.sum())
    for _ in range(rondes):
        rs = x.sum(axis=1)
        x *= np.divide(row, rs, out=np.zeros_like(rs), where=rs > 0)[:, None]
        cs = x.sum(axis=0)
        x *= np.divide(column, cs, out=np.zeros_like(cs), where=cs > 0)[None, :]
        if np.abs(x.sum(axis=1) - row).max() < 1e-9:
            break
    return x


@dataclass(frozen=True)
class Cube:
    """Target weighted clients per (jaar, groep, leveringsvorm): ``w[jaar_index, groep_index, lv_index]``."""

    groepen: tuple[Groep, ...]
    w: np.ndarray


def _residual(tab: dict, rij_doelen: dict[str, float], column: np.ndarray, hs: str) -> dict[str, np.ndarray]:
    a = assumptions()["residu_prior"]
    codes = list(rij_doelen)
    prior = np.zeros((len(codes), 6))
    for i, c in enumerate(codes):
        g = _groep(c)
        kind = "default"
        if hs == "vv":
            kind = "vv_laag" if g.nummer <= 3 else "vv_hoog"
        prior[i] = [a[kind][lv] for lv in LEVERINGSVORMEN]
        if not g.pgb_mogelijk:
            prior[i, LEVERINGSVORMEN.index("pgb")] = 0.0
    if np.any(column < 0):
        raise ValueError(f"seed-tabellen inconsistent voor {hs}: negatief residu {column}")
    fit = _ipf(prior, np.array([rij_doelen[c] for c in codes]), column)
    return {c: fit[i] for i, c in enumerate(codes)}


@cache
def cube() -> Cube:
    """The full target cube for 2018-2021 (see module docstring); ggz is not part of it."""
    t = seed_tables()
    a = assumptions()
    y19 = JAREN.index(2019)
    cellen: dict[str, np.ndarray] = {}

    # published cells (tables 5 and 6)
    for table, sector in (("tabel5", "vg"), ("tabel6", "vv")):
        for j, nummer in enumerate(t[table]["kolommen"]):
            cellen[_code(sector, nummer)] = np.array([t[table]["rijen"][lv][j] for lv in LEVERINGSVORMEN], float)

    # ghz residual: vg 1-2 and the non-vg subsectors
    t3, t4 = t["tabel3"], t["tabel4"]
    row: dict[str, float] = {}
    for j, nummer in enumerate(t4["kolommen"]):
        if nummer in (1, 2):
            row[_code("vg", nummer)] = t4["rijen"]["vg"][j]
    for nummer, shares in a["ghz_overig_verdeling"].items():
        j = t3["kolommen"].index(nummer)
        rest = t3["rijen"]["ghz"][j] - t4["rijen"]["vg"][j]
        for sector, share in shares.items():
            row[_code(sector, nummer)] = rest * share
    gepubliceerd = sum(cellen[c] for c in cellen if _groep(c).hoofdsector == "ghz")
    column = np.array([t["tabel1"]["rijen"][lv][y19] for lv in LEVERINGSVORMEN], float) - gepubliceerd
    cellen.update(_residual(t, row, column, "ghz"))

    # vv residual: profiles 1-3, 9 (split over its two codes), 10
    row = {}
    for j, nummer in enumerate(t3["kolommen"]):
        if nummer in (1, 2, 3, 10):
            row[_code("vv", nummer)] = t3["rijen"]["vv"][j]
        elif nummer == 9:
            for code, share in a["vv9_verdeling"].items():
                row[str(code)] = t3["rijen"]["vv"][j] * share
    gepubliceerd = sum(cellen[c] for c in cellen if _groep(c).hoofdsector == "vv")
    column = np.array([t["tabel2"]["rijen"][lv][y19] for lv in LEVERINGSVORMEN], float) - gepubliceerd
    cellen.update(_residual(t, row, column, "vv"))

    groepen = tuple(_groep(c) for c in sorted(cellen))
    w = np.zeros((len(JAREN), len(groepen), 6))
    for gi, g in enumerate(groepen):
        w[y19, gi] = cellen[g.cod163]
    for hs, table in (("ghz", "tabel1"), ("vv", "tabel2")):
        idx = [i for i, g in enumerate(groepen) if g.hoofdsector == hs]
        basis = np.array([t[table]["rijen"][lv][y19] for lv in LEVERINGSVORMEN], float)
        for yi, _ in enumerate(JAREN):
            doel = np.array([t[table]["rijen"][lv][yi] for lv in LEVERINGSVORMEN], float)
            w[yi, idx] = w[y19, idx] * (doel / basis)[None, :]
    return Cube(groepen, w)


def _largest_remainder(x: np.ndarray, totaal: int) -> np.ndarray:
    """Round non-negative reals to integers summing to ``totaal`` (largest remainder; ties by position)."""
    base = np.floor(x).astype(np.int64)
    rest = totaal - int(base.sum())
    if rest > 0:
        order = np.lexsort((np.arange(x.size), -(x - base)))
        base[order[:rest]] += 1
    elif rest < 0:
        order = np.lexsort((np.arange(x.size), x - base))
        order = order[base[order] > 0]
        base[order[:-rest]] -= 1
    return base


def maanden_per_jaar(w: np.ndarray, groepen: tuple[Groep, ...], schaal: float) -> np.ndarray:
    """Integer client-months per (jaar, groep, lv) at ``schaal``.

    Rounded so that every (jaar, hoofdsector, leveringsvorm) total - the cells of tables 1 and 2 - is the
    nearest integer of 12 x target x schaal: the published margins stay exact even at tiny scales.
    """
    exact = 12.0 * w * schaal
    out = np.zeros(exact.shape, dtype=np.int64)
    hs = np.array([g.hoofdsector for g in groepen])
    for yi in range(exact.shape[0]):
        for h in np.unique(hs):
            idx = np.flatnonzero(hs == h)
            for li in range(exact.shape[2]):
                x = exact[yi, idx, li]
                out[yi, idx, li] = _largest_remainder(x, int(round(x.sum())))
    return out


def monthly_counts(maanden: np.ndarray) -> np.ndarray:
    """Spread yearly client-months over the 12 months: ``n[maand, groep, lv]`` (ints, sums exact per year).

    Monthly counts follow a line between mid-year levels, so growth is gradual (new clients arrive through the
    year instead of all in January), then are rescaled and rounded to give each year's total exactly.
    """
    ny, ng, nl = maanden.shape
    mids = 12 * np.arange(ny) + 5.5
    tt = np.arange(12 * ny)
    out = np.zeros((12 * ny, ng, nl), dtype=np.int64)
    for gi in range(ng):
        for li in range(nl):
            m = maanden[:, gi, li]
            r = np.interp(tt, mids, m / 12.0)
            for yi in range(ny):
                seg = r[12 * yi : 12 * yi + 12]
                s = seg.sum()
                seg = seg * (m[yi] / s) if s > 0 else np.full(12, m[yi] / 12.0)
                out[12 * yi : 12 * yi + 12, gi, li] = _largest_remainder(seg, int(m[yi]))
    return out
