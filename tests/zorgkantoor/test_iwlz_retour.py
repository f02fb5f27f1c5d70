"""Every message the zorgkantoor receives is checked like a chain partner checks it (XSD + the official XSLT rules)
and answered with its retour: per incoming kind one broken CD, CS and TR rule gives a refusal naming the rule, the
element and its Dutch text, stored with its retour (IO32, AW36, AW310) and nothing else of it; the sender
downloads the retour (API and page, logged); the message lists show each message's result. Retours partners send
back (AW34, CA318, CA320) set the result of the zorgkantoor's own message."""

from __future__ import annotations

import datetime as dt

import pytest
from fastapi.testclient import TestClient
from tests.iwlz.test_iwlz_validatie import GEBROKEN, _zonder_regels

from wlz import iwlz

from .helpers import AGB_EIGEN, bouw_wereld, csrf_van, web_client
from .test_iwlz_service import _h, _io31, _toewijzing_na_io31

pytestmark = pytest.mark.postgres

ROUTE = {"IO31": ("/api/berichten/io31", "beoordelaar"), "AW35": ("/api/berichten/aw35", "aanbieder")}
ROUTE["AW39"] = ("/api/berichten/aw39", "aanbieder")


@pytest.fixture
def w(engine):
    return bouw_wereld(engine)


def _tel(w, soort: str) -> int:
    with w.app.state.uow() as uow:
        return uow.berichten.aantal(soort)


@pytest.mark.parametrize("geval", sorted(GEBROKEN))
def test_gebroken_regel_geweigerd_met_retour_en_verder_niets(w, geval):
    maak, regel, retourcode, klasse = GEBROKEN[geval]
    soort = geval[:4]
    bericht = maak(AGB_EIGEN)  # a provider's message: sent by its own AGB code
    bsns = [c.client.bsn for c in bericht.clienten]
    route, rol = ROUTE[soort]
    api = TestClient(w.app)
    voor = (_tel(w, soort), _tel(w, iwlz.RETOUR_VAN[soort]))
    r = api.post(route, content=_zonder_regels(bericht), headers=_h(w, rol))
    assert r.status_code == 422, r.text
    antwoord = r.json()
    fout = next(d for d in antwoord["detail"] if d["type"] == f"iwlz.{regel}")
    assert fout["msg"].startswith(f"regel {regel} bij /Bericht/") and iwlz.validation.rule_text(regel) in fout["msg"]
    assert all(b not in r.text for b in bsns)
    assert antwoord["bericht"]["resultaat"] == "geweigerd"
    assert any(b["code"] == regel and b["retourcode"] == retourcode for b in antwoord["bericht"]["bevindingen"])
    retour = antwoord["retour"]
    assert retour["soort"] == iwlz.RETOUR_VAN[soort] and retour["retour_van"] == antwoord["bericht"]["id"]
    # the sender downloads the retour; it names the broken rule's retourcode on the right berichtklasse
    xml = api.get(f"/api/berichten/{antwoord['bericht']['id']}/retour", headers=_h(w, rol))
    assert xml.status_code == 200
    gelezen = iwlz.read_retour(xml.content)
    assert any(c.code == retourcode and c.pad.rsplit("/", 1)[-1].split("[")[0] == klasse for c in gelezen.afwijkingen)
    # stored with its retour and nothing else of it
    assert (_tel(w, soort), _tel(w, retour["soort"])) == (voor[0] + 1, voor[1] + 1)
    with w.app.state.uow() as uow:
        if soort == "IO31":  # no client, no indication from a refused IO31
            assert all(uow.clients.met_bsn(b) is None for b in bsns)
        logregels = [x.onderwerp for x in uow.toegangslog.zoek(limit=50)]
    assert f"{retour['soort']}-bericht" in logregels  # the download is in the NEN 7513 access log


def test_goed_bericht_krijgt_retour_0200_en_de_lijst_toont_het_resultaat(w):
    api = TestClient(w.app)
    r = api.post("/api/berichten/io31", content=iwlz.build_io31(_io31(31)), headers=_h(w, "beoordelaar"))
    assert r.status_code == 201, r.text
    b, retour = r.json()["bericht"], r.json()["retour"]
    assert b["resultaat"] == "geaccepteerd" and retour["soort"] == "IO32" and b["retour_id"] == retour["id"]
    io32 = iwlz.read_retour(api.get(f"/api/berichten/{b['id']}/retour", headers=_h(w, "beoordelaar")).content)
    assert io32.geaccepteerd and io32.identificatie == _io31(31).identificatie
    lijst = api.get(f"/api/clients/{r.json()['indicaties'][0]['client_id']}/berichten", headers=_h(w, "beoordelaar"))
    assert {(x["soort"], x["resultaat"]) for x in lijst.json()} >= {("IO31", "geaccepteerd"), ("IO32", "geaccepteerd")}
    # the pages: the list shows the result and links to the retour
    c = web_client(w, "beoordelaar")
    pagina = c.get("/berichten").text
    assert "Geaccepteerd" in pagina and f"/berichten/{b['id']}/retour" in pagina
    assert c.get(f"/berichten/{b['id']}/retour").status_code == 200


