"""The public facade: :class:`Extractor` and the cached default instance.

``analyze`` and ``extract_meetings`` build the default pipeline once and reuse
it. ``Extractor`` is the configurable object behind them: custom knowledge and
rule files, a saved pipeline, batches with ``pipe``.
"""

from __future__ import annotations

import datetime as dt
import logging
import multiprocessing
import os
import reprlib
import threading
import unicodedata
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, overload

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import Errors
from .extensions import register_extensions
from .gate import MeetingGate
from .isodate import parse_iso_day
from .folding import fold
from .schema import Analysis, DocumentResult, Entity, Meeting, MeetingStatus, Mention, Participant

logger = logging.getLogger("diplomacy_ner")

#: Texts longer than this are cut into paragraph-aligned chunks (spaCy's parser
#: needs about 1 GB of memory per 100,000 characters).
DEFAULT_CHUNK_CHARS = 100_000


class _Shown:
    """A value shown in an error message: its ``repr``, cut to a readable length."""

    __slots__ = ("value",)
    _repr = reprlib.Repr()
    _repr.maxstring = 120
    _repr.maxother = 120
    _repr.maxlist = _repr.maxtuple = _repr.maxdict = _repr.maxset = 8

    def __init__(self, value: object):
        self.value = value

    def __repr__(self) -> str:
        return self._repr.repr(self.value)


