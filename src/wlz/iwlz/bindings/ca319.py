from __future__ import annotations

from dataclasses import dataclass, field

from .basisschema import (
    CdtBerichtIdentificatie,
    CdtXsdVersie,
    LdtMutatieCode,
    LdtStatusAanlevering,
    LdtZorgkantoorCode,
)

__NAMESPACE__ = "http://www.istandaarden.nl/iwlz/2_2/ca319/schema"


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
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/ca319/schema",
            "min_length": 1,
            "max_length": 3,
            "pattern": r"410",
        }
    )
    bericht_versie: int = field(
        metadata={
            "name": "BerichtVersie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/ca319/schema",
            "min_inclusive": 0,
            "max_inclusive": 99,
            "pattern": r"5",
        }
    )
    bericht_subversie: int = field(
        metadata={
            "name": "BerichtSubversie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/ca319/schema",
            "min_inclusive": 0,
            "max_inclusive": 99,
            "pattern": r"2",
        }
    )
    afzender: LdtZorgkantoorCode = field(
        metadata={
            "name": "Afzender",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/ca319/schema",
        }
    )
    bericht_identificatie: CdtBerichtIdentificatie = field(
        metadata={
            "name": "BerichtIdentificatie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/ca319/schema",
        }
    )
    xsd_versie: CdtXsdVersie = field(
        metadata={
            "name": "XsdVersie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/ca319/schema",
        }
    )


@dataclass(kw_only=True)
class MutatieZorg:
    """
    Gegevens over een mutatie in de levering van zorg.

    :ivar mutatie_zorg_id:
    :ivar mutatiecode: De reden van een mutatie/beeindiging van de Wlz-zorg bij client.
    :ivar mutatiedatum: De datum waarop een mutatie in de Wlz-zorg bij de client heeft plaatsgevonden.
    :ivar status_aanlevering: Indicatie over de status van de informatie in de berichtklasse.
    """

    mutatie_zorg_id: str = field(
        metadata={
            "name": "MutatieZorgID",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/ca319/schema",
            "min_length": 1,
            "max_length": 36,
            "pattern": r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}",
        }
    )
    mutatiecode: LdtMutatieCode = field(
        metadata={
            "name": "Mutatiecode",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/ca319/schema",
        }
    )
    mutatiedatum: str = field(
        metadata={
            "name": "Mutatiedatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/ca319/schema",
            "pattern": r"[^:Z]*",
        }
    )
    status_aanlevering: LdtStatusAanlevering = field(
        metadata={
            "name": "StatusAanlevering",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/ca319/schema",
        }
    )


@dataclass(kw_only=True)
class MutatiesZorg:
    mutatie_zorg: list[MutatieZorg] = field(
        default_factory=list,
        metadata={
            "name": "MutatieZorg",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/ca319/schema",
            "min_occurs": 1,
        },
    )


@dataclass(kw_only=True)
class Client:
    """
    Persoonsgegevens van de client.

    :ivar bsn: Een door de overheid toegekend identificerend nummer in het kader van het vereenvoudigen van het
        contact tussen overheid en burgers en het verminderen van de administratieve lasten.
    :ivar mutaties_zorg:
    """

    bsn: str = field(
        metadata={
            "name": "Bsn",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/ca319/schema",
            "min_length": 1,
            "max_length": 9,
            "pattern": r"[0-9]{9}",
        }
    )
    mutaties_zorg: MutatiesZorg = field(
        metadata={
            "name": "MutatiesZorg",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/ca319/schema",
        }
    )


@dataclass(kw_only=True)
class Clienten:
    client: list[Client] = field(
        default_factory=list,
        metadata={
            "name": "Client",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/ca319/schema",
            "min_occurs": 1,
        },
    )


@dataclass(kw_only=True)
class Root:
    """
    Bericht voor het doorgeven van wijzigingen op de zorglevering aan het CAK i.v.m. de eigen bijdrage (zorgkantoor
    naar CAK).
    """

    header: Header = field(
        metadata={
            "name": "Header",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/ca319/schema",
        }
    )
    clienten: Clienten = field(
        metadata={
            "name": "Clienten",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/ca319/schema",
        }
    )


@dataclass(kw_only=True)
class Bericht(Root):
    class Meta:
        namespace = "http://www.istandaarden.nl/iwlz/2_2/ca319/schema"
