"""The parts several messages share: the header and the client (full in IO31/AW33, short in AW35/AW39).

Each message XSD declares its own ``Header``, ``Client``, ``Contact`` and ``Relatie`` types, so the generated
bindings have one class per message (``bindings.io31.Client``, ``bindings.aw33.Client``, ...). The functions
here take the message's binding module (``msg``) and fill its classes; the ``CDT_*`` parts (names, address,
birth date, ...) come from the basisschema and are the same class in every message.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
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
    to_janee,
)
from wlz.iwlz.model import Adres, Client, Communicatie, Contact, Kop, Naam, Relatie, Telefoon, Wzd
from wlz.iwlz.schema import Berichtsoort

# ------------------------------------------------------------------------------------------- header


def build_header(msg: ModuleType, soort: Berichtsoort, kop: Kop) -> Any:
    """The message's ``Header``: the fixed codes of ``soort``, the sender/receiver it has, the identification.

    Only the parties the message's ``Header`` declares are written (IO31 no Afzender, CA317/CA319 no Ontvanger).
    """
    # a zorgkantoor code (COD001) is an enum in the bindings, an AGB code text; an AGB never matches the enum
    velden = {f.name for f in dataclasses.fields(msg.Header)}
    partijen = {
        naam: to_code(xsd.LdtZorgkantoorCode, waarde)
        for naam, waarde in (("afzender", kop.afzender), ("ontvanger", kop.ontvanger))
        if waarde is not None and naam in velden
    }
    identificatie, dagtekening = kop.identificatie, kop.dagtekening
    return msg.Header(
        bericht_code=soort.berichtcode,
        bericht_versie=soort.berichtversie,
        bericht_subversie=soort.berichtsubversie,
        bericht_identificatie=xsd.CdtBerichtIdentificatie(
            identificatie=identificatie, dagtekening=to_date(dagtekening)
        ),
        xsd_versie=xsd.CdtXsdVersie(
            basisschema_xsd_versie=soort.basisschema_xsd_versie, bericht_xsd_versie=soort.bericht_xsd_versie
        ),
        **partijen,
    )


def read_header(header: Any) -> dict[str, Any]:
    """The case-data header fields of a parsed header: identification, date and the parties this message has."""
    velden: dict[str, Any] = {
        "identificatie": header.bericht_identificatie.identificatie,
        "dagtekening": from_date(header.bericht_identificatie.dagtekening),
    }
    for partij in ("afzender", "ontvanger"):
        if hasattr(header, partij):
            velden[partij] = _text(getattr(header, partij))
    return velden


def _text(waarde: Any) -> str | None:
    return None if waarde is None else str(getattr(waarde, "value", waarde))


# ------------------------------------------------------------------------------------------- person


def _achternaam(achternaam: str, voorvoegsel: str | None) -> xsd.CdtAchternaam:
    return xsd.CdtAchternaam(achternaam=achternaam, voorvoegsel=voorvoegsel)


def build_naam(naam: Naam) -> xsd.CdtVolledigeNaam:
    return xsd.CdtVolledigeNaam(
        geslachtsnaam=_achternaam(naam.achternaam, naam.voorvoegsel),
        partnernaam=_achternaam(naam.partner_achternaam, naam.partner_voorvoegsel) if naam.partner_achternaam else None,
        voornamen=naam.voornamen,
        voorletters=naam.voorletters,
        naam_gebruik=to_code(xsd.LdtNaamGebruik, naam.naamgebruik),
    )


def build_naam_kort(naam: Naam) -> xsd.CdtVerkorteNaam:
    return xsd.CdtVerkorteNaam(
        geslachtsnaam=_achternaam(naam.achternaam, naam.voorvoegsel),
        voornamen=naam.voornamen,
        voorletters=naam.voorletters,
    )


def build_geboortedatum(datum: dt.date, gebruik: codes.DatumGebruik | None) -> xsd.CdtGeboortedatum:
    return xsd.CdtGeboortedatum(datum=to_date(datum), datum_gebruik=to_code_opt(xsd.LdtDatumGebruik, gebruik))


def build_adres(adres: Adres, veldpad: str, checks: Checks) -> xsd.CdtAdres:
    huisdelen = (adres.huisletter, adres.huisnummer_toevoeging, adres.aanduiding_woonadres)
    huis = None
    if adres.huisnummer is not None:
        huis = xsd.CdtHuis(
            huisnummer=adres.huisnummer,
            huisletter=adres.huisletter,
            huisnummer_toevoeging=adres.huisnummer_toevoeging,
            aanduiding_woonadres=to_code_opt(xsd.LdtAanduidingWoonadres, adres.aanduiding_woonadres),
        )
    elif any(d is not None for d in huisdelen):
        checks.problem(f"{veldpad}.huisnummer", "huisletter/toevoeging/aanduiding zonder huisnummer")
    return xsd.CdtAdres(
        huis=huis,
        postcode=adres.postcode,
        straatnaam=adres.straatnaam,
        plaatsnaam=adres.plaatsnaam,
        land_code=to_code_opt(xsd.LdtLandCode, adres.landcode),
    )


def build_contact(msg: ModuleType, contact: Contact, veldpad: str, checks: Checks) -> Any:
    if len(contact.telefoon) > 2:
        checks.problem(f"{veldpad}.telefoon", "hoogstens 2 telefoonnummers")
    telefoons = [xsd.CdtTelefoon(telefoonnummer=t.nummer, landnummer=t.landnummer) for t in contact.telefoon[:2]]
    periode = None
    if contact.begindatum is not None or contact.einddatum is not None:
        checks.period(f"{veldpad}.einddatum", contact.begindatum, contact.einddatum)
        periode = xsd.CdtOpenPeriode(
            begindatum=to_date_opt(contact.begindatum), einddatum=to_date_opt(contact.einddatum)
        )
    return msg.Contact(
        soort=to_code(xsd.LdtAdresSoort, contact.soort),
        adres=None if contact.adres is None else build_adres(contact.adres, f"{veldpad}.adres", checks),
        organisatie=contact.organisatie,
        telefoon=xsd.CdtTelefoonnummers(
            telefoon01=telefoons[0], telefoon02=telefoons[1] if len(telefoons) > 1 else None
        )
        if telefoons
        else None,
        emailadres=contact.emailadres,
        periode=periode,
    )


def _build_relatie(msg: ModuleType, rel: Relatie, veldpad: str, checks: Checks) -> Any:
    if rel.soort == codes.SoortRelatie.PARTNER and rel.geboortedatum is None:
        checks.rule(f"{veldpad}.geboortedatum", "CD017: de geboortedatum van een partner is verplicht")
    return msg.Relatie(
        nummer=rel.nummer,
        volgorde=rel.volgorde,
        soort=to_code(xsd.LdtSoortRelatie, rel.soort),
        geboortedatum=None
        if rel.geboortedatum is None
        else build_geboortedatum(rel.geboortedatum, rel.geboortedatum_gebruik),
        geslacht=to_code_opt(xsd.LdtGeslacht, rel.geslacht),
        naam=build_naam(rel.naam),
        contact=build_contact(msg, rel.contact, f"{veldpad}.contact", checks),
    )


def build_client(
    msg: ModuleType,
    client: Client,
    veldpad: str,
    checks: Checks,
    indicatie: Any,
    partneropname: bool | None = None,
) -> Any:
    """The full ``Client`` of IO31 and AW33 (AW33 adds ``Partneropname``) around the message's ``Indicatie``."""
    bsn = checks.bsn(client.bsn, f"{veldpad}.bsn")
    extra: dict[str, Any] = {} if partneropname is None else {"partneropname": to_janee(partneropname)}
    relaties = [_build_relatie(msg, r, f"{veldpad}.relaties[{i}]", checks) for i, r in enumerate(client.relaties)]
    if not client.contacten:
        checks.problem(f"{veldpad}.contacten", "minstens één contact (adres) is verplicht")
    contacten = [build_contact(msg, c, f"{veldpad}.contacten[{i}]", checks) for i, c in enumerate(client.contacten)]
    com, wzd = client.communicatie, client.wzd
    return msg.Client(
        bsn=bsn,
        geheime_client=to_janee(client.geheim),
        geboortedatum=build_geboortedatum(client.geboortedatum, client.geboortedatum_gebruik),
        geslacht=to_code(xsd.LdtGeslacht, client.geslacht),
        burgerlijke_staat=to_code_opt(xsd.LdtBurgerlijkeStaat, client.burgerlijke_staat),
        naam=build_naam(client.naam),
        leefeenheid=to_code(xsd.LdtLeefeenheid, client.leefeenheid),
        huisarts=client.huisarts,
        communicatie=None
        if com is None
        else xsd.CdtCommunicatie(vorm=to_code(xsd.LdtCommunicatievorm, com.vorm), taal=com.taal),
        wzd=None
        if wzd is None
        else xsd.CdtWzd(
            wzd_verklaring=to_code(xsd.LdtWzdVerklaring, wzd.verklaring),
            wzd_ingangsdatum=to_date_opt(wzd.ingangsdatum),
            wzd_einddatum=to_date_opt(wzd.einddatum),
        ),
        commentaar=client.commentaar,
        relaties=msg.Relaties(relatie=relaties) if relaties else None,
        contactgegevens=msg.Contactgegevens(contact=contacten),
        indicatie=indicatie,
        **extra,
    )


