"""Every message wlz writes meets the XSD and the official iWlz business rules (the XSLT set): 0 ``Fout``.

A property test over random episodes (:func:`wlz.iwlz.voorbeelden.random_keten`: any client, relations and
contacts, every zorgprofiel, functions with their klassen, every leveringsvorm, toewijzingen with and without an
end, start of care, every mutation code, requests, what goes to the CAK). Each message is built (the builders
refuse a Fout themselves) and checked again, independently, with :func:`wlz.iwlz.check`.

How many: 100 episodes by default (about 580 messages, a few seconds) for a quick local run; the CI command
(``scripts/test.sh``) sets ``WLZ_IWLZ_VOORBEELDEN=4000``: at least 1,000 messages of every kind (about
23,000 messages, some 2 minutes). ``benchmarks/iwlz_benchmark.py`` prints the counts per kind.
"""

from __future__ import annotations

import os
import random
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wlz import iwlz
from wlz.iwlz.voorbeelden import random_keten

from .test_iwlz_golden import GOLDEN, voorbeelden

VOORBEELDEN = int(os.environ.get("WLZ_IWLZ_VOORBEELDEN", "100"))
SOORTEN = ("io31", "aw33", "aw35", "ca317", "aw39", "ca319")
GETELD: Counter[str] = Counter()


@settings(max_examples=VOORBEELDEN, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=2**64))
def test_elk_geschreven_bericht_voldoet_aan_xsd_en_xslt(seed: int):
    # a seed, not st.randoms(): an episode takes some hundred draws, which Hypothesis would record one by one
    k = random_keten(random.Random(seed))
    for soort in SOORTEN:
        bericht = getattr(k, soort)
        if bericht is None:  # nothing for the CAK in this episode
            continue
        xml = iwlz.build_message(bericht)
        rapport = iwlz.check(xml)
        assert rapport.findings == (), [str(f) for f in rapport.findings]
        GETELD[soort] += 1


def test_de_willekeurige_episodes_raken_elke_soort_en_elke_code():
    """The generator reaches every kind and every leveringsvorm and mutation code (so the property test above
    covers those code paths), and every zorgprofiel over enough episodes."""
    from wlz.reference import by_cod163

    vormen, codes_, profielen, soorten = set(), set(), set(), Counter()
    for seed in range(400):
        k = random_keten(random.Random(seed))
        soorten.update(s for s in SOORTEN if getattr(k, s) is not None)
        vormen.update(z.leveringsvorm for z in k.aw33.clienten[0].toegewezen_zzps)
        codes_.update(m.mutatiecode for m in k.aw39.clienten[0].mutatie_zzps)
        profielen.add(k.io31.clienten[0].indicatie.zorgzwaartepakketten[0].zzp_code)
    assert set(soorten) == set(SOORTEN)
    assert vormen == {iwlz.Leveringsvorm(c) for c in ("2", "4", "5", "7", "8")}
    assert codes_ == set(iwlz.MutatieCode)
    assert profielen == set(by_cod163())


def test_vastgelegde_voorbeelden_en_ketens_voldoen():
    """The recorded goldens and the example chains (all leveringsvormen) carry no XSLT finding."""
    for pad in sorted(GOLDEN.glob("*.xml")):
        assert iwlz.check(pad.read_bytes()).findings == (), pad.name
    for naam, bericht in voorbeelden().items():
        assert iwlz.check(iwlz.build_message(bericht)).valid, naam
