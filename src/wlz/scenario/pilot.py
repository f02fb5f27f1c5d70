"""The CIZ's maatwerkindicatie pilot as input of the maatwerk option: need-to-profile ratios per zorgprofiel.

The CIZ exports its pilot records as a JSON list (``GET /api/maatwerk``, documented in docs/ciz.md "The pilot's
export"). ``wlz.scenario`` may not import ``wlz.ciz`` (import-linter: a library never imports a context), so this
module reads a saved copy of that export as the documented format. Per record the ratio ``bedrag /
profielbedrag`` (the need per year against the profile's pgb amount for the record's year) is kept per zorgprofiel;
records with ``profielbedrag`` null (the rules have no amount) cannot give a ratio and are skipped and counted, so
nothing is dropped silently. The ratio is dimensionless, so it applies to the profile amount of the option's
``rekenjaar`` too.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any

from wlz.common.errors import InputError
from wlz.reference import zorgprofielen
from wlz.scenario.schema import FUNCTIES

TAG = "maatwerkindicatie"
#: the fields of one exported record the scenario relies on (docs/ciz.md, "The pilot's export")
VELDEN = ("pilot", "id", "pilotgroep", "jaar", "zorgprofiel", "behoeften", "bedrag", "profielbedrag")


@dataclass(frozen=True)
class PilotVerhoudingen:
    """The pilot's ratios need/profile amount per zorgprofiel code (sorted), and what was read."""

    pad: str
    sha256: str
    records: int
    overgeslagen: int
    verhoudingen: dict[str, tuple[float, ...]] = field(default_factory=dict)
    #: per zorgprofiel the records' hours per week per function (in the order of ``FUNCTIES``), for the need in
    #: hours; every record of the export counts, also one without a profile amount
    uren: dict[str, tuple[tuple[float, ...], ...]] = field(default_factory=dict)
    #: per zorgprofiel, aligned with ``uren``: the record's (partner 0/1, mantelzorg hours per week, age), NaN where
    #: the export does not give it (the CIZ exports the age; partner and mantelzorg only when a record has them)
    context: dict[str, tuple[tuple[float, float, float], ...]] = field(default_factory=dict)

    @property
    def gebruikt(self) -> int:
        return self.records - self.overgeslagen

    def bron(self) -> str:
        """The source line the report and scenario.json show."""
        tekst = f"CIZ-pilot maatwerkindicatie, {self.records} records ({Path(self.pad).name})"
        if self.overgeslagen:
            tekst += f"; {self.overgeslagen} zonder profielbedrag overgeslagen"
        return tekst

    def as_dict(self) -> dict[str, Any]:
        return {
            "bron": self.bron(),
            "bestand": self.pad,
            "sha256": self.sha256,
            "records": self.records,
            "overgeslagen_zonder_profielbedrag": self.overgeslagen,
            "records_per_zorgprofiel": {k: len(v) for k, v in sorted(self.verhoudingen.items())},
        }


def _decimaal(waarde: Any, veld: str, nul_mag: bool) -> Decimal | None:
    if waarde is None and nul_mag:
        return None
    if not isinstance(waarde, str | int | float) or isinstance(waarde, bool):
        raise InputError(veld, f"waarde {waarde!r} is geen bedrag (een decimaal getal als tekst verwacht)")
    try:
        d = Decimal(str(waarde))
    except InvalidOperation:
        raise InputError(veld, f"waarde {waarde!r} is geen bedrag (een decimaal getal als tekst verwacht)") from None
    if not d.is_finite() or d < 0:
        raise InputError(veld, f"waarde {waarde!r} is geen bedrag van 0 of meer")
    return d


def _uren(behoeften: list[Any], veld: str) -> tuple[float, ...]:
    """The hours per week per function of one record (``FUNCTIES`` order; a function not named: 0)."""
    uit = dict.fromkeys(FUNCTIES, 0.0)
    for j, b in enumerate(behoeften):
        if not isinstance(b, dict) or b.get("functie") not in uit:
            raise InputError(f"{veld}[{j}].functie", f"een functie uit {', '.join(FUNCTIES)} verwacht")
        uren = _decimaal(b.get("uren_per_week"), f"{veld}[{j}].uren_per_week", nul_mag=False)
        assert uren is not None
        uit[b["functie"]] += float(uren)
    return tuple(uit.values())


#: optional context fields of a record, with their bounds (absent or null: not known)
CONTEXT_VELDEN = {"partner": (0, 1), "mantelzorg_uren_per_week": (0, 168), "leeftijd": (0, 120)}


def _context(rec: dict[str, Any], veld: str) -> tuple[float, float, float]:
    uit = []
    for naam, (laag, hoog) in CONTEXT_VELDEN.items():
        w = rec.get(naam)
        if w is None:
            uit.append(float("nan"))
            continue
        if isinstance(w, bool):
            w = int(w)
        try:
            getal = float(w)
        except (TypeError, ValueError):
            getal = float("nan")
        if not laag <= getal <= hoog:
            raise InputError(f"{veld}.{naam}", f"waarde {w!r} ligt niet tussen {laag} en {hoog}")
        uit.append(getal)
    return uit[0], uit[1], uit[2]


