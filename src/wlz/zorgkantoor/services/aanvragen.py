"""Use cases of the request for extra care: one intake, every scheme evaluated by the rules, a decision."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from wlz.common.errors import InputError

from ..adapters import rules_engine
from ..domain.aanvraag import Aanvraag, Besluitregel, jaren_in_periode, samenvoegen
from ..domain.fouten import DomainError, NotFound
from . import invoer
from .actor import Actor
from .autorisatie import client_zichtbaar, vereis
from .toegang import log

if TYPE_CHECKING:
    from ..storage.uow import UnitOfWork, UnitOfWorkFactory

#: what a submission carries: a whole intake, or the changes of a repeat request
Invoer = invoer.IntakeInvoer | invoer.HerhaalInvoer
T = TypeVar("T", invoer.IntakeInvoer, invoer.HerhaalInvoer)


def situatie(uow: UnitOfWork, client_id: str, intake: dict[str, Any]) -> dict[str, Any]:
    """The rules' situation from the file (profile, birth date, grondslagen, leveringsvorm, partner) plus the
    intake. Facts the zorgkantoor already has are never asked again: they come from the file."""
    c = uow.clients.get(client_id)
    if c is None:
        raise NotFound("client")
    van = dt.date.fromisoformat(intake["periode_van"])
    ind = uow.indicaties.geldige(client_id, van)
    if ind is None:
        raise DomainError("Er is op de begindatum geen geldig indicatiebesluit.", "periode_van")
    tot = dt.date.fromisoformat(intake["periode_tot"])
    if ind.einddatum is not None and tot > ind.einddatum:
        # a decision covers at most the indication's validity
        raise DomainError("De periode loopt door na het einde van het indicatiebesluit.", "periode_tot")
    keuze = uow.keuzes.huidige(client_id)
    return rules_engine.situatie_voor_intake(
        zorgprofiel=ind.zorgprofiel,
        geboortedatum=c.geboortedatum,
        partner=c.partner,
        grondslagen=ind.grondslagen,
        leveringsvorm=keuze.leveringsvorm if keuze else "verblijf",
        intake=intake,
    )


def _evaluatie(situatie: dict[str, Any]) -> tuple[dict[str, Any] | None, str | None]:
    """Ask the rules about every scheme: (evaluation, None), or (None, why) when the rules are missing — recorded
    on the request so it can be evaluated later, never replaced by made-up figures. Bad input is refused
    (nothing saved). In the rules' helper process when the server has one (``adapters.rules_process``)."""
    try:
        return rules_engine.evaluate_regelingen_separately(situatie), None
    except InputError as exc:
        raise DomainError(str(exc), _veld(exc.veld)) from None
    except rules_engine.RulesUnavailable as exc:
        return None, str(exc)


def _evalueer(aanvraag: Aanvraag, vooraf: Vooraf | None = None) -> None:
    """Evaluate the request; an evaluation made beforehand is used when it was made from the same situation
    (the evaluation depends on nothing else)."""
    if vooraf is not None and vooraf.situatie == aanvraag.situatie:
        aanvraag.evaluatie, aanvraag.evaluatie_fout = vooraf.evaluatie, vooraf.fout
    else:
        aanvraag.evaluatie, aanvraag.evaluatie_fout = _evaluatie(aanvraag.situatie)


@dataclass(frozen=True)
class Vooraf:
    """An evaluation made before the write transaction, with the situation it was made from."""

    situatie: dict[str, Any]
    evaluatie: dict[str, Any] | None
    fout: str | None


def dien_in_en_bewaar(
    uowf: UnitOfWorkFactory, actor: Actor, client_id: str, data: Invoer, *, herhaling: bool = False
) -> Aanvraag:
    """Submit a request (``herhaling``: a repeat request, ``data`` the changes) with the rules evaluated outside
    the write transaction: the evaluation is 50-130 ms, and on SQLite a writing transaction holds the one write
    lock, so every file read (which writes its access-log line) waited behind it.

    1. a read transaction builds the situation from the file, with the same checks (role, reach, valid
       indication) as the submission itself;
    2. the rules evaluate it, outside any transaction;
    3. the write transaction checks and builds everything again and stores the request with that evaluation
       only when the situation is still the same — else (the file changed meanwhile) it evaluates again there.
    So the stored request is exactly what ``dien_in``/``herhaal`` in one transaction would store, completely or
    not at all."""
    with uowf() as uow:
        sit = _situatie_voor(uow, actor, client_id, data, herhaling)
    vooraf = Vooraf(sit, *_evaluatie(sit))
    with uowf(write=True) as uow:
        if herhaling:
            return herhaal(uow, actor, client_id, _als(data, invoer.HerhaalInvoer), vooraf=vooraf)
        return dien_in(uow, actor, client_id, _als(data, invoer.IntakeInvoer), vooraf=vooraf)


