"""mypy on src for CI and pre-commit: no error in the strict modules, and no more errors elsewhere than recorded.

The strict modules are the ones pyproject.toml's [tool.mypy] overrides type strictly (the leaf helpers, the rules'
public API, the platform, the zorgkantoor's domain): any error there fails. Elsewhere the code is still being
typed, so the run fails only when the count of errors grows over [tool.wlz] mypy_baseline: the count may only go
down (lower the baseline when you fix some), so a new error fails while the old ones are worked off. A count, not
a list of messages, so that a changed line number or message wording never fails a run.

Exit code 0: kept; 1: an error in a strict module, or more errors than the baseline; 2: mypy could not run.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def strict_paths(tool: dict) -> tuple[str, ...]:
    """The source paths of the modules the mypy overrides type strictly (``wlz.x`` and ``wlz.x.*`` patterns)."""
    paths: list[str] = []
    for override in tool["mypy"]["overrides"]:
        if not override.get("disallow_untyped_defs"):
            continue
        for module in override["module"]:
            if module.endswith(".*"):
                paths.append("src/" + module[:-2].replace(".", "/") + "/")
            else:
                base = "src/" + module.replace(".", "/")
                paths += [base + ".py", base + "/__init__.py"]
    return tuple(paths)


def main() -> int:
    tool = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["tool"]
    mypy = Path(sys.executable).with_name("mypy")
    r = subprocess.run([str(mypy)], cwd=REPO, capture_output=True, text=True)
    if r.returncode not in (0, 1):  # 2: bad configuration or a crash
        print(f"mypy did not run:\n{r.stdout}{r.stderr}", file=sys.stderr)
        return 2
    errors = [line for line in r.stdout.splitlines() if re.match(r"^\S+:\d+: error:", line)]
    in_strict = [e for e in errors if e.startswith(strict_paths(tool))]
    rest, baseline = len(errors) - len(in_strict), int(tool["wlz"]["mypy_baseline"])
    print(f"mypy: {len(in_strict)} errors in the strict modules, {rest} elsewhere (baseline {baseline})")
    if in_strict:
        print("\n".join(in_strict))
        return 1
    if rest > baseline:
        print("\n".join(errors))
        print(f"mypy: {rest} errors outside the strict modules, more than the baseline of {baseline}")
        return 1
    if rest < baseline:
        print(f"mypy: fewer errors than the baseline: lower [tool.wlz] mypy_baseline to {rest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
