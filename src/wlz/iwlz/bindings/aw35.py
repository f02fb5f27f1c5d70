from __future__ import annotations

from dataclasses import dataclass, field

from .basisschema import (
    CdtBerichtIdentificatie,
    CdtGeboortedatum,
    CdtVerkorteNaam,
    CdtXsdVersie,
    LdtEtmalen,
    LdtFunctieCode,
    LdtGeslacht,
    LdtJaNee,
    LdtKlasse,
    LdtLeveringsstatus,
    LdtLeveringsvorm,
    LdtStatusAanlevering,
    LdtZorgkantoorCode,
    LdtZzpCode,
)

__NAMESPACE__ = "http://www.istandaarden.nl/iwlz/2_2/aw35/schema"


@dataclass(kw_only=True)
class GeleverdZorgzwaartepakket:
    """
    Gegevens over een geleverd zorgzwaartepakket.

    :ivar besluitnummer: Identificerend nummer van een indicatiebesluit bij een indicatie-aanvraag van een client
        bij een indicatieorgaan.
    :ivar zzp_code: Gecodeerde aanduiding van een zorgzwaartepakket.
    :ivar toewijzing_ingangsdatum: De datum waarop de toegewezen zorgeenheid voor de eerste keer geleverd dient
        te worden.
    :ivar begindatum: Datum vanaf wanneer een zorgeenheid wordt geleverd.
    :ivar sleuteldatum: Datum vanaf wanneer het verblijf voor de client beschikbaar is.
    :ivar instelling: Identificerende code van een instelling.
    :ivar etmalen:
    :ivar klasse: Gecodeerde aanduiding van de mate van zorg betreffende een functie, uitgedrukt in een klasse.
    :ivar leveringsstatus: De leveringsstatus waarmee wordt aangegeven wat de status van de geleverde zorg is.
    :ivar leveringsvorm: Gecodeerde aanduiding van de vorm waarin zorg binnen de Wlz geleverd kan worden.
    :ivar behandeling: Aanduiding of aanbieder bij wie client is opgenomen behandeling levert.
    :ivar status_aanlevering: Indicatie over de status van de informatie in de berichtklasse.
    """

    besluitnummer: int = field(
        metadata={
            "name": "Besluitnummer",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw35/schema",
            "min_inclusive": 0,
            "max_inclusive": 999999999,
        }
    )
    zzp_code: LdtZzpCode = field(
        metadata={
            "name": "ZzpCode",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw35/schema",
        }
    )
    toewijzing_ingangsdatum: str = field(
        metadata={
            "name": "ToewijzingIngangsdatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw35/schema",
            "pattern": r"[^:Z]*",
        }
    )
    begindatum: str = field(
        metadata={
            "name": "Begindatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw35/schema",
            "pattern": r"[^:Z]*",
        }
    )
    sleuteldatum: None | str = field(
        default=None,
        metadata={
            "name": "Sleuteldatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw35/schema",
            "pattern": r"[^:Z]*",
        },
    )
    instelling: str = field(
        metadata={
            "name": "Instelling",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw35/schema",
            "min_length": 1,
            "max_length": 8,
            "pattern": r"[0-9]{8}",
        }
    )
    etmalen: None | LdtEtmalen = field(
        default=None,
        metadata={
            "name": "Etmalen",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw35/schema",
        },
    )
    klasse: None | LdtKlasse = field(
        default=None,
        metadata={
            "name": "Klasse",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw35/schema",
        },
    )
    leveringsstatus: LdtLeveringsstatus = field(
        metadata={
            "name": "Leveringsstatus",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw35/schema",
        }
    )
    leveringsvorm: LdtLeveringsvorm = field(
        metadata={
            "name": "Leveringsvorm",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw35/schema",
        }
    )
    behandeling: None | LdtJaNee = field(
        default=None,
        metadata={
            "name": "Behandeling",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw35/schema",
        },
    )
    status_aanlevering: LdtStatusAanlevering = field(
        metadata={
            "name": "StatusAanlevering",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw35/schema",
        }
    )


