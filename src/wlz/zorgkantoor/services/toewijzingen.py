"""Reading one zorgtoewijzing with its access rules: the piece the case file and the message use cases share.

Both :mod:`.dossier` (the file, the manual start/end reports) and :mod:`.berichten` (the provider's reported
history) read an assignment the same way; keeping that here lets each import it without importing the other.
"""

from __future__ import annotations

from ..domain.fouten import NotFound
from ..domain.model import Zorgtoewijzing
from .actor import Actor
from .autorisatie import client_zichtbaar, vereis
from .toegang import log


def toewijzing(uow, actor: Actor, toewijzing_id: str, wat: str = "zorgtoewijzing") -> Zorgtoewijzing:
    """Read one assignment (a provider only its own); ``wat`` names the read in the access log."""
    vereis(actor, "client.lezen")
    tw = uow.toewijzingen.get(toewijzing_id)
    if tw is None:
        raise NotFound("toewijzing")
    client_zichtbaar(uow, actor, tw.client_id)
    if actor.rol == "aanbieder" and tw.agb_code != actor.agb_code:
        raise NotFound("toewijzing")
    log(uow, actor, "lezen", wat, client_id=tw.client_id)
    uow.commit()
    return tw


def eigen_toewijzing(uow, actor: Actor, toewijzing_id: str) -> Zorgtoewijzing:
    """The provider's own assignment, for a report about it; any other is 'not found' (nothing to learn)."""
    vereis(actor, "toewijzing.melden")
    tw = uow.toewijzingen.get(toewijzing_id)
    if tw is None or tw.agb_code != actor.agb_code:
        raise NotFound("toewijzing")
    return tw
