"""Schema-driven fuzzing of the JSON API (schemathesis) against the app's own OpenAPI document.

For every operation in /api/openapi.json, generated requests (valid and invalid bodies, query values, headers)
are sent with a real API token of an assessor and a provider, on objects that exist (so requests reach the
validation and the use cases, not only the 404 of an unknown id). Checks: no server error (5xx) ever, and every
response conforms to the schema (documented status code, content type, body). Bounded: a few examples per
operation, so the run takes seconds.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import allow_header_conformance, positive_data_acceptance, unsupported_method

from wlz.platform.gates import Roles, all_routes, declared_gate

from .conftest import OP_POSTGRES, _pg_engine
from .helpers import bouw_wereld

pytestmark = pytest.mark.postgres

#: Checks left out, with the reason:
#: - positive_data_acceptance: a request valid by the schema may still be refused by the domain (elfproef, a date
#:   outside the indicatiebesluit, a state transition that is not allowed); 404/409/422 are the right answers there.
#: - unsupported_method, allow_header_conformance: for a path with a GET and a POST route (/api/clients)
#:   Starlette's 405 names only the methods of the first route in its Allow header; a framework limit.
NIET_GECONTROLEERD = [positive_data_acceptance, unsupported_method, allow_header_conformance]

#: the bulk IO31 route (POST /api/io31/batch) takes a zip: sent as raw bytes like any binary body
schemathesis.serializer.alias("application/zip", "application/octet-stream")
# the kwaliteitsrapport upload (POST /api/inkoop/kwaliteitsrapporten/bestand) takes a PDF, likewise
schemathesis.serializer.alias("application/pdf", "application/octet-stream")

#: examples per API operation; with ~25 operations this keeps the whole run well under a minute on 2 cores
VOORBEELDEN = 12


@pytest.fixture(scope="module")
def fuzz_wereld(tmp_path_factory):
    from wlz.platform.database import make_engine
    from wlz.zorgkantoor.storage import migrate

    if OP_POSTGRES:
        engine, opruimen = _pg_engine()
    else:
        engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'wlz.sqlite'}")
        opruimen = engine.dispose
    migrate.upgrade(engine)
    yield bouw_wereld(engine)
    opruimen()


def _schema():
    """The app's OpenAPI document, loaded through ASGI from an app on an empty in-memory database (the document
    does not depend on data); requests are sent to the fuzz world's app in the test."""
    from wlz.platform.database import make_engine
    from wlz.zorgkantoor.app import create_app
    from wlz.zorgkantoor.config import Settings

    app = create_app(Settings(database_url="sqlite://", secret_key="fuzz"), engine=make_engine("sqlite://"))
    return schemathesis.openapi.from_asgi("/api/openapi.json", app)


# (schemathesis.pytest.from_fixture would build the app from a fixture, but it breaks on pytest 9: it sets the
# private Function._nodeid)
schema = _schema()


def _echte_ids(case, w) -> None:
    """Point path parameters at objects that exist and are within the caller's reach."""
    ids = {"client_id": w.client_a, "aanvraag_id": w.aanvraag_a, "toewijzing_id": w.toewijzing_a}
    for naam in list(case.path_parameters or {}):
        if naam in ids:
            case.path_parameters[naam] = ids[naam]


def _rol(app, methode: str, pad: str) -> str:
    """A role the route admits (its ``Roles`` declaration), preferring the assessor."""
    for p, route in all_routes(app):
        if p == pad and methode.upper() in route.methods:
            gate = declared_gate(route)
            if isinstance(gate, Roles):
                return next(r for r in ("beoordelaar", "beheerder", "aanbieder", "client") if r in gate.roles)
    return "beoordelaar"  # public route


@schema.parametrize()
@settings(
    max_examples=VOORBEELDEN,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_api_fuzz(case, fuzz_wereld):
    w = fuzz_wereld
    _echte_ids(case, w)
    rol = _rol(w.app, case.operation.method, case.operation.path)
    case.call_and_validate(
        app=w.app, headers={"Authorization": f"Bearer {w.tokens[rol]}"}, excluded_checks=NIET_GECONTROLEERD
    )
