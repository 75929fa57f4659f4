"""Documents per second of ``extract_corpus`` on 1 and 2 local Dask workers.

Builds a corpus of at least 200 articles from the shared corpus texts
(``seeds.jsonl``, ``dev.jsonl``, ``dev-wikinews.jsonl``, repeated with fresh ids),
then for each cluster size starts a ``LocalCluster`` on 127.0.0.1, waits until
every worker has built its pipeline (that start-up is timed and printed apart),
and times ``extract_corpus`` over the corpus through the cluster's address. For
reference it also times single-process ``Extractor.pipe`` on the same texts in
this process. Prints docs/s for each, the 2-worker/1-worker ratio, and each
worker's resident memory after the run.

The shared folder is ``../shared`` next to the repository, or ``$DIPLOMACY_SHARED``.

Run: ``python benchmarks/distributed.py`` (``--docs 400`` for a longer run).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# This script shares its name with the `distributed` package: run as a file, its folder
# comes first on sys.path and would shadow the package here and in the worker processes.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or os.curdir).resolve() != _HERE]

from diplomacy_ner.api import Extractor  # noqa: E402
from diplomacy_ner.distributed import (  # noqa: E402
    PLUGIN_NAME,
    ExtractorPlugin,
    extract_corpus,
    extractor_options_key,
    local_cluster,
    read_articles,
    worker_extractor_builds,
)

CORPUS_FILES = ("seeds.jsonl", "dev.jsonl", "dev-wikinews.jsonl")
WORKER_COUNTS = (1, 2)


def shared_dir() -> Path:
    """The shared folder: ``$DIPLOMACY_SHARED``, else ``../shared`` beside the repository."""
    env = os.environ.get("DIPLOMACY_SHARED")
    if env:
        return Path(env)
    return Path(__file__).resolve().parent.parent.parent / "shared"


def build_corpus(path: Path, n_docs: int) -> int:
    """Write ``n_docs`` articles (the shared texts, repeated with fresh ids) to ``path``."""
    corpus = shared_dir() / "corpus"
    records = [r for name in CORPUS_FILES if (corpus / name).exists() for r in read_articles([corpus / name])]
    records = [r for r in records if isinstance(r["text"], str) and r["text"].strip()]
    if not records:
        raise SystemExit(f"No articles found under {corpus}; set DIPLOMACY_SHARED.")
    with path.open("w", encoding="utf-8") as out:
        for i in range(n_docs):
            record = records[i % len(records)]
            item = {
                "id": f"{record['id']}#{i // len(records)}",
                "text": record["text"],
                "published": record["published"],
            }
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    return len(records)


def _timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def _worker_rss() -> int:
    import psutil

    return int(psutil.Process().memory_info().rss)


def _worker_cpu_seconds() -> float:
    import psutil

    times = psutil.Process().cpu_times()
    return float(times.user + times.system)


def run_cluster(corpus: Path, n_workers: int, partition_size: int) -> dict[str, Any]:
    """Time start-up and one extraction run on a fresh local cluster of ``n_workers``."""
    from distributed import Client  # type: ignore[attr-defined]  # mypy takes this file for the package

    start = time.perf_counter()
    with local_cluster(n_workers) as cluster, Client(cluster) as client:
        client.wait_for_workers(n_workers)
        client.register_plugin(ExtractorPlugin(extractor_options_key()), name=PLUGIN_NAME)
        startup = time.perf_counter() - start
        cpu_before = client.run(_worker_cpu_seconds)
        with tempfile.TemporaryDirectory() as tmp:
            seconds, report = _timed(
                lambda: extract_corpus(
                    [corpus],
                    Path(tmp) / "meetings.parquet",
                    scheduler=cluster.scheduler_address,
                    partition_size=partition_size,
                    progress=False,
                )
            )
        cpu_after = client.run(_worker_cpu_seconds)
        builds = client.run(worker_extractor_builds)
        rss = client.run(_worker_rss)
    assert set(builds.values()) == {1}, builds
    return {
        "workers": n_workers,
        "startup": startup,
        "seconds": seconds,
        "documents": report.documents,
        "failed": report.failed,
        "meetings": report.meetings,
        "rows": report.rows,
        "rss_mb": sorted(v / 2**20 for v in rss.values()),
        "cpu_seconds": sum(cpu_after[w] - cpu_before[w] for w in cpu_after),
    }


def run_in_process(corpus: Path) -> tuple[float, float, int]:
    """Time ``Extractor.pipe`` over the corpus in this process (after one warm-up call).

    RETURNS (tuple[float, float, int]): wall seconds, CPU seconds, documents.
    """
    extractor = Extractor()
    items = [(r["text"], {"id": r["id"], "published": r["published"]}) for r in read_articles([corpus])]
    list(extractor.pipe(items[:8], as_tuples=True))
    cpu = time.process_time()
    seconds, results = _timed(lambda: list(extractor.pipe(items, as_tuples=True)))
    return seconds, time.process_time() - cpu, len(results)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=240, help="articles in the corpus (>= 200)")
    parser.add_argument("--partition-size", type=int, default=16, help="articles per Dask task")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        distinct = build_corpus(corpus, args.docs)
        print(
            f"corpus: {args.docs} articles ({distinct} distinct texts), {corpus.stat().st_size / 1e6:.2f} MB"
        )
        print(f"machine: {os.cpu_count()} CPUs; partition size {args.partition_size}")

        print(f"load average before: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")

        seconds, cpu, n = run_in_process(corpus)
        baseline = n / seconds
        print(
            f"in-process Extractor.pipe: {n} docs in {seconds:.1f} s = {baseline:.2f} docs/s "
            f"({n / cpu:.2f} docs per CPU-second)"
        )

        rates: dict[int, float] = {}
        for n_workers in WORKER_COUNTS:
            result = run_cluster(corpus, n_workers, args.partition_size)
            rate = result["documents"] / result["seconds"]
            rates[n_workers] = rate
            rss = ", ".join(f"{mb:.0f}" for mb in result["rss_mb"])
            print(
                f"{n_workers} worker(s): {result['documents']} docs in {result['seconds']:.1f} s = "
                f"{rate:.2f} docs/s ({rate / n_workers:.2f} per worker, "
                f"{result['documents'] / result['cpu_seconds']:.2f} docs per worker CPU-second); "
                f"start-up with model load {result['startup']:.1f} s; {result['failed']} failed, "
                f"{result['meetings']} meetings, {result['rows']} rows; worker RSS {rss} MB"
            )
        print(f"ratio 2 workers / 1 worker: {rates[2] / rates[1]:.2f}x")
        print(f"ratio 1 worker / in-process pipe: {rates[1] / baseline:.2f}x")
        print(f"load average after: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
