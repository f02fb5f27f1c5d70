"""Reports of the zorginkoop ("Reports"; seed 001 p8 r.730-760, seed 003 p10 r.515-540): per region and
year the clients per provider, the share choosing each provider and the money following that choice; active
contracts per form; clients waiting for admission with overbruggingszorg (from the existing intake); and the
zorgplicht check: rare-care kinds (seed 001 p5 r.356-364) or regions with no contracted provider.

Where the figures come from, so a reader can check them:
- clients, share and money: the ACCEPTED declaration lines of the year (``declaratie_regels``), grouped by the region
  of the contract that covered each line. A client counts once per provider and region; the share is the provider's
  clients over all clients with accepted lines in that region (a client with two providers counts for both, so the
  shares of a region can add up to more than 100%).
- contracts per form: ``actief`` contracts running on some day of the year.
- waiting: granted overbruggingszorg (``besluitregels``, regeling ``overbruggingszorg``) whose period touches the year,
  with the intake's ``wacht_op_opname_sinds``; a client counts as admitted from the first start of care with
  ``verblijf`` (a zorgtoewijzing's ``aanvang_zorg``); per region of the client (``client_regios``: the region of the
  client's latest choice through the zorginkoop, else this zorgkantoor's own). No waiting-list figure is published
  by the seeds (seed-eisen B12): this is the zorgkantoor's own register, not a public statistic.
- zorgplicht: on a day (default: today), every known region (of contracts, inkoopkaders, provider locations) without
  any active contract, and per region every rare-care kind (``domain.inkoop.ZORGSOORTEN_MEERJARIG``) without an
  active ``meerjarig`` contract for it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from ..domain.fouten import DomainError
from ..storage.declaratie_repository import Declaraties
from .actor import Actor
from .declaraties import DOEL, vereis
from .toegang import log

if TYPE_CHECKING:
    from ..storage.uow import UnitOfWork


@dataclass(frozen=True)
class AanbiederInRegio:
    agb_code: str
    naam: str
    clienten: int
    aandeel_procent: float
    bedrag_cent: int


@dataclass(frozen=True)
class RegioRapport:
    regio: str
    regio_naam: str
    clienten: int
    bedrag_cent: int
    aanbieders: list[AanbiederInRegio]
    contracten_per_vorm: dict[str, int]


@dataclass(frozen=True)
class Wachtende:
    client_id: str
    wacht_sinds: str | None
    overbrugging_van: dt.date | None
    overbrugging_tot: dt.date | None
    opgenomen_op: dt.date | None
    #: the client's region as the zorgkantoor knows it (``client_regios``)
    regio: str = ""
    regio_naam: str = ""


@dataclass(frozen=True)
class WachtenPerRegio:
    """The waiting report of one region and year: clients with overbruggingszorg, of whom still waiting (not
    admitted by the end of the year or today) and admitted."""

    regio: str
    regio_naam: str
    clienten: int
    wachtend: int
    opgenomen: int


@dataclass(frozen=True)
class ZorgplichtTekort:
    regio: str
    regio_naam: str
    zorgsoort: str | None  # None: the region has no active contract at all
    tekst: str


@dataclass(frozen=True)
class InkoopRapport:
    jaar: int
    regios: list[RegioRapport]
    wachtenden: list[Wachtende]
    zorgplicht_dag: dt.date
    zorgplicht: list[ZorgplichtTekort]
    bronnen: list[str] = field(default_factory=list)
    wachten_per_regio: list[WachtenPerRegio] = field(default_factory=list)


def _namen() -> tuple[dict[str, str], dict[str, str]]:
    from ..domain import inkoop

    return inkoop.REGIOS, inkoop.ZORGSOORTEN_MEERJARIG


def zorgplicht(repo: Declaraties, dag: dt.date) -> list[ZorgplichtTekort]:
    regio_namen, zorgsoorten = _namen()
    actief = repo.active_contracts_on(dag)
    tekorten = []
    for regio in repo.regions():
        hier = [c for c in actief if c.regio == regio]
        naam = regio_namen.get(regio, regio)
        if not hier:
            tekst = f"Geen enkel actief contract in regio {naam} op {dag.isoformat()}."
            tekorten.append(ZorgplichtTekort(regio, naam, None, tekst))
            continue
        gedekt = {c.zorgsoort for c in hier if c.vorm == "meerjarig" and c.zorgsoort}
        for code, omschrijving in zorgsoorten.items():
            if code not in gedekt:
                tekst = (
                    f"Geen gecontracteerde aanbieder (meerjarig contract) voor {omschrijving.lower()} in regio {naam}."
                )
                tekorten.append(ZorgplichtTekort(regio, naam, code, tekst))
    return tekorten


def rapport(uow: UnitOfWork, actor: Actor, jaar: int, *, zorgplicht_dag: dt.date | None = None) -> InkoopRapport:
    vereis(actor, "inkooprapport.lezen")
    if not 2000 <= jaar <= 2100:
        raise DomainError("Kies een jaar tussen 2000 en 2100.", "jaar")
    repo = Declaraties(uow.session)
    regio_namen, _ = _namen()
    namen = repo.provider_names()
    totaal = repo.clients_per_region(jaar)
    vormen: dict[str, dict[str, int]] = {}
    for r in repo.contracts_per_form(jaar):
        vormen.setdefault(r.regio, {})[r.vorm] = int(r.contracten)
    per_regio: dict[str, list[AanbiederInRegio]] = {}
    geld: dict[str, int] = {}
    for r in repo.per_region_provider(jaar):
        n = totaal.get(r.regio, 0)
        per_regio.setdefault(r.regio, []).append(
            AanbiederInRegio(
                agb_code=r.agb_code,
                naam=namen.get(r.agb_code, ""),
                clienten=int(r.clienten),
                aandeel_procent=round(100 * int(r.clienten) / n, 1) if n else 0.0,
                bedrag_cent=int(r.bedrag_cent or 0),
            )
        )
        geld[r.regio] = geld.get(r.regio, 0) + int(r.bedrag_cent or 0)
    regios = [
        RegioRapport(
            regio=regio,
            regio_naam=regio_namen.get(regio, regio),
            clienten=totaal.get(regio, 0),
            bedrag_cent=geld.get(regio, 0),
            aanbieders=sorted(per_regio.get(regio, []), key=lambda a: (-a.clienten, a.agb_code)),
            contracten_per_vorm=vormen.get(regio, {}),
        )
        for regio in sorted(set(per_regio) | set(vormen))
    ]
    rows = repo.overbrugging(jaar)
    clienten = sorted({r.client_id for r in rows})
    opgenomen = repo.admitted_since(clienten, ["verblijf"])
    regio_van = client_regios(repo, clienten)
    wachtenden = []
    for r in rows:
        criteria = (r.intake or {}).get("criteria") or {}
        regio = regio_van[r.client_id]
        wachtenden.append(
            Wachtende(
                client_id=r.client_id,
                wacht_sinds=criteria.get("wacht_op_opname_sinds"),
                overbrugging_van=r.van,
                overbrugging_tot=r.tot,
                opgenomen_op=opgenomen.get(r.client_id),
                regio=regio,
                regio_naam=regio_namen.get(regio, regio),
            )
        )
    dag = zorgplicht_dag or dt.date.today()
    uitkomst = InkoopRapport(
        jaar=jaar,
        regios=regios,
        wachtenden=wachtenden,
        zorgplicht_dag=dag,
        zorgplicht=zorgplicht(repo, dag),
        wachten_per_regio=wachten_per_regio(wachtenden, jaar),
        bronnen=[
            "seed 001 p8 r.730-760 (persoonsvolgende bekostiging, zorgplicht, cliëntondersteuning)",
            "seed 003 p10 r.515-540 (experimenten, monitoring per aanbieder en regio)",
            "seed 001 p5 r.356-364 (zeldzame en complexe zorg, meerjarige afspraken)",
            "seed 002 p2 r.43-46 (overbruggingszorg in afwachting van opname)",
        ],
    )
    log(uow, actor, "lezen", f"inkooprapport {jaar}", doel=DOEL)
    uow.commit()
    return uitkomst


def client_regios(repo: Declaraties, client_ids: list[str]) -> dict[str, str]:
    """Each client's region as the zorgkantoor knows it: the region of the contract of the client's latest choice of
    provider through the zorginkoop; without a choice, this zorgkantoor's own region (``WLZ_ZORGKANTOOR``), the one
    that received the client's IO31 (the CIZ sends an indicatiebesluit to the zorgkantoor of the region the client
    lives in). The IO31's address postcode is not mapped to a region: no postcode-to-zorgkantoorregio table ships
    with the software, and the receiving zorgkantoor is by that routing the client's region already."""
    from ..config import zorgkantoor_code

    eigen = zorgkantoor_code()
    gekozen = repo.latest_choice_regions(client_ids)
    return {cid: gekozen.get(cid, eigen) for cid in client_ids}


