"""The access log's group commit: many reads' lines written together, each read returning only once its line is
committed, a failed write failing every read that waited for it, and a logged read that cannot write anything
else. On SQLite and, in the PostgreSQL run (``WLZ_DATABASE_URL``), on PostgreSQL."""

from __future__ import annotations

import os
import threading
import uuid
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from wlz.platform import access_log
from wlz.platform.access_log import AccessLog, GroupCommit
from wlz.platform.database import make_engine, new_metadata
from wlz.platform.uow import UnitOfWork, UnitOfWorkFactory

pytestmark = pytest.mark.postgres  # runs on SQLite and, in the PostgreSQL run, there

PG_URL = os.environ.get("WLZ_DATABASE_URL", "")

metadata = new_metadata()
table = access_log.define_table(metadata)
clients = sa.Table("clients", metadata, sa.Column("id", sa.String(32), primary_key=True))


class Actor:
    gebruiker_id = "g1"
    gebruikersnaam = "beoordelaar"
    rol = "beoordelaar"
    kanaal = "api"


class LogWork(UnitOfWork):
    def open_repositories(self, session: Session) -> None:
        self.toegangslog = AccessLog(session, table, self.deferred_log)


@pytest.fixture
def engine(tmp_path):
    if PG_URL.startswith("postgresql"):
        schema = "t_" + uuid.uuid4().hex[:12]
        admin = sa.create_engine(PG_URL)
        with admin.begin() as conn:
            conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
        engine = make_engine(PG_URL, connect_args={"options": f"-csearch_path={schema}"})
        metadata.create_all(engine)
        yield engine
        engine.dispose()
        with admin.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()
        return
    engine = make_engine(f"sqlite:///{tmp_path / 'log.sqlite'}")
    metadata.create_all(engine)
    yield engine
    engine.dispose()


def _lines(engine: sa.Engine, client_id: str | None = None) -> int:
    with engine.connect() as conn:
        q = sa.select(sa.func.count()).select_from(table)
        if client_id is not None:
            q = q.where(table.c.client_id == client_id)
        return int(conn.execute(q).scalar_one())


def test_every_read_returns_only_after_its_line_is_committed(engine):
    """40 threads each write a line through one group commit; as soon as a thread's write returns, its line is
    visible from another connection; in the end exactly 40 lines, none lost, none twice."""
    writer = GroupCommit(engine, table)
    seen_after_return: list[int] = []
    errors: list[BaseException] = []

    def read(n: int) -> None:
        try:
            writer.write([access_log.line(Actor(), "lezen", "dossier", "test", client_id=f"c{n}")])
            seen_after_return.append(_lines(engine, f"c{n}"))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=read, args=(n,)) for n in range(40)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert not errors
    assert seen_after_return == [1] * 40
    assert _lines(engine) == 40


def test_a_failed_write_fails_every_read_waiting_for_it(engine):
    """A line the database refuses (a NOT NULL column missing): the read gets a database error (the service
    answers 503) and no line is stored; the next turn writes again."""
    writer = GroupCommit(engine, table)
    bad: dict[str, Any] = access_log.line(Actor(), "lezen", "dossier", "test", client_id="x")
    bad["gebruikersnaam"] = None
    with pytest.raises(sa.exc.OperationalError):
        writer.write([bad])
    assert _lines(engine) == 0
    writer.write([access_log.line(Actor(), "lezen", "dossier", "test", client_id="y")])
    assert _lines(engine) == 1


def test_every_character_of_a_line_is_stored_as_written(engine):
    """PostgreSQL writes a turn with COPY (text format: tabs, newlines and backslashes are escaped by psycopg),
    SQLite with an INSERT: a subject with those characters, quotes, accents and an empty client comes back
    exactly, with the moment of the read in UTC."""
    writer = GroupCommit(engine, table)
    lastig = "zoeken\t'tab'\nregel \\N \\ \"één\" cliënt \u20ac"
    line = access_log.line(Actor(), "zoeken", lastig, "test")
    writer.write([line, access_log.line(Actor(), "lezen", "dossier", "test", client_id="c1")])
    with engine.connect() as conn:
        rows = conn.execute(sa.select(table).order_by(table.c.id)).mappings().all()
    assert [(r["onderwerp"], r["client_id"]) for r in rows] == [(lastig, None), ("dossier", "c1")]
    assert rows[0]["tijdstip"] == line["tijdstip"]
    assert rows[0]["gebruikersnaam"] == "beoordelaar" and rows[0]["kanaal"] == "api"


def test_a_line_without_a_time_zone_is_refused_and_nothing_of_its_turn_stored(engine):
    """Both ways refuse a naive timestamp (``UTCDateTime``): the reads of that turn fail, no line is stored."""
    writer = GroupCommit(engine, table)
    naive = access_log.line(Actor(), "lezen", "dossier", "test", client_id="x")
    naive["tijdstip"] = naive["tijdstip"].replace(tzinfo=None)
    with pytest.raises(sa.exc.OperationalError):
        writer.write([access_log.line(Actor(), "lezen", "dossier", "test", client_id="w"), naive])
    assert _lines(engine) == 0


def test_logged_read_writes_its_lines_at_commit_and_nothing_without_commit(engine):
    uowf = UnitOfWorkFactory(engine, LogWork, access_log=table)
    with uowf(logged_read=True) as uow:
        uow.toegangslog.write(access_log.line(Actor(), "lezen", "dossier", "test", client_id="a"))
        assert _lines(engine) == 0  # kept until the commit
        uow.commit()
        assert _lines(engine, "a") == 1
    with uowf(logged_read=True) as uow:  # a read that fails before its commit: no line
        uow.toegangslog.write(access_log.line(Actor(), "lezen", "dossier", "test", client_id="b"))
    assert _lines(engine, "b") == 0


def test_logged_read_refuses_to_write_anything_else(engine):
    class Client:
        def __init__(self, id: str) -> None:
            self.id = id

    from sqlalchemy.orm import registry

    registry().map_imperatively(Client, clients)
    uowf = UnitOfWorkFactory(engine, LogWork, access_log=table)
    with uowf(logged_read=True) as uow:
        uow.session.add(Client("c1"))
        uow.toegangslog.write(access_log.line(Actor(), "aanmaken", "cliënt", "test", client_id="c1"))
        with pytest.raises(RuntimeError):
            uow.flush()  # no transaction to roll back: refused before anything is written
        with pytest.raises(RuntimeError):
            uow.commit()
    with engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(clients)).scalar_one() == 0
    assert _lines(engine) == 0


def test_logged_read_needs_the_log_table(engine):
    with pytest.raises(ValueError):
        UnitOfWorkFactory(engine, LogWork)(logged_read=True)
