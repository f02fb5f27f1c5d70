"""AW39 — melding mutaties zorglevering, zorgaanbieder → zorgkantoor (berichtcode 358): reader and writer.

A provider reports changes in care delivery: the end of care (``MutatieCode`` 19/20, see
``MutatieZzp.einde_zorg``), a transfer, a client who does not want the care yet, ... and may request a
(changed) toewijzing (``Aanvraag``). The zorgkantoor imports it with :func:`read_aw39`.
"""

from __future__ import annotations

import os

from wlz.iwlz import codes
from wlz.iwlz._xml import Lezer, Schrijver, lees_bericht
from wlz.iwlz.model import (
    Aanvraag,
    AanvraagInstelling,
    AW39Bericht,
    AW39Client,
    MutatieFunctie,
    MutatieZzp,
)
from wlz.iwlz.schema import BERICHTSOORTEN

SOORT = BERICHTSOORTEN["AW39"]


def _schrijf_aanvragen(w: Schrijver, c, item: AW39Client, pad: str) -> None:
    if not item.aanvragen:
        return
    avs = w.groep(c, "Aanvragen")
    for n, a in enumerate(item.aanvragen):
        apad = f"{pad}.aanvragen[{n}]"
        e = w.groep(avs, "Aanvraag")
        w.veld(e, "Besluitnummer", a.besluitnummer)
        w.veld(e, "Afgiftedatum", a.afgiftedatum)
        w.veld(e, "Instelling", a.instelling)
        w.veld(e, "ZzpCode", a.zzp_code)
        w.veld(e, "Etmalen", a.etmalen)
        w.veld(e, "Klasse", a.klasse)
        w.veld(e, "Leveringsvorm", a.leveringsvorm)
        w.veld(e, "Dossierhouder", a.dossierhouder)
        w.veld(e, "CoordinatorZorgThuis", a.coordinator_zorg_thuis)
        w.veld(e, "Doelmatig", a.doelmatig)
        w.bijzondere_situatie(e, a.bijzondere_situatie)
        w.veld(e, "Verantwoord", a.verantwoord)
        if not a.instellingen:
            w.probleem(f"{apad}.instellingen", "minstens één aanvraaginstelling is verplicht")
        ais = w.groep(e, "AanvraagInstellingen")
        for m, ai in enumerate(a.instellingen):
            w.periode(
                f"{apad}.instellingen[{m}].toewijzing_einddatum", ai.toewijzing_ingangsdatum, ai.toewijzing_einddatum
            )
            x = w.groep(ais, "AanvraagInstelling")
            w.veld(x, "Instelling", ai.instelling)
            w.veld(x, "Soort", ai.soort)
            w.veld(x, "ToewijzingIngangsdatum", ai.toewijzing_ingangsdatum)
            w.veld(x, "ToewijzingEinddatum", ai.toewijzing_einddatum)
            w.percentage(x, "ToewijzingPercentage", ai.percentage, f"{apad}.instellingen[{m}].percentage")
            w.veld(x, "Opname", ai.opname)


def write_aw39(bericht: AW39Bericht) -> bytes:
    """Serialise an AW39 as UTF-8 XML; raises :class:`~wlz.iwlz.schema.BerichtOngeldig` if it is not valid."""
    w = Schrijver(SOORT)
    w.header(bericht.identificatie, bericht.dagtekening, afzender=bericht.afzender, ontvanger=bericht.ontvanger)
    clienten = w.groep(w.root, "Clienten")
    for n, item in enumerate(bericht.clienten):
        pad = f"clienten[{n}]"
        c = w.client_kort(clienten, item.client, f"{pad}.client")
        if item.mutatie_functies:
            fs = w.groep(c, "MutatieFuncties")
            for f in item.mutatie_functies:
                e = w.groep(fs, "MutatieFunctie")
                w.veld(e, "Besluitnummer", f.besluitnummer)
                w.veld(e, "FunctieCode", f.functiecode)
                w.veld(e, "ToewijzingIngangsdatum", f.toewijzing_ingangsdatum)
                w.veld(e, "Begindatum", f.begindatum)
                w.veld(e, "Instelling", f.instelling)
                w.veld(e, "Mutatiecode", f.mutatiecode)
                w.veld(e, "Mutatiedatum", f.mutatiedatum)
                w.veld(e, "InstellingBestemming", f.instelling_bestemming)
                w.veld(e, "StatusAanlevering", f.status_aanlevering)
        if item.mutatie_zzps:
            zs = w.groep(c, "MutatieZorgzwaartepakketten")
            for z in item.mutatie_zzps:
                e = w.groep(zs, "MutatieZorgzwaartepakket")
                w.veld(e, "Besluitnummer", z.besluitnummer)
                w.veld(e, "ZzpCode", z.zzp_code)
                w.veld(e, "ToewijzingIngangsdatum", z.toewijzing_ingangsdatum)
                w.veld(e, "Begindatum", z.begindatum)
                w.veld(e, "Instelling", z.instelling)
                w.veld(e, "Mutatiecode", z.mutatiecode)
                w.veld(e, "Mutatiedatum", z.mutatiedatum)
                w.veld(e, "Leveringsstatus", z.leveringsstatus)
                w.veld(e, "LeveringsstatusClassificatie", z.leveringsstatus_classificatie)
                w.veld(e, "Leveringsvorm", z.leveringsvorm)
                w.veld(e, "InstellingBestemming", z.instelling_bestemming)
                w.veld(e, "StatusAanlevering", z.status_aanlevering)
        _schrijf_aanvragen(w, c, item, pad)
    return w.bytes()


