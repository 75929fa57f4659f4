"""The public facade: :class:`Extractor` and the cached default instance.

``analyze`` and ``extract_meetings`` build the default pipeline once and reuse
it. ``Extractor`` is the configurable object behind them: custom knowledge and
rule files, a saved pipeline, batches with ``pipe``.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Literal, overload

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import DocumentError, Errors
from .extensions import register_extensions
from .schema import Analysis, DocumentResult, Entity, Meeting, MeetingStatus

logger = logging.getLogger("diplomacy_ner")

#: Texts longer than this are cut into paragraph-aligned chunks (spaCy's parser
#: needs about 1 GB of memory per 100,000 characters).
DEFAULT_CHUNK_CHARS = 100_000
_ERROR_KEY = "diplomacy_ner_error"


def parse_published(value: object) -> dt.date | None:
    """Read a publication date given as a date, a datetime, an ISO string or None.

    value (object): the value to read.
    RETURNS (date | None): the date.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        stripped = value.strip()
        if not stripped:
            return None
        try:
            return dt.date.fromisoformat(stripped[:10]) if len(stripped) >= 10 else dt.date.fromisoformat(stripped)
        except ValueError:
            try:
                return dt.datetime.fromisoformat(stripped).date()
            except ValueError:
                raise ValueError(Errors.D002.format(value=value)) from None
    raise ValueError(Errors.D002.format(value=value)) if isinstance(value, (int, float)) else TypeError(
        Errors.D003.format(type_name=type(value).__name__)
    )


def check_text(text: object) -> str:
    """Raise a clear ``TypeError`` unless ``text`` is a str."""
    if not isinstance(text, str):
        raise TypeError(Errors.D001.format(type_name=type(text).__name__))
    return text


def split_long_text(text: str, max_chars: int) -> list[tuple[int, str]]:
    """Cut ``text`` into chunks of at most ``max_chars``, at paragraph breaks where possible.

    RETURNS (list[tuple[int, str]]): (offset of the chunk in ``text``, chunk).
    """
    chunks: list[tuple[int, str]] = []
    start = 0
    n = len(text)
    while start < n:
        end = min(start + max_chars, n)
        if end < n:
            cut = -1
            for sep in ("\n\n", "\n", ". ", " "):
                cut = text.rfind(sep, start + max_chars // 2, end)
                if cut != -1:
                    end = cut + len(sep)
                    break
        chunks.append((start, text[start:end]))
        start = end
    return chunks


def _record_error(proc_name: str, proc: Any, docs: list[Doc], error: Exception) -> None:
    """spaCy error handler used by ``Extractor.pipe``: mark the failing docs, keep going."""
    for doc in docs:
        doc.user_data[_ERROR_KEY] = f"{proc_name}: {type(error).__name__}: {error}"


def analysis_from_doc(doc: Doc, text: str | None = None, published: dt.date | None = None) -> Analysis:
    """Build the typed :class:`Analysis` from a processed ``Doc``.

    doc (Doc): a doc processed by the pipeline.
    text (str | None): the caller's text (default: ``doc._.source_text``).
    published (date | None): the publication date (default: ``doc._.published``).
    RETURNS (Analysis): entities and meetings, offsets into the caller's text.
    """
    source = text if text is not None else (doc._.source_text if doc._.source_text is not None else doc.text)
    if published is None and doc._.published:
        published = dt.date.fromisoformat(doc._.published)
    entities = [Entity.model_validate(e) for e in (doc._.entities or [])]
    meetings = [Meeting.model_validate(m) for m in (doc._.meetings or [])]
    return Analysis(text=source, published=published, entities=entities, meetings=meetings)


def merge_analyses(text: str, published: dt.date | None, parts: Sequence[tuple[int, Analysis]]) -> Analysis:
    """Merge the analyses of the chunks of one long text, shifting offsets back."""
    entities: dict[str, Entity] = {}
    meetings: list[Meeting] = []
    for offset, part in parts:
        shifted = _shift(part, offset)
        for ent in shifted.entities:
            if ent.id in entities:
                entities[ent.id].mentions.extend(ent.mentions)
            else:
                entities[ent.id] = ent
        meetings.extend(shifted.meetings)
    return Analysis(text=text, published=published, entities=list(entities.values()), meetings=meetings)


def _shift(analysis: Analysis, offset: int) -> Analysis:
    if offset == 0:
        return analysis

    def walk(value: Any) -> Any:
        if isinstance(value, dict):
            if {"start", "end", "text"} <= value.keys():
                return {**value, "start": value["start"] + offset, "end": value["end"] + offset}
            return {k: walk(v) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v) for v in value]
        return value

    data = walk(analysis.model_dump(mode="python", exclude={"text"}))
    return Analysis(text=analysis.text, **data)


