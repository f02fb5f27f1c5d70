"""Repositories: the collections the service layer works with. Queries live here, not in the use cases.

Queries name the tables' columns (``orm.clients.c.bsn``), not the mapped classes' attributes: the domain
classes are plain Python mapped imperatively, so the columns are what a type checker can see.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import CursorResult, Dialect, Row
from sqlalchemy.orm import Session, load_only, raiseload
from sqlalchemy.sql.base import ExecutableOption

from wlz.platform.access_log import AccessLog
from wlz.platform.auth import ApiToken, token_account_select

from ..domain.aanvraag import Aanvraag
from ..domain.bericht import IwlzBericht
from ..domain.model import (
    Client,
    Gebruiker,
    Indicatiebesluit,
    LeveringsvormKeuze,
    Zorgtoewijzing,
)
from . import orm

#: a plain row of a read model (``read_models``): its columns in order
PlainRow = Row[*tuple[Any, ...]]
_Select = sa.Select[*tuple[Any, ...]]


def _core(session: Session, stmt: sa.Executable, params: Mapping[str, Any]) -> CursorResult[Any]:
    """Run a Core statement on the session's connection (its transaction), past the ORM's execute path.

    For the hot API reads (a client's file, the client list, the work list), which answer with plain rows: no
    ORM objects, no identity map; each statement is built once (``_select``, with bind parameters) so SQLAlchemy
    neither rebuilds nor recompiles it. About a fifth of the CPU of ``session.scalars(...)``."""
    return session.connection().execute(stmt, dict(params))


@dataclass(frozen=True)
class _DriverPlan:
    """A hot statement compiled once for psycopg: its SQL, the values of binds the caller does not pass, and the
    type conversions SQLAlchemy would apply (per bind, per result column; None where there is none)."""

    sql: str
    defaults: Mapping[str, Any]
    binds: tuple[tuple[str, Callable[[Any], Any]], ...]
    results: tuple[Callable[[Any], Any] | None, ...] | None  # None: no column needs one


@lru_cache(maxsize=64)
def _driver_plan(stmt: sa.Select[Any] | sa.CompoundSelect[Any], dialect: Dialect) -> _DriverPlan | None:
    """The plan for ``stmt`` on ``dialect`` (PostgreSQL through psycopg), or None where SQLAlchemy must run it
    (another driver, expanding or post-compile parameters)."""
    if dialect.driver != "psycopg":
        return None
    compiled = stmt.compile(dialect=dialect)
    if compiled.positiontup or compiled.post_compile_params or compiled.literal_execute_params:
        return None
    if any(b.expanding for b in compiled.binds.values()):
        return None
    binds = tuple(
        (name, proc) for name, b in compiled.binds.items() if (proc := b.type.bind_processor(dialect)) is not None
    )
    defaults = {name: b.value for name, b in compiled.binds.items() if not b.required and b.value is not None}
    results = tuple(c.type.result_processor(dialect, None) for c in stmt.selected_columns)
    return _DriverPlan(str(compiled), defaults, binds, results if any(results) else None)


def _plain(session: Session, stmt: sa.Select[Any] | sa.CompoundSelect[Any], params: Mapping[str, Any]) -> list[Any]:
    """The hot API reads' rows (a client's file, the client list, the work list) as tuples, on PostgreSQL straight
    through the driver's cursor on the session's connection (in autocommit, as those reads run), past SQLAlchemy's
    execution layer: about half of the client CPU of ``_core`` for the same statement (a file's: 0.18-0.21 against
    0.36-0.44 ms in a loop), a tenth of a read's server CPU (``docs/service.md``). The statement is compiled once
    (``_driver_plan``), and the rows get the conversions SQLAlchemy would apply (``UTCDateTime``: timestamps in
    UTC). Any driver error runs the statement again through SQLAlchemy, which reports it as always (503 'database
    bezet', the connection invalidated after a disconnect); on SQLite it is ``_core``."""
    conn = session.connection()
    plan = _driver_plan(stmt, conn.dialect)
    driver = conn.connection.driver_connection
    # in a transaction a failed statement would abort it: only autocommit (as the hot reads run) goes direct
    if plan is None or driver is None or not getattr(driver, "autocommit", False):
        return list(_core(session, stmt, params))
    values = {**plan.defaults, **params}
    for name, proc in plan.binds:
        values[name] = proc(values.get(name))
    try:
        with driver.cursor() as cursor:
            cursor.execute(plan.sql, values)
            rows: list[Any] = cursor.fetchall()
    except conn.dialect.loaded_dbapi.Error:
        return list(_core(session, stmt, params))
    if plan.results is not None:
        results = plan.results
        rows = [tuple(v if f is None else f(v) for f, v in zip(results, r, strict=True)) for r in rows]
    return rows


def _name_like(like: Any) -> sa.ColumnElement[bool]:
    c = orm.clients.c
    return sa.or_(sa.func.lower(c.achternaam).like(like), sa.func.lower(c.voornamen).like(like))


#: days a provider still reads a client's file after its assignment ended (``WLZ_PROVIDER_ACCESS_DAYS``, set by
#: the app factory from its settings; see ``provider_access_since``)
PROVIDER_ACCESS_DAYS = [28]


def provider_access_since() -> dt.date:
    """An assignment that ended (its ``tot`` or the reported ``einde_zorg``) before this day no longer gives its
    provider access: the provider needs the file to finish and account for care given (claims within the
    zorgkantoor's period), not after that."""
    return dt.datetime.now(dt.UTC).date() - dt.timedelta(days=PROVIDER_ACCESS_DAYS[0])


def _still_open(since: Any) -> sa.ColumnElement[bool]:
    z = orm.zorgtoewijzingen.c
    return sa.and_(sa.or_(z.tot.is_(None), z.tot >= since), sa.or_(z.einde_zorg.is_(None), z.einde_zorg >= since))


def _assigned_to(agb: Any, since: Any) -> sa.ColumnElement[bool]:
    z = orm.zorgtoewijzingen.c
    return orm.clients.c.id.in_(sa.select(z.client_id).where(z.agb_code == agb, _still_open(since)))


def _after(q: _Select, table: sa.Table, order: tuple[str, ...]) -> _Select:
    """Keyset paging: only the rows after the row whose id is the bind parameter ``na`` in the order ``order``
    (which ends with ``id``, so it is total), compared as a row value, ``(a, b, id) > (a', b', :na)``, where
    ``a'``, ``b'`` are that row's values from scalar subqueries. PostgreSQL evaluates those once (an InitPlan)
    and reads the page from the index on ``order`` starting at that key; SQLite understands the same SQL. A deep
    page costs what the first does, unlike OFFSET, which reads every skipped row. (A join to the row instead
    compared every row of the index before the page in a join filter: 25 ms at 3,600 requests deep.) An unknown
    ``na`` gives no rows (see ``exists``)."""
    na: sa.BindParameter[str] = sa.bindparam("na")
    vorige = table.alias("vorige")
    key = [sa.select(vorige.c[k]).where(vorige.c.id == na).scalar_subquery() for k in order[:-1]]
    return q.where(sa.tuple_(*(table.c[k] for k in order)) > sa.tuple_(*key, na))


def exists(session: Session, table: str, row_id: str) -> bool:
    """Whether ``table`` has a row with this id (a keyset parameter that named no row is bad input)."""
    t = orm.metadata.tables[table]
    return session.execute(sa.select(t.c.id).where(t.c.id == row_id)).first() is not None


#: the client list's order (index ``ix_clients_naam``, migration 0008)
_CLIENT_ORDER = ("achternaam", "voornamen", "id")


def _name_order(from_matches: bool) -> tuple[sa.ColumnElement[Any], ...]:
    """The client list's order. ``from_matches``: the same order written as an expression (``achternaam || ''``),
    so PostgreSQL does not walk the name index filtering until 50 match: what that walk costs depends on where
    in the alphabet the matches sit, which its statistics cannot see (``vos``: 87 ms through 28,000 names,
    against 2 ms from the trigram index of migration 0008 and a top-50 sort of its 1,500 matches)."""
    c = orm.clients.c
    return (c.achternaam + sa.literal("") if from_matches else c.achternaam, c.voornamen, c.id)


def _search_from_matches(session: Session, tekst: str) -> bool:
    """Whether a name search should start from its matches: on PostgreSQL (trigram indexes) for three or more
    characters (a trigram); shorter fragments match most names, which the name index finds at once."""
    return len(tekst) >= 3 and session.get_bind().dialect.name == "postgresql"


@lru_cache(maxsize=32)
def _client_list(
    columns: tuple[str, ...], by_name: bool, by_provider: bool, keyset: bool = False, from_matches: bool = False
) -> _Select:
    """The client list as one statement built once per shape (see ``Clients.zoek``)."""
    c = orm.clients.c
    q = sa.select(*(c[k] for k in columns))
    if keyset:
        q = _after(q, orm.clients, _CLIENT_ORDER)
    if by_name:
        q = q.where(_name_like(sa.bindparam("like")))
    if by_provider:
        q = q.where(_assigned_to(sa.bindparam("agb"), sa.bindparam("sinds")))
    q = q.order_by(*_name_order(from_matches))
    return q.limit(sa.bindparam("limit")).offset(sa.bindparam("offset"))


class Clients:
    def __init__(self, session: Session) -> None:
        self.s = session

    def add(self, client: Client) -> None:
        self.s.add(client)

    def get(self, client_id: str) -> Client | None:
        return self.s.get(Client, client_id)

    def met_bsn(self, bsn: str) -> Client | None:
        return self.s.scalars(sa.select(Client).where(orm.clients.c.bsn == bsn)).first()

    def zoek(
        self,
        *,
        tekst: str = "",
        agb_code: str | None = None,
        limit: int = 50,
        offset: int = 0,
        columns: Sequence[str] | None = None,
        na: str | None = None,
    ) -> Sequence[Client] | Sequence[PlainRow]:
        """Clients by (part of) name; ``agb_code`` restricts to clients ever assigned to that provider.
        ``columns``: only these columns (a read model), as plain rows (see ``_plain``), instead of ``Client``s.
        ``na``: keyset paging, the clients after this one in the list's order (name, then id)."""
        like = f"%{tekst.lower()}%"
        if columns is not None:
            params = {"limit": limit, "offset": offset, "like": like, "agb": agb_code, "na": na}
            if agb_code is not None:
                params["sinds"] = provider_access_since()
            matches = bool(tekst) and _search_from_matches(self.s, tekst)
            q = _client_list(tuple(columns), bool(tekst), agb_code is not None, na is not None, matches)
            return _plain(self.s, q, params)
        objects = sa.select(Client)
        if na is not None:
            objects = _after(objects, orm.clients, _CLIENT_ORDER)
        if tekst:
            objects = objects.where(_name_like(like))
        if agb_code is not None:
            objects = objects.where(_assigned_to(agb_code, provider_access_since()))
        objects = objects.order_by(*_name_order(bool(tekst) and _search_from_matches(self.s, tekst)))
        objects = objects.limit(limit).offset(offset)
        return self.s.scalars(objects, {"na": na} if na is not None else {}).all()

    def aantal(self) -> int:
        return self.s.scalar(sa.select(sa.func.count()).select_from(orm.clients)) or 0

    def exists(self, client_id: str) -> bool:
        return exists(self.s, "clients", client_id)


class Indicaties:
    def __init__(self, session: Session) -> None:
        self.s = session

    def add(self, ind: Indicatiebesluit) -> None:
        self.s.add(ind)

    def get(self, indicatie_id: str) -> Indicatiebesluit | None:
        return self.s.get(Indicatiebesluit, indicatie_id)

    def met_besluitnummer(self, nummer: str) -> Indicatiebesluit | None:
        q = sa.select(Indicatiebesluit).where(orm.indicatiebesluiten.c.besluitnummer == nummer)
        return self.s.scalars(q).first()

    def van_client(self, client_id: str) -> Sequence[Indicatiebesluit]:
        t = orm.indicatiebesluiten.c
        q = sa.select(Indicatiebesluit).where(t.client_id == client_id)
        return self.s.scalars(q.order_by(t.ingangsdatum.desc())).all()

    def geldige(self, client_id: str, dag: dt.date) -> Indicatiebesluit | None:
        return next((i for i in self.van_client(client_id) if i.geldig_op(dag)), None)


class Keuzes:
    def __init__(self, session: Session) -> None:
        self.s = session

    def add(self, keuze: LeveringsvormKeuze) -> None:
        self.s.add(keuze)

    def van_client(self, client_id: str) -> Sequence[LeveringsvormKeuze]:
        t = orm.leveringsvorm_keuzes.c
        q = sa.select(LeveringsvormKeuze).where(t.client_id == client_id)
        return self.s.scalars(q.order_by(t.vastgelegd_op.desc())).all()

    def huidige(self, client_id: str) -> LeveringsvormKeuze | None:
        """The newest accepted choice (a refused choice for care at home leaves the earlier one standing)."""
        return next((k for k in self.van_client(client_id) if k.geaccepteerd), None)


class Toewijzingen:
    def __init__(self, session: Session) -> None:
        self.s = session

    def add(self, tw: Zorgtoewijzing) -> None:
        self.s.add(tw)

    def get(self, toewijzing_id: str) -> Zorgtoewijzing | None:
        return self.s.get(Zorgtoewijzing, toewijzing_id)

    def van_client(self, client_id: str) -> Sequence[Zorgtoewijzing]:
        t = orm.zorgtoewijzingen.c
        q = sa.select(Zorgtoewijzing).where(t.client_id == client_id)
        return self.s.scalars(q.order_by(t.van.desc())).all()

    def heeft_aanbieder(self, client_id: str, agb_code: str) -> bool:
        """Whether the provider has an assignment for the client that has not ended, or ended within the
        provider's access period (``provider_access_since``)."""
        z = orm.zorgtoewijzingen.c
        q = sa.select(z.id).where(
            z.client_id == client_id, z.agb_code == agb_code, _still_open(provider_access_since())
        )
        return self.s.execute(q.limit(1)).first() is not None


#: the columns of a request in a list (API ``AanvraagKort``, the work list, the file's request table, the deadline)
_REQUEST_LISTED = ("id", "client_id", "status", "ingediend_op", "termijn", "verlengd_tot", "besloten_op", "uitkomst",
                   "versie")  # fmt: skip


def _aanvraag_kort() -> tuple[ExecutableOption, ...]:
    """Load options for lists of requests: only the columns a list shows (``_REQUEST_LISTED``). The JSON columns
    (intake, situation, the evaluation with the rules' explanations) and the decision lines are most of a
    request's bytes; decoding them made the work list the slowest read. Touching anything else of a listed
    request raises, rather than quietly querying again. (A function: the classes are mapped at
    ``start_mappers()``, after this module is imported.)"""
    return (
        load_only(*(getattr(Aanvraag, k) for k in _REQUEST_LISTED), raiseload=True),
        raiseload(sa.inspect(Aanvraag).relationships["besluitregels"].class_attribute),
    )


#: A part of a client's file read by ``Dossiers.read``: (table, the client's column in it, sort order).
_FILE_PARTS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "client": ("clients", "id", ()),
    "indicaties": ("indicatiebesluiten", "client_id", ("-ingangsdatum",)),
    "keuzes": ("leveringsvorm_keuzes", "client_id", ("-vastgelegd_op",)),
    "toewijzingen": ("zorgtoewijzingen", "client_id", ("-van",)),
    "aanvragen": ("aanvragen", "client_id", ("-ingediend_op", "id")),
}

