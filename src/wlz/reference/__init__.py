"""Reference data shared by every capability: zorgprofielen and their COD163 codes.

One file, ``zorgprofielen.yaml``, is the single place a profile's code, sector, pgb and meerzorg
status and maximum validity are written down; the rules, the claims analysis, the synthetic data
and the service all read it through this module so they can never disagree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

# who pays which care (Wlz integraal / per module / pgb / Zvw); the function shadows its module's name on purpose,
# so callers write ``wlz.reference.bekostiging()`` (import the module's other names with ``from ... import``)
from wlz.reference.bekostiging import bekostiging  # noqa: F401

#: special COD163 codes that belong to no sector (Wlz-indiceerbaar, PGB start/stop, ZZPX, partnerverblijf)
SPECIAL_COD163 = ("996", "997", "998", "999")


@dataclass(frozen=True)
class Zorgprofiel:
    code: str
    cod163: str
    naam: str
    sector: str
    hoofdsector: str
    nummer: int
    geldig_vanaf: dt.date
    pgb: str = "ja"
    meerzorg_profiel: bool = False
    max_geldigheid_maanden: int | None = None
    variant: str | None = None
    alleen_overgangsrecht: bool = False
    buiten_wlz: bool = False

    @property
    def label(self) -> str:
        """Human label as in decision letters, e.g. 'VG5: Wonen met intensieve begeleiding ...'."""
        return f"{self.code}: {self.naam}"


@cache
def zorgprofielen() -> dict[str, Zorgprofiel]:
    """All profiles keyed by code (e.g. ``VG5``, ``VV9B``, ``GGZ-W3``)."""
    raw = yaml.safe_load(resources.files(__package__).joinpath("zorgprofielen.yaml").read_text("utf-8"))
    out: dict[str, Zorgprofiel] = {}
    for item in raw["zorgprofielen"]:
        item = dict(item)
        item["geldig_vanaf"] = dt.date.fromisoformat(str(item["geldig_vanaf"]))
        out[item["code"]] = Zorgprofiel(**item)
    return out


@cache
def by_cod163() -> dict[str, Zorgprofiel]:
    """Profiles keyed by their 3-digit COD163 code."""
    return {z.cod163: z for z in zorgprofielen().values()}


def lookup(code_or_cod163: str) -> Zorgprofiel:
    """Find a profile by code (``VG5``, case-insensitive) or COD163 code (``808``); KeyError if unknown."""
    key = str(code_or_cod163).strip()
    if key in by_cod163():
        return by_cod163()[key]
    norm = key.upper().replace(" ", "").replace("GGZ-", "GGZ").replace("GGZ", "GGZ-")
    for z in zorgprofielen().values():
        if z.code.upper() == norm:
            return z
    raise KeyError(code_or_cod163)


@cache
def leveringsvormen() -> dict:
    """Leveringsvormen with their bekostigingsopties and COD578 codes, and the mpt modules (COD732/COD756)."""
    return yaml.safe_load(resources.files(__package__).joinpath("leveringsvormen.yaml").read_text("utf-8"))
