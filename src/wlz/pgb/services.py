"""The pgb use cases. Each one is a unit of work: it checks who may do it (``Actor``: budgethouder for their own
file, zorgverlener for their own agreements and payments, beoordelaar of the zorgkantoor), writes the NEN 7513
access-log line in the same transaction, and saves all or nothing.

Concurrency: a declaration locks its beschikking's row (``SELECT ... FOR UPDATE`` on PostgreSQL; on SQLite the
writing unit of work holds the database's write lock from its start, after the platform's write turn), so two
declarations for the last euros of a budget are decided one after the other: exactly one is paid."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from wlz.common.errors import InputError
from wlz.platform import access_log, login
from wlz.platform import auth as platform_auth
from wlz.platform.auth import now
from wlz.platform.throttle import LoginPolicy
from wlz.platform.uow import UnitOfWorkFactory

from .adapters import rules, sepa
from .domain import betaalbestand, bronnen, einde, model
from .domain.grootboek import Grootboek
from .domain.zorgruimte import Bemiddeling
from .storage import orm
from .storage.uow import PgbUnitOfWork

Uows = UnitOfWorkFactory[PgbUnitOfWork]

BUDGETHOUDER = "budgethouder"
ZORGVERLENER = "zorgverlener"
BEOORDELAAR = "beoordelaar"
#: manages the accounts of the pgb administration (no access to files)
BEHEERDER = "beheerder"
ROLLEN = (BUDGETHOUDER, ZORGVERLENER, BEOORDELAAR, BEHEERDER)


class GeenToegang(Exception):
    """The actor may not see or do this (a 403/404 at the edge; the message names no person)."""


@dataclass(frozen=True)
class Actor:
    gebruiker_id: str
    gebruikersnaam: str
    rol: str
    kanaal: str = "api"
    budgethouder_id: str | None = None
    zorgverlener_id: str | None = None
    session_version: int = 0


class PgbBeschikking(BaseModel):
    """The documented interface from the zorgkantoor: its pgb decision for one client and one calendar year
    (docs/pgb.md). ``bedrag`` (euro) only where the rules know no amount for the year; otherwise it must equal
    what the rules compute, or be left out."""

    beschikking_id: str = Field(min_length=1, max_length=32)
    client_id: str = Field(min_length=1, max_length=32)
    zorgprofiel: str
    van: dt.date
    tot: dt.date
    zorgkantoor: str = ""
    regeling: str = Field(default="wlz", pattern="^(wlz|awbz)$")
    bedrag: float | None = None
    #: where ``bedrag`` comes from (the zorgkantoor's export: the rules' sources, or ``onbekend`` with no amount)
    bedrag_bron: str | None = Field(default=None, max_length=1000)
    gewaarborgde_hulp: str | None = Field(default=None, max_length=200)
    minderjarig: bool = False
    #: ``mpt_pgb``: the pgb part of a modulair pakket thuis with a pgb (Wlz art. 3.3.3; the rest is delivered in
    #: natura), whose ``bedrag`` is the part the zorgkantoor set, at most the rules' whole pgb for the period
    leveringsvorm: str = Field(default="pgb", pattern="^(pgb|mpt_pgb)$")


def _id() -> str:
    return uuid.uuid4().hex


def _log(s: Session, actor: Actor, actie: str, onderwerp: str, client_id: str | None) -> None:
    access_log.AccessLog(s, orm.toegangslog).write(
        access_log.line(actor, actie, onderwerp, "uitvoering pgb (Wlz art. 3.3.3)", client_id)
    )


def _rol(actor: Actor, *rollen: str) -> None:
    if actor.rol not in rollen:
        raise GeenToegang("geen toegang")


def _beschikking(s: Session, beschikking_id: str, *, lock: bool = False) -> model.Beschikking:
    q = sa.select(orm.beschikkingen).where(orm.beschikkingen.c.id == beschikking_id)
    if lock:
        q = q.with_for_update()
    row = s.execute(q).mappings().first()
    if row is None:
        raise GeenToegang("niet gevonden")
    return _beschikking_uit(row)


def _beschikkingen(s: Session, q: sa.Select[Any]) -> list[model.Beschikking]:
    """The beschikkingen a query over ``pgb_beschikkingen`` selects, as domain objects (the batch path)."""
    return [_beschikking_uit(r) for r in s.execute(q).mappings()]


def _beschikking_uit(row: Any) -> model.Beschikking:
    return model.Beschikking(
        id=row["id"],
        budgethouder_id=row["budgethouder_id"],
        zorgprofiel=row["zorgprofiel"],
        cod163=row["cod163"],
        van=row["van"],
        tot=row["tot"],
        budget_cent=row["budget"],
        regeling=row["regeling"],
        zorgkantoor=row["zorgkantoor"],
        gewaarborgde_hulp_vereist=row["gewaarborgde_hulp_vereist"],
        gewaarborgde_hulp=row["gewaarborgde_hulp"],
        budget_bron=row["budget_bron"],
        minderjarig=row["minderjarig"],
    )


def _grootboek(s: Session, beschikking_id: str) -> Grootboek:
    c = orm.beschikkingen.c
    row = s.execute(
        sa.select(c.budget, c.beschikbaar, c.gereserveerd, c.betaald, c.teruggegeven).where(c.id == beschikking_id)
    ).one()
    return Grootboek(*row)


def _bewaar(s: Session, beschikking_id: str, g: Grootboek, soort: str, bedrag: int, ref: str | None) -> None:
    if not g.in_balans:  # the domain never lets this happen; refuse to store it if it did
        raise RuntimeError("grootboek niet in balans")
    s.execute(
        sa.update(orm.beschikkingen)
        .where(orm.beschikkingen.c.id == beschikking_id)
        .values(beschikbaar=g.beschikbaar, gereserveerd=g.gereserveerd, betaald=g.betaald, teruggegeven=g.teruggegeven)
    )
    s.execute(
        sa.insert(orm.boekingen).values(
            beschikking_id=beschikking_id, soort=soort, bedrag=bedrag, verwijzing=ref, tijdstip=now()
        )
    )


def _lock_budgethouder(s: Session, budgethouder_id: str) -> None:
    """Lock every beschikking of the budgethouder, in id order (PostgreSQL FOR UPDATE; SQLite: the writing unit of
    work already holds the write lock)."""
    c = orm.beschikkingen.c
    s.execute(sa.select(c.id).where(c.budgethouder_id == budgethouder_id).order_by(c.id).with_for_update()).all()


def _mag_dossier(actor: Actor, b: model.Beschikking) -> None:
    if actor.rol == BEOORDELAAR:
        return
    if actor.rol == BUDGETHOUDER and actor.budgethouder_id == b.budgethouder_id:
        return
    raise GeenToegang("niet gevonden")


def _overeenkomst(s: Session, overeenkomst_id: str, *, lock: bool = False) -> tuple[model.Zorgovereenkomst, int]:
    q = sa.select(orm.overeenkomsten).where(orm.overeenkomsten.c.id == overeenkomst_id)
    if lock:
        q = q.with_for_update()
    r = s.execute(q).mappings().first()
    if r is None:
        raise GeenToegang("niet gevonden")
    return _overeenkomst_uit(r)


def _overeenkomsten(s: Session, q: sa.Select[Any]) -> list[tuple[model.Zorgovereenkomst, int]]:
    """The agreements a query over ``pgb_zorgovereenkomsten`` selects, with their reservation (the batch path)."""
    return [_overeenkomst_uit(r) for r in s.execute(q).mappings()]


def _overeenkomst_uit(r: Any) -> tuple[model.Zorgovereenkomst, int]:
    o = model.Zorgovereenkomst(
        id=r["id"],
        beschikking_id=r["beschikking_id"],
        zorgverlener_id=r["zorgverlener_id"],
        functie=r["functie"],
        zorgbeschrijving=r["zorgbeschrijving"],
        uren_per_week=r["uren_per_week"],
        uurtarief_cent=r["uurtarief"],
        van=r["van"],
        tot=r["tot"],
        derdenbeding=r["derdenbeding"],
        soort=model.SoortZorgverlener(r["soort"]),
        ondertekend_op=r["ondertekend_op"],
        status=model.Status(r["status"]),
    )
    return o, int(r["gereserveerd"])


def _betaalde_in_weken(
    s: Session, budgethouder_id: str, zorgverlener_id: str, decl: model.Declaratie
) -> list[tuple[int, dt.date, dt.date]]:
    """(minutes, van, tot) of the zorgverlener's paid declarations for this budgethouder that touch the calendar
    weeks of ``decl``: what the weekly limit adds up. Under every beschikking of the budgethouder: the week
    across New Year holds the hours of both years (Rlz art. 5.18 onder d counts per week, not per budget)."""
    d, o, b = orm.declaraties.c, orm.overeenkomsten.c, orm.beschikkingen.c
    if decl.tot < decl.van:
        return []
    eerste = model.maandag(decl.van)
    laatste = model.maandag(decl.tot) + dt.timedelta(days=6)
    rows = s.execute(
        sa.select(d.minuten, d.van, d.tot)
        .select_from(orm.declaraties.join(orm.overeenkomsten).join(orm.beschikkingen))
        .where(
            # no index on the zorgverlener (it may have thousands of agreements): the way in is the
            # budgethouder's beschikkingen, then their agreements
            o.zorgverlener_id + "" == zorgverlener_id,
            b.budgethouder_id == budgethouder_id,
            d.betaald.is_(True),
            d.van <= laatste,
            d.tot >= eerste,
        )
    ).all()
    return [(int(m), v, t) for m, v, t in rows]


# --- use cases -------------------------------------------------------------------------------------------------


def _pgb_deel(record: PgbBeschikking, geheel: int | None) -> tuple[int, str]:
    """The budget of an mpt+pgb decision: the pgb part the zorgkantoor set (never more than the whole pgb the rules
    compute for the period, where they know it)."""
    if record.bedrag is None:
        raise InputError("bedrag", "geef het bedrag van het pgb-deel (mpt met pgb) op")
    if record.bedrag < 0:
        raise InputError("bedrag", "het bedrag kan niet negatief zijn")
    deel = round(record.bedrag * 100)
    if geheel is not None and deel > geheel:
        raise InputError("bedrag", f"het pgb-deel is hoger dan het hele pgb van de regels (€ {geheel / 100:.2f})")
    return deel, f"pgb-deel van mpt met pgb: {record.bedrag_bron or 'opgegeven door het zorgkantoor'}"


def registreer_beschikking(uows: Uows, actor: Actor, record: PgbBeschikking) -> str:
    """Take over the zorgkantoor's decision; the budget from the rules (or the record where the rules know none)."""
    _rol(actor, BEOORDELAAR)
    rules.check_profiel(record.zorgprofiel)
    berekend, bron = (
        rules.budget(record.zorgprofiel, record.van, record.tot) if record.van <= record.tot else (None, "")
    )
    if record.leveringsvorm == "mpt_pgb":
        budget, bron = _pgb_deel(record, berekend)
    elif berekend is None:
        if record.bedrag is None:
            raise InputError("bedrag", f"de regels kennen geen pgb-bedrag voor {record.van.year}: geef het bedrag op")
        if record.bedrag < 0:
            raise InputError("bedrag", "het bedrag kan niet negatief zijn")
        budget, bron = round(record.bedrag * 100), "opgegeven door de gebruiker (regels: onbekend)"
    else:
        if record.bedrag is not None and round(record.bedrag * 100) != berekend:
            raise InputError("bedrag", f"wijkt af van het bedrag van de regels (€ {berekend / 100:.2f})")
        budget = berekend
    b = model.Beschikking(
        id=record.beschikking_id,
        budgethouder_id=record.client_id,
        zorgprofiel=record.zorgprofiel,
        cod163=rules.cod163(record.zorgprofiel),
        van=record.van,
        tot=record.tot,
        budget_cent=budget,
        regeling=record.regeling,
        zorgkantoor=record.zorgkantoor,
        gewaarborgde_hulp_vereist=rules.gewaarborgde_hulp_vereist(record.zorgprofiel),
        gewaarborgde_hulp=record.gewaarborgde_hulp,
        budget_bron=bron[:300],
        minderjarig=record.minderjarig,
    )
    b.check()
    with uows(write=True) as uow:
        s = uow.session
        if s.execute(sa.select(orm.beschikkingen.c.id).where(orm.beschikkingen.c.id == b.id)).first():
            raise InputError("beschikking_id", "deze beschikking is al geregistreerd")
        s.execute(
            sa.insert(orm.beschikkingen).values(
                id=b.id,
                budgethouder_id=b.budgethouder_id,
                zorgprofiel=b.zorgprofiel,
                cod163=b.cod163,
                van=b.van,
                tot=b.tot,
                regeling=b.regeling,
                zorgkantoor=b.zorgkantoor,
                gewaarborgde_hulp_vereist=b.gewaarborgde_hulp_vereist,
                gewaarborgde_hulp=b.gewaarborgde_hulp,
                minderjarig=b.minderjarig,
                budget_bron=b.budget_bron,
                budget=budget,
                beschikbaar=budget,
                gereserveerd=0,
                betaald=0,
                teruggegeven=0,
            )
        )
        s.execute(sa.insert(orm.boekingen).values(beschikking_id=b.id, soort="budget", bedrag=budget, tijdstip=now()))
        _log(s, actor, "aanmaken", f"pgb-beschikking {b.id}", b.budgethouder_id)
        uow.commit()
    return b.id


