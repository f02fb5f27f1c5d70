"""Maatwerkindicatie: a need-based amount instead of the profile amount, per profile, winners and losers.

The profile amount is the pgb budget of the profile from the rules (``rekenjaar``, with its sources); the need
per client is the scenario's spread of percentages of that amount, because no basis holds a client's hours of
need, or, with ``pilot_export``, the CIZ pilot's ratios need / profile amount of the client's zorgprofiel
(:mod:`wlz.scenario.pilot`; profiles without pilot records keep the chosen points). Access does not change
(seed 000 r.133-136): the same clients, only their amount. Variants: everyone at home
(seed 000, the staatssecretaris), a limited group (NZa/ZIN aanbeveling 4), or the clients who do not fit their
profile (seed 003: circa 3 % of all Wlz clients).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from wlz.common.errors import InputError
from wlz.scenario.model import Eenheidskosten, Toestand
from wlz.scenario.pilot import read_pilot_export
from wlz.scenario.schema import Maatwerkindicatie, instelling
from wlz.scenario.toeslagen import profielcode, simuleer

KOP_MAATWERK = [
    "sector",
    "zorgprofiel",
    "optie",
    "clienten",
    "clienten_maatwerk",
    "profielbedrag",
    "meer",
    "minder",
    "gelijk",
    "verschil_totaal",
    "extra_herindicaties",
    "rekenjaar",
    "opmerking",
]
THUIS = ("mpt", "pgb", "vpt_excl", "vpt_incl")


def _in_scope(o: Maatwerkindicatie, optie: str) -> float:
    if o.variant == "past_niet":
        return o.aandeel_past_niet_pct / 100
    if optie not in THUIS:
        return 0.0
    return 1.0 if o.variant == "iedereen_thuis" else o.aandeel_beperkte_groep_pct / 100


def maatwerk_rows(o: Maatwerkindicatie, toestand: Toestand, eenheid: Eenheidskosten) -> list[dict[str, Any]]:
    """Rows of maatwerk.csv: per sector, profile and option the clients in scope, winners, losers and euros."""
    if not eenheid.basis.heeft_profielen:
        raise InputError("maatwerkindicatie", f"de basis {eenheid.basis.naam} heeft geen zorgprofielen")
    groepen = {k: n for k, n in sorted(toestand.clienten().items()) if instelling(k[0]) in o.sectoren and n > 0}
    profielen = sorted({(s, p) for s, p, _ in groepen})
    codes = {sp: profielcode(*sp) for sp in profielen}
    bekend = [sp for sp in profielen if codes[sp] is not None]
    bedrag: dict[tuple[str, int], float] = {}
    if bekend:
        personen = {
            "zorgprofiel": np.array([codes[sp] for sp in bekend]),
            "leveringsvorm": np.array(["pgb"] * len(bekend)),
            "gewaarborgde_hulp": np.ones(len(bekend), dtype=bool),
        }
        budget, _ = simuleer(None, personen, o.rekenjaar)
        bedrag = {sp: float(b) for sp, b in zip(bekend, budget, strict=True)}
    gekozen = tuple(x / 100 for x in o.behoefte_pct_van_profiel)
    pilot = read_pilot_export(o.pilot_export) if o.pilot_export is not None else None
    rijen = []
    for (sector, p, optie), n in groepen.items():
        punten, herkomst = gekozen, "behoefte: gekozen punten (voorbeeld)"
        code = codes[(sector, p)]
        if pilot is not None:
            if code is not None and code in pilot.verhoudingen:
                punten = pilot.verhoudingen[code]
                herkomst = f"behoefte: {pilot.bron()}, waarvan {len(punten)} van {code}"
            else:
                herkomst = "behoefte: geen pilotrecords voor dit profiel, gekozen punten (voorbeeld)"
        meer = sum(1 for x in punten if x > 1) / len(punten)
        minder = sum(1 for x in punten if x < 1) / len(punten)
        gemiddeld = sum(punten) / len(punten) - 1
        scope = n * _in_scope(o, optie)
        rij: dict[str, Any] = {
            "sector": sector,
            "zorgprofiel": p,
            "optie": optie,
            "clienten": n,
            "clienten_maatwerk": scope,
            "meer": scope * meer,
            "minder": scope * minder,
            "gelijk": scope * (1 - meer - minder),
            "extra_herindicaties": scope * o.herindicatie_pct / 100,
            "rekenjaar": o.rekenjaar,
        }
        b = bedrag.get((sector, p))
        if b is None or not np.isfinite(b):
            rij["opmerking"] = (
                f"de regels kennen geen profielbedrag voor {sector} profiel {p} in {o.rekenjaar}; {herkomst}"
            )
        else:
            rij.update(
                profielbedrag=b,
                verschil_totaal=scope * gemiddeld * b,
                opmerking="profielbedrag = pgb-budget van het profiel volgens de regels"
                + ("" if optie in THUIS else " (ook voor verblijf: het bedrag thuis als maat)")
                + f"; {herkomst}",
            )
        rijen.append({k: rij.get(k) for k in KOP_MAATWERK})
    return rijen
