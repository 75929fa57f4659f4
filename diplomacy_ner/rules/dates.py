"""Date expressions as DATE spans."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.tokens import Doc, Span
from ..extensions import span_info


def date_spans(doc: Doc, expressions: Iterable[Any]) -> list[Span]:
    """DATE spans of date expressions (``start``, ``end`` character offsets and ``kind``).

    doc (Doc): the doc.
    expressions (Iterable): the expressions found in ``doc.text``.
    RETURNS (list[Span]): the spans, each with its kind and offsets in ``span_info(span)``.
    """
    out = []
    for expr in expressions:
        span = doc.char_span(expr.start, expr.end, label="DATE", alignment_mode="expand")
        if span is not None:
            span._.info = {"kind": expr.kind, "start_char": expr.start, "end_char": expr.end}
            out.append(span)
    return out