#: per asked part: its name, the positions of its asked columns, and its sort keys (position, descending)
_Layout = list[tuple[str, range, list[tuple[int, bool]]]]


@lru_cache(maxsize=32)
def _file_select(
    parts: tuple[tuple[str, tuple[str, ...]], ...], by_provider: bool
) -> tuple[sa.CompoundSelect[*tuple[Any, ...]], _Layout]:
    """One ``UNION ALL`` over the parts of a client's file: each part's rows carry its number in the first column
    and its own columns (plus its sort columns) in positions of their own, NULL in the others' positions.

    One statement instead of one per part: a file read was BEGIN, five SELECTs, the log INSERT and COMMIT, and
    each statement costs the server about 0.1 ms of CPU in SQLAlchemy and the database a round trip. Portable
    SQL (SQLite and PostgreSQL); the NULLs are cast to their position's column type (PostgreSQL matches a
    UNION's types pair by pair, and SQLAlchemy converts every position's values as its first row's type: dates,
    UTC timestamps, JSON, booleans). Returns the statement and per part its column positions."""
    positions: list[tuple[str, sa.Column[Any]]] = []  # (part, column) per position after the part number
    plan: list[tuple[str, sa.Table, range, tuple[str, ...]]] = []
    for name, columns in parts:
        table_name, _, order = _FILE_PARTS[name]
        t = orm.metadata.tables[table_name]
        extra = tuple(k.lstrip("-") for k in order if k.lstrip("-") not in columns)
        first = len(positions)
        positions += [(name, t.c[k]) for k in columns + extra]
        plan.append((name, t, range(first, first + len(columns)), columns + extra))
    branches = []
    for i, (name, t, _, _) in enumerate(plan):
        selected = [
            col if part == name else sa.cast(sa.null(), col.type).label(f"k{j}")
            for j, (part, col) in enumerate(positions)
        ]
        q = sa.select(sa.literal_column(str(i)).label("deel"), *selected)
        _, client_column, _ = _FILE_PARTS[name]
        q = q.where(t.c[client_column] == sa.bindparam("client_id"))
        if name == "toewijzingen" and by_provider:
            q = q.where(t.c.agb_code == sa.bindparam("agb_code"))
        branches.append(q)
    layout: _Layout = []
    for name, _, span, all_columns in plan:
        _, _, order = _FILE_PARTS[name]
        sort = [((all_columns.index(k.lstrip("-")) + span.start), k.startswith("-")) for k in order]
        layout.append((name, span, sort))
    return sa.union_all(*branches), layout


