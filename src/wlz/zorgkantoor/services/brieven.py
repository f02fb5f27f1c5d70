"""Decision letters: for every decision the content of a letter in plain Dutch (``adapters.letters`` renders it
as HTML and as PDF).

The letter is made from what was stored with the decision — the rules' explanation of each amount (uitleg,
bronnen, parameters with their dates, voorbeeld flag) — so it says exactly what was decided on, also after the
rules change. It never computes or fills in an amount: an amount the rules did not know is written "onbekend".

Plain language on purpose: the seeds (000, 002, 003) name letters about a mix of pgb and zorg in natura as hard
to understand, so the budget split is one table and every scheme is explained in one sentence.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from wlz.common.months import months_spanned

from ..adapters import rules_engine
from ..domain import bezwaar, codes
from ..domain.aanvraag import Aanvraag
from ..domain.fouten import DomainError, NotFound
from ..domain.model import Client
from .actor import Actor
from .autorisatie import client_zichtbaar, vereis
from .toegang import log

#: One plain sentence per scheme: what it is, for someone who never saw the Wlz.
WAT_IS: dict[str, str] = {
    "ekt": "Extra geld voor zorg thuis, als uw zorg thuis meer kost dan het gewone budget voor uw zorgprofiel "
    "(Regeling langdurige zorg, art. 5.3).",
    "meerzorg": "Extra zorg als u veel meer zorg nodig heeft dan bij uw zorgprofiel hoort: ten minste een kwart "
    "meer (Regeling langdurige zorg, art. 2.2).",
    "pab": "Het persoonlijk assistentiebudget: extra geld in uw pgb om iemand in te huren die thuis altijd in de "
    "buurt is (Regeling langdurige zorg, art. 5.15a).",
    "overbruggingszorg": "Extra zorg thuis in de tijd dat u wacht op een plek in een zorginstelling.",
}


def vorm(regeling: str, leveringsvorm: str) -> str:
    """Where a granted amount goes: 'pgb', 'zin' (zorg in natura) or 'beide' (the client divides it).

    The pab is always part of the pgb (Rlz art. 5.15a); other schemes follow the client's leveringsvorm. For
    mpt with pgb the rules do not say how an increase is divided, so the letter does not invent a split.
    """
    if regeling == "pab" or leveringsvorm == "pgb":
        return "pgb"
    if leveringsvorm == "mpt_pgb":
        return "beide"
    return "zin"


@dataclass
class Rij:
    """One line of the budget table."""

    omschrijving: str
    vorm: str  # pgb | zin | beide
    bedragen: dict[str, float | None]
    voorbeeld: bool = False
    opmerking: str = ""


@dataclass
class Jaartabel:
    """The budget of one calendar year: the client's own care (pgb / zorg in natura), then the extra care."""

    jaar: str
    eigen: list[Rij]
    extra: list[Rij]
    totalen: dict[str, float | None]
    kolommen: tuple[str, ...]


@dataclass
class Brief:
    aanvraag: Aanvraag
    client: Client
    leveringsvorm: str | None
    regels_: list[dict[str, Any]]
    tabel: list[Rij]
    jaren: list[str]
    totalen: dict[str, dict[str, float | None]]
    waarschuwingen: list[str] = field(default_factory=list)
    voorbeeld: bool = False
    jaartabellen: list[Jaartabel] = field(default_factory=list)
    toets: dict[str, Any] | None = None
    zorgprofiel: str | None = None

    @property
    def datum(self) -> dt.date:
        assert self.aanvraag.besloten_op is not None
        return self.aanvraag.besloten_op.date()

    @property
    def bezwaar_tot(self) -> dt.date:
        """Last day for an objection if the letter is sent on its date (Awb art. 6:7, 6:8; Atw art. 1)."""
        return bezwaar.bezwaar_tot(self.datum)


