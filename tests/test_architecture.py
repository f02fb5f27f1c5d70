"""The import directions of docs/architecture.md hold: every import-linter contract in pyproject.toml is kept.

One test per contract, so a failure names the rule that was broken and lint-imports' output shows the import
chain that breaks it. The contracts themselves live in pyproject.toml ([tool.importlinter]) so that
``lint-imports`` and the pre-commit hook check exactly the same rules.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CONTRACTS = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["tool"]["importlinter"]["contracts"]


def test_the_contracts_cover_the_documented_rules():
    ids = {c["id"] for c in CONTRACTS}
    assert {"house", "platform", "libraries", "zorgkantoor-layers", "zorgkantoor-domain", "cycles"} <= ids


@pytest.mark.parametrize("contract", CONTRACTS, ids=[c["id"] for c in CONTRACTS])
def test_contract_is_kept(contract):
    lint_imports = Path(sys.executable).with_name("lint-imports")
    r = subprocess.run(
        [str(lint_imports), "--contract", contract["id"], "--no-cache", "--no-logo"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, f"{contract['name']}\n{r.stdout}\n{r.stderr}"
