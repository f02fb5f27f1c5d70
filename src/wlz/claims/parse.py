"""Reading the claim tables and applying the corrections, as Ibis expressions.

Each row gets a ``stap``: which correction removed it (the corrections apply in a fixed order), or ``ok``.
The order is literal: a row with ``bedrag <= 0`` is counted under step 1 even if its date is also bad;
a condition that cannot be evaluated on an unreadable value does not match, so such a row falls through
to step 4 (quarantine) with a ``reden`` naming the first unreadable field.

``regelnummer`` must be unique within a table (the input interface) because it is the final tie-break of
"laatst gedeclareerd". When a number occurs more than once, *every* row carrying it is quarantined (not
the first one: the engines read rows in no guaranteed order, so "the first" would be an arbitrary pick,
and the analyst cannot tell which copy is right either). The count is over all rows of the table as read,
before the corrections, because uniqueness is a property of the delivered table; a duplicate that is
already removed by step 1-3 is still counted there (the literal order), its twin goes to quarantine.

Parsing is strict and identical on DuckDB and Spark: text is only cast after a regular expression
accepted it (``2019-01-05``, ``-12.50``, ``42``), because the two engines' own casts are lenient in
different ways.
"""

from __future__ import annotations

import ibis
import ibis.expr.datatypes as dt
import ibis.expr.types as ir

from wlz.claims.codes import ROL_UITGESLOTEN, ZVW_SECTOREN
from wlz.claims.inputs import COLUMNS, NULLABLE, Source

BEDRAG = dt.Decimal(18, 6)
#: regelnummer must fit the 35 bits the ordering key gives it (see pipeline.volgorde_sleutel)
MAX_REGELNUMMER = 2**35 - 1

_RE_INT = r"^-?[0-9]+$"
_RE_BEDRAG = r"^-?[0-9]+(\.[0-9]+)?$"
_RE_DATUM = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"

# integer step codes: cheap to compare on tens of millions of rows
STAP_OK = 0
STAP_BEDRAG = 1
STAP_BSN = 2
STAP_UITGESLOTEN = 3
STAP_QUARANTAINE = 4


def read_raw(con, source: Source) -> ir.Table:
    """The table as stored, restricted to the interface columns (CSV: every column as text)."""
    backend = con.name
    if source.formaat == "csv":
        if backend == "duckdb":
            t = con.read_csv(str(source.pad), all_varchar=True, header=True)
        else:
            t = con.read_csv(str(source.pad), header=True, inferSchema=False)
    elif backend == "duckdb":
        t = con.read_parquet([str(b) for b in source.bestanden])
    else:
        t = con.read_parquet(str(source.pad))
    t = t.select(*COLUMNS[source.naam])
    if source.formaat == "csv":  # CSV fields are text: trim them once here
        t = t.select(**{k: t[k].strip() for k in COLUMNS[source.naam]})
    return t


def read_optional(con, source: Source, kolom: str) -> ir.Table | None:
    """``(a_regel, <kolom>)`` of an optional text column of a table (``None`` when the table lacks it).

    Optional columns are outside the interface the analysis needs (see ``inputs.OPTIONAL_COLUMNS``); they are
    read only by outputs that ask for them, keyed by the parsed regelnummer so they join to the kept rows."""
    from wlz.claims.inputs import optional_columns

    if kolom not in optional_columns(source):
        return None
    if source.formaat == "csv":
        if con.name == "duckdb":
            t = con.read_csv(str(source.pad), all_varchar=True, header=True)
        else:
            t = con.read_csv(str(source.pad), header=True, inferSchema=False)
    elif con.name == "duckdb":
        t = con.read_parquet([str(b) for b in source.bestanden])
    else:
        t = con.read_parquet(str(source.pad))
    waarde = _parse(t[kolom].strip() if source.formaat == "csv" else t[kolom], "string")
    return t.select(a_regel=_parse(t.regelnummer, "int"), **{kolom: waarde})


