"""The ONE place the service talks to the rules engine (``wlz.rules``).

The service never computes an amount or an eligibility itself: it sends a situation to
``wlz.rules.bereken(situatie, hervorming=...)`` and keeps what comes back (value, label, plain-Dutch
explanation, sources) with the request or decision, so a letter can later show exactly what was decided on.

If the rules engine is not installed (or lacks ``bereken``), every call raises :class:`RegelsNietBeschikbaar`
with a clear message; nothing is ever made up in its place.

Result names: the mapping from the rules' result variables to the four extra-care schemes and the
doelmatigheidstoets is in ``REGELING_RESULTATEN`` / ``DOELMATIG_RESULTAAT`` below; adapt those when the rules'
names change.
"""

from __future__ import annotations

import datetime as dt
import importlib
from typing import Any

from wlz import reference


class RegelsNietBeschikbaar(RuntimeError):
    """The rules engine is not there (yet); the service refuses to guess."""


class InvoerFout(ValueError):
    """Bad input according to the rules, with the field (``veld``) and the rule (``regel``) it broke."""

    def __init__(self, bericht: str, veld: str | None = None, regel: str | None = None):
        super().__init__(bericht)
        self.veld = veld
        self.regel = regel


#: For each scheme: the rules' result holding eligibility, the one holding the yearly amount, and (optional)
#: the one holding the longest period a decision may run, in months.
REGELING_RESULTATEN: dict[str, dict[str, str]] = {
    "ekt": {"in_aanmerking": "ekt_in_aanmerking", "bedrag": "ekt_verhoging", "looptijd": "ekt_max_looptijd_maanden"},
    "meerzorg": {
        "in_aanmerking": "meerzorg_in_aanmerking",
        "bedrag": "meerzorg_bedrag",
        "looptijd": "meerzorg_max_looptijd_maanden",
    },
    "pab": {"in_aanmerking": "pab_in_aanmerking", "bedrag": "pab_maximum", "looptijd": "pab_max_looptijd_maanden"},
    "overbruggingszorg": {
        "in_aanmerking": "overbruggingszorg_in_aanmerking",
        "bedrag": "overbruggingszorg_bedrag",
        "looptijd": "overbruggingszorg_max_looptijd_maanden",
    },
}
#: The result that says whether the chosen care at home passes the doelmatigheidstoets (Wlz art. 3.3.3 lid 4).
DOELMATIG_RESULTAAT = "doelmatig"


def _module():
    try:
        mod = importlib.import_module("wlz.rules")
    except ModuleNotFoundError as exc:
        raise RegelsNietBeschikbaar(
            "De rekenregels (wlz.rules) zijn niet geïnstalleerd; er kan niets worden berekend."
        ) from exc
    if not hasattr(mod, "bereken"):
        raise RegelsNietBeschikbaar(
            "De rekenregels (wlz.rules) bieden nog geen 'bereken'; er kan niets worden berekend."
        )
    return mod


def beschikbaar() -> bool:
    try:
        _module()
    except RegelsNietBeschikbaar:
        return False
    return True


def bereken(situatie: dict[str, Any], *, hervorming: str | None = None) -> dict[str, Any]:
    """Run the rules. Their input error becomes this module's :class:`InvoerFout` (same ``veld``/``regel``)."""
    mod = _module()
    fout_cls = getattr(mod, "InvoerFout", None)
    try:
        return mod.bereken(situatie, hervorming=hervorming)
    except Exception as exc:
        if fout_cls is not None and isinstance(exc, fout_cls):
            raise InvoerFout(str(exc), getattr(exc, "veld", None), getattr(exc, "regel", None)) from exc
        raise


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

#: CIZ grondslagen (COD736) as the two groups the EKT rules ask about (Rlz art. 5.3 lid 3 onder c).
_SOM_LG_ZG = {"01", "04", "06"}
_VG_PSY_PG = {"02", "03", "05"}


