"""Database fixtures for the service tests.

Each database test gets a database of its own, migrated with the shipped Alembic migrations:
- default: a fresh SQLite file in the test's tmp dir (a migrated template is copied, which is fast);
- when ``WLZ_DATABASE_URL`` is a PostgreSQL URL (scripts/test.sh's second run): a fresh schema on that
  server, dropped afterwards, so tests never see each other's rows.
"""

from __future__ import annotations

import os
import shutil
import uuid

import pytest
import sqlalchemy as sa

from wlz.platform.database import make_engine
from wlz.zorgkantoor.storage import migrate
from wlz.zorgkantoor.storage.uow import UnitOfWorkFactory

PG_URL = os.environ.get("WLZ_DATABASE_URL", "")
OP_POSTGRES = PG_URL.startswith("postgresql")


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory):
    path = tmp_path_factory.mktemp("template") / "wlz.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    migrate.upgrade(engine)
    engine.dispose()
    return path


def _pg_engine():
    schema = "t_" + uuid.uuid4().hex[:12]
    admin = sa.create_engine(PG_URL)
    with admin.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    engine = make_engine(PG_URL, connect_args={"options": f"-csearch_path={schema}"}, pool_size=5)

    def opruimen():
        engine.dispose()
        with admin.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()

    return engine, opruimen


@pytest.fixture
def engine(request, tmp_path):
    if OP_POSTGRES:
        engine, opruimen = _pg_engine()
        migrate.upgrade(engine)
        yield engine
        opruimen()
        return
    template = request.getfixturevalue("_sqlite_template")
    path = tmp_path / "wlz.sqlite"
    shutil.copy(template, path)
    engine = make_engine(f"sqlite:///{path}")
    yield engine
    engine.dispose()


@pytest.fixture
def uow(engine):
    return UnitOfWorkFactory(engine)


@pytest.fixture(scope="session")
def chromium():
    """One Chromium per test process for every browser test under tests/zorgkantoor (e2e, inkoop): Playwright's
    sync API refuses a second instance while one is open in the same thread, and a session-scoped one stays open."""
    from .e2e.browser import CHROMIUM, CHROMIUM_ARGS, chromium_ontbreekt

    reden = chromium_ontbreekt()
    if reden:
        pytest.skip(reden)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
