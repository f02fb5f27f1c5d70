"""Migration 0002 on a database with data of 0001: declarations get their minutes, an existing vordering gets a
status history (open from its date; its current status from the migration's day), and the downgrade returns to
0001 (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
import sqlalchemy as sa

from wlz.pgb.storage.uow import MIGRATIONS
from wlz.platform.database import make_engine

from .conftest import PG_URL

pytestmark = pytest.mark.postgres


@pytest.fixture
def leeg(tmp_path):
    if not PG_URL:
        e = make_engine(f"sqlite:///{tmp_path / 'pgb.sqlite'}")
        yield e
        e.dispose()
        return
    schema = "pgbm_" + uuid.uuid4().hex[:12]
    admin = sa.create_engine(PG_URL)
    with admin.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    e = make_engine(PG_URL, connect_args={"options": f"-csearch_path={schema}"}, pool_size=2)
    yield e
    e.dispose()
    with admin.begin() as conn:
        conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
    admin.dispose()


def test_0002_fills_minutes_and_starts_the_status_history(leeg):
    MIGRATIONS.upgrade(leeg, "0001")
    with leeg.begin() as c:
        c.execute(
            sa.text(
                "INSERT INTO pgb_beschikkingen (id, budgethouder_id, zorgprofiel, cod163, van, tot, regeling, "
                "zorgkantoor, gewaarborgde_hulp_vereist, minderjarig, budget_bron, budget, beschikbaar, gereserveerd, "
                "betaald, teruggegeven) VALUES ('b1', 'bh1', 'VG5', '808', :van, :tot, 'wlz', 'zk', false, false, "
                "'test', 1000, 1000, 0, 0, 0)"
            ),
            {"van": dt.date(2015, 1, 1), "tot": dt.date(2015, 12, 31)},
        )
        c.execute(
            sa.text(
                "INSERT INTO pgb_zorgovereenkomsten (id, beschikking_id, zorgverlener_id, soort, functie, "
                "zorgbeschrijving, uren_per_week, uurtarief, van, tot, derdenbeding, status, gereserveerd) VALUES "
                "('o1', 'b1', 'zv1', 'formeel', 'begeleiding', 'x', 4, 100, :van, :tot, true, 'ingediend', 0)"
            ),
            {"van": dt.date(2015, 1, 1), "tot": dt.date(2015, 12, 31)},
        )
        c.execute(
            sa.text(
                "INSERT INTO pgb_declaraties (id, overeenkomst_id, van, tot, uren, bedrag, ingediend_op, betaald) "
                "VALUES ('d1', 'o1', :van, :tot, 7.25, 100, :tot, false)"
            ),
            {"van": dt.date(2015, 1, 5), "tot": dt.date(2015, 1, 11)},
        )
        for vid, status in (("v-open", "open"), ("v-betaald", "betaald")):
            c.execute(
                sa.text(
                    "INSERT INTO pgb_vorderingen (id, beschikking_id, debiteur_type, debiteur_id, oorzaak, bedrag, "
                    "datum, status, regeling, zorgkantoor) VALUES (:id, 'b1', 'budgethouder', 'bh1', 'x', 100, "
                    ":datum, :status, 'wlz', 'zk')"
                ),
                {"id": vid, "datum": dt.date(2015, 3, 1), "status": status},
            )
    MIGRATIONS.upgrade(leeg)
    with leeg.connect() as c:
        assert c.execute(sa.text("SELECT minuten FROM pgb_declaraties")).scalar_one() == 435  # 7.25 h
        rijen = c.execute(
            sa.text("SELECT vordering_id, status, geldig_vanaf FROM pgb_vordering_statussen ORDER BY vordering_id, id")
        ).all()
    vandaag = dt.date.today()
    assert [(r[0], r[1], str(r[2])) for r in rijen] == [
        ("v-betaald", "open", "2015-03-01"),
        ("v-betaald", "betaald", str(vandaag)),
        ("v-open", "open", "2015-03-01"),
    ]
    # back down to 0001: the new tables and the column go
    from alembic import command

    cfg = MIGRATIONS.config()
    with leeg.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001")
    assert "pgb_vordering_statussen" not in sa.inspect(leeg).get_table_names()
    assert "minuten" not in {k["name"] for k in sa.inspect(leeg).get_columns("pgb_declaraties")}
