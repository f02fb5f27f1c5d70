"""The gaps of issue 12 closed later: a choice under another leveringsvorm than the contract's, vouchers that lapse,
the open-house share enforced, the pgb part of an mpt+pgb choice, the meerjarig basisbudget from the indicated care,
an uploaded kwaliteitsrapport. Real database (SQLite; PostgreSQL when WLZ_DATABASE_URL points at one)."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from wlz.zorgkantoor.domain.fouten import DomainError
from wlz.zorgkantoor.services import inkoop
from wlz.zorgkantoor.services import inkoop_invoer as iv
from wlz.zorgkantoor.storage import orm
from wlz.zorgkantoor.storage.inkoop_orm import inkoop_keuzes, inkoop_vouchers

from .wereld import AGB_A, BEOORDELAAR, INKOPER, ROTTERDAM, bouw, contract

pytestmark = pytest.mark.postgres


@pytest.fixture
def wereld(uow):
    return bouw(uow)


def _tel(uow, table) -> int:
    with uow() as u:
        return u.session.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()


def _weigering(uow, functie, *args, **kwargs) -> DomainError:
    with uow(write=True) as u, pytest.raises(DomainError) as exc:
        functie(u, *args, **kwargs)
    return exc.value


def test_a_choice_under_another_leveringsvorm_than_the_contract_is_refused_naming_it(uow, wereld):
    """Provider A contracted ZI754 as verblijf only: choosing it as vpt is refused on the module's leveringsvorm,
    with the contracted one named; nothing written. As verblijf the same choice is accepted."""
    with uow(write=True) as u:
        inkoop.contract_opslaan(u, INKOPER, contract())
    keuze = {"regio": ROTTERDAM, "van": dt.date(2024, 3, 1), "tot": dt.date(2024, 12, 31)}
    vpt = iv.KeuzeInvoer.model_validate(
        {**keuze, "modules": [{"prestatiecode": "ZI754", "leveringsvorm": "vpt", "agb_code": AGB_A}]}
    )
    fout = _weigering(uow, inkoop.keuze_vastleggen, BEOORDELAAR, wereld.client_id, vpt)
    assert fout.veld == "modules.0.leveringsvorm"
    assert "gecontracteerd als verblijf, niet als vpt" in fout.bericht
    assert _tel(uow, inkoop_keuzes) == 0 and _tel(uow, orm.zorgtoewijzingen) == 0
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
    fout = _weigering(uow, inkoop.voucher_inwisselen, BEOORDELAAR, wereld.client_id, inwissel, op=dt.date(2024, 7, 1))
    assert fout.veld == "voucher" and "vervallen op 01-07-2024" in fout.bericht
    assert _tel(uow, orm.zorgtoewijzingen) == 0
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
