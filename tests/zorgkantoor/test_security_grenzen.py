"""Input bounds: every paging parameter bounded (422, never a server error), the access log paged by
keyset, and one request size limit refused before the body is read. Each test failed on the code before."""

from __future__ import annotations

import asyncio
import datetime as dt
from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi.testclient import TestClient

from wlz.platform.app import LimitBody
from wlz.zorgkantoor.domain.bericht import IwlzBericht

from .flow import api_headers
from .helpers import AGB_EIGEN, bouw_wereld, csrf_van, web_client

pytestmark = pytest.mark.postgres


@pytest.mark.parametrize("pad", ["/api/aanvragen", "/api/clients"])
@pytest.mark.parametrize("offset", ["9223372036854775808", "1000001", "-1"])
def test_huge_offsets_are_refused_with_422(engine, pad, offset):
    w = bouw_wereld(engine)
    api = TestClient(w.app)
    r = api.get(pad, params={"offset": offset}, headers=api_headers(w.tokens["beoordelaar"]))
    assert r.status_code == 422, r.text
    assert r.json()["detail"][0]["loc"][-1] == "offset"


def test_the_access_log_is_paged_by_keyset_to_its_first_line(engine):
    w = bouw_wereld(engine)
    api = TestClient(w.app)
    h = api_headers(w.tokens["beheerder"])
    for _ in range(3):
        api.get(f"/api/clients/{w.client_a}", headers=h)
    with w.app.state.uow() as uow:
        alle = [r.id for r in uow.toegangslog.search(limit=100_000)]
    gezien: list[int] = []
    voor_id = None
    while True:
        params = {"limit": 2} | ({"voor_id": voor_id} if voor_id else {})
        pagina = api.get("/api/toegangslog", params=params, headers=h).json()
        ids = [r["id"] for r in pagina]
        gezien += [i for i in ids if i in alle]
        if len(ids) < 2:
            break
        voor_id = ids[-1]
    assert gezien == alle  # every line, each once, newest first (the searches add lines newer than any page)
    r = api.get("/api/toegangslog", params={"voor_id": 2**31}, headers=h)
    assert r.status_code == 422


def test_a_body_over_the_limit_is_refused_before_it_is_read(engine):
    w = bouw_wereld(engine)
    api = TestClient(w.app)
    groot = b"<x>" + b"a" * (6 * 1024 * 1024) + b"</x>"  # bigger than the 5 MB default limit of this app
    r = api.post(
        "/api/berichten/io31",
        content=groot,
        headers=api_headers(w.tokens["beoordelaar"]) | {"Content-Type": "application/xml"},
    )
    assert r.status_code == 413 and r.json()["detail"] == "bestand te groot (max 5 MB)"
    web = web_client(w, "beoordelaar")
    r = web.post("/berichten/io31", data={"csrf": csrf_van(web)}, files={"bestand": ("io31.xml", groot, "text/xml")})
    assert r.status_code == 413 and "bestand te groot (max 5 MB)" in r.text


def test_a_body_without_length_is_counted_while_it_arrives():
    # a thread of its own: a browser test in the same worker may leave an event loop running in this one
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, _chunked()).result()


async def _chunked():
    ontvangen: list[bytes] = []

    async def app(scope, receive, send):
        while True:
            m = await receive()
            ontvangen.append(m.get("body", b""))
            if not m.get("more_body"):
                break
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})

    grens = LimitBody(app, max_bytes=1024 * 1024)
    stukken = iter([b"a" * 600_000, b"a" * 600_000, b"a" * 600_000])

    async def receive():
        stuk = next(stukken)
        return {"type": "http.request", "body": stuk, "more_body": True}

    verzonden: list[dict] = []

    async def send(m):
        verzonden.append(m)

    await grens({"type": "http", "path": "/api/x", "headers": []}, receive, send)
    assert verzonden[0]["status"] == 413
    assert sum(map(len, ontvangen)) <= 1024 * 1024 + 600_000  # stopped at the chunk that passed the limit


def test_a_get_of_the_aw33_writes_no_message(engine):
    """Downloading returns the stored AW33 (a GET changes nothing); making one is a POST (8 GETs made 8 rows)."""
    w = bouw_wereld(engine)
    api = TestClient(w.app)
    h = api_headers(w.tokens["beoordelaar"])
    pad = f"/api/toewijzingen/{w.toewijzing_a}/aw33"

    def aantal() -> int:
        with w.app.state.uow() as uow:
            return sum(1 for b in uow.berichten.van_client(w.client_a) if b.soort == "AW33")

    voor = aantal()
    assert api.get(pad, headers=h).status_code == 409  # none made for this assignment yet
    with w.app.state.uow(write=True) as uow:  # one made earlier (the test world's indication has no iWlz number)
        uow.berichten.add(
            IwlzBericht(
                soort="AW33",
                richting="uit",
                identificatie="TW1",
                dagtekening=dt.date(2025, 1, 1),
                afzender="5509",
                ontvanger=AGB_EIGEN,
                inhoud=b"<aw33/>",
                vastgelegd_door="test",
                client_id=w.client_a,
                toewijzing_id=w.toewijzing_a,
            )
        )
        uow.commit()
    for _ in range(3):
        r = api.get(pad, headers=h)
        assert r.status_code == 200 and r.content == b"<aw33/>"
    web = web_client(w, "beoordelaar")
    assert web.get(f"/toewijzingen/{w.toewijzing_a}/aw33").content == b"<aw33/>"
    assert aantal() == voor + 1
