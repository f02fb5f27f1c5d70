"""Settings of the service, read from the environment so ``wlz serve`` and the tests configure it alike.

- ``WLZ_DATABASE_URL``  SQLAlchemy URL; default a SQLite file ``<WLZ_DATA_DIR>/wlz.sqlite``.
  PostgreSQL: ``postgresql+psycopg://user@host:port/db``.
- ``WLZ_DATA_DIR``      where the default database and the generated secret key live (default ``./var``).
- ``WLZ_SECRET_KEY``    signs session cookies; when unset a random key is made once and kept in the data dir.
- ``WLZ_SECURE_COOKIES`` ``1`` to mark cookies Secure (behind HTTPS).
- ``WLZ_REKENPROCES``   ``0`` to evaluate requests for extra care in the server process itself instead of a
  helper process at lower CPU priority (``adapters.regels.Rekenproces``; on by default for a server).
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    database_url: str
    secret_key: str
    secure_cookies: bool = False
    #: apply pending migrations when the app starts (``wlz serve`` does; tests migrate themselves)
    migrate_on_start: bool = False
    #: evaluate requests in a helper process (a server: ``from_env``); tests build Settings themselves, in-process
    rekenproces: bool = False

    @classmethod
    def from_env(cls, **overrides) -> Settings:
        data_dir = Path(os.environ.get("WLZ_DATA_DIR", "var"))
        url = os.environ.get("WLZ_DATABASE_URL") or f"sqlite:///{data_dir / 'wlz.sqlite'}"
        key = os.environ.get("WLZ_SECRET_KEY") or _stored_key(data_dir)
        values = {
            "database_url": url,
            "secret_key": key,
            "secure_cookies": os.environ.get("WLZ_SECURE_COOKIES") == "1",
            "rekenproces": os.environ.get("WLZ_REKENPROCES", "1") != "0",
        }
        values.update(overrides)
        return cls(**values)


def _stored_key(data_dir: Path) -> str:
    """A per-installation key kept in the data dir (mode 0600), so sessions survive a restart."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / "secret_key"
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_urlsafe(48))
    return path.read_text().strip()
