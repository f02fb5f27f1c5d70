"""Issue 9 item 11: a new indicatiebesluit (IO31) for a client who has one ends the old one, and the
assignments under it are withdrawn (AW33 with Einddatum and RedenIntrekking 3, herindicatie) and continued
under the new decision (a new AW33) — every AW33 XSD- and XSLT-valid — so a client never holds two valid
decisions on one day. Two IO31s are imported in turn through the API, as the CIZ would send them."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from fastapi.testclient import TestClient

from wlz import iwlz
from wlz.iwlz import voorbeelden

from .helpers import AGB_EIGEN, bouw_wereld, web_client

pytestmark = pytest.mark.postgres

XML = {"Content-Type": "application/xml"}
START = dt.date(2025, 3, 3)
HERINDICATIE = dt.date(2025, 9, 1)


@pytest.fixture
def w(engine):
    return bouw_wereld(engine)


def _h(w, rol, xml=True):
    return {"Authorization": f"Bearer {w.tokens[rol]}", **(XML if xml else {})}


def _eerste(seed=11):
    return voorbeelden.keten(seed, zzp_code="808", start=START).io31  # VG5


def _opvolger(io31, *, ingang=HERINDICATIE, zzp="810", nummer_plus=1, identificatie="IO0000000002"):
    """The CIZ's next decision for the same client: a higher besluitnummer, another zzp (VG6), from ``ingang``."""
    cl = io31.clienten[0]
    ind = cl.indicatie
    nieuw = dataclasses.replace(
        ind,
        besluitnummer=ind.besluitnummer + nummer_plus,
        afgiftedatum=ingang - dt.timedelta(days=10),
        ingangsdatum=ingang,
        zorgzwaartepakketten=(dataclasses.replace(ind.zorgzwaartepakketten[0], zzp_code=zzp, ingangsdatum=ingang),),
        functies=tuple(dataclasses.replace(f, ingangsdatum=ingang) for f in ind.functies),
    )
    return dataclasses.replace(
        io31,
        identificatie=identificatie,
        dagtekening=ingang - dt.timedelta(days=10),
        clienten=(dataclasses.replace(cl, indicatie=nieuw),),
    )


def _importeer(api, w, io31):
    return api.post("/api/berichten/io31", content=iwlz.build_io31(io31), headers=_h(w, "beoordelaar"))


def _toewijzing(api, w, client_id, van, zorgprofiel="VG5", leveringsvorm="verblijf"):
    r = api.post(
        f"/api/clients/{client_id}/toewijzingen",
        json={
            "agb_code": AGB_EIGEN,
            "leveringsvorm": leveringsvorm,
            "van": van.isoformat(),
            "zorgprofiel": zorgprofiel,
        },
        headers=_h(w, "beoordelaar", xml=False),
    )
    assert r.status_code == 201, r.text
    return r.json()


def _start_zorg(api, w, io31, tw, begin):
    """The provider reports the start of care (AW35) on the assignment."""
    cl = io31.clienten[0]
    aw35 = iwlz.AW35Bericht(
        afzender=AGB_EIGEN,
        ontvanger="5509",
        identificatie="MA0000000011",
        dagtekening=begin,
        clienten=(
            iwlz.AW35Client(
                client=cl.client.kort(),
                geleverde_zzps=(
                    iwlz.GeleverdZzp(
                        besluitnummer=cl.indicatie.besluitnummer,
                        zzp_code="808",
                        toewijzing_ingangsdatum=dt.date.fromisoformat(tw["van"]),
                        begindatum=begin,
                        instelling=AGB_EIGEN,
                        leveringsvorm=iwlz.Leveringsvorm.VERBLIJF,
                        behandeling=False,
                        klasse="KE7",
                    ),
                ),
            ),
        ),
    )
    r = api.post("/api/berichten/aw35", content=iwlz.build_aw35(aw35), headers=_h(w, "aanbieder"))
    assert r.status_code == 201, r.text


