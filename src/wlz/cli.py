"""The ``wlz`` command: a thin entry point over the capability subpackages.

Each subpackage owns a ``commands`` module with a ``register(app)`` function that adds its commands; this file
only wires them together, so a command's code lives beside its capability. It also says the few words click and
typer print themselves ("Usage", "Options", their error messages) in Dutch, like every other text a user reads.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from importlib.metadata import version
from types import ModuleType
from typing import Any

import typer
import typer.core
import typer.rich_utils

from wlz.claims import commands as claims_commands
from wlz.rules import commands as rules_commands
from wlz.scenario import commands as scenario_commands
from wlz.synthetic import commands as synthetic_commands
from wlz.zorgkantoor import commands as zorgkantoor_commands

#: typer's own English strings (as its source spells them: the gettext message ids) in Dutch.
DUTCH: dict[str, str] = {
    "Options": "Opties",
    "Arguments": "Argumenten",
    "Commands": "Opdrachten",
    "Error": "Fout",
    "Aborted!": "Afgebroken.",
    "Aborted.": "Afgebroken.",
    "[default: {}]": "[standaard: {}]",
    "default: {default}": "standaard: {default}",
    "[required]": "[verplicht]",
    "required": "verplicht",
    "[env var: {}]": "[omgevingsvariabele: {}]",
    "env var: {var}": "omgevingsvariabele: {var}",
    "(deprecated) ": "(verouderd) ",
    "(dynamic)": "(berekend)",
    "Try [blue]'{command_path} {help_option}'[/] for help.": "Zie [blue]'{command_path} {help_option}'[/] voor hulp.",
    "Missing command.": "Geef een opdracht.",
    "No such command {name!r}.": "Onbekende opdracht {name!r}.",
}

#: typer's panel titles and markers, looked up once when its module is imported: set again in Dutch
_TYPER_CONSTANTS = {
    "DEPRECATED_STRING": "(deprecated) ",
    "DEFAULT_STRING": "[default: {}]",
    "ENVVAR_STRING": "[env var: {}]",
    "REQUIRED_LONG_STRING": "[required]",
    "ARGUMENTS_PANEL_TITLE": "Arguments",
    "OPTIONS_PANEL_TITLE": "Options",
    "COMMANDS_PANEL_TITLE": "Commands",
    "ERRORS_PANEL_TITLE": "Error",
    "ABORTED_TEXT": "Aborted.",
    "RICH_HELP": "Try [blue]'{command_path} {help_option}'[/] for help.",
}

USAGE = "Gebruik: "
HELP_OPTION = "Toon deze hulp en stop."
_PARAMETER = {"option": "optie", "argument": "argument", "parameter": "parameter"}

#: the messages of the argument parser typer carries (its copy of click writes them without gettext): each
#: English phrase and its Dutch replacement, applied to the message of every usage error before it is shown
ERROR_PHRASES: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    (re.compile(r"^Invalid value for (.+?): "), r"Ongeldige waarde voor \1: "),
    (re.compile(r"^Invalid value: "), "Ongeldige waarde: "),
    (re.compile(r" is not one of "), " is niet een van "),
    (re.compile(r"^Value (.+) is not a valid integer\."), r"\1 is geen geheel getal."),
    (re.compile(r"^Value (.+) is not a valid float\."), r"\1 is geen getal."),
    (re.compile(r"^Value (.+) is not a valid (.+)\."), r"\1 is geen geldige \2."),
    (
        re.compile(r"^Missing (option|argument|parameter)(.*?)\."),
        lambda m: f"{_PARAMETER[m.group(1)].capitalize()}{m.group(2)} ontbreekt.",
    ),
    (re.compile(r"^No such option: "), "Onbekende optie: "),
    (re.compile(r"Did you mean (.+)\?"), r"Bedoelde u \1?"),
    (re.compile(r"\(Possible options: (.+)\)"), r"(mogelijke opties: \1)"),
    (re.compile(r"^Got unexpected extra argument\(s\) "), "Onverwachte extra argumenten "),
    (re.compile(r"^Option (.+?) requires an argument\."), r"Optie \1 vraagt een waarde."),
    (re.compile(r"^Option (.+?) requires (\d+) arguments\."), r"Optie \1 vraagt \2 waarden."),
    (re.compile(r"^Option (.+?) does not take a value\."), r"Optie \1 krijgt geen waarde."),
)


def _dutch(message: str) -> str:
    return DUTCH.get(message, message)


def dutch_error(message: str) -> str:
    """A usage error's English message in Dutch, phrase by phrase (unknown phrases stay as they are)."""
    for pattern, replacement in ERROR_PHRASES:
        message = pattern.sub(replacement, message)
    return message


