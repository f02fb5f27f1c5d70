"""Issues 14 and 9: the zorgkantoor's side of a CIZ withdrawal (intrekking) of an indicatiebesluit.

The CIZ sends, for a withdrawn decision, an IO31 that repeats the SAME Besluitnummer with an Einddatum (the day
before the withdrawal) on the Indicatie and its zorgzwaartepakket (TR014), under a new identification
(``wlz.ciz.koppeling.io31``). The import ends the decision on that day and withdraws each assignment under it
that runs past it with an AW33 carrying ``Einddatum`` and ``RedenIntrekking`` 2 (negatief indicatiebesluit,
COD172), XSD + XSLT valid, answered with an IO32. Anything else that differs for a registered besluitnummer is
refused naming the element, nothing written. The client file (API and page) says "ingetrokken per" and, for a
replaced decision, which besluit replaced it."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from wlz import iwlz
from wlz.iwlz import voorbeelden
from wlz.zorgkantoor.services import io31_bulk
from wlz.zorgkantoor.services.actor import SYSTEEM
from wlz.zorgkantoor.storage import orm

from .helpers import AGB_EIGEN, bouw_wereld, web_client

pytestmark = pytest.mark.postgres

XML = {"Content-Type": "application/xml"}
START = dt.date(2025, 3, 3)
LAATSTE_DAG = dt.date(2025, 6, 30)  # the withdrawal takes effect on 1 July 2025
NEGATIEF = iwlz.RedenIntrekking.NEGATIEF_INDICATIEBESLUIT


@pytest.fixture
def w(engine):
    return bouw_wereld(engine)


def _h(w, rol, xml=True):
    return {"Authorization": f"Bearer {w.tokens[rol]}", **(XML if xml else {})}


def _eerste(seed=31, zzp="808"):
    return voorbeelden.keten(seed, zzp_code=zzp, start=START).io31  # VG5, no end date


def _wijzig(io31, *, identificatie, einddatum=LAATSTE_DAG, zzp=None, ingang=None, besluitnummer=None):
    """The same decision again, as the CIZ's withdrawal sends it: Einddatum on the Indicatie and its zzp."""
    cl = io31.clienten[0]
    ind = cl.indicatie
    z = ind.zorgzwaartepakketten[0]
    ingang = ingang or ind.ingangsdatum
    nieuw = dataclasses.replace(
        ind,
        besluitnummer=besluitnummer or ind.besluitnummer,
        ingangsdatum=ingang,
        einddatum=einddatum,
        zorgzwaartepakketten=(
            dataclasses.replace(z, zzp_code=zzp or z.zzp_code, ingangsdatum=ingang, einddatum=einddatum),
        ),
        functies=tuple(dataclasses.replace(f, ingangsdatum=ingang, einddatum=einddatum) for f in ind.functies),
    )
    return dataclasses.replace(io31, identificatie=identificatie, clienten=(dataclasses.replace(cl, indicatie=nieuw),))


def _importeer(api, w, io31):
    return api.post("/api/berichten/io31", content=iwlz.build_io31(io31), headers=_h(w, "beoordelaar"))


def _toewijzing(api, w, client_id, van, zorgprofiel="VG5", tot=None):
    r = api.post(
        f"/api/clients/{client_id}/toewijzingen",
        json={
            "agb_code": AGB_EIGEN,
            "leveringsvorm": "verblijf",
            "van": van.isoformat(),
            "tot": tot and tot.isoformat(),
            "zorgprofiel": zorgprofiel,
        },
        headers=_h(w, "beoordelaar", xml=False),
    )
    assert r.status_code == 201, r.text
    return r.json()


def _dossier(api, w, client_id):
    r = api.get(f"/api/clients/{client_id}", headers=_h(w, "beoordelaar", xml=False))
    assert r.status_code == 200
    return r.json()


def _aw33s(api, w, ids):
    """Each AW33 by id: XSD + XSLT valid, read back."""
    uit = []
    for bid in ids:
        r = api.get(f"/api/berichten/{bid}", headers=_h(w, "beoordelaar", xml=False))
        assert r.status_code == 200
        assert iwlz.validate(r.content).naam == "AW33" and iwlz.check(r.content, "AW33").valid
        uit.append(iwlz.read_aw33(r.content))
    return uit


def _aantal_berichten(w, soort):
    with w.app.state.uow() as uow:
        return uow.session.scalar(
            sa.select(sa.func.count()).select_from(orm.berichten).where(orm.berichten.c.soort == soort)
        )


