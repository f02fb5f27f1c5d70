"""The ledger (money follows the client), the reports with the zorgplicht check, the export as ``wlz analyse``
input, and the command line, on a real database."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from wlz.claims.inputs import COLUMNS, find_sources
from wlz.zorgkantoor.domain.aanvraag import Aanvraag, Besluitregel
from wlz.zorgkantoor.services import declaraties, inkoop_rapport
from wlz.zorgkantoor.storage import inkoop_orm as ink

from .wereld import AANBIEDER_A, AANBIEDER_B, AGB_A, AGB_B, REGIO_1, REGIO_2, ZORGINKOPER, bouw, contract, csv_bestand


@pytest.fixture
def wereld(uow):
    w = bouw(uow)
    c0, c1, c2 = w.clients
    for actor, regels in (
        (
            AANBIEDER_A,
            [
                f"1,{c0},ZI756,2024-01-01,2024-01-31,31,1000.00,",
                f"2,{c0},ZI756,2024-02-01,2024-02-29,29,900.00,",
                f"3,{c1},ZI756,2024-01-01,2024-01-31,31,500.00,",
                "4,onbekend,ZI756,2024-01-01,2024-01-31,31,500.00,",
            ],
        ),
        (AANBIEDER_B, [f"1,{c2},ZI756,2024-01-01,2024-01-31,31,300.00,"]),
    ):
        with uow(write=True) as u:
            declaraties.importeer(u, actor, agb_code=None, bestandsnaam="d.csv", data=csv_bestand(*regels))
    return w


def test_ledger_per_provider_and_month(uow, wereld):
    with uow(write=True) as u:
        boek = declaraties.grootboek(u, ZORGINKOPER, 2024)
    rij = {(r.agb_code, r.maand): r for r in boek}
    a_jan = rij[(AGB_A, "2024-01")]
    assert (a_jan.clienten_gekozen, a_jan.clienten_gedeclareerd, a_jan.regels, a_jan.bedrag_cent) == (2, 2, 2, 150_000)
    a_feb = rij[(AGB_A, "2024-02")]
    assert (a_feb.clienten_gekozen, a_feb.clienten_gedeclareerd, a_feb.bedrag_cent) == (2, 1, 90_000)
    # toewijzingen end 30 June: chosen in June, not in July; nothing declared there
    assert rij[(AGB_A, "2024-06")].clienten_gekozen == 2 and rij[(AGB_A, "2024-06")].bedrag_cent == 0
    assert (AGB_A, "2024-07") not in rij
    assert rij[(AGB_B, "2024-01")].bedrag_cent == 30_000 and rij[(AGB_A, "2024-01")].naam == "Zorg A"
    # a provider reads only its own rows
    with uow(write=True) as u:
        eigen = declaraties.grootboek(u, AANBIEDER_B, 2024, AGB_A)
    assert {r.agb_code for r in eigen} == {AGB_B}


def test_report_per_region_share_money_forms_and_zorgplicht(uow, wereld):
    # a meerjarig contract for huntington in region 1 (test data)
    cid = contract(uow, AGB_A, REGIO_1, {"ZI757": 30_000})
    with uow(write=True) as u:
        u.session.connection().execute(
            ink.inkoop_contracten.update()
            .where(ink.inkoop_contracten.c.id == cid)
            .values(vorm="meerjarig", zorgsoort="huntington", basisbudget_cent=1)
        )
        u.commit()
    with uow(write=True) as u:
        r = inkoop_rapport.rapport(u, ZORGINKOPER, 2024, zorgplicht_dag=dt.date(2024, 3, 1))
    regios = {g.regio: g for g in r.regios}
    een = regios[REGIO_1]
    assert een.clienten == 2 and een.bedrag_cent == 240_000
    assert [(a.agb_code, a.clienten, a.aandeel_procent, a.bedrag_cent) for a in een.aanbieders] == [
        (AGB_A, 2, 100.0, 240_000)
    ]
    assert een.contracten_per_vorm == {"regulier": 1, "meerjarig": 1}
    assert regios[REGIO_2].aanbieders[0].agb_code == AGB_B and regios[REGIO_2].clienten == 1
    # zorgplicht: huntington is covered in region 1 only; region 2 misses all five rare-care kinds
    tekort = {(t.regio, t.zorgsoort) for t in r.zorgplicht}
    assert (REGIO_1, "huntington") not in tekort and (REGIO_1, "nah") in tekort
    assert {z for reg, z in tekort if reg == REGIO_2} == {"nah", "huntington", "gerontopsychiatrie", "emb", "sglvg"}
    # a region the zorgkantoor knows (an inkoopkader) without any active contract
    with uow(write=True) as u:
        u.session.connection().execute(
            ink.inkoop_kaders.insert().values(
                id="kader1",
                jaar=2024,
                regio="5525",
                kwaliteitseisen="x",
                looptijd="x",
                continuiteit="x",
                ontwikkelafspraken="x",
                toelichting="x",
                gewijzigd_op=dt.datetime.now(dt.UTC),
            )
        )
        u.commit()
    with uow(write=True) as u:
        r = inkoop_rapport.rapport(u, ZORGINKOPER, 2024, zorgplicht_dag=dt.date(2024, 3, 1))
    assert ("5525", None) in {(t.regio, t.zorgsoort) for t in r.zorgplicht}
    assert "Zeeland" in inkoop_rapport.as_text(r)


def _overbrugging(uow, client_id: str, sinds: str) -> None:
    with uow(write=True) as u:
        a = Aanvraag(
            client_id=client_id,
            situatie={"client": {}},
            intake={"criteria": {"wacht_op_opname_sinds": sinds, "overbruggingszorg_gevraagd": 2000.0}},
            ingediend_door="test",
        )
        a.status = "besloten"
        a.besluitregels = [
            Besluitregel(
                regeling="overbruggingszorg",
                toegekend=True,
                van=dt.date(2024, 1, 1),
                tot=dt.date(2024, 6, 30),
                bedragen={"2024": 1000.0},
                toelichting="test",
            )
        ]
        u.aanvragen.add(a)
        u.commit()


def test_waiting_for_admission_with_overbruggingszorg(uow, wereld):
    c1 = wereld.clients[1]
    _overbrugging(uow, c1, "2023-11-01")
    with uow(write=True) as u:
        r = inkoop_rapport.rapport(u, ZORGINKOPER, 2024)
    assert [(w.client_id, w.wacht_sinds, w.opgenomen_op) for w in r.wachtenden] == [(c1, "2023-11-01", None)]


def test_waiting_report_per_region_of_the_client(uow, wereld, monkeypatch):
    """Client 0 chose a provider under a contract in Zuid-Limburg: counted there; client 1 made no choice: counted in
    this zorgkantoor's own region (WLZ_ZORGKANTOOR, the receiver of the IO31)."""
    from wlz.zorgkantoor.domain.model import nieuw_id, nu

    monkeypatch.setenv("WLZ_ZORGKANTOOR", "5521")
    c0, c1 = wereld.clients[0], wereld.clients[1]
    with uow(write=True) as u:
        u.session.connection().execute(
            ink.inkoop_keuzes.insert().values(
                id=nieuw_id(), client_id=c0, prestatiecode="ZI756", leveringsvorm="verblijf", agb_code=AGB_A,
                contract_id=wereld.contracten["A1"], van=dt.date(2024, 1, 1), tot=dt.date(2024, 6, 30),
                vastgelegd_door="test", vastgelegd_op=nu(),
            )
        )  # fmt: skip
        u.commit()
    _overbrugging(uow, c0, "2023-10-01")
    _overbrugging(uow, c1, "2023-11-01")
    with uow(write=True) as u:
        r = inkoop_rapport.rapport(u, ZORGINKOPER, 2024)
    assert {w.client_id: w.regio for w in r.wachtenden} == {c0: REGIO_1, c1: "5521"}
    assert [(g.regio, g.regio_naam, g.clienten, g.wachtend) for g in r.wachten_per_regio] == [
        ("5521", "Rotterdam", 1, 1),
        (REGIO_1, "Zuid-Limburg", 1, 1),
    ]
    assert "regio 5531 Zuid-Limburg: 1 cliënten met overbruggingszorg, 1 wachtend" in inkoop_rapport.as_text(r)


