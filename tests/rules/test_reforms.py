"""The reform of seed 000, aanbeveling 6: toeslagen count in the pgb and mpt budget (except instellingsgebonden
toeslagen and those for gebruikelijke zorg). Amounts: VG5 2017 budget € 62.400 (seed 000 tabel 1)."""

from __future__ import annotations

import numpy as np
import pytest
from openfisca_core.reforms import Reform
from openfisca_core.simulation_builder import SimulationBuilder

from wlz.rules.reforms import HERVORMINGEN
from wlz.rules.system import hervormd, systeem

INVOER = {
    "zorgprofiel": "VG5",
    "leveringsvorm": "mpt",
    "toeslag_beademing": 8000,
    "toeslag_zorginhoudelijk_overig": 2000,
    "toeslag_instellingsgebonden": 5000,
    "toeslag_gebruikelijke_zorg": 1000,
    "mpt_kosten": 70000,
}


def _bereken(system, naam, invoer=INVOER, periode="2017"):
    builder = SimulationBuilder()
    builder.set_default_period(periode)
    return float(builder.build_from_dict(system, dict(invoer)).calculate(naam, periode)[0])


def test_registry_heeft_de_hervorming_als_openfisca_reform():
    assert issubclass(HERVORMINGEN["toeslagen_in_budget"], Reform)
    assert hervormd("toeslagen_in_budget") is hervormd("toeslagen_in_budget")  # built once
    with pytest.raises(KeyError):
        hervormd("bestaat_niet")


def test_zonder_hervorming_tellen_toeslagen_niet_mee():
    assert _bereken(systeem(), "pgb_budget") == 62400
    assert _bereken(systeem(), "doelmatig") == 0  # 70.000 > 62.400


def test_met_hervorming_tellen_beademing_en_zorginhoudelijke_toeslagen_mee():
    reform = hervormd("toeslagen_in_budget")
    # 62.400 + 8.000 + 2.000; instellingsgebonden (5.000) and gebruikelijke zorg (1.000) stay out
    assert _bereken(reform, "toeslagen_meegeteld") == 10000
    assert _bereken(reform, "pgb_budget") == 72400
    assert _bereken(reform, "mpt_budget") == 72400


def test_hervorming_verandert_de_doelmatigheidstoets():
    reform = hervormd("toeslagen_in_budget")
    assert _bereken(reform, "doelmatigheid_grens") == 72400
    assert _bereken(reform, "doelmatig") == 1


def test_hervorming_naar_rato_van_de_zorgdagen():
    reform = hervormd("toeslagen_in_budget")
    invoer = {**INVOER, "zorg_begin": "2017-07-01"}  # 184 of 365 days
    verwacht = (62400 + 10000) * 184 / 365
    assert _bereken(reform, "pgb_budget", invoer) == pytest.approx(verwacht, abs=0.02)


def test_basissysteem_blijft_ongewijzigd_na_hervorming():
    hervormd("toeslagen_in_budget")
    assert _bereken(systeem(), "pgb_budget") == 62400


def test_hervorming_via_bereken_met_uitleg():
    from wlz.rules.api import bereken

    situatie = {"periode": 2017, "client": {k: v for k, v in INVOER.items()}}
    uit = bereken(situatie, hervorming="toeslagen_in_budget").as_dict()
    assert uit["hervorming"] == "toeslagen_in_budget"
    pgb = uit["resultaten"]["pgb_budget"]
    assert pgb["waarde"] == 72400
    assert "aanbeveling 6" in pgb["uitleg"]
    assert "tellen niet mee" in uit["resultaten"]["toeslagen_meegeteld"]["uitleg"]
    assert np.isclose(bereken(situatie).resultaten["pgb_budget"].waarde, 62400)
