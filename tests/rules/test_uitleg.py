"""Explanations a layperson reads: Dutch numbers, the one ground that applies, the deduction
used, the text of the year first, nothing irrelevant, seeds by title and table.

:func:`test_geen_artefacten` computes the example situations of ``examples/situaties`` and a grid over years
2015-2026, leveringsvormen and households, and scans every explanation, every parameter source and every source
title for what a programmer's formatting leaves behind (``10.0%``, ``0.04``, ``True``, ``None``, ``nan``,
``seed:`` or a seed's file name, an amount with an English decimal point).
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from openfisca_core.simulation_builder import SimulationBuilder

from wlz.rules import bereken
from wlz.rules.files import read_data
from wlz.rules.system import systeem

VOORBEELDEN = Path(__file__).parents[2] / "examples" / "situaties"
ARTEFACT = re.compile(
    r"\d+\.\d+\s?%"  # 10.0%
    r"|(?<![\d.,])0\.\d+"  # 0.04
    r"|\b(True|False|None|nan|NaN|inf)\b"
    r"|seed:|seed \d{3}_[0-9a-f]+|\d{3}_[0-9a-f]{16}\.txt"  # a seed cited by its file
    r"|€ ?-?\d+\.\d{1,2}\b(?!\d)"  # € 1234.5
)

_PAB = {"medische_noodzaak_permanent_toezicht": True, "geen_cognitieve_beperking": True, "budget_zelf_beheren": True}
_VORMEN = (
    ("VV5", "verblijf", {}),
    ("VV5", "pgb", {"gewaarborgde_hulp": True}),
    ("VG5", "mpt", {"mpt_kosten": 30000}),
    ("LG7", "pgb", _PAB),
    ("VG7", "mpt_pgb", {"gewaarborgde_hulp": True, "mpt_kosten": 30000, "pgb_deel": 20000}),
)


def _situaties():
    for pad in sorted(VOORBEELDEN.glob("*.yaml")):
        yield pad.stem, read_data(pad, "SITUATIE", "")
    for jaar in (2015, 2016, 2017, 2018, 2019, 2021, 2023, 2024, 2025, 2026):  # every change of the Blz texts
        for profiel, lv, extra in _VORMEN:
            partners = (
                (None, {"geboortedatum": "1950-01-01", "inkomen_peiljaar": 15000}) if lv != "mpt_pgb" else (None,)
            )
            for partner in partners:
                client = {
                    "zorgprofiel": profiel,
                    "leveringsvorm": lv,
                    "geboortedatum": "1948-03-01",
                    "inkomen_peiljaar": 32000,
                    "grondslag_sparen_beleggen_peiljaar": 80000,
                    **extra,
                }
                situatie = {"periode": jaar, "client": client}
                if partner:
                    situatie["partner"] = partner
                yield f"{jaar}-{profiel}-{lv}-{'partner' if partner else 'alleen'}", situatie


def test_geen_artefacten():
    gevonden = []
    for naam, situatie in _situaties():
        for jaar in bereken(situatie).jaren:
            for r in jaar.resultaten:
                teksten = [r.uitleg, *(p.bron or "" for p in r.parameters), *(b.titel for b in r.bronnen)]
                gevonden += [
                    f"{naam} {r.naam}: {m.group()!r} in {t[:120]!r}" for t in teksten for m in ARTEFACT.finditer(t)
                ]
                gevonden += [f"{naam} {r.naam}: url {b.url!r}" for b in r.bronnen if b.url.startswith("seed")]
    assert not gevonden, "\n".join(gevonden[:20])


def _jaar(situatie):
    return bereken(situatie).jaren[0]


def test_lage_bijdrage_noemt_een_grond_en_de_aftrek():
    thuis = _jaar(
        {
            "periode": 2025,
            "client": {
                "zorgprofiel": "VV5",
                "leveringsvorm": "pgb",
                "gewaarborgde_hulp": True,
                "inkomen_peiljaar": 30000,
            },
        }
    )
    reden = thuis.resultaat("eigen_bijdrage").uitleg
    assert "u woont thuis en krijgt zorg met een pgb" in reden
    assert "kinderen" not in reden and "terugkeer" not in reden and "partner" not in reden
    inkomen = thuis.resultaat("bijdrageplichtig_inkomen_laag").uitleg
    assert "min € 7.456,20" in inkomen  # Blz 2025 art. 3.3.2.4 lid 1
    assert "10%" in thuis.resultaat("eigen_bijdrage_laag").uitleg
    kinderen = _jaar(
        {
            "periode": 2025,
            "client": {"zorgprofiel": "VV5", "verblijf_begin": "2020-01-01", "inkomen_peiljaar": 30000},
            "huishouden": {"kinderen_ten_laste": True},
        }
    )
    reden = kinderen.resultaat("eigen_bijdrage").uitleg
    assert "kinderen ten laste" in reden and "thuis" not in reden
    assert "min € 7.456,20" not in kinderen.resultaat("bijdrageplichtig_inkomen_laag").uitleg  # no care at home


def test_2025_noemt_eerst_de_tekst_van_2025_en_2017_niet():
    client = {"zorgprofiel": "VV5", "leveringsvorm": "vpt", "inkomen_peiljaar": 30000}
    bronnen = _jaar({"periode": 2025, "client": client}).resultaat("eigen_bijdrage_laag").bronnen
    assert "2025-01-01" in bronnen[0].url
    bronnen = _jaar({"periode": 2017, "client": client}).resultaat("eigen_bijdrage_laag").bronnen
    assert all("2025-01-01" not in b.url for b in bronnen)


def test_pgb_client_ziet_geen_hoge_bijdrage():
    jaar = _jaar(
        {
            "periode": 2019,
            "client": {
                "zorgprofiel": "VV5",
                "leveringsvorm": "pgb",
                "gewaarborgde_hulp": True,
                "inkomen_peiljaar": 60000,
            },
        }
    )
    hoog = jaar.resultaat("eigen_bijdrage_hoog")
    assert hoog.waarde == 0 and hoog.uitleg.startswith("Niet van toepassing")
    verblijf = _jaar({"periode": 2019, "client": {"zorgprofiel": "VV5", "inkomen_peiljaar": 60000}})
    assert verblijf.resultaat("eigen_bijdrage_hoog").uitleg.startswith("Hoge eigen bijdrage")


def test_seed_bij_titel_en_tabel():
    pgb = _jaar(
        {"periode": 2017, "client": {"zorgprofiel": "VG5", "leveringsvorm": "pgb", "gewaarborgde_hulp": True}}
    ).resultaat("pgb_budget")
    assert any(b.titel == "Kamerbrief maatwerk in de Wlz (Kamerstuk 34 104, nr. 167), tabel 1" for b in pgb.bronnen)


def test_compensatie_ouderentoeslag_onbekend_in_een_jaar_zonder_bedragen():
    # 2023: the amounts of Blz art. 3.3.1.2a are not known: unknown for someone at AOW age, not a silent 0
    sim = SimulationBuilder().build_from_entities(
        systeem(),
        {
            "personen": {
                "c": {
                    "zorgprofiel": {"ETERNITY": "VV5"},
                    "pensioengerechtigd": {"2023": True},
                    "inkomen_peiljaar": {"2023": 15000},
                }
            },
            "huishoudens": {"h": {"clienten": ["c"]}},
        },
    )
    assert np.isnan(sim.calculate("compensatie_ouderentoeslag", "2023")[0])


@pytest.mark.parametrize("jaar", [2018, 2024])
def test_compensatie_ouderentoeslag_bekend_waar_de_bedragen_bekend_zijn(jaar):
    sim = SimulationBuilder().build_from_entities(
        systeem(),
        {
            "personen": {
                "c": {
                    "zorgprofiel": {"ETERNITY": "VV5"},
                    "pensioengerechtigd": {str(jaar): True},
                    "inkomen_peiljaar": {str(jaar): 15000},
                }
            },
            "huishoudens": {"h": {"clienten": ["c"]}},
        },
    )
    assert not np.isnan(sim.calculate("compensatie_ouderentoeslag", str(jaar))[0])
