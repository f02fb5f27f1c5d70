"""The official iWlz 2.2 business rules (XSLT) on top of the XSD: structured findings per message.

Why: the XSD checks a message's structure; the iStandaarden publish the rest of the standard — the condities
(``CDnnn``: a field required or forbidden depending on another), constraints (``CSnnn``: allowed values, the
elfproef) and technical rules (``TRnnn``: consistency within the message) — as XSLT stylesheets, one per
heenbericht (``$WLZ_SHARED/iwlz/xslt-validatie/wlz/2_2/<MSG>.xsl``, iStandaarden/iWlz-Xslt v2.1.4, MIT). A chain
partner runs them before it accepts a message, so wlz runs the same ones: on every message it writes (a builder
refuses output with a ``Fout``) and on every message it receives (the retour carries the findings).

The stylesheets are XSLT 1.0 (``version="1.0"``, no XSLT 2 functions), so lxml (libxslt) runs them; each is
compiled once per process (about 0.1 s) and shared; a call holds that stylesheet's lock, as the service may
validate from several threads. The XSLT runs only on an XSD-valid tree: its rules assume the structure.

A :class:`Finding` names the rule (``CD040``, ``CS074``, ``TR021``; ``XSD`` for a schema error), the element
path(s) the stylesheet reports (``/Bericht/Clienten/Client/Indicatie/...``), the rule text in Dutch (the
stylesheets' own ``getDetails`` texts, read from ``common/basis.xsl``) and the severity (the set reports only
``Fout``: a message with one is refused). :func:`retourcode` maps a rule to its ``LDT_RetourCode``.
"""

from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lxml import etree  # type: ignore[import-untyped,unused-ignore]  # lxml ships no type hints

from wlz.iwlz.schema import (
    BERICHTSOORTEN,
    BerichtOngeldig,
    Berichtsoort,
    berichtsoort_of,
    parse_xml,
    schema_errors,
    xsd_folder,
)

_RAPPORT = "{http://www.istandaarden.nl/validatie/1_1/rapport/schema}"

#: the version of the XSLT set (``vr:XSLTVersie`` in every stylesheet); a retour names it in ``XsltVersie``
XSLT_VERSIE = "2.1.4"

#: severity of a finding: the XSLT set and the XSD only know errors (``Fout``); a message with one is refused
FOUT = "fout"


@dataclass(frozen=True)
class Finding:
    """One broken rule: which (``code``), where (``paths``, element paths as the stylesheet wrote them), what
    (``text``, the rule in Dutch) and how bad (``severity``). Never contains a BSN: paths are element names,
    texts are the rule's or the scrubbed schema's."""

    code: str
    paths: tuple[str, ...]
    text: str
    severity: str = FOUT

    @property
    def retourcode(self) -> str:
        return retourcode(self.code)

    @property
    def path(self) -> str:
        """The first element the finding names (for a one-line message)."""
        return self.paths[0] if self.paths else "/Bericht"

    def __str__(self) -> str:
        regel = "XSD" if self.code == "XSD" else f"regel {self.code}"
        return f"{regel} bij {self.path}: {self.text}"


@dataclass(frozen=True)
class Report:
    """All findings of one message (empty: it meets the XSD and every rule of the XSLT set)."""

    soort: str
    findings: tuple[Finding, ...]

    @property
    def valid(self) -> bool:
        return not any(f.severity == FOUT for f in self.findings)

    @property
    def codes(self) -> list[str]:
        return [f.code for f in self.findings]


# ---------------------------------------------------------------------------------------------- files

_REPO = Path(__file__).resolve().parents[3]


def xslt_folder() -> Path:
    """``$WLZ_SHARED/iwlz/xslt-validatie/wlz/2_2``, else ``<repo>/../shared/...`` (beside the XSDs)."""
    shared = os.environ.get("WLZ_SHARED")
    kandidaten = [Path(shared) / "iwlz" / "xslt-validatie" / "wlz" / "2_2"] if shared else []
    kandidaten.append(_REPO.parent / "shared" / "iwlz" / "xslt-validatie" / "wlz" / "2_2")
    kandidaten.append(xsd_folder().parent / "xslt-validatie" / "wlz" / "2_2")
    for pad in kandidaten:
        if (pad / "common" / "basis.xsl").is_file():
            return pad
    raise FileNotFoundError(
        "iWlz XSLT-map niet gevonden (gezocht in: " + ", ".join(str(p) for p in kandidaten) + "); zet WLZ_SHARED"
    )


def has_rules(soort: str) -> bool:
    """Whether the XSLT set has a stylesheet for this message (the heenberichten; retours have only the XSD)."""
    return (xslt_folder() / f"{soort}.xsl").is_file()


