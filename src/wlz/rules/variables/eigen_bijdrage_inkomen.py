"""Bijdrageplichtig inkomen for the eigen bijdrage (Blz art. 3.3.1.2, 3.3.1.2a, 3.3.2.3, 3.3.2.4, 3.3.3.2).

- vermogen (art. 3.3.1.2): per person the grondslag sparen en beleggen, minus aangewezen eenmalige
  uitkeringen, minus a fixed exemption (2015: € 10.000, 2025: € 11.534; gone in the 2026 text) for the client
  under the AOW age and for the partner (at AOW age, or younger and not paying a Wlz contribution himself);
  never below nil. The mpt bijdrage of 2015 (art. 3.3.3.2) uses the vermogen *without* that exemption.
- vermogensinkomensbijtelling: a percentage of the household's vermogen (2015: 8%, 2025: 4%) added to income.
- compensatie vervallen ouderentoeslag (2025 only, art. 3.3.1.2a): for each spouse at AOW age whose income
  minus 4% of his grondslag is below € 22.833, 4% of his grondslag plus the bijtelling, at most € 1.700,
  is deducted. Art. 3.3.2.4a lid 3 says the partner's compensation is "vermeerderd" (added) for the lage
  bijdrage; art. 3.3.2.3 lid 1 b 5° deducts it for the hoge. We deduct it in both (open question in the
  report; the literal reading would make a partner's compensation raise the contribution).
- hoge bijdrage (art. 3.3.2.3): income minus tax, minus 15% of net earnings from work, minus the deductions of
  the ministeriële regeling (Rlz art. 4.1-4.5: zak- en kleedgeld, premium, aftrekpost, extra vrijlating),
  plus the bijtelling. The Rlz deductions are public here for 2015 only; for other years the user gives the
  total (``aftrek_hoge_bijdrage_opgegeven``) or the result is unknown.
- lage bijdrage (art. 3.3.2.4): income plus the bijtelling; in 2025 minus € 7.456,20 when someone in the
  household receives mpt or pgb.

All are household (Huishouden) amounts per bijdragejaar. NaN means a parameter for that year is not known.
"""

from __future__ import annotations

import numpy as np
from openfisca_core.periods import DateUnit

from wlz.rules.entities import Huishouden, Persoon
from wlz.rules.enums import Leveringsvorm
from wlz.rules.model import WlzVariable, euro, procent
from wlz.rules.tabellen import waarde
from wlz.rules.variables import eigen_bijdrage_bronnen as B
from wlz.rules.variables.periode import maanden

YEAR = DateUnit.YEAR
ETERNITY = DateUnit.ETERNITY

PGB_MPT = (Leveringsvorm.mpt, Leveringsvorm.pgb, Leveringsvorm.mpt_pgb)


def _p(parameters, period):
    """The eigen bijdrage parameters for a yearly income figure.

    The income of a bijdragejaar is one figure for the whole year, so it uses the amounts in force on 1 January;
    when no amounts are in force then (a new Blz version took effect during the year, as on 1 April 2026), it uses
    the first version that takes effect within the year. The monthly contributions themselves always use the
    amounts of their own month (eigen_bijdrage.py), so a month without known amounts stays unknown.
    """
    for maand in maanden(period) if period.unit == DateUnit.YEAR else [period]:
        node = parameters(maand.start).eigen_bijdrage
        if not np.isnan(waarde(node.laag, "percentage")):
            return node
    return parameters(period.start).eigen_bijdrage


def is_client(persoon) -> np.ndarray:
    return persoon.has_role(Huishouden.CLIENT)


def heeft_wlz_zorg(persoon) -> np.ndarray:
    """Receives Wlz care: the client always, the partner when ``ontvangt_wlz_zorg`` says so."""
    return is_client(persoon) | persoon("ontvangt_wlz_zorg", "eternity")


def thuis_mpt_of_pgb(persoon) -> np.ndarray:
    """Receives Wlz care as mpt, pgb or mpt with pgb."""
    lv = np.asarray(persoon("leveringsvorm", "eternity")).astype(int)
    return heeft_wlz_zorg(persoon) & np.isin(lv, [int(x.index) for x in PGB_MPT])


