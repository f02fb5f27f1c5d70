from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

__NAMESPACE__ = "http://www.istandaarden.nl/iwlz/2_2/basisschema/schema"


@dataclass(kw_only=True)
class CdtAchternaam:
    """
    De achternaam van een natuurlijk persoon, aangeduid als Naam met Voorvoegsel.

    :ivar achternaam: De achternaam van een persoon, indien nodig verkort weergegeven.
    :ivar voorvoegsel: Verzameling van een of meer voorzetsels/lidwoorden, die aan het significante deel van de
        achternaam van een persoon vooraf gaat en daar een onderdeel van is.
    """

    class Meta:
        name = "CDT_Achternaam"

    achternaam: str = field(
        metadata={
            "name": "Achternaam",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/basisschema/schema",
            "min_length": 1,
            "max_length": 200,
            "pattern": r".*[^\s].*",
        }
    )
    voorvoegsel: None | str = field(
        default=None,
        metadata={
            "name": "Voorvoegsel",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/basisschema/schema",
            "min_length": 1,
            "max_length": 10,
            "pattern": r".*[^\s].*",
        },
    )


@dataclass(kw_only=True)
class CdtBerichtIdentificatie:
    """
    Naam of nummer en dagtekening ter identificatie van een totale aanlevering.

    :ivar identificatie: Naam of nummer, die ter identificatie aan een totale aanlevering kan worden meegegeven.
    :ivar dagtekening: De datum van verzending van het bericht.
    """

    class Meta:
        name = "CDT_BerichtIdentificatie"

    identificatie: str = field(
        metadata={
            "name": "Identificatie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/basisschema/schema",
            "min_length": 1,
            "max_length": 12,
            "pattern": r".*[^\s].*",
        }
    )
    dagtekening: str = field(
        metadata={
            "name": "Dagtekening",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/basisschema/schema",
            "pattern": r"[^:Z]*",
        }
    )


@dataclass(kw_only=True)
class CdtGeslotenPeriode:
    """
    Tijdsperiode met zowel begin- als einddatum.

    :ivar begindatum: De begindatum van de periode.
    :ivar einddatum: De einddatum van de periode.
    """

    class Meta:
        name = "CDT_GeslotenPeriode"

    begindatum: str = field(
        metadata={
            "name": "Begindatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/basisschema/schema",
            "pattern": r"[^:Z]*",
        }
    )
    einddatum: str = field(
        metadata={
            "name": "Einddatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/basisschema/schema",
            "pattern": r"[^:Z]*",
        }
    )


@dataclass(kw_only=True)
class CdtOpenPeriode:
    """
    Aanduiding van een tijdsperiode met een Begindatum en/of een Einddatum.

    :ivar begindatum: De begindatum van de periode.
    :ivar einddatum: De einddatum van de periode.
    """

    class Meta:
        name = "CDT_OpenPeriode"

    begindatum: None | str = field(
        default=None,
        metadata={
            "name": "Begindatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/basisschema/schema",
            "pattern": r"[^:Z]*",
        },
    )
    einddatum: None | str = field(
        default=None,
        metadata={
            "name": "Einddatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/basisschema/schema",
            "pattern": r"[^:Z]*",
        },
    )


@dataclass(kw_only=True)
class CdtTelefoon:
    """
    Het telefoonnummer waarop de client of relatie van de client te bereiken is.

    :ivar telefoonnummer: Het telefoonnummer waarop de client of relatie van de client te bereiken is.
    :ivar landnummer: Het telefoonnummer van een land, vanuit Nederland benaderd.
    """

    class Meta:
        name = "CDT_Telefoon"

    telefoonnummer: str = field(
        metadata={
            "name": "Telefoonnummer",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/basisschema/schema",
            "min_length": 1,
            "max_length": 15,
            "pattern": r"[0-9]*",
        }
    )
    landnummer: str = field(
        metadata={
            "name": "Landnummer",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/basisschema/schema",
            "min_length": 1,
            "max_length": 4,
            "pattern": r".*[^\s].*",
        }
    )


@dataclass(kw_only=True)
class CdtXsdVersie:
    class Meta:
        name = "CDT_XsdVersie"

    basisschema_xsd_versie: str = field(
        metadata={
            "name": "BasisschemaXsdVersie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/basisschema/schema",
            "min_length": 1,
            "pattern": r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)",
        }
    )
    bericht_xsd_versie: str = field(
        metadata={
            "name": "BerichtXsdVersie",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/basisschema/schema",
            "min_length": 1,
            "pattern": r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)",
        }
    )


class LdtAanduidingWoonadres(Enum):
    """
    De aanduiding die wordt gebruikt voor adressen die niet zijn voorzien van de gebruikelijke straatnaam en
    huisnummeraanduidingen.

    :cvar AB: Aan boord
    :cvar BY: Bij
    :cvar TO: Tegenover
    :cvar WW: Woonwagen
    """

    AB = "AB"
    BY = "BY"
    TO = "TO"
    WW = "WW"


class LdtAdresSoort(Enum):
    """
    Nadere typering van het adres.

    :cvar VALUE_01: BRP-adres
    :cvar VALUE_02: Correspondentie-adres
    :cvar VALUE_03: Verblijfadres
    :cvar VALUE_04: Tijdelijk verblijfadres
    """

    VALUE_01 = "01"
    VALUE_02 = "02"
    VALUE_03 = "03"
    VALUE_04 = "04"


class LdtBeperkingCategorie(Enum):
    """
    Aanduiding over de categorie van de beperking.

    :cvar VALUE_1: Sociale redzaamheid
    :cvar VALUE_2: Mobiliteit
    :cvar VALUE_3: Persoonlijke zorg
    :cvar VALUE_4: Huishoudelijk leven
    :cvar VALUE_5: Sociale relaties en maatschappelijk leven
    :cvar VALUE_6: Deelname aan leren, werken
    """

    VALUE_1 = "1"
    VALUE_2 = "2"
    VALUE_3 = "3"
    VALUE_4 = "4"
    VALUE_5 = "5"
    VALUE_6 = "6"


class LdtBeperkingScore(Enum):
    """
    Gecodeerde aanduiding van de score op een vraag over een beperking.

    :cvar VALUE_0: Kan deze activiteit zelf, er is geen hulp van een ander nodig
    :cvar VALUE_1: Kan het zelf, maar iemand anders moet toezien of stimuleren
    :cvar VALUE_2: Kan dit slechts met veel moeite/iemand anders moet helpen
    :cvar VALUE_3: Kan dit niet zelfstandig/iemand anders moet dit overnemen
    :cvar VALUE_9: Niet beoordeeld
    """

    VALUE_0 = "0"
    VALUE_1 = "1"
    VALUE_2 = "2"
    VALUE_3 = "3"
    VALUE_9 = "9"


