"""AW39 in the service, code by code (iWlz 2.2 ``LDT_MutatieCode``: 12, 17, 18, 19, 20, 21), the CA319 to the CAK
at the end of care (naming the CA317's GeleverdeZorgID), and a provider downloading its own iWlz messages —
through the API and the pages, every download in the NEN 7513 access log."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from fastapi.testclient import TestClient

from wlz import iwlz

from .helpers import AGB_ANDER, AGB_EIGEN, bouw_wereld, csrf_van, web_client
from .test_iwlz_service import _h, _toewijzing_na_io31

pytestmark = pytest.mark.postgres
C = iwlz.MutatieCode
MUTATIE = "/Bericht/Clienten/Client/MutatieZorgzwaartepakketten/MutatieZorgzwaartepakket"


@pytest.fixture
def w(engine):
    return bouw_wereld(engine)


def _regel(r) -> tuple[str, str]:
    """The rule a refusal names (``iwlz.TR078``) and the element of its first finding."""
    return r.json()["detail"][0]["type"], r.json()["bericht"]["bevindingen"][0]["pad"]


class Keten:
    """One client with a VG5 verblijf toewijzing to AGB_EIGEN, made through the API (IO31, toewijzing, AW33)."""

    def __init__(self, w, api, seed):
        self.w, self.api = w, api
        self.io31, self.ind, self.tw = _toewijzing_na_io31(w, api, seed=seed)
        aw33 = iwlz.read_aw33(api.post(f"/api/toewijzingen/{self.tw['id']}/aw33", headers=_h(w, "beoordelaar")).content)
        self.client = aw33.clienten[0].client.kort()
        self.zzp = aw33.clienten[0].toegewezen_zzps[0]
        self.start = self.zzp.ingangsdatum + dt.timedelta(days=2)
        self.n = 0

    def _id(self, prefix):
        self.n += 1
        return f"{prefix}{self.n:010d}"

    def aw35(self, status=iwlz.Leveringsstatus.IN_ZORG):
        regel = iwlz.GeleverdZzp(
            besluitnummer=int(self.ind["besluitnummer"]),
            zzp_code="808",
            toewijzing_ingangsdatum=self.zzp.ingangsdatum,
            begindatum=self.start,
            instelling=AGB_EIGEN,
            leveringsvorm=self.zzp.leveringsvorm,
            leveringsstatus=status,
            behandeling=False,
            klasse="KE7",  # verblijf: the klasse is required (CD051)
        )
        b = iwlz.AW35Bericht(
            afzender=AGB_EIGEN,
            ontvanger="5509",
            identificatie=self._id("MA"),
            dagtekening=self.start,
            clienten=(iwlz.AW35Client(self.client, (regel,)),),
        )
        return self.api.post("/api/berichten/aw35", content=iwlz.build_aw35(b), headers=_h(self.w, "aanbieder"))

    def aw39(
        self,
        code,
        datum,
        *,
        bestemming=None,
        begindatum="start",
        status=iwlz.StatusAanlevering.EERSTE_AANLEVERING,
        check_rules=True,
    ):
        leveringsstatus = iwlz.codes.LEVERINGSSTATUS_PER_MUTATIECODE[code][0]  # one the code allows (TR046)
        klassen = iwlz.codes.CLASSIFICATIES_PER_LEVERINGSSTATUS.get(leveringsstatus)
        m = iwlz.MutatieZzp(
            besluitnummer=int(self.ind["besluitnummer"]),
            zzp_code="808",
            toewijzing_ingangsdatum=self.zzp.ingangsdatum,
            instelling=AGB_EIGEN,
            mutatiecode=code,
            mutatiedatum=datum,
            leveringsstatus=leveringsstatus,
            leveringsstatus_classificatie=klassen[0] if klassen else None,  # CD090, CS131
            leveringsvorm=self.zzp.leveringsvorm,
            begindatum=self.start if begindatum == "start" else begindatum,
            instelling_bestemming=bestemming,
            status_aanlevering=status,
        )
        b = iwlz.AW39Bericht(
            afzender=AGB_EIGEN,
            ontvanger="5509",
            identificatie=self._id("MU"),
            dagtekening=datum,
            clienten=(iwlz.AW39Client(self.client, mutatie_zzps=(m,)),),
        )
        xml = iwlz.build_aw39(b, check_rules=check_rules)
        return self.api.post("/api/berichten/aw39", content=xml, headers=_h(self.w, "aanbieder"))

    def toewijzing(self):
        return self.api.get(f"/api/toewijzingen/{self.tw['id']}", headers=_h(self.w, "beoordelaar")).json()

    def mutaties(self, rol="beoordelaar"):
        return self.api.get(f"/api/toewijzingen/{self.tw['id']}/mutaties", headers=_h(self.w, rol))

    def aantal_berichten(self):
        with self.w.app.state.uow() as uow:
            return uow.berichten.aantal()


def test_end_of_care_19_writes_a_ca319_naming_the_ca317_delivery(w):
    api = TestClient(w.app)
    k = Keten(w, api, seed=11)
    r = k.aw35()
    assert r.status_code == 201, r.text
    ca317 = iwlz.read_ca317(api.get(f"/api/berichten/{r.json()['ca317']['id']}", headers=_h(w, "beoordelaar")).content)
    geleverd = ca317.clienten[0].zorgleveringen[0].geleverde_zorg_id
    assert k.mutaties().json()["geleverde_zorg_id"] == geleverd  # kept on the toewijzing
    einde = k.start + dt.timedelta(days=40)
    r = k.aw39(C.BEEINDIGD_TOEWIJZING_SLUITEN, einde)
    assert r.status_code == 201, r.text
    ca = r.json()["ca319"]
    assert ca is not None and ca["soort"] == "CA319" and ca["ontvanger"] == "CAK"
    xml = api.get(f"/api/berichten/{ca['id']}", headers=_h(w, "beoordelaar")).content
    assert iwlz.validate(xml).naam == "CA319"  # the stored message validates against CA319.xsd
    ca319 = iwlz.read_ca319(xml)
    m = ca319.clienten[0].mutaties[0]
    assert (m.mutatie_zorg_id, m.mutatiecode, m.mutatiedatum) == (geleverd, C.BEEINDIGD_TOEWIJZING_SLUITEN, einde)
    assert ca319.clienten[0].bsn == k.client.bsn
    t = k.toewijzing()
    assert t["status"] == "beeindigd" and t["einde_zorg"] == einde.isoformat()
    h = k.mutaties().json()["mutaties"]
    assert [x["code"] for x in h] == ["19"] and h[0]["datum"] == einde.isoformat()


def test_20_ends_care_but_keeps_the_toewijzing_open_for_a_new_start(w):
    api = TestClient(w.app)
    k = Keten(w, api, seed=12)
    assert k.aw35().status_code == 201
    r = k.aw39(C.BEEINDIGD_TOEWIJZING_AANHOUDEN, k.start + dt.timedelta(days=10))
    assert r.status_code == 201, r.text
    assert r.json()["ca319"] is not None  # the CAK stops the eigen bijdrage
    assert k.toewijzing()["status"] == "toegewezen"
    k.start = k.start + dt.timedelta(days=20)
    r = k.aw35()  # care starts again on the same toewijzing: the same delivery id goes to the CAK
    assert r.status_code == 201, r.text
    assert k.toewijzing()["status"] == "in_zorg"
    assert [x["code"] for x in k.mutaties().json()["mutaties"]] == ["20"]


def test_waiting_codes_12_and_18_are_kept_on_the_history_before_care_starts(w):
    api = TestClient(w.app)
    k = Keten(w, api, seed=13)
    dag = k.zzp.ingangsdatum + dt.timedelta(days=1)
    for code in (C.CLIENT_WIL_NOG_NIET, C.AANBIEDER_KAN_NOG_NIET):
        r = k.aw39(code, dag, begindatum=None)
        assert r.status_code == 201, r.text
        assert r.json()["ca319"] is None  # nothing for the CAK
    assert k.toewijzing()["status"] == "toegewezen"
    h = k.mutaties().json()["mutaties"]
    assert [x["code"] for x in h] == ["12", "18"]
    assert h[0]["omschrijving"] == C.CLIENT_WIL_NOG_NIET.omschrijving
    # once care runs, a waiting code no longer fits: refused by TR078 naming the line's Mutatiecode, kept with its
    # AW310 and nothing else of it
    assert k.aw35().status_code == 201
    voor = k.aantal_berichten()
    r = k.aw39(C.CLIENT_WIL_NOG_NIET, k.start + dt.timedelta(days=3), begindatum=None)
    assert r.status_code == 422 and _regel(r) == ("iwlz.TR078", f"{MUTATIE}/Mutatiecode"), r.text
    assert k.aantal_berichten() == voor + 2 and len(k.mutaties().json()["mutaties"]) == 2
    # the provider sees the history of its own toewijzing, another provider does not
    assert k.mutaties("aanbieder").status_code == 200


def test_17_transfer_ends_care_here_and_names_the_new_provider(w):
    api = TestClient(w.app)
    k = Keten(w, api, seed=14)
    assert k.aw35().status_code == 201
    dag = k.start + dt.timedelta(days=5)
    r = k.aw39(C.OVERPLAATSING, dag, check_rules=False)  # no destination: refused by rule CD020, with its AW310
    assert r.status_code == 422 and r.json()["detail"][0]["type"] == "iwlz.CD020", r.text
    assert "InstellingBestemming" in r.json()["detail"][0]["msg"] or "Mutatiecode" in r.json()["detail"][0]["msg"]
    assert r.json()["retour"]["soort"] == "AW310" and k.client.bsn not in r.text
    r = k.aw39(C.OVERPLAATSING, dag, bestemming=AGB_ANDER)
    assert r.status_code == 201, r.text
    assert r.json()["ca319"] is None  # care goes on elsewhere; the new provider's AW35 goes to the CAK
    t = k.toewijzing()
    assert t["status"] == "beeindigd" and AGB_ANDER in t["einde_reden"]
    assert k.mutaties().json()["mutaties"][0]["bestemming"] == AGB_ANDER


def test_21_hands_over_a_toewijzing_without_care_and_not_one_with_care(w):
    api = TestClient(w.app)
    k = Keten(w, api, seed=15)
    dag = k.zzp.ingangsdatum + dt.timedelta(days=3)
    r = k.aw39(C.OVERDRACHT_TOEWIJZING, dag, begindatum=None, bestemming=AGB_ANDER)
    assert r.status_code == 201, r.text
    assert k.toewijzing()["status"] == "beeindigd"
    k2 = Keten(w, api, seed=16)
    assert k2.aw35().status_code == 201
    r = k2.aw39(C.OVERDRACHT_TOEWIJZING, k2.start + dt.timedelta(days=3), begindatum=None, bestemming=AGB_ANDER)
    assert (
        r.status_code == 422 and _regel(r) == ("iwlz.TR078", f"{MUTATIE}/Mutatiecode") and k2.client.bsn not in r.text
    )
    assert k2.toewijzing()["status"] == "in_zorg"


def test_refused_mutations_change_nothing_and_name_the_field(w):
    api = TestClient(w.app)
    k = Keten(w, api, seed=17)
    voor = k.aantal_berichten()
    # end of care before care started: TR069 (no start of care to match), kept with its AW310 only
    r = k.aw39(C.BEEINDIGD_TOEWIJZING_SLUITEN, k.start)
    assert r.status_code == 422 and _regel(r) == ("iwlz.TR069", f"{MUTATIE}/Mutatiecode")
    assert k.aantal_berichten() == voor + 2
    # a request to delete a report never made: TR063
    assert k.aw35().status_code == 201
    voor = k.aantal_berichten()
    r = k.aw39(C.BEEINDIGD_TOEWIJZING_SLUITEN, k.start, status=iwlz.StatusAanlevering.VERWIJDEREN_AANLEVERING)
    assert r.status_code == 422 and _regel(r) == ("iwlz.TR063", f"{MUTATIE}/StatusAanlevering")
    voor += 2
    # end before the start of care: iWlz rule TR018, refused and kept with its AW310 (and nothing else of it)
    r = k.aw39(C.BEEINDIGD_TOEWIJZING_SLUITEN, k.start - dt.timedelta(days=1), check_rules=False)
    assert r.status_code == 422 and r.json()["detail"][0]["type"] == "iwlz.TR018" and "Mutatiedatum" in r.text
    assert r.json()["bericht"]["resultaat"] == "geweigerd" and r.json()["retour"]["soort"] == "AW310"
    voor += 2
    # an AAT (request for a changed toewijzing) is not silently dropped
    b = iwlz.read_aw39(iwlz.build_aw39(_aw39_met_aanvraag(k)))
    r = api.post("/api/berichten/aw39", content=iwlz.build_aw39(b), headers=_h(w, "aanbieder"))
    assert r.status_code == 422 and _regel(r) == ("iwlz.0001", "/Bericht/Clienten/Client/Aanvragen/Aanvraag")
    assert k.client.bsn not in r.text
    voor += 2
    assert k.aantal_berichten() == voor and k.toewijzing()["status"] == "in_zorg"
    assert k.mutaties().json()["mutaties"] == []


def _aw39_met_aanvraag(k):
    from tests.iwlz import gevallen

    g = gevallen.aw39_met_aanvraag()
    a = g.clienten[0].aanvragen[0]
    eigen = dataclasses.replace(a.instellingen[0], instelling=AGB_EIGEN)
    a = dataclasses.replace(a, instelling=AGB_EIGEN, dossierhouder=AGB_EIGEN, instellingen=(eigen, *a.instellingen[1:]))
    item = dataclasses.replace(g.clienten[0], client=k.client, mutatie_zzps=(), mutatie_functies=(), aanvragen=(a,))
    return dataclasses.replace(g, afzender=AGB_EIGEN, ontvanger="5509", clienten=(item,))


def test_provider_downloads_its_own_messages_only_and_each_download_is_logged(w):
    api = TestClient(w.app)
    k = Keten(w, api, seed=18)
    r = k.aw35()
    ca317_id = r.json()["ca317"]["id"]
    eigen = api.get(f"/api/clients/{k.tw['client_id']}/berichten", headers=_h(w, "aanbieder"))
    assert eigen.status_code == 200
    soorten = {b["soort"] for b in eigen.json()}
    assert soorten == {"AW33", "AW35", "AW36"}  # its AW35's retour; not the IO31 from the CIZ, not the CA317
    aw33 = next(b for b in eigen.json() if b["soort"] == "AW33")
    r = api.get(f"/api/berichten/{aw33['id']}", headers=_h(w, "aanbieder"))
    assert r.status_code == 200 and iwlz.read_aw33(r.content).ontvanger == AGB_EIGEN
    assert api.get(f"/api/berichten/{ca317_id}", headers=_h(w, "aanbieder")).status_code == 404
    # another provider's client and message: not found
    assert api.get(f"/api/berichten/{w.bericht_b}", headers=_h(w, "aanbieder")).status_code == 404
    assert api.get(f"/api/clients/{w.client_b}/berichten", headers=_h(w, "aanbieder")).status_code == 404
    # the client page links to the messages; the page lists and downloads them
    c = web_client(w, "aanbieder")
    assert f"/clienten/{k.tw['client_id']}/berichten" in c.get(f"/clienten/{k.tw['client_id']}").text
    pagina = c.get(f"/clienten/{k.tw['client_id']}/berichten")
    assert pagina.status_code == 200 and f"/berichten/{aw33['id']}" in pagina.text and ca317_id not in pagina.text
    assert c.get(f"/berichten/{aw33['id']}").status_code == 200
    assert c.get(f"/berichten/{ca317_id}").status_code == 404
    assert c.get(f"/clienten/{w.client_b}/berichten").status_code == 404
    with w.app.state.uow() as uow:
        regels = [r for r in uow.toegangslog.zoek(client_id=k.tw["client_id"], limit=500) if r.rol == "aanbieder"]
    onderwerpen = [r.onderwerp for r in regels]
    assert onderwerpen.count("AW33-bericht") == 2  # one API, one page download
    assert all(r.doel == "levering van toegewezen zorg" for r in regels)


def test_provider_messages_page_lists_only_its_own(w):
    c = web_client(w, "aanbieder")
    r = c.get("/berichten")
    assert r.status_code == 200 and f"/berichten/{w.bericht_a}" in r.text and f"/berichten/{w.bericht_b}" not in r.text
    assert csrf_van(c)
