"""Finding, loading and applying the iWlz 2.2 XSDs; the errors a refused message raises.

The XSDs are not copied into the package: they live read-only in ``$WLZ_SHARED/iwlz/xsd`` (or
``<repo>/../shared/iwlz/xsd``), exactly as iStandaarden published them. The message schemas import
``basisschema.xsd`` in lower case, which the shared folder provides beside ``Basisschema.xsd``.

Validation uses lxml (libxml2): loading all five schemas takes milliseconds, validating a message less.
A schema object's error log is shared state, so each validation holds that schema's lock — the service
may validate from several threads.

Error texts are Dutch, naming the element (:func:`dutch`: libxml2's English messages — "Element 'X': This
element is not expected. Expected is ( Y )." — read as "element X is hier niet toegestaan; verwacht: Y"),
plus a readable element path such as ``/Bericht/Clienten/Client[2]/Bsn``. They never contain a BSN: the values
of all ``Bsn`` elements of the message and anything that looks like a BSN (8 to 10 digits, also with dots or
spaces between them) are replaced by ``[verwijderd]`` before the error is built. A DOCTYPE (and so any entity
trick, an entity bomb too) is refused before parsing, as "DOCTYPE niet toegestaan".
"""

from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lxml import etree  # type: ignore[import-untyped,unused-ignore]  # lxml ships no type hints

from wlz.common.settings import SharedSettings

BASIS_NS = "http://www.istandaarden.nl/iwlz/2_2/basisschema/schema"


@dataclass(frozen=True)
class Berichtsoort:
    """The fixed header values of one message type, as its 2.2 XSD pins them (``xs:pattern``)."""

    naam: str
    berichtcode: str
    berichtversie: int
    berichtsubversie: int
    bericht_xsd_versie: str
    basisschema_xsd_versie: str

    @property
    def namespace(self) -> str:
        return f"http://www.istandaarden.nl/iwlz/2_2/{self.naam.lower()}/schema"

    @property
    def xsd_bestand(self) -> str:
        return f"{self.naam}.xsd"


#: Header constants per message. Source: the ``BerichtCode``/``BerichtVersie``/``BerichtSubversie``
#: patterns and the ``appinfo`` versions in each XSD of iWlz release 2.2 (tag iWlz2.2-v1.0);
#: ``tests/iwlz/test_schema.py`` re-reads them from the XSDs.
BERICHTSOORTEN: dict[str, Berichtsoort] = {
    b.naam: b
    for b in (
        Berichtsoort("IO31", "388", 5, 2, "1.0.0", "1.0.0"),
        Berichtsoort("AW33", "352", 5, 2, "1.0.0", "1.0.0"),
        Berichtsoort("AW35", "354", 5, 2, "1.0.0", "1.0.0"),
        Berichtsoort("AW39", "358", 5, 2, "1.0.0", "1.0.0"),
        Berichtsoort("CA317", "406", 5, 2, "1.0.0", "1.0.0"),
        Berichtsoort("CA319", "410", 5, 2, "1.0.0", "1.0.0"),
        # the retours (retourberichten) of the six: the receiver's answer, per berichtklasse its RetourCodes
        Berichtsoort("IO32", "389", 5, 2, "1.0.0", "1.0.0"),
        Berichtsoort("AW34", "353", 5, 2, "1.0.0", "1.0.0"),
        Berichtsoort("AW36", "355", 5, 2, "1.0.0", "1.0.0"),
        Berichtsoort("AW310", "359", 5, 2, "1.0.0", "1.0.0"),
        Berichtsoort("CA318", "407", 5, 2, "1.0.0", "1.0.0"),
        Berichtsoort("CA320", "411", 5, 2, "1.0.0", "1.0.0"),
    )
}
_BY_NAMESPACE = {b.namespace: b for b in BERICHTSOORTEN.values()}

_REPO = Path(__file__).resolve().parents[3]


def xsd_folder() -> Path:
    """The folder with the iWlz 2.2 XSDs: ``$WLZ_SHARED/iwlz/xsd``, else ``<repo>/../shared/iwlz/xsd``."""
    shared = SharedSettings().shared
    kandidaten = [shared / "iwlz" / "xsd"] if shared else []
    kandidaten.append(_REPO.parent / "shared" / "iwlz" / "xsd")
    for pad in kandidaten:
        if (pad / "basisschema.xsd").is_file():
            return pad
    raise FileNotFoundError(
        "iWlz XSD-map niet gevonden (gezocht in: "
        + ", ".join(str(p) for p in kandidaten)
        + "); zet WLZ_SHARED op de map die iwlz/xsd bevat"
    )


