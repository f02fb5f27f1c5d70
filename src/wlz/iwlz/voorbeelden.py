"""Synthetic, internally consistent iWlz message chains for tests and demo data — no real people.

:func:`keten` builds, for one synthetic client, the messages of a care episode as they follow each other:
IO31 (CIZ decision) → AW33 (toewijzing to a provider) → AW35 (care started) → CA317 (start reported to
the CAK) → AW39 (care ended). The same seed gives the same chain, so tests and demo data are repeatable.

Names, addresses, AGB codes and besluitnummers are random and fictitious; BSNs come from
:func:`wlz.bsn.synthetisch` and pass the elfproef. Every message here validates against the XSDs
(``tests/iwlz`` checks each leveringsvorm).
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from dataclasses import dataclass, replace

from wlz.bsn import synthetisch
from wlz.iwlz import codes, leveringsvorm
from wlz.iwlz.ca317 import ca317_from_aw35
from wlz.iwlz.ca319 import ZorgSleutel, ca319_from_aw39
from wlz.iwlz.model import (
    Adres,
    AW33Bericht,
    AW33Client,
    AW35Bericht,
    AW35Client,
    AW39Bericht,
    AW39Client,
    CA317Bericht,
    CA319Bericht,
    Client,
    Contact,
    GeindiceerdeFunctie,
    GeindiceerdZzp,
    GeleverdeFunctie,
    GeleverdZzp,
    Indicatiebesluit,
    IO31Bericht,
    IO31Client,
    MutatieFunctie,
    MutatieZzp,
    Naam,
    Relatie,
    Telefoon,
    ToegewezenFunctie,
    ToegewezenZzp,
)

_ACHTERNAMEN = [
    ("Jansen", None),
    ("Vries", "de"),
    ("Berg", "van den"),
    ("Bakker", None),
    ("Dijk", "van"),
    ("Visser", None),
    ("Smit", None),
    ("Meer", "van der"),
    ("Yilmaz", None),
    ("Bouali", None),
]
_VOORNAMEN_V = ["Johanna", "Maria", "Fatima", "Anna", "Wilhelmina", "Sanne", "Els", "Noor"]
_VOORNAMEN_M = ["Jan", "Pieter", "Mohammed", "Kees", "Hendrik", "Daan", "Ahmet", "Bram"]
_STRATEN = ["Dorpsstraat", "Kerkweg", "Lindelaan", "Molenstraat", "Stationsplein", "Beukenhof"]
_PLAATSEN = ["Utrecht", "Amersfoort", "Zeist", "Nieuwegein", "Houten", "Veenendaal"]

#: functions and klassen used for an MPT example (COD732 / COD756)
_MPT_FUNCTIES = (
    (codes.FunctieCode.BEGELEIDING_INDIVIDUEEL, "K3"),
    (codes.FunctieCode.PERSOONLIJKE_VERZORGING, "K2"),
)


def synthetische_agb(rng: random.Random) -> str:
    """A random fictitious 8-digit iWlz-AGB code (format only; not a real provider)."""
    return "".join(rng.choice("0123456789") for _ in range(8))


def synthetische_client(rng: random.Random, *, geboortedatum: dt.date | None = None) -> Client:
    """A fictitious client with a BRP address, a phone number and (sometimes) a partner."""
    vrouw = rng.random() < 0.6
    achternaam, voorvoegsel = rng.choice(_ACHTERNAMEN)
    voornaam = rng.choice(_VOORNAMEN_V if vrouw else _VOORNAMEN_M)
    geboren = geboortedatum or dt.date(rng.randint(1930, 2000), rng.randint(1, 12), rng.randint(1, 28))
    adres = Adres(
        straatnaam=rng.choice(_STRATEN),
        huisnummer=rng.randint(1, 250),
        postcode=f"{rng.randint(1000, 9999)}{rng.choice('ABCDEGHJKL')}{rng.choice('ABCDEGHJKL')}",
        plaatsnaam=rng.choice(_PLAATSEN),
        landcode="NL",
    )
    relaties: tuple[Relatie, ...] = ()
    heeft_partner = rng.random() < 0.5
    if heeft_partner:
        p_achternaam, p_voorvoegsel = rng.choice(_ACHTERNAMEN)
        relaties = (
            Relatie(
                nummer="1",
                soort=codes.SoortRelatie.PARTNER,
                naam=Naam(p_achternaam, p_voorvoegsel, rng.choice(_VOORNAMEN_M if vrouw else _VOORNAMEN_V)),
                contact=Contact(soort=codes.AdresSoort.BRP, adres=adres),
                volgorde=1,
                # CD017: a partner's birth date is required; derived, not drawn, so a seed gives the same client
                geboortedatum=dt.date(geboren.year - 2, geboren.month, min(geboren.day, 28)),
            ),
        )
    return Client(
        bsn=synthetisch(rng),
        geboortedatum=geboren,
        geslacht=codes.Geslacht.VROUW if vrouw else codes.Geslacht.MAN,
        naam=Naam(achternaam, voorvoegsel, voornaam, voornaam[0]),
        contacten=(
            Contact(
                soort=codes.AdresSoort.BRP,
                adres=adres,
                telefoon=(Telefoon("06" + "".join(rng.choice("0123456789") for _ in range(8))),),
            ),
        ),
        leefeenheid=codes.Leefeenheid.MET_PARTNER if heeft_partner else codes.Leefeenheid.ALLEENWONEND,
        relaties=relaties,
    )


@dataclass(frozen=True)
class Keten:
    """The messages of one synthetic care episode, in the order they are exchanged."""

    io31: IO31Bericht
    aw33: AW33Bericht
    aw35: AW35Bericht
    ca317: CA317Bericht | None
    aw39: AW39Bericht
    #: the end of care of ``aw39`` reported to the CAK, naming the ``GeleverdeZorgID`` of ``ca317``
    ca319: CA319Bericht | None = None


_VOORKEUR = {
    codes.Leveringsvorm.VERBLIJF: codes.VoorkeurClient.VERBLIJF,
    codes.Leveringsvorm.VPT: codes.VoorkeurClient.VPT,
    codes.Leveringsvorm.MPT: codes.VoorkeurClient.MPT,
    codes.Leveringsvorm.PGB: codes.VoorkeurClient.PGB,
    codes.Leveringsvorm.DTV: codes.VoorkeurClient.DTV,
}


@dataclass(frozen=True)
class _Episode:
    """The facts every message of one chain repeats: who, which decision, which provider, which care."""

    client: Client
    instelling: str
    besluitnummer: int
    afgifte: dt.date
    zzp_code: str
    leveringsvorm: codes.Leveringsvorm
    zorgkantoor: str
    start: dt.date

    @property
    def mpt(self) -> bool:
        return self.leveringsvorm == codes.Leveringsvorm.MPT

    @property
    def dtv(self) -> bool:
        return self.leveringsvorm == codes.Leveringsvorm.DTV

    @property
    def pgb(self) -> bool:
        return self.leveringsvorm == codes.Leveringsvorm.PGB

    @property
    def geleverd(self) -> codes.Leveringsvorm:
        """The leveringsvorm the provider delivers and reports (AW35/AW39): for pgb the MPT beside it."""
        return codes.Leveringsvorm.MPT if self.pgb else self.leveringsvorm

    @property
    def toegewezen(self) -> tuple[codes.Leveringsvorm, ...]:
        """The toewijzingen of the AW33: a pgb only beside an MPT of the provider (TR021, CS127)."""
        return (codes.Leveringsvorm.MPT, codes.Leveringsvorm.PGB) if self.pgb else (self.leveringsvorm,)

    @property
    def functies(self) -> tuple[tuple[codes.FunctieCode, str], ...]:
        """The assigned functions with their klasse: only an MPT (also the one beside a pgb) has them."""
        return _MPT_FUNCTIES if self.mpt or self.pgb else ()


def _identificatie(rng: random.Random, prefix: str) -> str:
    return f"{prefix}{rng.randint(0, 10**9):09d}"


def _indicatiebesluit(rng: random.Random, e: _Episode) -> Indicatiebesluit:
    """The CIZ decision: one zzp with the client's preference, the MPT functions, one grondslag."""
    return Indicatiebesluit(
        besluitnummer=e.besluitnummer,
        afgiftedatum=e.afgifte,
        ingangsdatum=e.afgifte,
        grondslagen=(codes.Grondslag.SOMATISCH,) if rng.random() < 0.5 else (codes.Grondslag.PSYCHOGERIATRISCH,),
        zorgzwaartepakketten=(
            GeindiceerdZzp(zzp_code=e.zzp_code, ingangsdatum=e.afgifte, voorkeur_client=_VOORKEUR.get(e.leveringsvorm)),
        ),
        functies=tuple(GeindiceerdeFunctie(functiecode=f, ingangsdatum=e.afgifte, klasse=k) for f, k in e.functies),
        meerzorg=False,
    )


