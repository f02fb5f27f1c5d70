"""Bulk import of IO31 messages (``wlz io31 importeer MAP``): tens of thousands of indicatiebesluiten at once,
with the checks of a single import (:func:`.berichten.import_io31`) and set-based writes.

Why this shape: the checks of one message (the XSD and the official iWlz XSLT rules, about 2.5 ms) are pure CPU
and independent per message, so they run in worker processes; what needs the database is done per chunk of
messages with one query per question (which BSNs, which besluitnummers are known) and one multi-row insert per
table, in one transaction per chunk — not one transaction per message.

Per message the outcome is that of a single import:

- not an IO31 at all (empty, no XML, a DOCTYPE, another message): not stored (there is no header to answer),
  quarantined with the Dutch reason;
- breaks the XSD, the XSLT rules or a check of the zorgkantoor that needs no database (another zorgkantoor, an
  indication without zzp, an unknown zorgprofiel): stored refused with its IO32, quarantined with the reasons;
- a client already known, a besluitnummer known or twice in the folder, or a field the case file refuses: run
  through the single import itself, in file order, one transaction each — so a new decision for a known client
  ends the earlier one exactly as one imported by hand, and a refusal is the same refusal;
- otherwise: the client, the indicatiebesluit, the message, its IO32 (0200) and the access-log lines, inserted
  with the rest of its chunk.

A chunk is all or nothing: when its insert fails (a concurrent import took a BSN meanwhile), it is rolled back
and its messages go through the single import. A message is never half-written.

Reading the message: the fields the case file keeps are read from the checked tree directly (``_lees``), instead
of through the generated binding (``wlz.iwlz.read_io31``, about 3 ms a message): ``tests/zorgkantoor/
test_io31_bulk.py`` shows for generated messages of every leveringsvorm that both give the same client and
indicatiebesluit, and that a folder imported in bulk gives the same rows as the same messages imported one by one.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import shutil
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from itertools import repeat
from pathlib import Path
from typing import Any

from wlz import iwlz, reference
from wlz.common.months import add_months
from wlz.iwlz import validation
from wlz.iwlz.schema import schema_errors
from wlz.iwlz.validation import Finding, Report
from wlz.platform import access_log

from ..adapters import rules_engine
from ..config import zorgkantoor_code
from ..domain.bericht import GEACCEPTEERD, GEWEIGERD, BerichtGeweigerd
from ..domain.fouten import DomainError
from ..domain.model import Client, Indicatiebesluit, nieuw_id, nu
from ..storage import io31_bulk as store
from . import berichten
from .actor import Actor
from .autorisatie import DOEL, vereis

#: the folder (inside the imported one) that keeps the messages not imported, each beside a file with its reasons
QUARANTAINE = "quarantaine"
#: messages per transaction
CHUNK = 2000


@dataclass
class Samenvatting:
    """What a bulk import did, in numbers (no BSN, no name)."""

    bestanden: int = 0
    geimporteerd: int = 0
    indicaties: int = 0
    los_verwerkt: int = 0
    geweigerd: int = 0
    geen_bericht: int = 0
    quarantaine: list[str] = field(default_factory=list)

    def tekst(self) -> str:
        return (
            f"{self.bestanden} bestanden: {self.geimporteerd} IO31-berichten ingelezen ({self.indicaties} "
            f"indicatiebesluiten; {self.los_verwerkt} daarvan een voor een, omdat de cliënt of het besluitnummer al "
            f"bekend was), {self.geweigerd} geweigerd met IO32, {self.geen_bericht} geen IO31-bericht. "
            f"In quarantaine: {len(self.quarantaine)}."
        )


# --- checking one message (in a worker process) ---------------------------------------------------------------
def _tekst(el: Any, pad: str) -> str | None:
    x = el.find(pad)
    if x is None or x.text is None:
        return None
    return x.text.strip() or None


def _datum(el: Any, pad: str) -> dt.date | None:
    t = _tekst(el, pad)
    return None if t is None else dt.date.fromisoformat(t[:10])


_BRP = iwlz.AdresSoort.BRP.value
_PARTNER = iwlz.SoortRelatie.PARTNER.value


def _client_velden(c: Any) -> dict[str, Any]:
    """The client as :func:`.berichten._client_from_bericht` keeps it: the BRP address (else the first one),
    the name, whether a partner is among the relations."""
    naam = c.find("{*}Naam")
    achternaam = _tekst(naam, "{*}Geslachtsnaam/{*}Achternaam") or ""
    voorvoegsel = _tekst(naam, "{*}Geslachtsnaam/{*}Voorvoegsel")
    adressen = [
        (_tekst(k, "{*}Soort"), k.find("{*}Adres"))
        for k in c.findall("{*}Contactgegevens/{*}Contact")
        if k.find("{*}Adres") is not None
    ]
    adres = next((a for s, a in adressen if s == _BRP), adressen[0][1] if adressen else None)
    huisnummer = ""
    if adres is not None and _tekst(adres, "{*}Huis/{*}Huisnummer") is not None:
        toevoeging = _tekst(adres, "{*}Huis/{*}HuisnummerToevoeging")
        huisnummer = (
            f"{int(_tekst(adres, '{*}Huis/{*}Huisnummer') or 0)}{_tekst(adres, '{*}Huis/{*}Huisletter') or ''}"
            + (f"-{toevoeging}" if toevoeging else "")
        )
    return {
        "bsn": _tekst(c, "{*}Bsn") or "",
        "voornamen": _tekst(naam, "{*}Voornamen") or _tekst(naam, "{*}Voorletters") or "-",
        "achternaam": " ".join(x for x in (voorvoegsel, achternaam) if x),
        "geboortedatum": _datum(c, "{*}Geboortedatum/{*}Datum"),
        "straat": (_tekst(adres, "{*}Straatnaam") or "") if adres is not None else "",
        "huisnummer": huisnummer,
        "postcode": (_tekst(adres, "{*}Postcode") or "") if adres is not None else "",
        "woonplaats": (_tekst(adres, "{*}Plaatsnaam") or "") if adres is not None else "",
        "partner": any(_tekst(r, "{*}Soort") == _PARTNER for r in c.findall("{*}Relaties/{*}Relatie")),
    }


def _lees(root: Any) -> tuple[list[dict[str, Any]], list[Finding]]:
    """Per client of a checked IO31: the client's fields and the decision's, and the findings of the checks
    :func:`.berichten._register_indicatie` makes before it needs the database (same rule, element, text)."""
    uit, fouten = [], []
    for i, c in enumerate(root.findall("{*}Clienten/{*}Client"), start=1):
        plek = f"Clienten/Client[{i}]/Indicatie"
        ind = c.find("{*}Indicatie")
        zzp = ind.find("{*}GeindiceerdeZorgzwaartepakketten/{*}GeindiceerdZorgzwaartepakket")
        if zzp is None:
            reden = (
                "Het indicatiebesluit heeft geen zorgzwaartepakket (alleen functies); dat verwerkt deze service niet."
            )
            fouten.append(berichten._weigering(root, "indicatie_zonder_zzp", plek, reden).finding)
            continue
        zzp_pad = f"{plek}/GeindiceerdeZorgzwaartepakketten/GeindiceerdZorgzwaartepakket[1]/ZzpCode"
        try:
            profiel = reference.lookup(_tekst(zzp, "{*}ZzpCode") or "")
        except KeyError:
            fouten.append(berichten._weigering(root, "casus", zzp_pad, "Onbekend zorgprofiel (COD163).").finding)
            continue
        grondslagen = [
            g for g in (_tekst(ind, "{*}Grondslagen/{*}Grondslag01"), _tekst(ind, "{*}Grondslagen/{*}Grondslag02")) if g
        ]
        uit.append(
            {
                "client": _client_velden(c),
                "besluitnummer": str(int(_tekst(ind, "{*}Besluitnummer") or "0")),
                "zorgprofiel": profiel.code,
                "grondslagen": grondslagen,
                "ingangsdatum": _datum(ind, "{*}Ingangsdatum"),
                "einddatum": _datum(ind, "{*}Einddatum"),
            }
        )
    return uit, fouten


def _check(root: Any, soort: str) -> Report:
    """:func:`wlz.iwlz.check` of a parsed IO31 (the XSD, then when it passes the XSLT set's rules), without
    looking up the XSD and XSLT folders from the settings again for every message (that lookup cost more than
    the rules themselves). ``test_io31_bulk.py`` shows it gives the same report."""
    xsd = [Finding("XSD", (f.pad,), f.melding) for f in schema_errors(root, soort)]
    if xsd:
        return Report(soort, tuple(xsd))
    return Report(soort, tuple(validation._rules(root, soort)))


def controleer(naam: str, data: bytes, zorgkantoor: str) -> dict[str, Any]:
    """Check one file as :func:`.berichten.import_io31` does before it needs the database; the outcome as plain
    data (it crosses a process boundary): ``geen_bericht`` with the reason, ``geweigerd`` with the findings and
    the IO32, or ``ok`` with the clients read and the IO32 (0200)."""
    if not data or not data.strip():
        return {"naam": naam, "uitkomst": "geen_bericht", "reden": "Het IO31-bericht is leeg."}
    try:
        root, report = berichten._receive(data, "IO31", check=_check)
    except DomainError as exc:
        return {"naam": naam, "uitkomst": "geen_bericht", "reden": exc.bericht}
    kop = {
        "identificatie": (berichten._header_text(root, "Identificatie") or "onbekend")[:40],
        "dagtekening": berichten._dagtekening(root),
        "ontvanger": berichten._header_text(root, "Ontvanger"),
    }
    partijen = berichten._check_parties(None, root, afzender=None, zorgkantoor=zorgkantoor)
    clienten: list[dict[str, Any]] = []
    if partijen or not report.valid:
        report = berichten._with(report, partijen)
    else:
        clienten, eigen = _lees(root)
        if eigen:
            report = Report("IO31", tuple(eigen))
    vandaag = dt.date.today()
    identificatie = berichten._identificatie("RT")
    retour = iwlz.build_retour(root, report, identificatie=identificatie, dagtekening=vandaag)
    uitkomst = "ok" if not report.findings else "geweigerd"
    return {
        "naam": naam,
        "identificatie_ruw": berichten._header_text(root, "Identificatie"),
        "zorgkantoor": zorgkantoor,
        "uitkomst": uitkomst,
        "kop": kop,
        "clienten": clienten,
        "bevindingen": berichten._bevindingen(report),
        "retour": {"inhoud": retour, "identificatie": identificatie, "dagtekening": vandaag},
    }


def _controleer_bestand(naam: str, bron: str | bytes, zorgkantoor: str) -> tuple[dict[str, Any], bytes]:
    """One message's check (``bron``: a file's path, read here, in the worker, or the message itself); anything
    this fast path did not foresee sends the message to the single import (``los``), which decides it as for a
    message posted alone — the bulk import never stops halfway on one odd file."""
    data = bron if isinstance(bron, bytes) else Path(bron).read_bytes()
    try:
        return controleer(naam, data, zorgkantoor), data
    except Exception:  # noqa: BLE001 - decided by the single import instead
        return {"naam": naam, "uitkomst": "los"}, data


# --- the decision's end (as the single import computes it, once per zorgprofiel) ---------------------------------
@cache
def _maanden(zorgprofiel: str, sinds_wlz: bool) -> int | None:
    """The months an indication of this profile is valid, as ``rules_engine.indicatie_einddatum`` gives them.
    That rule (``indicatie_max_geldigheid_maanden``) reads only the zorgprofiel, so one evaluation per profile
    (and per side of 1 January 2015, where the rules take over from the reference data) serves every date."""
    ref = dt.date(2015, 1, 1) if sinds_wlz else dt.date(2014, 1, 1)
    einde = rules_engine.indicatie_einddatum(zorgprofiel, ref)
    if einde is None:
        return None
    return next(m for m in range(1, 1200) if add_months(ref, m) - dt.timedelta(days=1) == einde)


def einddatum(zorgprofiel: str, ingangsdatum: dt.date) -> dt.date | None:
    maanden = _maanden(zorgprofiel, ingangsdatum >= dt.date(2015, 1, 1))
    return None if maanden is None else add_months(ingangsdatum, maanden) - dt.timedelta(days=1)


# --- writing a chunk ----------------------------------------------------------------------------------------------
def _logregel(actor: Actor, onderwerp: str, client_id: str | None) -> dict[str, Any]:
    return access_log.line(actor, "aanmaken", onderwerp, DOEL.get(actor.rol, "onbekend"), client_id)


def _bericht_rij(actor: Actor, gecontroleerd: dict[str, Any], data: bytes, client_id: str | None) -> dict[str, Any]:
    kop = gecontroleerd["kop"]
    geweigerd = gecontroleerd["uitkomst"] != "ok"
    return {
        "id": nieuw_id(),
        "soort": "IO31",
        "richting": "in",
        "identificatie": kop["identificatie"],
        "dagtekening": kop["dagtekening"],
        "afzender": "CIZ",
        "ontvanger": gecontroleerd["zorgkantoor"] if geweigerd else kop["ontvanger"],
        "inhoud": data,
        "vastgelegd_door": actor.gebruiker_id,
        "client_id": client_id,
        "toewijzing_id": None,
        "aangemaakt_op": nu(),
        "resultaat": GEWEIGERD if geweigerd else GEACCEPTEERD,
        "bevindingen": gecontroleerd["bevindingen"] or None,
        "retour_van": None,
    }


def _retour_rij(actor: Actor, gecontroleerd: dict[str, Any], heen: dict[str, Any]) -> dict[str, Any]:
    r = gecontroleerd["retour"]
    return {
        **heen,
        "id": nieuw_id(),
        "soort": "IO32",
        "richting": "uit",
        "identificatie": r["identificatie"],
        "dagtekening": r["dagtekening"],
        "afzender": gecontroleerd["zorgkantoor"],
        "ontvanger": "CIZ",
        "inhoud": r["inhoud"],
        "bevindingen": None,
        "retour_van": heen["id"],
    }


def _rijen_ok(actor: Actor, gecontroleerd: dict[str, Any], data: bytes) -> dict[str, list[dict[str, Any]]]:
    """The rows of one accepted message; a field the case file refuses raises DomainError (then the message
    goes through the single import, which refuses it the same way)."""
    rijen: dict[str, list[dict[str, Any]]] = {"clients": [], "indicatiebesluiten": [], "toegangslog": []}
    for item in gecontroleerd["clienten"]:
        c = Client(**item["client"])
        ind = Indicatiebesluit(
            client_id=c.id,
            besluitnummer=item["besluitnummer"],
            zorgprofiel=item["zorgprofiel"],
            grondslagen=item["grondslagen"],
            ingangsdatum=item["ingangsdatum"],
            einddatum=item["einddatum"] or einddatum(item["zorgprofiel"], item["ingangsdatum"]),
            bron="IO31",
        )
        rijen["clients"].append({k: getattr(c, k) for k in _CLIENT_KOLOMMEN})
        rijen["indicatiebesluiten"].append({k: getattr(ind, k) for k in _INDICATIE_KOLOMMEN})
        rijen["toegangslog"] += [
            _logregel(actor, "cliënt (uit IO31)", c.id),
            _logregel(actor, "indicatiebesluit (uit IO31)", c.id),
        ]
    ids = {r["id"] for r in rijen["clients"]}
    heen = _bericht_rij(actor, gecontroleerd, data, next(iter(ids)) if len(ids) == 1 else None)
    rijen["berichten"] = [heen]
    rijen["retouren"] = [_retour_rij(actor, gecontroleerd, heen)]
    return rijen


_CLIENT_KOLOMMEN = (
    "id", "bsn", "voornamen", "achternaam", "geboortedatum", "straat", "huisnummer", "postcode", "woonplaats",
    "partner", "aangemaakt_op",
)  # fmt: skip
_INDICATIE_KOLOMMEN = (
    "id", "client_id", "besluitnummer", "zorgprofiel", "cod163", "grondslagen", "ingangsdatum", "einddatum", "bron",
    "aangemaakt_op",
)  # fmt: skip


def _samen(delen: Iterable[dict[str, list[dict[str, Any]]]]) -> dict[str, list[dict[str, Any]]]:
    alles: dict[str, list[dict[str, Any]]] = {}
    for deel in delen:
        for k, v in deel.items():
            alles.setdefault(k, []).extend(v)
    return alles


class _Bestand:
    """One message of the run with its check's outcome, and once decided, what became of it (:func:`_uitkomst`)."""

    def __init__(self, naam: str, gecontroleerd: dict[str, Any], data: bytes, pad: Path | None = None) -> None:
        self.naam = naam
        self.pad = pad
        self.g = gecontroleerd
        self.data = data
        self.uitkomst: dict[str, Any] | None = None

    @property
    def identificatie(self) -> str | None:
        """The header's Identificatie as received (None when it has none: TR056 then does not apply)."""
        return self.g.get("identificatie_ruw")

    @property
    def bsns(self) -> list[str]:
        return [c["client"]["bsn"] for c in self.g.get("clienten", [])]

    @property
    def besluitnummers(self) -> list[str]:
        return [c["besluitnummer"] for c in self.g.get("clienten", [])]