@dataclass(frozen=True)
class Schemafout:
    """One problem found in a message: where (element path, line) and what (the schema's text)."""

    pad: str
    melding: str
    regel: int | None = None

    def __str__(self) -> str:
        waar = f"{self.pad} (regel {self.regel})" if self.regel else self.pad
        return f"{waar}: {self.melding}"


class BerichtOngeldig(ValueError):
    """A message that is not a valid iWlz 2.2 message of the expected type; refused as a whole.

    ``fouten`` lists every problem with its element path. The text never contains a BSN.
    """

    def __init__(self, bericht: str, fouten: list[Schemafout] | tuple[Schemafout, ...]):
        self.bericht = bericht
        self.fouten = tuple(fouten)
        eerste = "; ".join(str(f) for f in self.fouten[:5])
        meer = f" (en nog {len(self.fouten) - 5} fouten)" if len(self.fouten) > 5 else ""
        super().__init__(f"{bericht}-bericht ongeldig: {eerste}{meer}")


# ------------------------------------------------------------------------------------------- scrubbing

_BSN_ACHTIG = re.compile(r"(?<!\d)\d(?:[ .]?\d){7,9}(?!\d)")
_NAMESPACE = re.compile(r"\{(?:https?|urn):[^}]*\}")
VERWIJDERD = "[verwijderd]"


def _bsn_values(root: etree._Element | None) -> list[str]:
    if root is None:
        return []
    waarden = {(el.text or "").strip() for el in root.iter("{*}Bsn")}
    return sorted((w for w in waarden if w), key=len, reverse=True)


def scrub(tekst: str, bsn_waarden: list[str] | tuple[str, ...] = ()) -> str:
    """Remove BSNs (and anything that looks like one) and XML namespaces from an error text."""
    for waarde in bsn_waarden:
        tekst = tekst.replace(waarde, VERWIJDERD)
    tekst = _BSN_ACHTIG.sub(VERWIJDERD, tekst)
    return _NAMESPACE.sub("", tekst)


def readable_path(el: etree._Element) -> str:
    """``/Bericht/Clienten/Client[2]/Bsn``: local names, with an index where siblings share a name."""
    delen = []
    while el is not None:
        naam = etree.QName(el).localname
        ouder = el.getparent()
        if ouder is not None:
            gelijk = [s for s in ouder if s.tag == el.tag]
            if len(gelijk) > 1:
                naam += f"[{gelijk.index(el) + 1}]"
        delen.append(naam)
        el = ouder
    return "/" + "/".join(reversed(delen))


# ------------------------------------------------------------------------------------------- Dutch

_EL = r"Element '(?P<el>[^']+)'(?:, attribute '(?P<attr>[^']+)')?: "
_NAMEN = re.compile(r"\{[^}]*\}")


def _namen(lijst: str) -> str:
    """libxml2's list of expected elements (``{ns}Bsn, {ns}Naam``) as names (``Bsn, Naam``)."""
    return ", ".join(n.strip() for n in _NAMEN.sub("", lijst).split(",") if n.strip())


def _waarden(verzameling: str, hoogstens: int = 12) -> str:
    waarden = re.findall(r"'([^']*)'", verzameling)
    meer = f" en nog {len(waarden) - hoogstens}" if len(waarden) > hoogstens else ""
    return ", ".join(waarden[:hoogstens]) + meer


