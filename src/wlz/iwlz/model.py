"""The case data of the iWlz 2.2 messages IO31, AW33, AW35, AW39, CA317 and CA319, as the service uses it.

Why beside the generated bindings (:mod:`wlz.iwlz.bindings`): the bindings are the XML's shape — dates and
times as text, ``LDT_JaNee`` as an enum, percentages in hundredths, code lists named ``VALUE_19``, and one class
per message for the same thing (seven ``Client`` classes). The service, the letters and the tests work with
Python types instead: ``datetime.date``/``time``, ``bool``, whole percentages, the named enums of
:mod:`wlz.iwlz.codes` and one :class:`Client` for every message. Field names are the XSD element names in
snake_case, so :func:`wlz.iwlz.codec.to_binding`/``from_binding`` map most records by name.

Why one :class:`Client` for all messages: the service keeps one client record and passes it to every
builder. IO31/AW33 use the full person (names, contacts, relations); AW35/AW39 only use BSN, birth date,
sex and the short name (``CDT_VerkorteNaam``), CA317 only the BSN. Readers of the short messages return a
``Client`` whose contact fields are empty.

All classes are frozen: a message read from a file is a fact, changing it means building a new one.
Collections are tuples for the same reason.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from wlz.iwlz.codes import (
    EINDE_ZORG,
    ZZP_KLASSE_VOLLEDIG,
    AdresSoort,
    BurgerlijkeStaat,
    Communicatievorm,
    DatumGebruik,
    Etmalen,
    Financiering,
    FunctieCode,
    Geslacht,
    Grondslag,
    Leefeenheid,
    Leveringsstatus,
    Leveringsvoorwaarde,
    Leveringsvorm,
    MutatieCode,
    NaamGebruik,
    RedenIntrekking,
    SoortIndicatie,
    SoortRelatie,
    SoortToewijzing,
    StatusAanlevering,
    ToeslagBeademing,
    ToeslagOverig,
    Vervoer,
    VoorkeurClient,
    WzdVerklaring,
)

if TYPE_CHECKING:
    from wlz.reference import Zorgprofiel

# --------------------------------------------------------------------------------------------- person


@dataclass(frozen=True)
class Naam:
    """A person's name (``CDT_VolledigeNaam``; the short messages use only the first four fields).

    ``achternaam``/``voorvoegsel`` form the Geslachtsnaam ("de Vries": achternaam "Vries", voorvoegsel "de").
    """

    achternaam: str
    voorvoegsel: str | None = None
    voornamen: str | None = None
    voorletters: str | None = None
    partner_achternaam: str | None = None
    partner_voorvoegsel: str | None = None
    naamgebruik: NaamGebruik = NaamGebruik.EIGEN_NAAM

    @property
    def volledig(self) -> str:
        """Name as written on a letter: "Jan de Vries" (or initials when no first names are known)."""
        delen = [self.voornamen or self.voorletters or "", self.voorvoegsel or "", self.achternaam]
        return " ".join(d for d in delen if d)


@dataclass(frozen=True)
class Adres:
    """A Dutch or foreign address (``CDT_Adres``). ``huisnummer`` is required when any house part is set."""

    straatnaam: str | None = None
    huisnummer: int | None = None
    huisletter: str | None = None
    huisnummer_toevoeging: str | None = None
    aanduiding_woonadres: str | None = None
    postcode: str | None = None
    plaatsnaam: str | None = None
    landcode: str | None = None


@dataclass(frozen=True)
class Telefoon:
    """A phone number (``CDT_Telefoon``): digits only, ``landnummer`` like ``0031``."""

    nummer: str
    landnummer: str = "0031"


@dataclass(frozen=True)
class Contact:
    """One address/contact of a client or relation (``Contact``); the period is for a temporary address."""

    soort: AdresSoort = AdresSoort.BRP
    adres: Adres | None = None
    organisatie: str | None = None
    telefoon: tuple[Telefoon, ...] = ()
    emailadres: str | None = None
    begindatum: dt.date | None = None
    einddatum: dt.date | None = None


@dataclass(frozen=True)
class Relatie:
    """A relation of the client (partner, mentor, curator, ...). ``nummer`` is the sender's own id."""

    nummer: str
    soort: SoortRelatie
    naam: Naam
    contact: Contact
    volgorde: int | None = None
    geboortedatum: dt.date | None = None
    geboortedatum_gebruik: DatumGebruik | None = None
    geslacht: Geslacht | None = None