def parse_published(value: object) -> dt.date | None:
    """Read a publication date given as a date, a datetime, an ISO 8601 string or None.

    value (object): the value to read.
    RETURNS (date | None): the date; None for None, "" or a whitespace-only string.
    RAISES ValueError: ``[D002]`` naming the value, for anything else (a number, a
        string that is not a dashed ISO date such as "20240422" or "22/04/2024", a list, bytes...).
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
        day = parse_iso_day(stripped)
        if day is not None:
            return day
    raise ValueError(Errors.D002.format(value=_Shown(value)))


def check_text(text: object) -> str:
    """Return ``text`` if it is a str, else raise a ``TypeError`` naming the expected type.

    text (object): what the caller passed as the article.
    RETURNS (str): ``text``.
    RAISES TypeError: ``[D001]`` for None, bytes, numbers and anything else that is not a str.
    """
    if not isinstance(text, str):
        raise TypeError(Errors.D001.format(type_name=type(text).__name__))
    return text


#: The statuses a meeting can have (``Meeting.status``).
MEETING_STATUSES: tuple[str, ...] = ("held", "planned", "cancelled")


def check_statuses(statuses: object) -> frozenset[str]:
    """Read the ``statuses`` argument: one status, or an iterable of statuses.

    statuses (object): "held", or an iterable such as ("held", "planned").
    RETURNS (frozenset[str]): the statuses.
    RAISES TypeError: ``[D005]`` when it is neither a str nor an iterable of str.
    RAISES ValueError: ``[D004]`` naming an unknown status and the valid ones.
    """
    if isinstance(statuses, str):
        statuses = (statuses,)
    elif isinstance(statuses, bytes | Mapping) or not isinstance(statuses, Iterable):
        raise TypeError(
            Errors.D005.format(
                name="statuses",
                expected=f"a status or an iterable of statuses ({', '.join(map(repr, MEETING_STATUSES))})",
                type_name=type(statuses).__name__,
            )
        )
    wanted = set()
    for status in statuses:
        if not isinstance(status, str) or status not in MEETING_STATUSES:
            raise ValueError(
                Errors.D004.format(value=_Shown(status), valid=", ".join(map(repr, MEETING_STATUSES)))
            )
        wanted.add(status)
    return frozenset(wanted)


def check_iterable(value: object, name: str, expected: str) -> Iterable[Any]:
    """Return ``value`` if it is an iterable of items (not a str, bytes or dict), else raise.

    value (object): the argument.
    name (str): the argument's name, for the message.
    expected (str): what it should be ("an iterable of texts"), for the message.
    RETURNS (Iterable): ``value``.
    RAISES TypeError: ``[D005]`` naming the argument, what was expected and what it got.
    """
    if isinstance(value, str | bytes | bytearray | Mapping) or not isinstance(value, Iterable):
        raise TypeError(Errors.D005.format(name=name, expected=expected, type_name=type(value).__name__))
    return value


def check_name(value: object, name: str) -> str:
    """Return ``value`` if it is a non-empty str, else raise ``[D007]`` naming the argument."""
    if not isinstance(value, str) or not value.strip():
        raise (TypeError if not isinstance(value, str) else ValueError)(
            Errors.D007.format(name=name, value=_Shown(value))
        )
    return value


#: How far back from a hard cut :func:`split_long_text` looks for the start of a grapheme.
_MAX_GRAPHEME_BACKTRACK = 32


def _continues_grapheme(char: str) -> bool:
    """Would cutting before ``char`` separate it from the character it modifies?"""
    return (
        unicodedata.combining(char) != 0
        or unicodedata.category(char) in ("Mn", "Me", "Mc")
        or char in "\u200c\u200d\ufe0e\ufe0f"
        or "\udc00" <= char <= "\udfff"
    )


def split_long_text(text: str, max_chars: int) -> list[tuple[int, str]]:
    """Cut ``text`` into consecutive chunks of at most ``max_chars`` characters.

    The cut goes after the last paragraph break ("\\n\\n") in the last three
    quarters of the window, else after the last line break, sentence end (". ")
    or space in its second half; a hard cut (a long run without any of these)
    never separates a letter from its combining marks. The chunks cover ``text`` exactly, in order:
    ``"".join(chunk for _, chunk in chunks) == text``.

    text (str): the text.
    max_chars (int): the largest chunk, at least 1.
    RETURNS (list[tuple[int, str]]): (offset of the chunk in ``text``, chunk).
    """
    if isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars < 1:
        raise ValueError(Errors.D034.format(name="max_chars", value=max_chars))
    chunks: list[tuple[int, str]] = []
    start = 0
    n = len(text)
    while start < n:
        end = min(start + max_chars, n)
        if end < n:
            for sep, share in (("\n\n", 4), ("\n", 2), (". ", 2), (" ", 2)):
                cut = text.rfind(sep, start + max_chars // share, end)
                if cut != -1 and cut + len(sep) <= end:
                    end = cut + len(sep)
                    break
            else:
                hard = end
                while (
                    hard > start + 1
                    and end - hard < _MAX_GRAPHEME_BACKTRACK
                    and _continues_grapheme(text[hard])
                ):
                    hard -= 1
                if not _continues_grapheme(text[hard]):
                    end = hard
        chunks.append((start, text[start:end]))
        start = end
    return chunks


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


def check_user_files(
    *,
    kb_files: Sequence[str | Path] = (),
    rule_files: Sequence[str | Path] = (),
    topic_files: Sequence[str | Path] = (),
    frame_files: Sequence[str | Path] = (),
    gate_files: Sequence[str | Path] = (),
) -> None:
    """Read and validate the user's knowledge-base, rule, topic and gate files.

    Only JSON is parsed (nothing in a file is executed); regular expressions are
    compiled on RE2 (linear-time), and one RE2 cannot compile is refused.

    kb_files (Sequence[str | Path]): knowledge-base JSONL files, validated as one load.
    rule_files (Sequence[str | Path]): spaCy pattern JSONL files.
    topic_files (Sequence[str | Path]): topic lexicon JSONL files.
    frame_files (Sequence[str | Path]): meeting frame, cue and word JSONL files.
    gate_files (Sequence[str | Path]): meeting gate cue JSONL files.
    RAISES KnowledgeBaseError: the first problem, naming the file, the line and the field.
    RAISES TypeError: a single path given where a list is expected.
    """
    from .kb.loader import load_many
    from .meetings.topics import read_topic_cues
    from .rules.patterns import load_pattern_file

    from .gate import read_gate_cues

    for name, value in (
        ("kb_files", kb_files),
        ("rule_files", rule_files),
        ("topic_files", topic_files),
        ("frame_files", frame_files),
        ("gate_files", gate_files),
    ):
        if isinstance(value, str | os.PathLike):
            raise TypeError(Errors.D036.format(name=name, value=value))
        for path in check_iterable(value, name, "a list of paths"):
            if not isinstance(path, str | os.PathLike):
                raise TypeError(
                    Errors.D005.format(
                        name=f"{name} item", expected="a path (str or Path)", type_name=type(path).__name__
                    )
                )
    if kb_files:
        load_many(list(kb_files))
    for path in rule_files:
        load_pattern_file(path)
    for path in topic_files:
        read_topic_cues(path)
    if frame_files:
        from .meetings.lexicon import MeetingLexicon

        MeetingLexicon.from_files(frame_files)
    for path in gate_files:
        read_gate_cues(path)


def merge_analyses(text: str, published: dt.date | None, parts: Sequence[tuple[int, Analysis]]) -> Analysis:
    """Merge the analyses of the chunks of one long text into the analysis of the text.

    Offsets are shifted back into ``text``. Entities with the same id are one
    entity (mentions in text order; a field one chunk left empty is filled from
    another). A person the knowledge base does not know ("doc-person:...") whose
    name is the end of exactly one other person's name seen only in other chunks
    ("Bourita" / "Nasser Bourita") takes that person's id, as the linker does
    inside one chunk. A meeting reported in several chunks (same participants,
    status, kind, date and place) is reported once, with the evidence of each.

    text (str): the whole text.
    published (date | None): its publication date.
    parts (Sequence[tuple[int, Analysis]]): (offset of the chunk in ``text``, analysis of the chunk).
    RETURNS (Analysis): the analysis of ``text``.
    """
    shifted = [_shift(part, offset) for offset, part in parts]
    entities: dict[str, Entity] = {}
    chunks_of: dict[str, set[int]] = {}
    for number, part in enumerate(shifted):
        for ent in part.entities:
            chunks_of.setdefault(ent.id, set()).add(number)
            if ent.id in entities:
                _merge_entity(entities[ent.id], ent)
            else:
                entities[ent.id] = ent.model_copy(deep=True)
    remap = _person_remap(entities, chunks_of, [m for part in shifted for m in part.meetings])
    for old, new in remap.items():
        _merge_entity(entities[new], entities.pop(old))
    meetings: list[Meeting] = []
    seen: dict[tuple[Any, ...], tuple[Meeting, int]] = {}
    for number, part in enumerate(shifted):
        for meeting in part.meetings:
            meeting = _remap_meeting(meeting, remap, entities)
            key = _meeting_key(meeting)
            previous = seen.get(key)
            if previous is not None and previous[1] != number:
                _merge_meeting(previous[0], meeting)
                seen[key] = (previous[0], number)
            else:
                seen[key] = (meeting, number)
                meetings.append(meeting)
    return Analysis(text=text, published=published, entities=list(entities.values()), meetings=meetings)


def _shift(analysis: Analysis, offset: int) -> Analysis:
    """A copy of ``analysis`` with every offset moved by ``offset``."""

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


def _merged_mentions(*groups: Iterable[Mention]) -> list[Mention]:
    unique = {(m.start, m.end): m for group in groups for m in group}
    return [unique[key] for key in sorted(unique)]


def _merge_entity(kept: Entity, other: Entity) -> None:
    kept.mentions = _merged_mentions(kept.mentions, other.mentions)
    for field in ("code", "acronym", "country", "role"):
        if getattr(kept, field) is None and getattr(other, field) is not None:
            setattr(kept, field, getattr(other, field))
    kept.in_kb = kept.in_kb or other.in_kb
    names = [kept.name, other.name, *kept.aliases, *other.aliases]
    if kept.type == "person" and not kept.in_kb and len(other.name) > len(kept.name):
        # a person's name is the longest form the text uses
        kept.name = other.name
    kept.aliases = [name for name in dict.fromkeys(names) if name != kept.name]


def _person_remap(
    entities: dict[str, Entity], chunks_of: dict[str, set[int]], meetings: Sequence[Meeting]
) -> dict[str, str]:
    """Document-level person ids to merge into a longer name found in other chunks."""
    people = [e for e in entities.values() if e.type == "person"]
    tokens = {e.id: fold(e.name).split() for e in people}
    remap: dict[str, str] = {}
    for short in people:
        words = tokens[short.id]
        if not short.id.startswith("doc-person:") or not words:
            continue
        targets = {
            e.id
            for e in people
            if len(tokens[e.id]) > len(words)
            and tokens[e.id][-len(words) :] == words
            and not chunks_of[e.id] & chunks_of[short.id]
        }
        if len(targets) != 1:
            continue
        target = targets.pop()
        # never merge two people who meet each other
        if any({short.id, target} <= {p.id for p in m.participants} for m in meetings):
            continue
        remap[short.id] = target
    # "Bourita" -> "Nasser Bourita" -> "Nasser Bourita Ahmed": follow to the end
    for old in list(remap):
        seen = {old}
        while remap[old] in remap and remap[old] not in seen:
            seen.add(remap[old])
            remap[old] = remap[remap[old]]
    return {old: new for old, new in remap.items() if new != old and new in entities}


def _remap_participant(
    participant: Participant, remap: dict[str, str], entities: dict[str, Entity]
) -> Participant:
    """The participant with its merged id, and the person's name as the whole text gives it."""
    if participant.id is None:
        return participant
    target = entities.get(remap.get(participant.id, participant.id))
    if target is None or target.type != "person":
        return participant
    name = target.name if participant.name is not None else None
    if (target.id, name) == (participant.id, participant.name):
        return participant
    return participant.model_copy(update={"id": target.id, "name": name})


