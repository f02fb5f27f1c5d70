"""The input interface of the analysis: which tables and columns, and finding them in a folder.

Everything here runs before any data is read, so that a missing file or column stops the run with a
message naming it instead of failing halfway through a national dataset.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import pyarrow.parquet as pq

from wlz.common.errors import InputError

#: the input tables and their columns with the type each is parsed to (the input interface).
COLUMNS: dict[str, dict[str, str]] = {
    "wlz_zin": {
        "regelnummer": "int",
        "client_id": "string",
        "prestatiecode": "string",
        "begindatum": "date",
        "einddatum": "date",
        "aantal": "int",
        "bedrag": "bedrag",
        "zzp_code": "string",
    },
    "pgb": {
        "regelnummer": "int",
        "client_id": "string",
        "begindatum": "date",
        "einddatum": "date",
        "zzp_code": "string",
        "bedrag": "bedrag",
    },
    "zvw": {
        "regelnummer": "int",
        "client_id": "string",
        "sector": "string",
        "begindatum": "date",
        "bedrag_basis": "bedrag",
        "bedrag_aanvullend": "bedrag",
        "eigen_risico": "bedrag",
        "eigen_bijdrage": "bedrag",
    },
    "prestatiecodes": {
        "prestatiecode": "string",
        "rol": "string",
        "leveringsvorm": "string",
        "behandeling": "string",
        "zzp_code": "string",
        "soort_zorg": "string",
    },
}

#: columns that may be empty (NULL) without the row being unreadable.
NULLABLE = {"zzp_code"}

#: optional columns: not needed by the analysis and never required; read only by an output that asks for them
#: (the client table's provider, :mod:`wlz.claims.clienttabel`). ``agb_code``: the AGB code of the zorgaanbieder
#: that declared the line.
OPTIONAL_COLUMNS: dict[str, tuple[str, ...]] = {"wlz_zin": ("agb_code",)}


@dataclass(frozen=True)
class Source:
    """One located input table: its name, format and the path(s) to read."""

    naam: str
    formaat: str  # "parquet" or "csv"
    pad: Path
    bestanden: tuple[Path, ...]


def _columns_of(formaat: str, bestand: Path) -> list[str]:
    if formaat == "parquet":
        return list(pq.read_schema(bestand).names)
    with bestand.open(newline="", encoding="utf-8-sig") as fh:
        header = next(csv.reader(fh), None)
    if header is None:
        raise InputError(str(bestand), "het CSV-bestand is leeg (geen kopregel)")
    return [k.strip() for k in header]


def find_sources(invoer: Path) -> dict[str, Source]:
    """Locate the four tables in ``invoer`` and check their columns; raise :class:`InputError` if not.

    A table may be ``<naam>.parquet``, ``<naam>.csv`` or a folder ``<naam>/`` of Parquet parts.
    """
    invoer = Path(invoer)
    if not invoer.is_dir():
        raise InputError(None, f"invoermap {invoer} bestaat niet of is geen map")
    sources: dict[str, Source] = {}
    for naam, columns in COLUMNS.items():
        kandidaten = []
        for formaat in ("parquet", "csv"):
            p = invoer / f"{naam}.{formaat}"
            if p.is_file():
                kandidaten.append(Source(naam, formaat, p, (p,)))
        map_ = invoer / naam
        if map_.is_dir():
            delen = tuple(sorted(map_.rglob("*.parquet")))
            if delen:
                kandidaten.append(Source(naam, "parquet", map_, delen))
        if not kandidaten:
            raise InputError(
                None,
                f"tabel '{naam}' ontbreekt: verwacht {invoer / naam}.parquet, {invoer / naam}.csv "
                f"of een map {invoer / naam}/ met Parquet-bestanden",
            )
        if len(kandidaten) > 1:
            raise InputError(
                None,
                f"tabel '{naam}' komt meer dan eens voor in {invoer}: "
                + ", ".join(str(k.pad) for k in kandidaten)
                + " (laat er één staan)",
            )
        source = kandidaten[0]
        for bestand in source.bestanden:
            aanwezig = set(_columns_of(source.formaat, bestand))
            ontbrekend = [k for k in columns if k not in aanwezig]
            if ontbrekend:
                raise InputError(None, f"tabel '{naam}' ({bestand}): kolom(men) ontbreken: {', '.join(ontbrekend)}")
        sources[naam] = source
    return sources


def optional_columns(source: Source) -> tuple[str, ...]:
    """The optional columns (:data:`OPTIONAL_COLUMNS`) present in every file of a located table."""
    gevraagd = OPTIONAL_COLUMNS.get(source.naam, ())
    if not gevraagd:
        return ()
    aanwezig = set.intersection(*(set(_columns_of(source.formaat, b)) for b in source.bestanden))
    return tuple(k for k in gevraagd if k in aanwezig)