@dataclass(frozen=True)
class Communicatie:
    vorm: Communicatievorm
    taal: str | None = None


@dataclass(frozen=True)
class Wzd:
    """Whether the Wet zorg en dwang applies (``CDT_Wzd``)."""

    verklaring: WzdVerklaring
    ingangsdatum: dt.date | None = None
    einddatum: dt.date | None = None


@dataclass(frozen=True)
class Client:
    """A Wlz client. ``bsn`` must pass the elfproef; IO31 and AW33 need at least one contact."""

    bsn: str
    geboortedatum: dt.date
    geslacht: Geslacht
    naam: Naam
    contacten: tuple[Contact, ...] = ()
    leefeenheid: Leefeenheid = Leefeenheid.ONBEKEND
    geheim: bool = False
    geboortedatum_gebruik: DatumGebruik | None = None
    burgerlijke_staat: BurgerlijkeStaat | None = None
    huisarts: str | None = None
    communicatie: Communicatie | None = None
    wzd: Wzd | None = None
    commentaar: str | None = None
    relaties: tuple[Relatie, ...] = ()

    @property
    def adres(self) -> Adres | None:
        """The BRP address if present, else the first address given."""
        for contact in self.contacten:
            if contact.soort == AdresSoort.BRP and contact.adres is not None:
                return contact.adres
        return next((c.adres for c in self.contacten if c.adres is not None), None)

    @property
    def partner(self) -> Relatie | None:
        return next((r for r in self.relaties if r.soort == SoortRelatie.PARTNER), None)

    def kort(self) -> Client:
        """Only what AW35/AW39 carry (BSN, birth date, sex, short name): what their readers return."""
        n = self.naam
        return Client(
            bsn=self.bsn,
            geboortedatum=self.geboortedatum,
            geslacht=self.geslacht,
            naam=Naam(n.achternaam, n.voorvoegsel, n.voornamen, n.voorletters),
            geboortedatum_gebruik=self.geboortedatum_gebruik,
        )


# ----------------------------------------------------------------------------------------- indication


@dataclass(frozen=True)
class Stoornis:
    grondslag: Grondslag
    diagnose_codelijst: str
    ziektebeeld_stoornis: str
    diagnose_subcodelijst: str | None = None
    prognose: str | None = None
    commentaar: str | None = None


@dataclass(frozen=True)
class BeperkingScore:
    vraag: str
    score: str
    commentaar: str | None = None


@dataclass(frozen=True)
class Beperking:
    categorie: str
    duur: str | None = None
    commentaar: str | None = None
    scores: tuple[BeperkingScore, ...] = ()


@dataclass(frozen=True)
class StoornisScore:
    vraag: str
    score: str
    commentaar: str | None = None


@dataclass(frozen=True)
class GeindiceerdZzp:
    """An indicated zorgzwaartepakket. ``zzp_code`` is the COD163 code (e.g. ``"808"`` for VG5).

    ``instelling_voorkeur`` only exists in IO31 (AW33 has no such field and does not write it). ``klasse`` is
    one of ``KE4``–``KE7`` (CS074: the etmalen per week of the stay), ``KE7`` for a full indication.
    """

    zzp_code: str
    ingangsdatum: dt.date
    einddatum: dt.date | None = None
    klasse: str = ZZP_KLASSE_VOLLEDIG
    voorkeur_client: VoorkeurClient | None = None
    instelling_voorkeur: str | None = None
    financiering: Financiering = Financiering.WLZ
    commentaar: str | None = None

    @property
    def zorgprofiel(self) -> Zorgprofiel:
        """The :class:`wlz.reference.Zorgprofiel` of this code (KeyError for the special codes 996-999)."""
        from wlz.reference import by_cod163

        return by_cod163()[self.zzp_code]


@dataclass(frozen=True)
class GeindiceerdeFunctie:
    """An indicated function (COD732) with its klasse (COD756). ``instelling_voorkeur`` only in IO31."""

    functiecode: FunctieCode
    ingangsdatum: dt.date
    klasse: str
    leveringsvoorwaarde: Leveringsvoorwaarde = Leveringsvoorwaarde.ONBEKEND
    einddatum: dt.date | None = None
    opslag: int | None = None
    vervoer: Vervoer | None = None
    instelling_voorkeur: str | None = None
    financiering: Financiering = Financiering.WLZ
    commentaar: str | None = None


