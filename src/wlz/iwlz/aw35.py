"""AW35 — melding aanvang zorglevering, zorgaanbieder → zorgkantoor (berichtcode 354): reader and writer.

The zorgkantoor imports AW35 (:func:`read_aw35`) to learn that assigned care has started; the start is
then reported to the CAK (see :func:`wlz.iwlz.ca317.ca317_uit_aw35`). :func:`write_aw35` produces the
provider's message for tests and demo data.
"""

from __future__ import annotations

import os

from wlz.iwlz import codes
from wlz.iwlz._xml import Lezer, Schrijver, lees_bericht
from wlz.iwlz.model import AW35Bericht, AW35Client, GeleverdeFunctie, GeleverdZzp
from wlz.iwlz.schema import BERICHTSOORTEN

SOORT = BERICHTSOORTEN["AW35"]


def write_aw35(bericht: AW35Bericht) -> bytes:
    """Serialise an AW35 as UTF-8 XML; raises :class:`~wlz.iwlz.schema.BerichtOngeldig` if it is not valid."""
    w = Schrijver(SOORT)
    w.header(bericht.identificatie, bericht.dagtekening, afzender=bericht.afzender, ontvanger=bericht.ontvanger)
    clienten = w.groep(w.root, "Clienten")
    for n, item in enumerate(bericht.clienten):
        c = w.client_kort(clienten, item.client, f"clienten[{n}].client")
        if item.geleverde_functies:
            fs = w.groep(c, "GeleverdeFuncties")
            for f in item.geleverde_functies:
                e = w.groep(fs, "GeleverdeFunctie")
                w.veld(e, "Besluitnummer", f.besluitnummer)
                w.veld(e, "FunctieCode", f.functiecode)
                w.veld(e, "ToewijzingIngangsdatum", f.toewijzing_ingangsdatum)
                w.veld(e, "Begindatum", f.begindatum)
                w.veld(e, "Instelling", f.instelling)
                w.veld(e, "Klasse", f.klasse)
                w.veld(e, "Opslag", f.opslag)
                w.veld(e, "StatusAanlevering", f.status_aanlevering)
        if item.geleverde_zzps:
            zs = w.groep(c, "GeleverdeZorgzwaartepakketten")
            for z in item.geleverde_zzps:
                e = w.groep(zs, "GeleverdZorgzwaartepakket")
                w.veld(e, "Besluitnummer", z.besluitnummer)
                w.veld(e, "ZzpCode", z.zzp_code)
                w.veld(e, "ToewijzingIngangsdatum", z.toewijzing_ingangsdatum)
                w.veld(e, "Begindatum", z.begindatum)
                w.veld(e, "Sleuteldatum", z.sleuteldatum)
                w.veld(e, "Instelling", z.instelling)
                w.veld(e, "Etmalen", z.etmalen)
                w.veld(e, "Klasse", z.klasse)
                w.veld(e, "Leveringsstatus", z.leveringsstatus)
                w.veld(e, "Leveringsvorm", z.leveringsvorm)
                w.veld(e, "Behandeling", z.behandeling)
                w.veld(e, "StatusAanlevering", z.status_aanlevering)
    return w.bytes()


def _lees_client(r: Lezer, c) -> AW35Client:
    return AW35Client(
        client=r.client(c),
        geleverde_functies=tuple(
            GeleverdeFunctie(
                besluitnummer=int(r.tekst(f, "Besluitnummer")),
                functiecode=codes.FunctieCode(r.tekst(f, "FunctieCode")),
                toewijzing_ingangsdatum=r.datum(r.tekst(f, "ToewijzingIngangsdatum")),
                begindatum=r.datum(r.tekst(f, "Begindatum")),
                instelling=r.tekst(f, "Instelling"),
                klasse=r.tekst(f, "Klasse"),
                opslag=r.getal(r.tekst(f, "Opslag")),
                status_aanlevering=codes.StatusAanlevering(r.tekst(f, "StatusAanlevering")),
            )
            for f in r.kinderen(c, "GeleverdeFuncties", "GeleverdeFunctie")
        ),
        geleverde_zzps=tuple(
            GeleverdZzp(
                besluitnummer=int(r.tekst(z, "Besluitnummer")),
                zzp_code=r.tekst(z, "ZzpCode"),
                toewijzing_ingangsdatum=r.datum(r.tekst(z, "ToewijzingIngangsdatum")),
                begindatum=r.datum(r.tekst(z, "Begindatum")),
                instelling=r.tekst(z, "Instelling"),
                leveringsvorm=codes.Leveringsvorm(r.tekst(z, "Leveringsvorm")),
                leveringsstatus=codes.Leveringsstatus(r.tekst(z, "Leveringsstatus")),
                status_aanlevering=codes.StatusAanlevering(r.tekst(z, "StatusAanlevering")),
                sleuteldatum=r.datum(r.tekst(z, "Sleuteldatum")),
                etmalen=r.code(codes.Etmalen, r.tekst(z, "Etmalen")),
                klasse=r.tekst(z, "Klasse"),
                behandeling=r.janee(r.tekst(z, "Behandeling")),
            )
            for z in r.kinderen(c, "GeleverdeZorgzwaartepakketten", "GeleverdZorgzwaartepakket")
        ),
    )


def read_aw35(data: bytes | str | os.PathLike) -> AW35Bericht:
    """Import an AW35 after XSD validation and the BSN elfproef (BerichtOngeldig otherwise)."""
    r = lees_bericht(data, SOORT.naam)
    h = r.header()
    return AW35Bericht(
        afzender=h["afzender"],
        ontvanger=h["ontvanger"],
        identificatie=h["identificatie"],
        dagtekening=h["dagtekening"],
        clienten=tuple(_lees_client(r, c) for c in r.clienten()),
    )
