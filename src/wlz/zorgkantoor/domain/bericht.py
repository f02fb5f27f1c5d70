"""An iWlz message the zorgkantoor received or wrote, kept as the exact bytes exchanged.

Why keep them: an IO31 import, an AW33 sent to a provider and a CA317 reported to the CAK are evidence of
what was exchanged; the stored bytes can be downloaded again and re-validated. The message itself may hold
a BSN, so it is only ever served to a role that may read the client's file, never put in a URL or log.
"""

from __future__ import annotations

import datetime as dt

from .fouten import DomeinFout
from .model import nieuw_id, nu

SOORTEN: dict[str, str] = {
    "IO31": "Indicatiebesluit (CIZ → zorgkantoor)",
    "AW33": "Zorgtoewijzing (zorgkantoor → zorgaanbieder)",
    "AW35": "Melding aanvang zorg (zorgaanbieder → zorgkantoor)",
    "AW39": "Melding mutatie of einde zorg (zorgaanbieder → zorgkantoor)",
    "CA317": "Melding aanvang zorg aan het CAK (zorgkantoor → CAK)",
    "CA319": "Melding einde zorg aan het CAK (zorgkantoor → CAK)",
}
RICHTINGEN = ("in", "uit")


class IwlzBericht:
    """One stored message: its type, direction, header and the XML as exchanged."""

    def __init__(
        self,
        *,
        soort: str,
        richting: str,
        identificatie: str,
        dagtekening: dt.date,
        afzender: str,
        ontvanger: str | None,
        inhoud: bytes,
        vastgelegd_door: str,
        client_id: str | None = None,
        toewijzing_id: str | None = None,
        id: str | None = None,
    ):
        if soort not in SOORTEN:
            raise DomeinFout("Onbekende berichtsoort.", "soort")
        if richting not in RICHTINGEN:
            raise DomeinFout("Richting is 'in' of 'uit'.", "richting")
        self.id = id or nieuw_id()
        self.soort = soort
        self.richting = richting
        self.identificatie = identificatie
        self.dagtekening = dagtekening
        self.afzender = afzender
        self.ontvanger = ontvanger
        self.inhoud = inhoud
        self.vastgelegd_door = vastgelegd_door
        self.client_id = client_id
        self.toewijzing_id = toewijzing_id
        self.aangemaakt_op = nu()

    @property
    def bestandsnaam(self) -> str:
        return f"{self.soort}-{self.identificatie}.xml"
