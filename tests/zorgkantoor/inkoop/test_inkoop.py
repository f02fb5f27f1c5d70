"""Zorginkoop use cases on a real database (SQLite; PostgreSQL when WLZ_DATABASE_URL points at one): contracts
with tariffs from the installation's table, the refusals of the issue (each naming its field, nothing written),
open huis within its experiment, a choice becoming an XSD+XSLT-valid AW33, vouchers, support, capacity."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from wlz import iwlz
from wlz.iwlz.validation import check
from wlz.zorgkantoor.domain.fouten import AccessDenied, DomainError, NotFound
from wlz.zorgkantoor.services import inkoop
from wlz.zorgkantoor.services import inkoop_invoer as iv
from wlz.zorgkantoor.services.actor import Actor
from wlz.zorgkantoor.storage import orm
from wlz.zorgkantoor.storage.inkoop_orm import (
    inkoop_contract_prestaties,
    inkoop_contracten,
    inkoop_keuzes,
    inkoop_vouchers,
)

from .wereld import AGB_A, AGB_B, BEOORDELAAR, INKOPER, ROTTERDAM, ZUID_LIMBURG, bouw, contract, tel, weigering

pytestmark = pytest.mark.postgres


@pytest.fixture
def wereld(uow):
    return bouw(uow)


def test_contract_tariff_is_the_percentage_of_the_supplied_maximum(uow, wereld):
    with uow(write=True) as u:
        c = inkoop.contract_opslaan(u, INKOPER, contract())
    tarieven = {p["prestatiecode"]: p for p in c.prestaties}
    # 97.5% of 200.00 = 195.00; 100% of 61.11 = 61.11; the source of the maximum is kept and marked voorbeeld
    assert tarieven["ZI754"]["tarief_cent"] == 19500 and tarieven["ZI754"]["maximumtarief_cent"] == 20000
    assert tarieven["M-BG"]["tarief_cent"] == 6111
    assert "(voorbeeld)" in tarieven["ZI754"]["tarief_bron"]
    assert c.gegevens["status"] == "actief" and c.gegevens["clientenraad_geraadpleegd"] is True


def test_without_a_supplied_maximum_the_tariff_stays_unknown(uow, wereld):
    d = contract(prestaties=[{"prestatiecode": "M-DB", "leveringsvorm": "mpt", "tarief_percentage": "90"}])
    with uow(write=True) as u:
        c = inkoop.contract_opslaan(u, INKOPER, d)
    p = c.prestaties[0]
    assert p["maximumtarief_cent"] is None and p["tarief_cent"] is None and p["tarief_bron"] is None


def test_rounding_half_up_to_the_cent(uow, wereld):
    d = contract(prestaties=[{"prestatiecode": "M-PV", "leveringsvorm": "mpt", "tarief_percentage": "90.5"}])
    with uow(write=True) as u:
        c = inkoop.contract_opslaan(u, INKOPER, d)
    # 5555 * 0.905 = 5027.275 -> 5027 cents
    assert c.prestaties[0]["tarief_cent"] == 5027


@pytest.mark.parametrize(
    ("wijziging", "veld", "tekst"),
    [
        ({"einddatum": dt.date(2023, 12, 31)}, "einddatum", "voor de ingangsdatum"),
        (
            {"prestaties": [{"prestatiecode": "ZI754", "leveringsvorm": "verblijf", "tarief_percentage": "104"}]},
            "prestaties.0.tarief_percentage",
            "goedgekeurd verbeterplan",
        ),
        (
            {
                "verbeterplan": "ingediend",
                "prestaties": [{"prestatiecode": "ZI754", "leveringsvorm": "verblijf", "tarief_percentage": "104"}],
            },
            "prestaties.0.tarief_percentage",
            "goedgekeurd verbeterplan",
        ),
        ({"vorm": "meerjarig"}, "zorgsoort", "zeldzame en complexe zorg"),
        ({"vorm": "meerjarig", "zorgsoort": "huntington"}, "basisbudget", "basisbudget"),
        ({"regio": "9999"}, "regio", "COD001"),
        ({"agb_code": "55555555"}, "agb_code", "Onbekende zorgaanbieder"),
    ],
)
def test_bad_contract_is_refused_naming_the_field_and_nothing_is_written(uow, wereld, wijziging, veld, tekst):
    fout = weigering(uow, inkoop.contract_opslaan, INKOPER, contract(**wijziging))
    assert fout.veld == veld and tekst in fout.bericht
    assert tel(uow, inkoop_contracten) == 0 and tel(uow, inkoop_contract_prestaties) == 0


def test_uplift_above_100_percent_with_an_approved_verbeterplan(uow, wereld):
    d = contract(
        verbeterplan="goedgekeurd",
        verbeterplan_toelichting="Verbeterplan dagbesteding 2024",
        prestaties=[{"prestatiecode": "ZI754", "leveringsvorm": "verblijf", "tarief_percentage": "104"}],
    )
    with uow(write=True) as u:
        c = inkoop.contract_opslaan(u, INKOPER, d)
    assert c.prestaties[0]["tarief_cent"] == 20800


def test_multi_year_contract_for_rare_care_with_basisbudget(uow, wereld):
    d = contract(vorm="meerjarig", zorgsoort="huntington", basisbudget=Decimal("125000.50"))
    with uow(write=True) as u:
        c = inkoop.contract_opslaan(u, INKOPER, d)
    assert c.gegevens["basisbudget_cent"] == 12500050 and c.gegevens["zorgsoort"] == "huntington"


def _open_huis(wereld, **kw):
    data = {
        "regio": ZUID_LIMBURG,
        "vorm": "open_huis",
        "agb_code": AGB_B,
        "experiment_id": wereld.experiment_id,
        "ingangsdatum": dt.date(2024, 1, 1),
        "einddatum": dt.date(2024, 12, 31),
        "accepteert_prijs_en_eisen": True,
        "status": "concept",
        "prestaties": [{"prestatiecode": "M-PV", "leveringsvorm": "mpt", "tarief_percentage": "95"}],
    }
    data.update(kw)
    return contract(**data)


def test_open_house_admits_any_provider_accepting_price_and_requirements(uow, wereld):
    with uow(write=True) as u:
        c = inkoop.contract_opslaan(u, INKOPER, _open_huis(wereld))
    # admitted at once, at the experiment's price: 95% of 55.55 = 52.77 (52.7725)
    assert c.gegevens["status"] == "actief" and c.prestaties[0]["tarief_cent"] == 5277


@pytest.mark.parametrize(
    ("wijziging", "veld"),
    [
        ({"regio": ROTTERDAM}, "regio"),
        ({"einddatum": dt.date(2025, 6, 30)}, "einddatum"),
        ({"ingangsdatum": dt.date(2023, 12, 1)}, "ingangsdatum"),
        ({"prestaties": [{"prestatiecode": "ZI754", "leveringsvorm": "verblijf", "tarief_percentage": "95"}]},
         "prestaties.0.prestatiecode"),
        ({"prestaties": [{"prestatiecode": "M-PV", "leveringsvorm": "mpt", "tarief_percentage": "99"}]},
         "prestaties.0.tarief_percentage"),
        ({"accepteert_prijs_en_eisen": False}, "accepteert_prijs_en_eisen"),
        ({"experiment_id": None}, "experiment_id"),
    ],
)  # fmt: skip
def test_open_house_outside_the_experiment_is_refused(uow, wereld, wijziging, veld):
    fout = weigering(uow, inkoop.contract_opslaan, INKOPER, _open_huis(wereld, **wijziging))
    assert fout.veld == veld
    assert tel(uow, inkoop_contracten) == 0


def test_contract_status_moves_forward_only(uow, wereld):
    with uow(write=True) as u:
        c = inkoop.contract_opslaan(u, INKOPER, contract(status="concept"))
    cid = c.gegevens["id"]
    with uow(write=True) as u:
        assert inkoop.contract_status(u, INKOPER, iv.ContractStatusInvoer(contract_id=cid, status="beeindigd"))
    fout = weigering(uow, inkoop.contract_status, INKOPER, iv.ContractStatusInvoer(contract_id=cid, status="actief"))
    assert fout.veld == "status"


def test_provider_reads_only_its_own_contracts(uow, wereld):
    with uow(write=True) as u:
        eigen = inkoop.contract_opslaan(u, INKOPER, contract())
    with uow(write=True) as u:
        ander = inkoop.contract_opslaan(u, INKOPER, contract(agb_code=AGB_B))
    aanbieder = Actor(gebruiker_id="a", gebruikersnaam="a", naam="A", rol="aanbieder", agb_code=AGB_A)
    with uow(write=True) as u:
        lijst = inkoop.contracten(u, aanbieder)
    assert [c.gegevens["id"] for c in lijst] == [eigen.gegevens["id"]]
    with uow(write=True) as u, pytest.raises(NotFound):
        inkoop.contract(u, aanbieder, ander.gegevens["id"])
    with uow(write=True) as u, pytest.raises(AccessDenied):
        inkoop.contract_opslaan(u, aanbieder, contract())


def _keuze(**kw) -> iv.KeuzeInvoer:
    data = {
        "regio": ROTTERDAM,
        "van": dt.date(2024, 3, 1),
        "tot": dt.date(2024, 12, 31),
        "modules": [
            {"prestatiecode": "M-BG", "leveringsvorm": "mpt", "agb_code": AGB_A, "functie": "81", "klasse": "K3"},
            {"prestatiecode": "M-PV", "leveringsvorm": "mpt", "agb_code": AGB_B, "functie": "31", "klasse": "K2"},
        ],
    }
    data.update(kw)
    return iv.KeuzeInvoer.model_validate(data)


def test_choice_per_module_becomes_toewijzingen_with_valid_aw33(uow, wereld):
    with uow(write=True) as u:
        inkoop.contract_opslaan(u, INKOPER, contract())
    with uow(write=True) as u:
        inkoop.contract_opslaan(
            u,
            INKOPER,
            contract(
                agb_code=AGB_B,
                prestaties=[{"prestatiecode": "M-PV", "leveringsvorm": "mpt", "tarief_percentage": "100"}],
            ),
        )
    with uow(write=True) as u:
        uit = inkoop.keuze_vastleggen(u, BEOORDELAAR, wereld.client_id, _keuze())
    assert len(uit.toewijzing_ids) == 2
    with uow() as u:
        toewijzingen = {tw.agb_code: tw for tw in u.toewijzingen.van_client(wereld.client_id)}
        assert set(toewijzingen) == {AGB_A, AGB_B}  # two providers for one client's mpt modules
        assert toewijzingen[AGB_A].functie == "81" and toewijzingen[AGB_A].klasse == "K3"
        berichten = [b for b in u.berichten.van_client(wereld.client_id) if b.soort == "AW33"]
        assert len(berichten) == 2
        for b in berichten:
            assert iwlz.validate(b.inhoud).naam == "AW33"
            assert check(b.inhoud, "AW33").valid
        assert {b.ontvanger for b in berichten} == {AGB_A, AGB_B}
    with uow(write=True) as u:
        dossier = inkoop.keuzedossier(u, BEOORDELAAR, wereld.client_id)
    assert {k["agb_code"] for k in dossier.keuzes} == {AGB_A, AGB_B}


@pytest.mark.parametrize(
    ("keuze", "veld", "tekst"),
    [
        # no contract in that region
        ({"regio": ZUID_LIMBURG}, "modules.0.agb_code", "geen actief contract"),
        # contract does not cover that prestatie
        (
            {"modules": [{"prestatiecode": "M-DB", "leveringsvorm": "mpt", "agb_code": AGB_A, "functie": "82",
                          "klasse": "KD01"}]},
            "modules.0.agb_code",
            "prestatie M-DB",
        ),
        # period beyond the contract (and the indication runs on)
        ({"tot": dt.date(2026, 6, 30)}, "modules.0.agb_code", "hele periode"),
        # second module's provider has no contract: the first is not written either
        (
            {},
            "modules.1.agb_code",
            "Zorgaanbieder 44444444",
        ),
    ],
)  # fmt: skip
def test_choice_without_covering_contract_is_refused_and_nothing_written(uow, wereld, keuze, veld, tekst):
    with uow(write=True) as u:
        inkoop.contract_opslaan(u, INKOPER, contract())
    fout = weigering(uow, inkoop.keuze_vastleggen, BEOORDELAAR, wereld.client_id, _keuze(**keuze))
    assert fout.veld == veld and tekst in fout.bericht
    assert tel(uow, inkoop_keuzes) == 0 and tel(uow, orm.zorgtoewijzingen) == 0 and tel(uow, orm.berichten) == 0


def test_concept_contract_does_not_cover_a_choice(uow, wereld):
    with uow(write=True) as u:
        inkoop.contract_opslaan(u, INKOPER, contract(status="concept"))
    keuze = _keuze(modules=[{"prestatiecode": "ZI754", "leveringsvorm": "verblijf", "agb_code": AGB_A}])
    fout = weigering(uow, inkoop.keuze_vastleggen, BEOORDELAAR, wereld.client_id, keuze)
    assert "geen actief contract" in fout.bericht


def _voucher(u, client_id, **kw):
    data = {"van": dt.date(2024, 3, 1), "tot": dt.date(2024, 12, 31), "prestatiecode": "ZI754"}
    data.update(kw)
    return inkoop.voucher_uitgeven(u, BEOORDELAAR, client_id, iv.VoucherInvoer.model_validate(data))


def test_voucher_worth_the_indication_redeemed_once(uow, wereld):
    with uow(write=True) as u:
        v = _voucher(u, wereld.client_id)
    # the rules' verblijf_budget: the day tariff of the table (200.00, voorbeeld) x 306 days of care
    assert v["waarde_cent"] == 306 * 20000 and v["zorgprofiel"] == "VV5" and v["status"] == "uitgegeven"
    assert "verblijf_budget" in v["bron"] and "voorbeeld" in v["bron"]
    inwissel = iv.InwisselInvoer(voucher_id=v["id"], agb_code=AGB_B, akkoord_client="Drie dagen per week, eigen kamer.")
    with uow(write=True) as u:
        na = inkoop.voucher_inwisselen(u, BEOORDELAAR, wereld.client_id, inwissel, op=dt.date(2024, 3, 1))
    assert na["status"] == "ingewisseld" and na["agb_code"] == AGB_B and na["akkoord_client"].startswith("Drie")
    with uow() as u:
        tw = u.toewijzingen.get(na["toewijzing_id"])
        assert tw.agb_code == AGB_B and tw.van == dt.date(2024, 3, 1) and tw.zorgprofiel == "VV5"
        aw33 = [b for b in u.berichten.van_client(wereld.client_id) if b.soort == "AW33"]
        assert len(aw33) == 1 and check(aw33[0].inhoud, "AW33").valid
    # twice: refused, naming the voucher, nothing new written
    fout = weigering(uow, inkoop.voucher_inwisselen, BEOORDELAAR, wereld.client_id, inwissel, op=dt.date(2024, 3, 2))
    assert fout.veld == "voucher" and "al ingewisseld" in fout.bericht
    assert tel(uow, orm.zorgtoewijzingen) == 1 and tel(uow, orm.berichten) == 1


def test_voucher_without_known_amount_is_refused(uow, wereld):
    # no maximum tariff for this prestatie in the table: no value, no voucher
    fout = weigering(uow, _voucher, wereld.client_id, prestatiecode="ZI999")
    assert fout.veld == "prestatiecode"
    # the rules know no pgb amount for VV5 in 2024: refused, never invented
    fout = weigering(uow, _voucher, wereld.client_id, basis="pgb", prestatiecode=None)
    assert fout.veld == "basis" and "geen bedrag" in fout.bericht
    # across a year boundary
    fout = weigering(uow, _voucher, wereld.client_id, tot=dt.date(2025, 1, 31))
    assert fout.veld == "tot"
    assert tel(uow, inkoop_vouchers) == 0


def test_voucher_redemption_needs_the_clients_agreement(uow, wereld):
    with uow(write=True) as u:
        v = _voucher(u, wereld.client_id)
    fout = weigering(
        uow,
        inkoop.voucher_inwisselen,
        BEOORDELAAR,
        wereld.client_id,
        iv.InwisselInvoer.model_construct(voucher_id=v["id"], agb_code=AGB_B, akkoord_client=" "),
        op=dt.date(2024, 3, 1),
    )
    assert fout.veld == "akkoord_client"
    assert tel(uow, orm.zorgtoewijzingen) == 0


def test_client_helped_by_clientondersteuner(uow, wereld):
    with uow(write=True) as u:
        inkoop.ondersteuning_vastleggen(
            u,
            BEOORDELAAR,
            wereld.client_id,
            iv.OndersteuningInvoer(clientondersteuner="J. de Vries (MEE)", datum=dt.date(2024, 2, 1)),
        )
    with uow(write=True) as u:
        d = inkoop.keuzedossier(u, BEOORDELAAR, wereld.client_id)
    assert d.ondersteuning[0]["clientondersteuner"] == "J. de Vries (MEE)"
    assert d.ondersteuning[0]["datum"] == dt.date(2024, 2, 1)


def test_capacity_register_shows_shortfalls(uow, wereld):
    with uow(write=True) as u:
        inkoop.contract_opslaan(u, INKOPER, contract())
    with uow(write=True) as u:
        inkoop.keuze_vastleggen(
            u,
            BEOORDELAAR,
            wereld.client_id,
            _keuze(modules=[{"prestatiecode": "ZI754", "leveringsvorm": "verblijf", "agb_code": AGB_A}]),
        )
    with uow(write=True) as u:
        inkoop.norm_opslaan(
            u,
            INKOPER,
            iv.NormInvoer(
                discipline="specialist_ouderengeneeskunde",
                zorgprofiel="VV5",
                fte_per_client=Decimal("0.5"),
                bron="testnorm",
                voorbeeld=True,
            ),
        )
    with uow(write=True) as u:
        inkoop.capaciteit_opslaan(
            u,
            INKOPER,
            iv.CapaciteitInvoer(
                agb_code=AGB_A,
                regio=ROTTERDAM,
                jaar=2024,
                discipline="specialist_ouderengeneeskunde",
                fte=Decimal("0.2"),
            ),
        )
    with uow(write=True) as u:
        reg = inkoop.capaciteitsregister(u, INKOPER, 2024)
    regel = next(r for r in reg.regels if r.agb_code == AGB_A and r.discipline == "specialist_ouderengeneeskunde")
    assert regel.regio == ROTTERDAM and regel.clienten == 1
    assert regel.nodig == Decimal("0.5") and regel.tekort == Decimal("0.3")


def test_every_read_and_write_is_in_the_access_log(uow, wereld):
    with uow(write=True) as u:
        inkoop.contract_opslaan(u, INKOPER, contract())
    with uow(write=True) as u:
        inkoop.contracten(u, INKOPER)
    with uow(write=True) as u:
        inkoop.vergelijking(u, peildatum=dt.date(2024, 6, 1))
    with uow(write=True) as u:
        inkoop.keuzedossier(u, BEOORDELAAR, wereld.client_id)
    with uow() as u:
        regels = u.toegangslog.search(limit=100)
    onderwerpen = [(r.gebruikersnaam, r.actie, r.onderwerp) for r in regels]
    assert ("inkoper", "aanmaken", f"contract regulier met zorgaanbieder {AGB_A}") in onderwerpen
    assert ("inkoper", "lezen", "contracten") in onderwerpen
    assert ("publiek", "lezen", "vergelijking gecontracteerde zorgaanbieders") in onderwerpen
    keuze = next(r for r in regels if r.onderwerp.startswith("keuze van zorgaanbieder"))
    assert keuze.client_id == wereld.client_id and keuze.rol == "beoordelaar"


def test_public_comparison_per_region_and_leveringsvorm(uow, wereld):
    with uow(write=True) as u:
        inkoop.contract_opslaan(u, INKOPER, contract())
    with uow(write=True) as u:
        inkoop.kwaliteitsrapport_opslaan(
            u, INKOPER, iv.KwaliteitsrapportInvoer(agb_code=AGB_A, jaar=2023, url="https://example.org/rapport-2023")
        )
    with uow(write=True) as u:
        alles = inkoop.vergelijking(u, peildatum=dt.date(2024, 6, 1))
    assert {(r.regio, r.leveringsvorm, r.agb_code) for r in alles} == {
        (ROTTERDAM, "mpt", AGB_A),
        (ROTTERDAM, "verblijf", AGB_A),
    }
    assert alles[0].kwaliteitsrapport["url"] == "https://example.org/rapport-2023"
    with uow(write=True) as u:
        assert [
            r.leveringsvorm for r in inkoop.vergelijking(u, leveringsvorm="mpt", peildatum=dt.date(2024, 6, 1))
        ] == ["mpt"]
    with uow(write=True) as u:
        assert inkoop.vergelijking(u, regio=ZUID_LIMBURG, peildatum=dt.date(2024, 6, 1)) == []
    with uow(write=True) as u:  # a contract not yet running on the peildatum is not listed
        assert inkoop.vergelijking(u, peildatum=dt.date(2023, 6, 1)) == []


def test_published_kaders_only_on_the_public_list(uow, wereld):
    d = iv.KaderInvoer(
        jaar=2025,
        regio=ROTTERDAM,
        kwaliteitseisen="Kwaliteitskader",
        looptijd="Drie jaar",
        continuiteit="Warme overdracht",
    )
    with uow(write=True) as u:
        inkoop.kader_opslaan(u, INKOPER, d)
    with uow(write=True) as u:
        assert inkoop.publieke_kaders(u) == []
    with uow(write=True) as u:
        inkoop.kader_publiceren(u, INKOPER, iv.PublicerenInvoer(jaar=2025, regio=ROTTERDAM))
    with uow(write=True) as u:
        assert [k["looptijd"] for k in inkoop.publieke_kaders(u)] == ["Drie jaar"]


def test_tariff_table_from_csv_all_or_nothing(uow, wereld):
    tabel = inkoop.tarieven_uit_csv(
        "jaar;prestatiecode;eenheid;maximumtarief;bron;voorbeeld\n2025;ZI754;dag;1.234,56;testbron;ja\n"
    )
    assert tabel.tarieven[0].maximumtarief == Decimal("1234.56") and tabel.tarieven[0].voorbeeld
    with pytest.raises(DomainError) as exc:
        inkoop.tarieven_uit_csv("jaar;prestatiecode;eenheid;maximumtarief;bron\n2025;ZI754;dag;abc;testbron\n")
    assert exc.value.veld == "maximumtarief" and "Regel 2" in exc.value.bericht
    with pytest.raises(DomainError) as exc:
        inkoop.tarieven_uit_csv("jaar;prestatiecode\n2025;ZI754\n")
    assert exc.value.veld == "bestand"
