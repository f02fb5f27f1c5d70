"""The need per client of the maatwerkindicatie: hours × rate with context, the CIZ pilot's ratios, or chosen points.

:func:`behoefte_batch` is the per-client arithmetic as a pure function of a pandas batch and
:class:`MaatwerkParameters` (plain numbers and numpy arrays, built once per option: :func:`client_parameters`), so
the client level runs it unchanged on the whole table with DuckDB or per partition with Spark, and the group level
(:func:`verdeling`) weighs the same arithmetic over the option's distributions. Hours: per function the gebruikelijke
zorg of parents for a child's age band off (not below 0), then mantelzorg and a partner's hours off (not below 0,
spread over the functions by their hours), × the rate per function (Rlz art. 5.22 from the rules' parameters, or the
user's), per week × days in the year / 7 — as the CIZ pilot's year amount (wlz.ciz.domain.maatwerk.jaarbedrag).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from wlz.common.errors import InputError
from wlz.scenario.pilot import read_pilot_export
from wlz.scenario.schema import FUNCTIES, GEBRUIKELIJKE_ZORG_BRON, Maatwerkindicatie
from wlz.scenario.toeslagen import profielcode, simuleer

#: the rate per hour when the user gives none: the rules' maximum for a formal care provider from the pgb
TARIEF_BRON = "Rlz art. 5.22, maximumtarief per uur van een formele zorgverlener (wlz.rules, pgb/tarief.yaml)"
#: the columns :func:`behoefte_batch` reads; ``partner``, ``mantelzorg_uren_per_week`` and ``leeftijd`` are optional
#: (NaN = not known for this client: the option's distribution applies)
BATCH_INVOER = ("zorgprofiel", "maanden", "u_punt", "u_z1", "u_z2", "u_uren", "u_partner", "u_mantelzorg", "u_leeftijd")
CONTEXT = ("partner", "mantelzorg_uren_per_week", "leeftijd")
#: where a client's need came from (``bron`` of the batch's answer)
BRON_UREN, BRON_PILOT, BRON_PUNTEN = "uren", "pilot", "punten"
BRONNEN = (BRON_UREN, BRON_PILOT, BRON_PUNTEN)


@cache
def _tarieftabel() -> dict[str, Any]:
    from importlib import resources

    import yaml

    data: dict[str, Any] = yaml.safe_load(
        resources.files("wlz.rules").joinpath("parameters/pgb/tarief.yaml").read_text("utf-8")
    )
    return data


def tarief_regels(jaar: int) -> tuple[float | None, str]:
    """The maximum per hour of a formal care provider from the pgb (Rlz art. 5.22) in force on 1 January of
    ``jaar``, from the rules' parameters, with its reference; ``(None, "")`` where the rules have no value."""
    waarden = _tarieftabel()["formeel_per_uur"]["values"]
    peil = dt.date(jaar, 1, 1)
    geldig = sorted((dt.date.fromisoformat(str(k)), v) for k, v in waarden.items())
    geldig = [(d, v) for d, v in geldig if d <= peil]
    if not geldig or geldig[-1][1].get("value") is None:
        return None, ""
    v = geldig[-1][1]
    return float(v["value"]), f"{TARIEF_BRON}: {v.get('metadata', {}).get('reference', '')}"


def profielbedragen(codes: list[str], jaar: int) -> dict[str, float]:
    """The pgb amount per year of each zorgprofiel code from the rules (one vectorised run); a code the rules have
    no amount for is left out."""
    uniek = sorted({c for c in codes if c})
    if not uniek:
        return {}
    personen = {
        "zorgprofiel": np.array(uniek),
        "leveringsvorm": np.array(["pgb"] * len(uniek)),
        "gewaarborgde_hulp": np.ones(len(uniek), dtype=bool),
    }
    budget, _ = simuleer(None, personen, jaar)
    return {c: float(b) for c, b in zip(uniek, budget, strict=True) if np.isfinite(b)}