def wachten_per_regio(wachtenden: list[Wachtende], jaar: int) -> list[WachtenPerRegio]:
    """Per region: clients with overbruggingszorg in the year, still waiting at the end of the year (or today, if
    earlier) and admitted by then."""
    grens = min(dt.date(jaar, 12, 31), dt.date.today())
    per: dict[str, dict[str, bool]] = {}
    namen: dict[str, str] = {}
    for w in wachtenden:
        namen[w.regio] = w.regio_naam
        opgenomen = w.opgenomen_op is not None and w.opgenomen_op <= grens
        per.setdefault(w.regio, {})[w.client_id] = per.get(w.regio, {}).get(w.client_id, False) or opgenomen
    return [
        WachtenPerRegio(
            regio=regio,
            regio_naam=namen[regio],
            clienten=len(c),
            wachtend=sum(1 for o in c.values() if not o),
            opgenomen=sum(1 for o in c.values() if o),
        )
        for regio, c in sorted(per.items())
    ]


def as_dict(r: InkoopRapport) -> dict[str, Any]:
    return asdict(r)


def _euro(cent: int) -> str:
    from wlz.common.formatting import format_euro

    return format_euro(cent / 100)


def as_text(r: InkoopRapport) -> str:
    """The report as plain Dutch text (the command line)."""
    regels = [f"Inkooprapportage {r.jaar}", ""]
    for g in r.regios:
        regels.append(f"Regio {g.regio} {g.regio_naam}: {g.clienten} cliënten, {_euro(g.bedrag_cent)} gevolgd")
        vormen = ", ".join(f"{v}: {n}" for v, n in sorted(g.contracten_per_vorm.items())) or "geen"
        regels.append(f"  actieve contracten per vorm: {vormen}")
        for a in g.aanbieders:
            regels.append(
                f"  {a.agb_code} {a.naam}: {a.clienten} cliënten ({a.aandeel_procent:.1f}%), {_euro(a.bedrag_cent)}"
            )
    regels.append("")
    regels.append(f"Wachtend op opname met overbruggingszorg: {sum(1 for w in r.wachtenden if not w.opgenomen_op)}")
    for wr in r.wachten_per_regio:
        regels.append(
            f"  regio {wr.regio} {wr.regio_naam}: {wr.clienten} cliënten met overbruggingszorg, "
            f"{wr.wachtend} wachtend, {wr.opgenomen} opgenomen"
        )
    for w in r.wachtenden:
        status = f"opgenomen op {w.opgenomen_op}" if w.opgenomen_op else "wacht nog"
        regels.append(
            f"  cliënt {w.client_id} (regio {w.regio_naam}): wacht sinds {w.wacht_sinds or 'onbekend'}, overbrugging "
            f"{w.overbrugging_van or '?'} t/m {w.overbrugging_tot or '?'}; {status}"
        )
    regels.append("")
    regels.append(f"Zorgplichtcontrole op {r.zorgplicht_dag}: {len(r.zorgplicht)} tekort(en)")
    for t in r.zorgplicht:
        regels.append(f"  {t.tekst}")
    return "\n".join(regels)