def test_a_second_io31_ends_the_first_decision_and_moves_its_assignments(w):
    api = TestClient(w.app)
    eerste = _eerste()
    r = _importeer(api, w, eerste)
    assert r.status_code == 201, r.text
    oud = r.json()["indicaties"][0]
    assert oud["vervangt"] == [] and oud["aw33"] == []
    client_id = oud["client_id"]
    ingang_oud = eerste.clienten[0].indicatie.ingangsdatum
    lopend = _toewijzing(api, w, client_id, ingang_oud)  # care runs from START (AW35)
    _start_zorg(api, w, eerste, lopend, START)
    later = _toewijzing(api, w, client_id, dt.date(2025, 10, 1))  # assigned, but from after the new decision

    tweede = _opvolger(eerste)
    r = _importeer(api, w, tweede)
    assert r.status_code == 201, r.text
    nieuw = r.json()["indicaties"][0]
    assert nieuw["vervangt"] == [oud["besluitnummer"]] and nieuw["zorgprofiel"] == "VG6"
    assert len(nieuw["aw33"]) == 3  # withdrawal of the running one, its successor, the moved one

    d = api.get(f"/api/clients/{client_id}", headers=_h(w, "beoordelaar", xml=False)).json()
    inds = {i["besluitnummer"]: i for i in d["indicaties"]}
    assert inds[oud["besluitnummer"]]["einddatum"] == "2025-08-31"  # the day before the new one begins
    assert inds[nieuw["besluitnummer"]]["ingangsdatum"] == "2025-09-01"
    # never two valid decisions on one day
    with w.app.state.uow() as uow:
        alle = list(uow.indicaties.van_client(client_id))
        for dag in (ingang_oud, dt.date(2025, 8, 31), HERINDICATIE, dt.date(2030, 1, 1)):
            assert sum(i.geldig_op(dag) for i in alle) == 1, dag

    tws = {t["id"]: t for t in d["toewijzingen"]}
    oud_tw = tws[lopend["id"]]
    assert oud_tw["tot"] == "2025-08-31" and oud_tw["status"] == "in_zorg"  # the provider ends care (AW39)
    assert oud_tw["einde_reden"].startswith("Ingetrokken per 2025-08-31")
    opvolger = [t for t in d["toewijzingen"] if t["indicatie_id"] == nieuw["id"] and t["van"] == "2025-09-01"]
    assert len(opvolger) == 1 and opvolger[0]["zorgprofiel"] == "VG6" and opvolger[0]["status"] == "toegewezen"
    assert opvolger[0]["agb_code"] == AGB_EIGEN and opvolger[0]["leveringsvorm"] == "verblijf"
    verplaatst = tws[later["id"]]
    assert verplaatst["indicatie_id"] == nieuw["id"] and verplaatst["zorgprofiel"] == "VG6"

    # every AW33 written is valid (XSD + XSLT) and says what it does
    soorten = []
    for bid in nieuw["aw33"]:
        r = api.get(f"/api/berichten/{bid}", headers=_h(w, "beoordelaar", xml=False))
        assert r.status_code == 200
        assert iwlz.validate(r.content).naam == "AW33" and iwlz.check(r.content, "AW33").valid
        aw33 = iwlz.read_aw33(r.content)
        cl = aw33.clienten[0]
        zzp = cl.toegewezen_zzps[0]
        soorten.append((cl.indicatie.besluitnummer, zzp.zzp_code, zzp.einddatum, zzp.reden_intrekking))
    herindicatie = iwlz.RedenIntrekking.HERINDICATIE
    oud_nr, nieuw_nr = int(oud["besluitnummer"]), int(nieuw["besluitnummer"])
    assert (oud_nr, "808", dt.date(2025, 8, 31), herindicatie) in soorten
    assert sum(1 for s in soorten if s[0] == nieuw_nr and s[1] == "810" and s[3] is None) == 2

    # the provider can still end the running care on the old key (AW39, mutation 19) within the withdrawal
    cl = eerste.clienten[0]
    aw39 = iwlz.AW39Bericht(
        afzender=AGB_EIGEN,
        ontvanger="5509",
        identificatie="MM0000000011",
        dagtekening=dt.date(2025, 9, 1),
        clienten=(
            iwlz.AW39Client(
                client=cl.client.kort(),
                mutatie_zzps=(
                    iwlz.MutatieZzp(
                        besluitnummer=oud_nr,
                        zzp_code="808",
                        toewijzing_ingangsdatum=ingang_oud,
                        instelling=AGB_EIGEN,
                        mutatiecode=iwlz.MutatieCode.BEEINDIGD_TOEWIJZING_SLUITEN,
                        mutatiedatum=dt.date(2025, 8, 31),
                        leveringsstatus=iwlz.Leveringsstatus.EINDE_ZORGVRAAG,
                        leveringsvorm=iwlz.Leveringsvorm.VERBLIJF,
                        begindatum=START,
                    ),
                ),
            ),
        ),
    )
    r = api.post("/api/berichten/aw39", content=iwlz.build_aw39(aw39), headers=_h(w, "aanbieder"))
    assert r.status_code == 201, r.text
    assert r.json()["ca319"] is not None  # the CAK hears the old delivery ended

    # the client page shows the old decision as replaced
    pagina = web_client(w, "beoordelaar").get(f"/clienten/{client_id}").text
    assert f"vervangen door besluit {nieuw['besluitnummer']}" in pagina