@dataclass(frozen=True)
class Indicatiebesluit:
    """The CIZ decision (``Indicatie``) as carried by IO31 and repeated in AW33.

    ``einddatum`` is empty for an indefinitely valid decision. ``meerzorg`` (CIZ signal that meerzorg may
    apply) only exists in IO31. At most two grondslagen (``CDT_Grondslagen``).
    """

    besluitnummer: int
    afgiftedatum: dt.date
    ingangsdatum: dt.date
    einddatum: dt.date | None = None
    grondslagen: tuple[Grondslag, ...] = ()
    zorgzwaartepakketten: tuple[GeindiceerdZzp, ...] = ()
    functies: tuple[GeindiceerdeFunctie, ...] = ()
    soort: SoortIndicatie = SoortIndicatie.CIZ
    meerzorg: bool | None = None
    commentaar: str | None = None
    stoornissen: tuple[Stoornis, ...] = ()
    beperkingen: tuple[Beperking, ...] = ()
    stoornis_scores: tuple[StoornisScore, ...] = ()

    @property
    def zzp(self) -> GeindiceerdZzp | None:
        """The (first) indicated zorgzwaartepakket, which is what the decision is about in almost all cases."""
        return self.zorgzwaartepakketten[0] if self.zorgzwaartepakketten else None

    @property
    def voorkeur_client(self) -> VoorkeurClient | None:
        """The client's preferred leveringsvorm as the CIZ recorded it, if any."""
        return next((z.voorkeur_client for z in self.zorgzwaartepakketten if z.voorkeur_client), None)


# ---------------------------------------------------------------------------------------- assignment


@dataclass(frozen=True)
class ToegewezenZzp:
    """A zorgtoewijzing of a zzp to a provider (AW33 ``ToegewezenZorgzwaartepakket``).

    ``instelling`` is the provider's iWlz-AGB code (8 digits); it may only be empty for pgb.
    ``percentage`` is the assigned share of the profile's budget in whole percent (the XSD carries it in
    hundredths and only allows whole percentages). In iWlz 2.2 a toewijzing has no number of its own: it
    is identified by besluitnummer + zzp code + instelling + ingangsdatum, which AW35/AW39 refer back to.
    """

    zzp_code: str
    zorgkantoor: str
    leveringsvorm: Leveringsvorm
    ingangsdatum: dt.date
    toewijzingsdatum: dt.date
    toewijzingstijd: dt.time
    instelling: str | None = None
    soort: SoortToewijzing = SoortToewijzing.REGULIER
    einddatum: dt.date | None = None
    percentage: int | None = None
    reden_intrekking: RedenIntrekking | None = None
    etmalen: Etmalen | None = None
    klasse: str | None = None
    instelling_bestemming: str | None = None
    dossierhouder: str | None = None
    coordinator_zorg_thuis: str | None = None
    opname: bool | None = None


@dataclass(frozen=True)
class ToegewezenFunctie:
    """A zorgtoewijzing of a function (MPT module) to a provider (AW33 ``ToegewezenFunctie``)."""

    functiecode: FunctieCode
    instelling: str
    zorgkantoor: str
    ingangsdatum: dt.date
    toewijzingsdatum: dt.date
    toewijzingstijd: dt.time
    klasse: str
    soort: SoortToewijzing = SoortToewijzing.REGULIER
    einddatum: dt.date | None = None
    reden_intrekking: RedenIntrekking | None = None
    opslag: int | None = None
    vervoer: Vervoer | None = None
    instelling_bestemming: str | None = None


# ------------------------------------------------------------------------------------------ delivery


@dataclass(frozen=True)
class GeleverdZzp:
    """Start of delivery of an assigned zzp (AW35 ``GeleverdZorgzwaartepakket``)."""

    besluitnummer: int
    zzp_code: str
    toewijzing_ingangsdatum: dt.date
    begindatum: dt.date
    instelling: str
    leveringsvorm: Leveringsvorm
    leveringsstatus: Leveringsstatus = Leveringsstatus.IN_ZORG
    status_aanlevering: StatusAanlevering = StatusAanlevering.EERSTE_AANLEVERING
    sleuteldatum: dt.date | None = None
    etmalen: Etmalen | None = None
    klasse: str | None = None
    behandeling: bool | None = None


