"""Offsets of a processed Doc back into the caller's text."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .normalize import OffsetMap
from .rules.tokens import TokenWords


def offset_map(doc: Doc) -> OffsetMap:
    """The doc's offset map (identity when the text was not normalised)."""
    segments = doc._.offset_segments
    if not segments:
        return OffsetMap.identity(len(TokenWords.of(doc).whole_text()))  # Doc.text builds a Token per token
    return OffsetMap(segments, len(source_text(doc)))


def source_text(doc: Doc) -> str:
    """The caller's text (the doc's own text when none was kept)."""
    text = doc._.source_text
    return text if text is not None else TokenWords.of(doc).whole_text()


def mention(
    doc: Doc, start_char: int, end_char: int, omap: OffsetMap | None = None, text: str | None = None
) -> dict:
    """A JSON-able mention ``{start, end, text}`` in the caller's text for a normalised char range.
    ``text`` is ``source_text(doc)`` when the caller has read it once for many mentions."""
    omap = omap or offset_map(doc)
    start, end = omap.span(start_char, end_char)
    return {"start": start, "end": end, "text": (text if text is not None else source_text(doc))[start:end]}


def span_mention(span: Span, omap: OffsetMap | None = None, text: str | None = None) -> dict:
    return mention(span.doc, span.start_char, span.end_char, omap, text)