@dataclass
class _Gezien:
    """The keys of every message met so far in this run (imported, refused or left for the single import), so a
    later message sharing one goes through the single import after them, in file order — as one by one."""

    bsns: set[str] = field(default_factory=set)
    besluitnummers: set[str] = field(default_factory=set)
    identificaties: set[str] = field(default_factory=set)


def _uitkomst(b: _Bestand, uitkomst: str, **velden: Any) -> dict[str, Any]:
    """What became of one message, as the batch API answers it: the file's name, ``geaccepteerd``, ``geweigerd``
    or ``geen_bericht``, the stored message and its IO32 (download: ``/api/berichten/{id}/retour``), the reasons
    (Dutch; element paths and rule texts, never a BSN)."""
    kop = b.g.get("kop") or {}
    return {
        "bestand": b.naam,
        "uitkomst": uitkomst,
        "identificatie": b.identificatie if b.identificatie is not None else kop.get("identificatie"),
        "bericht_id": None,
        "retour_id": None,
        "indicaties": 0,
        "redenen": [],
        **velden,
    }


def _schrijf(
    uowf: Callable[..., Any], actor: Actor, chunk: list[_Bestand], s: Samenvatting, gezien: _Gezien
) -> list[_Bestand]:
    """Write one chunk in one transaction; return the messages for the single import: a known client, besluitnummer
    or identification (TR056: unique per sender and message type; the single import refuses it with 9056), one
    sharing a key with an earlier message of the run, a field the case file refuses, or the whole chunk when its
    insert failed."""
    los: list[_Bestand] = []
    ok = [b for b in chunk if b.g["uitkomst"] == "ok"]
    geweigerd_alle = [b for b in chunk if b.g["uitkomst"] == "geweigerd"]
    geschreven: list[tuple[_Bestand, dict[str, list[dict[str, Any]]]]] = []
    with uowf(write=True) as uow:
        bsns = store.known_bsns(uow.session, [x for b in ok for x in b.bsns])
        nummers = store.known_besluitnummers(uow.session, [x for b in ok for x in b.besluitnummers])
        idents = store.known_identificaties(
            uow.session, "IO31", "CIZ", [b.identificatie for b in ok + geweigerd_alle if b.identificatie]
        )
        for b in chunk:
            if b.g["uitkomst"] not in ("ok", "geweigerd"):
                continue
            dubbel = b.identificatie is not None and (
                b.identificatie in idents or b.identificatie in gezien.identificaties
            )
            if b.g["uitkomst"] == "ok":
                dubbel = (
                    dubbel
                    or any(x in bsns or x in gezien.bsns for x in b.bsns)
                    or any(x in nummers or x in gezien.besluitnummers for x in b.besluitnummers)
                    or len(set(b.bsns)) < len(b.bsns)
                )
            gezien.bsns.update(b.bsns)
            gezien.besluitnummers.update(b.besluitnummers)
            if b.identificatie is not None:
                gezien.identificaties.add(b.identificatie)
            if dubbel:
                los.append(b)
                continue
            if b.g["uitkomst"] == "geweigerd":
                heen = _bericht_rij(actor, b.g, b.data, None)
                geschreven.append(
                    (
                        b,
                        {
                            "berichten": [heen],
                            "retouren": [_retour_rij(actor, b.g, heen)],
                            "toegangslog": [_logregel(actor, "IO31-bericht geweigerd, IO32 retour", None)],
                        },
                    )
                )
                continue
            try:
                geschreven.append((b, _rijen_ok(actor, b.g, b.data)))
            except (DomainError, ValueError, TypeError):
                los.append(b)
        try:
            store.insert_rows(uow.session, _samen(rijen for _, rijen in geschreven))
            uow.commit()
        except Exception:  # noqa: BLE001 - a failed chunk is retried message by message; nothing is kept of it
            uow.rollback()
            return [b for b in chunk if b.g["uitkomst"] != "geen_bericht"]
    for b, rijen in geschreven:
        geweigerd = b.g["uitkomst"] == "geweigerd"
        b.uitkomst = _uitkomst(
            b,
            "geweigerd" if geweigerd else "geaccepteerd",
            bericht_id=rijen["berichten"][0]["id"],
            retour_id=rijen["retouren"][0]["id"],
            indicaties=len(rijen.get("indicatiebesluiten", [])),
            redenen=_redenen(b.g["bevindingen"]) if geweigerd else [],
        )
    ingelezen = [b for b, _ in geschreven if b.g["uitkomst"] == "ok"]
    s.geimporteerd += len(ingelezen)
    s.indicaties += sum(len(b.bsns) for b in ingelezen)
    s.geweigerd += len(geschreven) - len(ingelezen)
    return los


