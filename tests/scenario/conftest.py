from __future__ import annotations

from pathlib import Path

import pytest
from scenario_helpers import write_analysis


@pytest.fixture(scope="session")
def analyse_map(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_analysis(tmp_path_factory.mktemp("analyse"))
