"""iWlz messages in the service: import IO31 (indicatiebesluit), write AW33 (zorgtoewijzing), take in AW35/AW39
(start and end of care, from the provider) and report the start and end of care to the CAK as CA317/CA319 —
also when the provider reports them by hand (:func:`aanvang_aan_cak`, :func:`einde_aan_cak`).

All message code lives in :mod:`wlz.iwlz`; this module only maps between the case file and its dataclasses.
A message is processed completely or not at all (one unit of work). Every received IO31, AW35 and AW39 is checked
as a chain partner checks it — the XSD and the official XSLT business rules (:func:`wlz.iwlz.check`) — and
answered with its retour (IO32, AW36, AW310; :mod:`wlz.iwlz.retour`): ``0200`` per berichtklasse when all is
well, else the code of each broken rule. The zorgkantoor's own checks — what needs earlier messages or the
case file (no matching toewijzing, a mutation that does not fit, StatusAanlevering 3, an AAT, another sender's
AGB code) — refuse the same way, each with the iWlz rule it implements (``wlz.iwlz.validation.RECEIVER_CHECKS``,
``0001`` where the standard has none). A refused message is stored with its retour and nothing else of it
(:func:`_refuse`, which raises :class:`BerichtGeweigerd` naming each rule, element and rule text in Dutch);
input that is not an iWlz message at all (no XML, a DOCTYPE, another message type) gets no retour and is not
stored: there is no header to answer. A retour a partner sends for a message of ours (AW34, CA318, CA320) is read
with :func:`import_retour` and sets that message's result. Every message written is validated against the XSD
and the XSLT rules by ``wlz.iwlz`` before it is stored or sent.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import secrets
import uuid

from wlz import iwlz, reference
from wlz.iwlz import casefile
from wlz.iwlz import codes as icodes
from wlz.iwlz.retour import element_path
from wlz.iwlz.validation import RECEIVER_CHECKS, Finding, Report

from ..adapters import rules_engine
from ..config import zorgkantoor_code
from ..domain.bericht import GEACCEPTEERD, GEWEIGERD, BerichtGeweigerd, IwlzBericht
from ..domain.fouten import DomainError, NotFound
from ..domain.model import Client, Indicatiebesluit, Zorgtoewijzing
from .actor import Actor
from .autorisatie import client_zichtbaar, vereis
from .toegang import log
from .toewijzingen import toewijzing


def _identificatie(prefix: str) -> str:
    """A message id of at most 12 characters (``LDT_BerichtIdentificatie``), random so ids never collide."""
    return prefix + secrets.token_hex(5).upper()


def _receive(data: bytes, soort: str, check=None):
    """The parsed tree of a received message and its :class:`wlz.iwlz.Report` (XSD + XSLT rules; ``check``: a
    checker proven equal to :func:`wlz.iwlz.check`, the bulk import's).

    Input that is no iWlz message of this type (empty, no XML, a DOCTYPE, another message) is refused here,
    with a Dutch error naming the element, and never stored: there is no header to answer."""
    if not data or not data.strip():
        raise DomainError(f"Het {soort}-bericht is leeg.", "bericht")
    try:
        root = iwlz.parse_xml(data, soort)
        gevonden = iwlz.berichtsoort_of(root)
    except iwlz.BerichtOngeldig as exc:
        raise DomainError(str(exc), "bericht") from None
    if gevonden.naam != soort:
        raise DomainError(f"Dit is een {gevonden.naam}-bericht, geen {soort}-bericht.", "bericht")
    return root, (check or iwlz.check)(root, soort)


def _header_text(root, naam: str) -> str | None:
    """A header field of a received message as text (None when absent: the message may not be XSD-valid)."""
    header = root.find("{*}Header")
    waarde = None if header is None else header.findtext(f".//{{*}}{naam}")
    return (waarde or "").strip() or None


class _Refusal(Exception):
    """One of the zorgkantoor's own checks refuses a line of a received message: its finding (the iWlz rule of
    :data:`wlz.iwlz.validation.RECEIVER_CHECKS`, the element, the Dutch text). Caught in this module only."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.text)
        self.finding = finding


def _weigering(root, check: str, pad: str, reden: str) -> _Refusal:
    """The refusal by check ``check`` (a key of ``RECEIVER_CHECKS``) of the element at ``/Bericht/<pad>``."""
    return _Refusal(RECEIVER_CHECKS[check].finding(element_path(root, f"/Bericht/{pad}"), reden))


def _dagtekening(root) -> dt.date:
    """The header's Dagtekening (a received message's date); today when it cannot be read."""
    try:
        return dt.date.fromisoformat((_header_text(root, "Dagtekening") or "")[:10])
    except ValueError:
        return dt.date.today()


def _check_parties(actor: Actor | None, root, *, afzender: str | None, zorgkantoor: str | None = None) -> list[Finding]:
    """A message names this zorgkantoor as receiver and (from a provider) the provider's own AGB code as sender;
    else it is refused (``0001`` on the header: the standard has no rule for it) and answered like any other.
    ``zorgkantoor``: this zorgkantoor's code when the caller read it already (the bulk import, once)."""
    fouten = []
    ontvanger = _header_text(root, "Ontvanger")
    if ontvanger is not None and ontvanger != (zorgkantoor or zorgkantoor_code()):
        reden = f"Het bericht is gericht aan zorgkantoor {ontvanger}, niet aan dit zorgkantoor."
        fouten.append(_weigering(root, "ontvanger", "Header/Ontvanger", reden).finding)
    gegeven = _header_text(root, "Afzender")
    if afzender is not None and gegeven is not None and gegeven != afzender:
        reden = "De afzender van het bericht is niet uw AGB-code."
        fouten.append(_weigering(root, "afzender", "Header/Afzender", reden).finding)
    return fouten


def _check_identificatie(uow, root, soort: str, afzender: str | None) -> list[Finding]:
    """iWlz TR056: a message's ``Identificatie`` is unique per sender and message type. A second message with an
    identification already received from that sender (accepted or refused) is refused with ``9056`` on the
    header, stored with its retour like any refusal, and changes nothing; the first is not touched.
    ``afzender`` is who the message is stored as from (the provider's AGB code, ``CIZ`` for an IO31)."""
    identificatie = _header_text(root, "Identificatie")
    if identificatie is None or afzender is None or not uow.berichten.al_ontvangen(soort, afzender, identificatie):
        return []
    reden = (
        f"Er is al een {soort}-bericht met identificatie {identificatie} van deze afzender ontvangen; geef elk "
        "bericht een eigen identificatie (een gecorrigeerd bericht is een nieuw bericht)."
    )
    return [_weigering(root, "identificatie", "Header/BerichtIdentificatie/Identificatie", reden).finding]


def _with(report, fouten: list[Finding]) -> Report:
    """The report with the zorgkantoor's own findings added (the header's parties)."""
    return Report(report.soort, (*fouten, *report.findings))


def _refuse_own(uow, actor: Actor, soort: str, root, data: bytes, fouten: list[Finding], *, afzender: str) -> None:
    """Refuse a message the XSD and XSLT rules passed but the zorgkantoor's own checks did not: undo whatever
    its lines changed (nothing else of it is kept), then store it with its retour (:func:`_refuse`)."""
    uow.rollback()
    _refuse(uow, actor, soort, root, data, Report(soort, tuple(fouten)), afzender=afzender)


def _case_finding(root, exc: DomainError, pad: str) -> Finding:
    """Any other refusal of the case file (a client or indication it cannot register, a date the toewijzing
    does not allow): ``0001`` with the case file's Dutch reason, on the line it concerns."""
    return _weigering(root, "casus", pad, exc.bericht).finding


def _bevindingen(report) -> list[dict[str, str]]:
    return [{"code": f.code, "pad": f.path, "tekst": f.text, "retourcode": f.retourcode} for f in report.findings]


def _answer(uow, actor: Actor, root, report, bericht: IwlzBericht) -> IwlzBericht:
    """The retour (IO32/AW36/AW310) to a received message, stored beside it and named on it (``retour_id``)."""
    vandaag = dt.date.today()
    xml = iwlz.build_retour(root, report, identificatie=_identificatie("RT"), dagtekening=vandaag)
    kop = iwlz.read_retour(xml)
    retour = IwlzBericht(
        soort=kop.soort,
        richting="uit",
        identificatie=kop.identificatie_retour,
        dagtekening=vandaag,
        afzender=zorgkantoor_code(),
        ontvanger=bericht.afzender,
        inhoud=xml,
        vastgelegd_door=actor.gebruiker_id,
        client_id=bericht.client_id,
        retour_van=bericht.id,
        resultaat=bericht.resultaat,
    )
    uow.berichten.add(retour)
    bericht.retour = retour
    return retour


