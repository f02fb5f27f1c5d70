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
    Aanvraag,
    AanvraagInstelling,
    Adres,
    AW33Bericht,
    AW33Client,
    AW35Bericht,
    AW35Client,
    AW39Bericht,
    AW39Client,
    BijzondereSituatie,
    CA317Bericht,
    CA319Bericht,
    Client,
    Communicatie,
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
    Wzd,
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


# --------------------------------------------------------------------------------- random, every code path

#: the leveringsvormen an AW33 can assign (pgb only beside an MPT: TR021; VKB is never assigned: CS132)
_TOEWIJSBAAR = (
    codes.Leveringsvorm.VERBLIJF,
    codes.Leveringsvorm.VPT,
    codes.Leveringsvorm.MPT,
    codes.Leveringsvorm.DTV,
    codes.Leveringsvorm.PGB,
)
_RELATIES_ANDERS = tuple(
    s for s in codes.SoortRelatie if s not in (codes.SoortRelatie.PARTNER, codes.SoortRelatie.WIJKCOACH)
)  # CS123: 25 (wijkcoach) is never sent
_BURGERLIJKE_STAAT = tuple(
    s
    for s in codes.BurgerlijkeStaat
    if s not in (codes.BurgerlijkeStaat.GESCHEIDEN, codes.BurgerlijkeStaat.GESCHEIDEN_GEREGISTREERD_PARTNER)
)  # CS035


def _datum(rng: random.Random, van: dt.date, tot: dt.date) -> dt.date:
    return van + dt.timedelta(days=rng.randint(0, max(0, (tot - van).days)))


def _adres(rng: random.Random) -> Adres:
    """A Dutch address: LandCode NL with a Postcode (CD005) of the Dutch form (CS089) and a Huisnummer (CD025)."""
    return Adres(
        straatnaam=rng.choice(_STRATEN),
        huisnummer=rng.randint(1, 250),
        huisletter=rng.choice((None, None, "a", "B")),
        postcode=f"{rng.randint(1000, 9999)}{rng.choice('ABCDEGHJKL')}{rng.choice('ABCDEGHJKL')}",
        plaatsnaam=rng.choice(_PLAATSEN),
        landcode="NL",
    )


def _telefoon(rng: random.Random) -> Telefoon:
    return Telefoon("06" + "".join(rng.choice("0123456789") for _ in range(8)))


def _geboortedatum(rng: random.Random, jaar: int) -> tuple[dt.date, codes.DatumGebruik | None]:
    """A birth date, sometimes partly unknown, then written as TR097 wants (day 01, 01-01 or 1900-01-01)."""
    gebruik = rng.choice((None, None, None, *codes.DatumGebruik))
    datum = dt.date(jaar, rng.randint(1, 12), rng.randint(1, 28))
    if gebruik == codes.DatumGebruik.DAG_ONBEKEND:
        datum = datum.replace(day=1)
    elif gebruik == codes.DatumGebruik.DAG_EN_MAAND_ONBEKEND:
        datum = dt.date(jaar, 1, 1)
    elif gebruik == codes.DatumGebruik.ONBEKEND:
        datum = dt.date(1900, 1, 1)
    return datum, gebruik


