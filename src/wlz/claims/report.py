"""``rapport.html``: one self-contained Dutch page with the method, the tables and figures 1–14.

Images are embedded as base64 so the file can be mailed or archived on its own. The text explains the
method in plain words for a reader who has not seen the NZa report.
"""

from __future__ import annotations

import base64
from importlib import resources
from pathlib import Path

from jinja2 import Environment, select_autoescape

from wlz.claims.charts import LV, Figure
from wlz.common.formatting import format_number


def _number(value: float | None) -> str:
    """A whole Dutch number (``1.234``) for the tables; an empty cell shows an en dash."""
    return format_number(value, decimals=0, unknown="–")


def write_report(pad: Path, tabellen: dict, figures: list[Figure], jaar: int) -> None:
    lv_rijen = tabellen["clienten_per_leveringsvorm"]
    zp_rijen = tabellen["clienten_per_zorgprofiel"]
    jaren = sorted({int(r["jaar"]) for r in lv_rijen}) or [jaar]
    t12: dict[tuple[str, str, int], float] = {}
    totaal12: dict[tuple[str, int], float] = {}
    for r in lv_rijen:
        t12[(r["sector"], r["leveringsvorm"], int(r["jaar"]))] = float(r["clienten_gewogen"])
        k = (r["sector"], int(r["jaar"]))
        totaal12[k] = totaal12.get(k, 0.0) + float(r["clienten_gewogen"])
    t34: dict[tuple[str, int], float] = {}
    t56: dict[tuple[str, str, int], float] = {}
    for r in zp_rijen:
        if int(r["jaar"]) != jaar:
            continue
        if r["leveringsvorm"] == "alle":
            t34[(r["sector"], int(r["zorgprofiel"]))] = float(r["clienten_gewogen"])
        else:
            t56[(r["sector"], r["leveringsvorm"], int(r["zorgprofiel"]))] = float(r["clienten_gewogen"])
    beelden = {f.bestand: base64.b64encode((pad.parent / f.bestand).read_bytes()).decode("ascii") for f in figures}
    env = Environment(autoescape=select_autoescape(default=True))
    html = env.from_string(resources.files(__package__).joinpath("rapport_sjabloon.html").read_text("utf-8")).render(
        jaar=jaar,
        jaren=jaren,
        leveringsvormen=LV,
        profielen=list(range(1, 11)),
        t12=t12,
        totaal12=totaal12,
        t34=t34,
        t56=t56,
        figures=figures,
        beelden=beelden,
        correcties=tabellen["correcties"],
        number=_number,
    )
    pad.write_text(html, encoding="utf-8")
