from __future__ import annotations

from dataclasses import dataclass, field

from .basisschema import (
    CdtBerichtIdentificatie,
    CdtBijzondereSituatie,
    CdtGeboortedatum,
    CdtVerkorteNaam,
    CdtXsdVersie,
    LdtEtmalen,
    LdtFunctieCode,
    LdtGeslacht,
    LdtJaNee,
    LdtKlasse,
    LdtLeveringsstatus,
    LdtLeveringsstatusClassificatie,
    LdtLeveringsvorm,
    LdtMutatieCode,
    LdtSoortToewijzing,
    LdtStatusAanlevering,
    LdtZorgkantoorCode,
    LdtZzpCode,
)

__NAMESPACE__ = "http://www.istandaarden.nl/iwlz/2_2/aw39/schema"


@dataclass(kw_only=True)
class AanvraagInstelling:
    """
    Gegevens over een zorgzwaartepakket waarvoor een zorgtoewijzing wordt aangevraagd.

    :ivar instelling: Identificerende code van een contract in het kader van de Wlz tussen een zorgkantoor en een
        zorginstelling
    :ivar soort: Indicatie van de soort toewijzing.
    :ivar toewijzing_ingangsdatum: De aangevraagde Ingangsdatum van de toe te wijzen zorgeenheid.
    :ivar toewijzing_einddatum: De aangevraagde Einddatum van de toe te wijzen zorgeenheid.
    :ivar toewijzing_percentage: Aangevraagde deel van het budget dat geldt voor het betreffende zorgprofiel
        uitgedrukt in een percentage
    :ivar opname: Indicatie of de client bij deze aanbieder opgenomen wordt.
    """

    instelling: str = field(
        metadata={
            "name": "Instelling",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
            "min_length": 1,
            "max_length": 8,
            "pattern": r"[0-9]{8}",
        }
    )
    soort: LdtSoortToewijzing = field(
        metadata={
            "name": "Soort",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
        }
    )
    toewijzing_ingangsdatum: str = field(
        metadata={
            "name": "ToewijzingIngangsdatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
            "pattern": r"[^:Z]*",
        }
    )
    toewijzing_einddatum: None | str = field(
        default=None,
        metadata={
            "name": "ToewijzingEinddatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
            "pattern": r"[^:Z]*",
        },
    )
    toewijzing_percentage: None | int = field(
        default=None,
        metadata={
            "name": "ToewijzingPercentage",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
            "min_inclusive": 0,
            "max_inclusive": 99999,
            "pattern": r"[1-9][0-9]*00",
        },
    )
    opname: None | LdtJaNee = field(
        default=None,
        metadata={
            "name": "Opname",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
        },
    )


@dataclass(kw_only=True)
class Header:
    """
    De header bevat de identificerende gegevens van het bestand.

    :ivar bericht_code: Code ter identificatie van een soort bericht.
    :ivar bericht_versie: Volgnummer van de formele uitgifte van een major release van een iStandaard.
    :ivar bericht_subversie: Volgnummer van de formele uitgifte van een minor release van een iStandaard.
    :ivar afzender: Identificerende code van een contract in het kader van de Wlz tussen een zorgkantoor en een
        zorginstelling
    :ivar ontvanger: Identificatie van het Zorgkantoor, verantwoordelijk voor het uitvoeren van de Wlz.
    :ivar bericht_identificatie: Aanduiding ter identificatie van het bericht, bevat de datum dagtekening en een
        nummer.
    :ivar xsd_versie: Volgnummer van de formele uitgifte van een versie van de XSD's die zijn ingezet voor het
        opstellen van het heenbericht.
    """

    bericht_code: str = field(
        metadata={
            "name": "BerichtCode",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
            "min_length": 1,
            "max_length": 3,
            "pattern": r"358",
        }
    )
    bericht_versie: int = field(
        metadata={
            "name": "BerichtVersie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
            "min_inclusive": 0,
            "max_inclusive": 99,
            "pattern": r"5",
        }
    )
    bericht_subversie: int = field(
        metadata={
            "name": "BerichtSubversie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
            "min_inclusive": 0,
            "max_inclusive": 99,
            "pattern": r"2",
        }
    )
    afzender: str = field(
        metadata={
            "name": "Afzender",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
            "min_length": 1,
            "max_length": 8,
            "pattern": r"[0-9]{8}",
        }
    )
    ontvanger: LdtZorgkantoorCode = field(
        metadata={
            "name": "Ontvanger",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
        }
    )
    bericht_identificatie: CdtBerichtIdentificatie = field(
        metadata={
            "name": "BerichtIdentificatie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
        }
    )
    xsd_versie: CdtXsdVersie = field(
        metadata={
            "name": "XsdVersie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
        }
    )


