"""The gaps of issue 12 closed later: a choice under another leveringsvorm than the contract's, vouchers that lapse,
the open-house share enforced, the pgb part of an mpt+pgb choice, the meerjarig basisbudget from the indicated care,
an uploaded kwaliteitsrapport. Real database (SQLite; PostgreSQL when WLZ_DATABASE_URL points at one)."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from wlz.zorgkantoor.services import inkoop
from wlz.zorgkantoor.services import inkoop_invoer as iv
from wlz.zorgkantoor.storage import orm
from wlz.zorgkantoor.storage.inkoop_orm import inkoop_keuzes, inkoop_vouchers

from .wereld import AGB_A, BEOORDELAAR, INKOPER, ROTTERDAM, bouw, client_met_indicatie, contract, tel, weigering

pytestmark = pytest.mark.postgres


@pytest.fixture
def wereld(uow):
    return bouw(uow)


def test_a_choice_under_another_leveringsvorm_than_the_contract_is_refused_naming_it(uow, wereld):
    """Provider A contracted ZI754 as verblijf only: choosing it as vpt is refused on the module's leveringsvorm,
    with the contracted one named; nothing written. As verblijf the same choice is accepted."""
    with uow(write=True) as u:
        inkoop.contract_opslaan(u, INKOPER, contract())
    keuze = {"regio": ROTTERDAM, "van": dt.date(2024, 3, 1), "tot": dt.date(2024, 12, 31)}
    vpt = iv.KeuzeInvoer.model_validate(
        {**keuze, "modules": [{"prestatiecode": "ZI754", "leveringsvorm": "vpt", "agb_code": AGB_A}]}
    )
    fout = weigering(uow, inkoop.keuze_vastleggen, BEOORDELAAR, wereld.client_id, vpt)
    assert fout.veld == "modules.0.leveringsvorm"
    assert "gecontracteerd als verblijf, niet als vpt" in fout.bericht
    assert tel(uow, inkoop_keuzes) == 0 and tel(uow, orm.zorgtoewijzingen) == 0
    verblijf = iv.KeuzeInvoer.model_validate(
        {**keuze, "modules": [{"prestatiecode": "ZI754", "leveringsvorm": "verblijf", "agb_code": AGB_A}]}
    )
    with uow(write=True) as u:
        assert len(inkoop.keuze_vastleggen(u, BEOORDELAAR, wereld.client_id, verblijf).toewijzing_ids) == 1


def _voucher(uow, client_id):
    with uow(write=True) as u:
        return inkoop.voucher_uitgeven(
            u,
            BEOORDELAAR,
            client_id,
            iv.VoucherInvoer(van=dt.date(2024, 3, 1), tot=dt.date(2024, 6, 30), prestatiecode="ZI754"),
        )


def test_a_voucher_is_valid_up_to_the_end_of_its_period_then_lapses(uow, wereld):
    v = _voucher(uow, wereld.client_id)
    assert v["geldig_tot"] == dt.date(2024, 6, 30)
    inwissel = iv.InwisselInvoer(voucher_id=v["id"], agb_code=AGB_A, akkoord_client="Eigen kamer.")
    # the day after its last valid day: refused, naming the voucher and the day it lapsed; nothing written
    fout = weigering(uow, inkoop.voucher_inwisselen, BEOORDELAAR, wereld.client_id, inwissel, op=dt.date(2024, 7, 1))
    assert fout.veld == "voucher" and "vervallen op 01-07-2024" in fout.bericht
    assert tel(uow, orm.zorgtoewijzingen) == 0
    # a reader sees it as lapsed (today is after 2024)
    with uow(write=True) as u:
        assert [x["status"] for x in inkoop.keuzedossier(u, BEOORDELAAR, wereld.client_id).vouchers] == ["vervallen"]
    # on its last valid day it is still redeemed
    with uow(write=True) as u:
        na = inkoop.voucher_inwisselen(u, BEOORDELAAR, wereld.client_id, inwissel, op=dt.date(2024, 6, 30))
    assert na["status"] == "ingewisseld"
    with uow() as u:
        rij = u.session.execute(sa.select(inkoop_vouchers.c.status)).scalar_one()
    assert rij == "ingewisseld"


def _client(uow, nummer: int) -> str:
    """Another client with an indication like the world's."""
    import random

    return client_met_indicatie(
        uow, random.Random(100 + nummer), f"Aandeel{nummer}", str(nummer + 2), "6211AA", "Maastricht", f"91{nummer:04d}"
    )


