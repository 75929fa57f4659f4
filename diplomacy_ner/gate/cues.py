"""The gate's vocabulary: cue records, the frames it reads from the meeting lexicon, and the
word tables and text screens built from them (see :mod:`diplomacy_ner.gate`)."""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError, model_validator

from ..errors import Errors, KnowledgeBaseError
from ..folding import LETTER_MAP, fold
from ..meetings.topics import fold_text

logger = logging.getLogger("diplomacy_ner")

GATE_RESOURCE = ("resources", "lexicons", "gate.jsonl")
#: The reason written on ``Analysis.skipped`` for an article the gate stops.
SKIP_REASON = "no encounter cue"
#: Tokens that end a sentence for the gate (no parser has run yet); a line break does too.
SENTENCE_ENDS = frozenset({".", "!", "?", "…"})
#: Sentences around an encounter cue where a title or a known name counts.
NEIGHBOUR_SENTENCES = 1
#: A capitalised word this many tokens before an encounter cue (a subject, "Vahid entame la rencontre")...
NAME_BEFORE = 3
#: ... or this many after it ("le sommet Petrocaribe") counts as an actor.
NAME_AFTER = 1
#: How far the meeting step looks for a frame's next word / reflexive (see ``meetings.encounters``).
NEXT_WORDS = 4
REFLEXIVE_REACH = 5
MIN_NAME_LENGTH = 4
_VERB_ENDINGS = ("oir", "er", "ir", "re")

# Characters after which the cheap text scan of :meth:`MeetingGate.text_skip_reason` could miss a word
# the tokens hold: markup and entities (the normaliser may join words), letters that
# :func:`~diplomacy_ner.folding.fold` case-folds to several ("ß" -> "ss"), and everything past Latin Extended-A
# but general punctuation (combining accents, ligatures, other scripts).
_SCREEN_UNSAFE = re.compile("[<&ßĳĲŀĿŉſ\u0180-\u1fff\u2070-\u20ab\u20ad-\u218f\u2c00-\uffff]")
_SCREEN_APOSTROPHES = "\u2019\u2018\u02bc\u00b4\u2032"  # the normaliser makes them "'"
_SCREEN_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*'?")
_WORD_START, _WORD_END = r"(?<![^\W\d_])", r"(?![^\W\d_])"  # no letter before / after

CueKind = Literal["encounter", "official", "anaphor", "inflection"]
CueText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


class GateCue(BaseModel):
    """One line of a gate lexicon file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    cue: CueKind
    text: CueText
    prefix: bool = False
    #: For an ``inflection``: the frame lemma ("prendre") whose irregular stem ("pri") ``text`` is.
    lemma: str | None = None

    @model_validator(mode="after")
    def _lemma_with_inflection(self) -> GateCue:
        if (self.cue == "inflection") != bool(self.lemma):
            raise ValueError("`lemma` is required for an inflection cue and only there")
        return self


def fold_word(word: str) -> str:
    """A token as the gate compares actor cues: :func:`diplomacy_ner.folding.fold`.

    word (str): a token's text.
    RETURNS (str): the folded form (lower case, no accents, straight apostrophes).
    """
    return fold(word)


def _words(text: str) -> tuple[str, ...]:
    """The gate's tokens of a cue: whitespace-separated, an elided article ("s'", "l'") apart."""
    out: list[str] = []
    for raw in text.split():
        word = fold(raw)
        head, apostrophe, rest = word.partition("'")
        if apostrophe and rest and len(head) <= 3:
            out.extend((head + "'", rest))
        elif word:
            out.append(word)
    return tuple(out)


def read_gate_cues(path: str | os.PathLike[str] | Traversable) -> list[GateCue]:
    """Read and validate a gate lexicon file (``//`` comments and blank lines skipped).

    path (str | PathLike | Traversable): the JSONL file.
    RETURNS (list[GateCue]): the cues in file order.
    RAISES KnowledgeBaseError: a bad line, naming the file, the line and the field.
    """
    from ..kb.loader import iter_json_objects, validation_error

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

    def starts(self, word: str) -> bool:
        """Can a cue start at a token of this folded form (a word cue, a prefix or a phrase's first word)?"""
        return word in self.words or word in self.phrases or bool(self.prefixes and word.startswith(self.prefixes))

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


