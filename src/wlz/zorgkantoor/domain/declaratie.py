"""Declarations under persoonsvolgende bekostiging: the reasons a line is refused, in the order they are checked.

Seed 001 p8 r.730-733: a provider is paid only "op het moment dat een cliënt hen als voorkeursaanbieder
selecteert"; the issue (12, "Declarations") lists the checks: an active toewijzing for that client and provider, a
contract covering prestatie and date, the contracted tariff, the voucher's remaining value, no double declaration.
The checks themselves run in the database over a whole file at once (``storage.declaratie_checks``); this module
only names them, so the codes and texts are one list the checks, the pages and the documentation share.

A line is refused for the FIRST check it fails, in the order of :data:`REDENEN`. Codes are never renumbered: a
check added later gets the next free code and takes its place in the order (D11 runs right after D05: a
leveringsvorm mismatch makes the contract's tariff irrelevant; D12 right before D10: a line past the voucher's
validity does not use up its value).
"""

from __future__ import annotations

from dataclasses import dataclass

#: code -> Dutch text, in the order the checks run
REDENEN: dict[str, str] = {
    "D01": "Regel onleesbaar",
    "D02": "Regel van een andere zorgaanbieder dan die van het bestand",
    "D03": "Cliënt onbekend bij het zorgkantoor",
    "D04": "Geen actieve zorgtoewijzing voor deze cliënt bij deze zorgaanbieder in de periode",
    "D05": "Geen actief contract voor deze prestatie in de periode (en de regio van de cliënt)",
    "D11": (
        "Leveringsvorm van de zorgtoewijzing past niet bij het contract: de zorgaanbieder heeft deze prestatie "
        "alleen voor een andere leveringsvorm gecontracteerd"
    ),
    "D06": "Geen gecontracteerd tarief bekend voor deze prestatie",
    "D07": "Bedrag hoger dan aantal maal het gecontracteerde tarief",
    "D08": "Al eerder gedeclareerd: zelfde cliënt, zorgaanbieder en prestatie in een overlappende periode",
    "D09": "Dubbel in dit bestand: zelfde cliënt en prestatie in een overlappende periode als een eerdere regel",
    "D12": "Voucher vervallen: de regel loopt na de laatste geldige dag van de voucher",
    "D10": "Bedrag boven de resterende waarde van de voucher",
}


@dataclass(frozen=True)
class ImportResultaat:
    """What one import did: the counts a provider and the zorgkantoor see after uploading a file."""

    batch_id: str
    agb_code: str
    bestandsnaam: str
    aantal_regels: int
    aantal_geaccepteerd: int
    aantal_geweigerd: int
    bedrag_geaccepteerd_cent: int
    #: reason code -> number of lines refused for it
    per_reden: dict[str, int]


def reden_tekst(code: str) -> str:
    """The Dutch text of a reason code (the code itself when unknown, so nothing is hidden)."""
    return REDENEN.get(code, code)