def dien_budgetplan_in(
    uows: Uows,
    actor: Actor,
    beschikking_id: str,
    regels: Sequence[model.Planregel],
    weigergronden: Sequence[str] = (),
    bemiddeling: Bemiddeling | None = None,
) -> str:
    """A budgetplan, checked against the budget, the rates, the client's zorgprofiel (functies, hours) and the
    bemiddelingskosten cap (``model.check_budgetplan``)."""
    _rol(actor, BUDGETHOUDER, BEOORDELAAR)
    with uows(write=True) as uow:
        s = uow.session
        b = _beschikking(s, beschikking_id)
        _mag_dossier(actor, b)
        ruimte = rules.zorgruimte(b.zorgprofiel, b.van, b.tot)
        model.check_budgetplan(b, regels, rules.uurtarief(b.jaar), weigergronden, ruimte, bemiddeling)
        plan_id = _id()
        s.execute(
            sa.insert(orm.budgetplannen).values(
                id=plan_id,
                beschikking_id=b.id,
                status=model.Status.ingediend.value,
                ingediend_op=now(),
                bemiddelingskosten=bemiddeling.bedrag_cent if bemiddeling and bemiddeling.bedrag_cent else None,
                regels=[
                    {
                        "functie": r.functie,
                        "uren": r.uren,
                        "uurtarief": r.uurtarief_cent,
                        "zorgverlener": r.zorgverlener,
                        "soort": r.soort.value,
                    }
                    for r in regels
                ],
            )
        )
        _log(s, actor, "aanmaken", f"budgetplan {plan_id}", b.budgethouder_id)
        uow.commit()
    return plan_id


