"""Two declarations for the last euros of a budget at the same moment: exactly one is paid (SQLite: the write
turns and BEGIN IMMEDIATE; PostgreSQL: SELECT ... FOR UPDATE on the beschikking), and the ledger stays balanced."""

import datetime as dt
import threading

import pytest
import sqlalchemy as sa

from wlz.pgb import services
from wlz.pgb.domain import model
from wlz.pgb.storage import orm

from .conftest import BEOORDELAAR, ZV1, beschikking

pytestmark = pytest.mark.postgres

RACES = 10


def test_two_declarations_for_the_last_euros_exactly_one_is_paid(uows, engine):
    for n in range(RACES):
        bid = f"b{n}"
        beschikking(uows, bid, f"bh{n}", bedrag=None)
        o = model.Zorgovereenkomst(
            id=f"o{n}",
            beschikking_id=bid,
            zorgverlener_id="zv1",
            functie="begeleiding",
            zorgbeschrijving="begeleiding",
            uren_per_week=10,
            uurtarief_cent=5_000,
            van=dt.date(2015, 1, 1),
            tot=dt.date(2015, 1, 28),
            derdenbeding=True,
        )  # 4 weeks x 10 h x EUR 50 = EUR 2.000 reserved
        services.dien_overeenkomst_in(
            uows, services.Actor("u", "b", services.BUDGETHOUDER, budgethouder_id=f"bh{n}"), o
        )
        services.beoordeel_overeenkomst(uows, BEOORDELAAR, o.id, True, "akkoord")
        services.dien_declaratie_in(
            uows, ZV1, o.id, dt.date(2015, 1, 5), dt.date(2015, 1, 11), 20, 100_000, dt.date(2015, 1, 12)
        )
        # EUR 1.000 left: two declarations of EUR 1.000 at once
        start = threading.Barrier(2)
        uitkomst: list[bool] = []

        def declareer(week: int, actor, start=start, o=o, uitkomst=uitkomst) -> None:
            van = dt.date(2015, 1, 5) + dt.timedelta(weeks=week)
            start.wait()
            r = services.dien_declaratie_in(
                uows, actor, o.id, van, van + dt.timedelta(days=6), 20, 100_000, dt.date(2015, 2, 1)
            )
            uitkomst.append(r.betalen)

        bh = services.Actor("u", "b", services.BUDGETHOUDER, budgethouder_id=f"bh{n}")
        threads = [threading.Thread(target=declareer, args=(1, ZV1)), threading.Thread(target=declareer, args=(2, bh))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sorted(uitkomst) == [False, True], n
    with engine.connect() as c:
        per = dict(
            c.execute(
                sa.select(orm.betalingen.c.beschikking_id, sa.func.sum(orm.betalingen.c.bedrag)).group_by(
                    orm.betalingen.c.beschikking_id
                )
            ).all()
        )
    assert per == {f"b{n}": 200_000 for n in range(RACES)}
    assert services.controleer_grootboek(uows) == []
