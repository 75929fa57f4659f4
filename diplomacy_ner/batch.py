"""The ``pipe`` engine: input items checked, batches run through the pipeline in one
process or a pool of worker processes, one record per item with per-document failures.

:meth:`diplomacy_ner.api.Extractor.pipe` is the public entry; this module does the work
for any object with the :class:`Runner` interface, so it never imports the facade.
"""

from __future__ import annotations

import datetime as dt
import logging
import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, Protocol

from spacy.language import Language
from spacy.tokens import Doc

from .documents import analysis_from_doc, check_iterable, check_text, parse_published
from .errors import Errors
from .gate import MeetingGate
from .schema import Analysis, DocumentResult

__all__ = ["Runner", "failure_record", "pipe_records", "run_components"]

logger = logging.getLogger("diplomacy_ner")


class Runner(Protocol):
    """What the engine needs of an extractor (:class:`diplomacy_ner.api.Extractor` has it)."""

    nlp: Language

    @property
    def lock(self) -> threading.Lock: ...

    @property
    def gate(self) -> MeetingGate: ...

    def reset_lock(self) -> None: ...

    def chunk_limit(self) -> int: ...

    def make_doc(self, text: str, published: dt.date | None = None) -> Doc: ...

    def analyze(self, text: str, *, published: Any = None, gate: bool = False) -> Analysis: ...


def pipe_records(
    runner: Runner,
    texts: Iterable[Any],
    *,
    batch_size: int,
    n_process: int,
    as_tuples: bool,
    published: dt.date | str | None,
    meetings_only: bool,
    gate: bool | None,
) -> Iterator[Any]:
    """The engine of :meth:`Extractor.pipe` (see there): arguments checked now, items processed lazily."""
    if isinstance(texts, str | bytes | bytearray):
        raise TypeError(Errors.D006.format(type_name=type(texts).__name__))
    expected = "an iterable of texts (or of (text, context) tuples with as_tuples=True)"
    check_iterable(texts, "texts", expected)
    if not isinstance(batch_size, int) or isinstance(batch_size, bool) or batch_size < 1:
        raise ValueError(Errors.D032.format(value=batch_size))
    if (
        not isinstance(n_process, int)
        or isinstance(n_process, bool)
        or (n_process < 1 and n_process != -1)
    ):
        raise ValueError(Errors.D033.format(value=n_process))
    default_day = parse_published(published)
    use_gate = meetings_only if gate is None else bool(gate)
    if use_gate:
        runner.gate  # built before any worker forks
    workers = (os.cpu_count() or 1) if n_process == -1 else n_process
    batches = make_batches(_read_items(texts, as_tuples=as_tuples, default_day=default_day), batch_size)
    records = (
        _records(runner, batches, gate=use_gate)
        if workers == 1
        else _records_in_processes(runner, batches, workers, gate=use_gate)
    )
    return ((record, item.context) if as_tuples else record for item, record in records)


def _read_items(
    texts: Iterable[Any], *, as_tuples: bool, default_day: dt.date | None
) -> Iterator[Item]:
    for index, raw in enumerate(texts):
        item = Item(index=index)
        try:
            if as_tuples:
                if not (isinstance(raw, tuple) and len(raw) == 2):
                    raise TypeError(Errors.D031.format(type_name=type(raw).__name__, index=index))
                text, item.context = raw
                context = {} if item.context is None else item.context
                if not isinstance(context, Mapping):
                    kind = type(context).__name__
                    raise TypeError(Errors.D035.format(index=index, kind=kind))
                if context.get("id") is not None:
                    item.doc_id = str(context["id"])
                value = context.get("published")
                blank = value is None or (isinstance(value, str) and not value.strip())
                item.day = default_day if blank else parse_published(value)
            else:
                text, item.day = raw, default_day
            item.text = check_text(text)
        except Exception as err:  # reported as this item's error record
            item.error = err
        yield item


def _records(
    runner: Runner, batches: Iterable[list[Item]], *, gate: bool = False
) -> Iterator[tuple[Item, DocumentResult]]:
    for batch in batches:
        work = [it.work() for it in batch if it.error is None]
        done = {r.index: r for r in analyze_batch(runner, work, gate=gate)}
        for item in batch:
            yield (
                item,
                done[item.index]
                if item.error is None
                else failure_record(item.index, item.doc_id, item.error),
            )


