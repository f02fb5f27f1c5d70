"""Inputs of the eigen bijdrage (Blz hoofdstuk 3 § 3): income, assets and the household facts the CAK uses.

Income and assets are per person (client and partner each), because the Blz looks at each spouse separately
in places (the vermogen exemption of art. 3.3.1.2, the compensatie vervallen ouderentoeslag of art. 3.3.1.2a,
the premium deduction of Rlz art. 4.3) and adds them up elsewhere ("de gehuwde verzekerden tezamen").

All amounts are for the bijdragejaar the simulation computes, but describe the *peiljaar* — the second
calendar year before it (Blz art. 1.1.1 "peiljaar"): for the eigen bijdrage of 2025 give the income of 2023.
That keeps one number per bijdragejaar, as on the CAK's decision.

Validation (situatie.py): every numeric input here must be >= 0 (a negative income is refused with the field
name). Defaults never lower a contribution: an omitted exception flag is False.
"""

from __future__ import annotations

import datetime as dt

from openfisca_core.periods import DateUnit

from wlz.rules.entities import Huishouden, Persoon
from wlz.rules.model import WlzVariable
from wlz.rules.variables import eigen_bijdrage_bronnen as B

ETERNITY = DateUnit.ETERNITY
YEAR = DateUnit.YEAR

#: inputs that must not be negative (for the situation validator; it already refuses any negative number)
NIET_NEGATIEF = (
    "inkomen_peiljaar",
    "belasting_peiljaar",
    "grondslag_sparen_beleggen_peiljaar",
    "eenmalige_uitkeringen_aftrek",
    "netto_arbeidsopbrengst",
    "mpt_uren_per_periode",
    "aftrek_hoge_bijdrage_opgegeven",
)


class inkomen_peiljaar(WlzVariable):
    value_type = float
    entity = Persoon
    definition_period = YEAR
    label = "Inkomen over het peiljaar (inkomensgegeven van de Belastingdienst, twee jaar voor het bijdragejaar)"
    bronnen = (B.BLZ_3_3_1_3, B.BLZ_1_1_1)


class belasting_peiljaar(WlzVariable):
    value_type = float
    entity = Persoon
    definition_period = YEAR
    label = "Verschuldigde of ingehouden inkomstenbelasting en premie volksverzekeringen over het peiljaar"
    bronnen = (B.BLZ_1_1_1, B.BLZ_3_3_2_3)


class grondslag_sparen_beleggen_peiljaar(WlzVariable):
    value_type = float
    entity = Persoon
    definition_period = YEAR
    label = (
        "Grondslag sparen en beleggen (box 3) over het peiljaar: rendementsgrondslag boven het heffingsvrij vermogen"
    )
    bronnen = (B.BLZ_3_3_1_2,)


class eenmalige_uitkeringen_aftrek(WlzVariable):
    value_type = float
    entity = Persoon
    definition_period = YEAR
    label = "Aangewezen eenmalige uitkeringen die op aanvraag van het vermogen af gaan (Blz art. 3.3.1.2 lid 1 a)"
    bronnen = (B.BLZ_3_3_1_2,)


class netto_arbeidsopbrengst(WlzVariable):
    value_type = float
    entity = Persoon
    definition_period = YEAR
    label = (
        "Netto-opbrengst van arbeid, loondoorbetaling bij ziekte of Ziektewet in het vorige jaar "
        "(15% daarvan gaat af bij de hoge eigen bijdrage)"
    )
    bronnen = (B.BLZ_3_3_2_3,)


class pensioengerechtigd(WlzVariable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = YEAR
    label = "Heeft uiterlijk 31 januari van het bijdragejaar de AOW-leeftijd (pensioengerechtigde leeftijd) bereikt"
    bronnen = (B.BLZ_3_3_1_4,)


class ontvangt_wlz_zorg(WlzVariable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = ETERNITY
    label = "De partner ontvangt zelf ook Wlz-zorg (in natura of pgb) in de leveringsvorm die voor hem is opgegeven"
    bronnen = (B.BLZ_3_3_2_2,)


class verblijf_begin(WlzVariable):
    value_type = dt.date
    default_value = dt.date(1900, 1, 1)
    entity = Persoon
    definition_period = ETERNITY
    label = (
        "Eerste dag van het verblijf in een instelling voor de eerste-maandenregel "
        "(niet opgegeven: de eerste dag van de zorg)"
    )
    bronnen = (B.BLZ_3_3_2_2,)


class eerste_maanden_uitgesloten(WlzVariable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = ETERNITY
    label = (
        "Geen lage bijdrage in de eerste maanden: het verblijf begon kort na een eerder verblijf met de hoge "
        "bijdrage, of na het einde van de ggz-zorg uit de Zorgverzekeringswet (Blz art. 3.3.2.2 lid 5/7)"
    )
    bronnen = (B.BLZ_3_3_2_2,)


class mpt_uren_per_periode(WlzVariable):
    value_type = float
    entity = Persoon
    definition_period = YEAR
    label = (
        "Uren mpt-zorg (of dagdelen zorg in groepsverband) per bijdrageperiode van vier weken "
        "(eigen bijdrage mpt volgens Blz 2015 art. 3.3.3.1)"
    )
    bronnen = (B.BLZ_3_3_3_1,)


class mpt_hoogstens_20_uur(WlzVariable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = YEAR
    label = "Ontvangt per maand twintig uur of minder zorg in natura via het mpt (Blz art. 3.3.2.2 lid 5, 2025)"
    bronnen = (B.BLZ25_3_3_2_2,)


class kinderen_ten_laste(WlzVariable):
    value_type = bool
    default_value = False
    entity = Huishouden
    definition_period = YEAR
    label = (
        "Moet voorzien in het onderhoud van kinderen met kinderbijslag of (onder 27) studiefinanciering "
        "(Blz art. 3.3.2.2 lid 1 onder c)"
    )
    bronnen = (B.BLZ_3_3_2_2,)


class terugkeer_verwacht(WlzVariable):
    value_type = bool
    default_value = False
    entity = Huishouden
    definition_period = YEAR
    label = (
        "Het zorgkantoor acht terugkeer naar huis binnen een half jaar (2025: vier maanden) waarschijnlijk "
        "(Blz art. 3.3.2.2 lid 1 onder d)"
    )
    bronnen = (B.BLZ_3_3_2_2,)


class wmo_maatwerkvoorziening(WlzVariable):
    value_type = bool
    default_value = False
    entity = Huishouden
    definition_period = YEAR
    label = (
        "Client of partner ontvangt een Wmo-maatwerkvoorziening of Wmo-pgb, anders dan voor beschermd wonen "
        "(korting, Blz art. 3.3.2.2 lid 4 onder c)"
    )
    bronnen = (B.BLZ_3_3_2_2,)


class zorgtoeslag_peiljaar(WlzVariable):
    value_type = bool
    default_value = False
    entity = Huishouden
    definition_period = YEAR
    label = "Had op 1 januari van het peiljaar aanspraak op zorgtoeslag (Rlz art. 4.3 lid 2)"
    bronnen = (B.RLZ_4_3,)


class aftrek_hoge_bijdrage_opgegeven(WlzVariable):
    value_type = float
    entity = Huishouden
    definition_period = YEAR
    label = (
        "Aftrekposten van de ministeriele regeling voor de hoge bijdrage (zak- en kleedgeld, premie, "
        "aftrekpost, extra vrijlating), opgegeven door de gebruiker (0 = bereken uit de parameters)"
    )
    bronnen = (B.BLZ_3_3_2_3, B.RLZ_4_1)