def _als(data: Invoer, soort: type[T]) -> T:
    """The submission as the kind its route declared (a repeat request's changes, or a whole intake)."""
    if not isinstance(data, soort):
        raise TypeError(f"{soort.__name__} verwacht")
    return data


def _intake_voor(
    uow: UnitOfWork, actor: Actor, client_id: str, data: Invoer, herhaling: bool
) -> tuple[dict[str, Any], Aanvraag | None]:
    """The checks of a submission (role, reach, a previous request to repeat) and its intake, with the previous
    request for a repeat: one place for the submission itself and for its evaluation beforehand."""
    vereis(actor, "aanvraag.indienen")
    client_zichtbaar(uow, actor, client_id)
    if not herhaling:
        return _intake_dict(_als(data, invoer.IntakeInvoer)), None
    vorige = uow.aanvragen.laatste(client_id)
    if vorige is None:
        raise DomainError("Er is nog geen eerdere aanvraag; dien een volledige aanvraag in.", "vorige")
    return _herhaal_intake(vorige, _als(data, invoer.HerhaalInvoer)), vorige


def _situatie_voor(uow: UnitOfWork, actor: Actor, client_id: str, data: Invoer, herhaling: bool) -> dict[str, Any]:
    intake, _ = _intake_voor(uow, actor, client_id, data, herhaling)
    return situatie(uow, client_id, intake)


def _veld(veld: str | None) -> str:
    """Map a rules field ('client.mpt_kosten') onto the intake's name for it ('mpt_kosten')."""
    if not veld:
        return "intake"
    kort = veld.split(".")[-1]
    return kort if kort in invoer.IntakeInvoer.model_fields else f"criteria.{kort}"


def _intake_dict(data: invoer.IntakeInvoer) -> dict[str, Any]:
    return data.model_dump(mode="json")


def dien_in(
    uow: UnitOfWork, actor: Actor, client_id: str, data: invoer.IntakeInvoer, *, vooraf: Vooraf | None = None
) -> Aanvraag:
    intake, _ = _intake_voor(uow, actor, client_id, data, herhaling=False)
    a = Aanvraag(
        client_id=client_id, intake=intake, situatie=situatie(uow, client_id, intake), ingediend_door=actor.gebruiker_id
    )
    _evalueer(a, vooraf)
    uow.aanvragen.add(a)
    log(uow, actor, "aanmaken", "aanvraag extra zorg", client_id=client_id)
    uow.commit()
    return a


def _herhaal_intake(vorige: Aanvraag, data: invoer.HerhaalInvoer) -> dict[str, Any]:
    wijzigingen = data.model_dump(mode="json", exclude_none=True)
    intake_dict = samenvoegen(vorige.intake, wijzigingen)
    return _intake_dict(invoer.IntakeInvoer.model_validate(intake_dict))


def herhaal(
    uow: UnitOfWork, actor: Actor, client_id: str, data: invoer.HerhaalInvoer, *, vooraf: Vooraf | None = None
) -> Aanvraag:
    """A repeat request starting from the last one: only the changed fields are sent."""
    intake, vorige = _intake_voor(uow, actor, client_id, data, herhaling=True)
    a = Aanvraag(
        client_id=client_id,
        intake=intake,
        situatie=situatie(uow, client_id, intake),
        ingediend_door=actor.gebruiker_id,
        vorige=vorige,
    )
    _evalueer(a, vooraf)
    uow.aanvragen.add(a)
    log(uow, actor, "aanmaken", "herhaalaanvraag extra zorg", client_id=client_id)
    uow.commit()
    return a


def vorige_intake(uow: UnitOfWork, actor: Actor, client_id: str) -> dict[str, Any] | None:
    """The last intake, to prefill a repeat request."""
    vereis(actor, "aanvraag.indienen")
    client_zichtbaar(uow, actor, client_id)
    vorige = uow.aanvragen.laatste(client_id)
    return dict(vorige.intake) if vorige else None


def _zichtbare(uow: UnitOfWork, actor: Actor, aanvraag_id: str, actie: str = "aanvraag.lezen") -> Aanvraag:
    vereis(actor, actie)
    a = uow.aanvragen.get(aanvraag_id)
    if a is None:
        raise NotFound("aanvraag")
    client_zichtbaar(uow, actor, a.client_id)
    return a


def read(uow: UnitOfWork, actor: Actor, aanvraag_id: str) -> Aanvraag:
    a = _zichtbare(uow, actor, aanvraag_id)
    log(uow, actor, "lezen", "aanvraag extra zorg", client_id=a.client_id)
    uow.commit()
    return a