class Extractor:
    """The configurable extractor behind :func:`analyze` and :func:`extract_meetings`.

    kb_files (Sequence[str | Path]): extra knowledge-base JSONL files (people, bodies, countries,
        agreements); a record with a shipped id overrides the shipped one.
    rule_files (Sequence[str | Path]): extra spaCy pattern JSONL files for the entity rules.
    topic_files (Sequence[str | Path]): extra topic lexicon JSONL files.
    pipeline (str | Path | Language | None): a pipeline saved with ``Extractor.to_disk`` /
        ``nlp.to_disk``, or a ready ``Language``; built from the shipped definition when None.
    max_chunk_chars (int): texts longer than this are processed in paragraph-aligned chunks.
    """

    def __init__(
        self,
        *,
        kb_files: Sequence[str | Path] = (),
        rule_files: Sequence[str | Path] = (),
        topic_files: Sequence[str | Path] = (),
        pipeline: str | Path | Language | None = None,
        max_chunk_chars: int = DEFAULT_CHUNK_CHARS,
    ):
        register_extensions()
        if isinstance(pipeline, Language):
            self.nlp = pipeline
        elif pipeline is not None:
            self.nlp = spacy.load(pipeline)
        else:
            from .pipeline import build_pipeline

            self.nlp = build_pipeline(kb_files=kb_files, pattern_files=rule_files, topic_files=topic_files)
        self.max_chunk_chars = max_chunk_chars
        self._lock = threading.Lock()

    # -- single documents -------------------------------------------------
    def make_doc(self, text: str, published: dt.date | None = None) -> Doc:
        """Tokenize (and normalise) ``text`` and attach the publication date."""
        doc = self.nlp.make_doc(text)
        doc._.published = published.isoformat() if published else None
        return doc

    def analyze(self, text: str, *, published: dt.date | dt.datetime | str | None = None) -> Analysis:
        """Find the entities and meetings of one article.

        text (str): the article, as received.
        published (date | datetime | str | None): publication date, the base for "lundi", "hier"...
        RETURNS (Analysis): entities and meetings (all statuses), offsets into ``text``.
        """
        check_text(text)
        day = parse_published(published)
        if not text.strip():
            return Analysis(text=text, published=day)
        if len(text) > self.max_chunk_chars:
            parts = []
            for offset, chunk in split_long_text(text, self.max_chunk_chars):
                if chunk.strip():
                    parts.append((offset, self._analyze_one(chunk, day)))
            return merge_analyses(text, day, parts)
        return self._analyze_one(text, day)

    def _analyze_one(self, text: str, day: dt.date | None) -> Analysis:
        # spaCy components are not documented as thread-safe: serialise calls on one pipeline
        with self._lock:
            doc = self.nlp(self.make_doc(text, day))
        return analysis_from_doc(doc, text, day)

    def extract_meetings(
        self,
        text: str,
        *,
        published: dt.date | dt.datetime | str | None = None,
        statuses: Iterable[MeetingStatus] = ("held",),
    ) -> list[Meeting]:
        """The meetings of one article, by default only those that took place.

        statuses (Iterable[str]): which statuses to return ("held", "planned", "cancelled").
        RETURNS (list[Meeting]): the meetings.
        """
        wanted = set(statuses)
        return [m for m in self.analyze(text, published=published).meetings if m.status in wanted]

    # -- batches ------------------------------------------------------------
    @overload
    def pipe(
        self,
        texts: Iterable[str],
        *,
        batch_size: int = ...,
        n_process: int = ...,
        as_tuples: Literal[False] = ...,
        published: dt.date | str | None = ...,
    ) -> Iterator[DocumentResult]: ...

    @overload
    def pipe(
        self,
        texts: Iterable[tuple[str, dict[str, Any]]],
        *,
        batch_size: int = ...,
        n_process: int = ...,
        as_tuples: Literal[True],
        published: dt.date | str | None = ...,
    ) -> Iterator[tuple[DocumentResult, dict[str, Any]]]: ...

    def pipe(
        self,
        texts: Iterable[Any],
        *,
        batch_size: int = 32,
        n_process: int = 1,
        as_tuples: bool = False,
        published: dt.date | str | None = None,
    ) -> Iterator[Any]:
        """Process a stream of articles with one loaded pipeline, in input order.

        A document that cannot be processed (wrong type, bad date, a failure in a
        component) yields a :class:`DocumentResult` with ``error`` set; the others
        are processed. Nothing is dropped.

        texts (Iterable): str items, or (text, context) tuples with ``as_tuples=True``;
            the context may carry "id" and "published".
        batch_size (int): documents per spaCy batch.
        n_process (int): worker processes (spaCy multiprocessing); -1 for all cores.
        as_tuples (bool): yield (DocumentResult, context) pairs.
        published (date | str | None): publication date for items without their own.
        YIELDS (DocumentResult | tuple[DocumentResult, dict]): one record per input item.
        """
        if not isinstance(batch_size, int) or isinstance(batch_size, bool) or batch_size < 1:
            raise ValueError(Errors.D032.format(value=batch_size))
        if not isinstance(n_process, int) or isinstance(n_process, bool) or (n_process < 1 and n_process != -1):
            raise ValueError(Errors.D033.format(value=n_process))
        default_day = parse_published(published)
        prepared = self._prepare(texts, as_tuples=as_tuples, default_day=default_day)
        pending: list[tuple[int, str | None, dict[str, Any], Any]] = []
        # separate the good documents (sent to spaCy) from the ones already failed
        good = ((item[3], (item[0], item[1], item[2])) for item in self._route(prepared, pending))
        self.nlp.set_error_handler(_record_error)
        try:
            results = self.nlp.pipe(good, as_tuples=True, batch_size=batch_size, n_process=n_process)
            for doc, (index, doc_id, context) in results:
                # yield the failures that came before this document, in order
                while pending and pending[0][0] < index:
                    yield self._wrap(pending.pop(0), as_tuples)
                error = doc.user_data.get(_ERROR_KEY)
                if error:
                    record = DocumentResult(id=doc_id, index=index, error=error)
                else:
                    try:
                        record = DocumentResult(id=doc_id, index=index, analysis=analysis_from_doc(doc))
                    except Exception as err:  # a malformed result must not stop the batch
                        record = DocumentResult(id=doc_id, index=index, error=str(DocumentError(index, doc_id, err)))
                yield (record, context) if as_tuples else record
            while pending:
                yield self._wrap(pending.pop(0), as_tuples)
        finally:
            from spacy.util import raise_error

            self.nlp.set_error_handler(raise_error)

    def _prepare(
        self, items: Iterable[Any], *, as_tuples: bool, default_day: dt.date | None
    ) -> Iterator[tuple[int, str | None, dict[str, Any], Doc | Exception]]:
        for index, item in enumerate(items):
            context: dict[str, Any] = {}
            doc_id: str | None = None
            try:
                if as_tuples:
                    if not (isinstance(item, tuple) and len(item) == 2):
                        raise TypeError(Errors.D031.format(type_name=type(item).__name__, index=index))
                    text, context = item
                    context = dict(context or {})
                    doc_id = None if context.get("id") is None else str(context.get("id"))
                    day = parse_published(context["published"]) if context.get("published") else default_day
                else:
                    text, day = item, default_day
                check_text(text)
                if len(text) > self.max_chunk_chars:
                    # too long for one spaCy doc: analysed in chunks outside the batch
                    yield index, doc_id, context, _LongText(text, day)
                    continue
                yield index, doc_id, context, self.make_doc(text, day)
            except Exception as err:
                yield index, doc_id, context, err

    def _route(self, prepared: Iterator[Any], pending: list[Any]) -> Iterator[Any]:
        for index, doc_id, context, value in prepared:
            if isinstance(value, Doc):
                yield index, doc_id, context, value
            elif isinstance(value, _LongText):
                try:
                    pending.append((index, doc_id, context, self.analyze(value.text, published=value.day)))
                except Exception as err:
                    pending.append((index, doc_id, context, err))
            else:
                pending.append((index, doc_id, context, value))

    @staticmethod
    def _wrap(item: tuple[int, str | None, dict[str, Any], Any], as_tuples: bool) -> Any:
        index, doc_id, context, value = item
        if isinstance(value, Analysis):
            record = DocumentResult(id=doc_id, index=index, analysis=value)
        else:
            record = DocumentResult(id=doc_id, index=index, error=str(DocumentError(index, doc_id, value)))
        return (record, context) if as_tuples else record

    # -- persistence -------------------------------------------------------------
    def to_disk(self, path: str | Path) -> None:
        """Save the pipeline (loadable with ``spacy.load`` or ``Extractor(pipeline=path)``)."""
        self.nlp.to_disk(path)


