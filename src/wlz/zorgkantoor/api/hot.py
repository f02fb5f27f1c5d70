"""The zorgkantoor's fast paths (``wlz.platform.hot_reads``): a client's file, the client list and the work list,
the reads a system sends hundreds of times a second. Each runs the route's own read (``api.routes``) with the
route's own parameter declarations and gate; every other request goes through FastAPI as before."""

from __future__ import annotations

from fastapi import FastAPI

from wlz.platform import hot_reads

from . import routes
from .antwoord import JsonAntwoord

READS = (
    hot_reads.HotRead(routes.client_dossier, {}, routes.client_file, JsonAntwoord),
    hot_reads.HotRead(routes.clients_zoeken, routes.CLIENT_LIST_PARAMS, routes.client_list, JsonAntwoord),
    hot_reads.HotRead(routes.werkvoorraad, routes.WORK_LIST_PARAMS, routes.work_list, JsonAntwoord),
)


def install(app: FastAPI) -> None:
    """After every router is included (the fast paths find their routes in the app)."""
    hot_reads.install(app, READS)
