"""The ONE place the service talks to the rules engine (``wlz.rules``).

The service never computes an amount or an eligibility itself: it sends a situation to
``wlz.rules.bereken(situatie, hervorming=...)`` and keeps what comes back (value, label, plain-Dutch
explanation, sources) with the request or decision, so a letter can later show exactly what was decided on.

If the rules engine is not installed (or lacks ``bereken``), every call raises :class:`RegelsNietBeschikbaar`
with a clear message; nothing is ever made up in its place.

Unknown amounts: for years the rules have no figure for, a result comes back with ``waarde: None`` and a
warning in ``jaren[i]["waarschuwingen"]``. The service stores ``None`` and the warning and shows
"onbekend" (:data:`ONBEKEND`) — never a number of its own.

Result names: the mapping from the rules' result variables to the four extra-care schemes and the
doelmatigheidstoets is in ``REGELING_RESULTATEN`` / ``DOELMATIG_RESULTAAT`` below; adapt those when the rules'
names change.
"""

from __future__ import annotations

import datetime as dt
import importlib
from functools import lru_cache
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

    def __reduce__(self):  # keeps veld and regel when it comes back from the helper process (pickled)
        return (InvoerFout, (str(self), self.veld, self.regel))


#: For each scheme: the rules' result holding eligibility over the period (eligible on at least one care day),
#: the one holding the amount over the period (pro rata the care days), and, where the rules set one, the
#: longest period a decision may run in months. Checked against the rules' real names by
#: ``tests/zorgkantoor/test_regels_adapter.py``. Meerzorg and pab have no maximum term in the rules: a decision on
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


@lru_cache(maxsize=256)
def pgb_bekend(zorgprofiel: str, jaar: int) -> bool:
    """Whether the rules know this profile's pgb amount for this year — asked from the rules, so a value an
    installation supplies (``$WLZ_PARAMETERS``, see ``wlz.rules.overlay``) counts without the service reading it."""
    try:
        situatie = {"periode": str(jaar), "client": {"zorgprofiel": zorgprofiel, "leveringsvorm": "mpt"}}
        r = _resultaat(bereken(situatie), "pgb_budget")
    except (InvoerFout, RegelsNietBeschikbaar):
        return False
    return bool(r and r.get("waarde") is not None)


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


#: Said (in Dutch) wherever the rules know no amount: the service shows this, never a figure of its own.
ONBEKEND = "onbekend"


def _per_jaar(uitkomst: dict[str, Any]) -> list[tuple[str, dict[str, dict[str, Any]], list[str]]]:
    """(year, results by name, the rules' warnings) for every calendar year of the situation's period."""
    jaren = uitkomst.get("jaren")
    if not jaren:  # an older rules engine: one set of results for the whole period
        van = str((uitkomst.get("periode") or {}).get("van", ""))[:4]
        return [(van, dict(uitkomst.get("resultaten") or {}), [])]
    return [
        (str(j["jaar"]), {r["naam"]: r for r in j.get("resultaten") or []}, list(j.get("waarschuwingen") or []))
        for j in jaren
    ]


def _onbekend_melding(regeling: str, jaar: str, bedrag: dict[str, Any] | None) -> str:
    label = bedrag.get("label") if bedrag else regeling
    return f"{jaar}: {label}: bedrag {ONBEKEND} (de rekenregels kennen voor dit jaar niet alle bedragen)"