class LdtBeperkingVraag(Enum):
    """
    Gecodeerde aanduiding van de vraag over beperking.

    :cvar VALUE_0101: Sociale redzaamheid - Problemen oplossen, besluiten nemen en gevolgen inschatten
    :cvar VALUE_0102: Sociale redzaamheid - Initieren + uitvoeren van eenvoudige taken (bv. eten maken, de was
        doen)
    :cvar VALUE_0103: Sociale redzaamheid - Initieren + uitvoeren van complexere taken (bv. werkritme)
    :cvar VALUE_0104: Sociale redzaamheid - Dagelijkse routine regelen: structuur in dagindeling
    :cvar VALUE_0105: Sociale redzaamheid - Dagelijkse bezigheden: activiteiten plannen/uitvoeren
    :cvar VALUE_0106: Sociale redzaamheid - Kunnen lezen, schrijven en rekenen
    :cvar VALUE_0107: Sociale redzaamheid - Zelf geld beheren, weten hoe je iets koopt en betaalt
    :cvar VALUE_0108: Sociale redzaamheid - Zelf allerlei administratieve zaken afhandelen
    :cvar VALUE_0109: Sociale redzaamheid - Zich redden bij het gebruik van openbaar vervoer
    :cvar VALUE_0110: Sociale redzaamheid - Zich redden in winkels, postkantoor, bank, etc.
    :cvar VALUE_0111: Sociale redzaamheid - Communicatie: begrijpen wat anderen zeggen
    :cvar VALUE_0112: Sociale redzaamheid - Communicatie: zich begrijpelijk maken naar anderen
    :cvar VALUE_0113: Sociale redzaamheid - Communicatie: een gesprek voeren
    :cvar VALUE_0114: Sociale redzaamheid - Hulpmiddelen voor communicatie gebruiken (telefoon, computer, etc.)
    :cvar VALUE_0201: Mobiliteit - Lichaamspositie veranderen (opstaan uit stoel, knielen en opstaan)
    :cvar VALUE_0202: Mobiliteit - Lichaamspositie handhaven (rechtop staan; in stoel zitten)
    :cvar VALUE_0203: Mobiliteit - Lichtere voorwerpen tillen en dragen (bijv. kopje oppakken)
    :cvar VALUE_0204: Mobiliteit - Zwaardere voorwerpen tillen en dragen (bijv. kind in bed leggen)
    :cvar VALUE_0205: Mobiliteit - Gecoordinerede bewegingen met benen/voeten maken (bijv. fietsen)
    :cvar VALUE_0206: Mobiliteit - Fijne handbewegingen maken (bijv. geld tellen, toetsen indrukken)
    :cvar VALUE_0207: Mobiliteit - Grove hand- en armbewegingen maken (duwen, trekken, vangen)
    :cvar VALUE_0208: Mobiliteit - Zich voortbewegen binnenshuis, zonder hulp of hulpmiddelen
    :cvar VALUE_0209: Mobiliteit - Trap op en af gaan, zonder hulp of hulpmiddelen
    :cvar VALUE_0210: Mobiliteit - Korte afstanden lopen: ten hoogste kilometer
    :cvar VALUE_0211: Mobiliteit - Zich verplaatsen buitenshuis (&gt; kilometer) zonder hulp/hulpmiddelen
    :cvar VALUE_0212: Mobiliteit - Zich verplaatsen met gebruik van hulpmiddelen (rollator, rolstoel, etc.)
    :cvar VALUE_0213: Mobiliteit - Een eigen vervoermiddel gebruiken (fiets, auto)
    :cvar VALUE_0214: Mobiliteit - Gebruik maken van openbaar vervoer (trein, bus)
    :cvar VALUE_0301: Persoonlijke zorg - Zich wassen: delen van lichaam of gehele lichaam
    :cvar VALUE_0302: Persoonlijke zorg - Zich kleden: aankleden en uitkelden
    :cvar VALUE_0303: Persoonlijke zorg - In en uit bed gaan
    :cvar VALUE_0304: Persoonlijke zorg - Zich verplaatsen in zit- of lighouding
    :cvar VALUE_0305: Persoonlijke zorg - Naar toilet gaan en zich reinigen
    :cvar VALUE_0306: Persoonlijke zorg - Eten en drinken
    :cvar VALUE_0307: Persoonlijke zorg - Persoonlijke zorg voor tanden, haren, nagels, huid
    :cvar VALUE_0308: Persoonlijke zorg - Zelf aanbrengen van een prothese
    :cvar VALUE_0309: Persoonlijke zorg - Voor eigen gezondheid zorgen (gezonde voeding etc.)
    :cvar VALUE_0401: Huishoudelijk leven - Boodschappen voor het dagelijks leven doen
    :cvar VALUE_0402: Huishoudelijk leven - Maaltijden bereiden: broodmaaltijd
    :cvar VALUE_0403: Huishoudelijk leven - Maaltijden bereiden: warme maaltijd
    :cvar VALUE_0404: Huishoudelijk leven - Licht poetswerk in huis; kamers opruimen
    :cvar VALUE_0405: Huishoudelijk leven - Huis schoonmaken, stofzuigen, wc/badkamer reinigen
    :cvar VALUE_0406: Huishoudelijk leven - Kleding/linnengoed wassen ("de was doen")
    :cvar VALUE_0407: Huishoudelijk leven - Huishoudelijke apparaten gebruiken (wasmachine, stofzuiger,
        strijkijzer)
    :cvar VALUE_0408: Huishoudelijk leven - Huishoudelijke spullen in orde houden (kleding, planten, apparaten)
    :cvar VALUE_0409: Huishoudelijk leven - Anderen in huishouden helpen met zelfverzorging
    :cvar VALUE_0410: Huishoudelijk leven - Anderen helpen bij bereiden maaltijden, eten, etc.
    :cvar VALUE_0411: Huishoudelijk leven - Dagelijkse organisatie van het huishouden
    :cvar VALUE_0501: Sociale relaties en maatschappelijk leven - Relaties met familie onderhouden
    :cvar VALUE_0502: Sociale relaties en maatschappelijk leven - Zelfstandig met anderen contacten opbouwen
    :cvar VALUE_0503: Sociale relaties en maatschappelijk leven - Zelfstandig met anderen (vrienden) contacten
        onderhouden
    :cvar VALUE_0504: Sociale relaties en maatschappelijk leven - Zelfstandig aan clubs en verenigingen deelnemen
    :cvar VALUE_0505: Sociale relaties en maatschappelijk leven - Vrijetijdsbesteding buitenshuis: naar sport,
        theater, cafe, etc.
    :cvar VALUE_0506: Sociale relaties en maatschappelijk leven - Zelfstandig naar algemene voorzieningen gaan
        (zoals winkels, bibliotheek)
    :cvar VALUE_0601: Deelname onderwijs, werk - Deelname aan gewone kinderopvang
    :cvar VALUE_0602: Deelname onderwijs, werk - School volgen binnen het gewoon onderwijs
    :cvar VALUE_0603: Deelname onderwijs, werk - School volgen binnen het speciaal onderwijs
    :cvar VALUE_0604: Deelname onderwijs, werk - Meedoen aan naschoolse of buitenschoolse opvang
    :cvar VALUE_0605: Deelname onderwijs, werk - OUDERS van vrager: opvoeden van kind (ontwikkelen van
        vaardigheden)
    :cvar VALUE_0606: Deelname onderwijs, werk - OUDERS van vrager: dagelijkse structuur bieden aan het
        opgroeiende kind
    :cvar VALUE_0607: Deelname onderwijs, werk - Een betaalde baan zoeken en krijgen
    :cvar VALUE_0608: Deelname onderwijs, werk - Een dagtaak uitvoeren, een vast werkritme aanhouden
    :cvar VALUE_0609: Deelname onderwijs, werk - Betaald werk doen: voltijds
    :cvar VALUE_0610: Deelname onderwijs, werk - Betaald werk doen: deeltijd
    :cvar VALUE_0611: Deelname onderwijs, werk - Niet-betaald werk doen in vrijwillige verbanden
    """

    VALUE_0101 = "0101"
    VALUE_0102 = "0102"
    VALUE_0103 = "0103"
    VALUE_0104 = "0104"
    VALUE_0105 = "0105"
    VALUE_0106 = "0106"
    VALUE_0107 = "0107"
    VALUE_0108 = "0108"
    VALUE_0109 = "0109"
    VALUE_0110 = "0110"
    VALUE_0111 = "0111"
    VALUE_0112 = "0112"
    VALUE_0113 = "0113"
    VALUE_0114 = "0114"
    VALUE_0201 = "0201"
    VALUE_0202 = "0202"
    VALUE_0203 = "0203"
    VALUE_0204 = "0204"
    VALUE_0205 = "0205"
    VALUE_0206 = "0206"
    VALUE_0207 = "0207"
    VALUE_0208 = "0208"
    VALUE_0209 = "0209"
    VALUE_0210 = "0210"
    VALUE_0211 = "0211"
    VALUE_0212 = "0212"
    VALUE_0213 = "0213"
    VALUE_0214 = "0214"
    VALUE_0301 = "0301"
    VALUE_0302 = "0302"
    VALUE_0303 = "0303"
    VALUE_0304 = "0304"
    VALUE_0305 = "0305"
    VALUE_0306 = "0306"
    VALUE_0307 = "0307"
    VALUE_0308 = "0308"
    VALUE_0309 = "0309"
    VALUE_0401 = "0401"
    VALUE_0402 = "0402"
    VALUE_0403 = "0403"
    VALUE_0404 = "0404"
    VALUE_0405 = "0405"
    VALUE_0406 = "0406"
    VALUE_0407 = "0407"
    VALUE_0408 = "0408"
    VALUE_0409 = "0409"
    VALUE_0410 = "0410"
    VALUE_0411 = "0411"
    VALUE_0501 = "0501"
    VALUE_0502 = "0502"
    VALUE_0503 = "0503"
    VALUE_0504 = "0504"
    VALUE_0505 = "0505"
    VALUE_0506 = "0506"
    VALUE_0601 = "0601"
    VALUE_0602 = "0602"
    VALUE_0603 = "0603"
    VALUE_0604 = "0604"
    VALUE_0605 = "0605"
    VALUE_0606 = "0606"
    VALUE_0607 = "0607"
    VALUE_0608 = "0608"
    VALUE_0609 = "0609"
    VALUE_0610 = "0610"
    VALUE_0611 = "0611"


class LdtBurgerlijkeStaat(Enum):
    """
    Unieke aanduiding die de rechtspositie van een client al dan niet in relatie tot een of meer personen
    beschrijft.

    :cvar VALUE_1: Ongehuwd en geen geregistreerd partner en nooit gehuwd of geregistreerd partner geweest
    :cvar VALUE_2: Gehuwd
    :cvar VALUE_3: Gescheiden
    :cvar VALUE_4: Weduwe/weduwnaar
    :cvar VALUE_5: Geregistreerd partner
    :cvar VALUE_6: Gescheiden geregistreerd partner
    :cvar VALUE_7: Achtergebleven geregistreerd partner
    :cvar VALUE_9: Ongehuwd en geen geregistreerd partner, eventueel wel gehuwd of geregistreerd partner geweest
    """

    VALUE_1 = "1"
    VALUE_2 = "2"
    VALUE_3 = "3"
    VALUE_4 = "4"
    VALUE_5 = "5"
    VALUE_6 = "6"
    VALUE_7 = "7"
    VALUE_9 = "9"


class LdtCommunicatievorm(Enum):
    """
    Gecodeerde aanduiding van de bijzondere vorm van communicatie die gebruikt dient te worden.

    :cvar VALUE_1: Tolk taal
    :cvar VALUE_2: Doventolk
    :cvar VALUE_3: Doofblindentolk
    """

    VALUE_1 = "1"
    VALUE_2 = "2"
    VALUE_3 = "3"


class LdtDatumGebruik(Enum):
    """
    Indicator die aangeeft welk deel van de voorafgaande datum gebruikt mag worden.

    :cvar VALUE_1: dag onbekend; alleen maand en jaar gebruiken
    :cvar VALUE_2: dag en maand onbekend; alleen jaar gebruiken
    :cvar VALUE_3: dag, maand en jaar onbekend; onbekende datum
    """

    VALUE_1 = "1"
    VALUE_2 = "2"
    VALUE_3 = "3"


class LdtDiagnoseCodelijst(Enum):
    """
    Code die aangeeft welke diagnosecodelijst gebruikt is, met aanduiding van de oorsprong van de codes en/of de
    beheerder ervan.

    :cvar VALUE_014: Classificatie van ziekten (ZIN/ICD-10)
    :cvar VALUE_019: Diagnostic and statistical manual of mental disorders IV (DSM-IV).
    :cvar VALUE_021: Internationale classificatie van functioneren (ICF)
    :cvar VALUE_022: IQ
    :cvar VALUE_023: Visueel
    :cvar VALUE_024: Auditief
    """

    VALUE_014 = "014"
    VALUE_019 = "019"
    VALUE_021 = "021"
    VALUE_022 = "022"
    VALUE_023 = "023"
    VALUE_024 = "024"


class LdtDiagnoseSubcodelijst(Enum):
    """
    Code die aangeeft welke subcode van een diagnosecodelijst gebruikt is.

    :cvar VALUE_01: Mentaal
    :cvar VALUE_02: Zintuiglijk
    :cvar VALUE_03: Fysiek
    :cvar VALUE_04: 1e aandoening
    :cvar VALUE_05: 2e aandoening
    :cvar VALUE_06: 3e aandoening
    :cvar VALUE_07: As I
    :cvar VALUE_08: As II
    :cvar VALUE_09: As III
    :cvar VALUE_10: As IV
    :cvar VALUE_11: As V
    :cvar VALUE_12: Visueel
    :cvar VALUE_13: Auditief
    """

    VALUE_01 = "01"
    VALUE_02 = "02"
    VALUE_03 = "03"
    VALUE_04 = "04"
    VALUE_05 = "05"
    VALUE_06 = "06"
    VALUE_07 = "07"
    VALUE_08 = "08"
    VALUE_09 = "09"
    VALUE_10 = "10"
    VALUE_11 = "11"
    VALUE_12 = "12"
    VALUE_13 = "13"


class LdtDuur(Enum):
    """
    Code die aangeeft wat de verwachte duur is van de categorie beperking.

    :cvar VALUE_1: Korter dan drie maanden
    :cvar VALUE_2: Drie tot zes maanden
    :cvar VALUE_3: Zes tot twaalf maanden
    :cvar VALUE_4: Langer dan een jaar
    """

    VALUE_1 = "1"
    VALUE_2 = "2"
    VALUE_3 = "3"
    VALUE_4 = "4"


class LdtEtmalen(Enum):
    """
    Gecodeerde aanduiding van het aantal etmalen verblijf per week.

    :cvar VALUE_3_5: 3,5 Etmalen
    :cvar VALUE_4_0: 4 Etmalen
    :cvar VALUE_4_5: 4,5 Etmalen
    """

    VALUE_3_5 = "3,5"
    VALUE_4_0 = "4,0"
    VALUE_4_5 = "4,5"


class LdtExtraKostenThuis(Enum):
    """
    Reden die aangeeft waarom er sprake is van extra kosten thuis.

    :cvar VALUE_5: Extra kosten thuis
    """

    VALUE_5 = "5"


class LdtFinanciering(Enum):
    """
    Gecodeerde aanduiding van het CIZ van de wijze waarop de zorg binnen het indicatiebesluit gefinancierd wordt.

    :cvar VALUE_1: Wlz
    :cvar VALUE_2: Wlz, voorheen Wlz-indiceerbaar
    :cvar VALUE_3: Subsidieregeling
    :cvar VALUE_4: Anders
    """

    VALUE_1 = "1"
    VALUE_2 = "2"
    VALUE_3 = "3"
    VALUE_4 = "4"


