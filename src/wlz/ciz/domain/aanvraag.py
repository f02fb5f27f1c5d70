"""A request for an indicatiebesluit (Wlz art. 3.2.3 lid 1) from receipt to decision.

A plain class (mapped imperatively by ``wlz.ciz.storage.orm``): the receipt number the aanvrager gets, the
term (kept when the request is received, :mod:`.termijn`), the recorded assessment and the decision. The BSN
is part of the request (Wlz art. 3.2.3 lid 2) but never of a URL, a log line or an error message: pages and
URLs use the opaque ``id`` and the receipt number.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
from enum import StrEnum
from typing import Any

from wlz.bsn import elfproef
from wlz.common.errors import InputError

from .beoordeling import Beoordeling
from .beslisondersteuning import indiceerbaar
from .besluit import Afwijzingsgrond, Besluit, Uitkomst
from .intrekking import controleer_intrekking
from .termijn import Opschorting, beslistermijn, vroegste_ingangsdatum

#: iWlz COD-geslacht: 0 onbekend, 1 man, 2 vrouw
GESLACHTEN = {"0": "onbekend", "1": "man", "2": "vrouw"}


class Status(StrEnum):
    ONTVANGEN = "ontvangen"
    BEOORDEELD = "beoordeeld"
    BESLOTEN = "besloten"


class Soort(StrEnum):
    """A first request, a herindicatie on a changed need (the aanvrager asks again), or an ambtshalve herziening
    the CIZ starts itself (Wlz art. 3.2.4; e.g. a decision found wrong in the quality sample, seed 003 p2
    r.56-66)."""

    EERSTE = "eerste"
    HERINDICATIE = "herindicatie"
    AMBTSHALVE_HERZIENING = "ambtshalve_herziening"


#: an ambtshalve herziening answers no request, so Blz art. 3.2.4 sets no term; the work list still orders it by
#: a target of six weeks (voorbeeld) and the on-time figure leaves it out
STREEFTERMIJN_HERZIENING = "geen wettelijke termijn (ambtshalve); streeftermijn zes weken (voorbeeld)"


class Aanvrager(StrEnum):
    """Who submits: the client, a representative, or a provider on the client's behalf."""

    CLIENT = "client"
    VERTEGENWOORDIGER = "vertegenwoordiger"
    ZORGAANBIEDER = "zorgaanbieder"


def nieuw_ontvangstnummer(ontvangen: dt.date) -> str:
    """``CIZ-2018-7K3F9Q2M``: the year and eight random characters (nothing about the person)."""
    alfabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return f"CIZ-{ontvangen.year}-" + "".join(secrets.choice(alfabet) for _ in range(8))