def _refuse(uow, actor: Actor, soort: str, root, data: bytes, report, *, afzender: str) -> None:
    """Store a message that breaks the iWlz rules, refused, with its retour — and nothing else of it — then
    raise :class:`BerichtGeweigerd`. The header may be broken too: what is missing is filled in plainly."""
    dagtekening = _dagtekening(root)
    bericht = IwlzBericht(
        soort=soort,
        richting="in",
        identificatie=(_header_text(root, "Identificatie") or "onbekend")[:40],
        dagtekening=dagtekening,
        afzender=afzender,
        ontvanger=zorgkantoor_code(),
        inhoud=bytes(data),
        vastgelegd_door=actor.gebruiker_id,
        resultaat=GEWEIGERD,
        bevindingen=_bevindingen(report),
    )
    uow.berichten.add(bericht)
    retour = _answer(uow, actor, root, report, bericht)
    log(uow, actor, "aanmaken", f"{soort}-bericht geweigerd, {retour.soort} retour")
    uow.commit()
    raise BerichtGeweigerd(bericht, retour)


def _read(reader, data: bytes, soort: str):
    """Read and validate; a schema error becomes a 422 naming the message and the element path."""
    if not data or not data.strip():
        raise DomainError(f"Het {soort}-bericht is leeg.", "bericht")
    try:
        return reader(data)
    except iwlz.BerichtOngeldig as exc:
        raise DomainError(str(exc), "bericht") from None


def _veldfout(exc: ValueError) -> DomainError:
    """``wlz.iwlz.casefile`` says 'veld: melding'; keep the field."""
    tekst = str(exc)
    veld, _, melding = tekst.partition(":")
    return DomainError(melding.strip() or tekst, veld.strip() if melding else "bericht")


# --- IO31: indicatiebesluit from the CIZ -------------------------------------------------------------------
def _client_from_bericht(c: iwlz.Client) -> Client:
    n = c.naam
    adres = c.adres
    huisnummer = ""
    if adres is not None and adres.huisnummer is not None:
        huisnummer = f"{adres.huisnummer}{adres.huisletter or ''}" + (
            f"-{adres.huisnummer_toevoeging}" if adres.huisnummer_toevoeging else ""
        )
    return Client(
        bsn=c.bsn,
        voornamen=n.voornamen or n.voorletters or "-",
        achternaam=" ".join(x for x in (n.voorvoegsel, n.achternaam) if x),
        geboortedatum=c.geboortedatum,
        straat=(adres.straatnaam or "") if adres else "",
        huisnummer=huisnummer,
        postcode=(adres.postcode or "") if adres else "",
        woonplaats=(adres.plaatsnaam or "") if adres else "",
        partner=c.partner is not None,
    )


def _zorgprofiel(root, plek: str, ind) -> tuple[reference.Zorgprofiel, str]:
    """The zorgprofiel of an IO31 indication and the path of its ZzpCode; an indication without a zzp or with an
    unknown code raises :class:`_Refusal` naming the element."""
    if ind.zzp is None:
        reden = "Het indicatiebesluit heeft geen zorgzwaartepakket (alleen functies); dat verwerkt deze service niet."
        raise _weigering(root, "indicatie_zonder_zzp", plek, reden)
    zzp_pad = f"{plek}/GeindiceerdeZorgzwaartepakketten/GeindiceerdZorgzwaartepakket[1]/ZzpCode"
    try:
        return reference.lookup(ind.zzp.zzp_code), zzp_pad
    except KeyError:
        raise _weigering(root, "casus", zzp_pad, "Onbekend zorgprofiel (COD163).") from None


def _register_indicatie(uow, actor: Actor, root, i: int, item) -> Indicatiebesluit:
    """Register the indicatiebesluit of the ``i``-th client of an IO31 (the client too, when not yet known);
    what the case file cannot register raises :class:`_Refusal` naming the element."""
    plek = f"Clienten/Client[{i}]/Indicatie"
    ind = item.indicatie
    profiel, _ = _zorgprofiel(root, plek, ind)
    besluitnummer = str(ind.besluitnummer)
    if uow.indicaties.met_besluitnummer(besluitnummer) is not None:
        reden = "Dit besluitnummer is al geregistreerd."
        raise _weigering(root, "besluitnummer", f"{plek}/Besluitnummer", reden)
    try:
        c = uow.clients.met_bsn(item.client.bsn)
        if c is None:
            c = _client_from_bericht(item.client)
            uow.clients.add(c)
            log(uow, actor, "aanmaken", "cliënt (uit IO31)", client_id=c.id)
        einde = ind.einddatum or rules_engine.indicatie_einddatum(profiel.code, ind.ingangsdatum)
        nieuw = Indicatiebesluit(
            client_id=c.id,
            besluitnummer=besluitnummer,
            zorgprofiel=profiel.code,
            grondslagen=[g.value for g in ind.grondslagen],
            ingangsdatum=ind.ingangsdatum,
            einddatum=einde,
            bron="IO31",
        )
    except DomainError as exc:
        raise _Refusal(_case_finding(root, exc, f"Clienten/Client[{i}]")) from None
    uow.indicaties.add(nieuw)
    log(uow, actor, "aanmaken", "indicatiebesluit (uit IO31)", client_id=c.id)
    return nieuw


#: iWlz COD172 (``LDT_RedenIntrekking``) 3 "Herindicatie": why the assignments under a replaced decision end
_HERINDICATIE = icodes.RedenIntrekking.HERINDICATIE


def _besluitvolgorde(nummer: str) -> int | None:
    """A besluitnummer as the number iWlz gives it (``LDT_Besluitnummer``); None for one registered by hand
    that is not a number (then the order of decisions is read from their dates alone)."""
    return int(nummer) if nummer.isdigit() else None


def _past_bij(profiel: reference.Zorgprofiel, leveringsvorm: str) -> bool:
    """May an assignment in this leveringsvorm go on under a decision for ``profiel``? A pgb only where the
    profile allows one (Rlz art. 5.5, the ``pgb`` column of ``wlz.reference``); every other form is the client's
    choice the new decision does not change."""
    return not (leveringsvorm in reference.leveringsvorm.met_pgb() and profiel.pgb == "nee")


def _vervang_vorige(uow, actor: Actor, root, i: int, nieuw: Indicatiebesluit, nu: dt.datetime) -> list[IwlzBericht]:
    """A new indicatiebesluit replaces the client's decision(s) still valid on its ingangsdatum.

    The rules: the CIZ decides the right to care in an indicatiebesluit and may revise it (Wlz art. 3.2.3,
    3.2.4, https://wetten.overheid.nl/BWBR0035917); successive decisions for one client
    carry ascending besluitnummers (iWlz TR079); a zorgtoewijzing lies within its decision's validity (iWlz
    TR016); an AW33 withdraws an assignment with ``Einddatum`` and ``RedenIntrekking`` (AW33.xsd).
    So the old decision ends the day before the new one begins, and each assignment under it that still runs
    then is withdrawn on that day with an AW33 carrying ``Einddatum`` and ``RedenIntrekking`` 3 (herindicatie,
    COD172); the same provider and leveringsvorm get a new assignment under the new decision from its
    ingangsdatum, with its own AW33 (where the new profile allows that leveringsvorm). Care that runs is the
    provider's to end and start again (AW39 mutation 19 on the old key, AW35 on the new; the CA319/CA317 to the
    CAK follow from those as for any other). An assignment that had not begun before the new decision moves to
    it whole (a new AW33 under the new besluitnummer). Refused (nothing kept): a besluitnummer not above the
    valid decision's (TR079), or a new decision that does not begin after the old one (it would not replace
    it but erase it: that is a correction for the CIZ, not an import)."""
    berichten: list[IwlzBericht] = []
    plek = f"Clienten/Client[{i}]/Indicatie"
    laatste_dag = nieuw.ingangsdatum - dt.timedelta(days=1)
    for oud in uow.indicaties.van_client(nieuw.client_id):
        if oud.id == nieuw.id or (oud.einddatum is not None and oud.einddatum < nieuw.ingangsdatum):
            continue
        a, b = _besluitvolgorde(oud.besluitnummer), _besluitvolgorde(nieuw.besluitnummer)
        if a is not None and b is not None and b <= a:
            reden = (
                f"Het besluitnummer is niet hoger dan dat van het geldende indicatiebesluit ({oud.besluitnummer}) van "
                "deze cliënt; opvolgende indicatiebesluiten worden opvolgend genummerd (iWlz-regel TR079)."
            )
            raise _weigering(root, "casus", f"{plek}/Besluitnummer", reden)
        if nieuw.ingangsdatum <= oud.ingangsdatum:
            reden = (
                f"Het indicatiebesluit gaat niet in na het geldende besluit {oud.besluitnummer} (ingang "
                f"{oud.ingangsdatum.isoformat()}); een besluit dat het vorige helemaal vervangt, verwerkt deze "
                "service niet. Neem contact op met het CIZ."
            )
            raise _weigering(root, "casus", f"{plek}/Ingangsdatum", reden)
        oud.vervangen(laatste_dag, nieuw.besluitnummer)
        nieuw.vervangt = (*nieuw.vervangt, oud.besluitnummer)
        log(
            uow,
            actor,
            "wijzigen",
            f"indicatiebesluit beëindigd (vervangen door {nieuw.besluitnummer})",
            client_id=nieuw.client_id,
        )
        for tw in uow.toewijzingen.van_client(nieuw.client_id):
            if tw.indicatie_id != oud.id or tw.status == "beeindigd":
                continue
            if tw.tot is not None and tw.tot < nieuw.ingangsdatum:
                continue
            berichten += _herindicatie_toewijzing(uow, actor, root, plek, tw, nieuw, laatste_dag, nu)
    return berichten


