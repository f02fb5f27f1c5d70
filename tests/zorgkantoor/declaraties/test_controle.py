"""The check of a declaration file: each reason code on a line made to fail it, nothing lost, nothing half-written.
Real database (SQLite, or PostgreSQL when ``WLZ_DATABASE_URL`` says so), real files (CSV and Parquet)."""

from __future__ import annotations

import io

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import sqlalchemy as sa

from wlz.zorgkantoor.domain.fouten import DomainError
from wlz.zorgkantoor.services import declaraties
from wlz.zorgkantoor.storage import declaratie_orm as t

from .wereld import AANBIEDER_A, AGB_A, AGB_B, TARIEF, ZORGINKOPER, bouw, csv_bestand


@pytest.fixture
def wereld(uow):
    return bouw(uow)


def _importeer(uowf, data: bytes, actor=AANBIEDER_A, agb=None, naam="declaraties.csv"):
    with uowf(write=True) as uow:
        return declaraties.importeer(uow, actor, agb_code=agb, bestandsnaam=naam, data=data)


def _tel(uowf, table) -> int:
    with uowf() as uow:
        return uow.session.connection().execute(sa.select(sa.func.count()).select_from(table)).scalar_one()


def _weigeringen(uowf, batch_id: str) -> dict[int, str]:
    with uowf() as uow:
        w = t.declaratie_weigeringen
        rows = uow.session.connection().execute(
            sa.select(w.c.regelnummer, w.c.reden_code).where(w.c.batch_id == batch_id)
        )
        return {r.regelnummer: r.reden_code for r in rows}


def test_every_check_refuses_with_its_reason_and_nothing_is_lost(uow, wereld):
    c0, c1, c2 = wereld.clients
    dag = TARIEF / 100  # euro per day at the contracted tariff
    data = csv_bestand(
        f"1,{c0},ZI756,2024-01-01,2024-01-31,31,{31 * dag:.2f},756",  # accepted
        f"2,{c0},ZI756,2024-02-01,2024-02-29,29,{29 * dag - 0.5:.2f},",  # accepted: below the tariff
        "3,onbekend,ZI756,2024-01-01,2024-01-31,31,10.00,",  # D03 client unknown
        f"4,{c2},ZI756,2024-01-01,2024-01-31,31,10.00,",  # D04 client 2 is assigned to provider B
        f"5,{c0},ZI756,2024-07-01,2024-07-31,31,10.00,",  # D04 toewijzing ends 30 June
        f"6,{c0},X-999,2024-01-01,2024-01-31,31,10.00,",  # D05 no contract for this prestatie
        f"7,{c0},M-BG,2024-01-01,2024-01-31,31,10.00,",  # D06 contract without a tariff
        f"8,{c0},ZI756,2024-03-01,2024-03-31,31,{31 * dag + 0.01:.2f},",  # D07 a cent over
        f"9,{c0},ZI756,2024-01-15,2024-01-20,6,10.00,",  # D09 overlaps line 1 of this file
        f"10,{c0},ZI756,2024-04-01,2024-04-30,30,abc,",  # D01 bedrag unreadable (the line keeps its regelnummer)
        f"11,{c0},ZI756,2024-04-01,2024-05-31,30,10.00,",  # D01 two months
    )
    r = _importeer(wereld.uowf, data)
    assert (r.aantal_regels, r.aantal_geaccepteerd, r.aantal_geweigerd) == (11, 2, 9)
    assert r.bedrag_geaccepteerd_cent == 31 * TARIEF + 29 * TARIEF - 50
    weig = _weigeringen(wereld.uowf, r.batch_id)
    assert weig[3] == "D03" and weig[4] == "D04" and weig[5] == "D04" and weig[6] == "D05"
    assert weig[7] == "D06" and weig[8] == "D07" and weig[9] == "D09" and weig[10] == "D01" and weig[11] == "D01"
    # each refused line carries its code's Dutch text (an unreadable one: the field that is wrong)
    with wereld.uowf() as uow:
        w = t.declaratie_weigeringen
        q = sa.select(w.c.regelnummer, w.c.reden).where(w.c.batch_id == r.batch_id)
        tekst = dict(uow.session.connection().execute(q).all())
    assert tekst[3] == "Cliënt onbekend bij het zorgkantoor" and tekst[7].startswith("Geen gecontracteerd tarief")
    assert tekst[11] == "Regel onleesbaar: einddatum ligt in een andere maand dan de begindatum"
    # every line in exactly one of the two tables; the work table is empty again
    assert _tel(wereld.uowf, t.declaratie_regels) + _tel(wereld.uowf, t.declaratie_weigeringen) == 11
    assert _tel(wereld.uowf, t.declaratie_invoer) == 0
    assert r.per_reden == {"D01": 2, "D03": 1, "D04": 2, "D05": 1, "D06": 1, "D07": 1, "D09": 1}


