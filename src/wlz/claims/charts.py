"""The charts of seed 004 (Bijlage 3, figures 1–14), drawn from the output tables with matplotlib (Agg).

Each figure has a Dutch title and explanation, used both in the PNG file and in ``rapport.html``.
The charts read only the output tables, so they show exactly what the CSV files contain.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.colors import ListedColormap  # noqa: E402

from wlz.claims.codes import ZVW_SECTOREN  # noqa: E402

LV = ["mpt", "pgb", "vpt_excl", "vpt_incl", "zzp_excl", "zzp_incl"]
LV_ZORG = ["mpt", "vpt_excl", "vpt_incl", "zzp_excl", "zzp_incl"]
KLEUREN = cast("Sequence[Any]", cast(ListedColormap, plt.get_cmap("tab20")).colors)


@dataclass(frozen=True)
class Figure:
    """One drawn figure: its number, Dutch title and explanation (also shown in ``rapport.html``), PNG file."""

    nummer: int
    titel: str
    uitleg: str
    bestand: str


def _frame(rows: list[dict[str, Any]], numeriek: tuple[str, ...]) -> pd.DataFrame:
    df = pd.DataFrame(rows)
    for k in numeriek:
        if k in df:
            df[k] = pd.to_numeric(df[k], errors="coerce").astype(float)
    return df


def _save(fig: Any, pad: Path) -> None:
    fig.tight_layout()
    fig.savefig(pad, dpi=110)
    plt.close(fig)


def _grouped_bars(ax: Any, categorieen: list[Any], reeksen: dict[str, list[float]], ylabel: str) -> None:
    n = max(len(reeksen), 1)
    breedte = 0.8 / n
    for i, (naam, waarden) in enumerate(reeksen.items()):
        x = [j + (i - (n - 1) / 2) * breedte for j in range(len(categorieen))]
        ax.bar(x, waarden, width=breedte, label=str(naam), color=KLEUREN[i % len(KLEUREN)])
    ax.set_xticks(range(len(categorieen)))
    ax.set_xticklabels([str(c) for c in categorieen], rotation=30, ha="right")
    ax.set_ylabel(ylabel)
    ax.legend(fontsize=8)


def _stacked_bars(ax: Any, categorieen: list[Any], reeksen: dict[str, list[float]], ylabel: str) -> None:
    onder = [0.0] * len(categorieen)
    for i, (naam, waarden) in enumerate(reeksen.items()):
        if not any(waarden):
            continue
        ax.bar(range(len(categorieen)), waarden, bottom=onder, label=str(naam), color=KLEUREN[i % len(KLEUREN)])
        onder = [a + b for a, b in zip(onder, waarden, strict=True)]
    ax.set_xticks(range(len(categorieen)))
    ax.set_xticklabels([str(c) for c in categorieen], rotation=45, ha="right", fontsize=8)
    ax.set_ylabel(ylabel)
    if ax.get_legend_handles_labels()[0]:
        ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0))


class _Sums:
    """Sums of a column per filter value, one groupby per (frame, column, filter columns).

    A drawing asks thousands of bar heights of a few frames; one groupby per frame instead of a boolean filter
    per bar saves a third of the drawing time (measured: 6 s of 18). Each :func:`draw_all` call makes its own,
    so nothing outlives a drawing; the frames are kept alive beside their sums so an ``id`` is never reused.
    """

    def __init__(self) -> None:
        self._sums: dict[tuple[Any, ...], tuple[pd.DataFrame, dict[Any, float]]] = {}

    def of(self, df: pd.DataFrame, column: str, **filters: Any) -> float:
        """Sum of ``column`` over the rows of ``df`` that match every filter (0 when none do)."""
        if not filters:
            return float(df[column].sum()) if len(df) else 0.0
        key = (id(df), column, tuple(filters))
        kept = self._sums.get(key)
        if kept is None or kept[0] is not df:
            sums = df.groupby(list(filters))[column].sum().to_dict() if len(df) else {}
            kept = self._sums[key] = (df, sums)
        waarden = tuple(filters.values())
        return float(kept[1].get(waarden if len(waarden) > 1 else waarden[0], 0.0))


def _select(df: pd.DataFrame, **filters: Any) -> pd.DataFrame:
    for k, v in filters.items():
        df = df[df[k] == v]
    return df


@dataclass
class _Data:
    """The three output tables as frames, the years they hold, and the sums cache of one drawing."""

    lv: pd.DataFrame
    zp: pd.DataFrame
    uit: pd.DataFrame
    jaar: int
    jaren: list[int]
    soorten: tuple[str, ...]
    sums: _Sums = field(default_factory=_Sums)

    @classmethod
    def from_tables(cls, tabellen: dict[str, Any], soorten: tuple[str, ...], jaar: int) -> _Data:
        lv = _frame(
            tabellen["clienten_per_leveringsvorm"], ("jaar", "clienten_gewogen", "uitgaven_wlz", "uitgaven_zvw")
        )
        zp = _frame(tabellen["clienten_per_zorgprofiel"], ("jaar", "zorgprofiel", "clienten_gewogen"))
        uit = _frame(tabellen["uitgaven_per_dag"], ("jaar", "uitgaven", "dagen", "uitgaven_per_dag"))
        if not lv.empty:
            lv["uitgaven"] = lv["uitgaven_wlz"] + lv["uitgaven_zvw"]
        jaren = sorted({int(j) for j in lv["jaar"]}) if not lv.empty else [jaar]
        return cls(lv, zp, uit, jaar, jaren, soorten)


#: draws one panel (a sector) on its axes; returns True when there was nothing to draw
Panel = Callable[[Any, str], bool]


@dataclass(frozen=True)
class _Chart:
    """What a figure shows, before it is drawn: number, Dutch title and explanation, the panel drawer."""

    nummer: int
    titel: str
    uitleg: str
    panel: Panel
    panelen: tuple[str, ...] = ("ghz", "vv")
    breed: bool = False


def _draw(chart: _Chart, map_: Path) -> Figure:
    """One figure, a panel per sector, written as ``figuur_NN.png``."""
    fig, assen = plt.subplots(1, len(chart.panelen), figsize=(13 if chart.breed else 11, 4.6), squeeze=False)
    for ax, paneel in zip(assen[0], chart.panelen, strict=True):
        leeg = chart.panel(ax, paneel)
        ax.set_title(paneel)
        if leeg:
            ax.text(0.5, 0.5, "geen gegevens", ha="center", va="center", transform=ax.transAxes)
    fig.suptitle(f"Figuur {chart.nummer}. {chart.titel}", fontsize=11)
    bestand = f"figuur_{chart.nummer:02d}.png"
    _save(fig, map_ / bestand)
    return Figure(chart.nummer, chart.titel, chart.uitleg, bestand)


PROFIELEN = list(range(1, 11))


def _per_leveringsvorm(d: _Data) -> list[_Chart]:
    """Figures 1-4: clients and spending per leveringsvorm."""
    lv, jaar, jaren, som = d.lv, d.jaar, d.jaren, d.sums.of

    def f1(ax: Any, s: str) -> bool:
        t = _select(lv, jaar=jaar, sector=s)
        _grouped_bars(
            ax,
            LV,
            {str(jaar): [som(t, "clienten_gewogen", leveringsvorm=x) / 1000 for x in LV]},
            "gewogen cliënten (× 1.000)",
        )
        return t.empty

    def f2(ax: Any, s: str) -> bool:
        t = _select(lv, jaar=jaar, sector=s)
        _grouped_bars(
            ax,
            LV,
            {
                "Wlz": [som(t, "uitgaven_wlz", leveringsvorm=x) / 1e6 for x in LV],
                "Zvw": [som(t, "uitgaven_zvw", leveringsvorm=x) / 1e6 for x in LV],
            },
            "uitgaven (mln euro)",
        )
        return t.empty

    def f3(ax: Any, s: str) -> bool:
        t = _select(lv, sector=s)
        reeksen = {}
        for j in jaren:
            tj = _select(t, jaar=j)
            reeksen[str(j)] = [
                (som(tj, "uitgaven", leveringsvorm=x) / c)
                if (c := som(tj, "clienten_gewogen", leveringsvorm=x))
                else 0.0
                for x in LV
            ]
        _grouped_bars(ax, LV, reeksen, "uitgaven per gewogen cliënt (euro)")
        return t.empty

    def f4(ax: Any, s: str) -> bool:
        t = _select(lv, sector=s)
        totaal = {j: som(_select(t, jaar=j), "clienten_gewogen") for j in jaren}
        reeksen = {
            x: [
                100 * som(_select(t, jaar=j), "clienten_gewogen", leveringsvorm=x) / totaal[j] if totaal[j] else 0.0
                for j in jaren
            ]
            for x in LV
        }
        _stacked_bars(ax, jaren, reeksen, "% van de gewogen cliënten")
        return t.empty

    return [
        _Chart(
            1,
            f"Aantal cliënten per leveringsvorm en bekostigingsoptie, {jaar}",
            f"Gewogen aantal cliënten in {jaar} (in duizenden) per leveringsvorm, voor de hele "
            "gehandicaptenzorg (ghz) en voor verpleging en verzorging (vv). Een cliënt die zes maanden zorg in "
            "een leveringsvorm had, telt daar als een halve cliënt.",
            f1,
        ),
        _Chart(
            2,
            f"Totale uitgaven per leveringsvorm en bekostigingsoptie, {jaar}",
            f"Totale uitgaven in {jaar} (miljoen euro) per leveringsvorm: Wlz-declaraties en de Zvw-zorg "
            "(huisarts, farmacie, paramedisch, mondzorg, eerstelijnsdiagnostiek, ggz, hulpmiddelen) van dezelfde "
            "cliënten in dezelfde maanden. Pgb-budgetten tellen niet als uitgaven.",
            f2,
        ),
        _Chart(
            3,
            "Gemiddelde uitgaven per cliënt per leveringsvorm over de jaren",
            "Totale uitgaven (Wlz + Zvw) gedeeld door het gewogen aantal cliënten, per leveringsvorm en per jaar.",
            f3,
        ),
        _Chart(
            4,
            "Percentage cliënten per leveringsvorm per jaar",
            "De verdeling van de gewogen cliënten over de leveringsvormen, per jaar (elke staaf telt op tot 100%).",
            f4,
        ),
    ]


def _per_zorgprofiel(d: _Data) -> list[_Chart]:
    """Figures 5-8: clients per zorgprofiel and their leveringsvormen."""
    zp, jaar, jaren, som = d.zp, d.jaar, d.jaren, d.sums.of

    def profile_bars(ax: Any, paneel: str) -> bool:
        t = _select(zp, jaar=jaar, sector=paneel, leveringsvorm="alle")
        _grouped_bars(
            ax,
            PROFIELEN,
            {str(jaar): [som(t, "clienten_gewogen", zorgprofiel=n) / 1000 for n in PROFIELEN]},
            "gewogen cliënten (× 1.000)",
        )
        ax.set_xlabel("zorgprofiel")
        return t.empty

    def f7(ax: Any, s: str) -> bool:
        t = _select(zp, jaar=jaar, sector=s)
        alle = {n: som(t, "clienten_gewogen", zorgprofiel=n, leveringsvorm="alle") for n in PROFIELEN}
        reeksen = {
            x: [
                100 * som(t, "clienten_gewogen", zorgprofiel=n, leveringsvorm=x) / alle[n] if alle[n] else 0.0
                for n in PROFIELEN
            ]
            for x in LV
        }
        _stacked_bars(ax, PROFIELEN, reeksen, "% van de gewogen cliënten")
        ax.set_xlabel("zorgprofiel")
        return t.empty

    def f8(ax: Any, s: str) -> bool:
        t = _select(zp, sector=s)
        groepen = [
            (n, j)
            for n in PROFIELEN
            for j in jaren
            if som(t, "clienten_gewogen", zorgprofiel=n, jaar=j, leveringsvorm="alle")
        ]
        alle = {(n, j): som(t, "clienten_gewogen", zorgprofiel=n, jaar=j, leveringsvorm="alle") for n, j in groepen}
        reeksen = {
            x: [
                100 * som(t, "clienten_gewogen", zorgprofiel=n, jaar=j, leveringsvorm=x) / alle[(n, j)]
                for n, j in groepen
            ]
            for x in LV
        }
        _stacked_bars(ax, [f"{n}-{j}" for n, j in groepen], reeksen, "% van de gewogen cliënten")
        ax.set_xlabel("zorgprofiel-jaar")
        return not groepen

    return [
        _Chart(
            5,
            f"Aantal cliënten per sector en zorgprofiel, {jaar}",
            f"Gewogen aantal cliënten in {jaar} (in duizenden) per zorgprofiel (1 t/m 10), voor de hele ghz en de vv.",
            profile_bars,
            panelen=("ghz", "vv"),
        ),
        _Chart(
            6,
            f"Aantal cliënten per zorgprofiel, selectie verstandelijk gehandicapten, {jaar}",
            "Als figuur 5, maar binnen de ghz alleen de verstandelijk gehandicapten (vg): de zorgprofielen van de "
            "andere deelsectoren zijn niet vergelijkbaar met die van de vg.",
            profile_bars,
            panelen=("vg", "vv"),
        ),
        _Chart(
            7,
            f"Percentage cliënten per leveringsvorm per zorgprofiel, {jaar}",
            "Per zorgprofiel de verdeling van de gewogen cliënten over de leveringsvormen (elke staaf 100%). "
            "Bij een zwaarder profiel wonen meer cliënten in een instelling (zzp).",
            f7,
            panelen=("vg", "vv"),
        ),
        _Chart(
            8,
            "Ontwikkeling percentage cliënten per leveringsvorm en zorgprofiel",
            "Als figuur 7, voor elk jaar naast elkaar: hoe de verdeling over de leveringsvormen per zorgprofiel "
            "door de jaren verschuift.",
            f8,
            panelen=("vg", "vv"),
            breed=True,
        ),
    ]


def _per_dag_panel(d: _Data, leveringsvormen: list[str], soortenlijst: list[str], per_profiel: bool) -> Panel:
    """A panel of stacked spending per day: one bar per leveringsvorm (and profile), a part per soort zorg."""

    def draw(ax: Any, s: str) -> bool:
        t = _select(d.uit, jaar=d.jaar, sector=s)
        aanwezig = set(zip(t["leveringsvorm"], t["zorgprofiel"], strict=True)) if len(t) else set()
        if per_profiel:
            groepen = [(x, str(n)) for x in leveringsvormen for n in PROFIELEN if (x, str(n)) in aanwezig]
        else:
            groepen = [(x, "alle") for x in leveringsvormen if (x, "alle") in aanwezig]
        reeksen = {}
        for soort in soortenlijst:
            reeksen[soort] = [
                d.sums.of(t, "uitgaven_per_dag", leveringsvorm=x, zorgprofiel=n, soort_zorg=soort) for x, n in groepen
            ]
        labels = [x if n == "alle" else f"{x} {n}" for x, n in groepen]
        _stacked_bars(ax, labels, reeksen, "euro per dag")
        return not groepen

    return draw


def _uitgaven_per_dag(d: _Data) -> list[_Chart]:
    """Figures 9-14: spending per day per leveringsvorm and zorgprofiel, all care and Zvw care alone."""
    jaar = d.jaar
    alle_soorten = list(d.soorten) + list(ZVW_SECTOREN)
    zvw = list(ZVW_SECTOREN)
    zzp, vpt = ["zzp_excl", "zzp_incl"], ["vpt_excl", "vpt_incl"]
    return [
        _Chart(
            9,
            f"Gemiddelde uitgaven per dag per leveringsvorm en soort zorg, {jaar}",
            "Uitgaven per dag (Wlz en Zvw samen) per leveringsvorm, opgedeeld naar soort zorg. Dagen: bij zzp en "
            "vpt de gedeclareerde dagprestaties, bij mpt de periode van de eerste tot de laatste mpt-declaratie van "
            "de maand.",
            _per_dag_panel(d, LV_ZORG, alle_soorten, False),
            panelen=("vg", "vv"),
        ),
        _Chart(
            10,
            f"Gemiddelde uitgaven per dag aan Zvw-zorg per leveringsvorm, {jaar}",
            "Alleen de Zvw-uitgaven per dag, per Zvw-sector (HAZ huisarts, FRM farmacie, PMZ paramedisch, MND "
            "mondzorg, MSZ eerstelijnsdiagnostiek, GGZ, HLP hulpmiddelen).",
            _per_dag_panel(d, LV_ZORG, zvw, False),
            panelen=("vg", "vv"),
        ),
        _Chart(
            11,
            f"Gemiddelde uitgaven per dag per zorgprofiel, zzp, {jaar}",
            "Uitgaven per dag (Wlz en Zvw) per zorgprofiel voor zzp inclusief en exclusief behandeling.",
            _per_dag_panel(d, zzp, alle_soorten, True),
            panelen=("vg", "vv"),
            breed=True,
        ),
        _Chart(
            12,
            f"Gemiddelde uitgaven per dag per zorgprofiel, vpt, {jaar}",
            "Als figuur 11, voor het volledig pakket thuis (vpt) inclusief en exclusief behandeling.",
            _per_dag_panel(d, vpt, alle_soorten, True),
            panelen=("vg", "vv"),
            breed=True,
        ),
        _Chart(
            13,
            f"Gemiddelde uitgaven per dag aan Zvw-zorg per zorgprofiel, zzp, {jaar}",
            "Alleen de Zvw-uitgaven per dag, per zorgprofiel, voor zzp inclusief en exclusief behandeling.",
            _per_dag_panel(d, zzp, zvw, True),
            panelen=("vg", "vv"),
            breed=True,
        ),
        _Chart(
            14,
            f"Gemiddelde uitgaven per dag aan Zvw-zorg per zorgprofiel, vpt, {jaar}",
            "Alleen de Zvw-uitgaven per dag, per zorgprofiel, voor vpt inclusief en exclusief behandeling.",
            _per_dag_panel(d, vpt, zvw, True),
            panelen=("vg", "vv"),
            breed=True,
        ),
    ]


def draw_all(tabellen: dict[str, Any], soorten: tuple[str, ...], jaar: int, map_: Path) -> list[Figure]:
    """Draw figures 1–14 into ``map_`` (``figuur_01.png`` …) and return their descriptions."""
    data = _Data.from_tables(tabellen, soorten, jaar)
    charts = _per_leveringsvorm(data) + _per_zorgprofiel(data) + _uitgaven_per_dag(data)
    return [_draw(chart, map_) for chart in charts]
