"""Small hand-made input folders in the input interface of the analysis, for the exactness tests."""

from __future__ import annotations

import csv
from pathlib import Path

from wlz.claims.inputs import COLUMNS

#: a koppellijst covering every rol; soort_zorg labels are short on purpose
PRESTATIECODES = [
    # prestatiecode, rol, leveringsvorm, behandeling, zzp_code, soort_zorg
    ("Z754I", "basis", "zzp", "incl", "754", "zzp"),  # 5VV
    ("Z754E", "basis", "zzp", "excl", "754", "zzp"),
    ("Z753I", "basis", "zzp", "incl", "753", "zzp"),  # 4VV
    ("V808I", "basis", "vpt", "incl", "808", "vpt"),  # VG5
    ("V808E", "basis", "vpt", "excl", "808", "vpt"),
    ("V754E", "basis", "vpt", "excl", "754", "vpt"),
    ("Z806I", "basis", "zzp", "incl", "806", "zzp"),  # VG4
    ("ZLEEG", "basis", "zzp", "excl", "", "zzp"),  # no code in the koppellijst: line's zzp_code is used
    ("M001", "module", "", "", "", "mpt"),
    ("B001", "behandeling_module", "", "", "", "behandeling"),
    ("T001", "toeslag", "", "", "", "toeslag"),
    ("ELV1", "uitgesloten", "", "", "", ""),
]


def write_table(map_: Path, naam: str, rows: list[dict | tuple]) -> Path:
    columns = list(COLUMNS[naam])
    pad = map_ / f"{naam}.csv"
    with pad.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(columns)
        for r in rows:
            if isinstance(r, dict):
                w.writerow(["" if r.get(k) is None else r.get(k) for k in columns])
            else:
                w.writerow(["" if v is None else v for v in r])
    return pad


def invoer(map_: Path, wlz=(), pgb=(), zvw=(), prestatiecodes=PRESTATIECODES) -> Path:
    """Write the four tables as CSV; wlz/pgb/zvw rows are dicts (missing keys = empty) or tuples."""
    map_.mkdir(parents=True, exist_ok=True)
    write_table(map_, "wlz_zin", [_nummer(r, i) for i, r in enumerate(wlz, start=1)])
    write_table(map_, "pgb", [_nummer(r, i) for i, r in enumerate(pgb, start=1001)])
    write_table(map_, "zvw", [_nummer(r, i) for i, r in enumerate(zvw, start=2001)])
    write_table(map_, "prestatiecodes", list(prestatiecodes))
    return map_


def _nummer(r, i):
    if isinstance(r, dict) and "regelnummer" not in r:
        return {"regelnummer": i, **r}
    return r


def w(client, code, begin, eind, aantal=1, bedrag="100", zzp=None, **kw) -> dict:
    """One wlz_zin line."""
    return {
        "client_id": client,
        "prestatiecode": code,
        "begindatum": begin,
        "einddatum": eind,
        "aantal": aantal,
        "bedrag": bedrag,
        "zzp_code": zzp,
        **kw,
    }


def p(client, begin, eind, zzp=None, bedrag="1000", **kw) -> dict:
    """One pgb row."""
    return {"client_id": client, "begindatum": begin, "einddatum": eind, "zzp_code": zzp, "bedrag": bedrag, **kw}


def z(client, sector, begin, basis="10", aanvullend="0", er="0", eb="0", **kw) -> dict:
    """One zvw row."""
    return {
        "client_id": client,
        "sector": sector,
        "begindatum": begin,
        "bedrag_basis": basis,
        "bedrag_aanvullend": aanvullend,
        "eigen_risico": er,
        "eigen_bijdrage": eb,
        **kw,
    }


def read_rows(pad: Path) -> list[dict]:
    with pad.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


class Uitkomst:
    """The CSV outputs of one run, with small finders for the assertions."""

    def __init__(self, uitvoer: Path):
        self.map = uitvoer
        self.lv = read_rows(uitvoer / "clienten_per_leveringsvorm.csv")
        self.zp = read_rows(uitvoer / "clienten_per_zorgprofiel.csv")
        self.uit = read_rows(uitvoer / "uitgaven_per_dag.csv")
        self.corr = read_rows(uitvoer / "correcties.csv")
        self.quar = read_rows(uitvoer / "quarantaine.csv")

    def leveringsvormen(self, jaar: int, sector: str) -> dict[str, dict]:
        return {r["leveringsvorm"]: r for r in self.lv if r["jaar"] == str(jaar) and r["sector"] == sector}

    def profiel(self, jaar: int, sector: str, zorgprofiel: int, lv: str) -> dict | None:
        for r in self.zp:
            if (r["jaar"], r["sector"], r["zorgprofiel"], r["leveringsvorm"]) == (
                str(jaar),
                sector,
                str(zorgprofiel),
                lv,
            ):
                return r
        return None

    def uitgaven(self, jaar: int, sector: str, lv: str, zorgprofiel="alle") -> dict[str, dict]:
        return {
            r["soort_zorg"]: r
            for r in self.uit
            if (r["jaar"], r["sector"], r["leveringsvorm"], r["zorgprofiel"])
            == (str(jaar), sector, lv, str(zorgprofiel))
        }

    def correctie(self, stap: str, tabel: str) -> int:
        for r in self.corr:
            if r["stap"] == stap and r["tabel"] == tabel:
                return int(r["rijen"])
        raise KeyError((stap, tabel))


def analyseer(map_: Path, engine: str = "duckdb", **tabellen) -> Uitkomst:
    from wlz.claims import analyse

    invoer(map_ / "in", **tabellen)
    analyse(map_ / "in", map_ / "uit", engine=engine, voortgang=False, grafieken=False)
    return Uitkomst(map_ / "uit")
