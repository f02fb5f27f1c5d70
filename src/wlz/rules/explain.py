"""How one situation is computed and explained: an OpenFisca simulation for one client, every result with its
explanation, the parameters it read and whether it rests on a voorbeeld value.

Callers use :func:`wlz.rules.api.bereken`; this module is its engine room (OpenFisca's simulation, tracer and
caches), kept apart so the public API reads as types in and types out.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterator, Mapping
from typing import Any

import numpy as np
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import DateUnit, period
from openfisca_core.simulation_builder import SimulationBuilder
from openfisca_core.tracers import SimpleTracer

from wlz.common.errors import InputError
from wlz.rules import overlay
from wlz.rules.model import Context, WlzVariable, is_onbekend
from wlz.rules.reforms import HERVORMINGEN
from wlz.rules.results import (
    Berekening,
    Bron,
    Eenheid,
    Jaar,
    Parameterwaarde,
    Resultaat,
    warnings_for,
)
from wlz.rules.situatie import Situatie, to_openfisca
from wlz.rules.situatie import read as read_situatie
from wlz.rules.system import systeem_met

#: display titles of the rule modules, in the order a letter presents them
GROEPEN = {
    "toegang": "Toegang en geldigheid van de indicatie",
    "periode": "Periode",
    "budget": "Budget per leveringsvorm",
    "doelmatigheid": "Doelmatigheidstoets zorg thuis",
    "ekt": "Extra kosten thuis",
    "meerzorg": "Meerzorg",
    "pab": "Persoonlijk assistentiebudget",
    "overbruggingszorg": "Overbruggingszorg",
    "eigen_bijdrage": "Eigen bijdrage",
}


def _groep(cls: type) -> str:
    module = cls.__module__.rsplit(".", 1)[-1]
    for sleutel, titel in GROEPEN.items():
        if module == sleutel or module.startswith(sleutel + "_"):
            return titel
    return module.replace("_", " ").capitalize()


def _python(waarde: Any) -> Any:
    """A numpy scalar as plain JSON-able Python (enum → name, NaN → None, floats to cents)."""
    if hasattr(waarde, "name") and not isinstance(waarde, str):
        return waarde.name
    if isinstance(waarde, np.generic):
        waarde = waarde.item()
    if isinstance(waarde, float):
        return None if math.isnan(waarde) else round(waarde, 2)
    if isinstance(waarde, dt.date):
        return waarde.isoformat()
    return waarde


class DependencyTracer(SimpleTracer):
    """OpenFisca's stack tracer that also records, by name, which variables each formula asked for.

    That name graph is all the voorbeeld flag needs from a trace (see :func:`_dependencies`). OpenFisca's
    full tracer records the same edges, but also a node per request with timings and values, and wraps every
    parameter read in a tracing proxy: about a third of the cost of an explained situation.
    """

    def __init__(self) -> None:
        super().__init__()
        self.direct: dict[str, set[str]] = {}

    def record_calculation_start(self, variable, period) -> None:
        stack = self._stack
        if stack:
            self.direct[stack[-1]["name"]].add(variable)
        self.direct.setdefault(variable, set())
        stack.append({"name": variable, "period": period})


def _calculate_or_cached(sim, naam: str, p) -> Any:
    """``sim.calculate``, but a value already in the simulation's cache is read without going through it.

    A top-level request for a cached value adds no edge to the trace (its node has no parent and no
    children), so skipping it changes nothing but the time.
    """
    array = sim.get_holder(naam).get_array(p)
    return sim.calculate(naam, p) if array is None else array


_ETERNITY = period("eternity")


class Values(Mapping):
    """The client's value of any variable in one period, computed on demand (for explanations)."""

    def __init__(self, simulatie, periode) -> None:
        self._sim = simulatie
        self._periode = periode
        self._cache: dict[str, Any] = {}
        self._perioden: dict[DateUnit, Any] = {DateUnit.ETERNITY: _ETERNITY}  # built once, not per variable

    def _calculate(self, naam: str) -> Any:
        variabele = self._sim.tax_benefit_system.variables[naam]
        unit = variabele.definition_period
        p = self._perioden.get(unit)
        if p is None:
            if unit == DateUnit.YEAR:
                p = self._periode.this_year
            else:
                p = self._periode.first_month if self._periode.unit == DateUnit.YEAR else self._periode
            self._perioden[unit] = p
        array = _calculate_or_cached(self._sim, naam, p)
        waarde = array[0]  # the client is the first person, and its household the first household
        if hasattr(array, "decode"):
            waarde = array.decode()[0].name
        if isinstance(waarde, np.generic):
            waarde = waarde.item()
        return waarde

    def __getitem__(self, naam: str) -> Any:
        if naam not in self._cache:
            if naam not in self._sim.tax_benefit_system.variables:
                raise KeyError(naam)
            self._cache[naam] = self._calculate(naam)
        return self._cache[naam]

    def __iter__(self) -> Iterator[str]:
        return iter(self._cache)

    def __len__(self) -> int:
        return len(self._cache)


