"""Invalid messages are refused with the schema's error and the element path — and never with a BSN."""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading

import pytest

from wlz import iwlz
from wlz.iwlz.schema import scrub
from wlz.iwlz.voorbeelden import keten

from . import gevallen


def _io31_xml(seed: int = 1) -> tuple[bytes, str]:
    k = keten(seed)
    return iwlz.build_io31(k.io31), k.io31.clienten[0].client.bsn


def _geen_bsn(exc: iwlz.BerichtOngeldig, *bsns: str) -> None:
    teksten = [str(exc), repr(exc), *(str(f) for f in exc.fouten), *(f.melding for f in exc.fouten)]
    for tekst in teksten:
        for bsn in bsns:
            assert bsn not in tekst
            assert bsn.lstrip("0") not in tekst


def test_bsn_met_verkeerd_formaat_geweigerd_zonder_de_waarde():
    xml, bsn = _io31_xml()
    kapot = xml.replace(f"<io31:Bsn>{bsn}</io31:Bsn>".encode(), b"<io31:Bsn>12345678</io31:Bsn>")
    with pytest.raises(iwlz.BerichtOngeldig) as e:
        iwlz.read_io31(kapot)
    fout = e.value.fouten[0]
    assert fout.pad == "/Bericht/Clienten/Client/Bsn"
    assert fout.melding == "element Bsn: '[verwijderd]' heeft niet de vorm die het schema vraagt (patroon [0-9]{9})"
    assert fout.regel is not None
    _geen_bsn(e.value, "12345678", bsn)


def test_ontbrekend_element_geeft_schema_fout_en_pad_zonder_bsn():
    xml, bsn = _io31_xml()
    kapot = xml.replace(b"<io31:Geslacht>1</io31:Geslacht>", b"").replace(b"<io31:Geslacht>2</io31:Geslacht>", b"")
    with pytest.raises(iwlz.BerichtOngeldig) as e:
        iwlz.read_io31(kapot)
    assert e.value.bericht == "IO31"
    assert any("Geslacht" in f.melding and f.pad.startswith("/Bericht/Clienten/Client") for f in e.value.fouten)
    assert str(e.value).startswith("IO31-bericht ongeldig: /Bericht/Clienten/Client/")
    _geen_bsn(e.value, bsn)


def test_elfproef_bij_import():
    xml, bsn = _io31_xml()
    kapot = xml.replace(bsn.encode(), b"123456789")  # 9 digits, fails the elfproef
    with pytest.raises(iwlz.BerichtOngeldig) as e:
        iwlz.read_io31(kapot)
    assert [(f.pad, f.melding) for f in e.value.fouten] == [
        ("/Bericht/Clienten/Client/Bsn", "BSN voldoet niet aan de elfproef")
    ]
    _geen_bsn(e.value, "123456789", bsn)


def test_pad_noemt_welke_client():
    a = keten(1)
    b = keten(2, instelling=a.aw35.afzender)  # one provider's message (TR064)
    dagtekening = max(a.aw35.dagtekening, b.aw35.dagtekening)  # no begindatum after it (CS023)
    twee = dataclasses.replace(a.aw35, clienten=a.aw35.clienten + b.aw35.clienten, dagtekening=dagtekening)
    xml = iwlz.build_aw35(twee)
    tweede_bsn = b.aw35.clienten[0].client.bsn
    kapot = xml.replace(f"<aw35:Bsn>{tweede_bsn}</aw35:Bsn>".encode(), b"<aw35:Bsn>abc</aw35:Bsn>")
    with pytest.raises(iwlz.BerichtOngeldig) as e:
        iwlz.read_aw35(kapot)
    assert e.value.fouten[0].pad == "/Bericht/Clienten/Client[2]/Bsn"


def test_verkeerde_header_code():
    xml = iwlz.build_aw39(keten(1).aw39)
    with pytest.raises(iwlz.BerichtOngeldig) as e:
        iwlz.read_aw39(xml.replace(b"<aw39:BerichtCode>358<", b"<aw39:BerichtCode>359<"))
    assert e.value.fouten[0].pad == "/Bericht/Header/BerichtCode"


def test_ander_berichttype_geweigerd():
    xml, _ = _io31_xml()
    with pytest.raises(iwlz.BerichtOngeldig, match="dit is een IO31-bericht, geen AW35"):
        iwlz.read_aw35(xml)
    with pytest.raises(iwlz.BerichtOngeldig, match="geen AW33"):
        iwlz.validate(xml, "AW33")


