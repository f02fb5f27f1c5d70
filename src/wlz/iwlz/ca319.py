"""CA319 — wijzigingen zorglevering aan het CAK, zorgkantoor → CAK (berichtcode 410): writer and reader.

The CAK levies the eigen bijdrage from the start of care it learnt from a CA317. When the provider reports in
an AW39 that this care ended (``Mutatiecode`` 19 or 20), the zorgkantoor tells the CAK with a CA319, so the
CAK stops the eigen bijdrage on that date. ``MutatieZorgID`` names the delivery: it is the
``GeleverdeZorgID`` the zorgkantoor sent in the CA317 for it (:func:`ca319_uit_aw39` takes those stored ids).
Like CA317 the header has only an ``Afzender`` (the zorgkantoor) and a client only its BSN.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping

from wlz.iwlz import codes
from wlz.iwlz._xml import Lezer, Schrijver, lees_bericht
from wlz.iwlz.model import AW39Bericht, CA319Bericht, CA319Client, MutatieZorg
from wlz.iwlz.schema import BERICHTSOORTEN

SOORT = BERICHTSOORTEN["CA319"]

#: (bsn, besluitnummer, zzp code, begindatum) — the delivery a CA317 reported, as :func:`ca317_uit_aw35` keys it
ZorgSleutel = tuple[str, int, str, dt.date | None]


def write_ca319(bericht: CA319Bericht) -> bytes:
    """Serialise a CA319 as UTF-8 XML; raises :class:`~wlz.iwlz.schema.BerichtOngeldig` if it is not valid."""
    w = Schrijver(SOORT)
    w.header(bericht.identificatie, bericht.dagtekening, afzender=bericht.afzender)
    clienten = w.groep(w.root, "Clienten")
    for n, item in enumerate(bericht.clienten):
        pad = f"clienten[{n}]"
        c = w.groep(clienten, "Client")
        w.bsn(c, item.bsn, f"{pad}.bsn")
        if not item.mutaties:
            w.probleem(f"{pad}.mutaties", "minstens één mutatie is verplicht")
        ms = w.groep(c, "MutatiesZorg")
        for m in item.mutaties:
            e = w.groep(ms, "MutatieZorg")
            w.veld(e, "MutatieZorgID", m.mutatie_zorg_id)
            w.veld(e, "Mutatiecode", m.mutatiecode)
            w.veld(e, "Mutatiedatum", m.mutatiedatum)
            w.veld(e, "StatusAanlevering", m.status_aanlevering)
    return w.bytes()


def _lees_client(r: Lezer, c) -> CA319Client:
    return CA319Client(
        bsn=r.tekst(c, "Bsn"),
        mutaties=tuple(
            MutatieZorg(
                mutatie_zorg_id=r.tekst(m, "MutatieZorgID"),
                mutatiecode=codes.MutatieCode(r.tekst(m, "Mutatiecode")),
                mutatiedatum=r.datum(r.tekst(m, "Mutatiedatum")),
                status_aanlevering=codes.StatusAanlevering(r.tekst(m, "StatusAanlevering")),
            )
            for m in r.kinderen(c, "MutatiesZorg", "MutatieZorg")
        ),
    )


def read_ca319(data: bytes | str | os.PathLike) -> CA319Bericht:
    """Read a CA319 after XSD validation and the BSN elfproef (BerichtOngeldig otherwise)."""
    r = lees_bericht(data, SOORT.naam)
    h = r.header()
    return CA319Bericht(
        afzender=h["afzender"],
        identificatie=h["identificatie"],
        dagtekening=h["dagtekening"],
        clienten=tuple(_lees_client(r, c) for c in r.clienten()),
    )


def ca319_uit_aw39(
    aw39: AW39Bericht,
    *,
    identificatie: str,
    dagtekening: dt.date,
    zorg_id: Mapping[ZorgSleutel, str],
    afzender: str | None = None,
) -> CA319Bericht | None:
    """The CA319 that reports to the CAK the end of care an AW39 brings (mutation codes 19 and 20).

    Only zzp deliveries the CAK heard of are reported: ``zorg_id`` maps (bsn, besluitnummer, zzp code,
    begindatum) to the ``GeleverdeZorgID`` of the CA317 that reported its start; a delivery without one was
    never reported to the CAK, so there is nothing to stop. Functions are not part of CA317/CA319. Other
    mutation codes (waiting, transfer) do not end the eigen bijdrage and are not reported. ``afzender``
    defaults to the zorgkantoor the AW39 was sent to. Returns ``None`` when nothing is to report.
    """
    clienten = []
    for item in aw39.clienten:
        mutaties = []
        for z in item.mutatie_zzps:
            if not z.einde_zorg:
                continue
            gid = zorg_id.get((item.client.bsn, z.besluitnummer, z.zzp_code, z.begindatum))
            if gid is None:
                continue
            mutaties.append(
                MutatieZorg(
                    mutatie_zorg_id=gid,
                    mutatiecode=z.mutatiecode,
                    mutatiedatum=z.mutatiedatum,
                    status_aanlevering=codes.StatusAanlevering.EERSTE_AANLEVERING,
                )
            )
        if mutaties:
            clienten.append(CA319Client(item.client.bsn, tuple(mutaties)))
    if not clienten:
        return None
    return CA319Bericht(
        afzender=afzender or aw39.ontvanger,
        identificatie=identificatie,
        dagtekening=dagtekening,
        clienten=tuple(clienten),
    )
