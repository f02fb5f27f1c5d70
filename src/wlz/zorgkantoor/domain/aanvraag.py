"""The request for extra care: one intake for every scheme, and its way to a decision.

States::

    ingediend ──► in_behandeling ──► besloten (toegekend | deels_toegekend | afgewezen)
                     │      ▲
                     ▼      │
                 advies_gevraagd   (e.g. the CCE, Centrum voor Consultatie en Expertise)

Deadline: the zorgkantoor decides within the term of Awb art. 4:13 (no term is set by the Wlz for these
requests, so at most eight weeks after receipt), and may extend it once, before it ends, with notice and a
reason (Awb art. 4:14 lid 3). https://wetten.overheid.nl/BWBR0005537/#Hoofdstuk4_Titeldeel4.1_Afdeling4.1.3
The 95% on-time norm the dashboard measures against comes from seed 003 (CIZ norm, Kamerstuk 34 104).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from wlz.common.months import months_spanned

from . import codes
from .fouten import DomainError, InvalidTransition
from .model import nieuw_id, nu

#: Awb art. 4:13 lid 2: eight weeks when no statutory term applies.
BESLISTERMIJN = dt.timedelta(weeks=8)
BESLISTERMIJN_BRON = {
    "titel": "Algemene wet bestuursrecht, artikel 4:13 (beslistermijn) en 4:14 (verdaging)",
    "url": "https://wetten.overheid.nl/BWBR0005537/#Hoofdstuk4_Titeldeel4.1_Afdeling4.1.3",
}
#: Seed 003: share of decisions on time, norm 95%.
NORM_OP_TIJD = 0.95

STATUSSEN: dict[str, str] = {
    "ingediend": "Ingediend",
    "in_behandeling": "In behandeling",
    "advies_gevraagd": "Advies gevraagd",
    "besloten": "Besloten",
}
UITKOMSTEN: dict[str, str] = {
    "toegekend": "Toegekend",
    "deels_toegekend": "Deels toegekend",
    "afgewezen": "Afgewezen",
}
_OVERGANGEN: dict[str, frozenset[str]] = {
    "ingediend": frozenset({"in_behandeling"}),
    "in_behandeling": frozenset({"advies_gevraagd", "besloten"}),
    "advies_gevraagd": frozenset({"in_behandeling"}),
    "besloten": frozenset(),
}


@dataclass(frozen=True)
class RegelingUitkomst:
    """What the rules engine said about one scheme for this intake (read from the stored evaluation)."""

    regeling: str
    in_aanmerking: bool | None
    bedrag_per_jaar: float | None
    uitleg: list[str] = field(default_factory=list)
    bronnen: list[dict[str, str]] = field(default_factory=list)
    max_looptijd_maanden: int | None = None
    #: amount per calendar year; ``None`` = the rules know no amount for that year ("onbekend")
    bedragen: dict[str, float | None] = field(default_factory=dict)
    bedrag_onbekend: bool = False
    waarschuwingen: list[str] = field(default_factory=list)
    parameters: list[dict[str, Any]] = field(default_factory=list)
    voorbeeld: bool = False


class Besluitregel:
    """The decision on one scheme: granted or not, for which period, with amounts per calendar year."""

    def __init__(
        self,
        *,
        regeling: str,
        toegekend: bool,
        van: dt.date | None,
        tot: dt.date | None,
        bedragen: dict[str, float | None] | None = None,
        toelichting: str = "",
        berekening: dict[str, Any] | None = None,
        id: str | None = None,
    ):
        if regeling not in codes.REGELINGEN:
            raise DomainError("Onbekende regeling.", "regeling")
        if toegekend:
            if van is None or tot is None:
                raise DomainError("Een toekenning heeft een begin- en einddatum.", f"{regeling}.van")
            if tot < van:
                raise DomainError("De einddatum ligt voor de begindatum.", f"{regeling}.tot")
        self.id = id or nieuw_id()
        self.regeling = regeling
        self.toegekend = toegekend
        self.van = van if toegekend else None
        self.tot = tot if toegekend else None
        self.bedragen = dict(bedragen or {})
        self.toelichting = toelichting
        #: per calendar year the rules' explanation of the amount (uitleg, bronnen, parameters with dates,
        #: voorbeeld, waarschuwingen), kept so the letter explains exactly what was decided on
        self.berekening = dict(berekening or {})

    @property
    def bedrag_onbekend(self) -> bool:
        return self.toegekend and any(b is None for b in self.bedragen.values())


def jaren_in_periode(van: dt.date, tot: dt.date) -> list[tuple[dt.date, dt.date]]:
    """Split a period into calendar-year pieces, because the rules' amounts are set per year."""
    stukken = []
    begin = van
    while begin <= tot:
        eind = min(dt.date(begin.year, 12, 31), tot)
        stukken.append((begin, eind))
        begin = dt.date(begin.year + 1, 1, 1)
    return stukken