#: what a run does with a message it does not import (the command line: copy it to the quarantine folder)
Weiger = Callable[[_Bestand, list[str]], None]


def _redenen(bevindingen: list[dict[str, str]]) -> list[str]:
    from ..domain.bericht import bevinding_tekst

    return [bevinding_tekst(x) for x in bevindingen]


def _los(uowf: Callable[..., Any], actor: Actor, b: _Bestand, s: Samenvatting, weiger: Weiger) -> None:
    """One message through the single import (its own transaction): the item-11 replacement, the same refusal."""
    with uowf(write=True) as uow:
        try:
            bericht, inds = berichten.import_io31(uow, actor, b.data)
        except BerichtGeweigerd as exc:
            s.geweigerd += 1
            redenen = _redenen(exc.iwlz_bericht.bevindingen or [])
            b.uitkomst = _uitkomst(
                b,
                "geweigerd",
                identificatie=exc.iwlz_bericht.identificatie,
                bericht_id=exc.iwlz_bericht.id,
                retour_id=exc.retour.id if exc.retour is not None else None,
                redenen=redenen,
            )
            weiger(b, redenen)
            return
        except DomainError as exc:
            s.geen_bericht += 1
            b.uitkomst = _uitkomst(b, "geen_bericht", redenen=[exc.bericht])
            weiger(b, [exc.bericht])
            return
    s.geimporteerd += 1
    s.los_verwerkt += 1
    s.indicaties += len(inds)
    b.uitkomst = _uitkomst(
        b,
        "geaccepteerd",
        identificatie=bericht.identificatie,
        bericht_id=bericht.id,
        retour_id=bericht.retour_id,
        indicaties=len(inds),
    )


