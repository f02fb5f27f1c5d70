"""docs/configuration.md is the one list of the ``WLZ_*`` variables: every field of every settings class is in it,
so a new setting cannot go undocumented."""

from __future__ import annotations

import importlib
from pathlib import Path

from wlz.common.settings import WlzSettings

DOC = Path(__file__).resolve().parents[2] / "docs" / "configuration.md"

#: the modules that define settings classes (the libraries', the platform's, each context's)
MODULES = ("wlz.common.settings", "wlz.platform.config", "wlz.zorgkantoor.config", "wlz.ciz.config", "wlz.pgb.config")


def _subclasses(cls: type) -> list[type]:
    return [s for sub in cls.__subclasses__() for s in (sub, *_subclasses(sub))]


def test_every_wlz_variable_is_in_docs_configuration():
    for module in MODULES:
        importlib.import_module(module)
    tekst = DOC.read_text("utf-8")
    prefix = WlzSettings.model_config.get("env_prefix", "")
    ontbreekt = set()
    for cls in _subclasses(WlzSettings):
        for naam, veld in cls.model_fields.items():
            variabele = veld.validation_alias if isinstance(veld.validation_alias, str) else prefix + naam
            if f"`{variabele.upper()}`" not in tekst:
                ontbreekt.add(f"{variabele.upper()} ({cls.__module__}.{cls.__name__}.{naam})")
    assert not ontbreekt, f"not in docs/configuration.md: {sorted(ontbreekt)}"
