"""IO31 — indicatiebesluit, CIZ → zorgkantoor (berichtcode 388): builder and reader.

The zorgkantoor receives the CIZ decision as IO31 and imports it (:func:`read_io31`); :func:`build_io31`
exists so tests and demo data can produce the same files the CIZ would send.
"""

from __future__ import annotations

from wlz.iwlz._client import build_client, build_header, read_client, read_header
from wlz.iwlz._indicatie import build_indicatie, read_indicatie
from wlz.iwlz.bindings import io31 as msg
from wlz.iwlz.codec import Checks, Source, parse, serialize
from wlz.iwlz.model import IO31Bericht, IO31Client
from wlz.iwlz.schema import BERICHTSOORTEN

SOORT = BERICHTSOORTEN["IO31"]


def build_io31(bericht: IO31Bericht, *, check_rules: bool = True) -> bytes:
    """Serialise an IO31 as UTF-8 XML; raises :class:`~wlz.iwlz.schema.BerichtOngeldig` if it is not valid.

    ``check_rules=False``: XSD only, not the XSLT rules (to test a receiver with a message that breaks them).
    """
    checks = Checks(rules=check_rules)
    clienten = []
    for n, item in enumerate(bericht.clienten):
        pad = f"clienten[{n}]"
        indicatie = build_indicatie(msg, item.indicatie, f"{pad}.indicatie", checks)
        clienten.append(build_client(msg, item.client, f"{pad}.client", checks, indicatie))
    header = build_header(msg, SOORT, bericht)
    return serialize(
        SOORT, msg.Bericht(header=header, clienten=msg.Clienten(client=clienten)), checks, check_rules=check_rules
    )


def read_io31(data: Source) -> IO31Bericht:
    """Import an IO31 (bytes, XML text or a file path) after XSD validation and the BSN elfproef.

    Raises :class:`~wlz.iwlz.schema.BerichtOngeldig` with the schema's errors (no BSN in the text).
    """
    b = parse(data, SOORT, msg.Bericht)
    return IO31Bericht(
        **read_header(b.header),
        clienten=tuple(IO31Client(read_client(c), read_indicatie(c.indicatie)) for c in b.clienten.client),
    )
