"""The rules adapter on the real rules engine: the names it reads exist, known amounts come through with their
sources, and an amount the rules do not know stays unknown (None + a warning), never a made-up number."""

from __future__ import annotations

import datetime as dt

import pytest

from wlz.rules import systeem
from wlz.zorgkantoor.adapters import rules_engine


def _situatie(jaar_van: str, jaar_tot: str, **client) -> dict:
    return rules_engine.situatie_voor_intake(
        zorgprofiel="VG5",
        geboortedatum=dt.date(2000, 4, 1),
        partner=False,
        grondslagen=["05"],
        leveringsvorm="pgb",
        intake={
            "periode_van": jaar_van,
            "periode_tot": jaar_tot,
            "criteria": {"ekt_gevraagd": 5000.0, "gewaarborgde_hulp": True, **client},
        },
    )


def test_every_result_name_the_adapter_reads_exists_in_the_rules():
    namen = set(systeem().variables)
    gelezen = {n for v in rules_engine.REGELING_RESULTATEN.values() for n in v.values()}
    gelezen |= {rules_engine.DOELMATIG_RESULTAAT, *rules_engine.MAXIMUM_RESULTATEN.values()}
    gelezen |= set(rules_engine.INTAKE_CRITERIA)
    assert gelezen - namen == set()


def test_known_year_gives_the_amount_with_its_explanation_and_sources():
    # 2017: VG5 pgb € 62.400 (seed 000, tabel 1); ekt maximum is a share of it, the request of € 5.000 fits
    uit = rules_engine.evaluate_regelingen(_situatie("2017-01-01", "2017-12-31"))
    ekt = uit["regelingen"]["ekt"]
    assert ekt["in_aanmerking"] is True
    assert ekt["bedragen"] == {"2017": 5000.0} and ekt["bedrag_per_jaar"] == 5000.0
    assert ekt["bedrag_onbekend"] is False and ekt["waarschuwingen"] == []
    assert ekt["maxima"]["2017"] > 5000
    assert any("Rlz art. 5.3" in b["titel"] for b in ekt["bronnen"])
    assert ekt["uitleg"] and ekt["max_looptijd_maanden"] == 60
    assert set(uit["regelingen"]) == {"ekt", "meerzorg", "pab", "overbruggingszorg"}


def test_unknown_year_stays_unknown_with_a_warning():
    # 2017 known, 2018 not: the 2018 amount is None and said to be unknown; nothing is filled in
    uit = rules_engine.evaluate_regelingen(_situatie("2017-07-01", "2018-06-30"))
    ekt = uit["regelingen"]["ekt"]
    assert ekt["bedragen"]["2017"] == pytest.approx(5000 * 184 / 365, abs=1)
    assert ekt["bedragen"]["2018"] is None
    assert ekt["bedrag_onbekend"] is True
    assert any("2018" in w and rules_engine.ONBEKEND in w for w in ekt["waarschuwingen"])
    assert any(w.startswith("2018: ") for w in uit["waarschuwingen"])


def test_decision_amount_per_year_carries_parameters_with_dates():
    s = _situatie("2017-01-01", "2017-12-31")
    b = rules_engine.evaluate_for_period(s, "ekt", dt.date(2017, 1, 1), dt.date(2017, 12, 31))
    assert b["waarde"] == 5000.0 and b["voorbeeld"] is False
    assert any(p["naam"] == "pgb.profielbedrag.VG5" and p["geldig_vanaf"] == "2017-01-01" for p in b["parameters"])
    onbekend = rules_engine.evaluate_for_period(s, "ekt", dt.date(2018, 1, 1), dt.date(2018, 12, 31))
    assert onbekend["waarde"] is None and onbekend["waarschuwingen"]


def test_doelmatigheidstoets_keeps_the_rules_warnings():
    ok, toets = rules_engine.doelmatigheidstoets(
        rules_engine.situatie_voor_toets(
            zorgprofiel="VG5",
            geboortedatum=dt.date(1990, 1, 1),
            partner=False,
            leveringsvorm="mpt_pgb",
            ingangsdatum=dt.date(2017, 1, 1),
            mpt_kosten=30000,
            pgb_deel=20000,
            gewaarborgde_hulp=True,
        )
    )
    assert ok is True and toets["resultaten"]["doelmatigheid_ruimte"]["waarde"] == 12400.0
    assert isinstance(toets["waarschuwingen"], list)
