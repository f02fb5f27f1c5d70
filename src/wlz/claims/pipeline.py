"""The declaration analysis as one set of Ibis expressions, run unchanged on DuckDB and on Spark.

Shape of the computation:

1. every kept ``wlz_zin`` line and every month of every kept ``pgb`` row (up to the end of the last
   analysed year, :func:`periode_eind`) becomes an *element* of a client-month, with an integer ordering
   key that encodes "laatst gedeclareerd";
2. one aggregation per client-month finds the last element (``argmax`` of the key) among the right
   subset, the days, and the Wlz spending per soort_zorg (one conditional sum per label, so the big table
   is read once);
3. Zvw rows are summed per client-month and sector;
4. two small results answer every output table: the client-months counted per client, year and
   classification (:func:`client_jaren`, no Zvw needed: the client counts), and the classified
   client-months joined to their Zvw sums and summed per classification (:func:`groepen`, hundreds of
   rows: every amount and day count). Nothing per client-month is written after step 2 and 3.

The ordering key packs (effective begin day-of-month, einddatum in days after the month's first day,
source, regelnummer) into one int64: 5 + 22 + 1 + 35 bits. Day-of-month suffices because all elements
of a client-month share the month; 22 bits of days reach past the year 9999; 35 bits of regelnummer
allow 34 billion lines (larger ones are quarantined in :mod:`wlz.claims.parse`). A single integer keeps
``argmax`` fast and identical on both engines (no struct ordering, no window sort).
"""

from __future__ import annotations

import datetime as dt

import ibis
import ibis.expr.types as ir
import pandas as pd

from wlz.claims.codes import (
    CAT_MPT,
    CAT_PGB,
    ROL_BASIS,
    ROL_BEHANDELING_MODULE,
    ROL_MODULE,
    ROL_PGB,
    ZVW_SECTOREN,
    bekende_codes,
    cod163_table,
)
from wlz.claims.parse import STAP_OK

B_EIND = 2**22
B_SRC = 2
B_REGEL = 2**35
SRC_PGB = 0  # pgb sorts before wlz_zin on equal dates ("laatst gedeclareerd" ordering)
SRC_WLZ = 1

LEVERINGSVORMEN = ("mpt", "pgb", "vpt_excl", "vpt_incl", "zzp_excl", "zzp_incl")


def order_key(dom: ir.Value, eind_rel: ir.Value, src: int, regelnummer: ir.Value) -> ir.Value:
    """Int64 key whose maximum within a client-month is the last declared element."""
    return ((dom.cast("int64") * B_EIND + eind_rel.cast("int64")) * B_SRC + src) * B_REGEL + regelnummer


def month_index(d: ir.Value) -> ir.Value:
    """Months since year 0: ``jaar * 12 + maand - 1`` (so ``idx // 12`` is the year)."""
    return d.year().cast("int64") * 12 + d.month().cast("int64") - 1


def days_in_month(jaar: ir.Value, maand: ir.Value) -> ir.Value:
    """Days in a month by plain arithmetic (portable; no engine-specific last_day)."""
    schrikkel = ((jaar % 4 == 0) & (jaar % 100 != 0)) | (jaar % 400 == 0)
    return ibis.cases(
        (maand == 2, ibis.ifelse(schrikkel, 29, 28)),
        (maand.isin([4, 6, 9, 11]), 30),
        else_=31,
    ).cast("int64")


