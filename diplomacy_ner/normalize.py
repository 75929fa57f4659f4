"""Text clean-up before spaCy, with an offset map back to the caller's text.

Real articles carry typographic apostrophes, non-breaking spaces, hard line
breaks in mid-sentence (text copied out of PDFs), decomposed accents,
zero-width and bidirectional marks, control characters, lone surrogates and
left-over HTML (tags, comments, entities).
:func:`normalize_text` returns the cleaned text and an :class:`OffsetMap`, so
that every offset the library reports points into the text the user passed in:
``original[m.start:m.end] == m.text``.
"""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

# (pattern, replacement or None when computed) — order gives priority on overlaps.
# a grave accent between two letters is an apostrophe typed on a keyboard without one ("l`Etat")
_APOSTROPHE_CLASS = "[\u2019\u2018\u02bc\u00b4\u2032]"
_APOSTROPHES = re.compile(_APOSTROPHE_CLASS + "|(?<=[^\\W\\d_])`(?=[^\\W\\d_])")
# the same without the grave accent, whose lookarounds are tried at every character: for texts without "`"
_APOSTROPHE_CHARS = re.compile(_APOSTROPHE_CLASS)
_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t]")
# zero-width characters, bidirectional marks and isolates (including the Arabic letter mark),
# soft hyphens, variation selectors and carriage returns: removed
#: Invisible marks the normaliser drops (shared with the meeting gate).
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u00ad\u061c\u180e\ufe00-\ufe0f\r]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# runs of control characters, terminal colour codes ("\x1b[31m") included
_CONTROL_RUN = re.compile("(?:\x1b\\[[0-9;?]{0,20}[ -/]{0,5}[@-~]|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f])+")
# Unicode line and paragraph separators: line breaks for the sentence splitter.
_LINE_SEPARATORS = re.compile("[\u2028\u2029]")
# Lone surrogates (text decoded with errors="surrogateescape", broken JSON escapes) cannot be
# encoded as UTF-8, which spaCy's string store needs: each becomes U+FFFD, one for one.
_SURROGATE = re.compile("[\ud800-\udfff]")
_HTML_COMMENT = re.compile(r"<!--.{0,5000}?-->", re.DOTALL)
_COMBINING_CLASS = r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
_COMBINING_RUN = re.compile(r"[^\W\d_]" + _COMBINING_CLASS + "+")
_COMBINING_MARK = re.compile(_COMBINING_CLASS)
_HTML_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)(?:\s[^<>]{0,500})?/?>")
# Tags inside a line of text: removing them must not split a word ("Alba<b>res</b>").
# fmt: off
_INLINE_TAGS = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins",
    "kbd", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u",
    "var", "wbr",
})
# fmt: on
_HTML_ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#[0-9]{1,6}|#[xX][0-9A-Fa-f]{1,5});")
_SINGLE_NEWLINE = re.compile(r"(?<=[^\n])\n(?=[^\n])")
# group 1 is the break; the letter before it is matched, not looked behind for (the same matches, faster)
_BLANK_LINE_IN_SENTENCE = re.compile(r"[a-zà-ÿ,]([ \t]*\n[ \t]*\n[ \t]*)(?=[a-zà-ÿ])")
# A line ending with one of these is a finished sentence or a heading: keep the break.
_SENTENCE_END = set('.!?:;»…"*#)]|')
_SPACE_MARK = "\u0001"


@lru_cache(maxsize=1)
def _line_end_joiners() -> frozenset[str]:
    """Words that end a line without ending the sentence, even before a capital ("avec\nIvica Dačić")."""
    from .lexicons import word_set  # late: the lexicon reader imports the KB loader

    return frozenset(word_set("line_end_joiner"))


@lru_cache(maxsize=1)
def _joining_abbreviations() -> tuple[str, ...]:
    """Abbreviations that end a line without ending the sentence ("M." before a name on the next line)."""
    from .lexicons import word_set  # late: the lexicon reader imports the KB loader

    return tuple(sorted(word_set("joining_abbreviations")))


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    replacement: str


