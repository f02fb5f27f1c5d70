"""The bytes every builder writes stay exactly the bytes of the recorded examples in ``golden/``.

The examples were written once by the previous, hand-written serialiser; the generated bindings must
produce the same bytes (prefixes, indentation, declaration), because providers, the CAK and stored
messages compare them. A difference here is a change of the wire format, not a refactoring.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from wlz import iwlz
from wlz.iwlz.voorbeelden import keten

from . import gevallen

GOLDEN = Path(__file__).parent / "golden"

LEVERINGSVORMEN = [
    ("754", iwlz.Leveringsvorm.VERBLIJF),
    ("808", iwlz.Leveringsvorm.VPT),
    ("826", iwlz.Leveringsvorm.MPT),
    ("884", iwlz.Leveringsvorm.PGB),
    ("753", iwlz.Leveringsvorm.DTV),
]
SOORTEN = ["io31", "aw33", "aw35", "ca317", "aw39", "ca319"]


def voorbeelden() -> dict[str, object]:
    """Every recorded example by file name."""
    uit: dict[str, object] = {}
    for n, (zzp, vorm) in enumerate(LEVERINGSVORMEN):
        k = keten(n, zzp_code=zzp, leveringsvorm=vorm)
        for soort in SOORTEN:
            uit[f"{soort}-{vorm.name.lower()}.xml"] = getattr(k, soort)
    uit["io31-rijk.xml"] = gevallen.rijke_io31()
    uit["aw39-aanvraag.xml"] = gevallen.aw39_met_aanvraag()
    return uit


@pytest.mark.parametrize("naam", sorted(voorbeelden()))
def test_zelfde_bytes_als_het_vastgelegde_voorbeeld(naam):
    assert iwlz.build_message(voorbeelden()[naam]) == (GOLDEN / naam).read_bytes()
