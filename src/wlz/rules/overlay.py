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

from openfisca_core.parameters import Parameter
from openfisca_core.periods import instant
from openfisca_core.reforms import Reform

from wlz.common.errors import InvoerFout

OPGEGEVEN = "opgegeven door de gebruiker"
#: the rule an error in a parameter table breaks: this module's file format
REGEL_BESTAND = "formaat parameterbestand (wlz.rules.overlay; voorbeeld: examples/parameters/installatie.yaml)"


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
            raise InvoerFout(veld, f"onbekende parameter '{pad}'", REGEL_BESTAND)
        node = kinderen[deel]
    if not hasattr(node, "children"):
        raise InvoerFout(veld, f"'{pad}' is geen parameter", REGEL_BESTAND)
    blad = node.children.get(delen[-1])
    if blad is not None and not hasattr(blad, "values_list"):
        raise InvoerFout(veld, f"'{pad}' is een groep parameters, geen enkele waarde", REGEL_BESTAND)
    return node, delen[-1], blad


def read(
    data: dict[str, Any], parameters, veld: str = "parameters", bron: str = OPGEGEVEN, voorbeeld: bool = False
) -> Overlay:
    """Validate ``{path: {year-or-date: value}}`` against the parameter tree."""
    if not isinstance(data, dict):
        raise InvoerFout(veld, "verwacht {parameter: {jaar of datum: waarde}}", REGEL_BESTAND)
    uit = []
    for pad, reeks in data.items():
        v = f"{veld}.{pad}"
        _find(parameters, str(pad), v)
        if not isinstance(reeks, dict) or not reeks:
            raise InvoerFout(v, "verwacht {jaar of datum: waarde}", REGEL_BESTAND)
        for wanneer, waarde in reeks.items():
            tekst = str(wanneer)
            try:
                start = dt.date(int(tekst), 1, 1) if tekst.isdigit() else dt.date.fromisoformat(tekst)
            except ValueError:
                raise InvoerFout(v, f"'{wanneer}' is geen jaar of datum", REGEL_BESTAND) from None
            if (
                isinstance(waarde, bool)
                or not isinstance(waarde, (int, float))
                or waarde != waarde
                or waarde in (float("inf"), float("-inf"))
                or waarde < 0
            ):
                raise InvoerFout(v, f"waarde voor {tekst} moet een eindig getal van 0 of meer zijn", REGEL_BESTAND)
            uit.append((str(pad), start.isoformat(), dt.date(start.year, 12, 31).isoformat(), float(waarde)))
    return Overlay(tuple(sorted(uit)), bron, voorbeeld)


#: the keys of the file form
FILE_KEYS = ("bron", "voorbeeld", "waarden")


def load_file(pad: Path, veld: str = "parameters") -> dict[str, Any]:
    """A parameter file in its file form (``bron``, ``voorbeeld``, ``waarden``), its shape checked.

    The one loader of ``--parameters``, ``$WLZ_PARAMETERS`` and ``wlz parameters controleer``, so a file gives the
    same values with the same source and voorbeeld flag whichever way it is named. Raises InvoerFout naming
    ``veld`` for a missing file, malformed YAML, or YAML that is not an object of the file form.
    """
    from wlz.rules.files import read_data

    data = read_data(Path(pad), veld, REGEL_BESTAND)
    return check_form(data, f"{veld} ({pad})")


def check_form(data: Any, veld: str = "parameters") -> dict[str, Any]:
    """The file form checked: an object with ``waarden`` (and optionally ``bron`` and ``voorbeeld``)."""
    if data is None:
        data = {}
    if not isinstance(data, dict):
        soort = "een lijst" if isinstance(data, list) else f"'{data}'"
        raise InvoerFout(veld, f"is {soort}; verwacht een object met bron, voorbeeld en waarden", REGEL_BESTAND)
    onbekend = sorted(str(k) for k in data if k not in FILE_KEYS)
    if onbekend:
        raise InvoerFout(
            f"{veld}.{onbekend[0]}", f"onbekend veld; toegestaan zijn {', '.join(FILE_KEYS)}", REGEL_BESTAND
        )
    if not isinstance(data.get("voorbeeld", False), bool):
        raise InvoerFout(f"{veld}.voorbeeld", "verwacht ja of nee (true/false)", REGEL_BESTAND)
    if data.get("bron") is not None and not isinstance(data["bron"], str):
        raise InvoerFout(f"{veld}.bron", "verwacht een tekst: waar de waarden vandaan komen", REGEL_BESTAND)
    if data.get("waarden") is not None and not isinstance(data["waarden"], dict):
        raise InvoerFout(f"{veld}.waarden", "verwacht {parameter: {jaar of datum: waarde}}", REGEL_BESTAND)
    return data


def read_form(data: dict[str, Any], parameters, veld: str = "parameters") -> Overlay:
    """An overlay from the file form (see :func:`load_file`), keeping its ``bron`` and ``voorbeeld``."""
    data = check_form(data, veld)
    return read(
        data.get("waarden") or {},
        parameters,
        f"{veld}.waarden",
        str(data.get("bron") or OPGEGEVEN),
        bool(data.get("voorbeeld", False)),
    )


def read_file(pad: Path, parameters, veld: str = "parameters") -> Overlay:
    """An overlay file (see module docstring)."""
    return read_form(load_file(pad, veld), parameters, veld)


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
                    blad = Parameter(
                        f"{node.name}.{naam}" if node.name else naam,
                        data={
                            "values": {
                                start: {"value": waarde},
                                (dt.date.fromisoformat(stop) + dt.timedelta(days=1)).isoformat(): {"value": None},
                            }
                        },
                    )
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