def criteria_velden() -> list[dict[str, Any]]:
    """The intake's scheme questions with the rules' own label and type (for the form)."""
    try:
        systeem = importlib.import_module("wlz.rules").systeem()
    except (ModuleNotFoundError, AttributeError):
        return []
    out = []
    for naam in INTAKE_CRITERIA:
        v = systeem.variables.get(naam)
        if v is not None:
            out.append({"naam": naam, "label": v.label, "type": getattr(v.value_type, "__name__", "str")})
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
    plus the intake, in the format of ``wlz/rules/situatie.py``."""
    client: dict[str, Any] = {
        "zorgprofiel": zorgprofiel,
        "geboortedatum": geboortedatum.isoformat(),
        "leveringsvorm": leveringsvorm,
        "grondslag_somatisch_lichamelijk_zintuiglijk": bool(_SOM_LG_ZG & set(grondslagen)),
        "grondslag_verstandelijk_psychiatrisch_psychogeriatrisch": bool(_VG_PSY_PG & set(grondslagen)),
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
    client.update(intake.get("criteria") or {})
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
    gewaarborgde_hulp: bool = False,
) -> dict[str, Any]:
    """The situation for the doelmatigheidstoets of a choice for care at home."""
    client: dict[str, Any] = {
        "zorgprofiel": zorgprofiel,
        "geboortedatum": geboortedatum.isoformat(),
        "leveringsvorm": leveringsvorm,
        "mpt_kosten": mpt_kosten,
        "pgb_deel": pgb_deel,
    }
    if gewaarborgde_hulp:
        client["gewaarborgde_hulp"] = True
    situatie: dict[str, Any] = {"periode": {"van": ingangsdatum.isoformat()}, "client": client}
    if partner:
        situatie["partner"] = {}
    return situatie


def _resultaat(uitkomst: dict[str, Any], naam: str) -> dict[str, Any] | None:
    return (uitkomst.get("resultaten") or {}).get(naam)


def evalueer_regelingen(situatie: dict[str, Any]) -> dict[str, Any]:
    """Evaluate every extra-care scheme from one situation (the one intake of issue 4, point 3).

    Returns what is stored with the request: per scheme eligibility, yearly amount, explanation and sources,
    plus the rules' period and full result for the record.
    """
    uitkomst = bereken(situatie)
    regelingen: dict[str, Any] = {}
    ontbreekt: list[str] = []
    for regeling, namen in REGELING_RESULTATEN.items():
        ja = _resultaat(uitkomst, namen["in_aanmerking"])
        bedrag = _resultaat(uitkomst, namen["bedrag"])
        if ja is None:
            ontbreekt.append(regeling)
            continue
        looptijd = _resultaat(uitkomst, namen["looptijd"])
        regelingen[regeling] = {
            "in_aanmerking": bool(ja.get("waarde")),
            "bedrag_per_jaar": round(float(bedrag["waarde"]), 2)
            if bedrag and bedrag.get("waarde") is not None
            else None,
            "uitleg": _zinnen(ja) + (_zinnen(bedrag) if bedrag else []),
            "bronnen": _uniek(list(ja.get("bronnen") or []) + (list(bedrag.get("bronnen") or []) if bedrag else [])),
            "max_looptijd_maanden": int(looptijd["waarde"]) if looptijd and looptijd.get("waarde") else None,
        }
    if not regelingen:
        raise RegelsNietBeschikbaar("De rekenregels beoordelen (nog) geen enkele regeling voor extra zorg.")
    return {
        "periode": uitkomst.get("periode"),
        "regelingen": regelingen,
        "niet_beoordeeld": ontbreekt,
        "resultaten": uitkomst.get("resultaten"),
    }


def doelmatigheidstoets(situatie: dict[str, Any]) -> tuple[bool, dict[str, Any]]:
    """Whether care at home in the chosen leveringsvorm is doelmatig, with the rules' explanation to store."""
    uitkomst = bereken(situatie)
    r = _resultaat(uitkomst, DOELMATIG_RESULTAAT)
    if r is None:
        raise RegelsNietBeschikbaar("De rekenregels geven (nog) geen uitkomst van de doelmatigheidstoets.")
    return bool(r.get("waarde")), {"periode": uitkomst.get("periode"), "resultaten": uitkomst.get("resultaten")}


