"""iWlz TR056 on receipt: a message's identification is unique per sender and message type.

TR056 (``common/basis.xsl``): "Identificatie moet per berichtsoort uniek zijn voor de verzendende partij." — a
rule on earlier messages, so not in the XSLT set; the zorgkantoor checks it against the messages it stored
(``berichten``: type, direction, sender, identification). A second IO31, AW35 or AW39 with an identification
already received from that sender (accepted or refused) is refused with retourcode ``9056`` on the header, a
Dutch reason naming the identification, stored with its retour, and changes nothing; the same identification
in another message type, or a new identification, is processed as usual.
"""

from __future__ import annotations

import dataclasses
import threading

import pytest
from fastapi.testclient import TestClient

from wlz import iwlz
from wlz.iwlz.validation import RECEIVER_CHECKS, rule_text

# tests/ is on sys.path as pytest's rootdir-based import puts it there (tests/zorgkantoor is a package)
from zorgkantoor.helpers import AGB_EIGEN, bouw_wereld
from zorgkantoor.test_iwlz_mutaties import C, Keten
from zorgkantoor.test_iwlz_service import _h, _io31

pytestmark = pytest.mark.postgres

KOP = "/Bericht/Header/BerichtIdentificatie/Identificatie"


@pytest.fixture
def w(tmp_path):
    from wlz.platform.database import make_engine
    from wlz.zorgkantoor.storage import migrate
    from zorgkantoor.conftest import OP_POSTGRES, _pg_engine

    if OP_POSTGRES:
        engine, opruimen = _pg_engine()
    else:
        engine = make_engine(f"sqlite:///{tmp_path / 'wlz.sqlite'}")
        opruimen = engine.dispose
    migrate.upgrade(engine)
    yield bouw_wereld(engine)
    opruimen()


def _aantallen(w) -> dict[str, int]:
    with w.app.state.uow() as uow:
        return {s: uow.berichten.aantal(s) for s in ("IO31", "IO32", "AW35", "AW36", "AW39", "AW310", "CA317", "CA319")}


def _tr056(w, api, r, identificatie: str, soort: str) -> None:
    """Refused by TR056: 422 naming the rule on the header's Identificatie with its Dutch text and a reason naming
    the identification; stored as refused; its retour (downloaded) carries 9056 and nothing else."""
    assert r.status_code == 422, r.text
    antwoord = r.json()
    fout = antwoord["detail"][0]
    assert fout["type"] == "iwlz.TR056" and KOP in fout["msg"], fout
    assert rule_text("TR056") in fout["msg"] and f"{soort}-bericht met identificatie {identificatie}" in fout["msg"]
    b = antwoord["bericht"]
    assert b["resultaat"] == "geweigerd" and b["identificatie"] == identificatie
    assert [x["retourcode"] for x in b["bevindingen"]] == ["9056"]
    xml = api.get(f"/api/berichten/{b['id']}/retour", headers=_h(w, "beoordelaar"))
    retour = iwlz.read_retour(xml.content)
    assert not retour.geaccepteerd and {c.code for c in retour.afwijkingen} == {"9056"}
    assert all(c.pad.startswith("/Bericht/Header") for c in retour.afwijkingen)


def test_the_check_is_tr056_with_retourcode_9056():
    check = RECEIVER_CHECKS["identificatie"]
    assert check.rule == "TR056" and check.retourcode == "9056"
    assert rule_text("TR056") == "Identificatie moet per berichtsoort uniek zijn voor de verzendende partij."


def test_a_second_io31_with_a_received_identification_is_refused_and_registers_nothing(w):
    api = TestClient(w.app)
    eerste = _io31(11)
    r = api.post("/api/berichten/io31", content=iwlz.build_io31(eerste), headers=_h(w, "beoordelaar"))
    assert r.status_code == 201, r.text
    voor = _aantallen(w)
    with w.app.state.uow() as uow:
        clients = uow.clients.aantal()
    # another client and indicatiebesluit, valid in every other way, under the identification already used
    tweede = dataclasses.replace(_io31(12), identificatie=eerste.identificatie)
    r = api.post("/api/berichten/io31", content=iwlz.build_io31(tweede), headers=_h(w, "beoordelaar"))
    _tr056(w, api, r, eerste.identificatie, "IO31")
    assert tweede.clienten[0].client.bsn not in r.text
    assert _aantallen(w) == {**voor, "IO31": voor["IO31"] + 1, "IO32": voor["IO32"] + 1}
    with w.app.state.uow() as uow:
        assert uow.clients.aantal() == clients
        assert uow.indicaties.met_besluitnummer(str(tweede.clienten[0].indicatie.besluitnummer)) is None
    # the same message under an identification of its own is processed as usual
    derde = dataclasses.replace(tweede, identificatie="IO0000009999")
    r = api.post("/api/berichten/io31", content=iwlz.build_io31(derde), headers=_h(w, "beoordelaar"))
    assert r.status_code == 201, r.text


