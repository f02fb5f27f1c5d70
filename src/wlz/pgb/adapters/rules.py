"""The rules' figures the pgb needs: the budget (``wlz.rules.api.bereken``, result ``pgb_budget``), whether a
profile needs gewaarborgde hulp (``wlz.reference``, Rlz art. 5.6), and the hourly maxima of Rlz art. 5.22 for a
year (the rules' parameter table ``pgb/tarief.yaml`` with its sources). Unknown stays ``None``."""

from __future__ import annotations

import datetime as dt
from functools import cache
from importlib import resources
from typing import Any

import yaml

from wlz import reference
from wlz.common.errors import InputError
from wlz.pgb.domain import bronnen
from wlz.pgb.domain.zorgruimte import Zorgruimte
from wlz.rules.api import Resultaat, bereken


def gewaarborgde_hulp_vereist(zorgprofiel: str) -> bool:
    return reference.lookup(zorgprofiel).pgb == "gewaarborgde_hulp"


def cod163(zorgprofiel: str) -> str:
    return reference.lookup(zorgprofiel).cod163


@cache
def _pgb_budget(zorgprofiel: str, van: dt.date, tot: dt.date) -> Resultaat | None:
    client: dict[str, Any] = {"zorgprofiel": zorgprofiel, "leveringsvorm": "pgb", "gewaarborgde_hulp": True}
    return bereken({"periode": {"van": van.isoformat(), "tot": tot.isoformat()}, "client": client}).resultaat(
        "pgb_budget"
    )


def budget(zorgprofiel: str, van: dt.date, tot: dt.date) -> tuple[int | None, str]:
    """The pgb for the period in cents and its source; ``None`` where the rules know no amount (the zorgkantoor
    or the user supplies it — never a made-up figure)."""
    r = _pgb_budget(zorgprofiel, van, tot)
    if r is None or r.onbekend or r.waarde is None:
        return None, ""
    bron = "; ".join(f"{b.titel} {b.url}".strip() for b in r.bronnen)
    return round(float(r.waarde) * 100), f"wlz.rules pgb_budget ({bron})"


def zorgruimte(zorgprofiel: str, van: dt.date, tot: dt.date) -> Zorgruimte:
    """The care forms of the profile from the rules' classes (``pgb.klassen.<vorm>.<profiel>`` among the
    parameters of ``pgb_budget``; class -1: not part of the profile). ``vormen=None`` where the rules used no
    classes for the period (an unknown year, or a profile outside bijlage C)."""
    r = _pgb_budget(zorgprofiel, van, tot)
    klassen = {
        p.naam.split(".")[2]: p.waarde
        for p in (r.parameters if r is not None and not r.onbekend else ())
        if p.naam.startswith("pgb.klassen.")
    }
    if not klassen:
        return Zorgruimte(None)
    vormen = frozenset(v for v, k in klassen.items() if k is not None and float(k) >= 0)
    bron = "; ".join(sorted({p.bron or "" for p in r.parameters if p.naam.startswith("pgb.klassen.")})) if r else ""
    return Zorgruimte(vormen, f"Wlz art. 3.3.3 lid 1; Blz art. 3.6.3, 3.6.4; Rlz art. 5.13 lid 2, bijlage C ({bron})")


@cache
def _tarief() -> dict[str, Any]:
    tekst = resources.files("wlz.rules").joinpath("parameters/pgb/tarief.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(tekst)
    return data


def uurtarief(jaar: int) -> bronnen.Uurtarief:
    """Maxima of Rlz art. 5.22 in force on 1 January of ``jaar`` (cents) with the formal rate's source; the
    informal rate only for 2015 (the later texts' informal rate is not shipped by the rules)."""
    waarden = _tarief()["formeel_per_uur"]["values"]
    peil = dt.date(jaar, 1, 1)
    geldig = [(dt.date.fromisoformat(str(k)), v) for k, v in waarden.items() if dt.date.fromisoformat(str(k)) <= peil]
    formeel: int | None = None
    bron: bronnen.Bron | None = None
    if geldig:
        _, v = max(geldig, key=lambda kv: kv[0])
        if v.get("value") is not None:
            formeel = round(float(v["value"]) * 100)
            bron = bronnen.Bron("Rlz art. 5.22", str(v.get("metadata", {}).get("reference", "")))
    informeel = bronnen.INFORMEEL_2015.informeel_cent if jaar == 2015 else None
    return bronnen.Uurtarief(formeel, informeel, bron or (bronnen.INFORMEEL_2015.bron if informeel else None))


def check_profiel(zorgprofiel: str) -> None:
    try:
        reference.lookup(zorgprofiel)
    except KeyError:
        raise InputError("zorgprofiel", "onbekend zorgprofiel") from None
