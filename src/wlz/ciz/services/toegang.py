"""Authorization and access logging of the CIZ's use cases."""

from __future__ import annotations

from wlz.platform import access_log

from ..domain.gebruiker import RECHTEN, Actor
from ..storage.uow import UnitOfWork


class GeenToegang(Exception):
    """The actor's role may not do this (403)."""


class NietGevonden(Exception):
    """No such request or message (404)."""


def vereis(actor: Actor, recht: str) -> None:
    if actor.rol not in RECHTEN[recht]:
        raise GeenToegang(recht)


def log(uow: UnitOfWork, actor: Actor, actie: str, onderwerp: str, doel: str, aanvraag_id: str | None = None) -> None:
    """One access-log line; ``client_id`` holds the request id (the CIZ's file of a person), never a BSN."""
    uow.toegangslog.write(access_log.line(actor, actie, onderwerp, doel, client_id=aanvraag_id))
