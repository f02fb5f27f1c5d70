"""Use cases of the quality review: draw the sample of a period (per unit), judge a sampled decision, the
correctness per unit against the 95% norm."""

from __future__ import annotations

import datetime as dt
import secrets
from collections import defaultdict
from dataclasses import dataclass

from ..domain.gebruiker import Actor
from ..domain.kwaliteit import Juistheid, Toetsing, juistheid, trek
from ..storage.uow import UnitOfWork
from .toegang import NietGevonden, log, vereis

DOEL = "kwaliteitstoets indicatiebesluiten"


def trek_steekproef(
    uow: UnitOfWork, actor: Actor, van: dt.date, tot: dt.date, seed: int | None = None, marge: float = 0.05
) -> list[Toetsing]:
    """The sample of decisions dated ``van`` (inclusive) to ``tot`` (exclusive), per unit; drawn once per period
    (a second call returns the sample already drawn)."""
    vereis(actor, "kwaliteit.toetsen")
    bestaand = list(uow.toetsingen.in_periode(van, tot))
    if bestaand:
        return bestaand
    seed = seed if seed is not None else secrets.randbelow(2**31)
    strata: dict[str, list[str]] = defaultdict(list)
    for a in uow.aanvragen.besloten(van, tot):
        strata[a.eenheid or "onbekend"].append(a.id)
    gekozen = trek(strata, seed, marge=marge)
    out = []
    for eenheid, ids in gekozen.items():
        for aid in ids:
            t = Toetsing(aanvraag_id=aid, eenheid=eenheid, periode_van=van, periode_tot=tot, seed=seed)
            uow.toetsingen.add(t)
            out.append(t)
    log(uow, actor, "aanmaken", f"steekproef {van:%d-%m-%Y} tot {tot:%d-%m-%Y}: {len(out)} besluiten", DOEL)
    uow.commit()
    return out


def oordeel(
    uow: UnitOfWork, actor: Actor, toetsing_id: str, juist: bool, reden: str, op: dt.date | None = None
) -> Toetsing:
    vereis(actor, "kwaliteit.toetsen")
    t = uow.toetsingen.get(toetsing_id)
    if t is None:
        raise NietGevonden("toetsing")
    t.oordeel(juist, reden, actor.gebruiker_id, op or dt.date.today())
    log(uow, actor, "wijzigen", f"toetsing {'juist' if juist else 'onjuist'}", DOEL, t.aanvraag_id)
    uow.commit()
    return t


@dataclass(frozen=True)
class Overzicht:
    """A period's sample and its feedback: per unit, per team (a unit's team, the decider's at the time of the
    decision) and per indicatiesteller (seed 003 r.68-74)."""

    lijst: list[Toetsing]
    per_eenheid: list[Juistheid]
    per_team: list[Juistheid]
    per_steller: list[Juistheid]


def overzicht(uow: UnitOfWork, actor: Actor, van: dt.date, tot: dt.date) -> Overzicht:
    vereis(actor, "kwaliteit.toetsen")
    lijst = list(uow.toetsingen.in_periode(van, tot))
    namen: dict[str, str] = {}
    teams: dict[str, str] = {}
    huidige_teams = uow.teamleden.alle()
    for t in lijst:
        a = uow.aanvragen.get(t.aanvraag_id)
        door = a.besloten_door if a is not None else None
        g = uow.gebruikers.get(door) if door else None
        namen[t.aanvraag_id] = g.gebruikersnaam if g is not None else "onbekend"
        # the team recorded with the decision; for a decision from before teams were kept, the decider's team now
        huidig = huidige_teams.get(door) if door else None
        teams[t.aanvraag_id] = (a.team if a is not None else "") or (huidig.label if huidig else "") or "onbekend"
    log(uow, actor, "lezen", f"steekproef {van:%d-%m-%Y} tot {tot:%d-%m-%Y}", DOEL)
    uow.commit()
    return Overzicht(lijst, juistheid(lijst), juistheid(lijst, teams), juistheid(lijst, namen))


def juistheid_jaar(uow: UnitOfWork, actor: Actor, jaar: int) -> list[Juistheid]:
    """Correctness of every sample of periods within ``jaar`` (the dashboard; no person data)."""
    vereis(actor, "dashboard.lezen")
    return juistheid(list(uow.toetsingen.alle(dt.date(jaar, 1, 1), dt.date(jaar + 1, 1, 1))))
