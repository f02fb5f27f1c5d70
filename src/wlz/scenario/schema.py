"""The scenario file: a year and a list of policy options, each with parameters that carry their source.

A scenario is written in YAML so an analyst can keep it beside a memo and run it again. Every parameter has a
default and a ``bron``: the seed section it comes from, or ``keuze`` where the seeds leave the value to the
user. Bad files raise :class:`wlz.common.errors.InputError` naming the field as a dotted path
(``opties[0].knip.grens.vg``), so the CLI can print it and exit with code 2.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from wlz.common.errors import InputError
from wlz.reference.bekostiging import bekostiging

SEED004 = "seed:004_6e3b81d00e92fbfb.txt"
KEUZE = "keuze"

#: bekostigingsopties of seed 004 (tables 1, 2, 5, 6), in the order the seed lists them
OPTIES = ("mpt", "pgb", "vpt_excl", "vpt_incl", "zzp_excl", "zzp_incl")
#: sectors of the profile-level cube: vg (the ghz's largest subsector, seed 004 voetnoot 15) and vv
SECTOREN = ("vg", "vv")
#: behandelvormen whose payer a scenario may set: the components of wlz.reference's who-pays table that are
#: behandeling (specifieke and each part of algemene behandeling; woonzorg and dagbesteding excluded)
BEHANDELVORMEN = tuple(
    c.code for c in bekostiging().componenten.values() if c.groep in ("specifieke_behandeling", "algemene_behandeling")
)

Sector = Literal["vg", "vv"]
#: the options whose behandeling a payer can be set for (pgb stays a separate block)
ZorgOptie = Literal["mpt", "vpt_excl", "vpt_incl", "zzp_excl", "zzp_incl"]


def instelling(sector: str) -> str:
    """The parameter name a basis sector follows: on the sector-level basis (seed 004 tables 1-2) the settings
    written for ``vg`` apply to the whole ghz (the seed's profile tables select vg for the ghz, voetnoot 15)."""
    return "vg" if sector == "ghz" else sector


Betaler = Literal["wlz", "zvw"]
Grens = Annotated[int, Field(ge=1, le=10)]
Percentage = Annotated[float, Field(ge=0, le=100)]
Bedrag = Annotated[float, Field(ge=0)]


def bron(tekst: str) -> dict[str, Any]:
    """Field metadata naming the source of a default (shown in scenario.json and the README)."""
    return {"bron": tekst}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PerSector(_Model):
    """A cut per sector: vg and vv may differ (seed 004 Bijlage 4 "Sectoraal afwijken")."""

    vg: Grens = 6
    vv: Grens = 6


class Knip(_Model):
    """One bekostigingsoptie per client group: integral above a cut, modular below (seed 004 §4.1-4.5)."""

    variant: (
        Literal["zorgzwaarte", "setting", "combinatie", "geen"]
        | dict[Sector, Literal["zorgzwaarte", "setting", "combinatie", "geen"]]
    ) = Field(
        "combinatie", json_schema_extra=bron(f"{SEED004}, §4.1 (varianten) en §4.3 (de doorgerekende combinatie)")
    )
    grens: PerSector = Field(
        default_factory=PerSector,
        json_schema_extra=bron(
            f"{KEUZE}: de seed noemt geen afkappunt (§4.3 'een aanname ... waar het toekomstig "
            "afkappunten komen te liggen'); 6 is een voorbeeld"
        ),
    )
    sectoren: tuple[Sector, ...] = Field(("vg", "vv"), json_schema_extra=bron(f"{SEED004}, §1.3 (ghz en vv)"))
    thuis_naar_vpt_incl_pct: Percentage = Field(
        0.0,
        json_schema_extra=bron(
            f"{SEED004}, Bijlage 4 ('je kunt een cliënt niet dwingen ...'): standaard "
            "blijft iedereen thuis modulair (0); 100 = iedereen naar vpt inclusief"
        ),
    )
    betaler: dict[str, Betaler | dict[ZorgOptie, Betaler]] = Field(
        default_factory=dict,
        json_schema_extra=bron(
            "wlz.reference.bekostiging (seed 004 §2.3-2.4, Bijlage 2); per behandelvorm te "
            "wijzigen, voor alle leveringsvormen of per leveringsvorm (§4.1 r.948-960)"
        ),
    )
    transitiekosten: Bedrag = Field(
        0.0, json_schema_extra=bron(f"{KEUZE}: seed 004 §4.3 noemt omslagkosten zonder bedrag")
    )
    opslag_niet_clientgebonden_pct: Percentage = Field(
        0.0,
        json_schema_extra=bron(
            f"{KEUZE}: opslag op de modulaire behandeling van wie naar modulair gaat, voor "
            "niet-cliëntgebonden contact van behandelaren (seed 004 §4.4 r.1199-1201)"
        ),
    )
    inkoopvoordeel_pct: Percentage = Field(
        0.0,
        json_schema_extra=bron(
            f"{KEUZE}: besparing op farmacie en hulpmiddelen door grootschaliger inkoop (seed 004 §4.3 r.1178-1181)"
        ),
    )

    @field_validator("betaler")
    @classmethod
    def _bekende_behandelvorm(
        cls, v: dict[str, Betaler | dict[ZorgOptie, Betaler]]
    ) -> dict[str, Betaler | dict[ZorgOptie, Betaler]]:
        for naam in v:
            if naam not in BEHANDELVORMEN:
                raise ValueError(f"onbekende behandelvorm '{naam}'; kies uit {', '.join(BEHANDELVORMEN)}")
        return v

    def variant_voor(self, sector: str) -> str:
        sector = instelling(sector)
        if sector not in self.sectoren:
            return "geen"
        if isinstance(self.variant, dict):
            return str(self.variant.get(sector, "geen"))
        return self.variant


class Taakstelling(_Model):
    """A structural cut of the Wlz budget for ghz and vv (seed 004 §1.1)."""

    bedrag: Bedrag = Field(170_000_000.0, json_schema_extra=bron(f"{SEED004}, §1.1 r.146-152 (€ 170 miljoen)"))
    vanaf: int = Field(2025, ge=2000, le=2100, json_schema_extra=bron(f"{SEED004}, §1.1 r.146 ('per 2025')"))
    sleutel: Literal["behandelcomponent", "totale_uitgaven", "per_dag"] = Field(
        "behandelcomponent",
        json_schema_extra=bron(
            f"{KEUZE}: de seed geeft geen verdeling; standaard de behandelcomponent (§1.2 r.177-180)"
        ),
    )
    jaren: tuple[int, ...] = Field(
        (2024, 2025, 2026), json_schema_extra=bron(f"{KEUZE}: de jaren waarvoor kortingen.csv rijen geeft")
    )

    @field_validator("jaren")
    @classmethod
    def _jaren(cls, v: tuple[int, ...]) -> tuple[int, ...]:
        if not v:
            raise ValueError("noem minstens één jaar")
        for j in v:
            if not 2000 <= j <= 2100:
                raise ValueError(f"jaar {j} ligt buiten 2000-2100")
        return v


class BehandelingNaarZvw(_Model):
    """The dropped coalition plan: behandeling and geneesmiddelen from the Wlz to the Zvw (seed 004 §1.1)."""

    sectoren: tuple[Sector, ...] = Field(("vg", "vv"), json_schema_extra=bron(f"{SEED004}, §1.1 r.129-131"))
    alleen_onder: dict[Sector, Grens] = Field(
        default_factory=dict,
        json_schema_extra=bron(
            f"{KEUZE}: alleen profielen onder dit nummer ('het relatief lichte deel', seed 004 "
            "Tabel 1 en §4.4); leeg = alle profielen"
        ),
    )
    transitiekosten: Bedrag = Field(0.0, json_schema_extra=bron(KEUZE))


class AllesIntegraal(_Model):
    """Every client with verblijf or vpt gets all behandeling from the Wlz (seed 004 Bijlage 1, ZIN 2017)."""

    sectoren: tuple[Sector, ...] = Field(("vg", "vv"), json_schema_extra=bron(f"{SEED004}, Bijlage 1 r.1355-1392"))
    transitiekosten: Bedrag = Field(0.0, json_schema_extra=bron(KEUZE))


class VptInclAfgeschaft(_Model):
    """Vpt inclusief behandeling no longer exists; its clients get vpt exclusief (seed 004 §5)."""

    sectoren: tuple[Sector, ...] = Field(("vg", "vv"), json_schema_extra=bron(f"{SEED004}, §5 r.1286-1324"))
    transitiekosten: Bedrag = Field(0.0, json_schema_extra=bron(KEUZE))


class BudgetPerClient(_Model):
    """Yearly budget per client at home, per leveringsvorm; empty = from the basis where it has one (mpt)."""

    pgb: Bedrag | None = None
    mpt: Bedrag | None = None


class ExtraKostenThuis(_Model):
    """Extra kosten thuis: up to a percentage more than the budget for care at home (seed 002; Rlz art. 5.3).

    Today's values (25 %, everyone at home with a pgb or mpt since 1 July 2018) give no change.
    """

    percentage: Percentage = Field(
        25.0,
        json_schema_extra=bron(
            "seed:002_fe0332b06c2ae3d3.txt, maatregel 1 r.38-41 ('tot maximaal 25% extra zorg'); Rlz art. 5.3"
        ),
    )
    doelgroep: Literal["iedereen_thuis", "rlz_groepen"] = Field(
        "iedereen_thuis",
        json_schema_extra=bron(
            "seed:002_fe0332b06c2ae3d3.txt, maatregel 1 (per 1 juli 2018 iedereen met pgb of "
            "mpt); rlz_groepen = de groepen van Rlz art. 5.3 lid 3 van vóór 1 juli 2018"
        ),
    )
    aandeel_rlz_groepen_pct: Percentage = Field(
        0.0,
        json_schema_extra=bron(
            f"{KEUZE}: aandeel van de pgb/mpt-cliënten in de groepen van Rlz art. 5.3 lid 3; de seeds geven het niet"
        ),
    )
    gebruik_pct: Percentage = Field(
        0.0,
        json_schema_extra=bron(
            f"{KEUZE}: aandeel van wie in aanmerking komt dat de regeling gebruikt (seed "
            "002 r.87-89 geeft alleen 6.336 gebruikers van alle maatwerkregelingen samen)"
        ),
    )
    benutting_pct: Percentage = Field(
        100.0, json_schema_extra=bron(f"{KEUZE}: deel van de ruimte (percentage × budget) dat een gebruiker inzet")
    )
    budget_per_client: BudgetPerClient = Field(
        default_factory=BudgetPerClient,
        json_schema_extra=bron(
            f"{KEUZE}: budget per cliënt per jaar; leeg = mpt uit de analysemap, pgb onbekend "
            "(de analyse kent geen pgb-bedragen)"
        ),
    )
    sectoren: tuple[Sector, ...] = Field(("vg", "vv"), json_schema_extra=bron(KEUZE))
    zaad: int = Field(
        0,
        ge=0,
        json_schema_extra=bron(
            f"{KEUZE}: zaad van de trekking per cliënt (een hash van zijn id en dit getal), zodat een run zich "
            "precies herhaalt; een ander zaad geeft een andere, even grote trekking"
        ),
    )
    voorafgaand_pakket: str | None = Field(
        None,
        json_schema_extra=bron(
            f"{KEUZE}: CSV- of Parquet-bestand (client_id, voorafgaand_pakket in € per jaar) met het Zvw/Wmo-pakket "
            "van vóór de Wlz, voor de zorgval (wie met het budget plus het percentage uren verliest); geen "
            "declaratiebasis bevat het, dus door de gebruiker te leveren; leeg = zorgval niet berekend"
        ),
    )


class ToeslagenInBudget(_Model):
    """Seed 000 aanbeveling 6: zorginhoudelijke toeslagen count in the pgb and mpt budget, over the population.

    Run with the rules' reform ``toeslagen_in_budget`` on every pgb and mpt group of the basis. The seeds give no
    toeslag amounts and no share of clients with one, so those are inputs; the rules know every profile's pgb
    amount for 2015 only (Rlz 2015, bijlage C), hence the default ``rekenjaar``.
    """

    rekenjaar: int = Field(
        2015,
        ge=2015,
        le=2026,
        json_schema_extra=bron(
            f"{KEUZE}: het jaar van de regels; voor 2015 kennen de regels het pgb-bedrag van elk profiel "
            "(Rlz 2015 bijlage C), voor andere jaren vaak niet (dan 'onbekend')"
        ),
    )
    aandeel_met_toeslag_pct: Percentage = Field(
        0.0, json_schema_extra=bron(f"{KEUZE}: aandeel pgb/mpt-cliënten met een zorginhoudelijke toeslag")
    )
    toeslag_beademing: Bedrag = Field(
        0.0, json_schema_extra=bron(f"{KEUZE}: € per jaar (iWlz COD982; de seeds geven geen bedrag)")
    )
    toeslag_zorginhoudelijk_overig: Bedrag = Field(
        0.0, json_schema_extra=bron(f"{KEUZE}: € per jaar (iWlz COD983; de seeds geven geen bedrag)")
    )
    mpt_kosten_pct_van_budget: tuple[Annotated[float, Field(ge=0, le=1000)], ...] = Field(
        (),
        json_schema_extra=bron(
            f"{KEUZE}: kosten van een mpt-cliënt als percentage van zijn pgb-budget, even vaak voorkomend; "
            "daarmee telt de doelmatigheidstoets (Wlz art. 3.3.2 lid 4) wie slaagt vóór en na. Leeg: niet geteld"
        ),
    )
    sectoren: tuple[Sector, ...] = Field(("vg", "vv"), json_schema_extra=bron(KEUZE))
    zaad: int = Field(
        0,
        ge=0,
        json_schema_extra=bron(
            f"{KEUZE}: zaad van de trekking per cliënt (een hash van zijn id en dit getal), zodat een run zich "
            "precies herhaalt; een ander zaad geeft een andere, even grote trekking"
        ),
    )


#: the functions of Wlz care a need is counted in hours for (the CIZ's words, wlz.ciz.domain.beoordeling.Functie)
Functie = Literal["begeleiding", "verzorging", "verpleging", "gedragsregulering", "behandeling"]
FUNCTIES: tuple[Functie, ...] = ("begeleiding", "verzorging", "verpleging", "gedragsregulering", "behandeling")
Uren = Annotated[float, Field(ge=0, le=168)]
#: the age bands of the CIZ's table of gebruikelijke zorg for children (0-3, 3-5, 5-12, 12-18 years); the hours
#: per band are not in a source found, so they are an input (shipped examples are voorbeeld)
GEBRUIKELIJKE_ZORG_BRON = (
    "leeftijdsklassen van de CIZ-tabel 'gebruikelijke zorg' (0-3, 3-5, 5-12, 12-18 jaar; beschreven op "
    "https://belangenbehartiger.nl/vraag-en-antwoord/wat-staat-er-in-de-tabel-gebruikelijke-zorg-van-het-ciz/); "
    "de uren per week per klasse staan in geen gevonden bron: invoer, voorbeelden zijn voorbeeld"
)


class GebruikelijkeZorg(_Model):
    """One age band of gebruikelijke zorg of parents for a child: the hours per week per function a parent gives
    a child of that age anyway, which the Wlz does not pay."""

    tot_leeftijd: int = Field(ge=1, le=18, json_schema_extra=bron("bovengrens van de klasse in jaren (exclusief)"))
    uren_per_week: dict[Functie, Uren] = Field(default_factory=dict, json_schema_extra=bron(GEBRUIKELIJKE_ZORG_BRON))


class UrenBehoefte(_Model):
    """The need in hours: per client hours per function × rate, minus mantelzorg, a partner's share and the
    gebruikelijke zorg of parents for a child (seed 000 r.231-242), against the profile amount."""

    per_profiel: dict[str, tuple[dict[Functie, Uren], ...]] = Field(
        default_factory=dict,
        json_schema_extra=bron(
            f"{KEUZE} (voorbeeld): per zorgprofiel even vaak voorkomende pakketten van uren per week per functie; "
            "met pilot_export gaan de uren van de pilotrecords van het profiel voor"
        ),
    )
    tarief_per_uur: dict[Functie, Bedrag] = Field(
        default_factory=dict,
        json_schema_extra=bron(
            "tarief per uur per functie; niet gegeven: het maximumtarief per uur van een formele zorgverlener uit "
            "het pgb van het rekenjaar (Rlz art. 5.22, wlz.rules parameters pgb/tarief.yaml)"
        ),
    )
    partner_aandeel_pct: Percentage = Field(
        0.0, json_schema_extra=bron(f"{KEUZE}: deel van de cliënten met een partner in huis (geen cijfer in de seeds)")
    )
    partner_uren_per_week: Uren = Field(
        0.0,
        json_schema_extra=bron(
            f"{KEUZE}: uren per week die een partner in huis als gebruikelijke zorg overneemt (geen cijfer in de seeds)"
        ),
    )
    mantelzorg_uren_per_week: tuple[Uren, ...] = Field(
        (0.0,), json_schema_extra=bron(f"{KEUZE}: even vaak voorkomende uren mantelzorg per week per cliënt")
    )
    leeftijd: tuple[Annotated[int, Field(ge=0, le=120)], ...] = Field(
        (),
        json_schema_extra=bron(
            f"{KEUZE}: even vaak voorkomende leeftijden van de cliënten (de declaraties kennen geen leeftijd); "
            "leeg: iedereen volwassen, geen gebruikelijke zorg van ouders"
        ),
    )
    gebruikelijke_zorg: tuple[GebruikelijkeZorg, ...] = Field((), json_schema_extra=bron(GEBRUIKELIJKE_ZORG_BRON))
    clientcontext: str | None = Field(
        None,
        json_schema_extra=bron(
            "een CSV- of Parquetbestand per cliënt (client_id en een of meer van partner, mantelzorg_uren_per_week, "
            "leeftijd) dat de verdelingen hierboven per cliënt vervangt; pad relatief aan het scenariobestand"
        ),
    )

    clientcontext_jaar: int | None = Field(
        None,
        ge=2000,
        le=2100,
        json_schema_extra=bron(
            "met een kolom jaar in clientcontext: de rijen van dit jaar; gezet op het basisjaar als de context uit "
            "de tabel per cliënt van de basis komt (inkomen.parquet/.csv met kolommen partner, "
            "mantelzorg_uren_per_week of leeftijd)"
        ),
    )

    @field_validator("per_profiel")
    @classmethod
    def _bekende_profielen(cls, v: dict[str, tuple[dict[str, float], ...]]) -> dict[str, tuple[dict[str, float], ...]]:
        from wlz.reference import zorgprofielen

        bekend = set(zorgprofielen())
        for code, pakketten in v.items():
            if code not in bekend:
                raise ValueError(f"{code!r} is geen zorgprofiel (bijvoorbeeld VG5 of VV6)")
            if not pakketten:
                raise ValueError(f"geef voor {code} minstens één pakket uren per functie")
        return v

    @field_validator("gebruikelijke_zorg")
    @classmethod
    def _oplopend(cls, v: tuple[GebruikelijkeZorg, ...]) -> tuple[GebruikelijkeZorg, ...]:
        grenzen = [b.tot_leeftijd for b in v]
        if grenzen != sorted(set(grenzen)):
            raise ValueError("de leeftijdsklassen lopen op, elke bovengrens één keer")
        return v


class Maatwerkindicatie(_Model):
    """A need-based indication instead of the profile amount (seed 000; seed 003), in the variants the seeds name.

    Access stays as it is (seed 000 r.133-136): nobody enters or leaves the Wlz; per client the amount becomes the
    need, which "kan twee kanten opwerken" (seed 000 r.196-200). The need per client is not in any basis, so its
    spread relative to the profile amount is an input.
    """

    variant: Literal["iedereen_thuis", "beperkte_groep", "past_niet"] = Field(
        "past_niet",
        json_schema_extra=bron(
            "seed:000_eeb6ded43e7cd1a8.txt r.350-354 (iedereen thuis), r.337-341 (aanbeveling 4: beperkte "
            "doelgroep); seed:003_e667ed1f37ec94d2.txt r.84-87 (wie niet uitkomt met het zorgprofiel)"
        ),
    )
    aandeel_past_niet_pct: Percentage = Field(
        3.0, json_schema_extra=bron("seed:003_e667ed1f37ec94d2.txt r.85 ('circa 3% van alle Wlz-cliënten')")
    )
    aandeel_beperkte_groep_pct: Percentage = Field(
        0.0, json_schema_extra=bron(f"{KEUZE}: aandeel van de thuiswonenden in de beperkte doelgroep")
    )
    behoefte_pct_van_profiel: tuple[Annotated[float, Field(ge=0, le=1000)], ...] = Field(
        (100.0,),
        json_schema_extra=bron(
            f"{KEUZE}: het bedrag op maat als percentage van het profielbedrag, even vaak voorkomend "
            "(uren × tarief, met de context van partner en mantelzorg en zonder gebruikelijke zorg van ouders "
            "voor kinderen, seed 000 r.231-242); 100 = gelijk aan vandaag"
        ),
    )
    herindicatie_pct: Percentage = Field(
        0.0,
        json_schema_extra=bron(
            f"{KEUZE}: deel van wie maatwerk krijgt dat per jaar opnieuw geïndiceerd wordt (seed 000 r.207-210: "
            "'kan leiden tot meer herindicaties')"
        ),
    )
    rekenjaar: int = Field(
        2015, ge=2015, le=2026, json_schema_extra=bron(f"{KEUZE}: het jaar van de regels voor het profielbedrag")
    )
    sectoren: tuple[Sector, ...] = Field(("vg", "vv"), json_schema_extra=bron(KEUZE))
    zaad: int = Field(
        0,
        ge=0,
        json_schema_extra=bron(
            f"{KEUZE}: zaad van de trekking per cliënt (een hash van zijn id en dit getal), zodat een run zich "
            "precies herhaalt; een ander zaad geeft een andere, even grote trekking"
        ),
    )
    behoefte_spreiding_pct: Annotated[float, Field(ge=0, le=500)] = Field(
        0.0,
        json_schema_extra=bron(
            f"{KEUZE} (voorbeeld): spreiding van de behoefte per cliënt rond het gekozen punt, als "
            "variatiecoëfficiënt in % van een lognormale factor met gemiddelde 1; geen basis kent de behoefte "
            "per cliënt, dus de verdeling is synthetisch; 0 = precies de punten"
        ),
    )
    uren: UrenBehoefte | None = Field(
        None,
        json_schema_extra=bron(
            "de behoefte in uren per cliënt: (uren − mantelzorg − partner − gebruikelijke zorg, niet onder 0) × "
            "tarief per functie; gegeven: vervangt behoefte_pct_van_profiel en de spreiding voor de profielen met uren"
        ),
    )
    pilot_export: str | None = Field(
        None,
        json_schema_extra=bron(
            "CIZ-pilot maatwerkindicatie: een bewaarde export van GET /api/maatwerk (docs/ciz.md); het pad is "
            "relatief aan het scenariobestand. Gegeven: de behoefte per cliënt volgt de verhouding bedrag / "
            "profielbedrag van de pilotrecords van zijn zorgprofiel (de empirische verdeling) in plaats van de "
            "punten en spreiding hierboven; profielen zonder pilotrecords houden die punten"
        ),
    )


Optie = (
    Knip
    | Taakstelling
    | BehandelingNaarZvw
    | AllesIntegraal
    | VptInclAfgeschaft
    | ExtraKostenThuis
    | ToeslagenInBudget
    | Maatwerkindicatie
)

OPTIE_MODELLEN: dict[str, type[Optie]] = {
    "knip": Knip,
    "taakstelling": Taakstelling,
    "behandeling_naar_zvw": BehandelingNaarZvw,
    "alles_integraal": AllesIntegraal,
    "vpt_incl_afgeschaft": VptInclAfgeschaft,
    "extra_kosten_thuis": ExtraKostenThuis,
    "toeslagen_in_budget": ToeslagenInBudget,
    "maatwerkindicatie": Maatwerkindicatie,
}


class Stap(_Model):
    """One option of the scenario, in the order written."""

    naam: str
    optie: Optie


class Scenario(_Model):
    jaar: int = Field(2019, json_schema_extra=bron(f"{SEED004}, Bijlage 3 §1: 2019, het laatste jaar vóór corona"))
    naam: str = ""
    stappen: tuple[Stap, ...] = ()

    def parameters(self) -> dict[str, Any]:
        """Every input and parameter with its source, for scenario.json."""
        return {
            "jaar": self.jaar,
            "naam": self.naam,
            "opties": [
                {
                    "optie": s.naam,
                    "parameters": s.optie.model_dump(mode="json"),
                    "bronnen": {
                        k: (f.json_schema_extra or {}).get("bron", "")  # type: ignore[union-attr]
                        for k, f in type(s.optie).model_fields.items()
                    },
                    **_pilot_bron(s.optie),
                    **_uren_bron(s.optie),
                }
                for s in self.stappen
            ],
        }


def _pilot_bron(optie: Optie) -> dict[str, Any]:
    """For a maatwerk option on the CIZ pilot: the file read (with its hash, so a run can be repeated exactly)."""
    if not isinstance(optie, Maatwerkindicatie) or optie.pilot_export is None:
        return {}
    from wlz.scenario.pilot import read_pilot_export

    return {"pilot_export": read_pilot_export(optie.pilot_export).as_dict()}


def _uren_bron(optie: Optie) -> dict[str, Any]:
    """For a maatwerk option in hours: the source of each of its inputs, the rate per function used (with the
    article it comes from) and the context file's hash, so a run can be repeated exactly."""
    if not isinstance(optie, Maatwerkindicatie) or optie.uren is None:
        return {}
    import hashlib

    from wlz.scenario.maatwerk_behoefte import client_parameters

    par = client_parameters(optie)
    uit: dict[str, Any] = {
        "uren_bronnen": {
            k: (f.json_schema_extra or {}).get("bron", "")  # type: ignore[union-attr]
            for k, f in UrenBehoefte.model_fields.items()
        },
        "tarief_per_uur_gebruikt": {
            f: {"waarde": t, "bron": b}
            for f, t, b in zip(FUNCTIES, par.tarief.tolist(), par.tarief_bron, strict=True)
            if b != "niet gebruikt"
        },
        "herindicaties": "keuze: herindicatie_pct van wie maatwerk krijgt, per jaar (seed 000 r.207-210)",
    }
    if optie.uren.clientcontext is not None:
        inhoud = Path(optie.uren.clientcontext).read_bytes()
        uit["clientcontext"] = {"bestand": optie.uren.clientcontext, "sha256": hashlib.sha256(inhoud).hexdigest()}
    return uit


def _veld(loc: tuple[int | str, ...], prefix: str) -> str:
    out = prefix
    for deel in loc:
        if isinstance(deel, int):
            out += f"[{deel}]"
        elif deel not in ("function-after[_bekende_behandelvorm(), dict[str,literal['wlz','zvw']]]",):
            out += f".{deel}" if out else str(deel)
    return out


def _melding(fout: dict[str, Any]) -> str:
    soort = fout["type"]
    ctx = fout.get("ctx") or {}
    if soort == "extra_forbidden":
        return "onbekende parameter"
    if soort in ("greater_than_equal", "less_than_equal"):
        return f"waarde {fout['input']!r} ligt buiten het toegestane bereik ({_bereik(ctx)})"
    if soort == "literal_error":
        keuzes = str(ctx.get("expected", "")).replace(" or ", " of ")
        return f"waarde {fout['input']!r} is niet toegestaan; kies uit {keuzes}"
    if soort.endswith("_parsing") or soort.endswith("_type"):
        return f"waarde {fout['input']!r} heeft niet de juiste soort ({soort.split('_')[0]} verwacht)"
    return str(fout["msg"]).removeprefix("Value error, ")


def _bereik(ctx: dict[str, Any]) -> str:
    if "ge" in ctx:
        return f"minimaal {ctx['ge']}"
    return f"maximaal {ctx['le']}"


def _pad(loc: tuple[int | str, ...]) -> tuple[int | str, ...]:
    """The field path of a pydantic error without its union-member and validator steps."""
    return tuple(
        d
        for d in loc
        if not (
            isinstance(d, str)
            and (d.startswith(("function-", "literal[", "dict[", "tuple[")) or d in ("vg|vv", "[key]"))
        )
    )


def _model_fout(exc: ValidationError, prefix: str) -> InputError:
    # a value that fits no member of a union gets one error per member: report the one that got furthest
    fouten = exc.errors()
    diepste = max(fouten, key=lambda f: len(_pad(f["loc"])))
    return InputError(_veld(_pad(diepste["loc"]), prefix), _melding(dict(diepste)))


def parse_scenario(data: Any, map: Path | None = None) -> Scenario:
    """Check a parsed YAML document and build the scenario; InputError names the first bad field. A file a
    parameter names (``pilot_export``) is resolved against ``map`` (the scenario file's folder) and read now, so
    a bad file stops the run before anything is written."""
    if not isinstance(data, dict):
        raise InputError(None, "een scenariobestand is een YAML-mapping met 'jaar' en 'opties'")
    onbekend = [k for k in data if k not in ("jaar", "naam", "opties")]
    if onbekend:
        raise InputError(str(onbekend[0]), "onbekend veld; een scenario kent 'jaar', 'naam' en 'opties'")
    ruwe_opties = data.get("opties")
    if not isinstance(ruwe_opties, list) or not ruwe_opties:
        raise InputError("opties", "geef een lijst met minstens één optie")
    stappen = []
    for i, item in enumerate(ruwe_opties):
        veld = f"opties[{i}]"
        if isinstance(item, str):
            item = {item: {}}
        if not isinstance(item, dict) or len(item) != 1:
            raise InputError(
                veld, "elke optie is één naam met zijn parameters, bijvoorbeeld 'knip: {variant: setting}'"
            )
        naam, parameters = next(iter(item.items()))
        if naam not in OPTIE_MODELLEN:
            raise InputError(veld, f"onbekende optie '{naam}'; kies uit {', '.join(OPTIE_MODELLEN)}")
        if parameters is None:
            parameters = {}
        if not isinstance(parameters, dict):
            raise InputError(f"{veld}.{naam}", "de parameters van een optie zijn een mapping")
        try:
            optie = OPTIE_MODELLEN[naam].model_validate(parameters)
        except ValidationError as exc:
            raise _model_fout(exc, f"{veld}.{naam}") from None
        if isinstance(optie, Maatwerkindicatie) and optie.pilot_export is not None:
            optie = optie.model_copy(update={"pilot_export": _pilot(optie.pilot_export, map, f"{veld}.{naam}")})
        if isinstance(optie, Maatwerkindicatie) and optie.uren is not None and optie.uren.clientcontext is not None:
            pad = _clientcontext(
                optie.uren.clientcontext, map, f"{veld}.{naam}.uren.clientcontext", optie.uren.clientcontext_jaar
            )
            optie = optie.model_copy(update={"uren": optie.uren.model_copy(update={"clientcontext": pad})})
        stappen.append(Stap(naam=naam, optie=optie))
    jaar = data.get("jaar", 2019)
    if not isinstance(jaar, int) or isinstance(jaar, bool) or not 2000 <= jaar <= 2100:
        raise InputError("jaar", f"waarde {jaar!r} is geen jaartal tussen 2000 en 2100")
    return Scenario(jaar=jaar, naam=str(data.get("naam") or ""), stappen=tuple(stappen))


def _pilot(pad: str, map: Path | None, veld: str) -> str:
    from wlz.scenario.pilot import read_pilot_export

    p = Path(pad)
    if not p.is_absolute() and map is not None:
        p = map / p
    read_pilot_export(p, f"{veld}.pilot_export")
    return str(p.resolve())


def _clientcontext(pad: str, map: Path | None, veld: str, jaar: int | None) -> str:
    from wlz.scenario.maatwerk_behoefte import read_clientcontext

    p = Path(pad)
    if not p.is_absolute() and map is not None:
        p = map / p
    read_clientcontext(str(p), veld, jaar)
    return str(p.resolve())


def read_scenario(pad: str | Path) -> Scenario:
    """Read and check a scenario YAML file."""
    pad = Path(pad)
    try:
        tekst = pad.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError("scenario", f"bestand {pad} niet te lezen ({exc.strerror})") from None
    try:
        data = yaml.safe_load(tekst)
    except yaml.YAMLError as exc:
        raise InputError("scenario", f"{pad.name} is geen geldige YAML ({exc})") from None
    scenario = parse_scenario(data, pad.parent)
    if not scenario.naam:
        scenario = scenario.model_copy(update={"naam": pad.stem})
    return scenario
