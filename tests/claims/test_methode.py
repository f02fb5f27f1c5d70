"""Exactness tests of the declaration analysis (the exact method: ordering, corrections, classification).

Every expected number below is worked out by hand from the rows of the test; the comments show how.
"""

from __future__ import annotations

import pytest
from claims_helpers import analyseer, p, w, z


def gewogen(r: dict) -> float:
    return float(r["clienten_gewogen"])


# --- corrections -------------------------------------------------------------------------------------------

CORRECTIE_WLZ = [
    w("0", "Z754I", "2019-01-01", "2019-01-31", 31, "0"),  # 1: bedrag 0 and client 0 -> step 1 first
    w("A", "Z754I", "2019-01-01", "2019-01-31", 31, "-5"),  # 2: step 1
    w("0", "Z754I", "2019-01-01", "2019-01-31", 31, "10"),  # 3: step 2
    w("0", "ELV1", "2019-01-01", "2019-01-31", 31, "10"),  # 4: client 0 before uitgesloten -> step 2
    w("A", "ELV1", "2019-01-01", "2019-01-31", 31, "10"),  # 5: step 3
    w("A", "ELV1", "2019-02-30", "2019-01-31", 31, "10"),  # 6: uitgesloten before unreadable -> step 3
    w("A", "Z754I", "2019-02-30", "2019-02-28", 28, "0"),  # 7: bad date but bedrag 0 -> step 1
    w("A", "Z754I", "2019-02-30", "2019-03-01", 1, "10"),  # 8: quarantine, bad begindatum
    w("A", "XXXX", "2019-01-01", "2019-01-31", 31, "10"),  # 9: quarantine, unknown prestatiecode
    w("A", "Z754I", "2019-01-31", "2019-01-01", 31, "10"),  # 10: quarantine, einddatum < begindatum
    w("A", "Z754I", "2019-01-01", "2019-01-31", 31, "12,50"),  # 11: quarantine, non-numeric bedrag
    w("A", "Z754I", "2019-01-01", "2019-01-31", "x", "10"),  # 12: quarantine, non-numeric aantal
    w("A", "Z754I", "2019-01-01", "2019-01-31", 31, "3100"),  # 13: kept
]
CORRECTIE_PGB = [
    p("B", "2019-01-01", "2019-12-31", "754", bedrag="0"),  # 1001: step 1
    p("0", "2019-01-01", "2019-12-31", "754"),  # 1002: step 2
    p("B", "2019-01-01", "2019-13-01", "754"),  # 1003: quarantine, bad einddatum
    p("B", "2019-01-01", "2019-01-31", "754"),  # 1004: kept
]
CORRECTIE_ZVW = [
    z("0", "HAZ", "2019-01-10"),  # 2001: step 2
    z("A", "XXX", "2019-01-10"),  # 2002: quarantine, unknown sector
    z("A", "HAZ", "2019-01-10", basis="abc"),  # 2003: quarantine
    z("A", "HAZ", "2019-01-10", basis="-20"),  # 2004: kept (zvw has no step 1): HAZ month sum -20 + 50 = 30
    z("A", "HAZ", "2019-01-15", basis="50"),  # 2005: kept
]


@pytest.fixture(scope="module")
def correcties(tmp_path_factory):
    return analyseer(tmp_path_factory.mktemp("corr"), wlz=CORRECTIE_WLZ, pgb=CORRECTIE_PGB, zvw=CORRECTIE_ZVW)


def test_corrections_are_applied_in_order_and_counted(correcties):
    c = correcties.correctie
    assert c("0_ingelezen", "wlz_zin") == 13
    assert c("1_bedrag_niet_positief", "wlz_zin") == 3  # lines 1, 2, 7
    assert c("2_client_id_0", "wlz_zin") == 2  # lines 3, 4
    assert c("3_rol_uitgesloten", "wlz_zin") == 2  # lines 5, 6
    assert c("4_quarantaine", "wlz_zin") == 5  # lines 8-12
    assert c("1_bedrag_niet_positief", "pgb") == 1
    assert c("2_client_id_0", "pgb") == 1
    assert c("4_quarantaine", "pgb") == 1
    assert c("2_client_id_0", "zvw") == 1
    assert c("4_quarantaine", "zvw") == 2
    assert c("in_resultaat", "wlz_zin") == 1
    assert c("in_resultaat", "zvw") == 2


