"""The extra-care schemes as a user relies on them: explanations that say why, sources on every result,
date-dependent rules, and vectorised formulas that give the same answer for many clients as for one."""

from __future__ import annotations

import numpy as np
import pytest
from openfisca_core.simulation_builder import SimulationBuilder

from wlz.rules.api import bereken
from wlz.rules.system import systeem

MODULES = ("ekt", "meerzorg", "pab", "overbruggingszorg", "toeslagen")


def _mijn_resultaten():
    from wlz.rules.explain import result_variables

    return [v for v in result_variables(systeem()) if type(v).__module__.rsplit(".", 1)[-1] in MODULES]


def test_elke_regeling_heeft_uitleg_en_bronnen():
    namen = {v.name for v in _mijn_resultaten()}
    for verplicht in (
        "ekt_recht",
        "ekt_max_verhoging",
        "ekt_verhoging",
        "meerzorg_recht",
        "meerzorg_bedrag",
        "pab_recht",
        "pab_maximum",
        "overbruggingszorg_recht",
        "overbruggingszorg_bedrag",
    ):
        assert verplicht in namen
    assert all(type(v).wlz_bronnen() for v in _mijn_resultaten())


def _resultaat(situatie, naam):
    return bereken(situatie).as_dict()["resultaten"][naam]


def _uitleg(invoer, naam, periode):
    """Value and explanation of one variable straight from a simulation (no budget coverage check: the
    eligibility of 2018 must be explainable even though no pgb amounts of 2018 are known)."""
    from openfisca_core.periods import period

    from wlz.rules.explain import Values
    from wlz.rules.model import Context

    builder = SimulationBuilder()
    builder.set_default_period(periode[:4])
    sim = builder.build_from_dict(systeem(), invoer)
    p = period(periode)
    waarden = Values(sim, p)
    ctx = Context(
        waarde=waarden[naam],
        periode=periode,
        peildatum=f"{periode}-01"[:10],
        variabelen=waarden,
        parameters=systeem().parameters,
    )
    return waarden[naam], systeem().variables[naam].wlz_uitleg()(ctx)


def test_uitleg_ekt_noemt_de_regel_van_de_datum():
    client = {"zorgprofiel": "LG4", "leveringsvorm": "pgb", "geboortedatum": "1978-03-01"}
    waarde, uitleg = _uitleg(client, "ekt_recht", "2018-06")
    assert waarde is False and "geen van die groepen" in uitleg
    waarde, uitleg = _uitleg(client, "ekt_recht", "2018-07")
    assert waarde is True and "1 juli 2018" in uitleg and "Kamerbrief zorg thuis 2018" in uitleg
    waarde, uitleg = _uitleg({**client, "leveringsvorm": "verblijf"}, "ekt_recht", "2018-07")
    assert waarde is False and "niet met een mpt of pgb" in uitleg


def test_uitleg_ekt_maximum_noemt_percentage_en_budget_met_bron():
    r = _resultaat(
        {
            "periode": 2017,
            "client": {
                "zorgprofiel": "VG5",
                "leveringsvorm": "mpt",
                "geboortedatum": "2000-01-01",
                "ekt_gevraagd": 50000,
            },
        },
        "ekt_max_verhoging",
    )
    assert r["waarde"] == 15600
    assert "25%" in r["uitleg"] and "62.400" in r["uitleg"]
    assert any(p["naam"] == "ekt.maximale_verhoging" and "Artikel5.3" in p["bron"] for p in r["parameters"])


def test_uitleg_pab_noemt_elke_voorwaarde():
    client = {
        "zorgprofiel": "LG7",
        "leveringsvorm": "pgb",
        "geboortedatum": "1980-01-01",
        "medische_noodzaak_permanent_toezicht": True,
        "geen_cognitieve_beperking": False,
        "budget_zelf_beheren": True,
    }
    r = _resultaat({"periode": 2015, "client": client}, "pab_recht")
    assert r["waarde"] is False
    for stuk in ("onder a): ja", "onder b): ja", "onder c): nee", "onder d): ja", "niet aan alle voorwaarden"):
        assert stuk in r["uitleg"]


