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


def _pgb_keuze(uowf, client_id: str, van: dt.date, naam: str | None) -> None:
    """An accepted pgb choice with the gewaarborgde hulp's name (as ``dossier.kies_leveringsvorm`` records it)."""
    from wlz.zorgkantoor.domain.model import LeveringsvormKeuze

    with uowf(write=True) as uow:
        uow.keuzes.add(
            LeveringsvormKeuze(
                client_id=client_id,
                leveringsvorm="pgb",
                ingangsdatum=van,
                geaccepteerd=True,
                toets=TOETS,
                vastgelegd_door="test",
                gewaarborgde_hulp_naam=naam,
            )
        )
        uow.commit()


def test_export_of_pgb_decisions_round_trips_into_wlz_pgb_importeer(engine, tmp_path, monkeypatch):
    w = bouw_wereld(engine)
    uowf = w.app.state.uow
    rng = random.Random(13)
    # a: pgb from 1 March 2015, back to verblijf from 1 October; b: a minor with pgb all year; c: a refused pgb choice
    a = _client(uowf, rng, "Pgb", dt.date(1970, 5, 1), "VG5", dt.date(2015, 1, 1), None)
    _pgb_keuze(uowf, a, dt.date(2015, 3, 1), "Jan Voorbeeld (synthetisch)")
    voeg_keuze_toe(uowf, a, "verblijf", dt.date(2015, 10, 1), geaccepteerd=True)
    b = _client(uowf, rng, "Kind", dt.date(2005, 6, 1), "VV4", dt.date(2014, 6, 1), dt.date(2020, 12, 31))
    _pgb_keuze(uowf, b, dt.date(2014, 6, 1), "Moeder Voorbeeld (synthetisch)")
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
    assert all(len(x["beschikking_id"]) <= 32 for x in records)
    # the amount from the rules for the record's period, with its source; the gewaarborgde hulp's name as recorded
    assert per_client[a]["bedrag"] > 0 and "Rlz" in per_client[a]["bedrag_bron"]
    assert per_client[a]["bedrag"] < per_client[b]["bedrag"] or per_client[a]["zorgprofiel"] != "VV4"
    assert per_client[a]["gewaarborgde_hulp"] == "Jan Voorbeeld (synthetisch)"
    assert per_client[b]["gewaarborgde_hulp"] == "Moeder Voorbeeld (synthetisch)"
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
                    pgb_orm.beschikkingen.c.gewaarborgde_hulp,
                )
            )
        }
    pgb.dispose()
    assert set(rows) == {a, b}
    assert (rows[a].van, rows[a].tot, rows[a].minderjarig) == (dt.date(2015, 3, 1), dt.date(2015, 9, 30), False)
    assert rows[b].minderjarig is True and rows[a].budget > 0 and rows[b].budget > 0
    # round trip: the amount the zorgkantoor sent is the amount the pgb administration registered, and the name
    assert rows[a].budget == round(per_client[a]["bedrag"] * 100) and rows[b].budget == round(
        per_client[b]["bedrag"] * 100
    )
    assert rows[a].gewaarborgde_hulp == "Jan Voorbeeld (synthetisch)"
    # exported again: the same ids, so the pgb administration refuses a second registration
    assert api.get("/api/pgb-beschikkingen", params={"jaar": 2015}, headers=kop).json() == records
    opnieuw = CliRunner().invoke(cli_app, ["pgb", "importeer", str(bestand)])
    assert opnieuw.exit_code == 2 and "al geregistreerd" in opnieuw.output


