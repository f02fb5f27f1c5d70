"""Errors the domain raises. Each names the field it is about, so pages and API can point at it.

Also the one Dutch translation of input-validation errors (:func:`translate_errors`), used by the API's 422
answers and the pages' field errors alike."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from wlz.common.formatting import format_number


class DomainError(ValueError):
    """A business rule of the case process was broken (HTTP 409/422 at the edge)."""

    def __init__(self, bericht: str, veld: str | None = None) -> None:
        super().__init__(bericht)
        self.bericht = bericht
        self.veld = veld


class InvalidTransition(DomainError):
    """A request cannot move from its current state to the asked one."""


class NotFound(LookupError):
    """The object does not exist, or the actor may not know it exists (both look the same: 404)."""


class AccessDenied(PermissionError):
    """The actor's role may not do this at all (403)."""


#: one of pydantic's error dicts (``ValidationError.errors()``)
Fout = Mapping[str, Any]

# --- validation errors in Dutch ------------------------------------------------------------------------------
# One translation for every place that shows a validation error (API 422 answers, the pages' field errors):
# pydantic's own texts are English ("Input should be a valid number") and systems log them while zorgkantoor
# staff read them. Works on pydantic's error dicts (``ValidationError.errors()``), so this module needs no
# pydantic import. The submitted value (``input``) is never used: it may hold a BSN.

#: the first element of a request error's ``loc`` says where in the request the field was
_BRONNEN = {"body", "query", "path", "header", "cookie"}

#: pydantic puts the member of a union it tried in ``loc`` (``criteria.x.bool``); not a field, so left out
_UNIE_LEDEN = {
    "bool", "int", "float", "str", "date", "datetime", "time", "timedelta", "decimal", "bytes", "uuid", "none",
    "constrained-str", "constrained-int", "constrained-float", "constrained-bytes",
}  # fmt: skip

#: 8 or more digits in a field name (a dict key the user chose) could be a BSN: never shown
_LANG_NUMMER = re.compile(r"\d{8,}")

#: what a value of a type is, for "vul ... in" and for a union ("een van: ...")
_SOORT = {
    "bool": "ja of nee (true/false)",
    "int": "een geheel getal",
    "float": "een getal",
    "str": "een tekst",
    "date": "een datum",
    "datetime": "een tijdstip",
    "dict": "een object ({...})",
    "list": "een lijst ([...])",
}
#: how to write it, said after "vul ... in"
_VORM = {"date": " (jjjj-mm-dd, bijvoorbeeld 2024-01-31)", "datetime": " (jjjj-mm-ddTuu:mm:ss)"}
_TYPE_SOORT = {
    "bool_type": "bool", "bool_parsing": "bool",
    "int_type": "int", "int_parsing": "int", "int_from_float": "int", "int_parsing_size": "int",
    "float_type": "float", "float_parsing": "float", "finite_number": "float",
    "string_type": "str", "string_unicode": "str",
    "date_type": "date", "date_parsing": "date", "date_from_datetime_parsing": "date",
    "date_from_datetime_inexact": "date",
    "datetime_type": "datetime", "datetime_parsing": "datetime", "datetime_from_date_parsing": "datetime",
    "dict_type": "dict", "model_type": "dict", "model_attributes_type": "dict",
    "list_type": "list", "tuple_type": "list", "set_type": "list",
}  # fmt: skip

#: patterns of the input models, said in words
_PATRONEN = {
    r"^\d{8}$": "een AGB-code heeft 8 cijfers",
    r"^[a-zA-Z0-9._-]+$": "gebruik alleen letters, cijfers, punt, liggend streepje of streepje",
}

#: an error about a bound: pydantic's type -> (the ``ctx`` key holding the bound, the sentence around it)
_GRENZEN = {
    "string_too_long": ("max_length", "gebruik hoogstens {} tekens"),
    "too_short": ("min_length", "geef er minstens {}"),
    "too_long": ("max_length", "geef er hoogstens {}"),
    "greater_than_equal": ("ge", "moet {} of meer zijn"),
    "greater_than": ("gt", "moet meer dan {} zijn"),
    "less_than_equal": ("le", "moet {} of minder zijn"),
    "less_than": ("lt", "moet minder dan {} zijn"),
}


