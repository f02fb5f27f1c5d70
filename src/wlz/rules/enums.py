"""Enumerations used by the rules: zorgprofielen (from the shared reference data) and leveringsvormen.

The zorgprofiel enum is generated from ``wlz.reference`` so that the rules, the claims analysis and the
service speak of exactly the same profiles. Enum names are parameter-safe keys (``GGZ-B3`` -> ``GGZ_B3``),
so a parameter node keyed by profile can be indexed with an enum array.
"""

from __future__ import annotations

from openfisca_core.indexed_enums import Enum

from wlz.reference import zorgprofielen


def profiel_key(code: str) -> str:
    """Parameter/enum key of a profile code: ``GGZ-B3`` -> ``GGZ_B3``."""
    return code.replace("-", "_")


Zorgprofiel = Enum(  # type: ignore[misc]
    "Zorgprofiel",
    [("ONBEKEND", "Onbekend")] + [(profiel_key(z.code), z.label) for z in zorgprofielen().values()],
)


class Leveringsvorm(Enum):
    """The ways a client can receive Wlz care (Wlz art. 3.3.1-3.3.3; COD578)."""

    verblijf = "Verblijf in een instelling (zzp)"
    vpt = "Volledig pakket thuis (vpt)"
    mpt = "Modulair pakket thuis (mpt)"
    pgb = "Persoonsgebonden budget (pgb)"
    mpt_pgb = "Combinatie van modulair pakket thuis en pgb"


#: leveringsvormen in which the client lives at home (not in an instelling)
THUIS = (Leveringsvorm.vpt, Leveringsvorm.mpt, Leveringsvorm.pgb, Leveringsvorm.mpt_pgb)
