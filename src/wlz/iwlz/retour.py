"""Retourberichten: the answer to every received iWlz message, with per berichtklasse its ``RetourCodes``.

The iWlz answers each heenbericht with its retour — IO32 for IO31, AW34 for AW33, AW36 for AW35, AW310 for
AW39, CA318 for CA317, CA320 for CA319. A retour repeats the received message (same elements, the retour's
namespace) and adds to every berichtklasse (``Header``, ``Client``, ``Relatie``, ``Indicatie``,
``GeleverdZorgzwaartepakket``, ...) a ``RetourCodes`` list: ``0200`` where all is well, else the code of each
rule that class breaks (:func:`wlz.iwlz.validation.retourcode`: ``CDnnn`` → ``Dnnn``, ``CSnnn`` → ``Snnn``,
``TRnnn`` → ``9nnn``, an XSD error → ``0001``; the receiver's own checks by
:data:`~wlz.iwlz.validation.RECEIVER_CHECKS`). A message that is not XSD-valid cannot be repeated, and ``0001``
stands alone on the header (IV028 of the XSLT set's ``check_errors.xsl``): a retour with ``0001`` ("Bericht is
afgekeurd om technische redenen") is the header alone; the XSDs allow that (``Clienten`` is optional in every
retour).

Why at the XML level and not through the bindings: a retour is the received tree with another namespace and
one element more per class, whatever that tree holds; mirroring the tree keeps every element the sender sent
(also those the case data does not model) and needs no mapping per message. Which elements are berichtklassen
is read from the retour's XSD (the complex types with a ``RetourCodes`` child), and every retour built here is
validated against that XSD. :func:`read_retour` reads a retour a partner sends (AW34, CA318, CA320) the same
way: XSD-validated, every code other than ``0200`` with the path of its class. So no bindings are generated
for the retours (``scripts/generate_iwlz_bindings.sh`` would add them by name, should a typed view be needed).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from functools import cache
from typing import cast

from lxml import etree  # type: ignore[import-untyped,unused-ignore]  # lxml ships no type hints

from wlz.iwlz.schema import (
    BASIS_NS,
    BERICHTSOORTEN,
    BerichtOngeldig,
    Berichtsoort,
    Schemafout,
    berichtsoort_of,
    parse_xml,
    readable_path,
    schema_errors,
    xsd_folder,
)
from wlz.iwlz.validation import RETOUR_GOED, RETOUR_TECHNISCH, XSLT_VERSIE, Finding, Report, retourcodes

#: heenbericht → its retourbericht
RETOUR_VAN: dict[str, str] = {
    "IO31": "IO32",
    "AW33": "AW34",
    "AW35": "AW36",
    "AW39": "AW310",
    "CA317": "CA318",
    "CA319": "CA320",
}
#: retourbericht → the heenbericht it answers
HEEN_VAN: dict[str, str] = {retour: heen for heen, retour in RETOUR_VAN.items()}

_XS = "{http://www.w3.org/2001/XMLSchema}"


@cache
def berichtklassen(retour: str) -> frozenset[str]:
    """The element names of ``retour`` that carry ``RetourCodes`` (its berichtklassen), read from its XSD."""
    boom = etree.parse(str(xsd_folder() / f"{retour}.xsd"))
    met_codes = {
        t.get("name")
        for t in boom.iter(_XS + "complexType")
        if any(el.get("name") == "RetourCodes" for el in t.iter(_XS + "element"))
    }
    prefix = retour.lower() + ":"
    return frozenset(
        el.get("name")
        for el in boom.iter(_XS + "element")
        if (el.get("type") or "").removeprefix(prefix) in met_codes and el.get("name") != "RetourCodes"
    )


def _resolve(root: etree._Element, pad: str) -> etree._Element | None:
    """The element at ``/Bericht/Clienten/Client[2]/Bsn`` (local names, 1-based index among same names)."""
    delen = [d for d in pad.strip().split("/") if d]
    if not delen or delen[0].split("[")[0] != etree.QName(root).localname:
        return None
    el = root
    for deel in delen[1:]:
        naam, _, rest = deel.partition("[")
        n = int(rest.rstrip("]")) if rest else 1
        kinderen = [k for k in el if isinstance(k.tag, str) and etree.QName(k).localname == naam]
        if len(kinderen) < n:
            return el  # as deep as the path exists: the class around it gets the code
        el = kinderen[n - 1]
    return el


def element_path(root: etree._Element, pad: str) -> str:
    """``pad`` (``/Bericht/Clienten/Client[1]/...``, every index written) as the XSLT set writes paths: an
    index only where siblings share a name; as deep as the element exists."""
    el = _resolve(root, pad)
    return pad if el is None else readable_path(el)


def _class_of(el: etree._Element, klassen: frozenset[str]) -> etree._Element | None:
    while el is not None:
        if etree.QName(el).localname in klassen:
            return el
        el = el.getparent()
    return None


def _codes_per_element(
    root: etree._Element, findings: tuple[Finding, ...], klassen: frozenset[str]
) -> dict[etree._Element, list[str]]:
    uit: dict[etree._Element, list[str]] = {}
    header = root.find("{*}Header")
    for f in findings:
        doelen = [_class_of(el, klassen) for el in (_resolve(root, p) for p in f.paths) if el is not None]
        doelen = [d for d in doelen if d is not None] or [header]
        for doel in dict.fromkeys(doelen):
            codes = uit.setdefault(doel, [])
            if f.retourcode not in codes:
                codes.append(f.retourcode)
    return uit


def _element(ns: str, naam: str, tekst: str | None = None) -> etree._Element:
    el = etree.Element(f"{{{ns}}}{naam}")
    if tekst is not None:
        el.text = tekst
    return el


def _retour_codes(ns: str, codes: list[str]) -> etree._Element:
    el = _element(ns, "RetourCodes")
    for code in codes or [RETOUR_GOED]:
        el.append(_element(ns, "RetourCode", code))
    return el


def _mirror(
    el: etree._Element,
    heen_ns: str,
    ns: str,
    klassen: frozenset[str],
    codes: dict[etree._Element, list[str]],
) -> etree._Element:
    """A copy of ``el`` in the retour's namespace, with ``RetourCodes`` appended to every berichtklasse."""
    qn = etree.QName(el)
    kopie = etree.Element(f"{{{ns if qn.namespace == heen_ns else qn.namespace}}}{qn.localname}")
    kopie.text = el.text if len(el) == 0 else None
    for kind in el:
        if isinstance(kind.tag, str):
            kopie.append(_mirror(kind, heen_ns, ns, klassen, codes))
    if qn.namespace == heen_ns and qn.localname in klassen:
        kopie.append(_retour_codes(ns, codes.get(el, [])))
    return kopie