def _null(soort: str):
    return ibis.null({"int": "int64", "bedrag": BEDRAG, "date": "date", "string": "string"}[soort])


def _parse(c: ir.Value, soort: str) -> ir.Value:
    """Parse one column to its interface type; NULL where unreadable."""
    t = c.type()
    if soort == "string":
        # text from CSV is trimmed; typed (Parquet) strings are taken as they are (no per-row strip)
        s = c if t.is_string() else c.cast("string")
        return s.nullif("")
    if soort == "int":
        if t.is_string():
            s = c.strip()
            return ibis.cases((s.re_search(_RE_INT), s.try_cast("int64")), else_=_null("int"))
        if t.is_integer():
            return c.cast("int64")
        if t.is_floating() or t.is_decimal():
            return ibis.cases((c == c.floor(), c.try_cast("int64")), else_=_null("int"))
        return _null("int")
    if soort == "bedrag":
        if t.is_string():
            s = c.strip()
            return ibis.cases((s.re_search(_RE_BEDRAG), s.try_cast(BEDRAG)), else_=_null("bedrag"))
        if t.is_numeric():
            return c.try_cast(BEDRAG)
        return _null("bedrag")
    if soort == "date":
        if t.is_string():
            s = c.strip()
            return ibis.cases((s.re_search(_RE_DATUM), s.try_cast("date")), else_=_null("date"))
        if t.is_date():
            return c
        if t.is_timestamp():
            return c.date()
        return _null("date")
    raise ValueError(soort)


def _unreadable(raw: ir.Table, parsed: dict[str, ir.Value], naam: str, column: str, soort: str):
    """(condition, reason) pairs for one column: missing, or present but unreadable."""
    r = raw[column]
    paren = []
    if column not in NULLABLE:
        leeg = r.isnull() if not r.type().is_string() else (r.isnull() | (r == ""))
        paren.append((leeg, ibis.literal(f"{column} ontbreekt")))
    if soort != "string":
        waarde = r.cast("string")
        tekst = ibis.literal(f"{column} onleesbaar: '") + waarde + ibis.literal("'")
        paren.append((r.notnull() & parsed[column].isnull(), tekst))
    return paren


def _parse_table(raw: ir.Table, naam: str) -> tuple[dict[str, ir.Value], list]:
    columns = COLUMNS[naam]
    parsed = {k: _parse(raw[k], s) for k, s in columns.items()}
    redenen: list = []
    for k, s in columns.items():
        redenen += _unreadable(raw, parsed, naam, k, s)
    return parsed, redenen


REDEN_BEREIK = (
    f"regelnummer buiten het bereik van de sorteersleutel (0..{MAX_REGELNUMMER}): "
    "de volgorde 'laatst gedeclareerd' kan dit nummer niet gebruiken"
)


def _regelnummer_bereik(parsed) -> tuple:
    r = parsed["regelnummer"]
    return ((r < 0) | (r > MAX_REGELNUMMER), ibis.literal(REDEN_BEREIK))


def dubbele_regelnummers(raw: ir.Table, naam: str) -> ir.Table:
    """The parsed regelnummers that occur more than once in the table, with how often (``d_nr``, ``d_n``).

    Small in practice (empty for a table that meets the interface); the caller materialises it once and
    passes it to the ``prepare_*`` functions, or passes ``None`` when it is empty so the plan stays as it is.
    """
    r = _parse(raw.regelnummer, COLUMNS[naam]["regelnummer"])
    t = raw.select(d_nr=r).filter(r.notnull())
    g = t.group_by("d_nr").aggregate(d_n=t.count())
    return g.filter(g.d_n > 1)


