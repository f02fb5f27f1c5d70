"""The demo's iWlz messages (IO31 in, AW33 out, AW35 in, CA317 out, and their retours) all meet the XSD and the
official iWlz business rules: a chain partner would accept every one."""

from __future__ import annotations

import pytest

from wlz import iwlz
from wlz.zorgkantoor import demo

pytestmark = pytest.mark.postgres


def test_alle_berichten_van_de_demo_voldoen_aan_xsd_en_xslt(engine, uow):
    demo.vul(engine, reset=True, aantal=4, seed=7)
    with uow() as u:
        berichten = list(u.berichten.lijst(limit=1000))
    soorten = {b.soort for b in berichten}
    assert {"IO31", "IO32", "AW33", "AW35", "AW36", "CA317"} <= soorten, soorten
    for b in berichten:
        rapport = iwlz.check(b.inhoud)
        assert rapport.valid, (b.soort, [str(f) for f in rapport.findings])
        assert b.resultaat in (None, "geaccepteerd"), (b.soort, b.bevindingen)
