"""The zorgkantoor's unit of work: the platform's (one transaction per use case, the write turns, see
``wlz.platform.uow``) with the repositories of the case file."""

from __future__ import annotations

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from wlz.platform import uow as platform_uow
from wlz.platform.access_log import AccessLog

from . import orm, repository
from .orm import start_mappers


class UnitOfWork(platform_uow.UnitOfWork):
    """``with uow:`` opens a transaction; ``uow.commit()`` keeps the work; leaving without commit rolls back."""

    clients: repository.Clients
    dossiers: repository.Dossiers
    indicaties: repository.Indicaties
    keuzes: repository.Keuzes
    toewijzingen: repository.Toewijzingen
    aanvragen: repository.Aanvragen
    gebruikers: repository.Gebruikers
    tokens: repository.Tokens
    toegangslog: AccessLog
    berichten: repository.Berichten
    monitoring: repository.Monitoring

    def open_repositories(self, session: Session) -> None:
        self.clients = repository.Clients(session)
        self.dossiers = repository.Dossiers(session)
        self.indicaties = repository.Indicaties(session)
        self.keuzes = repository.Keuzes(session)
        self.toewijzingen = repository.Toewijzingen(session)
        self.aanvragen = repository.Aanvragen(session)
        self.gebruikers = repository.Gebruikers(session)
        self.tokens = repository.Tokens(session)
        self.toegangslog = repository.toegangslog(session, self.deferred_log)
        self.berichten = repository.Berichten(session)
        self.monitoring = repository.Monitoring(session)


class UnitOfWorkFactory(platform_uow.UnitOfWorkFactory[UnitOfWork]):
    """Makes the zorgkantoor's units of work on one engine; the app and the commands each hold one."""

    def __init__(self, engine: Engine) -> None:
        start_mappers()
        super().__init__(engine, UnitOfWork, access_log=orm.toegangslog)

    def __call__(self, *, write: bool = False, single_read: bool = False, logged_read: bool = False) -> UnitOfWork:
        """``write``: the work writes; ``single_read``: a single SELECT; ``logged_read``: reads and writes only
        its access-log lines, through the group commit (see the platform's factory)."""
        return super().__call__(write=write, single_read=single_read, logged_read=logged_read)
