"""Input of the zorginkoop's use cases (pydantic): the API's request bodies and what the pages' forms build.

Amounts are entered in euro with cents (``maximumtarief``, ``basisbudget``) and stored in cents; a percentage has
two decimals. The shape is checked here (a 422 naming the field); the rules (a contract ending before it starts,
a tariff above 100% without an approved verbeterplan, open huis outside its experiment) in ``domain.inkoop``.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field

from .invoer import Invoer

Vorm = Literal["regulier", "meerjarig", "open_huis"]
ContractLeveringsvorm = Literal["verblijf", "vpt", "mpt"]
Verbeterplan = Literal["geen", "ingediend", "goedgekeurd"]
Zorgsoort = Literal["nah", "huntington", "gerontopsychiatrie", "emb", "sglvg"]
Discipline = Literal["specialist_ouderengeneeskunde", "arts_vg", "gedragsdeskundige", "paramedici"]
Regio = str  # a COD001 code, checked by ``domain.inkoop.regio``


def _iso_datum(v: object) -> object:
    """A date as 2024-01-31 (or a date object) within the Wlz's years: pydantic would otherwise read a number as
    seconds since 1970."""
    if isinstance(v, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
        try:
            v = dt.date.fromisoformat(v)
        except ValueError:
            raise ValueError("geen bestaande datum") from None
    if not isinstance(v, dt.date):
        raise ValueError("gebruik een datum als 2024-01-31")
    if not WLZ_VANAF <= v <= TOT_EN_MET:
        raise ValueError("kies een datum vanaf 1-1-2015 (de Wlz geldt sinds 1 januari 2015) tot en met 2100")
    return v


#: the Wlz is in force since 1 January 2015 (Stb. 2014, 495); nothing of the zorginkoop lies before it
WLZ_VANAF = dt.date(2015, 1, 1)
TOT_EN_MET = dt.date(2100, 12, 31)
Datum = Annotated[dt.date, BeforeValidator(_iso_datum)]

#: far above any Wlz tariff or budget in euro, and inside a BIGINT of cents
MAX_EURO = Decimal("100000000")

Prestatiecode = Field(min_length=1, max_length=20, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
Euro = Field(gt=0, le=MAX_EURO, max_digits=12, decimal_places=2)
Tekst = Field("", max_length=5000)
Jaar = Field(ge=2015, le=2100)


class KaderInvoer(Invoer):
    jaar: int = Jaar
    regio: Regio = Field(min_length=4, max_length=4)
    kwaliteitseisen: str = Field(min_length=1, max_length=5000)
    looptijd: str = Field(min_length=1, max_length=5000)
    continuiteit: str = Field(min_length=1, max_length=5000)
    ontwikkelafspraken: str = Tekst
    toelichting: str = Tekst


class PublicerenInvoer(Invoer):
    jaar: int = Jaar
    regio: Regio = Field(min_length=4, max_length=4)


class AanbiederInvoer(Invoer):
    agb_code: str = Field(pattern=r"^\d{8}$")
    naam: str = Field(min_length=1, max_length=200)
    website: str | None = Field(None, max_length=500, pattern=r"^https?://\S+$")


class LocatieInvoer(Invoer):
    agb_code: str = Field(pattern=r"^\d{8}$")
    naam: str = Field(min_length=1, max_length=200)
    adres: str = Field("", max_length=200)
    plaats: str = Field(min_length=1, max_length=200)
    regio: Regio = Field(min_length=4, max_length=4)


class KwaliteitsrapportInvoer(Invoer):
    agb_code: str = Field(pattern=r"^\d{8}$")
    jaar: int = Jaar
    url: str = Field(max_length=500, pattern=r"^https?://\S+$")


class KwaliteitsrapportBestandInvoer(Invoer):
    """Which provider and year an uploaded kwaliteitsrapport (PDF) is of; the file travels beside it."""

    agb_code: str = Field(pattern=r"^\d{8}$")
    jaar: int = Jaar


class TariefInvoer(Invoer):
    """One maximum tariff the installation supplies, with its source; ``voorbeeld``: an example, not a real tariff."""

    jaar: int = Jaar
    prestatiecode: str = Prestatiecode
    eenheid: str = Field("dag", min_length=1, max_length=20)
    maximumtarief: Decimal = Euro
    bron: str = Field(min_length=3, max_length=500)
    voorbeeld: bool = False


class TarieventabelInvoer(Invoer):
    """A tariff table in one go (a CSV upload becomes this): all rows are written, or none."""

    tarieven: list[TariefInvoer] = Field(min_length=1, max_length=5000)


class ExperimentInvoer(Invoer):
    naam: str = Field(min_length=1, max_length=200)
    regio: Regio = Field(min_length=4, max_length=4)
    ingangsdatum: Datum
    einddatum: Datum
    prestatiecodes: list[str] = Field(min_length=1, max_length=200)
    aandeel_percentage: Decimal = Field(gt=0, lt=100, max_digits=5, decimal_places=2)
    tarief_percentage: Decimal = Field(gt=0, lt=1000, max_digits=6, decimal_places=2)
    eisen: str = Field(min_length=1, max_length=5000)


class PrestatieInvoer(Invoer):
    prestatiecode: str = Prestatiecode
    leveringsvorm: ContractLeveringsvorm
    tarief_percentage: Decimal = Field(gt=0, lt=1000, max_digits=6, decimal_places=2)


class GeindiceerdInvoer(Invoer):
    """Indicated clients a meerjarig contract is for: how many of one zorgprofiel (aggregates: the zorginkoper sees
    no client file), and optionally the prestatie whose maximum day tariff (tariff table) prices their stay;
    without it the rules' own day tariffs (their parameters) are used."""

    zorgprofiel: str = Field(min_length=1, max_length=20)
    aantal: int = Field(ge=1, le=100_000)
    prestatiecode: str | None = Field(None, min_length=1, max_length=20)


