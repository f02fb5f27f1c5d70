"""Input variables: what a client situation states (profile, dates, leveringsvorm, household, requests).

Inputs carry no formula. Defaults are chosen so that an omitted fact never grants something: a flag that
opens a scheme defaults to False, amounts requested default to 0.
"""

from __future__ import annotations

import datetime as dt

from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import DateUnit

from wlz.rules.entities import Huishouden, Persoon
from wlz.rules.enums import Leveringsvorm, Zorgprofiel
from wlz.rules.model import WlzVariable

ETERNITY = DateUnit.ETERNITY
YEAR = DateUnit.YEAR


class zorgprofiel(WlzVariable):
    value_type = Enum
    possible_values = Zorgprofiel
    default_value = Zorgprofiel.ONBEKEND
    entity = Persoon
    definition_period = ETERNITY
    label = "Zorgprofiel uit het indicatiebesluit van het CIZ"


class leveringsvorm(WlzVariable):
    value_type = Enum
    possible_values = Leveringsvorm
    default_value = Leveringsvorm.verblijf
    entity = Persoon
    definition_period = ETERNITY
    label = "Gekozen leveringsvorm"


class behandeling(WlzVariable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = ETERNITY
    label = "Zorg inclusief behandeling (verblijf of vpt)"


class dagbesteding(WlzVariable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = ETERNITY
    label = "Met dagbesteding (begeleiding groep)"


class kleinschalig_wooninitiatief(WlzVariable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = ETERNITY
    label = "Woont in een kleinschalig wooninitiatief"


class niet_opgegeven(WlzVariable):
    """The yes/no questions the applicant left unanswered, by input name. A yes/no input cannot hold "unknown"
    (OpenFisca gives its default, false), so without this an unanswered question would read as "nee" — a refusal
    on a point the client never answered. A situation sets it by giving such a question as ``null`` (or lists
    the names here); the explanations then say "niet opgegeven", and a yes/no result such a question decides
    has no outcome ("kan niet worden beoordeeld", see ``open_als`` in ``wlz.rules.model``)."""

    value_type = str
    default_value = ""
    entity = Persoon
    definition_period = ETERNITY
    label = "Ja/nee-vragen die niet zijn beantwoord (namen, gescheiden door komma's)"


class gewaarborgde_hulp(WlzVariable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = ETERNITY
    label = "Beschikt over gewaarborgde hulp (Rlz art. 5.6)"


class geboortedatum(WlzVariable):
    value_type = dt.date
    default_value = dt.date(1970, 1, 1)
    entity = Persoon
    definition_period = ETERNITY
    label = "Geboortedatum"


class zorg_begin(WlzVariable):
    value_type = dt.date
    default_value = dt.date(1900, 1, 1)
    entity = Persoon
    definition_period = ETERNITY
    label = "Eerste dag van de zorg in de berekening"


class zorg_einde(WlzVariable):
    value_type = dt.date
    default_value = dt.date(2999, 12, 31)
    entity = Persoon
    definition_period = ETERNITY
    label = "Laatste dag van de zorg in de berekening"


class mpt_kosten(WlzVariable):
    value_type = float
    entity = Persoon
    definition_period = YEAR
    label = "Kosten per jaar van de gevraagde modules van het modulair pakket thuis"


class mpt_kosten_buiten_toets(WlzVariable):
    value_type = float
    entity = Persoon
    definition_period = YEAR
    label = "Deel van de mpt-kosten dat buiten de doelmatigheidstoets blijft (Rlz art. 5.1)"


class pgb_deel(WlzVariable):
    value_type = float
    entity = Persoon
    definition_period = YEAR
    label = "Gevraagd pgb naast het modulair pakket thuis (per jaar)"


class zzp_dagtarief(WlzVariable):
    value_type = float
    entity = Persoon
    definition_period = YEAR
    label = "Dagtarief zzp/vpt opgegeven door de gebruiker (0 = gebruik het tarief uit de parameters)"


class aantal_partners(WlzVariable):
    value_type = int
    entity = Huishouden
    definition_period = ETERNITY
    label = "Aantal partners in het huishouden (0 of 1)"
    # filled from the household composition in the situation; see situatie.py