class _LongText:
    __slots__ = ("text", "day")

    def __init__(self, text: str, day: dt.date | None):
        self.text = text
        self.day = day


_default: Extractor | None = None
_default_lock = threading.Lock()


def get_default_extractor() -> Extractor:
    """The shared default :class:`Extractor`, built on first use."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Extractor()
    return _default


def analyze(text: str, *, published: dt.date | dt.datetime | str | None = None) -> Analysis:
    """Find the entities and meetings of one article with the default pipeline.

    text (str): the article as received (line breaks, captions and all).
    published (date | datetime | str | None): publication date.
    RETURNS (Analysis): ``.entities`` and ``.meetings`` (all statuses).
    """
    check_text(text)
    return get_default_extractor().analyze(text, published=published)


def extract_meetings(
    text: str,
    *,
    published: dt.date | dt.datetime | str | None = None,
    statuses: Iterable[MeetingStatus] = ("held",),
) -> list[Meeting]:
    """The meetings of one article (by default those that took place) with the default pipeline.

    text (str): the article.
    published (date | datetime | str | None): publication date.
    statuses (Iterable[str]): statuses to return.
    RETURNS (list[Meeting]): the meetings.
    """
    check_text(text)
    return get_default_extractor().extract_meetings(text, published=published, statuses=statuses)