def test_quarantine_names_table_regelnummer_and_reason(correcties):
    q = {(r["tabel"], r["regelnummer"]): r["reden"] for r in correcties.quar}
    assert q == {
        ("wlz_zin", "8"): "begindatum onleesbaar: '2019-02-30'",
        ("wlz_zin", "9"): "onbekende prestatiecode",
        ("wlz_zin", "10"): "einddatum ligt voor begindatum",
        ("wlz_zin", "11"): "bedrag onleesbaar: '12,50'",
        ("wlz_zin", "12"): "aantal onleesbaar: 'x'",
        ("pgb", "1003"): "einddatum onleesbaar: '2019-13-01'",
        ("zvw", "2002"): "onbekende Zvw-sector (verwacht: HAZ, FRM, PMZ, MND, MSZ, GGZ, HLP)",
        ("zvw", "2003"): "bedrag_basis onleesbaar: 'abc'",
    }


def test_every_row_is_accounted_for(correcties):
    """correcties.csv: for each input table, the rows read = the sum of all other lines of that table."""
    for tabel in ("wlz_zin", "pgb", "zvw", "prestatiecodes"):
        rijen = [r for r in correcties.corr if r["tabel"] == tabel]
        gelezen = sum(int(r["rijen"]) for r in rijen if r["stap"] == "0_ingelezen")
        rest = sum(int(r["rijen"]) for r in rijen if r["stap"] != "0_ingelezen")
        assert gelezen == rest, tabel


def test_only_kept_rows_reach_the_tables(correcties):
    vv = correcties.leveringsvormen(2019, "vv")
    assert set(vv) == {"zzp_incl", "pgb"}
    assert vv["zzp_incl"]["uitgaven_wlz"] == "3100"
    assert vv["zzp_incl"]["uitgaven_zvw"] == "30"  # -20 + 50 in HAZ: the month-sector sum, > 0
    assert gewogen(vv["pgb"]) == pytest.approx(1 / 12)  # only pgb row 1004 (January)


def test_koppellijst_rows_are_checked(tmp_path):
    codes = [
        ("Z754I", "basis", "zzp", "incl", "754", "zzp"),
        ("DUBBEL", "module", "", "", "", "mpt"),
        ("DUBBEL", "module", "", "", "", "mpt"),
        ("RAAR", "onzin", "", "", "", "mpt"),
        ("ZONDERLV", "basis", "", "incl", "754", "zzp"),
    ]
    u = analyseer(
        tmp_path,
        wlz=[w("A", "DUBBEL", "2019-01-01", "2019-01-05", 1, "10"), w("A", "Z754I", "2019-01-01", "2019-01-31")],
        prestatiecodes=codes,
    )
    redenen = {(r["tabel"], r["regelnummer"]): r["reden"] for r in u.quar}
    assert redenen[("prestatiecodes", "2")].startswith("prestatiecode DUBBEL komt 2 keer voor")
    assert ("prestatiecodes", "3") in redenen
    assert redenen[("prestatiecodes", "4")].startswith("rol 'onzin' onbekend")
    assert redenen[("prestatiecodes", "5")].startswith("basisprestatie zonder geldige leveringsvorm")
    assert redenen[("wlz_zin", "1")] == "onbekende prestatiecode"
    assert u.correctie("in_resultaat", "prestatiecodes") == 1


def test_amounts_are_summed_exactly(tmp_path):
    u = analyseer(
        tmp_path,
        wlz=[
            w("A", "Z754I", "2019-01-01", "2019-01-31", 31, "0.1"),
            w("A", "T001", "2019-01-02", "2019-01-02", 1, "0.2"),
        ],
    )
    assert u.leveringsvormen(2019, "vv")["zzp_incl"]["uitgaven_wlz"] == "0.3"


# --- client-months -----------------------------------------------------------------------------------------


def test_a_line_belongs_to_the_month_of_its_begindatum(tmp_path):
    u = analyseer(
        tmp_path,
        wlz=[
            w("A", "Z754I", "2019-01-25", "2019-02-05", 12, "1200"),  # January 2019 only
            w("B", "Z754I", "2018-12-20", "2019-01-10", 22, "2200"),  # December 2018 only
        ],
    )
    r2019 = u.leveringsvormen(2019, "vv")["zzp_incl"]
    assert gewogen(r2019) == pytest.approx(1 / 12) and r2019["clienten_uniek"] == "1"
    assert gewogen(u.leveringsvormen(2018, "vv")["zzp_incl"]) == pytest.approx(1 / 12)
    totaal = u.uitgaven(2019, "vv", "zzp_incl")["totaal"]
    assert (totaal["dagen"], float(totaal["uitgaven_per_dag"])) == ("12", 100.0)


