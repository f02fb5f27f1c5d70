"""AW33 — zorgtoewijzing, zorgkantoor → zorgaanbieder (berichtcode 352): builder and reader.

The zorgkantoor builds AW33 (:func:`build_aw33`) when it assigns care to a provider; the message repeats
the client and the indication and adds ``ToegewezenFuncties``/``ToegewezenZorgzwaartepakketten``. The
reader exists for round-trip tests and for a provider-side view.
"""

from __future__ import annotations

import datetime as dt

from wlz.iwlz import codes
from wlz.iwlz._client import build_client, build_header, read_client, read_header
from wlz.iwlz._indicatie import build_indicatie, read_indicatie
from wlz.iwlz.bindings import aw33 as msg
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
    to_time,
    whole_percent,
)
from wlz.iwlz.model import AW33Bericht, AW33Client, ToegewezenFunctie, ToegewezenZzp
from wlz.iwlz.schema import BERICHTSOORTEN

SOORT = BERICHTSOORTEN["AW33"]


def _toegewezen_functies(item: AW33Client, pad: str, checks: Checks) -> msg.ToegewezenFuncties | None:
    if not item.toegewezen_functies:
        return None
    uit = []
    for n, f in enumerate(item.toegewezen_functies):
        checks.period(f"{pad}.toegewezen_functies[{n}].einddatum", f.ingangsdatum, f.einddatum)
        uit.append(
            msg.ToegewezenFunctie(
                functie_code=to_code(xsd.LdtFunctieCode, f.functiecode),
                instelling=f.instelling,
                zorgkantoor=to_code(xsd.LdtZorgkantoorCode, f.zorgkantoor),
                soort=to_code(xsd.LdtSoortToewijzing, f.soort),
                toewijzingsdatum=to_date(f.toewijzingsdatum),
                toewijzingstijd=to_time(f.toewijzingstijd),
                ingangsdatum=to_date(f.ingangsdatum),
                einddatum=to_date_opt(f.einddatum),
                reden_intrekking=to_code_opt(xsd.LdtRedenIntrekking, f.reden_intrekking),
                klasse=to_code(xsd.LdtKlasse, f.klasse),
                opslag=f.opslag,
                vervoer=to_code_opt(xsd.LdtVervoer, f.vervoer),
                instelling_bestemming=f.instelling_bestemming,
            )
        )
    return msg.ToegewezenFuncties(toegewezen_functie=uit)


def _toegewezen_zzps(item: AW33Client, pad: str, checks: Checks) -> msg.ToegewezenZorgzwaartepakketten | None:
    if not item.toegewezen_zzps:
        return None
    uit = []
    for n, z in enumerate(item.toegewezen_zzps):
        zpad = f"{pad}.toegewezen_zzps[{n}]"
        checks.period(f"{zpad}.einddatum", z.ingangsdatum, z.einddatum)
        if z.instelling is None and z.leveringsvorm != codes.Leveringsvorm.PGB:
            checks.problem(f"{zpad}.instelling", "instelling (AGB-code) is verplicht behalve bij pgb")
        uit.append(
            msg.ToegewezenZorgzwaartepakket(
                zzp_code=to_code(xsd.LdtZzpCode, z.zzp_code),
                instelling=z.instelling,
                zorgkantoor=to_code(xsd.LdtZorgkantoorCode, z.zorgkantoor),
                soort=to_code(xsd.LdtSoortToewijzing, z.soort),
                toewijzingsdatum=to_date(z.toewijzingsdatum),
                toewijzingstijd=to_time(z.toewijzingstijd),
                toewijzing_percentage=checks.percentage(z.percentage, f"{zpad}.percentage"),
                ingangsdatum=to_date(z.ingangsdatum),
                einddatum=to_date_opt(z.einddatum),
                reden_intrekking=to_code_opt(xsd.LdtRedenIntrekking, z.reden_intrekking),
                etmalen=to_code_opt(xsd.LdtEtmalen, z.etmalen),
                klasse=to_code_opt(xsd.LdtKlasse, z.klasse),
                instelling_bestemming=z.instelling_bestemming,
                leveringsvorm=to_code(xsd.LdtLeveringsvorm, z.leveringsvorm),
                dossierhouder=z.dossierhouder,
                coordinator_zorg_thuis=z.coordinator_zorg_thuis,
                opname=to_janee_opt(z.opname),
            )
        )
    return msg.ToegewezenZorgzwaartepakketten(toegewezen_zorgzwaartepakket=uit)


