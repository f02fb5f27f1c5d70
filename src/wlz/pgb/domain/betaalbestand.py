"""Bank accounts and the payment run of the trekkingsrecht: the SVB pays the zorgverleners on the budgethouder's
behalf (Wlz art. 3.3.3 lid 7; Blz art. 3.6.6), never the budgethouder's own account (seed 003 p. 9: no longer "op
rekening van de budgethouder zelf"). The file to the bank is a SEPA credit transfer (ISO 20022 pain.001.001.03),
built with ``sepaxml`` and validated against that package's copy of the XSD."""

from __future__ import annotations

import string
from dataclasses import dataclass

from wlz.common.errors import InputError

#: ISO 13616 IBAN lengths for the countries a Dutch pgb pays into here (others: 15-34, the IBAN's range)
LENGTE = {"NL": 18, "BE": 16, "DE": 22}


def _getal(tekens: str) -> int:
    """ISO 13616 / ISO 7064: letters as 10-35, digits as themselves, read as one number."""
    return int("".join(str(int(c, 36)) for c in tekens))


def normaliseer_iban(iban: str) -> str:
    return "".join(iban.split()).upper()


def iban_geldig(iban: str) -> bool:
    """ISO 13616: country letters, two check digits, then the account; mod 97 of the rearranged number is 1."""
    i = normaliseer_iban(iban)
    if not (15 <= len(i) <= 34) or not i[:2].isalpha() or not i[2:4].isdigit() or not i.isalnum():
        return False
    if i[:2] in LENGTE and len(i) != LENGTE[i[:2]]:
        return False
    return _getal(i[4:] + i[:4]) % 97 == 1


def check_iban(iban: str, veld: str = "iban") -> str:
    i = normaliseer_iban(iban)
    if not iban_geldig(i):
        raise InputError(veld, "geen geldig IBAN (controlegetal klopt niet of de lengte is onjuist)")
    return i


def maak_iban(land: str, bban: str) -> str:
    """The IBAN for a country and BBAN with its check digits computed (ISO 13616): used for synthetic accounts."""
    return f"{land}{98 - _getal((bban + land + '00').upper()) % 97:02d}{bban}".upper()


def check_naam(naam: str, veld: str = "naam") -> str:
    n = naam.strip()
    if not n or len(n) > 70 or any(c not in string.printable and not c.isalpha() for c in n):
        raise InputError(veld, "vul een naam in (ten hoogste 70 tekens)")
    return n


@dataclass(frozen=True)
class Betaler:
    """The account the SVB pays from (the installation's setting)."""

    iban: str
    naam: str
    bic: str | None = None


@dataclass(frozen=True)
class Overboeking:
    betaling_id: str
    iban: str
    naam: str
    bedrag_cent: int
    omschrijving: str


def weiger_eigen_rekening(o: Overboeking, iban_budgethouder: str | None) -> str | None:
    """The reason a transfer may not go out, or None: never to the budgethouder's own account."""
    if iban_budgethouder is not None and normaliseer_iban(iban_budgethouder) == normaliseer_iban(o.iban):
        return "rekening van de budgethouder zelf: het trekkingsrecht betaalt alleen de zorgverlener"
    return None
