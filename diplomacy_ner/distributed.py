"""Corpus-scale extraction on a Dask cluster, written to one Parquet table.

``extract_corpus`` reads articles from JSONL files (fields ``text``, ``id``,
``published``) or directories of ``.txt``/``.md`` files, sends them to a Dask
cluster in partitions, runs each partition through :meth:`Extractor.pipe` on a
pipeline that every worker process builds once, and streams the rows back into
a single Parquet file in input order. ``extract_bag`` and ``extract_dataframe``
do the same for users who already hold a Dask bag or dataframe of articles.

Install with ``pip install diplomacy-ner[dask]`` on the client and on every worker.

The table (``MEETING_ROWS_SCHEMA``) has one row per participant per meeting, plus
one row per article that yielded no meeting (``meeting_index`` null) and one row
per article that failed (``error`` set), so that every input article appears at
least once and ``count(distinct article_id)`` is the number of articles read.

=====================  ==============  ===========================================================
column                 type            meaning
=====================  ==============  ===========================================================
article_id             string          the article's ``id`` (JSONL), ``file:line`` when a JSONL line
                                       has no id, or the path relative to the input directory
published              date32          publication date of the article (null when unknown or failed)
meeting_index          int32           position of the meeting in the article; null on an article
                                       with no meeting and on an error row
status                 string          ``held``, ``planned`` or ``cancelled``
kind                   string          ``in_person``, ``call`` or ``video``
date                   date32          the resolved date of the meeting
location_name          string          city or venue
location_country       string          ISO 3166-1 alpha-2 code of the location's country
host_name              string          the host's name (null on neutral ground or unnamed host)
host_country           string          the host's country code or body acronym
topics                 list<string>    topic keys (see the topic lexicon)
bodies                 list<string>    knowledge-base ids of the bodies mentioned (``body:ONU``)
agreements             list<string>    knowledge-base ids of the agreements mentioned
participant_index      int32           position of the participant in the meeting
participant_name       string          full canonical name (null for an unnamed official)
participant_role       string          office held at the time, as the text writes it
participant_country    string          ISO alpha-2 code of the state represented, or a body acronym
participant_id         string          entity id of the person
is_host                bool            the participant is the meeting's host
confidence             float64         the meeting's confidence, 0 to 1
evidence_start         int64           start offset of the first evidence sentence in the article
evidence_end           int64           end offset (exclusive) of that sentence
error                  string          why the article failed, e.g. ``TypeError: [D001] Expected the article
                                       text as a str, got int`` or ``[D010] a.jsonl:7: invalid JSON: ...``;
                                       null on every other row
=====================  ==============  ===========================================================

Meeting-level columns repeat on each participant row. Offsets are character
offsets into the article text as read.

Design notes:

- The pipeline is built once per worker process by :func:`worker_extractor`, a
  process-level cache keyed by the extractor options; ``extract_corpus`` registers
  :class:`ExtractorPlugin` so that every worker (including one that joins later)
  builds it at start-up, off the event loop, rather than inside its first task.
  Tasks ship only article records and an options key, never the pipeline.
- Calls on one worker's pipeline are serialised by a lock (spaCy pipelines are
  not documented as thread-safe): start workers with one thread each and add
  processes instead (``dask worker --nworkers N --nthreads 1``).
- ``extract_corpus`` streams: it keeps a bounded number of partitions in flight,
  so neither the client nor the scheduler holds the corpus, and it writes the
  Parquet file in input order. The file is written under a temporary name and
  renamed at the end, so an interrupted run leaves no half-written table.
"""

from __future__ import annotations

import itertools
import json
import logging
import os
import threading
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

try:
    import pyarrow as pa
    import pyarrow.parquet as pq
except ImportError as err:  # pragma: no cover - depends on the environment
    raise ImportError(
        "diplomacy_ner.distributed needs pyarrow, dask and distributed: pip install 'diplomacy-ner[dask]'"
    ) from err

from .api import Extractor
from .errors import Errors
from .schema import DocumentResult, Meeting, Participant

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    from distributed import Client

logger = logging.getLogger("diplomacy_ner")