@dataclass(frozen=True)
class MaatwerkParameters:
    """Everything the per-client arithmetic needs, built once in the driver (plain numbers and numpy arrays, so
    it pickles to a Spark worker with the batch function)."""

    rekenjaar: int
    #: per zorgprofiel code the profile amount per year (rules, ``rekenjaar``)
    profielbedrag: dict[str, float]
    #: the chosen points (fractions of the profile amount) and the lognormal spread (coefficient of variation)
    punten: np.ndarray
    cv: float
    #: per zorgprofiel code the CIZ pilot's ratios need / profile amount (sorted)
    pilot: dict[str, np.ndarray] = field(default_factory=dict)
    #: per zorgprofiel code the packages of hours per week per function (k × len(FUNCTIES)) and where they came from
    pakketten: dict[str, np.ndarray] = field(default_factory=dict)
    pakket_bron: dict[str, str] = field(default_factory=dict)
    #: per code, aligned with the packages: a pilot record's own (partner, mantelzorg, age), NaN where unknown
    pakket_context: dict[str, np.ndarray] = field(default_factory=dict)
    #: rate per hour per function (FUNCTIES order) and its source per function
    tarief: np.ndarray = field(default_factory=lambda: np.zeros(len(FUNCTIES)))
    tarief_bron: tuple[str, ...] = ()
    partner_aandeel: float = 0.0
    partner_uren: float = 0.0
    mantelzorg: np.ndarray = field(default_factory=lambda: np.zeros(1))
    #: equally frequent ages (empty: everyone adult)
    leeftijd: np.ndarray = field(default_factory=lambda: np.zeros(0))
    #: gebruikelijke zorg of parents: upper bounds of the age bands (exclusive) and hours per week per function
    gz_grenzen: np.ndarray = field(default_factory=lambda: np.zeros(0))
    gz_uren: np.ndarray = field(default_factory=lambda: np.zeros((0, len(FUNCTIES))))
    dagen_per_jaar: int = 365


def maatwerk_parameters(o: Maatwerkindicatie, codes: list[str], veld: str = "maatwerkindicatie") -> MaatwerkParameters:
    """The parameters of the option for these zorgprofiel codes; InputError names the field of a missing rate."""
    pilot = read_pilot_export(o.pilot_export) if o.pilot_export is not None else None
    pakketten: dict[str, np.ndarray] = {}
    pakket_bron: dict[str, str] = {}
    tarief = np.zeros(len(FUNCTIES))
    tarief_bron: list[str] = []
    extra: dict[str, Any] = {}
    extra_context: dict[str, np.ndarray] = {}
    u = o.uren
    if u is not None:
        for code, lijst in u.per_profiel.items():
            pakketten[code] = np.array([[float(p.get(f, 0.0)) for f in FUNCTIES] for p in lijst], dtype=float)
            pakket_bron[code] = "uren per profiel (voorbeeld)"
        if pilot is not None:
            for code, lijst2 in pilot.uren.items():
                pakketten[code] = np.array(lijst2, dtype=float)
                pakket_bron[code] = f"uren uit de {pilot.bron()}"
                extra_context[code] = np.array(pilot.context[code], dtype=float).reshape(-1, len(CONTEXT))
        gebruikt = np.zeros(len(FUNCTIES), dtype=bool)
        for m in pakketten.values():
            gebruikt |= (m > 0).any(axis=0)
        regels, regels_bron = tarief_regels(o.rekenjaar)
        for j, f in enumerate(FUNCTIES):
            if f in u.tarief_per_uur:
                tarief[j] = float(u.tarief_per_uur[f])
                tarief_bron.append("opgegeven")
            elif not gebruikt[j]:
                tarief_bron.append("niet gebruikt")
            elif regels is not None:
                tarief[j] = regels
                tarief_bron.append(regels_bron)
            else:
                raise InputError(
                    f"{veld}.uren.tarief_per_uur.{f}",
                    f"de regels kennen geen maximumtarief per uur (Rlz art. 5.22) voor {o.rekenjaar}; geef het tarief "
                    "per uur op",
                )
        extra = {
            "partner_aandeel": u.partner_aandeel_pct / 100,
            "partner_uren": float(u.partner_uren_per_week),
            "mantelzorg": np.array(u.mantelzorg_uren_per_week, dtype=float),
            "leeftijd": np.array(u.leeftijd, dtype=float),
            "gz_grenzen": np.array([b.tot_leeftijd for b in u.gebruikelijke_zorg], dtype=float),
            "gz_uren": np.array(
                [[float(b.uren_per_week.get(f, 0.0)) for f in FUNCTIES] for b in u.gebruikelijke_zorg],
                dtype=float,
            ).reshape(-1, len(FUNCTIES)),
        }
    return MaatwerkParameters(
        rekenjaar=o.rekenjaar,
        profielbedrag=profielbedragen(codes, o.rekenjaar),
        punten=np.array(o.behoefte_pct_van_profiel, dtype=float) / 100,
        cv=o.behoefte_spreiding_pct / 100,
        pilot={} if pilot is None else {k: np.array(v, dtype=float) for k, v in pilot.verhoudingen.items()},
        pakketten=pakketten,
        pakket_bron=pakket_bron,
        pakket_context=extra_context,
        tarief=tarief,
        tarief_bron=tuple(tarief_bron),
        dagen_per_jaar=366 if dt.date(o.rekenjaar, 12, 31).timetuple().tm_yday == 366 else 365,
        **extra,
    )


