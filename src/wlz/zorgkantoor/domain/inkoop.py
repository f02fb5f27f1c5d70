"""Zorginkoop: the rules of contracts, open-house experiments, tariffs, vouchers and capacity.

Plain Python (no database, no web): the use cases in ``services.inkoop`` call these checks before anything is
written, so a refused contract or voucher leaves nothing half-written. Every refusal is a :class:`DomainError`
with a Dutch message and the field it is about.

Sources (requirements, ``../shared/ontwerp/seed-eisen.md`` section B):
- inkoopkader published per year and region: seed 001 p4 r.296-299, p9 r.781-797 (B1);
- contract fields, tariff uplift only with an approved verbeterplan, cliëntenraad: seed 001 p8 r.714-724,
  p11 r.983-985 (B2);
- meerjarig for rare and complex care with a basisbudget: seed 001 p5 r.356-364, p10-11 r.930-968 (B3);
- open huis (Zeeuws model): a regional experiment "voor een begrensde periode en voor een deel van de zorg"
  at a price set by the zorgkantoor, any provider accepting price and requirements admitted, no guaranteed
  volume: seed 001 p4-5 r.324-342, p9-10 r.858-912 (B4); the seeds give no figure for the share: the
  experiment's share is what the zorginkoper enters;
- vouchers worth the indication, redeemed at a chosen provider: seed 001 p4 r.314-324, p10 r.880-904 (B5);
- behandelcapaciteit per provider and region: seed 004 §4.4 p22 r.1207-1213 (B10).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from .fouten import DomainError

#: iWlz COD001 "Zorgkantoor": the code of each zorgkantoorregio with its name (iWlz 2.2 codelijst,
#: ``../shared/iwlz/codelijsten/COD001.md``; 5522 expired 2020-01-01, 5502 replaced by 5533 in 2020).
REGIOS: dict[str, str] = {
    "5501": "Groningen",
    "5502": "Friesland (tot 2020)",
    "5503": "Drenthe",
    "5504": "Zwolle",
    "5505": "Twente",
    "5506": "Apeldoorn, Zutphen en omstreken",
    "5507": "Arnhem",
    "5508": "Nijmegen",
    "5509": "Utrecht",
    "5510": "Flevoland",
    "5511": "'t Gooi",
    "5512": "Noord Holland Noord",
    "5513": "Kennemerland",
    "5514": "Zaanstreek/Waterland",
    "5515": "Amsterdam",
    "5516": "Amstelland en De Meerlanden",
    "5517": "Zuid-Holland Noord",
    "5518": "Haaglanden",
    "5519": "Delft Westland Oostland",
    "5520": "Midden-Holland",
    "5521": "Rotterdam",
    "5522": "Nieuwe Waterweg-Noord (tot 2020)",
    "5523": "Zuid-Hollandse Eilanden",
    "5524": "Waardenland",
    "5525": "Zeeland",
    "5526": "West-Brabant",
    "5527": "Midden-Brabant",
    "5528": "Noordoost Brabant",
    "5529": "Zuidoost-Brabant",
    "5530": "Noord- en Midden Limburg",
    "5531": "Zuid-Limburg",
    "5532": "Midden-IJssel",
    "5533": "Friesland",
}

VORMEN: dict[str, str] = {
    "regulier": "Regulier contract",
    "meerjarig": "Meerjarig contract (zeldzame en complexe zorg)",
    "open_huis": "Open huis (Zeeuws model)",
}

#: the rare and complex care seed 001 p5 r.356-364 names for multi-year agreements
ZORGSOORTEN_MEERJARIG: dict[str, str] = {
    "nah": "Complex niet-aangeboren hersenletsel",
    "huntington": "Ziekte van Huntington",
    "gerontopsychiatrie": "Gerontopsychiatrie",
    "emb": "Ernstige meervoudige beperkingen",
    "sglvg": "Sterk gedragsgestoorde mensen met een licht verstandelijke beperking",
}

CONTRACT_STATUSSEN: dict[str, str] = {"concept": "Concept", "actief": "Actief", "beeindigd": "Beëindigd"}

VERBETERPLAN: dict[str, str] = {"geen": "Geen", "ingediend": "Ingediend", "goedgekeurd": "Goedgekeurd"}

#: leveringsvormen a zorgkantoor contracts care in natura for (the pgb is not purchased)
CONTRACT_LEVERINGSVORMEN: dict[str, str] = {"verblijf": "Verblijf", "vpt": "Vpt", "mpt": "Mpt"}

#: behandelaren of seed 004 §4.4 (and §3.1): specialist ouderengeneeskunde, arts verstandelijk gehandicapten,
#: gedragsdeskundige, paramedici
DISCIPLINES: dict[str, str] = {
    "specialist_ouderengeneeskunde": "Specialist ouderengeneeskunde",
    "arts_vg": "Arts verstandelijk gehandicapten",
    "gedragsdeskundige": "Gedragsdeskundige",
    "paramedici": "Paramedici",
}

VOUCHER_STATUSSEN: dict[str, str] = {"uitgegeven": "Uitgegeven", "ingewisseld": "Ingewisseld", "vervallen": "Vervallen"}

HONDERD = Decimal("100")


def regio(code: str, veld: str = "regio") -> str:
    """A zorgkantoorregio's COD001 code, checked."""
    code = (code or "").strip()
    if code not in REGIOS:
        raise DomainError("Onbekende zorgkantoorregio: kies een regio uit de iWlz-codelijst COD001.", veld)
    return code


