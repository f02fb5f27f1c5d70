"""The CIZ decision (``Indicatie``) as IO31 carries it and AW33 repeats it.

IO31 and AW33 each declare their own ``Indicatie`` type, with small differences: ``Meerzorg`` and
``InstellingVoorkeur`` exist only in IO31; AW33 adds ``ToegewezenFuncties`` and
``ToegewezenZorgzwaartepakketten``, which its builder passes in ``toewijzingen``.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

from wlz.iwlz import codes
from wlz.iwlz.bindings import basisschema as xsd
from wlz.iwlz.codec import (
    Checks,
    code_value,
    from_date,
    from_date_opt,
    from_janee,
    to_code,
    to_code_opt,
    to_date,
    to_date_opt,
    to_janee_opt,
)
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


def _stoornissen(msg: ModuleType, ind: Indicatiebesluit) -> Any:
    if not ind.stoornissen:
        return None
    return msg.Stoornissen(
        stoornis=[
            msg.Stoornis(
                grondslag=to_code(xsd.LdtGrondslag, s.grondslag),
                diagnose_codelijst=to_code(xsd.LdtDiagnoseCodelijst, s.diagnose_codelijst),
                diagnose_subcodelijst=to_code_opt(xsd.LdtDiagnoseSubcodelijst, s.diagnose_subcodelijst),
                ziektebeeld_stoornis=s.ziektebeeld_stoornis,
                prognose=to_code_opt(xsd.LdtPrognose, s.prognose),
                commentaar=s.commentaar,
            )
            for s in ind.stoornissen
        ]
    )


def _beperkingen(msg: ModuleType, ind: Indicatiebesluit) -> Any:
    if not ind.beperkingen:
        return None
    return msg.Beperkingen(
        beperking=[
            msg.Beperking(
                categorie=to_code(xsd.LdtBeperkingCategorie, b.categorie),
                duur=to_code_opt(xsd.LdtDuur, b.duur),
                commentaar=b.commentaar,
                beperking_scores=msg.BeperkingScores(
                    beperking_score=[
                        msg.BeperkingScore(
                            vraag=to_code(xsd.LdtBeperkingVraag, s.vraag),
                            score=to_code(xsd.LdtBeperkingScore, s.score),
                            commentaar=s.commentaar,
                        )
                        for s in b.scores
                    ]
                )
                if b.scores
                else None,
            )
            for b in ind.beperkingen
        ]
    )


def _functies(msg: ModuleType, ind: Indicatiebesluit, veldpad: str, checks: Checks, io31: bool) -> Any:
    if not ind.functies:
        return None
    uit = []
    for n, f in enumerate(ind.functies):
        checks.period(f"{veldpad}.functies[{n}].einddatum", f.ingangsdatum, f.einddatum)
        voorkeur = {"instelling_voorkeur": f.instelling_voorkeur} if io31 else {}
        uit.append(
            msg.GeindiceerdeFunctie(
                functie_code=to_code(xsd.LdtFunctieCode, f.functiecode),
                ingangsdatum=to_date(f.ingangsdatum),
                einddatum=to_date_opt(f.einddatum),
                klasse=to_code(xsd.LdtKlasse, f.klasse),
                opslag=f.opslag,
                leveringsvoorwaarde=to_code(xsd.LdtLeveringsvoorwaarde, f.leveringsvoorwaarde),
                vervoer=to_code_opt(xsd.LdtVervoer, f.vervoer),
                financiering=to_code(xsd.LdtFinanciering, f.financiering),
                commentaar=f.commentaar,
                **voorkeur,
            )
        )
    return msg.GeindiceerdeFuncties(geindiceerde_functie=uit)


def _stoornis_scores(msg: ModuleType, ind: Indicatiebesluit) -> Any:
    if not ind.stoornis_scores:
        return None
    return msg.StoornisScores(
        stoornis_score=[
            msg.StoornisScore(
                vraag=to_code(xsd.LdtStoornisVraag, s.vraag),
                score=to_code(xsd.LdtStoornisScore, s.score),
                commentaar=s.commentaar,
            )
            for s in ind.stoornis_scores
        ]
    )


def _zzps(msg: ModuleType, ind: Indicatiebesluit, veldpad: str, checks: Checks, io31: bool) -> Any:
    if not ind.zorgzwaartepakketten:
        return None
    uit = []
    for n, z in enumerate(ind.zorgzwaartepakketten):
        checks.period(f"{veldpad}.zorgzwaartepakketten[{n}].einddatum", z.ingangsdatum, z.einddatum)
        voorkeur = {"instelling_voorkeur": z.instelling_voorkeur} if io31 else {}
        uit.append(
            msg.GeindiceerdZorgzwaartepakket(
                zzp_code=to_code(xsd.LdtZzpCode, z.zzp_code),
                ingangsdatum=to_date(z.ingangsdatum),
                einddatum=to_date_opt(z.einddatum),
                klasse=to_code(xsd.LdtKlasse, z.klasse),
                voorkeur_client=to_code_opt(xsd.LdtVoorkeurClient, z.voorkeur_client),
                financiering=to_code(xsd.LdtFinanciering, z.financiering),
                commentaar=z.commentaar,
                **voorkeur,
            )
        )
    return msg.GeindiceerdeZorgzwaartepakketten(geindiceerd_zorgzwaartepakket=uit)


def build_indicatie(
    msg: ModuleType, ind: Indicatiebesluit, veldpad: str, checks: Checks, *, io31: bool, **toewijzingen: Any
) -> Any:
    """The message's ``Indicatie``; ``io31`` selects ``Meerzorg``/``InstellingVoorkeur``, AW33 adds ``toewijzingen``."""
    grondslagen = _grondslagen(ind, veldpad, checks)
    checks.period(f"{veldpad}.einddatum", ind.ingangsdatum, ind.einddatum)
    meerzorg = {"meerzorg": to_janee_opt(ind.meerzorg)} if io31 else {}
    return msg.Indicatie(
        besluitnummer=ind.besluitnummer,
        soort=to_code(xsd.LdtSoortIndicatie, ind.soort),
        grondslagen=grondslagen,
        afgiftedatum=to_date(ind.afgiftedatum),
        ingangsdatum=to_date(ind.ingangsdatum),
        einddatum=to_date_opt(ind.einddatum),
        commentaar=ind.commentaar,
        stoornissen=_stoornissen(msg, ind),
        beperkingen=_beperkingen(msg, ind),
        geindiceerde_functies=_functies(msg, ind, veldpad, checks, io31),
        stoornis_scores=_stoornis_scores(msg, ind),
        geindiceerde_zorgzwaartepakketten=_zzps(msg, ind, veldpad, checks, io31),
        **meerzorg,
        **toewijzingen,
    )


