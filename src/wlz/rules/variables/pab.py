"""Persoonlijk assistentiebudget (PAB): a pgb raised up to a high maximum for 24-hour assistance (Rlz art. 5.15a).

Criteria (lid 1): a profile of the list (2015: LG5 or LG7, or zzp LG 5 / LG 7; later pages also name LG6, VV7,
VV8 — see parameters/pab/profielen.yaml for the dates), a pgb, and the client
(a) needs permanent supervision or 24-hour care nearby for medical reasons, to be safe in life-threatening
    situations;
(b) is 18 or older;
(c) has no cognitive limitation;
(d) can carry out the budget holder's tasks (Wlz art. 3.3.3 lid 4 onder b and c) himself, without a representative.
Lid 2 (a physician's statement, the zorgkantoor sees the client in person) is procedure, not computed here.
Maximum: € 219.000 in 2015, € 146.000 with a spouse (lid 3); € 239.110 in 2019 (seed 002); € 304.328 in 2020
(regelhulp.nl). Years without a known amount give "onbekend" unless the user supplies ``pab_maximum_opgegeven``.
The annual maximum is prorated by days of care (Rlz art. 5.14 lid 3), month by month.
"""

from __future__ import annotations

import numpy as np

from wlz.rules import bronnen as B
from wlz.rules.entities import Huishouden, Persoon
from wlz.rules.model import WlzVariable, antwoord, euro, ja_nee, niet_opgegeven, open_zin
from wlz.rules.tabellen import profiel_tabel, waarde
from wlz.rules.variables._extra_zorg import (
    ETERNITY,
    MONTH,
    PGB,
    YEAR,
    ergens_in_jaar,
    getal,
    leveringsvorm_in,
    param,
)
from wlz.rules.variables.budget import naar_rato
from wlz.rules.variables.periode import datum_leeftijd, zorgdagen_vanaf_leeftijd

# ---------------------------------------------------------------------------------------------- inputs