def test_the_open_house_share_is_enforced_and_its_use_shown(uow, wereld):
    """Experiment in Zuid-Limburg: share 10% (wereld). With 9 clients choosing M-BG at a regular contract, the
    10th may choose the open house (1 of 10 = 10%); the 11th client choosing it would make 2 of 11 (18.2%): refused
    naming the module's provider, nothing written. The experiments list shows the use against the share."""
    from .wereld import AGB_B, ZUID_LIMBURG

    with uow(write=True) as u:
        inkoop.contract_opslaan(u, INKOPER, contract(regio=ZUID_LIMBURG))
    with uow(write=True) as u:
        inkoop.contract_opslaan(
            u,
            INKOPER,
            contract(
                agb_code=AGB_B, regio=ZUID_LIMBURG, vorm="open_huis", experiment_id=wereld.experiment_id,
                accepteert_prijs_en_eisen=True, ingangsdatum=dt.date(2024, 1, 1), einddatum=dt.date(2024, 12, 31),
                prestaties=[{"prestatiecode": "M-BG", "leveringsvorm": "mpt", "tarief_percentage": "95"}],
            ),
        )  # fmt: skip

    def keuze(agb: str) -> iv.KeuzeInvoer:
        return iv.KeuzeInvoer.model_validate(
            {"regio": ZUID_LIMBURG, "van": dt.date(2024, 3, 1), "tot": dt.date(2024, 12, 31),
             "modules": [{"prestatiecode": "M-BG", "leveringsvorm": "mpt", "agb_code": agb, "functie": "81",
                          "klasse": "K3"}]}
        )  # fmt: skip

    for n in range(8):
        cid = _client(uow, n)
        with uow(write=True) as u:
            inkoop.keuze_vastleggen(u, BEOORDELAAR, cid, keuze(AGB_A))
    with uow(write=True) as u:
        inkoop.keuze_vastleggen(u, BEOORDELAAR, wereld.client_id, keuze(AGB_A))
    tiende = _client(uow, 8)
    with uow(write=True) as u:  # 1 of 10: exactly the share
        inkoop.keuze_vastleggen(u, BEOORDELAAR, tiende, keuze(AGB_B))
    elfde = _client(uow, 9)
    voor = tel(uow, inkoop_keuzes)
    fout = weigering(uow, inkoop.keuze_vastleggen, BEOORDELAAR, elfde, keuze(AGB_B))
    assert fout.veld == "modules.0.agb_code"
    assert "ten hoogste 10.00%" in fout.bericht and "18.2%" in fout.bericht and "2 van 11" in fout.bericht
    assert tel(uow, inkoop_keuzes) == voor
    with uow(write=True) as u:
        (e,) = inkoop.experimenten(u, INKOPER)
    gebruik = {g["prestatiecode"]: g for g in e["gebruik"]}
    assert gebruik["M-BG"]["open_huis"] == 1 and gebruik["M-BG"]["totaal"] == 10
    assert str(gebruik["M-BG"]["procent"]) == "10.0" and gebruik["M-PV"]["totaal"] == 0


