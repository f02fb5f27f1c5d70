"""CA317 — melding aanvang zorglevering aan het CAK, zorgkantoor → CAK (berichtcode 406): writer and reader.

The CAK needs the start of Wlz care to levy the eigen bijdrage. The zorgkantoor builds CA317 from the
provider's AW35 (:func:`ca317_uit_aw35`) and writes it with :func:`write_ca317`. The header has only an
``Afzender`` (the zorgkantoor); the CAK has no receiver code in this message.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid

from wlz.iwlz import codes
from wlz.iwlz._xml import Lezer, Schrijver, lees_bericht
from wlz.iwlz.model import AW35Bericht, CA317Bericht, CA317Client, GeleverdeZorg
from wlz.iwlz.schema import BERICHTSOORTEN

SOORT = BERICHTSOORTEN["CA317"]


def write_ca317(bericht: CA317Bericht) -> bytes:
    """Serialise a CA317 as UTF-8 XML; raises :class:`~wlz.iwlz.schema.BerichtOngeldig` if it is not valid."""
    w = Schrijver(SOORT)
    w.header(bericht.identificatie, bericht.dagtekening, afzender=bericht.afzender)
    clienten = w.groep(w.root, "Clienten")
    for n, item in enumerate(bericht.clienten):
        pad = f"clienten[{n}]"
        c = w.groep(clienten, "Client")
        w.bsn(c, item.bsn, f"{pad}.bsn")
        if not item.zorgleveringen:
            w.probleem(f"{pad}.zorgleveringen", "minstens één zorglevering is verplicht")
        zl = w.groep(c, "ZorgLeveringen")
        for z in item.zorgleveringen:
            e = w.groep(zl, "GeleverdeZorg")
            w.veld(e, "GeleverdeZorgID", z.geleverde_zorg_id)
            w.veld(e, "Startdatum", z.startdatum)
            w.veld(e, "ZzpCode", z.zzp_code)
            w.veld(e, "Instelling", z.instelling)
            w.veld(e, "Etmalen", z.etmalen)
            w.veld(e, "Klasse", z.klasse)
            w.veld(e, "Leveringsvorm", z.leveringsvorm)
            w.veld(e, "StatusAanlevering", z.status_aanlevering)
    return w.bytes()


def _lees_client(r: Lezer, c) -> CA317Client:
    return CA317Client(
        bsn=r.tekst(c, "Bsn"),
        zorgleveringen=tuple(
            GeleverdeZorg(
                geleverde_zorg_id=r.tekst(z, "GeleverdeZorgID"),
                startdatum=r.datum(r.tekst(z, "Startdatum")),
                zzp_code=r.tekst(z, "ZzpCode"),
                instelling=r.tekst(z, "Instelling"),
                etmalen=r.code(codes.Etmalen, r.tekst(z, "Etmalen")),
                klasse=r.tekst(z, "Klasse"),
                leveringsvorm=codes.Leveringsvorm(r.tekst(z, "Leveringsvorm")),
                status_aanlevering=codes.StatusAanlevering(r.tekst(z, "StatusAanlevering")),
            )
            for z in r.kinderen(c, "ZorgLeveringen", "GeleverdeZorg")
        ),
    )


def read_ca317(data: bytes | str | os.PathLike) -> CA317Bericht:
    """Read a CA317 after XSD validation and the BSN elfproef (BerichtOngeldig otherwise)."""
    r = lees_bericht(data, SOORT.naam)
    h = r.header()
    return CA317Bericht(
        afzender=h["afzender"],
        identificatie=h["identificatie"],
        dagtekening=h["dagtekening"],
        clienten=tuple(_lees_client(r, c) for c in r.clienten()),
    )


def ca317_uit_aw35(
    aw35: AW35Bericht,
    *,
    identificatie: str,
    dagtekening: dt.date,
    afzender: str | None = None,
    zorg_id: dict[tuple[str, int, str, dt.date], str] | None = None,
) -> CA317Bericht | None:
    """The CA317 that reports to the CAK the care an AW35 says has started (``Leveringsstatus`` in zorg).

    Only zzp deliveries with status "in zorg" and a first or changed delivery are reported; functions are
    not part of CA317. ``afzender`` defaults to the zorgkantoor the AW35 was sent to. ``zorg_id`` may map
    (bsn, besluitnummer, zzp code, begindatum) to an already stored ``GeleverdeZorgID``; otherwise a new
    UUID4 is made — store it, later CA319 changes refer to it. Returns ``None`` when nothing is to report.
    """
    zorg_id = zorg_id or {}
    clienten = []
    for item in aw35.clienten:
        leveringen = tuple(
            GeleverdeZorg(
                startdatum=z.begindatum,
                zzp_code=z.zzp_code,
                leveringsvorm=z.leveringsvorm,
                instelling=z.instelling,
                etmalen=z.etmalen,
                klasse=z.klasse,
                status_aanlevering=z.status_aanlevering,
                geleverde_zorg_id=zorg_id.get((item.client.bsn, z.besluitnummer, z.zzp_code, z.begindatum))
                or str(uuid.uuid4()),
            )
            for z in item.geleverde_zzps
            if z.leveringsstatus == codes.Leveringsstatus.IN_ZORG
            and z.status_aanlevering
            in (codes.StatusAanlevering.EERSTE_AANLEVERING, codes.StatusAanlevering.GEWIJZIGDE_AANLEVERING)
        )
        if leveringen:
            clienten.append(CA317Client(item.client.bsn, leveringen))
    if not clienten:
        return None
    return CA317Bericht(
        afzender=afzender or aw35.ontvanger,
        identificatie=identificatie,
        dagtekening=dagtekening,
        clienten=tuple(clienten),
    )
