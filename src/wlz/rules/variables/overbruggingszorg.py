"""Overbruggingszorg: extra care at home while the client waits for admission to an instelling.

What the public sources say (see bronnen.py): the scheme lets clients temporarily get extra care while waiting for
admission, and was widened on 1 July 2018 (seed 002); the iWlz code list COD983 has a toeslag "Extra
overbruggingszorg" on the budget since 2015; a care provider's page describes the first 6 months on the waiting
list on the basis of the full zorgprofiel, longer only with the zorgkantoor's consent. No article of the Wlz, Blz
or Rlz setting its terms was found, so:
- eligibility: a Wlz zorgprofiel (an indication for verblijf), living at home with vpt, mpt or pgb, and waiting
  for admission since a given date (input);
- duration: ``overbruggingszorg.termijn_maanden`` (6, shipped as ``voorbeeld``), longer when the zorgkantoor
  extends it (input);
- the extra allowed: a user-supplied amount per year (the toeslag of COD983 code 1), prorated by days of care.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from wlz.rules import bronnen as B
from wlz.rules.entities import Persoon
from wlz.rules.enums import Zorgprofiel
from wlz.rules.model import WlzVariable, datum, euro
from wlz.rules.tabellen import waarde
from wlz.rules.variables._extra_zorg import (
    ETERNITY,
    MONTH,
    THUIS,
    YEAR,
    ergens_in_jaar,
    getal,
    leveringsvorm_in,
    maanden_param,
    naam,
    param,
    peildatum,
)
from wlz.rules.variables.periode import maanden

GEEN_DATUM = dt.date(2999, 12, 31)


class wacht_op_opname_sinds(WlzVariable):
    value_type = dt.date
    default_value = GEEN_DATUM
    entity = Persoon
    definition_period = ETERNITY
    label = "Datum vanaf wanneer de client thuis wacht op opname in een instelling (weglaten: wacht niet)"


class overbruggingszorg_verlengd(WlzVariable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = ETERNITY
    label = "Het zorgkantoor heeft de overbruggingszorg verlengd na de gewone termijn"


class overbruggingszorg_gevraagd(WlzVariable):
    value_type = float
    entity = Persoon
    definition_period = YEAR
    label = (
        "Gevraagde extra overbruggingszorg per jaar boven het budget (toeslag COD983 code 1; door de gebruiker "
        "opgegeven)"
    )


class overbruggingszorg_einde(WlzVariable):
    value_type = dt.date
    default_value = GEEN_DATUM
    entity = Persoon
    definition_period = YEAR
    label = "Laatste dag van de termijn van overbruggingszorg (of van de zorg, als die eerder eindigt)"
    bronnen = (B.OVERBRUGGING_ONL,)

    def formula(persoon, period, parameters):
        sinds = np.asarray(persoon("wacht_op_opname_sinds", "eternity"), dtype="datetime64[D]")
        termijn = waarde(parameters(period.start).overbruggingszorg, "termijn_maanden")
        termijn = 0 if np.isnan(termijn) else int(termijn)
        # the term ends the day before the same day-of-month `termijn` months later (clipped to month end)
        maand = sinds.astype("datetime64[M]")
        dag_in_maand = (sinds - maand.astype("datetime64[D]")).astype(int)
        einde_termijn = np.minimum(
            (maand + termijn).astype("datetime64[D]") + dag_in_maand, (maand + termijn + 1).astype("datetime64[D]")
        ) - np.timedelta64(1, "D")
        verlengd = persoon("overbruggingszorg_verlengd", "eternity")
        einde = np.where(verlengd, np.datetime64(str(GEEN_DATUM)), einde_termijn)
        return np.minimum(einde, np.asarray(persoon("zorg_einde", "eternity"), dtype="datetime64[D]"))


class overbruggingszorg_dagen(WlzVariable):
    value_type = int
    entity = Persoon
    definition_period = MONTH
    label = "Zorgdagen in deze maand waarop de client thuis op opname wacht, binnen de termijn (of verlengd)"
    bronnen = (B.OVERBRUGGING_ONL,)

    def formula(persoon, period, parameters):
        sinds = np.asarray(persoon("wacht_op_opname_sinds", "eternity"), dtype="datetime64[D]")
        begin = np.maximum(
            np.maximum(sinds, np.datetime64(str(period.start), "D")),
            np.asarray(persoon("zorg_begin", "eternity"), dtype="datetime64[D]"),
        )
        einde = np.asarray(persoon("overbruggingszorg_einde", period.this_year), dtype="datetime64[D]")
        eind = np.minimum(einde, np.datetime64(str(period.stop), "D"))
        return np.maximum((eind - begin).astype(int) + 1, 0)


class overbruggingszorg_recht(WlzVariable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Komt in aanmerking voor overbruggingszorg (op ten minste één dag in deze maand)"
    bronnen = (B.SEED_002, B.COD983, B.OVERBRUGGING_ONL, B.OVERBRUGGING_IKWOONLEEFZORG)

    def formula(persoon, period, parameters):
        profiel = persoon("zorgprofiel", "eternity") != Zorgprofiel.ONBEKEND
        thuis = leveringsvorm_in(persoon, THUIS)
        return profiel & thuis & (persoon("overbruggingszorg_dagen", period) > 0)

    @staticmethod
    def uitleg(ctx):
        return uitleg_overbrugging(ctx, ctx.waarde)


def uitleg_overbrugging(ctx, toegekend) -> str:
    """Why overbruggingszorg applies or not; names the example term it used (marked voorbeeld)."""
    sinds = ctx.get("wacht_op_opname_sinds")
    sinds = str(sinds)[:10] if sinds is not None else str(GEEN_DATUM)
    wacht = sinds < str(GEEN_DATUM)
    regel = (
        "Overbruggingszorg is tijdelijk extra zorg thuis voor wie een indicatie voor verblijf heeft en thuis "
        "(met vpt, mpt of pgb) wacht op opname (Kamerbrief zorg thuis 2018; toeslag 'extra overbruggingszorg', iWlz "
        "COD983)."
    )
    if not wacht:
        return regel + " Er is geen datum opgegeven vanaf wanneer u op opname wacht; u komt niet in aanmerking."
    # only a client who waits relies on the example term, so only then is the result marked voorbeeld
    termijn = param(ctx, "overbruggingszorg.termijn_maanden")
    termijn_tekst = f"{int(termijn)} maanden" if termijn is not None else "een termijn"
    regel += (
        f" De termijn van {termijn_tekst} (langer met toestemming van het zorgkantoor) komt uit informatie "
        "van een zorgaanbieder en is een voorbeeld, geen regelgeving."
    )
    if naam(ctx.get("leveringsvorm", "")) == "verblijf":
        return regel + " U verblijft al in een instelling; u komt niet in aanmerking."
    if toegekend:
        return regel + f" U wacht sinds {datum(sinds)} thuis op opname; u komt in aanmerking."
    if peildatum(ctx)[:7] < sinds[:7]:
        return regel + f" U wacht pas vanaf {datum(sinds)} op opname; in deze maand nog niet."
    if ctx.get("overbruggingszorg_verlengd"):
        return regel + " Er zijn in deze periode geen zorgdagen waarop u op opname wacht."
    return regel + (
        f" U wacht sinds {datum(sinds)} op opname, maar de termijn is voorbij en niet verlengd door het "
        "zorgkantoor; u komt niet in aanmerking."
    )


class overbruggingszorg_in_aanmerking(WlzVariable):
    value_type = bool
    entity = Persoon
    definition_period = YEAR
    label = "Komt in deze periode (op ten minste één zorgdag) in aanmerking voor overbruggingszorg"
    bronnen = (B.SEED_002, B.COD983, B.OVERBRUGGING_ONL)

    def formula(persoon, period, parameters):
        return ergens_in_jaar(persoon, period, "overbruggingszorg_recht")

    @staticmethod
    def uitleg(ctx):
        return uitleg_overbrugging(ctx, ctx.waarde)


class overbruggingszorg_bedrag(WlzVariable):
    value_type = float
    entity = Persoon
    definition_period = YEAR
    label = (
        "Extra overbruggingszorg over de periode (gevraagd jaarbedrag x wachtdagen binnen de termijn / dagen in "
        "het jaar)"
    )
    bronnen = (B.COD983, B.RLZ_5_14)

    def formula(persoon, period, parameters):
        gevraagd = persoon("overbruggingszorg_gevraagd", period)
        dagen = np.zeros(persoon.count)
        for maand in maanden(period):
            dagen = dagen + np.where(
                persoon("overbruggingszorg_recht", maand), persoon("overbruggingszorg_dagen", maand), 0
            )
        return gevraagd * dagen / persoon("dagen_in_jaar", period)

    @staticmethod
    def uitleg(ctx):
        gevraagd = getal(ctx.get("overbruggingszorg_gevraagd"))
        if not ctx.get("overbruggingszorg_in_aanmerking", ctx.waarde > 0):
            return "U komt in deze periode niet in aanmerking voor overbruggingszorg; het bedrag is € 0."
        param(ctx, "overbruggingszorg.termijn_maanden")  # the amount depends on the example term: voorbeeld
        if gevraagd <= 0:
            return (
                "De hoogte van extra overbruggingszorg staat niet in een openbare regeling; geef het gevraagde "
                "bedrag per jaar op (overbruggingszorg_gevraagd). Nu is het € 0."
            )
        return (
            f"Gevraagd is {euro(gevraagd)} per jaar extra; over de dagen waarop u thuis op opname wacht binnen "
            f"de termijn is dat {euro(ctx.waarde)} (naar rato van de dagen, zoals Rlz art. 5.14 lid 3)."
        )


class overbruggingszorg_max_looptijd_maanden(WlzVariable):
    value_type = int
    entity = Persoon
    definition_period = YEAR
    label = "Termijn van overbruggingszorg zonder verlenging, in maanden (voorbeeld; 0 = niet bekend)"
    bronnen = (B.OVERBRUGGING_ONL,)

    def formula(persoon, period, parameters):
        return maanden_param(persoon, period, parameters, "overbruggingszorg", "termijn_maanden")

    @staticmethod
    def uitleg(ctx):
        if ctx.get("overbruggingszorg_in_aanmerking"):
            param(ctx, "overbruggingszorg.termijn_maanden")  # shown as voorbeeld only where it matters
        return (
            f"Overbruggingszorg loopt zonder verlenging ten hoogste {ctx.waarde} maanden (voorbeeld, uit "
            "informatie van een zorgaanbieder; het zorgkantoor kan verlengen)."
        )
