"""The ``wlz`` command imports a subpackage only when one of its commands runs, so ``wlz --help``
and a single command start fast.

``wlz.cli.COMMANDS`` lists each command with its module and its one-line help, so ``wlz --help`` prints without
importing any subpackage; these tests keep that list equal to what the modules register, and check in a fresh
interpreter that ``--help`` imports no library (numpy, OpenFisca, pandas) and ``bereken --json`` no rich.
"""

from __future__ import annotations

import subprocess
import sys

from wlz.cli import COMMANDS, registered_commands


def test_the_list_matches_what_the_modules_register():
    for module in {m for m, _ in COMMANDS.values()}:
        geregistreerd = registered_commands(module)
        namen = {n for n, (m, _) in COMMANDS.items() if m == module}
        assert set(geregistreerd) == namen, module
        for naam in namen:
            commando = geregistreerd[naam]
            eerste_regel = (commando.help or "").strip().splitlines()[0]
            assert eerste_regel == COMMANDS[naam][1], naam


def _modules_after(*args: str) -> set[str]:
    code = (
        "import sys\nfrom wlz.cli import app\ntry:\n    app(" + repr(list(args)) + ")\nexcept SystemExit:\n    pass\n"
        "print(' '.join(sorted(sys.modules)))"
    )
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(uit.stdout.split()[-1:] and uit.stdout.splitlines()[-1].split())


def test_help_imports_no_library():
    geladen = _modules_after("--help")
    for zwaar in ("numpy", "openfisca_core", "pandas", "wlz.rules", "wlz.claims", "wlz.scenario", "fastapi"):
        assert zwaar not in geladen, zwaar


def test_hervorming_is_a_choice_listed_by_help(tmp_path):
    from typer.testing import CliRunner

    from wlz.cli import app

    uit = CliRunner().invoke(app, ["bereken", "--help"], terminal_width=120)
    assert uit.exit_code == 0 and "toeslagen_in_budget" in uit.output
    situatie = tmp_path / "s.yaml"
    situatie.write_text("periode: 2019\nclient: {zorgprofiel: VV5}\n", "utf-8")
    uit = CliRunner().invoke(app, ["bereken", str(situatie), "--hervorming", "geen"])
    assert uit.exit_code == 2 and "Ongeldige waarde voor '--hervorming'" in uit.output


def test_every_commands_module_is_listed():
    # a subpackage's commands.py is reached only through COMMANDS: a new one needs its line there (one per command)
    from pathlib import Path

    import wlz

    gevonden = {f"wlz.{p.parent.name}.commands" for p in Path(wlz.__file__).parent.glob("*/commands.py")}
    assert gevonden == {m for m, _ in COMMANDS.values()}, gevonden ^ {m for m, _ in COMMANDS.values()}
