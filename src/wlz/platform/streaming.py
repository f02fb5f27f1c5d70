"""A CSV download streamed from inside a unit of work, for the API and the pages alike.

Why here: a large export (every accepted declaration line, say) must not be held in memory, so its rows are
produced while the unit of work stays open and the unit of work closes when the stream ends or fails; the API and
the web layer of a context may not import each other, and both need exactly this.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from typing import Any

from fastapi.responses import StreamingResponse
from starlette.concurrency import iterate_in_threadpool


def csv_download(
    uow: AbstractContextManager[Any], rows: Callable[[Any], Iterable[bytes | str]], filename: str
) -> StreamingResponse:
    """Stream ``rows(uow)`` as a CSV attachment; errors before the first row close the unit of work at once."""
    unit = uow.__enter__()
    try:
        parts = rows(unit)
    except BaseException:
        uow.__exit__(None, None, None)
        raise

    def stream() -> Iterator[bytes | str]:
        try:
            yield from parts
        finally:
            uow.__exit__(None, None, None)

    return StreamingResponse(
        iterate_in_threadpool(stream()),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
