"""AW33 — zorgtoewijzing, zorgkantoor → zorgaanbieder (berichtcode 352): writer and reader.

The zorgkantoor writes AW33 (:func:`write_aw33`) when it assigns care to a provider; the message repeats
the client and the indication and adds ``ToegewezenFuncties``/``ToegewezenZorgzwaartepakketten``. The
reader exists for round-trip tests and for a provider-side view.
"""

from __future__ import annotations

import os

from wlz.iwlz import codes
from wlz.iwlz._xml import Lezer, Schrijver, lees_bericht
from wlz.iwlz.model import AW33Bericht, AW33Client, ToegewezenFunctie, ToegewezenZzp
from wlz.iwlz.schema import BERICHTSOORTEN

SOORT = BERICHTSOORTEN["AW33"]


def _toegewezen_functies(w: Schrijver, ind_el, item: AW33Client, pad: str) -> None:
    if not item.toegewezen_functies:
        return
    fs = w.groep(ind_el, "ToegewezenFuncties")
    for n, f in enumerate(item.toegewezen_functies):
        w.periode(f"{pad}.toegewezen_functies[{n}].einddatum", f.ingangsdatum, f.einddatum)
        e = w.groep(fs, "ToegewezenFunctie")
        w.veld(e, "FunctieCode", f.functiecode)
        w.veld(e, "Instelling", f.instelling)
        w.veld(e, "Zorgkantoor", f.zorgkantoor)
        w.veld(e, "Soort", f.soort)
        w.veld(e, "Toewijzingsdatum", f.toewijzingsdatum)
        w.veld(e, "Toewijzingstijd", f.toewijzingstijd)
        w.veld(e, "Ingangsdatum", f.ingangsdatum)
        w.veld(e, "Einddatum", f.einddatum)
        w.veld(e, "RedenIntrekking", f.reden_intrekking)
        w.veld(e, "Klasse", f.klasse)
        w.veld(e, "Opslag", f.opslag)
        w.veld(e, "Vervoer", f.vervoer)
        w.veld(e, "InstellingBestemming", f.instelling_bestemming)


def _toegewezen_zzps(w: Schrijver, ind_el, item: AW33Client, pad: str) -> None:
    if not item.toegewezen_zzps:
        return
    zs = w.groep(ind_el, "ToegewezenZorgzwaartepakketten")
    for n, z in enumerate(item.toegewezen_zzps):
        zpad = f"{pad}.toegewezen_zzps[{n}]"
        w.periode(f"{zpad}.einddatum", z.ingangsdatum, z.einddatum)
        if z.instelling is None and z.leveringsvorm != codes.Leveringsvorm.PGB:
            w.probleem(f"{zpad}.instelling", "instelling (AGB-code) is verplicht behalve bij pgb")
        e = w.groep(zs, "ToegewezenZorgzwaartepakket")
        w.veld(e, "ZzpCode", z.zzp_code)
        w.veld(e, "Instelling", z.instelling)
        w.veld(e, "Zorgkantoor", z.zorgkantoor)
        w.veld(e, "Soort", z.soort)
        w.veld(e, "Toewijzingsdatum", z.toewijzingsdatum)
        w.veld(e, "Toewijzingstijd", z.toewijzingstijd)
        w.percentage(e, "ToewijzingPercentage", z.percentage, f"{zpad}.percentage")
        w.veld(e, "Ingangsdatum", z.ingangsdatum)
        w.veld(e, "Einddatum", z.einddatum)
        w.veld(e, "RedenIntrekking", z.reden_intrekking)
        w.veld(e, "Etmalen", z.etmalen)
        w.veld(e, "Klasse", z.klasse)
        w.veld(e, "InstellingBestemming", z.instelling_bestemming)
        w.veld(e, "Leveringsvorm", z.leveringsvorm)
        w.veld(e, "Dossierhouder", z.dossierhouder)
        w.veld(e, "CoordinatorZorgThuis", z.coordinator_zorg_thuis)
        w.veld(e, "Opname", z.opname)


