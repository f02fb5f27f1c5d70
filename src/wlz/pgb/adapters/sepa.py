"""The SEPA credit transfer file (ISO 20022 pain.001.001.03) of a payment run, built with ``sepaxml`` and validated
against that package's copy of the official XSD (``sepaxml/schemas/pain.001.001.03.xsd``) with lxml before it is
returned. (sepaxml's own check uses xmlschema, pure Python: 17 s for 12,000 payments where lxml takes 0.3 s,
benchmarks/pgb_betaalbestand_benchmark.py.)"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path

from lxml import etree
from sepaxml import SepaTransfer

from wlz.common.errors import InputError
from wlz.pgb.domain.betaalbestand import Betaler, Overboeking

SCHEMA = "pain.001.001.03"


def xsd_pad() -> Path:
    return Path(str(resources.files("sepaxml").joinpath("schemas", f"{SCHEMA}.xsd")))


@cache
def _schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(xsd_pad())))


def check(xml: bytes) -> None:
    """Refuse a file the XSD does not accept (naming the first error), before anything is recorded."""
    schema = _schema()
    if not schema.validate(etree.fromstring(xml)):
        fout = schema.error_log.last_error
        raise InputError(
            "betaalbestand", f"het betaalbestand voldoet niet aan {SCHEMA}: {fout.message if fout else ''}"
        )


def build(betaler: Betaler, overboekingen: Sequence[Overboeking], uitvoerdatum: dt.date) -> bytes:
    config: dict[str, object] = {"name": betaler.naam, "IBAN": betaler.iban, "batch": True, "currency": "EUR"}
    if betaler.bic:
        config["BIC"] = betaler.bic
    sepa = SepaTransfer(config, schema=SCHEMA, clean=True)
    for o in overboekingen:
        sepa.add_payment(
            {
                "name": o.naam,
                "IBAN": o.iban,
                "amount": o.bedrag_cent,
                "execution_date": uitvoerdatum,
                "description": o.omschrijving[:140],
                "endtoend_id": o.betaling_id[:35],
            }
        )
    data: bytes = sepa.export(validate=False)
    check(data)
    return data