#: Articles per Dask partition (one task each).
DEFAULT_PARTITION_SIZE = 64
#: Documents per spaCy batch inside a partition.
DEFAULT_BATCH_SIZE = 32
#: How often Dask re-runs a partition whose task raised (a lost worker's tasks are
#: rescheduled by the scheduler regardless, up to ``distributed.scheduler.allowed-failures``).
DEFAULT_RETRIES = 2
#: Partitions in flight per worker thread while streaming.
DEFAULT_PARTITIONS_IN_FLIGHT = 3
#: Rows per Parquet row group (partitions are small; row groups should not be).
ROW_GROUP_ROWS = 65_536
#: Name under which :class:`ExtractorPlugin` is registered on the workers.
PLUGIN_NAME = "diplomacy-ner-extractor"
#: File suffixes read from an input directory.
DIRECTORY_SUFFIXES = (".txt", ".md")

MEETING_ROWS_SCHEMA = pa.schema(
    [
        pa.field("article_id", pa.string()),
        pa.field("published", pa.date32()),
        pa.field("meeting_index", pa.int32()),
        pa.field("status", pa.string()),
        pa.field("kind", pa.string()),
        pa.field("date", pa.date32()),
        pa.field("location_name", pa.string()),
        pa.field("location_country", pa.string()),
        pa.field("host_name", pa.string()),
        pa.field("host_country", pa.string()),
        pa.field("topics", pa.list_(pa.string())),
        pa.field("bodies", pa.list_(pa.string())),
        pa.field("agreements", pa.list_(pa.string())),
        pa.field("participant_index", pa.int32()),
        pa.field("participant_name", pa.string()),
        pa.field("participant_role", pa.string()),
        pa.field("participant_country", pa.string()),
        pa.field("participant_id", pa.string()),
        pa.field("is_host", pa.bool_()),
        pa.field("confidence", pa.float64()),
        pa.field("evidence_start", pa.int64()),
        pa.field("evidence_end", pa.int64()),
        pa.field("error", pa.string()),
    ],
    metadata={b"diplomacy_ner.table": b"meeting_rows", b"diplomacy_ner.schema_version": b"1"},
)

ArticleRecord = dict[str, Any]
Row = dict[str, Any]


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


# -- reading articles ------------------------------------------------------------------
def read_articles(inputs: Sequence[str | Path]) -> Iterator[ArticleRecord]:
    """Read article records, lazily and in a deterministic order.

    A JSONL line gives ``{"id", "text", "published"}``; a line that is not valid JSON
    or not an object gives a record with ``error`` set (it becomes an error row, it
    does not stop the run). A directory gives its ``.txt``/``.md`` files, sorted,
    with the path relative to the directory as id; other files in it are skipped.

    inputs (Sequence[str | Path]): JSONL files, ``.txt``/``.md`` files or directories.
    YIELDS (dict): ``{"id": str, "text": object, "published": object}``, plus
        ``"error": str`` for a record that could not be read.
    """
    for raw in inputs:
        path = Path(raw)
        if not path.exists():
            raise FileNotFoundError(Errors.D014.format(path=path))
        if path.is_dir():
            files = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in DIRECTORY_SUFFIXES
            )
            for file in files:
                yield _read_text_file(file, file.relative_to(path).as_posix())
        elif path.suffix.lower() == ".jsonl":
            yield from _read_jsonl(path)
        elif path.suffix.lower() in DIRECTORY_SUFFIXES:
            yield _read_text_file(path, path.name)
        else:
            raise ValueError(Errors.D050.format(path=path))


def check_inputs(inputs: Sequence[str | Path]) -> None:
    """Raise unless every input exists and is a directory, a JSONL, ``.txt`` or ``.md`` file.

    inputs (Sequence[str | Path]): the paths given to :func:`read_articles`.
    """
    for raw in inputs:
        path = Path(raw)
        if not path.exists():
            raise FileNotFoundError(Errors.D014.format(path=path))
        if not path.is_dir() and path.suffix.lower() not in (".jsonl", *DIRECTORY_SUFFIXES):
            raise ValueError(Errors.D050.format(path=path))


def _read_text_file(path: Path, article_id: str) -> ArticleRecord:
    try:
        text: str | None = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        return {"id": article_id, "text": None, "published": None, "error": f"{path}: {err}"}
    return {"id": article_id, "text": text, "published": None}


def _read_jsonl(path: Path) -> Iterator[ArticleRecord]:
    with path.open(encoding="utf-8") as lines:
        for line_no, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            fallback_id = f"{path.name}:{line_no}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                message = Errors.D010.format(path=path, line=line_no, msg=err.msg)
                yield {"id": fallback_id, "text": None, "published": None, "error": message}
                continue
            if not isinstance(obj, dict):
                message = Errors.D012.format(path=path, line=line_no, type_name=type(obj).__name__)
                yield {"id": fallback_id, "text": None, "published": None, "error": message}
                continue
            article_id = obj.get("id")
            yield {
                "id": fallback_id if article_id is None else str(article_id),
                "text": obj.get("text"),
                "published": obj.get("published"),
            }


