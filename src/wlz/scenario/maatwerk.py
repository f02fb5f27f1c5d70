"""Maatwerkindicatie: a need-based amount instead of the profile amount, per profile and per client, winners and
losers, and the extra herindicaties.

The profile amount is the pgb budget of the profile from the rules (``rekenjaar``, with its sources); the need comes
from :mod:`wlz.scenario.maatwerk_behoefte` (hours × rate with the client's context, the CIZ pilot's ratios, or chosen
points — no basis holds a client's hours). Access does not change (seed 000 r.133-136): the same clients, only their
amount. Variants: everyone at home (seed 000, the staatssecretaris), a limited group (NZa/ZIN aanbeveling 4), or the
clients who do not fit their profile (seed 003: circa 3 % of all Wlz clients). Here: the group rows of
``maatwerk.csv`` (:func:`maatwerk_rows`) and the client-level step of the engine's contract
(:func:`maatwerk_clienten`, :func:`maatwerk_invoer`, :func:`maatwerk_meldingen`).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from wlz.common.errors import InputError
from wlz.common.formatting import format_number
from wlz.scenario.clienten import Extra, Segmenten, Stand, invoer_kolom
from wlz.scenario.maatwerk_behoefte import (
    BRON_PILOT,
    BRON_PUNTEN,
    BRON_UREN,
    BRONNEN,
    CONTEXT,
    behoefte_batch,
    client_parameters,
    read_clientcontext,
    uren_toelichting,
    verdeling,
)
from wlz.scenario.model import Eenheidskosten, Toestand, kosten
from wlz.scenario.pilot import read_pilot_export
from wlz.scenario.schema import Maatwerkindicatie, instelling
from wlz.scenario.toeslagen import profielcode

KOP_MAATWERK = [
    "sector",
    "zorgprofiel",
    "optie",
    "clienten",
    "clienten_maatwerk",
    "profielbedrag",
    "meer",
    "minder",
    "gelijk",
    "verschil_totaal",
    "extra_herindicaties",
    "rekenjaar",
    "opmerking",
]
THUIS = ("mpt", "pgb", "vpt_excl", "vpt_incl")


def _in_scope(o: Maatwerkindicatie, optie: str) -> float:
    if o.variant == "past_niet":
        return o.aandeel_past_niet_pct / 100
    if optie not in THUIS:
        return 0.0
    return 1.0 if o.variant == "iedereen_thuis" else o.aandeel_beperkte_groep_pct / 100


def maatwerk_rows(
    o: Maatwerkindicatie, toestand: Toestand, eenheid: Eenheidskosten, veld: str = "maatwerkindicatie"
) -> list[dict[str, Any]]:
    """Rows of maatwerk.csv: per sector, profile and option the clients in scope, winners, losers and euros."""
    if not eenheid.basis.heeft_profielen:
        raise InputError("maatwerkindicatie", f"de basis {eenheid.basis.naam} heeft geen zorgprofielen")
    groepen = {k: n for k, n in sorted(toestand.clienten().items()) if instelling(k[0]) in o.sectoren and n > 0}
    profielen = sorted({(s, p) for s, p, _ in groepen})
    codes = {sp: profielcode(*sp) for sp in profielen}
    par = client_parameters(o, veld)
    bedrag = {sp: par.profielbedrag[c] for sp, c in codes.items() if c is not None and c in par.profielbedrag}
    pilot = read_pilot_export(o.pilot_export) if o.pilot_export is not None else None
    # care in kind changes with the amount in proportion to its Wlz € (see wlz_verschil); a pgb by its budget
    wlz_per_client = {
        k: g.wlz / g.clienten
        for k, g in (kosten(toestand, eenheid).items() if eenheid.basis.heeft_kosten else ())
        if k[2] != "pgb" and g.clienten > 0 and g.dagen > 0
    }
    rijen = []
    for (sector, p, optie), n in groepen.items():
        code = codes[(sector, p)]
        gewicht, punten, bron = verdeling(code, par)
        herkomst = f"behoefte: {bron}"
        if bron == "pilot" and pilot is not None:
            herkomst = f"behoefte: {pilot.bron()}, waarvan {len(punten)} van {code}"
        elif bron == "gekozen punten (voorbeeld)" and pilot is not None:
            herkomst = "behoefte: geen pilotrecords voor dit profiel, gekozen punten (voorbeeld)"
        elif code in par.pakketten:
            herkomst += f"; {uren_toelichting(par)}"
        meer = float(gewicht[punten > 1].sum())
        minder = float(gewicht[punten < 1].sum())
        gemiddeld = float((gewicht * punten).sum()) - 1
        scope = n * _in_scope(o, optie)
        rij: dict[str, Any] = {
            "sector": sector,
            "zorgprofiel": p,
            "optie": optie,
            "clienten": n,
            "clienten_maatwerk": scope,
            "meer": scope * meer,
            "minder": scope * minder,
            "gelijk": scope * (1 - meer - minder),
            "extra_herindicaties": scope * o.herindicatie_pct / 100,
            "rekenjaar": o.rekenjaar,
        }
        b = bedrag.get((sector, p))
        wlz = wlz_per_client.get((sector, p, optie))
        if b is None or not np.isfinite(b):
            rij["opmerking"] = (
                f"de regels kennen geen profielbedrag voor {sector} profiel {p} in {o.rekenjaar}; {herkomst}"
            )
        else:
            rij.update(
                profielbedrag=b,
                verschil_totaal=scope * gemiddeld * (b if wlz is None else wlz),
                opmerking="profielbedrag = pgb-budget van het profiel volgens de regels"
                + ("" if optie in THUIS else " (ook voor verblijf: het bedrag thuis als maat)")
                + (
                    "; verschil = profielbedrag × (behoefte / profielbedrag − 1)"
                    if wlz is None
                    else "; verschil = Wlz € per cliënt van de groep × (behoefte / profielbedrag − 1) (keuze: zorg in "
                    "natura verandert naar verhouding)"
                )
                + f"; {herkomst}",
            )
        rijen.append({k: rij.get(k) for k in KOP_MAATWERK})
    return rijen


def maatwerk_invoer(o: Maatwerkindicatie, veld: str) -> dict[str, pd.Series]:
    """The per-client context of ``uren.clientcontext`` (per column of :data:`CONTEXT` the file has: a Series
    client_id → value), read and checked in the driver; the engine joins each as ``invoer_kolom(kolom, stap)``
    (``CLIENTINVOER`` of :mod:`wlz.scenario.clientopties`). Empty without a file."""
    if o.uren is None or o.uren.clientcontext is None:
        return {}
    context = read_clientcontext(o.uren.clientcontext, f"{veld}.uren.clientcontext", o.uren.clientcontext_jaar)
    return {k: context[k] for k in context.columns}


def maatwerk_clienten(o: Maatwerkindicatie, seg: Segmenten, st: Stand, stap: int) -> Extra:
    """Per client in scope the need-based amount against the profile amount for his months (the per-option client
    function of the engine's contract, :class:`wlz.scenario.clienten.Extra`: a pure function of one batch).

    The variant picks the clients (``past_niet`` a drawn share of everyone, ``iedereen_thuis`` everyone at home,
    ``beperkte_groep`` a drawn share of them); each draw is a hash of the client id and the option's ``zaad``. The
    arithmetic per segment is :func:`behoefte_batch`; the difference goes to Wlz € and the client's budget. Counts
    for :func:`maatwerk_meldingen` go to ``tellers``."""
    from wlz.scenario.clientopties import _codes, _in_sectoren, _leeg

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
    par = client_parameters(o)
    uit = behoefte_batch(segment_batch(o, seg, codes, stap), par)
    profiel = uit["profielbedrag"].to_numpy(float)
    bekend = scope & np.isfinite(profiel)
    budget = np.where(bekend, uit["bedrag"].to_numpy(float) - np.nan_to_num(profiel), 0.0)
    extra.wlz = wlz_verschil(budget, np.nan_to_num(uit["verhouding"].to_numpy(float)), st, bekend)
    extra.budget = seg.per_client(budget)
    c_scope = seg.per_client(bekend.astype(float)) > 0
    notitie = np.full(seg.n_clienten, "", dtype=object)
    if c_scope.any():
        bronnen = {b for b in par.tarief_bron if b != "niet gebruikt"}
        tarief = "Rlz art. 5.22" if any(b.startswith("Rlz") for b in bronnen) else "opgegeven"
        if len(bronnen) > 1:
            tarief = "Rlz art. 5.22 en opgegeven"
        notitie[c_scope] = client_toelichting(uit, seg, bekend, tarief, c_scope)
    # re-assessed this year (seed 000 r.207-210): the chosen share of the clients with maatwerk, drawn per client
    her = c_scope & (seg.trek(f"maatwerk-herindicatie-{o.zaad}")[seg.hoofd] < o.herindicatie_pct / 100)
    notitie[her] = notitie[her] + "; herindicatie"
    extra.toelichting = notitie
    bron = uit["bron"].to_numpy(object)
    extra.tellers = {
        "clienten": float(c_scope.sum()),
        "herindicaties": float(her.sum()),
        "zonder_profielbedrag": float((seg.per_client((scope & ~np.isfinite(profiel)).astype(float)) > 0).sum()),
        **{f"bron_{b}": float((seg.per_client((bekend & (bron == b)).astype(float)) > 0).sum()) for b in BRONNEN},
    }
    return extra


def wlz_verschil(budget: np.ndarray, verhouding: np.ndarray, st: Stand, bekend: np.ndarray) -> np.ndarray:
    """The change of Wlz € per segment: a pgb budget is spent as granted, so a pgb client's Wlz € change by his
    budget's change; care in kind (mpt, vpt, zzp) changes with the amount in proportion: his own Wlz € × (need /
    profile amount − 1) — a keuze, so no client's Wlz € go below 0 where his care cost less than the profile."""
    uit: np.ndarray = np.where(bekend, np.where(st.optie == "pgb", budget, st.wlz * (verhouding - 1)), 0.0)
    return uit