def _aw33_bij_herindicatie(uow, actor: Actor, tw: Zorgtoewijzing, nu, **kw) -> list[IwlzBericht]:
    """The AW33 for an assignment changed by a herindicatie; when iWlz cannot carry the assignment (e.g. a group
    function without ``Vervoer``, which this service does not record), the decision is still registered and the
    assignment's history says that no AW33 was made and why — a valid CIZ decision is never refused for it."""
    try:
        return [_maak_aw33(uow, actor, tw, nu, **kw)]
    except DomainError as exc:
        tw.mutatie_vastleggen(
            code="geen AW33", omschrijving=f"AW33 niet gemaakt: {exc.bericht}", datum=nu.date(), bericht="IO31"
        )
        return []


def _herindicatie_toewijzing(
    uow, actor: Actor, root, plek: str, tw: Zorgtoewijzing, nieuw: Indicatiebesluit, laatste_dag: dt.date, nu
) -> list[IwlzBericht]:
    """One assignment under a replaced decision: withdrawn (and continued under the new one), or moved."""
    past = _past_bij(nieuw.profiel, tw.leveringsvorm)
    met_aw33 = tw.leveringsvorm != "pgb"  # a pgb alone has no provider and no AW33 (iWlz CD040, TR021)
    tekst = f"herindicatie: besluit {nieuw.besluitnummer}"
    uit: list[IwlzBericht] = []
    try:
        if tw.van > laatste_dag and past:
            tw.verplaatsen(nieuw.id, nieuw.zorgprofiel, omschrijving=f"Verplaatst naar {tekst}", bericht="IO31")
            if met_aw33:
                uit += _aw33_bij_herindicatie(uow, actor, tw, nu)
            log(uow, actor, "wijzigen", "zorgtoewijzing verplaatst (herindicatie)", client_id=tw.client_id)
            return uit
        oude_tot = tw.tot
        tw.intrekken(laatste_dag, code=_HERINDICATIE.value, omschrijving=_HERINDICATIE.omschrijving, bericht="IO31")
        if met_aw33 and tw.status != "beeindigd":
            uit += _aw33_bij_herindicatie(uow, actor, tw, nu, intrekking=_HERINDICATIE)
        log(uow, actor, "wijzigen", "zorgtoewijzing ingetrokken (herindicatie)", client_id=tw.client_id)
        if not past:
            return uit
        tot = oude_tot
        if nieuw.einddatum is not None and (tot is None or tot > nieuw.einddatum):
            tot = nieuw.einddatum
        opvolger = Zorgtoewijzing(
            client_id=tw.client_id,
            indicatie_id=nieuw.id,
            agb_code=tw.agb_code,
            leveringsvorm=tw.leveringsvorm,
            van=max(nieuw.ingangsdatum, tw.van),
            tot=tot,
            zorgprofiel=nieuw.zorgprofiel if tw.zorgprofiel is not None else None,
            functie=tw.functie,
            klasse=tw.klasse,
        )
        opvolger.mutatie_vastleggen(
            code="verplaatst", omschrijving=f"Voortgezet na {tekst}", datum=opvolger.van, bericht="IO31"
        )
        uow.toewijzingen.add(opvolger)
        if met_aw33:
            uit += _aw33_bij_herindicatie(uow, actor, opvolger, nu)
        log(uow, actor, "aanmaken", "zorgtoewijzing (herindicatie)", client_id=tw.client_id)
    except DomainError as exc:
        raise _Refusal(_case_finding(root, exc, plek)) from None
    return uit


#: iWlz COD172 (``LDT_RedenIntrekking``) 2 "Negatief indicatiebesluit": why the assignments under a decision the
#: CIZ withdrew end. COD172 (``shared/iwlz/codelijsten/COD172.md``) has no code "intrekking indicatiebesluit"; a
#: withdrawal (Wlz art. 3.2.4) is the CIZ's decision that the client no longer has the indicated right, i.e. a
#: negative decision on it, and 3 "Herindicatie" is kept for a decision replaced by a newer one (above).
_INGETROKKEN_BESLUIT = icodes.RedenIntrekking.NEGATIEF_INDICATIEBESLUIT


def _trek_in(uow, actor: Actor, root, i: int, item, oud: Indicatiebesluit, nu) -> list[IwlzBericht]:
    """An IO31 that repeats the registered besluitnummer ``oud``: the CIZ withdrew (or earlier withdrew and now
    advances) the decision (``wlz.ciz.koppeling.io31``, docs/ciz.md "Withdrawal").

    The rules: the Indicatie's ``Einddatum`` is the last day the decision is "rechtsgeldig" (IO31.xsd); the largest
    Einddatum of an indicated zorgzwaartepakket equals it (iWlz TR014) and is never before the Ingangsdatum (CS003);
    an assignment lies within its decision's validity (TR016), so each assignment under it that runs past that day
    is withdrawn on it with an AW33 carrying ``Einddatum`` and ``RedenIntrekking`` 2 (negatief indicatiebesluit,
    COD172). Only that change is accepted: the same client, zorgprofiel and ingangsdatum and an Einddatum before
    the registered one. Anything else (another client, another zorgprofiel or ingangsdatum, no or a later or the
    same Einddatum) refuses the message naming the element; nothing is written (the caller rolls back)."""
    plek = f"Clienten/Client[{i}]/Indicatie"
    ind = item.indicatie
    c = uow.clients.met_bsn(item.client.bsn)
    if c is None or c.id != oud.client_id:
        reden = "Dit besluitnummer is al geregistreerd voor een andere cliënt; een Besluitnummer hoort bij één cliënt."
        raise _weigering(root, "besluitnummer", f"{plek}/Besluitnummer", reden)
    profiel, zzp_pad = _zorgprofiel(root, plek, ind)
    if profiel.code != oud.zorgprofiel:
        reden = (
            f"De ZzpCode ({profiel.code}) verschilt van het zorgprofiel van geregistreerd besluit {oud.besluitnummer} "
            f"({oud.zorgprofiel}); een ander zorgprofiel is een nieuw besluit met een eigen (hoger) besluitnummer."
        )
        raise _weigering(root, "casus", zzp_pad, reden)
    if ind.ingangsdatum != oud.ingangsdatum:
        reden = (
            f"De Ingangsdatum verschilt van die van geregistreerd besluit {oud.besluitnummer} "
            f"({oud.ingangsdatum.isoformat()}); alleen een intrekking (een eerdere Einddatum) van dit besluit wordt "
            "verwerkt."
        )
        raise _weigering(root, "casus", f"{plek}/Ingangsdatum", reden)
    if ind.einddatum is None or ind.einddatum == oud.einddatum:
        reden = (
            "Dit besluitnummer is al geregistreerd; het bericht verandert de Einddatum niet (een intrekking geeft "
            "een Einddatum voor de geregistreerde)."
        )
        raise _weigering(root, "besluitnummer", f"{plek}/Besluitnummer", reden)
    if oud.einddatum is not None and ind.einddatum > oud.einddatum:
        reden = (
            f"De Einddatum ligt na de geregistreerde einddatum ({oud.einddatum.isoformat()}) van besluit "
            f"{oud.besluitnummer}; een geregistreerd indicatiebesluit wordt niet verlengd."
        )
        raise _weigering(root, "casus", f"{plek}/Einddatum", reden)
    laatste_dag = ind.einddatum
    try:
        oud.intrekken(laatste_dag)
    except DomainError as exc:
        raise _Refusal(_case_finding(root, exc, f"{plek}/Einddatum")) from None
    log(uow, actor, "wijzigen", "indicatiebesluit ingetrokken (uit IO31)", client_id=oud.client_id)
    reden_code = _INGETROKKEN_BESLUIT
    berichten: list[IwlzBericht] = []
    for tw in uow.toewijzingen.van_client(oud.client_id):
        if tw.indicatie_id != oud.id or tw.status == "beeindigd":
            continue
        if tw.tot is not None and tw.tot <= laatste_dag:
            continue
        try:
            tw.intrekken(laatste_dag, code=reden_code.value, omschrijving=reden_code.omschrijving, bericht="IO31")
        except DomainError as exc:
            raise _Refusal(_case_finding(root, exc, plek)) from None
        if tw.leveringsvorm == "pgb":  # a pgb alone has no provider and no AW33 (iWlz CD040, TR021)
            pass
        elif tw.status == "beeindigd":
            # it would have begun after the decision's last day: an AW33 cannot end it before its Ingangsdatum (CS003)
            tw.mutatie_vastleggen(
                code="geen AW33",
                omschrijving="AW33 niet gemaakt: de toewijzing zou pas na de laatste dag van het ingetrokken besluit "
                "ingaan, en een Einddatum voor de Ingangsdatum kan iWlz niet versturen (CS003).",
                datum=nu.date(),
                bericht="IO31",
            )
        else:
            berichten += _aw33_bij_herindicatie(uow, actor, tw, nu, intrekking=reden_code)
        log(uow, actor, "wijzigen", "zorgtoewijzing ingetrokken (indicatiebesluit ingetrokken)", client_id=tw.client_id)
    return berichten