class Dossiers:
    """A client's file for an answer built from plain rows: every part in one statement (``_file_select``)."""

    def __init__(self, session: Session) -> None:
        self.s = session

    def read(
        self, client_id: str, delen: Mapping[str, tuple[str, ...]], *, agb_code: str | None = None
    ) -> dict[str, list[tuple[Any, ...]]]:
        """Per part (``client``, ``indicaties``, ``keuzes``, ``toewijzingen``, ``aanvragen``; the ones asked
        for) its rows as tuples of the asked columns, in the parts' order (newest first; requests by date, then
        id). ``agb_code``: only that provider's assignments. An unknown client: every part empty."""
        stmt, layout = _file_select(tuple(delen.items()), agb_code is not None)
        per_part: list[list[PlainRow]] = [[] for _ in layout]
        for r in _plain(self.s, stmt, {"client_id": client_id, "agb_code": agb_code}):
            per_part[r[0]].append(r)
        out: dict[str, list[tuple[Any, ...]]] = {}
        for (name, span, sort), part_rows in zip(layout, per_part, strict=True):
            for position, descending in reversed(sort):  # stable sorts, last key first
                part_rows.sort(key=lambda r, p=position + 1: r[p], reverse=descending)  # type: ignore[misc]
            out[name] = [tuple(r[span.start + 1 : span.stop + 1]) for r in part_rows]
        return out


