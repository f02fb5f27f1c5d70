"""Blz art. 3.2.4: six weeks after receipt, two weeks under lid 2; weekends do not stop the clock; a decision
works back only under lid 2 (before 2025: to the start of care; the 2025 text: at most two weeks, a stay)."""

import datetime as dt

import pytest

from wlz.ciz.domain.termijn import beslistermijn, controleer_ingangsdatum, vroegste_ingangsdatum
from wlz.common.errors import InputError

D = dt.date


def test_six_weeks_after_receipt_same_weekday():
    t = beslistermijn(D(2018, 3, 5))  # a Monday
    assert t.uiterlijk == D(2018, 4, 16) and t.weken == 6 and "lid 1" in t.grond
    assert t.op_tijd(D(2018, 4, 16)) and not t.op_tijd(D(2018, 4, 17))


def test_weekends_do_not_stop_or_extend_the_clock():
    # received on a Saturday: the term ends on a Saturday six weeks later, not on the Monday after
    t = beslistermijn(D(2018, 1, 6))
    assert t.uiterlijk == D(2018, 2, 17) and t.uiterlijk.weekday() == 5
    # across the year change and a leap day
    assert beslistermijn(D(2015, 12, 20)).uiterlijk == D(2016, 1, 31)
    assert beslistermijn(D(2020, 2, 1)).uiterlijk == D(2020, 3, 14)


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