class OffsetMap:
    """Maps character offsets of the normalised text back to the original text.

    Stored as segments ``[norm_start, orig_start, norm_len, orig_len]``: a
    segment with equal lengths maps one to one; a replaced segment maps every
    inner offset to its original start and its end to its original end. The
    segments are plain lists so they can live on ``Doc._`` (JSON-able).
    """

    __slots__ = ("segments", "_starts", "original_length")

    def __init__(self, segments: list[list[int]], original_length: int):
        self.segments = segments
        self._starts = [s[0] for s in segments]
        self.original_length = original_length

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls([[0, 0, length, length]], length)

    def _segment(self, index: int) -> list[int]:
        pos = bisect_right(self._starts, index) - 1
        return self.segments[max(pos, 0)]

    def start(self, index: int) -> int:
        """The original offset of the character at normalised ``index``."""
        norm_start, orig_start, norm_len, orig_len = self._segment(index)
        if norm_len == orig_len:
            return min(orig_start + (index - norm_start), self.original_length)
        return orig_start

    def end(self, index: int) -> int:
        """The original (exclusive) end offset for a normalised end ``index``."""
        if index <= 0:
            return 0
        norm_start, orig_start, norm_len, orig_len = self._segment(index - 1)
        if norm_len == orig_len:
            return min(orig_start + (index - norm_start), self.original_length)
        return orig_start + orig_len

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised ``[start, end)`` range to the original text."""
        o_start = self.start(start)
        o_end = self.end(end)
        return o_start, max(o_start, o_end)


def _newline_edits(text: str) -> list[Edit]:
    """Hard line breaks inside a sentence become spaces (same length)."""
    edits = []
    candidates = []
    wrapped = False  # does some line run on into a lower-case word (text hard-wrapped in mid-sentence)?
    for m in _SINGLE_NEWLINE.finditer(text):
        i = m.start()
        line_start = text.rfind("\n", 0, i) + 1
        prev_line = text[line_start:i].rstrip(" \t\u00a0")
        if not prev_line:
            continue
        last = prev_line[-1]
        if last in _SENTENCE_END and not prev_line.endswith(_joining_abbreviations()):
            continue
        nxt = text[i + 1 : i + 2]
        wrapped = wrapped or nxt.islower()
        candidates.append((i, prev_line, last, nxt))
    for i, prev_line, last, nxt in candidates:
        words = prev_line.rsplit(None, 1)
        last_word = words[-1].lower() if words else ""
        function_word = last_word in _line_end_joiners() or last_word.endswith(("'", "’"))  # "avec", "de", "l'"
        if not wrapped and nxt.isupper() and not function_word and not prev_line.endswith(_joining_abbreviations()):
            # no line of this text runs on in mid-sentence: a line before a capital is a headline,
            # a kicker or a paragraph, not a wrapped sentence
            continue
        # a short line in capitals or ending with a digit is a heading or dateline: keep it apart
        if (last.isdigit() or prev_line.isupper()) and (nxt.isupper() or nxt.isdigit()):
            continue
        if nxt in "-–—•*#|>":
            continue
        edits.append(Edit(i, i + 1, " "))
    # a blank line in mid-sentence (a page or column break of a PDF): "afin de mieux\n\nprévoir"
    for m in _BLANK_LINE_IN_SENTENCE.finditer(text):
        edits.append(Edit(m.start(1), m.end(1), " "))
    return edits


def _clean_entity_value(value: str) -> str:
    """Apply the character clean-up to what an HTML entity stands for ("&rsquo;", "&#8203;"...)."""
    value = _SURROGATE.sub("\ufffd", value)
    value = INVISIBLE.sub("", value)
    value = _CONTROL.sub(" ", value)
    value = _LINE_SEPARATORS.sub("\n", value)
    value = _APOSTROPHES.sub("'", value)
    return _SPACES.sub(" ", value)


def _separator_edit(text: str, start: int, end: int, *, joins_words: bool) -> Edit:
    """Remove ``text[start:end]`` (markup, control characters) without gluing or doubling spaces.

    A run between two words becomes one space, unless ``joins_words`` (inline tags and
    comments, which never separate words); next to whitespace or at either end of the
    text it is deleted, and a run between two whitespace characters also takes the
    space after it, so that "a <br> b" reads "a b" and not "a  b".
    """
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    if before.isspace() and after == " ":
        return Edit(start, end + 1, "")
    if joins_words or not before or not after or before.isspace() or after.isspace():
        return Edit(start, end, "")
    return Edit(start, end, " ")


def _markup_edits(text: str) -> list[Edit]:
    """HTML comments and tags, consecutive ones taken together as one run."""
    found: list[tuple[int, int, bool]] = [(m.start(), m.end(), True) for m in _HTML_COMMENT.finditer(text)]
    for m in _HTML_TAG.finditer(text):
        found.append((m.start(), m.end(), m.group(1).lower() in _INLINE_TAGS))
    found.sort()
    runs: list[list[int | bool]] = []
    for start, end, inline in found:
        if runs and start < int(runs[-1][1]):
            continue  # a tag inside a comment
        if runs and start == runs[-1][1]:
            runs[-1][1] = end
            runs[-1][2] = bool(runs[-1][2]) and inline
        else:
            runs.append([start, end, inline])
    return [_separator_edit(text, int(a), int(b), joins_words=bool(inline)) for a, b, inline in runs]


def _collect_edits(text: str) -> list[Edit]:
    edits: list[Edit] = _markup_edits(text)
    for m in _HTML_ENTITY.finditer(text):
        value = html.unescape(m.group())
        if value != m.group():
            edits.append(Edit(m.start(), m.end(), _clean_entity_value(value)))
    # the slower patterns run only on texts that have what they look for (most have none)
    for m in _COMBINING_RUN.finditer(text) if _COMBINING_MARK.search(text) else ():
        value = unicodedata.normalize("NFC", m.group())
        if value != m.group():
            edits.append(Edit(m.start(), m.end(), value))
    for m in INVISIBLE.finditer(text):
        edits.append(Edit(m.start(), m.end(), ""))
    for m in _CONTROL_RUN.finditer(text) if _CONTROL.search(text) else ():
        edits.append(_separator_edit(text, m.start(), m.end(), joins_words=False))
    for m in _LINE_SEPARATORS.finditer(text):
        edits.append(Edit(m.start(), m.end(), "\n"))
    for m in _SURROGATE.finditer(text):
        edits.append(Edit(m.start(), m.end(), "\ufffd"))
    for m in (_APOSTROPHES if "`" in text else _APOSTROPHE_CHARS).finditer(text):
        edits.append(Edit(m.start(), m.end(), "'"))
    for m in _SPACES.finditer(text):
        edits.append(Edit(m.start(), m.end(), " "))
    edits.extend(_newline_edits(text))
    # keep the first edit on overlapping ranges (tags before entities before character fixes)
    edits.sort(key=lambda e: (e.start, -(e.end - e.start)))
    kept: list[Edit] = []
    last_end = -1
    for e in edits:
        if e.start >= last_end:
            kept.append(e)
            last_end = e.end
    return kept


def normalize_text(text: str) -> tuple[str, OffsetMap]:
    """Clean ``text`` for spaCy and return it with the map back to ``text``.

    text (str): the article as the user passed it.
    RETURNS (tuple[str, OffsetMap]): the normalised text and its offset map.
    """
    edits = _collect_edits(text)
    if not edits:
        return text, OffsetMap.identity(len(text))
    pieces: list[str] = []
    segments: list[list[int]] = []
    norm_pos = 0
    orig_pos = 0

    def keep(upto: int) -> None:
        nonlocal norm_pos, orig_pos
        if upto > orig_pos:
            length = upto - orig_pos
            pieces.append(text[orig_pos:upto])
            if (
                segments
                and segments[-1][2] == segments[-1][3]
                and (
                    segments[-1][0] + segments[-1][2] == norm_pos
                    and segments[-1][1] + segments[-1][3] == orig_pos
                )
            ):
                segments[-1][2] += length
                segments[-1][3] += length
            else:
                segments.append([norm_pos, orig_pos, length, length])
            norm_pos += length
            orig_pos = upto

    for e in edits:
        keep(e.start)
        pieces.append(e.replacement)
        new_len, old_len = len(e.replacement), e.end - e.start
        if new_len == old_len:
            # same length: a one-to-one segment, merge it with its neighbours
            if (
                segments
                and segments[-1][2] == segments[-1][3]
                and segments[-1][0] + segments[-1][2] == norm_pos
                and segments[-1][1] + segments[-1][3] == orig_pos
            ):
                segments[-1][2] += new_len
                segments[-1][3] += old_len
            else:
                segments.append([norm_pos, orig_pos, new_len, old_len])
        elif new_len:
            segments.append([norm_pos, orig_pos, new_len, old_len])
        else:
            # a deletion: the next kept character maps straight after it
            pass
        norm_pos += new_len
        orig_pos = e.end
    keep(len(text))
    if not segments:
        segments = [[0, 0, 0, len(text)]]
    return "".join(pieces), OffsetMap(segments, len(text))
