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

from wlz.common.settings import SharedSettings
from wlz.iwlz.schema import (
    BASIS_NS,
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
    shared = SharedSettings().shared
    kandidaten = [shared / "iwlz" / "xslt-validatie" / "wlz" / "2_2"] if shared else []
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


_XSL = "http://www.w3.org/1999/XSL/Transform"
_DISPATCH = "wlz-dispatch"


def _without_predicates(patroon: str) -> str:
    uit, diepte = [], 0
    for teken in patroon:
        if teken == "[":
            diepte += 1
        elif teken == "]":
            diepte -= 1
        elif diepte == 0:
            uit.append(teken)
    return "".join(uit)


def _alternatives(patroon: str) -> list[str]:
    """The alternatives of a pattern (``a | b``), split only outside predicates."""
    uit: list[str] = []
    huidig: list[str] = []
    diepte = 0
    for teken in patroon:
        diepte += (teken == "[") - (teken == "]")
        if teken == "|" and diepte == 0:
            uit.append("".join(huidig).strip())
            huidig = []
        else:
            huidig.append(teken)
    return [*uit, "".join(huidig).strip()]


def _last_step(alternatief: str) -> str:
    """The last location step of a pattern alternative, predicates included (``a/*[x:B]`` → ``*[x:B]``)."""
    diepte, start = 0, 0
    for i, teken in enumerate(alternatief):
        diepte += (teken == "[") - (teken == "]")
        if teken == "/" and diepte == 0:
            start = i + 1
    return alternatief[start:].strip()


_PREFIX = re.compile(r"([A-Za-z_][\w.-]*):(?!:)[A-Za-z_*]")


def _condition(alternatief: str, nsmap: dict[str | None, str], aanwezig: set[str]) -> tuple[str, str | None]:
    """How one pattern alternative can match an element of a message with namespaces ``aanwezig``:
    ``("naam", clark)`` — only elements of that name; ``("test", xpath)`` — only elements for which the
    last step's predicate holds (a superset of the pattern's matches); ``("nooit", None)`` — never, its names
    are of other messages; ``("altijd", None)`` — any element."""
    stap = _last_step(alternatief)
    kaal = _without_predicates(stap).strip()
    prefixen = set(_PREFIX.findall(stap))
    if any(p not in nsmap for p in prefixen):
        return "altijd", None
    if kaal != "*" and ":" in kaal and "(" not in kaal and "@" not in kaal:
        prefix, naam = kaal.split(":", 1)
        return ("naam", f"{{{nsmap[prefix]}}}{naam}") if nsmap[prefix] in aanwezig else ("nooit", None)
    if kaal == "*" and stap.startswith("*[") and stap.endswith("]") and "$" not in stap and "key(" not in stap:
        if prefixen and all(nsmap[p] not in aanwezig for p in prefixen) and " or " not in stap:
            return "nooit", None
        return "test", stap[2:-1]
    return "altijd", None


def _with_dispatch(hoofd: etree._ElementTree, map_: Path, namespace: str) -> etree._ElementTree:
    """The stylesheet with its ``check`` template dispatching by element name — the same rules, much faster.

    Why: the official ``check`` template applies every rule's mode (55 for an AW33) to every element, and for
    most (element, mode) pairs only the rule's empty default template (``match="*"``) matches; libxslt pays for
    each of those applications (about 10 ms per message). Each rule's real templates match named elements
    (``aw33:ToegewezenZorgzwaartepakket``), so this copy — made in memory, the files stay as published — adds a
    mode that, per element name, applies only the modes with a template for that name, and the modes whose
    patterns test any element (``*[aw33:FunctieCode]``) only where the pattern's last predicate holds, in the
    original order. Patterns naming only another message's elements (``*[zk31:Client]``) never match an
    XSD-valid message of this type (the XSLT runs only on those). A mode skipped for an element would only have
    reached its empty default, so the report is the same (``tests/iwlz/test_iwlz_validatie.py`` compares both
    on every golden, on random and on broken messages).
    """
    root = hoofd.getroot()
    check = next(t for t in root.iter(f"{{{_XSL}}}template") if t.get("mode") == "check" and t.get("match") == "*")
    modes = [a.get("mode") for a in check if a.tag == f"{{{_XSL}}}apply-templates"]
    if not modes or any(a.tag != f"{{{_XSL}}}apply-templates" or a.get("select") != "." for a in check):
        return hoofd  # not the shape this optimisation knows: run the stylesheet as published
    aanwezig = {namespace, BASIS_NS}
    per_naam: dict[str, set[str]] = {}
    overal: set[str] = set()
    testen: dict[str, list[str]] = {}
    prefixen: dict[str, str] = {}
    for include in root.iter(f"{{{_XSL}}}include"):
        deel = etree.parse(str(map_ / include.get("href"))).getroot()
        for t in deel.iter(f"{{{_XSL}}}template"):
            mode, patroon = t.get("mode"), t.get("match")
            if mode not in modes or patroon is None:
                continue
            if patroon.strip() == "*" and len(t) == 0:
                continue  # the rule's empty default
            nsmap = {k: v for k, v in t.nsmap.items() if k}
            for alternatief in _alternatives(patroon):
                soort, waarde = _condition(alternatief, nsmap, aanwezig)
                if soort == "naam" and waarde is not None:
                    per_naam.setdefault(waarde, set()).add(mode)
                elif soort == "test" and waarde is not None:
                    testen.setdefault(mode, []).append(waarde)
                    for p in _PREFIX.findall(waarde):
                        if prefixen.setdefault(p, nsmap[p]) != nsmap[p]:
                            overal.add(mode)  # one prefix, two namespaces: do not rewrite this mode's test
                elif soort == "altijd":
                    overal.add(mode)
    _inline_includes(root, map_)
    for kind in list(check):
        check.remove(kind)
    etree.SubElement(check, f"{{{_XSL}}}apply-templates", select=".", mode=_DISPATCH)
    nsmap_uit = {**prefixen}
    naam_prefix = {uri: f"wlzns{n}" for n, uri in enumerate(sorted({etree.QName(n).namespace for n in per_naam}))}
    nsmap_uit.update({p: uri for uri, p in naam_prefix.items()})

    def toepassen(t: etree._Element, eigen: set[str]) -> None:
        for mode in modes:
            if mode in eigen or mode in overal:
                etree.SubElement(t, f"{{{_XSL}}}apply-templates", select=".", mode=mode)
            elif mode in testen:
                als = etree.SubElement(t, f"{{{_XSL}}}if", test=" or ".join(f"({x})" for x in testen[mode]))
                etree.SubElement(als, f"{{{_XSL}}}apply-templates", select=".", mode=mode)

    for naam, eigen in sorted(per_naam.items()):
        qn = etree.QName(naam)
        match = f"{naam_prefix[qn.namespace]}:{qn.localname}"
        toepassen(etree.SubElement(root, f"{{{_XSL}}}template", match=match, mode=_DISPATCH, nsmap=nsmap_uit), eigen)
    standaard = etree.SubElement(root, f"{{{_XSL}}}template", match="*", mode=_DISPATCH, priority="-1", nsmap=nsmap_uit)
    toepassen(standaard, set())
    return hoofd


def _inline_includes(root: etree._Element, map_: Path) -> None:
    """Replace each ``xsl:include`` by the rules it includes (what an include means), leaving out each rule
    file's own ``match="*" mode="check"`` template: the main stylesheet's (priority 0) always wins over those
    (priority -0.5), yet libxslt weighs all of them for every element. Their ``xsl:import`` of
    ``common/basis.xsl`` is the main stylesheet's own import, so it is dropped too."""
    import copy

    for include in list(root.iter(f"{{{_XSL}}}include")):
        deel = etree.parse(str(map_ / include.get("href"))).getroot()
        plek = root.index(include)
        root.remove(include)
        for kind in deel:
            if not isinstance(kind.tag, str) or kind.tag == f"{{{_XSL}}}import":
                continue
            if kind.tag == f"{{{_XSL}}}template" and kind.get("mode") == "check" and kind.get("match") == "*":
                continue
            # the rule file declares its prefixes (aw33:, iwlz:, ...) on its root: carry them onto each copy
            nieuw = etree.Element(kind.tag, dict(kind.attrib), nsmap={**deel.nsmap, **kind.nsmap})
            nieuw.text = kind.text
            for sub in kind:
                nieuw.append(copy.deepcopy(sub))
            root.insert(plek, nieuw)
            plek += 1


class _Stylesheet:
    def __init__(self, soort: str, *, dispatch: bool = True):
        self.lock = threading.Lock()
        pad = xslt_folder() / f"{soort}.xsl"
        boom = etree.parse(str(pad))
        if dispatch:
            boom = _with_dispatch(boom, pad.parent, BERICHTSOORTEN[soort].namespace)
        # the in-memory copy keeps the file's location, so its xsl:import/xsl:include hrefs still resolve
        self.xslt = etree.XSLT(etree.ElementTree(boom.getroot()) if not dispatch else _located(boom, pad))


def _located(boom: etree._ElementTree, pad: Path) -> etree._ElementTree:
    """A changed stylesheet tree re-read with the original file as its base URL (for its relative hrefs)."""
    return etree.ElementTree(etree.fromstring(etree.tostring(boom), base_url=str(pad)))


@cache
def _stylesheet(soort: str, dispatch: bool = True) -> _Stylesheet:
    return _Stylesheet(soort, dispatch=dispatch)


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


# ------------------------------------------------------------------------------ the receiver's own checks


@dataclass(frozen=True)
class ReceiverCheck:
    """A check the receiver of a message makes against its own records (earlier messages, its case file), which
    the XSLT set cannot make, and the iWlz rule it implements (``rule``; None where the standard has none).

    Why one table: a refusal by such a check is answered with a retour like any other, so each check needs its
    retourcode, and the code must be one the standard lets a receiver give without the XSLT set finding it —
    ``common/check_errors.xsl`` lists those (``0001``, ``9017``, ``9019``, ``9020``, ``9056``, ``9063``,
    ``9069``, ``9071``, ``9074``, ``9078``, ...) and refuses ``0001`` anywhere but alone on the header (IV028).
    A check without a rule of its own gets ``0001`` with the receiver's reason in Dutch."""

    rule: str | None
    #: what is checked, in English (for the README's table and the reader of the code)
    what: str

    @property
    def code(self) -> str:
        """The finding's code: the rule (``TR019``), or the retourcode ``0001`` when the standard has no rule."""
        return self.rule or RETOUR_TECHNISCH

    @property
    def retourcode(self) -> str:
        return retourcode(self.code)

    def finding(self, path: str, reason: str) -> Finding:
        """The finding on element ``path``: the rule's Dutch text (or 0001's), then the receiver's reason."""
        basis = rule_text(self.rule) if self.rule else retourcodes().get(RETOUR_TECHNISCH, "")
        return Finding(self.code, (path,), f"{basis} {reason}".strip())


#: the receiving zorgkantoor's own checks (by name) → the iWlz rule each implements; documented in README.md
RECEIVER_CHECKS: dict[str, ReceiverCheck] = {
    "afzender": ReceiverCheck(None, "the header's Afzender is the sending account's AGB code"),
    "identificatie": ReceiverCheck("TR056", "the header's Identificatie not received before from this sender (type)"),
    "ontvanger": ReceiverCheck(None, "the header's Ontvanger is this zorgkantoor"),
    "toewijzing": ReceiverCheck("TR019", "a reported line names a toewijzing of the sender (key fields)"),
    "begindatum_buiten_toewijzing": ReceiverCheck("TR017", "Begindatum within the toewijzing's period"),
    "verwijderen_zonder_eerdere": ReceiverCheck("TR063", "StatusAanlevering 3 needs an earlier report, same key"),
    "verwijderen_na_einde_zorg": ReceiverCheck("TR071", "no StatusAanlevering 3 for care already ended"),
    "verwijderen": ReceiverCheck(None, "StatusAanlevering 3 (deleting an earlier report) is not processed"),
    "aanlevering_dubbel": ReceiverCheck("TR074", "a first delivery's key (StatusAanlevering 1) not received before"),
    "mutatiedatum_na_toewijzing": ReceiverCheck("TR020", "Mutatiedatum not after the toewijzing's Einddatum"),
    "einde_zonder_aanvang": ReceiverCheck("TR069", "end of care (17, 19, 20) matches the current start of care"),
    "mutatie_na_aanvang": ReceiverCheck("TR078", "a mutation 12, 18, 21 only before care started (or after 20)"),
    "bestemming": ReceiverCheck("CD020", "17 and 21 name InstellingBestemming (also in the XSLT set)"),
    "toewijzing_overgedragen": ReceiverCheck(None, "no mutation on a toewijzing handed over (21)"),
    "aanvraag": ReceiverCheck(None, "a request for a changed toewijzing (Aanvraag, AAT) is not processed"),
    "indicatie_zonder_zzp": ReceiverCheck(None, "an indicatie without a zorgzwaartepakket is not processed"),
    "besluitnummer": ReceiverCheck(None, "a besluitnummer not registered before"),
    "casus": ReceiverCheck(None, "any other refusal by the case file (its Dutch reason)"),
}

# -------------------------------------------------------------------------------------------- checking


def _rules(root: etree._Element, soort: str, *, dispatch: bool = True) -> list[Finding]:
    """The XSLT set's findings; ``dispatch=False`` runs the stylesheet exactly as published (for comparison)."""
    sheet = _stylesheet(soort, dispatch)
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