def _header(
    heen: etree._Element | None,
    heen_soort: Berichtsoort,
    soort: Berichtsoort,
    ns: str,
    identificatie: str,
    dag: dt.date,
    codes: list[str],
) -> etree._Element:
    """The retour's header: the received header's fields (the sender's identification), then the retour's own."""
    h = _element(ns, "Header")
    h.append(_element(ns, "BerichtCode", soort.berichtcode))
    h.append(_element(ns, "BerichtVersie", str(soort.berichtversie)))
    h.append(_element(ns, "BerichtSubversie", str(soort.berichtsubversie)))
    velden = {f"{{{ns}}}{n}" for n in ("Afzender", "Ontvanger")} & set(_header_velden(soort.naam))
    for naam in ("Afzender", "Ontvanger"):
        if f"{{{ns}}}{naam}" in velden:
            waarde = None if heen is None else heen.findtext(f"{{*}}{naam}")
            h.append(_element(ns, naam, (waarde or "").strip()))
    ident = None if heen is None else heen.find("{*}BerichtIdentificatie")
    bi = _element(ns, "BerichtIdentificatie")
    bi.append(
        _element(
            BASIS_NS, "Identificatie", (ident.findtext("{*}Identificatie") if ident is not None else None) or "onbekend"
        )
    )
    bi.append(
        _element(
            BASIS_NS,
            "Dagtekening",
            (ident.findtext("{*}Dagtekening") if ident is not None else None) or dag.isoformat(),
        )
    )
    h.append(bi)
    h.append(_xsd_versie(ns, "XsdVersie", heen_soort))
    h.append(_element(ns, "IdentificatieRetour", identificatie))
    h.append(_element(ns, "DagtekeningRetour", dag.isoformat()))
    h.append(_element(ns, "XsltVersie", XSLT_VERSIE))
    h.append(_xsd_versie(ns, "XsdVersieRetour", soort))
    h.append(_retour_codes(ns, codes))
    return h


def _xsd_versie(ns: str, naam: str, soort: Berichtsoort) -> etree._Element:
    el = _element(ns, naam)
    el.append(_element(BASIS_NS, "BasisschemaXsdVersie", soort.basisschema_xsd_versie))
    el.append(_element(BASIS_NS, "BerichtXsdVersie", soort.bericht_xsd_versie))
    return el


@cache
def _header_velden(retour: str) -> tuple[str, ...]:
    boom = etree.parse(str(xsd_folder() / f"{retour}.xsd"))
    ns = BERICHTSOORTEN[retour].namespace
    header = boom.find(f"{_XS}complexType[@name='Header']")
    return tuple(f"{{{ns}}}{el.get('name')}" for el in header.iter(_XS + "element"))


