"""Test data of the zorginkoop tests: a zorginkoper, two providers, a tariff table marked voorbeeld (test figures,
not real tariffs), an open-house experiment and a client with an indicatiebesluit."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal

from wlz import bsn
from wlz.zorgkantoor.services import dossier, inkoop, invoer
from wlz.zorgkantoor.services import inkoop_invoer as iv
from wlz.zorgkantoor.services.actor import SYSTEEM, Actor

AGB_A = "33333333"
AGB_B = "44444444"
ROTTERDAM = "5521"
ZUID_LIMBURG = "5531"

INKOPER = Actor(gebruiker_id="inkoper1", gebruikersnaam="inkoper", naam="Inkoper", rol="zorginkoper")
BEOORDELAAR = Actor(gebruiker_id="beoordelaar1", gebruikersnaam="beoordelaar", naam="Beoordelaar", rol="beoordelaar")


@dataclass
class InkoopWereld:
    client_id: str
    experiment_id: str


def tarieven() -> iv.TarieventabelInvoer:
    rij = {"jaar": 2024, "bron": "testtabel (voorbeeld, geen echt tarief)", "voorbeeld": True}
    return iv.TarieventabelInvoer(
        tarieven=[
            iv.TariefInvoer(prestatiecode="ZI754", eenheid="dag", maximumtarief=Decimal("200.00"), **rij),
            iv.TariefInvoer(prestatiecode="M-BG", eenheid="uur", maximumtarief=Decimal("61.11"), **rij),
            iv.TariefInvoer(prestatiecode="M-PV", eenheid="uur", maximumtarief=Decimal("55.55"), **rij),
        ]
    )


def contract(**kw) -> iv.ContractInvoer:
    data = {
        "agb_code": AGB_A,
        "regio": ROTTERDAM,
        "vorm": "regulier",
        "ingangsdatum": dt.date(2024, 1, 1),
        "einddatum": dt.date(2025, 12, 31),
        "prestaties": [
            {"prestatiecode": "ZI754", "leveringsvorm": "verblijf", "tarief_percentage": "97.5"},
            {"prestatiecode": "M-BG", "leveringsvorm": "mpt", "tarief_percentage": "100"},
        ],
        "kwaliteitseisen": "Werkt volgens het kwaliteitskader.",
        "continuiteitsclausule": "Bij einde contract blijft de zorg doorlopen tot een nieuwe aanbieder is gevonden.",
        "clientenraad_geraadpleegd": True,
        "status": "actief",
    }
    data.update(kw)
    return iv.ContractInvoer.model_validate(data)


def bouw(uowf) -> InkoopWereld:
    with uowf(write=True) as uow:
        inkoop.aanbieder_opslaan(uow, INKOPER, iv.AanbiederInvoer(agb_code=AGB_A, naam="Zorggroep Maas"))
    with uowf(write=True) as uow:
        inkoop.aanbieder_opslaan(uow, INKOPER, iv.AanbiederInvoer(agb_code=AGB_B, naam="Thuiszorg Heuvelland"))
    with uowf(write=True) as uow:
        inkoop.tarieven_opslaan(uow, INKOPER, tarieven())
    with uowf(write=True) as uow:
        e = inkoop.experiment_opslaan(
            uow,
            INKOPER,
            iv.ExperimentInvoer(
                naam="Zeeuws model Zuid-Limburg",
                regio=ZUID_LIMBURG,
                ingangsdatum=dt.date(2024, 1, 1),
                einddatum=dt.date(2024, 12, 31),
                prestatiecodes=["M-PV", "M-BG"],
                aandeel_percentage=Decimal("10"),
                tarief_percentage=Decimal("95"),
                eisen="Voldoet aan het kwaliteitskader; accepteert de prijs.",
            ),
        )
    client_id = client_met_indicatie(uowf, random.Random(7), "Keuze", "1", "3011AA", "Rotterdam", "900001")
    return InkoopWereld(client_id=client_id, experiment_id=e["id"])


def client_met_indicatie(
    uowf, rng: random.Random, achternaam: str, huisnummer: str, postcode: str, woonplaats: str, besluitnummer: str
) -> str:
    """A synthetic client (BSN passing the elfproef, an address the AW33 needs) with a VV5 indicatiebesluit for
    2024-2026."""
    with uowf(write=True) as uow:
        c = dossier.registreer_client(
            uow,
            SYSTEEM,
            invoer.ClientInvoer(
                bsn=bsn.synthetisch(rng),
                voornamen="Test",
                achternaam=achternaam,
                geboortedatum=dt.date(1950, 5, 5),
                straat="Teststraat",
                huisnummer=huisnummer,
                postcode=postcode,
                woonplaats=woonplaats,
            ),
        )
    with uowf(write=True) as uow:
        dossier.registreer_indicatie(
            uow,
            SYSTEEM,
            c.id,
            invoer.IndicatieInvoer(
                besluitnummer=besluitnummer,
                zorgprofiel="VV5",
                grondslagen=["01"],
                ingangsdatum=dt.date(2024, 1, 1),
                einddatum=dt.date(2026, 12, 31),
            ),
        )
    return c.id


def tel(uowf, table) -> int:
    """Rows in a table (what a refused use case must have left as it was)."""
    import sqlalchemy as sa

    with uowf() as u:
        return u.session.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()


def weigering(uowf, functie, *args, **kwargs):
    """The DomainError a use case refuses with, in a writing unit of work of its own."""
    import pytest

    from wlz.zorgkantoor.domain.fouten import DomainError

    with uowf(write=True) as u, pytest.raises(DomainError) as exc:
        functie(u, *args, **kwargs)
    return exc.value
