"""Route-level declaration of who may call a route. Every route carries exactly one of these as a dependency:
:class:`Rollen` (the roles allowed) or :class:`Publiek` (no login). The authorization test walks all routes of
the app and fails on a route that declares neither, so a new route cannot slip through unchecked.

The route gate is the first line; the service layer checks the same permission table again, plus the scope
(a provider's own clients, a client's own file), so pages and API can never differ.
"""

from __future__ import annotations

from fastapi.routing import APIRoute


class Rollen:
    """Base of the route gates (``api.deps.ApiRollen``, ``web.deps.WebRollen``)."""

    def __init__(self, *rollen: str):
        self.rollen = frozenset(rollen)


class Publiek:
    """Marks a route meant for everyone (login page, Wlz-wijzer, health)."""

    def __call__(self) -> None:
        return None


def declaratie(route: APIRoute) -> Rollen | Publiek | None:
    """The gate a route declares, found among its (nested) dependencies."""
    stack = [route.dependant]
    while stack:
        dep = stack.pop()
        if isinstance(dep.call, Rollen | Publiek):
            return dep.call
        stack.extend(dep.dependencies)
    return None


def alle_routes(app) -> list[tuple[str, APIRoute]]:
    """Every endpoint route of the app with its full path, also inside included routers (FastAPI may keep
    included routers as one nested entry in ``app.routes``)."""
    out: list[tuple[str, APIRoute]] = []

    def walk(routes, prefix: str) -> None:
        for r in routes:
            if isinstance(r, APIRoute):
                out.append((prefix + r.path, r))
            elif hasattr(r, "original_router"):
                walk(r.original_router.routes, prefix + getattr(r.include_context, "prefix", ""))

    walk(app.routes, "")
    return out