#: the work list's order (indexes of migration 0008)
_WORK_LIST_ORDER = ("termijn", "id")


@lru_cache(maxsize=32)
def _work_list(columns: tuple[str, ...], by_status: bool, keyset: bool) -> _Select:
    """The work list as one statement built once per shape (see ``Aanvragen.lijst``)."""
    t = orm.aanvragen
    q = sa.select(*(t.c[k] for k in columns))
    if keyset:
        q = _after(q, t, _WORK_LIST_ORDER)
    if by_status:
        q = q.where(t.c.status == sa.bindparam("status"))
    q = q.order_by(*(t.c[k] for k in _WORK_LIST_ORDER))
    return q.limit(sa.bindparam("limit")).offset(sa.bindparam("offset"))


class Aanvragen:
    def __init__(self, session: Session) -> None:
        self.s = session

    def add(self, aanvraag: Aanvraag) -> None:
        self.s.add(aanvraag)

    def get(self, aanvraag_id: str) -> Aanvraag | None:
        return self.s.get(Aanvraag, aanvraag_id)

    def van_client(self, client_id: str, *, kort: bool = False) -> Sequence[Aanvraag]:
        """The client's requests, newest first; ``kort``: only the listed columns (``_aanvraag_kort``)."""
        t = orm.aanvragen.c
        q = sa.select(Aanvraag).where(t.client_id == client_id)
        if kort:
            q = q.options(*_aanvraag_kort())
        return self.s.scalars(q.order_by(t.ingediend_op.desc(), t.id)).all()

    def laatste(self, client_id: str) -> Aanvraag | None:
        return next(iter(self.van_client(client_id)), None)

    def lijst(
        self,
        *,
        status: str | None = None,
        limit: int = 100,
        offset: int = 0,
        columns: Sequence[str] | None = None,
        na: str | None = None,
    ) -> Sequence[Aanvraag] | Sequence[PlainRow]:
        """The work list by deadline (index ``ix_aanvragen_termijn``/``ix_aanvragen_status_termijn``): only the
        listed columns (``_aanvraag_kort``); ``columns``: only these columns (a read model), as plain rows (see
        ``_plain``); ``na``: keyset paging, the requests after this one (deadline, then id)."""
        params = {"status": status, "limit": limit, "offset": offset, "na": na}
        if columns is not None:
            plain = _work_list(tuple(columns), bool(status), na is not None)
            return _plain(self.s, plain, params)
        t = orm.aanvragen.c
        q = sa.select(Aanvraag).options(*_aanvraag_kort())
        if na is not None:
            q = _after(q, orm.aanvragen, _WORK_LIST_ORDER)
        if status:
            q = q.where(t.status == sa.bindparam("status"))
        q = q.order_by(t.termijn, t.id).limit(sa.bindparam("limit")).offset(sa.bindparam("offset"))
        return self.s.scalars(q, {k: v for k, v in params.items() if v is not None}).all()

    def exists(self, aanvraag_id: str) -> bool:
        return exists(self.s, "aanvragen", aanvraag_id)

    def alle_voor_dashboard(self) -> Sequence[PlainRow]:
        """Light rows (no JSON) for the monitoring figures."""
        a = orm.aanvragen.c
        return self.s.execute(
            sa.select(a.status, a.termijn, a.verlengd_tot, a.besloten_op, a.uitkomst, a.client_id)
        ).all()

    def aantal(self, status: str | None = None) -> int:
        q = sa.select(sa.func.count()).select_from(orm.aanvragen)
        if status:
            q = q.where(orm.aanvragen.c.status == status)
        return self.s.scalar(q) or 0


