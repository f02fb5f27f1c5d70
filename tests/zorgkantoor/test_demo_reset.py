"""`wlz demo --reset` on a database that already holds a demo: the main job (scripts/run.sh) runs it on every
start, so a second run must wipe and refill, not stop on SQLite's foreign keys while a migration's batch mode
copies and drops a referenced table (``gebruikers``)."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from wlz.platform.database import make_engine
from wlz.zorgkantoor import demo

from .conftest import OP_POSTGRES, _pg_engine

pytestmark = pytest.mark.postgres


def test_reset_op_een_gevulde_database_vult_opnieuw(tmp_path):
    if OP_POSTGRES:
        engine, opruimen = _pg_engine()
    else:
        engine = make_engine(f"sqlite:///{tmp_path / 'wlz.sqlite'}")
        opruimen = engine.dispose
    try:
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(demo, "SJABLONEN", 3)
            demo.vul(engine, reset=False, aantal=4, seed=5)
            with engine.connect() as conn:
                voor = conn.execute(sa.text("SELECT count(*) FROM clients")).scalar_one()
            assert "niet leeg" in demo.vul(engine, reset=False, aantal=4, seed=5)
            samenvatting = demo.vul(engine, reset=True, aantal=4, seed=5)
        assert samenvatting.startswith("Demodatabase gevuld: 4 cliënten")
        with engine.connect() as conn:
            assert conn.execute(sa.text("SELECT count(*) FROM clients")).scalar_one() == voor
            if engine.dialect.name == "sqlite":
                assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1
    finally:
        opruimen()


def test_the_main_jobs_demo_at_its_default_size(tmp_path, monkeypatch):
    """The demo as scripts/run.sh makes it (default count, the shipped voorbeeld parameters): the zorginkoop part
    issues its voucher to a client whose profile the rules price in 2017 (it once picked a GGZ-W2 client, a
    profile that exists only from 2021, and the main job stopped)."""
    voorbeeld = Path(__file__).resolve().parents[2] / "src" / "wlz" / "rules" / "voorbeeld_parameters.yaml"
    monkeypatch.setenv("WLZ_PARAMETERS", str(voorbeeld))
    engine = make_engine(f"sqlite:///{tmp_path / 'wlz.sqlite'}")
    try:
        samenvatting = demo.vul(engine, reset=False)
    finally:
        engine.dispose()
    assert "en een voucher" in samenvatting
