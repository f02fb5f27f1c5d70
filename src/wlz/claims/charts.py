"""The charts of seed 004 (Bijlage 3, figures 1–14), drawn from the output tables with matplotlib (Agg).

Each figure has a Dutch title and explanation, used both in the PNG file and in ``rapport.html``.
The charts read only the output tables, so they show exactly what the CSV files contain.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from wlz.claims.codes import ZVW_SECTOREN  # noqa: E402

LV = ["mpt", "pgb", "vpt_excl", "vpt_incl", "zzp_excl", "zzp_incl"]
LV_ZORG = ["mpt", "vpt_excl", "vpt_incl", "zzp_excl", "zzp_incl"]
KLEUREN = plt.get_cmap("tab20").colors


@dataclass(frozen=True)
class Figuur:
    nummer: int
    titel: str
    uitleg: str
    bestand: str


def _df(rijen: list[dict], numeriek: tuple[str, ...]) -> pd.DataFrame:
    df = pd.DataFrame(rijen)
    for k in numeriek:
        if k in df:
            df[k] = pd.to_numeric(df[k], errors="coerce").astype(float)
    return df


def _opslaan(fig, pad: Path) -> None:
    fig.tight_layout()
    fig.savefig(pad, dpi=110)
    plt.close(fig)


def _groepsbalken(ax, categorieen, reeksen: dict[str, list[float]], ylabel: str) -> None:
    n = max(len(reeksen), 1)
    breedte = 0.8 / n
    for i, (naam, waarden) in enumerate(reeksen.items()):
        x = [j + (i - (n - 1) / 2) * breedte for j in range(len(categorieen))]
        ax.bar(x, waarden, width=breedte, label=str(naam), color=KLEUREN[i % len(KLEUREN)])
    ax.set_xticks(range(len(categorieen)))
    ax.set_xticklabels([str(c) for c in categorieen], rotation=30, ha="right")
    ax.set_ylabel(ylabel)
    ax.legend(fontsize=8)


def _stapelbalken(ax, categorieen, reeksen: dict[str, list[float]], ylabel: str) -> None:
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


#: per (frame, column, filter columns): the frame kept alive and its sums per filter value, so the thousands of
#: bar heights of one drawing cost one groupby per frame instead of a boolean filter each (measured: 6 s of 18)
_SOMMEN: dict[tuple, tuple[pd.DataFrame, dict]] = {}


def _waarde(df: pd.DataFrame, kolom: str, **filters) -> float:
    """Sum of ``kolom`` over the rows of ``df`` that match every filter (0 when none do)."""
    if not filters:
        return float(df[kolom].sum()) if len(df) else 0.0
    sleutel = (id(df), kolom, tuple(filters))
    bewaard = _SOMMEN.get(sleutel)
    if bewaard is None or bewaard[0] is not df:
        sommen = df.groupby(list(filters))[kolom].sum().to_dict() if len(df) else {}
        bewaard = _SOMMEN[sleutel] = (df, sommen)
    waarden = tuple(filters.values())
    return float(bewaard[1].get(waarden if len(waarden) > 1 else waarden[0], 0.0))


def teken_alle(tabellen: dict, soorten: tuple[str, ...], jaar: int, map_: Path) -> list[Figuur]:
    """Draw figures 1–14 into ``map_`` (``figuur_01.png`` …) and return their descriptions."""
    _SOMMEN.clear()
    lv = _df(tabellen["clienten_per_leveringsvorm"], ("jaar", "clienten_gewogen", "uitgaven_wlz", "uitgaven_zvw"))
    zp = _df(tabellen["clienten_per_zorgprofiel"], ("jaar", "zorgprofiel", "clienten_gewogen"))
    uit = _df(tabellen["uitgaven_per_dag"], ("jaar", "uitgaven", "dagen", "uitgaven_per_dag"))
    if not lv.empty:
        lv["uitgaven"] = lv["uitgaven_wlz"] + lv["uitgaven_zvw"]
    jaren = sorted({int(j) for j in lv["jaar"]}) if not lv.empty else [jaar]
    figuren: list[Figuur] = []

    def nieuw(nummer, titel, uitleg, tekenaar, panelen=("ghz", "vv"), breed=False):
        fig, assen = plt.subplots(1, len(panelen), figsize=(13 if breed else 11, 4.6), squeeze=False)
        for ax, paneel in zip(assen[0], panelen, strict=True):
            leeg = tekenaar(ax, paneel)
            ax.set_title(paneel)
            if leeg:
                ax.text(0.5, 0.5, "geen gegevens", ha="center", va="center", transform=ax.transAxes)
        fig.suptitle(f"Figuur {nummer}. {titel}", fontsize=11)
        bestand = f"figuur_{nummer:02d}.png"
        _opslaan(fig, map_ / bestand)
        figuren.append(Figuur(nummer, titel, uitleg, bestand))

    def sel(df, **f):
        for k, v in f.items():
            df = df[df[k] == v]
        return df

    # 1-4: per leveringsvorm
    def f1(ax, s):
        d = sel(lv, jaar=jaar, sector=s)
        _groepsbalken(ax, LV, {str(jaar): [_waarde(d, "clienten_gewogen", leveringsvorm=x) / 1000 for x in LV]},
                      "gewogen cliënten (× 1.000)")
        return d.empty

    nieuw(1, f"Aantal cliënten per leveringsvorm en bekostigingsoptie, {jaar}",
          f"Gewogen aantal cliënten in {jaar} (in duizenden) per leveringsvorm, voor de hele "
          "gehandicaptenzorg (ghz) en voor verpleging en verzorging (vv). Een cliënt die zes maanden zorg in "
          "een leveringsvorm had, telt daar als een halve cliënt.", f1)

    def f2(ax, s):
        d = sel(lv, jaar=jaar, sector=s)
        _groepsbalken(ax, LV, {"Wlz": [_waarde(d, "uitgaven_wlz", leveringsvorm=x) / 1e6 for x in LV],
                               "Zvw": [_waarde(d, "uitgaven_zvw", leveringsvorm=x) / 1e6 for x in LV]},
                      "uitgaven (mln euro)")
        return d.empty

    nieuw(2, f"Totale uitgaven per leveringsvorm en bekostigingsoptie, {jaar}",
          f"Totale uitgaven in {jaar} (miljoen euro) per leveringsvorm: Wlz-declaraties en de Zvw-zorg "
          "(huisarts, farmacie, paramedisch, mondzorg, eerstelijnsdiagnostiek, ggz, hulpmiddelen) van dezelfde "
          "cliënten in dezelfde maanden. Pgb-budgetten tellen niet als uitgaven.", f2)

    def f3(ax, s):
        d = sel(lv, sector=s)
        reeksen = {}
        for j in jaren:
            dj = sel(d, jaar=j)
            reeksen[str(j)] = [
                (_waarde(dj, "uitgaven", leveringsvorm=x) / c) if (c := _waarde(dj, "clienten_gewogen",
                                                                                  leveringsvorm=x)) else 0.0
                for x in LV
            ]
        _groepsbalken(ax, LV, reeksen, "uitgaven per gewogen cliënt (euro)")
        return d.empty

    nieuw(3, "Gemiddelde uitgaven per cliënt per leveringsvorm over de jaren",
          "Totale uitgaven (Wlz + Zvw) gedeeld door het gewogen aantal cliënten, per leveringsvorm en per jaar.",
          f3)

    def f4(ax, s):
        d = sel(lv, sector=s)
        totaal = {j: _waarde(sel(d, jaar=j), "clienten_gewogen") for j in jaren}
        reeksen = {x: [100 * _waarde(sel(d, jaar=j), "clienten_gewogen", leveringsvorm=x) / totaal[j]
                       if totaal[j] else 0.0 for j in jaren] for x in LV}
        _stapelbalken(ax, jaren, reeksen, "% van de gewogen cliënten")
        return d.empty

    nieuw(4, "Percentage cliënten per leveringsvorm per jaar",
          "De verdeling van de gewogen cliënten over de leveringsvormen, per jaar (elke staaf telt op tot 100%).",
          f4)

    # 5-8: per zorgprofiel
    profielen = list(range(1, 11))

    def profiel_balk(s):
        def teken(ax, paneel):
            d = sel(zp, jaar=jaar, sector=paneel, leveringsvorm="alle")
            _groepsbalken(ax, profielen, {str(jaar): [_waarde(d, "clienten_gewogen", zorgprofiel=n) / 1000
                                                      for n in profielen]}, "gewogen cliënten (× 1.000)")
            ax.set_xlabel("zorgprofiel")
            return d.empty
        return teken

    nieuw(5, f"Aantal cliënten per sector en zorgprofiel, {jaar}",
          f"Gewogen aantal cliënten in {jaar} (in duizenden) per zorgprofiel (1 t/m 10), voor de hele ghz en de vv.",
          profiel_balk(None), panelen=("ghz", "vv"))
    nieuw(6, f"Aantal cliënten per zorgprofiel, selectie verstandelijk gehandicapten, {jaar}",
          "Als figuur 5, maar binnen de ghz alleen de verstandelijk gehandicapten (vg): de zorgprofielen van de "
          "andere deelsectoren zijn niet vergelijkbaar met die van de vg.", profiel_balk(None), panelen=("vg", "vv"))

    def f7(ax, s):
        d = sel(zp, jaar=jaar, sector=s)
        alle = {n: _waarde(d, "clienten_gewogen", zorgprofiel=n, leveringsvorm="alle") for n in profielen}
        reeksen = {x: [100 * _waarde(d, "clienten_gewogen", zorgprofiel=n, leveringsvorm=x) / alle[n]
                       if alle[n] else 0.0 for n in profielen] for x in LV}
        _stapelbalken(ax, profielen, reeksen, "% van de gewogen cliënten")
        ax.set_xlabel("zorgprofiel")
        return d.empty

    nieuw(7, f"Percentage cliënten per leveringsvorm per zorgprofiel, {jaar}",
          "Per zorgprofiel de verdeling van de gewogen cliënten over de leveringsvormen (elke staaf 100%). "
          "Bij een zwaarder profiel wonen meer cliënten in een instelling (zzp).", f7, panelen=("vg", "vv"))

    def f8(ax, s):
        d = sel(zp, sector=s)
        groepen = [(n, j) for n in profielen for j in jaren
                   if _waarde(d, "clienten_gewogen", zorgprofiel=n, jaar=j, leveringsvorm="alle")]
        alle = {(n, j): _waarde(d, "clienten_gewogen", zorgprofiel=n, jaar=j, leveringsvorm="alle")
                for n, j in groepen}
        reeksen = {x: [100 * _waarde(d, "clienten_gewogen", zorgprofiel=n, jaar=j, leveringsvorm=x) / alle[(n, j)]
                       for n, j in groepen] for x in LV}
        _stapelbalken(ax, [f"{n}-{j}" for n, j in groepen], reeksen, "% van de gewogen cliënten")
        ax.set_xlabel("zorgprofiel-jaar")
        return not groepen

    nieuw(8, "Ontwikkeling percentage cliënten per leveringsvorm en zorgprofiel",
          "Als figuur 7, voor elk jaar naast elkaar: hoe de verdeling over de leveringsvormen per zorgprofiel "
          "door de jaren verschuift.", f8, panelen=("vg", "vv"), breed=True)

    # 9-14: uitgaven per dag
    alle_soorten = list(soorten) + list(ZVW_SECTOREN)

    def per_dag(leveringsvormen, soortenlijst, per_profiel):
        def teken(ax, s):
            d = sel(uit, jaar=jaar, sector=s)
            aanwezig = set(zip(d["leveringsvorm"], d["zorgprofiel"], strict=True)) if len(d) else set()
            if per_profiel:
                groepen = [(x, str(n)) for x in leveringsvormen for n in profielen if (x, str(n)) in aanwezig]
            else:
                groepen = [(x, "alle") for x in leveringsvormen if (x, "alle") in aanwezig]
            reeksen = {}
            for soort in soortenlijst:
                reeksen[soort] = [
                    _waarde(d, "uitgaven_per_dag", leveringsvorm=x, zorgprofiel=n, soort_zorg=soort)
                    for x, n in groepen
                ]
            labels = [x if n == "alle" else f"{x} {n}" for x, n in groepen]
            _stapelbalken(ax, labels, reeksen, "euro per dag")
            return not groepen
        return teken

    nieuw(9, f"Gemiddelde uitgaven per dag per leveringsvorm en soort zorg, {jaar}",
          "Uitgaven per dag (Wlz en Zvw samen) per leveringsvorm, opgedeeld naar soort zorg. Dagen: bij zzp en vpt "
          "de gedeclareerde dagprestaties, bij mpt de periode van de eerste tot de laatste mpt-declaratie van de "
          "maand.", per_dag(LV_ZORG, alle_soorten, False), panelen=("vg", "vv"))
    nieuw(10, f"Gemiddelde uitgaven per dag aan Zvw-zorg per leveringsvorm, {jaar}",
          "Alleen de Zvw-uitgaven per dag, per Zvw-sector (HAZ huisarts, FRM farmacie, PMZ paramedisch, MND "
          "mondzorg, MSZ eerstelijnsdiagnostiek, GGZ, HLP hulpmiddelen).",
          per_dag(LV_ZORG, list(ZVW_SECTOREN), False), panelen=("vg", "vv"))
    nieuw(11, f"Gemiddelde uitgaven per dag per zorgprofiel, zzp, {jaar}",
          "Uitgaven per dag (Wlz en Zvw) per zorgprofiel voor zzp inclusief en exclusief behandeling.",
          per_dag(["zzp_excl", "zzp_incl"], alle_soorten, True), panelen=("vg", "vv"), breed=True)
    nieuw(12, f"Gemiddelde uitgaven per dag per zorgprofiel, vpt, {jaar}",
          "Als figuur 11, voor het volledig pakket thuis (vpt) inclusief en exclusief behandeling.",
          per_dag(["vpt_excl", "vpt_incl"], alle_soorten, True), panelen=("vg", "vv"), breed=True)
    nieuw(13, f"Gemiddelde uitgaven per dag aan Zvw-zorg per zorgprofiel, zzp, {jaar}",
          "Alleen de Zvw-uitgaven per dag, per zorgprofiel, voor zzp inclusief en exclusief behandeling.",
          per_dag(["zzp_excl", "zzp_incl"], list(ZVW_SECTOREN), True), panelen=("vg", "vv"), breed=True)
    nieuw(14, f"Gemiddelde uitgaven per dag aan Zvw-zorg per zorgprofiel, vpt, {jaar}",
          "Alleen de Zvw-uitgaven per dag, per zorgprofiel, voor vpt inclusief en exclusief behandeling.",
          per_dag(["vpt_excl", "vpt_incl"], list(ZVW_SECTOREN), True), panelen=("vg", "vv"), breed=True)
    _SOMMEN.clear()
    return figuren