class _Stylesheet:
    def __init__(self, soort: str):
        self.lock = threading.Lock()
        self.xslt = etree.XSLT(etree.parse(str(xslt_folder() / f"{soort}.xsl")))


@cache
def _stylesheet(soort: str) -> _Stylesheet:
    return _Stylesheet(soort)


_DETAIL = re.compile(r"<xsl:when test=\"\$pRule='(\w+)'\">(.*?)</xsl:when>", re.S)


@cache
def rule_texts() -> dict[str, str]:
    """Rule code → its Dutch text, as the XSLT set writes it in a ``Fout`` (``common/basis.xsl``)."""
    tekst = (xslt_folder() / "common" / "basis.xsl").read_text(encoding="utf-8")
    return {code: " ".join(t.split()) for code, t in _DETAIL.findall(tekst)}


def rule_text(code: str) -> str:
    return rule_texts().get(code, "")


@cache
def retourcodes() -> dict[str, str]:
    """Code → description of ``LDT_RetourCode`` in the basisschema (read from the XSD: no code is invented)."""
    ns = {"xs": "http://www.w3.org/2001/XMLSchema"}
    boom = etree.parse(str(xsd_folder() / "basisschema.xsd"))
    leden = boom.xpath("//xs:simpleType[@name='LDT_RetourCode']//xs:enumeration", namespaces=ns)
    return {
        str(lid.get("value")): " ".join("".join(lid.xpath(".//xs:documentation/text()", namespaces=ns)).split())
        for lid in leden
    }


#: all is well with this berichtklasse
RETOUR_GOED = "0200"
#: refused for technical reasons (not XML, not XSD-valid, or a rule without a code of its own)
RETOUR_TECHNISCH = "0001"


def retourcode(code: str) -> str:
    """The ``LDT_RetourCode`` of a broken rule, by the scheme of the code list itself:

    ``CDnnn`` → ``Dnnn`` ("Bericht voldoet niet aan conditie CDnnn"), ``CSnnn`` → ``Snnn`` (constraint),
    ``TRnnn`` → ``9nnn`` ("... technische regel nnn"); an XSD error, and a rule the list has no code for,
    → ``0001`` ("Bericht is afgekeurd om technische redenen").
    """
    m = re.fullmatch(r"(CD|CS|TR)(\d{3})", code)
    if m is None:
        return RETOUR_TECHNISCH
    kandidaat = {"CD": "D", "CS": "S", "TR": "9"}[m.group(1)] + m.group(2)
    return kandidaat if kandidaat in retourcodes() else RETOUR_TECHNISCH


# -------------------------------------------------------------------------------------------- checking


def _rules(root: etree._Element, soort: str) -> list[Finding]:
    sheet = _stylesheet(soort)
    with sheet.lock:
        rapport = sheet.xslt(root.getroottree()).getroot()
    uit = []
    for fout in rapport.iter(_RAPPORT + "Fout"):
        code = (fout.findtext(_RAPPORT + "Code") or "").strip()
        paden = tuple((loc.text or "").strip() for loc in fout.findall(_RAPPORT + "Locatie"))
        tekst = " ".join((fout.findtext(_RAPPORT + "Details") or rule_text(code)).split())
        uit.append(Finding(code, paden, tekst))
    return uit


def check_tree(root: etree._Element, soort: Berichtsoort | None = None) -> Report:
    """XSD, then (if the XSD passes and the set has a stylesheet for it) the XSLT rules, on a parsed message."""
    soort = soort or berichtsoort_of(root)
    xsd = [Finding("XSD", (f.pad,), f.melding) for f in schema_errors(root, soort.naam)]
    if xsd or not has_rules(soort.naam):
        return Report(soort.naam, tuple(xsd))
    return Report(soort.naam, tuple(_rules(root, soort.naam)))


def check(data: bytes | str | os.PathLike[str] | etree._Element, soort: str | None = None) -> Report:
    """Check a message (bytes, text, a path or a parsed tree) against its XSD and the official XSLT rules.

    ``soort`` makes it refuse a message of another type. Raises :class:`BerichtOngeldig` only when the input is
    not an iWlz message at all (no XML, a DOCTYPE, an unknown root); everything else is a finding.
    """
    root = data if isinstance(data, etree._Element) else parse_xml(data, soort or "iWlz")
    gevonden = berichtsoort_of(root)
    if soort is not None and gevonden.naam != soort:
        from wlz.iwlz.schema import Schemafout

        raise BerichtOngeldig(soort, [Schemafout("/Bericht", f"dit is een {gevonden.naam}-bericht, geen {soort}")])
    return check_tree(root, gevonden)


def berichtsoorten_met_regels() -> list[str]:
    """The messages of :data:`~wlz.iwlz.schema.BERICHTSOORTEN` the XSLT set has rules for."""
    return [naam for naam in BERICHTSOORTEN if has_rules(naam)]
