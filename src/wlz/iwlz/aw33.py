"""AW33 — zorgtoewijzing, zorgkantoor → zorgaanbieder (berichtcode 352): builder and reader.

The zorgkantoor builds AW33 (:func:`build_aw33`) when it assigns care to a provider; the message repeats
the client and the indication and adds ``ToegewezenFuncties``/``ToegewezenZorgzwaartepakketten``. The
reader exists for round-trip tests and for a provider-side view.
"""

from __future__ import annotations

from wlz.iwlz import leveringsvorm
from wlz.iwlz._client import build_client, build_header, read_client, read_header
from wlz.iwlz._indicatie import build_indicatie, read_indicatie
from wlz.iwlz.bindings import aw33 as msg
from wlz.iwlz.codec import Checks, Source, from_binding, from_janee, parse, serialize, to_binding, whole_percent
from wlz.iwlz.model import AW33Bericht, AW33Client, ToegewezenFunctie, ToegewezenZzp
from wlz.iwlz.schema import BERICHTSOORTEN

SOORT = BERICHTSOORTEN["AW33"]


def _toegewezen_functies(item: AW33Client, pad: str, checks: Checks) -> msg.ToegewezenFuncties | None:
    for n, f in enumerate(item.toegewezen_functies):
        checks.period(f"{pad}.toegewezen_functies[{n}].einddatum", f.ingangsdatum, f.einddatum)
    functies = [to_binding(f, msg.ToegewezenFunctie) for f in item.toegewezen_functies]
    return msg.ToegewezenFuncties(toegewezen_functie=functies) if functies else None


def _toegewezen_zzps(item: AW33Client, pad: str, checks: Checks) -> msg.ToegewezenZorgzwaartepakketten | None:
    zzps = []
    for n, z in enumerate(item.toegewezen_zzps):
        zpad = f"{pad}.toegewezen_zzps[{n}]"
        checks.period(f"{zpad}.einddatum", z.ingangsdatum, z.einddatum)
        leveringsvorm.check("ToegewezenZorgzwaartepakket", z, z.leveringsvorm, zpad, checks)
        procent = checks.percentage(z.percentage, f"{zpad}.percentage")
        zzps.append(to_binding(z, msg.ToegewezenZorgzwaartepakket, toewijzing_percentage=procent))
    return msg.ToegewezenZorgzwaartepakketten(toegewezen_zorgzwaartepakket=zzps) if zzps else None


def build_aw33(bericht: AW33Bericht, *, check_rules: bool = True) -> bytes:
    """Serialise an AW33 as UTF-8 XML; raises :class:`~wlz.iwlz.schema.BerichtOngeldig` if it is not valid.

    ``check_rules=False``: XSD only, not the XSLT rules (to test a receiver with a message that breaks them).
    """
    checks = Checks(rules=check_rules)
    clienten = []
    for n, item in enumerate(bericht.clienten):
        pad = f"clienten[{n}]"
        if not (item.toegewezen_zzps or item.toegewezen_functies):
            checks.problem(pad, "een zorgtoewijzing zonder toegewezen zzp of functie")
        indicatie: msg.Indicatie = build_indicatie(msg, item.indicatie, f"{pad}.indicatie", checks)
        indicatie.toegewezen_functies = _toegewezen_functies(item, pad, checks)
        indicatie.toegewezen_zorgzwaartepakketten = _toegewezen_zzps(item, pad, checks)
        client = build_client(msg, item.client, f"{pad}.client", checks, indicatie, partneropname=item.partneropname)
        clienten.append(client)
    header = build_header(msg, SOORT, bericht)
    return serialize(
        SOORT, msg.Bericht(header=header, clienten=msg.Clienten(client=clienten)), checks, check_rules=check_rules
    )


def _read_client(c: msg.Client) -> AW33Client:
    i = c.indicatie
    functies = [] if i.toegewezen_functies is None else i.toegewezen_functies.toegewezen_functie
    zzps = i.toegewezen_zorgzwaartepakketten
    return AW33Client(
        client=read_client(c),
        indicatie=read_indicatie(i),
        toegewezen_zzps=()
        if zzps is None
        else tuple(
            from_binding(z, ToegewezenZzp, percentage=whole_percent(z.toewijzing_percentage))
            for z in zzps.toegewezen_zorgzwaartepakket
        ),
        toegewezen_functies=tuple(from_binding(f, ToegewezenFunctie) for f in functies),
        partneropname=bool(from_janee(c.partneropname)),
    )


def read_aw33(data: Source) -> AW33Bericht:
    """Read an AW33 after XSD validation and the BSN elfproef (BerichtOngeldig otherwise)."""
    b = parse(data, SOORT, msg.Bericht)
    return AW33Bericht(**read_header(b.header), clienten=tuple(_read_client(c) for c in b.clienten.client))
