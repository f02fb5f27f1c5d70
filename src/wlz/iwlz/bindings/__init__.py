from .aw33 import (
    Beperking as Aw33Beperking,
)
from .aw33 import (
    Beperkingen as Aw33Beperkingen,
)
from .aw33 import (
    BeperkingScore as Aw33BeperkingScore,
)
from .aw33 import (
    BeperkingScores as Aw33BeperkingScores,
)
from .aw33 import (
    Bericht as Aw33Bericht,
)
from .aw33 import (
    Client as Aw33Client,
)
from .aw33 import (
    Clienten as Aw33Clienten,
)
from .aw33 import (
    Contact as Aw33Contact,
)
from .aw33 import (
    Contactgegevens as Aw33Contactgegevens,
)
from .aw33 import (
    GeindiceerdeFunctie as Aw33GeindiceerdeFunctie,
)
from .aw33 import (
    GeindiceerdeFuncties as Aw33GeindiceerdeFuncties,
)
from .aw33 import (
    GeindiceerdeZorgzwaartepakketten as Aw33GeindiceerdeZorgzwaartepakketten,
)
from .aw33 import (
    GeindiceerdZorgzwaartepakket as Aw33GeindiceerdZorgzwaartepakket,
)
from .aw33 import (
    Header as Aw33Header,
)
from .aw33 import (
    Indicatie as Aw33Indicatie,
)
from .aw33 import (
    Relatie as Aw33Relatie,
)
from .aw33 import (
    Relaties as Aw33Relaties,
)
from .aw33 import (
    Root as Aw33Root,
)
from .aw33 import (
    Stoornis as Aw33Stoornis,
)
from .aw33 import (
    StoornisScore as Aw33StoornisScore,
)
from .aw33 import (
    StoornisScores as Aw33StoornisScores,
)
from .aw33 import (
    Stoornissen as Aw33Stoornissen,
)
from .aw33 import (
    ToegewezenFunctie,
    ToegewezenFuncties,
    ToegewezenZorgzwaartepakket,
    ToegewezenZorgzwaartepakketten,
)
from .aw35 import (
    Bericht as Aw35Bericht,
)
from .aw35 import (
    Client as Aw35Client,
)
from .aw35 import (
    Clienten as Aw35Clienten,
)
from .aw35 import (
    GeleverdeFunctie,
    GeleverdeFuncties,
    GeleverdeZorgzwaartepakketten,
    GeleverdZorgzwaartepakket,
)
from .aw35 import (
    Header as Aw35Header,
)
from .aw35 import (
    Root as Aw35Root,
)
from .aw39 import (
    Aanvraag,
    AanvraagInstelling,
    AanvraagInstellingen,
    Aanvragen,
    MutatieFunctie,
    MutatieFuncties,
    MutatieZorgzwaartepakket,
    MutatieZorgzwaartepakketten,
)
from .aw39 import (
    Bericht as Aw39Bericht,
)
from .aw39 import (
    Client as Aw39Client,
)
from .aw39 import (
    Clienten as Aw39Clienten,
)
from .aw39 import (
    Header as Aw39Header,
)
from .aw39 import (
    Root as Aw39Root,
)
from .basisschema import (
    CdtAchternaam,
    CdtAdres,
    CdtBerichtIdentificatie,
    CdtBijzondereSituatie,
    CdtCommunicatie,
    CdtGeboortedatum,
    CdtGeslotenPeriode,
    CdtGrondslagen,
    CdtHuis,
    CdtOpenPeriode,
    CdtTelefoon,
    CdtTelefoonnummers,
    CdtVerkorteNaam,
    CdtVolledigeNaam,
    CdtWzd,
    CdtXsdVersie,
    LdtAanduidingWoonadres,
    LdtAdresSoort,
    LdtBeperkingCategorie,
    LdtBeperkingScore,
    LdtBeperkingVraag,
    LdtBurgerlijkeStaat,
    LdtCommunicatievorm,
    LdtDatumGebruik,
    LdtDiagnoseCodelijst,
    LdtDiagnoseSubcodelijst,
    LdtDuur,
    LdtEtmalen,
    LdtExtraKostenThuis,
    LdtFinanciering,
    LdtFunctieCode,
    LdtGeslacht,
    LdtGrondslag,
    LdtJaNee,
    LdtKlasse,
    LdtLandCode,
    LdtLeefeenheid,
    LdtLeveringsstatus,
    LdtLeveringsstatusClassificatie,
    LdtLeveringsvoorwaarde,
    LdtLeveringsvorm,
    LdtMutatieCode,
    LdtNaamGebruik,
    LdtPrognose,
    LdtRedenIntrekking,
    LdtSoortIndicatie,
    LdtSoortRelatie,
    LdtSoortToewijzing,
    LdtStatusAanlevering,
    LdtStoornisScore,
    LdtStoornisVraag,
    LdtToeslagBeademing,
    LdtToeslagOverig,
    LdtVervoer,
    LdtVoorkeurClient,
    LdtWzdVerklaring,
    LdtZorgkantoorCode,
    LdtZzpCode,
)
from .ca317 import (
    Bericht as Ca317Bericht,
)
from .ca317 import (
    Client as Ca317Client,
)
from .ca317 import (
    Clienten as Ca317Clienten,
)
from .ca317 import (
    GeleverdeZorg,
    ZorgLeveringen,
)
from .ca317 import (
    Header as Ca317Header,
)
from .ca317 import (
    Root as Ca317Root,
)
from .ca319 import (
    Bericht as Ca319Bericht,
)
from .ca319 import (
    Client as Ca319Client,
)
from .ca319 import (
    Clienten as Ca319Clienten,
)
from .ca319 import (
    Header as Ca319Header,
)
from .ca319 import (
    MutatiesZorg,
    MutatieZorg,
)
from .ca319 import (
    Root as Ca319Root,
)
from .io31 import (
    Beperking as Io31Beperking,
)
from .io31 import (
    Beperkingen as Io31Beperkingen,
)
from .io31 import (
    BeperkingScore as Io31BeperkingScore,
)
from .io31 import (
    BeperkingScores as Io31BeperkingScores,
)
from .io31 import (
    Bericht as Io31Bericht,
)
from .io31 import (
    Client as Io31Client,
)
from .io31 import (
    Clienten as Io31Clienten,
)
from .io31 import (
    Contact as Io31Contact,
)
from .io31 import (
    Contactgegevens as Io31Contactgegevens,
)
from .io31 import (
    GeindiceerdeFunctie as Io31GeindiceerdeFunctie,
)
from .io31 import (
    GeindiceerdeFuncties as Io31GeindiceerdeFuncties,
)
from .io31 import (
    GeindiceerdeZorgzwaartepakketten as Io31GeindiceerdeZorgzwaartepakketten,
)
from .io31 import (
    GeindiceerdZorgzwaartepakket as Io31GeindiceerdZorgzwaartepakket,
)
from .io31 import (
    Header as Io31Header,
)
from .io31 import (
    Indicatie as Io31Indicatie,
)
from .io31 import (
    Relatie as Io31Relatie,
)
from .io31 import (
    Relaties as Io31Relaties,
)
from .io31 import (
    Root as Io31Root,
)
from .io31 import (
    Stoornis as Io31Stoornis,
)
from .io31 import (
    StoornisScore as Io31StoornisScore,
)
from .io31 import (
    StoornisScores as Io31StoornisScores,
)
from .io31 import (
    Stoornissen as Io31Stoornissen,
)

