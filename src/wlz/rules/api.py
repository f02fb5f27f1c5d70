"""The public API of the rules: a situation in, a typed :class:`Berekening` out.

One function, :func:`bereken`, is what the CLI (``wlz bereken``), the zorgkantoor (through its
``adapters.rules_engine``), the letters, the Wlz-wijzer and scenarios call, so a decision letter, a web page and a
terminal show the same numbers with the same words and sources. Everything it returns is a frozen dataclass of
:mod:`wlz.rules.results`; ``Berekening.as_dict()`` is the JSON form ``wlz bereken --json`` prints.

A situation is given as :class:`Situatie` or in its dict form (parsed YAML/JSON, see :mod:`wlz.rules.situatie`
for the format). Bad input raises :class:`wlz.common.errors.InputError` naming the field.

Checked with ``mypy --strict --follow-imports=silent src/wlz/rules/api.py src/wlz/rules/results.py`` (the
engine behind it talks to OpenFisca, which has no type information).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from wlz.common.errors import InputError
from wlz.rules.explain import explain
from wlz.rules.results import (
    AMOUNTS_TO_WARN,
    Berekening,
    Bron,
    Eenheid,
    Jaar,
    Parameterwaarde,
    Resultaat,
    Waarde,
)
from wlz.rules.situatie import REGEL_FORMAAT, TOP_LEVEL, parse_periode

__all__ = [
    "AMOUNTS_TO_WARN",
    "Berekening",
    "Bron",
    "Eenheid",
    "InputError",
    "Jaar",
    "Parameterwaarde",
    "Resultaat",
    "Situatie",
    "Waarde",
    "bereken",
]


@dataclass(frozen=True)
class Situatie:
    """A client situation: the period, the client's inputs (``zorgprofiel`` and any input of the rules by name),
    optionally a partner and household inputs, a reform to apply and parameter values a user supplies
    (``{parameter: {year or date: value}}``, see :mod:`wlz.rules.overlay`).

    :meth:`from_dict` reads the YAML/JSON form and checks its shape; the inputs themselves are checked against
    the rules when computed (their types depend on the reform and parameters in use).
    """

    van: dt.date
    tot: dt.date
    client: Mapping[str, Any]
    partner: Mapping[str, Any] | None = None
    huishouden: Mapping[str, Any] = field(default_factory=dict)
    hervorming: str | None = None
    parameters: Mapping[str, Mapping[Any, Any]] | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Situatie:
        if not isinstance(data, Mapping):
            raise InputError(
                "situatie", "verwacht een object met periode, client en eventueel partner/huishouden", REGEL_FORMAAT
            )
        for sleutel in data:
            if sleutel not in TOP_LEVEL:
                raise InputError(
                    str(sleutel), f"onbekend veld; toegestaan zijn {', '.join(sorted(TOP_LEVEL))}", REGEL_FORMAAT
                )
        van, tot = parse_periode(data.get("periode"))
        client = data.get("client")
        if not isinstance(client, Mapping):
            raise InputError("client", "ontbreekt; geef ten minste het zorgprofiel", REGEL_FORMAAT)
        partner = data.get("partner")
        if partner is not None and not isinstance(partner, Mapping):
            raise InputError("partner", "verwacht een object (of laat het veld weg)", REGEL_FORMAAT)
        huishouden = data.get("huishouden") or {}
        if not isinstance(huishouden, Mapping):
            raise InputError("huishouden", "verwacht een object", REGEL_FORMAAT)
        hervorming = data.get("hervorming")
        return cls(
            van,
            tot,
            dict(client),
            None if partner is None else dict(partner),
            dict(huishouden),
            None if hervorming is None else str(hervorming),
            data.get("parameters"),
        )

    def as_dict(self) -> dict[str, Any]:
        """The dict form :func:`bereken` also accepts (and the zorgkantoor stores)."""
        uit: dict[str, Any] = {
            "periode": {"van": self.van.isoformat(), "tot": self.tot.isoformat()},
            "client": dict(self.client),
        }
        if self.partner is not None:
            uit["partner"] = dict(self.partner)
        if self.huishouden:
            uit["huishouden"] = dict(self.huishouden)
        if self.hervorming is not None:
            uit["hervorming"] = self.hervorming
        if self.parameters is not None:
            uit["parameters"] = {k: dict(v) for k, v in self.parameters.items()}
        return uit


def bereken(
    situatie: Situatie | Mapping[str, Any],
    *,
    hervorming: str | None = None,
    parameterbestand: Mapping[str, Any] | None = None,
) -> Berekening:
    """Compute and explain every result of the rules for a situation, per calendar year of its period.

    ``hervorming`` names a reform of :mod:`wlz.rules.reforms` to apply (it overrides the situation's own).
    ``parameterbestand`` is a parameter table in its file form (``bron``, ``voorbeeld``, ``waarden``), as
    :func:`wlz.rules.overlay.load_file` reads it for ``--parameters``: its values keep their source and voorbeeld
    flag; the situation's own ``parameters`` are applied after it.
    Raises :class:`InputError` on bad input, naming the field and, where one applies, the rule it breaks.
    """
    # the dict form goes in as given: a situation file that is not an object is refused there, naming the field
    data: Any = situatie.as_dict() if isinstance(situatie, Situatie) else situatie
    return explain(data, hervorming, parameterbestand)
