"""Running a scenario: the options in the order written, on one basis, giving the output tables as DataFrames.

The Python API (:func:`run_scenario`) and the ``wlz scenario`` command return and write the same tables:
``verschuivingen`` (who moves), ``kosten`` (per sector, profile and option before → after), ``samenvatting``
(one row per option: clients moved, euros gross and net, and the seed's reference figures beside the model's),
and per option that has them ``kortingen`` (taakstelling), ``grenzen`` (a knip at every cut), ``ekt``,
``toeslagen`` and ``maatwerk``.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import pandas as pd

from wlz.common.errors import InputError
from wlz.common.formatting import format_euro, format_number
from wlz.scenario import opties as opt
from wlz.scenario.basis import Basis, read_basis
from wlz.scenario.clienten import (
    BRON_EIGEN_BIJDRAGE,
    EIGEN_RISICO,
    EIGEN_RISICO_BRON,
    ER_SECTOREN,
    PENSIOEN_KEUZE,
)
from wlz.scenario.clienten import write_csv as write_clienten_csv
from wlz.scenario.clientengine import Clientresultaat, run_client_level
from wlz.scenario.ekt import KOP_EKT, ekt_rows
from wlz.scenario.ekt import referentie as ekt_referentie
from wlz.scenario.grenzen import KOP_GRENZEN, sweep
from wlz.scenario.maatwerk import KOP_MAATWERK, maatwerk_rows
from wlz.scenario.maatwerk_behoefte import context_kolommen, read_clientcontext
from wlz.scenario.model import (
    GEEN_KOSTEN,
    WAARSCHUWING,
    Eenheidskosten,
    Groepskosten,
    Sleutel,
    Toestand,
    begintoestand,
    kosten,
)
from wlz.scenario.pilot import read_pilot_export
from wlz.scenario.schema import (
    SEED004,
    AllesIntegraal,
    BehandelingNaarZvw,
    ExtraKostenThuis,
    Knip,
    Maatwerkindicatie,
    Scenario,
    Stap,
    Taakstelling,
    ToeslagenInBudget,
    VptInclAfgeschaft,
)
from wlz.scenario.taakstelling import KOP_KORTINGEN, kortingen
from wlz.scenario.toeslagen import KOP_TOESLAGEN, toeslagen_rows

KOP_VERSCHUIVINGEN = ["jaar", "sector", "zorgprofiel", "van", "naar", "clienten_gewogen", "stap", "optie"]
KOP_KOSTEN = [
    "jaar",
    "sector",
    "zorgprofiel",
    "optie",
    "clienten_voor",
    "clienten_na",
    "dagen_voor",
    "dagen_na",
    "wlz_voor",
    "wlz_na",
    "zvw_voor",
    "zvw_na",
    "herkomst",
]
KOP_SAMENVATTING = [
    "stap",
    "optie",
    "naar_modulair",
    "naar_integraal",
    "meer_naar_modulair",
    "wlz_verschil",
    "zvw_verschil",
    "bruto",
    "transitiekosten",
    "netto",
    "referentie",
    "opmerking",
]

#: seed 004 Bijlage 1 r.1388-1392: the NZa's 2019 estimate of "alles integraal"
NZA_2019_WLZ = 837_000_000.0
NZA_2019_ZVW_WMO = 417_800_000.0
NZA_2019_BRON = f"{SEED004}, Bijlage 1 r.1388-1392 (NZa-uitvoeringstoets maart 2019)"


@dataclass
class Uitkomst:
    """The result of one scenario on one basis; every table is a DataFrame with the CSV's columns."""

    scenario: Scenario
    basis: Basis
    verschuivingen: pd.DataFrame
    kosten: pd.DataFrame
    kortingen: pd.DataFrame
    samenvatting: pd.DataFrame
    ekt: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["stap", *KOP_EKT]))
    meldingen: list[str] = field(default_factory=list)
    #: toeslagen in het budget: per pgb/mpt group the budget and doelmatigheid before and after
    toeslagen: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["stap", *KOP_TOESLAGEN]))
    #: maatwerkindicatie: per group the clients in scope, winners, losers and euros
    maatwerk: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["stap", *KOP_MAATWERK]))
    #: for each knip that cuts by profile: the moves and euros for every cut 1-10 per sector
    grenzen: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["stap", *KOP_GRENZEN]))
    #: per sector, option and behandelvorm the payer after all options (wlz.reference's table unless changed)
    betalers: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)
    #: the client level (a basis with a client table): one row per client, and the providers that need a Zvw
    #: contract; None without a client table
    clienten: pd.DataFrame | None = None
    aanbieders: pd.DataFrame | None = None
    #: taakstelling at the client level: the cut per provider (agb_code), adding up to the amount exactly
    kortingen_aanbieders: pd.DataFrame | None = None
    #: extra kosten thuis at the client level with a prior package: the zorgval per group
    ekt_zorgval: pd.DataFrame | None = None
    #: with --engine spark: the client rows as the Parquet folder Spark wrote (``clienten`` stays None; read it with
    #: :func:`wlz.scenario.clientengine.read_clienten`); ``clienten.csv`` is streamed from it
    clienten_map: Path | None = None
    #: the client level per step, counted by the engine: clienten, gewisseld, wint, verliest, gelijk, wlz_voor,
    #: wlz_na, contract (client rows needing a Zvw contract), met_agb
    clientstappen: pd.DataFrame | None = None
    #: winners (teken 1) and losers (-1) per step in equal bins (laag, hoog, bak, clienten), for the report
    histogram: pd.DataFrame | None = None

    @property
    def heeft_clientniveau(self) -> bool:
        return self.clientstappen is not None

    def parameters(self) -> dict[str, Any]:
        """Everything needed to repeat the run: the scenario with its sources, and the basis."""
        return {
            "scenario": self.scenario.parameters(),
            "basis": {
                "naam": self.basis.naam,
                "jaar": self.basis.jaar,
                "herkomst": self.basis.herkomst,
                "bronnen": self.basis.bronnen,
            },
            "volgorde": "de opties zijn toegepast in de volgorde van het scenariobestand",
            "betalers_na": self.betalers,
            "betalers_bron": "wlz.reference.bekostiging (seed 004 §2.3-2.4, Bijlage 2), tenzij een optie ze wijzigde",
            "meldingen": self.meldingen,
            "clientniveau": None
            if not self.heeft_clientniveau
            else {
                "clienttabel": str(self.basis.clienttabel),
                "inkomen": None if self.basis.inkomen is None else str(self.basis.inkomen),
                "eigen_risico": {"bedrag": EIGEN_RISICO.get(self.basis.jaar), "bron": EIGEN_RISICO_BRON},
                "eigen_risico_sectoren": list(ER_SECTOREN),
                "eigen_bijdrage": BRON_EIGEN_BIJDRAGE,
                "pensioengerechtigd": PENSIOEN_KEUZE,
                "engine": self.basis.engine,
                "per_optie": "één rij per cliënt per optie; vóór = de toestand vóór die optie, na = erna. "
                "Taakstelling: de korting van de groep naar dagen over haar cliënten, in centen (grootste rest); "
                "extra kosten thuis, toeslagen en maatwerk: trekkingen per cliënt uit een hash van zijn id en "
                "het zaad van de optie; maatwerk: synthetische behoefte (voorbeeld, keuze), of met pilot_export de "
                "verhoudingen van de CIZ-pilot maatwerkindicatie per zorgprofiel",
            },
        }