def beoordeel_budgetplan(uows: Uows, actor: Actor, plan_id: str, goedkeuren: bool, reden: str) -> None:
    _rol(actor, BEOORDELAAR)
    if not reden.strip():
        raise InputError("reden", "geef een reden")
    with uows(write=True) as uow:
        s = uow.session
        row = s.execute(sa.select(orm.budgetplannen).where(orm.budgetplannen.c.id == plan_id)).mappings().first()
        if row is None:
            raise GeenToegang("niet gevonden")
        status = model.Status.goedgekeurd if goedkeuren else model.Status.afgewezen
        s.execute(
            sa.update(orm.budgetplannen)
            .where(orm.budgetplannen.c.id == plan_id)
            .values(status=status.value, reden=reden)
        )
        b = _beschikking(s, row["beschikking_id"])
        _log(s, actor, "wijzigen", f"budgetplan {plan_id}: {status.value}", b.budgethouder_id)
        uow.commit()


def dien_overeenkomst_in(
    uows: Uows, actor: Actor, o: model.Zorgovereenkomst, overgang_derdenbeding: dt.date | None = None
) -> tuple[str, list[str]]:
    _rol(actor, BUDGETHOUDER, BEOORDELAAR)
    with uows(write=True) as uow:
        s = uow.session
        b = _beschikking(s, o.beschikking_id)
        _mag_dossier(actor, b)
        waarschuwingen = model.check_zorgovereenkomst(
            o, b, rules.uurtarief(b.jaar), overgang_derdenbeding, rules.zorgruimte(b.zorgprofiel, b.van, b.tot)
        )
        oid = o.id or _id()
        s.execute(
            sa.insert(orm.overeenkomsten).values(
                id=oid,
                beschikking_id=b.id,
                zorgverlener_id=o.zorgverlener_id,
                soort=o.soort.value,
                functie=o.functie,
                zorgbeschrijving=o.zorgbeschrijving,
                uren_per_week=o.uren_per_week,
                uurtarief=o.uurtarief_cent,
                van=o.van,
                tot=o.tot,
                derdenbeding=o.derdenbeding,
                ondertekend_op=o.ondertekend_op,
                status=model.Status.ingediend.value,
                waarschuwing="; ".join(waarschuwingen) or None,
                gereserveerd=0,
            )
        )
        _log(s, actor, "aanmaken", f"zorgovereenkomst {oid}", b.budgethouder_id)
        uow.commit()
    return oid, waarschuwingen


def beoordeel_overeenkomst(uows: Uows, actor: Actor, overeenkomst_id: str, goedkeuren: bool, reden: str) -> None:
    """Approval reserves the agreement's amount (Blz art. 3.6.4); refused when the budget cannot carry it."""
    _rol(actor, BEOORDELAAR)
    if not reden.strip():
        raise InputError("reden", "geef een reden")
    with uows(write=True) as uow:
        s = uow.session
        o, _ = _overeenkomst(s, overeenkomst_id)
        b = _beschikking(s, o.beschikking_id, lock=True)
        if o.status is not model.Status.ingediend:
            raise InputError("status", "deze zorgovereenkomst is al beoordeeld")
        reservering = 0
        if goedkeuren:
            g = _grootboek(s, b.id)
            reservering = min(o.bedrag_cent, g.beschikbaar)
            if reservering <= 0:
                raise InputError("bedrag", "er is geen budget meer beschikbaar voor deze zorgovereenkomst")
            g.reserveer(reservering)
            _bewaar(s, b.id, g, "reservering", reservering, o.id)
        status = model.Status.goedgekeurd if goedkeuren else model.Status.afgewezen
        s.execute(
            sa.update(orm.overeenkomsten)
            .where(orm.overeenkomsten.c.id == o.id)
            .values(status=status.value, reden=reden, gereserveerd=reservering)
        )
        _log(s, actor, "wijzigen", f"zorgovereenkomst {o.id}: {status.value}", b.budgethouder_id)
        uow.commit()


def dien_declaratie_in(
    uows: Uows,
    actor: Actor,
    overeenkomst_id: str,
    van: dt.date,
    tot: dt.date,
    uren: float,
    bedrag_cent: int,
    ingediend_op: dt.date | None = None,
) -> model.Oordeel:
    """A declaration of the budgethouder or the zorgverlener: paid to the zorgverlener or refused with the rule."""
    _rol(actor, BUDGETHOUDER, ZORGVERLENER)
    ingediend = ingediend_op or dt.date.today()
    with uows(write=True) as uow:
        s = uow.session
        o, _ = _overeenkomst(s, overeenkomst_id)
        # the locks on the budgethouder's beschikkingen serialise every payment of this budget and every
        # declaration that counts in the same weeks (PostgreSQL: FOR UPDATE, in id order as the batch path)
        _lock_budgethouder(s, _beschikking(s, o.beschikking_id).budgethouder_id)
        b = _beschikking(s, o.beschikking_id)
        o, resterend = _overeenkomst(s, overeenkomst_id, lock=True)
        if actor.rol == ZORGVERLENER and actor.zorgverlener_id != o.zorgverlener_id:
            raise GeenToegang("niet gevonden")
        if actor.rol == BUDGETHOUDER and actor.budgethouder_id != b.budgethouder_id:
            raise GeenToegang("niet gevonden")
        decl = model.Declaratie(overeenkomst_id, van, tot, uren, bedrag_cent, ingediend)
        eerdere = _betaalde_in_weken(s, b.budgethouder_id, o.zorgverlener_id, decl)
        oordeel = model.beoordeel_declaratie(decl, o, b, resterend, eerdere)
        did = _id()
        s.execute(
            sa.insert(orm.declaraties).values(
                id=did,
                overeenkomst_id=o.id,
                van=van,
                tot=tot,
                uren=uren,
                minuten=decl.minuten,
                bedrag=bedrag_cent,
                ingediend_op=ingediend,
                betaald=oordeel.betalen,
                reden=oordeel.reden or None,
                regel=oordeel.regel,
            )
        )
        if oordeel.betalen and oordeel.uiterlijk is not None:
            g = _grootboek(s, b.id)
            g.betaal(bedrag_cent)
            _bewaar(s, b.id, g, "betaling", bedrag_cent, did)
            s.execute(
                sa.update(orm.overeenkomsten)
                .where(orm.overeenkomsten.c.id == o.id)
                .values(gereserveerd=resterend - bedrag_cent)
            )
            s.execute(
                sa.insert(orm.betalingen).values(
                    id=_id(),
                    declaratie_id=did,
                    beschikking_id=b.id,
                    zorgverlener_id=o.zorgverlener_id,
                    bedrag=bedrag_cent,
                    uiterlijk=oordeel.uiterlijk,
                )
            )
        _log(s, actor, "aanmaken", f"declaratie {did}", b.budgethouder_id)
        uow.commit()
    return oordeel


