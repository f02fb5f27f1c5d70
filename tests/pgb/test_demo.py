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
        # accounts for the payment file: the zorgverlener's and each budgethouder's own (all IBANs mod-97 valid)
        from wlz.pgb.domain.betaalbestand import iban_geldig

        ibans = [r[0] for r in c.execute(sa.select(orm.rekeningen.c.iban))]
        assert len(ibans) > 1 and all(iban_geldig(i) for i in ibans)
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


def test_import_of_the_zorgkantoors_records_and_export_for_wlz_analyse(tmp_path, monkeypatch):
    import csv
    import json

    from wlz import reference
    from wlz.claims.inputs import COLUMNS
    from wlz.pgb.services import PGB_KOLOMMEN

    monkeypatch.setenv("WLZ_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("WLZ_PGB_DATABASE_URL", raising=False)
    records = [
        {"beschikking_id": "z1", "client_id": "c1", "zorgprofiel": "LG6", "van": "2015-01-01", "tot": "2015-12-31"},
        {"beschikking_id": "z2", "client_id": "c2", "zorgprofiel": "VG5", "van": "2015-03-01", "tot": "2015-12-31"},
        {
            "beschikking_id": "z3",
            "client_id": "c3",
            "zorgprofiel": "VG5",
            "van": "2015-01-01",
            "tot": "2015-12-31",
            "gewaarborgde_hulp": "ouder",
        },
        {
            "beschikking_id": "z4",
            "client_id": "c4",
            "zorgprofiel": "VG5",
            "van": "2015-01-01",
            "tot": "2015-12-31",
            "bedrag": -1,
        },
    ]
    (tmp_path / "b.json").write_text(json.dumps(records))
    r = CliRunner().invoke(app, ["pgb", "importeer", str(tmp_path / "b.json")])
    assert r.exit_code == 2
    assert "2 beschikkingen overgenomen, 2 geweigerd" in r.output
    assert "record 1: gewaarborgde_hulp" in r.output and "record 3: bedrag" in r.output
    r = CliRunner().invoke(app, ["pgb", "exporteer", "--jaar", "2015", "--uit", str(tmp_path / "pgb.csv")])
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader((tmp_path / "pgb.csv").open()))
    assert tuple(rows[0]) == PGB_KOLOMMEN and set(PGB_KOLOMMEN) == set(COLUMNS["pgb"])
    assert [(x["client_id"], x["zzp_code"], x["bedrag"]) for x in rows] == [
        ("c1", reference.lookup("LG6").cod163, "49580.00"),
        ("c3", "808", "42701.00"),
    ]
