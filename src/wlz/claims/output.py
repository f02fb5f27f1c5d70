"""Turning the engine's small result frames into the output tables (the CSV files), and writing them.

Money stays :class:`decimal.Decimal` from the engine to the CSV (sums are exact, so DuckDB and Spark
write the same bytes); ratios are computed here in Python floats, identically for both engines.
"""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pandas as pd

from wlz.claims.codes import CATEGORIEEN, HOOFDSECTOREN, ZVW_SECTOREN
from wlz.claims.pipeline import LEVERINGSVORMEN, wlz_column, zvw_column

HEADER_LEVERINGSVORM = [
    "jaar",
    "sector",
    "leveringsvorm",
    "clienten_gewogen",
    "clienten_uniek",
    "uitgaven_wlz",
    "uitgaven_zvw",
]
HEADER_ZORGPROFIEL = ["jaar", "sector", "zorgprofiel", "leveringsvorm", "clienten_gewogen", "clienten_uniek"]
HEADER_UITGAVEN = [
    "jaar",
    "sector",
    "leveringsvorm",
    "zorgprofiel",
    "soort_zorg",
    "uitgaven",
    "dagen",
    "uitgaven_per_dag",
]
HEADER_CORRECTIES = ["stap", "tabel", "rijen"]
HEADER_QUARANTAINE = ["tabel", "regelnummer", "reden"]


def as_decimal(v) -> Decimal:
    if v is None or (isinstance(v, float) and pd.isna(v)):
        return Decimal(0)
    return v if isinstance(v, Decimal) else Decimal(str(v))


def csv_text(v) -> str:
    """CSV text of a value: Decimals without exponent or trailing zeros, floats round-trip exact."""
    if isinstance(v, Decimal):
        s = format(v, "f")
        if "." in s:
            s = s.rstrip("0").rstrip(".")
        return "0" if s in ("", "-0") else s
    if isinstance(v, float):
        return "" if pd.isna(v) else repr(v)
    if v is None:
        return ""
    return str(v)


def write_csv(pad: Path, header: list[str], rows: list[dict]) -> None:
    with pad.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow([csv_text(r[k]) for k in header])


def table_leveringsvorm(df: pd.DataFrame) -> list[dict]:
    rows = [
        {
            "jaar": int(r.jaar),
            "sector": HOOFDSECTOREN[int(r.hs)],
            "leveringsvorm": CATEGORIEEN[int(r.lv)],
            "clienten_gewogen": int(r.maanden) / 12,
            "clienten_uniek": int(r.clienten_uniek),
            "uitgaven_wlz": as_decimal(r.uitgaven_wlz),
            "uitgaven_zvw": as_decimal(r.uitgaven_zvw),
        }
        for r in df.itertuples()
    ]
    return sorted(rows, key=lambda r: (r["jaar"], r["sector"], r["leveringsvorm"]))


def table_zorgprofiel(per_lv: pd.DataFrame, alle: pd.DataFrame) -> list[dict]:
    sectoren = ("vv", "ghz", "vg")  # engine codes 0, 1, 2 (see pipeline._profiel_basis)
    rows = []
    for r in per_lv.itertuples():
        rows.append((r.jaar, sectoren[int(r.sector)], r.nummer, CATEGORIEEN[int(r.lv)], r.maanden, r.clienten_uniek))
    for r in alle.itertuples():
        rows.append((r.jaar, sectoren[int(r.sector)], r.nummer, "alle", r.maanden, r.clienten_uniek))
    volgorde = {lv: i for i, lv in enumerate((*LEVERINGSVORMEN, "alle"))}
    rows.sort(key=lambda x: (int(x[0]), x[1], int(x[2]), volgorde[x[3]]))
    return [
        {
            "jaar": int(j),
            "sector": s,
            "zorgprofiel": int(n),
            "leveringsvorm": lv,
            "clienten_gewogen": int(m) / 12,
            "clienten_uniek": int(u),
        }
        for j, s, n, lv, m, u in rows
    ]


def table_uitgaven(df: pd.DataFrame, soorten: tuple[str, ...]) -> list[dict]:
    """One row per group and soort_zorg (every Wlz label, every Zvw sector, totaal); 'alle' = sum."""
    columns = [(wlz_column(i), s) for i, s in enumerate(soorten)] + [(zvw_column(s), s) for s in ZVW_SECTOREN]
    groepen: dict[tuple, dict] = {}
    for r in df.to_dict("records"):
        for nummer in (str(int(r["nummer"])), "alle"):
            key = (int(r["jaar"]), "vv" if r["vv"] else "vg", CATEGORIEEN[int(r["lv"])], nummer)
            g = groepen.setdefault(key, {"dagen": 0, **{k: Decimal(0) for k, _ in columns}})
            g["dagen"] += int(r["dagen"])
            for k, _ in columns:
                g[k] += as_decimal(r[k])
    rows = []
    for (jaar, sector, lv, nummer), g in groepen.items():
        dagen = g["dagen"]
        posten = [(label, g[k]) for k, label in columns]
        posten.append(("totaal", sum((b for _, b in posten), Decimal(0))))
        for label, bedrag in posten:
            rows.append(
                {
                    "jaar": jaar,
                    "sector": sector,
                    "leveringsvorm": lv,
                    "zorgprofiel": nummer,
                    "soort_zorg": label,
                    "uitgaven": bedrag,
                    "dagen": dagen,
                    "uitgaven_per_dag": float(bedrag) / dagen if dagen else None,
                }
            )

    def sleutel(r):
        zp = r["zorgprofiel"]
        return (
            r["jaar"],
            r["sector"],
            r["leveringsvorm"],
            zp == "alle",
            int(zp) if zp != "alle" else 0,
            r["soort_zorg"] == "totaal",
            r["soort_zorg"],
        )

    return sorted(rows, key=sleutel)
