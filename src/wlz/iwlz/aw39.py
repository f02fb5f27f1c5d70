"""AW39 — melding mutaties zorglevering, zorgaanbieder → zorgkantoor (berichtcode 358): reader and builder.

A provider reports changes in care delivery: the end of care (``MutatieCode`` 19/20, see
``MutatieZzp.einde_zorg``), a transfer, a client who does not want the care yet, ... and may request a
(changed) toewijzing (``Aanvraag``). The zorgkantoor imports it with :func:`read_aw39`.
"""

from __future__ import annotations

from wlz.iwlz import codes
from wlz.iwlz._client import build_client_kort, build_header, read_client, read_header
from wlz.iwlz.bindings import aw39 as msg
from wlz.iwlz.bindings import basisschema as xsd
from wlz.iwlz.codec import (
    Checks,
    Source,
    code_value,
    from_date,
    from_date_opt,
    from_janee,
    parse,
    serialize,
    to_code,
    to_code_opt,
    to_date,
    to_date_opt,
    to_janee_opt,
    whole_percent,
)
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


def _functie(f: MutatieFunctie) -> msg.MutatieFunctie:
    return msg.MutatieFunctie(
        besluitnummer=f.besluitnummer,
        functie_code=to_code(xsd.LdtFunctieCode, f.functiecode),
        toewijzing_ingangsdatum=to_date(f.toewijzing_ingangsdatum),
        begindatum=to_date_opt(f.begindatum),
        instelling=f.instelling,
        mutatiecode=to_code(xsd.LdtMutatieCode, f.mutatiecode),
        mutatiedatum=to_date(f.mutatiedatum),
        instelling_bestemming=f.instelling_bestemming,
        status_aanlevering=to_code(xsd.LdtStatusAanlevering, f.status_aanlevering),
    )


def _zzp(z: MutatieZzp) -> msg.MutatieZorgzwaartepakket:
    return msg.MutatieZorgzwaartepakket(
        besluitnummer=z.besluitnummer,
        zzp_code=to_code(xsd.LdtZzpCode, z.zzp_code),
        toewijzing_ingangsdatum=to_date(z.toewijzing_ingangsdatum),
        begindatum=to_date_opt(z.begindatum),
        instelling=z.instelling,
        mutatiecode=to_code(xsd.LdtMutatieCode, z.mutatiecode),
        mutatiedatum=to_date(z.mutatiedatum),
        leveringsstatus=to_code(xsd.LdtLeveringsstatus, z.leveringsstatus),
        leveringsstatus_classificatie=to_code_opt(xsd.LdtLeveringsstatusClassificatie, z.leveringsstatus_classificatie),
        leveringsvorm=to_code(xsd.LdtLeveringsvorm, z.leveringsvorm),
        instelling_bestemming=z.instelling_bestemming,
        status_aanlevering=to_code(xsd.LdtStatusAanlevering, z.status_aanlevering),
    )


def _bijzondere_situatie(bs: BijzondereSituatie | None) -> xsd.CdtBijzondereSituatie | None:
    if bs is None:
        return None
    return xsd.CdtBijzondereSituatie(
        extra_kosten_thuis=xsd.LdtExtraKostenThuis.VALUE_5 if bs.extra_kosten_thuis else None,
        toeslag_beademing=to_code_opt(xsd.LdtToeslagBeademing, bs.toeslag_beademing),
        toeslag_overig=to_code_opt(xsd.LdtToeslagOverig, bs.toeslag_overig),
    )


def _aanvraag(a: Aanvraag, apad: str, checks: Checks) -> msg.Aanvraag:
    if not a.instellingen:
        checks.problem(f"{apad}.instellingen", "minstens één aanvraaginstelling is verplicht")
    instellingen = []
    for m, ai in enumerate(a.instellingen):
        ipad = f"{apad}.instellingen[{m}]"
        checks.period(f"{ipad}.toewijzing_einddatum", ai.toewijzing_ingangsdatum, ai.toewijzing_einddatum)
        instellingen.append(
            msg.AanvraagInstelling(
                instelling=ai.instelling,
                soort=to_code(xsd.LdtSoortToewijzing, ai.soort),
                toewijzing_ingangsdatum=to_date(ai.toewijzing_ingangsdatum),
                toewijzing_einddatum=to_date_opt(ai.toewijzing_einddatum),
                toewijzing_percentage=checks.percentage(ai.percentage, f"{ipad}.percentage"),
                opname=to_janee_opt(ai.opname),
            )
        )
    return msg.Aanvraag(
        besluitnummer=a.besluitnummer,
        afgiftedatum=to_date(a.afgiftedatum),
        instelling=a.instelling,
        zzp_code=to_code(xsd.LdtZzpCode, a.zzp_code),
        etmalen=to_code_opt(xsd.LdtEtmalen, a.etmalen),
        klasse=to_code_opt(xsd.LdtKlasse, a.klasse),
        leveringsvorm=to_code(xsd.LdtLeveringsvorm, a.leveringsvorm),
        dossierhouder=a.dossierhouder,
        coordinator_zorg_thuis=a.coordinator_zorg_thuis,
        doelmatig=to_janee_opt(a.doelmatig),
        bijzondere_situatie=_bijzondere_situatie(a.bijzondere_situatie),
        verantwoord=to_janee_opt(a.verantwoord),
        aanvraag_instellingen=msg.AanvraagInstellingen(aanvraag_instelling=instellingen),
    )


