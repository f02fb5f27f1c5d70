"""Hand-made synthetic cases that exercise the rarer parts of the messages (all people fictitious)."""

from __future__ import annotations

import datetime as dt
import random

from wlz import iwlz
from wlz.bsn import synthetisch

D = dt.date


def bsn(seed: int) -> str:
    return synthetisch(random.Random(seed))


def rijke_client(seed: int = 1) -> iwlz.Client:
    """A client with everything IO31 can say about a person: relations, temporary address, Wzd, ..."""
    return iwlz.Client(
        bsn=bsn(seed),
        geboortedatum=D(1938, 1, 1),
        geboortedatum_gebruik=iwlz.DatumGebruik.DAG_ONBEKEND,
        geslacht=iwlz.Geslacht.VROUW,
        naam=iwlz.Naam(
            achternaam="Berg",
            voorvoegsel="van den",
            voornamen="Wilhelmina Geertruida",
            voorletters="WG",
            partner_achternaam="Dijk",
            partner_voorvoegsel="van",
            naamgebruik=iwlz.NaamGebruik.PARTNERNAAM_EIGEN_NAAM,
        ),
        contacten=(
            iwlz.Contact(
                soort=iwlz.AdresSoort.BRP,
                adres=iwlz.Adres("Lindelaan", 7, "b", "2", postcode="3511AB", plaatsnaam="Utrecht", landcode="NL"),
                telefoon=(iwlz.Telefoon("0301112233"), iwlz.Telefoon("0612345678")),
                emailadres="w.vandenberg@voorbeeld.invalid",
            ),
            iwlz.Contact(
                soort=iwlz.AdresSoort.TIJDELIJK_VERBLIJF,
                adres=iwlz.Adres("Zorgpad", 1, postcode="3512CD", plaatsnaam="Utrecht", landcode="NL"),
                organisatie="Herstelcentrum De Linde",
                begindatum=D(2024, 11, 1),
                einddatum=D(2025, 2, 1),
            ),
        ),
        leefeenheid=iwlz.Leefeenheid.MET_PARTNER,
        geheim=True,
        burgerlijke_staat=iwlz.BurgerlijkeStaat.GEHUWD,
        huisarts="01012345",
        communicatie=iwlz.Communicatie(iwlz.Communicatievorm.TOLK_TAAL, "Turks"),
        wzd=iwlz.Wzd(iwlz.WzdVerklaring.NIET_AAN_DE_ORDE_BEREIDHEID),  # dates only with verklaring 1 (CD070)
        commentaar="Client is slechthorend; bellen via partner.",
        relaties=(
            iwlz.Relatie(
                nummer="REL-1",
                soort=iwlz.SoortRelatie.PARTNER,
                naam=iwlz.Naam("Dijk", "van", "Hendrik", "H"),
                contact=iwlz.Contact(
                    adres=iwlz.Adres("Lindelaan", 7, "b", postcode="3511AB", plaatsnaam="Utrecht", landcode="NL")
                ),
                volgorde=1,
                geboortedatum=D(1936, 5, 17),
                geslacht=iwlz.Geslacht.MAN,
            ),
            iwlz.Relatie(
                nummer="REL-2",
                soort=iwlz.SoortRelatie.MENTOR,
                naam=iwlz.Naam("Bouali", voornamen="Sanne"),
                contact=iwlz.Contact(soort=iwlz.AdresSoort.CORRESPONDENTIE, telefoon=(iwlz.Telefoon("0201234567"),)),
                volgorde=2,
            ),
        ),
    )


def rijk_besluit() -> iwlz.Indicatiebesluit:
    """A VV7 decision with two grondslagen, a function beside the zzp, stoornissen and scores."""
    return iwlz.Indicatiebesluit(
        besluitnummer=987654321,
        afgiftedatum=D(2024, 11, 20),
        ingangsdatum=D(2024, 12, 1),
        einddatum=D(2029, 11, 30),
        grondslagen=(iwlz.Grondslag.PSYCHOGERIATRISCH, iwlz.Grondslag.SOMATISCH),
        meerzorg=True,
        commentaar="Zorgvraag neemt toe; meerzorg mogelijk van toepassing.",
        zorgzwaartepakketten=(
            iwlz.GeindiceerdZzp(
                zzp_code="756",
                ingangsdatum=D(2024, 12, 1),
                einddatum=D(2029, 11, 30),
                voorkeur_client=iwlz.VoorkeurClient.VERBLIJF_PGB,
                instelling_voorkeur="73730001",
            ),
        ),
        functies=(
            iwlz.GeindiceerdeFunctie(  # group: Vervoer required (CD022); Opslag only on the top klasse (TR010)
                functiecode=iwlz.FunctieCode.BEGELEIDING_GROEP,
                ingangsdatum=D(2024, 12, 1),
                einddatum=D(2029, 11, 30),  # the last zorgeenheid ends with the indication (TR014)
                klasse="KD09",
                leveringsvoorwaarde=iwlz.Leveringsvoorwaarde.GEPLANDE_TIJDEN,
                opslag=10,
                vervoer=iwlz.Vervoer.NODIG,
                instelling_voorkeur="73730001",
            ),
        ),
        stoornissen=(
            iwlz.Stoornis(iwlz.Grondslag.PSYCHOGERIATRISCH, "014", "03", "04", "4", "Dementie, snel progressief"),
        ),
        beperkingen=(
            iwlz.Beperking(
                "2", "4", None, (iwlz.BeperkingScore("0201", "2"), iwlz.BeperkingScore("0202", "3", "Valgevaar"))
            ),
        ),
        stoornis_scores=(iwlz.StoornisScore("0101", "3"), iwlz.StoornisScore("0202", "2")),
    )


