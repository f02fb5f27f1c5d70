"""Eigen bijdrage: bad input is refused with the field named; amounts of the 2026 text are dated; months add up."""

from __future__ import annotations

import numpy as np
import pytest

from wlz.rules import InputError, bereken
from wlz.rules.system import systeem
from wlz.rules.tabellen import waarde
from wlz.rules.variables.eigen_bijdrage import plus_maanden


@pytest.mark.parametrize("veld", ["inkomen_peiljaar", "grondslag_sparen_beleggen_peiljaar", "belasting_peiljaar"])
def test_negatief_inkomen_of_vermogen_wordt_geweigerd(veld):
    with pytest.raises(InputError) as info:
        bereken({"periode": 2015, "client": {"zorgprofiel": "VV5", "leveringsvorm": "vpt", veld: -100}})
    assert info.value.veld == f"client.{veld}"
    assert "negatief" in info.value.melding


def test_negatief_inkomen_partner_noemt_partner():
    with pytest.raises(InputError) as info:
        bereken(
            {
                "periode": 2015,
                "client": {"zorgprofiel": "VV5", "leveringsvorm": "vpt"},
                "partner": {"inkomen_peiljaar": -1},
            }
        )
    assert info.value.veld == "partner.inkomen_peiljaar"


def test_bedragen_versies_2026_en_onbekende_jaren():
    p = systeem().parameters
    assert waarde(p("2026-05-01").eigen_bijdrage.laag, "maximum_per_maand") == pytest.approx(1115.80)
    assert waarde(p("2026-05-01").eigen_bijdrage.hoog, "maximum_per_maand") == pytest.approx(3061.80)
    # the version of 1 January 2026 (read later) has the same amounts; 2020 comes from Stcrt. 2019, 54031
    assert waarde(p("2026-02-01").eigen_bijdrage.laag, "maximum_per_maand") == pytest.approx(1115.80)
    assert waarde(p("2020-06-01").eigen_bijdrage.laag, "minimum_per_maand") == pytest.approx(168.00)
    # no text found for 2016 and 2023, none read for 2027: unknown, not the previous year's amount
    for dag in ("2016-06-01", "2023-06-01", "2027-01-01"):
        assert np.isnan(waarde(p(dag).eigen_bijdrage.laag, "minimum_per_maand")), dag


def test_plus_maanden_houdt_het_einde_van_de_maand():
    d = np.array(["2015-08-31", "2015-03-15", "2016-01-31"], dtype="datetime64[D]")
    assert plus_maanden(d, 6).astype(str).tolist() == ["2016-02-29", "2015-09-15", "2016-07-31"]


def test_bereken_geeft_eigen_bijdrage_met_uitleg():
    uitkomst = bereken(
        {"periode": 2015, "client": {"zorgprofiel": "VV5", "leveringsvorm": "vpt", "inkomen_peiljaar": 10000}}
    )
    jaar = uitkomst.resultaten["eigen_bijdrage_jaar"]
    assert jaar.waarde == pytest.approx(1903.20)
    assert "1.903,20" in jaar.uitleg
    assert any("BWBR0035948" in b.url for b in jaar.bronnen)
