"""From the public form to a decision: the work list by deadline, the assessment with decision support, the
decision, the letter (HTML + PDF), the IO31 (XSD + iWlz rules) arriving at the zorgkantoor through its API and
the IO32 processed; bad input answered with 422 naming the field; the BSN never in a URL or log line."""

from __future__ import annotations

import re

import pytest
from lxml import etree

from wlz import iwlz
from wlz.common.errors import InputError

from .conftest import _csrf, aanvraag_id, dien_in, formulier, login


def _beoordeel(c, aid, **extra):
    data = {
        "csrf": _csrf(c, f"/aanvragen/{aid}"),
        "grondslagen": ["02"],
        "blijvend": "ja",
        "zorg_24_uur_nabijheid": "ja",
        "behoefte_begeleiding": "3",
        "behoefte_verzorging": "3",
        "kenmerken": ["dementie"],
        "onderzoek": "Huisbezoek: ernstige geheugenproblemen.",
    }
    data.update(extra)
    return c.post(f"/aanvragen/{aid}/beoordeling", data=data, follow_redirects=False)


def test_request_to_decision_with_io31_at_the_zorgkantoor(wereld):
    w = wereld
    nummer = dien_in(w.ciz, seed=7, gevraagd_profiel="vv5")
    assert re.fullmatch(r"CIZ-\d{4}-[A-Z2-9]{8}", nummer)
    c = login(w, "indicatiesteller")
    aid = aanvraag_id(w, nummer)
    assert nummer in c.get("/werkvoorraad").text
    assert _beoordeel(c, aid).status_code == 303
    pagina = c.get(f"/aanvragen/{aid}").text
    advies = re.search(r'<ol id="advies">(.*?)</ol>', pagina, re.S).group(1)
    assert advies.index("VV5") < advies.index("VV4")  # the dementia profile first
    r = c.post(
        f"/aanvragen/{aid}/besluit",
        data={
            "csrf": _csrf(c, f"/aanvragen/{aid}"),
            "uitkomst": "toegekend",
            "zorgprofiel": "VV5",
            "ingangsdatum": __import__("datetime").date.today().isoformat(),
        },
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text
    pagina = c.get(f"/aanvragen/{aid}").text
    assert "toegekend: VV5" in pagina and "geaccepteerd" in pagina and "IO32 ontvangen" in pagina
    brief = c.get(f"/aanvragen/{aid}/brief").text
    assert "Beschermd wonen met intensieve dementiezorg" in brief and "bezwaar" in brief and "onbepaalde tijd" in brief
    pdf = c.get(f"/aanvragen/{aid}/brief.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    # the zorgkantoor now knows the client, through its own API
    h = {"Authorization": f"Bearer {w.zk_token}"}
    gevonden = w.zk.get("/api/clients", params={"q": "Testpersoon7"}, headers=h)
    assert gevonden.status_code == 200 and "Testpersoon7" in gevonden.text


def test_the_io31_passes_the_xsd_and_the_iwlz_rules(wereld):
    from wlz.ciz.koppeling import io31

    w = wereld
    nummer = dien_in(w.ciz, seed=8)
    c = login(w, "indicatiesteller")
    aid = aanvraag_id(w, nummer)
    _beoordeel(c, aid)
    import datetime as dt

    c.post(
        f"/aanvragen/{aid}/besluit",
        data={
            "csrf": _csrf(c, f"/aanvragen/{aid}"),
            "uitkomst": "toegekend",
            "zorgprofiel": "VV5",
            "ingangsdatum": dt.date.today().isoformat(),
        },
    )
    with w.ciz.app.state.uow() as uow:
        a = uow.aanvragen.get(aid)
        xml = io31.build(a)
    report = iwlz.check(xml)
    assert report.valid, report
    gelezen = iwlz.read_io31(xml)
    assert gelezen.clienten[0].indicatie.zzp.zzp_code == "754"
    assert etree.fromstring(xml) is not None


def test_bad_input_names_the_field_in_dutch_and_no_bsn_leaks(wereld):
    w = wereld
    c = w.ciz
    data = formulier(seed=9, bsn="123456789")
    data["csrf"] = _csrf(c, "/aanvragen/nieuw")
    r = c.post("/aanvragen/nieuw", data=data)
    assert r.status_code == 422 and "burgerservicenummer" in r.text and "123456789" not in r.text
    data = formulier(seed=9, gevraagd_profiel="VV1")  # transitional law only: not indicated
    data["csrf"] = _csrf(c, "/aanvragen/nieuw")
    r = c.post("/aanvragen/nieuw", data=data)
    assert r.status_code == 422 and "geen zorgprofiel dat het CIZ indiceert" in r.text
    data = formulier(seed=9, postcode="38")
    data["csrf"] = _csrf(c, "/aanvragen/nieuw")
    assert c.post("/aanvragen/nieuw", data=data).status_code == 422
    nummer = dien_in(c, seed=10)
    s = login(w, "indicatiesteller")
    aid = aanvraag_id(w, nummer)
    _beoordeel(s, aid)
    import datetime as dt

    vandaag = dt.date.today()
    for invoer, woord in [
        ({"uitkomst": "toegekend", "ingangsdatum": vandaag.isoformat()}, "zorgprofiel"),
        (
            {
                "uitkomst": "toegekend",
                "zorgprofiel": "VV9B",
                "ingangsdatum": vandaag.isoformat(),
                "einddatum": vandaag.replace(year=vandaag.year + 1).isoformat(),
            },
            "ten hoogste 6 maanden",
        ),
        (
            {
                "uitkomst": "toegekend",
                "zorgprofiel": "VV5",
                "ingangsdatum": (vandaag - dt.timedelta(days=30)).isoformat(),
            },
            "ingangsdatum",
        ),
    ]:
        r = s.post(f"/aanvragen/{aid}/besluit", data={"csrf": _csrf(s, f"/aanvragen/{aid}"), **invoer})
        assert r.status_code == 422 and (woord in r.text or "zorgprofiel" in r.text), r.text
    # the API answers 422 naming the field
    api = w.ciz.get(
        "/api/dashboard",
        params={"jaar": 2018, "week": 60},
        headers={"Authorization": f"Bearer {w.tokens['kwaliteitstoetser']}"},
    )
    assert api.status_code == 422 and api.json()["detail"][0]["loc"] == ["body", "week"]
    # no BSN in the access log
    with w.ciz.app.state.uow() as uow:
        from wlz.ciz.storage.uow import toegangslog_regels

        regels = toegangslog_regels(uow.session, 1000)
    bsn = formulier(seed=10)["bsn"]
    assert regels and all(bsn not in str(r) for r in regels)


def test_an_unreachable_zorgkantoor_keeps_the_decision_and_the_io31_as_not_delivered(tmp_path):
    import datetime as dt

    import httpx

    from wlz.ciz.domain.beoordeling import Beoordeling
    from wlz.ciz.domain.gebruiker import Actor
    from wlz.ciz.koppeling.bezorging import Bezorger
    from wlz.ciz.services import aanvragen
    from wlz.ciz.storage import migrate
    from wlz.ciz.storage.uow import UnitOfWorkFactory
    from wlz.platform.database import make_engine

    from .conftest import vrije_poort

    engine = make_engine(f"sqlite:///{tmp_path / 'c.sqlite'}")
    migrate.upgrade(engine)
    uowf = UnitOfWorkFactory(engine)
    steller = Actor("g1", "indicatiesteller", "indicatiesteller")
    gegevens = {k: v for k, v in formulier(seed=3).items() if k not in ("geboortedatum", "huisnummer")}
    gegevens.update(geboortedatum=dt.date(1950, 1, 1), huisnummer=1)
    with uowf(write=True) as uow:
        a = aanvragen.dien_in(uow, Actor("", "aanvrager", "aanvrager"), gegevens)
    with uowf(write=True) as uow:
        aanvragen.beoordeel(uow, steller, a.id, Beoordeling(grondslagen=("04",), permanent_toezicht=True,
                            behoefte={"begeleiding": 2, "verzorging": 2}))  # fmt: skip
    dicht = Bezorger(httpx.Client(base_url=f"http://127.0.0.1:{vrije_poort()}", timeout=2), "wlz_x")
    with uowf(write=True) as uow:
        uit = aanvragen.beslis(uow, steller, a.id, {"uitkomst": "toegekend", "zorgprofiel": "LG4",
                               "ingangsdatum": dt.date.today()}, bezorger=dicht)  # fmt: skip
    with uowf() as uow:
        b = uow.berichten.get(uit.bericht.id)
        assert uow.aanvragen.get(a.id).status == "besloten"
        assert b.status == "niet_bezorgd" and "niet bereikbaar" in b.melding and b.retour is None
    # the zorgkantoor is back: sent again, accepted with its IO32, and not sent a third time
    from .conftest import zorgkantoor

    zk, token, _ = zorgkantoor(tmp_path)
    with uowf(write=True) as uow:
        b = aanvragen.verstuur(uow, steller, uit.bericht.id, Bezorger(zk, token))
        assert b.status == "geaccepteerd" and b.retour is not None
    with uowf(write=True) as uow, pytest.raises(InputError):
        aanvragen.verstuur(uow, steller, uit.bericht.id, Bezorger(zk, token))


def test_fits_no_profile_is_signalled_as_meerzorg_in_a_valid_io31(tmp_path):
    import datetime as dt

    from wlz.ciz.demo import ZEVMB
    from wlz.ciz.domain.gebruiker import Actor
    from wlz.ciz.koppeling import io31
    from wlz.ciz.services import aanvragen
    from wlz.ciz.storage import migrate
    from wlz.ciz.storage.uow import UnitOfWorkFactory
    from wlz.platform.database import make_engine

    engine = make_engine(f"sqlite:///{tmp_path / 'c.sqlite'}")
    migrate.upgrade(engine)
    uowf = UnitOfWorkFactory(engine)
    steller = Actor("g1", "indicatiesteller", "indicatiesteller")
    gegevens = {k: v for k, v in formulier(seed=31).items() if k not in ("geboortedatum", "huisnummer")}
    gegevens.update(geboortedatum=dt.date(2001, 5, 5), huisnummer=8)
    with uowf(write=True) as uow:
        a = aanvragen.dien_in(uow, Actor("", "aanvrager", "aanvrager"), gegevens)
    with uowf(write=True) as uow:
        aanvragen.beoordeel(uow, steller, a.id, ZEVMB)
    with uowf(write=True) as uow:
        uit = aanvragen.beslis(
            uow, steller, a.id, {"uitkomst": "toegekend", "zorgprofiel": "VG8", "ingangsdatum": dt.date.today()}
        )
    assert uit.aanvraag.past_in_geen_profiel
    xml = uit.bericht.inhoud
    assert iwlz.check(xml).valid and iwlz.read_io31(xml).clienten[0].indicatie.meerzorg is True
    with uowf() as uow:
        assert io31.io31_voor(uow.aanvragen.get(a.id)).clienten[0].indicatie.meerzorg is True


def test_an_io31_the_zorgkantoor_refuses_is_kept_as_geweigerd_with_its_reason(wereld):
    import datetime as dt

    w = wereld
    data = formulier(seed=40, zorgkantoor="1234")  # not in COD001
    data["csrf"] = _csrf(w.ciz, "/aanvragen/nieuw")
    r = w.ciz.post("/aanvragen/nieuw", data=data)
    assert r.status_code == 422 and "COD001" in r.text
    nummer = dien_in(w.ciz, seed=41, zorgkantoor="5501")  # Groningen: not the zorgkantoor that receives it (5509)
    c = login(w, "indicatiesteller")
    aid = aanvraag_id(w, nummer)
    _beoordeel(c, aid)
    c.post(f"/aanvragen/{aid}/besluit", data={"csrf": _csrf(c, f"/aanvragen/{aid}"), "uitkomst": "toegekend",
           "zorgprofiel": "VV5", "ingangsdatum": dt.date.today().isoformat()})  # fmt: skip
    pagina = c.get(f"/aanvragen/{aid}").text
    assert "toegekend: VV5" in pagina and "geweigerd" in pagina and "zorgkantoor 5501" in pagina


def test_attachments_of_information_already_held(wereld):
    w = wereld
    c = w.ciz
    pdf = b"%PDF-1.4\n% voorbeeld Wmo-indicatie\n%%EOF\n"
    data = formulier(seed=51)
    data["csrf"] = _csrf(c, "/aanvragen/nieuw")
    r = c.post("/aanvragen/nieuw", data=data, files={"bijlage": ("wmo indicatie.pdf", pdf, "application/pdf")})
    assert r.status_code == 201
    nummer = re.search(r'id="ontvangstnummer">([^<]+)<', r.text).group(1)
    data = formulier(seed=52)
    data["csrf"] = _csrf(c, "/aanvragen/nieuw")
    r = c.post("/aanvragen/nieuw", data=data, files={"bijlage": ("x.exe", b"MZ\x90", "application/pdf")})
    assert r.status_code == 422 and "PDF" in r.text
    s = login(w, "indicatiesteller")
    aid = aanvraag_id(w, nummer)
    pagina = s.get(f"/aanvragen/{aid}").text
    link = re.search(rf'href="(/aanvragen/{aid}/bijlagen/[0-9a-f]+)"', pagina).group(1)
    d = s.get(link)
    assert d.status_code == 200 and d.content == pdf and "wmo indicatie.pdf" in d.headers["content-disposition"]
    assert login(w, "kwaliteitstoetser").get(link).status_code == 200
