"""Eigen bijdrage (CAK) for Wlz care: lage and hoge bijdrage, the first-months rule, the mpt bijdrage (Blz h3 § 3).

Which contribution a household pays (computed on the client's row; a partner's row pays nothing itself):

- hoge (art. 3.3.2.1): a single client in an instelling, or spouses who both are: a twelfth of the
  bijdrageplichtig inkomen per month, at most the maximum (2015: € 2.284,60).
- lage (art. 3.3.2.2): a twelfth of 12,5% (2025: 10%) of the bijdrageplichtig inkomen per month, between the
  minimum and the maximum (2015: € 158,60 and € 832,60), for everyone else: in the first six (2025: four)
  months of verblijf, when a partner lives at home, with children to support, when return home is expected,
  and for vpt and pgb (2025 also mpt). The pgb (2025: mpt and pgb) gets a korting per month (2015: € 136).
  The 2015 text of lid 1 says "12,5%" without "een twaalfde"; lid 2 and the 2025 text say a twelfth of it,
  which we apply to both (a literal 12,5% per month would exceed the annual income).
- mpt (2015 only, art. 3.3.3.1): € 14,20 per hour per bijdrageperiode of four weeks, capped by an income-
  dependent maximum; not owed when the client or partner owes the lage or hoge bijdrage (lid 5 onder a).
- Several leveringsvormen: verblijf before vpt before pgb before mpt (Blz 2025 art. 3.3.2.2a); the
  combination mpt+pgb therefore pays as pgb.
- Nobody under 18 pays (art. 3.3.1.1). Part of a month: monthly amount x 12 x days / 365 (art. 3.3.2.9 lid 2).

The structure of the 2015 text applies to 2015; from 2016 the 2025 text's structure is used (the mpt moved into
the lage bijdrage by a 2016 amendment, Stcrt. 2016, 4776); amounts between 2016 and 2024 are not in the
parameters, so those years give NaN (unknown) rather than a stale 2015 figure.
"""

from __future__ import annotations

import weakref

import numpy as np
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import DateUnit

from wlz.rules.entities import Huishouden, Persoon
from wlz.rules.enums import Leveringsvorm
from wlz.rules.model import WlzVariable, euro, procent
from wlz.rules.tabellen import waarde
from wlz.rules.variables import eigen_bijdrage_bronnen as B
from wlz.rules.variables.eigen_bijdrage_inkomen import heeft_wlz_zorg, is_client
from wlz.rules.variables.periode import datum_leeftijd, maanden

MONTH = DateUnit.MONTH
YEAR = DateUnit.YEAR

_NIET_OPGEGEVEN = np.datetime64("1900-01-02", "D")
_PGB = (int(Leveringsvorm.pgb.index), int(Leveringsvorm.mpt_pgb.index))
_MP = (int(Leveringsvorm.mpt.index),) + _PGB
_GEEN = -1


class Bijdragesoort(Enum):
    geen = "Geen eigen bijdrage"
    laag = "Lage eigen bijdrage"
    laag_eerste_maanden = "Lage eigen bijdrage in de eerste maanden van verblijf"
    hoog = "Hoge eigen bijdrage"
    mpt = "Eigen bijdrage modulair pakket thuis (per uur)"


def _p(parameters, period):
    return parameters(period.start).eigen_bijdrage


def _dag(instant) -> np.datetime64:
    return np.datetime64(str(instant), "D")


def plus_maanden(dagen: np.ndarray, n: float) -> np.ndarray:
    """Each date plus n calendar months (31 August + 6 months = 28/29 February)."""
    maand = dagen.astype("datetime64[M]")
    dag = (dagen - maand.astype("datetime64[D]")).astype(int)
    doel = maand + np.timedelta64(int(n), "M")
    lengte = ((doel + np.timedelta64(1, "M")).astype("datetime64[D]") - doel.astype("datetime64[D]")).astype(int)
    return doel.astype("datetime64[D]") + np.minimum(dag, lengte - 1).astype("timedelta64[D]")


