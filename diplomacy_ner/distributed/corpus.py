"""``extract_corpus``: a corpus streamed through a Dask cluster into one Parquet file, in input order."""

from __future__ import annotations

import itertools
import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow.parquet as pq

from ..errors import Errors
from .inputs import ArticleRecord, check_inputs, count_articles, read_articles
from .rows import MEETING_ROWS_SCHEMA, Row, rows_to_table
from .settings import (
    DEFAULT_BATCH_SIZE,
    DEFAULT_PARTITION_SIZE,
    DEFAULT_PARTITIONS_IN_FLIGHT,
    DEFAULT_RETRIES,
    PLUGIN_NAME,
    ROW_GROUP_ROWS,
)
from .workers import ExtractorPlugin, extract_partition, extractor_options_key

if TYPE_CHECKING:
    from distributed import Client

logger = logging.getLogger("diplomacy_ner")


@dataclass
class CorpusReport:
    """What :func:`extract_corpus` did.

    documents (int): articles read (each has at least one row).
    failed (int): articles that came out as an error row.
    meetings (int): meetings found.
    rows (int): rows written.
    seconds (float): wall-clock time, cluster start-up included.
    output (Path): the Parquet file.
    errors (list[tuple[str | None, str]]): (article id, message) of each failed article.
    """

    documents: int
    failed: int
    meetings: int
    rows: int
    seconds: float
    output: Path
    errors: list[tuple[str | None, str]] = field(default_factory=list)

    @property
    def documents_per_second(self) -> float:
        """Throughput of the run, start-up included."""
        return self.documents / self.seconds if self.seconds > 0 else 0.0


def local_cluster(n_workers: int = 2) -> Any:
    """A ``distributed.LocalCluster`` of worker processes on 127.0.0.1, as ``extract_corpus`` starts it.

    One thread per worker (the pipeline is not shared between threads), no dashboard.
    The scheduler's HTTP endpoint (health, metrics) listens on a free loopback port, so
    two local runs never fight over port 8787.

    n_workers (int): worker processes.
    RETURNS (distributed.LocalCluster): the cluster; close it (or use it as a context manager).
    """
    from distributed import LocalCluster

    return LocalCluster(
        n_workers=n_workers,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"},
    )


@contextmanager
def _connect(scheduler: str, n_workers: int) -> Iterator[Client]:
    from distributed import Client

    if scheduler == "local":
        with local_cluster(n_workers) as cluster, Client(cluster) as client:
            yield client
    else:
        with Client(scheduler) as client:
            yield client


def _partitions(records: Iterator[ArticleRecord], size: int) -> Iterator[list[ArticleRecord]]:
    while chunk := list(itertools.islice(records, size)):
        yield chunk


