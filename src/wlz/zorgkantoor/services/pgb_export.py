"""The zorgkantoor's side of the interface to the pgb administration (docs/pgb.md, "The interface from the
zorgkantoor"): the ``PgbBeschikking`` records of a calendar year, built from this zorgkantoor's decisions where the
leveringsvorm is pgb. The shape is the documented JSON interface; the pgb context is never imported (contexts talk
only through documented interfaces, docs/architecture.md).

A record per accepted pgb choice, per indicatiebesluit in force during it, cut to the year (Blz art. 3.6.1: a pgb
per calendar year): from the later of the choice's date, the indication's start and 1 January, to the earlier of
the day before the client's next accepted choice, the indication's end and 31 December. ``bedrag`` is the rules'
pgb for the record's period (``pgb_budget``, Rlz art. 5.13-5.14) with ``bedrag_bron`` (its articles and URLs); where
the rules know no amount ``bedrag`` is null and ``bedrag_bron`` is ``onbekend``, and the pgb administration asks
for the amount as before (docs/pgb.md). An mpt+pgb choice (``leveringsvorm`` ``mpt_pgb``) gives a record whose
``bedrag`` is the pgb part recorded with the choice (zorginkoop), ``onbekend`` where none was recorded.
``gewaarborgde_hulp`` is the name recorded with the pgb choice (Wlz art.
3.3.3 lid 4; Rlz art. 5.6, 5.11), null where none was recorded. No BSN, name or address of the client is sent:
``client_id`` is this zorgkantoor's id of the client."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from wlz import reference
from wlz.reference.leveringsvorm import met_pgb

from ..adapters import rules_engine
from ..config import zorgkantoor_code
from ..domain.fouten import AccessDenied, DomainError
from ..storage import inkoop_orm, orm
from .actor import Actor
from .autorisatie import ZORGKANTOOR
from .toegang import log

if TYPE_CHECKING:
    from ..storage.uow import UnitOfWork

#: ``bedrag_bron`` where the rules know no amount for the period
ONBEKEND = "onbekend"


def _bedrag(zorgprofiel: str, van: dt.date, tot: dt.date) -> tuple[float | None, str]:
    """The rules' pgb for the period (euro) and its sources; (None, 'onbekend') where the rules know none."""
    client = {"zorgprofiel": zorgprofiel, "leveringsvorm": "pgb", "gewaarborgde_hulp": True}
    r = rules_engine.bereken({"periode": {"van": van.isoformat(), "tot": tot.isoformat()}, "client": client}).resultaat(
        "pgb_budget"
    )
    if r is None or r.onbekend or r.waarde is None:
        return None, ONBEKEND
    bron = "; ".join(f"{b.titel} {b.url}".strip() for b in r.bronnen)
    return round(float(r.waarde), 2), f"wlz.rules pgb_budget ({bron})"


def _id(keuze_id: str, indicatie_id: str, jaar: int) -> str:
    """Stable (an export made twice gives the same ids, and the pgb administration refuses a second registration)
    and at most 32 characters, as the interface requires."""
    return f"pgb{jaar}{keuze_id[:17]}{indicatie_id[:8]}"


def _minderjarig(geboortedatum: dt.date, op: dt.date) -> bool:
    leeftijd = op.year - geboortedatum.year - ((op.month, op.day) < (geboortedatum.month, geboortedatum.day))
    return leeftijd < 18


def _pgb_delen(uow: UnitOfWork, keuze_ids: set[str]) -> dict[str, tuple[float | None, str]]:
    """The pgb part recorded with each mpt+pgb choice (zorginkoop, docs/zorginkoop.md): amount (euro) and source;
    no amount recorded gives (None, 'onbekend'), and the pgb administration then asks for it."""
    if not keuze_ids:
        return {}
    d = inkoop_orm.inkoop_pgb_delen.c
    rows = uow.session.execute(
        sa.select(d.leveringsvorm_keuze_id, d.bedrag_cent, d.bedrag_bron).where(d.leveringsvorm_keuze_id.in_(keuze_ids))
    )
    return {
        kid: (None, ONBEKEND) if cent is None else (cent / 100, f"pgb-deel vastgelegd bij de keuze ({bron})")
        for kid, cent, bron in rows
    }


