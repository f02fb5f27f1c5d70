"""From the service's plain case-file values to schema-valid iWlz messages."""

from __future__ import annotations

import datetime as dt

import pytest

from wlz import iwlz
from wlz.iwlz import casefile

from .gevallen import bsn


@pytest.mark.parametrize(
    ("invoer", "verwacht"),
    [
        ("van der Meer", ("Meer", "van der")),
        ("de Vries", ("Vries", "de")),
        ("Jansen", ("Jansen", None)),
        ("Van den Berg", ("Berg", "Van den")),
        ("Devries", ("Devries", None)),
    ],
)
def test_splits_achternaam(invoer, verwacht):
    assert casefile.split_achternaam(invoer) == verwacht


@pytest.mark.parametrize(
    ("invoer", "verwacht"),
    [
        ("12", (12, None, None)),
        ("12a", (12, "a", None)),
        ("12 A", (12, "A", None)),
        ("7-2", (7, None, "2")),
        ("12A-3", (12, "A", "3")),
        ("101 bis", (101, None, "bis")),
        ("", (None, None, None)),
    ],
)
def test_splits_huisnummer(invoer, verwacht):
    assert casefile.split_huisnummer(invoer) == verwacht


def test_onleesbaar_huisnummer_noemt_veld():
    with pytest.raises(ValueError, match="^huisnummer:"):
        casefile.split_huisnummer("achter de kerk")


def _client():
    return casefile.client(
        bsn=bsn(9),
        voornamen="Anna Maria",
        achternaam="van der Meer",
        geboortedatum=dt.date(1941, 2, 3),
        straat="Kerkweg",
        huisnummer="12a",
        postcode="3811 aa",
        woonplaats="Amersfoort",
    )


def _indicatie():
    return casefile.indicatiebesluit(
        besluitnummer="4711", zorgprofiel="VV5", grondslagen=["02"], ingangsdatum=dt.date(2025, 1, 1)
    )


@pytest.mark.parametrize(
    ("keuze", "profiel", "functie", "klasse", "verwacht"),
    [
        ("verblijf", "VV5", None, None, ["4"]),
        ("vpt", "VV5", None, None, ["5"]),
        ("mpt_pgb", "VV5", None, None, ["7", "2"]),
        ("mpt", None, "81", "K3", []),
    ],
)
def test_zorgtoewijzing_van_servicewaarden_is_geldige_aw33(keuze, profiel, functie, klasse, verwacht):
    bericht = casefile.zorgtoewijzing(
        client=_client(),
        indicatie=_indicatie(),
        zorgkantoor="5527",
        agb_code="12345678",
        leveringsvorm=keuze,
        ingangsdatum=dt.date(2025, 2, 1),
        toegewezen_op=dt.datetime(2025, 1, 20, 14, 30, 5, 123456),
        identificatie="TW-1",
        zorgprofiel=profiel,
        functie=functie,
        klasse=klasse,
    )
    terug = iwlz.read_aw33(iwlz.build_aw33(bericht)).clienten[0]
    assert [z.leveringsvorm.value for z in terug.toegewezen_zzps] == verwacht
    assert terug.client.naam == iwlz.Naam("Meer", "van der", "Anna Maria", "AM")
    assert terug.client.adres == iwlz.Adres(
        "Kerkweg", 12, "a", postcode="3811AA", plaatsnaam="Amersfoort", landcode="NL"
    )
    assert terug.indicatie.zzp.zzp_code == "754"
    if functie:
        assert terug.toegewezen_functies[0].klasse == "K3"
        assert terug.toegewezen_functies[0].toewijzingstijd == dt.time(14, 30, 5)


def test_zorgtoewijzing_weigert_zowel_profiel_als_functie_en_onbekende_waarden():
    basis = dict(
        client=_client(),
        indicatie=_indicatie(),
        zorgkantoor="5527",
        agb_code="12345678",
        ingangsdatum=dt.date(2025, 2, 1),
        toegewezen_op=dt.datetime(2025, 1, 20, 9, 0),
        identificatie="TW-2",
    )
    with pytest.raises(ValueError, match="^functie:"):
        casefile.zorgtoewijzing(**basis, leveringsvorm="mpt", zorgprofiel="VV5", functie="81", klasse="K3")
    with pytest.raises(ValueError, match="^leveringsvorm:"):
        casefile.zorgtoewijzing(**basis, leveringsvorm="thuis", zorgprofiel="VV5")
    with pytest.raises(ValueError, match="^zorgprofiel:"):
        casefile.zorgtoewijzing(**basis, leveringsvorm="vpt", zorgprofiel="XX9")
    with pytest.raises(ValueError, match="^besluitnummer:"):
        casefile.indicatiebesluit(
            besluitnummer="B-12", zorgprofiel="VV5", grondslagen=["02"], ingangsdatum=dt.date(2025, 1, 1)
        )


def test_keuzes_komen_uit_de_referentiedata():
    k = casefile.keuzes()
    assert k["vpt"] == (iwlz.Leveringsvorm.VPT,)
    assert k["mpt_pgb"] == (iwlz.Leveringsvorm.MPT, iwlz.Leveringsvorm.PGB)
    assert casefile.leveringsvormen("8") == (iwlz.Leveringsvorm.DTV,)
