"""Blz art. 3.2.4: six weeks after receipt, two weeks under lid 2; weekends inside the term do not stop the clock,
a last day on a weekend or holiday moves to the next working day (Atw art. 1); suspension (Awb art. 4:15); a
decision works back only under lid 2 (before 2025: to the start of care; the 2025 text: at most two weeks)."""

import datetime as dt

import pytest

from wlz.ciz.domain.termijn import Opschorting, beslistermijn, controleer_ingangsdatum, vroegste_ingangsdatum
from wlz.common.errors import InputError

D = dt.date


def test_six_weeks_after_receipt_same_weekday():
    t = beslistermijn(D(2018, 3, 5))  # a Monday
    assert t.uiterlijk == D(2018, 4, 16) and t.weken == 6 and "lid 1" in t.grond
    assert t.op_tijd(D(2018, 4, 16)) and not t.op_tijd(D(2018, 4, 17))


def test_weekends_do_not_stop_the_clock_but_a_last_day_on_a_weekend_moves_to_monday():
    # received on a Saturday: the term would end on Saturday 17 February; Atw art. 1: Monday 19 February
    t = beslistermijn(D(2018, 1, 6))
    assert t.uiterlijk == D(2018, 2, 19) and t.atw and "Atw art. 1" in t.grond
    # a term ending on a Friday is not touched, whatever weekends lie inside it
    assert beslistermijn(D(2018, 1, 5)).uiterlijk == D(2018, 2, 16) and not beslistermijn(D(2018, 1, 5)).atw
    # across the year change and a leap day: Sunday 31 January 2016 -> Monday; Saturday 14 March 2020 -> Monday
    assert beslistermijn(D(2015, 12, 20)).uiterlijk == D(2016, 2, 1)
    assert beslistermijn(D(2020, 2, 1)).uiterlijk == D(2020, 3, 16)


@pytest.mark.parametrize(
    ("ontvangen", "uiterlijk"),
    [
        (D(2018, 2, 16), D(2018, 4, 3)),  # ends on Goede Vrijdag 30 March; weekend, tweede Paasdag -> Tuesday
        (D(2018, 3, 29), D(2018, 5, 11)),  # ends on Hemelvaartsdag 10 May -> Friday 11 May
        (D(2018, 11, 13), D(2018, 12, 27)),  # ends on Christmas (Tuesday) -> Thursday 27 December
        (D(2018, 12, 11), D(2018, 12, 27)),  # lid 2: two weeks, Christmas as well
    ],
)
def test_a_last_day_on_a_holiday_moves_to_the_next_working_day(ontvangen, uiterlijk):
    lid2 = ontvangen == D(2018, 12, 11)
    assert beslistermijn(ontvangen, ontvangt_al_zorg=lid2).uiterlijk == uiterlijk


def test_suspension_to_complete_the_request_awb_4_15_lid_1():
    # received Monday 5 March 2018 (term: Monday 16 April); invited on Monday 12 March to complete the request
    # within two weeks; completed on Thursday 22 March: suspended from Tuesday 13 March up to (not including) the
    # 22nd = 9 days -> Wednesday 25 April
    o = Opschorting.uitnodiging_tot_aanvulling("a", D(2018, 3, 12), D(2018, 3, 26), "medische gegevens")
    assert o.begin == D(2018, 3, 13) and o.lopend
    # while it runs, the deadline is the latest it can become: the set term passing unused (14 days)
    t = beslistermijn(D(2018, 3, 5), opschortingen=[o])
    assert t.opgeschort == 14 and t.uiterlijk == D(2018, 4, 30)
    o.aangevuld(D(2018, 3, 22))
    t = beslistermijn(D(2018, 3, 5), opschortingen=[o])
    assert t.opgeschort == 9 and t.uiterlijk == D(2018, 4, 25) and "Awb art. 4:15" in t.grond
    # completed the day after the invitation: nothing suspended
    o2 = Opschorting.uitnodiging_tot_aanvulling("a", D(2018, 3, 12), D(2018, 3, 26), "x")
    o2.aangevuld(D(2018, 3, 13))
    assert beslistermijn(D(2018, 3, 5), opschortingen=[o2]).uiterlijk == D(2018, 4, 16)