def pgb_beschikkingen(uow: UnitOfWork, actor: Actor, jaar: int) -> list[dict[str, Any]]:
    """The ``PgbBeschikking`` records of ``jaar`` (JSON-ready: dates as ISO text), ordered by client and date.
    One access-log line per client whose decision is exported."""
    if actor.rol not in ZORGKANTOOR:
        raise AccessDenied("Uw rol mag dit niet (pgb-beschikkingen exporteren).")
    if not 2000 <= jaar <= 2100:
        raise DomainError("Kies een jaar tussen 2000 en 2100.", "jaar")
    begin, einde = dt.date(jaar, 1, 1), dt.date(jaar, 12, 31)
    k, i, c = orm.leveringsvorm_keuzes.c, orm.indicatiebesluiten.c, orm.clients.c
    s = uow.session
    keuzes = s.execute(
        sa.select(k.id, k.client_id, k.leveringsvorm, k.ingangsdatum, k.gewaarborgde_hulp_naam)
        .where(k.geaccepteerd.is_(True), k.ingangsdatum <= einde)
        .order_by(k.client_id, k.ingangsdatum, k.vastgelegd_op)
    ).all()
    perioden: list[tuple[str, str, dt.date, dt.date]] = []  # keuze id, client id, van, tot
    namen = {x[0]: x[4] for x in keuzes}
    vormen = {x[0]: x[2] for x in keuzes}
    pgb_vormen = met_pgb()
    for n, (kid, cid, vorm, van, _) in enumerate(keuzes):
        if vorm not in pgb_vormen:
            continue
        volgende = next((x for x in keuzes[n + 1 :] if x[1] == cid and x[3] > van), None)
        tot = einde if volgende is None else min(einde, volgende[3] - dt.timedelta(days=1))
        van = max(van, begin)
        if van <= tot:
            perioden.append((kid, cid, van, tot))
    if not perioden:
        return []
    clients = {cid for _, cid, _, _ in perioden}
    geboren = dict(s.execute(sa.select(c.id, c.geboortedatum).where(c.id.in_(clients))).all())
    indicaties: dict[str, list[Any]] = {}
    for row in s.execute(
        sa.select(i.id, i.client_id, i.zorgprofiel, i.ingangsdatum, i.einddatum)
        .where(i.client_id.in_(clients))
        .order_by(i.client_id, i.ingangsdatum)
    ):
        indicaties.setdefault(row.client_id, []).append(row)
    delen = _pgb_delen(uow, {kid for kid, _, _, _ in perioden if vormen[kid] != "pgb"})
    bedragen: dict[tuple[str, dt.date, dt.date], tuple[float | None, str]] = {}  # one rules run per profile+period
    code = zorgkantoor_code()
    records: list[dict[str, Any]] = []
    for kid, cid, van, tot in perioden:
        for ind in indicaties.get(cid, []):
            v = max(van, ind.ingangsdatum)
            t = min(tot, ind.einddatum or tot)
            if v > t:
                continue
            profiel = reference.lookup(ind.zorgprofiel)
            if vormen[kid] == "pgb":
                sleutel = (ind.zorgprofiel, v, t)
                if sleutel not in bedragen:
                    bedragen[sleutel] = _bedrag(*sleutel)
                bedrag, bron = bedragen[sleutel]
            else:
                bedrag, bron = delen.get(kid, (None, ONBEKEND))
            records.append(
                {
                    "beschikking_id": _id(kid, ind.id, jaar),
                    "client_id": cid,
                    "zorgprofiel": ind.zorgprofiel,
                    "van": v.isoformat(),
                    "tot": t.isoformat(),
                    "zorgkantoor": code,
                    "regeling": "wlz",
                    "bedrag": bedrag,
                    "bedrag_bron": bron,
                    "gewaarborgde_hulp": namen[kid] if profiel.pgb == "gewaarborgde_hulp" else None,
                    "minderjarig": _minderjarig(geboren[cid], v),
                    "leveringsvorm": vormen[kid],
                }
            )
    for cid in sorted({r["client_id"] for r in records}):
        log(uow, actor, "exporteren", f"pgb-beschikking {jaar}", client_id=cid)
    uow.commit()
    return records
