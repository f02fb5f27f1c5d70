"""The zorginkoop's queries (tables in ``inkoop_orm``), as Core statements on the unit of work's session.

Rows come back as plain dicts: the pages and the API show them as they are, and the rules live in
``domain.inkoop``. Everything runs in the unit of work's transaction, so a use case that writes a contract and
its prestaties, or a toewijzing with its choice and AW33, commits all of it or nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from . import orm
from .inkoop_orm import (
    inkoop_aanbieders,
    inkoop_capaciteit,
    inkoop_capaciteitsnormen,
    inkoop_contract_prestaties,
    inkoop_contracten,
    inkoop_experimenten,
    inkoop_kaders,
    inkoop_keuzes,
    inkoop_kwaliteitsrapport_bestanden,
    inkoop_kwaliteitsrapporten,
    inkoop_locaties,
    inkoop_ondersteuning,
    inkoop_pgb_delen,
    inkoop_tarieven,
    inkoop_vouchers,
)

Row = dict[str, Any]


class Inkoop:
    """The zorginkoop's collections on one session."""

    def __init__(self, session: Session) -> None:
        self.s = session

    # --- generic -----------------------------------------------------------------------------------------------
    def _rows(self, q: sa.Select[Any]) -> list[Row]:
        return [dict(r._mapping) for r in self.s.connection().execute(q)]

    def _one(self, q: sa.Select[Any]) -> Row | None:
        r = self.s.connection().execute(q.limit(1)).first()
        return None if r is None else dict(r._mapping)

    def insert(self, table: sa.Table, row: Mapping[str, Any]) -> None:
        self.s.connection().execute(table.insert().values(**row))

    def update(self, table: sa.Table, id: str, values: Mapping[str, Any]) -> int:
        res = self.s.connection().execute(table.update().where(table.c.id == id).values(**values))
        return int(res.rowcount)

    def get(self, table: sa.Table, id: str) -> Row | None:
        return self._one(sa.select(table).where(table.c.id == id))

    # --- inkoopkaders ------------------------------------------------------------------------------------------
    def kader(self, jaar: int, regio: str) -> Row | None:
        k = inkoop_kaders.c
        return self._one(sa.select(inkoop_kaders).where(k.jaar == jaar, k.regio == regio))

    def kaders(self, *, gepubliceerd: bool = False) -> list[Row]:
        k = inkoop_kaders.c
        q = sa.select(inkoop_kaders)
        if gepubliceerd:
            q = q.where(k.gepubliceerd_op.is_not(None))
        return self._rows(q.order_by(k.jaar.desc(), k.regio))

    # --- providers ---------------------------------------------------------------------------------------------
    def aanbieder_met_agb(self, agb_code: str) -> Row | None:
        return self._one(sa.select(inkoop_aanbieders).where(inkoop_aanbieders.c.agb_code == agb_code))

    def aanbieders(self) -> list[Row]:
        return self._rows(sa.select(inkoop_aanbieders).order_by(inkoop_aanbieders.c.naam))

    def locaties(self, aanbieder_ids: Sequence[str] | None = None) -> list[Row]:
        q = sa.select(inkoop_locaties)
        if aanbieder_ids is not None:
            q = q.where(inkoop_locaties.c.aanbieder_id.in_(list(aanbieder_ids)))
        return self._rows(q.order_by(inkoop_locaties.c.plaats, inkoop_locaties.c.naam))

    def kwaliteitsrapporten(self, aanbieder_ids: Sequence[str] | None = None) -> list[Row]:
        q = sa.select(inkoop_kwaliteitsrapporten)
        if aanbieder_ids is not None:
            q = q.where(inkoop_kwaliteitsrapporten.c.aanbieder_id.in_(list(aanbieder_ids)))
        return self._rows(q.order_by(inkoop_kwaliteitsrapporten.c.jaar.desc()))

    def kwaliteitsrapport(self, aanbieder_id: str, jaar: int) -> Row | None:
        r = inkoop_kwaliteitsrapporten.c
        return self._one(sa.select(inkoop_kwaliteitsrapporten).where(r.aanbieder_id == aanbieder_id, r.jaar == jaar))

    # --- tariff table ------------------------------------------------------------------------------------------
    def rapport_bestand(self, rapport_id: str) -> Row | None:
        b = inkoop_kwaliteitsrapport_bestanden
        return self._one(sa.select(b).where(b.c.rapport_id == rapport_id))

    def delete_rapport_bestand(self, rapport_id: str) -> None:
        b = inkoop_kwaliteitsrapport_bestanden
        self.s.connection().execute(b.delete().where(b.c.rapport_id == rapport_id))

    def tarief(self, jaar: int, prestatiecode: str) -> Row | None:
        t = inkoop_tarieven.c
        return self._one(sa.select(inkoop_tarieven).where(t.jaar == jaar, t.prestatiecode == prestatiecode))

    def tarieven(self) -> list[Row]:
        t = inkoop_tarieven.c
        return self._rows(sa.select(inkoop_tarieven).order_by(t.jaar.desc(), t.prestatiecode))

    # --- experiments -------------------------------------------------------------------------------------------
    def experimenten(self) -> list[Row]:
        e = inkoop_experimenten.c
        return self._rows(sa.select(inkoop_experimenten).order_by(e.ingangsdatum.desc(), e.naam))

    # --- contracts ---------------------------------------------------------------------------------------------
    def contracten(
        self,
        *,
        agb_code: str | None = None,
        regio: str | None = None,
        status: str | None = None,
        op: dt.date | None = None,
    ) -> list[Row]:
        c = inkoop_contracten.c
        a = inkoop_aanbieders.c
        q = sa.select(inkoop_contracten, a.naam.label("aanbieder_naam")).join(
            inkoop_aanbieders, a.agb_code == c.agb_code, isouter=True
        )
        if agb_code is not None:
            q = q.where(c.agb_code == agb_code)
        if regio is not None:
            q = q.where(c.regio == regio)
        if status is not None:
            q = q.where(c.status == status)
        if op is not None:
            q = q.where(c.ingangsdatum <= op, c.einddatum >= op)
        return self._rows(q.order_by(c.regio, a.naam, c.ingangsdatum))

    def prestaties(self, contract_ids: Sequence[str]) -> list[Row]:
        p = inkoop_contract_prestaties.c
        q = sa.select(inkoop_contract_prestaties).where(p.contract_id.in_(list(contract_ids)))
        return self._rows(q.order_by(p.contract_id, p.prestatiecode))

    def dekkende_contracten(
        self, agb_code: str, regio: str, prestatiecode: str, van: dt.date, tot: dt.date
    ) -> list[Row]:
        """The active contracts of the provider in the region that cover the prestatie over the whole period, one
        row per leveringsvorm the prestatie is contracted for (``leveringsvorm``), latest contract first."""
        c = inkoop_contracten.c
        p = inkoop_contract_prestaties.c
        q = (
            sa.select(inkoop_contracten, p.tarief_cent, p.id.label("prestatie_id"), p.leveringsvorm)
            .join(inkoop_contract_prestaties, p.contract_id == c.id)
            .where(
                c.agb_code == agb_code,
                c.regio == regio,
                c.status == "actief",
                c.ingangsdatum <= van,
                c.einddatum >= tot,
                p.prestatiecode == prestatiecode,
            )
            .order_by(c.ingangsdatum.desc(), c.id)
        )
        return self._rows(q)

    def gekozen_in_regio(
        self, regio: str, prestatiecodes: Sequence[str], van: dt.date, tot: dt.date
    ) -> list[tuple[str, str, str | None]]:
        """(prestatiecode, client_id, experiment_id of the contract) of every choice in the region for one of the
        prestaties whose period touches ``van``..``tot``: what an open-house experiment's share is measured on."""
        k = inkoop_keuzes.c
        c = inkoop_contracten.c
        q = (
            sa.select(k.prestatiecode, k.client_id, c.experiment_id)
            .select_from(inkoop_keuzes.join(inkoop_contracten, c.id == k.contract_id))
            .where(
                c.regio == regio,
                k.prestatiecode.in_(list(prestatiecodes)),
                k.van <= tot,
                sa.or_(k.tot.is_(None), k.tot >= van),
            )
            .distinct()
        )
        return [(str(a), str(b), None if e is None else str(e)) for a, b, e in self.s.connection().execute(q)]

    def contract_van_aanbieder(self, agb_code: str, op: dt.date) -> Row | None:
        c = inkoop_contracten.c
        q = sa.select(inkoop_contracten).where(
            c.agb_code == agb_code, c.status == "actief", c.ingangsdatum <= op, c.einddatum >= op
        )
        return self._one(q.order_by(c.ingangsdatum.desc()))

    # --- choices, vouchers, cliëntondersteuning ---------------------------------------------------------------
    def keuzes(self, client_id: str) -> list[Row]:
        k = inkoop_keuzes.c
        c = inkoop_contracten.c
        q = (
            sa.select(inkoop_keuzes, c.regio, c.vorm)
            .join(inkoop_contracten, c.id == k.contract_id)
            .where(k.client_id == client_id)
        )
        return self._rows(q.order_by(k.van.desc(), k.prestatiecode))

    def vouchers(self, client_id: str) -> list[Row]:
        v = inkoop_vouchers.c
        return self._rows(sa.select(inkoop_vouchers).where(v.client_id == client_id).order_by(v.uitgegeven_op.desc()))

    def pgb_deel(self, leveringsvorm_keuze_id: str) -> Row | None:
        """The pgb part of an mpt+pgb leveringsvorm choice (``leveringsvorm_keuzes.id``)."""
        p = inkoop_pgb_delen.c
        return self._one(sa.select(inkoop_pgb_delen).where(p.leveringsvorm_keuze_id == leveringsvorm_keuze_id))

    def pgb_delen(self, client_id: str) -> list[Row]:
        p = inkoop_pgb_delen.c
        return self._rows(sa.select(inkoop_pgb_delen).where(p.client_id == client_id).order_by(p.van.desc()))

    def voucher_inwisselen(self, voucher_id: str, values: Mapping[str, Any]) -> int:
        """Mark the voucher redeemed only if it still is 'uitgegeven' (one statement: two redemptions at the same
        time cannot both succeed)."""
        v = inkoop_vouchers.c
        res = self.s.connection().execute(
            inkoop_vouchers.update().where(v.id == voucher_id, v.status == "uitgegeven").values(**values)
        )
        return int(res.rowcount)

    def ondersteuning(self, client_id: str) -> list[Row]:
        o = inkoop_ondersteuning.c
        return self._rows(sa.select(inkoop_ondersteuning).where(o.client_id == client_id).order_by(o.datum.desc()))

    # --- capacity ----------------------------------------------------------------------------------------------
    def capaciteit(self, jaar: int) -> list[Row]:
        c = inkoop_capaciteit.c
        return self._rows(sa.select(inkoop_capaciteit).where(c.jaar == jaar).order_by(c.agb_code, c.regio))

    def capaciteit_regel(self, agb_code: str, regio: str, jaar: int, discipline: str) -> Row | None:
        c = inkoop_capaciteit.c
        return self._one(
            sa.select(inkoop_capaciteit).where(
                c.agb_code == agb_code, c.regio == regio, c.jaar == jaar, c.discipline == discipline
            )
        )

    def normen(self) -> list[Row]:
        n = inkoop_capaciteitsnormen.c
        return self._rows(sa.select(inkoop_capaciteitsnormen).order_by(n.discipline, n.zorgprofiel))

    def norm(self, discipline: str, zorgprofiel: str) -> Row | None:
        n = inkoop_capaciteitsnormen.c
        return self._one(
            sa.select(inkoop_capaciteitsnormen).where(n.discipline == discipline, n.zorgprofiel == zorgprofiel)
        )

    def clienten_per_profiel(self, peildatum: dt.date, eigen_regio: str) -> dict[tuple[str, str], dict[str, int]]:
        """(agb, regio) -> zorgprofiel -> clients with an assignment running on the peildatum. The profile is the
        indicatiebesluit's (also for an mpt assignment of functions); the region is the one of the contract the
        client's choice went through, else this zorgkantoor's own region."""
        z = orm.zorgtoewijzingen.c
        i = orm.indicatiebesluiten.c
        k = inkoop_keuzes.c
        c = inkoop_contracten.c
        regio = sa.func.coalesce(c.regio, sa.literal(eigen_regio))
        q = (
            sa.select(z.agb_code, regio.label("regio"), i.zorgprofiel, sa.func.count(sa.distinct(z.client_id)))
            .join(orm.indicatiebesluiten, i.id == z.indicatie_id)
            .join(inkoop_keuzes, k.toewijzing_id == z.id, isouter=True)
            .join(inkoop_contracten, c.id == k.contract_id, isouter=True)
            .where(z.van <= peildatum, sa.or_(z.tot.is_(None), z.tot >= peildatum), z.status != "beeindigd")
            .group_by(z.agb_code, regio, i.zorgprofiel)
        )
        uit: dict[tuple[str, str], dict[str, int]] = {}
        for agb_code, r, zp, n in self.s.connection().execute(q):
            uit.setdefault((agb_code, r), {})[zp] = int(n)
        return uit


def decimal(v: Any) -> Decimal:
    return v if isinstance(v, Decimal) else Decimal(str(v))