class Aanvraag:
    """One request. ``id`` appears in URLs; ``ontvangstnummer`` is what the aanvrager keeps."""

    def __init__(
        self,
        *,
        id: str,
        bsn: str,
        achternaam: str,
        voornamen: str,
        geboortedatum: dt.date,
        geslacht: str = "0",
        straat: str = "",
        huisnummer: int | None = None,
        postcode: str = "",
        woonplaats: str = "",
        ontvangen: dt.date,
        aanvrager: str,
        zorgkantoor: str,
        ontvangt_al_zorg: bool = False,
        verblijft_in_instelling: bool = False,
        zorg_sinds: dt.date | None = None,
        toelichting: str = "",
        bestaande_informatie: str = "",
        eenheid: str = "",
        ontvangstnummer: str | None = None,
        soort: str = "eerste",
        vorige_id: str | None = None,
        reden_herziening: str = "",
        gevraagd_profiel: str | None = None,
        vervangt_besluitnummer: int | None = None,
    ) -> None:
        bsn = bsn.strip().replace(" ", "").replace(".", "")
        if not (bsn.isdigit() and len(bsn) == 9 and elfproef(bsn)):
            raise InputError("bsn", "Geen geldig burgerservicenummer (9 cijfers, elfproef).", "Wlz art. 3.2.3 lid 2")
        if not achternaam.strip():
            raise InputError("achternaam", "Vul de achternaam in.")
        if geslacht not in GESLACHTEN:
            raise InputError("geslacht", "Kies man, vrouw of onbekend.")
        postcode = postcode.replace(" ", "").upper()
        if not (len(postcode) == 6 and postcode[:4].isdigit() and postcode[4:].isalpha()):
            raise InputError("postcode", "Een postcode is vier cijfers en twee letters, zoals 3811 AA.")
        if huisnummer is None or huisnummer < 1:
            raise InputError("huisnummer", "Vul het huisnummer in.")
        if not straat.strip() or not woonplaats.strip():
            raise InputError("straat" if not straat.strip() else "woonplaats", "Vul het adres volledig in.")
        if geboortedatum > ontvangen:
            raise InputError("geboortedatum", "De geboortedatum ligt in de toekomst.")
        try:
            Aanvrager(aanvrager)
        except ValueError:
            raise InputError("aanvrager", "Kies wie de aanvraag doet.") from None
        if not (zorgkantoor.isdigit() and len(zorgkantoor) == 4):
            raise InputError("zorgkantoor", "Het zorgkantoor is een code van vier cijfers (COD001).")
        try:
            Soort(soort)
        except ValueError:
            raise InputError("soort", "Kies eerste aanvraag of herindicatie.") from None
        if soort == Soort.AMBTSHALVE_HERZIENING and not (vorige_id and reden_herziening.strip()):
            raise InputError("reden_herziening", "Een ambtshalve herziening noemt het besluit en de reden.")
        if gevraagd_profiel and not indiceerbaar(gevraagd_profiel):
            raise InputError("gevraagd_profiel", f"{gevraagd_profiel} is geen zorgprofiel dat het CIZ indiceert.")
        if zorg_sinds is not None and zorg_sinds > ontvangen:
            raise InputError("zorg_sinds", "De zorg of het verblijf begon na de aanvraag.")
        self.id = id
        self.ontvangstnummer = ontvangstnummer or nieuw_ontvangstnummer(ontvangen)
        self.bsn = bsn
        self.achternaam = achternaam.strip()
        self.voornamen = voornamen.strip()
        self.geslacht = geslacht
        self.straat = straat.strip()
        self.huisnummer = huisnummer
        self.postcode = postcode
        self.woonplaats = woonplaats.strip()
        self.geboortedatum = geboortedatum
        self.ontvangen = ontvangen
        self.aanvrager = aanvrager
        self.zorgkantoor = zorgkantoor
        self.ontvangt_al_zorg = ontvangt_al_zorg
        self.verblijft_in_instelling = verblijft_in_instelling
        self.zorg_sinds = zorg_sinds
        self.toelichting = toelichting.strip()
        self.bestaande_informatie = bestaande_informatie.strip()
        self.eenheid = eenheid
        termijn = beslistermijn(
            ontvangen, ontvangt_al_zorg=ontvangt_al_zorg, verblijft_in_instelling=verblijft_in_instelling
        )
        #: the deadline is kept as it was set on receipt (the work list orders by it)
        self.uiterlijk = termijn.uiterlijk
        self.termijn_grond = termijn.grond
        self.soort = soort
        self.vorige_id = vorige_id
        self.reden_herziening = reden_herziening.strip()
        #: the profile the aanvrager asked for, if any (a provider often does; the refusal rate per profile)
        self.gevraagd_profiel = gevraagd_profiel or None
        #: the earlier indicatiebesluit this case replaces (a herindicatie linked to it, or a herziening): its IO31
        #: says so, and the letter
        self.vervangt_besluitnummer = vervangt_besluitnummer
        if soort == Soort.AMBTSHALVE_HERZIENING:
            self.termijn_grond = STREEFTERMIJN_HERZIENING
        self.status = Status.ONTVANGEN.value
        self.beoordeling_json: str | None = None
        self.beoordeeld_door: str | None = None
        self.uitkomst: str | None = None
        self.besluitdatum: dt.date | None = None
        self.zorgprofiel: str | None = None
        self.ingangsdatum: dt.date | None = None
        self.einddatum: dt.date | None = None
        self.voorwaarden: str = ""
        self.afwijzingsgrond: str | None = None
        self.besluit_toelichting: str = ""
        self.past_in_geen_profiel: bool = False
        self.besloten_door: str | None = None
        self.besluitnummer: int | None = None
        #: the team of the indicatiesteller who decided, at the time (the quality feedback per team)
        self.team: str = ""
        #: a withdrawal (Wlz art. 3.2.4): from which day, on what ground, why, by whom, when decided
        self.ingetrokken_per: dt.date | None = None
        self.intrekkingsgrond: str | None = None
        self.intrekking_toelichting: str = ""
        self.ingetrokken_door: str | None = None
        self.intrekkingsdatum: dt.date | None = None

    # --- term ------------------------------------------------------------------------------------------------
    def herbereken_termijn(self, opschortingen: list[Opschorting]) -> None:
        """The deadline after the suspensions of Awb art. 4:15 (and the Atw); recorded suspensions only move it
        while the request is undecided."""
        if self.status == Status.BESLOTEN:
            raise InputError("status", "Op deze aanvraag is al besloten; de termijn ligt vast.")
        t = beslistermijn(
            self.ontvangen,
            ontvangt_al_zorg=self.ontvangt_al_zorg,
            verblijft_in_instelling=self.verblijft_in_instelling,
            opschortingen=opschortingen,
        )
        self.uiterlijk = t.uiterlijk
        self.termijn_grond = STREEFTERMIJN_HERZIENING if self.soort == Soort.AMBTSHALVE_HERZIENING else t.grond

    # --- assessment ------------------------------------------------------------------------------------------
    def leg_beoordeling_vast(self, b: Beoordeling, door: str) -> None:
        if self.status == Status.BESLOTEN:
            raise InputError("status", "Op deze aanvraag is al besloten.")
        b.controleer()
        self.beoordeling_json = json.dumps(beoordeling_naar_dict(b), sort_keys=True)
        self.beoordeeld_door = door
        self.status = Status.BEOORDEELD.value

    @property
    def beoordeling(self) -> Beoordeling | None:
        if not self.beoordeling_json:
            return None
        return beoordeling_uit_dict(json.loads(self.beoordeling_json))

    @property
    def vroegste_ingang(self) -> dt.date:
        return vroegste_ingangsdatum(
            self.ontvangen,
            ontvangt_al_zorg=self.ontvangt_al_zorg,
            verblijft_in_instelling=self.verblijft_in_instelling,
            zorg_sinds=self.zorg_sinds,
        )

    # --- decision --------------------------------------------------------------------------------------------
    def beslis(
        self, besluit: Besluit, door: str, besluitnummer: int, past_in_geen_profiel: bool = False, team: str = ""
    ) -> None:
        if self.status == Status.BESLOTEN:
            raise InputError("status", "Op deze aanvraag is al besloten.")
        if self.status != Status.BEOORDEELD:
            raise InputError("status", "Leg eerst de beoordeling vast.")
        if besluit.besluitdatum < self.ontvangen:
            raise InputError("besluitdatum", "De besluitdatum ligt vóór de ontvangst van de aanvraag.")
        self.uitkomst = besluit.uitkomst.value
        self.besluitdatum = besluit.besluitdatum
        self.zorgprofiel = besluit.zorgprofiel
        self.ingangsdatum = besluit.ingangsdatum
        self.einddatum = besluit.einddatum
        self.voorwaarden = besluit.voorwaarden
        self.afwijzingsgrond = besluit.afwijzingsgrond.value if besluit.afwijzingsgrond else None
        self.besluit_toelichting = besluit.toelichting
        self.past_in_geen_profiel = past_in_geen_profiel
        self.besloten_door = door
        self.besluitnummer = besluitnummer
        self.team = team
        self.status = Status.BESLOTEN.value

    def trek_in(self, *, grond: str, per: dt.date, toelichting: str, door: str, op: dt.date) -> None:
        """Withdraw this granted decision from ``per`` (Wlz art. 3.2.4; :mod:`.intrekking`)."""
        if self.status != Status.BESLOTEN or self.uitkomst != Uitkomst.TOEGEKEND.value or self.ingangsdatum is None:
            raise InputError("status", "Alleen een toegekend indicatiebesluit kan worden ingetrokken.")
        if self.ingetrokken_per is not None:
            raise InputError("status", "Dit indicatiebesluit is al ingetrokken.")
        g = controleer_intrekking(
            grond=grond, per=per, ingangsdatum=self.ingangsdatum, einddatum=self.einddatum, toelichting=toelichting
        )
        if op < (self.besluitdatum or op):
            raise InputError("op", "De intrekking ligt vóór het besluit.")
        self.ingetrokken_per = per
        self.intrekkingsgrond = g.value
        self.intrekking_toelichting = toelichting.strip()[:4000]
        self.ingetrokken_door = door
        self.intrekkingsdatum = op

    @property
    def ingetrokken(self) -> bool:
        return self.ingetrokken_per is not None

    @property
    def geldig_tot(self) -> dt.date | None:
        """The last day the decision gives a right: the day before a withdrawal, else its end date."""
        if self.ingetrokken_per is not None:
            return self.ingetrokken_per - dt.timedelta(days=1)
        return self.einddatum

    @property
    def besluit(self) -> Besluit | None:
        if self.uitkomst is None or self.besluitdatum is None:
            return None
        return Besluit(
            Uitkomst(self.uitkomst),
            self.besluitdatum,
            self.zorgprofiel,
            self.ingangsdatum,
            self.einddatum,
            self.voorwaarden,
            Afwijzingsgrond(self.afwijzingsgrond) if self.afwijzingsgrond else None,
            self.besluit_toelichting,
        )

    def herziening(self, id: str, ontvangen: dt.date, reden: str) -> Aanvraag:
        """A new case to decide again on this decided request (ambtshalve): the person's data carried over."""
        if self.status != Status.BESLOTEN:
            raise InputError("status", "Alleen een genomen besluit kan ambtshalve worden herzien.")
        return Aanvraag(
            id=id,
            bsn=self.bsn,
            achternaam=self.achternaam,
            voornamen=self.voornamen,
            geboortedatum=self.geboortedatum,
            geslacht=self.geslacht,
            straat=self.straat,
            huisnummer=self.huisnummer,
            postcode=self.postcode,
            woonplaats=self.woonplaats,
            ontvangen=ontvangen,
            aanvrager=self.aanvrager,
            zorgkantoor=self.zorgkantoor,
            eenheid=self.eenheid,
            soort=Soort.AMBTSHALVE_HERZIENING.value,
            vorige_id=self.id,
            reden_herziening=reden,
            gevraagd_profiel=self.gevraagd_profiel,
            vervangt_besluitnummer=self.besluitnummer if self.uitkomst == Uitkomst.TOEGEKEND.value else None,
        )

    @property
    def wettelijke_termijn(self) -> bool:
        """Whether Blz art. 3.2.4 sets this case's term (not for an ambtshalve herziening)."""
        return self.soort != Soort.AMBTSHALVE_HERZIENING

    @property
    def naam(self) -> str:
        return f"{self.voornamen} {self.achternaam}".strip()

    @property
    def op_tijd(self) -> bool | None:
        """Decided within the term (None while undecided)."""
        return None if self.besluitdatum is None else self.besluitdatum <= self.uiterlijk

    @property
    def doorlooptijd(self) -> int | None:
        """Days from receipt to decision."""
        return None if self.besluitdatum is None else (self.besluitdatum - self.ontvangen).days


def beoordeling_naar_dict(b: Beoordeling) -> dict[str, Any]:
    return {
        "grondslagen": list(b.grondslagen),
        "blijvend": b.blijvend,
        "permanent_toezicht": b.permanent_toezicht,
        "zorg_24_uur_nabijheid": b.zorg_24_uur_nabijheid,
        "beperkingen": dict(b.beperkingen),
        "behoefte": dict(b.behoefte),
        "kenmerken": sorted(b.kenmerken),
        "onderzoek": b.onderzoek,
    }


def beoordeling_uit_dict(d: dict[str, Any]) -> Beoordeling:
    return Beoordeling(
        grondslagen=tuple(d["grondslagen"]),
        blijvend=bool(d["blijvend"]),
        permanent_toezicht=bool(d["permanent_toezicht"]),
        zorg_24_uur_nabijheid=bool(d["zorg_24_uur_nabijheid"]),
        beperkingen={str(k): int(v) for k, v in d["beperkingen"].items()},
        behoefte={str(k): int(v) for k, v in d["behoefte"].items()},
        kenmerken=frozenset(d["kenmerken"]),
        onderzoek=str(d.get("onderzoek", "")),
    )