@dataclass(frozen=True)
class GeleverdeFunctie:
    """Start of delivery of an assigned function (AW35 ``GeleverdeFunctie``)."""

    besluitnummer: int
    functiecode: FunctieCode
    toewijzing_ingangsdatum: dt.date
    begindatum: dt.date
    instelling: str
    klasse: str
    opslag: int | None = None
    status_aanlevering: StatusAanlevering = StatusAanlevering.EERSTE_AANLEVERING


@dataclass(frozen=True)
class MutatieZzp:
    """A change in the delivery of a zzp (AW39 ``MutatieZorgzwaartepakket``), e.g. end of care.

    ``mutatiecode`` is the reason (``LDT_MutatieCode``), ``mutatiedatum`` the date it takes effect.
    """

    besluitnummer: int
    zzp_code: str
    toewijzing_ingangsdatum: dt.date
    instelling: str
    mutatiecode: MutatieCode
    mutatiedatum: dt.date
    leveringsstatus: Leveringsstatus
    leveringsvorm: Leveringsvorm
    begindatum: dt.date | None = None
    leveringsstatus_classificatie: str | None = None
    instelling_bestemming: str | None = None
    status_aanlevering: StatusAanlevering = StatusAanlevering.EERSTE_AANLEVERING

    @property
    def einde_zorg(self) -> bool:
        """True when this mutation reports that care delivery ended (codes 19 and 20)."""
        return self.mutatiecode in EINDE_ZORG


@dataclass(frozen=True)
class MutatieFunctie:
    """A change in the delivery of a function (AW39 ``MutatieFunctie``)."""

    besluitnummer: int
    functiecode: FunctieCode
    toewijzing_ingangsdatum: dt.date
    instelling: str
    mutatiecode: MutatieCode
    mutatiedatum: dt.date
    begindatum: dt.date | None = None
    instelling_bestemming: str | None = None
    status_aanlevering: StatusAanlevering = StatusAanlevering.EERSTE_AANLEVERING

    @property
    def einde_zorg(self) -> bool:
        return self.mutatiecode in EINDE_ZORG


@dataclass(frozen=True)
class BijzondereSituatie:
    """Why a provider asks for more than the profile's basic budget (``CDT_BijzondereSituatie``)."""

    extra_kosten_thuis: bool = False
    toeslag_beademing: ToeslagBeademing | None = None
    toeslag_overig: ToeslagOverig | None = None


@dataclass(frozen=True)
class AanvraagInstelling:
    """One provider in an AW39 request for a (changed) toewijzing. ``percentage`` in whole percent."""

    instelling: str
    toewijzing_ingangsdatum: dt.date
    soort: SoortToewijzing = SoortToewijzing.REGULIER
    toewijzing_einddatum: dt.date | None = None
    percentage: int | None = None
    opname: bool | None = None


@dataclass(frozen=True)
class Aanvraag:
    """A provider's request for a toewijzing (AW39 ``Aanvraag``), e.g. for VPT/MPT with extra budget."""

    besluitnummer: int
    afgiftedatum: dt.date
    instelling: str
    zzp_code: str
    leveringsvorm: Leveringsvorm
    instellingen: tuple[AanvraagInstelling, ...]
    etmalen: Etmalen | None = None
    klasse: str | None = None
    dossierhouder: str | None = None
    coordinator_zorg_thuis: str | None = None
    doelmatig: bool | None = None
    bijzondere_situatie: BijzondereSituatie | None = None
    verantwoord: bool | None = None


@dataclass(frozen=True)
class GeleverdeZorg:
    """Start of care reported to the CAK (CA317 ``GeleverdeZorg``); the CAK starts the eigen bijdrage.

    ``geleverde_zorg_id`` is a UUID version 4 (lower case) that identifies this delivery in later CA319
    changes; pass your own stored id, or a new one is generated.
    """

    startdatum: dt.date
    zzp_code: str
    leveringsvorm: Leveringsvorm
    instelling: str | None = None
    etmalen: Etmalen | None = None
    klasse: str | None = None
    status_aanlevering: StatusAanlevering = StatusAanlevering.EERSTE_AANLEVERING
    geleverde_zorg_id: str = field(default_factory=lambda: str(uuid.uuid4()))


# -------------------------------------------------------------------------------------------- messages


