"""Settings from the environment: the defaults a fresh installation runs with, and each variable's effect."""

import stat

import pytest

from wlz.common.settings import RulesSettings, SharedSettings, SparkSettings
from wlz.platform.config import AppSettings
from wlz.zorgkantoor.config import Settings, zorgkantoor_code

_VARS = ("DATABASE_URL", "DATA_DIR", "SECRET_KEY", "SECURE_COOKIES", "REKENPROCES", "ZORGKANTOOR", "SHARED",
         "PARAMETERS", "SPARK_MASTER", "SPARK_PARTITIES", "SPARK_GEHEUGEN")  # fmt: skip


@pytest.fixture(autouse=True)
def schone_omgeving(monkeypatch, tmp_path):
    for naam in _VARS:
        monkeypatch.delenv(f"WLZ_{naam}", raising=False)
    monkeypatch.chdir(tmp_path)


def test_a_server_without_settings_uses_sqlite_in_var_and_a_kept_secret_key(tmp_path):
    eerste = Settings.from_env()
    assert eerste.database_url == "sqlite:///var/wlz.sqlite"
    assert eerste.helper_process is True and eerste.secure_cookies is False
    sleutel = tmp_path / "var" / "secret_key"
    assert stat.S_IMODE(sleutel.stat().st_mode) == 0o600
    assert Settings.from_env().secret_key == eerste.secret_key == sleutel.read_text().strip()


def test_each_service_variable_takes_effect(monkeypatch, tmp_path):
    monkeypatch.setenv("WLZ_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("WLZ_SECRET_KEY", "geheim")
    monkeypatch.setenv("WLZ_SECURE_COOKIES", "1")
    monkeypatch.setenv("WLZ_REKENPROCES", "0")
    monkeypatch.setenv("WLZ_ZORGKANTOOR", "5510")
    s = Settings.from_env()
    assert s.database_url == f"sqlite:///{tmp_path / 'data' / 'wlz.sqlite'}"
    assert (s.secret_key, s.secure_cookies, s.helper_process) == ("geheim", True, False)
    assert not (tmp_path / "data" / "secret_key").exists()  # a given key is not stored
    assert zorgkantoor_code() == "5510"
    monkeypatch.setenv("WLZ_DATABASE_URL", "postgresql+psycopg://wlz@localhost/wlz")
    assert Settings.from_env(migrate_on_start=True).database_url == "postgresql+psycopg://wlz@localhost/wlz"


def test_an_empty_variable_counts_as_unset(monkeypatch):
    monkeypatch.setenv("WLZ_DATABASE_URL", "")
    monkeypatch.setenv("WLZ_SECURE_COOKIES", "")
    monkeypatch.setenv("WLZ_ZORGKANTOOR", "")
    s = AppSettings.from_env()
    assert s.database_url == "sqlite:///var/wlz.sqlite" and s.secure_cookies is False
    assert zorgkantoor_code() == "5509"


def test_settings_built_by_hand_read_no_environment(monkeypatch):
    monkeypatch.setenv("WLZ_REKENPROCES", "1")
    s = Settings(database_url="sqlite://", secret_key="k")
    assert s.helper_process is False and s.migrate_on_start is False


def test_library_settings_have_their_defaults_and_read_their_variables(monkeypatch, tmp_path):
    assert SharedSettings().shared_dir().name == "shared"
    assert RulesSettings().parameters is None
    spark = SparkSettings()
    assert (spark.master, spark.partitions, spark.memory) == ("local[*]", 8, "4g")
    monkeypatch.setenv("WLZ_SHARED", str(tmp_path))
    monkeypatch.setenv("WLZ_PARAMETERS", str(tmp_path / "p.yaml"))
    monkeypatch.setenv("WLZ_SPARK_PARTITIES", "2")
    monkeypatch.setenv("WLZ_SPARK_GEHEUGEN", "1g")
    assert SharedSettings().shared_dir() == tmp_path
    assert RulesSettings().parameters == tmp_path / "p.yaml"
    assert (SparkSettings().partitions, SparkSettings().memory) == (2, "1g")
