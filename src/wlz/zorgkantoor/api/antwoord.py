"""A JSON answer serialised with orjson, for the hot read routes that build their answer from plain rows.

FastAPI validates a returned object against the route's ``response_model`` and then serialises it; for the file
read, the client list and the work list that was about a third of the server's CPU per request. Those routes
select the columns of a read model (``storage.read_models``) that the response model documents field for field
(a test checks the two are equal), so the answer has the documented shape by construction, and return it as this
response: FastAPI passes a ``Response`` through unchanged, and ``response_model`` still documents the answer in
the OpenAPI (checked by the fuzz run).

Serialisation as pydantic's JSON mode writes it: dates as ``2024-01-31``, UTC timestamps with ``Z``, compact,
UTF-8 (``tests/zorgkantoor/test_snelle_antwoorden.py`` compares both byte for byte).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import orjson
from fastapi.responses import Response
from pydantic import BaseModel


class JsonAntwoord(Response):
    media_type = "application/json"

    def render(self, content: Any) -> bytes:  # orjson is typed
        return orjson.dumps(content, option=orjson.OPT_UTC_Z)


def fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The field names of a response model (compared with its read model by the tests)."""
    return tuple(model.model_fields)


def row_dict(row: Any, names: tuple[str, ...]) -> dict[str, Any]:
    """A plain row (selected in the order of ``names``) as a dict for the answer. The names are the read model's
    own ``str``s: the database's column names are a ``str`` subclass that orjson refuses as keys."""
    return dict(zip(names, row, strict=True))


def rows(plain_rows: Iterable[Any], names: tuple[str, ...]) -> list[dict[str, Any]]:
    """Plain rows (a service may type them as its domain objects: read with a read model they are rows)."""
    return [dict(zip(names, r, strict=True)) for r in plain_rows]
