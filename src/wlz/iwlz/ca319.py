"""CA319 — wijzigingen zorglevering aan het CAK, zorgkantoor → CAK (berichtcode 410): builder and reader.

The CAK levies the eigen bijdrage from the start of care it learnt from a CA317. When the provider reports in
an AW39 that this care ended (``Mutatiecode`` 19 or 20), the zorgkantoor tells the CAK with a CA319, so the
CAK stops the eigen bijdrage on that date. ``MutatieZorgID`` names the delivery: it is the
``GeleverdeZorgID`` the zorgkantoor sent in the CA317 for it (:func:`ca319_from_aw39` takes those stored ids).
Like CA317 the header has only an ``Afzender`` (the zorgkantoor) and a client only its BSN.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from wlz.iwlz import codes
from wlz.iwlz._client import build_header, read_header
from wlz.iwlz.bindings import ca319 as msg
from wlz.iwlz.codec import Checks, Source, from_binding, parse, serialize, to_binding
from wlz.iwlz.model import AW39Bericht, CA319Bericht, CA319Client, MutatieZorg
from wlz.iwlz.schema import BERICHTSOORTEN

SOORT = BERICHTSOORTEN["CA319"]

#: (bsn, besluitnummer, zzp code, begindatum) — the delivery a CA317 reported, as :func:`ca317_from_aw35` keys it
ZorgSleutel = tuple[str, int, str, dt.date | None]


def build_ca319(bericht: CA319Bericht, *, check_rules: bool = True) -> bytes:
    """Serialise a CA319 as UTF-8 XML; raises :class:`~wlz.iwlz.schema.BerichtOngeldig` if it is not valid.

    ``check_rules=False``: XSD only, not the XSLT rules (to test a receiver with a message that breaks them).
    """
    checks = Checks(rules=check_rules)
    clienten = []
    for n, item in enumerate(bericht.clienten):
        pad = f"clienten[{n}]"
        bsn = checks.bsn(item.bsn, f"{pad}.bsn")
        if not item.mutaties:
            checks.problem(f"{pad}.mutaties", "minstens één mutatie is verplicht")
        mutaties = [to_binding(m, msg.MutatieZorg) for m in item.mutaties]
        clienten.append(msg.Client(bsn=bsn, mutaties_zorg=msg.MutatiesZorg(mutatie_zorg=mutaties)))
    header = build_header(msg, SOORT, bericht)
    return serialize(
        SOORT, msg.Bericht(header=header, clienten=msg.Clienten(client=clienten)), checks, check_rules=check_rules
    )


def read_ca319(data: Source) -> CA319Bericht:
    """Read a CA319 after XSD validation and the BSN elfproef (BerichtOngeldig otherwise)."""
    b = parse(data, SOORT, msg.Bericht)
    clienten = tuple(
        CA319Client(c.bsn, tuple(from_binding(m, MutatieZorg) for m in c.mutaties_zorg.mutatie_zorg))
        for c in b.clienten.client
    )
    return CA319Bericht(**read_header(b.header), clienten=clienten)


def ca319_from_aw39(
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
