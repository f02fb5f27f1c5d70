"""Login throttling: the lock starts at the allowed number of failures and doubles with every further one, up to
the window (``wlz.platform.throttle``)."""

import datetime as dt

from wlz.platform.throttle import Failures, LoginPolicy, lock_end, locked_until

T = dt.datetime(2026, 12, 5, 12, 0, tzinfo=dt.UTC)
P = LoginPolicy(
    max_failures=5, max_failures_per_address=20, window=dt.timedelta(minutes=15), first_lock=dt.timedelta(seconds=60)
)


def test_the_lock_doubles_per_failure_up_to_the_window():
    assert locked_until(Failures(4, T), 5, P) is None
    assert locked_until(Failures(5, T), 5, P) == T + dt.timedelta(seconds=60)
    assert locked_until(Failures(6, T), 5, P) == T + dt.timedelta(seconds=120)
    assert locked_until(Failures(8, T), 5, P) == T + dt.timedelta(seconds=480)
    assert locked_until(Failures(50, T), 5, P) == T + dt.timedelta(minutes=15)


def test_the_later_of_account_and_address_lock_holds_and_an_expired_one_none():
    konto, adres = Failures(5, T), Failures(21, T)
    assert lock_end(konto, adres, P, T) == T + dt.timedelta(seconds=120)
    assert lock_end(konto, Failures(0, None), P, T + dt.timedelta(seconds=61)) is None
