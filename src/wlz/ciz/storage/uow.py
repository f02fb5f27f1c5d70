"""The CIZ's unit of work (the platform's, ``wlz.platform.uow``) with its repositories."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from wlz.platform import uow as platform_uow
from wlz.platform.access_log import AccessLog

from ..domain.aanvraag import Aanvraag, Status
from ..domain.bericht import IwlzBericht
from ..domain.bijlage import Bijlage
from ..domain.gebruiker import Gebruiker, Teamlid
from ..domain.kwaliteit import Toetsing
from ..domain.maatwerk import Maatwerkindicatie
from ..domain.termijn import Opschorting
from . import orm


class Aanvragen:
    def __init__(self, s: Session) -> None:
        self.s = s

    def add(self, a: Aanvraag) -> None:
        self.s.add(a)

    def get(self, aanvraag_id: str) -> Aanvraag | None:
        return self.s.get(Aanvraag, aanvraag_id)

    def open(self) -> Sequence[Aanvraag]:
        """Undecided requests, the nearest deadline first (the work list)."""
        t = orm.aanvragen
        q = sa.select(Aanvraag).where(t.c.status != Status.BESLOTEN.value).order_by(t.c.uiterlijk, t.c.ontvangen)
        return self.s.scalars(q).all()

    def besloten(self, van: dt.date | None = None, tot: dt.date | None = None) -> Sequence[Aanvraag]:
        t = orm.aanvragen
        q = sa.select(Aanvraag).where(t.c.status == Status.BESLOTEN.value)
        if van:
            q = q.where(t.c.besluitdatum >= van)
        if tot:
            q = q.where(t.c.besluitdatum < tot)
        return self.s.scalars(q.order_by(t.c.besluitdatum)).all()

    def met_besluitnummer(self, besluitnummer: int) -> Aanvraag | None:
        t = orm.aanvragen
        return self.s.scalars(sa.select(Aanvraag).where(t.c.besluitnummer == besluitnummer)).first()

    def volgend_besluitnummer(self) -> int:
        hoogste = self.s.scalar(sa.select(sa.func.max(orm.aanvragen.c.besluitnummer)))
        return int(hoogste or 0) + 1


class Opschortingen:
    def __init__(self, s: Session) -> None:
        self.s = s

    def add(self, o: Opschorting) -> None:
        self.s.add(o)

    def get(self, opschorting_id: str) -> Opschorting | None:
        return self.s.get(Opschorting, opschorting_id)

    def van_aanvraag(self, aanvraag_id: str) -> list[Opschorting]:
        t = orm.opschortingen
        q = sa.select(Opschorting).where(t.c.aanvraag_id == aanvraag_id).order_by(t.c.begin)
        return list(self.s.scalars(q).all())


class Teamleden:
    def __init__(self, s: Session) -> None:
        self.s = s

    def get(self, gebruiker_id: str) -> Teamlid | None:
        return self.s.get(Teamlid, gebruiker_id)

    def zet(self, gebruiker_id: str, eenheid: str, team: str) -> Teamlid:
        """Place an account in a team (replacing its former place)."""
        nieuw = Teamlid(gebruiker_id=gebruiker_id, eenheid=eenheid, team=team)
        bestaand = self.get(gebruiker_id)
        if bestaand is None:
            self.s.add(nieuw)
            return nieuw
        bestaand.eenheid, bestaand.team = nieuw.eenheid, nieuw.team
        return bestaand

    def alle(self) -> dict[str, Teamlid]:
        return {t.gebruiker_id: t for t in self.s.scalars(sa.select(Teamlid)).all()}


class Berichten:
    def __init__(self, s: Session) -> None:
        self.s = s

    def add(self, b: IwlzBericht) -> None:
        self.s.add(b)

    def get(self, bericht_id: str) -> IwlzBericht | None:
        return self.s.get(IwlzBericht, bericht_id)

    def van_aanvraag(self, aanvraag_id: str) -> Sequence[IwlzBericht]:
        t = orm.berichten
        return self.s.scalars(
            sa.select(IwlzBericht).where(t.c.aanvraag_id == aanvraag_id).order_by(t.c.aangemaakt_op)
        ).all()


class Toetsingen:
    def __init__(self, s: Session) -> None:
        self.s = s

    def add(self, t: Toetsing) -> None:
        self.s.add(t)

    def get(self, toetsing_id: str) -> Toetsing | None:
        return self.s.get(Toetsing, toetsing_id)

    def in_periode(self, van: dt.date, tot: dt.date) -> Sequence[Toetsing]:
        t = orm.toetsingen
        q = sa.select(Toetsing).where(t.c.periode_van == van, t.c.periode_tot == tot)
        return self.s.scalars(q.order_by(t.c.eenheid, t.c.aanvraag_id)).all()

    def alle(self, van: dt.date | None = None, tot: dt.date | None = None) -> Sequence[Toetsing]:
        t = orm.toetsingen
        q = sa.select(Toetsing)
        if van:
            q = q.where(t.c.periode_van >= van)
        if tot:
            q = q.where(t.c.periode_tot <= tot)
        return self.s.scalars(q).all()


class Maatwerk:
    def __init__(self, s: Session) -> None:
        self.s = s

    def add(self, m: Maatwerkindicatie) -> None:
        self.s.add(m)

    def alle(self) -> Sequence[Maatwerkindicatie]:
        return self.s.scalars(sa.select(Maatwerkindicatie).order_by(orm.maatwerkindicaties.c.vastgelegd_op)).all()

    def van_aanvraag(self, aanvraag_id: str) -> Sequence[Maatwerkindicatie]:
        t = orm.maatwerkindicaties
        return self.s.scalars(sa.select(Maatwerkindicatie).where(t.c.aanvraag_id == aanvraag_id)).all()


class Bijlagen:
    def __init__(self, s: Session) -> None:
        self.s = s

    def add(self, b: Bijlage) -> None:
        self.s.add(b)

    def get(self, bijlage_id: str) -> Bijlage | None:
        return self.s.get(Bijlage, bijlage_id)

    def van_aanvraag(self, aanvraag_id: str) -> Sequence[Bijlage]:
        t = orm.bijlagen
        return self.s.scalars(sa.select(Bijlage).where(t.c.aanvraag_id == aanvraag_id)).all()


class Gebruikers:
    def __init__(self, s: Session) -> None:
        self.s = s

    def add(self, g: Gebruiker) -> None:
        self.s.add(g)

    def get(self, gebruiker_id: str) -> Gebruiker | None:
        return self.s.get(Gebruiker, gebruiker_id)

    def met_naam(self, naam: str) -> Gebruiker | None:
        t = orm.auth_tables.gebruikers
        return self.s.scalars(sa.select(Gebruiker).where(t.c.gebruikersnaam == naam.strip().lower())).first()

    def alle(self) -> Sequence[Gebruiker]:
        return self.s.scalars(sa.select(Gebruiker).order_by(orm.auth_tables.gebruikers.c.gebruikersnaam)).all()


class Tokens:
    """API tokens as plain rows (only the SHA-256 is stored; see ``wlz.platform.auth``)."""

    def __init__(self, s: Session) -> None:
        self.s = s

    def add(self, **kolommen: Any) -> None:
        self.s.connection().execute(sa.insert(orm.auth_tables.api_tokens), kolommen)

    def actief_account(self, hash_: str) -> tuple[str, str, str] | None:
        """(id, gebruikersnaam, rol) of the active account behind an unrevoked token."""
        from wlz.platform.auth import token_account_select

        q = token_account_select(orm.auth_tables, "id", "gebruikersnaam", "rol")
        row = self.s.connection().execute(q, {"h": hash_}).first()
        return None if row is None else (str(row[0]), str(row[1]), str(row[2]))


def toegangslog_regels(s: Session, limit: int = 200) -> list[dict[str, Any]]:
    t = orm.toegangslog
    return [dict(r._mapping) for r in s.connection().execute(sa.select(t).order_by(t.c.id.desc()).limit(limit))]


class UnitOfWork(platform_uow.UnitOfWork):
    aanvragen: Aanvragen
    berichten: Berichten
    gebruikers: Gebruikers
    toetsingen: Toetsingen
    maatwerk: Maatwerk
    bijlagen: Bijlagen
    opschortingen: Opschortingen
    teamleden: Teamleden
    tokens: Tokens
    toegangslog: AccessLog

    def open_repositories(self, session: Session) -> None:
        self.aanvragen = Aanvragen(session)
        self.berichten = Berichten(session)
        self.gebruikers = Gebruikers(session)
        self.toetsingen = Toetsingen(session)
        self.maatwerk = Maatwerk(session)
        self.bijlagen = Bijlagen(session)
        self.opschortingen = Opschortingen(session)
        self.teamleden = Teamleden(session)
        self.tokens = Tokens(session)
        self.toegangslog = AccessLog(session, orm.toegangslog)


class UnitOfWorkFactory(platform_uow.UnitOfWorkFactory[UnitOfWork]):
    def __init__(self, engine: Engine) -> None:
        orm.start_mappers()
        super().__init__(engine, UnitOfWork)