class _ProgressBar:
    """A rich progress bar on stderr, counting articles (a no-op when disabled)."""

    def __init__(self, enabled: bool, total: int | None):
        self._bar: Any = None
        self._task: Any = None
        if enabled:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self._bar = Progress(
                TextColumn("[progress.description]{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                console=Console(stderr=True),
            )
            self._task = self._bar.add_task("starting workers", total=total)

    def __enter__(self) -> _ProgressBar:
        if self._bar is not None:
            self._bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()

    def describe(self, description: str) -> None:
        if self._bar is not None:
            self._bar.update(self._task, description=description)

    def advance(self, articles: int) -> None:
        if self._bar is not None:
            self._bar.advance(self._task, articles)


def extract_corpus(
    inputs: list[Path],
    output: Path,
    *,
    scheduler: str = "local",
    n_workers: int = 2,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    progress: bool = True,
    gate: bool = True,
) -> CorpusReport:
    """Extract the meetings of a corpus on a Dask cluster and write them to Parquet.

    inputs (list[Path]): article files (``.jsonl`` with ``text``, ``id``, ``published``;
        ``.txt``, ``.md``, ``.html``, ``.htm``) or directories of them, read by
        :mod:`diplomacy_ner.readers` (the same documents and ids as ``extract``).
    output (Path): the Parquet file to write (replaced if it exists).
    scheduler (str): "local" to start a ``LocalCluster`` of ``n_workers`` processes on
        127.0.0.1, or a scheduler address such as "tcp://10.0.0.5:8786".
    n_workers (int): worker processes of the local cluster (ignored with an address).
    partition_size (int): articles per task.
    progress (bool): show a progress bar on stderr.
    gate (bool): skip the statistical model for articles the meeting gate rules out
        (see :mod:`diplomacy_ner.gate`).
    RETURNS (CorpusReport): counts, timing, the failed articles.
    """
    if not isinstance(partition_size, int) or isinstance(partition_size, bool) or partition_size < 1:
        raise ValueError(Errors.D034.format(name="partition_size", value=partition_size))
    if scheduler == "local" and (not isinstance(n_workers, int) or n_workers < 1):
        raise ValueError(Errors.D034.format(name="n_workers", value=n_workers))
    start = time.perf_counter()
    output = Path(output)
    inputs = [Path(p) for p in inputs]
    check_inputs(inputs)  # fail on a missing or unsupported input before starting a cluster
    records = read_articles(inputs)
    total = count_articles(inputs) if progress else None
    options_key = extractor_options_key()
    report = CorpusReport(documents=0, failed=0, meetings=0, rows=0, seconds=0.0, output=output)
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(output.name + ".partial")
    try:
        with (
            _connect(scheduler, n_workers) as client,
            pq.ParquetWriter(partial, MEETING_ROWS_SCHEMA) as writer,
            _ProgressBar(progress, total) as bar,
        ):
            bar.describe("loading the pipeline on the workers")
            client.register_plugin(ExtractorPlugin(options_key), name=PLUGIN_NAME)
            bar.describe("articles")
            pending: list[Row] = []
            for size, rows in _stream(client, records, options_key, partition_size, gate=gate):
                _account(report, size, rows)
                pending.extend(rows)
                if len(pending) >= ROW_GROUP_ROWS:
                    writer.write_table(rows_to_table(pending))
                    pending = []
                bar.advance(size)
            if pending or report.rows == 0:
                writer.write_table(rows_to_table(pending))
        partial.replace(output)
    finally:
        partial.unlink(missing_ok=True)
    report.seconds = time.perf_counter() - start
    logger.info(
        "extract_corpus: %d documents (%d failed), %d meetings, %d rows in %.1f s -> %s",
        report.documents,
        report.failed,
        report.meetings,
        report.rows,
        report.seconds,
        output,
    )
    return report


def _stream(
    client: Client, records: Iterator[ArticleRecord], options_key: str, partition_size: int, *, gate: bool = True
) -> Iterator[tuple[int, list[Row]]]:
    """Submit partitions with a bounded window; yield (articles, rows) in input order."""
    from dask.base import tokenize
    from distributed import as_completed

    threads = sum(client.nthreads().values()) or 1
    window = max(2, DEFAULT_PARTITIONS_IN_FLIGHT * threads)
    partitions = enumerate(_partitions(records, partition_size))
    sizes: dict[int, int] = {}
    numbers: dict[Any, int] = {}
    done: dict[int, list[Row]] = {}
    next_out = 0
    running = as_completed(with_results=True)

    def submit() -> bool:
        item = next(partitions, None)
        if item is None:
            return False
        number, chunk = item
        key = f"diplomacy-ner-partition-{number}-{tokenize(chunk, options_key, gate)}"
        future = client.submit(
            extract_partition, chunk, options_key, DEFAULT_BATCH_SIZE, gate, key=key, retries=DEFAULT_RETRIES
        )
        sizes[number] = len(chunk)
        numbers[future.key] = number
        running.add(future)
        return True

    for _ in range(window):
        if not submit():
            break
    while not running.is_empty():
        future, rows = next(running)
        done[numbers.pop(future.key)] = rows
        future.release()
        submit()
        while next_out in done:
            yield sizes.pop(next_out), done.pop(next_out)
            next_out += 1


def _account(report: CorpusReport, documents: int, rows: list[Row]) -> None:
    report.documents += documents
    report.rows += len(rows)
    for row in rows:
        if row["error"] is not None:
            report.failed += 1
            report.errors.append((row["article_id"], row["error"]))
        elif row["meeting_index"] is not None and not row["participant_index"]:
            report.meetings += 1