def random_client(rng: random.Random, peildatum: dt.date) -> Client:
    """A fictitious client over every part IO31/AW33 can carry: relations (partner, others), a second contact,
    communication, Wzd, marital status, GP — each filled as the iWlz rules ask."""
    vrouw = rng.random() < 0.5
    achternaam, voorvoegsel = rng.choice(_ACHTERNAMEN)
    voornaam = rng.choice(_VOORNAMEN_V if vrouw else _VOORNAMEN_M)
    jaar = rng.randint(max(1906, peildatum.year - 115), peildatum.year - 1)  # TR002: under 120 at every date
    geboren, gebruik = _geboortedatum(rng, jaar)
    contacten = [Contact(soort=codes.AdresSoort.BRP, adres=_adres(rng), telefoon=(_telefoon(rng),) * rng.randint(0, 1))]
    extra = rng.choice(
        (None, codes.AdresSoort.CORRESPONDENTIE, codes.AdresSoort.VERBLIJF, codes.AdresSoort.TIJDELIJK_VERBLIJF)
    )
    if extra == codes.AdresSoort.CORRESPONDENTIE:  # a phone is enough for a contact without address (TR006)
        contacten.append(Contact(soort=extra, telefoon=(_telefoon(rng),), emailadres="post@voorbeeld.invalid"))
    elif extra == codes.AdresSoort.VERBLIJF:
        contacten.append(Contact(soort=extra, adres=_adres(rng), organisatie="Zorgcentrum De Linde"))
    elif extra == codes.AdresSoort.TIJDELIJK_VERBLIJF:  # a period only for a temporary address (CD009)
        begin = peildatum - dt.timedelta(days=rng.randint(0, 60))
        contacten.append(
            Contact(soort=extra, adres=_adres(rng), begindatum=begin, einddatum=begin + dt.timedelta(days=90))
        )
    relaties: list[Relatie] = []
    partner = rng.random() < 0.5
    if partner:  # CD017: birth date; TR005: address with number and postcode
        p_jaar = min(max(jaar + rng.randint(-5, 5), peildatum.year - 115), peildatum.year - 1)
        p_geboren, p_gebruik = _geboortedatum(rng, p_jaar)
        relaties.append(
            Relatie(
                nummer="P1",
                soort=codes.SoortRelatie.PARTNER,
                naam=Naam(*rng.choice(_ACHTERNAMEN), rng.choice(_VOORNAMEN_M + _VOORNAMEN_V)),
                contact=Contact(soort=codes.AdresSoort.BRP, adres=contacten[0].adres),
                volgorde=rng.choice((None, 1)),
                geboortedatum=p_geboren,
                geboortedatum_gebruik=p_gebruik,
                geslacht=rng.choice(tuple(codes.Geslacht)),
            )
        )
    for n in range(rng.randint(0, 2)):  # CD016: a relation other than a partner has a Volgorde
        relaties.append(
            Relatie(
                nummer=f"R{n + 1}",
                soort=rng.choice(_RELATIES_ANDERS),
                naam=Naam(*rng.choice(_ACHTERNAMEN), voorletters=rng.choice("ABCDEHJKMPRSW")),
                contact=Contact(soort=codes.AdresSoort.CORRESPONDENTIE, telefoon=(_telefoon(rng),)),
                volgorde=n + 2,
            )
        )
    # TR004: a household with a partner (3, 4) names the partner among the relations
    leefeenheden = (
        tuple(codes.Leefeenheid)
        if partner
        else tuple(
            lf
            for lf in codes.Leefeenheid
            if lf not in (codes.Leefeenheid.MET_PARTNER, codes.Leefeenheid.PARTNER_EN_KINDEREN)
        )
    )
    vorm = rng.choice((None, *codes.Communicatievorm))
    verklaring = rng.choice((None, *codes.WzdVerklaring))
    wzd = None
    if verklaring is not None:  # CD070: dates exactly with verklaring 1
        met_data = verklaring == codes.WzdVerklaring.OPNAME_ART21_AAN_DE_ORDE
        wzd = Wzd(
            verklaring,
            peildatum - dt.timedelta(days=30) if met_data else None,
            peildatum + dt.timedelta(days=335) if met_data else None,
        )
    return Client(
        bsn=synthetisch(rng),
        geboortedatum=geboren,
        geboortedatum_gebruik=gebruik,
        geslacht=rng.choice(tuple(codes.Geslacht)),
        naam=Naam(achternaam, voorvoegsel, voornaam, voornaam[0]),
        contacten=tuple(contacten),
        leefeenheid=rng.choice(leefeenheden),
        geheim=rng.random() < 0.1,
        burgerlijke_staat=rng.choice((None, *_BURGERLIJKE_STAAT)),
        huisarts=rng.choice((None, "01" + "".join(rng.choice("0123456789") for _ in range(6)))),  # CS069
        # CD007: a language only with tolk taal
        communicatie=None
        if vorm is None
        else Communicatie(vorm, "Turks" if vorm == codes.Communicatievorm.TOLK_TAAL else None),
        wzd=wzd,
        commentaar=rng.choice((None, "Synthetische cliënt")),
        relaties=tuple(relaties),
    )