def build_aw33(bericht: AW33Bericht) -> bytes:
    """Serialise an AW33 as UTF-8 XML; raises :class:`~wlz.iwlz.schema.BerichtOngeldig` if it is not valid."""
    checks = Checks()
    clienten = []
    for n, item in enumerate(bericht.clienten):
        pad = f"clienten[{n}]"

        def indicatie(item: AW33Client = item, pad: str = pad) -> msg.Indicatie:
            ind: msg.Indicatie = build_indicatie(msg, item.indicatie, f"{pad}.indicatie", checks, io31=False)
            ind.toegewezen_functies = _toegewezen_functies(item, pad, checks)
            ind.toegewezen_zorgzwaartepakketten = _toegewezen_zzps(item, pad, checks)
            return ind

        if not (item.toegewezen_zzps or item.toegewezen_functies):
            checks.problem(pad, "een zorgtoewijzing zonder toegewezen zzp of functie")
        clienten.append(
            build_client(msg, item.client, f"{pad}.client", checks, indicatie, partneropname=item.partneropname)
        )
    header = build_header(
        msg, SOORT, bericht.identificatie, bericht.dagtekening, afzender=bericht.afzender, ontvanger=bericht.ontvanger
    )
    return serialize(SOORT, msg.Bericht(header=header, clienten=msg.Clienten(client=clienten)), checks)


def _read_client(c: msg.Client) -> AW33Client:
    i = c.indicatie
    functies = [] if i.toegewezen_functies is None else i.toegewezen_functies.toegewezen_functie
    zzps = (
        []
        if i.toegewezen_zorgzwaartepakketten is None
        else i.toegewezen_zorgzwaartepakketten.toegewezen_zorgzwaartepakket
    )
    return AW33Client(
        client=read_client(c),
        indicatie=read_indicatie(i),
        toegewezen_zzps=tuple(
            ToegewezenZzp(
                zzp_code=z.zzp_code.value,
                zorgkantoor=z.zorgkantoor.value,
                leveringsvorm=codes.Leveringsvorm(z.leveringsvorm.value),
                ingangsdatum=from_date(z.ingangsdatum),
                toewijzingsdatum=from_date(z.toewijzingsdatum),
                toewijzingstijd=_tijd(z.toewijzingstijd),
                instelling=z.instelling,
                soort=codes.SoortToewijzing(z.soort.value),
                einddatum=from_date_opt(z.einddatum),
                percentage=whole_percent(z.toewijzing_percentage),
                reden_intrekking=None
                if z.reden_intrekking is None
                else codes.RedenIntrekking(z.reden_intrekking.value),
                etmalen=None if z.etmalen is None else codes.Etmalen(z.etmalen.value),
                klasse=code_value(z.klasse),
                instelling_bestemming=z.instelling_bestemming,
                dossierhouder=z.dossierhouder,
                coordinator_zorg_thuis=z.coordinator_zorg_thuis,
                opname=from_janee(z.opname),
            )
            for z in zzps
        ),
        toegewezen_functies=tuple(
            ToegewezenFunctie(
                functiecode=codes.FunctieCode(f.functie_code.value),
                instelling=f.instelling,
                zorgkantoor=f.zorgkantoor.value,
                ingangsdatum=from_date(f.ingangsdatum),
                toewijzingsdatum=from_date(f.toewijzingsdatum),
                toewijzingstijd=_tijd(f.toewijzingstijd),
                klasse=f.klasse.value,
                soort=codes.SoortToewijzing(f.soort.value),
                einddatum=from_date_opt(f.einddatum),
                reden_intrekking=None
                if f.reden_intrekking is None
                else codes.RedenIntrekking(f.reden_intrekking.value),
                opslag=f.opslag,
                vervoer=None if f.vervoer is None else codes.Vervoer(f.vervoer.value),
                instelling_bestemming=f.instelling_bestemming,
            )
            for f in functies
        ),
        partneropname=bool(from_janee(c.partneropname)),
    )


def _tijd(waarde: str) -> dt.time:
    return dt.time.fromisoformat(waarde)


def read_aw33(data: Source) -> AW33Bericht:
    """Read an AW33 after XSD validation and the BSN elfproef (BerichtOngeldig otherwise)."""
    b = parse(data, SOORT, msg.Bericht)
    return AW33Bericht(
        **read_header(b.header),
        clienten=tuple(_read_client(c) for c in b.clienten.client),
    )
