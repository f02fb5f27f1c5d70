"""A helper process for the rules' evaluations, at a lower CPU priority, so the server process stays free.

An evaluation is 50-130 ms of pure Python (OpenFisca). In the server process it holds the interpreter lock all
that time, and every read that server process handles meanwhile waits for it in 5 ms slices: with two
submissions a second, the reads' p99 was several hundred ms. In a helper process the server process stays free,
and at ``nice`` 10 the operating system gives the reads the CPU first. A submission still waits for its
evaluation and stores request and evaluation in one transaction: nothing changes but where it is computed.

The interface is two calls: :func:`use_helper_process` (once, by the app factory when
``Settings.helper_process``) and :func:`run` (the rules engine adapter's evaluation goes through it). Without a
helper (tests, the demo command) :func:`run` calls the function here, with the same answer and the same errors.
"""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

T = TypeVar("T")


def _noop() -> None:
    """Submitted at start so the helper process (and what its initializer loads) is ready before the first call."""


class HelperProcess:
    """One helper process at a lower priority; a function and its arguments must be picklable.

    ``warm_up`` runs in the helper when it starts (loading the rules there at start, not on the first request).
    When the helper dies (e.g. out of memory) a new one is started and the call that failed runs here.
    """

    def __init__(self, warm_up: Callable[[], Any] = _noop, priority: int = 10) -> None:
        self._warm_up = warm_up
        self._priority = priority
        self._pool = self._start()

    def _start(self) -> concurrent.futures.ProcessPoolExecutor:
        # spawn, not fork: the server process has threads (a forked copy could inherit a held lock)
        pool = concurrent.futures.ProcessPoolExecutor(
            max_workers=1,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_helper,
            initargs=(self._priority, self._warm_up),
        )
        pool.submit(_noop)  # start the helper now, not on the first submission
        return pool

    def run(self, function: Callable[..., T], *args: Any) -> T:
        try:
            return self._pool.submit(function, *args).result()
        except BrokenProcessPool:
            self._pool = self._start()
            return function(*args)

    def stop(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


def _start_helper(priority: int, warm_up: Callable[[], Any]) -> None:
    os.nice(priority)
    threading.Thread(target=_stop_with_parent, args=(os.getppid(),), daemon=True).start()
    warm_up()


def _stop_with_parent(parent: int) -> None:
    """End the helper when its server process is gone: a server process that is killed (or ends without
    shutting the pool down) would otherwise leave it waiting forever for work."""
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(0)


_helper: HelperProcess | None = None


def use_helper_process(on: bool = True, warm_up: Callable[[], Any] = _noop) -> None:
    """From now on, in this process, :func:`run` evaluates in a helper process (or, with ``on=False``, here)."""
    global _helper
    if on and _helper is None:
        _helper = HelperProcess(warm_up)
    elif not on and _helper is not None:
        _helper.stop()
        _helper = None


def run(function: Callable[..., T], *args: Any) -> T:
    """``function(*args)``, in the helper process when one is in use."""
    if _helper is None:
        return function(*args)
    return _helper.run(function, *args)
