"""Use cases of the declarations under persoonsvolgende bekostiging: import a provider's file (checked set-based in
the database, ``storage.declaratie_checks``), read batches and their accepted and refused lines, export the accepted
lines as ``wlz analyse`` input, and the ledger per provider and month.

Who may do what (``RECHTEN``, beside the service's table in ``autorisatie``, which the zorginkoop's part A owns):
a provider imports and reads only its own declarations and ledger; the zorginkoper and the beoordelaar read all;
the zorginkoper (and the command line, as the system) imports for any provider; a client account has no access.
A provider asking for another provider's batch gets 'niet gevonden' (nothing to learn).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from wlz.common.errors import InputError

from ..domain.declaratie import REDENEN, ImportResultaat
from ..domain.fouten import AccessDenied, DomainError, NotFound
from ..domain.model import nieuw_id, nu
from ..storage import declaratie_checks
from ..storage.declaratie_repository import Declaraties
from . import declaraties_bestand
from .actor import Actor
from .toegang import log

if TYPE_CHECKING:
    from ..storage.uow import UnitOfWork

ZORGKANTOOR_LEZEN = frozenset({"zorginkoper", "beoordelaar"})

#: action -> roles (a provider's actions are limited to its own AGB code)
RECHTEN: dict[str, frozenset[str]] = {
    "declaratie.importeren": frozenset({"zorginkoper", "aanbieder"}),
    "declaratie.lezen": ZORGKANTOOR_LEZEN | {"aanbieder"},
    "declaratie.exporteren": ZORGKANTOOR_LEZEN,
    "grootboek.lezen": ZORGKANTOOR_LEZEN | {"aanbieder"},
    "inkooprapport.lezen": ZORGKANTOOR_LEZEN,
}

#: the purpose in the access log (NEN 7513): declarations hold client data
DOEL = "bekostiging van Wlz-zorg: controle van declaraties (persoonsvolgende bekostiging)"

#: the command line acts as this system actor (logged as such)
SYSTEEM_INKOOP = Actor(
    gebruiker_id="systeem", gebruikersnaam="systeem", naam="Systeem", rol="zorginkoper", kanaal="cli"
)


def rollen_voor(actie: str) -> frozenset[str]:
    return RECHTEN[actie]


def vereis(actor: Actor, actie: str) -> None:
    if actor.rol not in RECHTEN[actie]:
        raise AccessDenied(f"Uw rol mag dit niet ({actie}).")


def _scope(actor: Actor, agb_code: str | None) -> str | None:
    """The provider a read is limited to: a provider's own code always; the zorgkantoor's choice otherwise."""
    if actor.rol == "aanbieder":
        if not actor.agb_code:
            raise AccessDenied("Dit account hoort bij geen zorgaanbieder.")
        return actor.agb_code
    return agb_code


def _agb(agb_code: str | None) -> str:
    code = (agb_code or "").strip()
    if len(code) != 8 or not code.isdigit():
        raise DomainError("Een AGB-code heeft 8 cijfers.", "agb_code")
    return code


def importeer(
    uow: UnitOfWork, actor: Actor, *, agb_code: str | None, bestandsnaam: str, data: bytes
) -> ImportResultaat:
    """Read, check and file one declaration file of one provider. Nothing is written when the file as a whole is
    unreadable (a :class:`DomainError` naming the field or column); otherwise every line ends up accepted or
    refused, in one transaction."""
    vereis(actor, "declaratie.importeren")
    agb = _agb(_scope(actor, agb_code) if actor.rol == "aanbieder" else agb_code)
    try:
        regels = declaraties_bestand.read(bestandsnaam, data)
    except InputError as exc:
        raise DomainError(exc.melding, exc.veld or "bestand") from None
    batch_id = nieuw_id()
    telling = Declaraties(uow.session).import_batch(
        batch_id=batch_id,
        agb_code=agb,
        bestandsnaam=bestandsnaam or "declaraties",
        formaat=regels.formaat,
        door=actor.gebruiker_id,
        op=nu(),
        regels=regels.tabel,
    )
    log(uow, actor, "importeren", f"declaraties {batch_id}", doel=DOEL)
    uow.commit()
    geaccepteerd = telling.get("", 0)
    return ImportResultaat(
        batch_id=batch_id,
        agb_code=agb,
        bestandsnaam=bestandsnaam,
        aantal_regels=regels.aantal,
        aantal_geaccepteerd=geaccepteerd,
        aantal_geweigerd=regels.aantal - geaccepteerd,
        bedrag_geaccepteerd_cent=telling.get("bedrag", 0),
        per_reden={k: v for k, v in sorted(telling.items()) if k in REDENEN},
    )


def batches(uow: UnitOfWork, actor: Actor, agb_code: str | None = None, limit: int = 100) -> Sequence[Any]:
    vereis(actor, "declaratie.lezen")
    rows = Declaraties(uow.session).batches(_scope(actor, agb_code), limit)
    log(uow, actor, "lezen", "declaratiebestanden", doel=DOEL)
    uow.commit()
    return rows


@dataclass(frozen=True)
class BatchInzage:
    """One batch with a page of its accepted and refused lines and the count per reason."""

    batch: Any
    geaccepteerd: Sequence[Any]
    geweigerd: Sequence[Any]
    per_reden: dict[str, int]


def batch(uow: UnitOfWork, actor: Actor, batch_id: str, *, limit: int = 200, offset: int = 0) -> BatchInzage:
    vereis(actor, "declaratie.lezen")
    repo = Declaraties(uow.session)
    b = repo.batch(batch_id)
    scope = _scope(actor, None)
    if b is None or (scope is not None and b.agb_code != scope):
        raise NotFound("declaratiebestand")
    limit = max(1, min(limit, 1000))
    offset = max(0, offset)
    inzage = BatchInzage(
        batch=b,
        geaccepteerd=repo.accepted(batch_id, limit, offset),
        geweigerd=repo.refused(batch_id, limit, offset),
        per_reden=repo.refused_per_reason(batch_id),
    )
    log(uow, actor, "lezen", f"declaraties {batch_id}", doel=DOEL)
    uow.commit()
    return inzage


def exporteer(
    uow: UnitOfWork,
    actor: Actor,
    *,
    agb_code: str | None = None,
    van: dt.date | None = None,
    tot: dt.date | None = None,
) -> Iterator[bytes]:
    """The accepted lines as ``wlz_zin.csv`` for ``wlz analyse`` (header first, then chunks). ``regelnummer`` is
    the accepted line's own number (unique over all providers' files, as the analysis needs); ``client_id`` the
    zorgkantoor's client reference, never a BSN; ``agb_code`` the provider (the analysis's optional column)."""
    vereis(actor, "declaratie.exporteren")
    if van is not None and tot is not None and tot < van:
        raise DomainError("De einddatum ligt voor de begindatum.", "tot")
    log(uow, actor, "exporteren", "declaraties (wlz_zin)", doel=DOEL)
    uow.commit()
    return _export_chunks(Declaraties(uow.session), agb_code, van, tot)


def _export_chunks(
    repo: Declaraties, agb_code: str | None, van: dt.date | None, tot: dt.date | None
) -> Iterator[bytes]:
    yield declaratie_checks.export_csv([])
    buffer: list[Any] = []
    for row in repo.export_rows(agb_code, van, tot):
        buffer.append(row)
        if len(buffer) >= 20_000:
            yield _zonder_kop(declaratie_checks.export_csv(buffer))
            buffer = []
    if buffer:
        yield _zonder_kop(declaratie_checks.export_csv(buffer))


def _zonder_kop(data: bytes) -> bytes:
    return data.split(b"\n", 1)[1]


@dataclass(frozen=True)
class GrootboekRegel:
    """One provider in one month: clients who chose it (a zorgtoewijzing to it on some day of the month), clients
    it declared for, accepted lines, and the money that followed the clients (accepted amounts, by the month of the
    line's begindatum)."""

    agb_code: str
    naam: str
    maand: str
    clienten_gekozen: int
    clienten_gedeclareerd: int
    regels: int
    bedrag_cent: int


def grootboek(uow: UnitOfWork, actor: Actor, jaar: int, agb_code: str | None = None) -> list[GrootboekRegel]:
    """The ledger of persoonsvolgende bekostiging for a year (seed 001 p8 r.730-733: paid only for clients who
    chose the provider)."""
    vereis(actor, "grootboek.lezen")
    if not 2000 <= jaar <= 2100:
        raise DomainError("Kies een jaar tussen 2000 en 2100.", "jaar")
    scope = _scope(actor, agb_code)
    repo = Declaraties(uow.session)
    geld = {(r.agb_code, r.maand): r for r in repo.ledger_money(jaar, scope)}
    namen = repo.provider_names()
    gekozen: dict[tuple[str, str], int] = {}
    for m in range(1, 13):
        begin = dt.date(jaar, m, 1)
        eind = (dt.date(jaar + (m == 12), m % 12 + 1, 1)) - dt.timedelta(days=1)
        for r in repo.chosen_per_month(begin, eind, scope):
            gekozen[(r.agb_code, f"{jaar}-{m:02d}")] = int(r.clienten)
    regels = []
    for sleutel in sorted(set(geld) | set(gekozen)):
        g = geld.get(sleutel)
        regels.append(
            GrootboekRegel(
                agb_code=sleutel[0],
                naam=namen.get(sleutel[0], ""),
                maand=sleutel[1],
                clienten_gekozen=gekozen.get(sleutel, 0),
                clienten_gedeclareerd=int(g.clienten) if g else 0,
                regels=int(g.regels) if g else 0,
                bedrag_cent=int(g.bedrag_cent or 0) if g else 0,
            )
        )
    log(uow, actor, "lezen", f"grootboek {jaar}", doel=DOEL)
    uow.commit()
    return regels
