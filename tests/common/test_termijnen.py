"""The shared holiday arithmetic (Algemene termijnenwet art. 1 and 3) at its edges."""

from __future__ import annotations

import datetime as dt

import pytest

from wlz.common.termijnen import feestdagen, is_werkdag, koningsdag, termijn_einde, werkdag_of_later, werkdagen

D = dt.date


def test_the_holidays_of_2018_and_2026():
    # Easter 2018: 1 April; Easter 2026: 5 April
    assert feestdagen(2018) == {
        D(2018, 1, 1),
        D(2018, 3, 30),  # Goede Vrijdag
        D(2018, 4, 2),  # tweede Paasdag
        D(2018, 4, 27),
        D(2018, 5, 5),
        D(2018, 5, 10),  # Hemelvaartsdag
        D(2018, 5, 21),  # tweede Pinksterdag
        D(2018, 12, 25),
        D(2018, 12, 26),
    }
    assert {D(2026, 4, 3), D(2026, 4, 6), D(2026, 5, 14), D(2026, 5, 25)} <= feestdagen(2026)


def test_koningsdag_moves_to_saturday_when_the_27th_is_a_sunday():
    assert koningsdag(2025) == D(2025, 4, 26)
    assert koningsdag(2026) == D(2026, 4, 27)


@pytest.mark.parametrize(
    ("dag", "werkdag"),
    [
        (D(2018, 2, 16), D(2018, 2, 16)),  # Friday: unchanged
        (D(2018, 2, 17), D(2018, 2, 19)),  # Saturday -> Monday
        (D(2018, 2, 18), D(2018, 2, 19)),  # Sunday -> Monday
        (D(2018, 3, 30), D(2018, 4, 3)),  # Goede Vrijdag, weekend, tweede Paasdag -> Tuesday
        (D(2018, 12, 25), D(2018, 12, 27)),  # both Christmas days
        (D(2017, 12, 30), D(2018, 1, 2)),  # across the year: weekend, then Nieuwjaarsdag
        (D(2020, 5, 5), D(2020, 5, 6)),  # 5 mei on a Tuesday
        (D(2018, 5, 10), D(2018, 5, 11)),  # Hemelvaartsdag (Thursday)
    ],
)
def test_a_term_ending_on_a_weekend_or_holiday_runs_to_the_next_working_day(dag, werkdag):
    assert werkdag_of_later(dag) == werkdag
    assert is_werkdag(werkdag)
    assert is_werkdag(dag) == (dag == werkdag)


def test_the_returned_set_is_a_copy():
    d = feestdagen(2019)
    d.add(D(2019, 6, 1))
    assert D(2019, 6, 1) not in feestdagen(2019)


def test_a_term_of_three_days_or_more_holds_two_working_days_atw_art_2():
    # Friday 24 December 2021 to Sunday 26 December: Christmas on the weekend, no working day at all; Monday 27 and
    # Tuesday 28 December are the first two -> the term runs to Tuesday 28 December
    assert werkdagen(D(2021, 12, 24), D(2021, 12, 26)) == 1  # the 24th itself
    assert termijn_einde(D(2021, 12, 25), D(2021, 12, 27)) == D(2021, 12, 28)
    # three days with two working days: only art. 1 (ends on a Sunday -> Monday)
    assert termijn_einde(D(2018, 2, 15), D(2018, 2, 18)) == D(2018, 2, 19)
    # a term of two days is not extended by art. 2, only moved off the weekend
    assert termijn_einde(D(2018, 2, 17), D(2018, 2, 18)) == D(2018, 2, 19)
    # an ordinary six-week term: art. 1 only
    assert termijn_einde(D(2018, 1, 7), D(2018, 2, 17)) == D(2018, 2, 19)