def _records_in_processes(
    runner: Runner, batches: Iterable[list[Item]], workers: int, *, gate: bool = False
) -> Iterator[tuple[Item, DocumentResult]]:
    """Like :func:`_records`, the batches analysed by ``workers`` processes, in order.

    When a worker process dies (killed, out of memory, a crash in native code),
    the documents of the batches it took down are run again one at a time in a
    new pool: the one that kills its worker again gets an error record, the
    others their analysis.
    """
    pool = WorkerPool(runner, workers, gate=gate)
    window: deque[tuple[list[Item], int, Future[list[DocumentResult]] | BaseException | None]] = deque()

    def settle(
        batch: list[Item], generation: int, pending: Future[list[DocumentResult]] | BaseException | None
    ) -> Iterator[tuple[Item, DocumentResult]]:
        done: dict[int, DocumentResult] = {}
        failure: BaseException | None = pending if isinstance(pending, BaseException) else None
        if isinstance(pending, Future):
            try:
                done = {r.index: r for r in pending.result()}
            except Exception as err:  # a worker died or a result could not be sent back
                failure = err
        if isinstance(failure, BrokenProcessPool):
            pool.restart(generation)
            done = {it.index: pool.run_alone(it) for it in batch if it.error is None}
        for item in batch:
            if item.error is not None:
                yield item, failure_record(item.index, item.doc_id, item.error)
            elif item.index in done:
                yield item, done[item.index]
            else:
                error = failure or RuntimeError("no result from the worker process")
                yield item, failure_record(item.index, item.doc_id, error)

    try:
        for batch in batches:
            work = [it.work() for it in batch if it.error is None]
            generation, pending = pool.generation, None
            if work:
                generation, pending = pool.submit(work)
            window.append((batch, generation, pending))
            while len(window) > 2 * workers:
                yield from settle(*window.popleft())
        while window:
            yield from settle(*window.popleft())
    finally:
        pool.close()


def analyze_batch(runner: Runner, work: Sequence[Work], *, gate: bool = False) -> list[DocumentResult]:
    """Analyse checked items (index, id, text, date); one record each, in order.

    gate (bool): items the meeting gate rules out skip the pipeline's components.
    """
    results: dict[int, DocumentResult] = {}
    limit = runner.chunk_limit()
    regular: list[Work] = []
    for index, doc_id, text, day in work:
        if not text.strip():
            results[index] = DocumentResult(
                id=doc_id, index=index, analysis=Analysis(text=text, published=day)
            )
        elif len(text) > limit:
            try:
                results[index] = DocumentResult(
                    id=doc_id, index=index, analysis=runner.analyze(text, published=day, gate=gate)
                )
            except Exception as err:
                results[index] = failure_record(index, doc_id, err)
        else:
            regular.append((index, doc_id, text, day))
    tokenized: list[tuple[Work, Doc]] = []
    with runner.lock:
        for entry in regular:
            try:
                # no tokenizer when no word of the text can be a cue
                reason = runner.gate.text_skip_reason(entry[2]) if gate else None
                if reason is None:
                    doc = runner.make_doc(entry[2], entry[3])
                    reason = runner.gate.skip_reason(doc) if gate else None
            except Exception as err:
                results[entry[0]] = failure_record(entry[0], entry[1], err, component="tokenizer")
                continue
            if reason is not None:
                skipped = Analysis(text=entry[2], published=entry[3], skipped=reason)
                results[entry[0]] = DocumentResult(id=entry[1], index=entry[0], analysis=skipped)
            else:
                tokenized.append((entry, doc))
        docs = [doc for _, doc in tokenized]
        failures = run_components(runner.nlp, docs, batch_size=max(1, len(docs)))
    for ((index, doc_id, text, day), _), doc, failure in zip(tokenized, docs, failures, strict=True):
        if failure is not None:
            results[index] = failure_record(index, doc_id, failure[1], component=failure[0])
            continue
        try:
            results[index] = DocumentResult(
                id=doc_id, index=index, analysis=analysis_from_doc(doc, text, day)
            )
        except Exception as err:  # a malformed component result must not stop the batch
            results[index] = failure_record(index, doc_id, err)
    return [results[index] for index, _, _, _ in work]