def _remap_meeting(meeting: Meeting, remap: dict[str, str], entities: dict[str, Entity]) -> Meeting:
    participants = [_remap_participant(p, remap, entities) for p in meeting.participants]
    host = _remap_participant(meeting.host, remap, entities) if meeting.host else None
    return meeting.model_copy(update={"participants": participants, "host": host})


def _participant_key(participant: Participant) -> Any:
    return participant.id or (participant.name, participant.role, participant.country)


def _meeting_key(meeting: Meeting) -> tuple[Any, ...]:
    return (
        frozenset(_participant_key(p) for p in meeting.participants),
        meeting.status,
        meeting.kind,
        meeting.date,
        meeting.location.name if meeting.location else None,
    )


def _merge_meeting(kept: Meeting, other: Meeting) -> None:
    by_key = {_participant_key(p): p for p in kept.participants}
    for participant in other.participants:
        same = by_key.get(_participant_key(participant))
        if same is not None:
            same.mentions = _merged_mentions(same.mentions, participant.mentions)
    kept.host = kept.host or other.host
    kept.date_expression = kept.date_expression or other.date_expression
    kept.location = kept.location or other.location
    kept.topics = list(dict.fromkeys([*kept.topics, *other.topics]))
    kept.bodies = list({b.id: b for b in [*other.bodies, *kept.bodies]}.values())
    kept.agreements = list({a.id: a for a in [*other.agreements, *kept.agreements]}.values())
    kept.evidence = _merged_mentions(kept.evidence, other.evidence)
    kept.confidence = max(kept.confidence, other.confidence)


