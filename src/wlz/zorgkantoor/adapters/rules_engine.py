"""The zorgkantoor's one door to the rules (``wlz.rules``): evaluate a situation, keep what comes back.

The zorgkantoor never computes an amount or an eligibility itself: it sends a situation to
:func:`wlz.rules.bereken` and keeps what comes back (value, label, plain-Dutch explanation, sources, parameters)
with the request or decision, so a letter can later show exactly what was decided on. What is stored is the
rules' own JSON form (``Resultaat.as_dict()``); a stored result is read back with ``Resultaat.from_dict``.

Unknown amounts: for years the rules have no figure for, a result has no value (``onbekend``) and the year a
warning. The zorgkantoor stores ``None`` and the warning and shows "onbekend" (:data:`ONBEKEND`) — never a number
of its own.

Result names: which of the rules' results answer for the four extra-care schemes and the doelmatigheidstoets is
written in ``REGELING_RESULTATEN`` / ``DOELMATIG_RESULTAAT`` below (checked against the rules by
``tests/zorgkantoor/test_rules_engine_adapter.py``).

Where the evaluation runs (here, or in a helper process at a lower priority) is :mod:`.rules_process`'s concern.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from wlz import reference
from wlz.common.errors import InputError
from wlz.common.months import add_months
from wlz.reference.grondslag import in_ekt_groep
from wlz.rules import Berekening, Bron, Jaar, Parameterwaarde, Resultaat, systeem
from wlz.rules import bereken as _bereken

from . import rules_process


class RulesUnavailable(RuntimeError):
    """The rules cannot answer (their parameters do not load, or they give no result the zorgkantoor asks for);
    the zorgkantoor refuses to guess."""


#: For each scheme: the rules' result holding eligibility over the period (eligible on at least one care day),
#: the one holding the amount over the period (pro rata the care days), and, where the rules set one, the
#: longest period a decision may run in months. Meerzorg and pab have no maximum term in the rules: a decision on
#: them runs at most one year here (see ``Aanvraag.besluiten``).
REGELING_RESULTATEN: dict[str, dict[str, str]] = {
    "ekt": {"in_aanmerking": "ekt_in_aanmerking", "bedrag": "ekt_verhoging", "looptijd": "ekt_max_looptijd_maanden"},
    "meerzorg": {"in_aanmerking": "meerzorg_in_aanmerking", "bedrag": "meerzorg_bedrag"},
    "pab": {"in_aanmerking": "pab_in_aanmerking", "bedrag": "pab_maximum"},
    "overbruggingszorg": {
        "in_aanmerking": "overbruggingszorg_in_aanmerking",
        "bedrag": "overbruggingszorg_bedrag",
        "looptijd": "overbruggingszorg_max_looptijd_maanden",
    },
}
#: The maximum the rules allow, shown beside a granted amount (only ekt has one apart from its amount).
MAXIMUM_RESULTATEN = {"ekt": "ekt_max_verhoging"}
#: The result that says whether the chosen care at home passes the doelmatigheidstoets (Wlz art. 3.3.3 lid 4).
DOELMATIG_RESULTAAT = "doelmatig"
#: The doelmatigheidstoets' results a summary shows (Wlz art. 3.3.2 lid 4 onder b, art. 3.3.3 lid 4).
TOETS_RESULTATEN = {
    "grens": "doelmatigheid_grens",
    "kosten": "doelmatigheid_kosten",
    "ruimte": "doelmatigheid_ruimte",
}
#: The client's own care budget per leveringsvorm (the base a letter shows beside the extra care).
BASIS_RESULTATEN = ("pgb_budget", "mpt_budget", "verblijf_budget")
#: Results a decision letter explains beside the scheme's own amount: the budget it builds on.
_BASIS = ("pgb_budget", "mpt_budget")
#: The rules' result for the longest validity of an indicatiebesluit (0 = indefinite, Rlz art. 3.2).
GELDIGHEID_RESULTAAT = "indicatie_max_geldigheid_maanden"

#: Said (in Dutch) wherever the rules know no amount: the zorgkantoor shows this, never a figure of its own.
ONBEKEND = "onbekend"

#: Intake questions the rules ask for the schemes, by the rules' input name; labels come from the rules.
INTAKE_CRITERIA: tuple[str, ...] = (
    "ekt_gevraagd",
    "werk_of_studie_vanuit_huis",
    "geboortedatum_jongste_kind",
    "meerzorg_gevraagd",
    "meerzorg_uurtarief",
    "meerzorg_zzp_31_december_2014",
    "zorgbehoefte_epilepsiezorg",
    "zorgbehoefte_invasieve_beademing",
    "zorgbehoefte_non_invasieve_beademing",
    "zorgbehoefte_klinische_intensieve_behandeling",
    "zorgbehoefte_forensische_psychiatrie",
    "wacht_op_opname_sinds",
    "overbruggingszorg_gevraagd",
    "medische_noodzaak_permanent_toezicht",
    "geen_cognitieve_beperking",
    "budget_zelf_beheren",
    "gewaarborgde_hulp",
)


def ja_nee_vragen() -> tuple[str, ...]:
    """The intake's yes/no questions (by the rules' own type): one left unanswered is told to the rules as
    unanswered (``null``), so their explanation says "niet opgegeven" and an outcome it decides "kan niet worden
    beoordeeld" — never the "nee" a missing yes/no input would otherwise read as."""
    variabelen = systeem().variables
    return tuple(n for n in INTAKE_CRITERIA if n in variabelen and variabelen[n].value_type is bool)