class LdtFunctieCode(Enum):
    """
    Gecodeerde aanduiding van een zorgfunctie.

    :cvar VALUE_21: HV: Huishoudelijke Hulp
    :cvar VALUE_31: PV: Persoonlijke verzorging
    :cvar VALUE_41: VP: Verpleging
    :cvar VALUE_61: BHALG: Behandeling algemeen (buiten verblijf in Wlz-instelling)
    :cvar VALUE_62: BHVBF: Behandeling met verblijf
    :cvar VALUE_63: BH-IND: Behandeling individueel
    :cvar VALUE_64: BH-GRP: Behandeling in groepsverband
    :cvar VALUE_71: VBTYD: Verblijf tijdelijk
    :cvar VALUE_81: BG-IND: Begeleiding individueel
    :cvar VALUE_82: BG-GRP: Begeleiding in groepsverband
    :cvar VALUE_91: ADL: ADL-assistentie
    """

    VALUE_21 = "21"
    VALUE_31 = "31"
    VALUE_41 = "41"
    VALUE_61 = "61"
    VALUE_62 = "62"
    VALUE_63 = "63"
    VALUE_64 = "64"
    VALUE_71 = "71"
    VALUE_81 = "81"
    VALUE_82 = "82"
    VALUE_91 = "91"


class LdtGeslacht(Enum):
    """
    De sekse van een persoon, zoals bij geboorte formeel vastgesteld of nadien formeel gewijzigd.

    :cvar VALUE_0: Onbekend
    :cvar VALUE_1: Mannelijk
    :cvar VALUE_2: Vrouwelijk
    """

    VALUE_0 = "0"
    VALUE_1 = "1"
    VALUE_2 = "2"


class LdtGrondslag(Enum):
    """
    Gecodeerde aanduiding die aangeeft wat ten grondslag ligt aan het indicatiebesluit.

    :cvar VALUE_01: SOMATISCHE ZIEKTE/AANDOENING
    :cvar VALUE_02: PSYCHOGERIATRISCHE ZIEKTE/AANDOENING
    :cvar VALUE_03: PSYCHIATRISCHE AANDOENING, PSYCHISCHE STOORNIS
    :cvar VALUE_04: LICHAMELIJKE HANDICAP (FUNCTIESTOORNIS)
    :cvar VALUE_05: VERSTANDELIJKE HANDICAP (FUNCTIESTOORNIS)
    :cvar VALUE_06: ZINTUIGLIJKE HANDICAP (FUNCTIESTOORNIS)
    :cvar VALUE_07: PSYCHOSOCIALE PROBLEMEN
    """

    VALUE_01 = "01"
    VALUE_02 = "02"
    VALUE_03 = "03"
    VALUE_04 = "04"
    VALUE_05 = "05"
    VALUE_06 = "06"
    VALUE_07 = "07"


class LdtJaNee(Enum):
    """
    Codering voor ja of nee.

    :cvar VALUE_1: Ja
    :cvar VALUE_2: Nee
    """

    VALUE_1 = "1"
    VALUE_2 = "2"


class LdtKlasse(Enum):
    """
    Gecodeerde aanduiding van de mate van zorg betreffende een zorgeenheid, uitgedrukt in een klasse.

    :cvar VALUE_99: niet van toepassing
    :cvar K0: 0 tot 1 uur per week (intervalbegeleiding)
    :cvar K1: 0 tot 2 uur per week (intervalbegeleiding)
    :cvar K2: 2 tot 4 uur per week (intervalbegeleiding, doorgaans meerdere keren per week, gemiddeld 3 uur per
        week)
    :cvar K3: 4 tot 7 uur per week (min of meer dagelijkse begeleiding eventueel meerdere keren per dag,
        gemiddeld 5 uur/w)
    :cvar K4: 7 tot 10 uur per week (continue begeleiding, veelal in samenhang met geclusterd wonen, al dan niet
        verblijf)
    :cvar K5: 10 tot 13 uur per week (continue begeleiding plus toezicht, met geclusterd wonen, structuurbiedend
        klimaat)
    :cvar K6: 13 tot 16 uur per week (continue begeleiding plus toezicht, met geclusterd wonen, structuurbiedend
        klimaat met extra aandacht voor
    :cvar K7: 16 tot 20 uur per week (continue en intensieve begeleiding, individueel en structuurverlenend,
        permanent toezicht,
    :cvar K8: 20 tot 25 uur per week (continue begeleiding en bescherming, 24 uurs nabij, in therapeutisch
        leefklimaat,
    :cvar KD01: Een dagdeel per week
    :cvar KD02: Twee dagdelen per week
    :cvar KD03: Drie dagdelen per week
    :cvar KD04: Vier dagdelen per week
    :cvar KD05: Vijf dagdelen per week
    :cvar KD06: Zes dagdelen per week
    :cvar KD07: Zeven dagdelen per week
    :cvar KD08: Acht dagdelen per week
    :cvar KD09: Negen dagdelen per week
    :cvar KD10: Tien dagdelen per week
    :cvar KD11: Elf dagdelen per week
    :cvar KD12: Twaalf dagdelen per week
    :cvar KD13: Dertien dagdelen per week
    :cvar KD14: Veertien dagdelen per week
    :cvar KD15: Vijftien dagdelen per week
    :cvar KE1: Gemiddeld een etmaal per week
    :cvar KE2: Gemiddeld twee etmalen per week
    :cvar KE3: Gemiddeld drie etmalen per week
    :cvar KE4: Gemiddeld vier etmalen per week
    :cvar KE5: Gemiddeld vijf etmalen per week
    :cvar KE6: Gemiddeld zes etmalen per week
    :cvar KE7: Zeven etmalen per week
    """

    VALUE_99 = "99"
    K0 = "K0"
    K1 = "K1"
    K2 = "K2"
    K3 = "K3"
    K4 = "K4"
    K5 = "K5"
    K6 = "K6"
    K7 = "K7"
    K8 = "K8"
    KD01 = "KD01"
    KD02 = "KD02"
    KD03 = "KD03"
    KD04 = "KD04"
    KD05 = "KD05"
    KD06 = "KD06"
    KD07 = "KD07"
    KD08 = "KD08"
    KD09 = "KD09"
    KD10 = "KD10"
    KD11 = "KD11"
    KD12 = "KD12"
    KD13 = "KD13"
    KD14 = "KD14"
    KD15 = "KD15"
    KE1 = "KE1"
    KE2 = "KE2"
    KE3 = "KE3"
    KE4 = "KE4"
    KE5 = "KE5"
    KE6 = "KE6"
    KE7 = "KE7"


