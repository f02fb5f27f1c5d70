"""The transcription of seed 004's tables 1-6 checks against itself (the seed's own small disagreements named)."""

from __future__ import annotations

from wlz.scenario.basis import read_seed004, seed004_tabellen

T = seed004_tabellen()["tabellen"]


def test_table_1_and_2_rows_add_up_to_the_total_except_the_seeds_own_rounding() -> None:
    for naam in ("tabel_1", "tabel_2"):
        rijen = T[naam]["rijen"]
        for i, jaar in enumerate(T[naam]["jaren"]):
            som = sum(v[i] for k, v in rijen.items() if k != "totaal")
            verschil = som - rijen["totaal"][i]
            # the seed prints rounded weighted counts: rows may differ from the total by one
            assert abs(verschil) <= 1, (naam, jaar, som)
    assert sum(v[1] for k, v in T["tabel_1"]["rijen"].items() if k != "totaal") == 121306  # total says 121,305


def test_tables_5_and_6_against_table_4_per_profile() -> None:
    """Column sums of tables 5-6 against table 4; the seed itself differs in seven profiles (by 1 to 7 clients).

    Checked by hand against the seed text, so a typo in the transcription would change this list.
    """
    t4 = T["tabel_4"]
    verschillen = {}
    for naam in ("tabel_5", "tabel_6"):
        t = T[naam]
        for i, p in enumerate(t["profielen"]):
            som = sum(v[i] for v in t["rijen"].values())
            totaal = t4["rijen"][t["sector"]][t4["profielen"].index(p)]
            if som != totaal:
                verschillen[(t["sector"], p)] = som - totaal
    assert verschillen == {
        ("vg", 4): 1,
        ("vg", 5): -1,
        ("vg", 8): 1,
        ("vv", 4): 4,
        ("vv", 5): 1,
        ("vv", 6): 7,
        ("vv", 8): 3,
    }


def test_basis_cube_holds_the_cells_the_design_notes_quote() -> None:
    c = read_seed004().clienten.set_index(["sector", "zorgprofiel", "optie"]).clienten_gewogen
    assert c[("vv", 5, "zzp_incl")] == 52201
    assert c[("vg", 7, "zzp_incl")] == 13249
    assert len(c) == 6 * 6 + 5 * 6
