"""The dashboard's figures against a hand count on a small generated set, and the demo near the seed figures."""

from __future__ import annotations

import datetime as dt

from wlz.ciz.domain.dashboard import BesluitRegel, bereken

D = dt.date


def regel(ontvangen, besluit, uitkomst="toegekend", profiel="VV5", geen=False, sector="vv", gevraagd=None):
    from wlz.ciz.domain.termijn import beslistermijn

    uiterlijk = beslistermijn(ontvangen).uiterlijk
    return BesluitRegel(ontvangen, besluit, uiterlijk, uitkomst, profiel, geen, sector, gevraagd)


def test_hand_count():
    regels = [
        regel(D(2017, 12, 1), D(2018, 1, 2)),  # week 1, 32 days: on time
        regel(D(2017, 11, 1), D(2018, 1, 3)),  # week 1, 63 days: late
        regel(D(2018, 1, 2), D(2018, 2, 13), "afgewezen", None, sector="lg", gevraagd="LG5"),  # week 7, 42 days
        regel(D(2018, 1, 8), D(2018, 2, 20), profiel="VG8", geen=True, sector="vg"),  # week 8, 43 days: late
        regel(D(2018, 2, 1), D(2018, 3, 1), profiel="LG6", sector="lg", gevraagd="LG5"),  # week 9: on time
        regel(D(2018, 2, 1), D(2018, 3, 6)),  # week 10: outside the period
        regel(D(2017, 12, 1), D(2017, 12, 20)),  # 2017: outside
    ]
    d = bereken(regels, 2018, 9)
    assert (d.besluiten, d.op_tijd) == (5, 3) and abs(d.aandeel_op_tijd - 0.6) < 1e-12 and not d.boven_norm
    assert [w.besluiten for w in d.weken if w.besluiten] == [2, 1, 1, 1]
    assert (
        d.weken[0].aandeel_cumulatief == 0.5
        and d.weken[6].cumulatief_op_tijd == 2
        and d.weken[8].cumulatief_besluiten == 5
    )
    assert d.afgewezen == 1 and d.afwijzing_per_sector == {"lg": (1, 2), "vg": (0, 1), "vv": (0, 2)}
    assert d.afwijzing_per_profiel == {"LG5": (1, 2)}
    assert d.geen_profiel == 1 and d.doorlooptijden == {
        "0-14 dagen": 0,
        "15-42 dagen": 3,
        "43-56 dagen": 1,
        "meer dan 56 dagen": 1,
    }


def test_early_january_days_of_the_previous_iso_year_count_in_week_1():
    # 1 January 2021 is in ISO week 53 of 2020
    d = bereken([regel(D(2020, 12, 1), D(2021, 1, 1))], 2021, 1)
    assert d.besluiten == 1 and d.weken[0].besluiten == 1


def test_demo_year_comes_out_near_the_seed_figures(tmp_path):
    from wlz.ciz import demo
    from wlz.ciz.services.aanvragen import besluitregels
    from wlz.ciz.storage import migrate
    from wlz.ciz.storage.uow import UnitOfWorkFactory
    from wlz.platform.database import make_engine

    engine = make_engine(f"sqlite:///{tmp_path / 'ciz.sqlite'}")
    migrate.upgrade(engine)
    uowf = UnitOfWorkFactory(engine)
    s = demo.vul(uowf, jaar=2018, aantal=1500, seed=2018, accounts=False)
    with uowf() as uow:
        d = bereken(besluitregels(list(uow.aanvragen.besloten())), 2018, 52)
    # seed 003: 96% on time (p2 r.44-50), 10% refused (p4 r.186-189), ~3% fit no profile (p2 r.84-87)
    assert 0.94 <= d.aandeel_op_tijd <= 0.98
    assert 0.07 <= d.aandeel_afgewezen <= 0.13
    assert 0.015 <= d.aandeel_geen_profiel <= 0.045
    assert s.besloten >= d.besluiten > 1400
    # seed 003 p2 r.56-66: 92% correct in the sample
    assert s.getoetst > 500 and 0.89 <= s.juist / s.getoetst <= 0.95
    # the early-year peak: more requests decided in weeks 5-10 than in weeks 30-35 (voorbeeld factor 2)
    assert sum(w.besluiten for w in d.weken[4:10]) > sum(w.besluiten for w in d.weken[29:35])
    # requests name a profile (every provider, half of the others): the refusals per profile asked for, LG5/LG6
    # near the seed's 5% (seed 003 p4 r.186-189), the rest near 10%
    genoemd = sum(t for _, t in d.afwijzing_per_profiel.values())
    assert 0.55 * d.besluiten <= genoemd <= 0.8 * d.besluiten
    lg56 = [d.afwijzing_per_profiel[p] for p in ("LG5", "LG6")]
    # the dashboard counts up to week 52 of 2018; the demo's own count also the decisions dated in 2019
    af, tot = sum(a for a, _ in lg56), sum(t for _, t in lg56)
    assert af <= s.lg56_afgewezen and s.lg56_besloten - 5 <= tot <= s.lg56_besloten
    assert tot >= 30 and 0.0 < af / tot <= 0.10
    overig = [v for k, v in d.afwijzing_per_profiel.items() if k not in ("LG5", "LG6")]
    assert 0.07 <= sum(a for a, _ in overig) / sum(t for _, t in overig) <= 0.13
    assert set(d.afwijzing_per_sector) == {"ggz", "lg", "vg", "vv", "zg"}


def test_the_other_refusal_chance_keeps_the_whole_at_ten_percent():
    from wlz.ciz.demo import kans_afgewezen_overig

    codes = ["LG5", "LG6"] + [f"X{i}" for i in range(43)]
    k = kans_afgewezen_overig(codes)
    assert abs(2 / 45 * 0.05 + 43 / 45 * k - 0.10) < 1e-12 and 0.102 < k < 0.103
