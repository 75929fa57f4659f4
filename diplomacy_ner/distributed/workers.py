"""The pipeline of each Dask worker process, and extraction of one partition of articles on it."""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from ..api import Extractor
from .inputs import ArticleRecord
from .rows import MEETING_ROWS_SCHEMA, Row, error_row, meeting_rows, rows_to_table
from .settings import DEFAULT_BATCH_SIZE

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe

logger = logging.getLogger("diplomacy_ner")

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

