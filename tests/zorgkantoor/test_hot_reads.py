"""The fast paths of the hottest reads (``wlz.platform.hot_reads``, ``api/hot.py``): for every request the answer
(status and bytes) and the access-log lines it writes are the same as through FastAPI's routes
(``WLZ_HOT_READS=0``), generated requests included; the ordinary case is answered without the routes; a path an
earlier route claims stays with that route."""

from __future__ import annotations

import asyncio
import string
import threading
from typing import Any

import pytest
import sqlalchemy as sa
from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wlz.platform import hot_reads
from wlz.platform.auth import TokenCache
from wlz.platform.gates import ApiGate
from wlz.zorgkantoor.app import create_app
from wlz.zorgkantoor.config import Settings
from wlz.zorgkantoor.storage import orm

from .flow import api_headers
from .helpers import bouw_wereld

pytestmark = pytest.mark.postgres  # runs on SQLite and, in the PostgreSQL run, there


def _log_lines(engine: sa.Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(orm.toegangslog)).scalar_one())


@pytest.fixture
def both(engine):
    """The world's app (fast paths on, the default) and an app on the same database with them off."""
    w = bouw_wereld(engine)
    routes_only = create_app(
        Settings(database_url=str(engine.url), secret_key="test-geheim", hot_reads=False), engine=engine
    )
    with TestClient(w.app) as fast, TestClient(routes_only) as slow:
        yield w, fast, slow, engine


def _same(both: Any, rol: str, path: str) -> int:
    """Ask both apps; the status, the body and the number of access-log lines written must be equal."""
    w, fast, slow, engine = both
    h = api_headers(w.tokens[rol])
    before = _log_lines(engine)
    a = slow.get(path, headers=h)
    between = _log_lines(engine)
    b = fast.get(path, headers=h)
    after = _log_lines(engine)
    assert (b.status_code, b.content) == (a.status_code, a.content), (rol, path)
    assert b.headers["content-type"] == a.headers["content-type"], (rol, path)
    assert after - between == between - before, (rol, path)
    return a.status_code


def test_every_kind_of_request_answers_as_through_the_routes(both):
    w = both[0]
    gevallen = [
        # a file: each role, another provider's client, a client's own and someone else's, unknown, odd ids
        *((rol, f"/api/clients/{w.client_a}") for rol in ("beoordelaar", "beheerder", "aanbieder", "client")),
        ("aanbieder", f"/api/clients/{w.client_b}"),
        ("client", f"/api/clients/{w.client_b}"),
        ("beoordelaar", "/api/clients/onbekend"),
        ("beoordelaar", "/api/clients/zoeken"),
        ("beoordelaar", f"/api/clients/{w.client_a}?x=1"),
        # the client list: defaults, bounds, keyset, refusals, a role without access
        ("beoordelaar", "/api/clients"),
        ("beoordelaar", "/api/clients?limit=1"),
        ("beoordelaar", "/api/clients?limit=500&offset=1000000"),
        ("beoordelaar", "/api/clients?limit=501"),
        ("beoordelaar", "/api/clients?limit=0"),
        ("beoordelaar", "/api/clients?limit=+5"),
        ("beoordelaar", "/api/clients?limit=05"),
        ("beoordelaar", "/api/clients?limit=5.0"),
        ("beoordelaar", "/api/clients?limit="),
        ("beoordelaar", "/api/clients?offset=1000001"),
        ("beoordelaar", "/api/clients?offset=9223372036854775808"),
        ("beoordelaar", "/api/clients?q=persoon1"),
        ("beoordelaar", "/api/clients?q=" + "a" * 101),
        ("beoordelaar", f"/api/clients?limit=1&na={w.client_a}"),
        ("beoordelaar", "/api/clients?na=onbekend"),
        ("beoordelaar", "/api/clients?na=a%0A"),
        ("beoordelaar", "/api/clients?na="),
        ("beoordelaar", "/api/clients?limit=1&limit=2"),
        ("aanbieder", "/api/clients"),
        ("client", "/api/clients"),
        # the work list
        ("beoordelaar", "/api/aanvragen"),
        ("beoordelaar", "/api/aanvragen?status=ingediend"),
        ("beoordelaar", "/api/aanvragen?status=onzin"),
        ("beoordelaar", "/api/aanvragen?status=ingediend%0A"),
        ("beoordelaar", "/api/aanvragen?limit=1000"),
        ("beoordelaar", "/api/aanvragen?limit=1001"),
        ("beoordelaar", "/api/aanvragen?na=onbekend"),
        ("aanbieder", "/api/aanvragen"),
    ]
    statussen = {_same(both, rol, pad) for rol, pad in gevallen}
    assert {200, 404, 403, 422} <= statussen


def test_tokens_unknown_revoked_or_missing_answer_as_through_the_routes(both):
    w, fast, slow, _ = both
    for headers in ({}, {"Authorization": "Bearer wlz_onbekend"}, {"Authorization": "Basic abc"}):
        for path in (f"/api/clients/{w.client_a}", "/api/clients", "/api/aanvragen"):
            a, b = slow.get(path, headers=headers), fast.get(path, headers=headers)
            assert (b.status_code, b.content) == (a.status_code, a.content) and a.status_code == 401


