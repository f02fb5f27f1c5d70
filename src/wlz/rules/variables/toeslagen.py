"""Toeslagen on the budget, and whether they count in the pgb/mpt budget (seed 000, aanbeveling 6).

Under the rules in force the pgb and mpt budget is computed without the toeslagen that care in an instelling
would carry (seed 000, aanbeveling 6: "Bij de berekening van het pgb budget wordt geen rekening gehouden met
toeslagen"), so ``toeslagen_meegeteld`` is 0. The reform ``toeslagen_in_budget`` (wlz.rules.reforms) counts them,
except toeslagen bound to an instelling and toeslagen for gebruikelijke zorg. The toeslag amounts are not public in
the sources here; the user supplies them per kind (iWlz code lists COD982 toeslag beademing, COD983 toeslag overig).
"""

from __future__ import annotations

import numpy as np

from wlz.rules import bronnen as B
from wlz.rules.entities import Persoon
from wlz.rules.model import WlzVariable
from wlz.rules.variables._extra_zorg import YEAR


class toeslag_beademing(WlzVariable):
    value_type = float
    entity = Persoon
    definition_period = YEAR
    label = "Toeslag beademing per jaar (invasief of non-invasief, iWlz COD982; door de gebruiker opgegeven)"


class toeslag_zorginhoudelijk_overig(WlzVariable):
    value_type = float
    entity = Persoon
    definition_period = YEAR
    label = (
        "Andere zorginhoudelijke toeslagen per jaar die bij verblijf bij het zzp horen (bv. gespecialiseerd "
        "verpleegkundig handelen, extra budget behandeling; iWlz COD983; door de gebruiker opgegeven)"
    )


class toeslag_instellingsgebonden(WlzVariable):
    value_type = float
    entity = Persoon
    definition_period = YEAR
    label = "Instellingsgebonden toeslagen per jaar (tellen ook in de hervorming niet mee)"


class toeslag_gebruikelijke_zorg(WlzVariable):
    value_type = float
    entity = Persoon
    definition_period = YEAR
    label = (
        "Toeslagen die te maken hebben met het leveren van gebruikelijke zorg, per jaar (tellen ook in de "
        "hervorming niet mee)"
    )


class toeslagen_meegeteld(WlzVariable):
    value_type = float
    entity = Persoon
    definition_period = YEAR
    label = "Toeslagen die meetellen in het pgb- en mpt-budget"
    bronnen = (B.SEED_000_AANBEVELING_6,)

    def formula(persoon, period, parameters):
        return np.zeros(persoon.count)

    @staticmethod
    def uitleg(ctx):
        return (
            "Onder de geldende regels tellen toeslagen niet mee in het pgb- en mpt-budget (Kamerbrief maatwerk "
            "in de Wlz, aanbeveling 6). Met de hervorming 'toeslagen_in_budget' tellen ze wel mee."
        )
