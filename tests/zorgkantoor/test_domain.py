"""The request's state machine, deadlines and decisions, without a database."""

import datetime as dt

import pytest

from wlz.zorgkantoor.domain.aanvraag import Aanvraag, Besluitregel, jaren_in_periode, samenvoegen
from wlz.zorgkantoor.domain.fouten import DomainError, InvalidTransition

T0 = dt.datetime(2024, 3, 1, 9, 0, tzinfo=dt.UTC)


def _aanvraag(**kw):
    a = Aanvraag(client_id="c1", situatie={"client": {"zorgprofiel": "VG5"}}, ingediend_door="u1", ingediend_op=T0)
    a.evaluatie = {
        "regelingen": {
            "ekt": {"in_aanmerking": True, "bedrag_per_jaar": 1000.0, "max_looptijd_maanden": 36},
            "meerzorg": {"in_aanmerking": False, "bedrag_per_jaar": None},
        }
    }
    return a


def test_deadline_is_eight_weeks_and_can_be_extended_once_before_it_passes():
    a = _aanvraag()
    assert a.termijn == dt.date(2024, 4, 26)
    assert not a.te_laat(dt.date(2024, 4, 26)) and a.te_laat(dt.date(2024, 4, 27))
    with pytest.raises(DomainError) as exc:
        a.verleng(dt.date(2024, 5, 30), "CCE-advies", vandaag=dt.date(2024, 4, 27))
    assert exc.value.veld == "verlengd_tot"
    a.verleng(dt.date(2024, 5, 30), "CCE-advies", vandaag=dt.date(2024, 4, 20))
    assert a.uiterste_datum == dt.date(2024, 5, 30)
    with pytest.raises(DomainError):
        a.verleng(dt.date(2024, 6, 30), "nog eens", vandaag=dt.date(2024, 4, 21))


def test_states_follow_the_process_and_refuse_shortcuts():
    a = _aanvraag()
    with pytest.raises(InvalidTransition):
        a.advies_vragen("CCE", "Is meerzorg passend?")
    a.in_behandeling_nemen("b1")
    a.advies_vragen("CCE", "Is meerzorg passend?")
    with pytest.raises(InvalidTransition):
        a.besluiten([], "x", door="b1")
    a.advies_ontvangen("Meerzorg niet nodig.")
    assert a.status == "in_behandeling"


def test_decision_outcome_follows_from_the_schemes():
    a = _aanvraag()
    a.in_behandeling_nemen("b1")
    regels = [
        Besluitregel(regeling="ekt", toegekend=True, van=dt.date(2024, 4, 1), tot=dt.date(2025, 3, 31)),
        Besluitregel(regeling="meerzorg", toegekend=False, van=None, tot=None),
    ]
    a.besluiten(regels, "Extra kosten thuis past; meerzorg niet.", door="b1", op=T0 + dt.timedelta(days=10))
    assert a.status == "besloten" and a.uitkomst == "deels_toegekend" and a.op_tijd_besloten


def test_cannot_grant_what_the_rules_say_the_client_is_not_eligible_for():
    a = _aanvraag()
    a.in_behandeling_nemen("b1")
    regels = [
        Besluitregel(regeling="ekt", toegekend=False, van=None, tot=None),
        Besluitregel(regeling="meerzorg", toegekend=True, van=dt.date(2024, 4, 1), tot=dt.date(2024, 12, 31)),
    ]
    with pytest.raises(DomainError) as exc:
        a.besluiten(regels, "m", door="b1")
    assert exc.value.veld == "meerzorg.toegekend"
    assert a.status == "in_behandeling"


def test_multi_year_grant_only_as_far_as_the_rules_allow():
    a = _aanvraag()
    a.in_behandeling_nemen("b1")
    te_lang = [
        Besluitregel(regeling="ekt", toegekend=True, van=dt.date(2024, 4, 1), tot=dt.date(2027, 4, 30)),
        Besluitregel(regeling="meerzorg", toegekend=False, van=None, tot=None),
    ]
    with pytest.raises(DomainError) as exc:
        a.besluiten(te_lang, "m", door="b1")
    assert exc.value.veld == "ekt.tot"
    drie_jaar = [
        Besluitregel(regeling="ekt", toegekend=True, van=dt.date(2024, 4, 1), tot=dt.date(2027, 3, 31)),
        Besluitregel(regeling="meerzorg", toegekend=False, van=None, tot=None),
    ]
    a.besluiten(drie_jaar, "m", door="b1")
    assert a.uitkomst == "deels_toegekend"


def test_every_evaluated_scheme_needs_a_decision_and_a_motivation():
    a = _aanvraag()
    a.in_behandeling_nemen("b1")
    ekt = Besluitregel(regeling="ekt", toegekend=False, van=None, tot=None)
    with pytest.raises(DomainError) as exc:
        a.besluiten([ekt], "m", door="b1")
    assert exc.value.veld == "meerzorg.toegekend"
    with pytest.raises(DomainError) as exc:
        a.besluiten([ekt, Besluitregel(regeling="meerzorg", toegekend=False, van=None, tot=None)], " ", door="b")
    assert exc.value.veld == "motivatie"


def test_repeat_request_records_only_what_changed():
    vorige = _aanvraag()
    nieuw = samenvoegen(vorige.situatie, {"client": {"zorgbehoefte_uren_per_week": 30}})
    assert nieuw["client"]["zorgprofiel"] == "VG5"
    herhaling = Aanvraag(client_id="c1", situatie=nieuw, ingediend_door="u1", vorige=vorige)
    assert herhaling.gewijzigde_velden == ["client.zorgbehoefte_uren_per_week"]
    assert herhaling.vorige_id == vorige.id


def test_period_split_in_calendar_years():
    assert jaren_in_periode(dt.date(2024, 7, 1), dt.date(2026, 2, 28)) == [
        (dt.date(2024, 7, 1), dt.date(2024, 12, 31)),
        (dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
        (dt.date(2026, 1, 1), dt.date(2026, 2, 28)),
    ]
