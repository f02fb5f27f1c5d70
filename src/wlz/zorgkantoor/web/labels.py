"""The Dutch labels of the pages' form fields, one mapping per form.

The template shows each label beside its field, and the page names a field by the same label in its error
messages: a client or assessor reads "Benodigde zorg (uren per week)", not ``zorgbehoefte_uren_per_week``.
One mapping for both, so the error never names a field differently from the form. The API's 422 keeps the
technical path (``veld``): systems use that."""

from __future__ import annotations

import re
from typing import Any

from ..domain.fouten import FieldError

#: the intake for all extra care (``invoer.IntakeInvoer``; the criteria take the rules' own labels)
INTAKE = {
    "periode_van": "Vanaf",
    "periode_tot": "Tot en met",
    "zorgbehoefte_uren_per_week": "Benodigde zorg (uren per week)",
    "profiel_uren_per_week": "Zorg die het zorgprofiel dekt (uren per week, als bekend)",
    "behandeling": "Met behandeling",
    "dagbesteding": "Met dagbesteding",
    "mpt_kosten": "Kosten mpt per jaar (€)",
    "pgb_deel": "Pgb per jaar (€)",
    "criteria": "Bijzondere omstandigheden",
    "bijdrageplichtig_inkomen": "Bijdrageplichtig inkomen per jaar (€)",
    "vermogen": "Vermogen (€)",
    "toelichting": "Uw verhaal (één keer verteld, alle beoordelaars lezen het)",
}

#: a new client (``invoer.ClientInvoer``)
CLIENT = {
    "bsn": "BSN",
    "voornamen": "Voornamen",
    "achternaam": "Achternaam",
    "geboortedatum": "Geboortedatum",
    "straat": "Straat",
    "huisnummer": "Huisnummer",
    "postcode": "Postcode",
    "woonplaats": "Woonplaats",
    "partner": "Heeft een partner",
}

#: the other forms (client file: indicatie, leveringsvorm, zorgtoewijzing, start/end of care; request: advice,
#: extension, decision; users): one name has one meaning across them, so one mapping serves them all. The
#: labels are the templates' own texts (a test renders the pages and finds each of them there).
FORMULIEREN = {
    "besluitnummer": "Besluitnummer",
    "zorgprofiel": "Zorgprofiel",
    "grondslagen": "Grondslagen",
    "ingangsdatum": "Ingangsdatum",
    "einddatum": "Einddatum",
    "leveringsvorm": "Leveringsvorm",
    "mpt_kosten": "Kosten mpt-modules per jaar",
    "pgb_deel": "Gevraagd pgb naast mpt per jaar",
    "gewaarborgde_hulp": "Er is gewaarborgde hulp",
    "gewaarborgde_hulp_naam": "Naam van de gewaarborgde hulp",
    "agb_code": "AGB-code zorgaanbieder",
    "functie": "Functie",
    "klasse": "Klasse",
    "van": "Van",
    "tot": "Tot",
    "aan": "Aan",
    "vraag": "Vraag",
    "antwoord": "Ontvangen advies",
    "nieuwe_datum": "Nieuwe uiterste datum",
    "reden": "Reden",
    "motivatie": "Motivering van het besluit",
    "gebruikersnaam": "Gebruikersnaam",
    "naam": "Naam",
    "rol": "Rol",
    "wachtwoord": "Wachtwoord",
}

#: error keys about the form as a whole (no field to name)
_HEEL_FORMULIER = {"", "formulier", "intake", "vorige"}

_NAAM = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[._][A-Za-z0-9]+)+")


def voor_intake(criteria: list[dict[str, Any]]) -> dict[str, str]:
    """The intake's labels with each criterion's (``criteria.<naam>``, the rules' label)."""
    return {**INTAKE, **{f"criteria.{c['naam']}": c["label"] for c in criteria}}


def veldnaam(pad: str, labels: dict[str, str]) -> str | None:
    """The label of a field path as the form shows it; ``None`` for the form as a whole; the path itself
    when the form has no such field (a key the user made up)."""
    if pad in _HEEL_FORMULIER:
        return None
    return labels.get(pad, pad)


def readable(tekst: str, labels: dict[str, str]) -> str:
    """A message with the technical field names in it ('periode_tot ligt voor periode_van') naming the fields
    by their labels instead. Only names with '_' or '.' are replaced: 'vermogen' is also a Dutch word."""

    def vervang(m: re.Match[str]) -> str:
        label = _label_van(m.group(0), labels)
        return f"'{label}'" if label else m.group(0)

    return _NAAM.sub(vervang, tekst)


def _label_van(naam: str, labels: dict[str, str]) -> str | None:
    """The label of a name as a message writes it: the path ('criteria.x'), or the rules' name
    ('client.meerzorg_gevraagd') by its last part."""
    if naam in labels:
        return labels[naam]
    kort = naam.rsplit(".", 1)[-1]
    return labels.get(kort) or labels.get(f"criteria.{kort}")


def melding(pad: str, tekst: str, labels: dict[str, str]) -> str:
    """A domain error's message for the field ``pad``, with field names as labels; a leading
    'client.meerzorg_gevraagd: ' that names the field itself is left out (the page already names it)."""
    naam, scheiding, rest = tekst.partition(": ")
    eigen = labels.get(pad)
    if scheiding and eigen and _NAAM.fullmatch(naam) and _label_van(naam, labels) == eigen:
        tekst = rest[:1].upper() + rest[1:]
    return readable(tekst, labels)


def foutlijst(fouten: dict[str, str], labels: dict[str, str]) -> list[tuple[str | None, str]]:
    """The errors for the summary above a form: (label or None for the whole form, message)."""
    return [(veldnaam(pad, labels), melding) for pad, melding in fouten.items()]


def regel(fout: FieldError, labels: dict[str, str]) -> str:
    """One error (``domain.fouten.FieldError``) for the message line above a page, naming its field by the
    label: 'AGB-code zorgaanbieder: een AGB-code heeft 8 cijfers.'; an error of the whole form as its sentence."""
    naam = veldnaam(fout.veld, labels)
    return f"{naam}: {readable(fout.reden, labels)}." if naam else readable(fout.melding, labels)