def test_a_second_import_of_the_same_lines_is_refused_as_double(uow, wereld):
    c0 = wereld.clients[0]
    data = csv_bestand(f"1,{c0},ZI756,2024-01-01,2024-01-31,31,100.00,")
    assert _importeer(wereld.uowf, data).aantal_geaccepteerd == 1
    tweede = _importeer(wereld.uowf, csv_bestand(f"7,{c0},ZI756,2024-01-10,2024-01-12,3,100.00,"))
    assert tweede.aantal_geaccepteerd == 0 and tweede.per_reden == {"D08": 1}


def test_voucher_caps_the_declared_amount_in_file_order(uow, wereld):
    c1 = wereld.clients[1]  # voucher of 10,000.00 at provider A
    data = csv_bestand(
        f"1,{c1},ZI756,2024-01-01,2024-01-31,31,6000.00,",
        f"2,{c1},ZI756,2024-02-01,2024-02-29,29,3999.99,",
        f"3,{c1},ZI756,2024-03-01,2024-03-31,31,0.02,",  # 0.01 over the voucher
        f"4,{c1},ZI756,2024-04-01,2024-04-30,30,0.01,",  # fits, but comes after a line over the value
    )
    r = _importeer(wereld.uowf, data)
    assert r.aantal_geaccepteerd == 2 and r.per_reden == {"D10": 2}
    # the voucher's remaining value is 0.01 now: a later file may use it, not more
    assert _importeer(wereld.uowf, csv_bestand(f"5,{c1},ZI756,2024-05-01,2024-05-31,31,0.02,")).per_reden == {"D10": 1}
    assert _importeer(wereld.uowf, csv_bestand(f"6,{c1},ZI756,2024-05-01,2024-05-31,31,0.01,")).aantal_geaccepteerd == 1


def test_bsn_names_the_client_and_never_appears_in_a_reason(uow, wereld):
    c0 = wereld.clients[0]
    kop = "regelnummer,client_id,prestatiecode,begindatum,einddatum,aantal,bedrag,zzp_code,bsn,agb_code"
    data = csv_bestand(
        f"1,,ZI756,2024-01-01,2024-01-31,31,100.00,,{wereld.bsns[0]},{AGB_A}",  # by BSN: accepted
        f"2,{wereld.clients[1]},ZI756,2024-02-01,2024-02-29,29,100.00,,{wereld.bsns[0]},{AGB_A}",  # D03 disagree
        f"3,{c0},ZI756,2024-03-01,2024-03-31,31,100.00,,,{AGB_B}",  # D02 another provider's line
        "4,,ZI756,2024-03-01,2024-03-31,31,100.00,,123456789,",  # no client has this BSN: D03
        kop=kop,
    )
    r = _importeer(wereld.uowf, data)
    assert r.aantal_geaccepteerd == 1
    assert _weigeringen(wereld.uowf, r.batch_id) == {2: "D03", 3: "D02", 4: "D03"}
    with wereld.uowf() as uow:
        teksten = [x for (x,) in uow.session.connection().execute(sa.select(t.declaratie_weigeringen.c.reden))]
    assert teksten and not any(wereld.bsns[0] in x or "123456789" in x for x in teksten)