def _mln(bedrag: float) -> str:
    return format_number(bedrag / 1e6, decimals=1)


def _teken(bedrag: float) -> str:
    return "−" if bedrag < 0 else "+"


def _totaal(groepen: dict[Sleutel, Groepskosten]) -> tuple[float, float]:
    return sum(g.wlz for g in groepen.values()), sum(g.zvw for g in groepen.values())


def run_scenario(scenario: Scenario, basis: Basis | str | Path = "seed004") -> Uitkomst:
    """Apply the scenario's options in order to the basis and return the output tables."""
    if not isinstance(basis, Basis):
        basis = read_basis(basis, scenario.jaar)
    meldingen: list[str] = []
    scenario = _context_uit_basis(scenario, basis, meldingen)
    eenheid = Eenheidskosten(basis)
    toestand = begintoestand(basis)
    voor = kosten(toestand, eenheid)
    verschuivingen: list[dict[str, Any]] = []
    korting_rijen: list[dict[str, Any]] = []
    ekt_rijen: list[dict[str, Any]] = []
    grens_rijen: list[dict[str, Any]] = []
    toeslag_rijen: list[dict[str, Any]] = []
    maatwerk_rijen: list[dict[str, Any]] = []
    samenvatting: list[dict[str, Any]] = []
    #: per step: the state before it and, for a taakstelling, its rows (the client level repeats each step)
    voor_stap: list[Toestand] = []
    stap_kortingen: dict[int, list[dict[str, Any]]] = {}
    _controleer_profielen(scenario, basis)
    if not basis.heeft_kosten:
        meldingen.append(f"{basis.naam}: {GEEN_KOSTEN} — alleen aantallen cliënten; euro's blijven leeg")
    if not basis.heeft_profielen:
        meldingen.append(
            f"{basis.naam}: aantallen per sector zonder zorgprofielen (zorgprofiel 0 = alle); "
            "de instellingen voor vg gelden voor de hele ghz"
        )
    elif basis.naam == "seed004":
        meldingen.append(
            "seed004: zorgprofielen zonder uitsplitsing naar leveringsvorm (vg 1-2, vv 1-3 en 9-10; "
            "seed 004 tabellen 3-4) vallen buiten de berekening"
        )
        meldingen.append(
            "seed004: de cellen van tabellen 5 en 6 zijn gebruikt; hun som per profiel wijkt in de seed "
            "zelf 1 tot 7 cliënten af van tabel 4 (bijvoorbeeld vv 8: 2.731 tegen 2.728)"
        )
    for i, stap in enumerate(scenario.stappen, start=1):
        o = stap.optie
        if basis.clienttabel is not None:
            voor_stap.append(toestand.kopie())
        if isinstance(o, Taakstelling):
            rijen = kortingen(o, toestand, eenheid)
            stap_kortingen[i] = rijen
            korting_rijen.extend({"stap": i, **r} for r in rijen)
            actief = [r for r in rijen if r["jaar"] >= o.vanaf]
            if actief:  # the yearly cut from vanaf, as at the client level
                eerste = min(r["jaar"] for r in actief)
                _draag_mee(toestand, i, stap.naam, rijen, "korting", meldingen, teken=-1.0, jaar=eerste)
            samenvatting.append(
                {
                    "stap": i,
                    "optie": stap.naam,
                    "naar_modulair": 0.0,
                    "naar_integraal": 0.0,
                    "meer_naar_modulair": None,
                    "wlz_verschil": -o.bedrag if actief else 0.0,
                    "zvw_verschil": 0.0,
                    "bruto": -o.bedrag if actief else 0.0,
                    "transitiekosten": 0.0,
                    "netto": -o.bedrag if actief else 0.0,
                    "referentie": f"{format_euro(o.bedrag)} per jaar vanaf {o.vanaf} ({SEED004}, §1.1)",
                    "opmerking": f"sleutel {o.sleutel}"
                    + ("; ghz op profielniveau = vg (seed 004 voetnoot 15)" if basis.heeft_profielen else ""),
                }
            )
            continue
        if isinstance(o, Maatwerkindicatie):
            rijen = maatwerk_rows(o, toestand, eenheid, f"opties[{i - 1}].{stap.naam}")
            maatwerk_rijen.extend({"stap": i, **r} for r in rijen)
            _draag_mee(toestand, i, stap.naam, rijen, "verschil_totaal", meldingen)
            if o.pilot_export is not None:
                pilot = read_pilot_export(o.pilot_export)
                meldingen.append(
                    f"stap {i} maatwerk: behoefte per zorgprofiel uit de {pilot.bron()} (verhouding bedrag / "
                    f"profielbedrag; profielen {', '.join(pilot.verhoudingen)}); andere profielen: gekozen punten"
                )
            bedragen = [r["verschil_totaal"] for r in rijen if r["verschil_totaal"] is not None]
            totaal = sum(bedragen) if bedragen else None
            scope = sum(r["clienten_maatwerk"] for r in rijen)
            samenvatting.append(
                {
                    "stap": i,
                    "optie": stap.naam,
                    "naar_modulair": 0.0,
                    "naar_integraal": 0.0,
                    "meer_naar_modulair": None,
                    "wlz_verschil": totaal,
                    "zvw_verschil": None if totaal is None else 0.0,
                    "bruto": totaal,
                    "transitiekosten": 0.0,
                    "netto": totaal,
                    "referentie": f"variant {o.variant}; toegang blijft gelijk (seed 000 r.133-136); seed 003: "
                    "circa 3% van alle Wlz-cliënten past niet in het zorgprofiel (r.85)",
                    "opmerking": f"{format_number(scope)} cliënten met maatwerk, "
                    f"{format_number(sum(r['meer'] for r in rijen))} meer, "
                    f"{format_number(sum(r['minder'] for r in rijen))} minder, "
                    f"{format_number(sum(r['extra_herindicaties'] for r in rijen))} extra herindicaties per jaar",
                }
            )
            continue
        if isinstance(o, ToeslagenInBudget):
            rijen = toeslagen_rows(o, toestand, eenheid)
            toeslag_rijen.extend({"stap": i, **r} for r in rijen)
            winst = [r["winst_totaal"] for r in rijen if r["winst_totaal"] is not None]
            erbij = [r["doelmatig_erbij"] for r in rijen if r["doelmatig_erbij"] is not None]
            onbekend = sum(1 for r in rijen if r["winst_totaal"] is None)
            samenvatting.append(
                {
                    "stap": i,
                    "optie": stap.naam,
                    "naar_modulair": 0.0,
                    "naar_integraal": 0.0,
                    "meer_naar_modulair": None,
                    "wlz_verschil": sum(winst) if winst else None,
                    "zvw_verschil": 0.0 if winst else None,
                    "bruto": sum(winst) if winst else None,
                    "transitiekosten": 0.0,
                    "netto": sum(winst) if winst else None,
                    "referentie": "seed 000 aanbeveling 6: toeslagen meenemen in het pgb/mpt-budget, "
                    "doelmatigheidsnorm blijft (seed:000_eeb6ded43e7cd1a8.txt r.360-372)",
                    "opmerking": f"extra budgetruimte (geen uitgaven) volgens de regels van {o.rekenjaar}; "
                    + (f"{format_number(sum(erbij))} cliënten meer doelmatig; " if erbij else "")
                    + (
                        f"{onbekend} groepen zonder pgb-bedrag (geen pgb mogelijk of onbekend in de regels)"
                        if onbekend
                        else ""
                    ),
                }
            )
            continue
        if isinstance(o, ExtraKostenThuis):
            rijen = ekt_rows(o, toestand, eenheid)
            ekt_rijen.extend({"stap": i, **r} for r in rijen)
            _draag_mee(toestand, i, stap.naam, rijen, "verschil", meldingen)
            bekend_rijen = [r for r in rijen if r["verschil"] is not None]
            bekend = len(bekend_rijen) == len(rijen)
            verschil = sum(r["verschil"] for r in bekend_rijen) if bekend_rijen else None
            samenvatting.append(
                {
                    "stap": i,
                    "optie": stap.naam,
                    "naar_modulair": 0.0,
                    "naar_integraal": 0.0,
                    "meer_naar_modulair": None,
                    "wlz_verschil": verschil,
                    "zvw_verschil": None if verschil is None else 0.0,
                    "bruto": verschil,
                    "transitiekosten": 0.0,
                    "netto": verschil,
                    "referentie": ekt_referentie(rijen),
                    "opmerking": ""
                    if bekend
                    else (
                        "euro's alleen voor groepen met een budget per cliënt; zonder "
                        "(pgb, of seed004 zonder budget_per_client) niet meegeteld"
                    ),
                }
            )
            continue
        wlz_voor, zvw_voor = _totaal(kosten(toestand, eenheid))
        if isinstance(o, Knip):
            grens_rijen.extend({"stap": i, **r} for r in sweep(o, toestand, eenheid))
            moves = opt.knip(toestand, o)
        elif isinstance(o, BehandelingNaarZvw):
            moves = opt.behandeling_naar_zvw(toestand, o)
        elif isinstance(o, AllesIntegraal):
            moves = opt.alles_integraal(toestand, o)
        elif isinstance(o, VptInclAfgeschaft):
            moves = opt.vpt_incl_afgeschaft(toestand, o)
        else:  # pragma: no cover - the schema admits no other option
            raise TypeError(type(o))
        wlz_na, zvw_na = _totaal(kosten(toestand, eenheid))
        for m in moves:
            verschuivingen.append(
                {
                    "jaar": scenario.jaar,
                    "sector": m.sector,
                    "zorgprofiel": m.zorgprofiel,
                    "van": m.van,
                    "naar": m.naar,
                    "clienten_gewogen": m.clienten_gewogen,
                    "stap": i,
                    "optie": stap.naam,
                }
            )
        mod, integ = opt.naar_modulair(moves), opt.naar_integraal(moves)
        bruto = (wlz_na - wlz_voor) + (zvw_na - zvw_voor)
        transitie = float(getattr(o, "transitiekosten", 0.0))
        referentie, opmerking = "", ""
        if isinstance(o, Knip):
            referentie = (
                f"seed 004 §4.3 r.1159: 'groter deel ... modulaire bekostiging dan omgekeerd' — "
                f"{'klopt' if mod > integ else 'klopt niet'} voor deze variant en grens "
                f"({format_number(mod)} naar modulair, {format_number(integ)} naar integraal)"
            )
        if isinstance(o, AllesIntegraal):
            referentie = (
                f"NZa 2019: Wlz + € {_mln(NZA_2019_WLZ)} mln, waarvan € {_mln(NZA_2019_ZVW_WMO)} "
                f"mln uit Zvw/Wmo ({NZA_2019_BRON})"
            )
            model = (
                f"model: Wlz {_teken(wlz_na - wlz_voor)} € {_mln(abs(wlz_na - wlz_voor))} mln, Zvw "
                f"{_teken(zvw_na - zvw_voor)} € {_mln(abs(zvw_na - zvw_voor))} mln "
                f"({format_number((wlz_na - wlz_voor) / NZA_2019_WLZ * 100)}% van de NZa-raming voor de Wlz); "
                if basis.heeft_kosten
                else ""
            )
            opmerking = (
                f"{model}het model rekent alleen vg en vv op de basis (geen lvg/zg/ggz, geen Wmo) met de "
                "per-dagkosten van vergelijkbare cliënten in de basis (seed 004 §4.3); de NZa raamde "
                "landelijk met haar eigen kostprijzen. Op synthetische data zijn de euro's illustratief"
            )
        samenvatting.append(
            {
                "stap": i,
                "optie": stap.naam,
                "naar_modulair": mod,
                "naar_integraal": integ,
                "meer_naar_modulair": mod > integ,
                "wlz_verschil": (wlz_na - wlz_voor) if basis.heeft_kosten else None,
                "zvw_verschil": (zvw_na - zvw_voor) if basis.heeft_kosten else None,
                "bruto": bruto if basis.heeft_kosten else None,
                "transitiekosten": transitie,
                "netto": bruto + transitie if basis.heeft_kosten else None,
                "referentie": referentie,
                "opmerking": opmerking if basis.heeft_kosten else GEEN_KOSTEN,
            }
        )
    na = kosten(toestand, eenheid)
    meldingen.extend(sorted({h for g in na.values() for h in g.herkomst if h.startswith(WAARSCHUWING)}))
    cl = _client_level(basis, scenario.stappen, [*voor_stap, toestand], stap_kortingen, eenheid, meldingen)
    uitkomst = Uitkomst(
        clienten=None if cl is None else cl.clienten,
        clienten_map=None if cl is None else cl.clienten_map,
        clientstappen=None if cl is None else cl.stappen,
        histogram=None if cl is None else cl.histogram,
        aanbieders=None if cl is None else cl.aanbieders,
        kortingen_aanbieders=None if cl is None else cl.kortingen_aanbieders,
        ekt_zorgval=None if cl is None else cl.ekt_zorgval,
        scenario=scenario,
        basis=basis,
        verschuivingen=pd.DataFrame(verschuivingen, columns=KOP_VERSCHUIVINGEN),
        kosten=_kosten_tabel(scenario.jaar, voor, na, basis),
        kortingen=pd.DataFrame(korting_rijen, columns=["stap", *KOP_KORTINGEN]),
        samenvatting=pd.DataFrame(samenvatting, columns=KOP_SAMENVATTING),
        ekt=pd.DataFrame(ekt_rijen, columns=["stap", *KOP_EKT]),
        grenzen=pd.DataFrame(grens_rijen, columns=["stap", *KOP_GRENZEN]),
        toeslagen=pd.DataFrame(toeslag_rijen, columns=["stap", *KOP_TOESLAGEN]),
        maatwerk=pd.DataFrame(maatwerk_rijen, columns=["stap", *KOP_MAATWERK]),
        meldingen=meldingen,
        betalers={s: opt.betalers_tabel(toestand, s) for s in sorted(set(basis.clienten.sector))},
    )
    if cl is not None and cl.clienten_map is not None:  # Spark's Parquet of the client rows lives as long as the result
        import shutil
        import weakref

        weakref.finalize(uitkomst, shutil.rmtree, cl.clienten_map.parent, True)
    return uitkomst


