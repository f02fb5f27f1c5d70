"""Settings of the zorgkantoor service: the platform's (``wlz.platform.config``) plus the context's own.

- ``WLZ_REKENPROCES``  ``0``/``false`` to evaluate requests for extra care in the server process itself instead
  of a helper process (``adapters.rules_process``; on by default for a server).
- ``WLZ_ZORGKANTOOR``  this zorgkantoor's COD001 code in the iWlz messages it writes (default ``5509``).
- ``WLZ_RULES_TIME_BUDGET_SECONDS``  seconds one evaluation may take in the helper process (default 20).
- ``WLZ_REKENPROCES_NICE``  the helper process's ``nice`` increment (default 0, the server's priority).
- ``WLZ_SERVER_NICE``  a server process's ``nice`` increment, taken after its helper started (default 5).
- ``WLZ_PROVIDER_ACCESS_DAYS``  days a provider still reads a client's file after its assignment ended (28).
- ``WLZ_HOT_READS``  ``0``/``false`` to answer every API request through FastAPI's routing, also the file read,
  the client list and the work list (``api.hot``; on by default).

Every ``WLZ_*`` variable is listed in ``docs/configuration.md``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from pydantic import Field

from wlz.platform.config import AppSettings, ServiceEnvironment


class ZorgkantoorEnvironment(ServiceEnvironment):
    """The platform's variables plus ``WLZ_REKENPROCES`` and ``WLZ_ZORGKANTOOR``."""

    helper_process: bool = Field(True, validation_alias="WLZ_REKENPROCES")
    zorgkantoor: str = "5509"
    #: seconds one evaluation of the rules may take in the helper process before it is stopped
    rules_time_budget_seconds: float = Field(20.0, gt=0, le=600)
    #: the helper process's ``nice`` increment: 0 as the server (submissions keep their share under read load)
    helper_nice: int = Field(0, ge=0, le=19, validation_alias="WLZ_REKENPROCES_NICE")
    #: a server process's ``nice`` increment, taken after its helper started: above 0, a submission's evaluation
    #: comes before the reads when they keep the CPU busy (reads must not starve writes: with 0, submissions'
    #: p99 under closed-loop reads was 193-593 ms, with 5 it was 125-288 ms; ``docs/service.md``)
    server_nice: int = Field(5, ge=0, le=19, validation_alias="WLZ_SERVER_NICE")
    #: days a provider still reads a client's file after its assignment ended (the zorgkantoor's policy)
    provider_access_days: int = Field(28, ge=0, le=3650)
    #: the fast paths of the hottest reads (``wlz.platform.hot_reads``); off: every request through the routes
    hot_reads: bool = True


@dataclass(frozen=True)
class Settings(AppSettings):
    #: evaluate requests in a helper process (a server: ``from_env``); tests build Settings themselves, in-process
    helper_process: bool = False
    rules_time_budget_seconds: float = 20.0
    provider_access_days: int = 28
    helper_nice: int = 0
    server_nice: int = 0
    hot_reads: bool = True

    environment: ClassVar[type[ServiceEnvironment]] = ZorgkantoorEnvironment

    @classmethod
    def values_from(cls, env: ServiceEnvironment) -> dict[str, Any]:
        values = super().values_from(env)
        values["helper_process"] = isinstance(env, ZorgkantoorEnvironment) and env.helper_process
        if isinstance(env, ZorgkantoorEnvironment):
            values["rules_time_budget_seconds"] = env.rules_time_budget_seconds
            values["provider_access_days"] = env.provider_access_days
            values["helper_nice"] = env.helper_nice
            values["server_nice"] = env.server_nice
            values["hot_reads"] = env.hot_reads
        return values


def zorgkantoor_code() -> str:
    """This zorgkantoor's COD001 code (``WLZ_ZORGKANTOOR``; default 5509, the code the iWlz examples use)."""
    return ZorgkantoorEnvironment().zorgkantoor
