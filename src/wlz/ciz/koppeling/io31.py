"""The IO31 (indicatiebesluit, CIZ -> zorgkantoor) of a granted decision, built with wlz.iwlz's public builder,
which checks it against the XSD and the iWlz business rules (XSLT) and refuses an invalid message.

**A decision that replaces an earlier one** (a herindicatie the aanvrager linked to it, an ambtshalve herziening)
says so in the only two places iWlz 2.2 has for it (the IO31 schema has no element naming an earlier decision,
``shared/iwlz/xsd/IO31.xsd``): its ``Besluitnummer`` is higher than the earlier one's for the same client (TR079,
"Opvolgende indicatiebesluiten voor dezelfde client moeten opvolgend genummerd worden",
``shared/iwlz/xslt-validatie/wlz/2_2/common/basis.xsl``; the CIZ numbers its decisions in one rising series),
and the Indicatie's ``Commentaar`` names the replaced besluitnummer: "Vervangt indicatiebesluit 12".

**A withdrawal** (:mod:`..domain.intrekking`) is an IO31 of the same decision (same Besluitnummer, Afgiftedatum,
Ingangsdatum) whose ``Einddatum`` (Indicatie and zorgzwaartepakket, TR014) is the last day of the right, with
the reason in ``Commentaar``: "Ingetrokken per 01-06-2018 (Wlz art. 3.2.4 b)". Its BerichtIdentificatie differs
from the decision's own (``CIZT`` and the number), identifications being unique per sender (TR056).
"""

from __future__ import annotations

import datetime as dt

from wlz import iwlz, reference

from ..domain.aanvraag import Aanvraag


def identificatie(a: Aanvraag) -> str:
    """``BerichtIdentificatie`` (max 12 characters): ``CIZ`` and the decision number."""
    return f"CIZ{a.besluitnummer:09d}"


def identificatie_intrekking(a: Aanvraag) -> str:
    """``CIZT`` and the decision number (8 digits): the withdrawal's own message identification."""
    return f"CIZT{a.besluitnummer:08d}"


def commentaar(a: Aanvraag) -> str | None:
    """What the Indicatie's Commentaar says: the decision it replaces, a withdrawal."""
    delen = []
    if a.vervangt_besluitnummer:
        delen.append(f"Vervangt indicatiebesluit {a.vervangt_besluitnummer}")
    if a.ingetrokken_per is not None:
        letter = "a" if a.intrekkingsgrond == "onjuiste_gegevens" else "b"
        delen.append(f"Ingetrokken per {a.ingetrokken_per:%d-%m-%Y} (Wlz art. 3.2.4 {letter})")
    return "; ".join(delen) or None


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
    einddatum = a.geldig_tot
    zzp = iwlz.GeindiceerdZzp(reference.zorgprofielen()[a.zorgprofiel].cod163, a.ingangsdatum, einddatum=einddatum)
    besluit = iwlz.Indicatiebesluit(
        besluitnummer=int(a.besluitnummer or 0),
        afgiftedatum=a.besluitdatum or a.ontvangen,
        ingangsdatum=a.ingangsdatum,
        einddatum=einddatum,
        commentaar=commentaar(a),
        grondslagen=grondslagen,
        zorgzwaartepakketten=(zzp,),
        # "past in geen profiel": the CIZ signals the zorgkantoor that meerzorg may apply (seed 003 p2 r.84-87)
        meerzorg=True if a.past_in_geen_profiel else None,
    )
    return iwlz.IO31Bericht(
        ontvanger=a.zorgkantoor,
        identificatie=identificatie_intrekking(a) if a.ingetrokken_per is not None else identificatie(a),
        dagtekening=dagtekening or a.besluitdatum or a.ontvangen,
        clienten=(iwlz.IO31Client(client, besluit),),
    )


def build(a: Aanvraag) -> bytes:
    """The IO31's XML; raises wlz.iwlz's ``BerichtOngeldig`` if it breaks the XSD or a business rule."""
    return iwlz.build_io31(io31_voor(a))


def build_intrekking(a: Aanvraag, dagtekening: dt.date) -> bytes:
    """The IO31 that tells the zorgkantoor the decision is withdrawn (its Einddatum the day before ``per``)."""
    if a.ingetrokken_per is None:
        raise ValueError("het besluit is niet ingetrokken")
    return iwlz.build_io31(io31_voor(a, dagtekening))