def test_pgb_belongs_to_every_month_it_overlaps_without_spending(tmp_path):
    u = analyseer(
        tmp_path,
        pgb=[p("B", "2018-12-15", "2019-03-10", "754")],  # Dec 2018, Jan, Feb, Mar 2019
        zvw=[z("B", "HAZ", "2019-02-03", basis="40")],  # a pgb month: no Zvw spending either
    )
    assert gewogen(u.leveringsvormen(2018, "vv")["pgb"]) == pytest.approx(1 / 12)
    r = u.leveringsvormen(2019, "vv")["pgb"]
    assert (gewogen(r), r["clienten_uniek"], r["uitgaven_wlz"], r["uitgaven_zvw"]) == (0.25, "1", "0", "0")
    assert not [x for x in u.uit if x["leveringsvorm"] == "pgb"]
    assert u.correctie("7_pgb_maand_zonder_uitgaven", "zvw") == 1


def test_pgb_effective_begindatum_decides_the_last_declared(tmp_path):
    u = analyseer(
        tmp_path,
        wlz=[
            # 2019, client C: in February the pgb's effective begin is 1 Feb, the same as the zzp line; the
            # pgb ends later (31 Mar > 28 Feb), so the pgb is last and February is a pgb month.
            w("C", "Z754I", "2019-02-01", "2019-02-28", 28, "2800"),
            # 2020, client D: the pgb ends 20 Feb, before the zzp line's 29 Feb: the zzp line is last.
            w("D", "Z754I", "2020-02-01", "2020-02-29", 29, "2900"),
        ],
        pgb=[p("C", "2019-01-10", "2019-03-31", "754"), p("D", "2020-01-10", "2020-02-20", "753")],
    )
    assert set(u.leveringsvormen(2019, "vv")) == {"pgb"}
    assert gewogen(u.leveringsvormen(2019, "vv")["pgb"]) == pytest.approx(3 / 12)
    assert u.correctie("7_pgb_maand_zonder_uitgaven", "wlz_zin") == 1
    lv2020 = u.leveringsvormen(2020, "vv")
    assert gewogen(lv2020["pgb"]) == pytest.approx(1 / 12) and gewogen(lv2020["zzp_incl"]) == pytest.approx(1 / 12)
    assert u.profiel(2020, "vv", 4, "pgb") is not None  # January: the pgb's own code 753 = 4VV
    assert u.profiel(2020, "vv", 5, "zzp_incl") is not None  # February: the zzp line's 754 = 5VV
    assert float(u.uitgaven(2020, "vv", "zzp_incl")["totaal"]["uitgaven_per_dag"]) == 100.0


def test_ordering_tie_breaks(tmp_path):
    u = analyseer(
        tmp_path,
        wlz=[
            # 2018: same begindatum, the later einddatum is last (despite its lower regelnummer)
            w("E", "Z754I", "2018-01-01", "2018-01-15", 15, regelnummer=50),
            w("E", "V808E", "2018-01-01", "2018-01-31", 31, regelnummer=40),
            # 2019: same dates, pgb before wlz_zin: the zzp line is last (despite the pgb's regelnummer)
            w("F", "Z754I", "2019-03-01", "2019-03-31", 31, regelnummer=1),
            # 2020: same dates and source: the higher regelnummer is last
            w("G", "Z754I", "2020-05-01", "2020-05-31", 31, regelnummer=10),
            w("G", "Z754E", "2020-05-01", "2020-05-31", 31, regelnummer=5),
            # 2021: the same with the regelnummers the other way round
            w("H", "Z754I", "2021-05-01", "2021-05-31", 31, regelnummer=11),
            w("H", "Z754E", "2021-05-01", "2021-05-31", 31, regelnummer=12),
        ],
        pgb=[p("F", "2019-03-01", "2019-03-31", "808", regelnummer=99999)],
    )
    assert set(u.leveringsvormen(2018, "ghz")) == {"vpt_excl"} and not u.leveringsvormen(2018, "vv")
    assert set(u.leveringsvormen(2019, "vv")) == {"zzp_incl"} and not u.leveringsvormen(2019, "ghz")
    assert set(u.leveringsvormen(2020, "vv")) == {"zzp_incl"}
    assert set(u.leveringsvormen(2021, "vv")) == {"zzp_excl"}
    # days of a zzp month: the aantal of all its basis lines, whatever their category
    assert u.uitgaven(2020, "vv", "zzp_incl")["totaal"]["dagen"] == "62"


