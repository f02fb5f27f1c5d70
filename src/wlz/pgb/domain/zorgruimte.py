"""What the client's indication lets a budgetplan and a zorgovereenkomst buy: the care forms (functies) of the
zorgprofiel and the hours, with the articles they rest on.

- **Functies**: the rules' API gives, per zorgprofiel, the class of each care form that makes up its pgb (Rlz art.
  5.13 lid 2 with bijlage C: ``pgb.klassen.<vorm>.<profiel>``). A plan line or agreement for persoonlijke
  verzorging, verpleging or begeleiding that the profile does not hold is refused: the pgb is granted for the care
  of the indication (Wlz art. 3.3.3 lid 1) and is at most the amount of the profile (Blz art. 3.6.3, Rlz art. 5.13);
  an agreement's approval may be withheld for "strijd met het recht" (Blz art. 3.6.4, the second lid 3). Rlz art.
  5.9 and Blz art. 3.6.2 list the refusal grounds of the pgb itself, none of which is "care outside the
  indication", so the refusal does not rest on them. Huishoudelijke hulp, vervoer
  and logeeropvang have no class in bijlage C: the rules say nothing about them, so only the budget bounds them.
  A year the rules know no classes for: no function check (said in the answer, never guessed).
- **Hours**: no article sets hours per zorgprofiel or per class (the classes are amounts, Rlz art. 5.13 lid 1), so
  the hours are bounded by the budget (Blz art. 3.6.3: the pgb is at most the amount the regeling sets; Rlz art. 5.8:
  the plan shows the care bought with it; Blz art. 3.6.6 lid 1 onder a: the SVB pays only according to the
  beschikking) and, per zorgverlener, by the forty hours a week
  of Rlz art. 5.22 lid 4 / art. 5.18 onder d.
- **Bemiddelingskosten** (Rlz art. 5.22 lid 5, 2015 text: at most € 250 a year where the pgb on a yearly basis is
  € 25.000 or less, € 500 where it is more; art. 5.18 lid 1 onder f: only for a budgethouder who had a pgb for an
  AWBZ period ending 31 December 2011, and only to a bureau with a keurmerk of the Keurmerkinstituut)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from wlz.common.errors import InputError

from .bronnen import RLZ_2015, Bron

#: the pgb functies the rules' classes cover, and the class names (bijlage C) that cover each
RULES_VORMEN: dict[str, tuple[str, ...]] = {
    "persoonlijke_verzorging": ("persoonlijke_verzorging",),
    "verpleging": ("verpleging",),
    "begeleiding": ("begeleiding_individueel", "begeleiding_groep"),
}

BRON_FUNCTIES = Bron(
    "Wlz art. 3.3.3 lid 1; Blz art. 3.6.3, 3.6.4; Rlz art. 5.13 lid 2 en bijlage C", f"{RLZ_2015}#BijlageC"
)
BRON_UREN = Bron("Rlz art. 5.22, lid 4; art. 5.18, onder d (uren per zorgverlener)", f"{RLZ_2015}#Artikel5.22")
BRON_BEMIDDELING = Bron("Rlz art. 5.22, lid 5; art. 5.18, lid 1, onder f", f"{RLZ_2015}#Artikel5.22")

#: Rlz art. 5.22 lid 5 (2015): the cap per year and the yearly budget that separates the two caps (cents)
BEMIDDELING_GRENS_CENT = 2_500_000
BEMIDDELING_LAAG_CENT = 25_000
BEMIDDELING_HOOG_CENT = 50_000

MAX_UREN_PER_WEEK = 40


@dataclass(frozen=True)
class Zorgruimte:
    """The care forms of the client's zorgprofiel from the rules (``None``: the rules know none for the year)."""

    vormen: frozenset[str] | None
    bron: str = BRON_FUNCTIES.titel

    def check_functie(self, functie: str, veld: str, zorgprofiel: str) -> None:
        if self.vormen is None or functie not in RULES_VORMEN:
            return
        if not any(v in self.vormen for v in RULES_VORMEN[functie]):
            raise InputError(
                veld,
                f"de functie {functie.replace('_', ' ')} hoort niet bij zorgprofiel {zorgprofiel}: "
                f"het pgb is verleend voor de zorg van de indicatie",
                self.bron,
            )


