"""Burgerservicenummer (BSN) validation with the elfproef.

Shared by the service (client records), the iWlz messages and the synthetic data, so a BSN is judged the same
way everywhere. The elfproef for the BSN: the nine digits d1..d9 weighted 9, 8, ..., 2 and -1 sum to a multiple
of 11 (Logisch Ontwerp BSN, RvIG; https://www.rvig.nl/bsn). We only ever handle synthetic numbers.

A BSN must never appear in a log line, a URL or an error message, so :class:`OngeldigBSN` never carries the
number itself.
"""

from __future__ import annotations

import random

_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)


class OngeldigBSN(ValueError):
    """Raised for a string that is not a valid BSN. The message never contains the number."""

    veld = "bsn"

    def __init__(self, reden: str):
        super().__init__(f"bsn: {reden}")
        self.reden = reden


def elfproef(bsn: str) -> bool:
    """True when the nine digits pass the BSN elfproef (and the number is not all zeros)."""
    if len(bsn) != 9 or not bsn.isdigit() or bsn == "000000000":
        return False
    return sum(int(d) * w for d, w in zip(bsn, _WEIGHTS, strict=True)) % 11 == 0


def normaliseer(waarde: str | int) -> str:
    """Return the BSN as 9 digits, or raise :class:`OngeldigBSN` (which never echoes the input).

    Spaces and dots people type are removed; an 8-digit number gets its leading zero back, as the BSN is
    sometimes stored as an integer.
    """
    tekst = str(waarde).strip().replace(" ", "").replace(".", "")
    if not tekst.isdigit():
        raise OngeldigBSN("een BSN bestaat alleen uit cijfers")
    if len(tekst) == 8:
        tekst = "0" + tekst
    if len(tekst) != 9:
        raise OngeldigBSN("een BSN heeft 9 cijfers")
    if not elfproef(tekst):
        raise OngeldigBSN("dit nummer voldoet niet aan de elfproef")
    return tekst


def synthetisch(rng: random.Random, prefix: str = "999") -> str:
    """A random BSN passing the elfproef, starting with ``prefix``.

    Synthetic numbers are kept in one recognisable block (999xxxxxx, about 90,000 valid numbers) so that
    demo data and tests are easy to tell apart; they are generated, never taken from a real register.
    """
    while True:
        kandidaat = prefix + "".join(rng.choice("0123456789") for _ in range(9 - len(prefix)))
        if elfproef(kandidaat):
            return kandidaat


def synthetische_reeks(aantal: int, seed: int = 0, prefix: str = "999") -> list[str]:
    """``aantal`` distinct synthetic BSNs, deterministic for ``seed`` (for demo data and tests)."""
    rng = random.Random(seed)
    gezien: dict[str, None] = {}
    while len(gezien) < aantal:
        gezien.setdefault(synthetisch(rng, prefix))
    return list(gezien)


def maskeer(bsn: str) -> str:
    """A display form that hides most digits (``*****1234``), for pages where full display is not needed."""
    return "*****" + bsn[-4:]
