"""iWlz 2.2 code lists as enums, with the exact codes and descriptions of ``Basisschema.xsd``.

Why enums: the service and the letters need readable names (``Leveringsvorm.VPT``) and the Dutch
description (``.omschrijving``) while the XML needs the bare code. Each member *is* its code string
(``StrEnum``), so it can be passed wherever the schema expects the code. ``tests/iwlz/test_codes.py``
checks every enum against the enumeration in the XSD, so a typo here cannot go unnoticed.

Source: iStandaarden XSD-iWlz release 2.2 (``Basisschema.xsd``, types ``LDT_*``), copied in
``$WLZ_SHARED/iwlz/xsd``; code list numbers (COD...) per https://github.com/iStandaarden/iWlz-codelijsten-APiWlz.
Long lists (zzp codes COD163, klasse COD756, land codes, stoornis/beperking questions) stay plain strings:
the schema validates them and ``wlz.reference`` owns the zorgprofielen.
"""

from __future__ import annotations

from enum import StrEnum


class Code(StrEnum):
    """A code list member: the value is the iWlz code, ``omschrijving`` its description in the XSD."""

    omschrijving: str

    def __new__(cls, value: str, omschrijving: str = ""):
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.omschrijving = omschrijving
        return obj


class Geslacht(Code):
    ONBEKEND = "0", "Onbekend"
    MAN = "1", "Mannelijk"
    VROUW = "2", "Vrouwelijk"


class NaamGebruik(Code):
    EIGEN_NAAM = "1", "Eigen naam"
    PARTNERNAAM = "2", "Naam echtgenoot of geregistreerd partner of alternatieve naam"
    PARTNERNAAM_EIGEN_NAAM = "3", "Naam echtgenoot of geregistreerd partner gevolgd door eigen naam"
    EIGEN_NAAM_PARTNERNAAM = "4", "Eigen naam gevolgd door naam echtgenoot of geregistreerd partner"
    PSEUDONIEM = "5", "Pseudoniem"
    NIET_NATUURLIJK_PERSOON = "6", "Niet-natuurlijk persoon"


class DatumGebruik(Code):
    DAG_ONBEKEND = "1", "dag onbekend; alleen maand en jaar gebruiken"
    DAG_EN_MAAND_ONBEKEND = "2", "dag en maand onbekend; alleen jaar gebruiken"
    ONBEKEND = "3", "dag, maand en jaar onbekend; onbekende datum"


class BurgerlijkeStaat(Code):
    ONGEHUWD = "1", "Ongehuwd en geen geregistreerd partner en nooit gehuwd of geregistreerd partner geweest"
    GEHUWD = "2", "Gehuwd"
    GESCHEIDEN = "3", "Gescheiden"
    WEDUWE_WEDUWNAAR = "4", "Weduwe/weduwnaar"
    GEREGISTREERD_PARTNER = "5", "Geregistreerd partner"
    GESCHEIDEN_GEREGISTREERD_PARTNER = "6", "Gescheiden geregistreerd partner"
    ACHTERGEBLEVEN_GEREGISTREERD_PARTNER = "7", "Achtergebleven geregistreerd partner"
    ONGEHUWD_EVENTUEEL_GEWEEST = (
        "9",
        ("Ongehuwd en geen geregistreerd partner, eventueel wel gehuwd of geregistreerd partner geweest"),
    )


class Leefeenheid(Code):
    ALLEENWONEND = "1", "Woont alleen en zelfstandig (eenpersoonshuishouden)"
    KIND_BIJ_OUDERS = "2", "Woont als kind samen met ouder(s) in ouderlijk huis"
    MET_PARTNER = "3", "Heeft een zelfstandig huishouden met uitsluitend partner"
    PARTNER_EN_KINDEREN = "4", "Heeft een huishouden met partner en thuiswonende kinderen"
    VOLWASSENE_MET_KINDEREN = "5", "Heeft een huishouden van volwassene met 1 of meer kinderen"
    ANDER_MEERPERSOONSHUISHOUDEN = "6", "Een ander meerpersoonshuishouden"
    ZORGINSTELLING = "7", "Woont in een zorginstelling met verblijf"
    ONBEKEND = "9", "Onbekend"


