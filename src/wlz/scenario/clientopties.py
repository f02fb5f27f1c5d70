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
  — its arithmetic is :func:`wlz.scenario.maatwerk_behoefte.behoefte_batch`, the step
  :func:`wlz.scenario.maatwerk.maatwerk_clienten`.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from wlz.common.errors import InputError
from wlz.common.formatting import format_euro, format_number
from wlz.scenario.clienten import Extra, Segmenten, Stand, invoer_kolom
from wlz.scenario.maatwerk import maatwerk_clienten, maatwerk_invoer, maatwerk_meldingen
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


def verdeel_groep(centen: int, gewicht: np.ndarray) -> np.ndarray:
    """Whole cents over the members of a group in proportion to integer weights (largest remainder, ties to
    the first): the engines' own SQL (:data:`wlz.scenario.clientengine.CENTEN_SQL`) on one group, on DuckDB, so
    the splitter a test checks is the one every run uses."""
    from wlz.scenario.clientengine import DuckDBEngine, centen_sql

    n = len(gewicht)
    k = pd.DataFrame(
        {
            "client_id": [f"{i:012d}" for i in range(n)],
            "sector": "vv",
            "zorgprofiel": np.ones(n, dtype=np.int64),
            "herkomst": "mpt",
            "maanden": np.ones(n),
            "gewicht": np.asarray(gewicht).astype(np.int64),
            "optie__0": "mpt",
        }
    )
    c = pd.DataFrame({"sector": ["vv"], "zorgprofiel": [1], "optie": ["mpt"], "centen": [int(centen)]})
    motor = DuckDBEngine()
    try:
        uit = motor.sql(centen_sql(0), orden=True, k=k, c=c)
    finally:
        motor.close()
    deel: np.ndarray = uit["centen__0"].to_numpy(np.int64)
    return deel


def taakstelling_groepen(o: Taakstelling, rijen: list[dict[str, Any]]) -> tuple[int, dict[tuple[str, int, str], int]]:
    """The year of the cut and each group's (sector, profile, option) cut in cents, from ``kortingen.csv``'s rows
    of this step (groups without a cut left out); year 0 and no groups when the cut is nowhere active."""
    actief = [r for r in rijen if r["jaar"] >= o.vanaf and r["sector"] != "ggz"]
    if not actief:
        return 0, {}
    jaar = min(r["jaar"] for r in actief)
    groepen = {
        (str(r["sector"]), int(r["zorgprofiel"]), str(r["optie"])): int(r["korting"] * 100)
        for r in actief
        if r["jaar"] == jaar
    }
    return jaar, {k: c for k, c in sorted(groepen.items()) if c != 0}


def taakstelling_clienten(o: Taakstelling, seg: Segmenten, st: Stand, stap: int) -> Extra:
    """The cut per client: Wlz € lower by his segments' cents, which the engine computed over the whole table
    (largest remainder per group, :data:`wlz.scenario.clientengine.CENTEN_SQL`) and joined as a column."""
    extra = _leeg(seg)
    kolom = seg.kolom(invoer_kolom("centen", stap))
    if kolom is None:
        return extra
    centen = np.nan_to_num(kolom).astype(np.int64)
    extra.wlz = -centen / 100.0
    per_client = seg.per_client(centen.astype(float))
    extra.toelichting = np.where(per_client > 0, "tariefkorting (aanbieder)", "").astype(object)
    extra.tellers = {"clienten": float((per_client > 0).sum())}
    extra.detail = {"centen": centen}
    return extra


def taakstelling_meldingen(o: Taakstelling, stap: int, tellers: dict[str, float], jaar: int) -> list[str]:
    if not jaar:
        return []
    return [
        f"stap {stap} taakstelling per cliënt: {format_number(int(tellers.get('clienten', 0)))} cliënten, korting "
        f"per jaar vanaf {jaar} op de dagen van het basisjaar; per aanbieder in kortingen_aanbieders.csv"
    ]


def kortingen_tabel(
    stap: int, jaar: int, per_aanbieder: pd.DataFrame, zonder_clienten: dict[tuple[str, int, str], int]
) -> pd.DataFrame:
    """``kortingen_aanbieders.csv`` of one step from the engine's sums per (agb_code, sector) — columns agb_code,
    sector, clienten, dagen, centen — and the groups with a cut but no client in the client table."""
    g = per_aanbieder.copy()
    g["stap"], g["jaar"] = stap, jaar
    g["opmerking"] = np.where(
        g["agb_code"] == ONBEKEND_AGB, "zonder agb_code in de declaraties (kolom ontbreekt of leeg)", ""
    )
    onverdeeld = [
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
        for k, c in sorted(zonder_clienten.items())
    ]
    g = pd.concat([g, pd.DataFrame(onverdeeld)], ignore_index=True) if onverdeeld else g
    g = g.sort_values(["centen", "agb_code", "sector"], ascending=[False, True, True], kind="mergesort")
    g = g.reset_index(drop=True)
    g["clienten"] = g["clienten"].astype(np.int64)
    g["dagen"] = g["dagen"].astype(float)
    g["korting"] = [(Decimal(int(x)) / 100).quantize(Decimal("0.01")) for x in g["centen"]]
    uit: pd.DataFrame = g[KOP_KORTINGEN_AANBIEDERS]
    return uit


