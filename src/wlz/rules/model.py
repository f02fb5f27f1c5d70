"""Base class for Wlz variables: an OpenFisca Variable that can explain itself in plain Dutch.

Every variable in ``wlz.rules.variables`` derives from :class:`WlzVariable`. Besides OpenFisca's
``label`` and ``reference`` it carries:

- ``bronnen``: the legal basis as (title, url) pairs, e.g. ``("Rlz art. 5.13", "https://...")``;
- ``onbekend_als``: names of amount variables; when one of them is unknown (NaN: no parameter covers the
  period) this result is unknown too. A yes/no rule cannot hold NaN in OpenFisca, so without this a test
  against an unknown limit would read as "nee" — a refusal — instead of "kan niet worden beoordeeld";
- ``van_toepassing``: optional function of the :class:`Context`; where it says the rule does not apply to
  this client (the doelmatigheidstoets for a pgb or verblijf), ``onbekend_als`` is not applied, because a
  test that does not apply is not unknown;
- ``open_als``: optional function of the :class:`Context` giving the yes/no questions the applicant left
  unanswered (input ``niet_opgegeven``) that decide this yes/no result; when it names any and the result is
  "nee", the result is unknown ("kan niet worden beoordeeld"): an unanswered question is never a refusal;
- ``uitleg``: a function that turns the computed values into a sentence an assessor can put in a
  decision letter. It receives a :class:`Context` with this variable's value for the client and the
  values of the variables and parameters its formula used (read from OpenFisca's trace).

Keeping the explanation beside the formula means a rule and the words that justify it change together.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from openfisca_core.variables import Variable

from wlz.common.formatting import ONBEKEND, format_date_long, format_euro, format_percent
from wlz.rules.results import Parameterwaarde


@dataclass
class Context:
    """What an explanation may use.

    ``waarde`` is this variable's value for the client; ``ctx["naam"]`` the client's value of another
    variable in the same period (or the enclosing year, or eternity); ``ctx.param("pgb.toeslag.thuis")``
    a parameter value in force at ``peildatum`` — and every parameter read that way is recorded in
    ``gebruikt`` with its date and source, so the explanation lists exactly the amounts it relied on.
    """

    waarde: Any
    periode: str
    peildatum: str
    variabelen: Mapping[str, Any] = field(default_factory=dict)
    parameters: Any = None
    gebruikt: list[Parameterwaarde] = field(default_factory=list)

    def __getitem__(self, name: str) -> Any:
        return self.variabelen[name]

    def get(self, name: str, default: Any = None) -> Any:
        return self.variabelen.get(name, default)

    def param(self, pad: str) -> Any:
        """The value of a parameter at the peildatum (None when none is in force); recorded as used."""
        from wlz.rules.tabellen import bron

        gevonden = bron(self.parameters, pad, self.peildatum)
        if gevonden.waarde is not None and gevonden not in self.gebruikt:
            self.gebruikt.append(gevonden)
        return gevonden.waarde


class WlzVariable(Variable):
    """An OpenFisca variable with its legal sources and a plain-Dutch explanation.

    Subclasses declare ``bronnen`` and ``uitleg`` as class attributes; OpenFisca rejects attributes it does
    not know, so ``__init_subclass__`` moves them to dunder names (which OpenFisca skips) and fills
    OpenFisca's own ``reference`` from the sources.
    """

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for naam in ("bronnen", "uitleg", "onbekend_als", "van_toepassing", "open_als"):
            if naam in cls.__dict__:
                setattr(cls, f"__wlz_{naam}__", cls.__dict__[naam])
                delattr(cls, naam)
        bronnen = cls.__dict__.get("__wlz_bronnen__", ())
        if bronnen and "reference" not in cls.__dict__:
            cls.reference = [url for _, url in bronnen]

    @classmethod
    def wlz_bronnen(cls) -> tuple[tuple[str, str], ...]:
        """The legal sources of this rule as (title, url) pairs."""
        return tuple(getattr(cls, "__wlz_bronnen__", ()))

    @classmethod
    def wlz_onbekend_als(cls) -> tuple[str, ...]:
        """The amounts whose unknown value makes this result unknown (see the module docstring)."""
        return tuple(getattr(cls, "__wlz_onbekend_als__", ()))

    @classmethod
    def wlz_van_toepassing(cls) -> Callable[[Context], bool] | None:
        """Whether the rule applies to the client at all (``None``: always); see the module docstring."""
        return getattr(cls, "__wlz_van_toepassing__", None)

    @classmethod
    def wlz_open_als(cls) -> Callable[[Context], list[str]] | None:
        """The unanswered questions that decide this result (``None``: it has none); see the module docstring."""
        return getattr(cls, "__wlz_open_als__", None)

    @classmethod
    def wlz_uitleg(cls) -> Callable[[Context], str] | None:
        """The function that explains this variable's value in plain Dutch, if the rule has one."""
        return getattr(cls, "__wlz_uitleg__", None)


