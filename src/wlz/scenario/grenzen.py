"""The knip for every cut: how many clients move each way, and what it costs, per sector and cut profile.

Seed 004 §4.3 expects more clients to move to modular than to integral; whether that holds depends on the
variant and the cut. A table over all cuts 1-10 (each sector on its own, the other options of the step as
written) lets an analyst see where it holds instead of assuming it.
"""

from __future__ import annotations

from typing import Any

from wlz.scenario import opties as opt
from wlz.scenario.model import Eenheidskosten, Toestand, kosten
from wlz.scenario.schema import Knip, PerSector, instelling

KOP_GRENZEN = [
    "sector",
    "variant",
    "grens",
    "naar_modulair",
    "naar_integraal",
    "meer_naar_modulair",
    "wlz_verschil",
    "zvw_verschil",
]
PROFIEL_VARIANTEN = ("zorgzwaarte", "combinatie")


def _totaal(toestand: Toestand, eenheid: Eenheidskosten) -> tuple[float, float]:
    groepen = kosten(toestand, eenheid).values()
    return sum(g.wlz for g in groepen), sum(g.zvw for g in groepen)


def sweep(optie: Knip, toestand: Toestand, eenheid: Eenheidskosten) -> list[dict[str, Any]]:
    """One row per sector of the state whose variant cuts by profile, and per cut 1-10."""
    rijen: list[dict[str, Any]] = []
    heeft_kosten = eenheid.basis.heeft_kosten
    voor = _totaal(toestand, eenheid) if heeft_kosten else (0.0, 0.0)
    for sector in sorted({b.sector for b in toestand.blokken}):
        variant = optie.variant_voor(sector)
        if variant not in PROFIEL_VARIANTEN:
            continue
        naam = instelling(sector)
        for grens in range(1, 11):
            proef = optie.model_copy(
                update={"sectoren": (naam,), "grens": optie.grens.model_copy(update={naam: grens})}
            )
            assert isinstance(proef.grens, PerSector)
            t = toestand.kopie()
            moves = opt.knip(t, proef)
            mod, integ = opt.naar_modulair(moves), opt.naar_integraal(moves)
            na = _totaal(t, eenheid) if heeft_kosten else (0.0, 0.0)
            rijen.append(
                {
                    "sector": sector,
                    "variant": variant,
                    "grens": grens,
                    "naar_modulair": mod,
                    "naar_integraal": integ,
                    "meer_naar_modulair": mod > integ,
                    "wlz_verschil": na[0] - voor[0] if heeft_kosten else None,
                    "zvw_verschil": na[1] - voor[1] if heeft_kosten else None,
                }
            )
    return rijen