# ------------------------------------------------------------------------------------------- reading


def _items(groep: Any, naam: str) -> list[Any]:
    """The items of an optional wrapper element (``Stoornissen/Stoornis``), empty when it is absent."""
    return [] if groep is None else list(getattr(groep, naam))


def read_indicatie(i: Any) -> Indicatiebesluit:
    g: xsd.CdtGrondslagen | None = i.grondslagen
    grondslagen = () if g is None else tuple(codes.Grondslag(x.value) for x in (g.grondslag01, g.grondslag02) if x)
    return Indicatiebesluit(
        besluitnummer=i.besluitnummer,
        afgiftedatum=from_date(i.afgiftedatum),
        ingangsdatum=from_date(i.ingangsdatum),
        einddatum=from_date_opt(i.einddatum),
        grondslagen=grondslagen,
        zorgzwaartepakketten=tuple(
            GeindiceerdZzp(
                zzp_code=z.zzp_code.value,
                ingangsdatum=from_date(z.ingangsdatum),
                einddatum=from_date_opt(z.einddatum),
                klasse=z.klasse.value,
                voorkeur_client=None if z.voorkeur_client is None else codes.VoorkeurClient(z.voorkeur_client.value),
                instelling_voorkeur=getattr(z, "instelling_voorkeur", None),
                financiering=codes.Financiering(z.financiering.value),
                commentaar=z.commentaar,
            )
            for z in _items(i.geindiceerde_zorgzwaartepakketten, "geindiceerd_zorgzwaartepakket")
        ),
        functies=tuple(
            GeindiceerdeFunctie(
                functiecode=codes.FunctieCode(f.functie_code.value),
                ingangsdatum=from_date(f.ingangsdatum),
                klasse=f.klasse.value,
                leveringsvoorwaarde=codes.Leveringsvoorwaarde(f.leveringsvoorwaarde.value),
                einddatum=from_date_opt(f.einddatum),
                opslag=f.opslag,
                vervoer=None if f.vervoer is None else codes.Vervoer(f.vervoer.value),
                instelling_voorkeur=getattr(f, "instelling_voorkeur", None),
                financiering=codes.Financiering(f.financiering.value),
                commentaar=f.commentaar,
            )
            for f in _items(i.geindiceerde_functies, "geindiceerde_functie")
        ),
        soort=codes.SoortIndicatie(i.soort.value),
        meerzorg=from_janee(getattr(i, "meerzorg", None)),
        commentaar=i.commentaar,
        stoornissen=tuple(
            Stoornis(
                grondslag=codes.Grondslag(s.grondslag.value),
                diagnose_codelijst=s.diagnose_codelijst.value,
                ziektebeeld_stoornis=s.ziektebeeld_stoornis,
                diagnose_subcodelijst=code_value(s.diagnose_subcodelijst),
                prognose=code_value(s.prognose),
                commentaar=s.commentaar,
            )
            for s in _items(i.stoornissen, "stoornis")
        ),
        beperkingen=tuple(
            Beperking(
                categorie=b.categorie.value,
                duur=code_value(b.duur),
                commentaar=b.commentaar,
                scores=tuple(
                    BeperkingScore(s.vraag.value, s.score.value, s.commentaar)
                    for s in _items(b.beperking_scores, "beperking_score")
                ),
            )
            for b in _items(i.beperkingen, "beperking")
        ),
        stoornis_scores=tuple(
            StoornisScore(s.vraag.value, s.score.value, s.commentaar)
            for s in _items(i.stoornis_scores, "stoornis_score")
        ),
    )
