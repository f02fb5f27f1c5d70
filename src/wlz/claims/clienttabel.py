"""The client-month table: the analysis' own classification of every client-month, published on request.

The output tables of the analysis are sums; a policy simulation that must say who wins and who loses needs
the client behind them. Rather than let another package repeat the method ("laatst gedeclareerd", the
corrections, the Zvw join), the pipeline writes the client-months it already classified, when asked
(``analyse(..., clienttabel=True)``, ``wlz analyse --clienttabel``). The default run does not build it, so its
speed and outputs do not change.

``client_maanden/`` (a folder of Parquet parts; DuckDB writes one part, Spark several), one row per
client-month that reaches a table of the analysis (classified, sector vv or ghz), the same months and amounts
as ``clienten_per_zorgprofiel.csv`` and ``uitgaven_per_dag.csv`` count:

| column | meaning |
|---|---|
| ``client_id`` | the claims' client id (a synthetic BSN on synthetic data) |
| ``jaar``, ``maand`` | calendar year and month (1-12) |
| ``hoofdsector`` | ``vv`` or ``ghz`` (from the COD163 code, ``wlz.reference``) |
| ``vg`` | true for the ghz subsector vg (the analysis' sector ``vg``) |
| ``zorgprofiel`` | profile number of the month's code |
| ``leveringsvorm`` | zzp_incl, zzp_excl, vpt_incl, vpt_excl, mpt or pgb |
| ``dagen`` | declared days of the month (basisprestaties; mpt: first to last module day; pgb 0) |
| ``wlz_<soort_zorg>`` | Wlz spending of the month per soort zorg of the koppellijst (0 in a pgb month) |
| ``zvw_<sector>`` | Zvw net spending of the month per Zvw sector (HAZ, FRM, ...); 0 if the month's sum is not > 0 |
| ``eigen_risico`` | the Zvw verplicht eigen risico charged on the month's kept Zvw rows, as delivered |
| ``agb_code`` | only when ``wlz_zin`` has the optional column ``agb_code``: the provider of the month's last declared |
|  | basis line, or without one (mpt) of its last module line (the classification's ordering key) |

Sums of ``dagen`` and ``wlz_*``/``zvw_*`` per (jaar, vg/vv, leveringsvorm, zorgprofiel) equal the rows of
``uitgaven_per_dag.csv``; months / 12 per group equal ``clienten_gewogen``.
"""

from __future__ import annotations

from pathlib import Path

import ibis
import ibis.expr.types as ir

from wlz.claims.codes import CATEGORIEEN, HOOFDSECTOREN, ROL_BASIS, ROL_BEHANDELING_MODULE, ROL_MODULE, ZVW_SECTOREN
from wlz.claims.parse import STAP_OK
from wlz.claims.pipeline import HS_GHZ, HS_VV, SRC_WLZ, month_index, order_key, wlz_column, zvw_column

#: the folder name in the output folder
NAAM = "client_maanden"
#: the optional provider column of wlz_zin (AGB code of the zorgaanbieder)
AGB_KOLOM = "agb_code"


def soort_kolom(soort: str) -> str:
    """Column name of a Wlz soort zorg in the client table."""
    return f"wlz_{soort}"


def aanbieder_maanden(wlz: ir.Table, agb: ir.Table, jaren: tuple[int, ...] | None = None) -> ir.Table:
    """Per client-month the AGB code of the last declared basis line; in a month without one (mpt), of the
    last declared module line — as the classification lets a basis line decide when there is one.

    ``agb``: (a_regel, agb_code) from the raw wlz_zin table; joined on regelnummer, which is unique among kept
    lines (duplicates are quarantined by the parse step). ``jaren``: only lines beginning in these years."""
    w = wlz.filter((wlz.stap == STAP_OK) & wlz.rol_i.isin([ROL_BASIS, ROL_MODULE, ROL_BEHANDELING_MODULE]))
    if jaren is not None:
        w = w.filter(w.begindatum.year().isin(list(jaren)))
    j = w.inner_join(agb, w.regelnummer == agb.a_regel)
    b = j.begindatum
    dom = b.day().cast("int64")
    eind_rel = j.einddatum.epoch_days().cast("int64") - b.epoch_days().cast("int64") + dom - 1
    sleutel = order_key(dom, eind_rel, SRC_WLZ, j.regelnummer)
    a = j.group_by(a_client=j.client_id, a_idx=month_index(b).cast("int32")).aggregate(
        a_basis=j.agb_code.argmax(sleutel, where=j.rol_i == ROL_BASIS),
        a_module=j.agb_code.argmax(sleutel, where=j.rol_i != ROL_BASIS),
    )
    return a.select(a.a_client, a.a_idx, agb_code=a.a_basis.coalesce(a.a_module))


def _naam(code: ir.Value, namen: tuple[str, ...]) -> ir.Value:
    return ibis.cases(*[(code == i, ibis.literal(n)) for i, n in enumerate(namen)], else_=ibis.null("string"))


def client_maanden(klassen: ir.Table, soorten: tuple[str, ...], aanbieders: ir.Table | None = None) -> ir.Table:
    """The public client-month table from :func:`wlz.claims.pipeline.classify` (``met_maand=True``, on Zvw months
    aggregated with ``met_eigen_risico=True``)."""
    t = klassen.filter(klassen.lv.notnull() & klassen.hs.isin([HS_VV, HS_GHZ]))
    if aanbieders is not None:
        t = t.left_join(aanbieders, (t.client_id == aanbieders.a_client) & (t.idx == aanbieders.a_idx))
    nul = ibis.literal(0).cast("decimal(18, 6)")
    kolommen: dict[str, ir.Value] = {
        "client_id": t.client_id,
        "jaar": t.jaar.cast("int16"),
        "maand": (t.idx % 12 + 1).cast("int8"),
        "hoofdsector": _naam(t.hs, HOOFDSECTOREN),
        "vg": t.vg,
        "zorgprofiel": t.nummer.cast("int16"),
        "leveringsvorm": _naam(t.lv, CATEGORIEEN),
        "dagen": t.dagen.cast("int32"),
    }
    for i, soort in enumerate(soorten):
        kolommen[soort_kolom(soort)] = t[wlz_column(i)]
    for s in ZVW_SECTOREN:
        kolommen[zvw_column(s)] = t[zvw_column(s)]
    kolommen["eigen_risico"] = t.eigen_risico.coalesce(nul).cast("decimal(18, 6)")
    if aanbieders is not None:
        kolommen[AGB_KOLOM] = t.agb_code
    return t.select(**kolommen)


def write(con, expr: ir.Table, uitvoer: Path) -> Path:
    """Write the table to ``uitvoer/client_maanden/`` (replacing an earlier one); returns the folder."""
    import shutil

    map_ = uitvoer / NAAM
    shutil.rmtree(map_, ignore_errors=True)
    if con.name == "duckdb":
        map_.mkdir(parents=True)
        con.to_parquet(expr, map_ / "deel-0.parquet")
    else:
        con.to_parquet(expr, map_)
    return map_
