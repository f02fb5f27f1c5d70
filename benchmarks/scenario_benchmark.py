"""Benchmark of ``wlz.scenario`` on the built-in seed004 basis and on a ``wlz analyse`` output folder.

Not a test: it prints figures. For each basis it runs every shipped example scenario plus all options together
(knip, taakstelling, behandeling naar de Zvw, alles integraal, vpt incl afgeschaft), and prints the median wall
time of the library run (reading the basis and computing the tables), of writing the CSVs and scenario.json, and
of the report (matplotlib), with the Python heap peak (tracemalloc) and the process' peak RSS. Goal: < 1 s.

The analysis folder is ``--analyse MAP``, or generated first (not timed) with ``wlz genereer --schaal S`` and
``wlz analyse``. The analysis' tables are aggregates (a few thousand rows at any scale), so the scenario's time
hardly depends on the scale of the data behind them.

    .venv/bin/python benchmarks/scenario_benchmark.py [--analyse MAP] [--schaal 0.01] [--herhaal 5]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from wlz.scenario import parse_scenario, read_basis, read_scenario, run_scenario, write_outputs

REPO = Path(__file__).resolve().parents[1]
ALLES = {
    "jaar": 2019,
    "opties": [
        {"knip": {"variant": "combinatie", "grens": {"vg": 6, "vv": 6}}},
        {"taakstelling": {"sleutel": "per_dag"}},
        "behandeling_naar_zvw",
        "alles_integraal",
        "vpt_incl_afgeschaft",
    ],
}


def _meet(functie: Callable[[], Any], herhaal: int) -> tuple[float, float]:
    """Median seconds over ``herhaal`` runs and the tracemalloc peak (MB) of one run."""
    tijden = []
    for _ in range(herhaal):
        begin = time.perf_counter()
        functie()
        tijden.append(time.perf_counter() - begin)
    tracemalloc.start()
    functie()
    _, piek = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return statistics.median(tijden), piek / 1e6


def _analysemap(schaal: float) -> Path:
    doel = Path(tempfile.mkdtemp(prefix="scenario_bench_"))
    wlz = [sys.executable, "-m", "wlz.cli"]
    env = {**os.environ, "WLZ_SHARED": os.environ.get("WLZ_SHARED", str(REPO.parent / "shared"))}
    subprocess.run(
        [*wlz, "genereer", "--out", str(doel / "g"), "--jaren", "2019", "--schaal", str(schaal)],
        check=True,
        env=env,
        capture_output=True,
    )
    subprocess.run(
        [*wlz, "analyse", str(doel / "g"), "--out", str(doel / "a")], check=True, env=env, capture_output=True
    )
    return doel / "a"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--analyse", type=Path, help="uitvoermap van wlz analyse (anders eerst gegenereerd)")
    ap.add_argument("--schaal", type=float, default=0.01)
    ap.add_argument("--herhaal", type=int, default=5)
    args = ap.parse_args()
    analyse = args.analyse or _analysemap(args.schaal)
    scenario_s = {p.stem: read_scenario(p) for p in sorted((REPO / "examples" / "scenario").glob("*.yaml"))}
    scenario_s["alle opties samen"] = parse_scenario(ALLES)
    print(
        f"machine: {os.cpu_count()} cores, gedeeld met ander werk (load {os.getloadavg()[0]:.2f}); "
        f"mediaan van {args.herhaal} runs"
    )
    print(f"{'basis':<10} {'scenario':<24} {'run s':>8} {'piek MB':>8} {'csv s':>7} {'rapport s':>9}")
    for basis_naam in ("seed004", str(analyse)):
        label = "seed004" if basis_naam == "seed004" else "analyse"
        for naam, s in scenario_s.items():

            def run(s: Any = s, basis_naam: str = basis_naam) -> Any:
                return run_scenario(s, read_basis(basis_naam, s.jaar))

            try:
                t_run, piek = _meet(run, args.herhaal)
            except Exception as exc:  # an option the basis cannot carry (a euro key on seed004)
                print(f"{label:<10} {naam:<24} {'—':>8}  ({exc})")
                continue
            uitkomst = run()
            with tempfile.TemporaryDirectory() as tmp:
                t_csv, _ = _meet(lambda u=uitkomst, t=tmp: write_outputs(u, t, rapport=False), args.herhaal)
                t_rap, _ = _meet(lambda u=uitkomst, t=tmp: write_outputs(u, t, rapport=True), 1)
            print(f"{label:<10} {naam:<24} {t_run:>8.4f} {piek:>8.1f} {t_csv:>7.4f} {t_rap:>9.3f}")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"piek RSS van het proces (incl. pandas en matplotlib): {rss:.0f} MB; analysemap: {analyse}")


if __name__ == "__main__":
    main()