def test_geweigerd_bericht_op_de_pagina_met_regels_en_retour(w):
    maak, regel, _, _ = GEBROKEN["AW35-CD"]
    bericht = maak(AGB_EIGEN)
    c = web_client(w, "aanbieder")
    r = c.post(
        "/berichten/melding",
        data={"csrf": csrf_van(c)},
        files={"bestand": ("aw35.xml", _zonder_regels(bericht), "application/xml")},
    )
    assert r.status_code == 422
    assert regel in r.text and "GeleverdZorgzwaartepakket" in r.text and "retourbericht downloaden" in r.text
    assert bericht.clienten[0].client.bsn not in r.text


def test_niet_xml_of_ander_bericht_krijgt_geen_retour_en_wordt_niet_bewaard(w):
    api = TestClient(w.app)
    voor = _tel(w, "IO31")
    r = api.post("/api/berichten/io31", content=b"<kapot", headers=_h(w, "beoordelaar"))
    assert r.status_code == 422 and "geen geldige XML" in r.text
    aw35 = iwlz.build_aw35(_een_aw35())
    r = api.post("/api/berichten/io31", content=aw35, headers=_h(w, "beoordelaar"))
    assert r.status_code == 422 and "geen IO31" in r.text
    assert _tel(w, "IO31") == voor and _tel(w, "IO32") == 0


def _een_aw35():
    from wlz.iwlz.voorbeelden import keten

    return keten(5, instelling=AGB_EIGEN).aw35


def _aw33(w, api):
    io31, ind, tw = _toewijzing_na_io31(w, api, seed=41)
    r = api.post(f"/api/toewijzingen/{tw['id']}/aw33", headers=_h(w, "beoordelaar"))
    lijst = api.get(f"/api/clients/{ind['client_id']}/berichten", headers=_h(w, "beoordelaar")).json()
    return r.content, next(b for b in lijst if b["soort"] == "AW33")


def test_aw34_van_de_aanbieder_zet_het_resultaat_van_de_aw33(w):
    api = TestClient(w.app)
    xml, aw33 = _aw33(w, api)
    # the provider refuses our AW33 on rule CD051 (as if): its AW34 names D051 on the zzp
    pad = "/Bericht/Clienten/Client/Indicatie/ToegewezenZorgzwaartepakketten/ToegewezenZorgzwaartepakket/Klasse"
    rapport = iwlz.Report("AW33", (iwlz.Finding("CD051", (pad,), iwlz.validation.rule_text("CD051")),))
    aw34 = iwlz.build_retour(xml, rapport, identificatie="AGB-RT-1", dagtekening=dt.date.today())
    r = api.post("/api/berichten/retour", content=aw34, headers=_h(w, "aanbieder"))
    assert r.status_code == 201, r.text
    assert r.json()["soort"] == "AW34" and r.json()["retour_van"] == aw33["id"] and r.json()["resultaat"] == "geweigerd"
    terug = api.get(f"/api/berichten/{aw33['id']}/retour", headers=_h(w, "beoordelaar"))
    assert terug.status_code == 200 and terug.content == aw34  # the AW34 is the AW33's retour now
    with w.app.state.uow() as uow:
        b = uow.berichten.get(aw33["id"])
        assert b.resultaat == "geweigerd" and b.bevindingen[0]["code"] == "D051"
    # a retour on a message that is not ours: refused, nothing stored
    anders = aw34.replace(aw33["identificatie"].encode(), b"ONBEKEND0001")
    r = api.post("/api/berichten/retour", content=anders, headers=_h(w, "aanbieder"))
    assert r.status_code == 422 and _tel(w, "AW34") == 1


def test_ca318_van_het_cak_bevestigt_de_ca317(w):
    api = TestClient(w.app)
    io31, ind, tw = _toewijzing_na_io31(w, api, seed=42)
    aw33 = iwlz.read_aw33(api.post(f"/api/toewijzingen/{tw['id']}/aw33", headers=_h(w, "beoordelaar")).content)
    zzp = aw33.clienten[0].toegewezen_zzps[0]
    regel = iwlz.GeleverdZzp(
        besluitnummer=int(ind["besluitnummer"]),
        zzp_code="808",
        toewijzing_ingangsdatum=zzp.ingangsdatum,
        begindatum=zzp.ingangsdatum,
        instelling=AGB_EIGEN,
        leveringsvorm=zzp.leveringsvorm,
        klasse="KE7",
    )
    aw35 = iwlz.AW35Bericht(
        afzender=AGB_EIGEN,
        ontvanger="5509",
        identificatie="MA0000000042",
        dagtekening=zzp.ingangsdatum,
        clienten=(iwlz.AW35Client(client=aw33.clienten[0].client.kort(), geleverde_zzps=(regel,)),),
    )
    r = api.post("/api/berichten/aw35", content=iwlz.build_aw35(aw35), headers=_h(w, "aanbieder"))
    assert r.status_code == 201 and r.json()["retour"]["soort"] == "AW36", r.text
    ca317 = api.get(f"/api/berichten/{r.json()['ca317']['id']}", headers=_h(w, "beoordelaar")).content
    ca318 = iwlz.build_retour(ca317, iwlz.check(ca317), identificatie="CAK-1", dagtekening=dt.date.today())
    r = api.post("/api/berichten/retour", content=ca318, headers=_h(w, "beoordelaar"))
    assert r.status_code == 201 and r.json()["resultaat"] == "geaccepteerd", r.text
    # a provider may not hand in the CAK's retour
    assert api.post("/api/berichten/retour", content=ca318, headers=_h(w, "aanbieder")).status_code == 403
