"""Demo data of the zorginkoop (``wlz demo``): two regions, an open-house experiment, contracts, a client's choice
becoming zorgtoewijzingen (AW33), a voucher, declarations (accepted, and refused for several reasons) and a
zorginkoper account.

The regions and the year follow seed 003 p10 r.515-519: the experiments with persoonsvolgende bekostiging started
on 1 January 2017 in Rotterdam (5521) and Zuid-Limburg (5531). Every figure the seeds do not give (the maximum
tariffs, percentages, the experiment's share, the capacity norm and fte) is an example, stored
marked ``voorbeeld``; the meerjarig contract's basisbudget is computed from 4 indicated VV7 clients at the example
day tariff (so its source says voorbeeld). The choice and the voucher go to a demo client whose indicatiebesluit
covers the year (no client is added unless the demo has none); the voucher's value is the rules' own pgb budget
for 2017 of a VG3-VG8 profile (seed 000 tabel 1, Kamerstuk 34 104 nr. 167), for another profile the rules' cost of
care with stay at the example day tariff (its bron says voorbeeld).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import sqlalchemy as sa

from wlz import bsn as bsnmod

from .services import auth, declaraties, dossier, inkoop, invoer
from .services import inkoop_invoer as iv
from .services.actor import SYSTEEM, Actor
from .storage import orm
from .storage.uow import UnitOfWorkFactory

ROTTERDAM = "5521"
ZUID_LIMBURG = "5531"
JAAR = 2017
GEBRUIKER = ("inkoper", "Ingrid Inkoop", "demo-inkoper")
VOORBEELD = "voorbeeldwaarde van de demo, geen NZa-tarief"
#: profiles whose pgb amount of 2017 the rules know (seed 000 tabel 1)
VG_2017 = frozenset({"VG3", "VG4", "VG5", "VG6", "VG7", "VG8"})


def vul(uowf: UnitOfWorkFactory, aanbieders: Sequence[str]) -> str:
    """Add the zorginkoop's demo data on the demo's providers; return one Dutch line for the summary."""
    a, b, c = aanbieders[0], aanbieders[1], aanbieders[2]
    with uowf(write=True) as uow:
        g = auth.maak_gebruiker(
            uow,
            SYSTEEM,
            gebruikersnaam=GEBRUIKER[0],
            naam=GEBRUIKER[1],
            rol="zorginkoper",
            wachtwoord=GEBRUIKER[2],
        )
        uow.commit()
    inkoper = Actor(gebruiker_id=g.id, gebruikersnaam=GEBRUIKER[0], naam=GEBRUIKER[1], rol="zorginkoper", kanaal="cli")
    beoordelaar = Actor(
        gebruiker_id="systeem", gebruikersnaam="systeem", naam="Systeem", rol="beoordelaar", kanaal="cli"
    )
    for agb, naam, plaats, regio in (
        (a, "Zorggroep De Maas", "Rotterdam", ROTTERDAM),
        (b, "Stichting Huntington Zorg", "Rotterdam", ROTTERDAM),
        (c, "Thuiszorg Heuvelland", "Maastricht", ZUID_LIMBURG),
    ):
        with uowf(write=True) as uow:
            inkoop.aanbieder_opslaan(uow, inkoper, iv.AanbiederInvoer(agb_code=agb, naam=naam))
        with uowf(write=True) as uow:
            inkoop.locatie_toevoegen(
                uow, inkoper, iv.LocatieInvoer(agb_code=agb, naam=f"{naam} hoofdlocatie", plaats=plaats, regio=regio)
            )
    with uowf(write=True) as uow:  # example.org: a placeholder link, not a real report
        inkoop.kwaliteitsrapport_opslaan(
            uow,
            inkoper,
            iv.KwaliteitsrapportInvoer(agb_code=a, jaar=JAAR - 1, url="https://example.org/kwaliteitsrapport-2016"),
        )
    with uowf(write=True) as uow:
        inkoop.tarieven_opslaan(
            uow,
            inkoper,
            iv.TarieventabelInvoer(
                tarieven=[
                    iv.TariefInvoer(
                        jaar=jaar,
                        prestatiecode=code,
                        eenheid=eenheid,
                        maximumtarief=Decimal(bedrag),
                        bron=VOORBEELD,
                        voorbeeld=True,
                    )
                    for jaar, code, eenheid, bedrag in (
                        (JAAR, "ZI755", "dag", "250.00"),
                        (JAAR, "M-BG", "uur", "60.00"),
                        (JAAR, "M-PV", "uur", "55.00"),
                        # the meerjarig contract's later years (its basisbudget is priced per year)
                        (JAAR + 1, "ZI755", "dag", "250.00"),
                        (JAAR + 2, "ZI755", "dag", "250.00"),
                    )
                ]  # fmt: skip
            ),
        )
    for regio in (ROTTERDAM, ZUID_LIMBURG):
        with uowf(write=True) as uow:
            inkoop.kader_opslaan(
                uow,
                inkoper,
                iv.KaderInvoer(
                    jaar=JAAR,
                    regio=regio,
                    kwaliteitseisen="De aanbieder werkt volgens het kwaliteitskader en publiceert elk jaar een "
                    "kwaliteitsrapport.",
                    looptijd="Contracten lopen één jaar; voor zeldzame en complexe zorg meerdere jaren.",
                    continuiteit="Eindigt een contract, dan houden cliënten hun zorg tot een andere aanbieder die "
                    "overneemt.",
                    ontwikkelafspraken="Ontwikkelafspraken worden in dialoog gemaakt, met de cliëntenraad.",
                    toelichting="Dit zijn de eisen die het zorgkantoor in deze regio aan zorgaanbieders stelt.",
                ),
            )
        with uowf(write=True) as uow:
            inkoop.kader_publiceren(uow, inkoper, iv.PublicerenInvoer(jaar=JAAR, regio=regio))
    with uowf(write=True) as uow:
        experiment = inkoop.experiment_opslaan(
            uow,
            inkoper,
            iv.ExperimentInvoer(
                naam="Open huis Zuid-Limburg (voorbeeld)",
                regio=ZUID_LIMBURG,
                ingangsdatum=dt.date(JAAR, 1, 1),
                einddatum=dt.date(JAAR + 1, 12, 31),
                prestatiecodes=["M-BG", "M-PV"],
                aandeel_percentage=Decimal("10"),
                tarief_percentage=Decimal("95"),
                eisen="Kwaliteitskader; de aanbieder accepteert de prijs; geen gegarandeerd volume.",
            ),
        )
    gemeen = {
        "kwaliteitseisen": "Werkt volgens het kwaliteitskader.",
        "continuiteitsclausule": "Cliënten houden hun zorg tot een andere aanbieder overneemt.",
        "clientenraad_geraadpleegd": True,
        "status": "actief",
    }
    contracten: list[dict[str, Any]] = [
        {"agb_code": a, "regio": ROTTERDAM, "vorm": "regulier", "prestaties": [
            {"prestatiecode": "ZI755", "leveringsvorm": "verblijf", "tarief_percentage": "97"},
            {"prestatiecode": "M-BG", "leveringsvorm": "mpt", "tarief_percentage": "100"}]},
        {"agb_code": b, "regio": ROTTERDAM, "vorm": "meerjarig", "zorgsoort": "huntington",
         "geindiceerd": [{"zorgprofiel": "VV7", "aantal": 4, "prestatiecode": "ZI755"}],
         "einddatum": dt.date(JAAR + 2, 12, 31),
         "prestaties": [{"prestatiecode": "M-PV", "leveringsvorm": "mpt", "tarief_percentage": "98"}]},
        {"agb_code": c, "regio": ZUID_LIMBURG, "vorm": "open_huis", "experiment_id": experiment["id"],
         "accepteert_prijs_en_eisen": True, "einddatum": dt.date(JAAR + 1, 12, 31),
         "prestaties": [{"prestatiecode": "M-BG", "leveringsvorm": "mpt", "tarief_percentage": "95"}]},
        {"agb_code": a, "regio": ZUID_LIMBURG, "vorm": "regulier", "prestaties": [
            {"prestatiecode": "ZI755", "leveringsvorm": "verblijf", "tarief_percentage": "96"}]},
    ]  # fmt: skip
    for data in contracten:
        with uowf(write=True) as uow:
            inkoop.contract_opslaan(
                uow,
                inkoper,
                iv.ContractInvoer.model_validate(
                    {"ingangsdatum": dt.date(JAAR, 1, 1), "einddatum": dt.date(JAAR, 12, 31), **gemeen, **data}
                ),
            )
    client_id, zorgprofiel = _client(uowf)
    with uowf(write=True) as uow:  # mpt modules at two providers
        inkoop.keuze_vastleggen(
            uow,
            beoordelaar,
            client_id,
            iv.KeuzeInvoer.model_validate(
                {
                    "regio": ROTTERDAM,
                    "van": dt.date(JAAR, 2, 1),
                    "tot": dt.date(JAAR, 12, 31),
                    "modules": [
                        {
                            "prestatiecode": "M-BG",
                            "leveringsvorm": "mpt",
                            "agb_code": a,
                            "functie": "81",
                            "klasse": "K3",
                        },
                        {
                            "prestatiecode": "M-PV",
                            "leveringsvorm": "mpt",
                            "agb_code": b,
                            "functie": "31",
                            "klasse": "K2",
                        },
                    ],
                }  # fmt: skip
            ),
        )
    with uowf(write=True) as uow:
        inkoop.ondersteuning_vastleggen(
            uow,
            beoordelaar,
            client_id,
            iv.OndersteuningInvoer(
                clientondersteuner="Cliëntondersteuner (demo)", datum=dt.date(JAAR, 1, 15), toelichting="Hielp kiezen."
            ),
        )
    with uowf(write=True) as uow:
        inkoop.voucher_uitgeven(
            uow,
            beoordelaar,
            client_id,
            # the rules know the VG3-VG8 pgb amounts of 2017 (seed 000 tabel 1); another profile's voucher is valued
            # by the example day tariff (marked voorbeeld in its bron)
            iv.VoucherInvoer(
                van=dt.date(JAAR, 2, 1),
                tot=dt.date(JAAR, 12, 31),
                basis="pgb" if zorgprofiel in VG_2017 else "verblijf",
                prestatiecode=None if zorgprofiel in VG_2017 else "ZI755",
            ),
        )
    with uowf(write=True) as uow:
        inkoop.norm_opslaan(
            uow,
            inkoper,
            iv.NormInvoer(
                discipline="arts_vg",
                zorgprofiel=zorgprofiel,
                fte_per_client=Decimal("0.02"),
                bron=VOORBEELD,
                voorbeeld=True,
            ),
        )
    with uowf(write=True) as uow:
        inkoop.capaciteit_opslaan(
            uow,
            inkoper,
            iv.CapaciteitInvoer(agb_code=a, regio=ROTTERDAM, jaar=JAAR, discipline="arts_vg", fte=Decimal("0.01")),
        )
    geaccepteerd, geweigerd = _declaraties(uowf, inkoper, client_id, a, b)
    return (
        f"\nZorginkoop: 2 regio's (Rotterdam, Zuid-Limburg), een open-huisexperiment, {len(contracten)} contracten, "
        f"een keuze (mpt bij 2 aanbieders) en een voucher; {geaccepteerd + geweigerd} declaratieregels "
        f"({geaccepteerd} geaccepteerd, {geweigerd} geweigerd); inloggen als {GEBRUIKER[0]} / {GEBRUIKER[2]} "
        "(zorginkoper). Tarieven, percentages, normen en declaraties zijn voorbeelden."
    )


#: the demo's declaration files: (provider index, lines ``regelnummer, client, prestatiecode, begindatum, einddatum,
#: aantal, bedrag``); ``{c}`` is the demo client. Amounts are examples at the example tariffs (M-BG 60.00 x 100% per
#: hour at provider a, M-PV 55.00 x 98% = 53.90 at provider b); each refused line shows one reason.
DECLARATIES: tuple[tuple[int, tuple[str, ...]], ...] = (
    (0, (
        "1,{c},M-BG,2017-02-01,2017-02-28,10,600.00",  # accepted
        "2,{c},M-BG,2017-03-01,2017-03-31,12,720.00",  # accepted
        "3,{c},M-BG,2017-04-01,2017-04-30,8,479.50",  # accepted: below the tariff
        "4,{c},M-BG,2017-05-01,2017-05-31,10,650.00",  # D07: above 10 x 60.00
        "5,{c},M-BG,2017-03-10,2017-03-20,2,120.00",  # D09: overlaps line 2
        "6,{c},ZI755,2017-02-01,2017-02-28,28,100.00",  # D11: ZI755 contracted as verblijf, the toewijzing is mpt
        "7,onbekend-demo,M-BG,2017-02-01,2017-02-28,1,60.00",  # D03: no such client
        "8,{c},M-PV,2017-02-01,2017-02-28,1,50.00",  # D05: provider a has no contract for M-PV
        "9,{c},M-BG,2017-06-01,2017-07-31,10,600.00",  # D01: a line covers one month
        "10,{c},M-BG,2018-01-01,2018-01-31,1,60.00",  # D04: the toewijzing ends 31-12-2017
    )),
    (1, (
        "11,{c},M-PV,2017-02-01,2017-02-28,10,539.00",  # accepted
        "12,{c},M-PV,2017-03-01,2017-03-31,10,539.00",  # accepted
    )),
    (1, ("13,{c},M-PV,2017-02-10,2017-02-12,2,107.80",)),  # D08: declared before (line 11)
)  # fmt: skip


def _declaraties(uowf: UnitOfWorkFactory, inkoper: Actor, client_id: str, a: str, b: str) -> tuple[int, int]:
    """Import the demo's declaration files through the same use case a provider's upload takes, so /declaraties,
    /grootboek and /inkooprapport show accepted and refused lines with several reasons."""
    kop = "regelnummer,client_id,prestatiecode,begindatum,einddatum,aantal,bedrag,zzp_code"
    geaccepteerd = geweigerd = 0
    for n, (aanbieder, regels) in enumerate(DECLARATIES, start=1):
        data = "\n".join([kop, *(r.format(c=client_id) + "," for r in regels)]) + "\n"
        with uowf(write=True) as uow:
            uit = declaraties.importeer(
                uow, inkoper, agb_code=(a, b)[aanbieder], bestandsnaam=f"demo-declaraties-{n}.csv", data=data.encode()
            )
        geaccepteerd += uit.aantal_geaccepteerd
        geweigerd += uit.aantal_geweigerd
    return geaccepteerd, geweigerd


def _client(uowf: UnitOfWorkFactory) -> tuple[str, str]:
    """A demo client (id, zorgprofiel) whose indicatiebesluit covers February to December of the year, a VG3-VG8
    one first; only when the demo has none, a new synthetic VG5 client at home."""
    i = orm.indicatiebesluiten.c
    q = (
        sa.select(i.client_id, i.zorgprofiel)
        .join(orm.clients, orm.clients.c.id == i.client_id)
        .where(
            i.ingangsdatum <= dt.date(JAAR, 2, 1),
            sa.or_(i.einddatum.is_(None), i.einddatum >= dt.date(JAAR, 12, 31)),
            orm.clients.c.postcode != "",
            orm.clients.c.huisnummer != "",
        )
        .order_by(i.besluitnummer)
    )
    with uowf() as uow:
        kandidaten = [(str(r[0]), str(r[1])) for r in uow.session.execute(q)]
    # only a VG3-VG8 client: for those the rules know the 2017 pgb amount the voucher is worth (any other profile
    # may not exist in 2017, e.g. GGZ-W2 from 2021, and the voucher would be refused)
    for client_id, zorgprofiel in kandidaten:
        if zorgprofiel in VG_2017:
            return client_id, zorgprofiel
    rng = random.Random("inkoop-demo")
    with uowf() as uow:
        nummer = bsnmod.synthetisch(rng)
        while uow.clients.met_bsn(nummer) is not None:
            nummer = bsnmod.synthetisch(rng)
    with uowf(write=True) as uow:
        c = dossier.registreer_client(
            uow,
            SYSTEEM,
            invoer.ClientInvoer(
                bsn=nummer,
                voornamen="Kees",
                achternaam="Keuzevrij",
                geboortedatum=dt.date(1980, 3, 3),
                straat="Kiesweg",
                huisnummer="7",
                postcode="3011AB",
                woonplaats="Rotterdam",
            ),
        )
    with uowf(write=True) as uow:
        dossier.registreer_indicatie(
            uow,
            SYSTEEM,
            c.id,
            invoer.IndicatieInvoer(
                besluitnummer="987654321",
                zorgprofiel="VG5",
                grondslagen=["05"],
                ingangsdatum=dt.date(JAAR, 1, 1),
                einddatum=dt.date(JAAR + 2, 12, 31),
            ),
        )
    return c.id, "VG5"
