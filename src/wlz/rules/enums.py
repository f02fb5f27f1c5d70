"""Enumerations used by the rules: zorgprofielen and leveringsvormen, both from the shared reference data.

The zorgprofiel enum is generated from ``wlz.reference`` so that the rules, the claims analysis and the
service speak of exactly the same profiles. Enum names are parameter-safe keys (``GGZ-B3`` -> ``GGZ_B3``),
so a parameter node keyed by profile can be indexed with an enum array.
"""

from __future__ import annotations

from openfisca_core.indexed_enums import Enum

from wlz.reference import zorgprofielen
from wlz.reference.leveringsvorm import leveringsvormen, thuis


def profiel_key(code: str) -> str:
    """Parameter/enum key of a profile code: ``GGZ-B3`` -> ``GGZ_B3``."""
    return code.replace("-", "_")


Zorgprofiel = Enum(  # type: ignore[misc]
    "Zorgprofiel",
    [("ONBEKEND", "Onbekend")] + [(profiel_key(z.code), z.label) for z in zorgprofielen().values()],
)


#: The ways a client can receive Wlz care (Wlz art. 3.3.1-3.3.3; COD578), in the order of ``wlz.reference``
#: (verblijf, vpt, mpt, pgb, mpt_pgb): member names are the codes situations use.
Leveringsvorm = Enum(  # type: ignore[misc]
    "Leveringsvorm",
    [(lv.code, lv.naam) for lv in leveringsvormen().values()],
)

#: leveringsvormen in which the client lives at home (not in an instelling)
THUIS = tuple(m for m in Leveringsvorm if m.name in thuis())