def test_suspension_then_the_termijnenwet_and_overlaps_count_once():
    # a delay agreed in writing (lid 2 a) of 5 days: 16 April + 5 = Saturday 21 April -> Monday 23 April
    uitstel = Opschorting(aanvraag_id="a", soort="uitstel", begin=D(2018, 4, 2), einde=D(2018, 4, 7), reden="x")
    t = beslistermijn(D(2018, 3, 5), opschortingen=[uitstel])
    assert t.opgeschort == 5 and t.uiterlijk == D(2018, 4, 23) and t.atw
    # overmacht overlapping it by two days adds only its other three
    overmacht = Opschorting(aanvraag_id="a", soort="overmacht", begin=D(2018, 4, 5), einde=D(2018, 4, 10), reden="x")
    assert beslistermijn(D(2018, 3, 5), opschortingen=[uitstel, overmacht]).opgeschort == 8


def test_a_suspension_after_the_term_ended_does_not_revive_it():
    laat = Opschorting(aanvraag_id="a", soort="overmacht", begin=D(2018, 4, 17), einde=D(2018, 4, 20), reden="x")
    assert beslistermijn(D(2018, 3, 5), opschortingen=[laat]).uiterlijk == D(2018, 4, 16)
    # one starting on the last day does count
    op_de_dag = Opschorting(aanvraag_id="a", soort="overmacht", begin=D(2018, 4, 16), einde=D(2018, 4, 18), reden="x")
    assert beslistermijn(D(2018, 3, 5), opschortingen=[op_de_dag]).uiterlijk == D(2018, 4, 18)


def test_bad_suspensions_name_the_field():
    for kw, veld in [
        ({"soort": "vakantie", "einde": D(2018, 4, 3)}, "soort"),
        ({"soort": "aanvulling"}, "aanvullen_voor"),
        ({"soort": "aanvulling", "aanvullen_voor": D(2018, 3, 1)}, "aanvullen_voor"),
        ({"soort": "overmacht"}, "einde"),
        ({"soort": "overmacht", "einde": D(2018, 3, 1)}, "einde"),
        ({"soort": "overmacht", "einde": D(2018, 4, 3), "reden": " "}, "reden"),
    ]:
        kw.setdefault("reden", "x")
        with pytest.raises(InputError) as e:
            Opschorting(aanvraag_id="a", begin=D(2018, 4, 2), **kw)
        assert e.value.veld == veld, kw
    o = Opschorting.uitnodiging_tot_aanvulling("a", D(2018, 3, 12), D(2018, 3, 26), "x")
    with pytest.raises(InputError) as e:
        o.aangevuld(D(2018, 3, 1))
    assert e.value.veld == "aangevuld_op"


def test_two_weeks_when_already_in_care_old_text_and_only_a_stay_in_the_2025_text():
    assert beslistermijn(D(2018, 3, 5), ontvangt_al_zorg=True).uiterlijk == D(2018, 3, 19)
    # 2025 text: "reeds in een instelling verblijft"; care at home alone no longer shortens the term
    assert beslistermijn(D(2025, 3, 3), ontvangt_al_zorg=True).uiterlijk == D(2025, 4, 14)
    assert beslistermijn(D(2025, 3, 3), verblijft_in_instelling=True).uiterlijk == D(2025, 3, 17)
    assert beslistermijn(D(2024, 12, 31), ontvangt_al_zorg=True).weken == 2
    assert beslistermijn(D(2025, 1, 1), ontvangt_al_zorg=True).weken == 6


def test_start_before_the_request_only_under_lid_2():
    assert vroegste_ingangsdatum(D(2018, 3, 5)) == D(2018, 3, 5)
    assert vroegste_ingangsdatum(D(2018, 3, 5), ontvangt_al_zorg=True, zorg_sinds=D(2018, 1, 10)) == D(2018, 1, 10)
    # 2025: back to the start of the stay, at most two weeks
    v = vroegste_ingangsdatum(D(2025, 3, 17), verblijft_in_instelling=True, zorg_sinds=D(2025, 2, 1))
    assert v == D(2025, 3, 3)
    with pytest.raises(InputError) as e:
        controleer_ingangsdatum(D(2018, 3, 4), D(2018, 3, 5))
    assert e.value.veld == "ingangsdatum" and "3.2.4" in (e.value.regel or "")
