"""``diplomacy_meetings``: the relation step that assembles meetings.

Reads: sentences, lemmas, morphology, ``doc.spans[spans_key]`` (linked by
``diplomacy_linker``), ``doc._.person_roles``, ``doc._.dateline``,
``doc._.published``.
Sets: ``doc._.meetings`` — a list of dicts in the schema of
:class:`diplomacy_ner.schema.Meeting`, offsets into the caller's text.

How it works (see :mod:`diplomacy_ner.meetings.assembly`): a document-level model.
Every predicate of a sentence that opens an encounter frame (``frames.jsonl``:
"a reçu", "s'est entretenu avec", "a eu un entretien avec", "l'audience accordée
à", "ont coprésidé", passives and participles) is an encounter whose arguments
are read from the dependency parse; anaphors ("il", "ce dernier", "les deux
ministres", "le chef de l'État") are resolved by recency and role; encounters
are clustered into meetings over the whole document, and each meeting's kind,
status, date, place, host, topics, bodies and agreements come from all its
sentences.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import srsly
from spacy import util
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import SimpleFrozenList

from ..extensions import SPAN_KEY, register_extensions
from ..meetings.assembly import MeetingAssembler
from ..meetings.lexicon import MeetingLexicon
from ..meetings.topics import TopicLexicon

DEFAULT_MIN_CONFIDENCE = 0.3


class MeetingExtractor:
    """Assemble meetings from the linked entities of a doc.

    The component needs no knowledge base: the linker puts what it needs on the
    doc (roles, entities, ``doc._.body_codes``). It owns its lexicons: the user's
    topic and frame files are read by :meth:`initialize` (or on first use) and
    saved with the pipeline, so a saved pipeline needs none of them.

    nlp (Language): the pipeline.
    name (str): component name.
    topic_files (Sequence[str]): extra topic lexicon files.
    frame_files (Sequence[str]): extra frame, cue and word files of the meeting step.
    spans_key (str): the span group read.
    min_confidence (float): meetings below this confidence are not reported.
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "diplomacy_meetings",
        *,
        topic_files: Sequence[str] = (),
        frame_files: Sequence[str] = (),
        spans_key: str = SPAN_KEY,
        min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    ):
        register_extensions()
        self.name = name
        self.topic_files = list(topic_files)
        self.frame_files = list(frame_files)
        self.spans_key = spans_key
        self.min_confidence = min_confidence
        # the user's files as read: (file name, text); None until read
        self._sources: dict[str, list[tuple[str, str]]] | None = None
        self._topics: TopicLexicon | None = None
        self._lexicon: MeetingLexicon | None = None

    def __call__(self, doc: Doc) -> Doc:
        assembler = MeetingAssembler(doc, topics=self.topics, spans_key=self.spans_key, lexicon=self.lexicon)
        doc._.meetings = [m for m in assembler.run() if m["confidence"] >= self.min_confidence]
        return doc

    # -- lexicons ------------------------------------------------------------------------------
    def initialize(self, get_examples: Callable[[], Iterable[Any]] | None = None, *, nlp: Language | None = None) -> None:
        """Read the configured topic and frame files."""
        self._build(self.topic_files, self.frame_files)
        self._sources = {
            "topics": [(Path(f).name, Path(f).read_text(encoding="utf-8-sig")) for f in self.topic_files],
            "frames": [(Path(f).name, Path(f).read_text(encoding="utf-8-sig")) for f in self.frame_files],
        }

    @property
    def topics(self) -> TopicLexicon:
        """The topic lexicon: the shipped one plus the user's files."""
        if self._topics is None:
            self.initialize()
        assert self._topics is not None
        return self._topics

    @property
    def lexicon(self) -> MeetingLexicon:
        """Frames, cues and word sets: the shipped ones plus the user's files."""
        if self._lexicon is None:
            self.initialize()
        assert self._lexicon is not None
        return self._lexicon

    def _build(self, topic_paths: Sequence[str | Path], frame_paths: Sequence[str | Path]) -> None:
        self._topics = TopicLexicon.from_files(topic_paths, include_default=True) if topic_paths else TopicLexicon.default()
        self._lexicon = MeetingLexicon.from_files(frame_paths) if frame_paths else MeetingLexicon.default()

    def _load(self, sources: dict[str, list[tuple[str, str]]], folder: Path | None = None) -> None:
        """Build the lexicons from saved files' texts, written under ``folder`` (a temporary one by default)."""
        topics, frames = sources.get("topics") or [], sources.get("frames") or []
        with tempfile.TemporaryDirectory(prefix="diplomacy_lexicons_") as tmp:
            base = folder or Path(tmp)
            self._build(_write_sources(base / "topics", topics), _write_sources(base / "frames", frames))
        self._sources = {"topics": topics, "frames": frames}

    def _saved_sources(self) -> dict[str, list[tuple[str, str]]]:
        if self._sources is None:
            self.initialize()
        assert self._sources is not None
        return self._sources

    # -- serialisation: the user's lexicon files ------------------------------------------------
    def to_bytes(self, *, exclude: Iterable[str] = SimpleFrozenList()) -> bytes:
        """The user's topic and frame files, as bytes."""
        return util.to_bytes({"lexicons": lambda: srsly.msgpack_dumps(self._saved_sources())}, exclude)

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = SimpleFrozenList()) -> MeetingExtractor:
        """Load what :meth:`to_bytes` wrote; the lexicons held before are dropped."""

        def load(data: bytes) -> None:
            saved = srsly.msgpack_loads(data)
            self._load({kind: [tuple(item) for item in items] for kind, items in saved.items()})

        util.from_bytes(bytes_data, {"lexicons": load}, exclude)
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = SimpleFrozenList()) -> None:
        """Save the user's topic and frame files (``topics/``, ``frames/``)."""
        sources = self._saved_sources()
        util.to_disk(path, {kind: (lambda p, kind=kind: _write_sources(p, sources[kind])) for kind in ("topics", "frames")}, exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = SimpleFrozenList()) -> MeetingExtractor:
        """Load what :meth:`to_disk` wrote; the lexicons held before are dropped."""
        sources: dict[str, list[tuple[str, str]]] = {"topics": [], "frames": []}

        def reader(kind: str) -> Callable[[Path], None]:
            def read(p: Path) -> None:
                files = sorted(p.glob("*.jsonl")) if p.is_dir() else []
                sources[kind] = [(f.name.split("-", 1)[-1], f.read_text(encoding="utf-8")) for f in files]

            return read

        util.from_disk(path, {kind: reader(kind) for kind in sources}, exclude)
        self._load(sources)
        return self


def _write_sources(folder: Path, sources: list[tuple[str, str]]) -> list[Path]:
    """Write ``(name, text)`` files as ``folder/<n>-<name>``, in order; RETURNS their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, (name, text) in enumerate(sources):
        path = folder / f"{number:03d}-{name}"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


@Language.factory(
    "diplomacy_meetings",
    default_config={
        "topic_files": [],
        "frame_files": [],
        "spans_key": SPAN_KEY,
        "min_confidence": DEFAULT_MIN_CONFIDENCE,
    },
    assigns=["doc._.meetings"],
    requires=["doc.spans", "doc._.entities", "doc._.body_codes", "token.lemma", "token.dep", "doc.sents"],
)
def make_meetings(
    nlp: Language,
    name: str,
    topic_files: list[str],
    frame_files: list[str],
    spans_key: str,
    min_confidence: float,
) -> MeetingExtractor:
    """Factory of :class:`MeetingExtractor`."""
    return MeetingExtractor(
        nlp,
        name,
        topic_files=topic_files,
        frame_files=frame_files,
        spans_key=spans_key,
        min_confidence=min_confidence,
    )
