"""The two small lookup tables of the analysis: the koppellijst (prestatiecodes) and COD163.

Both are small (hundreds of rows), so they are read and checked here in plain Python and handed to the
engine as in-memory tables; the large claim tables never leave the engine.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass

import pandas as pd
import pyarrow.parquet as pq

from wlz.claims.inputs import Source
from wlz.reference import SPECIAL_COD163, by_cod163

ROLLEN = ("basis", "module", "behandeling_module", "toeslag", "uitgesloten")
# integer codes used inside the engine (small integers aggregate much faster than strings)
ROL_BASIS, ROL_MODULE, ROL_BEHANDELING_MODULE, ROL_TOESLAG, ROL_UITGESLOTEN = range(5)
ROL_PGB = 5
#: leveringsvorm categories; index = integer code inside the engine
CATEGORIEEN = ("zzp_incl", "zzp_excl", "vpt_incl", "vpt_excl", "mpt", "pgb")
CAT_MPT, CAT_PGB = 4, 5
#: hoofdsector codes inside the engine
HOOFDSECTOREN = ("vv", "ghz", "ggz", "overig")
ZVW_SECTOREN = ("HAZ", "FRM", "PMZ", "MND", "MSZ", "GGZ", "HLP")


@dataclass(frozen=True)
class Koppellijst:
    """The checked koppellijst: one row per usable prestatiecode, plus its rejected rows."""

    tabel: pd.DataFrame  # prestatiecode, rol_i, cat_i, pc_code_i, soort_idx (integer codes, see above)
    soorten: tuple[str, ...]  # Wlz soort_zorg labels; index = soort_idx
    quarantaine: list[dict]  # tabel, regelnummer, reden
    gelezen: int


def _is_empty(v) -> bool:
    return v is None or (isinstance(v, float) and pd.isna(v)) or str(v).strip() == ""


def _rows(source: Source) -> list[dict]:
    if source.formaat == "parquet":
        rows: list[dict] = []
        for b in source.bestanden:
            rows.extend(pq.read_table(b).to_pylist())
        return rows
    with source.pad.open(newline="", encoding="utf-8-sig") as fh:
        return [{k.strip(): v for k, v in r.items()} for r in csv.DictReader(fh)]


def cod163_table() -> pd.DataFrame:
    """COD163 code → hoofdsector (vv/ghz/ggz/overig), subsector and profile number, from ``wlz.reference``.

    The special codes 996–999 are known COD163 codes that belong to no sector: a month whose
    last coded element carries one gets sector ``overig`` and is left out of the tables.
    """
    rows = [
        {"code": z.cod163, "hoofdsector": z.hoofdsector, "subsector": z.sector, "nummer": int(z.nummer)}
        for z in by_cod163().values()
    ]
    rows += [{"code": c, "hoofdsector": "overig", "subsector": "overig", "nummer": 0} for c in SPECIAL_COD163]
    df = pd.DataFrame(rows).sort_values("code").reset_index(drop=True)
    df["code_i"] = df["code"].astype("int64")
    df["hs_i"] = df["hoofdsector"].map(HOOFDSECTOREN.index).astype("int64")
    df["vg"] = df["subsector"] == "vg"
    return df


def bekende_codes() -> list[str]:
    return list(cod163_table()["code"])


def read_koppellijst(source: Source) -> Koppellijst:
    """Read and check the koppellijst; malformed or duplicated codes go to quarantine (regelnummer = data row).

    A wlz_zin line whose prestatiecode was rejected here is later quarantined as 'onbekende prestatiecode'.
    """
    rows = _rows(source)
    bekend = set(bekende_codes())
    quarantaine: list[dict] = []
    goed: list[dict] = []
    tellingen: dict[str, int] = {}
    for r in rows:
        code = "" if _is_empty(r.get("prestatiecode")) else str(r["prestatiecode"]).strip()
        tellingen[code] = tellingen.get(code, 0) + 1
    for nr, r in enumerate(rows, start=1):
        code = "" if _is_empty(r.get("prestatiecode")) else str(r["prestatiecode"]).strip()
        rol = "" if _is_empty(r.get("rol")) else str(r["rol"]).strip()
        lv = "" if _is_empty(r.get("leveringsvorm")) else str(r["leveringsvorm"]).strip()
        beh = "" if _is_empty(r.get("behandeling")) else str(r["behandeling"]).strip()
        zzp = "" if _is_empty(r.get("zzp_code")) else str(r["zzp_code"]).strip()
        soort = "" if _is_empty(r.get("soort_zorg")) else str(r["soort_zorg"]).strip()
        reden = None
        if not code:
            reden = "prestatiecode ontbreekt"
        elif tellingen[code] > 1:
            reden = f"prestatiecode {code} komt {tellingen[code]} keer voor in de koppellijst"
        elif rol not in ROLLEN:
            reden = f"rol '{rol}' onbekend (verwacht: {', '.join(ROLLEN)})"
        elif rol == "basis" and lv not in ("zzp", "vpt"):
            reden = f"basisprestatie zonder geldige leveringsvorm ('{lv}'; verwacht zzp of vpt)"
        elif rol == "basis" and beh not in ("incl", "excl"):
            reden = f"basisprestatie zonder geldige behandeling ('{beh}'; verwacht incl of excl)"
        elif rol != "uitgesloten" and not soort:
            reden = "soort_zorg ontbreekt"
        if reden:
            quarantaine.append({"tabel": "prestatiecodes", "regelnummer": str(nr), "reden": reden})
            continue
        cat = f"{lv}_{beh}" if rol == "basis" else ("mpt" if rol in ("module", "behandeling_module") else None)
        goed.append(
            {
                "prestatiecode": code,
                "rol_i": ROLLEN.index(rol),
                "cat_i": CATEGORIEEN.index(cat) if cat else None,
                "pc_code_i": int(zzp) if (rol == "basis" and zzp in bekend) else None,
                "soort": soort,
            }
        )
    soorten = tuple(sorted({g["soort"] for g in goed if g["rol_i"] != ROL_UITGESLOTEN}))
    for g in goed:
        g["soort_idx"] = soorten.index(g["soort"]) if g["soort"] in soorten else -1
        del g["soort"]
    tabel = pd.DataFrame(goed, columns=["prestatiecode", "rol_i", "cat_i", "pc_code_i", "soort_idx"])
    tabel = tabel.astype(
        {"prestatiecode": "string", "rol_i": "int64", "cat_i": "Int64", "pc_code_i": "Int64", "soort_idx": "int64"}
    )
    return Koppellijst(tabel=tabel, soorten=soorten, quarantaine=quarantaine, gelezen=len(rows))
