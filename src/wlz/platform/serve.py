"""Serving an app with several worker processes, each accepting connections on a listening socket of its own.

uvicorn's workers share one listening socket, and whichever worker wakes first accepts every connection waiting.
A system that opens its keep-alive connections together (a connection pool) then has all of them in one worker,
whose one core serves them while the other workers idle: in the 30,000-client load benchmark two of five runs had
all 16 readers' connections in one of the two workers (691 reads/s with a core idle; the other runs 985-1,190).
Here each worker binds a socket of its own to the same address with ``SO_REUSEPORT`` (Linux), and the kernel
spreads new connections over the workers' sockets by a hash of the connection's addresses.

The parent first binds the address once without ``SO_REUSEPORT``: an address in use (an earlier server still
running) is then an error at start, instead of a silent share of its connections. It restarts a worker that
dies and stops every worker on SIGINT/SIGTERM. One worker: plain ``uvicorn.run``.

    python -m wlz.platform.serve wlz.zorgkantoor.app:create_app --port 8000 --workers 2
"""

from __future__ import annotations

import argparse
import multiprocessing
import signal
import socket
import threading
from multiprocessing.process import BaseProcess
from typing import Any

import uvicorn

#: seconds a stopping worker gets to finish its requests before it is killed
STOP_SECONDS = 15


def serve(app: str, *, host: str, port: int, workers: int, **options: Any) -> None:
    """Run ``app`` (an import string of an app factory) on ``host:port`` with ``workers`` processes; ``options``
    go to ``uvicorn.Config`` (``access_log``, ``log_level``)."""
    if workers <= 1:
        uvicorn.run(app, factory=True, host=host, port=port, **options)
        return
    _check_free(host, port)
    config = uvicorn.Config(app, factory=True, host=host, port=port, **options)
    Workers(config, workers).run()


def _family(host: str) -> socket.AddressFamily:
    return socket.AF_INET6 if ":" in host else socket.AF_INET


def _check_free(host: str, port: int) -> None:
    with socket.socket(_family(host), socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise SystemExit(f"Adres {host}:{port} is al in gebruik ({exc.strerror}).") from None


def _own_socket(host: str, port: int) -> socket.socket:
    sock = socket.socket(_family(host), socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    return sock


def _worker(config: uvicorn.Config) -> None:
    """One worker process: its own socket, then uvicorn's server on it (which listens and handles signals)."""
    config.configure_logging()
    uvicorn.Server(config).run(sockets=[_own_socket(config.host, config.port)])


class Workers:
    """The parent: starts the workers, replaces one that died, stops them all on SIGINT or SIGTERM."""

    def __init__(self, config: uvicorn.Config, count: int) -> None:
        self.config = config
        self.count = count
        self.processes: list[BaseProcess] = []
        self.stopping = threading.Event()
        self._spawn = multiprocessing.get_context("spawn")

    def _start(self) -> BaseProcess:
        process = self._spawn.Process(target=_worker, args=(self.config,), name="wlz-worker")
        process.start()
        return process

    def run(self) -> None:
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, lambda *_: self.stopping.set())
        self.processes = [self._start() for _ in range(self.count)]
        while not self.stopping.wait(0.5):
            for i, process in enumerate(self.processes):
                if not process.is_alive() and not self.stopping.is_set():
                    self.processes[i] = self._start()
        for process in self.processes:
            process.terminate()  # SIGTERM: uvicorn finishes the requests in progress
        for process in self.processes:
            process.join(STOP_SECONDS)
            if process.is_alive():
                process.kill()
                process.join()


def main() -> None:
    p = argparse.ArgumentParser(description="Serve an app factory with workers that each have their own socket.")
    p.add_argument("app", help="import string of the app factory, e.g. wlz.zorgkantoor.app:create_app")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--workers", type=int, default=1)
    p.add_argument("--log-level", default="warning")
    args = p.parse_args()
    serve(args.app, host=args.host, port=args.port, workers=args.workers, access_log=False, log_level=args.log_level)


if __name__ == "__main__":
    main()
