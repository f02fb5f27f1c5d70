"""Compare an analysis output folder with seed 004's tables: the calibration check of the synthetic dataset.

Input: the ``clienten_per_leveringsvorm.csv`` and ``clienten_per_zorgprofiel.csv`` that ``wlz analyse`` writes
(its output interface) for a dataset generated at ``schaal``. Output: one row per published cell with the
published number, the target (published x schaal), the measured weighted clients and the relative deviation. The
requirement is |afwijking| <= 2 % for every cell of at least 1,000 clients at schaal 1.0.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from wlz.synthetic.targets import seed_tables

COLUMNS = ["tabel", "cel", "gepubliceerd", "gemeten", "doel", "afwijking"]


def compare(lv: pd.DataFrame, zp: pd.DataFrame, schaal: float = 1.0) -> pd.DataFrame:
    """Cells of tables 1-6 vs. the analysis tables (frames with the columns of the two CSV files)."""
    t = seed_tables()
    rows: list[tuple] = []
    g = lv.groupby(["jaar", "sector", "leveringsvorm"])["clienten_gewogen"].sum()
    for tab in ("tabel1", "tabel2"):
        sec = t[tab]["sector"]
        for vorm, waarden in t[tab]["rijen"].items():
            for jaar, doel in zip(t[tab]["kolommen"], waarden, strict=True):
                if vorm == "totaal":
                    gemeten = g.loc[(jaar, sec)].sum() if (jaar, sec) in g.index.droplevel(2) else 0.0
                else:
                    gemeten = g.get((jaar, sec, vorm), 0.0)
                rows.append((tab, f"{sec} {vorm} {jaar}", doel, gemeten))
    alle = zp[zp["leveringsvorm"] == "alle"]
    h = alle.groupby(["jaar", "sector", "zorgprofiel"])["clienten_gewogen"].sum()
    for tab in ("tabel3", "tabel4"):
        jaar = t[tab]["jaar"]
        for sec, waarden in t[tab]["rijen"].items():
            for nummer, doel in zip(t[tab]["kolommen"], waarden, strict=True):
                if doel is not None:
                    rows.append((tab, f"{sec} {nummer} {jaar}", doel, h.get((jaar, sec, nummer), 0.0)))
    k = zp.groupby(["jaar", "sector", "zorgprofiel", "leveringsvorm"])["clienten_gewogen"].sum()
    for tab in ("tabel5", "tabel6"):
        jaar, sec = t[tab]["jaar"], t[tab]["sector"]
        for vorm, waarden in t[tab]["rijen"].items():
            for nummer, doel in zip(t[tab]["kolommen"], waarden, strict=True):
                rows.append((tab, f"{sec} {nummer} {vorm} {jaar}", doel, k.get((jaar, sec, nummer, vorm), 0.0)))
    df = pd.DataFrame(rows, columns=COLUMNS[:4])
    df["doel"] = df["gepubliceerd"] * schaal
    df["afwijking"] = (df["gemeten"] - df["doel"]) / df["doel"]
    return df


def compare_folder(uitvoer: Path, schaal: float = 1.0) -> pd.DataFrame:
    """:func:`vergelijk` on the CSV files of an analysis output folder."""
    lv = pd.read_csv(uitvoer / "clienten_per_leveringsvorm.csv")
    zp = pd.read_csv(uitvoer / "clienten_per_zorgprofiel.csv", dtype={"zorgprofiel": str})
    zp = zp[zp["zorgprofiel"].str.fullmatch(r"\d+")].assign(zorgprofiel=lambda d: d["zorgprofiel"].astype(int))
    return compare(lv, zp, schaal)


def worst(df: pd.DataFrame, minimum: float = 1000, n: int = 5) -> pd.DataFrame:
    """The ``n`` cells with the largest |afwijking| among cells whose published value is >= ``minimum``."""
    groot = df[df["gepubliceerd"] >= minimum]
    return groot.reindex(groot["afwijking"].abs().sort_values(ascending=False).index).head(n)
