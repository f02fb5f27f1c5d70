"""``wlz pgb demo`` fills a database with budgethouders with a plan, agreements, payments, a refused declaration
and a vordering, through the use cases; ``wlz pgb controleer`` then finds the ledger balanced."""

import sqlalchemy as sa
from typer.testing import CliRunner

from wlz.cli import app
from wlz.pgb.storage import orm


def test_demo_and_the_ledger_check(tmp_path, monkeypatch):
    monkeypatch.setenv("WLZ_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("WLZ_PGB_DATABASE_URL", raising=False)
    r = CliRunner().invoke(app, ["pgb", "demo"])
    assert r.exit_code == 0, r.output
    assert "Grootboek: in balans" in r.output and "1 vordering" in r.output
    r = CliRunner().invoke(app, ["pgb", "controleer"])
    assert r.exit_code == 0 and "grootboek in balans" in r.output
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'pgb.sqlite'}")
    with engine.connect() as c:
        assert c.execute(sa.select(sa.func.count()).select_from(orm.betalingen)).scalar_one() > 0
        assert c.execute(sa.select(sa.func.count()).select_from(orm.vorderingen)).scalar_one() == 1
        assert (
            c.execute(
                sa.select(sa.func.count()).select_from(orm.declaraties).where(orm.declaraties.c.betaald.is_(False))
            ).scalar_one()
            > 0
        )
        # a tampered ledger is found
        c.execute(sa.update(orm.overeenkomsten).values(gereserveerd=orm.overeenkomsten.c.gereserveerd + 1))
        c.commit()
    engine.dispose()
    r = CliRunner().invoke(app, ["pgb", "controleer"])
    assert r.exit_code == 1 and "reserveringen" in r.output
