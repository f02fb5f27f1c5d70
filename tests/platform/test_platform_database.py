"""The database layer: SQLite's write turns, the unit of work's one transaction, UTC timestamps."""

import datetime as dt
import threading
import time

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from wlz.platform.database import SqliteWriteTurns, WriteTurns, make_engine, new_metadata, write_turns
from wlz.platform.types import UTCDateTime
from wlz.platform.uow import UnitOfWork, UnitOfWorkFactory

metadata = new_metadata()
regels = sa.Table(
    "regels", metadata, sa.Column("id", sa.Integer, primary_key=True), sa.Column("op", UTCDateTime, nullable=False)
)


class Regels(UnitOfWork):
    def open_repositories(self, session: Session) -> None:
        self.aantal = lambda: session.scalar(sa.select(sa.func.count()).select_from(regels))
        self.voeg_toe = lambda: session.execute(sa.insert(regels).values(op=dt.datetime.now(dt.UTC)))


@pytest.fixture
def uowf(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'sub' / 'db.sqlite'}")  # the folder is made
    metadata.create_all(engine)
    yield UnitOfWorkFactory(engine, Regels)
    engine.dispose()


def test_work_without_commit_is_rolled_back_and_committed_work_kept(uowf):
    with uowf(write=True) as uow:
        uow.voeg_toe()
    with uowf() as uow:
        assert uow.aantal() == 0
    with uowf(write=True) as uow:
        uow.voeg_toe()
        uow.commit()
    with uowf(single_read=True) as uow:
        assert uow.aantal() == 1


def test_timestamps_come_back_in_utc_and_naive_ones_are_refused(uowf):
    with uowf(write=True) as uow:
        uow.session.execute(
            sa.insert(regels).values(op=dt.datetime(2024, 1, 1, 12, tzinfo=dt.timezone(dt.timedelta(hours=1))))
        )
        uow.commit()
    with uowf() as uow:
        assert uow.session.scalar(sa.select(regels.c.op)) == dt.datetime(2024, 1, 1, 11, tzinfo=dt.UTC)
    with uowf(write=True) as uow, pytest.raises(sa.exc.StatementError):
        uow.session.execute(sa.insert(regels).values(op=dt.datetime(2024, 1, 1)))


def test_sqlite_writers_of_one_process_take_turns(uowf):
    assert isinstance(write_turns(uowf.engine), SqliteWriteTurns)
    volgorde: list[str] = []
    eerste_binnen = threading.Event()

    def eerste():
        with uowf(write=True) as uow:
            eerste_binnen.set()
            time.sleep(0.2)
            volgorde.append("eerste klaar")
            uow.voeg_toe()
            uow.commit()

    t = threading.Thread(target=eerste)
    t.start()
    eerste_binnen.wait()
    with uowf(write=True) as uow:  # waits for the first writer's turn to end
        volgorde.append("tweede begint")
        assert uow.aantal() == 1
    t.join()
    assert volgorde == ["eerste klaar", "tweede begint"]


def test_a_writer_that_cannot_get_its_turn_gets_a_database_busy_error():
    turns = SqliteWriteTurns(timeout=0.05)
    threading.Thread(target=turns.take).start()
    time.sleep(0.05)
    with pytest.raises(sa.exc.OperationalError):
        turns.take()


def test_postgresql_takes_no_turns():
    engine = sa.create_engine("postgresql+psycopg://wlz@localhost/none")
    assert type(write_turns(engine)) is WriteTurns