@dataclass(frozen=True, kw_only=True)
class Kop:
    """The header every message carries (``Header``): identification, date and the parties it names.

    One class for all six messages, because they share these fields; which party a message names is fixed by
    its XSD: IO31 has only an ``Ontvanger`` (the zorgkantoor, COD001; the CIZ is implied), AW33/AW35/AW39 both
    (a zorgkantoor code and an iWlz-AGB code), CA317/CA319 only an ``Afzender`` (the CAK has no code there).
    ``identificatie`` (max 12 characters) identifies the message for the sender; with ``dagtekening`` it forms
    ``BerichtIdentificatie``. Keyword-only, so a message is always written ``AW33Bericht(clienten=...,
    afzender=..., ...)`` and a header field can never be taken for another.
    """

    identificatie: str
    dagtekening: dt.date
    afzender: str | None = None
    ontvanger: str | None = None


@dataclass(frozen=True)
class IO31Client:
    client: Client
    indicatie: Indicatiebesluit


@dataclass(frozen=True)
class IO31Bericht(Kop):
    """Indicatiebesluit, CIZ → zorgkantoor. ``ontvanger`` is the zorgkantoor code (COD001, e.g. ``5509``).

    ``identificatie`` (max 12 characters) identifies the message for the sender; with ``dagtekening`` it
    forms ``BerichtIdentificatie``.
    """

    clienten: tuple[IO31Client, ...]


@dataclass(frozen=True)
class AW33Client:
    """A client in a zorgtoewijzing: the indication repeated plus the assignments to this provider."""

    client: Client
    indicatie: Indicatiebesluit
    toegewezen_zzps: tuple[ToegewezenZzp, ...] = ()
    toegewezen_functies: tuple[ToegewezenFunctie, ...] = ()
    partneropname: bool = False


@dataclass(frozen=True)
class AW33Bericht(Kop):
    """Zorgtoewijzing, zorgkantoor (``afzender``, COD001) → zorgaanbieder (``ontvanger``, iWlz-AGB code)."""

    clienten: tuple[AW33Client, ...]


@dataclass(frozen=True)
class AW35Client:
    client: Client
    geleverde_zzps: tuple[GeleverdZzp, ...] = ()
    geleverde_functies: tuple[GeleverdeFunctie, ...] = ()


@dataclass(frozen=True)
class AW35Bericht(Kop):
    """Melding aanvang zorglevering, zorgaanbieder (``afzender``, AGB) → zorgkantoor (``ontvanger``)."""

    clienten: tuple[AW35Client, ...]


@dataclass(frozen=True)
class AW39Client:
    client: Client
    mutatie_zzps: tuple[MutatieZzp, ...] = ()
    mutatie_functies: tuple[MutatieFunctie, ...] = ()
    aanvragen: tuple[Aanvraag, ...] = ()


@dataclass(frozen=True)
class AW39Bericht(Kop):
    """Melding mutaties zorglevering, zorgaanbieder (``afzender``, AGB) → zorgkantoor (``ontvanger``)."""

    clienten: tuple[AW39Client, ...]


@dataclass(frozen=True)
class CA317Client:
    bsn: str
    zorgleveringen: tuple[GeleverdeZorg, ...]


@dataclass(frozen=True)
class CA317Bericht(Kop):
    """Melding aanvang zorglevering aan het CAK, zorgkantoor (``afzender``, COD001) → CAK (no receiver code)."""

    clienten: tuple[CA317Client, ...]


@dataclass(frozen=True)
class MutatieZorg:
    """A change in care already reported to the CAK (CA319 ``MutatieZorg``), e.g. the end of care.

    ``mutatie_zorg_id`` (``LDT_UUID``) names the delivery the change is about: the zorgkantoor fills in the
    ``GeleverdeZorgID`` it sent in the CA317 for that delivery, so the CAK can stop or change the eigen
    bijdrage of exactly that delivery.
    """

    mutatie_zorg_id: str
    mutatiecode: MutatieCode
    mutatiedatum: dt.date
    status_aanlevering: StatusAanlevering = StatusAanlevering.EERSTE_AANLEVERING


@dataclass(frozen=True)
class CA319Client:
    bsn: str
    mutaties: tuple[MutatieZorg, ...]


@dataclass(frozen=True)
class CA319Bericht(Kop):
    """Wijzigingen zorglevering aan het CAK, zorgkantoor (``afzender``, COD001) → CAK (no receiver code)."""

    clienten: tuple[CA319Client, ...]


Bericht = IO31Bericht | AW33Bericht | AW35Bericht | AW39Bericht | CA317Bericht | CA319Bericht