class _Huishouden:
    """The facts about the client's household the choice of contribution needs, as per-person arrays."""

    def __init__(self, persoon, period):
        hh = persoon.huishouden
        self.client = is_client(persoon)
        self.gehuwd = hh.nb_persons(Huishouden.PARTNER) > 0  # the projector returns per-person values
        lv = np.asarray(persoon("leveringsvorm", "eternity")).astype(int)
        zorg = heeft_wlz_zorg(persoon)
        self.lv_c = lv
        lv_p = hh.value_from_person(np.where(zorg, lv, _GEEN), role=Huishouden.PARTNER, default=_GEEN)
        self.lv_p = np.where(self.gehuwd, lv_p, _GEEN)
        verblijf = int(Leveringsvorm.verblijf.index)
        self.c_verblijf = lv == verblijf
        self.p_verblijf = self.lv_p == verblijf
        self.c_pgb, self.p_pgb = np.isin(lv, _PGB), np.isin(self.lv_p, _PGB)
        self.c_mpt, self.p_mpt = lv == int(Leveringsvorm.mpt.index), self.lv_p == int(Leveringsvorm.mpt.index)
        self.c_mp, self.p_mp = np.isin(lv, _MP), np.isin(self.lv_p, _MP)
        jaar = period.this_year
        self.uitzondering = hh("kinderen_ten_laste", jaar) | hh("terugkeer_verwacht", jaar)
        self.wmo = hh("wmo_maatwerkvoorziening", jaar)
        #: art. 3.3.2.1: the hoge bijdrage is possible for a single client in an instelling, or both spouses
        self.hoog_mogelijk = self.c_verblijf & (~self.gehuwd | self.p_verblijf)
        #: 2015 art. 3.3.3.1 lid 5 a: the mpt bijdrage only when nobody owes the lage or hoge bijdrage
        self.mpt_2015 = self.c_mpt & (self.lv_p == _GEEN) | (self.c_mpt & self.p_mpt)


_HUISHOUDENS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_HUISHOUDENS_TOT = 10_000  # persons


def _huishouden(persoon, period) -> _Huishouden:
    """The household facts for the month, built once per simulation and month (three formulas need them).

    They read only inputs (leveringsvorm, ontvangt_wlz_zorg and the household's yes/no facts), so a formula that
    finds them built loses nothing but the trace's edges to those inputs, which no result's voorbeeld flag uses.
    Kept for small simulations only (one explained situation: saves Python overhead); a population run builds
    them per formula as before, since keeping every month would hold about 100 MB more for 300,000 clients.
    """
    if persoon.count > _HUISHOUDENS_TOT:
        return _Huishouden(persoon, period)
    per_sim = _HUISHOUDENS.setdefault(persoon.simulation, {})
    if period not in per_sim:
        per_sim[period] = _Huishouden(persoon, period)
    return per_sim[period]


def _korting_2015(h: _Huishouden) -> np.ndarray:
    """Blz 2015 art. 3.3.2.2 lid 4: the pgb korting."""
    a = ~h.gehuwd & h.c_pgb
    b = h.gehuwd & ((h.c_pgb & h.p_pgb) | (h.c_pgb & h.p_mpt) | (h.c_mpt & h.p_pgb))
    return a | b | (h.c_pgb & h.wmo)


def _korting_2025(h: _Huishouden) -> np.ndarray:
    """Blz 2025 art. 3.3.2.2 lid 4: the korting for mpt or pgb."""
    return (~h.gehuwd & h.c_mp) | (h.gehuwd & (h.c_mp | h.p_mp)) | (h.c_mp & h.wmo)


def _laag(persoon, period, parameters, korting_recht: np.ndarray) -> np.ndarray:
    p = _p(parameters, period).laag
    pct, minimum, maximum, korting = (
        waarde(p, n) for n in ("percentage", "minimum_per_maand", "maximum_per_maand", "korting_per_maand")
    )
    inkomen = persoon.huishouden("bijdrageplichtig_inkomen_laag", period.this_year)
    bedrag = np.clip(pct * inkomen / 12, minimum, maximum)
    return np.maximum(bedrag - np.where(korting_recht, korting, 0.0), 0)


