"""The maatwerkindicatie pilot (seed 000 p5 r.243-249, p6 r.313-321; seed 003 p3 r.129-136, p7 r.389-391): for a
client in a pilot group the need in hours per function, the context and preferences, and the amount that need
costs against the amount of the client's zorgprofiel from the rules — more or less. Tagged ``pilot`` so the
scenario tooling can read the records (``GET /api/maatwerk``).

No tariff is shipped: the hourly rate per function is the pilot's own input (there is no public rate per hour
for these functions in the sources), so every amount here is computed from what the user entered. A week is
7 days; the year amount is the weekly amount × days in the year / 7.
"""

from __future__ import annotations

import calendar
import datetime as dt
import secrets
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from wlz.common.errors import InputError

from .beoordeling import Functie

#: the tag the scenario tooling selects the pilot records by
PILOT = "maatwerkindicatie"
#: hours in a week: the upper bound of a need per function
UREN_PER_WEEK = 7 * 24


@dataclass(frozen=True)
class Behoefte:
    functie: str
    uren_per_week: Decimal
    tarief_per_uur: Decimal


def jaarbedrag(behoeften: list[Behoefte], jaar: int) -> Decimal:
    dagen = 366 if calendar.isleap(jaar) else 365
    week = sum((b.uren_per_week * b.tarief_per_uur for b in behoeften), Decimal(0))
    return (week * dagen / 7).quantize(Decimal("0.01"), ROUND_HALF_UP)


def controleer(behoeften: list[Behoefte]) -> None:
    if not behoeften:
        raise InputError("behoeften", "Geef de behoefte in uren voor ten minste één functie.")
    gezien = set()
    for i, b in enumerate(behoeften):
        if b.functie not in {f.value for f in Functie} or b.functie in gezien:
            raise InputError(f"behoeften[{i}].functie", "Onbekende of dubbele functie.")
        gezien.add(b.functie)
        if not Decimal(0) < b.uren_per_week <= UREN_PER_WEEK:
            raise InputError(f"behoeften[{i}].uren_per_week", f"Tussen 0 en {UREN_PER_WEEK} uur per week.")
        if b.tarief_per_uur <= 0:
            raise InputError(f"behoeften[{i}].tarief_per_uur", "Geef het tarief per uur van de pilot (groter dan 0).")


class Maatwerkindicatie:
    def __init__(
        self,
        *,
        aanvraag_id: str,
        pilotgroep: str,
        jaar: int,
        behoeften: list[Behoefte],
        context: str,
        voorkeuren: str,
        profielbedrag: Decimal | None,
        vastgelegd_door: str,
    ) -> None:
        if not pilotgroep.strip():
            raise InputError("pilotgroep", "Noem de pilotgroep.")
        controleer(behoeften)
        self.id = secrets.token_hex(8)
        self.aanvraag_id = aanvraag_id
        self.pilotgroep = pilotgroep.strip()
        self.jaar = jaar
        self.behoeften_json = [
            {"functie": b.functie, "uren_per_week": str(b.uren_per_week), "tarief_per_uur": str(b.tarief_per_uur)}
            for b in behoeften
        ]
        self.context = context.strip()
        self.voorkeuren = voorkeuren.strip()
        self.bedrag = jaarbedrag(behoeften, jaar)
        #: the profile's amount from the rules (pgb_budget for the year); None: the rules do not know it
        self.profielbedrag = profielbedrag
        self.vastgelegd_door = vastgelegd_door
        self.vastgelegd_op = dt.datetime.now(dt.UTC)

    @property
    def verschil(self) -> Decimal | None:
        """Need amount minus profile amount: positive = more than the profile, negative = less."""
        return None if self.profielbedrag is None else self.bedrag - self.profielbedrag
