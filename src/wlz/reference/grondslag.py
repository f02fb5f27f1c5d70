"""The grondslagen of a client's care need (iWlz COD736) as one typed vocabulary, read from ``grondslagen.yaml``.

The zorgkantoor's domain checks an indicatiebesluit's grondslagen against it, pages show its labels, and the
zorgkantoor's rules adapter turns a client's grondslagen into the two groups the ekt rules ask about.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml


@dataclass(frozen=True)
class Grondslag:
    """One COD736 grondslag: its code (``05``), the label pages show, and its group for extra kosten thuis
    (Rlz art. 5.3 lid 3 onder c, see the YAML file), ``None`` when it is in neither group."""

    code: str
    naam: str
    ekt_groep: str | None


@cache
def grondslagen() -> dict[str, Grondslag]:
    """All grondslagen by code, in code order."""
    tekst = resources.files(__package__).joinpath("grondslagen.yaml").read_text("utf-8")
    rows: list[dict[str, Any]] = yaml.safe_load(tekst)["grondslagen"]
    return {str(r["code"]): Grondslag(str(r["code"]), str(r["naam"]), r.get("ekt_groep")) for r in rows}


def labels() -> dict[str, str]:
    """Code → label (``05`` → ``Verstandelijke handicap``)."""
    return {g.code: g.naam for g in grondslagen().values()}


def in_ekt_groep(codes: Iterable[str], groep: str) -> bool:
    """Whether any of these grondslagen falls in that ekt group."""
    alle = grondslagen()
    return any(alle[c].ekt_groep == groep for c in codes if c in alle)
