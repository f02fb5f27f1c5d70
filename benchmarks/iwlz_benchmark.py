"""iWlz conformity and validation speed: messages generated per kind, XSLT findings, and the time to validate.

1. Conformity: random episodes (:func:`wlz.iwlz.voorbeelden.random_keten`) until every kind wlz writes (IO31,
   AW33, AW35, CA317, AW39, CA319) has at least ``--per-soort`` messages (default 1,000); each is built (the
   builders refuse a ``Fout``) and checked again with :func:`wlz.iwlz.check`. Prints the messages per kind and the
   findings (the target is 0).
2. Speed: validating ``--valideren`` messages (default 10,000) — parse, XSD and the official XSLT rules, as a
   received message is checked — with the stylesheets compiled once; the target is under 30 s. Also the same with
   the stylesheets as published (without wlz's in-memory dispatch) on a sample, for comparison.

Run: ``WLZ_SHARED=/work/shared .venv/bin/python benchmarks/iwlz_benchmark.py`` (the machine's load average is
printed with the figures: the development machine is shared).
"""

from __future__ import annotations

import argparse
import os
import random
import time
from collections import Counter

from wlz import iwlz
from wlz.iwlz import validation
from wlz.iwlz.voorbeelden import random_keten

SOORTEN = ("io31", "aw33", "aw35", "ca317", "aw39", "ca319")


def conformity(per_soort: int) -> tuple[list[bytes], Counter[str], Counter[str], float]:
    geteld: Counter[str] = Counter()
    fouten: Counter[str] = Counter()
    berichten: list[bytes] = []
    begin = time.perf_counter()
    seed = 0
    while min(geteld[s] for s in SOORTEN) < per_soort:
        k = random_keten(random.Random(f"benchmark-{seed}"))
        seed += 1
        for soort in SOORTEN:
            bericht = getattr(k, soort)
            if bericht is None:
                continue
            try:
                xml = iwlz.build_message(bericht)
            except iwlz.BerichtOngeldig as exc:
                fouten.update(f.melding.split(":")[0] for f in exc.fouten)
                continue
            fouten.update(f.code for f in iwlz.check(xml).findings)
            geteld[soort] += 1
            berichten.append(xml)
    return berichten, geteld, fouten, time.perf_counter() - begin


def speed(berichten: list[bytes], aantal: int, *, dispatch: bool = True) -> tuple[float, float]:
    """Wall-clock and CPU seconds (the CPU time is what the work costs; the wall time also shows the machine's
    load: on the shared 2-core machine other work takes its turns)."""
    reeks = [berichten[i % len(berichten)] for i in range(aantal)]
    cpu = time.process_time()
    begin = time.perf_counter()
    for xml in reeks:
        root = iwlz.parse_xml(xml)
        soort = iwlz.berichtsoort_of(root)
        if not iwlz.schema.schema_errors(root, soort.naam):
            validation._rules(root, soort.naam, dispatch=dispatch)
    return time.perf_counter() - begin, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-soort", type=int, default=1000)
    parser.add_argument("--valideren", type=int, default=10_000)
    args = parser.parse_args()
    print(f"belasting van de machine (load average 1/5/15 min): {os.getloadavg()}")
    berichten, geteld, fouten, duur = conformity(args.per_soort)
    print(f"\n1. conformiteit: {sum(geteld.values())} berichten gebouwd en gecontroleerd in {duur:.1f} s")
    for soort in SOORTEN:
        print(f"   {soort.upper():6} {geteld[soort]:6} berichten")
    print(f"   XSLT/XSD-bevindingen: {sum(fouten.values())} {dict(fouten) if fouten else ''}")
    t, cpu = speed(berichten, args.valideren)
    print(
        f"\n2. valideren (XSD + XSLT): {args.valideren} berichten in {t:.1f} s "
        f"({t / args.valideren * 1000:.2f} ms per bericht; CPU-tijd {cpu:.1f} s)"
    )
    steekproef = min(1000, args.valideren)
    t0, cpu0 = speed(berichten, steekproef, dispatch=False)
    print(
        f"   ter vergelijking, de stylesheets zoals gepubliceerd: {steekproef} berichten in {t0:.1f} s "
        f"({t0 / steekproef * 1000:.2f} ms per bericht; CPU-tijd {cpu0:.1f} s)"
    )
    print(f"belasting na afloop: {os.getloadavg()}")


if __name__ == "__main__":
    main()