def test_unknown_amount_says_onbekend_and_the_import_asks_for_it(engine, tmp_path, monkeypatch):
    """A year the rules know no pgb amount for: ``bedrag`` null, ``bedrag_bron`` 'onbekend'; the pgb import refuses
    the record naming ``bedrag`` until the amount is supplied (then takes it as the user's)."""
    w = bouw_wereld(engine)
    uowf = w.app.state.uow
    a = _client(uowf, random.Random(7), "Later", dt.date(1970, 5, 1), "VG5", dt.date(2021, 1, 1), None)
    _pgb_keuze(uowf, a, dt.date(2021, 1, 1), "Buurman (synthetisch)")
    kop = {"Authorization": f"Bearer {w.tokens['beoordelaar']}"}
    records = TestClient(w.app).get("/api/pgb-beschikkingen", params={"jaar": 2021}, headers=kop).json()
    assert [(x["bedrag"], x["bedrag_bron"]) for x in records] == [(None, "onbekend")]
    bestand = tmp_path / "pgb.json"
    bestand.write_text(json.dumps(records), "utf-8")
    monkeypatch.setenv("WLZ_PGB_DATABASE_URL", f"sqlite:///{tmp_path / 'pgb.sqlite'}")
    uit = CliRunner().invoke(cli_app, ["pgb", "importeer", str(bestand)])
    assert "0 beschikkingen overgenomen, 1 geweigerd" in uit.output and "bedrag" in uit.output
    records[0]["bedrag"] = 30000.0  # supplied by the user (voorbeeld)
    bestand.write_text(json.dumps(records), "utf-8")
    uit = CliRunner().invoke(cli_app, ["pgb", "importeer", str(bestand)])
    assert "1 beschikkingen overgenomen, 0 geweigerd" in uit.output, uit.output


def test_a_pgb_choice_keeps_the_gewaarborgde_hulp_name_and_without_it_the_pgb_refuses(engine, tmp_path, monkeypatch):
    from wlz.zorgkantoor.services.actor import Actor

    bo = Actor("u-bo", "beoordelaar", "Beoordelaar", "beoordelaar", kanaal="api")
    w = bouw_wereld(engine)
    uowf = w.app.state.uow
    rng = random.Random(8)
    a = _client(uowf, rng, "Keuze", dt.date(1970, 5, 1), "VG5", dt.date(2015, 1, 1), None)
    b = _client(uowf, rng, "Zondernaam", dt.date(1971, 5, 1), "VG5", dt.date(2015, 1, 1), None)
    data = invoer.KeuzeInvoer(leveringsvorm="pgb", ingangsdatum=dt.date(2015, 2, 1), gewaarborgde_hulp=True)
    with uowf(write=True) as uow:
        k = dossier.kies_leveringsvorm(
            uow, bo, a, data.model_copy(update={"gewaarborgde_hulp_naam": " Zus Voorbeeld (synthetisch) "})
        )
    assert k.geaccepteerd and k.gewaarborgde_hulp_naam == "Zus Voorbeeld (synthetisch)"
    with uowf(write=True) as uow:
        assert dossier.kies_leveringsvorm(uow, bo, b, data).gewaarborgde_hulp_naam is None
    kop = {"Authorization": f"Bearer {w.tokens['beoordelaar']}"}
    records = TestClient(w.app).get("/api/pgb-beschikkingen", params={"jaar": 2015}, headers=kop).json()
    assert {x["client_id"]: x["gewaarborgde_hulp"] for x in records} == {a: "Zus Voorbeeld (synthetisch)", b: None}
    bestand = tmp_path / "pgb.json"
    bestand.write_text(json.dumps(records), "utf-8")
    monkeypatch.setenv("WLZ_PGB_DATABASE_URL", f"sqlite:///{tmp_path / 'pgb.sqlite'}")
    uit = CliRunner().invoke(cli_app, ["pgb", "importeer", str(bestand)])
    assert "1 beschikkingen overgenomen, 1 geweigerd" in uit.output and "gewaarborgde_hulp" in uit.output, uit.output


