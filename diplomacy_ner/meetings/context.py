"""Document-level facts every layer of the meeting step reads once."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from functools import lru_cache
from importlib import resources
from collections.abc import Callable
from typing import Any

import numpy
from spacy.attrs import IDX, LEMMA, LOWER, MORPH, POS
from spacy.symbols import ADJ, AUX, NOUN, NUM, PROPN, VERB
from spacy.tokens import Doc, Span

from ..folding import fold
from ..readers.jsonl import iter_json_objects
from ..offsets import offset_map, source_text
from ..rules.tokens import TokenWords
from .lexicon import MeetingLexicon
from .topics import TopicLexicon
from ..extensions import span_info


@lru_cache(maxsize=1)
def _title_classes() -> dict[tuple[str, ...], str]:
    """The shipped title phrases (folded words) and their class ("chef du gouvernement" → prime_minister)."""
    text = resources.files("diplomacy_ner").joinpath("resources", "patterns", "titles.jsonl").read_text(encoding="utf-8")
    table: dict[tuple[str, ...], str] = {}
    for _, obj in iter_json_objects(text.splitlines(), "titles.jsonl"):
        if isinstance(obj.get("pattern"), str) and obj.get("id"):
            table.setdefault(tuple(fold(obj["pattern"]).split()), str(obj["id"]))
    return table


def is_title_phrase(text: str) -> bool:
    """Is ``text`` exactly a shipped title ("Chef du Gouvernement" written in capitals, taken for a name)?"""
    return tuple(fold(text).split()) in _title_classes()


@lru_cache(maxsize=4096)
def role_class(role: str) -> str | None:
    """The class of an office written out ("chef du gouvernement", "roi du Maroc" → its longest known title)."""
    table = _title_classes()
    words = tuple(fold(role).split())
    for n in range(len(words), 0, -1):
        cls = table.get(words[:n])
        if cls is not None:
            return cls
    return None


# a morphological analysis's hash -> its features ({"Tense": ["Fut"], ...}); hashes name the same
# analysis in every vocabulary, and there are a few hundred of them
_FEATURES: dict[int, dict[str, list[str]]] = {}


def _features(strings: Any, key: int) -> dict[str, list[str]]:
    feats = _FEATURES.get(key)
    if feats is None:
        text = strings[key] if key else ""
        feats = {}
        for part in text.split("|"):
            field, _, values = part.partition("=")
            if values:
                feats[field] = values.split(",")
        _FEATURES[key] = feats
    return feats


class DocContext:
    """A linked doc with its spans bucketed by sentence and label.

    doc (Doc): a doc processed by the entity rules and the linker.
    topics (TopicLexicon): the topic lexicon.
    lexicon (MeetingLexicon): frames, cues and word sets.
    spans_key (str): the span group of the entity rules.
    """

    def __init__(self, doc: Doc, *, topics: TopicLexicon, lexicon: MeetingLexicon, spans_key: str):
        self.doc = doc
        words = TokenWords.of(doc)
        self.text = words.whole_text()  # Doc.text builds a Token per token on every access: read it once
        self.lowers: list[str] = words.lowers  # each token's lower-case form, without building Token objects
        self.texts: list[str] = words.texts  # each token's text, without building Token objects
        self._idx: list[int] = doc.to_array([IDX]).tolist() if len(doc) else []
        self._ents: list[Span] | None = None
        self.topics = topics
        self.lex = lexicon
        self.spans = list(doc.spans[spans_key]) if spans_key in doc.spans else []
        self.published = dt.date.fromisoformat(doc._.published) if doc._.published else None
        self.omap = offset_map(doc)
        self.source = source_text(doc)  # the caller's text, which every mention slices
        self.roles: dict[str, dict[str, Any]] = {
            pid: (info if info.get("class") or not info.get("role") else {**info, "class": role_class(info["role"])})
            for pid, info in (doc._.person_roles or {}).items()
        }
        self.entities = {e["id"]: e for e in (doc._.entities or [])}
        self.home: str | None = doc._.home_country
        self.dateline: dict[str, Any] | None = doc._.dateline or None
        self.ranking: list[str] = list(doc._.country_ranking or [])
        self.sents: list[Span] = list(doc.sents)
        self.sentence_of: dict[int, int] = {}
        for k, sent in enumerate(self.sents):
            self.sentence_of.update(dict.fromkeys(range(sent.start, sent.end), k))  # no Python loop per token
        self.by_label: dict[str, list[Span]] = {}
        self.by_sentence: dict[tuple[int, str], list[Span]] = {}
        for s in self.spans:
            self.by_label.setdefault(s.label_, []).append(s)
            self.by_sentence.setdefault((self.sentence_of.get(s.start, -1), s.label_), []).append(s)
        self.title_person = {(t.start, t.end): (span_info(t) or {}).get("person") for t in self.by_label.get("TITLE", [])}
        self._newlines = [m.start() for m in re.finditer("\n", self.text)]
        self._cues: dict[tuple[int, str], bool] = {}
        self._starts: dict[tuple[int, str], list[int]] = {}
        self._roots: dict[int, Any] = {}
        self._years: dict[int, list[int]] = {}
        self.body_places_cache: list[Span] | None = None
        self.lead_date: tuple[Span | None, dt.date | None] | None = None  # slots.lead_date, once per doc
        self._answers: dict[tuple[Any, ...], Any] = {}  # see `once`
        self.filled_country: dict[str, str] = {}  # slots.fill_countries: one person, one country per article
        self._state_codes: set[str] | None = None
        self.person_starts: list[int] = [p.start for p in self.by_label.get("PERSON", [])]
        self._frame_candidates: list[int] | None = None
        self._morph: list[int] | None = None  # MORPH hashes, read on the first `feature`
        self._pos: list[int] | None = None  # POS ids, read on the first `is_verb`
        self._anaphor_candidates: list[int] | None = None
        self.anaphor_words: set[str] = set()  # set with the candidates: the words Coreference.anaphors tests
        self.numbers: set[int] = set()  # set with the candidates: the tokens tagged NUM

    def once(self, step: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """``step(self, *args, **kwargs)``, computed once per doc for the same arguments (hashable):
        the layers ask the same question of a mention or a predicate several times
        (``officials.excluded``, ``places.explicit_place``, ``slots.date_for``)."""
        key = (step, args, tuple(sorted(kwargs.items())))
        if key not in self._answers:
            self._answers[key] = step(self, *args, **kwargs)
        return self._answers[key]

    def feature(self, i: int, field: str) -> list[str]:
        """``doc[i].morph.get(field)`` without building the Token and its MorphAnalysis."""
        if self._morph is None:
            self._morph = self.doc.to_array([MORPH]).tolist() if len(self.doc) else []
        return _features(self.doc.vocab.strings, self._morph[i]).get(field, [])

    def names_a_company(self, start: int, sent_start: int) -> bool:
        """Is the name at token ``start`` a company's ("le PDG du groupe de BTP Colas", "la société
        pétrolière Sonatrach")? A company noun (word set ``company_head``) stands before it, with only
        lower-case nouns and adjectives, "de" / "d'" and acronyms between, at most four tokens: a verb,
        another preposition or a punctuation mark ends the phrase ("une délégation de la Banque
        mondiale conduite par X": X leads it)."""
        heads, genitive = self.lex.word_set("company_head"), self.lex.word_set("genitive")
        pos = self._pos_ids()
        for j in range(start - 1, max(sent_start, start - 6) - 1, -1):
            if self.lowers[j] in heads and pos[j] == NOUN:
                return True
            text = self.texts[j]
            lower_word = text.islower() and pos[j] in (NOUN, ADJ)
            acronym = len(text) > 1 and text.isalpha() and text.isupper() and pos[j] in (NOUN, PROPN, ADJ)
            if not (self.lowers[j] in genitive or lower_word or acronym):
                return False
        return False

    def _pos_ids(self) -> list[int]:
        """Every token's part of speech (spaCy's symbol ids), read once per doc."""
        if self._pos is None:
            self._pos = self.doc.to_array([POS]).tolist() if len(self.doc) else []
        return self._pos

    def is_verb(self, i: int) -> bool:
        """``doc[i].pos_ in ("VERB", "AUX")`` without building the Token."""
        return self._pos_ids()[i] in (VERB, AUX)

    # -- cached per-sentence facts: every layer asks them per predicate, a long sentence pays once --------
    def line_bounds(self, char: int) -> tuple[int, int]:
        """Start and end offsets of the line holding character ``char``."""
        k = bisect.bisect_left(self._newlines, char)
        start = self._newlines[k - 1] + 1 if k > 0 else 0
        end = self._newlines[k] if k < len(self._newlines) else len(self.text)
        return start, end

    def sentence_cue(self, k: int, name: str) -> bool:
        """Does sentence ``k`` match the cue list ``name``?"""
        key = (k, name)
        if key not in self._cues:
            self._cues[key] = bool(self.lex.cue(name).search(self.span_text(self.sents[k])))
        return self._cues[key]

    def sentence_years(self, k: int) -> list[int]:
        if k not in self._years:
            self._years[k] = [int(y) for y in re.findall(r"\b(19\d\d|20\d\d)\b", self.span_text(self.sents[k]))]
        return self._years[k]

    def frame_candidates(self, k: int) -> list[int]:
        """The tokens of sentence ``k`` whose lemma or lower-case form can open a frame: the first
        test of ``encounters._frame_for``, read for the whole doc at once from token arrays."""
        if self._frame_candidates is None:
            lex, strings = self.lex, self.doc.vocab.strings
            verbs, nouns, prefixes = lex.verb_frames, lex.noun_frames, lex.verb_form_prefixes
            pronouns = lex.word_set("encounter_pronoun")  # "celle avec X" after an encounter noun
            rows = self.doc.to_array([LEMMA, LOWER]).tolist() if len(self.doc) else []
            # (lemma, lower-case form) hashes -> opens a frame, kept by the lexicon for every doc it reads
            opens = lex.opener_cache
            found = []
            for i, row in enumerate(rows):
                key = (row[0], row[1])
                if key not in opens:
                    lemma, low = strings[row[0]].lower(), strings[row[1]]
                    opens[key] = lemma in verbs or lemma in nouns or low in nouns or low.startswith(prefixes) or low in pronouns
                if opens[key]:
                    found.append(i)
            self._frame_candidates = found
        sent = self.sents[k]
        lo = bisect.bisect_left(self._frame_candidates, sent.start)
        hi = bisect.bisect_left(self._frame_candidates, sent.end)
        return self._frame_candidates[lo:hi]

    def anaphor_candidates(self, k: int) -> list[int]:
        """The tokens of sentence ``k`` that ``Coreference.anaphors`` can take: a subject, plural or
        demonstrative pronoun, a number, a noun or a proper noun (the others match none of its tests)."""
        if self._anaphor_candidates is None:
            lex, strings = self.lex, self.doc.vocab.strings
            words = lex.word_set("plural_pronoun") | lex.word_set("pronoun_subject") | lex.word_set("demonstrative")
            self.anaphor_words = words | lex.word_set("plural_person_noun")
            if len(self.doc):
                # one numpy test over the whole doc instead of a Python test per token
                rows = self.doc.to_array([LOWER, POS])
                lows, tags = rows[:, 0], rows[:, 1]
                keep = (tags == NUM) | (tags == NOUN) | (tags == PROPN)
                for word in words:  # a handful of pronouns (numpy.isin costs more on such short lists)
                    if word in strings:
                        keep |= lows == strings.as_int(word)
                self._anaphor_candidates = numpy.flatnonzero(keep).tolist()
                self.numbers = set(numpy.flatnonzero(tags == NUM).tolist())
            else:
                self._anaphor_candidates = []
        sent = self.sents[k]
        lo = bisect.bisect_left(self._anaphor_candidates, sent.start)
        hi = bisect.bisect_left(self._anaphor_candidates, sent.end)
        return self._anaphor_candidates[lo:hi]

    def span_text(self, span: Span) -> str:
        """What ``span.text`` gives, sliced from the doc text (``Span.text`` builds a Token per token)."""
        return self.text[span.start_char : span.end_char]

    def char_of(self, i: int) -> int:
        """The character offset of token ``i`` (``doc[i].idx`` without building the Token)."""
        return self._idx[i] if i < len(self._idx) else len(self.text)

    def tokens_text(self, start: int, end: int) -> str:
        """What ``doc[start:end].text`` gives, sliced from the doc text."""
        if end <= start:
            return ""
        return self.text[self._idx[start] : self._idx[end - 1] + len(self.texts[end - 1])]

    def ents_in(self, k: int) -> list[Span]:
        """The statistical NER's entities that start in sentence ``k`` (``doc.ents`` read once)."""
        if self._ents is None:
            self._ents = list(self.doc.ents)
            self._ent_starts = [e.start for e in self._ents]
        sent = self.sents[k]
        lo = bisect.bisect_left(self._ent_starts, sent.start)
        hi = bisect.bisect_left(self._ent_starts, sent.end)
        return self._ents[lo:hi]

    def root(self, k: int) -> Any:
        """The root token of sentence ``k``."""
        if k not in self._roots:
            self._roots[k] = self.sents[k].root
        return self._roots[k]

    def near(self, k: int, label: str, i: int, radius: int) -> list[Span]:
        """The spans of ``label`` in sentence ``k`` that start within ``radius`` tokens of token ``i``."""
        spans = self.in_sentence(k, label)
        key = (k, label)
        if key not in self._starts:
            self._starts[key] = [s.start for s in spans]
        starts = self._starts[key]
        lo = bisect.bisect_left(starts, i - radius)
        hi = bisect.bisect_right(starts, i + radius)
        return spans[lo:hi]

    def in_sentence(self, k: int, label: str) -> list[Span]:
        """The spans of ``label`` that start in sentence ``k``."""
        return self.by_sentence.get((k, label), [])

    def body_code(self, body_id: str) -> str | None:
        """The participant code of a body ("UE", "ONU", a state for a national body)."""
        return (self.doc._.body_codes or {}).get(body_id)  # set by the linker

    def person_info(self, pid: str) -> dict[str, Any]:
        """Role, country and class of a person entity (text first, then KB)."""
        return self.roles.get(pid, {})

    def person_name(self, pid: str) -> str | None:
        return (self.entities.get(pid) or {}).get("name")

    def state_codes(self) -> set[str]:
        """The states the text names (country mentions, not bodies), and its home country."""
        if self._state_codes is None:
            codes = {s.kb_id_.split(":", 1)[1] for s in self.by_label.get("COUNTRY", []) if s.kb_id_.startswith("country:")}
            self._state_codes = codes | ({self.home} if self.home else set())
        return self._state_codes