def maatwerk_meldingen(o: Maatwerkindicatie, stap: int, tellers: dict[str, float]) -> list[str]:
    """The run's note of a maatwerk step, from the counts summed over all batches."""
    par = client_parameters(o)
    delen = []
    if tellers.get(f"bron_{BRON_UREN}"):
        delen.append(
            f"uit uren voor {format_number(int(tellers[f'bron_{BRON_UREN}']))} cliënten ({uren_toelichting(par)})"
        )
    if tellers.get(f"bron_{BRON_PILOT}") and o.pilot_export is not None:
        n_pilot = format_number(int(tellers[f"bron_{BRON_PILOT}"]))
        delen.append(
            f"uit de {read_pilot_export(o.pilot_export).bron()} voor {n_pilot} cliënten (verhouding bedrag / "
            "profielbedrag van hun zorgprofiel)"
        )
    if tellers.get(f"bron_{BRON_PUNTEN}") or not delen:
        delen.append(
            f"synthetisch (voorbeeld: punten {list(o.behoefte_pct_van_profiel)} %, spreiding "
            f"{o.behoefte_spreiding_pct} %, zaad {o.zaad}) voor "
            f"{format_number(int(tellers.get(f'bron_{BRON_PUNTEN}', 0)))} cliënten"
        )
    zonder = int(tellers.get("zonder_profielbedrag", 0))
    return [
        f"stap {stap} maatwerk per cliënt: {format_number(int(tellers.get('clienten', 0)))} cliënten met maatwerk "
        f"(variant {o.variant}), behoefte {'; '.join(delen)}; "
        f"{format_number(int(tellers.get('herindicaties', 0)))} extra herindicaties "
        f"({o.herindicatie_pct:g}% van wie maatwerk krijgt per jaar opnieuw geïndiceerd, keuze)"
        + (f"; {zonder} cliënten zonder profielbedrag in de regels van {o.rekenjaar}" if zonder else "")
    ]