def werkvoorraad(
    uow: UnitOfWork,
    actor: Actor,
    status: str | None = None,
    limit: int = 200,
    offset: int = 0,
    *,
    columns: tuple[str, ...] | None = None,
    na: str | None = None,
) -> list[Any]:
    """The work list by deadline. ``columns``: plain rows of these columns (a read model,
    ``storage.read_models``) instead of (light) ``Aanvraag``s. ``na``: the page after this request (keyset
    paging); a ``na`` that is no request is refused (field ``na``)."""
    vereis(actor, "werkvoorraad")
    lijst = list(uow.aanvragen.lijst(status=status, limit=limit, offset=offset, columns=columns, na=na))
    if na is not None and not lijst and not uow.aanvragen.exists(na):
        raise DomainError("Onbekende aanvraag in 'na': geef de id van de laatste aanvraag van de vorige pagina.", "na")
    return lijst


def _wijzig(
    uow: UnitOfWork, actor: Actor, aanvraag_id: str, onderwerp: str, fn: Callable[[Aanvraag], object]
) -> Aanvraag:
    a = _zichtbare(uow, actor, aanvraag_id, "aanvraag.behandelen")
    fn(a)
    log(uow, actor, "wijzigen", onderwerp, client_id=a.client_id)
    uow.commit()
    return a


def neem_in_behandeling(uow: UnitOfWork, actor: Actor, aanvraag_id: str) -> Aanvraag:
    return _wijzig(
        uow, actor, aanvraag_id, "aanvraag in behandeling", lambda a: a.in_behandeling_nemen(actor.gebruiker_id)
    )


def vraag_advies(uow: UnitOfWork, actor: Actor, aanvraag_id: str, data: invoer.AdviesVraagInvoer) -> Aanvraag:
    return _wijzig(uow, actor, aanvraag_id, "advies gevraagd", lambda a: a.advies_vragen(data.aan, data.vraag))


def advies_ontvangen(uow: UnitOfWork, actor: Actor, aanvraag_id: str, data: invoer.AdviesInvoer) -> Aanvraag:
    return _wijzig(uow, actor, aanvraag_id, "advies ontvangen", lambda a: a.advies_ontvangen(data.antwoord))


def verleng(
    uow: UnitOfWork, actor: Actor, aanvraag_id: str, data: invoer.VerlengInvoer, vandaag: dt.date | None = None
) -> Aanvraag:
    vandaag = vandaag or dt.date.today()
    return _wijzig(
        uow, actor, aanvraag_id, "termijn verlengd", lambda a: a.verleng(data.nieuwe_datum, data.reden, vandaag)
    )


def herbeoordeel(uow: UnitOfWork, actor: Actor, aanvraag_id: str) -> Aanvraag:
    """Evaluate again (e.g. after the rules became available); only before a decision."""

    def _doe(a: Aanvraag) -> None:
        if a.status == "besloten":
            raise DomainError("Op deze aanvraag is al besloten.", "status")
        _evalueer(a)

    return _wijzig(uow, actor, aanvraag_id, "aanvraag herberekend", _doe)


def besluit(uow: UnitOfWork, actor: Actor, aanvraag_id: str, data: invoer.BesluitInvoer) -> Aanvraag:
    """Decide every scheme. Amounts of a grant are asked from the rules per calendar year of its period,
    so a multi-year decision carries each year's amount under that year's rules."""

    def _doe(a: Aanvraag) -> None:
        besluitregels = []
        for r in data.regels:
            bedragen: dict[str, float | None] = {}
            berekening: dict[str, dict[str, Any]] = {}
            if r.toegekend and r.van and r.tot and r.tot >= r.van:
                for van, tot in jaren_in_periode(r.van, r.tot):
                    try:
                        b = rules_engine.evaluate_for_period(a.situatie, r.regeling, van, tot)
                    except InputError as exc:
                        raise DomainError(str(exc), f"{r.regeling}.tot") from None
                    bedragen[str(van.year)] = b["waarde"]  # None: unknown, shown as "onbekend"
                    berekening[str(van.year)] = b
            besluitregels.append(
                Besluitregel(
                    regeling=r.regeling,
                    toegekend=r.toegekend,
                    van=r.van,
                    tot=r.tot,
                    bedragen=bedragen,
                    toelichting=r.toelichting,
                    berekening=berekening,
                )
            )
        a.besluiten(besluitregels, data.motivatie, door=actor.gebruiker_id)

    return _wijzig(uow, actor, aanvraag_id, "besluit genomen", _doe)
