"""The ledger of one beschikking (one budgethouder, one year): every cent of the budget is in exactly one of
four places — available, reserved by an approved zorgovereenkomst, paid to a zorgverlener, or returned at the
vaststelling. Every move keeps ``beschikbaar + gereserveerd + betaald + teruggegeven == budget``.

Payments go only to a zorgverlener under an approved agreement (Wlz art. 3.3.3 lid 7, Blz art. 3.6.6: the SVB
pays on the budgethouder's behalf; never to the budgethouder's own account, seed 003 p. 9)."""

from __future__ import annotations

from dataclasses import dataclass

from wlz.common.errors import InputError


@dataclass
class Grootboek:
    budget: int
    beschikbaar: int
    gereserveerd: int = 0
    betaald: int = 0
    teruggegeven: int = 0

    @classmethod
    def nieuw(cls, budget: int) -> Grootboek:
        if budget < 0:
            raise InputError("bedrag", "het budget kan niet negatief zijn")
        return cls(budget=budget, beschikbaar=budget)

    @property
    def in_balans(self) -> bool:
        delen = (self.beschikbaar, self.gereserveerd, self.betaald, self.teruggegeven)
        return sum(delen) == self.budget and min(delen) >= 0

    def reserveer(self, bedrag: int) -> None:
        """An approved agreement reserves its amount out of what is available."""
        _positief(bedrag)
        if bedrag > self.beschikbaar:
            raise InputError(
                "bedrag", f"de reservering is hoger dan het beschikbare budget ({self.beschikbaar / 100:.2f})"
            )
        self.beschikbaar -= bedrag
        self.gereserveerd += bedrag

    def geef_vrij(self, bedrag: int) -> None:
        """An ended or lowered agreement gives unused reservation back."""
        _positief(bedrag)
        if bedrag > self.gereserveerd:
            raise InputError("bedrag", "er is minder gereserveerd dan vrijgegeven wordt")
        self.gereserveerd -= bedrag
        self.beschikbaar += bedrag

    def betaal(self, bedrag: int) -> None:
        """A payment comes out of the reservation of the agreement it is made under."""
        _positief(bedrag)
        if bedrag > self.gereserveerd:
            raise InputError("bedrag", "de betaling is hoger dan het gereserveerde budget")
        self.gereserveerd -= bedrag
        self.betaald += bedrag

    def corrigeer(self, bedrag: int) -> None:
        """A payment reversed (paid back or cancelled before it left): back into the agreement's reservation."""
        _positief(bedrag)
        if bedrag > self.betaald:
            raise InputError("bedrag", "de correctie is hoger dan wat betaald is")
        self.betaald -= bedrag
        self.gereserveerd += bedrag

    def verlaag(self, bedrag: int) -> int:
        """The budget lowered (a pgb ended early, Rlz art. 5.20) out of what is available: returns what could be
        taken; what is paid or still reserved stays (the vaststelling settles it)."""
        x = max(0, min(bedrag, self.beschikbaar))
        self.budget -= x
        self.beschikbaar -= x
        return x

    def stel_vast(self) -> int:
        """Vaststelling (Rlz art. 5.21): whatever is not paid goes back; returns the amount returned."""
        terug = self.beschikbaar + self.gereserveerd
        self.teruggegeven += terug
        self.beschikbaar = 0
        self.gereserveerd = 0
        return terug


def _positief(bedrag: int) -> None:
    if bedrag <= 0:
        raise InputError("bedrag", "het bedrag moet groter dan nul zijn")