def test_parquet_file_is_read_like_csv(uow, wereld):
    import datetime as dt
    from decimal import Decimal

    c0 = wereld.clients[0]
    tabel = pa.table(
        {
            "regelnummer": pa.array([1, 2], pa.int64()),
            "client_id": [c0, c0],
            "prestatiecode": ["ZI756", "ZI756"],
            "begindatum": pa.array([dt.date(2024, 1, 1), dt.date(2024, 2, 1)], pa.date32()),
            "einddatum": pa.array([dt.date(2024, 1, 31), dt.date(2024, 2, 29)], pa.date32()),
            "aantal": pa.array([31, 29], pa.int64()),
            "bedrag": pa.array([Decimal("100.00"), Decimal("-5.00")], pa.decimal128(18, 6)),
            "zzp_code": pa.array([None, None], pa.string()),
        }
    )
    buf = io.BytesIO()
    pq.write_table(tabel, buf)
    r = _importeer(wereld.uowf, buf.getvalue(), naam="zin.parquet")
    assert r.aantal_geaccepteerd == 1 and r.per_reden == {"D01": 1}


def test_a_file_missing_a_column_is_refused_whole(uow, wereld):
    with pytest.raises(DomainError) as exc:
        _importeer(wereld.uowf, b"regelnummer,client_id\n1,x\n")
    assert exc.value.veld == "prestatiecode" and "ontbreken" in exc.value.bericht
    assert _tel(wereld.uowf, t.declaratie_batches) == 0


def test_provider_imports_only_for_itself(uow, wereld):
    c0 = wereld.clients[0]
    data = csv_bestand(f"1,{c0},ZI756,2024-01-01,2024-01-31,31,100.00,")
    # the provider's own code, whatever it asks for
    assert _importeer(wereld.uowf, data, agb=AGB_B).agb_code == AGB_A
    # the zorginkoper names the provider
    with pytest.raises(DomainError) as exc:
        _importeer(wereld.uowf, data, actor=ZORGINKOPER, agb=None)
    assert exc.value.veld == "agb_code"
    assert _importeer(wereld.uowf, data, actor=ZORGINKOPER, agb=AGB_B).per_reden == {"D04": 1}


def test_a_file_with_only_a_header_is_an_empty_batch(uow, wereld):
    r = _importeer(wereld.uowf, csv_bestand())
    assert (r.aantal_regels, r.aantal_geaccepteerd, r.aantal_geweigerd) == (0, 0, 0)
    with pytest.raises(DomainError) as exc:
        _importeer(wereld.uowf, b"")
    assert exc.value.veld == "bestand"


def _toewijzing(uowf, client_id: str, agb: str, leveringsvorm: str, van, tot, *, functie=None, klasse=None) -> str:
    """A zorgtoewijzing row as the client's choice leaves it (written directly: these tests are about the check)."""
    from wlz.zorgkantoor.domain.model import nieuw_id, nu
    from wlz.zorgkantoor.storage import orm

    with uowf(write=True) as uow:
        conn = uow.session.connection()
        ind = conn.execute(
            sa.select(orm.indicatiebesluiten.c.id).where(orm.indicatiebesluiten.c.client_id == client_id)
        ).scalar_one()
        tid = nieuw_id()
        conn.execute(
            orm.zorgtoewijzingen.insert().values(
                id=tid, client_id=client_id, indicatie_id=ind, agb_code=agb, leveringsvorm=leveringsvorm,
                zorgprofiel=None if functie else "VV6", functie=functie, klasse=klasse, van=van, tot=tot,
                status="toegewezen", aangemaakt_op=nu(),
            )
        )  # fmt: skip
        uow.commit()
    return tid


