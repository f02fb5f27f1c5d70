"""Regenerate the coverage table (known / onbekend / voorbeeld per parameter and year) in docs/bronnen-parameters.md.

Usage: python scripts/parameter_coverage.py [--check]
With --check nothing is written; the exit code is 1 when the page is out of date (the same check as
tests/rules/test_parameters_dekking.py).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PAGINA = REPO / "docs" / "bronnen-parameters.md"

# loaded by path: the table needs only the YAML files and openfisca-core, not the whole rules package
_spec = importlib.util.spec_from_file_location("wlz_dekking", REPO / "src" / "wlz" / "rules" / "dekking.py")
dekking = sys.modules[_spec.name] = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(dekking)


def main(argv: list[str]) -> int:
    if "--check" in argv:
        actueel = dekking.sectie(PAGINA.read_text("utf-8")) == dekking.markdown()
        print(
            "dekkingstabel is actueel"
            if actueel
            else "dekkingstabel is verouderd: python scripts/parameter_coverage.py"
        )
        return 0 if actueel else 1
    veranderd = dekking.bijwerken(PAGINA)
    print(f"{PAGINA}: {'bijgewerkt' if veranderd else 'ongewijzigd'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
