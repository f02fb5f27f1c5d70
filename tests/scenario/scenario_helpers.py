"""A tiny hand-made analysis folder (the CSV layout of `wlz analyse`) and a claims folder of three clients, both
small enough to check by hand."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from wlz.claims.inputs import COLUMNS

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


KOPPELLIJST = [
    ("Z754I", "basis", "zzp", "incl", "754", "zzp"),  # 5VV zzp inclusief behandeling
    ("Z754E", "basis", "zzp", "excl", "754", "zzp"),  # 5VV zzp exclusief behandeling
    ("B001", "behandeling_module", "", "", "", "behandeling_modulair"),
    ("M001", "module", "", "", "", "mpt"),
]


def _schrijf(pad: Path, kop: list[str], rijen: list[dict]) -> None:
    with pad.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, kop)
        w.writeheader()
        for r in rijen:
            w.writerow(r)


def _w(nr, client, code, begin, eind, aantal, bedrag, agb, zzp=""):
    return dict(
        regelnummer=nr,
        client_id=client,
        prestatiecode=code,
        begindatum=begin,
        einddatum=eind,
        aantal=aantal,
        bedrag=bedrag,
        zzp_code=zzp,
        agb_code=agb,
    )


def _z(nr, client, sector, begin, basis, er):
    return dict(
        regelnummer=nr,
        client_id=client,
        sector=sector,
        begindatum=begin,
        bedrag_basis=basis,
        bedrag_aanvullend=0,
        eigen_risico=er,
        eigen_bijdrage=0,
    )


def write_claims(m: Path) -> Path:
    """Three clients in 2019: A 5VV zzp incl, B 5VV zzp excl with behandeling per module, C an mpt at home."""
    m.mkdir(parents=True, exist_ok=True)
    _schrijf(
        m / "wlz_zin.csv",
        [*COLUMNS["wlz_zin"], "agb_code"],
        [
            # A: 5VV zzp incl, 31 days at 100 € per day
            _w(1, "A", "Z754I", "2019-01-01", "2019-01-31", 31, "3100", "01000001"),
            # B: 5VV zzp excl, 31 days at 80 € plus behandeling per module 310 € (10 € per day)
            _w(2, "B", "Z754E", "2019-01-01", "2019-01-31", 31, "2480", "01000002"),
            _w(3, "B", "B001", "2019-01-15", "2019-01-15", 1, "310", "01000002", zzp="754"),
            # C: mpt 5VV at home, one module
            _w(4, "C", "M001", "2019-01-10", "2019-01-10", 2, "90", "03000001", zzp="754"),
        ],
    )
    _schrijf(m / "pgb.csv", list(COLUMNS["pgb"]), [])
    _schrijf(
        m / "zvw.csv",
        list(COLUMNS["zvw"]),
        [
            _z(11, "A", "FRM", "2019-01-10", "31", "0"),  # A: 31 € farmacie, no eigen risico paid
            _z(12, "B", "FRM", "2019-01-12", "200", "100"),  # B: 200 € farmacie of which 100 € eigen risico
        ],
    )
    _schrijf(
        m / "prestatiecodes.csv",
        list(COLUMNS["prestatiecodes"]),
        [dict(zip(COLUMNS["prestatiecodes"], r, strict=True)) for r in KOPPELLIJST],
    )
    _schrijf(
        m / "inkomen.csv",
        ["client_id", "jaar", "inkomen_peiljaar"],
        [{"client_id": c, "jaar": 2019, "inkomen_peiljaar": 20000} for c in "ABC"],
    )
    return m
