"""Extra kosten thuis (EKT): a raise of at most 25% on the mpt or pgb budget for care at home (Rlz art. 5.3).

- Who: until 30 June 2018 only the groups of Rlz art. 5.3 lid 3 — (a) under 23, to grow up at home; (b) a parent
  of a child under 18; (c) care because of a somatic condition or a physical or sensory handicap, without a
  verstandelijke handicap, psychiatrische aandoening or psychogeriatrische beperking, to work or study from home.
  From 1 July 2018 everyone with Wlz care at home through an mpt or a pgb (seed 002, maatregel 1). That change
  falls between two days of one year, so eligibility is a MONTH variable with dated formulas.
- How much: at most ``ekt.maximale_verhoging`` (25%) of the budget (Rlz art. 5.3 lid 1 and 2); granted is the
  requested extra need, up to that maximum.
- Palliative exception: for profile VV10 (Beschermd verblijf met intensieve palliatief-terminale zorg) the budget
  may be raised as far as needed to receive that care at home, without the 25% cap and without the groups
  (Rlz art. 5.3 lid 4 and 5). The "maximum" is then the requested need itself.
- The first Rlz text (1 January 2015) had a fourth group (lid 3 onder d, iWlz COD981 code 4 "4 etmalen"),
  removed by the amendment of 14 July 2015 (Stcrt. 2015, 21149); its wording is not in the sources here, so it
  is not modelled.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from wlz.rules import bronnen as B
from wlz.rules.entities import Persoon
from wlz.rules.enums import Zorgprofiel
from wlz.rules.model import WlzVariable, euro, ja_nee_open, niet_opgegeven, open_zin
from wlz.rules.tabellen import waarde
from wlz.rules.variables._extra_zorg import (
    ETERNITY,
    MONTH,
    MPT_OF_PGB,
    YEAR,
    ergens_in_jaar,
    getal,
    leveringsvorm_in,
    maanden_param,
    naam,
    param,
    peildatum,
)
from wlz.rules.variables.budget import naar_rato
from wlz.rules.variables.periode import ALTIJD_AL, datum_leeftijd, zorgdagen_tussen, zorgvenster

VERRUIMING = "2018-07-01"

# ---------------------------------------------------------------------------------------------- inputs


class geboortedatum_jongste_kind(WlzVariable):
    value_type = dt.date
    default_value = dt.date(1900, 1, 1)
    entity = Persoon
    definition_period = ETERNITY
    label = "Geboortedatum van het jongste kind van de client (weglaten: geen kind jonger dan 18)"


class grondslag_somatisch_lichamelijk_zintuiglijk(WlzVariable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = ETERNITY
    label = (
        "Aangewezen op zorg vanwege een somatische aandoening of beperking, of een lichamelijke of zintuiglijke "
        "handicap"
    )


class grondslag_verstandelijk_psychiatrisch_psychogeriatrisch(WlzVariable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = ETERNITY
    label = "Er is (ook) een verstandelijke handicap, psychiatrische aandoening of psychogeriatrische beperking"


class werk_of_studie_vanuit_huis(WlzVariable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = ETERNITY
    label = "Verwerft vanuit huis inkomen uit werk, of volgt een studie of opleiding daarvoor"


class ekt_gevraagd(WlzVariable):
    value_type = float
    entity = Persoon
    definition_period = YEAR
    label = "Gevraagde verhoging wegens extra kosten thuis (extra zorgkosten per jaar boven het budget)"


# ------------------------------------------------------------------------------------ eligibility, monthly


class ekt_thuis_mpt_pgb(WlzVariable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Woont thuis met een modulair pakket thuis of een pgb (of beide)"
    bronnen = (B.RLZ_5_3,)

    def formula(persoon, period, parameters):
        return leveringsvorm_in(persoon, MPT_OF_PGB)


class ekt_palliatief(WlzVariable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Palliatief-terminale zorg thuis (zorgprofiel VV10) met mpt of pgb"
    bronnen = (B.RLZ_5_3,)

    def formula(persoon, period, parameters):
        profiel = persoon("zorgprofiel", "eternity")
        return (profiel == Zorgprofiel.VV10) & persoon("ekt_thuis_mpt_pgb", period)


class ekt_groep_jonger_dan_23(WlzVariable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Jonger dan 23 jaar (Rlz art. 5.3 lid 3 onder a)"
    bronnen = (B.RLZ_5_3,)

    def formula(persoon, period, parameters):
        return persoon("leeftijd", period) < 23


class ekt_groep_ouder_van_kind(WlzVariable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Ouder van een kind jonger dan 18 jaar (Rlz art. 5.3 lid 3 onder b)"
    bronnen = (B.RLZ_5_3,)

    def formula(persoon, period, parameters):
        # a child younger than 18 on at least one day of the month: born by its last day, 18 after its first;
        # the amounts count only those days (ekt_recht_dagen)
        kind = np.asarray(persoon("geboortedatum_jongste_kind", "eternity"), dtype="datetime64[D]")
        eerste, laatste = np.datetime64(str(period.start), "D"), np.datetime64(str(period.stop), "D")
        return (kind <= laatste) & (datum_leeftijd(kind, 18) > eerste)


class ekt_groep_werk_of_studie(WlzVariable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = (
        "Somatische, lichamelijke of zintuiglijke grondslag zonder verstandelijke, psychiatrische of "
        "psychogeriatrische grondslag, en werk of studie vanuit huis (Rlz art. 5.3 lid 3 onder c)"
    )
    bronnen = (B.RLZ_5_3,)

    def formula(persoon, period, parameters):
        return (
            persoon("grondslag_somatisch_lichamelijk_zintuiglijk", "eternity")
            & ~persoon("grondslag_verstandelijk_psychiatrisch_psychogeriatrisch", "eternity")
            & persoon("werk_of_studie_vanuit_huis", "eternity")
        )


class ekt_recht(WlzVariable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Komt in aanmerking voor extra kosten thuis (in deze maand)"
    bronnen = (B.RLZ_5_3, B.STCRT_2015_21149, B.SEED_002, B.ILZ_EKT)

    def formula_2015_01(persoon, period, parameters):
        groep = (
            persoon("ekt_groep_jonger_dan_23", period)
            | persoon("ekt_groep_ouder_van_kind", period)
            | persoon("ekt_groep_werk_of_studie", period)
        )
        return (persoon("ekt_thuis_mpt_pgb", period) & groep) | persoon("ekt_palliatief", period)

    def formula_2018_07(persoon, period, parameters):
        return persoon("ekt_thuis_mpt_pgb", period) | persoon("ekt_palliatief", period)

    @staticmethod
    def open_als(ctx):
        return open_criteria(ctx)

    @staticmethod
    def uitleg(ctx):
        return uitleg_recht(ctx)


class ekt_recht_dagen(WlzVariable):
    value_type = int
    entity = Persoon
    definition_period = MONTH
    label = "Zorgdagen in deze maand waarop de client in aanmerking komt voor extra kosten thuis"
    bronnen = (B.RLZ_5_3, B.RLZ_5_14)

    def formula_2015_01(persoon, period, parameters):
        # Rlz art. 5.3 lid 3 counts to the day: "de leeftijd van 23 jaar nog niet bereikt" ends on the 23rd
        # birthday, a child is "jonger dan 18" until its 18th; the days of either group (a union) count
        zorgdagen = persoon("zorgdagen", period)
        recht = persoon("ekt_recht", period)
        if not recht.any():
            return np.zeros(persoon.count, dtype=int)
        geheel = persoon("ekt_palliatief", period) | persoon("ekt_groep_werk_of_studie", period)
        venster = zorgvenster(persoon)
        tot_23 = datum_leeftijd(persoon("geboortedatum", "eternity"), 23)
        kind = np.asarray(persoon("geboortedatum_jongste_kind", "eternity"), dtype="datetime64[D]")
        kind_18 = datum_leeftijd(kind, 18)
        jong = zorgdagen_tussen(venster, period, ALTIJD_AL, tot_23)
        met_kind = zorgdagen_tussen(venster, period, kind, kind_18)
        beide = zorgdagen_tussen(venster, period, kind, np.minimum(tot_23, kind_18))
        return np.where(recht, np.where(geheel, zorgdagen, jong + met_kind - beide), 0)

    def formula_2018_07(persoon, period, parameters):
        return np.where(persoon("ekt_recht", period), persoon("zorgdagen", period), 0)


_WERK_OF_STUDIE = "werk of studie vanuit huis (Rlz art. 5.3 lid 3 onder c)"


def open_criteria(ctx) -> list[str]:
    """Before 1 July 2018: the unanswered question on work or study from home decides when the client is in no
    other group but has the somatic, physical or sensory grondslag of group c (and care at home with mpt or pgb)."""
    if "werk_of_studie_vanuit_huis" not in niet_opgegeven(ctx) or peildatum(ctx) >= VERRUIMING:
        return []
    if ctx.get("ekt_palliatief") or not ctx.get("ekt_thuis_mpt_pgb"):
        return []
    if ctx.get("ekt_groep_jonger_dan_23") or ctx.get("ekt_groep_ouder_van_kind"):
        return []
    somatisch = ctx.get("grondslag_somatisch_lichamelijk_zintuiglijk")
    if not somatisch or ctx.get("grondslag_verstandelijk_psychiatrisch_psychogeriatrisch"):
        return []
    return [_WERK_OF_STUDIE]


def uitleg_recht(ctx) -> str:
    """Why a client does or does not qualify for EKT in a month, by the rule in force that month."""
    lv = naam(ctx.get("leveringsvorm", ""))
    if ctx.get("ekt_palliatief"):
        return (
            "U krijgt palliatief-terminale zorg thuis (zorgprofiel VV10). Het budget mag dan zo ver worden "
            "verhoogd als nodig is om die zorg thuis te krijgen, zonder grens van 25% (Rlz art. 5.3 lid 4 en 5)."
        )
    if not ctx.get("ekt_thuis_mpt_pgb", lv in ("mpt", "pgb", "mpt_pgb")):
        return (
            "Extra kosten thuis is een verhoging van een modulair pakket thuis of een pgb (Rlz art. 5.3 lid 1 "
            "en 2). U krijgt uw zorg niet met een mpt of pgb, dus u komt er niet voor in aanmerking."
        )
    if peildatum(ctx) >= VERRUIMING:
        return (
            "Sinds 1 juli 2018 kan iedereen die Wlz-zorg thuis krijgt met een mpt of pgb tot 25% extra budget "
            "krijgen als de zorg op basis van het zorgprofiel niet voldoende is (Kamerbrief zorg thuis 2018, "
            "maatregel 1). U krijgt zorg thuis met een mpt of pgb, dus u komt in aanmerking."
        )
    groepen = []
    if ctx.get("ekt_groep_jonger_dan_23"):
        groepen.append("u bent jonger dan 23 jaar (onder a)")
    if ctx.get("ekt_groep_ouder_van_kind"):
        groepen.append("u heeft een kind jonger dan 18 jaar (onder b)")
    if ctx.get("ekt_groep_werk_of_studie"):
        groepen.append(
            "u heeft een somatische, lichamelijke of zintuiglijke grondslag zonder verstandelijke, "
            "psychiatrische of psychogeriatrische grondslag en werkt of studeert vanuit huis (onder c)"
        )
    regel = (
        "Tot 1 juli 2018 gold extra kosten thuis alleen voor de groepen van Rlz art. 5.3 lid 3: jonger dan "
        "23 jaar; ouder van een kind jonger dan 18; of zorg vanwege een somatische, lichamelijke of "
        "zintuiglijke beperking (zonder verstandelijke, psychiatrische of psychogeriatrische grondslag) om "
        "vanuit huis te werken of te studeren."
    )
    if groepen:
        return f"{regel} U hoort bij een van die groepen: {'; '.join(groepen)}. U komt in aanmerking."
    open_ = open_criteria(ctx)
    if open_:
        return (
            f"{regel} U hoort niet bij de groepen onder a en b; of u bij de groep onder c hoort, hangt af van "
            f"werk of studie vanuit huis: {ja_nee_open(ctx, 'werk_of_studie_vanuit_huis')}. {open_zin(open_)}"
        )
    return f"{regel} U hoort bij geen van die groepen, dus u komt (nog) niet in aanmerking."


# --------------------------------------------------------------------------------------- amounts, monthly


class ekt_max_verhoging_jaarbedrag(WlzVariable):
    value_type = float
    entity = Persoon
    definition_period = MONTH
    label = "Maximale verhoging wegens extra kosten thuis, als jaarbedrag (regels en bedragen van deze maand)"
    bronnen = (B.RLZ_5_3,)

    def formula(persoon, period, parameters):
        factor = waarde(parameters(period).ekt, "maximale_verhoging")
        recht = persoon("ekt_recht", period)
        palliatief = persoon("ekt_palliatief", period)
        gevraagd = persoon("ekt_gevraagd", period.this_year)
        max_25 = factor * persoon("pgb_jaarbedrag", period)
        return np.where(palliatief, gevraagd, np.where(recht, max_25, 0.0))


class ekt_verhoging_jaarbedrag(WlzVariable):
    value_type = float
    entity = Persoon
    definition_period = MONTH
    label = "Toegekende verhoging wegens extra kosten thuis, als jaarbedrag (in deze maand)"
    bronnen = (B.RLZ_5_3,)

    def formula(persoon, period, parameters):
        gevraagd = persoon("ekt_gevraagd", period.this_year)
        maximum = persoon("ekt_max_verhoging_jaarbedrag", period)
        return np.where(persoon("ekt_recht", period), np.minimum(gevraagd, maximum), 0.0)


# ---------------------------------------------------------------------------------------- results, yearly


class ekt_in_aanmerking(WlzVariable):
    value_type = bool
    entity = Persoon
    definition_period = YEAR
    label = "Komt in deze periode (op ten minste één zorgdag) in aanmerking voor extra kosten thuis"
    bronnen = (B.RLZ_5_3, B.SEED_002)

    def formula(persoon, period, parameters):
        return ergens_in_jaar(persoon, period, "ekt_recht", "ekt_recht_dagen")

    @staticmethod
    def open_als(ctx):
        return open_criteria(ctx)

    @staticmethod
    def uitleg(ctx):
        open_ = [] if ctx.waarde else open_criteria(ctx)
        if open_:
            return "Of u in deze periode in aanmerking komt voor extra kosten thuis (Rlz art. 5.3 lid 3): " + open_zin(
                open_
            )
        if ctx.waarde:
            return (
                "U komt in deze periode in aanmerking voor extra kosten thuis (Rlz art. 5.3; sinds 1 juli 2018 "
                "voor iedereen met Wlz-zorg thuis met een mpt of pgb, Kamerbrief zorg thuis 2018)."
            )
        return (
            "U komt in deze periode niet in aanmerking voor extra kosten thuis: daarvoor is zorg thuis met een "
            "mpt of pgb nodig, en vóór 1 juli 2018 bovendien een van de groepen van Rlz art. 5.3 lid 3."
        )


class ekt_max_verhoging(WlzVariable):
    value_type = float
    entity = Persoon
    definition_period = YEAR
    label = "Maximale verhoging van het budget wegens extra kosten thuis (naar rato van de zorgdagen)"
    bronnen = (B.RLZ_5_3, B.RLZ_5_14, B.SEED_002)

    def formula(persoon, period, parameters):
        return naar_rato(persoon, period, "ekt_max_verhoging_jaarbedrag", "ekt_recht_dagen")

    @staticmethod
    def uitleg(ctx):
        factor = param(ctx, "ekt.maximale_verhoging")
        pct = f"{round(100 * factor)}%" if factor is not None else "het wettelijke percentage"
        if naam(ctx.get("zorgprofiel", "")) == "VV10" and naam(ctx.get("leveringsvorm", "")) in (
            "mpt",
            "pgb",
            "mpt_pgb",
        ):
            return (
                f"Voor palliatief-terminale zorg thuis (VV10) geldt geen vaste grens: het budget mag zo ver "
                f"omhoog als nodig is (Rlz art. 5.3 lid 4 en 5). Als maximum geldt daarom de gevraagde "
                f"verhoging: {euro(ctx.waarde)}."
            )
        if not ctx.get("ekt_in_aanmerking", ctx.waarde > 0):
            if open_criteria(ctx):
                return "Zolang niet is beoordeeld of u in aanmerking komt (niet opgegeven), is er geen verhoging."
            return "U komt niet in aanmerking voor extra kosten thuis; de maximale verhoging is € 0."
        if np.isnan(ctx.waarde):
            return (
                f"De verhoging is ten hoogste {pct} van het budget (Rlz art. 5.3 lid 1 en 2), maar voor dit "
                "zorgprofiel en deze periode is geen pgb-bedrag bekend; het maximum kan niet worden berekend."
            )
        budget = getal(ctx.get("pgb_budget"), float("nan"))
        basis = f" van het budget van {euro(budget)}" if budget == budget else " van het budget"
        return (
            f"De verhoging is ten hoogste {pct}{basis} (Rlz art. 5.3 lid 1 en 2), naar rato van de "
            f"zorgdagen waarin u in aanmerking komt: {euro(ctx.waarde)}."
        )


class ekt_verhoging(WlzVariable):
    value_type = float
    entity = Persoon
    definition_period = YEAR
    label = "Toegekende verhoging wegens extra kosten thuis (gevraagd, ten hoogste het maximum; naar rato)"
    bronnen = (B.RLZ_5_3, B.RLZ_5_14, B.SEED_002)

    def formula(persoon, period, parameters):
        return naar_rato(persoon, period, "ekt_verhoging_jaarbedrag", "ekt_recht_dagen")

    @staticmethod
    def uitleg(ctx):
        gevraagd = getal(ctx.get("ekt_gevraagd"))
        maximum = getal(ctx.get("ekt_max_verhoging"), float("nan"))
        if not ctx.get("ekt_in_aanmerking", True) and not ctx.waarde and open_criteria(ctx):
            return "Zolang niet is beoordeeld of u in aanmerking komt (niet opgegeven), is er geen verhoging."
        if not ctx.get("ekt_in_aanmerking", True) and not ctx.waarde:
            return "Er is geen verhoging wegens extra kosten thuis, omdat u er niet voor in aanmerking komt."
        if gevraagd <= 0:
            return (
                "Er is geen verhoging gevraagd (ekt_gevraagd); toegekend wordt € 0. Vraag de extra kosten per "
                "jaar aan die nodig zijn bovenop het budget."
            )
        if np.isnan(ctx.waarde):
            return "De verhoging kan niet worden berekend, omdat het budget voor deze periode niet bekend is."
        if maximum == maximum and ctx.waarde < gevraagd - 0.005 and abs(ctx.waarde - maximum) < 0.01:
            return (
                f"Gevraagd is {euro(gevraagd)} per jaar; dat is meer dan het maximum van {euro(maximum)}. "
                f"Toegekend wordt het maximum: {euro(ctx.waarde)} (Rlz art. 5.3)."
            )
        return (
            f"Gevraagd is {euro(gevraagd)} per jaar, niet meer dan het maximum; toegekend wordt "
            f"{euro(ctx.waarde)} (naar rato van de zorgdagen waarin u in aanmerking komt; Rlz art. 5.3, "
            "art. 5.14 lid 3)."
        )


class ekt_max_looptijd_maanden(WlzVariable):
    value_type = int
    entity = Persoon
    definition_period = YEAR
    label = "Langste looptijd van een beschikking extra kosten thuis, in maanden (0 = niet bekend)"
    bronnen = (B.SEED_000_EKT_LOOPTIJD,)

    def formula(persoon, period, parameters):
        return maanden_param(persoon, period, parameters, "ekt", "max_looptijd_maanden")

    @staticmethod
    def uitleg(ctx):
        if not ctx.waarde:
            return "Voor deze periode is in de bronnen geen langste looptijd van een EKT-beschikking gevonden."
        return (
            f"Een beschikking extra kosten thuis kan voor meerdere jaren worden afgegeven, tot ten hoogste "
            f"{ctx.waarde} maanden (Kamerbrief maatwerk in de Wlz (Kamerstuk 34 104, nr. 167), aanbeveling 2)."
        )