def import_io31(uow, actor: Actor, data: bytes) -> tuple[IwlzBericht, list[Indicatiebesluit]]:
    """Register every indicatiebesluit of an IO31; a client not yet known is created from the message.

    A besluitnummer already registered is the CIZ's withdrawal of that decision when only its Einddatum moves
    earlier (:func:`_trek_in`); a new besluitnummer for a known client replaces the client's valid decision
    (:func:`_vervang_vorige`). A message the XSD, the XSLT rules or the zorgkantoor's own checks refuse
    (``RECEIVER_CHECKS``: sent to another zorgkantoor, an indication without zzp, a registered besluitnummer that
    changes anything else, ...) is stored with its IO32 and nothing else of it."""
    vereis(actor, "bericht.importeren")
    root, report = _receive(data, "IO31")
    partijen = _check_parties(actor, root, afzender=None) + _check_identificatie(uow, root, "IO31", "CIZ")
    if partijen or not report.valid:
        _refuse(uow, actor, "IO31", root, data, _with(report, partijen), afzender="CIZ")
    io31 = _read(iwlz.read_io31, data, "IO31")
    indicaties: list[Indicatiebesluit] = []
    fouten: list[Finding] = []
    nu = dt.datetime.now()
    for i, item in enumerate(io31.clienten, start=1):
        try:
            oud = uow.indicaties.met_besluitnummer(str(item.indicatie.besluitnummer))
            if oud is not None:  # the same decision again: a withdrawal by the CIZ, or refused
                aw33 = _trek_in(uow, actor, root, i, item, oud, nu)
                oud.aw33_ids = tuple(b.id for b in aw33)
                indicaties.append(oud)
                continue
            nieuw = _register_indicatie(uow, actor, root, i, item)
            aw33 = _vervang_vorige(uow, actor, root, i, nieuw, nu)
            nieuw.aw33_ids = tuple(b.id for b in aw33)
            indicaties.append(nieuw)
        except _Refusal as exc:
            fouten.append(exc.finding)
    if fouten:
        _refuse_own(uow, actor, "IO31", root, data, fouten, afzender="CIZ")
    client_ids = [ind.client_id for ind in indicaties]
    bericht = IwlzBericht(
        soort="IO31",
        richting="in",
        identificatie=io31.identificatie,
        dagtekening=io31.dagtekening,
        afzender="CIZ",
        ontvanger=io31.ontvanger,
        inhoud=bytes(data),
        vastgelegd_door=actor.gebruiker_id,
        client_id=client_ids[0] if len(set(client_ids)) == 1 else None,
        resultaat=GEACCEPTEERD,
    )
    uow.berichten.add(bericht)
    _answer(uow, actor, root, report, bericht)
    uow.commit()
    return bericht, indicaties


# --- AW33: zorgtoewijzing to the provider -------------------------------------------------------------------
def _maak_aw33(
    uow, actor: Actor, tw: Zorgtoewijzing, nu: dt.datetime, *, intrekking: icodes.RedenIntrekking | None = None
) -> IwlzBericht:
    """Build the AW33 of one zorgtoewijzing (validated against the XSD and the XSLT rules by ``wlz.iwlz``) and
    add it to the unit of work, unlogged and uncommitted. ``intrekking``: the AW33 that withdraws the
    assignment (its ``Einddatum`` and ``RedenIntrekking``, COD172)."""
    c = uow.clients.get(tw.client_id)
    ind = uow.indicaties.get(tw.indicatie_id)
    try:
        icl = casefile.client(
            bsn=c.bsn,
            voornamen=c.voornamen,
            achternaam=c.achternaam,
            geboortedatum=c.geboortedatum,
            straat=c.straat,
            huisnummer=c.huisnummer,
            postcode=c.postcode,
            woonplaats=c.woonplaats,
        )
        iind = casefile.indicatiebesluit(
            besluitnummer=ind.besluitnummer,
            zorgprofiel=ind.zorgprofiel,
            grondslagen=ind.grondslagen,
            ingangsdatum=ind.ingangsdatum,
            einddatum=ind.einddatum,
        )
        aw33 = casefile.zorgtoewijzing(
            client=icl,
            indicatie=iind,
            zorgkantoor=zorgkantoor_code(),
            agb_code=tw.agb_code,
            leveringsvorm=tw.leveringsvorm,
            ingangsdatum=tw.van,
            einddatum=tw.tot,
            zorgprofiel=tw.zorgprofiel,
            functie=tw.functie,
            klasse=tw.klasse,
            toegewezen_op=nu,
            identificatie=_identificatie("TW"),
        )
        if intrekking is not None:
            aw33 = _met_intrekking(aw33, intrekking)
        xml = iwlz.build_aw33(aw33)
    except iwlz.BerichtOngeldig as exc:
        raise DomainError(str(exc), "bericht") from None
    except ValueError as exc:
        raise _veldfout(exc) from None
    bericht = IwlzBericht(
        soort="AW33",
        richting="uit",
        identificatie=aw33.identificatie,
        dagtekening=aw33.dagtekening,
        afzender=aw33.afzender or zorgkantoor_code(),
        ontvanger=aw33.ontvanger,
        inhoud=xml,
        vastgelegd_door=actor.gebruiker_id,
        client_id=tw.client_id,
        toewijzing_id=tw.id,
    )
    uow.berichten.add(bericht)
    return bericht


def _met_intrekking(aw33: iwlz.AW33Bericht, reden: icodes.RedenIntrekking) -> iwlz.AW33Bericht:
    """The AW33 with ``RedenIntrekking`` on every assigned zzp and function (they all end on its Einddatum)."""
    clienten = tuple(
        dataclasses.replace(
            cl,
            toegewezen_zzps=tuple(dataclasses.replace(z, reden_intrekking=reden) for z in cl.toegewezen_zzps),
            toegewezen_functies=tuple(dataclasses.replace(f, reden_intrekking=reden) for f in cl.toegewezen_functies),
        )
        for cl in aw33.clienten
    )
    return dataclasses.replace(aw33, clienten=clienten)


