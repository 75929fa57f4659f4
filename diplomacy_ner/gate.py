"""The meeting gate: can this article report a meeting at all?

Most articles of a news stream are about sport, science, economics or crime.
The gate looks at the normalised tokens of an article, before any statistical
component runs, and lets it through only when some sentence holds an
*encounter cue* ("reçu", "s'entretenir", "visite", "sommet", "homologue",
"prendre part"...) and either

- that sentence or the one before or after holds an *official cue* (a title,
  an honorific, a name of the knowledge base: person, country, country
  adjective, body, acronym), or
- that sentence holds an *anaphor* and the article holds an official cue
  somewhere (the shipped lexicon lists no anaphor: "il"/"elle" let most
  political articles through, and no gold meeting needed them; a user file may
  add some).

An article that fails is returned without entities or meetings, with
``Analysis.skipped`` saying why. The test is loose on purpose: it must never
stop an article the meeting step would find a meeting in.

The cues are data: ``resources/lexicons/gate.jsonl`` (one JSON object a line,
``{"cue": "encounter" | "official" | "anaphor", "text": words, "prefix": bool}``)
plus every name of the pipeline's knowledge base and every string ``TITLE``
pattern of its rule files. Users extend it with their own files
(``Extractor(gate_files=[...])``). Matching is on lower-cased, accent-free
tokens, so "Reçu" and "recu" are one cue.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError
from spacy.tokens import Doc

from .errors import Errors, KnowledgeBaseError
from .meetings.topics import fold_text

logger = logging.getLogger("diplomacy_ner")

GATE_RESOURCE = ("resources", "lexicons", "gate.jsonl")
#: The reason written on ``Analysis.skipped`` for an article the gate stops.
SKIP_REASON = "no encounter cue"
#: Tokens that end a sentence for the gate (no parser has run yet); a line break does too.
SENTENCE_ENDS = frozenset({".", "!", "?", "…"})
#: Sentences around an encounter cue where an official cue counts.
NEIGHBOUR_SENTENCES = 1
MIN_NAME_LENGTH = 4

CueKind = Literal["encounter", "official", "anaphor"]
CueText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


class GateCue(BaseModel):
    """One line of a gate lexicon file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    cue: CueKind
    text: CueText
    prefix: bool = False


def fold_word(word: str) -> str:
    """A token as the gate compares it: lower case, no accents, straight apostrophes.

    word (str): a token's text.
    RETURNS (str): the folded form.
    """
    return fold_text(word)


def _words(text: str) -> tuple[str, ...]:
    """The gate's tokens of a cue: whitespace-separated, an elided article ("s'", "l'") apart."""
    out: list[str] = []
    for word in fold_text(text).split():
        head, apostrophe, rest = word.partition("'")
        if apostrophe and rest and len(head) <= 3:
            out.extend((head + "'", rest))
        else:
            out.append(word)
    return tuple(out)


def read_gate_cues(path: str | os.PathLike[str] | Traversable) -> list[GateCue]:
    """Read and validate a gate lexicon file (``//`` comments and blank lines skipped).

    path (str | PathLike | Traversable): the JSONL file.
    RETURNS (list[GateCue]): the cues in file order.
    RAISES KnowledgeBaseError: a bad line, naming the file, the line and the field.
    """
    from .kb.loader import iter_json_objects, validation_error

    label = str(path)
    source: Path | Traversable = Path(path) if isinstance(path, str | os.PathLike) else path
    if not source.is_file():
        raise KnowledgeBaseError(Errors.D014.format(path=label))
    cues = []
    for number, obj in iter_json_objects(source.read_text(encoding="utf-8-sig").splitlines(), label):
        try:
            cue = GateCue.model_validate(obj)
        except ValidationError as err:
            raise validation_error(err, path=label, line=number) from None
        if not _words(cue.text):
            raise KnowledgeBaseError(Errors.D011.format(path=label, line=number, field="text", msg="no word"))
        cues.append(cue)
    return cues


@lru_cache(maxsize=1)
def default_gate_cues() -> tuple[GateCue, ...]:
    """The shipped gate lexicon, read once per process."""
    return tuple(read_gate_cues(resources.files("diplomacy_ner").joinpath(*GATE_RESOURCE)))


@dataclass
class _CueTable:
    """Cues of one kind: single words, prefixes, and phrases keyed by their first word."""

    words: set[str] = field(default_factory=set)
    prefixes: set[str] = field(default_factory=set)
    phrases: dict[str, set[tuple[tuple[str, ...], bool]]] = field(default_factory=dict)

    def add(self, words: tuple[str, ...], prefix: bool = False) -> None:
        if len(words) == 1:
            (self.prefixes if prefix else self.words).add(words[0])
        else:
            self.phrases.setdefault(words[0], set()).add((words, prefix))

    def frozen(self) -> _FrozenCues:
        return _FrozenCues(frozenset(self.words), tuple(sorted(self.prefixes)), dict(self.phrases))


@dataclass(frozen=True)
class _FrozenCues:
    words: frozenset[str]
    prefixes: tuple[str, ...]
    phrases: dict[str, set[tuple[tuple[str, ...], bool]]]

    def at(self, folded: Sequence[str], i: int) -> bool:
        """Does a cue start at token ``i``?"""
        word = folded[i]
        if word in self.words or (self.prefixes and word.startswith(self.prefixes)):
            return True
        for words, prefix in self.phrases.get(word, ()):
            end = i + len(words)
            if end > len(folded):
                continue
            if prefix:
                if tuple(folded[i : end - 1]) == words[:-1] and folded[end - 1].startswith(words[-1]):
                    return True
            elif tuple(folded[i:end]) == words:
                return True
        return False


