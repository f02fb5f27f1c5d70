"""Issue 9, item 9: the objection deadline follows the Algemene termijnenwet. Failed before the fix (a letter
of Saturday 5 December 2026 gave Saturday 16 January 2027)."""

from __future__ import annotations

import datetime as dt

import pytest

from wlz.zorgkantoor.domain.bezwaar import BEZWAAR_BRONNEN, bezwaar_tot, feestdagen


@pytest.mark.parametrize(
    ("verzonden", "uiterlijk"),
    [
        (dt.date(2026, 12, 5), dt.date(2027, 1, 18)),  # ends Saturday 16 January -> Monday 18 January
        (dt.date(2026, 12, 7), dt.date(2027, 1, 18)),  # ends on a Monday: unchanged
        (dt.date(2027, 2, 12), dt.date(2027, 3, 30)),  # ends Friday 26 March 2027, Goede Vrijdag; Easter Monday too
        (dt.date(2026, 11, 14), dt.date(2026, 12, 28)),  # ends Saturday 26 December -> Monday 28 December
        (dt.date(2027, 3, 25), dt.date(2027, 5, 7)),  # ends Thursday 6 May 2027 = Hemelvaartsdag -> Friday 7 May
    ],
)
def test_the_objection_term_ends_on_a_working_day(verzonden, uiterlijk):
    assert bezwaar_tot(verzonden) == uiterlijk


def test_dutch_public_holidays_include_the_easter_based_ones():
    d = feestdagen(2026)  # Easter 2026: 5 April
    assert {dt.date(2026, 4, 3), dt.date(2026, 4, 6), dt.date(2026, 5, 14), dt.date(2026, 5, 25)} <= d
    assert dt.date(2025, 4, 26) in feestdagen(2025)  # Koningsdag on Saturday 26 April (the 27th is a Sunday)
    assert dt.date(2025, 4, 27) not in feestdagen(2025)


def test_the_letter_cites_the_termijnenwet_and_awb_6_9():
    titels = " ".join(b["titel"] for b in BEZWAAR_BRONNEN)
    assert "Algemene termijnenwet, artikel 1" in titels and "artikel 6:9" in titels