@dataclass(kw_only=True)
class MutatieFunctie:
    """
    Gegevens over de levering van zorg.

    :ivar besluitnummer: Identificerend nummer van een indicatiebesluit bij een indicatie-aanvraag van een client
        bij een indicatieorgaan.
    :ivar functie_code: Gecodeerde aanduiding van een (reeks van) activiteit(en) in functionele termen die
        losgekoppeld is van een bepaalde leverancier, waarbij wordt beschreven wat de inhoud en aard van die
        activiteit is in termen van hulpverlening (wonen, zorg en welzijn).
    :ivar toewijzing_ingangsdatum: De datum waarop de toegewezen zorgeenheid voor de eerste keer geleverd dient
        te worden.
    :ivar begindatum: Datum vanaf wanneer een zorgeenheid wordt geleverd.
    :ivar instelling: Identificerende code van een instelling.
    :ivar mutatiecode: De reden van een mutatie/beeindiging van de Wlz-zorg bij client.
    :ivar mutatiedatum: De datum waarop een mutatie in de Wlz-zorg bij client heeft plaatsgevonden.
    :ivar instelling_bestemming: Identificerende code van de instelling waar de client zorg zal gaan ontvangen.
    :ivar status_aanlevering: Indicatie over de status van de informatie in de berichtklasse.
    """

    besluitnummer: int = field(
        metadata={
            "name": "Besluitnummer",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
            "min_inclusive": 0,
            "max_inclusive": 999999999,
        }
    )
    functie_code: LdtFunctieCode = field(
        metadata={
            "name": "FunctieCode",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
        }
    )
    toewijzing_ingangsdatum: str = field(
        metadata={
            "name": "ToewijzingIngangsdatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
            "pattern": r"[^:Z]*",
        }
    )
    begindatum: None | str = field(
        default=None,
        metadata={
            "name": "Begindatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
            "pattern": r"[^:Z]*",
        },
    )
    instelling: str = field(
        metadata={
            "name": "Instelling",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
            "min_length": 1,
            "max_length": 8,
            "pattern": r"[0-9]{8}",
        }
    )
    mutatiecode: LdtMutatieCode = field(
        metadata={
            "name": "Mutatiecode",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
        }
    )
    mutatiedatum: str = field(
        metadata={
            "name": "Mutatiedatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
            "pattern": r"[^:Z]*",
        }
    )
    instelling_bestemming: None | str = field(
        default=None,
        metadata={
            "name": "InstellingBestemming",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
            "min_length": 1,
            "max_length": 8,
            "pattern": r"[0-9]{8}",
        },
    )
    status_aanlevering: LdtStatusAanlevering = field(
        metadata={
            "name": "StatusAanlevering",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
        }
    )


