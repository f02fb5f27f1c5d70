"""AW35 — melding aanvang zorglevering, zorgaanbieder → zorgkantoor (berichtcode 354): reader and builder.

The zorgkantoor imports AW35 (:func:`read_aw35`) to learn that assigned care has started; the start is
then reported to the CAK (see :func:`wlz.iwlz.ca317.ca317_from_aw35`). :func:`build_aw35` produces the
provider's message for tests and demo data.
"""

from __future__ import annotations

from wlz.iwlz import codes
from wlz.iwlz._client import build_client_kort, build_header, read_client, read_header
from wlz.iwlz.bindings import aw35 as msg
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
)
from wlz.iwlz.model import AW35Bericht, AW35Client, GeleverdeFunctie, GeleverdZzp
from wlz.iwlz.schema import BERICHTSOORTEN

SOORT = BERICHTSOORTEN["AW35"]


def _functie(f: GeleverdeFunctie) -> msg.GeleverdeFunctie:
    return msg.GeleverdeFunctie(
        besluitnummer=f.besluitnummer,
        functie_code=to_code(xsd.LdtFunctieCode, f.functiecode),
        toewijzing_ingangsdatum=to_date(f.toewijzing_ingangsdatum),
        begindatum=to_date(f.begindatum),
        instelling=f.instelling,
        klasse=to_code(xsd.LdtKlasse, f.klasse),
        opslag=f.opslag,
        status_aanlevering=to_code(xsd.LdtStatusAanlevering, f.status_aanlevering),
    )


def _zzp(z: GeleverdZzp) -> msg.GeleverdZorgzwaartepakket:
    return msg.GeleverdZorgzwaartepakket(
        besluitnummer=z.besluitnummer,
        zzp_code=to_code(xsd.LdtZzpCode, z.zzp_code),
        toewijzing_ingangsdatum=to_date(z.toewijzing_ingangsdatum),
        begindatum=to_date(z.begindatum),
        sleuteldatum=to_date_opt(z.sleuteldatum),
        instelling=z.instelling,
        etmalen=to_code_opt(xsd.LdtEtmalen, z.etmalen),
        klasse=to_code_opt(xsd.LdtKlasse, z.klasse),
        leveringsstatus=to_code(xsd.LdtLeveringsstatus, z.leveringsstatus),
        leveringsvorm=to_code(xsd.LdtLeveringsvorm, z.leveringsvorm),
        behandeling=to_janee_opt(z.behandeling),
        status_aanlevering=to_code(xsd.LdtStatusAanlevering, z.status_aanlevering),
    )


def build_aw35(bericht: AW35Bericht) -> bytes:
    """Serialise an AW35 as UTF-8 XML; raises :class:`~wlz.iwlz.schema.BerichtOngeldig` if it is not valid."""
    checks = Checks()
    clienten = [
        build_client_kort(
            msg,
            item.client,
            f"clienten[{n}].client",
            checks,
            geleverde_functies=msg.GeleverdeFuncties(geleverde_functie=[_functie(f) for f in item.geleverde_functies])
            if item.geleverde_functies
            else None,
            geleverde_zorgzwaartepakketten=msg.GeleverdeZorgzwaartepakketten(
                geleverd_zorgzwaartepakket=[_zzp(z) for z in item.geleverde_zzps]
            )
            if item.geleverde_zzps
            else None,
        )
        for n, item in enumerate(bericht.clienten)
    ]
    header = build_header(
        msg, SOORT, bericht.identificatie, bericht.dagtekening, afzender=bericht.afzender, ontvanger=bericht.ontvanger
    )
    return serialize(SOORT, msg.Bericht(header=header, clienten=msg.Clienten(client=clienten)), checks)


def _read_client(c: msg.Client) -> AW35Client:
    functies = [] if c.geleverde_functies is None else c.geleverde_functies.geleverde_functie
    zzps = (
        [] if c.geleverde_zorgzwaartepakketten is None else c.geleverde_zorgzwaartepakketten.geleverd_zorgzwaartepakket
    )
    return AW35Client(
        client=read_client(c),
        geleverde_functies=tuple(
            GeleverdeFunctie(
                besluitnummer=f.besluitnummer,
                functiecode=codes.FunctieCode(f.functie_code.value),
                toewijzing_ingangsdatum=from_date(f.toewijzing_ingangsdatum),
                begindatum=from_date(f.begindatum),
                instelling=f.instelling,
                klasse=f.klasse.value,
                opslag=f.opslag,
                status_aanlevering=codes.StatusAanlevering(f.status_aanlevering.value),
            )
            for f in functies
        ),
        geleverde_zzps=tuple(
            GeleverdZzp(
                besluitnummer=z.besluitnummer,
                zzp_code=z.zzp_code.value,
                toewijzing_ingangsdatum=from_date(z.toewijzing_ingangsdatum),
                begindatum=from_date(z.begindatum),
                instelling=z.instelling,
                leveringsvorm=codes.Leveringsvorm(z.leveringsvorm.value),
                leveringsstatus=codes.Leveringsstatus(z.leveringsstatus.value),
                status_aanlevering=codes.StatusAanlevering(z.status_aanlevering.value),
                sleuteldatum=from_date_opt(z.sleuteldatum),
                etmalen=None if z.etmalen is None else codes.Etmalen(z.etmalen.value),
                klasse=code_value(z.klasse),
                behandeling=from_janee(z.behandeling),
            )
            for z in zzps
        ),
    )


def read_aw35(data: Source) -> AW35Bericht:
    """Import an AW35 after XSD validation and the BSN elfproef (BerichtOngeldig otherwise)."""
    b = parse(data, SOORT, msg.Bericht)
    return AW35Bericht(
        **read_header(b.header),
        clienten=tuple(_read_client(c) for c in b.clienten.client),
    )