def count_articles(inputs: Sequence[str | Path]) -> int:
    """Count the records :func:`read_articles` will yield, without parsing them.

    RETURNS (int): non-blank JSONL lines plus readable text files.
    """
    total = 0
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            total += sum(1 for p in path.rglob("*") if p.is_file() and p.suffix.lower() in DIRECTORY_SUFFIXES)
        elif path.suffix.lower() == ".jsonl":
            with path.open(encoding="utf-8") as lines:
                total += sum(1 for line in lines if line.strip())
        else:
            total += 1
    return total


# -- rows --------------------------------------------------------------------------------
def meeting_rows(result: DocumentResult) -> list[Row]:
    """Flatten one document's result into rows of :data:`MEETING_ROWS_SCHEMA`.

    result (DocumentResult): a record yielded by :meth:`Extractor.pipe`.
    RETURNS (list[dict]): one row per participant per meeting; a single row with
        ``meeting_index`` null for an article without meetings; a single row with
        ``error`` set for a failed article.
    """
    if result.error is not None or result.analysis is None:
        return [error_row(result.id, _article_error(result.id, result.error or "no analysis"))]
    analysis = result.analysis
    if not analysis.meetings:
        return [_empty_row(result.id, published=analysis.published)]
    rows: list[Row] = []
    for meeting_index, meeting in enumerate(analysis.meetings):
        base = _meeting_columns(result.id, meeting)
        base["published"] = analysis.published
        base["meeting_index"] = meeting_index
        if not meeting.participants:
            rows.append(base)
            continue
        for participant_index, participant in enumerate(meeting.participants):
            rows.append(
                {
                    **base,
                    "participant_index": participant_index,
                    "participant_name": participant.name,
                    "participant_role": participant.role,
                    "participant_country": participant.country,
                    "participant_id": participant.id,
                    "is_host": _is_host(participant, meeting.host),
                }
            )
    return rows


def _article_error(article_id: str | None, message: str) -> str:
    """Drop ``pipe``'s "[D030] Document <n> (<id>) failed: " wrapper.

    Its <n> is the position in one ``pipe`` call, i.e. in one partition: it would make
    the rows depend on the partitioning, and ``article_id`` already names the article.
    """
    head = Errors.D030.format(index="\x00", doc_id=article_id, error="\x01").split("\x01")[0]
    before, after = head.split("\x00")
    if not message.startswith(before):
        return message
    rest = message[len(before) :]
    digits = len(rest) - len(rest.lstrip("0123456789"))
    if digits and rest[digits:].startswith(after):
        return rest[digits + len(after) :]
    return message


def error_row(article_id: str | None, message: str) -> Row:
    """The row of an article that could not be processed.

    article_id (str | None): the article's id.
    message (str): why it failed.
    RETURNS (dict): a row with every column null but ``article_id`` and ``error``.
    """
    row = _empty_row(article_id)
    row["error"] = message
    return row


def _empty_row(article_id: str | None, *, published: Any = None) -> Row:
    row: Row = dict.fromkeys(MEETING_ROWS_SCHEMA.names)
    row["article_id"] = article_id
    row["published"] = published
    return row


def _meeting_columns(article_id: str | None, meeting: Meeting) -> Row:
    row = _empty_row(article_id)
    host = meeting.host
    evidence = meeting.evidence[0] if meeting.evidence else None
    row.update(
        status=meeting.status,
        kind=meeting.kind,
        date=meeting.date,
        location_name=meeting.location.name if meeting.location else None,
        location_country=meeting.location.country if meeting.location else None,
        host_name=host.name if host else None,
        host_country=host.country if host else None,
        topics=list(meeting.topics),
        bodies=[ref.id for ref in meeting.bodies],
        agreements=[ref.id for ref in meeting.agreements],
        confidence=meeting.confidence,
        evidence_start=evidence.start if evidence else None,
        evidence_end=evidence.end if evidence else None,
    )
    return row


def _is_host(participant: Participant, host: Participant | None) -> bool:
    if host is None:
        return False
    if participant.id is not None and host.id is not None:
        return participant.id == host.id
    return (participant.name, participant.role, participant.country) == (host.name, host.role, host.country)


