"""The law's figures the pgb administration applies, each with its source (the 2015 Rlz text in
shared/bronnen/wetgeving; later years only where a public text was read, see
``wlz/rules/parameters/pgb/tarief.yaml``). A year without a value gives ``None``: the user supplies it."""

from __future__ import annotations

from dataclasses import dataclass

RLZ_2015 = "https://wetten.overheid.nl/BWBR0036014/2015-07-27"


@dataclass(frozen=True)
class Bron:
    titel: str
    url: str


#: Rlz art. 5.18 onder d (2015): a zorgverlener to whom the Arbeidstijdenbesluit does not apply works "niet meer dan
#: veertig uur in één week" for the budgethouder; art. 5.22 lid 4: "niet meer bedragen dan veertig uur per week".
#: Checked per calendar week (Monday to Sunday) per zorgverlener per beschikking, in whole minutes.
MAX_UREN_PER_WEEK = 40
MAX_MINUTEN_PER_WEEK = MAX_UREN_PER_WEEK * 60
BRON_MAX_UREN = Bron("Rlz art. 5.18, onder d; art. 5.22, lid 4", f"{RLZ_2015}#Artikel5.18")

#: Rlz art. 5.16 lid 2 onder a 2° and art. 5.23 lid 2 onder c: declarations later than six weeks may be refused
DECLARATIE_TERMIJN_DAGEN = 42
BRON_DECLARATIE_TERMIJN = Bron("Rlz art. 5.23, lid 2, onder c", f"{RLZ_2015}#Artikel5.23")

#: Rlz art. 5.23 lid 3: the SVB pays within 30 days of receiving the declaration
BETAALTERMIJN_DAGEN = 30
BRON_BETAALTERMIJN = Bron("Rlz art. 5.23, lid 3", f"{RLZ_2015}#Artikel5.23")

#: Rlz art. 5.21 lid 2: vaststelling within six weeks after the subsidieperiode
VASTSTELLING_TERMIJN_DAGEN = 42
BRON_VASTSTELLING = Bron("Rlz art. 5.21", f"{RLZ_2015}#Artikel5.21")

BRON_DERDENBEDING = Bron(
    "Kamerbrief over de Wlz (seed 003, p. 9): derdenbeding verplicht in nieuwe zorgovereenkomsten", ""
)
BRON_GEWAARBORGDE_HULP = Bron("Rlz art. 5.6", f"{RLZ_2015}#Artikel5.6")
BRON_WEIGERING = Bron("Rlz art. 5.9", f"{RLZ_2015}#Artikel5.9")
BRON_OVEREENKOMST = Bron("Rlz art. 5.16; Blz art. 3.6.4", f"{RLZ_2015}#Artikel5.16")


@dataclass(frozen=True)
class Verantwoordingsvrij:
    """Rlz art. 5.17 lid 3 (and 5.21 lid 3): a fraction of the year's budget, with a minimum and maximum."""

    fractie_bp: int  # basis points: 150 = 1,5 %
    minimum_cent: int
    maximum_cent: int
    bron: Bron


#: per year; only 2015 is read from a text here (other years: the user supplies the values)
VERANTWOORDINGSVRIJ: dict[int, Verantwoordingsvrij] = {
    2015: Verantwoordingsvrij(150, 25_000, 125_000, Bron("Rlz art. 5.17, lid 3", f"{RLZ_2015}#Artikel5.17")),
}


@dataclass(frozen=True)
class Uurtarief:
    """The maximum hourly rates of Rlz art. 5.22 for one year (cents; ``None``: not found for that year)."""

    formeel_cent: int | None
    informeel_cent: int | None
    bron: Bron | None


#: informal rate 2015: Rlz art. 5.22 lid 2 (EUR 20 per uur); later informal rates are not shipped (see tarief.yaml)
INFORMEEL_2015 = Uurtarief(None, 2_000, Bron("Rlz art. 5.22, lid 2", f"{RLZ_2015}#Artikel5.22"))
