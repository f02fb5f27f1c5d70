"""The settings the libraries read from the environment (``WLZ_*``), typed, with pydantic-settings.

A leaf module, so the libraries (``wlz.rules``, ``wlz.claims``, ``wlz.iwlz``) can use it without importing the
platform; the service's own settings (database, secret key, cookies) are in ``wlz.platform.config``, which
builds on these. Every ``WLZ_*`` variable, with its default and who reads it, is listed in one table:
``docs/configuration.md``.

Each class reads the environment when it is made (``SharedSettings()``), so a test that sets a variable with
``monkeypatch.setenv`` sees it at the next call; nothing is cached here.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

#: the repository root in a source checkout (``src/wlz/common/settings.py`` → three levels up)
_REPO = Path(__file__).resolve().parents[3]


class WlzSettings(BaseSettings):
    """Base of every settings class: variables start with ``WLZ_``; an empty variable counts as unset."""

    model_config = SettingsConfigDict(env_prefix="WLZ_", env_ignore_empty=True, extra="ignore", frozen=True)


class SharedSettings(WlzSettings):
    """``WLZ_SHARED``: the read-only sources beside the repository (law texts, seeds, iWlz XSDs, code lists)."""

    shared: Path | None = None

    def shared_dir(self) -> Path:
        """``$WLZ_SHARED``, else ``<repo>/../shared`` (a source checkout beside the shared folder)."""
        return self.shared if self.shared is not None else _REPO.parent / "shared"


class RulesSettings(WlzSettings):
    """``WLZ_PARAMETERS``: a YAML file of parameter values this installation supplies (``wlz.rules.overlay``)."""

    parameters: Path | None = None


class SparkSettings(WlzSettings):
    """The local Spark session of the claims analysis (``wlz.claims.engines``)."""

    master: str = Field("local[*]", validation_alias="WLZ_SPARK_MASTER")
    #: ``spark.sql.shuffle.partitions``: few, for one machine
    partitions: int = Field(8, validation_alias="WLZ_SPARK_PARTITIES")
    #: ``spark.driver.memory``
    memory: str = Field("4g", validation_alias="WLZ_SPARK_GEHEUGEN")
