"""Which fields of a zorgeenheid a leveringsvorm requires or forbids: the one table every message follows.

Why one table: the iWlz condities make a field of a toegewezen, geleverd or aangevraagd zorgzwaartepakket
depend on its ``Leveringsvorm`` (COD578), always in the same form — "als Leveringsvorm de waarde 4 (Verblijf)
of 5 (VPT) heeft, dan verplicht vullen, anders leeglaten" (CD051). Each rule below is such a pair: the field
must be filled for the leveringsvormen listed and left empty for every other one. The builders check a record
against it (:func:`check`) and the code that composes a message (``casefile``, ``voorbeelden``,
``ca317_from_aw35``, the service) asks it which of the values it has belong in the message (:func:`fields`),
so no message decides this on its own.

Source: the conditie stylesheets of the official XSLT set (``$WLZ_SHARED/iwlz/xslt-validatie/wlz/2_2/
condities/CDnnn.xsl``, iWlz 2.2, XSLT v2.1.4) — CD040, CD050, CD051, CD052, CD072, CD073, CD074, CD091 (and
CD071, which adds a date) — with their texts in ``common/basis.xsl``; the leveringsvormen are COD578
(:class:`wlz.iwlz.codes.Leveringsvorm`), the choices of a case file come from ``wlz.reference``.
``tests/iwlz/test_iwlz_conformiteit.py`` runs the XSLT set on messages over every leveringsvorm, so a
difference between this table and the stylesheets fails a test.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from wlz.iwlz.codec import Checks
from wlz.iwlz.codes import Leveringsvorm
from wlz.iwlz.validation import rule_text

V = Leveringsvorm
_ALLE = frozenset(V)


@dataclass(frozen=True)
class Veldregel:
    """``veld`` of ``element`` is required for the leveringsvormen in ``vormen`` and forbidden for the others.

    ``tot_en_met``/``datumveld``: the requirement only holds while the record's ``datumveld`` is on or before
    that date (CD071: a klasse in the CA317 only for care that started up to 31-12-2019).
    """

    regel: str
    element: str
    veld: str
    vormen: frozenset[Leveringsvorm]
    tot_en_met: dt.date | None = None
    datumveld: str | None = None

    def required(self, vorm: Leveringsvorm, record: object | None = None, datum: dt.date | None = None) -> bool:
        if vorm not in self.vormen:
            return False
        if self.tot_en_met is None:
            return True
        if datum is None and record is not None and self.datumveld:
            datum = getattr(record, self.datumveld, None)
        return datum is not None and datum <= self.tot_en_met


#: element (the XML class) → its rules; ``veld`` is the case-data field name (``wlz.iwlz.model``)
REGELS: tuple[Veldregel, ...] = (
    # AW33 ToegewezenZorgzwaartepakket
    Veldregel("CD040", "ToegewezenZorgzwaartepakket", "instelling", _ALLE - {V.PGB}),
    Veldregel("CD040", "ToegewezenZorgzwaartepakket", "percentage", _ALLE - {V.PGB}),
    Veldregel("CD050", "ToegewezenZorgzwaartepakket", "coordinator_zorg_thuis", frozenset({V.MPT})),
    Veldregel("CD051", "ToegewezenZorgzwaartepakket", "klasse", frozenset({V.VERBLIJF, V.VPT})),
    Veldregel("CD052", "ToegewezenZorgzwaartepakket", "opname", frozenset({V.VERBLIJF, V.DTV})),
    Veldregel("CD072", "ToegewezenZorgzwaartepakket", "etmalen", frozenset({V.DTV})),
    Veldregel("CD073", "ToegewezenZorgzwaartepakket", "dossierhouder", frozenset({V.VERBLIJF, V.VPT, V.DTV, V.VKB})),
    # AW35 GeleverdZorgzwaartepakket
    Veldregel("CD051", "GeleverdZorgzwaartepakket", "klasse", frozenset({V.VERBLIJF, V.VPT})),
    Veldregel("CD072", "GeleverdZorgzwaartepakket", "etmalen", frozenset({V.DTV})),
    # AW39 Aanvraag and its AanvraagInstelling (the leveringsvorm is the Aanvraag's)
    Veldregel("CD050", "Aanvraag", "coordinator_zorg_thuis", frozenset({V.MPT})),
    Veldregel("CD051", "Aanvraag", "klasse", frozenset({V.VERBLIJF, V.VPT})),
    Veldregel("CD072", "Aanvraag", "etmalen", frozenset({V.DTV})),
    Veldregel("CD073", "Aanvraag", "dossierhouder", frozenset({V.VERBLIJF, V.VPT, V.DTV, V.VKB})),
    Veldregel("CD074", "Aanvraag", "doelmatig", frozenset({V.MPT, V.DTV})),
    Veldregel("CD074", "Aanvraag", "verantwoord", frozenset({V.MPT, V.DTV})),
    Veldregel("CD040", "AanvraagInstelling", "percentage", _ALLE - {V.PGB}),
    Veldregel("CD052", "AanvraagInstelling", "opname", frozenset({V.VERBLIJF, V.DTV})),
    # CA317 GeleverdeZorg (CD073 and CD091 say the same of Instelling)
    Veldregel("CD073", "GeleverdeZorg", "instelling", frozenset({V.VERBLIJF, V.VPT, V.DTV, V.VKB})),
    Veldregel("CD072", "GeleverdeZorg", "etmalen", frozenset({V.DTV})),
    Veldregel(
        "CD071",
        "GeleverdeZorg",
        "klasse",
        frozenset({V.VERBLIJF, V.VPT}),
        tot_en_met=dt.date(2019, 12, 31),
        datumveld="startdatum",
    ),
)


def rules_for(element: str) -> tuple[Veldregel, ...]:
    return tuple(r for r in REGELS if r.element == element)


def required(element: str, veld: str, vorm: Leveringsvorm, datum: dt.date | None = None) -> bool:
    """Whether ``veld`` of ``element`` must be filled for ``vorm`` (and so left empty when this is False)."""
    return any(r.required(vorm, datum=datum) for r in rules_for(element) if r.veld == veld)


def fields(element: str, vorm: Leveringsvorm, datum: dt.date | None = None, **waarden: Any) -> dict[str, Any]:
    """The values of ``waarden`` that belong in ``element`` for ``vorm``: a field the table governs keeps its
    value where required and becomes ``None`` where forbidden; other fields pass unchanged.

    A composer passes every value it knows (``instelling=agb, klasse="KE7", opname=True, ...``) and gets the
    keyword arguments for the record; a required field it has no value for stays ``None`` and the builder names
    it (:func:`check`).
    """
    geregeld = {r.veld for r in rules_for(element)}
    return {
        veld: (waarde if veld not in geregeld or required(element, veld, vorm, datum) else None)
        for veld, waarde in waarden.items()
    }


def check(element: str, record: object, vorm: Leveringsvorm, veldpad: str, checks: Checks) -> None:
    """Report every field of ``record`` that the table requires but is empty, or forbids but is filled."""
    for r in rules_for(element):
        if not hasattr(record, r.veld):
            continue
        gevuld = getattr(record, r.veld) is not None
        moet = r.required(vorm, record)
        if gevuld != moet:
            wat = "verplicht" if moet else "niet toegestaan"
            vorm_tekst = f"leveringsvorm {vorm.value} ({vorm.omschrijving})"
            melding = f"{r.regel}: {r.veld} is bij {vorm_tekst} {wat} — {rule_text(r.regel)}"
            checks.rule(f"{veldpad}.{r.veld}", melding)
