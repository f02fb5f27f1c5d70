from __future__ import annotations

from dataclasses import dataclass, field

from .basisschema import (
    CdtAdres,
    CdtBerichtIdentificatie,
    CdtCommunicatie,
    CdtGeboortedatum,
    CdtGrondslagen,
    CdtOpenPeriode,
    CdtTelefoonnummers,
    CdtVolledigeNaam,
    CdtWzd,
    CdtXsdVersie,
    LdtAdresSoort,
    LdtBeperkingCategorie,
    LdtBeperkingScore,
    LdtBeperkingVraag,
    LdtBurgerlijkeStaat,
    LdtDiagnoseCodelijst,
    LdtDiagnoseSubcodelijst,
    LdtDuur,
    LdtFinanciering,
    LdtFunctieCode,
    LdtGeslacht,
    LdtGrondslag,
    LdtJaNee,
    LdtKlasse,
    LdtLeefeenheid,
    LdtLeveringsvoorwaarde,
    LdtPrognose,
    LdtSoortIndicatie,
    LdtSoortRelatie,
    LdtStoornisScore,
    LdtStoornisVraag,
    LdtVervoer,
    LdtVoorkeurClient,
    LdtZorgkantoorCode,
    LdtZzpCode,
)

__NAMESPACE__ = "http://www.istandaarden.nl/iwlz/2_2/io31/schema"


@dataclass(kw_only=True)
class BeperkingScore:
    """
    Scoregegevens over de beperkingen van de client.

    :ivar vraag: Gecodeerde aanduiding van de vraag over beperking.
    :ivar score: Gecodeerde aanduiding van de score op een vraag over een beperking.
    :ivar commentaar: Vrije tekst (bijvoorbeeld toelichting) in een bericht.
    """

    vraag: LdtBeperkingVraag = field(
        metadata={
            "name": "Vraag",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        }
    )
    score: LdtBeperkingScore = field(
        metadata={
            "name": "Score",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        }
    )
    commentaar: None | str = field(
        default=None,
        metadata={
            "name": "Commentaar",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
            "min_length": 1,
            "pattern": r"([.\s]*\S+[.\s]*)+",
        },
    )


@dataclass(kw_only=True)
class Contact:
    """
    Gegevens voor de aanduiding van het adres van de client of relatie.

    :ivar soort: Nadere typering van het adres.
    :ivar adres: Adres van de client of relatie van de client.
    :ivar organisatie: De naam van een organisatie waar de client of relatie van de client verblijft.
    :ivar telefoon: De telefoonnummers waarop de client of relatie van de client te bereiken is.
    :ivar emailadres: Het e-mailadres van de client of relatie van de client.
    :ivar periode: Begindatum en/of een einddatum van het verblijf van de client of relatie van de client op een
        tijdelijk adres.
    """

    soort: LdtAdresSoort = field(
        metadata={
            "name": "Soort",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        }
    )
    adres: None | CdtAdres = field(
        default=None,
        metadata={
            "name": "Adres",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        },
    )
    organisatie: None | str = field(
        default=None,
        metadata={
            "name": "Organisatie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
            "min_length": 1,
            "max_length": 35,
            "pattern": r".*[^\s].*",
        },
    )
    telefoon: None | CdtTelefoonnummers = field(
        default=None,
        metadata={
            "name": "Telefoon",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        },
    )
    emailadres: None | str = field(
        default=None,
        metadata={
            "name": "Emailadres",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
            "min_length": 1,
            "max_length": 80,
            "pattern": r".*[^\s].*",
        },
    )
    periode: None | CdtOpenPeriode = field(
        default=None,
        metadata={
            "name": "Periode",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        },
    )


