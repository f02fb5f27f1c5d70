"""Repositories: the collections the service layer works with. Queries live here, not in the use cases."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import lru_cache

import sqlalchemy as sa
from sqlalchemy.engine import Row
from sqlalchemy.orm import Session, load_only, raiseload

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


def _core(session: Session, stmt, params: dict) -> sa.CursorResult:
    """Run a Core statement on the session's connection (its transaction), past the ORM's execute path.

    For the hot API reads (a client's file, the client list, the work list), which answer with plain rows: no
    ORM objects, no identity map; each statement is built once (``_select``, with bind parameters) so SQLAlchemy
    neither rebuilds nor recompiles it. About a fifth of the CPU of ``session.scalars(...)``."""
    return session.connection().execute(stmt, params)


@lru_cache(maxsize=128)
def _select(tabel: str, kolommen: tuple[str, ...], waar: tuple[str, ...], volgorde: tuple[str, ...], *, pagina=False):
    """``SELECT kolommen FROM tabel WHERE k = :k AND ... ORDER BY ...`` (``-k``: descending), built once.
    ``waar`` names columns compared with a bind parameter of the same name; ``pagina`` adds LIMIT/OFFSET."""
    t = orm.metadata.tables[tabel]
    q = sa.select(*(t.c[k] for k in kolommen))
    for k in waar:
        q = q.where(t.c[k] == sa.bindparam(k))
    q = q.order_by(*(t.c[k[1:]].desc() if k.startswith("-") else t.c[k] for k in volgorde))
    if pagina:
        q = q.limit(sa.bindparam("limit")).offset(sa.bindparam("offset"))
    return q


@lru_cache(maxsize=32)
def _zoek_clients(kolommen: tuple[str, ...], op_naam: bool, op_aanbieder: bool):
    """The client list as one statement built once per shape (see ``Clients.zoek``)."""
    c = orm.clients
    z = orm.zorgtoewijzingen
    q = sa.select(*(c.c[k] for k in kolommen))
    if op_naam:
        like = sa.bindparam("like")
        q = q.where(sa.or_(sa.func.lower(c.c.achternaam).like(like), sa.func.lower(c.c.voornamen).like(like)))
    if op_aanbieder:
        q = q.where(c.c.id.in_(sa.select(z.c.client_id).where(z.c.agb_code == sa.bindparam("agb"))))
    return q.order_by(c.c.achternaam, c.c.voornamen, c.c.id).limit(sa.bindparam("limit")).offset(sa.bindparam("offset"))


class Clients:
    def __init__(self, session: Session):
        self.s = session

    def add(self, client: Client) -> None:
        self.s.add(client)

    def get(self, client_id: str) -> Client | None:
        return self.s.get(Client, client_id)

    def met_bsn(self, bsn: str) -> Client | None:
        return self.s.scalars(sa.select(Client).where(Client.bsn == bsn)).first()

    def zoek(
        self,
        *,
        tekst: str = "",
        agb_code: str | None = None,
        limit: int = 50,
        offset: int = 0,
        kolommen: Sequence[str] | None = None,
    ) -> Sequence[Client] | Sequence[Row]:
        """Clients by (part of) name; ``agb_code`` restricts to clients ever assigned to that provider.
        ``kolommen``: only these columns, as plain rows (see ``_kern``), instead of ``Client`` objects."""
        if kolommen is not None:
            params: dict = {"limit": limit, "offset": offset, "like": f"%{tekst.lower()}%", "agb": agb_code}
            q = _zoek_clients(tuple(kolommen), bool(tekst), agb_code is not None)
            return _core(self.s, q, params).all()
        q = sa.select(Client)
        if tekst:
            like = f"%{tekst.lower()}%"
            q = q.where(sa.or_(sa.func.lower(Client.achternaam).like(like), sa.func.lower(Client.voornamen).like(like)))
        if agb_code is not None:
            q = q.where(Client.id.in_(sa.select(Zorgtoewijzing.client_id).where(Zorgtoewijzing.agb_code == agb_code)))
        return self.s.scalars(
            q.order_by(Client.achternaam, Client.voornamen, Client.id).limit(limit).offset(offset)
        ).all()

    def aantal(self) -> int:
        return self.s.scalar(sa.select(sa.func.count()).select_from(Client)) or 0


class Indicaties:
    def __init__(self, session: Session):
        self.s = session

    def add(self, ind: Indicatiebesluit) -> None:
        self.s.add(ind)

    def get(self, indicatie_id: str) -> Indicatiebesluit | None:
        return self.s.get(Indicatiebesluit, indicatie_id)

    def met_besluitnummer(self, nummer: str) -> Indicatiebesluit | None:
        q = sa.select(Indicatiebesluit).where(Indicatiebesluit.besluitnummer == nummer)
        return self.s.scalars(q).first()

    def van_client(self, client_id: str) -> Sequence[Indicatiebesluit]:
        q = sa.select(Indicatiebesluit).where(Indicatiebesluit.client_id == client_id)
        return self.s.scalars(q.order_by(Indicatiebesluit.ingangsdatum.desc())).all()

    def geldige(self, client_id: str, dag: dt.date) -> Indicatiebesluit | None:
        return next((i for i in self.van_client(client_id) if i.geldig_op(dag)), None)


class Keuzes:
    def __init__(self, session: Session):
        self.s = session

    def add(self, keuze: LeveringsvormKeuze) -> None:
        self.s.add(keuze)

    def van_client(self, client_id: str) -> Sequence[LeveringsvormKeuze]:
        q = sa.select(LeveringsvormKeuze).where(LeveringsvormKeuze.client_id == client_id)
        return self.s.scalars(q.order_by(LeveringsvormKeuze.vastgelegd_op.desc())).all()

    def huidige(self, client_id: str) -> LeveringsvormKeuze | None:
        """The newest accepted choice (a refused choice for care at home leaves the earlier one standing)."""
        return next((k for k in self.van_client(client_id) if k.geaccepteerd), None)


class Toewijzingen:
    def __init__(self, session: Session):
        self.s = session

    def add(self, tw: Zorgtoewijzing) -> None:
        self.s.add(tw)

    def get(self, toewijzing_id: str) -> Zorgtoewijzing | None:
        return self.s.get(Zorgtoewijzing, toewijzing_id)

    def van_client(self, client_id: str) -> Sequence[Zorgtoewijzing]:
        q = sa.select(Zorgtoewijzing).where(Zorgtoewijzing.client_id == client_id)
        return self.s.scalars(q.order_by(Zorgtoewijzing.van.desc())).all()

    def heeft_aanbieder(self, client_id: str, agb_code: str) -> bool:
        q = _select("zorgtoewijzingen", ("id",), ("client_id", "agb_code"), (), pagina=True)
        params = {"client_id": client_id, "agb_code": agb_code, "limit": 1, "offset": 0}
        return _core(self.s, q, params).first() is not None


def _aanvraag_kort():
    """Load options for lists of requests: only the columns a list shows (API ``AanvraagKort``, the work list,
    the file's request table, the deadline). The JSON columns (intake, situation, the evaluation with the rules'
    explanations) and the decision lines are most of a request's bytes; decoding them made the work list the
    slowest read. Touching anything else of a listed request raises, rather than quietly querying again.
    (A function: the classes are mapped at ``start_mappers()``, after this module is imported.)"""
    return (
        load_only(
            Aanvraag.id,
            Aanvraag.client_id,
            Aanvraag.status,
            Aanvraag.ingediend_op,
            Aanvraag.termijn,
            Aanvraag.verlengd_tot,
            Aanvraag.besloten_op,
            Aanvraag.uitkomst,
            Aanvraag.versie,
            raiseload=True,
        ),
        raiseload(Aanvraag.besluitregels),
    )


#: A part of a client's file read by ``Dossiers.lees``: (name, table, the client's column in it, sort order).
_DOSSIERDELEN: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "client": ("clients", "id", ()),
    "indicaties": ("indicatiebesluiten", "client_id", ("-ingangsdatum",)),
    "keuzes": ("leveringsvorm_keuzes", "client_id", ("-vastgelegd_op",)),
    "toewijzingen": ("zorgtoewijzingen", "client_id", ("-van",)),
    "aanvragen": ("aanvragen", "client_id", ("-ingediend_op", "id")),
}


@lru_cache(maxsize=32)
def _dossier_select(delen: tuple[tuple[str, tuple[str, ...]], ...], op_aanbieder: bool):
    """One ``UNION ALL`` over the parts of a client's file: each part's rows carry its number in the first column
    and its own columns (plus its sort columns) in positions of their own, NULL in the others' positions.

    One statement instead of one per part: a file read was BEGIN, five SELECTs, the log INSERT and COMMIT, and
    each statement costs the server about 0.1 ms of CPU in SQLAlchemy and the database a round trip. Portable
    SQL (SQLite and PostgreSQL); the NULLs are cast to their position's column type (PostgreSQL matches a
    UNION's types pair by pair, and SQLAlchemy converts every position's values as its first row's type: dates,
    UTC timestamps, JSON, booleans). Returns the statement and per part its column positions."""
    posities: list[tuple[str, sa.Column]] = []  # (part, column) per position after the part number
    plan = []
    for naam, kolommen in delen:
        tabel, _, volgorde = _DOSSIERDELEN[naam]
        t = orm.metadata.tables[tabel]
        extra = tuple(k.lstrip("-") for k in volgorde if k.lstrip("-") not in kolommen)
        eerste = len(posities)
        posities += [(naam, t.c[k]) for k in kolommen + extra]
        plan.append((naam, t, range(eerste, eerste + len(kolommen)), kolommen + extra))
    takken = []
    for i, (naam, t, _, _) in enumerate(plan):
        kolommen = [
            col if deel == naam else sa.cast(sa.null(), col.type).label(f"k{j}")
            for j, (deel, col) in enumerate(posities)
        ]
        q = sa.select(sa.literal_column(str(i)).label("deel"), *kolommen)
        _, kolom, _ = _DOSSIERDELEN[naam]
        q = q.where(t.c[kolom] == sa.bindparam("client_id"))
        if naam == "toewijzingen" and op_aanbieder:
            q = q.where(t.c.agb_code == sa.bindparam("agb_code"))
        takken.append(q)
    stmt = sa.union_all(*takken)
    indeling = []
    for naam, _, bereik, alle in plan:
        _, _, volgorde = _DOSSIERDELEN[naam]
        sorteer = [((alle.index(k.lstrip("-")) + bereik.start), k.startswith("-")) for k in volgorde]
        indeling.append((naam, bereik, sorteer))
    return stmt, indeling


class Dossiers:
    """A client's file for an answer built from plain rows: every part in one statement (``_dossier_select``)."""

    def __init__(self, session: Session):
        self.s = session

    def lees(
        self, client_id: str, delen: dict[str, tuple[str, ...]], *, agb_code: str | None = None
    ) -> dict[str, list[tuple]]:
        """Per part (``client``, ``indicaties``, ``keuzes``, ``toewijzingen``, ``aanvragen``; the ones asked
        for) its rows as tuples of the asked columns, in the parts' order (newest first; requests by date, then
        id). ``agb_code``: only that provider's assignments. An unknown client: every part empty."""
        stmt, indeling = _dossier_select(tuple(delen.items()), agb_code is not None)
        per_deel: list[list] = [[] for _ in indeling]
        for r in _core(self.s, stmt, {"client_id": client_id, "agb_code": agb_code}):
            per_deel[r[0]].append(r)
        uit: dict[str, list[tuple]] = {}
        for (naam, bereik, sorteer), rijen in zip(indeling, per_deel, strict=True):
            for positie, aflopend in reversed(sorteer):  # stable sorts, last key first
                rijen.sort(key=lambda r, p=positie + 1: r[p], reverse=aflopend)
            uit[naam] = [tuple(r[bereik.start + 1 : bereik.stop + 1]) for r in rijen]
        return uit


