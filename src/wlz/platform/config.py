"""Settings of an organisation's web service, read from the environment (pydantic-settings).

Two steps, so tests and the commands configure an app alike:

- :class:`ServiceEnvironment` reads the ``WLZ_*`` variables of the service (``WLZ_DATABASE_URL``,
  ``WLZ_DATA_DIR``, ``WLZ_SECRET_KEY``, ``WLZ_SECURE_COOKIES``, the session lifetimes ``WLZ_SESSION_*``, the
  login throttling ``WLZ_LOGIN_*`` and the request size limit ``WLZ_MAX_UPLOAD_MB``); a context adds its own
  variables in a subclass;
- :class:`AppSettings` is what an app is built with: plain values, made by hand in tests
  (``AppSettings(database_url=..., secret_key=...)``, no environment read) or by ``from_env`` for a server.

Every variable, its default and who reads it: ``docs/configuration.md`` (the one table). The libraries'
variables (``WLZ_SHARED``, ``WLZ_PARAMETERS``, ``WLZ_SPARK_*``) are in ``wlz.common.settings``.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Self

from pydantic import Field

from wlz.common.settings import WlzSettings

from .throttle import LoginPolicy

#: the file in the data dir holding the generated secret key
SECRET_KEY_FILE = "secret_key"


class ServiceEnvironment(WlzSettings):
    """The service's ``WLZ_*`` variables."""

    #: SQLAlchemy URL; unset: a SQLite file ``<data_dir>/wlz.sqlite``. PostgreSQL: ``postgresql+psycopg://...``
    database_url: str | None = None
    #: where the default database and the generated secret key live
    data_dir: Path = Path("var")
    #: signs the session cookies; unset: a random key made once and kept in the data dir (mode 0600)
    secret_key: str | None = None
    #: mark cookies Secure (behind HTTPS): ``1``/``true``
    secure_cookies: bool = False
    #: a login session ends after this many minutes without a request (ASVS 3.3.2)
    session_idle_minutes: int = Field(30, ge=1, le=24 * 60)
    #: a login session ends this many hours after login, used or not (ASVS 3.3.2)
    session_max_hours: int = Field(8, ge=1, le=7 * 24)
    #: failed logins of one account name (since its last successful login) before it is locked
    login_max_failures: int = Field(5, ge=1, le=1000)
    #: failed logins from one client address before that address is locked
    login_max_failures_per_address: int = Field(20, ge=1, le=100_000)
    #: the window (minutes, a fraction allowed: tests use seconds) failed logins are counted in; also the longest lock
    login_window_minutes: float = Field(15, gt=0, le=24 * 60)
    #: the first lock (seconds); each further failure doubles it, up to the window
    login_lock_seconds: int = Field(60, ge=1, le=24 * 3600)
    #: the largest request body (an upload, an iWlz message, a form), in MB; refused before it is read
    max_upload_mb: int = Field(5, ge=1, le=1024)

    def resolved_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'wlz.sqlite'}"

    def resolved_secret_key(self) -> str:
        return self.secret_key or stored_secret_key(self.data_dir)


@dataclass(frozen=True)
class AppSettings:
    """What an app is built with (``wlz.platform.app.create_base_app``)."""

    database_url: str
    secret_key: str
    secure_cookies: bool = False
    #: apply pending migrations when the app starts (``wlz serve`` does; tests migrate themselves)
    migrate_on_start: bool = False
    session_idle_minutes: int = 30
    session_max_hours: int = 8
    login_max_failures: int = 5
    login_max_failures_per_address: int = 20
    login_window_minutes: float = 15
    login_lock_seconds: int = 60
    max_upload_mb: int = 5

    #: the environment a context reads (its subclass of :class:`ServiceEnvironment`)
    environment: ClassVar[type[ServiceEnvironment]] = ServiceEnvironment

    @classmethod
    def values_from(cls, env: ServiceEnvironment) -> dict[str, Any]:
        """The fields of this class from the environment (a context's subclass adds its own)."""
        return {
            "database_url": env.resolved_database_url(),
            "secret_key": env.resolved_secret_key(),
            "secure_cookies": env.secure_cookies,
            **{k: getattr(env, k) for k in _LIMITS},
        }

    @property
    def max_upload_bytes(self) -> int:
        return self.max_upload_mb * 1024 * 1024

    def login_policy(self) -> LoginPolicy:
        return LoginPolicy(
            max_failures=self.login_max_failures,
            max_failures_per_address=self.login_max_failures_per_address,
            window=dt.timedelta(minutes=self.login_window_minutes),
            first_lock=dt.timedelta(seconds=self.login_lock_seconds),
        )

    @classmethod
    def from_env(cls, **overrides: Any) -> Self:
        """Settings of a server: the environment, then ``overrides``."""
        values = cls.values_from(cls.environment())
        values.update(overrides)
        return cls(**values)


#: the session, login and size limits (same name in the environment and in the settings)
_LIMITS = (
    "session_idle_minutes",
    "session_max_hours",
    "login_max_failures",
    "login_max_failures_per_address",
    "login_window_minutes",
    "login_lock_seconds",
    "max_upload_mb",
)


def stored_secret_key(data_dir: Path) -> str:
    """A per-installation key kept in the data dir (mode 0600), so sessions survive a restart."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / SECRET_KEY_FILE
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_urlsafe(48))
    return path.read_text().strip()