@dataclass(kw_only=True)
class GeindiceerdZorgzwaartepakket:
    """
    Gegevens over een geindiceerd zorgzwaartepakket.

    :ivar zzp_code: Gecodeerde aanduiding van een zorgzwaartepakket.
    :ivar ingangsdatum: De datum die aangeeft vanaf welke datum de geindiceerde zorgeenheid rechtsgeldig is.
    :ivar einddatum: De datum die aangeeft tot en met welke datum de geindiceerde zorgeenheid rechtsgeldig is.
    :ivar klasse: Gecodeerde aanduiding van de mate van zorg betreffende een zorgeenheid, uitgedrukt in een
        klasse.
    :ivar voorkeur_client: Gecodeerde aanduiding van de voorkeur van de client ten aanzien van plaats en vorm van
        zorglevering.
    :ivar instelling_voorkeur: Identificerende code van de instelling die de voorkeur heeft van de client.
    :ivar financiering: Gecodeerde aanduiding van de regeling op basis waarvan de zorg gefinancierd wordt.
    :ivar commentaar: Vrije tekst (bijvoorbeeld toelichting) in een bericht.
    """

    zzp_code: LdtZzpCode = field(
        metadata={
            "name": "ZzpCode",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        }
    )
    ingangsdatum: str = field(
        metadata={
            "name": "Ingangsdatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
            "pattern": r"[^:Z]*",
        }
    )
    einddatum: None | str = field(
        default=None,
        metadata={
            "name": "Einddatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
            "pattern": r"[^:Z]*",
        },
    )
    klasse: LdtKlasse = field(
        metadata={
            "name": "Klasse",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        }
    )
    voorkeur_client: None | LdtVoorkeurClient = field(
        default=None,
        metadata={
            "name": "VoorkeurClient",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        },
    )
    instelling_voorkeur: None | str = field(
        default=None,
        metadata={
            "name": "InstellingVoorkeur",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
            "min_length": 1,
            "max_length": 8,
            "pattern": r"[0-9]{8}",
        },
    )
    financiering: LdtFinanciering = field(
        metadata={
            "name": "Financiering",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        }
    )
    commentaar: None | str = field(
        default=None,
        metadata={
            "name": "Commentaar",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
            "min_length": 1,
            "pattern": r"([.\s]*\S+[.\s]*)+",
        },
    )


@dataclass(kw_only=True)
class GeindiceerdeFunctie:
    """
    Gegevens over een geindiceerde functie.

    :ivar functie_code: Gecodeerde aanduiding van een zorgfunctie.
    :ivar ingangsdatum: De datum die aangeeft vanaf welke datum de geindiceerde zorgeenheid rechtsgeldig is.
    :ivar einddatum: De datum die aangeeft tot en met welke datum de geindiceerde zorgeenheid rechtsgeldig is.
    :ivar klasse: Gecodeerde aanduiding van de mate van zorg betreffende een zorgeenheid, uitgedrukt in een
        klasse.
    :ivar opslag: De omvang van de opslag op de klasse van de functie.
    :ivar leveringsvoorwaarde: Codering die aangeeft welke leveringsvoorwaarde van toepassing is op de zorg.
    :ivar vervoer: Gecodeerde aanduiding die aangeeft of vervoer van toepassing is.
    :ivar instelling_voorkeur: Identificerende code van de instelling die de voorkeur heeft van de client.
    :ivar financiering: Gecodeerde aanduiding van de wettelijke regeling op basis waarvan de zorg gefinancierd
        wordt.
    :ivar commentaar: Vrije tekst (bijvoorbeeld toelichting) in een bericht.
    """

    functie_code: LdtFunctieCode = field(
        metadata={
            "name": "FunctieCode",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        }
    )
    ingangsdatum: str = field(
        metadata={
            "name": "Ingangsdatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
            "pattern": r"[^:Z]*",
        }
    )
    einddatum: None | str = field(
        default=None,
        metadata={
            "name": "Einddatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
            "pattern": r"[^:Z]*",
        },
    )
    klasse: LdtKlasse = field(
        metadata={
            "name": "Klasse",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        }
    )
    opslag: None | int = field(
        default=None,
        metadata={
            "name": "Opslag",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
            "min_inclusive": 0,
            "max_inclusive": 99,
        },
    )
    leveringsvoorwaarde: LdtLeveringsvoorwaarde = field(
        metadata={
            "name": "Leveringsvoorwaarde",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        }
    )
    vervoer: None | LdtVervoer = field(
        default=None,
        metadata={
            "name": "Vervoer",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        },
    )
    instelling_voorkeur: None | str = field(
        default=None,
        metadata={
            "name": "InstellingVoorkeur",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
            "min_length": 1,
            "max_length": 8,
            "pattern": r"[0-9]{8}",
        },
    )
    financiering: LdtFinanciering = field(
        metadata={
            "name": "Financiering",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        }
    )
    commentaar: None | str = field(
        default=None,
        metadata={
            "name": "Commentaar",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
            "min_length": 1,
            "pattern": r"([.\s]*\S+[.\s]*)+",
        },
    )