class LdtLandCode(Enum):
    """
    Identificatie van een (historisch/actueel) land of gebiedsdeel.

    :cvar AD: ANDORRA
    :cvar AE: VERENIGDE ARABISCHE EMIRATEN
    :cvar AF: AFGHANISTAN
    :cvar AG: ANTIGUA EN BARBUDA
    :cvar AI: ANGUILA
    :cvar AL: ALBANIE
    :cvar AM: ARMENIE
    :cvar AO: ANGOLA
    :cvar AQ: ANTARTICA
    :cvar AR: ARGENTINIE
    :cvar AS: AMERIKAANS-SAMOA
    :cvar AT: OOSTENRIJK
    :cvar AU: AUSTRALIE
    :cvar AW: ARUBA
    :cvar AX: ÅLANDSEILANDEN
    :cvar AZ: AZERBEIDZJAN
    :cvar BA: BOSNIE EN HERZEGOVINA
    :cvar BB: BARBADOS
    :cvar BD: BANGLADESH
    :cvar BE: BELGIE
    :cvar BF: BURKINA FASO
    :cvar BG: BULGARIJE
    :cvar BH: BAHREIN
    :cvar BI: BURUNDI
    :cvar BJ: BENIN
    :cvar BL: SAINT BARTHÉLEMY
    :cvar BM: BERMUDA
    :cvar BN: BRUNEI
    :cvar BO: BOLIVIA
    :cvar BQ: BONAIRE, SINT EUSTATIUS en SABA
    :cvar BR: BRAZILIE
    :cvar BS: BAHAMA'S
    :cvar BT: BHUTAN
    :cvar BV: BOUVET
    :cvar BW: BOTSWANA
    :cvar BY: WIT-RUSLAND
    :cvar BZ: BELIZE
    :cvar CA: CANADA
    :cvar CC: COCOSEILANDEN
    :cvar CD: CONGO-KINSHASA
    :cvar CF: CENTRAAL-AFRIKAANSE REPUBLIEK
    :cvar CG: CONGO-BRAZZAVILLE
    :cvar CH: ZWITSERLAND
    :cvar CI: IVOORKUST
    :cvar CK: COOKEILANDEN
    :cvar CL: CHILI
    :cvar CM: KAMEROEN
    :cvar CN: CHINA
    :cvar CO: COLOMBIA
    :cvar CR: COSTA RICA
    :cvar CU: CUBA
    :cvar CV: KAAPVERDIE
    :cvar CW: CURAÇAO
    :cvar CX: CHRISTMASEILAND
    :cvar CY: CYPRUS
    :cvar CZ: TSJECHIE
    :cvar DE: DUITSLAND
    :cvar DJ: DJIBOUTI
    :cvar DK: DENEMARKEN
    :cvar DM: DOMINICA
    :cvar DO: DOMINICAANSE REPUBLIEK
    :cvar DZ: ALGERIJE
    :cvar EC: ECUADOR
    :cvar EE: ESTLAND
    :cvar EG: EGYPTE
    :cvar EH: WESTELIJKE SAHARA
    :cvar ER: ERITREA
    :cvar ES: SPANJE
    :cvar ET: ETHIOPIE
    :cvar FI: FINLAND
    :cvar FJ: FIJI
    :cvar FK: FALKLANDEILANDEN
    :cvar FM: MICRONESIA
    :cvar FO: FAERÖER
    :cvar FR: FRANKRIJK
    :cvar GA: GABON
    :cvar GB: VERENIGD KONINKRIJK
    :cvar GD: GRENADA
    :cvar GE: GEORGIE
    :cvar GF: FRANS-GUYANA
    :cvar GG: GUERNSEY
    :cvar GH: GHANA
    :cvar GI: GIBRALTAR
    :cvar GL: GROENLAND
    :cvar GM: GAMBIA
    :cvar GN: GUINEA
    :cvar GP: GUADELOUPE
    :cvar GQ: EQUATORIAAL-GUINEA
    :cvar GR: GRIEKENLAND
    :cvar GS: ZUID-GEORGIE EN DE ZUIDELIJKE SANDWICHEILANDEN
    :cvar GT: GUATEMALA
    :cvar GU: GUAM
    :cvar GW: GUINEE-BISSAU
    :cvar GY: GUYANA
    :cvar HK: HONGKONG
    :cvar HM: HEARD EN MCDONALDEILANDEN
    :cvar HN: HONDURAS
    :cvar HR: KROATIE
    :cvar HT: HAÏTI
    :cvar HU: HONGARIJE
    :cvar ID: INDONESIE
    :cvar IE: IERLAND
    :cvar IL: ISRAEL
    :cvar IM: ISLE OF MAN
    :cvar IN: INDIA
    :cvar IO: BRITS TERRITORIUM IN DE INDISCHE OCEAAN
    :cvar IQ: IRAK
    :cvar IR: IRAN
    :cvar IS: IJSLAND
    :cvar IT: ITALIE
    :cvar JE: JERSEY
    :cvar JM: JAMAICA
    :cvar JO: JORDANIE
    :cvar JP: JAPAN
    :cvar KE: KENIA
    :cvar KG: KIRGIZIE
    :cvar KH: CAMBODJA
    :cvar KI: KIRIBATI
    :cvar KM: COMOREN
    :cvar KN: SAINT KITTS EN NEVIS
    :cvar KP: NOORD-KOREA
    :cvar KR: ZUID-KOREA
    :cvar KW: KOEWEIT
    :cvar KY: CAYMANEILANDEN
    :cvar KZ: KAZACHSTAN
    :cvar LA: LAOS
    :cvar LB: LIBANON
    :cvar LC: SAINT LUCIA
    :cvar LI: LIECHTENSTEIN
    :cvar LK: SRI LANKA
    :cvar LR: LIBERIA
    :cvar LS: LESOTHO
    :cvar LT: LITOUWEN
    :cvar LU: LUXEMBURG
    :cvar LV: LETLAND
    :cvar LY: LIBIE
    :cvar MA: MAROKKO
    :cvar MC: MONACO
    :cvar MD: MOLDAVIE
    :cvar ME: MONTENEGRO
    :cvar MF: SAINT MARTIN
    :cvar MG: MADAGASKAR
    :cvar MH: MARSHALLEILANDEN
    :cvar MK: MACEDONIE
    :cvar ML: MALI
    :cvar MM: MYANMAR
    :cvar MN: MONGOLIE
    :cvar MO: MACAU
    :cvar MP: NOORDELIJKE MARIANEN
    :cvar MQ: MARTINIQUE
    :cvar MR: MAURITANIE
    :cvar MS: MONTSERRAT
    :cvar MT: MALTA
    :cvar MU: MAURITIUS
    :cvar MV: MALDIVEN
    :cvar MW: MALAWI
    :cvar MX: MEXICO
    :cvar MY: MALEISIE
    :cvar MZ: MOZAMBIQUE
    :cvar NA: NAMIBIE
    :cvar NC: NIEUW-CALEDONIE
    :cvar NE: NIGER
    :cvar NF: NORFOLK
    :cvar NG: NIGERIA
    :cvar NI: NICARAGUA
    :cvar NL: NEDERLAND
    :cvar NO: NOORWEGEN
    :cvar NP: NEPAL
    :cvar NR: NAURU
    :cvar NU: NIUE
    :cvar NZ: NIEUW-ZEELAND
    :cvar OM: OMAN
    :cvar PA: PANAMA
    :cvar PE: PERU
    :cvar PF: FRANS-POLYNESIE
    :cvar PG: PAPOEA-NIEUW-GUINEA
    :cvar PH: FILIPIJNEN
    :cvar PK: PAKISTAN
    :cvar PL: POLEN
    :cvar PM: SAINT-PIERRE EN MIQUELON
    :cvar PN: PITCAIRNEILANDEN
    :cvar PR: PUERTO RICO
    :cvar PS: PALESTIJNSE AUTORITEIT
    :cvar PT: PORTUGAL
    :cvar PW: PALAU
    :cvar PY: PARAGUAY
    :cvar QA: QATAR
    :cvar RE: RÉUNION
    :cvar RO: ROEMENIE
    :cvar RS: SERVIE
    :cvar RU: RUSLAND
    :cvar RW: RWANDA
    :cvar SA: SAOEDI-ARABIE
    :cvar SB: SALOMONSEILANDEN
    :cvar SC: SEYCHELLEN
    :cvar SD: SOEDAN
    :cvar SE: ZWEDEN
    :cvar SG: SINGAPORE
    :cvar SH: SINT-HELENA
    :cvar SI: SLOVENIE
    :cvar SJ: SPITSBERGEN EN JAN MAYEN
    :cvar SK: SLOWAKIJE
    :cvar SL: SIERRA LEONE
    :cvar SM: SAN MARINO
    :cvar SN: SENEGAL
    :cvar SO: SOMALIE
    :cvar SR: SURINAME
    :cvar SS: ZUID SOEDAN
    :cvar ST: SAO TOMÉ EN PRINCIPE
    :cvar SV: EL SALVADOR
    :cvar SX: SINT MAARTEN (Nederlands deel)
    :cvar SY: SYRIE
    :cvar SZ: SWAZILAND
    :cvar TC: TURKS- EN CAICOSEILANDEN
    :cvar TD: TSJAAD
    :cvar TF: FRANSE ZUIDELIJKE EN ANTARCTISCHE GEBIEDEN
    :cvar TG: TOGO
    :cvar TH: THAILAND
    :cvar TJ: TADZJIKISTAN
    :cvar TK: TOKELAU
    :cvar TL: OOST-TIMOR
    :cvar TM: TURKMENISTAN
    :cvar TN: TUNESIE
    :cvar TO: TONGA
    :cvar TR: TURKIJE
    :cvar TT: TRINIDAD EN TOBAGO
    :cvar TV: TUVALU
    :cvar TW: TAIWAN
    :cvar TZ: TANZANIA
    :cvar UA: OEKRAINE
    :cvar UG: OEGANDA
    :cvar UM: KLEINE PACIFISCHE EILANDEN VAN DE VERENIGDE STATEN
    :cvar US: VERENIGDE STATEN
    :cvar UY: URUGUAY
    :cvar UZ: OEZBEKISTAN
    :cvar VA: VATICAANSTAD
    :cvar VC: SAINT VINCENT EN DE GRENADINES
    :cvar VE: VENEZUELA
    :cvar VG: BRITSE MAAGDENEILANDEN
    :cvar VI: AMERIKAANSE MAAGDENEILANDEN
    :cvar VN: VIETNAM
    :cvar VU: VANUATU
    :cvar WF: WALLIS EN FUTUNA
    :cvar WS: SAMOA
    :cvar YE: JEMEN
    :cvar YT: MAYOTTE
    :cvar ZA: ZUID-AFRIKA
    :cvar ZM: ZAMBIA
    :cvar ZW: ZIMBABWE
    """

    AD = "AD"
    AE = "AE"
    AF = "AF"
    AG = "AG"
    AI = "AI"
    AL = "AL"
    AM = "AM"
    AO = "AO"
    AQ = "AQ"
    AR = "AR"
    AS = "AS"
    AT = "AT"
    AU = "AU"
    AW = "AW"
    AX = "AX"
    AZ = "AZ"
    BA = "BA"
    BB = "BB"
    BD = "BD"
    BE = "BE"
    BF = "BF"
    BG = "BG"
    BH = "BH"
    BI = "BI"
    BJ = "BJ"
    BL = "BL"
    BM = "BM"
    BN = "BN"
    BO = "BO"
    BQ = "BQ"
    BR = "BR"
    BS = "BS"
    BT = "BT"
    BV = "BV"
    BW = "BW"
    BY = "BY"
    BZ = "BZ"
    CA = "CA"
    CC = "CC"
    CD = "CD"
    CF = "CF"
    CG = "CG"
    CH = "CH"
    CI = "CI"
    CK = "CK"
    CL = "CL"
    CM = "CM"
    CN = "CN"
    CO = "CO"
    CR = "CR"
    CU = "CU"
    CV = "CV"
    CW = "CW"
    CX = "CX"
    CY = "CY"
    CZ = "CZ"
    DE = "DE"
    DJ = "DJ"
    DK = "DK"
    DM = "DM"
    DO = "DO"
    DZ = "DZ"
    EC = "EC"
    EE = "EE"
    EG = "EG"
    EH = "EH"
    ER = "ER"
    ES = "ES"
    ET = "ET"
    FI = "FI"
    FJ = "FJ"
    FK = "FK"
    FM = "FM"
    FO = "FO"
    FR = "FR"
    GA = "GA"
    GB = "GB"
    GD = "GD"
    GE = "GE"
    GF = "GF"
    GG = "GG"
    GH = "GH"
    GI = "GI"
    GL = "GL"
    GM = "GM"
    GN = "GN"
    GP = "GP"
    GQ = "GQ"
    GR = "GR"
    GS = "GS"
    GT = "GT"
    GU = "GU"
    GW = "GW"
    GY = "GY"
    HK = "HK"
    HM = "HM"
    HN = "HN"
    HR = "HR"
    HT = "HT"
    HU = "HU"
    ID = "ID"
    IE = "IE"
    IL = "IL"
    IM = "IM"
    IN = "IN"
    IO = "IO"
    IQ = "IQ"
    IR = "IR"
    IS = "IS"
    IT = "IT"
    JE = "JE"
    JM = "JM"
    JO = "JO"
    JP = "JP"
    KE = "KE"
    KG = "KG"
    KH = "KH"
    KI = "KI"
    KM = "KM"
    KN = "KN"
    KP = "KP"
    KR = "KR"
    KW = "KW"
    KY = "KY"
    KZ = "KZ"
    LA = "LA"
    LB = "LB"
    LC = "LC"
    LI = "LI"
    LK = "LK"
    LR = "LR"
    LS = "LS"
    LT = "LT"
    LU = "LU"
    LV = "LV"
    LY = "LY"
    MA = "MA"
    MC = "MC"
    MD = "MD"
    ME = "ME"
    MF = "MF"
    MG = "MG"
    MH = "MH"
    MK = "MK"
    ML = "ML"
    MM = "MM"
    MN = "MN"
    MO = "MO"
    MP = "MP"
    MQ = "MQ"
    MR = "MR"
    MS = "MS"
    MT = "MT"
    MU = "MU"
    MV = "MV"
    MW = "MW"
    MX = "MX"
    MY = "MY"
    MZ = "MZ"
    NA = "NA"
    NC = "NC"
    NE = "NE"
    NF = "NF"
    NG = "NG"
    NI = "NI"
    NL = "NL"
    NO = "NO"
    NP = "NP"
    NR = "NR"
    NU = "NU"
    NZ = "NZ"
    OM = "OM"
    PA = "PA"
    PE = "PE"
    PF = "PF"
    PG = "PG"
    PH = "PH"
    PK = "PK"
    PL = "PL"
    PM = "PM"
    PN = "PN"
    PR = "PR"
    PS = "PS"
    PT = "PT"
    PW = "PW"
    PY = "PY"
    QA = "QA"
    RE = "RE"
    RO = "RO"
    RS = "RS"
    RU = "RU"
    RW = "RW"
    SA = "SA"
    SB = "SB"
    SC = "SC"
    SD = "SD"
    SE = "SE"
    SG = "SG"
    SH = "SH"
    SI = "SI"
    SJ = "SJ"
    SK = "SK"
    SL = "SL"
    SM = "SM"
    SN = "SN"
    SO = "SO"
    SR = "SR"
    SS = "SS"
    ST = "ST"
    SV = "SV"
    SX = "SX"
    SY = "SY"
    SZ = "SZ"
    TC = "TC"
    TD = "TD"
    TF = "TF"
    TG = "TG"
    TH = "TH"
    TJ = "TJ"
    TK = "TK"
    TL = "TL"
    TM = "TM"
    TN = "TN"
    TO = "TO"
    TR = "TR"
    TT = "TT"
    TV = "TV"
    TW = "TW"
    TZ = "TZ"
    UA = "UA"
    UG = "UG"
    UM = "UM"
    US = "US"
    UY = "UY"
    UZ = "UZ"
    VA = "VA"
    VC = "VC"
    VE = "VE"
    VG = "VG"
    VI = "VI"
    VN = "VN"
    VU = "VU"
    WF = "WF"
    WS = "WS"
    YE = "YE"
    YT = "YT"
    ZA = "ZA"
    ZM = "ZM"
    ZW = "ZW"