class medische_noodzaak_permanent_toezicht(WlzVariable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = ETERNITY
    label = (
        "Vanuit medische noodzaak aangewezen op permanent toezicht of 24 uur per dag zorg in de nabijheid, "
        "voor de veiligheid in levensbedreigende situaties (oordeel van een behandelend arts)"
    )


class geen_cognitieve_beperking(WlzVariable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = ETERNITY
    label = "Heeft geen cognitieve beperkingen"


class budget_zelf_beheren(WlzVariable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = ETERNITY
    label = (
        "Kan zelf, zonder vertegenwoordiger, de taken van een budgethouder uitvoeren (Wlz art. 3.3.3 lid 4 "
        "onder b en c)"
    )


class pab_maximum_opgegeven(WlzVariable):
    value_type = float
    entity = Persoon
    definition_period = YEAR
    label = "Maximum pab per jaar opgegeven door de gebruiker, voor jaren zonder bekend bedrag (0 = uit de parameters)"


# ------------------------------------------------------------------------------------------- criteria


class pab_profiel(WlzVariable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Zorgprofiel waarmee een persoonlijk assistentiebudget kan worden aangevraagd"
    bronnen = (B.RLZ_5_15A, B.ILZ_PAB)

    def formula(persoon, period, parameters):
        tabel = profiel_tabel(parameters(period).pab.profielen)
        return np.nan_to_num(tabel[np.asarray(persoon("zorgprofiel", "eternity"))]) == 1


class pab_met_pgb(WlzVariable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Ontvangt de zorg (ook) met een persoonsgebonden budget"
    bronnen = (B.RLZ_5_15A,)

    def formula(persoon, period, parameters):
        return leveringsvorm_in(persoon, PGB)


class pab_meerderjarig(WlzVariable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Is in deze maand 18 jaar geworden of ouder (Rlz art. 5.15a lid 1 onder b)"
    bronnen = (B.RLZ_5_15A,)

    def formula(persoon, period, parameters):
        # 18 on at least one day of the month; the amount counts only the days from the 18th birthday on
        # (pab_recht_dagen), so a birthday on 15 June gives the pab from 15 June, not from 1 July
        geboren = np.asarray(persoon("geboortedatum", "eternity"), dtype="datetime64[D]")
        return datum_leeftijd(geboren, 18) <= np.datetime64(str(period.stop), "D")


class pab_recht_dagen(WlzVariable):
    value_type = int
    entity = Persoon
    definition_period = MONTH
    label = "Zorgdagen in deze maand waarop de client in aanmerking komt voor een pab (vanaf de 18e verjaardag)"
    bronnen = (B.RLZ_5_15A, B.RLZ_5_14)

    def formula(persoon, period, parameters):
        recht = persoon("pab_recht", period)
        if not recht.any():
            return np.zeros(persoon.count, dtype=int)
        return np.where(recht, zorgdagen_vanaf_leeftijd(persoon, period, 18), 0)


class pab_met_echtgenoot(WlzVariable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Leeft samen met een echtgenoot of partner in het huishouden (Rlz art. 5.15a lid 3)"
    bronnen = (B.RLZ_5_15A,)

    def formula(persoon, period, parameters):
        return persoon.huishouden.nb_persons(Huishouden.PARTNER) > 0


class pab_recht(WlzVariable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Komt in aanmerking voor een persoonlijk assistentiebudget (in deze maand)"
    bronnen = (B.RLZ_5_15A, B.SEED_002, B.ILZ_PAB)

    def formula(persoon, period, parameters):
        return (
            persoon("pab_profiel", period)
            & persoon("pab_met_pgb", period)
            & persoon("medische_noodzaak_permanent_toezicht", "eternity")
            & persoon("pab_meerderjarig", period)
            & persoon("geen_cognitieve_beperking", "eternity")
            & persoon("budget_zelf_beheren", "eternity")
        )

    @staticmethod
    def open_als(ctx):
        return open_criteria(ctx)

    @staticmethod
    def uitleg(ctx):
        return uitleg_criteria(ctx, ctx.waarde)


_CRITERIA = (
    ("pab_profiel", "zorgprofiel LG5 of LG7 (later ook LG6, VV7, VV8) (Rlz art. 5.15a lid 1)"),
    ("pab_met_pgb", "zorg met een persoonsgebonden budget (het pab is een ophoging van het pgb)"),
    (
        "medische_noodzaak_permanent_toezicht",
        "vanuit medische noodzaak permanent toezicht of 24 uur zorg in de nabijheid nodig (lid 1 onder a)",
    ),
    ("pab_meerderjarig", "18 jaar of ouder (lid 1 onder b)"),
    ("geen_cognitieve_beperking", "geen cognitieve beperkingen (lid 1 onder c)"),
    ("budget_zelf_beheren", "kan zelf, zonder vertegenwoordiger, het budget beheren (lid 1 onder d)"),
)


#: the conditions the applicant answers (the others the rules compute from the file)
_VRAGEN = frozenset({"medische_noodzaak_permanent_toezicht", "geen_cognitieve_beperking", "budget_zelf_beheren"})


def _antwoorden(ctx) -> list[tuple[str, str, bool | None]]:
    """Each criterion's name, text and answer (None: the applicant left the question unanswered)."""
    return [
        (naam_, tekst, antwoord(ctx, naam_) if naam_ in _VRAGEN else bool(ctx.get(naam_)))
        for naam_, tekst in _CRITERIA
        if ctx.get(naam_) is not None
    ]


def open_criteria(ctx) -> list[str]:
    """The unanswered conditions that decide the outcome: every answered or computed one is met, so only the
    missing answers stand between the client and the pab."""
    antwoorden = _antwoorden(ctx)
    if not niet_opgegeven(ctx) or any(a is False for _, _, a in antwoorden):
        return []
    return [tekst for _, tekst, a in antwoorden if a is None]


def uitleg_criteria(ctx, toegekend) -> str:
    """Each PAB criterion, met or not (or not answered: "niet opgegeven", never a "nee"), and the outcome."""
    antwoorden = _antwoorden(ctx)
    regels = [f"{tekst}: {'niet opgegeven' if a is None else ja_nee(a)}" for _, tekst, a in antwoorden]
    tekst = "Voorwaarden persoonlijk assistentiebudget: " + "; ".join(regels) + ". " if regels else ""
    if toegekend:
        return tekst + (
            "U voldoet aan alle voorwaarden. Het zorgkantoor beslist na het oordeel van een behandelend "
            "arts en een gesprek met u (Rlz art. 5.15a lid 2)."
        )
    open_ = open_criteria(ctx)
    if open_:
        return tekst + open_zin(open_)
    return tekst + "U voldoet niet aan alle voorwaarden, dus u komt niet in aanmerking."


class pab_in_aanmerking(WlzVariable):
    value_type = bool
    entity = Persoon
    definition_period = YEAR
    label = "Komt in deze periode (op ten minste één zorgdag) in aanmerking voor een persoonlijk assistentiebudget"
    bronnen = (B.RLZ_5_15A,)

    def formula(persoon, period, parameters):
        return ergens_in_jaar(persoon, period, "pab_recht", "pab_recht_dagen")

    @staticmethod
    def open_als(ctx):
        return open_criteria(ctx)

    @staticmethod
    def uitleg(ctx):
        return uitleg_criteria(ctx, ctx.waarde)


# ---------------------------------------------------------------------------------------------- maximum


class pab_maximum_jaarbedrag(WlzVariable):
    value_type = float
    entity = Persoon
    definition_period = MONTH
    label = "Maximum persoonlijk assistentiebudget per jaar dat deze maand geldt (lager met een echtgenoot)"
    bronnen = (B.RLZ_5_15A, B.SEED_002, B.REGELHULP_PAB_2020)

    def formula(persoon, period, parameters):
        p = parameters(period).pab.maximum
        echtgenoot = persoon("pab_met_echtgenoot", period)
        uit_parameters = np.where(echtgenoot, waarde(p, "met_echtgenoot"), waarde(p, "alleenstaand"))
        opgegeven = persoon("pab_maximum_opgegeven", period.this_year)
        bedrag = np.where(opgegeven > 0, opgegeven, uit_parameters)
        return np.where(persoon("pab_recht", period), bedrag, 0.0)


class pab_maximum(WlzVariable):
    value_type = float
    entity = Persoon
    definition_period = YEAR
    label = "Maximum persoonlijk assistentiebudget over de periode (naar rato van de zorgdagen)"
    bronnen = (B.RLZ_5_15A, B.RLZ_5_14, B.SEED_002, B.REGELHULP_PAB_2020)

    def formula(persoon, period, parameters):
        return naar_rato(persoon, period, "pab_maximum_jaarbedrag", "pab_recht_dagen")

    @staticmethod
    def uitleg(ctx):
        if not ctx.get("pab_in_aanmerking", ctx.waarde > 0):
            if open_criteria(ctx):
                return "Zolang niet is beoordeeld of u in aanmerking komt (niet opgegeven), geldt er geen pab-maximum."
            return "U komt niet in aanmerking voor een persoonlijk assistentiebudget; er geldt geen pab-maximum."
        echtgenoot = bool(ctx.get("pab_met_echtgenoot", False))
        param(ctx, "pab.maximum.met_echtgenoot" if echtgenoot else "pab.maximum.alleenstaand")
        soort = "met een echtgenoot (Rlz art. 5.15a lid 3)" if echtgenoot else "zonder echtgenoot (lid 1)"
        if np.isnan(ctx.waarde):
            return (
                f"Het maximum {soort} is voor deze periode niet in de openbare bronnen gevonden. Geef het op als "
                "pab_maximum_opgegeven om het pab te berekenen."
            )
        opgegeven = getal(ctx.get("pab_maximum_opgegeven"))
        herkomst = f"het opgegeven maximum van {euro(opgegeven)} per jaar" if opgegeven > 0 else f"het maximum {soort}"
        return (
            f"Het persoonsgebonden budget kan worden opgehoogd tot ten hoogste {herkomst}; over de zorgdagen "
            f"van deze periode is dat {euro(ctx.waarde)} (Rlz art. 5.15a, art. 5.14 lid 3)."
        )