def export_aw33(uow, actor: Actor, toewijzing_id: str, nu: dt.datetime | None = None) -> IwlzBericht:
    """Write (and keep) the AW33 for one zorgtoewijzing. Values iWlz cannot carry are refused by field."""
    vereis(actor, "bericht.maken")
    tw: Zorgtoewijzing | None = uow.toewijzingen.get(toewijzing_id)
    if tw is None:
        raise NotFound("toewijzing")
    client_zichtbaar(uow, actor, tw.client_id)
    bericht = _maak_aw33(uow, actor, tw, nu or dt.datetime.now())
    log(uow, actor, "aanmaken", "AW33 zorgtoewijzing", client_id=tw.client_id)
    uow.commit()
    return bericht


def stored_aw33(uow, actor: Actor, toewijzing_id: str) -> IwlzBericht:
    """The AW33 last made for one zorgtoewijzing, as it was sent: a download makes nothing new (making one is
    ``export_aw33``, a POST); only the read is logged (NEN 7513). None made yet: refused, naming what to do."""
    vereis(actor, "bericht.maken")
    tw: Zorgtoewijzing | None = uow.toewijzingen.get(toewijzing_id)
    if tw is None:
        raise NotFound("toewijzing")
    client_zichtbaar(uow, actor, tw.client_id)
    gemaakt = [b for b in uow.berichten.van_client(tw.client_id) if b.soort == "AW33" and b.toewijzing_id == tw.id]
    if not gemaakt:
        raise DomainError("Voor deze zorgtoewijzing is nog geen AW33 gemaakt; maak hem eerst.", "status")
    b = max(gemaakt, key=lambda m: m.aangemaakt_op)
    log(uow, actor, "lezen", "AW33-bericht", client_id=tw.client_id)
    uow.commit()
    return b


# --- AW35 / AW39: start and end of care, from the provider ----------------------------------------------------
def _kandidaat(uow, actor: Actor, bsn: str, besluitnummer: int, ingang: dt.date, *, zzp=None, functie=None):
    """The provider's own toewijzing a reported line is about (by the key fields), or None."""
    c = uow.clients.met_bsn(bsn)
    kandidaten = [] if c is None else [t for t in uow.toewijzingen.van_client(c.id) if t.agb_code == actor.agb_code]
    for t in kandidaten:
        ind = uow.indicaties.get(t.indicatie_id)
        if ind is None or ind.besluitnummer != str(besluitnummer) or t.van != ingang:
            continue
        if zzp is not None and t.zorgprofiel and reference.lookup(t.zorgprofiel).cod163 == zzp:
            return t
        if functie is not None and t.functie == functie:
            return t
    return None


def _toewijzing_voor(uow, actor: Actor, root, pad: str, bsn: str, besluitnummer: int, ingang: dt.date, **sleutel):
    """The provider's own toewijzing the line at ``pad`` is about; none: refused by TR019 (nothing revealed)."""
    tw = _kandidaat(uow, actor, bsn, besluitnummer, ingang, **sleutel)
    if tw is None:
        reden = (
            "Geen zorgtoewijzing aan uw AGB-code gevonden voor deze melding (controleer besluitnummer, "
            "zorgzwaartepakket of functie en de ingangsdatum van de toewijzing)."
        )
        raise _weigering(root, "toewijzing", pad, reden)
    return tw


_STATUS_VERWIJDEREN = icodes.StatusAanlevering.VERWIJDEREN_AANLEVERING


def _geen_verwijdering(root, regel, pad: str, tw: Zorgtoewijzing | None, *, eerder: bool, aanvang: bool) -> None:
    """StatusAanlevering 3 asks to delete an earlier report. Without that earlier report (same key) it breaks
    TR063; after an end of care of that delivery TR071; otherwise it is valid, but the service keeps reports as
    evidence and cannot undo one from a message, so it refuses it (``0001``) instead of reading it as new."""
    if regel.status_aanlevering != _STATUS_VERWIJDEREN:
        return
    veld = f"{pad}/StatusAanlevering"
    if tw is None or not eerder:
        reden = "Er is geen eerdere aanlevering met dezelfde sleutel ontvangen."
        raise _weigering(root, "verwijderen_zonder_eerdere", veld, reden)
    einde = tw.einde_zorg
    if aanvang and einde is not None and (regel.begindatum is None or einde >= regel.begindatum):
        raise _weigering(root, "verwijderen_na_einde_zorg", veld, "Voor deze zorg is al einde zorg gemeld.")
    reden = (
        "StatusAanlevering 3 (verwijderen aanlevering) verwerkt deze service niet; neem contact op met het "
        "zorgkantoor om een eerdere melding te laten corrigeren."
    )
    raise _weigering(root, "verwijderen", veld, reden)


_STATUS_EERSTE = icodes.StatusAanlevering.EERSTE_AANLEVERING


def _sleutel(bsn: str, regel, zorgeenheid: dict[str, str]) -> str:
    """A delivery's key as stored (a hash: no BSN in the table). AW35 line: client, besluitnummer, zzp or function,
    the toewijzing's Ingangsdatum and the Begindatum of care. AW39 line: the same with the mutatiecode and its
    Begindatum (for a mutation before a start of care, which has none, the Mutatiedatum), so a care that is ended,
    restarted and ended again gives two keys."""
    delen = [bsn, str(regel.besluitnummer), *zorgeenheid.values(), regel.toewijzing_ingangsdatum.isoformat()]
    code = getattr(regel, "mutatiecode", None)
    if code is not None:
        delen += [code.value, (regel.begindatum or regel.mutatiedatum).isoformat()]
    else:
        delen.append(regel.begindatum.isoformat())
    return hashlib.blake2b("\x00".join(delen).encode(), digest_size=16).hexdigest()


def _check_aanleveringen(
    uow, root, soort: str, afzender: str, regels: list[tuple[str, str, object]]
) -> tuple[list[Finding], list[str]]:
    """iWlz TR074 over a message's lines ``(path, key, line)``: a first delivery (StatusAanlevering 1) whose key an
    accepted message of this sender delivered before, or that occurs twice in this message, is refused (9074).
    Returns the findings and the first deliveries' keys (recorded when the message is accepted). TR103 and TR104
    (a changed delivery, StatusAanlevering 2) cannot occur: in an AW35 and AW39 the XSLT set allows only 1 and 3
    (CS058)."""
    bekend = uow.berichten.bekende_aanleveringen(soort, afzender, {k for _, k, _ in regels})
    fouten: list[Finding] = []
    nieuw: list[str] = []
    for pad, sleutel, regel in regels:
        if getattr(regel, "status_aanlevering", _STATUS_EERSTE) != _STATUS_EERSTE:
            continue
        if sleutel in bekend or sleutel in nieuw:
            reden = (
                "Deze aanlevering (zelfde cliënt, besluitnummer, zorgeenheid, toewijzing en datum) is al eerder "
                "ontvangen; een eerste aanlevering met dezelfde sleutel kan maar één keer."
            )
            fouten.append(_weigering(root, "aanlevering_dubbel", f"{pad}/StatusAanlevering", reden).finding)
        else:
            nieuw.append(sleutel)
    return fouten, nieuw


def _store(
    uow, actor: Actor, soort: str, melding, data: bytes, client_ids: list[str], *, richting="in", ontvanger=None
) -> IwlzBericht:
    """Store a message (received, or with ``richting="uit"`` one written); tied to a client when it is about
    exactly one. ``ontvanger``: for a message whose header names none (the CAK has no code)."""
    bericht = IwlzBericht(
        soort=soort,
        richting=richting,
        identificatie=melding.identificatie,
        dagtekening=melding.dagtekening,
        afzender=melding.afzender,
        ontvanger=ontvanger or melding.ontvanger,
        inhoud=bytes(data),
        vastgelegd_door=actor.gebruiker_id,
        client_id=client_ids[0] if len(set(client_ids)) == 1 else None,
    )
    uow.berichten.add(bericht)
    return bericht


def _aan_cak(uow, actor: Actor, builder, cak_bericht, client_ids: list[str]) -> IwlzBericht:
    try:
        xml = builder(cak_bericht)
    except iwlz.BerichtOngeldig as exc:
        raise DomainError(str(exc), "bericht") from None
    soort = type(cak_bericht).__name__.removesuffix("Bericht")
    return _store(uow, actor, soort, cak_bericht, xml, client_ids, richting="uit", ontvanger="CAK")


