"""Settings of the CIZ service: the platform's (``wlz.platform.config``) plus its own database and the way to
the zorgkantoor. Every variable is listed in docs/configuration.md.

- ``WLZ_CIZ_DATABASE_URL``      the CIZ's own database (default: SQLite ``<WLZ_DATA_DIR>/ciz.sqlite``); never
                                the zorgkantoor's (``WLZ_DATABASE_URL``)
- ``WLZ_CIZ_ZORGKANTOOR_URL``   base URL of the zorgkantoor service the IO31 goes to (unset: the IO31 is kept,
                                not sent)
- ``WLZ_CIZ_ZORGKANTOOR_TOKEN`` the API token of the CIZ's system account at that zorgkantoor
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from pydantic import Field

from wlz.platform.config import AppSettings, ServiceEnvironment


class CizEnvironment(ServiceEnvironment):
    ciz_database_url: str | None = Field(None, validation_alias="WLZ_CIZ_DATABASE_URL")
    ciz_zorgkantoor_url: str | None = Field(None, validation_alias="WLZ_CIZ_ZORGKANTOOR_URL")
    ciz_zorgkantoor_token: str | None = Field(None, validation_alias="WLZ_CIZ_ZORGKANTOOR_TOKEN")


@dataclass(frozen=True)
class Settings(AppSettings):
    zorgkantoor_url: str | None = None
    zorgkantoor_token: str | None = None

    environment: ClassVar[type[ServiceEnvironment]] = CizEnvironment

    @classmethod
    def values_from(cls, env: ServiceEnvironment) -> dict[str, Any]:
        values = super().values_from(env)
        assert isinstance(env, CizEnvironment)
        values["database_url"] = env.ciz_database_url or f"sqlite:///{env.data_dir / 'ciz.sqlite'}"
        values["zorgkantoor_url"] = env.ciz_zorgkantoor_url
        values["zorgkantoor_token"] = env.ciz_zorgkantoor_token
        return values