class eigen_bijdrage_laag(WlzVariable):
    value_type = float
    entity = Persoon
    definition_period = MONTH
    label = "Lage eigen bijdrage per maand voor het huishouden (Blz art. 3.3.2.2), na korting"
    bronnen = (B.BLZ_3_3_2_2, B.BLZ_3_3_2_4, B.BLZ25_3_3_2_2)

    def formula_2015_01(persoon, period, parameters):
        h = _huishouden(persoon, period)
        return np.where(h.client, _laag(persoon, period, parameters, _korting_2015(h)), 0.0)

    def formula_2016_01(persoon, period, parameters):
        h = _huishouden(persoon, period)
        korting = _korting_2025(h)
        bedrag = _laag(persoon, period, parameters, korting)
        # 2025 lid 5: an mpt of at most 20 hours a month pays the minimum less the korting
        p = _p(parameters, period).laag
        minimum = np.maximum(waarde(p, "minimum_per_maand") - waarde(p, "korting_per_maand"), 0)
        weinig = (
            h.c_mpt & persoon("mpt_hoogstens_20_uur", period.this_year) & ~(h.gehuwd & (h.lv_p != _GEEN) & ~h.p_mpt)
        )
        return np.where(h.client, np.where(weinig, minimum, bedrag), 0.0)

    @staticmethod
    def uitleg(ctx):
        pct = ctx.param("eigen_bijdrage.laag.percentage")
        minimum = ctx.param("eigen_bijdrage.laag.minimum_per_maand")
        maximum = ctx.param("eigen_bijdrage.laag.maximum_per_maand")
        korting = ctx.param("eigen_bijdrage.laag.korting_per_maand")
        if pct is None:
            return "Voor deze periode zijn de bedragen van de lage eigen bijdrage niet bekend."
        inkomen = ctx["bijdrageplichtig_inkomen_laag"]
        tekst = (
            f"Lage eigen bijdrage: een twaalfde van {procent(pct)} van het bijdrageplichtig inkomen "
            f"({euro(inkomen)}), ten minste {euro(minimum)} en ten hoogste {euro(maximum)} per maand "
            f"(Blz art. 3.3.2.2 lid 3)"
        )
        zonder_korting = min(max(pct * inkomen / 12, minimum or 0.0), maximum) if maximum is not None else None
        if zonder_korting is not None and ctx.waarde < zonder_korting - 0.005 and korting:
            met = _THUIS_NAMEN.get(str(ctx.get("leveringsvorm")), "een mpt of pgb")
            tekst += (
                f", is {euro(zonder_korting)}; omdat u (of uw partner) zorg thuis krijgt met {met} gaat er "
                f"{euro(korting)} per maand af (lid 4)"
            )
        return tekst + f". Uitkomst: {euro(ctx.waarde)} per maand."


class eigen_bijdrage_hoog(WlzVariable):
    value_type = float
    entity = Persoon
    definition_period = MONTH
    label = "Hoge eigen bijdrage per maand voor het huishouden (Blz art. 3.3.2.1)"
    bronnen = (B.BLZ_3_3_2_1, B.BLZ_3_3_2_3)

    def formula(persoon, period, parameters):
        # only where it can apply (art. 3.3.2.1: verblijf, alone or with a spouse in an instelling too): a client
        # at home is not shown an amount that is never his
        h = _huishouden(persoon, period)
        maximum = waarde(_p(parameters, period).hoog, "maximum_per_maand")
        inkomen = persoon.huishouden("bijdrageplichtig_inkomen_hoog", period.this_year)
        return np.where(h.client & h.hoog_mogelijk, np.minimum(inkomen / 12, maximum), 0.0)

    @staticmethod
    def uitleg(ctx):
        if ctx.get("leveringsvorm") not in (None, "verblijf"):
            return (
                "Niet van toepassing: de hoge eigen bijdrage geldt alleen bij verblijf in een instelling "
                "(Blz art. 3.3.2.1). U krijgt zorg thuis en betaalt de lage eigen bijdrage."
            )
        if not ctx.waarde and ctx.get("eigen_bijdrage_soort") in ("laag",) and ctx.get("aantal_partners"):
            return (
                "Niet van toepassing: uw partner woont niet in een instelling, dan geldt de lage eigen bijdrage "
                "(Blz art. 3.3.2.1 en 3.3.2.2)."
            )
        maximum = ctx.param("eigen_bijdrage.hoog.maximum_per_maand")
        if maximum is None:
            return "Voor deze periode is het maximum van de hoge eigen bijdrage niet bekend."
        return (
            f"Hoge eigen bijdrage: een twaalfde van het bijdrageplichtig inkomen "
            f"({euro(ctx['bijdrageplichtig_inkomen_hoog'])}), ten hoogste {euro(maximum)} per maand "
            f"(Blz art. 3.3.2.1). Uitkomst: {euro(ctx.waarde)} per maand."
        )


