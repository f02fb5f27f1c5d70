"""Issue 9 item 8: a yes/no question the applicant left unanswered is "niet opgegeven", never a "nee".

A situation gives such a question as ``null`` (or names it in ``client.niet_opgegeven``); the explanation then says
"niet opgegeven", and a yes/no result the unanswered question decides has no outcome ("kan niet worden
beoordeeld", value ``None``), never a silent refusal. Answered "nee", the same question gives the refusal. One case
per criterion of the intake, plus the text and JSON forms of ``wlz bereken``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wlz.common.errors import InputError
from wlz.rules import bereken
from wlz.rules.variables.meerzorg import ZORGBEHOEFTEN

_PAB = {"medische_noodzaak_permanent_toezicht": True, "geen_cognitieve_beperking": True, "budget_zelf_beheren": True}
#: EKT before 1 July 2018: 25 years old, no child, somatic grondslag; only work or study from home can qualify
_EKT_2015 = {
    "zorgprofiel": "LG4",
    "geboortedatum": "1990-01-01",
    "leveringsvorm": "mpt",
    "grondslag_somatisch_lichamelijk_zintuiglijk": True,
    "ekt_gevraagd": 3000,
}
#: meerzorg through ground b: a profile not on the list of lid 1 onder a, the 25% threshold met
_MEERZORG_B = {"zorgprofiel": "VV4", "zorgbehoefte_uren_per_week": 40, "profiel_uren_per_week": 20}
#: meerzorg through ground c: more care asked, the threshold not met (no profile hours)
_MEERZORG_C = {"zorgprofiel": "LG7", "meerzorg_gevraagd": 4000}
_ZORGBEHOEFTEN = tuple(ZORGBEHOEFTEN)  # the five special forms of care of Rlz art. 2.2 lid 1 onder c

#: criterion -> (the client apart from it, the result it decides, a text its explanation then holds)
GEVALLEN: dict[str, tuple[dict, str, str]] = {
    "werk_of_studie_vanuit_huis": (_EKT_2015, "ekt_in_aanmerking", "werk of studie vanuit huis"),
    "meerzorg_zzp_31_december_2014": (_MEERZORG_B, "meerzorg_in_aanmerking", "zzp op 31 december 2014"),
    **{z: (_MEERZORG_C, "meerzorg_in_aanmerking", "lid 1 onder c") for z in _ZORGBEHOEFTEN},
    "medische_noodzaak_permanent_toezicht": (
        {"zorgprofiel": "LG7", "geboortedatum": "1980-01-01", "leveringsvorm": "pgb", **_PAB},
        "pab_in_aanmerking",
        "permanent toezicht",
    ),
    "budget_zelf_beheren": (
        {"zorgprofiel": "LG7", "geboortedatum": "1980-01-01", "leveringsvorm": "pgb", **_PAB},
        "pab_in_aanmerking",
        "het budget beheren",
    ),
    "gewaarborgde_hulp": ({"zorgprofiel": "VV5", "leveringsvorm": "verblijf"}, "pgb_toegestaan", "gewaarborgde hulp"),
}


def _resultaat(client: dict, naam: str):
    uitkomst = bereken({"periode": {"van": "2015-01-01", "tot": "2015-12-31"}, "client": client})
    r = uitkomst.resultaat(naam)
    assert r is not None, naam
    return r


@pytest.mark.parametrize("vraag", sorted(GEVALLEN))
def test_an_unanswered_question_is_niet_opgegeven_and_the_outcome_cannot_be_judged(vraag):
    client, resultaat, tekst = GEVALLEN[vraag]
    open_ = _resultaat({**client, vraag: None}, resultaat)
    assert open_.waarde is None, open_.uitleg  # no outcome: never a silent "nee"
    assert "niet opgegeven" in open_.uitleg and "kan niet worden beoordeeld" in open_.uitleg
    assert tekst in open_.uitleg
    assert "U komt niet in aanmerking" not in open_.uitleg and "komt (nog) niet in aanmerking" not in open_.uitleg
    # the same question listed by name is the same as null
    zonder = {k: v for k, v in client.items() if k != vraag}
    gelijk = _resultaat({**zonder, "niet_opgegeven": [vraag]}, resultaat)
    assert gelijk.waarde is None and gelijk.uitleg == open_.uitleg
    with pytest.raises(InputError) as beide:  # answered and listed as unanswered: refused, naming the field
        _resultaat({**zonder, vraag: True, "niet_opgegeven": vraag}, resultaat)
    assert beide.value.veld == "client.niet_opgegeven"
    # answered "nee": a refusal, and no "niet opgegeven" for it
    nee = _resultaat({**client, vraag: False}, resultaat)
    assert nee.waarde is False, nee.uitleg
    assert "niet opgegeven" not in nee.uitleg and "kan niet worden beoordeeld" not in nee.uitleg
    # answered "ja": no question left open
    ja = _resultaat({**client, vraag: True}, resultaat)
    assert ja.waarde is not None and "niet opgegeven" not in ja.uitleg


def test_an_unanswered_question_that_does_not_decide_leaves_the_outcome():
    # ekt since 1 July 2018 is for everyone at home with mpt or pgb: work or study no longer matters
    client = {**_EKT_2015, "werk_of_studie_vanuit_huis": None}
    uitkomst = bereken({"periode": {"van": "2019-01-01", "tot": "2019-12-31"}, "client": client})
    assert uitkomst.resultaat("ekt_in_aanmerking").waarde is True
    # one pab condition answered "nee": a refusal, whatever the unanswered ones would say
    pab = {"zorgprofiel": "LG7", "geboortedatum": "1980-01-01", "leveringsvorm": "pgb", **_PAB}
    r = _resultaat({**pab, "geen_cognitieve_beperking": False, "budget_zelf_beheren": None}, "pab_in_aanmerking")
    assert r.waarde is False
    assert "kan zelf, zonder vertegenwoordiger, het budget beheren (lid 1 onder d): niet opgegeven" in r.uitleg
    assert "geen cognitieve beperkingen (lid 1 onder c): nee" in r.uitleg


def test_a_pgb_that_needs_gewaarborgde_hulp_names_the_unanswered_question():
    with pytest.raises(InputError) as fout:
        bereken(
            {
                "periode": "2015",
                "client": {"zorgprofiel": "VV5", "leveringsvorm": "pgb", "gewaarborgde_hulp": None},
            }
        )
    assert fout.value.veld == "client.gewaarborgde_hulp" and "niet opgegeven" in str(fout.value)


def test_niet_opgegeven_takes_only_yes_no_questions():
    for fout_naam in ("ekt_gevraagd", "bestaat_niet"):
        with pytest.raises(InputError) as fout:
            bereken({"periode": "2015", "client": {"zorgprofiel": "VV5", "niet_opgegeven": fout_naam}})
        assert fout.value.veld == "client.niet_opgegeven" and fout_naam in str(fout.value)


def test_wlz_bereken_says_it_in_text_and_json(tmp_path: Path):
    from wlz.cli import app

    situatie = tmp_path / "s.json"
    client = {**_MEERZORG_C, "zorgbehoefte_epilepsiezorg": None}
    situatie.write_text(json.dumps({"periode": "2015", "client": client}), encoding="utf-8")
    runner = CliRunner()
    tekst = runner.invoke(app, ["bereken", str(situatie)], env={"COLUMNS": "400"})
    assert tekst.exit_code == 0, tekst.output
    regel = next(r for r in tekst.output.splitlines() if r.startswith("Komt in deze periode") and "meerzorg" in r)
    assert regel.endswith("kan niet worden beoordeeld")
    assert "gespecialiseerde epilepsiezorg (lid 1 onder c): niet opgegeven" in tekst.output
    uit = runner.invoke(app, ["bereken", str(situatie), "--json"])
    assert uit.exit_code == 0, uit.output
    resultaten = {r["naam"]: r for j in json.loads(uit.output)["jaren"] for r in j["resultaten"]}
    assert resultaten["meerzorg_in_aanmerking"]["waarde"] is None
    assert "niet opgegeven" in resultaten["meerzorg_in_aanmerking"]["uitleg"]