def corrigeer_betaling(uows: Uows, actor: Actor, declaratie_id: str, reden: str) -> None:
    """A payment reversed (paid back, or found wrong before it left): the amount goes back into the agreement's
    reservation; the declaration is marked unpaid with the reason. A payment that cannot be reversed this way
    (the money is gone) becomes a vordering instead (``registreer_vordering``)."""
    _rol(actor, BEOORDELAAR)
    if not reden.strip():
        raise InputError("reden", "geef een reden")
    with uows(write=True) as uow:
        s = uow.session
        d = s.execute(sa.select(orm.declaraties).where(orm.declaraties.c.id == declaratie_id)).mappings().first()
        if d is None:
            raise GeenToegang("niet gevonden")
        o, _ = _overeenkomst(s, d["overeenkomst_id"])
        b = _beschikking(s, o.beschikking_id, lock=True)
        if not d["betaald"]:
            raise InputError("declaratie_id", "deze declaratie is niet betaald")
        vastgesteld = s.execute(
            sa.select(orm.beschikkingen.c.vastgesteld_op).where(orm.beschikkingen.c.id == b.id)
        ).scalar_one()
        if vastgesteld is not None:
            raise InputError("declaratie_id", "de beschikking is al vastgesteld: registreer een vordering")
        g = _grootboek(s, b.id)
        g.corrigeer(d["bedrag"])
        _bewaar(s, b.id, g, "correctie", d["bedrag"], declaratie_id)
        s.execute(
            sa.update(orm.overeenkomsten)
            .where(orm.overeenkomsten.c.id == o.id)
            .values(gereserveerd=orm.overeenkomsten.c.gereserveerd + d["bedrag"])
        )
        s.execute(sa.delete(orm.betalingen).where(orm.betalingen.c.declaratie_id == declaratie_id))
        s.execute(
            sa.update(orm.declaraties)
            .where(orm.declaraties.c.id == declaratie_id)
            .values(betaald=False, reden=f"gecorrigeerd: {reden}"[:2000], regel=None)
        )
        _log(s, actor, "wijzigen", f"correctie declaratie {declaratie_id}", b.budgethouder_id)
        uow.commit()


def stel_vast(
    uows: Uows, actor: Actor, beschikking_id: str, vrij_cent: int | None = None, vandaag: dt.date | None = None
) -> model.Vaststelling:
    """Vaststelling after the period (Rlz art. 5.21): unpaid budget returned; the verantwoordingsvrij bedrag of
    the year from the law where known (2015), else ``vrij_cent`` as the user supplies it."""
    _rol(actor, BEOORDELAAR)
    with uows(write=True) as uow:
        s = uow.session
        b = _beschikking(s, beschikking_id, lock=True)
        if (vandaag or dt.date.today()) <= b.tot:
            raise InputError("beschikking_id", "de subsidieperiode is nog niet afgelopen", "Rlz art. 5.21, lid 1")
        row = s.execute(
            sa.select(orm.beschikkingen.c.vastgesteld_op).where(orm.beschikkingen.c.id == b.id)
        ).scalar_one()
        if row is not None:
            raise InputError("beschikking_id", "deze beschikking is al vastgesteld")
        g = _grootboek(s, b.id)
        terug = g.stel_vast()
        if terug:
            _bewaar(s, b.id, g, "teruggave", terug, None)
        s.execute(
            sa.update(orm.overeenkomsten).where(orm.overeenkomsten.c.beschikking_id == b.id).values(gereserveerd=0)
        )
        vrij = model.verantwoordingsvrij_cent(b, bronnen.VERANTWOORDINGSVRIJ.get(b.jaar))
        if vrij is None:
            vrij = vrij_cent
        v = model.vaststelling(b, g.betaald, terug, vrij)
        s.execute(
            sa.update(orm.beschikkingen)
            .where(orm.beschikkingen.c.id == b.id)
            .values(vastgesteld=v.vastgesteld_cent, vastgesteld_op=dt.date.today())
        )
        _log(s, actor, "wijzigen", f"vaststelling {b.id}", b.budgethouder_id)
        uow.commit()
    return v


def registreer_vordering(
    uows: Uows,
    actor: Actor,
    beschikking_id: str,
    veroorzaker: model.Debiteur,
    debiteur_id: str,
    oorzaak: str,
    bedrag_cent: int,
    datum: dt.date,
    te_goeder_trouw: bool = False,
    overeenkomst_id: str | None = None,
) -> model.Vordering:
    _rol(actor, BEOORDELAAR)
    if bedrag_cent <= 0:
        raise InputError("bedrag", "het bedrag moet groter dan nul zijn")
    if not oorzaak.strip():
        raise InputError("oorzaak", "geef de oorzaak")
    with uows(write=True) as uow:
        s = uow.session
        b = _beschikking(s, beschikking_id)
        derdenbeding = False
        if overeenkomst_id:
            o, _ = _overeenkomst(s, overeenkomst_id)
            derdenbeding = o.derdenbeding
        soort = model.kies_debiteur(veroorzaker, b, te_goeder_trouw, derdenbeding)
        v = model.Vordering(
            _id(),
            b.id,
            soort,
            debiteur_id if soort is veroorzaker else b.budgethouder_id,
            oorzaak,
            bedrag_cent,
            datum,
            regeling=b.regeling,
            zorgkantoor=b.zorgkantoor,
        )
        s.execute(
            sa.insert(orm.vorderingen).values(
                id=v.id,
                beschikking_id=b.id,
                debiteur_type=v.debiteur_type.value,
                debiteur_id=v.debiteur_id,
                oorzaak=v.oorzaak,
                bedrag=v.bedrag_cent,
                datum=v.datum,
                status=v.status.value,
                regeling=v.regeling,
                zorgkantoor=v.zorgkantoor,
            )
        )
        _historie(s, actor, v.id, v.status, v.datum)
        _log(s, actor, "aanmaken", f"vordering {v.id}", b.budgethouder_id)
        uow.commit()
    return v


def _historie(s: Session, actor: Actor, vordering_id: str, status: model.VorderingStatus, vanaf: dt.date) -> None:
    s.execute(
        sa.insert(orm.vordering_statussen).values(
            vordering_id=vordering_id,
            status=status.value,
            geldig_vanaf=vanaf,
            tijdstip=now(),
            gebruiker_id=actor.gebruiker_id,
            gebruikersnaam=actor.gebruikersnaam,
        )
    )


def wijzig_vordering(
    uows: Uows, actor: Actor, vordering_id: str, status: model.VorderingStatus, per: dt.date | None = None
) -> str:
    """A vordering's status (open, betalingsregeling, afgeboekt, betaald) from day ``per`` (default today); a
    closed one (afgeboekt, betaald) stays closed. Every change is kept (who, when, from which day): the report at a
    past peildatum uses the status of that day. Returns the beschikking id."""
    _rol(actor, BEOORDELAAR)
    v = orm.vorderingen
    h = orm.vordering_statussen.c
    vanaf = per or dt.date.today()
    with uows(write=True) as uow:
        s = uow.session
        row = s.execute(sa.select(v.c.beschikking_id, v.c.status, v.c.datum).where(v.c.id == vordering_id)).first()
        if row is None:
            raise GeenToegang("niet gevonden")
        if row.status in (model.VorderingStatus.afgeboekt.value, model.VorderingStatus.betaald.value):
            raise InputError("status", f"deze vordering is al {row.status}")
        laatste = s.execute(sa.select(sa.func.max(h.geldig_vanaf)).where(h.vordering_id == vordering_id)).scalar()
        if vanaf > dt.date.today():
            raise InputError("per", "de datum ligt in de toekomst")
        if vanaf < row.datum or (laatste is not None and vanaf < laatste):
            raise InputError("per", "de datum ligt voor de vorige statuswijziging of de datum van de vordering")
        s.execute(sa.update(v).where(v.c.id == vordering_id).values(status=status.value))
        _historie(s, actor, vordering_id, status, vanaf)
        b = _beschikking(s, row.beschikking_id)
        _log(s, actor, "wijzigen", f"vordering {vordering_id}: {status.value}", b.budgethouder_id)
        uow.commit()
    return str(row.beschikking_id)