class Rekenproces:
    """The rules' evaluation of a request in a helper process of its own, at a lower CPU priority.

    An evaluation is 50-130 ms of pure Python (OpenFisca). In the server process it holds the interpreter lock
    all that time, and every read that server process handles meanwhile waits for it in 5 ms slices: with two
    submissions a second, the reads' p99 was several hundred ms. In a helper process the server process stays
    free, and at ``nice`` 10 the operating system gives the reads the CPU first. A submission still waits for its
    evaluation and stores request and evaluation in one transaction: nothing changes but where it is computed.
    One helper per server process (started by ``wlz.zorgkantoor.app.create_app`` when ``Settings.rekenproces``);
    the rules are loaded in it at the start. Without one (tests, the demo command) the evaluation runs here.
    """

    def __init__(self, prioriteit: int = 10):
        self._prioriteit = prioriteit
        self._pool = self._start()

    def _start(self):
        import concurrent.futures
        import multiprocessing

        # spawn, not fork: the server process has threads (a forked copy could inherit a held lock)
        pool = concurrent.futures.ProcessPoolExecutor(
            max_workers=1,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_helper,
            initargs=(self._prioriteit,),
        )
        pool.submit(beschikbaar)  # start the helper (loading the rules) now, not on the first submission
        return pool

    def evalueer_regelingen(self, situatie: dict[str, Any]) -> dict[str, Any]:
        from concurrent.futures.process import BrokenProcessPool

        try:
            return self._pool.submit(evalueer_regelingen, situatie).result()
        except BrokenProcessPool:  # the helper died (e.g. out of memory): a new one, and this one here
            self._pool = self._start()
            return evalueer_regelingen(situatie)

    def stop(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


def _start_helper(prioriteit: int) -> None:
    import os
    import threading

    os.nice(prioriteit)
    threading.Thread(target=_stop_met_ouder, args=(os.getppid(),), daemon=True).start()
    beschikbaar()


def _stop_met_ouder(ouder: int) -> None:
    """End the helper when its server process is gone: a server process that is killed (or ends without
    shutting the pool down) would otherwise leave it waiting forever for work."""
    import os
    import time

    while os.getppid() == ouder:
        time.sleep(1)
    os._exit(0)


_rekenproces: Rekenproces | None = None


def gebruik_rekenproces(aan: bool = True) -> None:
    """Evaluate requests in a helper process (see :class:`Rekenproces`) from now on, in this process."""
    global _rekenproces
    if aan and _rekenproces is None:
        _rekenproces = Rekenproces()
    elif not aan and _rekenproces is not None:
        _rekenproces.stop()
        _rekenproces = None


def evalueer_regelingen_apart(situatie: dict[str, Any]) -> dict[str, Any]:
    """:func:`evalueer_regelingen`, in the helper process when one is in use (same answer, same errors)."""
    if _rekenproces is None:
        return evalueer_regelingen(situatie)
    return _rekenproces.evalueer_regelingen(situatie)


def evalueer_regelingen(situatie: dict[str, Any]) -> dict[str, Any]:
    """Evaluate every extra-care scheme from one situation (the one intake of issue 4, point 3).

    Returns what is stored with the request, per scheme: eligibility over the whole period (eligible on at
    least one care day of any year), the amount per calendar year (``None`` = unknown: the rules have no
    amount for that year, and a warning says so), the explanation, legal sources and parameters used, and
    whether any figure is a ``voorbeeld`` value. ``bedrag_per_jaar`` is the first year's amount.
    """
    uitkomst = bereken(situatie)
    jaren = _per_jaar(uitkomst)
    regelingen: dict[str, Any] = {}
    ontbreekt: list[str] = []
    for regeling, namen in REGELING_RESULTATEN.items():
        if all(res.get(namen["in_aanmerking"]) is None for _, res, _ in jaren):
            ontbreekt.append(regeling)
            continue
        in_aanmerking = False
        bedragen: dict[str, float | None] = {}
        maxima: dict[str, float | None] = {}
        uitleg: list[str] = []
        bronnen: list[dict[str, str]] = []
        parameters: list[dict[str, Any]] = []
        waarschuwingen: list[str] = []
        voorbeeld = False
        looptijd = None
        for jaar, res, _ in jaren:
            ja, bedrag = res.get(namen["in_aanmerking"]), res.get(namen["bedrag"])
            ja_dit_jaar = bool(ja and ja.get("waarde"))
            in_aanmerking |= ja_dit_jaar
            waarde = bedrag.get("waarde") if bedrag else None
            bedragen[jaar] = round(float(waarde), 2) if waarde is not None else None
            if regeling in MAXIMUM_RESULTATEN:
                m = (res.get(MAXIMUM_RESULTATEN[regeling]) or {}).get("waarde")
                maxima[jaar] = round(float(m), 2) if m is not None else None
            if ja_dit_jaar and bedragen[jaar] is None:
                waarschuwingen.append(_onbekend_melding(regeling, jaar, bedrag))
            voorvoegsel = f"{jaar}: " if len(jaren) > 1 else ""
            for r in (ja, bedrag):
                if r is None:
                    continue
                uitleg += [voorvoegsel + z for z in zinnen(r) if voorvoegsel + z not in uitleg]
                bronnen += list(r.get("bronnen") or [])
                parameters += list(r.get("parameters") or [])
                voorbeeld |= bool(r.get("voorbeeld"))
            lt = res.get(namen.get("looptijd", ""))
            if looptijd is None and lt and lt.get("waarde"):
                looptijd = int(lt["waarde"])
        eerste = next(iter(bedragen.values()))
        regelingen[regeling] = {
            "in_aanmerking": in_aanmerking,
            "bedrag_per_jaar": eerste,
            "bedragen": bedragen,
            "maxima": maxima,
            "bedrag_onbekend": in_aanmerking and any(b is None for b in bedragen.values()),
            "uitleg": uitleg,
            "bronnen": _uniek(bronnen),
            "parameters": _uniek_parameters(parameters),
            "voorbeeld": voorbeeld,
            "waarschuwingen": waarschuwingen,
            "max_looptijd_maanden": looptijd,
        }
    if not regelingen:
        raise RegelsNietBeschikbaar("De rekenregels beoordelen (nog) geen enkele regeling voor extra zorg.")
    return {
        "periode": uitkomst.get("periode"),
        "basis": {jaar: _basis(res) for jaar, res, _ in jaren},
        "regelingen": regelingen,
        "niet_beoordeeld": ontbreekt,
        "waarschuwingen": [f"{jaar}: {w}" for jaar, _, ws in jaren for w in ws],
        "voorbeeld": bool(uitkomst.get("voorbeeld")),
        "resultaten": uitkomst.get("resultaten"),
    }


#: The client's own care budget per leveringsvorm (the base a letter shows beside the extra care).
BASIS_RESULTATEN = ("pgb_budget", "mpt_budget", "verblijf_budget")


def _basis(res: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The base budgets of one year as the rules gave them (``waarde`` None = unknown), kept with the request."""
    out = {}
    for naam in BASIS_RESULTATEN:
        r = res.get(naam)
        if r is not None:
            w = r.get("waarde")
            out[naam] = {
                "waarde": round(float(w), 2) if w is not None else None,
                "label": r.get("label"),
                "voorbeeld": bool(r.get("voorbeeld")),
                "uitleg": zinnen(r),
            }
    return out


#: The doelmatigheidstoets' results a summary shows (Wlz art. 3.3.2 lid 4 onder b, art. 3.3.3 lid 4).
TOETS_RESULTATEN = {
    "grens": "doelmatigheid_grens",
    "kosten": "doelmatigheid_kosten",
    "ruimte": "doelmatigheid_ruimte",
}


def toets_samenvatting(toets: dict[str, Any] | None) -> dict[str, Any] | None:
    """A short summary of a stored doelmatigheidstoets: outcome, limit, costs, room and one sentence — all
    as the rules gave them (nothing recomputed). ``None`` when there was no test (verblijf)."""
    if not toets:
        return None
    res = toets.get("resultaten") or {}
    uitkomst = res.get(DOELMATIG_RESULTAAT) or {}
    out: dict[str, Any] = {
        "doelmatig": uitkomst.get("waarde"),
        "jaar": str((toets.get("periode") or {}).get("van", ""))[:4],
        "zin": (zinnen(uitkomst) or [""])[0],
        "voorbeeld": bool(toets.get("voorbeeld")) or any(bool(r.get("voorbeeld")) for r in res.values()),
        "invoer": dict(toets.get("invoer") or {}),
        "waarschuwingen": list(toets.get("waarschuwingen") or []),
    }
    for kort, naam in TOETS_RESULTATEN.items():
        out[kort] = (res.get(naam) or {}).get("waarde")
    return out


def doelmatigheidstoets(situatie: dict[str, Any]) -> tuple[bool, dict[str, Any]]:
    """Whether care at home in the chosen leveringsvorm is doelmatig, with the rules' explanation to store.

    The stored explanation keeps the rules' warnings: when the budget of that year is unknown the test
    cannot pass on a made-up limit, and the page and letter say why.
    """
    uitkomst = bereken(situatie)
    r = _resultaat(uitkomst, DOELMATIG_RESULTAAT)
    if r is None:
        raise RegelsNietBeschikbaar("De rekenregels geven (nog) geen uitkomst van de doelmatigheidstoets.")
    waarschuwingen = [w for _, _, ws in _per_jaar(uitkomst)[:1] for w in ws]
    client = situatie.get("client") or {}
    return bool(r.get("waarde")), {
        "periode": uitkomst.get("periode"),
        # the split the client chose (per year), shown in the letter's budget table beside the rules' limit
        "invoer": {k: client.get(k) for k in ("leveringsvorm", "mpt_kosten", "pgb_deel") if k in client},
        "resultaten": uitkomst.get("resultaten"),
        "waarschuwingen": waarschuwingen,
        "voorbeeld": bool(uitkomst.get("voorbeeld")),
    }


#: Results a decision letter explains beside the scheme's own amount: the budget it builds on.
_BASIS = ("pgb_budget", "mpt_budget")


def berekening_voor_periode(situatie: dict[str, Any], regeling: str, van: dt.date, tot: dt.date) -> dict[str, Any]:
    """The scheme's amount over one stretch of time, with everything a letter needs to explain it.

    Rules are dated, so each calendar year is asked apart. ``waarde`` is ``None`` when the rules know no
    amount for that year; ``waarschuwingen`` then says so.
    """
    s = dict(situatie)
    s["periode"] = {"van": van.isoformat(), "tot": tot.isoformat()}
    uitkomst = bereken(s)
    res = uitkomst.get("resultaten") or {}
    r = res.get(REGELING_RESULTATEN[regeling]["bedrag"]) or {}
    waarde = r.get("waarde")
    uitleg = zinnen(r)
    parameters = list(r.get("parameters") or [])
    bronnen = list(r.get("bronnen") or [])
    for naam in _BASIS:  # the budget the amount is derived from, with its dated parameters
        b = res.get(naam)
        if b and b.get("parameters"):
            parameters += b["parameters"]
            bronnen += list(b.get("bronnen") or [])
            break
    waarschuwingen = [w for _, _, ws in _per_jaar(uitkomst)[:1] for w in ws]
    if waarde is None:
        waarschuwingen.append(_onbekend_melding(regeling, str(van.year), r or None))
    return {
        "van": van.isoformat(),
        "tot": tot.isoformat(),
        "waarde": round(float(waarde), 2) if waarde is not None else None,
        "label": r.get("label"),
        "uitleg": uitleg,
        "bronnen": _uniek(bronnen),
        "parameters": _uniek_parameters(parameters),
        "voorbeeld": bool(r.get("voorbeeld")) or any(p.get("voorbeeld") for p in parameters),
        "waarschuwingen": waarschuwingen,
    }


def bedrag_voor_periode(situatie: dict[str, Any], regeling: str, van: dt.date, tot: dt.date) -> float | None:
    """The scheme's amount over one stretch of time (``None``: unknown for that year)."""
    return berekening_voor_periode(situatie, regeling, van, tot)["waarde"]


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


def zinnen(resultaat: dict[str, Any]) -> list[str]:
    """The rules give an explanation as one text (or a list); the service keeps a list of sentences."""
    uitleg = resultaat.get("uitleg")
    if not uitleg:
        return []
    return [uitleg] if isinstance(uitleg, str) else [str(z) for z in uitleg]


def _uniek_parameters(parameters: list[dict[str, Any]]) -> list[dict[str, Any]]:
    gezien, out = set(), []
    for p in parameters:
        key = (p.get("naam"), p.get("geldig_vanaf"))
        if key not in gezien:
            gezien.add(key)
            out.append(p)
    return out


def _uniek(bronnen: list[dict[str, str]]) -> list[dict[str, str]]:
    gezien, out = set(), []
    for b in bronnen:
        key = (b.get("titel"), b.get("url"))
        if key not in gezien:
            gezien.add(key)
            out.append(b)
    return out
