"""Use cases of a request: submit (public), the work list, read, record the assessment, decide (and send the
IO31), the dashboard. Each checks the role and writes its access-log line (never a BSN in it)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from wlz import iwlz
from wlz.common.errors import InputError
from wlz.platform.auth import new_id

from ..domain import dashboard as dash
from ..domain.aanvraag import Aanvraag, Soort
from ..domain.beoordeling import Beoordeling
from ..domain.bericht import BerichtStatus, IwlzBericht
from ..domain.beslisondersteuning import Uitkomst, adviseer
from ..domain.besluit import Uitkomst as BesluitUitkomst
from ..domain.besluit import neem_besluit
from ..domain.bijlage import Bijlage
from ..domain.gebruiker import Actor
from ..domain.termijn import Opschorting, OpschortingSoort
from ..koppeling import io31
from ..koppeling.bezorging import Bezorger
from ..storage.uow import UnitOfWork
from .toegang import NietGevonden, log, vereis

DOEL = "indicatiestelling Wlz"


def dien_in(
    uow: UnitOfWork,
    actor: Actor,
    gegevens: dict[str, Any],
    ontvangen: dt.date | None = None,
    bijlagen: list[tuple[str, str, bytes]] | None = None,
) -> Aanvraag:
    """A request from the public form (no login): kept with its deadline; the receipt number goes back. The
    zorgkantoor must be one of the iWlz code list COD001 (else its IO31 could never be sent)."""
    from wlz.iwlz.bindings.basisschema import LdtZorgkantoorCode

    if str(gegevens.get("zorgkantoor", "")) not in {c.value for c in LdtZorgkantoorCode}:
        raise InputError("zorgkantoor", "Onbekend zorgkantoor: geef de code uit de iWlz-codelijst COD001.")
    gegevens = dict(gegevens)
    vorig_nummer = gegevens.pop("vorig_besluitnummer", None)
    a = Aanvraag(id=new_id(), ontvangen=ontvangen or dt.date.today(), **gegevens)
    if a.soort == Soort.HERINDICATIE:
        vorige = _vorig_besluit(uow, a.bsn, vorig_nummer)
        a.vorige_id = vorige.id
        a.vervangt_besluitnummer = vorige.besluitnummer
    uow.aanvragen.add(a)
    uow.flush()
    for naam, soort, inhoud in bijlagen or []:
        uow.bijlagen.add(Bijlage(aanvraag_id=a.id, bestandsnaam=naam, soort=soort, inhoud=inhoud))
    log(uow, actor, "aanmaken", "aanvraag indicatiebesluit", DOEL, a.id)
    uow.commit()
    return a


def _vorig_besluit(uow: UnitOfWork, bsn: str, nummer: Any) -> Aanvraag:
    """The earlier granted indicatiebesluit a herindicatie names, checked against the same person. An unknown
    number, a number of another person and a refusal get one and the same answer: the form tells nothing
    about anyone else's decisions."""
    tekst = str(nummer or "").strip()
    if not tekst:
        raise InputError(
            "vorig_besluitnummer", "Noem bij een herindicatie het besluitnummer van het eerdere indicatiebesluit."
        )
    if not (tekst.isdigit() and len(tekst) <= 9):
        raise InputError("vorig_besluitnummer", "Een besluitnummer is een getal van ten hoogste negen cijfers.")
    vorige = uow.aanvragen.met_besluitnummer(int(tekst))
    if (
        vorige is None
        or vorige.bsn != bsn
        or vorige.uitkomst != BesluitUitkomst.TOEGEKEND.value
        or vorige.besluitnummer is None
    ):
        raise InputError(
            "vorig_besluitnummer",
            "Wij vinden geen toegekend indicatiebesluit met dit nummer bij dit burgerservicenummer. "
            "Controleer het nummer in de besluitbrief.",
        )
    return vorige


def werkvoorraad(uow: UnitOfWork, actor: Actor) -> list[Aanvraag]:
    vereis(actor, "werkvoorraad.lezen")
    lijst = list(uow.aanvragen.open())
    log(uow, actor, "lezen", f"werkvoorraad ({len(lijst)} aanvragen)", DOEL)
    uow.commit()
    return lijst


def lees(uow: UnitOfWork, actor: Actor, aanvraag_id: str) -> Aanvraag:
    vereis(actor, "aanvraag.lezen")
    a = uow.aanvragen.get(aanvraag_id)
    if a is None:
        raise NietGevonden("aanvraag")
    log(uow, actor, "lezen", "aanvraag en beoordeling", DOEL, a.id)
    uow.commit()
    return a


