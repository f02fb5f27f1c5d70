"""The ``wlz`` command line as a user meets it: its version, the choices ``--help`` lists, Dutch help and errors."""

from __future__ import annotations

from importlib.metadata import version

import pytest
from typer.testing import CliRunner

from wlz.cli import app, dutch_error


def _run(*args: str):
    return CliRunner().invoke(app, list(args), terminal_width=100)


def test_version_comes_from_the_package_metadata():
    r = _run("--version")
    assert r.exit_code == 0
    assert r.output.strip() == f"wlz {version('wlz')}"


@pytest.mark.parametrize(
    ("command", "option", "choices"),
    [("analyse", "--engine", ("duckdb", "spark")), ("genereer", "--formaat", ("parquet", "csv"))],
)
def test_help_lists_the_choices(command, option, choices):
    r = _run(command, "--help")
    assert r.exit_code == 0, r.output
    assert option in r.output
    for choice in choices:
        assert choice in r.output


def test_help_and_its_frame_are_dutch():
    r = _run("analyse", "-h")
    assert r.exit_code == 0, r.output
    for dutch in ("Gebruik:", "Opties", "Argumenten", "Toon deze hulp en stop.", "[verplicht]", "[standaard: 2019]"):
        assert dutch in r.output, dutch
    for english in ("Usage:", "Options", "Show this message and exit.", "[required]", "[default:"):
        assert english not in r.output, english
    r = _run("--help")
    assert "Opdrachten" in r.output and "Commands" not in r.output


def test_a_wrong_choice_is_refused_in_dutch_naming_the_option():
    r = _run("analyse", "in", "--out", "uit", "--engine", "oracle")
    assert r.exit_code == 2
    assert "Ongeldige waarde voor '--engine'" in r.output and "oracle" in r.output
    r = _run("analyse", "in")
    assert r.exit_code == 2 and "Optie '--out' ontbreekt." in r.output
    r = _run("onbestaand")
    assert r.exit_code == 2 and "Onbekende opdracht 'onbestaand'." in r.output


def test_error_phrases_translate_and_leave_the_rest():
    assert dutch_error("Missing argument 'INVOER'.") == "Argument 'INVOER' ontbreekt."
    assert dutch_error("No such option: --egine Did you mean --engine?") == (
        "Onbekende optie: --egine Bedoelde u --engine?"
    )
    assert dutch_error("iets anders") == "iets anders"