_VERTALINGEN: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(_EL + patroon + "$", re.S), tekst)
    for patroon, tekst in (
        (
            r"This element is not expected\. Expected is (?:one of )?\( (?P<lijst>.*) \)\.",
            "element {el} is hier niet toegestaan; verwacht: {lijst}",
        ),
        (r"This element is not expected\.", "element {el} is hier niet toegestaan"),
        (
            r"Missing child element\(s\)\. Expected is (?:one of )?\( (?P<lijst>.*) \)\.",
            "in element {el} ontbreekt een verplicht element: {lijst}",
        ),
        (
            r"\[facet 'maxLength'\] The value has a length of '(?P<n>\d+)'; this exceeds the allowed maximum length "
            r"of '(?P<m>\d+)'\.",
            "element {el}: de waarde is te lang ({n} tekens, hoogstens {m})",
        ),
        (
            r"\[facet 'minLength'\] The value has a length of '(?P<n>\d+)'; this underruns the allowed minimum length "
            r"of '(?P<m>\d+)'\.",
            "element {el}: de waarde is te kort ({n} tekens, minstens {m})",
        ),
        (
            r"\[facet 'enumeration'\] The value '(?P<v>.*)' is not an element of the set \{(?P<set>.*)\}\.",
            "element {el}: '{v}' is geen toegestane code (toegestaan: {set})",
        ),
        (
            r"\[facet 'pattern'\] The value '(?P<v>.*)' is not accepted by the pattern '(?P<p>.*)'\.",
            "element {el}: '{v}' heeft niet de vorm die het schema vraagt (patroon {p})",
        ),
        (
            r"\[facet '(?P<f>\w+)'\] The value '(?P<v>.*?)' .*",
            "element {el}: '{v}' valt buiten wat het schema toestaat ({f})",
        ),
        (
            r"'(?P<v>.*)' is not a valid value of the atomic type '(?:\{[^}]*\})?LDT_Datum'\.",
            "element {el}: '{v}' is geen geldige datum (JJJJ-MM-DD)",
        ),
        (
            r"'(?P<v>.*)' is not a valid value of the (?:local )?(?:atomic|union|list) type(?: '(?P<t>[^']*)')?\.",
            "element {el}: '{v}' is geen geldige waarde voor dit element",
        ),
        (
            r"Character content other than whitespace is not allowed because the content type is 'element-only'\.",
            "element {el} mag geen tekst bevatten, alleen elementen",
        ),
        (r"The attribute '(?P<a>[^']+)' is not allowed\.", "element {el}: attribuut {a} is niet toegestaan"),
        (r"No matching global declaration available for the validation root\.", "{el} is geen iWlz-bericht"),
    )
)


def dutch(melding: str) -> str:
    """A libxml2 schema message in Dutch, naming the element; an unknown one is kept, marked as the schema's."""
    tekst = " ".join(melding.split())
    for patroon, vertaling in _VERTALINGEN:
        m = patroon.match(tekst)
        if m:
            velden = {k: (v or "") for k, v in m.groupdict().items()}
            velden["el"] = _NAMEN.sub("", velden["el"])
            if "lijst" in velden:
                velden["lijst"] = _namen(velden["lijst"])
            if "set" in velden:
                velden["set"] = _waarden(velden["set"])
            return vertaling.format(**velden)
    return f"voldoet niet aan het XSD (melding van het schema: {tekst})"


# ------------------------------------------------------------------------------------------- parsing

_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_blank_text=True
)


def parse_xml(data: bytes | str | os.PathLike[str], bericht: str = "iWlz") -> etree._Element:
    """Parse bytes, an XML string or a file path safely (no entities, no network); refuse malformed XML."""
    if isinstance(data, os.PathLike):
        data = Path(data).read_bytes()
    if isinstance(data, str):
        data = data.encode("utf-8")
    if _has_doctype(data):
        # iWlz messages have no DTD; refused before parsing, so no entity (XXE, an entity bomb) is ever read
        raise BerichtOngeldig(bericht, [Schemafout("/", "DOCTYPE niet toegestaan: een iWlz-bericht heeft geen DTD")])
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        regel = exc.lineno if isinstance(exc.lineno, int) else None
        raise BerichtOngeldig(bericht, [Schemafout("/", _syntax_dutch(exc), regel)]) from None
    if root.getroottree().docinfo.doctype:
        # iWlz messages have no DTD; refusing one closes the door on entity tricks (XXE, entity expansion)
        raise BerichtOngeldig(bericht, [Schemafout("/", "een DOCTYPE is in een iWlz-bericht niet toegestaan")])
    return root


def _has_doctype(data: bytes) -> bool:
    """Whether the bytes declare a DOCTYPE (also in UTF-16, which a byte search for ASCII would miss)."""
    if b"<!DOCTYPE" in data:
        return True
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return "<!DOCTYPE" in data.decode("utf-16")
        except UnicodeDecodeError:
            return False
    return False


