"""What the SVB withholds when it pays an employee of the budgethouder (Blz art. 3.6.6 lid 1 onder c, text of
2015 and of the versions of 1 January 2025 and 1 April 2026 read in shared/bronnen/wetgeving/regelrecht: the SVB
keeps the budget "tot afdracht van eventuele loonheffing, premies voor de sociale verzekeringen en
inkomensafhankelijke bijdragen op grond van de Zorgverzekeringswet"). For a zorgverlener on an
arbeidsovereenkomst the SVB acts as the budgethouder's salary administration: from the gross wage it withholds
the loonheffing (loonbelasting/premie volksverzekeringen) and the employee's premiums, pays the net wage to the
employee, and pays those amounts plus the employer's premiums and the Zvw-bijdrage to the Belastingdienst. A
zorgverlener on an overeenkomst van opdracht (a self-employed provider) gets the full amount: nothing withheld.

No percentage is shipped: none was found in a public source read here (shared/bronnen/gevonden has none), so the
installation or the user supplies them and every result says ``voorbeeld`` unless a source is given. The
percentages are of the gross wage, in basis points (1 % = 100), applied per payment and rounded to the cent."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from wlz.common.errors import InputError

BRON = "Blz art. 3.6.6, lid 1, onder c (https://wetten.overheid.nl/BWBR0035948/2026-04-01#Artikel3.6.6)"


class Overeenkomstsoort(StrEnum):
    arbeidsovereenkomst = "arbeidsovereenkomst"
    opdracht = "opdracht"  # overeenkomst van opdracht: no withholding


@dataclass(frozen=True)
class Percentages:
    """User-supplied (``bron`` empty: marked voorbeeld) or with the public source the user read them in."""

    loonheffing_bp: int
    premies_werknemer_bp: int
    premies_werkgever_bp: int
    zvw_bijdrage_bp: int
    bron: str = ""

    @property
    def voorbeeld(self) -> bool:
        return not self.bron.strip()

    def check(self) -> None:
        for veld in ("loonheffing_bp", "premies_werknemer_bp", "premies_werkgever_bp", "zvw_bijdrage_bp"):
            w = getattr(self, veld)
            if not 0 <= w <= 10_000:
                raise InputError(veld.removesuffix("_bp"), "een percentage tussen 0 en 100")
        if self.loonheffing_bp + self.premies_werknemer_bp > 10_000:
            raise InputError("loonheffing", "loonheffing en premies samen kunnen niet meer zijn dan het loon")


@dataclass(frozen=True)
class Afdracht:
    """One payment split: what the employee receives and what goes to the Belastingdienst; ``budget_cent`` is what
    the payment costs the budget (gross wage plus the employer's part)."""

    bruto_cent: int
    netto_cent: int
    loonheffing_cent: int
    premies_werknemer_cent: int
    premies_werkgever_cent: int
    zvw_bijdrage_cent: int
    voorbeeld: bool
    bron: str

    @property
    def afdracht_cent(self) -> int:
        return (
            self.loonheffing_cent + self.premies_werknemer_cent + self.premies_werkgever_cent + self.zvw_bijdrage_cent
        )

    @property
    def budget_cent(self) -> int:
        return self.bruto_cent + self.premies_werkgever_cent + self.zvw_bijdrage_cent


def _deel(bedrag: int, bp: int) -> int:
    return (bedrag * bp + 5_000) // 10_000  # to the cent, half up (integers: exact)


def afdracht(bruto_cent: int, soort: Overeenkomstsoort, p: Percentages) -> Afdracht:
    if bruto_cent <= 0:
        raise InputError("bruto", "het brutoloon moet groter dan nul zijn")
    p.check()
    bron = f"{BRON}; percentages: {'voorbeeld (opgegeven door de gebruiker)' if p.voorbeeld else p.bron}"
    if soort is Overeenkomstsoort.opdracht:
        return Afdracht(bruto_cent, bruto_cent, 0, 0, 0, 0, p.voorbeeld, bron)
    lh = _deel(bruto_cent, p.loonheffing_bp)
    pw = _deel(bruto_cent, p.premies_werknemer_bp)
    return Afdracht(
        bruto_cent,
        bruto_cent - lh - pw,
        lh,
        pw,
        _deel(bruto_cent, p.premies_werkgever_bp),
        _deel(bruto_cent, p.zvw_bijdrage_bp),
        p.voorbeeld,
        bron,
    )