def rijke_io31() -> iwlz.IO31Bericht:
    eenvoudig = iwlz.Client(
        bsn=bsn(2),
        geboortedatum=D(2001, 6, 30),
        geslacht=iwlz.Geslacht.MAN,
        naam=iwlz.Naam("Yilmaz", voornamen="Ahmet"),
        contacten=(
            iwlz.Contact(adres=iwlz.Adres("Kerkweg", 3, postcode="3811AA", plaatsnaam="Amersfoort", landcode="NL")),
        ),
        leefeenheid=iwlz.Leefeenheid.KIND_BIJ_OUDERS,
    )
    vg = iwlz.Indicatiebesluit(
        besluitnummer=1,
        afgiftedatum=D(2025, 3, 3),
        ingangsdatum=D(2025, 3, 3),
        grondslagen=(iwlz.Grondslag.VERSTANDELIJKE_HANDICAP,),
        zorgzwaartepakketten=(iwlz.GeindiceerdZzp("808", D(2025, 3, 3), voorkeur_client=iwlz.VoorkeurClient.PGB_MPT),),
    )
    return iwlz.IO31Bericht(
        ontvanger="5509",
        identificatie="CIZ-20250303",
        dagtekening=D(2025, 3, 3),
        clienten=(iwlz.IO31Client(rijke_client(), rijk_besluit()), iwlz.IO31Client(eenvoudig, vg)),
    )


def aw39_met_aanvraag() -> iwlz.AW39Bericht:
    """A VPT provider asks for an extra-kosten-thuis toewijzing and reports a transfer of a function."""
    client = rijke_client(3).kort()
    return iwlz.AW39Bericht(
        afzender="12345678",
        ontvanger="5509",
        identificatie="MUT-000042",
        dagtekening=D(2025, 5, 1),
        clienten=(
            iwlz.AW39Client(
                client=client,
                mutatie_functies=(
                    iwlz.MutatieFunctie(
                        besluitnummer=4242,
                        functiecode=iwlz.FunctieCode.BEGELEIDING_GROEP,
                        toewijzing_ingangsdatum=D(2025, 1, 1),
                        instelling="12345678",
                        mutatiecode=iwlz.MutatieCode.OVERPLAATSING,
                        mutatiedatum=D(2025, 4, 30),
                        begindatum=D(2025, 1, 2),
                        instelling_bestemming="87654321",
                        status_aanlevering=iwlz.StatusAanlevering.EERSTE_AANLEVERING,  # CS058: 1 or 3
                    ),
                ),
                mutatie_zzps=(
                    iwlz.MutatieZzp(
                        besluitnummer=4242,
                        zzp_code="755",
                        toewijzing_ingangsdatum=D(2025, 1, 1),
                        instelling="12345678",
                        mutatiecode=iwlz.MutatieCode.CLIENT_WIL_NOG_NIET,
                        mutatiedatum=D(2025, 4, 15),
                        leveringsstatus=iwlz.Leveringsstatus.WACHT_UIT_VOORZORG,  # TR046: 3 or 5 with code 12
                        leveringsstatus_classificatie="13",  # CS131
                        leveringsvorm=iwlz.Leveringsvorm.VERBLIJF,
                    ),
                ),
                aanvragen=(
                    iwlz.Aanvraag(
                        besluitnummer=4242,
                        afgiftedatum=D(2024, 12, 20),
                        instelling="12345678",
                        zzp_code="755",
                        leveringsvorm=iwlz.Leveringsvorm.VPT,
                        dossierhouder="12345678",
                        klasse="KE7",  # CD051 (doelmatig/verantwoord only for mpt and dtv: CD074)
                        bijzondere_situatie=iwlz.BijzondereSituatie(extra_kosten_thuis=True),  # CD048
                        instellingen=(
                            iwlz.AanvraagInstelling("12345678", D(2025, 5, 1), percentage=125),
                            iwlz.AanvraagInstelling(
                                "87654321",
                                D(2025, 5, 1),
                                soort=iwlz.SoortToewijzing.OVERBRUGGING,
                                toewijzing_einddatum=D(2025, 7, 31),
                                percentage=100,  # CD040; no Opname for vpt (CD052)
                            ),
                        ),
                    ),
                ),
            ),
        ),
    )
