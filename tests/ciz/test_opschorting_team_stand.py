"""The term suspended from the request's page (Awb art. 4:15) and moved by the Algemene termijnenwet; the
quality feedback per team; the "stand van zaken" as a formatted report (HTML, PDF) beside its CSV."""

from __future__ import annotations

import datetime as dt
import re

from wlz.ciz.domain.gebruiker import SYSTEEM, Actor
from wlz.ciz.domain.termijn import beslistermijn
from wlz.ciz.services import auth, kwaliteit
from wlz.common.termijnen import werkdag_of_later

from .conftest import _csrf, aanvraag_id, dien_in, login
from .test_herindicatie_intrekking import _besluit
from .test_keten import _beoordeel

VANDAAG = dt.date.today()
D = dt.timedelta


def _uiterlijk(w, aid) -> dt.date:
    with w.ciz.app.state.uow() as uow:
        return uow.aanvragen.get(aid).uiterlijk


def test_suspending_the_term_from_the_request_page(wereld):
    w = wereld
    c = login(w, "indicatiesteller")
    aid = aanvraag_id(w, dien_in(w.ciz, seed=41))
    zes_weken = VANDAAG + D(weeks=6)
    assert _uiterlijk(w, aid) == werkdag_of_later(zes_weken)

    def post(pad, **data):
        return c.post(pad, data={"csrf": _csrf(c, f"/aanvragen/{aid}"), **data}, follow_redirects=False)

    # lid 1 needs the term for completing; the first suspended day is the day after the invitation
    r = post(f"/aanvragen/{aid}/opschorting", soort="aanvulling", uitgenodigd=VANDAAG.isoformat(), reden="x")
    assert r.status_code == 422 and "moet worden aangevuld" in r.text
    r = post(
        f"/aanvragen/{aid}/opschorting",
        soort="aanvulling",
        uitgenodigd=VANDAAG.isoformat(),
        aanvullen_voor=(VANDAAG + D(days=14)).isoformat(),
        reden="Medische gegevens van de huisarts",
    )
    assert r.status_code == 303, r.text
    assert _uiterlijk(w, aid) == werkdag_of_later(zes_weken + D(days=14))
    pagina = c.get(f"/aanvragen/{aid}").text
    opschorting_id = re.search(r"/opschortingen/([0-9a-f]+)/aangevuld", pagina).group(1)
    # completed on the fifth day after the invitation: four days suspended
    r = post(f"/aanvragen/{aid}/opschortingen/{opschorting_id}/aangevuld", op=(VANDAAG + D(days=5)).isoformat())
    assert r.status_code == 303
    assert _uiterlijk(w, aid) == werkdag_of_later(zes_weken + D(days=4))
    assert "4 dagen opgeschort" in c.get(f"/aanvragen/{aid}").text
    # the letter (Awb art. 4:15 lid 3, 4): what to complete, and by when the decision can be expected
    brief = c.get(f"/aanvragen/{aid}/opschortingen/{opschorting_id}/brief").text
    verwacht = werkdag_of_later(zes_weken + D(days=4)).strftime("%d-%m-%Y")
    assert "Medische gegevens van de huisarts" in brief and f"uiterlijk {verwacht}" in brief and "4:15" in brief
    pdf = c.get(f"/aanvragen/{aid}/opschortingen/{opschorting_id}/brief.pdf")
    assert pdf.content.startswith(b"%PDF")
    assert c.get(f"/aanvragen/{aid}/opschortingen/onbekend/brief").status_code == 404
    # lid 2 c: force majeure, first and last day given (three days)
    r = post(
        f"/aanvragen/{aid}/opschorting",
        soort="overmacht",
        begin=(VANDAAG + D(days=10)).isoformat(),
        einde=(VANDAAG + D(days=12)).isoformat(),
        reden="storing",
    )
    assert r.status_code == 303
    assert _uiterlijk(w, aid) == werkdag_of_later(zes_weken + D(days=7))
    r = post(f"/aanvragen/{aid}/opschorting", soort="overmacht", begin=(VANDAAG - D(days=400)).isoformat(), reden="x")
    assert r.status_code == 422
    r = post(
        f"/aanvragen/{aid}/opschorting",
        soort="overmacht",
        begin=(VANDAAG + D(days=10)).isoformat(),
        einde=(VANDAAG + D(days=9)).isoformat(),
        reden="x",
    )
    assert r.status_code == 422 and "laatste dag" in r.text
    # the work list shows and orders by the moved deadline (kept; API too)
    api = w.ciz.get("/api/werkvoorraad", headers={"Authorization": f"Bearer {w.tokens['systeem']}"}).json()
    assert next(a for a in api if a["id"] == aid)["uiterlijk"] == werkdag_of_later(zes_weken + D(days=7)).isoformat()
    # decided: the term is fixed
    _beoordeel(c, aid)
    _besluit(c, aid)
    r = post(
        f"/aanvragen/{aid}/opschorting",
        soort="uitstel",
        begin=VANDAAG.isoformat(),
        einde=(VANDAAG + D(days=3)).isoformat(),
        reden="x",
    )
    assert r.status_code == 409