# --- the classifying set K -----------------------------------------------------------------------------------


def test_behandeling_module_is_ignored_beside_a_basis_element(tmp_path):
    u = analyseer(
        tmp_path,
        wlz=[
            # 2019: vpt exclusief with modular behandeling declared later: still vpt_excl; spending = both
            w("H", "V808E", "2019-03-01", "2019-03-31", 31, "3100"),
            w("H", "B001", "2019-03-10", "2019-03-31", 1, "500", zzp="806"),
            # 2020: a (non-behandeling) module declared later than the basis line makes the month mpt
            w("I", "V808E", "2020-03-01", "2020-03-31", 31, "3100"),
            w("I", "M001", "2020-03-10", "2020-03-31", 1, "500", zzp="808"),
            # 2021: a behandeling_module with another code is not used for the sector either: 754 = 5VV
            w("J", "Z754I", "2021-01-01", "2021-01-31", 31, "3100"),
            w("J", "B001", "2021-01-20", "2021-01-31", 1, "100", zzp="806"),
        ],
    )
    assert set(u.leveringsvormen(2019, "ghz")) == {"vpt_excl"}
    g = u.uitgaven(2019, "vg", "vpt_excl", 5)
    assert (g["vpt"]["uitgaven"], g["behandeling"]["uitgaven"], g["totaal"]["uitgaven"]) == ("3100", "500", "3600")
    assert g["totaal"]["dagen"] == "31"  # the basis line's aantal, not the module span
    assert set(u.leveringsvormen(2020, "ghz")) == {"mpt"}
    m = u.uitgaven(2020, "vg", "mpt")["totaal"]
    assert m["dagen"] == "22"  # mpt days: 31 Mar - 10 Mar + 1 over the module lines
    assert float(m["uitgaven_per_dag"]) == pytest.approx(3600 / 22)
    assert set(u.leveringsvormen(2021, "vv")) == {"zzp_incl"} and not u.leveringsvormen(2021, "ghz")
    assert u.profiel(2021, "vv", 5, "zzp_incl") is not None


def test_mpt_without_basis_and_pgb_beside_mpt(tmp_path):
    u = analyseer(
        tmp_path,
        wlz=[
            w("K", "B001", "2019-06-05", "2019-06-10", 1, "60", zzp="808"),  # behandeling_module alone: mpt
            w("L", "M001", "2020-06-01", "2020-06-10", 1, "100", zzp="754"),
        ],
        pgb=[p("L", "2020-06-15", "2020-06-30", "754")],  # later than the module, but pgb beside mpt is mpt
    )
    assert set(u.leveringsvormen(2019, "ghz")) == {"mpt"}
    assert u.uitgaven(2019, "vg", "mpt")["totaal"]["dagen"] == "6"
    assert set(u.leveringsvormen(2020, "vv")) == {"mpt"}
    assert u.uitgaven(2020, "vv", "mpt")["totaal"]["dagen"] == "10"


def test_toeslag_only_month_is_unclassified_and_counted(tmp_path):
    u = analyseer(
        tmp_path,
        wlz=[w("U", "T001", "2019-01-05", "2019-01-05", 1, "50")],
        zvw=[z("U", "HAZ", "2019-01-06", basis="10")],
    )
    assert not u.lv and not u.zp and not u.uit
    assert u.correctie("5_maand_ongeclassificeerd", "clientmaanden") == 1
    assert u.correctie("5_maand_ongeclassificeerd", "wlz_zin") == 1
    assert u.correctie("5_maand_ongeclassificeerd", "zvw") == 1


# --- sector and zorgprofiel ----------------------------------------------------------------------------------