def result_variables(system) -> list[WlzVariable]:
    """The variables a user sees: every rule with an explanation, in module and definition order."""
    return [v for v in system.variables.values() if isinstance(v, WlzVariable) and v.wlz_uitleg() is not None]


def _peildatum(s: Situatie, jaar: int) -> dt.date:
    return max(s.van, dt.date(jaar, 1, 1))


_UNITS: dict[Any, Eenheid] = {float: "euro", bool: "ja_nee", int: "aantal", dt.date: "datum", Enum: "code"}


def _unit(variabele: WlzVariable) -> Eenheid:
    return _UNITS.get(variabele.value_type, "tekst")


_VERSIE = re.compile(r"wetten\.overheid\.nl/(BWBR\d+)/(\d{4}-\d{2}-\d{2})")


def sources_for_year(bronnen: tuple[tuple[str, str], ...], jaar: int) -> list[tuple[str, str]]:
    """A rule's sources as a result of ``jaar`` cites them: the version of each law in force that year first
    (the latest version dated in or before the year: for 2025 the 2025 text), then the others; a version dated
    after the year is left out when the law has one for the year (a 2017 result does not cite the 2025 text)."""
    versies: dict[str, list[str]] = {}
    for _titel, url in bronnen:
        m = _VERSIE.search(url)
        if m:
            versies.setdefault(m.group(1), []).append(m.group(2))
    geldend = {}
    for wet, datums in versies.items():
        eerder = [d for d in datums if int(d[:4]) <= jaar]
        geldend[wet] = max(eerder) if eerder else min(datums)

    def rang(bron: tuple[str, str]) -> int:
        m = _VERSIE.search(bron[1])
        return 1 if m is None else (0 if m.group(2) == geldend[m.group(1)] else 2)

    bewaard = [
        b
        for b in bronnen
        if not ((m := _VERSIE.search(b[1])) and int(m.group(2)[:4]) > jaar and int(geldend[m.group(1)][:4]) <= jaar)
    ]
    return sorted(bewaard, key=rang)


def _resultaat(
    variabele: WlzVariable, sim, periode, peildatum: dt.date, waarden: Values | None = None
) -> dict[str, Any]:
    """One result's fields (the voorbeeld flag is completed over the year by :func:`_mark_voorbeeld`)."""
    waarden = Values(sim, periode) if waarden is None else waarden
    waarde = waarden[variabele.name]
    ctx = Context(
        waarde=waarde,
        periode=str(periode),
        peildatum=peildatum.isoformat(),
        variabelen=waarden,
        parameters=sim.tax_benefit_system.parameters,
    )
    uitleg_van = variabele.wlz_uitleg()
    uitleg = uitleg_van(ctx) if uitleg_van is not None else ""  # result_variables() keeps only explained rules
    gebruikt: list[Parameterwaarde] = list(ctx.gebruikt)
    van_toepassing = type(variabele).wlz_van_toepassing()
    geldt = van_toepassing is None or van_toepassing(ctx)
    if geldt and any(is_onbekend(waarden[naam]) for naam in type(variabele).wlz_onbekend_als()):
        waarde = None  # a test against an unknown amount has no outcome (never a "nee" that reads as a refusal)
    open_als = type(variabele).wlz_open_als()
    if open_als is not None and waarde is not None and not waarde and open_als(ctx):
        waarde = None  # an unanswered question decides it: no outcome (never a "nee" that reads as a refusal)
    return {
        "naam": variabele.name,
        "label": variabele.label,
        "groep": _groep(type(variabele)),
        "eenheid": _unit(variabele),
        "periode": str(periode),
        "waarde": _python(waarde),
        "uitleg": uitleg,
        "bronnen": tuple(Bron(t, u) for t, u in sources_for_year(type(variabele).wlz_bronnen(), peildatum.year)),
        "parameters": tuple(gebruikt),
        "voorbeeld": any(b.voorbeeld for b in gebruikt),
    }


