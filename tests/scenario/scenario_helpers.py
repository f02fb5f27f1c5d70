"""A tiny hand-made analysis folder (the CSV layout of `wlz analyse`) whose costs can be checked by hand."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

# (sector, profiel, leveringsvorm): weighted clients, declared days, {soort_zorg: euro per day}
GROEPEN: dict[tuple[str, int, str], tuple[float, float, dict[str, float]]] = {
    ("vv", 5, "zzp_incl"): (2.0, 730, {"zzp": 300.0}),
    ("vv", 5, "zzp_excl"): (1.0, 365, {"zzp": 200.0, "behandeling_modulair": 20.0, "HAZ": 10.0, "FRM": 5.0}),
    ("vv", 5, "mpt"): (1.0, 300, {"mpt_verzorging": 50.0}),
    ("vv", 5, "pgb"): (3.0, 0, {}),
    ("vg", 7, "zzp_excl"): (1.0, 365, {"zzp": 250.0, "behandeling_modulair": 30.0}),
    ("vg", 7, "zzp_incl"): (1.0, 365, {"zzp": 320.0}),
}


def write_analysis(map_: Path, jaar: int = 2019) -> Path:
    map_.mkdir(parents=True, exist_ok=True)
    cl, ui = [], []
    for (sector, p, lv), (n, dagen, tarieven) in GROEPEN.items():
        cl.append(
            {
                "jaar": jaar,
                "sector": sector,
                "zorgprofiel": p,
                "leveringsvorm": lv,
                "clienten_gewogen": n,
                "clienten_uniek": int(n),
            }
        )
        for soort, per_dag in tarieven.items():
            ui.append(
                {
                    "jaar": jaar,
                    "sector": sector,
                    "leveringsvorm": lv,
                    "zorgprofiel": str(p),
                    "soort_zorg": soort,
                    "uitgaven": per_dag * dagen,
                    "dagen": dagen,
                    "uitgaven_per_dag": per_dag,
                }
            )
    # the analysis also writes 'alle' and 'totaal' rows and other sectors; the basis must skip them
    cl.append(
        {
            "jaar": jaar,
            "sector": "ghz",
            "zorgprofiel": 7,
            "leveringsvorm": "zzp_incl",
            "clienten_gewogen": 99.0,
            "clienten_uniek": 99,
        }
    )
    ui.append(
        {
            "jaar": jaar,
            "sector": "vv",
            "leveringsvorm": "zzp_incl",
            "zorgprofiel": "alle",
            "soort_zorg": "zzp",
            "uitgaven": 1e9,
            "dagen": 1,
            "uitgaven_per_dag": 1e9,
        }
    )
    pd.DataFrame(cl).to_csv(map_ / "clienten_per_zorgprofiel.csv", index=False)
    pd.DataFrame(ui).to_csv(map_ / "uitgaven_per_dag.csv", index=False)
    return map_