class eigen_bijdrage_vermogen_mpt(WlzVariable):
    value_type = float
    entity = Persoon
    definition_period = YEAR
    label = "Vermogen voor de eigen bijdrage zonder de vrijstelling (grondslag min eenmalige uitkeringen)"
    bronnen = (B.BLZ_3_3_1_2,)

    def formula(persoon, period, parameters):
        return np.maximum(
            persoon("grondslag_sparen_beleggen_peiljaar", period) - persoon("eenmalige_uitkeringen_aftrek", period), 0
        )


class eigen_bijdrage_vermogen(WlzVariable):
    value_type = float
    entity = Persoon
    definition_period = YEAR
    label = "Vermogen voor de eigen bijdrage (Blz art. 3.3.1.2): grondslag min aftrekposten, ten minste nihil"
    bronnen = (B.BLZ_3_3_1_2, B.BLZ26_3_3_1_2)

    def formula(persoon, period, parameters):
        vrijstelling = waarde(_p(parameters, period).vermogen, "vrijstelling")
        aow = persoon("pensioengerechtigd", period)
        zorg = heeft_wlz_zorg(persoon)
        client = is_client(persoon)
        # lid 1 b: the client under AOW age; the partner at AOW age, or younger and without own Wlz bijdrage
        krijgt = np.where(client, ~aow, aow | ~zorg)
        return np.maximum(persoon("eigen_bijdrage_vermogen_mpt", period) - np.where(krijgt, vrijstelling, 0.0), 0)


class vermogensinkomensbijtelling(WlzVariable):
    value_type = float
    entity = Huishouden
    definition_period = YEAR
    label = "Vermogensinkomensbijtelling: percentage van het opgetelde vermogen van client en partner"
    bronnen = (B.BLZ_3_3_2_4, B.BLZ25_3_3_1_2A)

    def formula(huishouden, period, parameters):
        pct = waarde(_p(parameters, period).vermogen, "bijtelling_percentage")
        return pct * huishouden.sum(huishouden.members("eigen_bijdrage_vermogen", period))

    @staticmethod
    def uitleg(ctx):
        pct = ctx.param("eigen_bijdrage.vermogen.bijtelling_percentage")
        return (
            f"Bij het inkomen telt {procent(pct)} van het vermogen van u en uw partner samen boven de "
            f"vrijstellingen (vermogensinkomensbijtelling): {euro(ctx.waarde)}."
        )


def _ouderentoeslag(persoon, period, parameters):
    """(parameters, right) of Blz art. 3.3.1.2a / 3.3.2.3 lid 1 b 4°-5°; None when the scheme is not in the text."""
    p = _p(parameters, period).ouderentoeslag
    if waarde(p, "maximum") == 0:  # the scheme does not exist in this text (2015, 2017, 2026)
        return None
    pct, grens = waarde(p, "percentage"), waarde(p, "inkomensgrens")
    vermogen = persoon("eigen_bijdrage_vermogen", period)
    recht = persoon("pensioengerechtigd", period) & (persoon("inkomen_peiljaar", period) - pct * vermogen < grens)
    return p, recht


class compensatie_ouderentoeslag_recht(WlzVariable):
    value_type = bool
    entity = Persoon
    definition_period = YEAR
    label = (
        "Heeft de pensioengerechtigde leeftijd en een inkomen min 4% van het vermogen onder de grens "
        "(Blz art. 3.3.2.3 lid 1 b 4°/5°, art. 3.3.2.4a)"
    )
    bronnen = (B.BLZ25_3_3_2_3, B.BLZ25_3_3_2_4A)

    def formula(persoon, period, parameters):
        uit = _ouderentoeslag(persoon, period, parameters)
        return np.zeros(persoon.count, dtype=bool) if uit is None else uit[1]