def _aw33(rng: random.Random, e: _Episode, indicatie: Indicatiebesluit) -> AW33Bericht:
    """The toewijzing a week before the start: the zzp (or for pgb no provider) and the MPT functions."""
    toewijzingsdatum = e.start - dt.timedelta(days=7)
    tijd = dt.time(rng.randint(8, 17), rng.randint(0, 59), rng.randint(0, 59))
    zzps = tuple(
        ToegewezenZzp(
            zzp_code=e.zzp_code,
            zorgkantoor=e.zorgkantoor,
            leveringsvorm=vorm,
            ingangsdatum=e.start,
            toewijzingsdatum=toewijzingsdatum,
            toewijzingstijd=tijd,
            # the whole zzp to this one provider; which of these fields the leveringsvorm has: leveringsvorm.REGELS
            **leveringsvorm.fields(
                "ToegewezenZorgzwaartepakket",
                vorm,
                instelling=e.instelling,
                percentage=100,
                klasse=indicatie.zorgzwaartepakketten[0].klasse,
                etmalen=codes.Etmalen.DRIE_EN_HALF,
                dossierhouder=e.instelling,
                coordinator_zorg_thuis=e.instelling,
                opname=True,
            ),
        )
        for vorm in e.toegewezen
    )
    functies = tuple(
        ToegewezenFunctie(
            functiecode=f,
            instelling=e.instelling,
            zorgkantoor=e.zorgkantoor,
            ingangsdatum=e.start,
            toewijzingsdatum=toewijzingsdatum,
            toewijzingstijd=tijd,
            klasse=k,
        )
        for f, k in e.functies
    )
    item = AW33Client(
        client=e.client,
        indicatie=replace(indicatie, meerzorg=None),  # AW33 has no Meerzorg
        toegewezen_zzps=zzps,
        toegewezen_functies=functies,
    )
    return AW33Bericht(
        afzender=e.zorgkantoor,
        ontvanger=e.instelling,
        identificatie=_identificatie(rng, "TW"),
        dagtekening=toewijzingsdatum,
        clienten=(item,),
    )


