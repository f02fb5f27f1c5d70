"""The hottest API reads answered past FastAPI's routing and dependency resolution, for their common case only.

A system reading a zorgkantoor's files (a provider's or an assessor's application) sends hundreds of the same few
GETs a second. For a file read, FastAPI's route matching, dependency resolution (bearer header, token gate,
query parameters) and thread hand-over cost about as much server CPU as the read itself and its access-log
line. :class:`HotReads`, the innermost middleware, answers such a request itself when everything about it is
the ordinary case:

- a GET whose path matches the route's own path pattern (and no earlier route claims it, see
  :func:`install`);
- a bearer token this server process already knows (the route's gate's ``wlz.platform.auth.TokenCache``, filled
  by the gate at the token's first use) of a role the gate admits;
- query parameters of the route's declared names that pass the route's declared bounds (:class:`Param`, the
  same declaration the route builds its ``Query`` from), integers written as plain digits.

It then runs the route's own read (the same function the route calls: its permissions, its access-log line)
in the threadpool and answers with the same bytes. Everything else (an unknown or first-seen token, a role
that gets 403, a parameter FastAPI would refuse or might read differently, and any exception the read raises:
404, 403, 422 of the service, a busy database) passes to the app unchanged, which answers it as it always
did. A read that raises has written no access-log line (its line is committed last), so letting the app run
it again writes at most the one line of the answer that is given. ``tests/zorgkantoor/test_hot_reads.py``
compares both ways byte for byte, generated requests included.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from fastapi import FastAPI, Query
from fastapi.routing import APIRoute
from starlette.datastructures import QueryParams
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.routing import compile_path
from starlette.types import ASGIApp, Receive, Scope, Send

from .auth import token_hash
from .gates import ApiGate, all_routes, declared_gate

_DIGITS = re.compile(r"[0-9]{1,9}")
#: threads that run the fast reads of one server process. A read holds the GIL for about three quarters of its
#: time and waits for the database the rest, so two threads keep a process's core busy; more only compete for the
#: GIL, which lengthens the tail: closed loop at 30,000 clients, 8 threads gave 1,148-1,187 reads/s at p99 42-50
#: ms, 3 threads 1,254-1,405 at 35-40 ms, 2 threads 1,231-1,436 at 31-37 ms (``docs/service.md``)
THREADS = 2
#: one pool per process (a server process serves one app; tests make many apps and share it); its threads start
#: at the first fast read
_POOL = ThreadPoolExecutor(THREADS, thread_name_prefix="snelle-lezing")


@dataclass(frozen=True)
class Param:
    """A query parameter's declaration, read by both the route (:meth:`query`) and the fast path (:meth:`read`):
    an integer between ``ge`` and ``le``, or a text of at most ``max_length`` characters matching ``pattern``."""

    default: Any
    ge: int | None = None
    le: int | None = None
    max_length: int | None = None
    pattern: str | None = None
    description: str | None = None
    _regex: re.Pattern[str] | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.pattern is not None:
            object.__setattr__(self, "_regex", re.compile(self.pattern))

    @property
    def integer(self) -> bool:
        return self.ge is not None or self.le is not None

    def query(self) -> Any:
        """The route's ``Query(...)`` for this declaration."""
        return Query(
            self.default,
            ge=self.ge,
            le=self.le,
            max_length=self.max_length,
            pattern=self.pattern,
            description=self.description,
        )

    def read(self, raw: str | None) -> tuple[bool, Any]:
        """(True, value) when the fast path may take ``raw`` (None: absent, the default); (False, None) when the
        app must judge it. Stricter than FastAPI: a value it refuses is never taken."""
        if raw is None:
            return True, self.default
        if self.integer:
            if not _DIGITS.fullmatch(raw):
                return False, None
            value = int(raw)
            ok = (self.ge is None or value >= self.ge) and (self.le is None or value <= self.le)
            return ok, value if ok else None
        if self.max_length is not None and len(raw) > self.max_length:
            return False, None
        if self._regex is not None and not self._regex.fullmatch(raw):
            return False, None
        return True, raw


