"""Rendering of decision letters: a letter's content (``services.brieven.Brief``) as HTML and as PDF.

The letters use case decides what a letter says and returns it as data; this adapter wraps the libraries that
turn it into a document (Jinja2 for the template ``web/templates/brief.html``, WeasyPrint for the PDF), with
Dutch figures and dates from ``wlz.common.formatting``. The API and the web pages both call it (``html``,
``pdf``), so a letter looks the same wherever it is asked for.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections import OrderedDict
from decimal import Decimal
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from wlz.common.formatting import format_date_long, format_euro, format_number
from wlz.reference.leveringsvorm import leveringsvormen

from ..domain import codes
from ..domain.aanvraag import UITKOMSTEN
from ..domain.bezwaar import BEZWAAR_BRONNEN, BEZWAAR_WEKEN
from .rules_engine import ONBEKEND, gebruikerstekst

TEMPLATES = Path(__file__).resolve().parent.parent / "web" / "templates"

#: One plain sentence per leveringsvorm, as the letter says it (written in ``wlz.reference``'s leveringsvormen).
LEVERINGSVORM_UITLEG: dict[str, str] = {lv.code: lv.uitleg for lv in leveringsvormen().values()}


def _euro(value: Any) -> str:
    """An amount in a letter always with cents (``€ 5.000,00``, a negative one ``€ -12,50``), rounded to cents as
    Python rounds the float; an amount the rules did not know reads "onbekend"."""
    if value is None:
        return ONBEKEND
    cents = f"{float(value):.2f}"
    if cents.startswith("-"):
        return "€ -" + format_euro(Decimal(cents[1:]))[2:]
    return format_euro(Decimal(cents))


def _getal(value: Any) -> str:
    """A parameter's value in Dutch (``42.957``, ``0,25``), never Python's ``42957.0``; text as it is."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "" if value is None else str(value)
    if float(value).is_integer():
        return format_number(value)
    return format_number(value, decimals=None)


#: the laws the rules cite, by their BWB id on wetten.overheid.nl
_WETTEN = {"BWBR0035917": "Wlz", "BWBR0035948": "Blz", "BWBR0036014": "Rlz"}
_WETTEN_URL = re.compile(r"https://wetten\.overheid\.nl/(BWBR\d+)/[\d-]+#(Artikel|Bijlage)([\w.]+)")
_STCRT = re.compile(r"https://zoek\.officielebekendmakingen\.nl/stcrt-(\d{4})-(\d+)\.html")
_KST = re.compile(r"https://zoek\.officielebekendmakingen\.nl/kst-(\d+)-(\d+)\.html")
#: publishers whose pages a letter may cite: the law and official publications, and the government's own
#: information sites (Zorginstituut's informatielangdurigezorg.nl, regelhulp.nl, rijksoverheid.nl)
_OFFICIEEL = ("wetten.overheid.nl", "officielebekendmakingen.nl", "rijksoverheid.nl", "informatielangdurigezorg.nl",
              "regelhulp.nl", "overheid.nl")  # fmt: skip
#: the policy documents the project was given (``seeds``) by number: what a letter calls them
_SEEDS = {
    "000": "Kamerbrief maatwerk in de Wlz (Kamerstuk 34 104, nr. 167)",
    "002": "Kamerbrief maatregelen zorg thuis per 1 juli 2018",
    "004": "NZa-advies behandeling in de Wlz",
}
_SEED = re.compile(r"seed[: ]?(\d{3})_[0-9a-f]+\.txt(?:,\s*)?")
_BESTAND = re.compile(r"\S+\.(?:txt|ya?ml|md|csv|json)\b")
_URL = re.compile(r"https?://\S+?(?=[\s;:,)]|$)")


def _veld(x: Any, naam: str) -> Any:
    """A field of a stored result part: a dict (as stored with a decision) or an object (the rules' own)."""
    return x.get(naam) if isinstance(x, dict) else getattr(x, naam, None)


def _officieel(url: str) -> bool:
    host = re.sub(r"^https?://(www\.)?", "", url).split("/", 1)[0]
    return any(host == d or host.endswith("." + d) for d in _OFFICIEEL)


def _url_titel(url: str) -> str:
    m = _WETTEN_URL.match(url)
    if m:
        wet, soort, nummer = m.groups()
        return f"{_WETTEN.get(wet, wet)} {'art.' if soort == 'Artikel' else 'bijlage'} {nummer}"
    m = _STCRT.match(url)
    if m:
        return f"Staatscourant {m.group(1)}, nr. {m.group(2)}"
    m = _KST.match(url)
    if m:
        return f"Kamerstuk {m.group(1)}, nr. {m.group(2)}"
    return re.sub(r"^https?://(www\.)?", "", url).split("/", 1)[0]