class compensatie_ouderentoeslag(WlzVariable):
    value_type = float
    entity = Persoon
    definition_period = YEAR
    label = "Compensatie vervallen ouderentoeslag (Blz art. 3.3.1.2a), per persoon"
    bronnen = (B.BLZ19_3_3_1_2A, B.BLZ25_3_3_1_2A, B.BLZ25_3_3_2_3, B.BLZ25_3_3_2_4A)

    def formula_2015_01(persoon, period, parameters):
        # 2018-2023 text (read: versions 2019-01-01 and 2022-01-01): a percentage of the person's OWN vermogen, the
        # bijtelling percentage plus 4%, at most (bijtelling percentage + 2,8%) x 25.000 (the parameter maximum:
        # 2018 8% + 2,8% = 2.700, from 2019 4% + 2,8% = 1.700). Not the household's bijtelling.
        return _compensatie(persoon, period, parameters, eigen_vermogen=True)

    def formula_2024_01(persoon, period, parameters):
        # 2024 and 2025 text: 4% of the grondslag (less art. 3.3.1.2 lid 1 a, b) plus the vermogensinkomensbijtelling
        # (of the household, art. 3.3.1.2a lid 3), at most € 1.700
        return _compensatie(persoon, period, parameters, eigen_vermogen=False)


def _compensatie(persoon, period, parameters, eigen_vermogen: bool) -> np.ndarray:
    uit = _ouderentoeslag(persoon, period, parameters)
    if uit is None:
        return np.zeros(persoon.count)
    p, recht = uit
    maximum, pct = waarde(p, "maximum"), waarde(p, "percentage")
    if np.isnan(maximum) or np.isnan(pct) or np.isnan(waarde(p, "inkomensgrens")):
        # a year whose amounts are not known (2016, 2023): unknown for whoever could have it (AOW age),
        # never a silent 0 that would make the contribution look known
        return np.where(persoon("pensioengerechtigd", period), np.nan, 0.0)
    vermogen = persoon("eigen_bijdrage_vermogen", period)
    if eigen_vermogen:
        bijtelling_pct = waarde(_p(parameters, period).vermogen, "bijtelling_percentage")
        bedrag = (bijtelling_pct + pct) * vermogen
    else:
        bedrag = pct * vermogen + persoon.huishouden("vermogensinkomensbijtelling", period)
    return np.where(recht, np.minimum(bedrag, maximum), 0.0)


class bijdrageplichtig_inkomen_laag(WlzVariable):
    value_type = float
    entity = Huishouden
    definition_period = YEAR
    label = "Bijdrageplichtig inkomen voor de lage eigen bijdrage (Blz art. 3.3.2.4), client en partner samen"
    bronnen = (B.BLZ_3_3_2_4, B.BLZ25_3_3_2_4, B.BLZ25_3_3_2_4A)

    def formula(huishouden, period, parameters):
        inkomen = huishouden("inkomen_huishouden", period)
        compensatie = huishouden("compensatie_ouderentoeslag_huishouden", period)
        bijtelling = huishouden("vermogensinkomensbijtelling", period)
        return np.maximum(inkomen - compensatie + bijtelling - huishouden("inkomensaftrek_thuis", period), 0)

    @staticmethod
    def uitleg(ctx):
        delen = [f"het inkomen over het peiljaar van u (en uw partner), {euro(ctx['inkomen_huishouden'])}"]
        compensatie = ctx.get("compensatie_ouderentoeslag_huishouden") or 0.0
        if compensatie:
            delen.append(f"min {euro(compensatie)} compensatie voor de vervallen ouderentoeslag (Blz art. 3.3.1.2a)")
        bijtelling = ctx.get("vermogensinkomensbijtelling")
        if bijtelling:
            delen.append(f"plus {euro(bijtelling)} vermogensinkomensbijtelling")
        aftrek = ctx.get("inkomensaftrek_thuis") or 0.0
        if aftrek:
            artikel = "art. 3.3.2.4a" if compensatie else "art. 3.3.2.4 lid 1"
            delen.append(
                f"min {euro(aftrek)} omdat u of uw partner zorg thuis krijgt met een mpt of pgb (Blz {artikel})"
            )
        return (
            f"Bijdrageplichtig inkomen voor de lage eigen bijdrage: {', '.join(delen)}; samen "
            f"{euro(ctx.waarde)} (Blz art. 3.3.2.4)."
        )


class inkomen_huishouden(WlzVariable):
    value_type = float
    entity = Huishouden
    definition_period = YEAR
    label = "Inkomen over het peiljaar van client en partner samen"
    bronnen = (B.BLZ_3_3_1_3,)

    def formula(huishouden, period, parameters):
        return huishouden.sum(huishouden.members("inkomen_peiljaar", period))


