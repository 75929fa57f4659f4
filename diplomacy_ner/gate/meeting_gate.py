"""The meeting gate: :class:`MeetingGate` decides, before the statistical model, whether an article can
report a meeting (see :mod:`diplomacy_ner.gate`)."""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.attrs import IS_PUNCT, IS_SPACE, IS_TITLE, LOWER
from spacy.tokens import Doc

from ..folding import fold
from ..lexicons import word_set
from ..normalize import INVISIBLE
from ..rules.tokens import TokenWords
from .cues import (
    GateCue,
    NAME_AFTER,
    NAME_BEFORE,
    NEIGHBOUR_SENTENCES,
    NEXT_WORDS,
    REFLEXIVE_REACH,
    SENTENCE_ENDS,
    SKIP_REASON,
    _CueTable,
    _FrameCue,
    _GROUP,
    _JOIN,
    _PLAIN,
    _SCREEN_APOSTROPHES,
    _SCREEN_UNSAFE,
    _SCREEN_WORD,
    _WORD_END,
    _WORD_START,
    _need,
    _screen_fold_table,
    _trie,
    _words,
    default_gate_cues,
    frame_cues,
    knowledge_base_names,
    read_gate_cues,
)

logger = logging.getLogger("diplomacy_ner")
_ANY_SPACE = re.compile(r"\s")
# an anchor outside a character class: "^" not after "[" or a backslash, "$", \A, \Z
_ANCHORED = re.compile(r"(?<![\\\[])\^|(?<!\\)\$|\\[AZ]")


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
        lexicon: Any = None,
    ):
        from ..meetings.lexicon import MeetingLexicon

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
        lexicon = lexicon if lexicon is not None else MeetingLexicon.default()
        self.lexicon = lexicon  # the cue lists a frame's ``needs_cue`` names
        self._anchored: dict[str, bool] = {}  # needs_cue name -> its cue list holds an anchor (see _cue_in)
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
        frames = reflexives = lexicon = None
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
        gate = cls(cues, names, frames, reflexives, lexicon)
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
        cue_found: dict[str, bool] = {}
        for match in frames.finditer(low):
            start = match.start()
            candidates = self._screen_frames(low, start)
            if not candidates or any(
                not (f.needs_next or f.needs_reflexive or f.needs_group or f.join or f.needs_cue) for f in candidates
            ):
                return None
            for frame in candidates:
                if frame.needs_reflexive and not self._screen_reflexive(low, start):
                    continue
                if frame.needs_next and not self._screen_next(low, start, frame):
                    continue
                if frame.needs_cue and not self._cue_in(frame.needs_cue, text, cue_found):
                    continue
                if frame.needs_group or frame.join:
                    # an actor in the sentence: at least some title or person's name in the article
                    if has_actor is None:
                        has_actor = self._screen_actor().search(folded) is not None
                    if not has_actor:
                        continue
                return None
        return SKIP_REASON

    def _cue_in(self, name: str, text: str, found: dict[str, bool]) -> bool:
        r"""May the cue list ``name`` match a sentence of ``text`` (a frame's ``needs_cue``)?

        The meeting step searches the sentence of the predicate in the normalised text; here the
        whole text is searched, every whitespace character made a space (the normaliser joins lines
        with one): a superset. A cue list anchored at a start or an end (``^``, ``$``, ``\A``,
        ``\Z``) could match a sentence and not the whole text: it is taken as matching.
        """
        if name not in found:
            anchored = self._anchored.get(name)
            if anchored is None:
                patterns = [getattr(p, "pattern", "") for p in getattr(self.lexicon.cue(name), "patterns", ())]
                anchored = self._anchored[name] = any(isinstance(p, str) and _ANCHORED.search(p) for p in patterns)
            found[name] = anchored or self.lexicon.cue(name).search(_ANY_SPACE.sub(" ", text)) is not None
        return found[name]

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
        cue_found: dict[str, bool] = {}  # needs_cue answers for this doc (the text read only if a frame asks)
        # first the encounter cues alone (few tokens): most articles stop here
        found: list[tuple[int, int]] = []  # (token, what it needs: _PLAIN / _JOIN / _GROUP)
        folded: list[str] | None = None
        for i, info in enumerate(infos):
            if not (info[1] or info[2]) or rows[i][1] or rows[i][2]:
                continue
            held = [frame for frame in info[1] if self._conditions_hold(frame, i, infos, doc, cue_found)]
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
                    if first:  # a full stop then a line break ends one sentence, not two
                        sentence_start[-1] = i + 1
                    else:
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

    def _conditions_hold(
        self, frame: _FrameCue, i: int, infos: list[Any], doc: Doc, cue_found: dict[str, bool]
    ) -> bool:
        """A frame's ``needs_next`` and ``needs_reflexive`` conditions, on the surface tokens around ``i``,
        and its ``needs_cue`` on the doc's text."""
        if frame.needs_reflexive and not any(
            infos[j][5] in self.reflexives for j in range(max(0, i - REFLEXIVE_REACH), i)
        ):
            return False
        if frame.needs_next and not any(
            infos[j][5] in frame.needs_next for j in range(i + 1, min(len(infos), i + 1 + NEXT_WORDS))
        ):
            return False
        if frame.needs_cue and not self._cue_in(frame.needs_cue, TokenWords.of(doc).whole_text(), cue_found):
            return False  # "a affirmé au président X": an encounter only when the text tells a visit
        return True
