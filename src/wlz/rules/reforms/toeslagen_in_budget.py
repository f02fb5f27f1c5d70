"""Reform: seed 000, aanbeveling 6 — count the toeslagen in the pgb and mpt budget.

NZa and Zorginstituut advised to keep the doelmatigheidsnorm but to include the toeslagen in the pgb and mpt
budget, except toeslagen bound to an instelling and toeslagen for gebruikelijke zorg, so that the budget comes
closer to the care an instelling would give. With this reform:

- ``toeslagen_meegeteld`` = toeslag beademing + other zorginhoudelijke toeslagen (user-supplied yearly amounts),
  prorated by days of care; the instellingsgebonden and gebruikelijke-zorg toeslagen stay out;
- ``pgb_budget`` = the budget of the rules in force (whatever formula the base system has) + those toeslagen;
  ``mpt_budget`` and the doelmatigheidstoets follow, because they are computed from ``pgb_budget``.
"""

from __future__ import annotations

import numpy as np
from openfisca_core.reforms import Reform

from wlz.rules import bronnen as B
from wlz.rules.entities import Persoon
from wlz.rules.model import WlzVariable, euro
from wlz.rules.variables._extra_zorg import YEAR, getal

MEEGETELD = ("toeslag_beademing", "toeslag_zorginhoudelijk_overig")
UITGESLOTEN = ("toeslag_instellingsgebonden", "toeslag_gebruikelijke_zorg")


class toeslagen_meegeteld(WlzVariable):
    value_type = float
    entity = Persoon
    definition_period = YEAR
    label = "Toeslagen die meetellen in het pgb- en mpt-budget (hervorming aanbeveling 6)"
    bronnen = (B.SEED_000_AANBEVELING_6, B.COD982, B.COD983)

    def formula(persoon, period, parameters):
        totaal = np.zeros(persoon.count)
        for naam in MEEGETELD:
            totaal = totaal + persoon(naam, period)
        deel = persoon("zorgdagen_jaar", period) / persoon("dagen_in_jaar", period)
        return totaal * deel

    @staticmethod
    def uitleg(ctx):
        beademing = getal(ctx.get("toeslag_beademing"))
        overig = getal(ctx.get("toeslag_zorginhoudelijk_overig"))
        buiten = getal(ctx.get("toeslag_instellingsgebonden")) + getal(ctx.get("toeslag_gebruikelijke_zorg"))
        tekst = (
            "Hervorming (Kamerbrief maatwerk in de Wlz, aanbeveling 6): de toeslagen tellen mee in het budget — "
            f"toeslag beademing "
            f"{euro(beademing)} en andere zorginhoudelijke toeslagen {euro(overig)} per jaar, naar rato van de "
            f"zorgdagen: {euro(ctx.waarde)}."
        )
        if buiten:
            tekst += (
                f" Instellingsgebonden toeslagen en toeslagen voor gebruikelijke zorg ({euro(buiten)}) tellen niet mee."
            )
        return tekst


def _pgb_budget_met_toeslagen(basis_variabele):
    """A ``pgb_budget`` class whose formula is the base formula plus the counted toeslagen."""

    class pgb_budget(WlzVariable):
        value_type = float
        entity = Persoon
        definition_period = YEAR
        label = "Persoonsgebonden budget voor het zorgprofiel, inclusief meetellende toeslagen (hervorming)"
        bronnen = tuple(getattr(basis_variabele, "__wlz_bronnen__", ())) + (B.SEED_000_AANBEVELING_6,)

        def formula(persoon, period, parameters):
            basis = basis_variabele.get_formula(period)
            return basis(persoon, period, parameters) + persoon("toeslagen_meegeteld", period)

        @staticmethod
        def uitleg(ctx):
            toeslagen = getal(ctx.get("toeslagen_meegeteld"))
            return (
                "Met de hervorming 'toeslagen in het budget' (Kamerbrief maatwerk in de Wlz, aanbeveling 6) is het "
                f"budget "
                f"{euro(ctx.waarde)}: het pgb volgens de geldende regels plus {euro(toeslagen)} aan meetellende "
                "toeslagen."
            )

    return pgb_budget


class ToeslagenInBudget(Reform):
    """Seed 000, aanbeveling 6: toeslagen (not instellingsgebonden, not gebruikelijke zorg) count in the budget."""

    name = "Toeslagen in het pgb- en mpt-budget (Kamerbrief maatwerk in de Wlz, aanbeveling 6)"

    def apply(self):
        basis = self.get_variable("pgb_budget")
        self.update_variable(toeslagen_meegeteld)
        self.update_variable(_pgb_budget_met_toeslagen(basis))