def agb(code: str, veld: str = "agb_code") -> str:
    code = (code or "").strip()
    if len(code) != 8 or not code.isdigit():
        raise DomainError("Een AGB-code heeft 8 cijfers.", veld)
    return code


def percentage(waarde: Decimal | float | str, veld: str) -> Decimal:
    """A percentage with two decimals (the column is Numeric(6,2)), above 0 and below 1000."""
    try:
        p = Decimal(str(waarde)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    except (InvalidOperation, ValueError):
        raise DomainError("Geef een percentage als getal, bijvoorbeeld 97,5.", veld) from None
    if not p.is_finite() or p <= 0 or p >= 1000:
        raise DomainError("Een percentage ligt boven 0 en onder 1000.", veld)
    return p


def periode(van: dt.date, tot: dt.date, veld_tot: str = "einddatum") -> None:
    if tot < van:
        raise DomainError("De einddatum ligt voor de ingangsdatum.", veld_tot)


def contracttarief(maximum_cent: int | None, tarief_percentage: Decimal) -> int | None:
    """The contracted tariff per eenheid: the maximum times the percentage, rounded half up to the cent; unknown
    (None) when the installation supplied no maximum."""
    if maximum_cent is None:
        return None
    cent = (Decimal(maximum_cent) * tarief_percentage / HONDERD).quantize(Decimal("1"), rounding=ROUND_HALF_UP)
    return int(cent)


@dataclass(frozen=True)
class Experiment:
    """An open-house experiment as the contract check needs it."""

    id: str
    regio: str
    ingangsdatum: dt.date
    einddatum: dt.date
    prestatiecodes: tuple[str, ...]
    tarief_percentage: Decimal


@dataclass(frozen=True)
class PrestatieRegel:
    """One prestatie of a contract: code, leveringsvorm and the tariff percentage of the maximum."""

    prestatiecode: str
    leveringsvorm: str
    tarief_percentage: Decimal


@dataclass(frozen=True)
class Contractvoorstel:
    """A contract as entered, before it is written."""

    agb_code: str
    regio: str
    vorm: str
    ingangsdatum: dt.date
    einddatum: dt.date
    prestaties: tuple[PrestatieRegel, ...]
    verbeterplan: str = "geen"
    zorgsoort: str | None = None
    basisbudget_cent: int | None = None
    experiment_id: str | None = None


def check_experiment(
    regio_code: str, van: dt.date, tot: dt.date, prestatiecodes: Sequence[str], aandeel: Decimal
) -> None:
    """An experiment is regional, for a bounded period and for part of the care (seed 001 p4-5 r.324-342)."""
    regio(regio_code)
    periode(van, tot)
    if not prestatiecodes:
        raise DomainError(
            "Noem de prestaties die onder het experiment vallen (een deel van de zorg).", "prestatiecodes"
        )
    if aandeel <= 0 or aandeel >= HONDERD:
        raise DomainError(
            "Het experiment gaat over een deel van de zorg: het aandeel ligt boven 0% en onder 100%.",
            "aandeel_percentage",
        )


def check_contract(v: Contractvoorstel, experiment: Experiment | None) -> None:
    """Every rule a contract must meet before it is written; the first broken one is raised, naming its field."""
    agb(v.agb_code)
    regio(v.regio)
    if v.vorm not in VORMEN:
        raise DomainError("Kies een contractvorm: regulier, meerjarig of open huis.", "vorm")
    periode(v.ingangsdatum, v.einddatum)
    if v.verbeterplan not in VERBETERPLAN:
        raise DomainError("Kies de status van het verbeterplan: geen, ingediend of goedgekeurd.", "verbeterplan")
    if not v.prestaties:
        raise DomainError("Een contract heeft ten minste één prestatie.", "prestaties")
    gezien: set[tuple[str, str]] = set()
    for i, p in enumerate(v.prestaties):
        veld = f"prestaties.{i}"
        if not p.prestatiecode.strip() or len(p.prestatiecode) > 20:
            raise DomainError("Geef de prestatiecode (hoogstens 20 tekens).", f"{veld}.prestatiecode")
        if p.leveringsvorm not in CONTRACT_LEVERINGSVORMEN:
            raise DomainError("Een contract gaat over verblijf, vpt of mpt (zorg in natura).", f"{veld}.leveringsvorm")
        if (p.prestatiecode, p.leveringsvorm) in gezien:
            raise DomainError("Deze prestatie staat twee keer in het contract.", f"{veld}.prestatiecode")
        gezien.add((p.prestatiecode, p.leveringsvorm))
        if p.tarief_percentage <= 0:
            raise DomainError("Het tariefpercentage ligt boven 0%.", f"{veld}.tarief_percentage")
        if p.tarief_percentage > HONDERD and v.verbeterplan != "goedgekeurd":
            raise DomainError(
                "Een tarief boven 100% van het maximumtarief kan alleen met een goedgekeurd verbeterplan.",
                f"{veld}.tarief_percentage",
            )
    if v.vorm == "meerjarig":
        if v.zorgsoort not in ZORGSOORTEN_MEERJARIG:
            raise DomainError(
                "Een meerjarig contract is voor zeldzame en complexe zorg: kies NAH, Huntington, "
                "gerontopsychiatrie, EMB of SGLVG.",
                "zorgsoort",
            )
        if v.basisbudget_cent is None or v.basisbudget_cent <= 0:
            raise DomainError(
                "Een meerjarig contract heeft een basisbudget, gekoppeld aan de geïndiceerde zorg.", "basisbudget"
            )
    elif v.zorgsoort is not None or v.basisbudget_cent is not None:
        raise DomainError("Zorgsoort en basisbudget horen alleen bij een meerjarig contract.", "zorgsoort")
    if v.vorm == "open_huis":
        check_open_huis(v, experiment)
    elif v.experiment_id is not None:
        raise DomainError("Alleen een open-huiscontract hoort bij een experiment.", "experiment_id")


def check_open_huis(v: Contractvoorstel, experiment: Experiment | None) -> None:
    """Open huis: inside the experiment's region, period and part of the care, at the experiment's price."""
    if experiment is None:
        raise DomainError("Een open-huiscontract hoort bij een experiment (Zeeuws model).", "experiment_id")
    if v.regio != experiment.regio:
        raise DomainError(
            f"Het experiment loopt in regio {REGIOS[experiment.regio]}; een open-huiscontract ligt in die regio.",
            "regio",
        )
    if v.ingangsdatum < experiment.ingangsdatum:
        raise DomainError(
            f"Het contract begint voor het experiment ({experiment.ingangsdatum:%d-%m-%Y}).", "ingangsdatum"
        )
    if v.einddatum > experiment.einddatum:
        raise DomainError(f"Het contract loopt na het experiment ({experiment.einddatum:%d-%m-%Y}).", "einddatum")
    for i, p in enumerate(v.prestaties):
        if p.prestatiecode not in experiment.prestatiecodes:
            raise DomainError(
                "Deze prestatie valt niet onder het experiment (alleen het deel van de zorg dat het experiment noemt).",
                f"prestaties.{i}.prestatiecode",
            )
        if p.tarief_percentage != experiment.tarief_percentage:
            raise DomainError(
                "In een open huis geldt de prijs van het experiment: de aanbieder accepteert die prijs "
                f"({experiment.tarief_percentage}% van het maximumtarief).",
                f"prestaties.{i}.tarief_percentage",
            )


def andere_leveringsvorm(agb_code: str, prestatiecode: str, gekozen: str, gecontracteerd: str) -> str:
    """The reason a choice is refused when the provider contracted the prestatie, but for another leveringsvorm:
    the zorgtoewijzing (and later every declaration under it) must match the contract's leveringsvorm."""
    return (
        f"Zorgaanbieder {agb_code} heeft prestatie {prestatiecode} gecontracteerd als "
        f"{CONTRACT_LEVERINGSVORMEN.get(gecontracteerd, gecontracteerd).lower()}, niet als "
        f"{CONTRACT_LEVERINGSVORMEN.get(gekozen, gekozen).lower()}: kies de leveringsvorm van het contract of een "
        "andere zorgaanbieder."
    )


@dataclass(frozen=True)
class AandeelGebruik:
    """How much of an open-house experiment's share one prestatie uses: the region's clients with a choice for the
    prestatie during the experiment's period (``totaal``), of whom ``open_huis`` chose through the experiment."""

    prestatiecode: str
    open_huis: int
    totaal: int
    aandeel: Decimal

    @property
    def procent(self) -> Decimal:
        if not self.totaal:
            return Decimal("0")
        return (Decimal(100 * self.open_huis) / self.totaal).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def aandeel_gebruik(
    keuzes: Iterable[tuple[str, str, str | None]], experiment: Experiment, aandeel: Decimal
) -> dict[str, AandeelGebruik]:
    """Per prestatie of the experiment the clients choosing through it against all clients choosing that prestatie
    in the region in its period. ``keuzes``: (prestatiecode, client_id, experiment_id of the chosen contract)."""
    alle: dict[str, set[str]] = {c: set() for c in experiment.prestatiecodes}
    open_: dict[str, set[str]] = {c: set() for c in experiment.prestatiecodes}
    for code, client, experiment_id in keuzes:
        if code not in alle:
            continue
        alle[code].add(client)
        if experiment_id == experiment.id:
            open_[code].add(client)
    return {c: AandeelGebruik(c, len(open_[c]), len(alle[c]), aandeel) for c in experiment.prestatiecodes}


def check_aandeel(gebruik: AandeelGebruik, client_id: str, al_open: bool, al_geteld: bool, veld: str) -> None:
    """The open house is an experiment for PART of the care (seed 001 p4-5 r.324-342): after this client's choice
    through it, the clients choosing the prestatie through the open house may be at most ``aandeel`` percent of all
    clients in the region choosing that prestatie in the experiment's period. (So the open house only grows beside
    the regular contracts: in a region where nobody chose the prestatie otherwise, its first client is 100%.)"""
    open_huis = gebruik.open_huis + (0 if al_open else 1)
    totaal = gebruik.totaal + (0 if al_geteld else 1)
    if open_huis * HONDERD > gebruik.aandeel * totaal:
        procent = (Decimal(100 * open_huis) / totaal).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        raise DomainError(
            f"Het open-huisexperiment mag ten hoogste {gebruik.aandeel}% van de cliënten met prestatie "
            f"{gebruik.prestatiecode} in de regio bedienen; met deze keuze zou dat {procent}% zijn "
            f"({open_huis} van {totaal} cliënten). Kies een aanbieder met een regulier contract.",
            veld,
        )


def check_pgb_deel(
    module_leveringsvormen: Sequence[str],
    leveringsvorm_keuze: str | None,
    functies: Sequence[str],
    bekende_functies: Iterable[str],
    bedrag_cent: int | None,
    bron: str | None,
) -> None:
    """An mpt+pgb choice (seed 001 p8 r.688-692: several providers for the mpt modules, beside a pgb for the rest):
    only mpt modules go to providers, the client's accepted leveringsvorm is mpt+pgb (its doelmatigheidstoets was
    done when it was chosen, Wlz art. 3.3.3 lid 4), the pgb part names known functions not also bought as a module,
    and a supplied amount carries its source."""
    for i, lv in enumerate(module_leveringsvormen):
        if lv != "mpt":
            raise DomainError(
                "Naast een pgb gaan alleen mpt-modules naar zorgaanbieders.", f"modules.{i}.leveringsvorm"
            )
    if leveringsvorm_keuze != "mpt_pgb":
        raise DomainError(
            "Een keuze met een pgb-deel hoort bij de leveringsvorm mpt met pgb: leg die leveringsvorm eerst vast "
            "(met de doelmatigheidstoets).",
            "pgb",
        )
    bekend = set(bekende_functies)
    for i, f in enumerate(functies):
        if f not in bekend:
            raise DomainError("Onbekende functie: kies een functie uit de lijst.", f"pgb.functies.{i}")
    if len(set(functies)) != len(functies):
        raise DomainError("Deze functie staat twee keer in het pgb-deel.", "pgb.functies")
    if bedrag_cent is not None and not (bron or "").strip():
        raise DomainError("Noem de bron van het bedrag van het pgb-deel (of laat het bedrag leeg).", "pgb.bron")


def voucher_geldig_tot(einddatum: dt.date) -> dt.date:
    """The last day a voucher is valid: the end of the period its value was computed for. Not the indication's end
    (usually years later: a value computed for one calendar year would then buy care in another) and not a term of
    its own (no source gives one, and the value belongs to exactly that period); the period itself already lies
    within the indication and within one calendar year (checked when the voucher is issued)."""
    return einddatum


def voucher_status(status: str, geldig_tot: dt.date | None, op: dt.date) -> str:
    """The status a reader sees: an issued voucher past its validity has lapsed (``vervallen``), also before anyone
    wrote that down."""
    if status == "uitgegeven" and geldig_tot is not None and op > geldig_tot:
        return "vervallen"
    return status


def voucher_inwisselen(status: str, akkoord_client: str, geldig_tot: dt.date | None, op: dt.date) -> None:
    """A voucher is redeemed once, with the client's own agreement with the provider (seed 001 p10 r.880-904), and
    only while it is valid (``voucher_geldig_tot``)."""
    if status == "ingewisseld":
        raise DomainError("Deze voucher is al ingewisseld; een voucher wordt maar één keer ingewisseld.", "voucher")
    if voucher_status(status, geldig_tot, op) != "uitgegeven":
        tot = f" op {geldig_tot + dt.timedelta(days=1):%d-%m-%Y}" if geldig_tot is not None else ""
        raise DomainError(f"Deze voucher is vervallen{tot} en kan niet meer worden ingewisseld.", "voucher")
    if not akkoord_client.strip():
        raise DomainError("Leg de afspraken vast die de cliënt zelf met de aanbieder heeft gemaakt.", "akkoord_client")


@dataclass(frozen=True)
class Tekort:
    """One line of the capacity register: a provider's behandelaren of one discipline in a region, against the
    need of its clients (the installation's norm per zorgprofiel times the clients of that profile)."""

    agb_code: str
    regio: str
    discipline: str
    fte: Decimal
    nodig: Decimal | None  # None: no norm supplied for any of the clients' profiles
    clienten: int
    zonder_norm: tuple[str, ...]

    @property
    def tekort(self) -> Decimal | None:
        if self.nodig is None:
            return None
        verschil = self.nodig - self.fte
        return verschil if verschil > 0 else Decimal("0")


def capaciteit(
    fte: Mapping[tuple[str, str, str], Decimal],
    clienten: Mapping[tuple[str, str], Mapping[str, int]],
    normen: Mapping[tuple[str, str], Decimal],
) -> list[Tekort]:
    """The capacity register: per (agb, regio, discipline) the fte present against the fte needed.

    ``fte``: (agb, regio, discipline) -> fte; ``clienten``: (agb, regio) -> zorgprofiel -> clients;
    ``normen``: (discipline, zorgprofiel) -> fte per client (supplied by the installation with its bron)."""
    sleutels: set[tuple[str, str, str]] = set(fte)
    for agb_code, regio_code in clienten:
        for d in DISCIPLINES:
            if any((d, zp) in normen for zp in clienten[(agb_code, regio_code)]):
                sleutels.add((agb_code, regio_code, d))
    uit: list[Tekort] = []
    for agb_code, regio_code, d in sorted(sleutels):
        per_profiel = clienten.get((agb_code, regio_code), {})
        nodig: Decimal | None = None
        zonder: list[str] = []
        for zp, n in sorted(per_profiel.items()):
            norm = normen.get((d, zp))
            if norm is None:
                zonder.append(zp)
                continue
            nodig = (nodig or Decimal("0")) + norm * n
        uit.append(
            Tekort(
                agb_code=agb_code,
                regio=regio_code,
                discipline=d,
                fte=fte.get((agb_code, regio_code, d), Decimal("0")),
                nodig=nodig,
                clienten=sum(per_profiel.values()),
                zonder_norm=tuple(zonder),
            )
        )
    return uit


def som(regels: Iterable[Decimal]) -> Decimal:
    return sum(regels, Decimal("0"))
