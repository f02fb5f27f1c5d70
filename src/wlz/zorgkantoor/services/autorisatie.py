"""Who may do what: the one permission table of the service.

Two questions, asked in this order for every use case:
1. May this role do this at all? If not: :class:`AccessDenied` (403).
2. May this actor see this client? A provider only sees clients assigned to its AGB code, a client only
   their own file. If not: :class:`NotFound` (404), so nobody learns whether another client exists.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..domain.fouten import AccessDenied, NotFound
from .actor import Actor

if TYPE_CHECKING:
    from ..storage.uow import UnitOfWork

ZORGKANTOOR = frozenset({"beoordelaar", "beheerder"})

#: action -> roles that may perform it (client-scoped actions are further limited by :func:`client_zichtbaar`)
RECHTEN: dict[str, frozenset[str]] = {
    "client.lezen": ZORGKANTOOR | {"aanbieder", "client"},
    "client.zoeken": ZORGKANTOOR | {"aanbieder"},
    "client.registreren": ZORGKANTOOR,
    "indicatie.registreren": ZORGKANTOOR,
    "leveringsvorm.kiezen": frozenset({"beoordelaar", "client"}),
    "toewijzing.maken": ZORGKANTOOR,
    "toewijzing.melden": frozenset({"aanbieder"}),
    "aanvraag.lezen": ZORGKANTOOR | {"client"},
    "aanvraag.indienen": frozenset({"beoordelaar", "client"}),
    "aanvraag.behandelen": frozenset({"beoordelaar"}),
    "werkvoorraad": ZORGKANTOOR,
    "dashboard": ZORGKANTOOR,
    "toegangslog.zoeken": frozenset({"beheerder"}),
    "gebruikers.beheren": frozenset({"beheerder"}),
    # iWlz messages: the zorgkantoor imports IO31 and writes AW33/CA317/CA319; a provider reports AW35/AW39
    # (``toewijzing.melden``). Stored messages hold a BSN: the zorgkantoor reads them all back, a provider only
    # the ones exchanged with its own AGB code (the AW33 sent to it, its own AW35/AW39) about clients assigned
    # to it (``services.berichten.read``)
    "bericht.importeren": ZORGKANTOOR,
    "bericht.maken": ZORGKANTOOR,
    "bericht.lezen": ZORGKANTOOR | {"aanbieder"},
    # decision letters: the zorgkantoor, and the client for their own file
    "brief.lezen": ZORGKANTOOR | {"client"},
}

#: The purpose recorded in the access log, per role (NEN 7513 asks for the purpose of each access).
DOEL: dict[str, str] = {
    "beoordelaar": "beoordeling en toewijzing van Wlz-zorg",
    "beheerder": "beheer van het cliëntdossier",
    "aanbieder": "levering van toegewezen zorg",
    "client": "inzage en aanvraag in eigen dossier",
}


def rollen_voor(actie: str) -> frozenset[str]:
    return RECHTEN[actie]


def vereis(actor: Actor, actie: str) -> None:
    if actor.rol not in RECHTEN[actie]:
        raise AccessDenied(f"Uw rol mag dit niet ({actie}).")


def client_zichtbaar(uow: UnitOfWork, actor: Actor, client_id: str, *, bestaat: bool | None = None) -> None:
    """Raise :class:`NotFound` unless the client exists and lies within the actor's reach.

    ``bestaat``: whether the client exists, when the caller already read the client (saves a query)."""
    if actor.rol in ZORGKANTOOR:
        if not (bestaat if bestaat is not None else uow.clients.get(client_id) is not None):
            raise NotFound("client")
        return
    if actor.rol == "client":
        if actor.client_id != client_id or not (
            bestaat if bestaat is not None else uow.clients.get(client_id) is not None
        ):
            raise NotFound("client")
        return
    if actor.rol == "aanbieder":
        if not actor.agb_code or not uow.toewijzingen.heeft_aanbieder(client_id, actor.agb_code):
            raise NotFound("client")
        return
    raise NotFound("client")
