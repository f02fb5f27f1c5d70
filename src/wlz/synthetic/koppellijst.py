"""The ``prestatiecodes`` koppellijst of the synthetic dataset.

Seed 004 (Bijlage 3 § 1.1) classifies claim lines with "een koppellijst van de NZa voor de zzp en vpt
prestatiecodes" that also gives sector and zorgprofiel. The real NZa codes are not in shared/, so the codes
here are synthetic and self-explaining, one per (leveringsvorm, behandeling, COD163 code) for the basis
prestaties and a handful for the other roles:

* ``ZI754`` / ``ZE754`` / ``VI754`` / ``VE754`` - zzp/vpt incl/excl behandeling of COD163 754 (5VV), rol basis;
* ``M-PV``, ``M-VP``, ``M-BG``, ``M-DB`` - mpt modules (verzorging, verpleging, begeleiding, dagbesteding);
* ``B-SO``, ``B-AVG``, ``B-GW``, ``B-PM`` - modular behandeling (specialist ouderengeneeskunde, arts vg,
  gedragswetenschapper, paramedisch), rol behandeling_module;
* ``T-01``, ``T-02`` - toeslagen; ``ELV-H``, ``ELV-L``, ``ELV-P``, ``GZSP`` - uitgesloten (ELV and GZSP are
  removed by the analysis, seed 004 Bijlage 3 § 1.1 "Correcties").
"""

from __future__ import annotations

from functools import cache

import pyarrow as pa

from wlz import reference
from wlz.synthetic.targets import BASIS, assumptions

SCHEMA = pa.schema(
    [
        ("prestatiecode", pa.string()),
        ("rol", pa.string()),
        ("leveringsvorm", pa.string()),
        ("behandeling", pa.string()),
        ("zzp_code", pa.string()),
        ("soort_zorg", pa.string()),
    ]
)

TOESLAGEN = {"T-01": "toeslagen", "T-02": "toeslagen"}
UITGESLOTEN = {"ELV-H": "elv", "ELV-L": "elv", "ELV-P": "elv", "GZSP": "gzsp"}


def basiscode(lv: str, cod163: str) -> str:
    """Synthetic basisprestatie code, e.g. ``basiscode('zzp_incl', '754') == 'ZI754'``."""
    vorm, beh = lv.split("_")
    return f"{vorm[0].upper()}{'I' if beh == 'incl' else 'E'}{cod163}"


@cache
def codes_wlz() -> tuple[str, ...]:
    """COD163 codes that get basis prestaties: every Wlz profile (9VV A is Zvw care and has none)."""
    return tuple(sorted(z.cod163 for z in reference.zorgprofielen().values() if not z.buiten_wlz))


@cache
def table() -> pa.Table:
    """The koppellijst as a table in the interface's column order (empty fields are null)."""
    t = assumptions()["tarieven"]
    rows: list[tuple] = []
    for cod in codes_wlz():
        for lv in BASIS:
            vorm, beh = lv.split("_")
            rows.append((basiscode(lv, cod), "basis", vorm, beh, cod, vorm))
    for code, m in t["mpt_modules"].items():
        rows.append((code, "module", None, None, None, m["soort_zorg"]))
    for code, m in t["behandeling_modules"].items():
        rows.append((code, "behandeling_module", None, None, None, m["soort_zorg"]))
    for code, sz in TOESLAGEN.items():
        rows.append((code, "toeslag", None, None, None, sz))
    for code, sz in UITGESLOTEN.items():
        rows.append((code, "uitgesloten", None, None, None, sz))
    cols = list(zip(*rows, strict=True))
    return pa.table({f.name: pa.array(c, f.type) for f, c in zip(SCHEMA, cols, strict=True)}, schema=SCHEMA)