def _record(
    rec: Any, veld: str, profielen: set[str]
) -> tuple[str, float | None, tuple[float, ...], tuple[float, float, float]]:
    """One record checked: (zorgprofiel, ratio or None without a profile amount, hours per function, context)."""
    if not isinstance(rec, dict):
        raise InputError(veld, "elk record van de export is een JSON-object")
    for naam in VELDEN:
        if naam not in rec:
            raise InputError(f"{veld}.{naam}", "veld ontbreekt in het record van de pilotexport")
    if rec["pilot"] != TAG:
        raise InputError(f"{veld}.pilot", f"waarde {rec['pilot']!r} is niet de tag '{TAG}' van de CIZ-pilot")
    jaar = rec["jaar"]
    if not isinstance(jaar, int) or isinstance(jaar, bool) or not 2015 <= jaar <= 2100:
        raise InputError(f"{veld}.jaar", f"waarde {jaar!r} is geen jaartal vanaf 2015")
    code = rec["zorgprofiel"]
    if not isinstance(code, str) or code not in profielen:
        raise InputError(f"{veld}.zorgprofiel", f"waarde {code!r} is geen zorgprofiel")
    if not isinstance(rec["behoeften"], list):
        raise InputError(f"{veld}.behoeften", "een lijst van behoeften per functie verwacht")
    uren = _uren(rec["behoeften"], f"{veld}.behoeften")
    bedrag = _decimaal(rec["bedrag"], f"{veld}.bedrag", nul_mag=False)
    profiel = _decimaal(rec["profielbedrag"], f"{veld}.profielbedrag", nul_mag=True)
    context = _context(rec, veld)
    if profiel is None:
        return code, None, uren, context
    if profiel == 0:
        raise InputError(f"{veld}.profielbedrag", "een profielbedrag van 0 geeft geen verhouding")
    assert bedrag is not None
    return code, float(bedrag / profiel), uren, context


def read_pilot_export(pad: str | Path, veld: str = "pilot_export") -> PilotVerhoudingen:
    """Read and check a saved export of the CIZ pilot; InputError names the field (``veld[3].bedrag``)."""
    pad = Path(pad).resolve()
    try:
        stempel = pad.stat().st_mtime_ns
    except OSError as exc:
        raise InputError(veld, f"bestand {pad.name} niet te lezen ({exc.strerror})") from None
    return _lees(str(pad), stempel, veld)


def _volgorde(paar: tuple[tuple[float, ...], tuple[float, float, float]]) -> tuple[float, ...]:
    """Records in a fixed order whatever the export's order (NaN sorts as -1: an unknown context)."""
    return (*paar[0], *(-1.0 if x != x else x for x in paar[1]))


@lru_cache(maxsize=8)
def _lees(pad: str, stempel: int, veld: str) -> PilotVerhoudingen:
    """Cached per path and modification time: the profile rows and the client level read the same file."""
    try:
        ruw = Path(pad).read_bytes()
    except OSError as exc:
        raise InputError(veld, f"bestand {Path(pad).name} niet te lezen ({exc.strerror})") from None
    try:
        data = json.loads(ruw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(veld, f"{Path(pad).name} is geen geldige JSON ({exc})") from None
    if not isinstance(data, list):
        raise InputError(veld, "de pilotexport is een JSON-lijst van records (GET /api/maatwerk)")
    if not data:
        raise InputError(veld, "de pilotexport bevat geen records")
    profielen = set(zorgprofielen())
    per: dict[str, list[float]] = {}
    uren: dict[str, list[tuple[tuple[float, ...], tuple[float, float, float]]]] = {}
    overgeslagen = 0
    for i, rec in enumerate(data):
        code, verhouding, u, context = _record(rec, f"{veld}[{i}]", profielen)
        uren.setdefault(code, []).append((u, context))
        if verhouding is None:
            overgeslagen += 1
        else:
            per.setdefault(code, []).append(verhouding)
    if not per:
        raise InputError(f"{veld}[0].profielbedrag", "geen enkel record van de pilotexport heeft een profielbedrag")
    return PilotVerhoudingen(
        pad=pad,
        sha256=hashlib.sha256(ruw).hexdigest(),
        records=len(data),
        overgeslagen=overgeslagen,
        verhoudingen={k: tuple(sorted(v)) for k, v in sorted(per.items())},
        uren={k: tuple(u for u, _ in sorted(v, key=_volgorde)) for k, v in sorted(uren.items())},
        context={k: tuple(c for _, c in sorted(v, key=_volgorde)) for k, v in sorted(uren.items())},
    )
