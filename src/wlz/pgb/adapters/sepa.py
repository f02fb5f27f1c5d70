"""The SEPA credit transfer file (ISO 20022 pain.001.001.03) of a payment run, built with ``sepaxml`` (the package
validates the result against its copy of the official XSD, ``sepaxml/schemas/pain.001.001.03.xsd``, before it
returns it)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from sepaxml import SepaTransfer

from wlz.pgb.domain.betaalbestand import Betaler, Overboeking

SCHEMA = "pain.001.001.03"


def xsd_pad() -> Path:
    return Path(str(resources.files("sepaxml").joinpath("schemas", f"{SCHEMA}.xsd")))


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
    data: bytes = sepa.export(validate=True)
    return data
