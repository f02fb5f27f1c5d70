"""A JSON answer serialised with orjson, for the hot read routes that build their answer from plain rows.

FastAPI validates a returned object against the route's ``response_model`` and then serialises it; for the
file read, the client list and the work list that was about a third of the server's CPU per request. Those
routes select exactly the response model's fields from the database (``velden``), so the answer has the
documented shape by construction, and return it as this response: FastAPI passes a ``Response`` through
unchanged, and ``response_model`` still documents the answer in the OpenAPI (checked by the fuzz run).

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

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content, option=orjson.OPT_UTC_Z)


def velden(model: type[BaseModel]) -> tuple[str, ...]:
    """The field names of a response model: the columns to select for it."""
    return tuple(model.model_fields)


def rij(row, namen: tuple[str, ...]) -> dict[str, Any]:
    """A plain row (selected in the order of ``namen``) as a dict for the answer. The names are the model's own
    ``str``s: the database's column names are a ``str`` subclass that orjson refuses as keys."""
    return dict(zip(namen, row, strict=True))


def rijen(rows: Iterable, namen: tuple[str, ...]) -> list[dict[str, Any]]:
    return [dict(zip(namen, r, strict=True)) for r in rows]