def advies(a: Aanvraag) -> Uitkomst | None:
    b = a.beoordeling
    return None if b is None else adviseer(b)


def beoordeel(uow: UnitOfWork, actor: Actor, aanvraag_id: str, b: Beoordeling) -> Aanvraag:
    vereis(actor, "aanvraag.beoordelen")
    a = uow.aanvragen.get(aanvraag_id)
    if a is None:
        raise NietGevonden("aanvraag")
    a.leg_beoordeling_vast(b, actor.gebruiker_id)
    log(uow, actor, "wijzigen", "beoordeling vastgelegd", DOEL, a.id)
    uow.commit()
    return a


@dataclass(frozen=True)
class Beslissing:
    aanvraag: Aanvraag
    bericht: IwlzBericht | None


def beslis(
    uow: UnitOfWork,
    actor: Actor,
    aanvraag_id: str,
    invoer: dict[str, Any],
    bezorger: Bezorger | None = None,
    besluitdatum: dt.date | None = None,
) -> Beslissing:
    """Decide; a grant is built as an IO31 (XSD + iWlz rules) and, with a ``bezorger``, sent to the zorgkantoor
    in the same use case (its answer, the IO32, kept with the message)."""
    vereis(actor, "aanvraag.beslissen")
    a = uow.aanvragen.get(aanvraag_id)
    if a is None:
        raise NietGevonden("aanvraag")
    besluit = neem_besluit(besluitdatum=besluitdatum or dt.date.today(), vroegste_ingang=a.vroegste_ingang, **invoer)
    if besluit.toegekend and a.vervangt_besluitnummer and besluit.ingangsdatum is not None:
        _na_het_vervangen_besluit(uow, a.vervangt_besluitnummer, besluit.ingangsdatum)
    uitkomst = advies(a)
    geen_profiel = bool(uitkomst and uitkomst.past_in_geen_profiel)
    teamlid = uow.teamleden.get(actor.gebruiker_id) if actor.gebruiker_id else None
    a.beslis(
        besluit,
        actor.gebruiker_id,
        uow.aanvragen.volgend_besluitnummer(),
        geen_profiel,
        teamlid.label if teamlid is not None else "",
    )
    log(uow, actor, "wijzigen", f"besluit {besluit.uitkomst.value}", DOEL, a.id)
    bericht = None
    if besluit.toegekend:
        try:
            xml = io31.build(a)
        except iwlz.BerichtOngeldig as exc:
            raise InputError("besluit", f"Het IO31-bericht is ongeldig: {exc}") from None
        bericht = IwlzBericht(
            aanvraag_id=a.id,
            soort="IO31",
            identificatie=io31.identificatie(a),
            dagtekening=besluit.besluitdatum,
            inhoud=xml,
        )
        uow.berichten.add(bericht)
    uow.commit()
    if bericht is not None and bezorger is not None:
        verstuur(uow, actor, bericht.id, bezorger)
    return Beslissing(a, bericht)


def _na_het_vervangen_besluit(uow: UnitOfWork, nummer: int, ingangsdatum: dt.date) -> None:
    """A decision that replaces an earlier one begins after it: the zorgkantoor ends the earlier decision the day
    before the new one begins (docs/ciz.md, "IO31 to the zorgkantoor"); one beginning on the same day would erase
    it, which the IO31 cannot say."""
    vorige = uow.aanvragen.met_besluitnummer(nummer)
    if vorige is not None and vorige.ingangsdatum is not None and ingangsdatum <= vorige.ingangsdatum:
        raise InputError(
            "ingangsdatum",
            f"Dit besluit vervangt indicatiebesluit {nummer} (ingang {vorige.ingangsdatum:%d-%m-%Y}) en gaat daarna "
            "in: het zorgkantoor beëindigt het vorige besluit de dag vóór de nieuwe ingangsdatum.",
        )