_QUERY_TEXT = st.text(alphabet=string.ascii_letters + string.digits + " %+&=-_.'\"éß\u20ac", max_size=40)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    pad=st.sampled_from(["/api/clients", "/api/aanvragen"]),
    namen=st.lists(st.sampled_from(["q", "limit", "offset", "na", "status", "x", "LIMIT"]), max_size=4),
    waarden=st.lists(
        st.one_of(
            _QUERY_TEXT,
            st.integers(-3, 2_000_000).map(str),
            st.sampled_from(
                ["ingediend", "besloten", "0", "00", "1e3", "", "%00", "%C3%A9", "%0A", "a%09b", "%2B5", "ingediend%0A"]
            ),
        ),
        min_size=4,
        max_size=4,
    ),
)
def test_generated_list_requests_answer_as_through_the_routes(both, pad, namen, waarden):
    query = "&".join(f"{n}={v}" for n, v in zip(namen, waarden, strict=False))
    _same(both, "beoordelaar", f"{pad}?{query}" if query else pad)


def test_the_ordinary_case_is_answered_without_the_routes(both):
    """With the token known to the process, a file, the client list and the work list are answered by the fast
    path itself: the app behind it is never called, and the bytes are the routes' answer."""
    w, fast, slow, _ = both
    h = api_headers(w.tokens["beoordelaar"])
    assert fast.get("/api/aanvragen?limit=1", headers=h).status_code == 200  # the gate caches the token
    kwargs = w.app.user_middleware[-1].kwargs
    called: list[str] = []

    async def routes(scope: Any, receive: Any, send: Any) -> None:
        called.append(scope["path"])

    middleware = hot_reads.HotReads(routes, **kwargs)
    for path in (f"/api/clients/{w.client_a}", "/api/clients?limit=2&q=pers", "/api/aanvragen?status=ingediend"):
        answer = _run(_call(middleware, w.app, path, h["Authorization"]))
        assert answer == (200, slow.get(path, headers=h).content), path
    assert called == []
    # another token, and a parameter the fast path leaves to FastAPI: the app behind it answers
    _run(_call(middleware, w.app, "/api/clients", "Bearer wlz_onbekend"))
    _run(_call(middleware, w.app, "/api/clients?limit=+5", h["Authorization"]))
    assert called == ["/api/clients", "/api/clients"]


def _run(coro: Any) -> Any:
    """The coroutine on a loop of its own in a thread of its own (another test in this process may have left a
    loop running in the main thread, where ``asyncio.run`` refuses to start)."""
    out: list[Any] = []
    t = threading.Thread(target=lambda: out.append(asyncio.run(coro)))
    t.start()
    t.join(60)
    return out[0]


async def _call(middleware: Any, app: FastAPI, path: str, authorization: str) -> tuple[int, bytes]:
    p, _, q = path.partition("?")
    scope = {
        "type": "http",
        "method": "GET",
        "path": p,
        "query_string": q.encode(),
        "headers": [(b"authorization", authorization.encode())],
        "app": app,
    }
    sent: list[Any] = []

    async def receive() -> Any:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Any) -> None:
        sent.append(message)

    await middleware(scope, receive, send)
    if not sent:
        return 0, b""
    return sent[0]["status"], b"".join(m.get("body", b"") for m in sent[1:])


# --- which requests a fast path may take ----------------------------------------------------------------------
class _Actor:
    rol = "lezer"
    session_version = 0


class _Gate(ApiGate[Any]):
    def token_cache(self, request: Request) -> TokenCache[Any]:
        cache: TokenCache[Any] = request.app.state.cache
        return cache

    def lookup(self, request: Request, token: str) -> Any:
        return _Actor() if token == "goed" else None


def _app(earlier: str) -> tuple[FastAPI, Any]:
    app = FastAPI()
    app.state.cache = TokenCache()
    router = APIRouter()

    @router.get(earlier)
    def eerder(request: Request) -> dict[str, str]:
        return {"route": "eerder"}

    @router.get("/dingen/{ding_id}")
    def ding(request: Request, ding_id: str, actor: Any = Depends(_Gate("lezer"))) -> dict[str, str]:
        return {"route": "gewoon", "ding": ding_id}

    app.include_router(router, prefix="/api")

    def snel(app: FastAPI, actor: Any, ding_id: str) -> dict[str, str]:
        return {"route": "snel", "ding": ding_id}

    hot_reads.install(app, [hot_reads.HotRead(ding, {}, snel, dict_answer)])
    return app, ding


def dict_answer(content: Any) -> Any:
    from fastapi.responses import JSONResponse

    return JSONResponse(content)


def test_a_literal_path_of_an_earlier_route_stays_with_that_route():
    app, _ = _app("/dingen/lijst")
    with TestClient(app) as api:
        h = {"Authorization": "Bearer goed"}
        assert api.get("/api/dingen/a", headers=h).json() == {"route": "gewoon", "ding": "a"}  # fills the cache
        assert api.get("/api/dingen/a", headers=h).json() == {"route": "snel", "ding": "a"}
        assert api.get("/api/dingen/lijst", headers=h).json() == {"route": "eerder"}
        assert api.get("/api/dingen/a/b", headers=h).status_code == 404
        assert api.get("/api/dingen/a", headers={"Authorization": "Bearer fout"}).status_code == 401


def test_an_earlier_route_with_parameters_on_the_same_path_is_refused():
    with pytest.raises(ValueError, match="may answer the same requests"):
        _app("/dingen/{nummer}")