def test_geen_xml_en_onbekend_bericht():
    with pytest.raises(iwlz.BerichtOngeldig, match="geen geldige XML"):
        iwlz.read_message(b"<Bericht><Bsn>999990160</Bericht>")
    with pytest.raises(iwlz.BerichtOngeldig) as e:
        iwlz.read_message(b"<Bericht><Bsn>999990160</Bsn></Bericht>")
    assert "onbekend bericht" in str(e.value)
    # the malformed-XML error text must not leak the BSN either
    with pytest.raises(iwlz.BerichtOngeldig) as e:
        iwlz.read_message(b"<Bericht><Bsn>999990160</Bsn 999990160></Bericht>")
    _geen_bsn(e.value, "999990160")


def test_doctype_en_entiteiten_geweigerd():
    k = keten(1)
    item = k.io31.clienten[0]
    met_commentaar = dataclasses.replace(item, client=dataclasses.replace(item.client, commentaar="PLAATSHOUDER"))
    xml = iwlz.build_io31(dataclasses.replace(k.io31, clienten=(met_commentaar,)))
    doctype = b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY geheim SYSTEM "file:///etc/hostname">]>\n'
    body = xml.split(b"?>", 1)[1].replace(b"PLAATSHOUDER", b"&geheim;")
    with pytest.raises(iwlz.BerichtOngeldig, match="DOCTYPE"):
        iwlz.read_io31(doctype + body)
    # without the DOCTYPE the same message is fine
    assert iwlz.read_io31(xml).clienten[0].client.commentaar == "PLAATSHOUDER"


def test_scrub_verwijdert_bsn_achtige_getallen_maar_houdt_datums():
    tekst = "waarde '999990160' en 999.99.0160 en 999 990 160 op 2024-01-01, code 5509, regel 12"
    scrubbed = scrub(tekst, ["abc"])
    assert "999990160" not in scrubbed and "999.99.0160" not in scrubbed and "999 990 160" not in scrubbed
    assert "2024-01-01" in scrubbed and "5509" in scrubbed and "regel 12" in scrubbed
    assert scrub("Element '{http://x/y}Bsn': pattern '[0-9]{9}'") == "Element 'Bsn': pattern '[0-9]{9}'"


# ------------------------------------------------------------------------------------------- writing


def test_schrijven_weigert_bsn_zonder_elfproef_en_noemt_het_veld():
    k = keten(1)
    item = k.io31.clienten[0]
    fout_bsn = "123456789"
    slecht = dataclasses.replace(
        k.io31, clienten=(dataclasses.replace(item, client=dataclasses.replace(item.client, bsn=fout_bsn)),)
    )
    with pytest.raises(iwlz.BerichtOngeldig) as e:
        iwlz.build_io31(slecht)
    assert e.value.fouten[0].pad == "clienten[0].client.bsn"
    _geen_bsn(e.value, fout_bsn)


def test_schrijven_weigert_einddatum_voor_ingangsdatum():
    k = keten(1)
    item = k.io31.clienten[0]
    ind = dataclasses.replace(item.indicatie, einddatum=item.indicatie.ingangsdatum - dt.timedelta(days=1))
    with pytest.raises(iwlz.BerichtOngeldig) as e:
        iwlz.build_io31(dataclasses.replace(k.io31, clienten=(dataclasses.replace(item, indicatie=ind),)))
    assert e.value.fouten[0].pad == "clienten[0].indicatie.einddatum"


def test_schrijven_weigert_onbekende_zorgkantoorcode_met_schemafout():
    k = keten(1)
    with pytest.raises(iwlz.BerichtOngeldig) as e:
        iwlz.build_aw33(dataclasses.replace(k.aw33, afzender="9999"))
    assert e.value.fouten[0].pad == "/Bericht/Header/Afzender"
    assert "9999" in e.value.fouten[0].melding  # non-BSN values stay in the schema text


