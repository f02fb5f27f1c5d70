"""The maatwerkindicatie pilot: the need in hours per function at the pilot's own hourly rates (inputs, marked
voorbeeld here), its year amount against the profile's pgb amount from the rules (VG5 2017: EUR 62.400, Kamerbrief
maatwerk in de Wlz, Kamerstuk 34 104 nr. 167, tabel 1, as the rules cite it), exported tagged for the scenarios."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from wlz.ciz.domain.beoordeling import Beoordeling
from wlz.ciz.domain.gebruiker import Actor
from wlz.ciz.domain.maatwerk import Behoefte, jaarbedrag
from wlz.ciz.services import aanvragen, maatwerk
from wlz.common.errors import InputError

from .conftest import formulier

STELLER = Actor("g1", "indicatiesteller", "indicatiesteller")


def test_year_amount_and_bad_input():
    # voorbeeld: 10 hours a week at EUR 50 -> 500 a week -> 500 * 365 / 7 = 26.071,43
    assert jaarbedrag([Behoefte("begeleiding", Decimal(10), Decimal(50))], 2017) == Decimal("26071.43")
    assert jaarbedrag([Behoefte("begeleiding", Decimal(7), Decimal(1))], 2016) == Decimal("366.00")
    from wlz.ciz.domain.maatwerk import controleer

    for fout in ([Behoefte("koken", Decimal(1), Decimal(1))], [Behoefte("verzorging", Decimal(200), Decimal(1))],
                 [Behoefte("verzorging", Decimal(1), Decimal(0))], []):  # fmt: skip
        with pytest.raises(InputError):
            controleer(fout)


def test_pilot_record_against_the_rules_and_export(wereld):
    w = wereld
    uowf = w.ciz.app.state.uow
    gegevens = {k: v for k, v in formulier(seed=12).items() if k not in ("geboortedatum", "huisnummer")}
    gegevens.update(geboortedatum=dt.date(1990, 1, 1), huisnummer=2)
    with uowf(write=True) as uow:
        a = aanvragen.dien_in(uow, Actor("", "aanvrager", "aanvrager"), gegevens, ontvangen=dt.date(2017, 3, 1))
    with uowf(write=True) as uow:
        aanvragen.beoordeel(uow, STELLER, a.id, Beoordeling(grondslagen=("05",), permanent_toezicht=True,
                            behoefte={"begeleiding": 3, "verzorging": 3}))  # fmt: skip
    with uowf(write=True) as uow:
        aanvragen.beslis(uow, STELLER, a.id, {"uitkomst": "toegekend", "zorgprofiel": "VG5",
                         "ingangsdatum": dt.date(2017, 3, 20)}, besluitdatum=dt.date(2017, 3, 20))  # fmt: skip
    with uowf(write=True) as uow:
        behoeften = [Behoefte("begeleiding", Decimal(10), Decimal(50))]
        m = maatwerk.leg_vast(
            uow, STELLER, a.id, pilotgroep="voorbeeld", jaar=2017, behoeften=behoeften, context="thuis"
        )
    assert m.profielbedrag == Decimal("62400.00") and m.verschil == Decimal("-36328.57")
    r = w.ciz.get("/api/maatwerk", headers={"Authorization": f"Bearer {w.tokens['systeem']}"})
    rij = r.json()[0]
    assert rij["pilot"] == "maatwerkindicatie" and rij["zorgprofiel"] == "VG5" and rij["verschil"] == "-36328.57"
    assert "bsn" not in rij and formulier(seed=12)["bsn"] not in r.text
    # the age on 1 January of the record's year (born 1 January 1990: 27 in 2017), not the date of birth
    assert rij["leeftijd"] == 27 and "1990" not in r.text
    assert maatwerk.leeftijd(dt.date(2010, 6, 2), 2017) == 6 and maatwerk.leeftijd(dt.date(2010, 1, 1), 2017) == 7
