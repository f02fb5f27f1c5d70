"""OpenFisca entities of the Wlz rules: the client (a person) and the household.

The household exists because two schemes depend on a partner: the persoonlijk assistentiebudget has a
lower maximum for a client living with a spouse (Rlz art. 5.15a lid 3), and the eigen bijdrage is computed
from the income and assets of client and partner together (Blz art. 3.3.1.x).
"""

from __future__ import annotations

from openfisca_core.entities import build_entity

Persoon = build_entity(
    key="persoon",
    plural="personen",
    label="Persoon (de verzekerde/client, of diens partner)",
    doc="A person: the Wlz client, or the partner living with the client.",
    is_person=True,
)

Huishouden = build_entity(
    key="huishouden",
    plural="huishoudens",
    label="Huishouden",
    doc="The client and, where present, the partner (echtgenoot or geregistreerd partner).",
    roles=[
        {"key": "client", "plural": "clienten", "label": "Client", "max": 1},
        {"key": "partner", "plural": "partners", "label": "Partner", "max": 1},
    ],
)

entities = [Persoon, Huishouden]
