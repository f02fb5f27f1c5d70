"""A message that meets the XSD and the XSLT rules but that the zorgkantoor's own checks refuse (the rules that
need earlier messages: TR019, TR063, TR069, TR078, ...; or a case the service does not process: 0001) is
answered like any other refusal: a 422 naming the rule, the element and the Dutch text, the message stored as
``geweigerd`` with its retour carrying the rule's retourcode — and nothing else of it (no start or end of care,
no mutation, no client, no message for the CAK)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from fastapi.testclient import TestClient
from lxml import etree

from wlz import iwlz
from wlz.iwlz.validation import RECEIVER_CHECKS

from .helpers import AGB_ANDER, AGB_EIGEN, bouw_wereld, csrf_van, web_client
from .test_iwlz_mutaties import C, Keten, _aw39_met_aanvraag
from .test_iwlz_service import _h, _io31

pytestmark = pytest.mark.postgres

ZZP35 = "/Bericht/Clienten/Client/GeleverdeZorgzwaartepakketten/GeleverdZorgzwaartepakket"
ZZP39 = "/Bericht/Clienten/Client/MutatieZorgzwaartepakketten/MutatieZorgzwaartepakket"


@pytest.fixture
def w(engine):
    return bouw_wereld(engine)


def _aantallen(w) -> dict[str, int]:
    with w.app.state.uow() as uow:
        return {s: uow.berichten.aantal(s) for s in ("IO31", "IO32", "AW35", "AW36", "AW39", "AW310", "CA317", "CA319")}


def _aw35(k: Keten, *regels: iwlz.GeleverdZzp, afzender: str = AGB_EIGEN) -> bytes:
    b = iwlz.AW35Bericht(
        afzender=afzender,
        ontvanger="5509",
        identificatie=k._id("MA"),
        dagtekening=k.start,
        clienten=(iwlz.AW35Client(k.client, regels),),
    )
    return iwlz.build_aw35(b)


def _regel(k: Keten, **anders) -> iwlz.GeleverdZzp:
    velden = dict(
        besluitnummer=int(k.ind["besluitnummer"]),
        zzp_code="808",
        toewijzing_ingangsdatum=k.zzp.ingangsdatum,
        begindatum=k.start,
        instelling=AGB_EIGEN,
        leveringsvorm=k.zzp.leveringsvorm,
        behandeling=False,
        klasse="KE7",
    )
    return iwlz.GeleverdZzp(**{**velden, **anders})


def _geweigerd(w, api, r, regel: str, pad: str, retourcode: str, *, rol="aanbieder") -> iwlz.Retour:
    """The refusal as the sender sees it: 422, the rule with its element and Dutch text, the stored message and
    its retour (downloaded), which carries ``retourcode``."""
    assert r.status_code == 422, r.text
    antwoord = r.json()
    fout = antwoord["detail"][0]
    assert fout["type"] == f"iwlz.{regel}" and pad in fout["msg"], fout
    tekst = iwlz.validation.rule_text(regel) if regel != "0001" else iwlz.validation.retourcodes()["0001"]
    assert tekst and tekst in fout["msg"]
    b = antwoord["bericht"]
    assert b["resultaat"] == "geweigerd" and b["bevindingen"][0]["retourcode"] == retourcode
    assert antwoord["retour"]["retour_van"] == b["id"]
    xml = api.get(f"/api/berichten/{b['id']}/retour", headers=_h(w, rol))
    assert xml.status_code == 200
    retour = iwlz.read_retour(xml.content)
    assert not retour.geaccepteerd and {c.code for c in retour.afwijkingen} == {retourcode}
    return retour


def test_geen_passende_toewijzing_tr019_op_de_regel_en_verder_niets(w):
    api = TestClient(w.app)
    k = Keten(w, api, seed=51)
    voor = _aantallen(w)
    # the first line is right, the second names a besluitnummer not assigned to this provider: the whole message
    # is refused, and the first line's start of care is not recorded either
    r = api.post(
        "/api/berichten/aw35",
        content=_aw35(k, _regel(k), _regel(k, besluitnummer=123)),
        headers=_h(w, "aanbieder"),
    )
    retour = _geweigerd(w, api, r, "TR019", f"{ZZP35}[2]", "9019")
    assert [c.pad.rsplit("/", 1)[-1] for c in retour.afwijkingen] == ["GeleverdZorgzwaartepakket[2]"]
    assert k.client.bsn not in r.text
    na = _aantallen(w)
    assert na == {**voor, "AW35": voor["AW35"] + 1, "AW36": voor["AW36"] + 1}  # no CA317
    t = k.toewijzing()
    assert t["status"] == "toegewezen" and t["aanvang_zorg"] is None and k.mutaties().json()["mutaties"] == []
    # the page shows the rule and the retour to download
    c = web_client(w, "aanbieder")
    r = c.post(
        "/berichten/melding",
        data={"csrf": csrf_van(c)},
        files={"bestand": ("aw35.xml", _aw35(k, _regel(k, besluitnummer=123)), "application/xml")},
    )
    assert r.status_code == 422 and "TR019" in r.text and "retourbericht downloaden" in r.text
    assert k.client.bsn not in r.text


def test_mutatie_die_niet_past_tr078_en_tr069(w):
    api = TestClient(w.app)
    k = Keten(w, api, seed=52)
    # an end of care for care never started: TR069 (no start of care for its Begindatum)
    voor = _aantallen(w)
    r = k.aw39(C.BEEINDIGD_TOEWIJZING_SLUITEN, k.start + dt.timedelta(days=4))
    _geweigerd(w, api, r, "TR069", f"{ZZP39}/Mutatiecode", "9069")
    assert _aantallen(w) == {**voor, "AW39": voor["AW39"] + 1, "AW310": voor["AW310"] + 1}
    assert k.toewijzing()["status"] == "toegewezen" and k.mutaties().json()["mutaties"] == []
    # after the start of care, an overdracht (21) no longer fits: TR078; the care and its history stay as they were
    assert k.aw35().status_code == 201
    voor = _aantallen(w)
    r = k.aw39(C.OVERDRACHT_TOEWIJZING, k.start + dt.timedelta(days=4), begindatum=None, bestemming=AGB_ANDER)
    _geweigerd(w, api, r, "TR078", f"{ZZP39}/Mutatiecode", "9078")
    assert _aantallen(w) == {**voor, "AW39": voor["AW39"] + 1, "AW310": voor["AW310"] + 1}  # no CA319
    t = k.toewijzing()
    assert t["status"] == "in_zorg" and t["einde_zorg"] is None and k.mutaties().json()["mutaties"] == []


def test_status_aanlevering_3_tr063_zonder_eerdere_en_0001_met(w):
    api = TestClient(w.app)
    k = Keten(w, api, seed=53)
    drie = iwlz.StatusAanlevering.VERWIJDEREN_AANLEVERING
    # deleting a start of care never reported: TR063, on the line
    r = api.post(
        "/api/berichten/aw35", content=_aw35(k, _regel(k, status_aanlevering=drie)), headers=_h(w, "aanbieder")
    )
    retour = _geweigerd(w, api, r, "TR063", f"{ZZP35}/StatusAanlevering", "9063")
    assert retour.afwijkingen[0].pad.endswith("GeleverdZorgzwaartepakket")
    assert k.toewijzing()["status"] == "toegewezen"
    # deleting one that was reported is valid, but this service does not undo reports: 0001, the header alone
    assert k.aw35().status_code == 201
    voor = _aantallen(w)
    r = api.post(
        "/api/berichten/aw35", content=_aw35(k, _regel(k, status_aanlevering=drie)), headers=_h(w, "aanbieder")
    )
    retour = _geweigerd(w, api, r, "0001", f"{ZZP35}/StatusAanlevering", "0001")
    assert [c.pad for c in retour.afwijkingen] == ["/Bericht/Header"]
    assert "StatusAanlevering 3" in r.json()["detail"][0]["msg"]
    assert _aantallen(w) == {**voor, "AW35": voor["AW35"] + 1, "AW36": voor["AW36"] + 1}
    assert k.toewijzing()["status"] == "in_zorg"


def test_aanvraag_aangepaste_toewijzing_0001_en_verder_niets(w):
    api = TestClient(w.app)
    k = Keten(w, api, seed=54)
    assert k.aw35().status_code == 201
    voor = _aantallen(w)
    r = api.post("/api/berichten/aw39", content=iwlz.build_aw39(_aw39_met_aanvraag(k)), headers=_h(w, "aanbieder"))
    retour = _geweigerd(w, api, r, "0001", "/Bericht/Clienten/Client/Aanvragen/Aanvraag", "0001")
    assert [c.pad for c in retour.afwijkingen] == ["/Bericht/Header"]
    assert _aantallen(w) == {**voor, "AW39": voor["AW39"] + 1, "AW310": voor["AW310"] + 1}
    assert k.toewijzing()["status"] == "in_zorg" and k.mutaties().json()["mutaties"] == []


def test_verkeerde_afzender_0001_op_de_header_bewaard_voor_de_inzender(w):
    api = TestClient(w.app)
    k = Keten(w, api, seed=55)
    voor = _aantallen(w)
    # the provider's account (AGB_EIGEN) sends a message in another provider's name
    xml = _aw35(k, _regel(k, instelling=AGB_ANDER), afzender=AGB_ANDER)
    r = api.post("/api/berichten/aw35", content=xml, headers=_h(w, "aanbieder"))
    retour = _geweigerd(w, api, r, "0001", "/Bericht/Header/Afzender", "0001")
    assert [c.pad for c in retour.afwijkingen] == ["/Bericht/Header"] and "niet uw AGB-code" in r.text
    assert r.json()["bericht"]["afzender"] == AGB_EIGEN  # kept as sent by this account, which gets the retour
    assert _aantallen(w) == {**voor, "AW35": voor["AW35"] + 1, "AW36": voor["AW36"] + 1}
    assert k.toewijzing()["status"] == "toegewezen"


def test_io31_met_bekend_besluitnummer_0001_en_geen_client_erbij(w):
    api = TestClient(w.app)
    bericht = _io31(56)
    assert api.post("/api/berichten/io31", content=iwlz.build_io31(bericht), headers=_h(w, "beoordelaar")).status_code
    with w.app.state.uow() as uow:
        clienten = uow.clients.aantal()
    voor = _aantallen(w)
    # the same besluitnummer for another (new) client
    item = bericht.clienten[0]
    ander = dataclasses.replace(item, client=dataclasses.replace(item.client, bsn="999990019"))
    r = api.post(
        "/api/berichten/io31",
        content=iwlz.build_io31(dataclasses.replace(bericht, identificatie="IO0000000099", clienten=(ander,))),
        headers=_h(w, "beoordelaar"),
    )
    _geweigerd(w, api, r, "0001", "/Bericht/Clienten/Client/Indicatie/Besluitnummer", "0001", rol="beoordelaar")
    assert _aantallen(w) == {**voor, "IO31": voor["IO31"] + 1, "IO32": voor["IO32"] + 1}
    with w.app.state.uow() as uow:
        assert uow.clients.aantal() == clienten and uow.clients.met_bsn("999990019") is None


def test_elke_eigen_controle_geeft_een_code_die_de_standaard_een_ontvanger_toestaat():
    """``common/check_errors.xsl`` of the XSLT set lists the retourcodes a receiver may give without the XSLT
    set finding the rule (the rules on earlier messages); any other code must come from a finding of the set."""
    pad = iwlz.validation.xslt_folder() / "common" / "check_errors.xsl"
    tekst = etree.tostring(etree.parse(str(pad))).decode()
    lijst = tekst.split("contains(',0001,", 1)[1].split("'", 1)[0]
    toegestaan = {"0001", *(c for c in lijst.split(",") if c)}
    assert {"9019", "9063", "9069", "9071", "9078", "9017"} <= toegestaan
    for naam, check in RECEIVER_CHECKS.items():
        if check.rule and check.rule.startswith("CD"):
            assert check.rule in iwlz.validation.rule_texts(), naam  # also a rule of the XSLT set (CD020)
        else:
            assert check.retourcode in toegestaan, (naam, check.retourcode)
        assert check.retourcode in iwlz.validation.retourcodes(), naam
