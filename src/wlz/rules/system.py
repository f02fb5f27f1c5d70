"""The Wlz tax-benefit system: entities, dated parameters and every variable in ``wlz.rules.variables``.

Variables are collected from the modules of the ``variables`` package (each module adds its own), so a
new rule is one new module and nothing else needs to change.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from functools import cache
from pathlib import Path

from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from wlz.common.settings import RulesSettings
from wlz.rules import variables as variables_pkg
from wlz.rules.entities import entities
from wlz.rules.model import WlzVariable
from wlz.rules.overlay import apply, read_file
from wlz.rules.reforms import HERVORMINGEN

PARAMETERS_DIR = Path(__file__).parent / "parameters"


def variable_classes() -> list[type[WlzVariable]]:
    """All variable classes defined in ``wlz.rules.variables.*`` (in module order)."""
    found: list[type[WlzVariable]] = []
    for info in sorted(pkgutil.iter_modules(variables_pkg.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{variables_pkg.__name__}.{info.name}")
        for obj in vars(module).values():  # definition order, which is the order results are shown in
            if (
                inspect.isclass(obj)
                and issubclass(obj, WlzVariable)
                and obj is not WlzVariable
                and obj.__module__ == module.__name__
            ):
                found.append(obj)
    return found


class WlzSysteem(TaxBenefitSystem):
    """The rules of the Wlz, Blz and Rlz as one OpenFisca system."""

    CURRENCY = "€"

    def __init__(self) -> None:
        super().__init__(entities)
        self.load_parameters(str(PARAMETERS_DIR))
        self.add_variables(*variable_classes())


@cache
def systeem() -> TaxBenefitSystem:
    """The shared, loaded system (loading parameters takes a moment; do it once per process).

    When ``$WLZ_PARAMETERS`` names a parameter file (see ``wlz.rules.overlay``), its values are applied: this
    is how an installation supplies amounts no public source gives (marked ``voorbeeld`` when they are examples).
    """
    basis = WlzSysteem()
    bestand = RulesSettings().parameters
    if bestand is None:
        return basis
    return apply(basis, read_file(bestand, basis.parameters))


@cache
def hervormd(naam: str) -> TaxBenefitSystem:
    """The system with reform ``naam`` applied to the shared base system, built once per process (building copies
    the whole system); KeyError for an unknown name."""
    return HERVORMINGEN[naam](systeem())


def systeem_met(hervorming: str | None) -> TaxBenefitSystem:
    """The system, or the system with a named reform of ``wlz.rules.reforms`` applied."""
    return systeem() if hervorming is None else hervormd(hervorming)
