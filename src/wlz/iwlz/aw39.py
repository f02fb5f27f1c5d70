"""AW39 — melding mutaties zorglevering, zorgaanbieder → zorgkantoor (berichtcode 358): reader and builder.

A provider reports changes in care delivery: the end of care (``MutatieCode`` 19/20, see
``MutatieZzp.einde_zorg``), a transfer, a client who does not want the care yet, ... and may request a
(changed) toewijzing (``Aanvraag``). The zorgkantoor imports it with :func:`read_aw39`.
"""

from __future__ import annotations

from wlz.iwlz import leveringsvorm
from wlz.iwlz._client import build_client_kort, build_header, read_client, read_header
from wlz.iwlz.bindings import aw39 as msg
from wlz.iwlz.bindings import basisschema as xsd
from wlz.iwlz.codec import Checks, Source, from_binding, parse, serialize, to_binding, whole_percent
from wlz.iwlz.model import (
    Aanvraag,
    AanvraagInstelling,
    AW39Bericht,
    AW39Client,
    BijzondereSituatie,
    MutatieFunctie,
    MutatieZzp,
)
from wlz.iwlz.schema import BERICHTSOORTEN

SOORT = BERICHTSOORTEN["AW39"]


def _aanvraag(a: Aanvraag, apad: str, checks: Checks) -> msg.Aanvraag:
    if not a.instellingen:
        checks.problem(f"{apad}.instellingen", "minstens één aanvraaginstelling is verplicht")
    leveringsvorm.check("Aanvraag", a, a.leveringsvorm, apad, checks)
    instellingen = []
    for m, ai in enumerate(a.instellingen):
        ipad = f"{apad}.instellingen[{m}]"
        leveringsvorm.check("AanvraagInstelling", ai, a.leveringsvorm, ipad, checks)
        checks.period(f"{ipad}.toewijzing_einddatum", ai.toewijzing_ingangsdatum, ai.toewijzing_einddatum)
        procent = checks.percentage(ai.percentage, f"{ipad}.percentage")
        instellingen.append(to_binding(ai, msg.AanvraagInstelling, toewijzing_percentage=procent))
    bs = a.bijzondere_situatie
    situatie = None
    if bs is not None:
        ekt = xsd.LdtExtraKostenThuis.VALUE_5 if bs.extra_kosten_thuis else None
        situatie = to_binding(bs, xsd.CdtBijzondereSituatie, extra_kosten_thuis=ekt)
    return to_binding(
        a,
        msg.Aanvraag,
        bijzondere_situatie=situatie,
        aanvraag_instellingen=msg.AanvraagInstellingen(aanvraag_instelling=instellingen),
    )


def _build_client(item: AW39Client, pad: str, checks: Checks) -> msg.Client:
    functies = [to_binding(f, msg.MutatieFunctie) for f in item.mutatie_functies]
    zzps = [to_binding(z, msg.MutatieZorgzwaartepakket) for z in item.mutatie_zzps]
    aanvragen = [_aanvraag(a, f"{pad}.aanvragen[{n}]", checks) for n, a in enumerate(item.aanvragen)]
    client: msg.Client = build_client_kort(
        msg,
        item.client,
        f"{pad}.client",
        checks,
        mutatie_functies=msg.MutatieFuncties(mutatie_functie=functies) if functies else None,
        mutatie_zorgzwaartepakketten=msg.MutatieZorgzwaartepakketten(mutatie_zorgzwaartepakket=zzps) if zzps else None,
        aanvragen=msg.Aanvragen(aanvraag=aanvragen) if aanvragen else None,
    )
    return client


def build_aw39(bericht: AW39Bericht, *, check_rules: bool = True) -> bytes:
    """Serialise an AW39 as UTF-8 XML; raises :class:`~wlz.iwlz.schema.BerichtOngeldig` if it is not valid.

    ``check_rules=False``: XSD only, not the XSLT rules (to test a receiver with a message that breaks them).
    """
    checks = Checks(rules=check_rules)
    clienten = [_build_client(item, f"clienten[{n}]", checks) for n, item in enumerate(bericht.clienten)]
    header = build_header(msg, SOORT, bericht)
    return serialize(
        SOORT, msg.Bericht(header=header, clienten=msg.Clienten(client=clienten)), checks, check_rules=check_rules
    )


def _read_aanvraag(a: msg.Aanvraag) -> Aanvraag:
    bs = a.bijzondere_situatie
    return from_binding(
        a,
        Aanvraag,
        instellingen=tuple(
            from_binding(x, AanvraagInstelling, percentage=whole_percent(x.toewijzing_percentage))
            for x in a.aanvraag_instellingen.aanvraag_instelling
        ),
        bijzondere_situatie=None
        if bs is None
        else from_binding(bs, BijzondereSituatie, extra_kosten_thuis=bs.extra_kosten_thuis is not None),
    )


def _read_client(c: msg.Client) -> AW39Client:
    functies = [] if c.mutatie_functies is None else c.mutatie_functies.mutatie_functie
    zzps = [] if c.mutatie_zorgzwaartepakketten is None else c.mutatie_zorgzwaartepakketten.mutatie_zorgzwaartepakket
    return AW39Client(
        client=read_client(c),
        mutatie_zzps=tuple(from_binding(z, MutatieZzp) for z in zzps),
        mutatie_functies=tuple(from_binding(f, MutatieFunctie) for f in functies),
        aanvragen=() if c.aanvragen is None else tuple(_read_aanvraag(a) for a in c.aanvragen.aanvraag),
    )


def read_aw39(data: Source) -> AW39Bericht:
    """Import an AW39 after XSD validation and the BSN elfproef (BerichtOngeldig otherwise)."""
    b = parse(data, SOORT, msg.Bericht)
    return AW39Bericht(**read_header(b.header), clienten=tuple(_read_client(c) for c in b.clienten.client))