#: a message to import: its name (a file's) and its path (read in the worker) or its content
Invoer = tuple[str, str | bytes]


def _gecontroleerd(invoer: list[Invoer], workers: int, zorgkantoor: str) -> Iterator[_Bestand]:
    """Each message with its check, in the given order; the checks in ``workers`` processes (1: in this one)."""
    if workers <= 1:
        for naam, bron in invoer:
            g, data = _controleer_bestand(naam, bron, zorgkantoor)
            yield _Bestand(naam, g, data, Path(bron) if isinstance(bron, str) else None)
        return
    namen, bronnen = [n for n, _ in invoer], [b for _, b in invoer]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        gedaan = pool.map(_controleer_bestand, namen, bronnen, repeat(zorgkantoor), chunksize=64)
        for naam, bron, (g, data) in zip(namen, bronnen, gedaan, strict=True):
            yield _Bestand(naam, g, data, Path(bron) if isinstance(bron, str) else None)


def _importeer(
    uowf: Callable[..., Any], actor: Actor, invoer: list[Invoer], weiger: Weiger, *, workers: int, chunk: int
) -> tuple[Samenvatting, list[_Bestand]]:
    """The run the command line and the batch API share (see the module's docstring): every message checked,
    written a chunk per transaction, the rest through the single import; each message's outcome on its
    ``_Bestand``. ``weiger`` gets every message not imported with its reasons."""
    vereis(actor, "bericht.importeren")
    s = Samenvatting(bestanden=len(invoer))
    workers = workers or (os.cpu_count() or 1)
    alle: list[_Bestand] = []
    los: list[_Bestand] = []
    deel: list[_Bestand] = []
    gezien = _Gezien()
    for b in _gecontroleerd(invoer, workers, zorgkantoor_code()):
        alle.append(b)
        if b.g["uitkomst"] == "los":
            los.append(b)
            continue
        if b.g["uitkomst"] == "geen_bericht":
            s.geen_bericht += 1
            b.uitkomst = _uitkomst(b, "geen_bericht", redenen=[b.g["reden"]])
            weiger(b, [b.g["reden"]])
            continue
        if b.g["uitkomst"] == "geweigerd":
            weiger(b, _redenen(b.g["bevindingen"]))
        deel.append(b)
        if len(deel) >= chunk:
            los += _schrijf(uowf, actor, deel, s, gezien)
            deel = []
    if deel:
        los += _schrijf(uowf, actor, deel, s, gezien)
    for b in los:
        _los(uowf, actor, b, s, weiger)
    return s, alle