def run_components(nlp: Language, docs: list[Doc], batch_size: int) -> list[tuple[str, Exception] | None]:
    """Run the pipeline's components over ``docs`` (tokenized), keeping every document.

    Like ``nlp.pipe`` with one difference: a document a component fails on is
    set aside with its error and the others go on (spaCy's error handlers drop
    the failing document, or its whole batch, from the stream). A batch that a
    component's ``pipe`` fails on is run again one document at a time to find
    the culprit. ``docs`` is updated in place.

    RETURNS (list[tuple[str, Exception] | None]): per document, (component, error) or None.
    """
    failures: list[tuple[str, Exception] | None] = [None] * len(docs)
    for name, proc in nlp.pipeline:
        live = [i for i, failure in enumerate(failures) if failure is None]
        if not live:
            break
        if hasattr(proc, "pipe") and len(live) > 1:
            batch = [docs[i] for i in live]
            try:
                out = list(proc.pipe(batch, batch_size=batch_size))
            except Exception:  # one document of the batch failed: find it below
                logger.debug("component %r failed on a batch; running it one document at a time", name)
                out = []
            if len(out) == len(batch) and all(isinstance(doc, Doc) for doc in out):
                for i, doc in zip(live, out, strict=True):
                    docs[i] = doc
                continue
        for i in live:
            try:
                doc = proc(docs[i])
            except Exception as err:
                failures[i] = (name, err)
                continue
            if not isinstance(doc, Doc):
                failures[i] = (name, TypeError(f"the component returned {type(doc).__name__}, not a Doc"))
                continue
            docs[i] = doc
    return failures


def failure_record(
    index: int, doc_id: str | None, error: BaseException, component: str | None = None
) -> DocumentResult:
    where = f" in component {component!r}" if component else ""
    message = Errors.D030.format(index=index, doc_id=doc_id, error=f"{type(error).__name__}{where}: {error}")
    logger.warning("%s", message)
    return DocumentResult(id=doc_id, index=index, error=message)


@dataclass(slots=True)
class Item:
    """One input item of ``Extractor.pipe``, read and checked."""

    index: int
    context: Any = None
    doc_id: str | None = None
    text: str | None = None
    day: dt.date | None = None
    error: Exception | None = None

    def work(self) -> Work:
        assert self.text is not None
        return (self.index, self.doc_id, self.text, self.day)


#: What a batch worker needs of an item: (index, id, text, publication date).
Work = tuple[int, str | None, str, dt.date | None]


def make_batches(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    batch: list[Item] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class WorkerPool:
    """The worker processes of ``Extractor.pipe(n_process=...)``, started again when one dies."""

    def __init__(self, runner: Runner, workers: int, *, gate: bool = False):
        self.runner = runner
        self.workers = workers
        self.gate = gate
        self.generation = 0
        self._pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context(),
            initializer=_init_worker,
            initargs=(self.runner,),
        )

    def submit(self, work: list[Work]) -> tuple[int, Future[list[DocumentResult]] | BaseException]:
        """Send a batch; RETURNS (generation of the pool, future or the error of a broken pool)."""
        for _ in range(2):
            generation = self.generation
            try:
                # workers fork at the first submission: fork a pipeline at rest
                with self.runner.lock:
                    return generation, self._pool.submit(_analyze_in_worker, work, self.gate)
            except BrokenProcessPool as err:  # broken by an earlier batch: start again, once
                self.restart(generation)
                error = err
        return self.generation, error

    def restart(self, generation: int) -> None:
        """Replace the pool if it is still the one of ``generation``."""
        if generation == self.generation:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = self._start()
            self.generation += 1

    def run_alone(self, item: Item) -> DocumentResult:
        """One document in a batch of its own, to tell the one that kills its worker."""
        generation, pending = self.submit([item.work()])
        try:
            if isinstance(pending, BaseException):
                raise pending
            return pending.result()[0]
        except Exception as err:
            if isinstance(err, BrokenProcessPool):
                self.restart(generation)
            return failure_record(item.index, item.doc_id, err)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


#: The runner of a worker process of ``Extractor.pipe(n_process=...)``.
_worker_runner: Runner | None = None


def _init_worker(runner: Runner) -> None:
    global _worker_runner
    # a forked child inherits the parent's lock in whatever state it was: start afresh
    runner.reset_lock()
    _worker_runner = runner


def _analyze_in_worker(work: list[Work], gate: bool = False) -> list[DocumentResult]:
    assert _worker_runner is not None, "worker not initialised"
    return analyze_batch(_worker_runner, work, gate=gate)
