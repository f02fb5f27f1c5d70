"""Database work of async handlers, run in the threadpool.

An ``async def`` handler runs on the event loop: a database transaction, a password hash or an XSD check done
there holds up every other request of the server process for its whole duration. FastAPI runs ``def``
handlers in its threadpool; async handlers (they must be async to read a form or a body) hand their blocking
part over with these functions instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request


def _in_uow(request: Request, write: bool, function: Callable[..., Any], args: tuple[Any, ...]) -> Any:
    with request.app.state.uow(write=write) as uow:
        return function(uow, *args)


async def writing(request: Request, function: Callable[..., Any], *args: Any) -> Any:
    """``function(uow, *args)`` in a writing unit of work, off the event loop; its result."""
    return await run_in_threadpool(_in_uow, request, True, function, args)


async def reading(request: Request, function: Callable[..., Any], *args: Any) -> Any:
    """``function(uow, *args)`` in a reading unit of work, off the event loop; its result."""
    return await run_in_threadpool(_in_uow, request, False, function, args)
