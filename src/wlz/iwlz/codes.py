"""iWlz 2.2 code lists as readable enums over the generated bindings' code lists.

Why readable enums beside the bindings: the generated enums (``bindings.basisschema.LdtMutatieCode``) name
their members after the code (``VALUE_19``), which says nothing in the service, the letters or a test.
Each enum here gives the codes of one ``LDT_*`` type a name (``MutatieCode.BEEINDIGD_TOEWIJZING_SLUITEN``);
the codes and their descriptions come from the bindings: :func:`_from_xsd` refuses at import an enum whose
codes are not exactly the binding's, and takes ``omschrijving`` from the binding (the XSD's documentation).
Each member *is* its code string (``StrEnum``), so it can be passed wherever the schema expects the code.

Source: iStandaarden XSD-iWlz release 2.2 (``Basisschema.xsd``, types ``LDT_*``), in
``$WLZ_SHARED/iwlz/xsd``; code list numbers (COD...) per https://github.com/iStandaarden/iWlz-codelijsten-APiWlz.
Long lists (zzp codes COD163, klasse COD756, land codes, stoornis/beperking questions) stay plain strings in
the case data: the bindings' enums check them and ``wlz.reference`` owns the zorgprofielen. The
leveringsvorm *choices* of a case file (``vpt``, ``mpt_pgb``) come from ``wlz.reference``
(:func:`leveringsvorm_keuzes`).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from enum import Enum, StrEnum
from functools import cache
from typing import TypeVar

from wlz.iwlz.bindings import basisschema as xsd


class Code(StrEnum):
    """A code list member: the value is the iWlz code, ``omschrijving`` its description in the XSD."""

    omschrijving: str


C = TypeVar("C", bound=type[Code])

_CVAR = re.compile(r":cvar (\w+):(.*?)(?=\n\s*:cvar |\n\s*$|\Z)", re.S)


def omschrijvingen(binding: type[Enum]) -> dict[str, str]:
    """Code → description of a generated enum (xsdata writes the XSD's documentation as ``:cvar`` lines)."""
    tekst = {naam: html.unescape(" ".join(regel.split())) for naam, regel in _CVAR.findall(binding.__doc__ or "")}
    return {str(lid.value): tekst.get(lid.name, "") for lid in binding}


def _from_xsd(binding: type[Enum]) -> Callable[[C], C]:
    """Check that the enum has exactly the binding's codes and give each member the XSD's description."""

    def bind(enum: C) -> C:
        beschreven = omschrijvingen(binding)
        if set(beschreven) != {lid.value for lid in enum}:
            raise RuntimeError(f"{enum.__name__}: codes wijken af van {binding.__name__} in de bindings")
        for lid in enum:
            lid.omschrijving = beschreven[lid.value]
        return enum

    return bind


@_from_xsd(xsd.LdtGeslacht)
class Geslacht(Code):
    ONBEKEND = "0"
    MAN = "1"
    VROUW = "2"


@_from_xsd(xsd.LdtNaamGebruik)
class NaamGebruik(Code):
    EIGEN_NAAM = "1"
    PARTNERNAAM = "2"
    PARTNERNAAM_EIGEN_NAAM = "3"
    EIGEN_NAAM_PARTNERNAAM = "4"
    PSEUDONIEM = "5"
    NIET_NATUURLIJK_PERSOON = "6"


@_from_xsd(xsd.LdtDatumGebruik)
class DatumGebruik(Code):
    DAG_ONBEKEND = "1"
    DAG_EN_MAAND_ONBEKEND = "2"
    ONBEKEND = "3"


@_from_xsd(xsd.LdtBurgerlijkeStaat)
class BurgerlijkeStaat(Code):
    ONGEHUWD = "1"
    GEHUWD = "2"
    GESCHEIDEN = "3"
    WEDUWE_WEDUWNAAR = "4"
    GEREGISTREERD_PARTNER = "5"
    GESCHEIDEN_GEREGISTREERD_PARTNER = "6"
    ACHTERGEBLEVEN_GEREGISTREERD_PARTNER = "7"
    ONGEHUWD_EVENTUEEL_GEWEEST = "9"


@_from_xsd(xsd.LdtLeefeenheid)
class Leefeenheid(Code):
    ALLEENWONEND = "1"
    KIND_BIJ_OUDERS = "2"
    MET_PARTNER = "3"
    PARTNER_EN_KINDEREN = "4"
    VOLWASSENE_MET_KINDEREN = "5"
    ANDER_MEERPERSOONSHUISHOUDEN = "6"
    ZORGINSTELLING = "7"
    ONBEKEND = "9"


@_from_xsd(xsd.LdtAdresSoort)
class AdresSoort(Code):
    BRP = "01"
    CORRESPONDENTIE = "02"
    VERBLIJF = "03"
    TIJDELIJK_VERBLIJF = "04"


@_from_xsd(xsd.LdtSoortRelatie)
class SoortRelatie(Code):
    CURATOR = "03"
    FINANCIEEL_GEMACHTIGD = "04"
    FINANCIEEL_TOETSING = "05"
    LEEFEENHEID = "06"
    HULPVERLENER = "07"
    SPECIALIST = "08"
    ANDERS = "09"
    OUDER = "10"
    VOOGD = "11"
    PARTNER = "12"
    PLEEGOUDER = "13"
    BEWINDVOERDER = "14"
    MENTOR = "15"
    KIND = "16"
    FAMILIELID = "17"
    GEZINSLID = "18"
    BUUR = "19"
    VRIEND = "20"
    CLIENTONDERSTEUNER = "21"
    HUISARTS = "22"
    ERVEN = "23"
    WERKGEVER = "24"
    WIJKCOACH = "25"


@_from_xsd(xsd.LdtCommunicatievorm)
class Communicatievorm(Code):
    TOLK_TAAL = "1"
    DOVENTOLK = "2"
    DOOFBLINDENTOLK = "3"


@_from_xsd(xsd.LdtSoortIndicatie)
class SoortIndicatie(Code):
    CIZ = "1"
    BJZ = "2"
    CIZ_BJZ = "3"
    EXPERIMENTEN = "4"


@_from_xsd(xsd.LdtGrondslag)
class Grondslag(Code):
    """COD736-like grondslag of an indicatiebesluit (``LDT_Grondslag``)."""

    SOMATISCH = "01"
    PSYCHOGERIATRISCH = "02"
    PSYCHIATRISCH = "03"
    LICHAMELIJKE_HANDICAP = "04"
    VERSTANDELIJKE_HANDICAP = "05"
    ZINTUIGLIJKE_HANDICAP = "06"
    PSYCHOSOCIAAL = "07"


@_from_xsd(xsd.LdtFinanciering)
class Financiering(Code):
    WLZ = "1"
    WLZ_VOORHEEN_INDICEERBAAR = "2"
    SUBSIDIEREGELING = "3"
    ANDERS = "4"


@_from_xsd(xsd.LdtVoorkeurClient)
class VoorkeurClient(Code):
    """COD999: the client's preferred place/form of care as recorded by the CIZ."""

    PGB = "2"
    ZORG_THUIS = "3"
    VERBLIJF = "4"
    VPT = "5"
    PGB_MPT = "6"
    MPT = "7"
    VPT_PGB = "8"
    VERBLIJF_PGB = "9"
    DTV = "10"


@_from_xsd(xsd.LdtFunctieCode)
class FunctieCode(Code):
    """COD732: Wlz function (used for MPT and functions indicated beside a zzp)."""

    HUISHOUDELIJKE_HULP = "21"
    PERSOONLIJKE_VERZORGING = "31"
    VERPLEGING = "41"
    BEHANDELING_ALGEMEEN = "61"
    BEHANDELING_MET_VERBLIJF = "62"
    BEHANDELING_INDIVIDUEEL = "63"
    BEHANDELING_GROEP = "64"
    VERBLIJF_TIJDELIJK = "71"
    BEGELEIDING_INDIVIDUEEL = "81"
    BEGELEIDING_GROEP = "82"
    ADL_ASSISTENTIE = "91"


@_from_xsd(xsd.LdtLeveringsvoorwaarde)
class Leveringsvoorwaarde(Code):
    GEPLANDE_TIJDEN = "1"
    DIRECT_OPROEPBAAR = "2"
    IN_DE_NABIJHEID = "3"
    STEEDS_ACTIEF = "4"
    ONBEKEND = "8"


@_from_xsd(xsd.LdtVervoer)
class Vervoer(Code):
    NODIG = "1"
    NIET_NODIG = "2"
    ONBEKEND = "9"


@_from_xsd(xsd.LdtLeveringsvorm)
class Leveringsvorm(Code):
    """COD578: the form in which Wlz care is delivered."""

    PGB = "2"
    VERBLIJF = "4"
    VPT = "5"
    MPT = "7"
    DTV = "8"
    VKB = "9"


@_from_xsd(xsd.LdtSoortToewijzing)
class SoortToewijzing(Code):
    """COD165."""

    REGULIER = "1"
    OVERBRUGGING = "3"
    ADMINISTRATIEF = "5"


@_from_xsd(xsd.LdtRedenIntrekking)
class RedenIntrekking(Code):
    """COD172: why a toewijzing is withdrawn."""

    OVERLEDEN = "1"
    NEGATIEF_INDICATIEBESLUIT = "2"
    HERINDICATIE = "3"
    OVERPLAATSING = "4"
    WIJZIGING_LEVERINGSVORM = "5"
    UITSTROOM = "6"
    ANDERE_AANBIEDER = "7"
    VERHUIZING = "8"


@_from_xsd(xsd.LdtEtmalen)
class Etmalen(Code):
    """COD755: days of stay per week for deeltijdverblijf."""

    DRIE_EN_HALF = "3,5"
    VIER = "4,0"
    VIER_EN_HALF = "4,5"


@_from_xsd(xsd.LdtLeveringsstatus)
class Leveringsstatus(Code):
    """COD167."""

    ACTIEF_WACHTEND = "1"
    WACHT_OP_VOORKEUR = "2"
    WACHT_UIT_VOORZORG = "3"
    IN_ZORG = "4"
    EINDE_ZORGVRAAG = "5"
    URGENT_PLAATSEN = "6"
    ACTIEF_PLAATSEN = "7"


@_from_xsd(xsd.LdtMutatieCode)
class MutatieCode(Code):
    """The reason of a change or end of care in an AW39 (``LDT_MutatieCode``)."""

    CLIENT_WIL_NOG_NIET = "12"
    OVERPLAATSING = "17"
    AANBIEDER_KAN_NOG_NIET = "18"
    BEEINDIGD_TOEWIJZING_SLUITEN = "19"
    BEEINDIGD_TOEWIJZING_AANHOUDEN = "20"
    OVERDRACHT_TOEWIJZING = "21"


@_from_xsd(xsd.LdtStatusAanlevering)
class StatusAanlevering(Code):
    EERSTE_AANLEVERING = "1"
    GEWIJZIGDE_AANLEVERING = "2"
    VERWIJDEREN_AANLEVERING = "3"
    NIET_VAN_TOEPASSING = "9"


@_from_xsd(xsd.LdtToeslagBeademing)
class ToeslagBeademing(Code):
    NON_INVASIEF = "1"
    INVASIEF = "2"


@_from_xsd(xsd.LdtToeslagOverig)
class ToeslagOverig(Code):
    """COD983: other reasons for raising the budget of a zorgprofiel (e.g. meerzorg)."""

    EXTRA_OVERBRUGGINGSZORG = "1"
    PALLIATIEF_TERMINALE_ZORG = "2"
    MEERZORG = "3"
    EXTRA_BEHANDELING = "4"
    OVERIG = "5"
    GESPECIALISEERD_VERPLEEGKUNDIG_HANDELEN = "6"
    EKT_EN_EXTRA_BEHANDELING = "7"
    THUISWONEND_KIND = "8"
    MAATWERK_VOLWASSENEN = "9"


@_from_xsd(xsd.LdtWzdVerklaring)
class WzdVerklaring(Code):
    OPNAME_ART21_AAN_DE_ORDE = "1"
    OPNAME_ART21_NIET_AAN_DE_ORDE = "2"
    NIET_AAN_DE_ORDE_BEREIDHEID = "3"
    NIET_AAN_DE_ORDE_VERZET = "4"
    ONBEKEND = "9"


#: mutation codes that mean the delivery of care has ended
EINDE_ZORG = frozenset({MutatieCode.BEEINDIGD_TOEWIJZING_SLUITEN, MutatieCode.BEEINDIGD_TOEWIJZING_AANHOUDEN})


@cache
def leveringsvorm_keuzes() -> dict[str, tuple[Leveringsvorm, ...]]:
    """The leveringsvorm choices of ``wlz.reference`` (``verblijf``, ``vpt``, ..., ``mpt_pgb``) → COD578 codes.

    Read from the shared vocabulary so the service, the rules and the messages agree; a combination
    (``mpt_pgb``) maps to two codes and so becomes two toewijzingen.
    """
    from wlz.reference.leveringsvorm import leveringsvormen

    return {code: tuple(Leveringsvorm(c) for c in lv.cod578) for code, lv in leveringsvormen().items()}


# ------------------------------------------------------------------------------------------ klassen

#: CS074: the only klassen (COD756) of an indicated, assigned or delivered zorgzwaartepakket — the etmalen per
#: week of the stay ("'KE4', 'KE5', 'KE6' of 'KE7' vullen"); a full zzp indication is ``KE7`` (seven etmalen).
#: Source: constraints/CS074.xsl of the official XSLT set (iWlz 2.2, v2.1.4).
ZZP_KLASSEN: tuple[str, ...] = ("KE4", "KE5", "KE6", "KE7")
ZZP_KLASSE_VOLLEDIG = "KE7"

#: TR008 "De Klasse moet horen bij de betreffende FunctieCode": the klassen (COD756) each function allows.
#: Source: rules/TR008.xsl of the official XSLT set (iWlz 2.2, v2.1.4).
KLASSEN_PER_FUNCTIE: dict[FunctieCode, tuple[str, ...]] = {
    **{
        f: ("K1", "K2", "K3", "K4", "K5", "K6", "K7", "K8")
        for f in (FunctieCode("21"), FunctieCode("31"), FunctieCode("81"))
    },
    FunctieCode("41"): ("K0", "K1", "K2", "K3", "K4", "K5", "K6", "K7"),
    **{f: ("99",) for f in (FunctieCode("61"), FunctieCode("62"), FunctieCode("63"), FunctieCode("91"))},
    **{f: tuple(f"KD0{n}" for n in range(1, 10)) for f in (FunctieCode("64"), FunctieCode("82"))},
    FunctieCode("71"): ("KE1", "KE2", "KE3", "KE4", "KE5", "KE6", "KE7"),
}


# ------------------------------------------------------------------------------------ mutations (AW39)

#: TR046 "De Leveringsstatus moet toegestaan zijn bij de opgegeven Mutatiecode" (rules/TR046.xsl, v2.1.4)
LEVERINGSSTATUS_PER_MUTATIECODE: dict[MutatieCode, tuple[Leveringsstatus, ...]] = {
    MutatieCode("12"): (Leveringsstatus("3"), Leveringsstatus("5")),
    MutatieCode("17"): (Leveringsstatus("5"),),
    MutatieCode("19"): (Leveringsstatus("5"),),
    MutatieCode("21"): (Leveringsstatus("5"),),
    MutatieCode("18"): (Leveringsstatus("2"), Leveringsstatus("6"), Leveringsstatus("7")),
    MutatieCode("20"): (Leveringsstatus("2"), Leveringsstatus("3"), Leveringsstatus("6"), Leveringsstatus("7")),
}

#: CS131 "Vullen met een waarde die hoort bij de waarde van Leveringsstatus" (constraints/CS131.xsl) and CD090
#: (a classificatie exactly for statuses 2, 3, 6 and 7): the LeveringsstatusClassificatie codes per status
CLASSIFICATIES_PER_LEVERINGSSTATUS: dict[Leveringsstatus, tuple[str, ...]] = {
    Leveringsstatus("6"): tuple(f"{n:02d}" for n in range(1, 9)),
    Leveringsstatus("7"): ("09", "10", "11", "12"),
    Leveringsstatus("2"): ("13", "14", "15", "16", "17", "18", "19"),
    Leveringsstatus("3"): ("13", "14", "15", "17", "18", "19"),
}

#: TR066: Begindatum required for these mutation codes (17, 19, 20), empty for the others (12, 18, 21);
#: CD020: InstellingBestemming exactly for 17 and 21
MUTATIECODES_MET_BEGINDATUM = frozenset({MutatieCode("17"), MutatieCode("19"), MutatieCode("20")})
MUTATIECODES_MET_BESTEMMING = frozenset({MutatieCode("17"), MutatieCode("21")})
