"""The per-group options at the client level on the hand-made claims folder of three clients (A 5VV zzp incl,
B 5VV zzp excl, C 5VV mpt at home, January 2019): taakstelling per client and per provider to the cent, extra
kosten thuis with the zorgval, toeslagen and maatwerk per client — each checked by hand or against the rules."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scenario_helpers import write_claims

from wlz.common.errors import InputError
from wlz.scenario import parse_scenario, run_scenario, write_outputs
from wlz.scenario.basis import Basis, read_basis
from wlz.scenario.clientopties import verdeel_groep


@pytest.fixture(scope="module")
def basis(tmp_path_factory: pytest.TempPathFactory) -> Basis:
    m = tmp_path_factory.mktemp("claims_opties")
    return read_basis(write_claims(m), 2019, werkmap=m / "analyse")


def _run(basis: Basis, *opties: object):
    return run_scenario(parse_scenario({"jaar": 2019, "opties": list(opties)}), basis)


def _rij(u, client: str, stap: int = 1) -> pd.Series:
    c = u.clienten
    return c[(c.client_id == client) & (c.stap == stap)].iloc[0]


def test_taakstelling_per_client_and_provider_adds_up_to_the_cent(basis: Basis) -> None:
    u = _run(basis, {"taakstelling": {"sleutel": "per_dag"}})
    k = u.kortingen_aanbieders
    assert sum(k.korting) == Decimal("170000000.00")
    # per client: Wlz € lower by exactly the group's cut (each client is alone in his group here)
    groep = u.kortingen[(u.kortingen.jaar == 2025) & (u.kortingen.sector == "vv")].set_index("optie").korting
    c = u.clienten.set_index("client_id")
    for client, optie in (("A", "zzp_incl"), ("B", "zzp_excl"), ("C", "mpt")):
        assert c.loc[client, "wlz_voor"] - c.loc[client, "wlz_na"] == pytest.approx(float(groep[optie]), abs=1e-6)
        assert c.loc[client, "uitkomst"] == "gelijk"  # a cut of provider tariffs: the client pays the same
    # per provider (the fixture's agb codes: A 01000001, B 01000002, C 03000001), all days of 2019 are cut
    per_agb = k.set_index("agb_code").korting
    assert per_agb["01000001"] == groep["zzp_incl"] and per_agb["03000001"] == groep["mpt"]
    assert (c.wlz_voor - c.wlz_na).sum() == pytest.approx(170_000_000, abs=1e-4)


def test_taakstelling_after_knip_splits_a_group_by_days_to_the_cent(basis: Basis) -> None:
    # after the knip A (31 days) joins B (31 days) in zzp_excl: the group's cents over two equal weights
    u = _run(
        basis,
        {"knip": {"variant": "combinatie", "grens": {"vg": 6, "vv": 6}}},
        {"taakstelling": {"bedrag": 100.01, "sleutel": "per_dag"}},
    )
    k = u.kortingen[(u.kortingen.stap == 2) & (u.kortingen.jaar == 2025) & (u.kortingen.sector == "vv")]
    excl = k.set_index("optie").korting["zzp_excl"]
    a, b = _rij(u, "A", 2), _rij(u, "B", 2)
    assert (a.pakket_voor, a.pakket_na) == ("zzp_excl", "zzp_excl")  # step 2 starts after the knip
    snede = sorted([round((a.wlz_voor - a.wlz_na) * 100), round((b.wlz_voor - b.wlz_na) * 100)])
    centen = int(excl * 100)
    assert snede == [centen // 2, centen - centen // 2]
    assert sum(u.kortingen_aanbieders.korting) == Decimal("100.01")
    # step 1 is the knip itself: A moves
    assert (_rij(u, "A", 1).pakket_voor, _rij(u, "A", 1).pakket_na) == ("zzp_incl", "zzp_excl")


@settings(max_examples=60, deadline=None)
@given(
    centen=st.integers(min_value=0, max_value=17_000_000_000),
    gewichten=st.lists(st.integers(min_value=0, max_value=366), min_size=1, max_size=40),
)
def test_cents_over_clients_add_up_exactly(centen: int, gewichten: list[int]) -> None:
    delen = verdeel_groep(centen, np.array(gewichten))
    assert int(delen.sum()) == centen and (delen >= 0).all()
    if sum(gewichten) > 0:  # nobody gets more than one cent above his exact share
        exact = np.array(gewichten) * centen / sum(gewichten)
        assert (np.abs(delen - exact) < 1 + 1e-6).all()


def test_ekt_today_changes_nobody_and_more_percentage_pays_the_mpt_client(basis: Basis) -> None:
    u = _run(basis, {"extra_kosten_thuis": {"gebruik_pct": 100}})
    assert (u.clienten.uitkomst == "gelijk").all() and (u.clienten.wlz_na == u.clienten.wlz_voor).all()
    u = _run(basis, {"extra_kosten_thuis": {"gebruik_pct": 100, "percentage": 40}})
    c = _rij(u, "C")
    # C's budget is his own Wlz € of the year (90 €): 40 % instead of 25 % of it is 13.50 € more
    assert c.budget_verschil == pytest.approx(13.5) and c.wlz_na - c.wlz_voor == pytest.approx(13.5)
    assert c.uitkomst == "wint" and "ekt-gebruiker" in c.toelichting
    assert _rij(u, "A").uitkomst == "gelijk"  # in an instelling: not eligible
    assert any("zorgval" in m and "niet berekend" in m for m in u.meldingen)


def test_ekt_uptake_is_repeatable_and_the_seed_changes_the_draw(basis: Basis) -> None:
    def gebruikers(zaad: int) -> list[str]:
        u = _run(basis, {"extra_kosten_thuis": {"gebruik_pct": 50, "percentage": 40, "zaad": zaad}})
        return sorted(u.clienten[u.clienten.uitkomst == "wint"].client_id)

    assert gebruikers(0) == gebruikers(0)
    assert {tuple(gebruikers(z)) for z in range(8)} == {(), ("C",)}  # over seeds C is sometimes drawn, sometimes not


def test_ekt_zorgval_from_a_user_supplied_prior_package(basis: Basis, tmp_path: Path) -> None:
    pakket = tmp_path / "pakket.csv"
    pakket.write_text("client_id,voorafgaand_pakket\nC,1500\n", encoding="utf-8")
    # C had 1,500 € a year before (125 € in his one month); his budget 90 € + 25 % = 112.50 €: a gap of 12.50 €
    u = _run(basis, {"extra_kosten_thuis": {"gebruik_pct": 100, "voorafgaand_pakket": str(pakket)}})
    z = u.ekt_zorgval.set_index("optie").loc["mpt"]
    assert z.zorgval_vandaag == pytest.approx(1 / 12) and z.tekort_vandaag == pytest.approx(12.5)
    assert z.zorgval == z.zorgval_vandaag and z.tekort == z.tekort_vandaag  # today's values: the same
    assert "zorgval" in _rij(u, "C").toelichting
    # at +40 % the budget covers 126 €: no zorgval left
    u = _run(basis, {"extra_kosten_thuis": {"gebruik_pct": 100, "percentage": 40, "voorafgaand_pakket": str(pakket)}})
    z = u.ekt_zorgval.set_index("optie").loc["mpt"]
    assert z.zorgval == 0 and z.tekort == 0 and z.tekort_vandaag == pytest.approx(12.5)
    assert "zorgval" not in _rij(u, "C").toelichting
    paden = {p.name for p in write_outputs(u, tmp_path / "uit", rapport=False)}
    assert "ekt_zorgval.csv" in paden


def test_ekt_bad_prior_package_names_the_field(basis: Basis, tmp_path: Path) -> None:
    pakket = tmp_path / "pakket.csv"
    pakket.write_text("client_id,bedrag\nC,2400\n", encoding="utf-8")
    with pytest.raises(InputError) as fout:
        _run(basis, {"extra_kosten_thuis": {"voorafgaand_pakket": str(pakket)}})
    assert fout.value.veld == "opties[0].extra_kosten_thuis.voorafgaand_pakket"
    assert "voorafgaand_pakket" in str(fout.value)
    pakket.write_text("client_id,voorafgaand_pakket\nC,-5\n", encoding="utf-8")
    with pytest.raises(InputError) as fout:
        _run(basis, {"extra_kosten_thuis": {"voorafgaand_pakket": str(pakket)}})
    assert "regel 2" in str(fout.value)


def test_toeslagen_per_client_by_the_rules(basis: Basis) -> None:
    assert (_run(basis, "toeslagen_in_budget").clienten.uitkomst == "gelijk").all()
    u = _run(basis, {"toeslagen_in_budget": {"aandeel_met_toeslag_pct": 100, "toeslag_beademing": 36500}})
    c = _rij(u, "C")
    # the reform adds the toeslag for the days of care: C's one month (January of the rules' year 2015) = 31/365
    assert c.budget_verschil == pytest.approx(36500 * 31 / 365, abs=0.01)
    assert c.uitkomst == "wint" and c.wlz_na == c.wlz_voor  # budget room, not spending
    assert _rij(u, "A").budget_verschil == 0


def test_maatwerk_per_client_against_the_profile_amount(basis: Basis) -> None:
    assert (_run(basis, {"maatwerkindicatie": {"variant": "iedereen_thuis"}}).clienten.uitkomst == "gelijk").all()
    u = _run(
        basis,
        {
            "maatwerkindicatie": {
                "variant": "iedereen_thuis",
                "behoefte_pct_van_profiel": [120],
                "herindicatie_pct": 100,
            }
        },
    )
    profiel = u.maatwerk.set_index(["sector", "zorgprofiel", "optie"]).profielbedrag[("vv", 5, "mpt")]
    c = _rij(u, "C")
    # C at home: 120 % of the profile amount for his one month
    assert c.budget_verschil == pytest.approx(profiel / 12 * 0.2) and c.uitkomst == "wint"
    assert "maatwerk 120%" in c.toelichting and "herindicatie" in c.toelichting
    assert any("1 extra herindicaties" in m for m in u.meldingen)
    assert _rij(u, "A").uitkomst == "gelijk"  # in an instelling: not in the variant iedereen_thuis


VANDAAG_PER_CLIENT = [
    {"knip": {"variant": "geen"}},
    {"taakstelling": {"bedrag": 0, "sleutel": "per_dag"}},
    {"behandeling_naar_zvw": {"sectoren": []}},
    {"alles_integraal": {"sectoren": []}},
    {"vpt_incl_afgeschaft": {"sectoren": []}},
    {"extra_kosten_thuis": {"gebruik_pct": 100}},
    {"toeslagen_in_budget": {"aandeel_met_toeslag_pct": 100}},  # no toeslag amount: nothing to add
    {"maatwerkindicatie": {"variant": "iedereen_thuis"}},
]


@pytest.mark.parametrize("optie", VANDAAG_PER_CLIENT, ids=[next(iter(o)) for o in VANDAAG_PER_CLIENT])
def test_todays_values_change_no_client(basis: Basis, optie: dict[str, object]) -> None:
    c = _run(basis, optie).clienten
    assert len(c) == 3 and (c.uitkomst == "gelijk").all() and (c.pakket_voor == c.pakket_na).all()
    assert (c.wlz_na == c.wlz_voor).all() and (c.zvw_na == c.zvw_voor).all()
    assert (c.budget_verschil == 0).all() and (c.eigen_risico_verschil == 0).all()


def test_cli_bad_prior_package_exits_2_naming_the_field(basis: Basis, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from wlz.cli import app

    pad = tmp_path / "s.yaml"
    pad.write_text(
        f"opties:\n  - extra_kosten_thuis: {{voorafgaand_pakket: {tmp_path / 'ontbreekt.csv'}}}\n", encoding="utf-8"
    )
    r = CliRunner().invoke(app, ["scenario", str(pad), "--basis", basis.naam, "--out", str(tmp_path / "o")])
    assert r.exit_code == 2
    assert "opties[0].extra_kosten_thuis.voorafgaand_pakket" in r.output and "Fout in de invoer" in r.output
    assert not (tmp_path / "o" / "clienten.csv").exists()  # nothing half-written
