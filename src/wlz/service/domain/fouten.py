"""Errors the domain raises. Each names the field it is about, so pages and API can point at it."""

from __future__ import annotations


class DomeinFout(ValueError):
    """A business rule of the case process was broken (HTTP 409/422 at the edge)."""

    def __init__(self, bericht: str, veld: str | None = None):
        super().__init__(bericht)
        self.bericht = bericht
        self.veld = veld


class OngeldigeOvergang(DomeinFout):
    """A request cannot move from its current state to the asked one."""


class NietGevonden(LookupError):
    """The object does not exist, or the actor may not know it exists (both look the same: 404)."""


class GeenToegang(PermissionError):
    """The actor's role may not do this at all (403)."""
