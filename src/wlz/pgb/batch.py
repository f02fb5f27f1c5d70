"""The batch path for declarations (100,000 budgethouders x 12 monthly declarations): the same checks
and the same ledger result as ``services.dien_declaratie_in`` one by one in line order, done set-based in one
transaction.

1. the lines go into a temporary table (PostgreSQL: COPY; SQLite: executemany);
2. every beschikking of every budgethouder the batch touches is locked (PostgreSQL ``SELECT ... FOR UPDATE`` in
   id order, the rows the one-by-one path locks; SQLite: the writing unit of work holds the write lock), so a
   declaration through the normal path waits for the batch or the batch for it — never both on one budget;
3. one ``INSERT ... SELECT`` joins each line to its agreement and beschikking and gives it the outcome that does
   not depend on the lines before it, in the order of ``domain.model.beoordeel_declaratie``: bad input (unknown
   agreement, bedrag, uren, dates, dates outside the beschikking: ``fout``), then the refusals (agreement not
   approved, outside the agreement, above hours x rate, later than six weeks: ``geweigerd``), else ``betaald``;
4. only two checks depend on the lines before: the weekly limit (what the zorgverlener was paid for that calendar
   week for this budgethouder, Rlz art. 5.18 onder d) and the remaining reservation. Per group (budgethouder,
   zorgverlener) they cannot refuse any line when (a) the group's declarations, the batch's and the ones paid
   before, cover pairwise disjoint days, each at most 2,393 minutes per 7 days (then a week holds at most
   7 x 341.86 + 7 <= 2,400 minutes: every week's share rounds up by less than one minute per declaration, and at
   most seven declarations fit in one week's days), and (b) every agreement's reservation holds the sum of all
   its lines that reach the check. That is one window function and one GROUP BY over the batch. Such a group's
   outcomes are those of step 3, whatever the order;
5. every other group ("sequential") is decided line by line in line order by ``model.beoordeel_declaratie``
   itself, the function the one-by-one path calls, on the state read from the database once (its agreements,
   beschikkingen, reservations and paid declarations in the batch's weeks);
6. the declarations, payments and journal lines are written with one ``INSERT ... SELECT`` each, the agreements'
   reservations and the budgets' ledger columns with one ``UPDATE`` each; a line refused for its input (one by
   one: an error, nothing written) goes into ``pgb_batchregels`` with field and reason; the outcome of every
   other line is its declaration (id: the batch id's first 20 characters and the line number); one access-log
   line per budgethouder of the batch.

On PostgreSQL, where the account may (a superuser, or ``GRANT SET ON PARAMETER session_replication_role``), the
writes of step 6 run with the per-row foreign-key triggers off (``SET LOCAL session_replication_role = replica``):
their references are checked set-based instead, before the writes, under the same locks the triggers would take
(the beschikkingen ``FOR UPDATE``, the agreements ``FOR KEY SHARE``), and the counts of what was written are
compared after. Without that right the triggers run as usual (slower, the same result).

The outcome equals one-by-one processing of the lines in their order (``tests/pgb/test_batch.py`` compares the
ledgers on random input, SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy.engine import CursorResult
from sqlalchemy.orm import Session

from wlz.common.errors import InputError
from wlz.platform.auth import now

from . import services
from .domain import bronnen, model
from .storage import orm

BETAALD, GEWEIGERD, FOUT = "betaald", "geweigerd", "fout"

#: (b) of step 4: a declaration of M minutes over D days is "light" when 7 * M <= LICHT * D (LICHT = 2,400 - 7)
LICHT = bronnen.MAX_MINUTEN_PER_WEEK - 7


@dataclass(frozen=True)
class BatchRegel:
    """One declaration as sent: for ``overeenkomst_id``, care from ``van`` to ``tot``, hours and amount."""

    overeenkomst_id: str
    van: dt.date
    tot: dt.date
    uren: float
    bedrag_cent: int
    ingediend_op: dt.date


@dataclass(frozen=True)
class BatchResultaat:
    batch_id: str
    aantal: int
    betaald: int
    geweigerd: int
    fout: int
    #: lines decided one after the other (step 5); the others were decided set-based
    sequentieel: int


_KOLOMMEN = ("regel", "overeenkomst_id", "van", "tot", "uren", "minuten", "bedrag", "ingediend_op")


def _rows(regels: Iterable[BatchRegel]) -> list[tuple[Any, ...]]:
    out = []
    for i, r in enumerate(regels, start=1):
        if len(r.overeenkomst_id) > 64:
            raise InputError(f"regels[{i}].overeenkomst_id", "te lang (ten hoogste 64 tekens)")
        out.append(
            (
                i,
                r.overeenkomst_id,
                r.van,
                r.tot,
                float(r.uren),
                model.minuten(r.uren),
                int(r.bedrag_cent),
                r.ingediend_op,
            )
        )
    return out


def _temp(naam: str, *kolommen: sa.Column[Any]) -> sa.Table:
    """A temporary table for the length of the transaction (no WAL on PostgreSQL; dropped at the end)."""
    return sa.Table(naam, sa.MetaData(), *kolommen, prefixes=["TEMPORARY"])


_INVOER = _temp(
    "pgb_batch_invoer",
    sa.Column("regel", sa.Integer),
    sa.Column("overeenkomst_id", sa.String(64)),
    sa.Column("van", sa.Date),
    sa.Column("tot", sa.Date),
    sa.Column("uren", sa.Float),
    sa.Column("minuten", sa.Integer),
    sa.Column("bedrag", sa.BigInteger),
    sa.Column("ingediend_op", sa.Date),
)

#: the lines with their agreement, beschikking and the outcome of step 3 (changed by step 5 for its groups)
_WERK = _temp(
    "pgb_batch_werk",
    *[sa.Column(k.name, k.type) for k in _INVOER.c],
    sa.Column("declaratie_id", sa.String(32)),
    sa.Column("beschikking_id", sa.String(32)),
    sa.Column("budgethouder_id", sa.String(32)),
    sa.Column("zorgverlener_id", sa.String(32)),
    sa.Column("uitkomst", sa.String(10)),
    sa.Column("veld", sa.String(40)),
    sa.Column("reden", sa.Text),
    sa.Column("bron", sa.String(100)),
)

#: the columns a line refused for its input keeps in ``pgb_batchregels``
_NAAR_BATCHREGELS = [k.name for k in _WERK.c if k.name != "budgethouder_id"]

#: the outcomes decided one after the other (step 5)
_BESLIST = _temp(
    "pgb_batch_beslist",
    sa.Column("regel", sa.Integer, primary_key=True),
    sa.Column("uitkomst", sa.String(10)),
    sa.Column("veld", sa.String(40)),
    sa.Column("reden", sa.Text),
    sa.Column("bron", sa.String(100)),
)

#: the groups (budgethouder, zorgverlener) decided one line after the other (step 5)
_ZWAAR = _temp(
    "pgb_batch_zwaar", sa.Column("budgethouder_id", sa.String(32)), sa.Column("zorgverlener_id", sa.String(32))
)

#: per agreement with a declaration in the batch: what it paid and how many declarations it got (step 6)
_PER_OVK = _temp(
    "pgb_batch_per_overeenkomst",
    sa.Column("overeenkomst_id", sa.String(64)),
    sa.Column("beschikking_id", sa.String(32)),
    sa.Column("budgethouder_id", sa.String(32)),
    sa.Column("som", sa.BigInteger),
    sa.Column("aantal", sa.Integer),
    sa.Column("betaald", sa.Integer),
)

_TABELLEN = (_INVOER, _WERK, _BESLIST, _ZWAAR, _PER_OVK)


class _Sql:
    """The few expressions whose SQL differs between PostgreSQL and SQLite: day numbers, dates as text, ids."""

    def __init__(self, dialect: str) -> None:
        self.pg = dialect == "postgresql"

    def dag(self, col: Any) -> Any:
        """Days since 1970-01-01 (``model.dagnummer``)."""
        if self.pg:
            return sa.cast(col - sa.literal(model.EPOCH, sa.Date), sa.Integer)
        return sa.cast(sa.func.julianday(col) - 2440587.5, sa.Integer)

    def plus_dagen(self, col: Any, dagen: int) -> Any:
        if self.pg:
            return col + sa.literal(dagen)
        return sa.func.date(col, f"{dagen:+d} days")

    def ddmmjjjj(self, col: Any) -> Any:
        """A date as ``%d-%m-%Y`` (as ``model.Beschikking.bevat`` writes it)."""
        if self.pg:
            return sa.func.to_char(col, "DD-MM-YYYY")
        return sa.func.strftime("%d-%m-%Y", col)

    def zonder_index(self, col: Any) -> Any:
        """SQLite: ``col`` in a form no index serves, so the planner goes from a budgethouder's beschikkingen to
        their agreements, not through every agreement of a zorgverlener (one zorgverlener may have thousands)."""
        return col if self.pg else col + ""

    def groep(self, budgethouder_id: Any, zorgverlener_id: Any) -> Any:
        """The partition of the disjointness test of step 4. PostgreSQL: a 64-bit hash of the two ids (sorts as a
        number; two groups that share a hash are tested as one, which can only send them to step 5)."""
        if self.pg:
            return sa.func.hashtextextended(budgethouder_id + "/" + zorgverlener_id, 0)
        return (budgethouder_id, zorgverlener_id)

    def declaratie_id(self, prefix: str, regel: Any) -> Any:
        """The id of a line's declaration: the batch id's first 20 characters and the line number in 12 digits."""
        if self.pg:
            return sa.literal(prefix) + sa.func.lpad(sa.cast(regel, sa.Text), 12, "0")
        return sa.func.printf("%s%012d", prefix, regel)


def _copy(s: Session, tabel: sa.Table, rows: Sequence[tuple[Any, ...]]) -> None:
    """Rows into a (temporary) table: PostgreSQL binary COPY (the server parses no text), SQLite executemany."""
    conn = s.connection()
    kolommen = [k.name for k in tabel.c]
    if conn.dialect.name == "postgresql":
        raw = conn.connection.driver_connection
        typen = [_PG_TYPE[type(k.type)] for k in tabel.c]
        opdracht = f"COPY {tabel.name} ({', '.join(kolommen)}) FROM STDIN (FORMAT BINARY)"
        with raw.cursor() as cur, cur.copy(opdracht) as cp:  # type: ignore[union-attr]
            cp.set_types(typen)
            for row in rows:
                cp.write_row(row)
        return
    for i in range(0, len(rows), 10_000):
        s.execute(sa.insert(tabel), [dict(zip(kolommen, row, strict=True)) for row in rows[i : i + 10_000]])


#: the PostgreSQL type of each column type of the temporary tables, for the binary COPY
_PG_TYPE: dict[type[Any], str] = {
    sa.Integer: "int4",
    sa.BigInteger: "int8",
    sa.Float: "float8",
    sa.Date: "date",
    sa.String: "text",
    sa.Text: "text",
}


def verwerk_declaraties(uows: services.Uows, actor: services.Actor, regels: Iterable[BatchRegel]) -> BatchResultaat:
    """Process a batch of declarations (the SVB's bulk intake; role beoordelaar or the command line): all or
    nothing as one transaction; per line paid, refused with the rule, or refused for its input."""
    services._rol(actor, services.BEOORDELAAR)
    batch_id = uuid.uuid4().hex
    rows = _rows(regels)
    if not rows:
        raise InputError("regels", "de batch is leeg")
    with uows(write=True) as uow:
        s = uow.session
        sql = _Sql(s.connection().dialect.name)
        if sql.pg:
            # the work tables and the sorts of one batch in memory where it fits (this transaction only); the
            # temporary tables' buffers can be sized only before the session's first temporary table
            s.execute(sa.text("SET LOCAL work_mem = '256MB'"))
            if not s.execute(sa.text("SELECT pg_my_temp_schema() <> 0")).scalar_one():
                s.execute(sa.text("SET LOCAL temp_buffers = '512MB'"))
        s.execute(
            sa.insert(orm.batches).values(
                id=batch_id,
                tijdstip=now(),
                gebruiker_id=actor.gebruiker_id,
                aantal=len(rows),
                betaald=0,
                geweigerd=0,
                fout=0,
            )
        )
        for t in _TABELLEN:  # left over from a batch that failed on this connection
            t.drop(s.connection(), checkfirst=True)
        _INVOER.create(s.connection())
        _copy(s, _INVOER, rows)
        _lock(s, sql)
        _werk(s, sql, batch_id[:20])
        sequentieel = _sequentieel(s, sql)
        tijdstip = now()
        _schrijf(s, sql, batch_id, tijdstip, actor)
        w = _WERK.c
        tel: dict[str, int] = dict(s.execute(sa.select(w.uitkomst, sa.func.count()).group_by(w.uitkomst)).all())
        res = BatchResultaat(
            batch_id, len(rows), tel.get(BETAALD, 0), tel.get(GEWEIGERD, 0), tel.get(FOUT, 0), sequentieel
        )
        if res.betaald + res.geweigerd + res.fout != res.aantal:  # every line has an outcome; refuse to commit if not
            raise RuntimeError("batch: niet elke regel heeft een uitkomst")
        s.execute(
            sa.update(orm.batches)
            .where(orm.batches.c.id == batch_id)
            .values(betaald=res.betaald, geweigerd=res.geweigerd, fout=res.fout)
        )
        for t in _TABELLEN:
            t.drop(s.connection(), checkfirst=True)
        uow.commit()
    return res


def _lock(s: Session, sql: _Sql) -> None:
    """Step 2: every beschikking of every budgethouder of the batch, in id order (the weekly limit counts the
    zorgverlener's hours for the budgethouder across the beschikkingen of both years of a week)."""
    if not sql.pg:
        return
    b, o, i = orm.beschikkingen.c, orm.overeenkomsten.c, _INVOER.c
    bh = (
        sa.select(b.budgethouder_id)
        .select_from(_INVOER.join(orm.overeenkomsten, o.id == i.overeenkomst_id))
        .join(orm.beschikkingen, b.id == o.beschikking_id)
    )
    ids = sa.select(b.id).where(b.budgethouder_id.in_(bh)).order_by(b.id).with_for_update().subquery()
    s.execute(sa.select(sa.func.count()).select_from(ids)).scalar_one()


def _werk(s: Session, sql: _Sql, prefix: str) -> None:
    """Step 3: each line with its agreement, beschikking and the outcome that does not depend on earlier lines."""
    i, o, b = _INVOER.c, orm.overeenkomsten.c, orm.beschikkingen.c
    # the conditions in the order of model.beoordeel_declaratie; a line takes the first that holds (its number,
    # computed once per line in the inner query; 0: none holds, paid)
    voorwaarden = [
        o.id.is_(None),
        i.bedrag <= 0,
        i.uren <= 0,
        i.tot < i.van,
        sa.or_(i.van < b.van, i.van > b.tot),
        sa.or_(i.tot < b.van, i.tot > b.tot),
        o.status != model.Status.goedgekeurd.value,
        sa.or_(o.van > i.van, i.tot > o.tot),
        i.bedrag > i.uren * o.uurtarief + 0.5,
        (sql.dag(i.ingediend_op) - sql.dag(i.tot)) > bronnen.DECLARATIE_TERMIJN_DAGEN,
    ]
    q = (
        sa.select(
            *[i[k] for k in _KOLOMMEN],
            sql.declaratie_id(prefix, i.regel).label("declaratie_id"),
            o.beschikking_id,
            b.budgethouder_id,
            o.zorgverlener_id,
            b.van.label("b_van"),
            b.tot.label("b_tot"),
            sa.case(*[(v, n) for n, v in enumerate(voorwaarden, start=1)], else_=0).label("code"),
        )
        .select_from(
            _INVOER.outerjoin(orm.overeenkomsten, o.id == i.overeenkomst_id).outerjoin(
                orm.beschikkingen, b.id == o.beschikking_id
            )
        )
        .offset(0)  # keeps the database from copying the CASE into each use below (one evaluation per line)
        .subquery()
    )
    buiten = (
        sa.literal("de datum ligt buiten de beschikking (")
        + sql.ddmmjjjj(q.c.b_van)
        + " t/m "
        + sql.ddmmjjjj(q.c.b_tot)
        + ")"
    )
    # per condition number: (outcome, field, reason, rule)
    uitkomsten: list[tuple[str, str | None, Any, str | None]] = [
        (FOUT, "overeenkomst_id", "onbekende zorgovereenkomst", None),
        (FOUT, "bedrag", "het bedrag moet groter dan nul zijn", None),
        (FOUT, "uren", "het aantal uren moet groter dan nul zijn", None),
        (FOUT, "tot", "de einddatum ligt voor de begindatum", None),
        (FOUT, "van", buiten, None),
        (FOUT, "tot", buiten, None),
        (GEWEIGERD, None, "de zorgovereenkomst is niet goedgekeurd", "Blz art. 3.6.6"),
        (GEWEIGERD, None, "de periode valt buiten de zorgovereenkomst", "Rlz art. 5.23, lid 2, onder d"),
        (GEWEIGERD, None, "het bedrag is hoger dan uren × overeengekomen tarief", "Rlz art. 5.23, lid 2, onder d"),
        (GEWEIGERD, None, "ingediend meer dan zes weken na de zorg", bronnen.BRON_DECLARATIE_TERMIJN.titel),
    ]
    assert len(uitkomsten) == len(voorwaarden)

    def kies(n: int, anders: str | None) -> Any:
        """Column ``n`` of the outcome of the line's condition number."""
        return sa.case({k: _waarde(u[n]) for k, u in enumerate(uitkomsten, start=1)}, value=q.c.code, else_=anders)

    _WERK.create(s.connection())
    s.execute(
        sa.insert(_WERK).from_select(
            [k.name for k in _WERK.c],
            sa.select(
                *[q.c[k] for k in _KOLOMMEN],
                q.c.declaratie_id,
                q.c.beschikking_id,
                q.c.budgethouder_id,
                q.c.zorgverlener_id,
                kies(0, BETAALD),
                kies(1, None),
                kies(2, None),
                kies(3, bronnen.BRON_BETAALTERMIJN.titel),
            ),
        )
    )
    _INVOER.drop(s.connection())
    s.execute(sa.text("ANALYZE pgb_batch_werk" if sql.pg else "ANALYZE temp.pgb_batch_werk"))


def _waarde(v: Any) -> Any:
    if isinstance(v, sa.ColumnElement):
        return v
    return sa.null() if v is None else sa.literal(v)


def _sequentieel(s: Session, sql: _Sql) -> int:
    """Steps 4 and 5: find the groups whose outcome may depend on the order, and decide their lines one after the
    other with ``model.beoordeel_declaratie``. Returns the number of lines so decided."""
    w, b, o = _WERK.c, orm.beschikkingen.c, orm.overeenkomsten.c
    kandidaat = w.uitkomst != FOUT
    eerste, laatste = s.execute(sa.select(sa.func.min(w.van), sa.func.max(w.tot)).where(kandidaat)).one()
    if eerste is None:
        return 0
    eerste, laatste = model.maandag(_datum(eerste)), _datum(laatste) + dt.timedelta(days=6)
    groepen = sa.select(w.budgethouder_id, w.zorgverlener_id).where(kandidaat).distinct().subquery()
    # the items of (a): the batch's lines that reach the weekly check, and the group's paid declarations in the
    # batch's weeks (under any beschikking of the budgethouder: a week across New Year counts both years)
    items = sa.union_all(
        sa.select(w.budgethouder_id, w.zorgverlener_id, w.van, w.tot, w.minuten).where(kandidaat),
        _betaalde(sql, groepen, eerste, laatste),
    ).subquery()
    i = items.c
    vorige = sa.func.max(i.tot).over(
        partition_by=sql.groep(i.budgethouder_id, i.zorgverlener_id), order_by=(i.van, i.tot), rows=(None, -1)
    )
    v = sa.select(i.budgethouder_id, i.zorgverlener_id, i.van, i.tot, i.minuten, vorige.label("vorige")).subquery()
    dagen = sql.dag(v.c.tot) - sql.dag(v.c.van) + 1
    week = sa.select(v.c.budgethouder_id, v.c.zorgverlener_id).where(
        sa.or_(v.c.vorige >= v.c.van, 7 * sa.cast(v.c.minuten, sa.BigInteger) > LICHT * dagen)
    )
    # (b): an agreement whose reservation does not hold all its lines that reach the reservation check
    som = (
        sa.select(w.overeenkomst_id, sa.func.sum(w.bedrag).label("som"))
        .where(w.uitkomst == BETAALD)
        .group_by(w.overeenkomst_id)
        .subquery()
    )
    krap = sa.select(o.id).join(som, som.c.overeenkomst_id == o.id).where(som.c.som > o.gereserveerd)
    reservering = sa.select(w.budgethouder_id, w.zorgverlener_id).where(w.overeenkomst_id.in_(krap))
    _ZWAAR.create(s.connection())
    s.execute(sa.insert(_ZWAAR).from_select(["budgethouder_id", "zorgverlener_id"], sa.union(week, reservering)))
    z = _ZWAAR.c
    in_zwaar = sa.and_(z.budgethouder_id == w.budgethouder_id, z.zorgverlener_id == w.zorgverlener_id)
    regels = s.execute(
        sa.select(
            w.regel,
            w.overeenkomst_id,
            w.van,
            w.tot,
            w.uren,
            w.bedrag,
            w.ingediend_op,
            w.budgethouder_id,
            w.zorgverlener_id,
        )
        .join(_ZWAAR, in_zwaar)
        .where(kandidaat)
        .order_by(w.regel)
    ).all()
    if not regels:
        return 0
    ovk_ids = sa.select(w.overeenkomst_id).join(_ZWAAR, in_zwaar).where(kandidaat)
    ovk = {
        m.id: (m, rest)
        for m, rest in services._overeenkomsten(s, sa.select(orm.overeenkomsten).where(o.id.in_(ovk_ids)))
    }
    besch = {
        m.id: m
        for m in services._beschikkingen(
            s, sa.select(orm.beschikkingen).where(b.id.in_(sa.select(o.beschikking_id).where(o.id.in_(ovk_ids))))
        )
    }
    gr = sa.select(z.budgethouder_id, z.zorgverlener_id).subquery()
    eerdere: dict[tuple[str, str], list[tuple[int, dt.date, dt.date]]] = {}
    for bh, zv, van, tot, minuten in s.execute(_betaalde(sql, gr, eerste, laatste)):
        eerdere.setdefault((bh, zv), []).append((int(minuten), _datum(van), _datum(tot)))
    resterend = {k: rest for k, (_, rest) in ovk.items()}
    beslist: list[tuple[int, str, str | None, str | None, str | None]] = []
    for regel, oid, van, tot, uren, bedrag, ingediend, bh, zv in regels:
        o_, _ = ovk[oid]
        decl = model.Declaratie(oid, _datum(van), _datum(tot), float(uren), int(bedrag), _datum(ingediend))
        paid = eerdere.setdefault((bh, zv), [])
        try:
            oordeel = model.beoordeel_declaratie(decl, o_, besch[o_.beschikking_id], resterend[oid], paid)
        except InputError as e:
            beslist.append((regel, FOUT, e.veld, e.melding, e.regel))
            continue
        if oordeel.betalen:
            resterend[oid] -= decl.bedrag_cent
            paid.append((decl.minuten, decl.van, decl.tot))
            beslist.append((regel, BETAALD, None, None, oordeel.regel))
        else:
            beslist.append((regel, GEWEIGERD, None, oordeel.reden or None, oordeel.regel))
    _BESLIST.create(s.connection())
    _copy(s, _BESLIST, beslist)
    bs = _BESLIST.c
    s.execute(
        sa.update(_WERK)
        .where(w.regel == bs.regel)
        .values(uitkomst=bs.uitkomst, veld=bs.veld, reden=bs.reden, bron=bs.bron)
    )
    return len(beslist)


def _betaalde(sql: _Sql, groepen: Any, eerste: dt.date, laatste: dt.date) -> Any:
    """(budgethouder, zorgverlener, van, tot, minutes) of the paid declarations of ``groepen`` that touch the days
    from ``eerste`` to ``laatste``, under every beschikking of the budgethouder."""
    b, o, d = orm.beschikkingen.c, orm.overeenkomsten.c, orm.declaraties.c
    g = groepen.c
    return (
        sa.select(b.budgethouder_id, o.zorgverlener_id, d.van, d.tot, d.minuten)
        .select_from(groepen)
        .join(orm.beschikkingen, b.budgethouder_id == g.budgethouder_id)
        .join(
            orm.overeenkomsten,
            sa.and_(o.beschikking_id == b.id, sql.zonder_index(o.zorgverlener_id) == g.zorgverlener_id),
        )
        .join(orm.declaraties, d.overeenkomst_id == o.id)
        .where(d.betaald.is_(True), d.tot >= eerste, d.van <= laatste)
    )


def _mag_zonder_triggers(s: Session) -> bool:
    """PostgreSQL: may this account set ``session_replication_role`` (a superuser, or granted the right, 15+)?"""
    superuser, versie = s.execute(
        sa.text("SELECT current_setting('is_superuser'), current_setting('server_version_num')::int")
    ).one()
    if superuser == "on":
        return True
    if versie < 150000:
        return False
    return bool(s.execute(sa.text("SELECT has_parameter_privilege('session_replication_role', 'SET')")).scalar_one())


def _schrijf(s: Session, sql: _Sql, batch_id: str, tijdstip: dt.datetime, actor: services.Actor) -> None:
    """Step 6: declarations, payments, journal, reservations, ledger columns, the refused input, the access log."""
    w, o, b = _WERK.c, orm.overeenkomsten, orm.beschikkingen
    vastgelegd = w.uitkomst.in_((BETAALD, GEWEIGERD))
    betaald = w.uitkomst == BETAALD
    # per agreement with a declaration: its beschikking, budgethouder and what it paid (one pass over the lines;
    # the checks, the reservations, the ledger and the access log read this)
    _PER_OVK.create(s.connection())
    s.execute(
        sa.insert(_PER_OVK).from_select(
            [k.name for k in _PER_OVK.c],
            sa.select(
                w.overeenkomst_id,
                sa.func.min(w.beschikking_id),
                sa.func.min(w.budgethouder_id),
                sa.func.coalesce(sa.func.sum(sa.case((betaald, w.bedrag), else_=0)), 0),
                sa.func.count(),
                sa.func.count().filter(betaald),
            )
            .where(vastgelegd)
            .group_by(w.overeenkomst_id),
        )
    )
    po = _PER_OVK.c
    zonder_triggers = sql.pg and _mag_zonder_triggers(s)
    if zonder_triggers:
        # what the foreign-key triggers would check and lock, set-based: every agreement of a declaration exists
        # (locked FOR KEY SHARE, as the trigger locks it); every beschikking of a payment exists (locked FOR UPDATE
        # in step 2)
        for ouder, kol, lock in ((o, po.overeenkomst_id, True), (b, po.beschikking_id, False)):
            rijen = sa.select(ouder.c.id).where(ouder.c.id.in_(sa.select(kol)))
            if lock:
                rijen = rijen.with_for_update(key_share=True)
            gevonden = s.execute(sa.select(sa.func.count()).select_from(rijen.subquery())).scalar_one()
            if gevonden != s.execute(sa.select(sa.func.count(sa.distinct(kol)))).scalar_one():
                raise RuntimeError("batch: een verwijzing naar een zorgovereenkomst of beschikking ontbreekt")
        s.execute(sa.text("SET LOCAL session_replication_role = replica"))
    kolommen = ["id", "overeenkomst_id", "van", "tot", "uren", "minuten", "bedrag", "ingediend_op", "betaald", "reden"]
    d = _geschreven(
        s,
        sa.insert(orm.declaraties).from_select(
            [*kolommen, "regel"],
            sa.select(
                w.declaratie_id,
                *[w[k] for k in kolommen[1:8]],
                betaald,
                w.reden,
                w.bron,
            )
            .where(vastgelegd)
            .order_by(w.regel),
        ),
    )
    p = _geschreven(
        s,
        sa.insert(orm.betalingen).from_select(
            ["id", "declaratie_id", "beschikking_id", "zorgverlener_id", "bedrag", "uiterlijk"],
            sa.select(
                w.declaratie_id,
                w.declaratie_id,
                w.beschikking_id,
                w.zorgverlener_id,
                w.bedrag,
                sql.plus_dagen(w.ingediend_op, bronnen.BETAALTERMIJN_DAGEN),
            )
            .where(betaald)
            .order_by(w.regel),
        ),
    )
    j = _geschreven(
        s,
        sa.insert(orm.boekingen).from_select(
            ["beschikking_id", "soort", "bedrag", "verwijzing", "tijdstip"],
            sa.select(
                w.beschikking_id,
                sa.literal("betaling"),
                w.bedrag,
                w.declaratie_id,
                sa.literal(tijdstip, orm.boekingen.c.tijdstip.type),
            )
            .where(betaald)
            .order_by(w.regel),
        ),
    )
    if zonder_triggers:
        s.execute(sa.text("SET LOCAL session_replication_role = origin"))
    # every declaration, payment and journal line written (both from the same lines: each payment has its
    # declaration)
    n_vast, n_betaald = s.execute(
        sa.select(sa.func.coalesce(sa.func.sum(po.aantal), 0), sa.func.coalesce(sa.func.sum(po.betaald), 0))
    ).one()
    if (d, p, j) != (n_vast, n_betaald, n_betaald):
        raise RuntimeError("batch: niet elke declaratie, betaling of boeking is geschreven")
    s.execute(
        sa.update(o).where(o.c.id == po.overeenkomst_id, po.som > 0).values(gereserveerd=o.c.gereserveerd - po.som)
    )
    som_b = (
        sa.select(po.beschikking_id.label("id"), sa.func.sum(po.som).label("som"))
        .group_by(po.beschikking_id)
        .having(sa.func.sum(po.som) > 0)
        .subquery()
    )
    s.execute(
        sa.update(b)
        .where(b.c.id == som_b.c.id)
        .values(gereserveerd=b.c.gereserveerd - som_b.c.som, betaald=b.c.betaald + som_b.c.som)
    )
    # the lines refused for their input: nothing else records them
    s.execute(
        sa.insert(orm.batchregels).from_select(
            ["batch_id", *_NAAR_BATCHREGELS],
            sa.select(sa.literal(batch_id), *[w[k] for k in _NAAR_BATCHREGELS]).where(w.uitkomst == FOUT),
        )
    )
    # one access-log line per budgethouder of the batch (NEN 7513: whose file was changed, by whom, why)
    s.execute(
        sa.insert(orm.toegangslog).from_select(
            ["tijdstip", "gebruiker_id", "gebruikersnaam", "rol", "client_id", "actie", "onderwerp", "doel", "kanaal"],
            sa.select(
                sa.literal(tijdstip, orm.toegangslog.c.tijdstip.type),
                sa.literal(actor.gebruiker_id),
                sa.literal(actor.gebruikersnaam),
                sa.literal(actor.rol),
                po.budgethouder_id,
                sa.literal("aanmaken"),
                sa.literal(f"declaraties (batch {batch_id})"),
                sa.literal("uitvoering pgb (Wlz art. 3.3.3)"),
                sa.literal(actor.kanaal),
            ).distinct(),
        )
    )


def _geschreven(s: Session, stmt: Any) -> int:
    """Execute an INSERT ... SELECT; the number of rows it wrote."""
    res = s.execute(stmt, execution_options={"preserve_rowcount": True})
    return int(cast(CursorResult[Any], res).rowcount)


def _datum(v: Any) -> dt.date:
    return v if isinstance(v, dt.date) else dt.date.fromisoformat(str(v))


def uitkomsten(
    uows: services.Uows, actor: services.Actor, batch_id: str, *, alleen_niet_betaald: bool = True
) -> list[dict[str, Any]]:
    """The lines of a batch with their outcome (by default the ones not paid): line, agreement, outcome, field,
    reason, rule. A line refused for its input is in ``pgb_batchregels``; every other line is its declaration, as
    it is now (a payment corrected later shows unpaid with the correction's reason). Older batches have every
    line in ``pgb_batchregels``; their declarations carry the same ids, so each line is read once."""
    services._rol(actor, services.BEOORDELAAR)
    c, d = orm.batchregels.c, orm.declaraties.c
    prefix = batch_id[:20]
    with uows() as uow:
        s = uow.session
        aantal = s.execute(sa.select(orm.batches.c.aantal).where(orm.batches.c.id == batch_id)).scalar()
        if aantal is None:
            return []
        oud = s.execute(sa.select(sa.func.count()).where(c.batch_id == batch_id)).scalar_one() == aantal
        q = sa.select(c.regel, c.overeenkomst_id, c.van, c.tot, c.uitkomst, c.veld, c.reden, c.bron).where(
            c.batch_id == batch_id
        )
        # the batch's declaration ids are consecutive under the primary key: a range scan, checked exactly
        eigen = sa.and_(d.id >= prefix + "0" * 12, d.id <= prefix + "9" * 12, sa.func.substr(d.id, 1, 20) == prefix)
        qd = sa.select(d.id, d.overeenkomst_id, d.van, d.tot, d.betaald, d.reden, d.regel).where(eigen)
        if alleen_niet_betaald:
            q, qd = q.where(c.uitkomst != BETAALD), qd.where(d.betaald.is_(False))
        regels = {r["regel"]: dict(r) for r in s.execute(q).mappings()}
        for r in () if oud else s.execute(qd):
            regels.setdefault(
                int(r.id[20:]),
                {
                    "regel": int(r.id[20:]),
                    "overeenkomst_id": r.overeenkomst_id,
                    "van": r.van,
                    "tot": r.tot,
                    "uitkomst": BETAALD if r.betaald else GEWEIGERD,
                    "veld": None,
                    "reden": r.reden,
                    "bron": r.regel,
                },
            )
    return [regels[k] for k in sorted(regels)]
