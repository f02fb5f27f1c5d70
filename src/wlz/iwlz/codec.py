"""Bytes ↔ generated bindings: the one place that serialises and parses iWlz XML.

Writing: a builder fills a binding (``wlz.iwlz.bindings.<msg>.Bericht``) and collects in a :class:`Checks` the
input problems the XSD cannot see (elfproef, date order, whole percentages). :func:`serialize` refuses those,
renders the binding with xsdata's lxml tree serializer, validates the tree against the XSD and writes it with
the declaration, prefixes (``<msg>:`` for the message namespace, ``iwlz:`` for the basisschema) and
indentation wlz has always written, so the bytes stay the same.

Reading untrusted input: :func:`parse` first parses with the hardened lxml parser of
:func:`wlz.iwlz.schema.parse_xml` (no entities, no DTD, no network, DOCTYPE refused), checks the message type,
validates against the XSD and checks every BSN's elfproef; only a valid tree is handed to xsdata's parser,
which walks that tree and never sees the raw bytes.
"""

from __future__ import annotations

import datetime as dt
import os
from enum import Enum
from typing import Any, TypeVar, cast

from lxml import etree  # type: ignore[import-untyped,unused-ignore]  # lxml ships no type hints
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

T = TypeVar("T")
E = TypeVar("E", bound=Enum)

Source = bytes | str | os.PathLike[str]


class Checks:
    """The input problems of one message the XSD cannot see; :func:`serialize` raises them all at once."""

    def __init__(self) -> None:
        self.problems: list[Schemafout] = []

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


def to_janee_opt(waarde: bool | None) -> xsd.LdtJaNee | None:
    return None if waarde is None else to_janee(waarde)


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


# ------------------------------------------------------------------------------------------- bytes


def serialize(soort: Berichtsoort, bericht: Any, checks: Checks) -> bytes:
    """Validate (input checks, then the XSD) and return UTF-8 XML; :class:`BerichtOngeldig` if not valid."""
    if checks.problems:
        raise BerichtOngeldig(soort.naam, checks.problems)
    tree = TreeSerializer().render(bericht, ns_map={soort.naam.lower(): soort.namespace, "iwlz": BASIS_NS})
    root = tree.getroot()
    fouten = schema_errors(root, soort.naam)
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
    return XmlParser(handler=LxmlEventHandler).parse(root, binding)
