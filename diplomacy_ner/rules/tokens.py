"""Token strings of a doc read once, as plain lists, and words made of several tokens.

``for tok in doc`` builds a Token object per token; the rules that scan every
token read these lists instead.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Sequence
from typing import Any

from spacy.attrs import LOWER, ORTH, SPACY
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..lexicons import word_set

_WORDS: weakref.WeakKeyDictionary[Doc, TokenWords] = weakref.WeakKeyDictionary()
# string hash -> string: a hash names the same string in every vocabulary, and a dict lookup is
# several times cheaper than decoding it from spaCy's StringStore (emptied past this size)
_STRING_OF: dict[int, str] = {}
_STRING_CACHE_SIZE = 1_000_000


class TokenWords:
    """The text, lower-case form and trailing space of every token of a doc, as plain lists."""

    __slots__ = ("texts", "lowers", "spaces", "_whole")

    def __init__(self, texts: list[str], lowers: list[str], spaces: list[bool]):
        self.texts = texts
        self.lowers = lowers
        self.spaces = spaces
        self._whole: str | None = None

    @classmethod
    def of(cls, doc: Doc) -> TokenWords:
        """The token strings of ``doc``, read once per doc: the entity rules, the linker and the
        meeting step all ask (kept while the doc lives; a retokenized doc of another length is read anew)."""
        cached = _WORDS.get(doc)
        if cached is not None and len(cached.texts) == len(doc):
            return cached
        if not len(doc):
            return cls([], [], [])
        rows = doc.to_array([ORTH, LOWER, SPACY])
        orths, lowers = rows[:, 0].tolist(), rows[:, 1].tolist()  # plain ints: numpy scalars are slow to index with
        try:
            texts, lower_texts = [_STRING_OF[h] for h in orths], [_STRING_OF[h] for h in lowers]
        except KeyError:  # words not seen before: decoded once from the string store
            if len(_STRING_OF) > _STRING_CACHE_SIZE:
                _STRING_OF.clear()
            strings = doc.vocab.strings
            # this doc's strings in a table of its own: another thread may empty the shared one meanwhile
            local: dict[int, str] = {}
            for h in orths + lowers:
                if h not in local:
                    text = _STRING_OF.get(h)
                    local[h] = _STRING_OF[h] = text if text is not None else strings[h]
            texts, lower_texts = [local[h] for h in orths], [local[h] for h in lowers]
        words = cls(texts, lower_texts, (rows[:, 2] != 0).tolist())
        _WORDS[doc] = words
        return words

    def whole_text(self) -> str:
        """What ``doc.text`` gives (which builds a Token object per token), joined once: the entity
        rules, the linker and the meeting step all read it."""
        if self._whole is None:
            self._whole = "".join([t + " " if s else t for t, s in zip(self.texts, self.spaces, strict=True)])
        return self._whole

    def text(self, start: int, end: int) -> str:
        """What ``doc[start:end].text`` gives."""
        parts = [self.texts[k] + (" " if self.spaces[k] else "") for k in range(start, end - 1)]
        return "".join(parts) + self.texts[end - 1]


def hyphenated_words(words: TokenWords) -> list[tuple[int, int, str]]:
    """Hyphenated words, whether the tokenizer kept them whole or split them."""
    out: list[tuple[int, int, str]] = []
    texts, spaces = words.texts, words.spaces
    n = len(texts)
    # only a token holding a hyphen, or the one before a "-" token, can start a word: the others
    # are skipped without a Python test each
    marks = [k for k, text in enumerate(texts) if "-" in text]
    starts = sorted(set(marks) | {k - 1 for k in marks if k > 0 and texts[k] == "-"})
    free = 0  # tokens before this one belong to a word already found
    for i in starts:
        if i < free:
            continue
        text = texts[i]
        if "-" in text[1:-1] and text[:1].isalpha():
            out.append((i, i + 1, text))
            free = i + 1
            continue
        j = i + 1
        while j + 1 < n and texts[j] == "-" and not spaces[j - 1] and not spaces[j] and texts[j + 1][:1].isalpha():
            j += 2
        if j > i + 1 and text[:1].isalpha():
            out.append((i, j, words.text(i, j)))
            free = j
    return out


def join_tokens(tokens: Sequence[Any]) -> str:
    """The text of tokens as written, without a leading article or trailing commas."""
    out = ""
    for k, tok in enumerate(tokens):
        out += tok.text
        if k < len(tokens) - 1:
            out += tok.whitespace_ or ""
    out = out.strip(" ,")
    if (" " in out and out.split(" ", 1)[0].lower() in word_set("definite_articles_singular")) or out[:2].lower() == "l'":
        out = out.split(" ", 1)[1] if " " in out[:3] else out[2:]
    return re.sub(r"\s+", " ", out).strip()


def longest_heads(heads: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The longest of overlapping heads, left to right."""
    heads = sorted(heads, key=lambda h: (h[0], -(h[1] - h[0])))
    out: list[tuple[int, int, str]] = []
    last_end = -1
    for h in heads:
        if h[0] >= last_end:
            out.append(h)
            last_end = h[1]
    return out


def longest_non_overlapping(spans: list[Span]) -> list[Span]:
    """spaCy's ``filter_spans``, in text order."""
    return sorted(filter_spans(spans), key=lambda s: s.start)


def dedupe(spans: list[Span]) -> list[Span]:
    """One span per (start, end), preferring one with a knowledge-base id (the first id in
    alphabetical order among several: the linker then picks among bodies of the same name)."""
    seen = set()
    out = []
    for s in sorted(spans, key=lambda s: (s.start, -(s.end - s.start), s.kb_id_ == "", s.kb_id_)):
        key = (s.start, s.end)
        if key in seen:
            continue
        seen.add(key)
        out.append(s)
    return out