def trek_in(
    uow: UnitOfWork,
    actor: Actor,
    aanvraag_id: str,
    *,
    grond: str,
    per: dt.date,
    toelichting: str,
    bezorger: Bezorger | None = None,
    op: dt.date | None = None,
) -> Beslissing:
    """Withdraw a granted indicatiebesluit (Wlz art. 3.2.4) from ``per``: kept with ground and reason (the
    letter states them) and told to the zorgkantoor by an IO31 that ends the decision (:mod:`..domain.intrekking`,
    ``koppeling.io31.build_intrekking``), sent at once with a ``bezorger``."""
    vereis(actor, "aanvraag.intrekken")
    a = uow.aanvragen.get(aanvraag_id)
    if a is None:
        raise NietGevonden("aanvraag")
    vandaag = op or dt.date.today()
    a.trek_in(grond=grond, per=per, toelichting=toelichting, door=actor.gebruiker_id, op=vandaag)
    try:
        xml = io31.build_intrekking(a, vandaag)
    except iwlz.BerichtOngeldig as exc:
        raise InputError("per", f"Het IO31-bericht van de intrekking is ongeldig: {exc}") from None
    bericht = IwlzBericht(
        aanvraag_id=a.id,
        soort="IO31",
        identificatie=io31.identificatie_intrekking(a),
        dagtekening=vandaag,
        inhoud=xml,
    )
    uow.berichten.add(bericht)
    log(uow, actor, "wijzigen", f"besluit ingetrokken per {per:%d-%m-%Y}", DOEL, a.id)
    uow.commit()
    if bezorger is not None:
        verstuur(uow, actor, bericht.id, bezorger)
    return Beslissing(a, bericht)


def schort_op(
    uow: UnitOfWork,
    actor: Actor,
    aanvraag_id: str,
    *,
    soort: str,
    reden: str,
    uitgenodigd: dt.date | None = None,
    aanvullen_voor: dt.date | None = None,
    begin: dt.date | None = None,
    einde: dt.date | None = None,
) -> Aanvraag:
    """Record a suspension of the term (Awb art. 4:15) and move the request's deadline. Lid 1 a (``aanvulling``):
    the day of the invitation and the term set for completing; lid 1 b and lid 2: the first and the last
    suspended day."""
    vereis(actor, "aanvraag.opschorten")
    a = uow.aanvragen.get(aanvraag_id)
    if a is None:
        raise NietGevonden("aanvraag")
    if soort == OpschortingSoort.AANVULLING.value:
        if uitgenodigd is None:
            raise InputError("uitgenodigd", "Geef de dag waarop de aanvrager is gevraagd de aanvraag aan te vullen.")
        if uitgenodigd < a.ontvangen:
            raise InputError("uitgenodigd", "De uitnodiging ligt vóór de ontvangst van de aanvraag.")
        if aanvullen_voor is None:
            raise InputError("aanvullen_voor", "Geef de termijn waarbinnen de aanvraag moet worden aangevuld.")
        o = Opschorting.uitnodiging_tot_aanvulling(a.id, uitgenodigd, aanvullen_voor, reden)
    else:
        if begin is None:
            raise InputError("begin", "Geef de eerste dag van de opschorting.")
        if begin < a.ontvangen:
            raise InputError("begin", "De opschorting begint vóór de ontvangst van de aanvraag.")
        if einde is not None and einde < begin:
            raise InputError("einde", "De laatste dag van de opschorting ligt vóór de eerste.")
        # lid 1 b, lid 2: the last suspended day is given; the clock runs again the day after
        o = Opschorting(
            aanvraag_id=a.id,
            soort=soort,
            begin=begin,
            einde=einde + dt.timedelta(days=1) if einde is not None else None,
            reden=reden,
        )
    o.vastgelegd_door = actor.gebruiker_id
    a.herbereken_termijn([*uow.opschortingen.van_aanvraag(a.id), o])
    uow.opschortingen.add(o)
    log(uow, actor, "wijzigen", f"termijn opgeschort ({o.soort}); uiterlijk {a.uiterlijk:%d-%m-%Y}", DOEL, a.id)
    uow.commit()
    return a


def aangevuld(uow: UnitOfWork, actor: Actor, aanvraag_id: str, opschorting_id: str, op: dt.date) -> Aanvraag:
    """The aanvrager completed the request on ``op``: the suspension of lid 1 ends, the deadline is set again."""
    vereis(actor, "aanvraag.opschorten")
    a = uow.aanvragen.get(aanvraag_id)
    o = uow.opschortingen.get(opschorting_id)
    if a is None or o is None or o.aanvraag_id != a.id:
        raise NietGevonden("opschorting")
    o.aangevuld(op)
    a.herbereken_termijn(uow.opschortingen.van_aanvraag(a.id))
    log(uow, actor, "wijzigen", f"aanvraag aangevuld; uiterlijk {a.uiterlijk:%d-%m-%Y}", DOEL, a.id)
    uow.commit()
    return a


def opschorting(uow: UnitOfWork, actor: Actor, aanvraag_id: str, opschorting_id: str) -> tuple[Aanvraag, Opschorting]:
    """A request with one of its suspensions (its letter)."""
    vereis(actor, "aanvraag.lezen")
    a = uow.aanvragen.get(aanvraag_id)
    o = uow.opschortingen.get(opschorting_id)
    if a is None or o is None or o.aanvraag_id != a.id:
        raise NietGevonden("opschorting")
    log(uow, actor, "lezen", "brief opschorting", DOEL, a.id)
    uow.commit()
    return a, o