def write_aw33(bericht: AW33Bericht) -> bytes:
    """Serialise an AW33 as UTF-8 XML; raises :class:`~wlz.iwlz.schema.BerichtOngeldig` if it is not valid."""
    w = Schrijver(SOORT)
    w.header(bericht.identificatie, bericht.dagtekening, afzender=bericht.afzender, ontvanger=bericht.ontvanger)
    clienten = w.groep(w.root, "Clienten")
    for n, item in enumerate(bericht.clienten):
        pad = f"clienten[{n}]"

        def indicatie(client_el, item=item, pad=pad):
            ind = w.indicatie_begin(client_el, item.indicatie, f"{pad}.indicatie", met_meerzorg=False)
            _toegewezen_functies(w, ind, item, pad)
            w.geindiceerde_zzps(ind, item.indicatie, f"{pad}.indicatie", io31=False)
            _toegewezen_zzps(w, ind, item, pad)

        if not (item.toegewezen_zzps or item.toegewezen_functies):
            w.probleem(pad, "een zorgtoewijzing zonder toegewezen zzp of functie")
        w.client(clienten, item.client, f"{pad}.client", indicatie, partneropname=item.partneropname)
    return w.bytes()


def _lees_client(r: Lezer, c) -> AW33Client:
    i = r.kind(c, "Indicatie")
    functies = tuple(
        ToegewezenFunctie(
            functiecode=codes.FunctieCode(r.tekst(f, "FunctieCode")),
            instelling=r.tekst(f, "Instelling"),
            zorgkantoor=r.tekst(f, "Zorgkantoor"),
            ingangsdatum=r.datum(r.tekst(f, "Ingangsdatum")),
            toewijzingsdatum=r.datum(r.tekst(f, "Toewijzingsdatum")),
            toewijzingstijd=r.tijd(r.tekst(f, "Toewijzingstijd")),
            klasse=r.tekst(f, "Klasse"),
            soort=codes.SoortToewijzing(r.tekst(f, "Soort")),
            einddatum=r.datum(r.tekst(f, "Einddatum")),
            reden_intrekking=r.code(codes.RedenIntrekking, r.tekst(f, "RedenIntrekking")),
            opslag=r.getal(r.tekst(f, "Opslag")),
            vervoer=r.code(codes.Vervoer, r.tekst(f, "Vervoer")),
            instelling_bestemming=r.tekst(f, "InstellingBestemming"),
        )
        for f in r.kinderen(i, "ToegewezenFuncties", "ToegewezenFunctie")
    )
    zzps = tuple(
        ToegewezenZzp(
            zzp_code=r.tekst(z, "ZzpCode"),
            zorgkantoor=r.tekst(z, "Zorgkantoor"),
            leveringsvorm=codes.Leveringsvorm(r.tekst(z, "Leveringsvorm")),
            ingangsdatum=r.datum(r.tekst(z, "Ingangsdatum")),
            toewijzingsdatum=r.datum(r.tekst(z, "Toewijzingsdatum")),
            toewijzingstijd=r.tijd(r.tekst(z, "Toewijzingstijd")),
            instelling=r.tekst(z, "Instelling"),
            soort=codes.SoortToewijzing(r.tekst(z, "Soort")),
            einddatum=r.datum(r.tekst(z, "Einddatum")),
            percentage=r.procent(r.tekst(z, "ToewijzingPercentage")),
            reden_intrekking=r.code(codes.RedenIntrekking, r.tekst(z, "RedenIntrekking")),
            etmalen=r.code(codes.Etmalen, r.tekst(z, "Etmalen")),
            klasse=r.tekst(z, "Klasse"),
            instelling_bestemming=r.tekst(z, "InstellingBestemming"),
            dossierhouder=r.tekst(z, "Dossierhouder"),
            coordinator_zorg_thuis=r.tekst(z, "CoordinatorZorgThuis"),
            opname=r.janee(r.tekst(z, "Opname")),
        )
        for z in r.kinderen(i, "ToegewezenZorgzwaartepakketten", "ToegewezenZorgzwaartepakket")
    )
    return AW33Client(
        client=r.client(c),
        indicatie=r.indicatie(c),
        toegewezen_zzps=zzps,
        toegewezen_functies=functies,
        partneropname=bool(r.janee(r.tekst(c, "Partneropname"))),
    )


def read_aw33(data: bytes | str | os.PathLike) -> AW33Bericht:
    """Read an AW33 after XSD validation and the BSN elfproef (BerichtOngeldig otherwise)."""
    r = lees_bericht(data, SOORT.naam)
    h = r.header()
    return AW33Bericht(
        afzender=h["afzender"],
        ontvanger=h["ontvanger"],
        identificatie=h["identificatie"],
        dagtekening=h["dagtekening"],
        clienten=tuple(_lees_client(r, c) for c in r.clienten()),
    )