class compensatie_ouderentoeslag_huishouden(WlzVariable):
    value_type = float
    entity = Huishouden
    definition_period = YEAR
    label = "Compensatie vervallen ouderentoeslag van client en partner samen (Blz 2025 art. 3.3.1.2a)"
    bronnen = (B.BLZ25_3_3_1_2A,)

    def formula(huishouden, period, parameters):
        return huishouden.sum(huishouden.members("compensatie_ouderentoeslag", period))


class inkomensaftrek_thuis(WlzVariable):
    value_type = float
    entity = Huishouden
    definition_period = YEAR
    label = "Aftrek van het inkomen voor de lage eigen bijdrage bij zorg thuis met mpt of pgb (Blz art. 3.3.2.4)"
    bronnen = (B.BLZ_3_3_2_4, B.BLZ25_3_3_2_4, B.BLZ18_3_3_2_4A)

    def formula(huishouden, period, parameters):
        # where art. 3.3.2.4a applies (someone at AOW age under its income limit) its own amount counts: in the
        # 2018 text € 6.030 (lid 3), not the € 6.085 of art. 3.3.2.4 lid 1; from 2019 both articles name the same
        laag = _p(parameters, period).laag
        thuis = huishouden.any(thuis_mpt_of_pgb(huishouden.members))
        bedrag = waarde(laag, "inkomenskorting_thuis")
        artikel_4a = waarde(laag, "inkomenskorting_thuis_3_3_2_4a")
        if not np.isnan(artikel_4a):
            ouderen = huishouden.any(huishouden.members("compensatie_ouderentoeslag_recht", period))
            bedrag = np.where(ouderen, artikel_4a, bedrag)
        return np.where(thuis, bedrag, 0.0)


def _rlz_aftrek(huishouden, period, parameters) -> np.ndarray:
    """Rlz art. 4.2-4.5 (2015): zak- en kleedgeld, premium, aftrekpost and extra vrijlating, per household."""
    r = _p(parameters, period).rlz_aftrek
    w = {
        naam: waarde(r, naam)
        for naam in (
            "zak_kleedgeld_ongehuwd",
            "zak_kleedgeld_gehuwd",
            "premie_basis",
            "premie_percentage",
            "premie_maximum",
            "premie_minimum_ongehuwd_aow",
            "premie_minimum_gehuwd_aow",
            "zorgtoeslag_ongehuwd",
            "zorgtoeslag_gehuwd",
            "zorgtoeslag_grens",
            "zorgtoeslag_afbouw",
            "aftrekpost",
            "aftrekpost_aow",
            "vrijlating_percentage",
            "drempel_ongehuwd_aow",
            "drempel_gehuwd_aow",
            "drempel_ongehuwd",
            "drempel_gehuwd",
        )
    }
    gehuwd = huishouden.nb_persons(Huishouden.PARTNER) > 0
    inkomen_p = huishouden.members("inkomen_peiljaar", period)
    aow_p = huishouden.members("pensioengerechtigd", period)
    gehuwd_p = huishouden.project(gehuwd)
    # Rlz 4.3 lid 1: per person € 1.478 + 5,65% of income, at most € 4.351,19; at AOW age at least the minimum
    minimum_p = np.where(
        aow_p, np.where(gehuwd_p, w["premie_minimum_gehuwd_aow"], w["premie_minimum_ongehuwd_aow"]), 0.0
    )
    premie_p = np.clip(w["premie_basis"] + w["premie_percentage"] * inkomen_p, minimum_p, w["premie_maximum"])
    premie = huishouden.sum(premie_p)
    inkomen = huishouden.sum(inkomen_p)
    # lid 2: less the zorgtoeslag one had a right to on 1 January of the peiljaar
    zt = np.where(gehuwd, w["zorgtoeslag_gehuwd"], w["zorgtoeslag_ongehuwd"])
    zt = np.maximum(zt - w["zorgtoeslag_afbouw"] * np.maximum(inkomen - w["zorgtoeslag_grens"], 0), 0)
    premie = np.maximum(premie - np.where(huishouden("zorgtoeslag_peiljaar", period), zt, 0.0), 0)
    zak = np.where(gehuwd, w["zak_kleedgeld_gehuwd"], w["zak_kleedgeld_ongehuwd"])
    aftrekpost = huishouden.sum(np.where(aow_p, w["aftrekpost_aow"], w["aftrekpost"]))
    belasting = huishouden.sum(huishouden.members("belasting_peiljaar", period))
    na_aftrek = inkomen - belasting - zak - premie - aftrekpost
    een_aow = huishouden.any(aow_p)
    drempel = np.where(
        gehuwd,
        np.where(een_aow, w["drempel_gehuwd_aow"], w["drempel_gehuwd"]),
        np.where(een_aow, w["drempel_ongehuwd_aow"], w["drempel_ongehuwd"]),
    )
    vrijlating = w["vrijlating_percentage"] * np.maximum(na_aftrek - drempel, 0)
    return zak + premie + aftrekpost + vrijlating