class AdresSoort(Code):
    BRP = "01", "BRP-adres"
    CORRESPONDENTIE = "02", "Correspondentie-adres"
    VERBLIJF = "03", "Verblijfadres"
    TIJDELIJK_VERBLIJF = "04", "Tijdelijk verblijfadres"


class SoortRelatie(Code):
    CURATOR = "03", "Curator (juridisch)"
    FINANCIEEL_GEMACHTIGD = "04", "Financieel (gemachtigd)"
    FINANCIEEL_TOETSING = "05", "Financieel (toetsing)"
    LEEFEENHEID = "06", "Leefeenheid"
    HULPVERLENER = "07", "Hulpverlener"
    SPECIALIST = "08", "Specialist"
    ANDERS = "09", "Anders"
    OUDER = "10", "Ouder"
    VOOGD = "11", "Voogd"
    PARTNER = "12", "Partner/echtgeno(o)t(e)"
    PLEEGOUDER = "13", "Pleegouder"
    BEWINDVOERDER = "14", "Bewindvoerder"
    MENTOR = "15", "Mentor"
    KIND = "16", "Zoon/dochter"
    FAMILIELID = "17", "Familielid"
    GEZINSLID = "18", "Gezinslid"
    BUUR = "19", "Buur"
    VRIEND = "20", "Vriend(in)/kennis"
    CLIENTONDERSTEUNER = "21", "Clientondersteuner"
    HUISARTS = "22", "Huisarts"
    ERVEN = "23", "Erven van"
    WERKGEVER = "24", "Werkgever"
    WIJKCOACH = "25", "Wijkcoach"


class Communicatievorm(Code):
    TOLK_TAAL = "1", "Tolk taal"
    DOVENTOLK = "2", "Doventolk"
    DOOFBLINDENTOLK = "3", "Doofblindentolk"


class SoortIndicatie(Code):
    CIZ = "1", "CIZ indicatie"
    BJZ = "2", "BJZ indicatie"
    CIZ_BJZ = "3", "CIZ/BJZ indicatie"
    EXPERIMENTEN = "4", "Experimenten"


class Grondslag(Code):
    """COD736-like grondslag of an indicatiebesluit (``LDT_Grondslag``)."""

    SOMATISCH = "01", "Somatische ziekte/aandoening"
    PSYCHOGERIATRISCH = "02", "Psychogeriatrische ziekte/aandoening"
    PSYCHIATRISCH = "03", "Psychiatrische aandoening, psychische stoornis"
    LICHAMELIJKE_HANDICAP = "04", "Lichamelijke handicap (functiestoornis)"
    VERSTANDELIJKE_HANDICAP = "05", "Verstandelijke handicap (functiestoornis)"
    ZINTUIGLIJKE_HANDICAP = "06", "Zintuiglijke handicap (functiestoornis)"
    PSYCHOSOCIAAL = "07", "Psychosociale problemen"


class Financiering(Code):
    WLZ = "1", "Wlz"
    WLZ_VOORHEEN_INDICEERBAAR = "2", "Wlz, voorheen Wlz-indiceerbaar"
    SUBSIDIEREGELING = "3", "Subsidieregeling"
    ANDERS = "4", "Anders"


class VoorkeurClient(Code):
    """COD999: the client's preferred place/form of care as recorded by the CIZ."""

    PGB = "2", "Persoonsgebonden budget (PGB)"
    ZORG_THUIS = "3", "Zorg thuis (niet nader gespecificeerd)"
    VERBLIJF = "4", "Verblijf"
    VPT = "5", "Volledig pakket thuis (VPT)"
    PGB_MPT = "6", "Combinatie PGB/MPT"
    MPT = "7", "Modulair pakket thuis (MPT)"
    VPT_PGB = "8", "Combinatie VPT/PGB"
    VERBLIJF_PGB = "9", "Combinatie Verblijf/PGB"
    DTV = "10", "Deeltijdverblijf (DTV)"