def _with_duplicates(t: ir.Table, dubbel: ir.Table | None) -> ir.Table:
    """Add the duplicate-regelnummer reason (after the row's own reasons) when there are duplicates."""
    if dubbel is None:
        return t
    j = t.left_join(dubbel, t.regelnummer == dubbel.d_nr)
    reden_dubbel = (
        ibis.literal("regelnummer komt ")
        + j.d_n.cast("string")
        + ibis.literal(" keer voor in de tabel (moet uniek zijn): alle rijen met dit regelnummer in quarantaine")
    )
    reden = ibis.cases((j.reden.notnull(), j.reden), (j.d_n.notnull(), reden_dubbel), else_=_null("string"))
    return j.mutate(reden=reden).drop("d_nr", "d_n")


def _eind_voor_begin(parsed) -> tuple:
    return (parsed["einddatum"] < parsed["begindatum"], ibis.literal("einddatum ligt voor begindatum"))


def _first_reason(paren: list) -> ir.Value:
    return ibis.cases(*paren, else_=_null("string"))


def _stap(t: ir.Table, *, bedrag: ir.Value | None, uitgesloten: ir.Value | None) -> ir.Value:
    """The correction step of each row, in the fixed order of the corrections; ``ok`` for a row that is kept."""
    takken = []
    if bedrag is not None:
        takken.append((bedrag <= 0, STAP_BEDRAG))
    takken.append((t.client_id == "0", STAP_BSN))
    if uitgesloten is not None:
        takken.append((uitgesloten, STAP_UITGESLOTEN))
    takken.append((t.reden.notnull(), STAP_QUARANTAINE))
    return ibis.cases(*[(c, ibis.literal(v, "int8")) for c, v in takken], else_=ibis.literal(STAP_OK, "int8"))


def _parsed_table(raw: ir.Table, naam: str, extra=()) -> ir.Table:
    """Parsed columns plus ``reden``: the first reason the row is unreadable (NULL if readable)."""
    parsed, paren = _parse_table(raw, naam)
    paren += [f(parsed) for f in extra]
    return raw.select(**parsed, regel_tekst=raw.regelnummer.cast("string"), reden=_first_reason(paren))


def prepare_wlz(raw: ir.Table, koppellijst: ir.Table, dubbel: ir.Table | None = None) -> ir.Table:
    """wlz_zin lines parsed and joined to the koppellijst, with ``stap`` and ``reden``."""
    t = _with_duplicates(_parsed_table(raw, "wlz_zin", extra=(_eind_voor_begin, _regelnummer_bereik)), dubbel)
    kl = koppellijst
    t = t.left_join(kl, t.prestatiecode == kl.prestatiecode).select(
        *[t[k] for k in COLUMNS["wlz_zin"]], t.regel_tekst, t.reden, kl.rol_i, kl.cat_i, kl.pc_code_i, kl.soort_idx
    )
    reden = ibis.cases(
        (t.reden.notnull(), t.reden),
        (t.rol_i.isnull(), ibis.literal("onbekende prestatiecode")),
        else_=_null("string"),
    )
    t = t.mutate(reden=reden)
    return t.mutate(stap=_stap(t, bedrag=t.bedrag, uitgesloten=t.rol_i == ROL_UITGESLOTEN))


def prepare_pgb(raw: ir.Table, dubbel: ir.Table | None = None) -> ir.Table:
    """pgb rows parsed, with ``stap`` and ``reden``."""
    t = _with_duplicates(_parsed_table(raw, "pgb", extra=(_eind_voor_begin, _regelnummer_bereik)), dubbel)
    return t.mutate(stap=_stap(t, bedrag=t.bedrag, uitgesloten=None))


def prepare_zvw(raw: ir.Table, dubbel: ir.Table | None = None) -> ir.Table:
    """zvw rows parsed, with ``stap`` and ``reden`` (an unknown sector code is unreadable)."""

    def sector(parsed):
        s = parsed["sector"]
        return (
            s.notnull() & ~s.isin(ZVW_SECTOREN),
            ibis.literal("onbekende Zvw-sector (verwacht: " + ", ".join(ZVW_SECTOREN) + ")"),
        )

    t = _with_duplicates(_parsed_table(raw, "zvw", extra=(sector,)), dubbel)
    return t.mutate(stap=_stap(t, bedrag=None, uitgesloten=None))
