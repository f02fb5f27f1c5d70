"""The set-based check of a declaration file, in the database: a handful of statements over the whole file, never
a loop over its lines in Python.

The lines are bulk-loaded into the work table ``declaratie_invoer`` (SQLite: ``executemany``; PostgreSQL: ``COPY``),
then each check is one ``UPDATE`` over all lines of the batch that have not failed an earlier check (joins and
``EXISTS``/``NOT EXISTS`` against clients, zorgtoewijzingen, contracts, vouchers and the accepted lines), and two
``INSERT … SELECT`` statements move every line into exactly one of ``declaratie_regels`` (accepted) and
``declaratie_weigeringen`` (refused, with reason code and Dutch text). The work rows are deleted in the same
transaction: an import is kept completely or not at all.

The checks, in order (the first that fails is the line's reason, ``domain.declaratie.REDENEN``):

- D01 unreadable (decided when the file was parsed);
- D02 the line's ``agb_code`` is not the provider the file is imported for;
- D03 the client is unknown (``client_id`` is not a client's id; or ``bsn`` is no client's BSN; or both given and
  they name different clients);
- D04 no zorgtoewijzing of this client to this provider covering the line's days (``van <= begindatum``, ``tot``
  empty or ``>= einddatum``; not ended, or ended (``einde_zorg``) on or after the ``einddatum``);
- D05 no ``actief`` contract of the provider covering the line's days with this prestatiecode; when the client chose
  providers through the zorginkoop (``inkoop_keuzes``), the contract's region must be the region of one of the
  contracts chosen (the client's region as far as the zorgkantoor knows it); without a choice any region counts;
- D11 the contract's prestatie (found for the prestatiecode and days) is contracted only for another leveringsvorm
  than the toewijzing's (``verblijf``, ``vpt``, ``mpt``; an ``mpt_pgb`` toewijzing's modules count as ``mpt``): of
  several covering prestaties the fitting one is taken, so D11 means none fits;
- D06 the contract's prestatie has no tariff (``tarief_cent`` empty: no maximum tariff was supplied);
- D07 ``bedrag > aantal × tarief_cent``: the contracted tariff per eenheid is the most that may be declared; a lower
  amount is accepted (a provider may charge less, e.g. part of a unit), never more;
- D08 an accepted line of the same client, provider and prestatie overlaps the line's days (a line covers days of
  one month, so the index on the month finds the candidates);
- D09 an earlier line of this file (lower ``volgnummer``) that passed D01-D08 has the same client and prestatie and
  overlapping days;
- D12 the line counts against a voucher (below) but its days run past the voucher's ``geldig_tot``: the voucher
  lapsed, and what was left of its value is not declarable after it;
- D10 the line counts against a voucher (``ingewisseld`` at this provider, for the client, the line's begindatum in
  its period) and the voucher's accepted amount so far plus this file's lines for it up to this one (file order)
  is more than its ``waarde_cent``: from the first line over the value, every later line on that voucher is refused
  too (amounts are positive, so the running sum only grows).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ..domain.declaratie import REDENEN
from . import declaratie_orm

#: the work table's columns the file delivers, in the order they are loaded
LOAD_COLUMNS: tuple[str, ...] = (
    "volgnummer",
    "regelnummer",
    "client_id",
    "bsn",
    "agb_code",
    "prestatiecode",
    "begindatum",
    "einddatum",
    "aantal",
    "bedrag_cent",
    "zzp_code",
    "maand",
    "ruw",
    "melding",
)


def lock_provider(conn: Connection, agb_code: str) -> None:
    """Two imports for one provider run one after the other (their double-declaration and voucher checks read
    each other's accepted lines). PostgreSQL: a transaction-scoped advisory lock; SQLite has one writer anyway."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(hashtext(:k))"), {"k": "declaraties:" + agb_code})


def load(conn: Connection, batch_id: str, regels: pa.Table) -> None:
    """Bulk-load the parsed lines into the work table; a line already unreadable gets reason D01 on the way in."""
    t = regels.select(list(LOAD_COLUMNS))
    kolommen = ("batch_id", *LOAD_COLUMNS, "reden")
    if conn.dialect.name == "postgresql":
        _copy(conn, batch_id, t, kolommen)
        return
    # dates as ISO text (what SQLAlchemy stores for a Date on SQLite), four times faster than date objects
    # a million lines and their indexes do not fit SQLite's default page cache (2 MB): the checks then read the
    # same pages from disk over and over. 256 MB for this import; ``check`` sets the default back.
    conn.exec_driver_sql(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")
    # the in-file double check's index is built once after the client is known (``check``), not kept up to date
    # row by row through the load and again through the client pass (which rewrites its client_ref key); the work
    # table is empty between imports and SQLite has one writer, so this import is alone in it. (Its DDL is part
    # of this transaction: a failed import leaves the index as it was.)
    _DUBBEL_INDEX.drop(conn, checkfirst=True)
    data = [(pc.cast(c, pa.string()) if pa.types.is_date(c.type) else c).to_pylist() for c in t.columns]
    melding = data[-1]
    reden = ["D01" if m is not None else None for m in melding]
    rows = list(zip([batch_id] * t.num_rows, *data, reden, strict=True))
    sql = f"INSERT INTO declaratie_invoer ({', '.join(kolommen)}) VALUES ({', '.join('?' * len(kolommen))})"
    conn.exec_driver_sql(sql, rows) if rows else None  # type: ignore[func-returns-value]


def _copy(conn: Connection, batch_id: str, t: pa.Table, kolommen: Sequence[str]) -> None:
    """PostgreSQL's COPY from a CSV pyarrow writes (empty unquoted field = NULL)."""
    n = t.num_rows
    reden = pc.if_else(pc.is_valid(t.column("melding")), pa.scalar("D01"), pa.scalar(None, pa.string()))
    volledig = pa.table(
        {"batch_id": pa.array([batch_id] * n, pa.string()), **{k: t.column(k) for k in LOAD_COLUMNS}, "reden": reden}
    )
    buf = io.BytesIO()
    pacsv.write_csv(volledig, buf, pacsv.WriteOptions(include_header=False, quoting_style="needed"))
    raw = conn.connection.dbapi_connection
    assert raw is not None
    sql = f"COPY declaratie_invoer ({', '.join(kolommen)}) FROM STDIN WITH (FORMAT csv)"
    with raw.cursor() as cur, cur.copy(sql) as copy:  # type: ignore[attr-defined]
        view = buf.getbuffer()
        for start in range(0, len(view), 1 << 20):
            copy.write(view[start : start + (1 << 20)])


_OPEN = "batch_id = :b AND reden IS NULL"

#: the index D09 reads (``declaratie_orm``), the one object both the migration's definition and this module use
_DUBBEL_INDEX = next(i for i in declaratie_orm.declaratie_invoer.indexes if i.name == "ix_declaratie_invoer_dubbel")

#: PostgreSQL work memory during an import (``SET LOCAL``: this transaction only; a technical setting)
POSTGRES_WORK_MEM = "256MB"
#: SQLite page cache during an import, in KiB (a technical setting, see ``load``)
SQLITE_CACHE_KIB = 262_144

#: D02: a line naming another provider (few rows: a cheap pass before the big one)
_PROVIDER = f"UPDATE declaratie_invoer SET reden = 'D02' WHERE {_OPEN} AND agb_code IS NOT NULL AND agb_code <> :agb"

#: SQLite: D03 (the client), then the toewijzing and the prestatie per line with correlated subqueries (an index
#: lookup each), then D04-D07 in one pass. (SQLite plans the join form below badly: a nested loop over the batch.)
_CLIENT_SQLITE = [
    f"""UPDATE declaratie_invoer SET client_ref = CASE
            WHEN bsn IS NOT NULL THEN (SELECT c.id FROM clients c WHERE c.bsn = declaratie_invoer.bsn)
            ELSE (SELECT c.id FROM clients c WHERE c.id = declaratie_invoer.client_id) END
        WHERE {_OPEN}""",
    f"""UPDATE declaratie_invoer SET reden = 'D03' WHERE {_OPEN}
        AND (client_ref IS NULL OR (bsn IS NOT NULL AND client_id IS NOT NULL AND client_id <> client_ref))""",
]


#: the toewijzing's leveringsvorm fits the contract prestatie's (``a``: the prestatie's, ``b``: the toewijzing's):
#: the same, or an mpt module of an mpt+pgb client
def _lv_fits(a: str, b: str) -> str:
    return f"({a} = {b} OR ({a} = 'mpt' AND {b} = 'mpt_pgb'))"


def _covers_sqlite(cp: str, c: str) -> str:
    """An active contract of the provider whose prestatie covers the line's prestatiecode and days; when the client
    chose through the zorginkoop, in the region of a chosen contract."""
    return f"""{c}.agb_code = :agb AND {c}.status = 'actief' AND {cp}.prestatiecode = declaratie_invoer.prestatiecode
          AND {c}.ingangsdatum <= declaratie_invoer.begindatum AND {c}.einddatum >= declaratie_invoer.einddatum
          AND (NOT EXISTS (SELECT 1 FROM inkoop_keuzes k WHERE k.client_id = declaratie_invoer.client_ref)
               OR {c}.regio IN (SELECT k2.regio FROM inkoop_keuzes k JOIN inkoop_contracten k2 ON k2.id = k.contract_id
                                WHERE k.client_id = declaratie_invoer.client_ref))"""


#: D04-D07 and D11 need the toewijzing and the contract's prestatie: found per line with correlated subqueries (an
#: index lookup each on SQLite; PostgreSQL turns them into joins only partly, so it gets the join form below). First
#: the covering toewijzing and its leveringsvorm, then the prestatie: of several covering prestaties the one whose
#: leveringsvorm fits the toewijzing's is taken (SQLite cannot order a correlated subquery by the outer row, so a
#: prestatie that does not fit is only taken when no covering one fits: the ``NOT EXISTS`` runs for those few).
_FIND_SQLITE = [
    f"""UPDATE declaratie_invoer SET (toewijzing_id, leveringsvorm) = (
        SELECT tw.id, tw.leveringsvorm FROM zorgtoewijzingen tw
        WHERE tw.client_id = declaratie_invoer.client_ref AND tw.agb_code = :agb
          AND tw.van <= declaratie_invoer.begindatum
          AND (tw.tot IS NULL OR tw.tot >= declaratie_invoer.einddatum)
          AND (tw.status <> 'beeindigd' OR tw.einde_zorg >= declaratie_invoer.einddatum)
        ORDER BY tw.van DESC, tw.id LIMIT 1)
    WHERE {_OPEN}""",
    f"""UPDATE declaratie_invoer SET (prestatie_id, tarief_cent, regio, prestatie_leveringsvorm) = (
        SELECT cp.id, cp.tarief_cent, c.regio, cp.leveringsvorm FROM inkoop_contract_prestaties cp
        JOIN inkoop_contracten c ON c.id = cp.contract_id
        WHERE {_covers_sqlite("cp", "c")}
          AND ({_lv_fits("cp.leveringsvorm", "declaratie_invoer.leveringsvorm")} OR NOT EXISTS (
              SELECT 1 FROM inkoop_contract_prestaties cp2 JOIN inkoop_contracten c2 ON c2.id = cp2.contract_id
              WHERE {_covers_sqlite("cp2", "c2")}
                AND {_lv_fits("cp2.leveringsvorm", "declaratie_invoer.leveringsvorm")}))
        ORDER BY cp.tarief_cent DESC, cp.id LIMIT 1)
    WHERE {_OPEN} AND toewijzing_id IS NOT NULL""",
]

#: D04-D07 and D11 in one pass: the first that holds is the reason
_REASON_SQLITE = f"""UPDATE declaratie_invoer SET reden = CASE
        WHEN toewijzing_id IS NULL THEN 'D04'
        WHEN prestatie_id IS NULL THEN 'D05'
        WHEN NOT {_lv_fits("prestatie_leveringsvorm", "leveringsvorm")} THEN 'D11'
        WHEN tarief_cent IS NULL THEN 'D06'
        WHEN bedrag_cent > aantal * tarief_cent THEN 'D07' END
    WHERE {_OPEN}"""

#: PostgreSQL: D03-D07 in ONE pass over the batch: the client (by id, or by BSN), a
#: covering zorgtoewijzing (the lowest id when several cover) and the contract's prestatie (the highest tariff
#: when several cover) are found with joins over the whole batch (hash joins),
#: and every line is written once with what was found and its first failing reason. (Writing each finding in a
#: pass of its own rewrote every line five times: five times slower.)
_FIND = f"""WITH l AS (
        SELECT j.volgnummer, j.begindatum, j.einddatum, j.prestatiecode,
               CASE WHEN j.bsn IS NOT NULL THEN cb.id ELSE ci.id END AS client_ref
        FROM declaratie_invoer j
        LEFT JOIN clients ci ON j.bsn IS NULL AND ci.id = j.client_id
        LEFT JOIN clients cb ON cb.bsn = j.bsn
        WHERE j.batch_id = :b AND j.reden IS NULL),
    -- the clients who chose through the zorginkoop, and the regions of the contracts they chose under (joined, not
    -- a subquery per line)
    kc AS (SELECT DISTINCT client_id FROM inkoop_keuzes),
    kr AS (SELECT DISTINCT k.client_id, c2.regio FROM inkoop_keuzes k
           JOIN inkoop_contracten c2 ON c2.id = k.contract_id),
    tw AS (
        SELECT DISTINCT ON (l.volgnummer) l.volgnummer, t.id, t.leveringsvorm FROM l
        JOIN zorgtoewijzingen t ON t.client_id = l.client_ref AND t.agb_code = :agb
         AND t.van <= l.begindatum AND (t.tot IS NULL OR t.tot >= l.einddatum)
         AND (t.status <> 'beeindigd' OR t.einde_zorg >= l.einddatum)
        ORDER BY l.volgnummer, t.id),
    cp AS (
        SELECT l.volgnummer, p.id, p.tarief_cent, c.regio, p.leveringsvorm,
               ROW_NUMBER() OVER (PARTITION BY l.volgnummer
                   ORDER BY CASE WHEN {_lv_fits("p.leveringsvorm", "tw.leveringsvorm")} THEN 0 ELSE 1 END,
                            CASE WHEN p.tarief_cent IS NULL THEN 1 ELSE 0 END, p.tarief_cent DESC, p.id)
                   AS rn
        FROM l
        LEFT JOIN tw ON tw.volgnummer = l.volgnummer
        JOIN inkoop_contracten c ON c.agb_code = :agb AND c.status = 'actief'
         AND c.ingangsdatum <= l.begindatum AND c.einddatum >= l.einddatum
        JOIN inkoop_contract_prestaties p ON p.contract_id = c.id AND p.prestatiecode = l.prestatiecode
        LEFT JOIN kc ON kc.client_id = l.client_ref
        LEFT JOIN kr ON kr.client_id = l.client_ref AND kr.regio = c.regio
        WHERE kc.client_id IS NULL OR kr.client_id IS NOT NULL),
    x AS (
        SELECT l.volgnummer, l.client_ref, tw.id AS toewijzing_id, tw.leveringsvorm, cp.id AS prestatie_id,
               cp.tarief_cent, cp.regio, cp.leveringsvorm AS prestatie_leveringsvorm
        FROM l LEFT JOIN tw ON tw.volgnummer = l.volgnummer
        LEFT JOIN cp ON cp.volgnummer = l.volgnummer AND cp.rn = 1)
    UPDATE declaratie_invoer SET
        client_ref = x.client_ref, toewijzing_id = x.toewijzing_id, prestatie_id = x.prestatie_id,
        tarief_cent = x.tarief_cent, regio = x.regio, leveringsvorm = x.leveringsvorm,
        prestatie_leveringsvorm = x.prestatie_leveringsvorm,
        reden = CASE
            WHEN x.client_ref IS NULL
              OR (declaratie_invoer.bsn IS NOT NULL AND declaratie_invoer.client_id IS NOT NULL
                  AND declaratie_invoer.client_id <> x.client_ref) THEN 'D03'
            WHEN x.toewijzing_id IS NULL THEN 'D04'
            WHEN x.prestatie_id IS NULL THEN 'D05'
            WHEN NOT {_lv_fits("x.prestatie_leveringsvorm", "x.leveringsvorm")} THEN 'D11'
            WHEN x.tarief_cent IS NULL THEN 'D06'
            WHEN declaratie_invoer.bedrag_cent > declaratie_invoer.aantal * x.tarief_cent THEN 'D07' END
    FROM x WHERE declaratie_invoer.batch_id = :b AND declaratie_invoer.volgnummer = x.volgnummer"""

#: D08: an accepted line overlaps (only the lines found are written)
_DOUBLE = f"""UPDATE declaratie_invoer SET reden = 'D08' WHERE {_OPEN} AND EXISTS (
        SELECT 1 FROM declaratie_regels r
        WHERE r.client_id = declaratie_invoer.client_ref AND r.agb_code = :agb
          AND r.prestatiecode = declaratie_invoer.prestatiecode AND r.maand = declaratie_invoer.maand
          AND r.begindatum <= declaratie_invoer.einddatum AND r.einddatum >= declaratie_invoer.begindatum)"""

#: D09: an earlier line of the file that passed D01-D08 (reden still empty, or D09 set by this very statement:
#: the outcome does not depend on the order the database updates rows in). ``+j.volgnummer``: keeps SQLite from
#: walking the primary key (batch, volgnummer) over every earlier line (quadratic) instead of the index on
#: client, prestatie and month
_DOUBLE_IN_FILE = f"""UPDATE declaratie_invoer SET reden = 'D09' WHERE {_OPEN} AND EXISTS (
        SELECT 1 FROM declaratie_invoer j
        WHERE j.batch_id = declaratie_invoer.batch_id AND j.client_ref = declaratie_invoer.client_ref
          AND j.prestatiecode = declaratie_invoer.prestatiecode AND j.maand = declaratie_invoer.maand
          AND +j.volgnummer < declaratie_invoer.volgnummer AND (j.reden IS NULL OR j.reden = 'D09')
          AND j.begindatum <= declaratie_invoer.einddatum AND j.einddatum >= declaratie_invoer.begindatum)"""

#: D10: the voucher the line counts against, then the running sum in file order
_VOUCHER = [
    f"""UPDATE declaratie_invoer SET voucher_id = (
        SELECT v.id FROM inkoop_vouchers v
        WHERE v.client_id = declaratie_invoer.client_ref AND v.agb_code = :agb AND v.status = 'ingewisseld'
          AND (v.ingangsdatum IS NULL OR v.ingangsdatum <= declaratie_invoer.begindatum)
          AND (v.einddatum IS NULL OR v.einddatum >= declaratie_invoer.begindatum)
        ORDER BY v.ingewisseld_op DESC, v.id LIMIT 1)
    WHERE {_OPEN} AND EXISTS (SELECT 1 FROM inkoop_vouchers v0 WHERE v0.client_id = declaratie_invoer.client_ref
                              AND v0.agb_code = :agb AND v0.status = 'ingewisseld')""",
    # D12: the line's days run past the voucher's last valid day (its remaining value lapsed with it)
    f"""UPDATE declaratie_invoer SET reden = 'D12' WHERE {_OPEN} AND voucher_id IS NOT NULL AND einddatum > (
        SELECT COALESCE(v.geldig_tot, v.einddatum) FROM inkoop_vouchers v WHERE v.id = declaratie_invoer.voucher_id)""",
    f"""UPDATE declaratie_invoer SET reden = 'D10' WHERE {_OPEN} AND voucher_id IS NOT NULL AND volgnummer IN (
        SELECT w.volgnummer FROM (
            SELECT volgnummer, voucher_id,
                   SUM(bedrag_cent) OVER (PARTITION BY voucher_id ORDER BY volgnummer ROWS UNBOUNDED PRECEDING) AS som
            FROM declaratie_invoer WHERE {_OPEN} AND voucher_id IS NOT NULL) w
        JOIN inkoop_vouchers v ON v.id = w.voucher_id
        WHERE w.som + COALESCE((SELECT SUM(r.bedrag_cent) FROM declaratie_regels r WHERE r.voucher_id = v.id), 0)
              > v.waarde_cent)""",
]

_ACCEPT = f"""INSERT INTO declaratie_regels (batch_id, volgnummer, regelnummer, agb_code, client_id, prestatiecode,
        begindatum, einddatum, aantal, bedrag_cent, zzp_code, maand, regio, toewijzing_id, prestatie_id, tarief_cent,
        voucher_id)
    SELECT batch_id, volgnummer, regelnummer, :agb, client_ref, prestatiecode, begindatum, einddatum, aantal,
        bedrag_cent, zzp_code, maand, regio, toewijzing_id, prestatie_id, tarief_cent, voucher_id
    FROM declaratie_invoer WHERE {_OPEN} ORDER BY volgnummer"""


def _refuse_sql() -> tuple[str, dict[str, Any]]:
    takken = " ".join(f"WHEN '{code}' THEN :t_{code}" for code in REDENEN)
    sql = f"""INSERT INTO declaratie_weigeringen (batch_id, volgnummer, agb_code, reden_code, reden, regelnummer,
            client_id, bsn, prestatiecode, begindatum, einddatum, aantal, bedrag_cent, zzp_code, ruw)
        SELECT batch_id, volgnummer, :agb, reden, COALESCE(melding, CASE reden {takken} END), regelnummer,
            client_id, bsn, prestatiecode, begindatum, einddatum, aantal, bedrag_cent, zzp_code, ruw
        FROM declaratie_invoer WHERE batch_id = :b AND reden IS NOT NULL ORDER BY volgnummer"""
    return sql, {f"t_{code}": tekst for code, tekst in REDENEN.items()}


def check(conn: Connection, batch_id: str, agb_code: str) -> dict[str, int]:
    """Run every check over the loaded batch, move each line to accepted or refused, empty the work rows.
    Returns the count per reason code, plus ``''`` for the accepted lines and ``'bedrag'`` their amount in cents."""
    p = {"b": batch_id, "agb": agb_code}

    def run(sql: str, extra: dict[str, Any] | None = None) -> None:
        conn.execute(sa.text(sql), {**p, **(extra or {})})

    run(_PROVIDER)
    if conn.dialect.name == "postgresql":
        # the planner needs the batch's size and spread (the work table was empty when last analysed); the joins
        # and sorts over a million lines spill to disk in the default 4 MB of work memory: more, for this
        # transaction only
        run(f"SET LOCAL work_mem = '{POSTGRES_WORK_MEM}'")
        run("ANALYZE declaratie_invoer")
        run(_FIND)
    else:
        for sql in _CLIENT_SQLITE:
            run(sql)
        for sql in _FIND_SQLITE:
            run(sql)
        run(_REASON_SQLITE)
        _DUBBEL_INDEX.create(conn, checkfirst=True)  # dropped by ``load``: D09 reads it
    run(_DOUBLE)
    run(_DOUBLE_IN_FILE)
    for sql in _VOUCHER:
        run(sql)
    telling: dict[str, int] = {}
    for reden, aantal, bedrag in conn.execute(
        sa.text(
            "SELECT COALESCE(reden, ''), COUNT(*), SUM(CASE WHEN reden IS NULL THEN bedrag_cent ELSE 0 END) "
            "FROM declaratie_invoer WHERE batch_id = :b GROUP BY COALESCE(reden, '')"
        ),
        p,
    ):
        telling[reden] = int(aantal)
        if reden == "":
            telling["bedrag"] = int(bedrag or 0)
    run(_ACCEPT)
    sql, teksten = _refuse_sql()
    run(sql, teksten)
    run("DELETE FROM declaratie_invoer WHERE batch_id = :b")
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("PRAGMA cache_size = -2000")  # SQLite's default again for the pooled connection
    return telling


def export_csv(rows: Any) -> bytes:
    """Accepted lines (``regelnummer, client_id, prestatiecode, begindatum, einddatum, aantal, bedrag, zzp_code,
    agb_code``) as the CSV ``wlz analyse`` reads (``wlz_zin.csv``)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(EXPORT_COLUMNS)
    for r in rows:
        w.writerow(
            [
                r.id,
                r.client_id,
                r.prestatiecode,
                r.begindatum.isoformat(),
                r.einddatum.isoformat(),
                r.aantal,
                f"{r.bedrag_cent // 100}.{r.bedrag_cent % 100:02d}",
                r.zzp_code or "",
                r.agb_code,
            ]
        )
    return buf.getvalue().encode("utf-8")


#: the exported table: ``wlz_zin`` plus its optional ``agb_code`` (``wlz.claims.inputs``)
EXPORT_COLUMNS = (
    "regelnummer",
    "client_id",
    "prestatiecode",
    "begindatum",
    "einddatum",
    "aantal",
    "bedrag",
    "zzp_code",
    "agb_code",
)