def calendar(van_idx: int, tot_idx: int) -> pd.DataFrame:
    """One row per month index with the epoch day of its first day (for pgb month spreading)."""
    rows = []
    epoch = dt.date(1970, 1, 1)
    for idx in range(van_idx, tot_idx + 1):
        eerste = dt.date(idx // 12, idx % 12 + 1, 1)
        rows.append({"k_idx": idx, "k_start": (eerste - epoch).days})
    return pd.DataFrame(rows, columns=["k_idx", "k_start"]).astype("int64")


#: narrow types where the values allow it: the client-month key (client_id, idx) and the aggregation state
#: of ~14 M groups at national scale are smaller, so the grouping spills less and compares faster
_ELEMENT_SCHEMA = {
    "client_id": "string",
    "idx": "int32",
    "rol": "int8",
    "cat": "int8",
    "code": "int64",
    "sleutel": "int64",
    "aantal": "int64",
    "dom": "int8",
    "eind_dom": "int8",
    "bedrag": "decimal(18, 6)",
    "soort_idx": "int8",
    "src": "int8",
}


def _bekende_code(c: ir.Value) -> ir.Value:
    """The COD163 code as an integer when it is a known code, else NULL."""
    return ibis.ifelse(c.isin(bekende_codes()), c.try_cast("int64"), ibis.null("int64"))


def wlz_elementen(wlz: ir.Table) -> ir.Table:
    """Kept wlz_zin lines as client-month elements (every rol: toeslagen carry spending)."""
    w = wlz.filter(wlz.stap == STAP_OK)
    b = w.begindatum
    dom = b.day().cast("int64")
    eind_rel = w.einddatum.epoch_days().cast("int64") - b.epoch_days().cast("int64") + dom - 1
    code_regel = _bekende_code(w.zzp_code)
    code = ibis.ifelse(w.rol_i == ROL_BASIS, w.pc_code_i.coalesce(code_regel), code_regel)
    eind_dom = ibis.least(eind_rel + 1, days_in_month(b.year().cast("int64"), b.month().cast("int64")))
    return w.select(
        client_id=w.client_id,
        idx=month_index(b),
        rol=w.rol_i,
        cat=w.cat_i,
        code=code,
        sleutel=order_key(dom, eind_rel, SRC_WLZ, w.regelnummer),
        aantal=w.aantal,
        dom=dom,
        eind_dom=eind_dom,
        bedrag=w.bedrag,
        soort_idx=w.soort_idx,
        src=ibis.literal(SRC_WLZ, "int8"),
    ).cast(_ELEMENT_SCHEMA)


def periode_eind(laatste_wlz: dt.date | None, laatste_zvw: dt.date | None, laatste_pgb: dt.date | None) -> int | None:
    """Month index of the last month a pgb row is spread over: December of the last analysed year.

    The analysed years are the years in which kept ``wlz_zin`` or ``zvw`` rows begin (the declarations
    delivered); a pgb grant is spread over its months only up to the end of the last of them. An open grant
    (einddatum 9999-12-31, common in grant registers) would otherwise become one client-month per month up
    to the year 9999, and a grant running into a year without any declaration would make that year look
    like a year of pgb clients only. Whole years, not the last declared month, so a year's pgb months do
    not depend on how late in the year the last declaration happens to be. Without any kept declaration
    (a pgb-only folder) the pgb rows' own latest begindatum decides. ``None``: no kept rows at all.
    """
    data = [d for d in (laatste_wlz, laatste_zvw) if d is not None]
    if not data and laatste_pgb is not None:
        data = [laatste_pgb]
    return max(d.year for d in data) * 12 + 11 if data else None


def pgb_grenzen(pgb: ir.Table, eind: int | None) -> ir.Table:
    """First and last month to spread pgb rows over (the last one clipped to ``eind``), and how many kept
    pgb rows begin after ``eind`` (they have no month in the analysed period: counted in correcties.csv)."""
    p = pgb.filter(pgb.stap == STAP_OK)
    b_idx = month_index(p.begindatum)
    tot = month_index(p.einddatum).max()
    if eind is None:
        return p.aggregate(van=b_idx.min(), tot=tot, na_periode=ibis.literal(0, "int64"))
    return p.aggregate(van=b_idx.min(), tot=ibis.least(tot, eind), na_periode=(b_idx > eind).cast("int64").sum())


def pgb_elementen(pgb: ir.Table, kal: ir.Table) -> ir.Table:
    """One element per (kept pgb row, calendar month it overlaps), effective begin = max(begin, 1st).

    Only the months in ``kal`` are produced: the calendar ends at :func:`periode_eind`, which is what
    clips open-ended grants."""
    p = pgb.filter(pgb.stap == STAP_OK)
    p = p.mutate(b_idx=month_index(p.begindatum), e_idx=month_index(p.einddatum))
    j = p.join(kal, (kal.k_idx >= p.b_idx) & (kal.k_idx <= p.e_idx))
    dom = ibis.ifelse(j.k_idx == j.b_idx, j.begindatum.day().cast("int64"), 1)
    eind_rel = j.einddatum.epoch_days().cast("int64") - j.k_start
    return j.select(
        client_id=j.client_id,
        idx=j.k_idx,
        rol=ibis.literal(ROL_PGB, "int8"),
        cat=ibis.literal(CAT_PGB, "int8"),
        code=_bekende_code(j.zzp_code),
        sleutel=order_key(dom, eind_rel, SRC_PGB, j.regelnummer),
        aantal=ibis.null("int64"),
        dom=ibis.null("int8"),
        eind_dom=ibis.null("int8"),
        bedrag=ibis.null("decimal(18, 6)"),
        soort_idx=ibis.null("int8"),
        src=ibis.literal(SRC_PGB, "int8"),
    ).cast(_ELEMENT_SCHEMA)


#: a client-month's sum of one kind of care. The engines widen a sum of decimal(18, 6) to decimal(38, 6)
#: (16 bytes); narrowed back it halves the two per-month tables, which are the ones that must fit in
#: memory. 12 integer digits (a trillion euros in one month for one client) cannot overflow in practice,
#: and if they did, the cast fails loudly instead of rounding.
MAAND_BEDRAG = "decimal(18, 6)"


def wlz_column(i: int) -> str:
    return f"wlz_{i}"


def zvw_column(s: str) -> str:
    return f"zvw_{s}"


def client_maanden(elementen: ir.Table, n_soorten: int) -> ir.Table:
    """Aggregate the elements to one row per client-month with everything the classification needs."""
    e = elementen
    k_zonder_bm = e.rol.isin([ROL_BASIS, ROL_MODULE, ROL_PGB])
    k_alle = e.rol.isin([ROL_BASIS, ROL_MODULE, ROL_BEHANDELING_MODULE, ROL_PGB])
    mpt_regel = e.rol.isin([ROL_MODULE, ROL_BEHANDELING_MODULE])
    aggs = {
        "heeft_basis": (e.rol == ROL_BASIS).any(),
        "heeft_mpt": mpt_regel.any(),
        "heeft_pgb": (e.rol == ROL_PGB).any(),
        "cat_laatst": e.cat.argmax(e.sleutel, where=k_zonder_bm),
        "code_zonder_bm": e.code.argmax(e.sleutel, where=k_zonder_bm & e.code.notnull()),
        "code_alle": e.code.argmax(e.sleutel, where=k_alle & e.code.notnull()),
        "dagen_basis": e.aantal.sum(where=e.rol == ROL_BASIS),
        "mpt_begin": e.dom.min(where=mpt_regel),
        "mpt_eind": e.eind_dom.max(where=mpt_regel),
        "regels": e.count(where=e.src == SRC_WLZ),
    }
    for i in range(n_soorten):
        aggs[wlz_column(i)] = e.bedrag.sum(where=e.soort_idx == i).cast(MAAND_BEDRAG)
    aggs["regels"] = aggs["regels"].cast("int32")
    return e.group_by("client_id", "idx").aggregate(**aggs)


def zvw_maanden(zvw: ir.Table, *, met_eigen_risico: bool = False) -> ir.Table:
    """Zvw net amounts (basis + aanvullend - eigen risico - eigen bijdrage) per client-month and sector.

    ``met_eigen_risico`` adds the month's eigen risico (``eigen_risico``) for the client table, in the same pass
    over the Zvw rows; the output tables do not need it, so the default run leaves it out."""
    z = zvw.filter(zvw.stap == STAP_OK)
    netto = z.bedrag_basis + z.bedrag_aanvullend - z.eigen_risico - z.eigen_bijdrage
    aggs = {}
    for s in ZVW_SECTOREN:
        aggs[zvw_column(s)] = netto.sum(where=z.sector == s).cast(MAAND_BEDRAG)
        aggs[f"nz_{s}"] = z.count(where=z.sector == s).cast("int32")
    if met_eigen_risico:
        aggs["eigen_risico"] = z.eigen_risico.sum().cast(MAAND_BEDRAG)
    return z.group_by(z.client_id, z_idx=month_index(z.begindatum).cast("int32")).aggregate(**aggs)


def reference_table() -> ir.Table:
    """COD163 lookup as an in-memory table (the caller keeps it alive for the whole run: on Spark the
    view behind a memtable is dropped when the Python object is collected)."""
    ref = cod163_table()[["code_i", "hs_i", "vg", "nummer"]].rename(columns={"code_i": "r_code"})
    return ibis.memtable(ref)


def _classified(cm: ir.Table, ref: ir.Table) -> ir.Table:
    """Each client-month with its leveringsvorm (``lv``) and the COD163 reference of its code."""
    lv = ibis.cases(
        (cm.heeft_basis, cm.cat_laatst),
        (cm.heeft_mpt, ibis.literal(CAT_MPT, "int8")),
        (cm.heeft_pgb, ibis.literal(CAT_PGB, "int8")),
        else_=ibis.null("int8"),
    )
    code = ibis.ifelse(cm.heeft_basis, cm.code_zonder_bm, cm.code_alle)
    t = cm.mutate(lv=lv, code=code)
    return t.left_join(ref, t.code == ref.r_code)


#: the classification of a client-month: every output table groups by (a part of) these
KLASSE = ("jaar", "lv", "hs", "vg", "nummer")


def client_jaren(cm: ir.Table, ref: ir.Table) -> ir.Table:
    """Per client, year and classification: how many client-months (``maanden``).

    The client counts of every output table (weighted: months / 12; unique: distinct clients) are sums
    and distinct counts over this table. It needs no Zvw data and no amounts, so it is a narrow
    aggregation of the client-month table alone: about a tenth of its rows at national scale.
    """
    t = _classified(cm, ref)
    t = t.select(
        client_id=t.client_id,
        jaar=(t.idx // 12).cast("int64"),
        lv=t.lv,
        hs=t.hs_i,
        vg=t.vg.coalesce(False),
        nummer=t.nummer,
    )
    return t.group_by("client_id", *KLASSE).aggregate(maanden=t.count())


def classify(cm: ir.Table, zm: ir.Table, ref: ir.Table, n_soorten: int, *, met_maand: bool = False) -> ir.Table:
    """Leveringsvorm, sector, zorgprofiel, days and spending of every client-month.

    Codes stay integers here (``lv``: index into CATEGORIEEN, ``hs``: index into HOOFDSECTOREN, NULL =
    unclassified / unknown sector); names are attached to the small output tables in Python.
    ``met_maand`` adds the month index ``idx`` (the client table of :mod:`wlz.claims.clienttabel` needs it;
    the output tables do not).
    """
    t = _classified(cm, ref)
    t = t.left_join(zm, (t.client_id == zm.client_id) & (t.idx == zm.z_idx))
    betaald = t.lv.notnull() & (t.lv != CAT_PGB)  # pgb months carry no spending at all
    dagen = ibis.cases(
        (t.lv < CAT_MPT, t.dagen_basis.coalesce(0)),
        (t.lv == CAT_MPT, t.mpt_eind.cast("int64") - t.mpt_begin.cast("int64") + 1),
        else_=0,
    ).cast("int64")
    nul = ibis.literal(0).cast("decimal(18, 6)")
    columns = {
        "client_id": t.client_id,
        "jaar": (t.idx // 12).cast("int64"),
        "lv": t.lv,
        "hs": t.hs_i,
        "vg": t.vg.coalesce(False),
        "nummer": t.nummer,
        "dagen": dagen,
        "regels": t.regels.cast("int64"),
    }
    if met_maand:
        columns["idx"] = t.idx
        if "eigen_risico" in t.columns:
            columns["eigen_risico"] = t.eigen_risico
    for i in range(n_soorten):
        c = t[wlz_column(i)]
        columns[wlz_column(i)] = ibis.ifelse(betaald, c.coalesce(nul), nul).cast("decimal(18, 6)")
    nz = ibis.literal(0, "int64")
    nz_pos = ibis.literal(0, "int64")
    for s in ZVW_SECTOREN:
        c = t[zvw_column(s)]
        n = t[f"nz_{s}"].coalesce(0)
        positief = betaald & c.notnull() & (c > 0)
        columns[zvw_column(s)] = ibis.ifelse(positief, c, nul).cast("decimal(18, 6)")
        nz = nz + n
        nz_pos = nz_pos + ibis.ifelse(positief, n, 0)
    columns["nz"] = nz
    columns["nz_pos"] = nz_pos
    return t.select(**columns)


def groepen(cm: ir.Table, n_soorten: int) -> ir.Table:
    """The classified client-months summed per classification (no client in the key).

    Every amount, day and row count in the output tables is a sum over client-months of one
    classification, so this small table (hundreds of rows) answers them all exactly; the client counts
    come from :func:`client_jaren`. Aggregating straight to these few groups is what keeps the Zvw join
    cheap: nothing per client is written.
    """
    aggs = {
        "maanden": cm.count(),
        "dagen": cm.dagen.sum(),
        "regels": cm.regels.sum(),
        "nz": cm.nz.sum(),
        "nz_pos": cm.nz_pos.sum(),
    }
    for i in range(n_soorten):
        aggs[wlz_column(i)] = cm[wlz_column(i)].sum()
    for s in ZVW_SECTOREN:
        aggs[zvw_column(s)] = cm[zvw_column(s)].sum()
    return cm.group_by(*KLASSE).aggregate(**aggs)


def _wlz_totaal(t: ir.Table, n_soorten: int) -> ir.Value:
    tot = ibis.literal(0).cast("decimal(38, 6)")
    for i in range(n_soorten):
        tot = tot + t[wlz_column(i)]
    return tot


def _zvw_totaal(t: ir.Table) -> ir.Value:
    tot = ibis.literal(0).cast("decimal(38, 6)")
    for s in ZVW_SECTOREN:
        tot = tot + t[zvw_column(s)]
    return tot


HS_VV, HS_GHZ = 0, 1


def _in_tabel(cm: ir.Table) -> ir.Table:
    return cm.filter(cm.lv.notnull() & cm.hs.isin([HS_VV, HS_GHZ]))


def per_leveringsvorm(cj: ir.Table, g: ir.Table, n_soorten: int) -> ir.Table:
    """Clients (from :func:`client_jaren`) and spending (from :func:`groepen`) per year, sector and
    leveringsvorm."""
    t = _in_tabel(cj)
    clienten = t.group_by(jaar=t.jaar, hs=t.hs, lv=t.lv).aggregate(
        maanden=t.maanden.sum(), clienten_uniek=t.client_id.nunique()
    )
    u = _in_tabel(g)
    geld = u.group_by(g_jaar=u.jaar, g_hs=u.hs, g_lv=u.lv).aggregate(
        uitgaven_wlz=_wlz_totaal(u, n_soorten).sum(), uitgaven_zvw=_zvw_totaal(u).sum()
    )
    j = clienten.inner_join(
        geld, (clienten.jaar == geld.g_jaar) & (clienten.hs == geld.g_hs) & (clienten.lv == geld.g_lv)
    )
    return j.select("jaar", "hs", "lv", "maanden", "clienten_uniek", "uitgaven_wlz", "uitgaven_zvw")


def _profiel_basis(cm: ir.Table) -> ir.Table:
    """ghz and vv client-months (sector 0 = vv, 1 = ghz), plus the vg ones once more as sector 2 (vg)."""
    t = _in_tabel(cm)
    hoofd = t.select(sector=t.hs, jaar=t.jaar, nummer=t.nummer, lv=t.lv, client_id=t.client_id, maanden=t.maanden)
    vg = t.filter(t.vg)
    vg = vg.select(
        sector=ibis.literal(2, "int64"),
        jaar=vg.jaar,
        nummer=vg.nummer,
        lv=vg.lv,
        client_id=vg.client_id,
        maanden=vg.maanden,
    )
    return hoofd.union(vg.cast(hoofd.schema()))


def per_zorgprofiel(cm: ir.Table) -> tuple[ir.Table, ir.Table]:
    u = _profiel_basis(cm)
    per_lv = u.group_by("jaar", "sector", "nummer", "lv").aggregate(
        maanden=u.maanden.sum(), clienten_uniek=u.client_id.nunique()
    )
    alle = u.group_by("jaar", "sector", "nummer").aggregate(
        maanden=u.maanden.sum(), clienten_uniek=u.client_id.nunique()
    )
    return per_lv, alle


def uitgaven(cm: ir.Table, n_soorten: int) -> ir.Table:
    """Sums per (jaar, vg/vv, leveringsvorm, profile); 'alle' profiles are added up in Python."""
    t = cm.filter(cm.lv.notnull() & (cm.lv != CAT_PGB) & (cm.vg | (cm.hs == HS_VV)))
    aggs = {"dagen": t.dagen.sum()}
    for i in range(n_soorten):
        aggs[wlz_column(i)] = t[wlz_column(i)].sum()
    for s in ZVW_SECTOREN:
        aggs[zvw_column(s)] = t[zvw_column(s)].sum()
    return t.group_by(jaar=t.jaar, vv=t.hs == HS_VV, lv=t.lv, nummer=t.nummer).aggregate(**aggs)


def boekhouding(cm: ir.Table) -> ir.Table:
    """Counts that account for client-months, wlz_zin lines and zvw rows that reach no table.

    groep: -1 unclassified, -2 unknown sector, 2 ggz, 3 overig (996-999), 5 pgb month, 9 in a table.
    """
    groep = ibis.cases(
        (cm.lv.isnull(), -1),
        (cm.hs.isnull(), -2),
        (~cm.hs.isin([HS_VV, HS_GHZ]), cm.hs.cast("int64")),
        (cm.lv == CAT_PGB, 5),
        else_=9,
    ).cast("int64")
    return cm.group_by(groep=groep).aggregate(
        maanden=cm.maanden.sum(), regels=cm.regels.sum(), nz=cm.nz.sum(), nz_pos=cm.nz_pos.sum()
    )