def test_a_withdrawal_ends_the_decision_and_withdraws_its_assignments_with_an_aw33(w):
    api = TestClient(w.app)
    eerste = _eerste()
    r = _importeer(api, w, eerste)
    assert r.status_code == 201, r.text
    ind = r.json()["indicaties"][0]
    client_id, nummer = ind["client_id"], ind["besluitnummer"]
    lopend = _toewijzing(api, w, client_id, START)
    kort = _toewijzing(api, w, client_id, START, tot=dt.date(2025, 4, 30))  # ends before the last day: untouched
    later = _toewijzing(api, w, client_id, dt.date(2025, 9, 1))  # would begin after the last day

    r = _importeer(api, w, _wijzig(eerste, identificatie="CIZT00000001"))
    assert r.status_code == 201, r.text
    uit = r.json()
    assert uit["retour"]["soort"] == "IO32" and uit["bericht"]["resultaat"] == "geaccepteerd"
    assert [i["besluitnummer"] for i in uit["indicaties"]] == [nummer]
    assert len(uit["indicaties"][0]["aw33"]) == 1  # only the running assignment can be told (CS003)

    d = _dossier(api, w, client_id)
    (i,) = d["indicaties"]
    assert i["einddatum"] == "2025-06-30" and i["ingetrokken_per"] == "2025-07-01" and i["vervangen_door"] is None
    tws = {t["id"]: t for t in d["toewijzingen"]}
    assert tws[lopend["id"]]["tot"] == "2025-06-30" and tws[lopend["id"]]["status"] == "toegewezen"
    assert tws[lopend["id"]]["einde_reden"].startswith("Ingetrokken per 2025-06-30")
    assert tws[later["id"]]["status"] == "beeindigd"
    assert tws[kort["id"]]["tot"] == "2025-04-30" and tws[kort["id"]]["einde_reden"] is None

    (aw33,) = _aw33s(api, w, uit["indicaties"][0]["aw33"])
    cl = aw33.clienten[0]
    zzp = cl.toegewezen_zzps[0]
    assert cl.indicatie.besluitnummer == int(nummer) and cl.indicatie.einddatum == LAATSTE_DAG
    assert zzp.einddatum == LAATSTE_DAG and zzp.reden_intrekking == NEGATIEF and zzp.ingangsdatum == START

    # never valid after the last day
    with w.app.state.uow() as uow:
        (besluit,) = uow.indicaties.van_client(client_id)
        assert besluit.geldig_op(LAATSTE_DAG) and not besluit.geldig_op(dt.date(2025, 7, 1))

    pagina = web_client(w, "beoordelaar").get(f"/clienten/{client_id}").text
    assert "ingetrokken per 01-07-2025" in pagina


def test_a_withdrawal_may_be_moved_earlier_but_nothing_else_changes_a_registered_besluitnummer(w):
    api = TestClient(w.app)
    eerste = _eerste(32)
    r = _importeer(api, w, eerste)
    assert r.status_code == 201, r.text
    client_id, nummer = r.json()["indicaties"][0]["client_id"], r.json()["indicaties"][0]["besluitnummer"]
    lopend = _toewijzing(api, w, client_id, START)
    assert _importeer(api, w, _wijzig(eerste, identificatie="CIZT00000002")).status_code == 201
    aw33_voor = _aantal_berichten(w, "AW33")
    io31_voor = _aantal_berichten(w, "IO31")

    anders = _eerste(33)  # another client
    later = dt.date(2025, 7, 31)
    gevallen = [
        ("andere cliënt", _wijzig(anders, identificatie="CIZT00000003", besluitnummer=int(nummer)), "Besluitnummer"),
        ("ander profiel", _wijzig(eerste, identificatie="CIZT00000004", zzp="810"), "ZzpCode"),
        ("latere einddatum", _wijzig(eerste, identificatie="CIZT00000005", einddatum=later), "Einddatum"),
        ("zelfde einddatum", _wijzig(eerste, identificatie="CIZT00000006"), "Besluitnummer"),
        ("geen einddatum", _wijzig(eerste, identificatie="CIZT00000007", einddatum=None), "Besluitnummer"),
        ("andere ingang", _wijzig(eerste, identificatie="CIZT00000008", ingang=dt.date(2025, 3, 10)), "Ingangsdatum"),
    ]
    for naam, io31, element in gevallen:
        r = _importeer(api, w, io31)
        assert r.status_code == 422, naam
        assert element in r.text, (naam, r.text)
        assert r.json()["retour"]["soort"] == "IO32", naam
        assert r.json()["bericht"]["resultaat"] == "geweigerd", naam
    tekst = _importeer(api, w, _wijzig(eerste, identificatie="CIZT00000009", einddatum=dt.date(2025, 8, 1))).text
    assert "niet verlengd" in tekst  # the Dutch reason

    # nothing written: the decision and its assignment as they were, no AW33 more, only refused IO31s stored
    d = _dossier(api, w, client_id)
    assert [(i["einddatum"], i["ingetrokken_per"]) for i in d["indicaties"]] == [("2025-06-30", "2025-07-01")]
    assert {t["id"]: t["tot"] for t in d["toewijzingen"]}[lopend["id"]] == "2025-06-30"
    assert _aantal_berichten(w, "AW33") == aw33_voor
    assert _aantal_berichten(w, "IO31") == io31_voor + len(gevallen) + 1
    with w.app.state.uow() as uow:
        assert uow.clients.met_bsn(anders.clienten[0].client.bsn) is None  # the other client not created either

    # an earlier last day is accepted: the decision and the assignment end earlier, with a new AW33
    r = _importeer(api, w, _wijzig(eerste, identificatie="CIZT00000010", einddatum=dt.date(2025, 5, 31)))
    assert r.status_code == 201, r.text
    (aw33,) = _aw33s(api, w, r.json()["indicaties"][0]["aw33"])
    zzp = aw33.clienten[0].toegewezen_zzps[0]
    assert zzp.einddatum == dt.date(2025, 5, 31) and zzp.reden_intrekking == NEGATIEF
    d = _dossier(api, w, client_id)
    assert [(i["einddatum"], i["ingetrokken_per"]) for i in d["indicaties"]] == [("2025-05-31", "2025-06-01")]
    assert {t["id"]: t["tot"] for t in d["toewijzingen"]}[lopend["id"]] == "2025-05-31"


