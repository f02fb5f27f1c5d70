"""The decision checked against the law: a profile is required, the validity of Rlz art. 3.2 (wlz.reference's
maxima), indefinite otherwise (Blz art. 3.2.5), the start no earlier than the law allows."""

import datetime as dt

import pytest

from wlz.bsn import synthetisch
from wlz.ciz.domain.aanvraag import Aanvraag
from wlz.ciz.domain.beoordeling import Beoordeling
from wlz.ciz.domain.besluit import maximale_einddatum, neem_besluit
from wlz.common.errors import InputError

D = dt.date


def besluit(**kw):
    args = {"uitkomst": "toegekend", "besluitdatum": D(2018, 3, 20), "vroegste_ingang": D(2018, 3, 5)}
    args.update(kw)
    return neem_besluit(**args)


def fout(**kw) -> InputError:
    with pytest.raises(InputError) as e:
        besluit(**kw)
    return e.value


def test_granted_indefinite_and_with_the_maximum_validity():
    b = besluit(zorgprofiel="VG5", ingangsdatum=D(2018, 3, 20))
    assert b.toegekend and b.einddatum is None
    lvg = besluit(zorgprofiel="LVG3", ingangsdatum=D(2018, 3, 20))  # Rlz art. 3.2 lid 1: at most three years
    assert lvg.einddatum == D(2021, 3, 19) == maximale_einddatum("LVG3", D(2018, 3, 20))
    vv9b = besluit(zorgprofiel="VV9B", ingangsdatum=D(2018, 3, 20), einddatum=D(2018, 6, 30))
    assert vv9b.einddatum == D(2018, 6, 30)


def test_bad_decisions_name_the_field_in_dutch():
    assert fout(zorgprofiel=None, ingangsdatum=D(2018, 3, 20)).veld == "zorgprofiel"
    assert fout(zorgprofiel="VV1", ingangsdatum=D(2018, 3, 20)).veld == "zorgprofiel"  # transitional law only
    e = fout(zorgprofiel="VV9B", ingangsdatum=D(2018, 3, 20), einddatum=D(2018, 9, 20))
    assert e.veld == "einddatum" and e.regel == "Rlz art. 3.2" and "6 maanden" in e.melding
    e = fout(zorgprofiel="VG5", ingangsdatum=D(2018, 3, 20), einddatum=D(2019, 3, 20))
    assert e.veld == "einddatum" and e.regel == "Blz art. 3.2.5"
    e = fout(zorgprofiel="VG5", ingangsdatum=D(2018, 3, 1))
    assert e.veld == "ingangsdatum" and "vóór" in e.melding
    assert fout(uitkomst="afgewezen").veld == "afwijzingsgrond"
    assert fout(uitkomst="misschien").veld == "uitkomst"


def test_refused_with_reason():
    b = besluit(uitkomst="afgewezen", afwijzingsgrond="geen_toegang")
    assert not b.toegekend and "3.2.1" in b.afwijzingsgrond.tekst


def aanvraag(**kw):
    import random

    args = {
        "id": "a1",
        "bsn": synthetisch(random.Random(1)),
        "achternaam": "Persoon",
        "voornamen": "Test",
        "straat": "Kerkweg",
        "huisnummer": 3,
        "postcode": "3811AA",
        "woonplaats": "Amersfoort",
        "geboortedatum": D(1940, 1, 1),
        "ontvangen": D(2018, 3, 5),
        "aanvrager": "client",
        "zorgkantoor": "5509",
    }
    args.update(kw)
    return Aanvraag(**args)


def test_request_keeps_its_deadline_and_refuses_bad_input_naming_the_field():
    a = aanvraag()
    assert a.uiterlijk == D(2018, 4, 16) and a.ontvangstnummer.startswith("CIZ-2018-")
    for veld, kw in [
        ("bsn", {"bsn": "123456789"}),
        ("achternaam", {"achternaam": " "}),
        ("postcode", {"postcode": "38"}),
        ("huisnummer", {"huisnummer": None}),
        ("geboortedatum", {"geboortedatum": D(2019, 1, 1)}),
        ("aanvrager", {"aanvrager": "buurman"}),
        ("zorgkantoor", {"zorgkantoor": "55"}),
    ]:
        with pytest.raises(InputError) as e:
            aanvraag(**kw)
        assert e.value.veld == veld
        assert a.bsn not in str(e.value)


def test_decide_needs_an_assessment_first_and_only_once():
    a = aanvraag()
    b = besluit(zorgprofiel="VG5", ingangsdatum=D(2018, 3, 20))
    with pytest.raises(InputError):
        a.beslis(b, "u", 1)
    a.leg_beoordeling_vast(Beoordeling(grondslagen=("05",), permanent_toezicht=True), "u")
    a.beslis(b, "u", 1)
    assert a.op_tijd and a.doorlooptijd == 15 and a.beoordeling.grondslagen == ("05",)
    with pytest.raises(InputError):
        a.beslis(b, "u", 2)


def test_herindicatie_and_herziening_kinds():
    h = aanvraag(soort="herindicatie")
    assert h.wettelijke_termijn and h.uiterlijk == D(2018, 4, 16)
    with pytest.raises(InputError) as e:
        aanvraag(soort="ambtshalve_herziening")  # without the decision it revises and a reason
    assert e.value.veld == "reden_herziening"
    with pytest.raises(InputError):
        aanvraag(soort="iets")
    a = aanvraag()
    with pytest.raises(InputError):
        a.herziening("a2", D(2018, 5, 1), "onjuist")  # not decided yet
    a.leg_beoordeling_vast(Beoordeling(grondslagen=("05",), permanent_toezicht=True), "u")
    a.beslis(besluit(uitkomst="afgewezen", afwijzingsgrond="geen_toegang"), "u", 1)
    n = a.herziening("a2", D(2018, 5, 1), "toegang ten onrechte geweigerd")
    assert n.vorige_id == "a1" and not n.wettelijke_termijn and n.bsn == a.bsn and "ambtshalve" in n.termijn_grond