class ContractInvoer(Invoer):
    agb_code: str = Field(pattern=r"^\d{8}$")
    regio: Regio = Field(min_length=4, max_length=4)
    vorm: Vorm
    ingangsdatum: Datum
    einddatum: Datum
    prestaties: list[PrestatieInvoer] = Field(min_length=1, max_length=200)
    verbeterplan: Verbeterplan = "geen"
    verbeterplan_toelichting: str | None = Field(None, max_length=5000)
    kwaliteitseisen: str = Field(min_length=1, max_length=5000)
    continuiteitsclausule: str = Field(min_length=1, max_length=5000)
    clientenraad_geraadpleegd: bool = False
    zorgsoort: Zorgsoort | None = None
    basisbudget: Decimal | None = Field(None, gt=0, le=MAX_EURO, max_digits=12, decimal_places=2)
    #: meerjarig: the indicated care the basisbudget is computed from (``basisbudget`` given as well: a user
    #: override, stored marked as such)
    geindiceerd: list[GeindiceerdInvoer] = Field(default_factory=list, max_length=50)
    experiment_id: str | None = Field(None, max_length=32)
    #: open huis: the provider accepts the experiment's price and requirements (then it is admitted)
    accepteert_prijs_en_eisen: bool = False
    status: Literal["concept", "actief"] = "concept"


class ContractStatusInvoer(Invoer):
    contract_id: str = Field(min_length=1, max_length=32)
    status: Literal["actief", "beeindigd"]


class CapaciteitInvoer(Invoer):
    agb_code: str = Field(pattern=r"^\d{8}$")
    regio: Regio = Field(min_length=4, max_length=4)
    jaar: int = Jaar
    discipline: Discipline
    fte: Decimal = Field(ge=0, le=100000, max_digits=8, decimal_places=2)


class NormInvoer(Invoer):
    discipline: Discipline
    zorgprofiel: str = Field(min_length=1, max_length=20)
    fte_per_client: Decimal = Field(gt=0, le=10, max_digits=8, decimal_places=4)
    bron: str = Field(min_length=3, max_length=500)
    voorbeeld: bool = False


class ModuleKeuze(Invoer):
    """One module of the client's choice: the provider for a prestatie (mpt: per function and class)."""

    prestatiecode: str = Prestatiecode
    leveringsvorm: ContractLeveringsvorm
    agb_code: str = Field(pattern=r"^\d{8}$")
    functie: str | None = Field(None, max_length=2)
    klasse: str | None = Field(None, max_length=4)


class PgbDeelInvoer(Invoer):
    """The pgb part of an mpt+pgb choice: the functions (COD iWlz function codes, as the mpt modules) the client buys
    with a pgb, and optionally the amount per year the user supplies with its source."""

    functies: list[str] = Field(min_length=1, max_length=10)
    bedrag: Decimal | None = Field(None, gt=0, le=MAX_EURO, max_digits=12, decimal_places=2)
    bron: str | None = Field(None, min_length=3, max_length=500)


class KeuzeInvoer(Invoer):
    """A client's preferred providers, one per module, for one period and region: all become zorgtoewijzingen
    (each with its AW33), or none when one is not covered by a contract. ``pgb``: beside mpt modules, the part the
    client buys with a pgb (an mpt+pgb choice)."""

    regio: Regio = Field(min_length=4, max_length=4)
    van: Datum
    tot: Datum
    modules: list[ModuleKeuze] = Field(min_length=1, max_length=20)
    pgb: PgbDeelInvoer | None = None


class VoucherInvoer(Invoer):
    """A voucher worth the indication for a period within one calendar year. ``basis``: ``verblijf`` (the rules'
    cost of care with stay: the day tariff of ``prestatiecode`` in the tariff table times the days of care) or
    ``pgb`` (the rules' pgb budget of the profile)."""

    van: Datum
    tot: Datum
    basis: Literal["verblijf", "pgb"] = "verblijf"
    prestatiecode: str | None = Field(None, min_length=1, max_length=20)


class InwisselInvoer(Invoer):
    voucher_id: str = Field(min_length=1, max_length=32)
    agb_code: str = Field(pattern=r"^\d{8}$")
    akkoord_client: str = Field(min_length=1, max_length=5000)


class OndersteuningInvoer(Invoer):
    clientondersteuner: str = Field(min_length=1, max_length=200)
    datum: Datum
    toelichting: str = Field("", max_length=5000)