class FunctieCode(Code):
    """COD732: Wlz function (used for MPT and functions indicated beside a zzp)."""

    HUISHOUDELIJKE_HULP = "21", "HV: Huishoudelijke Hulp"
    PERSOONLIJKE_VERZORGING = "31", "PV: Persoonlijke verzorging"
    VERPLEGING = "41", "VP: Verpleging"
    BEHANDELING_ALGEMEEN = "61", "BHALG: Behandeling algemeen (buiten verblijf in Wlz-instelling)"
    BEHANDELING_MET_VERBLIJF = "62", "BHVBF: Behandeling met verblijf"
    BEHANDELING_INDIVIDUEEL = "63", "BH-IND: Behandeling individueel"
    BEHANDELING_GROEP = "64", "BH-GRP: Behandeling in groepsverband"
    VERBLIJF_TIJDELIJK = "71", "VBTYD: Verblijf tijdelijk"
    BEGELEIDING_INDIVIDUEEL = "81", "BG-IND: Begeleiding individueel"
    BEGELEIDING_GROEP = "82", "BG-GRP: Begeleiding in groepsverband"
    ADL_ASSISTENTIE = "91", "ADL: ADL-assistentie"


class Leveringsvoorwaarde(Code):
    GEPLANDE_TIJDEN = "1", "Volgens afspraak op geplande tijden"
    DIRECT_OPROEPBAAR = "2", "Volgens afspraak + direct oproepbaar (toezicht op afstand)"
    IN_DE_NABIJHEID = "3", "Voortdurend in de nabijheid (toezicht in nabijheid)"
    STEEDS_ACTIEF = "4", "24 uur per dag (toezicht steeds actief)"
    ONBEKEND = "8", "Onbekend"


class Vervoer(Code):
    NODIG = "1", "Vervoer nodig"
    NIET_NODIG = "2", "Vervoer niet nodig"
    ONBEKEND = "9", "Onbekend"


class Leveringsvorm(Code):
    """COD578: the form in which Wlz care is delivered."""

    PGB = "2", "Persoonsgebonden budget (PGB)"
    VERBLIJF = "4", "Verblijf"
    VPT = "5", "Volledig pakket thuis (VPT)"
    MPT = "7", "Modulair Pakket Thuis (MPT)"
    DTV = "8", "Deeltijdverblijf (DTV)"
    VKB = "9", "Verkeerde bed (VKB)"


class SoortToewijzing(Code):
    """COD165."""

    REGULIER = "1", "Regulier"
    OVERBRUGGING = "3", "Overbrugging"
    ADMINISTRATIEF = "5", "Administratief"


class RedenIntrekking(Code):
    """COD172: why a toewijzing is withdrawn."""

    OVERLEDEN = "1", "Client overleden"
    NEGATIEF_INDICATIEBESLUIT = "2", "Negatief indicatiebesluit"
    HERINDICATIE = "3", "Herindicatie"
    OVERPLAATSING = "4", "Overplaatsing"
    WIJZIGING_LEVERINGSVORM = "5", "Wijziging leveringsvorm"
    UITSTROOM = "6", "Uitstroom"
    ANDERE_AANBIEDER = "7", "Andere aanbieder heeft de client in zorg genomen"
    VERHUIZING = "8", "Verhuizing"


class Etmalen(Code):
    """COD755: days of stay per week for deeltijdverblijf."""

    DRIE_EN_HALF = "3,5", "3,5 Etmalen"
    VIER = "4,0", "4 Etmalen"
    VIER_EN_HALF = "4,5", "4,5 Etmalen"