def _context_uit_basis(scenario: Scenario, basis: Basis, meldingen: list[str]) -> Scenario:
    """A maatwerk step in hours without its own context file takes partner, mantelzorg and age per client from the
    basis' table per client (``inkomen.parquet``/``.csv``) when that table has such columns, the rows of the basis
    year; the scenario returned (and scenario.json) names the file. Checked now, before anything is computed."""
    if basis.inkomen is None:
        return scenario
    stappen = list(scenario.stappen)
    for i, stap in enumerate(stappen):
        o = stap.optie
        if not isinstance(o, Maatwerkindicatie) or o.uren is None or o.uren.clientcontext is not None:
            continue
        kolommen = context_kolommen(basis.inkomen)
        if not kolommen:
            return scenario
        read_clientcontext(str(basis.inkomen), f"opties[{i}].{stap.naam}.uren.clientcontext", basis.jaar)
        uren = o.uren.model_copy(update={"clientcontext": str(basis.inkomen), "clientcontext_jaar": basis.jaar})
        stappen[i] = stap.model_copy(update={"optie": o.model_copy(update={"uren": uren})})
        meldingen.append(
            f"stap {i + 1} maatwerk: {', '.join(kolommen)} per cliënt uit de basis ({basis.inkomen.name}, "
            f"{basis.jaar}); cliënten zonder waarde volgen de verdeling van de optie"
        )
    return scenario.model_copy(update={"stappen": tuple(stappen)})


