"""The per-group options at the client level: taakstelling, extra kosten thuis, toeslagen and maatwerk per client.

The structural options (knip and its extremes) move clients between packages (:func:`wlz.scenario.clienten.stand`);
these four change no package but an amount, and here each is applied to every client of the basis year:

* **taakstelling** (seed 004 §1.1): the cut of each (sector, profile, option) in ``kortingen.csv`` is spread over
  the group's clients by their days — the same cut per client per day — in whole cents by largest remainder, so
  the clients' cuts add up to the group's and the groups' to the amount, exactly; summed per provider
  (``agb_code``) in ``kortingen_aanbieders.csv``. The cut is on provider tariffs: a client's own payments do not
  change (``gelijk``), his Wlz € do;
* **extra kosten thuis** (seed 002; Rlz art. 5.3): per pgb/mpt client, eligible by the group rules and a user by
  the uptake, both drawn per client from a hash of his id and the option's ``zaad`` (repeatable); the extra is
  the percentage of his budget (given per year, or an mpt client's own Wlz € of the year) beside today's regime;
  the zorgval (a prior Zvw/Wmo package above what the budget plus the percentage covers) needs that prior
  package per client, which no claims basis holds: a user-supplied table (``voorafgaand_pakket``);
* **toeslagen in het budget** (seed 000 aanbeveling 6): the rules in force and the reform, one vectorised run
  each over every pgb/mpt client (his profile, leveringsvorm, months of care, a toeslag for the drawn share, and
  for an mpt client his own Wlz € per year as the cost in the doelmatigheidstoets);
* **maatwerkindicatie** (seed 000; seed 003): per client in scope a need-based amount against the profile amount
  (the pgb amount of the profile from the rules, for his months); no basis holds a client's need, so it is a
  synthetic draw — the equally frequent points of ``behoefte_pct_van_profiel`` times a lognormal factor with
  mean 1 and coefficient of variation ``behoefte_spreiding_pct`` (keuze, ``voorbeeld``).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from wlz.common.errors import InputError
from wlz.common.formatting import format_euro, format_number
from wlz.scenario.clienten import Extra, Segmenten, Stand
from wlz.scenario.schema import ExtraKostenThuis, Maatwerkindicatie, Taakstelling, ToeslagenInBudget, instelling

KOP_KORTINGEN_AANBIEDERS = ["stap", "jaar", "agb_code", "sector", "clienten", "dagen", "korting", "opmerking"]
KOP_EKT_ZORGVAL = [
    "stap",
    "sector",
    "zorgprofiel",
    "optie",
    "clienten",
    "in_aanmerking",
    "zorgval_vandaag",
    "zorgval",
    "tekort_vandaag",
    "tekort",
]
ONBEKEND_AGB = "onbekend"


def _in_sectoren(seg: Segmenten, sectoren: tuple[str, ...]) -> np.ndarray:
    """Segments of the chosen sectors (a segment's sector is vg or vv; ``instelling`` maps a basis sector)."""
    gekozen = [s for s in ("vg", "vv", "ghz") if instelling(s) in sectoren]
    uit: np.ndarray = pd.Series(seg.sector, dtype=object).isin(gekozen).to_numpy()
    return uit


def _leeg(seg: Segmenten) -> Extra:
    return Extra(np.zeros(seg.n), np.zeros(seg.n_clienten), np.full(seg.n_clienten, "", dtype=object))


def _groepsposities(seg: Segmenten, st: Stand) -> dict[tuple[str, int, str], np.ndarray]:
    d = pd.DataFrame({"s": seg.sector, "p": seg.zorgprofiel, "o": st.optie})
    return {(str(k[0]), int(k[1]), str(k[2])): v for k, v in d.groupby(["s", "p", "o"], sort=True).indices.items()}


def verdeel_groep(centen: int, gewicht: np.ndarray) -> np.ndarray:
    """Whole cents over the members of a group in proportion to integer weights (largest remainder, ties to
    the first): exact integer arithmetic, the parts add up to ``centen``."""
    w = gewicht.astype(np.int64)
    som = int(w.sum())
    if som == 0:
        w = np.ones(len(w), dtype=np.int64)
        som = len(w)
    product = np.int64(centen) * w
    deel = product // som
    rest = product % som
    over = int(centen - int(deel.sum()))
    volgorde = np.lexsort((np.arange(len(w)), -rest))
    deel[volgorde[:over]] += 1
    uit: np.ndarray = deel
    return uit


def taakstelling_clienten(
    o: Taakstelling, rijen: list[dict[str, Any]], seg: Segmenten, st: Stand, stap: int
) -> tuple[Extra, pd.DataFrame, list[str]]:
    """The cut per client (Wlz € lower by his days × the group's cut per day) and per provider; see the module."""
    extra = _leeg(seg)
    actief = [r for r in rijen if r["jaar"] >= o.vanaf and r["sector"] != "ggz"]
    if not actief:
        return extra, pd.DataFrame(columns=KOP_KORTINGEN_AANBIEDERS), []
    jaar = min(r["jaar"] for r in actief)
    groepen = {
        (str(r["sector"]), int(r["zorgprofiel"]), str(r["optie"])): int(r["korting"] * 100)
        for r in actief
        if r["jaar"] == jaar
    }
    posities = _groepsposities(seg, st)
    centen = np.zeros(seg.n, dtype=np.int64)
    onverdeeld: list[dict[str, Any]] = []
    for k, c in sorted(groepen.items()):
        if c == 0:
            continue
        pos = posities.get(k)
        if pos is None:
            onverdeeld.append(
                {
                    "stap": stap,
                    "jaar": jaar,
                    "agb_code": "",
                    "sector": k[0],
                    "clienten": 0,
                    "dagen": 0.0,
                    "centen": c,
                    "opmerking": f"profiel {k[1]} {k[2]}: geen cliënten van deze groep in de cliënttabel "
                    "(verschoven aandeel te klein)",
                }
            )
            continue
        centen[pos] = verdeel_groep(c, np.rint(seg.dagen[pos]))
    extra.wlz = -centen / 100.0
    per_client = seg.per_client(centen.astype(float))
    extra.toelichting = np.where(per_client > 0, "tariefkorting (aanbieder)", "").astype(object)
    geraakt = centen > 0
    d = pd.DataFrame(
        {
            "agb_code": np.where(pd.notna(seg.agb[geraakt]), seg.agb[geraakt], ONBEKEND_AGB),
            "sector": seg.sector[geraakt],
            "client_id": seg.ids[seg.client[geraakt]],
            "dagen": seg.dagen[geraakt],
            "centen": centen[geraakt],
        }
    )
    g = (
        d.groupby(["agb_code", "sector"])
        .agg(clienten=("client_id", "nunique"), dagen=("dagen", "sum"), centen=("centen", "sum"))
        .reset_index()
    )
    g["stap"], g["jaar"] = stap, jaar
    g["opmerking"] = np.where(
        g["agb_code"] == ONBEKEND_AGB, "zonder agb_code in de declaraties (kolom ontbreekt of leeg)", ""
    )
    g = pd.concat([g, pd.DataFrame(onverdeeld)], ignore_index=True) if onverdeeld else g
    g = g.sort_values(["centen", "agb_code"], ascending=[False, True]).reset_index(drop=True)
    g["korting"] = [(Decimal(int(x)) / 100).quantize(Decimal("0.01")) for x in g["centen"]]
    meldingen = [
        f"stap {stap} taakstelling per cliënt: {format_number(int((per_client > 0).sum()))} cliënten, korting per "
        f"jaar vanaf {jaar} op de dagen van het basisjaar; per aanbieder in kortingen_aanbieders.csv"
    ]
    return extra, g[KOP_KORTINGEN_AANBIEDERS], meldingen


def read_voorafgaand_pakket(pad_tekst: str, veld: str) -> pd.Series:
    """``client_id → voorafgaand_pakket`` (€ per year of Zvw/Wmo care before the Wlz) from a CSV or Parquet file."""
    pad = Path(pad_tekst)
    if not pad.is_file():
        raise InputError(veld, f"bestand {pad} bestaat niet")
    try:
        df = pd.read_csv(pad, dtype={"client_id": str}) if pad.suffix == ".csv" else pd.read_parquet(pad)
    except Exception as exc:  # a file that is neither CSV nor Parquet
        raise InputError(veld, f"{pad.name} is niet te lezen als CSV of Parquet ({type(exc).__name__})") from None
    ontbrekend = [k for k in ("client_id", "voorafgaand_pakket") if k not in df.columns]
    if ontbrekend:
        raise InputError(veld, f"{pad.name} mist de kolommen {', '.join(ontbrekend)}")
    getal = pd.to_numeric(df["voorafgaand_pakket"], errors="coerce")
    fout = getal.isna() | (getal < 0)
    if fout.any():
        regel = int(fout.to_numpy().argmax()) + 2
        raise InputError(f"{veld}.voorafgaand_pakket", f"{pad.name} regel {regel}: geen bedrag ≥ 0")
    return pd.Series(getal.to_numpy(float), index=df["client_id"].astype(str).to_numpy()).groupby(level=0).sum()


def ekt_clienten(
    o: ExtraKostenThuis, seg: Segmenten, st: Stand, stap: int, veld: str
) -> tuple[Extra, pd.DataFrame, list[str]]:
    """Extra kosten thuis per client, beside today's regime (25 %, everyone at home); see the module."""
    from wlz.scenario.ekt import THUIS, VANDAAG_PCT

    extra = _leeg(seg)
    thuis = np.isin(st.optie, THUIS) & _in_sectoren(seg, o.sectoren)
    u_groep = seg.trek(f"ekt-groep-{o.zaad}")
    u_gebruik = seg.trek(f"ekt-gebruik-{o.zaad}")
    gebruik = u_gebruik < o.gebruik_pct / 100
    aanmerking_v = thuis
    aanmerking = thuis & ((o.doelgroep == "iedereen_thuis") | (u_groep < o.aandeel_rlz_groepen_pct / 100))
    budget = np.full(seg.n, np.nan)
    for optie in THUIS:
        gegeven = getattr(o.budget_per_client, optie)
        bij = st.optie == optie
        if gegeven is not None:
            budget[bij] = float(gegeven) * seg.maanden[bij] / 12
        elif optie == "mpt":
            budget[bij] = st.wlz[bij]  # his own Wlz € of the year: the budget he used (an approximation)
    bekend = np.isfinite(budget)
    b0 = np.where(bekend, budget, 0.0)
    extra_v = (aanmerking_v & gebruik) * b0 * VANDAAG_PCT / 100 * o.benutting_pct / 100
    extra_s = (aanmerking & gebruik) * b0 * o.percentage / 100 * o.benutting_pct / 100
    extra.wlz = extra_s - extra_v
    extra.budget = seg.per_client(extra.wlz)
    gebruiker = seg.per_client((aanmerking & gebruik).astype(float)) > 0
    zonder_budget = int((seg.per_client((thuis & ~bekend).astype(float)) > 0).sum())
    meldingen = []
    if zonder_budget:
        meldingen.append(
            f"stap {stap} extra kosten thuis per cliënt: {format_number(zonder_budget)} cliënten thuis zonder budget "
            "(pgb zonder budget_per_client): geen euro's"
        )
    zorgval = pd.DataFrame(columns=KOP_EKT_ZORGVAL)
    notitie = np.where(gebruiker, "ekt-gebruiker", "")
    if o.voorafgaand_pakket is None:
        meldingen.append(
            f"stap {stap} zorgval extra kosten thuis: niet berekend — de basis kent het zorgpakket van vóór de Wlz "
            "(Zvw-wijkverpleging, Wmo) niet; geef het per cliënt in voorafgaand_pakket"
        )
    else:
        pakket = read_voorafgaand_pakket(o.voorafgaand_pakket, f"{veld}.voorafgaand_pakket")
        voor = seg.koppel(pakket)[seg.client] * seg.maanden / 12
        heeft = np.isfinite(voor) & bekend
        dekking_v = b0 * (1 + VANDAAG_PCT / 100)
        dekking_s = b0 * (1 + o.percentage / 100)
        val_v = heeft & aanmerking_v & (voor > dekking_v + 0.005)
        val_s = heeft & aanmerking & (voor > dekking_s + 0.005)
        tekort_v = np.where(val_v, voor - dekking_v, 0.0)
        tekort_s = np.where(val_s, voor - dekking_s, 0.0)
        d = pd.DataFrame(
            {
                "sector": seg.sector,
                "zorgprofiel": seg.zorgprofiel,
                "optie": st.optie,
                "clienten": thuis.astype(float) * seg.maanden / 12,
                "in_aanmerking": aanmerking.astype(float) * seg.maanden / 12,
                "zorgval_vandaag": val_v.astype(float) * seg.maanden / 12,
                "zorgval": val_s.astype(float) * seg.maanden / 12,
                "tekort_vandaag": tekort_v,
                "tekort": tekort_s,
            }
        )[thuis]
        zorgval = d.groupby(["sector", "zorgprofiel", "optie"], as_index=False).sum()
        zorgval.insert(0, "stap", stap)
        val_client = seg.per_client(val_s.astype(float)) > 0
        notitie = np.where(val_client, np.where(gebruiker, "ekt-gebruiker; zorgval", "zorgval"), notitie)
        meldingen.append(
            f"stap {stap} zorgval extra kosten thuis (voorafgaand pakket uit {Path(o.voorafgaand_pakket).name}): "
            f"{format_number(int(val_client.sum()))} cliënten "
            f"(vandaag {format_number(int((seg.per_client(val_v.astype(float)) > 0).sum()))}), "
            f"tekort {format_euro(float(tekort_s.sum()))} (vandaag {format_euro(float(tekort_v.sum()))})"
        )
    extra.toelichting = notitie.astype(object)
    return extra, zorgval[KOP_EKT_ZORGVAL] if not zorgval.empty else zorgval, meldingen


def _personen(seg: Segmenten, idx: np.ndarray, codes: np.ndarray, st: Stand, jaar: int) -> dict[str, np.ndarray]:
    maanden = np.clip(np.rint(seg.maanden[idx]).astype(int), 1, 12)
    begin = np.datetime64(f"{jaar}-01-01")
    einde = (np.datetime64(f"{jaar}-01", "M") + maanden).astype("datetime64[D]") - np.timedelta64(1, "D")
    return {
        "zorgprofiel": codes,
        "leveringsvorm": st.optie[idx].astype(str),
        "gewaarborgde_hulp": np.ones(len(idx), dtype=bool),
        "zorg_begin": np.full(len(idx), begin),
        "zorg_einde": einde,
    }


def _codes(seg: Segmenten) -> np.ndarray:
    from wlz.scenario.toeslagen import profielcode

    uniek = {(s, int(p)) for s, p in zip(seg.sector, seg.zorgprofiel, strict=True)}
    kaart = {k: profielcode(*k) or "" for k in uniek}
    return np.array([kaart[(s, int(p))] for s, p in zip(seg.sector, seg.zorgprofiel, strict=True)], dtype=object)


def toeslagen_clienten(o: ToeslagenInBudget, seg: Segmenten, st: Stand, stap: int) -> tuple[Extra, list[str]]:
    """The reform per pgb/mpt client: budget before and after, doelmatigheidstoets before and after."""
    from wlz.scenario.toeslagen import HERVORMING, simuleer

    extra = _leeg(seg)
    codes = _codes(seg)
    sel = np.isin(st.optie, ("pgb", "mpt")) & _in_sectoren(seg, o.sectoren) & (codes != "")
    idx = np.flatnonzero(sel)
    if len(idx) == 0:
        return extra, [f"stap {stap} toeslagen per cliënt: geen pgb- of mpt-cliënten met een pgb-profiel"]
    met = seg.trek(f"toeslag-{o.zaad}")[idx] < o.aandeel_met_toeslag_pct / 100
    personen = _personen(seg, idx, codes[idx].astype(str), st, o.rekenjaar)
    personen["toeslag_beademing"] = np.where(met, o.toeslag_beademing, 0.0)
    personen["toeslag_zorginhoudelijk_overig"] = np.where(met, o.toeslag_zorginhoudelijk_overig, 0.0)
    maanden = np.clip(np.rint(seg.maanden[idx]), 1, 12)
    # an mpt client's own Wlz € per year is his cost in the doelmatigheidstoets (claims' year against the rules' year)
    personen["mpt_kosten"] = np.where(st.optie[idx] == "mpt", st.wlz[idx] * 12 / maanden, 0.0)
    voor, dv = simuleer(None, personen, o.rekenjaar)
    na, dn = simuleer(HERVORMING, personen, o.rekenjaar)
    bekend = np.isfinite(voor) & np.isfinite(na)
    winst = np.zeros(seg.n)
    winst[idx[bekend]] = (na - voor)[bekend]
    extra.budget = seg.per_client(winst)  # budget room, not spending: Wlz € unchanged
    mpt = st.optie[idx] == "mpt"
    erbij = np.zeros(seg.n, dtype=bool)
    erbij[idx] = mpt & ~dv & dn & bekend
    eraf = np.zeros(seg.n, dtype=bool)
    eraf[idx] = mpt & dv & ~dn & bekend
    toeslag = np.zeros(seg.n, dtype=bool)
    toeslag[idx] = met
    c_toeslag = seg.per_client(toeslag.astype(float)) > 0
    c_erbij = seg.per_client(erbij.astype(float)) > 0
    notitie = np.where(c_toeslag, "toeslag in budget", "")
    notitie = np.where(c_erbij, np.char.add(notitie.astype(str), "; nu doelmatig"), notitie)
    extra.toelichting = notitie.astype(object)
    onbekend = int((~bekend).sum())
    meldingen = [
        f"stap {stap} toeslagen per cliënt ({format_number(len(idx))} pgb/mpt-segmenten, regels {o.rekenjaar}): "
        f"{format_number(int(c_toeslag.sum()))} cliënten met toeslag, {format_number(int(c_erbij.sum()))} "
        "mpt-cliënten slagen nu wel voor de doelmatigheidstoets, "
        f"{format_number(int((seg.per_client(eraf.astype(float)) > 0).sum()))} niet meer (kosten = eigen "
        "Wlz-uitgaven per jaar uit de basis)"
        + (f"; {onbekend} segmenten zonder pgb-bedrag in de regels" if onbekend else "")
    ]
    return extra, meldingen


def behoefte(o: Maatwerkindicatie, seg: Segmenten, codes: np.ndarray | None = None) -> np.ndarray:
    """Per segment the need as a fraction of the profile amount (the same for all of a client's segments).

    Synthetic: a point of ``behoefte_pct_van_profiel`` by a hash draw, times a lognormal factor (mean 1,
    coefficient of variation ``behoefte_spreiding_pct``; Box-Muller on two more hash draws). With
    ``pilot_export``, a client whose zorgprofiel (``codes``) has pilot records instead gets one of that profile's
    ratios bedrag / profielbedrag, drawn evenly by the same hash draw (the empirical distribution, no extra
    spread); other profiles keep the synthetic need."""
    punten = np.array(o.behoefte_pct_van_profiel, dtype=float) / 100
    u = seg.trek(f"maatwerk-punt-{o.zaad}")
    punt: np.ndarray = punten[np.minimum((u * len(punten)).astype(int), len(punten) - 1)]
    cv = o.behoefte_spreiding_pct / 100
    uit: np.ndarray = punt
    if cv > 0:
        sigma2 = np.log1p(cv * cv)
        u1 = np.maximum(seg.trek(f"maatwerk-z1-{o.zaad}"), 1e-300)
        u2 = seg.trek(f"maatwerk-z2-{o.zaad}")
        z = np.sqrt(-2 * np.log(u1)) * np.cos(2 * np.pi * u2)
        factor: np.ndarray = np.exp(np.sqrt(sigma2) * z - sigma2 / 2)
        uit = punt * factor
    if o.pilot_export is None:
        return uit
    from wlz.scenario.pilot import read_pilot_export

    pilot = read_pilot_export(o.pilot_export)
    if codes is None:
        codes = _codes(seg)
    uit = uit.astype(float, copy=True)
    for code, verhoudingen in pilot.verhoudingen.items():
        sel = codes == code
        if sel.any():
            v = np.array(verhoudingen, dtype=float)
            uit[sel] = v[np.minimum((u[sel] * len(v)).astype(int), len(v) - 1)]
    return uit


def maatwerk_clienten(o: Maatwerkindicatie, seg: Segmenten, st: Stand, stap: int) -> tuple[Extra, list[str]]:
    """Per client in scope the need-based amount against the profile amount for his months; see the module."""
    from wlz.scenario.maatwerk import THUIS
    from wlz.scenario.toeslagen import simuleer

    extra = _leeg(seg)
    sector = _in_sectoren(seg, o.sectoren)
    thuis = np.isin(st.optie, THUIS)
    u = seg.trek(f"maatwerk-scope-{o.zaad}")
    if o.variant == "past_niet":
        scope = sector & (u < o.aandeel_past_niet_pct / 100)
    elif o.variant == "iedereen_thuis":
        scope = sector & thuis
    else:
        scope = sector & thuis & (u < o.aandeel_beperkte_groep_pct / 100)
    codes = _codes(seg)
    uniek = sorted({c for c in codes[scope] if c})
    bedrag: dict[str, float] = {}
    if uniek:
        personen = {
            "zorgprofiel": np.array(uniek),
            "leveringsvorm": np.array(["pgb"] * len(uniek)),
            "gewaarborgde_hulp": np.ones(len(uniek), dtype=bool),
        }
        budget, _ = simuleer(None, personen, o.rekenjaar)
        bedrag = {c: float(b) for c, b in zip(uniek, budget, strict=True) if np.isfinite(b)}
    profiel = np.array([bedrag.get(c, np.nan) for c in codes], dtype=float) * seg.maanden / 12
    nodig = behoefte(o, seg, codes)
    bekend = scope & np.isfinite(profiel)
    delta = np.where(bekend, profiel * (nodig - 1), 0.0)
    extra.wlz = delta
    extra.budget = seg.per_client(delta)
    c_scope = seg.per_client(bekend.astype(float)) > 0
    pct = seg.per_client(np.where(bekend, nodig * seg.maanden, 0.0)) / np.maximum(
        seg.per_client(np.where(bekend, seg.maanden, 0.0)), 1
    )
    notitie = np.full(seg.n_clienten, "", dtype=object)
    notitie[c_scope] = [f"maatwerk {x * 100:.0f}% van het profiel" for x in pct[c_scope]]
    # re-assessed this year (seed 000 r.207-210): the chosen share of the clients with maatwerk, drawn per client
    her = c_scope & (seg.trek(f"maatwerk-herindicatie-{o.zaad}")[seg.hoofd] < o.herindicatie_pct / 100)
    notitie[her] = [f"{x}; herindicatie" for x in notitie[her]]
    extra.toelichting = notitie
    zonder = int((seg.per_client((scope & ~np.isfinite(profiel)).astype(float)) > 0).sum())
    synthetisch = (
        f"synthetisch (voorbeeld: punten {list(o.behoefte_pct_van_profiel)} %, spreiding "
        f"{o.behoefte_spreiding_pct} %, zaad {o.zaad})"
    )
    if o.pilot_export is not None:
        from wlz.scenario.pilot import read_pilot_export

        pilot = read_pilot_export(o.pilot_export)
        met_pilot = int((seg.per_client((bekend & np.isin(codes, list(pilot.verhoudingen))).astype(float)) > 0).sum())
        herkomst = (
            f"behoefte uit de {pilot.bron()} voor {format_number(met_pilot)} cliënten (verhouding bedrag / "
            f"profielbedrag van hun zorgprofiel), voor de overige {synthetisch}"
        )
    else:
        herkomst = f"behoefte {synthetisch}"
    meldingen = [
        f"stap {stap} maatwerk per cliënt: {format_number(int(c_scope.sum()))} cliënten met maatwerk "
        f"(variant {o.variant}), {herkomst}; {format_number(int(her.sum()))} extra herindicaties"
        + (f"; {zonder} cliënten zonder profielbedrag in de regels van {o.rekenjaar}" if zonder else "")
    ]
    return extra, meldingen