class eigen_bijdrage_mpt_periode(WlzVariable):
    value_type = float
    entity = Persoon
    definition_period = YEAR
    label = "Eigen bijdrage mpt per bijdrageperiode van vier weken (Blz 2015 art. 3.3.3.1)"
    bronnen = (B.BLZ_3_3_3_1, B.BLZ_3_3_3_2)

    def formula_2015_01(persoon, period, parameters):
        p = _p(parameters, period).mpt
        w = {
            n: waarde(p, n)
            for n in (
                "uurtarief",
                "maximum_ongehuwd",
                "maximum_gehuwd",
                "grens_ongehuwd",
                "grens_ongehuwd_aow",
                "grens_gehuwd",
                "grens_gehuwd_aow",
                "verhoging_percentage",
                "perioden_per_jaar",
            )
        }
        hh = persoon.huishouden
        gehuwd = hh.nb_persons(Huishouden.PARTNER) > 0
        aow = persoon("pensioengerechtigd", period)
        beiden_aow = hh.all(hh.members("pensioengerechtigd", period))
        basis = np.where(gehuwd, w["maximum_gehuwd"], w["maximum_ongehuwd"])
        grens = np.where(
            gehuwd,
            np.where(beiden_aow, w["grens_gehuwd_aow"], w["grens_gehuwd"]),
            np.where(aow, w["grens_ongehuwd_aow"], w["grens_ongehuwd"]),
        )
        inkomen = persoon.huishouden("bijdrageplichtig_inkomen_mpt", period)
        maximum = basis + w["verhoging_percentage"] * np.maximum(inkomen - grens, 0) / w["perioden_per_jaar"]
        bedrag = np.minimum(w["uurtarief"] * persoon("mpt_uren_per_periode", period), maximum)
        return np.where(is_client(persoon), bedrag, 0.0)

    def formula_2016_01(persoon, period, parameters):
        return np.zeros(persoon.count)  # the mpt pays the lage bijdrage (see eigen_bijdrage_laag)


def _deel(bedrag, dagen, dagen_in_maand):
    """Blz art. 3.3.2.9 lid 2: a whole month pays the monthly amount, part of it 12 x days / 365 of it."""
    factor = np.where(dagen >= dagen_in_maand, 1.0, 12.0 * dagen / 365.0)
    return np.where(dagen > 0, bedrag * factor, 0.0)


_CACHE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _maand(persoon, period, parameters) -> tuple[np.ndarray, np.ndarray]:
    """(amount, soort) for the month, computed once per simulation and month (both variables need it)."""
    per_sim = _CACHE.setdefault(persoon.simulation, {})
    sleutel = (persoon.simulation.tax_benefit_system, str(period))
    if sleutel not in per_sim:
        per_sim[sleutel] = _bereken_maand(persoon, period, parameters)
    return per_sim[sleutel]


def _bereken_maand(persoon, period, parameters) -> tuple[np.ndarray, np.ndarray]:
    """Which contribution applies in the month and its amount, with the first-months rule by days."""
    h = _huishouden(persoon, period)
    eerste = _dag(period.start)
    laatste = _dag(period.stop)
    dagen_in_maand = int((laatste - eerste).astype(int)) + 1
    begin = np.asarray(persoon("zorg_begin", "eternity"), dtype="datetime64[D]")
    einde = np.asarray(persoon("zorg_einde", "eternity"), dtype="datetime64[D]")
    van, tot = np.maximum(begin, eerste), np.minimum(einde, laatste)
    # Blz art. 3.3.1.1 lid 1: "de verzekerde van achttien jaar of ouder draagt bij": from the 18th birthday, to
    # the day (a part month as art. 3.3.2.9 lid 2 prorates it), not from the month after
    van = np.maximum(van, datum_leeftijd(persoon("geboortedatum", "eternity"), 18))
    dagen = np.maximum((tot - van).astype(int) + 1, 0)

    # first-months window: from the start of verblijf, N months; for spouses until both have had N months
    n = waarde(_p(parameters, period).laag, "eerste_maanden")
    opgegeven = np.asarray(persoon("verblijf_begin", "eternity"), dtype="datetime64[D]")
    start = np.where(opgegeven >= _NIET_OPGEGEVEN, opgegeven, begin)
    hh = persoon.huishouden
    eind_eigen = plus_maanden(start, 0 if np.isnan(n) else n)
    eind_partner = hh.value_from_person(
        eind_eigen.astype("int64"), role=Huishouden.PARTNER, default=np.iinfo("int64").min
    ).astype("datetime64[D]")
    venster_einde = np.where(h.p_verblijf, np.maximum(eind_eigen, eind_partner), eind_eigen)
    venster_einde = np.where(persoon("eerste_maanden_uitgesloten", "eternity"), start, venster_einde)
    dagen_laag = np.clip((np.minimum(tot, venster_einde - np.timedelta64(1, "D")) - van).astype(int) + 1, 0, dagen)
    dagen_hoog = dagen - dagen_laag

    laag = persoon("eigen_bijdrage_laag", period)
    hoog = persoon("eigen_bijdrage_hoog", period)
    met_venster = h.hoog_mogelijk & ~h.uitzondering
    bedrag_venster = _deel(laag, dagen_laag, dagen_in_maand) + _deel(hoog, dagen_hoog, dagen_in_maand)
    bedrag = np.where(met_venster, bedrag_venster, _deel(laag, dagen, dagen_in_maand))
    soort = np.where(
        met_venster,
        np.where(dagen_laag > 0, Bijdragesoort.laag_eerste_maanden.index, Bijdragesoort.hoog.index),
        Bijdragesoort.laag.index,
    )
    if np.isnan(n):
        bedrag = np.where(met_venster, np.nan, bedrag)

    if period.start.year == 2015:  # the hourly mpt bijdrage of Blz 2015 § 3.3
        perioden = waarde(_p(parameters, period).mpt, "perioden_per_jaar")
        per_maand = persoon("eigen_bijdrage_mpt_periode", period.this_year) * perioden / 12
        bedrag = np.where(h.mpt_2015, _deel(per_maand, dagen, dagen_in_maand), bedrag)
        soort = np.where(h.mpt_2015, Bijdragesoort.mpt.index, soort)

    geen = ~h.client | (dagen == 0)  # dagen counts from the 18th birthday (above)
    return np.where(geen, 0.0, bedrag), np.where(geen, Bijdragesoort.geen.index, soort)