def _quarantaine(map_: Path, b: _Bestand, redenen: list[str], s: Samenvatting) -> None:
    """Copy the file to the quarantine folder with a text file of its reasons (Dutch; element paths and rule
    texts, never a BSN)."""
    if b.pad is None or b.pad.name in s.quarantaine:
        return
    doel = map_ / QUARANTAINE
    doel.mkdir(exist_ok=True)
    shutil.copyfile(b.pad, doel / b.pad.name)
    (doel / f"{b.pad.name}.reden.txt").write_text("\n".join(redenen) + "\n", encoding="utf-8")
    s.quarantaine.append(b.pad.name)


def _bestanden(map_: Path) -> list[Path]:
    """The folder's ``*.xml`` files, in name order (the order the CIZ numbered them): each one IO31."""
    return sorted(p for p in map_.iterdir() if p.is_file() and p.suffix.lower() == ".xml")


def importeer_map(
    uowf: Callable[..., Any], actor: Actor, map_: Path, *, workers: int = 0, chunk: int = CHUNK
) -> Samenvatting:
    """Import every ``*.xml`` file of ``map_`` as an IO31 (see the module's docstring); ``workers`` processes
    check the messages (0: one per processor core). A message not imported is copied to ``map_/quarantaine``
    beside a file with its reasons."""
    vereis(actor, "bericht.importeren")
    if not map_.is_dir():
        raise DomainError("De map met IO31-berichten bestaat niet.", "map")
    samenvatting = Samenvatting()
    s, _ = _importeer(
        uowf,
        actor,
        [(p.name, str(p)) for p in _bestanden(map_)],
        lambda b, redenen: _quarantaine(map_, b, redenen, samenvatting),
        workers=workers,
        chunk=chunk,
    )
    s.quarantaine = samenvatting.quarantaine
    return s