def test_a_second_aw35_with_a_received_identification_is_refused_and_changes_nothing(w):
    api = TestClient(w.app)
    k = Keten(w, api, seed=61)
    r = k.aw35()
    assert r.status_code == 201, r.text
    ident = r.json()["bericht"]["identificatie"]
    voor = _aantallen(w)
    toewijzing = k.toewijzing()
    # the same identification again (the next report of this provider, reusing an identification)
    k.n -= 1
    r = k.aw35()
    _tr056(w, api, r, ident, "AW35")
    assert k.client.bsn not in r.text
    assert _aantallen(w) == {**voor, "AW35": voor["AW35"] + 1, "AW36": voor["AW36"] + 1}  # no CA317
    assert k.toewijzing() == toewijzing


def test_a_refused_message_uses_up_its_identification_too(w):
    """A corrected message is a new message: it needs a new identification (the first was received, refused)."""
    api = TestClient(w.app)
    k = Keten(w, api, seed=62)
    # an end of care for care never started: refused by TR069
    r = k.aw39(C.BEEINDIGD_TOEWIJZING_SLUITEN, k.start)
    assert r.status_code == 422 and r.json()["detail"][0]["type"] == "iwlz.TR069"
    ident = r.json()["bericht"]["identificatie"]
    # corrected (care started first), but sent again under the refused message's identification
    assert k.aw35().status_code == 201
    nummer = k._id
    k._id = lambda prefix: ident
    r = k.aw39(C.BEEINDIGD_TOEWIJZING_SLUITEN, k.start)
    _tr056(w, api, r, ident, "AW39")
    assert k.toewijzing()["status"] == "in_zorg"
    # with a new identification the end of care is processed, and the CAK hears of it
    k._id = nummer
    voor = _aantallen(w)
    r = k.aw39(C.BEEINDIGD_TOEWIJZING_SLUITEN, k.start)
    assert r.status_code == 201, r.text
    assert k.toewijzing()["status"] == "beeindigd" and _aantallen(w)["CA319"] == voor["CA319"] + 1


def test_the_identification_is_unique_per_message_type(w):
    """TR056 is per berichtsoort: an AW39 may carry the identification of an AW35 of the same provider."""
    api = TestClient(w.app)
    k = Keten(w, api, seed=63)
    r = k.aw35()
    assert r.status_code == 201, r.text
    ident = r.json()["bericht"]["identificatie"]
    k._id = lambda prefix: ident  # the AW39 gets the AW35's identification
    r = k.aw39(C.BEEINDIGD_TOEWIJZING_SLUITEN, k.start)
    assert r.status_code == 201, r.text
    with w.app.state.uow() as uow:
        berichten = [b for b in uow.berichten.lijst(limit=1000) if b.afzender == AGB_EIGEN and b.richting == "in"]
    assert len({(b.soort, b.identificatie) for b in berichten}) == len(berichten)
    assert {(b.soort, b.identificatie) for b in berichten} >= {("AW35", ident), ("AW39", ident)}


def test_two_copies_received_at_the_same_moment_one_is_accepted(w):
    """Two requests with the same AW35 at once (a sender retrying while the first is in flight): exactly one is
    processed, the other refused by TR056 — on PostgreSQL the check holds a lock on the identification until
    its transaction ends, on SQLite the write lock does."""
    api = TestClient(w.app)
    k = Keten(w, api, seed=64)
    b = iwlz.AW35Bericht(
        afzender=AGB_EIGEN,
        ontvanger="5509",
        identificatie="MA0000077777",
        dagtekening=k.start,
        clienten=(
            iwlz.AW35Client(
                k.client,
                (
                    iwlz.GeleverdZzp(
                        besluitnummer=int(k.ind["besluitnummer"]),
                        zzp_code="808",
                        toewijzing_ingangsdatum=k.zzp.ingangsdatum,
                        begindatum=k.start,
                        instelling=AGB_EIGEN,
                        leveringsvorm=k.zzp.leveringsvorm,
                        behandeling=False,
                        klasse="KE7",
                    ),
                ),
            ),
        ),
    )
    xml = iwlz.build_aw35(b)
    start = threading.Barrier(2)
    statussen: list[int] = []

    def stuur() -> None:
        with TestClient(w.app) as c:
            start.wait()
            statussen.append(c.post("/api/berichten/aw35", content=xml, headers=_h(w, "aanbieder")).status_code)

    draden = [threading.Thread(target=stuur) for _ in range(2)]
    for d in draden:
        d.start()
    for d in draden:
        d.join(60)
    assert sorted(statussen) == [201, 422]
    assert _aantallen(w)["CA317"] == 1