class Leveringsstatus(Code):
    """COD167."""

    ACTIEF_WACHTEND = "1", "Actief wachtend"
    WACHT_OP_VOORKEUR = "2", "Wacht op voorkeur"
    WACHT_UIT_VOORZORG = "3", "Wacht uit voorzorg"
    IN_ZORG = "4", "In zorg"
    EINDE_ZORGVRAAG = "5", "Einde zorgvraag"
    URGENT_PLAATSEN = "6", "Urgent plaatsen"
    ACTIEF_PLAATSEN = "7", "Actief plaatsen"


class MutatieCode(Code):
    """The reason of a change or end of care in an AW39 (``LDT_MutatieCode``)."""

    CLIENT_WIL_NOG_NIET = "12", "Client wil nu de zorg of ondersteuning (nog) niet"
    OVERPLAATSING = "17", "Overplaatsing (er is een melding aanvang zorg of ondersteuning)"
    AANBIEDER_KAN_NOG_NIET = "18", "Aanbieder kan nu de zorg of ondersteuning nog niet leveren"
    BEEINDIGD_TOEWIJZING_SLUITEN = "19", "Levering zorg of ondersteuning is beeindigd - toewijzing sluiten"
    BEEINDIGD_TOEWIJZING_AANHOUDEN = "20", "Levering zorg of ondersteuning is beeindigd - toewijzing aanhouden"
    OVERDRACHT_TOEWIJZING = "21", "Overdracht toewijzing (er is geen melding aanvang zorg of ondersteuning)"


#: mutation codes that mean the delivery of care has ended
EINDE_ZORG = frozenset({MutatieCode.BEEINDIGD_TOEWIJZING_SLUITEN, MutatieCode.BEEINDIGD_TOEWIJZING_AANHOUDEN})


class StatusAanlevering(Code):
    EERSTE_AANLEVERING = "1", "Eerste aanlevering"
    GEWIJZIGDE_AANLEVERING = "2", "Gewijzigde aanlevering"
    VERWIJDEREN_AANLEVERING = "3", "Verwijderen aanlevering"
    NIET_VAN_TOEPASSING = "9", "Niet van toepassing (ongewijzigd)"


class ToeslagBeademing(Code):
    NON_INVASIEF = "1", "Non-invasieve beademing"
    INVASIEF = "2", "Invasieve beademing"


class ToeslagOverig(Code):
    """COD983: other reasons for raising the budget of a zorgprofiel (e.g. meerzorg)."""

    EXTRA_OVERBRUGGINGSZORG = "1", "Extra overbruggingszorg (Actief wachtend)"
    PALLIATIEF_TERMINALE_ZORG = "2", "Palliatief terminale zorg (PTZ)"
    MEERZORG = "3", "Meerzorg"
    EXTRA_BEHANDELING = "4", "Extra budget voor behandeling"
    OVERIG = "5", "Overig"
    GESPECIALISEERD_VERPLEEGKUNDIG_HANDELEN = "6", "Gespecialiseerd Verpleegkundig Handelen (GVH)"
    EKT_EN_EXTRA_BEHANDELING = "7", "Combinatie van EKT en extra behandeling"
    THUISWONEND_KIND = "8", "Thuiswonend kind met ontwikkelperspectief < 18 jaar"
    MAATWERK_VOLWASSENEN = (
        "9",
        ("Maatwerk (volwassenen) in verband met dure dagbesteding, dagbehandeling en/of individuele behandeling"),
    )


class WzdVerklaring(Code):
    OPNAME_ART21_AAN_DE_ORDE = "1", "Opname op basis van artikel 21 is aan de orde"
    OPNAME_ART21_NIET_AAN_DE_ORDE = "2", "Opname op basis van artikel 21 is niet aan de orde"
    NIET_AAN_DE_ORDE_BEREIDHEID = (
        "3",
        ("Opname op basis van artikel 21 is niet aan de orde; er is sprake van bereidheid"),
    )
    NIET_AAN_DE_ORDE_VERZET = "4", "Opname op basis van artikel 21 is niet aan de orde; er is sprake van verzet"
    ONBEKEND = "9", "Onbekend"