def _draag_mee(
    toestand: Toestand,
    stap: int,
    naam: str,
    rijen: list[dict[str, Any]],
    kolom: str,
    meldingen: list[str],
    teken: float = 1.0,
    jaar: int | None = None,
) -> None:
    """Carry a per-group option's Wlz € per (sector, profile, option) into the state, so the next options start
    from the amounts after it (options combine in the order written)."""
    bedragen = {
        (str(r["sector"]), int(r["zorgprofiel"]), str(r["optie"])): teken * float(r[kolom])
        for r in rijen
        if r.get(kolom) is not None
        and str(r["zorgprofiel"]).isdigit()  # not a summary row (ggz 'alle')
        and (jaar is None or r["jaar"] == jaar)
    }
    gedragen = opt.draag_mee(toestand, bedragen)
    if gedragen:
        meldingen.append(
            f"stap {stap} ({naam}): {format_euro(gedragen)} Wlz per groep meegenomen in de volgende stappen "
            "(een verschoven cliënt houdt zijn bedrag)"
        )


def _client_level(
    basis: Basis,
    stappen: tuple[Stap, ...],
    toestanden: list[Toestand],
    stap_kortingen: dict[int, list[dict[str, Any]]],
    eenheid: Eenheidskosten,
    meldingen: list[str],
) -> Clientresultaat | None:
    """Per client and step before and after (a basis with the analysis' client table); None otherwise.

    ``toestanden`` holds the state before each step and, last, the final state: step i goes from
    ``toestanden[i-1]`` to ``toestanden[i]``. A per-group option changes no state; its client rows add what it
    changes per client (:mod:`wlz.scenario.clientopties`). Runs on the basis' engine
    (:mod:`wlz.scenario.clientengine`)."""
    if basis.clienttabel is None:
        return None
    uit = run_client_level(
        basis.clienttabel,
        basis.inkomen,
        basis.jaar,
        stappen,
        toestanden,
        stap_kortingen,
        eenheid,
        engine=basis.engine,
    )
    meldingen.extend(uit.meldingen)
    meldingen.append(
        f"cliëntniveau ({basis.clienttabel}, engine {basis.engine}): "
        + (
            f"inkomens uit {basis.inkomen}" + (" (synthetisch)" if _synthetisch(basis.inkomen) else "")
            if basis.inkomen is not None
            else "geen inkomens in de basis"
        )
    )
    return uit