def beschikbaar() -> bool:
    """Whether the rules load (their parameters, including an installation's ``$WLZ_PARAMETERS`` file)."""
    try:
        systeem()
    except InputError:
        return False
    return True


def bereken(situatie: Mapping[str, Any], *, hervorming: str | None = None) -> Berekening:
    """Run the rules on a situation in its dict form. Bad input raises :class:`InputError` (field and rule)."""
    return _bereken(situatie, hervorming=hervorming)


def use_helper_process(on: bool = True) -> None:
    """Evaluate requests in a helper process from now on, in this process (see :mod:`.rules_process`); the
    helper loads the rules when it starts."""
    rules_process.use_helper_process(on, warm_up=beschikbaar)


@lru_cache(maxsize=256)
def pgb_bekend(zorgprofiel: str, jaar: int) -> bool:
    """Whether the rules know this profile's pgb amount for this year — asked from the rules, so a value an
    installation supplies (``$WLZ_PARAMETERS``, see ``wlz.rules.overlay``) counts without the zorgkantoor
    reading it."""
    try:
        situatie = {"periode": str(jaar), "client": {"zorgprofiel": zorgprofiel, "leveringsvorm": "mpt"}}
        r = bereken(situatie).resultaat("pgb_budget")
    except InputError:
        return False
    return r is not None and not r.onbekend


_CLIENT = re.compile(r"\b([Cc])lient(en)?\b")
_HAAKJES = re.compile(r"\s*\(([^()]*)\)")
#: parts of a rules label that speak to the maintainer of the rules, not to a client or an assessor
_JARGON = re.compile(r"door de gebruiker opgegeven|\bCOD\d{3}\b|\bcode \d+\b|^iWlz\b", re.I)


def gebruikerstekst(tekst: str) -> str:
    """A rules text as pages and letters show it: "cliënt", never "client"; and a bracket's parts that are the
    rules' bookkeeping (who supplies a value, an iWlz code list and its code) left out — the rules' labels are
    written for their maintainers ("Uurtarief voor de extra zorg (door de gebruiker opgegeven)")."""

    def haakjes(m: re.Match[str]) -> str:
        delen = [d.strip() for d in re.split(r"[;,]", m.group(1))]
        over = [d for d in delen if d and not _JARGON.search(d)]
        return f" ({', '.join(over)})" if over else ""

    tekst = _HAAKJES.sub(haakjes, tekst)
    return _CLIENT.sub(lambda m: f"{m.group(1)}liënt{m.group(2) or ''}", tekst)


