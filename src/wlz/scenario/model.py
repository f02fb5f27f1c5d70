"""The scenario state and its costs: clients per sector, profile and bekostigingsoptie, and who pays what.

The state is a list of blocks: weighted clients of one sector and profile who started in option ``herkomst``
and are now in ``optie``. Keeping the starting option lets a moved client keep their own number of care days
(a client who moves does not get more days of care) while taking the per-day cost of comparable clients in the
destination option — the costing rule of seed 004 §4.3 ("het kostenplaatje van cliënten met vergelijkbare
zorgzwaarte/zorgprofiel"). Who pays each soort zorg follows the claims (Wlz labels are Wlz, Zvw sectors are
Zvw) unless an option moved a behandelvorm to the other payer.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Literal

from wlz.scenario.basis import Basis
from wlz.scenario.schema import OPTIES

#: Zvw sectors of the claims analysis and the behandelvorm each belongs to (None: never a Wlz behandelvorm —
#: paramedische zorg under Zvw conditions and medisch-specialistische zorg stay Zvw)
ZVW_SOORTEN: dict[str, str | None] = {
    "HAZ": "huisarts",
    "FRM": "farmacie",
    "HLP": "hulpmiddelen",
    "MND": "mondzorg",
    "GGZ": "ggz",
    "PMZ": None,
    "MSZ": None,
}
#: Wlz soort that is behandeling paid per module (the koppellijst's role behandeling_module)
WLZ_BEHANDELING = {"behandeling_modulair": "specifieke_behandeling"}
#: the day-tariff soorten that bundle the behandeling in an inclusief option
DAGTARIEF = {"zzp_incl": ("zzp", "zzp_excl"), "vpt_incl": ("vpt", "vpt_excl")}
MODULAIR = {"zzp_excl", "vpt_excl", "mpt"}
INTEGRAAL = {"zzp_incl", "vpt_incl"}

Sleutel = tuple[str, int, str]  # sector, zorgprofiel, optie
GEEN_KOSTEN = "geen kosten in de basis"
#: prefix of a provenance note that is also a warning for the report
WAARSCHUWING = "let op: "


@dataclass
class Blok:
    sector: str
    zorgprofiel: int
    herkomst: str
    optie: str
    clienten: float
    #: Wlz € per weighted client that earlier per-group options added (a cut, extra kosten thuis, a need-based
    #: amount); it stays with the clients when a later option moves them, so a later step starts from it
    extra: float = 0.0


@dataclass
class Groepskosten:
    """Clients, days and euros of one (sector, profile, option) with the provenance of the unit costs."""

    clienten: float = 0.0
    dagen: float = 0.0
    wlz: float = 0.0
    zvw: float = 0.0
    herkomst: set[str] = field(default_factory=set)


@dataclass
class Toestand:
    """The blocks and the payer changes (sector, profile, option, behandelvorm → payer) made so far."""

    blokken: list[Blok]
    betalers: dict[tuple[str, int, str, str], Literal["wlz", "zvw"]] = field(default_factory=dict)
    #: per sector: surcharge (fraction) on modular behandeling of clients who came from an inclusief option
    opslag_modulair: dict[str, float] = field(default_factory=dict)
    #: per sector and soort zorg: a fraction saved (grootschalige inkoop)
    besparing: dict[tuple[str, str], float] = field(default_factory=dict)

    def kopie(self) -> Toestand:
        """An independent copy, to try an option without changing this state."""
        return Toestand(
            [Blok(b.sector, b.zorgprofiel, b.herkomst, b.optie, b.clienten, b.extra) for b in self.blokken],
            dict(self.betalers),
            dict(self.opslag_modulair),
            dict(self.besparing),
        )

    def clienten(self) -> dict[Sleutel, float]:
        out: dict[Sleutel, float] = defaultdict(float)
        for b in self.blokken:
            out[(b.sector, b.zorgprofiel, b.optie)] += b.clienten
        return dict(out)


def begintoestand(basis: Basis) -> Toestand:
    blokken = [
        Blok(str(r.sector), int(r.zorgprofiel), str(r.optie), str(r.optie), float(r.clienten_gewogen))
        for r in basis.clienten.itertuples(index=False)
    ]
    return Toestand(blokken)


class Eenheidskosten:
    """Per-day spending per soort zorg and days per weighted client, per (sector, profile, option) of a basis."""

    def __init__(self, basis: Basis) -> None:
        self.basis = basis
        self.per_dag: dict[Sleutel, dict[str, float]] = defaultdict(dict)
        self.dagen: dict[Sleutel, float] = {}
        clienten = {
            (str(r.sector), int(r.zorgprofiel), str(r.optie)): float(r.clienten_gewogen)
            for r in basis.clienten.itertuples(index=False)
        }
        if basis.kosten is not None:
            for r in basis.kosten.itertuples(index=False):
                k = (str(r.sector), int(r.zorgprofiel), str(r.optie))
                dagen = float(r.dagen)
                if dagen > 0:
                    self.per_dag[k][str(r.soort_zorg)] = float(r.uitgaven) / dagen
                    self.dagen[k] = dagen
        self.dagen_per_client = {k: d / clienten[k] for k, d in self.dagen.items() if clienten.get(k, 0) > 0}

    def heeft(self, k: Sleutel) -> bool:
        return k in self.per_dag and k in self.dagen_per_client


def betaler(
    soort: str, sector: str, profiel: int, optie: str, betalers: dict[tuple[str, int, str, str], Literal["wlz", "zvw"]]
) -> str:
    """Who pays a soort zorg of this group: the claims' own payer unless an option moved its behandelvorm."""
    if soort in ZVW_SOORTEN:
        vorm = ZVW_SOORTEN[soort]
        standaard = "zvw"
    else:
        vorm = WLZ_BEHANDELING.get(soort)
        standaard = "wlz"
    if vorm is None:
        return standaard
    return betalers.get((sector, profiel, optie, vorm), standaard)