def _aanvang(uow, actor: Actor, root, bsn: str, pad: str, z, zorg_id: dict, *, zzp=None, functie=None):
    """One AW35 line (a delivered zzp or function): the start of care on the provider's toewijzing."""
    kandidaat = _kandidaat(uow, actor, bsn, z.besluitnummer, z.toewijzing_ingangsdatum, zzp=zzp, functie=functie)
    eerder = kandidaat is not None and (
        kandidaat.aanvang_zorg == z.begindatum or any(m["bericht"].startswith("AW35") for m in kandidaat.mutaties or [])
    )
    _geen_verwijdering(root, z, pad, kandidaat, eerder=eerder, aanvang=True)
    tw = _toewijzing_voor(
        uow, actor, root, pad, bsn, z.besluitnummer, z.toewijzing_ingangsdatum, zzp=zzp, functie=functie
    )
    status = getattr(z, "leveringsstatus", icodes.Leveringsstatus.IN_ZORG)
    if status != icodes.Leveringsstatus.IN_ZORG:
        tw.mutatie_vastleggen(
            code=f"leveringsstatus {status.value}",
            omschrijving=status.omschrijving,
            datum=z.begindatum or _dagtekening(root),
            bericht=f"AW35 {_header_text(root, 'Identificatie')}",
        )
        return tw
    if tw.status == "toegewezen":
        try:
            tw.zorg_gestart(z.begindatum)
        except DomainError as exc:
            check = "begindatum_buiten_toewijzing" if exc.veld == "datum" else "casus"
            raise _weigering(root, check, f"{pad}/Begindatum", exc.bericht) from None
    if zzp is not None:
        tw.geleverde_zorg_id = tw.geleverde_zorg_id or str(uuid.uuid4())
        zorg_id[(bsn, z.besluitnummer, zzp, z.begindatum)] = tw.geleverde_zorg_id
    return tw


def import_aw35(uow, actor: Actor, data: bytes) -> tuple[IwlzBericht, IwlzBericht | None]:
    """Record the start of care for every delivered zzp/function, and write the CA317 for the CAK.

    The CA317's ``GeleverdeZorgID`` is kept on the zorgtoewijzing, so the CA319 at the end of care names
    the same delivery. A line that is not "in zorg" (a waiting status) is kept on the toewijzing's history.
    A message the XSD, the XSLT rules or the zorgkantoor's own checks refuse (``RECEIVER_CHECKS``: another
    sender's AGB code, no matching toewijzing (TR019), StatusAanlevering 3, ...) is stored with its AW36 and
    nothing else of it."""
    vereis(actor, "toewijzing.melden")
    root, report = _receive(data, "AW35")
    afzender = actor.agb_code or "onbekend"
    partijen = _check_parties(actor, root, afzender=actor.agb_code)
    partijen += _check_identificatie(uow, root, "AW35", actor.agb_code or _header_text(root, "Afzender"))
    if partijen or not report.valid:
        _refuse(uow, actor, "AW35", root, data, _with(report, partijen), afzender=afzender)
    aw35 = _read(iwlz.read_aw35, data, "AW35")
    client_ids = []
    zorg_id: dict[tuple, str] = {}
    fouten: list[Finding] = []
    alle_regels: list[tuple[str, str, object]] = []
    for i, item in enumerate(aw35.clienten, start=1):
        regels = [
            (
                f"Clienten/Client[{i}]/GeleverdeZorgzwaartepakketten/GeleverdZorgzwaartepakket[{j}]",
                z,
                {"zzp": z.zzp_code},
            )
            for j, z in enumerate(item.geleverde_zzps, start=1)
        ]
        regels += [
            (f"Clienten/Client[{i}]/GeleverdeFuncties/GeleverdeFunctie[{j}]", f, {"functie": f.functiecode.value})
            for j, f in enumerate(item.geleverde_functies, start=1)
        ]
        alle_regels += [(pad, _sleutel(item.client.bsn, regel, s), regel) for pad, regel, s in regels]
        for pad, regel, sleutel in regels:
            try:
                tw = _aanvang(uow, actor, root, item.client.bsn, pad, regel, zorg_id, **sleutel)
            except _Refusal as exc:
                fouten.append(exc.finding)
                continue
            client_ids.append(tw.client_id)
    dubbel, nieuw = _check_aanleveringen(uow, root, "AW35", afzender, alle_regels)
    fouten += dubbel
    if fouten:
        _refuse_own(uow, actor, "AW35", root, data, fouten, afzender=afzender)
    bericht = _store(uow, actor, "AW35", aw35, data, client_ids)
    bericht.resultaat = GEACCEPTEERD
    uow.berichten.aanleveringen_vastleggen("AW35", afzender, nieuw, bericht.id)
    _answer(uow, actor, root, report, bericht)
    ca317 = iwlz.ca317_from_aw35(aw35, identificatie=_identificatie("CA"), dagtekening=dt.date.today(), zorg_id=zorg_id)
    cak = None if ca317 is None else _aan_cak(uow, actor, iwlz.build_ca317, ca317, client_ids)
    for cid in dict.fromkeys(client_ids):
        log(uow, actor, "wijzigen", "aanvang zorg (AW35)", client_id=cid)
    uow.commit()
    return bericht, cak


def _overgedragen(tw: Zorgtoewijzing) -> bool:
    """The toewijzing went to another provider before care started here (mutation 21)."""
    return tw.status == "beeindigd" and tw.aanvang_zorg is None


def _apply_mutatie(root, tw, m, pad: str, bericht: str) -> None:
    """Apply one AW39 mutation line to the provider's toewijzing (iWlz ``LDT_MutatieCode``):

    - 19 beëindigd, toewijzing sluiten: care ends, the toewijzing is closed;
    - 20 beëindigd, toewijzing aanhouden: care ends, the toewijzing stays open for a new start (AW35);
    - 17 overplaatsing: care here ends, the client moves to ``InstellingBestemming`` (the zorgkantoor then
      assigns the care to that provider);
    - 21 overdracht toewijzing: no care was started here, the toewijzing goes to ``InstellingBestemming``;
    - 12 client wil de zorg nog niet / 18 aanbieder kan nog niet leveren: a waiting status before the start.

    Every line is kept on the toewijzing's history. A code that does not fit the toewijzing's state is
    refused by the rule it breaks (``RECEIVER_CHECKS``: TR069 for an end of care without the start it names,
    TR078 for 12, 18, 21 after a start of care), instead of being stored without effect."""
    code = m.mutatiecode
    C = icodes.MutatieCode
    omschrijving = code.omschrijving
    bestemming = m.instelling_bestemming
    reden = f"AW39 mutatiecode {code.value}: {omschrijving}"
    veld_code = f"{pad}/Mutatiecode"
    if _overgedragen(tw):
        tekst = (
            "Deze toewijzing is al overgedragen aan een andere zorgaanbieder (21); er kan niets meer op gemeld worden."
        )
        raise _weigering(root, "toewijzing_overgedragen", veld_code, tekst)
    einde = code in (C.BEEINDIGD_TOEWIJZING_SLUITEN, C.BEEINDIGD_TOEWIJZING_AANHOUDEN, C.OVERPLAATSING)
    if tw.tot is not None and m.mutatiedatum > tw.tot:
        tekst = f"De Mutatiedatum ligt na de einddatum van de toewijzing ({tw.tot.isoformat()})."
        raise _weigering(root, "mutatiedatum_na_toewijzing", f"{pad}/Mutatiedatum", tekst)
    if code in (C.OVERPLAATSING, C.OVERDRACHT_TOEWIJZING) and not bestemming:
        tekst = f"Bij mutatiecode {code.value} ({omschrijving}) is de nieuwe zorgaanbieder verplicht."
        raise _weigering(root, "bestemming", f"{pad}/InstellingBestemming", tekst)
    if einde and tw.status != "in_zorg":
        tekst = (
            f"Mutatiecode {code.value} ({omschrijving}) kan alleen voor zorg die loopt; voor deze toewijzing is geen "
            "(lopende) aanvang zorg gemeld. Gebruik 12, 18 of 21 als de zorg nog niet begon."
        )
        raise _weigering(root, "einde_zonder_aanvang", veld_code, tekst)
    if einde and m.begindatum is not None and m.begindatum != tw.aanvang_zorg:
        tekst = "De Begindatum is niet de begindatum van de lopende zorg uit de melding aanvang zorg."
        raise _weigering(root, "einde_zonder_aanvang", f"{pad}/Begindatum", tekst)
    if not einde and tw.status != "toegewezen":
        tekst = (
            f"Mutatiecode {code.value} ({omschrijving}) geldt alleen zolang de zorg nog niet begon (of na einde zorg "
            "met aanhouden van de toewijzing, 20); deze zorg is al gestart of beëindigd. Gebruik overplaatsing (17) "
            "of einde zorg (19, 20)."
        )
        raise _weigering(root, "mutatie_na_aanvang", veld_code, tekst)
    try:
        if code == C.BEEINDIGD_TOEWIJZING_AANHOUDEN:
            tw.zorg_onderbroken(m.mutatiedatum, reden)
        elif einde:
            tw.zorg_beeindigd(m.mutatiedatum, reden if not bestemming else f"{reden} (naar AGB {bestemming})")
        elif code == C.OVERDRACHT_TOEWIJZING:
            tw.overgedragen(m.mutatiedatum, f"{reden} (naar AGB {bestemming})")
    except DomainError as exc:
        raise _weigering(root, "casus", f"{pad}/Mutatiedatum", exc.bericht) from None
    tw.mutatie_vastleggen(
        code=code.value, omschrijving=omschrijving, datum=m.mutatiedatum, bericht=bericht, bestemming=bestemming
    )


