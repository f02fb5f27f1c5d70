"""The baseline a scenario starts from: client counts per sector, profile and bekostigingsoptie, and costs.

Two kinds of basis: the built-in ``seed004`` (the published 2019 tables 5-6 of seed 004 per profile, client
counts only — the seed has no euros; ``seed004-sector`` is tables 1-2, per sector for 2018-2021) and an output
folder of ``wlz analyse`` (its CSV tables ``clienten_per_zorgprofiel.csv`` and ``uitgaven_per_dag.csv``: counts,
declared days and spending per soort zorg). A claims input folder is analysed first. Only these public CSV files
are read, so the scenarios do not depend on the analysis' insides.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from wlz.common.errors import InputError
from wlz.scenario.schema import OPTIES, SECTOREN, SEED004

SEED004_NAAM = "seed004"
SEED004_SECTOR_NAAM = "seed004-sector"
#: zorgprofiel of a row that holds all profiles (the sector-level basis)
ALLE_PROFIELEN = 0
KOP_CLIENTEN = ["sector", "zorgprofiel", "optie", "clienten_gewogen"]
KOP_KOSTEN = ["sector", "zorgprofiel", "optie", "soort_zorg", "uitgaven", "dagen"]


@dataclass(frozen=True)
class Basis:
    """Counts (``clienten``) and, for an analysis folder, spending and days per soort zorg (``kosten``).

    ``clienten``: sector (vg/vv), zorgprofiel (int), optie, clienten_gewogen.
    ``kosten``: sector, zorgprofiel, optie, soort_zorg, uitgaven (€), dagen (declared days of the group).
    """

    naam: str
    jaar: int
    clienten: pd.DataFrame
    kosten: pd.DataFrame | None
    herkomst: str
    bronnen: dict[str, str] = field(default_factory=dict)
    #: the analysis' client-month table (``client_maanden/``) when the basis has one: the client level runs
    clienttabel: Path | None = None
    #: a table of incomes per client and year (``inkomen.parquet`` or ``.csv``: client_id, jaar, inkomen_peiljaar)
    inkomen: Path | None = None
    #: the engine that aggregates the client table for the client level: duckdb or spark
    engine: str = "duckdb"

    @property
    def heeft_kosten(self) -> bool:
        return self.kosten is not None

    @property
    def heeft_profielen(self) -> bool:
        return bool((self.clienten["zorgprofiel"] != ALLE_PROFIELEN).any())

    @property
    def dagen_in_jaar(self) -> int:
        return (dt.date(self.jaar + 1, 1, 1) - dt.date(self.jaar, 1, 1)).days


@cache
def seed004_tabellen() -> dict[str, Any]:
    """The six tables of seed 004 Bijlage 3 as written in ``seed004.yaml`` (with their line references)."""
    tekst = resources.files("wlz.scenario").joinpath("seed004.yaml").read_text("utf-8")
    return yaml.safe_load(tekst)  # type: ignore[no-any-return]


def tabel_bron(tabel: str) -> str:
    t = seed004_tabellen()["tabellen"][tabel]
    return f"{SEED004}, Bijlage 3 {t['titel']} ({t['regels']})"


def read_seed004(jaar: int = 2019) -> Basis:
    """Tables 5 (vg profiles 3-8) and 6 (vv profiles 4-8) as the profile-level cube; 2019 only."""
    if jaar != 2019:
        raise InputError(
            "jaar", f"seed 004 geeft aantallen per zorgprofiel alleen voor 2019 (tabellen 5 en 6), niet voor {jaar}"
        )
    rijen: list[dict[str, Any]] = []
    bronnen = {}
    for tabel in ("tabel_5", "tabel_6"):
        t = seed004_tabellen()["tabellen"][tabel]
        bronnen[t["sector"]] = tabel_bron(tabel)
        for optie in OPTIES:
            for profiel, n in zip(t["profielen"], t["rijen"][optie], strict=True):
                rijen.append(
                    {"sector": t["sector"], "zorgprofiel": int(profiel), "optie": optie, "clienten_gewogen": float(n)}
                )
    return Basis(
        naam=SEED004_NAAM,
        jaar=2019,
        clienten=pd.DataFrame(rijen, columns=KOP_CLIENTEN),
        kosten=None,
        herkomst=f"{SEED004}, Bijlage 3 tabellen 5 en 6 (2019, gewogen cliënten; geen kosten)",
        bronnen=bronnen,
    )


def read_seed004_sector(jaar: int = 2019) -> Basis:
    """Tables 1 (ghz) and 2 (vv): clients per bekostigingsoptie for the whole sector, 2018-2021, no profiles."""
    rijen: list[dict[str, Any]] = []
    bronnen = {}
    for tabel in ("tabel_1", "tabel_2"):
        t = seed004_tabellen()["tabellen"][tabel]
        if jaar not in t["jaren"]:
            raise InputError("jaar", f"seed 004 tabellen 1 en 2 gaan over 2018-2021, niet over {jaar}")
        i = t["jaren"].index(jaar)
        bronnen[t["sector"]] = tabel_bron(tabel)
        for optie in OPTIES:
            rijen.append(
                {
                    "sector": t["sector"],
                    "zorgprofiel": ALLE_PROFIELEN,
                    "optie": optie,
                    "clienten_gewogen": float(t["rijen"][optie][i]),
                }
            )
    return Basis(
        naam=SEED004_SECTOR_NAAM,
        jaar=jaar,
        clienten=pd.DataFrame(rijen, columns=KOP_CLIENTEN),
        kosten=None,
        herkomst=f"{SEED004}, Bijlage 3 tabellen 1 en 2 ({jaar}, gewogen cliënten per sector, "
        "zonder zorgprofielen; geen kosten)",
        bronnen=bronnen,
    )


def _lees_csv(pad: Path, kolommen: list[str]) -> pd.DataFrame:
    if not pad.exists():
        raise InputError("basis", f"{pad.name} ontbreekt in {pad.parent} (is dit een uitvoermap van wlz analyse?)")
    df = pd.read_csv(pad, dtype={"zorgprofiel": str})
    ontbrekend = [k for k in kolommen if k not in df.columns]
    if ontbrekend:
        raise InputError("basis", f"{pad.name} mist de kolommen {', '.join(ontbrekend)}")
    return df


def _inkomen(map_: Path) -> Path | None:
    for naam in ("inkomen.parquet", "inkomen.csv"):
        if (map_ / naam).is_file():
            return map_ / naam
    return None


def read_analysis(map_: str | Path, jaar: int = 2019, inkomen: Path | None = None, engine: str = "duckdb") -> Basis:
    """Read the public CSV tables of a ``wlz analyse`` output folder for ``jaar`` (sectors vg and vv).

    With a ``client_maanden/`` folder (``wlz analyse --clienttabel``) the scenario also runs per client; incomes
    come from ``inkomen`` or an ``inkomen.parquet``/``.csv`` in the folder."""
    map_ = Path(map_)
    cl = _lees_csv(
        map_ / "clienten_per_zorgprofiel.csv", ["jaar", "sector", "zorgprofiel", "leveringsvorm", "clienten_gewogen"]
    )
    ui = _lees_csv(
        map_ / "uitgaven_per_dag.csv",
        ["jaar", "sector", "leveringsvorm", "zorgprofiel", "soort_zorg", "uitgaven", "dagen"],
    )
    cl = cl[
        (cl["jaar"] == jaar)
        & cl["sector"].isin(SECTOREN)
        & cl["leveringsvorm"].isin(OPTIES)
        & (cl["zorgprofiel"] != "alle")
    ]
    ui = ui[
        (ui["jaar"] == jaar)
        & ui["sector"].isin(SECTOREN)
        & ui["leveringsvorm"].isin(OPTIES)
        & (ui["zorgprofiel"] != "alle")
        & (ui["soort_zorg"] != "totaal")
    ]
    if cl.empty:
        raise InputError("jaar", f"de basis {map_} heeft geen cliënten in {jaar}")
    clienten = pd.DataFrame(
        {
            "sector": cl["sector"].astype(str),
            "zorgprofiel": cl["zorgprofiel"].astype(int),
            "optie": cl["leveringsvorm"].astype(str),
            "clienten_gewogen": cl["clienten_gewogen"].astype(float),
        }
    ).reset_index(drop=True)
    kosten = pd.DataFrame(
        {
            "sector": ui["sector"].astype(str),
            "zorgprofiel": ui["zorgprofiel"].astype(int),
            "optie": ui["leveringsvorm"].astype(str),
            "soort_zorg": ui["soort_zorg"].astype(str),
            "uitgaven": ui["uitgaven"].astype(float),
            "dagen": ui["dagen"].astype(float),
        }
    ).reset_index(drop=True)
    return Basis(
        naam=str(map_),
        jaar=jaar,
        clienten=clienten,
        kosten=kosten,
        herkomst=f"wlz analyse-uitvoer {map_} ({jaar}): clienten_per_zorgprofiel.csv en uitgaven_per_dag.csv "
        "(uitgaven / gedeclareerde dagen, NZa-methode seed 004 Bijlage 3 §1.3)",
        bronnen={"kosten": str(map_ / "uitgaven_per_dag.csv"), "clienten": str(map_ / "clienten_per_zorgprofiel.csv")},
        clienttabel=(map_ / "client_maanden") if (map_ / "client_maanden").is_dir() else None,
        inkomen=inkomen or _inkomen(map_),
        engine=engine,
    )


def _is_claims_map(map_: Path) -> bool:
    namen = {p.name.split(".")[0] for p in map_.iterdir()} if map_.is_dir() else set()
    return {"wlz_zin", "prestatiecodes"} <= namen


def read_basis(basis: str | Path, jaar: int = 2019, werkmap: Path | None = None, engine: str = "duckdb") -> Basis:
    """``seed004``, an analysis output folder, or a claims folder (analysed into ``werkmap`` first, on ``engine``:
    duckdb or spark, with the client table for the client level)."""
    if str(basis) == SEED004_NAAM:
        return read_seed004(jaar)
    if str(basis) == SEED004_SECTOR_NAAM:
        return read_seed004_sector(jaar)
    pad = Path(basis)
    if not pad.is_dir():
        raise InputError("basis", f"'{basis}' is geen map en niet 'seed004' of 'seed004-sector'")
    if (pad / "clienten_per_zorgprofiel.csv").exists():
        return read_analysis(pad, jaar, engine=engine)
    if _is_claims_map(pad):
        from wlz.claims import analyse

        doel = werkmap if werkmap is not None else pad / "_analyse"
        analyse(
            pad,
            doel,
            jaar=jaar,
            engine=engine,
            voortgang=False,
            grafieken=False,
            clienttabel=True,
            clienttabel_jaren=(jaar,),
        )
        return read_analysis(doel, jaar, inkomen=_inkomen(pad), engine=engine)
    raise InputError("basis", f"{pad} is geen uitvoermap van wlz analyse en geen map met declaraties")