class Aanvragen:
    def __init__(self, session: Session):
        self.s = session

    def add(self, aanvraag: Aanvraag) -> None:
        self.s.add(aanvraag)

    def get(self, aanvraag_id: str) -> Aanvraag | None:
        return self.s.get(Aanvraag, aanvraag_id)

    def van_client(self, client_id: str, *, kort: bool = False) -> Sequence[Aanvraag]:
        """The client's requests, newest first; ``kort``: only the listed columns (``_aanvraag_kort``)."""
        q = sa.select(Aanvraag).where(Aanvraag.client_id == client_id)
        if kort:
            q = q.options(*_aanvraag_kort())
        return self.s.scalars(q.order_by(Aanvraag.ingediend_op.desc(), Aanvraag.id)).all()

    def laatste(self, client_id: str) -> Aanvraag | None:
        return next(iter(self.van_client(client_id)), None)

    def lijst(
        self, *, status: str | None = None, limit: int = 100, offset: int = 0, kolommen: Sequence[str] | None = None
    ) -> Sequence[Aanvraag] | Sequence[Row]:
        """The work list: only the listed columns (``_aanvraag_kort``); ``kolommen``: only these columns, as
        plain rows (see ``_kern``)."""
        if kolommen is not None:
            waar = ("status",) if status else ()
            q = _select("aanvragen", tuple(kolommen), waar, ("termijn", "id"), pagina=True)
            return _core(self.s, q, {"status": status, "limit": limit, "offset": offset}).all()
        q = sa.select(Aanvraag).options(*_aanvraag_kort())
        if status:
            q = q.where(Aanvraag.status == status)
        return self.s.scalars(q.order_by(Aanvraag.termijn, Aanvraag.id).limit(limit).offset(offset)).all()

    def alle_voor_dashboard(self) -> Sequence[sa.Row]:
        """Light rows (no JSON) for the monitoring figures."""
        a = Aanvraag.__table__
        return self.s.execute(
            sa.select(a.c.status, a.c.termijn, a.c.verlengd_tot, a.c.besloten_op, a.c.uitkomst, a.c.client_id)
        ).all()

    def aantal(self, status: str | None = None) -> int:
        q = sa.select(sa.func.count()).select_from(Aanvraag)
        if status:
            q = q.where(Aanvraag.status == status)
        return self.s.scalar(q) or 0


