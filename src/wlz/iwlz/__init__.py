"""iWlz 2.2 messages: dataclasses in, validated XML bytes out; XML in, dataclasses out.

Messages (XSDs in ``$WLZ_SHARED/iwlz/xsd``):

========  ==========================================  =================================  ===============
message   what                                        direction                          here
========  ==========================================  =================================  ===============
IO31      indicatiebesluit                            CIZ → zorgkantoor                  read + write
AW33      zorgtoewijzing                              zorgkantoor → zorgaanbieder        write + read
AW35      melding aanvang zorglevering                zorgaanbieder → zorgkantoor        read + write
AW39      melding mutaties zorglevering (einde, ...)  zorgaanbieder → zorgkantoor        read + write
CA317     melding aanvang zorglevering aan het CAK    zorgkantoor → CAK                  write + read
CA319     wijzigingen zorglevering aan het CAK        zorgkantoor → CAK                  write + read
========  ==========================================  =================================  ===============

Every ``write_*`` validates its output against the real XSD (and checks BSN elfproef, date order) and
raises :class:`BerichtOngeldig` instead of returning an invalid message. Every ``read_*`` (and
:func:`read_bericht`, which detects the type) validates first and refuses an invalid message with
:class:`BerichtOngeldig`, whose ``fouten`` carry the element path and the schema's text — never a BSN.

Typical use in the service::

    from wlz import iwlz
    besluit = iwlz.read_io31(upload_bytes)             # IO31Bericht
    xml = iwlz.write_aw33(iwlz.AW33Bericht(...))        # bytes, schema-valid
    melding = iwlz.read_aw35(xml_from_provider)         # AW35Bericht
    ca317 = iwlz.ca317_uit_aw35(melding, identificatie="CA-000001", dagtekening=date.today())
    ca319 = iwlz.ca319_uit_aw39(einde, identificatie="CB-000001", dagtekening=date.today(),
                                zorg_id={(bsn, besluitnummer, zzp_code, begindatum): geleverde_zorg_id})

From a case file's plain values (``"vpt"``, ``"VG5"``, ``"van der Meer"``, ``"12a"``) build the dataclasses
with :mod:`wlz.iwlz.bouwen` (``client``, ``indicatiebesluit``, ``zorgtoewijzing``); synthetic consistent
message chains for tests and demo data come from :func:`wlz.iwlz.voorbeelden.keten`.

BSN helpers live in the shared module :mod:`wlz.bsn` (elfproef, normaliseer, synthetisch).
"""

from __future__ import annotations

import os

from wlz.iwlz import bouwen
from wlz.iwlz.aw33 import read_aw33, write_aw33
from wlz.iwlz.aw35 import read_aw35, write_aw35
from wlz.iwlz.aw39 import read_aw39, write_aw39
from wlz.iwlz.ca317 import ca317_uit_aw35, read_ca317, write_ca317
from wlz.iwlz.ca319 import ca319_uit_aw39, read_ca319, write_ca319
from wlz.iwlz.codes import (
    AdresSoort,
    BurgerlijkeStaat,
    Communicatievorm,
    DatumGebruik,
    Etmalen,
    Financiering,
    FunctieCode,
    Geslacht,
    Grondslag,
    Leefeenheid,
    Leveringsstatus,
    Leveringsvoorwaarde,
    Leveringsvorm,
    MutatieCode,
    NaamGebruik,
    RedenIntrekking,
    SoortIndicatie,
    SoortRelatie,
    SoortToewijzing,
    StatusAanlevering,
    ToeslagBeademing,
    ToeslagOverig,
    Vervoer,
    VoorkeurClient,
    WzdVerklaring,
)
from wlz.iwlz.io31 import read_io31, write_io31
from wlz.iwlz.model import (
    Aanvraag,
    AanvraagInstelling,
    Adres,
    AW33Bericht,
    AW33Client,
    AW35Bericht,
    AW35Client,
    AW39Bericht,
    AW39Client,
    Beperking,
    BeperkingScore,
    Bericht,
    BijzondereSituatie,
    CA317Bericht,
    CA317Client,
    CA319Bericht,
    CA319Client,
    Client,
    Communicatie,
    Contact,
    GeindiceerdeFunctie,
    GeindiceerdZzp,
    GeleverdeFunctie,
    GeleverdeZorg,
    GeleverdZzp,
    Indicatiebesluit,
    IO31Bericht,
    IO31Client,
    MutatieFunctie,
    MutatieZorg,
    MutatieZzp,
    Naam,
    Relatie,
    Stoornis,
    StoornisScore,
    Telefoon,
    ToegewezenFunctie,
    ToegewezenZzp,
    Wzd,
)
from wlz.iwlz.schema import (
    BERICHTSOORTEN,
    BerichtOngeldig,
    Berichtsoort,
    Schemafout,
    berichtsoort_van,
    parse_xml,
    valideer,
    xsd_map,
)

