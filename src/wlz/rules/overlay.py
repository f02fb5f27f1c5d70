"""User-supplied parameter values: where no public value exists, the user supplies it.

Many Wlz amounts after 2015 are not in any public source this project could read (the yearly pgb tables, the
NZa tariffs). The rules keep their structure and let a user — a zorgkantoor with its own tables, an analyst
testing a scenario — supply values, either per situation (``parameters:`` in the situation) or for a whole
installation (a YAML file named by ``$WLZ_PARAMETERS``). Shipped example files are marked ``voorbeeld: true``
and every result that used such a value is flagged ``voorbeeld`` wherever it is shown.

File format::

    bron: "Pgb-tabel 2026 van zorgkantoor X"   # shown as the source of every value in this file
    voorbeeld: false                            # true for shipped examples
    waarden:
      pgb.profielbedrag.VG5: {2026: 70000}       # a year: the value holds for that calendar year
      pgb.toeslag.thuis: {2026-07-01: 3600}      # a date: from that date to the end of its year

A value holds from its date to the end of that calendar year (Wlz amounts are annual), so a supplied 2026
amount can never leak into 2027.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from openfisca_core.parameters import Parameter
from openfisca_core.periods import instant
from openfisca_core.reforms import Reform

from wlz.common.errors import InvoerFout

OPGEGEVEN = "opgegeven door de gebruiker"


@dataclass(frozen=True)
class Overlay:
    """Validated parameter values: ((path, start, stop, value), ...), their source and the voorbeeld flag."""

    waarden: tuple[tuple[str, str, str, float], ...]
    bron: str = OPGEGEVEN
    voorbeeld: bool = False

    def key(self) -> str:
        return json.dumps([self.waarden, self.bron, self.voorbeeld], sort_keys=True)


def _find(parameters, pad: str, veld: str):
    """(parent node, leaf name, existing leaf or None); InvoerFout when the path cannot hold a value."""
    delen = pad.split(".")
    node = parameters
    for deel in delen[:-1]:
        kinderen = getattr(node, "children", None)
        if kinderen is None or deel not in kinderen:
            raise InvoerFout(veld, f"onbekende parameter '{pad}'")
        node = kinderen[deel]
    if not hasattr(node, "children"):
        raise InvoerFout(veld, f"'{pad}' is geen parameter")
    blad = node.children.get(delen[-1])
    if blad is not None and not hasattr(blad, "values_list"):
        raise InvoerFout(veld, f"'{pad}' is een groep parameters, geen enkele waarde")
    return node, delen[-1], blad


def read(data: dict[str, Any], parameters, veld: str = "parameters", bron: str = OPGEGEVEN,
         voorbeeld: bool = False) -> Overlay:
    """Validate ``{path: {year-or-date: value}}`` against the parameter tree."""
    if not isinstance(data, dict):
        raise InvoerFout(veld, "verwacht {parameter: {jaar of datum: waarde}}")
    uit = []
    for pad, reeks in data.items():
        v = f"{veld}.{pad}"
        _find(parameters, str(pad), v)
        if not isinstance(reeks, dict) or not reeks:
            raise InvoerFout(v, "verwacht {jaar of datum: waarde}")
        for wanneer, waarde in reeks.items():
            tekst = str(wanneer)
            try:
                start = dt.date(int(tekst), 1, 1) if tekst.isdigit() else dt.date.fromisoformat(tekst)
            except ValueError:
                raise InvoerFout(v, f"'{wanneer}' is geen jaar of datum") from None
            if isinstance(waarde, bool) or not isinstance(waarde, (int, float)) or waarde < 0:
                raise InvoerFout(v, f"waarde voor {tekst} moet een getal van 0 of meer zijn")
            uit.append((str(pad), start.isoformat(), dt.date(start.year, 12, 31).isoformat(), float(waarde)))
    return Overlay(tuple(sorted(uit)), bron, voorbeeld)


def read_file(pad: Path, parameters) -> Overlay:
    """An overlay file (see module docstring)."""
    try:
        data = yaml.safe_load(Path(pad).read_text("utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise InvoerFout("parameters", f"bestand {pad} kan niet worden gelezen: {exc}") from None
    return read(data.get("waarden") or {}, parameters, "parameters", str(data.get("bron") or OPGEGEVEN),
                bool(data.get("voorbeeld", False)))


class ParameterOverlay(Reform):
    """An OpenFisca reform that only sets parameter values (with their source and voorbeeld flag)."""

    name = "Parameterwaarden opgegeven door de gebruiker"
    overlay: Overlay

    def apply(self) -> None:
        overlay = self.overlay

        def wijzig(parameters):
            for pad, start, stop, waarde in overlay.waarden:
                node, naam, blad = _find(parameters, pad, "parameters")
                if blad is None:
                    blad = Parameter(f"{node.name}.{naam}" if node.name else naam, data={"values": {
                        start: {"value": waarde},
                        (dt.date.fromisoformat(stop) + dt.timedelta(days=1)).isoformat(): {"value": None}}})
                    node.add_child(naam, blad)
                else:
                    blad.update(start=instant(start), stop=instant(stop), value=waarde)
                for w in blad.values_list:
                    if start <= w.instant_str <= stop and w.value == waarde:
                        w.metadata = {**w.metadata, "reference": overlay.bron, "voorbeeld": overlay.voorbeeld}
            return parameters

        self.modify_parameters(modifier_function=wijzig)


@lru_cache(maxsize=32)
def _applied(basis, sleutel: str, overlay: Overlay):
    klasse = type("ParameterOverlayToegepast", (ParameterOverlay,), {"overlay": overlay})
    return klasse(basis)


def apply(basis, overlay: Overlay | None):
    """The system with the overlay's values (cached per distinct overlay)."""
    if overlay is None or not overlay.waarden:
        return basis
    return _applied(basis, overlay.key(), overlay)