def criteria_velden() -> list[dict[str, Any]]:
    """The intake's scheme questions with the rules' own label (in the users' words, ``gebruikerstekst``) and
    type (for the form)."""
    variabelen = systeem().variables
    out = []
    for naam in INTAKE_CRITERIA:
        v = variabelen.get(naam)
        if v is not None:
            label = gebruikerstekst(v.label)
            out.append({"naam": naam, "label": label, "type": getattr(v.value_type, "__name__", "str")})
    return out


def situatie_voor_intake(
    *,
    zorgprofiel: str,
    geboortedatum: dt.date,
    partner: bool,
    grondslagen: list[str],
    leveringsvorm: str,
    intake: dict[str, Any],
) -> dict[str, Any]:
    """The rules' situation: what the file knows (profile, birth date, partner, grondslagen, leveringsvorm)
    plus the intake, in the format of ``wlz/rules/situatie.py``. The grondslagen become the two groups the ekt
    rules ask about (Rlz art. 5.3 lid 3 onder c; the grouping is in ``wlz.reference.grondslag``)."""
    client: dict[str, Any] = {
        "zorgprofiel": zorgprofiel,
        "geboortedatum": geboortedatum.isoformat(),
        "leveringsvorm": leveringsvorm,
        "grondslag_somatisch_lichamelijk_zintuiglijk": in_ekt_groep(grondslagen, "somatisch_lichamelijk_zintuiglijk"),
        "grondslag_verstandelijk_psychiatrisch_psychogeriatrisch": in_ekt_groep(
            grondslagen, "verstandelijk_psychiatrisch_psychogeriatrisch"
        ),
    }
    for k in (
        "zorgbehoefte_uren_per_week",
        "profiel_uren_per_week",
        "behandeling",
        "dagbesteding",
        "mpt_kosten",
        "pgb_deel",
    ):
        if intake.get(k) is not None:
            client[k] = intake[k]
    if intake.get("bijdrageplichtig_inkomen"):
        client["inkomen_peiljaar"] = intake["bijdrageplichtig_inkomen"]
    if intake.get("vermogen"):
        client["grondslag_sparen_beleggen_peiljaar"] = intake["vermogen"]
    criteria = intake.get("criteria") or {}
    client.update(criteria)
    client.update({n: None for n in ja_nee_vragen() if criteria.get(n) is None})  # null: not answered
    situatie: dict[str, Any] = {
        "periode": {"van": intake["periode_van"], "tot": intake["periode_tot"]},
        "client": client,
    }
    if partner:
        situatie["partner"] = {}
    return situatie


def situatie_voor_toets(
    *,
    zorgprofiel: str,
    geboortedatum: dt.date,
    partner: bool,
    leveringsvorm: str,
    ingangsdatum: dt.date,
    mpt_kosten: float,
    pgb_deel: float,
    gewaarborgde_hulp: bool | None = False,
) -> dict[str, Any]:
    """The situation for the doelmatigheidstoets of a choice for care at home."""
    client: dict[str, Any] = {
        "zorgprofiel": zorgprofiel,
        "geboortedatum": geboortedatum.isoformat(),
        "leveringsvorm": leveringsvorm,
        "mpt_kosten": mpt_kosten,
        "pgb_deel": pgb_deel,
    }
    if gewaarborgde_hulp is not False:
        client["gewaarborgde_hulp"] = gewaarborgde_hulp  # None: not answered
    situatie: dict[str, Any] = {"periode": {"van": ingangsdatum.isoformat()}, "client": client}
    if partner:
        situatie["partner"] = {}
    return situatie


def _cents(waarde: Any) -> float | None:
    return round(float(waarde), 2) if waarde is not None else None


def _onbekend_melding(regeling: str, jaar: str, bedrag: Resultaat | None) -> str:
    label = bedrag.label if bedrag else regeling
    return f"{jaar}: {label}: bedrag {ONBEKEND} (de rekenregels kennen voor dit jaar niet alle bedragen)"


def _periode(uitkomst: Berekening) -> dict[str, str]:
    return {"van": uitkomst.van.isoformat(), "tot": uitkomst.tot.isoformat()}