@dataclass(kw_only=True)
class MutatieZorgzwaartepakket:
    """
    Gegevens over de levering van zorg.

    :ivar besluitnummer: Identificerend nummer van een indicatiebesluit bij een indicatie-aanvraag van een client
        bij een indicatieorgaan.
    :ivar zzp_code: Gecodeerde aanduiding van een zorgzwaartepakket.
    :ivar toewijzing_ingangsdatum: De datum waarop de toegewezen zorgeenheid voor de eerste keer geleverd dient
        te worden.
    :ivar begindatum: Datum vanaf wanneer een zorgeenheid wordt geleverd.
    :ivar instelling: Identificerende code van een instelling.
    :ivar mutatiecode: De reden van een mutatie/beeindiging van de Wlz-zorg bij client.
    :ivar mutatiedatum: De datum waarop een mutatie in de Wlz-zorg bij client heeft plaatsgevonden.
    :ivar leveringsstatus: De leveringsstatus waarmee wordt aangegeven wat de status van de geleverde zorg is.
    :ivar leveringsstatus_classificatie: Nadere classificatie van de leveringsstatus
    :ivar leveringsvorm: Gecodeerde aanduiding van de vorm waarin zorg binnen de Wlz geleverd kan worden.
    :ivar instelling_bestemming: Identificerende code van de instelling waar de client zorg zal gaan ontvangen.
    :ivar status_aanlevering: Indicatie over de status van de informatie in de berichtklasse.
    """

    besluitnummer: int = field(
        metadata={
            "name": "Besluitnummer",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
            "min_inclusive": 0,
            "max_inclusive": 999999999,
        }
    )
    zzp_code: LdtZzpCode = field(
        metadata={
            "name": "ZzpCode",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
        }
    )
    toewijzing_ingangsdatum: str = field(
        metadata={
            "name": "ToewijzingIngangsdatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
            "pattern": r"[^:Z]*",
        }
    )
    begindatum: None | str = field(
        default=None,
        metadata={
            "name": "Begindatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
            "pattern": r"[^:Z]*",
        },
    )
    instelling: str = field(
        metadata={
            "name": "Instelling",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
            "min_length": 1,
            "max_length": 8,
            "pattern": r"[0-9]{8}",
        }
    )
    mutatiecode: LdtMutatieCode = field(
        metadata={
            "name": "Mutatiecode",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
        }
    )
    mutatiedatum: str = field(
        metadata={
            "name": "Mutatiedatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
            "pattern": r"[^:Z]*",
        }
    )
    leveringsstatus: LdtLeveringsstatus = field(
        metadata={
            "name": "Leveringsstatus",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
        }
    )
    leveringsstatus_classificatie: None | LdtLeveringsstatusClassificatie = field(
        default=None,
        metadata={
            "name": "LeveringsstatusClassificatie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
        },
    )
    leveringsvorm: LdtLeveringsvorm = field(
        metadata={
            "name": "Leveringsvorm",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
        }
    )
    instelling_bestemming: None | str = field(
        default=None,
        metadata={
            "name": "InstellingBestemming",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
            "min_length": 1,
            "max_length": 8,
            "pattern": r"[0-9]{8}",
        },
    )
    status_aanlevering: LdtStatusAanlevering = field(
        metadata={
            "name": "StatusAanlevering",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
        }
    )


@dataclass(kw_only=True)
class AanvraagInstellingen:
    aanvraag_instelling: list[AanvraagInstelling] = field(
        default_factory=list,
        metadata={
            "name": "AanvraagInstelling",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
            "min_occurs": 1,
        },
    )


@dataclass(kw_only=True)
class MutatieFuncties:
    mutatie_functie: list[MutatieFunctie] = field(
        default_factory=list,
        metadata={
            "name": "MutatieFunctie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
            "min_occurs": 1,
        },
    )


@dataclass(kw_only=True)
class MutatieZorgzwaartepakketten:
    mutatie_zorgzwaartepakket: list[MutatieZorgzwaartepakket] = field(
        default_factory=list,
        metadata={
            "name": "MutatieZorgzwaartepakket",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
            "min_occurs": 1,
        },
    )