def _random_functies(rng: random.Random, ingang: dt.date, einde: dt.date | None) -> tuple[GeindiceerdeFunctie, ...]:
    """Some indicated functions, each once (TR035), with a klasse of its own (TR008), Vervoer for a group
    (CD022), Opslag only on the top klasse (TR010) and never on verblijf tijdelijk (TR034)."""
    uit = []
    for f in rng.sample(list(codes.FunctieCode), rng.randint(0, 3)):
        klassen = codes.KLASSEN_PER_FUNCTIE[f]
        klasse = rng.choice(klassen)
        opslag_mag = klasse == klassen[-1] and f != codes.FunctieCode.VERBLIJF_TIJDELIJK and klasse != "99"
        groep = f in (codes.FunctieCode.BEHANDELING_GROEP, codes.FunctieCode.BEGELEIDING_GROEP)
        uit.append(
            GeindiceerdeFunctie(
                functiecode=f,
                ingangsdatum=ingang,
                einddatum=einde,
                klasse=klasse,
                leveringsvoorwaarde=rng.choice(tuple(codes.Leveringsvoorwaarde)),
                opslag=rng.choice((None, 10, 25)) if opslag_mag else None,
                vervoer=rng.choice((codes.Vervoer.NODIG, codes.Vervoer.NIET_NODIG)) if groep else None,
            )
        )
    return tuple(uit)


def random_indicatie(rng: random.Random, afgifte: dt.date) -> Indicatiebesluit:
    """A CIZ decision with any zorgprofiel (``wlz.reference``), klasse KE4–KE7 (CS074), some functions; every
    zorgeenheid runs exactly as long as the decision (TR014, TR015)."""
    from wlz.reference import by_cod163

    ingang = afgifte + dt.timedelta(days=rng.randint(0, 14))
    einde = rng.choice((None, ingang + dt.timedelta(days=rng.randint(365, 5 * 365))))
    zzp = GeindiceerdZzp(
        zzp_code=rng.choice(sorted(by_cod163())),
        ingangsdatum=ingang,
        einddatum=einde,
        klasse=rng.choice(codes.ZZP_KLASSEN),
        voorkeur_client=rng.choice((None, *codes.VoorkeurClient)),
    )
    return Indicatiebesluit(
        besluitnummer=rng.randint(1, 999_999_999),
        afgiftedatum=afgifte,
        ingangsdatum=ingang,
        einddatum=einde,
        grondslagen=tuple(rng.sample(list(codes.Grondslag), rng.randint(1, 2))),  # CD029
        zorgzwaartepakketten=(zzp,),
        functies=_random_functies(rng, ingang, einde),
        meerzorg=rng.choice((None, True, False)),
        commentaar=rng.choice((None, "Synthetisch besluit")),
    )


@dataclass(frozen=True)
class RandomKeten:
    """The messages of one random episode; CA317/CA319 are None when nothing was to be reported to the CAK."""

    io31: IO31Bericht
    aw33: AW33Bericht
    aw35: AW35Bericht
    ca317: CA317Bericht | None
    aw39: AW39Bericht
    ca319: CA319Bericht | None


