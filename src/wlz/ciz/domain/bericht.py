"""An iWlz message the CIZ sent (IO31) with what came back (the IO32 retour), per request."""

from __future__ import annotations

import datetime as dt
import secrets


class BerichtStatus:
    VERZONDEN = "verzonden"
    GEACCEPTEERD = "geaccepteerd"
    GEWEIGERD = "geweigerd"
    NIET_BEZORGD = "niet_bezorgd"


class IwlzBericht:
    def __init__(
        self, *, aanvraag_id: str, soort: str, identificatie: str, dagtekening: dt.date, inhoud: bytes
    ) -> None:
        self.id = secrets.token_hex(8)
        self.aanvraag_id = aanvraag_id
        self.soort = soort
        self.identificatie = identificatie
        self.dagtekening = dagtekening
        self.inhoud = inhoud
        self.status = BerichtStatus.VERZONDEN
        self.melding = ""
        self.retour: bytes | None = None
        self.aangemaakt_op = dt.datetime.now(dt.UTC)