def test_an_mpt_pgb_choice_records_its_pgb_part_beside_the_mpt_modules(uow, wereld):
    """The client's accepted leveringsvorm is mpt+pgb: the mpt module goes to provider A (a toewijzing), the
    functions bought with a pgb are recorded with the leveringsvorm choice the pgb export reads."""
    from tests.zorgkantoor.helpers import voeg_keuze_toe

    from wlz.zorgkantoor.storage.inkoop_orm import inkoop_pgb_delen

    with uow(write=True) as u:
        inkoop.contract_opslaan(u, INKOPER, contract())
    keuze = {
        "regio": ROTTERDAM, "van": dt.date(2024, 3, 1), "tot": dt.date(2024, 12, 31),
        "modules": [{"prestatiecode": "M-BG", "leveringsvorm": "mpt", "agb_code": AGB_A, "functie": "81",
                     "klasse": "K3"}],
        "pgb": {"functies": ["31", "21"]},
    }  # fmt: skip
    # without an accepted mpt+pgb leveringsvorm: refused on the pgb part, nothing written
    fout = weigering(uow, inkoop.keuze_vastleggen, BEOORDELAAR, wereld.client_id, iv.KeuzeInvoer.model_validate(keuze))
    assert fout.veld == "pgb" and "mpt met pgb" in fout.bericht
    assert tel(uow, inkoop_pgb_delen) == 0 and tel(uow, orm.zorgtoewijzingen) == 0
    voeg_keuze_toe(uow, wereld.client_id, "mpt_pgb", dt.date(2024, 1, 1), geaccepteerd=True, toets={"test": True})
    # a function both as module and as pgb; an amount without source: refused naming the field
    dubbel = {**keuze, "pgb": {"functies": ["81"]}}
    fout = weigering(uow, inkoop.keuze_vastleggen, BEOORDELAAR, wereld.client_id, iv.KeuzeInvoer.model_validate(dubbel))
    assert fout.veld == "modules.0.functie"
    zonder_bron = {**keuze, "pgb": {"functies": ["31"], "bedrag": "1234.56"}}
    fout = weigering(
        uow, inkoop.keuze_vastleggen, BEOORDELAAR, wereld.client_id, iv.KeuzeInvoer.model_validate(zonder_bron)
    )
    assert fout.veld == "pgb.bron"
    with uow(write=True) as u:
        uit = inkoop.keuze_vastleggen(u, BEOORDELAAR, wereld.client_id, iv.KeuzeInvoer.model_validate(keuze))
    assert len(uit.toewijzing_ids) == 1
    with uow() as u:
        lv = u.keuzes.huidige(wereld.client_id)
        deel = u.session.execute(sa.select(inkoop_pgb_delen)).one()
    assert lv.leveringsvorm == "mpt_pgb" and deel.leveringsvorm_keuze_id == lv.id
    assert deel.functies == ["31", "21"] and deel.bedrag_cent is None and deel.tot == dt.date(2024, 12, 31)
    with uow(write=True) as u:
        dossier = inkoop.keuzedossier(u, BEOORDELAAR, wereld.client_id)
    assert [p["functies"] for p in dossier.pgb_delen] == [["31", "21"]]


def test_meerjarig_basisbudget_is_computed_from_the_indicated_care(uow, wereld):
    """3 indicated VV5 clients for 2024 at the table's day tariff of ZI754 (200.00, voorbeeld): the rules'
    verblijf_budget of 366 days each, 3 x 73,200.00; the source names the rules' result and the tariff. A year
    without a tariff is refused naming the field; the zorginkoper's own amount overrides, marked handmatig."""
    from decimal import Decimal

    geindiceerd = [{"zorgprofiel": "VV5", "aantal": 3, "prestatiecode": "ZI754"}]
    d = contract(vorm="meerjarig", zorgsoort="huntington", einddatum=dt.date(2024, 12, 31), geindiceerd=geindiceerd)
    with uow(write=True) as u:
        c = inkoop.contract_opslaan(u, INKOPER, d).gegevens
    assert c["basisbudget_cent"] == 3 * 366 * 20_000 and c["basisbudget_handmatig"] is False
    assert "3 x VV5 2024: 73200.00 euro" in c["basisbudget_bron"] and "verblijf_budget" in c["basisbudget_bron"]
    assert "voorbeeld" in c["basisbudget_bron"]
    # 2025 has no maximum tariff in the table: refused, naming the line, nothing written
    twee_jaar = contract(
        vorm="meerjarig", zorgsoort="huntington", einddatum=dt.date(2025, 12, 31), geindiceerd=geindiceerd
    )
    fout = weigering(uow, inkoop.contract_opslaan, INKOPER, twee_jaar)
    assert fout.veld == "geindiceerd.0.prestatiecode" and "2025" in fout.bericht
    # the user's own amount: kept, marked as an override, what could not be computed said
    eigen = contract(
        vorm="meerjarig", zorgsoort="huntington", einddatum=dt.date(2025, 12, 31), geindiceerd=geindiceerd,
        basisbudget=Decimal("400000"),
    )  # fmt: skip
    with uow(write=True) as u:
        c = inkoop.contract_opslaan(u, INKOPER, eigen).gegevens
    assert c["basisbudget_cent"] == 40_000_000 and c["basisbudget_handmatig"] is True
    assert c["basisbudget_bron"].startswith("handmatig ingevoerd") and "niet te berekenen" in c["basisbudget_bron"]
    # geindiceerd belongs to a meerjarig contract only
    fout = weigering(uow, inkoop.contract_opslaan, INKOPER, contract(geindiceerd=geindiceerd))
    assert fout.veld == "geindiceerd"
