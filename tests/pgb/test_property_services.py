"""Random sequences of agreements, approvals, declarations (also bad ones), corrections and a vaststelling through
the use cases on a real database: never more paid than the budget, never a payment to the budgethouder, and the
ledger check (balances = journal = payments = reservations) always clean — also after refused input."""

import datetime as dt
import itertools

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from wlz.common.errors import InputError
from wlz.pgb import services
from wlz.pgb.domain import model
from wlz.pgb.storage import orm

from .conftest import BEOORDELAAR, beschikking

_teller = itertools.count()

# mostly valid input (so payments happen), some bad input (negative, over the limits, late, without derdenbeding)
overeenkomst = st.tuples(
    st.just("ovk"),
    st.one_of(st.integers(1, 40), st.integers(41, 45)),
    st.one_of(st.integers(2_000, 6_000), st.integers(-500, 9_000)),
    st.one_of(st.just(True), st.booleans()),
    st.one_of(st.just(True), st.booleans()),
    st.sampled_from(["zv1", "zv2"]),
)
declaratie = st.tuples(
    st.just("decl"),
    st.integers(0, 5),
    st.integers(0, 51),
    st.one_of(st.integers(10, 40), st.integers(-2, 50)),
    st.one_of(st.integers(1, 100_000), st.integers(-1_000, 400_000)),
    st.one_of(st.integers(0, 42), st.integers(43, 60)),
)
correctie = st.tuples(st.just("corr"), st.integers(0, 20))
stappen = st.lists(st.one_of(overeenkomst, declaratie, correctie), min_size=1, max_size=30)


@pytest.fixture
def db(request, tmp_path_factory):
    from wlz.pgb.storage.uow import unit_of_work_factory, upgrade
    from wlz.platform.database import make_engine

    path = tmp_path_factory.mktemp("prop") / "pgb.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    yield engine, unit_of_work_factory(engine)
    engine.dispose()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(reeks=stappen, vaststellen=st.booleans(), budget=st.integers(1_000, 60_000))
def test_random_use_case_sequences_keep_the_ledger(db, reeks, vaststellen, budget):
    engine, uows = db
    n = next(_teller)
    bid, bh = f"p{n}", f"bh{n}"
    beschikking(uows, bid, bh, jaar=2024, bedrag=budget)
    ik = services.Actor("u", "u", services.BUDGETHOUDER, budgethouder_id=bh)
    ovks: list[str] = []
    decls: list[str] = []
    # one valid approved agreement to start with, so most sequences pay something
    for stap in [("ovk", 20, 5_000, True, True, "zv1"), *reeks]:
        try:
            if stap[0] == "ovk":
                _, uren, tarief, derden, goed, zv = stap
                o = model.Zorgovereenkomst(
                    id="",
                    beschikking_id=bid,
                    zorgverlener_id=zv,
                    functie="begeleiding",
                    zorgbeschrijving="zorg",
                    uren_per_week=uren,
                    uurtarief_cent=tarief,
                    van=dt.date(2024, 1, 1),
                    tot=dt.date(2024, 12, 31),
                    derdenbeding=derden,
                )
                oid, _ = services.dien_overeenkomst_in(uows, ik, o)
                services.beoordeel_overeenkomst(uows, BEOORDELAAR, oid, goed, "besluit")
                ovks.append(oid)
            elif stap[0] == "decl" and ovks:
                _, i, week, uren, bedrag, laat = stap
                oid = ovks[i % len(ovks)]
                van = dt.date(2024, 1, 1) + dt.timedelta(weeks=week)
                tot = van + dt.timedelta(days=6)
                services.dien_declaratie_in(uows, ik, oid, van, tot, uren, bedrag, tot + dt.timedelta(days=laat))
                with engine.connect() as c:
                    decls.append(
                        c.execute(
                            sa.select(orm.declaraties.c.id).order_by(
                                orm.declaraties.c.ingediend_op.desc(), orm.declaraties.c.id.desc()
                            )
                        )
                        .scalars()
                        .first()
                    )
            elif stap[0] == "corr" and decls:
                services.corrigeer_betaling(uows, BEOORDELAAR, decls[stap[1] % len(decls)], "terugbetaald")
        except InputError:
            pass
    if vaststellen:
        services.stel_vast(uows, BEOORDELAAR, bid, vrij_cent=0)
    with engine.connect() as c:
        betaald = c.execute(
            sa.select(sa.func.coalesce(sa.func.sum(orm.betalingen.c.bedrag), 0)).where(
                orm.betalingen.c.beschikking_id == bid
            )
        ).scalar_one()
        ontvangers = set(
            c.execute(
                sa.select(orm.betalingen.c.zorgverlener_id).where(orm.betalingen.c.beschikking_id == bid)
            ).scalars()
        )
    event(f"betaald: {betaald > 0}")
    assert betaald <= budget * 100
    assert bh not in ontvangers and ontvangers <= {"zv1", "zv2"}
    assert services.controleer_grootboek(uows) == []