def build_retour(
    heen: bytes | str | os.PathLike[str] | etree._Element,
    report: Report,
    *,
    identificatie: str,
    dagtekening: dt.date,
) -> bytes:
    """The retour to a received message, given its :class:`~wlz.iwlz.validation.Report`.

    ``identificatie``/``dagtekening`` are the retour's own (``IdentificatieRetour``/``DagtekeningRetour``); the
    header repeats the sender's ``BerichtIdentificatie``. Raises :class:`BerichtOngeldig` when the input is not
    one of the six heenberichten (then there is no retour to give).
    """
    root = heen if isinstance(heen, etree._Element) else parse_xml(heen)
    heen_soort = berichtsoort_of(root)
    if heen_soort.naam not in RETOUR_VAN:
        raise BerichtOngeldig(heen_soort.naam, [Schemafout("/Bericht", "op een retourbericht volgt geen retour")])
    soort = BERICHTSOORTEN[RETOUR_VAN[heen_soort.naam]]
    ns = soort.namespace
    bericht = etree.Element(f"{{{ns}}}Bericht", nsmap={soort.naam.lower(): ns, "iwlz": BASIS_NS})
    # 0001 (an XSD error, or a refusal without a rule of its own) stands alone on the header (IV028)
    technisch = any(f.retourcode == RETOUR_TECHNISCH for f in report.findings)
    heen_header = root.find("{*}Header")
    if technisch:
        bericht.append(_header(heen_header, heen_soort, soort, ns, identificatie, dagtekening, [RETOUR_TECHNISCH]))
    else:
        klassen = berichtklassen(soort.naam)
        codes = _codes_per_element(root, report.findings, klassen)
        bericht.append(
            _header(heen_header, heen_soort, soort, ns, identificatie, dagtekening, codes.get(heen_header, []))
        )
        clienten = root.find("{*}Clienten")
        if clienten is not None:
            bericht.append(_mirror(clienten, heen_soort.namespace, ns, klassen, codes))
    fouten = schema_errors(bericht, soort.naam)
    if fouten:
        raise BerichtOngeldig(soort.naam, fouten)
    return cast(bytes, etree.tostring(bericht, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def io32_from_io31(io31: bytes | etree._Element, report: Report, *, identificatie: str, dagtekening: dt.date) -> bytes:
    """The IO32 answering an IO31 (the zorgkantoor to the CIZ)."""
    return build_retour(io31, report, identificatie=identificatie, dagtekening=dagtekening)


def aw36_from_aw35(aw35: bytes | etree._Element, report: Report, *, identificatie: str, dagtekening: dt.date) -> bytes:
    """The AW36 answering an AW35 (the zorgkantoor to the provider)."""
    return build_retour(aw35, report, identificatie=identificatie, dagtekening=dagtekening)


def aw310_from_aw39(aw39: bytes | etree._Element, report: Report, *, identificatie: str, dagtekening: dt.date) -> bytes:
    """The AW310 answering an AW39 (the zorgkantoor to the provider)."""
    return build_retour(aw39, report, identificatie=identificatie, dagtekening=dagtekening)


# ------------------------------------------------------------------------------------------------ reading


@dataclass(frozen=True)
class RetourCode:
    """One code a retour gives one berichtklasse: where (``pad`` in the retour) and which (``code``)."""

    pad: str
    code: str

    @property
    def omschrijving(self) -> str:
        return retourcodes().get(self.code, "")


@dataclass(frozen=True)
class Retour:
    """A retour read: which message it answers (``heen_soort``, ``identificatie``, ``dagtekening``), its own
    identification, and every code other than ``0200`` with its element (``afwijkingen``)."""

    soort: str
    heen_soort: str
    identificatie: str
    dagtekening: dt.date
    identificatie_retour: str
    dagtekening_retour: dt.date
    afzender: str | None
    ontvanger: str | None
    afwijkingen: tuple[RetourCode, ...]

    @property
    def geaccepteerd(self) -> bool:
        """True when every berichtklasse got ``0200``: the receiver accepted the whole message."""
        return not self.afwijkingen


def read_retour(data: bytes | str | os.PathLike[str]) -> Retour:
    """Read a retour (IO32, AW34, AW36, AW310, CA318, CA320) after XSD validation; BerichtOngeldig otherwise."""
    root = parse_xml(data, "retour")
    soort = berichtsoort_of(root)
    if soort.naam not in HEEN_VAN:
        raise BerichtOngeldig(soort.naam, [Schemafout("/Bericht", f"een {soort.naam} is geen retourbericht")])
    fouten = schema_errors(root, soort.naam)
    if fouten:
        raise BerichtOngeldig(soort.naam, fouten)
    header = root.find("{*}Header")
    ident = header.find("{*}BerichtIdentificatie")
    afwijkingen = tuple(
        RetourCode(readable_path(codes.getparent()), (c.text or "").strip())
        for codes in root.iter(f"{{{soort.namespace}}}RetourCodes")
        for c in codes
        if (c.text or "").strip() != RETOUR_GOED
    )
    return Retour(
        soort=soort.naam,
        heen_soort=HEEN_VAN[soort.naam],
        identificatie=(ident.findtext("{*}Identificatie") or "").strip(),
        dagtekening=dt.date.fromisoformat((ident.findtext("{*}Dagtekening") or "").strip()[:10]),
        identificatie_retour=(header.findtext("{*}IdentificatieRetour") or "").strip(),
        dagtekening_retour=dt.date.fromisoformat((header.findtext("{*}DagtekeningRetour") or "").strip()[:10]),
        afzender=(header.findtext("{*}Afzender") or "").strip() or None,
        ontvanger=(header.findtext("{*}Ontvanger") or "").strip() or None,
        afwijkingen=afwijkingen,
    )