def _kies(punten: np.ndarray, u: np.ndarray) -> np.ndarray:
    """One of equally frequent points per draw ``u`` in [0, 1)."""
    uit: np.ndarray = punten[np.minimum((u * len(punten)).astype(int), len(punten) - 1)]
    return uit


def behoefte_uren(batch: pd.DataFrame, par: MaatwerkParameters) -> pd.DataFrame:
    """The need in hours per row, a pure vectorised function of the batch.

    In: ``uren_<functie>`` (hours per week per function), ``partner`` (0/1), ``mantelzorg_uren_per_week``,
    ``leeftijd`` (years; NaN: adult or unknown, no gebruikelijke zorg of parents). Per function the gebruikelijke
    zorg of the child's age band is taken off (not below 0); of what is left the mantelzorg and the partner's hours
    are taken off (not below 0), spread over the functions in proportion to their hours; the rest × the rate per
    function, per week, × days in the year / 7 (as the CIZ pilot: wlz.ciz.domain.maatwerk.jaarbedrag).
    Out: ``uren``, ``gebruikelijke_zorg_uren``, ``context_uren`` (what was taken off), ``uren_netto``, ``tarief``
    (€ per net hour) and ``bedrag_jaar`` (€ per year; NaN where the hours are NaN)."""
    h = batch[[f"uren_{f}" for f in FUNCTIES]].to_numpy(float)
    leeftijd = batch["leeftijd"].to_numpy(float)
    gz = np.zeros_like(h)
    if len(par.gz_grenzen):
        band = np.searchsorted(par.gz_grenzen, np.nan_to_num(leeftijd, nan=np.inf), side="right")
        kind = np.isfinite(leeftijd) & (band < len(par.gz_grenzen))
        gz[kind] = par.gz_uren[band[kind]]
    netto_f = np.maximum(h - gz, 0.0)
    totaal = netto_f.sum(axis=1)
    context = batch["mantelzorg_uren_per_week"].to_numpy(float) + batch["partner"].to_numpy(float) * par.partner_uren
    netto = np.maximum(totaal - context, 0.0)
    aandeel = np.divide(netto, totaal, out=np.zeros_like(totaal), where=totaal > 0)
    per_week = (netto_f * par.tarief).sum(axis=1) * aandeel
    return pd.DataFrame(
        {
            "uren": h.sum(axis=1),
            "gebruikelijke_zorg_uren": (h - netto_f).sum(axis=1),
            "context_uren": totaal - netto,
            "uren_netto": netto,
            "tarief": np.divide(per_week, netto, out=np.zeros_like(netto), where=netto > 0),
            "bedrag_jaar": per_week * par.dagen_per_jaar / 7,
        },
        index=batch.index,
    )


def _rijen(cat: pd.Categorical, code: str) -> np.ndarray:
    """The rows of one zorgprofiel code (none when the batch does not have it)."""
    if code not in cat.categories:
        return np.zeros(len(cat), dtype=bool)
    uit: np.ndarray = cat.codes == cat.categories.get_loc(code)
    return uit


