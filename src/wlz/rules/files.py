"""Reading the YAML/JSON files a user gives the rules (a situation, a parameter table), with errors in Dutch.

Why not plain ``yaml.safe_load``: PyYAML turns ``2017-13-01`` into a date itself and fails with a bare
``ValueError`` (a traceback, not a message naming the field). Here dates stay text, so the rules check them
where the field is known (``periode.van: '2017-13-01' is geen geldige datum``). Every problem with the file
itself (missing, unreadable, not YAML) is an :class:`InputError` naming the option or argument it came from.
This module imports no OpenFisca, so the CLI can read and check a file before loading the rules.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from wlz.common.errors import InputError


class _Loader(yaml.SafeLoader):
    """YAML's safe loader with dates left as text (they are checked by the rules, naming the field)."""


_Loader.yaml_implicit_resolvers = {
    teken: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for teken, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def parse_yaml(tekst: str) -> Any:
    """YAML text as Python data, dates as text (see the module docstring); ``yaml.YAMLError`` when malformed."""
    return yaml.load(tekst, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass


def read_data(pad: Path, veld: str, regel: str) -> Any:
    """The parsed content of a YAML or JSON file (JSON by the ``.json`` suffix); InputError naming ``veld`` when
    the file is missing, unreadable or malformed."""
    try:
        tekst = Path(pad).read_text("utf-8")
    except FileNotFoundError:
        raise InputError(veld, f"bestand {pad} bestaat niet", regel) from None
    except (OSError, UnicodeDecodeError) as exc:
        reden = getattr(exc, "strerror", None) or str(exc)
        raise InputError(veld, f"bestand {pad} kan niet worden gelezen ({reden})", regel) from None
    try:
        return json.loads(tekst) if Path(pad).suffix.lower() == ".json" else parse_yaml(tekst)
    except json.JSONDecodeError as exc:
        raise InputError(
            veld, f"bestand {pad} is geen geldige JSON: regel {exc.lineno}, kolom {exc.colno}: {exc.msg}", regel
        ) from None
    except yaml.YAMLError as exc:
        plek = getattr(exc, "problem_mark", None)
        waar = f" (regel {plek.line + 1}, kolom {plek.column + 1})" if plek is not None else ""
        raise InputError(veld, f"bestand {pad} is geen geldige YAML{waar}", regel) from None
