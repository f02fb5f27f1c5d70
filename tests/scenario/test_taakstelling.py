"""The €170 million taakstelling: exact to the cent for every key, zero for ggz and before 2025."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wlz.common.errors import InputError
from wlz.scenario import parse_scenario, read_analysis, run_scenario
from wlz.scenario.taakstelling import verdeel_centen


@settings(deadline=None)
@given(
    st.integers(min_value=0, max_value=10**12),
    st.lists(st.floats(min_value=0, max_value=1e12, allow_nan=False), min_size=1, max_size=60),
)
def test_largest_remainder_adds_up_exactly(centen: int, gewichten: list[float]) -> None:
    if sum(gewichten) == 0:
        gewichten = [*gewichten[:-1], 1.0]
    delen = verdeel_centen(centen, gewichten)
    assert sum(delen) == centen
    som = sum(Decimal(repr(g)) for g in gewichten)
    for d, g in zip(delen, gewichten, strict=True):
        quotum = Decimal(repr(g)) * centen / som
        assert quotum - 1 < d < quotum + 1


@settings(max_examples=30, deadline=None)
@given(
    sleutel=st.sampled_from(["behandelcomponent", "totale_uitgaven", "per_dag"]),
    bedrag=st.one_of(st.just(170_000_000.0), st.decimals(min_value=0, max_value=10**10, places=2).map(float)),
)
def test_every_key_sums_to_the_amount_to_the_cent(analyse_map: Path, sleutel: str, bedrag: float) -> None:
    basis = read_analysis(analyse_map)
    s = parse_scenario({"opties": [{"taakstelling": {"sleutel": sleutel, "bedrag": bedrag, "jaren": [2025]}}]})
    k = run_scenario(s, basis).kortingen
    assert sum(k.korting) == Decimal(repr(bedrag)).quantize(Decimal("0.01"))
    assert all(Decimal(str(x)).as_tuple().exponent >= -2 for x in k.korting)


def test_behandelcomponent_split_by_hand(analyse_map: Path) -> None:
    # key: vv5 zzp_incl 730 × (300 − 200) = 73000; vv5 zzp_excl 365 × 20 = 7300; vg7 zzp_excl 365 × 30 = 10950;
    # vg7 zzp_incl 365 × (320 − 250) = 25550; total 116800; mpt has no behandeling
    s = parse_scenario({"opties": ["taakstelling"]})
    k = run_scenario(s, read_analysis(analyse_map)).kortingen
    k25 = k[k.jaar == 2025].set_index(["sector", "zorgprofiel", "optie"]).korting
    assert k25[("vv", 5, "zzp_incl")] == Decimal("106250000.00")
    assert k25[("vv", 5, "zzp_excl")] == Decimal("10625000.00")
    assert k25[("vg", 7, "zzp_excl")] == Decimal("15937500.00")
    assert k25[("vg", 7, "zzp_incl")] == Decimal("37187500.00")
    assert k25[("vv", 5, "mpt")] == 0
    assert sum(k25) == Decimal("170000000.00")
    # € per client per day: 106,250,000 / 730 days
    rij = k[(k.jaar == 2025) & (k.optie == "zzp_incl") & (k.sector == "vv")].iloc[0]
    assert rij.korting_per_client_per_dag == pytest.approx(106_250_000 / 730)
    assert rij.tariefkorting_pct == pytest.approx(106_250_000 / 219_000 * 100)


def test_zero_for_ggz_and_before_2025() -> None:
    s = parse_scenario({"opties": [{"taakstelling": {"sleutel": "per_dag", "jaren": [2023, 2024, 2025]}}]})
    k = run_scenario(s, "seed004").kortingen
    per_jaar = k.groupby("jaar").korting.sum()
    assert per_jaar[2023] == 0 and per_jaar[2024] == 0 and per_jaar[2025] == Decimal("170000000.00")
    ggz = k[k.sector == "ggz"]
    assert len(ggz) == 3 and (ggz.korting == 0).all()
    assert set(k.sector) == {"vg", "vv", "ggz"}
    assert (k.optie != "pgb").all()


def test_a_euro_key_on_seed004_is_refused_with_the_field() -> None:
    with pytest.raises(InputError) as e:
        run_scenario(parse_scenario({"opties": ["taakstelling"]}), "seed004")
    assert e.value.veld == "taakstelling.sleutel"