def kosten(toestand: Toestand, eenheid: Eenheidskosten) -> dict[Sleutel, Groepskosten]:
    """Clients, days, Wlz € and Zvw € per (sector, profile, option) of a state.

    Without costs in the basis (seed004) only the clients are filled; days and euros stay 0 and the caller
    reports them as missing. pgb has no declared days in the analysis, so its block carries clients only.
    """
    out: dict[Sleutel, Groepskosten] = defaultdict(Groepskosten)
    heeft_kosten = eenheid.basis.heeft_kosten
    for b in toestand.blokken:
        k = (b.sector, b.zorgprofiel, b.optie)
        g = out[k]
        g.clienten += b.clienten
        if not heeft_kosten or b.optie == "pgb":
            continue
        if b.extra:
            g.wlz += b.clienten * b.extra
            g.herkomst.add("inclusief de bedragen van eerdere opties per groep (korting, extra kosten thuis, maatwerk)")
        herkomst_k = (b.sector, b.zorgprofiel, b.herkomst)
        dpc = eenheid.dagen_per_client.get(herkomst_k)
        if dpc is None:
            g.herkomst.add(f"{WAARSCHUWING}geen dagen voor {b.sector} profiel {b.zorgprofiel} {b.herkomst} in de basis")
            continue
        dagen = b.clienten * dpc
        if eenheid.heeft(k):
            tarief_k = k
            if b.herkomst != b.optie:
                g.herkomst.add(
                    f"per-dagkosten van vergelijkbare cliënten ({b.sector} profiel {b.zorgprofiel} "
                    f"{b.optie}), seed 004 §4.3"
                )
        else:
            tarief_k = herkomst_k
            g.herkomst.add(
                f"{WAARSCHUWING}geen vergelijkbare cliënten in {b.sector} profiel {b.zorgprofiel} "
                f"{b.optie}: per-dagkosten van {b.herkomst} aangehouden"
            )
        g.dagen += dagen
        opslag = toestand.opslag_modulair.get(b.sector, 0.0) if b.herkomst in INTEGRAAL and b.optie in MODULAIR else 0.0
        for soort, per_dag in eenheid.per_dag[tarief_k].items():
            bedrag = dagen * per_dag * (1 - toestand.besparing.get((b.sector, soort), 0.0))
            if soort in WLZ_BEHANDELING:
                bedrag *= 1 + opslag
            if betaler(soort, b.sector, b.zorgprofiel, b.optie, toestand.betalers) == "wlz":
                g.wlz += bedrag
            else:
                g.zvw += bedrag
    return dict(out)


def alle_opties() -> tuple[str, ...]:
    return OPTIES