def build_client_kort(msg: ModuleType, client: Client, veldpad: str, checks: Checks, **rest: Any) -> Any:
    """The short ``Client`` of AW35/AW39: BSN, birth date, sex and ``CDT_VerkorteNaam``, plus ``rest``."""
    return msg.Client(
        bsn=checks.bsn(client.bsn, f"{veldpad}.bsn"),
        geboortedatum=build_geboortedatum(client.geboortedatum, client.geboortedatum_gebruik),
        geslacht=to_code(xsd.LdtGeslacht, client.geslacht),
        naam=build_naam_kort(client.naam),
        **rest,
    )


# ------------------------------------------------------------------------------------------- reading


def read_naam(n: Any) -> Naam:
    partner = getattr(n, "partnernaam", None)
    gebruik = getattr(n, "naam_gebruik", None)
    return Naam(
        achternaam=n.geslachtsnaam.achternaam,
        voorvoegsel=n.geslachtsnaam.voorvoegsel,
        voornamen=n.voornamen,
        voorletters=n.voorletters,
        partner_achternaam=None if partner is None else partner.achternaam,
        partner_voorvoegsel=None if partner is None else partner.voorvoegsel,
        naamgebruik=codes.NaamGebruik(gebruik.value) if gebruik is not None else codes.NaamGebruik.EIGEN_NAAM,
    )