def _run_components(nlp: Language, docs: list[Doc], batch_size: int) -> list[tuple[str, Exception] | None]:
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


def _failure_record(
    index: int, doc_id: str | None, error: BaseException, component: str | None = None
) -> DocumentResult:
    where = f" in component {component!r}" if component else ""
    message = Errors.D030.format(index=index, doc_id=doc_id, error=f"{type(error).__name__}{where}: {error}")
    logger.warning("%s", message)
    return DocumentResult(id=doc_id, index=index, error=message)


@dataclass(slots=True)
class _Item:
    """One input item of ``Extractor.pipe``, read and checked."""

    index: int
    context: Any = None
    doc_id: str | None = None
    text: str | None = None
    day: dt.date | None = None
    error: Exception | None = None

    def work(self) -> _Work:
        assert self.text is not None
        return (self.index, self.doc_id, self.text, self.day)


#: What a batch worker needs of an item: (index, id, text, publication date).
_Work = tuple[int, str | None, str, dt.date | None]


def _batches(items: Iterable[_Item], size: int) -> Iterator[list[_Item]]:
    batch: list[_Item] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class _WorkerPool:
    """The worker processes of ``Extractor.pipe(n_process=...)``, started again when one dies."""

    def __init__(self, extractor: Extractor, workers: int, *, gate: bool = False):
        self.extractor = extractor
        self.workers = workers
        self.gate = gate
        self.generation = 0
        self._pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context(),
            initializer=_init_worker,
            initargs=(self.extractor,),
        )

    def submit(self, work: list[_Work]) -> tuple[int, Future[list[DocumentResult]] | BaseException]:
        """Send a batch; RETURNS (generation of the pool, future or the error of a broken pool)."""
        for _ in range(2):
            generation = self.generation
            try:
                # workers fork at the first submission: fork a pipeline at rest
                with self.extractor._lock:
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

    def run_alone(self, item: _Item) -> DocumentResult:
        """One document in a batch of its own, to tell the one that kills its worker."""
        generation, pending = self.submit([item.work()])
        try:
            if isinstance(pending, BaseException):
                raise pending
            return pending.result()[0]
        except Exception as err:
            if isinstance(err, BrokenProcessPool):
                self.restart(generation)
            return _failure_record(item.index, item.doc_id, err)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


