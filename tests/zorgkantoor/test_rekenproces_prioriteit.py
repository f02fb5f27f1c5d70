"""The rules helper's CPU priority: by default the server's own (a submission's evaluation keeps its share of the
CPU while reads keep it busy), lower only when ``WLZ_REKENPROCES_NICE`` asks for it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from wlz.zorgkantoor.adapters import rules_process
from wlz.zorgkantoor.config import Settings, ZorgkantoorEnvironment


def test_helper_draait_standaard_op_de_prioriteit_van_de_server():
    helper = rules_process.HelperProcess()
    try:
        assert helper.run(os.nice, 0) == os.nice(0)
    finally:
        helper.stop()


def test_helper_lager_als_de_instelling_het_vraagt(monkeypatch):
    monkeypatch.setattr(rules_process, "_priority", 0)
    rules_process.set_helper_priority(7)
    helper = rules_process.HelperProcess()
    try:
        assert helper.run(os.nice, 0) == min(19, os.nice(0) + 7)
    finally:
        helper.stop()


def test_instelling_uit_de_omgeving(monkeypatch):
    # a server lowers itself below its helper unless told otherwise: submissions are not starved by reads
    monkeypatch.delenv("WLZ_SERVER_NICE", raising=False)
    assert Settings.values_from(ZorgkantoorEnvironment())["server_nice"] == 5
    monkeypatch.setenv("WLZ_SERVER_NICE", "0")
    assert Settings.values_from(ZorgkantoorEnvironment())["server_nice"] == 0
    monkeypatch.setenv("WLZ_REKENPROCES_NICE", "5")
    assert Settings.values_from(ZorgkantoorEnvironment())["helper_nice"] == 5
    monkeypatch.setenv("WLZ_REKENPROCES_NICE", "-3")
    with pytest.raises(ValueError, match="WLZ_REKENPROCES_NICE|helper_nice"):
        ZorgkantoorEnvironment()


def test_server_lager_dan_zijn_helper_met_wlz_server_nice(tmp_path):
    """WLZ_SERVER_NICE lowers the server process after its helper started: the helper keeps its priority, so a
    submission's evaluation comes before the reads (a process of its own: renicing cannot be undone)."""
    code = (
        "import os\n"
        "from wlz.zorgkantoor.app import create_app\n"
        "from wlz.zorgkantoor.config import Settings\n"
        "from wlz.zorgkantoor.adapters import rules_process\n"
        f"s = Settings(database_url='sqlite:///{tmp_path}/wlz.sqlite', secret_key='t', helper_process=True,"
        " server_nice=3)\n"
        "basis = os.nice(0)\n"
        "create_app(s)\n"
        "print(basis, os.nice(0), rules_process.run(os.nice, 0))\n"
    )
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    basis, server, helper = map(int, uit.stdout.split()[-3:])
    assert server == min(19, basis + 3)
    assert helper == basis
