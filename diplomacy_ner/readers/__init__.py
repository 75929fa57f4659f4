"""Readers of the files the package is given: articles (txt, md, html, jsonl, stdin) and strict JSONL.

Nothing here imports pipeline code.
"""

from __future__ import annotations

from .articles import (
    HTML_SUFFIXES,
    JSONL_SUFFIXES,
    STDIN_ID,
    STDIN_NAME,
    SUPPORTED_SUFFIXES,
    TEXT_SUFFIXES,
    InputDocument,
    Source,
    count_characters,
    count_documents,
    expand_sources,
    html_to_text,
    iter_documents,
    read_sources,
)
from .encoding import DETECTED_ENCODINGS, decode_article, decode_utf8
from .jsonl import COMMENT_PREFIX, iter_json_lines, iter_json_objects, parse_json_line, validation_error

__all__ = [
    "COMMENT_PREFIX",
    "DETECTED_ENCODINGS",
    "HTML_SUFFIXES",
    "JSONL_SUFFIXES",
    "STDIN_ID",
    "STDIN_NAME",
    "SUPPORTED_SUFFIXES",
    "TEXT_SUFFIXES",
    "InputDocument",
    "Source",
    "count_characters",
    "count_documents",
    "decode_article",
    "decode_utf8",
    "expand_sources",
    "html_to_text",
    "iter_documents",
    "iter_json_lines",
    "iter_json_objects",
    "parse_json_line",
    "read_sources",
    "validation_error",
]
