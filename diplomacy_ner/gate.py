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
  word within the next four tokens, a reflexive within the five before, and for
  a ``needs_group`` frame two actors in the sentence. The gate lexicon adds a
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
from spacy.attrs import IS_PUNCT, IS_SPACE, IS_TITLE, LOWER
from spacy.tokens import Doc

from .errors import Errors, KnowledgeBaseError
from .folding import LETTER_MAP, fold
from .lexicons import word_set
from .meetings.topics import fold_text
from .normalize import INVISIBLE

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
            )
        )
    return tuple(out)


class MeetingGate:
    """Decide from the tokens alone whether an article can report a meeting.

    cues (Iterable[GateCue]): the gate lexicon (shipped and user cues).
    names (Iterable[str]): more actors: knowledge-base people's names and title patterns.
    frames (Iterable[Frame] | None): the meeting step's encounter frames; None: the shipped ones.
    reflexives (Iterable[str] | None): the words that make a verb reflexive; None: the shipped ones.
    """

    def __init__(
        self,
        cues: Iterable[GateCue] = (),
        names: Iterable[str] = (),
        frames: Iterable[Any] | None = None,
        reflexives: Iterable[str] | None = None,
    ):
        from .meetings.lexicon import MeetingLexicon

        cues = list(cues)
        tables: dict[str, _CueTable] = {"encounter": _CueTable(), "official": _CueTable(), "anaphor": _CueTable()}
        for cue in cues:
            if cue.cue in tables:
                tables[cue.cue].add(_words(cue.text), cue.prefix)
        for name in names:
            words = _words(name)
            if words:
                tables["official"].add(words)
        self.encounter = tables["encounter"].frozen()
        self.official = tables["official"].frozen()
        self.anaphor = tables["anaphor"].frozen()
        lexicon = MeetingLexicon.default()
        self.frames = frame_cues(lexicon.frames if frames is None else frames, cues)
        self.reflexives = frozenset(lexicon.word_set("reflexive") if reflexives is None else reflexives)
        self.endings = word_set("verb_endings")
        self._screens: tuple[re.Pattern[str], re.Pattern[str] | None] | None = None
        self._actor_screen: re.Pattern[str] | None = None
        self._screen_words: dict[str, tuple[_FrameCue, ...]] = {}
        self._words: dict[int, tuple[str, tuple[_FrameCue, ...], bool, bool, bool, str]] = {}

    @classmethod
    def from_pipeline(cls, nlp: Any, gate_files: Sequence[str | os.PathLike[str]] = ()) -> MeetingGate:
        """The gate of a pipeline: the shipped and user cues, its frames, knowledge base and title patterns.

        nlp (Language): a diplomacy_ner pipeline (with ``diplomacy_entity_rules``).
        gate_files (Sequence[str | PathLike]): user gate lexicon files.
        RETURNS (MeetingGate): the gate.
        """
        cues = list(default_gate_cues())
        for path in gate_files:
            cues.extend(read_gate_cues(path))
        frames = reflexives = None
        if "diplomacy_meetings" in nlp.pipe_names:
            lexicon = nlp.get_pipe("diplomacy_meetings").lexicon
            frames, reflexives = lexicon.frames, lexicon.word_set("reflexive")
        names: list[str] = []
        if "diplomacy_entity_rules" in nlp.pipe_names:
            rules = nlp.get_pipe("diplomacy_entity_rules")
            names.extend(knowledge_base_names(rules.kb))
            names.extend(
                p.pattern for p in rules.rules.patterns if p.label == "TITLE" and isinstance(p.pattern, str)
            )
        gate = cls(cues, names, frames, reflexives)
        logger.debug("meeting gate: %d cues, %d frames, %d names", len(cues), len(gate.frames), len(names))
        return gate

    def _word(self, orth: int, low: str) -> tuple[str, tuple[_FrameCue, ...], bool, bool, bool, str]:
        """Per distinct lower-cased word (cached): folded form, frames it may open, whether a
        gate encounter, actor or anaphor cue may start on it, and the word itself."""
        info = self._words.get(orth)
        if info is None:
            if len(self._words) > 200_000:
                self._words.clear()
            folded = fold(low) if low.strip() else low
            screen = (self._screens or self._build_screens())[0]
            # most words open no frame: one regex match rules them out before the per-frame test
            frames = tuple(f for f in self.frames if f.opens(low, self.endings)) if screen.match(low) else ()
            info = self._words[orth] = (
                folded,
                frames,
                self.encounter.starts(folded),
                self.official.starts(folded),
                self.anaphor.starts(folded),
                low,
            )
        return info

    def text_skip_reason(self, text: str) -> str | None:
        """:data:`SKIP_REASON` when no word of ``text`` can be an encounter cue, so that the article
        is skipped without being tokenized; None when the tokens must be looked at (:meth:`skip_reason`).

        One regular-expression scan of the text: every frame form, lemma stem with a verb ending,
        noun frame and gate encounter word, at a word start. It never rules out an article the
        token test would let through: a text the normaliser could change into new words (HTML
        tags or entities, combining accents) or with letters folding does not map one for one is
        always left to the tokens.

        text (str): the article as received.
        RETURNS (str | None): :data:`SKIP_REASON`, or None.
        """
        if _SCREEN_UNSAFE.search(text):
            return None
        text = INVISIBLE.sub("", text)  # as the normaliser does: soft hyphens, zero-width marks, "\r"
        frames, cues = self._screens or self._build_screens()
        folded = text.translate(_screen_fold_table())
        if cues is not None and cues.search(folded):
            return None
        low = text.lower()
        for apostrophe in _SCREEN_APOSTROPHES:
            if apostrophe in low:
                low = low.replace(apostrophe, "'")
        has_actor: bool | None = None
        for match in frames.finditer(low):
            start = match.start()
            candidates = self._screen_frames(low, start)
            if not candidates or any(not (f.needs_next or f.needs_reflexive or f.needs_group or f.join) for f in candidates):
                return None
            for frame in candidates:
                if frame.needs_reflexive and not self._screen_reflexive(low, start):
                    continue
                if frame.needs_next and not self._screen_next(low, start, frame):
                    continue
                if frame.needs_group or frame.join:
                    # an actor in the sentence: at least some title or person's name in the article
                    if has_actor is None:
                        has_actor = self._screen_actor().search(folded) is not None
                    if not has_actor:
                        continue
                return None
        return SKIP_REASON

    def _screen_frames(self, low: str, start: int) -> tuple[_FrameCue, ...]:
        """The frames a token starting at ``start`` of the lower-cased text may open (any token end)."""
        head = _SCREEN_WORD.match(low, start)
        word = head.group() if head else ""
        frames = self._screen_words.get(word)
        if frames is None:
            if len(self._screen_words) > 50_000:
                self._screen_words.clear()
            ends = {word, *(word[:i] for i, char in enumerate(word) if char in "-'")}
            frames = self._screen_words[word] = tuple(
                f
                for f in self.frames
                if (f.forms and word.startswith(f.forms))
                or (f.irregular and word.startswith(f.irregular))
                or any(f.opens(w, self.endings) for w in ends if w)
            )
        return frames

    def _screen_reflexive(self, low: str, start: int) -> bool:
        """A reflexive may be among the :data:`REFLEXIVE_REACH` tokens before ``start``: it is within
        the whitespace-separated chunks that hold them (a superset)."""
        before = low[max(0, start - 400) : start]
        chunks = before.split()
        if len(chunks) <= REFLEXIVE_REACH and start > 400:
            return True  # chunks too long to tell: leave it to the tokens
        window = " ".join(chunks[-(REFLEXIVE_REACH + 1) :])
        return self._word_pattern(tuple(sorted(self.reflexives))).search(window) is not None

    def _screen_next(self, low: str, start: int, frame: _FrameCue) -> bool:
        """A ``needs_next`` word may be among the :data:`NEXT_WORDS` tokens after the cue: it is within
        the cue's chunk and the next whitespace-separated chunks (a superset)."""
        after = low[start : start + 400]
        chunks = after.split()
        if len(chunks) <= NEXT_WORDS and start + 400 < len(low):
            return True
        window = " ".join(chunks[: NEXT_WORDS + 1])
        return self._word_pattern(tuple(sorted(frame.needs_next))).search(window) is not None

    @staticmethod
    @lru_cache(maxsize=256)
    def _word_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
        """Any of ``words`` as a whole token of a text (a word ending in a letter or digit must not go on)."""
        return re.compile(
            "|".join(_WORD_START + re.escape(w) + (_WORD_END if w[-1:].isalnum() else "") for w in words) or "(?!)"
        )

    def _screen_actor(self) -> re.Pattern[str]:
        """Any first word of an actor cue (titles, honorifics, people's names) on the folded text."""
        if self._actor_screen is None:
            words = {*self.official.words, *self.official.phrases}
            alnum = {w for w in words if w[-1:].isalnum()}
            branches = ([f"{_trie(alnum)}(?![^\\W\\d_])"] if alnum else []) + ([_trie(words - alnum)] if words - alnum else [])
            self._actor_screen = re.compile(f"(?<![^\\W\\d_])(?:{'|'.join(branches) or '(?!)'})")
        return self._actor_screen

    def _build_screens(self) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
        """The two scans of :meth:`text_skip_reason`: frames on the lower-cased text, gate encounter
        words on the folded text."""
        start, end = r"(?<![^\W\d_])", r"(?![^\W\d_])"
        endings = "|".join(re.escape(e) for e in sorted(self.endings, key=len, reverse=True))
        prefixes: set[str] = set()
        stems: set[str] = set()
        nouns: set[str] = set()
        for frame in self.frames:
            prefixes.update(frame.forms)
            prefixes.update(frame.irregular)
            stems.update(frame.stems)
            nouns.update(frame.nouns)
        branches = []
        if prefixes:
            branches.append(_trie(prefixes))
        if stems:
            branches.append(f"{_trie(stems)}(?:{endings})?{end}")
        if nouns:
            branches.append(f"{_trie(nouns)}[sx]?{end}")
        frames = re.compile(f"{start}(?:{'|'.join(branches) or '(?!)'})")
        exact = {*self.encounter.words, *self.encounter.phrases}
        cue_branches = ([f"{_trie(exact)}{end}"] if exact else []) + ([_trie(self.encounter.prefixes)] if self.encounter.prefixes else [])
        cues = re.compile(f"{start}(?:{'|'.join(cue_branches)})") if cue_branches else None
        self._screens = (frames, cues)
        return self._screens

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
        n = len(doc)
        if not n:
            return SKIP_REASON
        strings = doc.vocab.strings
        rows = doc.to_array([LOWER, IS_SPACE, IS_PUNCT, IS_TITLE]).tolist()
        get = self._words.get
        infos = [get(row[0]) or self._word(row[0], strings[row[0]]) for row in rows]
        # first the encounter cues alone (few tokens): most articles stop here
        found: list[tuple[int, int]] = []  # (token, what it needs: _PLAIN / _JOIN / _GROUP)
        folded: list[str] | None = None
        for i, info in enumerate(infos):
            if not (info[1] or info[2]) or rows[i][1] or rows[i][2]:
                continue
            held = [frame for frame in info[1] if self._conditions_hold(frame, i, infos)]
            if held:
                found.append((i, min(_need(f) for f in held)))
            elif info[2]:
                folded = folded or [x[0] for x in infos]
                if self.encounter.at(folded, i):
                    found.append((i, _PLAIN))
        if not found:
            return SKIP_REASON
        folded = folded or [x[0] for x in infos]
        # then sentences, actors and capitalised words over the whole article
        actors: dict[int, int] = {}  # sentence -> titles and known names
        anaphors: set[int] = set()
        sentence_of = [0] * n
        capitalised = [False] * n  # a capitalised word, not first in its sentence
        sentence_start = [0]
        sentence = 0
        first = True
        for i, (_, is_space, is_punct, is_title) in enumerate(rows):
            word, _, _, official, anaphor, _ = infos[i]
            sentence_of[i] = sentence
            if is_space or (is_punct and word not in self.official.words):
                if word in SENTENCE_ENDS or (is_space and "\n" in word):
                    sentence += 1
                    sentence_start.append(i + 1)
                    first = True
                continue
            if official and self.official.at(folded, i):
                actors[sentence] = actors.get(sentence, 0) + 1
            if anaphor and self.anaphor.at(folded, i):
                anaphors.add(sentence)
            capitalised[i] = bool(is_title) and not first
            first = False
        encounters = [(i, sentence_of[i], need) for i, need in found]
        if not encounters:
            return SKIP_REASON
        caps_before = [0] * (n + 1)  # capitalised words before each token
        for i, cap in enumerate(capitalised):
            caps_before[i + 1] = caps_before[i] + cap
        for i, k, need in encounters:
            if need == _JOIN:
                # "ont pris part aux travaux X, Y": only people with an office join (``_join_frame``)
                if actors.get(k):
                    return None
                continue
            if need == _GROUP:
                # "X et Y ont évoqué": two named subjects, one of them with an office
                if actors.get(k) and actors[k] + caps_before[i] - caps_before[sentence_start[k]] >= 2:
                    return None
                continue
            if any(actors.get(k + d) for d in range(-NEIGHBOUR_SENTENCES, NEIGHBOUR_SENTENCES + 1)):
                return None
            if k in anaphors and actors:
                return None
            # a name next to the cue: the subject or partner of a meeting of people the text gives no office
            if any(
                capitalised[j] and sentence_of[j] == k
                for j in range(max(0, i - NAME_BEFORE), min(n, i + NAME_AFTER + 1))
                if j != i
            ):
                return None
        return SKIP_REASON

    def _conditions_hold(self, frame: _FrameCue, i: int, infos: list[Any]) -> bool:
        """A frame's ``needs_next`` and ``needs_reflexive`` conditions, on the surface tokens around ``i``."""
        if frame.needs_reflexive and not any(
            infos[j][5] in self.reflexives for j in range(max(0, i - REFLEXIVE_REACH), i)
        ):
            return False
        if frame.needs_next and not any(
            infos[j][5] in frame.needs_next for j in range(i + 1, min(len(infos), i + 1 + NEXT_WORDS))
        ):
            return False
        return True


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
