"""The budgethouder's file: the beschikking (from the zorgkantoor), the budgetplan, the zorgovereenkomsten and the
declarations, with the checks the law sets on each. Every refusal is an :class:`InputError` naming the field and
the article."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from wlz.common.errors import InputError

from . import bronnen
from .bronnen import Uurtarief
from .zorgruimte import Bemiddeling, Zorgruimte, check_bemiddeling, check_plan_tegen_indicatie


class SoortZorgverlener(StrEnum):
    formeel = "formeel"
    informeel = "informeel"


class Status(StrEnum):
    ingediend = "ingediend"
    goedgekeurd = "goedgekeurd"
    afgewezen = "afgewezen"
    #: an approved agreement that would only start after the pgb ended (Rlz art. 5.20)
    beeindigd = "beeindigd"


#: the functions a pgb buys (Rlz art. 5.16 lid 2 onder b)
FUNCTIES = ("persoonlijke_verzorging", "verpleging", "begeleiding", "huishoudelijke_hulp", "vervoer", "logeeropvang")


@dataclass(frozen=True)
class Beschikking:
    """The zorgkantoor's pgb decision for one calendar year (Blz art. 3.6.1): who, which profile, which period,
    how much. ``budget_cent`` comes from the rules or, where they know no amount, from the user."""

    id: str
    budgethouder_id: str
    zorgprofiel: str
    cod163: str
    van: dt.date
    tot: dt.date  # inclusive
    budget_cent: int
    regeling: str = "wlz"  # wlz | awbz (the NZa reports per scheme)
    zorgkantoor: str = ""
    gewaarborgde_hulp_vereist: bool = False
    gewaarborgde_hulp: str | None = None  # name of the third party (Rlz art. 5.11)
    budget_bron: str = ""
    minderjarig: bool = False

    @property
    def jaar(self) -> int:
        return self.van.year

    def check(self) -> None:
        if self.budget_cent < 0:
            raise InputError("bedrag", "het budget kan niet negatief zijn")
        if self.tot < self.van:
            raise InputError("tot", "de einddatum ligt voor de begindatum")
        if self.van.year != self.tot.year:
            raise InputError("tot", "een pgb wordt per kalenderjaar verleend (Blz art. 3.6.1)")
        if self.gewaarborgde_hulp_vereist and not self.gewaarborgde_hulp:
            raise InputError(
                "gewaarborgde_hulp",
                f"voor zorgprofiel {self.zorgprofiel} is een pgb alleen mogelijk met gewaarborgde hulp",
                bronnen.BRON_GEWAARBORGDE_HULP.titel,
            )

    def bevat(self, datum: dt.date, veld: str) -> None:
        if not (self.van <= datum <= self.tot):
            raise InputError(veld, f"de datum ligt buiten de beschikking ({self.van:%d-%m-%Y} t/m {self.tot:%d-%m-%Y})")


@dataclass(frozen=True)
class Planregel:
    functie: str
    uren: float  # per year
    uurtarief_cent: int
    zorgverlener: str
    soort: SoortZorgverlener

    @property
    def bedrag_cent(self) -> int:
        return round(self.uren * self.uurtarief_cent)


#: refusal grounds of Rlz art. 5.9 (a-f) a budgetplan's intake records; any true one refuses the pgb
WEIGERGRONDEN = {
    "bespreking_geweigerd": "a: bespreking van het budgetplan geweigerd of niet verschenen",
    "verblijf_in_instelling": "b: verblijf in een instelling op de begindag",
    "minderjarige_schade": "c: pgb van een minderjarige niet voor zorg gebruikt (advies)",
    "surseance_of_faillissement": "d: surseance van betaling of faillissement",
    "schuldsanering": "e: schuldsaneringsregeling natuurlijke personen",
    "geen_toestemming_gegevens": "f: geen toestemming voor gegevens aan CAK en SVB",
}


def check_budgetplan(
    beschikking: Beschikking,
    regels: Sequence[Planregel],
    tarief: Uurtarief,
    weigergronden: Sequence[str] = (),
    ruimte: Zorgruimte | None = None,
    bemiddeling: Bemiddeling | None = None,
) -> None:
    """A budgetplan (Rlz art. 5.8): lines within the budget and within the maximum hourly rates of Rlz art. 5.22
    for the year (where unknown, ``tarief`` carries the user's values or None: not checked, said in the docs);
    the care forms against the client's zorgprofiel and the hours per zorgverlener (``ruimte``,
    ``domain.zorgruimte``); bemiddelingskosten within Rlz art. 5.22 lid 5, counted in the total."""
    for g in weigergronden:
        if g not in WEIGERGRONDEN:
            raise InputError("weigergronden", f"onbekende weigergrond {g!r}")
    if weigergronden:
        raise InputError(
            "weigergronden",
            "het pgb wordt geweigerd: " + "; ".join(WEIGERGRONDEN[g] for g in weigergronden),
            bronnen.BRON_WEIGERING.titel,
        )
    if not regels:
        raise InputError("regels", "een budgetplan heeft ten minste één regel")
    for i, r in enumerate(regels):
        veld = f"regels[{i}]"
        if r.functie not in FUNCTIES:
            raise InputError(f"{veld}.functie", f"onbekende functie; toegestaan: {', '.join(FUNCTIES)}")
        if r.uren <= 0:
            raise InputError(f"{veld}.uren", "het aantal uren moet groter dan nul zijn")
        if r.uurtarief_cent <= 0:
            raise InputError(f"{veld}.uurtarief", "het uurtarief moet groter dan nul zijn")
        if not r.zorgverlener.strip():
            raise InputError(f"{veld}.zorgverlener", "de zorgverlener ontbreekt")
        maximum = tarief.informeel_cent if r.soort is SoortZorgverlener.informeel else tarief.formeel_cent
        if maximum is not None and r.uurtarief_cent > maximum:
            bron = tarief.bron.titel if tarief.bron else "Rlz art. 5.22"
            raise InputError(
                f"{veld}.uurtarief",
                f"het uurtarief is hoger dan het maximum voor een {r.soort.value} zorgverlener in "
                f"{beschikking.jaar} (€ {maximum / 100:.2f})",
                bron,
            )
    check_plan_tegen_indicatie(
        beschikking.zorgprofiel,
        beschikking.van,
        beschikking.tot,
        [(r.functie, r.uren, r.zorgverlener) for r in regels],
        ruimte or Zorgruimte(None),
    )
    totaal = sum(r.bedrag_cent for r in regels)
    if bemiddeling is not None:
        check_bemiddeling(bemiddeling, beschikking.budget_cent, beschikking.van, beschikking.tot)
        totaal += bemiddeling.bedrag_cent
    if totaal > beschikking.budget_cent:
        raise InputError(
            "regels",
            f"het budgetplan (€ {totaal / 100:.2f}) is hoger dan het budget (€ {beschikking.budget_cent / 100:.2f})",
        )


@dataclass(frozen=True)
class Zorgovereenkomst:
    """A written agreement with one zorgverlener on the SVB model (Blz art. 3.6.4; Rlz art. 5.16)."""

    id: str
    beschikking_id: str
    zorgverlener_id: str
    functie: str
    zorgbeschrijving: str
    uren_per_week: float
    uurtarief_cent: int
    van: dt.date
    tot: dt.date
    derdenbeding: bool
    soort: SoortZorgverlener = SoortZorgverlener.formeel
    ondertekend_op: dt.date | None = None
    status: Status = Status.ingediend

    @property
    def weken(self) -> float:
        return ((self.tot - self.van).days + 1) / 7

    @property
    def bedrag_cent(self) -> int:
        """What it reserves: hours a week × weeks × rate."""
        return round(self.uren_per_week * self.weken * self.uurtarief_cent)


def check_zorgovereenkomst(
    o: Zorgovereenkomst,
    beschikking: Beschikking,
    tarief: Uurtarief,
    overgang_derdenbeding: dt.date | None,
    ruimte: Zorgruimte | None = None,
) -> list[str]:
    """Refuses what the law forbids; returns warnings (an old agreement without derdenbeding is flagged until
    the installation's transition date). The function must belong to the client's zorgprofiel
    (``domain.zorgruimte``). The law sets no hours per profile, so the budget bounds the hours: approval reserves
    at most what is available (``services.beoordeel_overeenkomst``) and no payment exceeds the reservation."""
    waarschuwingen: list[str] = []
    if not o.zorgbeschrijving.strip():
        raise InputError("zorgbeschrijving", "de zorgbeschrijving ontbreekt", bronnen.BRON_OVEREENKOMST.titel)
    if o.functie not in FUNCTIES:
        raise InputError("functie", f"onbekende functie; toegestaan: {', '.join(FUNCTIES)}")
    (ruimte or Zorgruimte(None)).check_functie(o.functie, "functie", beschikking.zorgprofiel)
    if o.uurtarief_cent <= 0:
        raise InputError("uurtarief", "het uurtarief moet groter dan nul zijn")
    if o.uren_per_week <= 0:
        raise InputError("uren_per_week", "het aantal uren moet groter dan nul zijn")
    if o.uren_per_week > bronnen.MAX_UREN_PER_WEEK:
        raise InputError(
            "uren_per_week",
            f"meer dan {bronnen.MAX_UREN_PER_WEEK} uur per week per zorgverlener",
            bronnen.BRON_MAX_UREN.titel,
        )
    if o.tot < o.van:
        raise InputError("tot", "de einddatum ligt voor de begindatum")
    beschikking.bevat(o.van, "van")
    beschikking.bevat(o.tot, "tot")
    maximum = tarief.informeel_cent if o.soort is SoortZorgverlener.informeel else tarief.formeel_cent
    if maximum is not None and o.uurtarief_cent > maximum:
        raise InputError(
            "uurtarief", f"hoger dan het maximum (€ {maximum / 100:.2f})", tarief.bron.titel if tarief.bron else None
        )
    if not o.derdenbeding:
        oud = (
            o.ondertekend_op is not None
            and overgang_derdenbeding is not None
            and o.ondertekend_op < overgang_derdenbeding
        )
        if not oud:
            raise InputError(
                "derdenbeding",
                "een nieuwe zorgovereenkomst zonder derdenbeding wordt niet goedgekeurd",
                bronnen.BRON_DERDENBEDING.titel,
            )
        waarschuwingen.append(
            f"bestaande overeenkomst zonder derdenbeding: aanvullen vóór {overgang_derdenbeding:%d-%m-%Y}"
        )
    return waarschuwingen


@dataclass(frozen=True)
class Declaratie:
    overeenkomst_id: str
    van: dt.date
    tot: dt.date
    uren: float
    bedrag_cent: int
    ingediend_op: dt.date

    @property
    def minuten(self) -> int:
        """The hours in whole minutes: the unit of the weekly limit, so every sum is exact (also in SQL)."""
        return minuten(self.uren)


def minuten(uren: float) -> int:
    return round(uren * 60)


#: day numbers count from 1970-01-01 (a Thursday); the batch path computes the same numbers in SQL
EPOCH = dt.date(1970, 1, 1)


def dagnummer(d: dt.date) -> int:
    return (d - EPOCH).days


def maandag(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


def week_minuten(minuten: int, van: dt.date, tot: dt.date) -> dict[dt.date, int]:
    """The minutes of a declaration per calendar week (key: the Monday). A declaration states its hours for a
    period; inside that period they are spread over its days ('cumulative floor': the share of a week is
    floor(M * days through the week / D) - floor(M * days before the week / D), so the shares add up to M exactly
    and the batch path computes the same integers in SQL). A declaration per week gives exact weeks."""
    d = (tot - van).days + 1
    uit: dict[dt.date, int] = {}
    w = maandag(van)
    while w <= tot:
        t_m = (min(tot, w + dt.timedelta(days=6)) - van).days + 1
        voor = max((w - van).days, 0)
        uit[w] = minuten * t_m // d - minuten * voor // d
        w += dt.timedelta(days=7)
    return uit


def check_weekgrens(d: Declaratie, eerdere: Sequence[tuple[int, dt.date, dt.date]]) -> None:
    """Rlz art. 5.18 onder d / 5.22 lid 4: at most forty hours in one calendar week per zorgverlener for this
    budgethouder. ``eerdere``: (minutes, van, tot) of the zorgverlener's paid declarations under the same
    beschikking; each week of ``d`` is checked with their shares of that week (not averaged over the period)."""
    for w, m in week_minuten(d.minuten, d.van, d.tot).items():
        totaal = m + sum(week_minuten(em, ev, et).get(w, 0) for em, ev, et in eerdere if ev <= w + _ZES and et >= w)
        if totaal > bronnen.MAX_MINUTEN_PER_WEEK:
            raise InputError(
                "uren",
                f"meer dan {bronnen.MAX_UREN_PER_WEEK} uur in de week van {w:%d-%m-%Y} voor deze zorgverlener",
                bronnen.BRON_MAX_UREN.titel,
            )


_ZES = dt.timedelta(days=6)


@dataclass(frozen=True)
class Oordeel:
    """What happens to a declaration: paid (amount, due date) or refused (reason, rule)."""

    betalen: bool
    bedrag_cent: int = 0
    uiterlijk: dt.date | None = None
    reden: str = ""
    regel: str | None = None


def beoordeel_declaratie(
    d: Declaratie,
    o: Zorgovereenkomst,
    beschikking: Beschikking,
    resterend_cent: int,
    eerdere: Sequence[tuple[int, dt.date, dt.date]] = (),
) -> Oordeel:
    """Pay only under the beschikking, an approved agreement and the remaining reservation (Blz art. 3.6.6;
    Rlz art. 5.23). Malformed input raises; a declaration the SVB may refuse gives a refusal ``Oordeel``.
    The order of the checks is part of the contract: the batch path (``wlz.pgb.batch``) applies them in SQL in
    the same order, so both give the same outcome and reason."""
    if d.bedrag_cent <= 0:
        raise InputError("bedrag", "het bedrag moet groter dan nul zijn")
    if d.uren <= 0:
        raise InputError("uren", "het aantal uren moet groter dan nul zijn")
    if d.tot < d.van:
        raise InputError("tot", "de einddatum ligt voor de begindatum")
    beschikking.bevat(d.van, "van")
    beschikking.bevat(d.tot, "tot")
    check_weekgrens(d, eerdere)
    if o.status is not Status.goedgekeurd:
        return Oordeel(False, reden="de zorgovereenkomst is niet goedgekeurd", regel="Blz art. 3.6.6")
    if not (o.van <= d.van and d.tot <= o.tot):
        return Oordeel(False, reden="de periode valt buiten de zorgovereenkomst", regel="Rlz art. 5.23, lid 2, onder d")
    if d.bedrag_cent > d.uren * o.uurtarief_cent + 0.5:  # uren x tarief to the cent (half a cent up)
        return Oordeel(
            False, reden="het bedrag is hoger dan uren × overeengekomen tarief", regel="Rlz art. 5.23, lid 2, onder d"
        )
    if (d.ingediend_op - d.tot).days > bronnen.DECLARATIE_TERMIJN_DAGEN:
        return Oordeel(
            False, reden="ingediend meer dan zes weken na de zorg", regel=bronnen.BRON_DECLARATIE_TERMIJN.titel
        )
    if d.bedrag_cent > resterend_cent:
        return Oordeel(False, reden="het resterende budget is niet toereikend", regel="Blz art. 3.6.6")
    return Oordeel(
        True,
        d.bedrag_cent,
        d.ingediend_op + dt.timedelta(days=bronnen.BETAALTERMIJN_DAGEN),
        regel=bronnen.BRON_BETAALTERMIJN.titel,
    )


def verantwoordingsvrij_cent(beschikking: Beschikking, waarde: bronnen.Verantwoordingsvrij | None) -> int | None:
    """Rlz art. 5.17 lid 3-4: 1,5 % of the year's budget within min/max, pro rata for a part year; None where the
    year's values are unknown (the user supplies them)."""
    if waarde is None:
        return None
    jaar_dagen = (dt.date(beschikking.jaar, 12, 31) - dt.date(beschikking.jaar, 1, 1)).days + 1
    breuk = ((beschikking.tot - beschikking.van).days + 1) / jaar_dagen
    bedrag = beschikking.budget_cent * waarde.fractie_bp / 10_000
    return round(min(max(bedrag, waarde.minimum_cent * breuk), waarde.maximum_cent * breuk))


@dataclass(frozen=True)
class Vaststelling:
    """Rlz art. 5.21: the subsidy is set at the verantwoordingsvrij bedrag plus what the SVB paid (nil when
    nothing was paid); what is not paid goes back."""

    betaald_cent: int
    teruggegeven_cent: int
    vastgesteld_cent: int | None
    uiterlijk: dt.date


def vaststelling(beschikking: Beschikking, betaald: int, terug: int, vrij: int | None) -> Vaststelling:
    vastgesteld = 0 if betaald == 0 else (None if vrij is None else min(beschikking.budget_cent, betaald + vrij))
    return Vaststelling(
        betaald, terug, vastgesteld, beschikking.tot + dt.timedelta(days=bronnen.VASTSTELLING_TERMIJN_DAGEN)
    )


class Debiteur(StrEnum):
    budgethouder = "budgethouder"
    zorgverlener = "zorgverlener"
    vertegenwoordiger = "vertegenwoordiger"


class VorderingStatus(StrEnum):
    open = "open"
    betalingsregeling = "betalingsregeling"
    afgeboekt = "afgeboekt"
    betaald = "betaald"


@dataclass
class Vordering:
    id: str
    beschikking_id: str
    debiteur_type: Debiteur
    debiteur_id: str
    oorzaak: str
    bedrag_cent: int
    datum: dt.date
    status: VorderingStatus = VorderingStatus.open
    regeling: str = "wlz"
    zorgkantoor: str = ""
    #: (from which day, status), oldest first: every status the vordering has had (``pgb_vordering_statussen``)
    historie: tuple[tuple[dt.date, VorderingStatus], ...] = ()

    def leeftijd_dagen(self, peildatum: dt.date) -> int:
        return (peildatum - self.datum).days

    def status_op(self, peildatum: dt.date) -> VorderingStatus | None:
        """The status the vordering had on ``peildatum`` (None: it did not exist yet). Without a history (a
        vordering made in memory) its current status from its date."""
        if peildatum < self.datum:
            return None
        if not self.historie:
            return self.status
        geldig = [st for vanaf, st in self.historie if vanaf <= peildatum]
        return geldig[-1] if geldig else self.historie[0][1]


def kies_debiteur(
    veroorzaker: Debiteur, beschikking: Beschikking, te_goeder_trouw: bool, derdenbeding: bool
) -> Debiteur:
    """Who is claimed: the party that caused the debt; a budgethouder in good faith or a minor is never the
    debtor when another party caused it — the derdenbeding lets the zorgkantoor claim the zorgverlener directly
    (seed 003 p. 9). Without derdenbeding a claim on a zorgverlener cannot be made through the agreement."""
    if veroorzaker is Debiteur.budgethouder and beschikking.minderjarig:
        raise InputError(
            "debiteur_type", "een minderjarige budgethouder is geen debiteur; vorder van de vertegenwoordiger"
        )
    if veroorzaker is Debiteur.zorgverlener and not derdenbeding and not (te_goeder_trouw or beschikking.minderjarig):
        return Debiteur.budgethouder
    return veroorzaker


_OPENSTAAND = (VorderingStatus.open, VorderingStatus.betalingsregeling)


@dataclass(frozen=True)
class Rapportregel:
    zorgkantoor: str
    regeling: str
    aantal: int
    bedrag_cent: int
    vorig_jaar_bedrag_cent: int
    volledig: bool


def rapport(
    vorderingen: Sequence[Vordering], peildatum: dt.date, volledig: dict[str, bool] | None = None
) -> list[Rapportregel]:
    """Outstanding vorderingen (open or betalingsregeling) per zorgkantoor and scheme at ``peildatum``, with the
    same figure a year earlier (trend) and a completeness flag per zorgkantoor (seed 003 p. 9, NZa). Each date
    uses the status the vordering had on that date (its history), not today's."""
    vorig = (
        peildatum.replace(year=peildatum.year - 1)
        if not (peildatum.month == 2 and peildatum.day == 29)
        else peildatum.replace(year=peildatum.year - 1, day=28)
    )
    groepen: dict[tuple[str, str], list[int]] = {}
    for v in vorderingen:
        g = groepen.setdefault((v.zorgkantoor, v.regeling), [0, 0, 0])
        if v.status_op(peildatum) in _OPENSTAAND:
            g[0] += 1
            g[1] += v.bedrag_cent
        if v.status_op(vorig) in _OPENSTAAND:
            g[2] += v.bedrag_cent
    return [
        Rapportregel(zk, rg, a, b, c, (volledig or {}).get(zk, True)) for (zk, rg), (a, b, c) in sorted(groepen.items())
    ]


@dataclass
class Dossier:
    """Everything of one beschikking a service reads at once."""

    beschikking: Beschikking
    overeenkomsten: list[Zorgovereenkomst] = field(default_factory=list)
