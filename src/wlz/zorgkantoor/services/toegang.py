"""Writing and searching the access log (NEN 7513): who, which client, what, when, for which purpose."""

from __future__ import annotations

import datetime as dt

from ..domain.model import nu
from .actor import Actor
from .autorisatie import DOEL, vereis


def log(uow, actor: Actor, actie: str, onderwerp: str, client_id: str | None = None, doel: str | None = None):
    """Add one line, in the same transaction as the access it records (no access without its line).

    The line's fields as a plain dict (the columns of ``Toegangsregel``), not an ORM object: every file read
    writes one, so it is on the hottest path."""
    uow.toegangslog.schrijf(
        {
            "tijdstip": nu(),
            "gebruiker_id": actor.gebruiker_id,
            "gebruikersnaam": actor.gebruikersnaam,
            "rol": actor.rol,
            "client_id": client_id,
            "actie": actie,
            "onderwerp": onderwerp,
            "doel": doel or DOEL.get(actor.rol, "onbekend"),
            "kanaal": actor.kanaal,
        }
    )


def zoek(
    uow,
    actor: Actor,
    *,
    client_id: str | None = None,
    gebruikersnaam: str | None = None,
    van: dt.date | None = None,
    tot: dt.date | None = None,
    limit: int = 200,
):
    """Administrators search the log. The search itself is logged too."""
    vereis(actor, "toegangslog.zoeken")

    def _ts(d: dt.date | None) -> dt.datetime | None:
        return dt.datetime.combine(d, dt.time(), tzinfo=dt.UTC) if d else None

    regels = uow.toegangslog.zoek(
        client_id=client_id,
        gebruikersnaam=gebruikersnaam,
        van=_ts(van),
        tot=_ts(tot + dt.timedelta(days=1)) if tot else None,
        limit=limit,
    )
    log(uow, actor, "zoeken", "toegangslog", client_id=client_id)
    uow.commit()
    return regels