def parameter_bron(bron: str | None) -> dict[str, str | None]:
    """Where a parameter comes from, as a letter may say it: a law article or official publication by its name
    (with its link), a policy document by its title (never the project's file name), an installation's own table
    as such; a page that is no regulation (a provider's site) is not cited as a source: the value is then the
    zorgkantoor's example (``voorbeeld``), and the letter says so."""
    if not bron:
        return {"titel": "opgegeven door het zorgkantoor", "url": None}
    tekst = _SEED.sub(lambda m: _SEEDS.get(m.group(1), "beleidsdocument") + ", ", bron).strip().rstrip(",")
    urls = _URL.findall(tekst)
    if urls and tekst == urls[0]:
        url = urls[0]
        if _officieel(url):
            return {"titel": _url_titel(url), "url": url}
        return {"titel": "geen regelgeving gevonden; voorbeeldwaarde van het zorgkantoor", "url": None}
    if urls and not all(_officieel(u) for u in urls):
        return {"titel": "geen regelgeving gevonden; voorbeeldwaarde van het zorgkantoor", "url": None}
    tekst = _URL.sub(lambda m: _url_titel(m.group(0)), tekst)
    tekst = _BESTAND.sub("parametertabel van het zorgkantoor", tekst)
    return {"titel": tekst, "url": None}


def wettelijke_bronnen(bronnen: Any) -> list[Any]:
    """The sources a letter lists under "Dit staat in": the law, official publications and documents named by
    title; a page of a provider or another non-official site is left out (it is no legal source)."""
    uit = []
    for b in bronnen or ():
        url = _veld(b, "url") or ""
        if not url.startswith("http") or _officieel(url):
            uit.append(b)
    return uit


def parameter_naam(p: Any) -> str:
    """A parameter as a letter names it: its description, else its path in words (never the dotted name)."""
    if _veld(p, "beschrijving"):
        return gebruikerstekst(str(_veld(p, "beschrijving")))
    delen = str(_veld(p, "naam") or "").split(".")
    if len(delen) == 4 and delen[:2] == ["pgb", "klassen"]:
        return f"Klasse {delen[2].replace('_', ' ')} bij zorgprofiel {delen[3]}"
    return gebruikerstekst(" ".join(d.replace("_", " ") for d in delen[1:] or delen)).capitalize()


_env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html"]))
_env.filters.update(
    euro=_euro,
    datum_lang=format_date_long,
    getal=_getal,
    parameter_bron=parameter_bron,
    parameter_naam=parameter_naam,
    wettelijk=wettelijke_bronnen,
    gebruikerstekst=gebruikerstekst,
)


def html(brief: Any, *, voor_pdf: bool = False) -> str:
    """The letter as an HTML page (``brief`` is a ``services.brieven.Brief``)."""
    return _env.get_template("brief.html").render(
        b=brief,
        a=brief.aanvraag,
        c=brief.client,
        UITKOMSTEN=UITKOMSTEN,
        LEVERINGSVORMEN=codes.LEVERINGSVORMEN,
        LEVERINGSVORM_UITLEG=LEVERINGSVORM_UITLEG,
        BEZWAAR_BRONNEN=BEZWAAR_BRONNEN,
        BEZWAAR_WEKEN=BEZWAAR_WEKEN,
        ONBEKEND=ONBEKEND,
        voor_pdf=voor_pdf,
    )


#: PDFs already rendered by this process, by the SHA-256 of their HTML (content-addressed: a letter whose text
#: changes in any way has another key), newest last; at most ``_PDF_CACHE_SIZE`` (about 30 KB each)
_PDF_CACHE: OrderedDict[str, bytes] = OrderedDict()
_PDF_CACHE_SIZE = 64
_PDF_LOCK = threading.Lock()


def warm_up() -> None:
    """Import WeasyPrint ahead of the first PDF (a server calls this in a background thread at start).

    Why: the import costs 1.1-1.7 s of CPU; without this the first ``brief.pdf`` a worker serves pays it on top
    of laying out the letter (benchmarks/fuzz_api.py found that first download as the only request over 2 s)."""
    import weasyprint  # noqa: F401


def pdf(brief: Any) -> bytes:
    """The same letter as PDF (WeasyPrint; fonts from fonts-dejavu-core, see scripts/setup.sh).

    Why the cache: laying out a letter of a few pages costs WeasyPrint 1-6 s of CPU on a shared 2-core machine
    (found by benchmarks/fuzz_api.py: every slow request was a ``brief.pdf``), while rendering its HTML costs
    milliseconds; a letter is downloaded again and again (client, assessor, provider) and only changes with its
    decision. The HTML is made every time (and the use case checks access and logs the read every time), the
    PDF only when that HTML was not rendered before by this process."""
    from weasyprint import HTML

    tekst = html(brief, voor_pdf=True)
    sleutel = hashlib.sha256(tekst.encode()).hexdigest()
    with _PDF_LOCK:
        data = _PDF_CACHE.get(sleutel)
        if data is not None:
            _PDF_CACHE.move_to_end(sleutel)
            return data
    data = HTML(string=tekst, base_url=str(TEMPLATES)).write_pdf()
    with _PDF_LOCK:
        _PDF_CACHE[sleutel] = data
        while len(_PDF_CACHE) > _PDF_CACHE_SIZE:
            _PDF_CACHE.popitem(last=False)
    return data