#: per scheme, the intake criteria that say the client asks for it: an amount asked (ekt, meerzorg,
#: overbruggingszorg), a waiting date (overbruggingszorg) or, for the pab, which has no amount of its own, the
#: medical need for permanent supervision it starts from (Rlz art. 5.15a lid 1 onder a)
GEVRAAGD_DOOR: dict[str, tuple[str, ...]] = {
    "ekt": ("ekt_gevraagd",),
    "meerzorg": ("meerzorg_gevraagd",),
    "overbruggingszorg": ("overbruggingszorg_gevraagd", "wacht_op_opname_sinds"),
    "pab": ("medische_noodzaak_permanent_toezicht",),
}


def gevraagde_regelingen(intake: dict[str, Any], geevalueerd: set[str]) -> frozenset[str]:
    """The evaluated schemes the intake asks for (a criterion of :data:`GEVRAAGD_DOOR` given and not 0, false or
    empty). An intake that names none asks for everything evaluated (the one intake for all extra care)."""
    criteria = intake.get("criteria") or {}
    gevraagd = {
        regeling
        for regeling, namen in GEVRAAGD_DOOR.items()
        if regeling in geevalueerd and any(criteria.get(n) not in (None, 0, 0.0, False, "", "nee") for n in namen)
    }
    return frozenset(gevraagd or geevalueerd)


