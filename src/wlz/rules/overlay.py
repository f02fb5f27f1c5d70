"""User-supplied parameter values: where no public value exists, the user supplies it.

Many Wlz amounts after 2015 are not in any public source this project could read (the yearly pgb tables, the
NZa tariffs). The rules keep their structure and let a user — a zorgkantoor with its own tables, an analyst
testing a scenario — supply values, either per situation (``parameters:`` in the situation) or for a whole
installation (a YAML file named by ``$WLZ_PARAMETERS``). Shipped example files are marked ``voorbeeld: true``
and every result that used such a value is flagged ``voorbeeld`` wherever it is shown.

File format (one complete example with every option: ``examples/parameters/installatie.yaml``; check a file with
``wlz parameters controleer FILE``)::

    bron: "Pgb-tabel 2026 van zorgkantoor X"   # the source of every value that names none itself
    voorbeeld: false                            # true for shipped examples
    waarden:
      pgb.profielbedrag.VG5: {2026: 70000}       # a year: the value holds for that calendar year
      pgb.toeslag.thuis: {2026-07-01: 3600}      # a date: from that date to the end of its year
      pgb.profielbedrag.VG6:                     # a series with its own source and unit (checked)
        bron: "Pgb-tabel 2026 van zorgkantoor X, regel 14"
        eenheid: euro                            # euro | fractie (0 tot 1) | maanden
        2026: 61000
        2026-07-01: {waarde: 62000, bron: "Wijziging per 1 juli 2026, brief van 3 juni 2026"}

A value holds from its date to the end of that calendar year (Wlz amounts are annual), so a supplied 2026
amount can never leak into 2027. Its source is, in this order: its own ``bron``, its series' ``bron``, the file's.
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

from wlz.common.errors import InputError

OPGEGEVEN = "opgegeven door de gebruiker"
#: the rule an error in a parameter table breaks: this module's file format
REGEL_BESTAND = "formaat parameterbestand (wlz.rules.overlay; voorbeeld: examples/parameters/installatie.yaml)"


#: the units a series may declare, and the parameter metadata unit each stands for
EENHEDEN = {"euro": "currency-EUR", "fractie": "/1", "maanden": "month"}
#: keys of a series that are not dates
SERIE_KEYS = ("bron", "eenheid")


@dataclass(frozen=True)
class Overlay:
    """Validated parameter values: ((path, start, stop, value, source), ...), the file's source and voorbeeld flag."""

    waarden: tuple[tuple[str, str, str, float, str], ...]
    bron: str = OPGEGEVEN
    voorbeeld: bool = False

    def key(self) -> str:
        return json.dumps([self.waarden, self.bron, self.voorbeeld], sort_keys=True)


def _find(parameters, pad: str, veld: str):
    """(parent node, leaf name, existing leaf or None); InputError when the path cannot hold a value."""
    delen = pad.split(".")
    node = parameters
    for deel in delen[:-1]:
        kinderen = getattr(node, "children", None)
        if kinderen is None or deel not in kinderen:
            raise InputError(veld, f"onbekende parameter '{pad}'", REGEL_BESTAND)
        node = kinderen[deel]
    if not hasattr(node, "children"):
        raise InputError(veld, f"'{pad}' is geen parameter", REGEL_BESTAND)
    blad = node.children.get(delen[-1])
    if blad is not None and not hasattr(blad, "values_list"):
        raise InputError(veld, f"'{pad}' is een groep parameters, geen enkele waarde", REGEL_BESTAND)
    return node, delen[-1], blad


def unit_of(parameters, pad: str) -> str | None:
    """The unit of a parameter (its own metadata or its nearest group's), None when none is declared."""
    node = parameters
    unit = None
    for deel in pad.split("."):
        kinderen = getattr(node, "children", None)
        if kinderen is None or deel not in kinderen:
            break
        node = kinderen[deel]
        unit = (getattr(node, "metadata", None) or {}).get("unit", unit)
    return unit


def start_date(wanneer: Any, veld: str) -> dt.date:
    """The first day a value holds: a year (its 1 January) or an ISO date."""
    tekst = str(wanneer)
    try:
        return dt.date(int(tekst), 1, 1) if tekst.isdigit() else dt.date.fromisoformat(tekst)
    except ValueError:
        raise InputError(veld, f"'{wanneer}' is geen jaar of datum (JJJJ of JJJJ-MM-DD)", REGEL_BESTAND) from None


def _getal(waarde: Any) -> bool:
    return (
        not isinstance(waarde, bool)
        and isinstance(waarde, (int, float))
        and waarde == waarde
        and waarde not in (float("inf"), float("-inf"))
        and waarde >= 0
    )


