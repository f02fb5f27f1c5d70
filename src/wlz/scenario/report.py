"""``rapport.html``: the scenario's result in Dutch, one self-contained file (charts embedded as PNG base64).

The report reads only the output tables of :class:`wlz.scenario.run.Uitkomst`, so it shows exactly what the CSV
files contain; it says which options ran in which order, where every euro's unit costs come from, and what
the model does not compute.
"""

from __future__ import annotations

import base64
import io
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from jinja2 import Environment  # noqa: E402

from wlz.common.formatting import format_euro, format_number  # noqa: E402
from wlz.scenario.clientengine import BAKKEN  # noqa: E402
from wlz.scenario.maatwerk_behoefte import client_parameters, uren_toelichting  # noqa: E402
from wlz.scenario.pilot import read_pilot_export  # noqa: E402
from wlz.scenario.run import Uitkomst  # noqa: E402
from wlz.scenario.schema import OPTIES, Maatwerkindicatie  # noqa: E402

KLEUREN = dict(zip(OPTIES, matplotlib.colormaps["tab10"](range(len(OPTIES))), strict=True))

SJABLOON = """<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>Scenario {{ naam }}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:1em 0;font-size:.9em}td,th{border:1px solid #ccc;padding:.3em .6em}
th{background:#eef}td.g{text-align:right}img{max-width:100%}.let{background:#fff6d6;padding:.5em 1em}
</style></head><body>
<h1>Scenario: {{ naam }}</h1>
<p>Basisjaar {{ jaar }}. Basis: {{ herkomst }}.</p>
<p>De opties zijn toegepast <strong>in de volgorde van het scenariobestand</strong>:
{% for s in stappen %}{{ loop.index }}. {{ s }}{% if not loop.last %}, {% endif %}{% endfor %}.</p>
{% if meldingen %}<div class="let"><p><strong>Let op</strong></p><ul>
{% for m in meldingen %}<li>{{ m }}</li>{% endfor %}</ul></div>{% endif %}
<p>Pgb blijft een apart blok en verschuift niet (seed 004 voetnoot 1):
{% for r in pgb %}{{ r.sector }} {{ r.n }} cliënten{% if not loop.last %}, {% endif %}{% endfor %}.</p>
<h2>Samenvatting per stap</h2>
<table><tr><th>stap</th><th>optie</th><th>naar modulair</th><th>naar integraal</th><th>Wlz-verschil</th>
<th>Zvw-verschil</th><th>bruto</th><th>transitiekosten</th><th>netto</th></tr>
{% for r in samenvatting %}<tr><td>{{ r.stap }}</td><td>{{ r.optie }}</td><td class="g">{{ r.naar_modulair }}</td>
<td class="g">{{ r.naar_integraal }}</td><td class="g">{{ r.wlz }}</td><td class="g">{{ r.zvw }}</td>
<td class="g">{{ r.bruto }}</td><td class="g">{{ r.transitie }}</td><td class="g">{{ r.netto }}</td></tr>
{% if r.referentie %}<tr><td></td><td colspan="8"><em>{{ r.referentie }}</em>{% if r.opmerking %} — {{ r.opmerking }}
{% endif %}</td></tr>{% endif %}{% endfor %}</table>
<p>Bruto is het verschil in Wlz- plus Zvw-uitgaven door de verschuivingen; netto telt de opgegeven
transitiekosten erbij (seed 004 §4.3: de besparing op papier "doet geen recht aan de omslag").
Een verschoven cliënt houdt zijn eigen aantal zorgdagen en krijgt de kosten per dag van vergelijkbare cliënten
(zelfde sector en zorgprofiel) in de nieuwe bekostigingsoptie (seed 004 §4.3).</p>
{% for f in figuren %}<h2>{{ f.titel }}</h2><p>{{ f.uitleg }}</p>
{% if f.png %}<img alt="{{ f.titel }}" src="data:image/png;base64,{{ f.png }}">
{% else %}<p><em>{{ f.leeg }}</em></p>{% endif %}
{% endfor %}
{% if grenzen %}<h2>De knip bij elk afkappunt</h2>
<p>Per sector (de andere sector ongewijzigd) wat de knip van die stap bij elk afkappunt zou doen. Seed 004 §4.3
verwacht dat meer cliënten naar modulair dan naar integraal gaan; de laatste kolom laat zien waar dat klopt.</p>
<table><tr><th>stap</th><th>sector</th><th>variant</th><th>afkappunt</th><th>naar modulair</th><th>naar integraal</th>
<th>Wlz-verschil</th><th>Zvw-verschil</th><th>meer naar modulair</th></tr>
{% for r in grenzen %}<tr><td>{{ r.stap }}</td><td>{{ r.sector }}</td><td>{{ r.variant }}</td><td>{{ r.grens }}</td>
<td class="g">{{ r.mod }}</td><td class="g">{{ r.integ }}</td><td class="g">{{ r.wlz }}</td>
<td class="g">{{ r.zvw }}</td><td>{{ r.meer }}</td></tr>{% endfor %}</table>{% endif %}
<h2>Verschuivingen</h2>
{% if verschuivingen %}<table><tr><th>stap</th><th>sector</th><th>van</th><th>naar</th><th>cliënten (gewogen)</th></tr>
{% for r in verschuivingen %}<tr><td>{{ r.stap }}</td><td>{{ r.sector }}</td><td>{{ r.van }}</td><td>{{ r.naar }}</td>
<td class="g">{{ r.n }}</td></tr>{% endfor %}</table><p>Per zorgprofiel: zie verschuivingen.csv.</p>
{% else %}<p>Niemand verschuift.</p>{% endif %}
{% if kortingen %}<h2>Taakstelling</h2>
<table><tr><th>jaar</th><th>sector</th><th>korting</th><th>cliënten geraakt</th></tr>
{% for r in kortingen %}<tr><td>{{ r.jaar }}</td><td>{{ r.sector }}</td><td class="g">{{ r.korting }}</td>
<td class="g">{{ r.clienten }}</td></tr>{% endfor %}</table>
<p>Per zorgprofiel en bekostigingsoptie, met tariefkorting en bedrag per cliënt per dag: zie kortingen.csv.
De ghz is op profielniveau vertegenwoordigd door de vg (seed 004 voetnoot 15); de ggz is uitgezonderd.</p>{% endif %}
{% if ekt %}<h2>Extra kosten thuis</h2>
<table><tr><th>sector</th><th>leveringsvorm</th><th>cliënten thuis</th><th>in aanmerking (vandaag)</th>
<th>in aanmerking</th><th>gebruikers (vandaag)</th><th>gebruikers</th><th>verschil €</th></tr>
{% for r in ekt %}<tr><td>{{ r.sector }}</td><td>{{ r.optie }}</td><td class="g">{{ r.thuis }}</td>
<td class="g">{{ r.av }}</td><td class="g">{{ r.a }}</td><td class="g">{{ r.gv }}</td><td class="g">{{ r.g }}</td>
<td class="g">{{ r.verschil }}</td></tr>{% endfor %}</table>
<p>Vandaag: 25 %, iedereen thuis met pgb of mpt (seed 002, maatregel 1, per 1 juli 2018). Aandeel doelgroep,
gebruik en budget zijn keuzes van het scenario; per zorgprofiel: zie ekt.csv.</p>{% endif %}
{% if toeslagen %}<h2>Toeslagen in het budget</h2>
<table><tr><th>sector</th><th>leveringsvorm</th><th>cliënten</th><th>met toeslag</th><th>extra budgetruimte</th>
<th>doelmatig vóór</th><th>doelmatig na</th></tr>
{% for r in toeslagen %}<tr><td>{{ r.sector }}</td><td>{{ r.optie }}</td><td class="g">{{ r.n }}</td>
<td class="g">{{ r.met }}</td><td class="g">{{ r.winst }}</td><td class="g">{{ r.dv }}</td>
<td class="g">{{ r.dn }}</td></tr>{% endfor %}</table>
<p>Bedragen uit de regels (hervorming toeslagen_in_budget, seed 000 aanbeveling 6); het aandeel cliënten met een
toeslag, het bedrag en de spreiding van de mpt-kosten zijn keuzes van het scenario. Per zorgprofiel: zie
toeslagen.csv.</p>{% endif %}
{% if maatwerk %}<h2>Maatwerkindicatie</h2>
<p>Winnaars (meer dan het profielbedrag) en verliezers (minder) per zorgprofiel:</p>
<table><tr><th>sector</th><th>zorgprofiel</th><th>cliënten met maatwerk</th><th>meer</th><th>minder</th>
<th>verschil</th><th>extra herindicaties per jaar</th></tr>
{% for r in maatwerk %}<tr><td>{{ r.sector }}</td><td>{{ r.zorgprofiel }}</td><td class="g">{{ r.n }}</td>
<td class="g">{{ r.meer }}</td><td class="g">{{ r.minder }}</td><td class="g">{{ r.verschil }}</td>
<td class="g">{{ r.her }}</td></tr>{% endfor %}</table>
<p>De toegang verandert niet (seed 000). {% if maatwerk_uren %}Het bedrag op maat volgt uit uren: {{ maatwerk_uren
}}. {% endif %}{% if maatwerk_pilot %}Meer en minder volgen uit de {{ maatwerk_pilot }}, per zorgprofiel (profielen
zonder pilotrecords: de gekozen spreiding), tegen het profielbedrag van de regels{% elif not maatwerk_uren %}Meer en
minder volgen uit de gekozen spreiding van het bedrag op maat rond het profielbedrag van de regels{% endif %}; per
optie: zie maatwerk.csv. Extra herindicaties: het gekozen aandeel ({{ maatwerk_her }}) van wie maatwerk krijgt wordt
per jaar opnieuw geïndiceerd — een keuze: seed 000 r.207-210 zegt alleen dat maatwerk tot meer herindicaties kan
leiden.</p>
{% endif %}
{% if clienten %}<h2>Per cliënt: wie wint en wie verliest</h2>
<p>{{ clienten.n }} cliënten in de basis ({{ clienten.bron }}), per optie één rij per cliënt in clienten.csv
(vóór = de toestand vóór die optie, na = erna). Voordeel van de cliënt = verandering van zijn budget of bedrag
(extra kosten thuis, toeslagen, maatwerk) min wat hij meer betaalt (Wlz-eigen bijdrage volgens de regels plus
het verplicht eigen risico van de Zvw, {{ clienten.er_bron }}). Geteld per cliënt, niet uit gemiddelden. Een
taakstelling korting de tarieven van aanbieders: de Wlz-euro's per cliënt dalen, wat de cliënt betaalt niet.</p>
<table><tr><th>stap</th><th>optie</th><th>wisselen van bekostigingsoptie</th><th>winnen</th><th>verliezen</th>
<th>gelijk</th><th>Wlz € vóór</th><th>Wlz € na</th></tr>
{% for r in clienten.stappen %}<tr><td>{{ r.stap }}</td><td>{{ r.optie }}</td><td class="g">{{ r.gewisseld }}</td>
<td class="g">{{ r.wint }}</td><td class="g">{{ r.verliest }}</td><td class="g">{{ r.gelijk }}</td>
<td class="g">{{ r.wlz_voor }}</td><td class="g">{{ r.wlz_na }}</td></tr>{% endfor %}</table>
{% if clienten.png %}<img alt="Winnaars en verliezers" src="data:image/png;base64,{{ clienten.png }}">{% endif %}
<p>Zorgaanbieders met cliënten die nu een Zvw-contract nodig hebben (een behandelvorm die de Wlz betaalde, gaat
naar de Zvw): {{ clienten.aanbieders }}{% if clienten.aanbieders_tabel %}; de grootste:</p>
<table><tr><th>stap</th><th>AGB-code</th><th>sector</th><th>cliënten</th><th>behandelvormen naar de Zvw</th></tr>
{% for r in clienten.aanbieders_tabel %}<tr><td>{{ r.stap }}</td><td>{{ r.agb }}</td><td>{{ r.sector }}</td>
<td class="g">{{ r.n }}</td><td>{{ r.vormen }}</td></tr>{% endfor %}</table><p>Alle aanbieders in
aanbieders.csv.{% endif %}</p>
{% if clienten.kortingen %}<p>Taakstelling per zorgaanbieder (korting per jaar, verdeeld over de cliënten naar
hun dagen en tot op de cent opgeteld per AGB-code; samen {{ clienten.kortingen_totaal }}); de grootste:</p>
<table><tr><th>stap</th><th>AGB-code</th><th>sector</th><th>cliënten</th><th>korting</th></tr>
{% for r in clienten.kortingen %}<tr><td>{{ r.stap }}</td><td>{{ r.agb }}</td><td>{{ r.sector }}</td>
<td class="g">{{ r.n }}</td><td class="g">{{ r.korting }}</td></tr>{% endfor %}</table>
<p>Alle aanbieders in kortingen_aanbieders.csv.</p>{% endif %}{% endif %}
<h2>Wat dit rapport niet berekent</h2>
<ul>{% if not clienten %}<li>Winnaars en verliezers per cliënt (eigen bijdrage, eigen risico): deze basis heeft geen
cliënttabel (gebruik een declaratiemap of wlz analyse --clienttabel).</li>{% endif %}
<li>De behoefte per cliënt bij maatwerk: geen basis kent haar uren; de maatwerkindicatie rekent met opgegeven
uren per profiel (voorbeeld), de uren van de CIZ-pilot of een gekozen, synthetische verdeling (voorbeeld){% if
maatwerk_pilot %} — hier de {{ maatwerk_pilot }}{% endif %}. De uren gebruikelijke zorg per leeftijdsklasse staan in
geen gevonden bron: invoer.</li>
<li>De zorgval bij extra kosten thuis zonder een opgegeven voorafgaand pakket per cliënt: de declaraties kennen
het Zvw/Wmo-pakket van vóór de Wlz niet.</li></ul>
<p>Alle invoer en parameters met hun bron staan in scenario.json.</p>
</body></html>
"""


