"""The pgb service's settings: the platform's, with its own database (``WLZ_PGB_DATABASE_URL``; default
``<WLZ_DATA_DIR>/pgb.sqlite``) and the installation's derdenbeding transition date (``WLZ_PGB_OVERGANG_DERDENBEDING``,
a date; the law text gives none, seed 003 p. 9 says only 'overgangstermijn'); the accounts the installation pays
from (``WLZ_PGB_BETAAL_IBAN``, ``_NAAM``, ``_BIC``: the debtor of the SEPA payment file) and has vorderingen paid to
(``WLZ_PGB_VORDERING_IBAN``, ``_NAAM``: printed in the vordering letter). None of them has a default: no account is
invented; without one the payment file is refused and the letter says how to ask for the account."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, ClassVar

from wlz.platform.config import AppSettings, ServiceEnvironment


class PgbEnvironment(ServiceEnvironment):
    pgb_database_url: str | None = None
    pgb_overgang_derdenbeding: dt.date | None = None
    pgb_betaal_iban: str | None = None
    pgb_betaal_naam: str | None = None
    pgb_betaal_bic: str | None = None
    pgb_vordering_iban: str | None = None
    pgb_vordering_naam: str | None = None

    def resolved_database_url(self) -> str:
        return self.pgb_database_url or f"sqlite:///{self.data_dir / 'pgb.sqlite'}"


@dataclass(frozen=True)
class PgbSettings(AppSettings):
    overgang_derdenbeding: dt.date | None = None
    betaal_iban: str | None = None
    betaal_naam: str | None = None
    betaal_bic: str | None = None
    vordering_iban: str | None = None
    vordering_naam: str | None = None

    environment: ClassVar[type[ServiceEnvironment]] = PgbEnvironment

    @classmethod
    def values_from(cls, env: ServiceEnvironment) -> dict[str, Any]:
        values = super().values_from(env)
        values["overgang_derdenbeding"] = getattr(env, "pgb_overgang_derdenbeding", None)
        for k in ("betaal_iban", "betaal_naam", "betaal_bic", "vordering_iban", "vordering_naam"):
            values[k] = getattr(env, f"pgb_{k}", None)
        return values
