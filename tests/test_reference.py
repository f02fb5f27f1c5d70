"""The shared reference data agrees with the iWlz code lists and the Rlz articles it cites."""

from __future__ import annotations

from pathlib import Path

from wlz.reference import leveringsvormen, lookup, zorgprofielen

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def test_alle_sectoren_van_het_issue_zijn_er():
    codes = set(zorgprofielen())
    verwacht = (
        {f"VV{i}" for i in range(1, 11)}
        | {"VV9A", "VV9B"}
        | {f"VG{i}" for i in range(1, 9)}
        | {f"LVG{i}" for i in range(1, 6)}
        | {"SGLVG1"}
        | {f"LG{i}" for i in range(1, 8)}
        | {f"ZGaud{i}" for i in range(1, 5)}
        | {f"ZGvis{i}" for i in range(1, 6)}
        | {f"GGZ-B{i}" for i in range(1, 8)}
        | {f"GGZ-C{i}" for i in range(1, 7)}
        | {f"GGZ-W{i}" for i in range(1, 6)}
    )
    assert verwacht <= codes


def test_cod163_codes_komen_uit_de_codelijst():
    tekst = (SHARED / "iwlz" / "codelijsten" / "COD163.md").read_text("utf-8")
    for z in zorgprofielen().values():
        assert f"|\t{z.cod163}\t|" in tekst, z.code
    assert lookup("754").code == "VV5" and lookup("808").code == "VG5"


def test_pgb_en_meerzorg_volgens_de_rlz():
    assert lookup("LVG4").pgb == "nee" and lookup("VV9B").pgb == "nee"  # Rlz art. 5.5
    assert lookup("VG7").pgb == "gewaarborgde_hulp" and lookup("VV4").pgb == "gewaarborgde_hulp"  # art. 5.6
    assert lookup("VG3").pgb == "ja"
    assert {z.code for z in zorgprofielen().values() if z.meerzorg_profiel} == {
        "VG5",
        "VG7",
        "VG8",
        "LVG4",
        "LVG5",
        "SGLVG1",
        "LG5",
        "LG7",
        "ZGaud3",
        "ZGvis5",
    }  # Rlz art. 2.2 lid 1 a
    assert lookup("LVG2").max_geldigheid_maanden == 36 and lookup("VV9B").max_geldigheid_maanden == 6  # art. 3.2
    assert lookup("VV5").max_geldigheid_maanden is None  # Blz art. 3.2.5: onbepaald


def test_leveringsvormen_met_cod578():
    lv = {x["code"]: x for x in leveringsvormen()["leveringsvormen"]}
    assert lv["pgb"]["cod578"] == "2" and lv["verblijf"]["cod578"] == "4" and lv["mpt"]["cod578"] == "7"
    assert [o["code"] for o in lv["verblijf"]["bekostigingsopties"]] == ["zzp_incl", "zzp_excl"]