class MeetingGate:
    """Decide from the tokens alone whether an article can report a meeting.

    cues (Iterable[GateCue]): the lexicon (shipped and user cues).
    names (Iterable[str]): more official cues: knowledge-base names and title patterns.
    """

    def __init__(self, cues: Iterable[GateCue] = (), names: Iterable[str] = ()):
        tables: dict[str, _CueTable] = {"encounter": _CueTable(), "official": _CueTable(), "anaphor": _CueTable()}
        for cue in cues:
            tables[cue.cue].add(_words(cue.text), cue.prefix)
        for name in names:
            words = _words(name)
            if words:
                tables["official"].add(words)
        self.encounter = tables["encounter"].frozen()
        self.official = tables["official"].frozen()
        self.anaphor = tables["anaphor"].frozen()
        self._fold_cache: dict[str, str] = {}

    @classmethod
    def from_pipeline(cls, nlp: Any, gate_files: Sequence[str | os.PathLike[str]] = ()) -> MeetingGate:
        """The gate of a pipeline: the shipped and user cues, its knowledge base and title patterns.

        nlp (Language): a diplomacy_ner pipeline (with ``diplomacy_entity_rules``).
        gate_files (Sequence[str | PathLike]): user gate lexicon files.
        RETURNS (MeetingGate): the gate.
        """
        cues = list(default_gate_cues())
        for path in gate_files:
            cues.extend(read_gate_cues(path))
        if "diplomacy_meetings" in nlp.pipe_names:
            cues.extend(frame_cues(nlp.get_pipe("diplomacy_meetings").lexicon))
        names: list[str] = []
        if "diplomacy_entity_rules" in nlp.pipe_names:
            rules = nlp.get_pipe("diplomacy_entity_rules")
            names.extend(knowledge_base_names(rules.kb))
            names.extend(
                p.pattern for p in rules.rules.patterns if p.label == "TITLE" and isinstance(p.pattern, str)
            )
        gate = cls(cues, names)
        logger.debug("meeting gate: %d cues, %d names", len(cues), len(names))
        return gate

    def _fold(self, word: str) -> str:
        folded = self._fold_cache.get(word)
        if folded is None:
            if len(self._fold_cache) > 200_000:
                self._fold_cache.clear()
            folded = self._fold_cache[word] = fold_text(word)
        return folded

    def passes(self, doc: Doc) -> bool:
        """Can ``doc`` (tokenized, not yet tagged) report a meeting?

        doc (Doc): the doc from the pipeline's tokenizer.
        RETURNS (bool): True when it must go through the whole pipeline.
        """
        return self.skip_reason(doc) is None

    def skip_reason(self, doc: Doc) -> str | None:
        """Why ``doc`` cannot report a meeting, or None when it may.

        doc (Doc): the doc from the pipeline's tokenizer.
        RETURNS (str | None): :data:`SKIP_REASON`, or None.
        """
        folded = [self._fold(tok.text) for tok in doc]
        encounter: list[int] = []  # sentence numbers
        official: set[int] = set()
        anaphor: set[int] = set()
        sentence = 0
        for i, tok in enumerate(doc):
            word = folded[i]
            if tok.is_space or (tok.is_punct and word not in self.official.words):
                if word in SENTENCE_ENDS or "\n" in tok.text:
                    sentence += 1
                continue
            if self.encounter.at(folded, i):
                encounter.append(sentence)
            if self.official.at(folded, i):
                official.add(sentence)
            if self.anaphor.at(folded, i):
                anaphor.add(sentence)
            if "\n" in tok.whitespace_:
                sentence += 1
        if not encounter or not official:
            return SKIP_REASON
        for k in encounter:
            if k in anaphor or any(k + d in official for d in range(-NEIGHBOUR_SENTENCES, NEIGHBOUR_SENTENCES + 1)):
                return None
        return SKIP_REASON


def knowledge_base_names(kb: Any) -> Iterator[str]:
    """Every name of the knowledge base an official can be named or qualified by.

    People: names and aliases, and the last word of each (a surname alone);
    countries: names, official names, aliases, adjectives; bodies: names,
    aliases, acronyms, adjectives.

    kb (KnowledgeBase): the knowledge base.
    YIELDS (str): names.
    """
    for person in kb.people:
        for name in (person.name, *person.aliases):
            yield name
            last = name.split()[-1] if name.split() else ""
            if len(last) >= MIN_NAME_LENGTH:
                yield last
    for country in kb.countries:
        yield from (country.name, *country.official_names, *country.aliases, *country.adjectives)
    for body in kb.bodies:
        yield from (body.name, *body.aliases, *body.adjectives)
        if body.acronym:
            yield body.acronym


def frame_cues(lexicon: Any) -> list[GateCue]:
    """Encounter cues for the frames a user added to the meeting step (``frame_files``), so that no
    frame the meeting step reads can open in an article the gate rules out; the shipped frames are
    covered by ``gate.jsonl``. Each lemma becomes its stem as a prefix (covering its inflections),
    each word start (``forms``) a prefix as it is."""
    from .meetings.lexicon import MeetingLexicon

    shipped = set(MeetingLexicon.default().frames)
    out: list[GateCue] = []
    for frame in lexicon.frames:
        if frame in shipped:
            continue
        for lemma in frame.lemmas:
            word = lemma.split()[0].removeprefix("s'").removeprefix("se ")
            if frame.pos == "verb":
                for ending in ("oir", "er", "ir", "re"):
                    if word.endswith(ending) and len(word) - len(ending) >= 3:
                        word = word[: -len(ending)]
                        break
            out.append(GateCue(cue="encounter", text=word, prefix=True))
        out.extend(GateCue(cue="encounter", text=form, prefix=True) for form in frame.forms)
    return out
