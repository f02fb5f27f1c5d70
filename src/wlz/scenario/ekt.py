"""Extra kosten thuis (EKT): who may get up to a percentage more than their budget at home, and what it costs.

Since 1 July 2018 everyone with Wlz care at home through a pgb or an mpt may get up to 25 % more (seed 002,
maatregel 1); before, only the groups of Rlz art. 5.3 lid 3. The seeds give the users of all maatwerkregelingen
together (6,336 clients from January 2018 to February 2019, about 8 % of clients at home, seed 002 r.87-89) but
no uptake per scheme and no euros, so uptake, use of the room and the budget are inputs. Every figure is
reported beside today's regime (25 %, everyone at home), so today's values give a zero change.
"""

from __future__ import annotations

from typing import Any

from wlz.common.formatting import format_number
from wlz.scenario.model import Eenheidskosten, Groepskosten, Sleutel, Toestand, kosten
from wlz.scenario.schema import ExtraKostenThuis, instelling

THUIS = ("mpt", "pgb")
#: today's regime since 1 July 2018 (seed 002, maatregel 1; Rlz art. 5.3)
VANDAAG_PCT = 25.0
SEED002_GEBRUIKERS = 6336
SEED002_AANDEEL_PCT = 8.0
SEED002_BRON = "seed:002_fe0332b06c2ae3d3.txt, r.87-89 (januari 2018 t/m februari 2019, alle maatwerkregelingen)"
KOP_EKT = [
    "sector",
    "zorgprofiel",
    "optie",
    "clienten_thuis",
    "in_aanmerking_vandaag",
    "in_aanmerking",
    "gebruikers_vandaag",
    "gebruikers",
    "budget_per_client",
    "extra_vandaag",
    "extra",
    "verschil",
    "herkomst_budget",
]


def _in_aanmerking(o: ExtraKostenThuis, n: float) -> float:
    return n if o.doelgroep == "iedereen_thuis" else n * o.aandeel_rlz_groepen_pct / 100


def _budget(o: ExtraKostenThuis, k: Sleutel, g: Groepskosten, heeft_kosten: bool) -> tuple[float | None, str]:
    gegeven = getattr(o.budget_per_client, k[2])
    if gegeven is not None:
        return float(gegeven), "keuze (scenariobestand)"
    if k[2] == "mpt" and heeft_kosten and g.clienten > 0:
        return g.wlz / g.clienten, (
            "Wlz-uitgaven per gewogen cliënt van deze groep in de basis (benadering van het budget)"
        )
    return None, "onbekend: geef budget_per_client"


def ekt_rows(o: ExtraKostenThuis, toestand: Toestand, eenheid: Eenheidskosten) -> list[dict[str, Any]]:
    """Rows of ekt.csv: per sector, profile and pgb/mpt, the scenario beside today's regime."""
    vandaag = o.model_copy(update={"percentage": VANDAAG_PCT, "doelgroep": "iedereen_thuis"})
    rijen = []
    for k, g in sorted(kosten(toestand, eenheid).items()):
        if k[2] not in THUIS or instelling(k[0]) not in o.sectoren:
            continue
        budget, herkomst = _budget(o, k, g, eenheid.basis.heeft_kosten)
        uit: dict[str, Any] = {
            "sector": k[0],
            "zorgprofiel": k[1],
            "optie": k[2],
            "clienten_thuis": g.clienten,
            "budget_per_client": budget,
            "herkomst_budget": herkomst,
        }
        for achter, regime in (("_vandaag", vandaag), ("", o)):
            aanmerking = _in_aanmerking(regime, g.clienten)
            gebruikers = aanmerking * regime.gebruik_pct / 100
            uit[f"in_aanmerking{achter}"] = aanmerking
            uit[f"gebruikers{achter}"] = gebruikers
            uit[f"extra{achter}"] = (
                None if budget is None else gebruikers * budget * regime.percentage / 100 * regime.benutting_pct / 100
            )
        uit["verschil"] = None if budget is None else uit["extra"] - uit["extra_vandaag"]
        rijen.append(uit)
    return rijen


def referentie(rijen: list[dict[str, Any]]) -> str:
    thuis = sum(r["clienten_thuis"] for r in rijen)
    gebruikers = sum(r["gebruikers"] for r in rijen)
    aandeel = gebruikers / thuis * 100 if thuis else 0.0
    return (
        f"model: {format_number(gebruikers)} gebruikers van {format_number(thuis)} cliënten thuis met pgb of mpt "
        f"({format_number(aandeel, decimals=1)}%); seed 002: {format_number(SEED002_GEBRUIKERS)} gebruikers, circa "
        f"{format_number(SEED002_AANDEEL_PCT)}% van de thuiswonenden "
        f"({SEED002_BRON}) — de seed telt alle maatwerkregelingen over 14 maanden en ook vpt en ggz"
    )