def test_sector_and_profile_from_the_last_element_with_a_known_code(tmp_path):
    u = analyseer(
        tmp_path,
        wlz=[
            # 2019: koppellijst without code -> the line's zzp_code 753 (4VV)
            w("M", "ZLEEG", "2019-01-01", "2019-01-31", 31, "100", zzp="753"),
            # 2020: the koppellijst's code (754, 5VV) wins over the line's (808)
            w("N", "Z754I", "2020-01-01", "2020-01-31", 31, "100", zzp="808"),
            # 2021: the last module carries an unknown code -> the earlier module's 808 (VG5)
            w("O", "M001", "2021-01-02", "2021-01-05", 1, "100", zzp="808"),
            w("O", "M001", "2021-01-20", "2021-01-25", 1, "100", zzp="123"),
            # 2018: no known code / ggz / special code: left out of every table, but counted
            w("P", "M001", "2018-01-02", "2018-01-05", 1, "100"),
            w("Q", "M001", "2018-01-02", "2018-01-05", 1, "100", zzp="760"),
            w("R", "M001", "2018-01-02", "2018-01-05", 1, "100", zzp="998"),
        ],
    )
    assert u.profiel(2019, "vv", 4, "zzp_excl") is not None
    assert u.profiel(2020, "vv", 5, "zzp_incl") is not None and not u.leveringsvormen(2020, "ghz")
    assert u.profiel(2021, "vg", 5, "mpt") is not None
    assert u.uitgaven(2021, "vg", "mpt", 5)["totaal"]["dagen"] == "24"  # 25 - 2 + 1
    assert not [r for r in u.lv + u.zp + u.uit if r["jaar"] == "2018"]
    for sector in ("onbekend", "ggz", "overig"):
        assert u.correctie(f"6_sector_{sector}", "clientmaanden") == 1
        assert u.correctie(f"6_sector_{sector}", "wlz_zin") == 1


def test_vg_rows_are_the_vg_subset_of_ghz(tmp_path):
    u = analyseer(
        tmp_path,
        wlz=[
            w("V", "V808I", "2019-01-01", "2019-01-31", 31, "3100"),  # VG5
            w("W", "M001", "2019-01-01", "2019-01-10", 1, "100", zzp="820"),  # LG1: ghz, not vg
        ],
    )
    assert set(u.leveringsvormen(2019, "ghz")) == {"vpt_incl", "mpt"}
    assert u.profiel(2019, "ghz", 5, "vpt_incl") and u.profiel(2019, "ghz", 1, "mpt")
    assert u.profiel(2019, "vg", 5, "vpt_incl") and u.profiel(2019, "vg", 1, "mpt") is None
    assert {r["leveringsvorm"] for r in u.uit if r["sector"] == "vg"} == {"vpt_incl"}
    assert not [r for r in u.uit if r["sector"] == "ghz"]


# --- days, spending, clients -------------------------------------------------------------------------------


def test_days_and_spending_per_day(tmp_path):
    u = analyseer(
        tmp_path,
        wlz=[
            # zzp: two basis lines, the later one exclusief -> zzp_excl with 10 + 21 = 31 days
            w("R", "Z754I", "2019-01-01", "2019-01-10", 10, "1000"),
            w("R", "Z754E", "2019-01-11", "2019-01-31", 21, "2100"),
            # mpt: 3 Jan .. min(20 Feb, 31 Jan) -> 29 days
            w("S", "M001", "2019-01-03", "2019-01-10", 1, "200", zzp="808"),
            w("S", "B001", "2019-01-12", "2019-02-20", 1, "300", zzp="808"),
        ],
    )
    zzp = u.uitgaven(2019, "vv", "zzp_excl")
    assert (zzp["zzp"]["uitgaven"], zzp["totaal"]["dagen"], float(zzp["totaal"]["uitgaven_per_dag"])) == (
        "3100",
        "31",
        100.0,
    )
    mpt = u.uitgaven(2019, "vg", "mpt", 5)
    assert (mpt["mpt"]["uitgaven"], mpt["behandeling"]["uitgaven"], mpt["totaal"]["dagen"]) == ("200", "300", "29")
    assert float(mpt["totaal"]["uitgaven_per_dag"]) == pytest.approx(500 / 29)
    # every soort_zorg label and every Zvw sector has a row, plus totaal
    assert set(mpt) == {
        "behandeling",
        "mpt",
        "toeslag",
        "vpt",
        "zzp",
        "HAZ",
        "FRM",
        "PMZ",
        "MND",
        "MSZ",
        "GGZ",
        "HLP",
        "totaal",
    }