def test_uitleg_meerzorg_drempel_noemt_uren():
    client = {"zorgprofiel": "VG5", "zorgbehoefte_uren_per_week": 24.9, "profiel_uren_per_week": 20}
    r = _resultaat({"periode": 2017, "client": client}, "meerzorg_drempel_gehaald")
    assert r["waarde"] is False and "24.9 uur" in r["uitleg"] and "grens 25 uur" in r["uitleg"]


def test_overbruggingszorg_termijn_is_gemarkeerd_als_voorbeeld():
    # VG5 2017 (budget known from seed 000), waiting at home since 1 January 2017
    client = {
        "zorgprofiel": "VG5",
        "leveringsvorm": "mpt",
        "wacht_op_opname_sinds": "2017-01-01",
        "overbruggingszorg_gevraagd": 3650,
    }
    r = _resultaat({"periode": 2017, "client": client}, "overbruggingszorg_bedrag")
    assert r["voorbeeld"] is True
    assert r["waarde"] == pytest.approx(3650 * 181 / 365, abs=0.01)  # 1 January - 30 June 2017
    zonder = bereken({"periode": 2017, "client": {"zorgprofiel": "VG5", "leveringsvorm": "mpt"}})
    assert not zonder.resultaten["overbruggingszorg_bedrag"].voorbeeld


def test_negatief_gevraagd_bedrag_geeft_fout_met_veldnaam():
    from wlz.common.errors import InputError

    with pytest.raises(InputError) as fout:
        bereken({"periode": 2017, "client": {"zorgprofiel": "VG5", "leveringsvorm": "mpt", "ekt_gevraagd": -5}})
    assert fout.value.veld == "client.ekt_gevraagd"


def test_gevectoriseerd_gelijk_aan_een_client_per_keer():
    """Many clients in one simulation give, client by client, what one-client simulations give."""
    rng = np.random.default_rng(7)
    n = 40
    profielen = rng.choice(["VG3", "VG5", "VG8", "LG7", "VV10"], n)
    vormen = rng.choice(["mpt", "pgb", "verblijf"], n)
    geboren = rng.choice(["1990-06-15", "2001-02-01", "1950-01-01"], n)
    behoefte = rng.uniform(10, 40, n).round(1)
    personen = {}
    for i in range(n):
        personen[f"p{i}"] = {
            "zorgprofiel": {"ETERNITY": profielen[i]},
            "leveringsvorm": {"ETERNITY": vormen[i]},
            "geboortedatum": {"ETERNITY": geboren[i]},
            "ekt_gevraagd": {"2017": 12000.0},
            "zorgbehoefte_uren_per_week": {"2017": float(behoefte[i])},
            "profiel_uren_per_week": {"2017": 20.0},
            "meerzorg_uurtarief": {"2017": 40.0},
            "medische_noodzaak_permanent_toezicht": {"ETERNITY": True},
            "geen_cognitieve_beperking": {"ETERNITY": True},
            "budget_zelf_beheren": {"ETERNITY": True},
        }
    huishoudens = {f"h{i}": {"clienten": [f"p{i}"]} for i in range(n)}
    sim = SimulationBuilder().build_from_entities(systeem(), {"personen": personen, "huishoudens": huishoudens})
    namen = ("ekt_verhoging", "meerzorg_bedrag", "pab_maximum")
    samen = {v: sim.calculate(v, "2017") for v in namen}
    for i in range(0, n, 7):
        los = SimulationBuilder().build_from_entities(
            systeem(), {"personen": {"p": personen[f"p{i}"]}, "huishoudens": {"h": {"clienten": ["p"]}}}
        )
        for v in namen:
            assert np.allclose(los.calculate(v, "2017"), samen[v][i], equal_nan=True), (v, i)
