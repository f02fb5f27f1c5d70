"""iWlz 2.2 messages: case data in, validated XML bytes out; XML in, case data out.

Messages (XSDs in ``$WLZ_SHARED/iwlz/xsd``):

========  ==========================================  =================================  ===============
message   what                                        direction                          here
========  ==========================================  =================================  ===============
IO31      indicatiebesluit                            CIZ → zorgkantoor                  read + build
AW33      zorgtoewijzing                              zorgkantoor → zorgaanbieder        build + read
AW35      melding aanvang zorglevering                zorgaanbieder → zorgkantoor        read + build
AW39      melding mutaties zorglevering (einde, ...)  zorgaanbieder → zorgkantoor        read + build
CA317     melding aanvang zorglevering aan het CAK    zorgkantoor → CAK                  build + read
CA319     wijzigingen zorglevering aan het CAK        zorgkantoor → CAK                  build + read
IO32 ...  retour of each of the six (IO32, AW34,      receiver → sender                  build + read
          AW36, AW310, CA318, CA320)
========  ==========================================  =================================  ===============

Layers: :mod:`wlz.iwlz.bindings` is generated from the XSDs by xsdata and never edited (regenerate with
``scripts/generate_iwlz_bindings.sh``, see ``src/wlz/iwlz/README.md``); :mod:`wlz.iwlz.codec` turns a binding
into bytes and untrusted bytes into a binding; the message modules (``io31``, ``aw33``, ...) map the case data
of :mod:`wlz.iwlz.model` (Python dates, ``bool``, whole percentages, one ``Client`` for every message) onto
the bindings and back; :mod:`wlz.iwlz.codes` names the bindings' code lists.

Names: ``build_<msg>`` makes the message from case data, ``read_<msg>`` parses one, ``<out>_from_<in>``
answers one message with another, :func:`read_message`/:func:`build_message` detect the type.

Every ``build_*`` validates its output against the real XSD and the official business rules (the XSLT set,
:mod:`wlz.iwlz.validation`; which fields a leveringsvorm requires: :mod:`wlz.iwlz.leveringsvorm`) and
raises :class:`BerichtOngeldig` instead of returning an invalid message. :func:`check` gives the findings of
any message (XSD + XSLT) and :mod:`wlz.iwlz.retour` answers a received one with its retour. Every ``read_*`` (and
:func:`read_message`, which detects the type) validates first and refuses an invalid message with
:class:`BerichtOngeldig`, whose ``fouten`` carry the element path and the schema's text — never a BSN.

Typical use in the service::

    from wlz import iwlz
    besluit = iwlz.read_io31(upload_bytes)             # IO31Bericht
    xml = iwlz.build_aw33(iwlz.AW33Bericht(...))        # bytes, schema-valid
    melding = iwlz.read_aw35(xml_from_provider)         # AW35Bericht
    ca317 = iwlz.ca317_from_aw35(melding, identificatie="CA-000001", dagtekening=date.today())
    ca319 = iwlz.ca319_from_aw39(einde, identificatie="CB-000001", dagtekening=date.today(),
                                 zorg_id={(bsn, besluitnummer, zzp_code, begindatum): geleverde_zorg_id})

From a case file's plain values (``"vpt"``, ``"VG5"``, ``"van der Meer"``, ``"12a"``) build the dataclasses
with :mod:`wlz.iwlz.casefile` (``client``, ``indicatiebesluit``, ``zorgtoewijzing``); synthetic consistent
message chains for tests and demo data come from :func:`wlz.iwlz.voorbeelden.keten`.

BSN helpers live in the shared module :mod:`wlz.bsn` (elfproef, normaliseer, synthetisch).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from wlz.iwlz import casefile
from wlz.iwlz.aw33 import build_aw33, read_aw33
from wlz.iwlz.aw35 import build_aw35, read_aw35
from wlz.iwlz.aw39 import build_aw39, read_aw39
from wlz.iwlz.ca317 import build_ca317, ca317_from_aw35, read_ca317
from wlz.iwlz.ca319 import build_ca319, ca319_from_aw39, read_ca319
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
from wlz.iwlz.io31 import build_io31, read_io31
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
from wlz.iwlz.retour import (
    HEEN_VAN,
    RETOUR_VAN,
    Retour,
    aw36_from_aw35,
    aw310_from_aw39,
    build_retour,
    io32_from_io31,
    read_retour,
)
from wlz.iwlz.schema import (
    BERICHTSOORTEN,
    BerichtOngeldig,
    Berichtsoort,
    Schemafout,
    berichtsoort_of,
    parse_xml,
    validate,
    xsd_folder,
)
from wlz.iwlz.validation import Finding, Report, check, retourcode

_READERS: dict[str, Callable[[bytes], Bericht]] = {
    "IO31": read_io31,
    "AW33": read_aw33,
    "AW35": read_aw35,
    "AW39": read_aw39,
    "CA317": read_ca317,
    "CA319": read_ca319,
}
_BUILDERS: dict[type, Callable[[Any], bytes]] = {
    IO31Bericht: build_io31,
    AW33Bericht: build_aw33,
    AW35Bericht: build_aw35,
    AW39Bericht: build_aw39,
    CA317Bericht: build_ca317,
    CA319Bericht: build_ca319,
}


def read_message(data: bytes | str | os.PathLike[str]) -> Bericht | Retour:
    """Read any supported message, detecting its type from the root namespace; BerichtOngeldig if invalid.

    A retour (IO32, AW34, ...) is read as a :class:`~wlz.iwlz.retour.Retour`."""
    if isinstance(data, os.PathLike):
        with open(data, "rb") as fh:
            data = fh.read()
    if isinstance(data, str):
        data = data.encode("utf-8")
    soort = berichtsoort_of(parse_xml(data))
    if soort.naam in HEEN_VAN:
        return read_retour(data)
    return _READERS[soort.naam](data)


def build_message(bericht: Bericht) -> bytes:
    """Build any supported message from its case data as schema-valid XML bytes."""
    return _BUILDERS[type(bericht)](bericht)


__all__ = [
    "BERICHTSOORTEN",
    "HEEN_VAN",
    "RETOUR_VAN",
    "Finding",
    "Report",
    "Retour",
    "aw36_from_aw35",
    "aw310_from_aw39",
    "build_retour",
    "check",
    "io32_from_io31",
    "read_retour",
    "retourcode",
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
    "berichtsoort_of",
    "casefile",
    "ca317_from_aw35",
    "ca319_from_aw39",
    "parse_xml",
    "read_aw33",
    "read_aw35",
    "read_aw39",
    "read_message",
    "read_ca317",
    "read_ca319",
    "read_io31",
    "validate",
    "build_aw33",
    "build_aw35",
    "build_aw39",
    "build_message",
    "build_ca317",
    "build_ca319",
    "build_io31",
    "xsd_folder",
]