def bedrag_voor_periode(situatie: dict[str, Any], regeling: str, van: dt.date, tot: dt.date) -> float | None:
    """The scheme's amount over one stretch of time (rules are dated, so each calendar year is asked apart)."""
    s = dict(situatie)
    s["periode"] = {"van": van.isoformat(), "tot": tot.isoformat()}
    r = _resultaat(bereken(s), REGELING_RESULTATEN[regeling]["bedrag"])
    return round(float(r["waarde"]), 2) if r and r.get("waarde") is not None else None


def indicatie_einddatum(zorgprofiel: str, ingangsdatum: dt.date) -> dt.date | None:
    """Last day an indicatiebesluit is valid: indefinite, unless the profile has a maximum (Rlz art. 3.2).

    Asked from the rules (``indicatie_max_geldigheid_maanden``, 0 = indefinite). Without the rules engine the
    shared reference data (``wlz.reference``, ``max_geldigheid_maanden``) holds the same maximum.
    """
    profiel = reference.lookup(zorgprofiel)
    maanden = profiel.max_geldigheid_maanden
    if beschikbaar() and ingangsdatum >= dt.date(2015, 1, 1):
        try:
            r = _resultaat(
                bereken({"periode": {"van": ingangsdatum.isoformat()}, "client": {"zorgprofiel": profiel.code}}),
                "indicatie_max_geldigheid_maanden",
            )
        except InvoerFout:
            r = None
        if r is not None and r.get("waarde") is not None:
            maanden = int(r["waarde"]) or None
    if not maanden:
        return None
    jaar, maand = divmod(ingangsdatum.month - 1 + maanden, 12)
    eerste = dt.date(ingangsdatum.year + jaar, maand + 1, 1)
    dag = min(ingangsdatum.day, _dagen_in_maand(eerste))
    return eerste.replace(day=dag) - dt.timedelta(days=1)


def _dagen_in_maand(d: dt.date) -> int:
    volgende = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return (volgende - dt.timedelta(days=1)).day


#: What the public Wlz-wijzer shows of a calculation: the budget, the eigen bijdrage, and per scheme whether
#: it could apply (groups as the rules name them in ``wlz/rules/api.py``).
WIJZER_GROEPEN = ("budget", "eigen_bijdrage")


def _wijzer_groepen() -> set[str]:
    """The rules name a result's group by its display title (``wlz.rules.api.GROEPEN``); accept key and title."""
    try:
        titels = importlib.import_module("wlz.rules.api").GROEPEN
    except (ModuleNotFoundError, AttributeError):
        titels = {}
    return set(WIJZER_GROEPEN) | {titels[g] for g in WIJZER_GROEPEN if g in titels}


def voor_wijzer(uitkomst: dict[str, Any]) -> dict[str, Any]:
    """Keep the results a client needs to compare leveringsvormen; the full calculation is too long to read."""
    groepen = _wijzer_groepen()
    gekozen = {
        naam: r
        for naam, r in (uitkomst.get("resultaten") or {}).items()
        if r.get("waarde") not in (None, 0, 0.0, False)
        and r.get("groep") in groepen
        or naam in {v["in_aanmerking"] for v in REGELING_RESULTATEN.values()}
    }
    return {**uitkomst, "resultaten": gekozen}


def _zinnen(resultaat: dict[str, Any]) -> list[str]:
    """The rules give an explanation as one text (or a list); the service keeps a list of sentences."""
    uitleg = resultaat.get("uitleg")
    if not uitleg:
        return []
    return [uitleg] if isinstance(uitleg, str) else [str(z) for z in uitleg]


def _uniek(bronnen: list[dict[str, str]]) -> list[dict[str, str]]:
    gezien, out = set(), []
    for b in bronnen:
        key = (b.get("titel"), b.get("url"))
        if key not in gezien:
            gezien.add(key)
            out.append(b)
    return out