def read_client_table(pad_tekst: str, veld: str) -> pd.DataFrame:
    """A user-supplied table per client (``client_id`` read as text) from a CSV or Parquet file; InputError
    naming ``veld`` when the file is missing or neither."""
    pad = Path(pad_tekst)
    if not pad.is_file():
        raise InputError(veld, f"bestand {pad} bestaat niet")
    try:
        df: pd.DataFrame = pd.read_csv(pad, dtype={"client_id": str}) if pad.suffix == ".csv" else pd.read_parquet(pad)
    except Exception as exc:  # a file that is neither CSV nor Parquet
        raise InputError(veld, f"{pad.name} is niet te lezen als CSV of Parquet ({type(exc).__name__})") from None
    return df


def read_voorafgaand_pakket(pad_tekst: str, veld: str) -> pd.Series:
    """``client_id → voorafgaand_pakket`` (€ per year of Zvw/Wmo care before the Wlz) from a CSV or Parquet file."""
    pad = Path(pad_tekst)
    df = read_client_table(pad_tekst, veld)
    ontbrekend = [k for k in ("client_id", "voorafgaand_pakket") if k not in df.columns]
    if ontbrekend:
        raise InputError(veld, f"{pad.name} mist de kolommen {', '.join(ontbrekend)}")
    getal = pd.to_numeric(df["voorafgaand_pakket"], errors="coerce")
    fout = getal.isna() | (getal < 0)
    if fout.any():
        regel = int(fout.to_numpy().argmax()) + 2
        raise InputError(f"{veld}.voorafgaand_pakket", f"{pad.name} regel {regel}: geen bedrag ≥ 0")
    return pd.Series(getal.to_numpy(float), index=df["client_id"].astype(str).to_numpy()).groupby(level=0).sum()


def ekt_clienten(o: ExtraKostenThuis, seg: Segmenten, st: Stand, stap: int) -> Extra:
    """Extra kosten thuis per client, beside today's regime (25 %, everyone at home); see the module. The prior
    package (``voorafgaand_pakket``) is a per-client input column joined by the engine."""
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
    extra.tellers = {"zonder_budget": float((seg.per_client((thuis & ~bekend).astype(float)) > 0).sum())}
    notitie = np.where(gebruiker, "ekt-gebruiker", "")
    pakket = seg.kolom(invoer_kolom("voorafgaand_pakket", stap)) if o.voorafgaand_pakket is not None else None
    if pakket is not None:
        voor = pakket * seg.maanden / 12
        heeft = np.isfinite(voor) & bekend
        dekking_v = b0 * (1 + VANDAAG_PCT / 100)
        dekking_s = b0 * (1 + o.percentage / 100)
        val_v = heeft & aanmerking_v & (voor > dekking_v + 0.005)
        val_s = heeft & aanmerking & (voor > dekking_s + 0.005)
        tekort_v = np.where(val_v, voor - dekking_v, 0.0)
        tekort_s = np.where(val_s, voor - dekking_s, 0.0)
        gewicht = seg.maanden / 12
        extra.detail = {
            "zv_thuis": thuis,
            "zv_clienten": thuis * gewicht,
            "zv_in_aanmerking": aanmerking * gewicht,
            "zv_zorgval_vandaag": val_v * gewicht,
            "zv_zorgval": val_s * gewicht,
            "zv_tekort_vandaag": np.where(thuis, tekort_v, 0.0),
            "zv_tekort": np.where(thuis, tekort_s, 0.0),
        }
        val_client = seg.per_client(val_s.astype(float)) > 0
        notitie = np.where(val_client, np.where(gebruiker, "ekt-gebruiker; zorgval", "zorgval"), notitie)
        extra.tellers.update(
            zorgval=float(val_client.sum()),
            zorgval_vandaag=float((seg.per_client(val_v.astype(float)) > 0).sum()),
            tekort=float(tekort_s.sum()),
            tekort_vandaag=float(tekort_v.sum()),
        )
    extra.toelichting = notitie.astype(object)
    return extra


