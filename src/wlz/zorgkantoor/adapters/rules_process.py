"""A helper process for the rules' evaluations, so the server process stays free.

An evaluation is 50-130 ms of pure Python (OpenFisca). In the server process it holds the interpreter lock all
that time, and every read that server process handles meanwhile waits for it in 5 ms slices: with two
submissions a second, the reads' p99 was several hundred ms. In a helper process the server process stays free.
A submission still waits for its evaluation and stores request and evaluation in one transaction: nothing
changes but where it is computed.

Its CPU priority (``set_helper_priority``, ``WLZ_REKENPROCES_NICE``) is the server's (``nice`` 0) by default. It was
``nice`` 10, to give the reads the CPU first; but when reads keep the CPU busy (a closed loop of readers, a
zorgkantoor's morning) a helper at ``nice`` 10 gets about a tenth of a core's share and a submission waited
seconds behind the reads (p50 252 ms, p99 1,004 ms at 1,158 reads/s). Reads must not starve writes.

The interface is two calls: :func:`use_helper_process` (once, by the app factory when
``Settings.helper_process``) and :func:`run` (the rules engine adapter's evaluation goes through it). Without a
helper (tests, the demo command) :func:`run` calls the function here, with the same answer and the same errors.

Every evaluation in the helper has a time budget (:func:`set_time_budget`, ``WLZ_RULES_TIME_BUDGET_SECONDS``):
past it the helper is killed and restarted and :class:`TimeBudgetExceeded` raised, so one request can never
stall the others. Without a helper there is no budget (a thread cannot be stopped); the request's period is
bounded anyway (``services.invoer.MAX_PERIODE_JAREN``).
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


class TimeBudgetExceeded(RuntimeError):
    """An evaluation took longer than its time budget (``WLZ_RULES_TIME_BUDGET_SECONDS``) and was stopped."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"De berekening duurde langer dan {seconds:g} seconden en is afgebroken.")
        self.seconds = seconds


#: seconds one evaluation may take in the helper process (``set_time_budget``; ``WLZ_RULES_TIME_BUDGET_SECONDS``)
_budget: float | None = 20.0
#: the helper's ``nice`` increment (``set_helper_priority``; ``WLZ_REKENPROCES_NICE``)
_priority = 0


def set_time_budget(seconds: float | None) -> None:
    global _budget
    _budget = seconds


def set_helper_priority(nice: int) -> None:
    """The ``nice`` increment of helpers started from now on (0: as the server; higher: lower priority)."""
    global _priority
    _priority = nice


def _noop() -> None:
    """Submitted at start so the helper process (and what its initializer loads) is ready before the first call."""


class HelperProcess:
    """One helper process (at ``priority``, a ``nice`` increment); a function and its arguments must be picklable.

    ``warm_up`` runs in the helper when it starts (loading the rules there at start, not on the first request).
    When the helper dies (e.g. out of memory) a new one is started and the call that failed runs here.
    """

    def __init__(self, warm_up: Callable[[], Any] = _noop, priority: int | None = None) -> None:
        self._warm_up = warm_up
        self._priority = _priority if priority is None else priority
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

    def run(self, function: Callable[..., T], *args: Any, budget: float | None = None) -> T:
        """``function(*args)`` in the helper; past ``budget`` seconds the helper is killed and restarted and
        :class:`TimeBudgetExceeded` raised, so one evaluation never holds the helper (and every submission
        queued behind it) longer than the budget."""
        future = self._pool.submit(function, *args)
        try:
            return future.result(timeout=budget)
        except concurrent.futures.TimeoutError:
            self._kill()
            raise TimeBudgetExceeded(budget or 0.0) from None
        except BrokenProcessPool:
            self._pool = self._start()
            return function(*args)

    def _kill(self) -> None:
        pool = self._pool
        self._pool = self._start()
        for process in list(getattr(pool, "_processes", {}).values()):
            process.kill()
        pool.shutdown(wait=False, cancel_futures=True)

    def stop(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


def _start_helper(priority: int, warm_up: Callable[[], Any]) -> None:
    if priority:
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
    return _helper.run(function, *args, budget=_budget)