def _speak_dutch() -> None:
    """Make typer print its own words in Dutch: help panels, the usage line, the help option, usage errors.

    typer looks its panel titles and a few messages up through a module-level gettext ``_``: that name is
    replaced. Its copy of click writes "Usage:", the help option's text and the parser's errors as literals:
    the usage writer, the help option maker and the errors' ``format_message`` are wrapped. Each step checks
    that the name it wraps exists, so a typer release that moves one leaves that string English and the
    command working; tests/claims/test_cli.py then fails and says which.
    """
    for module in (typer.core, typer.rich_utils):
        if hasattr(module, "_"):
            module._ = _dutch  # type: ignore[attr-defined]
    for name, english in _TYPER_CONSTANTS.items():
        if hasattr(typer.rich_utils, name):
            setattr(typer.rich_utils, name, DUTCH.get(english, english))

    formatter = getattr(_vendored("formatting"), "HelpFormatter", None)
    if formatter is not None and hasattr(formatter, "write_usage"):
        write_usage = formatter.write_usage

        def write_usage_dutch(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
            args = args.replace("[OPTIONS]", "[OPTIES]").replace("COMMAND [ARGS]...", "OPDRACHT [ARGUMENTEN]...")
            write_usage(self, prog, args, USAGE if prefix is None else prefix)

        formatter.write_usage = write_usage_dutch
    help_option = getattr(_vendored("decorators"), "help_option", None)
    if help_option is not None:

        def help_option_dutch(param_decls: list[str]) -> Callable[[Any], Any]:
            add = help_option(param_decls)

            def decorator(command: Any) -> Any:
                command = add(command)
                command.params[-1].help = HELP_OPTION
                return command

            return decorator

        setattr(_vendored("decorators"), "help_option", help_option_dutch)  # noqa: B010
    exceptions = _vendored("exceptions")
    base: Any = getattr(exceptions, "ClickException", None)
    for cls in vars(exceptions).values() if isinstance(base, type) else ():
        if isinstance(cls, type) and issubclass(cls, base) and "format_message" in vars(cls):
            setattr(cls, "format_message", _translated(vars(cls)["format_message"]))  # noqa: B010


def _vendored(name: str) -> ModuleType | None:
    """A module of typer's copy of click, or None in a typer without one."""
    try:
        return importlib.import_module(f"typer._click.{name}")
    except ImportError:
        return None


def _translated(format_message: Callable[[Any], str]) -> Callable[[Any], str]:
    def format_message_dutch(self: Any) -> str:
        return dutch_error(format_message(self))

    return format_message_dutch


_speak_dutch()


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"wlz {version('wlz')}")
        raise typer.Exit()


app = typer.Typer(
    name="wlz",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback()
def main(
    versie: bool = typer.Option(
        False, "--version", callback=_show_version, is_eager=True, help="Toon de versie van wlz en stop."
    ),
) -> None:
    """De Wet langdurige zorg als werkend systeem: regels, declaratie-analyse, scenario's en zorgkantoorservice."""


_REGISTER: tuple[Callable[[typer.Typer], None], ...] = (
    rules_commands.register,
    claims_commands.register,
    synthetic_commands.register,
    zorgkantoor_commands.register,
    scenario_commands.register,
)
for _register in _REGISTER:
    _register(app)


if __name__ == "__main__":
    app()