def _png(fig: Any) -> str:
    buf = io.BytesIO()
    fig.tight_layout()
    fig.savefig(buf, format="png", dpi=100)
    plt.close(fig)
    return base64.b64encode(buf.getvalue()).decode("ascii")


def chart_before_after(kosten: pd.DataFrame, sector: str) -> str:
    """Stacked bars per zorgprofiel: clients per bekostigingsoptie before (left) and after (right)."""
    k = kosten[kosten.sector == sector]
    profielen = sorted(k.zorgprofiel.unique())
    fig, ax = plt.subplots(figsize=(10, 4.2))
    for j, (kolom, verschuif) in enumerate((("clienten_voor", -0.2), ("clienten_na", 0.2))):
        tabel = k.pivot_table(index="zorgprofiel", columns="optie", values=kolom, aggfunc="sum", fill_value=0.0)
        tabel = tabel.reindex(index=profielen, columns=list(OPTIES), fill_value=0.0)
        onder = [0.0] * len(profielen)
        for optie in OPTIES:
            waarden = [float(x) for x in tabel[optie]]
            ax.bar(
                [i + verschuif for i in range(len(profielen))],
                waarden,
                width=0.38,
                bottom=onder,
                color=KLEUREN[optie],
                label=optie if j == 0 else None,
            )
            onder = [a + b for a, b in zip(onder, waarden, strict=True)]
    ax.set_xticks(range(len(profielen)))
    ax.set_xticklabels([f"{sector.upper()}{p or ' alle'}\nvoor | na" for p in profielen], fontsize=8)
    ax.set_ylabel("cliënten (gewogen)")
    ax.legend(fontsize=8, ncols=3)
    return _png(fig)