def _aw35(rng: random.Random, e: _Episode, begin: dt.date) -> AW35Bericht:
    """The provider's report that the zzp and the functions started on ``begin``."""
    zzp = GeleverdZzp(
        besluitnummer=e.besluitnummer,
        zzp_code=e.zzp_code,
        toewijzing_ingangsdatum=e.start,
        begindatum=begin,
        instelling=e.instelling,
        leveringsvorm=e.geleverd,
        behandeling=False if e.leveringsvorm == codes.Leveringsvorm.VERBLIJF else None,
        **leveringsvorm.fields(
            "GeleverdZorgzwaartepakket",
            e.geleverd,
            klasse=codes.ZZP_KLASSE_VOLLEDIG,
            etmalen=codes.Etmalen.DRIE_EN_HALF,
        ),
    )
    functies = tuple(
        GeleverdeFunctie(
            besluitnummer=e.besluitnummer,
            functiecode=f,
            toewijzing_ingangsdatum=e.start,
            begindatum=begin,
            instelling=e.instelling,
            klasse=k,
        )
        for f, k in e.functies
    )
    item = AW35Client(client=e.client.kort(), geleverde_zzps=(zzp,), geleverde_functies=functies)
    return AW35Bericht(
        afzender=e.instelling,
        ontvanger=e.zorgkantoor,
        identificatie=_identificatie(rng, "MA"),
        dagtekening=begin,
        clienten=(item,),
    )


