"""The zorgkantoor's fast paths (``wlz.platform.hot_reads``): a client's file, the client list and the work list,
the reads a system sends hundreds of times a second. Each runs the route's own read (``api.routes``) with the
route's own parameter declarations; every other request goes through FastAPI as before."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from wlz.platform import hot_reads
from wlz.platform.auth import TokenCache

from . import routes
from .antwoord import JsonAntwoord


def _client_file(app: FastAPI, actor: Any, a: dict[str, Any]) -> Any:
    return routes._read_and_log(app, lambda uow: routes.client_file(uow, actor, a["client_id"]))


def _client_list(app: FastAPI, actor: Any, a: dict[str, Any]) -> Any:
    return routes._read_and_log(
        app, lambda uow: routes.client_list(uow, actor, a["q"], a["limit"], a["offset"], a["na"])
    )


def _work_list(app: FastAPI, actor: Any, a: dict[str, Any]) -> Any:
    return routes.work_list(app, actor, a["status"], a["limit"], a["offset"], a["na"])


READS = (
    hot_reads.HotRead(routes.client_dossier, {}, _client_file, JsonAntwoord),
    hot_reads.HotRead(routes.clients_zoeken, routes.CLIENT_LIST_PARAMS, _client_list, JsonAntwoord),
    hot_reads.HotRead(routes.werkvoorraad, routes.WORK_LIST_PARAMS, _work_list, JsonAntwoord),
)


def _cache(app: FastAPI) -> TokenCache[Any]:
    cache: TokenCache[Any] = app.state.api_actors
    return cache


def install(app: FastAPI) -> None:
    """After every router is included (the fast paths find their routes in the app)."""
    hot_reads.install(app, READS, _cache)
