"""In the zorgkantoor: a doelmatigheidstoets against an unknown limit is no decision.

The rules give no outcome when the limit (the pgb of that profile and year) is unknown; the service then records
no acceptance or refusal, and a summary, the dossier page and the letter say "kan niet worden beoordeeld" —
also for a test stored before the rules said so (stored as "nee" beside an unknown limit).
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from wlz.common.errors import InputError
from wlz.zorgkantoor.adapters import letters, rules_engine
from wlz.zorgkantoor.services import wijzer


def _toets_vg7_2019() -> dict:
    return rules_engine.situatie_voor_toets(
        zorgprofiel="VG7",
        geboortedatum=dt.date(1990, 1, 1),
        partner=False,
        leveringsvorm="mpt",
        ingangsdatum=dt.date(2019, 1, 1),
        mpt_kosten=50000,
        pgb_deel=0,
    )


def test_toets_met_onbekende_grens_geeft_geen_besluit():
    with pytest.raises(InputError) as fout:
        rules_engine.doelmatigheidstoets(_toets_vg7_2019())
    assert "kan niet worden beoordeeld" in fout.value.melding and fout.value.regel


def _opgeslagen_oude_toets() -> dict:
    """A test as stored before the fix: "nee" beside an unknown limit."""
    uitkomst = rules_engine.bereken(_toets_vg7_2019())
    resultaten = {n: r.as_dict() for n, r in uitkomst.resultaten.items()}
    resultaten["doelmatig"] = {**resultaten["doelmatig"], "waarde": False}
    return {"periode": {"van": "2019-01-01"}, "resultaten": resultaten, "invoer": {}, "waarschuwingen": []}


def test_samenvatting_van_een_oude_toets_zegt_niet_beoordeeld():
    samenvatting = rules_engine.toets_samenvatting(_opgeslagen_oude_toets())
    assert samenvatting["doelmatig"] is None and samenvatting["grens"] is None


def _brief_toets_alinea() -> str:
    bron = (letters.TEMPLATES / "brief.html").read_text("utf-8")
    return re.search(r"\{% if b\.toets and .*?</p>\{% endif %\}", bron, re.S).group(0)


def test_brief_zegt_kan_niet_worden_beoordeeld():
    class B:
        leveringsvorm = "mpt"
        toets = rules_engine.toets_samenvatting(_opgeslagen_oude_toets())

    tekst = letters._env.from_string(_brief_toets_alinea()).render(b=B(), LEVERINGSVORMEN={"mpt": "mpt"})
    assert "kan niet worden beoordeeld" in tekst
    assert ": nee." not in tekst and ": ja." not in tekst


def test_wijzer_toont_geen_weigering_bij_een_onbekende_grens():
    v = wijzer.vergelijk(zorgprofiel="VG7", jaar=2019, client={"gewaarborgde_hulp": True}, partner=False)
    mpt_pgb = next(r for r in v["rijen"] if r["leveringsvorm"] == "mpt_pgb")
    assert mpt_pgb["budget"]["waarde"] is None
    tekst = json.dumps(v, ensure_ascii=False)
    assert "onbekend hoger" not in tekst and "niet worden verleend" not in tekst
