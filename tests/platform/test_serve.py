"""Several workers, each on a socket of its own (``wlz.platform.serve``): keep-alive connections opened together
land in every worker, not all in the first to wake; an address in use is refused at start; SIGTERM stops the
workers."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import psutil
import pytest
from tests.zorgkantoor.e2e.server import luisterend, vrije_poort


@pytest.fixture
def server(tmp_path: Path):
    port = vrije_poort()
    env = {
        **os.environ,
        "WLZ_DATABASE_URL": f"sqlite:///{tmp_path / 'wlz.sqlite'}",
        "WLZ_DATA_DIR": str(tmp_path),
        "WLZ_SECRET_KEY": "serve-test",
        "WLZ_REKENPROCES": "0",
    }
    args = [sys.executable, "-m", "wlz.platform.serve", "wlz.zorgkantoor.app:create_app", "--port", str(port)]
    proc = subprocess.Popen([*args, "--workers", "2"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and luisterend(port) < 2:  # both workers up
        time.sleep(0.2)
    assert httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=10).status_code == 200
    yield proc, port, args, env
    if proc.poll() is None:
        proc.kill()
        proc.wait(10)


def _workers(proc: subprocess.Popen) -> list[psutil.Process]:
    """The worker processes (multiprocessing's spawned children; not its resource tracker, not a zombie)."""
    workers = []
    for c in psutil.Process(proc.pid).children():
        try:
            if c.status() != psutil.STATUS_ZOMBIE and "spawn_main" in " ".join(c.cmdline()):
                workers.append(c)
        except psutil.NoSuchProcess:
            continue
    return workers


def test_connections_opened_together_land_in_every_worker(server):
    proc, port, _, _ = server
    sockets = []
    for _ in range(32):  # opened together, as a client's connection pool does
        s = socket.create_connection(("127.0.0.1", port))
        sockets.append(s)
    for s in sockets:  # one request each, kept open
        s.sendall(b"GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n")
        assert s.recv(4096).startswith(b"HTTP/1.1 200")
    per_worker = {
        w.pid: sum(1 for c in w.net_connections("tcp") if c.laddr.port == port and c.status == "ESTABLISHED")
        for w in _workers(proc)
    }
    for s in sockets:
        s.close()
    assert len(per_worker) == 2
    assert sum(per_worker.values()) == 32
    assert min(per_worker.values()) > 0, per_worker  # with one shared socket one worker often took all 32


def test_an_address_in_use_is_refused_at_start(server):
    _, _, args, env = server
    second = subprocess.run([*args, "--workers", "2"], env=env, capture_output=True, text=True, timeout=60)
    assert second.returncode == 1
    assert "al in gebruik" in second.stderr


def test_sigterm_stops_every_worker(server):
    proc, _, _, _ = server
    workers = _workers(proc)
    assert len(workers) == 2
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(30) == 0
    _, alive = psutil.wait_procs(workers, timeout=10)
    assert alive == []


def test_a_worker_that_dies_is_replaced(server):
    proc, port, _, _ = server
    first = _workers(proc)[0]
    first.kill()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        workers = _workers(proc)
        if len(workers) == 2 and first.pid not in {w.pid for w in workers}:
            break
        time.sleep(0.2)
    assert len(workers) == 2 and first.pid not in {w.pid for w in workers}
    for _ in range(20):  # every connection finds a living worker
        assert httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=10).status_code == 200
