"""Settings of an organisation's web service, read from the environment (pydantic-settings).

Two steps, so tests and the commands configure an app alike:

- :class:`ServiceEnvironment` reads the ``WLZ_*`` variables of the service (``WLZ_DATABASE_URL``,
  ``WLZ_DATA_DIR``, ``WLZ_SECRET_KEY``, ``WLZ_SECURE_COOKIES``); a context adds its own variables in a subclass;
- :class:`AppSettings` is what an app is built with: plain values, made by hand in tests
  (``AppSettings(database_url=..., secret_key=...)``, no environment read) or by ``from_env`` for a server.

Every variable, its default and who reads it: ``docs/configuration.md`` (the one table). The libraries'
variables (``WLZ_SHARED``, ``WLZ_PARAMETERS``, ``WLZ_SPARK_*``) are in ``wlz.common.settings``.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Self

from wlz.common.settings import WlzSettings

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

    #: the environment a context reads (its subclass of :class:`ServiceEnvironment`)
    environment: ClassVar[type[ServiceEnvironment]] = ServiceEnvironment

    @classmethod
    def values_from(cls, env: ServiceEnvironment) -> dict[str, Any]:
        """The fields of this class from the environment (a context's subclass adds its own)."""
        return {
            "database_url": env.resolved_database_url(),
            "secret_key": env.resolved_secret_key(),
            "secure_cookies": env.secure_cookies,
        }

    @classmethod
    def from_env(cls, **overrides: Any) -> Self:
        """Settings of a server: the environment, then ``overrides``."""
        values = cls.values_from(cls.environment())
        values.update(overrides)
        return cls(**values)


def stored_secret_key(data_dir: Path) -> str:
    """A per-installation key kept in the data dir (mode 0600), so sessions survive a restart."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / SECRET_KEY_FILE
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_urlsafe(48))
    return path.read_text().strip()