def test_a_toewijzing_under_another_leveringsvorm_than_the_contract_is_refused_d11(uow, wereld):
    """Provider A contracted ZI756 for verblijf only; client 0's care from July is assigned to A as vpt: those lines
    are refused D11 (before the tariff checks), while the verblijf months before stay accepted."""
    import datetime as dt

    c0 = wereld.clients[0]
    _toewijzing(wereld.uowf, c0, AGB_A, "vpt", dt.date(2024, 7, 1), dt.date(2024, 12, 31))
    data = csv_bestand(
        f"1,{c0},ZI756,2024-06-01,2024-06-30,30,100.00,",  # verblijf toewijzing, verblijf contract: accepted
        f"2,{c0},ZI756,2024-07-01,2024-07-31,31,100.00,",  # vpt toewijzing, verblijf-only contract: D11
        f"3,{c0},ZI756,2024-08-01,2024-08-31,31,999999.00,",  # D11 comes before D07 (the tariff is irrelevant)
        f"4,{c0},M-BG,2024-08-01,2024-08-31,31,10.00,",  # D11 before D06 (no tariff) likewise
    )
    r = _importeer(wereld.uowf, data)
    assert r.aantal_geaccepteerd == 1 and r.per_reden == {"D11": 3}
    with wereld.uowf() as uow:
        w = t.declaratie_weigeringen
        teksten = {x for (x,) in uow.session.connection().execute(sa.select(w.c.reden).where(w.c.reden_code == "D11"))}
    assert teksten == {declaraties.REDENEN["D11"]} and "leveringsvorm" in teksten.pop().lower()


def test_the_contract_prestatie_of_the_toewijzings_leveringsvorm_is_taken(uow, wereld):
    """A contract covering one prestatiecode for two leveringsvormen: the line is checked against the prestatie of
    the toewijzing's leveringsvorm (its tariff), not refused D11."""
    import datetime as dt

    from .wereld import contract

    c0 = wereld.clients[0]
    _toewijzing(wereld.uowf, c0, AGB_A, "mpt", dt.date(2024, 7, 1), dt.date(2024, 12, 31), functie="BG", klasse="1")
    cid = contract(wereld.uowf, AGB_A, "5531", {"ZI999": 100_000})  # verblijf at 1,000.00 per unit
    with wereld.uowf(write=True) as uow:
        from wlz.zorgkantoor.domain.model import nieuw_id
        from wlz.zorgkantoor.storage import inkoop_orm as ink

        uow.session.connection().execute(
            ink.inkoop_contract_prestaties.insert().values(
                id=nieuw_id(), contract_id=cid, prestatiecode="ZI999", leveringsvorm="mpt", tarief_percentage=100,
                maximumtarief_cent=1_000, tarief_cent=1_000,
            )
        )  # fmt: skip
        uow.commit()
    data = csv_bestand(
        f"1,{c0},ZI999,2024-07-01,2024-07-31,2,20.00,",  # mpt at 10.00 per unit: accepted
        f"2,{c0},ZI999,2024-08-01,2024-08-31,2,20.01,",  # over the mpt tariff (not the verblijf one): D07
    )
    r = _importeer(wereld.uowf, data)
    assert r.aantal_geaccepteerd == 1 and r.per_reden == {"D07": 1}


def test_a_lapsed_voucher_leaves_nothing_to_declare_after_its_last_valid_day_d12(uow, wereld):
    """Client 1's voucher is valid up to 15 March: a line running past it is refused D12 and does not use up the
    value; days up to that day are still declared against it."""
    import datetime as dt

    from wlz.zorgkantoor.storage import inkoop_orm as ink

    c1 = wereld.clients[1]
    with wereld.uowf(write=True) as uow:
        v = ink.inkoop_vouchers
        uow.session.connection().execute(
            v.update().where(v.c.id == wereld.voucher).values(geldig_tot=dt.date(2024, 3, 15), waarde_cent=10_000)
        )
        uow.commit()
    data = csv_bestand(
        f"1,{c1},ZI756,2024-03-01,2024-03-09,9,99.99,",  # before the last valid day: accepted
        f"2,{c1},ZI756,2024-03-10,2024-03-31,22,0.01,",  # runs past 15 March: D12 (though 0.01 is left)
    )
    r = _importeer(wereld.uowf, data)
    assert r.aantal_geaccepteerd == 1 and r.per_reden == {"D12": 1}
    assert r.bedrag_geaccepteerd_cent == 9_999
