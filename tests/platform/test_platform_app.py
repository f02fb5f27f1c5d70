"""A new context on the platform: the app factory, its error answers, the NUL check, the page and API gates,
login sessions with CSRF, and the route declarations an authorization test walks."""

from dataclasses import dataclass

import pytest
from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import PlainTextResponse, Response
from fastapi.testclient import TestClient

from wlz.platform import sessions
from wlz.platform.app import ErrorAnswer, ErrorPresentation, create_base_app, install_errors
from wlz.platform.auth import TokenCache
from wlz.platform.config import AppSettings
from wlz.platform.database import make_engine
from wlz.platform.gates import ApiGate, Public, Roles, WebGate, WebPublicGate, all_routes, declared_gate


@dataclass(frozen=True)
class Actor:
    gebruiker_id: str
    rol: str
    session_version: int = 0


ACCOUNTS = {"u1": Actor("u1", "medewerker")}
TOKENS = {"wlz_geldig": Actor("u1", "medewerker")}


class Weigering(Exception):
    pass


class PaginaRollen(WebGate[Actor]):
    def load_actor(self, request: Request, account_id: str) -> Actor | None:
        return ACCOUNTS.get(account_id)


class ApiRollen(ApiGate[Actor]):
    def token_cache(self, request: Request) -> TokenCache[Actor]:
        cache: TokenCache[Actor] = request.app.state.tokens
        return cache

    def lookup(self, request: Request, token: str) -> Actor | None:
        return TOKENS.get(token)


def _app() -> FastAPI:
    app = create_base_app(
        AppSettings(database_url="sqlite://", secret_key="k"),
        title="ciz",
        description="test",
        engine=make_engine("sqlite://"),
    )
    app.state.tokens = TokenCache()
    api = APIRouter()

    @api.get("/ding", dependencies=[Depends(ApiRollen("medewerker"))])
    def ding(n: int = 1) -> dict[str, int]:
        if n < 0:
            raise Weigering()
        return {"n": n}

    pages = APIRouter()

    @pages.get("/inloggen", dependencies=[Depends(WebPublicGate(PaginaRollen()))])
    def inlogpagina(request: Request) -> Response:
        return PlainTextResponse(sessions.csrf_token(request))

    @pages.post("/inloggen", dependencies=[Depends(WebPublicGate(PaginaRollen()))])
    def inloggen(request: Request) -> Response:
        sessions.start(request, "u1")
        return PlainTextResponse("ingelogd")

    @pages.get("/csrf", dependencies=[Depends(PaginaRollen("medewerker"))])
    def csrf(request: Request) -> Response:
        return PlainTextResponse(sessions.csrf_token(request))

    @pages.post("/actie", dependencies=[Depends(PaginaRollen("medewerker"))])
    def actie() -> Response:
        return PlainTextResponse("gedaan")

    app.include_router(api, prefix="/api")
    app.include_router(pages)
    install_errors(
        app,
        ErrorPresentation(
            page=lambda request, status, message: PlainTextResponse(f"pagina {status}: {message}", status_code=status),
            api_details=lambda errors: [{"msg": "ongeldig", "loc": list(e["loc"])} for e in errors],
            page_line=lambda errors: "ongeldig",
        ),
        {Weigering: lambda exc: ErrorAnswer(422, "Mag niet.", "n")},
    )
    return app


@pytest.fixture
def client() -> TestClient:
    return TestClient(_app())


def test_api_answers_need_a_token_and_errors_are_json_naming_the_field(client):
    assert client.get("/api/ding").status_code == 401
    assert client.get("/api/ding", headers={"Authorization": "Bearer wlz_onzin"}).status_code == 401
    h = {"Authorization": "Bearer wlz_geldig"}
    assert client.get("/api/ding?n=2", headers=h).json() == {"n": 2}
    r = client.get("/api/ding?n=-1", headers=h)
    assert r.status_code == 422 and r.json() == {
        "detail": [{"loc": ["body", "n"], "msg": "Mag niet.", "type": "domein"}]
    }
    r = client.get("/api/ding?n=x", headers=h)
    assert r.status_code == 422 and r.json()["detail"] == [{"msg": "ongeldig", "loc": ["query", "n"]}]


def test_a_nul_character_is_refused_before_any_route(client):
    r = client.get("/api/ding?n=%00")
    assert r.status_code == 422 and "NUL" in r.json()["detail"][0]["msg"]
    r = client.get("/csrf?x=%00")
    assert r.status_code == 422 and r.text == "Ongeldige invoer: een parameter bevat een ongeldig teken (NUL)."


def test_pages_need_a_login_and_a_post_needs_the_session_csrf_token(client):
    r = client.get("/csrf", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/inloggen"
    assert client.post("/inloggen").status_code == 403  # the login form carries a CSRF token too
    assert client.post("/inloggen", data={"csrf": client.get("/inloggen").text}).text == "ingelogd"
    token = client.get("/csrf").text
    r = client.post("/actie", data={"csrf": "fout"})
    assert r.status_code == 403 and r.text.startswith("pagina 403: Het formulier is verlopen")
    assert client.post("/actie", data={"csrf": token}).text == "gedaan"


def test_every_route_declares_its_gate_and_the_shell_css_is_served(client):
    gates = {path: declared_gate(route) for path, route in all_routes(client.app)}
    assert isinstance(gates["/api/ding"], Roles) and isinstance(gates["/inloggen"], Public)
    assert all(g is not None for p, g in gates.items() if not p.startswith(("/api/openapi", "/api/docs")))
    assert client.get("/static/wlz.css").status_code == 200
