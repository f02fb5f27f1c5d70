"""The ``wlz`` command: a thin entry point over the capability subpackages.

Each subpackage owns a ``commands`` module with a ``register(app)`` function that adds its
commands; this file only wires them together, so a command's code lives beside its capability.
"""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="wlz",
    help="De Wet langdurige zorg als werkend systeem: regels, declaratie-analyse en zorgkantoorservice.",
    no_args_is_help=True,
    add_completion=False,
)

_COMMAND_MODULES = (
    "wlz.rules.commands",
    "wlz.claims.commands",
    "wlz.synthetic.commands",
    "wlz.zorgkantoor.commands",
    "wlz.scenario.commands",
)

for _name in _COMMAND_MODULES:
    try:
        _module = importlib.import_module(_name)
    except ModuleNotFoundError as exc:  # a capability not built yet must not break the others
        if exc.name is None or not _name.startswith(exc.name):
            raise
        continue
    _module.register(app)


if __name__ == "__main__":
    app()
