"""The IO31 (indicatiebesluit, CIZ -> zorgkantoor) of a granted decision, built with wlz.iwlz's public builder,
which checks it against the XSD and the iWlz business rules (XSLT) and refuses an invalid message."""

from __future__ import annotations

import datetime as dt

from wlz import iwlz, reference

from ..domain.aanvraag import Aanvraag


def identificatie(a: Aanvraag) -> str:
    """``BerichtIdentificatie`` (max 12 characters): ``CIZ`` and the decision number."""
    return f"CIZ{a.besluitnummer:09d}"


def io31_voor(a: Aanvraag, dagtekening: dt.date | None = None) -> iwlz.IO31Bericht:
    if a.besluit is None or not a.besluit.toegekend or a.zorgprofiel is None or a.ingangsdatum is None:
        raise ValueError("alleen een toegekend besluit gaat als IO31 naar het zorgkantoor")
    beoordeling = a.beoordeling
    grondslagen = tuple(iwlz.Grondslag(g) for g in (beoordeling.grondslagen if beoordeling else ()))
    client = iwlz.Client(
        bsn=a.bsn,
        geboortedatum=a.geboortedatum,
        geslacht=iwlz.Geslacht(a.geslacht),
        naam=iwlz.Naam(a.achternaam, voornamen=a.voornamen or None),
        contacten=(
            iwlz.Contact(
                adres=iwlz.Adres(
                    a.straat, a.huisnummer, postcode=a.postcode, plaatsnaam=a.woonplaats.upper(), landcode="NL"
                )
            ),
        ),
    )
    zzp = iwlz.GeindiceerdZzp(reference.zorgprofielen()[a.zorgprofiel].cod163, a.ingangsdatum, einddatum=a.einddatum)
    besluit = iwlz.Indicatiebesluit(
        besluitnummer=int(a.besluitnummer or 0),
        afgiftedatum=a.besluitdatum or a.ontvangen,
        ingangsdatum=a.ingangsdatum,
        einddatum=a.einddatum,
        grondslagen=grondslagen,
        zorgzwaartepakketten=(zzp,),
        # "past in geen profiel": the CIZ signals the zorgkantoor that meerzorg may apply (seed 003 p2 r.84-87)
        meerzorg=True if a.past_in_geen_profiel else None,
    )
    return iwlz.IO31Bericht(
        ontvanger=a.zorgkantoor,
        identificatie=identificatie(a),
        dagtekening=dagtekening or a.besluitdatum or a.ontvangen,
        clienten=(iwlz.IO31Client(client, besluit),),
    )


def build(a: Aanvraag) -> bytes:
    """The IO31's XML; raises wlz.iwlz's ``BerichtOngeldig`` if it breaks the XSD or a business rule."""
    return iwlz.build_io31(io31_voor(a))
