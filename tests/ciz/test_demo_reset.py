"""`wlz ciz demo` on a database that already holds a demo: refused (exit 2, Dutch message) without `--reset`,
wiped and refilled with it, so the main job (scripts/run.sh) can run it on every start."""

from __future__ import annotations

import sqlalchemy as sa
from typer.testing import CliRunner

from wlz.cli import app


def test_demo_twice_needs_reset(tmp_path, monkeypatch):
    db = tmp_path / "ciz.sqlite"
    monkeypatch.setenv("WLZ_CIZ_DATABASE_URL", f"sqlite:///{db}")
    runner = CliRunner()
    eerste = runner.invoke(app, ["ciz", "demo", "--aantal", "20"])
    assert eerste.exit_code == 0, eerste.output
    tweede = runner.invoke(app, ["ciz", "demo", "--aantal", "20"])
    assert tweede.exit_code == 2 and "niet leeg" in tweede.output and "--reset" in tweede.output
    derde = runner.invoke(app, ["ciz", "demo", "--aantal", "20", "--reset"])
    assert derde.exit_code == 0, derde.output
    engine = sa.create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM aanvragen")).scalar_one() == 20
    engine.dispose()