def segment_batch(o: Maatwerkindicatie, seg: Segmenten, codes: np.ndarray, stap: int) -> pd.DataFrame:
    """The batch :func:`behoefte_batch` reads, for every segment: its profile code, months, the client's draws
    (a hash of his id and the option's ``zaad``) and his context (``uren.clientcontext``): the columns the engine
    joined (``invoer_kolom(kolom, stap)``), or else a cached read of the file joined here."""
    batch = pd.DataFrame(
        {
            "zorgprofiel": codes,
            "maanden": seg.maanden,
            **{f"u_{d}": seg.trek(f"maatwerk-{d}-{o.zaad}") for d in ("punt", "z1", "z2")},
            **{f"u_{d}": seg.trek(f"maatwerk-{d}-{o.zaad}") for d in ("uren", "partner", "mantelzorg", "leeftijd")},
        }
    )
    if o.uren is None or o.uren.clientcontext is None:
        return batch
    gekoppeld = {k: seg.kolom(invoer_kolom(k, stap)) for k in CONTEXT}
    context = None
    for k in CONTEXT:
        waarden = gekoppeld[k]
        if waarden is None:
            if context is None:
                context = read_clientcontext(
                    o.uren.clientcontext, "maatwerkindicatie.uren.clientcontext", o.uren.clientcontext_jaar
                )
            if k not in context:
                continue
            waarden = seg.koppel(context[k])[seg.client]
        batch[k] = waarden
    return batch


