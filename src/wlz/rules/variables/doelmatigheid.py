"""The doelmatigheidstoets for care at home (Wlz art. 3.3.2 lid 4 onder b; Rlz art. 5.1 and 5.2).

A modulair pakket thuis, or an mpt together with a pgb, may not cost more than the pgb the client would get
if he chose only a pgb. The modules the Rlz leaves out of that sum (cleaning paid from the pgb, begeleiding
groep, behandeling: Rlz art. 5.1 lid 1) are not counted. When the client has extra kosten thuis, the limit is
raised by the granted raise (Rlz art. 5.3; see ekt.py). The test applies to mpt and mpt+pgb only; for the
other leveringsvormen the variable says so.
"""

from __future__ import annotations

import numpy as np
from openfisca_core.periods import DateUnit

from wlz.rules import bronnen as B
from wlz.rules.entities import Persoon
from wlz.rules.enums import Leveringsvorm
from wlz.rules.model import WlzVariable, euro, is_onbekend

YEAR = DateUnit.YEAR


def _heeft(persoon, naam: str) -> bool:
    return naam in persoon.simulation.tax_benefit_system.variables


def _mpt(persoon) -> np.ndarray:
    lv = persoon("leveringsvorm", "eternity")
    return (lv == Leveringsvorm.mpt) | (lv == Leveringsvorm.mpt_pgb)


class doelmatigheid_kosten(WlzVariable):
    value_type = float
    entity = Persoon
    definition_period = YEAR
    label = "Kosten die meetellen in de doelmatigheidstoets (mpt-modules, plus het pgb bij mpt met pgb)"
    bronnen = (B.WLZ_3_3_2, B.RLZ_5_1, B.RLZ_5_2)

    def formula(persoon, period, parameters):
        # the costs are given per year, like the pgb they are compared with; both count for the days of care
        # in this year only (Rlz art. 5.14 lid 3), so a part year compares like with like
        modules = np.maximum(persoon("mpt_kosten", period) - persoon("mpt_kosten_buiten_toets", period), 0)
        lv = persoon("leveringsvorm", "eternity")
        pgb = np.where(lv == Leveringsvorm.mpt_pgb, persoon("pgb_deel", period), 0.0)
        deel = persoon("zorgdagen_jaar", period) / persoon("dagen_in_jaar", period)
        return np.where(_mpt(persoon), (modules + pgb) * deel, 0.0)

    @staticmethod
    def uitleg(ctx):
        buiten = ctx["mpt_kosten_buiten_toets"]
        tekst = f"Mee te tellen kosten per jaar: mpt-modules {euro(ctx['mpt_kosten'])}"
        if buiten:
            tekst += (
                f", min {euro(buiten)} voor modules die niet meetellen (schoonmaak, begeleiding groep, "
                "behandeling; Rlz art. 5.1 lid 1)"
            )
        if ctx["leveringsvorm"] == "mpt_pgb":
            tekst += f", plus het gevraagde pgb {euro(ctx['pgb_deel'])} (Wlz art. 3.3.2 lid 4 onder b)"
        dagen, jaar = ctx["zorgdagen_jaar"], ctx["dagen_in_jaar"]
        if dagen < jaar:
            return tekst + (
                f". Over de {dagen} van de {jaar} dagen met zorg in dit jaar is dat naar rato "
                f"{euro(ctx.waarde)}, zoals ook de grens naar rato is (Rlz art. 5.14 lid 3)."
            )
        return tekst + f": samen {euro(ctx.waarde)}."


class doelmatigheid_grens(WlzVariable):
    value_type = float
    entity = Persoon
    definition_period = YEAR
    label = "Grens van de doelmatigheidstoets: het pgb dat de client anders zou krijgen, plus extra kosten thuis"
    bronnen = (B.WLZ_3_3_2, B.RLZ_5_2, B.RLZ_5_3)

    def formula(persoon, period, parameters):
        grens = persoon("pgb_budget", period)
        if _heeft(persoon, "ekt_verhoging"):
            grens = grens + persoon("ekt_verhoging", period)
        return grens

    @staticmethod
    def uitleg(ctx):
        ekt = ctx.get("ekt_verhoging") or 0.0
        if is_onbekend(ctx.waarde):
            return (
                "De grens is het pgb dat u zou krijgen als u alleen een pgb had gekozen (Wlz art. 3.3.2 lid 4 "
                "onder b, Rlz art. 5.2 lid 1). Voor dit zorgprofiel is in deze periode geen pgb-bedrag bekend, "
                "dus de grens is onbekend."
            )
        tekst = (
            f"De grens is het pgb dat u zou krijgen als u alleen een pgb had gekozen: {euro(ctx['pgb_budget'])} "
            "(Wlz art. 3.3.2 lid 4 onder b, Rlz art. 5.2 lid 1)"
        )
        if ekt:
            tekst += f", verhoogd met {euro(ekt)} extra kosten thuis (Rlz art. 5.3)"
        return tekst + f". Grens: {euro(ctx.waarde)}."


