"""Decision support: for every indiceerbaar zorgprofiel a recorded assessment that ranks it first; cases that
fit no profile; VG7 only with gedragsproblematiek; no ladder (VV5 -> VV7); no access without the criterion."""

import pytest

from wlz import reference
from wlz.ciz.domain.beoordeling import Beoordeling, Kenmerk
from wlz.ciz.domain.beslisondersteuning import PROFIELEN, SECTOR_GRONDSLAGEN, adviseer

GRONDSLAG = {"vv": "01", "vg": "05", "lvg": "05", "sglvg": "05", "lg": "04", "zgvis": "06", "zgaud": "06"}


def beoordeling_voor(code: str) -> Beoordeling:
    p = next(p for p in PROFIELEN if p.code == code)
    sector = reference.zorgprofielen()[code].sector
    grondslag = "02" if code == "VV5" else GRONDSLAG.get(sector, "03")
    kenmerken = {k.value for k in p.vereist}
    if Kenmerk.LICHT_VERSTANDELIJK in p.vereist:
        kenmerken.add(Kenmerk.GEDRAGSPROBLEMATIEK.value)  # Wlz art. 3.2.1 lid 3
    return Beoordeling(
        grondslagen=(grondslag,),
        zorg_24_uur_nabijheid=True,
        behoefte={f.value: n for f, n in p.niveaus.items()},
        kenmerken=frozenset(kenmerken),
    )


@pytest.mark.parametrize("code", [p.code for p in PROFIELEN])
def test_each_profile_ranks_first_for_its_own_assessment(code):
    uitkomst = adviseer(beoordeling_voor(code))
    assert uitkomst.toegang.toegang
    assert uitkomst.beste is not None and uitkomst.beste.code == code, [a.code for a in uitkomst.passend[:3]]
    assert uitkomst.beste.afstand == 0 and uitkomst.beste.redenen


def test_every_indiceerbaar_profile_of_the_reference_is_covered():
    indiceerbaar = {
        z.code
        for z in reference.zorgprofielen().values()
        if not z.alleen_overgangsrecht and not z.buiten_wlz and z.sector in SECTOR_GRONDSLAGEN
    }
    assert indiceerbaar - {p.code for p in PROFIELEN} == {"VV9"}  # the older COD163 code of VV9B


def test_zevmb_fits_no_profile():
    # zeer ernstig verstandelijk en meervoudig beperkt: every function at the highest level
    b = Beoordeling(
        grondslagen=("05", "04"),
        permanent_toezicht=True,
        behoefte={"begeleiding": 4, "verzorging": 4, "verpleging": 4, "gedragsregulering": 4, "behandeling": 4},
    )
    u = adviseer(b)
    assert u.toegang.toegang and u.past_in_geen_profiel and u.beste is None
    assert any("te weinig" in r for r in u.niet_passend[0].redenen)


def test_a_psychosocial_ground_alone_opens_no_sector():
    u = adviseer(Beoordeling(grondslagen=("07",), permanent_toezicht=True, behoefte={"begeleiding": 3}))
    assert not u.toegang.toegang and not u.passend


def test_vg7_only_with_gedragsproblematiek():
    need = {"begeleiding": 4, "verzorging": 2, "gedragsregulering": 4}
    zonder = adviseer(Beoordeling(grondslagen=("05",), permanent_toezicht=True, behoefte=need))
    assert "VG7" not in [a.code for a in zonder.passend]
    vg7 = next(a for a in zonder.niet_passend if a.code == "VG7")
    assert any("gedragsproblematiek" in r for r in vg7.redenen)
    met = adviseer(
        Beoordeling(
            grondslagen=("05",), permanent_toezicht=True, behoefte=need, kenmerken=frozenset({"gedragsproblematiek"})
        )
    )
    assert met.beste is not None and met.beste.code == "VG7"


def test_profiles_are_not_a_ladder_vv5_client_may_go_straight_to_vv7():
    b = Beoordeling(
        grondslagen=("02",),
        zorg_24_uur_nabijheid=True,
        behoefte={"begeleiding": 4, "verzorging": 3, "verpleging": 2},
        kenmerken=frozenset({"specifieke_aandoening", "dementie"}),
    )
    codes = [a.code for a in adviseer(b).passend]
    assert codes[0] == "VV7" and "VV6" not in codes[:1]


def test_no_access_without_a_lasting_need_of_supervision():
    b = beoordeling_voor("VG5")
    u = adviseer(Beoordeling(grondslagen=b.grondslagen, behoefte=b.behoefte))
    assert not u.toegang.toegang and not u.passend and not u.past_in_geen_profiel
    assert "permanent toezicht" in u.toegang.reden
    tijdelijk = adviseer(Beoordeling(grondslagen=("05",), blijvend=False, permanent_toezicht=True, behoefte=b.behoefte))
    assert not tijdelijk.toegang.toegang and "niet blijvend" in tijdelijk.toegang.reden
    # Wlz art. 3.2.1 lid 3: LVG with behaviour problems, also temporary
    lvg = beoordeling_voor("LVG2")
    assert adviseer(Beoordeling(**{**lvg.__dict__, "blijvend": False})).toegang.artikel == "Wlz art. 3.2.1 lid 3"