class LdtLeefeenheid(Enum):
    """
    Gecodeerde aanduiding van de leefsituatie van een client.

    :cvar VALUE_1: WOONT ALLEEN EN ZELFSTANDIG (EENPERSOONSHUISHOUDEN)
    :cvar VALUE_2: WOONT ALS KIND SAMEN MET OUDER(S) IN OUDERLIJK HUIS
    :cvar VALUE_3: HEEFT EEN ZELFSTANDIG HUISHOUDEN MET UITSLUITEND PARTNER
    :cvar VALUE_4: HEEFT EEN HUISHOUDEN MET PARTNER EN THUISWONENDE KINDEREN
    :cvar VALUE_5: HEEFT EEN HUISHOUDEN VAN VOLWASSENE MET 1 OF MEER KINDEREN
    :cvar VALUE_6: EEN ANDER MEERPERSOONSHUISHOUDEN
    :cvar VALUE_7: WOONT IN EEN ZORGINSTELLING MET VERBLIJF
    :cvar VALUE_9: ONBEKEND
    """

    VALUE_1 = "1"
    VALUE_2 = "2"
    VALUE_3 = "3"
    VALUE_4 = "4"
    VALUE_5 = "5"
    VALUE_6 = "6"
    VALUE_7 = "7"
    VALUE_9 = "9"


class LdtLeveringsstatus(Enum):
    """
    De leveringsstatus waarmee wordt aangegeven wat de status van de geleverde zorg is.

    :cvar VALUE_1: Actief wachtend
    :cvar VALUE_2: Wacht op voorkeur
    :cvar VALUE_3: Wacht uit voorzorg
    :cvar VALUE_4: In zorg
    :cvar VALUE_5: Einde zorgvraag
    :cvar VALUE_6: Urgent plaatsen
    :cvar VALUE_7: Actief plaatsen
    """

    VALUE_1 = "1"
    VALUE_2 = "2"
    VALUE_3 = "3"
    VALUE_4 = "4"
    VALUE_5 = "5"
    VALUE_6 = "6"
    VALUE_7 = "7"


class LdtLeveringsstatusClassificatie(Enum):
    """
    Documentatie: Nadere classificatie van een leveringsstatus.

    :cvar VALUE_01: Geen passend crisisbed beschikbaar
    :cvar VALUE_02: Doorstroom crisisbed
    :cvar VALUE_03: Doorstroom ziekenhuis (ZH)
    :cvar VALUE_04: Doorstroom eerstelijnsverblijf (ELV)
    :cvar VALUE_05: Doorstroom geriatrische revalidatiezorg (GRZ)
    :cvar VALUE_06: Palliatief terminale zorg (PTZ)
    :cvar VALUE_07: Art. 28a (WZD)
    :cvar VALUE_08: Rechterlijke machtiging (RM)
    :cvar VALUE_09: Dreigende crisis (thuis)
    :cvar VALUE_10: Niet passende zorg
    :cvar VALUE_11: (Tijdelijk) andere aanbieder bespreekbaar
    :cvar VALUE_12: Voorkeuraanbieder leidend
    :cvar VALUE_13: Specifieke locatie/woonwens
    :cvar VALUE_14: Specifieke locatie/gespecialiseerde zorg
    :cvar VALUE_15: Partneropname
    :cvar VALUE_16: Logeren
    :cvar VALUE_17: Specifieke geografische redenen
    :cvar VALUE_18: Doorstroom naar geclusterd wonen VPT
    :cvar VALUE_19: Geen aanvullende wens(en)
    """

    VALUE_01 = "01"
    VALUE_02 = "02"
    VALUE_03 = "03"
    VALUE_04 = "04"
    VALUE_05 = "05"
    VALUE_06 = "06"
    VALUE_07 = "07"
    VALUE_08 = "08"
    VALUE_09 = "09"
    VALUE_10 = "10"
    VALUE_11 = "11"
    VALUE_12 = "12"
    VALUE_13 = "13"
    VALUE_14 = "14"
    VALUE_15 = "15"
    VALUE_16 = "16"
    VALUE_17 = "17"
    VALUE_18 = "18"
    VALUE_19 = "19"


class LdtLeveringsvoorwaarde(Enum):
    """
    Codering die aangeeft welke leveringsvoorwaarde van toepassing is op de zorg.

    :cvar VALUE_1: Volgens afspraak op geplande tijden
    :cvar VALUE_2: Volgens afspraak + direct oproepbaar (toezicht op afstand)
    :cvar VALUE_3: Voortdurend in de nabijheid (toezicht in nabijheid)
    :cvar VALUE_4: 24 uur per dag (toezicht steeds actief)
    :cvar VALUE_8: Onbekend
    """

    VALUE_1 = "1"
    VALUE_2 = "2"
    VALUE_3 = "3"
    VALUE_4 = "4"
    VALUE_8 = "8"


class LdtLeveringsvorm(Enum):
    """
    Gecodeerde aanduiding van de vorm waarin zorg binnen de Wlz geleverd kan worden.

    :cvar VALUE_2: Persoonsgebonden budget (PGB)
    :cvar VALUE_4: Verblijf
    :cvar VALUE_5: Volledig pakket thuis (VPT)
    :cvar VALUE_7: Modulair Pakket Thuis (MPT)
    :cvar VALUE_8: Deeltijdverblijf (DTV)
    :cvar VALUE_9: Verkeerde bed (VKB)
    """

    VALUE_2 = "2"
    VALUE_4 = "4"
    VALUE_5 = "5"
    VALUE_7 = "7"
    VALUE_8 = "8"
    VALUE_9 = "9"


class LdtMutatieCode(Enum):
    """
    De reden van een mutatie/beeindiging van de Wlz-zorg bij client.

    :cvar VALUE_12: Client wil nu de zorg of ondersteuning (nog) niet
    :cvar VALUE_17: Overplaatsing (er is een melding aanvang zorg of ondersteuning)
    :cvar VALUE_18: Aanbieder kan nu de zorg of ondersteuning nog niet leveren
    :cvar VALUE_19: Levering zorg of ondersteuning is beeindigd - toewijzing sluiten
    :cvar VALUE_20: Levering zorg of ondersteuning is beeindigd - toewijzing aanhouden
    :cvar VALUE_21: Overdracht toewijzing (er is geen melding aanvang zorg of ondersteuning)
    """

    VALUE_12 = "12"
    VALUE_17 = "17"
    VALUE_18 = "18"
    VALUE_19 = "19"
    VALUE_20 = "20"
    VALUE_21 = "21"


class LdtNaamGebruik(Enum):
    """
    Aanduiding naamgebruik (gecodeerd).

    :cvar VALUE_1: Eigen naam
    :cvar VALUE_2: Naam echtgenoot of geregistreerd partner of alternatieve naam
    :cvar VALUE_3: Naam echtgenoot of geregistreerd partner gevolgd door eigen naam
    :cvar VALUE_4: Eigen naam gevolgd door naam echtgenoot of geregistreerd partner
    :cvar VALUE_5: Pseudoniem
    :cvar VALUE_6: Niet-natuurlijk persoon
    """

    VALUE_1 = "1"
    VALUE_2 = "2"
    VALUE_3 = "3"
    VALUE_4 = "4"
    VALUE_5 = "5"
    VALUE_6 = "6"


class LdtPrognose(Enum):
    """
    Aanduiding welke prognose er is inzake het ziektebeeld of de stoornis.

    :cvar VALUE_1: Uitzicht op volledig herstel binnen 1 jaar
    :cvar VALUE_2: Uitzicht op gedeeltelijk herstel/verbetering binnen 1 jaar
    :cvar VALUE_3: De gezondheidstoestand blijft hetzelfde
    :cvar VALUE_4: Er wordt een verslechtering verwacht binnen 1 jaar
    :cvar VALUE_5: Onbekend; prognose niet beschikbaar of niet mogelijk
    """

    VALUE_1 = "1"
    VALUE_2 = "2"
    VALUE_3 = "3"
    VALUE_4 = "4"
    VALUE_5 = "5"


class LdtRedenIntrekking(Enum):
    """
    De reden waarom een toewijzing wordt ingetrokken.

    :cvar VALUE_1: Client overleden
    :cvar VALUE_2: Negatief indicatiebesluit
    :cvar VALUE_3: Herindicatie
    :cvar VALUE_4: Overplaatsing
    :cvar VALUE_5: Wijziging leveringsvorm
    :cvar VALUE_6: Uitstroom
    :cvar VALUE_7: Andere aanbieder heeft de client in zorg genomen
    :cvar VALUE_8: Verhuizing
    """

    VALUE_1 = "1"
    VALUE_2 = "2"
    VALUE_3 = "3"
    VALUE_4 = "4"
    VALUE_5 = "5"
    VALUE_6 = "6"
    VALUE_7 = "7"
    VALUE_8 = "8"


class LdtSoortIndicatie(Enum):
    """
    Code voor de soort indicatie.

    :cvar VALUE_1: CIZ indicatie
    :cvar VALUE_2: BJZ indicatie
    :cvar VALUE_3: CIZ/BJZ indicatie
    :cvar VALUE_4: Experimenten
    """

    VALUE_1 = "1"
    VALUE_2 = "2"
    VALUE_3 = "3"
    VALUE_4 = "4"


class LdtSoortRelatie(Enum):
    """
    De soort relatie die een persoon ten opzichte van de client heeft.

    :cvar VALUE_03: Curator (juridisch)
    :cvar VALUE_04: Financieel (gemachtigd)
    :cvar VALUE_05: Financieel (toetsing)
    :cvar VALUE_06: Leefeenheid
    :cvar VALUE_07: Hulpverlener
    :cvar VALUE_08: Specialist
    :cvar VALUE_09: Anders
    :cvar VALUE_10: Ouder
    :cvar VALUE_11: Voogd
    :cvar VALUE_12: Partner/echtgeno(o)t(e)
    :cvar VALUE_13: Pleegouder
    :cvar VALUE_14: Bewindvoerder
    :cvar VALUE_15: Mentor
    :cvar VALUE_16: Zoon/dochter
    :cvar VALUE_17: Familielid
    :cvar VALUE_18: Gezinslid
    :cvar VALUE_19: Buur
    :cvar VALUE_20: Vriend(in)/kennis
    :cvar VALUE_21: Clientondersteuner
    :cvar VALUE_22: Huisarts
    :cvar VALUE_23: Erven van
    :cvar VALUE_24: Werkgever
    :cvar VALUE_25: Wijkcoach
    """

    VALUE_03 = "03"
    VALUE_04 = "04"
    VALUE_05 = "05"
    VALUE_06 = "06"
    VALUE_07 = "07"
    VALUE_08 = "08"
    VALUE_09 = "09"
    VALUE_10 = "10"
    VALUE_11 = "11"
    VALUE_12 = "12"
    VALUE_13 = "13"
    VALUE_14 = "14"
    VALUE_15 = "15"
    VALUE_16 = "16"
    VALUE_17 = "17"
    VALUE_18 = "18"
    VALUE_19 = "19"
    VALUE_20 = "20"
    VALUE_21 = "21"
    VALUE_22 = "22"
    VALUE_23 = "23"
    VALUE_24 = "24"
    VALUE_25 = "25"