def test_schrijven_weigert_vpt_zonder_instelling_en_gebroken_percentage():
    k = keten(1, zzp_code="808", leveringsvorm=iwlz.Leveringsvorm.VPT)
    item = k.aw33.clienten[0]
    tw = dataclasses.replace(item.toegewezen_zzps[0], instelling=None, percentage=12.5)
    with pytest.raises(iwlz.BerichtOngeldig) as e:
        iwlz.build_aw33(dataclasses.replace(k.aw33, clienten=(dataclasses.replace(item, toegewezen_zzps=(tw,)),)))
    paden = {f.pad for f in e.value.fouten}
    assert paden == {"clienten[0].toegewezen_zzps[0].instelling", "clienten[0].toegewezen_zzps[0].percentage"}


def test_schrijven_weigert_client_zonder_adres():
    k = keten(1)
    item = k.io31.clienten[0]
    zonder = dataclasses.replace(item, client=dataclasses.replace(item.client, contacten=()))
    with pytest.raises(iwlz.BerichtOngeldig, match=r"clienten\[0\]\.client\.contacten"):
        iwlz.build_io31(dataclasses.replace(k.io31, clienten=(zonder,)))


def test_parallel_valideren_geeft_ieder_zijn_eigen_fouten():
    goed = iwlz.build_aw39(gevallen.aw39_met_aanvraag())
    slecht = goed.replace(b"<aw39:Mutatiecode>12<", b"<aw39:Mutatiecode>99<")
    uitkomsten: list[tuple[bool, bool]] = []

    def werk(xml: bytes, verwacht_goed: bool) -> None:
        for _ in range(25):
            try:
                iwlz.read_aw39(xml)
                uitkomsten.append((verwacht_goed, True))
            except iwlz.BerichtOngeldig as exc:
                uitkomsten.append((verwacht_goed, False))
                assert "Mutatiecode" in exc.fouten[0].pad

    threads = [threading.Thread(target=werk, args=(x, x is goed)) for x in (goed, slecht, goed, slecht)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(uitkomsten) == 100 and all(verwacht == gelukt for verwacht, gelukt in uitkomsten)


def test_schema_fouten_in_het_nederlands_met_het_element():
    """libxml2 speaks English ("Element 'GeheimeClient': This element is not expected. Expected is ( Bsn ).");
    the refusal names the element in Dutch."""
    xml, _ = _io31_xml()
    verkeerd = xml.replace(b"<io31:Bsn>", b"<io31:GeheimeClient>1</io31:GeheimeClient><io31:Bsn>", 1)
    with pytest.raises(iwlz.BerichtOngeldig) as e:
        iwlz.read_io31(verkeerd)
    assert e.value.fouten[0].melding == "element GeheimeClient is hier niet toegestaan; verwacht: Bsn"
    zonder = xml.replace(b"<io31:Geslacht>1</io31:Geslacht>", b"").replace(b"<io31:Geslacht>2</io31:Geslacht>", b"")
    with pytest.raises(iwlz.BerichtOngeldig) as e:
        iwlz.read_io31(zonder)
    assert e.value.fouten[0].melding == "element Naam is hier niet toegestaan; verwacht: Geslacht"
    datum = xml.replace(b"<iwlz:Datum>", b"<iwlz:Datum>x", 1)
    with pytest.raises(iwlz.BerichtOngeldig) as e:
        iwlz.read_io31(datum)
    assert "is geen geldige datum (JJJJ-MM-DD)" in e.value.fouten[0].melding
    for fout in e.value.fouten:
        assert "Element" not in fout.melding and "expected" not in fout.melding


def test_entiteitenbom_heet_doctype_niet_toegestaan():
    """An entity bomb is refused before any parsing as a DOCTYPE, not as libxml2's amplification limit."""
    lol = "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10))
    bom = f'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">{lol}]><lolz>&lol9;</lolz>'.encode()
    with pytest.raises(iwlz.BerichtOngeldig) as e:
        iwlz.read_io31(bom)
    assert [f.melding for f in e.value.fouten] == ["DOCTYPE niet toegestaan: een iWlz-bericht heeft geen DTD"]
    assert "amplification" not in str(e.value)
    utf16 = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'.encode("utf-16")
    with pytest.raises(iwlz.BerichtOngeldig, match="DOCTYPE niet toegestaan"):
        iwlz.read_io31(utf16)
    with pytest.raises(iwlz.BerichtOngeldig) as e:
        iwlz.read_io31(b"<a><b></a>")
    assert e.value.fouten[0].melding.startswith("geen geldige XML: een begin- en eindtag passen niet bij elkaar")