def test_an_mpt_pgb_choice_exports_its_recorded_pgb_part_and_the_pgb_registers_that_amount(
    engine, tmp_path, monkeypatch
):
    """An accepted mpt+pgb choice (zorginkoop records the pgb part beside the mpt modules): the export carries
    ``leveringsvorm`` mpt_pgb and the recorded part as ``bedrag`` with its source; without a recorded part the
    amount is 'onbekend'. The pgb administration registers the part, and refuses one above the whole pgb."""
    from wlz.zorgkantoor.storage import orm as zk_orm
    from wlz.zorgkantoor.storage.inkoop_orm import inkoop_pgb_delen

    w = bouw_wereld(engine)
    uowf = w.app.state.uow
    rng = random.Random(21)
    a = _client(uowf, rng, "Mptpgb", dt.date(1970, 5, 1), "VG5", dt.date(2015, 1, 1), None)
    b = _client(uowf, rng, "Zonderdeel", dt.date(1972, 5, 1), "VG5", dt.date(2015, 1, 1), None)
    voeg_keuze_toe(uowf, a, "mpt_pgb", dt.date(2015, 1, 1), geaccepteerd=True, toets=TOETS)
    voeg_keuze_toe(uowf, b, "mpt_pgb", dt.date(2015, 1, 1), geaccepteerd=True, toets=TOETS)
    with engine.begin() as conn:
        naam = "Zus Voorbeeld (synthetisch)"
        conn.execute(sa.update(zk_orm.leveringsvorm_keuzes).values(gewaarborgde_hulp_naam=naam))
        keuze_a = conn.execute(
            sa.select(zk_orm.leveringsvorm_keuzes.c.id).where(zk_orm.leveringsvorm_keuzes.c.client_id == a)
        ).scalar_one()
        conn.execute(
            sa.insert(inkoop_pgb_delen).values(
                id="deel-a",
                client_id=a,
                leveringsvorm_keuze_id=keuze_a,
                van=dt.date(2015, 1, 1),
                tot=dt.date(2015, 12, 31),
                functies=["31"],
                bedrag_cent=1_234_500,
                bedrag_bron="voorbeeld",
                vastgelegd_door="test",
                vastgelegd_op=dt.datetime(2015, 1, 1, tzinfo=dt.UTC),
            )
        )
    kop = {"Authorization": f"Bearer {w.tokens['beoordelaar']}"}
    records = TestClient(w.app).get("/api/pgb-beschikkingen", params={"jaar": 2015}, headers=kop).json()
    per_client = {x["client_id"]: x for x in records}
    assert per_client[a]["leveringsvorm"] == "mpt_pgb" and per_client[a]["bedrag"] == 12345.0
    assert "voorbeeld" in per_client[a]["bedrag_bron"]
    assert (per_client[b]["bedrag"], per_client[b]["bedrag_bron"]) == (None, "onbekend")

    monkeypatch.setenv("WLZ_PGB_DATABASE_URL", f"sqlite:///{tmp_path / 'pgb.sqlite'}")
    bestand = tmp_path / "pgb.json"
    bestand.write_text(json.dumps([per_client[a]]), "utf-8")
    uit = CliRunner().invoke(cli_app, ["pgb", "importeer", str(bestand)])
    assert "1 beschikkingen overgenomen, 0 geweigerd" in uit.output, uit.output
    from wlz.pgb.storage import orm as pgb_orm

    pgb = sa.create_engine(f"sqlite:///{tmp_path / 'pgb.sqlite'}")
    with pgb.connect() as conn:
        assert conn.execute(sa.select(pgb_orm.beschikkingen.c.budget)).scalar_one() == 1_234_500
    pgb.dispose()
    # a part above the whole pgb the rules compute for the period: refused naming bedrag; no part given: asked for
    te_veel = {**per_client[b], "bedrag": 10_000_000.0, "bedrag_bron": "voorbeeld"}
    bestand.write_text(json.dumps([te_veel, per_client[b] | {"beschikking_id": "pgbander"}]), "utf-8")
    uit = CliRunner().invoke(cli_app, ["pgb", "importeer", str(bestand)])
    assert "0 beschikkingen overgenomen, 2 geweigerd" in uit.output and "bedrag" in uit.output, uit.output
    assert "hele pgb" in uit.output and "pgb-deel" in uit.output
