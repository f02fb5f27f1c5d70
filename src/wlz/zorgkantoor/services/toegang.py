"""Writing and searching the access log (NEN 7513, ``wlz.platform.access_log``): who, which client, what,
when, for which purpose; the purpose per role is the zorgkantoor's (``autorisatie.DOEL``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from wlz.platform import access_log
from wlz.platform.access_log import Toegangsregel

from .actor import Actor
from .autorisatie import DOEL, vereis

if TYPE_CHECKING:
    from ..storage.uow import UnitOfWork


def log(
    uow: UnitOfWork, actor: Actor, actie: str, onderwerp: str, client_id: str | None = None, doel: str | None = None
) -> None:
    """Add one line, in the same transaction as the access it records (no access without its line)."""
    purpose = doel or DOEL.get(actor.rol, "onbekend")
    uow.toegangslog.write(access_log.line(actor, actie, onderwerp, purpose, client_id))


def zoek(
    uow: UnitOfWork,
    actor: Actor,
    *,
    client_id: str | None = None,
    gebruikersnaam: str | None = None,
    van: dt.date | None = None,
    tot: dt.date | None = None,
    limit: int = 200,
    before_id: int | None = None,
) -> Sequence[Toegangsregel]:
    """Administrators search the log, newest first, a page at a time (keyset: ``before_id``, the last id of the
    previous page). The search itself is logged too."""
    vereis(actor, "toegangslog.zoeken")

    def _ts(d: dt.date | None) -> dt.datetime | None:
        return dt.datetime.combine(d, dt.time(), tzinfo=dt.UTC) if d else None

    regels = uow.toegangslog.search(
        client_id=client_id,
        gebruikersnaam=gebruikersnaam,
        van=_ts(van),
        tot=_ts(tot + dt.timedelta(days=1)) if tot else None,
        limit=limit,
        before_id=before_id,
    )
    log(uow, actor, "zoeken", "toegangslog", client_id=client_id)
    uow.commit()
    return regels
