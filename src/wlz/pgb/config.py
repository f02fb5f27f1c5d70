"""The pgb service's settings: the platform's, with its own database (``WLZ_PGB_DATABASE_URL``; default
``<WLZ_DATA_DIR>/pgb.sqlite``) and the installation's derdenbeding transition date (``WLZ_PGB_OVERGANG_DERDENBEDING``,
a date; the law text gives none, seed 003 p. 9 says only 'overgangstermijn')."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, ClassVar

from wlz.platform.config import AppSettings, ServiceEnvironment


class PgbEnvironment(ServiceEnvironment):
    pgb_database_url: str | None = None
    pgb_overgang_derdenbeding: dt.date | None = None

    def resolved_database_url(self) -> str:
        return self.pgb_database_url or f"sqlite:///{self.data_dir / 'pgb.sqlite'}"


@dataclass(frozen=True)
class PgbSettings(AppSettings):
    overgang_derdenbeding: dt.date | None = None

    environment: ClassVar[type[ServiceEnvironment]] = PgbEnvironment

    @classmethod
    def values_from(cls, env: ServiceEnvironment) -> dict[str, Any]:
        values = super().values_from(env)
        values["overgang_derdenbeding"] = getattr(env, "pgb_overgang_derdenbeding", None)
        return values
