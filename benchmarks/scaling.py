"""Speed-up of ``Extractor.pipe(n_process=2)`` over ``n_process=1`` on the same documents.

spaCy forks the worker processes at each ``pipe`` call (Linux) and sends the
documents back serialised, so the timing includes the workers' start-up and
the transfer of every ``Doc`` (with its ``Doc._`` values) to the parent. The
script also prints the time to the first result of each run, to separate the
start-up from the steady rate. Target: >= 1.6x on 2 cores.

Run: ``python benchmarks/scaling.py [--docs 200] [--batch-size 16] [--rounds 2]``
"""

from __future__ import annotations

import argparse
import gc
import time
from collections.abc import Sequence
from typing import Any

from _corpus import describe, load_articles, machine

from diplomacy_ner import Extractor

TARGET_SPEEDUP = 1.6


def timed_pipe(
    extractor: Extractor, items: list[tuple[str, dict[str, Any]]], **options: Any
) -> tuple[float, float, int]:
    """Run ``pipe`` over ``items``.

    RETURNS (tuple[float, float, int]): total seconds, seconds to the first result, failures.
    """
    gc.collect()
    start = time.perf_counter()
    first = 0.0
    failures = 0
    for count, (result, _) in enumerate(extractor.pipe(items, as_tuples=True, **options)):
        if count == 0:
            first = time.perf_counter() - start
        failures += result.error is not None
    return time.perf_counter() - start, first, failures


def main(argv: Sequence[str] | None = None) -> None:
    """Time ``pipe`` with one and two processes and print the speed-up."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=200, help="minimum number of documents")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=2, help="repetitions (best kept)")
    parser.add_argument("--processes", type=int, default=2, help="processes of the parallel run")
    args = parser.parse_args(argv)

    articles = load_articles(args.docs)
    items = [(a.text, {"published": a.published}) for a in articles]
    n = len(items)
    print(f"machine: {machine()}")
    print(f"corpus:  {describe(articles)}")
    print(f"batch size {args.batch_size}, best of {args.rounds} rounds\n")

    extractor = Extractor()
    timed_pipe(extractor, items[:16], batch_size=args.batch_size)  # warm-up

    results: dict[int, tuple[float, float, int]] = {}
    for _ in range(args.rounds):
        for n_process in (1, args.processes):
            run = timed_pipe(extractor, items, batch_size=args.batch_size, n_process=n_process)
            if n_process not in results or run[0] < results[n_process][0]:
                results[n_process] = run
    for n_process, (total, first, failures) in results.items():
        print(
            f"n_process={n_process}: {n / total:7.1f} docs/s  "
            f"({total:.2f} s, first result after {first:.2f} s, "
            f"{failures} failed)"
        )
    speedup = results[1][0] / results[args.processes][0]
    verdict = "meets" if speedup >= TARGET_SPEEDUP else "MISSES"
    print(f"speed-up {args.processes} processes / 1: {speedup:.2f}x   target >= {TARGET_SPEEDUP}x: {verdict}")
    steady_one = (n - 1) / (results[1][0] - results[1][1])
    steady_many = (n - 1) / (results[args.processes][0] - results[args.processes][1])
    print(
        f"after the first result: {steady_one:.1f} vs {steady_many:.1f} docs/s "
        f"({steady_many / steady_one:.2f}x)"
    )


if __name__ == "__main__":
    main()