def behoefte_batch(batch: pd.DataFrame, par: MaatwerkParameters) -> pd.DataFrame:
    """Per row (a client's segment) the need against the profile amount: a pure function of the batch
    (columns :data:`BATCH_INVOER`, optionally :data:`CONTEXT`) and the parameters, vectorised per zorgprofiel.

    The source per row: hours (``uren``) where the profile has packages of hours (the pilot's records or the
    user's), else the pilot's ratios (``pilot``), else the chosen points with their spread (``punten``). Out:
    ``profielbedrag`` and ``bedrag`` (€ for the row's months; NaN where the rules have no profile amount),
    ``verhouding`` (need / profile amount), ``bron``, the hours of :func:`behoefte_uren` (NaN outside ``uren``),
    ``partner``, ``mantelzorg_uren_per_week`` and ``leeftijd`` as used."""
    n = len(batch)
    # the profile as a small integer per row: one comparison per profile is on integers, not on strings
    cat = pd.Categorical(batch["zorgprofiel"].to_numpy(object))
    nummer = cat.codes
    u = batch["u_punt"].to_numpy(float)
    verhouding = _kies(par.punten, u)
    if par.cv > 0:
        sigma2 = np.log1p(par.cv * par.cv)
        u1 = np.maximum(batch["u_z1"].to_numpy(float), 1e-300)
        z = np.sqrt(-2 * np.log(u1)) * np.cos(2 * np.pi * batch["u_z2"].to_numpy(float))
        verhouding = verhouding * np.exp(np.sqrt(sigma2) * z - sigma2 / 2)
    bron = np.full(n, BRON_PUNTEN, dtype=object)
    for code, v in par.pilot.items():
        sel = _rijen(cat, code)
        if sel.any():
            verhouding[sel] = _kies(v, u[sel])
            bron[sel] = BRON_PILOT
    per_jaar = np.array([par.profielbedrag.get(c, np.nan) for c in cat.categories] + [np.nan], dtype=float)
    profiel_jaar = per_jaar[np.where(nummer >= 0, nummer, len(cat.categories))]
    uit = pd.DataFrame(index=batch.index)
    for k in ("uren", "gebruikelijke_zorg_uren", "context_uren", "uren_netto", "tarief"):
        uit[k] = np.nan
    invoer = {k: (batch[k].to_numpy(float, copy=True) if k in batch else np.full(n, np.nan)) for k in CONTEXT}
    bedrag_jaar = np.full(n, np.nan)
    #: per row where the hours and the context came from, for the client's note
    herkomst = np.full(n, "", dtype=object)
    if par.pakketten:
        h = np.full((n, len(FUNCTIES)), np.nan)
        ur = batch["u_uren"].to_numpy(float)
        for code, m in par.pakketten.items():
            sel = _rijen(cat, code)
            if sel.any():
                keus = np.minimum((ur[sel] * len(m)).astype(int), len(m) - 1)
                h[sel] = m[keus]
                herkomst[sel] = "uren CIZ-pilot" if code in par.pakket_context else "uren voorbeeld"
                if code in par.pakket_context:  # a pilot record's own context, where the client has none
                    eigen = par.pakket_context[code][keus]
                    for j, k in enumerate(CONTEXT):
                        invoer[k][sel] = np.where(np.isfinite(invoer[k][sel]), invoer[k][sel], eigen[:, j])
        met = np.isfinite(h[:, 0])
        eigen_context = np.isfinite(invoer["partner"]) | np.isfinite(invoer["mantelzorg_uren_per_week"])
        herkomst = herkomst + np.where(eigen_context, ", context eigen gegevens", ", context keuze")
        partner = np.where(
            np.isfinite(invoer["partner"]), invoer["partner"], batch["u_partner"].to_numpy(float) < par.partner_aandeel
        )
        mantelzorg = np.where(
            np.isfinite(invoer["mantelzorg_uren_per_week"]),
            invoer["mantelzorg_uren_per_week"],
            _kies(par.mantelzorg, batch["u_mantelzorg"].to_numpy(float)),
        )
        leeftijd = invoer["leeftijd"]
        if len(par.leeftijd):
            leeftijd = np.where(
                np.isfinite(leeftijd), leeftijd, _kies(par.leeftijd, batch["u_leeftijd"].to_numpy(float))
            )
        invoer = {"partner": partner.astype(float), "mantelzorg_uren_per_week": mantelzorg, "leeftijd": leeftijd}
        if met.any():
            deel = pd.DataFrame({f"uren_{f}": h[met, j] for j, f in enumerate(FUNCTIES)})
            for k, v in invoer.items():
                deel[k] = v[met]
            uren = behoefte_uren(deel, par)
            for k in uren.columns.drop("bedrag_jaar"):
                uit.loc[met, k] = uren[k].to_numpy()
            verhouding = verhouding.astype(float, copy=True)
            bedrag_jaar[met] = uren["bedrag_jaar"].to_numpy()
            verhouding[met] = bedrag_jaar[met] / profiel_jaar[met]
            bron[met] = BRON_UREN
    maanden = batch["maanden"].to_numpy(float)
    uit["profielbedrag"] = profiel_jaar * maanden / 12
    uit["verhouding"] = verhouding
    uit["bedrag"] = np.where(bron == BRON_UREN, bedrag_jaar, profiel_jaar * verhouding) * maanden / 12
    uit["bron"] = bron
    uit["herkomst"] = np.where(bron == BRON_UREN, herkomst, "")
    for k, v in invoer.items():
        uit[k] = v
    return uit


