"""The CIZ's own history creates exactly the mapped tables (alembic_version_ciz), goes down to nothing, and the
use cases run on it: SQLite by default, PostgreSQL in the suite's second run (``WLZ_DATABASE_URL``)."""

from __future__ import annotations

import datetime as dt
import os
import uuid

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from wlz.ciz.domain.beoordeling import Beoordeling
from wlz.ciz.domain.gebruiker import Actor
from wlz.ciz.services import aanvragen, kwaliteit
from wlz.ciz.storage import migrate, orm
from wlz.ciz.storage.uow import UnitOfWorkFactory
from wlz.platform.database import make_engine

from .conftest import formulier

pytestmark = pytest.mark.postgres
PG_URL = os.environ.get("WLZ_DATABASE_URL", "")


@pytest.fixture
def engine(tmp_path):
    if not PG_URL.startswith("postgresql"):
        e = make_engine(f"sqlite:///{tmp_path / 'ciz.sqlite'}")
        yield e
        e.dispose()
        return
    schema = "ciz_" + uuid.uuid4().hex[:12]
    admin = sa.create_engine(PG_URL)
    with admin.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    e = make_engine(PG_URL, connect_args={"options": f"-csearch_path={schema}"})
    yield e
    e.dispose()
    with admin.begin() as conn:
        conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
    admin.dispose()


def test_migrations_create_exactly_the_mapped_tables(engine):
    migrate.upgrade(engine)
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"version_table": "alembic_version_ciz"})
        assert ctx.get_current_revision() == "0007"
        verschil = [
            d
            for d in compare_metadata(ctx, orm.metadata)
            if not (isinstance(d, tuple) and d[0] == "remove_table" and d[1].name == "alembic_version_ciz")
        ]
    assert verschil == []
    assert set(sa.inspect(engine).get_table_names()) == set(orm.metadata.tables) | {"alembic_version_ciz"}
    migrate.downgrade_base(engine)
    assert set(sa.inspect(engine).get_table_names()) <= {"alembic_version_ciz"}


def test_use_cases_on_the_database(engine):
    migrate.upgrade(engine)
    uowf = UnitOfWorkFactory(engine)
    steller = Actor("g1", "indicatiesteller", "indicatiesteller")
    toetser = Actor("g2", "kwaliteitstoetser", "kwaliteitstoetser")
    data = formulier(seed=5)
    gegevens = {k: v for k, v in data.items() if k not in ("geboortedatum", "huisnummer")}
    gegevens.update(geboortedatum=dt.date(1938, 4, 12), huisnummer=3)
    with uowf(write=True) as uow:
        a = aanvragen.dien_in(uow, Actor("", "aanvrager", "aanvrager"), gegevens, ontvangen=dt.date(2018, 3, 5))
    with uowf(write=True) as uow:
        assert [x.id for x in aanvragen.werkvoorraad(uow, steller)] == [a.id]
    b = Beoordeling(grondslagen=("05",), permanent_toezicht=True, behoefte={"begeleiding": 3, "verzorging": 3})
    with uowf(write=True) as uow:
        aanvragen.beoordeel(uow, steller, a.id, b)
    with uowf(write=True) as uow:
        uit = aanvragen.beslis(uow, steller, a.id, {"uitkomst": "toegekend", "zorgprofiel": "VG5",
                               "ingangsdatum": dt.date(2018, 3, 20)}, besluitdatum=dt.date(2018, 3, 20))  # fmt: skip
    assert uit.bericht is not None and uit.bericht.inhoud.startswith(b"<?xml")
    from decimal import Decimal

    from wlz.ciz.domain.maatwerk import Behoefte
    from wlz.ciz.services import maatwerk

    with uowf(write=True) as uow:
        m = maatwerk.leg_vast(uow, steller, a.id, pilotgroep="voorbeeld", jaar=2018,
                              behoeften=[Behoefte("verzorging", Decimal("12.5"), Decimal(40))])  # fmt: skip
    with uowf() as uow:
        assert [x.bedrag for x in uow.maatwerk.van_aanvraag(a.id)] == [m.bedrag] == [Decimal("26071.43")]
    with uowf(write=True) as uow:
        d = aanvragen.dashboard(uow, toetser, 2018, 52)
        assert (d.besluiten, d.op_tijd) == (1, 1)
        sample = kwaliteit.trek_steekproef(uow, toetser, dt.date(2018, 1, 1), dt.date(2018, 4, 1), seed=1)
    assert len(sample) == 1
    with uowf(write=True) as uow:
        kwaliteit.oordeel(uow, toetser, sample[0].id, True, "")
        from wlz.ciz.storage.uow import toegangslog_regels

        assert len(toegangslog_regels(uow.session)) >= 6


def test_migration_0007_moves_kept_deadlines_past_weekends_and_holidays(engine):
    """Deadlines kept before the Algemene termijnenwet was applied: one ending on a Saturday moves to Monday, one
    on Goede Vrijdag 2018 to the Tuesday after Easter, one on a working day stays."""
    migrate.upgrade(engine, "0006")
    rij = {
        "bsn": "111222333",
        "achternaam": "Test",
        "voornamen": "A",
        "geboortedatum": dt.date(1940, 1, 1),
        "geslacht": "0",
        "straat": "Weg",
        "huisnummer": 1,
        "postcode": "3811AA",
        "woonplaats": "Amersfoort",
        "ontvangen": dt.date(2018, 1, 6),
        "aanvrager": "client",
        "zorgkantoor": "5509",
        "ontvangt_al_zorg": False,
        "verblijft_in_instelling": False,
        "toelichting": "",
        "bestaande_informatie": "",
        "eenheid": "",
        "termijn_grond": "Blz art. 3.2.4 lid 1",
        "status": "ontvangen",
        "voorwaarden": "",
        "besluit_toelichting": "",
        "past_in_geen_profiel": False,
    }
    uiterlijk = {"za": dt.date(2018, 2, 17), "gv": dt.date(2018, 3, 30), "wd": dt.date(2018, 2, 16)}
    t = sa.table("aanvragen", *(sa.column(k) for k in [*rij, "id", "ontvangstnummer", "uiterlijk"]))
    with engine.begin() as conn:
        for k, dag in uiterlijk.items():
            conn.execute(sa.insert(t).values(**rij, id=k, ontvangstnummer=f"CIZ-2018-{k}", uiterlijk=dag))
    migrate.upgrade(engine)
    with engine.connect() as conn:
        na = {k: (str(v), g) for k, v, g in conn.execute(sa.select(t.c.id, t.c.uiterlijk, t.c.termijn_grond)).all()}
    assert na == {
        "za": ("2018-02-19", "Blz art. 3.2.4 lid 1; Atw art. 1"),
        "gv": ("2018-04-03", "Blz art. 3.2.4 lid 1; Atw art. 1"),
        "wd": ("2018-02-16", "Blz art. 3.2.4 lid 1"),
    }
    migrate.downgrade_base(engine)
