"""Who pays which care: the table cells against seed 004 §2.3/§2.4/bijlage 2 and the Wlz.

Each expected cell is paired with the sentence of the seed (or the Wlz article) it rests on; a separate test
checks that those sentences really are in the seed text, so a cell and its justification cannot drift apart.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from wlz.common.errors import InputError
from wlz.reference import bekostiging
from wlz.reference.bekostiging import laad
from wlz.rules.bekostiging import wie_betaalt
from wlz.rules.enums import Leveringsvorm

ALGEMEEN = ("huisarts", "ggz", "farmacie", "hulpmiddelen", "mondzorg", "kleding")

# (leveringsvorm, behandeling, component, expected payer, seed sentence or article it follows from)
S24_INCL = (
    "Een bekostigingsoptie inclusief behandeling houdt in dat de specifieke behandeling (onderdeel C) "
    "integraal wordt bekostigd"
)
S24_EXCL = "de specifieke behandeling wel vanuit de Wlz wordt bekostigd, maar via modulaire prestaties"
S24_ZZP_INCL = (
    "een integrale dagprestatie gebruikt voor het totaalpakket aan verblijf, zorg en (specifieke en "
    "algemene) behandeling"
)
S24_D_ZVW = (
    "Geneeskundige zorg van algemeen medische aard (onderdeel D) wordt voor alle leveringsvormen (behalve verblijf"
)
S24_MPT = "Bij het mpt wordt voor alle zorg en behandeling gebruik gemaakt van modulaire prestaties"
S23_ZZP = "Bekostiging van verblijf met bijbehorende zorgvormen gaat via zorgzwaartepakketten"
S23_VPT = "De vpt-prestaties zijn gelijk aan de zzp-prestaties, verminderd met de component verblijf"
B2_ZVW = (
    "Indien er geen sprake is van verblijf en behandeling door of namens dezelfde instelling, komt deze "
    "aanvullende zorg ten laste van de Zorgverzekeringswet"
)

CELLEN = [
    ("verblijf", True, "woonzorg", "wlz_integraal", S23_ZZP),
    ("verblijf", True, "dagbesteding", "wlz_integraal", S23_ZZP),
    ("verblijf", True, "specifieke_behandeling", "wlz_integraal", S24_INCL),
    *[("verblijf", True, c, "wlz_integraal", S24_ZZP_INCL) for c in ALGEMEEN],
    ("verblijf", False, "woonzorg", "wlz_integraal", S23_ZZP),
    ("verblijf", False, "specifieke_behandeling", "wlz_module", S24_EXCL),
    *[("verblijf", False, c, "zvw", S24_D_ZVW) for c in ALGEMEEN],
    *[("verblijf", False, c, "zvw", B2_ZVW) for c in ALGEMEEN],
    ("vpt", True, "woonzorg", "wlz_integraal", S23_VPT),
    ("vpt", True, "dagbesteding", "wlz_integraal", S23_VPT),
    ("vpt", True, "specifieke_behandeling", "wlz_integraal", S24_INCL),
    *[("vpt", True, c, "zvw", S24_D_ZVW) for c in ALGEMEEN],
    ("vpt", False, "woonzorg", "wlz_integraal", S23_VPT),
    ("vpt", False, "specifieke_behandeling", "wlz_module", S24_EXCL),
    *[("vpt", False, c, "zvw", S24_D_ZVW) for c in ALGEMEEN],
    ("mpt", None, "woonzorg", "wlz_module", S24_MPT),
    ("mpt", None, "dagbesteding", "wlz_module", S24_MPT),
    ("mpt", None, "specifieke_behandeling", "wlz_module", S24_MPT),
    *[("mpt", None, c, "zvw", S24_D_ZVW) for c in ALGEMEEN],
    *[("pgb", None, c, "zvw", S24_D_ZVW) for c in ALGEMEEN],
]


def _seed_tekst() -> str | None:
    root = Path(os.environ.get("WLZ_SHARED") or Path(__file__).resolve().parents[3] / "shared")
    pad = root / "bronnen" / "seeds" / "004_6e3b81d00e92fbfb.txt"
    return pad.read_text("utf-8") if pad.exists() else None


def _normaal(tekst: str) -> str:
    return re.sub(r"\s+", " ", tekst.replace("\u00a0", " ")).strip()


def _cel(leveringsvorm, behandeling, component):
    rijen = {r["component"]: r for r in wie_betaalt(leveringsvorm, behandeling)}
    return rijen[component]


@pytest.mark.parametrize(
    "leveringsvorm,behandeling,component,verwacht,zin", CELLEN, ids=[f"{lv}-{b}-{c}" for lv, b, c, _, _ in CELLEN]
)
def test_cel_volgt_seed_004(leveringsvorm, behandeling, component, verwacht, zin):
    assert _cel(leveringsvorm, behandeling, component)["bekostiging"] == verwacht


def test_de_zinnen_staan_echt_in_seed_004():
    tekst = _seed_tekst()
    if tekst is None:
        pytest.skip("shared/bronnen not present")
    normaal = _normaal(tekst)
    ontbreekt = sorted({zin for *_, zin in CELLEN if _normaal(zin) not in normaal})
    assert not ontbreekt, ontbreekt


def test_pgb_betaalt_zorg_maar_geen_behandeling():
    # Wlz art. 3.3.3 lid 1: the pgb pays for 3.1.1 lid 1 onder a 2°, b, f, g; not for behandeling (c) nor d
    rijen = {r["component"]: r for r in wie_betaalt("pgb")}
    assert rijen["woonzorg"]["bekostiging"] == "wlz_pgb"
    assert rijen["dagbesteding"]["bekostiging"] == "wlz_pgb"
    assert rijen["specifieke_behandeling"]["bekostiging"] == "wlz_module"
    assert "mpt" in rijen["specifieke_behandeling"]["uitleg"]
    assert any("Artikel3.3.3" in b for b in rijen["woonzorg"]["bronnen"])


def test_rolstoel_uitzondering_bij_zzp_exclusief_behandeling_wordt_genoemd():
    rij = _cel("verblijf", False, "hulpmiddelen")
    assert "rolstoel" in rij["uitleg"]
    assert any("voetnoot 3" in b for b in rij["bronnen"])


def test_mpt_pgb_noemt_beide_wegen():
    rijen = {r["component"]: r for r in wie_betaalt("mpt_pgb")}
    assert rijen["woonzorg"]["bekostiging"] == "wlz_module" and rijen["woonzorg"]["ook"] == ["wlz_pgb"]
    assert "pgb" in rijen["woonzorg"]["uitleg"] and "modulair pakket thuis" in rijen["woonzorg"]["uitleg"]
    assert rijen["specifieke_behandeling"]["ook"] == []
    assert all(rijen[c]["bekostiging"] == "zvw" for c in ALGEMEEN)


def test_volgorde_en_velden_voor_de_wlz_wijzer():
    rijen = wie_betaalt(Leveringsvorm.verblijf, True)
    assert [r["component"] for r in rijen] == [
        "woonzorg",
        "dagbesteding",
        "specifieke_behandeling",
        *ALGEMEEN[:1],
        "ggz",
        "farmacie",
        "hulpmiddelen",
        "mondzorg",
        "kleding",
    ]
    for r in rijen:
        assert r["bronnen"] and r["uitleg"] and r["bekostiging_naam"]
        assert "Wlz art. 3.1.1" in r["wlz_onderdeel"]
    assert rijen[0]["bekostigingsoptie"] == "zzp_inclusief_behandeling"


def test_behandeling_maakt_niet_uit_voor_mpt_en_pgb():
    assert wie_betaalt("mpt", True) == wie_betaalt("mpt", False) == wie_betaalt("mpt")
    assert wie_betaalt("pgb", True) == wie_betaalt("pgb")


@pytest.mark.parametrize(
    "leveringsvorm,behandeling,veld",
    [
        ("thuis", None, "leveringsvorm"),
        (None, None, "leveringsvorm"),
        ("verblijf", None, "behandeling"),
        ("vpt", "ja", "behandeling"),
    ],
)
def test_foute_invoer_noemt_het_veld(leveringsvorm, behandeling, veld):
    with pytest.raises(InputError) as fout:
        wie_betaalt(leveringsvorm, behandeling)
    assert fout.value.veld == veld


def test_kapotte_tabel_faalt_bij_laden_met_de_cel_erbij():
    import copy
    from importlib import resources

    import yaml

    raw = yaml.safe_load(resources.files("wlz.reference").joinpath("bekostiging.yaml").read_text("utf-8"))
    kapot = copy.deepcopy(raw)
    kapot["opties"]["mpt"]["cellen"]["farmacie"] = {"wie": "gemeente", "bronnen": ["s24"]}
    with pytest.raises(ValueError, match=r"opties\.mpt\.cellen\.farmacie"):
        laad(kapot)
    kapot = copy.deepcopy(raw)
    del kapot["opties"]["pgb"]["cellen"]["kleding"]
    with pytest.raises(ValueError, match=r"opties\.pgb\.cellen"):
        laad(kapot)
    kapot = copy.deepcopy(raw)
    kapot["opties"]["vpt_inclusief_behandeling"]["cellen"]["woonzorg"] = {"wie": "wlz_integraal", "bronnen": []}
    with pytest.raises(ValueError, match="bronnen"):
        laad(kapot)


def test_geleverde_tabel_is_volledig():
    t = bekostiging()
    assert set(t.opties) == {
        "zzp_inclusief_behandeling",
        "zzp_exclusief_behandeling",
        "vpt_inclusief_behandeling",
        "vpt_exclusief_behandeling",
        "mpt",
        "pgb",
    }
    assert len(t.componenten) == 9