def test_the_client_file_names_the_decision_that_replaced_one(w):
    api = TestClient(w.app)
    eerste = _eerste(34)
    r = _importeer(api, w, eerste)
    client_id, nummer = r.json()["indicaties"][0]["client_id"], r.json()["indicaties"][0]["besluitnummer"]
    ingang = dt.date(2025, 9, 1)
    cl = eerste.clienten[0]
    ind = cl.indicatie
    opvolger = dataclasses.replace(
        eerste,
        identificatie="IO0000000034",
        dagtekening=dt.date(2025, 8, 20),
        clienten=(
            dataclasses.replace(
                cl,
                indicatie=dataclasses.replace(
                    ind,
                    besluitnummer=ind.besluitnummer + 1,
                    afgiftedatum=dt.date(2025, 8, 20),
                    ingangsdatum=ingang,
                    zorgzwaartepakketten=(
                        dataclasses.replace(ind.zorgzwaartepakketten[0], zzp_code="810", ingangsdatum=ingang),
                    ),
                    functies=tuple(dataclasses.replace(f, ingangsdatum=ingang) for f in ind.functies),
                ),
            ),
        ),
    )
    r = _importeer(api, w, opvolger)
    assert r.status_code == 201, r.text
    d = _dossier(api, w, client_id)
    per = {i["besluitnummer"]: i for i in d["indicaties"]}
    assert per[nummer]["vervangen_door"] == str(ind.besluitnummer + 1) and per[nummer]["ingetrokken_per"] is None
    assert per[str(ind.besluitnummer + 1)]["vervangen_door"] is None
    pagina = web_client(w, "beoordelaar").get(f"/clienten/{client_id}").text
    assert f"vervangen door besluit {ind.besluitnummer + 1}" in pagina


def test_end_to_end_the_cizs_own_withdrawal_io31_is_accepted(w):
    """The CIZ context's builder (``wlz.ciz.koppeling.io31``) for a decision and its withdrawal, imported by the
    zorgkantoor: a test may use both contexts, the code of neither imports the other."""
    import random

    from wlz.bsn import synthetisch
    from wlz.ciz.domain.aanvraag import Aanvraag
    from wlz.ciz.domain.beoordeling import Beoordeling
    from wlz.ciz.domain.besluit import neem_besluit
    from wlz.ciz.koppeling import io31 as ciz_io31

    ontvangen = dt.date(2025, 2, 3)
    a = Aanvraag(
        id="e2e1",
        bsn=synthetisch(random.Random(914)),
        achternaam="Intrekking",
        voornamen="Test",
        straat="Kerkweg",
        huisnummer=3,
        postcode="3811AA",
        woonplaats="Amersfoort",
        geboortedatum=dt.date(1940, 1, 1),
        ontvangen=ontvangen,
        aanvrager="client",
        zorgkantoor="5509",
    )
    a.leg_beoordeling_vast(Beoordeling(grondslagen=("05",), permanent_toezicht=True), "u")
    besluit = neem_besluit(
        uitkomst="toegekend",
        besluitdatum=dt.date(2025, 2, 20),
        vroegste_ingang=ontvangen,
        zorgprofiel="VG5",
        ingangsdatum=dt.date(2025, 2, 20),
    )
    a.beslis(besluit, "u", 7001)
    api = TestClient(w.app)
    r = api.post("/api/berichten/io31", content=ciz_io31.build(a), headers=_h(w, "beoordelaar"))
    assert r.status_code == 201, r.text
    client_id = r.json()["indicaties"][0]["client_id"]
    tw = _toewijzing(api, w, client_id, dt.date(2025, 3, 1))

    a.trek_in(
        grond="niet_meer_aangewezen", per=dt.date(2025, 7, 1), toelichting="Geen Wlz-zorg meer nodig.", door="u",
        op=dt.date(2025, 6, 15),
    )  # fmt: skip
    r = api.post(
        "/api/berichten/io31",
        content=ciz_io31.build_intrekking(a, dt.date(2025, 6, 15)),
        headers=_h(w, "beoordelaar"),
    )
    assert r.status_code == 201, r.text
    assert r.json()["retour"]["soort"] == "IO32"
    d = _dossier(api, w, client_id)
    (i,) = d["indicaties"]
    assert i["besluitnummer"] == "7001" and i["ingetrokken_per"] == "2025-07-01" and i["einddatum"] == "2025-06-30"
    assert {t["id"]: t["tot"] for t in d["toewijzingen"]}[tw["id"]] == "2025-06-30"
    (aw33,) = _aw33s(api, w, r.json()["indicaties"][0]["aw33"])
    assert aw33.clienten[0].toegewezen_zzps[0].reden_intrekking == NEGATIEF


