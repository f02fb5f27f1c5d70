"""The ``wlz`` command: a thin entry point over the capability subpackages.

Each subpackage owns a ``commands`` module with a ``register(app)`` function that adds its commands; this file
only wires them together, so a command's code lives beside its capability. It also says the few words click and
typer print themselves ("Usage", "Options", their error messages) in Dutch, like every other text a user reads.

Lazy: a subpackage is imported only when one of its commands runs (or shows its own help). Importing every
``commands`` module up front imported each package (pandas, ibis, pyarrow, OpenFisca, FastAPI: 1.2-1.8 s before
``wlz --help`` printed a line). :data:`COMMANDS` names each top-level command, the module that registers it and
the one line ``wlz --help`` shows; ``tests/rules/test_cli_lazy.py`` checks it against what the modules register and
that every ``src/wlz/*/commands.py`` is listed, so it cannot drift (a new command: its ``register`` in the
subpackage's ``commands.py``, and one line here). ``python -X importtime -m wlz.cli --help`` shows what is left.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import re
import sys
from collections.abc import Callable
from types import ModuleType
from typing import Any

import typer
import typer.core
import typer.main

#: every top-level command: (the module whose ``register(app)`` adds it, the line ``wlz --help`` shows), in the
#: order ``wlz --help`` lists them
COMMANDS: dict[str, tuple[str, str]] = {
    "bereken": (
        "wlz.rules.commands",
        "Bereken budgetten, toetsen, regelingen en eigen bijdrage voor een situatie, met uitleg en bronnen.",
    ),
    "parameters": ("wlz.rules.commands", "Eigen parametertabellen van een installatie (controleer)."),
    "analyse": (
        "wlz.claims.commands",
        "Voer de declaratie-analyse van de NZa (advies behandeling Wlz, bijlage 3) uit.",
    ),
    "genereer": (
        "wlz.synthetic.commands",
        "Genereer de synthetische landelijke declaratiedataset, gekalibreerd op seed 004 (tabellen 1-6).",
    ),
    "serve": (
        "wlz.zorgkantoor.commands",
        "Start de zorgkantoorservice (pagina's en /api). Migreert de database eerst.",
    ),
    "demo": (
        "wlz.zorgkantoor.commands",
        "Vul een verse database met synthetische cliënten in alle situaties en één demogebruiker per rol.",
    ),
    "scenario": (
        "wlz.scenario.commands",
        "Reken beleidsopties door: knip, taakstelling, behandeling naar Zvw, alles integraal, vpt, EKT, toeslagen.",
    ),
    "db": ("wlz.zorgkantoor.commands", "Database van de zorgkantoorservice."),
    "io31": ("wlz.zorgkantoor.commands", "IO31-berichten van het CIZ in bulk inlezen (importeer MAP)."),
    "ciz": (
        "wlz.ciz.commands",
        "De CIZ-service: indicatiestelling Wlz (aanvraag, beoordeling, besluit, IO31).",
    ),
    "pgb": (
        "wlz.pgb.commands",
        "Pgb-administratie: budgetplan, zorgovereenkomsten, trekkingsrecht, vorderingen (serve, demo, controleer).",
    ),
    "inkoop": (
        "wlz.zorgkantoor.commands",
        "Zorginkoop: declaraties inlezen en exporteren, grootboek, rapportage en zorgplichtcontrole.",
    ),
}

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
    if hasattr(typer.core, "_"):
        typer.core._ = _dutch  # type: ignore[attr-defined]
    if "typer.rich_utils" in sys.modules:
        _dutch_rich_utils(sys.modules["typer.rich_utils"])
    else:  # typer imports its rich help module (and rich) only to print help or an error: patch it then
        sys.meta_path.insert(0, _RichUtilsHook())

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


def _dutch_rich_utils(module: ModuleType) -> None:
    """typer's help panels in Dutch: the gettext ``_`` and the panel titles, looked up when the module loads."""
    if hasattr(module, "_"):
        module._ = _dutch  # type: ignore[attr-defined]
    for name, english in _TYPER_CONSTANTS.items():
        if hasattr(module, name):
            setattr(module, name, DUTCH.get(english, english))


class _RichUtilsHook(importlib.abc.MetaPathFinder):
    """Applies :func:`_dutch_rich_utils` right after ``typer.rich_utils`` is imported, so a command that prints
    no help does not pay for importing rich's help machinery (about 50-80 ms) just to have it translated."""

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> importlib.machinery.ModuleSpec | None:
        if fullname != "typer.rich_utils":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(fullname)
        if spec is None or spec.loader is None:
            return spec
        loader: Any = spec.loader
        exec_module = loader.exec_module

        def exec_module_dutch(module: ModuleType) -> None:
            exec_module(module)
            _dutch_rich_utils(module)

        loader.exec_module = exec_module_dutch
        return spec


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
        from importlib.metadata import version

        typer.echo(f"wlz {version('wlz')}")
        raise typer.Exit()


def registered_commands(module: str) -> dict[str, Any]:
    """The click commands a ``commands`` module registers, by name (imports that module and its package)."""
    apart = typer.Typer(add_completion=False, context_settings={"help_option_names": ["-h", "--help"]})
    apart.callback()(lambda: None)  # a callback makes typer build a group even for a single command
    importlib.import_module(module).register(apart)
    groep: Any = typer.main.get_command(apart)
    return dict(groep.commands)


class LazyGroup(typer.core.TyperGroup):
    """The top-level group: lists :data:`COMMANDS` from their one-line help, and imports a command's module only
    when that command is resolved (to run it or to show its own help)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        for naam, (_module, kort) in COMMANDS.items():
            self.commands[naam] = typer.core.TyperCommand(name=naam, help=kort)  # a placeholder until resolved
        self._loaded: set[str] = set()

    def _load(self, naam: str) -> None:
        module = COMMANDS[naam][0]
        if module in self._loaded:
            return
        for echt_naam, commando in registered_commands(module).items():
            self.commands[echt_naam] = commando
        self._loaded.add(module)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        if args and args[0] in COMMANDS:
            self._load(args[0])
        return super().resolve_command(ctx, args)


app = typer.Typer(
    name="wlz",
    cls=LazyGroup,
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


if __name__ == "__main__":
    app()
