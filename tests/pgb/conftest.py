"""Each pgb database test gets its own migrated database: a copied SQLite template, or a fresh schema on the
PostgreSQL server of ``WLZ_TEST_DATABASE_URL`` / ``WLZ_DATABASE_URL`` (dropped afterwards)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import uuid

import pytest
import sqlalchemy as sa

from wlz.pgb import services
from wlz.pgb.storage.uow import unit_of_work_factory, upgrade
from wlz.platform.database import make_engine

PG_URL = next(
    (
        u
        for u in (os.environ.get("WLZ_TEST_DATABASE_URL", ""), os.environ.get("WLZ_DATABASE_URL", ""))
        if u.startswith("postgresql")
    ),
    "",
)

BEOORDELAAR = services.Actor("u-zk", "beoordelaar1", services.BEOORDELAAR)
BH1 = services.Actor("u-bh1", "budgethouder1", services.BUDGETHOUDER, budgethouder_id="bh1")
BH2 = services.Actor("u-bh2", "budgethouder2", services.BUDGETHOUDER, budgethouder_id="bh2")
ZV1 = services.Actor("u-zv1", "zorgverlener1", services.ZORGVERLENER, zorgverlener_id="zv1")
ZV2 = services.Actor("u-zv2", "zorgverlener2", services.ZORGVERLENER, zorgverlener_id="zv2")


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory):
    path = tmp_path_factory.mktemp("pgb-template") / "pgb.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()
    return path


def _sqlite_engine(request, tmp_path):
    path = tmp_path / "pgb.sqlite"
    shutil.copy(request.getfixturevalue("_sqlite_template"), path)
    return make_engine(f"sqlite:///{path}")


@pytest.fixture
def engine(request, tmp_path):
    if not PG_URL:
        e = _sqlite_engine(request, tmp_path)
        yield e
        e.dispose()
        return
    schema = "pgb_" + uuid.uuid4().hex[:12]
    admin = sa.create_engine(PG_URL)
    with admin.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    e = make_engine(PG_URL, connect_args={"options": f"-csearch_path={schema}"}, pool_size=5)
    upgrade(e)
    yield e
    e.dispose()
    with admin.begin() as conn:
        conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
    admin.dispose()


@pytest.fixture
def uows(engine):
    return unit_of_work_factory(engine)


def beschikking(uows, bid="b1", client="bh1", jaar=2015, bedrag=None, profiel="VG5", hulp="ouder (synthetisch)"):
    rec = services.PgbBeschikking(
        beschikking_id=bid,
        client_id=client,
        zorgprofiel=profiel,
        van=dt.date(jaar, 1, 1),
        tot=dt.date(jaar, 12, 31),
        zorgkantoor="Zorgkantoor Voorbeeld",
        bedrag=bedrag,
        gewaarborgde_hulp=hulp,
    )
    return services.registreer_beschikking(uows, BEOORDELAAR, rec)
