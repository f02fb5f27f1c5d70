"""The YAML situation tests of tests/rules/situaties/ that OpenFisca's own runner cannot express.

Most cases run with OpenFisca's runner (collected by ``conftest.py``; OpenFisca's YAML format: name, period,
input, output, absolute_error_margin; inputs without entity keys describe a single client). Two things of this
project's cases that runner does not do, and how they are handled:

1. **An expected unknown value.** A rule whose amount no public source gives returns NaN ("onbekend"), and a case
   asserts exactly that (``pab_maximum: .nan``). OpenFisca's ``assert_near`` compares ``abs(expected - value) <=
   margin``, which is never true for NaN, so such a case could only fail there. Every case with a NaN anywhere in
   its ``output`` runs here instead, comparing with NaN equal to NaN (all its outputs, not only the NaN ones).
2. **Absolute margins only.** This runner compares ``|value - expected| <= margin`` (``numpy.allclose`` with
   ``rtol=0``), as OpenFisca's does. It used numpy's default relative tolerance (``1e-5 * |expected|``, about a
   euro on a pab maximum), under which two pab cases passed with a wrong hand calculation (``239.110 x 184 /
   365`` written as 120.536,77, it is 120.537,64; ``304.328 x 245 / 366`` as 203.717,38, it is 203.716,83). Their
   expectations are corrected and they run with OpenFisca's runner again.
3. **A default margin.** A case without ``absolute_error_margin`` is compared with a margin of half a cent
   (:data:`DEFAULT_MARGIN`), as amounts are written to the cent; OpenFisca's default is an exact comparison (in
   float32). This one OpenFisca's runner can express: ``conftest.py`` gives such a case this margin before
   handing it over.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import yaml
from openfisca_core.simulation_builder import SimulationBuilder

from wlz.rules.system import systeem

SITUATIES = Path(__file__).parent / "situaties"
#: the margin of a case that names none: half a cent
DEFAULT_MARGIN = 0.005


def _has_nan(value: Any) -> bool:
    if isinstance(value, dict):
        return any(_has_nan(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_nan(v) for v in value)
    return isinstance(value, float) and math.isnan(value)


def runs_here(path: Path, case: dict[str, Any]) -> bool:
    """Whether a case needs this runner: it expects an unknown (NaN) value somewhere in its output."""
    return _has_nan(case.get("output") or {})


def _cases():
    for path in sorted(SITUATIES.glob("*.yaml")):
        for i, case in enumerate(yaml.safe_load(path.read_text("utf-8")) or []):
            if runs_here(path, case):
                yield pytest.param(case, id=f"{path.stem}[{i}] {case.get('name', '')}")


def _compare(variabele: str, berekend: np.ndarray, verwacht, marge: float) -> None:
    verwacht_arr = np.asarray(verwacht if isinstance(verwacht, list) else [verwacht])
    if berekend.dtype.kind in "fi" and verwacht_arr.dtype.kind in "fi":
        assert np.allclose(berekend, verwacht_arr, rtol=0, atol=marge, equal_nan=True), (
            f"{variabele}: berekend {berekend.tolist()}, verwacht {verwacht_arr.tolist()}"
        )
    else:
        decoded = berekend.decode_to_str() if hasattr(berekend, "decode_to_str") else berekend
        assert [str(x) for x in np.asarray(decoded).tolist()] == [str(x) for x in verwacht_arr.tolist()], (
            f"{variabele}: berekend {decoded}, verwacht {verwacht_arr}"
        )


@pytest.mark.parametrize("case", list(_cases()))
def test_situatie(case):
    builder = SimulationBuilder()
    builder.set_default_period(str(case["period"]))
    simulation = builder.build_from_dict(systeem(), case["input"])
    marge = float(case.get("absolute_error_margin", DEFAULT_MARGIN))
    for variabele, verwacht in case["output"].items():
        if isinstance(verwacht, dict):  # {period: value}
            for periode, waarde in verwacht.items():
                _compare(variabele, simulation.calculate(variabele, str(periode)), waarde, marge)
        else:
            _compare(variabele, simulation.calculate(variabele, str(case["period"])), verwacht, marge)
