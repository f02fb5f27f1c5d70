"""The maatwerk option on the CIZ pilot's export (issues 11, 14): the need-to-profile ratios per zorgprofiel
instead of the synthetic spread, the source named in the report and scenario.json, bad files refused naming the
field (exit 2), and an export made by the CIZ's own code path from a small CIZ demo read as it comes."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from scenario_helpers import write_claims
from typer.testing import CliRunner

from wlz.cli import app
from wlz.common.errors import InputError
from wlz.scenario import parse_scenario, read_scenario, run_scenario, write_outputs
from wlz.scenario.basis import read_basis

# VG3 pgb 2015 in the rules: EUR 27,642 (tests/scenario/test_maatwerk.py); amounts here are voorbeeld ratios of it
VG3 = 27642


def _rec(i: int, profiel: str, bedrag: str, profielbedrag: str | None, **kw: Any) -> dict[str, Any]:
    r: dict[str, Any] = {
        "pilot": "maatwerkindicatie",
        "id": f"rec{i}",
        "pilotgroep": "voorbeeld",
        "jaar": 2015,
        "zorgprofiel": profiel,
        "behoeften": [],
        "context": "",
        "voorkeuren": "",
        "bedrag": bedrag,
        "profielbedrag": profielbedrag,
        "verschil": None,
    }
    r.update(kw)
    return r


#: VG3 ratios 0.5, 1.2, 1.5 (one less, two more; mean 1.0667), VV5 1.1, one record without profile amount
RECORDS = [
    _rec(1, "VG3", "13821.00", "27642.00"),
    _rec(2, "VG3", "33170.40", "27642.00"),
    _rec(3, "VG3", "41463.00", "27642.00"),
    _rec(4, "VV5", "110.00", "100.00"),
    _rec(5, "VG3", "5000.00", None),
]


def _export(tmp_path: Path, records: Any = RECORDS, naam: str = "export.json") -> Path:
    p = tmp_path / naam
    p.write_text(json.dumps(records), encoding="utf-8")
    return p


def _run(pad: Path, **kw: Any):  # type: ignore[no-untyped-def]
    return run_scenario(
        parse_scenario({"opties": [{"maatwerkindicatie": {"pilot_export": str(pad), **kw}}]}), "seed004"
    )


def test_pilot_ratios_per_profile_by_hand(tmp_path: Path) -> None:
    u = _run(_export(tmp_path), behoefte_pct_van_profiel=[80, 100, 130])
    m = u.maatwerk.set_index(["sector", "zorgprofiel", "optie"])
    r = m.loc[("vg", 3, "mpt")]
    scope = 5289 * 0.03  # seed 004 table 5, seed 003 circa 3 %
    assert r.clienten_maatwerk == pytest.approx(scope)
    assert r.meer == pytest.approx(scope * 2 / 3) and r.minder == pytest.approx(scope / 3)
    assert r.verschil_totaal == pytest.approx(scope * (3.2 / 3 - 1) * VG3)
    assert (
        "CIZ-pilot maatwerkindicatie, 5 records" in r.opmerking and "1 zonder profielbedrag overgeslagen" in r.opmerking
    )
    # a profile without pilot records keeps the chosen points (80, 100, 130), and says so
    r4 = m.loc[("vg", 4, "mpt")]
    assert r4.meer == pytest.approx(r4.clienten_maatwerk / 3) and "geen pilotrecords" in r4.opmerking
    # VV5: a single ratio 1.1, everybody more
    r5 = m.loc[("vv", 5, "mpt")]
    assert r5.meer == pytest.approx(r5.clienten_maatwerk) and r5.minder == 0
    assert any("CIZ-pilot maatwerkindicatie, 5 records" in x for x in u.meldingen)


def test_source_in_scenario_json_and_report(tmp_path: Path) -> None:
    pad = _export(tmp_path)
    u = _run(pad)
    write_outputs(u, tmp_path / "uit")
    s = json.loads((tmp_path / "uit" / "scenario.json").read_text(encoding="utf-8"))
    optie = s["scenario"]["opties"][0]
    assert optie["parameters"]["pilot_export"] == str(pad.resolve())
    p = optie["pilot_export"]
    assert p["bron"].startswith("CIZ-pilot maatwerkindicatie, 5 records")
    assert p["records"] == 5 and p["overgeslagen_zonder_profielbedrag"] == 1
    assert p["records_per_zorgprofiel"] == {"VG3": 3, "VV5": 1} and len(p["sha256"]) == 64
    assert optie["bronnen"]["pilot_export"].startswith("CIZ-pilot maatwerkindicatie: een bewaarde export")
    html = (tmp_path / "uit" / "rapport.html").read_text(encoding="utf-8")
    assert "CIZ-pilot maatwerkindicatie, 5 records" in html


def test_relative_path_from_the_scenario_file(tmp_path: Path) -> None:
    _export(tmp_path, naam="pilot.json")
    (tmp_path / "s.yaml").write_text("opties:\n  - maatwerkindicatie: {pilot_export: pilot.json}\n", encoding="utf-8")
    s = read_scenario(tmp_path / "s.yaml")
    assert s.stappen[0].optie.pilot_export == str((tmp_path / "pilot.json").resolve())  # type: ignore[union-attr]


SLECHT = [
    ("geen json", "{niet: json", "opties[0].maatwerkindicatie.pilot_export"),
    ("geen lijst", {"pilot": "maatwerkindicatie"}, "opties[0].maatwerkindicatie.pilot_export"),
    ("leeg", [], "opties[0].maatwerkindicatie.pilot_export"),
    ("verkeerde tag", [_rec(1, "VG3", "1", "2", pilot="iets anders")], "pilot_export[0].pilot"),
    ("geen bedrag", [RECORDS[0], {k: v for k, v in RECORDS[1].items() if k != "bedrag"}], "pilot_export[1].bedrag"),
    ("geen profielbedrag-veld", [{k: v for k, v in RECORDS[0].items() if k != "profielbedrag"}], "[0].profielbedrag"),
    ("geen zorgprofiel", [_rec(1, "XX9", "1", "2")], "pilot_export[0].zorgprofiel"),
    ("bedrag geen getal", [_rec(1, "VG3", "veel", "2")], "pilot_export[0].bedrag"),
    ("negatief", [_rec(1, "VG3", "-1", "2")], "pilot_export[0].bedrag"),
    ("alleen zonder profielbedrag", [RECORDS[4]], "pilot_export[0].profielbedrag"),
]


@pytest.mark.parametrize(("inhoud", "veld"), [s[1:] for s in SLECHT], ids=[s[0] for s in SLECHT])
def test_bad_export_exit_2_naming_the_field(tmp_path: Path, inhoud: Any, veld: str) -> None:
    p = tmp_path / "export.json"
    p.write_text(inhoud if isinstance(inhoud, str) else json.dumps(inhoud), encoding="utf-8")
    (tmp_path / "s.yaml").write_text("opties:\n  - maatwerkindicatie: {pilot_export: export.json}\n", encoding="utf-8")
    with pytest.raises(InputError) as e:
        read_scenario(tmp_path / "s.yaml")
    assert veld in str(e.value.veld)
    out = tmp_path / "o"
    r = CliRunner().invoke(app, ["scenario", str(tmp_path / "s.yaml"), "--basis", "seed004", "--out", str(out)])
    assert r.exit_code == 2 and veld in r.output and "Fout in de invoer" in r.output
    assert not out.exists() or not any(out.iterdir())  # nothing half-written


def test_missing_file_names_the_field(tmp_path: Path) -> None:
    with pytest.raises(InputError) as e:
        parse_scenario({"opties": [{"maatwerkindicatie": {"pilot_export": str(tmp_path / "weg.json")}}]})
    assert e.value.veld == "opties[0].maatwerkindicatie.pilot_export" and "niet te lezen" in str(e.value)


def test_client_level_draws_from_the_profiles_ratios(tmp_path: Path) -> None:
    # the hand-made claims folder: C is 5VV at home (mpt), January 2019; the pilot's VV5 ratio 1.1 for everyone
    basis = read_basis(write_claims(tmp_path), 2019, werkmap=tmp_path / "analyse")
    pad = _export(tmp_path, [_rec(1, "VV5", "110.00", "100.00"), _rec(2, "VV5", "110", "100")])
    u = run_scenario(
        parse_scenario(
            {"jaar": 2019, "opties": [{"maatwerkindicatie": {"variant": "iedereen_thuis", "pilot_export": str(pad)}}]}
        ),
        basis,
    )
    profiel = u.maatwerk.set_index(["sector", "zorgprofiel", "optie"]).profielbedrag[("vv", 5, "mpt")]
    c = u.clienten[(u.clienten.client_id == "C") & (u.clienten.stap == 1)].iloc[0]
    assert c.budget_verschil == pytest.approx(profiel / 12 * 0.1) and "maatwerk 110%" in c.toelichting
    assert any("behoefte uit de CIZ-pilot maatwerkindicatie, 2 records" in m for m in u.meldingen)


def _ciz_export(tmp_path: Path) -> list[dict[str, Any]]:
    """A small CIZ demo year, pilot records on granted decisions, and GET /api/maatwerk as a system account."""
    from fastapi.testclient import TestClient

    from wlz.ciz import demo
    from wlz.ciz.app import create_app
    from wlz.ciz.config import Settings
    from wlz.ciz.domain.gebruiker import SYSTEEM, Actor
    from wlz.ciz.domain.maatwerk import Behoefte
    from wlz.ciz.services import auth, maatwerk
    from wlz.ciz.storage import migrate
    from wlz.platform.database import make_engine

    url = f"sqlite:///{tmp_path / 'ciz.sqlite'}"
    engine = make_engine(url)
    migrate.upgrade(engine)
    ciz = create_app(Settings(database_url=url, secret_key="ciz-geheim"), engine=engine)
    uowf = ciz.state.uow
    demo.vul(uowf, jaar=2017, aantal=40, seed=11, accounts=False)
    steller = Actor("g1", "indicatiesteller", "indicatiesteller")
    import datetime as dt

    with uowf() as uow:
        toegekend = [
            a.id
            for a in uow.aanvragen.besloten(dt.date(2017, 1, 1), dt.date(2019, 1, 1))
            if a.uitkomst == "toegekend" and a.zorgprofiel
        ]
    assert len(toegekend) >= 8
    for i, aid in enumerate(toegekend[:8]):
        with uowf(write=True) as uow:
            uren = Decimal(4 + 3 * i)  # voorbeeld: hours a week at the pilot's own rate
            maatwerk.leg_vast(uow, steller, aid, pilotgroep="voorbeeld", jaar=2017,
                              behoeften=[Behoefte("begeleiding", uren, Decimal(50))])  # fmt: skip
    with uowf(write=True) as uow:
        g = auth.maak_gebruiker(
            uow, SYSTEEM, gebruikersnaam="scenario", naam="Scenario", rol="systeem", wachtwoord=None
        )
        token = auth.maak_token(uow, SYSTEEM, g.id, "export")
        uow.commit()
    r = TestClient(ciz).get("/api/maatwerk", headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 200, r.text
    data: list[dict[str, Any]] = r.json()
    return data


def test_export_from_the_ciz_code_path(tmp_path: Path) -> None:
    data = _ciz_export(tmp_path)
    assert len(data) == 8
    pad = _export(tmp_path, data, "ciz.json")
    u = _run(pad, variant="iedereen_thuis")
    bron = "CIZ-pilot maatwerkindicatie, 8 records"
    assert any(bron in m for m in u.meldingen)
    # per profile in the export with a profile amount, the rows use its ratios: check one against the export
    met = [d for d in data if d["profielbedrag"] is not None]
    overgeslagen = len(data) - len(met)
    assert (f"{overgeslagen} zonder profielbedrag overgeslagen" in u.meldingen[-1]) == (overgeslagen > 0)
    per: dict[str, list[float]] = {}
    for d in met:
        per.setdefault(d["zorgprofiel"], []).append(float(Decimal(d["bedrag"]) / Decimal(d["profielbedrag"])))
    from wlz.reference import zorgprofielen

    m = u.maatwerk
    getoetst = 0
    for code, v in per.items():
        z = zorgprofielen()[code]
        rijen = m[(m.sector == z.sector) & (m.zorgprofiel == z.nummer) & (m.clienten_maatwerk > 0)]
        for _, r in rijen.iterrows():
            assert r.meer == pytest.approx(r.clienten_maatwerk * sum(x > 1 for x in v) / len(v))
            assert r.verschil_totaal == pytest.approx(r.clienten_maatwerk * (sum(v) / len(v) - 1) * r.profielbedrag)
            getoetst += 1
    assert getoetst > 0
    assert isinstance(m, pd.DataFrame)
