"""The public Wlz-wijzer's comparison: per leveringsvorm the budget, the eigen bijdrage estimate, what it is, and
per extra-care scheme whether it could apply — every figure and every yes/no from ``wlz.rules`` (via the
``rules_engine`` adapter).

Why a view model and not the raw calculation: the rules explain every result in full, and the same explanation
comes back once per leveringsvorm. Shown as is, that was five narrow columns of repeated text (8000 px high).
Here each leveringsvorm becomes one row of short values, and the explanations are grouped so that a text that is
the same for several leveringsvormen is written once ("geldt voor: ...").

"Could apply" (the wijzer's question, seed 001's information gap): the wijzer asks only a few facts, while each
scheme has conditions of its own (medical need, waiting for admission, hours of care above the profile). So the
rules are asked twice per leveringsvorm: once with what the user entered, and once assuming the scheme's own
conditions that the wijzer does not ask are met (:func:`_aannames`). The verdict is:

- ``kan gelden``: the rules say yes, with the user's facts or once the scheme's own conditions are met;
- ``geldt niet``: the rules say no even then (wrong leveringsvorm, profile, age, year);
- ``onbekend``: the rules give no answer (or refuse the situation).

The service never decides itself: it only chooses which facts to assume, and says so on the page.

Voorbeeld: an amount is marked "voorbeeldbedrag" only when the rules' result for exactly that amount carries the
``voorbeeld`` flag (it used, or was computed from, a value of the shipped example parameters). A page-wide or
per-leveringsvorm flag would also mark amounts from published law (the eigen bijdrage, the pab maximum).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any

from wlz.common.errors import InputError
from wlz.reference.leveringsvorm import met_behandeling_optie
from wlz.rules import Berekening, Resultaat
from wlz.rules.bekostiging import wie_betaalt

from ..adapters import rules_engine
from ..domain import codes

#: The rules' result that is "the budget" of each leveringsvorm. Verblijf and vpt: the costs of the zzp/vpt
#: (dagtarief x zorgdagen; paid to the provider, not to the client). Mpt+pgb: the limit the two together must stay
#: under (the pgb the client would otherwise get, Wlz art. 3.3.2 lid 4 onder b).
BUDGET_RESULTAAT = {
    "verblijf": "verblijf_budget",
    "vpt": "verblijf_budget",
    "mpt": "mpt_budget",
    "pgb": "pgb_budget",
    "mpt_pgb": "doelmatigheid_grens",
}
EIGEN_BIJDRAGE_JAAR = "eigen_bijdrage_jaar"
EIGEN_BIJDRAGE_MAAND = "eigen_bijdrage"

#: The maximum a scheme can add, shown beside "kan gelden" where the rules compute one from the profile alone
#: (meerzorg and overbruggingszorg depend on an amount asked for, so no figure is shown for them).
MAXIMUM_RESULTAAT = {"ekt": "ekt_max_verhoging", "pab": "pab_maximum"}

#: One line per leveringsvorm: what it is, in words a client uses (Wlz art. 3.3.1-3.3.3; seed 004 §2.4).
WAT_HET_IS = {
    "verblijf": "U woont in een instelling. Die regelt uw zorg, wonen en eten.",
    "vpt": "U woont thuis. Eén zorgaanbieder levert alle zorg uit uw profiel bij u thuis.",
    "mpt": "U woont thuis en kiest losse onderdelen zorg (modules) van één of meer zorgaanbieders.",
    "pgb": "U krijgt een budget en koopt zelf zorg in bij wie u kiest. U doet zelf de administratie.",
    "mpt_pgb": "Een deel van de zorg als modules van een zorgaanbieder, de rest regelt u met een budget.",
}

#: Per scheme, in plain Dutch: what it is and when it can apply (the conditions are in the rules; sources there).
REGELING_UITLEG = {
    "ekt": "Extra geld bovenop het budget als de zorg uit uw profiel thuis niet genoeg is: ten hoogste 25% extra. "
    "Alleen voor zorg thuis met een modulair pakket thuis (mpt) of een persoonsgebonden budget (pgb).",
    "meerzorg": "Meer zorg dan in uw zorgprofiel past, als u veel meer zorg nodig heeft: ten minste 25% meer dan het "
    "profiel, of bij bijzondere zorg zoals beademing of epilepsiezorg.",
    "pab": "Een hoog persoonsgebonden budget om zelf assistenten in te huren die 24 uur per dag bij u in de buurt "
    "zijn. Voor volwassenen zonder cognitieve beperking die om medische redenen permanent toezicht nodig hebben, "
    "met een pgb dat ze zelf beheren, en alleen bij bepaalde zorgprofielen.",
    "overbruggingszorg": "Tijdelijk extra zorg thuis terwijl u wacht op een plek in een instelling.",
}

#: What the wijzer assumes for "could apply" (shown on the page, so the reader knows what was assumed).
AANNAMES_TEKST = (
    "Om te zien of een regeling kan gelden, rekent de wijzer ook met de aanname dat u voldoet aan de voorwaarden "
    "die hier niet gevraagd worden (zoals een medische noodzaak, meer zorguren dan in uw profiel, of wachten op "
    "opname). Het zorgkantoor beoordeelt die voorwaarden bij uw aanvraag."
)

#: Meerzorg has two further grounds the wijzer cannot know (Rlz art. 2.2 lid 1): a VV or GGZ profile on the list
#: in force (not in a public source; the rules let the user confirm it), and a special care need (ground c).
_MEERZORG_STAPPEN = (
    ({"meerzorg_profiel_op_lijst": True}, "als uw zorgprofiel op de meerzorglijst staat"),
    ({"zorgbehoefte_invasieve_beademing": True}, "alleen bij bijzondere zorg, zoals beademing of epilepsiezorg"),
)

OORDEEL_TEKST = {"kan_gelden": "kan gelden", "geldt_niet": "geldt niet", "onbekend": "onbekend"}


@lru_cache(maxsize=512)
def _bereken_json(situatie_json: str) -> Berekening:
    """The wijzer is public and asks the same few situations again and again; the rules' answer for one situation
    does not change while the server runs (parameters are read at start), so it is kept (frozen, read-only)."""
    return rules_engine.bereken(json.loads(situatie_json))


def _bereken(situatie: dict[str, Any]) -> Berekening:
    return _bereken_json(json.dumps(situatie, sort_keys=True))


def _aannames(jaar: int, client: dict[str, Any]) -> dict[str, Any]:
    """The schemes' own conditions the wijzer does not ask, assumed met (see the module docstring). Facts the user
    gave (birth date, hours of care) are kept: they can rule a scheme out (the pab from 18 years)."""
    a: dict[str, Any] = {
        # pab (Rlz art. 5.15a lid 1 onder a, c, d)
        "medische_noodzaak_permanent_toezicht": True,
        "geen_cognitieve_beperking": True,
        "budget_zelf_beheren": True,
        # overbruggingszorg: waiting for admission since the start of the year
        "wacht_op_opname_sinds": f"{jaar}-01-01",
        # ekt before 1 July 2018: one of the groups of Rlz art. 5.3 lid 3 (here: a parent of a young child)
        "geboortedatum_jongste_kind": f"{jaar - 5}-01-01",
        # meerzorg lid 2: the need at least 25% above the profile (profile hours are not public)
        "profiel_uren_per_week": 1.0,
        "zorgbehoefte_uren_per_week": max(float(client.get("zorgbehoefte_uren_per_week") or 0), 2.0),
    }
    if not client.get("geboortedatum"):
        a["geboortedatum"] = f"{jaar - 40}-01-01"
    return a


def _cel(r: Resultaat | None) -> dict[str, Any]:
    """One amount as the rules gave it; ``voorbeeld`` only for a real figure (not for 'onbekend' or 0)."""
    if r is None:
        return {"waarde": None, "voorbeeld": False, "label": None, "uitleg": [], "bronnen": [], "per_maand": None}
    w = r.waarde
    waarde = round(float(w), 2) if isinstance(w, (int, float)) and not isinstance(w, bool) else None
    return {
        "waarde": waarde,
        "voorbeeld": r.voorbeeld and bool(waarde),
        "label": r.label,
        "uitleg": list(r.zinnen),
        "bronnen": [b.as_dict() for b in r.bronnen],
        "per_maand": None if r.per_maand is None else dict(r.per_maand),
    }


def _readable_error(exc: InputError) -> str:
    """The rules' refusal in the reader's words: without the technical field name or the input hint."""
    tekst = str(exc)
    if exc.veld and tekst.startswith(f"{exc.veld}: "):
        tekst = tekst[len(exc.veld) + 2 :]
    tekst = re.sub(r"\s*\(zet client\.[^)]*\)", "", tekst)
    return tekst[:1].upper() + tekst[1:]


def _oordeel(regeling: str, basis: Berekening, situatie: dict[str, Any], jaar: int) -> dict[str, Any]:
    """Whether one scheme could apply in this leveringsvorm, decided by the rules (see the module docstring)."""
    naam = rules_engine.REGELING_RESULTATEN[regeling]["in_aanmerking"]
    eigen = basis.resultaat(naam)
    uitleg = list(eigen.zinnen) if eigen else []
    bronnen = [b.as_dict() for b in eigen.bronnen] if eigen else []
    if eigen is None or eigen.waarde is None:
        return {"oordeel": "onbekend", "voorwaarde": None, "maximum": None, "uitleg": uitleg, "bronnen": bronnen}
    if eigen.waarde:
        return {
            "oordeel": "kan_gelden",
            "voorwaarde": None,
            "maximum": _maximum(regeling, basis),
            "uitleg": uitleg,
            "bronnen": bronnen,
            "met_uw_gegevens": True,
        }
    client = situatie["client"]
    stappen: list[tuple[dict[str, Any], str | None]] = [(_aannames(jaar, client), None)]
    if regeling == "meerzorg":
        extra: dict[str, Any] = {}
        for aanname, stap in _MEERZORG_STAPPEN:
            extra = {**extra, **aanname}
            stappen.append(({**stappen[0][0], **extra}, stap))
    onbekend = False
    for aanname, voorwaarde in stappen:
        try:
            uit = _bereken({**situatie, "client": {**client, **aanname}})
        except InputError:
            onbekend = True
            continue
        r = uit.resultaat(naam)
        if r is None or r.waarde is None:
            onbekend = True
        elif r.waarde:
            return {
                "oordeel": "kan_gelden",
                "voorwaarde": voorwaarde,
                "maximum": _maximum(regeling, uit),
                "uitleg": uitleg,
                "bronnen": bronnen,
                "met_uw_gegevens": False,
            }
    return {
        "oordeel": "onbekend" if onbekend else "geldt_niet",
        "voorwaarde": None,
        "maximum": None,
        "uitleg": uitleg,
        "bronnen": bronnen,
    }


def _maximum(regeling: str, uitkomst: Berekening) -> dict[str, Any] | None:
    naam = MAXIMUM_RESULTAAT.get(regeling)
    if not naam:
        return None
    r = uitkomst.resultaat(naam)
    if r is None:
        return None
    cel = _cel(r)
    return cel if cel["waarde"] or cel["waarde"] is None else None


def vergelijk(
    *,
    zorgprofiel: str,
    jaar: int,
    client: dict[str, Any],
    partner: bool,
) -> dict[str, Any]:
    """The whole comparison for one profile, year and situation. ``client`` holds the rules' input fields the user
    filled in (geboortedatum, inkomen_peiljaar, ...). Raises :class:`rules_engine.RulesUnavailable` when the
    rules cannot answer."""
    rijen: list[dict[str, Any]] = []
    waarschuwingen: list[str] = []
    for lv in codes.LEVERINGSVORMEN:
        situatie: dict[str, Any] = {
            "periode": str(jaar),
            "client": {"zorgprofiel": zorgprofiel, "leveringsvorm": lv, **client},
        }
        if partner:
            situatie["partner"] = {}
        rij: dict[str, Any] = {"leveringsvorm": lv, "naam": codes.LEVERINGSVORMEN[lv], "wat": WAT_HET_IS.get(lv, "")}
        try:
            basis = _bereken(situatie)
        except InputError as exc:
            rij["niet_mogelijk"] = _readable_error(exc)
            rijen.append(rij)
            continue
        rij["budget"] = _cel(basis.resultaat(BUDGET_RESULTAAT[lv]))
        rij["eigen_bijdrage"] = _cel(basis.resultaat(EIGEN_BIJDRAGE_JAAR))
        maand = _cel(basis.resultaat(EIGEN_BIJDRAGE_MAAND))
        # the monthly figure only when it is the same all year (the rules list months only when they differ)
        rij["eigen_bijdrage_maand"] = maand if maand["waarde"] is not None and not maand["per_maand"] else None
        rij["regelingen"] = {r: _oordeel(r, basis, situatie, jaar) for r in codes.REGELINGEN}
        rij["dekking"] = _wie_betaalt(lv)
        for j in basis.jaren:
            for w in j.waarschuwingen:
                tekst = f"Niet bekend in {j.jaar}: {w}"
                if tekst not in waarschuwingen:
                    waarschuwingen.append(tekst)
        rijen.append(rij)
    mogelijk = [r for r in rijen if "niet_mogelijk" not in r]
    return {
        "rijen": rijen,
        "budget_uitleg": _groepeer(mogelijk, lambda r: _uitleg_sleutel(r["budget"])),
        "eigen_bijdrage_uitleg": _groepeer(mogelijk, lambda r: _uitleg_sleutel(r["eigen_bijdrage"])),
        "regeling_uitleg": {
            reg: _groepeer(mogelijk, lambda r, reg=reg: _oordeel_sleutel(r["regelingen"][reg]))
            for reg in codes.REGELINGEN
        },
        "regeling_bronnen": {reg: _bronnen_van(mogelijk, reg) for reg in codes.REGELINGEN},
        "dekking": _dekking_matrix(mogelijk),
        "waarschuwingen": waarschuwingen,
        "voorbeeld": any(_heeft_voorbeeld(r) for r in mogelijk),
    }


def _heeft_voorbeeld(rij: dict[str, Any]) -> bool:
    cellen = [rij["budget"], rij["eigen_bijdrage"]] + [o["maximum"] for o in rij["regelingen"].values() if o["maximum"]]
    return any(c["voorbeeld"] for c in cellen)


def _uitleg_sleutel(cel: dict[str, Any]) -> tuple:
    bronnen = tuple((b.get("titel"), b.get("url")) for b in cel["bronnen"])
    return (cel["label"], cel["waarde"], cel["voorbeeld"], tuple(cel["uitleg"]), bronnen)


def _oordeel_sleutel(o: dict[str, Any]) -> tuple:
    return (o["oordeel"], o["voorwaarde"], tuple(o["uitleg"]), bool(o.get("met_uw_gegevens", True)))


def _groepeer(rijen: list[dict[str, Any]], sleutel) -> list[dict[str, Any]]:
    """Rows with the same explanation together: the text is written once with the leveringsvormen it is for."""
    groepen: dict[tuple, dict[str, Any]] = {}
    for r in rijen:
        k = sleutel(r)
        if k not in groepen:
            groepen[k] = {"leveringsvormen": [], "sleutel": k}
        groepen[k]["leveringsvormen"].append(r["naam"])
    return list(groepen.values())


def _bronnen_van(rijen: list[dict[str, Any]], regeling: str) -> list[dict[str, str]]:
    gezien, out = set(), []
    for r in rijen:
        for b in r["regelingen"][regeling]["bronnen"]:
            k = (b.get("titel"), b.get("url"))
            if k not in gezien:
                gezien.add(k)
                out.append(b)
    return out


def _wie_betaalt(leveringsvorm: str) -> list[dict[str, Any]]:
    """Who pays which care in this leveringsvorm (seed 004; ``wlz.rules.bekostiging``); verblijf and vpt as
    the common option without behandeling."""
    return wie_betaalt(leveringsvorm, False if leveringsvorm in met_behandeling_optie() else None)


#: Who pays, in a word a client knows (the rules' ``bekostiging`` codes).
BETAALT = {
    "wlz_integraal": "Wlz (in het tarief)",
    "wlz_module": "Wlz (per module)",
    "wlz_pgb": "uit uw pgb",
    "zvw": "zorgverzekering",
}


def _dekking_matrix(rijen: list[dict[str, Any]]) -> dict[str, Any]:
    """Care components x leveringsvormen: who pays (one small table instead of five lists)."""
    kolommen = [r["naam"] for r in rijen if r.get("dekking")]
    onderdelen: dict[str, dict[str, str]] = {}
    for r in rijen:
        for d in r.get("dekking") or []:
            wie = [BETAALT.get(d["bekostiging"], d.get("bekostiging_naam", ""))]
            wie += [BETAALT.get(o, o) for o in d.get("ook") or []]
            onderdelen.setdefault(d["naam"], {})[r["naam"]] = " of ".join(wie)
    return {"kolommen": kolommen, "rijen": onderdelen}