def _getal(x: np.ndarray, decimalen: int) -> pd.Series:
    """Numbers as Dutch text without a Python loop: ``decimalen`` fixed decimals after a comma (0: whole), e.g.
    10 → "10", 2.5 → "2,5" (one decimal, a trailing ",0" dropped) or 63 → "63,00" (two)."""
    schaal = 10**decimalen
    v = np.rint(np.nan_to_num(x) * schaal).astype(np.int64)
    heel = pd.Series(v // schaal).astype(str)
    if decimalen == 0:
        return heel
    rest = pd.Series(v % schaal).astype(str).str.zfill(decimalen)
    tekst = heel + "," + rest
    return tekst.str.removesuffix(",0") if decimalen == 1 else tekst


def client_toelichting(
    uit: pd.DataFrame, seg: Segmenten, bekend: np.ndarray, tarief: str, clienten: np.ndarray
) -> np.ndarray:
    """For the clients ``clienten`` (a mask per client) a Dutch note: the need as % of the profile and, from hours,
    the hours, what was taken off, the rate and where each came from (vectorised text, no row loop)."""
    gewicht = np.where(bekend, seg.maanden, 0.0)
    pct = seg.per_client(np.nan_to_num(uit["verhouding"].to_numpy(float)) * gewicht) / np.maximum(
        seg.per_client(gewicht), 1
    )
    kop = uit.iloc[seg.hoofd[clienten]].reset_index(drop=True)
    tekst = "maatwerk " + _getal(pct[clienten] * 100, 0) + "% van het profiel"
    uren = (kop["bron"] == BRON_UREN).to_numpy()
    if uren.any():
        detail = (
            ": "
            + _getal(kop["uren"].to_numpy(float), 1)
            + " uur/week, min gebruikelijke zorg "
            + _getal(kop["gebruikelijke_zorg_uren"].to_numpy(float), 1)
            + ", min mantelzorg/partner "
            + _getal(kop["context_uren"].to_numpy(float), 1)
            + " = "
            + _getal(kop["uren_netto"].to_numpy(float), 1)
            + " uur × € "
            + _getal(kop["tarief"].to_numpy(float), 2)
            + " ("
            + kop["herkomst"].astype(str)
            + ", tarief "
            + tarief
            + ")"
        )
        tekst = tekst.where(~uren, tekst + detail)
    uit_tekst: np.ndarray = tekst.to_numpy(object)
    return uit_tekst
