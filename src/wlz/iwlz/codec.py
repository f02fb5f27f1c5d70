"""Bytes ↔ generated bindings: the one place that serialises and parses iWlz XML.

Writing: a builder fills a binding (``wlz.iwlz.bindings.<msg>.Bericht``) and collects in a :class:`Checks` the
input problems the XSD cannot see (elfproef, date order, whole percentages). :func:`serialize` refuses those,
renders the binding with xsdata's lxml tree serializer, validates the tree against the XSD and the official
business rules (:mod:`wlz.iwlz.validation`: no ``Fout`` of the XSLT set) and writes it with
the declaration, prefixes (``<msg>:`` for the message namespace, ``iwlz:`` for the basisschema) and
indentation wlz has always written, so the bytes stay the same.

Reading untrusted input: :func:`parse` first parses with the hardened lxml parser of
:func:`wlz.iwlz.schema.parse_xml` (no entities, no DTD, no network, DOCTYPE refused), checks the message type,
validates against the XSD and checks every BSN's elfproef; only a valid tree is handed to xsdata's parser,
which walks that tree and never sees the raw bytes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import typing
from enum import Enum
from typing import Any, TypeVar, cast

from lxml import etree  # type: ignore[import-untyped,unused-ignore]  # lxml ships no type hints
from xsdata.formats.dataclass.context import XmlContext
from xsdata.formats.dataclass.parsers import XmlParser
from xsdata.formats.dataclass.parsers.handlers import LxmlEventHandler
from xsdata.formats.dataclass.serializers import TreeSerializer

from wlz.bsn import elfproef
from wlz.iwlz.bindings import basisschema as xsd
from wlz.iwlz.schema import (
    BASIS_NS,
    BerichtOngeldig,
    Berichtsoort,
    Schemafout,
    berichtsoort_of,
    parse_xml,
    readable_path,
    schema_errors,
)
from wlz.iwlz.validation import check_tree, has_rules

T = TypeVar("T")

#: xsdata's metadata of the binding classes, built once and shared: a new context per call would rebuild it
#: for every message (about 30 times slower)
_CONTEXT = XmlContext()
E = TypeVar("E", bound=Enum)

Source = bytes | str | os.PathLike[str]


class Checks:
    """The input problems of one message the XSD cannot see; :func:`serialize` raises them all at once."""

    def __init__(self, *, rules: bool = True) -> None:
        self.problems: list[Schemafout] = []
        #: whether to check the iWlz business rules too (``rule``); False only for a test message that breaks them
        self.rules = rules

    def rule(self, veld: str, melding: str) -> None:
        """A broken iWlz business rule (``melding`` starts with its code, ``CD017: ...``)."""
        if self.rules:
            self.problem(veld, melding)

    def problem(self, veld: str, melding: str) -> None:
        self.problems.append(Schemafout(veld, melding))

    def bsn(self, bsn: str, veldpad: str) -> str:
        if not elfproef(str(bsn)):
            self.problem(veldpad, "BSN voldoet niet aan de elfproef (9 cijfers)")
        return bsn

    def period(self, veldpad: str, begin: dt.date | None, eind: dt.date | None) -> None:
        if begin is not None and eind is not None and eind < begin:
            self.problem(veldpad, "einddatum ligt voor de ingangsdatum")

    def percentage(self, procent: float | None, veldpad: str) -> int | None:
        """A whole percentage as ``LDT_Percentage`` (hundredths of a percent: 50 % → 5000)."""
        if procent is None:
            return None
        if isinstance(procent, bool) or int(procent) != procent or not 1 <= procent <= 999:
            self.problem(veldpad, "percentage moet een heel getal van 1 tot en met 999 zijn")
        return int(procent) * 100


# ------------------------------------------------------------------------------------------- values


def to_code(soort: type[E], waarde: object) -> E:
    """The binding's enum member for a code; an unknown code is passed on as text so the XSD names it."""
    try:
        return soort(str(waarde))
    except ValueError:
        return cast(E, str(waarde))


def to_code_opt(soort: type[E], waarde: object | None) -> E | None:
    return None if waarde is None else to_code(soort, waarde)


def to_date(waarde: dt.date) -> str:
    """``LDT_Datum``: an ISO date (a datetime is refused: the message has dates only)."""
    if isinstance(waarde, dt.datetime):
        raise TypeError("gebruik een datum (date), geen datetime")
    return waarde.isoformat()


def to_date_opt(waarde: dt.date | None) -> str | None:
    return None if waarde is None else to_date(waarde)


def to_time(waarde: dt.time) -> str:
    return waarde.replace(tzinfo=None, microsecond=0).isoformat()


def to_janee(waarde: bool) -> xsd.LdtJaNee:
    return xsd.LdtJaNee.VALUE_1 if waarde else xsd.LdtJaNee.VALUE_2


def from_date(waarde: str) -> dt.date:
    return dt.date.fromisoformat(waarde[:10])


def from_date_opt(waarde: str | None) -> dt.date | None:
    return None if waarde is None else from_date(waarde)


def from_janee(waarde: xsd.LdtJaNee | None) -> bool | None:
    return None if waarde is None else waarde == xsd.LdtJaNee.VALUE_1


def code_value(lid: Enum | None) -> str | None:
    """The code of a binding's enum member (``None`` stays ``None``)."""
    return None if lid is None else str(lid.value)