_LEZERS = {
    "IO31": read_io31,
    "AW33": read_aw33,
    "AW35": read_aw35,
    "AW39": read_aw39,
    "CA317": read_ca317,
    "CA319": read_ca319,
}
_SCHRIJVERS = {
    IO31Bericht: write_io31,
    AW33Bericht: write_aw33,
    AW35Bericht: write_aw35,
    AW39Bericht: write_aw39,
    CA317Bericht: write_ca317,
    CA319Bericht: write_ca319,
}


def read_bericht(data: bytes | str | os.PathLike) -> Bericht:
    """Read any supported message, detecting its type from the root namespace; BerichtOngeldig if invalid."""
    if isinstance(data, os.PathLike):
        with open(data, "rb") as fh:
            data = fh.read()
    soort = berichtsoort_van(parse_xml(data))
    return _LEZERS[soort.naam](data)


def write_bericht(bericht: Bericht) -> bytes:
    """Write any supported message dataclass as schema-valid XML bytes."""
    return _SCHRIJVERS[type(bericht)](bericht)


__all__ = [
    "BERICHTSOORTEN",
    "Aanvraag",
    "AanvraagInstelling",
    "Adres",
    "AdresSoort",
    "AW33Bericht",
    "AW33Client",
    "AW35Bericht",
    "AW35Client",
    "AW39Bericht",
    "AW39Client",
    "Beperking",
    "BeperkingScore",
    "Bericht",
    "BerichtOngeldig",
    "Berichtsoort",
    "BijzondereSituatie",
    "BurgerlijkeStaat",
    "CA317Bericht",
    "CA317Client",
    "CA319Bericht",
    "CA319Client",
    "Client",
    "Communicatie",
    "Communicatievorm",
    "Contact",
    "DatumGebruik",
    "Etmalen",
    "Financiering",
    "FunctieCode",
    "GeindiceerdeFunctie",
    "GeindiceerdZzp",
    "GeleverdeFunctie",
    "GeleverdeZorg",
    "GeleverdZzp",
    "Geslacht",
    "Grondslag",
    "Indicatiebesluit",
    "IO31Bericht",
    "IO31Client",
    "Leefeenheid",
    "Leveringsstatus",
    "Leveringsvoorwaarde",
    "Leveringsvorm",
    "MutatieCode",
    "MutatieFunctie",
    "MutatieZorg",
    "MutatieZzp",
    "Naam",
    "NaamGebruik",
    "RedenIntrekking",
    "Relatie",
    "Schemafout",
    "SoortIndicatie",
    "SoortRelatie",
    "SoortToewijzing",
    "StatusAanlevering",
    "Stoornis",
    "StoornisScore",
    "Telefoon",
    "ToegewezenFunctie",
    "ToegewezenZzp",
    "ToeslagBeademing",
    "ToeslagOverig",
    "Vervoer",
    "VoorkeurClient",
    "Wzd",
    "WzdVerklaring",
    "berichtsoort_van",
    "bouwen",
    "ca317_uit_aw35",
    "ca319_uit_aw39",
    "parse_xml",
    "read_aw33",
    "read_aw35",
    "read_aw39",
    "read_bericht",
    "read_ca317",
    "read_ca319",
    "read_io31",
    "valideer",
    "write_aw33",
    "write_aw35",
    "write_aw39",
    "write_bericht",
    "write_ca317",
    "write_ca319",
    "write_io31",
    "xsd_map",
]
