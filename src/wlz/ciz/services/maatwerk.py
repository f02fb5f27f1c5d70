"""Use cases of the maatwerkindicatie pilot: record a client's need in hours per function against the profile
amount from the rules, and read the records for the scenario tooling."""

from __future__ import annotations

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


def export(uow: UnitOfWork, actor: Actor) -> list[dict[str, object]]:
    """Every pilot record, tagged, without person data: what the scenario tooling reads."""
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
