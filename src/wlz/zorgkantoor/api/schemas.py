"""Response models of the API."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Uit(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class ClientUit(Uit):
    id: str
    bsn: str
    voornamen: str
    achternaam: str
    geboortedatum: dt.date
    straat: str
    huisnummer: str
    postcode: str
    woonplaats: str
    partner: bool


class ClientKort(Uit):
    id: str
    voornamen: str
    achternaam: str
    geboortedatum: dt.date


class IndicatieUit(Uit):
    id: str
    besluitnummer: str
    zorgprofiel: str
    cod163: str
    grondslagen: list[str]
    ingangsdatum: dt.date
    einddatum: dt.date | None
    bron: str
    ingetrokken_per: dt.date | None = Field(
        None, description="De dag waarop het CIZ het besluit introk (de einddatum is de dag ervoor)"
    )
    vervangen_door: str | None = Field(None, description="Besluitnummer van het besluit dat dit besluit verving")


class KeuzeUit(Uit):
    id: str
    leveringsvorm: str
    ingangsdatum: dt.date
    geaccepteerd: bool
    toets: dict[str, Any] | None


class ToewijzingUit(Uit):
    id: str
    client_id: str
    indicatie_id: str
    agb_code: str
    leveringsvorm: str
    zorgprofiel: str | None
    functie: str | None
    klasse: str | None
    van: dt.date
    tot: dt.date | None
    status: str
    aanvang_zorg: dt.date | None
    einde_zorg: dt.date | None
    einde_reden: str | None


class BesluitregelUit(Uit):
    regeling: str
    toegekend: bool
    van: dt.date | None
    tot: dt.date | None
    bedragen: dict[str, float | None]  # None: the rules know no amount for that year ("onbekend")
    toelichting: str


class AanvraagUit(Uit):
    id: str
    client_id: str
    vorige_id: str | None
    status: str
    intake: dict[str, Any]
    situatie: dict[str, Any]
    gewijzigde_velden: list[str]
    evaluatie: dict[str, Any] | None
    evaluatie_fout: str | None
    ingediend_op: dt.datetime
    termijn: dt.date
    verlengd_tot: dt.date | None
    verlenging_reden: str | None
    advies_aan: str | None
    advies_vraag: str | None
    advies_antwoord: str | None
    besloten_op: dt.datetime | None
    uitkomst: str | None
    motivatie: str | None
    besluitregels: list[BesluitregelUit]


class AanvraagKort(Uit):
    id: str
    client_id: str
    status: str
    ingediend_op: dt.datetime
    termijn: dt.date
    verlengd_tot: dt.date | None
    uitkomst: str | None


class DossierUit(BaseModel):
    client: ClientUit
    indicaties: list[IndicatieUit]
    leveringsvormen: list[KeuzeUit]
    toewijzingen: list[ToewijzingUit]
    aanvragen: list[AanvraagKort] | None


class ToegangsregelUit(Uit):
    id: int
    tijdstip: dt.datetime
    gebruikersnaam: str
    rol: str
    client_id: str | None
    actie: str
    onderwerp: str
    doel: str
    kanaal: str


class DashboardUit(BaseModel):
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


class FoutUit(BaseModel):
    """An error: a text, or (invalid input) a list naming each field (``loc``) with its message (``msg``)."""

    detail: str | list[dict[str, Any]]


#: The error answers every API route can give, documented in the OpenAPI so clients (and the fuzz test) know them.
FOUTEN: dict[int | str, dict[str, Any]] = {
    400: {"model": FoutUit, "description": "De body is geen geldige JSON"},
    401: {"model": FoutUit, "description": "Geen of een ongeldig API-token"},
    403: {"model": FoutUit, "description": "Uw rol mag deze functie niet gebruiken"},
    404: {"model": FoutUit, "description": "Niet gevonden (of buiten uw bereik)"},
    409: {"model": FoutUit, "description": "Botst met de status of met gegevens die al zijn vastgelegd"},
    422: {"model": FoutUit, "description": "Ongeldige invoer; het veld wordt genoemd"},
    503: {"model": FoutUit, "description": "De database of de rekenregels zijn even niet beschikbaar"},
}