@dataclass(kw_only=True)
class Header:
    """
    De header bevat de identificerende gegevens van het bestand.

    :ivar bericht_code: Code ter identificatie van een soort bericht.
    :ivar bericht_versie: Volgnummer van de formele uitgifte van een major release van een iStandaard.
    :ivar bericht_subversie: Volgnummer van de formele uitgifte van een minor release van een iStandaard.
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
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
            "min_length": 1,
            "max_length": 3,
            "pattern": r"388",
        }
    )
    bericht_versie: int = field(
        metadata={
            "name": "BerichtVersie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
            "min_inclusive": 0,
            "max_inclusive": 99,
            "pattern": r"5",
        }
    )
    bericht_subversie: int = field(
        metadata={
            "name": "BerichtSubversie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
            "min_inclusive": 0,
            "max_inclusive": 99,
            "pattern": r"2",
        }
    )
    ontvanger: LdtZorgkantoorCode = field(
        metadata={
            "name": "Ontvanger",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        }
    )
    bericht_identificatie: CdtBerichtIdentificatie = field(
        metadata={
            "name": "BerichtIdentificatie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        }
    )
    xsd_versie: CdtXsdVersie = field(
        metadata={
            "name": "XsdVersie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        }
    )


@dataclass(kw_only=True)
class Stoornis:
    """
    Diagnostische gegevens m.b.t. ziektebeeld en/of stoornis van de client.

    :ivar grondslag: Codering die aangeeft wat ten grondslag ligt aan de zorg.
    :ivar diagnose_codelijst: Code die aangeeft welke diagnosecodelijst gebruikt is, met aanduiding van de
        oorsprong van de codes en/of de beheerder ervan.
    :ivar diagnose_subcodelijst: Code die aangeeft welke subcode van een diagnosecodelijst gebruikt is.
    :ivar ziektebeeld_stoornis: Code die het ziektebeeld of de stoornis van een client identificeert.
    :ivar prognose: Aanduiding welke prognose er is inzake het ziektebeeld of de stoornis.
    :ivar commentaar: Vrije tekst (bijvoorbeeld toelichting) in een bericht.
    """

    grondslag: LdtGrondslag = field(
        metadata={
            "name": "Grondslag",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        }
    )
    diagnose_codelijst: LdtDiagnoseCodelijst = field(
        metadata={
            "name": "DiagnoseCodelijst",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        }
    )
    diagnose_subcodelijst: None | LdtDiagnoseSubcodelijst = field(
        default=None,
        metadata={
            "name": "DiagnoseSubcodelijst",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        },
    )
    ziektebeeld_stoornis: str = field(
        metadata={
            "name": "ZiektebeeldStoornis",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
            "min_length": 1,
            "max_length": 8,
        }
    )
    prognose: None | LdtPrognose = field(
        default=None,
        metadata={
            "name": "Prognose",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        },
    )
    commentaar: None | str = field(
        default=None,
        metadata={
            "name": "Commentaar",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
            "min_length": 1,
            "pattern": r"([.\s]*\S+[.\s]*)+",
        },
    )


@dataclass(kw_only=True)
class StoornisScore:
    """
    Scoregegevens over ziektebeeld / stoornis van de client.

    :ivar vraag: Gecodeerde aanduiding van de vraag over een stoornis.
    :ivar score: Gecodeerde aanduiding van de score op een vraag over een stoornis.
    :ivar commentaar: Vrije tekst (bijvoorbeeld toelichting) in een bericht.
    """

    vraag: LdtStoornisVraag = field(
        metadata={
            "name": "Vraag",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        }
    )
    score: LdtStoornisScore = field(
        metadata={
            "name": "Score",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        }
    )
    commentaar: None | str = field(
        default=None,
        metadata={
            "name": "Commentaar",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
            "min_length": 1,
            "pattern": r"([.\s]*\S+[.\s]*)+",
        },
    )


@dataclass(kw_only=True)
class BeperkingScores:
    beperking_score: list[BeperkingScore] = field(
        default_factory=list,
        metadata={
            "name": "BeperkingScore",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
            "min_occurs": 1,
        },
    )


@dataclass(kw_only=True)
class Contactgegevens:
    contact: list[Contact] = field(
        default_factory=list,
        metadata={
            "name": "Contact",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
            "min_occurs": 1,
        },
    )


@dataclass(kw_only=True)
class GeindiceerdeFuncties:
    geindiceerde_functie: list[GeindiceerdeFunctie] = field(
        default_factory=list,
        metadata={
            "name": "GeindiceerdeFunctie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
            "min_occurs": 1,
        },
    )


@dataclass(kw_only=True)
class GeindiceerdeZorgzwaartepakketten:
    geindiceerd_zorgzwaartepakket: list[GeindiceerdZorgzwaartepakket] = field(
        default_factory=list,
        metadata={
            "name": "GeindiceerdZorgzwaartepakket",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
            "min_occurs": 1,
        },
    )


@dataclass(kw_only=True)
class Relatie:
    """
    Persoonsgegevens van de relatie van de client.

    :ivar nummer: Identificerend nummer van de relatie van een client.
    :ivar volgorde: Aanduiding van de prioriteit van de contactpersoon.
    :ivar soort: De soort relatie die een persoon ten opzichte van de client heeft.
    :ivar geboortedatum: Geboortedatum van de client of relatie.
    :ivar geslacht: De sekse van een persoon, zoals bij geboorte formeel vastgesteld of nadien formeel gewijzigd.
    :ivar naam: Volledige naam van een natuurlijk persoon, aangeduid als Geslachtsnaam, eventueel Partnernaam,
        Voornamen en/of Voorletters en NaamGebruik.
    :ivar contact:
    """

    nummer: str = field(
        metadata={
            "name": "Nummer",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
            "min_length": 1,
            "max_length": 20,
            "pattern": r".*[^\s].*",
        }
    )
    volgorde: None | int = field(
        default=None,
        metadata={
            "name": "Volgorde",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
            "min_inclusive": 0,
            "max_inclusive": 99,
        },
    )
    soort: LdtSoortRelatie = field(
        metadata={
            "name": "Soort",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        }
    )
    geboortedatum: None | CdtGeboortedatum = field(
        default=None,
        metadata={
            "name": "Geboortedatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        },
    )
    geslacht: None | LdtGeslacht = field(
        default=None,
        metadata={
            "name": "Geslacht",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        },
    )
    naam: CdtVolledigeNaam = field(
        metadata={
            "name": "Naam",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        }
    )
    contact: Contact = field(
        metadata={
            "name": "Contact",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        }
    )


@dataclass(kw_only=True)
class StoornisScores:
    stoornis_score: list[StoornisScore] = field(
        default_factory=list,
        metadata={
            "name": "StoornisScore",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
            "min_occurs": 1,
        },
    )


@dataclass(kw_only=True)
class Stoornissen:
    stoornis: list[Stoornis] = field(
        default_factory=list,
        metadata={
            "name": "Stoornis",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
            "min_occurs": 1,
        },
    )


@dataclass(kw_only=True)
class Beperking:
    """
    Gegevens over beperkingen van de client.

    :ivar categorie: Gecodeerde aanduiding van de beperking.
    :ivar duur: Code die aangeeft wat de verwachte duur is van de categorie beperking.
    :ivar commentaar: Vrije tekst (bijvoorbeeld toelichting) in een bericht.
    :ivar beperking_scores:
    """

    categorie: LdtBeperkingCategorie = field(
        metadata={
            "name": "Categorie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        }
    )
    duur: None | LdtDuur = field(
        default=None,
        metadata={
            "name": "Duur",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        },
    )
    commentaar: None | str = field(
        default=None,
        metadata={
            "name": "Commentaar",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
            "min_length": 1,
            "pattern": r"([.\s]*\S+[.\s]*)+",
        },
    )
    beperking_scores: None | BeperkingScores = field(
        default=None,
        metadata={
            "name": "BeperkingScores",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        },
    )


@dataclass(kw_only=True)
class Relaties:
    relatie: list[Relatie] = field(
        default_factory=list,
        metadata={
            "name": "Relatie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
            "min_occurs": 1,
        },
    )


@dataclass(kw_only=True)
class Beperkingen:
    beperking: list[Beperking] = field(
        default_factory=list,
        metadata={
            "name": "Beperking",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
            "min_occurs": 1,
        },
    )


@dataclass(kw_only=True)
class Indicatie:
    """
    De indicatie bevat de indicatiebesluitgegevens van de client.

    :ivar besluitnummer: Identificerend nummer van een indicatiebesluit.
    :ivar soort: Gecodeerde aanduiding van de soort indicatie.
    :ivar grondslagen: De verzameling van gecodeerde aanduidingen die aangeven wat ten grondslag ligt aan het
        indicatiebesluit.
    :ivar afgiftedatum: De datum waarop het indicatiebesluit is afgegeven.
    :ivar ingangsdatum: De datum die aangeeft vanaf welke datum het indicatiebesluit rechtsgeldig is.
    :ivar einddatum: Datum die aangeeft tot en met welke datum het indicatiebesluit rechtsgeldig is.
    :ivar meerzorg: Gecodeerde aanduiding waarmee het CIZ aangeeft of meerzorg van toepassing zou kunnen zijn.
    :ivar commentaar: Vrije tekst (bijvoorbeeld toelichting) in een bericht.
    :ivar stoornissen:
    :ivar beperkingen:
    :ivar geindiceerde_functies:
    :ivar stoornis_scores:
    :ivar geindiceerde_zorgzwaartepakketten:
    """

    besluitnummer: int = field(
        metadata={
            "name": "Besluitnummer",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
            "min_inclusive": 1,
            "max_inclusive": 999999999,
        }
    )
    soort: LdtSoortIndicatie = field(
        metadata={
            "name": "Soort",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        }
    )
    grondslagen: None | CdtGrondslagen = field(
        default=None,
        metadata={
            "name": "Grondslagen",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        },
    )
    afgiftedatum: str = field(
        metadata={
            "name": "Afgiftedatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
            "pattern": r"[^:Z]*",
        }
    )
    ingangsdatum: str = field(
        metadata={
            "name": "Ingangsdatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
            "pattern": r"[^:Z]*",
        }
    )
    einddatum: None | str = field(
        default=None,
        metadata={
            "name": "Einddatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
            "pattern": r"[^:Z]*",
        },
    )
    meerzorg: None | LdtJaNee = field(
        default=None,
        metadata={
            "name": "Meerzorg",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        },
    )
    commentaar: None | str = field(
        default=None,
        metadata={
            "name": "Commentaar",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
            "min_length": 1,
            "pattern": r"([.\s]*\S+[.\s]*)+",
        },
    )
    stoornissen: None | Stoornissen = field(
        default=None,
        metadata={
            "name": "Stoornissen",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        },
    )
    beperkingen: None | Beperkingen = field(
        default=None,
        metadata={
            "name": "Beperkingen",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        },
    )
    geindiceerde_functies: None | GeindiceerdeFuncties = field(
        default=None,
        metadata={
            "name": "GeindiceerdeFuncties",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        },
    )
    stoornis_scores: None | StoornisScores = field(
        default=None,
        metadata={
            "name": "StoornisScores",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        },
    )
    geindiceerde_zorgzwaartepakketten: None | GeindiceerdeZorgzwaartepakketten = field(
        default=None,
        metadata={
            "name": "GeindiceerdeZorgzwaartepakketten",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        },
    )


@dataclass(kw_only=True)
class Client:
    """
    Persoonsgegevens van de client.

    :ivar bsn: Een door de overheid toegekend identificerend nummer in het kader van het vereenvoudigen van het
        contact tussen overheid en burgers en het verminderen van de administratieve lasten.
    :ivar geheime_client: Indicatie of er vanwege veiligheidsoverwegingen extra zorgvuldig omgegaan moet worden
        met de gegevens van een client.
    :ivar geboortedatum: Geboortedatum van de client of relatie.
    :ivar geslacht: De sekse van een persoon, zoals bij geboorte formeel vastgesteld of nadien formeel gewijzigd.
    :ivar burgerlijke_staat: Unieke aanduiding die de rechtspositie van een client al dan niet in relatie tot een
        of meer personen beschrijft.
    :ivar naam: Volledige naam van een natuurlijk persoon, aangeduid als Geslachtsnaam, eventueel Partnernaam,
        Voornamen en/of Voorletters en NaamGebruik.
    :ivar leefeenheid: Gecodeerde aanduiding van de leefsituatie van een client.
    :ivar huisarts: Gecodeerde aanduiding van de huisarts van de client, opgebouwd uit zorgverlenerssoort gevolgd
        door een uniek zorgverlenersnummer.
    :ivar communicatie: Gecodeerde aanduiding van de bijzondere vorm van communicatie die gebruikt dient te
        worden.
    :ivar wzd: Aanduiding of Wet zorg en dwang van toepassing is en voor welke periode.
    :ivar commentaar: Vrije tekst (bijvoorbeeld toelichting) in een bericht.
    :ivar relaties:
    :ivar contactgegevens:
    :ivar indicatie:
    """

    bsn: str = field(
        metadata={
            "name": "Bsn",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
            "min_length": 1,
            "max_length": 9,
            "pattern": r"[0-9]{9}",
        }
    )
    geheime_client: LdtJaNee = field(
        metadata={
            "name": "GeheimeClient",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        }
    )
    geboortedatum: CdtGeboortedatum = field(
        metadata={
            "name": "Geboortedatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        }
    )
    geslacht: LdtGeslacht = field(
        metadata={
            "name": "Geslacht",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        }
    )
    burgerlijke_staat: None | LdtBurgerlijkeStaat = field(
        default=None,
        metadata={
            "name": "BurgerlijkeStaat",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        },
    )
    naam: CdtVolledigeNaam = field(
        metadata={
            "name": "Naam",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        }
    )
    leefeenheid: LdtLeefeenheid = field(
        metadata={
            "name": "Leefeenheid",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        }
    )
    huisarts: None | str = field(
        default=None,
        metadata={
            "name": "Huisarts",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
            "min_length": 1,
            "max_length": 8,
            "pattern": r"[0-9]{8}",
        },
    )
    communicatie: None | CdtCommunicatie = field(
        default=None,
        metadata={
            "name": "Communicatie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        },
    )
    wzd: None | CdtWzd = field(
        default=None,
        metadata={
            "name": "Wzd",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        },
    )
    commentaar: None | str = field(
        default=None,
        metadata={
            "name": "Commentaar",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
            "min_length": 1,
            "pattern": r"([.\s]*\S+[.\s]*)+",
        },
    )
    relaties: None | Relaties = field(
        default=None,
        metadata={
            "name": "Relaties",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        },
    )
    contactgegevens: Contactgegevens = field(
        metadata={
            "name": "Contactgegevens",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        }
    )
    indicatie: Indicatie = field(
        metadata={
            "name": "Indicatie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        }
    )


@dataclass(kw_only=True)
class Clienten:
    client: list[Client] = field(
        default_factory=list,
        metadata={
            "name": "Client",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
            "min_occurs": 1,
        },
    )


@dataclass(kw_only=True)
class Root:
    """
    Bericht met informatie over de geindiceerde Wlz-zorg (CIZ naar zorgkantoor).
    """

    header: Header = field(
        metadata={
            "name": "Header",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        }
    )
    clienten: Clienten = field(
        metadata={
            "name": "Clienten",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        }
    )


@dataclass(kw_only=True)
class Bericht(Root):
    class Meta:
        namespace = "http://www.istandaarden.nl/iwlz/2_2/io31/schema"