def _eigen_rijen(lv: str | None, basis: dict[str, dict[str, Any]], toets: dict[str, Any] | None) -> list[Rij]:
    """The client's own care in one year: the rules' budget for the leveringsvorm, and for mpt with pgb the
    split the client chose when the doelmatigheidstoets accepted it. Amounts as stored; nothing computed."""

    def rij(naam: str, tekst: str, v: str, opmerking: str = "") -> Rij | None:
        b = basis.get(naam)
        if b is None:
            return None
        return Rij(tekst, v, {"": b.get("waarde")}, bool(b.get("voorbeeld")), opmerking)

    if lv == "pgb":
        rijen = [rij("pgb_budget", "Uw pgb voor uw zorgprofiel", "pgb", "U koopt de zorg zelf in.")]
    elif lv == "mpt":
        rijen = [rij("mpt_budget", "Uw modulair pakket thuis (ten hoogste)", "zin", "Zorgaanbieders leveren de zorg.")]
    elif lv == "mpt_pgb":
        invoer = (toets or {}).get("invoer") or {}
        rijen = []
        if invoer.get("mpt_kosten") is not None:
            rijen.append(Rij("Zorg van zorgaanbieders (modules van het mpt), uw keuze", "zin",
                             {"": float(invoer["mpt_kosten"])}, opmerking="bedrag per jaar"))  # fmt: skip
        if invoer.get("pgb_deel") is not None:
            rijen.append(Rij("Pgb naast het mpt, uw keuze", "pgb", {"": float(invoer["pgb_deel"])},
                             opmerking="bedrag per jaar"))  # fmt: skip
        grens = rij("pgb_budget", "Samen ten hoogste (het pgb voor uw zorgprofiel)", "grens",
                    "Dit is de grens van de doelmatigheidstoets; geen extra geld.")  # fmt: skip
        rijen.append(grens)
    elif lv in ("verblijf", "vpt"):
        rijen = [rij("verblijf_budget", "Zorg van uw zorgaanbieder (dagtarief)", "zin",
                     "Het zorgkantoor betaalt de zorgaanbieder rechtstreeks.")]  # fmt: skip
    else:
        rijen = []
    return [r for r in rijen if r is not None]


def _totaal(waarden: list[float | None]) -> float | None:
    """The sum to the cent; unknown (None) when one of the amounts is unknown, never a total that leaves it out."""
    bekend = [w for w in waarden if w is not None]
    return round(sum(bekend), 2) if len(bekend) == len(waarden) else None


def _jaartabellen(a: Aanvraag, lv: str | None, toets: dict[str, Any] | None, extra: list[Rij]) -> list[Jaartabel]:
    basis_per_jaar: dict[str, dict] = (a.evaluatie or {}).get("basis") or {}
    jaren = sorted(set(basis_per_jaar) | {j for rij in extra for j in rij.bedragen})
    out = []
    for jaar in jaren:
        eigen = _eigen_rijen(lv, basis_per_jaar.get(jaar) or {}, toets)
        for r in eigen:
            r.bedragen = {jaar: r.bedragen[""]}
        extra_jaar = [
            Rij(r.omschrijving, r.vorm, {jaar: r.bedragen[jaar]}, r.voorbeeld, r.opmerking)
            for r in extra
            if jaar in r.bedragen
        ]
        rijen = [r for r in eigen + extra_jaar if r.vorm != "grens"]
        totalen: dict[str, float | None] = {}
        # pgb and zorg in natura always side by side, so the split is visible even when one side is empty
        kolommen = ("pgb", "zin", "beide") if any(r.vorm == "beide" for r in rijen) else ("pgb", "zin")
        for v in kolommen:
            waarden = [r.bedragen[jaar] for r in rijen if r.vorm == v]
            totalen[v] = _totaal(waarden)
        totalen["totaal"] = _totaal(list(totalen.values()))
        out.append(Jaartabel(jaar, eigen, extra_jaar, totalen, kolommen))
    return out


