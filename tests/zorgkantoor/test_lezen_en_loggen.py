"""A read of a client's file and its access-log line commit together, also while another writer holds SQLite's lock.

On SQLite the file read takes the write lock at its start (``api.routes._lees_en_log``) and so waits while
another writer (here another process's connection) holds it; then the answer comes, with exactly one log line,
and nothing is read without its line.
"""

from __future__ import annotations

import threading
import time

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from .conftest import OP_POSTGRES
from .flow import api_headers
from .helpers import bouw_wereld

pytestmark = pytest.mark.postgres  # runs on SQLite and, in the PostgreSQL run, there


def _loglijnen(engine, client_id: str) -> int:
    with engine.connect() as conn:
        return conn.execute(
            sa.text("SELECT count(*) FROM toegangslog WHERE client_id = :c AND actie = 'lezen'"), {"c": client_id}
        ).scalar_one()


def test_file_read_waits_for_another_writer_and_logs_once(engine):
    w = bouw_wereld(engine)
    api = TestClient(w.app)
    h = api_headers(w.tokens["beoordelaar"])
    voor = _loglijnen(engine, w.client_a)

    # another writer holds the lock (SQLite: BEGIN IMMEDIATE; PostgreSQL: a row lock on nothing the read needs)
    bezet = engine.raw_connection()
    cur = bezet.cursor()
    if not OP_POSTGRES:
        cur.execute("BEGIN IMMEDIATE")
    cur.execute(
        "INSERT INTO toegangslog (tijdstip, gebruikersnaam, rol, actie, onderwerp, doel, kanaal) "
        "VALUES (CURRENT_TIMESTAMP, 'ander', 'beheerder', 'zoeken', 'x', 'y', 'cli')"
    )
    antwoord: dict = {}
    lezer = threading.Thread(target=lambda: antwoord.update(r=api.get(f"/api/clients/{w.client_a}", headers=h)))
    lezer.start()
    time.sleep(0.5)  # the read is under way while the lock is held
    bezet.commit()
    bezet.close()
    lezer.join(30)

    r = antwoord["r"]
    assert r.status_code == 200, r.text
    assert r.json()["client"]["id"] == w.client_a
    assert _loglijnen(engine, w.client_a) == voor + 1
