"""Reading and writing the declarations' tables (``declaratie_orm``) for the use cases: batches, accepted and refused
lines, the export, and the ledger's and reports' aggregates. Core statements on the unit of work's session (its
transaction); the set-based check itself is ``declaratie_checks``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Any

import pyarrow as pa
import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from . import declaratie_checks, orm
from . import declaratie_orm as t
from . import inkoop_orm as ink


class Declaraties:
    """The declarations of the zorgkantoor; ``agb_code`` limits a read to one provider (a provider's own)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    @property
    def conn(self) -> Connection:
        return self.session.connection()

    # --- import ------------------------------------------------------------------------------------------------
    def import_batch(
        self,
        *,
        batch_id: str,
        agb_code: str,
        bestandsnaam: str,
        formaat: str,
        door: str,
        op: dt.datetime,
        regels: pa.Table,
    ) -> dict[str, int]:
        """Load, check and file one batch (in the caller's transaction); the counts per reason."""
        conn = self.conn
        declaratie_checks.lock_provider(conn, agb_code)
        conn.execute(
            t.declaratie_batches.insert().values(
                id=batch_id,
                agb_code=agb_code,
                bestandsnaam=bestandsnaam[:200],
                formaat=formaat,
                ingelezen_door=door,
                ingelezen_op=op,
                aantal_regels=regels.num_rows,
                aantal_geaccepteerd=0,
                aantal_geweigerd=0,
                bedrag_geaccepteerd_cent=0,
            )
        )
        declaratie_checks.load(conn, batch_id, regels)
        telling = declaratie_checks.check(conn, batch_id, agb_code)
        geaccepteerd = telling.get("", 0)
        conn.execute(
            t.declaratie_batches.update()
            .where(t.declaratie_batches.c.id == batch_id)
            .values(
                aantal_geaccepteerd=geaccepteerd,
                aantal_geweigerd=regels.num_rows - geaccepteerd,
                bedrag_geaccepteerd_cent=telling.get("bedrag", 0),
            )
        )
        return telling

    # --- reads -------------------------------------------------------------------------------------------------
    def batches(self, agb_code: str | None, limit: int = 100) -> Sequence[Any]:
        b = t.declaratie_batches
        q = sa.select(b).order_by(b.c.ingelezen_op.desc(), b.c.id).limit(limit)
        if agb_code is not None:
            q = q.where(b.c.agb_code == agb_code)
        return self.conn.execute(q).all()

    def batch(self, batch_id: str) -> Any:
        b = t.declaratie_batches
        return self.conn.execute(sa.select(b).where(b.c.id == batch_id)).first()

    def accepted(self, batch_id: str, limit: int, offset: int) -> Sequence[Any]:
        r = t.declaratie_regels
        q = sa.select(r).where(r.c.batch_id == batch_id).order_by(r.c.volgnummer).limit(limit).offset(offset)
        return self.conn.execute(q).all()

    def refused(self, batch_id: str, limit: int, offset: int) -> Sequence[Any]:
        w = t.declaratie_weigeringen
        q = sa.select(w).where(w.c.batch_id == batch_id).order_by(w.c.volgnummer).limit(limit).offset(offset)
        return self.conn.execute(q).all()

    def refused_per_reason(self, batch_id: str) -> dict[str, int]:
        w = t.declaratie_weigeringen
        q = (
            sa.select(w.c.reden_code, sa.func.count())
            .where(w.c.batch_id == batch_id)
            .group_by(w.c.reden_code)
            .order_by(w.c.reden_code)
        )
        return {code: int(n) for code, n in self.conn.execute(q)}

    def export_rows(
        self, agb_code: str | None, van: dt.date | None, tot: dt.date | None, chunk: int = 50_000
    ) -> Iterator[Any]:
        """Accepted lines in id order, in chunks (keyset on id), so a million lines never sit in memory at once."""
        r = t.declaratie_regels
        laatste = 0
        while True:
            q = sa.select(r).where(r.c.id > laatste).order_by(r.c.id).limit(chunk)
            if agb_code is not None:
                q = q.where(r.c.agb_code == agb_code)
            if van is not None:
                q = q.where(r.c.einddatum >= van)
            if tot is not None:
                q = q.where(r.c.begindatum <= tot)
            rows = self.conn.execute(q).all()
            if not rows:
                return
            yield from rows
            laatste = rows[-1].id

    # --- ledger and reports ------------------------------------------------------------------------------------
    def ledger_money(self, jaar: int, agb_code: str | None) -> Sequence[Any]:
        """Per provider and month: clients with accepted lines, lines, and the money that followed them."""
        r = t.declaratie_regels
        q = (
            sa.select(
                r.c.agb_code,
                r.c.maand,
                sa.func.count(sa.distinct(r.c.client_id)).label("clienten"),
                sa.func.count().label("regels"),
                sa.func.sum(r.c.bedrag_cent).label("bedrag_cent"),
            )
            .where(r.c.maand >= f"{jaar}-01", r.c.maand <= f"{jaar}-12")
            .group_by(r.c.agb_code, r.c.maand)
            .order_by(r.c.agb_code, r.c.maand)
        )
        if agb_code is not None:
            q = q.where(r.c.agb_code == agb_code)
        return self.conn.execute(q).all()

    def chosen_per_month(self, begin: dt.date, eind: dt.date, agb_code: str | None) -> Sequence[Any]:
        """Per provider: clients with a zorgtoewijzing to it on some day of [begin, eind] (the clients that chose it:
        a toewijzing follows the client's choice of provider)."""
        tw = orm.zorgtoewijzingen
        q = (
            sa.select(tw.c.agb_code, sa.func.count(sa.distinct(tw.c.client_id)).label("clienten"))
            .where(
                tw.c.van <= eind,
                sa.or_(tw.c.tot.is_(None), tw.c.tot >= begin),
                sa.or_(tw.c.status != "beeindigd", tw.c.einde_zorg >= begin),
            )
            .group_by(tw.c.agb_code)
        )
        if agb_code is not None:
            q = q.where(tw.c.agb_code == agb_code)
        return self.conn.execute(q).all()

    def per_region_provider(self, jaar: int) -> Sequence[Any]:
        """Per region (of the contract that paid) and provider: clients, lines and money of the year."""
        r = t.declaratie_regels
        q = (
            sa.select(
                r.c.regio,
                r.c.agb_code,
                sa.func.count(sa.distinct(r.c.client_id)).label("clienten"),
                sa.func.sum(r.c.bedrag_cent).label("bedrag_cent"),
            )
            .where(r.c.maand >= f"{jaar}-01", r.c.maand <= f"{jaar}-12")
            .group_by(r.c.regio, r.c.agb_code)
            .order_by(r.c.regio, r.c.agb_code)
        )
        return self.conn.execute(q).all()

    def clients_per_region(self, jaar: int) -> dict[str, int]:
        """Distinct clients per region in the year (the denominator of each provider's share)."""
        r = t.declaratie_regels
        q = (
            sa.select(r.c.regio, sa.func.count(sa.distinct(r.c.client_id)))
            .where(r.c.maand >= f"{jaar}-01", r.c.maand <= f"{jaar}-12")
            .group_by(r.c.regio)
        )
        return {regio: int(n) for regio, n in self.conn.execute(q)}

    def contracts_per_form(self, jaar: int) -> Sequence[Any]:
        """Active contracts running some day of the year, per region and form."""
        c = ink.inkoop_contracten
        q = (
            sa.select(c.c.regio, c.c.vorm, sa.func.count().label("contracten"))
            .where(
                c.c.status == "actief",
                c.c.ingangsdatum <= dt.date(jaar, 12, 31),
                c.c.einddatum >= dt.date(jaar, 1, 1),
            )
            .group_by(c.c.regio, c.c.vorm)
            .order_by(c.c.regio, c.c.vorm)
        )
        return self.conn.execute(q).all()

    def provider_names(self) -> dict[str, str]:
        a = ink.inkoop_aanbieders
        return {agb: naam for agb, naam in self.conn.execute(sa.select(a.c.agb_code, a.c.naam))}

    def regions(self) -> list[str]:
        """Every region the zorginkoop knows: of contracts, inkoopkaders and provider locations."""
        q = sa.union(
            sa.select(ink.inkoop_contracten.c.regio),
            sa.select(ink.inkoop_kaders.c.regio),
            sa.select(ink.inkoop_locaties.c.regio),
        )
        return sorted({r for (r,) in self.conn.execute(q)})

    def active_contracts_on(self, dag: dt.date) -> Sequence[Any]:
        """Active contracts on a day with their prestaties: the zorgplicht check's supply."""
        c = ink.inkoop_contracten
        p = ink.inkoop_contract_prestaties
        q = (
            sa.select(c.c.regio, c.c.vorm, c.c.zorgsoort, c.c.agb_code, p.c.prestatiecode, p.c.leveringsvorm)
            .select_from(c.outerjoin(p, p.c.contract_id == c.c.id))
            .where(c.c.status == "actief", c.c.ingangsdatum <= dag, c.c.einddatum >= dag)
        )
        return self.conn.execute(q).all()

    def overbrugging(self, jaar: int) -> Sequence[Any]:
        """Granted overbruggingszorg whose period touches the year, with the request's intake (the waiting date)."""
        a = orm.aanvragen
        br = orm.besluitregels
        q = (
            sa.select(a.c.id, a.c.client_id, a.c.intake, br.c.van, br.c.tot, br.c.bedragen)
            .select_from(br.join(a, a.c.id == br.c.aanvraag_id))
            .where(
                br.c.regeling == "overbruggingszorg",
                br.c.toegekend.is_(True),
                sa.or_(br.c.van.is_(None), br.c.van <= dt.date(jaar, 12, 31)),
                sa.or_(br.c.tot.is_(None), br.c.tot >= dt.date(jaar, 1, 1)),
            )
            .order_by(a.c.client_id, br.c.van)
        )
        return self.conn.execute(q).all()

    def admitted_since(self, client_ids: Sequence[str], leveringsvormen: Sequence[str]) -> dict[str, dt.date]:
        """Per client the first start of care with stay (a zorgtoewijzing in one of ``leveringsvormen`` whose care
        began): the waiting ended."""
        if not client_ids:
            return {}
        tw = orm.zorgtoewijzingen
        q = (
            sa.select(tw.c.client_id, sa.func.min(tw.c.aanvang_zorg))
            .where(
                tw.c.client_id.in_(client_ids), tw.c.leveringsvorm.in_(leveringsvormen), tw.c.aanvang_zorg.isnot(None)
            )
            .group_by(tw.c.client_id)
        )
        return {cid: d for cid, d in self.conn.execute(q) if d is not None}

    def latest_choice_regions(self, client_ids: Sequence[str]) -> dict[str, str]:
        """Per client the region of the contract of their latest choice of provider (by start, then recording)."""
        if not client_ids:
            return {}
        k = ink.inkoop_keuzes
        c = ink.inkoop_contracten
        q = (
            sa.select(k.c.client_id, c.c.regio)
            .select_from(k.join(c, c.c.id == k.c.contract_id))
            .where(k.c.client_id.in_(list(client_ids)))
            .order_by(k.c.client_id, k.c.van, k.c.vastgelegd_op)
        )
        return {cid: regio for cid, regio in self.conn.execute(q)}  # the last per client wins

    def client_region_choices(self) -> Sequence[Any]:
        """Per client the regions of the contracts they chose a provider under (their region as far as known)."""
        k = ink.inkoop_keuzes
        c = ink.inkoop_contracten
        q = sa.select(k.c.client_id, c.c.regio).select_from(k.join(c, c.c.id == k.c.contract_id)).distinct()
        return self.conn.execute(q).all()
