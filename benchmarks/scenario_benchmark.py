"""Benchmark of ``wlz.scenario`` on the built-in seed004 basis and on a ``wlz analyse`` output folder.

Not a test: it prints figures. For each basis it runs every shipped example scenario plus all options together
(knip, taakstelling, behandeling naar de Zvw, alles integraal, vpt incl afgeschaft), and prints the median wall
time of the library run (reading the basis and computing the tables), of writing the CSVs and scenario.json, and
of the report (matplotlib), with the Python heap peak (tracemalloc) and the process' peak RSS. Goal: < 1 s.

The analysis folder is ``--analyse MAP``, or generated first (not timed) with ``wlz genereer --schaal S`` and
``wlz analyse``. The analysis' tables are aggregates (a few thousand rows at any scale), so the scenario's time
hardly depends on the scale of the data behind them.

    .venv/bin/python benchmarks/scenario_benchmark.py [--analyse MAP] [--schaal 0.01] [--herhaal 5]

The client level (``--clientniveau CLAIMS``, a claims folder of ``wlz genereer``): times ``wlz analyse`` without
and with the client table (the extra is the table's cost), then, in a fresh process each, one option on the
analysis with the client level (basis + client table + incomes read, every client before/after, eigen bijdrage,
eigen risico, providers) and writing its outputs, with the child's peak RSS. Goal: < 20 s and < 3 GB beyond the
analysis itself.

    .venv/bin/python benchmarks/scenario_benchmark.py --clientniveau /tmp/landelijk [--scenario FILE] [--herhaal 3]

``--engine spark`` (repeatable, default duckdb) runs the client level on Spark (a local session in the child; the
client rows written by Spark as Parquet and streamed into clienten.csv). The CPU and peak RSS printed include
the child's own child processes (Spark's JVM and Python workers; "run cpu" is the driver process only), the RSS
as the sum of each process' peak (an upper bound: the peaks need not coincide).

``--analysemap MAP`` reuses an analysis written with the client table (``wlz analyse --clienttabel``, or this
script's own ``a1``) instead of timing the two analyses again. Without ``--scenario`` two scenarios run: the knip
(package and payer per client) and every per-group option at the client level at once (taakstelling per client
and provider, extra kosten thuis, toeslagen and maatwerk per client; one row per client per option).
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


_KIND = """
import resource, sys, time
from pathlib import Path
from wlz.scenario import read_scenario, run_scenario, write_outputs
from wlz.scenario.basis import read_analysis
t0 = time.perf_counter()
basis = read_analysis(Path(sys.argv[1]), 2019, inkomen=Path(sys.argv[2]) if sys.argv[2] else None, engine=sys.argv[5])
u = run_scenario(read_scenario(sys.argv[3]), basis)
t1 = time.perf_counter()
r1 = resource.getrusage(resource.RUSAGE_SELF)
write_outputs(u, sys.argv[4], rapport=True)
t2 = time.perf_counter()
s = u.clientstappen
r = resource.getrusage(resource.RUSAGE_SELF)
# CPU and peak RSS of this process plus its child processes (Spark: the JVM and its Python workers, still running)
import psutil
cpu_k, piek_k = 0.0, 0
for c in psutil.Process().children(recursive=True):
    try:
        t = c.cpu_times()
        cpu_k += t.user + t.system + t.children_user + t.children_system
        hwm = [x for x in open(f"/proc/{c.pid}/status") if x.startswith("VmHWM")]
        piek_k += int(hwm[0].split()[1]) if hwm else 0
    except (psutil.Error, OSError):
        pass
print(f"{t1 - t0:.2f} {r1.ru_utime + r1.ru_stime:.1f} {t2 - t1:.2f} {r.ru_utime + r.ru_stime + cpu_k:.1f} "
      f"{(r.ru_maxrss + piek_k) / 1024:.0f} {int(s.clienten.sum())} {int(s.gewisseld.sum())} "
      f"{int(s.wint.sum())} {int(s.verliest.sum())} {len(u.aanbieders)}")