def _synthetisch(pad: Path) -> bool:
    if pad.suffix == ".csv":
        df = pd.read_csv(pad, nrows=5)
    else:
        import pyarrow.parquet as pq

        f = pq.ParquetFile(pad)
        if "bron" not in f.schema_arrow.names or f.num_row_groups == 0:
            return False
        df = next(f.iter_batches(batch_size=5, columns=["bron"])).to_pandas()  # 5 rows, not a whole row group
    return "bron" in df.columns and bool(df["bron"].astype(str).str.contains("synthetisch").any())


def _controleer_profielen(scenario: Scenario, basis: Basis) -> None:
    """Options that cut by zorgprofiel cannot run on a basis without profiles: say which field asks for it."""
    if basis.heeft_profielen:
        return
    for i, stap in enumerate(scenario.stappen):
        o = stap.optie
        veld = f"opties[{i}].{stap.naam}"
        if isinstance(o, Knip):
            varianten = o.variant.values() if isinstance(o.variant, dict) else [o.variant]
            if any(v in ("zorgzwaarte", "combinatie") for v in varianten):
                raise InputError(
                    f"{veld}.variant",
                    f"deze variant knipt op zorgprofiel; de basis {basis.naam} heeft "
                    "geen zorgprofielen (kies setting of de basis seed004)",
                )
        if isinstance(o, BehandelingNaarZvw) and o.alleen_onder:
            raise InputError(f"{veld}.alleen_onder", f"de basis {basis.naam} heeft geen zorgprofielen")