def _stored(resultaten: Mapping[str, Resultaat]) -> dict[str, dict[str, Any]]:
    """The first year's results in the rules' JSON form, as stored with a request or a choice."""
    return {naam: r.as_dict() for naam, r in resultaten.items()}


def evaluate_regelingen_separately(situatie: dict[str, Any]) -> dict[str, Any]:
    """:func:`evaluate_regelingen`, in the helper process when one is in use (same answer, same errors)."""
    return rules_process.run(evaluate_regelingen, situatie)


def _regeling(regeling: str, namen: dict[str, str], jaren: tuple[Jaar, ...]) -> dict[str, Any]:
    """One scheme over every year of the situation, in the form stored with the request."""
    in_aanmerking = False
    niet_beoordeeld = False  # a year without an outcome: an unanswered question decides it ("niet opgegeven")
    bedragen: dict[str, float | None] = {}
    maxima: dict[str, float | None] = {}
    uitleg: list[str] = []
    bronnen: list[Bron] = []
    parameters: list[Parameterwaarde] = []
    waarschuwingen: list[str] = []
    voorbeeld = False
    looptijd = None
    for j in jaren:
        jaar = str(j.jaar)
        ja, bedrag = j.resultaat(namen["in_aanmerking"]), j.resultaat(namen["bedrag"])
        ja_dit_jaar = bool(ja and ja.waarde)
        in_aanmerking |= ja_dit_jaar
        niet_beoordeeld |= ja is not None and ja.waarde is None
        bedragen[jaar] = _cents(bedrag.waarde) if bedrag else None
        if regeling in MAXIMUM_RESULTATEN:
            maximum = j.resultaat(MAXIMUM_RESULTATEN[regeling])
            maxima[jaar] = _cents(maximum.waarde) if maximum else None
        if ja_dit_jaar and bedragen[jaar] is None:
            waarschuwingen.append(_onbekend_melding(regeling, jaar, bedrag))
        voorvoegsel = f"{jaar}: " if len(jaren) > 1 else ""
        for r in (ja, bedrag):
            if r is None:
                continue
            uitleg += [voorvoegsel + z for z in r.zinnen if voorvoegsel + z not in uitleg]
            bronnen += r.bronnen
            parameters += r.parameters
            voorbeeld |= r.voorbeeld
        lt = j.resultaat(namen["looptijd"]) if "looptijd" in namen else None
        if looptijd is None and lt is not None and lt.waarde:
            looptijd = int(lt.waarde)
    eerste = next(iter(bedragen.values()))
    return {
        # None: the rules could not judge it without an answer the applicant did not give (never a refusal)
        "in_aanmerking": True if in_aanmerking else None if niet_beoordeeld else False,
        "bedrag_per_jaar": eerste,
        "bedragen": bedragen,
        "maxima": maxima,
        "bedrag_onbekend": in_aanmerking and any(b is None for b in bedragen.values()),
        "uitleg": uitleg,
        "bronnen": _unique_sources(bronnen),
        "parameters": _unique_parameters(parameters),
        "voorbeeld": voorbeeld,
        "waarschuwingen": waarschuwingen,
        "max_looptijd_maanden": looptijd,
    }


def evaluate_regelingen(situatie: dict[str, Any]) -> dict[str, Any]:
    """Evaluate every extra-care scheme from one situation (the one intake for all extra care).

    Returns what is stored with the request, per scheme: eligibility over the whole period (eligible on at
    least one care day of any year), the amount per calendar year (``None`` = unknown: the rules have no
    amount for that year, and a warning says so), the explanation, legal sources and parameters used, and
    whether any figure is a ``voorbeeld`` value. ``bedrag_per_jaar`` is the first year's amount.
    """
    uitkomst = bereken(situatie)
    regelingen: dict[str, Any] = {}
    ontbreekt: list[str] = []
    for regeling, namen in REGELING_RESULTATEN.items():
        if all(j.resultaat(namen["in_aanmerking"]) is None for j in uitkomst.jaren):
            ontbreekt.append(regeling)
            continue
        regelingen[regeling] = _regeling(regeling, namen, uitkomst.jaren)
    if not regelingen:
        raise RulesUnavailable("De rekenregels beoordelen (nog) geen enkele regeling voor extra zorg.")
    return {
        "periode": _periode(uitkomst),
        "basis": {str(j.jaar): _basis(j) for j in uitkomst.jaren},
        "regelingen": regelingen,
        "niet_beoordeeld": ontbreekt,
        "waarschuwingen": [f"{j.jaar}: {w}" for j in uitkomst.jaren for w in j.waarschuwingen],
        "voorbeeld": uitkomst.voorbeeld,
        "resultaten": _stored(uitkomst.resultaten),
    }