def test_quality_feedback_per_team(wereld):
    w = wereld
    teams = {"ans": ("Oost", "team 1"), "bob": ("Oost", "team 2"), "cor": ("West", "team 1")}
    with w.ciz.app.state.uow(write=True) as uow:
        actors = {}
        for naam, (eenheid, team) in teams.items():
            g = auth.maak_gebruiker(
                uow, SYSTEEM, gebruikersnaam=naam, naam=naam, rol="indicatiesteller", wachtwoord=None
            )
            uow.teamleden.zet(g.id, eenheid, team)
            actors[naam] = Actor(g.id, naam, "indicatiesteller")
        uow.commit()
    from wlz.ciz.demo import beoordeling_voor_profiel
    from wlz.ciz.services import aanvragen

    besloten = {}
    for i, naam in enumerate(["ans", "ans", "bob", "bob", "bob", "cor"]):
        aid = aanvraag_id(w, dien_in(w.ciz, seed=50 + i))
        with w.ciz.app.state.uow(write=True) as uow:
            aanvragen.beoordeel(uow, actors[naam], aid, beoordeling_voor_profiel("VV5"))
            aanvragen.beslis(
                uow, actors[naam], aid, {"uitkomst": "toegekend", "zorgprofiel": "VV5", "ingangsdatum": VANDAAG}
            )
        besloten[aid] = naam
    # bob moves to West afterwards: his earlier decisions stay with the team he was in
    with w.ciz.app.state.uow(write=True) as uow:
        uow.teamleden.zet(actors["bob"].gebruiker_id, "West", "team 1")
        uow.commit()
    kt = Actor("", "kt", "kwaliteitstoetser")
    van, tot = VANDAAG, VANDAAG + D(days=1)
    with w.ciz.app.state.uow(write=True) as uow:
        steekproef = kwaliteit.trek_steekproef(uow, kt, van, tot, seed=1)
        assert len(steekproef) == 6  # a population of six: all of them
        eerste_van_bob = sorted(a for a, n in besloten.items() if n == "bob")[0]
        for t in steekproef:
            juist = t.aanvraag_id != eerste_van_bob
            kwaliteit.oordeel(uow, kt, t.id, juist, "" if juist else "profiel te laag")
        o = kwaliteit.overzicht(uow, kt, van, tot)
    per_team = {j.eenheid: (j.getoetst, j.juist) for j in o.per_team}
    assert per_team == {"Oost / team 1": (2, 2), "Oost / team 2": (3, 2), "West / team 1": (1, 1), "alle": (6, 5)}
    per_steller = {j.eenheid: (j.getoetst, j.juist) for j in o.per_steller}
    assert per_steller == {"ans": (2, 2), "bob": (3, 2), "cor": (1, 1), "alle": (6, 5)}
    pagina = login(w, "kwaliteitstoetser").get(f"/kwaliteit?van={van}&tot={tot}").text
    tabel = re.search(r'<table id="per-team">.*?</table>', pagina, re.S).group(0)
    assert "Oost / team 2</td><td>3</td><td>2</td>" in tabel


def test_stand_van_zaken_report_html_and_pdf(wereld):
    w = wereld
    c = login(w, "indicatiesteller")
    aid = aanvraag_id(w, dien_in(w.ciz, seed=60, gevraagd_profiel="LG5"))
    _beoordeel(c, aid)
    _besluit(c, aid)
    jaar, week = VANDAAG.year, VANDAAG.isocalendar()[1]
    kt = login(w, "kwaliteitstoetser")
    r = kt.get(f"/dashboard/stand-van-zaken?jaar={jaar}&week={week}")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "Stand van zaken indicatiestelling Wlz" in r.text and f"tot en met week {week}" in r.text
    op_tijd = re.search(r'<p id="svz-op-tijd">(.*?)</p>', r.text, re.S).group(1)
    assert "100,0%" in op_tijd and "1 besluiten" not in op_tijd and "boven" in op_tijd
    assert re.search(r"<td>LG5</td>.*?<td class=\"getal\">0</td>.*?<td class=\"getal\">1</td>", r.text, re.S)
    pdf = kt.get(f"/dashboard/stand-van-zaken.pdf?jaar={jaar}&week={week}")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert kt.get(f"/dashboard/stand-van-zaken?jaar={jaar}&week=60").status_code == 422
    # the same figures as the CSV
    csv = kt.get(f"/dashboard/stand-van-zaken.csv?jaar={jaar}&week={week}").text
    assert "op tijd;100,0%" in csv


def test_beslistermijn_matches_the_kept_deadline_on_receipt(wereld):
    aid = aanvraag_id(wereld, dien_in(wereld.ciz, seed=61))
    assert _uiterlijk(wereld, aid) == beslistermijn(VANDAAG).uiterlijk
