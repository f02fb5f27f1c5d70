"""The leveringsvormen of the Wlz as one typed vocabulary, read from ``leveringsvormen.yaml``.

Every layer that names a leveringsvorm (the rules' enum and bekostiging table, the zorgkantoor's domain, letters,
pages and the Wlz-wijzer) takes the codes, labels, the "at home" set and the COD578 codes from here, so adding or
renaming one is one edit in the YAML file.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml


@dataclass(frozen=True)
class Leveringsvorm:
    """One leveringsvorm: its code (``mpt_pgb``), the label pages show, the full name, one plain sentence for a
    letter, whether the client lives at home, its COD578 code(s) and the article it rests on."""

    code: str
    label: str
    naam: str
    uitleg: str
    thuis: bool
    cod578: tuple[str, ...]
    grondslag: str
    #: whether its bekostiging has an option with and one without behandeling (verblijf, vpt: seed 004 §2.4)
    behandeling_optie: bool = False


def _read() -> list[dict[str, Any]]:
    tekst = resources.files(__package__).joinpath("leveringsvormen.yaml").read_text("utf-8")
    rows: list[dict[str, Any]] = yaml.safe_load(tekst)["leveringsvormen"]
    return rows


@cache
def leveringsvormen() -> dict[str, Leveringsvorm]:
    """All leveringsvormen by code, in the order the law lists them (verblijf, vpt, mpt, pgb, mpt_pgb)."""
    uit: dict[str, Leveringsvorm] = {}
    for row in _read():
        cod578 = row["cod578"]
        uit[row["code"]] = Leveringsvorm(
            code=str(row["code"]),
            label=str(row["label"]),
            naam=str(row["naam"]),
            uitleg=str(row["uitleg"]),
            thuis=bool(row["thuis"]),
            cod578=tuple(str(c) for c in cod578) if isinstance(cod578, list) else (str(cod578),),
            grondslag=str(row["grondslag"]),
            behandeling_optie=any(bool(o.get("behandeling")) for o in row.get("bekostigingsopties") or ()),
        )
    return uit


def codes() -> tuple[str, ...]:
    """The codes, in order: ``verblijf``, ``vpt``, ``mpt``, ``pgb``, ``mpt_pgb``."""
    return tuple(leveringsvormen())


def labels() -> dict[str, str]:
    """Code → the label pages and letters show (``Volledig pakket thuis (vpt)``)."""
    return {lv.code: lv.label for lv in leveringsvormen().values()}


def thuis() -> frozenset[str]:
    """The codes in which the client lives at home (the doelmatigheidstoets applies, Wlz art. 3.3.3 lid 4)."""
    return frozenset(lv.code for lv in leveringsvormen().values() if lv.thuis)


#: the COD578 codes of a modulair pakket thuis and of a persoonsgebonden budget
COD578_MPT = "7"
COD578_PGB = "2"


def met_pgb() -> frozenset[str]:
    """The codes in which the client holds a pgb (COD578 ``2``): ``pgb`` and ``mpt_pgb``."""
    return frozenset(lv.code for lv in leveringsvormen().values() if COD578_PGB in lv.cod578)


def met_mpt() -> frozenset[str]:
    """The codes in which providers deliver modules of a modulair pakket thuis (COD578 ``7``): ``mpt``, ``mpt_pgb``."""
    return frozenset(lv.code for lv in leveringsvormen().values() if COD578_MPT in lv.cod578)


def met_behandeling_optie() -> frozenset[str]:
    """The codes whose bekostiging differs with or without behandeling (verblijf and vpt)."""
    return frozenset(lv.code for lv in leveringsvormen().values() if lv.behandeling_optie)
