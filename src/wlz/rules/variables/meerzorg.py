"""Meerzorg: more care than the client's zorgprofiel holds, when the need is far above it (Rlz art. 2.2).

Grounds (lid 1), any one suffices:
- a: the indicated profile is on the list of lid 1 onder a (VG5, VG7, VG8, LVG4, LVG5, SGLVG1, LG5, LG7, ZGaud3,
  ZGvis5; shared reference data ``meerzorg_profiel``). From 1 January 2016 meerzorg also exists for the sectors VV
  and GGZ (seed 000); the widened list of profiles was not found in a public source, so for a VV or GGZ profile
  the user confirms that the profile is on the list in force (``meerzorg_profiel_op_lijst``).
- b: on 31 December 2014 the client had one of the zzp's of lid 1 onder b (an input flag).
- c: the need includes gespecialiseerde epilepsiezorg, chronische invasieve beademing, non-invasieve beademing,
  klinische intensieve behandeling or niet-strafrechtelijke forensische psychiatrie.
Threshold (lid 2), for grounds a and b only: the need is at least 25% (``meerzorg.drempel``) above the care in the
profile. Profile hours are not public in the sources here: the user gives both hour figures.
Amount: the extra hours (need minus profile) times an hourly rate the user gives, or else a requested amount;
when both are given the lower counts. Prorated by days of care (Rlz art. 5.14 lid 3).
"""

from __future__ import annotations

import numpy as np

from wlz.reference import zorgprofielen
from wlz.rules import bronnen as B
from wlz.rules.entities import Persoon
from wlz.rules.enums import Zorgprofiel, profiel_key
from wlz.rules.model import WlzVariable, euro, niet_opgegeven, open_zin
from wlz.rules.tabellen import waarde
from wlz.rules.variables._extra_zorg import ETERNITY, MONTH, YEAR, ergens_in_jaar, getal, naam, param
from wlz.rules.variables.budget import naar_rato

#: numerical slack for float32 hour figures (1.25 x 13.3 is not exact in float32)
_EPS = 1e-4


def _tabel(veld) -> np.ndarray:
    waarden = {profiel_key(z.code): veld(z) for z in zorgprofielen().values()}
    return np.array([waarden.get(m.name, False) for m in Zorgprofiel], dtype=bool)


#: the special forms of care of lid 1 onder c, by the input (a yes/no question) that says the need includes it
ZORGBEHOEFTEN = {
    "zorgbehoefte_epilepsiezorg": "gespecialiseerde epilepsiezorg",
    "zorgbehoefte_invasieve_beademing": "chronische invasieve beademing",
    "zorgbehoefte_non_invasieve_beademing": "non-invasieve beademing",
    "zorgbehoefte_klinische_intensieve_behandeling": "klinische intensieve behandeling",
    "zorgbehoefte_forensische_psychiatrie": "niet-strafrechtelijke forensische psychiatrie",
}

_LIJST_2015 = _tabel(lambda z: z.meerzorg_profiel)
_VV_GGZ = _tabel(lambda z: z.hoofdsector in ("vv", "ggz"))

# ---------------------------------------------------------------------------------------------- inputs