class eigen_bijdrage_soort(WlzVariable):
    value_type = Enum
    possible_values = Bijdragesoort
    default_value = Bijdragesoort.geen
    entity = Persoon
    definition_period = MONTH
    label = "Welke eigen bijdrage in deze maand geldt"
    bronnen = (B.BLZ_3_3_2_1, B.BLZ_3_3_2_2, B.BLZ_3_3_3_1, B.BLZ25_3_3_2_2A)

    def formula(persoon, period, parameters):
        return _maand(persoon, period, parameters)[1]


class eigen_bijdrage(WlzVariable):
    value_type = float
    entity = Persoon
    definition_period = MONTH
    label = "Eigen bijdrage in deze maand (lage, hoge of mpt-bijdrage, met de eerste-maandenregel)"
    bronnen = (B.BLZ_3_3_1_1, B.BLZ_3_3_2_1, B.BLZ_3_3_2_2, B.BLZ_3_3_2_9, B.BLZ_3_3_3_1, B.BLZ25_3_3_2_2A)

    def formula(persoon, period, parameters):
        return np.round(_maand(persoon, period, parameters)[0], 2)

    uitleg = staticmethod(lambda ctx: uitleg_eigen_bijdrage(ctx))


class eigen_bijdrage_jaar(WlzVariable):
    value_type = float
    entity = Persoon
    definition_period = YEAR
    label = "Eigen bijdrage over het jaar (som van de maanden)"
    bronnen = (B.BLZ_3_3_2_1, B.BLZ_3_3_2_2, B.BLZ_3_3_2_9, B.BLZ_3_3_3_1)

    def formula(persoon, period, parameters):
        totaal = np.zeros(persoon.count)
        for maand in maanden(period):
            mpt = persoon("eigen_bijdrage_soort", maand) == Bijdragesoort.mpt
            totaal = totaal + np.where(mpt, 0.0, persoon("eigen_bijdrage", maand))
        return np.round(totaal + persoon("eigen_bijdrage_mpt", period), 2)

    @staticmethod
    def uitleg(ctx):
        if ctx.waarde != ctx.waarde:
            return (
                "De eigen bijdrage over dit jaar is niet te berekenen: de bedragen van de Blz voor dit jaar "
                "zijn niet in de parameters opgenomen."
            )
        return (
            f"Over het jaar betaalt u in totaal {euro(ctx.waarde)} eigen bijdrage aan het CAK: de som van de "
            f"maandbedragen (een deel van een maand naar rato: 12 x dagen / 365, Blz art. 3.3.2.9 lid 2)."
        )


