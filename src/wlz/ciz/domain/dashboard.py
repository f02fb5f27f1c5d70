"""The CIZ's figures (the monitoring of seed 003): decisions on time cumulative from 1 January to week N against the
norm, the weekly series, refusal rates per sector and profile, the share fitting no profile, doorlooptijden.

KPI (seed-eisen D1, seed 003 p2 r.44-50): decisions in the period decided within the term / all decisions in the
period, cumulative from 1 January; the norm the CIZ uses is 95% (same place).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from wlz import reference

#: "de door het CIZ gehanteerde norm van 95%" (seed 003 p2 r.44-50)
NORM_OP_TIJD = 0.95
#: "zelfgehanteerde norm van 95%" for correct decisions in the sample (seed 003 p2 r.56-66)
NORM_JUIST = 0.95


@dataclass(frozen=True)
class BesluitRegel:
    """What the dashboard needs of one decided request (no person data)."""

    ontvangen: dt.date
    besluitdatum: dt.date
    uiterlijk: dt.date
    uitkomst: str
    zorgprofiel: str | None
    past_in_geen_profiel: bool
    #: the sector of the profile granted, else of the first grondslag (:func:`sector_van`)
    sector: str
    #: the profile the aanvrager asked for, if any
    gevraagd_profiel: str | None = None

    @property
    def op_tijd(self) -> bool:
        return self.besluitdatum <= self.uiterlijk


@dataclass(frozen=True)
class Week:
    jaar: int
    week: int
    besluiten: int
    op_tijd: int
    cumulatief_besluiten: int
    cumulatief_op_tijd: int

    @property
    def aandeel_cumulatief(self) -> float:
        return self.cumulatief_op_tijd / self.cumulatief_besluiten if self.cumulatief_besluiten else 0.0


@dataclass(frozen=True)
class Dashboard:
    jaar: int
    tot_week: int
    besluiten: int
    op_tijd: int
    weken: tuple[Week, ...]
    afgewezen: int
    afwijzing_per_sector: dict[str, tuple[int, int]]
    #: per profile asked for: (refused, decisions) — seed 003 p4 r.186-189 reports LG5/LG6 requests
    afwijzing_per_profiel: dict[str, tuple[int, int]]
    geen_profiel: int
    toegekend_per_profiel: dict[str, int]
    doorlooptijden: dict[str, int]

    @property
    def aandeel_op_tijd(self) -> float:
        return self.op_tijd / self.besluiten if self.besluiten else 0.0

    @property
    def aandeel_afgewezen(self) -> float:
        return self.afgewezen / self.besluiten if self.besluiten else 0.0

    @property
    def aandeel_geen_profiel(self) -> float:
        return self.geen_profiel / self.besluiten if self.besluiten else 0.0

    @property
    def boven_norm(self) -> bool:
        return self.aandeel_op_tijd >= NORM_OP_TIJD


def _week(d: dt.date) -> int:
    """The ISO week within the date's own year: early-January days of the previous year's last ISO week count as
    week 1, late-December days of next year's week 1 as the last week."""
    jaar, week, _ = d.isocalendar()
    return week if jaar == d.year else (1 if jaar < d.year else dt.date(d.year, 12, 28).isocalendar()[1])


#: doorlooptijd buckets in days: within 2 weeks, within the six-week term, later
BUCKETS = (("0-14 dagen", 0, 14), ("15-42 dagen", 15, 42), ("43-56 dagen", 43, 56), ("meer dan 56 dagen", 57, 10**6))


def bereken(regels: Iterable[BesluitRegel], jaar: int, tot_week: int) -> Dashboard:
    """The dashboard for decisions in ``jaar`` from 1 January to the end of ISO week ``tot_week`` (a decision
    dated in the last days of December that ISO counts as week 1 of the next year stays in its own year)."""
    gekozen = [r for r in regels if r.besluitdatum.year == jaar and _week(r.besluitdatum) <= tot_week]
    per_week: dict[int, list[BesluitRegel]] = defaultdict(list)
    for r in gekozen:
        per_week[_week(r.besluitdatum)].append(r)
    weken: list[Week] = []
    cum = cum_ok = 0
    for w in range(1, tot_week + 1):
        rs = per_week.get(w, [])
        ok = sum(r.op_tijd for r in rs)
        cum += len(rs)
        cum_ok += ok
        weken.append(Week(jaar, w, len(rs), ok, cum, cum_ok))
    sector: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in gekozen:
        sector[r.sector][1] += 1
        if r.uitkomst == "afgewezen":
            sector[r.sector][0] += 1
    profiel: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in gekozen:
        if r.gevraagd_profiel:
            profiel[r.gevraagd_profiel][1] += 1
            profiel[r.gevraagd_profiel][0] += r.uitkomst == "afgewezen"
    doorloop: Counter[str] = Counter()
    for r in gekozen:
        dagen = (r.besluitdatum - r.ontvangen).days
        for naam, lo, hi in BUCKETS:
            if lo <= dagen <= hi:
                doorloop[naam] += 1
    return Dashboard(
        jaar=jaar,
        tot_week=tot_week,
        besluiten=len(gekozen),
        op_tijd=sum(r.op_tijd for r in gekozen),
        weken=tuple(weken),
        afgewezen=sum(r.uitkomst == "afgewezen" for r in gekozen),
        afwijzing_per_sector={k: (v[0], v[1]) for k, v in sorted(sector.items())},
        afwijzing_per_profiel={k: (v[0], v[1]) for k, v in sorted(profiel.items())},
        geen_profiel=sum(r.past_in_geen_profiel for r in gekozen),
        toegekend_per_profiel=dict(
            Counter(r.zorgprofiel for r in gekozen if r.uitkomst == "toegekend" and r.zorgprofiel)
        ),
        doorlooptijden={naam: doorloop.get(naam, 0) for naam, _, _ in BUCKETS},
    )


#: the sector a grondslag (COD736) points to when no profile was granted
GRONDSLAG_SECTOR = {"01": "vv", "02": "vv", "03": "ggz", "04": "lg", "05": "vg", "06": "zg", "07": "psychosociaal"}


def sector_van(zorgprofiel: str | None, grondslagen: tuple[str, ...]) -> str:
    """The sector a decision counts in: the granted profile's hoofd-sector, else the first grondslag's."""
    if zorgprofiel:
        s = reference.zorgprofielen()[zorgprofiel].sector
        return {"zgvis": "zg", "zgaud": "zg", "ggz-b": "ggz", "ggz-w": "ggz", "lvg": "vg", "sglvg": "vg"}.get(s, s)
    return GRONDSLAG_SECTOR.get(grondslagen[0], "onbekend") if grondslagen else "onbekend"