_SYNTAX = (
    ("Start tag expected", "het is geen XML: er staat geen element aan het begin"),
    ("Document is empty", "het bericht is leeg"),
    ("Premature end of data", "het bericht houdt onverwacht op (een element is niet afgesloten)"),
    ("Extra content at the end of the document", "er staat nog iets na het laatste element"),
    ("Opening and ending tag mismatch", "een begin- en eindtag passen niet bij elkaar"),
    ("Entity", "DOCTYPE niet toegestaan: een iWlz-bericht heeft geen entiteiten"),
    ("entity", "DOCTYPE niet toegestaan: een iWlz-bericht heeft geen entiteiten"),
    ("amplification", "DOCTYPE niet toegestaan: een iWlz-bericht heeft geen entiteiten"),
    ("Namespace prefix", "een namespace-prefix is niet gedeclareerd"),
    ("not proper UTF-8", "de tekens zijn geen geldige UTF-8"),
    ("Input is not proper UTF-8", "de tekens zijn geen geldige UTF-8"),
)


def _syntax_dutch(exc: etree.XMLSyntaxError) -> str:
    """A parse error in Dutch: what is wrong and where (libxml2's English detail left out: it may quote text)."""
    engels = str(exc.msg or "")
    wat = next((nl for en, nl in _SYNTAX if en in engels), "de XML is niet goed gevormd")
    plek = f" (regel {exc.lineno}, kolom {exc.offset})" if isinstance(exc.lineno, int) and exc.lineno else ""
    return f"geen geldige XML: {wat}{plek}"


def berichtsoort_of(root: etree._Element) -> Berichtsoort:
    """Which message this is, from the namespace of its root element; BerichtOngeldig if none of ours."""
    qn = etree.QName(root)
    soort = _BY_NAMESPACE.get(qn.namespace or "")
    if soort is None or qn.localname != "Bericht":
        ondersteund = ", ".join(BERICHTSOORTEN)
        raise BerichtOngeldig(
            "iWlz",
            [Schemafout(readable_path(root), f"onbekend bericht (verwacht een iWlz 2.2-bericht: {ondersteund})")],
        )
    return soort


# ------------------------------------------------------------------------------------------ validation


class _Schema:
    def __init__(self, soort: Berichtsoort):
        self.soort = soort
        self.lock = threading.Lock()
        self.xsd = etree.XMLSchema(etree.parse(str(xsd_folder() / soort.xsd_bestand)))


@cache
def _schema(naam: str) -> _Schema:
    return _Schema(BERICHTSOORTEN[naam])


def schema_errors(root: etree._Element, naam: str) -> list[Schemafout]:
    """All schema errors of a parsed message against the XSD of message type ``naam`` (BSNs scrubbed)."""
    schema = _schema(naam)
    with schema.lock:
        ok = schema.xsd.validate(root)
        log = [] if ok else list(schema.xsd.error_log)
    if ok:
        return []
    bsns = _bsn_values(root)
    prefixen = {p: ns for el in root.iter() for p, ns in el.nsmap.items() if p}  # libxml2 paths use them
    fouten = []
    for entry in log:
        pad = entry.path or "/"
        try:
            gevonden = root.getroottree().xpath(entry.path, namespaces=prefixen) if entry.path else []
        except etree.XPathError:
            gevonden = []
        if gevonden and isinstance(gevonden[0], etree._Element):
            pad = readable_path(gevonden[0])
        fouten.append(Schemafout(pad, scrub(dutch(entry.message), bsns), entry.line or None))
    return fouten


def validate(data: bytes | str | os.PathLike[str] | etree._Element, bericht: str | None = None) -> Berichtsoort:
    """Validate a message against its XSD; return its :class:`Berichtsoort` or raise :class:`BerichtOngeldig`.

    ``bericht`` (e.g. ``"AW35"``) makes the check also refuse a valid message of another type.
    """
    root = data if isinstance(data, etree._Element) else parse_xml(data, bericht or "iWlz")
    soort = berichtsoort_of(root)
    if bericht is not None and soort.naam != bericht:
        raise BerichtOngeldig(bericht, [Schemafout("/Bericht", f"dit is een {soort.naam}-bericht, geen {bericht}")])
    fouten = schema_errors(root, soort.naam)
    if fouten:
        raise BerichtOngeldig(soort.naam, fouten)
    return soort