def test_the_bulk_import_treats_a_withdrawal_as_the_single_import_does(tmp_path, uow):
    eerste = _eerste(35)
    m = tmp_path / "io31"
    m.mkdir()
    (m / "000.xml").write_bytes(iwlz.build_io31(eerste))
    (m / "001.xml").write_bytes(iwlz.build_io31(_wijzig(eerste, identificatie="CIZT00000035")))
    # later in the folder: a withdrawal that would lengthen the decision again, refused naming Einddatum
    later = _wijzig(eerste, identificatie="CIZT00000036", einddatum=dt.date(2025, 9, 30))
    (m / "002.xml").write_bytes(iwlz.build_io31(later))
    s = io31_bulk.importeer_map(uow, SYSTEEM, m, workers=1, chunk=4)
    assert s.geimporteerd == 2 and s.geweigerd == 1 and s.los_verwerkt >= 1
    with uow() as u:
        c = u.clients.met_bsn(eerste.clienten[0].client.bsn)
        (besluit,) = u.indicaties.van_client(c.id)
        assert besluit.einddatum == LAATSTE_DAG and besluit.ingetrokken_per == dt.date(2025, 7, 1)
        geweigerd = u.session.execute(
            sa.select(orm.berichten.c.bevindingen).where(
                orm.berichten.c.soort == "IO31", orm.berichten.c.resultaat == "geweigerd"
            )
        ).scalar_one()
        assert any("Einddatum" in b["pad"] and "niet verlengd" in b["tekst"] for b in geweigerd)


def test_migration_0009_names_the_replacing_decision_of_decisions_replaced_before_it(tmp_path):
    """Decisions replaced before migration 0009 get ``vervangen_door`` from the rule the client page used until
    then (a later decision of the same client beginning the day after); the others stay empty."""
    from wlz.platform.database import make_engine
    from wlz.zorgkantoor.storage import migrate

    engine = make_engine(f"sqlite:///{tmp_path / 'm.db'}")
    migrate.upgrade(engine, "0008")
    nu = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO clients (id, bsn, voornamen, achternaam, geboortedatum, straat, huisnummer, postcode, "
                "woonplaats, partner, aangemaakt_op) VALUES ('c1', '999990019', 'Test', 'Persoon', '1940-01-01', '', "
                "'', '', '', 0, :nu)"
            ),
            {"nu": nu},
        )
        for ident, nummer, van, tot in [
            ("i1", "100", "2024-01-01", "2024-12-31"),
            ("i2", "101", "2025-01-01", "2025-06-30"),  # ends, no successor
            ("i3", "102", "2025-09-01", None),
        ]:
            conn.execute(
                sa.text(
                    "INSERT INTO indicatiebesluiten (id, client_id, besluitnummer, zorgprofiel, cod163, grondslagen, "
                    "ingangsdatum, einddatum, bron, aangemaakt_op) VALUES (:id, 'c1', :nr, 'VG5', '808', '[\"01\"]', "
                    ":van, :tot, 'IO31', :nu)"
                ),
                {"id": ident, "nr": nummer, "van": van, "tot": tot, "nu": nu},
            )
    migrate.upgrade(engine)
    with engine.connect() as conn:
        rijen = dict(conn.execute(sa.text("SELECT id, vervangen_door FROM indicatiebesluiten")).all())
        assert rijen == {"i1": "101", "i2": None, "i3": None}
        assert (
            conn.execute(sa.text("SELECT count(*) FROM indicatiebesluiten WHERE ingetrokken_per IS NULL")).scalar() == 3
        )
    engine.dispose()