def test_export_is_wlz_analyse_input_without_bsn(uow, wereld, tmp_path):
    with uow() as u:
        data = b"".join(declaraties.exporteer(u, ZORGINKOPER))
    rijen = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    assert len(rijen) == 4  # the four accepted lines of both providers
    assert list(rijen[0]) == [*COLUMNS["wlz_zin"], "agb_code"]
    assert len({r["regelnummer"] for r in rijen}) == 4
    assert {r["bedrag"] for r in rijen} == {"1000.00", "900.00", "500.00", "300.00"}
    assert not any(b in data.decode() for b in wereld.bsns)
    # the analysis finds the table and its columns (with the other three tables beside it)
    (tmp_path / "wlz_zin.csv").write_bytes(data)
    for naam, kolommen in COLUMNS.items():
        if naam != "wlz_zin":
            (tmp_path / f"{naam}.csv").write_text(",".join(kolommen) + "\n", "utf-8")
    assert find_sources(tmp_path)["wlz_zin"].formaat == "csv"
    # one provider only
    with uow() as u:
        alleen_b = b"".join(declaraties.exporteer(u, ZORGINKOPER, agb_code=AGB_B)).decode()
    assert alleen_b.count("\n") == 2 and AGB_A not in alleen_b


def test_command_line_import_and_export(engine, uow, wereld, tmp_path, monkeypatch):
    from wlz.cli import app

    monkeypatch.setenv("WLZ_DATABASE_URL", str(engine.url.render_as_string(hide_password=False)))
    if engine.dialect.name == "postgresql":  # the test's own schema (conftest), for the command's own connection
        with engine.connect() as conn:
            schema = conn.execute(sa.text("SELECT current_schema()")).scalar_one()
        monkeypatch.setenv("PGOPTIONS", f"-csearch_path={schema}")
    bestand = tmp_path / "aanbieder_a.csv"
    bestand.write_bytes(csv_bestand(f"10,{wereld.clients[0]},ZI756,2024-03-01,2024-03-31,31,10.00,", "11,x,y,z,,,,"))
    runner = CliRunner()
    uit = runner.invoke(app, ["inkoop", "declaraties", "importeer", str(bestand), "--agb", AGB_A])
    assert uit.exit_code == 0, uit.output
    assert "2 regels, 1 geaccepteerd" in uit.output and "D01" in uit.output
    uit = runner.invoke(app, ["inkoop", "declaraties", "exporteer", "--uit", str(tmp_path / "uit")])
    assert uit.exit_code == 0, uit.output
    assert (tmp_path / "uit" / "wlz_zin.csv").read_text("utf-8").count("\n") == 1 + 5
    # bad input: a Dutch error naming the field, exit code 2, nothing written
    uit = runner.invoke(app, ["inkoop", "declaraties", "importeer", str(bestand), "--agb", "123"])
    assert uit.exit_code == 2 and "agb_code" in uit.output
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT COUNT(*) FROM declaratie_batches")).scalar_one() == 3
