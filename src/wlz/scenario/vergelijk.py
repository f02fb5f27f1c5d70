"""Two scenarios side by side on the same basis: the totals an analyst compares first."""

from __future__ import annotations

from typing import Any

import pandas as pd

from wlz.scenario.run import Uitkomst

KOP_VERGELIJKING = ["maat", "a", "b", "verschil"]


def _som(df: pd.DataFrame, kolom: str) -> float | None:
    waarden = df[kolom].dropna()
    return float(waarden.sum()) if len(waarden) else None


def _maten(u: Uitkomst) -> dict[str, float | None]:
    s, k = u.samenvatting, u.kosten
    maten: dict[str, float | None] = {
        "cliënten naar modulair": float(s["naar_modulair"].sum()),
        "cliënten naar integraal": float(s["naar_integraal"].sum()),
        "Wlz € verschil": _som(s[s["optie"] != "taakstelling"], "wlz_verschil"),
        "Zvw € verschil": _som(s[s["optie"] != "taakstelling"], "zvw_verschil"),
        "transitiekosten €": float(s["transitiekosten"].sum()),
        "netto € (zonder taakstelling)": _som(s[s["optie"] != "taakstelling"], "netto"),
    }
    if not u.kortingen.empty:
        for jaar, bedrag in u.kortingen.groupby("jaar")["korting"].sum().items():
            maten[f"taakstelling € {jaar}"] = float(bedrag)
    for (sector, optie), n in k.groupby(["sector", "optie"])["clienten_na"].sum().items():
        maten[f"cliënten na: {sector} {optie}"] = float(n)
    return maten


def compare(a: Uitkomst, b: Uitkomst) -> pd.DataFrame:
    """One row per measure with the value of A, of B and B − A (empty where a basis has no euros)."""
    ma, mb = _maten(a), _maten(b)
    rijen: list[dict[str, Any]] = []
    for maat in list(ma) + [m for m in mb if m not in ma]:
        va, vb = ma.get(maat), mb.get(maat)
        rijen.append({"maat": maat, "a": va, "b": vb, "verschil": None if va is None or vb is None else vb - va})
    return pd.DataFrame(rijen, columns=KOP_VERGELIJKING)
