"""Input of the use cases, validated with pydantic: the API takes these as request bodies (so OpenAPI
documents them and a bad field gives a 422 naming it) and the web forms build the same models."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from wlz import bsn as bsnmod
from wlz.reference import leveringsvorm as leveringsvormen

from ..domain import codes

if TYPE_CHECKING:
    Leveringsvorm = str
else:  # the codes of ``wlz.reference`` as a Literal: the same validation, error and OpenAPI enum as written out
    Leveringsvorm = Literal[leveringsvormen.codes()]
Regeling = Literal["ekt", "meerzorg", "pab", "overbruggingszorg"]
Rol = Literal["beoordelaar", "beheerder", "aanbieder", "client", "zorginkoper"]


#: Upper bound for every amount in euro (per year): far above any Wlz budget, and it keeps an absurd number
#: (1e38) from overflowing inside the rules into a server error.
MAX_BEDRAG = 100_000_000


def _eindige_criteria(v: dict[str, bool | float | str | None]) -> dict[str, bool | float | str]:
    """The criteria given, each finite; a criterion sent as null is "niet opgegeven", the same as one left out
    (a yes/no question then reads "niet opgegeven" in the explanation, never "nee")."""
    gegeven: dict[str, bool | float | str] = {naam: waarde for naam, waarde in v.items() if waarde is not None}
    for naam, waarde in gegeven.items():
        if isinstance(waarde, float) and not (0 <= waarde <= MAX_BEDRAG):
            bovengrens = f"{MAX_BEDRAG:,}".replace(",", ".")  # 100.000.000: error texts never hold a 9-digit run
            raise ValueError(f"{naam}: een getal tussen 0 en {bovengrens}")
    return gegeven


def bevat_nul(waarde: object) -> bool:
    """True when a text (or a text inside a dict/list) holds a NUL character, which no database column accepts."""
    if isinstance(waarde, str):
        return "\x00" in waarde
    if isinstance(waarde, dict):
        return any(bevat_nul(k) or bevat_nul(v) for k, v in waarde.items())
    if isinstance(waarde, (list, tuple, set)):
        return any(bevat_nul(v) for v in waarde)
    return False


class Invoer(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @field_validator("*", mode="after")
    @classmethod
    def _geen_nul_tekens(cls, waarde: object) -> object:
        # PostgreSQL text cannot hold NUL; refusing it here gives a 422 naming the field instead of a 500
        if bevat_nul(waarde):
            raise ValueError("bevat een ongeldig teken (NUL)")
        return waarde


class ClientInvoer(Invoer):
    bsn: str = Field(description="Burgerservicenummer (synthetisch; moet de elfproef doorstaan)")
    voornamen: str = Field(min_length=1, max_length=200)
    achternaam: str = Field(min_length=1, max_length=200)
    geboortedatum: dt.date
    straat: str = Field("", max_length=200)
    huisnummer: str = Field("", max_length=20)
    postcode: str = Field("", max_length=10)
    woonplaats: str = Field("", max_length=200)
    partner: bool = False

    @field_validator("bsn")
    @classmethod
    def _bsn(cls, v: str) -> str:
        try:
            return bsnmod.normaliseer(v)
        except bsnmod.OngeldigBSN as exc:
            raise ValueError(exc.reden) from None  # the message never echoes the number


class BsnZoekInvoer(Invoer):
    bsn: str

    @field_validator("bsn")
    @classmethod
    def _bsn(cls, v: str) -> str:
        try:
            return bsnmod.normaliseer(v)
        except bsnmod.OngeldigBSN as exc:
            raise ValueError(exc.reden) from None


class IndicatieInvoer(Invoer):
    besluitnummer: str = Field(min_length=1, max_length=40)
    zorgprofiel: str = Field(description="Zorgprofiel als code (VG5) of COD163-code (808)", min_length=1)
    grondslagen: list[str] = Field(min_length=1, description="COD736-codes, bijvoorbeeld ['05']")
    ingangsdatum: dt.date
    einddatum: dt.date | None = Field(None, description="Leeg: volgt uit de regels (onbepaald of maximum)")

    @field_validator("grondslagen")
    @classmethod
    def _grondslagen(cls, v: list[str]) -> list[str]:
        onbekend = [g for g in v if g not in codes.GRONDSLAGEN]
        if onbekend:
            raise ValueError("onbekende grondslag (COD736)")
        return v


class KeuzeInvoer(Invoer):
    leveringsvorm: Leveringsvorm
    ingangsdatum: dt.date
    mpt_kosten: float = Field(0, ge=0, le=MAX_BEDRAG, description="Kosten per jaar van de gevraagde mpt-modules")
    pgb_deel: float = Field(0, ge=0, le=MAX_BEDRAG, description="Gevraagd pgb naast het mpt, per jaar")
    gewaarborgde_hulp: bool | None = Field(
        None,
        description="Er is gewaarborgde hulp (Rlz art. 5.6), nodig voor een pgb; null of weggelaten: niet opgegeven",
    )
    gewaarborgde_hulp_naam: str | None = Field(
        None,
        max_length=200,
        description="Naam van de gewaarborgde hulp (Rlz art. 5.11): verplicht bij een pgb voor een zorgprofiel dat "
        "gewaarborgde hulp vraagt",
    )


class ToewijzingInvoer(Invoer):
    agb_code: str = Field(pattern=r"^\d{8}$")
    leveringsvorm: Leveringsvorm
    van: dt.date
    tot: dt.date | None = None
    zorgprofiel: str | None = None
    functie: str | None = None
    klasse: str | None = None

    @model_validator(mode="after")
    def _een_van(self) -> Self:
        if (self.zorgprofiel is None) == (self.functie is None):
            raise ValueError("geef een zorgprofiel, of een functie met klasse")
        return self


class MeldingInvoer(Invoer):
    """Start (AW35) or end (AW39) of care, reported by the provider."""

    datum: dt.date
    reden: str = Field("", max_length=200)


#: the Wlz's entry into force (Stb. 2014, 495 and 496): no Wlz request is about an earlier period
WLZ_VANAF = dt.date(2015, 1, 1)
#: the longest period one request for extra care covers. No article of the Wlz, Blz or Rlz sets a maximum for a
#: decision on extra care; the bound is the zorgkantoor's: the amounts and the eigen bijdrage are set per
#: calendar year (Blz chapter 3, Rlz chapter 5), so figures further ahead are unknown, and the evaluation costs
#: time per year evaluated
#: (a period of 900 years held a server for 30 s). The period must also lie within the indicatiebesluit's
#: validity (``services.aanvragen.situatie``).
MAX_PERIODE_JAREN = 5


def _plus_jaren(d: dt.date, jaren: int) -> dt.date:
    try:
        return d.replace(year=d.year + jaren)
    except ValueError:  # 29 February
        return d.replace(year=d.year + jaren, day=28)


class IntakeInvoer(Invoer):
    """The one intake for all extra care: the situation and care need, entered once."""

    periode_van: dt.date = Field(description="Eerste dag waarvoor extra zorg wordt gevraagd")
    periode_tot: dt.date = Field(description="Laatste dag waarvoor extra zorg wordt gevraagd")
    zorgbehoefte_uren_per_week: float = Field(ge=0, le=168)
    profiel_uren_per_week: float | None = Field(None, ge=0, le=168)
    behandeling: bool = False
    dagbesteding: bool = False
    mpt_kosten: float = Field(0, ge=0, le=MAX_BEDRAG)
    pgb_deel: float = Field(0, ge=0, le=MAX_BEDRAG)
    bijdrageplichtig_inkomen: float = Field(0, ge=0, le=MAX_BEDRAG)
    vermogen: float = Field(0, ge=0, le=MAX_BEDRAG)
    criteria: dict[str, bool | float | str | None] = Field(
        default_factory=dict,
        description="Criteria van de regelingen, zoals de rekenregels ze vragen; een ja/nee-vraag die niet is "
        "beantwoord laat u weg (of null): die heet in de uitleg 'niet opgegeven', nooit 'nee'",
    )
    toelichting: str = Field("", max_length=5000, description="Het verhaal van de cliënt, één keer verteld")

    @field_validator("criteria")
    @classmethod
    def _criteria(cls, v: dict[str, bool | float | str | None]) -> dict[str, bool | float | str]:
        return _eindige_criteria(v)

    @model_validator(mode="after")
    def _periode(self) -> Self:
        if self.periode_tot < self.periode_van:
            raise ValueError("periode_tot ligt voor periode_van")
        if self.periode_van < WLZ_VANAF:
            raise ValueError("periode_van ligt voor 1 januari 2015, de inwerkingtreding van de Wlz")
        if self.periode_tot >= _plus_jaren(self.periode_van, MAX_PERIODE_JAREN):
            raise ValueError(f"periode_tot: een aanvraag beslaat ten hoogste {MAX_PERIODE_JAREN} jaar")
        return self


class HerhaalInvoer(Invoer):
    """A repeat request: only what changed since the last request (all fields optional)."""

    periode_van: dt.date | None = None
    periode_tot: dt.date | None = None
    zorgbehoefte_uren_per_week: float | None = Field(None, ge=0, le=168)
    profiel_uren_per_week: float | None = Field(None, ge=0, le=168)
    behandeling: bool | None = None
    dagbesteding: bool | None = None
    mpt_kosten: float | None = Field(None, ge=0, le=MAX_BEDRAG)
    pgb_deel: float | None = Field(None, ge=0, le=MAX_BEDRAG)
    bijdrageplichtig_inkomen: float | None = Field(None, ge=0, le=MAX_BEDRAG)
    vermogen: float | None = Field(None, ge=0, le=MAX_BEDRAG)
    criteria: dict[str, bool | float | str | None] | None = None
    toelichting: str | None = Field(None, max_length=5000)

    @field_validator("criteria")
    @classmethod
    def _criteria(cls, v: dict[str, bool | float | str | None] | None) -> dict[str, bool | float | str] | None:
        return None if v is None else _eindige_criteria(v)


class AdviesVraagInvoer(Invoer):
    aan: str = Field(min_length=1, max_length=200, description="Bijvoorbeeld: CCE")
    vraag: str = Field(min_length=1, max_length=5000)


class AdviesInvoer(Invoer):
    antwoord: str = Field(min_length=1, max_length=10000)


class VerlengInvoer(Invoer):
    nieuwe_datum: dt.date
    reden: str = Field(min_length=1, max_length=2000)


class BesluitregelInvoer(Invoer):
    regeling: Regeling
    toegekend: bool
    van: dt.date | None = None
    tot: dt.date | None = None
    toelichting: str = Field("", max_length=5000)


class BesluitInvoer(Invoer):
    motivatie: str = Field(min_length=1, max_length=10000)
    regels: list[BesluitregelInvoer] = Field(min_length=1)


class GebruikerInvoer(Invoer):
    gebruikersnaam: str = Field(min_length=3, max_length=100, pattern=r"^[a-zA-Z0-9._-]+$")
    naam: str = Field(min_length=1, max_length=200)
    rol: Rol
    wachtwoord: str | None = Field(None, min_length=10, max_length=200)
    agb_code: str | None = Field(None, pattern=r"^\d{8}$")
    client_id: str | None = None


class TokenInvoer(Invoer):
    naam: str = Field(min_length=1, max_length=200)


class RolInvoer(Invoer):
    rol: str = Field(min_length=1, max_length=20)