#: The extractor of a worker process of ``Extractor.pipe(n_process=...)``.
_worker_extractor: Extractor | None = None


def _init_worker(extractor: Extractor) -> None:
    global _worker_extractor
    # a forked child inherits the parent's lock in whatever state it was: start afresh
    extractor._lock = threading.Lock()
    _worker_extractor = extractor


def _analyze_in_worker(work: list[_Work], gate: bool = False) -> list[DocumentResult]:
    assert _worker_extractor is not None, "worker not initialised"
    return _worker_extractor._analyze_batch(work, gate=gate)


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

    def _chunk_limit(self) -> int:
        """The longest text processed as one spaCy ``Doc``."""
        return max(1, min(self.max_chunk_chars, self.nlp.max_length))

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
        limit = self._chunk_limit()
        if len(text) > limit:
            parts = []
            for offset, chunk in split_long_text(text, limit):
                if chunk.strip():
                    parts.append((offset, self._analyze_one(chunk, day, gate=gate)))
                if self.on_chunk is not None:
                    self.on_chunk(len(chunk))
            analyzed = [(offset, part) for offset, part in parts if part.skipped is None]
            if parts and not analyzed:
                return Analysis(text=text, published=day, skipped=parts[0][1].skipped)
            return merge_analyses(text, day, analyzed)
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
            self.gate  # built before any worker forks
        workers = (os.cpu_count() or 1) if n_process == -1 else n_process
        batches = _batches(self._read_items(texts, as_tuples=as_tuples, default_day=default_day), batch_size)
        records = (
            self._records(batches, gate=use_gate)
            if workers == 1
            else self._records_in_processes(batches, workers, gate=use_gate)
        )
        return ((record, item.context) if as_tuples else record for item, record in records)

    def _read_items(
        self, texts: Iterable[Any], *, as_tuples: bool, default_day: dt.date | None
    ) -> Iterator[_Item]:
        for index, raw in enumerate(texts):
            item = _Item(index=index)
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
        self, batches: Iterable[list[_Item]], *, gate: bool = False
    ) -> Iterator[tuple[_Item, DocumentResult]]:
        for batch in batches:
            work = [it.work() for it in batch if it.error is None]
            done = {r.index: r for r in self._analyze_batch(work, gate=gate)}
            for item in batch:
                yield (
                    item,
                    done[item.index]
                    if item.error is None
                    else _failure_record(item.index, item.doc_id, item.error),
                )

    def _records_in_processes(
        self, batches: Iterable[list[_Item]], workers: int, *, gate: bool = False
    ) -> Iterator[tuple[_Item, DocumentResult]]:
        """Like :meth:`_records`, the batches analysed by ``workers`` processes, in order.

        When a worker process dies (killed, out of memory, a crash in native code),
        the documents of the batches it took down are run again one at a time in a
        new pool: the one that kills its worker again gets an error record, the
        others their analysis.
        """
        pool = _WorkerPool(self, workers, gate=gate)
        window: deque[tuple[list[_Item], int, Future[list[DocumentResult]] | BaseException | None]] = deque()

        def settle(
            batch: list[_Item], generation: int, pending: Future[list[DocumentResult]] | BaseException | None
        ) -> Iterator[tuple[_Item, DocumentResult]]:
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
                    yield item, _failure_record(item.index, item.doc_id, item.error)
                elif item.index in done:
                    yield item, done[item.index]
                else:
                    error = failure or RuntimeError("no result from the worker process")
                    yield item, _failure_record(item.index, item.doc_id, error)

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

    def _analyze_batch(self, work: Sequence[_Work], *, gate: bool = False) -> list[DocumentResult]:
        """Analyse checked items (index, id, text, date); one record each, in order.

        gate (bool): items the meeting gate rules out skip the pipeline's components.
        """
        results: dict[int, DocumentResult] = {}
        limit = self._chunk_limit()
        regular: list[_Work] = []
        for index, doc_id, text, day in work:
            if not text.strip():
                results[index] = DocumentResult(
                    id=doc_id, index=index, analysis=Analysis(text=text, published=day)
                )
            elif len(text) > limit:
                try:
                    results[index] = DocumentResult(
                        id=doc_id, index=index, analysis=self.analyze(text, published=day, gate=gate)
                    )
                except Exception as err:
                    results[index] = _failure_record(index, doc_id, err)
            else:
                regular.append((index, doc_id, text, day))
        tokenized: list[tuple[_Work, Doc]] = []
        with self._lock:
            for entry in regular:
                try:
                    reason = self.gate.text_skip_reason(entry[2]) if gate else None  # no tokenizer when no word can be a cue
                    if reason is None:
                        doc = self.make_doc(entry[2], entry[3])
                        reason = self.gate.skip_reason(doc) if gate else None
                except Exception as err:
                    results[entry[0]] = _failure_record(entry[0], entry[1], err, component="tokenizer")
                    continue
                if reason is not None:
                    skipped = Analysis(text=entry[2], published=entry[3], skipped=reason)
                    results[entry[0]] = DocumentResult(id=entry[1], index=entry[0], analysis=skipped)
                else:
                    tokenized.append((entry, doc))
            docs = [doc for _, doc in tokenized]
            failures = _run_components(self.nlp, docs, batch_size=max(1, len(docs)))
        for ((index, doc_id, text, day), _), doc, failure in zip(tokenized, docs, failures, strict=True):
            if failure is not None:
                results[index] = _failure_record(index, doc_id, failure[1], component=failure[0])
                continue
            try:
                results[index] = DocumentResult(
                    id=doc_id, index=index, analysis=analysis_from_doc(doc, text, day)
                )
            except Exception as err:  # a malformed component result must not stop the batch
                results[index] = _failure_record(index, doc_id, err)
        return [results[index] for index, _, _, _ in work]

    # -- extending at run time -------------------------------------------------
    def add_records(self, records: Iterable[Any]) -> None:
        """Add knowledge-base records (pydantic records or dicts in the JSONL format).

        The pipeline's components share one knowledge base, so a person, body, country or
        agreement added here is recognised, linked and used for roles from the next call on.

        records (Iterable[KBRecord | dict]): the records; dicts are validated like file lines.
        """
        from .kb.codes import defined_codes
        from .kb.loader import RecordCollector, parse_record
        from .kb.records import RECORD_MODELS

        models = tuple(RECORD_MODELS.values())
        parsed = []
        for i, record in enumerate(check_iterable(records, "records", "a list of records (dicts)"), start=1):
            if isinstance(record, dict):
                record = parse_record(record, path="<add_records>", line=i)
            elif not isinstance(record, models):
                raise TypeError(
                    Errors.D005.format(
                        name=f"records[{i - 1}]",
                        expected="a record dict in the JSONL format or a knowledge-base record",
                        type_name=type(record).__name__,
                    )
                )
            parsed.append(record)
        with self._lock:
            kb = self._own_kb()
            collector = RecordCollector(known_codes=[code for known in kb for code in defined_codes(known)])
            for line, record in enumerate(parsed, start=1):
                collector.add(record, path="<add_records>", line=line)
            collector.check_codes()
            self.nlp.get_pipe("diplomacy_entity_rules").add_records(parsed)
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
            self.nlp.get_pipe("diplomacy_entity_rules").add_records(())
            self._gate = None

    def _own_kb(self) -> Any:
        """Give this pipeline's components a private copy of the knowledge base before a change.

        Pipelines built with the same files share one knowledge base in a process; a change
        made through one extractor must not reach the others.
        """
        from .kb.knowledge_base import KnowledgeBase

        names = [n for n in ("diplomacy_entity_rules", "diplomacy_linker", "diplomacy_meetings") if n in self.nlp.pipe_names]
        components = [self.nlp.get_pipe(n) for n in names]
        if not getattr(self, "_kb_private", False):
            private = KnowledgeBase(list(components[0].kb))
            for component in components:
                component.kb = private
            self._kb_private = True
        return components[0].kb

    def add_patterns(self, patterns: Iterable[dict[str, Any]]) -> None:
        """Add rule patterns in spaCy's pattern format (``{"label", "pattern", "id"}``)."""
        patterns = list(check_iterable(patterns, "patterns", "a list of pattern dicts"))
        for i, pattern in enumerate(patterns):
            if not isinstance(pattern, dict):
                raise TypeError(
                    Errors.D005.format(
                        name=f"patterns[{i}]", expected="a pattern dict", type_name=type(pattern).__name__
                    )
                )
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
