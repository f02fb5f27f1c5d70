"""CA317 — melding aanvang zorglevering aan het CAK, zorgkantoor → CAK (berichtcode 406): builder and reader.

The CAK needs the start of Wlz care to levy the eigen bijdrage. The zorgkantoor makes the CA317 from the
provider's AW35 (:func:`ca317_from_aw35`) and serialises it with :func:`build_ca317`. The header has only an
``Afzender`` (the zorgkantoor); the CAK has no receiver code in this message.
"""

from __future__ import annotations

import datetime as dt
import uuid

from wlz.iwlz import codes, leveringsvorm
from wlz.iwlz._client import build_header, read_header
from wlz.iwlz.bindings import ca317 as msg
from wlz.iwlz.codec import Checks, Source, from_binding, parse, serialize, to_binding
from wlz.iwlz.model import AW35Bericht, CA317Bericht, CA317Client, GeleverdeZorg
from wlz.iwlz.schema import BERICHTSOORTEN

SOORT = BERICHTSOORTEN["CA317"]


def build_ca317(bericht: CA317Bericht, *, check_rules: bool = True) -> bytes:
    """Serialise a CA317 as UTF-8 XML; raises :class:`~wlz.iwlz.schema.BerichtOngeldig` if it is not valid.

    ``check_rules=False``: XSD only, not the XSLT rules (to test a receiver with a message that breaks them).
    """
    checks = Checks(rules=check_rules)
    clienten = []
    for n, item in enumerate(bericht.clienten):
        pad = f"clienten[{n}]"
        bsn = checks.bsn(item.bsn, f"{pad}.bsn")
        if not item.zorgleveringen:
            checks.problem(f"{pad}.zorgleveringen", "minstens één zorglevering is verplicht")
        for m, z in enumerate(item.zorgleveringen):
            leveringsvorm.check("GeleverdeZorg", z, z.leveringsvorm, f"{pad}.zorgleveringen[{m}]", checks)
        leveringen = [to_binding(z, msg.GeleverdeZorg) for z in item.zorgleveringen]
        clienten.append(msg.Client(bsn=bsn, zorg_leveringen=msg.ZorgLeveringen(geleverde_zorg=leveringen)))
    header = build_header(msg, SOORT, bericht)
    return serialize(
        SOORT, msg.Bericht(header=header, clienten=msg.Clienten(client=clienten)), checks, check_rules=check_rules
    )


def read_ca317(data: Source) -> CA317Bericht:
    """Read a CA317 after XSD validation and the BSN elfproef (BerichtOngeldig otherwise)."""
    b = parse(data, SOORT, msg.Bericht)
    clienten = tuple(
        CA317Client(c.bsn, tuple(from_binding(z, GeleverdeZorg) for z in c.zorg_leveringen.geleverde_zorg))
        for c in b.clienten.client
    )
    return CA317Bericht(**read_header(b.header), clienten=clienten)


def ca317_from_aw35(
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
                # instelling, etmalen and klasse only where the leveringsvorm has them (CD071, CD072, CD073)
                **leveringsvorm.fields(
                    "GeleverdeZorg",
                    z.leveringsvorm,
                    z.begindatum,
                    instelling=z.instelling,
                    etmalen=z.etmalen,
                    klasse=z.klasse,
                ),
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