def _lijst(x: np.ndarray) -> str:
    return "/".join(f"{v:g}".replace(".", ",") for v in x)


def uren_toelichting(par: MaatwerkParameters) -> str:
    """The inputs of the need in hours and their sources, in Dutch (maatwerk.csv, the run's notes, the report)."""
    tarieven = sorted(
        {(t, b) for t, b in zip(par.tarief.tolist(), par.tarief_bron, strict=True) if b != "niet gebruikt"}
    )
    tarief = "; ".join(f"€ {t:.2f}".replace(".", ",") + f" ({b})" for t, b in tarieven)
    gz = (
        f"gebruikelijke zorg van ouders per leeftijdsklasse tot {_lijst(par.gz_grenzen)} jaar (invoer, voorbeeld; "
        f"{GEBRUIKELIJKE_ZORG_BRON})"
        if len(par.gz_grenzen)
        else "geen tabel gebruikelijke zorg opgegeven"
    )
    leeftijd = f"leeftijden {_lijst(par.leeftijd)} (keuze)" if len(par.leeftijd) else "leeftijd onbekend: volwassen"
    return (
        f"uren × tarief per functie, tarief {tarief}; min mantelzorg {_lijst(par.mantelzorg)} uur/week (keuze), "
        f"partner in huis {par.partner_aandeel * 100:g}% × {par.partner_uren:g} uur/week (keuze), {gz}, {leeftijd}"
    )


def verdeling(code: str | None, par: MaatwerkParameters) -> tuple[np.ndarray, np.ndarray, str]:
    """For a group: the weights and ratios need / profile amount of its clients, and their source. With hours
    every combination of package, partner, mantelzorg point and age is one row of :func:`behoefte_uren`, weighted
    by how often the option's distributions give it — the same arithmetic as per client."""
    if code is not None and code in par.pakketten:
        m = par.pakketten[code]
        eigen = par.pakket_context.get(code, np.full((len(m), len(CONTEXT)), np.nan))
        leeftijden = par.leeftijd if len(par.leeftijd) else np.array([np.nan])

        def punten(i: int) -> list[tuple[float, float, float, float]]:
            """(partner, mantelzorg, age, weight) of package i: the record's own where known, else the option's."""
            p, z, a = eigen[i]
            ps = [(p, 1.0)] if np.isfinite(p) else [(1.0, par.partner_aandeel), (0.0, 1 - par.partner_aandeel)]
            zs = [(z, 1.0)] if np.isfinite(z) else [(x, 1 / len(par.mantelzorg)) for x in par.mantelzorg]
            as_ = [(a, 1.0)] if np.isfinite(a) else [(x, 1 / len(leeftijden)) for x in leeftijden]
            return [(pp, zz, aa, wp * wz * wa) for pp, wp in ps if wp > 0 for zz, wz in zs for aa, wa in as_]

        rijen = [(i, p, z, a, w / len(m)) for i in range(len(m)) for p, z, a, w in punten(i)]
        deel = pd.DataFrame({f"uren_{f}": [m[r[0], j] for r in rijen] for j, f in enumerate(FUNCTIES)})
        deel["partner"] = [r[1] for r in rijen]
        deel["mantelzorg_uren_per_week"] = [r[2] for r in rijen]
        deel["leeftijd"] = [r[3] for r in rijen]
        bedrag = behoefte_uren(deel, par)["bedrag_jaar"].to_numpy()
        return np.array([r[4] for r in rijen]), bedrag / par.profielbedrag.get(code, np.nan), par.pakket_bron[code]
    if code is not None and code in par.pilot:
        v = par.pilot[code]
        return np.full(len(v), 1 / len(v)), v, "pilot"
    return np.full(len(par.punten), 1 / len(par.punten)), par.punten, "gekozen punten (voorbeeld)"