class LdtSoortToewijzing(Enum):
    """
    Gecodeerde aanduiding van de soort toewijzing.

    :cvar VALUE_1: Regulier
    :cvar VALUE_3: Overbrugging
    :cvar VALUE_5: Administratief
    """

    VALUE_1 = "1"
    VALUE_3 = "3"
    VALUE_5 = "5"


class LdtStatusAanlevering(Enum):
    """
    Indicatie over de status van de informatie in de berichtklasse.

    :cvar VALUE_1: Eerste aanlevering
    :cvar VALUE_2: Gewijzigde aanlevering
    :cvar VALUE_3: Verwijderen aanlevering
    :cvar VALUE_9: Niet van toepassing (ongewijzigd)
    """

    VALUE_1 = "1"
    VALUE_2 = "2"
    VALUE_3 = "3"
    VALUE_9 = "9"


class LdtStoornisScore(Enum):
    """
    Gecodeerde aanduiding van de score op een vraag over een stoornis.

    :cvar VALUE_0: Geen probleem/geen hulp van anderen nodig
    :cvar VALUE_1: Wel probleem: af en toe hulp, toezicht of sturing nodig
    :cvar VALUE_2: Wel probleem: vaak hulp, toezicht of sturing nodig
    :cvar VALUE_3: Wel probleem: continu hulp, toezicht of sturing nodig
    :cvar VALUE_9: Niet beoordeeld
    """

    VALUE_0 = "0"
    VALUE_1 = "1"
    VALUE_2 = "2"
    VALUE_3 = "3"
    VALUE_9 = "9"


class LdtStoornisVraag(Enum):
    """
    Gecodeerde aanduiding van de vraag over een stoornis.

    :cvar VALUE_0101: Orientatiestoornis - Orientatie in tijd: weten welke dag het is, etc.
    :cvar VALUE_0102: Orientatiestoornis - Orientatie naar plaats: weten waar je bent
    :cvar VALUE_0103: Orientatiestoornis - Orientatie in ruimte: de weg vinden in huis, en omgeving
    :cvar VALUE_0104: Orientatiestoornis - Orientatie in persoon: weten wie je bent, wie anderen zijn
    :cvar VALUE_0201: Psychosociale functies - Concentratie
    :cvar VALUE_0202: Psychosociale functies - Geheugen en denken
    :cvar VALUE_0203: Psychosociale functies - Perceptie van omgeving (-vertekende)
    :cvar VALUE_0204: Psychosociale functies - Motivatie (lusteloos, geen initiatief)
    :cvar VALUE_0301: Motorisch functioneren - Gebruik van rechterarm, linkerarm
    :cvar VALUE_0302: Motorisch functioneren - Gebruik van rechterhand, linkerhand
    :cvar VALUE_0303: Motorisch functioneren - Gebruik van rechterbeen, linkerbeen
    :cvar VALUE_0304: Motorisch functioneren - Gebruik van rechtervoet, linkervoet
    :cvar VALUE_0305: Motorisch functioneren - Handhaving hoofdbalans
    :cvar VALUE_0306: Motorisch functioneren - Handhaving rompbalans
    :cvar VALUE_0401: Probleemgedrag/veiligheid - Zelfverwondend of zelfbeschadigend gedrag
    :cvar VALUE_0402: Probleemgedrag/veiligheid - Verbaal agressief gedrag
    :cvar VALUE_0403: Probleemgedrag/veiligheid - Lichamelijk agressief gedrag
    :cvar VALUE_0404: Probleemgedrag/veiligheid - Destructief gedrag (vernielen, brandstichten, stelen)
    :cvar VALUE_0405: Probleemgedrag/veiligheid - Manipulatief gedrag (dwarsliggen, negeren, weglopen)
    :cvar VALUE_0406: Probleemgedrag/veiligheid - Dwangmatig gedrag (niet willen spreken, eten, bewegen)
    :cvar VALUE_0407: Probleemgedrag/veiligheid - Grensoverschrijdend seksueel gedrag
    :cvar VALUE_0501: Verslavingsproblemen - Gebruik van softdrugs
    :cvar VALUE_0502: Verslavingsproblemen - Gebruik van harddrugs
    :cvar VALUE_0503: Verslavingsproblemen - Gebruik van alcohol
    :cvar VALUE_0504: Verslavingsproblemen - Verslavingsproblemen anders
    :cvar VALUE_0601: Psychosociaal welbevinden - Angstig zijn
    :cvar VALUE_0602: Psychosociaal welbevinden - Moedeloos zijn ("depressief")
    :cvar VALUE_0603: Psychosociaal welbevinden - Belangstelling en betrokkenheid
    :cvar VALUE_0604: Psychosociaal welbevinden - Gemis van persoonlijke relaties
    :cvar VALUE_0605: Psychosociaal welbevinden - Gemis van gewaardeerde sociale rollen
    """

    VALUE_0101 = "0101"
    VALUE_0102 = "0102"
    VALUE_0103 = "0103"
    VALUE_0104 = "0104"
    VALUE_0201 = "0201"
    VALUE_0202 = "0202"
    VALUE_0203 = "0203"
    VALUE_0204 = "0204"
    VALUE_0301 = "0301"
    VALUE_0302 = "0302"
    VALUE_0303 = "0303"
    VALUE_0304 = "0304"
    VALUE_0305 = "0305"
    VALUE_0306 = "0306"
    VALUE_0401 = "0401"
    VALUE_0402 = "0402"
    VALUE_0403 = "0403"
    VALUE_0404 = "0404"
    VALUE_0405 = "0405"
    VALUE_0406 = "0406"
    VALUE_0407 = "0407"
    VALUE_0501 = "0501"
    VALUE_0502 = "0502"
    VALUE_0503 = "0503"
    VALUE_0504 = "0504"
    VALUE_0601 = "0601"
    VALUE_0602 = "0602"
    VALUE_0603 = "0603"
    VALUE_0604 = "0604"
    VALUE_0605 = "0605"


class LdtToeslagBeademing(Enum):
    """
    De soort beademing waarop de toeslag van toepassing is.

    :cvar VALUE_1: Non-invasieve beademing
    :cvar VALUE_2: Invasieve beademing
    """

    VALUE_1 = "1"
    VALUE_2 = "2"


class LdtToeslagOverig(Enum):
    """
    Andere reden (dan EKT en Beademingstoeslag) voor ophoging van het basisbudget voor het geindiceerde zorgprofiel.

    :cvar VALUE_1: Extra overbruggingszorg (Actief wachtend)
    :cvar VALUE_2: Palliatief terminale zorg (PTZ)
    :cvar VALUE_3: Meerzorg
    :cvar VALUE_4: Extra budget voor behandeling
    :cvar VALUE_5: Overig
    :cvar VALUE_6: Gespecialiseerd Verpleegkundig Handelen (GVH)
    :cvar VALUE_7: Combinatie van EKT en extra behandeling
    :cvar VALUE_8: Thuiswonend kind met ontwikkelperspectief &lt; 18 jaar
    :cvar VALUE_9: Maatwerk (volwassenen) in verband met dure dagbesteding, dagbehandeling en/of individuele
        behandeling
    """

    VALUE_1 = "1"
    VALUE_2 = "2"
    VALUE_3 = "3"
    VALUE_4 = "4"
    VALUE_5 = "5"
    VALUE_6 = "6"
    VALUE_7 = "7"
    VALUE_8 = "8"
    VALUE_9 = "9"


class LdtVervoer(Enum):
    """
    Gecodeerde aanduiding die aangeeft of vervoer van toepassing is.

    :cvar VALUE_1: Vervoer nodig
    :cvar VALUE_2: Vervoer niet nodig
    :cvar VALUE_9: Onbekend
    """

    VALUE_1 = "1"
    VALUE_2 = "2"
    VALUE_9 = "9"


class LdtVoorkeurClient(Enum):
    """
    Gecodeerde aanduiding van de voorkeur van de client ten aanzien van plaats en vorm van zorglevering.

    :cvar VALUE_10: Deeltijdverblijf (DTV)
    :cvar VALUE_2: Persoonsgebonden budget (PGB)
    :cvar VALUE_3: Zorg thuis (niet nader gespecificeerd)
    :cvar VALUE_4: Verblijf
    :cvar VALUE_5: Volledig pakket thuis (VPT)
    :cvar VALUE_6: Combinatie PGB/MPT
    :cvar VALUE_7: Modulair pakket thuis (MPT)
    :cvar VALUE_8: combinatie VPT/PGB
    :cvar VALUE_9: combinatie Verblijf/PGB
    """

    VALUE_10 = "10"
    VALUE_2 = "2"
    VALUE_3 = "3"
    VALUE_4 = "4"
    VALUE_5 = "5"
    VALUE_6 = "6"
    VALUE_7 = "7"
    VALUE_8 = "8"
    VALUE_9 = "9"


class LdtWzdVerklaring(Enum):
    """
    :cvar VALUE_1: Opname op basis van artikel 21 is aan de orde
    :cvar VALUE_2: Opname op basis van artikel 21 is niet aan de orde
    :cvar VALUE_3: Opname op basis van artikel 21 is niet aan de orde; er is sprake van bereidheid
    :cvar VALUE_4: Opname op basis van artikel 21 is niet aan de orde; er is sprake van verzet
    :cvar VALUE_9: Onbekend
    """

    VALUE_1 = "1"
    VALUE_2 = "2"
    VALUE_3 = "3"
    VALUE_4 = "4"
    VALUE_9 = "9"


