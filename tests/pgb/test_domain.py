"""The pgb domain: budgetplan, agreement and declaration checks with the law's limits, the ledger, vaststelling,
the debtor choice and the NZa-style report."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wlz.common.errors import InputError
from wlz.pgb.domain import bronnen
from wlz.pgb.domain.grootboek import Grootboek
from wlz.pgb.domain.model import (
    Beschikking,
    Debiteur,
    Declaratie,
    Planregel,
    SoortZorgverlener,
    Status,
    Vordering,
    Zorgovereenkomst,
    beoordeel_declaratie,
    check_budgetplan,
    check_zorgovereenkomst,
    kies_debiteur,
    rapport,
    vaststelling,
    verantwoordingsvrij_cent,
)

B = Beschikking("b1", "bh1", "VG5", "808", dt.date(2015, 1, 1), dt.date(2015, 12, 31), 4_270_100)
T2015 = bronnen.Uurtarief(6_300, 2_000, bronnen.Bron("Rlz art. 5.22", bronnen.RLZ_2015))


def _ovk(**kw):
    base = dict(
        id="o1",
        beschikking_id="b1",
        zorgverlener_id="z1",
        functie="begeleiding",
        zorgbeschrijving="begeleiding thuis",
        uren_per_week=10,
        uurtarief_cent=5_000,
        van=dt.date(2015, 1, 1),
        tot=dt.date(2015, 12, 31),
        derdenbeding=True,
    )
    base.update(kw)
    return Zorgovereenkomst(**base)


def test_budgetplan_over_the_budget_or_over_the_hourly_maximum_is_refused_naming_the_line():
    ok = [Planregel("begeleiding", 500, 6_300, "Zorg BV", SoortZorgverlener.formeel)]
    check_budgetplan(B, ok, T2015)
    with pytest.raises(InputError) as e:
        check_budgetplan(B, [Planregel("begeleiding", 10, 6_301, "Zorg BV", SoortZorgverlener.formeel)], T2015)
    assert e.value.veld == "regels[0].uurtarief" and "5.22" in e.value.regel
    with pytest.raises(InputError) as e:
        check_budgetplan(B, [Planregel("verpleging", 10, 2_100, "buurvrouw", SoortZorgverlener.informeel)], T2015)
    assert "informeel" in e.value.melding
    with pytest.raises(InputError) as e:
        check_budgetplan(B, [Planregel("begeleiding", 700, 6_300, "Zorg BV", SoortZorgverlener.formeel)], T2015)
    assert e.value.veld == "regels"
    with pytest.raises(InputError) as e:
        check_budgetplan(B, ok, T2015, ["schuldsanering"])
    assert e.value.regel == "Rlz art. 5.9"
    # a year without known maxima: not checked against a made-up figure
    check_budgetplan(
        B,
        [Planregel("begeleiding", 10, 9_000, "Zorg BV", SoortZorgverlener.formeel)],
        bronnen.Uurtarief(None, None, None),
    )


def test_agreement_needs_derdenbeding_unless_old_and_before_the_transition_date():
    with pytest.raises(InputError) as e:
        check_zorgovereenkomst(_ovk(derdenbeding=False), B, T2015, dt.date(2016, 1, 1))
    assert e.value.veld == "derdenbeding"
    oud = _ovk(derdenbeding=False, ondertekend_op=dt.date(2014, 6, 1))
    assert "derdenbeding" in check_zorgovereenkomst(oud, B, T2015, dt.date(2016, 1, 1))[0]
    with pytest.raises(InputError) as e:
        check_zorgovereenkomst(_ovk(uren_per_week=41), B, T2015, None)
    assert e.value.veld == "uren_per_week" and "5.18" in e.value.regel
    with pytest.raises(InputError) as e:
        check_zorgovereenkomst(_ovk(tot=dt.date(2016, 1, 31)), B, T2015, None)
    assert e.value.veld == "tot"


def test_declarations_are_paid_within_30_days_or_refused_with_the_rule():
    o = _ovk(status=Status.goedgekeurd)
    d = Declaratie("o1", dt.date(2015, 3, 1), dt.date(2015, 3, 31), 40, 200_000, dt.date(2015, 4, 5))
    oordeel = beoordeel_declaratie(d, o, B, resterend_cent=1_000_000)
    assert oordeel.betalen and oordeel.uiterlijk == dt.date(2015, 5, 5)
    laat = Declaratie("o1", dt.date(2015, 3, 1), dt.date(2015, 3, 31), 40, 200_000, dt.date(2015, 5, 13))
    assert not beoordeel_declaratie(laat, o, B, 1_000_000).betalen
    assert "5.23" in beoordeel_declaratie(laat, o, B, 1_000_000).regel
    assert not beoordeel_declaratie(d, o, B, resterend_cent=199_999).betalen
    assert not beoordeel_declaratie(d, _ovk(), B, 1_000_000).betalen  # not approved
    with pytest.raises(InputError) as e:
        beoordeel_declaratie(
            Declaratie("o1", dt.date(2015, 3, 2), dt.date(2015, 3, 8), 41, 100, dt.date(2015, 3, 9)), o, B, 10**9
        )
    assert e.value.veld == "uren"
    with pytest.raises(InputError) as e:
        beoordeel_declaratie(
            Declaratie("o1", dt.date(2015, 3, 1), dt.date(2015, 3, 7), 4, -5, dt.date(2015, 3, 9)), o, B, 10**9
        )
    assert e.value.veld == "bedrag"
    with pytest.raises(InputError) as e:
        beoordeel_declaratie(
            Declaratie("o1", dt.date(2014, 12, 1), dt.date(2014, 12, 7), 4, 5, dt.date(2015, 1, 9)), o, B, 10**9
        )
    assert e.value.veld == "van"


def test_verantwoordingsvrij_and_vaststelling_follow_rlz_5_17_and_5_21():
    assert verantwoordingsvrij_cent(B, bronnen.VERANTWOORDINGSVRIJ[2015]) == 64_052  # 1,5 % of 42.701
    klein = Beschikking("b2", "bh", "VG5", "808", dt.date(2015, 1, 1), dt.date(2015, 12, 31), 1_000_000)
    assert verantwoordingsvrij_cent(klein, bronnen.VERANTWOORDINGSVRIJ[2015]) == 25_000  # minimum
    assert verantwoordingsvrij_cent(B, None) is None  # unknown year: the user supplies it
    v = vaststelling(B, betaald=3_000_000, terug=1_270_100, vrij=64_052)
    assert v.vastgesteld_cent == 3_064_052 and v.uiterlijk == dt.date(2016, 2, 11)
    assert vaststelling(B, 0, 4_270_100, 64_052).vastgesteld_cent == 0


def test_a_budgethouder_in_good_faith_or_a_minor_is_never_the_debtor_of_what_a_zorgverlener_caused():
    minder = Beschikking("b3", "bh", "VG5", "808", dt.date(2015, 1, 1), dt.date(2015, 12, 31), 1, minderjarig=True)
    assert kies_debiteur(Debiteur.zorgverlener, B, te_goeder_trouw=True, derdenbeding=False) is Debiteur.zorgverlener
    assert (
        kies_debiteur(Debiteur.zorgverlener, minder, te_goeder_trouw=False, derdenbeding=False) is Debiteur.zorgverlener
    )
    assert kies_debiteur(Debiteur.zorgverlener, B, te_goeder_trouw=False, derdenbeding=True) is Debiteur.zorgverlener
    with pytest.raises(InputError):
        kies_debiteur(Debiteur.budgethouder, minder, te_goeder_trouw=False, derdenbeding=True)


def test_report_per_zorgkantoor_and_scheme_with_trend():
    vs = [
        Vordering("v1", "b1", Debiteur.zorgverlener, "z1", "fraude", 10_000, dt.date(2016, 3, 1), zorgkantoor="ZK1"),
        Vordering("v2", "b1", Debiteur.zorgverlener, "z1", "fraude", 5_000, dt.date(2017, 3, 1), zorgkantoor="ZK1"),
        Vordering(
            "v3", "b1", Debiteur.zorgverlener, "z1", "x", 7_000, dt.date(2017, 3, 1), regeling="awbz", zorgkantoor="ZK1"
        ),
    ]
    r = rapport(vs, dt.date(2017, 9, 30), {"ZK1": False})
    wlz = next(x for x in r if x.regeling == "wlz")
    assert (wlz.aantal, wlz.bedrag_cent, wlz.vorig_jaar_bedrag_cent, wlz.volledig) == (2, 15_000, 10_000, False)


# --- the ledger under random sequences -------------------------------------------------------------------

stap = st.one_of(
    st.tuples(st.just("reserveer"), st.integers(-100, 3_000_000)),
    st.tuples(st.just("vrij"), st.integers(-100, 3_000_000)),
    st.tuples(st.just("betaal"), st.integers(-100, 3_000_000)),
    st.tuples(st.just("corrigeer"), st.integers(-100, 3_000_000)),
)


@settings(max_examples=300, deadline=None)
@given(budget=st.integers(0, 5_000_000), stappen=st.lists(stap, max_size=60), vaststellen=st.booleans())
def test_random_sequences_never_pay_more_than_the_budget_and_keep_the_ledger_balanced(budget, stappen, vaststellen):
    g = Grootboek.nieuw(budget)
    for soort, bedrag in stappen:
        voor = (g.beschikbaar, g.gereserveerd, g.betaald, g.teruggegeven)
        try:
            {"reserveer": g.reserveer, "vrij": g.geef_vrij, "betaal": g.betaal, "corrigeer": g.corrigeer}[soort](bedrag)
        except InputError:
            assert (g.beschikbaar, g.gereserveerd, g.betaald, g.teruggegeven) == voor  # nothing half-done
        assert g.in_balans and g.betaald <= budget
    if vaststellen:
        g.stel_vast()
        assert g.in_balans and g.beschikbaar == g.gereserveerd == 0


def test_the_40_hours_are_per_calendar_week_not_averaged_over_the_declaration():
    """Rlz art. 5.18 onder d: 'niet meer dan veertig uur in één week'. A Monday-Sunday week is the unit."""
    from wlz.pgb.domain.model import check_weekgrens, week_minuten

    o = _ovk(status=Status.goedgekeurd)
    # Sunday 1 March and Monday 2 to Saturday 7 March lie in two calendar weeks: 41 h spread over them is allowed
    over_twee = Declaratie("o1", dt.date(2015, 3, 1), dt.date(2015, 3, 7), 41, 100, dt.date(2015, 3, 9))
    assert beoordeel_declaratie(over_twee, o, B, 10**9).betalen
    # the shares of the weeks add up to the declaration exactly
    assert week_minuten(41 * 60, dt.date(2015, 3, 1), dt.date(2015, 3, 7)) == {
        dt.date(2015, 2, 23): 351,
        dt.date(2015, 3, 2): 2109,
    }
    assert sum(week_minuten(12_345, dt.date(2015, 1, 3), dt.date(2015, 3, 31)).values()) == 12_345
    # 30 h paid in the week of 2 March; a two-week declaration of 40 h puts 20 h into that week: 50 h, refused,
    # although averaged over its two weeks with the 30 h it would be (30 + 40) / 2 = 35 h a week
    eerder = [(30 * 60, dt.date(2015, 3, 2), dt.date(2015, 3, 8))]
    twee_weken = Declaratie("o1", dt.date(2015, 3, 2), dt.date(2015, 3, 15), 40, 100, dt.date(2015, 3, 16))
    with pytest.raises(InputError) as e:
        beoordeel_declaratie(twee_weken, o, B, 10**9, eerder)
    assert e.value.veld == "uren" and "02-03-2015" in e.value.melding and "5.18" in e.value.regel
    # the same 40 h in the next two weeks do not touch that week: paid
    later = Declaratie("o1", dt.date(2015, 3, 9), dt.date(2015, 3, 22), 40, 100, dt.date(2015, 3, 23))
    assert beoordeel_declaratie(later, o, B, 10**9, eerder).betalen
    # exactly 40 h in a week is allowed; a minute more is not
    check_weekgrens(Declaratie("o1", dt.date(2015, 3, 9), dt.date(2015, 3, 15), 10, 1, dt.date(2015, 3, 16)), eerder)
    check_weekgrens(Declaratie("o1", dt.date(2015, 3, 2), dt.date(2015, 3, 8), 10, 1, dt.date(2015, 3, 9)), eerder)
    with pytest.raises(InputError):
        check_weekgrens(
            Declaratie("o1", dt.date(2015, 3, 2), dt.date(2015, 3, 8), 10 + 1 / 60, 1, dt.date(2015, 3, 9)), eerder
        )
