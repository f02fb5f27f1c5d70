"""Use cases of the maatwerkindicatie pilot: record a client's need in hours per function against the profile
amount from the rules, and read the records for the scenario tooling."""

from __future__ import annotations

import datetime as dt

from wlz.common.errors import InputError

from ..adapters.rules_engine import profielbedrag
from ..domain.gebruiker import Actor
from ..domain.maatwerk import Behoefte, Maatwerkindicatie
from ..storage.uow import UnitOfWork
from .toegang import NietGevonden, log, vereis

DOEL = "pilot maatwerkindicatie"


def leg_vast(
    uow: UnitOfWork,
    actor: Actor,
    aanvraag_id: str,
    *,
    pilotgroep: str,
    jaar: int,
    behoeften: list[Behoefte],
    context: str = "",
    voorkeuren: str = "",
) -> Maatwerkindicatie:
    vereis(actor, "maatwerk.vastleggen")
    a = uow.aanvragen.get(aanvraag_id)
    if a is None:
        raise NietGevonden("aanvraag")
    if a.uitkomst != "toegekend" or a.zorgprofiel is None:
        raise InputError("aanvraag", "Alleen bij een toegekend besluit met een zorgprofiel.")
    if not 2015 <= jaar <= 2100:
        raise InputError("jaar", "Een jaar vanaf 2015.")
    m = Maatwerkindicatie(
        aanvraag_id=a.id,
        pilotgroep=pilotgroep,
        jaar=jaar,
        behoeften=behoeften,
        context=context,
        voorkeuren=voorkeuren,
        profielbedrag=profielbedrag(a.zorgprofiel, jaar),
        vastgelegd_door=actor.gebruiker_id,
    )
    uow.maatwerk.add(m)
    log(uow, actor, "aanmaken", "maatwerkindicatie (pilot)", DOEL, a.id)
    uow.commit()
    return m


def van_aanvraag(uow: UnitOfWork, actor: Actor, aanvraag_id: str) -> list[Maatwerkindicatie]:
    vereis(actor, "maatwerk.lezen")
    return list(uow.maatwerk.van_aanvraag(aanvraag_id))


def leeftijd(geboortedatum: dt.date, jaar: int) -> int:
    """Age in whole years on 1 January of ``jaar``: what the scenario needs for the gebruikelijke zorg of parents
    for a child (an age band), without exporting the date of birth itself."""
    peil = dt.date(jaar, 1, 1)
    return peil.year - geboortedatum.year - ((peil.month, peil.day) < (geboortedatum.month, geboortedatum.day))


def export(uow: UnitOfWork, actor: Actor) -> list[dict[str, object]]:
    """Every pilot record, tagged, without person data (no BSN, name, address, date of birth or request id): what
    the scenario tooling reads. Per record the hours per function (``behoeften``) and the client's age on 1 January
    of ``jaar`` (``leeftijd``, for the gebruikelijke zorg of parents); the pilot records partner and mantelzorg
    only in the free text ``context``, so they are not exported as figures."""
    vereis(actor, "maatwerk.lezen")
    out: list[dict[str, object]] = []
    for m in uow.maatwerk.alle():
        a = uow.aanvragen.get(m.aanvraag_id)
        out.append(
            {
                "pilot": "maatwerkindicatie",
                "id": m.id,
                "pilotgroep": m.pilotgroep,
                "jaar": m.jaar,
                "zorgprofiel": a.zorgprofiel if a else None,
                "leeftijd": leeftijd(a.geboortedatum, m.jaar) if a else None,
                "behoeften": m.behoeften_json,
                "context": m.context,
                "voorkeuren": m.voorkeuren,
                "bedrag": str(m.bedrag),
                "profielbedrag": None if m.profielbedrag is None else str(m.profielbedrag),
                "verschil": None if m.verschil is None else str(m.verschil),
            }
        )
    log(uow, actor, "lezen", f"export pilot maatwerkindicatie ({len(out)})", DOEL)
    uow.commit()
    return out
