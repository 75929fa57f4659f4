"""The public facade: :class:`Extractor` and the cached default instance.

``analyze`` and ``extract_meetings`` build the default pipeline once and reuse
it. ``Extractor`` is the configurable object behind them: custom knowledge and
rule files, a saved pipeline, batches with ``pipe``.

The work is done beside it: :mod:`~diplomacy_ner.documents` (input checks, the
``Analysis`` of a ``Doc``), :mod:`~diplomacy_ner.chunking` (long texts) and
:mod:`~diplomacy_ner.batch` (the ``pipe`` engine). Their public names are
re-exported here.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Literal, overload

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .batch import pipe_records, run_components
from .chunking import DEFAULT_CHUNK_CHARS, analyze_in_chunks, merge_analyses, split_long_text
from .documents import (
    MEETING_STATUSES,
    analysis_from_doc,
    check_iterable,
    check_name,
    check_patterns,
    check_records,
    check_statuses,
    check_text,
    check_user_files,
    parse_published,
)
from .errors import Errors
from .extensions import register_extensions
from .gate import MeetingGate
from .schema import Analysis, DocumentResult, Meeting, MeetingStatus

__all__ = [
    "DEFAULT_CHUNK_CHARS",
    "MEETING_STATUSES",
    "Extractor",
    "analysis_from_doc",
    "analyze",
    "check_iterable",
    "check_statuses",
    "check_text",
    "check_user_files",
    "extract_meetings",
    "get_default_extractor",
    "merge_analyses",
    "parse_published",
    "run_components",
    "split_long_text",
]


class Extractor:
    """The configurable extractor behind :func:`analyze` and :func:`extract_meetings`.

    kb_files (Sequence[str | Path]): extra knowledge-base JSONL files (people, bodies, countries,
        agreements); a record with a shipped id overrides the shipped one.
    rule_files (Sequence[str | Path]): extra spaCy pattern JSONL files for the entity rules.
    topic_files (Sequence[str | Path]): extra topic lexicon JSONL files.
    frame_files (Sequence[str | Path]): extra encounter frames, cue lists and word sets of the
        meeting step (``resources/lexicons/frames.jsonl`` shows the format).
    pipeline (str | Path | Language | None): a pipeline saved with ``Extractor.to_disk`` /
        ``nlp.to_disk``, or a ready ``Language``; built from the shipped definition when None.
    max_chunk_chars (int): texts longer than this (or than ``nlp.max_length``) are processed
        in paragraph-aligned chunks, offsets still into the whole text.
    gate_files (Sequence[str | Path]): extra cue files for the meeting gate (the format of
        ``resources/lexicons/gate.jsonl``), for meetings-only runs.

    Thread safety: one ``Extractor`` may be shared by threads. The pipeline runs
    one document (or one batch of ``pipe``) at a time under a lock, so concurrent
    calls give the same results as sequential ones, but they do not run in
    parallel; use ``pipe(n_process=...)`` or one ``Extractor`` per process for that.
    """

    def __init__(
        self,
        *,
        kb_files: Sequence[str | Path] = (),
        rule_files: Sequence[str | Path] = (),
        topic_files: Sequence[str | Path] = (),
        frame_files: Sequence[str | Path] = (),
        pipeline: str | Path | Language | None = None,
        max_chunk_chars: int = DEFAULT_CHUNK_CHARS,
        gate_files: Sequence[str | Path] = (),
    ):
        if isinstance(max_chunk_chars, bool) or not isinstance(max_chunk_chars, int) or max_chunk_chars < 1:
            raise ValueError(Errors.D034.format(name="max_chunk_chars", value=max_chunk_chars))
        if pipeline is not None and (kb_files or rule_files or topic_files or frame_files):
            raise ValueError(Errors.D037)
        # read the user's files before the slow pipeline build: a mistake is reported at once
        check_user_files(
            kb_files=kb_files, rule_files=rule_files, topic_files=topic_files, frame_files=frame_files, gate_files=gate_files
        )
        register_extensions()
        if isinstance(pipeline, Language):
            self.nlp = pipeline
        elif pipeline is not None:
            self.nlp = spacy.load(pipeline)
            from .components.fast_attribute_ruler import use_array_attribute_ruler
            from .components.fast_lemmatizer import use_indexed_lemmatizer
            from .components.fast_ops import use_blas_ops
            from .tokenizer import clear_tokenizer_cache

            use_array_attribute_ruler(self.nlp)
            use_indexed_lemmatizer(self.nlp)
            use_blas_ops(self.nlp)
            clear_tokenizer_cache(self.nlp.tokenizer)  # loading the components' files filled it
        else:
            from .pipeline import build_pipeline

            self.nlp = build_pipeline(
                kb_files=kb_files, pattern_files=rule_files, topic_files=topic_files, frame_files=frame_files
            )
        self.max_chunk_chars = max_chunk_chars
        #: Called with the length of each chunk of a long text once it is analysed (progress bars).
        self.on_chunk: Callable[[int], None] | None = None
        self.gate_files = [str(path) for path in gate_files]
        self._gate: MeetingGate | None = None
        self._lock = threading.Lock()

    def __getstate__(self) -> dict[str, Any]:
        # pickled for the worker processes of ``pipe(n_process=...)`` (spawn/forkserver)
        state = self.__dict__.copy()
        del state["_lock"]
        state["on_chunk"] = None  # a progress callback stays in the parent process
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._lock = threading.Lock()

    @property
    def lock(self) -> threading.Lock:
        """The lock that serialises calls on this extractor's pipeline."""
        return self._lock

    def reset_lock(self) -> None:
        """Start with a fresh lock (in a forked worker, which inherits the parent's in any state)."""
        self._lock = threading.Lock()

    def chunk_limit(self) -> int:
        """The longest text processed as one spaCy ``Doc``."""
        return max(1, min(self.max_chunk_chars, self.nlp.max_length))

    _chunk_limit = chunk_limit  # the name benchmarks/ use

    # -- single documents -------------------------------------------------
    def make_doc(self, text: str, published: dt.date | None = None) -> Doc:
        """Tokenize (and normalise) ``text`` and attach the publication date."""
        doc = self.nlp.make_doc(text)
        doc._.published = published.isoformat() if published else None
        return doc

    def analyze(
        self, text: str, *, published: dt.date | dt.datetime | str | None = None, gate: bool = False
    ) -> Analysis:
        """Find the entities and meetings of one article.

        text (str): the article, as received.
        published (date | datetime | str | None): publication date, the base for "lundi", "hier"...
        gate (bool): first ask the meeting gate (see :mod:`diplomacy_ner.gate`); an article that
            cannot report a meeting is returned without entities or meetings, ``skipped`` set.
        RETURNS (Analysis): entities and meetings (all statuses), offsets into ``text``.
        """
        check_text(text)
        day = parse_published(published)
        if not text.strip():
            return Analysis(text=text, published=day)
        limit = self.chunk_limit()
        if len(text) > limit:
            return analyze_in_chunks(
                text, day, limit, lambda chunk: self._analyze_one(chunk, day, gate=gate), self.on_chunk
            )
        return self._analyze_one(text, day, gate=gate)

    def _analyze_one(self, text: str, day: dt.date | None, *, gate: bool = False) -> Analysis:
        # spaCy components are not documented as thread-safe: serialise calls on one pipeline
        with self._lock:
            reason = self.gate.text_skip_reason(text) if gate else None  # no tokenizer when no word can be a cue
            if reason is None:
                doc = self.make_doc(text, day)
                reason = self.gate.skip_reason(doc) if gate else None
            if reason is None:
                doc = self.nlp(doc)
        if reason is not None:
            return Analysis(text=text, published=day, skipped=reason)
        return analysis_from_doc(doc, text, day)

    @property
    def gate(self) -> MeetingGate:
        """The meeting gate of this pipeline (built on first use, again after a change to the KB or rules)."""
        if self._gate is None:
            self._gate = MeetingGate.from_pipeline(self.nlp, self.gate_files)
        return self._gate

    def extract_meetings(
        self,
        text: str,
        *,
        published: dt.date | dt.datetime | str | None = None,
        statuses: MeetingStatus | Iterable[MeetingStatus] = ("held",),
        gate: bool = True,
    ) -> list[Meeting]:
        """The meetings of one article, by default only those that took place.

        statuses (str | Iterable[str]): which statuses to return: "held", "planned", "cancelled",
            one of them or several.
        gate (bool): skip the statistical model for an article the meeting gate rules out.
        RETURNS (list[Meeting]): the meetings.
        RAISES ValueError: ``[D004]`` for an unknown status.
        """
        wanted = check_statuses(statuses)
        return [m for m in self.analyze(text, published=published, gate=gate).meetings if m.status in wanted]

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
        meetings_only: bool = ...,
        gate: bool | None = ...,
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
        meetings_only: bool = ...,
        gate: bool | None = ...,
    ) -> Iterator[tuple[DocumentResult, dict[str, Any]]]: ...

    def pipe(
        self,
        texts: Iterable[Any],
        *,
        batch_size: int = 32,
        n_process: int = 1,
        as_tuples: bool = False,
        published: dt.date | str | None = None,
        meetings_only: bool = False,
        gate: bool | None = None,
    ) -> Iterator[Any]:
        """Process a stream of articles with one loaded pipeline, in input order.

        Every input item yields exactly one :class:`DocumentResult`, in input order.
        An item that cannot be processed (not a str, a ``published`` that is not a
        date, a context that is not a dict, a failure in a pipeline component)
        yields a record with ``error`` set (``[D030]``, naming the item, the
        component and the exception) and is logged as a warning; the other items
        are processed. Only an exception raised by ``texts`` itself stops the
        stream. The arguments are checked when ``pipe`` is called.

        texts (Iterable): str items, or (text, context) tuples with ``as_tuples=True``;
            the context (a dict, or None) may carry "id" and "published".
        batch_size (int): documents per batch.
        n_process (int): worker processes; -1 for one per CPU. Each worker holds a
            copy of the pipeline (forked, or pickled where processes are spawned).
        as_tuples (bool): yield (DocumentResult, context) pairs, the context as given.
        published (date | str | None): publication date for items without their own.
        meetings_only (bool): the caller wants the meetings, not every article's entities:
            turns the meeting gate on (unless ``gate`` says otherwise).
        gate (bool | None): ask the meeting gate before the statistical model (see
            :mod:`diplomacy_ner.gate`); an article it rules out gets an analysis without entities
            or meetings and ``skipped`` set. None: on when ``meetings_only``.
        YIELDS (DocumentResult | tuple[DocumentResult, Any]): one record per input item.
        """
        return pipe_records(
            self,
            texts,
            batch_size=batch_size,
            n_process=n_process,
            as_tuples=as_tuples,
            published=published,
            meetings_only=meetings_only,
            gate=gate,
        )

    # -- extending at run time -------------------------------------------------
    def add_records(self, records: Iterable[Any]) -> None:
        """Add knowledge-base records (pydantic records or dicts in the JSONL format).

        The pipeline's linker owns its knowledge base (saved with the pipeline), so a person,
        body, country or agreement added here is recognised, linked and used for roles from
        the next call on.

        records (Iterable[KBRecord | dict]): the records; dicts are validated like file lines.
        """
        from .kb.codes import defined_codes
        from .kb.loader import RecordCollector

        parsed = check_records(records)
        with self._lock:
            kb = self._own_kb()
            collector = RecordCollector(known_codes=[code for known in kb for code in defined_codes(known)])
            for line, record in enumerate(parsed, start=1):
                collector.add(record, path="<add_records>", line=line)
            collector.check_codes()
            self.nlp.get_pipe("diplomacy_linker").add_records(parsed)
            self._gate = None

    def add_alias(self, entity_id: str, alias: str) -> None:
        """Give a knowledge-base entity one more name ("le Souverain chérifien").

        entity_id (str): the id of a knowledge-base record ("person:abdelouafi-laftit").
        alias (str): the new name, not empty.
        RAISES ValueError: ``[D007]`` for an empty id or alias; KeyError ``[D008]`` for an unknown id.
        """
        check_name(entity_id, "entity_id")
        check_name(alias, "alias")
        with self._lock:
            kb = self._own_kb()
            kb.add_alias(entity_id, alias)
            self._gate = None

    def _own_kb(self) -> Any:
        """The knowledge base of this pipeline: its linker's, never shared with another pipeline."""
        return self.nlp.get_pipe("diplomacy_linker").kb

    def add_patterns(self, patterns: Iterable[dict[str, Any]]) -> None:
        """Add rule patterns in spaCy's pattern format (``{"label", "pattern", "id"}``)."""
        patterns = check_patterns(patterns)
        with self._lock:
            self.nlp.get_pipe("diplomacy_entity_rules").add_patterns(patterns)
            self._gate = None

    # -- persistence -------------------------------------------------------------
    def to_disk(self, path: str | Path) -> None:
        """Save the pipeline (loadable with ``spacy.load`` or ``Extractor(pipeline=path)``)."""
        self.nlp.to_disk(path)


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
    statuses: MeetingStatus | Iterable[MeetingStatus] = ("held",),
    gate: bool = True,
) -> list[Meeting]:
    """The meetings of one article (by default those that took place) with the default pipeline.

    text (str): the article.
    published (date | datetime | str | None): publication date.
    statuses (str | Iterable[str]): statuses to return ("held", "planned", "cancelled"; one or several).
    gate (bool): skip the statistical model for an article the meeting gate rules out.
    RETURNS (list[Meeting]): the meetings.
    """
    check_text(text)
    check_statuses(statuses)
    return get_default_extractor().extract_meetings(text, published=published, statuses=statuses, gate=gate)
