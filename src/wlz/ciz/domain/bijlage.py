"""An attachment to a request: information already held (a Wmo, Jeugdwet or Zvw indication, an indicatieadvies
of a provider; seed 001 p7 r.592-626), so the intake reuses what is known. Only PDF and common images; the size
limit is a technical setting of this service, not a rule of the law."""

from __future__ import annotations

import datetime as dt
import secrets

from wlz.common.errors import InputError

#: technical limit per file (bytes)
MAX_BYTES = 5 * 1024 * 1024
TOEGESTAAN = {"application/pdf": b"%PDF", "image/png": b"\x89PNG", "image/jpeg": b"\xff\xd8\xff"}


class Bijlage:
    def __init__(self, *, aanvraag_id: str, bestandsnaam: str, soort: str, inhoud: bytes) -> None:
        if soort not in TOEGESTAAN or not inhoud.startswith(TOEGESTAAN[soort]):
            raise InputError("bijlage", "Een bijlage is een PDF, PNG of JPEG.")
        if len(inhoud) > MAX_BYTES:
            raise InputError("bijlage", f"Een bijlage is ten hoogste {MAX_BYTES // (1024 * 1024)} MB.")
        naam = "".join(ch for ch in bestandsnaam if ch.isalnum() or ch in "._- ")[:100] or "bijlage"
        self.id = secrets.token_hex(8)
        self.aanvraag_id = aanvraag_id
        self.bestandsnaam = naam
        self.soort = soort
        self.inhoud = inhoud
        self.aangemaakt_op = dt.datetime.now(dt.UTC)
