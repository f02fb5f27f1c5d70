"""Every message type is written schema-valid for several realistic synthetic cases and reads back equal."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from functools import cache

import pytest
import xmlschema
from lxml import etree

from wlz import iwlz
from wlz.iwlz.voorbeelden import keten

from . import gevallen

LEVERINGSVORMEN = [
    ("754", iwlz.Leveringsvorm.VERBLIJF),  # VV5 verblijf
    ("808", iwlz.Leveringsvorm.VPT),  # VG5 volledig pakket thuis
    ("826", iwlz.Leveringsvorm.MPT),  # LG4 modulair pakket thuis, with functions
    ("884", iwlz.Leveringsvorm.PGB),  # GGZ-W3 persoonsgebonden budget, no provider
    ("753", iwlz.Leveringsvorm.DTV),  # VV4 deeltijdverblijf with etmalen
]
SOORTEN = ["io31", "aw33", "aw35", "ca317", "aw39", "ca319"]


@cache
def _xmlschema(naam: str) -> xmlschema.XMLSchema10:
    return xmlschema.XMLSchema10(str(iwlz.xsd_folder() / f"{naam}.xsd"))


def _alle_gevallen():
    for n, (zzp, vorm) in enumerate(LEVERINGSVORMEN):
        k = keten(n, zzp_code=zzp, leveringsvorm=vorm)
        for soort in SOORTEN:
            yield pytest.param(getattr(k, soort), id=f"{soort}-{vorm.name.lower()}")
    yield pytest.param(gevallen.rijke_io31(), id="io31-rijk")
    yield pytest.param(gevallen.aw39_met_aanvraag(), id="aw39-aanvraag")


@pytest.mark.parametrize("bericht", list(_alle_gevallen()))
def test_geschreven_bericht_valideert_en_leest_gelijk_terug(bericht):
    xml = iwlz.build_message(bericht)
    soort = iwlz.validate(xml)
    assert type(bericht).__name__ == f"{soort.naam}Bericht"
    assert iwlz.read_message(xml) == bericht


@pytest.mark.parametrize("soort", SOORTEN)
def test_tweede_validator_xmlschema_is_het_eens(soort):
    """An independent XSD implementation accepts what we write (guards against libxml2 leniency)."""
    for n, (zzp, vorm) in enumerate(LEVERINGSVORMEN[:3]):
        xml = iwlz.build_message(getattr(keten(n, zzp_code=zzp, leveringsvorm=vorm), soort))
        _xmlschema(soort.upper()).validate(xml.decode())


def test_rijke_io31_ook_geldig_volgens_xmlschema():
    _xmlschema("IO31").validate(iwlz.build_io31(gevallen.rijke_io31()).decode())
    _xmlschema("AW39").validate(iwlz.build_aw39(gevallen.aw39_met_aanvraag()).decode())


@pytest.mark.parametrize(
    ("soort", "code", "afzender", "ontvanger"),
    [
        ("io31", "388", None, "5509"),
        ("aw33", "352", "5509", "agb"),
        ("aw35", "354", "agb", "5509"),
        ("aw39", "358", "agb", "5509"),
        ("ca317", "406", "5509", None),
        ("ca319", "410", "5509", None),
    ],
)
def test_header_velden(soort, code, afzender, ontvanger):
    k = keten(7)
    bericht = getattr(k, soort)
    root = etree.fromstring(iwlz.build_message(bericht))
    ns = {"m": root.nsmap[soort], "i": iwlz.schema.BASIS_NS}
    kop = root.find("m:Header", ns)
    assert kop.findtext("m:BerichtCode", namespaces=ns) == code
    assert kop.findtext("m:BerichtVersie", namespaces=ns) == "5"
    assert kop.findtext("m:BerichtSubversie", namespaces=ns) == "2"
    agb = k.aw33.ontvanger
    assert kop.findtext("m:Afzender", namespaces=ns) == (agb if afzender == "agb" else afzender)
    assert kop.findtext("m:Ontvanger", namespaces=ns) == (agb if ontvanger == "agb" else ontvanger)
    assert kop.findtext("m:BerichtIdentificatie/i:Identificatie", namespaces=ns) == bericht.identificatie
    assert kop.findtext("m:BerichtIdentificatie/i:Dagtekening", namespaces=ns) == bericht.dagtekening.isoformat()
    assert kop.findtext("m:XsdVersie/i:BerichtXsdVersie", namespaces=ns) == "1.0.0"
    assert kop.findtext("m:XsdVersie/i:BasisschemaXsdVersie", namespaces=ns) == "1.0.0"


def test_io31_import_geeft_wat_de_service_nodig_heeft():
    b = iwlz.read_io31(iwlz.build_io31(gevallen.rijke_io31()))
    eerste = b.clienten[0]
    assert eerste.client.naam.volledig == "Wilhelmina Geertruida van den Berg"
    assert eerste.client.adres.plaatsnaam == "Utrecht" and eerste.client.adres.huisnummer == 7
    assert eerste.client.partner.naam.voornamen == "Hendrik"
    ind = eerste.indicatie
    assert ind.besluitnummer == 987654321
    assert ind.zzp.zzp_code == "756" and ind.zzp.zorgprofiel.code == "VV7"
    assert ind.grondslagen == (iwlz.Grondslag.PSYCHOGERIATRISCH, iwlz.Grondslag.SOMATISCH)
    assert (ind.ingangsdatum, ind.einddatum) == (dt.date(2024, 12, 1), dt.date(2029, 11, 30))
    assert ind.voorkeur_client is iwlz.VoorkeurClient.VERBLIJF_PGB
    assert ind.meerzorg is True
    tweede = b.clienten[1].indicatie
    assert tweede.einddatum is None and tweede.zzp.zorgprofiel.code == "VG5"


def test_aw33_percentage_en_tijd_in_xml():
    k = keten(3, zzp_code="884", leveringsvorm=iwlz.Leveringsvorm.PGB)
    xml = iwlz.build_aw33(k.aw33)
    mpt, pgb = xml.split(b"<aw33:ToegewezenZorgzwaartepakket>")[1:]  # the pgb beside the provider's mpt
    assert b"<aw33:ToewijzingPercentage>10000</aw33:ToewijzingPercentage>" in mpt  # 100 % in hundredths
    assert b"<aw33:Instelling>" not in pgb and b"ToewijzingPercentage" not in pgb  # pgb: no provider (CD040)
    tijd = k.aw33.clienten[0].toegewezen_zzps[0].toewijzingstijd
    assert f"<aw33:Toewijzingstijd>{tijd.isoformat()}</aw33:Toewijzingstijd>".encode() in xml


def test_aw39_einde_zorg_herkend():
    k = keten(4)
    mutatie = iwlz.read_aw39(iwlz.build_aw39(k.aw39)).clienten[0].mutatie_zzps[0]
    assert mutatie.einde_zorg and mutatie.mutatiecode is iwlz.MutatieCode.BEEINDIGD_TOEWIJZING_SLUITEN
    wacht = gevallen.aw39_met_aanvraag().clienten[0].mutatie_zzps[0]
    assert not wacht.einde_zorg


def test_meerdere_clienten_in_een_bericht():
    a = keten(10)
    b = keten(11, zzp_code="808", leveringsvorm=iwlz.Leveringsvorm.VPT, instelling=a.aw35.afzender)  # TR064
    samen = iwlz.AW35Bericht(
        afzender=a.aw35.afzender,
        ontvanger="5509",
        identificatie="MA-2",
        dagtekening=dt.date(2025, 2, 1),
        clienten=a.aw35.clienten + b.aw35.clienten,
    )
    terug = iwlz.read_aw35(iwlz.build_aw35(samen))
    assert [c.client.bsn for c in terug.clienten] == [a.io31.clienten[0].client.bsn, b.io31.clienten[0].client.bsn]


def test_lezen_uit_bestand_en_tekst(tmp_path):
    xml = iwlz.build_io31(keten(5).io31)
    pad = tmp_path / "io31.xml"
    pad.write_bytes(xml)
    assert iwlz.read_io31(pad) == iwlz.read_io31(xml.decode("utf-8")) == keten(5).io31
    assert iwlz.read_message(pad) == keten(5).io31


def test_keten_is_deterministisch():
    assert keten(42) == keten(42)
    assert keten(42).io31 != keten(43).io31


@pytest.mark.parametrize("n", range(len(LEVERINGSVORMEN)))
def test_ca319_einde_zorg_aan_het_cak_valideert_en_noemt_de_geleverde_zorg_van_de_ca317(n):
    """The end of care (AW39 code 19) goes to the CAK as CA319; its MutatieZorgID is the GeleverdeZorgID the
    CA317 sent, so the CAK stops the eigen bijdrage of exactly that delivery. Validated by both XSD engines."""
    zzp, vorm = LEVERINGSVORMEN[n]
    k = keten(n, zzp_code=zzp, leveringsvorm=vorm)
    assert k.ca317 is not None and k.ca319 is not None
    xml = iwlz.build_message(k.ca319)
    assert iwlz.validate(xml).naam == "CA319"
    _xmlschema("CA319").validate(xml.decode())
    terug = iwlz.read_message(xml)
    assert terug == k.ca319
    mutatie = terug.clienten[0].mutaties[0]
    assert mutatie.mutatie_zorg_id == k.ca317.clienten[0].zorgleveringen[0].geleverde_zorg_id
    assert mutatie.mutatiecode is iwlz.MutatieCode.BEEINDIGD_TOEWIJZING_SLUITEN
    assert mutatie.mutatiedatum == k.aw39.clienten[0].mutatie_zzps[0].mutatiedatum
    root = etree.fromstring(xml)
    ns = {"m": root.nsmap["ca319"]}
    assert root.findtext("m:Header/m:BerichtCode", namespaces=ns) == "410"
    assert root.findtext("m:Header/m:Afzender", namespaces=ns) == "5509"


def test_ca319_alleen_voor_einde_zorg_en_alleen_voor_zorg_die_het_cak_kent():
    k = keten(2)
    gemeld = {
        (c.bsn, k.aw39.clienten[0].mutatie_zzps[0].besluitnummer, z.zzp_code, z.startdatum): z.geleverde_zorg_id
        for c in k.ca317.clienten
        for z in c.zorgleveringen
    }
    args = {"identificatie": "CB1", "dagtekening": dt.date(2026, 1, 1)}
    # no CA317 id known for this delivery: the CAK never heard of it, nothing to report
    assert iwlz.ca319_from_aw39(k.aw39, zorg_id={}, **args) is None
    # a waiting status (code 12) does not end the eigen bijdrage
    wacht = replace(k.aw39.clienten[0].mutatie_zzps[0], mutatiecode=iwlz.MutatieCode.CLIENT_WIL_NOG_NIET)
    aw39 = replace(k.aw39, clienten=(replace(k.aw39.clienten[0], mutatie_zzps=(wacht,)),))
    assert iwlz.ca319_from_aw39(aw39, zorg_id=gemeld, **args) is None
    # code 20 (beëindigd, toewijzing aanhouden) also ends the care at the CAK
    aanhouden = replace(wacht, mutatiecode=iwlz.MutatieCode.BEEINDIGD_TOEWIJZING_AANHOUDEN)
    aw39 = replace(k.aw39, clienten=(replace(k.aw39.clienten[0], mutatie_zzps=(aanhouden,)),))
    ca319 = iwlz.ca319_from_aw39(aw39, zorg_id=gemeld, **args)
    assert ca319.clienten[0].mutaties[0].mutatiecode is iwlz.MutatieCode.BEEINDIGD_TOEWIJZING_AANHOUDEN
    assert ca319.afzender == "5509"
    # an id that is no UUID is refused by the XSD (LDT_UUID), not written
    fout = replace(
        ca319,
        clienten=(
            replace(ca319.clienten[0], mutaties=(replace(ca319.clienten[0].mutaties[0], mutatie_zorg_id="geen-uuid"),)),
        ),
    )
    with pytest.raises(iwlz.BerichtOngeldig) as e:
        iwlz.build_ca319(fout)
    assert "MutatieZorgID" in str(e.value) and fout.clienten[0].bsn not in str(e.value)