def _basis(jaar: Jaar) -> dict[str, dict[str, Any]]:
    """The base budgets of one year as the rules gave them (``waarde`` None = unknown), kept with the request."""
    out = {}
    for naam in BASIS_RESULTATEN:
        r = jaar.resultaat(naam)
        if r is not None:
            out[naam] = {
                "waarde": _cents(r.waarde),
                "label": r.label,
                "voorbeeld": r.voorbeeld,
                "uitleg": list(r.zinnen),
            }
    return out


def stored_results(opgeslagen: Mapping[str, Any] | None) -> dict[str, Resultaat]:
    """The results stored with a request or choice (the rules' JSON form), read back as typed results."""
    return {naam: Resultaat.from_dict(r) for naam, r in ((opgeslagen or {}).get("resultaten") or {}).items()}


def toets_samenvatting(toets: dict[str, Any] | None) -> dict[str, Any] | None:
    """A short summary of a stored doelmatigheidstoets: outcome, limit, costs, room and one sentence — all
    as the rules gave them (nothing recomputed). ``None`` when there was no test (verblijf)."""
    if not toets:
        return None
    res = stored_results(toets)
    uitkomst = res.get(DOELMATIG_RESULTAAT)
    grens = res.get(TOETS_RESULTATEN["grens"])
    # an unknown limit gives no outcome ("kan niet worden beoordeeld"), also for a test stored before the rules
    # said so themselves (they then stored "nee" beside an unknown limit)
    beoordeeld = uitkomst is not None and uitkomst.waarde is not None and (grens is None or grens.waarde is not None)
    out: dict[str, Any] = {
        "doelmatig": uitkomst.waarde if beoordeeld and uitkomst else None,
        "jaar": str((toets.get("periode") or {}).get("van", ""))[:4],
        "zin": (uitkomst.zinnen if uitkomst and uitkomst.zinnen else ("",))[0],
        "voorbeeld": bool(toets.get("voorbeeld")) or any(r.voorbeeld for r in res.values()),
        "invoer": dict(toets.get("invoer") or {}),
        "waarschuwingen": list(toets.get("waarschuwingen") or []),
    }
    for kort, naam in TOETS_RESULTATEN.items():
        r = res.get(naam)
        out[kort] = r.waarde if r else None
    return out


def doelmatigheidstoets(situatie: dict[str, Any]) -> tuple[bool, dict[str, Any]]:
    """Whether care at home in the chosen leveringsvorm is doelmatig, with the rules' explanation to store.

    The stored explanation keeps the rules' warnings. When the limit of that year is unknown the rules give no
    outcome, and neither does this: it raises :class:`InputError` with the rules' sentence ("De
    doelmatigheidstoets kan niet worden beoordeeld: ..."), so no acceptance or refusal is recorded.
    """
    uitkomst = bereken(situatie)
    r = uitkomst.resultaat(DOELMATIG_RESULTAAT)
    if r is None:
        raise RulesUnavailable("De rekenregels geven (nog) geen uitkomst van de doelmatigheidstoets.")
    if r.waarde is None:
        # the limit is unknown for that year: no decision either way; the choice is not recorded
        raise InputError(
            "leveringsvorm",
            r.uitleg or "de doelmatigheidstoets kan niet worden beoordeeld",
            "Wlz art. 3.3.2 lid 4 onder b",
        )
    client = situatie.get("client") or {}
    return bool(r.waarde), {
        "periode": _periode(uitkomst),
        # the split the client chose (per year), shown in the letter's budget table beside the rules' limit
        "invoer": {k: client.get(k) for k in ("leveringsvorm", "mpt_kosten", "pgb_deel") if k in client},
        "resultaten": _stored(uitkomst.resultaten),
        "waarschuwingen": list(uitkomst.jaren[0].waarschuwingen),
        "voorbeeld": uitkomst.voorbeeld,
    }


