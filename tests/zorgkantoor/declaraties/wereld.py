"""A small purchasing world for the declaration tests: two providers with contracts in two regions, three clients
with zorgtoewijzingen, one voucher redeemed at a provider. Contracts and vouchers are written as rows of part A's
tables (their column contract, ``storage.inkoop_orm``), so these tests do not depend on part A's use cases.

Amounts here are test data (the tariffs of a test contract), not figures of the Wlz.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

import sqlalchemy as sa

from wlz import bsn
from wlz.zorgkantoor.domain.model import nieuw_id, nu
from wlz.zorgkantoor.services import dossier, invoer
from wlz.zorgkantoor.services.actor import SYSTEEM, Actor
from wlz.zorgkantoor.storage import inkoop_orm as ink

AGB_A = "11111111"
AGB_B = "22222222"
REGIO_1 = "5531"
REGIO_2 = "5521"
#: contracted tariff per day of the test prestatie ZI756 (test data)
TARIEF = 20_000

ZORGINKOPER = Actor(gebruiker_id="inkoper1", gebruikersnaam="inkoper", naam="Inkoper", rol="zorginkoper", kanaal="api")
BEOORDELAAR = Actor(gebruiker_id="beoord1", gebruikersnaam="beoordelaar", naam="B", rol="beoordelaar", kanaal="api")
AANBIEDER_A = Actor(
    gebruiker_id="aanb1", gebruikersnaam="aanbieder", naam="A", rol="aanbieder", agb_code=AGB_A, kanaal="api"
)
AANBIEDER_B = Actor(
    gebruiker_id="aanb2", gebruikersnaam="aanbieder2", naam="B", rol="aanbieder", agb_code=AGB_B, kanaal="api"
)


@dataclass
class Inkoopwereld:
    uowf: object
    clients: list[str] = field(default_factory=list)
    bsns: list[str] = field(default_factory=list)
    toewijzingen: list[str] = field(default_factory=list)
    contracten: dict[str, str] = field(default_factory=dict)
    voucher: str = ""


def _insert(uowf, table: sa.Table, **values) -> str:
    values.setdefault("id", nieuw_id())
    with uowf(write=True) as uow:
        uow.session.connection().execute(table.insert().values(**values))
        uow.commit()
    return values["id"]


def contract(uowf, agb: str, regio: str, prestaties: dict[str, int | None], *, status: str = "actief") -> str:
    """An active regulier contract for 2024 with ``prestatiecode -> tarief_cent`` (None: no tariff supplied)."""
    cid = _insert(
        uowf,
        ink.inkoop_contracten,
        agb_code=agb,
        regio=regio,
        vorm="regulier",
        ingangsdatum=dt.date(2024, 1, 1),
        einddatum=dt.date(2024, 12, 31),
        status=status,
        verbeterplan="geen",
        kwaliteitseisen="test",
        continuiteitsclausule="test",
        clientenraad_geraadpleegd=True,
        aangemaakt_door="test",
        aangemaakt_op=nu(),
    )
    for code, tarief in prestaties.items():
        _insert(
            uowf,
            ink.inkoop_contract_prestaties,
            contract_id=cid,
            prestatiecode=code,
            leveringsvorm="verblijf",
            tarief_percentage=100,
            maximumtarief_cent=tarief,
            tarief_cent=tarief,
        )
    return cid


def bouw(uowf) -> Inkoopwereld:
    w = Inkoopwereld(uowf)
    rng = random.Random(7)
    for agb, naam in ((AGB_A, "Zorg A"), (AGB_B, "Zorg B")):
        _insert(uowf, ink.inkoop_aanbieders, agb_code=agb, naam=naam, aangemaakt_op=nu())
    # client 0 and 1 at provider A, client 2 at provider B
    for i, agb in enumerate((AGB_A, AGB_A, AGB_B)):
        nummer = bsn.synthetisch(rng)
        with uowf(write=True) as uow:
            c = dossier.registreer_client(
                uow,
                SYSTEEM,
                invoer.ClientInvoer(
                    bsn=nummer, voornamen="Test", achternaam=f"Persoon{i}", geboortedatum=dt.date(1950, 1, 1)
                ),
            )
        with uowf(write=True) as uow:
            dossier.registreer_indicatie(
                uow,
                SYSTEEM,
                c.id,
                invoer.IndicatieInvoer(
                    besluitnummer=f"D-{i}",
                    zorgprofiel="VV6",
                    grondslagen=["01"],
                    ingangsdatum=dt.date(2023, 1, 1),
                    einddatum=None,
                ),
            )
        from tests.zorgkantoor.helpers import voeg_keuze_toe

        voeg_keuze_toe(uowf, c.id, "verblijf", dt.date(2023, 1, 1), geaccepteerd=True)
        with uowf(write=True) as uow:
            tw = dossier.maak_toewijzing(
                uow,
                SYSTEEM,
                c.id,
                invoer.ToewijzingInvoer(
                    agb_code=agb,
                    leveringsvorm="verblijf",
                    van=dt.date(2024, 1, 1),
                    tot=dt.date(2024, 6, 30),
                    zorgprofiel="VV6",
                ),
            )
        w.clients.append(c.id)
        w.bsns.append(nummer)
        w.toewijzingen.append(tw.id)
    w.contracten["A1"] = contract(uowf, AGB_A, REGIO_1, {"ZI756": TARIEF, "M-BG": None})
    w.contracten["B2"] = contract(uowf, AGB_B, REGIO_2, {"ZI756": TARIEF})
    # client 1 redeemed a voucher of 10,000.00 euro (test value) at provider A
    w.voucher = _insert(
        uowf,
        ink.inkoop_vouchers,
        client_id=w.clients[1],
        zorgprofiel="VV6",
        waarde_cent=1_000_000,
        ingangsdatum=dt.date(2024, 1, 1),
        einddatum=dt.date(2024, 12, 31),
        agb_code=AGB_A,
        ingewisseld_op=nu(),
        status="ingewisseld",
        bron="test",
        uitgegeven_door="test",
        uitgegeven_op=nu(),
    )
    return w


KOP = "regelnummer,client_id,prestatiecode,begindatum,einddatum,aantal,bedrag,zzp_code"


def csv_bestand(*regels: str, kop: str = KOP) -> bytes:
    return ("\n".join([kop, *regels]) + "\n").encode("utf-8")
