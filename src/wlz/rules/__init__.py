"""The Wlz financing rules as an OpenFisca system, with a plain-Dutch explanation of every result.

Use :func:`bereken` for one situation (CLI, zorgkantoor, letters, Wlz-wijzer, scenarios): it returns a typed
:class:`Berekening` (see :mod:`wlz.rules.api`). Use :func:`systeem` for vectorised population runs (benchmarks,
simulations).
"""

from typing import TYPE_CHECKING, Any

from wlz.common.errors import InputError

if TYPE_CHECKING:
    from wlz.rules.api import (
        Berekening,
        Bron,
        Eenheid,
        Jaar,
        Parameterwaarde,
        Resultaat,
        Situatie,
        Waarde,
        bereken,
    )
    from wlz.rules.system import systeem


def __getattr__(naam: str) -> Any:
    """The API on first use: importing a light submodule (``wlz.rules.files``, ``wlz.rules.results``, the CLI's
    ``wlz.rules.commands``) does not load numpy, OpenFisca and the parameters."""
    if naam == "systeem":
        from wlz.rules.system import systeem

        return systeem
    if naam in __all__:
        from wlz.rules import api

        return getattr(api, naam)
    raise AttributeError(f"module 'wlz.rules' has no attribute {naam!r}")


__all__ = [
    "Berekening",
    "Bron",
    "Eenheid",
    "InputError",
    "Jaar",
    "Parameterwaarde",
    "Resultaat",
    "Situatie",
    "Waarde",
    "bereken",
    "systeem",
]
