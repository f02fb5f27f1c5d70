"""The end of a pgb before its period's end (Rlz art. 5.20): the zorgkantoor changes or withdraws the
verleningsbeschikking from a given day. What follows here: the beschikking's last day becomes the day before the
end (so the existing date check of a declaration refuses care after it), the budget is the one for the shortened
period (the rules' amount for it, or the user's amount pro rata by days: Rlz art. 5.14 lid 3), agreements end with
it, and the vaststelling (Rlz art. 5.21 lid 5: the verantwoordingsvrij bedrag pro rata) runs over the shortened
period."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from wlz.common.errors import InputError

from .bronnen import RLZ_2015, Bron

BRON_EINDE = Bron("Rlz art. 5.20", f"{RLZ_2015}#Artikel5.20")


class EindeReden(StrEnum):
    """The grounds of Rlz art. 5.20 (lid 1 a-e: the zorgkantoor must; lid 2: it may)."""

    overlijden = "overlijden"
    instelling = "instelling"
    afstand = "afstand"
    minderjarige = "minderjarige"
    herziening = "herziening"
    geen_woonadres = "geen_woonadres"
    verplichtingen = "verplichtingen"


#: the ground's text for the letter, with the article's part
REDENEN: dict[EindeReden, str] = {
    EindeReden.overlijden: "de budgethouder is overleden "
    "(Rlz art. 5.20, lid 1, onder a: vanaf de dag na het overlijden)",
    EindeReden.instelling: "de budgethouder verblijft langer dan twee maanden in een instelling "
    "(Rlz art. 5.20, lid 1, onder b)",
    EindeReden.afstand: "de budgethouder heeft schriftelijk laten weten geen pgb meer te willen, bijvoorbeeld bij "
    "een overstap naar zorg in natura of een vpt (Rlz art. 5.20, lid 1, onder c)",
    EindeReden.minderjarige: "het pgb van een minderjarige wordt niet voor zijn zorg gebruikt, op advies "
    "(Rlz art. 5.20, lid 1, onder d)",
    EindeReden.herziening: "het indicatiebesluit is na bezwaar of beroep ten nadele herzien "
    "(Rlz art. 5.20, lid 1, onder e)",
    EindeReden.geen_woonadres: "de budgethouder heeft geen woonadres in de basisregistratie personen "
    "(Rlz art. 5.20, lid 2)",
    EindeReden.verplichtingen: "de budgethouder of de gewaarborgde hulp komt de verplichtingen niet na "
    "(Rlz art. 5.20, lid 2)",
}


@dataclass(frozen=True)
class Einde:
    per: dt.date  # the first day without pgb
    reden: EindeReden

    @property
    def laatste_dag(self) -> dt.date:
        return self.per - dt.timedelta(days=1)


def einde(reden: EindeReden, datum: dt.date) -> Einde:
    """``datum``: the day of death for ``overlijden`` (the pgb ends the day after it, art. 5.20 lid 1 a), otherwise
    the first day without pgb."""
    return Einde(datum + dt.timedelta(days=1) if reden is EindeReden.overlijden else datum, reden)


def check_einde(e: Einde, van: dt.date, tot: dt.date, al_beeindigd: bool, vastgesteld: bool) -> None:
    if vastgesteld:
        raise InputError("per", "het budget is al vastgesteld: een vordering is de weg")
    if al_beeindigd:
        raise InputError("per", "dit pgb is al beëindigd")
    if e.per <= van:
        raise InputError(
            "per",
            f"het einde ({e.per:%d-%m-%Y}) ligt op of voor de begindatum: trek de beschikking geheel in "
            "(hier niet ondersteund)",
            BRON_EINDE.titel,
        )
    if e.per > tot:
        raise InputError("per", f"het einde ({e.per:%d-%m-%Y}) ligt na de einddatum van de beschikking")


def naar_rato_cent(budget_cent: int, van: dt.date, tot: dt.date, nieuw_tot: dt.date) -> int:
    """A user-supplied budget for the shortened period, by days of care (Rlz art. 5.14 lid 3)."""
    return round(budget_cent * ((nieuw_tot - van).days + 1) / ((tot - van).days + 1))


def reservering_na_einde(
    gereserveerd_cent: int, uren_per_week: float, uurtarief_cent: int, van: dt.date, laatste_dag: dt.date, betaald: int
) -> int:
    """What an agreement still needs reserved once it ends on ``laatste_dag``: its amount over the shortened period
    less what was paid on it, never more than it had."""
    if laatste_dag < van:
        return 0
    nodig = round(uren_per_week * ((laatste_dag - van).days + 1) / 7 * uurtarief_cent) - betaald
    return max(0, min(gereserveerd_cent, nodig))
