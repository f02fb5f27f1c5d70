"""How an IO31 reaches the zorgkantoor: ``POST {url}/api/berichten/io31`` with the API token of the CIZ's
system account at the zorgkantoor (its role: ``beoordelaar``, allowed ``bericht.importeren``); the answer names
the IO32 retour, fetched from ``GET {url}/api/berichten/{id}/retour``. The zorgkantoor checks the message
(XSD + iWlz rules): 201 accepted, 422 refused (with its IO32). Tests pass a client of the zorgkantoor's app
in-process (``httpx``-compatible: ``post``/``get``), the running system an ``httpx.Client`` on its URL.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol


class HttpClient(Protocol):
    def post(self, url: str, *, content: bytes, headers: dict[str, str]) -> Any: ...
    def get(self, url: str, *, headers: dict[str, str]) -> Any: ...


@dataclass(frozen=True)
class Afleverbewijs:
    """What came back: accepted or refused, the zorgkantoor's findings (Dutch), the IO32 XML if any."""

    status: str
    melding: str
    io32: bytes | None


@dataclass
class Bezorger:
    client: HttpClient
    token: str
    basis: str = ""

    def _h(self, soort: str = "application/xml") -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}", "Content-Type": soort}

    def bezorg_io31(self, xml: bytes) -> Afleverbewijs:
        try:
            r = self.client.post(f"{self.basis}/api/berichten/io31", content=xml, headers=self._h())
        except Exception as exc:  # network: kept as niet_bezorgd, to be sent again
            return Afleverbewijs("niet_bezorgd", f"Zorgkantoor niet bereikbaar: {type(exc).__name__}.", None)
        if r.status_code not in (201, 422):
            return Afleverbewijs("niet_bezorgd", f"Zorgkantoor antwoordde {r.status_code}.", None)
        body = r.json()
        bericht = body.get("bericht") or {}
        io32 = None
        if bericht.get("id") and (body.get("retour") or bericht.get("retour_id")):
            g = self.client.get(f"{self.basis}/api/berichten/{bericht['id']}/retour", headers=self._h())
            if g.status_code == 200:
                io32 = g.content
        if r.status_code == 201:
            return Afleverbewijs("geaccepteerd", "", io32)
        regels = "; ".join(str(d.get("msg", "")) for d in body.get("detail", []))
        return Afleverbewijs("geweigerd", regels[:2000], io32)