class meerzorg_profiel_op_lijst(WlzVariable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = ETERNITY
    label = (
        "Het VV- of GGZ-zorgprofiel staat op de meerzorglijst die vanaf 2016 geldt (door de gebruiker "
        "bevestigd; de lijst is niet in een openbare bron gevonden)"
    )


class meerzorg_zzp_31_december_2014(WlzVariable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = ETERNITY
    label = (
        "Had op 31 december 2014 recht op zzp 5 VG, 7 VG, 8 VG, 4 LVG, 5 LVG, 1 SGLVG, 5 LG, 7 LG, 3 ZGaud "
        "of 5 ZGvis (Rlz art. 2.2 lid 1 onder b)"
    )


class zorgbehoefte_epilepsiezorg(WlzVariable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = ETERNITY
    label = "Zorgbehoefte omvat gespecialiseerde epilepsiezorg"


class zorgbehoefte_invasieve_beademing(WlzVariable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = ETERNITY
    label = "Zorgbehoefte omvat chronische invasieve beademing"


class zorgbehoefte_non_invasieve_beademing(WlzVariable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = ETERNITY
    label = "Zorgbehoefte omvat non-invasieve beademing"


class zorgbehoefte_klinische_intensieve_behandeling(WlzVariable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = ETERNITY
    label = "Zorgbehoefte omvat klinische intensieve behandeling"


class zorgbehoefte_forensische_psychiatrie(WlzVariable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = ETERNITY
    label = "Zorgbehoefte omvat niet-strafrechtelijke forensische psychiatrie"


class zorgbehoefte_uren_per_week(WlzVariable):
    value_type = float
    entity = Persoon
    definition_period = YEAR
    label = "Zorgbehoefte van de client in uren per week (oordeel van het zorgkantoor)"


class profiel_uren_per_week(WlzVariable):
    value_type = float
    entity = Persoon
    definition_period = YEAR
    label = (
        "Zorg in het zorgprofiel (of het zzp dat het profiel bekostigt) in uren per week; niet openbaar, door de "
        "gebruiker opgegeven"
    )


class meerzorg_uurtarief(WlzVariable):
    value_type = float
    entity = Persoon
    definition_period = YEAR
    label = "Uurtarief voor de extra zorg (door de gebruiker opgegeven)"


class meerzorg_gevraagd(WlzVariable):
    value_type = float
    entity = Persoon
    definition_period = YEAR
    label = "Gevraagd bedrag voor meerzorg per jaar (als er geen uurtarief is opgegeven, of als bovengrens)"


# ---------------------------------------------------------------------------------------------- grounds


class meerzorg_grond_profiel(WlzVariable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Meerzorg mogelijk op grond van het zorgprofiel (Rlz art. 2.2 lid 1 onder a)"
    bronnen = (B.RLZ_2_2, B.SEED_000_MEERZORG_2016)

    def formula(persoon, period, parameters):
        profiel = np.asarray(persoon("zorgprofiel", "eternity"))
        vv_ggz_open = waarde(parameters(period).meerzorg, "vv_ggz_mogelijk") == 1
        bevestigd = persoon("meerzorg_profiel_op_lijst", "eternity")
        return _LIJST_2015[profiel] | (vv_ggz_open & _VV_GGZ[profiel] & bevestigd)


class meerzorg_grond_zzp_2014(WlzVariable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Meerzorg mogelijk op grond van het zzp op 31 december 2014 (Rlz art. 2.2 lid 1 onder b)"
    bronnen = (B.RLZ_2_2,)

    def formula(persoon, period, parameters):
        return persoon("meerzorg_zzp_31_december_2014", "eternity")


class meerzorg_grond_zorgbehoefte(WlzVariable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Meerzorg mogelijk op grond van een bijzondere zorgbehoefte (Rlz art. 2.2 lid 1 onder c)"
    bronnen = (B.RLZ_2_2,)

    def formula(persoon, period, parameters):
        uit = np.zeros(persoon.count, dtype=bool)
        for vraag in ZORGBEHOEFTEN:
            uit = uit | persoon(vraag, "eternity")
        return uit


# ------------------------------------------------------------------------------------------- threshold


class meerzorg_drempel_uren(WlzVariable):
    value_type = float
    entity = Persoon
    definition_period = YEAR
    label = "Zorgbehoefte in uren per week vanaf waar meerzorg kan (zorg in het profiel plus 25%)"
    bronnen = (B.RLZ_2_2,)

    def formula(persoon, period, parameters):
        drempel = waarde(parameters(period.start).meerzorg, "drempel")
        return (1 + drempel) * persoon("profiel_uren_per_week", period)


class meerzorg_extra_uren_per_week(WlzVariable):
    value_type = float
    entity = Persoon
    definition_period = YEAR
    label = "Extra zorg boven het zorgprofiel in uren per week"
    bronnen = (B.RLZ_2_2,)

    def formula(persoon, period, parameters):
        return np.maximum(persoon("zorgbehoefte_uren_per_week", period) - persoon("profiel_uren_per_week", period), 0.0)


class meerzorg_drempel_gehaald(WlzVariable):
    value_type = bool
    entity = Persoon
    definition_period = YEAR
    label = "Zorgbehoefte is ten minste 25% hoger dan de zorg in het zorgprofiel (Rlz art. 2.2 lid 2)"
    bronnen = (B.RLZ_2_2,)

    def formula(persoon, period, parameters):
        profiel = persoon("profiel_uren_per_week", period)
        behoefte = persoon("zorgbehoefte_uren_per_week", period)
        return (profiel > 0) & (behoefte >= persoon("meerzorg_drempel_uren", period) - _EPS)

    @staticmethod
    def uitleg(ctx):
        profiel = getal(ctx.get("profiel_uren_per_week"))
        behoefte = getal(ctx.get("zorgbehoefte_uren_per_week"))
        grens = getal(ctx.get("meerzorg_drempel_uren"))
        if profiel <= 0:
            return (
                "De zorg in het zorgprofiel (uren per week) is niet opgegeven; zonder dat getal kan niet worden "
                "beoordeeld of uw zorgbehoefte ten minste 25% hoger is (Rlz art. 2.2 lid 2)."
            )
        drempel = param(ctx, "meerzorg.drempel")
        pct = f"{round(100 * drempel)}%" if drempel is not None else "25%"
        if ctx.waarde:
            return (
                f"Uw zorgbehoefte van {behoefte:g} uur per week is ten minste {pct} hoger dan de {profiel:g} "
                f"uur in het zorgprofiel (grens {grens:g} uur; Rlz art. 2.2 lid 2)."
            )
        return (
            f"Uw zorgbehoefte van {behoefte:g} uur per week is minder dan {pct} hoger dan de {profiel:g} uur in "
            f"het zorgprofiel (grens {grens:g} uur; Rlz art. 2.2 lid 2)."
        )


# ------------------------------------------------------------------------------------------ eligibility


class meerzorg_recht(WlzVariable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Komt in aanmerking voor meerzorg (in deze maand)"
    bronnen = (B.RLZ_2_2, B.RLZ_5_14, B.SEED_000_MEERZORG_2016)

    def formula(persoon, period, parameters):
        jaar = period.this_year
        via_a_b = persoon("meerzorg_grond_profiel", period) | persoon("meerzorg_grond_zzp_2014", period)
        meer_nodig = (persoon("meerzorg_extra_uren_per_week", jaar) > 0) | (persoon("meerzorg_gevraagd", jaar) > 0)
        via_c = persoon("meerzorg_grond_zorgbehoefte", period) & meer_nodig
        return (via_a_b & persoon("meerzorg_drempel_gehaald", jaar)) | via_c

    @staticmethod
    def open_als(ctx):
        return open_criteria(ctx)

    @staticmethod
    def uitleg(ctx):
        return uitleg_meerzorg(ctx, ctx.waarde)


_ZZP_2014 = "een zzp op 31 december 2014 dat recht geeft op meerzorg (lid 1 onder b)"


def _open_zorgbehoeften(ctx) -> list[str]:
    open_ = niet_opgegeven(ctx)
    return [tekst for vraag, tekst in ZORGBEHOEFTEN.items() if vraag in open_]


def open_criteria(ctx) -> list[str]:
    """The unanswered questions that could still give meerzorg: the zzp of 31 December 2014 (ground b) when the
    25% threshold is met, a special form of care (ground c) when more care than the profile is asked."""
    if not niet_opgegeven(ctx) or ctx.get("meerzorg_grond_zorgbehoefte"):
        return []
    uit = []
    if "meerzorg_zzp_31_december_2014" in niet_opgegeven(ctx) and ctx.get("meerzorg_drempel_gehaald"):
        uit.append(_ZZP_2014)
    meer_nodig = getal(ctx.get("meerzorg_extra_uren_per_week")) > 0 or getal(ctx.get("meerzorg_gevraagd")) > 0
    zorgbehoeften = _open_zorgbehoeften(ctx)
    if meer_nodig and zorgbehoeften:
        uit.append("een bijzondere vorm van zorg van lid 1 onder c (" + ", ".join(zorgbehoeften) + ")")
    return uit


def uitleg_meerzorg(ctx, toegekend) -> str:
    """Each ground of Rlz art. 2.2 lid 1 and the threshold of lid 2, met or not."""
    profiel = naam(ctx.get("zorgprofiel", ""))
    delen = []
    a = ctx.get("meerzorg_grond_profiel")
    if a is not None:
        delen.append(f"zorgprofiel {profiel} geeft {'wel' if a else 'geen'} recht op meerzorg (lid 1 onder a)")
    b = ctx.get("meerzorg_grond_zzp_2014")
    if b:
        delen.append("u had op 31 december 2014 een zzp dat recht geeft op meerzorg (lid 1 onder b)")
    elif "meerzorg_zzp_31_december_2014" in niet_opgegeven(ctx):
        delen.append(f"{_ZZP_2014}: niet opgegeven")
    c = ctx.get("meerzorg_grond_zorgbehoefte")
    if c:
        delen.append(
            "uw zorgbehoefte omvat een van de bijzondere vormen van zorg van lid 1 onder c "
            "(dan geldt de 25%-grens niet)"
        )
    else:
        delen += [f"zorgbehoefte {tekst} (lid 1 onder c): niet opgegeven" for tekst in _open_zorgbehoeften(ctx)]
    d = ctx.get("meerzorg_drempel_gehaald")
    if d is not None and (a or b):
        delen.append(
            "de zorgbehoefte is ten minste 25% hoger dan het profiel (lid 2)"
            if d
            else "de zorgbehoefte is niet ten minste 25% hoger dan het profiel (lid 2)"
        )
    tekst = "Meerzorg (Rlz art. 2.2): " + ("; ".join(delen) + ". " if delen else "")
    if profiel.startswith(("VV", "GGZ")) and not a:
        tekst += (
            "Sinds 1 januari 2016 bestaat meerzorg ook voor VV en GGZ (Kamerbrief maatwerk in de Wlz); bevestig met "
            "meerzorg_profiel_op_lijst dat uw profiel op de geldende lijst staat. "
        )
    if toegekend:
        return tekst + "U komt in aanmerking."
    open_ = open_criteria(ctx)
    return tekst + (open_zin(open_) if open_ else "U komt niet in aanmerking.")


class meerzorg_in_aanmerking(WlzVariable):
    value_type = bool
    entity = Persoon
    definition_period = YEAR
    label = "Komt in deze periode (op ten minste één zorgdag) in aanmerking voor meerzorg"
    bronnen = (B.RLZ_2_2,)

    def formula(persoon, period, parameters):
        return ergens_in_jaar(persoon, period, "meerzorg_recht")

    @staticmethod
    def open_als(ctx):
        return open_criteria(ctx)

    @staticmethod
    def uitleg(ctx):
        return uitleg_meerzorg(ctx, ctx.waarde)


# --------------------------------------------------------------------------------------------- amount


class meerzorg_jaarbedrag(WlzVariable):
    value_type = float
    entity = Persoon
    definition_period = MONTH
    label = "Meerzorg als jaarbedrag in deze maand (extra uren x uurtarief x dagen/7, of het gevraagde bedrag)"
    bronnen = (B.RLZ_2_2, B.RLZ_5_14)

    def formula(persoon, period, parameters):
        jaar = period.this_year
        dagen_in_jaar = persoon("dagen_in_jaar", jaar)
        tarief = persoon("meerzorg_uurtarief", jaar)
        uren = persoon("meerzorg_extra_uren_per_week", jaar)
        gevraagd = persoon("meerzorg_gevraagd", jaar)
        op_uren = uren * tarief * dagen_in_jaar / 7.0
        bedrag = np.where(tarief > 0, np.where(gevraagd > 0, np.minimum(op_uren, gevraagd), op_uren), gevraagd)
        return np.where(persoon("meerzorg_recht", period), bedrag, 0.0)


class meerzorg_bedrag(WlzVariable):
    value_type = float
    entity = Persoon
    definition_period = YEAR
    label = "Bedrag voor meerzorg over de periode (naar rato van de zorgdagen)"
    bronnen = (B.RLZ_2_2, B.RLZ_5_14)

    def formula(persoon, period, parameters):
        return naar_rato(persoon, period, "meerzorg_jaarbedrag")

    @staticmethod
    def uitleg(ctx):
        if not ctx.get("meerzorg_in_aanmerking", ctx.waarde > 0):
            if open_criteria(ctx):
                return "Zolang niet is beoordeeld of u in aanmerking komt (niet opgegeven), is er geen bedrag."
            return "U komt niet in aanmerking voor meerzorg; het bedrag is € 0."
        uren = getal(ctx.get("meerzorg_extra_uren_per_week"))
        tarief = getal(ctx.get("meerzorg_uurtarief"))
        gevraagd = getal(ctx.get("meerzorg_gevraagd"))
        if tarief > 0:
            tekst = (
                f"{uren:g} extra uur per week boven het zorgprofiel, tegen {euro(tarief)} per uur (opgegeven "
                "uurtarief), over de zorgdagen van de periode"
            )
            if gevraagd > 0:
                tekst += f", ten hoogste het gevraagde bedrag van {euro(gevraagd)} per jaar"
            return tekst + f": {euro(ctx.waarde)} (Rlz art. 2.2, art. 5.14 lid 2 en 3)."
        if gevraagd > 0:
            return (
                f"Het gevraagde bedrag van {euro(gevraagd)} per jaar, naar rato van de zorgdagen: "
                f"{euro(ctx.waarde)} (Rlz art. 2.2, art. 5.14 lid 2 en 3)."
            )
        return (
            "U komt in aanmerking, maar er is geen uurtarief en geen gevraagd bedrag opgegeven; het bedrag is "
            "daarom € 0. Geef meerzorg_uurtarief of meerzorg_gevraagd op."
        )
