"""A client's whole way through the API on the real rules: client, indicatie, leveringsvorm, intake, decision.

Used by the full-flow test and the letter tests. Years are chosen where the rules know the amounts: 2015 (pgb
for every profile) and 2017 (VG3-VG8, seed 000); other years give "onbekend" on purpose.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from fastapi.testclient import TestClient

from wlz import bsn


@dataclass
class Dossier:
    client_id: str
    aanvraag: dict
    keuze: dict


#: a meerzorg intake the rules grant (2015, 40 hours needed against 20 in the profile, zzp on 31 December 2014)
MEERZORG_INTAKE = {
    "periode_van": "2015-01-01",
    "periode_tot": "2015-12-31",
    "zorgbehoefte_uren_per_week": 40,
    "profiel_uren_per_week": 20,
    "criteria": {"meerzorg_gevraagd": 4000, "meerzorg_zzp_31_december_2014": True},
    "toelichting": "Mijn verhaal, één keer verteld.",
}


def api_headers(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def dossier_met_aanvraag(
    api: TestClient,
    token: str,
    *,
    seed: int,
    zorgprofiel: str = "LG7",
    grondslagen: tuple[str, ...] = ("04",),
    jaar: int = 2015,
    leveringsvorm: str = "pgb",
    mpt_kosten: float = 0,
    pgb_deel: float = 50000,
) -> Dossier:
    h = api_headers(token)
    r = api.post(
        "/api/clients",
        headers=h,
        json={
            "bsn": bsn.synthetisch(random.Random(f"flow-{seed}")),
            "voornamen": "Fenna",
            "achternaam": "van der Stroom",
            "geboortedatum": "1990-01-01",
            "straat": "Proefstraat",
            "huisnummer": "12a",
            "postcode": "1234 AB",
            "woonplaats": "Voorbeeldstad",
        },
    )
    assert r.status_code == 201, r.text
    cid = r.json()["id"]
    r = api.post(
        f"/api/clients/{cid}/indicaties",
        headers=h,
        json={
            "besluitnummer": str(100000 + seed),
            "zorgprofiel": zorgprofiel,
            "grondslagen": list(grondslagen),
            "ingangsdatum": f"{jaar}-01-01",
        },
    )
    assert r.status_code == 201, r.text
    r = api.post(
        f"/api/clients/{cid}/leveringsvorm",
        headers=h,
        json={
            "leveringsvorm": leveringsvorm,
            "ingangsdatum": f"{jaar}-01-01",
            "mpt_kosten": mpt_kosten,
            "pgb_deel": pgb_deel,
            "gewaarborgde_hulp": True,
        },
    )
    assert r.status_code == 201, r.text
    keuze = r.json()
    r = api.post(
        f"/api/clients/{cid}/aanvragen",
        headers=h,
        json={
            "periode_van": f"{jaar}-01-01",
            "periode_tot": f"{jaar}-12-31",
            "zorgbehoefte_uren_per_week": 40,
            "profiel_uren_per_week": 20,
            "mpt_kosten": mpt_kosten,
            "pgb_deel": pgb_deel,
            "criteria": {
                "gewaarborgde_hulp": True,
                "ekt_gevraagd": 5000,
                "geboortedatum_jongste_kind": "2012-01-01",
                "meerzorg_zzp_31_december_2014": True,
                "meerzorg_gevraagd": 4000,
                "wacht_op_opname_sinds": f"{jaar - 1}-12-01",
                "overbruggingszorg_gevraagd": 2000,
                "medische_noodzaak_permanent_toezicht": True,
                "geen_cognitieve_beperking": True,
                "budget_zelf_beheren": True,
            },
            "toelichting": "Mijn partner kan de nachten niet meer opvangen.",
        },
    )
    assert r.status_code == 201, r.text
    return Dossier(cid, r.json(), keuze)


def besluit(api: TestClient, token: str, aanvraag_id: str, toekennen: dict[str, tuple[str, str] | None]) -> dict:
    """Take the request into handling and decide: scheme -> (van, tot) to grant, None to refuse."""
    h = api_headers(token)
    r = api.post(f"/api/aanvragen/{aanvraag_id}/behandelen", headers=h)
    assert r.status_code == 200, r.text
    regels = [
        {"regeling": n, "toegekend": p is not None, **({"van": p[0], "tot": p[1]} if p else {})}
        for n, p in toekennen.items()
    ]
    r = api.post(
        f"/api/aanvragen/{aanvraag_id}/besluit",
        headers=h,
        json={"motivatie": "Besloten na beoordeling van de intake door de rekenregels.", "regels": regels},
    )
    assert r.status_code == 200, r.text
    return r.json()