def _lees_client(r: Lezer, c) -> AW39Client:
    functies = tuple(
        MutatieFunctie(
            besluitnummer=int(r.tekst(f, "Besluitnummer")),
            functiecode=codes.FunctieCode(r.tekst(f, "FunctieCode")),
            toewijzing_ingangsdatum=r.datum(r.tekst(f, "ToewijzingIngangsdatum")),
            instelling=r.tekst(f, "Instelling"),
            mutatiecode=codes.MutatieCode(r.tekst(f, "Mutatiecode")),
            mutatiedatum=r.datum(r.tekst(f, "Mutatiedatum")),
            begindatum=r.datum(r.tekst(f, "Begindatum")),
            instelling_bestemming=r.tekst(f, "InstellingBestemming"),
            status_aanlevering=codes.StatusAanlevering(r.tekst(f, "StatusAanlevering")),
        )
        for f in r.kinderen(c, "MutatieFuncties", "MutatieFunctie")
    )
    zzps = tuple(
        MutatieZzp(
            besluitnummer=int(r.tekst(z, "Besluitnummer")),
            zzp_code=r.tekst(z, "ZzpCode"),
            toewijzing_ingangsdatum=r.datum(r.tekst(z, "ToewijzingIngangsdatum")),
            instelling=r.tekst(z, "Instelling"),
            mutatiecode=codes.MutatieCode(r.tekst(z, "Mutatiecode")),
            mutatiedatum=r.datum(r.tekst(z, "Mutatiedatum")),
            leveringsstatus=codes.Leveringsstatus(r.tekst(z, "Leveringsstatus")),
            leveringsvorm=codes.Leveringsvorm(r.tekst(z, "Leveringsvorm")),
            begindatum=r.datum(r.tekst(z, "Begindatum")),
            leveringsstatus_classificatie=r.tekst(z, "LeveringsstatusClassificatie"),
            instelling_bestemming=r.tekst(z, "InstellingBestemming"),
            status_aanlevering=codes.StatusAanlevering(r.tekst(z, "StatusAanlevering")),
        )
        for z in r.kinderen(c, "MutatieZorgzwaartepakketten", "MutatieZorgzwaartepakket")
    )
    aanvragen = tuple(
        Aanvraag(
            besluitnummer=int(r.tekst(a, "Besluitnummer")),
            afgiftedatum=r.datum(r.tekst(a, "Afgiftedatum")),
            instelling=r.tekst(a, "Instelling"),
            zzp_code=r.tekst(a, "ZzpCode"),
            leveringsvorm=codes.Leveringsvorm(r.tekst(a, "Leveringsvorm")),
            instellingen=tuple(
                AanvraagInstelling(
                    instelling=r.tekst(x, "Instelling"),
                    toewijzing_ingangsdatum=r.datum(r.tekst(x, "ToewijzingIngangsdatum")),
                    soort=codes.SoortToewijzing(r.tekst(x, "Soort")),
                    toewijzing_einddatum=r.datum(r.tekst(x, "ToewijzingEinddatum")),
                    percentage=r.procent(r.tekst(x, "ToewijzingPercentage")),
                    opname=r.janee(r.tekst(x, "Opname")),
                )
                for x in r.kinderen(a, "AanvraagInstellingen", "AanvraagInstelling")
            ),
            etmalen=r.code(codes.Etmalen, r.tekst(a, "Etmalen")),
            klasse=r.tekst(a, "Klasse"),
            dossierhouder=r.tekst(a, "Dossierhouder"),
            coordinator_zorg_thuis=r.tekst(a, "CoordinatorZorgThuis"),
            doelmatig=r.janee(r.tekst(a, "Doelmatig")),
            bijzondere_situatie=r.bijzondere_situatie(a),
            verantwoord=r.janee(r.tekst(a, "Verantwoord")),
        )
        for a in r.kinderen(c, "Aanvragen", "Aanvraag")
    )
    return AW39Client(client=r.client(c), mutatie_zzps=zzps, mutatie_functies=functies, aanvragen=aanvragen)


def read_aw39(data: bytes | str | os.PathLike) -> AW39Bericht:
    """Import an AW39 after XSD validation and the BSN elfproef (BerichtOngeldig otherwise)."""
    r = lees_bericht(data, SOORT.naam)
    h = r.header()
    return AW39Bericht(
        afzender=h["afzender"],
        ontvanger=h["ontvanger"],
        identificatie=h["identificatie"],
        dagtekening=h["dagtekening"],
        clienten=tuple(_lees_client(r, c) for c in r.clienten()),
    )