def test_zvw_spending_positive_sums_of_classified_months_only(tmp_path):
    u = analyseer(
        tmp_path,
        wlz=[w("T", "Z754I", "2019-01-01", "2019-01-31", 31, "3100")],
        zvw=[
            z("T", "HAZ", "2019-01-05", basis="30"),
            z("T", "HAZ", "2019-01-20", basis="-10"),  # HAZ: 20
            z("T", "FRM", "2019-01-07", basis="5"),
            z("T", "FRM", "2019-01-08", basis="-8"),  # FRM: -3 -> left out
            z("T", "PMZ", "2019-01-09", basis="20", aanvullend="10", er="4", eb="1"),  # PMZ: 25
            z("T", "MND", "2019-01-10", basis="10", er="10"),  # MND: 0 -> left out (not > 0)
            z("T", "HAZ", "2019-02-03", basis="99"),  # February: no Wlz month
        ],
    )
    assert u.leveringsvormen(2019, "vv")["zzp_incl"]["uitgaven_zvw"] == "45"
    g = u.uitgaven(2019, "vv", "zzp_incl")
    assert (g["HAZ"]["uitgaven"], g["FRM"]["uitgaven"], g["PMZ"]["uitgaven"], g["MND"]["uitgaven"]) == (
        "20",
        "0",
        "25",
        "0",
    )
    assert float(g["totaal"]["uitgaven_per_dag"]) == pytest.approx(3145 / 31)
    assert u.correctie("9_zvw_maandsom_niet_positief", "zvw") == 3
    assert u.correctie("8_zvw_zonder_wlz_clientmaand", "zvw") == 1
    assert u.correctie("in_resultaat", "zvw") == 3


def test_weighted_and_unique_clients(tmp_path):
    u = analyseer(
        tmp_path,
        wlz=[
            w("X", "Z754I", "2019-01-01", "2019-01-31", 31),  # X: January zzp_incl
            w("X", "V754E", "2019-02-01", "2019-02-28", 28),  # X: February vpt_excl
            w("Y", "Z754I", "2019-01-01", "2019-01-31", 31),  # Y: January..March zzp_incl
            w("Y", "Z754I", "2019-02-01", "2019-02-28", 28),
            w("Y", "Z754I", "2019-03-01", "2019-03-31", 31),
        ],
    )
    zi = u.profiel(2019, "vv", 5, "zzp_incl")
    assert (gewogen(zi), zi["clienten_uniek"]) == (pytest.approx(4 / 12), "2")
    ve = u.profiel(2019, "vv", 5, "vpt_excl")
    assert (gewogen(ve), ve["clienten_uniek"]) == (pytest.approx(1 / 12), "1")
    alle = u.profiel(2019, "vv", 5, "alle")
    assert (gewogen(alle), alle["clienten_uniek"]) == (pytest.approx(5 / 12), "2")  # unique is not a sum
    lv = u.leveringsvormen(2019, "vv")
    assert (gewogen(lv["zzp_incl"]), lv["zzp_incl"]["clienten_uniek"]) == (pytest.approx(4 / 12), "2")


# --- pgb months, regelnummers --------------------------------------------------------------------------------


def test_open_pgb_grant_is_spread_only_over_the_analysed_years(tmp_path):
    u = analyseer(
        tmp_path,
        wlz=[w("A", "Z754I", "2020-03-01", "2020-03-31", 31, "3100")],  # last declared year: 2020
        pgb=[
            p("B", "2019-11-10", "9999-12-31", "754"),  # open grant: Nov 2019 .. Dec 2020 only
            p("C", "2020-06-01", "2020-06-30", "753"),  # ends inside the period: unchanged
            p("D", "2021-02-01", "9999-12-31", "754"),  # begins after the analysed years: counted, no months
        ],
        zvw=[z("B", "HAZ", "2020-12-05")],
    )
    assert sorted({r["jaar"] for r in u.lv}) == ["2019", "2020"]  # no table row after 2020
    assert gewogen(u.leveringsvormen(2019, "vv")["pgb"]) == pytest.approx(2 / 12)
    pgb2020 = u.leveringsvormen(2020, "vv")["pgb"]
    assert gewogen(pgb2020) == pytest.approx(13 / 12)  # B: 12 months, C: June
    assert pgb2020["clienten_uniek"] == "2"
    assert u.correctie("7_pgb_begint_na_analyseperiode", "pgb") == 1
    assert u.correctie("in_resultaat", "pgb") == 2
    assert u.correctie("0_ingelezen", "pgb") == 3