def maak(uow, actor: Actor, aanvraag_id: str) -> Brief:
    """The letter of a decided request; the client only for their own file."""
    vereis(actor, "brief.lezen")
    a = uow.aanvragen.get(aanvraag_id)
    if a is None:
        raise NotFound("aanvraag")
    client_zichtbaar(uow, actor, a.client_id)
    if a.status != "besloten":
        raise DomainError("Op deze aanvraag is nog niet besloten; er is nog geen besluitbrief.", "status")
    c = uow.clients.get(a.client_id)
    keuze = uow.keuzes.huidige(a.client_id)
    lv = keuze.leveringsvorm if keuze else (a.situatie.get("client") or {}).get("leveringsvorm")
    uitkomsten = a.uitkomsten()
    regels_out, tabel, waarschuwingen = [], [], []
    voorbeeld = False
    gevraagd = a.gevraagde_regelingen()
    for r in a.besluitregels:
        if r.regeling not in gevraagd:
            continue  # a scheme the client did not ask for is not in the letter
        u = uitkomsten.get(r.regeling)
        berekening = r.berekening or {}
        regel = {
            "regeling": r.regeling,
            "naam": codes.REGELINGEN[r.regeling],
            "wat_is": WAT_IS.get(r.regeling, ""),
            "toegekend": r.toegekend,
            "van": r.van,
            "tot": r.tot,
            "maanden": months_spanned(r.van, r.tot) if r.toegekend and r.van and r.tot else None,
            "bedragen": dict(r.bedragen or {}),
            "berekening": berekening,
            "toelichting": r.toelichting,
            "in_aanmerking": u.in_aanmerking if u else None,
            "uitleg_beoordeling": list(u.uitleg) if u else [],
            "bronnen_beoordeling": list(u.bronnen) if u else [],
            "vorm": vorm(r.regeling, lv or "verblijf"),
        }
        regels_out.append(regel)
        if r.toegekend:
            vb = any(b.get("voorbeeld") for b in berekening.values())
            voorbeeld |= vb
            for b in berekening.values():
                waarschuwingen += [
                    w
                    for w in b.get("waarschuwingen") or []
                    if w not in waarschuwingen and (lv in ("verblijf", "vpt") or "verblijf of vpt" not in w)
                ]  # the cost of verblijf/vpt does not concern a client at home
            tabel.append(
                Rij(
                    omschrijving=f"{codes.REGELINGEN[r.regeling]} (toegekend)",
                    vorm=regel["vorm"],
                    bedragen=dict(r.bedragen or {}),
                    voorbeeld=vb,
                    opmerking="U bepaalt zelf hoe u dit verdeelt over pgb en zorg in natura."
                    if regel["vorm"] == "beide"
                    else "",
                )
            )
    jaren = sorted({j for rij in tabel for j in rij.bedragen})
    totalen: dict[str, dict[str, float | None]] = {}
    for jaar in jaren:
        totalen[jaar] = {}
        for v in ("pgb", "zin", "beide"):
            waarden = [rij.bedragen.get(jaar) for rij in tabel if rij.vorm == v and jaar in rij.bedragen]
            totalen[jaar][v] = _totaal(waarden)
        totalen[jaar]["totaal"] = _totaal([totalen[jaar][v] for v in ("pgb", "zin", "beide")])
    toets = keuze.toets if keuze else None
    jaartabellen = _jaartabellen(a, lv, toets, tabel)
    voorbeeld |= any(r.voorbeeld for t in jaartabellen for r in t.eigen)
    profiel = (a.situatie.get("client") or {}).get("zorgprofiel")
    log(uow, actor, "lezen", "besluitbrief", client_id=a.client_id)
    uow.commit()
    return Brief(
        a, c, lv, regels_out, tabel, jaren, totalen, waarschuwingen, voorbeeld, jaartabellen,
        rules_engine.toets_samenvatting(toets), profiel,
    )  # fmt: skip
