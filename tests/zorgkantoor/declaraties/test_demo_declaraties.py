"""``wlz demo``'s zorginkoop part fills the declaration pages: accepted lines and refused lines for several
reasons, imported through the same use case as a provider's upload. Real database (SQLite, or PostgreSQL when
``WLZ_DATABASE_URL`` says so)."""

from __future__ import annotations

import sqlalchemy as sa

from wlz.zorgkantoor import inkoop_demo
from wlz.zorgkantoor.services import declaraties, inkoop_rapport
from wlz.zorgkantoor.storage import declaratie_orm as t

from .wereld import ZORGINKOPER

AANBIEDERS = ["12345672", "23456781", "34567890"]


def test_the_demo_has_accepted_and_refused_declarations(uow):
    regel = inkoop_demo.vul(uow, AANBIEDERS)
    assert "11 geaccepteerd" not in regel and "5 geaccepteerd, 8 geweigerd" in regel
    with uow() as u:
        conn = u.session.connection()
        redenen = dict(
            conn.execute(
                sa.select(t.declaratie_weigeringen.c.reden_code, sa.func.count()).group_by(
                    t.declaratie_weigeringen.c.reden_code
                )
            ).all()
        )
        bedrag = conn.execute(sa.select(sa.func.sum(t.declaratie_regels.c.bedrag_cent))).scalar_one()
    assert redenen == {"D01": 1, "D03": 1, "D04": 1, "D05": 1, "D07": 1, "D08": 1, "D09": 1, "D11": 1}
    assert bedrag == 60_000 + 72_000 + 47_950 + 53_900 + 53_900
    # the pages read them: the batches, the ledger of 2017 and the report per region
    with uow(write=True) as u:
        assert len(declaraties.batches(u, ZORGINKOPER)) == 3
    with uow(write=True) as u:
        boek = declaraties.grootboek(u, ZORGINKOPER, 2017, None)
    assert sum(r.bedrag_cent for r in boek) == bedrag
    with uow(write=True) as u:
        rapport = inkoop_rapport.rapport(u, ZORGINKOPER, 2017)
    assert [g.regio_naam for g in rapport.regios if g.clienten] == ["Rotterdam"]
