"""A herindicatie from the public form linked to the earlier decision by its besluitnummer (checked against the
same person, one answer for every mismatch), the revision's IO31 naming the decision it replaces; withdrawing a
decision (Wlz art. 3.2.4) with its letter and the IO31 that ends it at the zorgkantoor."""

from __future__ import annotations

import datetime as dt
import re

from lxml import etree

from wlz import iwlz

from .conftest import _csrf, aanvraag_id, dien_in, formulier, login
from .test_keten import _beoordeel

NS = {"io31": "http://www.istandaarden.nl/iwlz/2_2/io31/schema"}
VANDAAG = dt.date.today()


def _besluit(c, aid, profiel="VV5", ingang=VANDAAG):
    r = c.post(
        f"/aanvragen/{aid}/besluit",
        data={
            "csrf": _csrf(c, f"/aanvragen/{aid}"),
            "uitkomst": "toegekend",
            "zorgprofiel": profiel,
            "ingangsdatum": ingang.isoformat(),
        },
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text


def _toegekend(w, c, seed, **kw):
    """A granted decision for the person of ``seed``; its request id and besluitnummer."""
    aid = aanvraag_id(w, dien_in(w.ciz, seed=seed, **kw))
    assert _beoordeel(c, aid).status_code == 303
    _besluit(c, aid)
    with w.ciz.app.state.uow() as uow:
        return aid, uow.aanvragen.get(aid).besluitnummer


def _berichten(w, aid):
    with w.ciz.app.state.uow() as uow:
        return [(b.identificatie, b.status, b.inhoud) for b in uow.berichten.van_aanvraag(aid)]


def _herindicatie(c, seed, nummer, **kw):
    data = formulier(seed=seed, soort="herindicatie", vorig_besluitnummer=str(nummer), **kw)
    data["csrf"] = _csrf(c, "/aanvragen/nieuw")
    return c.post("/aanvragen/nieuw", data=data)


def test_a_herindicatie_names_the_earlier_decision_and_its_io31_says_it_replaces_it(wereld):
    w = wereld
    c = login(w, "indicatiesteller")
    eerste, nummer = _toegekend(w, c, seed=31)
    r = _herindicatie(w.ciz, 31, nummer, toelichting="Meer zorg nodig sinds de val.")
    assert r.status_code == 201, r.text
    herid = aanvraag_id(w, re.search(r'id="ontvangstnummer">([^<]+)<', r.text).group(1))
    pagina = c.get(f"/aanvragen/{herid}").text
    assert f'<span id="vervangt">{nummer}</span>' in pagina and f'href="/aanvragen/{eerste}"' in pagina
    assert _beoordeel(c, herid).status_code == 303
    # it must begin after the decision it replaces (the zorgkantoor ends that one the day before)
    r = c.post(
        f"/aanvragen/{herid}/besluit",
        data={
            "csrf": _csrf(c, f"/aanvragen/{herid}"),
            "uitkomst": "toegekend",
            "zorgprofiel": "VV6",
            "ingangsdatum": VANDAAG.isoformat(),
        },
    )
    assert r.status_code == 422 and f"vervangt indicatiebesluit {nummer}" in r.text
    assert _berichten(w, herid) == []
    _besluit(c, herid, profiel="VV6", ingang=VANDAAG + dt.timedelta(days=1))
    ((ident, status, xml),) = _berichten(w, herid)
    # the zorgkantoor's import accepts it as the client's next decision and ends the earlier one the day before
    assert status == "geaccepteerd" and iwlz.check(xml).valid
    h = {"Authorization": f"Bearer {w.zk_token}"}
    (client,) = w.zk.get("/api/clients", params={"q": "Testpersoon31"}, headers=h).json()
    dossier = w.zk.get(f"/api/clients/{client['id']}", headers=h).json()
    indicaties = {i["besluitnummer"]: i for i in dossier["indicaties"]}
    assert indicaties[str(nummer)]["einddatum"] == VANDAAG.isoformat()
    assert len(indicaties) == 2
    ind = etree.fromstring(xml).find(".//io31:Indicatie", NS)
    # iWlz 2.2 has no element for it: a higher besluitnummer (TR079) and the Commentaar naming the earlier one
    assert int(ind.findtext("io31:Besluitnummer", namespaces=NS)) > nummer
    assert ind.findtext("io31:Commentaar", namespaces=NS) == f"Vervangt indicatiebesluit {nummer}"
    assert iwlz.read_io31(xml).clienten[0].indicatie.commentaar == f"Vervangt indicatiebesluit {nummer}"


def test_a_herindicatie_needs_a_number_of_the_same_person_and_tells_nothing_about_others(wereld):
    w = wereld
    c = login(w, "indicatiesteller")
    _, nummer = _toegekend(w, c, seed=32)
    zonder = _herindicatie(w.ciz, 32, "")
    assert zonder.status_code == 422 and "het besluitnummer van het eerdere indicatiebesluit" in zonder.text
    # another person's number and a number that does not exist get exactly the same answer
    ander = _herindicatie(w.ciz, 33, nummer)
    onbekend = _herindicatie(w.ciz, 33, nummer + 1000)
    assert ander.status_code == onbekend.status_code == 422
    melding = re.compile(r"Wij vinden geen toegekend indicatiebesluit[^<]*")
    assert melding.search(ander.text).group(0) == melding.search(onbekend.text).group(0)
    bsn_ander = formulier(seed=33)["bsn"]
    assert bsn_ander not in ander.text and "Testpersoon32" not in ander.text
    assert _herindicatie(w.ciz, 32, "12ab").status_code == 422
    # nothing half-written: no request was added by the refused forms
    with w.ciz.app.state.uow() as uow:
        assert [a.soort for a in uow.aanvragen.open()] == []


def test_an_ambtshalve_herziening_io31_names_the_revised_decision(wereld):
    w = wereld
    c = login(w, "indicatiesteller")
    aid, nummer = _toegekend(w, c, seed=34)
    r = c.post(
        f"/aanvragen/{aid}/herziening",
        data={"csrf": _csrf(c, f"/aanvragen/{aid}"), "reden": "steekproef: profiel te laag"},
        follow_redirects=False,
    )
    nieuw = r.headers["location"].split("/")[-1].split("?")[0]
    _beoordeel(c, nieuw)
    _besluit(c, nieuw, profiel="VV6", ingang=VANDAAG + dt.timedelta(days=1))
    ((_, _, xml),) = _berichten(w, nieuw)
    assert b"Vervangt indicatiebesluit %d" % nummer in xml


def test_withdrawing_a_decision_letter_and_io31(wereld):
    w = wereld
    c = login(w, "indicatiesteller")
    aid, nummer = _toegekend(w, c, seed=35)
    url = f"/aanvragen/{aid}/intrekking"

    def trek_in(**data):
        data = {"csrf": _csrf(c, f"/aanvragen/{aid}"), "grond": "niet_meer_aangewezen", "toelichting": "x", **data}
        return c.post(url, data=data, follow_redirects=False)

    # from the start date itself: not expressible in an IO31 (CS003), refused naming the field
    r = trek_in(per=VANDAAG.isoformat())
    assert r.status_code == 422 and "De intrekking gaat in na de ingangsdatum" in r.text and "CS003" in r.text
    assert trek_in(per=(VANDAAG + dt.timedelta(days=30)).isoformat(), grond="spijt").status_code == 422
    assert trek_in(per=(VANDAAG + dt.timedelta(days=30)).isoformat(), toelichting=" ").status_code == 422
    assert c.get(f"/aanvragen/{aid}/intrekking/brief").status_code == 404
    per = VANDAAG + dt.timedelta(days=30)
    r = trek_in(per=per.isoformat(), toelichting="De cliënt is hersteld na revalidatie.")
    assert r.status_code == 303, r.text
    pagina = c.get(f"/aanvragen/{aid}").text
    assert 'id="ingetrokken"' in pagina and per.strftime("%d-%m-%Y") in pagina
    assert trek_in(per=per.isoformat(), toelichting="nogmaals").status_code == 409
    brief = c.get(f"/aanvragen/{aid}/intrekking/brief").text
    laatste = (per - dt.timedelta(days=1)).strftime("%d-%m-%Y")
    assert "Wij trekken uw indicatiebesluit in" in brief and laatste in brief and "artikel 3.2.4" in brief
    assert "hersteld na revalidatie" in brief and "bezwaar" in brief
    assert c.get(f"/aanvragen/{aid}/intrekking/brief.pdf").content.startswith(b"%PDF")
    assert login(w, "kwaliteitstoetser").get(f"/aanvragen/{aid}/intrekking/brief").status_code == 200
    besluit, intrekking = _berichten(w, aid)
    assert besluit[0] == f"CIZ{nummer:09d}" and intrekking[0] == f"CIZT{nummer:08d}"
    # delivered to the zorgkantoor, whose import accepts a withdrawal (berichten._trek_in)
    assert intrekking[1] == "geaccepteerd"
    xml = intrekking[2]
    assert iwlz.check(xml).valid
    ind = etree.fromstring(xml).find(".//io31:Indicatie", NS)
    assert int(ind.findtext("io31:Besluitnummer", namespaces=NS)) == nummer
    assert ind.findtext("io31:Ingangsdatum", namespaces=NS) == VANDAAG.isoformat()
    eind = (per - dt.timedelta(days=1)).isoformat()
    assert ind.findtext("io31:Einddatum", namespaces=NS) == eind
    assert ind.findtext(".//io31:GeindiceerdZorgzwaartepakket/io31:Einddatum", namespaces=NS) == eind
    assert "Ingetrokken per" in ind.findtext("io31:Commentaar", namespaces=NS)


def test_a_refusal_cannot_be_withdrawn(wereld):
    w = wereld
    c = login(w, "indicatiesteller")
    aid = aanvraag_id(w, dien_in(w.ciz, seed=36))
    _beoordeel(c, aid)
    c.post(
        f"/aanvragen/{aid}/besluit",
        data={"csrf": _csrf(c, f"/aanvragen/{aid}"), "uitkomst": "afgewezen", "afwijzingsgrond": "geen_toegang"},
    )
    r = c.post(
        f"/aanvragen/{aid}/intrekking",
        data={
            "csrf": _csrf(c, f"/aanvragen/{aid}"),
            "grond": "onjuiste_gegevens",
            "per": (VANDAAG + dt.timedelta(days=3)).isoformat(),
            "toelichting": "x",
        },
    )
    assert r.status_code == 409 and "toegekend" in r.text
