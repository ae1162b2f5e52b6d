"""Library search speed: ranked search per keystroke vs a plain substring scan.

Run: python benchmarks/bench_library.py
"""

from __future__ import annotations

import sys
import time

from jdbuilder.library import load_library

QUERIES = ["s", "sh", "sha", "shar", "share", "share st", "share story", "naloxone", "advoc",
           "group facilitation", "family", "wellness recovery action plan", "peer run",
           "justice", "youth employment"]


def main() -> int:
    t = time.perf_counter()
    lib = load_library()
    load = time.perf_counter() - t
    t = time.perf_counter()
    index = lib.index()
    build = time.perf_counter() - t
    texts = [s.text.lower() for s in lib.statements.values()]
    for q in QUERIES:
        index.search(q)
    t = time.perf_counter()
    for _ in range(20):
        for q in QUERIES:
            index.search(q, limit=50)
    ranked = (time.perf_counter() - t) / (20 * len(QUERIES))
    t = time.perf_counter()
    for _ in range(20):
        for q in QUERIES:
            [x for x in texts if q in x]
    scan = (time.perf_counter() - t) / (20 * len(QUERIES))
    print(f"library: {len(lib.statements)} statements loaded in {load:.3f} s; "
          f"index built in {build * 1000:.1f} ms")
    print(f"ranked search: {ranked * 1000:.2f} ms per query (as typed); plain substring scan "
          f"{scan * 1000:.2f} ms; ratio {ranked / scan:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