def _kosten_tabel(
    jaar: int, voor: dict[Sleutel, Groepskosten], na: dict[Sleutel, Groepskosten], basis: Basis
) -> pd.DataFrame:
    rijen = []
    leeg = Groepskosten()
    for k in sorted(set(voor) | set(na)):
        v, n = voor.get(k, leeg), na.get(k, leeg)
        euro = basis.heeft_kosten and k[2] != "pgb"
        if not basis.heeft_kosten:
            herkomst = GEEN_KOSTEN
        elif k[2] == "pgb":
            herkomst = "pgb: apart blok, niet verschoven (seed 004 voetnoot 1); geen dagen in de analyse"
        else:
            herkomst = "; ".join([basis.herkomst, *sorted(n.herkomst)])
        rijen.append(
            {
                "jaar": jaar,
                "sector": k[0],
                "zorgprofiel": k[1],
                "optie": k[2],
                "clienten_voor": v.clienten,
                "clienten_na": n.clienten,
                "dagen_voor": v.dagen if euro else None,
                "dagen_na": n.dagen if euro else None,
                "wlz_voor": v.wlz if euro else None,
                "wlz_na": n.wlz if euro else None,
                "zvw_voor": v.zvw if euro else None,
                "zvw_na": n.zvw if euro else None,
                "herkomst": herkomst,
            }
        )
    return pd.DataFrame(rijen, columns=KOP_KOSTEN)