def _number(v: object) -> str:
    """A bound from ``ctx`` in Dutch notation (168, 0,5, 100.000.000), as Babel writes it (its own decimals)."""
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return str(v)
    if float(v).is_integer():
        return format_number(int(v))
    tekst = repr(float(v))
    if "e" in tekst:  # 1e-05: written as Python writes it, with a decimal comma
        return tekst.replace(".", ",")
    return format_number(v, decimals=len(tekst.split(".")[1]))  # every decimal the bound has


def _schoon(deel: str) -> str:
    return _LANG_NUMMER.sub("…", deel)


def clean_loc(loc: Iterable[object]) -> list[int | str]:
    """``loc`` without union members and without any long number (a user's dict key may be a BSN)."""
    return [x if isinstance(x, int) else _schoon(str(x)) for x in loc if not _unielid(x)]


def _unielid(x: object) -> bool:
    return isinstance(x, str) and (x in _UNIE_LEDEN or "[" in x or x.startswith("function-"))


def field_path(loc: Iterable[object]) -> str:
    """A Dutch-readable field path: ``('body', 'situatie', 'uren')`` -> ``situatie.uren``; a list position
    counts from 1 as people (and the iWlz errors) do: ``regels[1].van``. Empty: the input as a whole."""
    delen = clean_loc(loc)
    if delen and delen[0] in _BRONNEN:
        delen = delen[1:]
    pad = ""
    for x in delen:
        pad += f"[{x + 1}]" if isinstance(x, int) else (f".{x}" if pad else str(x))
    return pad


def _is_bsn(pad: str) -> bool:
    laatste = pad.rsplit(".", 1)[-1].split("[")[0]
    return "bsn" in laatste.lower()


def _eigen_melding(fout: Fout) -> str:
    """Our own validators' message (Dutch already), without pydantic's 'Value error, ' prefix."""
    ctx = fout.get("ctx") or {}
    tekst = str(ctx["error"]) if "error" in ctx else str(fout.get("msg", ""))
    for prefix in ("Value error, ", "Assertion failed, "):
        tekst = tekst.removeprefix(prefix)
    return tekst.rstrip(".")


def reden(fout: Fout) -> str:
    """What is wrong, in Dutch, lower case and without the field (see :class:`FieldError` for the sentences)."""
    soort = fout.get("type", "")
    ctx = fout.get("ctx") or {}
    if soort == "missing":
        return "dit veld is verplicht"
    if soort in _TYPE_SOORT:
        basis = _TYPE_SOORT[soort]
        wat, vorm = _SOORT[basis], _VORM.get(basis, "")
        if soort == "date_from_datetime_inexact":
            return f"vul een datum zonder tijd in{vorm}"
        if soort == "int_from_float":
            return f"vul {wat} zonder decimalen in"
        if basis in ("dict", "list"):
            return f"moet {wat} zijn"
        return f"vul {wat} in{vorm}"
    if soort == "string_too_short":
        n = ctx.get("min_length", 1)
        return "vul dit veld in (het mag niet leeg zijn)" if n == 1 else f"vul minstens {n} tekens in"
    if soort in _GRENZEN:
        sleutel, zin = _GRENZEN[soort]
        return zin.format(_number(ctx.get(sleutel)))
    if soort == "string_pattern_mismatch":
        patroon = str(ctx.get("pattern"))
        keuze = re.fullmatch(r"\^\(([\w|]+)\)\$", patroon)  # ^(a|b|c)$: one of a list of words
        if keuze:
            *eerst, laatst = keuze.group(1).split("|")
            return f"kies uit {', '.join(eerst)} of {laatst}" if eerst else f"moet {laatst} zijn"
        return _PATRONEN.get(patroon, "heeft niet de juiste vorm")
    if soort in ("literal_error", "enum"):
        keuzes = str(ctx.get("expected", "")).replace(" or ", " of ")
        return f"kies uit {keuzes}" if keuzes else "kies een van de toegestane waarden"
    if soort == "extra_forbidden":
        return "onbekend veld; dit veld hoort niet bij deze invoer"
    if soort in ("json_invalid", "json_type"):
        return "de inhoud is geen geldige JSON"
    if soort in ("value_error", "assertion_error"):
        return _eigen_melding(fout)
    if soort == "uuid_parsing" or soort == "uuid_type":
        return "vul een geldige id (UUID) in"
    if soort in ("url_parsing", "url_type", "url_scheme"):
        return "vul een geldige internetadres in"
    return f"ongeldige waarde ({soort})" if soort else "ongeldige waarde"