class doelmatigheid_ruimte(WlzVariable):
    value_type = float
    entity = Persoon
    definition_period = YEAR
    label = "Ruimte onder de grens van de doelmatigheidstoets (negatief: overschrijding)"
    bronnen = (B.WLZ_3_3_2,)

    def formula(persoon, period, parameters):
        return persoon("doelmatigheid_grens", period) - persoon("doelmatigheid_kosten", period)

    @staticmethod
    def uitleg(ctx):
        if ctx["leveringsvorm"] not in ("mpt", "mpt_pgb"):
            return "Niet van toepassing: de toets geldt alleen voor een modulair pakket thuis (eventueel met pgb)."
        if is_onbekend(ctx.waarde):
            return "Kan niet worden berekend: de grens van de toets is voor deze periode onbekend."
        return (
            f"Grens {euro(ctx['doelmatigheid_grens'])} min mee te tellen kosten "
            f"{euro(ctx['doelmatigheid_kosten'])} = {euro(ctx.waarde)}."
        )


class doelmatig(WlzVariable):
    value_type = bool
    default_value = True
    entity = Persoon
    definition_period = YEAR
    label = "Voldoet aan de doelmatigheidstoets voor zorg thuis"
    bronnen = (B.WLZ_3_3_2, B.RLZ_5_1, B.RLZ_5_2)
    onbekend_als = ("doelmatigheid_ruimte",)

    @staticmethod
    def van_toepassing(ctx):
        # only a modular package at home is tested; for a pgb or verblijf an unknown limit does not matter
        return ctx["leveringsvorm"] in ("mpt", "mpt_pgb")

    def formula(persoon, period, parameters):
        ruimte = persoon("doelmatigheid_ruimte", period)
        return ~_mpt(persoon) | (ruimte >= -0.01)  # within a cent: float32 rounding, in the client's favour

    @staticmethod
    def uitleg(ctx):
        if ctx["leveringsvorm"] not in ("mpt", "mpt_pgb"):
            return (
                "De doelmatigheidstoets van Wlz art. 3.3.2 lid 4 onder b geldt alleen voor een modulair pakket "
                "thuis (eventueel met pgb); voor deze leveringsvorm is hij niet van toepassing."
            )
        kosten, grens, ruimte = ctx["doelmatigheid_kosten"], ctx["doelmatigheid_grens"], ctx["doelmatigheid_ruimte"]
        if is_onbekend(ruimte):
            return (
                f"De doelmatigheidstoets kan niet worden beoordeeld: de grens (het pgb dat u anders zou krijgen, "
                f"Wlz art. 3.3.2 lid 4 onder b, Rlz art. 5.2 lid 1) is voor deze periode onbekend, omdat de "
                f"parameters geen bedrag voor dit zorgprofiel in dit jaar kennen. De kosten ({euro(kosten)}) "
                "kunnen dus niet met de grens worden vergeleken; dit is geen besluit over het pakket."
            )
        if ctx.waarde:
            return (
                f"De kosten ({euro(kosten)}) zijn niet hoger dan de grens ({euro(grens)}). De zorg thuis is "
                f"doelmatig; er is nog {euro(ruimte)} ruimte (Wlz art. 3.3.2 lid 4 onder b)."
            )
        return (
            f"De kosten ({euro(kosten)}) zijn {euro(-ruimte)} hoger dan de grens ({euro(grens)}). Zo kan het "
            "pakket niet worden verleend (Wlz art. 3.3.2 lid 4 onder b); het pakket moet kleiner of goedkoper, "
            "of een verhoging wegens extra kosten thuis (Rlz art. 5.3) moet worden bekeken."
        )