class Gebruikers:
    def __init__(self, session: Session):
        self.s = session

    def add(self, g: Gebruiker) -> None:
        self.s.add(g)

    def get(self, gebruiker_id: str) -> Gebruiker | None:
        return self.s.get(Gebruiker, gebruiker_id)

    def met_naam(self, gebruikersnaam: str) -> Gebruiker | None:
        q = sa.select(Gebruiker).where(Gebruiker.gebruikersnaam == gebruikersnaam.strip().lower())
        return self.s.scalars(q).first()

    def alle(self) -> Sequence[Gebruiker]:
        return self.s.scalars(sa.select(Gebruiker).order_by(Gebruiker.rol, Gebruiker.gebruikersnaam)).all()


#: the account columns an API request's actor is made of
_TOKEN_ACCOUNT = ("id", "gebruikersnaam", "naam", "rol", "agb_code", "client_id")


@lru_cache(maxsize=1)
def _token_select() -> sa.Select[tuple[object, ...]]:
    return token_account_select(orm.AUTH_TABLES, *_TOKEN_ACCOUNT)


class Tokens:
    def __init__(self, session: Session):
        self.s = session

    def add(self, t: ApiToken) -> None:
        self.s.add(t)

    def get(self, token_id: str) -> ApiToken | None:
        return self.s.get(ApiToken, token_id)

    def met_hash(self, token_hash: str) -> ApiToken | None:
        t = orm.api_tokens
        q = sa.select(ApiToken).where(t.c.token_hash == token_hash, t.c.ingetrokken_op.is_(None))
        return self.s.scalars(q).first()

    def gebruiker_van_actief_token(self, token_hash: str) -> Row[tuple[object, ...]] | None:
        """The active account behind an unrevoked token, as one row (id, gebruikersnaam, naam, rol, agb_code,
        client_id) in one query: every API request asks this, so no ORM objects and no second round trip."""
        return _core(self.s, _token_select(), {"h": token_hash}).first()

    def van_gebruiker(self, gebruiker_id: str) -> Sequence[ApiToken]:
        return self.s.scalars(sa.select(ApiToken).where(orm.api_tokens.c.gebruiker_id == gebruiker_id)).all()