def opschortingen(uow: UnitOfWork, actor: Actor, aanvraag_id: str) -> list[Opschorting]:
    vereis(actor, "aanvraag.lezen")
    return uow.opschortingen.van_aanvraag(aanvraag_id)


def verstuur(
    uow: UnitOfWork, actor: Actor, bericht_id: str, bezorger: Bezorger, aanvraag_id: str | None = None
) -> IwlzBericht:
    """Deliver (again) an IO31 and process what comes back: the IO32 is read (wlz.iwlz.read_retour) and kept.
    An IO31 already accepted is not sent twice."""
    vereis(actor, "aanvraag.beslissen")
    b = uow.berichten.get(bericht_id)
    if b is None or (aanvraag_id is not None and b.aanvraag_id != aanvraag_id):
        raise NietGevonden("bericht")
    if b.status == BerichtStatus.GEACCEPTEERD:
        raise InputError("status", "Het zorgkantoor heeft dit bericht al geaccepteerd.")
    bewijs = bezorger.bezorg_io31(b.inhoud)
    b.status = bewijs.status
    b.melding = bewijs.melding
    if bewijs.io32 is not None:
        retour = iwlz.read_retour(bewijs.io32)
        b.retour = bewijs.io32
        b.status = BerichtStatus.GEACCEPTEERD if retour.geaccepteerd else BerichtStatus.GEWEIGERD
    log(uow, actor, "versturen", f"IO31 {b.identificatie} aan zorgkantoor: {b.status}", DOEL, b.aanvraag_id)
    uow.commit()
    return b


def berichten(uow: UnitOfWork, actor: Actor, aanvraag_id: str) -> list[IwlzBericht]:
    vereis(actor, "aanvraag.lezen")
    return list(uow.berichten.van_aanvraag(aanvraag_id))


def herzie(uow: UnitOfWork, actor: Actor, aanvraag_id: str, reden: str, op: dt.date | None = None) -> Aanvraag:
    """Start an ambtshalve herziening of a decided request (Wlz art. 3.2.4): a new case on the work list."""
    vereis(actor, "aanvraag.herzien")
    a = uow.aanvragen.get(aanvraag_id)
    if a is None:
        raise NietGevonden("aanvraag")
    nieuw = a.herziening(new_id(), op or dt.date.today(), reden)
    uow.aanvragen.add(nieuw)
    uow.flush()
    log(uow, actor, "aanmaken", "ambtshalve herziening", DOEL, nieuw.id)
    uow.commit()
    return nieuw


def bijlage(uow: UnitOfWork, actor: Actor, aanvraag_id: str, bijlage_id: str) -> Bijlage:
    vereis(actor, "aanvraag.lezen")
    b = uow.bijlagen.get(bijlage_id)
    if b is None or b.aanvraag_id != aanvraag_id:
        raise NietGevonden("bijlage")
    log(uow, actor, "lezen", "bijlage van de aanvraag", DOEL, aanvraag_id)
    uow.commit()
    return b


def besluitregels(aanvragen: list[Aanvraag]) -> list[dash.BesluitRegel]:
    """The decisions the on-time figure counts: those on a request (an ambtshalve herziening has no term)."""
    out = []
    for a in aanvragen:
        if a.besluitdatum is None or a.uitkomst is None or not a.wettelijke_termijn:
            continue
        b = a.beoordeling
        out.append(
            dash.BesluitRegel(
                ontvangen=a.ontvangen,
                besluitdatum=a.besluitdatum,
                uiterlijk=a.uiterlijk,
                uitkomst=a.uitkomst,
                zorgprofiel=a.zorgprofiel,
                past_in_geen_profiel=a.past_in_geen_profiel,
                sector=dash.sector_van(a.zorgprofiel, b.grondslagen if b else ()),
                gevraagd_profiel=a.gevraagd_profiel,
            )
        )
    return out


def dashboard(uow: UnitOfWork, actor: Actor, jaar: int, tot_week: int) -> dash.Dashboard:
    vereis(actor, "dashboard.lezen")
    regels = besluitregels(list(uow.aanvragen.besloten(dt.date(jaar, 1, 1), dt.date(jaar + 1, 1, 1))))
    log(uow, actor, "lezen", f"dashboard {jaar} t/m week {tot_week}", "verantwoording")
    uow.commit()
    return dash.bereken(regels, jaar, tot_week)