__all__ = [
    "Aw33Beperking",
    "Aw33BeperkingScore",
    "Aw33BeperkingScores",
    "Aw33Beperkingen",
    "Aw33Bericht",
    "Aw33Client",
    "Aw33Clienten",
    "Aw33Contact",
    "Aw33Contactgegevens",
    "Aw33GeindiceerdZorgzwaartepakket",
    "Aw33GeindiceerdeFunctie",
    "Aw33GeindiceerdeFuncties",
    "Aw33GeindiceerdeZorgzwaartepakketten",
    "Aw33Header",
    "Aw33Indicatie",
    "Aw33Relatie",
    "Aw33Relaties",
    "Aw33Root",
    "Aw33Stoornis",
    "Aw33StoornisScore",
    "Aw33StoornisScores",
    "Aw33Stoornissen",
    "ToegewezenFunctie",
    "ToegewezenFuncties",
    "ToegewezenZorgzwaartepakket",
    "ToegewezenZorgzwaartepakketten",
    "Aw35Bericht",
    "Aw35Client",
    "Aw35Clienten",
    "GeleverdZorgzwaartepakket",
    "GeleverdeFunctie",
    "GeleverdeFuncties",
    "GeleverdeZorgzwaartepakketten",
    "Aw35Header",
    "Aw35Root",
    "Aanvraag",
    "AanvraagInstelling",
    "AanvraagInstellingen",
    "Aanvragen",
    "Aw39Bericht",
    "Aw39Client",
    "Aw39Clienten",
    "Aw39Header",
    "MutatieFunctie",
    "MutatieFuncties",
    "MutatieZorgzwaartepakket",
    "MutatieZorgzwaartepakketten",
    "Aw39Root",
    "CdtAchternaam",
    "CdtAdres",
    "CdtBerichtIdentificatie",
    "CdtBijzondereSituatie",
    "CdtCommunicatie",
    "CdtGeboortedatum",
    "CdtGeslotenPeriode",
    "CdtGrondslagen",
    "CdtHuis",
    "CdtOpenPeriode",
    "CdtTelefoon",
    "CdtTelefoonnummers",
    "CdtVerkorteNaam",
    "CdtVolledigeNaam",
    "CdtWzd",
    "CdtXsdVersie",
    "LdtAanduidingWoonadres",
    "LdtAdresSoort",
    "LdtBeperkingCategorie",
    "LdtBeperkingScore",
    "LdtBeperkingVraag",
    "LdtBurgerlijkeStaat",
    "LdtCommunicatievorm",
    "LdtDatumGebruik",
    "LdtDiagnoseCodelijst",
    "LdtDiagnoseSubcodelijst",
    "LdtDuur",
    "LdtEtmalen",
    "LdtExtraKostenThuis",
    "LdtFinanciering",
    "LdtFunctieCode",
    "LdtGeslacht",
    "LdtGrondslag",
    "LdtJaNee",
    "LdtKlasse",
    "LdtLandCode",
    "LdtLeefeenheid",
    "LdtLeveringsstatus",
    "LdtLeveringsstatusClassificatie",
    "LdtLeveringsvoorwaarde",
    "LdtLeveringsvorm",
    "LdtMutatieCode",
    "LdtNaamGebruik",
    "LdtPrognose",
    "LdtRedenIntrekking",
    "LdtSoortIndicatie",
    "LdtSoortRelatie",
    "LdtSoortToewijzing",
    "LdtStatusAanlevering",
    "LdtStoornisScore",
    "LdtStoornisVraag",
    "LdtToeslagBeademing",
    "LdtToeslagOverig",
    "LdtVervoer",
    "LdtVoorkeurClient",
    "LdtWzdVerklaring",
    "LdtZorgkantoorCode",
    "LdtZzpCode",
    "Ca317Bericht",
    "Ca317Client",
    "Ca317Clienten",
    "GeleverdeZorg",
    "Ca317Header",
    "Ca317Root",
    "ZorgLeveringen",
    "Ca319Bericht",
    "Ca319Client",
    "Ca319Clienten",
    "Ca319Header",
    "MutatieZorg",
    "MutatiesZorg",
    "Ca319Root",
    "Io31Beperking",
    "Io31BeperkingScore",
    "Io31BeperkingScores",
    "Io31Beperkingen",
    "Io31Bericht",
    "Io31Client",
    "Io31Clienten",
    "Io31Contact",
    "Io31Contactgegevens",
    "Io31GeindiceerdZorgzwaartepakket",
    "Io31GeindiceerdeFunctie",
    "Io31GeindiceerdeFuncties",
    "Io31GeindiceerdeZorgzwaartepakketten",
    "Io31Header",
    "Io31Indicatie",
    "Io31Relatie",
    "Io31Relaties",
    "Io31Root",
    "Io31Stoornis",
    "Io31StoornisScore",
    "Io31StoornisScores",
    "Io31Stoornissen",
]