@dataclass(frozen=True)
class _FrameCue:
    """What the gate checks of one encounter frame: how it opens on a word, and its conditions."""

    name: str
    forms: tuple[str, ...]  # prefixes of the lower-cased word, as the meeting step reads them
    stems: tuple[str, ...]  # lemma stems: a verb ending must follow
    irregular: tuple[str, ...]  # irregular stems: any continuation
    nouns: frozenset[str]
    needs_next: frozenset[str]
    needs_reflexive: bool
    needs_group: bool
    join: bool = False
    needs_cue: str | None = None  # a cue list of the meeting lexicon the sentence must match

    def opens(self, low: str, endings: frozenset[str]) -> bool:
        """Can the lower-cased word ``low`` open this frame (whatever its part of speech)?"""
        if low in self.nouns or (low[-1:] in ("s", "x") and low[:-1] in self.nouns):
            return True
        if self.forms and low.startswith(self.forms):
            return True
        if self.irregular and low.startswith(self.irregular):
            return True
        return any(low.startswith(stem) and (len(low) == len(stem) or low[len(stem) :] in endings) for stem in self.stems)


@lru_cache(maxsize=1)
def _screen_fold_table() -> dict[int, str]:
    """One plain ``str.translate`` table doing, for every character the text scan accepts, what
    :func:`~diplomacy_ner.folding.fold` does to a word: lower case, no accents, "œ" -> "oe",
    straight apostrophes, hyphens and dashes as spaces (a dict subclass or several passes are
    several times slower)."""
    codes = [*range(0x180), *range(0x2000, 0x2070), 0x20AC, *range(0x2190, 0x2C00)]
    table = {}
    for code in codes:
        char = chr(code)
        folded = fold_text(char.translate(LETTER_MAP))
        if folded in ("-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212", "\u00ad"):
            folded = " "
        if folded != char:
            table[code] = folded
    for char in _SCREEN_APOSTROPHES + "`":
        table[ord(char)] = "'"
    return table


def _trie(words: Iterable[str]) -> str:
    """One regular expression matching any of ``words``, factored on common prefixes (a trie), so
    that a scan fails on the first character at most positions."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict[str, Any]) -> str:
        ends = "" in node
        parts = [re.escape(char) + render(child) for char, child in sorted(node.items()) if char]
        if not parts:
            return ""
        body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
        if ends:
            return f"(?:{body})?"
        return body

    return "(?:" + render(tree) + ")"


# What an encounter cue needs near it, from the most to the least permissive.
_PLAIN, _JOIN, _GROUP = range(3)


def _need(frame: _FrameCue) -> int:
    """What an encounter of ``frame`` needs to make a meeting (see :meth:`MeetingGate.skip_reason`)."""
    if frame.needs_group:
        return _GROUP
    if frame.join:
        return _JOIN
    return _PLAIN


def _stem(lemma: str) -> str:
    """A verb lemma without its reflexive and infinitive ending ("s'entretenir" -> "entreten")."""
    word = lemma.split()[0].removeprefix("s'").removeprefix("se ")
    for ending in _VERB_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def frame_cues(frames: Iterable[Any], inflections: Iterable[GateCue] = ()) -> tuple[_FrameCue, ...]:
    """The gate's view of the meeting step's encounter frames.

    frames (Iterable[Frame]): the frames of a :class:`~diplomacy_ner.meetings.lexicon.MeetingLexicon`.
    inflections (Iterable[GateCue]): ``inflection`` cues: irregular stems of frame lemmas.
    RETURNS (tuple[_FrameCue, ...]): one per frame.
    """
    irregular: dict[str, set[str]] = {}
    for cue in inflections:
        if cue.cue == "inflection" and cue.lemma:
            irregular.setdefault(cue.lemma.lower().removeprefix("s'"), set()).add(cue.text.lower())
    out = []
    for frame in frames:
        lemmas = [lemma.lower() for lemma in frame.lemmas]
        verb = frame.pos == "verb"
        stems = {_stem(lemma) for lemma in lemmas} if verb else set()
        irr = {s for lemma in lemmas for s in irregular.get(lemma.removeprefix("s'"), ())} if verb else set()
        nouns = frozenset(lemma.split()[0] for lemma in lemmas) if not verb else frozenset()
        out.append(
            _FrameCue(
                name=frame.frame,
                forms=tuple(sorted({form.lower() for form in frame.forms})),
                stems=tuple(sorted(stems)),
                irregular=tuple(sorted(irr)),
                nouns=nouns,
                needs_next=frozenset(w.lower() for w in frame.needs_next),
                needs_reflexive=bool(frame.needs_reflexive),
                needs_group=bool(getattr(frame, "needs_group", False)),
                join=bool(getattr(frame, "join", False)),
                needs_cue=getattr(frame, "needs_cue", None),
            )
        )
    return tuple(out)


def knowledge_base_names(kb: Any) -> Iterator[str]:
    """Every name of the knowledge base a participant can be named by: its people's names and
    aliases, and the last word of each (a surname alone).

    kb (KnowledgeBase): the knowledge base.
    YIELDS (str): names.
    """
    for person in kb.people:
        for name in (person.name, *person.aliases):
            yield name
            last = name.split()[-1] if name.split() else ""
            if len(last) >= MIN_NAME_LENGTH:
                yield last