def _mutatie(uow, actor: Actor, root, bsn: str, pad: str, m, ident: str, **sleutel) -> Zorgtoewijzing:
    """One AW39 mutation line (a zzp or function) on the provider's toewijzing."""
    kandidaat = _kandidaat(uow, actor, bsn, m.besluitnummer, m.toewijzing_ingangsdatum, **sleutel)
    eerder = kandidaat is not None and any(
        x["code"] == m.mutatiecode.value and x["datum"] == m.mutatiedatum.isoformat() for x in kandidaat.mutaties or []
    )
    _geen_verwijdering(root, m, pad, kandidaat, eerder=eerder, aanvang=False)
    tw = _toewijzing_voor(uow, actor, root, pad, bsn, m.besluitnummer, m.toewijzing_ingangsdatum, **sleutel)
    _apply_mutatie(root, tw, m, pad, f"AW39 {ident}")
    return tw


def import_aw39(uow, actor: Actor, data: bytes) -> tuple[IwlzBericht, IwlzBericht | None]:
    """Record the provider's mutations (every ``Mutatiecode`` of iWlz 2.2, see :func:`_apply_mutatie`) and,
    for an end of care the CAK knows of (a CA317 was sent), write the CA319 that stops the eigen bijdrage.

    A request for a changed toewijzing (``Aanvragen``, AAT) is not handled by this service: such a message is
    refused as a whole (``0001``, naming the element) rather than stored with the request silently ignored.
    Every refused message is stored with its AW310 and nothing else of it."""
    vereis(actor, "toewijzing.melden")
    root, report = _receive(data, "AW39")
    afzender = actor.agb_code or "onbekend"
    partijen = _check_parties(actor, root, afzender=actor.agb_code)
    partijen += _check_identificatie(uow, root, "AW39", actor.agb_code or _header_text(root, "Afzender"))
    if partijen or not report.valid:
        _refuse(uow, actor, "AW39", root, data, _with(report, partijen), afzender=afzender)
    aw39 = _read(iwlz.read_aw39, data, "AW39")
    client_ids = []
    zorg_id: dict[tuple, str] = {}
    fouten: list[Finding] = []
    alle_regels: list[tuple[str, str, object]] = []
    for i, item in enumerate(aw39.clienten, start=1):
        for k, _ in enumerate(item.aanvragen, start=1):
            reden = (
                "Een aanvraag aangepaste toewijzing (Aanvraag) in een AW39 verwerkt deze service niet; vraag de "
                "nieuwe toewijzing aan bij het zorgkantoor."
            )
            fouten.append(_weigering(root, "aanvraag", f"Clienten/Client[{i}]/Aanvragen/Aanvraag[{k}]", reden).finding)
        regels = [
            (f"Clienten/Client[{i}]/MutatieZorgzwaartepakketten/MutatieZorgzwaartepakket[{j}]", m, {"zzp": m.zzp_code})
            for j, m in enumerate(item.mutatie_zzps, 1)
        ]
        regels += [
            (f"Clienten/Client[{i}]/MutatieFuncties/MutatieFunctie[{j}]", m, {"functie": m.functiecode.value})
            for j, m in enumerate(item.mutatie_functies, 1)
        ]
        alle_regels += [(pad, _sleutel(item.client.bsn, m, s), m) for pad, m, s in regels]
        for pad, m, sleutel in regels:
            try:
                tw = _mutatie(uow, actor, root, item.client.bsn, pad, m, aw39.identificatie, **sleutel)
            except _Refusal as exc:
                fouten.append(exc.finding)
                continue
            if "zzp" in sleutel and m.einde_zorg and tw.geleverde_zorg_id:
                zorg_id[(item.client.bsn, m.besluitnummer, m.zzp_code, m.begindatum)] = tw.geleverde_zorg_id
            client_ids.append(tw.client_id)
    dubbel, nieuw = _check_aanleveringen(uow, root, "AW39", afzender, alle_regels)
    fouten += dubbel
    if fouten:
        _refuse_own(uow, actor, "AW39", root, data, fouten, afzender=afzender)
    bericht = _store(uow, actor, "AW39", aw39, data, client_ids)
    bericht.resultaat = GEACCEPTEERD
    uow.berichten.aanleveringen_vastleggen("AW39", afzender, nieuw, bericht.id)
    _answer(uow, actor, root, report, bericht)
    ca319 = iwlz.ca319_from_aw39(aw39, identificatie=_identificatie("CB"), dagtekening=dt.date.today(), zorg_id=zorg_id)
    cak = None if ca319 is None else _aan_cak(uow, actor, iwlz.build_ca319, ca319, client_ids)
    for cid in dict.fromkeys(client_ids):
        log(uow, actor, "wijzigen", "mutatie zorg (AW39)", client_id=cid)
    uow.commit()
    return bericht, cak


# --- manual start and end of care (client page / API, without an iWlz message) -------------------------------
# A provider without an iWlz connection reports the start or end of care with the buttons of the client page
# (or POST /api/toewijzingen/{id}/aanvang|einde). The CAK must hear of it exactly as after an AW35/AW39, so the
# manual report is read as the AW35/AW39 line it stands for and goes through the same ``ca317_from_aw35`` /
# ``ca319_from_aw39`` and ``_aan_cak`` as an imported message: same ids, same schema check, same storage.
# That line is only the input of the CA317/CA319; it was never received, so it is not stored as a message.


def _handmatige_levering(uow, tw: Zorgtoewijzing):
    """What an AW35/AW39 for a zzp toewijzing would say, as (header, client, line, zorg key): the header and
    the line as keyword arguments (the fields ``GeleverdZzp`` and ``MutatieZzp`` share), the key as
    ``ca317_from_aw35``/``ca319_from_aw39`` look up the ``GeleverdeZorgID``. None for a function (CA317/CA319
    carry only zzp deliveries, as with the messages)."""
    if tw.zorgprofiel is None:
        return None
    c = uow.clients.get(tw.client_id)
    ind = uow.indicaties.get(tw.indicatie_id)
    client = casefile.client(
        bsn=c.bsn, voornamen=c.voornamen, achternaam=c.achternaam, geboortedatum=c.geboortedatum
    ).kort()
    try:
        besluitnummer = casefile.to_besluitnummer(ind.besluitnummer)
    except ValueError:
        # an indication registered by hand may carry a besluitnummer iWlz cannot hold; CA317/CA319 do not
        # carry it (it only keys the delivery to its GeleverdeZorgID below), so any fixed key will do
        besluitnummer = 0
    zzp = casefile.zzp_code(tw.zorgprofiel)
    kop = {
        "afzender": tw.agb_code,
        "ontvanger": zorgkantoor_code(),
        "identificatie": "handmatig",
        "dagtekening": dt.date.today(),
    }
    regel = {
        "besluitnummer": besluitnummer,
        "zzp_code": zzp,
        "toewijzing_ingangsdatum": tw.van,
        "instelling": tw.agb_code,
        # mpt_pgb: the provider delivers the mpt (the pgb is the client's own budget), as its AW35 would report
        "leveringsvorm": casefile.leveringsvormen(tw.leveringsvorm)[0],
        "begindatum": tw.aanvang_zorg,
    }
    return kop, client, regel, (client.bsn, besluitnummer, zzp, tw.aanvang_zorg)