def weken(van: dt.date, tot: dt.date) -> float:
    return ((tot - van).days + 1) / 7


def check_uren_per_zorgverlener(
    uren_per_zorgverlener: dict[str, float], van: dt.date, tot: dt.date, velden: dict[str, str]
) -> None:
    """The plan's hours of one zorgverlener over the beschikking's weeks stay within forty a week on average (the
    weekly check of each declaration is the exact one; a plan cannot ask for more than that limit allows)."""
    w = weken(van, tot)
    for zorgverlener, uren in uren_per_zorgverlener.items():
        if uren > MAX_UREN_PER_WEEK * w + 1e-9:
            raise InputError(
                velden[zorgverlener],
                f"{uren:g} uur voor één zorgverlener is meer dan {MAX_UREN_PER_WEEK} uur per week over {w:.1f} weken",
                BRON_UREN.titel,
            )


def bemiddeling_maximum_cent(budget_cent: int, van: dt.date, tot: dt.date) -> int:
    """Rlz art. 5.22 lid 5: the cap for the year, chosen by the budget on a yearly basis (a part-year budget is
    scaled up to a year to choose; the cap itself is per year, the article does not pro-rate it)."""
    jaar_dagen = (dt.date(van.year, 12, 31) - dt.date(van.year, 1, 1)).days + 1
    dagen = (tot - van).days + 1
    jaarbasis = budget_cent * jaar_dagen / dagen
    return BEMIDDELING_LAAG_CENT if jaarbasis <= BEMIDDELING_GRENS_CENT else BEMIDDELING_HOOG_CENT


@dataclass(frozen=True)
class Bemiddeling:
    """Bemiddelingskosten in a budgetplan: the amount a year and the two conditions of Rlz art. 5.18 lid 1 f."""

    bedrag_cent: int
    awbz_pgb_2011: bool = False  # a pgb for an AWBZ period that ended on 31 December 2011
    keurmerk: bool = False  # the bureau has the Keurmerkinstituut's keurmerk


def check_bemiddeling(b: Bemiddeling, budget_cent: int, van: dt.date, tot: dt.date) -> None:
    if b.bedrag_cent < 0:
        raise InputError("bemiddelingskosten", "het bedrag kan niet negatief zijn")
    if b.bedrag_cent == 0:
        return
    if not b.awbz_pgb_2011:
        raise InputError(
            "bemiddelingskosten",
            "bemiddelingskosten worden alleen betaald aan wie een AWBZ-pgb had voor een periode die eindigde op "
            "31 december 2011",
            BRON_BEMIDDELING.titel,
        )
    if not b.keurmerk:
        raise InputError(
            "bemiddelingskosten",
            "het bemiddelingsbureau moet een keurmerk van het Keurmerkinstituut hebben",
            BRON_BEMIDDELING.titel,
        )
    maximum = bemiddeling_maximum_cent(budget_cent, van, tot)
    if b.bedrag_cent > maximum:
        raise InputError(
            "bemiddelingskosten",
            f"hoger dan het maximum van € {maximum // 100} per jaar bij dit budget",
            BRON_BEMIDDELING.titel,
        )


def check_plan_tegen_indicatie(
    zorgprofiel: str,
    van: dt.date,
    tot: dt.date,
    regels: Sequence[tuple[str, float, str]],
    ruimte: Zorgruimte,
) -> None:
    """``regels``: (functie, uren a year, zorgverlener) per plan line, in order."""
    per_zv: dict[str, float] = {}
    velden: dict[str, str] = {}
    for i, (functie, uren, zorgverlener) in enumerate(regels):
        ruimte.check_functie(functie, f"regels[{i}].functie", zorgprofiel)
        per_zv[zorgverlener] = per_zv.get(zorgverlener, 0.0) + uren
        velden[zorgverlener] = f"regels[{i}].uren"
    check_uren_per_zorgverlener(per_zv, van, tot, velden)