def _aw39(rng: random.Random, e: _Episode, begin: dt.date, einde: dt.date) -> AW39Bericht:
    """The provider's report that all care ended on ``einde`` (code 19: close the toewijzing)."""
    reden = codes.MutatieCode.BEEINDIGD_TOEWIJZING_SLUITEN
    zzp = MutatieZzp(
        besluitnummer=e.besluitnummer,
        zzp_code=e.zzp_code,
        toewijzing_ingangsdatum=e.start,
        instelling=e.instelling,
        mutatiecode=reden,
        mutatiedatum=einde,
        leveringsstatus=codes.Leveringsstatus.EINDE_ZORGVRAAG,
        leveringsvorm=e.geleverd,
        begindatum=begin,
    )
    functies = tuple(
        MutatieFunctie(
            besluitnummer=e.besluitnummer,
            functiecode=f,
            toewijzing_ingangsdatum=e.start,
            instelling=e.instelling,
            mutatiecode=reden,
            mutatiedatum=einde,
            begindatum=begin,
        )
        for f, _ in e.functies
    )
    item = AW39Client(client=e.client.kort(), mutatie_zzps=(zzp,), mutatie_functies=functies)
    return AW39Bericht(
        afzender=e.instelling,
        ontvanger=e.zorgkantoor,
        identificatie=_identificatie(rng, "MU"),
        dagtekening=einde,
        clienten=(item,),
    )


def _gemeld(ca317: CA317Bericht | None, besluitnummer: int) -> dict[ZorgSleutel, str]:
    """The ``GeleverdeZorgID`` of each delivery the CA317 reported, keyed as the CA319 looks them up."""
    if ca317 is None:
        return {}
    return {
        (c.bsn, besluitnummer, z.zzp_code, z.startdatum): z.geleverde_zorg_id
        for c in ca317.clienten
        for z in c.zorgleveringen
    }


def keten(
    seed: int | str = 0,
    *,
    zzp_code: str = "754",
    leveringsvorm: codes.Leveringsvorm = codes.Leveringsvorm.VERBLIJF,
    zorgkantoor: str = "5509",
    start: dt.date = dt.date(2025, 1, 6),
    instelling: str | None = None,
) -> Keten:
    """A consistent IO31 → AW33 → AW35 → CA317 → AW39 → CA319 chain for one synthetic client.

    MPT adds two assigned functions (begeleiding, persoonlijke verzorging); DTV adds ``Etmalen``. PGB is the
    combination the iWlz can carry: a pgb toewijzing has no provider (CD040) and an AW33 must assign something
    to its receiver (TR021), while AW35/AW39 never report leveringsvorm 2 (CS127) — so the AW33 assigns the
    pgb beside an MPT (with its functions) of the provider, and the AW35/AW39 report that MPT. ``instelling``
    (an iWlz-AGB code) fixes the provider, e.g. to put chains of several clients in one provider's message. The random
    draws happen in one fixed order, so a seed always gives the same chain.
    """
    rng = random.Random(f"iwlz-keten-{seed}")
    client = synthetische_client(rng)
    agb = synthetische_agb(rng)  # drawn also when given, so a seed gives the same chain otherwise
    instelling = instelling or agb
    besluitnummer = rng.randint(100000, 999999999)
    afgifte = start - dt.timedelta(days=rng.randint(14, 60))
    e = _Episode(client, instelling, besluitnummer, afgifte, zzp_code, leveringsvorm, zorgkantoor, start)

    indicatie = _indicatiebesluit(rng, e)
    io31 = IO31Bericht(
        ontvanger=zorgkantoor,
        identificatie=_identificatie(rng, "IO"),
        dagtekening=afgifte,
        clienten=(IO31Client(client, indicatie),),
    )
    aw33 = _aw33(rng, e, indicatie)

    begin = start + dt.timedelta(days=rng.randint(0, 10))
    aw35 = _aw35(rng, e, begin)
    ca317 = ca317_from_aw35(
        aw35,
        identificatie=_identificatie(rng, "CA"),
        dagtekening=begin,
        zorg_id={
            (client.bsn, besluitnummer, zzp_code, begin): str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        },
    )

    einde = begin + dt.timedelta(days=rng.randint(30, 700))
    aw39 = _aw39(rng, e, begin, einde)
    ca319 = ca319_from_aw39(
        aw39, identificatie=_identificatie(rng, "CB"), dagtekening=einde, zorg_id=_gemeld(ca317, besluitnummer)
    )
    return Keten(io31=io31, aw33=aw33, aw35=aw35, ca317=ca317, aw39=aw39, ca319=ca319)
