"""Toeslagen in het budget (seed 000, aanbeveling 6) over the population of pgb and mpt clients.

The rules hold the reform ``toeslagen_in_budget`` for one client; here it runs vectorised (one OpenFisca
simulation for all groups) beside the rules in force: per sector, profile and leveringsvorm the budget per
client before and after, the gain of the clients with a toeslag, and — for the mpt, given a spread of costs
relative to the budget — how many pass the doelmatigheidstoets before and after. Amounts come from the rules
(with their parameters and sources); the share of clients with a toeslag and its amount are the scenario's
inputs, because the seeds give neither.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from wlz.common.errors import InputError
from wlz.reference import zorgprofielen
from wlz.scenario.model import Eenheidskosten, Toestand
from wlz.scenario.schema import ToeslagenInBudget, instelling

KOP_TOESLAGEN = [
    "sector",
    "zorgprofiel",
    "optie",
    "clienten",
    "clienten_met_toeslag",
    "budget_voor",
    "budget_na_met_toeslag",
    "winst_per_client",
    "winst_totaal",
    "doelmatig_voor",
    "doelmatig_na",
    "doelmatig_erbij",
    "rekenjaar",
    "opmerking",
]
HERVORMING = "toeslagen_in_budget"
BRON = "wlz.rules, hervorming toeslagen_in_budget (seed 000 aanbeveling 6); bedragen uit de parameters van de regels"


def profielcode(sector: str, nummer: int) -> str | None:
    """The profile code for a sector and number whose pgb is possible (VV9 has none: Rlz art. 5.5)."""
    for z in zorgprofielen().values():
        if z.sector == sector and z.nummer == nummer and z.variant is None and z.pgb != "nee":
            return z.code
    return None


def simuleer(hervorming: str | None, personen: dict[str, np.ndarray], jaar: int) -> tuple[np.ndarray, np.ndarray]:
    from wlz.rules.populatie import simulatie
    from wlz.rules.system import hervormd, systeem

    system = systeem() if hervorming is None else hervormd(hervorming)
    sim = simulatie(system, {k: v for k, v in personen.items() if k in system.variables}, jaar=jaar)
    budget = np.asarray(sim.calculate("pgb_budget", str(jaar)), dtype=float)
    doelmatig = np.asarray(sim.calculate("doelmatig", str(jaar)), dtype=bool)
    return budget, doelmatig


def toeslagen_rows(o: ToeslagenInBudget, toestand: Toestand, eenheid: Eenheidskosten) -> list[dict[str, Any]]:
    """Rows of toeslagen.csv: per pgb/mpt group of the state the budget and doelmatigheid before and after."""
    if not eenheid.basis.heeft_profielen:
        raise InputError("toeslagen_in_budget", f"de basis {eenheid.basis.naam} heeft geen zorgprofielen")
    groepen: dict[tuple[str, int, str], float] = {}
    for (sector, p, optie), n in toestand.clienten().items():
        if optie in ("pgb", "mpt") and instelling(sector) in o.sectoren and n > 0:
            groepen[(sector, p, optie)] = n
    sleutels = sorted(groepen)
    codes = [profielcode(s, p) for s, p, _ in sleutels]
    bruikbaar = [i for i, c in enumerate(codes) if c is not None]
    punten = o.mpt_kosten_pct_van_budget or (0.0,)
    # one person per group, with and without toeslag, and per cost point
    index = [(i, met, k) for i in bruikbaar for met in (False, True) for k in range(len(punten))]
    rijen: list[dict[str, Any]] = []
    uitkomst: dict[tuple[int, bool, int], tuple[float, float, bool, bool]] = {}
    if index:
        personen: dict[str, np.ndarray] = {
            "zorgprofiel": np.array([codes[i] for i, _, _ in index]),
            "leveringsvorm": np.array([sleutels[i][2] for i, _, _ in index]),
            "gewaarborgde_hulp": np.ones(len(index), dtype=bool),
            "toeslag_beademing": np.array([o.toeslag_beademing if met else 0.0 for _, met, _ in index]),
            "toeslag_zorginhoudelijk_overig": np.array(
                [o.toeslag_zorginhoudelijk_overig if met else 0.0 for _, met, _ in index]
            ),
        }
        budget_voor, _ = simuleer(None, personen, o.rekenjaar)
        personen["mpt_kosten"] = np.array(
            [punten[k] / 100 * b if np.isfinite(b) else 0.0 for (_, _, k), b in zip(index, budget_voor, strict=True)]
        )
        budget_voor, doelmatig_voor = simuleer(None, personen, o.rekenjaar)
        budget_na, doelmatig_na = simuleer(HERVORMING, personen, o.rekenjaar)
        for j, key in enumerate(index):
            uitkomst[key] = (
                float(budget_voor[j]),
                float(budget_na[j]),
                bool(doelmatig_voor[j]),
                bool(doelmatig_na[j]),
            )
    aandeel = o.aandeel_met_toeslag_pct / 100
    for i, (sector, p, optie) in enumerate(sleutels):
        n = groepen[(sector, p, optie)]
        rij: dict[str, Any] = {
            "sector": sector,
            "zorgprofiel": p,
            "optie": optie,
            "clienten": n,
            "clienten_met_toeslag": n * aandeel,
            "rekenjaar": o.rekenjaar,
        }
        if codes[i] is None:
            rijen.append({**rij, "opmerking": f"geen pgb mogelijk voor {sector} profiel {p}"})
            continue
        voor, na, _, _ = uitkomst[(i, True, 0)]
        if not (np.isfinite(voor) and np.isfinite(na)):
            rijen.append({**rij, "opmerking": f"de regels kennen geen pgb-bedrag voor {codes[i]} in {o.rekenjaar}"})
            continue
        rij.update(
            budget_voor=voor,
            budget_na_met_toeslag=na,
            winst_per_client=na - voor,
            winst_totaal=(na - voor) * n * aandeel,
            opmerking=BRON,
        )
        if optie == "mpt" and o.mpt_kosten_pct_van_budget:
            k_n = len(punten)
            telling = {"voor": 0.0, "na": 0.0}
            for met, gewicht in ((False, 1 - aandeel), (True, aandeel)):
                for k in range(k_n):
                    _, _, dv, dn = uitkomst[(i, met, k)]
                    telling["voor"] += n * gewicht / k_n * dv
                    telling["na"] += n * gewicht / k_n * dn
            rij.update(
                doelmatig_voor=telling["voor"],
                doelmatig_na=telling["na"],
                doelmatig_erbij=telling["na"] - telling["voor"],
            )
        rijen.append(rij)
    return [{k: r.get(k) for k in KOP_TOESLAGEN} for r in rijen]