def whole_percent(waarde_: int | None) -> int | None:
    """``LDT_Percentage`` (hundredths) back to whole percent; the XSD pattern guarantees a multiple of 100."""
    return None if waarde_ is None else waarde_ // 100


# ------------------------------------------------------------------------------------------- records

#: case-data field name → binding field name, where the case data says it shorter
_BINDING_NAMES = {"functiecode": "functie_code"}


_TYPES: dict[Any, dict[str, Any]] = {}


def _types(cls: Any) -> dict[str, Any]:
    """Field name → type of a dataclass, ``X | None`` reduced to ``X`` (worked out once per class)."""
    if cls not in _TYPES:
        uit = {}
        for naam, hint in typing.get_type_hints(cls).items():
            args = [a for a in typing.get_args(hint) if a is not type(None)]
            uit[naam] = args[0] if len(args) == 1 else hint
        _TYPES[cls] = uit
    return _TYPES[cls]


def _to_xml_value(waarde: object, doel: Any) -> object:
    if waarde is None:
        return None
    if doel is xsd.LdtJaNee and isinstance(waarde, bool):
        return to_janee(waarde)
    if isinstance(doel, type) and issubclass(doel, Enum):
        return to_code(doel, waarde)
    if isinstance(waarde, dt.date):
        return to_date(waarde)
    if isinstance(waarde, dt.time):
        return to_time(waarde)
    return waarde


def _from_xml_value(waarde: object, doel: Any) -> object:
    if waarde is None:
        return None
    if doel is bool:
        return waarde == xsd.LdtJaNee.VALUE_1
    if doel is dt.date:
        return from_date(str(waarde))
    if doel is dt.time:
        return dt.time.fromisoformat(str(waarde))
    if isinstance(waarde, Enum):
        waarde = waarde.value
    if isinstance(doel, type) and issubclass(doel, Enum):
        return doel(waarde)
    return waarde


def to_binding(record: object, binding: type[T], **given: Any) -> T:
    """The binding record for a case-data record whose fields carry the same names (``zzp_code``, ``begindatum``).

    Each value is converted by the type the binding declares: a code to the binding's enum, a date or time to
    its ISO text, ``bool`` to ``LdtJaNee``. Binding fields the case data lacks keep their default; ``given``
    gives the ones that need more than that (nested groups, percentages).
    """
    types = _types(binding)
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(binding):  # type: ignore[arg-type]
        if f.name in given:
            kwargs[f.name] = given[f.name]
            continue
        naam = next((m for m, b in _BINDING_NAMES.items() if b == f.name), f.name)
        if hasattr(record, naam):
            kwargs[f.name] = _to_xml_value(getattr(record, naam), types[f.name])
    return binding(**kwargs)


def from_binding(record: object, model: type[T], **given: Any) -> T:
    """The case-data record for a parsed binding record: the inverse of :func:`to_binding`.

    Case-data fields the binding lacks (a field only another message has) keep their default.
    """
    types = _types(model)
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(model):  # type: ignore[arg-type]
        if f.name in given:
            kwargs[f.name] = given[f.name]
            continue
        naam = _BINDING_NAMES.get(f.name, f.name)
        if hasattr(record, naam):
            kwargs[f.name] = _from_xml_value(getattr(record, naam), types[f.name])
    return model(**kwargs)


# ------------------------------------------------------------------------------------------- bytes


def serialize(soort: Berichtsoort, bericht: Any, checks: Checks, *, check_rules: bool = True) -> bytes:
    """Validate (input checks, the XSD, the XSLT rules) and return UTF-8 XML; :class:`BerichtOngeldig` if not.

    ``check_rules=False`` skips the XSLT rules only: for tests and demos of a receiver that must refuse a message
    breaking them. Everything wlz sends is written with the rules checked.
    """
    if checks.problems:
        raise BerichtOngeldig(soort.naam, checks.problems)
    tree = TreeSerializer(context=_CONTEXT).render(
        bericht, ns_map={soort.naam.lower(): soort.namespace, "iwlz": BASIS_NS}
    )
    root = tree.getroot()
    fouten = schema_errors(root, soort.naam)
    if not fouten and check_rules and has_rules(soort.naam):
        # the official business rules (wlz.iwlz.validation): a chain partner would refuse a message with a Fout
        fouten = [Schemafout(f.path, f"{f.code}: {f.text}") for f in check_tree(root, soort).findings]
    if fouten:
        raise BerichtOngeldig(soort.naam, fouten)
    return cast(bytes, etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def parse(data: Source, soort: Berichtsoort, binding: type[T]) -> T:
    """Parse untrusted XML into ``binding`` after type check, XSD validation and the BSN elfproef.

    Raises :class:`BerichtOngeldig` (never containing a BSN) for anything that is not a valid ``soort``.
    """
    naam = soort.naam
    root = parse_xml(data, naam)
    gevonden = berichtsoort_of(root)
    if gevonden.naam != naam:
        raise BerichtOngeldig(naam, [Schemafout("/Bericht", f"dit is een {gevonden.naam}-bericht, geen {naam}")])
    fouten = schema_errors(root, naam)
    if not fouten:
        fouten = [
            Schemafout(readable_path(el), "BSN voldoet niet aan de elfproef", el.sourceline)
            for el in root.iter(f"{{{soort.namespace}}}Bsn")
            if not elfproef((el.text or "").strip())
        ]
    if fouten:
        raise BerichtOngeldig(naam, fouten)
    return XmlParser(context=_CONTEXT, handler=LxmlEventHandler).parse(root, binding)