class Monitoring:
    """The dashboard's counts, each one statement over the whole database (no rows of a client are loaded)."""

    def __init__(self, session: Session) -> None:
        self.s = session

    @staticmethod
    def _thuis_ids(thuis: frozenset[str]) -> _Select:
        """Clients whose newest accepted choice is a leveringsvorm at home."""
        k = orm.leveringsvorm_keuzes.c
        nieuwste = (
            sa.select(
                k.client_id,
                k.leveringsvorm,
                sa.func.row_number().over(partition_by=k.client_id, order_by=k.vastgelegd_op.desc()).label("rn"),
            )
            .where(k.geaccepteerd.is_(True))
            .subquery()
        )
        return sa.select(nieuwste.c.client_id).where(nieuwste.c.rn == 1, nieuwste.c.leveringsvorm.in_(thuis))

    @staticmethod
    def _lopend(dag: dt.date) -> sa.ColumnElement[bool]:
        b = orm.besluitregels.c
        return sa.and_(b.toegekend.is_(True), b.van <= dag, b.tot >= dag)

    def clients_thuis(self, thuis: frozenset[str]) -> int:
        return self.s.scalar(sa.select(sa.func.count()).select_from(self._thuis_ids(thuis).subquery())) or 0

    def clients_per_regeling(self, dag: dt.date) -> dict[str, int]:
        """Per scheme the clients with a grant running on ``dag``."""
        b, a = orm.besluitregels, orm.aanvragen
        rows = self.s.execute(
            sa.select(b.c.regeling, sa.func.count(sa.distinct(a.c.client_id)))
            .join(a, a.c.id == b.c.aanvraag_id)
            .where(self._lopend(dag))
            .group_by(b.c.regeling)
        ).all()
        return {r: n for r, n in rows}

    def clients_thuis_met_regeling(self, thuis: frozenset[str], dag: dt.date) -> int:
        """Clients at home with a grant of any scheme running on ``dag``."""
        b, a = orm.besluitregels, orm.aanvragen
        q = (
            sa.select(sa.func.count(sa.distinct(a.c.client_id)))
            .select_from(b.join(a, a.c.id == b.c.aanvraag_id))
            .where(self._lopend(dag), a.c.client_id.in_(self._thuis_ids(thuis)))
        )
        return self.s.scalar(q) or 0

    def lopende_berekeningen(self, dag: dt.date) -> list[dict[str, Any] | None]:
        """The stored calculation of every grant running on ``dag``."""
        b = orm.besluitregels.c
        return [r for (r,) in self.s.execute(sa.select(b.berekening).where(self._lopend(dag)))]