def rows_to_table(rows: Iterable[Row]) -> pa.Table:
    """Build an Arrow table with :data:`MEETING_ROWS_SCHEMA` from row dicts.

    RETURNS (pyarrow.Table): the rows, typed.
    """
    return pa.Table.from_pylist(list(rows), schema=MEETING_ROWS_SCHEMA)


# -- the per-worker pipeline --------------------------------------------------------------
_extractors: dict[str, Extractor] = {}
_extractor_builds = 0
_build_lock = threading.Lock()
_pipe_lock = threading.Lock()


def extractor_options_key(options: Mapping[str, Any] | None = None) -> str:
    """A canonical, JSON string key for :class:`Extractor` keyword arguments.

    options (Mapping | None): e.g. ``{"kb_files": ["my_people.jsonl"]}``; paths must
        be readable on every worker.
    RETURNS (str): the key :func:`worker_extractor` builds from.
    """

    def plain(value: Any) -> Any:
        if isinstance(value, os.PathLike):
            return os.fspath(value)
        if isinstance(value, (list, tuple)):
            return [plain(v) for v in value]
        return value

    return json.dumps({k: plain(v) for k, v in (options or {}).items()}, sort_keys=True)


def worker_extractor(options_key: str = "{}") -> Extractor:
    """The :class:`Extractor` of this process for ``options_key``, built on first use.

    options_key (str): from :func:`extractor_options_key`.
    RETURNS (Extractor): the cached extractor.
    """
    global _extractor_builds
    extractor = _extractors.get(options_key)
    if extractor is None:
        with _build_lock:
            extractor = _extractors.get(options_key)
            if extractor is None:
                logger.info("Building the diplomacy_ner pipeline in process %d", os.getpid())
                extractor = Extractor(**json.loads(options_key))
                _extractors[options_key] = extractor
                _extractor_builds += 1
    return extractor


def worker_extractor_builds() -> int:
    """How many pipelines this process has built (for ``client.run``; 1 when all is well).

    RETURNS (int): the number of builds since the process started.
    """
    return _extractor_builds


try:
    from distributed.diagnostics.plugin import WorkerPlugin as _WorkerPluginBase
except ImportError:  # pragma: no cover - the module is usable for rows without distributed
    _WorkerPluginBase = object  # type: ignore[assignment,misc]


class ExtractorPlugin(_WorkerPluginBase):  # type: ignore[misc,valid-type]
    """A Dask worker plugin that builds the pipeline when a worker starts.

    Registered by :func:`extract_corpus`; register it yourself before computing an
    :func:`extract_bag` result to pay the model load at start-up instead of in the
    first task: ``client.register_plugin(ExtractorPlugin(), name=PLUGIN_NAME)``.

    options_key (str): from :func:`extractor_options_key`.
    """

    idempotent = False

    def __init__(self, options_key: str = "{}"):
        self.options_key = options_key

    async def setup(self, worker: Any) -> None:
        import asyncio

        # the load takes seconds: keep it off the worker's event loop (heartbeats)
        await asyncio.get_running_loop().run_in_executor(None, worker_extractor, self.options_key)


# -- partitions -------------------------------------------------------------------------
def _as_record(item: Any) -> ArticleRecord:
    if isinstance(item, Mapping):
        return dict(item)
    if isinstance(item, tuple) and len(item) == 3:
        article_id, text, published = item
        return {"id": article_id, "text": text, "published": published}
    return {"id": None, "text": item, "published": None}


def extract_partition(
    records: Iterable[Any], options_key: str = "{}", batch_size: int = DEFAULT_BATCH_SIZE, gate: bool = True
) -> list[Row]:
    """Extract the rows of one partition of articles, in input order (runs on a worker).

    records (Iterable): dicts with ``text``, ``id``, ``published`` (and optionally
        ``error``), or ``(id, text, published)`` tuples.
    options_key (str): which pipeline to use, from :func:`extractor_options_key`.
    batch_size (int): documents per spaCy batch.
    gate (bool): skip the statistical model for articles the meeting gate rules out
        (see :mod:`diplomacy_ner.gate`); the rows are meetings only, so this is the default.
    RETURNS (list[dict]): rows of :data:`MEETING_ROWS_SCHEMA`.
    """
    articles = [_as_record(item) for item in records]
    extractor = worker_extractor(options_key)
    rows_by_position: dict[int, list[Row]] = {}
    todo: list[tuple[Any, dict[str, Any]]] = []
    for position, article in enumerate(articles):
        article_id = None if article.get("id") is None else str(article["id"])
        if article.get("error"):
            rows_by_position[position] = [error_row(article_id, str(article["error"]))]
        else:
            todo.append(
                (
                    article.get("text"),
                    {"id": article_id, "published": article.get("published"), "position": position},
                )
            )
    with _pipe_lock:
        for position, rows in _pipe_rows(extractor, todo, batch_size, gate=gate):
            rows_by_position[position] = rows
    return [row for position in range(len(articles)) for row in rows_by_position[position]]


