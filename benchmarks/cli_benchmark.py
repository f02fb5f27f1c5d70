"""Benchmark (not a test): how long the ``wlz`` command takes to start, as a user runs it (a new process each time).

Runs each command ``--runs`` times in a fresh interpreter (like hyperfine: one warm-up run, then min / median /
max of the wall time), and prints the slowest imports of each from ``python -X importtime``. Goals on the 2-core
machine: ``wlz --help`` < 0.3 s, a cold ``wlz bereken SITUATIE.yaml`` < 0.7 s. The load
average is printed beside the figures: other work on the machine slows every run.

    .venv/bin/python benchmarks/cli_benchmark.py [--runs 10]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SITUATIE = """periode: 2019
client: {zorgprofiel: VG5, leveringsvorm: mpt, mpt_kosten: 30000, geboortedatum: 1990-04-01, inkomen_peiljaar: 28000}
"""


def _wall(args: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def _importtime(args: list[str], top: int) -> list[tuple[float, str]]:
    """The ``top`` largest cumulative import times (ms) of one run, top-level modules only."""
    uit = subprocess.run([sys.executable, "-X", "importtime", *args], capture_output=True, text=True)
    rijen = []
    for regel in uit.stderr.splitlines():
        if not regel.startswith("import time:") or "cumulative" in regel:
            continue
        _eigen, cumulatief, naam = regel.removeprefix("import time:").split("|", 2)
        if not naam.startswith("  "):  # one space: imported by the program itself, not by another module
            rijen.append((int(cumulatief) / 1000, naam.strip()))
    return sorted(rijen, reverse=True)[:top]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    wlz = str(Path(sys.executable).with_name("wlz"))
    with tempfile.TemporaryDirectory() as tmp:
        situatie = Path(tmp) / "situatie.yaml"
        situatie.write_text(SITUATIE, "utf-8")
        commandos = {
            "wlz --help": ([wlz, "--help"], ["-m", "wlz.cli", "--help"], 0.3),
            "wlz bereken SITUATIE.yaml": (
                [wlz, "bereken", str(situatie)],
                ["-m", "wlz.cli", "bereken", str(situatie)],
                0.7,
            ),
            "wlz bereken SITUATIE.yaml --json": (
                [wlz, "bereken", str(situatie), "--json"],
                ["-m", "wlz.cli", "bereken", str(situatie), "--json"],
                0.7,
            ),
        }
        print(f"{os.cpu_count()} cores; load average at the start {os.getloadavg()[0]:.2f}")
        for naam, (opdracht, module, doel) in commandos.items():
            _wall(opdracht)  # warm-up: the file cache, not the interpreter
            tijden = [_wall(opdracht) for _ in range(args.runs)]
            print(
                f"{naam}: min {min(tijden):.3f} s, median {statistics.median(tijden):.3f} s, max {max(tijden):.3f} s "
                f"over {args.runs} runs (goal < {doel} s); load average {os.getloadavg()[0]:.2f}"
            )
            print(
                "  slowest top-level imports (cumulative ms): "
                + ", ".join(f"{pakket} {ms:.0f}" for ms, pakket in _importtime(module, 6))
            )


if __name__ == "__main__":
    main()
