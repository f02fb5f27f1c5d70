"""Synthetic clients and their leveringsvorm histories, month by month, hitting exact monthly cell counts.

Each COD163 code (``Groep``) is simulated on its own: a client keeps his profile. Month t holds exactly
``n[t, groep, lv]`` clients per leveringsvorm (from ``targets.monthly_counts``). Between two months clients
leave (death, mostly, in the vv), move (admission from home to verblijf, switch incl/excl behandeling) with
the rates of ``aannames.yaml``; what is still missing in a cell is filled with new clients, and a surplus
leaves. So turnover is realistic while every cell's client-months - and hence the weighted clients the
analysis computes - are exact by construction.

Output is a set of *segments*: one row per (client, month, leveringsvorm) with first and last day. A move
into a zzp/vpt basisprestatie happens mid-month: the month then has the old leveringsvorm's lines up to the
day before (a segment with ``geteld=False``) and the new one from that day; the analysis's "last declared"
rule classifies such a month as the new leveringsvorm, which is the month we count. Moves into mpt or pgb
happen at a month boundary, because the rule would otherwise keep the old basisprestatie.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from wlz.synthetic.targets import BASIS, LEVERINGSVORMEN, Groep

_LV = {lv: i for i, lv in enumerate(LEVERINGSVORMEN)}
IS_BASIS = np.array([lv in BASIS for lv in LEVERINGSVORMEN])


@dataclass
class Calendar:
    """Months of the generated period: first day (days since 1970-01-01), length, calendar year."""

    start: np.ndarray
    lengte: np.ndarray
    jaar: np.ndarray

    @classmethod
    def for_years(cls, jaren: list[int]) -> Calendar:
        starts, lens, years = [], [], []
        epoch = dt.date(1970, 1, 1)
        for y in jaren:
            for m in range(1, 13):
                d0 = dt.date(y, m, 1)
                d1 = dt.date(y + (m == 12), m % 12 + 1, 1)
                starts.append((d0 - epoch).days)
                lens.append((d1 - d0).days)
                years.append(y)
        return cls(np.array(starts, np.int32), np.array(lens, np.int16), np.array(years, np.int16))


@dataclass
class Segments:
    """Per (client, month, leveringsvorm): days ``d0..d1`` (1-based, inclusive); ``geteld`` = counted month."""

    pid: np.ndarray
    t: np.ndarray
    lv: np.ndarray
    groep: np.ndarray
    d0: np.ndarray
    d1: np.ndarray
    geteld: np.ndarray

    def __len__(self) -> int:
        return int(self.pid.size)

    def take(self, idx: np.ndarray) -> Segments:
        return Segments(*(getattr(self, f)[idx] for f in self.__dataclass_fields__))


def _dyn(groep: Groep, dynamiek: dict) -> tuple[np.ndarray, np.ndarray]:
    """Monthly exit hazard per lv and move matrix P[from, to] of a group (ggz uses the ghz rates)."""
    d = dynamiek["vv" if groep.hoofdsector == "vv" else "ghz"]
    h = np.array([d["uitstroom"][lv] for lv in LEVERINGSVORMEN], float)
    if groep.hoofdsector == "vv" and groep.nummer == 9:
        h[:] = d.get("uitstroom_profiel9", h)
    p = np.zeros((6, 6))
    for src, dests in d["overgang"].items():
        for dst, pr in dests.items():
            if dst == "pgb" and not groep.pgb_mogelijk:
                continue
            p[_LV[src], _LV[dst]] = pr
    return h, p


def simulate(
    n: np.ndarray, groepen: tuple[Groep, ...], kal: Calendar, dynamiek: dict, rng: np.random.Generator
) -> tuple[Segments, np.ndarray]:
    """Simulate all groups; returns segments (sorted by pid, t, d0) and the group of each pid."""
    T = n.shape[0]
    out: dict[str, list[np.ndarray]] = {f: [] for f in Segments.__dataclass_fields__}
    pid_groep: list[np.ndarray] = []
    volgende = 0

    def emit(pid, t, lv, gi, d0, d1, geteld):
        k = pid.size
        if k == 0:
            return
        out["pid"].append(pid.astype(np.int64))
        out["t"].append(np.full(k, t, np.int16))
        out["lv"].append(np.broadcast_to(np.asarray(lv, np.int8), (k,)).copy())
        out["groep"].append(np.full(k, gi, np.int16))
        out["d0"].append(np.asarray(d0, np.int16))
        out["d1"].append(np.asarray(d1, np.int16))
        out["geteld"].append(np.full(k, geteld, bool))

    for gi, groep in enumerate(groepen):
        h, p = _dyn(groep, dynamiek)
        cur = []
        d0s = []
        for li in range(6):
            k = int(n[0, gi, li])
            cur.append(np.arange(volgende, volgende + k, dtype=np.int64))
            d0s.append(np.ones(k, np.int16))
            volgende += k
        for t in range(T):
            L = int(kal.lengte[t])
            if t == T - 1:
                for li in range(6):
                    emit(cur[li], t, li, gi, d0s[li], np.full(cur[li].size, L, np.int16), True)
                break
            L1 = int(kal.lengte[t + 1])
            exit_mask = [np.zeros(c.size, bool) for c in cur]
            # movers[src][dst] = indices into cur[src]
            movers: list[list[np.ndarray]] = [[np.empty(0, np.int64)] * 6 for _ in range(6)]
            stay: list[np.ndarray] = []
            for li in range(6):
                m = cur[li].size
                perm = rng.permutation(m)
                e = rng.binomial(m, h[li]) if m else 0
                exit_mask[li][perm[:e]] = True
                pr = p[li]
                counts = (
                    rng.multinomial(m - e, np.append(pr, max(0.0, 1.0 - pr.sum())))
                    if m - e > 0
                    else (np.zeros(7, np.int64))
                )
                pos = e
                for dj in range(6):
                    c = int(counts[dj])
                    movers[li][dj] = perm[pos : pos + c]
                    pos += c
                stay.append(perm[pos:])
            new_cur, new_d0 = [], []
            for dj in range(6):
                target = int(n[t + 1, gi, dj])
                st = stay[dj]
                ins = [(src, movers[src][dj]) for src in range(6) if movers[src][dj].size]
                total = st.size + sum(x.size for _, x in ins)
                if total > target:  # surplus leaves: stayers first, then would-be movers
                    x = total - target
                    k = min(x, st.size)
                    if k:
                        exit_mask[dj][st[st.size - k :]] = True
                        st = st[: st.size - k]
                    x -= k
                    kept = []
                    for src, mv in ins:
                        k = min(x, mv.size)
                        if k:
                            exit_mask[src][mv[mv.size - k :]] = True
                            mv = mv[: mv.size - k]
                        x -= k
                        kept.append((src, mv))
                    ins = kept
                pids = [cur[dj][st]]
                d0n = [np.ones(st.size, np.int16)]
                for src, mv in ins:
                    if not mv.size:
                        continue
                    pm = cur[src][mv]
                    if IS_BASIS[dj]:
                        day = rng.integers(2, L1 + 1, size=pm.size).astype(np.int16)
                        emit(pm, t + 1, src, gi, np.ones(pm.size, np.int16), day - 1, False)
                    else:
                        day = np.ones(pm.size, np.int16)
                    pids.append(pm)
                    d0n.append(day)
                nn = target - sum(x.size for x in pids)
                if nn > 0:
                    pids.append(np.arange(volgende, volgende + nn, dtype=np.int64))
                    d0n.append(rng.integers(1, L1 + 1, size=nn).astype(np.int16))
                    volgende += nn
                new_cur.append(np.concatenate(pids))
                new_d0.append(np.concatenate(d0n))
            for li in range(6):
                d1 = np.full(cur[li].size, L, np.int16)
                ex = exit_mask[li]
                if ex.any():
                    lo = d0s[li][ex].astype(np.int64)
                    d1[ex] = (lo + np.floor(rng.random(lo.size) * (L - lo + 1))).astype(np.int16)
                emit(cur[li], t, li, gi, d0s[li], d1, True)
            cur, d0s = new_cur, new_d0
        pid_groep.append(np.full(volgende - sum(x.size for x in pid_groep), gi, np.int16))

    seg = Segments(**{f: np.concatenate(v) if v else np.empty(0) for f, v in out.items()})
    order = np.lexsort((seg.d0, seg.t, seg.pid))
    return seg.take(order), np.concatenate(pid_groep) if pid_groep else np.empty(0, np.int16)
