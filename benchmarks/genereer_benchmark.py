"""Benchmark of ``wlz genereer`` at national scale, plus the calibration check with ``wlz analyse``.

Each step runs in its own child process so its peak memory (ru_maxrss) is its own. Prints rows, seconds and
peak memory of generation and of the analysis (DuckDB, no charts), then the worst seed-004 cells. Not a test:
run by hand, e.g.

    .venv/bin/python benchmarks/genereer_benchmark.py --schaal 1.0 --map /tmp/wlz_syn

Other work on the machine (2 shared cores) changes the timings; say so when reporting them.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

_GEN = """
import json, resource, sys, time
from pathlib import Path
from wlz.synthetic.generate import generate
t = time.perf_counter()
h = generate(Path(sys.argv[1]), schaal=float(sys.argv[2]), seed=int(sys.argv[3]))
h["_sec"] = time.perf_counter() - t
h["_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(h))
"""

_ANA = """
import json, resource, sys, time
from wlz.claims import analyse
t = time.perf_counter()
analyse(sys.argv[1], sys.argv[2], voortgang=False, grafieken=False)
print(json.dumps({"_sec": time.perf_counter() - t,
                  "_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _kind(code: str, *args: str) -> dict:
    r = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True)
    return json.loads(r.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--schaal", type=float, default=1.0)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--map", type=Path, default=None, help="output folder (default: a temporary folder)")
    ap.add_argument("--zonder-analyse", action="store_true")
    args = ap.parse_args()
    map_ = args.map or Path(tempfile.mkdtemp(prefix="wlz_syn_"))

    h = _kind(_GEN, str(map_), str(args.schaal), str(args.seed))
    grootte = sum(p.stat().st_size for p in map_.iterdir()) / 1e6
    print(f"genereer schaal {args.schaal}: {h['_sec']:.1f} s, piekgeheugen {h['_mb']:.0f} MB, {grootte:.0f} MB")
    print(f"  cliënten {h['clienten_gesimuleerd']}, cliëntmaanden {h['client_maanden_geteld']}")
    for naam, n in h["rijen"].items():
        print(f"  {naam:15s} {n:>12,d} rijen")
    if args.zonder_analyse:
        return

    uit = map_.with_name(map_.name + "_analyse")
    a = _kind(_ANA, str(map_), str(uit))
    print(f"analyse (duckdb, zonder grafieken): {a['_sec']:.1f} s, piekgeheugen {a['_mb']:.0f} MB")

    from wlz.synthetic import calibration

    df = calibration.compare_folder(uit, args.schaal)
    groot = df[df["gepubliceerd"] >= 1000]
    grootste = 100 * groot["afwijking"].abs().max()
    print(f"kalibratie: {len(groot)} cellen >= 1.000 cliënten, grootste afwijking {grootste:.3f} %")
    print(calibration.worst(df, n=5).to_string(index=False))


if __name__ == "__main__":
    main()
