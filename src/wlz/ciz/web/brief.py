"""The CIZ's letters and reports (Dutch, HTML and PDF via weasyprint):

- the indicatiebesluit letter: what Blz art. 3.2.3 asks a decision to state, and how to object (bezwaar, Awb
  art. 6:7: six weeks — https://wetten.overheid.nl/BWBR0005537#Artikel6:7);
- the letter of a suspension of the term (Awb art. 4:15 lid 3 and 4,
  https://wetten.overheid.nl/BWBR0005537#Artikel4:15): since when, why, by when the decision can be expected;
- the letter withdrawing a decision (Wlz art. 3.2.4, https://wetten.overheid.nl/BWBR0035917#Artikel3.2.4): the
  ground, the reason, from which day, and bezwaar;
- the twice-yearly "stand van zaken" (seed 003 p1 r.11-14) as a formatted report beside its CSV."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import jinja2

from wlz import reference
from wlz.platform.pages import FILTERS
from wlz.reference.grondslag import labels as grondslag_labels

from ..domain.aanvraag import Aanvraag
from ..domain.besluit import AFWIJZINGSGRONDEN, Afwijzingsgrond
from ..domain.dashboard import NORM_JUIST, NORM_OP_TIJD, Dashboard
from ..domain.intrekking import Intrekkingsgrond
from ..domain.kwaliteit import Juistheid
from ..domain.termijn import Opschorting, OpschortingSoort

_env: jinja2.Environment | None = None


def _template(naam: str = "brief.html") -> jinja2.Template:
    global _env
    if _env is None:
        _env = jinja2.Environment(loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"), autoescape=True)
        _env.filters.update(FILTERS)
    return _env.get_template(naam)


def _pdf(tekst: str) -> bytes:
    from weasyprint import HTML

    return bytes(HTML(string=tekst).write_pdf())


def html(a: Aanvraag) -> str:
    profiel = reference.zorgprofielen()[a.zorgprofiel] if a.zorgprofiel else None
    grond = AFWIJZINGSGRONDEN[Afwijzingsgrond(a.afwijzingsgrond)] if a.afwijzingsgrond else None
    b = a.beoordeling
    labels = grondslag_labels()
    return str(
        _template().render(
            a=a,
            profiel=profiel,
            grond=grond,
            grondslagen=[labels.get(g, g) for g in (b.grondslagen if b else ())],
            onderzoek=b.onderzoek if b else "",
        )
    )


def pdf(a: Aanvraag) -> bytes:
    return _pdf(html(a))


def intrekking_html(a: Aanvraag) -> str:
    profiel = reference.zorgprofielen()[a.zorgprofiel] if a.zorgprofiel else None
    grond = Intrekkingsgrond(a.intrekkingsgrond).tekst if a.intrekkingsgrond else ""
    return str(_template("brief_intrekking.html").render(a=a, profiel=profiel, grond=grond))


def intrekking_pdf(a: Aanvraag) -> bytes:
    return _pdf(intrekking_html(a))


def opschorting_html(a: Aanvraag, o: Opschorting) -> str:
    """The letter of a suspension (Awb art. 4:15 lid 3 and 4: that the term is suspended, and by when the decision
    can be expected; for lid 1 a: what to complete and by when)."""
    laatste = o.einde - dt.timedelta(days=1) if o.einde else None
    return str(
        _template("brief_opschorting.html").render(a=a, o=o, grond=OpschortingSoort(o.soort).tekst, laatste_dag=laatste)
    )


def opschorting_pdf(a: Aanvraag, o: Opschorting) -> bytes:
    return _pdf(opschorting_html(a, o))


def stand_van_zaken_html(d: Dashboard, juist: list[Juistheid], opgesteld: dt.date) -> str:
    return str(
        _template("stand_van_zaken.html").render(
            d=d, juist=juist, opgesteld=opgesteld, norm_op_tijd=NORM_OP_TIJD, norm_juist=NORM_JUIST
        )
    )


def stand_van_zaken_pdf(d: Dashboard, juist: list[Juistheid], opgesteld: dt.date) -> bytes:
    return _pdf(stand_van_zaken_html(d, juist, opgesteld))
