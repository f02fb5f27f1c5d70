"""The enums and header constants agree with the iWlz 2.2 XSDs and the bindings generated from them."""

from __future__ import annotations

import os
import shutil

import pytest
from lxml import etree

from wlz import iwlz
from wlz.iwlz import codes, schema

XS = {"xs": "http://www.w3.org/2001/XMLSchema"}

ENUM_TYPES = {
    codes.Geslacht: "LDT_Geslacht",
    codes.NaamGebruik: "LDT_NaamGebruik",
    codes.DatumGebruik: "LDT_DatumGebruik",
    codes.BurgerlijkeStaat: "LDT_BurgerlijkeStaat",
    codes.Leefeenheid: "LDT_Leefeenheid",
    codes.AdresSoort: "LDT_AdresSoort",
    codes.SoortRelatie: "LDT_SoortRelatie",
    codes.Communicatievorm: "LDT_Communicatievorm",
    codes.SoortIndicatie: "LDT_SoortIndicatie",
    codes.Grondslag: "LDT_Grondslag",
    codes.Financiering: "LDT_Financiering",
    codes.VoorkeurClient: "LDT_VoorkeurClient",
    codes.FunctieCode: "LDT_FunctieCode",
    codes.Leveringsvoorwaarde: "LDT_Leveringsvoorwaarde",
    codes.Vervoer: "LDT_Vervoer",
    codes.Leveringsvorm: "LDT_Leveringsvorm",
    codes.SoortToewijzing: "LDT_SoortToewijzing",
    codes.RedenIntrekking: "LDT_RedenIntrekking",
    codes.Etmalen: "LDT_Etmalen",
    codes.Leveringsstatus: "LDT_Leveringsstatus",
    codes.MutatieCode: "LDT_MutatieCode",
    codes.StatusAanlevering: "LDT_StatusAanlevering",
    codes.ToeslagBeademing: "LDT_ToeslagBeademing",
    codes.ToeslagOverig: "LDT_ToeslagOverig",
    codes.WzdVerklaring: "LDT_WzdVerklaring",
}


@pytest.fixture(scope="module")
def basis():
    return etree.parse(str(iwlz.xsd_folder() / "Basisschema.xsd"))


@pytest.mark.parametrize("enum", list(ENUM_TYPES), ids=lambda e: e.__name__)
def test_enum_gelijk_aan_xsd(basis, enum):
    typ = ENUM_TYPES[enum]
    waarden = basis.xpath(f"//xs:simpleType[@name='{typ}']//xs:enumeration/@value", namespaces=XS)
    assert waarden, typ
    assert sorted(m.value for m in enum) == sorted(waarden)
    assert all(m.omschrijving for m in enum)


def test_zzp_codes_van_referentie_bestaan_in_xsd(basis):
    """wlz.reference's COD163 codes are all codes the 2.2 schema accepts."""
    from wlz.reference import by_cod163

    xsd = set(basis.xpath("//xs:simpleType[@name='LDT_ZzpCode']//xs:enumeration/@value", namespaces=XS))
    assert set(by_cod163()) <= xsd


@pytest.mark.parametrize("soort", list(schema.BERICHTSOORTEN.values()), ids=lambda s: s.naam)
def test_header_constanten_gelijk_aan_xsd(soort):
    doc = etree.parse(str(iwlz.xsd_folder() / soort.xsd_bestand))
    header = doc.xpath("//xs:complexType[@name='Header']", namespaces=XS)[0]

    def patroon(naam):
        return header.xpath(f".//xs:element[@name='{naam}']//xs:pattern/@value", namespaces=XS)[0]

    assert patroon("BerichtCode") == soort.berichtcode
    assert patroon("BerichtVersie") == str(soort.berichtversie)
    assert patroon("BerichtSubversie") == str(soort.berichtsubversie)
    appinfo = {
        etree.QName(e).localname: e.text for e in doc.xpath("/xs:schema/xs:annotation/xs:appinfo/*", namespaces=XS)
    }
    assert appinfo["BerichtXsdVersie"] == soort.bericht_xsd_versie
    assert appinfo["BasisschemaXsdVersie"] == soort.basisschema_xsd_versie
    assert doc.getroot().get("targetNamespace") == soort.namespace


def test_xsd_folder_volgt_wlz_shared(tmp_path, monkeypatch):
    eigen = tmp_path / "iwlz" / "xsd"
    shutil.copytree(iwlz.xsd_folder(), eigen)
    monkeypatch.setenv("WLZ_SHARED", str(tmp_path))
    assert iwlz.xsd_folder() == eigen
    monkeypatch.setenv("WLZ_SHARED", str(tmp_path / "bestaat-niet"))
    assert iwlz.xsd_folder().is_dir()  # falls back to <repo>/../shared
    assert os.path.basename(iwlz.xsd_folder()) == "xsd"


def test_omschrijving_is_de_documentatie_van_de_xsd(basis):
    """The descriptions come from the bindings, and so from the XSD's own documentation of each code."""
    for enum, typ in ENUM_TYPES.items():
        for lid in enum:
            doc = basis.xpath(
                f"//xs:simpleType[@name='{typ}']//xs:enumeration[@value='{lid.value}']//xs:documentation/text()",
                namespaces=XS,
            )
            assert lid.omschrijving == " ".join(doc[0].split()), (typ, lid.value)


def test_leveringsvorm_keuzes_uit_de_referentie_zijn_cod578_codes_met_dezelfde_naam():
    """The case file's choices (wlz.reference) map onto the XSD's leveringsvormen, one name for one thing."""
    from wlz.reference.leveringsvorm import leveringsvormen

    keuzes = codes.leveringsvorm_keuzes()
    assert set(keuzes) == set(leveringsvormen())
    for keuze, vormen in keuzes.items():
        if len(vormen) == 1:
            assert vormen[0].name.lower() == keuze


def test_enum_met_andere_codes_dan_de_bindings_wordt_geweigerd():
    from enum import Enum

    class Xsd(Enum):
        VALUE_1 = "1"

    with pytest.raises(RuntimeError, match="codes wijken af"):

        @codes._from_xsd(Xsd)
        class Fout(codes.Code):
            EEN = "1"
            TWEE = "2"


def test_grondslagen_van_de_referentie_zijn_de_grondslagen_van_de_xsd():
    """wlz.reference's grondslag vocabulary (COD736) and the schema's LDT_Grondslag are the same list of codes."""
    from wlz.reference.grondslag import grondslagen

    assert set(grondslagen()) == {g.value for g in codes.Grondslag}
