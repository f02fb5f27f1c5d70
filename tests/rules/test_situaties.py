"""Runs every OpenFisca-style YAML situation test in tests/rules/situaties/ as a pytest case.

The YAML format is OpenFisca's (name, period, input, output, absolute_error_margin); inputs without
entity keys describe a single client. We run them in-process (not through OpenFisca's nested pytest
runner) so they take part in this suite's collection, parallelism and reporting.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import yaml
from openfisca_core.simulation_builder import SimulationBuilder

from wlz.rules.system import systeem

MAP = Path(__file__).parent / "situaties"


def _cases():
    for path in sorted(MAP.glob("*.yaml")):
        for i, case in enumerate(yaml.safe_load(path.read_text("utf-8")) or []):
            yield pytest.param(case, id=f"{path.stem}[{i}] {case.get('name', '')}")


def _vergelijk(variabele: str, berekend: np.ndarray, verwacht, marge: float) -> None:
    verwacht_arr = np.asarray(verwacht if isinstance(verwacht, list) else [verwacht])
    if berekend.dtype.kind in "fi" and verwacht_arr.dtype.kind in "fi":
        assert np.allclose(berekend, verwacht_arr, atol=marge, equal_nan=True), (
            f"{variabele}: berekend {berekend.tolist()}, verwacht {verwacht_arr.tolist()}")
    else:
        decoded = berekend.decode_to_str() if hasattr(berekend, "decode_to_str") else berekend
        assert [str(x) for x in np.asarray(decoded).tolist()] == [str(x) for x in verwacht_arr.tolist()], (
            f"{variabele}: berekend {decoded}, verwacht {verwacht_arr}")


@pytest.mark.parametrize("case", list(_cases()))
def test_situatie(case):
    system = systeem()
    builder = SimulationBuilder()
    builder.set_default_period(str(case["period"]))
    simulation = builder.build_from_dict(system, case["input"])
    marge = float(case.get("absolute_error_margin", 0.005))
    for variabele, verwacht in case["output"].items():
        if isinstance(verwacht, dict):  # {period: value}
            for periode, waarde in verwacht.items():
                _vergelijk(variabele, simulation.calculate(variabele, str(periode)), waarde, marge)
        else:
            _vergelijk(variabele, simulation.calculate(variabele, str(case["period"])), verwacht, marge)
