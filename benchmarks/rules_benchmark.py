"""Benchmark (not a test): every rule for 300,000 synthetic clients for one year, and one explained situation.

Prints the time and the peak memory (RSS) of: loading the system, building the population, computing every
variable (YEAR variables for the year, MONTH variables for each month), and explaining one situation
(median of repeated runs once loaded), and one intake like the service's (two calendar years).
Goals on the 2-core machine: < 5 s and < 2 GB for the population,
< 50 ms for one explained situation.

    .venv/bin/python benchmarks/rules_benchmark.py [--clienten 300000] [--jaar 2015]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import time

import numpy as np
from openfisca_core.periods import DateUnit

from wlz.reference import zorgprofielen
from wlz.rules.enums import Leveringsvorm, profiel_key


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def populatie(n: int, jaar: int, seed: int = 7) -> dict[str, np.ndarray]:
    """Synthetic clients over all Wlz profiles and leveringsvormen (random, deterministic for the seed)."""
    rng = np.random.default_rng(seed)
    profielen = np.array(
        [profiel_key(z.code) for z in zorgprofielen().values() if not z.buiten_wlz and z.geldig_vanaf.year <= jaar]
    )
    lv = np.array([m.name for m in Leveringsvorm])
    geboren = np.datetime64("1930-01-01") + rng.integers(0, 365 * 85, n).astype("timedelta64[D]")
    begin = np.datetime64(f"{jaar}-01-01") + rng.integers(0, 200, n).astype("timedelta64[D]")
    return {
        "zorgprofiel": rng.choice(profielen, n),
        "leveringsvorm": rng.choice(lv, n),
        "behandeling": rng.random(n) < 0.5,
        "dagbesteding": rng.random(n) < 0.4,
        "gewaarborgde_hulp": rng.random(n) < 0.8,
        "kleinschalig_wooninitiatief": rng.random(n) < 0.05,
        "geboortedatum": geboren,
        "zorg_begin": begin,
        "mpt_kosten": rng.uniform(5_000, 70_000, n).astype(np.float32),
        "mpt_kosten_buiten_toets": rng.uniform(0, 5_000, n).astype(np.float32),
        "pgb_deel": rng.uniform(0, 30_000, n).astype(np.float32),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clienten", type=int, default=300_000)
    parser.add_argument("--jaar", type=int, default=2015)
    args = parser.parse_args()

    t0 = time.perf_counter()
    from wlz.rules import bereken
    from wlz.rules.populatie import simulatie
    from wlz.rules.system import systeem

    system = systeem()
    t_load = time.perf_counter() - t0
    print(f"system loaded: {t_load:.2f} s, {len(system.variables)} variables, peak {peak_mb():.0f} MB")

    t0 = time.perf_counter()
    kolommen = populatie(args.clienten, args.jaar)
    sim = simulatie(system, {k: v for k, v in kolommen.items() if k in system.variables}, jaar=args.jaar)
    t_build = time.perf_counter() - t0
    print(f"population of {args.clienten:,} built: {t_build:.2f} s, peak {peak_mb():.0f} MB")

    t0 = time.perf_counter()
    berekend = 0
    for naam, variabele in system.variables.items():
        if not variabele.formulas:
            continue
        unit = variabele.definition_period
        if unit == DateUnit.YEAR:
            sim.calculate(naam, str(args.jaar))
            berekend += 1
        elif unit == DateUnit.MONTH:
            for m in range(1, 13):
                sim.calculate(naam, f"{args.jaar}-{m:02d}")
            berekend += 1
    t_calc = time.perf_counter() - t0
    pgb = sim.calculate("pgb_budget", str(args.jaar))
    print(
        f"computed {berekend} variables for {args.clienten:,} clients for {args.jaar}: {t_calc:.2f} s "
        f"(build + compute {t_build + t_calc:.2f} s), peak {peak_mb():.0f} MB; "
        f"mean pgb_budget {np.nanmean(pgb):,.0f}"
    )

    situatie = {
        "periode": args.jaar,
        "client": {
            "zorgprofiel": "VG5",
            "leveringsvorm": "mpt_pgb",
            "gewaarborgde_hulp": True,
            "dagbesteding": True,
            "mpt_kosten": 30000,
            "pgb_deel": 10000,
        },
    }
    tijden = _tijden_ms(bereken, situatie)
    print(
        f"one situation, explained (all results with uitleg): median {statistics.median(tijden):.1f} ms, "
        f"max {max(tijden):.1f} ms over 30 runs"
    )

    # what the service evaluates for an extra-care request (wlz.zorgkantoor.adapters.rules_engine.situatie_voor_intake):
    # a period over two calendar years and the scheme questions of the intake
    intake = {
        "periode": {"van": "2018-03-15", "tot": "2019-08-31"},
        "client": {
            "zorgprofiel": "VV6",
            "geboortedatum": "1950-03-01",
            "leveringsvorm": "pgb",
            "gewaarborgde_hulp": True,
            "grondslag_somatisch_lichamelijk_zintuiglijk": True,
            "zorgbehoefte_uren_per_week": 30,
            "profiel_uren_per_week": 20,
            "inkomen_peiljaar": 28000,
            "ekt_gevraagd": 3000,
            "meerzorg_gevraagd": 20000,
        },
        "partner": {},
    }
    tijden = _tijden_ms(bereken, intake)
    print(
        f"one intake over two years, explained (as the service asks): median {statistics.median(tijden):.1f} ms, "
        f"max {max(tijden):.1f} ms over 30 runs; load average {os.getloadavg()[0]:.2f}"
    )


def _tijden_ms(bereken, situatie: dict, n: int = 30) -> list[float]:
    """Milliseconds of ``n`` explained evaluations of one situation, after one warm-up evaluation."""
    bereken(situatie)
    tijden = []
    for _ in range(n):
        t0 = time.perf_counter()
        bereken(situatie)
        tijden.append((time.perf_counter() - t0) * 1000)
    return tijden


if __name__ == "__main__":
    main()