def euro(bedrag: float | None) -> str:
    """An amount the Dutch way, as explanations write it: € 1.234,56, whole euros without cents (€ 62.400).

    Rounded to cents by Python first (half-way cases as ``round`` does), so the text matches the rounded
    value a result carries.
    """
    if bedrag is None:
        return ONBEKEND
    waarde = float(bedrag)
    if waarde != waarde:  # NaN
        return ONBEKEND
    afgerond = round(waarde, 2)
    if afgerond == 0:
        afgerond = -0.0 if waarde < 0 else 0.0  # a tiny negative amount keeps its sign, an exact -0.0 does not
    return format_euro(afgerond, cents="auto")


def procent(fractie: float | None) -> str:
    """A fraction as a Dutch percentage, as explanations write it: 10%, 12,5% (never "10.0%" or "0.1")."""
    if is_onbekend(fractie):
        return "een onbekend percentage"
    assert fractie is not None
    honderd = round(float(fractie) * 100, 4)
    return format_percent(float(fractie), decimals=0 if honderd == int(honderd) else 1).replace("\xa0", " ")


def datum(d: dt.date | str) -> str:
    """A date the Dutch way: 1 juli 2018."""
    return format_date_long(d)


def is_onbekend(value: Any) -> bool:
    """Whether a computed value is unknown (None or NaN: no parameter covers the period)."""
    if value is None:
        return True
    try:
        return bool(value != value)
    except (TypeError, ValueError):
        return False


def ja_nee(value: Any) -> str:
    return "ja" if bool(value) else "nee"


#: The input naming the yes/no questions the applicant left unanswered (``wlz.rules.variables.invoer``).
NIET_OPGEGEVEN = "niet_opgegeven"


def niet_opgegeven(ctx: Context | Mapping[str, Any]) -> frozenset[str]:
    """The yes/no questions the applicant left unanswered. A yes/no input cannot hold "unknown" in OpenFisca
    (it gets its default, false), so the situation lists them apart (``client.<vraag>: null`` in a situation)."""
    return frozenset(n.strip() for n in str(ctx.get(NIET_OPGEGEVEN) or "").split(",") if n.strip())


def antwoord(ctx: Context | Mapping[str, Any], naam: str) -> bool | None:
    """A yes/no question's answer; ``None`` when the applicant left it unanswered."""
    return None if naam in niet_opgegeven(ctx) else bool(ctx.get(naam))


def ja_nee_open(ctx: Context | Mapping[str, Any], naam: str) -> str:
    """A yes/no answer as an explanation writes it: "ja", "nee", or "niet opgegeven" (never "nee" for no answer)."""
    a = antwoord(ctx, naam)
    return "niet opgegeven" if a is None else ja_nee(a)


def open_zin(vragen: list[str]) -> str:
    """The sentence for an outcome an unanswered question decides: it cannot be judged without the answer."""
    return (
        "Dit kan niet worden beoordeeld zonder antwoord op: " + "; ".join(vragen) + " (niet opgegeven). "
        "Geef het antwoord op in een nieuwe aanvraag; een vraag die niet is beantwoord, telt niet als 'nee'."
    )
