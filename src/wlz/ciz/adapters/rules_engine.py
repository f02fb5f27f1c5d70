"""The profile amount the maatwerkindicatie pilot compares with: the rules' ``pgb_budget`` of the zorgprofiel for
one calendar year (wlz.rules, with the parameters the installation supplies); None when the rules do not know it
(never a made-up figure)."""

from __future__ import annotations

from decimal import Decimal

from wlz.common.errors import InputError


def profielbedrag(zorgprofiel: str, jaar: int) -> Decimal | None:
    from wlz.rules.api import bereken

    try:
        r = bereken({"periode": str(jaar), "client": {"zorgprofiel": zorgprofiel}}).resultaat("pgb_budget")
    except InputError:
        return None
    if r is None or r.onbekend or r.waarde is None:
        return None
    return Decimal(str(r.waarde)).quantize(Decimal("0.01"))
