"""The €170 million taakstelling (seed 004 §1.1): a structural cut for ghz and vv from 2025, spread by a key.

The seed says how much, from when and for which sectors, but not how it is spread; the key is the user's
choice (``behandelcomponent`` by default, the component the advice is about, §1.2 r.177-180). The parts are
rounded to the cent with the largest-remainder method so they add up to the amount exactly. The ggz is
excluded (§1.3 r.207) and shows a zero row; years before ``vanaf`` show zeros.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from wlz.common.errors import InputError
from wlz.scenario.model import DAGTARIEF, Eenheidskosten, Groepskosten, Sleutel, Toestand, betaler, kosten
from wlz.scenario.schema import Taakstelling

KOP_KORTINGEN = [
    "jaar",
    "sector",
    "zorgprofiel",
    "optie",
    "sleutel",
    "grondslag",
    "korting",
    "tariefkorting_pct",
    "korting_per_client_per_dag",
    "korting_per_client_per_jaar",
    "clienten_getroffen",
    "opmerking",
]


def verdeel_centen(totaal_centen: int, gewichten: list[float]) -> list[int]:
    """Split whole cents in proportion to non-negative weights; the parts add up to ``totaal_centen`` exactly.

    Largest-remainder (Hamilton) method: everyone gets the floor of their quota, the cents left over go one by
    one to the largest fractional parts (ties: first in the list). Exact arithmetic on Decimals avoids a float
    quota landing a hair under an integer.
    """
    if totaal_centen < 0:
        raise ValueError("totaal_centen < 0")
    if any(g < 0 for g in gewichten):
        raise ValueError("negatief gewicht")
    w = [Decimal(repr(g)) for g in gewichten]
    som = sum(w, Decimal(0))
    if som == 0:
        if totaal_centen == 0:
            return [0] * len(gewichten)
        raise ValueError("alle gewichten zijn nul")
    quota = [g * totaal_centen / som for g in w]
    delen = [int(q) for q in quota]  # floor: quota are non-negative
    over = totaal_centen - sum(delen)
    volgorde = sorted(range(len(quota)), key=lambda i: (-(quota[i] - delen[i]), i))
    for i in volgorde[:over]:
        delen[i] += 1
    return delen


def grondslag(
    optie: Taakstelling, toestand: Toestand, eenheid: Eenheidskosten, groepen: dict[Sleutel, Groepskosten]
) -> dict[Sleutel, float]:
    """The key value per (sector, profile, option), pgb excluded (the korting is on provider tariffs)."""
    heeft_kosten = eenheid.basis.heeft_kosten
    if optie.sleutel != "per_dag" and not heeft_kosten:
        raise InputError(
            "taakstelling.sleutel",
            f"sleutel '{optie.sleutel}' vraagt euro's, maar de basis seed004 heeft geen kosten; kies "
            "sleutel per_dag of een uitvoermap van wlz analyse als basis",
        )
    out: dict[Sleutel, float] = {}
    for k, g in groepen.items():
        if k[2] == "pgb":
            continue
        if optie.sleutel == "per_dag":
            out[k] = g.dagen if heeft_kosten else g.clienten * eenheid.basis.dagen_in_jaar
        elif optie.sleutel == "totale_uitgaven":
            out[k] = g.wlz
        else:
            out[k] = behandelcomponent(k, g, toestand, eenheid)
    return out


def behandelcomponent(k: Sleutel, g: Groepskosten, toestand: Toestand, eenheid: Eenheidskosten) -> float:
    """Wlz € for behandeling of a group: modular behandeling paid by the Wlz, plus for an inclusief option the
    part of its day tariff above the exclusief tariff of the same sector and profile (derived from the basis)."""
    sector, p, optie = k
    per_dag = eenheid.per_dag.get(k, {})
    bedrag = 0.0
    for soort, tarief in per_dag.items():
        if soort == "behandeling_modulair" and betaler(soort, sector, p, optie, toestand.betalers) == "wlz":
            bedrag += g.dagen * tarief
    if optie in DAGTARIEF:
        soort, excl = DAGTARIEF[optie]
        excl_tarief = eenheid.per_dag.get((sector, p, excl), {}).get(soort)
        if excl_tarief is not None:
            bedrag += g.dagen * max(0.0, per_dag.get(soort, 0.0) - excl_tarief)
    return bedrag


def kortingen(optie: Taakstelling, toestand: Toestand, eenheid: Eenheidskosten) -> list[dict[str, Any]]:
    """Rows of kortingen.csv: per year in ``optie.jaren`` the cut per group, and a zero ggz row."""
    groepen = kosten(toestand, eenheid)
    basis = grondslag(optie, toestand, eenheid, groepen)
    sleutels = sorted(basis)
    gewichten = [basis[k] for k in sleutels]
    totaal = int((Decimal(repr(optie.bedrag)) * 100).to_integral_value())
    if sum(gewichten) <= 0 and totaal > 0:
        raise InputError(
            "taakstelling.sleutel", f"de grondslag '{optie.sleutel}' is nul in deze basis; kies een andere sleutel"
        )
    centen = verdeel_centen(totaal, gewichten)
    rijen: list[dict[str, Any]] = []
    for jaar in optie.jaren:
        actief = jaar >= optie.vanaf
        for k, c in zip(sleutels, centen, strict=True):
            g = groepen[k]
            bedrag = (Decimal(c if actief else 0) / 100).quantize(Decimal("0.01"))
            dagen = g.dagen if eenheid.basis.heeft_kosten else g.clienten * eenheid.basis.dagen_in_jaar
            rijen.append(
                {
                    "jaar": jaar,
                    "sector": k[0],
                    "zorgprofiel": k[1],
                    "optie": k[2],
                    "sleutel": optie.sleutel,
                    "grondslag": basis[k],
                    "korting": bedrag,
                    "tariefkorting_pct": float(bedrag) / g.wlz * 100 if g.wlz > 0 else None,
                    "korting_per_client_per_dag": float(bedrag) / dagen if dagen > 0 else None,
                    "korting_per_client_per_jaar": float(bedrag) / g.clienten if g.clienten > 0 else None,
                    "clienten_getroffen": g.clienten if bedrag > 0 else 0.0,
                    "opmerking": "" if actief else f"vóór {optie.vanaf}: geen korting (seed 004 §1.1)",
                }
            )
        rijen.append(
            {
                "jaar": jaar,
                "sector": "ggz",
                "zorgprofiel": "alle",
                "optie": "alle",
                "sleutel": optie.sleutel,
                "grondslag": None,
                "korting": Decimal("0.00"),
                "tariefkorting_pct": None,
                "korting_per_client_per_dag": None,
                "korting_per_client_per_jaar": None,
                "clienten_getroffen": 0.0,
                "opmerking": "ggz uitgezonderd (seed 004 §1.3 r.204-207: de opdracht gaat over ghz en vv)",
            }
        )
    return rijen