def vordering_brief(uows: Uows, actor: Actor, vordering_id: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """A vordering with its beschikking, for the letter to the debtor: the beoordelaar; the budgethouder of the
    file; a zorgverlener only for a vordering on itself. Returns (``{"beschikking": ...}``, the vordering's row)."""
    with uows(write=True) as uow:
        s = uow.session
        v = s.execute(sa.select(orm.vorderingen).where(orm.vorderingen.c.id == vordering_id)).mappings().first()
        if v is None:
            raise GeenToegang("niet gevonden")
        b = _beschikking(s, v["beschikking_id"])
        if actor.rol == ZORGVERLENER:
            if not (
                v["debiteur_type"] == model.Debiteur.zorgverlener.value and v["debiteur_id"] == actor.zorgverlener_id
            ):
                raise GeenToegang("niet gevonden")
        else:
            _mag_dossier(actor, b)
        _log(s, actor, "inzien", f"brief vordering {vordering_id}", b.budgethouder_id)
        uow.commit()
    return {"beschikking": b}, dict(v)


def dossier(uows: Uows, actor: Actor, beschikking_id: str) -> dict[str, Any]:
    """The budgethouder's file: beschikking, ledger, plans, agreements, declarations (a zorgverlener: only own)."""
    with uows() as uow:
        s = uow.session
        b = _beschikking(s, beschikking_id)
        if actor.rol == ZORGVERLENER:
            eigen = s.execute(
                sa.select(orm.overeenkomsten.c.id).where(
                    orm.overeenkomsten.c.beschikking_id == b.id,
                    orm.overeenkomsten.c.zorgverlener_id == actor.zorgverlener_id,
                )
            ).first()
            if eigen is None:
                raise GeenToegang("niet gevonden")
        else:
            _mag_dossier(actor, b)
        g = _grootboek(s, b.id)
        ovk = orm.overeenkomsten
        q = sa.select(ovk).where(ovk.c.beschikking_id == b.id)
        if actor.rol == ZORGVERLENER:
            q = q.where(ovk.c.zorgverlener_id == actor.zorgverlener_id)
        overeenkomsten = [dict(r) for r in s.execute(q).mappings()]
        ids = [o["id"] for o in overeenkomsten]
        decl = [
            dict(r)
            for r in s.execute(
                sa.select(orm.declaraties)
                .where(orm.declaraties.c.overeenkomst_id.in_(ids))
                .order_by(orm.declaraties.c.van)
            ).mappings()
        ]
        plannen = (
            []
            if actor.rol == ZORGVERLENER
            else [
                dict(r)
                for r in s.execute(
                    sa.select(orm.budgetplannen).where(orm.budgetplannen.c.beschikking_id == b.id)
                ).mappings()
            ]
        )
        vorderingen = (
            []
            if actor.rol == ZORGVERLENER
            else [
                dict(r)
                for r in s.execute(
                    sa.select(orm.vorderingen).where(orm.vorderingen.c.beschikking_id == b.id)
                ).mappings()
            ]
        )
        bc = orm.beschikkingen.c
        vast = s.execute(
            sa.select(
                bc.vastgesteld,
                bc.vastgesteld_op,
                bc.beeindigd_per,
                bc.einde_reden,
                bc.oorspronkelijk_tot,
                bc.oorspronkelijk_budget,
            ).where(bc.id == b.id)
        ).one()
        _log(s, actor, "inzien", f"pgb-dossier {b.id}", b.budgethouder_id)
        uow.commit()
    per_maand: dict[int, int] = {}
    for x in decl:
        if x["betaald"]:
            per_maand[x["van"].month] = per_maand.get(x["van"].month, 0) + int(x["bedrag"])
    return {
        "per_maand": [(m, per_maand.get(m, 0)) for m in range(b.van.month, b.tot.month + 1)],
        "vorderingen": vorderingen,
        "vastgesteld": vast[0],
        "vastgesteld_op": vast[1],
        "einde": None
        if vast[2] is None
        else {
            "per": vast[2],
            "reden": vast[3],
            "reden_tekst": einde.REDENEN[einde.EindeReden(vast[3])],
            "oorspronkelijk_tot": vast[4],
            "oorspronkelijk_budget": vast[5],
        },
        "beschikking": b,
        "grootboek": g,
        "budgetplannen": plannen,
        "zorgovereenkomsten": overeenkomsten,
        "declaraties": decl,
    }


def controleer_grootboek(uows: Uows) -> list[str]:
    """The ledger check (``wlz pgb controleer``): every beschikking balances, its columns equal its journal, every
    agreement's reservation and every payment add up. Returns the problems found (empty: all in order)."""
    fouten: list[str] = []
    with uows() as uow:
        s = uow.session
        bk = orm.boekingen.c
        journaal: dict[str, dict[str, int]] = {}
        for bid, soort, som in s.execute(
            sa.select(bk.beschikking_id, bk.soort, sa.func.sum(bk.bedrag)).group_by(bk.beschikking_id, bk.soort)
        ):
            journaal.setdefault(bid, {})[soort] = int(som)
        betaald = dict(
            s.execute(
                sa.select(orm.betalingen.c.beschikking_id, sa.func.sum(orm.betalingen.c.bedrag)).group_by(
                    orm.betalingen.c.beschikking_id
                )
            ).all()
        )
        reserv = dict(
            s.execute(
                sa.select(orm.overeenkomsten.c.beschikking_id, sa.func.sum(orm.overeenkomsten.c.gereserveerd)).group_by(
                    orm.overeenkomsten.c.beschikking_id
                )
            ).all()
        )
        for r in s.execute(sa.select(orm.beschikkingen)).mappings():
            g = Grootboek(r["budget"], r["beschikbaar"], r["gereserveerd"], r["betaald"], r["teruggegeven"])
            j = journaal.get(r["id"], {})
            if not g.in_balans:
                fouten.append(f"beschikking {r['id']}: niet in balans")
            if j.get("budget", 0) != g.budget:
                fouten.append(f"beschikking {r['id']}: budget wijkt af van het journaal")
            if j.get("betaling", 0) - j.get("correctie", 0) != g.betaald or int(betaald.get(r["id"], 0)) != g.betaald:
                fouten.append(f"beschikking {r['id']}: betaald wijkt af van journaal of betalingen")
            if int(reserv.get(r["id"], 0)) != g.gereserveerd:
                fouten.append(f"beschikking {r['id']}: reserveringen van de zorgovereenkomsten wijken af")
            if j.get("teruggave", 0) != g.teruggegeven:
                fouten.append(f"beschikking {r['id']}: teruggegeven wijkt af van het journaal")
    return fouten


#: the columns of the ``pgb`` table of wlz.claims.inputs, in that order (tests/pgb checks they stay equal)
PGB_KOLOMMEN = ("regelnummer", "client_id", "begindatum", "einddatum", "zzp_code", "bedrag")


def export_pgb_tabel(uows: Uows, actor: Actor, jaar: int) -> list[dict[str, Any]]:
    """The grants of ``jaar`` per person in the ``pgb`` table format ``wlz analyse`` reads
    (wlz.claims.inputs COLUMNS['pgb']: regelnummer, client_id, begindatum, einddatum, zzp_code (COD163), bedrag)."""
    _rol(actor, BEOORDELAAR)
    c = orm.beschikkingen.c
    with uows() as uow:
        s = uow.session
        rows = s.execute(
            sa.select(c.budgethouder_id, c.van, c.tot, c.cod163, c.budget)
            .where(c.van >= dt.date(jaar, 1, 1), c.van <= dt.date(jaar, 12, 31))
            .order_by(c.budgethouder_id, c.van)
        ).all()
        _log(s, actor, "exporteren", f"pgb-tabel {jaar}", None)
        uow.commit()
    return [
        {
            "regelnummer": i,
            "client_id": r[0],
            "begindatum": r[1],
            "einddatum": r[2],
            "zzp_code": r[3],
            "bedrag": r[4] / 100,
        }
        for i, r in enumerate(rows, start=1)
    ]


def vorderingen_rapport(
    uows: Uows, actor: Actor, peildatum: dt.date, volledig: dict[str, bool] | None = None
) -> list[model.Rapportregel]:
    _rol(actor, BEOORDELAAR)
    h = orm.vordering_statussen.c
    with uows() as uow:
        rows = uow.session.execute(sa.select(orm.vorderingen)).mappings().all()
        historie: dict[str, list[tuple[dt.date, model.VorderingStatus]]] = {}
        for vid, vanaf, status in uow.session.execute(
            sa.select(h.vordering_id, h.geldig_vanaf, h.status).order_by(h.vordering_id, h.geldig_vanaf, h.id)
        ):
            historie.setdefault(vid, []).append((vanaf, model.VorderingStatus(status)))
    vs = [
        model.Vordering(
            r["id"],
            r["beschikking_id"],
            model.Debiteur(r["debiteur_type"]),
            r["debiteur_id"],
            r["oorzaak"],
            r["bedrag"],
            r["datum"],
            model.VorderingStatus(r["status"]),
            r["regeling"],
            r["zorgkantoor"],
            tuple(historie.get(r["id"], ())),
        )
        for r in rows
    ]
    return model.rapport(vs, peildatum, volledig)


# --- accounts (the platform's tables; the scope of a pgb account is its budgethouder or zorgverlener) ---------


def maak_gebruiker(
    uows: Uows,
    gebruikersnaam: str,
    naam: str,
    rol: str,
    wachtwoord: str | None,
    budgethouder_id: str | None = None,
    zorgverlener_id: str | None = None,
) -> str:
    """An account (the command line, the demo or a test; a beheerder: ``beheer_maak_gebruiker``)."""
    _check_scope(rol, budgethouder_id, zorgverlener_id)
    g = orm.auth_tables.gebruikers
    with uows(write=True) as uow:
        s = uow.session
        if s.execute(sa.select(g.c.id).where(g.c.gebruikersnaam == gebruikersnaam)).first():
            raise InputError("gebruikersnaam", "deze gebruikersnaam bestaat al")
        gid = platform_auth.new_id()
        s.execute(
            sa.insert(g).values(
                id=gid,
                gebruikersnaam=gebruikersnaam,
                naam=naam,
                rol=rol,
                wachtwoord_hash=platform_auth.hash_password(wachtwoord) if wachtwoord else None,
                budgethouder_id=budgethouder_id,
                zorgverlener_id=zorgverlener_id,
                actief=True,
                aangemaakt_op=now(),
            )
        )
        uow.commit()
    return gid


def _check_scope(rol: str, budgethouder_id: str | None, zorgverlener_id: str | None) -> None:
    if rol not in ROLLEN:
        raise InputError("rol", f"onbekende rol; toegestaan: {', '.join(ROLLEN)}")
    if rol == BUDGETHOUDER and not budgethouder_id:
        raise InputError("budgethouder_id", "een budgethouder-account hoort bij één budgethouder")
    if rol == ZORGVERLENER and not zorgverlener_id:
        raise InputError("zorgverlener_id", "een zorgverlener-account hoort bij één zorgverlener")


def gebruikers(uows: Uows, actor: Actor) -> list[dict[str, Any]]:
    """The accounts (beheerder): name, role, scope, active; never a password hash."""
    _rol(actor, BEHEERDER)
    g = orm.auth_tables.gebruikers.c
    with uows(write=True) as uow:
        rows = [
            dict(r)
            for r in uow.session.execute(
                sa.select(
                    g.id, g.gebruikersnaam, g.naam, g.rol, g.budgethouder_id, g.zorgverlener_id, g.actief
                ).order_by(g.gebruikersnaam)
            ).mappings()
        ]
        _log(uow.session, actor, "inzien", f"lijst gebruikers ({len(rows)})", None)
        uow.commit()
    return rows


def beheer_maak_gebruiker(
    uows: Uows,
    actor: Actor,
    gebruikersnaam: str,
    naam: str,
    rol: str,
    wachtwoord: str | None,
    budgethouder_id: str | None = None,
    zorgverlener_id: str | None = None,
) -> str:
    """A beheerder creates an account (access-logged)."""
    _rol(actor, BEHEERDER)
    if not gebruikersnaam.strip() or len(gebruikersnaam) > 100:
        raise InputError("gebruikersnaam", "vul een gebruikersnaam in (ten hoogste 100 tekens)")
    if not naam.strip() or len(naam) > 200:
        raise InputError("naam", "vul een naam in (ten hoogste 200 tekens)")
    if wachtwoord is not None and len(wachtwoord) < 12:
        raise InputError("wachtwoord", "een wachtwoord heeft ten minste 12 tekens")
    for veld, waarde in (("budgethouder_id", budgethouder_id), ("zorgverlener_id", zorgverlener_id)):
        if waarde is not None and len(waarde) > 32:
            raise InputError(veld, "ten hoogste 32 tekens")
    gid = maak_gebruiker(uows, gebruikersnaam, naam, rol, wachtwoord, budgethouder_id, zorgverlener_id)
    with uows(write=True) as uow:
        _log(uow.session, actor, "aanmaken", f"gebruiker {gid} ({rol})", None)
        uow.commit()
    return gid


def _wijzig_gebruiker(uows: Uows, actor: Actor, gebruiker_id: str, onderwerp: str, **waarden: Any) -> None:
    """Change an account and end all its sessions (the platform compares the session version on each request);
    its API tokens stop with ``actief`` false, and the app empties its token cache."""
    _rol(actor, BEHEERDER)
    if gebruiker_id == actor.gebruiker_id:
        raise InputError("gebruiker_id", "u kunt uw eigen account hier niet wijzigen of blokkeren")
    g = orm.auth_tables.gebruikers
    with uows(write=True) as uow:
        s = uow.session
        if s.execute(sa.select(g.c.id).where(g.c.id == gebruiker_id)).first() is None:
            raise GeenToegang("niet gevonden")
        s.execute(sa.update(g).where(g.c.id == gebruiker_id).values(session_version=g.c.session_version + 1, **waarden))
        _log(s, actor, "wijzigen", f"gebruiker {gebruiker_id}: {onderwerp}", None)
        uow.commit()


def wijzig_rol(
    uows: Uows,
    actor: Actor,
    gebruiker_id: str,
    rol: str,
    budgethouder_id: str | None = None,
    zorgverlener_id: str | None = None,
) -> None:
    _check_scope(rol, budgethouder_id, zorgverlener_id)
    _wijzig_gebruiker(
        uows,
        actor,
        gebruiker_id,
        f"rol {rol}",
        rol=rol,
        budgethouder_id=budgethouder_id if rol == BUDGETHOUDER else None,
        zorgverlener_id=zorgverlener_id if rol == ZORGVERLENER else None,
    )


def deactiveer(uows: Uows, actor: Actor, gebruiker_id: str) -> None:
    _wijzig_gebruiker(uows, actor, gebruiker_id, "gedeactiveerd", actief=False)


def maak_token(uows: Uows, gebruiker_id: str, naam: str) -> str:
    token = platform_auth.new_token()
    with uows(write=True) as uow:
        uow.session.execute(
            sa.insert(orm.auth_tables.api_tokens).values(
                id=platform_auth.new_id(),
                gebruiker_id=gebruiker_id,
                naam=naam,
                token_hash=platform_auth.token_hash(token),
                aangemaakt_op=now(),
            )
        )
        uow.commit()
    return token


def _actor(row: Any, kanaal: str) -> Actor:
    return Actor(
        row.id, row.gebruikersnaam, row.rol, kanaal, row.budgethouder_id, row.zorgverlener_id, row.session_version
    )


def inloggen(
    uows: Uows, gebruikersnaam: str, wachtwoord: str, adres: str, beleid: LoginPolicy
) -> Actor | login.Locked | None:
    """A login attempt from ``adres`` through the platform's throttled login (``wlz.platform.login``, the same as
    the zorgkantoor's and the CIZ's): the actor, None (the same for an unknown name, a wrong password and an
    inactive account), or ``Locked`` while this name or address is locked. Every attempt is an access-log line."""
    g = orm.auth_tables.gebruikers

    def check() -> Any:
        row = s.execute(sa.select(g).where(g.c.gebruikersnaam == gebruikersnaam)).first()
        ok = platform_auth.password_matches(row.wachtwoord_hash if row else None, wachtwoord)
        return row if row is not None and ok and row.actief else None

    with uows(write=True) as uow:
        s = uow.session
        uitkomst = login.attempt(access_log.AccessLog(s, orm.toegangslog), gebruikersnaam, adres, beleid, check)
        uow.commit()
    if uitkomst is None or isinstance(uitkomst, login.Locked):
        return uitkomst
    return _actor(uitkomst, "web")


def actor_voor_gebruiker(uows: Uows, gebruiker_id: str) -> Actor | None:
    g = orm.auth_tables.gebruikers
    with uows(single_read=True) as uow:
        row = uow.session.execute(sa.select(g).where(g.c.id == gebruiker_id, g.c.actief.is_(True))).first()
    return None if row is None else _actor(row, "web")


def actor_voor_token(uows: Uows, token: str) -> Actor | None:
    g, t = orm.auth_tables.gebruikers, orm.auth_tables.api_tokens
    with uows(single_read=True) as uow:
        row = uow.session.execute(
            sa.select(g)
            .join(t, t.c.gebruiker_id == g.c.id)
            .where(
                t.c.token_hash == platform_auth.token_hash(token), t.c.ingetrokken_op.is_(None), g.c.actief.is_(True)
            )
        ).first()
    return None if row is None else _actor(row, "api")


def beschikkingen_van(uows: Uows, actor: Actor) -> list[dict[str, Any]]:
    """The files an actor may open: the budgethouder's own, the zorgverlener's through its agreements, all for
    the beoordelaar (newest year first)."""
    b = orm.beschikkingen
    q = sa.select(b.c.id, b.c.budgethouder_id, b.c.zorgprofiel, b.c.van, b.c.tot, b.c.budget, b.c.betaald)
    if actor.rol == BUDGETHOUDER:
        q = q.where(b.c.budgethouder_id == actor.budgethouder_id)
    elif actor.rol == ZORGVERLENER:
        q = q.where(
            b.c.id.in_(
                sa.select(orm.overeenkomsten.c.beschikking_id).where(
                    orm.overeenkomsten.c.zorgverlener_id == actor.zorgverlener_id
                )
            )
        )
    elif actor.rol == BEHEERDER:  # manages accounts, opens no file
        return []
    elif actor.rol != BEOORDELAAR:
        raise GeenToegang("geen toegang")
    with uows(write=True) as uow:
        rows = [dict(r) for r in uow.session.execute(q.order_by(b.c.van.desc(), b.c.id)).mappings()]
        _log(uow.session, actor, "inzien", f"lijst pgb-dossiers ({len(rows)})", None)
        uow.commit()
    return rows


def uitloggen(uows: Uows, actor: Actor) -> None:
    """Logout ends every session of the account (the platform compares the session version on each request)."""
    g = orm.auth_tables.gebruikers
    with uows(write=True) as uow:
        uow.session.execute(
            sa.update(g).where(g.c.id == actor.gebruiker_id).values(session_version=g.c.session_version + 1)
        )
        _log(uow.session, actor, "uitloggen", "sessie", None)
        uow.commit()


# --- the end of a pgb (Rlz art. 5.20) ----------------------------------------------------------------------------


@dataclass(frozen=True)
class EindeUitkomst:
    per: dt.date
    budget_cent: int  # the budget for the shortened period
    budget_bron: str
    verlaagd_cent: int  # what the ledger's budget went down by
    niet_verlaagd_cent: int  # what could not be taken off (already paid or reserved): settled at the vaststelling
    overeenkomsten: list[str]  # the agreements ended
    betaald_na_einde: list[tuple[str, int]]  # paid declarations with care after the end (id, cents)


def beeindig_pgb(
    uows: Uows, actor: Actor, beschikking_id: str, reden: einde.EindeReden, datum: dt.date
) -> EindeUitkomst:
    """End a pgb per a day (Rlz art. 5.20; ``datum``: the day of death for ``overlijden``, else the first day
    without pgb). The beschikking's ``tot`` becomes the day before, so the declaration check (unchanged) refuses
    care after it; the budget becomes the one for the shortened period (the rules' amount, or the user's pro rata)
    as far as it is not paid or reserved; agreements end with it and give back the reservation they no longer need.
    Paid declarations for care after the end are listed (a correction or a vordering is the beoordelaar's next step:
    they are not reversed here)."""
    _rol(actor, BEOORDELAAR)
    e = einde.einde(reden, datum)
    bc, oc, dc = orm.beschikkingen.c, orm.overeenkomsten.c, orm.declaraties.c
    with uows(write=True) as uow:
        s = uow.session
        b = _beschikking(s, beschikking_id, lock=True)
        rij = s.execute(sa.select(bc.vastgesteld_op, bc.beeindigd_per).where(bc.id == b.id)).one()
        einde.check_einde(e, b.van, b.tot, rij.beeindigd_per is not None, rij.vastgesteld_op is not None)
        laatste = e.laatste_dag
        berekend, bron = (
            (None, "") if not b.budget_bron.startswith("wlz.rules") else rules.budget(b.zorgprofiel, b.van, laatste)
        )
        if berekend is None:
            berekend = einde.naar_rato_cent(b.budget_cent, b.van, b.tot, laatste)
            bron = "naar rato van de zorgdagen (Rlz art. 5.14, lid 3) van het opgegeven bedrag"
        g = _grootboek(s, b.id)
        beeindigd: list[str] = []
        lopend = s.execute(sa.select(orm.overeenkomsten).where(oc.beschikking_id == b.id, oc.tot > laatste)).mappings()
        for o in lopend.all():
            betaald = int(
                s.execute(
                    sa.select(sa.func.coalesce(sa.func.sum(orm.betalingen.c.bedrag), 0))
                    .select_from(orm.betalingen.join(orm.declaraties))
                    .where(dc.overeenkomst_id == o["id"])
                ).scalar_one()
            )
            nodig = einde.reservering_na_einde(
                int(o["gereserveerd"]), o["uren_per_week"], int(o["uurtarief"]), o["van"], laatste, betaald
            )
            vrij = int(o["gereserveerd"]) - nodig
            if vrij > 0:
                g.geef_vrij(vrij)
                _bewaar(s, b.id, g, "vrijgave", vrij, o["id"])
            waarden: dict[str, Any] = {"gereserveerd": nodig, "beeindigd_per": e.per}
            if o["van"] > laatste:
                if o["status"] != model.Status.afgewezen.value:  # a refused one stays refused
                    waarden["status"] = model.Status.beeindigd.value
            else:
                waarden["tot"] = laatste
            s.execute(sa.update(orm.overeenkomsten).where(oc.id == o["id"]).values(**waarden))
            beeindigd.append(str(o["id"]))
        verlaging = max(0, b.budget_cent - berekend)
        verlaagd = g.verlaag(verlaging)
        if verlaagd:
            s.execute(
                sa.insert(orm.boekingen).values(
                    beschikking_id=b.id, soort="budget", bedrag=-verlaagd, verwijzing=None, tijdstip=now()
                )
            )
        if not g.in_balans:
            raise RuntimeError("grootboek niet in balans")
        s.execute(
            sa.update(orm.beschikkingen)
            .where(bc.id == b.id)
            .values(
                tot=laatste,
                budget=g.budget,
                beschikbaar=g.beschikbaar,
                gereserveerd=g.gereserveerd,
                beeindigd_per=e.per,
                einde_reden=e.reden.value,
                oorspronkelijk_tot=b.tot,
                oorspronkelijk_budget=b.budget_cent,
                budget_bron=f"{bron} (verkort per {e.per:%d-%m-%Y}, Rlz art. 5.20)"[:300],
            )
        )
        na = [
            (str(i), int(bedrag))
            for i, bedrag in s.execute(
                sa.select(dc.id, dc.bedrag)
                .select_from(orm.declaraties.join(orm.overeenkomsten))
                .where(oc.beschikking_id == b.id, dc.betaald.is_(True), dc.tot > laatste)
                .order_by(dc.van)
            )
        ]
        _log(s, actor, "wijzigen", f"einde pgb {b.id} per {e.per.isoformat()}", b.budgethouder_id)
        uow.commit()
    return EindeUitkomst(e.per, berekend, bron, verlaagd, verlaging - verlaagd, beeindigd, na)


# --- bank accounts and the payment file (SEPA pain.001.001.03) -----------------------------------------------


def registreer_rekening(uows: Uows, actor: Actor, houder_type: str, houder_id: str, iban: str, naam: str) -> None:
    """A zorgverlener's account (the payee) or the budgethouder's own (known only so the payment file can refuse
    it). An IBAN already held by the other kind of party is refused: the trekkingsrecht never pays the budgethouder."""
    _rol(actor, BEOORDELAAR)
    if houder_type not in (BUDGETHOUDER, ZORGVERLENER):
        raise InputError("houder_type", "kies budgethouder of zorgverlener")
    if not houder_id.strip() or len(houder_id) > 32:
        raise InputError("houder_id", "vul de code van de budgethouder of zorgverlener in (ten hoogste 32 tekens)")
    i = betaalbestand.check_iban(iban)
    n = betaalbestand.check_naam(naam)
    r = orm.rekeningen
    with uows(write=True) as uow:
        s = uow.session
        ander = s.execute(sa.select(r.c.houder_type).where(r.c.iban == i, r.c.houder_type != houder_type)).first()
        if ander is not None:
            raise InputError(
                "iban", "dit IBAN staat al op naam van een budgethouder of zorgverlener van de andere soort"
            )
        s.execute(sa.delete(r).where(r.c.houder_type == houder_type, r.c.houder_id == houder_id))
        s.execute(sa.insert(r).values(houder_type=houder_type, houder_id=houder_id, iban=i, naam=n))
        _log(
            s,
            actor,
            "wijzigen",
            f"rekening {houder_type} {houder_id}",
            houder_id if houder_type == BUDGETHOUDER else None,
        )
        uow.commit()


@dataclass(frozen=True)
class Betaalbestand:
    id: str
    xml: bytes
    aantal: int
    totaal_cent: int
    weggelaten: list[tuple[str, str]]  # (betaling id, reason): not in the file, stays for a later run


def maak_betaalbestand(
    uows: Uows, actor: Actor, betaler: betaalbestand.Betaler | None, uitvoerdatum: dt.date, tot_en_met: dt.date
) -> Betaalbestand:
    """The payment run: every payment due by ``tot_en_met`` that is in no earlier file, as one SEPA credit
    transfer file from the installation's account (``WLZ_PGB_BETAAL_IBAN``). A payment whose zorgverlener has no
    account, or whose account is the budgethouder's own, is left out with the reason (never paid to the
    budgethouder). Nothing is recorded when no payment goes in."""
    _rol(actor, BEOORDELAAR)
    if betaler is None:
        raise InputError(
            "betaalrekening", "er is geen betaalrekening ingesteld (WLZ_PGB_BETAAL_IBAN, WLZ_PGB_BETAAL_NAAM)"
        )
    bet = betaalbestand.Betaler(betaalbestand.check_iban(betaler.iban, "betaalrekening"), betaler.naam, betaler.bic)
    p, r, b, br = orm.betalingen.c, orm.rekeningen, orm.beschikkingen.c, orm.betaalbestand_regels.c
    zv = r.alias("zv")
    bh = r.alias("bh")
    with uows(write=True) as uow:
        s = uow.session
        rows = s.execute(
            sa.select(
                p.id,
                p.bedrag,
                p.zorgverlener_id,
                b.id.label("bid"),
                b.budgethouder_id,
                zv.c.iban,
                zv.c.naam,
                bh.c.iban.label("bh_iban"),
            )
            .select_from(
                orm.betalingen.join(orm.beschikkingen, b.id == p.beschikking_id)
                .outerjoin(zv, sa.and_(zv.c.houder_type == ZORGVERLENER, zv.c.houder_id == p.zorgverlener_id))
                .outerjoin(bh, sa.and_(bh.c.houder_type == BUDGETHOUDER, bh.c.houder_id == b.budgethouder_id))
            )
            .where(p.uiterlijk <= tot_en_met, p.id.not_in(sa.select(br.betaling_id)))
            .order_by(p.uiterlijk, p.id)
        ).all()
        regels: list[betaalbestand.Overboeking] = []
        weggelaten: list[tuple[str, str]] = []
        budgethouders: set[str] = set()
        for x in rows:
            if x.iban is None:
                weggelaten.append((x.id, "geen rekening van de zorgverlener bekend"))
                continue
            o = betaalbestand.Overboeking(x.id, x.iban, x.naam, int(x.bedrag), f"pgb {x.bid} betaling {x.id}")
            reden = betaalbestand.weiger_eigen_rekening(o, x.bh_iban)
            if reden:
                weggelaten.append((x.id, reden))
                continue
            regels.append(o)
            budgethouders.add(x.budgethouder_id)
        if not regels:
            raise InputError("tot_en_met", "er zijn geen betalingen voor een betaalbestand")
        xml = sepa.build(bet, regels, uitvoerdatum)
        fid = _id()
        totaal = sum(o.bedrag_cent for o in regels)
        s.execute(
            sa.insert(orm.betaalbestanden).values(
                id=fid,
                tijdstip=now(),
                gebruiker_id=actor.gebruiker_id,
                uitvoerdatum=uitvoerdatum,
                aantal=len(regels),
                totaal=totaal,
                xml=xml.decode("utf-8"),
            )
        )
        s.execute(
            sa.insert(orm.betaalbestand_regels),
            [
                {"betaling_id": o.betaling_id, "betaalbestand_id": fid, "bedrag": o.bedrag_cent, "iban": o.iban}
                for o in regels
            ],
        )
        for bid in sorted(budgethouders):
            _log(s, actor, "exporteren", f"betaalbestand {fid}", bid)
        uow.commit()
    return Betaalbestand(fid, xml, len(regels), totaal, weggelaten)
