"""One login attempt with throttling, the same for every context's login (the zorgkantoor, the CIZ, the pgb
administration): the lock is decided by :mod:`wlz.platform.throttle` from the failures the access log holds, the
password is checked only when no lock holds, and every attempt (ok, failed, refused while locked) becomes an
access-log line with the name tried and the client address, never the password, never a BSN.

Why one implementation: a guesser goes for the weakest door, so the three logins must answer alike (the same
answer for an unknown name and a wrong password, 429 while locked) and be configured alike
(``WLZ_LOGIN_*``, ``AppSettings.login_policy``). The context passes its own access log and a function that
checks the credentials (its own accounts table); it commits the unit of work itself, so the attempt's line is
written in the transaction the context already has.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from starlette.requests import Request

from . import throttle
from .access_log import AccessLog, line
from .auth import now


class Account(Protocol):
    """What the log records of an account that logged in (a context's account class or row has these)."""

    @property
    def id(self) -> str: ...
    @property
    def rol(self) -> str: ...


A = TypeVar("A", bound=Account)


@dataclass(frozen=True)
class Locked:
    """A login refused without checking the password: this name or this address failed too often."""

    until: dt.datetime

    def message(self, moment: dt.datetime | None = None) -> str:
        """The Dutch answer, naming the whole minutes to wait (at least one)."""
        seconds = (self.until - (moment or now())).total_seconds()
        minutes = max(1, -(-int(seconds) // 60))
        return (
            f"Te veel mislukte pogingen. Probeer het over {minutes} {'minuut' if minutes == 1 else 'minuten'} opnieuw."
        )


#: the answer to a failed login, the same for an unknown name, a wrong password and an inactive account
FAILED_MESSAGE = "Onbekende gebruikersnaam of onjuist wachtwoord."


@dataclass(frozen=True)
class _Attempt:
    """The access log's actor of a login attempt: the name tried (the account may not exist)."""

    gebruikersnaam: str
    gebruiker_id: str
    rol: str
    kanaal: str


def logged_name(name: str) -> str:
    """The name tried, as the log keeps it: lower case, at most 100 characters, and never a BSN (someone may
    type their BSN into the name field)."""
    cleaned = name.strip().lower()[:100]
    digits = cleaned.replace(" ", "").replace(".", "")
    if len(digits) in (8, 9) and digits.isdigit():  # a BSN, or could be one: not kept
        return "(bsn-achtige invoer, niet gelogd)"
    return cleaned


def client_address(request: Request) -> str:
    """The address the throttle counts per (the proxy's unless uvicorn trusts its forwarded header)."""
    return request.client.host if request.client else "onbekend"


def _line(name: str, action: str, subject: str, kanaal: str, account: Account | None) -> dict[str, object]:
    who = _Attempt(name, account.id if account else "", str(account.rol) if account else "onbekend", kanaal)
    row = line(who, action, subject, throttle.LOGIN_PURPOSE)
    if account is None:
        row["gebruiker_id"] = None
    return row


def attempt(
    log: AccessLog,
    name: str,
    address: str,
    policy: throttle.LoginPolicy,
    check: Callable[[], A | None],
    *,
    kanaal: str = "web",
) -> A | Locked | None:
    """A login attempt of ``name`` from ``address``: the account ``check()`` finds for the credentials, None
    (the same for an unknown name, a wrong password and an inactive account), or :class:`Locked` when this name
    (failures since its last successful login) or this address failed too often within the window; then
    ``check`` is not called. Writes the attempt's access-log line; the caller commits."""
    logged = logged_name(name)
    moment = now()
    since = moment - policy.window
    subject = f"inlogpoging vanaf {address}"[:200]
    per_name = log.failures(throttle.LOGIN_FAILED, since, gebruikersnaam=logged, after_action=throttle.LOGIN_OK)
    per_address = log.failures(throttle.LOGIN_FAILED, since, onderwerp=subject)
    end = throttle.lock_end(per_name, per_address, policy, moment)
    if end is not None:
        log.write(_line(logged, throttle.LOGIN_REFUSED, subject, kanaal, None))
        return Locked(end)
    account = check()
    action = throttle.LOGIN_OK if account is not None else throttle.LOGIN_FAILED
    log.write(_line(logged, action, subject, kanaal, account))
    return account