@dataclass(frozen=True)
class FieldError:
    """One validation error in Dutch: ``veld`` the readable path ('' = the input as a whole), ``reden`` what
    is wrong (lower case, no field), ``loc`` pydantic's location cleaned (see :func:`clean_loc`)."""

    veld: str
    reden: str
    type: str
    loc: tuple[int | str, ...]

    @property
    def melding(self) -> str:
        """The sentence shown beside the field itself: 'Vul een getal in.'"""
        eerste = self.reden.split(" ", 1)[0]
        if "_" in eerste or "." in eerste:  # starts with a field name ('periode_tot ligt voor ...'): as written
            return self.reden + "."
        return self.reden[:1].upper() + self.reden[1:] + "."

    @property
    def tekst(self) -> str:
        """The sentence naming the field, for a list of errors and the API: 'mpt_kosten: moet 0 of meer zijn.'"""
        return f"{self.veld}: {self.reden}." if self.veld else self.melding


def _vertaal_een(fout: Fout) -> FieldError:
    soort = fout.get("type", "")
    loc = tuple(fout.get("loc", ()))
    if soort == "json_invalid":  # loc holds a character position, not a field
        plek = next((x for x in loc if isinstance(x, int)), None)
        tekst = reden(fout) + (f" (fout bij teken {plek})" if plek is not None else "")
        return FieldError("", tekst, soort, tuple(clean_loc(loc[:1])))
    veld = field_path(loc)
    tekst = reden(fout)
    if _is_bsn(veld):  # never which BSN: a generic text, plus our own reason (it holds no number)
        eigen = _eigen_melding(fout) if soort == "value_error" else ""
        tekst = "het BSN is ongeldig" + (f" ({eigen})" if eigen and not re.search(r"\d{3}", eigen) else "")
    return FieldError(veld, _schoon(tekst), soort, tuple(clean_loc(loc)))


def translate_errors(fouten: Iterable[Fout]) -> list[FieldError]:
    """pydantic's errors as Dutch :class:`FieldError` s, one per field in the order given. A value tried
    against a union (``bool | float | str``) gives pydantic one error per member; they become one:
    'vul een van deze in: ja of nee (true/false), een getal, een tekst'."""
    per_veld: dict[tuple[int | str, ...], list[tuple[Fout, FieldError]]] = {}
    for f in fouten:
        v = _vertaal_een(f)
        per_veld.setdefault(v.loc, []).append((f, v))
    uit: list[FieldError] = []
    for regels in per_veld.values():
        eerste = regels[0][1]
        soorten = [_TYPE_SOORT.get(f.get("type", "")) for f, _ in regels]
        bekend = [s for s in soorten if s is not None]
        if len(regels) > 1 and len(bekend) == len(soorten) and not _is_bsn(eerste.veld):
            wat = ", ".join(dict.fromkeys(_SOORT[s] for s in bekend))
            uit.append(FieldError(eerste.veld, f"vul een van deze in: {wat}", eerste.type, eerste.loc))
        else:
            uit.extend({v.tekst: v for _, v in regels}.values())
    return uit


def api_errors(fouten: Iterable[Fout]) -> list[dict[str, Any]]:
    """The ``detail`` of an API 422: per field ``loc`` (cleaned), ``veld`` (readable), ``msg`` (a Dutch
    sentence naming the field) and pydantic's ``type``; never the submitted value."""
    return [{"loc": list(v.loc), "veld": v.veld, "msg": v.tekst, "type": v.type} for v in translate_errors(fouten)]