@dataclass(kw_only=True)
class Aanvraag:
    """
    Gegevens over een aanvraag van een aangepaste zorgtoewijzing.

    :ivar besluitnummer: Identificerend nummer van een indicatiebesluit.
    :ivar afgiftedatum: De datum waarop het indicatiebesluit is afgegeven.
    :ivar instelling: Identificerende code van een contract in het kader van de Wlz tussen een zorgkantoor en een
        zorginstelling
    :ivar zzp_code: Gecodeerde aanduiding van een zorgzwaartepakket.
    :ivar etmalen: Gecodeerde aanduiding van het aantal etmalen verblijf per week.
    :ivar klasse: Gecodeerde aanduiding van de mate van zorg betreffende een functie, uitgedrukt in een klasse.
    :ivar leveringsvorm: Gecodeerde aanduiding van de vorm waarin zorg binnen de Wlz geleverd kan worden.
    :ivar dossierhouder: Voorkeuraanbieder van de client voor het verblijf of de levering van het volledig pakket
        thuis.
    :ivar coordinator_zorg_thuis: Aanbieder die de zorg thuis coordineert. Deze aanbieder is het aanspreekpunt
        voor de client en voor de andere aanbieders die bij de zorglevering van het modulair pakket thuis (MPT)
        aan de client betrokken zijn.
    :ivar doelmatig: Gecodeerde aanduiding die aangeeft of de aanvraag binnen het toegestane budget past.
    :ivar bijzondere_situatie: Reden van ophoging van het basisbudget voor het geindiceerde zorgprofiel.
    :ivar verantwoord: Gecodeerde aanduiding die aangeeft of de zorg verantwoord geleverd kan worden.
    :ivar aanvraag_instellingen:
    """

    besluitnummer: int = field(
        metadata={
            "name": "Besluitnummer",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
            "min_inclusive": 0,
            "max_inclusive": 999999999,
        }
    )
    afgiftedatum: str = field(
        metadata={
            "name": "Afgiftedatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
            "pattern": r"[^:Z]*",
        }
    )
    instelling: str = field(
        metadata={
            "name": "Instelling",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
            "min_length": 1,
            "max_length": 8,
            "pattern": r"[0-9]{8}",
        }
    )
    zzp_code: LdtZzpCode = field(
        metadata={
            "name": "ZzpCode",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
        }
    )
    etmalen: None | LdtEtmalen = field(
        default=None,
        metadata={
            "name": "Etmalen",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
        },
    )
    klasse: None | LdtKlasse = field(
        default=None,
        metadata={
            "name": "Klasse",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
        },
    )
    leveringsvorm: LdtLeveringsvorm = field(
        metadata={
            "name": "Leveringsvorm",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
        }
    )
    dossierhouder: None | str = field(
        default=None,
        metadata={
            "name": "Dossierhouder",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
            "min_length": 1,
            "max_length": 8,
            "pattern": r"[0-9]{8}",
        },
    )
    coordinator_zorg_thuis: None | str = field(
        default=None,
        metadata={
            "name": "CoordinatorZorgThuis",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
            "min_length": 1,
            "max_length": 8,
            "pattern": r"[0-9]{8}",
        },
    )
    doelmatig: None | LdtJaNee = field(
        default=None,
        metadata={
            "name": "Doelmatig",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
        },
    )
    bijzondere_situatie: None | CdtBijzondereSituatie = field(
        default=None,
        metadata={
            "name": "BijzondereSituatie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
        },
    )
    verantwoord: None | LdtJaNee = field(
        default=None,
        metadata={
            "name": "Verantwoord",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
        },
    )
    aanvraag_instellingen: AanvraagInstellingen = field(
        metadata={
            "name": "AanvraagInstellingen",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
        }
    )


@dataclass(kw_only=True)
class Aanvragen:
    aanvraag: list[Aanvraag] = field(
        default_factory=list,
        metadata={
            "name": "Aanvraag",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
            "min_occurs": 1,
        },
    )


@dataclass(kw_only=True)
class Client:
    """
    Persoonsgegevens van de client.

    :ivar bsn: Een door de overheid toegekend identificerend nummer in het kader van het vereenvoudigen van het
        contact tussen overheid en burgers en het verminderen van de administratieve lasten.
    :ivar geboortedatum:
    :ivar geslacht: De sekse van een persoon, zoals bij geboorte formeel vastgesteld of nadien formeel gewijzigd.
    :ivar naam:
    :ivar mutatie_functies:
    :ivar mutatie_zorgzwaartepakketten:
    :ivar aanvragen:
    """

    bsn: str = field(
        metadata={
            "name": "Bsn",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
            "min_length": 1,
            "max_length": 9,
            "pattern": r"[0-9]{9}",
        }
    )
    geboortedatum: CdtGeboortedatum = field(
        metadata={
            "name": "Geboortedatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
        }
    )
    geslacht: LdtGeslacht = field(
        metadata={
            "name": "Geslacht",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
        }
    )
    naam: CdtVerkorteNaam = field(
        metadata={
            "name": "Naam",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
        }
    )
    mutatie_functies: None | MutatieFuncties = field(
        default=None,
        metadata={
            "name": "MutatieFuncties",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
        },
    )
    mutatie_zorgzwaartepakketten: None | MutatieZorgzwaartepakketten = field(
        default=None,
        metadata={
            "name": "MutatieZorgzwaartepakketten",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
        },
    )
    aanvragen: None | Aanvragen = field(
        default=None,
        metadata={
            "name": "Aanvragen",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
        },
    )


@dataclass(kw_only=True)
class Clienten:
    client: list[Client] = field(
        default_factory=list,
        metadata={
            "name": "Client",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
            "min_occurs": 1,
        },
    )


@dataclass(kw_only=True)
class Root:
    """
    Bericht voor het melden van mutaties in de zorglevering (zorgaanbieder naar zorgkantoor).
    """

    header: Header = field(
        metadata={
            "name": "Header",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
        }
    )
    clienten: Clienten = field(
        metadata={
            "name": "Clienten",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw39/schema",
        }
    )


@dataclass(kw_only=True)
class Bericht(Root):
    class Meta:
        namespace = "http://www.istandaarden.nl/iwlz/2_2/aw39/schema"
