"""iWlz messages in the service: import IO31 (indicatiebesluit), write AW33 (zorgtoewijzing), take in AW35/AW39
(start and end of care, from the provider) and report the start of care to the CAK as CA317.

All message code lives in :mod:`wlz.iwlz`; this module only maps between the case file and its dataclasses.
A message is processed completely or not at all (one unit of work); a message that fails its XSD is refused
with the schema's error, which ``wlz.iwlz`` already scrubs of BSNs. Every message written is validated
against the XSD by ``wlz.iwlz`` before it is stored or sent.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets

from wlz import iwlz, reference
from wlz.iwlz import bouwen
from wlz.iwlz import codes as icodes

from ..adapters import regels
from ..domain.bericht import IwlzBericht
from ..domain.fouten import DomeinFout, NietGevonden
from ..domain.model import Client, Indicatiebesluit, Zorgtoewijzing
from .actor import Actor
from .autorisatie import client_zichtbaar, vereis
from .toegang import log


def zorgkantoor_code() -> str:
    """This zorgkantoor's COD001 code (``WLZ_ZORGKANTOOR``; default 5509, the code the iWlz examples use)."""
    return os.environ.get("WLZ_ZORGKANTOOR", "5509")


def _identificatie(prefix: str) -> str:
    """A message id of at most 12 characters (``LDT_BerichtIdentificatie``), random so ids never collide."""
    return prefix + secrets.token_hex(5).upper()


def _lees(lezer, data: bytes, soort: str):
    """Read and validate; a schema error becomes a 422 naming the message and the element path."""
    if not data or not data.strip():
        raise DomeinFout(f"Het {soort}-bericht is leeg.", "bericht")
    try:
        return lezer(data)
    except iwlz.BerichtOngeldig as exc:
        raise DomeinFout(str(exc), "bericht") from None


def _veldfout(exc: ValueError) -> DomeinFout:
    """``wlz.iwlz.bouwen`` says 'veld: melding'; keep the field."""
    tekst = str(exc)
    veld, _, melding = tekst.partition(":")
    return DomeinFout(melding.strip() or tekst, veld.strip() if melding else "bericht")


# --- IO31: indicatiebesluit from the CIZ -------------------------------------------------------------------
def _client_uit_bericht(c: iwlz.Client) -> Client:
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


def importeer_io31(uow, actor: Actor, data: bytes) -> tuple[IwlzBericht, list[Indicatiebesluit]]:
    """Register every indicatiebesluit of an IO31; a client not yet known is created from the message."""
    vereis(actor, "bericht.importeren")
    io31 = _lees(iwlz.read_io31, data, "IO31")
    if io31.ontvanger != zorgkantoor_code():
        raise DomeinFout(
            f"Het bericht is gericht aan zorgkantoor {io31.ontvanger}, niet aan dit zorgkantoor.", "ontvanger"
        )
    indicaties: list[Indicatiebesluit] = []
    client_ids: list[str] = []
    for i, item in enumerate(io31.clienten, start=1):
        plek = f"clienten[{i}]"
        c = uow.clients.met_bsn(item.client.bsn)
        if c is None:
            c = _client_uit_bericht(item.client)
            uow.clients.add(c)
            log(uow, actor, "aanmaken", "cliënt (uit IO31)", client_id=c.id)
        ind = item.indicatie
        zzp = ind.zzp
        if zzp is None:
            raise DomeinFout("Het indicatiebesluit heeft geen zorgzwaartepakket (alleen functies).", f"{plek}.zzp")
        try:
            profiel = reference.lookup(zzp.zzp_code)
        except KeyError:
            raise DomeinFout("Onbekend zorgprofiel (COD163).", f"{plek}.zzp") from None
        besluitnummer = str(ind.besluitnummer)
        if uow.indicaties.met_besluitnummer(besluitnummer) is not None:
            raise DomeinFout("Dit besluitnummer is al geregistreerd.", f"{plek}.besluitnummer")
        einde = ind.einddatum or regels.indicatie_einddatum(profiel.code, ind.ingangsdatum)
        nieuw = Indicatiebesluit(
            client_id=c.id,
            besluitnummer=besluitnummer,
            zorgprofiel=profiel.code,
            grondslagen=[g.value for g in ind.grondslagen],
            ingangsdatum=ind.ingangsdatum,
            einddatum=einde,
            bron="IO31",
        )
        uow.indicaties.add(nieuw)
        log(uow, actor, "aanmaken", "indicatiebesluit (uit IO31)", client_id=c.id)
        indicaties.append(nieuw)
        client_ids.append(c.id)
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
    )
    uow.berichten.add(bericht)
    uow.commit()
    return bericht, indicaties


