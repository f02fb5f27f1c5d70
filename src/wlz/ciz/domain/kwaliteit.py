"""The quality review (kwaliteitstoets): a random sample of decisions per period and unit, each judged juist or
onjuist with a reason; the share correct against the CIZ's own 95% norm (seed 003 p2 r.56-66: "in 92% van alle
getoetste besluiten een juist besluit … zelfgehanteerde norm van 95%"), per unit (seed 003 r.68-74: feedback to
"de vier units, de onderscheiden teams en … de individuele medewerkers").

Sample size per stratum (period × unit) for estimating a proportion: n0 = z² · p(1-p) / e², with the finite
population correction n = n0 / (1 + (n0 - 1) / N) (Cochran, Sampling Techniques, 3rd ed. 1977, eq. 4.2 and 4.3),
rounded up, at most N. Defaults: z = 1.96 (95% confidence), p = 0.92 (the last measured share, seed 003 p2
r.56-66), e = 0.05 (margin: voorbeeld, the user sets it). Drawn without replacement with a recorded seed, so the
sample can be drawn again and checked.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from wlz.common.errors import InputError

#: seed 003 p2 r.56-66
NORM_JUIST = 0.95
VERWACHT_JUIST = 0.92
Z_95 = 1.96
MARGE = 0.05  # voorbeeld


def steekproefgrootte(populatie: int, p: float = VERWACHT_JUIST, marge: float = MARGE, z: float = Z_95) -> int:
    if populatie < 0:
        raise InputError("populatie", "De populatie is negatief.")
    if not 0 < marge < 1:
        raise InputError("marge", "De foutmarge ligt tussen 0 en 1.")
    if not 0 < p < 1:
        raise InputError("p", "De verwachte fractie ligt tussen 0 en 1.")
    if populatie == 0:
        return 0
    n0 = z * z * p * (1 - p) / (marge * marge)
    return min(populatie, math.ceil(n0 / (1 + (n0 - 1) / populatie)))


def trek(strata: Mapping[str, Sequence[str]], seed: int, **kw: float) -> dict[str, list[str]]:
    """Per stratum (unit) a simple random sample of ids without replacement; same seed, same sample."""
    rng = random.Random(seed)
    out: dict[str, list[str]] = {}
    for naam in sorted(strata):
        ids = sorted(strata[naam])
        out[naam] = sorted(rng.sample(ids, steekproefgrootte(len(ids), **kw)))
    return out


class Toetsing:
    """One decision in the sample: who judged it, juist/onjuist, why."""

    def __init__(
        self, *, aanvraag_id: str, eenheid: str, periode_van: dt.date, periode_tot: dt.date, seed: int
    ) -> None:
        self.id = secrets.token_hex(8)
        self.aanvraag_id = aanvraag_id
        self.eenheid = eenheid
        self.periode_van = periode_van
        self.periode_tot = periode_tot
        self.seed = seed
        self.juist: bool | None = None
        self.reden = ""
        self.getoetst_door: str | None = None
        self.getoetst_op: dt.date | None = None

    def oordeel(self, juist: bool, reden: str, door: str, op: dt.date) -> None:
        if not juist and not reden.strip():
            raise InputError("reden", "Geef de reden waarom het besluit onjuist is.")
        self.juist = juist
        self.reden = reden.strip()
        self.getoetst_door = door
        self.getoetst_op = op


@dataclass(frozen=True)
class Juistheid:
    eenheid: str
    getoetst: int
    juist: int

    @property
    def aandeel(self) -> float:
        return self.juist / self.getoetst if self.getoetst else 0.0

    @property
    def boven_norm(self) -> bool:
        return self.aandeel >= NORM_JUIST


def juistheid(toetsingen: Sequence[Toetsing], groep: Mapping[str, str] | None = None) -> list[Juistheid]:
    """Per unit and in total ("alle"), only judged decisions; with ``groep`` (request id -> indicatiesteller or
    team) per that group instead of per unit (the feedback of seed 003 r.68-74)."""
    per: dict[str, list[int]] = {}
    for t in toetsingen:
        if t.juist is None:
            continue
        sleutel = t.eenheid if groep is None else groep.get(t.aanvraag_id, "onbekend")
        for k in (sleutel, "alle"):
            per.setdefault(k, [0, 0])
            per[k][0] += 1
            per[k][1] += int(t.juist)
    return [Juistheid(k, v[0], v[1]) for k, v in sorted(per.items())]
