"""IO31 — indicatiebesluit, CIZ → zorgkantoor (berichtcode 388): writer and reader.

The zorgkantoor receives the CIZ decision as IO31 and imports it (:func:`read_io31`); :func:`write_io31`
exists so tests and demo data can produce the same files the CIZ would send.
"""

from __future__ import annotations

import os

from wlz.iwlz._xml import Lezer, Schrijver, lees_bericht
from wlz.iwlz.model import IO31Bericht, IO31Client
from wlz.iwlz.schema import BERICHTSOORTEN

SOORT = BERICHTSOORTEN["IO31"]


def write_io31(bericht: IO31Bericht) -> bytes:
    """Serialise an IO31 as UTF-8 XML; raises :class:`~wlz.iwlz.schema.BerichtOngeldig` if it is not valid."""
    w = Schrijver(SOORT)
    w.header(bericht.identificatie, bericht.dagtekening, ontvanger=bericht.ontvanger)
    clienten = w.groep(w.root, "Clienten")
    for n, item in enumerate(bericht.clienten):
        pad = f"clienten[{n}]"

        def indicatie(client_el, item=item, pad=pad):
            ind = w.indicatie_begin(client_el, item.indicatie, f"{pad}.indicatie", met_meerzorg=True)
            w.geindiceerde_zzps(ind, item.indicatie, f"{pad}.indicatie", io31=True)

        w.client(clienten, item.client, f"{pad}.client", indicatie)
    return w.bytes()


def read_io31(data: bytes | str | os.PathLike) -> IO31Bericht:
    """Import an IO31 (bytes, XML text or a file path) after XSD validation and the BSN elfproef.

    Raises :class:`~wlz.iwlz.schema.BerichtOngeldig` with the schema's errors (no BSN in the text).
    """
    r: Lezer = lees_bericht(data, SOORT.naam)
    h = r.header()
    return IO31Bericht(
        ontvanger=h["ontvanger"],
        identificatie=h["identificatie"],
        dagtekening=h["dagtekening"],
        clienten=tuple(IO31Client(r.client(c), r.indicatie(c)) for c in r.clienten()),
    )
