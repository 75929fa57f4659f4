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

from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import SPAN_KEY, register_extensions
from ..meetings.assembly import MeetingAssembler
from ._shared import load_kb

DEFAULT_MIN_CONFIDENCE = 0.3


class MeetingExtractor:
    """Assemble meetings from the linked entities of a doc.

    nlp (Language): the pipeline.
    name (str): component name.
    kb_files (Sequence[str]): extra knowledge-base files.
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
        kb_files: Sequence[str] = (),
        topic_files: Sequence[str] = (),
        frame_files: Sequence[str] = (),
        spans_key: str = SPAN_KEY,
        min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    ):
        register_extensions()
        from ..meetings.lexicon import MeetingLexicon
        from ..meetings.topics import TopicLexicon

        self.name = name
        self.kb = load_kb(list(kb_files))
        self.topic_files = list(topic_files)
        self.topics = TopicLexicon.from_files(self.topic_files, include_default=True) if self.topic_files else TopicLexicon.default()
        self.frame_files = list(frame_files)
        self.lexicon = MeetingLexicon.from_files(self.frame_files) if self.frame_files else MeetingLexicon.default()
        self.spans_key = spans_key
        self.min_confidence = min_confidence

    def __call__(self, doc: Doc) -> Doc:
        assembler = MeetingAssembler(doc, kb=self.kb, topics=self.topics, spans_key=self.spans_key, lexicon=self.lexicon)
        doc._.meetings = [m for m in assembler.run() if m["confidence"] >= self.min_confidence]
        return doc


@Language.factory(
    "diplomacy_meetings",
    default_config={
        "kb_files": [],
        "topic_files": [],
        "frame_files": [],
        "spans_key": SPAN_KEY,
        "min_confidence": DEFAULT_MIN_CONFIDENCE,
    },
    assigns=["doc._.meetings"],
    requires=["doc.spans", "doc._.entities", "token.lemma", "token.dep", "doc.sents"],
)
def make_meetings(
    nlp: Language,
    name: str,
    kb_files: list[str],
    topic_files: list[str],
    frame_files: list[str],
    spans_key: str,
    min_confidence: float,
) -> MeetingExtractor:
    """Factory of :class:`MeetingExtractor`."""
    return MeetingExtractor(
        nlp,
        name,
        kb_files=kb_files,
        topic_files=topic_files,
        frame_files=frame_files,
        spans_key=spans_key,
        min_confidence=min_confidence,
    )