def read_series(pad: str, reeks: Any, parameters, veld: str, bron: str) -> list[tuple[str, str, str, float, str]]:
    """One parameter's values, checked: the path, each date, each value (a number, or ``{waarde, bron}``), the
    declared unit against the parameter's."""
    _find(parameters, pad, veld)
    if not isinstance(reeks, dict) or not any(k not in SERIE_KEYS for k in reeks):
        raise InputError(veld, "verwacht {jaar of datum: waarde}", REGEL_BESTAND)
    eenheid = reeks.get("eenheid")
    if eenheid is not None:
        if eenheid not in EENHEDEN:
            raise InputError(
                f"{veld}.eenheid", f"'{eenheid}' is geen eenheid; kies uit {', '.join(EENHEDEN)}", REGEL_BESTAND
            )
        verwacht = unit_of(parameters, pad)
        if verwacht is not None and EENHEDEN[eenheid] != verwacht:
            juist = next((k for k, v in EENHEDEN.items() if v == verwacht), verwacht)
            raise InputError(f"{veld}.eenheid", f"'{pad}' is in {juist}, niet in {eenheid}", REGEL_BESTAND)
    reeks_bron = reeks.get("bron", bron)
    if not isinstance(reeks_bron, str) or not reeks_bron.strip():
        raise InputError(f"{veld}.bron", "verwacht een tekst: waar de waarden vandaan komen", REGEL_BESTAND)
    uit = []
    for wanneer, waarde in reeks.items():
        if wanneer in SERIE_KEYS:
            continue
        start = start_date(wanneer, veld)
        eigen_bron = reeks_bron
        if isinstance(waarde, dict):
            onbekend = sorted(str(k) for k in waarde if k not in ("waarde", "bron"))
            if onbekend or "waarde" not in waarde:
                raise InputError(f"{veld}.{wanneer}", "verwacht een getal of {waarde: ..., bron: ...}", REGEL_BESTAND)
            eigen_bron = waarde.get("bron", reeks_bron)
            if not isinstance(eigen_bron, str) or not eigen_bron.strip():
                raise InputError(
                    f"{veld}.{wanneer}.bron", "verwacht een tekst: waar de waarde vandaan komt", REGEL_BESTAND
                )
            waarde = waarde["waarde"]
        if not _getal(waarde):
            raise InputError(veld, f"waarde voor {wanneer} moet een eindig getal van 0 of meer zijn", REGEL_BESTAND)
        if unit_of(parameters, pad) == "/1" and waarde > 1:
            raise InputError(
                veld, f"waarde voor {wanneer} is een fractie (0 tot 1, 10% = 0.1), geen {waarde}", REGEL_BESTAND
            )
        uit.append((pad, start.isoformat(), dt.date(start.year, 12, 31).isoformat(), float(waarde), eigen_bron))
    return uit


def read(
    data: dict[str, Any], parameters, veld: str = "parameters", bron: str = OPGEGEVEN, voorbeeld: bool = False
) -> Overlay:
    """Validate ``{path: {year-or-date: value}}`` against the parameter tree (see the module docstring)."""
    if not isinstance(data, dict):
        raise InputError(veld, "verwacht {parameter: {jaar of datum: waarde}}", REGEL_BESTAND)
    uit = []
    for pad, reeks in data.items():
        uit += read_series(str(pad), reeks, parameters, f"{veld}.{pad}", bron)
    return Overlay(tuple(sorted(uit)), bron, voorbeeld)


#: the keys of the file form
FILE_KEYS = ("bron", "voorbeeld", "waarden")


def load_file(pad: Path, veld: str = "parameters") -> dict[str, Any]:
    """A parameter file in its file form (``bron``, ``voorbeeld``, ``waarden``), its shape checked.

    The one loader of ``--parameters``, ``$WLZ_PARAMETERS`` and ``wlz parameters controleer``, so a file gives the
    same values with the same source and voorbeeld flag whichever way it is named. Raises InputError naming
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
        raise InputError(veld, f"is {soort}; verwacht een object met bron, voorbeeld en waarden", REGEL_BESTAND)
    onbekend = sorted(str(k) for k in data if k not in FILE_KEYS)
    if onbekend:
        raise InputError(
            f"{veld}.{onbekend[0]}", f"onbekend veld; toegestaan zijn {', '.join(FILE_KEYS)}", REGEL_BESTAND
        )
    if not isinstance(data.get("voorbeeld", False), bool):
        raise InputError(f"{veld}.voorbeeld", "verwacht ja of nee (true/false)", REGEL_BESTAND)
    if data.get("bron") is not None and not isinstance(data["bron"], str):
        raise InputError(f"{veld}.bron", "verwacht een tekst: waar de waarden vandaan komen", REGEL_BESTAND)
    if data.get("waarden") is not None and not isinstance(data["waarden"], dict):
        raise InputError(f"{veld}.waarden", "verwacht {parameter: {jaar of datum: waarde}}", REGEL_BESTAND)
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
            for pad, start, stop, waarde, bron in overlay.waarden:
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
                        w.metadata = {**w.metadata, "reference": bron, "voorbeeld": overlay.voorbeeld}
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