"""
#: every per-group option at the client level in one scenario (after a knip, so each starts from a moved state)
PER_CLIENT = {
    "jaar": 2019,
    "opties": [
        {"knip": {"variant": "combinatie", "grens": {"vg": 6, "vv": 6}}},
        {"taakstelling": {"sleutel": "behandelcomponent"}},
        {"extra_kosten_thuis": {"percentage": 40, "gebruik_pct": 30}},
        {"toeslagen_in_budget": {"aandeel_met_toeslag_pct": 10, "toeslag_beademing": 20000}},
        {"maatwerkindicatie": {"variant": "iedereen_thuis", "behoefte_spreiding_pct": 25}},
    ],
}


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def clientniveau(
    claims: Path,
    scenarios: list[Path],
    herhaal: int,
    analysemap: Path | None = None,
    engines: tuple[str, ...] = ("duckdb",),
) -> None:
    """Analysis with and without the client table, then each scenario with the client level in a fresh process.

    Wall time and CPU time (user + system, all threads) are printed: on a shared machine the wall time depends on
    the others' load, the CPU time much less."""
    from wlz.claims import analyse

    werk = Path(tempfile.mkdtemp(prefix="scenario_clientniveau_"))
    print(f"machine: {os.cpu_count()} cores, gedeeld met ander werk; load {os.getloadavg()}")
    if analysemap is None:
        for met in (False, True):
            t0, c0, l0 = time.perf_counter(), _cpu(), os.getloadavg()[0]
            r = analyse(
                claims,
                werk / f"a{int(met)}",
                voortgang=False,
                grafieken=False,
                clienttabel=met,
                clienttabel_jaren=(2019,),
            )
            stap = next((x for x in r.steps if x.name == "clienttabel schrijven"), None)
            print(
                f"wlz analyse {'met' if met else 'zonder'} clienttabel 2019: {time.perf_counter() - t0:.1f} s wand, "
                f"{_cpu() - c0:.1f} s cpu (load {l0:.2f} → {os.getloadavg()[0]:.2f})"
                + (f"; stap clienttabel schrijven {stap.seconds:.1f} s, piek {stap.peak_mb:.0f} MB" if stap else "")
            )
        analysemap = werk / "a1"
    inkomen = next((str(p) for p in (claims / "inkomen.parquet", claims / "inkomen.csv") if p.exists()), "")
    if not scenarios:
        pad = werk / "per_client.yaml"
        import yaml

        pad.write_text(yaml.safe_dump(PER_CLIENT), encoding="utf-8")
        scenarios = [REPO / "examples" / "scenario" / "knip_combinatie.yaml", pad]
    print(
        f"{'engine':<7} {'scenario':<16} {'run s':>7} {'run cpu':>7} {'schrijven s':>11} {'cpu s':>6} "
        f"{'piek RSS MB':>11} {'rijen':>9} {'gewisseld':>9} {'winnen':>7} {'verliezen':>9} {'aanbieders':>10}"
    )
    for engine in engines:
        for scenario in scenarios:
            for _ in range(herhaal):
                l0 = os.getloadavg()[0]
                r = subprocess.run(
                    [sys.executable, "-c", _KIND, str(analysemap), inkomen, str(scenario), str(werk / "uit"), engine],
                    check=True,
                    capture_output=True,
                    text=True,
                )
                regel = r.stdout.strip().splitlines()[-1].split()
                run_s, run_cpu, schrijf_s, cpu, rss, n, gew, wint, verl, aanb = regel
                print(
                    f"{engine:<7} {scenario.stem[:16]:<16} {run_s:>7} {run_cpu:>7} {schrijf_s:>11} {cpu:>6} {rss:>11} "
                    f"{n:>9} {gew:>9} {wint:>7} {verl:>9} {aanb:>10} (load {l0:.2f} → {os.getloadavg()[0]:.2f})"
                )
    print(f"uitvoer: {werk}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--clientniveau", type=Path, help="declaratiemap: meet het cliëntniveau (zie boven)")
    ap.add_argument("--scenario", type=Path, action="append", default=[], help="scenariobestand (herhaalbaar)")
    ap.add_argument("--analysemap", type=Path, help="met --clientniveau: bestaande analyse met client_maanden/")
    ap.add_argument("--analyse", type=Path, help="uitvoermap van wlz analyse (anders eerst gegenereerd)")
    ap.add_argument(
        "--engine",
        action="append",
        choices=["duckdb", "spark"],
        help="met --clientniveau: engine van het cliëntniveau (herhaalbaar; standaard duckdb)",
    )
    ap.add_argument("--schaal", type=float, default=0.01)
    ap.add_argument("--herhaal", type=int, default=5)
    args = ap.parse_args()
    if args.clientniveau:
        engines = tuple(args.engine or ["duckdb"])
        clientniveau(args.clientniveau, args.scenario, args.herhaal, args.analysemap, engines)
        return
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