@dataclass(frozen=True)
class HotRead:
    """One route's fast path: the route's endpoint (to find its path and gate), its query declarations, and the
    read the route itself calls: ``read(app, actor, **path_and_query_parameters)`` gives the content the route
    answers with (serialised by ``render``)."""

    endpoint: Callable[..., Any]
    params: Mapping[str, Param]
    read: Callable[..., Any]
    render: Callable[[Any], Any]


@dataclass(frozen=True)
class _Compiled:
    hot: HotRead
    regex: re.Pattern[str]
    gate: ApiGate[Any]
    taken: frozenset[str]  # paths an earlier route answers (a literal path the pattern would also match)


class HotReads:
    """The middleware (see the module).

    The reads run on the process's threads for them (``_POOL``), handed over with asyncio's
    ``run_in_executor``: about a tenth less CPU per read than the threadpool FastAPI shares between all routes
    (anyio's, with its capacity limiter and cancel scopes), which the other routes keep."""

    def __init__(self, app: ASGIApp, reads: Sequence[_Compiled]) -> None:
        self.app = app
        self.reads = reads

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET":
            answer = await self._answer(scope)
            if answer is not None:
                await answer(scope, receive, send)
                return
        await self.app(scope, receive, send)

    async def _answer(self, scope: Scope) -> Any:
        path: str = scope["path"]
        for c in self.reads:
            m = c.regex.match(path)
            if m is None or path in c.taken:
                continue
            actor = _actor(scope, c.gate)
            if actor is None or actor.rol not in c.gate.roles:
                return None
            args: dict[str, Any] = dict(m.groupdict())
            query = QueryParams(scope["query_string"])
            for name in query:
                if name not in c.hot.params:
                    return None  # a name the route does not declare: let the app judge the request
            for name, param in c.hot.params.items():
                ok, args[name] = param.read(query.get(name))
                if not ok:
                    return None
            read = partial(c.hot.read, scope["app"], actor, **args)
            try:
                content = await asyncio.get_running_loop().run_in_executor(_POOL, read)
            except Exception:  # the app answers it (or its error) as always; the read wrote no line
                return None
            return c.hot.render(content)
        return None


def _actor(scope: Scope, gate: ApiGate[Any]) -> Any:
    """The actor of the request's bearer token when the gate already knows it (its token cache), else None."""
    for name, value in scope["headers"]:
        if name == b"authorization":
            scheme, _, credentials = value.decode("latin-1").partition(" ")
            if scheme.lower() != "bearer" or not credentials:
                return None
            return gate.token_cache(Request(scope)).get(token_hash(credentials))
    return None


def install(app: FastAPI, reads: Sequence[HotRead]) -> None:
    """Add the fast paths as the innermost middleware (inside the NUL check and the body limit). Each route is
    found by its endpoint; its path pattern and gate are the route's own. A literal path of an earlier GET route
    that the pattern also matches stays with that route; an earlier GET route with parameters on the same path
    shape would make the fast path answer requests that route should get, so it is refused here."""
    routes = all_routes(app)
    compiled = []
    for hot in reads:
        index = next(i for i, (_, r) in enumerate(routes) if r.endpoint is hot.endpoint)
        full_path, route = routes[index]
        regex, _, _ = compile_path(full_path)
        gate = declared_gate(route)
        if not isinstance(gate, ApiGate):
            raise ValueError(f"{full_path}: a fast path needs an API route gate (a bearer token's roles)")
        taken = set()
        for earlier_path, earlier in routes[:index]:
            if not _answers_get(earlier) or not regex.match(earlier_path.replace("{", "").replace("}", "")):
                continue
            if "{" in earlier_path:
                raise ValueError(f"{full_path}: the earlier route {earlier_path} may answer the same requests")
            taken.add(earlier_path)
        compiled.append(_Compiled(hot, regex, gate, frozenset(taken)))
    app.user_middleware.append(Middleware(HotReads, reads=compiled))


def _answers_get(route: APIRoute) -> bool:
    return "GET" in (route.methods or ())
