"""Settings of the zorgkantoor service: the platform's (``wlz.platform.config``) plus the context's own.

- ``WLZ_REKENPROCES``  ``0``/``false`` to evaluate requests for extra care in the server process itself instead
  of a helper process at lower CPU priority (``adapters.rules_process``; on by default for a server).
- ``WLZ_ZORGKANTOOR``  this zorgkantoor's COD001 code in the iWlz messages it writes (default ``5509``).

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


@dataclass(frozen=True)
class Settings(AppSettings):
    #: evaluate requests in a helper process (a server: ``from_env``); tests build Settings themselves, in-process
    helper_process: bool = False

    environment: ClassVar[type[ServiceEnvironment]] = ZorgkantoorEnvironment

    @classmethod
    def values_from(cls, env: ServiceEnvironment) -> dict[str, Any]:
        values = super().values_from(env)
        values["helper_process"] = isinstance(env, ZorgkantoorEnvironment) and env.helper_process
        return values


def zorgkantoor_code() -> str:
    """This zorgkantoor's COD001 code (``WLZ_ZORGKANTOOR``; default 5509, the code the iWlz examples use)."""
    return ZorgkantoorEnvironment().zorgkantoor
