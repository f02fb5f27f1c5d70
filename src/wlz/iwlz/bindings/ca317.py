from __future__ import annotations

from dataclasses import dataclass, field

from .basisschema import (
    CdtBerichtIdentificatie,
    CdtXsdVersie,
    LdtEtmalen,
    LdtKlasse,
    LdtLeveringsvorm,
    LdtStatusAanlevering,
    LdtZorgkantoorCode,
    LdtZzpCode,
)

__NAMESPACE__ = "http://www.istandaarden.nl/iwlz/2_2/ca317/schema"


@dataclass(kw_only=True)
class GeleverdeZorg:
    """
    Bevat gegevens over de geleverde zorg.

    :ivar geleverde_zorg_id:
    :ivar startdatum: Datum vanaf wanneer een zorgeenheid wordt geleverd of de datum vanaf wanneer het verblijf
        voor de client beschikbaar is.
    :ivar zzp_code: Gecodeerde aanduiding van een zorgzwaartepakket.
    :ivar instelling: Identificerende code van een instelling.
    :ivar etmalen:
    :ivar klasse: Gecodeerde aanduiding van de mate van zorg betreffende een zorgeenheid, uitgedrukt in een
        klasse.
    :ivar leveringsvorm: Gecodeerde aanduiding van de vorm waarin zorg binnen de Wlz geleverd kan worden.
    :ivar status_aanlevering: Indicatie over de status van de informatie in de berichtklasse.
    """

    geleverde_zorg_id: str = field(
        metadata={
            "name": "GeleverdeZorgID",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/ca317/schema",
            "min_length": 1,
            "max_length": 36,
            "pattern": r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}",
        }
    )
    startdatum: str = field(
        metadata={
            "name": "Startdatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/ca317/schema",
            "pattern": r"[^:Z]*",
        }
    )
    zzp_code: LdtZzpCode = field(
        metadata={
            "name": "ZzpCode",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/ca317/schema",
        }
    )
    instelling: None | str = field(
        default=None,
        metadata={
            "name": "Instelling",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/ca317/schema",
            "min_length": 1,
            "max_length": 8,
            "pattern": r"[0-9]{8}",
        },
    )
    etmalen: None | LdtEtmalen = field(
        default=None,
        metadata={
            "name": "Etmalen",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/ca317/schema",
        },
    )
    klasse: None | LdtKlasse = field(
        default=None,
        metadata={
            "name": "Klasse",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/ca317/schema",
        },
    )
    leveringsvorm: LdtLeveringsvorm = field(
        metadata={
            "name": "Leveringsvorm",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/ca317/schema",
        }
    )
    status_aanlevering: LdtStatusAanlevering = field(
        metadata={
            "name": "StatusAanlevering",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/ca317/schema",
        }
    )


@dataclass(kw_only=True)
class Header:
    """
    De header bevat de identificerende gegevens van het bestand.

    :ivar bericht_code: Code ter identificatie van een soort bericht.
    :ivar bericht_versie: Volgnummer van de formele uitgifte van een major release van een iStandaard.
    :ivar bericht_subversie: Volgnummer van de formele uitgifte van een minor release van een iStandaard.
    :ivar afzender: Identificatie van het Zorgkantoor, verantwoordelijk voor het uitvoeren van de Wlz.
    :ivar bericht_identificatie: Aanduiding ter identificatie van het bericht, bevat de datum dagtekening en een
        nummer.
    :ivar xsd_versie: Volgnummer van de formele uitgifte van een versie van de XSD's die zijn ingezet voor het
        opstellen van het heenbericht.
    """

    bericht_code: str = field(
        metadata={
            "name": "BerichtCode",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/ca317/schema",
            "min_length": 1,
            "max_length": 3,
            "pattern": r"406",
        }
    )
    bericht_versie: int = field(
        metadata={
            "name": "BerichtVersie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/ca317/schema",
            "min_inclusive": 0,
            "max_inclusive": 99,
            "pattern": r"5",
        }
    )
    bericht_subversie: int = field(
        metadata={
            "name": "BerichtSubversie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/ca317/schema",
            "min_inclusive": 0,
            "max_inclusive": 99,
            "pattern": r"2",
        }
    )
    afzender: LdtZorgkantoorCode = field(
        metadata={
            "name": "Afzender",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/ca317/schema",
        }
    )
    bericht_identificatie: CdtBerichtIdentificatie = field(
        metadata={
            "name": "BerichtIdentificatie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/ca317/schema",
        }
    )
    xsd_versie: CdtXsdVersie = field(
        metadata={
            "name": "XsdVersie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/ca317/schema",
        }
    )


@dataclass(kw_only=True)
class ZorgLeveringen:
    geleverde_zorg: list[GeleverdeZorg] = field(
        default_factory=list,
        metadata={
            "name": "GeleverdeZorg",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/ca317/schema",
            "min_occurs": 1,
        },
    )


@dataclass(kw_only=True)
class Client:
    """
    Persoonsgegevens van de client.

    :ivar bsn: Een door de overheid toegekend identificerend nummer in het kader van het vereenvoudigen van het
        contact tussen overheid en burgers en het verminderen van de administratieve lasten.
    :ivar zorg_leveringen:
    """

    bsn: str = field(
        metadata={
            "name": "Bsn",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/ca317/schema",
            "min_length": 1,
            "max_length": 9,
            "pattern": r"[0-9]{9}",
        }
    )
    zorg_leveringen: ZorgLeveringen = field(
        metadata={
            "name": "ZorgLeveringen",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/ca317/schema",
        }
    )


@dataclass(kw_only=True)
class Clienten:
    client: list[Client] = field(
        default_factory=list,
        metadata={
            "name": "Client",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/ca317/schema",
            "min_occurs": 1,
        },
    )


@dataclass(kw_only=True)
class Root:
    """
    Bericht voor het melden van de aanvang van zorglevering aan het CAK i.v.m. het starten van de eigen bijdrage
    (zorgkantoor naar CAK).
    """

    header: Header = field(
        metadata={
            "name": "Header",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/ca317/schema",
        }
    )
    clienten: Clienten = field(
        metadata={
            "name": "Clienten",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/ca317/schema",
        }
    )


@dataclass(kw_only=True)
class Bericht(Root):
    class Meta:
        namespace = "http://www.istandaarden.nl/iwlz/2_2/ca317/schema"
