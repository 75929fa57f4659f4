"""The topic lexicon's regular expression: accent folding that keeps offsets, and one RE2 expression
compiled from all the cues (literal phrases as a trie, then the regexes), for :mod:`.topics`."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..kb.safe_regex import check_regex, compile_user_regex

if TYPE_CHECKING:
    from .topics import TopicCue

_NAMED_GROUP = re.compile(r"\(\?P?<(?![=!])")
_INLINE_FLAGS = re.compile(r"\(\?[a-zA-Z]+[):]")
#: A character that is not a word character (Python's ``\w``: letters, digits, underscore).
_NON_WORD = r"[^\pL\pN_]"
_SPACE_RUN = r"(?:\s|\pZ)+"


# --- length-preserving folding ---------------------------------------------------------------------


class _FoldTable(dict[int, int]):
    """``str.translate`` table mapping each character to one lower-case, accent-less character."""

    def __missing__(self, code: int) -> int:
        char = chr(code)
        base = unicodedata.normalize("NFKD", char)[:1] or char
        lower = base.lower()
        folded = lower if len(lower) == 1 else base
        self[code] = ord(folded)
        return self[code]


_FOLD_TABLE = _FoldTable()
_FOLD_TABLE.update({ord(c): ord("'") for c in "\u2019\u2018\u02bc\u00b4\u2032`"})
_FOLD_TABLE.update({ord(c): ord("-") for c in "\u2010\u2011\u2012\u2013\u2014\u2212"})


def fold_text(text: str) -> str:
    """Lower-case a text and strip its accents, one character for one character.

    "Échange d’Informations" becomes "echange d'informations"; offsets in the
    result are offsets in the input.

    text (str): The text.
    RETURNS (str): The folded text, of the same length.
    """
    if text.isascii():
        return text.lower().replace("`", "'")
    return text.translate(_FOLD_TABLE)


def _fold_regex(pattern: str) -> str:
    # Fold only non-ASCII characters: escapes such as \W or \S must keep their case.
    return "".join(fold_text(char) if not char.isascii() else char for char in pattern)


# --- one expression for all cues ------------------------------------------------------------------


@dataclass(frozen=True)
class _CompiledLexicon:
    pattern: Any  # an RE2 pattern over UTF-8 bytes, or None for an empty lexicon
    literal_topics: dict[str, tuple[str, ...]]
    regex_topics: dict[str, tuple[str, ...]]
    cue_group: int  # the group number of the whole cue
    groups: tuple[tuple[str, int], ...]  # (name, number) of the literal group and of each regex


def _char_offsets(data: bytes) -> Any:
    """For each byte offset of UTF-8 ``data`` (and its end), the offset of its character."""
    import numpy

    raw = numpy.frombuffer(data, dtype=numpy.uint8)
    # a character starts at every byte that is not a continuation byte (10xxxxxx)
    starts = (raw & 0xC0) != 0x80
    offsets = numpy.cumsum(starts) - 1
    return numpy.append(offsets, int(starts.sum()))


@lru_cache(maxsize=16)
def _compile(cues: tuple[TopicCue, ...]) -> _CompiledLexicon:
    literal_topics: dict[str, list[str]] = {}
    regex_topics: dict[str, list[str]] = {}
    regex_groups: dict[str, str] = {}
    for cue in cues:
        topics_of = None
        if cue.pattern is not None:
            key = " ".join(fold_text(cue.pattern).split())
            topics_of = literal_topics.setdefault(key, [])
        elif cue.regex is not None:
            body = _fold_regex(cue.regex)
            name = regex_groups.setdefault(body, f"r{len(regex_groups)}")
            topics_of = regex_topics.setdefault(name, [])
        if topics_of is not None and not cue.exclude and cue.topic not in topics_of:
            topics_of.append(cue.topic)
    branches = []
    if literal_topics:
        branches.append(f"(?P<lit>{_trie_regex(literal_topics)})")
    branches.extend(f"(?P<{name}>{body})" for body, name in regex_groups.items())
    pattern = compile_user_regex(_bounded(branches).encode("utf-8")) if branches else None
    index = {
        (name.decode() if isinstance(name, bytes) else name): number
        for name, number in (pattern.groupindex.items() if pattern is not None else ())
    }
    names = ("lit", *regex_groups.values()) if literal_topics else tuple(regex_groups.values())
    return _CompiledLexicon(
        pattern,
        {key: tuple(value) for key, value in literal_topics.items()},
        {key: tuple(value) for key, value in regex_topics.items()},
        index.get("cue", 0),
        tuple((name, index[name]) for name in names if name in index),
    )


def _bounded(branches: list[str]) -> str:
    """The alternation of ``branches`` as a whole-word cue: a non-word character or the text's end on each side."""
    return f"(?:^|{_NON_WORD})(?P<cue>" + "|".join(branches) + f")(?:{_NON_WORD}|$)"


_Trie = dict[str, "_Trie"]
"""A character trie; the key "" marks the end of a phrase."""


def _trie_regex(phrases: Iterable[str]) -> str:
    """One alternation for many phrases, factored by common prefixes.

    Equivalent to ``"|".join(sorted(phrases, key=len, reverse=True))`` followed by a
    word boundary (greedy: the longer phrase is tried first at each branching),
    but a word start is checked against each first letter once instead of
    against every phrase. A space in a phrase matches any run of whitespace.
    """
    trie: _Trie = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_node_regex(trie)


def _trie_node_regex(node: _Trie) -> str:
    branches = [
        (_SPACE_RUN if char == " " else _escape(char)) + _trie_node_regex(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def _escape(char: str) -> str:
    """A literal character in an RE2 expression."""
    return char if char.isalnum() else "\\" + char if char.isascii() else char


def _check_cue_regex(regex: str) -> str | None:
    problem = check_regex(regex)
    if problem is not None:
        return problem
    if _NAMED_GROUP.search(regex):
        return "named groups are not supported in a lexicon regex"
    if _INLINE_FLAGS.search(regex):
        return "cannot be combined with the other cues: inline flags such as (?i) apply to the whole expression"
    body = _fold_regex(regex)
    try:
        alone = compile_user_regex(body)
        compile_user_regex(_bounded([f"(?P<r0>{body})"]))
    except ValueError as err:
        return f"cannot be combined with the other cues: {err}"
    if alone.fullmatch("") is not None:
        return "matches the empty string"
    return None
