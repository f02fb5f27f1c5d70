"""Collects the YAML situation tests of ``situaties/`` for OpenFisca's own test runner.

Each case becomes an item of OpenFisca's pytest runner (``openfisca_core.tools.test_runner.YamlItem``: it builds
the simulation, applies reforms and ``parameters`` of the case, and compares with OpenFisca's ``assert_near``),
so the cases run in this suite's collection, parallelism and reporting. Cases the runner cannot express stay
with the project's runner in ``test_situaties.py``, whose docstring says which and why.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from openfisca_core.tools.test_runner import YamlItem
from test_situaties import DEFAULT_MARGIN, SITUATIES, runs_here

from wlz.rules.system import systeem


class SituatieFile(pytest.File):
    """One YAML file of situation cases; every case OpenFisca's runner can check becomes one of its items."""

    def collect(self):
        cases: list[dict[str, Any]] = yaml.safe_load(self.path.read_text("utf-8")) or []
        for i, case in enumerate(cases):
            if runs_here(self.path, case):
                continue
            if case.get("absolute_error_margin") is None and case.get("relative_error_margin") is None:
                case = {**case, "absolute_error_margin": DEFAULT_MARGIN}
            yield YamlItem.from_parent(
                self,
                name=f"[{i}] {case.get('name', '')}",
                baseline_tax_benefit_system=systeem(),
                test=case,
                options={},
            )


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.Collector | None:
    if file_path.suffix == ".yaml" and file_path.parent == SITUATIES:
        return SituatieFile.from_parent(parent, path=file_path)
    return None