def aanvang_aan_cak(uow, actor: Actor, tw: Zorgtoewijzing) -> IwlzBericht | None:
    """After a manual start of care (``tw.zorg_gestart`` done): the CA317 an AW35 for it would give, stored
    for the CAK; the toewijzing keeps its ``GeleverdeZorgID`` for the CA319 at the end. The caller commits."""
    levering = _handmatige_levering(uow, tw)
    if levering is None or tw.aanvang_zorg is None:
        return None
    kop, client, regel, sleutel = levering
    tw.geleverde_zorg_id = tw.geleverde_zorg_id or str(uuid.uuid4())
    aw35 = iwlz.AW35Bericht(
        **kop, clienten=(iwlz.AW35Client(client=client, geleverde_zzps=(iwlz.GeleverdZzp(**regel),)),)
    )
    zorg = {sleutel: tw.geleverde_zorg_id}
    ca317 = iwlz.ca317_from_aw35(aw35, identificatie=_identificatie("CA"), dagtekening=kop["dagtekening"], zorg_id=zorg)
    return None if ca317 is None else _aan_cak(uow, actor, iwlz.build_ca317, ca317, [tw.client_id])


def einde_aan_cak(uow, actor: Actor, tw: Zorgtoewijzing, datum: dt.date) -> IwlzBericht | None:
    """After a manual end of care (``tw.zorg_beeindigd`` done; it closes the toewijzing, so mutation code 19):
    the CA319 an AW39 for it would give, when the CAK knows the care (a CA317 was sent). The caller commits."""
    levering = _handmatige_levering(uow, tw)
    if levering is None or not tw.geleverde_zorg_id:
        return None
    kop, client, regel, sleutel = levering
    mutatie = iwlz.MutatieZzp(
        **regel,
        mutatiecode=icodes.MutatieCode.BEEINDIGD_TOEWIJZING_SLUITEN,
        mutatiedatum=datum,
        leveringsstatus=icodes.Leveringsstatus.EINDE_ZORGVRAAG,
    )
    aw39 = iwlz.AW39Bericht(**kop, clienten=(iwlz.AW39Client(client=client, mutatie_zzps=(mutatie,)),))
    zorg = {sleutel: tw.geleverde_zorg_id}
    ca319 = iwlz.ca319_from_aw39(aw39, identificatie=_identificatie("CB"), dagtekening=kop["dagtekening"], zorg_id=zorg)
    return None if ca319 is None else _aan_cak(uow, actor, iwlz.build_ca319, ca319, [tw.client_id])


# --- retours partners send for our messages (AW34 from a provider, CA318/CA320 from the CAK) --------------------
#: who may hand in which retour: a provider its AW34 on our AW33; the zorgkantoor the CAK's CA318/CA320
_RETOUR_RECHT = {"AW34": "toewijzing.melden", "CA318": "bericht.importeren", "CA320": "bericht.importeren"}


def import_retour(uow, actor: Actor, data: bytes) -> IwlzBericht:
    """Keep a retour a partner sent for one of our messages and set that message's result from its codes:
    ``geaccepteerd`` when every berichtklasse got ``0200``, else ``geweigerd`` with each code and element.
    The message it answers must be ours (sent, same type, identification and date) and, for an AW34, sent to
    this provider; anything else is refused naming the field, and nothing is stored."""
    if not data or not data.strip():
        raise DomainError("Het retourbericht is leeg.", "bericht")
    try:
        soort = iwlz.berichtsoort_of(iwlz.parse_xml(data)).naam
    except iwlz.BerichtOngeldig as exc:
        raise DomainError(str(exc), "bericht") from None
    if soort not in _RETOUR_RECHT:
        raise DomainError("Stuur hier een retourbericht: AW34, CA318 of CA320.", "bericht")
    vereis(actor, _RETOUR_RECHT[soort])
    r = _read(iwlz.read_retour, data, soort)
    heen = uow.berichten.met_identificatie(r.heen_soort, r.identificatie, r.dagtekening)
    if heen is None or heen.richting != "uit" or (actor.rol == "aanbieder" and heen.ontvanger != actor.agb_code):
        raise DomainError(
            f"Geen verstuurd {r.heen_soort}-bericht gevonden met identificatie {r.identificatie} en deze dagtekening.",
            "identificatie",
        )
    heen.resultaat = GEACCEPTEERD if r.geaccepteerd else GEWEIGERD
    heen.bevindingen = [
        {"code": c.code, "pad": c.pad, "tekst": c.omschrijving, "retourcode": c.code} for c in r.afwijkingen
    ] or None
    retour = IwlzBericht(
        soort=soort,
        richting="in",
        identificatie=r.identificatie_retour[:40],
        dagtekening=r.dagtekening_retour,
        afzender=actor.agb_code if soort == "AW34" and actor.agb_code else "CAK",
        ontvanger=zorgkantoor_code(),
        inhoud=bytes(data),
        vastgelegd_door=actor.gebruiker_id,
        client_id=heen.client_id,
        toewijzing_id=heen.toewijzing_id,
        retour_van=heen.id,
        resultaat=heen.resultaat,
        bevindingen=heen.bevindingen,
    )
    uow.berichten.add(retour)
    log(uow, actor, "aanmaken", f"{soort} retour op {r.heen_soort}", client_id=heen.client_id)
    uow.commit()
    return retour


def retour_of(uow, actor: Actor, bericht_id: str) -> IwlzBericht:
    """The (latest) retour of a stored message, for whoever may read that message; logged as a read."""
    vereis(actor, "bericht.lezen")
    b = uow.berichten.get(bericht_id)
    if b is None or (actor.rol == "aanbieder" and not _van_aanbieder(actor, b)):
        raise NotFound("bericht")
    retouren = list(uow.berichten.retouren(b.id))
    if not retouren:  # the message exists (so not 404): it was sent before retours were kept, or none came back
        raise DomainError("Op dit bericht is (nog) geen retourbericht verstuurd of ontvangen.", "retour")
    return read(uow, actor, retouren[-1].id)


# --- reading stored messages --------------------------------------------------------------------------------
def _van_aanbieder(actor: Actor, b: IwlzBericht) -> bool:
    """A provider's own messages: sent to its AGB code (AW33) or by it (AW35/AW39) — never CA317/CA319/IO31."""
    return bool(actor.agb_code) and actor.agb_code in (b.ontvanger, b.afzender)


def read(uow, actor: Actor, bericht_id: str) -> IwlzBericht:
    """One stored message, logged as a read of the client's file. A provider gets only its own messages about
    clients assigned to it; anything else is 'not found', so it learns nothing about other messages."""
    vereis(actor, "bericht.lezen")
    b = uow.berichten.get(bericht_id)
    if b is None:
        raise NotFound("bericht")
    if actor.rol == "aanbieder" and not _van_aanbieder(actor, b):
        raise NotFound("bericht")
    if b.client_id is not None:
        client_zichtbaar(uow, actor, b.client_id)
    log(uow, actor, "lezen", f"{b.soort}-bericht", client_id=b.client_id)
    uow.commit()
    return b


def find(uow, actor: Actor, *, client_id: str | None = None, soort: str | None = None, limit: int = 100):
    """The stored messages (of one client). A provider sees only those exchanged with its own AGB code."""
    vereis(actor, "bericht.lezen")
    if client_id is not None:
        client_zichtbaar(uow, actor, client_id)
    if actor.rol == "aanbieder":
        return list(uow.berichten.van_aanbieder(actor.agb_code, client_id=client_id, limit=limit))
    if client_id is not None:
        return list(uow.berichten.van_client(client_id))
    return list(uow.berichten.lijst(soort=soort, limit=limit))


def mutaties(uow, actor: Actor, toewijzing_id: str) -> Zorgtoewijzing:
    """A zorgtoewijzing with the history of what its provider reported (AW35 waiting status, AW39 mutations);
    a read of the client's file, logged."""
    return toewijzing(uow, actor, toewijzing_id, wat="mutaties zorgtoewijzing")