#: per option (its JSON) the parameters for every vg/vv zorgprofiel: built once per process, whoever asks first
_PARAMETERS: dict[str, MaatwerkParameters] = {}


def client_parameters(o: Maatwerkindicatie, veld: str = "maatwerkindicatie") -> MaatwerkParameters:
    """The option's parameters for every zorgprofiel of vg and vv, built once per option and process (the rules run
    once for the group level and every batch of the client level); ``veld`` names the field of an error."""
    sleutel = o.model_dump_json()
    if o.pilot_export is not None:  # the same path with other contents is another input
        sleutel += read_pilot_export(o.pilot_export).sha256
    if sleutel not in _PARAMETERS:
        codes = {profielcode(s, p) for s in ("vg", "vv") for p in range(1, 11)}
        _PARAMETERS[sleutel] = maatwerk_parameters(o, sorted(c for c in codes if c), veld)
    return _PARAMETERS[sleutel]


def read_clientcontext(pad_tekst: str, veld: str, jaar: int | None = None) -> pd.DataFrame:
    """Checked and cached per path and modification time; see :func:`_lees_clientcontext`."""
    pad = Path(pad_tekst)
    if not pad.is_file():
        raise InputError(veld, f"bestand {pad.name} bestaat niet")
    return _lees_clientcontext(str(pad.resolve()), pad.stat().st_mtime_ns, veld, jaar)


def context_kolommen(pad: Path) -> list[str]:
    """The columns of :data:`CONTEXT` a per-client table has (its header only)."""
    if pad.suffix == ".csv":
        namen = list(pd.read_csv(pad, nrows=0).columns)
    else:
        import pyarrow.parquet as pq

        namen = pq.read_schema(pad).names
    return [k for k in CONTEXT if k in namen]


@lru_cache(maxsize=4)
def _lees_clientcontext(pad_tekst: str, stempel: int, veld: str, jaar: int | None) -> pd.DataFrame:
    """Per client (index ``client_id``) the columns of :data:`CONTEXT` he has, from a CSV or Parquet file (with a
    ``jaar`` column and ``jaar`` given: the rows of that year — the basis' per-client table holds several years);
    a bad value names the column and the line, never the client id (it may be a BSN)."""
    from wlz.scenario.clientopties import read_client_table

    pad = Path(pad_tekst)
    df = read_client_table(pad_tekst, veld)
    kolommen = [k for k in CONTEXT if k in df.columns]
    if "client_id" not in df.columns or not kolommen:
        raise InputError(veld, f"{pad.name} heeft de kolom client_id en een of meer van {', '.join(CONTEXT)} nodig")
    if jaar is not None and "jaar" in df.columns:
        df = df[pd.to_numeric(df["jaar"], errors="coerce") == jaar]
    uit = pd.DataFrame(index=df["client_id"].astype(str).to_numpy())
    grenzen = {"partner": (0, 1), "mantelzorg_uren_per_week": (0, 168), "leeftijd": (0, 120)}
    for k in kolommen:
        ruw = df[k]
        if k == "partner":  # ja/nee and true/false as 1/0, vectorised
            tekst = ruw.astype(str).str.strip().str.lower()
            ruw = ruw.where(~tekst.isin(["ja", "true"]), 1).where(~tekst.isin(["nee", "false"]), 0)
        getal = pd.to_numeric(ruw, errors="coerce")
        laag, hoog = grenzen[k]
        fout = df[k].notna() & (getal.isna() | (getal < laag) | (getal > hoog))
        if fout.any():
            regel = int(fout.idxmax()) + 2  # the file's own line (header 1), also after selecting a year
            raise InputError(f"{veld}.{k}", f"{pad.name} regel {regel}: geen waarde van {laag} tot en met {hoog}")
        uit[k] = getal.to_numpy(float)
    dubbel = uit.index.duplicated()
    if dubbel.any():
        regel = int(df.index[dubbel.argmax()]) + 2
        raise InputError(f"{veld}.client_id", f"{pad.name} regel {regel}: cliënt komt twee keer voor")
    return uit
