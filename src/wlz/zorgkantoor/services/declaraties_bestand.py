"""Reading a provider's declaration file: the claims format of ``wlz analyse`` (``wlz.claims.inputs.COLUMNS
['wlz_zin']``), CSV or Parquet, with two optional columns that say who the line is about and who declares it.

How a line names the client and the provider (docs/zorginkoop.md, "Declaraties"):

- ``client_id``: the zorgkantoor's own client reference (the opaque id of the client's file, as in the dossier's
  address). Or, as in real iWlz/Vektis declarations, an optional column ``bsn``: the line is then matched on the
  BSN; when both are given they must name the same client. A BSN is stored with the line (a refused line keeps
  what was delivered) but never written to a log, an address or an error text.
- the provider: the AGB code the file is imported for (the provider's own account, or chosen by the zorgkantoor);
  an optional column ``agb_code`` (the one ``wlz analyse`` knows, ``OPTIONAL_COLUMNS``) must then be that code on
  every line.

Rows are parsed column-wise with pyarrow (no loop over lines in Python). A row that cannot be read is kept, with
the first field that is wrong, and refused as ``D01``; a file that misses a column, or is not CSV/Parquet at all, is
refused as a whole with an :class:`InputError` naming the column, before anything is written.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from wlz.claims.inputs import COLUMNS
from wlz.common.errors import InputError

from ..domain.declaratie import REDENEN

#: the columns every file has (the analysis's wlz_zin table)
VERPLICHT: tuple[str, ...] = tuple(COLUMNS["wlz_zin"])
#: optional columns: who the line is about (BSN) and who declared it (AGB code)
OPTIONEEL: tuple[str, ...] = ("bsn", "agb_code")

#: longest text the tables keep per column (a longer value makes the row unreadable, not the file)
LENGTES = {"client_id": 40, "bsn": 20, "agb_code": 20, "prestatiecode": 20, "zzp_code": 20}

_RE_INT = r"^[0-9]{1,15}$"
_RE_BEDRAG = r"^-?[0-9]{1,15}(\.[0-9]{1,2})?$"
_RE_DATUM = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


@dataclass(frozen=True)
class Regels:
    """The parsed lines of one file, as columns (pyarrow), ready for a bulk insert into the work table."""

    tabel: pa.Table
    formaat: str

    @property
    def aantal(self) -> int:
        return self.tabel.num_rows


def _text_table(t: pa.Table) -> pa.Table:
    """Every column as text ('' for empty), the way a CSV delivers it."""
    kolommen = {}
    for naam in t.column_names:
        c = t.column(naam)
        if pa.types.is_decimal(c.type) or pa.types.is_floating(c.type):
            # a typed amount (100.000000 in a decimal(18,6)) is read by its value: trailing zeros dropped
            c = pc.replace_substring_regex(pc.cast(c, pa.string()), r"(\.[0-9]*?)0+$", r"\1")
            c = pc.replace_substring_regex(c, r"\.$", "")
        elif not pa.types.is_string(c.type) and not pa.types.is_large_string(c.type):
            c = pc.cast(c, pa.string())
        kolommen[naam] = pc.fill_null(c, "")
    return pa.table(kolommen)


def _check_columns(namen: list[str]) -> None:
    ontbrekend = [k for k in VERPLICHT if k not in namen]
    if "client_id" in ontbrekend and "bsn" in namen:
        ontbrekend.remove("client_id")  # the BSN names the client
    if ontbrekend:
        raise InputError(ontbrekend[0], f"kolom(men) ontbreken in het bestand: {', '.join(ontbrekend)}")


def _read_csv(data: bytes) -> tuple[pa.Table, np.ndarray[Any, Any], list[tuple[int, str]]]:
    """The rows as text, their line numbers in the file, and the rows with a wrong number of fields."""
    if data[:3] == b"\xef\xbb\xbf":  # a byte-order mark (Excel's CSV)
        data = data[3:]
    eerste = data.split(b"\n", 1)[0].decode("utf-8", errors="replace")
    kop = next(csv.reader([eerste]), [])
    namen = [k.strip() for k in kop]
    if not namen or namen == [""]:
        raise InputError("bestand", "het CSV-bestand is leeg (geen kopregel)")
    _check_columns(namen)
    if len(set(namen)) != len(namen):
        raise InputError("bestand", "een kolomnaam komt meer dan eens voor in de kopregel")
    fout: list[tuple[int | None, str]] = []

    def ongeldig(rij: Any) -> str:
        fout.append((rij.number, str(rij.text)[:2000]))
        return "skip"

    def lees(threads: bool) -> pa.Table:
        fout.clear()
        return pacsv.read_csv(
            io.BytesIO(data),
            read_options=pacsv.ReadOptions(column_names=namen, skip_rows=1, use_threads=threads),
            parse_options=pacsv.ParseOptions(invalid_row_handler=ongeldig, newlines_in_values=False),
            convert_options=pacsv.ConvertOptions(
                column_types={n: pa.string() for n in namen},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )

    try:
        # in parallel (several times faster); a reader in parallel may not know a malformed row's line number, so
        # a file with such rows is read once more in one thread (rare: the rows refused as D01 keep their number)
        t = lees(True)
        if any(nr is None for nr, _ in fout):
            t = lees(False)
    except (pa.ArrowInvalid, UnicodeDecodeError) as exc:
        raise InputError("bestand", "het bestand is geen leesbaar CSV-bestand (UTF-8, komma's)") from exc
    # the file's line number of each row read: 2, 3, ... skipping the rows the reader could not split
    slecht = [(int(nr or 0), tekst) for nr, tekst in fout]
    nummers = np.arange(2, t.num_rows + 2 + len(slecht), dtype=np.int32)
    if slecht:
        nummers = np.setdiff1d(nummers, np.array([nr for nr, _ in slecht], dtype=np.int32))[: t.num_rows]
    return t, nummers, slecht


def _read_parquet(data: bytes) -> pa.Table:
    try:
        t = pq.read_table(io.BytesIO(data))
    except (pa.ArrowInvalid, OSError) as exc:
        raise InputError("bestand", "het bestand is geen leesbaar Parquet-bestand") from exc
    _check_columns(t.column_names)
    return t


def formaat_van(bestandsnaam: str, data: bytes) -> str:
    """'parquet' for a Parquet file (by its magic bytes), else 'csv'."""
    if data[:4] == b"PAR1" or Path(bestandsnaam).suffix.lower() == ".parquet":
        return "parquet"
    return "csv"


def read(bestandsnaam: str, data: bytes) -> Regels:
    """Parse a declaration file into typed columns plus, per row, the first problem (``melding``) or null."""
    if not data.strip():
        raise InputError("bestand", "het bestand is leeg")
    formaat = formaat_van(bestandsnaam, data)
    if formaat == "parquet":
        t = _text_table(_read_parquet(data))
        nummers = np.arange(1, t.num_rows + 1, dtype=np.int32)
        fout: list[tuple[int, str]] = []
    else:
        t, nummers, fout = _read_csv(data)
    tabel = _parse(t, nummers)
    if fout:
        tabel = pa.concat_tables([tabel, _malformed(fout, tabel.schema)])
    return Regels(tabel, formaat)


def read_path(pad: Path) -> tuple[str, bytes]:
    """A file from disk (the command line): its name and bytes."""
    if not pad.is_file():
        raise InputError("bestand", f"bestand {pad.name} bestaat niet")
    return pad.name, pad.read_bytes()


def _col(t: pa.Table, naam: str) -> pa.ChunkedArray:
    if naam in t.column_names:
        return pc.utf8_trim_whitespace(t.column(naam))
    return pa.chunked_array([pa.array([""] * t.num_rows, pa.string())])


def _parse(t: pa.Table, nummers: np.ndarray[Any, Any]) -> pa.Table:
    n = t.num_rows
    ruw = {k: _col(t, k) for k in (*VERPLICHT, *OPTIONEEL)}
    lengte = {k: pc.utf8_length(v) for k, v in ruw.items()}
    leeg = {k: pc.equal(v, 0) for k, v in lengte.items()}  # numeric: far cheaper than comparing strings

    def match(naam: str, patroon: str) -> pa.ChunkedArray:
        return pc.match_substring_regex(ruw[naam], patroon)

    def text(naam: str) -> pa.ChunkedArray:
        return pc.if_else(leeg[naam], pa.scalar(None, pa.string()), ruw[naam])

    regelnummer_ok = match("regelnummer", _RE_INT)
    aantal_ok = match("aantal", _RE_INT)
    bedrag_ok = match("bedrag", _RE_BEDRAG)
    regelnummer = pc.cast(pc.if_else(regelnummer_ok, ruw["regelnummer"], None), pa.int64())
    aantal = pc.cast(pc.if_else(aantal_ok, ruw["aantal"], None), pa.int64())
    bedrag = pc.cast(
        pc.multiply(pc.cast(pc.if_else(bedrag_ok, ruw["bedrag"], None), pa.decimal128(18, 2)), 100), pa.int64()
    )

    def datum(naam: str) -> pa.ChunkedArray:
        # parsed where it reads as a date at all, then kept only where it has the exact form (a numeric if_else:
        # cheap, unlike choosing between strings)
        d = pc.cast(pc.strptime(ruw[naam], format="%Y-%m-%d", unit="s", error_is_null=True), pa.date32())
        return pc.if_else(match(naam, _RE_DATUM), d, None)

    begin = datum("begindatum")
    eind = datum("einddatum")
    # the month as text (the ledger's key) from the date's own text (YYYY-MM), where the date is valid; the two
    # months compared as numbers
    begin_maand = pc.if_else(pc.is_valid(begin), pc.utf8_slice_codeunits(ruw["begindatum"], 0, 7), None)
    begin_nr = pc.add(pc.multiply(pc.year(begin), 12), pc.month(begin))
    eind_nr = pc.add(pc.multiply(pc.year(eind), 12), pc.month(eind))

    # (condition, text) in the order of the columns: the first that holds names the row's problem
    regels: list[tuple[Any, str]] = [
        (leeg["regelnummer"], "regelnummer ontbreekt"),
        (pc.invert(regelnummer_ok), "regelnummer is geen geheel getal van ten hoogste 15 cijfers"),
        (pc.and_(leeg["client_id"], leeg["bsn"]), "client_id ontbreekt (of geef een bsn)"),
        (
            pc.and_(pc.invert(leeg["bsn"]), pc.invert(match("bsn", r"^[0-9]{9}$"))),
            "bsn is geen getal van 9 cijfers",
        ),
        (leeg["prestatiecode"], "prestatiecode ontbreekt"),
        (leeg["begindatum"], "begindatum ontbreekt"),
        (pc.is_null(begin), "begindatum is geen datum (JJJJ-MM-DD)"),
        (leeg["einddatum"], "einddatum ontbreekt"),
        (pc.is_null(eind), "einddatum is geen datum (JJJJ-MM-DD)"),
        (pc.less(eind, begin), "einddatum ligt voor de begindatum"),
        (pc.not_equal(begin_nr, eind_nr), "einddatum ligt in een andere maand dan de begindatum"),
        (leeg["aantal"], "aantal ontbreekt"),
        (pc.invert(aantal_ok), "aantal is geen geheel getal"),
        (pc.equal(aantal, 0), "aantal moet groter dan 0 zijn"),
        (leeg["bedrag"], "bedrag ontbreekt"),
        (pc.invert(bedrag_ok), "bedrag is geen bedrag in euro's met ten hoogste twee decimalen (12.50)"),
        (pc.less_equal(bedrag, 0), "bedrag moet groter dan 0 zijn (creditregels horen niet in dit bestand)"),
    ]
    for naam, grens in LENGTES.items():
        regels.append((pc.greater(lengte[naam], grens), f"{naam} is langer dan {grens} tekens"))
    # the number of the first condition that holds (0: none), chosen with numeric if_else (choosing between strings
    # a million times per condition was most of the parse), then its text taken from the list of texts
    nummer = pa.chunked_array([pa.array(np.zeros(n, np.int8))]) if n else pa.chunked_array([], pa.int8())
    for i in range(len(regels), 0, -1):
        nummer = pc.if_else(pc.fill_null(regels[i - 1][0], False), pa.scalar(i, pa.int8()), nummer)
    teksten = pa.array([None, *(f"{REDENEN['D01']}: {tekst}" for _, tekst in regels)], pa.string())
    melding = pc.take(teksten, nummer)
    slecht = pc.is_valid(melding)

    ruw_json = _ruw_json(t, slecht)
    return pa.table(
        {
            "volgnummer": pa.array(nummers, pa.int32()),
            "regelnummer": regelnummer,
            "client_id": pc.utf8_slice_codeunits(text("client_id"), 0, LENGTES["client_id"]),
            "bsn": pc.utf8_slice_codeunits(text("bsn"), 0, LENGTES["bsn"]),
            "agb_code": pc.utf8_slice_codeunits(text("agb_code"), 0, LENGTES["agb_code"]),
            "prestatiecode": pc.utf8_slice_codeunits(text("prestatiecode"), 0, LENGTES["prestatiecode"]),
            "begindatum": begin,
            "einddatum": eind,
            "aantal": aantal,
            "bedrag_cent": bedrag,
            "zzp_code": pc.utf8_slice_codeunits(text("zzp_code"), 0, LENGTES["zzp_code"]),
            "maand": begin_maand,
            "ruw": ruw_json,
            "melding": melding,
        }
    )


def _ruw_json(t: pa.Table, slecht: Any) -> pa.Array:
    """The delivered fields of each unreadable row as JSON (null for a good row): nothing of it is lost."""
    n = t.num_rows
    index = pc.indices_nonzero(pc.fill_null(slecht, False)).to_pylist()
    waarden: list[str | None] = [None] * n
    if index:
        rijen = t.take(pa.array(index)).to_pylist()
        for i, rij in zip(index, rijen, strict=True):
            waarden[i] = json.dumps(rij, ensure_ascii=False)
    return pa.array(waarden, pa.string())


def _malformed(fout: list[tuple[int, str]], schema: pa.Schema) -> pa.Table:
    """Rows the CSV reader could not split into the header's columns: kept as their raw text."""
    n = len(fout)
    kolommen: dict[str, pa.Array] = {}
    for veld in schema:
        kolommen[veld.name] = pa.nulls(n, veld.type)
    kolommen["volgnummer"] = pa.array([nr for nr, _ in fout], pa.int32())
    kolommen["ruw"] = pa.array([json.dumps({"regel": tekst}, ensure_ascii=False) for _, tekst in fout], pa.string())
    tekst = f"{REDENEN['D01']}: het aantal velden klopt niet met de kopregel"
    kolommen["melding"] = pa.array([tekst] * n, pa.string())
    return pa.table(kolommen, schema=schema)