def test_pgb_only_folder_keeps_the_grants_own_years(tmp_path):
    u = analyseer(tmp_path, pgb=[p("B", "2019-11-10", "9999-12-31", "754")])
    assert sorted({r["jaar"] for r in u.lv}) == ["2019"]
    assert gewogen(u.leveringsvormen(2019, "vv")["pgb"]) == pytest.approx(2 / 12)
    assert u.correctie("in_resultaat", "pgb") == 1


def test_duplicate_regelnummers_are_all_quarantined(tmp_path):
    reden = "regelnummer komt {} keer voor in de tabel (moet uniek zijn): alle rijen met dit regelnummer in quarantaine"
    u = analyseer(
        tmp_path,
        wlz=[
            w("A", "Z754I", "2019-01-01", "2019-01-31", 31, "3100", regelnummer=7),
            w("A", "Z754E", "2019-01-01", "2019-01-31", 31, "3100", regelnummer=7),  # twin: both out
            w("B", "Z754I", "2019-01-01", "2019-01-31", 31, "0", regelnummer=8),  # step 1 first
            w("B", "Z754I", "2019-01-01", "2019-01-31", 31, "3100", regelnummer=8),  # its twin: quarantine
            w("C", "Z754I", "2019-01-01", "2019-01-31", 31, "3100", regelnummer=9),  # unique: kept
            w("C", "Z754I", "2019-02-01", "2019-02-28", 28, "2800", regelnummer="0009"),  # 9 again
            w("D", "Z754I", "2019-01-01", "2019-01-31", 31, "3100", regelnummer=10),
        ],
        pgb=[
            p("E", "2019-01-01", "2019-01-31", "754", regelnummer=1),
            p("F", "2019-01-01", "2019-01-31", "754", regelnummer=1),
        ],
        zvw=[
            z("D", "HAZ", "2019-01-10", regelnummer=5),
            z("D", "FRM", "2019-01-11", regelnummer=5),
            z("D", "HAZ", "2019-01-12", regelnummer=6),
        ],
    )
    q = sorted((r["tabel"], r["regelnummer"], r["reden"]) for r in u.quar)
    assert q == sorted(
        [
            ("wlz_zin", "7", reden.format(2)),
            ("wlz_zin", "7", reden.format(2)),
            ("wlz_zin", "8", reden.format(2)),
            ("wlz_zin", "9", reden.format(2)),
            ("wlz_zin", "0009", reden.format(2)),
            ("pgb", "1", reden.format(2)),
            ("pgb", "1", reden.format(2)),
            ("zvw", "5", reden.format(2)),
            ("zvw", "5", reden.format(2)),
        ]
    )
    assert u.correctie("1_bedrag_niet_positief", "wlz_zin") == 1
    assert u.correctie("4_quarantaine", "wlz_zin") == 5
    assert u.correctie("in_resultaat", "wlz_zin") == 1  # only D's line
    assert u.correctie("in_resultaat", "zvw") == 1
    vv = u.leveringsvormen(2019, "vv")
    assert set(vv) == {"zzp_incl"} and vv["zzp_incl"]["clienten_uniek"] == "1"


def test_regelnummer_outside_the_ordering_key_is_quarantined_with_a_clear_reason(tmp_path):
    from wlz.claims.parse import MAX_REGELNUMMER

    u = analyseer(
        tmp_path,
        wlz=[
            w("A", "Z754I", "2019-01-01", "2019-01-31", 31, regelnummer=-1),
            w("A", "Z754I", "2019-01-01", "2019-01-31", 31, regelnummer=MAX_REGELNUMMER + 1),
            w("A", "Z754I", "2019-01-01", "2019-01-31", 31, regelnummer=MAX_REGELNUMMER),  # the largest: kept
        ],
        pgb=[p("B", "2019-01-01", "2019-01-31", "754", regelnummer=-5)],
    )
    redenen = {(r["tabel"], r["regelnummer"]): r["reden"] for r in u.quar}
    assert set(redenen) == {("wlz_zin", "-1"), ("wlz_zin", str(MAX_REGELNUMMER + 1)), ("pgb", "-5")}
    for reden in redenen.values():
        assert reden.startswith(f"regelnummer buiten het bereik van de sorteersleutel (0..{MAX_REGELNUMMER})")
    assert u.correctie("in_resultaat", "wlz_zin") == 1
