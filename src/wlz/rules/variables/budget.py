"""The budget of each leveringsvorm for the client's zorgprofiel (Wlz art. 3.3.2-3.3.3, Rlz art. 5.13-5.14).

- pgb: the sum of the class amounts of the profile's care forms (Rlz art. 5.13 lid 1 and bijlage C), plus
  the toeslag for living at home (lid 3) and for a kleinschalig wooninitiatief (lid 4) — or, for years where
  only a per-profile total is published (seed 000 tabel 1, 2017), that total.
- mpt: the mpt may cost at most what the pgb would be (Wlz art. 3.3.2 lid 4 onder b), so its budget is the
  same amount; the doelmatigheidstoets (doelmatigheid.py) compares the actual modules with it.
- verblijf and vpt: the zzp/vpt day tariff times the days of care.

Every annual amount is prorated by days of care (Rlz art. 5.14 lid 3), month by month.
"""

from __future__ import annotations

import numpy as np
from openfisca_core.periods import DateUnit

from wlz.rules import bronnen as B
from wlz.rules.entities import Persoon
from wlz.rules.model import WlzVariable, euro
from wlz.rules.tabellen import klasse_tabel, opzoeken, profiel_tabel, waarde
from wlz.rules.variables.periode import maanden

MONTH = DateUnit.MONTH
YEAR = DateUnit.YEAR

FUNCTIES = ("persoonlijke_verzorging", "verpleging", "begeleiding_individueel", "begeleiding_groep")
FUNCTIE_NAMEN = {
    "persoonlijke_verzorging": "persoonlijke verzorging",
    "verpleging": "verpleging",
    "begeleiding_individueel": "begeleiding individueel",
    "begeleiding_groep": "begeleiding groep (dagbesteding)",
}


def klassen_van(parameters_pgb, profiel: np.ndarray, dagbesteding: np.ndarray) -> dict[str, np.ndarray]:
    """Class per care form for each client (-1 = not part of the profile; NaN = profile not in bijlage C)."""
    out = {}
    for functie in FUNCTIES:
        klasse = profiel_tabel(getattr(parameters_pgb.klassen, functie))[profiel]
        if functie == "begeleiding_groep":
            klasse = np.where(dagbesteding, klasse, -1.0)
        out[functie] = klasse
    return out


class pgb_jaarbedrag(WlzVariable):
    value_type = float
    entity = Persoon
    definition_period = MONTH
    label = "Pgb-bedrag per jaar voor het zorgprofiel (bedragen die in deze maand gelden)"
    bronnen = (B.RLZ_5_13, B.RLZ_BIJLAGE_C, B.SEED_000)

    def formula(persoon, period, parameters):
        p = parameters(period).pgb
        profiel = np.asarray(persoon("zorgprofiel", "eternity"))
        dagbesteding = np.asarray(persoon("dagbesteding", "eternity"))
        totaal = profiel_tabel(p.profielbedrag)[profiel]
        klassen = klassen_van(p, profiel, dagbesteding)
        som = np.zeros(persoon.count)
        for functie, klasse in klassen.items():
            som = som + opzoeken(klasse_tabel(getattr(p.klassebedrag, functie)), klasse)
        niet_in_bijlage = np.isnan(klassen["persoonlijke_verzorging"]) & np.isnan(klassen["begeleiding_individueel"])
        via_klassen = np.where(niet_in_bijlage, np.nan, som + waarde(p.toeslag, "thuis"))
        bedrag = np.where(np.isnan(totaal), via_klassen, totaal)
        kwi = np.asarray(persoon("kleinschalig_wooninitiatief", "eternity"))
        return bedrag + np.where(kwi, waarde(p.toeslag, "kleinschalig_wooninitiatief"), 0.0)


class pgb_budget(WlzVariable):
    value_type = float
    entity = Persoon
    definition_period = YEAR
    label = "Persoonsgebonden budget voor het zorgprofiel (maximum, naar rato van de zorgdagen)"
    bronnen = (B.RLZ_5_13, B.RLZ_5_14, B.RLZ_BIJLAGE_C, B.SEED_000)

    def formula(persoon, period, parameters):
        return naar_rato(persoon, period, "pgb_jaarbedrag")

    uitleg = staticmethod(lambda ctx: uitleg_pgb(ctx))


class mpt_budget(WlzVariable):
    value_type = float
    entity = Persoon
    definition_period = YEAR
    label = "Ruimte voor het modulair pakket thuis (gelijk aan het pgb dat de client anders zou krijgen)"
    bronnen = (B.WLZ_3_3_2, B.RLZ_5_1, B.RLZ_5_2)

    def formula(persoon, period, parameters):
        return persoon("pgb_budget", period)

    @staticmethod
    def uitleg(ctx):
        return (
            f"Een modulair pakket thuis mag niet meer kosten dan het pgb dat u anders zou krijgen "
            f"(Wlz art. 3.3.2 lid 4 onder b). De ruimte voor het mpt is daarom {euro(ctx.waarde)}."
        )