def toegangslog(session: Session) -> AccessLog:
    """The access log (the platform's, see ``wlz.platform.access_log``) on this database's table."""
    return AccessLog(session, orm.toegangslog)


class Berichten:
    """iWlz messages as exchanged (see ``domain/bericht.py``)."""

    def __init__(self, session: Session):
        self.s = session

    def add(self, bericht: IwlzBericht) -> None:
        self.s.add(bericht)

    def get(self, bericht_id: str) -> IwlzBericht | None:
        return self.s.get(IwlzBericht, bericht_id)

    def van_client(self, client_id: str) -> Sequence[IwlzBericht]:
        q = sa.select(IwlzBericht).where(IwlzBericht.client_id == client_id)
        return self.s.scalars(q.order_by(IwlzBericht.aangemaakt_op.desc(), IwlzBericht.id)).all()

    def lijst(self, *, soort: str | None = None, limit: int = 100) -> Sequence[IwlzBericht]:
        q = sa.select(IwlzBericht)
        if soort:
            q = q.where(IwlzBericht.soort == soort)
        return self.s.scalars(q.order_by(IwlzBericht.aangemaakt_op.desc(), IwlzBericht.id).limit(limit)).all()

    def van_aanbieder(self, agb_code: str, *, client_id: str | None = None, limit: int = 100):
        """The messages exchanged with one provider (sent to it or by it), newest first."""
        q = sa.select(IwlzBericht).where(sa.or_(IwlzBericht.ontvanger == agb_code, IwlzBericht.afzender == agb_code))
        if client_id is not None:
            q = q.where(IwlzBericht.client_id == client_id)
        return self.s.scalars(q.order_by(IwlzBericht.aangemaakt_op.desc(), IwlzBericht.id).limit(limit)).all()

    def aantal(self, soort: str | None = None) -> int:
        q = sa.select(sa.func.count()).select_from(IwlzBericht)
        if soort:
            q = q.where(IwlzBericht.soort == soort)
        return self.s.scalar(q) or 0