# --- AW33: zorgtoewijzing to the provider -------------------------------------------------------------------
def exporteer_aw33(uow, actor: Actor, toewijzing_id: str, nu: dt.datetime | None = None) -> IwlzBericht:
    """Write (and keep) the AW33 for one zorgtoewijzing. Values iWlz cannot carry are refused by field."""
    vereis(actor, "bericht.maken")
    tw: Zorgtoewijzing | None = uow.toewijzingen.get(toewijzing_id)
    if tw is None:
        raise NietGevonden("toewijzing")
    client_zichtbaar(uow, actor, tw.client_id)
    c = uow.clients.get(tw.client_id)
    ind = uow.indicaties.get(tw.indicatie_id)
    nu = nu or dt.datetime.now()
    try:
        icl = bouwen.client(
            bsn=c.bsn,
            voornamen=c.voornamen,
            achternaam=c.achternaam,
            geboortedatum=c.geboortedatum,
            straat=c.straat,
            huisnummer=c.huisnummer,
            postcode=c.postcode,
            woonplaats=c.woonplaats,
        )
        iind = bouwen.indicatiebesluit(
            besluitnummer=ind.besluitnummer,
            zorgprofiel=ind.zorgprofiel,
            grondslagen=ind.grondslagen,
            ingangsdatum=ind.ingangsdatum,
            einddatum=ind.einddatum,
        )
        aw33 = bouwen.zorgtoewijzing(
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
        xml = iwlz.write_aw33(aw33)
    except iwlz.BerichtOngeldig as exc:
        raise DomeinFout(str(exc), "bericht") from None
    except ValueError as exc:
        raise _veldfout(exc) from None
    bericht = IwlzBericht(
        soort="AW33",
        richting="uit",
        identificatie=aw33.identificatie,
        dagtekening=aw33.dagtekening,
        afzender=aw33.afzender,
        ontvanger=aw33.ontvanger,
        inhoud=xml,
        vastgelegd_door=actor.gebruiker_id,
        client_id=tw.client_id,
        toewijzing_id=tw.id,
    )
    uow.berichten.add(bericht)
    log(uow, actor, "aanmaken", "AW33 zorgtoewijzing", client_id=tw.client_id)
    uow.commit()
    return bericht


# --- AW35 / AW39: start and end of care, from the provider ----------------------------------------------------
def _toewijzing_voor(
    uow, actor: Actor, bsn: str, besluitnummer: int, ingang: dt.date, plek: str, *, zzp=None, functie=None
):
    """The provider's own toewijzing the reported line is about; anything else is refused (nothing revealed)."""
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
    raise DomeinFout(
        "Geen zorgtoewijzing aan uw AGB-code gevonden voor deze melding (controleer besluitnummer, "
        "zorgzwaartepakket of functie en de ingangsdatum van de toewijzing).",
        plek,
    )


def _afzender_controleren(actor: Actor, melding) -> None:
    if melding.afzender != actor.agb_code:
        raise DomeinFout("De afzender van het bericht is niet uw AGB-code.", "afzender")
    if melding.ontvanger != zorgkantoor_code():
        raise DomeinFout(
            f"Het bericht is gericht aan zorgkantoor {melding.ontvanger}, niet aan dit zorgkantoor.", "ontvanger"
        )


def importeer_aw35(uow, actor: Actor, data: bytes) -> tuple[IwlzBericht, IwlzBericht | None]:
    """Record the start of care for every delivered zzp/function, and write the CA317 for the CAK."""
    vereis(actor, "toewijzing.melden")
    aw35 = _lees(iwlz.read_aw35, data, "AW35")
    _afzender_controleren(actor, aw35)
    client_ids = []
    for i, item in enumerate(aw35.clienten, start=1):
        for j, z in enumerate(item.geleverde_zzps, start=1):
            plek = f"clienten[{i}].zzp[{j}]"
            tw = _toewijzing_voor(
                uow, actor, item.client.bsn, z.besluitnummer, z.toewijzing_ingangsdatum, plek, zzp=z.zzp_code
            )
            if z.leveringsstatus == icodes.Leveringsstatus.IN_ZORG and tw.status == "toegewezen":
                tw.zorg_gestart(z.begindatum)
            client_ids.append(tw.client_id)
        for j, f in enumerate(item.geleverde_functies, start=1):
            plek = f"clienten[{i}].functie[{j}]"
            tw = _toewijzing_voor(
                uow,
                actor,
                item.client.bsn,
                f.besluitnummer,
                f.toewijzing_ingangsdatum,
                plek,
                functie=f.functiecode.value,
            )
            if tw.status == "toegewezen":
                tw.zorg_gestart(f.begindatum)
            client_ids.append(tw.client_id)
    client_id = client_ids[0] if len(set(client_ids)) == 1 else None
    bericht = IwlzBericht(
        soort="AW35",
        richting="in",
        identificatie=aw35.identificatie,
        dagtekening=aw35.dagtekening,
        afzender=aw35.afzender,
        ontvanger=aw35.ontvanger,
        inhoud=bytes(data),
        vastgelegd_door=actor.gebruiker_id,
        client_id=client_id,
    )
    uow.berichten.add(bericht)
    ca317 = iwlz.ca317_uit_aw35(aw35, identificatie=_identificatie("CA"), dagtekening=dt.date.today())
    cak = None
    if ca317 is not None:
        try:
            xml = iwlz.write_ca317(ca317)
        except iwlz.BerichtOngeldig as exc:
            raise DomeinFout(str(exc), "bericht") from None
        cak = IwlzBericht(
            soort="CA317",
            richting="uit",
            identificatie=ca317.identificatie,
            dagtekening=ca317.dagtekening,
            afzender=ca317.afzender,
            ontvanger="CAK",
            inhoud=xml,
            vastgelegd_door=actor.gebruiker_id,
            client_id=client_id,
        )
        uow.berichten.add(cak)
    for cid in dict.fromkeys(client_ids):
        log(uow, actor, "wijzigen", "aanvang zorg (AW35)", client_id=cid)
    uow.commit()
    return bericht, cak


def importeer_aw39(uow, actor: Actor, data: bytes) -> IwlzBericht:
    """Record the end of care (mutation codes 19/20). Other mutations are refused: not handled here yet."""
    vereis(actor, "toewijzing.melden")
    aw39 = _lees(iwlz.read_aw39, data, "AW39")
    _afzender_controleren(actor, aw39)
    client_ids = []
    for i, item in enumerate(aw39.clienten, start=1):
        mutaties = [(f"clienten[{i}].zzp[{j}]", m, {"zzp": m.zzp_code}) for j, m in enumerate(item.mutatie_zzps, 1)]
        mutaties += [
            (f"clienten[{i}].functie[{j}]", m, {"functie": m.functiecode.value})
            for j, m in enumerate(item.mutatie_functies, 1)
        ]
        for plek, m, sleutel in mutaties:
            if not m.einde_zorg:
                raise DomeinFout(
                    f"Mutatiecode {m.mutatiecode.value} wordt door deze service (nog) niet verwerkt; alleen einde zorg "
                    "(19, 20).",
                    f"{plek}.mutatiecode",
                )
            tw = _toewijzing_voor(
                uow, actor, item.client.bsn, m.besluitnummer, m.toewijzing_ingangsdatum, plek, **sleutel
            )
            if tw.status == "in_zorg":
                tw.zorg_beeindigd(m.mutatiedatum, f"AW39 mutatiecode {m.mutatiecode.value}")
            client_ids.append(tw.client_id)
    bericht = IwlzBericht(
        soort="AW39",
        richting="in",
        identificatie=aw39.identificatie,
        dagtekening=aw39.dagtekening,
        afzender=aw39.afzender,
        ontvanger=aw39.ontvanger,
        inhoud=bytes(data),
        vastgelegd_door=actor.gebruiker_id,
        client_id=client_ids[0] if len(set(client_ids)) == 1 else None,
    )
    uow.berichten.add(bericht)
    for cid in dict.fromkeys(client_ids):
        log(uow, actor, "wijzigen", "einde zorg (AW39)", client_id=cid)
    uow.commit()
    return bericht


# --- reading stored messages --------------------------------------------------------------------------------
def lees(uow, actor: Actor, bericht_id: str) -> IwlzBericht:
    vereis(actor, "bericht.lezen")
    b = uow.berichten.get(bericht_id)
    if b is None:
        raise NietGevonden("bericht")
    if b.client_id is not None:
        client_zichtbaar(uow, actor, b.client_id)
    log(uow, actor, "lezen", f"{b.soort}-bericht", client_id=b.client_id)
    uow.commit()
    return b


def lijst(uow, actor: Actor, *, client_id: str | None = None, soort: str | None = None, limit: int = 100):
    vereis(actor, "bericht.lezen")
    if client_id is not None:
        client_zichtbaar(uow, actor, client_id)
        return list(uow.berichten.van_client(client_id))
    return list(uow.berichten.lijst(soort=soort, limit=limit))