def _json_waarde(v: Any) -> Any:
    if isinstance(v, Decimal):
        return format(v, "f")
    if isinstance(v, float) and math.isnan(v):
        return None
    return v


def write_outputs(uitkomst: Uitkomst, out: str | Path, rapport: bool = True) -> list[Path]:
    """Write the CSV tables, scenario.json and (optionally) rapport.html to ``out``; returns the files."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    paden = []
    for naam, df in (
        ("verschuivingen", uitkomst.verschuivingen),
        ("kosten", uitkomst.kosten),
        ("kortingen", uitkomst.kortingen),
        ("samenvatting", uitkomst.samenvatting),
        ("ekt", uitkomst.ekt),
        ("grenzen", uitkomst.grenzen),
        ("toeslagen", uitkomst.toeslagen),
        ("maatwerk", uitkomst.maatwerk),
        ("clienten", uitkomst.clienten if uitkomst.clienten_map is None else uitkomst.clienten_map),
        ("aanbieders", uitkomst.aanbieders),
        ("kortingen_aanbieders", uitkomst.kortingen_aanbieders),
        ("ekt_zorgval", uitkomst.ekt_zorgval),
    ):
        if df is None:
            continue
        if isinstance(df, Path):  # the client rows an engine wrote as Parquet: streamed into the CSV
            write_clienten_csv(df, out / f"{naam}.csv")
            paden.append(out / f"{naam}.csv")
            continue
        if naam in ("kortingen", "ekt", "grenzen", "toeslagen", "maatwerk", "ekt_zorgval") and df.empty:
            continue
        pad = out / f"{naam}.csv"
        if naam == "clienten":
            write_clienten_csv(df, pad)
        else:
            df.to_csv(pad, index=False, lineterminator="\n")
        paden.append(pad)
    pad = out / "scenario.json"
    pad.write_text(
        json.dumps(uitkomst.parameters(), indent=2, ensure_ascii=False, default=_json_waarde) + "\n", encoding="utf-8"
    )
    paden.append(pad)
    if rapport:
        from wlz.scenario.report import write_report

        paden.append(write_report(uitkomst, out / "rapport.html"))
    return paden