def ekt_meldingen(o: ExtraKostenThuis, stap: int, tellers: dict[str, float]) -> list[str]:
    meldingen = []
    zonder_budget = int(tellers.get("zonder_budget", 0))
    if zonder_budget:
        meldingen.append(
            f"stap {stap} extra kosten thuis per cliënt: {format_number(zonder_budget)} cliënten thuis zonder budget "
            "(pgb zonder budget_per_client): geen euro's"
        )
    if o.voorafgaand_pakket is None:
        meldingen.append(
            f"stap {stap} zorgval extra kosten thuis: niet berekend — de basis kent het zorgpakket van vóór de Wlz "
            "(Zvw-wijkverpleging, Wmo) niet; geef het per cliënt in voorafgaand_pakket"
        )
    else:
        meldingen.append(
            f"stap {stap} zorgval extra kosten thuis (voorafgaand pakket uit {Path(o.voorafgaand_pakket).name}): "
            f"{format_number(int(tellers.get('zorgval', 0)))} cliënten "
            f"(vandaag {format_number(int(tellers.get('zorgval_vandaag', 0)))}), "
            f"tekort {format_euro(tellers.get('tekort', 0.0))} "
            f"(vandaag {format_euro(tellers.get('tekort_vandaag', 0.0))})"
        )
    return meldingen


def ekt_invoer(o: ExtraKostenThuis, veld: str) -> pd.Series | None:
    """The prior package per client (read and checked in the driver, before anything is written), or None."""
    if o.voorafgaand_pakket is None:
        return None
    return read_voorafgaand_pakket(o.voorafgaand_pakket, f"{veld}.voorafgaand_pakket")


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


def toeslagen_clienten(o: ToeslagenInBudget, seg: Segmenten, st: Stand, stap: int) -> Extra:
    """The reform per pgb/mpt client: budget before and after, doelmatigheidstoets before and after."""
    from wlz.scenario.toeslagen import HERVORMING, simuleer

    extra = _leeg(seg)
    codes = _codes(seg)
    sel = np.isin(st.optie, ("pgb", "mpt")) & _in_sectoren(seg, o.sectoren) & (codes != "")
    idx = np.flatnonzero(sel)
    if len(idx) == 0:
        return extra
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
    extra.tellers = {
        "segmenten": float(len(idx)),
        "met_toeslag": float(c_toeslag.sum()),
        "erbij": float(c_erbij.sum()),
        "eraf": float((seg.per_client(eraf.astype(float)) > 0).sum()),
        "onbekend": float((~bekend).sum()),
    }
    return extra


def toeslagen_meldingen(o: ToeslagenInBudget, stap: int, tellers: dict[str, float]) -> list[str]:
    if not tellers.get("segmenten"):
        return [f"stap {stap} toeslagen per cliënt: geen pgb- of mpt-cliënten met een pgb-profiel"]
    onbekend = int(tellers.get("onbekend", 0))
    return [
        f"stap {stap} toeslagen per cliënt ({format_number(int(tellers['segmenten']))} pgb/mpt-segmenten, regels "
        f"{o.rekenjaar}): {format_number(int(tellers.get('met_toeslag', 0)))} cliënten met toeslag, "
        f"{format_number(int(tellers.get('erbij', 0)))} mpt-cliënten slagen nu wel voor de doelmatigheidstoets, "
        f"{format_number(int(tellers.get('eraf', 0)))} niet meer (kosten = eigen Wlz-uitgaven per jaar uit de basis)"
        + (f"; {onbekend} segmenten zonder pgb-bedrag in de regels" if onbekend else "")
    ]


#: per option type the per-client function on a batch (the contract: :class:`wlz.scenario.clienten.Extra`)
CLIENTFUNCTIES: dict[type, Callable[[Any, Segmenten, Stand, int], Extra]] = {
    Taakstelling: taakstelling_clienten,
    ExtraKostenThuis: ekt_clienten,
    ToeslagenInBudget: toeslagen_clienten,
    Maatwerkindicatie: maatwerk_clienten,
}
#: per option type: the run's notes from the tellers its client function returned, summed over every batch
MELDINGEN: dict[type, Callable[[Any, int, dict[str, float]], list[str]]] = {
    ExtraKostenThuis: ekt_meldingen,
    ToeslagenInBudget: toeslagen_meldingen,
    Maatwerkindicatie: maatwerk_meldingen,
}


def _ekt_invoer(o: ExtraKostenThuis, veld: str) -> dict[str, pd.Series]:
    pakket = ekt_invoer(o, veld)
    return {} if pakket is None else {"voorafgaand_pakket": pakket}


#: per option type: its per-client input tables, read and checked in the driver (``(optie, veld) → {naam: Series
#: client_id → value}``); the engine joins each as column ``invoer_kolom(naam, stap)`` to the segments
CLIENTINVOER: dict[type, Callable[[Any, str], dict[str, pd.Series]]] = {
    ExtraKostenThuis: _ekt_invoer,
    Maatwerkindicatie: maatwerk_invoer,
}
