"""The iWlz messages of the demo's copied clients (``wlz demo --clients N``).

A copy of a client (``demo._kopieer``) has a new identity: BSN, name, address, besluitnummer. Its messages (the
IO31 its indicatie came in with, the IO32 that answered it, the AW33 of each assignment) are the source client's
stored messages with that identity put in: each source message is split once into constant text and the element
texts that carry identity (:class:`Sjabloon`), and a copy's XML is those parts joined with the copy's values — no
parsing, building or validating per copy, so 30,000 copies stay set-based and fast. Because only element texts
of the same shape change (a BSN for a BSN, a surname of the same form: with or without a voorvoegsel), a copy's
message is as valid (XSD and XSLT) as its source; ``tests/zorgkantoor/test_demo_schaal.py`` checks copies.

Message identifications are made unique per copy (``Identificatie``, ``IdentificatieRetour``; iWlz TR056).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any
from xml.sax.saxutils import escape

from wlz.iwlz import Client, casefile

#: the elements whose text carries a client's identity or a message's identification
VELDEN = (
    "Bsn",
    "Besluitnummer",
    "Identificatie",
    "IdentificatieRetour",
    "Achternaam",
    "Voorvoegsel",
    "Voornamen",
    "Voorletters",
    "Straatnaam",
    "Huisnummer",
    "Postcode",
    "Plaatsnaam",
)
_VELD = re.compile(r"<(?:\w+:)?(" + "|".join(VELDEN) + r")>([^<]*)</")

#: the copied message types: the IO31 (received), its IO32 retour and the AW33s (sent)
SOORTEN = ("IO31", "IO32", "AW33")

Sleutel = tuple[str, str]


class Sjabloon:
    """One stored message as constant texts with slots ``(element, text in the source)`` between them."""

    def __init__(self, xml: bytes) -> None:
        tekst = xml.decode("utf-8")
        self.vast: list[str] = []
        self.plekken: list[Sleutel] = []
        begin = 0
        for m in _VELD.finditer(tekst):
            self.vast.append(tekst[begin : m.start(2)])
            self.plekken.append((m.group(1), m.group(2)))
            begin = m.end(2)
        self.vast.append(tekst[begin:])

    def vul(self, waarden: Mapping[Sleutel, str]) -> bytes:
        """The message with every slot found in ``waarden`` replaced by that text (escaped); the others keep the
        source's text as it stands in the XML."""
        delen: list[str] = [""] * (2 * len(self.plekken) + 1)
        delen[0::2] = self.vast
        delen[1::2] = [escape(waarden[p]) if p in waarden else p[1] for p in self.plekken]
        return "".join(delen).encode("utf-8")


def iwlz_client(client: Any) -> Client:
    """A client record as the messages carry it (``wlz.iwlz.casefile.client``, as the AW33 is built)."""
    return casefile.client(
        bsn=client.bsn,
        voornamen=client.voornamen,
        achternaam=client.achternaam,
        geboortedatum=client.geboortedatum,
        straat=client.straat or "",
        huisnummer=client.huisnummer or "",
        postcode=client.postcode or "",
        woonplaats=client.woonplaats or "",
    )


def identiteit(client: Any) -> dict[str, str | None]:
    """A client record's identity as the messages write it (surname split from its voorvoegsel, voorletters from
    the first names, house number as a number), by element name."""
    c = iwlz_client(client)
    adres = c.adres
    return {
        "Bsn": c.bsn,
        "Achternaam": c.naam.achternaam,
        "Voorvoegsel": c.naam.voorvoegsel,
        "Voornamen": c.naam.voornamen,
        "Voorletters": c.naam.voorletters,
        "Straatnaam": adres.straatnaam if adres else None,
        "Huisnummer": str(adres.huisnummer) if adres and adres.huisnummer is not None else None,
        "Postcode": adres.postcode if adres else None,
        "Plaatsnaam": adres.plaatsnaam if adres else None,
    }


def zelfde_vorm(achternaam: str) -> bool:
    """Whether a surname has a voorvoegsel ("de Vries"): a copy's surname must have the same form as its
    source's, so the same elements stay filled."""
    return casefile.split_achternaam(achternaam)[1] is not None


def vervanging(bron: Mapping[str, str | None], kopie: Mapping[str, str | None]) -> dict[Sleutel, str]:
    """Per element and source text, the copy's text (identity fields only; both of the same form)."""
    return {(veld, oud): nieuw for veld, oud in bron.items() if oud is not None and (nieuw := kopie.get(veld))}


def kopie_rijen(
    bronnen: list[Any],
    sjablonen: Mapping[str, Sjabloon],
    waarden: dict[Sleutel, str],
    *,
    client_id: str,
    ids: Mapping[str, str],
    nieuw_id: Any,
    identificatie: str,
    nu: dt.datetime,
) -> list[dict[str, Any]]:
    """The stored rows of one copy's messages: the source's rows (``bronnen``, a received message before its
    retour) with new ids, the copy's client and assignments (``ids``: source id → copy id), new identifications
    (``identificatie`` followed by a 3-digit number) and the XML filled from the templates with ``waarden`` plus the new
    identifications."""
    nieuwe_ids = {b.id: nieuw_id() for b in bronnen}
    waarden = dict(waarden)
    for i, b in enumerate(bronnen):
        veld = "IdentificatieRetour" if b.retour_van else "Identificatie"
        waarden[(veld, b.identificatie)] = f"{identificatie}{i:03d}"
    rijen = []
    for b in bronnen:
        veld = "IdentificatieRetour" if b.retour_van else "Identificatie"
        rijen.append(
            {
                **b._mapping,
                "id": nieuwe_ids[b.id],
                "client_id": client_id,
                "toewijzing_id": ids.get(b.toewijzing_id) if b.toewijzing_id else None,
                "retour_van": nieuwe_ids.get(b.retour_van) if b.retour_van else None,
                "identificatie": waarden[(veld, b.identificatie)],
                "inhoud": sjablonen[b.id].vul(waarden),
                "aangemaakt_op": nu,
            }
        )
    return rijen