class aftrek_hoge_bijdrage(WlzVariable):
    value_type = float
    entity = Huishouden
    definition_period = YEAR
    label = "Aftrekposten van de ministeriele regeling bij de hoge eigen bijdrage (Rlz art. 4.1-4.5)"
    bronnen = (B.BLZ_3_3_2_3, B.RLZ_4_1, B.RLZ_4_3, B.RLZ_4_5)

    def formula(huishouden, period, parameters):
        opgegeven = huishouden("aftrek_hoge_bijdrage_opgegeven", period)
        return np.where(opgegeven > 0, opgegeven, _rlz_aftrek(huishouden, period, parameters))


class bijdrageplichtig_inkomen_hoog(WlzVariable):
    value_type = float
    entity = Huishouden
    definition_period = YEAR
    label = "Bijdrageplichtig inkomen voor de hoge eigen bijdrage (Blz art. 3.3.2.3), client en partner samen"
    bronnen = (B.BLZ_3_3_2_3, B.BLZ25_3_3_2_3, B.RLZ_4_1)

    def formula(huishouden, period, parameters):
        som = huishouden.sum
        inkomen = som(huishouden.members("inkomen_peiljaar", period))
        belasting = som(huishouden.members("belasting_peiljaar", period))
        arbeid = waarde(_p(parameters, period).hoog, "arbeid_vrijlating") * som(
            huishouden.members("netto_arbeidsopbrengst", period)
        )
        compensatie = som(huishouden.members("compensatie_ouderentoeslag", period))
        bijtelling = huishouden("vermogensinkomensbijtelling", period)
        aftrek = huishouden("aftrek_hoge_bijdrage", period)
        return np.maximum(inkomen - belasting - arbeid - aftrek - compensatie + bijtelling, 0)

    @staticmethod
    def uitleg(ctx):
        if ctx.get("leveringsvorm") not in (None, "verblijf"):
            return (
                "Niet van toepassing: dit inkomen telt alleen voor de hoge eigen bijdrage, en die geldt alleen "
                "bij verblijf in een instelling (Blz art. 3.3.2.1). U krijgt zorg thuis."
            )
        return (
            f"Bijdrageplichtig inkomen voor de hoge eigen bijdrage: inkomen min belasting, min "
            f"{euro(ctx['aftrek_hoge_bijdrage'])} aan aftrekposten (zak- en kleedgeld, premie zorgverzekering, "
            f"aftrekpost en extra vrijlating, Rlz art. 4.1-4.5), plus "
            f"{euro(ctx['vermogensinkomensbijtelling'])} vermogensinkomensbijtelling: {euro(ctx.waarde)} "
            f"(Blz art. 3.3.2.3)."
        )


class bijdrageplichtig_inkomen_mpt(WlzVariable):
    value_type = float
    entity = Huishouden
    definition_period = YEAR
    label = "Bijdrageplichtig inkomen voor de eigen bijdrage mpt (Blz 2015 art. 3.3.3.2): inkomen plus 8% vermogen"
    bronnen = (B.BLZ_3_3_3_2,)

    def formula(huishouden, period, parameters):
        pct = waarde(_p(parameters, period).mpt, "vermogen_percentage")
        inkomen = huishouden.sum(huishouden.members("inkomen_peiljaar", period))
        vermogen = huishouden.sum(huishouden.members("eigen_bijdrage_vermogen_mpt", period))
        return inkomen + pct * vermogen
