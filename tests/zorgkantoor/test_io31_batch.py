"""The batch API of the bulk IO31 import (``POST /api/io31/batch``, a zip of messages): who may use it, a batch of
good and bad messages answered message by message (each with its retrievable IO32; refused ones stored with
their reasons; not-messages not stored), the body limit (413 for the request and for what it unpacks to), TR056
duplicate identification within a batch and across batches, no BSN in the answer or the log, and the same rows
as the command line's bulk import of the same files (``wlz io31 importeer``). SQLite, and PostgreSQL with
``WLZ_TEST_DATABASE_URL``."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from wlz.platform.database import make_engine
from wlz.zorgkantoor.domain.model import ROLLEN
from wlz.zorgkantoor.services import auth, io31_bulk
from wlz.zorgkantoor.services.actor import SYSTEEM
from wlz.zorgkantoor.storage import migrate, orm
from wlz.zorgkantoor.storage.uow import UnitOfWorkFactory

from .conftest import _pg_engine
from .flow import api_headers
from .helpers import bouw_wereld
from .test_io31_bulk import _keten, _map, _rijen, _xml

pytestmark = pytest.mark.postgres

ZIP = {"Content-Type": "application/zip"}


def _zip(bestanden: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for naam, inhoud in bestanden.items():
            z.writestr(naam, inhoud)
    return buf.getvalue()


def _post(c: TestClient, token: str | None, body: bytes):
    headers = dict(ZIP, **(api_headers(token) if token else {}))
    return c.post("/api/io31/batch", content=body, headers=headers)


def _tokens(w) -> dict[str, str]:
    tokens = dict(w.tokens)
    with w.app.state.uow(write=True) as uow:
        g = auth.maak_gebruiker(uow, SYSTEEM, gebruikersnaam="inkoper", naam="Inkoper", rol="zorginkoper")
        uow.flush()
        _, tokens["zorginkoper"] = auth.maak_token(uow, SYSTEEM, g.id, "t")
        uow.commit()
    assert set(tokens) == set(ROLLEN)
    return tokens


def _aantal(engine, tabel) -> int:
    with engine.connect() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(tabel)).scalar_one()


def test_only_the_roles_that_import_io31_may_send_a_batch(engine):
    w = bouw_wereld(engine)
    c = TestClient(w.app)
    body = _zip({"a.xml": _xml(50)})
    assert _post(c, None, body).status_code == 401
    assert _post(c, "geen-geldig-token", body).status_code == 401
    voor = _aantal(engine, orm.berichten)
    for rol, token in sorted(_tokens(w).items()):
        r = _post(c, token, body)
        if rol in ("beoordelaar", "beheerder"):  # as POST /api/berichten/io31 (bericht.importeren)
            assert r.status_code == 200, (rol, r.text)
        else:
            assert r.status_code == 403, (rol, r.text)
    # the first import took it, the second is the same message again: refused with TR056 and stored with its IO32
    assert _aantal(engine, orm.berichten) == voor + 4


def _antwoord_per_bestand(r) -> dict[str, dict]:
    assert r.status_code == 200, r.text
    return {b["bestand"]: b for b in r.json()["berichten"]}


def test_a_batch_of_good_and_bad_messages_is_answered_per_message_as_the_command_line_imports_it(tmp_path, engine):
    w = bouw_wereld(engine)
    c = TestClient(w.app)
    token = w.tokens["beoordelaar"]
    m = _map(tmp_path)
    xml = {p.name: p.read_bytes() for p in sorted(m.iterdir()) if p.suffix == ".xml"}
    r = _post(c, token, _zip({**xml, "LEESMIJ.txt": b"geen bericht"}))
    per = _antwoord_per_bestand(r)
    api_rijen = _rijen(engine)  # before the reads below add their log lines
    samen = r.json()
    assert samen["bestanden"] == 14 and samen["geimporteerd"] == 7 and samen["indicaties"] == 7
    assert samen["geweigerd"] == 4 and samen["geen_bericht"] == 3 and samen["los_verwerkt"] == 1
    assert [b["nummer"] for b in samen["berichten"]] == list(range(1, 15))
    assert {n for n, b in per.items() if b["uitkomst"] == "geen_bericht"} == {
        "300_leeg.xml",
        "301_doctype.xml",
        "LEESMIJ.txt",
    }
    assert "DOCTYPE" in " ".join(per["301_doctype.xml"]["redenen"])
    geweigerd = {n for n, b in per.items() if b["uitkomst"] == "geweigerd"}
    assert geweigerd == {"100_tr015.xml", "101_ander.xml", "102_dubbel.xml", "103_kopie.xml"}
    assert any("TR015" in x for x in per["100_tr015.xml"]["redenen"])
    assert any("TR056" in x for x in per["103_kopie.xml"]["redenen"])
    for naam, b in per.items():
        if b["uitkomst"] == "geen_bericht":
            assert b["bericht_id"] is None and b["retour_id"] is None
            continue
        # every message answered with its IO32, retrievable; the refused ones stored with their reasons
        retour = c.get(f"/api/berichten/{b['bericht_id']}/retour", headers=api_headers(token))
        assert retour.status_code == 200 and b"<io32:Bericht" in retour.content, naam
        codes = set(re.findall(rb"<io32:RetourCode>(\d+)</io32:RetourCode>", retour.content))
        assert (codes == {b"0200"}) == (b["uitkomst"] == "geaccepteerd"), (naam, codes)
        assert c.get(f"/api/berichten/{b['retour_id']}", headers=api_headers(token)).content == retour.content
    assert per["200_opvolger.xml"]["uitkomst"] == "geaccepteerd" and per["200_opvolger.xml"]["indicaties"] == 1

    # no BSN in the answer or in the access log
    bsns = {_keten(i).io31.clienten[0].client.bsn for i in (0, 1, 2, 3, 4, 5, 20, 21, 22)}
    with engine.connect() as conn:
        log = " ".join(f"{x.onderwerp} {x.gebruikersnaam}" for x in conn.execute(sa.select(orm.toegangslog)))
    for nummer in bsns:
        assert nummer not in r.text and nummer not in log
    assert "IO31-batch: 14 bestanden, 7 ingelezen, 4 geweigerd, 3 geen bericht" in log

    # the same files through the command line's bulk import into a database of the same start: the same rows
    if engine.dialect.name == "sqlite":
        cli_engine, opruimen = make_engine(f"sqlite:///{tmp_path / 'cli.sqlite'}"), lambda: None
    else:
        cli_engine, opruimen = _pg_engine()  # a second schema on the same server
    migrate.upgrade(cli_engine)
    bouw_wereld(cli_engine)
    s = io31_bulk.importeer_map(UnitOfWorkFactory(cli_engine), SYSTEEM, m, workers=1)
    assert (s.geimporteerd, s.geweigerd, s.geen_bericht) == (7, 4, 2)
    cli_rijen = _rijen(cli_engine)
    assert api_rijen[:3] == cli_rijen[:3]
    assert [x for x in api_rijen[3] if x[0] != "importeren"] == cli_rijen[3]
    cli_engine.dispose()
    opruimen()


def test_a_second_message_with_an_identification_already_received_is_refused_tr056(engine):
    w = bouw_wereld(engine)
    c = TestClient(w.app)
    token = w.tokens["beheerder"]
    per = _antwoord_per_bestand(_post(c, token, _zip({"1.xml": _xml(60), "2.xml": _xml(60), "3.xml": _xml(61)})))
    assert [per[n]["uitkomst"] for n in ("1.xml", "2.xml", "3.xml")] == ["geaccepteerd", "geweigerd", "geaccepteerd"]
    assert per["1.xml"]["identificatie"] == per["2.xml"]["identificatie"]
    assert any("TR056" in x for x in per["2.xml"]["redenen"])
    # the next batch repeats one: refused, stored with its IO32; nothing of the first decision changes
    per = _antwoord_per_bestand(_post(c, token, _zip({"opnieuw.xml": _xml(61)})))
    assert per["opnieuw.xml"]["uitkomst"] == "geweigerd" and per["opnieuw.xml"]["retour_id"]
    assert any("TR056" in x for x in per["opnieuw.xml"]["redenen"])
    with engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(orm.indicatiebesluiten)).scalar_one() == 2 + 2


def test_a_batch_over_the_body_limit_or_unpacking_past_it_is_refused_413_and_writes_nothing(engine):
    w = bouw_wereld(engine)
    c = TestClient(w.app)
    token = w.tokens["beoordelaar"]
    voor = (_aantal(engine, orm.berichten), _aantal(engine, orm.toegangslog))
    groot = _post(c, token, b"PK" + b"x" * (5 * 1024 * 1024))
    assert groot.status_code == 413 and "bestand te groot (max 5 MB)" in groot.json()["detail"]
    # 6 MB of XML packs into a few kB: the unpacked messages count against the same limit
    bom = _zip({"a.xml": _xml(70), "b.xml": b"<a>" + b" " * (6 * 1024 * 1024) + b"</a>"})
    assert len(bom) < 100_000
    r = _post(c, token, bom)
    assert r.status_code == 413 and "bestand te groot" in r.json()["detail"]
    assert (_aantal(engine, orm.berichten), _aantal(engine, orm.toegangslog)) == voor


def test_a_body_that_is_no_zip_is_refused_naming_the_field(engine):
    w = bouw_wereld(engine)
    c = TestClient(w.app)
    for body in (_xml(80), b"", _zip({})):
        r = _post(c, w.tokens["beoordelaar"], body)
        assert r.status_code == 422, r.text
        assert "bestand" in r.text and ("zip" in r.text.lower()), r.text


def test_a_file_name_that_could_be_a_bsn_is_not_repeated(engine):
    w = bouw_wereld(engine)
    c = TestClient(w.app)
    per = _antwoord_per_bestand(_post(c, w.tokens["beoordelaar"], _zip({f"{w.bsn_a}.xml": _xml(90)})))
    assert w.bsn_a not in str(per) and per["*********.xml"]["uitkomst"] == "geaccepteerd"


def test_the_cli_and_the_batch_read_the_same_message_list(tmp_path):
    """Unit level: the zip's files in name order, directories left out, as the folder's."""
    invoer = io31_bulk.read_zip(_zip({"b.xml": b"2", "a.xml": b"1", "map/c.xml": b"3"}), 1024 * 1024)
    assert invoer == [("a.xml", b"1"), ("b.xml", b"2"), ("map/c.xml", b"3")]
    assert Path("x").name == "x"
    assert re.fullmatch(r"\*+\.xml", io31_bulk._BSN_ACHTIG.sub("*********", "123456782.xml"))