def test_a_decision_with_a_lower_besluitnummer_or_no_later_start_is_refused_whole(w):
    api = TestClient(w.app)
    eerste = _eerste(12)
    r = _importeer(api, w, eerste)
    assert r.status_code == 201
    client_id = r.json()["indicaties"][0]["client_id"]
    lager = _opvolger(eerste, nummer_plus=-1, identificatie="IO0000000003")
    r = _importeer(api, w, lager)
    assert r.status_code == 422 and "TR079" in r.text and "Besluitnummer" in r.text
    assert r.json()["retour"]["soort"] == "IO32"
    vroeg = _opvolger(eerste, ingang=eerste.clienten[0].indicatie.ingangsdatum, identificatie="IO0000000004")
    r = _importeer(api, w, vroeg)
    assert r.status_code == 422 and "gaat niet in na het geldende besluit" in r.text
    d = api.get(f"/api/clients/{client_id}", headers=_h(w, "beoordelaar", xml=False)).json()
    # nothing half-written: one decision, still open-ended
    assert len(d["indicaties"]) == 1 and d["indicaties"][0]["einddatum"] == eerste.clienten[0].indicatie.einddatum


def test_an_assignment_iwlz_cannot_carry_does_not_block_the_new_decision(w):
    """A group function without Vervoer (the service records none) has no valid AW33: the new decision is still
    registered, the assignment continued, and its history says why no AW33 was made."""
    api = TestClient(w.app)
    eerste = _eerste(13)
    r = _importeer(api, w, eerste)
    assert r.status_code == 201, r.text
    client_id = r.json()["indicaties"][0]["client_id"]
    r = api.post(
        f"/api/clients/{client_id}/toewijzingen",
        json={
            "agb_code": AGB_EIGEN,
            "leveringsvorm": "mpt",
            "van": eerste.clienten[0].indicatie.ingangsdatum.isoformat(),
            "functie": "64",
            "klasse": "KD01",
        },
        headers=_h(w, "beoordelaar", xml=False),
    )
    assert r.status_code == 201, r.text
    r = _importeer(api, w, _opvolger(eerste, identificatie="IO0000000013"))
    assert r.status_code == 201, r.text
    with w.app.state.uow() as uow:
        tws = list(uow.toewijzingen.van_client(client_id))
    assert len(tws) == 2 and all(t.functie == "64" for t in tws)
    assert any(m["code"] == "geen AW33" for t in tws for m in t.mutaties or [])