class zzp_dagtarief_gebruikt(WlzVariable):
    value_type = float
    entity = Persoon
    definition_period = MONTH
    label = "Dagtarief zzp of vpt dat in de berekening is gebruikt"
    bronnen = ()

    def formula(persoon, period, parameters):
        opgegeven = persoon("zzp_dagtarief", period.this_year)
        p = parameters(period).tarieven
        from wlz.rules.enums import Leveringsvorm

        profiel = np.asarray(persoon("zorgprofiel", "eternity"))
        lv = persoon("leveringsvorm", "eternity")
        incl = np.asarray(persoon("behandeling", "eternity"))
        vpt = lv == Leveringsvorm.vpt
        tarief = np.full(persoon.count, np.nan)
        for soort, masker in (("zzp", ~vpt), ("vpt", vpt)):
            node = getattr(p, soort)
            for behandeld, m2 in (("inclusief_behandeling", incl), ("exclusief_behandeling", ~incl)):
                tabel = profiel_tabel(getattr(node, behandeld))[profiel]
                tarief = np.where(masker & m2, tabel, tarief)
        return np.where(opgegeven > 0, opgegeven, tarief)


class verblijf_budget(WlzVariable):
    value_type = float
    entity = Persoon
    definition_period = YEAR
    label = "Kosten van zorg met verblijf of vpt (dagtarief maal zorgdagen)"
    bronnen = (B.WLZ("3.3.1"), B.WLZ_3_3_2)

    def formula(persoon, period, parameters):
        totaal = np.zeros(persoon.count)
        for maand in maanden(period):
            totaal = totaal + persoon("zzp_dagtarief_gebruikt", maand) * persoon("zorgdagen", maand)
        return totaal

    @staticmethod
    def uitleg(ctx):
        if np.isnan(ctx.waarde):
            return (
                "Voor dit zorgprofiel en deze periode is geen dagtarief bekend. Vul het dagtarief in "
                "(zzp_dagtarief) om de kosten van verblijf of vpt te berekenen."
            )
        return (
            f"Dagtarief {euro(ctx['zzp_dagtarief_gebruikt'])} maal {ctx['zorgdagen_jaar']} zorgdagen "
            f"geeft {euro(ctx.waarde)}."
        )


def naar_rato(persoon, period, jaarbedrag: str, dagen_van: str = "zorgdagen"):
    """Sum over the months of (annual amount in force that month) x (days) / (days in the year).

    ``dagen_van`` names the MONTH variable counting the days that count: the days of care, or (for a scheme with a
    condition that starts or ends within a month, such as an age) the days of care on which the condition holds.
    """
    dagen_in_jaar = persoon("dagen_in_jaar", period)
    totaal = np.zeros(persoon.count)
    for maand in maanden(period):
        dagen = persoon(dagen_van, maand)
        bedrag = persoon(jaarbedrag, maand)
        totaal = totaal + np.where(dagen > 0, bedrag * dagen, 0.0)
    return totaal / dagen_in_jaar


def uitleg_pgb(ctx) -> str:
    """Explain the pgb amount: the published profile total, or each class amount plus the toeslagen."""
    if np.isnan(ctx.waarde):
        return (
            "Voor dit zorgprofiel is in deze periode geen pgb-bedrag bekend in de parameters. "
            "Het bedrag kan niet worden berekend."
        )
    profiel = ctx["zorgprofiel"]
    pgb = ctx.parameters.children["pgb"]
    delen: list[str] = []
    totaal = ctx.param(f"pgb.profielbedrag.{profiel}") if profiel in pgb.children["profielbedrag"].children else None
    if totaal is not None:
        bron = ctx.gebruikt[-1]
        soort = " (voorbeeldwaarde)" if bron.voorbeeld else ""
        delen.append(f"het jaarbedrag voor {profiel} is {euro(totaal)}{soort} (bron: {bron.bron})")
    else:
        for functie in FUNCTIES:
            if functie == "begeleiding_groep" and not ctx["dagbesteding"]:
                continue
            klassen = pgb.children["klassen"].children[functie].children
            klasse = ctx.param(f"pgb.klassen.{functie}.{profiel}") if profiel in klassen else None
            if klasse is None or klasse < 0:
                continue
            bedrag = ctx.param(f"pgb.klassebedrag.{functie}.klasse_{int(klasse)}")
            delen.append(f"{FUNCTIE_NAMEN[functie]} klasse {int(klasse)}: {euro(bedrag)}")
        delen.append(
            f"toeslag omdat u niet in een instelling woont: {euro(ctx.param('pgb.toeslag.thuis'))} "
            "(Rlz art. 5.13 lid 3)"
        )
    if ctx["kleinschalig_wooninitiatief"]:
        delen.append(
            f"toeslag kleinschalig wooninitiatief: "
            f"{euro(ctx.param('pgb.toeslag.kleinschalig_wooninitiatief'))} (Rlz art. 5.13 lid 4)"
        )
    basis = "; ".join(delen)
    tekst = (
        f"Het pgb voor zorgprofiel {profiel} is per jaar opgebouwd uit: {basis}. "
        "De klassen per vorm van zorg staan in bijlage C bij de Rlz, de bedragen in Rlz art. 5.13 lid 1."
        if totaal is None
        else f"Het pgb voor zorgprofiel {profiel}: {basis}."
    )
    dagen, jaar_dagen = ctx["zorgdagen_jaar"], ctx["dagen_in_jaar"]
    if dagen < jaar_dagen:
        tekst += (
            f" U krijgt zorg op {dagen} van de {jaar_dagen} dagen van het jaar; het budget is naar rato "
            f"{euro(ctx.waarde)} (Rlz art. 5.14 lid 3)."
        )
    else:
        tekst += f" Budget voor het hele jaar: {euro(ctx.waarde)}."
    return tekst
