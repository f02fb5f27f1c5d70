"""The Wlz-wijzer's comparison (``wlz.zorgkantoor.services.wijzer``) on the real rules engine: the amounts are the
rules' own, 'voorbeeldbedrag' sits exactly on amounts whose own result is voorbeeld, and the verdicts follow the
rules (nothing decided by the service)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from wlz.zorgkantoor.adapters import rules_engine
from wlz.zorgkantoor.services import wijzer

VOORBEELD = Path(__file__).resolve().parents[2] / "src" / "wlz" / "rules" / "voorbeeld_parameters.yaml"


def _rij(v: dict, lv: str) -> dict:
    return next(r for r in v["rijen"] if r["leveringsvorm"] == lv)


def test_vg5_2017_bedragen_en_oordelen_van_de_rekenregels():
    """VG5 in 2017 (seed 000 tabel 1: € 62.400), no example values involved: nothing is marked voorbeeld."""
    v = wijzer.vergelijk(zorgprofiel="VG5", jaar=2017, client={}, partner=False)
    assert [r["leveringsvorm"] for r in v["rijen"]] == ["verblijf", "vpt", "mpt", "pgb", "mpt_pgb"]
    mpt = _rij(v, "mpt")
    assert mpt["budget"]["waarde"] == 62400.0 and not mpt["budget"]["voorbeeld"]
    # a pgb for VG5 needs gewaarborgde hulp (Rlz art. 5.6): said in plain words, without the technical field
    pgb = _rij(v, "pgb")["niet_mogelijk"]
    assert "gewaarborgde hulp" in pgb and "Rlz art. 5.6" in pgb and "client." not in pgb
    assert _rij(v, "verblijf")["regelingen"]["ekt"]["oordeel"] == "geldt_niet"
    assert mpt["regelingen"]["ekt"]["oordeel"] == "kan_gelden"
    assert {_rij(v, lv)["regelingen"]["pab"]["oordeel"] for lv in ("verblijf", "vpt", "mpt")} == {"geldt_niet"}
    assert not v["voorbeeld"]
    # the ekt maximum in 2017 is 25% of a published budget: an amount, not marked
    assert mpt["regelingen"]["ekt"]["maximum"]["waarde"] == 15600.0
    assert not mpt["regelingen"]["ekt"]["maximum"]["voorbeeld"]


def test_een_ja_van_de_rekenregels_is_altijd_kan_gelden():
    """Where the rules say yes for the user's own facts, the wijzer never says anything else."""
    client = {"zorgbehoefte_uren_per_week": 30.0, "profiel_uren_per_week": 10.0}
    v = wijzer.vergelijk(zorgprofiel="VG5", jaar=2017, client=client, partner=False)
    for lv in ("verblijf", "vpt", "mpt"):
        uitkomst = rules_engine.bereken(
            {"periode": "2017", "client": {"zorgprofiel": "VG5", "leveringsvorm": lv, **client}}
        )
        for regeling, namen in rules_engine.REGELING_RESULTATEN.items():
            if uitkomst.resultaten[namen["in_aanmerking"]].waarde:
                assert _rij(v, lv)["regelingen"][regeling]["oordeel"] == "kan_gelden", (lv, regeling)


def test_uitleg_die_voor_meer_leveringsvormen_gelijk_is_staat_er_een_keer():
    v = wijzer.vergelijk(zorgprofiel="VG5", jaar=2017, client={"gewaarborgde_hulp": True}, partner=False)
    for regeling, groepen in v["regeling_uitleg"].items():
        namen = [n for g in groepen for n in g["leveringsvormen"]]
        assert sorted(namen) == sorted(r["naam"] for r in v["rijen"]), regeling  # each leveringsvorm once
        teksten = [g["sleutel"] for g in groepen]
        assert len(teksten) == len(set(teksten)), regeling  # and each text once
    assert len(v["regeling_uitleg"]["meerzorg"]) < len(v["rijen"])


_MET_VOORBEELDBESTAND = """
import json
from wlz.zorgkantoor.services import wijzer
from wlz.zorgkantoor.adapters import rules_engine

uit = {}
v = wijzer.vergelijk(zorgprofiel="VG5", jaar=2025, client={"gewaarborgde_hulp": True, "inkomen_peiljaar": 25000},
                     partner=False)
uit["vg5"] = v["rijen"]
# the rules' own flag per result, to compare with
eigen = {}
for lv in ("mpt", "pgb", "mpt_pgb"):
    r = rules_engine.bereken({"periode": "2025", "client": {"zorgprofiel": "VG5", "leveringsvorm": lv,
                              "gewaarborgde_hulp": True, "inkomen_peiljaar": 25000}}).resultaten
    eigen[lv] = {n: r[n].voorbeeld for n in ("pgb_budget", "mpt_budget", "doelmatigheid_grens",
                                                 "eigen_bijdrage_jaar", "ekt_max_verhoging")}
uit["eigen"] = eigen
lg5 = wijzer.vergelijk(zorgprofiel="LG5", jaar=2019, client={"gewaarborgde_hulp": True}, partner=False)
uit["lg5"] = lg5["rijen"]
print(json.dumps(uit))
"""


def test_voorbeeldbedrag_alleen_op_bedragen_uit_het_voorbeeldbestand():
    """With the shipped example parameters (as ``scripts/run.sh`` and the demo server use them, read at process
    start, hence a subprocess): the budgets built on the example pgb amount are marked; the eigen bijdrage (Blz
    2025) and the pab maximum (seed 002: € 239.110 in 2019) are published amounts and are not."""
    env = {**os.environ, "WLZ_PARAMETERS": str(VOORBEELD)}
    out = subprocess.run(
        [sys.executable, "-c", _MET_VOORBEELDBESTAND], env=env, capture_output=True, text=True, check=True
    )
    data = json.loads(out.stdout)
    rijen = {r["leveringsvorm"]: r for r in data["vg5"]}
    naam = {"mpt": "mpt_budget", "pgb": "pgb_budget", "mpt_pgb": "doelmatigheid_grens"}
    for lv in ("mpt", "pgb", "mpt_pgb"):
        r = rijen[lv]
        assert r["budget"]["waarde"] == 42957.0  # pgb.profielbedrag.VG5, 2025, in the example file
        assert r["budget"]["voorbeeld"] is True is data["eigen"][lv][naam[lv]]
        assert r["eigen_bijdrage"]["waarde"] is not None
        assert r["eigen_bijdrage"]["voorbeeld"] is False is data["eigen"][lv]["eigen_bijdrage_jaar"]
        assert r["eigen_bijdrage_maand"]["voorbeeld"] is False
        ekt = r["regelingen"]["ekt"]["maximum"]
        assert ekt["voorbeeld"] is True is data["eigen"][lv]["ekt_max_verhoging"]  # 25% of an example budget
        # schemes without an amount in the table carry no marking at all
        assert r["regelingen"]["meerzorg"]["maximum"] is None
        assert r["regelingen"]["overbruggingszorg"]["maximum"] is None
    # verblijf: its costs are unknown (no dagtarief): 'onbekend' is never marked
    assert rijen["verblijf"]["budget"]["waarde"] is None and rijen["verblijf"]["budget"]["voorbeeld"] is False
    lg5 = {r["leveringsvorm"]: r for r in data["lg5"]}
    pab = lg5["pgb"]["regelingen"]["pab"]
    assert pab["oordeel"] == "kan_gelden"
    assert pab["maximum"]["waarde"] == 239110.0 and pab["maximum"]["voorbeeld"] is False