# --- the batch API (POST /api/io31/batch) -------------------------------------------------------------------------
class BatchTooLarge(DomainError):
    """The unpacked messages of a batch pass the body limit (413 at the edge, as a body over the limit)."""


#: a run of 8 or 9 digits in a file's name could be a BSN: not repeated in the answer
_BSN_ACHTIG = re.compile(r"\d{8,9}")


def read_zip(data: bytes, max_bytes: int) -> list[Invoer]:
    """The messages of a batch: every file in the zip is one IO31 (a file that is none is answered as such,
    never skipped), in name order as the command line reads a folder. The unpacked total is held to the same
    limit as the body (``WLZ_MAX_UPLOAD_MB``), counted while unpacking, so a zip bomb costs at most that much."""
    try:
        archief = zipfile.ZipFile(io.BytesIO(data))
        infos = sorted((i for i in archief.infolist() if not i.is_dir()), key=lambda i: i.filename)
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise DomainError("Stuur de IO31-berichten als zip-bestand (application/zip).", "bestand") from None
    if not infos:
        raise DomainError("Het zip-bestand bevat geen berichten.", "bestand")
    over = max_bytes
    uit: list[Invoer] = []
    for info in infos:
        if info.file_size > over:
            raise BatchTooLarge(f"bestand te groot (max {max_bytes // (1024 * 1024)} MB uitgepakt)", "bestand")
        try:
            with archief.open(info) as fh:
                inhoud = fh.read(over + 1)
        except (zipfile.BadZipFile, RuntimeError, NotImplementedError, ValueError, EOFError, zlib.error):
            inhoud = b""  # encrypted or damaged: answered as an empty (no) message
        if len(inhoud) > over:
            raise BatchTooLarge(f"bestand te groot (max {max_bytes // (1024 * 1024)} MB uitgepakt)", "bestand")
        over -= len(inhoud)
        uit.append((info.filename[:200], inhoud))
    return uit


