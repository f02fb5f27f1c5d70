"""Set-based reads and writes for the bulk IO31 import (``services.io31_bulk``): which BSNs and besluitnummers
are known already (one query per chunk, not one per message), and multi-row inserts of the rows a chunk makes.
Core statements on the unit of work's own connection, so they share its one transaction."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from . import orm

#: at most this many values in one IN (...) (SQLite's limit on bound parameters is 32,766 since 3.32)
_IN_CHUNK = 5000


def _in_chunks(values: Sequence[str]) -> Iterable[Sequence[str]]:
    for i in range(0, len(values), _IN_CHUNK):
        yield values[i : i + _IN_CHUNK]


def known_bsns(session: Session, bsns: Sequence[str]) -> set[str]:
    """The BSNs among ``bsns`` that have a client already."""
    c = orm.clients.c
    found: set[str] = set()
    for part in _in_chunks(bsns):
        found.update(session.connection().execute(sa.select(c.bsn).where(c.bsn.in_(part))).scalars())
    return found


def known_besluitnummers(session: Session, nummers: Sequence[str]) -> set[str]:
    """The besluitnummers among ``nummers`` registered already."""
    i = orm.indicatiebesluiten.c
    found: set[str] = set()
    for part in _in_chunks(nummers):
        found.update(
            session.connection().execute(sa.select(i.besluitnummer).where(i.besluitnummer.in_(part))).scalars()
        )
    return found


def known_identificaties(session: Session, soort: str, afzender: str, identificaties: Sequence[str]) -> set[str]:
    """The identifications among ``identificaties`` of messages of this type received from this sender before
    (accepted or refused), as ``Berichten.al_ontvangen`` asks it one at a time (iWlz TR056)."""
    b = orm.berichten.c
    found: set[str] = set()
    for part in _in_chunks(identificaties):
        q = sa.select(b.identificatie).where(
            b.soort == soort,
            b.richting == "in",
            b.afzender == afzender,
            b.retour_van.is_(None),
            b.identificatie.in_(part),
        )
        found.update(session.connection().execute(q).scalars())
    return found


def insert_rows(session: Session, rows: dict[str, list[dict[str, Any]]]) -> None:
    """Insert the rows per kind (parents first: clients, indicatiebesluiten, the received messages, their
    retours, then the access log), each as one executemany in the session's transaction."""
    conn = session.connection()
    for kind, table in _ORDER:
        if rows.get(kind):
            conn.execute(table.insert(), rows[kind])


_ORDER = (
    ("clients", orm.clients),
    ("indicatiebesluiten", orm.indicatiebesluiten),
    ("berichten", orm.berichten),
    ("retouren", orm.berichten),
    ("toegangslog", orm.toegangslog),
)
