"""Offsets of a processed Doc back into the caller's text."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .normalize import OffsetMap


def offset_map(doc: Doc) -> OffsetMap:
    """The doc's offset map (identity when the text was not normalised)."""
    segments = doc._.offset_segments
    if not segments:
        return OffsetMap.identity(len(doc.text))
    return OffsetMap(segments, len(doc._.source_text if doc._.source_text is not None else doc.text))


def source_text(doc: Doc) -> str:
    return doc._.source_text if doc._.source_text is not None else doc.text


def mention(doc: Doc, start_char: int, end_char: int, omap: OffsetMap | None = None) -> dict:
    """A JSON-able mention ``{start, end, text}`` in the caller's text for a normalised char range."""
    omap = omap or offset_map(doc)
    start, end = omap.span(start_char, end_char)
    return {"start": start, "end": end, "text": source_text(doc)[start:end]}


def span_mention(span: Span, omap: OffsetMap | None = None) -> dict:
    return mention(span.doc, span.start_char, span.end_char, omap)
