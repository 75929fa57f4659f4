"""The meeting gate: can this article report a meeting at all?

Most articles of a news stream are about sport, science, economics or crime.
The gate looks at the normalised tokens of an article, before any statistical
component runs, and lets it through only when some token could open an
encounter frame of the meeting step *and* an actor stands close to it:

- **Encounter cues are the meeting step's own frames** (``frames.jsonl`` and
  the user's ``frame_files``), read off the surface: a verb frame opens on a
  word starting with one of its ``forms``, or with the stem of one of its
  lemmas followed by a verb ending (``verb_endings`` in
  ``resources/lexicons/words/gate.jsonl``) or on an irregular stem of the gate
  lexicon ("pris" for "prendre"); a noun frame on one of its lemmas or their
  plural. The frame's own conditions are checked on the tokens: a ``needs_next``
  word within the next four tokens, a reflexive within the five before, for
  a ``needs_group`` frame two actors in the sentence, and for a ``needs_cue``
  frame ("a affirmé au président X" only on a visit the text tells) its cue list
  somewhere in the text (a cue list anchored with ``^`` or ``$`` is taken as
  matching: it could match a sentence and not the whole text). The gate lexicon adds a
  few encounter words no frame opens on (``"visite"``), so that an article
  whose meeting is told that way still reaches the model.
- **Actors**: a title or honorific of the gate lexicon, a ``TITLE`` pattern of
  the rule files, or a person's name of the knowledge base (full name,
  surname) in the cue's sentence or the one before or after; or a capitalised
  word (a name the NER may tag as a person) within ``NAME_BEFORE`` tokens
  before or ``NAME_AFTER`` after the cue, in its sentence. Countries and bodies
  are not actors: a meeting's participants are people, and country names in
  sport and economy articles were what let most of them through.
- An *anaphor* of a user gate file in the cue's sentence counts as an actor when
  the article holds one somewhere (the shipped lexicon lists none).

Before tokenizing, :meth:`MeetingGate.text_skip_reason` scans the raw text once
for the same cues with the same conditions, loosened to whitespace-separated
chunks so that it can only let through more than the token test: most articles
of a stream stop there, without a tokenizer.

An article that fails is returned without entities or meetings, with
``Analysis.skipped`` saying why. The test must never stop an article the
meeting step would find a meeting in: a test checks this on the gold corpora.

The gate lexicon is data: ``resources/lexicons/gate.jsonl`` (one JSON object a
line, ``{"cue": "encounter" | "official" | "anaphor" | "inflection", "text":
words, "prefix": bool, "lemma": lemma}``). Users extend it with their own files
(``Extractor(gate_files=[...])``). Actor matching is on folded tokens
(:func:`diplomacy_ner.folding.fold`); frames are matched on lower-cased tokens,
as the meeting step matches them.
"""

from .cues import (
    CueKind,
    CueText,
    GATE_RESOURCE,
    GateCue,
    MIN_NAME_LENGTH,
    NAME_AFTER,
    NAME_BEFORE,
    NEIGHBOUR_SENTENCES,
    NEXT_WORDS,
    REFLEXIVE_REACH,
    SENTENCE_ENDS,
    SKIP_REASON,
    default_gate_cues,
    fold_word,
    frame_cues,
    knowledge_base_names,
    logger,
    read_gate_cues,
)
from .meeting_gate import MeetingGate

__all__ = [
    "CueKind",
    "CueText",
    "GATE_RESOURCE",
    "GateCue",
    "MIN_NAME_LENGTH",
    "MeetingGate",
    "NAME_AFTER",
    "NAME_BEFORE",
    "NEIGHBOUR_SENTENCES",
    "NEXT_WORDS",
    "REFLEXIVE_REACH",
    "SENTENCE_ENDS",
    "SKIP_REASON",
    "default_gate_cues",
    "fold_word",
    "frame_cues",
    "knowledge_base_names",
    "logger",
    "read_gate_cues",
]
