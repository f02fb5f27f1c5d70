"""AW35 — melding aanvang zorglevering, zorgaanbieder → zorgkantoor (berichtcode 354): reader and builder.

The zorgkantoor imports AW35 (:func:`read_aw35`) to learn that assigned care has started; the start is
then reported to the CAK (see :func:`wlz.iwlz.ca317.ca317_from_aw35`). :func:`build_aw35` produces the
provider's message for tests and demo data.
"""

from __future__ import annotations

from wlz.iwlz import leveringsvorm
from wlz.iwlz._client import build_client_kort, build_header, read_client, read_header
from wlz.iwlz.bindings import aw35 as msg
from wlz.iwlz.codec import Checks, Source, from_binding, parse, serialize, to_binding
from wlz.iwlz.model import AW35Bericht, AW35Client, GeleverdeFunctie, GeleverdZzp
from wlz.iwlz.schema import BERICHTSOORTEN

SOORT = BERICHTSOORTEN["AW35"]


def build_aw35(bericht: AW35Bericht, *, check_rules: bool = True) -> bytes:
    """Serialise an AW35 as UTF-8 XML; raises :class:`~wlz.iwlz.schema.BerichtOngeldig` if it is not valid.

    ``check_rules=False``: XSD only, not the XSLT rules (to test a receiver with a message that breaks them).
    """
    checks = Checks(rules=check_rules)
    clienten = []
    for n, item in enumerate(bericht.clienten):
        functies = [to_binding(f, msg.GeleverdeFunctie) for f in item.geleverde_functies]
        for m, z in enumerate(item.geleverde_zzps):
            leveringsvorm.check("GeleverdZorgzwaartepakket", z, z.leveringsvorm, f"clienten[{n}].zzps[{m}]", checks)
        zzps = [to_binding(z, msg.GeleverdZorgzwaartepakket) for z in item.geleverde_zzps]
        clienten.append(
            build_client_kort(
                msg,
                item.client,
                f"clienten[{n}].client",
                checks,
                geleverde_functies=msg.GeleverdeFuncties(geleverde_functie=functies) if functies else None,
                geleverde_zorgzwaartepakketten=msg.GeleverdeZorgzwaartepakketten(geleverd_zorgzwaartepakket=zzps)
                if zzps
                else None,
            )
        )
    header = build_header(msg, SOORT, bericht)
    return serialize(
        SOORT, msg.Bericht(header=header, clienten=msg.Clienten(client=clienten)), checks, check_rules=check_rules
    )


def _read_client(c: msg.Client) -> AW35Client:
    functies = [] if c.geleverde_functies is None else c.geleverde_functies.geleverde_functie
    zzps = c.geleverde_zorgzwaartepakketten
    return AW35Client(
        client=read_client(c),
        geleverde_functies=tuple(from_binding(f, GeleverdeFunctie) for f in functies),
        geleverde_zzps=()
        if zzps is None
        else tuple(from_binding(z, GeleverdZzp) for z in zzps.geleverd_zorgzwaartepakket),
    )


def read_aw35(data: Source) -> AW35Bericht:
    """Import an AW35 after XSD validation and the BSN elfproef (BerichtOngeldig otherwise)."""
    b = parse(data, SOORT, msg.Bericht)
    return AW35Bericht(**read_header(b.header), clienten=tuple(_read_client(c) for c in b.clienten.client))
