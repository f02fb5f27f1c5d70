"""The zorgkantoor's side of the pgb interface (issue 13 f): ``GET /api/pgb-beschikkingen?jaar=`` builds the
``PgbBeschikking`` records from the zorgkantoor's decisions where the leveringsvorm is pgb, and ``wlz pgb
importeer`` takes them over unchanged (a round trip through the documented JSON shape; this test may import both
contexts, the contexts never import each other)."""

from __future__ import annotations

import datetime as dt
import json
import random

import sqlalchemy as sa
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from wlz import bsn
from wlz.cli import app as cli_app
from wlz.zorgkantoor.services import dossier, invoer
from wlz.zorgkantoor.services.actor import SYSTEEM

from .helpers import bouw_wereld, voeg_keuze_toe

#: a stored doelmatigheidstoets as test data (a choice for care at home carries one; its content is not exported)
TOETS = {"invoer": {"leveringsvorm": "pgb"}, "voorbeeld": True}


def _client(uowf, rng, naam: str, geboren: dt.date, profiel: str, van: dt.date, tot: dt.date | None) -> str:
    with uowf(write=True) as uow:
        c = dossier.registreer_client(
            uow,
            SYSTEEM,
            invoer.ClientInvoer(bsn=bsn.synthetisch(rng), voornamen="Test", achternaam=naam, geboortedatum=geboren),
        )
    with uowf(write=True) as uow:
        dossier.registreer_indicatie(
            uow,
            SYSTEEM,
            c.id,
            invoer.IndicatieInvoer(
                besluitnummer=f"P-{naam}", zorgprofiel=profiel, grondslagen=["05"], ingangsdatum=van, einddatum=tot
            ),
        )
    return c.id


def test_export_of_pgb_decisions_round_trips_into_wlz_pgb_importeer(engine, tmp_path, monkeypatch):
    w = bouw_wereld(engine)
    uowf = w.app.state.uow
    rng = random.Random(13)
    # a: pgb from 1 March 2015, back to verblijf from 1 October; b: a minor with pgb all year; c: a refused pgb choice
    a = _client(uowf, rng, "Pgb", dt.date(1970, 5, 1), "VG5", dt.date(2015, 1, 1), None)
    voeg_keuze_toe(uowf, a, "pgb", dt.date(2015, 3, 1), geaccepteerd=True, toets=TOETS)
    voeg_keuze_toe(uowf, a, "verblijf", dt.date(2015, 10, 1), geaccepteerd=True)
    b = _client(uowf, rng, "Kind", dt.date(2005, 6, 1), "VV4", dt.date(2014, 6, 1), dt.date(2020, 12, 31))
    voeg_keuze_toe(uowf, b, "pgb", dt.date(2014, 6, 1), geaccepteerd=True, toets=TOETS)
    c = _client(uowf, rng, "Geweigerd", dt.date(1960, 1, 1), "VV4", dt.date(2015, 1, 1), None)
    voeg_keuze_toe(uowf, c, "pgb", dt.date(2015, 2, 1), geaccepteerd=False, toets=TOETS)

    api = TestClient(w.app)
    kop = {"Authorization": f"Bearer {w.tokens['beoordelaar']}"}
    r = api.get("/api/pgb-beschikkingen", params={"jaar": 2015}, headers=kop)
    assert r.status_code == 200, r.text
    records = r.json()
    per_client = {x["client_id"]: x for x in records}
    assert set(per_client) == {a, b}  # the refused choice and the verblijf clients are not exported
    assert (per_client[a]["van"], per_client[a]["tot"], per_client[a]["zorgprofiel"]) == (
        "2015-03-01",
        "2015-09-30",
        "VG5",
    )
    assert (per_client[b]["van"], per_client[b]["tot"], per_client[b]["minderjarig"]) == (
        "2015-01-01",
        "2015-12-31",
        True,
    )
    assert per_client[a]["minderjarig"] is False
    assert all(len(x["beschikking_id"]) <= 32 and "bedrag" not in x for x in records)
    tekst = r.text
    assert w.bsn_a not in tekst and w.bsn_b not in tekst and "Test" not in tekst  # no BSN, no name
    # the roles: a provider or a client may not export; a bad year names the field
    assert (
        api.get(
            "/api/pgb-beschikkingen",
            params={"jaar": 2015},
            headers={"Authorization": f"Bearer {w.tokens['aanbieder']}"},
        ).status_code
        == 403
    )
    fout = api.get("/api/pgb-beschikkingen", params={"jaar": 1800}, headers=kop)
    assert fout.status_code == 422 and "jaar" in fout.text
    # the access log has a line per exported client
    from wlz.zorgkantoor.storage import orm as zk_orm

    with engine.connect() as conn:
        gelogd = {
            x[0]
            for x in conn.execute(
                sa.select(zk_orm.toegangslog.c.client_id).where(zk_orm.toegangslog.c.actie == "exporteren")
            )
        }
    assert gelogd == {a, b}

    # the round trip: the export is what `wlz pgb importeer` reads
    bestand = tmp_path / "pgb-beschikkingen.json"
    bestand.write_text(json.dumps(records), "utf-8")
    pgb_db = tmp_path / "pgb.sqlite"
    monkeypatch.setenv("WLZ_PGB_DATABASE_URL", f"sqlite:///{pgb_db}")
    uit = CliRunner().invoke(cli_app, ["pgb", "importeer", str(bestand)])
    assert uit.exit_code == 0, uit.output
    assert "2 beschikkingen overgenomen, 0 geweigerd" in uit.output
    from wlz.pgb.storage import orm as pgb_orm

    pgb = sa.create_engine(f"sqlite:///{pgb_db}")
    with pgb.connect() as conn:
        rows = {
            x.budgethouder_id: x
            for x in conn.execute(
                sa.select(
                    pgb_orm.beschikkingen.c.budgethouder_id,
                    pgb_orm.beschikkingen.c.van,
                    pgb_orm.beschikkingen.c.tot,
                    pgb_orm.beschikkingen.c.cod163,
                    pgb_orm.beschikkingen.c.budget,
                    pgb_orm.beschikkingen.c.minderjarig,
                )
            )
        }
    pgb.dispose()
    assert set(rows) == {a, b}
    assert (rows[a].van, rows[a].tot, rows[a].minderjarig) == (dt.date(2015, 3, 1), dt.date(2015, 9, 30), False)
    assert rows[b].minderjarig is True and rows[a].budget > 0 and rows[b].budget > 0
    # exported again: the same ids, so the pgb administration refuses a second registration
    assert api.get("/api/pgb-beschikkingen", params={"jaar": 2015}, headers=kop).json() == records
    opnieuw = CliRunner().invoke(cli_app, ["pgb", "importeer", str(bestand)])
    assert opnieuw.exit_code == 2 and "al geregistreerd" in opnieuw.output
