"""Monitoring figures for the zorgkantoor.

- open work and overdue requests;
- share decided on time, against the 95% norm (seed 003: the CIZ's norm for decisions on time);
- clients per extra-care scheme as a share of clients at home, beside seed 002's figure: 6,336 clients used
  one of the schemes from January 2018 to February 2019, 'circa 8% van alle thuiswonende cliënten'.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..domain.aanvraag import NORM_OP_TIJD
from ..domain.codes import REGELINGEN, THUIS
from .actor import Actor
from .autorisatie import vereis

if TYPE_CHECKING:
    from ..storage.uow import UnitOfWork

SEED_002_AANDEEL_THUIS = 0.08
SEED_002_BRON = "Kamerstuk 34 104, nr. 251 (seed 002): circa 8% van alle thuiswonende cliënten met Wlz-zorg"
SEED_003_BRON = "Kamerstuk 34 104 (seed 003): norm van 95% op tijd afgehandelde besluiten"


@dataclass
class Cijfers:
    open_per_status: dict[str, int]
    te_laat: int
    besloten: int
    op_tijd: int
    aandeel_op_tijd: float | None
    norm_op_tijd: float
    clients_thuis: int
    clients_per_regeling: dict[str, int]
    aandeel_thuis_met_regeling: float | None
    norm_aandeel_regeling: float
    #: running grants whose amount was computed with a shipped example value (``voorbeeld``), shown on the page
    voorbeeld_toekenningen: int = 0


def cijfers(uow: UnitOfWork, actor: Actor, vandaag: dt.date | None = None) -> Cijfers:
    vereis(actor, "dashboard")
    vandaag = vandaag or dt.date.today()
    open_per_status: dict[str, int] = {"ingediend": 0, "in_behandeling": 0, "advies_gevraagd": 0}
    te_laat = besloten = op_tijd = 0
    for status, termijn, verlengd, besloten_op, _uitkomst, _cid in uow.aanvragen.alle_voor_dashboard():
        uiterst = verlengd or termijn
        if status == "besloten":
            besloten += 1
            op_tijd += besloten_op is not None and besloten_op.date() <= uiterst
        else:
            open_per_status[status] = open_per_status.get(status, 0) + 1
            te_laat += vandaag > uiterst
    thuis = uow.monitoring.clients_thuis(THUIS)
    per_regeling = {r: 0 for r in REGELINGEN} | uow.monitoring.clients_per_regeling(vandaag)
    met_regeling = uow.monitoring.clients_thuis_met_regeling(THUIS, vandaag)
    voorbeeld = sum(
        any(isinstance(v, dict) and v.get("voorbeeld") for v in (berekening or {}).values())
        for berekening in uow.monitoring.lopende_berekeningen(vandaag)
    )
    return Cijfers(
        voorbeeld_toekenningen=voorbeeld,
        open_per_status=open_per_status,
        te_laat=te_laat,
        besloten=besloten,
        op_tijd=op_tijd,
        aandeel_op_tijd=(op_tijd / besloten) if besloten else None,
        norm_op_tijd=NORM_OP_TIJD,
        clients_thuis=thuis,
        clients_per_regeling=per_regeling,
        aandeel_thuis_met_regeling=(met_regeling / thuis) if thuis else None,
        norm_aandeel_regeling=SEED_002_AANDEEL_THUIS,
    )
