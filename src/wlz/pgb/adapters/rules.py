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
from wlz.rules.api import bereken


def gewaarborgde_hulp_vereist(zorgprofiel: str) -> bool:
    return reference.lookup(zorgprofiel).pgb == "gewaarborgde_hulp"


def cod163(zorgprofiel: str) -> str:
    return reference.lookup(zorgprofiel).cod163


def budget(zorgprofiel: str, van: dt.date, tot: dt.date) -> tuple[int | None, str]:
    """The pgb for the period in cents and its source; ``None`` where the rules know no amount (the zorgkantoor
    or the user supplies it — never a made-up figure)."""
    client: dict[str, Any] = {"zorgprofiel": zorgprofiel, "leveringsvorm": "pgb", "gewaarborgde_hulp": True}
    r = bereken({"periode": {"van": van.isoformat(), "tot": tot.isoformat()}, "client": client}).resultaat("pgb_budget")
    if r is None or r.onbekend or r.waarde is None:
        return None, ""
    bron = "; ".join(f"{b.titel} {b.url}".strip() for b in r.bronnen)
    return round(float(r.waarde) * 100), f"wlz.rules pgb_budget ({bron})"


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