def explain(
    situatie: dict[str, Any], hervorming: str | None = None, parameterbestand: Mapping[str, Any] | None = None
) -> Berekening:
    """Compute and explain every result for a situation in its dict form; raises InputError on bad input.

    ``parameterbestand`` is a parameter table in its file form (``bron``, ``voorbeeld``, ``waarden``; see
    :func:`wlz.rules.overlay.load_file`), applied before the situation's own ``parameters``.
    """
    if hervorming is not None:
        situatie = {**situatie, "hervorming": hervorming}
    gekozen = situatie.get("hervorming") if isinstance(situatie, dict) else None
    if gekozen is not None and gekozen not in HERVORMINGEN:
        raise InputError(
            "hervorming",
            f"onbekende hervorming '{gekozen}'; kies uit {', '.join(HERVORMINGEN)}",
            "wlz.rules.reforms (de hervormingen die de regels kennen)",
        )
    system = systeem_met(situatie.get("hervorming") if isinstance(situatie, dict) else None)
    if parameterbestand is not None:
        system = overlay.apply(system, overlay.read_form(dict(parameterbestand), system.parameters))
    if isinstance(situatie, dict) and situatie.get("parameters") is not None:
        system = overlay.apply(system, overlay.read(situatie["parameters"], system.parameters))
    s = read_situatie(situatie, system)
    sim = SimulationBuilder().build_from_entities(system, to_openfisca(s, system))
    sim.tracer = DependencyTracer()  # which results depend on a voorbeeld value (see _mark_voorbeeld)
    jaren = []
    for jaar in s.jaren:
        peildatum = _peildatum(s, jaar)
        p_jaar, p_maand = period(str(jaar)), period(peildatum.strftime("%Y-%m"))
        maanden = _maanden(s, jaar)
        velden = []
        gedeeld: dict[Any, Values] = {}
        for variabele in result_variables(system):
            unit = variabele.definition_period
            if unit == DateUnit.ETERNITY and jaar != s.jaren[0]:
                continue
            p = p_jaar if unit != DateUnit.MONTH else p_maand
            if p not in gedeeld:  # one lookup table per period: the explanations of a year ask the same values
                gedeeld[p] = Values(sim, p)
            resultaat = _resultaat(variabele, sim, p, peildatum, gedeeld[p])
            if unit == DateUnit.MONTH:
                resultaat["maandelijks"] = True
                resultaat["per_maand"] = _per_maand(sim, variabele.name, maanden)
            velden.append(resultaat)
        _mark_voorbeeld(sim, velden)
        resultaten = tuple(Resultaat(**v) for v in velden)
        jaren.append(Jaar(jaar, peildatum, resultaten, warnings_for(resultaten)))
    return Berekening(
        s.van,
        s.tot,
        s.profiel.code,
        s.profiel.naam,
        s.client.get("leveringsvorm", "verblijf"),
        s.hervorming,
        tuple(jaren),
    )


def _dependencies(sim) -> dict[str, set[str]]:
    """For every traced variable: the names of all variables its value was computed from (transitively).

    OpenFisca's trace shows only direct children for values taken from its cache, so the closure is taken
    over names, across periods. The direct edges are those :class:`DependencyTracer` recorded.
    """
    direct: dict[str, set[str]] = sim.tracer.direct
    alles: dict[str, set[str]] = {}

    def closure(naam: str, bezig: frozenset[str] = frozenset()) -> set[str]:
        if naam in alles:
            return alles[naam]
        uit: set[str] = set()
        for kind in direct.get(naam, ()):
            if kind not in bezig:
                uit |= {kind} | closure(kind, bezig | {naam})
        alles[naam] = uit
        return uit

    for naam in direct:
        closure(naam)
    return alles


def _mark_voorbeeld(sim, resultaten: list[dict[str, Any]]) -> None:
    """A result is ``voorbeeld`` when it used a voorbeeld value itself or was computed from such a result.

    Results that read an example value directly are known from their explanation; a result computed from them
    (the mpt budget from the pgb, the doelmatigheidstoets from both) inherits the flag through OpenFisca's trace.
    """
    afh = _dependencies(sim)
    bron = {r["naam"] for r in resultaten if r["voorbeeld"]}
    for naam in list(bron):
        bron |= {n for n in afh.get(naam, set()) if n.endswith("jaarbedrag")}
    for r in resultaten:
        if not r["voorbeeld"] and afh.get(r["naam"], set()) & bron:
            r["voorbeeld"] = True


def _maanden(s: Situatie, jaar: int) -> list[tuple[str, Any]]:
    """(name, period) of the months of ``jaar`` within the situation's period (parsed once per year)."""
    return [
        (f"{jaar}-{m:02d}", period(f"{jaar}-{m:02d}"))
        for m in range(1, 13)
        if dt.date(jaar, m, 1) <= s.tot and (dt.date(jaar, m, 28) >= s.van)
    ]


def _per_maand(sim, naam: str, maanden: list[tuple[str, Any]]) -> dict[str, Any] | None:
    """Monthly values within the situation's period, only when they change during the year."""
    waarden = {m: _python(_calculate_or_cached(sim, naam, p)[0]) for m, p in maanden}
    return waarden if len({str(v) for v in waarden.values()}) > 1 else None