def chart_moves(verschuivingen: pd.DataFrame) -> str | None:
    """Horizontal bars: weighted clients per move (step, sector, from → to), green to modular, red to integral."""
    if verschuivingen.empty:
        return None
    v = verschuivingen.groupby(["stap", "sector", "van", "naar"], as_index=False).clienten_gewogen.sum()
    labels = [f"{r.stap}. {r.sector}: {r.van} → {r.naar}" for r in v.itertuples()]
    kleuren = ["#c44e52" if str(r.naar).endswith("_incl") else "#55a868" for r in v.itertuples()]
    fig, ax = plt.subplots(figsize=(10, 0.4 * len(v) + 1.2))
    ax.barh(range(len(v)), v.clienten_gewogen, color=kleuren)
    ax.set_yticks(range(len(v)))
    ax.set_yticklabels(labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel("cliënten (gewogen)")
    return _png(fig)


def chart_waterfall(samenvatting: pd.DataFrame, kosten: pd.DataFrame) -> str | None:
    """Waterfall: Wlz + Zvw € before, the change per step in each payer, Wlz + Zvw € after.

    Every step's euros are carried into the next, so ``kosten.csv``'s after includes a taakstelling's
    yearly cut and the per-group amounts (extra kosten thuis, maatwerk) as well as the moves.
    """
    if kosten.wlz_voor.isna().all():
        return None
    stappen = samenvatting[samenvatting.wlz_verschil.notna()]
    wlz_voor, zvw_voor = float(kosten.wlz_voor.sum()), float(kosten.zvw_voor.sum())
    wlz_na, zvw_na = float(kosten.wlz_na.sum()), float(kosten.zvw_na.sum())
    fig, ax = plt.subplots(figsize=(10, 4.2))
    ax.bar(0, wlz_voor, color="#4c72b0", label="Wlz")
    ax.bar(0, zvw_voor, bottom=wlz_voor, color="#dd8452", label="Zvw")
    labels = ["vóór"]
    niveau = wlz_voor + zvw_voor
    hoogste = max(niveau, wlz_na + zvw_na)
    for r in stappen.itertuples():
        for payer, w in (("Wlz", float(r.wlz_verschil)), ("Zvw", float(r.zvw_verschil))):
            labels.append(f"{r.stap}. {r.optie}: {payer}")
            ax.bar(len(labels) - 1, w, bottom=niveau, color="#c44e52" if w > 0 else "#55a868")
            niveau += w
            hoogste = max(hoogste, niveau)
    ax.bar(len(labels), wlz_na, color="#4c72b0")
    ax.bar(len(labels), zvw_na, bottom=wlz_na, color="#dd8452")
    labels.append("na")
    ax.set_xticks(range(len(labels)))
    ax.set_xticklabels(labels, rotation=30, ha="right", fontsize=8)
    ax.set_ylabel("€ per jaar (basisjaar)")
    onder = min(wlz_voor + zvw_voor, wlz_na + zvw_na)
    marge = max(hoogste - onder, 0.02 * hoogste)
    ax.set_ylim(max(0.0, onder - marge), hoogste + 0.1 * marge)
    ax.legend(fontsize=8)
    return _png(fig)


def _getal(v: Any) -> str:
    return "—" if v is None or v != v else format_number(v, decimals=0)


def _euro(v: Any) -> str:
    return "geen kosten in de basis" if v is None or v != v else format_euro(v, cents="never")


def render(uitkomst: Uitkomst) -> str:
    u = uitkomst
    figuren: list[dict[str, str | None]] = []
    for sector in sorted(set(u.kosten.sector)):
        figuren.append(
            {
                "titel": f"Cliënten per zorgprofiel en bekostigingsoptie, {sector}: voor en na",
                "uitleg": "Links per profiel de basis, rechts na alle stappen (gewogen cliënten; profiel 0 "
                "= alle profielen samen).",
                "png": chart_before_after(u.kosten, sector),
            }
        )
    figuren.append(
        {
            "titel": "Wie verschuift",
            "uitleg": "Gewogen cliënten per stap, sector en verschuiving; groen naar modulair, rood naar "
            "integraal (inclusief behandeling).",
            "png": chart_moves(u.verschuivingen),
            "leeg": "Niemand verschuift.",
        }
    )
    figuren.append(
        {
            "titel": "Van Wlz naar Zvw: euro's per stap",
            "uitleg": "Wlz- plus Zvw-uitgaven vóór, de verandering per stap bij elke betaler (rood meer, "
            "groen minder) en Wlz plus Zvw erna; de y-as begint niet bij nul. Een taakstelling "
            "staat hier niet in (zie de tabel).",
            "png": chart_waterfall(u.samenvatting, u.kosten),
            "leeg": "Geen kosten in de basis (seed004 bevat alleen aantallen cliënten).",
        }
    )
    v = (
        u.verschuivingen.groupby(["stap", "sector", "van", "naar"], as_index=False).clienten_gewogen.sum()
        if not u.verschuivingen.empty
        else pd.DataFrame()
    )
    kortingen = []
    if not u.kortingen.empty:
        for (jaar, sector), g in u.kortingen.groupby(["jaar", "sector"]):
            kortingen.append(
                {
                    "jaar": jaar,
                    "sector": sector,
                    "korting": _euro(float(sum(g.korting))),
                    "clienten": _getal(g.clienten_getroffen.sum()),
                }
            )
    ekt = []
    if not u.ekt.empty:
        for (sector, optie), g in u.ekt.groupby(["sector", "optie"]):
            verschil = g.verschil.dropna()
            ekt.append(
                {
                    "sector": sector,
                    "optie": optie,
                    "thuis": _getal(g.clienten_thuis.sum()),
                    "av": _getal(g.in_aanmerking_vandaag.sum()),
                    "a": _getal(g.in_aanmerking.sum()),
                    "gv": _getal(g.gebruikers_vandaag.sum()),
                    "g": _getal(g.gebruikers.sum()),
                    "verschil": _euro(float(verschil.sum()) if len(verschil) else None),
                }
            )
    pgb = [
        {"sector": sector, "n": _getal(n)}
        for sector, n in u.kosten[u.kosten.optie == "pgb"].groupby("sector").clienten_na.sum().items()
    ]
    grenzen = [
        {
            "stap": r.stap,
            "sector": r.sector,
            "variant": r.variant,
            "grens": r.grens,
            "mod": _getal(r.naar_modulair),
            "integ": _getal(r.naar_integraal),
            "wlz": _euro(r.wlz_verschil),
            "zvw": _euro(r.zvw_verschil),
            "meer": "ja" if r.meer_naar_modulair else "nee",
        }
        for r in u.grenzen.itertuples()
    ]
    toeslagen = []
    if not u.toeslagen.empty:
        for (sector, optie), g in u.toeslagen.groupby(["sector", "optie"]):
            winst, dv, dn = g.winst_totaal.dropna(), g.doelmatig_voor.dropna(), g.doelmatig_na.dropna()
            toeslagen.append(
                {
                    "sector": sector,
                    "optie": optie,
                    "n": _getal(g.clienten.sum()),
                    "met": _getal(g.clienten_met_toeslag.sum()),
                    "winst": _euro(float(winst.sum()) if len(winst) else None),
                    "dv": _getal(dv.sum() if len(dv) else None),
                    "dn": _getal(dn.sum() if len(dn) else None),
                }
            )
    maatwerk = []
    if not u.maatwerk.empty:
        for (sector, profiel), g in u.maatwerk.groupby(["sector", "zorgprofiel"]):
            verschil = g.verschil_totaal.dropna()
            maatwerk.append(
                {
                    "sector": sector,
                    "zorgprofiel": profiel,
                    "n": _getal(g.clienten_maatwerk.sum()),
                    "meer": _getal(g.meer.sum()),
                    "minder": _getal(g.minder.sum()),
                    "verschil": _euro(float(verschil.sum()) if len(verschil) else None),
                    "her": _getal(g.extra_herindicaties.sum()),
                }
            )
    pilots, uren, her = [], [], []
    for stap in u.scenario.stappen:
        if isinstance(stap.optie, Maatwerkindicatie):
            her.append(f"{stap.optie.herindicatie_pct:g}%".replace(".", ","))
            if stap.optie.pilot_export is not None:
                pilots.append(read_pilot_export(stap.optie.pilot_export).bron())
            if stap.optie.uren is not None:
                uren.append(uren_toelichting(client_parameters(stap.optie)))
    env = Environment(autoescape=True)
    return env.from_string(SJABLOON).render(
        maatwerk_pilot="; ".join(pilots),
        maatwerk_uren="; ".join(uren),
        maatwerk_her=", ".join(her),
        naam=u.scenario.naam or "zonder naam",
        jaar=u.scenario.jaar,
        herkomst=u.basis.herkomst,
        stappen=[s.naam for s in u.scenario.stappen],
        meldingen=u.meldingen,
        samenvatting=[
            {
                "stap": r.stap,
                "optie": r.optie,
                "naar_modulair": _getal(r.naar_modulair),
                "naar_integraal": _getal(r.naar_integraal),
                "wlz": _euro(r.wlz_verschil),
                "zvw": _euro(r.zvw_verschil),
                "bruto": _euro(r.bruto),
                "transitie": _euro(r.transitiekosten),
                "netto": _euro(r.netto),
                "referentie": r.referentie,
                "opmerking": r.opmerking,
            }
            for r in u.samenvatting.itertuples()
        ],
        figuren=figuren,
        verschuivingen=[
            {"stap": r.stap, "sector": r.sector, "van": r.van, "naar": r.naar, "n": _getal(r.clienten_gewogen)}
            for r in v.itertuples()
        ],
        kortingen=kortingen,
        ekt=ekt,
        pgb=pgb,
        grenzen=grenzen,
        toeslagen=toeslagen,
        maatwerk=maatwerk,
        clienten=_clienten(u),
    )


def chart_winners(histogram: pd.DataFrame | None, opties: dict[int, str]) -> str | None:
    """Histogram per step of each client's advantage (budget change minus what he pays more), winners and losers
    only: the bins the engine counted from the client rows (:data:`wlz.scenario.clientengine.HISTOGRAM_SQL`)."""
    if histogram is None or histogram.empty:
        return None
    stappen = sorted(int(s) for s in histogram["stap"].unique())
    fig, assen = plt.subplots(len(stappen), 1, figsize=(8, 2.8 * len(stappen)), squeeze=False)
    for ax, s in zip(assen[:, 0], stappen, strict=True):
        for teken, kleur, label in ((1, "#2a9d58", "winnen"), (-1, "#c0392b", "verliezen")):
            h = histogram[(histogram["stap"] == s) & (histogram["teken"] == teken)]
            if h.empty:
                continue
            laag, hoog = float(h["laag"].iloc[0]), float(h["hoog"].iloc[0])
            breedte = (hoog - laag) / BAKKEN if hoog > laag else max(abs(laag) * 0.01, 0.01)
            ax.bar(laag + h["bak"] * breedte, h["clienten"], width=breedte, align="edge", color=kleur, label=label)
        ax.set_title(f"stap {s}: {opties.get(s, '')}", fontsize=9)
        ax.set_ylabel("cliënten")
        ax.legend(fontsize=8)
    assen[-1, 0].set_xlabel("voordeel per cliënt in het basisjaar (€): budget − eigen bijdrage − eigen risico")
    fig.tight_layout()
    return _png(fig)


def _clienten(u: Uitkomst) -> dict[str, Any] | None:
    """The client level's part of the report, from the engine's counts per step, its histogram and the providers
    (never the client rows themselves: on Spark they are not collected)."""
    if u.clientstappen is None:
        return None
    st = u.clientstappen
    a = u.aanbieders if u.aanbieders is not None else pd.DataFrame()
    k = u.kortingen_aanbieders
    heeft_agb = bool((st["met_agb"] > 0).any())
    stappen = [
        {
            "stap": int(r.stap),
            "optie": r.optie,
            "gewisseld": _getal(int(r.gewisseld)),
            "wint": _getal(int(r.wint)),
            "verliest": _getal(int(r.verliest)),
            "gelijk": _getal(int(r.gelijk)),
            "wlz_voor": _euro(r.wlz_voor),
            "wlz_na": _euro(r.wlz_na),
        }
        for r in st.itertuples()
    ]
    return {
        "n": _getal(int(st["clienten"].max()) if len(st) else 0),
        "bron": str(u.basis.clienttabel),
        "stappen": stappen,
        "er_bron": "€ 385 in 2019, Zvw art. 19",
        "png": chart_winners(u.histogram, {int(r.stap): str(r.optie) for r in st.itertuples()}),
        "aanbieders": (
            f"{_getal(len(a))} (aanbieder, sector) met {_getal(int(st['contract'].sum()))} cliëntrijen"
            if heeft_agb
            else "niet te bepalen: de declaraties hebben geen kolom agb_code"
        ),
        "aanbieders_tabel": [
            {"stap": r.stap, "agb": r.agb_code, "sector": r.sector, "n": _getal(r.clienten), "vormen": r.behandelvormen}
            for r in a.head(10).itertuples()
        ]
        if heeft_agb
        else [],
        "kortingen": []
        if k is None or k.empty
        else [
            {
                "stap": r.stap,
                "agb": r.agb_code,
                "sector": r.sector,
                "n": _getal(r.clienten),
                "korting": _euro(r.korting),
            }
            for r in k.head(10).itertuples()
        ],
        "kortingen_totaal": "" if k is None or k.empty else _euro(sum(k.korting)),
    }


def write_report(uitkomst: Uitkomst, pad: Path) -> Path:
    pad.write_text(render(uitkomst), encoding="utf-8")
    return pad
