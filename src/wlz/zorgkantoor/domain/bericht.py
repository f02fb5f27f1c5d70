"""An iWlz message the zorgkantoor received or wrote, kept as the exact bytes exchanged.

Why keep them: an IO31 import, an AW33 sent to a provider and a CA317 reported to the CAK are evidence of
what was exchanged; the stored bytes can be downloaded again and re-validated. The message itself may hold
a BSN, so it is only ever served to a role that may read the client's file, never put in a URL or log.

Every received message is answered with its retour (IO32, AW36, AW310), kept beside it (``retour_van`` names
the message a retour answers); the received message keeps its ``resultaat`` — ``geaccepteerd``, or
``geweigerd`` with the ``bevindingen`` (rule code, element, Dutch rule text, retourcode) that refused it. A
refused message is stored with its retour and nothing else of it (no client, indication or care is recorded).
A retour a partner sends back (AW34, CA318, CA320) sets the ``resultaat`` of the message it answers.
"""

from __future__ import annotations

import datetime as dt

from .fouten import DomainError
from .model import nieuw_id, nu

SOORTEN: dict[str, str] = {
    "IO31": "Indicatiebesluit (CIZ → zorgkantoor)",
    "AW33": "Zorgtoewijzing (zorgkantoor → zorgaanbieder)",
    "AW35": "Melding aanvang zorg (zorgaanbieder → zorgkantoor)",
    "AW39": "Melding mutatie of einde zorg (zorgaanbieder → zorgkantoor)",
    "CA317": "Melding aanvang zorg aan het CAK (zorgkantoor → CAK)",
    "CA319": "Melding einde zorg aan het CAK (zorgkantoor → CAK)",
    "IO32": "Retour op indicatiebesluit (zorgkantoor → CIZ)",
    "AW34": "Retour op zorgtoewijzing (zorgaanbieder → zorgkantoor)",
    "AW36": "Retour op melding aanvang zorg (zorgkantoor → zorgaanbieder)",
    "AW310": "Retour op melding mutatie (zorgkantoor → zorgaanbieder)",
    "CA318": "Retour op melding aanvang zorg (CAK → zorgkantoor)",
    "CA320": "Retour op melding einde zorg (CAK → zorgkantoor)",
}
RICHTINGEN = ("in", "uit")
#: ``resultaat`` of a message: accepted (every berichtklasse 0200) or refused (findings); None: no retour yet
GEACCEPTEERD, GEWEIGERD = "geaccepteerd", "geweigerd"
RESULTATEN = {GEACCEPTEERD: "Geaccepteerd", GEWEIGERD: "Geweigerd"}


class IwlzBericht:
    """One stored message: its type, direction, header and the XML as exchanged."""

    #: the retour that answered this message, when the use case that received it just made one (not stored
    #: on this row: the retour names the message in ``retour_van``)
    retour: IwlzBericht | None = None

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
        resultaat: str | None = None,
        bevindingen: list[dict[str, str]] | None = None,
        retour_van: str | None = None,
    ):
        if soort not in SOORTEN:
            raise DomainError("Onbekende berichtsoort.", "soort")
        if richting not in RICHTINGEN:
            raise DomainError("Richting is 'in' of 'uit'.", "richting")
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
        if resultaat is not None and resultaat not in RESULTATEN:
            raise DomainError("Resultaat is 'geaccepteerd' of 'geweigerd'.", "resultaat")
        self.resultaat = resultaat
        #: each finding as ``{"code", "pad", "tekst", "retourcode"}`` (no BSN: element paths and rule texts)
        self.bevindingen = bevindingen
        self.retour_van = retour_van

    @property
    def retour_id(self) -> str | None:
        return None if self.retour is None else self.retour.id

    @property
    def is_retour(self) -> bool:
        return self.retour_van is not None

    @property
    def geweigerd(self) -> bool:
        return self.resultaat == GEWEIGERD

    @property
    def bestandsnaam(self) -> str:
        return f"{self.soort}-{self.identificatie}.xml"


class BerichtGeweigerd(DomainError):
    """A received message that breaks the iWlz rules (XSD or the XSLT set): it was stored, refused, with its
    retour; ``bericht`` and ``retour`` are those two stored messages. The text names each rule, element and
    the rule in Dutch (never a BSN: element paths and rule texts only)."""

    def __init__(self, bericht: IwlzBericht, retour: IwlzBericht | None) -> None:
        regels = [bevinding_tekst(b) for b in bericht.bevindingen or []]
        meer = f" (en nog {len(regels) - 3} bevindingen)" if len(regels) > 3 else ""
        super().__init__(f"Het {bericht.soort}-bericht is geweigerd: " + "; ".join(regels[:3]) + meer, "bericht")
        self.iwlz_bericht = bericht
        self.retour = retour


def bevinding_tekst(b: dict[str, str]) -> str:
    """One finding in Dutch: ``regel CD051 bij /Bericht/.../Leveringsvorm: Als Leveringsvorm ...``; a refusal
    without a rule of its own names its retourcode (``retourcode 0001 bij /Bericht/Header/Afzender: ...``)."""
    code = b.get("code") or ""
    regel = code if code == "XSD" else f"regel {code}" if code[:2] in ("CD", "CS", "TR") else f"retourcode {code}"
    return f"{regel} bij {b.get('pad')}: {b.get('tekst')}"