def _antwoord(b: _Bestand, nummer: int) -> dict[str, Any]:
    u = dict(b.uitkomst or _uitkomst(b, "geen_bericht", redenen=["Niet verwerkt."]))
    u["nummer"] = nummer
    u["bestand"] = _BSN_ACHTIG.sub("*********", u["bestand"])
    return u


def importeer_batch(uowf: Callable[..., Any], actor: Actor, invoer: list[Invoer]) -> dict[str, Any]:
    """The batch API's use case: the messages of one request through the run of the command line (the same
    checks, the same chunks and single imports), in this process (a server's request does not start worker
    processes); then one access-log line for the batch. Each message is all or nothing (its client, decision,
    message, IO32 and log lines in one transaction); a refused one is stored with its reasons and IO32."""
    s, alle = _importeer(uowf, actor, invoer, lambda b, redenen: None, workers=1, chunk=CHUNK)
    with uowf(write=True) as uow:
        uow.toegangslog.write(
            access_log.line(
                actor,
                "importeren",
                f"IO31-batch: {s.bestanden} bestanden, {s.geimporteerd} ingelezen, {s.geweigerd} geweigerd, "
                f"{s.geen_bericht} geen bericht",
                DOEL.get(actor.rol, "onbekend"),
            )
        )
        uow.commit()
    return {
        "bestanden": s.bestanden,
        "geimporteerd": s.geimporteerd,
        "indicaties": s.indicaties,
        "los_verwerkt": s.los_verwerkt,
        "geweigerd": s.geweigerd,
        "geen_bericht": s.geen_bericht,
        "berichten": [_antwoord(b, i) for i, b in enumerate(alle, start=1)],
    }