@dataclass(kw_only=True)
class GeleverdeFunctie:
    """
    Gegevens over een geleverde functie.

    :ivar besluitnummer: Identificerend nummer van een indicatiebesluit bij een indicatie-aanvraag van een client
        bij een indicatieorgaan.
    :ivar functie_code: Gecodeerde aanduiding van een (reeks van) activiteit(en) in functionele termen die
        losgekoppeld is van een bepaalde leverancier, waarbij wordt beschreven wat de inhoud en aard van die
        activiteit is in termen van hulpverlening (wonen, zorg en welzijn).
    :ivar toewijzing_ingangsdatum: De datum waarop de toegewezen zorgeenheid voor de eerste keer geleverd dient
        te worden.
    :ivar begindatum: Datum vanaf wanneer een zorgeenheid wordt geleverd.
    :ivar instelling: Identificerende code van een instelling.
    :ivar klasse: Gecodeerde aanduiding van de mate van zorg betreffende een functie, uitgedrukt in een klasse.
    :ivar opslag: De omvang van de opslag op de klasse van de functie.
    :ivar status_aanlevering: Indicatie over de status van de informatie in de berichtklasse.
    """

    besluitnummer: int = field(
        metadata={
            "name": "Besluitnummer",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw35/schema",
            "min_inclusive": 0,
            "max_inclusive": 999999999,
        }
    )
    functie_code: LdtFunctieCode = field(
        metadata={
            "name": "FunctieCode",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw35/schema",
        }
    )
    toewijzing_ingangsdatum: str = field(
        metadata={
            "name": "ToewijzingIngangsdatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw35/schema",
            "pattern": r"[^:Z]*",
        }
    )
    begindatum: str = field(
        metadata={
            "name": "Begindatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw35/schema",
            "pattern": r"[^:Z]*",
        }
    )
    instelling: str = field(
        metadata={
            "name": "Instelling",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw35/schema",
            "min_length": 1,
            "max_length": 8,
            "pattern": r"[0-9]{8}",
        }
    )
    klasse: LdtKlasse = field(
        metadata={
            "name": "Klasse",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw35/schema",
        }
    )
    opslag: None | int = field(
        default=None,
        metadata={
            "name": "Opslag",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw35/schema",
            "min_inclusive": 0,
            "max_inclusive": 99,
        },
    )
    status_aanlevering: LdtStatusAanlevering = field(
        metadata={
            "name": "StatusAanlevering",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw35/schema",
        }
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
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw35/schema",
            "min_length": 1,
            "max_length": 3,
            "pattern": r"354",
        }
    )
    bericht_versie: int = field(
        metadata={
            "name": "BerichtVersie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw35/schema",
            "min_inclusive": 0,
            "max_inclusive": 99,
            "pattern": r"5",
        }
    )
    bericht_subversie: int = field(
        metadata={
            "name": "BerichtSubversie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw35/schema",
            "min_inclusive": 0,
            "max_inclusive": 99,
            "pattern": r"2",
        }
    )
    afzender: str = field(
        metadata={
            "name": "Afzender",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw35/schema",
            "min_length": 1,
            "max_length": 8,
            "pattern": r"[0-9]{8}",
        }
    )
    ontvanger: LdtZorgkantoorCode = field(
        metadata={
            "name": "Ontvanger",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw35/schema",
        }
    )
    bericht_identificatie: CdtBerichtIdentificatie = field(
        metadata={
            "name": "BerichtIdentificatie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw35/schema",
        }
    )
    xsd_versie: CdtXsdVersie = field(
        metadata={
            "name": "XsdVersie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw35/schema",
        }
    )


@dataclass(kw_only=True)
class GeleverdeFuncties:
    geleverde_functie: list[GeleverdeFunctie] = field(
        default_factory=list,
        metadata={
            "name": "GeleverdeFunctie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw35/schema",
            "min_occurs": 1,
        },
    )


@dataclass(kw_only=True)
class GeleverdeZorgzwaartepakketten:
    geleverd_zorgzwaartepakket: list[GeleverdZorgzwaartepakket] = field(
        default_factory=list,
        metadata={
            "name": "GeleverdZorgzwaartepakket",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw35/schema",
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
    :ivar geleverde_functies:
    :ivar geleverde_zorgzwaartepakketten:
    """

    bsn: str = field(
        metadata={
            "name": "Bsn",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw35/schema",
            "min_length": 1,
            "max_length": 9,
            "pattern": r"[0-9]{9}",
        }
    )
    geboortedatum: CdtGeboortedatum = field(
        metadata={
            "name": "Geboortedatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw35/schema",
        }
    )
    geslacht: LdtGeslacht = field(
        metadata={
            "name": "Geslacht",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw35/schema",
        }
    )
    naam: CdtVerkorteNaam = field(
        metadata={
            "name": "Naam",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw35/schema",
        }
    )
    geleverde_functies: None | GeleverdeFuncties = field(
        default=None,
        metadata={
            "name": "GeleverdeFuncties",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw35/schema",
        },
    )
    geleverde_zorgzwaartepakketten: None | GeleverdeZorgzwaartepakketten = field(
        default=None,
        metadata={
            "name": "GeleverdeZorgzwaartepakketten",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw35/schema",
        },
    )


@dataclass(kw_only=True)
class Clienten:
    client: list[Client] = field(
        default_factory=list,
        metadata={
            "name": "Client",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw35/schema",
            "min_occurs": 1,
        },
    )


@dataclass(kw_only=True)
class Root:
    """
    Bericht voor het melden van de aanvang van zorglevering (zorgaanbieder naar zorgkantoor).
    """

    header: Header = field(
        metadata={
            "name": "Header",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw35/schema",
        }
    )
    clienten: Clienten = field(
        metadata={
            "name": "Clienten",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/aw35/schema",
        }
    )


@dataclass(kw_only=True)
class Bericht(Root):
    class Meta:
        namespace = "http://www.istandaarden.nl/iwlz/2_2/aw35/schema"