def _read_geboortedatum(g: xsd.CdtGeboortedatum | None) -> tuple[dt.date | None, codes.DatumGebruik | None]:
    if g is None:
        return None, None
    gebruik = None if g.datum_gebruik is None else codes.DatumGebruik(g.datum_gebruik.value)
    return from_date(g.datum), gebruik


def read_contact(c: Any) -> Contact:
    a: xsd.CdtAdres | None = c.adres
    adres = None
    if a is not None:
        huis = a.huis
        adres = Adres(
            straatnaam=a.straatnaam,
            huisnummer=None if huis is None else huis.huisnummer,
            huisletter=None if huis is None else huis.huisletter,
            huisnummer_toevoeging=None if huis is None else huis.huisnummer_toevoeging,
            aanduiding_woonadres=None if huis is None else code_value(huis.aanduiding_woonadres),
            postcode=a.postcode,
            plaatsnaam=a.plaatsnaam,
            landcode=code_value(a.land_code),
        )
    t: xsd.CdtTelefoonnummers | None = c.telefoon
    telefoons = [] if t is None else [x for x in (t.telefoon01, t.telefoon02) if x is not None]
    p: xsd.CdtOpenPeriode | None = c.periode
    return Contact(
        soort=codes.AdresSoort(c.soort.value),
        adres=adres,
        organisatie=c.organisatie,
        telefoon=tuple(Telefoon(x.telefoonnummer, x.landnummer) for x in telefoons),
        emailadres=c.emailadres,
        begindatum=None if p is None else from_date_opt(p.begindatum),
        einddatum=None if p is None else from_date_opt(p.einddatum),
    )


def _read_relatie(r: Any) -> Relatie:
    geboren, gebruik = _read_geboortedatum(r.geboortedatum)
    return Relatie(
        nummer=r.nummer,
        soort=codes.SoortRelatie(r.soort.value),
        naam=read_naam(r.naam),
        contact=read_contact(r.contact),
        volgorde=r.volgorde,
        geboortedatum=geboren,
        geboortedatum_gebruik=gebruik,
        geslacht=None if r.geslacht is None else codes.Geslacht(r.geslacht.value),
    )


def read_client(c: Any) -> Client:
    """Full client (IO31/AW33) or short client (AW35/AW39): parts the message lacks simply stay empty."""
    geboren, gebruik = _read_geboortedatum(c.geboortedatum)
    com: xsd.CdtCommunicatie | None = getattr(c, "communicatie", None)
    wzd: xsd.CdtWzd | None = getattr(c, "wzd", None)
    relaties = getattr(c, "relaties", None)
    contactgegevens = getattr(c, "contactgegevens", None)
    leefeenheid = getattr(c, "leefeenheid", None)
    staat = getattr(c, "burgerlijke_staat", None)
    assert geboren is not None  # the XSD requires Geboortedatum/Datum of a client
    return Client(
        bsn=c.bsn,
        geboortedatum=geboren,
        geslacht=codes.Geslacht(c.geslacht.value),
        naam=read_naam(c.naam),
        contacten=() if contactgegevens is None else tuple(read_contact(x) for x in contactgegevens.contact),
        leefeenheid=codes.Leefeenheid.ONBEKEND if leefeenheid is None else codes.Leefeenheid(leefeenheid.value),
        geheim=bool(from_janee(getattr(c, "geheime_client", None))),
        geboortedatum_gebruik=gebruik,
        burgerlijke_staat=None if staat is None else codes.BurgerlijkeStaat(staat.value),
        huisarts=getattr(c, "huisarts", None),
        communicatie=None if com is None else Communicatie(codes.Communicatievorm(com.vorm.value), com.taal),
        wzd=None
        if wzd is None
        else Wzd(
            codes.WzdVerklaring(wzd.wzd_verklaring.value),
            from_date_opt(wzd.wzd_ingangsdatum),
            from_date_opt(wzd.wzd_einddatum),
        ),
        commentaar=getattr(c, "commentaar", None),
        relaties=() if relaties is None else tuple(_read_relatie(r) for r in relaties.relatie),
    )
