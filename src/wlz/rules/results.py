"""The typed form of what the rules compute: a calculation, per year its results, per result its value, unit,
period, explanation, parameters used and legal sources.

These frozen dataclasses are the contract between the rules and everything that shows or stores their answer
(the CLI, the zorgkantoor's adapter, letters, the Wlz-wijzer, scenarios). Each has ``as_dict`` for the JSON form
(``wlz bereken --json``, and what the zorgkantoor stores with a request) and ``from_dict`` to read that form back,
so stored results are read with the same types as fresh ones. The JSON form is the one the CLI has always
printed; its keys and their order are part of the contract.

Nothing here imports OpenFisca: a reader of results needs only this module.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

#: A result's value in its JSON-able form: a yes/no, a count, an amount in euros (rounded to cents), an ISO date
#: or an enum member's name. ``None``: unknown (no parameter covers the period).
Waarde = bool | int | float | str | None

#: What a value measures: ``euro`` (an amount), ``ja_nee``, ``aantal`` (days, months), ``datum`` (ISO text),
#: ``code`` (a name from a fixed list) or ``tekst``.
Eenheid = Literal["euro", "ja_nee", "aantal", "datum", "code", "tekst"]

#: Amount results whose absence a user must be told about explicitly (a warning beside the results).
AMOUNTS_TO_WARN = ("pgb_budget", "mpt_budget", "eigen_bijdrage_jaar", "pab_maximum", "verblijf_budget")


def _date(value: Any) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(str(value)[:10])


def _iso(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def unit_of_value(waarde: Waarde) -> Eenheid:
    """The unit of a value read back from the JSON form (which does not carry it): the rules' amounts are floats,
    their counts ints, their tests booleans. A date or code is text there, so both read as ``tekst``."""
    if isinstance(waarde, bool):
        return "ja_nee"
    if isinstance(waarde, float):
        return "euro"
    if isinstance(waarde, int):
        return "aantal"
    return "tekst"


@dataclass(frozen=True)
class Bron:
    """A legal source of a rule: the article as people cite it, and where to read it."""

    titel: str
    url: str

    def as_dict(self) -> dict[str, str]:
        return {"titel": self.titel, "url": self.url}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Bron:
        return cls(str(data["titel"]), str(data["url"]))


@dataclass(frozen=True)
class Parameterwaarde:
    """A parameter value an explanation relied on: its dotted name, the value, the date it took effect, its
    source (article, seed table or the file a user supplied) and whether it is a ``voorbeeld`` value."""

    naam: str
    waarde: Waarde
    geldig_vanaf: dt.date | None
    bron: str | None
    beschrijving: str | None = None
    voorbeeld: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "naam": self.naam,
            "waarde": self.waarde,
            "geldig_vanaf": _iso(self.geldig_vanaf),
            "bron": self.bron,
            "beschrijving": self.beschrijving,
            "voorbeeld": self.voorbeeld,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Parameterwaarde:
        return cls(
            str(data["naam"]),
            data.get("waarde"),
            _date(data.get("geldig_vanaf")),
            data.get("bron"),
            data.get("beschrijving"),
            bool(data.get("voorbeeld", False)),
        )


@dataclass(frozen=True)
class Resultaat:
    """One computed rule for the client in one period, with everything needed to justify it.

    ``periode`` is OpenFisca's period text (``2017``, ``2017-03``); ``per_maand`` holds the monthly values of a
    monthly rule when they change during the year (``maandelijks`` says whether the rule is monthly at all).
    """

    naam: str
    label: str
    groep: str
    eenheid: Eenheid
    periode: str
    waarde: Waarde
    uitleg: str
    bronnen: tuple[Bron, ...] = ()
    parameters: tuple[Parameterwaarde, ...] = ()
    voorbeeld: bool = False
    maandelijks: bool = False
    per_maand: Mapping[str, Waarde] | None = None

    @property
    def onbekend(self) -> bool:
        """No value: no parameter covers this period (shown as "onbekend", never as a made-up figure)."""
        return self.waarde is None

    @property
    def zinnen(self) -> tuple[str, ...]:
        """The explanation as sentences (a letter lists them)."""
        return (self.uitleg,) if self.uitleg else ()

    def as_dict(self) -> dict[str, Any]:
        uit: dict[str, Any] = {
            "naam": self.naam,
            "label": self.label,
            "groep": self.groep,
            "periode": self.periode,
            "waarde": self.waarde,
            "uitleg": self.uitleg,
            "bronnen": [b.as_dict() for b in self.bronnen],
            "parameters": [p.as_dict() for p in self.parameters],
            "voorbeeld": self.voorbeeld,
        }
        if self.maandelijks:
            uit["per_maand"] = None if self.per_maand is None else dict(self.per_maand)
        return uit

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Resultaat:
        waarde: Waarde = data.get("waarde")
        uitleg = data.get("uitleg") or ""
        per_maand = data.get("per_maand")
        return cls(
            naam=str(data["naam"]),
            label=str(data.get("label") or ""),
            groep=str(data.get("groep") or ""),
            eenheid=unit_of_value(waarde),
            periode=str(data.get("periode") or ""),
            waarde=waarde,
            uitleg=uitleg if isinstance(uitleg, str) else " ".join(str(z) for z in uitleg),
            bronnen=tuple(Bron.from_dict(b) for b in data.get("bronnen") or ()),
            parameters=tuple(Parameterwaarde.from_dict(p) for p in data.get("parameters") or ()),
            voorbeeld=bool(data.get("voorbeeld", False)),
            maandelijks="per_maand" in data,
            per_maand=None if per_maand is None else dict(per_maand),
        )


def by_name(resultaten: tuple[Resultaat, ...]) -> dict[str, Resultaat]:
    return {r.naam: r for r in resultaten}


@dataclass(frozen=True)
class Jaar:
    """The results of one calendar year of the situation, computed at its ``peildatum`` (the later of 1 January
    and the start of the situation), and the warnings for amounts no parameter covers."""

    jaar: int
    peildatum: dt.date
    resultaten: tuple[Resultaat, ...]
    waarschuwingen: tuple[str, ...] = ()

    def resultaat(self, naam: str) -> Resultaat | None:
        """The result of that name in this year (None when the rules have no such result)."""
        return next((r for r in self.resultaten if r.naam == naam), None)

    def as_dict(self) -> dict[str, Any]:
        return {
            "jaar": self.jaar,
            "peildatum": self.peildatum.isoformat(),
            "resultaten": [r.as_dict() for r in self.resultaten],
            "waarschuwingen": list(self.waarschuwingen),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Jaar:
        peildatum = _date(data["peildatum"])
        assert peildatum is not None
        return cls(
            int(data["jaar"]),
            peildatum,
            tuple(Resultaat.from_dict(r) for r in data.get("resultaten") or ()),
            tuple(str(w) for w in data.get("waarschuwingen") or ()),
        )


def warnings_for(resultaten: tuple[Resultaat, ...]) -> tuple[str, ...]:
    """Warnings for amounts no parameter covers in a year (shown beside the results, not as an error)."""
    return tuple(
        f"{r.label}: geen bedrag bekend voor deze periode"
        for r in resultaten
        if r.waarde is None and r.naam in AMOUNTS_TO_WARN
    )


@dataclass(frozen=True)
class Berekening:
    """Everything the rules say about one situation: the period, profile and leveringsvorm they read, the reform
    applied (if any) and the results per calendar year. ``resultaten`` are the first year's, by name."""

    van: dt.date
    tot: dt.date
    zorgprofiel: str
    zorgprofiel_naam: str
    leveringsvorm: str
    hervorming: str | None
    jaren: tuple[Jaar, ...]
    _eerste: dict[str, Resultaat] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_eerste", by_name(self.jaren[0].resultaten) if self.jaren else {})

    @property
    def resultaten(self) -> Mapping[str, Resultaat]:
        """The first year's results by name."""
        return self._eerste

    def resultaat(self, naam: str) -> Resultaat | None:
        """The first year's result of that name (None when the rules have no such result)."""
        return self._eerste.get(naam)

    @property
    def voorbeeld(self) -> bool:
        """Whether any result of any year used (or was computed from) a voorbeeld value."""
        return any(r.voorbeeld for j in self.jaren for r in j.resultaten)

    def as_dict(self) -> dict[str, Any]:
        periode = {"van": self.van.isoformat(), "tot": self.tot.isoformat()}
        jaren = [j.as_dict() for j in self.jaren]
        return {
            "situatie": {
                "periode": dict(periode),
                "zorgprofiel": self.zorgprofiel,
                "zorgprofiel_naam": self.zorgprofiel_naam,
                "leveringsvorm": self.leveringsvorm,
            },
            "periode": periode,
            "hervorming": self.hervorming,
            "jaren": jaren,
            "resultaten": {r["naam"]: r for r in jaren[0]["resultaten"]} if jaren else {},
            "voorbeeld": self.voorbeeld,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Berekening:
        situatie = data["situatie"]
        van, tot = _date(data["periode"]["van"]), _date(data["periode"]["tot"])
        assert van is not None and tot is not None
        return cls(
            van,
            tot,
            str(situatie["zorgprofiel"]),
            str(situatie["zorgprofiel_naam"]),
            str(situatie["leveringsvorm"]),
            data.get("hervorming"),
            tuple(Jaar.from_dict(j) for j in data["jaren"]),
        )
