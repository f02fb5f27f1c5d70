"""A NUL character in input is refused with 422 naming the field (PostgreSQL cannot store it; found by the fuzz run)."""

from __future__ import annotations

import pytest

from wlz.zorgkantoor.services.invoer import ClientInvoer, bevat_nul


def test_bevat_nul_ook_genest():
    assert bevat_nul("a\x00b") and bevat_nul({"x": ["ok", "n\x00"]}) and not bevat_nul({"x": ["ok"]})


def test_invoermodel_weigert_nul_en_noemt_het_veld():
    from pydantic import ValidationError

    with pytest.raises(ValidationError) as info:
        ClientInvoer.model_validate(
            {"bsn": "999828836", "voornamen": "A\x00", "achternaam": "B", "geboortedatum": "1950-01-01"}
        )
    assert [e["loc"] for e in info.value.errors()] == [("voornamen",)]


def test_nul_in_queryparameter_geeft_422_voor_elke_route():
    from fastapi import FastAPI
    from fastapi.testclient import TestClient

    from wlz.platform.app import RefuseNul

    app = FastAPI()

    @app.get("/api/zoek")
    def zoek(q: str = "") -> dict:
        return {"q": q}

    app.add_middleware(RefuseNul)
    client = TestClient(app)
    assert client.get("/api/zoek?q=ok").status_code == 200
    antwoord = client.get("/api/zoek?q=%00")
    assert antwoord.status_code == 422 and "NUL" in antwoord.text