def _random_aanvraag(rng: random.Random, e: _Episode, ind: Indicatiebesluit, dag: dt.date) -> Aanvraag:
    """A request for a (changed) toewijzing: the fields per leveringsvorm from :mod:`wlz.iwlz.leveringsvorm`,
    a bijzondere situatie as CD048 wants it, at most one instelling with Opname per day (TR120)."""
    vorm = rng.choice((codes.Leveringsvorm.VERBLIJF, codes.Leveringsvorm.VPT, codes.Leveringsvorm.MPT))
    situatie = rng.choice(
        (
            None,
            BijzondereSituatie(extra_kosten_thuis=True),
            BijzondereSituatie(toeslag_beademing=rng.choice(tuple(codes.ToeslagBeademing))),
            BijzondereSituatie(toeslag_overig=rng.choice(tuple(codes.ToeslagOverig))),
        )
    )
    instellingen = [
        AanvraagInstelling(
            e.instelling,
            dag,
            **leveringsvorm.fields("AanvraagInstelling", vorm, percentage=rng.choice((50, 100, 125)), opname=True),
        )
    ]
    if rng.random() < 0.5:
        instellingen.append(
            AanvraagInstelling(
                synthetische_agb(rng),
                dag,
                soort=codes.SoortToewijzing.OVERBRUGGING,
                toewijzing_einddatum=dag + dt.timedelta(days=60),
                **leveringsvorm.fields("AanvraagInstelling", vorm, percentage=50, opname=False),
            )
        )
    return Aanvraag(
        besluitnummer=ind.besluitnummer,
        afgiftedatum=ind.afgiftedatum,
        instelling=e.instelling,
        zzp_code=e.zzp_code,
        leveringsvorm=vorm,
        instellingen=tuple(instellingen),
        bijzondere_situatie=situatie,
        **leveringsvorm.fields(
            "Aanvraag",
            vorm,
            klasse=rng.choice(codes.ZZP_KLASSEN),
            dossierhouder=e.instelling,
            coordinator_zorg_thuis=e.instelling,
            doelmatig=True,  # CD047: "nee" would need a bijzondere situatie
            verantwoord=True,
            etmalen=codes.Etmalen.VIER,
        ),
    )