class Aanvraag:
    """One request for extra care. The situation is entered once; every scheme is evaluated from it."""

    def __init__(
        self,
        *,
        client_id: str,
        situatie: dict[str, Any],
        ingediend_door: str,
        intake: dict[str, Any] | None = None,
        vorige: Aanvraag | None = None,
        ingediend_op: dt.datetime | None = None,
        id: str | None = None,
    ):
        self.id = id or nieuw_id()
        self.client_id = client_id
        self.intake = intake if intake is not None else {}
        self.situatie = situatie
        self.ingediend_door = ingediend_door
        self.ingediend_op = ingediend_op or nu()
        self.termijn = self.ingediend_op.date() + BESLISTERMIJN
        self.verlengd_tot: dt.date | None = None
        self.verlenging_reden: str | None = None
        self.status = "ingediend"
        self.vorige_id = vorige.id if vorige is not None else None
        self.gewijzigde_velden = verschillen(vorige.situatie, situatie) if vorige is not None else []
        self.evaluatie: dict[str, Any] | None = None
        self.evaluatie_fout: str | None = None
        self.behandelaar_id: str | None = None
        self.advies_aan: str | None = None
        self.advies_vraag: str | None = None
        self.advies_antwoord: str | None = None
        self.besloten_op: dt.datetime | None = None
        self.besloten_door: str | None = None
        self.uitkomst: str | None = None
        self.motivatie: str | None = None
        self.besluitregels: list[Besluitregel] = []

    # --- deadline -------------------------------------------------------------------------------------
    @property
    def uiterste_datum(self) -> dt.date:
        return self.verlengd_tot or self.termijn

    def te_laat(self, vandaag: dt.date) -> bool:
        """Open past its deadline (for the dashboard's 'overdue')."""
        return self.status != "besloten" and vandaag > self.uiterste_datum

    @property
    def op_tijd_besloten(self) -> bool | None:
        if self.besloten_op is None:
            return None
        return self.besloten_op.date() <= self.uiterste_datum

    def verleng(self, nieuwe_datum: dt.date, reden: str, vandaag: dt.date) -> None:
        """Extend the deadline once, before it passes, with a reason (Awb art. 4:14 lid 3)."""
        if self.status == "besloten":
            raise InvalidTransition("Op deze aanvraag is al besloten.", "status")
        if self.verlengd_tot is not None:
            raise DomainError("De termijn is al eens verlengd.", "verlengd_tot")
        if vandaag > self.termijn:
            raise DomainError("De termijn is al verstreken; verlengen kan alleen vóór het einde.", "verlengd_tot")
        if nieuwe_datum <= self.termijn:
            raise DomainError("De nieuwe datum moet na de huidige termijn liggen.", "verlengd_tot")
        if not reden.strip():
            raise DomainError("Geef de reden van de verlenging.", "reden")
        self.verlengd_tot = nieuwe_datum
        self.verlenging_reden = reden.strip()

    # --- state machine --------------------------------------------------------------------------------
    def _naar(self, status: str) -> None:
        if status not in _OVERGANGEN[self.status]:
            raise InvalidTransition(
                f"Een aanvraag met status '{STATUSSEN[self.status]}' kan niet naar '{STATUSSEN[status]}'.",
                "status",
            )
        self.status = status

    def in_behandeling_nemen(self, behandelaar_id: str) -> None:
        self._naar("in_behandeling")
        self.behandelaar_id = behandelaar_id

    def advies_vragen(self, aan: str, vraag: str) -> None:
        if not aan.strip():
            raise DomainError("Aan wie wordt advies gevraagd?", "advies_aan")
        if not vraag.strip():
            raise DomainError("Wat is de adviesvraag?", "advies_vraag")
        self._naar("advies_gevraagd")
        self.advies_aan = aan.strip()
        self.advies_vraag = vraag.strip()

    def advies_ontvangen(self, antwoord: str) -> None:
        if not antwoord.strip():
            raise DomainError("Vul het advies in.", "advies_antwoord")
        self._naar("in_behandeling")
        self.advies_antwoord = antwoord.strip()

    def uitkomsten(self) -> dict[str, RegelingUitkomst]:
        """The stored evaluation per scheme (empty when the rules could not evaluate the intake)."""
        out: dict[str, RegelingUitkomst] = {}
        for naam, r in ((self.evaluatie or {}).get("regelingen") or {}).items():
            out[naam] = RegelingUitkomst(
                regeling=naam,
                in_aanmerking=r.get("in_aanmerking"),
                bedrag_per_jaar=r.get("bedrag_per_jaar"),
                uitleg=list(r.get("uitleg") or []),
                bronnen=list(r.get("bronnen") or []),
                max_looptijd_maanden=r.get("max_looptijd_maanden"),
                bedragen=dict(r.get("bedragen") or {}),
                bedrag_onbekend=bool(r.get("bedrag_onbekend")),
                waarschuwingen=list(r.get("waarschuwingen") or []),
                parameters=list(r.get("parameters") or []),
                voorbeeld=bool(r.get("voorbeeld")),
            )
        return out

    def gevraagde_regelingen(self) -> frozenset[str]:
        """The schemes the client asked for: see :func:`gevraagde_regelingen`."""
        return gevraagde_regelingen(self.intake, set((self.evaluatie or {}).get("regelingen") or {}))

    def besluiten(self, regels: list[Besluitregel], motivatie: str, door: str, op: dt.datetime | None = None) -> None:
        """Decide. Every evaluated scheme gets a decision; the overall outcome follows from them.

        A scheme the rules found the client not eligible for cannot be granted (the rules are the law here);
        an eligible one may be refused, with a motivation. A grant may run several years only as far as the
        rules allow for that scheme (``max_looptijd_maanden``); without such a limit, at most one year.
        """
        if self.status != "in_behandeling":
            raise InvalidTransition(
                f"Besluiten kan alleen als de aanvraag in behandeling is (nu: {STATUSSEN[self.status]}).",
                "status",
            )
        if not motivatie.strip():
            raise DomainError("Motiveer het besluit.", "motivatie")
        uitkomsten = self.uitkomsten()
        if not uitkomsten:
            raise DomainError(
                "Deze aanvraag is (nog) niet door de rekenregels beoordeeld; besluiten kan pas daarna.",
                "evaluatie",
            )
        per_regeling = {r.regeling: r for r in regels}
        if len(per_regeling) != len(regels):
            raise DomainError("Elke regeling krijgt één besluit.", "regels")
        ontbrekend = [n for n in uitkomsten if n not in per_regeling]
        if ontbrekend:
            raise DomainError(f"Neem ook een besluit over: {', '.join(ontbrekend)}.", f"{ontbrekend[0]}.toegekend")
        for regel in regels:
            uitkomst = uitkomsten.get(regel.regeling)
            if uitkomst is None:
                raise DomainError("Over deze regeling is niets gevraagd.", f"{regel.regeling}.toegekend")
            if not regel.toegekend:
                continue
            if uitkomst.in_aanmerking is None:
                raise DomainError(
                    f"{codes.REGELINGEN[regel.regeling]} kan niet worden toegekend: of de cliënt in aanmerking komt, "
                    "kan niet worden beoordeeld zonder de antwoorden die niet zijn opgegeven (zie de uitleg).",
                    f"{regel.regeling}.toegekend",
                )
            if not uitkomst.in_aanmerking:
                raise DomainError(
                    f"{codes.REGELINGEN[regel.regeling]} kan niet worden toegekend: de cliënt komt er volgens de "
                    "regels niet voor in aanmerking.",
                    f"{regel.regeling}.toegekend",
                )
            grens = uitkomst.max_looptijd_maanden or 12
            assert regel.van is not None and regel.tot is not None
            if months_spanned(regel.van, regel.tot) > grens:
                raise DomainError(
                    f"{codes.REGELINGEN[regel.regeling]} kan voor ten hoogste {grens} maanden worden toegekend.",
                    f"{regel.regeling}.tot",
                )
        # the outcome counts what the client asked for, not the schemes evaluated alongside it
        gevraagd = self.gevraagde_regelingen()
        toegekend = [r.toegekend for r in regels if r.regeling in gevraagd] or [r.toegekend for r in regels]
        self._naar("besloten")
        self.besluitregels = list(regels)
        self.uitkomst = "toegekend" if all(toegekend) else "afgewezen" if not any(toegekend) else "deels_toegekend"
        self.motivatie = motivatie.strip()
        self.besloten_door = door
        self.besloten_op = op or nu()


def _plat(d: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(d, dict):
        out: dict[str, Any] = {}
        for k, v in d.items():
            out.update(_plat(v, f"{prefix}{k}."))
        return out
    return {prefix.rstrip("."): d}


def verschillen(oud: dict[str, Any], nieuw: dict[str, Any]) -> list[str]:
    """Dotted names of the fields that differ, so a repeat request shows (and asks) only what changed."""
    a, b = _plat(oud), _plat(nieuw)
    return sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))


def samenvoegen(basis: dict[str, Any], wijzigingen: dict[str, Any]) -> dict[str, Any]:
    """The previous situation with the changes laid over it (nested dicts merged, other values replaced)."""
    out = dict(basis)
    for k, v in wijzigingen.items():
        out[k] = samenvoegen(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out
