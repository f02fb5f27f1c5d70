"""Login throttling: after too many failed logins an account name, or a client address, is locked for a while,
and each further failure doubles the lock (exponential back-off), up to the counting window.

Why like this: a password guesser is slowed to a few tries per window per account and per address
(OWASP ASVS 2.2.1), while the real person waits at most the window. The failures are not kept in the server's
memory but read from the access log, where every failed and refused attempt is written anyway (NEN 7513), so
every server process sees the same count and a restart forgets nothing. The context counts (its log lines);
this module only decides.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

#: the access-log actions of a login attempt (``toegangslog.actie``, at most 20 characters)
LOGIN_OK = "inloggen"
LOGIN_FAILED = "inloggen-mislukt"
LOGIN_REFUSED = "inloggen-geblokkeerd"
#: the purpose recorded with a login line
LOGIN_PURPOSE = "beveiliging van de toegang"


@dataclass(frozen=True)
class LoginPolicy:
    """How many failures are allowed before a lock (per account name, per client address), the window they are
    counted in, and the first lock (doubled by every further failure, never longer than the window)."""

    max_failures: int = 5
    max_failures_per_address: int = 20
    window: dt.timedelta = dt.timedelta(minutes=15)
    first_lock: dt.timedelta = dt.timedelta(seconds=60)


@dataclass(frozen=True)
class Failures:
    """Failed attempts counted in the window, and when the last one was."""

    count: int
    last: dt.datetime | None


def locked_until(failures: Failures, allowed: int, policy: LoginPolicy) -> dt.datetime | None:
    """The moment a lock ends, or None when there is none: the ``allowed``-th failure locks for ``first_lock``,
    every further one doubles it (capped at the window)."""
    if failures.count < allowed or failures.last is None:
        return None
    extra = min(failures.count - allowed, 20)
    lock = min(policy.first_lock * (1 << extra), policy.window)
    return failures.last + lock


def lock_end(account: Failures, address: Failures, policy: LoginPolicy, now: dt.datetime) -> dt.datetime | None:
    """The later of the account's and the address's lock if either still holds at ``now``, else None."""
    ends = [
        end
        for end in (
            locked_until(account, policy.max_failures, policy),
            locked_until(address, policy.max_failures_per_address, policy),
        )
        if end is not None and end > now
    ]
    return max(ends) if ends else None