def _pipe_rows(
    extractor: Extractor, items: list[tuple[Any, dict[str, Any]]], batch_size: int, *, gate: bool = True
) -> Iterator[tuple[int, list[Row]]]:
    try:
        results = list(extractor.pipe(items, batch_size=batch_size, as_tuples=True, meetings_only=gate))
    except Exception as err:
        # ``pipe`` turns failing documents into error records; if the batch as a whole
        # raised, isolate the culprit by processing the documents one at a time
        logger.warning("A batch of %d documents raised (%s); retrying one by one", len(items), err)
        isolated: list[tuple[int, list[Row]]] = []
        raised = 0
        for item in items:
            context = item[1]
            try:
                [(result, _)] = list(extractor.pipe([item], batch_size=1, as_tuples=True, meetings_only=gate))
            except Exception as doc_err:
                raised += 1
                message = f"{type(doc_err).__name__}: {doc_err}"
                isolated.append((context["position"], [error_row(context["id"], message)]))
            else:
                isolated.append((context["position"], meeting_rows(result)))
        if len(items) > 1 and raised == len(items):
            # every document raises on its own: the pipeline is broken, not the data.
            # Fail the task (Dask retries it, then reports) instead of writing a table of errors.
            raise err
        yield from isolated
        return
    for result, context in results:
        yield context["position"], meeting_rows(result)


def extract_bag(
    bag: dask.bag.Bag,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    extractor_options: Mapping[str, Any] | None = None,
    gate: bool = True,
) -> dask.bag.Bag:
    """Extraction over your own Dask bag of articles.

    Each partition goes through :meth:`Extractor.pipe` on the worker's cached
    pipeline (:func:`worker_extractor`). Write the result with
    ``rows_to_table(bag.compute())`` or go through :func:`extract_dataframe`.

    bag (dask.bag.Bag): dicts with ``text``, ``id``, ``published``, or
        ``(id, text, published)`` tuples.
    batch_size (int): documents per spaCy batch.
    extractor_options (Mapping | None): keyword arguments of :class:`Extractor`
        (``kb_files``, ``rule_files``, ``topic_files``, ``pipeline``), paths readable on the workers.
    gate (bool): the meeting gate (see :func:`extract_partition`).
    RETURNS (dask.bag.Bag): row dicts of :data:`MEETING_ROWS_SCHEMA`, in input order.
    """
    return bag.map_partitions(extract_partition, extractor_options_key(extractor_options), batch_size, gate)


def _rows_frame(rows: list[Row]) -> Any:
    import pandas as pd

    return rows_to_table(rows).to_pandas(types_mapper=pd.ArrowDtype)


def extract_dataframe(
    frame: dask.dataframe.DataFrame,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    extractor_options: Mapping[str, Any] | None = None,
) -> dask.dataframe.DataFrame:
    """Extraction over a Dask dataframe of articles (columns ``id``, ``text``, ``published``).

    frame (dask.dataframe.DataFrame): the articles.
    batch_size (int): documents per spaCy batch.
    extractor_options (Mapping | None): see :func:`extract_bag`.
    RETURNS (dask.dataframe.DataFrame): the rows, Arrow-typed after
        :data:`MEETING_ROWS_SCHEMA`; ``.to_parquet(directory)`` writes them.
    """
    import dask.dataframe as dd
    import pandas as pd

    columns = [c for c in ("id", "text", "published") if c in frame.columns]
    bag = frame[columns].to_bag(index=False, format="dict")
    rows = extract_bag(bag, batch_size=batch_size, extractor_options=extractor_options)
    meta = MEETING_ROWS_SCHEMA.empty_table().to_pandas(types_mapper=pd.ArrowDtype)
    return dd.from_delayed(rows.map_partitions(_rows_frame).to_delayed(), meta=meta, verify_meta=False)


# -- the corpus runner --------------------------------------------------------------------------
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

    inputs (list[Path]): JSONL files (``text``, ``id``, ``published``), ``.txt``/``.md``
        files, or directories of them (id = path relative to the directory).
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