class Gebruikers:
    def __init__(self, session: Session) -> None:
        self.s = session

    def add(self, g: Gebruiker) -> None:
        self.s.add(g)

    def get(self, gebruiker_id: str) -> Gebruiker | None:
        return self.s.get(Gebruiker, gebruiker_id)

    def met_naam(self, gebruikersnaam: str) -> Gebruiker | None:
        q = sa.select(Gebruiker).where(orm.gebruikers.c.gebruikersnaam == gebruikersnaam.strip().lower())
        return self.s.scalars(q).first()

    def alle(self) -> Sequence[Gebruiker]:
        g = orm.gebruikers.c
        return self.s.scalars(sa.select(Gebruiker).order_by(g.rol, g.gebruikersnaam)).all()


#: the account columns an API request's actor is made of
_TOKEN_ACCOUNT = ("id", "gebruikersnaam", "naam", "rol", "agb_code", "client_id")


@lru_cache(maxsize=1)
def _token_select() -> _Select:
    return token_account_select(orm.AUTH_TABLES, *_TOKEN_ACCOUNT)


class Tokens:
    def __init__(self, session: Session) -> None:
        self.s = session

    def add(self, t: ApiToken) -> None:
        self.s.add(t)

    def get(self, token_id: str) -> ApiToken | None:
        return self.s.get(ApiToken, token_id)

    def met_hash(self, token_hash: str) -> ApiToken | None:
        t = orm.api_tokens
        q = sa.select(ApiToken).where(t.c.token_hash == token_hash, t.c.ingetrokken_op.is_(None))
        return self.s.scalars(q).first()

    def gebruiker_van_actief_token(self, token_hash: str) -> PlainRow | None:
        """The active account behind an unrevoked token, as one row (id, gebruikersnaam, naam, rol, agb_code,
        client_id) in one query: every API request asks this, so no ORM objects and no second round trip."""
        return _core(self.s, _token_select(), {"h": token_hash}).first()

    def van_gebruiker(self, gebruiker_id: str) -> Sequence[ApiToken]:
        return self.s.scalars(sa.select(ApiToken).where(orm.api_tokens.c.gebruiker_id == gebruiker_id)).all()