class LdtZorgkantoorCode(Enum):
    """
    Identificatie van het Zorgkantoor, verantwoordelijk voor het uitvoeren van de Wlz.

    :cvar VALUE_5501: Zorgkantoor Groningen
    :cvar VALUE_5502: Zorgkantoor Friesland
    :cvar VALUE_5503: Zorgkantoor Drenthe
    :cvar VALUE_5504: Zorgkantoor Zwolle
    :cvar VALUE_5505: Zorgkantoor Twente
    :cvar VALUE_5506: Zorgkantoor Apeldoorn, Zutphen en omstreken
    :cvar VALUE_5507: Zorgkantoor Arnhem
    :cvar VALUE_5508: Zorgkantoor Nijmegen
    :cvar VALUE_5509: Zorgkantoor Utrecht
    :cvar VALUE_5510: Zorgkantoor Flevoland
    :cvar VALUE_5511: Zorgkantoor 't Gooi
    :cvar VALUE_5512: Zorgkantoor Noord Holland Noord
    :cvar VALUE_5513: Zorgkantoor Kennemerland
    :cvar VALUE_5514: Zorgkantoor Zaanstreek/Waterland
    :cvar VALUE_5515: Zorgkantoor Amsterdam
    :cvar VALUE_5516: Zorgkantoor Amstelland en De Meerlanden
    :cvar VALUE_5517: Zorgkantoor Zuid-Holland Noord
    :cvar VALUE_5518: Zorgkantoor Haaglanden
    :cvar VALUE_5519: Zorgkantoor Delft Westland Oostland
    :cvar VALUE_5520: Zorgkantoor Midden-Holland
    :cvar VALUE_5521: Zorgkantoor Rotterdam
    :cvar VALUE_5523: Zorgkantoor Zuid-Hollandse Eilanden
    :cvar VALUE_5524: Zorgkantoor Waardenland
    :cvar VALUE_5525: Zorgkantoor Zeeland
    :cvar VALUE_5526: Zorgkantoor West-Brabant
    :cvar VALUE_5527: Zorgkantoor Midden-Brabant
    :cvar VALUE_5528: Zorgkantoor Noordoost Brabant
    :cvar VALUE_5529: Zorgkantoor Zuidoost-Brabant
    :cvar VALUE_5530: Zorgkantoor Noord- en Midden Limburg
    :cvar VALUE_5531: Zorgkantoor Zuid-Limburg
    :cvar VALUE_5532: Zorgkantoor Midden-IJssel
    :cvar VALUE_5533: Zorgkantoor Friesland
    """

    VALUE_5501 = "5501"
    VALUE_5502 = "5502"
    VALUE_5503 = "5503"
    VALUE_5504 = "5504"
    VALUE_5505 = "5505"
    VALUE_5506 = "5506"
    VALUE_5507 = "5507"
    VALUE_5508 = "5508"
    VALUE_5509 = "5509"
    VALUE_5510 = "5510"
    VALUE_5511 = "5511"
    VALUE_5512 = "5512"
    VALUE_5513 = "5513"
    VALUE_5514 = "5514"
    VALUE_5515 = "5515"
    VALUE_5516 = "5516"
    VALUE_5517 = "5517"
    VALUE_5518 = "5518"
    VALUE_5519 = "5519"
    VALUE_5520 = "5520"
    VALUE_5521 = "5521"
    VALUE_5523 = "5523"
    VALUE_5524 = "5524"
    VALUE_5525 = "5525"
    VALUE_5526 = "5526"
    VALUE_5527 = "5527"
    VALUE_5528 = "5528"
    VALUE_5529 = "5529"
    VALUE_5530 = "5530"
    VALUE_5531 = "5531"
    VALUE_5532 = "5532"
    VALUE_5533 = "5533"


class LdtZzpCode(Enum):
    """
    Gecodeerde aanduiding van een zorgzwaartepakket.

    :cvar VALUE_190: 9VV A: Geriatrische revalidatiezorg
    :cvar VALUE_191: 9VV B: Herstelgerichte behandeling met verpleging en verzorging
    :cvar VALUE_750: 1VV: Beschut wonen met enige begeleiding
    :cvar VALUE_751: 2VV: Beschut wonen met begeleiding en verzorging
    :cvar VALUE_752: 3VV: Beschut wonen met begeleiding en intensieve verzorging
    :cvar VALUE_753: 4VV: Beschut wonen met intensieve begeleiding en uitgebreide verzorging
    :cvar VALUE_754: 5VV: Beschermd wonen met intensieve dementiezorg
    :cvar VALUE_755: 6VV: Beschermd wonen met intensieve verzorging en verpleging
    :cvar VALUE_756: 7VV: Beschermd wonen met zeer intensieve zorg, vanwege specifieke aandoeningen, met nadruk
        op begeleiding
    :cvar VALUE_757: 8VV: Beschermd wonen met zeer intensieve zorg, vanwege specifieke aandoeningen, met de
        nadruk op verzorging/verpleging
    :cvar VALUE_758: 9VV: Herstelgerichte behandeling met verpleging en verzorging
    :cvar VALUE_759: 10VV: Beschermd verblijf met intensieve palliatief-terminale zorg
    :cvar VALUE_760: 1GGZ C: Beschermd wonen met begeleiding
    :cvar VALUE_762: 2GGZ C: Gestructureerd beschermd wonen met uitgebreide begeleiding
    :cvar VALUE_764: 3GGZ C: Beschermd wonen met intensieve begeleiding
    :cvar VALUE_766: 4GGZ B: Voortgezet verblijf met intensieve begeleiding en verzorging
    :cvar VALUE_768: 5GGZ B: Voortgezet verblijf met intensieve begeleiding en gedragsregulering
    :cvar VALUE_770: 6GGZ B: Voortgezet verblijf met intensieve begeleiding en intensieve verpleging en
        verzorging
    :cvar VALUE_772: 7GGZ B: Beveiligd voortgezet verblijf vanwege extreme gedragsproblematiek met zeer
        intensieve begeleiding
    :cvar VALUE_780: 1LVG: Wonen met enige behandeling en begeleiding
    :cvar VALUE_781: 2LVG: Wonen met behandeling en begeleiding
    :cvar VALUE_782: 3LVG: Wonen met intensieve behandeling en begeleiding, kleine groep
    :cvar VALUE_783: 4LVG: Wonen met zeer intensieve behandeling en begeleiding
    :cvar VALUE_784: 5LVG: Besloten wonen met zeer intensieve behandeling en begeleiding
    :cvar VALUE_790: 1SGLVG: Behandeling in een SGLVG-behandelcentrum
    :cvar VALUE_800: 1VG: Wonen met enige begeleiding
    :cvar VALUE_802: 2VG: Wonen met begeleiding
    :cvar VALUE_804: 3VG: Wonen met begeleiding en verzorging
    :cvar VALUE_806: 4VG: Wonen met begeleiding en intensieve verzorging
    :cvar VALUE_808: 5VG: Wonen met intensieve begeleiding en intensieve verzorging
    :cvar VALUE_810: 6VG: Wonen met intensieve begeleiding, verzorging en gedragsregulering
    :cvar VALUE_812: 7VG: (Besloten) wonen met zeer intensieve begeleiding, verzorging en gedragsregulering
    :cvar VALUE_814: 8VG: Wonen met begeleiding en volledige verzorging en verpleging
    :cvar VALUE_820: 1LG: Wonen met enige begeleiding en enige verzorging
    :cvar VALUE_822: 2LG: Wonen met begeleiding en enige verzorging
    :cvar VALUE_824: 3LG: Wonen met enige begeleiding en verzorging
    :cvar VALUE_826: 4LG: Wonen met begeleiding en verzorging
    :cvar VALUE_828: 5LG: Wonen met begeleiding en intensieve verzorging
    :cvar VALUE_830: 6LG: Wonen met intensieve begeleiding en intensieve verzorging
    :cvar VALUE_832: 7LG: Wonen met zeer intensieve begeleiding en zeer intensieve verzorging
    :cvar VALUE_840: 1ZGvis: Wonen met enige begeleiding en enige verzorging
    :cvar VALUE_842: 2ZGvis: Wonen met begeleiding en enige verzorging
    :cvar VALUE_844: 3ZGvis: Wonen met intensieve begeleiding en verzorging
    :cvar VALUE_846: 4ZGvis: Wonen met intensieve begeleiding en intensieve verzorging
    :cvar VALUE_848: 5ZGvis: Wonen met zeer intensieve begeleiding en zeer intensieve verzorging
    :cvar VALUE_850: 1ZGaud: Wonen met begeleiding en enige verzorging
    :cvar VALUE_852: 2ZGaud: Wonen met intensieve begeleiding en verzorging
    :cvar VALUE_854: 3ZGaud: Wonen met intensieve begeleiding en intensieve verzorging
    :cvar VALUE_856: 4ZGaud: Wonen met intensieve begeleiding en enige verzorging
    :cvar VALUE_860: 1GGZ B: Voortgezet verblijf met beleiding
    :cvar VALUE_862: 2GGZ B: Voortgezet verblijf met structuur en uitgebreide begeleiding
    :cvar VALUE_864: 3GGZ B: Voortgezet verblijf met intensieve begeleiding
    :cvar VALUE_866: 4GGZ C: Gestructureerd beschermd wonen met intensieve begeleiding en verzorging
    :cvar VALUE_868: 5GGZ C: Beschermd wonen met intensieve begeleiding en gedragsregulering
    :cvar VALUE_870: 6GGZ C: Beschermd wonen met intensieve begeleiding en intensieve verpleging en verzorging
    :cvar VALUE_880: 1GGZ W: Wonen met intensieve begeleiding
    :cvar VALUE_882: 2GGZ W: Wonen met intensieve begeleiding en verzorging
    :cvar VALUE_884: 3GGZ W: Wonen met intensieve begeleiding en gedragsregulering
    :cvar VALUE_886: 4GGZ W: Wonen met intensieve begeleiding en intensieve verpleging en verzorging
    :cvar VALUE_888: 5GGZ W: Beveiligd Wonen vanwege extreme gedragsproblematiek met zeer intensieve begeleiding
    :cvar VALUE_996: Wlz Indiceerbaar
    :cvar VALUE_997: PGB: ZZP-code uitsluitend te gebruiken voor start en stop PGB Wlz-indiceerbaren aan CAK
    :cvar VALUE_998: ZZPX: Onbepaald zorgzwaartepakket
    :cvar VALUE_999: ZZP0: Partnerverblijf
    """

    VALUE_190 = "190"
    VALUE_191 = "191"
    VALUE_750 = "750"
    VALUE_751 = "751"
    VALUE_752 = "752"
    VALUE_753 = "753"
    VALUE_754 = "754"
    VALUE_755 = "755"
    VALUE_756 = "756"
    VALUE_757 = "757"
    VALUE_758 = "758"
    VALUE_759 = "759"
    VALUE_760 = "760"
    VALUE_762 = "762"
    VALUE_764 = "764"
    VALUE_766 = "766"
    VALUE_768 = "768"
    VALUE_770 = "770"
    VALUE_772 = "772"
    VALUE_780 = "780"
    VALUE_781 = "781"
    VALUE_782 = "782"
    VALUE_783 = "783"
    VALUE_784 = "784"
    VALUE_790 = "790"
    VALUE_800 = "800"
    VALUE_802 = "802"
    VALUE_804 = "804"
    VALUE_806 = "806"
    VALUE_808 = "808"
    VALUE_810 = "810"
    VALUE_812 = "812"
    VALUE_814 = "814"
    VALUE_820 = "820"
    VALUE_822 = "822"
    VALUE_824 = "824"
    VALUE_826 = "826"
    VALUE_828 = "828"
    VALUE_830 = "830"
    VALUE_832 = "832"
    VALUE_840 = "840"
    VALUE_842 = "842"
    VALUE_844 = "844"
    VALUE_846 = "846"
    VALUE_848 = "848"
    VALUE_850 = "850"
    VALUE_852 = "852"
    VALUE_854 = "854"
    VALUE_856 = "856"
    VALUE_860 = "860"
    VALUE_862 = "862"
    VALUE_864 = "864"
    VALUE_866 = "866"
    VALUE_868 = "868"
    VALUE_870 = "870"
    VALUE_880 = "880"
    VALUE_882 = "882"
    VALUE_884 = "884"
    VALUE_886 = "886"
    VALUE_888 = "888"
    VALUE_996 = "996"
    VALUE_997 = "997"
    VALUE_998 = "998"
    VALUE_999 = "999"


