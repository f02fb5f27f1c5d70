"""The batch path for declarations (issue 13: 100,000 budgethouders x 12 monthly declarations): the same checks
and the same ledger result as ``services.dien_declaratie_in`` one by one, done set-based in one transaction.

1. the lines go into a temporary table (PostgreSQL: COPY; SQLite: executemany), each with the id its declaration
   will get, then into the staging table ``pgb_batchregels`` in one INSERT ... SELECT with their agreement's
   beschikking and zorgverlener and their rank per (beschikking, zorgverlener) in line order (an unknown agreement:
   refused there);
2. every beschikking the batch touches is locked (PostgreSQL ``SELECT ... FOR UPDATE`` in id order, the same row
   lock the one-by-one path takes; SQLite: the writing unit of work holds the database's write lock), so a
   declaration through the normal path waits for the batch or the batch for it — never both on one budget;
3. the checks that do not depend on earlier payments run as UPDATEs over the whole batch, in the order of
   ``domain.model.beoordeel_declaratie`` (bedrag, uren, dates);
4. round r takes the lines of rank r: no two lines of
   a round share a zorgverlener's weeks or an agreement's reservation, so every check of the round (the weekly
   limit in minutes, the agreement, the rate, the six weeks, the remaining reservation) reads exactly what the
   one-by-one path would have read after the lines before it; the round's declarations are written with
   INSERT ... SELECT and the agreements' reservations with UPDATE ... FROM. A batch of monthly declarations takes
   12 rounds whatever its size. After the last round the payments, their journal lines and the budgets' ledger
   columns are written for the whole batch at once (no check reads them);
5. a line refused for its input (one by one: an error, nothing written) keeps ``uitkomst = 'fout'`` with the
   field and the reason in the staging table; a refused declaration is recorded as one by one
   (``uitkomst = 'geweigerd'``); one access-log line per budgethouder of the batch.

The outcome equals one-by-one processing of the lines in their order (``tests/pgb/test_batch.py`` compares the
ledgers on random input, SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from wlz.common.errors import InputError
from wlz.platform.auth import now

from . import services
from .domain import bronnen, model
from .storage import orm

BETAALD, GEWEIGERD, FOUT = "betaald", "geweigerd", "fout"


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
    rondes: int


_KOLOMMEN = (
    "batch_id",
    "regel",
    "overeenkomst_id",
    "van",
    "tot",
    "uren",
    "minuten",
    "bedrag",
    "ingediend_op",
    "declaratie_id",
)


def _rows(batch_id: str, regels: Iterable[BatchRegel]) -> list[tuple[Any, ...]]:
    out = []
    for i, r in enumerate(regels, start=1):
        if len(r.overeenkomst_id) > 64:
            raise InputError(f"regels[{i}].overeenkomst_id", "te lang (ten hoogste 64 tekens)")
        out.append(
            (
                batch_id,
                i,
                r.overeenkomst_id,
                r.van,
                r.tot,
                float(r.uren),
                model.minuten(r.uren),
                int(r.bedrag_cent),
                r.ingediend_op,
                f"{batch_id[:20]}{i:012d}",
            )
        )
    return out


#: the lines as sent, for the length of the transaction (a temporary table: no index, no WAL on PostgreSQL)
_INVOER = sa.Table(
    "pgb_batch_invoer",
    sa.MetaData(),
    *[sa.Column(k, orm.batchregels.c[k].type) for k in _KOLOMMEN],
    prefixes=["TEMPORARY"],
)


def _load(s: Session, rows: Sequence[tuple[Any, ...]]) -> None:
    conn = s.connection()
    _INVOER.drop(conn, checkfirst=True)
    _INVOER.create(conn)
    if conn.dialect.name == "postgresql":
        raw = conn.connection.driver_connection
        kolommen = ", ".join(_KOLOMMEN)
        with raw.cursor() as cur, cur.copy(f"COPY pgb_batch_invoer ({kolommen}) FROM STDIN") as cp:  # type: ignore[union-attr]
            for row in rows:
                cp.write_row(row)
        return
    for i in range(0, len(rows), 10_000):
        s.execute(sa.insert(_INVOER), [dict(zip(_KOLOMMEN, row, strict=True)) for row in rows[i : i + 10_000]])


class _Sql:
    """The few expressions whose SQL differs between PostgreSQL and SQLite: day numbers and date arithmetic."""

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


def _share(sql: _Sql, minuten: Any, van: Any, tot: Any, w: Any) -> Any:
    """``model.week_minuten`` of one week ``w`` (a Monday's day number) in SQL: floor(M*through/D) - floor(M*before/D),
    with integer division of non-negative integers (the same integers as Python's //)."""
    v, t = sql.dag(van), sql.dag(tot)
    d = t - v + 1
    m = sa.cast(minuten, sa.BigInteger)
    door = sa.func.least(t, w + 6) if sql.pg else sa.func.min(t, w + 6)
    voor = sa.func.greatest(w - v, 0) if sql.pg else sa.func.max(w - v, 0)
    return (m * (door - v + 1)) // d - (m * voor) // d


def verwerk_declaraties(uows: services.Uows, actor: services.Actor, regels: Iterable[BatchRegel]) -> BatchResultaat:
    """Process a batch of declarations (the SVB's bulk intake; role beoordelaar or the command line): all or
    nothing as one transaction; per line paid, refused with the rule, or refused for its input."""
    services._rol(actor, services.BEOORDELAAR)
    batch_id = uuid.uuid4().hex
    rows = _rows(batch_id, regels)
    if not rows:
        raise InputError("regels", "de batch is leeg")
    st = orm.batchregels
    c = st.c
    o = orm.overeenkomsten
    b = orm.beschikkingen
    mijn = c.batch_id == batch_id
    open_ = c.uitkomst.is_(None)
    with uows(write=True) as uow:
        s = uow.session
        sql = _Sql(s.connection().dialect.name)
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
        # the lines go into a temporary table as sent, then into the staging table in one INSERT ... SELECT with
        # the agreement's beschikking and zorgverlener and the rank per (beschikking, zorgverlener) in line order
        # (one line of each per round); an unknown agreement is refused there (one by one: not found)
        _load(s, rows)
        i = _INVOER.c
        heeft = o.c.id.is_not(None)
        s.execute(
            sa.insert(st).from_select(
                [*_KOLOMMEN, "beschikking_id", "zorgverlener_id", "rang", "uitkomst", "veld", "reden"],
                sa.select(
                    *[i[k] for k in _KOLOMMEN],
                    o.c.beschikking_id,
                    o.c.zorgverlener_id,
                    sa.case(
                        (
                            heeft,
                            sa.func.row_number().over(
                                partition_by=(o.c.beschikking_id, o.c.zorgverlener_id), order_by=i.regel
                            ),
                        ),
                        else_=None,
                    ),
                    sa.case((heeft, None), else_=FOUT),
                    sa.case((heeft, None), else_="overeenkomst_id"),
                    sa.case((heeft, None), else_="onbekende zorgovereenkomst"),
                ).select_from(_INVOER.outerjoin(o, o.c.id == i.overeenkomst_id)),
            )
        )
        _INVOER.drop(s.connection())
        # the planner needs the new lines' ranks to join a round's lines by index or by hash; SQLite also needs to
        # know that a zorgverlener's index is no way into its agreements (sampled: analysis_limit)
        if sql.pg:
            s.execute(sa.text("ANALYZE pgb_batchregels"))
        else:
            s.execute(sa.text("PRAGMA analysis_limit=1000"))
            s.execute(sa.text("ANALYZE"))
        # lock every budget of the batch, in id order (the normal path locks the same rows: FOR UPDATE)
        if sql.pg:
            s.execute(
                sa.select(b.c.id)
                .where(b.c.id.in_(sa.select(c.beschikking_id).where(mijn, c.beschikking_id.is_not(None))))
                .order_by(b.c.id)
                .with_for_update()
            ).all()
        # input checks, in the order of beoordeel_declaratie
        _fout(s, mijn & open_ & (c.bedrag <= 0), "bedrag", "het bedrag moet groter dan nul zijn", None)
        _fout(s, mijn & open_ & (c.uren <= 0), "uren", "het aantal uren moet groter dan nul zijn", None)
        _fout(s, mijn & open_ & (c.tot < c.van), "tot", "de einddatum ligt voor de begindatum", None)
        for veld, kol in (("van", c.van), ("tot", c.tot)):
            buiten = s.execute(
                sa.select(c.regel, b.c.van, b.c.tot).where(
                    mijn, open_, b.c.id == c.beschikking_id, sa.or_(kol < b.c.van, kol > b.c.tot)
                )
            ).all()
            _fout_regels(
                s,
                batch_id,
                [
                    (r, veld, f"de datum ligt buiten de beschikking ({bv:%d-%m-%Y} t/m {bt:%d-%m-%Y})", None)
                    for r, bv, bt in buiten
                ],
            )
        rondes = int(s.execute(sa.select(sa.func.coalesce(sa.func.max(c.rang), 0)).where(mijn, open_)).scalar_one())
        if rondes:
            eerste, laatste = s.execute(sa.select(sa.func.min(c.van), sa.func.max(c.tot)).where(mijn, open_)).one()
            w = model.dagnummer(model.maandag(_datum(eerste)))
            s.execute(
                sa.insert(orm.batchweken),
                [{"batch_id": batch_id, "maandag": m} for m in range(w, model.dagnummer(_datum(laatste)) + 1, 7)],
            )
        tijdstip = now()
        for r in range(1, rondes + 1):
            _ronde(s, sql, batch_id, r)
        _betaal(s, sql, batch_id, tijdstip)
        # one access-log line per budgethouder of the batch (NEN 7513: whose file was changed, by whom, why)
        s.execute(
            sa.insert(orm.toegangslog).from_select(
                [
                    "tijdstip",
                    "gebruiker_id",
                    "gebruikersnaam",
                    "rol",
                    "client_id",
                    "actie",
                    "onderwerp",
                    "doel",
                    "kanaal",
                ],
                sa.select(
                    sa.literal(tijdstip, orm.toegangslog.c.tijdstip.type),
                    sa.literal(actor.gebruiker_id),
                    sa.literal(actor.gebruikersnaam),
                    sa.literal(actor.rol),
                    b.c.budgethouder_id,
                    sa.literal("aanmaken"),
                    sa.literal(f"declaraties (batch {batch_id})"),
                    sa.literal("uitvoering pgb (Wlz art. 3.3.3)"),
                    sa.literal(actor.kanaal),
                )
                .where(b.c.id.in_(sa.select(c.beschikking_id).where(mijn, c.uitkomst.in_((BETAALD, GEWEIGERD)))))
                .distinct(),
            )
        )
        tel: dict[str, int] = dict(
            s.execute(sa.select(c.uitkomst, sa.func.count()).where(mijn).group_by(c.uitkomst)).all()
        )
        res = BatchResultaat(batch_id, len(rows), tel.get(BETAALD, 0), tel.get(GEWEIGERD, 0), tel.get(FOUT, 0), rondes)
        if res.betaald + res.geweigerd + res.fout != res.aantal:  # every line has an outcome; refuse to commit if not
            raise RuntimeError("batch: niet elke regel heeft een uitkomst")
        s.execute(
            sa.update(orm.batches)
            .where(orm.batches.c.id == batch_id)
            .values(betaald=res.betaald, geweigerd=res.geweigerd, fout=res.fout)
        )
        uow.commit()
    return res


def _datum(v: Any) -> dt.date:
    return v if isinstance(v, dt.date) else dt.date.fromisoformat(str(v))


def _fout(s: Session, waar: Any, veld: str, reden: str, bron: str | None) -> None:
    s.execute(sa.update(orm.batchregels).where(waar).values(uitkomst=FOUT, veld=veld, reden=reden, bron=bron))


def _fout_regels(s: Session, batch_id: str, regels: Sequence[tuple[int, str, str, str | None]]) -> None:
    if not regels:
        return
    c = orm.batchregels.c
    s.execute(
        sa.update(orm.batchregels)
        .where(c.batch_id == batch_id, c.regel == sa.bindparam("r"), c.uitkomst.is_(None))
        .values(uitkomst=FOUT, veld=sa.bindparam("v"), reden=sa.bindparam("m"), bron=sa.bindparam("b")),
        [{"r": r, "v": v, "m": m, "b": bron} for r, v, m, bron in regels],
    )


def _ronde(s: Session, sql: _Sql, batch_id: str, r: int) -> None:
    st, c = orm.batchregels, orm.batchregels.c
    o, d = orm.overeenkomsten, orm.declaraties
    deze = sa.and_(c.batch_id == batch_id, c.rang == r)
    open_ = c.uitkomst.is_(None)
    wk = orm.batchweken.c
    week_van = sql.dag(c.van)
    maandag_van = week_van - (week_van + 3) % 7
    eigen = _share(sql, c.minuten, c.van, c.tot, wk.maandag)
    grens = bronnen.MAX_MINUTEN_PER_WEEK
    # (1) a week in which this declaration alone is over the limit; only where it can be (share <= ceil(M*7/D))
    dagen = sql.dag(c.tot) - sql.dag(c.van) + 1
    kan = c.minuten * (sa.case((dagen < 7, dagen), else_=7)) > grens * dagen
    alleen = (
        sa.select(c.regel.label("regel"), wk.maandag.label("w"))
        .where(deze, open_, kan, wk.batch_id == batch_id, wk.maandag >= maandag_van, wk.maandag <= sql.dag(c.tot))
        .where(eigen > grens)
    )
    # (2) weeks shared with the zorgverlener's paid declarations under the same beschikking. The round's lines
    # first, materialised: so the database starts from them (by the rank's index), not from all lines of the batch
    rc = (
        sa.select(c.regel, c.beschikking_id, c.zorgverlener_id, c.minuten, c.van, c.tot)
        .where(deze, open_)
        .cte(f"ronde_{r}")
        .prefix_with("MATERIALIZED")
    )
    r_van = sql.dag(rc.c.van)
    p_van, p_tot = sql.dag(d.c.van), sql.dag(d.c.tot)
    gedeeld = (
        sa.select(
            rc.c.regel.label("regel"),
            wk.maandag.label("w"),
            (
                _share(sql, rc.c.minuten, rc.c.van, rc.c.tot, wk.maandag)
                + sa.func.sum(_share(sql, d.c.minuten, d.c.van, d.c.tot, wk.maandag))
            ).label("totaal"),
        )
        .select_from(rc)
        .join(o, sa.and_(o.c.beschikking_id == rc.c.beschikking_id, o.c.zorgverlener_id == rc.c.zorgverlener_id))
        .join(d, sa.and_(d.c.overeenkomst_id == o.c.id, d.c.betaald.is_(True)))
        .join(orm.batchweken, wk.batch_id == batch_id)
        .where(d.c.van <= sql.plus_dagen(rc.c.tot, 6), d.c.tot >= sql.plus_dagen(rc.c.van, -6))
        .where(wk.maandag >= r_van - (r_van + 3) % 7, wk.maandag <= sql.dag(rc.c.tot))
        .where(wk.maandag <= p_tot, wk.maandag + 6 >= p_van)
        .group_by(rc.c.regel, wk.maandag, rc.c.minuten, rc.c.van, rc.c.tot)
    ).subquery()
    te_veel = sa.union_all(alleen, sa.select(gedeeld.c.regel, gedeeld.c.w).where(gedeeld.c.totaal > grens)).subquery()
    eerste_week = s.execute(sa.select(te_veel.c.regel, sa.func.min(te_veel.c.w)).group_by(te_veel.c.regel)).all()
    _fout_regels(
        s,
        batch_id,
        [
            (
                regel,
                "uren",
                f"meer dan {bronnen.MAX_UREN_PER_WEEK} uur in de week van "
                f"{model.EPOCH + dt.timedelta(days=int(w)):%d-%m-%Y} voor deze zorgverlener",
                bronnen.BRON_MAX_UREN.titel,
            )
            for regel, w in eerste_week
        ],
    )
    # the outcome of every other line of the round, in the order of beoordeel_declaratie
    laat = (sql.dag(c.ingediend_op) - sql.dag(c.tot)) > bronnen.DECLARATIE_TERMIJN_DAGEN
    weigering = [
        (o.c.status != model.Status.goedgekeurd.value, "de zorgovereenkomst is niet goedgekeurd", "Blz art. 3.6.6"),
        (
            sa.or_(o.c.van > c.van, c.tot > o.c.tot),
            "de periode valt buiten de zorgovereenkomst",
            "Rlz art. 5.23, lid 2, onder d",
        ),
        (
            c.bedrag > c.uren * o.c.uurtarief + 0.5,
            "het bedrag is hoger dan uren × overeengekomen tarief",
            "Rlz art. 5.23, lid 2, onder d",
        ),
        (laat, "ingediend meer dan zes weken na de zorg", bronnen.BRON_DECLARATIE_TERMIJN.titel),
        (c.bedrag > o.c.gereserveerd, "het resterende budget is niet toereikend", "Blz art. 3.6.6"),
    ]
    s.execute(
        sa.update(st)
        .where(deze, open_, o.c.id == c.overeenkomst_id)
        .values(
            uitkomst=sa.case(*[(w, GEWEIGERD) for w, _, _ in weigering], else_=BETAALD),
            reden=sa.case(*[(w, m) for w, m, _ in weigering], else_=None),
            bron=sa.case(*[(w, br) for w, _, br in weigering], else_=bronnen.BRON_BETAALTERMIJN.titel),
        )
    )
    betaald = c.uitkomst == BETAALD
    vastgelegd = c.uitkomst.in_((BETAALD, GEWEIGERD))
    s.execute(
        sa.insert(d).from_select(
            [
                "id",
                "overeenkomst_id",
                "van",
                "tot",
                "uren",
                "minuten",
                "bedrag",
                "ingediend_op",
                "betaald",
                "reden",
                "regel",
            ],
            sa.select(
                c.declaratie_id,
                c.overeenkomst_id,
                c.van,
                c.tot,
                c.uren,
                c.minuten,
                c.bedrag,
                c.ingediend_op,
                betaald,
                c.reden,
                c.bron,
            ).where(deze, vastgelegd),
        )
    )
    # one line per agreement per round: the reservation goes down by what it paid
    s.execute(
        sa.update(o).where(c.overeenkomst_id == o.c.id, deze, betaald).values(gereserveerd=o.c.gereserveerd - c.bedrag)
    )


def _betaal(s: Session, sql: _Sql, batch_id: str, tijdstip: dt.datetime) -> None:
    """After the rounds: the payments, their journal lines and the budgets' ledger columns for the whole batch at
    once (no check reads them; the rounds read only the agreements' reservations and the paid declarations)."""
    c, b = orm.batchregels.c, orm.beschikkingen
    deze = c.batch_id == batch_id
    betaald = c.uitkomst == BETAALD
    s.execute(
        sa.insert(orm.betalingen).from_select(
            ["id", "declaratie_id", "beschikking_id", "zorgverlener_id", "bedrag", "uiterlijk"],
            sa.select(
                c.declaratie_id,
                c.declaratie_id,
                c.beschikking_id,
                c.zorgverlener_id,
                c.bedrag,
                sql.plus_dagen(c.ingediend_op, bronnen.BETAALTERMIJN_DAGEN),
            ).where(deze, betaald),
        )
    )
    s.execute(
        sa.insert(orm.boekingen).from_select(
            ["beschikking_id", "soort", "bedrag", "verwijzing", "tijdstip"],
            sa.select(
                c.beschikking_id,
                sa.literal("betaling"),
                c.bedrag,
                c.declaratie_id,
                sa.literal(tijdstip, orm.boekingen.c.tijdstip.type),
            ).where(deze, betaald),
        )
    )
    som = (
        sa.select(c.beschikking_id.label("bid"), sa.func.sum(c.bedrag).label("som"))
        .where(deze, betaald)
        .group_by(c.beschikking_id)
        .subquery()
    )
    s.execute(
        sa.update(b)
        .where(b.c.id == som.c.bid)
        .values(gereserveerd=b.c.gereserveerd - som.c.som, betaald=b.c.betaald + som.c.som)
    )


def uitkomsten(
    uows: services.Uows, actor: services.Actor, batch_id: str, *, alleen_niet_betaald: bool = True
) -> list[dict[str, Any]]:
    """The lines of a batch with their outcome (by default the refused ones): line, agreement, outcome, field,
    reason, rule."""
    services._rol(actor, services.BEOORDELAAR)
    c = orm.batchregels.c
    q = sa.select(c.regel, c.overeenkomst_id, c.van, c.tot, c.uitkomst, c.veld, c.reden, c.bron).where(
        c.batch_id == batch_id
    )
    if alleen_niet_betaald:
        q = q.where(c.uitkomst != BETAALD)
    with uows() as uow:
        return [dict(r) for r in uow.session.execute(q.order_by(c.regel)).mappings()]