class eigen_bijdrage_mpt(WlzVariable):
    value_type = float
    entity = Persoon
    definition_period = YEAR
    label = "Eigen bijdrage mpt over het jaar (Blz 2015 art. 3.3.3.1; vanaf 2016 onderdeel van de lage bijdrage)"
    bronnen = (B.BLZ_3_3_3_1, B.BLZ_3_3_3_2, B.BLZ25_3_3_2_2)

    def formula(persoon, period, parameters):
        # billed per bijdrageperiode of four weeks (13 a year), so the year is 13 periods, by days of mpt care
        dagen = np.zeros(persoon.count)
        for maand in maanden(period):
            mpt = persoon("eigen_bijdrage_soort", maand) == Bijdragesoort.mpt
            dagen = dagen + np.where(mpt, persoon("zorgdagen", maand), 0)
        if not dagen.any():
            return np.zeros(persoon.count)
        perioden = waarde(_p(parameters, period).mpt, "perioden_per_jaar")
        per_periode = persoon("eigen_bijdrage_mpt_periode", period)
        return np.round(np.where(dagen > 0, per_periode * perioden * dagen / persoon("dagen_in_jaar", period), 0.0), 2)

    @staticmethod
    def uitleg(ctx):
        if not ctx.waarde:
            return (
                "Er is geen aparte eigen bijdrage voor het modulair pakket thuis: die bestond tot de wijziging "
                "van 2016 alleen als niemand in het huishouden de lage of hoge bijdrage betaalt (Blz 2015 "
                "art. 3.3.3.1 lid 5); daarna valt het mpt onder de lage eigen bijdrage."
            )
        return (
            f"Eigen bijdrage mpt: {euro(ctx.param('eigen_bijdrage.mpt.uurtarief'))} per uur, per "
            f"bijdrageperiode van vier weken ten hoogste het inkomensafhankelijke maximum; per periode "
            f"{euro(ctx['eigen_bijdrage_mpt_periode'])}, over het jaar {euro(ctx.waarde)} (Blz art. 3.3.3.1)."
        )


#: the leveringsvormen at home by name, as a sentence says them
_THUIS_NAMEN = {
    "vpt": "een volledig pakket thuis",
    "mpt": "een modulair pakket thuis",
    "pgb": "een pgb",
    "mpt_pgb": "een modulair pakket thuis met een pgb",
}


def _grond_laag(ctx) -> str:
    """The one ground of Blz art. 3.3.2.2 lid 1 on which the lage bijdrage applies (not every possible one): the
    client at home; else children in the household; else an expected return home; else (by elimination, the
    client being in an instelling and past the first months) a spouse who does not live in one."""
    lv = str(ctx.get("leveringsvorm") or "verblijf")
    if lv in _THUIS_NAMEN:
        return f"u woont thuis en krijgt zorg met {_THUIS_NAMEN[lv]}"
    if ctx.get("kinderen_ten_laste"):
        return "u woont in een instelling en heeft kinderen ten laste"
    if ctx.get("terugkeer_verwacht"):
        return "u woont in een instelling, maar terugkeer naar huis wordt verwacht"
    return "u woont in een instelling en uw partner woont niet in een instelling"


def uitleg_eigen_bijdrage(ctx) -> str:
    soort = ctx.get("eigen_bijdrage_soort")
    if ctx.waarde != ctx.waarde:
        return (
            "De eigen bijdrage is voor deze periode niet te berekenen: de bedragen van de Blz voor dit jaar zijn "
            "niet in de parameters opgenomen."
        )
    redenen = {
        "geen": "U betaalt geen eigen bijdrage (jonger dan 18, Blz art. 3.3.1.1, of geen zorg in deze maand).",
        "laag": "U betaalt de lage eigen bijdrage (Blz art. 3.3.2.2): " + _grond_laag(ctx) + ".",
        "laag_eerste_maanden": "U betaalt de lage eigen bijdrage in de eerste maanden van uw verblijf (Blz art. "
        "3.3.2.2 lid 1: 2015 zes maanden, 2025 vier maanden); daarna de hoge.",
        "hoog": "U betaalt de hoge eigen bijdrage (Blz art. 3.3.2.1): u verblijft in een instelling, zonder partner "
        "thuis, en de eerste maanden van het verblijf zijn voorbij.",
        "mpt": "U betaalt de eigen bijdrage voor het modulair pakket thuis per uur zorg (Blz 2015 art. 3.3.3.1).",
    }
    tekst = redenen.get(str(soort), "")
    return f"{tekst} Eigen bijdrage deze maand: {euro(ctx.waarde)}."
