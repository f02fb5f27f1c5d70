"""Finding, loading and applying the iWlz 2.2 XSDs; the errors a refused message raises.

The XSDs are not copied into the package: they live read-only in ``$WLZ_SHARED/iwlz/xsd`` (or
``<repo>/../shared/iwlz/xsd``), exactly as iStandaarden published them. The message schemas import
``basisschema.xsd`` in lower case, which the shared folder provides beside ``Basisschema.xsd``.

Validation uses lxml (libxml2): loading all five schemas takes milliseconds, validating a message less.
A schema object's error log is shared state, so each validation holds that schema's lock — the service
may validate from several threads.

Error texts are the schema's own (libxml2) messages with namespaces shortened, plus a readable element
path such as ``/Bericht/Clienten/Client[2]/Bsn``. They never contain a BSN: the values of all ``Bsn``
elements of the message and anything that looks like a BSN (8 to 10 digits, also with dots or spaces
between them) are replaced by ``[verwijderd]`` before the error is built.
"""

from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lxml import etree  # type: ignore[import-untyped,unused-ignore]  # lxml ships no type hints

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
    shared = os.environ.get("WLZ_SHARED")
    kandidaten = [Path(shared) / "iwlz" / "xsd"] if shared else []
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
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        regel = exc.lineno if isinstance(exc.lineno, int) else None
        raise BerichtOngeldig(bericht, [Schemafout("/", "geen geldige XML: " + scrub(str(exc.msg)), regel)]) from None
    if root.getroottree().docinfo.doctype:
        # iWlz messages have no DTD; refusing one closes the door on entity tricks (XXE, entity expansion)
        raise BerichtOngeldig(bericht, [Schemafout("/", "een DOCTYPE is in een iWlz-bericht niet toegestaan")])
    return root


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
        fouten.append(Schemafout(pad, scrub(entry.message, bsns), entry.line or None))
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
