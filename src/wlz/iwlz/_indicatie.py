"""The CIZ decision (``Indicatie``) as IO31 carries it and AW33 repeats it.

IO31 and AW33 each declare their own ``Indicatie`` type, with small differences: ``Meerzorg`` and
``InstellingVoorkeur`` exist only in IO31 (the record mapping fills a field only where the message's binding has
it); AW33 adds ``ToegewezenFuncties`` and ``ToegewezenZorgzwaartepakketten``, which its builder sets.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

from wlz.iwlz import codes
from wlz.iwlz.bindings import basisschema as xsd
from wlz.iwlz.codec import Checks, from_binding, to_binding, to_code
from wlz.iwlz.model import (
    Beperking,
    BeperkingScore,
    GeindiceerdeFunctie,
    GeindiceerdZzp,
    Indicatiebesluit,
    Stoornis,
    StoornisScore,
)


def _grondslagen(ind: Indicatiebesluit, veldpad: str, checks: Checks) -> xsd.CdtGrondslagen | None:
    if len(ind.grondslagen) > 2:
        checks.problem(f"{veldpad}.grondslagen", "hoogstens 2 grondslagen")
    if not ind.grondslagen:
        return None
    eerste, *rest = ind.grondslagen[:2]
    return xsd.CdtGrondslagen(
        grondslag01=to_code(xsd.LdtGrondslag, eerste),
        grondslag02=to_code(xsd.LdtGrondslag, rest[0]) if rest else None,
    )


def _beperking(msg: ModuleType, b: Beperking) -> Any:
    scores = [to_binding(s, msg.BeperkingScore) for s in b.scores]
    return to_binding(
        b, msg.Beperking, beperking_scores=msg.BeperkingScores(beperking_score=scores) if scores else None
    )


def _group(items: list[Any], group: Any, name: str) -> Any:
    """A wrapper element (``Stoornissen`` around ``Stoornis``), absent when it would be empty."""
    return group(**{name: items}) if items else None


def build_indicatie(msg: ModuleType, ind: Indicatiebesluit, veldpad: str, checks: Checks) -> Any:
    """The message's ``Indicatie`` up to and including the indicated zzps; AW33 adds its toewijzingen after."""
    grondslagen = _grondslagen(ind, veldpad, checks)
    checks.period(f"{veldpad}.einddatum", ind.ingangsdatum, ind.einddatum)
    for n, f in enumerate(ind.functies):
        checks.period(f"{veldpad}.functies[{n}].einddatum", f.ingangsdatum, f.einddatum)
    for n, z in enumerate(ind.zorgzwaartepakketten):
        checks.period(f"{veldpad}.zorgzwaartepakketten[{n}].einddatum", z.ingangsdatum, z.einddatum)
    return to_binding(
        ind,
        msg.Indicatie,
        grondslagen=grondslagen,
        stoornissen=_group([to_binding(s, msg.Stoornis) for s in ind.stoornissen], msg.Stoornissen, "stoornis"),
        beperkingen=_group([_beperking(msg, b) for b in ind.beperkingen], msg.Beperkingen, "beperking"),
        geindiceerde_functies=_group(
            [to_binding(f, msg.GeindiceerdeFunctie) for f in ind.functies],
            msg.GeindiceerdeFuncties,
            "geindiceerde_functie",
        ),
        stoornis_scores=_group(
            [to_binding(s, msg.StoornisScore) for s in ind.stoornis_scores], msg.StoornisScores, "stoornis_score"
        ),
        geindiceerde_zorgzwaartepakketten=_group(
            [to_binding(z, msg.GeindiceerdZorgzwaartepakket) for z in ind.zorgzwaartepakketten],
            msg.GeindiceerdeZorgzwaartepakketten,
            "geindiceerd_zorgzwaartepakket",
        ),
    )


# ------------------------------------------------------------------------------------------- reading


def _items(group: Any, name: str) -> list[Any]:
    """The items of an optional wrapper element (``Stoornissen/Stoornis``), empty when it is absent."""
    return [] if group is None else list(getattr(group, name))


def read_indicatie(i: Any) -> Indicatiebesluit:
    g: xsd.CdtGrondslagen | None = i.grondslagen
    grondslagen = () if g is None else tuple(codes.Grondslag(x.value) for x in (g.grondslag01, g.grondslag02) if x)
    beperkingen = tuple(
        from_binding(
            b,
            Beperking,
            scores=tuple(from_binding(s, BeperkingScore) for s in _items(b.beperking_scores, "beperking_score")),
        )
        for b in _items(i.beperkingen, "beperking")
    )
    return from_binding(
        i,
        Indicatiebesluit,
        grondslagen=grondslagen,
        zorgzwaartepakketten=tuple(
            from_binding(z, GeindiceerdZzp)
            for z in _items(i.geindiceerde_zorgzwaartepakketten, "geindiceerd_zorgzwaartepakket")
        ),
        functies=tuple(
            from_binding(f, GeindiceerdeFunctie) for f in _items(i.geindiceerde_functies, "geindiceerde_functie")
        ),
        stoornissen=tuple(from_binding(s, Stoornis) for s in _items(i.stoornissen, "stoornis")),
        beperkingen=beperkingen,
        stoornis_scores=tuple(from_binding(s, StoornisScore) for s in _items(i.stoornis_scores, "stoornis_score")),
    )