def toegangslog(session: Session, deferred: list[dict[str, Any]] | None = None) -> AccessLog:
    """The access log (the platform's, see ``wlz.platform.access_log``) on this database's table; ``deferred``: a
    logged read's list of lines (``UnitOfWork.deferred_log``)."""
    return AccessLog(session, orm.toegangslog, deferred)


class Berichten:
    """iWlz messages as exchanged (see ``domain/bericht.py``)."""

    def __init__(self, session: Session) -> None:
        self.s = session

    def add(self, bericht: IwlzBericht) -> None:
        self.s.add(bericht)

    def get(self, bericht_id: str) -> IwlzBericht | None:
        return self.s.get(IwlzBericht, bericht_id)

    def van_client(self, client_id: str) -> Sequence[IwlzBericht]:
        b = orm.berichten.c
        q = sa.select(IwlzBericht).where(b.client_id == client_id)
        return self.s.scalars(q.order_by(b.aangemaakt_op.desc(), b.id)).all()

    def lijst(self, *, soort: str | None = None, limit: int = 100) -> Sequence[IwlzBericht]:
        b = orm.berichten.c
        q = sa.select(IwlzBericht)
        if soort:
            q = q.where(b.soort == soort)
        return self.s.scalars(q.order_by(b.aangemaakt_op.desc(), b.id).limit(limit)).all()

    def van_aanbieder(self, agb_code: str, *, client_id: str | None = None, limit: int = 100) -> Sequence[IwlzBericht]:
        """The messages exchanged with one provider (sent to it or by it), newest first."""
        b = orm.berichten.c
        q = sa.select(IwlzBericht).where(sa.or_(b.ontvanger == agb_code, b.afzender == agb_code))
        if client_id is not None:
            q = q.where(b.client_id == client_id)
        return self.s.scalars(q.order_by(b.aangemaakt_op.desc(), b.id).limit(limit)).all()

    def met_identificatie(self, soort: str, identificatie: str, dagtekening: dt.date) -> IwlzBericht | None:
        """The message of this type with this ``BerichtIdentificatie`` (what a retour names), newest first."""
        b = orm.berichten.c
        q = sa.select(IwlzBericht).where(
            b.soort == soort, b.identificatie == identificatie, b.dagtekening == dagtekening, b.retour_van.is_(None)
        )
        return self.s.scalars(q.order_by(b.aangemaakt_op.desc()).limit(1)).first()

    def al_ontvangen(self, soort: str, afzender: str, identificatie: str) -> bool:
        """Whether a message of this type with this ``Identificatie`` was received from this sender before
        (accepted or refused: iWlz TR056 makes the identification unique per sender and message type).

        On PostgreSQL the transaction first takes an advisory lock on (type, sender, identification), held to
        its end, so two copies of one message received at the same moment are taken in turn and the second sees
        the first; on SQLite a writing transaction holds the one write lock from its start already."""
        if self.s.get_bind().dialect.name == "postgresql":
            sleutel = hashlib.blake2b(f"{soort}\x00{afzender}\x00{identificatie}".encode(), digest_size=8).digest()
            self.s.execute(sa.select(sa.func.pg_advisory_xact_lock(int.from_bytes(sleutel, "big", signed=True))))
        b = orm.berichten.c
        q = sa.select(b.id).where(
            b.soort == soort,
            b.richting == "in",
            b.afzender == afzender,
            b.identificatie == identificatie,
            b.retour_van.is_(None),
        )
        return self.s.execute(q.limit(1)).first() is not None

    def bekende_aanleveringen(self, soort: str, afzender: str, sleutels: Collection[str]) -> set[str]:
        """Which of these delivery keys an accepted message of this type from this sender delivered before
        (iWlz TR074; the keys are hashes, no BSN in them).

        On PostgreSQL the transaction first takes an advisory lock on (type, sender), held to its end, so two
        messages of one sender with the same delivery received at the same moment are taken in turn and the second
        is refused (9074) instead of failing on the table's key; SQLite's writing transaction holds the one write
        lock from its start already."""
        if not sleutels:
            return set()
        if self.s.get_bind().dialect.name == "postgresql":
            slot = hashlib.blake2b(f"aanlevering\x00{soort}\x00{afzender}".encode(), digest_size=8).digest()
            self.s.execute(sa.select(sa.func.pg_advisory_xact_lock(int.from_bytes(slot, "big", signed=True))))
        a = orm.aanleveringen.c
        q = sa.select(a.sleutel).where(a.soort == soort, a.afzender == afzender, a.sleutel.in_(sorted(sleutels)))
        return set(self.s.scalars(q).all())

    def aanleveringen_vastleggen(self, soort: str, afzender: str, sleutels: Collection[str], bericht_id: str) -> None:
        """Record the keys of an accepted message's first deliveries (the message itself is flushed first)."""
        if not sleutels:
            return
        self.s.flush()
        rijen = [{"soort": soort, "afzender": afzender, "sleutel": k, "bericht_id": bericht_id} for k in sleutels]
        self.s.execute(sa.insert(orm.aanleveringen), rijen)

    def retouren(self, bericht_id: str) -> Sequence[IwlzBericht]:
        """The retours that answer one message (sent or received), oldest first."""
        b = orm.berichten.c
        return self.s.scalars(sa.select(IwlzBericht).where(b.retour_van == bericht_id).order_by(b.aangemaakt_op)).all()

    def aantal(self, soort: str | None = None) -> int:
        q = sa.select(sa.func.count()).select_from(orm.berichten)
        if soort:
            q = q.where(orm.berichten.c.soort == soort)
        return self.s.scalar(q) or 0
