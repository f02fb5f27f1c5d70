"""``wlz parameters controleer FILE``: check an installation's own parameter table before it is used.

Many amounts have no public source (the pgb table per profile, the NZa tariffs: see docs/bronnen-parameters.md).
A zorgkantoor supplies them in a file (format in :mod:`wlz.rules.overlay`, a complete example in
``examples/parameters/installatie.yaml``) named by ``$WLZ_PARAMETERS`` or ``--parameters``. Used directly, a
mistake in that file stops the first calculation with one error. This check reads the whole file and reports:

- every error, each naming the field (``waarden.pgb.profielbedrag.VG5.2026``) and the rule it breaks: a value
  without a source (``bron``: every value needs one, its own, its series' or the file's), a date that is not a
  year or an ISO date or lies before the Wlz (2015), a unit that is not the parameter's (a fraction above 1), a
  name the rules do not know (a profile that does not exist);
- what it fills: per value, whether the shipped parameters had no value then (``onbekend`` → filled) or a
  public one (then the file's value replaces it, and the report says which and from which source);
- what stays ``onbekend`` in the years the file covers, per parameter family (as the coverage table counts
  them), so the installation knows which results will still read "onbekend".

The check reads the shipped parameter files only (not ``$WLZ_PARAMETERS``), so it compares against what the
public sources give.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openfisca_core.parameters import ParameterNode

from wlz.common.errors import InputError
from wlz.common.formatting import format_date_long, format_number
from wlz.rules import dekking, overlay
from wlz.rules.overlay import REGEL_BESTAND, SERIE_KEYS

#: stands for "no source" while the values are read, so a missing source is reported once, as such
_ONTBREEKT = "(geen bron)"
#: the first day a Wlz value can hold (the Wlz took effect on 1 January 2015)
EERSTE_DAG = dt.date(2015, 1, 1)


@dataclass(frozen=True)
class Bevinding:
    """One problem in the file: the field, what is wrong (Dutch) and the rule it breaks."""

    veld: str
    melding: str
    regel: str | None = REGEL_BESTAND

    def as_dict(self) -> dict[str, Any]:
        return {"veld": self.veld, "melding": self.melding, "regel": self.regel}


@dataclass(frozen=True)
class Vulling:
    """One value of the file and what it does: fill an unknown value, or replace a public one."""

    parameter: str
    vanaf: dt.date
    waarde: float
    bron: str
    was: float | None  # the shipped value in force that day (None: onbekend)
    was_bron: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "parameter": self.parameter,
            "vanaf": self.vanaf.isoformat(),
            "waarde": self.waarde,
            "bron": self.bron,
            "was": self.was,
            "was_bron": self.was_bron,
        }


@dataclass(frozen=True)
class Rapport:
    """The outcome of the check (``fouten`` empty: the file can be used)."""

    bestand: str
    bron: str | None
    voorbeeld: bool
    fouten: tuple[Bevinding, ...]
    vullingen: tuple[Vulling, ...]
    onbekend: dict[int, tuple[str, ...]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "bestand": self.bestand,
            "bron": self.bron,
            "voorbeeld": self.voorbeeld,
            "fouten": [f.as_dict() for f in self.fouten],
            "vullingen": [v.as_dict() for v in self.vullingen],
            "onbekend": {str(j): list(n) for j, n in self.onbekend.items()},
        }

    def tekst(self) -> str:
        """The report in Dutch, as ``wlz parameters controleer`` prints it."""
        regels = [
            f"Parametertabel {self.bestand}" + (" (voorbeeld: geen vastgestelde bedragen)" if self.voorbeeld else "")
        ]
        if self.bron:
            regels.append(f"Bron van het bestand (geldt voor elke waarde zonder eigen bron): {self.bron}")
        if self.fouten:
            regels.append(f"\n{len(self.fouten)} fout(en); de tabel kan zo niet worden gebruikt:")
            regels += [f"  - {f.veld}: {f.melding} ({f.regel})" for f in self.fouten]
        else:
            regels.append("\nGeen fouten: de tabel kan worden gebruikt ($WLZ_PARAMETERS of --parameters).")
        aangevuld = [v for v in self.vullingen if v.was is None]
        vervangen = [v for v in self.vullingen if v.was is not None and v.was != v.waarde]
        bevestigd = [v for v in self.vullingen if v.was is not None and v.was == v.waarde]
        if aangevuld:
            regels.append(f"\nVult {len(aangevuld)} waarde(n) aan die in de openbare bronnen onbekend zijn:")
            regels += [
                f"  - {v.parameter} vanaf {format_date_long(v.vanaf)}: {_getal(v.waarde)}{self._eigen_bron(v)}"
                for v in aangevuld
            ]
        if vervangen:
            regels.append(f"\nVervangt {len(vervangen)} openbare waarde(n); controleer of dat de bedoeling is:")
            regels += [
                f"  - {v.parameter} vanaf {format_date_long(v.vanaf)}: {_getal(v.waarde)} in plaats van "
                f"{_getal(v.was)} (openbare bron: {v.was_bron or 'onbekend'}){self._eigen_bron(v)}"
                for v in vervangen
            ]
        if bevestigd:
            regels.append(f"\nGeeft {len(bevestigd)} waarde(n) die gelijk zijn aan de openbare waarde:")
            regels += [f"  - {v.parameter} vanaf {format_date_long(v.vanaf)}: {_getal(v.waarde)}" for v in bevestigd]
        for jaar, namen in sorted(self.onbekend.items()):
            if namen:
                regels.append(
                    f"\nBlijft onbekend in {jaar} ({len(namen)} parameters of families van parameters; "
                    "resultaten die ze gebruiken tonen 'onbekend'):"
                )
                regels += [f"  - {naam}" for naam in namen]
            else:
                regels.append(f"\nIn {jaar} is met deze tabel elke parameter bekend.")
        return "\n".join(regels)

    def _eigen_bron(self, v: Vulling) -> str:
        return "" if v.bron == self.bron else f" (bron: {v.bron})"


def _getal(waarde: float | None) -> str:
    if waarde is None:
        return "onbekend"
    return format_number(waarde, decimals=None if waarde != int(waarde) else 0)


def _shipped() -> ParameterNode:
    return ParameterNode("", directory_path=str(dekking.PARAMETERS))


def _leaf(boom: ParameterNode, pad: str) -> Any:
    node: Any = boom
    for deel in pad.split("."):
        kinderen = getattr(node, "children", None)
        if kinderen is None or deel not in kinderen:
            return None
        node = kinderen[deel]
    return node if hasattr(node, "values_list") else None


def _in_force(leaf: Any, dag: str) -> tuple[float | None, str | None]:
    if leaf is None:
        return None, None
    waarde = next((v for v in leaf.values_list if v.instant_str <= dag), None)
    if waarde is None or waarde.value is None:
        return None, None
    return float(waarde.value), waarde.metadata.get("reference")


def _name_problem(boom: ParameterNode, pad: str) -> str | None:
    """A new leaf under a family of profiles or classes must be a member the rules know."""
    if _leaf(boom, pad) is not None:
        return None
    ouder, _, naam = pad.rpartition(".")
    broers = getattr(_leaf_or_node(boom, ouder), "children", {}) or {}
    if broers and all(dekking._LID.match(b) for b in broers):
        if naam.startswith("klasse_"):
            return f"'{naam}' is geen klasse van '{ouder}' (bekend: {', '.join(sorted(broers))})"
        from wlz.reference import lookup
        from wlz.rules.enums import profiel_key

        try:
            profiel = lookup(naam.replace("_", "-"))
        except KeyError:
            return f"'{naam}' is geen zorgprofiel (Rlz bijlage A; iWlz COD163)"
        if profiel_key(profiel.code) != naam:
            return f"schrijf het zorgprofiel als '{profiel_key(profiel.code)}', niet '{naam}'"
    return None


def _leaf_or_node(boom: ParameterNode, pad: str) -> Any:
    node: Any = boom
    for deel in pad.split(".") if pad else ():
        kinderen = getattr(node, "children", None)
        if kinderen is None or deel not in kinderen:
            return None
        node = kinderen[deel]
    return node


def check_file(pad: Path) -> Rapport:
    """Check a parameter table (see the module docstring); InputError only when the file cannot be read at all."""
    data = overlay.load_file(Path(pad), "bestand")
    boom = _shipped()
    bestand_bron = data.get("bron")
    fouten: list[Bevinding] = []
    vullingen: list[Vulling] = []
    waarden = data.get("waarden") or {}
    if not waarden:
        fouten.append(Bevinding("waarden", "geen enkele waarde; geef {parameter: {jaar of datum: waarde}}"))
    gevuld: set[tuple[str, int]] = set()
    for pad_ in waarden:
        naam = str(pad_)
        veld = f"waarden.{naam}"
        reeks = waarden[pad_]
        probleem = _name_problem(boom, naam)
        if probleem:
            fouten.append(Bevinding(veld, probleem))
            continue
        if isinstance(reeks, dict) and not bestand_bron:
            for wanneer, waarde in reeks.items():
                if wanneer in SERIE_KEYS:
                    continue
                if "bron" not in reeks and not (isinstance(waarde, dict) and waarde.get("bron")):
                    fouten.append(
                        Bevinding(
                            f"{veld}.{wanneer}",
                            "geen bron: elke waarde heeft een bron nodig (van "
                            "de waarde zelf, van de reeks of van het hele bestand)",
                        )
                    )
        try:
            reeks_waarden = overlay.read_series(naam, reeks, boom, veld, bestand_bron or _ONTBREEKT)
        except InputError as fout:
            fouten.append(Bevinding(fout.veld or veld, fout.melding, fout.regel))
            continue
        for _pad, start, _stop, waarde, bron in reeks_waarden:
            begin = dt.date.fromisoformat(start)
            if begin < EERSTE_DAG:
                fouten.append(
                    Bevinding(
                        f"{veld}.{start}",
                        f"{format_date_long(begin)} ligt voor de Wlz (1 januari 2015)",
                        "Wlz art. 12.1.1",
                    )
                )
                continue
            if bron == _ONTBREEKT:
                continue  # reported above, once per value
            was, was_bron = _in_force(_leaf(boom, naam), start)
            vullingen.append(Vulling(naam, begin, waarde, bron, was, was_bron))
            gevuld.add((naam, begin.year))
    jaren = sorted({v.vanaf.year for v in vullingen})
    return Rapport(
        str(pad),
        bestand_bron,
        bool(data.get("voorbeeld", False)),
        tuple(fouten),
        tuple(vullingen),
        {jaar: _still_unknown(boom, jaar, gevuld) for jaar in jaren},
    )


def _still_unknown(boom: ParameterNode, jaar: int, gevuld: set[tuple[str, int]]) -> tuple[str, ...]:
    """The parameter families with a member unknown (on some day) in ``jaar`` that the file does not fill, with
    how many members stay unknown (``pgb.profielbedrag.* (41)``)."""
    families: dict[str, int] = {}
    for reeks in dekking._reeksen(boom):
        status = dekking._jaarstatus(reeks, jaar, {})
        if status in (dekking.ONBEKEND, dekking.DEELS) and (reeks.name, jaar) not in gevuld:
            familie = dekking._familie(reeks.name)
            families[familie] = families.get(familie, 0) + 1
    return tuple(f"{naam} ({n})" if naam.endswith(".*") else naam for naam, n in sorted(families.items()))
