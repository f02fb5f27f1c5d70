"""Which leveringsvorm a profile allows, and how long an indicatiebesluit is valid.

- No pgb for the profiles of Rlz art. 5.5; a pgb only with gewaarborgde hulp for those of art. 5.6.
- The maximum validity of an indicatiebesluit (Rlz art. 3.2); otherwise indefinite (Blz art. 3.2.5).
Both lists live in the shared reference data (``wlz.reference``), which cites the articles per field.
"""

from __future__ import annotations

import numpy as np
from openfisca_core.periods import DateUnit

from wlz.reference import lookup, zorgprofielen
from wlz.rules import bronnen as B
from wlz.rules.entities import Persoon
from wlz.rules.enums import Zorgprofiel, profiel_key
from wlz.rules.model import WlzVariable

MONTH = DateUnit.MONTH


def _per_profiel(veld) -> np.ndarray:
    """A table over the Zorgprofiel enum of one reference field (ONBEKEND gets the 'no' value)."""
    waarden = {profiel_key(z.code): veld(z) for z in zorgprofielen().values()}
    return np.array([waarden.get(m.name, veld(None)) for m in Zorgprofiel])


_PGB_CODES = {"nee": 0, "ja": 1, "gewaarborgde_hulp": 2}
_PGB = _per_profiel(lambda z: 0 if z is None else _PGB_CODES[z.pgb])
_GELDIGHEID = _per_profiel(lambda z: 0 if z is None or z.max_geldigheid_maanden is None else z.max_geldigheid_maanden)


class pgb_toegestaan(WlzVariable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Pgb mogelijk voor dit zorgprofiel"
    bronnen = (B.RLZ_5_5, B.RLZ_5_6)

    def formula(persoon, period, parameters):
        soort = _PGB[np.asarray(persoon("zorgprofiel", "eternity"))]
        gewaarborgd = np.asarray(persoon("gewaarborgde_hulp", "eternity"))
        return (soort == 1) | ((soort == 2) & gewaarborgd)

    @staticmethod
    def uitleg(ctx):
        soort = lookup(ctx["zorgprofiel"].replace("_", "-")).pgb if ctx["zorgprofiel"] != "ONBEKEND" else "nee"
        if soort == "nee":
            return "Voor dit zorgprofiel wordt geen pgb verleend (Rlz art. 5.5)."
        if soort == "gewaarborgde_hulp":
            if ctx.waarde:
                return ("Voor dit zorgprofiel is een pgb alleen mogelijk met gewaarborgde hulp (Rlz art. 5.6); "
                        "die is er, dus een pgb is mogelijk.")
            return ("Voor dit zorgprofiel is een pgb alleen mogelijk met gewaarborgde hulp (Rlz art. 5.6); "
                    "die is niet opgegeven, dus een pgb is niet mogelijk.")
        return "Voor dit zorgprofiel is een pgb mogelijk."


class indicatie_max_geldigheid_maanden(WlzVariable):
    value_type = int
    entity = Persoon
    definition_period = MONTH
    label = "Maximale geldigheid van het indicatiebesluit in maanden (0 = onbepaalde tijd)"
    bronnen = (B.RLZ_3_2, B.BLZ_3_2_5)

    def formula(persoon, period, parameters):
        return _GELDIGHEID[np.asarray(persoon("zorgprofiel", period))]

    @staticmethod
    def uitleg(ctx):
        if not ctx.waarde:
            return "Het indicatiebesluit geldt voor onbepaalde tijd (Blz art. 3.2.5)."
        duur = "zes maanden" if ctx.waarde == 6 else f"{ctx.waarde // 12} jaar"
        return f"Het indicatiebesluit voor dit profiel geldt ten hoogste {duur} (Rlz art. 3.2)."
