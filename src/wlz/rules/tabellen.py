"""Helpers that turn parameter nodes into numpy lookup tables, and read a value's source.

OpenFisca can index a parameter node with an enum array only when every enum member has a child; our
per-profile parameters exist for some profiles only (a value unknown for a profile must stay unknown,
not become zero), so we build a table indexed by the enum's integer index with NaN for the gaps.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import numpy as np

from wlz.rules.enums import Zorgprofiel
from wlz.rules.results import Parameterwaarde

_PROFIEL_NAMEN = [m.name for m in Zorgprofiel]


def _waarde(node: Any) -> float:
    value = node
    if value is None:
        return math.nan
    return float(value)


def _kinderen(node_at_instant: Any) -> dict[str, Any]:
    """Children of a parameter node at an instant, unwrapping OpenFisca's tracing proxy if present."""
    node = getattr(node_at_instant, "parameter_node_at_instant", node_at_instant)
    return getattr(node, "_children", {})


def waarde(node_at_instant: Any, naam: str) -> float:
    """A child value of a parameter node, NaN when no value is in force (value null or not yet valid)."""
    return _waarde(_kinderen(node_at_instant).get(naam))


_CACHE: dict[tuple[int, str], tuple[Any, np.ndarray]] = {}


def _gecached(node_at_instant: Any, soort: str, maak) -> np.ndarray:
    """Tables are rebuilt only when the node changes: OpenFisca reuses one node object per instant."""
    node = getattr(node_at_instant, "parameter_node_at_instant", node_at_instant)
    sleutel = (id(node), soort)
    hit = _CACHE.get(sleutel)
    if hit is None or hit[0] is not node:
        hit = (node, maak(_kinderen(node)))
        _CACHE[sleutel] = hit
    return hit[1]


def profiel_tabel(node_at_instant: Any) -> np.ndarray:
    """A float array over all Zorgprofiel members: the node's child value per profile, NaN where absent."""
    return _gecached(
        node_at_instant, "profiel", lambda k: np.array([_waarde(k.get(naam)) for naam in _PROFIEL_NAMEN], dtype=float)
    )


def klasse_tabel(node_at_instant: Any, max_klasse: int = 9) -> np.ndarray:
    """A float array indexed by klasse number 0..max_klasse (NaN where the Rlz sets no amount)."""
    return _gecached(
        node_at_instant,
        f"klasse{max_klasse}",
        lambda k: np.array([_waarde(k.get(f"klasse_{i}")) for i in range(max_klasse + 1)], dtype=float),
    )


def opzoeken(tabel: np.ndarray, index: np.ndarray) -> np.ndarray:
    """``tabel[index]`` where index -1 (or NaN) gives 0: a care form the profile does not include costs nothing."""
    idx = np.asarray(index)
    if idx.dtype.kind == "f":
        idx = np.where(np.isnan(idx), -1, idx).astype(np.int64)
    met_nul = np.append(tabel, 0.0)  # position -1 of the extended table is the "not included" zero
    return met_nul[np.where(idx >= 0, np.minimum(idx, len(tabel) - 1), -1)]


def bron(parameters: Any, pad: str, instant: str) -> Parameterwaarde:
    """The value of parameter ``pad`` (dotted) at ``instant`` with the date it took effect and its source."""
    node = parameters
    for deel in pad.split("."):
        node = node.children[deel] if hasattr(node, "children") else getattr(node, deel)
    geldend = None
    for value_at in node.values_list:  # newest first
        if value_at.instant_str <= instant:
            geldend = value_at
            break
    if geldend is None:
        return Parameterwaarde(pad, None, None, None, getattr(node, "description", None))
    return Parameterwaarde(
        pad,
        geldend.value,
        dt.date.fromisoformat(geldend.instant_str),
        geldend.metadata.get("reference"),
        getattr(node, "description", None),
        bool(geldend.metadata.get("voorbeeld", False)),
    )