@dataclass(kw_only=True)
class CdtBijzondereSituatie:
    """
    Reden van ophoging van het basisbudget voor het geindiceerde zorgprofiel.

    :ivar extra_kosten_thuis: Reden die aangeeft waarom er sprake is van extra kosten thuis.
    :ivar toeslag_beademing: De soort beademing waarop de toeslag van toepassing is.
    :ivar toeslag_overig: Andere reden (dan EKT en Beademingstoeslag) voor ophoging van het basisbudget voor het
        geindiceerde zorgprofiel.
    """

    class Meta:
        name = "CDT_BijzondereSituatie"

    extra_kosten_thuis: None | LdtExtraKostenThuis = field(
        default=None,
        metadata={
            "name": "ExtraKostenThuis",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/basisschema/schema",
        },
    )
    toeslag_beademing: None | LdtToeslagBeademing = field(
        default=None,
        metadata={
            "name": "ToeslagBeademing",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/basisschema/schema",
        },
    )
    toeslag_overig: None | LdtToeslagOverig = field(
        default=None,
        metadata={
            "name": "ToeslagOverig",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/basisschema/schema",
        },
    )


@dataclass(kw_only=True)
class CdtCommunicatie:
    """
    Aanduiding over bijzondere vorm van communicatie die gebruikt dient te worden.

    :ivar vorm: Gecodeerde aanduiding van de bijzondere vorm van communicatie die gebruikt dient te worden.
    :ivar taal: De taal van de client waarin met de client wordt gecommuniceerd.
    """

    class Meta:
        name = "CDT_Communicatie"

    vorm: LdtCommunicatievorm = field(
        metadata={
            "name": "Vorm",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/basisschema/schema",
        }
    )
    taal: None | str = field(
        default=None,
        metadata={
            "name": "Taal",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/basisschema/schema",
            "min_length": 1,
            "max_length": 25,
            "pattern": r".*[^\s].*",
        },
    )


@dataclass(kw_only=True)
class CdtGeboortedatum:
    """
    Datum waarop een natuurlijk persoon geboren is.

    :ivar datum: Datum waarop een persoon geboren is.
    :ivar datum_gebruik: Indicator die aangeeft welk deel van de voorafgaande datum gebruikt mag worden.
    """

    class Meta:
        name = "CDT_Geboortedatum"

    datum: str = field(
        metadata={
            "name": "Datum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/basisschema/schema",
            "pattern": r"[^:Z]*",
        }
    )
    datum_gebruik: None | LdtDatumGebruik = field(
        default=None,
        metadata={
            "name": "DatumGebruik",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/basisschema/schema",
        },
    )


@dataclass(kw_only=True)
class CdtGrondslagen:
    """
    De verzameling van gecodeerde aanduidingen die aangeven wat ten grondslag ligt aan het indicatiebesluit.

    :ivar grondslag01: Gecodeerde aanduiding van wat als eerste ten grondslag ligt aan het indicatiebesluit met
        betrekking tot de zorg voor een client.
    :ivar grondslag02: Gecodeerde aanduiding van wat als tweede ten grondslag ligt aan het indicatiebesluit met
        betrekking tot de zorg voor een client.
    """

    class Meta:
        name = "CDT_Grondslagen"

    grondslag01: LdtGrondslag = field(
        metadata={
            "name": "Grondslag01",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/basisschema/schema",
        }
    )
    grondslag02: None | LdtGrondslag = field(
        default=None,
        metadata={
            "name": "Grondslag02",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/basisschema/schema",
        },
    )


@dataclass(kw_only=True)
class CdtHuis:
    """
    Aanduiding van een specifiek huis in een straat, onderdeel van het adres.

    :ivar huisnummer: De numerieke aanduiding zoals de gemeente die aan het object heeft toegekend.
    :ivar huisletter: Een alfabetisch teken achter het huisnummer zoals dit door het gemeentebestuur is
        toegekend.
    :ivar huisnummer_toevoeging: Die letters of tekens die noodzakelijk zijn om, naast huisnummer en -letter, de
        brievenbus te vinden.
    :ivar aanduiding_woonadres: De aanduiding die wordt gebruikt voor adressen die niet zijn voorzien van de
        gebruikelijke straatnaam en huisnummeraanduidingen.
    """

    class Meta:
        name = "CDT_Huis"

    huisnummer: int = field(
        metadata={
            "name": "Huisnummer",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/basisschema/schema",
            "min_inclusive": 0,
            "max_inclusive": 99999,
        }
    )
    huisletter: None | str = field(
        default=None,
        metadata={
            "name": "Huisletter",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/basisschema/schema",
            "min_length": 1,
            "max_length": 1,
            "pattern": r".*[^\s].*",
        },
    )
    huisnummer_toevoeging: None | str = field(
        default=None,
        metadata={
            "name": "HuisnummerToevoeging",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/basisschema/schema",
            "min_length": 1,
            "max_length": 4,
            "pattern": r".*[^\s].*",
        },
    )
    aanduiding_woonadres: None | LdtAanduidingWoonadres = field(
        default=None,
        metadata={
            "name": "AanduidingWoonadres",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/basisschema/schema",
        },
    )


@dataclass(kw_only=True)
class CdtTelefoonnummers:
    """
    De telefoonnummers waarop de client of relatie van de client te bereiken is.

    :ivar telefoon01: Het telefoonnummer waarop de client of relatie van de client te bereiken is.
    :ivar telefoon02: Het telefoonnummer waarop de client of relatie van de client te bereiken is.
    """

    class Meta:
        name = "CDT_Telefoonnummers"

    telefoon01: CdtTelefoon = field(
        metadata={
            "name": "Telefoon01",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/basisschema/schema",
        }
    )
    telefoon02: None | CdtTelefoon = field(
        default=None,
        metadata={
            "name": "Telefoon02",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/basisschema/schema",
        },
    )


@dataclass(kw_only=True)
class CdtVerkorteNaam:
    """
    De naam van een natuurlijk persoon, aangeduid als Geslachtsnaam en eventueel Voornamen en/of Voorletters.

    :ivar geslachtsnaam: Wettelijk vastgelegde achternaam die iemand bij de geboorte erft van de vader of moeder.
    :ivar voornamen: De verzameling namen die, gescheiden door spaties, aan de geslachtsnaam voorafgaat.
    :ivar voorletters: De verzameling van letters die wordt gevormd door de eerste letter van alle in volgorde
        voorkomende voornamen van een persoon.
    """

    class Meta:
        name = "CDT_VerkorteNaam"

    geslachtsnaam: CdtAchternaam = field(
        metadata={
            "name": "Geslachtsnaam",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/basisschema/schema",
        }
    )
    voornamen: None | str = field(
        default=None,
        metadata={
            "name": "Voornamen",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/basisschema/schema",
            "min_length": 1,
            "max_length": 200,
            "pattern": r".*[^\s].*",
        },
    )
    voorletters: None | str = field(
        default=None,
        metadata={
            "name": "Voorletters",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/basisschema/schema",
            "min_length": 1,
            "max_length": 6,
            "pattern": r"([a-zA-ZÀ-ỳ])+",
        },
    )


@dataclass(kw_only=True)
class CdtVolledigeNaam:
    """
    Volledige naam van een natuurlijk persoon, aangeduid als Geslachtsnaam, eventueel Partnernaam, Voornamen en/of
    Voorletters en NaamGebruik.

    :ivar geslachtsnaam: Wettelijk vastgelegde achternaam die iemand bij de geboorte erft van de vader of moeder.
    :ivar partnernaam: Na het voltrekken van een huwelijk of na een officiele partnerregistratie van de partner
        aangenomen familienaam.
    :ivar voornamen: De verzameling namen die, gescheiden door spaties, aan de geslachtsnaam voorafgaat.
    :ivar voorletters: De verzameling van letters die wordt gevormd door de eerste letter van alle in volgorde
        voorkomende voornamen van een persoon.
    :ivar naam_gebruik: Aanduiding naamgebruik (gecodeerd).
    """

    class Meta:
        name = "CDT_VolledigeNaam"

    geslachtsnaam: CdtAchternaam = field(
        metadata={
            "name": "Geslachtsnaam",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/basisschema/schema",
        }
    )
    partnernaam: None | CdtAchternaam = field(
        default=None,
        metadata={
            "name": "Partnernaam",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/basisschema/schema",
        },
    )
    voornamen: None | str = field(
        default=None,
        metadata={
            "name": "Voornamen",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/basisschema/schema",
            "min_length": 1,
            "max_length": 200,
            "pattern": r".*[^\s].*",
        },
    )
    voorletters: None | str = field(
        default=None,
        metadata={
            "name": "Voorletters",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/basisschema/schema",
            "min_length": 1,
            "max_length": 6,
            "pattern": r"([a-zA-ZÀ-ỳ])+",
        },
    )
    naam_gebruik: LdtNaamGebruik = field(
        metadata={
            "name": "NaamGebruik",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/basisschema/schema",
        }
    )


@dataclass(kw_only=True)
class CdtWzd:
    """
    Aanduiding of Wet zorg en dwang van toepassing is en voor welke periode.

    :ivar wzd_verklaring: Aanduiding verklaring Wet Zorg en Dwang
    :ivar wzd_ingangsdatum: De datum die aangeeft vanaf welke datum de artikel 21-verklaring rechtsgeldig is
    :ivar wzd_einddatum: De datum die aangeeft tot en met welke datum de artikel 21-verklaring rechtsgeldig is.
    """

    class Meta:
        name = "CDT_Wzd"

    wzd_verklaring: LdtWzdVerklaring = field(
        metadata={
            "name": "WzdVerklaring",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/basisschema/schema",
        }
    )
    wzd_ingangsdatum: None | str = field(
        default=None,
        metadata={
            "name": "WzdIngangsdatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/basisschema/schema",
            "pattern": r"[^:Z]*",
        },
    )
    wzd_einddatum: None | str = field(
        default=None,
        metadata={
            "name": "WzdEinddatum",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/basisschema/schema",
            "pattern": r"[^:Z]*",
        },
    )


@dataclass(kw_only=True)
class CdtAdres:
    """
    Gegevens voor de aanduiding van een adres.

    :ivar huis: Aanduiding van een specifiek huis in een straat, onderdeel van het adres.
    :ivar postcode: Aanduiding van de (inter)nationale postcode. Dit veld is geschikt voor zowel de Nederlandse
        als niet-Nederlandse postcodes.
    :ivar straatnaam: De officiele door de gemeente vastgestelde naam van een straat.
    :ivar plaatsnaam: De door de gemeente vastgestelde naam van een woonplaats.
    :ivar land_code: Identificatie van een (historisch/actueel) land of gebiedsdeel.
    """

    class Meta:
        name = "CDT_Adres"

    huis: None | CdtHuis = field(
        default=None,
        metadata={
            "name": "Huis",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/basisschema/schema",
        },
    )
    postcode: None | str = field(
        default=None,
        metadata={
            "name": "Postcode",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/basisschema/schema",
            "min_length": 1,
            "max_length": 8,
            "pattern": r".*[^\s].*",
        },
    )
    straatnaam: None | str = field(
        default=None,
        metadata={
            "name": "Straatnaam",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/basisschema/schema",
            "min_length": 1,
            "max_length": 24,
            "pattern": r".*[^\s].*",
        },
    )
    plaatsnaam: None | str = field(
        default=None,
        metadata={
            "name": "Plaatsnaam",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/basisschema/schema",
            "min_length": 1,
            "max_length": 80,
            "pattern": r".*[^\s].*",
        },
    )
    land_code: None | LdtLandCode = field(
        default=None,
        metadata={
            "name": "LandCode",
            "type": "Element",
            "namespace": "http://www.istandaarden.nl/iwlz/2_2/basisschema/schema",
        },
    )