def _build_client(item: AW39Client, pad: str, checks: Checks) -> msg.Client:
    client: msg.Client = build_client_kort(
        msg,
        item.client,
        f"{pad}.client",
        checks,
        mutatie_functies=msg.MutatieFuncties(mutatie_functie=[_functie(f) for f in item.mutatie_functies])
        if item.mutatie_functies
        else None,
        mutatie_zorgzwaartepakketten=msg.MutatieZorgzwaartepakketten(
            mutatie_zorgzwaartepakket=[_zzp(z) for z in item.mutatie_zzps]
        )
        if item.mutatie_zzps
        else None,
        aanvragen=msg.Aanvragen(
            aanvraag=[_aanvraag(a, f"{pad}.aanvragen[{n}]", checks) for n, a in enumerate(item.aanvragen)]
        )
        if item.aanvragen
        else None,
    )
    return client


def build_aw39(bericht: AW39Bericht) -> bytes:
    """Serialise an AW39 as UTF-8 XML; raises :class:`~wlz.iwlz.schema.BerichtOngeldig` if it is not valid."""
    checks = Checks()
    clienten = [_build_client(item, f"clienten[{n}]", checks) for n, item in enumerate(bericht.clienten)]
    header = build_header(
        msg, SOORT, bericht.identificatie, bericht.dagtekening, afzender=bericht.afzender, ontvanger=bericht.ontvanger
    )
    return serialize(SOORT, msg.Bericht(header=header, clienten=msg.Clienten(client=clienten)), checks)


def _read_aanvraag(a: msg.Aanvraag) -> Aanvraag:
    bs = a.bijzondere_situatie
    return Aanvraag(
        besluitnummer=a.besluitnummer,
        afgiftedatum=from_date(a.afgiftedatum),
        instelling=a.instelling,
        zzp_code=a.zzp_code.value,
        leveringsvorm=codes.Leveringsvorm(a.leveringsvorm.value),
        instellingen=tuple(
            AanvraagInstelling(
                instelling=x.instelling,
                toewijzing_ingangsdatum=from_date(x.toewijzing_ingangsdatum),
                soort=codes.SoortToewijzing(x.soort.value),
                toewijzing_einddatum=from_date_opt(x.toewijzing_einddatum),
                percentage=whole_percent(x.toewijzing_percentage),
                opname=from_janee(x.opname),
            )
            for x in a.aanvraag_instellingen.aanvraag_instelling
        ),
        etmalen=None if a.etmalen is None else codes.Etmalen(a.etmalen.value),
        klasse=code_value(a.klasse),
        dossierhouder=a.dossierhouder,
        coordinator_zorg_thuis=a.coordinator_zorg_thuis,
        doelmatig=from_janee(a.doelmatig),
        bijzondere_situatie=None
        if bs is None
        else BijzondereSituatie(
            extra_kosten_thuis=bs.extra_kosten_thuis is not None,
            toeslag_beademing=None
            if bs.toeslag_beademing is None
            else codes.ToeslagBeademing(bs.toeslag_beademing.value),
            toeslag_overig=None if bs.toeslag_overig is None else codes.ToeslagOverig(bs.toeslag_overig.value),
        ),
        verantwoord=from_janee(a.verantwoord),
    )


def _read_client(c: msg.Client) -> AW39Client:
    functies = [] if c.mutatie_functies is None else c.mutatie_functies.mutatie_functie
    zzps = [] if c.mutatie_zorgzwaartepakketten is None else c.mutatie_zorgzwaartepakketten.mutatie_zorgzwaartepakket
    return AW39Client(
        client=read_client(c),
        mutatie_zzps=tuple(
            MutatieZzp(
                besluitnummer=z.besluitnummer,
                zzp_code=z.zzp_code.value,
                toewijzing_ingangsdatum=from_date(z.toewijzing_ingangsdatum),
                instelling=z.instelling,
                mutatiecode=codes.MutatieCode(z.mutatiecode.value),
                mutatiedatum=from_date(z.mutatiedatum),
                leveringsstatus=codes.Leveringsstatus(z.leveringsstatus.value),
                leveringsvorm=codes.Leveringsvorm(z.leveringsvorm.value),
                begindatum=from_date_opt(z.begindatum),
                leveringsstatus_classificatie=code_value(z.leveringsstatus_classificatie),
                instelling_bestemming=z.instelling_bestemming,
                status_aanlevering=codes.StatusAanlevering(z.status_aanlevering.value),
            )
            for z in zzps
        ),
        mutatie_functies=tuple(
            MutatieFunctie(
                besluitnummer=f.besluitnummer,
                functiecode=codes.FunctieCode(f.functie_code.value),
                toewijzing_ingangsdatum=from_date(f.toewijzing_ingangsdatum),
                instelling=f.instelling,
                mutatiecode=codes.MutatieCode(f.mutatiecode.value),
                mutatiedatum=from_date(f.mutatiedatum),
                begindatum=from_date_opt(f.begindatum),
                instelling_bestemming=f.instelling_bestemming,
                status_aanlevering=codes.StatusAanlevering(f.status_aanlevering.value),
            )
            for f in functies
        ),
        aanvragen=() if c.aanvragen is None else tuple(_read_aanvraag(a) for a in c.aanvragen.aanvraag),
    )


def read_aw39(data: Source) -> AW39Bericht:
    """Import an AW39 after XSD validation and the BSN elfproef (BerichtOngeldig otherwise)."""
    b = parse(data, SOORT, msg.Bericht)
    return AW39Bericht(
        **read_header(b.header),
        clienten=tuple(_read_client(c) for c in b.clienten.client),
    )