def random_keten(rng: random.Random, *, zorgkantoor: str = "5509") -> RandomKeten:
    """One random episode over every code path the messages have: any client (relations, contacts, Wzd), any
    zorgprofiel with any functions and klassen, every leveringsvorm (pgb beside an MPT), toewijzingen with and
    without an end, start of care (first or deleting report), every mutation code with the statuses it allows,
    requests for a changed toewijzing, and what goes to the CAK. Every message is composed by the rules the
    XSLT set checks, so each must pass it (``tests/iwlz/test_iwlz_conformiteit.py``)."""
    afgifte = dt.date(rng.randint(2020, 2025), rng.randint(1, 12), rng.randint(1, 28))  # DTV only from 2020 (TR124)
    client = random_client(rng, afgifte)
    ind = random_indicatie(rng, afgifte)
    vorm = rng.choice(_TOEWIJSBAAR)
    instelling = synthetische_agb(rng)
    start = _datum(rng, ind.ingangsdatum, ind.ingangsdatum + dt.timedelta(days=60))
    if ind.einddatum is not None and start > ind.einddatum:
        start = ind.ingangsdatum
    e = _Episode(
        client, instelling, ind.besluitnummer, afgifte, ind.zorgzwaartepakketten[0].zzp_code, vorm, zorgkantoor, start
    )
    io31 = IO31Bericht(
        ontvanger=zorgkantoor,
        identificatie=_identificatie(rng, "IO"),
        dagtekening=afgifte,
        clienten=(IO31Client(client, ind),),
    )
    # the toewijzing: within the decision (TR016), sometimes ending (end of care) before the decision does
    eind = rng.choice((None, start + dt.timedelta(days=rng.randint(30, 400))))
    if ind.einddatum is not None and (eind is None or eind > ind.einddatum):
        eind = ind.einddatum
    toewijzingsdatum = min(start, afgifte + dt.timedelta(days=rng.randint(0, 10)))
    tijd = dt.time(rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59))
    klasse = ind.zorgzwaartepakketten[0].klasse
    zzps = tuple(
        ToegewezenZzp(
            zzp_code=e.zzp_code,
            zorgkantoor=zorgkantoor,  # TR065: the assigning party is the sender
            leveringsvorm=v,
            ingangsdatum=start,
            einddatum=eind,
            toewijzingsdatum=toewijzingsdatum,
            toewijzingstijd=tijd,
            soort=rng.choice((codes.SoortToewijzing.REGULIER, codes.SoortToewijzing.OVERBRUGGING)),
            **leveringsvorm.fields(
                "ToegewezenZorgzwaartepakket",
                v,
                instelling=instelling,
                percentage=rng.choice((50, 100)),
                klasse=klasse,
                opname=rng.choice((True, False)),
                etmalen=rng.choice(tuple(codes.Etmalen)),
                dossierhouder=instelling,
                coordinator_zorg_thuis=instelling,
            ),
        )
        for v in e.toegewezen
    )
    # the functions of an MPT (also beside a pgb): what was indicated, as indicated (TR082 for ADL)
    functies = tuple(
        ToegewezenFunctie(
            functiecode=f.functiecode,
            instelling=instelling,
            zorgkantoor=zorgkantoor,
            ingangsdatum=start,
            einddatum=eind,
            toewijzingsdatum=toewijzingsdatum,
            toewijzingstijd=tijd,
            klasse=f.klasse,
            opslag=f.opslag,
            vervoer=f.vervoer,
        )
        for f in (ind.functies if (e.mpt or e.pgb) else ())
    )
    aw33 = AW33Bericht(
        afzender=zorgkantoor,
        ontvanger=instelling,
        identificatie=_identificatie(rng, "TW"),
        dagtekening=toewijzingsdatum,
        clienten=(
            AW33Client(
                client=client,
                indicatie=replace(ind, meerzorg=None),
                toegewezen_zzps=zzps,
                toegewezen_functies=functies,
                partneropname=rng.random() < 0.1,
            ),
        ),
    )
    # start of care: a first report (or a deletion of one), at or after the toewijzing's start
    begin = _datum(rng, start, eind or start + dt.timedelta(days=20))
    status = rng.choice(
        (codes.StatusAanlevering.EERSTE_AANLEVERING,) * 4 + (codes.StatusAanlevering.VERWIJDEREN_AANLEVERING,)
    )
    verblijf = e.geleverd == codes.Leveringsvorm.VERBLIJF
    geleverd = GeleverdZzp(
        besluitnummer=ind.besluitnummer,
        zzp_code=e.zzp_code,
        toewijzing_ingangsdatum=start,
        begindatum=begin,
        instelling=instelling,
        leveringsvorm=e.geleverd,
        status_aanlevering=status,
        # CD004: a sleuteldatum only for verblijf, and before the begindatum (CS088)
        sleuteldatum=begin - dt.timedelta(days=1) if verblijf and rng.random() < 0.3 else None,
        behandeling=rng.choice((None, True, False)),
        **leveringsvorm.fields(
            "GeleverdZorgzwaartepakket", e.geleverd, klasse=klasse, etmalen=zzps[0].etmalen or codes.Etmalen.VIER
        ),
    )
    geleverde_functies = tuple(
        GeleverdeFunctie(
            besluitnummer=ind.besluitnummer,
            functiecode=f.functiecode,
            toewijzing_ingangsdatum=start,
            begindatum=begin,
            instelling=instelling,
            klasse=f.klasse,
            opslag=f.opslag,
            status_aanlevering=status,
        )
        for f in functies
    )
    aw35 = AW35Bericht(
        afzender=instelling,
        ontvanger=zorgkantoor,
        identificatie=_identificatie(rng, "MA"),
        dagtekening=begin + dt.timedelta(days=rng.randint(0, 5)),
        clienten=(AW35Client(client=client.kort(), geleverde_zzps=(geleverd,), geleverde_functies=geleverde_functies),),
    )
    gid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
    ca317 = ca317_from_aw35(
        aw35,
        identificatie=_identificatie(rng, "CA"),
        dagtekening=aw35.dagtekening,
        zorg_id={(client.bsn, ind.besluitnummer, e.zzp_code, begin): gid},
    )
    # a mutation: any code, with the statuses it allows (TR046, CS131, CD090), a begindatum only when care ran
    # (TR066), a destination for a transfer (CD020); a request for a changed toewijzing beside 12/18/19 (TR041)
    code = rng.choice(tuple(codes.MutatieCode))
    loopt = code in codes.MUTATIECODES_MET_BEGINDATUM
    mutatiedatum = (
        begin + dt.timedelta(days=rng.randint(0, 400)) if loopt else start + dt.timedelta(days=rng.randint(0, 20))
    )
    leveringsstatus = rng.choice(codes.LEVERINGSSTATUS_PER_MUTATIECODE[code])
    classificaties = codes.CLASSIFICATIES_PER_LEVERINGSSTATUS.get(leveringsstatus)
    bestemming = synthetische_agb(rng) if code in codes.MUTATIECODES_MET_BESTEMMING else None
    mutatie_status = rng.choice(
        (codes.StatusAanlevering.EERSTE_AANLEVERING,) * 4 + (codes.StatusAanlevering.VERWIJDEREN_AANLEVERING,)
    )
    mutatie = MutatieZzp(
        besluitnummer=ind.besluitnummer,
        zzp_code=e.zzp_code,
        toewijzing_ingangsdatum=start,
        instelling=instelling,
        mutatiecode=code,
        mutatiedatum=mutatiedatum,
        leveringsstatus=leveringsstatus,
        leveringsvorm=e.geleverd,
        begindatum=begin if loopt else None,
        leveringsstatus_classificatie=rng.choice(classificaties) if classificaties else None,
        instelling_bestemming=bestemming,
        status_aanlevering=mutatie_status,
    )
    mutatie_functies = tuple(
        MutatieFunctie(
            besluitnummer=ind.besluitnummer,
            functiecode=f.functiecode,
            toewijzing_ingangsdatum=start,
            instelling=instelling,
            mutatiecode=code,
            mutatiedatum=mutatiedatum,
            begindatum=begin if loopt else None,
            instelling_bestemming=bestemming,
            status_aanlevering=mutatie_status,
        )
        for f in functies
    )
    aanvragen: tuple[Aanvraag, ...] = ()
    if (
        code
        in (
            codes.MutatieCode.CLIENT_WIL_NOG_NIET,
            codes.MutatieCode.AANBIEDER_KAN_NOG_NIET,
            codes.MutatieCode.BEEINDIGD_TOEWIJZING_SLUITEN,
        )
        and rng.random() < 0.3
    ):
        aanvragen = (_random_aanvraag(rng, e, ind, mutatiedatum + dt.timedelta(days=1)),)
    aw39 = AW39Bericht(
        afzender=instelling,
        ontvanger=zorgkantoor,
        identificatie=_identificatie(rng, "MU"),
        dagtekening=mutatiedatum + dt.timedelta(days=rng.randint(0, 5)),
        clienten=(
            AW39Client(
                client=client.kort(), mutatie_zzps=(mutatie,), mutatie_functies=mutatie_functies, aanvragen=aanvragen
            ),
        ),
    )
    ca319 = ca319_from_aw39(
        aw39,
        identificatie=_identificatie(rng, "CB"),
        dagtekening=aw39.dagtekening,
        zorg_id={(client.bsn, ind.besluitnummer, e.zzp_code, begin): gid} if ca317 is not None else {},
    )
    return RandomKeten(io31=io31, aw33=aw33, aw35=aw35, ca317=ca317, aw39=aw39, ca319=ca319)