def evaluate_for_period(situatie: dict[str, Any], regeling: str, van: dt.date, tot: dt.date) -> dict[str, Any]:
    """The scheme's amount over one stretch of time, with everything a letter needs to explain it.

    Rules are dated, so each calendar year is asked apart. ``waarde`` is ``None`` when the rules know no
    amount for that year; ``waarschuwingen`` then says so.
    """
    s = dict(situatie)
    s["periode"] = {"van": van.isoformat(), "tot": tot.isoformat()}
    uitkomst = bereken(s)
    r = uitkomst.resultaat(REGELING_RESULTATEN[regeling]["bedrag"])
    parameters = list(r.parameters) if r else []
    bronnen = list(r.bronnen) if r else []
    for naam in _BASIS:  # the budget the amount is derived from, with its dated parameters
        b = uitkomst.resultaat(naam)
        if b is not None and b.parameters:
            parameters += b.parameters
            bronnen += b.bronnen
            break
    waarschuwingen = list(uitkomst.jaren[0].waarschuwingen)
    waarde = r.waarde if r else None
    if waarde is None:
        waarschuwingen.append(_onbekend_melding(regeling, str(van.year), r))
    return {
        "van": van.isoformat(),
        "tot": tot.isoformat(),
        "waarde": _cents(waarde),
        "label": r.label if r else None,
        "uitleg": list(r.zinnen) if r else [],
        "bronnen": _unique_sources(bronnen),
        "parameters": _unique_parameters(parameters),
        "voorbeeld": bool(r and r.voorbeeld) or any(p.voorbeeld for p in parameters),
        "waarschuwingen": waarschuwingen,
    }


def bedrag_for_period(situatie: dict[str, Any], regeling: str, van: dt.date, tot: dt.date) -> float | None:
    """The scheme's amount over one stretch of time (``None``: unknown for that year)."""
    waarde: float | None = evaluate_for_period(situatie, regeling, van, tot)["waarde"]
    return waarde


def indicatie_einddatum(zorgprofiel: str, ingangsdatum: dt.date) -> dt.date | None:
    """Last day an indicatiebesluit is valid: indefinite, unless the profile has a maximum (Rlz art. 3.2).

    Asked from the rules (``indicatie_max_geldigheid_maanden``, 0 = indefinite) from 2015, when the Wlz took
    effect; for an earlier date the shared reference data (``wlz.reference``, ``max_geldigheid_maanden``) holds
    the maximum.
    """
    profiel = reference.lookup(zorgprofiel)
    maanden = profiel.max_geldigheid_maanden
    if ingangsdatum >= dt.date(2015, 1, 1):
        try:
            r = bereken(
                {"periode": {"van": ingangsdatum.isoformat()}, "client": {"zorgprofiel": profiel.code}}
            ).resultaat(GELDIGHEID_RESULTAAT)
        except InputError:
            r = None
        if r is not None and r.waarde is not None:
            maanden = int(r.waarde) or None
    if not maanden:
        return None
    return add_months(ingangsdatum, maanden) - dt.timedelta(days=1)


def _unique_parameters(parameters: Iterable[Parameterwaarde]) -> list[dict[str, Any]]:
    gezien, out = set(), []
    for p in parameters:
        key = (p.naam, p.geldig_vanaf)
        if key not in gezien:
            gezien.add(key)
            out.append(p.as_dict())
    return out


def _unique_sources(bronnen: Iterable[Bron]) -> list[dict[str, str]]:
    return [b.as_dict() for b in dict.fromkeys(bronnen)]
